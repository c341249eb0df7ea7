"""The turns table: one column set in pandas, Arrow, Parquet, CSV and JSON Lines, every
document kept, read back with the real libraries."""

from __future__ import annotations

import datetime as dt
import io
import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

import transcriptkit
from analysis_data import CORPUS_FILES, corpus
from transcriptkit import Metadata, Paragraph, Span, Speaker, Transcript, Turn
from transcriptkit.errors import TranscriptError
from transcriptkit.export import WRITERS, Options, export_many
from transcriptkit.ids import doc_id

pd = pytest.importorskip("pandas")
pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")


STABLE = [
    "doc_id", "source", "title", "date", "program", "turn", "speaker_id", "speaker", "role",
    "label", "start", "end", "text", "n_words", "line", "span_start", "span_end", "notes",
]  # fmt: skip


def _span(start: int, end: int) -> Span:
    return Span(start=start, end=end)


# An invented, timed two-person exchange.
TIMED = Transcript(
    kind="transcript",
    metadata=Metadata(title="Harbor Talk", date=dt.date(2024, 11, 2), program="Dockside"),
    speakers=[
        Speaker(id="mara-quell", name="MARA QUELL", role="host"),
        Speaker(id="ivo-brandt", name="IVO BRANDT"),
    ],
    turns=[
        Turn(
            index=0,
            speaker_id="mara-quell",
            label="MARA QUELL, HOST",
            role="host",
            text="Good evening from the pier.",
            line=1,
            span=_span(0, 40),
            start=0.0,
            end=2.5,
        ),
        Turn(
            index=1,
            speaker_id="ivo-brandt",
            label="BRANDT",
            text="Evening, Mara.",
            line=3,
            span=_span(42, 60),
            start=2.5,
            end=3.75,
        ),
    ],
)
ARTICLE = Transcript(
    kind="article",
    paragraphs=[Paragraph(text="One short paragraph here.", line=2, span=_span(5, 30))],
)


@dataclass
class FakeResult:
    """What parse_many yields (helper 13's BatchResult), by duck typing."""

    source: str
    doc_id: str
    transcript: Transcript | None
    error: TranscriptError | None


def test_doc_id_is_sha256_of_the_source_name() -> None:
    # `printf talk.txt | sha256sum`, first 16 hex digits.
    assert doc_id("talk.txt") == "5dfa91bb6d22b3cb"
    assert doc_id("dir\\talk.txt") == doc_id("dir/talk.txt")


def test_to_pandas_columns_and_values() -> None:
    df = TIMED.to_pandas(source="talk.txt")
    assert list(df.columns[: len(STABLE)]) == STABLE
    assert list(df["speaker"]) == ["MARA QUELL", "IVO BRANDT"]
    assert list(df["label"]) == ["MARA QUELL, HOST", "BRANDT"]
    assert list(df["start"]) == [0.0, 2.5] and list(df["end"]) == [2.5, 3.75]
    assert list(df["n_words"]) == [5, 2]
    assert list(df["span_end"]) == [40, 60]
    assert set(df["doc_id"]) == {"5dfa91bb6d22b3cb"}
    assert df["date"].iloc[0] == pd.Timestamp("2024-11-02")
    assert str(df["turn"].dtype) == "Int64"


def test_to_arrow_schema_and_values() -> None:
    table = TIMED.to_arrow(source="talk.txt")
    assert table.column_names[: len(STABLE)] == STABLE
    assert table.schema.field("date").type == pa.date32()
    assert table.schema.field("notes").type == pa.list_(pa.string())
    assert table.column("start").to_pylist() == [0.0, 2.5]
    assert table.column("date").to_pylist() == [dt.date(2024, 11, 2)] * 2


def test_many_documents_of_every_kind_and_form() -> None:
    items = [
        TIMED,
        ("essay.txt", ARTICLE),
        FakeResult("empty.txt", "id-empty", Transcript(kind="other"), None),
        FakeResult("bad.bin", "id-bad", None, TranscriptError("not text", path="bad.bin")),
    ]
    df = transcriptkit.turns_frame(items)
    assert list(df["kind"].fillna("-")) == ["transcript", "transcript", "article", "other", "-"]
    assert list(df["source"].fillna("-")) == ["-", "-", "essay.txt", "empty.txt", "bad.bin"]
    assert list(df["doc_id"])[2:] == [doc_id("essay.txt"), "id-empty", "id-bad"]
    assert df["error"].iloc[4].startswith("bad.bin") and "not text" in df["error"].iloc[4]
    assert list(df["turn"].fillna(-1)) == [0, 1, 0, -1, -1]
    table = transcriptkit.turns_table(items)
    assert table.num_rows == 5
    assert table.column("kind").to_pylist() == [*df["kind"].iloc[:4], None]


def test_a_transcript_without_a_source_gets_an_id_from_its_content() -> None:
    first, again = TIMED.to_pandas(), TIMED.model_copy(deep=True).to_pandas()
    assert first["doc_id"].iloc[0] == again["doc_id"].iloc[0]
    changed = TIMED.model_copy(deep=True)
    changed.turns[0].text = "Good morning from the pier."
    assert changed.to_pandas()["doc_id"].iloc[0] != first["doc_id"].iloc[0]


def test_parquet_writer_reads_back_with_pyarrow_and_pandas(tmp_path: Path) -> None:
    target = tmp_path / "turns.parquet"
    WRITERS["parquet"]([("talk.txt", TIMED), ("essay.txt", ARTICLE)], target, Options())
    table = pq.read_table(target)
    assert table.column_names[: len(STABLE)] == STABLE
    assert table.column("source").to_pylist() == ["talk.txt", "talk.txt", "essay.txt"]
    df = pd.read_parquet(target)
    assert list(df["text"]) == [
        "Good evening from the pier.",
        "Evening, Mara.",
        "One short paragraph here.",
    ]
    assert [p.name for p in tmp_path.iterdir()] == ["turns.parquet"]


def test_parquet_of_nothing_is_a_valid_empty_table(tmp_path: Path) -> None:
    target = tmp_path / "none.parquet"
    assert transcriptkit.write_parquet([], target) == 0
    assert pq.read_table(target).num_rows == 0


def test_csv_and_jsonl_have_the_table_columns_and_rows() -> None:
    docs = [("talk.txt", TIMED), ("essay.txt", ARTICLE), ("x.txt", Transcript(kind="other"))]
    from_csv = pd.read_csv(io.StringIO(export_many(docs, "csv")))
    from_jsonl = pd.read_json(io.StringIO(export_many(docs, "jsonl")), lines=True)
    frame = transcriptkit.turns_frame(docs)
    for df in (from_csv, from_jsonl):
        assert list(df.columns) == list(frame.columns)
        assert list(df["source"]) == list(frame["source"])
        assert list(df["n_words"]) == list(frame["n_words"])
        assert list(df["start"].fillna(-1)) == list(frame["start"].fillna(-1))


def test_a_bad_item_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="not int"):
        transcriptkit.turns_frame([3])  # type: ignore[list-item]


def test_importing_transcriptkit_does_not_import_pandas_or_pyarrow() -> None:
    code = (
        "import sys, transcriptkit, transcriptkit.export; "
        "print(sorted(m for m in ('pandas', 'pyarrow') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert json.loads(out.stdout.replace("'", '"')) == []


@pytest.mark.skipif(not CORPUS_FILES, reason="the shared corpus is not beside this checkout")
def test_the_corpus_into_one_parquet_file(tmp_path: Path) -> None:
    docs = list(corpus())
    target = tmp_path / "corpus.parquet"
    WRITERS["parquet"](docs, target, Options())
    df = pd.read_parquet(target)
    units = [len(t.paragraphs) if t.kind == "article" else len(t.turns) for _, t in docs]
    assert len(df) == sum(max(n, 1) for n in units)
    assert df["source"].nunique() == len(docs)  # every document, whatever its kind
    assert (df["n_words"] == df["text"].str.split().str.len().fillna(0)).all()
