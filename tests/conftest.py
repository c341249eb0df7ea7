"""Hypothesis profiles, shared by every property test.

- `dev` (default): a quick run on every `pytest`.
- `ci` (picked when the `CI` environment variable is `true`, as CI services set it): more
  examples, derandomized so a red build reproduces on a laptop.
- `thorough`: for a long hunt, `HYPOTHESIS_PROFILE=thorough pytest tests/test_properties.py`.

`HYPOTHESIS_PROFILE` names a profile explicitly and wins over `CI`.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

_COMMON = {"deadline": None, "suppress_health_check": [HealthCheck.too_slow]}

settings.register_profile("dev", max_examples=40, **_COMMON)
settings.register_profile("ci", max_examples=100, derandomize=True, print_blob=True, **_COMMON)
settings.register_profile("thorough", max_examples=2_000, **_COMMON)

_default = "ci" if os.environ.get("CI", "").lower() == "true" else "dev"
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", _default))


# ---- the corpus: say so loudly when it is not there (issue 12) ----------------------------

# Where the corpus tests look for the real transcripts: beside the repository, not in it.
CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
_NO_CORPUS = (
    f"corpus: {CORPUS} not found, so the corpus tests are SKIPPED; put the corpus (or a "
    "symlink to it) at ../shared/corpus beside this repository to run them"
)


def pytest_report_header(config: pytest.Config) -> str:
    if CORPUS.is_dir():
        return f"corpus: {CORPUS} ({sum(1 for _ in CORPUS.glob('*/*.txt'))} documents)"
    return _NO_CORPUS


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if not CORPUS.is_dir():
        terminalreporter.write_line(_NO_CORPUS, yellow=True, bold=True)
