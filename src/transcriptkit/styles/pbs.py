"""PBS NewsHour: caps labels, guests labelled with a long description in mixed case
(`OSWIN TRELAWNEY, Ridgefield University:`, `DONNA VALE, Former Governor of the State (D)
and Current Senate Candidate:`), `(BREAK)` between segments.

NewsHour reaches us through pages that list the captions of its video, each caption a
`  • ` bullet followed by a blank line (a label's words then run on over the next bullets).
The labels and cues behind a bullet are the shared grammar's; the page's own chrome and
pbs.org's share and support lines are furniture. Example lines in comments are invented.
"""

from __future__ import annotations

from .. import rules
from ..tokens import TokenKind
from .base import Style, evidence, rule

# A caption rendered as a list item: `  • ` before the words (the leading spaces are the
# tokenizer's). Only the bullet, so what follows is matched as the shared rules would.
_BULLET = r"[•·▪][ \t\xa0]++"

# `  • OSWIN TRELAWNEY, Ridgefield University: A majority of ...`: a label behind a bullet.
BULLET_LABEL = rule("bullet-label", rf"{_BULLET} (?: {rules.LABEL.pattern} )", TokenKind.LABEL)

# `  • (BREAK)`, `  • (APPLAUSE)`: a cue behind a bullet (but, as in the shared rule, a
# lower-case note punctuated as a sentence, `  • (laughs).`, is the speaker's).
BULLET_CUE = rule(
    "bullet-cue",
    rf"""
    {_BULLET} (?! [(\[] \p{{Ll}} [^\n]*? [)\]] [ \t\xa0]*+ \. )
    (?: \( (?P<inner> [^()\n]{{1,200}}+ ) \) | \[ (?P<inner> [^\[\]\n]{{1,200}}+ ) \] )
    [ \t.]*+ \r?+ $
    """,
    TokenKind.CUE,
)

# The chrome of a page listing a video's captions (`Placeholder Image`, `Subtitles section
# Play video`) and of pbs.org (`Support Provided By:`, `Listen to this Segment`, `Watch the
# Full Episode`, `Leave your feedback`).
CHROME = rule(
    "chrome",
    r"""
    (?: Placeholder [ ] Image | Subtitles [ ] section [^\n]{0,40}+
      | Support [ ] Provided [ ] By: [^\n]{0,80}+ | Learn [ ] more
      | Listen [ ] to [ ] this [ ] Segment | Watch [ ] the [ ] Full [ ] Episode
      | Read [ ] Full [ ] Transcript | Leave [ ] your [ ] feedback
      | Full [ ] Episode | Pinterest | Tumblr | Copy [ ] link
    ) [ \t]*+ \r?+ $
    """,
    TokenKind.FURNITURE,
)

STYLE = Style(
    name="pbs",
    description="PBS NewsHour transcripts and caption lists of NewsHour video.",
    evidence=evidence(
        (r"News[ ]?Hour", 3.0),
        (r"pbs\.org", 2.0),
        (rf"^ [ \t]*+ {_BULLET} [\p{{Lu}} .'’-]{{3,60}} (?: , [^\n:]{{2,160}} )? : [ ]", 2.0),
        (r"^ [\p{Lu} .'’-]{3,60}, [ ] \p{Lu}\p{Ll}+ [^\n:]{2,120} : [ ]", 1.0),
        (r"^ [ \t•]*+ \(BREAK\)", 1.0),
    ),
    rules=(BULLET_LABEL, BULLET_CUE, CHROME),
)

STYLES = (STYLE,)
