"""Pieces to turns, decided once for every vendor.

- Order: pieces sorted by start time (stable, so file order breaks ties). A piece without
  a time (an AWS punctuation item, a whisperX number it could not align) keeps its place
  after the piece before it in the file.
- A turn is a maximal run of consecutive pieces with the same speaker label; pieces
  without a speaker form runs of their own (unlabeled turns), so a file with no speakers
  at all is one unlabeled turn.
- `split_pause`: a run is also cut where the silence between two pieces is longer than
  that many seconds.
- A turn's `start` is its first piece's start, its `end` the latest end in the run (a
  piece may end after the next one starts when speakers overlap).
- Spans: readers of line formats (RTTM, TSV) give each piece its line; for JSON the turn's
  first and last words are looked up by a forward search in the JSON text, so a span
  covers where the turn's words stand. `line` is the line its span starts on (1 in a
  minified file). Spans are kept in order and never overlap, as for text transcripts.
"""

from __future__ import annotations

import json
import re

from ..models import Diagnostic, Metadata, Span, Speaker, Transcript, Turn
from ..names import canonical_name
from ._pieces import Piece, Reading

# Two pieces of different speakers overlap when one starts this much before the other
# ends: vendors round times to 10 ms, so less than that is rounding, not crosstalk.
OVERLAP_TOLERANCE = 0.01
# Characters searched ahead for a turn's first word in the JSON text (past the keys and
# numbers of a word object, or another list the vendor writes first), and for each next
# word (a few word objects on); after MAX_MISSES words in a row not found nearby (text
# the vendor normalised differently), the walk stops: the span ends at the last found.
SEARCH_WINDOW = 20_000
NEXT_WINDOW = 4_000
MAX_MISSES = 3
_SLUG = re.compile(r"[^0-9a-z]+")
_PUNCTUATION = ".,;:!?\"'()[]<>¿¡…"


def build_transcript(
    reading: Reading, source: str | None = None, *, split_pause: float | None = None
) -> Transcript:
    """The `Transcript` of a vendor reading; `source` is the input text (for spans)."""
    pieces = _in_time_order(reading.pieces)
    notes = list(reading.diagnostics)
    notes += _quirks(pieces)
    runs = _runs(pieces, split_pause, notes)
    speakers = _speakers(runs, reading.names)
    ids = {s.labels[0]: s.id for s in speakers}
    locate = _Locator(source or "", reading.located)
    turns: list[Turn] = []
    for run in runs:
        text = _join(run)
        span, line = locate(run, text)
        words = [w for p in run for w in (p.words or ())]
        starts = [p.start for p in run if p.start is not None]
        ends = [p.end for p in run if p.end is not None]
        who = run[0].speaker
        turns.append(
            Turn(
                index=len(turns),
                speaker_id=ids[who] if who is not None else None,
                label=who,
                text=text,
                paragraphs=[text] if text else [],
                line=line,
                span=span,
                start=starts[0] if starts else None,
                end=max(ends) if ends else (starts[0] if starts else None),
                words=words or None,
            )
        )
    if not turns:
        notes.append(
            Diagnostic(
                level="warning",
                code="asr-empty",
                message=f"the {reading.source_format} output holds no speech (no segments, "
                "words or speaker turns)",
            )
        )
    return Transcript(
        kind="transcript" if turns else "other",
        metadata=Metadata(source_format=reading.source_format),
        speakers=speakers,
        turns=turns,
        diagnostics=notes,
    )


def _in_time_order(pieces: list[Piece]) -> list[Piece]:
    keys: list[float] = []
    last = 0.0
    for p in pieces:
        if p.start is not None:
            last = p.start
        keys.append(last)
    order = sorted(range(len(pieces)), key=keys.__getitem__)
    return [pieces[i] for i in order]


def _quirks(pieces: list[Piece]) -> list[Diagnostic]:
    """Overlapping speakers, untimed words and unattributed pieces: counted, first place
    named, never silent."""
    notes: list[Diagnostic] = []
    overlaps: list[float] = []
    latest: dict[str, float] = {}  # speaker -> latest end so far
    for p in pieces:
        if p.start is not None and p.speaker is not None:
            if any(
                who != p.speaker and end - p.start > OVERLAP_TOLERANCE
                for who, end in latest.items()
            ):
                overlaps.append(p.start)
            if p.end is not None:
                latest[p.speaker] = max(latest.get(p.speaker, 0.0), p.end)
    if overlaps:
        notes.append(
            Diagnostic(
                level="info",
                code="asr-overlap",
                message=f"{len(overlaps)} piece(s) start while another speaker is still "
                f"talking (first at {overlaps[0]:.2f} s); turns follow start times, and a "
                "turn's end is the latest end in it",
            )
        )
    untimed = [p for p in pieces if p.start is None and not p.glue and p.text.strip()]
    untimed_words = sum(
        1 for p in pieces for w in (p.words or ()) if w.start is None and w.text.strip()
    )
    if untimed or untimed_words:
        first = (untimed[0].text if untimed else "").strip()[:40]
        counted = [f"{len(untimed)} piece(s)"] if untimed else []
        counted += [f"{untimed_words} word(s)"] if untimed_words else []
        notes.append(
            Diagnostic(
                level="info",
                code="asr-untimed",
                message=f"{' and '.join(counted)} without times"
                + (f" (first: {first!r})" if first else "")
                + "; each stays after the timed piece before it in the file",
            )
        )
    labelled = any(p.speaker is not None for p in pieces)
    loose = [p for p in pieces if p.speaker is None and not p.glue and p.text.strip()]
    if labelled and loose:
        at = next((p.start for p in loose if p.start is not None), None)
        notes.append(
            Diagnostic(
                level="info",
                code="asr-unattributed",
                message=f"{len(loose)} piece(s) carry no speaker in a file that labels "
                "speakers"
                + (f" (first at {at:.2f} s)" if at is not None else "")
                + "; they form unlabeled turns of their own",
            )
        )
    return notes


def _runs(
    pieces: list[Piece], split_pause: float | None, notes: list[Diagnostic]
) -> list[list[Piece]]:
    runs: list[list[Piece]] = []
    splits = 0
    end: float | None = None
    for p in pieces:
        if runs and p.glue:  # punctuation belongs to the word before it, whoever that is
            runs[-1].append(p)
            continue
        same = bool(runs) and runs[-1][0].speaker == p.speaker
        pause = p.start - end if p.start is not None and end is not None else 0.0
        if same and split_pause is not None and pause > split_pause:
            same = False
            splits += 1
        if same:
            runs[-1].append(p)
        else:
            runs.append([p])
            end = None
        if p.end is not None:
            end = p.end if end is None else max(end, p.end)
    if splits:
        notes.append(
            Diagnostic(
                code="asr-split-pause",
                message=f"{splits} turn(s) split at a pause longer than {split_pause} s",
            )
        )
    return runs


def _speakers(runs: list[list[Piece]], names: dict[str, str]) -> list[Speaker]:
    """One speaker per vendor label, in order of first appearance; `name` is the name the
    file maps the label to, else the label upper-cased."""
    out: list[Speaker] = []
    seen: set[str] = set()
    used: set[str] = set()
    for run in runs:
        who = run[0].speaker
        if who is None or who in seen:
            continue
        seen.add(who)
        base = _SLUG.sub("-", who.lower()).strip("-") or "speaker"
        slug, n = base, 2
        while slug in used:  # `A` and `a`, `spk 0` and `spk_0`: distinct labels, ids
            slug, n = f"{base}-{n}", n + 1
        used.add(slug)
        out.append(Speaker(id=slug, name=canonical_name(names.get(who, who)), labels=[who]))
    return out


def _join(run: list[Piece]) -> str:
    parts: list[str] = []
    for p in run:
        text = p.text.strip()
        if not text:
            continue
        if p.glue or not parts:
            parts.append(text)
        else:
            parts.append(" " + text)
    return " ".join("".join(parts).split())


class _Locator:
    """Spans and lines of turns, in order, never overlapping."""

    def __init__(self, source: str, located: bool) -> None:
        self.source = source
        self.located = located
        self.cursor = 0
        self.line = 1
        self.line_at = 0  # offset `self.line` was counted to

    def __call__(self, run: list[Piece], text: str) -> tuple[Span, int]:
        start, end = self._find(run, text)
        start = max(start, self.cursor)
        end = max(end, start)
        self.line += self.source.count("\n", self.line_at, start)
        self.line_at = start
        self.cursor = end
        return Span(start=start, end=end), self.line

    def _find(self, run: list[Piece], text: str) -> tuple[int, int]:
        if self.located:
            ats = [p.at for p in run if p.at is not None]
            if ats:
                return min(a for a, _ in ats), max(b for _, b in ats)
            return self.cursor, self.cursor
        if not self.source:
            return self.cursor, self.cursor
        # Word by word from the previous turn's end: each word stands a little after the
        # one before it, so the walk is linear; a word not found nearby is skipped.
        found: tuple[int, int] | None = None
        at, misses = self.cursor, 0
        for word in text.split():
            window = NEXT_WINDOW if found else SEARCH_WINDOW
            hit = self._search(word, at, window)
            bare = word.strip(_PUNCTUATION)
            if hit is None and bare and bare != word:  # Rev.ai and AWS keep `.` apart
                hit = self._search(bare, at, window)
            if hit is None:
                misses += 1
                if misses >= MAX_MISSES:
                    break
                continue
            misses = 0
            if found is None:
                found = hit
            at = hit[1]
        if found is None:
            return self.cursor, self.cursor
        return found[0], at

    def _search(self, word: str, after: int, window: int) -> tuple[int, int] | None:
        stop = after + window
        if word.isascii() and '"' not in word and "\\" not in word:
            forms: tuple[str, ...] = (word,)
        else:  # as JSON writes it: escaped, with or without `\\u` for non-ASCII letters
            forms = (json.dumps(word, ensure_ascii=False)[1:-1], json.dumps(word)[1:-1])
        for form in forms:
            at = self.source.find(form, after, stop)
            if at >= 0:
                return at, at + len(form)
        return None


__all__ = ["OVERLAP_TOLERANCE", "build_transcript"]
