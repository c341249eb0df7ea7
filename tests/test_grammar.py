"""The line grammar as data: named rules in order, and a style's edits to it."""

from __future__ import annotations

import pytest

import transcriptkit
from transcriptkit import TokenKind, tokenize
from transcriptkit.grammar import (
    UnknownRule,
    after,
    before,
    disable,
    edit,
    enable_only,
    move_before,
    replace_rule,
)
from transcriptkit.styles import Style, furniture
from transcriptkit.tokenizer import SHARED, grammar_for


def _names(rules: tuple[object, ...]) -> list[str]:
    return [r.name for r in rules]  # type: ignore[attr-defined]


def test_the_shared_table_is_named_and_ends_with_words() -> None:
    names = _names(SHARED)
    assert names[0] == "blank" and names[-1] == "words"
    assert len(set(names)) == len(names)
    assert "logo" not in names  # NPR's chrome is the npr preset's


def test_edits_disable_insert_replace_and_reorder() -> None:
    extra = furniture("harbor-chrome", r"harbor [ ] menu [ \t]*+ $")
    table = edit(
        SHARED,
        (
            disable("url"),
            before("cue", extra),
            move_before("date", "correction"),
            replace_rule("rule", furniture("rule", r"[ \t]*+ ~{3,} [ \t]*+ $")),
        ),
    )
    names = _names(table)
    assert "url" not in names
    assert names.index("harbor-chrome") == names.index("cue") - 1
    assert names.index("date") < names.index("correction")
    assert _names(edit(SHARED, (enable_only("blank", "words"),))) == ["blank", "words"]
    assert _names(edit(SHARED, (after("words", extra),)))[-1] == "harbor-chrome"
    with pytest.raises(UnknownRule):
        edit(SHARED, (disable("no-such-rule"),))


def test_a_style_switches_a_shared_rule_off() -> None:
    text = "https://example.org/story\n\nODA PELL: Hello there.\n"
    assert tokenize(text)[0].kind is TokenKind.HEADER
    plain = Style(name="no-links", description="links are words", grammar=(disable("url"),))
    assert tokenize(text, plain)[0].kind is TokenKind.TEXT
    doc = transcriptkit.parse(text, style=plain)
    assert doc.metadata.url is None


def test_a_site_chrome_rule_lives_in_its_preset() -> None:
    text = "NPR logo\n\nADA QUIST, HOST: Good morning.\n\n(SOUNDBITE OF MUSIC)\n"
    npr = transcriptkit.styles.get("npr")
    assert "logo" in _names(grammar_for(npr)[0:3]) or any(
        "logo" in r.name for r in grammar_for(npr)
    )
    assert tokenize(text, npr)[0].kind is TokenKind.FURNITURE
    assert tokenize(text, "generic")[0].kind is TokenKind.TEXT
