"""pyannote (NIST) RTTM: diarization without words.

    SPEAKER meeting 1 6.690 0.430 <NA> <NA> spk_a <NA> <NA>

Fields: type, file id, channel, onset, duration, ortho, subtype, speaker, confidence,
lookahead. `SPEAKER` lines are pieces with no text (onset to onset + duration, the
speaker's label), each spanning its own line; other record types (`SPKR-INFO`, `LEXEME`,
...) and `;;` comments are counted in a diagnostic. Overlapping speech is kept: turns
follow onsets, and an overlap is reported.
"""

from __future__ import annotations

import re

from ._pieces import Piece, Reading, label, seconds

_NUMBER = r"\d+(?:\.\d*)?(?:[eE][-+]?\d+)?"
# One SPEAKER record: `SPEAKER <file> <chan> <onset> <dur> <ortho> <stype> <name> ...`.
_SPEAKER = re.compile(rf"SPEAKER\s+(\S+)\s+(\S+)\s+({_NUMBER})\s+({_NUMBER})\s+\S+\s+\S+\s+(\S+)")
_RECORD = re.compile(r"[A-Z][A-Z-]+\s")


def looks_like(text: str) -> bool:
    """A SPEAKER record with numeric onset and duration, after any other records
    (`SPKR-INFO`) and `;;` comments."""
    at, text = 0, text.lstrip("\ufeff")
    for _ in range(_LOOK_LINES):
        end = text.find("\n", at)
        row = text[at : end if end >= 0 else len(text)].strip()
        at = end + 1
        if end < 0 and not row:
            return False
        if not row or row.startswith(";;"):
            continue
        if _SPEAKER.match(row) is not None:
            return True
        if not (_RECORD.match(row) and len(row.split()) >= _FIELDS):
            return False  # (`SPKR-INFO` and other records may come first)
    return False


_FIELDS = 9  # an RTTM record's fields, the last optional


_LOOK_LINES = 20  # comment or blank lines allowed before the first record


def read(text: str) -> Reading:
    reading = Reading("rttm", [], located=True)
    offset = 0
    other: list[int] = []
    files: set[str] = set()
    lines = text.split("\n")
    for number, line in enumerate(lines, 1):
        here, offset = offset, offset + len(line) + 1
        row = line.rstrip("\r")
        m = _SPEAKER.match(row.lstrip())
        if m is None:
            if row.strip() and not row.lstrip().startswith(";;"):
                other.append(number)
            continue
        files.add(m[1])
        start = seconds(m[3])
        length = seconds(m[4]) or 0.0
        end = round(start + length, 6) if start is not None else None
        lead = len(row) - len(row.lstrip())
        at = (here + lead, here + len(row))
        reading.pieces.append(Piece("", start, end, label(m[5]), at=at))
    if other:
        known = sum(1 for n in other if _RECORD.match(lines[n - 1].lstrip()))
        reading.note(
            "rttm-other-lines",
            f"{len(other)} line(s) are not SPEAKER records ({known} other RTTM record types; "
            f"first: line {other[0]}); they hold no speaker turn",
            level="info" if known == len(other) else "warning",
        )
    if len(files) > 1:
        reading.note(
            "rttm-several-files",
            f"the RTTM describes {len(files)} recordings ({', '.join(sorted(files)[:5])}); "
            "their turns are read as one timeline",
            level="warning",
        )
    return reading


def speaker_turns(text: str) -> list[tuple[float, float, str]]:
    """(start, end, speaker) of every SPEAKER record, for joining to a transcript."""
    return [
        (p.start, p.end, p.speaker)
        for p in read(text).pieces
        if p.start is not None and p.end is not None and p.speaker is not None
    ]
