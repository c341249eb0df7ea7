"""Podlove (Publisher and Web Player) transcript JSON.

    [{"start": "00:00:00.000", "start_ms": 0, "end": "00:00:04.500", "end_ms": 4500,
      "speaker": "ada", "voice": "Ada Byron", "text": "Hello and welcome."}]

(also wrapped as `{"transcripts": [...]}`). A piece is an item; times are clock strings
(`HH:MM:SS.mmm`) or `start_ms`/`end_ms`. `speaker` is the contributor's id, kept as the
label; `voice`, where given, is the name it maps to, else the id upper-cased. Items without
a speaker (an intro, an outro) are unlabeled turns of their own; an item without an end
ends where it starts.
"""

from __future__ import annotations

from typing import Any

from ._pieces import Piece, Reading, dicts, label, seconds, text_of


def _items(doc: Any) -> list[dict[str, Any]]:
    if isinstance(doc, dict):
        return dicts(doc.get("transcripts"))
    return dicts(doc)


def looks_like(doc: Any) -> bool:
    """Items with `text` and clock-string or millisecond times (Whisper's bare segment
    lists have numeric `start`)."""
    items = _items(doc)
    if not items or "text" not in items[0]:
        return False
    first = items[0]
    return "start_ms" in first or (isinstance(first.get("start"), str) and ":" in first["start"])


def read(doc: Any) -> Reading:
    reading = Reading("podlove", [])
    for item in _items(doc):
        text = text_of(item.get("text"))
        if not text.strip():
            continue
        if "start_ms" in item:
            start = seconds(item.get("start_ms"), 0.001)
            end = seconds(item.get("end_ms"), 0.001)
        else:
            start, end = seconds(item.get("start")), seconds(item.get("end"))
        who = label(item.get("speaker"))
        voice = text_of(item.get("voice")).strip()
        if who is not None and voice:
            reading.names.setdefault(who, voice)
        reading.pieces.append(Piece(text, start, end if end is not None else start, who))
    return reading
