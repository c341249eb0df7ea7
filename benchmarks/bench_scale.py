#!/usr/bin/env python3
"""Corpus scale: `transcriptkit batch` over invented corpora of 2,000 and 20,000 documents.

    python benchmarks/bench_scale.py --quick          # quick: 2,000 docs, 1 and 2 workers (~1 min)
    python benchmarks/bench_scale.py                  # full: 2,000 and 20,000 docs (~10 min)
    python benchmarks/bench_scale.py --sizes 500,5000 --workers 1,2 --format parquet
    python benchmarks/bench_scale.py --memory-only         # the in-memory ratio alone
    python benchmarks/bench_scale.py --quick --keep /tmp/c # keep the corpus for the next run

Run it on an idle machine (`uptime`: load average well under the core count) for figures
worth quoting; the load average is printed before and after each run. Compare two versions
of transcriptkit side by side on the same kept corpus (`--keep`), with PYTHONPATH pointing
at the other version's `src/` for one of the runs: the command runs as a subprocess, which
inherits it.

Builds the corpora first (generated here, in the shapes the real corpus has: NPR modern
labels with roles and surname-only repeats, CNN-style `NAME, TITLE:` labels with video cues
and time stamps, podcast `Name Surname:` labels under a front-matter header, and captions;
lengths drawn around broadcast length), then runs the command as a user would
(`python -m transcriptkit batch DIR -o OUT --workers N`) and reports, per run: documents/s,
MB/s, the 2-worker speed-up over 1 worker, and the peak RSS of the whole process tree
(the parent and its workers, sampled from /proc every 50 ms), and the CPU seconds of the
tree (workers are joined, so their time is in RUSAGE_CHILDREN): with other work on the
machine, wall-clock speed-up understates what two free cores give, and CPU time shows the
parallel overhead whatever the load (`cpu_1 / (cpu_2 / 2)` is the speed-up two free cores
would give, if the workers are kept evenly busy). Memory per input MB is measured
in one process with tracemalloc: what a parsed transcript keeps, and what parsing needed at
its peak, against the document's size. Last, a projection of a MediaSum-sized run (463,596
transcripts, about 4.5 GB) from the measured 2-worker throughput.

Timings are ratios of runs made side by side on this machine; on a machine shared with other
work they are noisy, so the script prints the load average next to them.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import tracemalloc
from dataclasses import dataclass
from pathlib import Path

import transcriptkit

# MediaSum (Zhu et al., 2021): 463,596 NPR and CNN transcripts, about 4.5 GB of text.
MEDIASUM_DOCS = 463_596
MEDIASUM_BYTES = 4.5e9

# ---- invented documents ----------------------------------------------------------------


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


_FIRST = _words(
    "Ana Bela Cato Dara Edo Fenna Gale Hollis Ines Joram Kaia Lio Maren Nils Odile Pim "
    "Quilla Rafe Sunniva Tobin Ulla Vesna Wendel Xavi Yara Zeno Alder Brisa Corvin Delphine"
)
_LAST = _words(
    "Halvorsen Marchetti Farnsworth Brzezinski Okonkwo Lindqvist Abernathy Castellanos "
    "Dunmore Eskildsen Ferrante Gallow Hartigan Ivanova Jurado Kettering Lachance Mbeki "
    "Novak Oyelaran Pemberton Quist Rasmussen Szabo Thorne Uccello Varga Whitlock Yilmaz"
)
_WORDS = _words(
    "the a of and to in that it is was for on with as at by from this but not they we you "
    "said says people city water school year years time new more most town river market "
    "farm library council budget storm road bridge season week morning night family local "
    "state plan money work workers price prices rain field harvest train station music "
    "because after before when where while about around really think know going there here "
    "just still also only very much many some every other small large old young long short "
    "open closed early late first last next told asked called found made built started"
)
_CUES = ("(SOUNDBITE OF MUSIC)", "(LAUGHTER)", "(SOUNDBITE OF ARCHIVED RECORDING)")
_VIDEO = ("(BEGIN VIDEO CLIP)", "(END VIDEO CLIP)", "(COMMERCIAL BREAK)")


def _sentence(rng: random.Random) -> str:
    words = rng.choices(_WORDS, k=rng.randint(6, 22))
    return " ".join(words).capitalize() + rng.choice(".....?!")


def _paragraph(rng: random.Random, sentences: int) -> str:
    return " ".join(_sentence(rng) for _ in range(sentences))


def _people(rng: random.Random, n: int) -> list[tuple[str, str]]:
    return [(rng.choice(_FIRST), rng.choice(_LAST)) for _ in range(n)]


def npr(rng: random.Random, turns: int) -> str:
    host, reporter, *guests = _people(rng, rng.randint(3, 6))
    out = [f"{_title(rng)}\n\nMarch {rng.randint(1, 28)}, 20{rng.randint(10, 25)}\n"]
    seen: set[tuple[str, str]] = set()
    for i in range(turns):
        who = host if i % 3 == 0 else reporter if i % 3 == 1 else rng.choice(guests)
        role = ", HOST" if who is host else ", BYLINE" if who is reporter else ""
        label = f"{who[0]} {who[1]}".upper() + (role if who not in seen else "")
        if who in seen and rng.random() < 0.7:
            label = who[1].upper()
        seen.add(who)
        out.append(f"{label}: {_paragraph(rng, rng.randint(1, 6))}\n")
        if rng.random() < 0.08:
            out.append(f"{rng.choice(_CUES)}\n")
    return "\n".join(out)


def cnn(rng: random.Random, turns: int) -> str:
    anchor, *others = _people(rng, rng.randint(3, 7))
    titles = ("CNN ANCHOR", "CNN CORRESPONDENT", "SENIOR ANALYST", "MAYOR OF EASTBROOK")
    out = [f"{_title(rng).upper()}\n\nAired March {rng.randint(1, 28)}, 2024 - 14:00 ET\n"]
    for i in range(turns):
        who = anchor if i % 2 == 0 else rng.choice(others)
        label = f"{who[0]} {who[1]}, {rng.choice(titles)}".upper() if i < 4 else who[1].upper()
        if rng.random() < 0.1:
            out.append(f"[{14 + i // 60:02}:{i % 60:02}:{rng.randint(0, 59):02}]\n")
        out.append(f"{label}: {_paragraph(rng, rng.randint(1, 5))}\n")
        if rng.random() < 0.06:
            out.append(f"{rng.choice(_VIDEO)}\n")
    return "\n".join(out)


def podcast(rng: random.Random, turns: int) -> str:
    people = _people(rng, rng.randint(2, 3))
    out = [f"---\ntitle: {_title(rng)}\nguest: {people[1][0]} {people[1][1]}\n---\n"]
    for i in range(turns):
        a, b = people[i % len(people)]
        out.append(f"{a} {b}: {_paragraph(rng, rng.randint(1, 7))}\n")
    return "\n".join(out)


def captions(rng: random.Random, turns: int) -> str:
    out = ["WEBVTT\n"]
    t = 0.0
    people = _people(rng, 2)
    for i in range(turns * 2):
        start, t = t, t + rng.uniform(1.5, 5.0)
        who = people[(i // 3) % 2]
        text = " ".join(rng.choices(_WORDS, k=rng.randint(4, 10)))
        prefix = f"<v {who[0]} {who[1]}>" if i % 3 == 0 else ""
        out.append(f"{_stamp(start)} --> {_stamp(t)}\n{prefix}{text}\n")
    return "\n".join(out)


def _stamp(seconds: float) -> str:
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    return f"{int(h):02}:{int(m):02}:{s:06.3f}"


def _title(rng: random.Random) -> str:
    return " ".join(w.capitalize() for w in rng.choices(_WORDS, k=rng.randint(4, 9)))


# (shape, weight): broadcast transcripts dominate a MediaSum-like corpus.
SHAPES = ((npr, 45), (cnn, 35), (podcast, 15), (captions, 5))


def document(rng: random.Random) -> str:
    shape = rng.choices([s for s, _ in SHAPES], weights=[w for _, w in SHAPES])[0]
    # Turn counts log-normal around 25 (MediaSum: about 30 utterances a transcript), so
    # the lengths spread from a few hundred bytes to tens of kilobytes.
    turns = max(2, min(400, int(rng.lognormvariate(3.2, 0.6))))
    return shape(rng, turns)


def build(folder: Path, count: int, seed: int = 13) -> int:
    """`count` documents under `folder` in 100 subfolders; returns the bytes written."""
    rng = random.Random(seed)
    total = 0
    for i in range(count):
        sub = folder / f"{i % 100:02}"
        sub.mkdir(parents=True, exist_ok=True)
        data = document(rng).encode()
        (sub / f"{i:06}.txt").write_bytes(data)
        total += len(data)
    return total


# ---- running the command, with the process tree's RSS -----------------------------------


def _tree_rss(root: int) -> int:
    """Resident bytes of `root` and every descendant, from /proc."""
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        try:
            with open(f"/proc/{pid}/statm") as f:
                total += int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
            for task in os.listdir(f"/proc/{pid}/task"):
                with open(f"/proc/{pid}/task/{task}/children") as f:
                    stack.extend(int(c) for c in f.read().split())
        except (OSError, ValueError):
            continue
    return total


@dataclass
class Run:
    docs: int
    mb: float
    workers: int
    seconds: float
    peak_rss: int
    exit_code: int
    cpu_seconds: float  # user + system time of the whole process tree

    @property
    def docs_per_s(self) -> float:
        return self.docs / self.seconds

    @property
    def mb_per_s(self) -> float:
        return self.mb / self.seconds


def run_batch(folder: Path, out: Path, workers: int, docs: int, mb: float) -> Run:
    cmd = [sys.executable, "-m", "transcriptkit", "batch", str(folder), "-o", str(out)]
    cmd += ["--workers", str(workers)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    peak = 0
    while proc.poll() is None:
        peak = max(peak, _tree_rss(proc.pid))
        time.sleep(0.05)
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    stderr = proc.stderr.read() if proc.stderr else ""
    if proc.returncode != 0:
        print(stderr, file=sys.stderr)
    return Run(docs, mb, workers, seconds, peak, proc.returncode, cpu)


# ---- memory of one parsed document ------------------------------------------------------


def memory_ratios(rng: random.Random) -> list[tuple[str, float, float, float]]:
    """(shape, input MB, kept/input, peak/input) for one long document of each shape."""
    transcriptkit.parse(document(random.Random(0)))  # compile patterns, fill caches first
    rows = []
    for shape, turns in ((npr, 3000), (cnn, 3000), (podcast, 3000), (captions, 2000)):
        text = shape(rng, turns)
        size = len(text.encode())
        gc.collect()
        tracemalloc.start()
        base = tracemalloc.get_traced_memory()[0]
        transcript = transcriptkit.parse(text)
        gc.collect()
        kept, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        assert transcript.turns
        rows.append((shape.__name__, size / 1e6, (kept - base) / size, (peak - base) / size))
        del transcript
    return rows


# ---- main -------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--sizes", default="2000,20000", help="corpus sizes, comma separated")
    ap.add_argument(
        "--quick", action="store_true", help="one corpus of 2,000 documents (same as --sizes 2000)"
    )
    ap.add_argument("--workers", default="1,2", help="worker counts, comma separated")
    ap.add_argument("--format", default="jsonl", choices=("jsonl", "parquet", "csv"))
    ap.add_argument("--keep", type=Path, help="build the corpora here and keep them")
    ap.add_argument("--memory-only", action="store_true")
    ap.add_argument("--json", type=Path, help="also write the figures to this file")
    a = ap.parse_args(argv)
    figures: dict[str, object] = {"load_average_before": os.getloadavg()}

    print("memory of one parsed document (tracemalloc, one process):")
    mem = memory_ratios(random.Random(7))
    for shape, mb, kept, peak in mem:
        print(
            f"  {shape:9} {mb:6.2f} MB input: keeps {kept:5.1f}x, peak while parsing {peak:5.1f}x"
        )
    figures["memory"] = [dict(zip(("shape", "mb", "kept", "peak"), m, strict=True)) for m in mem]
    if a.memory_only:
        _dump(a.json, figures)
        return 0

    sizes = [2000] if a.quick else [int(s) for s in a.sizes.split(",")]
    workers = [int(w) for w in a.workers.split(",")]
    base = a.keep or Path(tempfile.mkdtemp(prefix="bench_scale_"))
    runs: list[Run] = []
    try:
        for size in sizes:
            folder = base / f"corpus_{size}"
            if folder.exists():
                mb = sum(p.stat().st_size for p in folder.rglob("*.txt")) / 1e6
            else:
                t0 = time.perf_counter()
                mb = build(folder, size) / 1e6
                print(f"built {size:,} documents, {mb:.1f} MB, in {time.perf_counter() - t0:.1f} s")
            for w in workers:
                out = base / f"out_{size}_{w}.{a.format}"
                run = run_batch(folder, out, w, size, mb)
                runs.append(run)
                print(
                    f"  {size:>7,} docs {w} worker(s): {run.seconds:7.1f} s  "
                    f"{run.docs_per_s:7.1f} docs/s  {run.mb_per_s:5.2f} MB/s  "
                    f"peak RSS {run.peak_rss / 2**20:6.0f} MiB  CPU {run.cpu_seconds:7.1f} s  "
                    f"exit {run.exit_code}  "
                    f"(load {os.getloadavg()[0]:.1f})"
                )
                out.unlink(missing_ok=True)
    finally:
        if a.keep is None:
            shutil.rmtree(base, ignore_errors=True)

    figures["runs"] = [vars(r) for r in runs]
    print()
    for size in sizes:
        by = {r.workers: r for r in runs if r.docs == size}
        if 1 in by and 2 in by:
            wall = by[1].seconds / by[2].seconds
            free = by[1].cpu_seconds / (by[2].cpu_seconds / 2)
            print(
                f"2-worker speed-up at {size:,} docs: {wall:.2f}x wall clock; "
                f"{free:.2f}x from CPU time (what two free cores would give)"
            )
    for w in workers:
        by_size = {r.docs: r for r in runs if r.workers == w}
        if len(sizes) > 1 and sizes[0] in by_size and sizes[-1] in by_size:
            ratio = by_size[sizes[-1]].peak_rss / by_size[sizes[0]].peak_rss
            print(f"peak RSS {sizes[-1]:,} docs / {sizes[0]:,} docs, {w} worker(s): {ratio:.2f}x")
    best = max((r for r in runs if r.workers == max(workers)), key=lambda r: r.docs)
    hours = MEDIASUM_BYTES / 1e6 / best.mb_per_s / 3600
    per_doc = best.seconds / best.docs * MEDIASUM_DOCS / 3600
    print(
        f"projection, MediaSum ({MEDIASUM_DOCS:,} transcripts, {MEDIASUM_BYTES / 1e9:.1f} GB) "
        f"with {best.workers} workers here: {hours:.1f} h by bytes, {per_doc:.1f} h by documents; "
        f"memory flat at about {best.peak_rss / 2**20:.0f} MiB"
    )
    figures["projection_hours"] = {"by_bytes": hours, "by_docs": per_doc}
    figures["load_average_after"] = os.getloadavg()
    _dump(a.json, figures)
    return 0


def _dump(path: Path | None, figures: dict[str, object]) -> None:
    if path is not None:
        path.write_text(json.dumps(figures, indent=2))


if __name__ == "__main__":
    raise SystemExit(main())
