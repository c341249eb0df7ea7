"""Rev.ai transcripts (`GET /jobs/{id}/transcript`, `application/vnd.rev.transcript.v1.0+json`).

    {"monologues": [{"speaker": 0, "speaker_name": "Ada",          # name: optional
                     "elements": [{"type": "text", "value": "Hi", "ts": 0.5, "end_ts": 0.7,
                                   "confidence": 0.98},
                                  {"type": "punct", "value": ","},
                                  {"type": "punct", "value": " "}]}]}

A piece is a monologue: Rev.ai attributes speakers per monologue, not per word. Its text
is the elements' values joined as written (punctuation elements carry their own spaces);
its times are those of its first and last timed element; its words are the `text`
elements. `speaker_name`, where given, is the name the label maps to.
"""

from __future__ import annotations

from typing import Any

from ..models import Word
from ._pieces import Piece, Reading, dicts, label, number, seconds, text_of


def looks_like(doc: Any) -> bool:
    return isinstance(doc, dict) and isinstance(doc.get("monologues"), list)


def read(doc: dict[str, Any]) -> Reading:
    reading = Reading("revai", [])
    for mono in dicts(doc.get("monologues")):
        who = label(mono.get("speaker"))
        name = text_of(mono.get("speaker_name")).strip()
        if who is not None and name:
            reading.names.setdefault(who, name)
        elements = dicts(mono.get("elements"))
        words = [
            Word(
                text=text_of(e.get("value")),
                start=seconds(e.get("ts")),
                end=seconds(e.get("end_ts")),
                confidence=number(e.get("confidence")),
                speaker=who,
            )
            for e in elements
            if e.get("type") != "punct" and text_of(e.get("value")).strip()
        ]
        text = "".join(text_of(e.get("value")) for e in elements)
        if not text.strip():
            continue
        starts = [w.start for w in words if w.start is not None]
        ends = [w.end for w in words if w.end is not None]
        reading.pieces.append(
            Piece(text, starts[0] if starts else None, max(ends) if ends else None, who, words)
        )
    return reading
