"""The line grammar as data: named rules in a declared order, and the edits a house style
makes to it (in the spirit of markdown-it-py's `Ruler` and Pygments' token tables).

A `GrammarRule` says what one line is (blank, furniture, a cue, a header, a label and its
words). The shared table lives in `tokenizer.SHARED`; a `Style` carries `grammar` edits
(`disable`, `enable_only`, `before`, `after`, `replace`, `move_before`), applied in order to
a copy of the shared table, so a site can switch a shared rule off (CNN's rush notice is not
the end of its transcript), put its own rule in front of one, or reorder two, without code.
Whole-line furniture patterns next to each other in the final order are matched as one
alternation (one call for a line, not one per pattern): `compile_rules` does it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import regex

from . import rules
from .tokens import NO_FIELDS, Token, TokenKind

if TYPE_CHECKING:  # pragma: no cover
    Pattern = regex.Pattern[str]

Result = tuple[int, list[Token]]  # (lines consumed, tokens)


# A line this long is paragraphs run together (a transcript flattened onto one line): a
# whole-line rule that claims it claims only its start (see `LineState.whole`). The longest
# furniture or header line of the corpus is a few hundred characters.
LONG_LINE = 1000  # characters
# How far into a long line the end of what a rule recognises is looked for: a header, a
# notice or an embed is one sentence or one tag, never longer than this.
HEAD_REACH = 2000  # characters

# Where a flattened line's furniture or header stops: the end of a sentence (`.`, `!` or
# `?`, closing quotes and brackets included) or of an HTML tag, before a space.
_HEAD_END = regex.compile(r"""[.!?]["'”’)\]]*+(?=\s)|>(?=\s)""")
# ... or, sooner, a speaker's label after a space (`June 12, 2025 KELLY OKAFOR, HOST: ...`).
_WORD_START = regex.compile(r"(?<=\s)\p{Lu}")

# What tokenises the rest of a long line once a rule has claimed its start:
# (text, its offset, its line number) -> tokens.
Rest = Callable[[str, int, int], list[Token]]


@dataclass(slots=True)
class LineState:
    """One line, with the facts every rule needs computed once (markdown-it's StateBlock)."""

    lines: list[tuple[int, int, str]]
    index: int
    start: int
    number: int
    line: str  # with its newline
    body: str  # without it
    stripped: str  # body without leading whitespace
    first: str  # the first character of `stripped` ("" on a blank line)
    rest: Rest | None = None  # tokenises what a rule leaves of a long line

    def whole(self, kind: TokenKind, rule: str, **fields: str) -> Result:
        """The whole line as one token; on a line over `LONG_LINE` characters (a flattened
        document), only what the rule recognises: the token ends at `head_end`, and the
        rest of the line is tokenised again (labels, notes, words), so a date, an embed
        or a notice in front of a transcript joined onto one line cannot swallow its turns
        (issue 11). Whatever the token holds beyond what the models keep is counted by
        the `left-out` diagnostic (`_accounting.left_out`)."""
        line = self.line
        cut = head_end(self.body) if self.rest is not None else None
        if cut is None or self.rest is None:
            token = Token(
                kind,
                line,
                self.start,
                self.start + len(line),
                self.number,
                rule,
                fields or NO_FIELDS,
            )
            return 1, [token]
        value = fields.get("value")
        if value is not None:  # a header keeps the part of its value its head holds
            at = self.body.find(value)
            fields = {**fields, "value": self.body[at:cut].strip() if 0 <= at < cut else ""}
        head = Token(
            kind, line[:cut], self.start, self.start + cut, self.number, rule, fields or NO_FIELDS
        )
        return 1, [head, *self.rest(line[cut:], self.start + cut, self.number)]


def head_end(body: str) -> int | None:
    """Where what a whole-line rule recognises ends in a line over `LONG_LINE` characters:
    at the end of its first sentence or tag, or before a speaker's label that comes
    sooner; None for a line not that long, or one with nothing but space after its head
    (the rule claims all of it)."""
    if len(body) <= LONG_LINE:
        return None
    end = _HEAD_END.search(body, 0, HEAD_REACH)
    stop = end.end() if end is not None else min(len(body), HEAD_REACH)
    for word in _WORD_START.finditer(body, 1, stop):
        label = rules.LABEL.match(body, word.start(), min(len(body), word.start() + HEAD_REACH))
        if label is not None and not label["titlename"] and label["glue"] is None:
            stop = word.start()
            break
    else:
        if end is None:
            return None
    return stop if body[stop:].strip() else None


@dataclass(frozen=True, slots=True)
class GrammarRule:
    """One named rule of the line grammar.

    `apply` returns the tokens of the line (and how many lines it consumed) or None when
    the rule does not claim the line. Guards, checked before `apply` runs: `starts` (the
    first non-blank character is one of these), `needs` (the line holds this literal).
    A rule with a `pattern` and no `apply` claims a whole line the pattern matches as
    FURNITURE named `name` (adjacent ones are matched as one alternation).
    """

    name: str
    doc: str
    apply: Callable[[LineState], Result | None] | None = None
    starts: frozenset[str] | None = None
    needs: str = ""
    pattern: Pattern | None = None


@dataclass(frozen=True, slots=True)
class Edit:
    """One change a style makes to the shared grammar (see the module docstring)."""

    op: str  # disable | enable_only | before | after | replace | move_before
    target: str
    rules: tuple[GrammarRule, ...] = ()
    names: tuple[str, ...] = ()


def disable(*names: str) -> Edit:
    """Switch shared rules off by name (every rule of that name)."""
    return Edit("disable", "", names=names)


def enable_only(*names: str) -> Edit:
    """Keep only the rules of these names."""
    return Edit("enable_only", "", names=names)


def before(target: str, *rules: GrammarRule) -> Edit:
    """Insert rules before the first rule called `target`."""
    return Edit("before", target, rules=rules)


def after(target: str, *rules: GrammarRule) -> Edit:
    """Insert rules after the last rule called `target`."""
    return Edit("after", target, rules=rules)


def replace_rule(target: str, rule: GrammarRule) -> Edit:
    """Put `rule` where every rule called `target` was."""
    return Edit("replace", target, rules=(rule,))


def move_before(name: str, target: str) -> Edit:
    """Move the rules called `name` in front of the first rule called `target`."""
    return Edit("move_before", target, names=(name,))


class UnknownRule(KeyError):
    """An edit names a rule the grammar does not have."""


def edit(rules: Sequence[GrammarRule], edits: Sequence[Edit]) -> tuple[GrammarRule, ...]:
    """`rules` with `edits` applied in order."""
    out = list(rules)
    for e in edits:
        names = {r.name for r in out}
        missing = [n for n in (*e.names, *([e.target] if e.target else [])) if n not in names]
        if missing:
            raise UnknownRule(f"grammar edit {e.op}: no rule named {missing[0]!r}")
        if e.op == "disable":
            out = [r for r in out if r.name not in e.names]
        elif e.op == "enable_only":
            out = [r for r in out if r.name in e.names]
        elif e.op == "before":
            at = next(i for i, r in enumerate(out) if r.name == e.target)
            out[at:at] = e.rules
        elif e.op == "after":
            at = max(i for i, r in enumerate(out) if r.name == e.target) + 1
            out[at:at] = e.rules
        elif e.op == "replace":
            at = next(i for i, r in enumerate(out) if r.name == e.target)
            out = [r for r in out if r.name != e.target]
            out[at:at] = e.rules
        elif e.op == "move_before":
            moved = [r for r in out if r.name in e.names]
            out = [r for r in out if r.name not in e.names]
            at = next(i for i, r in enumerate(out) if r.name == e.target)
            out[at:at] = moved
        else:
            raise ValueError(f"unknown grammar edit {e.op!r}")
    return tuple(out)


def compile_rules(rules: Sequence[GrammarRule]) -> tuple[GrammarRule, ...]:
    """The rules ready to run: each run of adjacent whole-line furniture patterns becomes
    one rule whose pattern is their alternation (the group that matched names the rule)."""
    out: list[GrammarRule] = []
    run: list[GrammarRule] = []

    def flush() -> None:
        if len(run) == 1:
            out.append(_furniture(run[0].name, run))
        elif run:
            out.append(_furniture("+".join(r.name for r in run), run))
        run.clear()

    for r in rules:
        if r.apply is None and r.pattern is not None:
            run.append(r)
        else:
            flush()
            out.append(r)
    flush()
    return tuple(out)


def _furniture(name: str, run: list[GrammarRule]) -> GrammarRule:
    assert all(r.pattern is not None for r in run)
    names = {f"f{i}": r.name for i, r in enumerate(run)}
    flags = regex.VERBOSE | regex.V1 | regex.IGNORECASE
    combined = regex.compile(
        "|".join(f"(?P<f{i}>{r.pattern.pattern})" for i, r in enumerate(run) if r.pattern),
        flags,
    )
    # The same alternation without the groups that name the rule: cheaper to fail, which
    # is what it does on almost every line.
    gate = regex.compile("|".join(f"(?:{r.pattern.pattern})" for r in run if r.pattern), flags)

    def apply(state: LineState) -> Result | None:
        if gate.match(state.body) is None:
            return None
        m = combined.match(state.body)
        assert m is not None  # the same alternatives
        return state.whole(TokenKind.FURNITURE, names[m.lastgroup or ""])

    return GrammarRule(name, "page furniture: " + ", ".join(r.name for r in run), apply)


def rename(rule: GrammarRule, name: str) -> GrammarRule:
    """The same rule under another name (a preset's copy of a shared rule)."""
    return replace(rule, name=name)
