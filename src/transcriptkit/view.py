"""The terminal view of a transcript, as rich renderables: the view is not the model.

`rich.print(transcript)` and `transcriptkit show` both render `TranscriptView`. Rich drops
colour when output is not a terminal, so the same view reads as plain text in a pipe.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable

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
from .models import Cue, Transcript, Turn
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

# A soundbite runs from its cue to the next narrator's turn (or the end of the clip).
_CLIP_STARTS = frozenset({"soundbite", "clip_start"})
_NARRATORS = frozenset({"host", "reporter"})


def speaker_colors(transcript: Transcript) -> dict[str, str]:
    """A colour per speaker id: the palette entry its id hashes to, so a speaker keeps its
    colour across runs and documents, or the next free one when another speaker of this
    document already has it."""
    colors: dict[str, str] = {}
    for speaker in transcript.speakers:
        at = zlib.crc32(speaker.id.encode())
        taken = set(colors.values())
        probe = [PALETTE[(at + i) % len(PALETTE)] for i in range(len(PALETTE))]
        colors[speaker.id] = next((c for c in probe if c not in taken), probe[0])
    return colors


class TranscriptView:
    """Header, speaker legend, then the turns with standalone cues in source order (or an
    article's paragraphs), then any warnings the parser left."""

    def __init__(self, transcript: Transcript, *, source: str | None = None) -> None:
        self.transcript = transcript
        self.source = source

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        t = self.transcript
        colors = speaker_colors(t)
        yield _header(t, self.source)
        yield ""
        if t.turns:
            yield Padding(speaker_table(t, colors), (0, 0, 1, 0), expand=False)
        yield from _body(t, colors)
        yield from _warnings(t)


def speaker_table(
    transcript: Transcript, colors: dict[str, str] | None = None, *, bars: bool = False
) -> Table:
    """Name, role, turns, words and share of words per speaker; `bars` adds a bar chart
    (the longest bar is the speaker with the most words)."""
    colors = speaker_colors(transcript) if colors is None else colors
    table = Table(box=box.SIMPLE_HEAD, padding=(0, 1, 0, 0), show_edge=False)
    table.add_column("Speaker")
    table.add_column("Role")
    for name in ("Turns", "Words", "Share"):
        table.add_column(name, justify="right")
    if bars:
        table.add_column("")
    rows = speaker_stats(transcript)
    top = max((r.share for r in rows), default=0.0) or 1.0
    for row in rows:
        color = colors.get(row.id or "", UNLABELED)
        cells: list[RenderableType] = [
            Text(row.name or "(unlabeled)", style=color if row.name else f"italic {color}"),
            _badge(row.role, color),
            str(row.turns),
            str(row.words),
            f"{row.share:.0%}",
        ]
        if bars:
            cells.append(Bar(top, 0.0, row.share, width=12, color=color))
        table.add_row(*cells)
    return table


def _header(transcript: Transcript, source: str | None) -> Panel:
    meta = transcript.metadata
    title = Text(meta.title or "Untitled", style="bold" if meta.title else "italic")
    style = (
        f"{meta.style} ({meta.style_confidence:.0%})"
        if meta.style and meta.style_confidence
        else meta.style
    )
    facts = (
        meta.date.isoformat() if meta.date else None,
        meta.program,
        transcript.kind,
        meta.outlet,
        style,
        source,
    )
    lines = [title, Text(" · ".join(f for f in facts if f), style="dim")]
    if meta.url:
        lines.append(Text(meta.url, style="dim underline"))
    lines += [Text(f"Correction: {c}", style="italic") for c in meta.corrections]
    return Panel(Group(*lines), box=box.ROUNDED, border_style="dim", padding=(0, 1))


def _body(transcript: Transcript, colors: dict[str, str]) -> Iterable[RenderableType]:
    if transcript.kind == "article":
        yield from (
            Padding(Text(p.text), (0, 0, 1, 0), expand=False) for p in transcript.paragraphs
        )
        return
    if not transcript.turns:
        yield Text("No transcript found in this document.", style="italic")
        return
    in_clip = False
    for item in in_order(transcript):
        if isinstance(item, Cue):
            if item.kind == "clip_end":
                in_clip = False
            elif item.kind in _CLIP_STARTS:
                in_clip = True
            yield Rule(Text(f"({item.text})", style="dim italic"), style="dim")
            continue
        if item.role in _NARRATORS:
            in_clip = False
        color = colors.get(item.speaker_id or "", UNLABELED)
        turn = _turn(transcript, item, color)
        yield _LeftBar(turn, CLIP) if in_clip else turn


def _turn(transcript: Transcript, turn: Turn, color: str) -> RenderableType:
    """The speaker's name and role badge over the indented words, notes dimmed in place."""
    name = transcript.speaker_name(turn)
    head = Text(name or "(unlabeled)", style=f"bold {color}" if name else f"italic {color}")
    if turn.role:
        head.append("  ").append_text(_badge(turn.role, color))
    words = Text()
    for piece, note in with_notes(turn.text, turn.cues):
        words.append(piece, style="dim" if note else "")
    return Group(head, Padding(words, (0, 0, 1, 2), expand=False))


def _badge(role: str | None, color: str) -> Text:
    """` HOST `, ` REPORTER `, … in reverse video; plain words where there is no colour."""
    return Text().append(f" {role.upper()} ", style=f"bold reverse {color}") if role else Text()


def _warnings(transcript: Transcript) -> Iterable[RenderableType]:
    for d in transcript.diagnostics:
        if d.level != "info":
            where = f"line {d.line}: " if d.line else ""
            yield Text(f"{d.level}: {where}{d.message}", style="yellow")


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
