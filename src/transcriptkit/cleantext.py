"""Text hygiene for the words users read: spans keep the original, `text` is clean.

Scraped transcripts carry U+FFFD where a curly apostrophe was, non-breaking spaces,
HTML character references (`I&#8217;m`, `&nbsp;`), curly quotes, CRLF and trailing
spaces. None of that belongs in `Turn.text`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from html import unescape

import regex

from ._safe import strip_controls

# `don\ufffdt`, `it\ufffds`: a broken apostrophe between a word and its contraction.
_BROKEN_APOSTROPHE = regex.compile(r"(?<=\p{L})\ufffd(?=(?:s|t|d|m|ll|re|ve)\b)")
# Curly quotes and backticks, straightened one `str.replace` each: a `str.translate`
# by a table is a dictionary look-up per character, twenty times slower on long text.
_QUOTES = (
    ("‘", "'"),
    ("’", "'"),
    ("‚", "'"),
    ("‛", "'"),
    ("“", '"'),
    ("”", '"'),
    ("„", '"'),
    ("`", "'"),
)
_WORD = regex.compile(r"\p{L}[\p{L}'’\-]*")
_SMALL = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "but",
        "by",
        "for",
        "from",
        "in",
        "into",
        "of",
        "on",
        "or",
        "the",
        "to",
        "vs",
        "via",
        "with",
    ]
)
# Spaces `str.split` does not see: zero-width space and the byte-order mark.
_INVISIBLE = ("\u200b", "\ufeff")
# What `clean` changes besides quotes and spaces (controls, U+FFFD, the invisible
# spaces): a text without any cleans the same whole as piece by piece (`clean_joined`).
_PIECEWISE = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffd\u200b\ufeff]")


# An HTML character reference a scraped page left in its words (`I&#8217;m`, `&nbsp;`,
# `&amp;`), with its semicolon: `AT&T` and `&copy` in prose are words.
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def decode_entities(text: str) -> str:
    """`text` with its character references decoded (`&#8217;` is `’`)."""
    return _ENTITY.sub(lambda m: unescape(m[0]), text) if "&" in text else text


# `parse(..., normalize=False)` keeps quotes and backticks as printed (issue 12).
_NORMALIZE: ContextVar[bool] = ContextVar("transcriptkit_normalize", default=True)


@contextmanager
def normalizing(normalize: bool) -> Iterator[None]:
    """Within the block, `clean` straightens quotes and backticks only if `normalize`."""
    token = _NORMALIZE.set(normalize)
    try:
        yield
    finally:
        _NORMALIZE.reset(token)


def clean(text: str) -> str:
    """Character references decoded, straight quotes, single spaces, no U+FFFD, no
    terminal escapes or control characters; not stripped (callers join pieces)."""
    return _clean(decode_entities(text))


def _clean(text: str) -> str:
    """`clean`, for a text whose character references are decoded already."""
    text = strip_controls(text)  # issue 12: escapes never reach the words (see _safe.py)
    if "\ufffd" in text:
        text = _BROKEN_APOSTROPHE.sub("'", text).replace("\ufffd", " ")
    if _NORMALIZE.get():
        text = _straighten(text)
    spaced = text
    if not spaced.isascii():
        for invisible in _INVISIBLE:
            if invisible in spaced:
                spaced = spaced.replace(invisible, " ")
    return _spaced(text, spaced)


def clean_joined(texts: list[str]) -> str:
    """`join_clean([clean(t) for t in texts]).strip()`, the pieces' text cleaned in one go:
    the same text, as `clean` works a character at a time and collapses spaces, unless a
    control character, U+FFFD or an invisible space is in it (then piece by piece)."""
    joined = "".join(texts)
    if "&" in joined:
        texts = [decode_entities(t) for t in texts]
        joined = "".join(texts)
    if _PIECEWISE.search(joined):
        return join_clean([_clean(t) for t in texts]).strip()
    if _NORMALIZE.get():
        joined = _straighten(joined)
    return " ".join(joined.split())


def _straighten(text: str) -> str:
    if text.isascii():
        return text.replace("`", "'") if "`" in text else text
    for curly, straight in _QUOTES:
        if curly in text:
            text = text.replace(curly, straight)
    return text


def _spaced(text: str, spaced: str) -> str:
    """`spaced` (`text` with invisible spaces as spaces) with its runs of spaces as one,
    a space kept at either end where `text` has one there."""
    core = " ".join(spaced.split())
    if not core:
        return " " if text else ""
    return (" " if text[0].isspace() else "") + core + (" " if text[-1].isspace() else "")


def join_clean(pieces: list[str]) -> str:
    """Join already-clean pieces without doubling the space between them."""
    return join_clean_prefixes(pieces)[0]


def join_clean_prefixes(pieces: list[str]) -> tuple[str, list[int]]:
    """`join_clean(pieces)` and, for each k, the length of `join_clean(pieces[:k])`: where
    something standing between two pieces (a removed note) falls in the joined text."""
    parts: list[str] = []
    lengths = [0]
    total, space = 0, False
    for piece in pieces:
        if space and piece.startswith(" "):
            piece = piece[1:]
        parts.append(piece)
        total += len(piece)
        if piece:
            space = piece.endswith(" ")
        lengths.append(total)
    return "".join(parts), lengths


def looks_like_heading(text: str, words: int = 2) -> bool:
    """A headline: short, no full stop at the end, mostly capitalised words."""
    text = text.strip()
    if not 4 <= len(text) <= 200 or text.endswith((".", ",", ":", ";")):
        return False
    found, capitalised = capitals(text)
    if found < words:
        return False
    return capitalised / found >= 0.6


def capitals(text: str) -> tuple[int, int]:
    """(words, how many of them start with a capital), small words (`of`, `the`) aside."""
    found = [w for w in _WORD.findall(text) if w.lower() not in _SMALL]
    return len(found), sum(w[0].isupper() for w in found)
