"""Invented documents shared by the analysis tests (stats, tables, formats, chunks, docs)."""

from __future__ import annotations

import functools
from pathlib import Path

import transcriptkit
from transcriptkit import Span, Speaker, Transcript, Turn

FIXTURES = Path(__file__).parent / "fixtures" / "analysis"
STUDIO = FIXTURES / "studio.txt"
FERRY = FIXTURES / "ferry.txt"
CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
CORPUS_FILES = sorted(CORPUS.glob("*/*.txt")) if CORPUS.is_dir() else []


@functools.cache
def corpus() -> tuple[tuple[str, Transcript], ...]:
    """Every corpus text document, parsed once for all the analysis tests that export it."""
    return tuple((str(p.relative_to(CORPUS)), transcriptkit.parse_file(p)) for p in CORPUS_FILES)


def _turn(i: int, who: str, start: float, end: float, words: int) -> Turn:
    text = " ".join(["word"] * words)
    return Turn(index=i, speaker_id=who, text=text, line=i, span=Span(start=i, end=i + 1),
                start=start, end=end)  # fmt: skip


# A timed exchange (seconds):
#   0 ROSA  0.0–10.0  20 words
#   1 OMAR  9.0–15.0  12 words   starts 1.0 s before ROSA ends; ROSA stops first → interrupts
#   2 ROSA 15.0–16.0   3 words   no overlap (starts as OMAR ends)
#   3 OMAR 15.5–30.0  30 words   0.5 s over ROSA's turn 2, which ends first → interrupts
#   4 ROSA 20.0–21.0   1 word    1.0 s inside OMAR's turn 3, which goes on → overlap only
#   5 ROSA 30.0–40.0  24 words
# ROSA: 48 words, 10+1+1+10 = 22 s; OMAR: 42 words, 6+14.5 = 20.5 s; total 90 words, 42.5 s.
ROSA, OMAR = "rosa-till", "omar-vest"
TIMED = Transcript(
    kind="transcript",
    speakers=[Speaker(id=ROSA, name="ROSA TILL", role="host"), Speaker(id=OMAR, name="OMAR VEST")],
    turns=[
        _turn(0, ROSA, 0.0, 10.0, 20),
        _turn(1, OMAR, 9.0, 15.0, 12),
        _turn(2, ROSA, 15.0, 16.0, 3),
        _turn(3, OMAR, 15.5, 30.0, 30),
        _turn(4, ROSA, 20.0, 21.0, 1),
        _turn(5, ROSA, 30.0, 40.0, 24),
    ],
)
