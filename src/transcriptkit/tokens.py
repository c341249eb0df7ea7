"""The token stream: what each piece of the input is, and exactly where it came from.

Tokens partition the input: concatenating `text` of every token gives the input back,
character for character. That is what makes every model built on them lossless.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import NoReturn


class TokenKind(StrEnum):
    LABEL = "label"  # a speaker label, colon included: `KELLY:`
    CUE = "cue"  # a line holding only a stage or sound note: `(SOUNDBITE OF MUSIC)`
    NOTE = "note"  # a note inside spoken words: `(LAUGHTER)`, `(ph)`
    HEADER = "header"  # a metadata line: title, date, URL, correction, program
    FURNITURE = "furniture"  # scraped page chrome: `NPR logo`, `• Download`, copyright
    MARKUP = "markup"  # markup or ids before a label: `<p>`, `[s0011]`
    TIMESTAMP = "timestamp"  # a time printed before words: `[00:01:05]`, `0:06.2 |`
    TEXT = "text"  # words
    BLANK = "blank"  # a line of nothing but whitespace


class _NoFields(dict[str, str]):
    """The `fields` of every token that has none (most of them: words, blank lines): one
    shared empty dict, so a long text costs no dict per token (issue 11). It is read-only:
    writing to it raises, instead of changing every such token at once."""

    __slots__ = ()

    def _refuse(self, *args: object, **kwargs: object) -> NoReturn:
        raise TypeError("this token's fields are the shared empty NO_FIELDS: give it a dict")

    __setitem__ = __delitem__ = setdefault = update = pop = popitem = clear = _refuse
    __ior__ = _refuse


NO_FIELDS: dict[str, str] = _NoFields()


def _no_fields() -> dict[str, str]:
    return NO_FIELDS


@dataclass(slots=True)
class Token:
    """One piece of the input.

    `start`/`end` are character offsets into the input; `line` is the 1-based line the
    token starts on; `fields` holds what a rule recognized (a label's `name`, `role`,
    `description`; a header's `field` and `value`; a cue's `inner`).
    """

    kind: TokenKind
    text: str
    start: int
    end: int
    line: int
    rule: str = ""
    fields: dict[str, str] = field(default_factory=_no_fields)

    @property
    def span(self) -> tuple[int, int]:
        return (self.start, self.end)

    @property
    def is_cue_timing(self) -> bool:
        """A caption cue's timing line: `00:00:01.000 --> 00:00:04.000`."""
        return self.kind is TokenKind.TIMESTAMP and "end" in self.fields
