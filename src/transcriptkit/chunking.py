"""Turn-aware chunks for language models: retrieval and summarisation over conversations.

`chunks(transcript, max_words=..., overlap_turns=...)` packs whole turns, in order, into
chunks of at most `max_words` spoken words. A turn is split only when it alone is longer
than the budget, and then into consecutive parts of at most `max_words` words, so every
chunk keeps the budget. Each chunk may open with the last `overlap_turns` turns (or
parts) of the chunk before it as context, as long as they fit; those are marked `overlap`
and are not counted as new text, so the chunks' new pieces hold every word exactly once,
in order.

Each chunk carries its speakers, its times (where the turns are timed), the source span
and lines it came from, and `text`: a `SPEAKER: words` rendering, a turn to a paragraph.
An article is chunked by its paragraphs, which have no speaker.

Words are whitespace-separated words of the turn text (labels and inline notes are not
counted); the parts of a split turn keep the whole turn's times and span.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from .models import Span, Transcript


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Piece(_Model):
    """One turn, or one part of a turn too long for the budget, inside a chunk."""

    turn: int
    speaker_id: str | None
    speaker: str | None
    text: str
    n_words: int
    part: int = 1  # 1-based part of the turn ...
    parts: int = 1  # ... of this many
    overlap: bool = False  # repeated from the chunk before, as context
    start: float | None = None
    end: float | None = None
    line: int
    span: Span


class Chunk(_Model):
    """Consecutive turns within the word budget, with where and when they came from."""

    index: int
    pieces: list[Piece]
    n_words: int  # every piece's words, overlap included: what the budget bounds
    speakers: list[str]  # names (or labels) in order of first appearance
    speaker_ids: list[str]
    start: float | None
    end: float | None
    span: Span
    lines: tuple[int, int]  # first and last source line
    text: str


def chunks(transcript: Transcript, *, max_words: int = 300, overlap_turns: int = 0) -> list[Chunk]:
    """The transcript's turns packed into chunks of at most `max_words` words; see the
    module doc. ValueError for a budget below one word or a negative overlap."""
    if max_words < 1:
        raise ValueError(f"max_words must be at least 1, not {max_words}")
    if overlap_turns < 0:
        raise ValueError(f"overlap_turns must be 0 or more, not {overlap_turns}")
    out: list[Chunk] = []
    current: list[Piece] = []
    words = 0
    for piece in _pieces(transcript, max_words):
        if current and words + piece.n_words > max_words:
            out.append(_chunk(len(out), current))
            current = _overlap(current, overlap_turns, max_words - piece.n_words)
            words = sum(p.n_words for p in current)
        current.append(piece)
        words += piece.n_words
    if current and any(not p.overlap for p in current):
        out.append(_chunk(len(out), current))
    return out


def _pieces(transcript: Transcript, max_words: int) -> list[Piece]:
    """Every turn (an article's paragraphs) as pieces, a too-long turn in parts."""
    names = {s.id: s.name for s in transcript.speakers}
    pieces: list[Piece] = []
    if transcript.kind == "article":
        for i, p in enumerate(transcript.paragraphs):
            pieces += _split(i, None, None, p.text, None, None, p.line, p.span, max_words)
        return pieces
    for t in transcript.turns:
        name = names.get(t.speaker_id) if t.speaker_id else None
        pieces += _split(
            t.index,
            t.speaker_id,
            name or t.label,
            t.text,
            t.start,
            t.end,
            t.line,
            t.span,
            max_words,
        )
    return pieces


def _split(
    turn: int,
    speaker_id: str | None,
    speaker: str | None,
    text: str,
    start: float | None,
    end: float | None,
    line: int,
    span: Span,
    max_words: int,
) -> list[Piece]:
    words = text.split()
    if len(words) <= max_words:
        groups = [words]
    else:
        groups = [words[i : i + max_words] for i in range(0, len(words), max_words)]
    return [
        Piece(
            turn=turn,
            speaker_id=speaker_id,
            speaker=speaker,
            text=" ".join(group) if len(groups) > 1 else " ".join(text.split()),
            n_words=len(group),
            part=k,
            parts=len(groups),
            start=start,
            end=end,
            line=line,
            span=span,
        )
        for k, group in enumerate(groups, 1)
    ]


def _overlap(previous: list[Piece], turns: int, room: int) -> list[Piece]:
    """The last `turns` pieces of the chunk before, as context, dropping the oldest until
    they fit in `room` words."""
    kept = previous[len(previous) - turns :] if turns else []
    while kept and sum(p.n_words for p in kept) > room:
        kept = kept[1:]
    return [p.model_copy(update={"overlap": True}) for p in kept]


def _chunk(index: int, pieces: list[Piece]) -> Chunk:
    speakers: dict[str, None] = {}
    ids: dict[str, None] = {}
    for p in pieces:
        if p.speaker:
            speakers.setdefault(p.speaker)
        if p.speaker_id:
            ids.setdefault(p.speaker_id)
    starts = [p.start for p in pieces if p.start is not None]
    ends = [p.end for p in pieces if p.end is not None]
    return Chunk(
        index=index,
        pieces=pieces,
        n_words=sum(p.n_words for p in pieces),
        speakers=list(speakers),
        speaker_ids=list(ids),
        start=min(starts) if starts else None,
        end=max(ends) if ends else None,
        span=Span(start=min(p.span.start for p in pieces), end=max(p.span.end for p in pieces)),
        lines=(min(p.line for p in pieces), max(p.line for p in pieces)),
        text=render(pieces),
    )


def render(pieces: list[Piece]) -> str:
    """`SPEAKER: words`, a piece to a paragraph; a piece without a speaker is its words."""
    return "\n\n".join(f"{p.speaker}: {p.text}" if p.speaker else p.text for p in pieces)
