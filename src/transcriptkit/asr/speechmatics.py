"""Speechmatics batch transcripts (`json-v2`).

    {"format": "2.9", "job": {...}, "metadata": {...},
     "results": [{"type": "word", "start_time": 0.5, "end_time": 0.8,
                  "alternatives": [{"content": "Hello", "confidence": 0.99,
                                    "language": "en", "speaker": "S1"}]},
                 {"type": "punctuation", "start_time": 0.8, "end_time": 0.8,
                  "attaches_to": "previous", "is_eos": true,
                  "alternatives": [{"content": ".", "confidence": 1, "speaker": "S1"}]}]}

A piece is a word; the speaker is per word (`S1`, `S2`; `UU` is Speechmatics' "unknown
speaker" and leaves the word unlabeled). Punctuation attaches to the word before it.
Listed before Google: both have a `results` list of `alternatives`, but Speechmatics'
results are typed, timed words.
"""

from __future__ import annotations

from typing import Any

from ..models import Word
from ._pieces import Piece, Reading, dicts, first_dict, label, number, seconds, text_of

UNKNOWN = "UU"


def looks_like(doc: Any) -> bool:
    results = dicts(doc.get("results")) if isinstance(doc, dict) else []
    return bool(results) and "type" in results[0] and "start_time" in results[0]


def read(doc: dict[str, Any]) -> Reading:
    reading = Reading("speechmatics", [])
    for r in dicts(doc.get("results")):
        best = first_dict(r.get("alternatives"))
        content = text_of(best.get("content"))
        if r.get("type") == "punctuation":
            reading.pieces.append(Piece(content, None, None, glue=True))
            continue
        who = label(best.get("speaker") or r.get("speaker"))
        who = None if who == UNKNOWN else who
        start, end = seconds(r.get("start_time")), seconds(r.get("end_time"))
        word = Word(
            text=content,
            start=start,
            end=end,
            confidence=number(best.get("confidence")),
            speaker=who,
        )
        reading.pieces.append(Piece.of(word))
    return reading
