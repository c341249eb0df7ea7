"""US television networks' transcript pages: Fox News, MSNBC, CBS News, NBC News, ABC News.

Their labels are the shared grammar's (`JASON VELLACOTT, FOX NEWS HOST:`, `PRESIDENT ODA
QUILL:`, `SEN. RUTH ANSEL, (R) KENTUCKY:`, `UNIDENTIFIED MALE:`, a label glued to its words
`GOV. ABEL MORROW:There it is--`), and so are their cues (`(BEGIN VIDEO CLIP)`, `(BEGIN
TAPE)`). What sets each apart is its page: where it prints the air date, the headline, the
guest list and the notices around the transcript. Example lines in comments are invented.
"""

from __future__ import annotations

from ..tokens import TokenKind
from .base import Style, evidence, rule

# A date as the networks print it: `July 10, 2020`, `Feb. 24, 2013`, `November 9th, 2010`.
_MDY = r"\p{Lu}\p{Ll}{2,8}+ \.?+ [ ] \d{1,2}+ (?: st | nd | rd | th )?+ ,?+ [ ] \d{4}"
_WEEKDAY = r"(?: Mon | Tues | Wednes | Thurs | Fri | Satur | Sun ) day"

# `This is a rush transcript ...` above the transcript: a notice, not its end.
RUSH_NOTICE = rule(
    "rush-notice",
    r"""
    (?: date [ \t]++ [\d-]{4,10}+ [ \t]++ )?+
    (?i: this [ ] is [ ] a [ ] rush [ ] transcript ) [^\n]*+ $
    """,
    TokenKind.FURNITURE,
)

# `IE 11 is not supported. For an optimal experience visit our site on another browser.`,
# `Skip navigation`: nbcnews.com chrome (MSNBC's transcripts live there too).
NBC_CHROME = rule(
    "chrome",
    r"(?: IE [ ] 11 [ ] is [ ] not [ ] supported [^\n]*+ | Skip [ ] navigation [ \t]*+ \r?+ $ )",
    TokenKind.FURNITURE,
)

# `Guests: Ada Quist, Noor Belcastro` (MSNBC, NBC): who is on the show, not a speaker.
GUESTS = rule(
    "guests",
    r"Guests?+ [ \t]*+ : [ \t]*+ (?P<value> [^\n]{1,1000}+ ) $",
    TokenKind.HEADER,
    header_field="guests",
)

# ---- Fox News ---------------------------------------------------------------------------

# ` date 2020-07-11 This is a rush transcript from "Nightcap," July 10, 2020. This copy may
# not be in its final form ...`: the air date is the one in the sentence; the scraper's
# ` date ...` glued in front is the day the page was posted.
FOX_RUSH = rule(
    "rush-notice",
    rf"""
    (?: date [ \t]++ [\d-]{{4,10}}+ [ \t]++ )?+
    (?i: this [ ] is [ ] a [ ] rush [ ] transcript [ ] from ) [ ]
    ["“'‘] (?P<program> [^"”\n,]{{1,80}}? ) ,?+ ["”'’] ,?+ [ ] (?P<value> {_MDY} ) [^\n]*+ $
    """,
    TokenKind.HEADER,
    header_field="date",
)

# `Content and Programming Copyright 2020 Fox News Network, LLC. ALL RIGHTS RESERVED.`
FOX_COPYRIGHT = rule(
    "copyright",
    r"Content [ ] and [ ] Programming [ ] Copyright [^\n]*+ $",
    TokenKind.FURNITURE,
)

FOX = Style(
    name="fox",
    description="Fox News transcripts (foxnews.com/transcript).",
    evidence=evidence(
        (r"(?i: this [ ] is [ ] a [ ] rush [ ] transcript [ ] from ) [ ] [\"“]", 3.0),
        (r"^ [\p{Lu} .'’-]{3,60}, [ ] FOX [ ] (?: NEWS [ ] )? [\p{Lu} ]{2,60} :", 3.0),
        (r"foxnews\.com | Fox [ ] News [ ] Network", 2.0),
    ),
    rules=(FOX_RUSH, RUSH_NOTICE, FOX_COPYRIGHT),
)

# ---- MSNBC ------------------------------------------------------------------------------

# `'The Evening Desk' for Tuesday, November 9th, 2010`: the page's headline (its date too).
MSNBC_TITLE = rule(
    "title",
    rf"""
    (?P<value> ['‘`] [^'’\n]{{2,80}}+ ['’`] [ ] for [ ] {_WEEKDAY} ,?+ [ ] {_MDY} ) [ \t]*+ \r?+ $
    """,
    TokenKind.HEADER,
    header_field="title",
)

# `Read the transcript to the Tuesday show`: the transcript follows (a cold-open line before
# the first label is already spoken).
MSNBC_READ = rule(
    "transcript-heading",
    r"Read [ ] the [ ] transcript [ ] (?: to | from | for | of ) [ ] the [ ] [^\n]{1,60}+ $",
    TokenKind.FURNITURE,
)

# The guest list wrapped onto more lines: `Brad Tolliver, Ines Marchetti, Joe Quist,`. Two
# names or more, nothing else, on a line of their own.
_PERSON = r"\p{Lu}[\p{L}'’.\-]{1,20}+ (?: [ ] \p{Lu}[\p{L}'’.\-]{1,20}+ ){1,3}+"
GUEST_LIST = rule(
    "guests",
    rf"{_PERSON} (?: , [ \t]++ {_PERSON} ){{1,30}}+ ,?+ [ \t]*+ \r?+ $",
    TokenKind.FURNITURE,
)

MSNBC = Style(
    name="msnbc",
    description="MSNBC show transcripts (as printed on msnbc.com and nbcnews.com).",
    evidence=evidence(
        (rf"^ ['‘`] [^'’\n]{{2,80}} ['’`] [ ] for [ ] {_WEEKDAY}", 3.0),
        (r"^ Read [ ] the [ ] transcript [ ] (?: to | from | for | of ) [ ] the", 3.0),
        (r"^ [\p{Lu} .'’-]{3,60}, [ ] MSNBC [ ] [\p{Lu} ]{2,60} :", 3.0),
        (r"^ Guests?+ : [ ]", 1.0),
        (r"\p{L}`s \b", 1.0),
        (r"msnbc", 1.0),
    ),
    rules=(MSNBC_TITLE, MSNBC_READ, GUESTS, GUEST_LIST, NBC_CHROME),
)

# ---- CBS News ---------------------------------------------------------------------------

# `Full transcript of "Sunday Desk" on January 6, 2019`: the headline, which dates the show.
CBS_TITLE = rule(
    "title",
    r"(?P<value> Full [ ] transcript [ ] of [ ] [^\n]{2,200}+ ) $",
    TokenKind.HEADER,
    header_field="title",
)

# `Watch CBS News`; the video list: `1/6: Sunday Desk`, `1/6: Quist, Marr, Abel 48:52`.
CBS_CHROME = rule(
    "chrome",
    r"(?: Watch [ ] CBS [ ] News [ \t]*+ $ | \d{1,2}+ / \d{1,2}+ : [ ] [^\n]{1,160}+ $ )",
    TokenKind.FURNITURE,
)

# The guest list: `On this "Sunday Desk" broadcast moderated by Ada Quist:` and its bullets
# `  • Sen. Noor Belcastro, D-Ill. (read more)` (the closing bracket is sometimes lost).
CBS_GUESTS = rule(
    "guests",
    r"""
    (?: On [ ] (?: this | today['’]s ) [ ] [^\n]{1,80}? broadcast [^\n]{0,160}+ $
      | [•·▪] [ \t]++ [^\n]{1,400}? \( (?i: read [ ] more | watch ) \)?+ [ \t]*+ \r?+ $ )
    """,
    TokenKind.FURNITURE,
)

# `Click here to browse more full transcripts of "Sunday Desk."`: the transcript follows.
CBS_MORE = rule(
    "transcript-heading",
    r"Click [ ] here [ ] to [ ] browse [ ] more [ ] full [ ] transcripts [^\n]*+ $",
    TokenKind.FURNITURE,
)

CBS = Style(
    name="cbs",
    description="CBS News transcripts (cbsnews.com `Full transcript of ...`).",
    evidence=evidence(
        (r"^ Watch [ ] CBS [ ] News", 3.0),
        (r"Click [ ] here [ ] to [ ] browse [ ] more [ ] full [ ] transcripts", 3.0),
        (r"^ Full [ ] transcript [ ] of [ ]", 2.0),
        (r"\( (?i: read [ ] more ) \)", 1.0),
        (r"cbsnews\.com", 2.0),
    ),
    rules=(CBS_TITLE, CBS_CHROME, CBS_GUESTS, CBS_MORE),
)

# ---- NBC News ---------------------------------------------------------------------------

# `Sunday Desk - February 7, 2016`: the show and its date, as the page's headline.
NBC_TITLE = rule(
    "title",
    rf"(?P<value> \p{{Lu}} [^\n:]{{2,60}}? [ ] [-–—] [ ] {_MDY} ) [ \t]*+ \r?+ $",
    TokenKind.HEADER,
    header_field="title",
)

NBC = Style(
    name="nbc",
    description="NBC News transcripts (Meet the Press and others on nbcnews.com).",
    evidence=evidence(
        (r"^ \( (?: BEGIN | END ) [ ] TAPE \)", 2.0),
        (r"^ (?: SEN | GOV | SEC | REP ) \. [ ] [\p{Lu} .'’-]{2,40} : (?: \p{Lu} | $ )", 2.0),
        (r"^ [\p{Lu}][\p{Lu} .'’-]{2,40} : \p{Lu}\p{Ll}", 2.0),
        # (many sites head a page so: with nothing else of NBC's, a mention)
        (rf"^ \p{{Lu}} [^\n:]{{2,60}}? [ ] [-–—] [ ] {_MDY} [ \t]* $", 1.0),
        (r"^ IE [ ] 11 [ ] is [ ] not [ ] supported", 1.0),
        (r"nbcnews\.com", 1.0),
    ),
    rules=(NBC_TITLE, GUESTS, NBC_CHROME),
)

# ---- ABC News ---------------------------------------------------------------------------

# `NEW YORK, Feb. 24, 2013 -- A rush transcript of "Sunday Desk" airing on Sunday morning,
# February 24, 2013 on ABC News is below. This copy may not be in its final form ...`:
# the air date (the dateline's when the sentence names none).
ABC_RUSH = rule(
    "rush-notice",
    rf"""
    (?: [^\n]{{0,80}}? (?i: a [ ] rush [ ] transcript [ ] of ) [^\n]{{1,200}}?
        airing [ ] [^\n]{{0,40}}? (?P<value> {_MDY} )
      | [\p{{Lu}}] [\p{{Lu}} .]{{1,30}}+ , [ ] (?P<value> {_MDY} ) [^\n]{{0,20}}?
        (?i: a [ ] rush [ ] transcript )
    ) [^\n]*+ $
    """,
    TokenKind.HEADER,
    header_field="date",
)

# `February 22, 2013, 1:18 PM`: when the page was posted, which is not the air date.
ABC_POSTED = rule(
    "posted",
    rf"(?P<value> {_MDY} ) ,?+ [ ] \d{{1,2}}+ : \d\d [ ]?+ [AP]M [ \t]*+ \r?+ $",
    TokenKind.HEADER,
    header_field="posted",
)

# `ByABC News` (the byline glued by the scraper).
ABC_BYLINE = rule("byline", r"By [ ]?+ ABC [ ] News [ \t]*+ \r?+ $", TokenKind.FURNITURE)

ABC = Style(
    name="abc",
    description="ABC News transcripts (abcnews.go.com `'This Week' Transcript: ...`).",
    evidence=evidence(
        (r"(?i: a [ ] rush [ ] transcript [ ] of ) [ ] [\"“]", 3.0),
        (r"^ By [ ]?+ ABC [ ] News", 3.0),
        (r"on [ ] ABC [ ] News [ ] is [ ] below", 2.0),
        (r"^ [\p{Lu} .'’-]{3,60}, [ ] \( [RDI] \) [ ] [\p{Lu} ]{2,40} :", 1.0),
        (r"abcnews\.go\.com", 2.0),
    ),
    rules=(ABC_RUSH, ABC_POSTED, ABC_BYLINE),
)

STYLES = (FOX, MSNBC, CBS, NBC, ABC)
