"""Every invented fixture parses as its hand-written `.expected.json` says."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import transcriptkit

FIXTURES = Path(__file__).parent / "fixtures"
CASES = sorted(p.name.removesuffix(".expected.json") for p in FIXTURES.glob("*.expected.json"))


def _load(name: str) -> tuple[transcriptkit.Transcript, dict[str, Any]]:
    expected = json.loads((FIXTURES / f"{name}.expected.json").read_text(encoding="utf-8"))
    return transcriptkit.parse_file(FIXTURES / f"{name}.txt"), expected


@pytest.mark.parametrize("name", CASES)
def test_kind_title_date(name: str) -> None:
    t, expected = _load(name)
    assert t.kind == expected["kind"]
    assert t.metadata.title == expected["title"]
    want_date = expected["date"]
    assert (t.metadata.date.isoformat() if t.metadata.date else None) == want_date
    if "program" in expected:
        assert t.metadata.program == expected["program"]


@pytest.mark.parametrize("name", CASES)
def test_turns(name: str) -> None:
    t, expected = _load(name)
    got = [
        {"line": turn.line, "label": turn.label, "speaker": t.speaker_name(turn), "role": turn.role}
        for turn in t.turns
    ]
    want = [
        {k: turn[k] for k in ("line", "label", "speaker", "role")} for turn in expected["turns"]
    ]
    assert got == want
    for turn, exp in zip(t.turns, expected["turns"], strict=True):
        assert turn.text.startswith(exp["text_start"]), (turn.line, turn.text[:60])


@pytest.mark.parametrize("name", CASES)
def test_cues(name: str) -> None:
    t, expected = _load(name)
    assert [{"line": c.line, "text": c.text} for c in t.cues] == expected["cues"]
