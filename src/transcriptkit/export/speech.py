"""Spoken words only, one paragraph per turn: input for NLP, with no labels or cues."""

from __future__ import annotations

from ..models import Transcript
from .options import DEFAULT, Options


def to_speech(transcript: Transcript, options: Options = DEFAULT) -> str:
    """Each turn's words as one paragraph; an article's paragraphs as they are."""
    if transcript.kind == "article":
        blocks = [p.text for p in transcript.paragraphs]
    else:
        blocks = [" ".join(t.text.split()) for t in transcript.turns if t.text]
    return "\n\n".join(blocks) + "\n" if blocks else ""
