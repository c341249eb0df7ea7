"""Caption markup out of the words: tags, entities, word times and voices.

Every tag goes, known or not, with stray spaces or not: `<i>`, `< i >`, `<c.colorE5E5E5>`,
`<font color="#fff">`, `</v>`, `<ruby>`, `<lang en>`, ASS/SSA overrides `{\\b1}` and
`{\\an8}`. A word time `<00:00:03.200>` (YouTube) times the words after it; a voice tag
`<v.loud Tobias Wren>` names who speaks from there on, also in the middle of a line.
Entities are decoded after the tags are gone, so `&lt;i&gt;` stays the text `<i>`.
"""

from __future__ import annotations

import re
from html import unescape
from typing import Final, NamedTuple

_TAG: Final = re.compile(
    r"""
    < [ \t]*
    (?: (?P<time> (?: \d{1,4} : )? \d{1,2} : \d{1,2} (?: [.,] \d{1,9} )? )
      | v (?: \. [^\s<>]* )? (?: [ \t]+ (?P<voice> [^<>]* ) )?
      | [^<>]*
    ) [ \t]* >
    | \{ \\ [^{}]* \}
    """,
    re.VERBOSE,
)


class Segment(NamedTuple):
    """A stretch of one caption line: the voice its tag names (None where no tag does),
    where it starts in the line, its words, and (for word-timed lines) the words after
    each time tag as (time or None for "the cue's start", text) pairs."""

    voice: str | None
    at: int
    text: str
    chunks: list[tuple[float | None, str]] | None


def _seconds(stamp: str) -> float:
    total = 0.0
    for part in stamp.replace(",", ".").split(":"):
        total = total * 60 + float(part)
    return total


def _decode(s: str) -> str:
    return unescape(s) if "&" in s else s


# The most common tagged line, read without the general loop: `<v Ana Ruiz>words</v>`.
# Greedy runs (no `<` or `>` can end them early, and the name's spaces are folded after),
# several times faster than lazy ones that try the rest of the pattern at every character.
_VOICE_LINE: Final = re.compile(r"<v(?:\.[^\s<>]*)?[ \t]+([^<>]*)>([^<>{]*)(?:</v>)?")


def segments(s: str) -> list[Segment]:
    """The segments of one raw caption line (one, unless a voice tag stands inside it)."""
    if "<" not in s and "{" not in s:  # plain words, the common line
        return [Segment(None, 0, unescape(s) if "&" in s else s, None)]
    if s.startswith("<v") and (m := _VOICE_LINE.fullmatch(s)) and m[1].strip():
        name, words = " ".join(m[1].split()), m[2]
        return [Segment(name, 0, unescape(words) if "&" in words else words, None)]
    out: list[Segment] = []
    voice: str | None = None
    at = 0
    chunks: list[tuple[float | None, str]] = [(None, "")]
    timed = False
    cursor = 0

    def close(end_voice: str | None, next_at: int) -> None:
        nonlocal chunks, timed, at, voice
        text = "".join(c for _, c in chunks)
        if text.strip() or not out:
            out.append(Segment(voice, at, text, chunks if timed else None))
        elif voice is not None and out[-1].voice is None:
            out[-1] = out[-1]._replace(voice=voice)
        voice, at, chunks, timed = end_voice, next_at, [(None, "")], False

    for m in _TAG.finditer(s):
        if m.start() > cursor:
            t, c = chunks[-1]
            chunks[-1] = (t, c + _decode(s[cursor : m.start()]))
        cursor = m.end()
        if m["time"] is not None:
            chunks.append((_seconds(m["time"]), ""))
            timed = True
        elif m["voice"] is not None and m["voice"].strip():
            name = " ".join(m["voice"].split())
            if "".join(c for _, c in chunks).strip():
                close(name, m.start())
            else:
                voice, at = name, m.start() if out else 0
    if cursor < len(s):
        t, c = chunks[-1]
        chunks[-1] = (t, c + _decode(s[cursor:]))
    close(None, len(s))
    if len(out) > 1 and not out[0].text.strip() and out[0].voice is None:
        out.pop(0)
    return out
