"""Caption files read as captions: cue blocks in, speaker turns with their captions out.

    from transcriptkit.captions import read_captions, detect_format
    detect_format(text)              # "webvtt", "srt", "sbv", "ttml", "sami", "scc",
                                     # "ass", "microdvd", or None
    read_captions(text)              # a Transcript; strict=True raises CaptionError
    read_captions(text, fps=25)      # MicroDVD counts frames

`transcriptkit.parse(text)` comes here when the text is captions (detected by content).
"""

from __future__ import annotations

import re
from typing import Final

from .. import metadata
from ..models import Transcript
from ._blocks import read_blocks
from ._build import build
from ._cues import CaptionError, Reading
from ._formats import (
    CHAT_LINE,
    TIMED_LINE,
    read_ass,
    read_microdvd,
    read_sami,
    read_scc,
    read_timed_lines,
    read_ttml,
)

__all__ = ["FORMATS", "CaptionError", "detect_format", "read_captions"]

FORMATS: Final = (
    "webvtt",
    "srt",
    "sbv",
    "ttml",
    "sami",
    "scc",
    "ass",
    "microdvd",
    "timed-lines",
)
# Style names (`parse(text, style=...)`) that mean a caption format.
_ALIASES: Final = {"vtt": "webvtt", "dfxp": "ttml", "ssa": "ass", "sub": "microdvd", "smi": "sami"}

_SAMPLE: Final = 20_000  # characters read to tell the format
# Two timing lines make a file captions (one could be a quoted example in prose); one
# does when an SRT cue number stands above it.
_MIN_TIMINGS: Final = 2

_VTT_HEADER: Final = re.compile(r"^\ufeff?[ \t]*WEBVTT(?=[ \t\r\n-]|$)", re.M)
_TIMING_LINE: Final = re.compile(
    r"^\ufeff?[ \t]*(?:\d{1,4}[:：])?\d{1,2}[:：]\d{1,2}(?:[.,，](\d{1,9}))?[ \t]*"
    r"(?:-{1,3}[ \t]?>|[–—][ \t]?>|→)",
    re.M,
)
# A markdown code block (```` ``` ```` to ```` ``` ```` or the end of a cut page): a
# specification's example, set apart from the document.
_FENCED: Final = re.compile(r"^[ \t]*```.*?(?:^[ \t]*```[ \t]*$|\Z)", re.M | re.S)
_SRT_ID: Final = re.compile(r"^\ufeff?[ \t]*\d{1,7}[ \t]*\r?\n[ \t]*(?:\d{1,4}:)?\d{1,2}:\d", re.M)
_SBV: Final = re.compile(
    r"^\d{1,4}:\d{1,2}:\d{1,2}\.\d{1,9},\d{1,4}:\d{1,2}:\d{1,2}\.\d{1,9}[ \t]*\r?$", re.M
)
_MICRODVD: Final = re.compile(r"^\ufeff?[ \t]*\{\d+\}\{\d*\}", re.M)
_TTML: Final = re.compile(
    r"<tt[\s>]|<tt:tt[\s>]|xmlns(?::\w+)?=\"http://www\.w3\.org/ns/ttml", re.I
)
_SAMI: Final = re.compile(r"<sami[\s>]", re.I)
_SCC: Final = re.compile(r"^\ufeff?Scenarist_SCC V1\.0", re.M)
_ASS: Final = re.compile(
    r"^\ufeff?[ \t]*\[(?:Script Info|Events|V4\+? Styles)\][ \t]*\r?$", re.M | re.I
)


def detect_format(text: str) -> str | None:
    """The caption format of `text` from its content, or None. Every structure's regex
    runs only after a literal test that it needs passes (most texts are no captions, and
    each `^`-anchored search walks the whole sample)."""
    head = text[:_SAMPLE]
    if "```" in head:  # a caption example inside a page's code block is not the page
        head = _FENCED.sub("", head)
    if "Scenarist_SCC" in head and _SCC.search(head):
        return "scc"
    if "[" in head and _ASS_NAMES.search(head) and _ASS.search(head):
        return "ass"
    if "<" in head:
        if _SAMI.search(head):
            return "sami"
        if _could_be_ttml(head) and _TTML.search(head):
            return "ttml"
    if "{" in head and len(_MICRODVD.findall(head)) >= _MIN_TIMINGS:
        return "microdvd"
    timings = _TIMING_LINE.findall(head) if _has_arrow(head) else []
    vtt = "WEBVTT" in head and _VTT_HEADER.search(head) is not None
    if vtt and ("-->" in head or timings):
        return "webvtt"
    if len(timings) >= _MIN_TIMINGS or (timings and _SRT_ID.search(head)):
        # SRT: numbered cues and commas before the milliseconds.
        commas = sum(1 for m in _TIMING_LINE.finditer(head) if "," in m[0] or "，" in m[0])
        if _SRT_ID.search(head) or commas * 2 > len(timings):
            return "srt"
        return "webvtt"
    if _SBV_PAIR.search(head) and len(_SBV.findall(head)) >= _MIN_TIMINGS:
        return "sbv"
    return "timed-lines" if _timed_lines(head) else None


# The literal tests before the regexes above: what each structure cannot do without.
# Every arrow `_TIMING_LINE` accepts is `→` or holds one of these.
_ARROWS: Final = ("->", "- >", "-\t>", "–>", "– >", "–\t>", "—>", "— >", "—\t>")
# An ASS section name anywhere (`_ASS` wants it alone on its line).
_ASS_NAMES: Final = re.compile(r"\[(?:Script Info|Events|V4\+? Styles)\]", re.I)
# SBV's `.000,0:` between its two times, anywhere (`_SBV` wants the pair to fill a line).
_SBV_PAIR: Final = re.compile(r"\.\d{1,9},\d{1,4}:")


def _has_arrow(head: str) -> bool:
    """An arrow `_TIMING_LINE` could read (one scan for `>` first: most texts have none)."""
    return "→" in head or (">" in head and any(a in head for a in _ARROWS))


def _could_be_ttml(head: str) -> bool:
    """`<tt` or `xmlns` in any case: `_TTML` needs one (its letters have no case-insensitive
    matches beyond their ASCII upper and lower case, so `lower()` finds them all)."""
    return "<t" in head or "<T" in head or "xmln" in head.lower()


# Lines opening with a clock time make a caption list when nearly every line does: a
# transcript page with a few stamps keeps its own grammar.
_TIMED_SHARE: Final = 0.8
_TIMED_MIN: Final = 3


def _timed_lines(head: str) -> bool:
    # Sound notes (`(Theme music)`) and the last line (perhaps cut) say nothing either way.
    lines = []
    for x in head.split("\n")[:-1]:
        s = x.strip()
        if s and not (s[0] in "[(" and s[-1] in ")]"):
            lines.append(x)
    if len(lines) < _TIMED_MIN:
        return False
    needed = _TIMED_SHARE * len(lines)
    can_be_timed = len(lines)  # lines not yet shown untimed: stop once too few are left
    for x in lines:
        if not (TIMED_LINE.match(x) or CHAT_LINE.match(x)):
            can_be_timed -= 1
            if can_be_timed < needed:
                return False
    return True


def caption_format(text: str, style: object = None) -> str | None:
    """The caption format `parse(text, style)` should read `text` as, or None for the
    ordinary transcript grammar: a detected format when no style is forced; the format a
    forced caption style names (`webvtt`, `srt`, `sbv`, …)."""
    if style is None:
        return detect_format(text)
    name = getattr(style, "name", style)
    if not isinstance(name, str):
        return None
    name = _ALIASES.get(name, name)
    return name if name in FORMATS else None


def read_captions(
    text: str, fmt: str | None = None, *, strict: bool = False, fps: float | None = None
) -> Transcript:
    """Read caption text into a Transcript: one turn per speaker run, each with its
    captions (`Turn.captions`, with word times in `Caption.words` where the file has them).

    `fmt` forces a format (default: detected). Lines that cannot be read become
    diagnostics with their line numbers; `strict=True` raises `CaptionError` naming the
    first. A text that is not captions gives a `not-captions` diagnostic (strict: raises).
    `fps` is MicroDVD's frame rate (default 23.976).
    """
    chosen = _ALIASES.get(fmt, fmt) if fmt else detect_format(text)
    if chosen is None:
        if strict:
            raise CaptionError(
                "the text is not captions (no WebVTT, SRT, SBV, TTML, SAMI, SCC, ASS or "
                "MicroDVD structure found)",
                hint="parse it with transcriptkit.parse(text) instead",
            )
        return build(Reading("unknown"), "captions")
    if chosen not in FORMATS:
        raise CaptionError(f"unknown caption format {chosen!r}; known: {', '.join(FORMATS)}")
    reading = _read(text, chosen, strict, fps)
    if strict and not reading.cues:
        raise CaptionError(f"no caption cues found: the text is not {chosen}", line=None)
    transcript = build(reading)
    transcript.metadata.date = metadata.caption_date(text)  # decided in metadata.py
    transcript.metadata.style = chosen
    transcript.metadata.style_confidence = 1.0
    return transcript


def _read(text: str, fmt: str, strict: bool, fps: float | None) -> Reading:
    if fmt in ("webvtt", "srt", "sbv"):
        return read_blocks(text, fmt, strict=strict)
    if fmt == "ttml":
        return read_ttml(text, strict=strict)
    if fmt == "sami":
        return read_sami(text, strict=strict)
    if fmt == "scc":
        return read_scc(text, strict=strict)
    if fmt == "ass":
        return read_ass(text, strict=strict)
    if fmt == "timed-lines":
        return read_timed_lines(text, strict=strict)
    return read_microdvd(text, strict=strict, fps=fps)
