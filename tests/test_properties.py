"""Properties of `tokenize` and `parse` on any text and on generated transcript-like text.

For every input: `parse` does not raise; the tokens give the input back exactly; turns,
cues and paragraphs point into the input in source order without overlap, and each turn's
span holds its label; the same text gives the same model every time. Example counts come
from the profiles in `conftest.py`. Every line below is invented.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from invariants import assert_model_invariants, assert_tokens_cover, check_text
from transcriptkit import Transcript, parse, read_text, tokenize
from transcriptkit.export import FORMATS, Options
from transcriptkit.styles import styles

STYLES = [s.name for s in styles()]

# ---- the pieces of a transcript ---------------------------------------------------------

_CAPS = "ABCDEFGHIJKLMNOPQRSTUVWXYZÉÖØÅÇÑ"
_caps_word = st.builds(
    lambda first, rest, tail: first + rest + tail,
    st.sampled_from(_CAPS),
    st.text(alphabet=_CAPS, min_size=1, max_size=9),
    st.sampled_from(["", "", "", "'S", "-LUC", "JR", "."]),
)
_name = st.lists(_caps_word, min_size=1, max_size=3).map(" ".join)
_mc_name = st.builds(lambda a, b: f"Mc{a} {b}", _caps_word, _caps_word)
_title_name = st.sampled_from(
    ["Garrison Elmsworth", "Jad Brannigan", "Noor Al-Haddad", "Tova O'Rourke", "Li Wen"]
)
_role = st.sampled_from(
    ["HOST", "BYLINE", "CO-HOST", "CORRESPONDENT", "host", "ANCHOR", "(R) KENTUCKY", "CALLER"]
)
_honorific = st.sampled_from(["Mr.", "Ms.", "Mrs.", "Dr.", "MR.", "Professor", "Senator"])
_description = st.sampled_from(
    [
        "Author",
        "Director, Harbor Institute",
        'Author, "Tidewater: The Later Years"',
        "Caller",
        "Professor of Linguistics, Brekke College",
        "Through interpreter",
    ]
)

LABELS = st.one_of(
    st.builds(lambda n, r: f"{n}, {r}:", _name, _role),  # ANA RUIZ, HOST:
    _name.map(lambda n: f"{n}:"),  # SURNAME:
    _mc_name.map(lambda n: f"{n}:"),
    st.builds(lambda h, n, d: f"{h} {n} ({d}):", _honorific, _name, _description),
    st.builds(
        lambda who, n: f"{who} #{n}:",
        st.sampled_from(["Unidentified Man", "UNIDENTIFIED WOMAN", "Unidentified Person"]),
        st.integers(1, 12),
    ),
    st.sampled_from(["UNIDENTIFIED CHILD:", "Announcer:", "Speaker 1:", "Narrator:"]),
    _title_name.map(lambda n: f"{n}:"),
    st.builds(lambda m, n: f"{m}{n}:", st.sampled_from(["<p>", "[s0011] ", "**"]), _name),
)

CUES = st.one_of(
    st.sampled_from(
        [
            "(SOUNDBITE OF MUSIC)",
            "(SOUNDBITE OF ARCHIVED RECORDING)",
            "(LAUGHTER)",
            "(Soundbite of laughter).",
            "[BEGIN CLIP]",
            "[END CLIP]",
            '(SOUNDBITE OF SONG, "HARBOR LIGHTS")',
            "(APPLAUSE)",
            "(SOUNDBITE OF FILM, (MUFFLED) DIALOGUE)",
        ]
    ),
    st.text(alphabet=_CAPS + " ,'", min_size=1, max_size=30).map(lambda s: f"({s})"),
)

FURNITURE = st.sampled_from(
    [
        "NPR logo",
        "  • Download",
        "  • Transcript",
        '  • <iframe src="https://example.org/player" width="100%"></iframe>',
        'Embed <iframe src="https://example.org/e"></iframe>',
        "Hide caption",
        "Enlarge this image",
        "Sponsor Message",
        "Copyright © 2025 NPR. All rights reserved.",
        "NPR transcripts are created on a rush deadline by an invented contractor.",
        "Please keep your community civil.",
        "-----",
        "4-Minute Listen",
    ]
)

HEADERS = st.sampled_from(
    [
        " date 2025-06-12 ",
        "June 12, 2025",
        "Fri November 8, 2013",
        "Published on September 8, 2025",
        "https://www.npr.org/2025/06/12/1234567/an-invented-story",
        "title: An Invented Episode",
        "[POST-BROADCAST CORRECTION: An earlier version misspelled a name.]",
        "Transcript",
    ]
)

_word = st.one_of(
    st.sampled_from(
        [
            "the",
            "harbor",
            "flooded",
            "again",
            "it's",
            "“fine”",
            "—",
            "café",
            "naïve",
            "Zürich",
            "東京",
            "🎙️",
            "O'Neil",
            "(LAUGHTER)",
            "(ph)",
            "[sic]",
            "(CROSSTALK)",
            "2:15",
            "50%",
            "&",
            "said.",
            "asked?",
            "no!",
            "KELLY:",
            "Mr.",
            "déjà",
        ]
    ),
    st.text(min_size=1, max_size=8),
)
_sentence = st.lists(_word, min_size=1, max_size=14).map(" ".join)
TEXT_LINES = st.one_of(
    _sentence,
    st.builds(lambda a, label, b: f"{a}. {label} {b}", _sentence, LABELS, _sentence),
    st.builds(lambda label, s: f"{label} {s}", LABELS, _sentence),
    st.builds(lambda s: f"This is ALL THINGS CONSIDERED. {s}", _sentence),
)
BLANKS = st.sampled_from(["", "", " ", "\t", "\xa0", "   "])

LINE = st.one_of(
    st.builds(lambda label, s: f"{label} {s}", LABELS, _sentence),  # label and words
    LABELS,  # label alone on its line
    CUES,
    FURNITURE,
    HEADERS,
    TEXT_LINES,
    BLANKS,
    st.text(max_size=40),  # anything at all
)


@st.composite
def transcripts(draw: st.DrawFn) -> str:
    """Lines of every kind a transcript holds, ended by LF, CRLF or (rarely) nothing."""
    lines = draw(
        st.lists(
            st.one_of(LINE, st.lists(BLANKS, min_size=2, max_size=5).map("\n".join)),
            min_size=0,
            max_size=40,
        )
    )
    out: list[str] = []
    for line in lines:
        ending = draw(st.sampled_from(["\n", "\n", "\n", "\r\n", "\n\n"]))
        out.append(line + ending)
    text = "".join(out)
    if text and draw(st.booleans()):
        text = text.rstrip("\r\n")
    return draw(st.sampled_from(["", "\ufeff"])) + text


# Characters that matter to the rules, so short random strings hit them often.
_STRUCTURE = st.sampled_from(list("AZÉ az:;,.()[]#•*<>/\n\r\t \xa0\ufeff\ufffd'’\"-0123456789"))
ANY_TEXT = st.one_of(
    st.text(),
    st.text(alphabet=_STRUCTURE, max_size=200),
    st.text(alphabet=st.one_of(_STRUCTURE, st.characters()), max_size=400),
)


def _dump(doc: Transcript) -> str:
    return doc.model_dump_json()


# ---- properties ---------------------------------------------------------------------------


@given(ANY_TEXT)
@example("")
@example("\n")
@example("\r\n\r\n")
@example("A:")
@example("A:\n(\n[\n")
@example("\x00\ufeff\ufffd")
def test_any_text_parses_and_is_covered(text: str) -> None:
    check_text(text)


@given(transcripts())
@example("KELLY:\n\nGood morning.\n\n(SOUNDBITE OF MUSIC)\n\nKELLY: More.\n")
@example("He spoke. ANA RUIZ, HOST: And then?\r\nNPR logo\r\n")
def test_transcript_like_text_parses_and_is_covered(text: str) -> None:
    doc = check_text(text)
    assert doc.kind in ("transcript", "article", "other")


def test_words_after_a_wrapped_label_are_on_the_second_line() -> None:
    check_text("Mr. BARNABY OKONKWO (Director, Regional Institute for Coastal\nStudies): Yes.\n")


@given(transcripts(), st.sampled_from(STYLES))
def test_every_style_keeps_the_input(text: str, style: str) -> None:
    check_text(text, style)


@given(st.one_of(transcripts(), ANY_TEXT))
def test_parsing_is_deterministic(text: str) -> None:
    first, second = parse(text), parse(text)
    assert _dump(first) == _dump(second)
    assert tokenize(text) == tokenize(text)


@given(transcripts())
def test_the_json_dump_loads_back_to_the_same_model(text: str) -> None:
    doc = parse(text)
    assert Transcript.model_validate_json(doc.model_dump_json()) == doc


@given(st.text(alphabet=st.characters(exclude_categories=()), max_size=200))
@example("KELLY: caf\udce9 ok\n")
def test_lone_surrogates_do_not_break_parse_or_the_dumps(text: str) -> None:
    # Text read with errors="surrogateescape" holds lone surrogates: they become U+FFFD
    # before any model holds them, so every dump encodes and loads back.
    doc = check_text(text)  # includes: model_dump_json() encodes and loads back
    for name, export in FORMATS.items():
        export(doc, Options()).encode("utf-8")  # no exporter writes what cannot be encoded
        if name == "json":
            assert Transcript.model_validate_json(export(doc, Options())) == doc
    surrogates = sum(0xD800 <= ord(ch) <= 0xDFFF for ch in text)
    noted = [d for d in doc.diagnostics if d.code == "unencodable-characters"]
    assert bool(noted) == bool(surrogates)
    if surrogates:
        assert f"{surrogates} lone surrogate" in noted[0].message


@given(transcripts(), st.sampled_from(["utf-8", "utf-16", "cp1252", "utf-8-sig"]))
def test_text_survives_a_round_trip_through_bytes(text: str, encoding: str) -> None:
    data = text.encode(encoding, errors="replace" if encoding == "cp1252" else "strict")
    decoded, _, _ = read_text(data)
    check_text(decoded)


# ---- the real corpus (test data only; nothing from it is copied here) ---------------------

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
CORPUS_FILES = sorted(CORPUS.glob("*/*.txt")) if CORPUS.is_dir() else []


@pytest.mark.skipif(not CORPUS_FILES, reason="no ../shared/corpus beside the checkout")
@pytest.mark.parametrize("path", CORPUS_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_corpus_document_is_covered(path: Path) -> None:
    text, _, _ = read_text(path.read_bytes())
    check_text(text)


# ---- the checks themselves can fail --------------------------------------------------------


def test_the_checks_reject_a_token_stream_with_a_gap() -> None:
    from transcriptkit import Token, TokenKind

    text = "KELLY: hi\n"
    gap = [Token(TokenKind.LABEL, "KELLY:", 0, 6, 1), Token(TokenKind.TEXT, "hi\n", 7, 10, 1)]
    with pytest.raises(AssertionError):
        assert_tokens_cover(text, gap)
    wrong_line = [
        Token(TokenKind.LABEL, "KELLY:", 0, 6, 1),
        Token(TokenKind.TEXT, " hi\n", 6, 10, 2),
    ]
    with pytest.raises(AssertionError):
        assert_tokens_cover(text, wrong_line)


def test_the_checks_reject_overlapping_turns_and_a_missing_label() -> None:
    from transcriptkit import Span, Turn

    text = "KELLY: hi\nANA: yo\n"
    first = Turn(index=0, label="KELLY", line=1, span=Span(start=0, end=12))
    second = Turn(index=1, label="ANA", line=2, span=Span(start=10, end=17))
    with pytest.raises(AssertionError, match="out of order or overlapping"):
        assert_model_invariants(text, Transcript(kind="transcript", turns=[first, second]))
    stray = Turn(index=0, label="BOB", line=1, span=Span(start=0, end=9))
    with pytest.raises(AssertionError, match="label 'BOB' is not in its span"):
        assert_model_invariants(text, Transcript(kind="transcript", turns=[stray]))
