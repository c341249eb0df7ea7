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


_LITERAL = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
_NEEDLE_MIN = 3  # characters: a shorter literal is in almost every text, no help
_NEEDLES: dict[str, tuple[str, ...] | None] = {}


def needle(pattern: Pattern) -> tuple[str, ...] | None:
    """Literals one of which every match of `pattern` contains, or None: for each top-level
    alternative, its longest run of plain letters and digits outside groups, classes and
    escapes and not made optional by a quantifier. Case-insensitive patterns have none.
    Detection tests them with `in`, which is far cheaper than the search, before the regex.
    """
    key = pattern.pattern
    if key not in _NEEDLES:
        found: tuple[str, ...] | None = None
        if not pattern.flags & regex.IGNORECASE:
            branches = [_required_literal(b) for b in _top_level_branches(key)]
            if all(branches):
                found = tuple(b for b in branches if b)
        _NEEDLES[key] = found
    return _NEEDLES[key]


def _skip_escape(p: str, i: int) -> int:
    """Index after the escape starting at `p[i]` (a backslash)."""
    c = p[i + 1 : i + 2]
    if c in ("p", "P", "N") and p[i + 2 : i + 3] == "{":
        return p.find("}", i) + 1 or len(p)
    return i + {"x": 4, "u": 6, "U": 10}.get(c, 2)


def _top_level_branches(p: str) -> list[str]:
    out, depth, start, i = [], 0, 0, 0
    while i < len(p):
        c = p[i]
        if c == "\\":
            i = _skip_escape(p, i)
            continue
        if c == "[":
            i = _class_end(p, i)
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            out.append(p[start:i])
            start = i + 1
        i += 1
    out.append(p[start:])
    return out


def _class_end(p: str, i: int) -> int:
    i += 1
    if p[i : i + 1] == "^":
        i += 1
    if p[i : i + 1] == "]":
        i += 1
    while i < len(p) and p[i] != "]":
        i = _skip_escape(p, i) if p[i] == "\\" else i + 1
    return i + 1


def _required_literal(p: str) -> str | None:
    """The longest literal run at depth 0 of a verbose pattern with no top-level `|`."""
    runs: list[str] = []
    run, depth, i = "", 0, 0
    while i < len(p):
        c = p[i]
        if c == "\\":
            runs.append(run)
            run, i = "", _skip_escape(p, i)
            continue
        if c == "[":
            runs.append(run)
            run, i = "", _class_end(p, i)
            continue
        if c in "?*{":  # the character before is optional (or repeated): end the run there
            runs.append(run[:-1])
            run = ""
            if c == "{":
                i = p.find("}", i) + 1 or len(p)
                continue
        elif c == "(":
            runs.append(run)
            run, depth = "", depth + 1
        elif c == ")":
            depth -= 1
        elif depth == 0 and c in _LITERAL:
            run += c
        elif c not in " \t\n+":  # verbose: spaces are nothing; `+` repeats, never removes
            runs.append(run)
            run = ""
        i += 1
    runs.append(run)
    best = max(runs, key=len)
    return best if len(best) >= _NEEDLE_MIN else None


def evidence(*pairs: tuple[str, float]) -> tuple[tuple[Pattern, float], ...]:
    """Compile (pattern, weight) pairs; patterns are verbose and multi-line."""
    return tuple(
        (regex.compile(p, regex.VERBOSE | regex.MULTILINE | regex.V1), w) for p, w in pairs
    )


def rule(name: str, pattern: str, kind: TokenKind, header_field: str = "") -> LineRule:
    """A `LineRule` from a verbose pattern."""
    return LineRule(name, regex.compile(pattern, regex.VERBOSE | regex.V1), kind, header_field)
