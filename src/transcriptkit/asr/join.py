"""Diarization joined to a transcript that has none (or whose speakers are to be
replaced): each word, or each segment where the file has no word times, goes to the
speaker whose RTTM turn overlaps it most; then turns are built as for any file.

Ties go to the turn that starts first. A zero-length word belongs to a turn that holds its
instant. A word no turn overlaps stays unattributed and becomes part of an unlabeled turn;
both counts are a diagnostic (`asr-join`).
"""

from __future__ import annotations

from dataclasses import replace

from ..models import Diagnostic
from ._pieces import Piece, Reading

# Overlaps closer than this (seconds) are a tie, won by the turn that starts first: times are
# kept to the microsecond, and 1.1 - 1.0 is not exactly 0.1 in floating point.
TIE = 1e-6


def join_speakers(reading: Reading, turns: list[tuple[float, float, str]]) -> Reading:
    """`reading` with every piece attributed to the RTTM speakers in `turns`."""
    turns = sorted(turns)
    units: list[Piece] = []
    for p in reading.pieces:
        timed_words = [w for w in (p.words or ()) if w.start is not None]
        if timed_words:
            units += [Piece(w.text, w.start, w.end, None, [w]) for w in p.words or ()]
        else:
            units.append(replace(p, speaker=None))
    replaced = sum(1 for p in reading.pieces if p.speaker is not None)
    order = sorted(
        (i for i, u in enumerate(units) if u.start is not None), key=lambda i: units[i].start or 0.0
    )
    active: list[tuple[float, float, str]] = []
    nxt = 0
    assigned = unassigned = 0
    for i in order:
        u = units[i]
        start = u.start or 0.0
        end = u.end if u.end is not None and u.end >= start else start
        while nxt < len(turns) and turns[nxt][0] <= end:
            active.append(turns[nxt])
            nxt += 1
        active = [t for t in active if t[1] >= start]
        best: str | None = None
        most = -1.0
        for ts, te, candidate in active:
            overlap = min(end, te) - max(start, ts)
            if overlap < 0 or (overlap == 0 and (end > start or not ts <= start <= te)):
                continue  # a word touching a turn's edge is not in it; an instant may be
            if overlap > most + TIE:
                best, most = candidate, overlap
        who = best
        if who is None:
            unassigned += 1
        else:
            assigned += 1
        words = [w.model_copy(update={"speaker": who}) for w in u.words or ()]
        units[i] = replace(u, speaker=who, words=words or None)
    last: str | None = None
    for i, u in enumerate(units):  # untimed pieces (punctuation) follow the word before them
        if u.start is None:
            units[i] = replace(u, speaker=last)
        last = units[i].speaker
    notes = list(reading.diagnostics)
    notes.append(
        Diagnostic(
            code="asr-join",
            message=f"speakers from the diarization: {assigned} piece(s) assigned to the "
            f"speaker turn overlapping them most, {unassigned} overlapped by none (unlabeled)"
            + (f"; {replaced} speaker label(s) the file gave were replaced" if replaced else ""),
        )
    )
    return replace(reading, pieces=units, diagnostics=notes, names={}, located=False)
