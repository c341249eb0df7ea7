"""A transcript as a reader meets it: turns and standalone cues in source order, inline
notes back at their offsets.

The text and markdown exporters and the terminal view all lay a transcript out this way;
sharing it keeps them from disagreeing about where a cue or a `(LAUGHTER)` goes.
"""

from __future__ import annotations

from collections.abc import Sequence

from .models import Cue, InlineCue, Role, Transcript, Turn

# Punctuation that hugs the note before it: `Vossberg Red (ph).`, not `(ph) .`
_HUGS_NOTE = frozenset(".,;:!?)]}'\"")

# The role NPR prints after a name: `ANA RUIZ, HOST:`, `ANA RUIZ, BYLINE:`.
_ROLE_SUFFIX: dict[Role | None, str] = {"host": "HOST", "reporter": "BYLINE", "caller": "CALLER"}


def in_order(transcript: Transcript) -> list[Turn | Cue]:
    """Turns and standalone cues interleaved by where they stood in the source."""
    items: list[Turn | Cue] = [*transcript.turns, *transcript.cues]
    return sorted(items, key=lambda item: (item.line, item.span.start))


def turn_label(transcript: Transcript, turn: Turn, *, original: bool = False) -> str | None:
    """The label to print: the canonical name with its role (`ANA RUIZ, HOST`), or with
    `original` the label as the document printed it; None for an unlabeled turn."""
    if original and turn.label:
        return turn.label
    name = transcript.speaker_name(turn) or turn.label
    suffix = _ROLE_SUFFIX.get(turn.role)
    return f"{name}, {suffix}" if name and suffix else name


def with_notes(text: str, notes: Sequence[InlineCue]) -> list[tuple[str, InlineCue | None]]:
    """`text` cut at the notes' offsets with each note, parenthesised, in between.

    Pieces are (text, None) for words and (`(NOTE)`, note) for notes; joined, they read
    `one. (LAUGHTER) Last year` — a space on each side of a note, except before punctuation.
    """
    pieces: list[tuple[str, InlineCue | None]] = []
    cursor = 0
    for note in sorted(notes, key=lambda n: n.offset):
        at = min(max(note.offset, cursor), len(text))
        _push(pieces, text[cursor:at], None)
        _push(pieces, f"({note.text})", note)
        cursor = at
    _push(pieces, text[cursor:], None)
    return pieces


def _push(pieces: list[tuple[str, InlineCue | None]], text: str, note: InlineCue | None) -> None:
    """Append a piece, with a space between it and a note that would otherwise touch it."""
    if not text:
        return
    if pieces:
        last, after_note = pieces[-1][0][-1], pieces[-1][1] is not None
        if (note is not None and not last.isspace()) or (
            after_note and not text[0].isspace() and text[0] not in _HUGS_NOTE
        ):
            pieces.append((" ", None))
    pieces.append((text, note))
