#!/usr/bin/env python3
"""Time and memory of `parse` on hostile inputs, against ordinary transcript text.

    python benchmarks/bench_pathological.py                 # every input, 100 KB / 1 MB / 4 MB
    python benchmarks/bench_pathological.py --quick         # 100 KB and 1 MB, no memory pass
    python benchmarks/bench_pathological.py --only label-lines-A: blank-lines --budget 120

For each input (built by tests/hostile.py) at 100 KB, 1 MB and 4 MB: seconds per MB, the
same for ordinary transcript text of that size (the invented examples/npr_example.txt
repeated, timed side by side), their ratio ("x normal"), and the growth exponent from
100 KB to the largest size measured (log of the time ratio over log of the size ratio: 1
is linear, 2 quadratic). A size whose run would take longer than `--budget` seconds on
the projection from the sizes before it (at the exponent seen so far, at least 1) is
skipped, and so is one whose memory would pass `--memory-budget` MB.

Then memory, each input at 1 MB (or the largest size measured) in a fresh subprocess,
after one small ordinary parse (the patterns compiled and the caches filled once per
process are not memory per input MB): the peak tracemalloc sees while parsing and the
growth of the peak RSS (ru_maxrss), both per MB of input, and, for a reference, ordinary
text. Not a test: the numbers go to
docs/robustness.md.
"""

from __future__ import annotations

import argparse
import gc
import importlib.util
import json
import math
import subprocess
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
SIZES = (100 * KB, MB, 4 * MB)
# Memory a parse may take on the projection before a size is skipped: the turn-dense
# inputs hold a 2 KB Turn model per three characters, 4 MB of them would be gigabytes.
MEMORY_BUDGET_MB = 3_000


def _hostile() -> ModuleType:
    spec = importlib.util.spec_from_file_location("hostile", ROOT / "tests" / "hostile.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["hostile"] = module
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


def inputs(hostile: ModuleType) -> dict[str, Callable[[int], str]]:
    """name -> build(size): the named inputs, the label-like lines, the found ones, the
    second probe's."""
    table: dict[str, Callable[[int], str]] = {}
    for name, (build, _) in hostile.NAMED.items():
        table[name] = build
    for name in hostile.LABEL_LIKE_PARTS:
        if name not in hostile.FOUND:  # those are measured below
            table[f"label-like:{name}"] = partial(hostile.label_like, name)
    for name, (build, _) in hostile.FOUND.items():
        table[name] = build
    for name, (build, _) in hostile.PROBED.items():
        table.setdefault(name, build)
    for name in hostile.FLATTENED_HEADS:
        table.setdefault(f"flattened-{name}", partial(hostile.flattened, name))
    return table


def traced_per_mb(text: str) -> float:
    """Peak traced allocation while parsing `text`, in MB per MB of input."""
    gc.collect()
    tracemalloc.start()
    base = tracemalloc.get_traced_memory()[0]
    parse(text)
    peak = tracemalloc.get_traced_memory()[1] - base
    tracemalloc.stop()
    return peak / MB / (len(text) / MB)


def exponent(sizes: list[int], times: list[float]) -> float:
    """Growth exponent from the first to the last measurement: 1 linear, 2 quadratic."""
    if len(sizes) < 2 or times[0] <= 0:
        return float("nan")
    return math.log(times[-1] / times[0]) / math.log(sizes[-1] / sizes[0])


_MEMORY = """
import gc, json, resource, sys, tracemalloc
sys.path.insert(0, {tests!r})
sys.path.insert(0, {bench!r})
import bench_pathological as b
build = b.inputs(b._hostile()).get({name!r}) or b.normal
text = build({size})
b.parse(b.normal(20_000))  # warm: compiled patterns and caches are paid once, not per MB
gc.collect()
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
b.parse(text)
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
gc.collect()
tracemalloc.start()
base = tracemalloc.get_traced_memory()[0]
b.parse(text)
peak = tracemalloc.get_traced_memory()[1] - base
tracemalloc.stop()
print(json.dumps({{"size": len(text), "rss_kb": rss, "traced": peak}}))
"""


def memory(name: str, size: int) -> tuple[float, float]:
    """(traced peak, peak RSS growth) in MB per MB of input, measured in a fresh process
    (ru_maxrss only ever grows)."""
    code = _MEMORY.format(
        tests=str(ROOT / "tests"), bench=str(ROOT / "benchmarks"), name=name, size=size
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    data = json.loads(out.stdout.strip().splitlines()[-1])
    per = data["size"] / MB
    return data["traced"] / MB / per, data["rss_kb"] / KB / per


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="100 KB and 1 MB only, no memory")
    ap.add_argument("--budget", type=float, default=300, help="seconds one run may take")
    ap.add_argument("--memory-budget", type=float, default=MEMORY_BUDGET_MB, help="MB")
    ap.add_argument("--only", nargs="*", help="input names to run")
    ap.add_argument("--json", type=Path, help="also write the rows here")
    a = ap.parse_args(argv)

    table = inputs(_hostile())
    if a.only:
        table = {k: v for k, v in table.items() if k in a.only}
    sizes = SIZES[:2] if a.quick else SIZES
    normal_cache: dict[int, float] = {}

    def normal_per_mb(size: int) -> float:
        if size not in normal_cache:
            normal_cache[size] = seconds(normal(size), runs=2) / (size / MB)
        return normal_cache[size]

    print(f"python {sys.version.split()[0]}; ordinary text: examples/npr_example.txt repeated")
    print()
    head = f"{'input':40} {'size':>7} {'s':>8} {'s/MB':>8} {'normal':>8} {'x normal':>9} {'exp':>5}"
    print(head)
    print("-" * len(head))
    rows: list[dict[str, object]] = []
    largest: dict[str, int] = {}
    for name, build in table.items():
        done_sizes: list[int] = []
        done_times: list[float] = []
        per_mb_memory = traced_per_mb(build(sizes[0]))
        for size in sizes:
            if per_mb_memory * size / MB > a.memory_budget:
                projected_mb = per_mb_memory * size / MB
                print(f"{name:40} {size // KB:>5}KB skipped: {projected_mb:.0f} MB projected")
                break
            if done_sizes:
                k = max(1.0, exponent(done_sizes, done_times) if len(done_sizes) > 1 else 1.0)
                projected = done_times[-1] * (size / done_sizes[-1]) ** k
                if projected > a.budget:
                    print(f"{name:40} {size // KB:>5}KB skipped: {projected:.0f} s projected")
                    break
            text = build(size)
            t = seconds(text, runs=2 if size <= 100 * KB else 1)
            done_sizes.append(size)
            done_times.append(t)
            ratio = (t / (size / MB)) / normal_per_mb(size)
            exp = exponent(done_sizes, done_times)
            rows.append({"input": name, "size": size, "s": t, "x_normal": ratio, "exp": exp})
            print(
                f"{name:40} {size // KB:>5}KB {t:8.3f} {t / (size / MB):8.3f} "
                f"{normal_per_mb(size):8.3f} {ratio:9.1f} "
                + (f"{exp:5.2f}" if len(done_sizes) > 1 else "     "),
                flush=True,
            )
        largest[name] = min(done_sizes[-1], MB) if done_sizes else 100 * KB

    if not a.quick:
        print()
        print(f"{'input':40} {'size':>7} {'traced MB/MB':>13} {'RSS MB/MB':>10}")
        for name, size in [("normal transcript text", MB), *largest.items()]:
            traced, rss = memory(name, size)
            rows.append({"input": name, "size": size, "traced_per_mb": traced, "rss_per_mb": rss})
            print(f"{name:40} {size // KB:>5}KB {traced:13.1f} {rss:10.1f}", flush=True)
    if a.json:
        a.json.write_text(json.dumps(rows, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
