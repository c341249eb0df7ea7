#!/usr/bin/env python3
"""Turn- and line-dense input against ordinary text: time and memory per input MB, this
tree and a baseline commit side by side (issue 11, item 2).

    python benchmarks/bench_dense.py                          # 1 MB, baseline 8a4f957
    python benchmarks/bench_dense.py --size 300000 --rounds 3 --baseline 7838361
    python benchmarks/bench_dense.py --only label-lines-A: blank-lines --no-baseline

Each input (ordinary text: the invented examples/npr_example.txt repeated; the dense
builders of tests/hostile.py) is parsed at `--size` characters in a fresh subprocess per
tree and measure: CPU seconds per MB (best of `--rounds`, rounds alternating the trees so
both meet the same machine load), the tracemalloc peak while parsing and the growth of
the peak RSS (ru_maxrss), both in MB per MB of input. Each subprocess first parses a
small ordinary text: compiled patterns and caches are paid once per process, not per MB.
"× normal" is an input's time per MB over ordinary text's, in the same tree. The
baseline's `src/` is exported with `git archive`. No timing is asserted anywhere.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tarfile
import tempfile
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BASELINE = "8a4f957"  # main when the dense-input work of issue 11 item 2 started
DENSE = (
    "label-lines-A:",
    "same-label-lines",
    "blank-lines",
    "cue-lines",
    "one-turn-many-paragraphs",
    "one-turn-many-notes",
    "distinct-speakers",
    "cr-lines",
)

# One measurement in a fresh interpreter: argv = src, tests, name, size, mode.
WORKER = r"""
import gc, json, resource, sys, time, tracemalloc
src, tests, name, size, mode = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5]
sys.path.insert(0, src)
sys.path.insert(0, tests)
import hostile
from transcriptkit import parse
assert parse.__module__.startswith("transcriptkit")
example = open(sys.argv[6], encoding="utf-8").read()

def normal(n):
    return (example * (n // len(example) + 1))[:n]

table = {"normal": normal}
for group in ("NAMED", "FOUND", "PROBED"):
    for key, (build, _) in getattr(hostile, group, {}).items():
        table.setdefault(key, build)
text = table[name](size)
parse(normal(20_000))  # warm
gc.collect()
if mode == "time":
    start = time.process_time()
    parse(text)
    value = time.process_time() - start
elif mode == "rss":
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    parse(text)
    value = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1000
else:
    tracemalloc.start()
    base = tracemalloc.get_traced_memory()[0]
    parse(text)
    value = (tracemalloc.get_traced_memory()[1] - base) / 1e6
print(json.dumps({"value": value, "mb": len(text) / 1e6}))
"""


def export_tree(commit: str, into: Path) -> Path:
    data = subprocess.run(
        ["git", "-C", str(ROOT), "archive", commit, "src"], check=True, capture_output=True
    ).stdout
    with tarfile.open(fileobj=BytesIO(data)) as tar:
        tar.extractall(into, filter="data")
    return into / "src"


def measure(src: Path, name: str, size: int, mode: str) -> float:
    """`mode` (time, traced, rss) of parsing input `name`, per MB of input."""
    example = ROOT / "examples" / "npr_example.txt"
    args = [str(src), str(ROOT / "tests"), name, str(size), mode, str(example)]
    out = subprocess.run(
        [sys.executable, "-c", WORKER, *args], check=True, capture_output=True, text=True
    )
    data = json.loads(out.stdout.strip().splitlines()[-1])
    return float(data["value"]) / float(data["mb"])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--size", type=int, default=1_000_000, help="characters of each input")
    ap.add_argument("--rounds", type=int, default=2, help="timing rounds (best kept)")
    ap.add_argument("--baseline", default=BASELINE, help="commit to compare with")
    ap.add_argument("--no-baseline", action="store_true", help="this tree only")
    ap.add_argument("--only", nargs="*", help="dense input names (tests/hostile.py)")
    a = ap.parse_args(argv)
    names = ["normal", *(a.only or DENSE)]
    with tempfile.TemporaryDirectory() as tmp:
        trees = {"this tree": ROOT / "src"}
        if not a.no_baseline:
            trees = {f"baseline {a.baseline}": export_tree(a.baseline, Path(tmp)), **trees}
        rows: dict[str, dict[str, tuple[float, float, float]]] = {t: {} for t in trees}
        for name in names:
            times: dict[str, float] = {t: float("inf") for t in trees}
            for _ in range(a.rounds):
                for tree, src in trees.items():
                    times[tree] = min(times[tree], measure(src, name, a.size, "time"))
            for tree, src in trees.items():
                traced = measure(src, name, a.size, "traced")
                rss = measure(src, name, a.size, "rss")
                rows[tree][name] = (times[tree], traced, rss)
            print(f"measured {name}", file=sys.stderr, flush=True)
    print(f"{a.size / 1e6:g} MB inputs; CPU time best of {a.rounds} alternating rounds")
    for tree in trees:
        print()
        print(f"{tree:28} {'s/MB':>7} {'x normal':>9} {'traced MB/MB':>13} {'RSS MB/MB':>10}")
        for name in names:
            s, traced, rss = rows[tree][name]
            ratio = s / rows[tree]["normal"][0]
            print(f"{name:28} {s:7.2f} {ratio:9.1f} {traced:13.1f} {rss:10.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
