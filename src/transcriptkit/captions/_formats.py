"""The other caption formats, each read into the same cues as WebVTT and SRT.

- MicroDVD (`{371}{433}MAN:|When we think`): frames, `|` between lines, `{y:i}` styles.
- ASS/SSA (`Dialogue: 0,0:00:01.00,0:00:04.00,Default,Ines,...,Text`): the `Format:` line
  says the field order; `Name` is the speaker; `\\N` breaks lines; `{\\i1}` overrides go.
- TTML/DFXP (`<p begin="00:00:01.000" end="..." ttm:agent="...">`): clock, offset and tick
  times, times inherited from the `div`/`body` above, `<br/>` between lines, agents' names.
- SAMI (`<SYNC Start=1000><P Class=ENCC>...`): a caption lasts to the next `SYNC`.
- SCC (CEA-608 byte pairs) through pycaption (the `captions` extra): decoding 608 control
  codes, roll-up and pop-on memories is a parser of its own, and pycaption's is kept well.

These readers are small because they keep what the others drop: the line each caption
came from and where it stands in the input.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from html import escape
from html.parser import HTMLParser
from typing import Final
from xml.parsers import expat

from ..cleantext import looks_like_heading
from ._blocks import clock
from ._cues import RawCue, Reading, SourceLine

DEFAULT_FPS: Final = 23.976  # film rate: what MicroDVD players assume without `{1}{1}fps`

# ---- MicroDVD -----------------------------------------------------------------------------

_MDVD_LINE: Final = re.compile(r"[ \t]*\{[ \t]*(\d+)[ \t]*\}[ \t]*\{[ \t]*(\d*)[ \t]*\}")
_MDVD_STYLE: Final = re.compile(r"\{[A-Za-z]:[^{}]*\}")


def _source_lines(text: str) -> Iterator[tuple[int, int, str]]:
    """Each line's number, its offset in `text` and its text without the line end (and,
    on line 1, without a BOM, the offset moved past it): the walk of the line readers."""
    offset = 0
    for number, raw in enumerate(text.split("\n"), 1):
        at = offset
        offset += len(raw) + 1
        s = raw.rstrip("\r")
        if number == 1 and s.startswith("\ufeff"):
            s, at = s[1:], at + 1
        yield number, at, s


def read_microdvd(text: str, *, strict: bool = False, fps: float | None = None) -> Reading:
    """`{start frame}{end frame}words|more words`; `{1}{1}25` first declares the rate."""
    reading = Reading("microdvd", strict=strict)
    rate = fps
    for number, at, s in _source_lines(text):
        if not s.strip():
            continue
        m = _MDVD_LINE.match(s)
        if m is None:
            reading.problem(
                "caption-stray-text", f"line {number} is not a MicroDVD caption", number
            )
            continue
        first, last = int(m[1]), int(m[2] or m[1])
        body = s[m.end() :]
        if rate is None and first == 1 and last == 1:
            try:
                rate = float(body.strip())
                continue
            except ValueError:
                pass
        if rate is None:
            rate = DEFAULT_FPS
            reading.problem(
                "caption-fps",
                f"MicroDVD counts frames and the file does not say how many a second; "
                f"read at {DEFAULT_FPS} (pass fps= to change)",
                number,
                level="info",
            )
        cue = RawCue(first / rate, last / rate, number)
        cursor = m.end()
        for part in body.split("|"):
            clean = _MDVD_STYLE.sub("", part)
            lead = len(part) - len(part.lstrip())
            if clean.strip():
                cue.lines.append(SourceLine(number, at + cursor + lead, clean.strip()))
            cursor += len(part) + 1
        reading.cues.append(cue)
    return reading


# ---- ASS / SSA ----------------------------------------------------------------------------

_ASS_TIME: Final = re.compile(r"[ \t]*(\d+):(\d{1,2}):(\d{1,2})(?:[.,](\d+))?[ \t]*$")
_DEFAULT_FIELDS: Final = (
    "layer",
    "start",
    "end",
    "style",
    "name",
    "marginl",
    "marginr",
    "marginv",
    "effect",
    "text",
)


def read_ass(text: str, *, strict: bool = False) -> Reading:
    """The `Dialogue:` lines of the `[Events]` section, in file order."""
    reading = Reading("ass", strict=strict)
    fields: tuple[str, ...] = _DEFAULT_FIELDS
    section = ""
    offset = 0
    for number, raw in enumerate(text.split("\n"), 1):
        at = offset
        offset += len(raw) + 1
        s = raw.rstrip("\r").lstrip("\ufeff")
        stripped = s.strip()
        if stripped.startswith("[") and stripped.endswith("]"):
            section = stripped[1:-1].strip().lower()
            continue
        if section == "script info" and stripped.lower().startswith("title:"):
            reading.title = stripped[6:].strip() or None
        if section != "events" or not stripped or stripped.startswith(";"):
            continue
        key, _, value = s.partition(":")
        key = key.strip().lower()
        if key == "format":
            fields = tuple(f.strip().lower() for f in value.split(","))
            continue
        if key != "dialogue":
            continue
        parts = value.split(",", len(fields) - 1)
        if len(parts) != len(fields):
            reading.problem(
                "caption-stray-text",
                f"line {number}: a Dialogue line with {len(parts)} of {len(fields)} fields",
                number,
            )
            continue
        row = dict(zip(fields, parts, strict=True))
        times = [_ASS_TIME.match(row.get(k, "")) for k in ("start", "end")]
        if times[0] is None or times[1] is None:
            reading.problem(
                "caption-bad-timing", f"line {number}: unreadable Dialogue times", number
            )
            continue
        start, end = (clock(*t.groups()) for t in times if t is not None)
        cue = RawCue(start, end, number, speaker=row.get("name", "").strip() or None)
        cue.label_at = at
        body_at = at + len(s) - len(row["text"]) if "text" in row else at
        cursor = 0
        body = row.get("text", "")
        for part in re.split(r"\\[Nn]", body):
            words = part.replace("\\h", " ")
            if words.strip():
                lead = len(words) - len(words.lstrip())
                cue.lines.append(SourceLine(number, body_at + cursor + lead, words.strip()))
            cursor += len(part) + 2
        reading.cues.append(cue)
    return reading


# ---- TTML / DFXP --------------------------------------------------------------------------

_CLOCK: Final = re.compile(r"(\d+):(\d{1,2}):(\d{1,2})(?:([.:])(\d+))?$")
_OFFSET: Final = re.compile(r"(\d+(?:\.\d+)?)(h|ms|m|s|f|t)$")


def _ttml_time(value: str | None, fps: float, ticks: float) -> float | None:
    if not value:
        return None
    value = value.strip()
    m = _CLOCK.match(value)
    if m:
        h, mi, s, sep, frac = m.groups()
        base = int(h) * 3600 + int(mi) * 60 + int(s)
        if frac is None:
            return float(base)
        return base + (int(frac) / fps if sep == ":" else float("0." + frac))
    m = _OFFSET.match(value)
    if m:
        n, unit = float(m[1]), m[2]
        scale = {"h": 3600.0, "m": 60.0, "s": 1.0, "ms": 0.001, "f": 1 / fps, "t": 1 / ticks}
        return n * scale[unit]
    return None


def _local(name: str) -> str:
    return name.rsplit("}", 1)[-1].rsplit(" ", 1)[-1].rsplit(":", 1)[-1].lower()


class _Offsets:
    """Character offsets from expat's byte offsets, walking forward once."""

    def __init__(self, text: str) -> None:
        self.data = text.encode("utf-8")
        self.byte = 0
        self.char = 0

    def at(self, byte: int) -> int:
        if byte >= self.byte:
            self.char += len(self.data[self.byte : byte].decode("utf-8", "ignore"))
        else:
            self.char = len(self.data[:byte].decode("utf-8", "ignore"))
        self.byte = byte
        return self.char


def read_ttml(text: str, *, strict: bool = False) -> Reading:
    """Every `<p>` with a time is a caption; `<br/>` parts its lines."""
    reading = Reading("ttml", strict=strict)
    parser = expat.ParserCreate(namespace_separator=" ")
    offsets = _Offsets(text)
    fps, ticks = 30.0, 1.0
    begins: list[float] = [0.0]
    agents: dict[str, str] = {}
    state: dict[str, object] = {}
    cue: RawCue | None = None
    line_text: list[str] = []
    line_start = [0, 0]  # number, offset
    title: list[str] = []
    in_title = [False]
    agent_id: list[str | None] = [None]
    in_name = [False]

    def close_line() -> None:
        words = "".join(line_text)
        if cue is not None and words.strip():
            cue.lines.append(
                SourceLine(line_start[0], line_start[1], escape(words.strip(), quote=False))
            )
        line_text.clear()
        line_start[0] = parser.CurrentLineNumber
        line_start[1] = offsets.at(parser.CurrentByteIndex)

    def start(name: str, attrs: dict[str, str]) -> None:
        nonlocal cue, fps, ticks
        tag = _local(name)
        values = {_local(k): v for k, v in attrs.items()}
        if tag == "tt":
            fps = float(values.get("framerate", fps) or fps)
            ticks = float(values.get("tickrate", ticks) or ticks)
        parent = begins[-1]
        begin = _ttml_time(values.get("begin"), fps, ticks)
        here = parent + (begin or 0.0)
        begins.append(here)
        if tag == "title":
            in_title[0] = True
        if tag == "agent":
            agent_id[0] = values.get("id")
        if tag == "name" and agent_id[0]:
            in_name[0] = True
        if tag == "p" and cue is None:
            end = _ttml_time(values.get("end"), fps, ticks)
            dur = _ttml_time(values.get("dur"), fps, ticks)
            if begin is None and end is None and dur is None:
                return
            stop = parent + end if end is not None else here + (dur or 0.0)
            number = parser.CurrentLineNumber
            cue = RawCue(here, stop, number)
            who = values.get("agent")
            if who:
                cue.speaker_label = who.split()[0]
                cue.speaker = agents.get(cue.speaker_label, cue.speaker_label)
                cue.label_at = offsets.at(parser.CurrentByteIndex)
            state["depth"] = len(begins)
            line_start[0] = number
            line_start[1] = offsets.at(parser.CurrentByteIndex)
            line_text.clear()
        elif tag == "br" and cue is not None:
            close_line()

    def end(name: str) -> None:
        nonlocal cue
        tag = _local(name)
        if tag == "p" and cue is not None and state.get("depth") == len(begins):
            close_line()
            if cue.lines:
                reading.cues.append(cue)
            cue = None
        if tag == "title":
            in_title[0] = False
        if tag == "name":
            in_name[0] = False
        if tag == "agent":
            agent_id[0] = None
        begins.pop()

    def data(chunk: str) -> None:
        if cue is not None:
            if not line_text and not chunk.strip():
                return
            if not line_text:  # the line's words start here
                line_start[0] = parser.CurrentLineNumber
                lead = len(chunk) - len(chunk.lstrip())
                line_start[1] = offsets.at(parser.CurrentByteIndex) + lead
            line_text.append(chunk)
        elif in_title[0]:
            title.append(chunk)
        elif in_name[0] and agent_id[0]:
            agents[agent_id[0]] = agents.get(agent_id[0], "") + chunk.strip()

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = data
    try:
        parser.Parse(text.lstrip("\ufeff"), True)
    except expat.ExpatError as exc:
        reading.problem(
            "caption-bad-xml",
            f"line {exc.lineno}: the TTML is not well-formed XML ({expat.ErrorString(exc.code)}); "
            "captions up to there are kept",
            exc.lineno,
        )
    reading.title = " ".join("".join(title).split()) or None
    return reading


# ---- SAMI ---------------------------------------------------------------------------------


class _Sami(HTMLParser):
    def __init__(self, text: str, reading: Reading) -> None:
        super().__init__(convert_charrefs=True)
        self.reading = reading
        self.starts = [0]
        for line in text.split("\n"):
            self.starts.append(self.starts[-1] + len(line) + 1)
        self.cue: RawCue | None = None
        self.words: list[str] = []
        self.where = (0, 0)
        self.in_title = False
        self.title: list[str] = []
        self.skip = 0

    def _offset(self) -> tuple[int, int]:
        line, col = self.getpos()
        return line, self.starts[line - 1] + col

    def _close_line(self) -> None:
        words = "".join(self.words).replace("\xa0", " ")
        if self.cue is not None and words.strip():
            number, at = self.where
            self.cue.lines.append(SourceLine(number, at, escape(words.strip(), quote=False)))
        self.words = []
        self.where = self._offset()

    def _close_cue(self, at: float) -> None:
        self._close_line()
        if self.cue is not None:
            self.cue.end = max(self.cue.start, at)
            if self.cue.lines:
                self.reading.cues.append(self.cue)
        self.cue = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k.lower(): v or "" for k, v in attrs}
        if tag in ("style", "script"):
            self.skip += 1
        elif tag == "title":
            self.in_title = True
        elif tag == "sync":
            try:
                at = float(values.get("start", "").strip().rstrip("ms") or "nan") / 1000
            except ValueError:
                line = self.getpos()[0]
                self.reading.problem(
                    "caption-bad-timing", f"line {line}: SYNC without a readable Start", line
                )
                return
            if at != at:  # NaN: no start
                return
            self._close_cue(at)
            number, _ = self._offset()
            self.cue = RawCue(at, at, number)
            self.where = self._offset()
        elif tag == "br":
            self._close_line()

    def handle_endtag(self, tag: str) -> None:
        if tag in ("style", "script"):
            self.skip = max(0, self.skip - 1)
        elif tag == "title":
            self.in_title = False
        elif tag == "body" and self.cue is not None:
            self._close_cue(self.cue.start + 1.0)  # a last caption with no clear: a second

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        if self.in_title:
            self.title.append(data)
        elif self.cue is not None:
            if not self.words:
                self.where = self._offset()
                lead = len(data) - len(data.lstrip())
                self.where = (self.where[0] + data[:lead].count("\n"), self.where[1] + lead)
                data = data.lstrip()
                if not data:
                    return
            self.words.append(data)


def read_sami(text: str, *, strict: bool = False) -> Reading:
    """Each `SYNC` starts a caption that lasts to the next (`&nbsp;` alone clears)."""
    reading = Reading("sami", strict=strict)
    parser = _Sami(text, reading)
    parser.feed(text)
    parser.close()
    if parser.cue is not None:
        parser._close_cue(parser.cue.start + 1.0)
    reading.title = " ".join("".join(parser.title).split()) or None
    return reading


# ---- SCC ----------------------------------------------------------------------------------

_SCC_LINE: Final = re.compile(r"(\d\d):(\d\d):(\d\d)[:;.](\d\d)\s")


def read_scc(text: str, *, strict: bool = False) -> Reading:
    """CEA-608 decoded by pycaption; each caption is placed on the SCC line whose time code
    starts it (the code line that loads or rolls it up)."""
    reading = Reading("scc", strict=strict)
    try:
        from pycaption import SCCReader  # type: ignore[import-untyped]
    except ImportError:
        reading.problem(
            "caption-needs-extra",
            "SCC (CEA-608) captions need pycaption: pip install 'transcriptkit[captions]'",
            None,
        )
        return reading
    stamps: list[tuple[float, int, int]] = []  # (seconds, line number, offset)
    offset = 0
    for number, raw in enumerate(text.split("\n"), 1):
        m = _SCC_LINE.match(raw.lstrip("\ufeff"))
        if m:
            h, mi, s, frames = (int(x) for x in m.groups())
            stamps.append((h * 3600 + mi * 60 + s + frames / 29.97, number, offset))
        offset += len(raw) + 1
    try:
        captions = SCCReader().read(text.lstrip("\ufeff"))
    except Exception as exc:  # pycaption raises its own and plain errors on damage
        reading.problem("caption-bad-scc", f"pycaption could not read the SCC: {exc}", None)
        return reading
    langs = captions.get_languages()
    found = captions.get_captions(langs[0]) if langs else []
    k = 0
    for caption in found:
        start, end = caption.start / 1_000_000, caption.end / 1_000_000
        while k + 1 < len(stamps) and stamps[k + 1][0] <= start + 0.05:
            k += 1
        number, at = (stamps[k][1], stamps[k][2]) if stamps else (1, 0)
        cue = RawCue(start, max(start, end), number)
        for part in caption.get_text().split("\n"):
            if part.strip():
                cue.lines.append(SourceLine(number, at, escape(part.strip(), quote=False)))
        if cue.lines:
            reading.cues.append(cue)
    return reading


# ---- timed lines ----------------------------------------------------------------------------

# `- 00:00:02November right okay`, `0:05 so we start`, `12:01:33 Ana: hello`: a clock
# time opening the line (after an optional list bullet), the words after it, glued or not;
# or in brackets with the time it ends, as Whisper prints its progress and MacWhisper saves
# it (`[00:00.000 --> 00:04.000]  Hello.`); a broadcast timecode's frame (`00:01:04:12`,
# `00:01:04;12`), the time a line ends (`0:05 - 0:12 words`) and a column's bar
# (`0:05 | Ana | words`) are read past, as `rules.TIME_PREFIX` does.
TIMED_LINE: Final = re.compile(
    r"[ \t]*(?:[-*•][ \t]*|\[(?=[\d:.,]{4,12}[ \t]*-->))?"
    r"(?:(\d{1,2}):)?(\d{1,2}):(\d\d)(?:[.,](\d{1,3}))?(?:(?<=\d:\d\d:\d\d)[:;]\d\d)?(?![\d:])"
    r"(?:[ \t]*[-–][ \t]*(?:\d{1,2}:)?\d{1,2}:\d\d(?:[.,:;]\d{1,3})?(?![\d:]))?"
    r"(?:[ \t]*\|)?"
    r"(?:[ \t]*-->[ \t]*(?:\d{1,2}:)?\d{1,2}:\d\d(?:[.,]\d{1,3})?\])?[ \t]*"
)
# A chat export's message line: `00:05:16<TAB>Ana Ruiz:<TAB>typed words`.
CHAT_LINE: Final = re.compile(r"[ \t]*\d{1,2}:\d\d(?::\d\d)?\t[^\t\n]{1,80}:\t")


def read_timed_lines(text: str, *, strict: bool = False) -> Reading:
    """Lines that each open with a clock time (caption lists copied from a video page):
    each is a caption from its time to the next line's; a line without a time continues
    the caption before it. A chat export (time, tab, `Name:`, tab) is typed messages, not
    speech: no captions, and a diagnostic that says so."""
    reading = Reading("timed-lines", strict=strict)
    cue: RawCue | None = None
    chats = 0
    above = False  # a line of words seen above the first time (the first may be a title)
    for number, at, s in _source_lines(text):
        if not s.strip():
            continue
        if CHAT_LINE.match(s):
            chats += 1
            continue
        m = TIMED_LINE.match(s)
        if m is not None:
            start = clock(*m.groups())
            if cue is not None:
                cue.end = max(cue.start, start)
            cue = RawCue(start, start, number)
            reading.cues.append(cue)
            words = s[m.end() :].rstrip()
            if words:
                cue.lines.append(SourceLine(number, at + m.end(), words))
            continue
        if cue is None and s.strip()[:1] in "[(" and s.strip()[-1:] in ")]":
            # `(Intro music)` above the first time: a sound cue of its own
            reading.cues.append(RawCue(0.0, 0.0, number, [SourceLine(number, at, s.strip())]))
            continue
        if cue is None:
            if not above and looks_like_heading(s):
                reading.title = s.strip()  # `How to Sharpen a Knife` over the times
            else:
                reading.problem(
                    "caption-stray-text", f"line {number} is before the first time", number
                )
            above = True
            continue
        lead = len(s) - len(s.lstrip())
        cue.lines.append(SourceLine(number, at + lead, s.strip()))
    if cue is not None and cue.end <= cue.start:
        cue.end = cue.start + 2.0  # the last line: a caption's usual length
    if chats:
        reading.problem(
            "chat-log",
            f"{chats} line(s) are chat messages (time, name, typed words), not speech",
            None,
            level="info",
        )
    return reading
