#!/usr/bin/env python3
"""How the analysis functions grow with turns and speakers: linear is a ratio of 10.

    python benchmarks/bench_analysis.py            # 2,000 and 20,000 turns
    python benchmarks/bench_analysis.py --turns 5000

Builds invented, timed transcripts of N and 10·N turns (one speaker in twenty new, so
speakers grow with turns too) and times, for each, `stats.measure`, the turns table's rows
(`tables.document_rows`), `chunks` and the CSV export, side by side. Prints seconds and the
10·N / N ratio of each: about 10 means linear, about 100 quadratic. Not a test: timings
live here, as ratios, never in unit tests.
"""

from __future__ import annotations

import argparse
import gc
import time
from collections.abc import Callable

from transcriptkit import Span, Speaker, Transcript, Turn, chunks
from transcriptkit.export import Options, to_csv
from transcriptkit.stats import measure
from transcriptkit.tables import document, document_rows

# One turn in this many brings a new speaker: speakers grow with the turns.
NEW_SPEAKER_EVERY = 20
WORDS = [
    "the",
    "ferry",
    "runs",
    "again,",
    "are",
    "you",
    "on",
    "board?",
    "I",
    "am",
    "--",
    "the",
    "deck",
    "is",
    "full",
]


def transcript(turns: int) -> Transcript:
    n_speakers = max(2, turns // NEW_SPEAKER_EVERY)
    speakers = [Speaker(id=f"s{i}", name=f"SPEAKER {i}") for i in range(n_speakers)]
    out = []
    for i in range(turns):
        text = " ".join(WORDS[: 3 + i % len(WORDS)])
        out.append(
            Turn(
                index=i,
                speaker_id=f"s{(i * 7) % n_speakers}",
                text=text,
                line=i + 1,
                span=Span(start=i * 80, end=i * 80 + 79),
                start=i * 3.0,
                end=i * 3.0 + 3.5,  # half a second into the next turn: an overlap each
            )
        )
    return Transcript(kind="transcript", speakers=speakers, turns=out)


def _time(fn: Callable[[], object], *, collect: bool) -> float:
    """Best of three; with `collect` off, the cyclic garbage collector is paused, which
    tells growth of our own work apart from the collector's (it scans every live object,
    so its cost grows with everything allocated so far)."""
    best = float("inf")
    for _ in range(3):
        gc.collect()
        if not collect:
            gc.disable()
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
        gc.enable()
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--turns", type=int, default=2_000)
    args = parser.parse_args()
    small, large = transcript(args.turns), transcript(10 * args.turns)
    jobs: dict[str, Callable[[Transcript], object]] = {
        "stats.measure": measure,
        "table rows": lambda t: document_rows(document(t, source="x.txt")),
        "chunks(300, 1)": lambda t: chunks(t, max_words=300, overlap_turns=1),
        "csv export": lambda t: to_csv(t, Options(doc="x.txt")),
    }
    print(f"{'':24} {args.turns:>8} turns {10 * args.turns:>8} turns   ratio")
    for collect in (True, False):
        for name, job in jobs.items():
            a = _time(lambda job=job: job(small), collect=collect)
            b = _time(lambda job=job: job(large), collect=collect)
            label = f"{name}{'' if collect else ' (no gc)'}"
            print(f"{label:24} {a:>12.4f}s {b:>12.4f}s {b / a:>7.1f}")


if __name__ == "__main__":
    main()
