"""CSV, one row per turn, quoted as RFC 4180 says (CRLF line ends, doubled quotes).

The columns are the turns table's (`transcriptkit.tables.COLUMNS`); a missing value is an
empty field, and list columns (`notes`, `cues`) hold a JSON array.
"""

from __future__ import annotations

import csv
import io
import json

from ..models import Transcript
from ..tables import COLUMNS, LIST_COLUMNS
from ._records import records
from .options import DEFAULT, Options


def to_csv(transcript: Transcript, options: Options = DEFAULT) -> str:
    """The turns table as CSV, with a header row unless `options.header` is off."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\r\n")
    if options.header:
        writer.writeheader()
    for row in records(transcript, options):
        for name in LIST_COLUMNS:
            row[name] = json.dumps(row[name], ensure_ascii=False)
        writer.writerow(row)
    return out.getvalue()
