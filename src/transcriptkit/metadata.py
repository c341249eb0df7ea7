"""Title, date and program: decided here, once, from what the document prints.

The tokenizer marks facts on tokens (a date line is a `header` with `field=date`, a headline
a scraped page repeats is `field=heading` with how often it repeats, a house style's own
title line is `field=title`). This module weighs those facts, and the lines around them,
and decides. Every choice is an ordered list of named candidates, broken by the line they
stand on, so the same text gives the same metadata in every process.

Title, strongest evidence first (see `_TITLE_ORDER`): a title the document states (front
matter, a `Title:` field, a house style's title line); the headline a scraped page repeats;
a markdown `# heading`; the headline beside the page's dateline; the name under an item's
number on top (`Episode 13` / `Name`); a headline on the first line; the last headline
before the content. Furniture is never a title: fields (`Show:
FRESH AIR`), places (`Albany, NY`), numbering (`Episode 13`), a station's frequency, the
program's own name, lines without words.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice

import regex

from . import rules
from .cleantext import _SMALL as SMALL_WORDS
from .cleantext import decode_entities, looks_like_heading
from .models import Kind, Metadata
from .tokens import Token, TokenKind

_F = regex.VERBOSE | regex.V1
_WS = " \t\r\n\xa0\ufeff"

_MONTHS = {
    m: i
    for i, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        1,
    )
    for m in names
}

# ---- thresholds -------------------------------------------------------------------------

_HEAD_LINES = 60  # lines: where a page without content prints its own title and dateline
_NEAR = 3  # non-blank lines: how far from its dateline a page prints the headline
_AFTER_LINES = 3  # wordy lines after the head where a story may open on its date
_DATELINE_CHARS = 160  # a line this long holding a date is a byline or dateline, not prose
_LONG_HEADLINE = 600  # characters: CNN strings a show's headlines into one line this long
_HEADING_CHECK = 200  # characters of a long line read to tell whether it is a headline
_FIELD_VALUE_WORDS = 3  # `Show: FRESH AIR`: a field's value is a name, a few words at most
_DATED_HEADING_WORDS = 3  # `25 Aug 2008: Today's Show`: words besides the date make a headline
_FIRST_LINE_WORDS = 3  # capitalised words a first-line headline needs (`Watch LIVE` is a button)
_ACRONYM = 4  # letters: `This is NPR.` names a network, not a program

# ---- patterns ---------------------------------------------------------------------------

_URL_DATE = regex.compile(r"/((?:19|20)\d\d)/([01]\d)/([0-3]\d)/")
_QUOTED = regex.compile(r"""^["“'‘](?P<inner>.+)["”'’]$""")
# Markdown's bold in a title (`**A Title**`, `A **Bold** Title`), or italics around it
# whole (`_A Title_`): the marks are no words of it.
_BOLD = regex.compile(r"(?P<mark>\*\*|__)(?=\S)(?P<inner>.+?)(?<=\S)(?P=mark)")
_ITALIC = regex.compile(r"^(?P<mark>[*_])(?P<inner>[^*_](?:[^*_]*[^*_ ])?)(?P=mark)$")

# A date in figures: `10/30/2020`, `16/09/2012`, `10.3.12`. Day or month first is read from
# the document (`_numeric_order`); a two-digit year only where a word says it is a date.
_NUMERIC_DATE = regex.compile(
    r"""(?<![\d/.]) (?P<a>\d{1,2}) (?P<sep>[/.]) (?P<b>\d{1,2}) (?P=sep) (?P<y>\d{4}|\d{2})
        (?![\d/.])""",
    _F,
)

# Words that say the next thing is a date: `Posted 10.3.12`, `Upload Date: 2021-03-04`,
# `VTR Date: May 4, 1993`, `Sabra Lane reported this story on Thursday, October 29, 2009`.
_DATE_CUE = regex.compile(
    r"""(?i: \b date | posted | published | aired | updated | broadcast | recorded
        | (?: reported | filed ) [ ] this [ ] story [ ] on )
        \b [ \t]*+ :?+ [ \t]*+ (?:on [ ])?+ $""",
    _F,
)

# The same words anywhere before a date: `Page last updated at 10:14 GMT, Sunday, ...`.
_DATE_WORD = regex.compile(
    r"\b (?i: date | posted | published | aired | updated | broadcast | recorded | reported ) \b",
    _F,
)

# `updated 11:04 a.m. ET, Wed., March 4, 2009`, `Last modified: ...`: when the page changed,
# not when the story aired.
_UPDATED = regex.compile(r"\b (?i: (?: last [ ] )?+ (?: updated | modified ) ) \b", _F)

# A dateline opening a news story: `MARCH 27, 2016 — The governor said ...`.
_LEDE = regex.compile(r"[ \t]*+ [—–-]{1,2}+ [ \t]", _F)

# YAML front matter: `---` on the first line, `key: value` lines, then `---`; a plain value
# may run on over indented lines.
_FM_FENCE = regex.compile(r"[ \t]*+ --- [ \t]*+ $", _F)
_FM_FIELD = regex.compile(
    r"(?P<key> [A-Za-z_][\w\- ]{0,40}+ ) [ \t]*+ : (?: [ \t]++ (?P<value> .*+ ) )?+ $", _F
)

# A page's field line: `Show: FRESH AIR`, `Length: 29:05`, `Guest: Rose, Charlie`.
_FIELD = regex.compile(
    r"(?P<key> \p{Lu}[\p{L}\-]{1,20}+ ) [ \t]*+ : [ \t]*+ (?P<value> \S [^\n]*+ )",
    _F,
)
# Field names that state the title or the program (the grammar's words, not a site's).
_TITLE_KEYS = frozenset({"title", "headline"})
_PROGRAM_KEYS = frozenset({"show", "program", "programme", "series", "podcast"})

# `Albany, NY`, `Independence, Missouri`, `COLUMBUS, OHIO`: where a story was filed.
_PLACE = regex.compile(
    r"""\p{Lu}[\p{L}.'’\-]{1,25}+ (?: [ ] \p{Lu}[\p{L}.'’\-]{1,25}+ ){0,2}+ , [ ]
        \p{Lu}[\p{L}.]{1,20}+ $""",
    _F,
)
# `By Ada Quist`, `By ADA QUIST and Noor Belcastro`: who wrote it, not what it is called.
# ... and `Interview by Ada Quist`, `by NEAL CONAN`, `By Ada Quist | March 3, 2024`.
_BYLINE = regex.compile(
    r"""(?: (?: Interview (?: ed )?+ | Written | Reported | Story | Words | Text | Photos?+
            | Transcribed ) [ ] )?+
        (?i: by ) [ ] \p{Lu}[\p{L}.'’\-]{0,25}+
        (?: [ ] (?: \p{Lu}[\p{L}.'’\-]{0,25}+ | and | & ) ){0,6}+
        (?: [ \t]*+ [|·•,—–] [^\n]{0,80}+ )?+ [ \t]*+ $""",
    _F,
)
# `Episode 13`, `Episode #42`, `Volume 1`: an item's number, not its name.
_NUMBERING = regex.compile(r"\p{L}{2,20}+ [ ] \#?+ \d{1,5}+ $", _F)
# `WXPR 91.7 FM`, `90.9`: a station's frequency.
_FREQUENCY = regex.compile(r"(?<!\d) \d{2,3}+ \. \d (?!\d) | \b [AF]M \b", _F)
# `<h1>A Heading</h1>`: an HTML page's own heading.
_HTML_TITLE = regex.compile(
    r"<h1 (?: [ \t][^<>\n]{0,200}+ )?+ > (?P<value> [^<>\n]{1,300}+ ) </h1>", _F | regex.I
)
# `# A Heading` (one mark: a document's title, not a section's).
_MD_TITLE = regex.compile(r"[ \t]*+ \# [ \t]++ (?P<value> [^#\n][^\n]*? ) [ \t#]*+ $", _F)

# A host naming the program on air: `This is MORNING EDITION from NPR News`, `From the
# studios of Harbor Radio, this is THE LONG TABLE.`, `You're listening to NIGHT DESK on
# ...`. The program is printed in capitals; what follows is `from`/`on` and a name, or the
# end of the sentence.
# A capital inside a program's name; a dot only inside it (`U.S. DESK`), not its full stop.
_CAPS = r"(?: [\p{Lu}\p{Nd}'’&\-] | \.(?= \p{Lu} | [ ] \p{Lu}{2} ) )"
PROGRAM_SAID = regex.compile(
    rf"""
    (?: ^ | (?<= [.!?…"”] [ \t]++ ) | (?<= , [ \t]++ ) )
    (?i: this [ ] is | it['’]s | welcome [ ] (?: back [ ] )?+ to | you['’]re [ ] listening [ ] to
       | you['’]re [ ] watching ) [ ]++
    (?P<program> (?: [Tt]he [ ] )?+ \p{{Lu}} {_CAPS}{{1,30}}+
                 (?: [ ] (?: \p{{Lu}} {_CAPS}{{0,30}}+ | & ) ){{0,6}}+ )
    (?= [ ] (?: from | on | at | with ) [ ] \p{{Lu}} | [.,!;?…] | [ \t]*+ $ )
    """,
    _F,
)
# The words every `PROGRAM_SAID` match starts with, case folded.
_SAID_WORDS = ("this is", "it's", "it’s", "welcome", "you're", "you’re")


def _said(text: str) -> Iterator[regex.Match[str]]:
    """`PROGRAM_SAID.finditer(text)`, tried only where its words stand: a match starts
    with them, and where every character folds to one, the folded text has them at the
    same place (the pattern's case-insensitive words match no other characters: İ
    folds to two). A long turn is not searched character by character."""
    folded = text.casefold()
    if len(folded) != len(text):
        yield from PROGRAM_SAID.finditer(text)
        return
    starts: list[int] = []
    for words in _SAID_WORDS:
        at = folded.find(words)
        while at >= 0:
            starts.append(at)
            at = folded.find(words, at + 1)
    done = 0  # where the last match ended: matches do not overlap
    for at in sorted(starts):
        if at >= done and (m := PROGRAM_SAID.match(text, at)):
            done = m.end()
            yield m


# ---- dates ------------------------------------------------------------------------------


def parse_date(value: str, day_first: bool = False, cued: bool = True) -> dt.date | None:
    """A `datetime.date` from the first date in `value`; None without a day.

    Figures (`10/30/2020`) are read month first unless `day_first`, or unless one part can
    only be a day (`16/09/2012`); a two-digit year, or dots that could be read either way
    (`07.11.2003`), only when `cued` (a word says a date follows: `Posted 10.3.12`).
    """
    found = _find_date(value, day_first, cued)
    return found[0] if found else None


# (date, start, end) of a date found in a text.
_Found = tuple[dt.date, int, int]
# What each date form cannot be printed without, searched before it (most lines have
# neither): every branch of `rules.DATE` has a four-digit year (or `20240326`), a date in
# figures a digit, a dot or slash and a digit.
_YEAR = regex.compile(r"\d{4}", _F)
_IN_FIGURES = regex.compile(r"\d [/.] \d", _F)


def _find_date(value: str, day_first: bool, cued: bool) -> _Found | None:
    """(date, start, end) of the first date in `value` with a day."""
    found = _find_dates(value, day_first)
    return found[0] if cued else found[1]


def _find_dates(value: str, day_first: bool) -> tuple[_Found | None, _Found | None]:
    """`_find_date` of `value` cued and not cued, in one pass: the word date is searched
    once, and the figures before it are read once for both."""
    best: _Found | None = None
    for m in rules.DATE.finditer(value) if _YEAR.search(value) else ():
        day = _word_date(m)
        if day:
            best = (day, m.start(), m.end())
            break
    if not _IN_FIGURES.search(value, 0, best[1] if best else len(value)):
        return best, best
    cued: _Found | None = None
    for m in _NUMERIC_DATE.finditer(value, 0, best[1] if best else len(value)):
        # `07.11.2003` alone may be day first (Europe) or month first (US): only when cued
        doubtful = len(m["y"]) == 2 or (m["sep"] == "." and _ambiguous(m))
        if doubtful and cued is not None:
            continue
        day = _figures(int(m["a"]), int(m["b"]), int(m["y"]), day_first)
        if day:
            if cued is None:
                cued = (day, m.start(), m.end())
            if not doubtful:
                return cued, (day, m.start(), m.end())
    return cued or best, best


def _ambiguous(m: regex.Match[str]) -> bool:
    return int(m["a"]) <= 12 and int(m["b"]) <= 12 and m["a"] != m["b"]


def _word_date(m: regex.Match[str]) -> dt.date | None:
    try:
        if m["iso"]:
            return dt.date(int(m["y1"]), int(m["m1"]), int(m["d1"])) if m["d1"] else None
        if m["y3"]:
            return dt.date(int(m["y3"]), int(m["m3"]), int(m["d3"]))
        month = m["month"] or m["month2"]
        day = m["day"] or m["day2"]
        year = m["year"] or m["year2"]
        return dt.date(int(year), _MONTHS[month.lower().rstrip(".")], int(day))
    except (ValueError, KeyError, TypeError):
        return None


def _figures(a: int, b: int, year: int, day_first: bool) -> dt.date | None:
    if year < 100:
        year += 2000 if year < 70 else 1900
    if a > 12 or (day_first and b <= 12):
        a, b = b, a
    try:
        return dt.date(year, a, b)
    except ValueError:
        return None


def _numeric_order(text: str) -> bool:
    """True when the document writes figures day first: one of its dates can only be read
    that way (`16/09/2012`). Otherwise month first, as the US outlets print them. `text` is
    the head's lines joined by newlines (one search: no date in figures spans a line)."""
    if not _IN_FIGURES.search(text):
        return False
    for m in _NUMERIC_DATE.finditer(text):
        a, b = int(m["a"]), int(m["b"])
        if a > 12 >= b:
            return True
        if b > 12 >= a:
            return False
    return False


# ---- titles -----------------------------------------------------------------------------


def clean_title(title: str) -> tuple[str, str | None]:
    """(title, program): quotes or markdown emphasis around the whole title dropped, a
    program suffix split off (`Invented Title : The NPR Politics Podcast`)."""
    if "<" in title:
        title = rules.HTML_TAG.sub("", title)  # `<h1>A Title</h1>` from a page's source
    title = decode_entities(title)  # `The Caf&eacute; Hour`
    title = " ".join(title.split())
    program = None
    if m := rules.PROGRAM_SUFFIX.match(title):
        title, program = m["title"].strip(), m["program"].strip()
    if "**" in title or "__" in title:
        title = _BOLD.sub(r"\g<inner>", title)
    if m := _ITALIC.match(title):
        title = m["inner"]
    if m := _QUOTED.match(title):
        title = m["inner"].strip()
    return title, program


# Where a title comes from, strongest first; a candidate's rank is its place here.
_TITLE_ORDER = (
    "stated",  # front matter `title:`, a `Title:` field, a house style's title line
    "repeated",  # the headline a scraped page prints two or more times
    "markdown",  # `# Heading` before the content
    "dateline",  # the headline just above (or below) the page's dateline
    "numbered",  # the name printed under the item's number on top (`Episode 13` / `Name`)
    "first-line",  # a headline on the first line of the page
    "last-before",  # the last headline before the content (a section name often sits above)
)
_RANK = {name: i for i, name in enumerate(_TITLE_ORDER)}


@dataclass(slots=True)
class _Line:
    """One line of the input, as the metadata rules read it."""

    number: int
    raw: str  # as printed, without the line end
    kinds: frozenset[TokenKind]
    text: str = ""  # its words (no markup), stripped
    headers: tuple[dict[str, str], ...] = ()
    # `_find_dates` of `text` by reading order (day first or not), read once: the title
    # and date rules ask about the same head lines again and again.
    found: dict[bool, tuple[_Found | None, _Found | None]] = field(default_factory=dict)

    @property
    def wordy(self) -> bool:
        """Only words (and markup): no label, cue, furniture or header on it."""
        return bool(self.text) and self.kinds <= _WORDS_ONLY

    @property
    def date_header(self) -> str | None:
        return next((h.get("value", "") for h in self.headers if h.get("field") == "date"), None)

    def dates(self, day_first: bool) -> tuple[_Found | None, _Found | None]:
        """The first date of the line, cued and not cued (see `_find_dates`)."""
        found = self.found.get(day_first)
        if found is None:
            found = self.found[day_first] = _find_dates(self.text, day_first)
        return found


# The kinds of a line that holds only words (and markup).
_WORDS_ONLY = frozenset({TokenKind.TEXT, TokenKind.NOTE, TokenKind.MARKUP})
# The kinds of a line of one token (a blank line has none).
_ONE_KIND: dict[TokenKind, frozenset[TokenKind]] = {
    k: frozenset() if k is TokenKind.BLANK else frozenset({k}) for k in TokenKind
}


def _lines(tokens: list[Token], i: int = 0) -> Iterator[_Line]:
    """The lines of `tokens` from `tokens[i]` on, made as they are read."""
    shared: dict[frozenset[TokenKind], frozenset[TokenKind]] = {}
    while i < len(tokens):
        j = _line_end(tokens, i)
        yield _line(tokens, i, j, shared)
        i = j


def _line_end(tokens: list[Token], i: int) -> int:
    """Index after the last token of the line `tokens[i]` starts."""
    number, j, n = tokens[i].line, i + 1, len(tokens)
    while j < n and tokens[j].line == number:
        j += 1
    return j


def _line(
    tokens: list[Token],
    i: int,
    j: int,
    shared: dict[frozenset[TokenKind], frozenset[TokenKind]],
) -> _Line:
    """The line of `tokens[i:j]`; its `kinds` is shared (via `shared`) with every line of
    the same kinds (never mutated), so a long text costs no set per line."""
    first = tokens[i]
    kinds: frozenset[TokenKind]
    headers: tuple[dict[str, str], ...]
    if j == i + 1:  # one token: most lines of a dense text
        raw, kinds = first.text, _ONE_KIND[first.kind]
        headers = (first.fields,) if first.kind is TokenKind.HEADER else ()
    else:
        group = tokens[i:j]
        raw = "".join(t.text for t in group)
        found: frozenset[TokenKind] = frozenset(
            t.kind for t in group if t.kind is not TokenKind.BLANK
        )
        kinds = shared.setdefault(found, found)
        headers = tuple(t.fields for t in group if t.kind is TokenKind.HEADER)
    raw = raw.rstrip("\r\n")
    text = raw
    if TokenKind.MARKUP in kinds:  # its words: `<p>A Headline</p>` is a headline
        text = "".join([t.text for t in tokens[i:j] if t.kind is not TokenKind.MARKUP])
    return _Line(first.line, raw, kinds, text.strip(_WS), headers)


def _head(tokens: list[Token], content_line: int | None) -> tuple[list[_Line], int]:
    """(head, index): the lines before the content (the first `_HEAD_LINES` lines when
    there is none), and the index of the first token after them. Tokens come in the order
    of the text, so the head is a prefix of the lines; the rest is not made into lines."""
    head: list[_Line] = []
    shared: dict[frozenset[TokenKind], frozenset[TokenKind]] = {}
    i = 0
    while i < len(tokens):
        if content_line is None and len(head) == _HEAD_LINES:
            break
        if content_line is not None and tokens[i].line >= content_line:
            break
        j = _line_end(tokens, i)
        head.append(_line(tokens, i, j, shared))
        i = j
    return head, i


# The kinds a wordy line's tokens have (see `_Line.wordy`).
_WORDY_KINDS = _WORDS_ONLY | {TokenKind.BLANK}


def _wordy_lines(tokens: list[Token], i: int) -> Iterator[_Line]:
    """The wordy lines from `tokens[i]` on; a line with a token of another kind (a label:
    every line of a transcript) is passed over without being made."""
    shared: dict[frozenset[TokenKind], frozenset[TokenKind]] = {}
    n = len(tokens)
    while i < n:
        number, j, plain, blank = tokens[i].line, i, True, True
        while j < n and tokens[j].line == number:
            kind = tokens[j].kind
            plain = plain and kind in _WORDY_KINDS
            blank = blank and kind is TokenKind.BLANK
            j += 1
        if plain and not blank and (ln := _line(tokens, i, j, shared)).wordy:
            yield ln
        i = j


def _front_matter(lines: Iterator[_Line]) -> dict[str, str]:
    """`key: value` pairs of YAML front matter (a value folded over indented lines is
    joined), lower-case keys; {} without front matter."""
    first = next(lines, None)
    if first is None or not first.text or not _FM_FENCE.match(first.text):
        return {}
    found: dict[str, str] = {}
    key: str | None = None
    for ln in lines:
        raw = ln.raw
        if _FM_FENCE.match(raw):
            return found
        m = _FM_FIELD.match(raw)
        if m and not raw[:1].isspace():
            key = m["key"].strip().lower()
            found.setdefault(key, (m["value"] or "").strip())
        elif key is not None and raw[:1].isspace() and not raw.lstrip().startswith("- "):
            found[key] = (found[key] + " " + raw.strip()).strip()  # a folded value
    return {}  # never closed: not front matter


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        value = value[1:-1].replace("''", "'") if value[0] == "'" else value[1:-1]
    return " ".join(value.split())


def _heading(text: str, words: int = 2) -> bool:
    """A headline and not page furniture."""
    if not text or len(text) > _LONG_HEADLINE:
        return False
    if _furniture_line(text) or text.rsplit(None, 1)[-1] in SMALL_WORDS:
        return False  # `Visit The Show on`: a headline never ends on a small word
    if len(text) <= _HEADING_CHECK:
        return looks_like_heading(text, words)
    if text.endswith((".", ",", ":", ";")):
        return False
    # Where the cut falls after a `;` or `,` that strings headlines together, the head is
    # still headlines; a `.` there is a sentence's end.
    head = text[:_HEADING_CHECK].rsplit(" ", 1)[0].rstrip(",;:")
    return looks_like_heading(head, words)


def _furniture_line(text: str) -> bool:
    """Lines that look like headlines but are page furniture: a field (`Show: FRESH AIR`),
    a place (`Albany, NY`), a number (`Episode 13`), a station's frequency, a byline (`By
    Ada Quist`)."""
    stated = ":" in text and _FIELD.fullmatch(text)
    if stated and len(stated["value"].split()) <= _FIELD_VALUE_WORDS:
        return stated["key"].lower() not in _TITLE_KEYS
    return bool(
        _PLACE.match(text)
        or _NUMBERING.match(text)
        or _FREQUENCY.search(text)
        or ("y " in text[:25] and _BYLINE.match(text))
    ) or not any(map(str.isalpha, text))


@dataclass(order=True, frozen=True, slots=True)
class _Candidate:
    """A possible title; candidates sort by (rank, tie, line): a stated, stable order."""

    rank: int
    tie: tuple[int, ...]
    line: int
    text: str = field(compare=False)


@dataclass(slots=True)
class _Page:
    """What the rules read of the whole text besides its head: a house style's title lines
    (line, value) and the date headers (a line's first), in the order printed, gathered in
    the one walk over the tokens; `rest`, the index of the first token after the head."""

    tokens: list[Token]
    rest: int
    titles: list[tuple[int, str]] = field(default_factory=list)
    dates: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)  # date headers of an update


def _title_candidates(
    page: _Page, head: list[_Line], front: dict[str, str], program: str | None, kind: Kind
) -> list[_Candidate]:
    found: list[_Candidate] = []

    def add(source: str, line: int, text: str, tie: tuple[int, ...] = ()) -> None:
        text = " ".join(text.split())
        if text and (program is None or text.casefold() != program.casefold()):
            found.append(_Candidate(_RANK[source], tie, line, text))

    if front.get("title"):
        add("stated", page.tokens[0].line, _unquote(front["title"]))
    for line, value in page.titles:  # a house style's title line, wherever it stands
        add("stated", line, value)
    for ln in head:
        if ":" in ln.text and (m := _FIELD.fullmatch(ln.text)) and m["key"].lower() in _TITLE_KEYS:
            add("stated", ln.number, m["value"])
    found.extend(
        c for c in _repeated(head) if program is None or c.text.casefold() != program.casefold()
    )
    for ln in head:
        if "#" in ln.text and (m := _MD_TITLE.match(ln.text)):
            add("markdown", ln.number, m["value"])
            break
        if "<h1" in ln.raw and (m := _HTML_TITLE.search(ln.raw)):
            add("markdown", ln.number, m["value"])  # an HTML page's `<h1>`, as `# Heading`
            break
    dateline = _dateline_index(head, kind)
    if dateline is not None:
        near = _beside(head, dateline)
        if near is not None:
            add("dateline", near.number, near.text)
    if kind == "other":  # a listing's headlines are its items'
        return found
    first = next((ln for ln in head if ln.text and not _NUMBERING.match(ln.text)), None)
    top = next((ln for ln in head if ln.text), None)
    if (  # `Episode 13` / `Transcripts`: one word is a name under an item's number
        first is not None
        and top is not None
        and top is not first
        and _NUMBERING.match(top.text)
        and _next_nonblank(head, head.index(top)) is first
        and _plain_heading(first, 1)
    ):
        add("numbered", first.number, first.text)
    if first is not None and _plain_heading(first, _FIRST_LINE_WORDS):
        add("first-line", first.number, first.text)
    last = next((ln for ln in reversed(head) if _plain_heading(ln)), None)
    if last is not None:
        add("last-before", last.number, last.text)
    return found


def _plain_heading(ln: _Line, words: int = 2) -> bool:
    """A headline line that is no dateline (`Upload Date: March 4, 2021` is a field)."""
    if not ln.wordy or not _heading(ln.text, words):
        return False
    return _dated_line(ln, False) is None or _dated_heading(ln)


def _repeated(head: list[_Line]) -> list[_Candidate]:
    """The headlines the tokenizer found repeated: the one a teaser runs on from first,
    then the most repeated, then the earliest. A headline wrapped over two lines (`Oral
    History Interview with` / `Ada Quist`), repeated as a pair, is one headline."""
    marked = {
        ln.number: h
        for ln in head
        for h in ln.headers
        if h.get("field") in ("heading", "repeated") and h.get("value")
    }
    out: list[_Candidate] = []
    numbers = sorted(marked)
    by_number = {ln.number: i for i, ln in enumerate(head)}
    consumed: set[int] = set()
    for n in numbers:
        h = marked[n]
        text = h["value"]
        if n in consumed or _furniture_line(text) or text.islower() or _date_field(text):
            continue  # `speaker` over every turn of a call: a headline has a capital
        after = _next_nonblank(head, by_number[n])
        if (
            after is not None
            and after.number in marked
            and _runs_on(text)
            and marked[after.number]["value"] != text  # printed twice, not wrapped
        ):
            text = f"{text} {marked[after.number]['value']}"
            consumed.add(after.number)
        tie = (0 if h.get("teaser") else 1, -int(h.get("repeats", "2")))
        out.append(_Candidate(_RANK["repeated"], tie, n, text))
    return out


def _runs_on(text: str) -> bool:
    """A Title Case headline whose last word is in lower case (`Interview with`) was
    wrapped: Title Case never ends on a small word."""
    words = text.split()
    return len(words) >= 2 and words[-1].islower() and sum(w[:1].isupper() for w in words) >= 2


def _next_nonblank(head: list[_Line], i: int) -> _Line | None:
    return next((ln for ln in head[i + 1 :] if ln.text), None)


def _dateline_index(head: list[_Line], kind: Kind) -> int | None:
    """Index in `head` of the page's dateline: its first line that is a date (a date header,
    or a short line holding one). A listing's own dateline names the weekday."""
    for i, ln in enumerate(head):
        if not ln.text:
            continue
        value = ln.date_header
        if value is None and (ln.wordy or _teaser(ln)) and _dated_line(ln, False):
            value = ln.text
        if value is None:
            continue
        if kind == "other" and not (_WEEKDAY.search(ln.text) or _DATE_WORD.search(ln.text)):
            return None
        return i
    if kind == "other":
        return None
    # A call's page may print only the hour: `, 8:00 a.m. ET` under the headline.
    return next((i for i, ln in enumerate(head) if ln.wordy and _CLOCK_LINE.match(ln.text)), None)


# A line that is only an hour: `, 8:00 a.m. ET`, `2:39 p.m. EDT`.
_CLOCK_LINE = regex.compile(
    r"[\s,;|•-]*+ \d{1,2}:\d\d [ ]?+ (?i: [ap]\.?m\.? ) (?: [ ] \p{Lu}{2,4}+ )?+ [ \t.]*+ $", _F
)
_WEEKDAY = regex.compile(r"\b(?i: mon | tues | wednes | thurs | fri | satur | sun ) day \b", _F)


def _beside(head: list[_Line], i: int) -> _Line | None:
    """The headline at the dateline `head[i]`: the dateline itself when it holds a headline
    besides its date (`October 19, 2016: The Third Debate`), else the nearest headline above
    it, else below (within `_NEAR` non-blank lines; places, numbers and bare dates skipped).
    """
    if _dated_heading(head[i]):
        return head[i]
    for step in (-1, 1):
        j, seen = i + step, 0
        while 0 <= j < len(head) and seen < _NEAR:
            ln = head[j]
            j += step
            if not ln.text:
                continue
            seen += 1
            if _dated_heading(ln):
                return ln
            if _furniture_line(ln.text) or ln.date_header is not None:
                continue
            if ln.wordy and (_heading(ln.text) or (step < 0 and _sentence_case_headline(ln.text))):
                return ln
            break
    return None


def _date_field(text: str) -> bool:
    """`Day & Time: Friday, ...`, `Original Air Date: May 4, 2023`, `Page last updated
    ...`: a date as a field's value or after a date word, not part of a headline."""
    return _field_date(text, _find_date(text, False, False))


def _field_date(text: str, found: _Found | None) -> bool:
    """`_date_field` of `text`, whose first date (not cued) is `found`."""
    if not found:
        return False
    before = text[: found[1]]
    return before.rstrip().endswith(":") or bool(_DATE_WORD.search(before))


def _dated_heading(ln: _Line) -> bool:
    """A headline that holds a date: `25 Aug 2008: Today's Show`."""
    found = ln.dates(False)[1]
    if not found or not (ln.wordy or ln.date_header is not None):
        return False
    before = ln.text[: found[1]]
    if _field_date(ln.text, found):
        return False
    rest = (before + " " + ln.text[found[2] :]).strip(" :-—–,|")
    return _words(rest) >= _DATED_HEADING_WORDS and _heading(ln.text)


def _words(text: str) -> int:
    return sum(1 for w in text.split() if any(c.isalpha() for c in w))


# ---- the decision -----------------------------------------------------------------------


def decide(
    tokens: list[Token],
    *,
    content_line: int | None,
    kind: Kind,
    spoken: Iterable[str] = (),
) -> Metadata:
    """The metadata of a document: title, date, program, URL, corrections, outlet.

    `content_line` is where the content starts (the first turn or paragraph; None when
    there is none), `kind` the document's kind, `spoken` the opening turns' text (where a
    host names the program).
    """
    meta = Metadata()
    head, rest = _head(tokens, content_line)
    front = _front_matter(_lines(tokens))
    page = _Page(tokens, rest)
    npr_chrome = False
    heading_program: str | None = None
    dated_line = -1  # the last line whose date header was read: a line's first one counts
    for t in tokens:
        if t.kind is TokenKind.FURNITURE:
            npr_chrome = npr_chrome or (t.rule in ("logo", "disclaimer") and "NPR" in t.text)
            continue
        if t.kind is not TokenKind.HEADER:
            continue
        if heading_program is None and (m := rules.PROGRAM_SUFFIX.match(t.text.strip())):
            heading_program = m["program"].strip()
        name, value = t.fields.get("field"), t.fields.get("value", "")
        if name == "url" and meta.url is None:
            meta.url = value
        elif name == "correction":
            meta.corrections.append(value)
        elif name == "program" and meta.program is None:
            meta.program = value
        elif name == "title" and value:
            page.titles.append((t.line, value))
        elif name == "date" and t.line != dated_line:
            (page.updated if _UPDATED.search(t.text) else page.dates).append(value)
            dated_line = t.line
    meta.url = meta.url or (_unquote(front["url"]) if front.get("url") else None)

    stated = meta.program or _program_stated(head, front)
    said = next((name for text in spoken if (name := program_said(text))), None)
    candidates = sorted(_title_candidates(page, head, front, stated or said, kind))
    suffix = None
    if candidates:
        meta.title, suffix = clean_title(_headline_over_show(candidates).text)
    # The program as printed (a field, a title's suffix) before the program as said on air.
    meta.program = stated or suffix or heading_program or said
    meta.date = _date(page, head, front, meta, kind)
    if (meta.url and "npr.org" in meta.url) or npr_chrome:
        meta.outlet = "NPR"
    return meta


# A show's name is a few words; a story's headline says more.
_SHOW_NAME_WORDS = 3


def _headline_over_show(candidates: list[_Candidate]) -> _Candidate:
    """The first candidate, unless it is a few repeated words (`On Point` / `On Point`
    over the headline: the show's name in the page's header) and a longer headline stands
    at the dateline below it: then that one."""
    best = candidates[0]
    if best.rank != _RANK["repeated"] or len(best.text.split()) > _SHOW_NAME_WORDS:
        return best
    return next(
        (
            c
            for c in candidates
            if c.rank == _RANK["dateline"]
            and c.line > best.line
            and len(c.text.split()) > _SHOW_NAME_WORDS
        ),
        best,
    )


def _program_stated(head: list[_Line], front: dict[str, str]) -> str | None:
    """The program a page states: front matter (`show:`), a `Show:` or `Program:` field."""
    for key in sorted(_PROGRAM_KEYS):
        if front.get(key):
            return _unquote(front[key])
    for ln in head:
        if (
            ":" in ln.text
            and (m := _FIELD.fullmatch(ln.text))
            and m["key"].lower() in _PROGRAM_KEYS
        ):
            return m["value"].strip()
    return None


def program_said(text: str) -> str | None:
    """The program a host names on air: `This is MORNING EDITION from NPR News.`; a
    network's acronym (`This is NPR.`) is not a program."""
    for m in _said(text):
        name = m["program"].strip(" .").removeprefix("the ")
        if " " not in name and len(name) <= _ACRONYM:
            continue
        return name
    return None


def _date(
    page: _Page, head: list[_Line], front: dict[str, str], meta: Metadata, kind: Kind
) -> dt.date | None:
    """The first date, by evidence: a date header (a dated line the tokenizer or a house
    style marked) or front matter; a dateline before the content (`Sat April 16, 2011`,
    `Sabra Lane reported this story on ...`, `10/30/2020`); the title; a printed URL; a
    story opening on its date (`MARCH 27, 2016 — ...`). A listing keeps only its own
    dateline, one that names the weekday."""
    day_first = _numeric_order("\n".join(ln.text for ln in head))
    if kind == "other":
        i = _dateline_index(head, kind)
        return parse_date(head[i].text, day_first) if i is not None else None
    values = list(page.dates)
    for key in ("date", "upload_date", "upload date", "published", "aired"):
        if front.get(key):
            values.append(_unquote(front[key]))
    for value in values:
        if day := parse_date(value, day_first):
            return day
    # (a headline's teaser may be its dateline: `Radio · Posted: Sep 12, 2024`; the day a
    # page was last updated dates it only where nothing else does)
    updated: dt.date | None = None
    for ln in head:
        if (ln.wordy or _teaser(ln)) and (day := _dated_line(ln, day_first)):
            if not _UPDATED.search(ln.text):
                return day
            updated = updated or day
    if meta.title and (day := parse_date(meta.title, day_first, cued=False)):
        return day
    for ln in head:  # a title line that dates the show: `tv  Policy Forum  CSPAN  May 3, 2019`
        titled = bool(ln.headers) and any(h.get("field") == "title" for h in ln.headers)
        if titled and (day := parse_date(ln.text, day_first, cued=False)):
            return day
    if updated is not None:
        return updated
    for value in page.updated:
        if day := parse_date(value, day_first):
            return day
    if meta.url and (m := _URL_DATE.search(meta.url)):
        return parse_date("-".join(m.groups()))
    for ln in islice(_wordy_lines(page.tokens, page.rest), _AFTER_LINES):
        found = ln.dates(day_first)[1]
        if found and found[1] <= _DATELINE_CHARS // 4 and _LEDE.match(ln.text, found[2]):
            return found[0]
    return None


# Words of a headline in sentence case (`Why the ferry stopped for the winter`).
_HEADLINE_WORDS = range(3, 21)


def _sentence_case_headline(text: str) -> bool:
    """A headline in sentence case, right above its dateline: a capital first, a few words,
    no sentence's end, within a headline's length."""
    return (
        text[:1].isupper()
        and len(text) <= _HEADING_CHECK
        and not text.endswith((".", ",", ":", ";"))
        and len(text.split()) in _HEADLINE_WORDS
        and text.rsplit(None, 1)[-1] not in SMALL_WORDS
    )


def _teaser(ln: _Line) -> bool:
    return bool(ln.text) and any(h.get("field") == "teaser" for h in ln.headers)


def _dated_line(ln: _Line, day_first: bool) -> dt.date | None:
    """The date of a dateline: a date that follows a word that says it is a date (`Posted
    10.3.12`, `Upload Date:`, `reported this story on`), opens a line, or sits in a short
    line that is no sentence."""
    found, plain = ln.dates(day_first)
    if not found:
        return None
    text = ln.text
    day, start, _ = found
    before = text[:start]
    if _DATE_CUE.search(before):
        return day
    if plain != found:
        return None  # a short year, or dots read either way, with no word saying "date"
    if not before.strip(" \t#*•|-—–"):
        return day
    if len(text) <= _DATELINE_CHARS and not text.endswith((".", "?", "!")):
        return day
    return None


_CAPTION_HEAD_LINES = 60  # lines: a caption page's header (path, size, title) sits above the cues


def caption_date(text: str) -> dt.date | None:
    """The date the lines above a caption file's first cue print (a page's path with its
    date: `council/2023-06-01-Council/x.en.vtt`), decided by the same rules as a page's.
    Caption readers call it so the decision stays here. A head with neither a four-digit
    year nor figures (most: `WEBVTT` alone) holds no date: it is not read further."""
    head: list[str] = []
    for line in text.split("\n", _CAPTION_HEAD_LINES)[:_CAPTION_HEAD_LINES]:
        if "-->" in line:
            break
        head.append(line)
    printed = "\n".join(head) + "\n"
    if not head or not (_YEAR.search(printed) or _IN_FIGURES.search(printed)):
        return None
    from .tokenizer import tokenize

    tokens = tokenize(printed, "generic")
    return decide(tokens, content_line=len(head) + 1, kind="transcript").date
