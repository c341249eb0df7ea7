"""Markdown for reading and sharing: a metadata header, bold speakers, cues in italics."""

from __future__ import annotations

import re

from .._reading import in_order, turn_label, with_notes
from ..models import Transcript, Turn
from .options import DEFAULT, Options

# Characters that start emphasis, code, links or HTML anywhere in prose, and what starts a
# heading or a list at the beginning of a paragraph (`# 1`, `- beans`, `1999. That year`).
_INLINE = re.compile(r"([\\`*_\[\]<>])")
_BLOCK = re.compile(r"^(\d*)([-+.)#])(?=\s)", re.MULTILINE)


def to_markdown(transcript: Transcript, options: Options = DEFAULT) -> str:
    """`# Title`, a list of the metadata, then turns (or an article's paragraphs)."""
    meta = transcript.metadata
    blocks = [f"# {_escape(meta.title)}"] if meta.title else []
    fields = (
        ("Date", meta.date.isoformat() if meta.date else None),
        ("Program", meta.program),
        ("Outlet", meta.outlet),
        ("URL", f"<{meta.url}>" if meta.url else None),
    )
    facts = "\n".join(f"- {name}: {value}" for name, value in fields if value)
    if facts:
        blocks.append(facts)
    if transcript.kind == "article":
        blocks += [_escape(p.text) for p in transcript.paragraphs]
    for item in in_order(transcript):
        if isinstance(item, Turn):
            blocks.append(_turn(transcript, item, options))
        elif options.cues:
            blocks.append(f"*({_escape(item.text)})*")
    return "\n\n".join(blocks) + "\n" if blocks else ""


def _turn(transcript: Transcript, turn: Turn, options: Options) -> str:
    notes = turn.cues if options.notes else []
    text = "".join(
        f"*{_escape(piece)}*" if note else _escape(piece)
        for piece, note in with_notes(turn.text, notes)
    )
    label = turn_label(transcript, turn, original=options.labels)
    return f"**{_escape(label)}:** {text}".rstrip() if label else text


def _escape(text: str) -> str:
    return _BLOCK.sub(r"\1\\\2", _INLINE.sub(r"\\\1", text))
