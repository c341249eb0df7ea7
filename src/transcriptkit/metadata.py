"""Metadata from header tokens: title, date, program, URL, corrections."""

from __future__ import annotations

import datetime as dt

import regex

from . import rules
from .models import Metadata
from .tokens import Token, TokenKind

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
_URL_DATE = regex.compile(r"/((?:19|20)\d\d)/([01]\d)/([0-3]\d)/")
_QUOTED = regex.compile(r"""^["“'‘](?P<inner>.+)["”'’]$""")


def parse_date(value: str) -> dt.date | None:
    """A `datetime.date` from any date shape the rules recognise; None without a day."""
    m = rules.DATE.search(value)
    if not m:
        return None
    try:
        if m["iso"]:
            return dt.date(int(m["y1"]), int(m["m1"]), int(m["d1"])) if m["d1"] else None
        if m["y3"]:
            return dt.date(int(m["y3"]), int(m["m3"]), int(m["d3"]))
        month = m["month"] or m["month2"]
        day = m["day"] or m["day2"]
        year = m["year"] or m["year2"]
        return dt.date(int(year), _MONTHS[month.lower().rstrip(".")], int(day))
    except (ValueError, KeyError):
        return None


def clean_title(title: str) -> tuple[str, str | None]:
    """(title, program): quotes around the whole title dropped, a program suffix split off
    (`Invented Title : The NPR Politics Podcast`)."""
    title = " ".join(title.split())
    program = None
    if m := rules.PROGRAM_SUFFIX.match(title):
        title, program = m["title"].strip(), m["program"].strip()
    if m := _QUOTED.match(title):
        title = m["inner"].strip()
    return title, program


def header_metadata(tokens: list[Token], fallback_title: str | None) -> Metadata:
    """Metadata from the HEADER tokens; `fallback_title` when no header names a title."""
    meta = Metadata()
    title: str | None = None
    heading_program: str | None = None  # `Headline : The X Podcast` on any header line
    dates: list[str] = []
    npr_chrome = False
    for t in tokens:
        if t.kind is TokenKind.FURNITURE:
            npr_chrome = npr_chrome or (t.rule in ("logo", "disclaimer") and "NPR" in t.text)
            continue
        if t.kind is not TokenKind.HEADER:
            continue
        if heading_program is None and (m := rules.PROGRAM_SUFFIX.match(t.text.strip())):
            heading_program = m["program"].strip()
        field, value = t.fields.get("field"), t.fields.get("value", "")
        if field == "title" and title is None:
            title = value
        elif field == "date":
            dates.append(value)
        elif field == "url" and meta.url is None:
            meta.url = value
        elif field == "correction":
            meta.corrections.append(value)
        elif field == "program" and meta.program is None:
            meta.program = value
    title = title or fallback_title
    if title:
        meta.title, suffix = clean_title(title)
        meta.program = suffix or meta.program
    meta.program = meta.program or heading_program
    meta.date = next((d for d in map(parse_date, [*dates, meta.title or ""]) if d), None)
    if meta.date is None and meta.url and (m := _URL_DATE.search(meta.url)):
        meta.date = parse_date("-".join(m.groups()))
    if (meta.url and "npr.org" in meta.url) or npr_chrome:
        meta.outlet = "NPR"
    return meta


def program_said(text: str) -> str | None:
    """The program a host names on air: `This is TALK OF THE NATION.`"""
    m = rules.PROGRAM_SAID.search(text)
    return m["program"].strip() if m else None
