"""One flat row per turn, with the document's id, source and header: the turns table.

The column set is the stable one of the analysis work (issue 14): `doc_id, source, title,
date, program, turn, speaker_id, speaker, role, label, start, end, text, n_words, line,
span_start, span_end, notes`, then `kind` (more may follow, never fewer). Every writer of
turns — `batch` to Parquet or CSV, the Dask DataFrame, the tables — builds its rows here,
so they cannot disagree.

An article's paragraphs are rows without a speaker; a document with neither turns nor
paragraphs is one row holding only its header and kind, so no document vanishes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Final

from .models import InlineCue, Transcript

if TYPE_CHECKING:
    import pyarrow

Value = str | int | float | dt.date | None
Row = dict[str, Value]

COLUMNS: Final = (
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
    "kind",
)

# Between two inline notes in the `notes` column: `LAUGHTER; ph`. A semicolon, because
# notes hold commas (`emphasis added, ed.`) far more often than semicolons.
NOTES_SEPARATOR: Final = "; "


def turn_rows(transcript: Transcript, *, doc_id: str = "", source: str = "") -> list[Row]:
    """The rows of one document, in source order, keyed by `COLUMNS`."""
    meta = transcript.metadata
    head: Row = {
        "doc_id": doc_id,
        "source": source,
        "title": meta.title,
        "date": meta.date,
        "program": meta.program,
    }
    names = {s.id: s.name for s in transcript.speakers}
    rows: list[Row] = []
    for t in transcript.turns:
        rows.append(
            {
                **head,
                "turn": t.index,
                "speaker_id": t.speaker_id,
                "speaker": names.get(t.speaker_id) if t.speaker_id else None,
                "role": t.role,
                "label": t.label,
                "start": t.start,
                "end": t.end,
                "text": t.text,
                "n_words": len(t.text.split()),
                "line": t.line,
                "span_start": t.span.start,
                "span_end": t.span.end,
                "notes": _notes(t.cues),
                "kind": transcript.kind,
            }
        )
    if not rows:
        for i, p in enumerate(transcript.paragraphs):
            rows.append(
                {
                    **_EMPTY,
                    **head,
                    "turn": i,
                    "text": p.text,
                    "n_words": len(p.text.split()),
                    "line": p.line,
                    "span_start": p.span.start,
                    "span_end": p.span.end,
                    "kind": transcript.kind,
                }
            )
    if not rows:
        rows.append({**_EMPTY, **head, "kind": transcript.kind})
    return rows


def _notes(cues: Sequence[InlineCue]) -> str | None:
    return NOTES_SEPARATOR.join(c.text for c in cues) if cues else None


_EMPTY: Final[Row] = dict.fromkeys(COLUMNS)


def arrow_schema() -> pyarrow.Schema:
    """The Arrow types of the columns (pyarrow is an optional extra, imported on use)."""
    import pyarrow as pa

    types: dict[str, Any] = {
        "date": pa.date32(),
        "turn": pa.int64(),
        "start": pa.float64(),
        "end": pa.float64(),
        "n_words": pa.int64(),
        "line": pa.int64(),
        "span_start": pa.int64(),
        "span_end": pa.int64(),
    }
    return pa.schema([(name, types.get(name, pa.string())) for name in COLUMNS])


def arrow_table(rows: Sequence[Row]) -> pyarrow.Table:
    """Rows as an Arrow table of `arrow_schema()` (an empty table keeps the columns)."""
    import pyarrow as pa

    schema = arrow_schema()
    return pa.Table.from_pylist(list(rows), schema=schema)
