"""Podcast and public-radio show transcripts that do not follow a broadcaster's house style:
This American Life, Radiolab, Freakonomics Radio.

Each prints speakers its own way: a name heading alone on its line (`Ira Glass`), a Title Case
label alone on its line with the words on the next (`Jad Abumrad:`), given names in mixed case
before a surname in capitals (`Stephen J. DUBNER:`, handled by the shared grammar) and then
the surname alone. Example lines in comments are invented.
"""

from __future__ import annotations

from ..rules import NAME_PARTICLES, TITLE_WORD
from ..tokens import TokenKind
from .base import Style, evidence, rule

# A person's name in Title Case: `Ira Glass`, `Ana María de la Cruz`, `Robert J. Krulwich`,
# `Nora McAdam`, `Ines Calder-Voss`, `Ada O'Dell`, `Cindy van der Berg` (the shared
# grammar's word of a name and its particles).
_TITLE_NAME = rf"""
    {TITLE_WORD}
    (?: [ ] {NAME_PARTICLES}
        (?: \p{{Lu}}\. | {TITLE_WORD} | (?:O|D)['’]\p{{Lu}}\p{{Ll}}{{1,20}}+ ) ){{1,3}}+
"""

# ---- This American Life -----------------------------------------------------------------

# `Act One. A Door Left Open.`, `Act Two: Ferries`, `Prologue`: the act headings, which
# part the show; not anybody's words.
TAL_ACT = rule(
    "act",
    r"""
    (?P<value>
      (?: Act [ ] (?: One | Two | Three | Four | Five | Six | Seven | Eight | Nine | Ten
                   | Eleven | Twelve | \d{1,2}+ | [IVX]{1,5}+ )
        | Prologue | Epilogue )
      (?: [.:] [^\n]{0,160}+ )?+
    ) [ \t]*+ \r?+ $
    """,
    TokenKind.HEADER,
    header_field="act",
)

# `Ira Glass` alone on its line: the speaker of the paragraphs below. A line of two to four
# capitalised words with no punctuation at the end; the page's own headings and its menu
# (`This American Life`, `Radio Archive`) are not names.
TAL_SPEAKER = rule(
    "speaker-heading",
    rf"""
    (?! (?: Act | Prologue | Epilogue | Credits | Transcript | Note | Full | Originally
          | Download | Share | Listen | Subscribe | This [ ] American [ ] Life | Radio [ ] Archive
          | Recommended | Donate | Make [ ] Radio ) \b )
    (?P<name>
        {_TITLE_NAME}
      | (?: Interviewer | Announcer | Narrator | Reporter | Host | Man | Woman | Boy | Girl
          | Child | Kid | Voice | Crowd | Audience | Operator | Caller ) (?: [ ] \d{{1,2}}+ )?+
    ) [ \t]*+ \r?+ $
    """,
    TokenKind.LABEL,
)

# `Originally aired 07.11.2003` (month first), `Originally aired July 11, 2003`.
TAL_AIRED = rule(
    "date",
    r"(?P<value> (?i: (?: originally [ ] )?+ aired ) [ ] [^\n]{4,40}+ ) $",
    TokenKind.HEADER,
    header_field="date",
)

# `241:` (the episode number alone), the site's name alone, `Full audio: https://...`, and
# the note on reading a transcript made for the ear.
TAL_CHROME = rule(
    "chrome",
    r"""
    (?: \d{1,4}+ [ \t]*+ : [ \t]*+ \r?+ $
      | This [ ] American [ ] Life [ \t]*+ \r?+ $  # the site's name over its menu
      | Full [ ] audio [ \t]*+ : [^\n]*+ $
      | Note: [^\n]{0,80}?
        (?: produced [ ] for [ ] the [ ] ear | transcripts? [ ] (?: are | is | may ) ) [^\n]*+ $
    )
    """,
    TokenKind.FURNITURE,
)

THIS_AMERICAN_LIFE = Style(
    name="this-american-life",
    description="This American Life transcripts: `Ira Glass` headings, act headings.",
    evidence=evidence(
        (r"This [ ] American [ ] Life", 3.0),
        (r"^ Act [ ] (?: One | Two | Three | Four ) [.:]", 2.0),
        (r"^ (?i: originally [ ] aired ) [ ] \d\d \. \d\d \. \d{4}", 2.0),
        (r"^ Ira [ ] Glass [ \t]* $", 2.0),
        (r"thisamericanlife\.org | tal\.fm", 2.0),
    ),
    rules=(TAL_ACT, TAL_AIRED, TAL_CHROME, TAL_SPEAKER),
)

# ---- Radiolab ---------------------------------------------------------------------------

# `Jad Abumrad:` alone on its line (the words follow on the next), or with the words after
# it: Radiolab labels in Title Case as a rule, so such a label is not weak here.
RADIOLAB_LABEL = rule(
    "title-case-label",
    rf"(?P<label> (?P<name> {_TITLE_NAME} ) ) [ \t]*+ : (?= [ \t]++ \S | [ \t]*+ \r?+ $ )",
    TokenKind.LABEL,
)

RADIOLAB = Style(
    name="radiolab",
    description="Radiolab transcripts: `Jad Abumrad:` labels, `[RADIOLAB INTRO]`, `[laughs]`.",
    evidence=evidence(
        (r"Radio[ ]?lab", 3.0),
        (r"^ \[ RADIOLAB [ ] INTRO \]", 3.0),
        (r"^ (?: Jad [ ] Abumrad | Robert [ ] Krulwich | Lulu [ ] Miller ) :", 2.0),
        (r"^ (?: JAD | ROBERT | LULU | LATIF ) :", 1.0),
    ),
    rules=(RADIOLAB_LABEL,),
)

# ---- Freakonomics Radio -----------------------------------------------------------------

# `Episode Transcript`: the transcript follows (it may open with the host's unlabeled
# narration).
FREAK_HEADING = rule(
    "transcript-heading", r"Episode [ ] Transcript [ \t]*+ \r?+ $", TokenKind.FURNITURE
)

# `Search the Site`: site chrome.
FREAK_CHROME = rule("chrome", r"Search [ ] the [ ] Site [ \t]*+ \r?+ $", TokenKind.FURNITURE)

# `Sources`, `Resources`, `Extras`: the lists after the transcript, not the last turn's words.
FREAK_END = rule(
    "transcript-end",
    r"(?: Sources | Resources | Extras ) [ \t]*+ \r?+ $",
    TokenKind.FURNITURE,
)

FREAKONOMICS = Style(
    name="freakonomics",
    description="Freakonomics Radio transcripts: `Stephen J. DUBNER:` then `DUBNER:`.",
    evidence=evidence(
        (r"Freakonomics", 3.0),
        (r"^ \p{Lu}\p{Ll}+ (?: [ ] \p{Lu}\. )?+ [ ] \p{Lu}{3}[\p{Lu}'’-]*+ : [ ]", 3.0),
        (r"^ Episode [ ] Transcript [ \t]* $", 1.0),
        (r"^ Search [ ] the [ ] Site [ \t]* $", 1.0),
        (r"^ [ \t]* \* [ \t]+ \* [ \t]+ \* [ \t]* $", 1.0),
    ),
    rules=(FREAK_HEADING, FREAK_CHROME, FREAK_END),
)

STYLES = (THIS_AMERICAN_LIFE, RADIOLAB, FREAKONOMICS)
