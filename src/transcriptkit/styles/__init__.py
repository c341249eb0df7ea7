"""House styles, registered in one place, and detection of the style of a text.

Adding a style adds a module with a `STYLE` (or several) and one line in `_BUILTIN`;
users call `register(Style(...))` for their own.
"""

from __future__ import annotations

from . import briefings, captions, cnn, networks, npr, pbs, podcasts, timestamped, yahoo
from .base import LineRule, Needle, Pattern, Style, evidence, furniture, needle, rule

__all__ = [
    "GENERIC",
    "LineRule",
    "Needle",
    "Style",
    "detect",
    "evidence",
    "furniture",
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
    *yahoo.STYLES,
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
    opening, scored absolutely (confidence = weight / `DECISIVE`, capped at 1); `generic` at
    0.0 where no style's evidence reaches `MIN_WEIGHT`. Ties go to the style registered
    first.

    Literal checks first: each piece of evidence is tested by a literal it cannot match
    without (see `needle`), and the evidence that has such a literal is weighed for every
    style before any other pattern runs. The remaining patterns then run style by style,
    most promising first, and detection stops as soon as no style left could outweigh the
    best one found (decisive evidence stops it at once)."""
    sample = text[:_SAMPLE]
    lowered = sample.lower()
    order = list(_REGISTRY.values())
    partial: list[float] = []
    rest: list[list[tuple[Pattern, float]]] = []
    for style in order:
        score = 0.0
        later: list[tuple[Pattern, float]] = []
        for pattern, weight in style.evidence:
            cheap = needle(pattern)
            if cheap is None:
                later.append((pattern, weight))
            elif cheap.found_in(sample, lowered) and pattern.search(sample):
                score += weight
        partial.append(score)
        rest.append(later)
    bound = [partial[i] + sum(w for _, w in rest[i]) for i in range(len(order))]
    best, chosen = -1.0, -1
    for i in sorted(range(len(order)), key=lambda k: (-bound[k], k)):
        if bound[i] < MIN_WEIGHT or bound[i] < best or (bound[i] == best and i > chosen):
            break  # sorted by bound: no style left can outweigh the best
        score = partial[i]
        for pattern, weight in rest[i]:
            if pattern.search(sample):
                score += weight
        if score > best or (score == best and i < chosen):
            best, chosen = score, i
    if chosen < 0 or best < MIN_WEIGHT:
        return GENERIC, 0.0
    return order[chosen], min(1.0, round(best / DECISIVE, 3))
