"""The real corpus (`../shared/corpus`) scored against its gold, with the floors the
project promises. Skips where the corpus is not beside the checkout."""

from __future__ import annotations

import contextlib
import importlib.util
import io
import json
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
pytestmark = pytest.mark.skipif(not (CORPUS / "score.py").exists(), reason="no ../shared/corpus")

NPR_FLOORS = {
    "turn_f1": 0.98,
    "speaker_acc": 0.98,
    "role_acc": 0.97,
    "text_acc": 0.97,
    "cue_f1": 0.97,
    "kind_acc": 0.97,
    "title_acc": 0.90,
    "date_acc": 0.90,
}


def _scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("corpus_score", CORPUS / "score.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _score(*dirs: str) -> dict[str, Any]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        _scorer().main(["--json", *(str(CORPUS / d) for d in dirs)])
    result: dict[str, Any] = json.loads(out.getvalue())["all"]
    return result


def test_npr_folders_meet_the_floors() -> None:
    scores = _score("seeds", "npr", "pages")
    low = {k: (scores[k], floor) for k, floor in NPR_FLOORS.items() if scores[k] < floor}
    assert not low, f"below the floor (score, floor): {low}"
    assert scores["leaking_turns"] == 0
    assert scores["crashes"] == 0


def test_the_seeds_parse_exactly() -> None:
    scores = _score("seeds")
    assert scores["exact_docs"] == 1.0
    assert scores["title_acc"] == scores["date_acc"] == scores["kind_acc"] == 1.0


# ---- title and date (metadata.py) floors, per folder: what is reached, a little below ----

METADATA_FLOORS = {
    "captions": {"title_acc": 0.95, "date_acc": 0.95},
    "long": {"title_acc": 0.95, "date_acc": 0.95},
    "mixed": {"title_acc": 0.90, "date_acc": 0.75},
    "npr": {"title_acc": 0.95, "date_acc": 0.95},
    "pages": {"title_acc": 0.95, "date_acc": 0.95},
    "podcasts": {"title_acc": 0.75, "date_acc": 0.95},
    "radio": {"title_acc": 0.95, "date_acc": 0.95},
    "seeds": {"title_acc": 1.0, "date_acc": 1.0},
    "styles": {"title_acc": 0.95, "date_acc": 0.95},
    "tv": {"title_acc": 0.75, "date_acc": 0.95},
}


def test_titles_and_dates_meet_the_floors() -> None:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        _scorer().main(["--json", *(str(CORPUS / d) for d in METADATA_FLOORS)])
    by_dir: dict[str, dict[str, float]] = json.loads(out.getvalue())["by_dir"]
    low = {
        (folder, k): (by_dir[folder][k], floor)
        for folder, floors in METADATA_FLOORS.items()
        for k, floor in floors.items()
        if by_dir[folder][k] < floor
    }
    assert not low, f"below the floor (score, floor): {low}"
