"""Regression tests for the findings of the robustness probe (issue 11) that are not about
reading bytes (those are in test_reader.py) or time (test_pathological.py).

Every line below is invented.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
import regex
from hypothesis import example, given
from hypothesis import strategies as st

from hostile import FLATTENED, TIES, html_one_line
from invariants import check_text
from test_properties import transcripts
from transcriptkit import Transcript, parse, tokenize
from transcriptkit.export import FORMATS, Options
from transcriptkit.export.text import to_text

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"

# ---- the text boundary: lone CR and lone surrogates ------------------------------------


def test_a_lone_cr_is_a_line_break_in_parse_too() -> None:
    text = "KELLY OKAFOR, HOST: One.\rANA RUIZ, BYLINE: Two.\rOKAFOR: Three.\r"
    doc = check_text(text)
    assert [t.label for t in doc.turns] == ["KELLY OKAFOR, HOST", "ANA RUIZ, BYLINE", "OKAFOR"]
    assert [t.line for t in doc.turns] == [1, 2, 3]
    assert [t.text for t in doc.turns] == ["One.", "Two.", "Three."]
    # Spans index the caller's string: the same characters, but for the line ends.
    second = doc.turns[1].span
    assert text[second.start : second.end].startswith("ANA RUIZ, BYLINE: Two.")
    [note] = [d for d in doc.diagnostics if d.code == "line-endings"]
    assert note.line == 1 and "3 line(s) end in a carriage return alone" in note.message


def test_tokens_of_a_lone_cr_text_have_the_same_offsets() -> None:
    text = "KELLY: One.\rANA: Two.\r\nKELLY: Three."
    tokens = tokenize(text)
    assert "".join(t.text for t in tokens) == text.replace("\r", "\n").replace("\n\n", "\r\n")
    assert [t.line for t in tokens if t.kind.name == "LABEL"] == [1, 2, 3]


def test_crlf_and_lf_are_not_reported_by_parse() -> None:
    doc = parse("KELLY: One.\r\nANA: Two.\nKELLY: Three.\n")
    assert not [d for d in doc.diagnostics if d.code == "line-endings"]


def test_lone_surrogates_are_replaced_before_the_models_and_reported() -> None:
    text = "KELLY OKAFOR, HOST: caf\udce9 is \ud83d here.\nANA RUIZ: And \udfff.\n"
    doc = check_text(text)
    assert doc.turns[0].text == "caf is here."  # U+FFFD, then cleaned away as always
    [note] = [d for d in doc.diagnostics if d.code == "unencodable-characters"]
    assert (note.level, note.line) == ("warning", 1)
    assert "3 lone surrogate(s) such as U+DCE9" in note.message
    for export in FORMATS.values():
        export(doc, Options()).encode("utf-8")
    assert Transcript.model_validate_json(doc.model_dump_json()) == doc
    assert Transcript.model_validate(json.loads(FORMATS["json"](doc, Options()))) == doc


def test_a_zero_width_space_hides_no_label_and_is_reported() -> None:
    text = (
        "ADA QUIST, HOST: Welcome.\n\u200bOTTO BRANDT: Thanks.\n"
        "QUIST:\u200b So.\nADA\u200bQUIST: Then.\n"
    )
    doc = check_text(text)
    assert [(t.line, doc.speaker_name(t)) for t in doc.turns] == [
        (1, "ADA QUIST"),
        (2, "OTTO BRANDT"),
        (3, "ADA QUIST"),
        (4, "ADA QUIST"),
    ]
    [note] = [d for d in doc.diagnostics if d.code == "zero-width-spaces"]
    assert (note.level, note.line) == ("info", 2)
    assert "3 zero-width space(s)" in note.message
    assert text[doc.turns[1].span.start : doc.turns[1].span.end].startswith("OTTO")


def test_a_no_break_space_reads_as_a_space_and_is_reported() -> None:
    # `&nbsp;` after a full stop, as scraped pages print it: a question mark's label and a
    # label's sentences read as they would with a space.
    text = (
        "Harbour Board, 3 March\n\n"
        "ADA QUIST: Good evening.\u00a0I'm Ada Quist.\u00a0Tonight, the ferry.\n\n"
        "Q.\u00a0How late was it?\n\nMR. BRANDT: An hour.\u202fAgain.\n"
    )
    doc = check_text(text)
    assert [doc.speaker_name(t) for t in doc.turns] == ["ADA QUIST", "Q", "BRANDT"]
    assert doc.turns[0].text == "Good evening. I'm Ada Quist. Tonight, the ferry."
    [note] = [d for d in doc.diagnostics if d.code == "typographic-spaces"]
    assert (note.level, note.line) == ("info", 3)
    assert "4 no-break or typographic space(s) such as U+00A0" in note.message


# ---- the same result in every process ---------------------------------------------------

_DUMP_TEXT = """
import sys, hashlib
from transcriptkit import parse
print(hashlib.sha256(parse(sys.stdin.read()).model_dump_json().encode()).hexdigest())
"""

_DUMP_ALL = """
import sys, hashlib
from pathlib import Path
from transcriptkit import parse_file
for path in sys.argv[1:]:
    print(path, hashlib.sha256(parse_file(path).model_dump_json().encode()).hexdigest())
"""


def _documents() -> list[Path]:
    fixtures = sorted((ROOT / "tests" / "fixtures").rglob("*.txt"))
    corpus = sorted(CORPUS.glob("*/*.txt")) if CORPUS.is_dir() else []
    return fixtures + corpus


@pytest.mark.timeout(600)
def test_every_document_parses_the_same_under_two_hash_seeds() -> None:
    # Set iteration order follows PYTHONHASHSEED; a choice that leans on it (a tie
    # between two repeated headlines) gives different JSON in spawned workers.
    paths = [str(p) for p in _documents()]
    outputs = []
    for seed in ("1", "4242"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        run = subprocess.run(
            [sys.executable, "-c", _DUMP_ALL, *paths],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        outputs.append(run.stdout.splitlines())
    assert len(outputs[0]) == len(paths)
    differ = [a.split()[0] for a, b in zip(*outputs, strict=True) if a != b]
    assert not differ, f"{len(differ)} document(s) differ between hash seeds: {differ[:5]}"


@pytest.mark.timeout(120)
@pytest.mark.parametrize("name", TIES)
def test_ties_parse_the_same_under_every_hash_seed(name: str) -> None:
    dumps = {
        subprocess.run(
            [sys.executable, "-c", _DUMP_TEXT],
            input=TIES[name],
            env={**os.environ, "PYTHONHASHSEED": str(seed)},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in range(8)
    }
    assert len(dumps) == 1, f"{len(dumps)} different dumps from 8 hash seeds"


# ---- the text export reads back ---------------------------------------------------------

_FIRST = st.sampled_from(["KELLY", "ANA", "BO", "MARGIT", "TOVA", "JAD", "NOOR"])
_LAST = st.sampled_from(["OKAFOR", "RUIZ", "BRANNIGAN", "AL-HADDAD", "O'RORKE", "WEN"])
_ROLE = st.sampled_from(["", ", HOST", ", BYLINE"])
_WORDS = st.lists(
    st.sampled_from(
        ["the", "tide", "came", "in", "again", "and", "the", "sea", "wall", "held", "café"]
    ),
    min_size=2,
    max_size=12,
).map(lambda ws: " ".join(ws).capitalize() + ".")


@st.composite
def _exported_documents(draw: st.DrawFn) -> str:
    """Transcripts as exporters meet them: full names then surnames, roles, several
    paragraphs, cues, labels hard-wrapped onto the next line, repeated lines, and any of
    LF, CRLF or a lone CR as the line end."""
    people = draw(st.lists(st.tuples(_FIRST, _LAST, _ROLE), min_size=1, max_size=4, unique=True))
    lines: list[str] = []
    said: set[tuple[str, str]] = set()
    for _ in range(draw(st.integers(1, 8))):
        first, last, role = draw(st.sampled_from(people))
        label = f"{last}:" if (first, last) in said else f"{first} {last}{role}:"
        said.add((first, last))
        words = draw(_WORDS)
        shape = draw(st.sampled_from(["inline", "inline", "alone", "wrapped"]))
        if shape == "inline":
            lines.append(f"{label} {words}")
        elif shape == "alone":
            lines += [label, "", words]
        else:  # the label's words wrapped onto the next line
            lines += [label, words]
        for _ in range(draw(st.integers(0, 2))):
            lines += ["", draw(_WORDS)]
        if draw(st.booleans()):
            lines += ["", draw(st.sampled_from(["(SOUNDBITE OF MUSIC)", "(LAUGHTER)"]))]
        if draw(st.integers(0, 5)) == 0 and lines:
            lines += ["", lines[-1]]  # a line said twice
        lines.append("")
    end = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    return end.join(lines)


@given(_exported_documents())
@example("KELLY OKAFOR, HOST:\rThe tide came in.\r\rOKAFOR: Again.\r")
@example("ANA RUIZ:\nThe sea wall held.\n\nANA RUIZ:\nThe sea wall held.\n")
def test_the_text_export_reads_back(text: str) -> None:
    doc = parse(text)
    back = parse(to_text(doc))
    assert [back.speaker_name(t) for t in back.turns] == [doc.speaker_name(t) for t in doc.turns]
    assert [t.text for t in back.turns] == [t.text for t in doc.turns]
    assert [c.text for c in back.cues] == [c.text for c in doc.cues]


# ---- nothing lost -------------------------------------------------------------------------


def test_identical_labelled_lines_at_the_start_are_turns() -> None:
    text = "ANA RUIZ: Quiet, please.\nANA RUIZ: Quiet, please.\n\nKELLY OKAFOR: Thank you.\n"
    doc = check_text(text)
    assert [t.text for t in doc.turns] == ["Quiet, please.", "Quiet, please.", "Thank you."]
    assert doc.metadata.title is None


_WORD = regex.compile(r"\p{L}{2,}")  # a word: two or more letters
# What a turn's text never holds: terminal escape sequences and control characters other
# than tab and line breaks (VT and FF are spaces to `str.split`).
_CONTROL = re.compile(
    r"(?:\x1b\[|\x9b)[\x30-\x3f]{0,64}[\x20-\x2f]{0,8}[\x40-\x7e]?"
    r"|(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])(?:[^\x07\x1b\x9c\n]{0,512}(?:\x07|\x1b\\|\x9c))?"
    r"|\x1b[\x20-\x7e]?|[\x00-\x08\x0e-\x1f\x7f-\x9f]"
)


_LONE = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")  # control characters one by one


def _words(text: str | None) -> Counter[str]:
    return Counter(w.casefold() for w in _WORD.findall(text or ""))


def _kept_words(doc: Transcript) -> Counter[str]:
    """Words the models hold: turns (text, label, notes), cues, paragraphs, metadata."""
    kept: Counter[str] = Counter()
    for turn in doc.turns:
        kept += _words(turn.text) + _words(turn.label)
        for note in turn.cues:
            kept += _words(note.text)
    for item in (*doc.cues, *doc.paragraphs):
        kept += _words(item.text)
    meta = doc.metadata
    for value in (meta.title, meta.program, meta.url, *meta.corrections):
        kept += _words(value)
    return kept


def _counted(doc: Transcript) -> int:
    notes = [d for d in doc.diagnostics if d.code == "left-out"]
    assert len(notes) <= 1
    return int(notes[0].message.split(" ", 1)[0]) if notes else 0


def assert_nothing_lost(text: str, doc: Transcript) -> None:
    """Every word of the input is in a turn, a paragraph, a cue, the metadata, or counted
    by the `left-out` diagnostic."""
    # Control characters are taken out of the words (and reported, by issue 12's check):
    # `AA\x1fA` reads `AAA`. An escape sequence may be read whole (`\x1b[31mRED` reads
    # `RED`) or, where the parser met a note first, as its introducer alone (`\x9b (LAUGHTER)`
    # keeps `LAUGHTER`, not the `AUGHTER` a whole sequence would leave): a word is lost only
    # when neither reading finds it kept.
    kept = _kept_words(doc)
    missing = (_words(_CONTROL.sub("", text)) - kept) & (_words(_LONE.sub("", text)) - kept)
    assert sum(missing.values()) <= _counted(doc), (
        f"{sum(missing.values())} word(s) lost, {_counted(doc)} counted: "
        f"{list(missing.elements())[:20]}"
    )


@given(transcripts())
@example("NPR logo\n  • Download\nKELLY OKAFOR, HOST: Hi.\n")
@example("Harbor Floods Again\nHarbor Floods Again\nHarbor Floods Again The tide rose.\n")
@example("UNIDENTIFIED CHILD: \x9b (LAUGHTER)\n")
def test_every_word_is_kept_or_counted(text: str) -> None:
    assert_nothing_lost(text.replace("\r", "\n"), parse(text))


@pytest.mark.parametrize("name", FLATTENED)
def test_a_flattened_document_loses_no_word(name: str) -> None:
    assert_nothing_lost(FLATTENED[name], parse(FLATTENED[name]))


def test_an_html_page_on_one_line_is_said_to_be_html() -> None:
    doc = parse(html_one_line(5_000))
    [note] = [d for d in doc.diagnostics if d.code == "html-page"]
    assert note.level == "warning" and "convert the page to text first" in note.message
    assert_nothing_lost(html_one_line(5_000), doc)
    assert not [d for d in parse("KELLY: I typed <p> once.\n").diagnostics if d.code == "html-page"]


# Invented caption words: names, words, a note, punctuation; `<v ...>` voices and a NOTE
# block now and then. Cues are a second apart (no roll-up: a roll-up line is said once on
# purpose, and its words are kept in the turn it was said in).
_CAPTION_WORDS = st.lists(
    st.sampled_from(["tide", "harbour", "Kelly", "rain", "ferry", "(laughs)", "[music]", "ok."]),
    min_size=1,
    max_size=6,
).map(" ".join)


@st.composite
def caption_files(draw: st.DrawFn) -> str:
    srt = draw(st.booleans())
    out = [] if srt else ["WEBVTT\n\n"]
    for i in range(draw(st.integers(1, 8))):
        a, b = i * 2, i * 2 + 1
        if srt:
            out.append(f"{i + 1}\n00:00:{a:02},000 --> 00:00:{b:02},000\n")
        else:
            if draw(st.integers(0, 5)) == 0:
                out.append(f"NOTE {draw(_CAPTION_WORDS)}\n\n")
            out.append(f"00:00:{a:02}.000 --> 00:00:{b:02}.000\n")
        voice = draw(st.sampled_from(["", "<v Ana Ruiz>", "KELLY OKAFOR: ", ">> "]))
        out.append(voice + draw(_CAPTION_WORDS) + "\n")
        if draw(st.booleans()):
            out.append(draw(_CAPTION_WORDS) + "\n")
        out.append("\n")
        if draw(st.integers(0, 6)) == 0:
            out.append(f"{draw(_CAPTION_WORDS)}\n\n")  # stray text, in no caption
    return "".join(out)


@given(caption_files())
def test_every_caption_word_is_kept_or_counted(text: str) -> None:
    doc = parse(text)
    assert doc.metadata.style in ("webvtt", "srt")
    # `WEBVTT` and tags (`<v Ana Ruiz>`: its name is the turn's label) are the format's
    # syntax, not words of the file's.
    assert_nothing_lost(re.sub(r"<[^<>]*>", " ", text.replace("WEBVTT", "", 1)), doc)


@given(st.lists(_CAPTION_WORDS, min_size=1, max_size=8))
def test_every_recognised_word_is_kept_or_counted(texts: list[str]) -> None:
    segments = [
        {"start": float(i), "end": i + 0.5, "text": " " + text} for i, text in enumerate(texts)
    ]
    data = {"text": "", "segments": segments, "language": "en"}
    doc = parse(json.dumps(data))
    assert doc.metadata.source_format is not None
    assert_nothing_lost(" ".join(texts), doc)


def test_lone_surrogates_in_recognised_words_are_replaced_and_said() -> None:
    data = {"text": "", "segments": [{"start": 0.0, "end": 1.0, "text": " a tide \ud83d rose"}]}
    for source in (json.dumps(data), data):  # as text, with its escape, and loaded
        doc = parse(source)
        [note] = [d for d in doc.diagnostics if d.code == "unencodable-characters"]
        assert note.level == "warning"
        assert doc.turns[0].text == "a tide \ufffd rose"
        assert Transcript.model_validate_json(doc.model_dump_json()) == doc


def test_a_stray_caption_line_is_counted() -> None:
    text = "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nThe tide rose.\n\nharbour ferry words\n"
    doc = parse(text)
    [note] = [d for d in doc.diagnostics if d.code == "left-out"]
    assert note.message.startswith("3 word(s) on 1 line(s)") and "caption-text 3" in note.message


def test_a_lone_cr_is_a_line_break_in_parse() -> None:
    doc = parse("KELLY OKAFOR, HOST: The tide rose.\rANA RUIZ, BYLINE: It did.\r")
    assert [t.label for t in doc.turns] == ["KELLY OKAFOR, HOST", "ANA RUIZ, BYLINE"]
    assert [t.line for t in doc.turns] == [1, 2]
    assert any(d.code == "line-endings" for d in doc.diagnostics)


# ---- what the fuzzer found (issue 11 runs; see fuzz/README.md) ---------------------------


@pytest.mark.timeout(120)
def test_fuzz_finding_label_lines_after_a_page_head_parse_in_time() -> None:
    # Runs 1 and 2 stopped on inputs (mutated from the corpus and the hostile seeds) of a
    # page head, an embed line cut off into `A:`, then thousands of `A:` or `KELLY:
    # (LAUGHTER) ...` lines: turn-dense input, slow (the harness exports each twice) but
    # linear. Invented here at the same shape, ten times the size.
    head = "Harbor Floods Again Today The tide rose.\nNPR logo\n\nHarbor Floods Again Today\n\n"
    embed = '  • <iframe src="https://example.org/player/embed/1234/11A:\n'
    text = head + embed + "A:\n" * 30_000 + "KELLY: " + "(LAUGHTER) " * 3_000 + "\n"
    doc = check_text(text)
    assert len(doc.turns) >= 30_000
    assert_nothing_lost(text, doc)
