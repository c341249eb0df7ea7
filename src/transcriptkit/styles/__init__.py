"""House styles, registered in one place, and detection of the style of a text.

Adding a style adds a module with a `STYLE` (or several) and one line in `_BUILTIN`;
users call `register(Style(...))` for their own.
"""

from __future__ import annotations

from . import briefings, captions, cnn, networks, npr, pbs, podcasts, timestamped
from .base import LineRule, Style, evidence, rule

__all__ = [
    "GENERIC",
    "LineRule",
    "Style",
    "detect",
    "evidence",
    "get",
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
    """(style, confidence 0..1): the style whose evidence weighs most in the text's opening."""
    sample = text[:_SAMPLE]
    scores: list[tuple[float, Style]] = []
    for style in _REGISTRY.values():
        score = sum(weight for pattern, weight in style.evidence if pattern.search(sample))
        if score > 0:
            scores.append((score, style))
    if not scores:
        return GENERIC, 0.0
    scores.sort(key=lambda pair: -pair[0])
    best, style = scores[0]
    total = sum(score for score, _ in scores)
    return style, round(best / total, 3)
