"""WebVTT, SRT and SBV: cue blocks (an optional identifier, a timing line with settings,
lines of words) read block by block, one cheap guard and at most one regex per line.

Tolerant of what real files do: 4-digit hours (HLS), Teams' `0:0:0.0`, no milliseconds,
2-digit milliseconds, full-width `：` and `，`, `->` and `- >` arrows, BOMs, CRLF, no blank
lines between cues, a line of spaces under a timing (YouTube), no `WEBVTT` header, page
text around the captions, and a file whose newlines were collapsed into spaces. Every line
that is none of header, identifier, timing or words gets a diagnostic with its line number
(`strict` raises instead).
"""

from __future__ import annotations

import re
from typing import Final

from ._cues import RawCue, Reading, SourceLine

# One clock time: `01:02:03.456`, `1234:00:00.000` (HLS), `0:0:0.0` (Teams), `00:03.68`
# (no hours, 2-digit fraction), `00:00:01` (no fraction), `00：00：01，000` (full width).
_TIME: Final = r"(?:(\d{1,4})[:：])?(\d{1,2})[:：](\d{1,2})(?:[.,，](\d{1,9}))?"
# The arrow between the times: `-->`, `->`, `- >`, `—>`, `→`.
_ARROW: Final = r"(?:-{1,3}[ \t]?>|[–—][ \t]?>|→)"

# `00:00:01.000 --> 00:00:04.000 align:start line:90%`: a timing line, settings and all.
TIMING: Final = re.compile(rf"[ \t]*{_TIME}[ \t]*{_ARROW}[ \t]*{_TIME}(?P<settings>(?:[ \t].*)?)$")
# The same pair anywhere in a line, without settings: for files whose newlines were lost
# (`WEBVTT 00:00:02.134 --> 00:00:03.293 When I was a kid, 00:00:03.317 --> ...`).
INLINE_TIMING: Final = re.compile(rf"{_TIME}[ \t]*{_ARROW}[ \t]*{_TIME}")
# SBV (YouTube's older format): `0:00:01.000,0:00:04.000`.
SBV_TIMING: Final = re.compile(
    r"[ \t]*(\d{1,4}):(\d{1,2}):(\d{1,2})(?:\.(\d{1,9}))?,"
    r"(\d{1,4}):(\d{1,2}):(\d{1,2})(?:\.(\d{1,9}))?[ \t]*$"
)
# A line that was meant as a timing but cannot be read (`00:00:05,000 --> 00:00:0x,000`).
_BROKEN: Final = re.compile(rf"[ \t]*\d[\d:：.,，]*[ \t]*{_ARROW}")

# Placement settings that tell captions shown at the same time apart.
_PLACEMENT: Final = re.compile(r"\b(?:line|position|region|align|vertical):\S+")

# WebVTT blocks that hold no captions, up to the next blank line.
_SKIPPED_BLOCKS: Final = ("NOTE", "STYLE", "REGION")


def clock(h: str | None, m: str, s: str, frac: str | None) -> float:
    """Seconds from the parts of a clock time; the fraction is decimal (`.5` = 500 ms)."""
    total = int(h or 0) * 3600 + int(m) * 60 + int(s)
    return total + float("0." + frac) if frac else float(total)


def _timing(s: str, fmt: str) -> tuple[float, float, str] | None:
    """(start, end, placement) of a timing line, or None."""
    if fmt == "sbv":
        m = SBV_TIMING.match(s)
        if m is None:
            return None
        g = m.groups()
        return clock(*g[:4]), clock(*g[4:]), ""
    m = TIMING.match(s)
    if m is None:
        return None
    g = m.groups()
    settings = g[8]
    placement = " ".join(_PLACEMENT.findall(settings)) if settings else ""
    return clock(*g[:4]), clock(*g[4:8]), placement


def _could_time(s: str, fmt: str) -> bool:
    """The cheap guard before any regex: a timing line starts with a digit (after
    spaces) and holds an arrow (SBV: a comma)."""
    head = s.lstrip(" \t")[:1]
    if not head.isdigit():
        return False
    return "," in s if fmt == "sbv" else (">" in s or "→" in s)


class _LookAhead:
    """Is the next line a timing line (or a broken one)? The answer's reading of the
    timing is kept, so the line is not read twice when the walk gets to it (a cue
    identifier above every timing is the common SRT and WebVTT shape)."""

    __slots__ = ("fmt", "found", "line")

    def __init__(self, fmt: str) -> None:
        self.fmt = fmt
        self.line: str | None = None
        self.found: tuple[float, float, str] | None = None

    def times(self, line: str) -> bool:
        if not _could_time(line, self.fmt):
            return False
        self.line = s = line.rstrip("\r")
        self.found = _timing(s, self.fmt)
        return self.found is not None or "-->" in line

    def timing(self, s: str) -> tuple[float, float, str] | None:
        """`_timing(s, fmt)`, read once for a line the look-ahead read."""
        return self.found if s == self.line else _timing(s, self.fmt)


def read_blocks(text: str, fmt: str, *, strict: bool = False) -> Reading:
    """Cues of a WebVTT (`fmt` "webvtt"), SRT ("srt") or SBV ("sbv") text."""
    reading = Reading(fmt, strict=strict)
    lines = text.split("\n")
    count = len(lines)
    cue: RawCue | None = None
    skipping = False  # inside the header or a NOTE/STYLE/REGION block
    header_seen = False
    stray: list[int] = []  # line numbers of a run of lines that are not captions
    offset = 0
    previous_end = 0.0

    def flush_stray() -> None:
        if stray:
            more = f" (and {len(stray) - 1} more line(s) to line {stray[-1]})" if stray[1:] else ""
            reading.problem(
                "caption-stray-text",
                f"line {stray[0]}{more} is not part of any caption: kept out of the turns",
                stray[0],
            )
            stray.clear()

    pending: list[tuple[int, int, str]] = []  # pieces of a line whose newlines were lost
    ahead = _LookAhead(fmt)
    whole = True
    i = 0
    while i < count or pending:
        if pending:
            number, at, s = pending.pop(0)
            whole = False
        else:
            raw = lines[i]
            number, at = i + 1, offset
            offset += len(raw) + 1
            i += 1
            s = raw[:-1] if raw.endswith("\r") else raw
            whole = True
            if number == 1 and s.startswith("\ufeff"):
                s, at = s[1:], at + 1
            if "-->" in s and s.count("-->") > 1 and (pieces := _flattened(s, at, number)):
                pending.extend(pieces)  # several timings on one line: newlines were lost
                continue
        stripped = s.strip()
        if not stripped:
            if s and cue is not None and not cue.lines:
                continue  # YouTube's ` ` right under a timing: a cue ends on an empty line
            cue, skipping = None, False
            if stray:
                flush_stray()
            continue
        head = stripped[0]
        digit = head.isdigit()
        could = digit and (
            ("," in s) if fmt == "sbv" else (">" in s or "→" in s)
        )  # the cheap guard before any regex (see `_could_time`)
        if could:
            found = ahead.timing(s)
            if found is not None:
                if stray:
                    flush_stray()
                start, end, placement = found
                if end < start:
                    reading.problem(
                        "caption-time-order",
                        f"line {number}: the cue ends ({end:.3f} s) before it starts "
                        f"({start:.3f} s); its end is taken as its start",
                        number,
                    )
                    end = start
                cue = RawCue(start, end, number, placement=placement)
                reading.cues.append(cue)
                previous_end, skipping = end, False
                continue
        if cue is None and (skipping or not stripped):
            continue
        if "-->" in s and whole and fmt != "sbv" and (pieces := _flattened(s, at, number)):
            pending.extend(pieces)  # `WEBVTT 00:00:02.134 --> ...`: newlines were lost
            continue
        if "-->" in s or (could and _BROKEN.match(s)):
            flush_stray()
            reading.problem(
                "caption-bad-timing",
                f"line {number}: {stripped[:60]!r} is not a timing this reader understands; "
                "the words after it are kept, timed at the previous caption's end",
                number,
            )
            cue = RawCue(previous_end, previous_end, number)
            reading.cues.append(cue)
            continue
        # The next line, for a look-ahead (none after a piece of a collapsed line).
        nxt = lines[i] if whole and i < count else ""
        if cue is not None:
            if digit and stripped.isdigit() and ahead.times(nxt):
                continue  # an SRT number with no blank line before its timing
            if s is stripped or (s[0] not in " \t" and s[-1] not in " \t"):
                cue.lines.append(SourceLine(number, at, s, whole))
            else:
                lead = len(s) - len(s.lstrip())
                cue.lines.append(SourceLine(number, at + lead, s.rstrip()[lead:], whole))
            continue
        if ahead.times(nxt):  # a cue identifier
            flush_stray()
            continue
        if stripped.startswith("WEBVTT") and not header_seen and _header_word(stripped, 6):
            flush_stray()
            header_seen = skipping = True
            title = stripped[6:].strip(" \t-–—")
            reading.title = title or None
            continue
        if stripped.startswith(_SKIPPED_BLOCKS) and any(
            _header_word(stripped, len(w)) for w in _SKIPPED_BLOCKS if stripped.startswith(w)
        ):
            flush_stray()
            skipping = True
            continue
        stray.append(number)
    flush_stray()
    return reading


def _header_word(s: str, n: int) -> bool:
    """`WEBVTT`, `NOTE` … as a whole word (`NOTE reviewed`, not `NOTEBOOK`)."""
    return len(s) == n or s[n] in " \t-"


def _flattened(s: str, at: int, number: int) -> list[tuple[int, int, str]]:
    """A line holding timings after other text (newlines collapsed into spaces): the
    pieces it would have had as lines, each with its own offset. Empty for a normal line."""
    found = list(INLINE_TIMING.finditer(s))
    if not found or (len(found) == 1 and not s[: found[0].start()].strip()):
        return []
    pieces: list[tuple[int, int, str]] = []
    cursor = 0
    for m in [*found, None]:
        stop = m.start() if m is not None else len(s)
        words = s[cursor:stop]
        if cursor and (note := _COLLAPSED_NOTE.search(words)):  # `... NOTE Paragraph`
            words = words[: note.start()]
        if words.strip():
            pieces.append((number, at + cursor, words))
        if m is not None:
            pieces.append((number, at + m.start(), m[0]))
            cursor = m.end()
    return pieces


# A WebVTT comment whose line break was lost: it runs to the next timing.
_COLLAPSED_NOTE: Final = re.compile(r"(?:^|[ \t])NOTE(?=[ \t]|$)")
