"""Markdown pipe tables of turns: `| Speaker | Time | Text |` over its `|---|` row.

A table whose header names a `Speaker` column declares its labels: the cell in that column
starts a turn, a `Time` cell times it, the other cells are its words. Exports break such
tables: a row's speaker cell stands alone on its line between two lines of a bare `|`,
its words follow on the next line, and words run on in rows whose other cells are empty.
Both are read here, after the line rules and before the document passes, so the labels
are labels when conventions and headlines are weighed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Final

import regex

from .names import canonical_name
from .tokens import Token, TokenKind

Pieces = Callable[[str, int, int], Iterable[Token]]

_F = regex.VERBOSE | regex.V1

# The header row, then the row of dashes under it (`|---|:--:|`).
_HEAD: Final = regex.compile(r"[ \t]*+ \| (?: [^|\n]*+ \| ){2,}+ [ \t]*+ \r?+ $", _F)
_RULE: Final = regex.compile(
    r"[ \t]*+ \|? (?: [ \t]*+ :?+ -{3,}+ :?+ [ \t]*+ \|?+ ){2,}+ [ \t]*+ \r?+ $", _F
)
# The header cell that names the labels' column, and the one that names their times.
_SPEAKER_COLUMN: Final = regex.compile(r"[ \t]*+ (?i: speaker ) [ \t]*+ $", _F)
_TIME_COLUMN: Final = regex.compile(r"[ \t]*+ (?i: time | start | timestamp ) [ \t]*+ $", _F)
# A time in a time cell: `00:01:05`, `1:05`, `0:00:14.2`.
_TIME: Final = regex.compile(
    r"[ \t]*+ \d{1,2}+ (?: : \d\d ){1,2}+ (?: [.,] \d{1,3}+ )?+ [ \t]*+ $", _F
)
# A cell that ends a sentence is words, not a name.
_SENTENCE: Final = regex.compile(r"[.!?…][\"”’')\]]*+ [ \t]*+ $", _F)
# The rule of a label a table's header declares (here and in `csvtable`): the conventions
# never judge it as a look-alike or a field.
TABLE_SPEAKER: Final = "table-speaker"
NAME_WORDS: Final = 6  # words: a speaker cell names someone; a longer cell is words


def read_pipe_tables(tokens: list[Token], pieces: Pieces) -> list[Token]:
    """`tokens` with each pipe table of turns read: its labels, times and words."""
    lines = token_lines(tokens)
    out: list[Token] = []
    i = 0
    while i < len(lines):
        columns = _columns(lines, i)
        if columns is None:
            out.extend(lines[i])
            i += 1
            continue
        speaker, time = columns
        table = [whole_line(lines[k], TokenKind.FURNITURE, "table-head") for k in (i, i + 1)]
        first = i
        i += 2
        while i < len(lines):
            group = lines[i]
            text = line_text(group)
            if text is None:
                break
            body = text.rstrip("\r\n")
            if not body.strip():
                table.extend(group)
            elif "|" not in body and not _pipe_only(lines, i - 1):
                break  # past the table
            elif _pipe_only_text(body):
                table.append(whole_line(group, TokenKind.MARKUP, "table-pipe"))
            elif _fenced_cell(lines, i, body) and speaker == 0 and is_name(body):
                table.append(_label(group[0], text, body.strip()))
            else:
                table.extend(_row(group[0], text, speaker, time, pieces))
            i += 1
        if any(t.kind is TokenKind.LABEL for t in table):
            out.extend(table)
        else:  # a table about speakers (`| speaker | words |` counts), not of turns
            for group in lines[first:i]:
                out.extend(group)
    return out


def _fenced_cell(lines: list[list[Token]], i: int, body: str) -> bool:
    """Line `i` is a broken row's first cell: alone between two lines of a bare `|`."""
    return "|" not in body and _pipe_only(lines, i - 1) and _pipe_only(lines, i + 1)


def token_lines(tokens: list[Token]) -> list[list[Token]]:
    out: list[list[Token]] = []
    for t in tokens:
        if out and out[-1][0].line == t.line:
            out[-1].append(t)
        else:
            out.append([t])
    return out


def line_text(group: list[Token]) -> str | None:
    """The line as printed, when it holds only words (a table's line never holds more)."""
    if not all(t.kind in (TokenKind.TEXT, TokenKind.NOTE, TokenKind.BLANK) for t in group):
        return None
    return "".join(t.text for t in group)


def _pipe_only_text(body: str) -> bool:
    return body.strip(" \t|") == "" and "|" in body


def _pipe_only(lines: list[list[Token]], k: int) -> bool:
    """Line `k` is a bare `|` (a broken row's cell border)."""
    if not 0 <= k < len(lines):
        return False
    text = line_text(lines[k])
    return text is not None and _pipe_only_text(text.rstrip("\r\n"))


def _columns(lines: list[list[Token]], i: int) -> tuple[int, int | None] | None:
    """(speaker column, time column) of a table of turns whose header is line `i`."""
    if i + 1 >= len(lines):
        return None
    head, rule = line_text(lines[i]), line_text(lines[i + 1])
    if head is None or rule is None or not _HEAD.match(head) or not _RULE.match(rule):
        return None
    cells = _cells(head.rstrip("\r\n"))
    speaker = next((k for k, c in enumerate(cells) if _SPEAKER_COLUMN.match(c)), None)
    if speaker is None:
        return None
    time = next((k for k, c in enumerate(cells) if _TIME_COLUMN.match(c)), None)
    return speaker, time


def _cells(body: str) -> list[str]:
    inner = body.strip(" \t")
    inner = inner[1:] if inner.startswith("|") else inner
    inner = inner[:-1] if inner.endswith("|") else inner
    return inner.split("|")


def is_name(cell: str) -> bool:
    """A speaker cell names someone: a few words, no sentence."""
    words = cell.split()
    return 0 < len(words) <= NAME_WORDS and not _SENTENCE.search(cell)


def whole_line(group: list[Token], kind: TokenKind, rule: str) -> Token:
    """One token of `kind` for a line's tokens (`group`): a table's header, a bare `|`."""
    first, last = group[0], group[-1]
    text = "".join(t.text for t in group)
    return Token(kind, text, first.start, last.end, first.line, rule)


def _label(first: Token, text: str, cell: str) -> Token:
    fields = {"label": cell, "name": canonical_name(cell)}
    return Token(
        TokenKind.LABEL,
        text,
        first.start,
        first.start + len(text),
        first.line,
        TABLE_SPEAKER,
        fields,
    )


def _row(first: Token, text: str, speaker: int, time: int | None, pieces: Pieces) -> list[Token]:
    """A row's tokens: the pipes are markup; a speaker cell beside words is a label, the
    time cell beside it its time; the other cells are words (a row whose only filled cell
    is the speaker's is words run on into the wrong column)."""
    start, line = first.start, first.line
    body = text.rstrip("\r\n")
    spans: list[tuple[int, int]] = []  # each cell's (start, end) in `text`
    at = 0
    for part in body.split("|"):
        spans.append((at, at + len(part)))
        at += len(part) + 1
    cells = spans[1:] if body.lstrip(" \t").startswith("|") else spans  # no cell before it
    if body.rstrip(" \t").endswith("|"):
        cells = cells[:-1]
    values = [text[a:b].strip() for a, b in cells]
    # Words beside the speaker cell: letters (a count or a second time is no words).
    said = any(
        k not in (speaker, time) and any(c.isalpha() for c in v) for k, v in enumerate(values)
    )
    named = speaker < len(values) and said and is_name(values[speaker])
    out: list[Token] = []
    cursor = 0
    words = False

    def markup(a: int, b: int, rule: str = "table-pipe") -> None:
        if b > a:
            out.append(Token(TokenKind.MARKUP, text[a:b], start + a, start + b, line, rule))

    for k, (a, b) in enumerate(cells):
        value = values[k]
        if not value:
            continue
        lead = a + len(text[a:b]) - len(text[a:b].lstrip())
        tail = a + len(text[a:b].rstrip())
        markup(cursor, lead)
        cursor = tail
        if named and k == speaker:
            fields = {"label": value, "name": canonical_name(value)}
            if time is not None and time < len(values) and _TIME.match(values[time]):
                fields["time"] = values[time].strip()
            out.append(
                Token(
                    TokenKind.LABEL,
                    text[lead:tail],
                    start + lead,
                    start + tail,
                    line,
                    TABLE_SPEAKER,
                    fields,
                )
            )
        elif k == time and _TIME.match(value):
            markup(lead, tail, "table-time")
        else:
            out.extend(pieces(text[lead:tail], start + lead, line))
            words = True
    markup(cursor, len(body))
    if len(text) > len(body):  # the line's end: words on the next line are not run on
        end = text[len(body) :]
        kind = TokenKind.TEXT if words else TokenKind.MARKUP
        rule = "text" if words else "table-pipe"
        out.append(Token(kind, end, start + len(body), start + len(text), line, rule))
    return out
