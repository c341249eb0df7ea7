"""Caption parsing speed and memory: transcriptkit against webvtt-py, pysubs2, srt and
pysrt, on the same files in one run.

    python benchmarks/bench_captions.py            # about 5 MB of WebVTT and of SRT
    python benchmarks/bench_captions.py --mb 20 --repeat 5
    python benchmarks/bench_captions.py --profile  # where transcriptkit spends its time

Generates invented captions (several speakers: `<v Name>` voice tags in WebVTT, `Name:`
prefixes where the speaker changes in SRT), parses each file with every library and
reports MB/s and each peer's time over transcriptkit's (above 1: transcriptkit is faster).
transcriptkit does more than the others: it groups cues into speaker turns, resolves
speakers, cleans the text and keeps every caption with its span; the others return the
cues. The heap column is tracemalloc's peak while parsing, over the input's size (the
issue's target: at most 10x). Needs the `bench` extra: `pip install -e '.[bench]'`.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import random
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import transcriptkit

_VOCABULARY = """
    harbor ferry tide lantern gull pier rope fog morning council budget bridge river
    meeting weather season schedule crossing north south light keeper boat dock engine
    we they it is was will would could should have had the a an and but so because
    think know said told asked really maybe always never today tonight tomorrow again
"""
_WORDS = _VOCABULARY.split()
_SPEAKERS = ("Marisol Vega", "Tobias Wren", "Ines Calder", "Speaker 4", "Dr. Amara Osei")


def _clock(ms: int, sep: str) -> str:
    h, rest = divmod(ms, 3_600_000)
    m, rest = divmod(rest, 60_000)
    s, ms = divmod(rest, 1000)
    return f"{h:02d}:{m:02d}:{s:02d}{sep}{ms:03d}"


def _line(rng: random.Random) -> str:
    words = rng.choices(_WORDS, k=rng.randint(4, 9))
    words[0] = words[0].capitalize()
    return " ".join(words) + rng.choice((".", ",", "?", ""))


def _cues(megabytes: float, seed: int) -> list[tuple[int, int, str, list[str], bool]]:
    """(start ms, end ms, speaker, lines, speaker changed) until about `megabytes`."""
    rng = random.Random(seed)
    cues: list[tuple[int, int, str, list[str], bool]] = []
    at, size, speaker = 0, 0, _SPEAKERS[0]
    while size < megabytes * 1_000_000:
        changed = not cues or rng.random() < 0.2
        if changed and cues:
            speaker = rng.choice([s for s in _SPEAKERS if s != speaker])
        lines = [_line(rng) for _ in range(rng.randint(1, 2))]
        end = at + rng.randint(1500, 6000)
        cues.append((at, end, speaker, lines, changed))
        size += sum(len(x) for x in lines) + 60
        at = end + rng.randint(0, 400)
    return cues


def make_vtt(megabytes: float, seed: int = 1) -> str:
    """WebVTT with a voice tag on every cue, closed on some, italics on a few."""
    out = ["WEBVTT - Invented benchmark captions\n"]
    for n, (start, end, speaker, lines, _) in enumerate(_cues(megabytes, seed), 1):
        first = f"<v {speaker}>{lines[0]}" + ("</v>" if n % 3 == 0 else "")
        if n % 7 == 0:
            first = first.replace(" ", " <i>", 1) + "</i>"
        text = "\n".join([first, *lines[1:]])
        out.append(f"\n{n}\n{_clock(start, '.')} --> {_clock(end, '.')}\n{text}\n")
    return "".join(out)


def make_srt(megabytes: float, seed: int = 2) -> str:
    """SRT with a `Name:` prefix only where the speaker changes."""
    out = []
    for n, (start, end, speaker, lines, changed) in enumerate(_cues(megabytes, seed), 1):
        first = f"{speaker}: {lines[0]}" if changed else lines[0]
        text = "\n".join([first, *lines[1:]])
        out.append(f"{n}\n{_clock(start, ',')} --> {_clock(end, ',')}\n{text}\n\n")
    return "".join(out)


def _best(fn: Callable[[], object], repeat: int) -> float:
    """The best of `repeat` runs, in CPU seconds (steadier than wall time on a busy box)."""
    times = []
    for _ in range(repeat):
        t0 = time.process_time()
        fn()
        times.append(time.process_time() - t0)
    return min(times)


def _heap(fn: Callable[[], object]) -> int:
    """Peak bytes allocated while `fn` runs (tracemalloc)."""
    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--mb", type=float, default=5.0, help="size of each generated file")
    ap.add_argument("--repeat", type=int, default=3, help="runs per parser (best is kept)")
    ap.add_argument("--profile", action="store_true", help="cProfile transcriptkit on the VTT")
    a = ap.parse_args(argv)
    try:
        import pysrt  # type: ignore[import-untyped]
        import pysubs2
        import srt as srt_lib
        import webvtt
    except ImportError:
        print("needs the bench extra: pip install -e '.[bench]'", file=sys.stderr)
        return 2

    vtt, srt = make_vtt(a.mb), make_srt(a.mb)
    if a.profile:
        profile = cProfile.Profile()
        profile.runcall(transcriptkit.parse, vtt)
        pstats.Stats(profile).sort_stats("tottime").print_stats(25)
        return 0

    rows: list[tuple[str, str, float, float, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        srt_path = Path(tmp) / "bench.srt"
        srt_path.write_text(srt, encoding="utf-8")
        for fmt, text, others in (
            (
                "WebVTT",
                vtt,
                [
                    ("webvtt-py", lambda: webvtt.from_string(vtt)),
                    ("pysubs2", lambda: pysubs2.SSAFile.from_string(vtt, format_="vtt")),
                ],
            ),
            (
                "SRT",
                srt,
                [
                    ("srt", lambda: list(srt_lib.parse(srt))),
                    ("pysrt", lambda: pysrt.from_string(srt)),
                    ("pysubs2", lambda: pysubs2.SSAFile.from_string(srt, format_="srt")),
                    ("webvtt-py", lambda: webvtt.from_srt(str(srt_path))),
                ],
            ),
        ):
            mb = len(text.encode("utf-8")) / 1_000_000
            parsed = transcriptkit.parse(text)
            captions = sum(len(t.captions or []) for t in parsed.turns)
            heap = _heap(lambda text=text: transcriptkit.parse(text)) / (mb * 1_000_000)  # type: ignore[misc]
            del parsed
            note = f"{captions} captions, heap {heap:.1f}x input"
            ours = _best(lambda text=text: transcriptkit.parse(text), a.repeat)  # type: ignore[misc]
            rows.append((fmt, "transcriptkit", mb, ours, note))
            for name, fn in others:
                rows.append((fmt, name, mb, _best(fn, a.repeat), "cues only"))

    print(f"{'format':8}{'parser':16}{'MB':>7}{'CPU s':>10}{'MB/s':>9}{'peer/tk':>9}  output")
    for fmt, name, mb, secs, note in rows:
        ours = next(s for f, n, _, s, _ in rows if f == fmt and n == "transcriptkit")
        print(f"{fmt:8}{name:16}{mb:7.2f}{secs:10.3f}{mb / secs:9.2f}{secs / ours:9.2f}  {note}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
