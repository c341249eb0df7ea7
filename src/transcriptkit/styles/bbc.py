"""BBC News pages (news.bbc.co.uk programme pages with a transcript): the transcript is in
the shared grammar; the page around it is the BBC's. Example lines in comments are invented."""

from __future__ import annotations

from ..tokens import TokenKind
from .base import Style, evidence, rule

# The page's navigation, which reads like a headline: `MORE PROGRAMMES`, `Help`.
CHROME = rule(
    "chrome",
    r"(?i: more [ ] programmes | help ) [ \t]*+ \r?+ $",
    TokenKind.FURNITURE,
)

STYLE = Style(
    name="bbc",
    description="BBC News pages: their navigation and `Page last updated at` stamp.",
    evidence=evidence(
        (r"^ Page [ ] last [ ] updated [ ] at [ ] \d{1,2}:\d\d [ ] GMT", 3.0),
        (r"^ MORE [ ] PROGRAMMES [ \t]*+ $", 2.0),
        (r"BBC [ ]?+ News", 1.0),
    ),
    rules=(CHROME,),
)

STYLES = (STYLE,)
