"""Who talks how much: turns, words and share of the spoken words per speaker.

One computation behind the view's speaker legend and `transcriptkit stats`.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from .models import Role, Transcript


class SpeakerStats(BaseModel):
    """One speaker's count; `id` and `name` are None for the unlabeled turns."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str | None
    name: str | None
    role: Role | None
    turns: int
    words: int
    share: float


def speaker_stats(transcript: Transcript) -> list[SpeakerStats]:
    """A row per speaker in order of first appearance, then one for unlabeled turns if any."""
    words: dict[str | None, int] = {s.id: 0 for s in transcript.speakers}
    turns = dict.fromkeys(words, 0)
    for turn in transcript.turns:
        key = turn.speaker_id
        words[key] = words.get(key, 0) + len(turn.text.split())
        turns[key] = turns.get(key, 0) + 1
    total = sum(words.values())
    rows = []
    for key in words:
        speaker = transcript.speaker(key)
        rows.append(
            SpeakerStats(
                id=key,
                name=speaker.name if speaker else None,
                role=speaker.role if speaker else None,
                turns=turns[key],
                words=words[key],
                share=words[key] / total if total else 0.0,
            )
        )
    return rows
