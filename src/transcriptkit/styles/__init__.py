"""House styles, registered in one place, and detection of the style of a text.

Adding a style adds a module with a `STYLE` (or several) and one line in `_BUILTIN`;
users call `register(Style(...))` for their own.
"""

from __future__ import annotations

from . import briefings, captions, cnn, networks, npr, pbs, podcasts, timestamped
from .base import LineRule, Style, evidence, needle, rule

__all__ = [
    "GENERIC",
    "LineRule",
    "Style",
    "detect",
    "evidence",
    "get",
    "needle",
    "register",
    "rule",
    "styles",
]

GENERIC = Style(name="generic", description="No house style recognised: the shared rules only.")

_BUILTIN: tuple[Style, ...] = (
    *npr.STYLES,
    *captions.STYLES,
    *timestamped.STYLES,
    *cnn.STYLES,
    *pbs.STYLES,
    *networks.STYLES,
    *podcasts.STYLES,
    *briefings.STYLES,
)
_REGISTRY: dict[str, Style] = {s.name: s for s in (GENERIC, *_BUILTIN)}

_SAMPLE = 20_000  # characters of a text read to tell its style

# What `style_confidence` means: the weight of the evidence a style found in the text,
# on an absolute scale, capped at 1. Evidence weighing `DECISIVE` or more (a site's own
# notice and its label convention, a caption file's header) is certain: detection stops
# there. One passing mention (a URL in a footer, weight 1) is 1 / DECISIVE.
DECISIVE = 6.0
# Below this weight a style is not chosen: one weak piece of evidence is a mention, not a
# house style (`npr.org` once, `hearing before the` in an article's prose).
MIN_WEIGHT = 2.0


def register(style: Style) -> None:
    """Add (or replace) a style; it takes part in detection from then on."""
    _REGISTRY[style.name] = style


def styles() -> list[Style]:
    """Every registered style."""
    return list(_REGISTRY.values())


def get(name: str) -> Style:
    """The style called `name`; a `KeyError` names the known ones."""
    try:
        return _REGISTRY[name]
    except KeyError:
        known = ", ".join(sorted(_REGISTRY))
        raise KeyError(f"unknown style {name!r}; known styles: {known}") from None


def detect(text: str) -> tuple[Style, float]:
    """(style, confidence 0..1): the style whose evidence weighs most in the text's
    opening, scored absolutely (see `DECISIVE`); `generic` at 0.0 where no style's
    evidence reaches `MIN_WEIGHT`.

    Each piece of evidence is first checked by a literal it cannot match without (derived
    from its pattern, see `needle`), so most patterns never run on most texts."""
    sample = text[:_SAMPLE]
    best, chosen = 0.0, GENERIC
    for style in _REGISTRY.values():
        score = 0.0
        for pattern, weight in style.evidence:
            literals = needle(pattern)
            if literals is not None and not any(x in sample for x in literals):
                continue
            if pattern.search(sample):
                score += weight
        if score >= DECISIVE:
            return style, 1.0
        if score > best:
            best, chosen = score, style
    if best < MIN_WEIGHT:
        return GENERIC, 0.0
    return chosen, round(best / DECISIVE, 3)
