"""Layout a document's own conventions vary in must not change its turns (issue 8:
recognition that generalizes). A page pasted with a margin, or with its paragraphs run
together, keeps its speakers: each fixture is parsed as written and transformed, and the
turns compared (labels, who speaks, roles, the document's kind)."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

import transcriptkit

FIXTURES = Path(__file__).parent / "fixtures"
# Caption and ASR fixtures: a blank line is structure there, and their files are not text.
TEXTS = sorted(
    p
    for p in FIXTURES.rglob("*.txt")
    if not {"captions", "asr"} & set(p.relative_to(FIXTURES).parts)
    and "WEBVTT" not in p.read_text(encoding="utf-8", errors="replace")[:20]
)

LAYOUTS: dict[str, Callable[[str], str]] = {
    "two-space margin": lambda s: re.sub(r"(?m)^", "  ", s),
    "four-space margin": lambda s: re.sub(r"(?m)^", "    ", s),
    "tab margin": lambda s: re.sub(r"(?m)^(?=.)", "\t", s),
    "CRLF": lambda s: s.replace("\r\n", "\n").replace("\n", "\r\n"),
    "trailing spaces": lambda s: re.sub(r"(?m)(?<=\S)$", "  ", s),
    "two blank lines between paragraphs": lambda s: s.replace("\n\n", "\n\n\n"),
}


def _turns(text: str) -> tuple[str, list[tuple[str | None, int | None, str | None]]]:
    t = transcriptkit.parse(text)
    ids: dict[str, int] = {}
    return t.kind, [
        (x.label, ids.setdefault(x.speaker_id, len(ids)) if x.speaker_id else None, x.role)
        for x in t.turns
    ]


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
@pytest.mark.parametrize("path", TEXTS, ids=lambda p: str(p.relative_to(FIXTURES)))
def test_layout_keeps_turns(path: Path, layout: str) -> None:
    text = path.read_text(encoding="utf-8", errors="replace")
    expected = _turns(text)
    if not expected[1]:
        pytest.skip("no turns to keep")
    assert _turns(LAYOUTS[layout](text)) == expected


def test_a_margin_does_not_hide_a_wrapped_label() -> None:
    # Invented: a label hard-wrapped inside its description, on a page with a margin.
    text = (
        "    NELL ARKWRIGHT, HOST: Tonight, the ferry that no longer runs.\n\n"
        "    Ms. PIA TORVALD (Harbour Master, Port of Edda, Retired\n"
        "    and Still Watching): It ran for sixty years. Then it stopped.\n\n"
        "    ARKWRIGHT: Why did it stop?\n"
    )
    t = transcriptkit.parse(text)
    assert [x.label for x in t.turns] == [
        "NELL ARKWRIGHT, HOST",
        "Ms. PIA TORVALD (Harbour Master, Port of Edda, Retired and Still Watching)",
        "ARKWRIGHT",
    ]


def test_a_margin_keeps_an_unlabelled_opening() -> None:
    # Invented: the host's opening paragraph before the first label, all indented.
    text = (
        "  This is EVENING LEDGER. I'm Rosa Quint. The river rose again overnight and the\n"
        "  town of Halden woke to water on its main street.\n\n"
        "  TOMAS BRECK, BYLINE: The water came fast, Rosa.\n\n"
        "  QUINT: How fast?\n"
    )
    t = transcriptkit.parse(text)
    assert t.kind == "transcript"
    assert [x.label for x in t.turns] == [None, "TOMAS BRECK, BYLINE", "QUINT"]
