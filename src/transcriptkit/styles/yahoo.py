"""Pages syndicated through Yahoo (news and podcast transcripts republished there): the
transcript is the publisher's, in the shared grammar; the page around it is Yahoo's. Example
lines in comments are invented."""

from __future__ import annotations

from ..grammar import before
from .base import Style, evidence, furniture

# `Powered by Yahoo!`, `The Web  Powered by ...`: the search box's chrome.
CHROME = before(
    "transcript-heading",
    furniture(
        "chrome",
        r"[ \t]*+ (?: the [ ] web [ \t]++ powered [ ] by | powered [ ] by [ ] yahoo!? ) [ \t]*+ $",
    ),
)

STYLE = Style(
    name="yahoo",
    description="Pages syndicated through Yahoo: its search-box chrome.",
    evidence=evidence(
        (r"^ [ \t]*+ (?: The [ ] Web [ \t]++ )?+ Powered [ ] by [ ] Yahoo", 3.0),
        (r"yahoo\.com", 1.0),
    ),
    grammar=(CHROME,),
)

STYLES = (STYLE,)
