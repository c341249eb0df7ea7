"""The terminal view, rendered as plain text (as in a pipe) and in colour."""

from __future__ import annotations

import io
from pathlib import Path

from rich.console import Console

import transcriptkit
from transcriptkit import Cue, Metadata, Paragraph, Span, Speaker, Transcript, Turn
from transcriptkit.view import PALETTE, TranscriptView, speaker_colors, speaker_table

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
