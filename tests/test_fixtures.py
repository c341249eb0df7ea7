"""Every invented fixture (`fixtures/**/X.txt`) parses as its hand-written
`X.expected.json` says: kind, title, date, style, each turn and each cue."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import transcriptkit

FIXTURES = Path(__file__).parent / "fixtures"
CASES = sorted(
    str(p.relative_to(FIXTURES)).removesuffix(".expected.json")
    for p in FIXTURES.rglob("*.expected.json")
)
TURN_FIELDS = ("line", "label", "speaker", "role", "start", "end")


def _load(name: str) -> tuple[transcriptkit.Transcript, dict[str, Any]]:
    expected = json.loads((FIXTURES / f"{name}.expected.json").read_text(encoding="utf-8"))
    return transcriptkit.parse_file(FIXTURES / f"{name}.txt"), expected


@pytest.mark.parametrize("name", CASES)
def test_kind_title_date_style(name: str) -> None:
    t, expected = _load(name)
    assert t.kind == expected["kind"]
    assert t.metadata.title == expected["title"]
    if "date" in expected:
        assert (t.metadata.date.isoformat() if t.metadata.date else None) == expected["date"]
    if "program" in expected:
        assert t.metadata.program == expected["program"]
    if "style" in expected:
        assert t.metadata.style == expected["style"]


@pytest.mark.parametrize("name", CASES)
def test_turns(name: str) -> None:
    t, expected = _load(name)
    fields = [f for f in TURN_FIELDS if all(f in turn for turn in expected["turns"])]
    values = {"speaker": t.speaker_name}
    got = [
        {f: values[f](turn) if f in values else getattr(turn, f) for f in fields}
        for turn in t.turns
    ]
    assert got == [{f: turn[f] for f in fields} for turn in expected["turns"]]
    for turn, exp in zip(t.turns, expected["turns"], strict=True):
        if "text" in exp:
            assert turn.text == exp["text"], turn.line
        else:
            assert turn.text.startswith(exp["text_start"]), (turn.line, turn.text[:60])


@pytest.mark.parametrize("name", CASES)
def test_cues(name: str) -> None:
    t, expected = _load(name)
    assert [{"line": c.line, "text": c.text} for c in t.cues] == expected["cues"]
