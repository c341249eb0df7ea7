"""NPR, modern (caps labels with `, HOST`/`, BYLINE`) and legacy (before about 2012:
`, host`, `Mr. NAME (Description):`). Both are served by the shared rules; the presets
only say how to tell them apart."""

from __future__ import annotations

from ..grammar import before
from ..tokens import TokenKind
from .base import Style, evidence, furniture, rule

# NPR's page chrome, which the shared grammar does not know: `NPR logo`; the credit and the
# "rush deadline" notice at the foot of a transcript and the comment policy after it (all
# three end the transcript: nothing after them is a turn); `Support NPR` in the player bar;
# `Heard on <program>` over the headline.
CHROME = before(
    "transcript-heading",
    furniture("logo", r"[ \t]*+ npr [ ] logo [ \t]*+ $"),
    furniture("copyright", r"[ \t]*+ transcript [ ] provided [ ] by [ ] npr [^\n]{0,100}+ $"),
    furniture("disclaimer", r"[ \t]*+ npr [ ] transcripts [ ] are [ ] created [^\n]*+ $"),
    furniture("comments", r"[ \t]*+ please [ ] keep [ ] your [ ] community [ ] civil [^\n]*+ $"),
    furniture("station", r"[ \t]*+ support [ ] npr [^\n]{0,60}+ [ \t]*+ $"),
    # `Heard on Weekend Edition Sunday`: the program a story aired on, over its headline.
    furniture("heard-on", r"[ \t]*+ heard [ ] on [ ] [^\n]{2,60}+ $"),
)

# `NPR logo Harbour Update`: the page's headline run onto the logo's line (the logo is
# furniture, the rest is the page's stated title).
LOGO_TITLE = rule(
    "logo-title",
    r"[ \t]*+ NPR [ ] logo [ \t]++ (?P<value> \S [^\n]{0,200}? ) [ \t\r]*+ $",
    TokenKind.HEADER,
    header_field="title",
)

# NPR's own furniture is evidence of an NPR page, whichever house style it prints.
_CHROME_EVIDENCE = (
    (r"NPR [ ] transcripts [ ] are [ ] created", 2.0),
    (r"^NPR [ ] logo", 2.0),
    (r"Transcript [ ] provided [ ] by [ ] NPR", 2.0),
    (r"Please [ ] keep [ ] your [ ] community [ ] civil", 2.0),
)

MODERN = Style(
    name="npr",
    description="NPR transcripts and npr.org pages, modern house style.",
    evidence=evidence(
        (r"^[\p{Lu} .'’-]{3,60}, [ ]? (?:HOST|BYLINE):", 3.0),
        (r"^\(SOUNDBITE [ ] OF", 2.0),
        *_CHROME_EVIDENCE,
        (r"npr\.org", 1.0),
    ),
    grammar=(CHROME,),
    rules=(LOGO_TITLE,),
)

LEGACY = Style(
    name="npr-legacy",
    description="NPR transcripts before about 2012: `NAME, host:`, `Mr. NAME (Description):`.",
    evidence=evidence(
        (r"^[\p{Lu} .'’-]{3,60}, [ ] (?:host|byline|reporting):", 3.0),
        (r"^(?:Mr|Ms|Mrs|Dr)\. [ ] [\p{Lu}'’. -]{2,60} [ ] \([^()\n]{2,200}\):", 3.0),
        (r"^\(Soundbite [ ] of", 2.0),
        (r"^Unidentified [ ] (?:Man|Woman)", 1.0),
        *_CHROME_EVIDENCE,
    ),
    grammar=(CHROME,),
    rules=(LOGO_TITLE,),
)

STYLES = (MODERN, LEGACY)
