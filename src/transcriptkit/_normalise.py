"""The text boundary: what every string is made into before any rule sees it.

Two things in a Python string break everything downstream, and both are fixed here, in
one place, one character for one character, so every offset into the normalised text is
the same offset into the caller's string (spans stay meaningful):

- a carriage return alone (classic Mac OS line ends, `One.\\rTwo.`) becomes a line feed:
  it ends a line for the tokenizer, for line numbers and for the readers of the dump;
  CRLF is kept as it is;
- a lone surrogate (U+D800-U+DFFF, from text read with `errors="surrogateescape"` or
  sliced out of UTF-16) becomes U+FFFD: no encoder can write it, so a model holding one
  could not be dumped to JSON, and no JSON holding one could be loaded back.

A zero-width space (U+200B, which pages leave in copied text) becomes a space, so no rule
misses a label behind one; so does a no-break or typographic space (`&nbsp;`, U+202F …),
so every rule that reads a space reads one there. All are reported as diagnostics.
`read_text` and `parse` call `normalise`; a string already normalised passes through
untouched (and unreported), so the second call is free.

`collector_paused` is the other half of the boundary: while a document is parsed, the
cyclic garbage collector is paused. A parse allocates a few small objects per line and
per token and keeps most of them until it ends; CPython's collector is triggered every
700 allocations and rescans the young survivors each time, which was more than half of
the time on turn-dense input (`A:` on 100,000 lines). A parse makes no reference cycles
worth collecting (tokens and drafts are trees), so nothing accumulates while it is off.
When a large parse ends, what it keeps is moved to the oldest generation unscanned
(`gc.freeze()` then `gc.unfreeze()`), instead of being scanned young when the collector
is back on.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps
from typing import Any, ParamSpec, TypeVar

from .models import Diagnostic

_P = ParamSpec("_P")
_R = TypeVar("_R")

_LONE_CR = re.compile("\r(?!\n)")
_SURROGATE = re.compile("[\ud800-\udfff]")


def normalise(text: str, *, mixed_line_ends: bool = False) -> tuple[str, list[Diagnostic]]:
    """`text` with lone CRs as LFs and lone surrogates as U+FFFD, same length, and one
    diagnostic per kind of change (with the line of the first). With `mixed_line_ends`,
    CRLF and LF in one text are noted too (the reader says so about a file; `parse` does
    not repeat it)."""
    notes: list[Diagnostic] = []
    if "\r" in text:
        text, note = _line_ends(text, mixed_line_ends)
        if note:
            notes.append(note)
    text, note = replace_surrogates(text)
    if note:
        notes.append(note)
    if "\u200b" in text:
        text, note = _zero_width_spaces(text)
        notes.append(note)
    if first := _ODD_SPACE.search(text):
        text, note = _odd_spaces(text, first)
        notes.append(note)
    if note := html_note(text):
        notes.append(note)
    return text, notes


def _zero_width_spaces(text: str) -> tuple[str, Diagnostic]:
    """`text` with each zero-width space (U+200B, left by a page's copy) as a space, one
    character for one: a rule never sees `ADA\u200bQUIST:` as two words glued, nor misses
    a label behind one."""
    at = text.index("\u200b")
    line = text.count("\n", 0, at) + 1
    count = text.count("\u200b")
    return text.replace("\u200b", " "), Diagnostic(
        level="info",
        code="zero-width-spaces",
        message=f"{count} zero-width space(s) (U+200B), the first on line {line}, read as spaces",
        line=line,
    )


# Spaces a page prints that are no ASCII space: no-break (U+00A0, `&nbsp;`), narrow
# no-break, figure, thin, hair and the other typographic widths, ideographic.
_ODD_SPACES = "\u00a0\u2000-\u200a\u202f\u205f\u3000"
_ODD_SPACE = re.compile(f"[{_ODD_SPACES}]")
_ANY_SPACE_LIKE = re.compile(f"[{_ODD_SPACES}\u200b]")  # and the zero-width space


def as_ascii_spaces(text: str) -> str:
    """`text` with every space `normalise` turns into an ASCII one already turned, with no
    report: for a repair (mojibake's `Â\u00a0`) that runs after `normalise` and reports itself."""
    return _ANY_SPACE_LIKE.sub(" ", text)


def _odd_spaces(text: str, first: re.Match[str]) -> tuple[str, Diagnostic]:
    """`text` with each typographic space (`_ODD_SPACE`; `first`, the first found) as a
    space, one character for one: `Q.\u00a0How` is `Q.` and its question, `Good
    evening.\u00a0I'm` two sentences, to every rule that reads a space."""
    line = text.count("\n", 0, first.start()) + 1
    spaced, count = _ODD_SPACE.subn(" ", text)
    return spaced, Diagnostic(
        level="info",
        code="typographic-spaces",
        message=f"{count} no-break or typographic space(s) such as U+{ord(first[0]):04X}, "
        f"the first on line {line}, read as spaces",
        line=line,
    )


def replace_surrogates(text: str) -> tuple[str, Diagnostic | None]:
    """`text` with lone surrogates as U+FFFD (same length), and a diagnostic naming the
    first, or None when there is none."""
    if not _has_surrogate(text) or not (first := _SURROGATE.search(text)):
        return text, None
    count = len(_SURROGATE.findall(text))
    at = first.start()
    line = text.count("\n", 0, at) + 1
    column = at - (text.rfind("\n", 0, at) + 1) + 1
    return _SURROGATE.sub("\ufffd", text), Diagnostic(
        level="warning",
        code="unencodable-characters",
        message=f"line {line}, column {column}: {count} lone surrogate(s) such as "
        f"U+{ord(first[0]):04X}, which no encoding can write (text decoded with "
        "errors='surrogateescape'?); replaced by U+FFFD",
        line=line,
    )


def _has_surrogate(text: str) -> bool:
    """Whether `text` holds a lone surrogate: UTF-8 can encode every other character, and
    the codec finds out several times faster than a regex scan (a parse asks four times)."""
    if text.isascii():
        return False
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def replace_surrogates_in(value: Any) -> tuple[Any, Diagnostic | None]:
    """A loaded JSON value (speech-recognition output) with lone surrogates in its strings
    (keys too) replaced by U+FFFD, as `normalise` does for text: JSON's `\\ud800` escapes
    load as lone surrogates, which no dump of the transcript could write. The value is
    copied only where a string in it changes; None when none does."""
    found = 0

    def fix(v: Any) -> Any:
        nonlocal found
        if isinstance(v, str):
            if v.isascii() or not _SURROGATE.search(v):
                return v
            found += len(_SURROGATE.findall(v))
            return _SURROGATE.sub("\ufffd", v)
        before = found
        if isinstance(v, dict):
            items = {fix(k): fix(x) for k, x in v.items()}
            return items if found > before else v
        if isinstance(v, list):
            fixed = [fix(x) for x in v]
            return fixed if found > before else v
        return v

    try:
        out = fix(value)
    except RecursionError:  # deeper than any vendor's JSON: left as it is
        return value, None
    if not found:
        return value, None
    return out, Diagnostic(
        level="warning",
        code="unencodable-characters",
        message=f"{found} lone surrogate(s) in the strings of the input (`\\ud800` escapes "
        "in JSON?), which no encoding can write; replaced by U+FFFD",
    )


def _line_ends(text: str, mixed: bool) -> tuple[str, Diagnostic | None]:
    """Lone CRs made LFs and noted; mixed CRLF and LF noted (both end a line)."""
    crlf = text.count("\r\n")
    lf = text.count("\n") - crlf
    first_cr = _LONE_CR.search(text)
    if first_cr:
        cr = text.count("\r") - crlf
        line = text.count("\n", 0, first_cr.start()) + 1
        return _LONE_CR.sub("\n", text), Diagnostic(
            level="info",
            code="line-endings",
            message=f"line {line}: {cr} line(s) end in a carriage return alone (classic Mac "
            f"OS), read as line feeds; the other line ends: {crlf} CRLF, {lf} LF",
            line=line,
        )
    if mixed and crlf and lf and (first_lf := re.search("(?<!\r)\n", text)):
        line = text.count("\n", 0, first_lf.start()) + 1
        return text, Diagnostic(
            level="info",
            code="line-endings",
            message=f"mixed line ends: {crlf} CRLF and {lf} LF (first LF at line {line}); "
            "both end a line",
            line=line,
        )
    return text, None


# Young objects (allocations less deallocations the collector counts) a paused block may
# leave before they are moved to the oldest generation unscanned: a few thousand is a
# small document's worth, scanned in well under a millisecond; a turn-dense megabyte
# leaves millions, whose first scan alone was a tenth of the parse.
_PROMOTE_AFTER = 100_000


@contextmanager
def collector_paused() -> Iterator[None]:
    """The cyclic garbage collector off for the block, and back as it was after it (also
    when the block raises). Re-entrant: an inner pause leaves an outer one alone, and a
    caller who turned the collector off keeps it off."""
    was_enabled = gc.isenabled()
    if was_enabled:
        gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            if gc.get_count()[0] > _PROMOTE_AFTER and not gc.get_freeze_count():
                # What a large parse made and kept (a model per turn) goes straight to the
                # oldest generation: re-enabled, the collector would scan every one of
                # those young survivors at once, and again on each promotion. (A caller's
                # own frozen objects are left alone: nothing is done if there are any.)
                gc.freeze()
                gc.unfreeze()
            gc.enable()


def paused_collector(function: Callable[_P, _R]) -> Callable[_P, _R]:
    """`function` run with the collector paused (see `collector_paused`)."""

    @wraps(function)
    def paused(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        with collector_paused():
            return function(*args, **kwargs)

    return paused


# An HTML tag of the kinds pages are made of, up to 500 characters long.
_HTML_TAG = re.compile(
    r"</?(?:html|head|body|div|p|br|span|a|li|ul|ol|h[1-6]|article|section|main|header|"
    r"footer|nav|script|style|meta|link|table|tr|td|img|figure|button|form|input)\b[^<>]{0,500}>",
    re.IGNORECASE,
)
_HTML_START = re.compile(r"\A[\s\ufeff]*<(?:!doctype\s+html|html\b)", re.IGNORECASE)
# Tags in the first this many characters decide whether a text is an HTML page.
_HTML_WINDOW = 100_000
# ... at least this many of them (a transcript quoting `<p>` once or twice is not a page),
_HTML_MIN_TAGS = 20
# ... making up at least this share of the characters.
_HTML_SHARE = 0.05


def html_note(text: str) -> Diagnostic | None:
    """A warning when `text` is an HTML page, not text: it starts with `<!DOCTYPE html>` or
    `<html>`, or page tags make up a good share of it. The tags are read as they stand
    (the words between them still become turns); the diagnostic says to extract the text
    first for a full reading."""
    window = text[:_HTML_WINDOW]
    if "<" not in window:
        return None
    tags = _HTML_TAG.findall(window)
    share = sum(map(len, tags)) / max(1, len(window))
    if not _HTML_START.match(window) and (len(tags) < _HTML_MIN_TAGS or share < _HTML_SHARE):
        return None
    shown = ", ".join(dict.fromkeys(t.split()[0].rstrip(">") + ">" for t in tags[:50]).keys())
    return Diagnostic(
        level="warning",
        code="html-page",
        message=f"this text is an HTML page ({len(tags)} tags in its first "
        f"{len(window):,} characters, such as {shown[:80]}): the words between the tags are "
        "read, the tags stay in the spans; convert the page to text first (an HTML-to-text "
        "tool) for a reading that keeps its paragraphs",
        line=1,
    )
