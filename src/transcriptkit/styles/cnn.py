"""CNN transcripts: the old `cnn.com/TRANSCRIPTS` pages and the newer
`transcripts.cnn.com` rendering (single newlines between paragraphs).

The speaker labels are the shared grammar's: `WOLF BLITZER, CNN ANCHOR:` then `BLITZER:`,
`MALVEAUX (voice-over):`, `ANNOUNCER:`, a party tag before the role (`SEN. ADA QUIST (D-NM),
SENATE CANDIDATE:`), an initial that tells two people of one surname apart (`M. O'BRIEN:`,
kept as printed), and a second turn run into a line (`... to be here. BEGALA: Thanks.`). So
are the cues: `(BEGIN VIDEO CLIP)`, `(END VIDEOTAPE)`, `(COMMERCIAL BREAK)`, and the air date
`Aired March 16, 2004 - 19:00 ET`. This preset adds the page's own furniture and the
evidence that tells a CNN page apart. Example lines in comments are invented.
"""

from __future__ import annotations

from ..grammar import before
from ..tokens import TokenKind
from .base import Style, evidence, furniture, rule

# `THIS IS A RUSH TRANSCRIPT. THIS COPY MAY NOT BE IN ITS FINAL FORM AND MAY BE UPDATED.`:
# CNN prints it above the transcript (the newer site twice), so it does not end anything,
# unlike the same words at the foot of an NPR page.
RUSH_NOTICE = rule(
    "rush-notice",
    r"(?i: this [ ] is [ ] a [ ] rush [ ] transcript ) [^\n]*+ $",
    TokenKind.FURNITURE,
)

# `END` alone on the last line of a transcript.
END = rule("transcript-end", r"END [ \t.]*+ \r?+ $", TokenKind.FURNITURE)

# Site chrome around the old pages: `CNN.com - Transcripts`, `Transcript Providers`.
CHROME = rule(
    "chrome",
    r"(?: CNN\.com [ ] [-–] [ ] Transcripts | Transcript [ ] Providers ) [ \t]*+ $",
    TokenKind.FURNITURE,
)

# `Return to Transcripts main page`: the old pages' navigation, above and below.
NAVIGATION = before(
    "transcript-heading",
    furniture("chrome", r"[ \t]*+ return [ ] to [ ] transcripts [ ] main [ ] page [ \t]*+ $"),
)

STYLE = Style(
    name="cnn",
    description="CNN transcripts (cnn.com/TRANSCRIPTS, transcripts.cnn.com).",
    evidence=evidence(
        (r"^ [ \t]*+ Return [ ] to [ ] Transcripts [ ] main [ ] page", 4.0),
        (r"^ [ \t]*+ Aired [ ] [^\n]{6,60}? \b E[SD]?T \b", 2.0),
        (r"^ [ \t]*+ THIS [ ] IS [ ] A [ ] RUSH [ ] TRANSCRIPT", 1.0),
        (r"^ [\p{Lu} .'’-]{3,60}, [ ] CNN [ ] [\p{Lu} ]{2,60} (?: [ ] \([^()\n]{1,30}\) )? :", 3.0),
        (r"^ [\p{Lu} .'’-]{3,60} [ ] \(voice-over\) :", 1.0),
        (r"^ \( (?: BEGIN | END ) [ ] VIDEO (?: TAPE | [ ] CLIP ) \)", 1.0),
        (r"transcripts\.cnn\.com | cnn\.com/TRANSCRIPTS", 2.0),
    ),
    rules=(RUSH_NOTICE, END, CHROME),
    grammar=(NAVIGATION,),
)

STYLES = (STYLE,)
