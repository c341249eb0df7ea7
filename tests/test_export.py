"""Exporters: exact output on hand-built documents, every format on every fixture, and the
`text` round trip (parse → text → parse) on the fixtures and the real corpus."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

import pytest

import transcriptkit
from transcriptkit import Cue, InlineCue, Metadata, Paragraph, Span, Speaker, Transcript, Turn
from transcriptkit._reading import with_notes
from transcriptkit.export import (
    FORMATS,
    WRITERS,
    Options,
    export_many,
    schema,
    to_csv,
    to_json,
    to_jsonl,
    to_markdown,
    to_speech,
    to_text,
)

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
CASES = sorted(p.name.removesuffix(".expected.json") for p in FIXTURES.glob("*.expected.json"))
CORPUS = ROOT.parent / "shared" / "corpus"
CORPUS_FILES = sorted(CORPUS.glob("*/*.txt")) if CORPUS.is_dir() else []

# The role NPR prints after a canonical name: the `text` format's label grammar.
SUFFIX = {"host": ", HOST", "reporter": ", BYLINE", "caller": ", CALLER"}

# Corpus documents whose text export does not read back the same, each with its reason;
# xfail, not strict, so a fix shows up as XPASS.
UNLABELED_RUN = (
    "format limit: a second unlabeled turn in a row (caption speaker changes) is written "
    "without a label and reads back as a paragraph of the turn before"
)
ROUND_TRIP_GAPS = {
    "styles/022.txt": UNLABELED_RUN,
    "styles/023.txt": UNLABELED_RUN,
}


def _span(start: int) -> Span:
    return Span(start=start, end=start + 1)


def _turn(index: int, line: int, text: str, speaker: str | None = None, **kw: Any) -> Turn:
    return Turn(
        index=index,
        speaker_id=speaker,
        text=text,
        paragraphs=text.split("\n\n"),
        line=line,
        span=_span(line * 10),
        **kw,
    )


# An invented show: an unlabeled opening, a two-paragraph turn, an inline note, cues
# between turns, Markdown and CSV special characters, every role suffix.
SAMPLE = Transcript(
    kind="transcript",
    metadata=Metadata(
        title="Invented Title", date=dt.date(2025, 3, 4), program="Morning Notes", outlet="NPR"
    ),
    speakers=[
        Speaker(id="ana-ruiz", name="ANA RUIZ", role="host", labels=["ANA RUIZ, HOST", "RUIZ"]),
        Speaker(id="cleo-park", name="CLEO PARK", labels=["Ms. CLEO PARK (Farmer)"]),
        Speaker(id="ben-okoro", name="BEN OKORO", role="reporter", labels=["BEN OKORO, BYLINE"]),
        Speaker(id="dee", name="DEE", role="caller", labels=["DEE (Caller)"]),
    ],
    turns=[
        _turn(0, 5, "This is MORNING NOTES. I'm Ana Ruiz."),
        _turn(
            1,
            7,
            "First part.\n\n1999. That was the year.",
            "ana-ruiz",
            label="ANA RUIZ, HOST",
            role="host",
        ),
        _turn(
            2,
            11,
            "We grow beans. Lots of them.",
            "cleo-park",
            label="Ms. CLEO PARK (Farmer)",
            cues=[InlineCue(kind="laughter", text="LAUGHTER", offset=14, span=_span(120))],
        ),
        _turn(
            3,
            15,
            'Park says "two dollars *each*", firmly.',
            "ben-okoro",
            label="BEN OKORO, BYLINE",
            role="reporter",
        ),
        _turn(4, 17, "Hi.", "dee", label="DEE (Caller)", role="caller"),
        _turn(5, 19, "Thanks.", "ana-ruiz", label="RUIZ", role="host"),
    ],
    cues=[
        Cue(kind="soundbite", text="SOUNDBITE OF TRACTOR", line=13, span=_span(130)),
        Cue(kind="music", text="SOUNDBITE OF MUSIC", line=21, span=_span(210)),
    ],
)

SAMPLE_TEXT = """\
title: Invented Title
date: 2025-03-04
program: Morning Notes

Transcript

This is MORNING NOTES. I'm Ana Ruiz.

ANA RUIZ, HOST: First part.

1999. That was the year.

CLEO PARK: We grow beans. Lots of them.

(SOUNDBITE OF TRACTOR)

BEN OKORO, BYLINE: Park says "two dollars *each*", firmly.

DEE, CALLER: Hi.

ANA RUIZ, HOST: Thanks.

(SOUNDBITE OF MUSIC)
"""

ARTICLE = Transcript(
    kind="article",
    metadata=Metadata(title="Dry Year"),
    paragraphs=[
        Paragraph(text="The river ran low.", line=3, span=_span(30)),
        Paragraph(text='"We wait," one farmer said.', line=5, span=_span(50)),
    ],
)


def _fixture(name: str) -> tuple[Transcript, dict[str, Any]]:
    expected = json.loads((FIXTURES / f"{name}.expected.json").read_text(encoding="utf-8"))
    return transcriptkit.parse_file(FIXTURES / f"{name}.txt"), expected


def _reading(t: Transcript) -> tuple[list[str | None], list[str], list[str]]:
    """What the text round trip promises to keep: speaker per turn, turn texts, cue texts."""
    return [t.speaker_name(x) for x in t.turns], [x.text for x in t.turns], [c.text for c in t.cues]


# ---- hand-built documents, exact output -------------------------------------------------


def test_registry_names_every_format() -> None:
    assert list(FORMATS) == [
        *("json", "jsonl", "text", "speech", "markdown", "csv", "rttm", "textgrid", "eaf"),
        *("srt", "vtt"),  # issue 9
    ]
    assert list(WRITERS) == ["parquet", "convokit"]


def test_text_exact() -> None:
    assert to_text(SAMPLE) == SAMPLE_TEXT


def test_text_reads_back() -> None:
    back = transcriptkit.parse(SAMPLE_TEXT)
    assert [back.speaker_name(t) for t in back.turns] == [
        None,
        "ANA RUIZ",
        "CLEO PARK",
        "BEN OKORO",
        "DEE",
        "ANA RUIZ",
    ]
    assert [t.role for t in back.turns] == [None, "host", None, "reporter", "caller", "host"]
    assert back.turns[1].paragraphs == ["First part.", "1999. That was the year."]
    assert [c.text for c in back.cues] == ["SOUNDBITE OF TRACTOR", "SOUNDBITE OF MUSIC"]
    assert back.metadata.title == "Invented Title"
    assert back.metadata.date == dt.date(2025, 3, 4)


def test_text_reads_back_the_program() -> None:
    assert transcriptkit.parse(SAMPLE_TEXT).metadata.program == "Morning Notes"


def test_text_options() -> None:
    with_notes = to_text(SAMPLE, Options(notes=True))
    assert "CLEO PARK: We grow beans. (LAUGHTER) Lots of them.\n" in with_notes
    labels = to_text(SAMPLE, Options(labels=True))
    assert "Ms. CLEO PARK (Farmer): We grow beans." in labels
    assert "\nDEE (Caller): Hi.\n" in labels
    assert "\nRUIZ: Thanks.\n" in labels
    no_cues = to_text(SAMPLE, Options(cues=False))
    assert "SOUNDBITE" not in no_cues
    assert no_cues.count("\n\n") == SAMPLE_TEXT.count("\n\n") - 2


@pytest.mark.parametrize(
    ("text", "offsets", "joined"),
    [
        ("one. Last year", [4], "one. (N0) Last year"),
        ("That is it.", [0, 0], "(N0) (N1) That is it."),
        ("Vossberg Red. Then", [12], "Vossberg Red (N0). Then"),
        ("ab cd", [2, 2], "ab (N0) (N1) cd"),
        ("", [0], "(N0)"),
        ("the end", [99], "the end (N0)"),
    ],
)
def test_notes_go_back_at_their_offsets(text: str, offsets: list[int], joined: str) -> None:
    notes = [
        InlineCue(kind="other", text=f"N{i}", offset=at, span=_span(0))
        for i, at in enumerate(offsets)
    ]
    assert "".join(piece for piece, _ in with_notes(text, notes)) == joined


def test_speech_exact() -> None:
    assert to_speech(SAMPLE) == (
        "This is MORNING NOTES. I'm Ana Ruiz.\n\n"
        "First part. 1999. That was the year.\n\n"
        "We grow beans. Lots of them.\n\n"
        'Park says "two dollars *each*", firmly.\n\n'
        "Hi.\n\n"
        "Thanks.\n"
    )


def test_markdown_exact() -> None:
    assert (
        to_markdown(SAMPLE)
        == """\
# Invented Title

- Date: 2025-03-04
- Program: Morning Notes
- Outlet: NPR

This is MORNING NOTES. I'm Ana Ruiz.

**ANA RUIZ, HOST:** First part.

1999\\. That was the year.

**CLEO PARK:** We grow beans. Lots of them.

*(SOUNDBITE OF TRACTOR)*

**BEN OKORO, BYLINE:** Park says "two dollars \\*each\\*", firmly.

**DEE, CALLER:** Hi.

**ANA RUIZ, HOST:** Thanks.

*(SOUNDBITE OF MUSIC)*
"""
    )


def test_markdown_notes_in_italics() -> None:
    out = to_markdown(SAMPLE, Options(notes=True, cues=False))
    assert "**CLEO PARK:** We grow beans. *(LAUGHTER)* Lots of them." in out
    assert "TRACTOR" not in out


# The stable columns, written out here rather than imported, so a rename fails a test.
STABLE = [
    "doc_id", "source", "title", "date", "program", "turn", "speaker_id", "speaker", "role",
    "label", "start", "end", "text", "n_words", "line", "span_start", "span_end", "notes",
]  # fmt: skip
# sha256("show.txt")[:16], computed once by `printf show.txt | sha256sum`.
SHOW_ID = "d38565214a0f2743"


def test_jsonl_exact() -> None:
    rows = [json.loads(line) for line in to_jsonl(SAMPLE, Options(doc="show.txt")).splitlines()]
    common = {
        "doc_id": SHOW_ID,
        "source": "show.txt",
        "title": "Invented Title",
        "date": "2025-03-04",
        "program": "Morning Notes",
        "kind": "transcript",
        "outlet": "NPR",
        "url": None,
        "error": None,
        "start": None,
        "end": None,
    }
    assert rows[0] == {
        **common,
        "turn": 0,
        "speaker_id": None,
        "speaker": None,
        "role": None,
        "label": None,
        "text": "This is MORNING NOTES. I'm Ana Ruiz.",
        "n_words": 7,
        "line": 5,
        "span_start": 50,
        "span_end": 51,
        "notes": [],
        "cues": [],
    }
    assert rows[2] == {
        **common,
        "turn": 2,
        "speaker_id": "cleo-park",
        "speaker": "CLEO PARK",
        "role": None,
        "label": "Ms. CLEO PARK (Farmer)",
        "text": "We grow beans. Lots of them.",
        "n_words": 6,
        "line": 11,
        "span_start": 110,
        "span_end": 111,
        "notes": ["LAUGHTER"],
        "cues": ["SOUNDBITE OF TRACTOR"],
    }
    assert rows[4]["speaker"] == "DEE" and rows[4]["label"] == "DEE (Caller)"
    assert rows[5]["cues"] == ["SOUNDBITE OF MUSIC"]
    assert all(list(r)[: len(STABLE)] == STABLE for r in rows)
    assert len(rows) == 6


def test_jsonl_notes_inline_on_request() -> None:
    rows = [json.loads(line) for line in to_jsonl(SAMPLE, Options(notes=True)).splitlines()]
    assert rows[2]["text"] == "We grow beans. (LAUGHTER) Lots of them."
    assert rows[2]["n_words"] == 6 and rows[2]["notes"] == ["LAUGHTER"]


def test_csv_exact() -> None:
    out = to_csv(SAMPLE, Options(doc="show.txt"))
    lines = out.split("\r\n")
    assert lines[0].split(",")[: len(STABLE)] == STABLE
    head = f"{SHOW_ID},show.txt,Invented Title,2025-03-04,Morning Notes"
    assert lines[1] == (
        f"{head},0,,,,,,,This is MORNING NOTES. I'm Ana Ruiz.,7,5,50,51,[],transcript,NPR,,[],"
    )
    assert lines[2] == (
        f'{head},1,ana-ruiz,ANA RUIZ,host,"ANA RUIZ, HOST",,,'
        '"First part.\n\n1999. That was the year.",7,7,70,71,[],transcript,NPR,,[],'
    )
    assert lines[4] == (
        f'{head},3,ben-okoro,BEN OKORO,reporter,"BEN OKORO, BYLINE",,,'
        '"Park says ""two dollars *each*"", firmly.",6,15,150,151,[],transcript,NPR,,[],'
    )
    assert '"[""LAUGHTER""]"' in lines[3]
    assert out.endswith("\r\n")
    assert len(list(csv.reader(io.StringIO(out, newline="")))) == 7
    assert not to_csv(SAMPLE, Options(header=False)).startswith("doc_id,")


def test_csv_loads_into_pandas_with_every_turn() -> None:
    pd = pytest.importorskip("pandas")
    df = pd.read_csv(io.StringIO(to_csv(SAMPLE, Options(doc="show.txt"))))
    assert list(df.columns[: len(STABLE)]) == STABLE
    assert list(df["turn"]) == [0, 1, 2, 3, 4, 5]
    assert list(df["n_words"]) == [7, 7, 6, 6, 1, 1]
    assert [json.loads(n) for n in df["notes"]] == [[], [], ["LAUGHTER"], [], [], []]


def test_json_is_the_model_dump() -> None:
    out = to_json(SAMPLE)
    assert json.loads(out) == SAMPLE.model_dump(mode="json")
    assert out.startswith('{\n  "kind": "transcript",\n  "metadata": {\n    "title"')
    one_line = to_json(SAMPLE, Options(indent=None))
    assert one_line.count("\n") == 1 and one_line.endswith("}\n")
    assert Transcript.model_validate_json(one_line) == SAMPLE


def test_article_exports_its_paragraphs() -> None:
    assert (
        to_text(ARTICLE) == 'title: Dry Year\n\nThe river ran low.\n\n"We wait," one farmer said.\n'
    )
    assert to_speech(ARTICLE) == 'The river ran low.\n\n"We wait," one farmer said.\n'
    assert to_markdown(ARTICLE) == (
        '# Dry Year\n\nThe river ran low.\n\n"We wait," one farmer said.\n'
    )
    rows = [json.loads(line) for line in to_jsonl(ARTICLE, Options(doc="a.txt")).splitlines()]
    assert [
        (r["turn"], r["speaker"], r["role"], r["label"], r["text"], r["line"]) for r in rows
    ] == [
        (0, None, None, None, "The river ran low.", 3),
        (1, None, None, None, '"We wait," one farmer said.', 5),
    ]
    assert {r["kind"] for r in rows} == {"article"}
    table = list(csv.DictReader(io.StringIO(to_csv(ARTICLE, Options(doc="a.txt")), newline="")))
    assert [(r["turn"], r["speaker"], r["text"]) for r in table] == [
        ("0", "", "The river ran low."),
        ("1", "", '"We wait," one farmer said.'),
    ]


def test_a_document_that_is_neither_is_one_row_with_its_kind() -> None:
    other = Transcript(kind="other")
    assert [FORMATS[f](other, Options()) for f in ("text", "speech", "markdown")] == [""] * 3
    (row,) = [json.loads(line) for line in to_jsonl(other, Options(doc="x.txt")).splitlines()]
    assert (row["kind"], row["source"], row["turn"], row["text"], row["n_words"]) == (
        "other",
        "x.txt",
        None,
        "",
        0,
    )
    header, line, end = to_csv(other, Options(doc="x.txt")).split("\r\n")
    assert header.startswith("doc_id,") and ",other," in line and end == ""


def test_export_many_joins_by_format() -> None:
    docs = [("a.txt", SAMPLE), ("b.txt", ARTICLE)]
    array = json.loads(export_many(docs, "json"))
    assert [d["kind"] for d in array] == ["transcript", "article"]
    assert json.loads(export_many(docs[:1], "json"))["kind"] == "transcript"
    rows = list(csv.DictReader(io.StringIO(export_many(docs, "csv"), newline="")))
    assert [(r["source"], r["turn"]) for r in rows] == [("a.txt", str(i)) for i in range(6)] + [
        ("b.txt", "0"),
        ("b.txt", "1"),
    ]
    lines = export_many(docs, "jsonl").splitlines()
    assert len(lines) == 8 and all(json.loads(line) for line in lines)
    assert export_many(docs, "speech") == to_speech(SAMPLE) + "\n" + to_speech(ARTICLE)


# ---- the published schema ---------------------------------------------------------------


def test_checked_in_schema_matches_the_models() -> None:
    checked_in = (ROOT / "docs" / "transcript.schema.json").read_text(encoding="utf-8")
    assert json.loads(checked_in) == Transcript.model_json_schema(), (
        "the models changed: run `transcriptkit schema > docs/transcript.schema.json`"
    )
    assert checked_in == schema(), (
        "regenerate docs/transcript.schema.json with `transcriptkit schema`"
    )


# ---- every format on every fixture ------------------------------------------------------


@pytest.mark.parametrize("name", CASES)
def test_rows_follow_the_fixture(name: str) -> None:
    t, expected = _fixture(name)
    jsonl = [json.loads(line) for line in to_jsonl(t, Options(doc=name)).splitlines()]
    table = list(csv.DictReader(io.StringIO(to_csv(t, Options(doc=name)), newline="")))
    assert len(jsonl) == len(table)
    if expected["kind"] == "article":
        assert jsonl and all(r["speaker"] is r["label"] is r["role"] is None for r in jsonl)
        assert all(r["speaker"] == r["label"] == r["role"] == "" for r in table)
        return
    assert {r["kind"] for r in jsonl} == {expected["kind"]}
    if not expected["turns"]:  # kept as one row with its kind
        assert [(r["turn"], r["text"]) for r in jsonl] == [(None, "")]
        assert [(r["turn"], r["text"]) for r in table] == [("", "")]
        return
    want = [(e["line"], e["label"], e["speaker"], e["role"]) for e in expected["turns"]]
    assert [(r["line"], r["label"], r["speaker"], r["role"]) for r in jsonl] == want
    as_csv = [
        (str(line), label or "", speaker or "", role or "") for line, label, speaker, role in want
    ]
    assert [(r["line"], r["label"], r["speaker"], r["role"]) for r in table] == as_csv
    for row, csv_row, e in zip(jsonl, table, expected["turns"], strict=True):
        assert row["source"] == csv_row["source"] == name
        assert row["text"].startswith(e["text_start"])
        assert csv_row["text"] == row["text"]


@pytest.mark.parametrize("name", CASES)
def test_json_speech_markdown_follow_the_fixture(name: str) -> None:
    t, expected = _fixture(name)
    data = json.loads(to_json(t))
    assert (data["kind"], data["metadata"]["title"], data["metadata"]["date"]) == (
        expected["kind"],
        expected["title"],
        expected["date"],
    )
    speech = to_speech(t)
    if expected["kind"] == "transcript":
        paragraphs = speech.rstrip("\n").split("\n\n")
        assert len(paragraphs) == len(expected["turns"])
        for paragraph, e in zip(paragraphs, expected["turns"], strict=True):
            assert paragraph.startswith(e["text_start"]) and "\n" not in paragraph
    markdown = to_markdown(t)
    bold = [line[2:].split(":**")[0] for line in markdown.splitlines() if line.startswith("**")]
    assert bold == [
        e["speaker"] + SUFFIX.get(e["role"], "") for e in expected["turns"] if e["speaker"]
    ]
    for cue in expected["cues"]:
        assert f"*({cue['text']})*" in markdown


@pytest.mark.parametrize("name", CASES)
def test_text_round_trip_on_fixtures(name: str) -> None:
    t, expected = _fixture(name)
    out = to_text(t)
    back = transcriptkit.parse(out)
    assert _reading(back) == _reading(t)
    assert [back.speaker_name(x) for x in back.turns] == [e["speaker"] for e in expected["turns"]]
    assert [c.text for c in back.cues] == [c["text"] for c in expected["cues"]]
    if expected["kind"] == "transcript":
        assert back.metadata.title == expected["title"]
        assert (back.metadata.date.isoformat() if back.metadata.date else None) == expected["date"]


@pytest.mark.parametrize("name", CASES)
def test_text_round_trip_keeps_inline_notes(name: str) -> None:
    t, _ = _fixture(name)
    back = transcriptkit.parse(to_text(t, Options(notes=True)))
    assert _reading(back) == _reading(t)
    assert [[n.text for n in x.cues] for x in back.turns] == [
        [n.text for n in x.cues] for x in t.turns
    ]


def _corpus_case(path: Path) -> Any:
    key = f"{path.parent.name}/{path.name}"
    gap = ROUND_TRIP_GAPS.get(key)
    marks = [pytest.mark.xfail(reason=gap, strict=False)] if gap else []
    return pytest.param(path, id=key, marks=marks)


@pytest.mark.skipif(not CORPUS.is_dir(), reason="no ../shared/corpus")
@pytest.mark.parametrize("path", [_corpus_case(p) for p in CORPUS_FILES])
def test_text_round_trip_on_the_corpus(path: Path) -> None:
    t = transcriptkit.parse_file(path)
    back = transcriptkit.parse(to_text(t))
    speakers, texts, cues = _reading(t)
    back_speakers, back_texts, back_cues = _reading(back)
    assert back_speakers == speakers
    assert back_texts == texts
    assert back_cues == cues
