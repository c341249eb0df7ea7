"""Text to tokens: what each line (and each piece of a line) of a transcript is.

Two stages. Line rules look at one line at a time (is it a label, a cue, furniture, a
header?). Document passes then use what the line rules found across the whole text:
labels run into the middle of a paragraph, Title Case labels kept only where a document
really labels that way, and the headline that scraped pages repeat.
"""

from __future__ import annotations

import textwrap
from collections import Counter
from collections.abc import Callable, Iterator
from itertools import pairwise

import regex

from . import rules
from ._normalise import normalise, paused_collector
from .cleantext import _SMALL as SMALL_WORDS
from .cleantext import looks_like_heading
from .conventions import ShapeDecision, line_numbers, may_head, propose, settle
from .csvtable import read_csv_tables
from .grammar import (
    LONG_LINE,
    GrammarRule,
    LineState,
    Result,
    compile_rules,
    edit,
    head_end,
)
from .names import canonical_name
from .pipetable import read_pipe_tables
from .styles import Style, detect, get
from .styles.base import LineRule
from .styles.captions import INLINE_SPEAKER_CHANGE, INLINE_TAG
from .tokens import Token, TokenKind

_WS = " \t\r\n\xa0\ufeff"
_DIGIT = regex.compile(r"\d")
_STAMP_START = frozenset("[(0123456789")
# Kinds of whole-line token a style rule makes that a long line is cut after (a cue keeps
# its line: its words are in the cue).
_CUT = frozenset({TokenKind.HEADER, TokenKind.FURNITURE})
# Caption markup and HTML tags inside a line, in one pass.
_INLINE_MARKUP = regex.compile(
    f"{INLINE_TAG.pattern} | {rules.HTML_TAG.pattern}", regex.VERBOSE | regex.V1
)


@paused_collector  # issue 11: no collector rescans of the young tokens
def tokenize(text: str, style: Style | str | None = None) -> list[Token]:
    """Split `text` into tokens that cover it exactly, in order.

    `style` is a house style (or its name) whose rules are tried before the shared ones;
    by default the style is detected from the text. Lone CRs and lone surrogates are
    normalised first (see `_normalise`): the tokens cover that text, which has the same
    length and the same offsets.
    """
    return tokenize_report(text, style)[0]


def tokenize_report(
    text: str, style: Style | str | None = None
) -> tuple[list[Token], list[ShapeDecision]]:
    """`tokenize`, and the label shapes the document's evidence accepted or rejected."""
    text, notes = normalise(text)  # issue 11: the text boundary
    chosen = resolve_style(text, style)[0]
    grammar, plan = _compiled(chosen)
    page = any(n.code == "html-page" for n in notes)
    lines = list(_lines(text, blocks=page))
    # A court reporter's line numbers (`1-08   THE COURT: ...`) in front of most lines: the
    # rules read each line without its number, which becomes markup.
    numbers = {} if chosen.captions else line_numbers(lines)
    # A margin every line shares (a page pasted or quoted with one) is layout: the rules
    # read each line without it, and it goes back in front of the line's first token.
    margin = 0 if chosen.captions or numbers else _margin(lines)
    original = list(lines) if numbers else None
    for i, width in numbers.items():
        start, number, line = lines[i]
        lines[i] = (start + width, number, line[width:])
    tokens: list[Token] = []
    index = 0
    in_cue = False  # caption styles: from a cue's timing line to the next blank line
    blank_first = grammar[0] is SHARED[0]  # the shared `blank` rule is tried first
    while index < len(lines):
        if chosen.captions and (in_cue or _before_timing(lines, index)):
            consumed, line_tokens = 1, _cue_text_line(lines[index], chosen.rules)
        elif blank_first and not (entry := lines[index])[2].strip(_WS):
            # The `blank` rule's own token, without the line state the other rules need.
            start, number, line = entry
            consumed = 1
            line_tokens = [Token(TokenKind.BLANK, line, start, start + len(line), number, "blank")]
        else:
            consumed, line_tokens = _tokenize_line(lines, index, plan, margin)
        if original is not None:
            line_tokens = _with_numbers(line_tokens, lines, original, index, consumed, numbers)
        if margin and line_tokens[0].kind is not TokenKind.BLANK:
            line_tokens[0] = _with_margin(line_tokens[0], text, margin)
        tokens.extend(line_tokens)
        index += consumed
        if chosen.captions:
            first = line_tokens[0]
            in_cue = first.is_cue_timing or (in_cue and first.rule != "blank")
    tokens = _caption_blocks(tokens)
    if chosen.captions:
        tokens = _inline_speaker_changes(tokens)
    if "|" in text:  # a markdown table of turns (`| Speaker | Time | Text |`)
        tokens = read_pipe_tables(tokens, _text_pieces)
    elif not chosen.captions:  # a CSV or TSV table of turns (`speaker,start,text`)
        tokens = read_csv_tables(tokens, _text_pieces)
    tokens = propose(tokens, _text_pieces)
    tokens = _mark_repeated_headings(tokens)
    tokens, shapes = settle(tokens)
    if numbers:
        shapes.append(ShapeDecision("line-numbers", accepted=len(numbers)))
    return _split_run_together_turns(tokens), shapes


def _with_numbers(
    line_tokens: list[Token],
    lines: list[tuple[int, int, str]],
    original: list[tuple[int, int, str]],
    index: int,
    consumed: int,
    numbers: dict[int, int],
) -> list[Token]:
    """`line_tokens` (of lines read without their numbers) with each number put back in
    front of its line as a MARKUP token (`line-number`), so the tokens still cover the text."""

    def number_token(k: int) -> Token:
        start, number, line = original[k]
        prefix = line[: numbers[k]]
        return Token(TokenKind.MARKUP, prefix, start, start + len(prefix), number, "line-number")

    out: list[Token] = []
    pending = [k for k in range(index, index + consumed) if k in numbers]
    for t in line_tokens:
        while pending and lines[pending[0]][1] <= t.line:
            out.append(number_token(pending.pop(0)))
        out.append(t)
    out.extend(number_token(k) for k in pending)
    return out


def resolve_style(text: str, style: Style | str | None) -> tuple[Style, float]:
    """(style, confidence): the given style (confidence 1), or the detected one."""
    if isinstance(style, Style):
        return style, 1.0
    if isinstance(style, str):
        return get(style), 1.0
    return detect(_unindented(text))


def _margin(lines: list[tuple[int, int, str]]) -> int:
    """How many leading spaces or tabs every line with words shares (0 for most texts: the
    first line with words is looked at before any other)."""
    first = next((ln for _, _, ln in lines if ln.strip(_WS)), "")
    if first[:1] not in (" ", "\t"):
        return 0
    common: str | None = None
    for _, _, line in lines:
        if not line.strip(_WS):
            continue
        lead = line[: len(line) - len(line.lstrip(" \t"))]
        if common is None or not lead.startswith(common):
            common = lead if common is None else _shared_start(common, lead)
            if not common:
                return 0
    return len(common or "")


def _shared_start(a: str, b: str) -> str:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return a[:n]


def _with_margin(token: Token, text: str, margin: int) -> Token:
    """`token`, the first of its line, taking back the margin in front of it."""
    start = token.start - margin
    return Token(
        token.kind,
        text[start : token.start] + token.text,
        start,
        token.end,
        token.line,
        token.rule,
        token.fields,
    )


def _unindented(text: str) -> str:
    """Style evidence is read at line starts: a margin every line of the document shares
    (a page pasted or quoted with one) is no part of any line's shape."""
    return textwrap.dedent(text) if text.lstrip("\r\n")[:1] in (" ", "\t") else text


# ---- line rules -------------------------------------------------------------------------


def _lines(text: str, *, blocks: bool = False) -> Iterator[tuple[int, int, str]]:
    """(start offset, 1-based line number, line with its newline) for every line.

    With `blocks` (the text is an HTML page, `_normalise.html_note`), a line over
    `LONG_LINE` characters (a page run onto one line), or one with a block after its start
    (`</p><p>QUIST: Bye.`), is read as one line per HTML block (`rules.BLOCK_TAG`), all with
    its line number: the rules see `<p>ANA RUIZ, HOST: ...`
    at the start of a line, where a label is looked for. A text with a few `<p>` in it
    (a feed's escaped item, a quoted tag) is not a page, and keeps its lines."""
    start = 0
    for number, line in enumerate(text.split("\n"), 1):
        end = start + len(line)
        if end < len(text):
            line += "\n"
        if blocks and "<" in line and (len(line) > LONG_LINE or rules.BLOCK_TAG.search(line, 1)):
            cut = 0
            for block in rules.BLOCK_TAG.finditer(line, 1):
                yield start + cut, number, line[cut : block.start()]
                cut = block.start()
            yield start + cut, number, line[cut:]
        elif line:
            yield start, number, line
        start += len(line)


def _tokenize_line(
    lines: list[tuple[int, int, str]],
    index: int,
    plan: _Plan,
    margin: int = 0,
) -> tuple[int, list[Token]]:
    """Tokens for the line at `index` from the first rule of the grammar that claims it,
    read without the document's `margin`; returns how many lines were consumed (a label
    wrapped over two lines consumes both).

    Each rule's guards (`starts`, `needs`) are checked before it runs: most lines of prose
    meet one or two patterns, not all. `plan` holds, for each first character, the rules
    its `starts` guards let through (`_plan`)."""
    start, number, line = lines[index]
    if margin:
        start, line = start + margin, line[margin:]
    body = line.rstrip("\n").rstrip("\r")
    stripped = body.lstrip(_WS)
    first = stripped[:1]
    state = LineState(lines, index, start, number, line, body, stripped, first, _rest)
    tried = plan.get(first)
    if tried is None:
        tried = plan.add(first)
    for needs, apply in tried:
        if needs and needs not in body:
            continue
        if (found := apply(state)) is not None:
            return found
    return 1, _text_pieces(line, start, number)  # unreachable: `words` claims all


class _Plan(dict[str, tuple[tuple[str, Callable[[LineState], Result | None]], ...]]):
    """A compiled grammar's rules for each first character of a line: the (`needs`,
    `apply`) of every rule whose `starts` guard lets that character through, in order."""

    __slots__ = ("grammar",)

    def __init__(self, grammar: tuple[GrammarRule, ...]) -> None:
        super().__init__()
        self.grammar = grammar

    def add(self, first: str) -> tuple[tuple[str, Callable[[LineState], Result | None]], ...]:
        found = tuple(
            (r.needs, r.apply)
            for r in self.grammar
            if r.apply is not None and (r.starts is None or first in r.starts)
        )
        if len(self) < _FIRST_CHARS:
            self[first] = found
        return found


def _rest(text: str, start: int, number: int) -> list[Token]:
    """The rest of a long line a whole-line rule claimed the start of (`LineState.whole`):
    read as a line of its own by the `words` rule (labels, notes, words), never by a
    whole-line rule again, so no part of it is swallowed and each character is read once."""
    body = text.rstrip("\n").rstrip("\r")
    stripped = body.lstrip(_WS)
    state = LineState([(start, number, text)], 0, start, number, text, body, stripped, stripped[:1])
    found = _words(state)
    assert found is not None  # `words` claims every line
    return found[1]


# ---- the shared grammar: one function per rule, the table below ---------------------------


def _blank(state: LineState) -> Result | None:
    return None if state.stripped else state.whole(TokenKind.BLANK, "blank")


def _furniture_tail(state: LineState) -> Result | None:
    body = state.body
    for name, pattern in rules.FURNITURE_TAIL:
        if pattern.search(body, max(0, len(body) - 40)):
            return state.whole(TokenKind.FURNITURE, name)
    return None


def _furniture_embed(state: LineState) -> Result | None:
    for name, pattern in rules.FURNITURE_EMBED:
        if pattern.search(state.body, 0, 260):
            return state.whole(TokenKind.FURNITURE, name)
    return None


def _correction(state: LineState) -> Result | None:
    if m := rules.CORRECTION.match(state.body):
        return state.whole(
            TokenKind.HEADER, "correction", field="correction", value=m["value"].strip()
        )
    return None


def _cue(state: LineState) -> Result | None:
    cue = _cue_line(state.line, state.body, state.start, state.number)
    return None if cue is None else (1, [cue])


def _cue_shortcode(state: LineState) -> Result | None:
    if m := rules.CUE_SHORTCODE.match(state.body):
        inner = m["inner"].strip(_WS)
        return state.whole(TokenKind.CUE, "cue-shortcode", inner=inner, cue_kind=cue_kind(inner))
    return None


def _url(state: LineState) -> Result | None:
    if m := rules.URL_LINE.match(state.body):
        return state.whole(TokenKind.HEADER, "url", field="url", value=m["value"])
    return None


def _date(state: LineState) -> Result | None:
    body = state.body
    if _DIGIT.search(body, 0, 80) and (
        (m := rules.DATE_KEYWORD_LINE.match(body)) or (m := rules.DATE_BARE_LINE.match(body))
    ):
        return state.whole(TokenKind.HEADER, "date", field="date", value=m["date"])
    if (
        len(body) > LONG_LINE
        and (m := rules.DATE_LEAD.match(body, 0, 200))
        and head_end(body) == m.end()
    ):  # a flattened document behind its date: the date, then the turns
        return state.whole(TokenKind.HEADER, "date", field="date", value=m["date"])
    return None


def _front_matter(state: LineState) -> Result | None:
    body = state.body
    if ":" in body[:24] and (m := rules.FRONT_MATTER.match(body)):
        return state.whole(
            TokenKind.HEADER, "front_matter", field=m["field"], value=m["value"].strip()
        )
    return None


def _front_matter_block(state: LineState) -> Result | None:
    """YAML front matter from the first line's `---` to the closing one, consumed whole:
    the fields a `front-matter` rule knows (`title:`, `date:` …) are headers, the other
    fields and the fences furniture."""
    lines = state.lines
    if state.index or not rules.FRONT_MATTER_FENCE.match(state.body):
        return None
    end = next(
        (
            k
            for k in range(1, min(len(lines), rules.FRONT_MATTER_LINES))
            if not rules.FRONT_MATTER_LINE.match(lines[k][2].rstrip("\n"))
            or rules.FRONT_MATTER_FENCE.match(lines[k][2].rstrip("\n"))
        ),
        None,
    )
    if end is None or not rules.FRONT_MATTER_FENCE.match(lines[end][2].rstrip("\n")):
        return None  # never closed, or a line that is no field: not front matter
    tokens: list[Token] = []
    for k in range(end + 1):
        start, number, line = lines[k]
        body = line.rstrip("\n").rstrip("\r")
        stripped = body.lstrip(_WS)
        here = LineState(lines, k, start, number, line, body, stripped, stripped[:1])
        # The header rules read their fields as anywhere else (a `date:` is a date).
        found = _blank(here) or _url(here) or _date(here) or _front_matter(here)
        if found is None:
            found = here.whole(TokenKind.FURNITURE, "front-matter")
        tokens.extend(found[1])
    return end + 1, tokens


def _words(state: LineState) -> Result | None:
    """Markup or an id, a time stamp, a label; else words (with notes split out)."""
    start, number, line, body, stripped = (
        state.start,
        state.number,
        state.line,
        state.body,
        state.stripped,
    )
    first = state.first
    colon = ":" in body
    at = len(body) - len(stripped)
    if first in "<[*•#♪>" and (prefix := rules.LINE_PREFIX.match(body)):
        at = prefix.end()
    lead: list[Token] = []
    if at:
        lead.append(Token(TokenKind.MARKUP, line[:at], start, start + at, number, "prefix"))
    if body[at : at + 1] in _STAMP_START and (stamp := rules.TIME_PREFIX.match(body, at)):
        end = len(body) - len(body[stamp.end() :].lstrip(" \t"))  # the space after it too
        lead.append(
            Token(
                TokenKind.TIMESTAMP,
                line[at:end],
                start + at,
                start + end,
                number,
                "time",
                {"time": stamp["time"]},
            )
        )
        at = end
    if colon and (label := rules.LABEL.match(body, at)):
        return 1, lead + _label_line(line, start, number, at, label)
    if not lead and ("(" in body or "," in body) and (wrapped := _wrapped_label(state, at)):
        return 2, wrapped
    if first in "#*":  # markdown marks are markup only around a label: `# A heading: here`
        at = len(body) - len(stripped)
        lead = (
            [Token(TokenKind.MARKUP, line[:at], start, start + at, number, "prefix")] if at else []
        )
    if len(lead) == 1 and at == len(body) - len(stripped):
        at, lead = 0, []  # an indented paragraph: its indent is the words' own, no markup
    return 1, lead + _text_pieces(line[at:], start + at, number)


def _style_rule(rule: LineRule) -> GrammarRule:
    """A house style's line rule as a grammar rule."""

    def apply(state: LineState) -> Result | None:
        found = _style_line(rule, state.line, state.body, state.start, state.number)
        if found is None:
            return None
        if len(found) == 1 and found[0].kind in _CUT and len(state.body) > LONG_LINE:
            # A header or furniture a style knows claims only its start of a long line.
            return state.whole(found[0].kind, found[0].rule, **found[0].fields)
        return 1, found

    return GrammarRule(rule.name, f"house style rule {rule.name}", apply)


# The shared line grammar, in order: the first rule that claims a line makes its tokens.
# A style's own line rules go in front; its `grammar` edits (styles/base.py) then disable,
# reorder, replace or add rules by name.
SHARED: tuple[GrammarRule, ...] = (
    GrammarRule("blank", "a line of nothing but whitespace", _blank),
    GrammarRule(
        "front-matter-block",
        "YAML front matter, `---` to `---`, on the first line",
        _front_matter_block,
        starts=frozenset("-"),
    ),
    *(
        GrammarRule(name, "page furniture (rules.FURNITURE)", pattern=pattern)
        for name, pattern in rules.FURNITURE
    ),
    GrammarRule("caption", "`... /Agency hide caption`: a photo caption", _furniture_tail),
    GrammarRule("iframe", "an embedded player's `<iframe ...>`", _furniture_embed, needs="<"),
    GrammarRule(
        "correction",
        "`[POST-BROADCAST CORRECTION: ...]`: a correction header",
        _correction,
        starts=frozenset("[:"),
    ),
    GrammarRule("cue", "`(SOUNDBITE OF MUSIC)` alone on its line", _cue, starts=frozenset("([><")),
    GrammarRule(
        "cue-shortcode",
        '`{% cue text="MUSIC: ..." %}`: a cue a page template declares',
        _cue_shortcode,
        starts=frozenset("{"),
    ),
    GrammarRule("url", "a link alone on its line", _url, starts=frozenset("h")),
    GrammarRule("date", "` date 2024-03-26 `, `Aired March 3, 2006`, a date alone", _date),
    GrammarRule(
        "front-matter", "`title: ...` of a notes app's front matter", _front_matter, needs=":"
    ),
    GrammarRule("words", "a label and its words, or words (claims every line)", _words),
)

_COMPILED: dict[int, tuple[Style, tuple[GrammarRule, ...], _Plan]] = {}
_FIRST_CHARS = 4096  # distinct first characters remembered per grammar (bounded memory)


def grammar_for(style: Style) -> tuple[GrammarRule, ...]:
    """The compiled grammar of `style`: its line rules, then the shared table, with its
    edits applied. Built once per style."""
    return _compiled(style)[0]


def _compiled(style: Style) -> tuple[tuple[GrammarRule, ...], _Plan]:
    """`grammar_for(style)` and its `_Plan`, built once per style."""
    cached = _COMPILED.get(id(style))
    if cached is not None and cached[0] is style:
        return cached[1], cached[2]
    made = [_style_rule(rule) for rule in style.rules]
    from_style = {id(r): rule for r, rule in zip(made, style.rules, strict=True)}
    table = edit((SHARED[0], *made, *SHARED[1:]), style.grammar)
    compiled = _gated(compile_rules(table), from_style)
    plan = _Plan(compiled)
    _COMPILED[id(style)] = (style, compiled, plan)
    return compiled, plan


def _gated(
    grammar: tuple[GrammarRule, ...], from_style: dict[int, LineRule]
) -> tuple[GrammarRule, ...]:
    """`grammar` with each run of adjacent house-style rules behind one gate: a pattern
    that matches wherever one of theirs does (`_gate`), so a line none of them claims,
    most lines, costs one match instead of one a rule. The rules still run, in order,
    on a line the gate lets through."""
    out: list[GrammarRule] = []
    run: list[GrammarRule] = []

    def flush() -> None:
        gate = _gate(tuple(from_style[id(r)] for r in run)) if len(run) > 1 else None
        if gate is None:
            out.extend(run)
        else:
            out.append(_gated_run(tuple(run), gate))
        run.clear()

    for r in grammar:
        if id(r) in from_style:
            run.append(r)
            continue
        flush()
        out.append(r)
    flush()
    return tuple(out)


def _gated_run(run: tuple[GrammarRule, ...], gate: regex.Pattern[str]) -> GrammarRule:
    def apply(state: LineState) -> Result | None:
        if gate.match(state.body) is None:
            return None
        for r in run:
            assert r.apply is not None  # every house-style rule has one
            if (found := r.apply(state)) is not None:
                return found
        return None

    names = "+".join(r.name for r in run)
    return GrammarRule(names, "house style rules behind one gate: " + names, apply)


# What makes a pattern's match depend on where matching starts or on flags set for the
# whole pattern (anchors, look-behinds, back-references, conditionals, `\K`, global
# inline flags): a rule whose pattern has one is not put behind a gate. A `^` anywhere
# but at the start of a class (`[a^b]`, `\^`) is refused too, which only costs speed.
_NOT_GATED = regex.compile(r"\\[AGKzZ1-9g]|\(\?<[=!]|\(\?P=|\(\?\(|\(\?[a-zA-Z]+\)|(?<!\[)\^")


def _gate(line_rules: tuple[LineRule, ...]) -> regex.Pattern[str] | None:
    """One pattern matching a line's start (spaces and a page's block tags, then any of
    `line_rules`' patterns, tried where `_style_line` tries them) wherever one of them
    matches, or None when their patterns cannot be put together safely."""
    flags = {rule.pattern.flags for rule in line_rules}
    if len(flags) != 1 or any(_NOT_GATED.search(rule.pattern.pattern) for rule in line_rules):
        return None
    flag = flags.pop()
    # A newline after each verbose pattern ends its trailing `# comment`, if any.
    end = "\n" if flag & regex.VERBOSE else ""
    either = "|".join(f"(?:{rule.pattern.pattern}{end})" for rule in line_rules)
    try:
        return regex.compile(f"[\\ \\t\\ufeff]*+{rules.PAGE_TAGS}(?:{either})", flag)
    except regex.error:  # pragma: no cover - each pattern compiled on its own
        return None


def _style_line(
    rule: LineRule, line: str, body: str, start: int, number: int
) -> list[Token] | None:
    """Tokens for a line a house style's rule claims, or None; read past the line's
    indent and the tags that open a page's block (`<p>Mr. QUILL. Mr. Speaker`)."""
    at = len(body) - len(body.lstrip(" \t\ufeff"))
    if body[at : at + 1] == "<":
        at = rules.BLOCK_OPEN.match(body, at).end()  # type: ignore[union-attr]
    m = rule.pattern.match(body, at)
    if not m:
        return None
    groups = {k: v for k, v in m.groupdict().items() if v is not None}
    if rule.kind is TokenKind.TIMESTAMP and body[m.end() :].strip(_WS):
        # A timing glued before the words (`:00:39. > :00:46.Good morning`): words are text.
        at = m.end() + len(body[m.end() :]) - len(body[m.end() :].lstrip(" \t"))
        fields = {k: v.strip(_WS) for k, v in groups.items()}
        stamp = Token(rule.kind, line[:at], start, start + at, number, rule.name, fields)
        return [stamp, *_text_pieces(line[at:], start + at, number)]
    if rule.kind is not TokenKind.LABEL:
        fields = {k: v.strip(_WS) for k, v in groups.items()}
        if rule.header_field:
            fields["field"] = rule.header_field
        if rule.kind is TokenKind.CUE:
            fields["cue_kind"] = cue_kind(fields.get("inner", ""))
        return [Token(rule.kind, line, start, start + len(line), number, rule.name, fields)]
    fields = {k: " ".join(v.split()) for k, v in groups.items() if k != "name"}
    fields["name"] = canonical_name(groups.get("name", ""))
    fields.setdefault("label", m[0].strip(_WS).removesuffix(":").strip(_WS))
    tokens = []
    if at:
        tokens.append(
            Token(
                TokenKind.BLANK if not line[:at].strip() else TokenKind.MARKUP,
                line[:at],
                start,
                start + at,
                number,
                "indent",
            )
        )
    tokens.append(
        Token(
            TokenKind.LABEL,
            line[at : m.end()],
            start + at,
            start + m.end(),
            number,
            rule.name,
            fields,
        )
    )
    if m.end() < len(line):
        tokens.extend(_text_pieces(line[m.end() :], start + m.end(), number))
    return tokens


def _label_line(line: str, start: int, number: int, at: int, m: regex.Match[str]) -> list[Token]:
    """The label itself (colon included), then the words; `line[:at]` is already
    tokenized by the caller."""
    tokens: list[Token] = []
    colon = m.end()
    tokens.append(
        Token(
            TokenKind.LABEL,
            line[at:colon],
            start + at,
            start + colon,
            number,
            "label",
            _label_fields(m),
        )
    )
    if colon < len(line):
        tokens.extend(_text_pieces(line[colon:], start + colon, number))
    return tokens


def _label_fields(m: regex.Match[str]) -> dict[str, str]:
    """The recognized pieces of a label: as printed, name, honorific, role, description."""
    fields = {"label": m["label"].strip(_WS), "name": canonical_name(m["name"])}
    for key in ("honorific", "role", "description", "aside", "time"):
        if m[key]:
            fields[key] = " ".join(m[key].split())
    if "role" not in fields and (part := rules.PART_FIRST.match(m["name"])):
        fields["role"] = part["role"]  # `Host Ada Quist:` is ADA QUIST, the host
        fields["name"] = canonical_name(m["name"][part.end() :])
    if m["time_after"]:
        fields["time"] = m["time_after"]
    if m["titlename"] and m.end() < len(m.string) and not m.string[m.end()].isspace():
        fields["weak"] = "title-glued"
    elif m["glue"] is not None:
        fields["weak"] = "caps-glued"
    elif m["titleword"]:
        fields["weak"] = "title-word"
    elif m["titlename"]:
        fields["weak"] = "title-case"
    return fields


def _labels_elsewhere(lines: list[tuple[int, int, str]], index: int) -> bool:
    """Whether line `index` opens with a label that also opens another line of the
    document: a speaker the document labels, not the end of a label wrapped above it."""
    following = lines[index][2]
    at = len(following) - len(following.lstrip(_WS))
    m = rules.LABEL.match(following, at)
    if m is None:
        return False
    printed = following[at : m.end()]
    return any(
        k != index and line.lstrip(_WS).startswith(printed) for k, (_, _, line) in enumerate(lines)
    )


def _wrapped_label(state: LineState, at: int) -> list[Token] | None:
    """A label hard-wrapped inside its parenthesised description, over two lines."""
    lines, index = state.lines, state.index
    if index + 1 >= len(lines):
        return None
    start, number, line, body = state.start, state.number, state.line, state.body
    _, _, following = lines[index + 1]
    # The label must end on the next line: with its colon there, as the line's own words
    # become spaces where its line break was (markup right after a colon is no space).
    if len(line) > len(body) and ":" not in following:
        return None
    if not rules.LABEL_WRAP_START.match(body, at):
        return None
    if _labels_elsewhere(lines, index + 1):
        return None  # `COLUMBUS, OHIO` / `THE MODERATOR: ...`: the next line is its own label
    joined = line[: len(body)] + " " * (len(line) - len(body)) + following
    m = rules.LABEL.match(joined, at)
    if not m or m.end() <= len(line):
        return None
    first = _label_line(joined, start, number, at, m)
    # The joined copy has spaces where the newline was: take the real text back, and give
    # what starts on the second line that line's number.
    real = line + following
    second = start + len(line)
    return [
        Token(
            t.kind,
            real[t.start - start : t.end - start],
            t.start,
            t.end,
            number + 1 if t.start >= second else number,
            t.rule,
            # The second line's margin is no part of the label (`Coastal` / `  Studies)`).
            {k: " ".join(v.split()) for k, v in t.fields.items()}
            if t.kind is TokenKind.LABEL
            else t.fields,
        )
        for t in first
    ]


def _text_pieces(piece: str, start: int, number: int) -> list[Token]:
    """Words, with notes like `(LAUGHTER)` or `(ph)` split out as NOTE tokens and caption
    markup (`<c>`, `</v>`, `<00:00:00.640>`) as MARKUP; a voice tag inside a line
    (`<v Ines>`) is a LABEL."""
    if "<" not in piece and "{" not in piece:
        return _note_pieces(piece, start, number)
    out: list[Token] = []
    cursor = 0
    for m in _INLINE_MARKUP.finditer(piece):
        if m.start() > cursor:
            out += _note_pieces(piece[cursor : m.start()], start + cursor, number)
        at, end = start + m.start(), start + m.end()
        if m["voice"] and canonical_name(m["voice"]):
            label = " ".join(m["voice"].split())
            fields = {"name": canonical_name(label), "label": label}
            out.append(Token(TokenKind.LABEL, m[0], at, end, number, "voice", fields))
        else:
            out.append(Token(TokenKind.MARKUP, m[0], at, end, number, "caption-tag"))
        cursor = m.end()
    if cursor < len(piece):
        out += _note_pieces(piece[cursor:], start + cursor, number)
    return out


def _note_pieces(piece: str, start: int, number: int) -> list[Token]:
    """Words, with notes like `(LAUGHTER)` or `(ph)` split out as NOTE tokens."""
    if "(" not in piece and "[" not in piece:  # no note can start: most lines
        if piece:
            return [Token(TokenKind.TEXT, piece, start, start + len(piece), number, "text")]
        return []
    out: list[Token] = []
    cursor = 0
    for m in rules.INLINE_NOTE.finditer(piece):
        if not rules.NOTE_WORDS.match(m["inner"]):
            continue
        if m.start() > cursor:
            out.append(
                Token(
                    TokenKind.TEXT,
                    piece[cursor : m.start()],
                    start + cursor,
                    start + m.start(),
                    number,
                    "text",
                )
            )
        inner = m["inner"].strip(_WS)
        out.append(
            Token(
                TokenKind.NOTE,
                m[0],
                start + m.start(),
                start + m.end(),
                number,
                "note",
                {"inner": inner, "cue_kind": cue_kind(inner)},
            )
        )
        cursor = m.end()
    if cursor < len(piece):
        out.append(
            Token(
                TokenKind.TEXT, piece[cursor:], start + cursor, start + len(piece), number, "text"
            )
        )
    return out


def _cue_line(line: str, body: str, start: int, number: int) -> Token | None:
    """A line that is one bracketed stage or sound note, or None; a parenthesised
    sentence (an editor's aside) is not a cue."""
    m = rules.CUE_LINE.match(body)
    if not m or rules.CUE_NOT.match(m["inner"]) or rules.BRACKETED_SPEAKER.match(body):
        return None
    inner = m["inner"].strip(_WS)
    fields = {"inner": inner, "cue_kind": cue_kind(inner)}
    return Token(TokenKind.CUE, line, start, start + len(line), number, "cue", fields)


def cue_kind(inner: str) -> str:
    """soundbite, music, laughter, … from a cue's words."""
    for kind, pattern in rules.CUE_KINDS:
        if pattern.search(inner):
            return kind
    return "other"


# ---- document passes --------------------------------------------------------------------


def _split_run_together_turns(tokens: list[Token]) -> list[Token]:
    """Find labels run into the middle of a line: `... goes on. ANA RUIZ, HOST: More ...`.

    A mid-line label is taken only when its role says so (`, HOST`, `, BYLINE`) or its name
    is one the document already uses as a label, so capitals in prose stay prose. Only a
    long enough TEXT token with a colon can hold one: a text without any is returned as it
    is, after one walk that gathers the document's labels and line widths.
    """
    known: set[str] = set()
    labelled: set[int] = set()
    # How long each line is, notes and all (a flattened line is cut into many pieces).
    widths: dict[int, int] = {}
    splittable = False
    for t in tokens:
        kind, line, text = t.kind, t.line, t.text
        widths[line] = widths.get(line, 0) + len(text)
        if kind is TokenKind.LABEL:
            labelled.add(line)
            if name := t.fields["name"]:
                known.add(name)
        elif kind is TokenKind.TEXT and len(text) > _SPLIT_MIN and ":" in text:
            splittable = True
    if not splittable:
        return tokens
    known |= {name.split()[-1] for name in known}
    out: list[Token] = []
    opening = True  # no label yet: what a glued label is glued to is the page's chrome
    for t in tokens:
        if t.kind is TokenKind.TEXT and len(t.text) > _SPLIT_MIN and ":" in t.text:
            # A known name is taken mid-line only after another turn's label on the same
            # line (`... here. BEGALA: Thanks.`) or in text flattened onto very long lines;
            # a wrapped line that happens to hold a name and a colon is not split.
            trusted = t.line in labelled or widths[t.line] >= LONG_LINE
            out.extend(_split_text_token(t, known, trusted, opening))
        else:
            out.append(t)
        opening = opening and out[-1].kind is not TokenKind.LABEL
    return out


_SPLIT_MIN = 40  # characters: a shorter text has no room for a sentence and a label


def _split_text_token(
    token: Token, known: set[str], trusted: bool, opening: bool = False
) -> list[Token]:
    pieces: list[Token] = []
    text, cursor = token.text, 0
    # Where a label may start: after a sentence's end, or glued to the words before it.
    glued = {g.end() for g in rules.GLUED_LABEL.finditer(text)} if ":" in text else set()
    starts = sorted({g.end() for g in rules.SENTENCE_END.finditer(text)} | glued)
    for at in starts:
        if at < cursor:
            continue
        # A label is short: bounding the match keeps a long line of sentence ends linear.
        window = min(len(text), at + _LABEL_REACH)
        m = rules.LABEL.match(text, at, window)
        if not m or m["titlename"] or m["glue"] is not None or (m.end() == window < len(text)):
            continue
        name = canonical_name(m["name"])
        strong = bool(rules.STRONG_ROLE.match(m["role"] or ""))
        if at in glued:
            if name not in known:  # glued capitals in prose (`iPhoneXR:`) stay words
                continue
        elif not (strong or (trusted and (name in known or " " in name))):
            continue
        trusted = True
        known.add(name)
        known.add(name.split()[-1])
        if at > cursor and at in glued and opening and not pieces:
            # Before the first label, the words a label is glued to are the page's chrome
            # (`Learn more about our sponsorsADA QUIST:`), not a speaker's.
            pieces.append(_slice(token, cursor, at, TokenKind.FURNITURE, "glued-chrome"))
        elif at > cursor:
            pieces.append(_slice(token, cursor, at, TokenKind.TEXT, "text"))
        pieces.append(
            Token(
                TokenKind.LABEL,
                text[at : m.end()],
                token.start + at,
                token.start + m.end(),
                token.line,
                "label-midline",
                _label_fields(m),
            )
        )
        cursor = m.end()
    if not pieces:
        return [token]
    if cursor < len(text):
        pieces.append(_slice(token, cursor, len(text), TokenKind.TEXT, "text"))
    return pieces


def _slice(token: Token, a: int, b: int, kind: TokenKind, rule: str) -> Token:
    return Token(kind, token.text[a:b], token.start + a, token.start + b, token.line, rule)


_LABEL_REACH = 2000  # characters: no label is longer
_HEADING_REGION = 80  # scraped page headers repeat the headline within the first lines
_VOICE_USES = 3  # a weak label saying this many different things is a voice
_WORDY = frozenset({TokenKind.TEXT, TokenKind.NOTE, TokenKind.LABEL, TokenKind.MARKUP})


def _mark_repeated_headings(tokens: list[Token]) -> list[Token]:
    """The headline that scraped pages print two or more times, before the transcript
    starts, becomes a HEADER (`field=heading`, with `repeats` and `teaser` facts: which one
    is the title is decided in metadata.py); a line that runs the headline into its teaser
    (`Headline Teaser sentence...`) becomes a HEADER (`field=teaser`).

    Only the tokens of the first `_HEADING_REGION` lines are read: every fact below is
    about a line there (tokens come in line order, so they are a prefix of the list)."""
    # Caption files repeat lines on purpose (rolling captions): headings come before the
    # first cue.
    region = _HEADING_REGION
    groups: dict[int, list[Token]] = {}  # the tokens of each line before `region`
    for t in tokens:
        if t.line >= region:
            break
        if t.is_cue_timing:
            region = t.line
            break
        if (group := groups.get(t.line)) is None:
            groups[t.line] = [t]
        else:
            group.append(t)
    head = tokens[: sum(map(len, groups.values()))]
    lines, label_alone = _read_head_lines(groups)
    # Only lines before the first label that is not itself part of a repeated headline
    # (`CDC: New Guidance On Flu` looks like a label) can be headings.
    # A label alone on its line (`Ira Glass`, `SPEAKER 2:`) recurs without being a headline.
    # A weak label with words after it (`Note: the audio is below`) is not settled yet: it
    # does not end the region where headlines repeat.
    # A name alone on its line not yet settled as a label (`Notice`, `Ada Quist`) neither
    # ends the region nor is a headline itself, unless it ends a wrapped one: right under a
    # line that runs on (`Oral History Interview with` / `Ada Quist`).
    by_line = dict(lines)
    labels = [t for t in head if t.kind is TokenKind.LABEL]
    name_alone = {t.line for t in labels if t.fields.get("weak") == "name-alone"}
    wrapped = {n for n in name_alone if by_line.get(n - 1, "").rsplit(" ", 1)[-1] in SMALL_WORDS}
    # A weak label the document keeps using to say different things (`**Ada Quist:** Yes.`,
    # said twice among her other turns) is a voice, not a headline, and the line that
    # starts with it is not a teaser; a headline repeats itself word for word.
    weak_lines = {t.line: t.fields["name"] for t in labels if may_head(t)}
    said: dict[str, set[str]] = {}
    for n, text in lines:
        if n in weak_lines:
            said.setdefault(weak_lines[n], set()).add(text)
    voiced = {n for n, name in weak_lines.items() if len(said.get(name, ())) >= _VOICE_USES}
    # ... and the words under a name alone are what that speaker says (`Ada Quist` /
    # `Thank you.`, twice near the top), not a headline.
    under = {b for (a, _), (b, _) in pairwise(lines) if a in name_alone - wrapped}
    lines = [(n, text) for n, text in lines if n not in (name_alone - wrapped) | voiced | under]
    counts = Counter(text for _, text in lines if 3 <= len(text) <= 250)
    alone = label_alone - name_alone
    labelled = alone | {t.line for t in labels if not may_head(t) or t.line in alone}
    # A labelled line said twice (`ANA: Quiet, please.`) is speech, unless it reads as a
    # headline (`CDC: New Guidance On Flu`).
    repeated = [text for text, n in counts.items() if n >= 2 and looks_like_heading(text)]
    limit = next(
        (
            n
            for n, text in lines
            if n in labelled
            and (
                n in alone
                or (text not in repeated and not any(text.startswith(r + " ") for r in repeated))
            )
        ),
        _HEADING_REGION,
    )
    lines = [(n, text) for n, text in lines if n < limit]
    counts = Counter(text for _, text in lines if 3 <= len(text) <= 250)
    titles = {text for text, n in counts.items() if n >= 2}
    for _, text in lines:
        # `Headline Teaser sentence ...`: a line that starts with another whole line, then a
        # teaser that does not start in lower case.
        cut = text.find(" ", 8)
        while 0 < cut <= 250:
            if text[:cut] in counts and not text[cut + 1 : cut + 2].islower():
                titles.add(text[:cut])
            cut = text.find(" ", cut + 1)
    if not titles:
        return tokens
    teaser_lines = {
        number: text
        for number, text in lines
        if text not in titles and any(text.startswith(t + " ") for t in titles)
    }
    # Facts for metadata.py, which picks the title: how often each headline repeats and
    # whether a teaser runs on from it.
    teased = {t for t in titles if any(x.startswith(t + " ") for x in teaser_lines.values())}
    heading_lines = {number: text for number, text in lines if text in titles}
    out: list[Token] = []
    for t in head:
        if t.kind not in _WORDY:
            out.append(t)
        elif t.line in heading_lines:
            text = heading_lines[t.line]
            facts = {"field": "heading", "value": text, "repeats": str(counts[text])}
            if text in teased:
                facts["teaser"] = "1"
            out.append(Token(TokenKind.HEADER, t.text, t.start, t.end, t.line, "heading", facts))
        elif t.line in teaser_lines:
            out.append(
                Token(
                    TokenKind.HEADER, t.text, t.start, t.end, t.line, "teaser", {"field": "teaser"}
                )
            )
        else:
            out.append(t)
    out.extend(tokens[len(head) :])
    return _merge_headers(out)


def _read_head_lines(
    groups: dict[int, list[Token]],
) -> tuple[list[tuple[int, str]], set[int]]:
    """From the tokens of each line: (line, stripped text without its markup) for the lines
    made only of words, labels, notes and markup (`<p>A Headline</p>` reads `A Headline`);
    and the lines holding a label and nothing else but markup (`### Interviewer:`). One
    walk over the tokens for both."""
    lines: list[tuple[int, str]] = []
    alone: set[int] = set()
    for number, group in groups.items():
        wordy = labelled = True
        label = False
        for t in group:
            kind = t.kind
            if kind is TokenKind.LABEL:
                label = True
            elif kind is not TokenKind.MARKUP:
                if kind is not TokenKind.TEXT and kind is not TokenKind.NOTE:
                    wordy = False
                if labelled and t.text.strip(_WS):
                    labelled = False
        if wordy:
            if len(group) == 1:
                text = group[0].text
            else:
                text = "".join([t.text for t in group if t.kind is not TokenKind.MARKUP])
            lines.append((number, text.strip(_WS)))
        if label and labelled:
            alone.add(number)
    return lines, alone


def _merge_headers(tokens: list[Token]) -> list[Token]:
    """One HEADER token per heading line, not one per piece the line rules cut it into.

    A run of pieces is joined once, at its end: a teaser line cut into thousands of
    pieces (`(ph)` notes) was once rebuilt by concatenation for every piece (issue 11)."""
    merged: list[Token] = []
    run: list[Token] = []

    def flush() -> None:
        if len(run) == 1:
            merged.append(run[0])
        elif run:
            first = run[0]
            text = "".join(t.text for t in run)
            merged.append(
                Token(
                    TokenKind.HEADER,
                    text,
                    first.start,
                    run[-1].end,
                    first.line,
                    first.rule,
                    first.fields,
                )
            )
        run.clear()

    for t in tokens:
        if t.kind is TokenKind.HEADER and (
            not run or (run[-1].line == t.line and run[-1].rule == t.rule)
        ):
            run.append(t)
            continue
        flush()
        if t.kind is TokenKind.HEADER:
            run.append(t)
        else:
            merged.append(t)
    flush()
    return merged


# ---- caption files ----------------------------------------------------------------------

_ID_LINE = frozenset({TokenKind.TEXT, TokenKind.NOTE, TokenKind.MARKUP})


def _before_timing(lines: list[tuple[int, int, str]], index: int) -> bool:
    """The line above a cue's timing line (its identifier, or the words of a cue when a
    file has no blank lines between cues)."""
    return index + 1 < len(lines) and "-->" in lines[index + 1][2]


def _cue_text_line(entry: tuple[int, int, str], style_rules: tuple[LineRule, ...]) -> list[Token]:
    """A line inside a caption cue: the style's rules (timings, voices, `>>`, `Name:`), a
    standalone cue (`[applause]`), a label, else words. Page furniture, header and date rules
    do not apply: in a caption, `Share`, `Donate` or `March 3, 2021` is something said."""
    start, number, line = entry
    body = line.rstrip("\n").rstrip("\r")
    stripped = body.lstrip(_WS)
    if not stripped:
        return [Token(TokenKind.BLANK, line, start, start + len(line), number, "blank")]
    gate = _caption_gate(style_rules)
    if gate is None or gate.match(body) is not None:
        for rule in style_rules:
            if found := _style_line(rule, line, body, start, number):
                return found
    if stripped[0] in "([" and (cue := _cue_line(line, body, start, number)):
        return [cue]
    at = len(body) - len(stripped)
    if ":" in body and (label := rules.LABEL.match(body, at)):
        lead = (
            [Token(TokenKind.MARKUP, line[:at], start, start + at, number, "prefix")] if at else []
        )
        return lead + _label_line(line, start, number, at, label)
    return _text_pieces(line, start, number)


_CAPTION_GATES: dict[int, tuple[tuple[LineRule, ...], regex.Pattern[str] | None]] = {}


def _caption_gate(style_rules: tuple[LineRule, ...]) -> regex.Pattern[str] | None:
    """The `_gate` of a caption style's rules, built once per style."""
    cached = _CAPTION_GATES.get(id(style_rules))
    if cached is None or cached[0] is not style_rules:
        cached = (style_rules, _gate(style_rules) if len(style_rules) > 1 else None)
        _CAPTION_GATES[id(style_rules)] = cached
    return cached[1]


def _caption_blocks(tokens: list[Token]) -> list[Token]:
    """In a file with caption timing lines: a cue identifier (the line just above a timing
    line, after a blank line, or a bare number) and the lines of a WebVTT `NOTE`, `STYLE`
    or `REGION` block (up to the next blank line) are furniture, not words. A `NOTE ...`
    line inside a cue (no blank line before it) is what the caption says."""
    found: dict[int, tuple[int, str]] = {}  # first token of a line -> (end of the line, rule)
    for i, t in enumerate(tokens):
        if t.kind is TokenKind.TIMESTAMP and t.is_cue_timing and i:  # it starts its line
            first = _line_start(tokens, i - 1)
            group = tokens[first:i]
            if not all(x.kind in _ID_LINE for x in group):
                continue
            after_gap = first == 0 or tokens[first - 1].kind is TokenKind.BLANK
            if after_gap or "".join(x.text for x in group).strip(_WS).isdigit():
                found[first] = (i, "cue-id")
        elif t.rule == "webvtt-block" and i and tokens[i - 1].kind is not TokenKind.BLANK:
            found[i] = (i + 1, "")  # words after all
        elif t.rule == "webvtt-block":
            first = i + 1
            while first < len(tokens) and tokens[first].kind is not TokenKind.BLANK:
                last = first
                while last < len(tokens) and tokens[last].line == tokens[first].line:
                    last += 1
                if any(x.is_cue_timing for x in tokens[first:last]):
                    break
                found[first] = (last, "webvtt-block")
                first = last
    if not found:
        return tokens
    out: list[Token] = []
    done = 0
    for first in sorted(found):
        if first < done:  # a block line already taken
            continue
        last, rule = found[first]
        out.extend(tokens[done:first])
        if rule:
            out.append(_whole_line(tokens[first:last], rule))
        else:
            out.extend(_text_pieces(tokens[first].text, tokens[first].start, tokens[first].line))
        done = last
    out.extend(tokens[done:])
    return out


def _line_start(tokens: list[Token], i: int) -> int:
    """Index of the first token on the line of `tokens[i]`."""
    while i > 0 and tokens[i - 1].line == tokens[i].line:
        i -= 1
    return i


def _whole_line(group: list[Token], rule: str) -> Token:
    """One FURNITURE token for the tokens of one line."""
    first, last = group[0], group[-1]
    text = "".join(t.text for t in group)
    return Token(TokenKind.FURNITURE, text, first.start, last.end, first.line, rule)


def _inline_speaker_changes(tokens: list[Token]) -> list[Token]:
    """Caption styles: `>>` inside a line (`... thank you. >> next question.`) marks another
    speaker; it becomes MARKUP (`speaker-change`) so the words around it stay clean."""
    out: list[Token] = []
    for t in tokens:
        if t.kind is not TokenKind.TEXT or ">>" not in t.text:
            out.append(t)
            continue
        cursor = 0
        for m in INLINE_SPEAKER_CHANGE.finditer(t.text):
            if m.start() > cursor:
                out.append(_slice(t, cursor, m.start(), TokenKind.TEXT, "text"))
            out.append(_slice(t, m.start(), m.end(), TokenKind.MARKUP, "speaker-change"))
            cursor = m.end()
        if cursor < len(t.text):
            out.append(_slice(t, cursor, len(t.text), TokenKind.TEXT, "text"))
    return out
