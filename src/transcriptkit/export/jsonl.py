"""JSON Lines, one object per turn: easy to stream, grep and load into data frames."""

from __future__ import annotations

import json

from ..models import Transcript
from ._records import records
from .options import DEFAULT, Options


def to_jsonl(transcript: Transcript, options: Options = DEFAULT) -> str:
    """Objects with keys doc, index, speaker, role, label, text, line."""
    return "".join(
        json.dumps(r, ensure_ascii=False) + "\n" for r in records(transcript, options.doc)
    )
