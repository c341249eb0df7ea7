"""docs/recognition.md stays true: its examples run, and its grammar table is the table."""

from __future__ import annotations

import re
from pathlib import Path

from transcriptkit import kinds, styles
from transcriptkit.tokenizer import SHARED

DOC = Path(__file__).resolve().parents[1] / "docs" / "recognition.md"


def _blocks() -> list[str]:
    return re.findall(r"```python\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)


def test_the_examples_run() -> None:
    blocks = _blocks()
    assert len(blocks) >= 3
    before = {s.name for s in styles.styles()}
    try:
        for block in blocks:
            exec(compile(block, str(DOC), "exec"), {})  # each block asserts what it shows
    finally:  # the preset example registers a style: leave the registry as it was
        for name in {s.name for s in styles.styles()} - before:
            styles._REGISTRY.pop(name)


def test_the_grammar_table_lists_the_shared_rules_in_order() -> None:
    text = DOC.read_text(encoding="utf-8")
    section = text.split("## The line grammar", 1)[1].split("\n## ", 1)[0]
    names = re.findall(r"^\| \d+ \| `([^`]+)` \|", section, re.M)
    assert names == [r.name for r in SHARED]


def test_the_kind_table_lists_the_kind_rules_in_order() -> None:
    text = DOC.read_text(encoding="utf-8")
    section = text.split("## Kind", 1)[1].split("\n## ", 1)[0]
    rows = re.findall(r"^\| \d+ \| `([^`]+)` \| (\w+) \|", section, re.M)
    assert rows == [(name, kind) for name, kind, _, _ in kinds.RULES]
