"""The document's kind (`transcript`, `article`, `other`), decided once, from evidence.

GOLD-SPEC's definition: a *transcript* is spoken words (speaker labels, or a host's on-air
narration whose labels were lost); an *article* is written prose, a news story even one
full of quotations; *other* is anything else: an index or listing page, a feed, a page of
code. The parser reads the turns; this module weighs what the document shows besides them
(how much running prose, how the prose is cut into items, how much of it is markup) and
decides by the first rule of `RULES` that holds. The rule that decided is reported in the
`kind` diagnostic, so a user can see why.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Protocol

import regex

from . import rules
from .cleantext import looks_like_heading
from .models import Kind
from .tokens import Token, TokenKind

_F = regex.VERBOSE | regex.V1

_WORDY = frozenset({TokenKind.TEXT, TokenKind.NOTE, TokenKind.TIMESTAMP})
# Plain names: on Python 3.11 `TokenKind.HEADER` is a look-up through the enum metaclass's
# `__getattr__` hook (0.2 us), paid per line and token below.
_FURNITURE, _HEADER = TokenKind.FURNITURE, TokenKind.HEADER

# ---- thresholds -------------------------------------------------------------------------

PROSE_CHARS = 120  # characters: a line this long with sentences in it is prose, not a menu item
SENTENCE_WORDS = 10  # words: a shorter line that ends a sentence is a caption or a button
QUOTED_LABELS = 3  # labelled turns: fewer quoted lines are a story quoting one exchange
QUOTED_SHARE = 0.5  # share of labelled turns whose words are in quotation marks: a story
LISTING_ITEMS = 3  # a list of stories has a few items at least; an article has one headline
ITEM_REPEATS = 3  # an article never prints a line of its own three times; a listing's items do
ITEM_PROSE = 2  # prose lines per repeat: a listing's item has a teaser of a line or two, a
# story's paragraphs run on between its repeated `Advertisement` lines
FURNITURE_PER_PROSE = 4  # furniture lines per prose line: a gallery or tag page, not a story
DATED_ITEMS = 2  # dates printed between paragraphs: each item of a listing carries its own
ITEM_REACH = 3  # non-blank lines: how far after its date a listing item's teaser starts
CODE_SHARE = 0.5  # share of non-blank lines that are code (or markup): a spec page (a feed)
MARKUP_TAGS = 5  # HTML tags in one line: a page's source run together, not prose
# Speech taken down word for word restarts itself (`with with`, `I I`, `that's, that's`):
# verbatim speech repeats a word back to back three to ten times in 1,000 words, edited
# transcripts and written prose less than once in 2,000 (they edit the restarts out). So
# this many repeats per 1,000 words mark unlabelled words as spoken ...
VERBATIM_REPEATS = 2.0
# ... over this many words at least: in a shorter text one repeated word (`Hello? Hello?`
# in a quoted call) would weigh as much as a habit.
VERBATIM_WORDS = 500
# ... on this many different words: speakers restart on any word (`I I`, `the the`, `with
# with`); one word printed over and over (`Mr. Mr. Mr.`, a bullet) is no speaker's habit.
VERBATIM_DISTINCT = 5

# ---- patterns ---------------------------------------------------------------------------

# A sentence's end at the end of a line: `... in Iraq.`, `... he said."`
_SENTENCE_END = regex.compile(r"[.!?…] [\"”’')\]]*+ [ \t]*+ $", _F)
# Words in quotation marks after a label: `Caller: "Hello? Hello?"` (a story quoting a call).
_QUOTED_SPEECH = regex.compile(r"[ \t]*+ [\"“„«] [^\n]{2,}? [\"”»] [ \t.,]*+ $", _F)
# `1 hour ago`, `10 minutes ago`: when a listing's item was posted.
_AGE = regex.compile(
    r"[ \t]*+ \d{1,3}+ [ ] (?i: minutes? | hours? | days? | weeks? ) [ ] (?i: ago ) [ \t]*+ $", _F
)
# A line of code: a brace, a JSON key (`"speaker": "Ada",`).
_CODE_LINE = regex.compile(r"[ \t]*+ (?: [{}] | \"[^\"\n]{1,60}+\" [ \t]*+ : )", _F)
# A line of markup: opening on a tag (`<?xml`, `<item>`, `</p>`).
_MARKUP_LINE = regex.compile(r"[ \t]*+ < [!?/\p{L}]", _F)
# `09:00 PM PDT Approx. 7 hr. ...`: a line opening on a time of day is a schedule's entry.
_CLOCK_ENTRY = regex.compile(
    r"[ \t]*+ \d{1,2}+ : \d\d (?: : \d\d )?+ [ ]?+ (?i: [ap] \.?+ m \b )", _F
)
_FENCE = regex.compile(r"[ \t]*+ (?: ``` | ~~~ )", _F)
_TAG = regex.compile(r"< /?+ \p{L}[\p{L}\d]{0,10}+ [^<>\n]{0,200}+ >", _F)
# A word (letters, an inner apostrophe: `that's`), for counting back-to-back repeats.
_WORD = regex.compile(r"[^\W\d_]++ (?: ['’] [^\W\d_]++ )?+", _F)


class Row(Protocol):
    """One line as the parser holds it: its number, its tokens and the set of their kinds,
    the line as printed (`raw`) and its words (`text`), and whether it is only blank tokens
    (`blank`) or only words (`wordy`: TEXT, NOTE, TIMESTAMP, and MARKUP around them)."""

    number: int
    tokens: list[Token]
    kinds: frozenset[TokenKind]
    blank: bool
    wordy: bool

    @property
    def raw(self) -> str: ...

    @property
    def text(self) -> str: ...


@dataclass(frozen=True, slots=True)
class Evidence:
    """What the kind rules read, computed once per document."""

    labels: int  # labelled turns (outside code blocks)
    quoted: int  # labelled turns whose words are all in quotation marks
    turns: int  # turns, labelled or not
    prose: int  # prose lines (see `prose_line`)
    items: int  # prose lines right under a headline or a date: a listing's teasers
    repeats: int  # how often the most repeated line is printed after the first paragraph
    dated: int  # dates printed between paragraphs, each with a teaser after it
    code: float  # share of non-blank lines that are code (in a ``` block, braces, JSON)
    markup: float  # share of non-blank lines that are markup (a tag opens them, or many tags)
    furniture: int  # lines of page furniture (photo captions, player links, menus)


# The characters the patterns above can start on (after spaces and tabs), and the ones a
# sentence can end on: a line that opens or ends on no such character is not tried.
_CODE_LEADS = frozenset('{}"')
_FENCE_LEADS = frozenset("`~")
_QUOTE_LEADS = frozenset('"“„«')
_SENTENCE_ENDS = frozenset(".!?…\"”’')]")


def _lead(text: str) -> str:
    """The first character after leading spaces and tabs ("" for none)."""
    return text.lstrip(" \t")[:1]


def _date_row(row: Row) -> bool:
    if _HEADER in row.kinds and any(
        t.kind is _HEADER and t.fields.get("field") == "date" for t in row.tokens
    ):
        return True
    return row.text[:1].isdigit() and bool(_AGE.match(row.text))


def prose_line(row: Row) -> bool:
    """Written words: a long line of only words, or a shorter one that ends a sentence of
    `SENTENCE_WORDS` words or more (`Reporter recaps the latest news about the war.`)."""
    if not row.wordy or clock_entry(row):
        return False
    text = row.text
    if len(text) >= PROSE_CHARS:
        return True
    return (
        text[-1:] in _SENTENCE_ENDS
        and len(text.split()) >= SENTENCE_WORDS
        and bool(_SENTENCE_END.search(text))
    )


def verbatim_speech(rows: Iterable[Row]) -> bool:
    """Words taken down as spoken, restarts and all (`VERBATIM_REPEATS`): a recording's
    text whose labels were never printed, not a written article. Counted within lines."""
    words = repeats = 0
    restarted: set[str] = set()
    for row in rows:
        said = [
            w.casefold()
            for t in row.tokens
            if t.kind is TokenKind.TEXT
            for w in _WORD.findall(t.text)
        ]
        words += len(said)
        again = [a for a, b in pairwise(said) if a == b]
        repeats += len(again)
        restarted.update(again)
    return (
        words >= VERBATIM_WORDS
        and repeats * 1000 >= VERBATIM_REPEATS * words
        and len(restarted) >= VERBATIM_DISTINCT
    )


def clock_entry(row: Row) -> bool:
    """A line that opens on a time of day (`09:00 PM PDT ...`): a schedule, not speech."""
    raw = row.raw
    return _lead(raw).isdigit() and bool(_CLOCK_ENTRY.match(raw))


def _page_text(raw: str) -> bool:
    """`<p>Words of a paragraph.</p>`: a line of a page's text, its block's tags left in
    (`rules.HTML_TAG`), is words, not markup: the page is read as the text it shows."""
    bare = rules.HTML_TAG.sub("", raw)
    return "<" not in bare and any(c.isalpha() for c in bare)


@dataclass(slots=True)
class _Paragraph:
    """Lines of one hard-wrapped paragraph, read as one line (a `Row`)."""

    number: int
    tokens: list[Token]
    kinds: frozenset[TokenKind]
    raw: str
    text: str
    blank: bool = False
    wordy: bool = True


def _runs_on(row: Row, after: Row) -> bool:
    """`row` is a line of a hard-wrapped paragraph that `after` continues (a line of
    `rules.WRAP_CHARS` or more that ends no sentence): the prose rules read the paragraph,
    not its lines. A line of `PROSE_CHARS` or more was never cut, and no paragraph runs on
    into a headline or a date (`1 hour ago`)."""
    text = row.text
    return (
        rules.WRAP_CHARS <= len(text) < PROSE_CHARS
        and row.wordy
        and after.wordy
        and not after.blank
        and after.number == row.number + 1
        and not (text[-1] in _SENTENCE_ENDS and _SENTENCE_END.search(text))
        and not looks_like_heading(text)
        and not looks_like_heading(after.text)
        and not _date_row(after)
    )


def _unwrapped(rows: Sequence[Row]) -> list[Row | None]:
    """`rows` with each hard-wrapped paragraph read as one row, at its first line's place
    (`None` at the places of the lines that continue it)."""
    out: list[Row | None] = list(rows)
    k = 0
    while k < len(rows) - 1:
        if not _runs_on(rows[k], rows[k + 1]):
            k += 1
            continue
        end = k + 1
        while end < len(rows) - 1 and _runs_on(rows[end], rows[end + 1]):
            end += 1
        run = rows[k : end + 1]
        out[k] = _Paragraph(
            number=run[0].number,
            tokens=[t for row in run for t in row.tokens],
            kinds=frozenset().union(*[row.kinds for row in run]),
            raw=" ".join([row.raw.strip() for row in run]),
            text=" ".join([row.text for row in run]),
        )
        out[k + 1 : end + 1] = [None] * (end - k)
        k = end + 1
    return out


def gather(rows: Sequence[Row], labelled: Sequence[tuple[int, str]], turns: int) -> Evidence:
    """The evidence of `rows`, in one walk over the non-blank ones; `labelled` holds (line,
    text) of each labelled turn. Labels inside a markdown code block (a ``` fence to the
    next, or to the end: a page cut short) are a specification's examples, not the
    document's."""
    prose = items = dated = code = markup = furniture = written = 0
    previous: Row | None = None
    dates: list[int] = []  # indexes among the written rows of dates printed after some prose
    repeatable: list[str] = []  # from the first prose line on: lines an item could repeat
    fenced: set[int] = set()
    inside = False  # in a ``` fence
    for row, read in zip(rows, _unwrapped(rows), strict=True):
        if row.blank:
            continue
        i = written
        written += 1
        raw = row.raw
        lead = raw.lstrip(" \t")[:1]  # `_lead`
        if lead in _FENCE_LEADS and _FENCE.match(raw):
            inside = not inside
            fenced.add(row.number)
            code += 1
        elif inside:
            fenced.add(row.number)
            code += 1
        elif lead in _CODE_LEADS and _CODE_LINE.match(raw):
            code += 1
        if "<" in raw and (
            (lead == "<" and _MARKUP_LINE.match(raw) and not _page_text(raw))
            or (raw.count("<") >= MARKUP_TAGS and len(_TAG.findall(raw)) >= MARKUP_TAGS)
        ):
            markup += 1
        if _FURNITURE in row.kinds:
            furniture += 1
        if read is None:  # (a line of the hard-wrapped paragraph read above)
            continue
        if prose_line(read):
            prose += 1
            if previous is not None and (
                _date_row(previous) or (previous.wordy and looks_like_heading(previous.text))
            ):
                items += 1
            if dates and i - dates[-1] <= ITEM_REACH:
                dated += 1
                dates.clear()
        elif prose and _date_row(read):
            dates.append(i)
        if prose and _repeatable(read):
            repeatable.append(read.text)
        previous = read
    spoken = [text for line, text in labelled if line not in fenced]
    return Evidence(
        labels=len(spoken),
        quoted=sum(_quoted(t) for t in spoken),
        turns=turns,
        prose=prose,
        items=items,
        repeats=max(Counter(repeatable).values(), default=0),
        dated=dated,
        code=code / written if written else 0.0,
        markup=markup / written if written else 0.0,
        furniture=furniture,
    )


def _quoted(text: str) -> bool:
    """A turn whose first line is all in quotation marks."""
    if _lead(text) not in _QUOTE_LEADS:
        return False
    end = text.find("\n")
    return bool(_QUOTED_SPEECH.match(text if end < 0 else text[:end]))


# Besides words: what a line an item repeats may hold (a repeated headline is a header).
_REPEATABLE = _WORDY | {TokenKind.HEADER, TokenKind.BLANK}


def _repeatable(row: Row) -> bool:
    """A line of words (or one the tokenizer marked as a repeated headline) that can be
    counted as an item's line when it is printed again after the first paragraph."""
    return row.kinds <= _REPEATABLE and any(map(str.isalpha, row.text))


# The kind rules, in order: the first that holds decides. (name, kind, test, what it means)
RULES: tuple[tuple[str, Kind, Callable[[Evidence], bool], str], ...] = (
    (
        "code",
        "other",
        lambda e: e.code > CODE_SHARE,
        "mostly code: a specification's examples (labels in them are examples)",
    ),
    (
        "quoted-dialogue",
        "article",
        lambda e: e.quoted >= QUOTED_LABELS and e.quoted >= QUOTED_SHARE * e.labels,
        "most labelled lines are quotations: a story quoting a call or a hearing",
    ),
    ("labelled", "transcript", lambda e: e.labels > 0, "speaker labels: spoken words"),
    (
        "narration",
        "transcript",
        lambda e: e.turns > 0,
        "a host's narration whose labels were lost",
    ),
    (
        "markup",
        "other",
        lambda e: e.markup > CODE_SHARE,
        "mostly markup: a feed, a page's source",
    ),
    (
        "listing",
        "other",
        lambda e: e.items >= LISTING_ITEMS and e.items * 2 > e.prose,
        "most paragraphs are teasers under their own headline or date: an index of stories",
    ),
    (
        "repeated-items",
        "other",
        lambda e: e.repeats >= ITEM_REPEATS and e.prose <= ITEM_PROSE * e.repeats,
        "a line printed again and again, once for each item of a listing",
    ),
    (
        "dated-items",
        "other",
        lambda e: e.dated >= DATED_ITEMS,
        "dates printed between paragraphs, each over its own teaser: a listing",
    ),
    (
        "furniture",
        "other",
        lambda e: e.prose > 0 and e.furniture >= FURNITURE_PER_PROSE * e.prose,
        "captions, players and menus outweigh the prose: a gallery or a tag page",
    ),
    ("prose", "article", lambda e: e.prose > 0, "running prose: a written article"),
    ("nothing-written", "other", lambda e: True, "menus, buttons, captions: nothing written"),
)
_WHY = {name: why for name, _, _, why in RULES}


def why(rule: str) -> str:
    """What the kind rule called `rule` says about a document."""
    return _WHY[rule]


def decide(evidence: Evidence) -> tuple[Kind, str]:
    """(kind, the name of the rule that decided)."""
    for name, kind, test, _ in RULES:
        if test(evidence):
            return kind, name
    raise AssertionError("the last kind rule always holds")  # pragma: no cover
