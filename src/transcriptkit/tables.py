"""Turns as a table: one stable column set for CSV, JSON Lines, pandas, Arrow and Parquet.

Every table of turns transcriptkit writes is built by `document_rows`, so the formats cannot
disagree about a column. The columns (`COLUMNS`) are a public contract, documented in
docs/formats.md; new ones may follow the stable ones, none is ever removed or renamed:

    doc_id, source, title, date, program, turn, speaker_id, speaker, role, label,
    start, end, text, n_words, line, span_start, span_end, notes      (stable)
    kind, outlet, url, cues, error                                    (more)

Every document gives at least one row: an article gives a row per paragraph, and a document
without turns or paragraphs (kind `other`, an empty transcript, a file that failed to
parse) gives one row with its kind (or its error) and no turn.

pandas and pyarrow are optional (`pip install 'transcriptkit[pandas]'` / `[parquet]`); they
are imported only by the functions that need them.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, NamedTuple, Protocol

from . import ids
from ._reading import with_notes
from .models import Cue, Paragraph, Transcript, Turn

if TYPE_CHECKING:
    import pandas as pd
    import pyarrow as pa

STABLE_COLUMNS: Final = (
    "doc_id",
    "source",
    "title",
    "date",
    "program",
    "turn",
    "speaker_id",
    "speaker",
    "role",
    "label",
    "start",
    "end",
    "text",
    "n_words",
    "line",
    "span_start",
    "span_end",
    "notes",
)
# Columns after the stable ones: `kind` of the document, its `outlet` and `url`, the
# standalone `cues` that follow the turn (cues before the first turn go with the first),
# and the `error` of a document that could not be parsed.
EXTRA_COLUMNS: Final = ("kind", "outlet", "url", "cues", "error")
COLUMNS: Final = STABLE_COLUMNS + EXTRA_COLUMNS

# Columns holding a list of strings (JSON arrays in CSV).
LIST_COLUMNS: Final = frozenset({"notes", "cues"})

Row = dict[str, Any]


class BatchLike(Protocol):
    """What `parse_many` yields (transcriptkit.batch.BatchResult), as far as tables care."""

    @property
    def source(self) -> str: ...
    @property
    def doc_id(self) -> str: ...
    @property
    def transcript(self) -> Transcript | None: ...
    @property
    def error(self) -> BaseException | None: ...


# What the many-document functions take: transcripts, (source, transcript) pairs as the
# CLI and `export_many` hold them, or parse_many results.
Item = Transcript | tuple[str, Transcript] | BatchLike


class Document(NamedTuple):
    """One document as the tables see it, whatever form it came in."""

    doc_id: str
    source: str | None
    transcript: Transcript | None
    error: str | None


def documents(items: Iterable[Item]) -> Iterator[Document]:
    """Each item as a `Document`; TypeError names an item of any other type."""
    for item in items:
        if isinstance(item, Transcript):
            yield Document(ids.content_id(item), None, item, None)
        elif isinstance(item, tuple):
            source, transcript = item
            yield Document(ids.doc_id(source), source, transcript, None)
        elif hasattr(item, "transcript") and hasattr(item, "source"):
            error = getattr(item, "error", None)
            ident = getattr(item, "doc_id", None) or ids.doc_id(item.source)
            yield Document(ident, item.source, item.transcript, str(error) if error else None)
        else:
            raise TypeError(
                f"expected a Transcript, a (source, Transcript) pair or a parse_many result, "
                f"not {type(item).__name__}"
            )


def document(
    transcript: Transcript, *, source: str | None = None, doc_id: str | None = None
) -> Document:
    """One transcript as a `Document`; the id comes from the source, else the content."""
    if doc_id is None:
        doc_id = ids.doc_id(source) if source is not None else ids.content_id(transcript)
    return Document(doc_id, source, transcript, None)


def document_rows(doc: Document, *, notes_inline: bool = False) -> list[Row]:
    """The rows of one document: a row per turn (per paragraph for an article), or one row
    with no turn when there is neither. `notes_inline` puts inline notes such as
    `(LAUGHTER)` back into `text` at their offsets; the `notes` column always lists them."""
    t = doc.transcript
    meta = t.metadata if t is not None else None
    base: Row = {
        "doc_id": doc.doc_id,
        "source": doc.source,
        "title": meta.title if meta else None,
        "date": meta.date if meta else None,
        "program": meta.program if meta else None,
        "kind": t.kind if t is not None else None,
        "outlet": meta.outlet if meta else None,
        "url": meta.url if meta else None,
        "error": doc.error,
    }
    if t is None:
        return [_row(base)]
    units: Sequence[Turn | Paragraph] = t.paragraphs if t.kind == "article" else t.turns
    if not units:
        return [_row(base, cues=[c.text for c in t.cues])]
    cues = _cues_after(units, t.cues)
    names = {s.id: s.name for s in t.speakers}
    rows = []
    for i, unit in enumerate(units):
        if isinstance(unit, Turn):
            text = unit.text
            if notes_inline and unit.cues:
                text = "".join(piece for piece, _ in with_notes(unit.text, unit.cues))
            rows.append(
                _row(
                    base,
                    turn=unit.index,
                    speaker_id=unit.speaker_id,
                    speaker=names.get(unit.speaker_id) if unit.speaker_id else None,
                    role=unit.role,
                    label=unit.label,
                    start=unit.start,
                    end=unit.end,
                    text=text,
                    n_words=len(unit.text.split()),
                    line=unit.line,
                    span_start=unit.span.start,
                    span_end=unit.span.end,
                    notes=[c.text for c in unit.cues],
                    cues=cues[i],
                )
            )
        else:
            rows.append(
                _row(
                    base,
                    turn=i,
                    text=unit.text,
                    n_words=len(unit.text.split()),
                    line=unit.line,
                    span_start=unit.span.start,
                    span_end=unit.span.end,
                    cues=cues[i],
                )
            )
    return rows


def _row(base: Row, **values: Any) -> Row:
    """A row with every column, in `COLUMNS` order: None, or [] for list columns, where
    nothing is known; `n_words` 0 and `text` "" on a row without a turn."""
    row: Row = {}
    for name in COLUMNS:
        if name in values:
            row[name] = values[name]
        elif name in base:
            row[name] = base[name]
        elif name in LIST_COLUMNS:
            row[name] = []
        elif name == "n_words":
            row[name] = 0
        elif name == "text":
            row[name] = ""
        else:
            row[name] = None
    return row


def _cues_after(units: Sequence[Turn | Paragraph], cues: Sequence[Cue]) -> list[list[str]]:
    """For each unit, the standalone cues between it and the next one by source position;
    a cue before the first unit goes with the first, so no cue is dropped."""
    out: list[list[str]] = [[] for _ in units]
    keys = [(u.line, u.span.start) for u in units]
    for cue in cues:
        at = bisect.bisect_right(keys, (cue.line, cue.span.start)) - 1
        out[max(at, 0)].append(cue.text)
    return out


def rows(items: Iterable[Item], *, notes_inline: bool = False) -> Iterator[Row]:
    """The rows of many documents, in order, streamed."""
    for doc in documents(items):
        yield from document_rows(doc, notes_inline=notes_inline)


# ---- pandas -------------------------------------------------------------------------------

_INT_COLUMNS: Final = ("turn", "line", "span_start", "span_end")
_FLOAT_COLUMNS: Final = ("start", "end")


def frame(row_list: Sequence[Row]) -> pd.DataFrame:
    """Rows as a pandas DataFrame with the table's dtypes: nullable integers (`Int64`) for
    turn, line and spans (a row without a turn has none), floats for times, `date` as
    datetime64, lists as Python lists."""
    import pandas as pd

    df = pd.DataFrame.from_records(list(row_list), columns=list(COLUMNS))
    for name in _INT_COLUMNS:
        df[name] = df[name].astype("Int64")
    for name in _FLOAT_COLUMNS:
        df[name] = df[name].astype("float64")
    df["n_words"] = df["n_words"].astype("int64")
    df["date"] = pd.to_datetime(df["date"])
    return df


def turns_frame(items: Iterable[Item], *, notes_inline: bool = False) -> pd.DataFrame:
    """Many documents (transcripts, (source, transcript) pairs or parse_many results) as one
    pandas DataFrame of turns. Needs the `pandas` extra."""
    return frame(list(rows(items, notes_inline=notes_inline)))


def transcript_frame(
    transcript: Transcript, *, source: str | None = None, doc_id: str | None = None
) -> pd.DataFrame:
    """One transcript's turns as a DataFrame (`Transcript.to_pandas`)."""
    return frame(document_rows(document(transcript, source=source, doc_id=doc_id)))


# ---- Arrow and Parquet --------------------------------------------------------------------


def arrow_schema() -> pa.Schema:
    """The Arrow types of the columns (Parquet files carry the same schema)."""
    import pyarrow as pa

    string, i64 = pa.string(), pa.int64()
    types = {
        "date": pa.date32(),
        "turn": i64,
        "n_words": i64,
        "line": i64,
        "span_start": i64,
        "span_end": i64,
        "start": pa.float64(),
        "end": pa.float64(),
        "notes": pa.list_(string),
        "cues": pa.list_(string),
    }
    return pa.schema(
        [pa.field(name, types.get(name, string), nullable=name != "doc_id") for name in COLUMNS]
    )


def table(row_list: Sequence[Row]) -> pa.Table:
    """Rows as an Arrow table with `arrow_schema()`."""
    import pyarrow as pa

    return pa.Table.from_pylist(list(row_list), schema=arrow_schema())


def turns_table(items: Iterable[Item], *, notes_inline: bool = False) -> pa.Table:
    """Many documents as one Arrow table of turns. Needs the `parquet` extra (pyarrow)."""
    return table(list(rows(items, notes_inline=notes_inline)))


def transcript_table(
    transcript: Transcript, *, source: str | None = None, doc_id: str | None = None
) -> pa.Table:
    """One transcript's turns as an Arrow table (`Transcript.to_arrow`)."""
    return table(document_rows(document(transcript, source=source, doc_id=doc_id)))


# Rows per Parquet row group: big enough for good compression, small enough that a writer
# holds only a few MB of rows at a time however large the corpus.
ROW_GROUP = 50_000


def write_parquet(items: Iterable[Item], path: str | Path, *, notes_inline: bool = False) -> int:
    """Write the turns of many documents to one Parquet file, streamed a row group at a
    time, atomically (a temporary file renamed over `path`). Returns the number of rows."""
    import pyarrow.parquet as pq

    from .export._files import replacing

    schema = arrow_schema()
    count = 0
    with replacing(Path(path)) as tmp, pq.ParquetWriter(tmp, schema) as writer:
        batch: list[Row] = []
        for row in rows(items, notes_inline=notes_inline):
            batch.append(row)
            if len(batch) >= ROW_GROUP:
                writer.write_table(table(batch))
                count += len(batch)
                batch = []
        if batch or not count:
            writer.write_table(table(batch))
            count += len(batch)
    return count


def iso_date(value: dt.date | None) -> str | None:
    """A date column's value as text (CSV, JSON Lines)."""
    return value.isoformat() if value else None
