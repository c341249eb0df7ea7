"""Style detection: absolute evidence, literal checks first, decisive evidence stops."""

from __future__ import annotations

from pathlib import Path

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from transcriptkit import styles
from transcriptkit.styles import DECISIVE, MIN_WEIGHT, detect, needle

FIXTURES = Path(__file__).parent / "fixtures"
TEXTS = sorted(FIXTURES.rglob("*.txt"))


def test_a_passing_mention_is_not_a_house_style() -> None:
    text = "A story about rivers.\n\nMore on this at npr.org and elsewhere.\n"
    assert detect(text) == (styles.GENERIC, 0.0)


def test_a_headline_many_sites_print_is_no_house_style() -> None:
    text = "Harbour Hour - March 3, 2025\n\nThe ferry was late again this morning.\n"
    assert detect(text) == (styles.GENERIC, 0.0)


def test_confidence_is_the_evidence_weight_on_an_absolute_scale() -> None:
    # NPR's `NAME, HOST:` (3) and its `(SOUNDBITE OF` cue (2): 5 of DECISIVE.
    text = "ADA QUIST, HOST: Good morning.\n\n(SOUNDBITE OF MUSIC)\n\nQUIST: Back now.\n"
    style, confidence = detect(text)
    assert style.name == "npr"
    assert confidence == round(5.0 / DECISIVE, 3)
    assert MIN_WEIGHT <= 5.0 < DECISIVE


def test_decisive_evidence_is_certain() -> None:
    text = "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nHello.\n"
    assert detect(text)[0].name == "webvtt"
    assert detect(text)[1] == 1.0


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: str(p.relative_to(FIXTURES)))
def test_the_literal_check_never_hides_a_match(path: Path) -> None:
    """Wherever an evidence pattern matches, one of its needles is in the text: the cheap
    check before the regex changes no decision."""
    text = path.read_text(encoding="utf-8")
    for style in styles.styles():
        for pattern, _ in style.evidence:
            cheap = needle(pattern)
            if cheap is not None and pattern.search(text):
                assert cheap.found_in(text, text.lower()), (style.name, pattern.pattern)


_WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJ", min_size=3, max_size=9)


@given(_WORD, _WORD, st.sampled_from(["", "?", "{0,2}", "*"]))
def test_needles_are_required_literals(a: str, b: str, quantifier: str) -> None:
    pattern = regex.compile(rf"{a} [ ] \d+ {b}{quantifier}", regex.VERBOSE | regex.V1)
    cheap = needle(pattern)
    assert cheap is not None
    (found,) = cheap.literals
    # Whatever the needle is, a text the pattern matches holds it.
    example = f"{a} 42{b if not quantifier else b[:-1]}"  # verbose: no space after 42
    assert pattern.search(example)
    assert found in example


_ANCHOR = regex.compile(r"(?<![\[\\])\^")  # a `^` that is neither `[^` nor `\^`


def _past_indent(pattern: regex.Pattern[str]) -> regex.Pattern[str]:
    """`pattern` with each line start `^` read past the line's indent and a page's block
    tags, as detection does."""
    margin = "^" + styles.LINE_MARGIN.replace("\\", "\\\\")
    return regex.compile(_ANCHOR.sub(margin, pattern.pattern), pattern.flags)


def _reference_detect(text: str) -> tuple[str, float]:
    """Detection the slow, obvious way: every evidence pattern searched, no needles, no
    combined search, no early stop (the decision `detect` must reproduce exactly)."""
    sample = styles.sample_of(text)
    best, chosen = 0.0, styles.GENERIC
    for style in styles.styles():
        score = sum(w for p, w in style.evidence if _past_indent(p).search(sample))
        if score > best:
            best, chosen = score, style
    if best < MIN_WEIGHT:
        return "generic", 0.0
    return chosen.name, min(1.0, round(best / DECISIVE, 3))


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: str(p.relative_to(FIXTURES)))
def test_detection_matches_the_exhaustive_search(path: Path) -> None:
    """Needles, the one search for line-start evidence and the early stop change no
    decision: the fixtures, and their lines shuffled, give what searching every pattern
    gives."""
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    for variant in (text, "\n".join(reversed(lines)), "\n".join(lines[1::2] + lines[::2])):
        style, confidence = detect(variant)
        assert (style.name, confidence) == _reference_detect(variant)


_LINE_START = st.sampled_from(
    [
        "",
        " ",
        "\t",
        "  ",
        "[00:01:02] ",
        "0:00 ",
        "Q ",
        "MS. ",
        "* * *",
        "•  ",
        ">> ",
        "ADA QUIST, ",
    ]
)
_REST = st.sampled_from(
    ["ADA QUIST: Hello.", "Ada Quist  0:04", "HOST: hi", "(R) TEXAS:", "Yes.", "- Rev.com", ""]
)


@given(st.lists(st.tuples(_LINE_START, _REST), max_size=12))
def test_detection_matches_the_exhaustive_search_on_made_up_lines(
    lines: list[tuple[str, str]],
) -> None:
    text = "\n".join(a + b for a, b in lines)
    style, confidence = detect(text)
    assert (style.name, confidence) == _reference_detect(text)


def test_line_start_evidence_is_read_past_the_indent() -> None:
    """The Congressional Record's text edition indents every paragraph: its `Mr. NAME.`
    labels are the hearing style's evidence there as at the margin."""
    record = (
        "  Mr. QUELLWOOD. Mr. Speaker, I thank the gentlewoman for yielding the time.\n"
        "  Mr. Speaker, the bill before us today repairs the harbor locks at last.\n"
        "  Ms. ABERNATHY-LOWE. Mr. Speaker, I yield myself such time as I may consume.\n"
    )
    assert detect(record)[0].name == "hearing"
    assert detect(record.replace("  ", "\t", 1))[0].name == "hearing"
    assert detect(record.replace("\n  ", "\nsaid ").replace("  M", "said M"))[0].name == "generic"


def test_a_one_character_class_joins_the_needle() -> None:
    """`[ ]` is a space in a verbose pattern: the needle is the whole phrase, far rarer in
    prose than any one of its words."""
    pattern = regex.compile(r"Tidewater [ ] Almanac [ ] notes", regex.VERBOSE | regex.V1)
    cheap = needle(pattern)
    assert cheap is not None
    assert cheap.literals == ("Tidewater Almanac notes",)


@given(_WORD, _WORD, st.integers(min_value=1, max_value=4))
def test_a_repeated_character_ends_a_needle(a: str, b: str, times: int) -> None:
    """`ab+c` matches `abbc`: what follows a repeated character is not glued to it."""
    pattern = regex.compile(rf"{a}+ {b}", regex.VERBOSE | regex.V1)
    example = a + a[-1] * (times - 1) + b
    assert pattern.search(example)
    cheap = needle(pattern)
    assert cheap is None or cheap.found_in(example, example.lower())


def test_an_export_signed_off_at_its_end_is_read_whatever_its_length() -> None:
    # Long speech, then the service's sign-off on the last line: the opening alone, of any
    # fixed length, would miss it.
    speech = "The tide came in and the boats stayed at the pier all winter long.\n\n" * 400
    text = speech + "Transcribed by https://otter.ai\n"
    assert len(text) > 25_000
    assert detect(text)[0].name == "otter"


def test_the_sample_is_a_short_text_whole_and_a_long_ones_opening_and_end() -> None:
    short = "A line.\n" * 10
    assert styles.sample_of(short) == short
    long = "".join(f"line {k}\n" for k in range(5_000))
    sample = styles.sample_of(long)
    assert sample.startswith("line 0\n") and sample.endswith("line 4999\n")
    assert "line 2500\n" not in sample
    assert len(sample) < len(long) // 2
