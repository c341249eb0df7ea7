"""The terminal view of a transcript, as rich renderables: the view is not the model.

`rich.print(transcript)` and `transcriptkit show` both render `TranscriptView`. Rich drops
colour when output is not a terminal, so the same view reads as plain text in a pipe.
Every string from the model goes through `_safe.printable` first: a transcript's text
never drives the terminal, however it was built.

The view is a sequence of pieces (`TranscriptView.pieces()`), each small, so a caller can
print them one at a time and the first screen appears before the last turn is laid out.
Pieces that depend on the width (the header, the legend, the turns) lay themselves out
when rendered, from 30 columns up; past MEASURE columns they stop growing.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Iterator
from pathlib import PurePath

from rich import box
from rich.bar import Bar
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.padding import Padding
from rich.panel import Panel
from rich.rule import Rule
from rich.segment import Segment
from rich.style import Style
from rich.table import Table
from rich.text import Text

from ._reading import in_order, with_notes
from ._safe import one_line, printable
from .cleantext import looks_like_heading
from .models import Cue, Diagnostic, Transcript, Turn
from .stats import speaker_stats

# Tableau 10 (grey kept for unlabeled turns), blue lightened: hues told apart at a glance
# on dark and light backgrounds alike.
PALETTE = (
    "#6b9bd1",
    "#f28e2b",
    "#59a14f",
    "#e15759",
    "#b07aa1",
    "#76b7b2",
    "#edc948",
    "#ff9da7",
    "#9c755f",
)
UNLABELED = "#bab0ac"
CLIP = "grey50"

# Lines longer than this many columns are hard to follow back to their start: on a wide
# terminal the view stops growing here.
MEASURE = 100
# Below this width the header loses its box: a box's four columns are better spent on
# the title.
NARROW = 44
# Below this width the legend keeps only name, words and share.
COMPACT = 60
# A later paragraph of a turn with at most this many words that reads like a heading
# (`Act One`, `Part Two: The Flood`) is shown as one: a section title, not speech.
HEADING_WORDS = 6

# A soundbite runs from its cue to the next narrator's turn (or the end of the clip).
_CLIP_STARTS = frozenset({"soundbite", "clip_start"})
_NARRATORS = frozenset({"host", "reporter"})
_LEVEL_STYLE = {"error": "bold red", "warning": "yellow", "info": "dim"}


def speaker_colors(transcript: Transcript) -> dict[str, str]:
    """A colour per speaker id: the palette entry its id hashes to, so a speaker keeps its
    colour across runs and documents, or the next free one when another speaker of this
    document already has it."""
    colors: dict[str, str] = {}
    taken: set[str] = set()  # kept alongside, not rebuilt per speaker: linear in speakers
    for speaker in transcript.speakers:
        at = zlib.crc32(speaker.id.encode())
        probe = [PALETTE[(at + i) % len(PALETTE)] for i in range(len(PALETTE))]
        colors[speaker.id] = color = next((c for c in probe if c not in taken), probe[0])
        taken.add(color)
    return colors


class TranscriptView:
    """Header, speaker legend, then the turns with standalone cues in source order (or an
    article's paragraphs), then a footer of what the parser noticed.

    `source` is shown by its file name; `line_numbers` puts each turn's source line in a
    gutter; `footer=False` leaves the diagnostics out.
    """

    def __init__(
        self,
        transcript: Transcript,
        *,
        source: str | None = None,
        line_numbers: bool = False,
        footer: bool = True,
    ) -> None:
        self.transcript = transcript
        self.source = source
        self.line_numbers = line_numbers
        self.footer = footer

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield from self.pieces()

    def pieces(self) -> Iterator[RenderableType]:
        """The view, piece by piece (print each as it comes to stream it)."""
        t = self.transcript
        colors = speaker_colors(t)
        yield _Measure(_Header(t, self.source))
        yield Text()
        if t.turns:
            yield _Measure(Padding(_Legend(t, colors), (0, 0, 1, 0), expand=False))
        gutter = len(str(max((i.line for i in in_order(t)), default=0)))
        for piece in _body(t, colors):
            if self.line_numbers and isinstance(piece, _Numbered):
                yield _Measure(_Gutter(piece.renderable, piece.line, gutter))
            elif isinstance(piece, _Numbered):
                yield _Measure(piece.renderable)
            else:
                yield _Measure(piece)
        if self.footer:
            yield from _footer(t.diagnostics)


def speaker_table(
    transcript: Transcript,
    colors: dict[str, str] | None = None,
    *,
    bars: bool = False,
    compact: bool = False,
) -> Table:
    """Name, role, turns, words and share of words per speaker; `bars` adds a bar chart
    (the longest bar is the speaker with the most words); `compact` keeps only name,
    words and share, for narrow terminals."""
    colors = speaker_colors(transcript) if colors is None else colors
    table = Table(box=box.SIMPLE_HEAD, padding=(0, 1, 0, 0), show_edge=False)
    table.add_column("Speaker")
    if not compact:
        table.add_column("Role")
        table.add_column("Turns", justify="right")
    for name in ("Words", "Share"):
        table.add_column(name, justify="right")
    if bars:
        table.add_column("")
    rows = speaker_stats(transcript)
    top = max((r.share for r in rows), default=0.0) or 1.0
    for row in rows:
        color = colors.get(row.id or "", UNLABELED)
        name = one_line(row.name) if row.name else "(unlabeled)"
        cells: list[RenderableType] = [Text(name, style=color if row.name else f"italic {color}")]
        if not compact:
            cells += [_badge(row.role, color), str(row.turns)]
        cells += [str(row.words), f"{row.share:.0%}"]
        if bars:
            cells.append(Bar(top, 0.0, row.share, width=12, color=color))
        table.add_row(*cells)
    return table


# ---- pieces laid out at render time -----------------------------------------------------


class _Measure:
    """At most MEASURE columns wide, whatever the terminal."""

    def __init__(self, renderable: RenderableType) -> None:
        self.renderable = renderable

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        inner = options.update_width(min(options.max_width, MEASURE))
        for line in console.render_lines(self.renderable, inner, pad=False):
            yield from _rstrip(line)
            yield Segment.line()


def _rstrip(line: list[Segment]) -> list[Segment]:
    """A rendered line without the spaces rich pads it with (a pipe or a file gets no
    trailing blanks); spaces that show, in reverse video or on a background, stay."""
    while line:
        last = line[-1]
        if last.control or (last.text and not last.text.isspace()):
            break
        style = last.style
        if style is not None and (style.reverse or style.bgcolor is not None):
            break
        line = line[:-1]
    if line and not line[-1].control:
        last = line[-1]
        style = last.style
        if not (style is not None and (style.reverse or style.bgcolor is not None)):
            line = [*line[:-1], Segment(last.text.rstrip(" "), last.style)]
    return line


class _Header:
    """Title, then the facts (date · program · kind · outlet · style · file) packed into
    lines at the separators, a fact never broken inside; the URL on a line of its own,
    cut short rather than broken; corrections. Boxed from NARROW columns up."""

    def __init__(self, transcript: Transcript, source: str | None) -> None:
        self.transcript = transcript
        self.source = source

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        meta = self.transcript.metadata
        boxed = options.max_width >= NARROW
        inner = options.max_width - (4 if boxed else 0)
        title = (
            Text(one_line(meta.title), style="bold")
            if meta.title
            else Text("Untitled", style="italic")
        )
        style = (
            f"{meta.style} ({meta.style_confidence:.0%})"
            if meta.style and meta.style_confidence
            else meta.style
        )
        facts = [
            one_line(f)
            for f in (
                meta.date.isoformat() if meta.date else None,
                meta.program,
                self.transcript.kind,
                meta.outlet,
                style,
                _file_name(self.source),
            )
            if f
        ]
        lines: list[RenderableType] = [title, *_pack(facts, inner)]
        if meta.url:
            lines.append(
                Text(one_line(meta.url), style="dim underline", no_wrap=True, overflow="ellipsis")
            )
        lines += [Text(f"Correction: {one_line(c)}", style="italic") for c in meta.corrections]
        if boxed:
            yield Panel(Group(*lines), box=box.ROUNDED, border_style="dim", padding=(0, 1))
        else:
            yield from lines
            yield Rule(style="dim")


class _Legend:
    def __init__(self, transcript: Transcript, colors: dict[str, str]) -> None:
        self.transcript = transcript
        self.colors = colors

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield speaker_table(self.transcript, self.colors, compact=options.max_width < COMPACT)


class _Numbered:
    """A body piece with the source line it came from (for the gutter)."""

    def __init__(self, renderable: RenderableType, line: int) -> None:
        self.renderable = renderable
        self.line = line

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield self.renderable


class _Gutter:
    """The source line number, dim and right-aligned, beside the first line of a piece."""

    def __init__(self, renderable: RenderableType, line: int, width: int) -> None:
        self.renderable = renderable
        self.line = line
        self.width = width

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        inner = options.update_width(max(1, options.max_width - self.width - 1))
        lines = console.render_lines(self.renderable, inner, pad=False)
        style = console.get_style("dim")
        for i, line in enumerate(lines):
            label = str(self.line).rjust(self.width) if i == 0 else " " * self.width
            yield Segment(label + " ", style)
            yield from line
            yield Segment.line()


class _LeftBar:
    """A renderable with a bar down its left edge: sets a soundbite apart from the turns
    around it without a box's top and bottom lines."""

    def __init__(self, renderable: RenderableType, color: str) -> None:
        self.renderable = renderable
        self.style = Style.parse(color)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        inner = options.update_width(max(1, options.max_width - 2))
        lines = console.render_lines(self.renderable, inner, pad=False)
        for line in lines:
            yield Segment("▌ ", self.style)
            yield from line
            yield Segment.line()


# ---- the body -----------------------------------------------------------------------------


def _body(transcript: Transcript, colors: dict[str, str]) -> Iterator[RenderableType]:
    if transcript.kind == "article":
        for p in transcript.paragraphs:
            yield _Numbered(Padding(Text(printable(p.text)), (0, 0, 1, 0), expand=False), p.line)
        return
    if not transcript.turns:
        yield Text("No transcript found in this document.", style="italic")
        return
    in_clip = False
    previous: str | bool | None = False  # the speaker of the turn just shown; False: none
    for item in in_order(transcript):
        if isinstance(item, Cue):
            if item.kind == "clip_end":
                in_clip = False
            elif item.kind in _CLIP_STARTS:
                in_clip = True
            previous = False
            rule = Rule(Text(f"({one_line(item.text)})", style="dim italic"), style="dim")
            yield _Numbered(rule, item.line)
            continue
        if item.role in _NARRATORS:
            in_clip = False
        color = colors.get(item.speaker_id or "", UNLABELED)
        continued = previous is not False and previous == item.speaker_id
        previous = item.speaker_id
        for piece, is_heading in _turn(transcript, item, color, continued=continued):
            if is_heading:
                yield _Numbered(piece, item.line)
                previous = False  # after a heading, the next turn names its speaker again
            else:
                yield _Numbered(_LeftBar(piece, CLIP) if in_clip else piece, item.line)
                previous = item.speaker_id


def _turn(
    transcript: Transcript, turn: Turn, color: str, *, continued: bool
) -> Iterator[tuple[RenderableType, bool]]:
    """The speaker's name, role badge and time over the indented words, notes dimmed in
    place; only the words (and time) when the same speaker goes on. A later paragraph
    that reads like a heading comes out on its own, marked True."""
    words = Text()
    for piece, note in with_notes(turn.text, turn.cues):
        words.append(printable(piece), style="dim" if note else "")
    paragraphs = [p for p in words.split("\n\n") if p.plain.strip()] or [Text()]
    block: list[Text] = []
    for i, paragraph in enumerate(paragraphs):
        if i and _is_heading(paragraph.plain):
            if block:
                yield _turn_block(transcript, turn, color, block, continued), False
                block, continued = [], True
            yield Padding(Text(paragraph.plain.strip(), style="bold underline"), (0, 0, 1, 0)), True
            continued = False
            continue
        block.append(paragraph)
    if block:
        yield _turn_block(transcript, turn, color, block, continued), False


def _turn_block(
    transcript: Transcript, turn: Turn, color: str, paragraphs: list[Text], continued: bool
) -> RenderableType:
    when = _start(turn)
    parts: list[RenderableType] = []
    if not continued:
        name = transcript.speaker_name(turn)
        head = Text(one_line(name) if name else "(unlabeled)")
        head.stylize(f"bold {color}" if name else f"italic {color}")
        if turn.role:
            head.append("  ").append_text(_badge(turn.role, color))
        if when is not None:
            head.append(f"  {_clock(when)}", style="dim")
        parts.append(head)
    elif when is not None:
        parts.append(Padding(Text(_clock(when), style="dim"), (0, 0, 0, 2), expand=False))
    body = Text("\n\n").join(paragraphs)
    parts.append(Padding(body, (0, 0, 1, 2), expand=False))
    return Group(*parts)


def _is_heading(text: str) -> bool:
    return len(text.split()) <= HEADING_WORDS and looks_like_heading(text)


def _start(turn: Turn) -> float | None:
    """When the turn starts: its own time, else its first caption's or word's."""
    if turn.start is not None:
        return turn.start
    if turn.captions:
        return turn.captions[0].start
    if turn.words:
        return next((w.start for w in turn.words if w.start is not None), None)
    return None


def _clock(seconds: float) -> str:
    """`1:05`, or `1:02:05` from an hour on: a time as a player shows it."""
    total = int(seconds)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02}:{secs:02}" if hours else f"{minutes}:{secs:02}"


def _badge(role: str | None, color: str) -> Text:
    """` HOST `, ` REPORTER `, … in reverse video; plain words where there is no colour."""
    return Text().append(f" {role.upper()} ", style=f"bold reverse {color}") if role else Text()


# ---- header and footer helpers ----------------------------------------------------------


def _file_name(source: str | None) -> str | None:
    """The file name of a path (`story.txt`, not `/home/…/story.txt`); `<stdin>` stays."""
    if not source or source.startswith("<"):
        return source
    return PurePath(source).name or source


def _pack(facts: list[str], width: int) -> Iterator[Text]:
    """Facts joined by ` · ` into lines of at most `width` cells, breaking only at a
    separator; a fact longer than a line is cut short with an ellipsis."""
    line = Text(style="dim", no_wrap=True, overflow="ellipsis")
    for fact in facts:
        if line.plain and line.cell_len + 3 + Text(fact).cell_len > width:
            yield line
            line = Text(style="dim", no_wrap=True, overflow="ellipsis")
        if line.plain:
            line.append(" · ")
        line.append(fact)
    if line.plain:
        yield line


def _footer(diagnostics: Iterable[Diagnostic]) -> Iterator[RenderableType]:
    """Every diagnostic, one per line: warnings (and errors) first, then the notes of what
    was decided (`12 lines after the closing notice were dropped`)."""
    found = sorted(diagnostics, key=lambda d: d.level == "info")
    if not found:
        return
    warnings = sum(d.level != "info" for d in found)
    notes = len(found) - warnings
    counts = ", ".join(
        part
        for part in (
            f"{warnings} warning{'s' * (warnings != 1)}" if warnings else "",
            f"{notes} note{'s' * (notes != 1)}" if notes else "",
        )
        if part
    )
    yield _Measure(Rule(Text(counts, style="dim"), style="dim", align="left"))
    for d in found:
        where = "" if d.line is None or d.message.startswith("line ") else f"line {d.line}: "
        yield _Measure(
            Text(f"{d.level}: {where}{one_line(d.message)}", style=_LEVEL_STYLE[d.level])
        )
