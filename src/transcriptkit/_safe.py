"""Text that cannot drive a terminal: escape sequences and control characters removed.

A transcript scraped from anywhere may hold `ESC [2J` (clear the screen), colour codes, an
OSC title or hyperlink, a bell or a backspace. Printed, they act on the reader's terminal;
stored in `Turn.text`, they reach every export. `strip_controls` takes them out of the
words (the source spans still cover them); `printable` is the last guard of everything the
view and the command line print, for transcripts built by hand as much as parsed ones.
"""

from __future__ import annotations

import re

from .models import Diagnostic

# ECMA-48 sequences, longest first: CSI (`ESC [` … final byte), OSC/DCS/SOS/PM/APC strings
# (their payload only when it ends, in BEL or ST, within _STRING characters on its line:
# an unterminated one must not swallow the words after it), then any other two-character
# escape; the 8-bit introducers too.
_STRING = 512
_ESCAPE = re.compile(
    r"(?:\x1b\[|\x9b)[\x30-\x3f]{0,64}[\x20-\x2f]{0,8}[\x40-\x7e]?"
    r"|(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])"
    rf"(?:[^\x07\x1b\x9c\n]{{0,{_STRING}}}(?:\x07|\x1b\\|\x9c))?"
    r"|\x1b[\x20-\x7e]?"
)
# Control characters but tab and line breaks (LF, CR, and VT and FF, which `str.split`
# takes for spaces): C0, DEL, C1.
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_UNSAFE = re.compile(f"{_ESCAPE.pattern}|{_CONTROL.pattern}")
# One character class: the cheap test before the alternation runs.
_ANY = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")
# Unicode bidirectional overrides can reorder what a terminal shows ("Trojan Source").
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")


def strip_controls(text: str) -> str:
    """`text` without terminal escape sequences and control characters (tab and line
    breaks kept): what the words of a turn may hold."""
    return _UNSAFE.sub("", text) if _ANY.search(text) else text


def printable(text: str) -> str:
    """`text` safe to print on one terminal line or many: escapes and controls removed,
    tabs as spaces, bidirectional overrides removed."""
    text = strip_controls(text).replace("\t", " ").replace("\r\n", "\n")
    text = text.replace("\r", " ").replace("\x0b", " ").replace("\x0c", " ")
    return _BIDI.sub("", text) if _BIDI.search(text) else text


def one_line(text: str) -> str:
    """`printable(text)` with line breaks as spaces: for messages of one line."""
    return " ".join(printable(text).split())


def control_diagnostics(text: str, *, in_spans: bool = True) -> list[Diagnostic]:
    """One warning saying where the first escape or control character stood and how many
    were removed from the words, or none. `in_spans`: the source spans still cover them
    (`parse` cleans only the words; the command line removes them before parsing)."""
    first = _UNSAFE.search(text) if _ANY.search(text) else None
    if first is None:
        return []
    found = _UNSAFE.findall(text)
    escapes = sum(1 for f in found if f[:1] in ("\x1b", "\x9b"))
    line = text.count("\n", 0, first.start()) + 1
    others = len(found) - escapes
    parts = [f"{escapes} terminal escape sequence(s)"] if escapes else []
    parts += [f"{others} control character(s)"] if others else []
    what = " and ".join(parts)
    return [
        Diagnostic(
            level="warning",
            code="control-characters-removed",
            message=f"line {line}: {what} (first {first[0][:8]!r}) removed from the text"
            + ("; the source spans still cover them" if in_spans else ""),
            line=line,
        )
    ]
