"""NPR, modern (caps labels with `, HOST`/`, BYLINE`) and legacy (before about 2012:
`, host`, `Mr. NAME (Description):`). Both are served by the shared rules; the presets
only say how to tell them apart."""

from __future__ import annotations

from .base import Style, evidence

MODERN = Style(
    name="npr",
    description="NPR transcripts and npr.org pages, modern house style.",
    evidence=evidence(
        (r"^[\p{Lu} .'’-]{3,60}, [ ]? (?:HOST|BYLINE):", 3.0),
        (r"^\(SOUNDBITE [ ] OF", 2.0),
        (r"NPR [ ] transcripts [ ] are [ ] created", 2.0),
        (r"^NPR [ ] logo", 2.0),
        (r"npr\.org", 1.0),
    ),
)

LEGACY = Style(
    name="npr-legacy",
    description="NPR transcripts before about 2012: `NAME, host:`, `Mr. NAME (Description):`.",
    evidence=evidence(
        (r"^[\p{Lu} .'’-]{3,60}, [ ] (?:host|byline|reporting):", 3.0),
        (r"^(?:Mr|Ms|Mrs|Dr)\. [ ] [\p{Lu}'’. -]{2,60} [ ] \([^()\n]{2,200}\):", 3.0),
        (r"^\(Soundbite [ ] of", 2.0),
        (r"^Unidentified [ ] (?:Man|Woman)", 1.0),
    ),
)

STYLES = (MODERN, LEGACY)
