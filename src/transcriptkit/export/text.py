"""A clean script that transcriptkit reads back into the same speakers, turns and cues.

    title: Invented Title
    date: 2025-03-04

    Transcript

    ANA RUIZ, HOST: First paragraph.

    Second paragraph of the same turn.

    (SOUNDBITE OF MUSIC)

Labels are canonical names with the role NPR prints (`, HOST`, `, BYLINE`, `, CALLER`);
an unlabeled turn reads back as one only where it opens the transcript.
"""

from __future__ import annotations

from .._reading import in_order, turn_label, with_notes
from ..models import Transcript, Turn
from .options import DEFAULT, Options


def to_text(transcript: Transcript, options: Options = DEFAULT) -> str:
    """Header lines for the metadata that exists, then the turns and cues in source order."""
    meta = transcript.metadata
    fields = (
        ("title", meta.title),
        ("date", meta.date.isoformat() if meta.date else None),
        ("program", meta.program),
    )
    header = "\n".join(f"{name}: {value}" for name, value in fields if value)
    blocks = [header] if header else []
    if transcript.kind == "article":
        blocks += [p.text for p in transcript.paragraphs]
    elif transcript.kind == "transcript":
        blocks.append("Transcript")
        for item in in_order(transcript):
            if isinstance(item, Turn):
                blocks.append(_turn(transcript, item, options))
            elif options.cues:
                blocks.append(f"({item.text})")
    return "\n\n".join(blocks) + "\n" if blocks else ""


def _turn(transcript: Transcript, turn: Turn, options: Options) -> str:
    notes = turn.cues if options.notes else []
    text = "".join(piece for piece, _ in with_notes(turn.text, notes))
    label = turn_label(transcript, turn, original=options.labels)
    if label is None:
        return text
    return f"{label}: {text}" if text else f"{label}:"
