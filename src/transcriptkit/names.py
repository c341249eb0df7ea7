"""Speaker names: one canonical spelling per person, and how short labels map to it."""

from __future__ import annotations

import regex

_SPACE = regex.compile(r"[\s\xa0\ufffd]++")


def canonical_name(raw: str) -> str:
    """Upper case, single spaces: `Mr. McGREE`'s name `McGREE` and `MCGREE` agree."""
    return _SPACE.sub(" ", raw).strip(" *").upper()


def within_one_edit(a: str, b: str) -> bool:
    """True when `a` and `b` differ by one inserted, deleted or replaced character
    (`PROFITT` and `PROFFITT`), so a one-letter slip in a label can be recognised."""
    if a == b or abs(len(a) - len(b)) > 1:
        return a == b
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1 :] == b[i + 1 :]
    return a[i:] == b[i + 1 :]
