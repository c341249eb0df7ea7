"""Amazon Transcribe job output.

    {"jobName": "...", "status": "COMPLETED",
     "results": {"transcripts": [{"transcript": "Hi there."}],
                 "speaker_labels": {"speakers": 2, "segments": [
                     {"start_time": "0.5", "end_time": "1.1", "speaker_label": "spk_0",
                      "items": [{"start_time": "0.5", "end_time": "0.8",
                                 "speaker_label": "spk_0"}]}]},
                 "items": [{"start_time": "0.5", "end_time": "0.8", "type": "pronunciation",
                            "speaker_label": "spk_0",                 # newer jobs only
                            "alternatives": [{"confidence": "0.99", "content": "Hi"}]},
                           {"type": "punctuation",
                            "alternatives": [{"confidence": "0.0", "content": "."}]}]}}

A piece is an item (a word). Times and confidences are strings. A word's speaker is its
own `speaker_label` (newer jobs label every item) and else the `speaker_labels.segments`
entry that lists an item starting at the same time, or whose span holds the word's start.
Punctuation items have no times: they attach to the word before them. With channel
identification (`channel_labels`), the channel (`ch_0`) stands in for a speaker where no
speaker label is given.
"""

from __future__ import annotations

import bisect
from typing import Any

from ..models import Word
from ._pieces import Piece, Reading, dicts, first_dict, label, number, seconds, text_of


def looks_like(doc: Any) -> bool:
    results = doc.get("results") if isinstance(doc, dict) else None
    return isinstance(results, dict) and (
        isinstance(results.get("items"), list) or isinstance(results.get("transcripts"), list)
    )


def read(doc: dict[str, Any]) -> Reading:
    results: dict[str, Any] = doc["results"]
    reading = Reading("aws", [])
    by_start, spans = _speaker_index(results)
    channels = _channel_index(results)
    for item in dicts(results.get("items")):
        best = first_dict(item.get("alternatives"))
        content = text_of(best.get("content"))
        start, end = seconds(item.get("start_time")), seconds(item.get("end_time"))
        if item.get("type") == "punctuation":
            reading.pieces.append(Piece(content, None, None, None, glue=True))
            continue
        who = label(item.get("speaker_label"))
        if who is None and start is not None:
            who = by_start.get(start) or _containing(spans, start)
        if who is None and start is not None:
            who = channels.get(start) or label(item.get("channel_label"))
        word = Word(
            text=content,
            start=start,
            end=end,
            confidence=number(best.get("confidence")),
            speaker=who,
        )
        reading.pieces.append(Piece.of(word))
    if not reading.pieces:  # a job without items: only the transcript text
        text = " ".join(
            text_of(t.get("transcript")) for t in dicts(results.get("transcripts"))
        ).strip()
        if text:
            reading.pieces.append(Piece(text, None, None))
            reading.note(
                "aws-no-items",
                "the job output has no items (word times), only its transcript text: one "
                "untimed turn",
                level="warning",
            )
    return reading


def _speaker_index(
    results: dict[str, Any],
) -> tuple[dict[float, str], list[tuple[float, float, str]]]:
    """Item start time -> speaker, and the segments' (start, end, speaker) by start."""
    labels = results.get("speaker_labels")
    segments = dicts(labels.get("segments")) if isinstance(labels, dict) else []
    by_start: dict[float, str] = {}
    spans: list[tuple[float, float, str]] = []
    for seg in segments:
        who = label(seg.get("speaker_label"))
        if who is None:
            continue
        for it in dicts(seg.get("items")):
            at = seconds(it.get("start_time"))
            if at is not None:
                by_start.setdefault(at, label(it.get("speaker_label")) or who)
        s, e = seconds(seg.get("start_time")), seconds(seg.get("end_time"))
        if s is not None and e is not None:
            spans.append((s, e, who))
    spans.sort()
    return by_start, spans


def _containing(spans: list[tuple[float, float, str]], at: float) -> str | None:
    i = bisect.bisect_right(spans, (at, float("inf"), "")) - 1
    if i >= 0 and spans[i][0] <= at <= spans[i][1]:
        return spans[i][2]
    return None


def _channel_index(results: dict[str, Any]) -> dict[float, str]:
    channels = results.get("channel_labels")
    out: dict[float, str] = {}
    if isinstance(channels, dict):
        for ch in dicts(channels.get("channels")):
            who = label(ch.get("channel_label"))
            for it in dicts(ch.get("items")):
                at = seconds(it.get("start_time"))
                if who and at is not None:
                    out.setdefault(at, who)
    return out
