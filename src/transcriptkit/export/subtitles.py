"""SRT and WebVTT from any transcript with times, speakers kept.

Caption libraries keep cues and drop who speaks; these writers put the speaker in the
caption the way players and our reader both understand: WebVTT's `<v Name>` voice tag on
every cue of a turn, or the SDH `NAME:` prefix on a turn's first cue (SRT's default).
Reading a written file back gives the same speakers, texts and times.

- A turn's own captions (`Turn.captions`, from a caption file) keep their times; a turn
  without captions (a timestamped export, speech recognition) is cut into cues of at most
  `Options.cue_seconds` and two lines of `Options.line_chars`, its time shared out by
  length (or by word times, where the turn has them).
- A turn without a start is left out (there is nowhere to put it; `untimed_note` says so);
  a turn without an end ends where the next one starts, or after a reading pace.
- An unlabeled turn after a labelled one opens with `>>`, the caption mark for "someone
  else speaks".
"""

from __future__ import annotations

import math
from typing import Final, NamedTuple

from ..models import Transcript, Turn
from .options import DEFAULT, Options

# Reading pace for a turn with a start and no end: ~15 characters a second, the pace
# subtitle guidelines aim at, and never less than a second.
_CHARS_PER_SECOND: Final = 15.0
_MIN_SECONDS: Final = 1.0
_LINES_PER_CUE: Final = 2  # the subtitle convention, and what CEA-608 safe areas allow


class _Cue(NamedTuple):
    start: float
    end: float
    speaker: str | None
    lines: list[str]
    first: bool  # the turn's first cue
    change: bool  # an unlabeled turn after a labelled one: `>>`


def to_srt(transcript: Transcript, options: Options = DEFAULT) -> str:
    """SubRip: numbered cues, `00:00:01,000 --> 00:00:04,000`, `NAME:` at speaker changes
    (or voice tags with `caption_speakers="voice"`)."""
    style = options.caption_speakers or "prefix"
    blocks = []
    for n, cue in enumerate(_cues(transcript, options), 1):
        lines = _mark(cue, style, escape=False)
        blocks.append(f"{n}\n{_clock(cue.start, ',')} --> {_clock(cue.end, ',')}\n" + lines)
    return "\n".join(blocks)


def to_vtt(transcript: Transcript, options: Options = DEFAULT) -> str:
    """WebVTT: a `WEBVTT - Title` header, then cues with `<v Name>` on each (or `NAME:`
    prefixes with `caption_speakers="prefix"`)."""
    style = options.caption_speakers or "voice"
    title = transcript.metadata.title
    head = f"WEBVTT - {' '.join(title.split())}\n" if title else "WEBVTT\n"
    blocks = [head]
    for cue in _cues(transcript, options):
        lines = _mark(cue, style, escape=True)
        blocks.append(f"{_clock(cue.start, '.')} --> {_clock(cue.end, '.')}\n" + lines)
    return "\n".join(blocks)


def _mark(cue: _Cue, style: str, *, escape: bool) -> str:
    lines = [_escape(x) for x in cue.lines] if escape else list(cue.lines)
    if cue.speaker is not None:
        name = _escape(cue.speaker) if escape else cue.speaker
        if style == "voice":
            lines[0] = f"<v {name}>{lines[0]}"
        elif cue.first:
            lines[0] = f"{cue.speaker.upper()}: {lines[0]}"
    elif cue.change and cue.first:
        lines[0] = f">> {lines[0]}"
    return "".join(line + "\n" for line in lines)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _clock(seconds: float, sep: str) -> str:
    ms = max(0, round(seconds * 1000))
    h, rest = divmod(ms, 3_600_000)
    m, rest = divmod(rest, 60_000)
    s, ms = divmod(rest, 1000)
    return f"{h:02d}:{m:02d}:{s:02d}{sep}{ms:03d}"


def _cues(transcript: Transcript, options: Options) -> list[_Cue]:
    timed = [t for t in transcript.turns if t.start is not None and t.text.strip()]
    out: list[_Cue] = []
    labelled_before = False
    for k, turn in enumerate(timed):
        assert turn.start is not None
        end = _end(turn, timed[k + 1] if k + 1 < len(timed) else None)
        speaker = transcript.speaker_name(turn) or turn.label
        pieces = (
            [(c.start, c.end, c.text) for c in turn.captions if c.text.strip()]
            if turn.captions
            else [(turn.start, end, " ".join(turn.text.split()))]
        )
        first = True
        for start, stop, text in pieces:
            for a, b, lines in _split(start, max(start, stop), text, options):
                change = speaker is None and labelled_before
                out.append(_Cue(a, b, speaker, lines, first, change))
                first = False
        labelled_before = speaker is not None
    return out


def _end(turn: Turn, following: Turn | None) -> float:
    assert turn.start is not None
    if turn.end is not None and turn.end >= turn.start:
        return turn.end
    pace = turn.start + max(_MIN_SECONDS, len(turn.text) / _CHARS_PER_SECOND)
    if following is not None and following.start is not None and following.start > turn.start:
        return min(pace, following.start)
    return pace


def _split(
    start: float, end: float, text: str, options: Options
) -> list[tuple[float, float, list[str]]]:
    """`text` as cues of at most two lines of `line_chars`, cut further (a line a cue, then
    fewer words a line) while a cue would last longer than `cue_seconds`; the time is
    shared out by length."""
    words = text.split()
    duration = end - start
    wanted = math.ceil(duration / options.cue_seconds) if options.cue_seconds > 0 else 1
    width = max(1, options.line_chars)
    lines = _wrap(words, width)
    per_cue = _LINES_PER_CUE
    while math.ceil(len(lines) / per_cue) < wanted:
        if per_cue > 1:
            per_cue = 1
        elif width > 1 and len(lines) < len(words):
            width = max(1, width // 2)
            lines = _wrap(words, width)
        else:
            break
    groups = [lines[i : i + per_cue] for i in range(0, len(lines), per_cue)]
    total = sum(len(x) + 1 for x in lines)
    out: list[tuple[float, float, list[str]]] = []
    done = 0
    for k, group in enumerate(groups):
        a = start + duration * done / total
        done += sum(len(x) + 1 for x in group)
        b = end if k == len(groups) - 1 else start + duration * done / total
        out.append((a, b, group))
    return out


def _wrap(words: list[str], width: int) -> list[str]:
    lines: list[str] = []
    line = ""
    for w in words:
        if line and len(line) + 1 + len(w) > width:
            lines.append(line)
            line = w
        else:
            line = f"{line} {w}" if line else w
    lines.append(line)
    return lines
