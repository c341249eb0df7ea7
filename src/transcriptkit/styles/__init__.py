"""House styles, registered in one place, and detection of the style of a text.

Adding a style adds a module with a `STYLE` (or several) and one line in `_BUILTIN`;
users call `register(Style(...))` for their own.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from . import briefings, captions, cnn, networks, npr, pbs, podcasts, timestamped, yahoo
from .base import (
    LineRule,
    Needle,
    Pattern,
    Style,
    _top_level_branches,
    evidence,
    furniture,
    needle,
    rule,
)

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


@dataclass(frozen=True, slots=True)
class _Prepared:
    """The registry's evidence sorted for `detect`, built once per registry state: per
    style, the evidence with a needle (`Needle`, pattern, weight) and the rest (pattern,
    weight, whether it is in `anchored`); `anchored` is one search for all of the rest
    that only match at a line start (see `_line_start_search`), or None."""

    order: tuple[Style, ...]
    checked: tuple[tuple[tuple[Needle, Pattern, float], ...], ...]
    rest: tuple[tuple[tuple[Pattern, float, bool], ...], ...]
    anchored: Pattern | None


_PREPARED: list[_Prepared] = []


def _prepared() -> _Prepared:
    order = tuple(_REGISTRY.values())
    last = _PREPARED[0].order if _PREPARED else ()
    if last and len(last) == len(order) and all(a is b for a, b in zip(last, order, strict=True)):
        return _PREPARED[0]
    checked: list[tuple[tuple[Needle, Pattern, float], ...]] = []
    rest: list[tuple[tuple[Pattern, float, bool], ...]] = []
    branches: list[str] = []
    for style in order:
        with_needle: list[tuple[Needle, Pattern, float]] = []
        without: list[tuple[Pattern, float, bool]] = []
        for pattern, weight in style.evidence:
            cheap = needle(pattern)
            if cheap is not None:
                with_needle.append((cheap, pattern, weight))
                continue
            body = _after_line_start(pattern)
            if body is not None:
                branches.append(body)
            without.append((pattern, weight, body is not None))
        checked.append(tuple(with_needle))
        rest.append(tuple(without))
    anchored = _line_start_search(branches)
    _PREPARED[:] = [_Prepared(order, tuple(checked), tuple(rest), anchored)]
    return _PREPARED[0]


_EVIDENCE_FLAGS = evidence(("x", 1.0))[0][0].flags
# What a pattern must not hold to be searched after a newline instead of at `^`: what
# looks behind its start, anchors to the text's start, refers back to a group by number or
# name, or sets flags for the whole pattern.
_NOT_SHIFTABLE = regex.compile(r"\\[AG1-9g]|\(\?<[=!]|\(\?P=|\(\?[a-zA-Z]+\)")


def _after_line_start(pattern: Pattern) -> str | None:
    """`pattern` without the `^` each of its top-level branches starts with, when it only
    matches at a line start and can be searched as `\\n` + the rest in `\\n` + the text
    (the same matches, one character on); else None."""
    if pattern.flags != _EVIDENCE_FLAGS or _NOT_SHIFTABLE.search(pattern.pattern):
        return None
    out: list[str] = []
    for branch in _top_level_branches(pattern.pattern):
        body = branch.lstrip(" \t\n")
        if not body.startswith("^"):
            return None
        out.append(body[1:])
    return "|".join(out)


def _line_start_search(branches: list[str]) -> Pattern | None:
    """One pattern for evidence that only matches at line starts: `\\n(?:A|B|...)`, searched
    in `\\n` + the sample. It says at once that none of them matches (most texts): the regex
    engine then looks for `\\n` and tries the branches there, instead of trying each
    pattern at every position of the text."""
    if not branches:
        return None
    # A newline before each `)`: a verbose comment at a branch's end stays inside it.
    joined = "|".join(f"(?:{b}\n)" for b in branches)
    return regex.compile("\\n(?:" + joined + "\n)", _EVIDENCE_FLAGS)


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
    prepared = _prepared()
    order = prepared.order
    # Evidence that only matches at a line start and has no needle, ruled out in one search.
    none_anchored = prepared.anchored is not None and not prepared.anchored.search("\n" + sample)
    partial: list[float] = []
    rest: list[list[tuple[Pattern, float]]] = []
    for checked, later in zip(prepared.checked, prepared.rest, strict=True):
        score = 0.0
        for cheap, pattern, weight in checked:
            if cheap.found_in(sample, lowered) and pattern.search(sample):
                score += weight
        partial.append(score)
        rest.append([(p, w) for p, w, anchored in later if not (anchored and none_anchored)])
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
