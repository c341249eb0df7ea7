"""The terminal view, rendered as plain text (as in a pipe) and in colour."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from rich.console import Console

import transcriptkit
from transcriptkit import Cue, Diagnostic, Metadata, Paragraph, Span, Speaker, Transcript, Turn
from transcriptkit.view import MEASURE, PALETTE, TranscriptView, speaker_colors, speaker_table

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "npr_example.txt"


def _render(renderable: object, *, width: int = 80, color: bool = False) -> str:
    out = io.StringIO()
    console = Console(
        file=out, width=width, force_terminal=color, color_system="truecolor" if color else None
    )
    console.print(renderable)
    return out.getvalue()


def _turn(index: int, line: int, speaker: str, role: str | None, text: str) -> Turn:
    return Turn(
        index=index,
        speaker_id=speaker,
        label=speaker.upper(),
        role=role,  # type: ignore[arg-type]
        text=text,
        paragraphs=[text],
        line=line,
        span=Span(start=line * 10, end=line * 10 + 1),
    )


def _cue(kind: str, text: str, line: int) -> Cue:
    return Cue(kind=kind, text=text, line=line, span=Span(start=line * 10, end=line * 10 + 1))  # type: ignore[arg-type]


# A clip inside a reported piece: the soundbite runs from its cue to the reporter's return,
# and a clip_start/clip_end pair bounds another.
CLIPS = Transcript(
    kind="transcript",
    metadata=Metadata(title="Clip Test"),
    speakers=[
        Speaker(id="hal", name="HAL", role="host"),
        Speaker(id="rey", name="REY", role="reporter"),
        Speaker(id="vox", name="VOX"),
    ],
    turns=[
        _turn(0, 1, "hal", "host", "Intro words."),
        _turn(1, 5, "vox", None, "Clipped words one."),
        _turn(2, 7, "rey", "reporter", "Narration words."),
        _turn(3, 11, "vox", None, "Clipped words two."),
        _turn(4, 15, "vox", None, "Free words."),
    ],
    cues=[
        _cue("soundbite", "SOUNDBITE OF ARCHIVED RECORDING", 3),
        _cue("clip_start", "BEGIN VIDEO CLIP", 9),
        _cue("clip_end", "END VIDEO CLIP", 13),
    ],
)


def _line_of(text: str, needle: str) -> str:
    return next(line for line in text.splitlines() if needle in line)


def test_example_reads_in_order_as_plain_text() -> None:
    t = transcriptkit.parse_file(EXAMPLE)
    out = _render(TranscriptView(t, source="npr_example.txt"))
    assert "\x1b[" not in out
    header = out[: out.index("Speaker")]
    assert "In A Prairie Town, The Public Library Now Lends Out Seeds" in header
    assert "2025-06-12" in header and "transcript" in header and "npr_example.txt" in header
    legend = out[out.index("Speaker") : out.index("In the farm town")]
    for name in ("LENA HALVORSEN", "TOBIAS MARCHETTI", "ODILE FARNSWORTH", "WALT BRZEZINSKI"):
        assert name in legend
    assert " HOST " in _line_of(legend, "LENA HALVORSEN")
    assert " REPORTER " in _line_of(legend, "TOBIAS MARCHETTI")
    # the cue sits between the turns it stood between, as a rule
    rule = _line_of(out, "(SOUNDBITE OF ARCHIVED RECORDING)")
    assert rule.startswith("─") and rule.rstrip().endswith("─")
    assert out.index("they had a") < out.index(rule) < out.index("My grandmother")
    # the inline note is back where it was spoken
    assert "give them one. (LAUGHTER) Last year" in " ".join(out.split())
    assert all(len(line) <= 80 for line in out.splitlines())


def test_soundbites_have_a_bar() -> None:
    out = _render(TranscriptView(CLIPS))
    barred = {
        line.split()[1] for line in out.splitlines() if line.startswith("▌ ") and line[2:3] != " "
    }
    assert barred == {"VOX"}
    assert _line_of(out, "Clipped words one.").startswith("▌")
    assert _line_of(out, "Clipped words two.").startswith("▌")
    assert not _line_of(out, "Narration words.").startswith("▌")
    assert not _line_of(out, "Free words.").startswith("▌")
    assert not _line_of(out, "Intro words.").startswith("▌")


def test_wraps_to_the_width() -> None:
    out = _render(TranscriptView(transcriptkit.parse_file(EXAMPLE)), width=44)
    assert max(len(line) for line in out.splitlines()) <= 44


def test_rich_print_of_a_transcript_is_the_view() -> None:
    t = transcriptkit.parse_file(EXAMPLE)
    assert _render(t) == _render(TranscriptView(t))


def test_colours_are_stable_and_distinct() -> None:
    t = transcriptkit.parse_file(EXAMPLE)
    colors = speaker_colors(t)
    assert colors["lena-halvorsen"] == "#9c755f"  # the same in every run
    assert len(set(colors.values())) == len(colors)
    alone = Transcript(kind="transcript", speakers=[Speaker(id="lena-halvorsen", name="L")])
    assert speaker_colors(alone)["lena-halvorsen"] == "#9c755f"  # and in every document
    many = Transcript(
        kind="transcript", speakers=[Speaker(id=f"s{i}", name=f"S{i}") for i in range(20)]
    )
    assert set(speaker_colors(many).values()) == set(PALETTE)


def test_colour_output_uses_the_speaker_colour() -> None:
    out = _render(CLIPS, color=True)
    hal = speaker_colors(CLIPS)["hal"].lstrip("#")
    r, g, b = (int(hal[i : i + 2], 16) for i in (0, 2, 4))
    assert f"38;2;{r};{g};{b}m" in out
    assert "\x1b[" in out


def test_speaker_table_counts_and_bars() -> None:
    out = _render(speaker_table(CLIPS, bars=True))
    vox = _line_of(out, "VOX").split()
    assert vox[:4] == ["VOX", "3", "8", "67%"]
    assert _line_of(out, "VOX").rstrip().endswith("█")


def test_article_shows_its_paragraphs() -> None:
    article = Transcript(
        kind="article",
        metadata=Metadata(title="Dry Year", corrections=["An earlier version misspelled a name."]),
        paragraphs=[
            Paragraph(text="The river ran low.", line=3, span=Span(start=0, end=1)),
            Paragraph(text="Farmers waited.", line=5, span=Span(start=2, end=3)),
        ],
    )
    out = _render(article)
    assert "Dry Year" in out and "article" in out
    assert "Correction: An earlier version misspelled a name." in out
    assert out.index("The river ran low.") < out.index("Farmers waited.")
    assert "Speaker" not in out


def test_a_document_without_a_transcript_says_so() -> None:
    out = _render(Transcript(kind="other"))
    assert "Untitled" in out and "No transcript found" in out


# ---- issue 12: a view worth reading, at every width -----------------------------------

WIDTHS = (30, 40, 60, 80, 120, 200)
URL = "https://www.example.org/2025/06/12/nx-s1-5432100/prairie-town-public-library-lends-seeds"
_SGR = re.compile(r"\x1b\[[0-9;]*m")


def _timed(index: int, line: int, speaker: str, text: str, start: float | None) -> Turn:
    turn = _turn(index, line, speaker, "host" if speaker == "ira" else None, text)
    turn.paragraphs = text.split("\n\n")
    turn.start = start
    return turn


SHOW = Transcript(
    kind="transcript",
    metadata=Metadata(
        title="The Seed Keepers Of The Northern Prairie Towns",
        url=URL,
        program="Weekend Edition Sunday",
        style="npr",
        style_confidence=0.9,
    ),
    speakers=[
        Speaker(id="ira", name="IRMA GLASSER", role="host"),
        Speaker(id="dana", name="DANA CHO"),
    ],
    turns=[
        _timed(0, 3, "ira", "Hello there, this is the show.\n\nAct One", 5.0),
        _timed(1, 7, "ira", "More words here for act one.", 65.2),
        _timed(2, 9, "dana", "Reply words here.", 3725.0),
        _timed(3, 11, "dana", "More reply from the same speaker.", 3730.0),
    ],
    cues=[_cue("music", "MUSIC", 8)],
    diagnostics=[
        Diagnostic(
            level="info",
            code="tail",
            message="12 lines after the closing notice were dropped",
            line=40,
        ),
        Diagnostic(level="warning", code="odd", message="line 3: something odd"),
    ],
)


def _recorded(renderable: object, width: int, *, color: bool = False) -> str:
    console = Console(
        record=True,
        width=width,
        file=io.StringIO(),
        force_terminal=color,
        color_system="truecolor" if color else None,
    )
    console.print(renderable)
    return console.export_text(styles=color)


@pytest.mark.parametrize("width", WIDTHS)
def test_every_width_fits_and_breaks_nothing_mid_word(width: int) -> None:
    out = _recorded(TranscriptView(SHOW, source="/abs/path/to/story.txt"), width)
    lines = out.splitlines()
    assert all(len(line) <= min(width, MEASURE) for line in lines), width
    assert all(line == line.rstrip() for line in lines)  # no padding in a pipe
    # the file name, not the path; the URL whole or cut short, never wrapped onto a line
    assert "story.txt" in out and "/abs/path" not in out
    url_lines = [line for line in lines if "https://" in line]
    assert len(url_lines) == 1
    shown = url_lines[0].strip(" │")
    assert shown == URL or (shown.endswith("…") and URL.startswith(shown[:-1]))
    assert not any(line.strip(" │").startswith(URL[8:20]) for line in lines)
    # every word of the turns and the names is there, whole
    words = set(" ".join(lines).replace("│", " ").split())
    for word in ("IRMA", "GLASSER", "DANA", "CHO", "Hello", "speaker.", "(MUSIC)"):
        assert word in words, (width, word)
    for fact in ("Weekend", "Edition", "Sunday", "npr", "(90%)"):
        assert fact in words


@pytest.mark.parametrize("width", WIDTHS)
def test_the_example_at_every_width(width: int) -> None:
    t = transcriptkit.parse_file(EXAMPLE)
    out = _recorded(TranscriptView(t, source=str(EXAMPLE)), width)
    assert all(len(line) <= width for line in out.splitlines())
    flat = " ".join(out.split())
    assert "give them one. (LAUGHTER) Last year" in flat
    assert "npr_example.txt" in out and str(EXAMPLE.parent) not in out


def test_times_when_turns_have_them() -> None:
    out = _recorded(SHOW, 80)
    body = out[out.index("Share") + 5 :].split("\n", 4)[-1]  # after the legend
    assert _line_of(body, "IRMA GLASSER").rstrip().endswith("0:05")
    assert _line_of(body, "DANA CHO").rstrip().endswith("1:02:05")
    assert "1:05" in out and "1:02:10" in out
    assert not re.search(r"\b\d:\d\d\b", _render(CLIPS))  # no times where there are none


def test_one_header_for_consecutive_turns_of_one_speaker() -> None:
    out = _recorded(SHOW, 80)
    assert out.count("DANA CHO") == 2  # the legend and one turn header, not two
    assert out.index("Reply words here.") < out.index("1:02:10") < out.index("More reply")


def test_headings_are_kept_on_their_own_line() -> None:
    out = _recorded(SHOW, 80)
    assert "Act One" in [line.strip() for line in out.splitlines()]
    # after the heading the speaker is named again
    turns = out[out.index("Act One") :]
    assert "IRMA GLASSER" in turns.split("More words")[0]


def test_line_numbers_on_request() -> None:
    plain = _recorded(TranscriptView(SHOW), 60)
    numbered = _recorded(TranscriptView(SHOW, line_numbers=True), 60)
    assert not re.search(r"^\s*\d+ IRMA", plain, re.M)
    assert re.search(r"^ 3 IRMA GLASSER", numbered, re.M)
    assert re.search(r"^ 9 DANA CHO", numbered, re.M)
    assert re.search(r"^ 8 ─+ \(MUSIC\)", numbered, re.M)
    assert all(len(line) <= 60 for line in numbered.splitlines())


def test_warnings_and_notes_in_a_footer() -> None:
    out = _recorded(SHOW, 80)
    footer = out[out.index("1 warning, 1 note") :]
    assert "warning: line 3: something odd" in footer
    assert "info: line 40: 12 lines after the closing notice were dropped" in footer
    assert footer.index("warning:") < footer.index("info:")
    assert "1 warning" not in _recorded(TranscriptView(SHOW, footer=False), 80)


def test_nothing_from_the_model_drives_the_terminal() -> None:
    evil = SHOW.model_copy(deep=True)
    evil.metadata.title = "Title\x1b]0;pwned\x07 here\x1b[2J"
    evil.metadata.url = "https://x.example/\x1b[5m"
    evil.speakers[1].name = "DANA \x1b[31mCHO\x07"
    evil.turns[2].text = "Reply \x1b[1;1H\x1b[2Jwords\r\x08 here."
    evil.cues[0].text = "MUSIC\x1b[8m"
    evil.diagnostics[0].message = "dropped \x1b[?1049h lines"
    out = _recorded(evil, 80, color=True)
    assert "\x1b[" in out  # colour is on ...
    rest = _SGR.sub("", out)
    assert "\x1b" not in rest and "\x07" not in rest and "\r" not in rest and "\x08" not in rest
    assert "pwned" not in rest or "]0;pwned" not in rest
    assert "words" in rest and "CHO" in rest


def test_pieces_stream_one_at_a_time(monkeypatch: pytest.MonkeyPatch) -> None:
    from transcriptkit import view

    turns = [_timed(i, i + 1, "ira" if i % 2 else "dana", f"Words {i}.", None) for i in range(500)]
    big = SHOW.model_copy(update={"turns": turns, "cues": []})
    built: list[int] = []
    original = view._turn_block
    monkeypatch.setattr(view, "_turn_block", lambda *a, **k: built.append(1) or original(*a, **k))

    class Gone(io.StringIO):
        def write(self, text: str) -> int:
            raise BrokenPipeError  # `| head -3`: the reader went away after the first lines

    console = Console(file=Gone(), width=80)
    console.on_broken_pipe = lambda: (_ for _ in ()).throw(BrokenPipeError)  # type: ignore[method-assign]
    with pytest.raises(BrokenPipeError):
        for piece in TranscriptView(big).pieces():
            console.print(piece)
    assert len(built) < 5  # not 500: what was not shown was not laid out
