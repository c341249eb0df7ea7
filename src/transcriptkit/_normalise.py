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

Both are reported as diagnostics. `read_text` and `parse` call `normalise`; a string
already normalised passes through untouched (and unreported), so the second call is free.
"""

from __future__ import annotations

import re

from .models import Diagnostic

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
    if not text.isascii() and (first := _SURROGATE.search(text)):
        count = len(_SURROGATE.findall(text))
        at = first.start()
        line = text.count("\n", 0, at) + 1
        column = at - (text.rfind("\n", 0, at) + 1) + 1
        text = _SURROGATE.sub("\ufffd", text)
        notes.append(
            Diagnostic(
                level="warning",
                code="unencodable-characters",
                message=f"line {line}, column {column}: {count} lone surrogate(s) such as "
                f"U+{ord(first[0]):04X}, which no encoding can write (text decoded with "
                "errors='surrogateescape'?); replaced by U+FFFD",
                line=line,
            )
        )
    return text, notes


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
