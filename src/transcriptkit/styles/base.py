"""What a house style is: data, not code. A named preset of line rules, furniture and
the evidence that tells it apart, which the tokenizer consults before the shared rules."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from ..tokens import TokenKind

Pattern = regex.Pattern[str]


@dataclass(frozen=True, slots=True)
class LineRule:
    """One named rule matched at the start of a line (after leading spaces).

    - `LABEL`: the match is the label; groups read: `label` (as printed, else the whole
      match minus a final colon), `name`, `role`, `description`, `honorific`, `time`.
      An empty `name` marks an anonymous speaker change (live captions' `>>`).
    - `TIMESTAMP`: a timing line (`00:00:01.000 --> 00:00:04.000`); groups `time`, `end`.
    - `FURNITURE`, `HEADER`, `CUE`: the whole line; a HEADER rule's `value` group (and
      `field` from `header_field`) goes to the token fields, a CUE rule's `inner` group.
    """

    name: str
    pattern: Pattern
    kind: TokenKind
    header_field: str = ""


@dataclass(frozen=True, slots=True)
class Style:
    """A house style: `name` is what `parse(text, style=...)` takes.

    `evidence` are (pattern, weight) pairs searched in the opening of a text; the style
    whose evidence weighs most is picked. `captions` styles continue a turn while the same
    voice speaks and start the transcript at the first caption text.
    """

    name: str
    description: str
    evidence: tuple[tuple[Pattern, float], ...] = ()
    rules: tuple[LineRule, ...] = ()
    captions: bool = False


def evidence(*pairs: tuple[str, float]) -> tuple[tuple[Pattern, float], ...]:
    """Compile (pattern, weight) pairs; patterns are verbose and multi-line."""
    return tuple(
        (regex.compile(p, regex.VERBOSE | regex.MULTILINE | regex.V1), w) for p, w in pairs
    )


def rule(name: str, pattern: str, kind: TokenKind, header_field: str = "") -> LineRule:
    """A `LineRule` from a verbose pattern."""
    return LineRule(name, regex.compile(pattern, regex.VERBOSE | regex.V1), kind, header_field)
