"""JSON Lines, one object per turn: easy to stream, grep and load into data frames.

The keys are the turns table's columns (`transcriptkit.tables.COLUMNS`), in that order.
"""

from __future__ import annotations

import json

from ..models import Transcript
from ._records import records
from .options import DEFAULT, Options


def to_jsonl(transcript: Transcript, options: Options = DEFAULT) -> str:
    """An object per row of the turns table; `null` where a value is missing."""
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records(transcript, options))
