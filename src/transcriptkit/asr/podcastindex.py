"""PodcastIndex `podcast:transcript` JSON (`type="application/json"`).

    {"version": "1.0.0",
     "segments": [{"speaker": "Ada Byron", "startTime": 0.5, "endTime": 0.75, "body": "Hi"},
                  {"speaker": "Ada Byron", "startTime": 0.8, "endTime": 1.1, "body": "there."}]}

A piece is a segment (a word or a phrase, as the publisher chose); its `speaker` is a name,
kept as the label and upper-cased as the speaker's name. A one-word segment is also a
`Word` of its turn, so word-level files keep their word times.
"""

from __future__ import annotations

from typing import Any

from ..models import Word
from ._pieces import Piece, Reading, dicts, label, seconds, text_of


def looks_like(doc: Any) -> bool:
    if not isinstance(doc, dict):
        return False
    segs = dicts(doc.get("segments"))
    return bool(segs) and "body" in segs[0] and ("startTime" in segs[0] or "endTime" in segs[0])


def read(doc: dict[str, Any]) -> Reading:
    reading = Reading("podcastindex", [])
    for seg in dicts(doc.get("segments")):
        body = text_of(seg.get("body"))
        if not body.strip():
            continue
        start, end = seconds(seg.get("startTime")), seconds(seg.get("endTime"))
        who = label(seg.get("speaker"))
        words = None
        if len(body.split()) == 1:
            words = [Word(text=body.strip(), start=start, end=end, speaker=who)]
        reading.pieces.append(Piece(body, start, end, who, words))
    return reading
