"""House styles, registered in one place, and detection of the style of a text.

Adding a style adds a module with a `STYLE` (or several) and one line in `_BUILTIN`;
users call `register(Style(...))` for their own.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from .. import rules
from . import bbc, briefings, captions, cnn, networks, npr, pbs, podcasts, timestamped, yahoo
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
    *bbc.STYLES,
)
_REGISTRY: dict[str, Style] = {s.name: s for s in (GENERIC, *_BUILTIN)}

# What of a text is read to tell its style: its opening, where pages print their header
# and chrome, and its end, where exports sign off (`Transcribed by otter.ai`, a network's
# copyright line), whatever the length between.
_SAMPLE_HEAD = 10_000  # characters
_SAMPLE_TAIL = 3_000  # characters, from a line start


def sample_of(text: str) -> str:
    """The part of `text` style detection reads: all of a short text; of a longer one, its
    opening and its last lines, a newline between."""
    if len(text) <= _SAMPLE_HEAD + _SAMPLE_TAIL:
        return text
    tail = text[-_SAMPLE_TAIL:]
    cut = tail.find("\n")
    return text[:_SAMPLE_HEAD] + "\n" + (tail[cut + 1 :] if cut >= 0 else tail)


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


# One piece of evidence as `detect` weighs it: (weight, needle or None, the pattern to
# search, whether it only matches at a line start (then it is searched as `\n` + the rest
# in `\n` + the sample, `_shifted`), whether the one line-start search covers it, its rank
# in the order the score is summed in, the needle's index among the registry's distinct
# needles or -1).
_Item = tuple[float, Needle | None, Pattern, bool, bool, int, int]


@dataclass(frozen=True, slots=True)
class _Prepared:
    """The registry's evidence sorted for `detect`, built once per registry state: per
    style, its evidence heaviest first (needles before plain patterns at one weight) and
    the total weight; `anchored` is one search for all the evidence without a needle that
    only matches at a line start (see `_line_start_search`), or None; `needles`, how many
    distinct needles there are (one literal test each per text, whichever styles share it)."""

    order: tuple[Style, ...]
    items: tuple[tuple[_Item, ...], ...]
    totals: tuple[float, ...]
    by_total: tuple[int, ...]  # style indexes, heaviest total first (ties: registered first)
    anchored: Pattern | None
    needles: int


_PREPARED: list[_Prepared] = []


def _prepared() -> _Prepared:
    order = tuple(_REGISTRY.values())
    last = _PREPARED[0].order if _PREPARED else ()
    if last and len(last) == len(order) and all(a is b for a, b in zip(last, order, strict=True)):
        return _PREPARED[0]
    items: list[tuple[_Item, ...]] = []
    branches: list[str] = []
    needles: dict[Needle, int] = {}
    for style in order:
        found: list[_Item] = []
        plain: list[tuple[Pattern, float, bool]] = []
        for pattern, weight in style.evidence:
            cheap = needle(pattern)
            body = _after_line_start(pattern)
            search = pattern if body is None else _shifted(body)
            if cheap is not None:  # ranked first: the score is summed needles first
                k = needles.setdefault(cheap, len(needles))
                found.append((weight, cheap, search, body is not None, False, len(found), k))
                continue
            if body is not None:
                branches.append(body)
            plain.append((search, weight, body is not None))
        for search, weight, anchored in plain:
            found.append((weight, None, search, anchored, anchored, len(found), -1))
        found.sort(key=lambda item: (-item[0], item[1] is None, item[5]))
        items.append(tuple(found))
    totals = tuple(_total(style_items) for style_items in items)
    line_starts = _line_start_search(branches)
    by_total = tuple(sorted(range(len(order)), key=lambda k: (-totals[k], k)))
    _PREPARED[:] = [_Prepared(order, tuple(items), totals, by_total, line_starts, len(needles))]
    return _PREPARED[0]


def _total(items: tuple[_Item, ...]) -> float:
    """The weights summed in rank order (the order the score itself is summed in)."""
    total = 0.0
    for item in sorted(items, key=lambda item: item[5]):
        total += item[0]
    return total


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


# A line start in evidence is where a line's words start, past its indent: the
# Congressional Record's text edition indents every paragraph (`  Mr. QUILL. Mr. Speaker`),
# and the line rules themselves match after leading spaces; past the tags of a page's
# block too (`<p>Mr. QUILL. Mr. Speaker`), as the line rules read past them.
LINE_MARGIN = rf"[ \t]*+(?:{rules.PAGE_TAG}[ \t]*+)*+"
_LINE_START = "\\n" + LINE_MARGIN


def _shifted(body: str) -> Pattern:
    """`^body` as `\nbody` (past the line's indent), searched in `\n` + the sample: the
    engine looks for `\n`, where `^` (multiline) it would try every position (3 to 8 times
    slower on the corpus)."""
    return regex.compile(_LINE_START + "(?:" + body + "\n)", _EVIDENCE_FLAGS)


def _line_start_search(branches: list[str]) -> Pattern | None:
    """One pattern for evidence that only matches at line starts: `\\n(?:A|B|...)`, searched
    in `\\n` + the sample. It says at once that none of them matches (most texts): the regex
    engine then looks for `\\n` and tries the branches there, instead of trying each
    pattern at every position of the text."""
    if not branches:
        return None
    # A newline before each `)`: a verbose comment at a branch's end stays inside it.
    joined = "|".join(f"(?:{b}\n)" for b in branches)
    return regex.compile(_LINE_START + "(?:" + joined + "\n)", _EVIDENCE_FLAGS)


# Slack on the bounds below: a style is given up on only when even its whole remaining
# weight falls short by more than float rounding could make up.
_SLACK = 1e-9


def _floor(i: int, best: float, chosen: int) -> float:
    """The score a style (index `i`) must reach to be the one detected: `MIN_WEIGHT`, and
    the best so far, which a style registered after the best's must exceed (ties go to
    the style registered first); a style whose whole remaining weight is below it is
    given up."""
    if chosen >= 0 and i > chosen:
        return max(best + _SLACK, MIN_WEIGHT - _SLACK)
    return max(best - _SLACK, MIN_WEIGHT - _SLACK)


def detect(text: str) -> tuple[Style, float]:
    """(style, confidence 0..1): the style whose evidence weighs most in the text's
    opening, scored absolutely (confidence = weight / `DECISIVE`, capped at 1); `generic` at
    0.0 where no style's evidence reaches `MIN_WEIGHT`. Ties go to the style registered
    first.

    Branch and bound, literal checks first: styles are weighed heaviest total first, each
    style's evidence heaviest first; a piece of evidence is tested by a literal it cannot
    match without (see `needle`) before its regex runs, and evidence with no literal that
    only matches at a line start is ruled out for all styles by one search. A style is
    given up as soon as its remaining weight cannot reach the best found (or
    `MIN_WEIGHT`), and detection stops when no style left could outweigh the best
    (decisive evidence stops it at once). The decision is the exhaustive one
    (tests/test_detection.py checks it against searching every pattern)."""
    sample = sample_of(text)
    lines = "\n" + sample  # the sample the line-start evidence is searched in (`_shifted`)
    lowered: str | None = None
    prepared = _prepared()
    order = prepared.order
    totals = prepared.totals
    # Evidence with no needle that only matches at a line start: ruled out (for every
    # style at once) by one search, made when such evidence is first weighed.
    anchored_seen: bool | None = None
    # Each distinct needle's literal test, made once per text (styles share needles).
    present: list[bool | None] = [None] * prepared.needles
    best, chosen = -1.0, -1
    for i in prepared.by_total:
        floor = _floor(i, best, chosen)
        if totals[i] < floor:
            break  # sorted by total weight: no style left can outweigh the best
        score, remaining = 0.0, totals[i]
        matched: list[tuple[int, float]] = []
        for weight, cheap, pattern, shifted, anchored, rank, k in prepared.items[i]:
            if score + remaining < floor:
                break  # this style cannot reach the best any more: no need to look on
            remaining -= weight
            if anchored:
                if anchored_seen is None:
                    assert prepared.anchored is not None  # `anchored` evidence made it
                    anchored_seen = prepared.anchored.search(lines) is not None
                if not anchored_seen:
                    continue
            if cheap is not None:
                found = present[k]
                if found is None:
                    if cheap.folded and lowered is None:
                        lowered = sample.lower()
                    found = present[k] = cheap.found_in(sample, lowered or sample)
                if not found:
                    continue
            if pattern.search(lines if shifted else sample):
                score += weight
                matched.append((rank, weight))
        else:
            score = 0.0  # summed again in rank order: the same float whatever the order
            for _, weight in sorted(matched):
                score += weight
            if score > best or (score == best and i < chosen):
                best, chosen = score, i
    if chosen < 0 or best < MIN_WEIGHT:
        return GENERIC, 0.0
    return order[chosen], min(1.0, round(best / DECISIVE, 3))
