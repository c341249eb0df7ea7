"""Caption and time-stamped house styles (WebVTT, SRT, live captions, subtitle pages, Rev,
Otter, GoTranscript, time-stamped blocks) on invented fixtures in `fixtures/styles/`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from invariants import check_text
from transcriptkit import parse, parse_file
from transcriptkit.parser import seconds
from transcriptkit.styles import detect, styles

FIXTURES = Path(__file__).parent / "fixtures" / "styles"
PREFIXES = ("vtt_", "srt_", "live_", "rev_", "otter_", "gotranscript_", "stamped_")
MINE = (
    "webvtt",
    "srt",
    "live-captions",
    "subtitle-page",
    "rev",
    "otter",
    "gotranscript",
    "stamped",
)
CASES = sorted(
    p.name.removesuffix(".expected.json")
    for p in FIXTURES.glob("*.expected.json")
    if p.name.startswith(PREFIXES)
)


def _expected(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        (FIXTURES / f"{name}.expected.json").read_text(encoding="utf-8")
    )
    return data


def _text(name: str) -> str:
    return (FIXTURES / f"{name}.txt").read_text(encoding="utf-8")


def test_every_preset_has_a_fixture() -> None:
    assert len(CASES) >= 7
    assert {_expected(name)["style"] for name in CASES} == set(MINE)


@pytest.mark.parametrize("name", CASES)
def test_detection_picks_the_preset(name: str) -> None:
    style, confidence = detect(_text(name))
    assert style.name == _expected(name)["style"]
    assert confidence > 0.5


@pytest.mark.parametrize("name", [n for n in CASES if n.startswith(("vtt_", "srt_"))])
def test_caption_markup_never_reaches_the_words(name: str) -> None:
    for turn in parse(_text(name)).turns:
        assert "<" not in turn.text and ">" not in turn.text and "{\\" not in turn.text
        assert "-->" not in turn.text


@pytest.mark.parametrize("name", [n for n in CASES if n.startswith(("vtt_", "srt_", "rev_"))])
def test_crlf_files_parse_the_same(name: str) -> None:
    def summary(text: str) -> list[tuple[Any, ...]]:
        t = parse(text)
        return [(x.line, x.label, x.start, x.end, x.text) for x in t.turns]

    text = _text(name)
    assert summary(text.replace("\n", "\r\n")) == summary(text)


def _covers(text: str, style: str | None) -> None:
    """Tokens partition the text; turns, cues and notes point into it, in order."""
    check_text(text, style)


@pytest.mark.parametrize("name", CASES)
def test_any_forced_style_keeps_every_character(name: str) -> None:
    """Forcing the wrong style may find fewer turns, but never crashes or drops text."""
    text = _text(name)
    for style in styles():
        _covers(text, style.name)
        t = parse(text, style=style.name)
        assert t.metadata.style == style.name


@pytest.mark.parametrize("path", sorted(FIXTURES.parent.glob("*.txt")), ids=lambda p: p.name)
def test_caption_styles_forced_on_other_documents(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    for style in MINE:
        _covers(text, style)
        parse(text, style=style)


def test_consecutive_captions_of_one_voice_are_one_turn() -> None:
    t = parse_file(FIXTURES / "vtt_voices.txt")
    assert [t.speaker_name(x) for x in t.turns][:2] == ["MARISOL VEGA", "TOBIAS WREN"]
    first = t.turns[0]
    assert first.start == 0.24 and first.end == 10.9  # first cue's start, last cue's end
    assert len(first.paragraphs) == 1  # cues run on; they are not paragraphs


def test_rolling_duplicates_are_said_once() -> None:
    text = (
        "WEBVTT\n\n"
        "00:00:01.000 --> 00:00:03.000\n"
        "the ferry leaves\n\n"
        "00:00:03.000 --> 00:00:05.000\n"
        "the ferry leaves\nat nine from the north pier\n\n"
        "00:00:05.000 --> 00:00:07.000\n"
        "at nine from the north pier\nand comes back by noon\n"
    )
    (turn,) = parse(text).turns
    assert turn.text == "the ferry leaves at nine from the north pier and comes back by noon"
    assert (turn.start, turn.end) == (1.0, 7.0)


def test_youtube_word_timings_and_rolling_lines() -> None:
    (turn,) = parse(_text("vtt_youtube")).turns
    assert turn.text == (
        "okay we're live welcome to the harbor council meeting for june first "
        "please take your seats"
    )


def test_a_file_that_names_nobody_is_one_unlabeled_turn() -> None:
    t = parse(_text("vtt_plain"))
    assert [(x.line, x.label, x.speaker_id) for x in t.turns] == [(4, None, None)]


def test_a_services_courtesy_title_is_no_part_of_the_name() -> None:
    """`Dr. Ada Quint (00:05):` is ADA QUINT, as `DR. ADA QUINT:` is; `Dr (00:14):` alone
    is a name."""
    rev = "Dr. Ada Quint (00:05):\nWelcome.\n\nOtto Brandt (00:09):\nThanks.\n\nDr (00:14):\nHi.\n"
    t = parse(rev, style="rev")
    assert [(x.label, t.speaker_name(x)) for x in t.turns] == [
        ("Dr. Ada Quint", "ADA QUINT"),
        ("Otto Brandt", "OTTO BRANDT"),
        ("Dr", "DR"),
    ]
    otter = "Ms. Ada Quint  0:05\nWelcome.\n\nOtto Brandt  0:09\nThanks.\n"
    t = parse(otter, style="otter")
    assert [t.speaker_name(x) for x in t.turns] == ["ADA QUINT", "OTTO BRANDT"]


def test_srt_prefix_only_where_the_speaker_changes() -> None:
    t = parse(_text("srt_names"))
    assert [t.speaker_name(x) for x in t.turns] == ["PRIYA NAIR", "CALLUM", "PRIYA NAIR"]
    assert len(t.speakers) == 2  # `PRIYA NAIR:` and `Priya Nair:` are one person


def test_live_caption_speaker_changes() -> None:
    t = parse(_text("live_cspan"))
    assert [x.label for x in t.turns] == [None, None, None, None, "ELENA MARCH"]
    # `>>` inside a line parts the words; the turn is the line's
    assert t.turns[2].paragraphs == [
        "thank you. it is good to be back in the valley.",
        "we are glad you made it.",
    ]
    assert [c.kind for c in t.cues] == ["applause"]


def test_a_live_caption_label_with_the_part_its_speaker_plays() -> None:
    text = (
        ">> LENA PRYCE, HOST: good evening.\n"
        ">> OMAR VIDAL, HARBOR CORRESPONDENT: the ferry is late.\n"
        ">> WELL, THAT IS THE QUESTION: who pays for it.\n"
        ">> PRYCE: thank you.\n"
    )
    t = parse(text, style="live-captions")
    assert [(x.label, x.role, t.speaker_name(x)) for x in t.turns] == [
        ("LENA PRYCE, HOST", "host", "LENA PRYCE"),
        ("OMAR VIDAL, HARBOR CORRESPONDENT", "reporter", "OMAR VIDAL"),
        (None, None, None),  # caption capitals, not a role
        ("PRYCE", "host", "LENA PRYCE"),
    ]
    assert t.turns[2].text == "WELL, THAT IS THE QUESTION: who pays for it."


def test_voice_tags_inside_a_line_start_a_turn() -> None:
    t = parse(
        "WEBVTT\n\n00:01.000 --> 00:02.500\n<v Ana>Ready?</v> <v Ben>Ready.</v>\n", style="webvtt"
    )
    assert [(x.label, x.text) for x in t.turns] == [("Ana", "Ready?"), ("Ben", "Ready.")]


def test_cue_ids_notes_and_headers_are_not_words() -> None:
    text = (
        "WEBVTT\nKind: captions\nLanguage: en-GB\n\nSTYLE\n::cue { color: lime }\n\n"
        "NOTE drafted\nby hand\n\nchapter-1\n00:00:00.000 --> 00:00:01.000\nHello there.\n\n"
        "NOTE second\nnote\n\n42\n00:00:01.000 --> 00:00:02.000\nGeneral Kenobi.\n"
    )
    (turn,) = parse(text).turns
    assert turn.text == "Hello there. General Kenobi."


def test_what_a_caption_says_is_words_whatever_it_looks_like() -> None:
    """Page-furniture and header shapes inside a cue (`Share`, a date, `NOTE ...` with no
    blank line before it) are something said."""
    text = (
        "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n>> WE ARE BACK.\nNOTE THE TIME.\n\n"
        "00:00:03.000 --> 00:00:05.000\nShare\nMarch 3, 2021\n"
    )
    (turn,) = parse(text).turns
    assert turn.text == "WE ARE BACK. NOTE THE TIME. Share March 3, 2021"


@pytest.mark.parametrize(
    ("stamp", "value"),
    [
        ("00:00:01.000", 1.0),
        ("0:00:00.240", 0.24),
        ("00:01:02,500", 62.5),
        ("01:00", 60.0),
        ("1:02:15", 3735.0),
        (":00:39", 39.0),
    ],
)
def test_seconds(stamp: str, value: float) -> None:
    assert seconds(stamp) == pytest.approx(value)


_PIECES = st.sampled_from(
    [
        "WEBVTT",
        "WEBVTT - Title",
        "NOTE x",
        "1",
        "00:00:01.000 --> 00:00:02.000",
        "00:00:01,000 --> 00:00:02,000 X1:0",
        ":00:39. > :00:46.Words",
        "<v Ana>",
        "</v>",
        "<c>",
        "<00:00:01.500>",
        "{\\an8}",
        ">>",
        ">> ",
        "ANA:",
        "Speaker 1 (00:00):",
        "Ana: (01:02)",
        "Ana  0:00  ",
        "[00:00:52] Speaker 2:",
        "(00:20):",
        "9:57 pm",
        "[applause]",
        "words",
        " ",
        "\n",
        "\r\n",
        "\n\n",
    ]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_PIECES, max_size=40), st.sampled_from([*MINE, None]))
@example(["00:00:01.000 --> 00:00:02.000", "\n", "[applause]", "<v Ana>", "WEBVTT"], "webvtt")
@example(["WEBVTT", "00:00:01.000 --> 00:00:02.000", "ANA:", "<v Ana>"], "webvtt")
def test_caption_shapes_never_crash(pieces: list[str], style: str | None) -> None:
    text = "".join(pieces)
    _covers(text, style)
    parse(text, style=style)


def test_a_note_before_a_voice_on_one_line_spans_only_the_note() -> None:
    """`[applause]<v Ana>words`: the standalone cue is the note's stretch of the line, and
    the turn that follows starts where the voice does (the cue never straddles it)."""
    text = "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n[applause]<v Ana>Thanks, all.\n"
    doc = parse(text)
    [cue] = doc.cues
    assert text[cue.span.start : cue.span.end] == "[applause]"
    assert doc.turns[0].span.start >= cue.span.end
