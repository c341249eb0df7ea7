"""Transcription services that print a time with each speaker: Rev, Otter, GoTranscript,
and transcripts cut into time-stamped blocks without names (podcast apps).

The label is the name; the time goes to the turn's `start` (seconds). Example lines in
comments are invented.
"""

from __future__ import annotations

from ..tokens import TokenKind
from .base import Style, evidence, rule

# A printed time: `00:00`, `1:02:03`, `0:34`.
_TIME = r"\d{1,2}+ (?: : \d\d ){1,2}+"

# A name as these services print it: any case (`easter helper`, `Speaker 7`,
# `Karine Morel-Dupont`, `Dr. Ada Quint`), one to six words, no colon or brackets.
_ANY_NAME = r"""
    [\p{L}\p{Nd}] [\p{L}\p{Nd}.'’\-&]{0,40}+
    (?: [ ] [\p{L}\p{Nd}] [\p{L}\p{Nd}.'’\-&]{0,40}+ ){0,5}+
"""

# A name that starts with a capital: `Speaker 2`, `Ines Calder`, `Q`.
_CAPITAL_NAME = r"""
    \p{Lu} [\p{L}\p{Nd}.'’\-]{0,40}+
    (?: [ ] (?: \p{Lu} [\p{L}\p{Nd}.'’\-]{0,40}+ | \p{Nd}{1,3}+ ) ){0,4}+
"""

# A courtesy title before the name, dropped from the speaker's name as a label in capitals
# drops it (`Dr. Ada Quint (00:05):` is ADA QUINT); not possessive, so `Dr (00:05):` alone
# is a name.
_HONORIFIC = r"(?P<honorific> (?i: mr | ms | mrs | dr | mx ) \.?+ [ ] )?"
# The label of these services: the name, after its courtesy title.
_SPEAKER = rf"(?P<label> {_HONORIFIC} (?P<name> {_ANY_NAME} ) )"

# ---- Rev --------------------------------------------------------------------------------

# `Speaker 1 (00:00):`, `easter helper (01:00):`: name, the time in brackets, a colon; the
# words follow on the same line or after a blank line.
REV_LABEL = rule(
    "rev-label",
    rf"{_SPEAKER} [ \t]++ \( (?P<time> {_TIME} ) \) [ \t]*+ :",
    TokenKind.LABEL,
)

# `Ines Calder: (02:08)`: the older layout, time after the colon.
REV_LABEL_AFTER = rule(
    "rev-label",
    rf"{_SPEAKER} [ \t]*+ : [ \t]*+ \( (?P<time> {_TIME} ) \)",
    TokenKind.LABEL,
)

# Rev's blog chrome: the breadcrumb run together (`RevBlogTranscripts...`) and its ad.
REV_CHROME = rule(
    "rev-chrome",
    r"""
    (?: Rev [ ]?+ Blog [ ]?+ Transcripts [^\n]*+
      | (?i: transcribe [ ] your [ ] own [ ] content )
      | (?i: try [ ] rev [ ] and [ ] save [ ] time ) [^\n]*+
    ) [ \t\r]*+ $
    """,
    TokenKind.FURNITURE,
)

REV = Style(
    name="rev",
    description="Rev transcripts: `Speaker 1 (00:00):` or `Name: (02:08)` before the words.",
    evidence=evidence(
        (rf"^ {_ANY_NAME} [ ] \( {_TIME} \) : [ \t]*+ \r?$", 6.0),
        (rf"^ {_CAPITAL_NAME} : [ ] \( {_TIME} \) [ \t]*+ \r?$", 6.0),
        (r"\[ (?: inaudible | crosstalk ) [ ] \d\d:\d\d:\d\d \]", 2.0),
        (r"\b Rev \.com \b | \b Try [ ] Rev \b", 1.0),
    ),
    rules=(REV_LABEL, REV_LABEL_AFTER, REV_CHROME),
)

# ---- Otter ------------------------------------------------------------------------------

# `Ines  0:34  ` alone on its line (two spaces before the time, trailing spaces): the
# speaker heading of an Otter export; the words follow on the next line.
OTTER_LABEL = rule(
    "otter-label",
    rf"{_SPEAKER} [ \t]{{2,}}+ (?P<time> {_TIME} ) [ \t\r]*+ $",
    TokenKind.LABEL,
)
OTTER_CREDIT = rule(
    "otter-credit",
    r"(?i: transcribed [ ] by ) [ \t]++ (?: https?:// )?+ (?: www\. )?+ otter\.ai [^\n]*+ $",
    TokenKind.FURNITURE,
)

OTTER = Style(
    name="otter",
    description="Otter.ai exports: `Name  0:00` heading lines, the words on the next line.",
    evidence=evidence(
        (
            # a heading, then words (not another heading: a chapter list), then a heading
            rf"^ {_CAPITAL_NAME} [ ]{{2}}+ {_TIME} [ \t]*+ \r?\n"
            rf"(?! {_CAPITAL_NAME} [ ]{{2}}+ {_TIME} [ \t]*+ \r?$ ) [^\n]++ \n"
            rf"(?: [^\n]*+ \n ){{0,3}}? {_CAPITAL_NAME} [ ]{{2}}+ {_TIME} [ \t]*+ \r?$",
            6.0,
        ),
        (r"Transcribed [ ] by [ ] (?: https?:// )?+ otter\.ai", 6.0),
    ),
    rules=(OTTER_LABEL, OTTER_CREDIT),
)

# ---- GoTranscript -----------------------------------------------------------------------

# `[00:00:52] Speaker 2: words`: one paragraph a line, the time first.
GOTRANSCRIPT_LABEL = rule(
    "gotranscript-label",
    rf"""
    \[ (?P<time> {_TIME} ) \] [ \t]++
    (?P<label> (?P<name> {_CAPITAL_NAME} ) ) [ \t]*+ : (?= [ \t] | \r | $ )
    """,
    TokenKind.LABEL,
)

GOTRANSCRIPT = Style(
    name="gotranscript",
    description="GoTranscript: `[00:00:52] Speaker 2: words`, one paragraph a line.",
    evidence=evidence(
        (rf"^ \[ \d\d:\d\d:\d\d \] [ ] {_CAPITAL_NAME} : [ ]", 5.0),
        (r"gotranscript", 1.0),
    ),
    rules=(GOTRANSCRIPT_LABEL,),
)

# ---- time-stamped blocks ----------------------------------------------------------------

# `(00:20):` or `[00:01:05]` alone on its line: the start of a block of words, no name
# (podcast apps' generated transcripts). The next words take its time.
BLOCK_STAMP = rule(
    "block-stamp",
    rf"[\[(] (?P<time> {_TIME} ) [\])] [ \t]*+ :?+ [ \t\r]*+ $",
    TokenKind.TIMESTAMP,
)
GENERATED_NOTICE = rule(
    "generated-notice",
    r"(?i: available [ ] transcripts [ ] are [ ] automatically [ ] generated ) [^\n]*+ $",
    TokenKind.FURNITURE,
)
# A podcast app's page around the transcript: `Episode Transcript`, `Mark as Played`.
APP_CHROME = rule(
    "app-chrome",
    r"(?i: episode [ ] transcript | mark [ ] as [ ] played | all [ ] episodes ) [ \t\r]*+ $",
    TokenKind.FURNITURE,
)

STAMPED = Style(
    name="stamped",
    description="Transcripts in time-stamped blocks without names: `(00:20):` then words.",
    evidence=evidence(
        (rf"^ [\[(] {_TIME} [\])] :?+ [ \t]*+ \r?\n [^\n]", 3.0),
        (r"(?i: transcripts [ ] are [ ] automatically [ ] generated )", 3.0),
    ),
    rules=(BLOCK_STAMP, GENERATED_NOTICE, APP_CHROME),
    captions=True,
)

STYLES = (REV, OTTER, GOTRANSCRIPT, STAMPED)
