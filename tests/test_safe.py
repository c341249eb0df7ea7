"""Text that cannot drive a terminal (`_safe`) and binary sniffing (`_sniff`): properties."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from transcriptkit._safe import control_diagnostics, printable, strip_controls
from transcriptkit._sniff import nul_binary

# Everything a terminal acts on, by code point: C0 but LF, DEL, C1.
_ACTS = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f]")
_INTRODUCERS = "\x1b\x9b\x90\x98\x9d\x9e\x9f"

texts = st.text(
    alphabet=st.one_of(
        st.characters(codec="utf-8", exclude_categories=("Cs",)),
        st.sampled_from(list("\x1b[]0;m2J\x07\x08\r\t\n\x9b\x9c\\P")),
    ),
    max_size=200,
)


@given(texts)
def test_printable_leaves_nothing_a_terminal_acts_on(text: str) -> None:
    shown = printable(text)
    assert not _ACTS.search(shown)
    assert printable(shown) == shown


@given(texts)
def test_strip_controls_is_idempotent_and_keeps_line_breaks(text: str) -> None:
    once = strip_controls(text)
    assert strip_controls(once) == once
    assert once.count("\n") == text.count("\n")  # an escape never swallows a line
    assert "\x1b" not in once


@given(st.text(max_size=200))
def test_without_escapes_only_the_controls_go(text: str) -> None:
    text = "".join(c for c in text if c not in _INTRODUCERS)
    expected = "".join(
        c
        for c in text
        if not ("\x00" <= c <= "\x08" or "\x0e" <= c <= "\x1f" or "\x7f" <= c <= "\x9f")
    )
    assert strip_controls(text) == expected
    assert bool(control_diagnostics(text)) == (expected != text)


def test_sequences_go_whole() -> None:
    assert strip_controls("a\x1b[38;2;1;2;3mb\x1b[0m") == "ab"
    assert strip_controls("a\x1b]0;title\x07b") == "ab"
    assert strip_controls("a\x1b]8;;https://x.example\x1b\\link\x1b]8;;\x1b\\b") == "alinkb"
    # unterminated: the introducer goes, the words after it stay
    assert strip_controls("a\x1b]0;no end here") == "a0;no end here"


@given(st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0x7E), min_size=8))
def test_utf16_and_utf32_text_is_not_binary(text: str) -> None:
    for codec in ("utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"):
        assert nul_binary(text.encode(codec)) is None


def test_nuls_in_text_are_binary() -> None:
    assert nul_binary(b"plain text\x00\x01\x02 and more") == (
        "binary data (a NUL byte at byte offset 10)"
    )
    assert nul_binary(b"plain text") is None
