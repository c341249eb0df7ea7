"""What a house style is: data, not code. A named preset of line rules, furniture and
the evidence that tells it apart, which the tokenizer consults before the shared rules."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from ..grammar import Edit, GrammarRule
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
    # Edits to the shared grammar (`grammar.disable`, `before`, `after`, `replace_rule`,
    # `move_before`, `enable_only`), applied in order after `rules` are put in front.
    grammar: tuple[Edit, ...] = ()


_LITERAL = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
_NEEDLE_MIN = 3  # characters: a shorter literal is in almost every text, no help
# Punctuation that stands for itself in a pattern; two of them together (`):`, `>>`,
# `-->`) are rare enough in prose to be worth checking.
_PUNCT = frozenset(":,-><>/'\"&@=!%;~_`’“”•·")
_NEEDLE_MIN_MARKS = 2
_NEEDLES: dict[str, Needle | None] = {}


@dataclass(frozen=True, slots=True)
class Needle:
    """Literals one of which every match of a pattern contains; `folded`: compare with the
    text lower-cased (the literals come from a case-insensitive group and are lower case)."""

    literals: tuple[str, ...]
    folded: bool = False

    def found_in(self, text: str, lowered: str) -> bool:
        hay = lowered if self.folded else text
        literals = self.literals
        if len(literals) == 1:  # the common case, without a generator
            return literals[0] in hay
        return any(x in hay for x in literals)


def needle(pattern: Pattern) -> Needle | None:
    """What `pattern` cannot match without, or None: the best required piece of the
    pattern, a run of plain letters and digits outside escapes and classes (a class of one
    character, `[ ]`, is that character: the run goes on), or a group each
    of whose alternatives holds one (`(?: HOST | BYLINE )`, `(?i: hearing | committee )`),
    not made optional by a quantifier; one per top-level alternative. Detection tests it
    with `in`, far cheaper than the search, before the regex.
    """
    key = pattern.pattern
    if key not in _NEEDLES:
        found = None
        if not pattern.flags & regex.IGNORECASE:
            found = _alternatives(key)
        _NEEDLES[key] = found
    return _NEEDLES[key]


def _alternatives(p: str) -> Needle | None:
    out: list[str] = []
    folded = False
    branches = [_required(b) for b in _top_level_branches(p)]
    if any(b is None for b in branches):
        return None
    found = [b for b in branches if b is not None]
    folded = any(b.folded for b in found)
    for b in found:
        out.extend(x.lower() for x in b.literals) if folded else out.extend(b.literals)
    return Needle(tuple(dict.fromkeys(out)), folded)


def _skip_escape(p: str, i: int) -> int:
    """Index after the escape starting at `p[i]` (a backslash)."""
    c = p[i + 1 : i + 2]
    if c in ("p", "P", "N") and p[i + 2 : i + 3] == "{":
        return p.find("}", i) + 1 or len(p)
    return i + {"x": 4, "u": 6, "U": 10}.get(c, 2)


def _class_end(p: str, i: int) -> int:
    i += 1
    if p[i : i + 1] == "^":
        i += 1
    if p[i : i + 1] == "]":
        i += 1
    while i < len(p) and p[i] != "]":
        i = _skip_escape(p, i) if p[i] == "\\" else i + 1
    return i + 1


def _group_end(p: str, i: int) -> int:
    """Index after the group opened at `p[i]`."""
    depth = 0
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
            if depth == 0:
                return i + 1
        i += 1
    return len(p)


def _top_level_branches(p: str) -> list[str]:
    out, start, i = [], 0, 0
    while i < len(p):
        c = p[i]
        if c == "\\":
            i = _skip_escape(p, i)
        elif c == "[":
            i = _class_end(p, i)
        elif c == "(":
            i = _group_end(p, i)
        else:
            if c == "|":
                out.append(p[start:i])
                start = i + 1
            i += 1
    out.append(p[start:])
    return out


_GROUP_HEAD = regex.compile(r"\(\?(?::|P<\w+>|<\w+>|>|(?P<fold>i:))|\((?!\?)")


def _required(p: str) -> Needle | None:
    """The best required piece of a verbose pattern with no top-level `|`."""
    pieces: list[Needle] = []
    run, i = "", 0

    def end_run(keep: str) -> None:
        core = keep.replace(" ", "")  # a space is in every text: it makes no piece rare
        plain = core.isalnum()
        if len(core) >= (_NEEDLE_MIN if plain else _NEEDLE_MIN_MARKS):
            pieces.append(Needle((keep,)))

    while i < len(p):
        c = p[i]
        if c == "\\":
            escaped = p[i + 1 : i + 2]
            if escaped and not escaped.isalnum() and escaped not in " \t\n":
                run += escaped  # `\(`, `\.`: the character itself
                i += 2
                continue
            end_run(run)
            run, i = "", _skip_escape(p, i)
            continue
        if c == "[":
            end = _class_end(p, i)
            if end == i + 3 and p[i + 1] not in "\\^]":  # `[ ]`, `[.]`: that character
                run += p[i + 1]
            else:
                end_run(run)
                run = ""
            i = end
            continue
        if c == "+":  # the character before repeats: what follows may come after more of it
            end_run(run)
            run, i = "", i + 1
            continue
        if c in "?*{":  # the character before is optional (or repeated): end the run there
            end_run(run[:-1])
            run = ""
            i = (p.find("}", i) + 1 or len(p)) if c == "{" else i + 1
            continue
        if c == "(":
            end_run(run)
            run = ""
            end = _group_end(p, i)
            after = p[end:].lstrip(" \t\n")
            optional = after[:1] in ("?", "*") or after.startswith("{0")
            head = _GROUP_HEAD.match(p, i)
            if head and not optional:
                inner = _alternatives(p[head.end() : end - 1])
                if inner and head["fold"]:
                    inner = Needle(tuple(x.lower() for x in inner.literals), folded=True)
                if inner:
                    pieces.append(inner)
            i = end
            continue
        if c in _LITERAL or c in _PUNCT:
            run += c
        elif c not in " \t\n":  # verbose: spaces are nothing
            end_run(run)
            run = ""
        i += 1
    end_run(run)
    if not pieces:
        return None
    return max(pieces, key=lambda n: (min(len(a) for a in n.literals), -len(n.literals)))


def evidence(*pairs: tuple[str, float]) -> tuple[tuple[Pattern, float], ...]:
    """Compile (pattern, weight) pairs; patterns are verbose and multi-line."""
    return tuple(
        (regex.compile(p, regex.VERBOSE | regex.MULTILINE | regex.V1), w) for p, w in pairs
    )


def furniture(name: str, pattern: str) -> GrammarRule:
    """A whole-line furniture rule for a style's `grammar` edits: the line matches
    `pattern` (verbose, case-insensitive) from its start; the token's rule is `name` (the
    names `copyright`, `disclaimer`, `comments`, `transcript-end` end the transcript)."""
    compiled = regex.compile(pattern, regex.VERBOSE | regex.V1 | regex.IGNORECASE)
    return GrammarRule(name, f"furniture {name}", pattern=compiled)


def rule(name: str, pattern: str, kind: TokenKind, header_field: str = "") -> LineRule:
    """A `LineRule` from a verbose pattern."""
    return LineRule(name, regex.compile(pattern, regex.VERBOSE | regex.V1), kind, header_field)
