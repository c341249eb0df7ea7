"""What must hold for every input, written once for the property, pathological, corpus
and fuzz tests. Every check is linear in the input, so it can run on a megabyte.

Expected values come from the input string alone (offsets, slices, newline counts), never
from transcriptkit.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

from transcriptkit import Span, Token, Transcript, parse, tokenize


class _Spanned(Protocol):
    line: int
    span: Span


def as_parsed(text: str) -> str:
    """The text `tokenize` and `parse` work on: a lone CR is a line end (LF), a lone
    surrogate U+FFFD, a zero-width space and a no-break or typographic space (U+00A0,
    U+2000-U+200A, U+202F, U+205F, U+3000) a space, one character for one, so offsets into
    it are offsets into `text`."""
    text = re.sub("[\ud800-\udfff]", "\ufffd", re.sub("\r(?!\n)", "\n", text))
    return re.sub("[\u200b\u00a0\u2000-\u200a\u202f\u205f\u3000]", " ", text)


def squeeze(text: str) -> str:
    """Whitespace runs as one space: a label wrapped over two lines still reads the same."""
    return " ".join(text.split())


class Lines:
    """1-based line number of any offset, answered by bisecting the newline offsets."""

    def __init__(self, text: str) -> None:
        self.newlines = [i for i, ch in enumerate(text) if ch == "\n"]

    def at(self, offset: int) -> int:
        lo, hi = 0, len(self.newlines)
        while lo < hi:
            mid = (lo + hi) // 2
            if self.newlines[mid] < offset:
                lo = mid + 1
            else:
                hi = mid
        return lo + 1


def assert_tokens_cover(text: str, tokens: Sequence[Token]) -> None:
    """The tokens partition `text`: in order, contiguous, non-empty, each slice its text,
    each on the line its start offset is on."""
    assert "".join(t.text for t in tokens) == text
    position = 0
    line = 1
    for i, t in enumerate(tokens):
        where = f"token {i} ({t.kind}, rule {t.rule!r}) at {t.start}"
        assert t.start == position, f"{where}: gap or overlap, expected start {position}"
        assert t.end - t.start == len(t.text) > 0, f"{where}: empty or mis-sized"
        assert text[t.start : t.end] == t.text, f"{where}: text is not the input's slice"
        assert t.line == line, f"{where}: line {t.line}, but the offset is on line {line}"
        position = t.end
        line += t.text.count("\n")
    assert position == len(text)


def assert_model_invariants(text: str, doc: Transcript) -> None:
    """Turns, cues and paragraphs point into `text`, in source order, without overlap."""
    lines = Lines(text)
    size = len(text)

    def check_spans(items: Sequence[_Spanned], what: str) -> None:
        previous_end = 0
        for i, item in enumerate(items):
            span, line = item.span, item.line
            assert 0 <= span.start <= span.end <= size, f"{what} {i}: span {span} outside input"
            assert span.start >= previous_end, f"{what} {i}: out of order or overlapping"
            assert line == lines.at(span.start), (
                f"{what} {i}: line {line}, but its span starts on line {lines.at(span.start)}"
            )
            previous_end = span.end

    check_spans(doc.turns, "turn")
    check_spans(doc.cues, "cue")
    check_spans(doc.paragraphs, "paragraph")

    for i, turn in enumerate(doc.turns):
        assert turn.index == i
        source = text[turn.span.start : turn.span.end]
        if turn.label is not None:
            assert squeeze(turn.label) in squeeze(source), (
                f"turn {i}: label {turn.label!r} is not in its span {source[:200]!r}"
            )
        for note in turn.cues:
            assert turn.span.start <= note.span.start <= note.span.end <= turn.span.end, (
                f"turn {i}: inline note {note.text!r} outside the turn"
            )
            assert squeeze(note.text) in squeeze(text[note.span.start : note.span.end])
            assert 0 <= note.offset <= len(turn.text)

    for i, cue in enumerate(doc.cues):
        assert squeeze(cue.text) in squeeze(text[cue.span.start : cue.span.end]), (
            f"cue {i}: {cue.text!r} is not in its span"
        )

    # A standalone cue stands between turns or inside one (a turn goes on after a
    # `(SOUNDBITE OF MUSIC)` line); it never straddles a turn's edge. Both lists are in
    # order, so one pass over the turns answers for every cue.
    j = 0
    for i, cue in enumerate(doc.cues):
        while j < len(doc.turns) and doc.turns[j].span.end <= cue.span.start:
            j += 1
        if j < len(doc.turns):
            turn = doc.turns[j]
            inside = turn.span.start <= cue.span.start and cue.span.end <= turn.span.end
            after = turn.span.start >= cue.span.end
            assert inside or after, f"cue {i} straddles the edge of turn {turn.index}"

    ids = [s.id for s in doc.speakers]
    assert len(ids) == len(set(ids)), "speaker ids repeat"
    known = set(ids)
    for turn in doc.turns:
        assert turn.speaker_id is None or turn.speaker_id in known


def check_text(text: str, style: str | None = None) -> Transcript:
    """Tokenize and parse `text`, assert every invariant, return the transcript."""
    seen = as_parsed(text)
    assert len(seen) == len(text)
    assert_tokens_cover(seen, tokenize(text, style))
    doc = parse(text, style)
    assert_model_invariants(seen, doc)
    assert_dumps_load_back(doc)
    return doc


def assert_dumps_load_back(doc: Transcript) -> None:
    """The JSON dump encodes as UTF-8 and loads back to an equal transcript."""
    dumped = doc.model_dump_json()
    dumped.encode("utf-8")
    assert Transcript.model_validate_json(dumped) == doc
