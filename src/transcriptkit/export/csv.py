"""CSV, one row per turn, quoted as RFC 4180 says (CRLF line ends, doubled quotes)."""

from __future__ import annotations

import csv
import io

from ..models import Transcript
from ._records import records
from .options import DEFAULT, Options

COLUMNS = ("doc", "index", "line", "speaker", "role", "label", "text")


def to_csv(transcript: Transcript, options: Options = DEFAULT) -> str:
    """Columns doc, index, line, speaker, role, label, text; empty where a value is None."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\r\n")
    if options.header:
        writer.writeheader()
    writer.writerows(records(transcript, options.doc))
    return out.getvalue()
