"""Hostile inputs: each parses within the timeout, keeps every character, and takes time
proportional to its size.

The first group is the inputs the robustness issue names, about a megabyte each (built
in tests/hostile.py). The second group is inputs found while hunting for super-linear
time, checked for linear growth only; those that are still slow are marked xfail with
the module and line responsible (see docs/robustness.md).
Timing assertions compare one input at two sizes, so a slow machine does not fail them:
linear time gives a ratio near 10, quadratic near 100.
"""

from __future__ import annotations

import gc
import random
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from hostile import FOUND, LABEL_LIKE, MB, NAMED
from invariants import assert_model_invariants, assert_tokens_cover, check_text
from transcriptkit import parse, parse_file, read_text, tokenize
from transcriptkit.errors import DecodeError


def seconds(text: str, runs: int = 1) -> float:
    """Best wall time of `runs` parses."""
    best = float("inf")
    for _ in range(runs):
        gc.collect()
        start = time.perf_counter()
        parse(text)
        best = min(best, time.perf_counter() - start)
    return best


def assert_linear(build: Callable[[int], str], small: int) -> None:
    """Ten times the input may take at most thirty times as long (linear: about ten;
    quadratic: about a hundred). Times under 5 ms count as 5 ms: that is noise."""
    short = max(seconds(build(small), runs=3), 0.005)
    long = seconds(build(small * 10))
    assert long / short < 30, f"{small} chars: {short:.4f}s; {small * 10}: {long:.4f}s"


# ---- the inputs the issue names -------------------------------------------------------


@pytest.mark.timeout(60)
@pytest.mark.parametrize("name", NAMED)
def test_named_input_parses_and_keeps_every_character(name: str) -> None:
    build, size = NAMED[name]
    text = build(size)
    assert len(text) >= size * 0.99
    check_text(text)


@pytest.mark.timeout(60)
@pytest.mark.parametrize("name", LABEL_LIKE)
def test_label_like_line_parses_and_keeps_every_character(name: str) -> None:
    text = LABEL_LIKE[name]
    assert len(text) == 50_000
    check_text(text)


@pytest.mark.timeout(60)
@pytest.mark.parametrize("name", NAMED)
def test_named_input_time_is_linear(name: str) -> None:
    build, size = NAMED[name]
    assert_linear(build, min(20_000, size // 20))


@pytest.mark.timeout(60)
def test_random_bytes_through_parse_file(tmp_path: Path) -> None:
    data = random.Random(20250612).randbytes(MB)
    path = tmp_path / "noise.txt"
    path.write_bytes(data)
    doc = parse_file(path)
    assert doc.metadata.encoding
    assert any(d.code == "undecodable-bytes" for d in doc.diagnostics)
    assert len(doc.diagnostics) < 100  # damage is summarised, not listed byte by byte
    text, _, _ = read_text(data)
    assert_tokens_cover(text, tokenize(text))
    assert_model_invariants(text, doc)
    with pytest.raises(DecodeError) as raised:
        parse_file(path, strict=True)
    assert 0 <= raised.value.offset < len(data)


@pytest.mark.timeout(60)
def test_random_bytes_that_happen_to_be_mostly_text(tmp_path: Path) -> None:
    rng = random.Random(7)
    words = [b"KELLY:", b"(LAUGHTER)", b"\n", b"caf\xc3\xa9", b"\x92", b"\x00", b"\xff\xfe"]
    data = b" ".join(rng.choice(words) for _ in range(60_000))
    path = tmp_path / "mostly.txt"
    path.write_bytes(data)
    doc = parse_file(path)
    text, _, _ = read_text(data)
    assert_tokens_cover(text, tokenize(text))
    assert_model_invariants(text, doc)


# ---- found while hunting for super-linear time ----------------------------------------


def _found_cases() -> list[object]:
    cases: list[object] = []
    for name, (_, _, slow) in FOUND.items():
        marks = [pytest.mark.xfail(reason=slow, strict=False)] if slow else []
        cases.append(pytest.param(name, marks=marks, id=name))
    return cases


@pytest.mark.timeout(120)
@pytest.mark.parametrize("name", _found_cases())
def test_found_input_time_is_linear(name: str) -> None:
    build, small, _ = FOUND[name]
    assert_linear(build, small)
