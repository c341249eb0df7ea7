"""Caption files and caption pages: WebVTT, SRT, live (broadcast) captions and subtitle
pages that glue each cue's timing to its words.

All are `captions` styles: the transcript starts at the first caption text, a turn runs
while the same voice speaks (however many cues repeat its tag), and each turn carries the
start of its first cue and the end of its last. Inline caption markup (`<c>`, `</v>`,
`<00:00:00.640>`, `<i>`) is split out of the words by the tokenizer for every style, since it
never occurs in prose. Example lines in comments are invented.
"""

from __future__ import annotations

from typing import Final

import regex

from ..rules import PART_ROLE
from ..tokens import TokenKind
from .base import Style, evidence, rule

# A cue time: `00:00:01.000`, single-digit hours `0:00:00.240`, no hours `00:01.000`, SRT's
# comma `00:00:01,000`.
_TIME = r"(?: \d{1,3}+ : )? \d{1,2}+ : \d\d [.,] \d{1,3}+"
_VTT_TIME = r"(?: \d{1,3}+ : )? \d{1,2}+ : \d\d \. \d{1,3}+"

# A speaker name as caption files print it before a colon: `Ines:`, `Dr. Amara Osei:`,
# `SPEAKER 2:`, `Speaker 2:`. Capitalised words (or numbers), at most five.
_NAME = r"""
    \p{Lu} [\p{L}\p{Nd}'’.\-]{0,30}+
    (?: [ ] (?: \p{Lu} [\p{L}\p{Nd}'’.\-]{0,30}+ | \p{Nd}{1,3}+
              | de | van | von | da | del | la | le | bin | al ) ){0,4}+
"""

# ---- markup inside caption text ---------------------------------------------------------

# Caption markup inside the words, never words itself: word timings `<00:00:00.640>`, class
# and style tags `<c>`, `<c.yellow>`, `</c>`, `<i>`, `<b>`, `<u>`, `<font color="...">`,
# `<lang en>`, `<ruby>`, `<rt>`, a closing `</v>`, SSA positions `{\an8}`; a voice tag inside a
# line (`... yes. <v Boris>No.`) names who speaks from there (group `voice`). The tokenizer
# splits these out of text in every style: none of them occurs in prose.
INLINE_TAG: Final = regex.compile(
    r"""
    < (?: (?P<time> (?: \d{1,3}+ : )? \d{1,2}+ : \d\d \. \d{1,3}+ )
        | v (?: \. [\w.\-]{1,40}+ )?+ [ \t]++ (?P<voice> [^<>\n]{1,80}? ) [ \t]*+
        | /?+ (?: c | i | b | u | v | lang | ruby | rt | font ) (?: [.\s] [^<>\n]{0,200}+ )?+
      ) >
    | \{ \\ an?+ \d{1,2}+ \}
    """,
    regex.VERBOSE | regex.V1,
)

# `>>` inside a line of live captions: another speaker, unnamed.
INLINE_SPEAKER_CHANGE: Final = regex.compile(r">>>?+(?!>)", regex.V1)

# ---- line rules, shared by the caption presets ------------------------------------------

# `00:00:01.000 --> 00:00:04.000 align:start position:0%`: a cue's timing line, settings
# and all. The parser takes `time` as the start of the turn the cue opens.
TIMING = rule(
    "cue-timing",
    rf"(?P<time> {_TIME} ) [ \t]*+ --> [ \t]*+ (?P<end> {_TIME} ) (?: [ \t] [^\n]*+ )?+ \r?+ $",
    TokenKind.TIMESTAMP,
)

# `>>` (or `>>>`, a new story) at the start of a line: someone else speaks. Live captions
# rarely name anyone (`>> and we are back.`); when they do (`>> RONAN PIKE: Thank you.`,
# with the part played after a comma: `>> RONAN PIKE, HOST:`) the name is the label; caption
# capitals are no role (`>> WELL, THAT IS THE QUESTION: ...`). A bracketed note may come
# first (`[no audio] >> hello.`).
SPEAKER_CHANGE = rule(
    "speaker-change",
    rf"""
    (?: \[ [^\[\]\n]{{1,40}}+ \] [ \t]*+ )?+
    >>>?+ (?!>) [ \t]*+
    (?: (?P<label> (?P<name> {_NAME} ) (?: , [ ] (?P<role> {PART_ROLE} ) )?+ )
        [ \t]*+ : (?= [ \t] | \r | $ ) )?+
    """,
    TokenKind.LABEL,
)

# `Ines Calder: words`, `- BORIS: words` (a dialogue dash first): a speaker prefix on a
# caption line. Subtitle files print it only where the speaker changes.
NAME_PREFIX = rule(
    "caption-name",
    rf"(?: - [ \t]*+ )?+ (?P<label> (?P<name> {_NAME} ) ) [ \t]*+ : (?= [ \t] | \r | $ )",
    TokenKind.LABEL,
)

# ---- WebVTT -----------------------------------------------------------------------------

# `WEBVTT - Episode 12: The Harbour`: the file's own title.
VTT_TITLE = rule(
    "webvtt-header",
    r"WEBVTT [ \t]++ (?: - [ \t]*+ )?+ (?P<value> [^\s] [^\n]*? ) [ \t\r]*+ $",
    TokenKind.HEADER,
    header_field="title",
)
VTT_HEADER = rule("webvtt-header", r"WEBVTT [ \t\r]*+ $", TokenKind.FURNITURE)

# YouTube's header fields: `Kind: captions`, `Language: en`.
VTT_METADATA = rule(
    "webvtt-metadata",
    r"""
    (?: Kind [ \t]*+ : [ \t]*+ (?i: captions | subtitles | descriptions | chapters | metadata )
      | Language [ \t]*+ : [ \t]*+ [A-Za-z]{2,3}+ (?: [-_] [A-Za-z0-9]{2,8}+ )*+
    ) [ \t\r]*+ $
    """,
    TokenKind.FURNITURE,
)

# `NOTE reviewed by ...`, `STYLE`, `REGION`: a block up to the next blank line that is not
# caption text (the tokenizer extends the furniture over the block's other lines).
VTT_BLOCK = rule(
    "webvtt-block",
    r"(?: NOTE (?: [ \t] [^\n]*+ )?+ | STYLE | REGION ) [ \t\r]*+ $",
    TokenKind.FURNITURE,
)

# `<v Ines Calder>`, `<v.loud Boris>`: a voice tag, closed by `</v>` or not.
VOICE = rule(
    "voice",
    r"<v (?: \. [\w.\-]{1,40}+ )?+ [ \t]++ (?P<label> (?P<name> [^<>\n]{1,80}? ) ) [ \t]*+ >",
    TokenKind.LABEL,
)

WEBVTT = Style(
    name="webvtt",
    description="WebVTT caption files: voice tags, `Name:` prefixes, YouTube rolling captions.",
    evidence=evidence(
        (r"^ \ufeff?+ WEBVTT (?: [ \t] | \r | $ )", 10.0),
        (rf"^ {_VTT_TIME} [ \t]*+ --> ", 3.0),
        (r"^ <v [ .] ", 1.0),
    ),
    # Most lines are timings and voices: those first. Headers before `Name:` prefixes, which
    # would take `Kind: captions` for a speaker.
    rules=(
        TIMING,
        VOICE,
        SPEAKER_CHANGE,
        VTT_TITLE,
        VTT_HEADER,
        VTT_METADATA,
        VTT_BLOCK,
        NAME_PREFIX,
    ),
    captions=True,
)

# ---- SRT --------------------------------------------------------------------------------

SRT = Style(
    name="srt",
    description="SubRip (.srt) subtitles: numbered cues, `00:00:01,000 --> ...` timings.",
    evidence=evidence(
        (r"^ \ufeff?+ \d{1,6}+ \r?\n \d{1,2}:\d\d:\d\d , \d{3} [ \t]*+ --> ", 10.0),
        (r"^ \d{1,2}:\d\d:\d\d , \d{3} [ \t]*+ --> [ \t]*+ \d{1,2}:\d\d:\d\d , \d{3}", 4.0),
    ),
    rules=(TIMING, SPEAKER_CHANGE, NAME_PREFIX),
    captions=True,
)

# ---- live captions ----------------------------------------------------------------------

# `9:57 pm` alone on its line: the wall clock an archive prints between caption chunks.
WALL_CLOCK = rule(
    "wall-clock",
    r"""\d{1,2}:\d\d [ \t]*+ (?i: am | pm | a\.m\. | p\.m\. ) (?: [ \t]++ [A-Z]{2,4}+ )?+
        [ \t\r]*+ $""",
    TokenKind.FURNITURE,
)

# The TV news archive's page: `Skip to main content`, then
# `tv   Harbour Policy Forum Part 2  CSPAN  March 3, 2019 9:57pm-10:53pm EST`.
ARCHIVE_CHROME = rule(
    "archive-chrome", r"(?i: skip [ ] to [ ] main [ ] content ) [ \t\r]*+ $", TokenKind.FURNITURE
)
ARCHIVE_PROGRAM = rule(
    "archive-program",
    r"""
    tv [ \t]++ (?P<value> [^\n]{3,200}? ) [ \t]{2,}+ [A-Z][A-Za-z0-9\-]{1,15}+ [ \t]{2,}+
    [A-Z][a-z]{2,9}+ [ ] \d{1,2} , [ ] \d{4} [^\n]*+ $
    """,
    TokenKind.HEADER,
    header_field="title",
)

LIVE = Style(
    name="live-captions",
    description="Live broadcast captions (C-SPAN and the like): `>>` marks a new speaker.",
    evidence=evidence(
        (r"(?: ^ | [ ] ) >> [ ] \p{Ll}", 4.0),
        (r"^ >> [ ]", 2.0),
        (r"^ \d{1,2}:\d\d [ ] (?: am | pm ) \r?$", 3.0),
        (r"\b (?: CSPAN | C-SPAN ) \b", 1.0),
    ),
    rules=(WALL_CLOCK, ARCHIVE_CHROME, ARCHIVE_PROGRAM, SPEAKER_CHANGE),
    captions=True,
)

# ---- subtitle pages with glued timings ----------------------------------------------------

# `:00:39. > :00:46.Good morning`: a subtitle archive page's cue, timing run into the words
# (hours dropped). The words after it are text.
GLUED_TIMING = rule(
    "glued-timing",
    r"""
    (?P<time> \d{0,2}+ : \d\d : \d\d ) (?: [.,] \d{0,3}+ )?+ [ \t]*+ > [ \t]*+
    (?P<end> \d{0,2}+ : \d\d : \d\d ) (?: [.,] \d{0,3}+ )?+
    """,
    TokenKind.TIMESTAMP,
)

SUBTITLE_CHROME = rule(
    "subtitle-chrome", r"(?i: download [ ] subtitles ) [ \t\r]*+ $", TokenKind.FURNITURE
)

SUBTITLE_PAGE = Style(
    name="subtitle-page",
    description="Subtitle archive pages (BBC programmes): `:00:39. > :00:46.Words`.",
    evidence=evidence((r"^ \d{0,2}+ :\d\d:\d\d \.?+ [ ] > [ ] \d{0,2}+ :\d\d:\d\d", 10.0)),
    rules=(GLUED_TIMING, SUBTITLE_CHROME, SPEAKER_CHANGE),
    captions=True,
)

STYLES = (WEBVTT, SRT, LIVE, SUBTITLE_PAGE)
