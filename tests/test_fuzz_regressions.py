"""Every input the fuzzer ever crashed on (fuzz/crashes/) and every seed (fuzz/seeds/),
replayed through the fuzz harness's own check, without atheris."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

FUZZ = Path(__file__).resolve().parents[1] / "fuzz"
INPUTS = sorted(
    p for folder in ("crashes", "seeds") for p in (FUZZ / folder).glob("*") if p.is_file()
)
INPUTS = [p for p in INPUTS if not p.name.startswith(".") and p.suffix != ".md"]


def _harness_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("fuzz_parse", FUZZ / "fuzz_parse.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def harness() -> Any:
    return _harness_module().Harness()


@pytest.mark.timeout(60)
@pytest.mark.parametrize("path", INPUTS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_fuzz_input_does_not_crash(harness: Any, path: Path) -> None:
    harness.check(path.read_bytes())


def test_the_harness_catches_a_broken_invariant(harness: Any) -> None:
    # The check must be able to fail: a tokenizer that drops a character is caught.
    from transcriptkit import Token, TokenKind

    tokens = [Token(TokenKind.TEXT, "KELLY", 0, 5, 1)]
    with pytest.raises(AssertionError):
        harness.invariants.assert_tokens_cover("KELLY:", tokens)
