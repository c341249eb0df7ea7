"""Nothing lost silently: the words a parse keeps in no model are counted in a diagnostic.

Page furniture (`NPR logo`, `• Download`, a copyright line), markup, teasers, a second
copy of the headline and prose outside every turn and paragraph are left out of the
models on purpose; `left_out` counts their words (a word: two or more letters) and names
the lines and rules, so a reader of `diagnostics` can tell that, and how much, was set
aside. Words in turns, labels, notes, cues, paragraphs and the title, program, URL and
corrections of the metadata are kept; a date header's words are counted here (the date
itself is kept as a date).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import regex

from ._safe import strip_controls
from .models import Diagnostic, Transcript
from .tokens import Token, TokenKind

WORD = regex.compile(r"\p{L}{2,}")

_IN_SPANS = frozenset({TokenKind.TEXT, TokenKind.NOTE, TokenKind.LABEL, TokenKind.CUE})
# At most this many line numbers and rules are named in the message.
_SHOWN = 8


def left_out(tokens: Sequence[Token], transcript: Transcript) -> Diagnostic | None:
    """An info diagnostic counting the words of `tokens` that no model of `transcript`
    holds, or None when every word is kept."""
    spans = _merged(
        [(t.span.start, t.span.end) for t in transcript.turns]
        + [(p.span.start, p.span.end) for p in transcript.paragraphs]
        + [(c.span.start, c.span.end) for c in transcript.cues]
    )
    meta = transcript.metadata
    kept_values = {
        ("title", meta.title),
        ("url", meta.url),
        ("program", meta.program),
        *(("correction", c) for c in meta.corrections),
    }
    seen_values: set[tuple[str, str | None]] = set()
    words = 0
    lines: list[int] = []
    rules: Counter[str] = Counter()
    j = 0
    for t in tokens:
        if t.kind is TokenKind.BLANK:
            continue
        while j < len(spans) and spans[j][1] <= t.start:
            j += 1
        inside = j < len(spans) and spans[j][0] <= t.start + len(t.text) - len(t.text.lstrip())
        if t.kind in _IN_SPANS and inside:
            continue  # most tokens: no words counted at all
        # Words as `clean` leaves them: escapes and controls out (`AA\x1fA` reads `AAA`).
        count = len(WORD.findall(strip_controls(t.text)))
        if not count:
            continue
        if t.kind is TokenKind.HEADER:
            key = (t.fields.get("field", ""), t.fields.get("value"))
            if key in kept_values and key not in seen_values:
                seen_values.add(key)
                # The value is in the metadata; what stands around it (`title:`) is not.
                count -= len(WORD.findall(key[1] or ""))
                if count <= 0:
                    continue
        words += count
        if not lines or lines[-1] != t.line:
            lines.append(t.line)
        rules[t.rule or t.kind.value] += count
    if not words:
        return None
    shown_lines = ", ".join(map(str, lines[:_SHOWN])) + (" ..." if len(lines) > _SHOWN else "")
    shown_rules = ", ".join(f"{rule} {n}" for rule, n in rules.most_common(_SHOWN))
    return Diagnostic(
        level="info",
        code="left-out",
        message=f"{words} word(s) on {len(lines)} line(s) are in no turn, paragraph, cue or "
        f"metadata text (lines {shown_lines}; by rule: {shown_rules})",
        line=lines[0],
    )


def left_out_words(diagnostics: Sequence[Diagnostic]) -> int:
    """The words a transcript's `left-out` diagnostic counts (0 without one)."""
    for d in diagnostics:
        if d.code == "left-out":
            return int(d.message.split(" ", 1)[0])
    return 0


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted spans with overlapping ones joined (a cue inside a turn)."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out
