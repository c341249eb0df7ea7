"""AssemblyAI transcripts (`GET /v2/transcript/{id}`).

    {"id": "...", "status": "completed", "audio_url": "...", "text": "Hi there.",
     "words": [{"text": "Hi", "start": 500, "end": 700, "confidence": 0.99, "speaker": "A"}],
     "utterances": [{"speaker": "A", "start": 500, "end": 900, "text": "Hi there.",
                     "confidence": 0.97, "words": [...]}]}

Times are milliseconds. A piece is a word of the top-level `words` (each word's speaker
wins over its utterance's); where words carry no speaker, the utterances are the pieces;
a transcript without words is its `text`, untimed.
"""

from __future__ import annotations

from typing import Any

from ..models import Word
from ._pieces import Piece, Reading, dicts, label, number, seconds, text_of

MS = 0.001  # AssemblyAI writes times in milliseconds


def looks_like(doc: Any) -> bool:
    if not isinstance(doc, dict):
        return False
    if isinstance(doc.get("utterances"), list) and "results" not in doc:
        return True
    words = dicts(doc.get("words"))
    return (
        bool(words)
        and "text" in words[0]
        and ("audio_url" in doc or "audio_duration" in doc or "acoustic_model" in doc)
    )


def _word(w: dict[str, Any]) -> Word:
    return Word(
        text=text_of(w.get("text")),
        start=seconds(w.get("start"), MS),
        end=seconds(w.get("end"), MS),
        confidence=number(w.get("confidence")),
        speaker=label(w.get("speaker")),
    )


def read(doc: dict[str, Any]) -> Reading:
    reading = Reading("assemblyai", [])
    words = [_word(w) for w in dicts(doc.get("words"))]
    utterances = dicts(doc.get("utterances"))
    if words and (any(w.speaker for w in words) or not utterances):
        reading.pieces = [Piece.of(w) for w in words]
    elif utterances:
        for u in utterances:
            uw = [_word(w) for w in dicts(u.get("words"))]
            reading.pieces.append(
                Piece(
                    text_of(u.get("text")) or " ".join(w.text for w in uw),
                    seconds(u.get("start"), MS),
                    seconds(u.get("end"), MS),
                    label(u.get("speaker")),
                    uw or None,
                )
            )
    elif text_of(doc.get("text")).strip():
        reading.pieces.append(Piece(text_of(doc.get("text")), None, None))
    disagree = sum(
        1
        for u in utterances
        for w in dicts(u.get("words"))
        if "speaker" in w and label(w["speaker"]) != label(u.get("speaker"))
    )
    if disagree:
        reading.note(
            "asr-speaker-disagreement",
            f"{disagree} word(s) inside utterances carry another speaker than their "
            "utterance; each word's own speaker is used",
        )
    return reading
