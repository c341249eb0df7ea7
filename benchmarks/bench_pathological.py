#!/usr/bin/env python3
"""Time and memory of `parse` on hostile inputs, against ordinary transcript text.

    python benchmarks/bench_pathological.py              # every input, plus 50 MB
    python benchmarks/bench_pathological.py --quick      # no 50 MB, no memory pass
    python benchmarks/bench_pathological.py --only distinct-speakers --budget 4000

For each input (built by tests/hostile.py) at 100 KB and at 1 MB (or the size the issue
names): seconds per MB, the same for ordinary transcript text of that size (the invented
examples/npr_example.txt repeated), their ratio, and how the time grew from 100 KB to
1 MB (10 is linear, 100 quadratic). An input whose 1 MB run would take longer than
`--budget` seconds on a quadratic projection is measured at 100 KB and 300 KB instead.
Then the peak memory tracemalloc sees while parsing, per MB of input (at 100 KB for an
input whose time grew super-linearly), and one 50 MB transcript. Not a test: the
numbers go to docs/robustness.md.
"""

from __future__ import annotations

import argparse
import gc
import importlib.util
import sys
import time
import tracemalloc
from collections.abc import Callable
from functools import partial
from pathlib import Path
from types import ModuleType

from transcriptkit import parse

ROOT = Path(__file__).resolve().parents[1]
KB, MB = 1_000, 1_000_000


def _hostile() -> ModuleType:
    spec = importlib.util.spec_from_file_location("hostile", ROOT / "tests" / "hostile.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def normal(size: int) -> str:
    """Ordinary transcript text: the invented example repeated to `size` characters."""
    example = (ROOT / "examples" / "npr_example.txt").read_text(encoding="utf-8")
    return (example * (size // len(example) + 1))[:size]


def seconds(text: str, runs: int = 1) -> float:
    best = float("inf")
    for _ in range(runs):
        gc.collect()
        start = time.perf_counter()
        parse(text)
        best = min(best, time.perf_counter() - start)
    return best


def peak_bytes(text: str) -> int:
    """Peak traced allocation while parsing `text` (the text itself excluded)."""
    gc.collect()
    tracemalloc.start()
    tracemalloc.reset_peak()
    base = tracemalloc.get_traced_memory()[0]
    parse(text)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak - base


def inputs(hostile: ModuleType) -> dict[str, tuple[Callable[[int], str], int]]:
    """name -> (build, full size): the named inputs, the label-like lines, the found ones."""
    table: dict[str, tuple[Callable[[int], str], int]] = {}
    for name, (build, size) in hostile.NAMED.items():
        table[name] = (build, size)
    for name in hostile.LABEL_LIKE_PARTS:
        if name not in hostile.FOUND:  # those are measured below
            table[f"label-like:{name}"] = (partial(hostile.label_like, name), MB)
    for name, (build, _) in hostile.FOUND.items():
        table[name] = (build, MB)
    return table


def per_mb(secs: float, size: int) -> float:
    return secs / (size / MB)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="skip the memory pass and 50 MB")
    ap.add_argument("--budget", type=float, default=600, help="seconds a 1 MB run may take")
    ap.add_argument("--only", nargs="*", help="input names to run")
    ap.add_argument("--big", type=int, default=50, help="MB of the single large transcript")
    a = ap.parse_args(argv)

    table = inputs(_hostile())
    if a.only:
        table = {k: v for k, v in table.items() if k in a.only}
    normal_cache: dict[int, float] = {}

    def normal_per_mb(size: int) -> float:
        if size not in normal_cache:
            normal_cache[size] = per_mb(seconds(normal(size), runs=3), size)
        return normal_cache[size]

    print(f"python {sys.version.split()[0]}; ordinary text: examples/npr_example.txt repeated")
    print()
    head = (
        f"{'input':40} {'size':>8} {'s':>9} {'s/MB':>9} {'normal s/MB':>12} "
        f"{'ratio':>8} {'growth':>8}"
    )
    print(head)
    print("-" * len(head))
    memory_size: dict[str, int] = {}  # slow inputs: memory measured at 100 KB
    for name, (build, full) in table.items():
        small = 100 * KB
        t_small = seconds(build(small), runs=2)
        big = full if full >= small else small
        growth_note = f"x{big // small}"
        if t_small * (big / small) ** 2 > a.budget:
            big = 300 * KB
            growth_note = "x3 (1 MB over budget)"
        t_big = seconds(build(big))
        memory_size[name] = big if t_big / t_small < 3 * big / small else small
        for size, t in ((small, t_small), (big, t_big)):
            if size == small and big == small:
                continue
            growth = f"{t_big / t_small:8.1f}" if size == big else ""
            print(
                f"{name:40} {size // KB:>6}KB {t:9.3f} {per_mb(t, size):9.3f} "
                f"{normal_per_mb(size):12.3f} {per_mb(t, size) / normal_per_mb(size):8.1f} "
                f"{growth:>8}" + (f"  {growth_note}" if size == big else ""),
                flush=True,
            )

    if a.quick:
        return 0
    print()
    print(f"{'input':40} {'size':>8} {'peak MB':>9} {'peak MB per input MB':>22}")
    rows = [("normal transcript text", normal, MB)] + [
        (name, build, memory_size[name]) for name, (build, _) in table.items()
    ]
    for name, build, size in rows:
        peak = peak_bytes(build(size)) / MB
        print(f"{name:40} {size // KB:>6}KB {peak:9.1f} {peak / (size / MB):22.1f}", flush=True)

    if a.big:
        print()
        text = normal(a.big * MB)
        t = seconds(text)
        print(f"one {a.big} MB transcript: {t:.1f} s, {a.big / t:.2f} MB/s", flush=True)
        peak = peak_bytes(text) / MB
        print(f"  peak traced memory {peak:.0f} MB, {peak / a.big:.1f} MB per input MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
