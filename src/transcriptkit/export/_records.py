"""The turns table's rows for one exported document (jsonl, csv): see `transcriptkit.tables`."""

from __future__ import annotations

from ..models import Transcript
from ..tables import Row, document, document_rows, iso_date
from .options import Options


def records(transcript: Transcript, options: Options) -> list[Row]:
    """The document's rows, `source` from `options.doc` (a document without a name gets
    an id from its content), dates as ISO text; `options.notes` puts inline notes back
    into `text`."""
    doc = document(transcript, source=options.doc or None)
    out = document_rows(doc, notes_inline=options.notes)
    for row in out:
        row["date"] = iso_date(row["date"])
    return out
