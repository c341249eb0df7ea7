"""A gate in front of a house style's line rules turns away only lines none of them claims."""

from __future__ import annotations

from pathlib import Path

import regex
from hypothesis import given
from hypothesis import strategies as st

from transcriptkit.styles import rule, styles
from transcriptkit.tokenizer import _gate
from transcriptkit.tokens import TokenKind

_FIXTURES = Path(__file__).parent / "fixtures"
_INDENT = " \t\ufeff"


def _lines() -> list[str]:
    out: list[str] = []
    for path in sorted(_FIXTURES.glob("**/*.txt")):
        out.extend(path.read_text(encoding="utf-8", errors="replace").splitlines())
    return out


def _claimed(patterns: tuple[regex.Pattern[str], ...], body: str) -> bool:
    at = len(body) - len(body.lstrip(_INDENT))
    return any(p.match(body, at) for p in patterns)


def test_every_style_gate_lets_through_each_line_one_of_its_rules_claims() -> None:
    lines = _lines()
    gated = 0
    for style in styles():
        gate = _gate(style.rules) if len(style.rules) > 1 else None
        if gate is None:
            continue
        gated += 1
        patterns = tuple(r.pattern for r in style.rules)
        for body in lines:
            if _claimed(patterns, body):
                assert gate.match(body), (style.name, body)
    assert gated  # the built-in styles have gates to check


_SHAPES = st.sampled_from(
    ["ANA RUIZ:", ">>", "00:00:01.000 --> 00:00:02.000", "# note", "Q.", "  ", "\t", "\ufeff", ":"]
)


@given(st.lists(st.one_of(_SHAPES, st.text(max_size=6)), max_size=5).map(" ".join))
def test_a_gate_turns_away_only_lines_no_rule_matches(body: str) -> None:
    rules = (
        rule("caps", r"[A-Z]{2,}+ [ ] [A-Z]++ : # a label in capitals", TokenKind.LABEL),
        rule("change", r">> [ \t]*+", TokenKind.LABEL),
        rule("timing", r"\d\d:\d\d:\d\d\.\d{3} [ ] --> ", TokenKind.TIMESTAMP),
    )
    gate = _gate(rules)
    assert gate is not None
    if _claimed(tuple(r.pattern for r in rules), body):
        assert gate.match(body)


def test_patterns_that_depend_on_where_matching_starts_get_no_gate() -> None:
    plain = rule("plain", r"ANA:", TokenKind.LABEL)
    for risky in (r"^ANA:", r"(?<=\s)ANA:", r"(ANA)\1:", r"(?i)ana:", r"\AANA:"):
        assert _gate((plain, rule("risky", risky, TokenKind.LABEL))) is None
    assert _gate((plain, rule("class", r"[^:]{1,9}+:", TokenKind.LABEL))) is not None
