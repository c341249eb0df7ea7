"""One flat record per turn (or per article paragraph): the rows of jsonl and csv."""

from __future__ import annotations

from ..models import Transcript

Record = dict[str, str | int | None]


def records(transcript: Transcript, doc: str) -> list[Record]:
    """Records keyed doc, index, speaker, role, label, text, line; an article's paragraphs
    have no speaker, role or label."""
    if transcript.kind == "article":
        return [
            _record(doc, i, None, None, None, p.text, p.line)
            for i, p in enumerate(transcript.paragraphs)
        ]
    return [
        _record(doc, t.index, transcript.speaker_name(t), t.role, t.label, t.text, t.line)
        for t in transcript.turns
    ]


def _record(
    doc: str,
    index: int,
    speaker: str | None,
    role: str | None,
    label: str | None,
    text: str,
    line: int,
) -> Record:
    return {
        "doc": doc,
        "index": index,
        "speaker": speaker,
        "role": role,
        "label": label,
        "text": text,
        "line": line,
    }
