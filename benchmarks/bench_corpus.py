#!/usr/bin/env python3
"""Throughput on the real corpus: transcriptkit against the naive one-regex baseline.

    python benchmarks/bench_corpus.py               # 5 passes over ../shared/corpus
    python benchmarks/bench_corpus.py --passes 20

Every `../shared/corpus/*/*.txt` is read and parsed `--passes` times by
`transcriptkit.parse_file` and by `run_naive` from `../shared/corpus/score.py` (imported
from that file, run in this process), both from the file path, so both pay for reading
and decoding. Prints MB/s of each (best pass) and the ratio. The corpus is test data:
nothing from it is copied here.
"""

from __future__ import annotations

import argparse
import gc
import importlib.util
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import transcriptkit

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"


def load_naive(corpus: Path) -> Callable[[Path], Any]:
    spec = importlib.util.spec_from_file_location("corpus_score", corpus / "score.py")
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load {corpus / 'score.py'}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    naive: Callable[[Path], Any] = module.run_naive
    return naive


def best_pass(run: Callable[[Path], Any], files: list[Path], passes: int) -> float:
    """Seconds of the fastest of `passes` runs over every file."""
    best = float("inf")
    for _ in range(passes):
        gc.collect()
        start = time.perf_counter()
        for path in files:
            run(path)
        best = min(best, time.perf_counter() - start)
    return best


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--passes", type=int, default=5)
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    a = ap.parse_args(argv)
    files = sorted(a.corpus.glob("*/*.txt"))
    if not files:
        print(f"no corpus at {a.corpus}; nothing to measure")
        return 0
    naive = load_naive(a.corpus)
    size = sum(p.stat().st_size for p in files) / 1e6
    best_pass(transcriptkit.parse_file, files, 1)  # warm up imports and caches

    tk = best_pass(transcriptkit.parse_file, files, a.passes)
    nv = best_pass(naive, files, a.passes)
    print(f"{len(files)} documents, {size:.3f} MB, best of {a.passes} passes")
    print(f"{'system':16} {'seconds':>9} {'MB/s':>9}")
    print(f"{'transcriptkit':16} {tk:9.3f} {size / tk:9.2f}")
    print(f"{'naive baseline':16} {nv:9.3f} {size / nv:9.2f}")
    print(f"transcriptkit takes {tk / nv:.1f}x the naive baseline's time")
    return 0


if __name__ == "__main__":
    sys.exit(main())
