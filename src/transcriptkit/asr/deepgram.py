"""Deepgram pre-recorded responses.

    {"metadata": {"request_id": "...", "channels": 1, ...},
     "results": {"channels": [{"alternatives": [{
                     "transcript": "hi there",
                     "words": [{"word": "hi", "start": 0.5, "end": 0.7, "confidence": 0.99,
                                "speaker": 0, "speaker_confidence": 0.8,
                                "punctuated_word": "Hi"}],
                     "paragraphs": {"paragraphs": [{"speaker": 0, "start": 0.5, ...}]}}]}],
                 "utterances": [{"start": 0.5, "end": 0.9, "speaker": 0, "channel": 0,
                                 "transcript": "Hi there.", "words": [...]}]}}

A piece is a word of the best alternative (`punctuated_word` where Deepgram punctuated,
else `word`). Diarization labels each word, and each word's speaker wins: Deepgram's
utterances carry one speaker for a run that may hold words of another (its majority), and
its paragraphs follow the words. Where words carry no speaker, an utterance's speaker is
used; with several channels and no diarization, the channel index is the speaker.
"""

from __future__ import annotations

import bisect
from typing import Any

from ..models import Word
from ._pieces import Piece, Reading, dicts, first_dict, label, number, seconds, text_of


def looks_like(doc: Any) -> bool:
    results = doc.get("results") if isinstance(doc, dict) else None
    return isinstance(results, dict) and isinstance(results.get("channels"), list)


def read(doc: dict[str, Any]) -> Reading:
    results: dict[str, Any] = doc["results"]
    reading = Reading("deepgram", [])
    channels = dicts(results.get("channels"))
    utterances = dicts(results.get("utterances"))
    spans = _Utterances(utterances)
    disagree = 0
    for index, channel in enumerate(channels):
        best = first_dict(channel.get("alternatives"))
        words = dicts(best.get("words"))
        for w in words:
            text = text_of(w.get("punctuated_word")) or text_of(w.get("word"))
            start, end = seconds(w.get("start")), seconds(w.get("end"))
            who = label(w.get("speaker"))
            if who is None and start is not None:
                who = spans.speaker(start, index)
            if who is None and len(channels) > 1:
                who = str(index)
            elif who is not None and len(channels) > 1 and "speaker" in w:
                who = f"{index}:{who}"  # speakers are numbered per channel
            word = Word(
                text=text,
                start=start,
                end=end,
                confidence=number(w.get("confidence")),
                speaker=who,
            )
            reading.pieces.append(Piece.of(word))
        if not words and text_of(best.get("transcript")).strip():
            reading.pieces.append(Piece(text_of(best.get("transcript")), None, None))
    for u in utterances:
        who = label(u.get("speaker"))
        disagree += sum(
            1 for w in dicts(u.get("words")) if "speaker" in w and label(w["speaker"]) != who
        )
    if disagree:
        reading.note(
            "asr-speaker-disagreement",
            f"{disagree} word(s) inside utterances carry another speaker than their "
            "utterance; each word's own speaker is used",
        )
    return reading


class _Utterances:
    """The speaker of the utterance holding an instant, per channel, by bisection (for
    words without a speaker of their own)."""

    def __init__(self, utterances: list[dict[str, Any]]) -> None:
        self.by_channel: dict[str, tuple[list[float], list[tuple[float, str]]]] = {}
        rows = sorted(
            (label(u.get("channel")) or "0", s, seconds(u.get("end")) or s, who)
            for u in utterances
            if (s := seconds(u.get("start"))) is not None
            and (who := label(u.get("speaker"))) is not None
        )
        for channel, s, e, who in rows:
            starts, rest = self.by_channel.setdefault(channel, ([], []))
            starts.append(s)
            rest.append((e, who))

    def speaker(self, at: float, channel: int) -> str | None:
        starts, rest = self.by_channel.get(str(channel), ([], []))
        i = bisect.bisect_right(starts, at) - 1
        if i >= 0 and at <= rest[i][0]:
            return rest[i][1]
        return None
