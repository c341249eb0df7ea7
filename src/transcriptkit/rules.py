"""Every pattern the tokenizer knows, declared once, commented, compiled at import.

The grammar reads as a table: labels, cues, inline notes, headers and page furniture.
Patterns use possessive quantifiers and bounded repeats so matching stays linear on
hostile input (a megabyte of capitals with no colon must not backtrack).
Example lines in comments are invented.
"""

from __future__ import annotations

from typing import Final

import regex

from .names import OFFICE_TITLES

_F = regex.VERBOSE | regex.V1

# ---------------------------------------------------------------------------------------
# Speaker labels
# ---------------------------------------------------------------------------------------

# A tag of a page's text block, opening or closing (`<p>`, `</p>`, `<div class="x">`,
# `<b>`): a page's text with its blocks' tags left in is read past them (a cue, a house
# style's label, a line start in style evidence, the end of a label). No spaces outside
# a class: it goes into verbose and plain patterns alike.
PAGE_TAG: Final = r"</?+(?i:p|div|li|span|b|strong|i|em|blockquote)(?=[\s/>])[^<>\n]{0,200}+>"
PAGE_TAGS: Final = rf"(?:{PAGE_TAG}[ \t\xa0]*+)*+"  # and the space after each

# Markup or an id scraped in front of a label: `<p>IRA WELLS, HOST:`, `[s0011] ROB KLINE:`;
# the bullet a page lists each caption behind: `  • ODA PELLINGER: Good evening.`; the marks
# a markdown export puts around a label: `**Dana Reyes:**`, `### Interviewer:` (a heading
# is a label only alone on its line: `# Harbour Lights: a talk` is a title); the note a
# caption export prints while music plays: `♪ ODA PELL: Good evening.`; the `>>` a transcript
# taken from captions marks each new speaker with.
LINE_PREFIX: Final = regex.compile(
    r"""
    [ \t\ufeff]*+
    (?: (?: </?[A-Za-z][^<>\n]{0,200}+> | \[s\d{1,6}+\] | \*\*?+(?=[^\s*][^\n:]{0,200}+:) | [•♪](?=[ \t])
          | >>>?+(?=[ \t]*+[^\n:>]{1,200}+:)
          | \#{1,6}+ (?=[ \t]++[^\n:]{1,200}+:[ \t*]*+\r?+$) ) [ \t]*+ )*+
    """,
    _F,
)

# Honorifics that are not part of the canonical name (`Mr.`, `MR.`, `Dr.`; legacy NPR also
# wrote `Professor`, `Governor` in mixed case before a capitalised name). A broken
# character may stand where the space was: `Mr.\ufffdCOLIN FERRIS (Actor):`.
HONORIFIC: Final = regex.compile(
    r"""
    (?i: mr | ms | mrs | dr | mx | miss )\.?+ [ \t\ufffd\xa0]++
    # A parliament's `Hon. Ada Quist (Riding, Party):`, `Right Hon. ...`.
    | (?: (?: Right | Rt\.?+ ) [ ] )?+ Hon \. [ \t\ufffd\xa0]++
    | (?: Doctor | Professor | Prof\. | Governor | Gov\. | Senator | Sen\. | Representative
        | Rep\. | Reverend | Rev\. | Father | Sister | Rabbi | Judge | Justice | General
        | Ambassador | Mayor | Secretary | President | Sir | Dame | Lord | Lady | Captain
        | Colonel | Lieutenant | Sergeant | Archbishop | Bishop | Cardinal | Pastor
      ) [ \t\ufffd\xa0]++ (?=\p{Lu}{2})
    # A title in Title Case before a full name in capitals: `Sheriff ODA PELL (...):`,
    # `Chief Patrol Agent MARCUS FENN:` (two capitalised words at least must follow).
    | (?: \p{Lu}\p{Ll}{2,20}+ [ ] ){1,3}+ (?= \p{Lu}{2}[\p{Lu}'’\-.]*+ [ ] \p{Lu} )
    """,
    _F,
)

# A particle between the words of a name, in lower case in any name (`ADA de la CRUZ`,
# `Vincent van der Berg`, `Ludwig von Mises`); shared with conventions.py.
PARTICLE = (
    r"(?: de | da | del | della | der | di | du | la | le | van | von | bin | al | y | el | dos )"
)

# One word of a capitalised name: `KELLY`, `O'HALLORAN`, `JEAN-LUC`, `P.J.`, `McALLISTER`,
# `DeMARCO`, `#1`, `JR`. A broken character may stand for an accented letter.
_CAPS_WORD = rf"""
    (?: (?:Mc|Mac|De|Di|Da|Du|La|Le|Van|Von|O['’]|D['’])? [\p{{Lu}}\ufffd] [\p{{Lu}}\p{{Nd}}'’.\-\ufffd]{{0,40}}+
      | \#\p{{Nd}}{{1,3}}+
      | {PARTICLE} (?=[ ] (?: {PARTICLE} [ ] )?+ \p{{Lu}})
      | &
    )
"""

# Mixed-case labels that are labels whatever their case: generic voices.
GENERIC_NAME: Final = r"""
    (?: (?i: unidentified | unknown | automated | computer[- ]generated | ai-generated )
        [ ] [A-Za-z][A-Za-z\-]{0,20}+ (?: [ ] [A-Za-z][A-Za-z\-]{0,20}+ ){0,2}+ (?: [ ] \#\d{1,3}+ )?+
      | (?: Announcer | Narrator | Interpreter | Translator | Crowd | Group | Man | Woman | Boy
          | Girl | Child | Voice | Caller | Operator | Audience | Chorus | Protesters
          | Reporter | Host | Speaker \ \d{1,3} | Speaker \ \p{Lu} (?! \p{L} ) )
        (?: [ ] \#?+\d{1,3}+ )?+  # `Woman #2`, `Boy 1`
      # A speech service's speaker id, in any case: `spk09`, `speaker_2`.
      | (?i: spk | speaker ) _?+ \d{1,3}+
    )
"""

# A name in Title Case (`Garrison Keillor:`, `Jad Abumrad:`): two to four words. Weak on
# its own; the parser accepts it only where the document labels that way more than once.
TITLE_WORD = r"""\p{Lu}\p{Ll}[\p{L}'’\-]{0,20}+(?<!['’]s)"""  # `Nora`, `McAdam`, `O'Neil`
# (shared with presets that read names their own way: styles/podcasts.py). A possessive is
# no word of a name: `Editor's Note:`, `Today's Guest:` are headings.
# An office's abbreviation before a name in Title Case, kept in the name as a label in
# capitals keeps it (`SEN. ADA QUIST:`): `Sen. Ada Quist:`, `Lt. Col. Ada Quist:`, `Fmr.
# Vice Pres. Ada Quist:`. The abbreviations are those of `names.OFFICE_TITLES` (`SEN.` as
# `Sen`).
_ABBREVIATIONS = sorted(w[0] + w[1:-1].lower() for w in OFFICE_TITLES if w.endswith("."))
_OFFICE_ABBREVIATION = rf"""
    (?: (?: {" | ".join(_ABBREVIATIONS)} ) \. [ ] (?: Vice [ ] )?+ ){{1,3}}+
"""
_SURNAME_WORD = rf"""(?: {TITLE_WORD}
                         | (?:O|D|d)['’]\p{{Lu}}\p{{Ll}}{{1,20}}+ (?: - {TITLE_WORD} )?+
                         | (?:al|el)-{TITLE_WORD} )"""  # `O'Dell`, `d'Arcy`, `al-Rashid`
_TITLE_NAME_WORD = rf"""(?: \p{{Lu}}\.(?:\p{{Lu}}\.)? | {_SURNAME_WORD} )"""
# The particles before a name's next word (`Ada de la Cruz`, `Vincent van der Berg`, `Ada
# St. John`), never at its end (shared with conventions.py).
NAME_PARTICLES = rf"(?: (?: {PARTICLE} | St\. ) [ ] ){{0,2}}+"
_TITLE_NEXT_WORD = rf"""[ ] {NAME_PARTICLES} {_TITLE_NAME_WORD}"""
_TITLE_NAME = rf"""
    (?: {_OFFICE_ABBREVIATION} {TITLE_WORD} (?: {_TITLE_NEXT_WORD} ){{0,3}}+
      | {TITLE_WORD} (?: {_TITLE_NEXT_WORD} ){{1,3}}+
      # initials first: before the surname, as a page tells two of a family apart
      # (`M. O'Brien:`) or as a writer signs (`P.W. Quell:`, `J. R. Quell:`), or before the
      # given name (`W. Kamau Bell:`)
      | (?: \p{{Lu}}\. [ ]?+ (?= \p{{Lu}}\. ) ){{0,2}}+ \p{{Lu}}\. [ ] {_SURNAME_WORD} (?: {_TITLE_NEXT_WORD} ){{0,2}}+ )
    (?: (?<= [ ] (?: Jr | Sr ) ) \. )?+  # `Ada Quist Jr.`
    (?: [ ] \#\d{{1,3}}+ )?+  # `Lab Person #2`
"""

# Given names in mixed case before a surname in capitals (`Stephen J. DUBNER:`,
# `Suzie LECHTENBERG:`), as some podcast sites print a speaker's first label. Words follow
# on the line, and the surname has three capitals or more, so a page's empty field
# (`Composer ID: `) is not a speaker; nor is a headline's shouted word (`Watch LIVE: ...`).
_GIVEN_CAPS = rf"""
    (?: {TITLE_WORD} [ ] (?: \p{{Lu}}\. [ ] )?+ ){{1,2}}+
    (?! (?: LIVE | NEWS | UPDATES? | UPDATED | VIDEO | AUDIO | PHOTOS? | ALERT | EXCLUSIVE
          | OPINION | ANALYSIS | REVIEW | INTERVIEW | TRANSCRIPT | PODCAST | EPISODE | MORE
          | NOW | NEW | FREE | HERE | TODAY | TONIGHT ) [ \t]*+ : )
    (?: Mc | Mac | De | Di | La | Le | Van | Von | O['’] | D['’] )?+ \p{{Lu}}{{3}} [\p{{Lu}}'’\-]{{0,30}}+
    (?= [ \t]*+ : [ \t]*+ \S )
"""

# A role after the name: `, HOST`, `, host`, `, CNN ANCHOR`, `, Cornell University`,
# `(voice-over)`, `, (R) KENTUCKY`. Words are capitalised or short function words, so a
# sentence (`NPR, which ran the story, said:`) is not mistaken for a role.
# The parts people play on air and in a conversation, printed in lower case after a name
# too (`, guest`): the vocabulary of the parts, not collected from any document.
_PARTS = r"""
    host | co-host | byline | reporting | reporter | correspondent | anchor | caller
    | contributor | commentator | guest | moderator | panelist | interviewer | narrator
    | announcer | presenter | producer | analyst | editor | author | witness | translator
    | interpreter
"""
_ROLE_WORD = rf"""
    (?: ["“]?+ [\p{{Lu}}\p{{Nd}}][\p{{L}}\p{{Nd}}'’.\-/&]{{0,30}}+ ["”]?+  # `ABC "THIS WEEK" CO-ANCHOR`
      | (?: {_PARTS} | voice-over | through\ interpreter | of | the | and | for | at | in | on
          | to | de | a | an | &  | former | chief | senior | staff | off-camera | on-camera
          | via\ telephone | by\ telephone | voice | over )
      | \( [^()\n:]{{1,40}}+ \)
    )
"""
# A role after a dash or in square brackets names a part (`- HOST`, `[CNN CORRESPONDENT]`):
# `WELL - THAT IS THE QUESTION:` in caption capitals is words. (Caption styles read a role
# after a comma so too: `styles.captions`.)
PART_ROLE: Final = rf"(?: {_ROLE_WORD} [ \t]++ ){{0,4}}+ (?i: {_PARTS} ) \b"
# The part the speaker plays printed before the name, which holds two words at least:
# `Host Ada Quist:`, `GUEST OMAR VIDAL:` (`Christopher Guest:` is a name).
PART_FIRST: Final = regex.compile(rf"(?P<role> (?i: {_PARTS} ) ) [ ]++ (?= [^ ]++ [ ] [^ ] )", _F)
_ROLE = rf"""
    (?: , [ \t]*+ (?P<role> {_ROLE_WORD} (?: [ \t,]++ {_ROLE_WORD} ){{0,14}}+ )
      # `NOOR BELCASTRO reporting:` (no comma): a reporter's sign-on label.
      | [ \t]++ (?P<role> reporting ) (?= [ \t]*+ : )
      # The role after a dash or in square brackets, just before the colon: `ADA QUIST -
      # HOST:`, `ADA QUIST [HOST]:`.
      | [ \t]++ (?: -- | [-–—] ) [ \t]++ (?P<role> {PART_ROLE} ) (?= [ \t]*+ : )
      | [ \t]*+ \[ (?P<role> {PART_ROLE} ) \] (?= [ \t]*+ : ) )
"""

# How the speaker is heard, not who they are: `MALVEAUX (voice-over):` is an aside, so the
# speaker's description stays free for `(Author, ...)`.
_ASIDE_WORDS = r"""
    (?i: voice-over | voice[ ]over | v/o | on-camera | off-camera | off[ ]camera | on[ ]camera
       | through[ ](?:a[ ])?(?:translator|interpreter) | via[ ](?:telephone|phone|satellite)
       | by[ ](?:telephone|phone) | on[ ](?:the[ ])?phone | on[ ]tape | off-mic )
"""

# The time a service prints between the name and the colon, in brackets:
# `Dana Reyes (00:13):`, `Speaker 2 [01:02:03]:`. It is the turn's start, no part of the label.
_STAMP_TIME = r"\d{1,2}+ (?: : \d\d ){1,2}+ (?: [.,] \d{1,3}+ )?+"
_LABEL_STAMP = rf"[ \t]*+ [(\[] {_STAMP_TIME} [)\]] [ \t]*+ :"

# A parenthesised description, which may quote a title holding a colon:
# `(Author, "Tidewater Journal: The Later Years")`.
_DESCRIPTION = rf"""
    (?: (?! [ \t]*+ \( {_ASIDE_WORDS} \) | {_LABEL_STAMP} )
        [ \t]*+ \( (?P<description> (?: [^()"“”\n] | "[^"\n]{{0,200}}+" | “[^”\n]{{0,200}}+” ){{1,240}}+ ) \) )
"""

# A party tag between the name and the role, as CNN prints a lawmaker:
# `SEN. ADA VOSKUIJLEN (D-NM), SENATE CANDIDATE:`; it is read as the description.
_PARTY = r"""
    (?: [ \t]*+ \( (?P<description> [\p{Lu}][\p{L}.]{0,10}+ (?: [-–][ ]?+ [\p{Lu}][\p{L}.]{0,12}+ )?+ ) \) (?= [ \t]*+ , ) )
"""

LABEL: Final = regex.compile(
    rf"""
    (?P<label>
      (?P<honorific> {HONORIFIC.pattern} )?+
      (?P<name>
          {GENERIC_NAME}
        | {_CAPS_WORD} (?: [ \t\xa0\ufffd]{{1,3}}+ (?: {_CAPS_WORD} | \p{{Nd}}{{1,3}}+ ) ){{0,7}}+
        | {_GIVEN_CAPS}
        | (?P<titlename> {_TITLE_NAME} | (?P<titleword> {TITLE_WORD} ) )
      )
      {_PARTY}?+
      {_ROLE}?+
      {_DESCRIPTION}?+
      (?: [ \t]*+ \( (?P<aside> [^()\n:]{{1,40}}+ ) \) )?+
    )
    (?: [ \t]*+ [(\[] (?P<time> {_STAMP_TIME} ) [)\]] (?= [ \t]*+ : ) )?+
    # Markup closed around the name: `<b>MR. VINSON</b>:`, `**Dana Reyes**:`, `*Dana Reyes*:`.
    (?P<close> [ \t]*+ (?: </(?:b|strong|em|i)> | \*\*?+ | __ ) )?+
    [ \t]*+ :
    # ... or after the colon: `**Dana Reyes:**`, `*Dana Reyes:*`.
    (?(close)|(?: \*\*?+ | __ | </(?:b|strong|em|i)> )?+ )
    # A time in round brackets after the colon is the speaker's start too, as a
    # transcription service's older layout prints it: `Dana Reyes: (00:05)`, `**Dana
    # Reyes:** (00:05)`. (`**Jingle:** [19:26]` is a show's marker and its time.)
    (?(time)|(?: [ \t]*+ \( (?P<time_after> {_STAMP_TIME} ) \) )?+ )
    # Words follow after a space; or, glued on by a scraper, a capitalised word follows a
    # label in capitals (`CHUCK TODD:Can we`, `ANA RUIZ:I'm`), but not a run of capitals
    # (`SRCCON:POWER Talks`). After a Title Case name (`Ada Quist:Welcome`) the label is a
    # weak candidate, which the document's own convention must confirm (conventions.py).
    # (`&nbsp;` after the colon: a scraped page's space, as a character reference; a tag
    # that ends or breaks the page's block: `ANA RUIZ, HOST:</p>`, `ANA RUIZ:<br>Welcome`.)
    # Any other glued start of words (`ANA RUIZ:OK.`, `ANA RUIZ:(Laughter)`, `ANA
    # RUIZ:...and`) is marked `glue`: a weak label, which the document's convention must
    # confirm, as a name its other labels give (conventions.py, `caps-glued`). Not a
    # scheme's `HTTP://`, nor a clock's `0:03`.
    (?= [ \t\xa0]++ | &nbsp; | \*\* | $ | \r | \p{{Lu}} (?: \p{{Ll}} | ['’] | [ ] )
      | {PAGE_TAG} | <(?i:br)[\s/>]
      | (?P<glue>) [^\s:/\d] )
    """,
    _F,
)

# The first line of a label hard-wrapped inside its description:
# `Mr. BARNABY OKONKWO (Director, Regional Institute for Coastal` + `Studies):`; or inside
# a long role, as PBS prints a guest: `HALVARD ESS, Former Governor of the State (D) and` +
# `Current Candidate for the Senate:`.
LABEL_WRAP_START: Final = regex.compile(
    rf"""
    (?P<honorific> {HONORIFIC.pattern} )?+
    {_CAPS_WORD} (?: [ \t]{{1,3}}+ {_CAPS_WORD} ){{0,7}}+
    # (inside the description, a quoted title may hold a colon: `(Author, "Tidewater
    # Journal: The` + `Later Years"):`)
    (?: {_ROLE}?+ [ \t]*+ \( (?: [^()\n:"“] | "[^"\n]*+ | “[^”\n]*+ ){{1,200}}+ | {_ROLE} [ \t]*+ ) $
    """,
    _F,
)

# A time stamp leading a line: `0:06.2 | words |`, `[00:00:52] Speaker 2:`, `(01:13)`,
# `[00:00:05 - 00:00:12]`, or a
# broadcast timecode with its frame (`00:01:04:12`, drop-frame `00:01:04;12`): the frame is
# a fraction of a second at a rate the text does not say, so the time is the whole second.
TIME_PREFIX: Final = regex.compile(
    r"""
    [\[(]?+ (?P<time> \d{1,2}+ : \d\d (?: : \d\d )?+ (?: [.,] \d{1,3}+ )?+ )
    (?: (?<= \d : \d\d : \d\d ) [:;] \d\d (?! \d ) )?+
    # the time it ends too: `[00:00:05 - 00:00:12]` (the start is the turn's)
    (?: [ \t]*+ [-–] [ \t]*+ \d{1,2}+ : \d\d (?: : \d\d )?+ (?: [.,:;] \d{1,3}+ )?+ (?! [\d:] ) )?+
    [\])]?+
    (?: [ \t]*+ \| )?+ (?= [ \t] | $ )
    # A clock time (`09:00 PM PDT` in a schedule) is not a moment of the recording.
    (?! [ \t]++ (?i: [ap] \.?+ m \b \.?+ ) )
    """,
    _F,
)

# Where a label may start in the middle of a line: after the end of a sentence.
# `... the search goes on. SACHA LINDQVIST, HOST: More than ...`; in a court transcript
# flattened onto one line, after the line number too: `... come to order. 5 THE COURT: ...`
SENTENCE_END: Final = regex.compile(
    r"""(?<=[.?!"'’”)\]…-])[ \t]++ (?: \d{1,2}+ [ \t]++ (?=\p{Lu}{2}) )?+ (?=\p{Lu})""", _F
)

# A label glued to the words before it with no space (`... sponsorshipADA QUIST: Good
# evening.`): a scraped page ran its chrome into the first paragraph. A lower-case letter
# straight before capitals is where two blocks met; two lower-case letters, so a name's
# own inner capitals (`McADAM`) are no such place. Taken only for a name the document
# labels at the start of a line too (tokenizer._split_text_token).
GLUED_LABEL: Final = regex.compile(r"(?<=\p{Ll}{2}) (?=\p{Lu}{2})", _F)

# `00:00:27 Ada Quist WELCOME TO THE CLUB.`: after a time, a Title Case name, then words in
# capitals (caption text, where the case change is the only mark between the two).
CAPS_SPEECH: Final = regex.compile(
    r"""[ \t]*+ (?P<label> (?P<name> (?: \p{Lu}\p{Ll}[\p{L}'’\-]{0,20}+ | \p{Lu}\p{Ll}{0,3}+\. | \p{Lu}\. )
      (?: [ ] (?: \p{Lu}\p{Ll}[\p{L}'’\-]{0,20}+ | \p{Lu}\p{Ll}{0,3}+\. | \p{Lu}\. ) ){0,4}+ ) )
    [ \t]++ (?= \p{Lu}{2} )""",
    regex.VERBOSE | regex.V1,
)
# The words after such a name are capitals at least this share of their letters, and this
# many letters: speech in caption case, so a name in Title Case stands out of it.
CAPS_SPEECH_SHARE: Final = 0.9
CAPS_SPEECH_LETTERS: Final = 20


def caps_speech(text: str) -> regex.Match[str] | None:
    """`CAPS_SPEECH` at the start of `text`, where the words after the name are capitals."""
    m = CAPS_SPEECH.match(text)
    if m is None:
        return None
    letters = [c for c in text[m.end() :] if c.isalpha()]
    upper = sum(c.isupper() for c in letters)
    if len(letters) < CAPS_SPEECH_LETTERS or upper < CAPS_SPEECH_SHARE * len(letters):
        return None
    return m


# Roles that mark a mid-line label without doubt.
STRONG_ROLE: Final = regex.compile(
    r"""^(?: HOST | CO-HOST | BYLINE | CORRESPONDENT | ANCHOR | REPORTER | host | byline )$""",
    _F,
)

# Words that tell a speaker's role from a label's role or description.
ROLE_WORDS: Final = (
    ("host", regex.compile(r"\b(?i:co-?host|host|anchor)\b")),
    # A press briefing's `Q` (a house style reads it as the label's role) is a reporter.
    ("reporter", regex.compile(r"\b(?i:byline|correspondent|reporter|reporting)\b|^Q$")),
    ("caller", regex.compile(r"\b(?i:caller)\b")),
)
UNIDENTIFIED: Final = regex.compile(r"^(?i:unidentified|unknown)\b")

# HTML left in a scraped page's text (`... and others. </p>`, `<br>`, `<i>Gebhart</i>`):
# markup, never words. Only the tag names of HTML's text and block elements, so an aside in
# angle brackets (`<laughs>`) stays what the speaker did.
HTML_TAG: Final = regex.compile(
    r"""
    </?+ (?i: p | br | div | span | blockquote | strong | em | b | i | u | a | font | small
            | sup | sub | h[1-6] | li | ul | ol | td | tr | th | table | hr | center
            | section | article | header | footer | nav | main | html | head | body | title )
    (?= [\s/>] ) [^<>\n]{0,300}+ >
    """,
    _F,
)

# Where a block of an HTML page starts (`<p>`, `<br>`, `<div ...>`, `<li>`, `<h2>`): a page
# run onto one long line is read as if each block started a line (tokenizer._lines).
BLOCK_TAG: Final = regex.compile(
    r"""< (?i: p | br | div | li | h[1-6] | tr | blockquote | section | article ) (?= [\s/>] )""",
    _F,
)

# The tags of a page's block in front of a line's words (`PAGE_TAGS`: `<p><b>Mr. QUILL.`),
# and the space after them: a house style's line rule reads past them, as past an indent.
# Matches the empty string too.
BLOCK_OPEN: Final = regex.compile(PAGE_TAGS, _F)

# A tag that breaks a line of a page's text (`<br>`, `</p>`, `<div>`, `</li>`): the words
# either side of it are two words, never one (`here,<br>truly` reads `here, truly`).
BREAK_TAG: Final = regex.compile(
    r"""</?+ (?i: p | br | div | li | h[1-6] | tr | td | th | blockquote | section | article
               | ul | ol | table | hr | header | footer ) (?= [\s/>] )""",
    _F,
)

# ---------------------------------------------------------------------------------------
# Standalone cues and inline notes
# ---------------------------------------------------------------------------------------

# A line that is nothing but a bracketed note: `(SOUNDBITE OF MUSIC)`, `(Soundbite of
# laughter).`, `[RADIOLAB INTRO]`, with one level of nested brackets allowed.
CUE_LINE: Final = regex.compile(
    rf"""
    [ \t\xa0]*+
    # The tags of a page's block around the note: `<p>(SOUNDBITE OF MUSIC)</p>`.
    {PAGE_TAGS}
    # A markdown blockquote's mark before the note: `> (laughter)`.
    (?: > (?!>) [ \t\xa0]*+ )?+
    # A note in lower case punctuated as a sentence is what the speaker did, part of the
    # turn (`(laughs).`, `[inaudible 00:01:09].`), not a stage cue between turns; so is a
    # note of one word in capitals punctuated so (`[INAUDIBLE].`).
    (?! [(\[] (?: \p{{Ll}} [^\n]*? | \p{{Lu}}++ ) [)\]] [ \t\xa0]*+ \. )
    # A time stamp alone in square brackets (`[00:00:05]`, `[00:00:05 - 00:00:09]`) marks a
    # moment of the recording; a time in parentheses (`(30:00)`) is a transcriber's note
    # of one, a cue.
    (?! \[ [ \t]*+ [\d:.,]++ (?: [ \t]*+ [-–] [ \t]*+ [\d:.,]++ )?+ [ \t]*+ \] )
    (?: \( (?P<inner> (?: [^()\n] | \( [^()\n]{{0,200}}+ \) ){{1,400}}+ ) \)
      | \[ (?P<inner> (?: [^\[\]\n] | \[ [^\[\]\n]{{0,200}}+ \] ){{1,400}}+ ) \] )
    [ \t\xa0.]*+ {PAGE_TAGS} \r?+ $
    """,
    _F,
)

# A parenthesised sentence (`(This is part two of a series. For part one, ...)`) is an
# editor's aside in a page, not a stage note.
CUE_NOT: Final = regex.compile(
    r"""
    # A sentence and another (`This is part two. For part one, ...`), or a long aside; a
    # stage note may still describe a scene in sentences when it opens on what is heard
    # (`Music.  The patter of a mouse across the floor.`).
      (?! [ \t]*+ (?i: music | sound | soundbite | laugh\w*+ | applause | singing ) \b )
      (?= [^\n]*? \p{Ll}{2} ) (?: [^\n]*? [.!?] [ ]++ \p{Lu}\p{Ll} | [^\n]{160} )
    # A footnote mark: `[2]`.
    | [ \t]*+ \d++ [ \t]*+ $
    # A page's menu in brackets: `[Home | Archive | Contact]`.
    | [^\n]*? [ ] \| [ ]
    # A byline in parentheses: `(By Ada Quist)`; a photo credit: `( Ada Quist / Agency )`.
    | [ \t]*+ By [ ] \p{Lu}\p{Ll}
    | [ \t]*+ \p{Lu}\p{Ll}++ (?: [ ] \p{Lu}[\p{L}.'’\-]*+ ){1,3}+ [ \t]*+ / [ \t]*+ \p{Lu}
    # A writer's aside that opens on a figure or code, in words: `(0 rows were moved.)`,
    # `(`{"name"}`, one entry per turn)`.
    | [ \t]*+ [\d`{] (?= (?: [^\n]*? \b \p{Ll}{2,}+ \b ){3} )
    """,
    _F,
)

# A text file cut at 60 to 80 columns prints a paragraph on several lines: a line of words
# this long that ends no sentence runs on into the next line (kinds.py reads such a
# paragraph as one row; conventions.py reads a name on the next line as its end, not a
# speaker's heading).
WRAP_CHARS: Final = 50

# A speaker's heading in square brackets alone on its line, named as a person: with the
# part they play or a courtesy title (`[Dana Reyes, host]`, `[Dr. Dana Reyes]`). It is no
# cue (`[Upbeat Music]` is): the document's conventions judge it as a label.
_BRACKETED_NAME = r"\p{Lu}[\p{L}'’\-.]*+ (?: [ ] \p{Lu}[\p{L}'’\-.]*+ ){0,3}+"
BRACKETED_SPEAKER: Final = regex.compile(
    rf"""[ \t]*+ \[
    (?: (?: {HONORIFIC.pattern} ) {_BRACKETED_NAME} (?: , [ ] {PART_ROLE} )?+
      | {_BRACKETED_NAME} , [ ] {PART_ROLE} )
    (?: [ ] \( [^()\n\]]{{1,160}}+ \) )?+ \] [ \t]*+ \r?+ $""",
    _F,
)

# A cue a site's template declares as one (`{% cue text="MUSIC: Harbour theme" %}`): the
# inside is its `text`.
CUE_SHORTCODE: Final = regex.compile(
    r"""[ \t]*+ \{% [ \t]*+ cue [ \t]++ text= (?: "(?P<inner> [^"\n]{1,1000}+ )" | '(?P<inner> [^'\n]{1,1000}+ )' )
    [ \t]*+ %\} [ \t]*+ \r?+ $""",
    _F,
)

# Bracketed notes that are corrections, not cues: they go to `metadata.corrections`.
CORRECTION: Final = regex.compile(
    r"""
    [ \t:]*+ \[ [ \t]*+
    (?P<value> (?i: post-broadcast | post-publication | editor['’]?s[ ]note | correction
        | clarification | update ) [^\]\n]{0,4000}+ )
    \] [ \t]*+ \r?+ $
    """,
    _F,
)

# Kinds of cue by their words; the first that matches wins.
CUE_KINDS: Final = (
    ("clip_start", regex.compile(r"^(?i:begin|start)\b")),
    ("clip_end", regex.compile(r"^(?i:end)\b")),
    ("break", regex.compile(r"\b(?i:commercial break|break|station break|funding credits)\b")),
    ("music", regex.compile(r"\b(?i:music|song|singing|band|instrumental|jingle)\b")),
    ("laughter", regex.compile(r"\b(?i:laugh\w*|chuckl\w*)\b")),
    ("applause", regex.compile(r"\b(?i:applause|cheer\w*|clapping)\b")),
    ("soundbite", regex.compile(r"\b(?i:soundbite|sound bite|clip|recording|audio|tape)\b")),
)

# A note inside spoken words. Either all capitals (`(LAUGHTER)`, `(CROSSTALK)`) or led by
# a word transcribers use for notes (`(ph)`, `(Singing)`, `(As Dorothy)`,
# `(Through interpreter)`, `[emphasis added]`).
INLINE_NOTE: Final = regex.compile(
    r"""
    (?: \( (?P<inner> [^()\n]{1,120}+ ) \) | \[ (?P<inner> [^\[\]\n]{1,120}+ ) \] )
    """,
    _F,
)
NOTE_WORDS: Final = regex.compile(
    r"""
    ^ [ \t]*+ (?: [^\p{Ll}]{2,}+ $
    | (?i: ph | sic | sp | laugh\w* | chuckl\w* | applause | sing\w* | as [ ] .+ | through [ ] .+
        | foreign [ ] .+ | speaking [ ] .+ | unintelligible | inaudible | crosstalk | music\b.*
        | soundbite\b.* | sound [ ] of .+ | emphasis [ ] .+ | sighs? | cough\w* | clears? .+
        | cheer\w* | clapping | whisper\w* | groans? | voice-over | off-mic | on [ ] tape
        | reading | imitating .+ | impersonating .+ | in [ ] \w+ | humming | crying | bleep\w*
        | [ ]*\d{1,2}:\d\d(?::\d\d)?+ )
      (?: [ ]++ \d{1,2}:\d\d(?::\d\d)?+ )?+ [ \t.]*+ $ )  # `[inaudible 00:00:16]`
    """,
    _F,
)

# ---------------------------------------------------------------------------------------
# Header fields
# ---------------------------------------------------------------------------------------

_MONTH = r"""(?i: jan(?:uary)? | feb(?:ruary)? | mar(?:ch)? | apr(?:il)? | may | june? | july?
    | aug(?:ust)? | sep(?:t(?:ember)?)? | oct(?:ober)? | nov(?:ember)? | dec(?:ember)? )\.?"""
_WEEKDAY = r"""(?i: (?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,? )"""

# A date as NPR and its scrapers print it. `(?P<year>\d{4})(?!\d)` would reject the
# glued `May 17, 20246:35 PM ET`, so the year only needs four digits.
DATE: Final = regex.compile(
    rf"""
    (?: (?P<iso> (?P<y1>\d{{4}}) - (?P<m1>\d{{2}}) (?: - (?P<d1>\d{{2}}) )? ) (?!\d)
      | (?: {_WEEKDAY} [ ]++ )?+ (?P<month> {_MONTH} ) [ ]++ (?P<day>\d{{1,2}}) (?:st|nd|rd|th)? ,?+ [ ]++ (?P<year>\d{{4}})
      # Day first, as British and European pages print it: `12 March 2024`, `Tuesday
      # 12th March 2024`, `12th of March, 2024`.
      | (?: {_WEEKDAY} [ ]++ )?+ (?<!\d) (?P<day2>\d{{1,2}}) (?:st|nd|rd|th)?+ [ ]++ (?: of [ ]++ )?+
        (?P<month2> {_MONTH} ) ,?+ [ ]++ (?P<year2>\d{{4}})
      # ... or with hyphens, as records and logs print it: `26-Mar-2024`, `26-MAR-2024`.
      | (?<![\d-]) (?P<day2>\d{{1,2}}) - (?P<month2> {_MONTH} ) - (?P<year2>\d{{4}}) (?!\d)
      | (?<!\d) (?P<y3>(?:19|20)\d{{2}}) (?P<m3>[01]\d) (?P<d3>[0-3]\d) (?!\d)
      # Year first in figures, `2021/03/04`, `2021.3.4`: read year, month, day (no one
      # prints year, day, month); not inside a path (`/2021/03/04/` is a URL's).
      | (?<![\d/.]) (?P<y3>(?:19|20)\d{{2}}) (?P<sep3>[/.]) (?P<m3>[01]?\d) (?P=sep3) (?P<d3>[0-3]?\d) (?![\d/.])
      # Month first, with dots, only where the line says it aired (`Originally aired
      # 07.11.2003`, as This American Life prints it): elsewhere a dotted date may be
      # day first.
      | (?<= (?i: aired ) [ ]{{1,3}} ) (?P<iso> (?P<m1>[01]\d) \. (?P<d1>[0-3]\d) \. (?P<y1>(?:19|20)\d{{2}}) ) (?!\d)
    )
    """,
    _F,
)

# Lines whose whole point is a date, led by a word that says so, whatever follows:
# ` date 2024-03-26 `, `Published on September 8, 2025`, `Aired March 3, 2006 - 20:00 ET`,
# `Episode Date: June 2, 2023The host talks ...` (a teaser glued on by a scraper).
DATE_KEYWORD_LINE: Final = regex.compile(
    rf"""
    [ \t]*+ (?: [^\p{{L}}\p{{N}}\s]{{1,4}}+ [ \t]*+ )?+
    (?i: date | published(?:[ ]on)? | originally[ ]published(?:[ ]on)? | aired | updated
       | posted | broadcast | episode[ ]date | air[ ]date ) [ \t]*+ :?+ [ \t]*+
    (?P<date> {DATE.pattern} )
    """,
    _F,
)

# A date alone on its line, perhaps with a weekday, a time or an icon:
# `Fri November 8, 2013`, `May 17, 20246:35 PM ET`, `🗓️ 13 April 2022`. A date that ends a
# sentence (`21st of March 2025.`) is the end of someone's words, wrapped onto its own line.
DATE_BARE_LINE: Final = regex.compile(
    rf"""
    [ \t]*+ (?: [^\p{{L}}\p{{N}}\s]{{1,4}}+ [ \t]*+ )?+ (?P<date> {DATE.pattern} )
    (?! [.!?]++ [ \t]*+ \r?+ $ ) [^\n]{{0,40}}+ $
    """,
    _F,
)

# A date leading a long line, the transcript run on after it (a document flattened onto
# one line: `June 12, 2025 KELLY OKAFOR, HOST: ...`); the tokenizer takes it for a date line
# only when a speaker's label follows right after.
DATE_LEAD: Final = regex.compile(
    rf"""
    [ \t]*+ (?: [^\p{{L}}\p{{N}}\s]{{1,4}}+ [ \t]*+ )?+ (?P<date> {DATE.pattern} ) [ \t,.\-–|]*+
    """,
    _F,
)

# A line that is a link and nothing else.
URL_LINE: Final = regex.compile(
    r"""[ \t]*+ (?P<value> https?://[^\s<>"]{1,2000}+ ) [ \t]*+ \r?+ $""", _F
)

# Front matter fields of notes exported from a notes app: `title: 191204) Episode`.
FRONT_MATTER: Final = regex.compile(
    r"""[ \t]*+ (?P<field> title | date | url | source | program ) [ \t]*+ : [ \t]*+ (?P<value> [^\n]{1,500}+ ) $""",
    _F,
)

# YAML front matter: a `---` fence on the first line, `key: value` lines (a list item
# `- x` or an indented line continues a value), then the closing fence. Every line of the
# block is the document's fields, never words (`people_mentioned: [...]` is no speech).
FRONT_MATTER_FENCE: Final = regex.compile(r"""[ \t]*+ --- [ \t]*+ \r?+ $""", _F)
FRONT_MATTER_LINE: Final = regex.compile(
    r"""(?: [A-Za-z_][\w\-]{0,40}+ [ \t]*+ : (?: [ \t] [^\n]*+ )?+ | [ \t]++ \S [^\n]*+
        | [ \t]*+ - [ \t] [^\n]*+ | [ \t]*+ ) \r?+ $""",
    _F,
)
# No notes app writes more fields than this: a `---` rule over a page of `Name: words`
# lines that never closes is not front matter, and the look-ahead stays bounded.
FRONT_MATTER_LINES: Final = 200

# A podcast or program named after the title: `Invented Title : The NPR Politics Podcast`.
PROGRAM_SUFFIX: Final = regex.compile(
    r"""^(?P<title> [^\n]{3,300}? ) [ \t]++ : [ \t]++ (?P<program> (?:The[ ])? [\p{Lu}][^:\n]{2,60} (?i: podcast | hour | radio ) ) [ \t]*+ $""",
    _F,
)

# A host on air naming the program: `This is TALK OF THE NATION.`,
# `From NPR News, this is ALL THINGS CONSIDERED. I'm ...`
PROGRAM_SAID: Final = regex.compile(
    r"""
    (?: ^ | (?<=[.!?] ) ) [ \t]*+ (?: (?i: from [ ] npr [ ] news ,?+ [ ] )? (?i: this [ ] is | it['’]s | welcome [ ] to | you['’]re [ ] listening [ ] to ) ) [ ]++
    (?P<program> (?: \p{Lu}[\p{Lu}'’&]{1,20}+ [ ]?+ ){1,6}+ (?<![ ]) )
    (?= [ ]from[ ]NPR | [ ]on[ ]NPR | [.,!;] | $ )
    """,
    _F,
)

# What a host says to open a show whose first label was lost: `This is TALK OF THE
# NATION. I'm ...`, `Hey, I'm Kelly Okafor.`, `From NPR News, this is ...`
OPENER: Final = regex.compile(
    r"""
    ^ [ \t]*+ (?: (?i: from [ ] npr )
      # `From Harbour FM, you're listening to ...`, `From the Tidewater Network, this is ...`
      | (?i: from ) [ ] (?: the [ ] )?+ \p{Lu} [\p{L}\p{N}.&'’ ]{1,40}+ , [ ] (?i: this [ ] is | you['’]re [ ] listening | it['’]s ) [ ]
      # `This is the Governor.`, `Hello: this is Ada Quist from ...`
      | (?i: (?: hey | hi | hello | good [ ] (?: morning | evening | afternoon ) ) [,:!.]?+ [ ] )?+ (?i: this [ ] is ) [ ] (?i: the[ ])?+ \p{Lu}
      | (?i: it['’]s ) [ ] \p{Lu}{2}
      # `Hey, I'm Kelly Okafor.` (a name follows: `I'm guessing ...` opens a blog post)
      | (?i: (?: hey | hi | hello | good [ ] (?: morning | evening | afternoon ) ) ,?+ [ ] )?+ (?: (?i: i['’ ]?m ) [ ] \p{Lu} | (?i: welcome [ ] to | you['’]re [ ] listening ) [ ] )
      | (?i: good [ ] (?: morning | evening | afternoon ) ) [.,!]
    )
    """,
    _F,
)

# ---------------------------------------------------------------------------------------
# Page furniture
# ---------------------------------------------------------------------------------------

# Each entry: (name, pattern matched against a whole line). The tokenizer's grammar table
# (`tokenizer.SHARED`) holds one rule per entry, in this order; a site's own chrome is in
# that site's preset (styles/npr.py, styles/cnn.py, styles/yahoo.py), not here.
FURNITURE: Final = tuple(
    (name, regex.compile(pattern, _F | regex.IGNORECASE))
    for name, pattern in (
        # A bare `Transcript` heading, or a markdown heading that names the transcript
        # (`## Full Transcript`): what follows it is the transcript.
        (
            "transcript-heading",
            r"(?: [ \t]*+ \#{1,6}+ [ \t]++ [^\n\#]{0,40}? )? transcript [ \t]*+ $",
        ),
        # The head of an HTML page: `<!DOCTYPE html><html><head><title>...</title>` (a page
        # on one line is cut before its first block, tokenizer._lines).
        ("html-head", r"[ \t\ufeff]*+ (?: <!doctype [ \t]++ html | <html (?= [\s>] ) ) [^\n]*+ $"),
        # The list items around an embedded player: `  • Download`, `  • <iframe ...>`.
        (
            "player",
            r"""[ \t]*+ (?: [•*·\-][ \t]*+ )?+
                (?: download | transcript | playlist | embed | listen | share | <iframe[^\n]*+
                  | embed [ \t]*+ <iframe[^\n]*+ | \d{1,3}+-minute [ ] listen
                  | hosted [ ] by [^\n]{0,80}+ | listen [ ] ·? [^\n]{0,20}+ | transcript[ ]and[ ]audio
                  | sponsor [ ] message | toggle [ ] more [ ] options | download [ ] transcript
                  | facebook | twitter | flipboard | email | whatsapp | linkedin | reddit | print )
                [ \t]*+ $""",
        ),
        # `Copyright © 2024 ...`, `© 2024 ...`: the page is over.
        (
            "copyright",
            r"[ \t]*+ (?: copyright [ ]?+ (?: © | \(c\) )?+ [ ]?+ \d{4} | © [ ]?+ \d{4} ) [^\n]{0,400}+ $",
        ),
        # `This is a rush transcript ...` at the foot of a page (CNN prints it at the top, and
        # its preset replaces this rule).
        ("disclaimer", r"[ \t]*+ this [ ] is [ ] a [ ] rush [ ] transcript [^\n]*+ $"),
        # A page's note about the transcript itself, not spoken: `If this transcript has
        # errors, let us know`, `This transcript was made by a machine.`
        (
            "transcript-notice",
            r"""[ \t]*+ (?: (?: if [ ] | (?: please [ ] )?+ note:?+ [ ] )?+ (?: this | the ) [ ]
                  (?: transcript | interview ) [ ] (?: has | was | is | may | contains ) \b
                | this [ ] (?: program | episode | segment | story ) [ ]
                  (?: aired | was [ ] (?: broadcast | recorded | first [ ] aired ) ) \b ) [^\n]*+ $""",
        ),
        # A station site's player bar: `Play Live Radio`, `0:00 0:00`, `Donate`.
        (
            "station",
            r"""[ \t]*+ (?: play [ ] live [ ] radio | next [ ] up: | available [ ] on [ ] air [ ] stations
                | \d{1,2}:\d\d [ ] \d{1,2}:\d\d | on [ ] air [ ] now | all [ ] streams | donate
                # `Support for this program comes from ...`: the station's underwriting
                | support [ ] for [ ] [^\n]{1,80}? [ ] comes? [ ] from [^\n]*+ ) [ \t]*+ $""",
        ),
        # A page's navigation and ads: `Load more`, `Related Stories`, `Discussion (12)`,
        # `Advertisement`, `Continue reading below`, `Share this article`.
        (
            "chrome",
            r"""[ \t]*+ (?: discussion [ ] \(\d++\) | load [ ] more | more [ ] stories | related [ ] stories
                | click [ ] on [ ] a [ ] timestamp [^\n]*+ | (?: skip [ ] )?+ advertisement
                | continue [ ] reading (?: [ ] (?: below | the [ ] main [ ] story ) )?+
                | share [ ] this [ ] (?: article | story | page | post | episode )
                | sponsored (?: [ ] content )?+ | read [ ] next | trending (?: [ ] (?: news | now ) )?+
                | up [ ] next | next [ ] story | top [ ] stories | printable [ ] version
                | e-?mail [ ] this [ ] (?: to [ ] a [ ] friend | page | story | article )
                | bookmark [ ] with:?+ | privacy [ ] (?: policy | dashboard )
                | terms [ ] (?: of [ ] (?: use | service ) | and [ ] privacy [ ] policy )
                | sign [ ] up (?: [ ] for [ ] [^\n]{1,40}+ )?+ | back [ ] to [ ] top
                | \d{1,7}+ [ ] (?: likes?+ | followers ) | subscribe (?: [ ] now )?+
                | related [ ] (?: articles | posts | content | coverage | episodes ) ) [ \t]*+ $""",
        ),
        # Where a page's comments begin: `Leave a Reply`, `214 Comments`, `Add a comment`.
        (
            "comments",
            r"""[ \t]*+ (?: leave [ ] a [ ] (?: reply | comment ) | (?: read [ ] )?+ \d{1,6}+ [ ] comments?+
                | (?: add | post ) [ ] a [ ] comment | join [ ] the [ ] (?: conversation | discussion )
                | comments [ ] \( \d{1,6}+ \) | responses [ ] \( \d{1,6}+ \) ) [ \t]*+ $""",
        ),
        # The label of a disclosure widget: `<summary>Click to expand</summary>` over a
        # `<details>` block is the page's control, not its words.
        (
            "disclosure",
            r"[ \t]*+ (?: <details> [ \t]*+ )?+ <summary> [^\n]{0,300}? </summary> [ \t]*+ $",
        ),
        # A photo's credit alone on its line: `Imani Drew/KPLT`, `Ada Quist / Harbor Press`.
        (
            "photo-credit",
            r"""[ \t]*+ (?-i: \p{Lu}[\p{L}'’.\-]{1,25}+ (?: [ ] \p{Lu}[\p{L}'’.\-]{0,25}+ ){0,3}+
                [ ]?+ / [ ]?+ (?: for [ ] )?+ \p{Lu}[\p{L}\p{Nd}&.'’\-]{0,30}+ (?: [ ] \p{Lu}[\p{L}\p{Nd}&.'’\-]{0,30}+ ){0,3}+ )
                [ \t]*+ $""",
        ),
        # A meeting app's last line: `Meeting ended after 00:25:12` (`Ada Quist stopped
        # transcription` is told by its end: `FURNITURE_TAIL`).
        (
            "meeting-end",
            r"[ \t]*+ meeting [ ] ended \b [^\n]{0,80}+ $",
        ),
        # The mark that ends a release or a transcript: `# # #`, `-30-`, `END`.
        ("end-mark", r"[ \t]*+ (?: \# [ ]?+ \# [ ]?+ \# | -30- | (?-i: END ) ) [ \t]*+ $"),
        # A separator rule: `---`, `* * *`.
        (
            "rule",
            r"[ \t]*+ (?: -{3,} | \*{3,} | _{3,} | ={3,} | (?: \* [ \t]++ ){2,} \* ) [ \t]*+ $",
        ),
    )
)

# Furniture told by how a line ends or what it embeds, not how it starts; searched in a
# window so a long line costs no more than a short one.
FURNITURE_TAIL: Final = (  # searched in a line's last 40 characters: `... /NPR hide caption`
    (
        "caption",
        regex.compile(
            r"(?: hide [ ] caption | toggle [ ] caption | enlarge [ ] this [ ] image ) [ \t]*+ $",
            _F | regex.IGNORECASE,
        ),
    ),
    (
        "meeting-end",
        regex.compile(r"[ ] stopped [ ] transcription [ \t.]*+ $", _F | regex.IGNORECASE),
    ),
)
FURNITURE_EMBED: Final = (  # searched in a line's first 260 characters
    ("iframe", regex.compile(r"<iframe\b", _F | regex.IGNORECASE)),
)

# Lines after which nothing belongs to the transcript any more.
# (`transcript-end` is a house style's closing line: CNN's `END`, a briefing's `END 2:04 P.M.
# EDT`.)
TERMINAL_FURNITURE: Final = frozenset(
    {"copyright", "disclaimer", "comments", "meeting-end", "end-mark", "transcript-end"}
)
