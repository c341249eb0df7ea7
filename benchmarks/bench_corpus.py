#!/usr/bin/env python3
"""Parse throughput on the real corpus: this tree against a baseline commit, side by side.

    python benchmarks/bench_corpus.py                       # baseline 7838361, 5 rounds
    python benchmarks/bench_corpus.py --baseline 7838361 --rounds 9 --passes 2
    python benchmarks/bench_corpus.py --baseline-src /tmp/old/src   # an exported tree

The baseline's `src/` is exported with `git archive` (from this repository, or from
`--repo`) into a temporary folder. Every `../shared/corpus/*/*.txt` is read once; each
round runs one subprocess per tree that imports *that* tree's `transcriptkit` and times
`transcriptkit.parse(text)` over every text (`--passes` times, best kept), and
`styles.detect(text)` over the same texts. Rounds alternate old and new so both meet the
same machine load; the best round of each is reported, with the ratio and the share of
parse time that style detection takes. No timing is asserted anywhere: this prints.
The corpus is test data: nothing from it is copied here.
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
CORPUS = ROOT.parent / "shared" / "corpus"
BASELINE = "7838361"  # the commit issue 8 measures against

# Run in a fresh interpreter with the tree's `src` first on sys.path.
WORKER = r"""
import gc, json, sys, time
src, passes, listing = sys.argv[1], int(sys.argv[2]), sys.argv[3]
sys.path.insert(0, src)
import transcriptkit
from transcriptkit.styles import detect
assert transcriptkit.__file__.startswith(src), transcriptkit.__file__
paths = json.loads(open(listing).read())
texts = [open(p, encoding="utf-8", errors="replace").read() for p in paths]
for t in texts:  # warm up: imports, compiled patterns, caches
    transcriptkit.parse(t)

def best(run):
    out = float("inf")
    for _ in range(passes):
        gc.collect()
        start = time.process_time()
        for t in texts:
            run(t)
        out = min(out, time.process_time() - start)
    return out

print(json.dumps({"parse": best(transcriptkit.parse), "detect": best(detect)}))
"""


def export_tree(commit: str, repo: Path, into: Path) -> Path:
    """`src/` of `commit` (git archive) under `into`; returns the src folder."""
    data = subprocess.run(
        ["git", "-C", str(repo), "archive", commit, "src"], check=True, capture_output=True
    ).stdout
    with tarfile.open(fileobj=BytesIO(data)) as tar:
        tar.extractall(into, filter="data")
    return into / "src"


def run_worker(src: Path, passes: int, listing: Path) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, "-c", WORKER, str(src), str(passes), str(listing)],
        check=True,
        capture_output=True,
        text=True,
    )
    result: dict[str, float] = json.loads(out.stdout)
    return result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--baseline", default=BASELINE, help="commit to compare with")
    ap.add_argument("--baseline-src", type=Path, help="an exported baseline src/ instead")
    ap.add_argument("--repo", type=Path, default=ROOT, help="repository holding --baseline")
    ap.add_argument("--rounds", type=int, default=5, help="alternating old/new rounds")
    ap.add_argument("--passes", type=int, default=2, help="passes per round (best kept)")
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    a = ap.parse_args(argv)
    files = sorted(str(p) for p in a.corpus.glob("*/*.txt"))
    if not files:
        print(f"no corpus at {a.corpus}; nothing to measure")
        return 0
    size = sum(Path(p).stat().st_size for p in files) / 1e6
    with tempfile.TemporaryDirectory() as tmp:
        listing = Path(tmp) / "files.json"
        listing.write_text(json.dumps(files))
        old_src = a.baseline_src or export_tree(a.baseline, a.repo, Path(tmp) / "old")
        new_src = ROOT / "src"
        old: list[dict[str, float]] = []
        new: list[dict[str, float]] = []
        for _ in range(a.rounds):
            old.append(run_worker(old_src, a.passes, listing))
            new.append(run_worker(new_src, a.passes, listing))
    o = min(old, key=lambda r: r["parse"])
    n = min(new, key=lambda r: r["parse"])
    print(f"{len(files)} documents, {size:.3f} MB; best of {a.rounds} alternating rounds")
    print(f"{'tree':22} {'parse s':>9} {'MB/s':>8} {'detect s':>9} {'detect share':>13}")
    for name, r in ((f"baseline {a.baseline}", o), ("this tree", n)):
        share = r["detect"] / r["parse"]
        speed = size / r["parse"]
        print(f"{name:22} {r['parse']:9.3f} {speed:8.2f} {r['detect']:9.3f} {share:13.1%}")
    print(f"throughput ratio (this tree / baseline): {o['parse'] / n['parse']:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
