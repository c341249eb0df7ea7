"""Tables of turns in CSV or TSV, as transcription services and spreadsheets export them.

A header row that names a speaker column and a words column (`speaker,start,text`,
`Speaker Name;Start Time;Transcript`) declares the labels: each row's speaker cell starts a
turn, a start cell times it, the words cell is what was said (a quoted cell may run over
lines; a doubled quote inside it is one quote). The other cells (an end time, an id) are
markup; a row with no speaker goes on with the turn before. The table ends at the first
line that is not one of its rows. Read after the line rules, as pipe tables are, so the
labels are labels when conventions and headlines are weighed.
"""

from __future__ import annotations

from typing import Final

import regex

from .names import canonical_name
from .pipetable import TABLE_SPEAKER, Pieces, is_name, line_text, token_lines, whole_line
from .tokens import Token, TokenKind

_F = regex.VERBOSE | regex.V1

# The header cells that name the speaker's column, the words' column and the start's.
_SPEAKER: Final = regex.compile(r"(?i: speaker (?: [ _]? name )?+ | name | participant )", _F)
_WORDS: Final = regex.compile(
    r"(?i: text | transcript (?: ion )?+ | content | utterance | words | sentence | dialogue )", _F
)
_START: Final = regex.compile(
    r"(?i: start (?: [ _]? time )?+ (?: [ ]? \( (?: s | sec | seconds ) \) )?+ | time"
    r" | timestamp | begin | in )",
    _F,
)
# A start cell: a clock (`00:01:05`, `1:05,200`) or seconds (`65.2`).
_TIME: Final = regex.compile(
    r"\d{1,2}+ (?: : \d\d ){1,2}+ (?: [.,] \d{1,3}+ )?+ | \d{1,6}+ (?: \. \d{1,3}+ )?+", _F
)
DELIMITERS: Final = ",;\t"
HEAD_LINES: Final = 3  # lines with words: the header is the first one, past a title or two
ROW_LINES: Final = 200  # lines a quoted cell runs over at most: an open quote ends the table

_Span = tuple[int, int]


def read_csv_tables(tokens: list[Token], pieces: Pieces) -> list[Token]:
    """`tokens` with a CSV or TSV table of turns read: its labels, times and words."""
    # (the header is among the first lines: only they are read in a document without one)
    found = _header(token_lines(_head(tokens)))
    if found is None:
        return tokens
    lines = token_lines(tokens)
    at, delimiter, columns = found
    out = [t for group in lines[:at] for t in group]
    out.append(whole_line(lines[at], TokenKind.FURNITURE, "table-head"))
    i = at + 1
    while i < len(lines):
        text = line_text(lines[i])
        if text is None:
            break
        if not text.strip():
            out.extend(lines[i])
            i += 1
            continue
        row = _row(lines, i, delimiter, len(columns[0]))
        if row is None:
            break
        end, cells = row
        out.extend(_row_tokens(lines[i:end], cells, columns, pieces))
        i = end
    for group in lines[i:]:
        out.extend(group)
    return out


def _head(tokens: list[Token]) -> list[Token]:
    """The tokens of the lines up to the `HEAD_LINES`-th line with words."""
    seen, line, counted = 0, -1, False
    for k, t in enumerate(tokens):
        if t.line != line:
            if seen >= HEAD_LINES:
                return tokens[:k]
            line, counted = t.line, False
        if not counted and t.text.strip():
            seen, counted = seen + 1, True
    return tokens


def _header(
    lines: list[list[Token]],
) -> tuple[int, str, tuple[list[_Span], int, int, int | None]] | None:
    """(line index, delimiter, (cells, speaker column, words column, start column)) of the
    table's header among the first lines with words, or None."""
    seen = 0
    for k, group in enumerate(lines):
        text = line_text(group)
        if text is None or not text.strip():
            continue
        seen += 1
        if seen > HEAD_LINES:
            return None
        body = text.rstrip("\r\n")
        for delimiter in DELIMITERS:
            if delimiter not in body:
                continue
            cells = _cells(body, delimiter)
            if cells is None or len(cells) < 2:
                continue
            names = [body[a:b].strip().strip('"').strip() for a, b in cells]
            speaker = _column(names, _SPEAKER)
            words = _column(names, _WORDS)
            if speaker is not None and words is not None and speaker != words:
                return k, delimiter, (cells, speaker, words, _column(names, _START))
    return None


def _column(names: list[str], pattern: regex.Pattern[str]) -> int | None:
    return next((k for k, name in enumerate(names) if pattern.fullmatch(name)), None)


def _cells(body: str, delimiter: str) -> list[_Span] | None:
    """The spans of a row's cells in `body` (quotes included), or None where a quoted cell
    is still open at its end."""
    spans: list[_Span] = []
    at, n = 0, len(body)
    while True:
        start = at
        if at < n and body[at] == '"':
            at += 1
            while True:
                q = body.find('"', at)
                if q < 0:
                    return None
                if body.startswith('""', q):
                    at = q + 2
                    continue
                at = q + 1
                break
        cut = body.find(delimiter, at)
        end = n if cut < 0 else cut
        spans.append((start, end))
        if cut < 0:
            return spans
        at = cut + 1


def _row(
    lines: list[list[Token]], i: int, delimiter: str, width: int
) -> tuple[int, list[_Span]] | None:
    """(the index after the row's last line, its cells) for the row that starts on line
    `i`, a quoted cell taking in the lines it runs over; None where no row of `width`
    cells starts there."""
    text = ""
    for end in range(i, min(len(lines), i + ROW_LINES)):
        more = line_text(lines[end])
        if more is None:
            return None
        text += more
        cells = _cells(text.rstrip("\r\n"), delimiter)
        if cells is not None:
            return (end + 1, cells) if len(cells) == width else None
    return None


def _row_tokens(
    group: list[list[Token]],
    cells: list[_Span],
    columns: tuple[list[_Span], int, int, int | None],
    pieces: Pieces,
) -> list[Token]:
    """A row's tokens, line by line: the speaker cell a label (timed by the start cell),
    the words cell words, the rest markup."""
    _, speaker, words, start_column = columns
    text = "".join(line_text(g) or "" for g in group)
    base, first_line = group[0][0].start, group[0][0].line
    value = [_unquoted(text[a:b]) for a, b in cells]
    # a speaker who says something (a row of a name and no words is no turn)
    named = (
        any(c.isalpha() for c in value[speaker])
        and is_name(value[speaker])
        and any(c.isalnum() for c in value[words])
    )
    parts: list[tuple[int, int, str]] = []  # (start, end, what) in `text`; gaps are markup
    if named:
        a, b = _inner(text, cells[speaker])
        parts.append((a, b, "label"))
    if value[words]:
        a, b = _inner(text, cells[words])
        # a doubled quote is one quote: the second is markup
        cursor = a
        for m in regex.finditer('""', text[a:b]):
            parts.append((cursor, a + m.start() + 1, "words"))
            cursor = a + m.end()
        parts.append((cursor, b, "words"))
    parts.sort()
    fields: dict[str, str] = {}
    if named:
        fields = {"label": value[speaker], "name": canonical_name(value[speaker])}
        if start_column is not None and _TIME.fullmatch(value[start_column]):
            fields["time"] = value[start_column]
    out: list[Token] = []
    cursor = 0

    def emit(a: int, b: int, what: str) -> None:
        # one token a line: split where the row's lines end
        while a < b:
            cut = text.find("\n", a, b)
            stop = b if cut < 0 else cut + 1
            line = first_line + text.count("\n", 0, a)
            piece = text[a:stop]
            if what == "label":
                out.append(
                    Token(
                        TokenKind.LABEL, piece, base + a, base + stop, line, TABLE_SPEAKER, fields
                    )
                )
            elif what == "words" and piece.strip():
                out.extend(pieces(piece, base + a, line))
            elif what == "words":  # a line end among the words
                out.append(Token(TokenKind.TEXT, piece, base + a, base + stop, line, "text"))
            else:
                out.append(
                    Token(TokenKind.MARKUP, piece, base + a, base + stop, line, "table-cell")
                )
            a = stop

    for a, b, what in parts:
        emit(cursor, a, "markup")
        emit(a, b, what)
        cursor = b
    body = len(text.rstrip("\r\n"))
    emit(cursor, body, "markup")
    # the row's line end: words on the next line are not run on
    emit(body, len(text), "words" if value[words] else "markup")
    return out


def _inner(text: str, span: _Span) -> _Span:
    """A cell's words: inside its quotes, past the spaces around them."""
    a, b = span
    while a < b and text[a] in " \t":
        a += 1
    while b > a and text[b - 1] in " \t\r\n":
        b -= 1
    if b - a >= 2 and text[a] == '"' and text[b - 1] == '"':
        a, b = a + 1, b - 1
    return a, b


def _unquoted(cell: str) -> str:
    cell = cell.strip()
    if len(cell) >= 2 and cell[0] == '"' and cell[-1] == '"':
        cell = cell[1:-1].replace('""', '"')
    return cell.strip()
