"""The measures of `transcriptkit.stats` in the terminal: rich tables with bar charts.

A renderable apart from the data, as the transcript view is: `rich.print(StatsView(stats))`
and `transcriptkit stats` show the same thing; in a pipe rich drops the colour.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Sequence

from rich import box
from rich.bar import Bar
from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.table import Table
from rich.text import Text

from .models import Transcript
from .stats import DocumentStats, measure_many
from .stats import to_csv as stats_csv
from .view import PALETTE, UNLABELED

# Width of a bar in characters: wide enough to tell 5% steps apart, narrow enough that the
# speaker table with times still fits 100 columns.
BAR_WIDTH = 12


class StatsView:
    """Speakers, roles and the turn-taking matrix of one `DocumentStats`, then a line on
    questions, interruptions and overlaps."""

    def __init__(self, stats: DocumentStats, *, title: str | None = None) -> None:
        self.stats = stats
        self.title = title

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        s = self.stats
        if self.title:
            yield Text(self.title, style="bold")
        if not s.turns:
            yield Text("no turns", style="italic")
            return
        yield speakers_table(s)
        yield ""
        yield roles_table(s)
        if len(s.speakers) > 1:
            yield ""
            yield matrix_table(s)
        yield ""
        yield Text(
            f"{len(s.questions)} questions, {len(s.interruptions)} interruptions"
            + (f", {len(s.overlaps)} overlaps" if s.timed else "")
            + "  (Qs: questions asked; Int: interruptions made/suffered)",
            style="dim",
        )


def _color(key: str | None) -> str:
    return PALETTE[zlib.crc32(key.encode()) % len(PALETTE)] if key else UNLABELED


def _table(title: str) -> Table:
    return Table(
        title=title,
        title_justify="left",
        title_style="bold",
        box=box.SIMPLE_HEAD,
        padding=(0, 1, 0, 0),
        show_edge=False,
    )


def _bar(value: float | None, top: float, color: str) -> RenderableType:
    return Bar(top or 1.0, 0.0, value or 0.0, width=BAR_WIDTH, color=color)


def speakers_table(s: DocumentStats) -> Table:
    """A row per speaker: turns, words and their share with a bar, mean and longest turn in
    words, questions, interruptions made/suffered; time, its share and words per minute
    when the document is timed."""
    table = _table("Speakers")
    table.add_column("Speaker", no_wrap=True)
    table.add_column("Role")
    for name in ("Turns", "Words", "Share", ""):
        table.add_column(name, justify="right")
    if s.timed:
        for name in ("Time", "Share", "", "WPM"):
            table.add_column(name, justify="right")
    for name in ("Mean", "Longest", "Qs", "Int"):
        table.add_column(name, justify="right")
    top = max((r.share for r in s.speakers), default=0.0)
    top_time = max((r.time_share or 0.0 for r in s.speakers), default=0.0)
    for r in s.speakers:
        color = _color(r.id)
        cells: list[RenderableType] = [
            Text(r.name or r.id or "(unlabeled)", style=color if r.id else f"italic {color}"),
            r.role or "",
            str(r.turns),
            str(r.words),
            f"{r.share:.0%}",
            _bar(r.share, top, color),
        ]
        if s.timed:
            cells += [
                _duration(r.seconds),
                f"{r.time_share:.0%}" if r.time_share is not None else "",
                _bar(r.time_share, top_time, color),
                f"{r.wpm:.0f}" if r.wpm is not None else "",
            ]
        cells += [
            f"{r.mean_turn_words:.1f}",
            str(r.longest_turn_words),
            str(r.questions),
            f"{r.interruptions}/{r.interrupted}",
        ]
        table.add_row(*cells)
    return table


def roles_table(s: DocumentStats) -> Table:
    """A row per role: speakers, turns, words and share with a bar (and time share)."""
    table = _table("Roles")
    table.add_column("Role")
    for name in ("Speakers", "Turns", "Words", "Share", ""):
        table.add_column(name, justify="right")
    if s.timed:
        table.add_column("Time", justify="right")
        table.add_column("Share", justify="right")
    table.add_column("Qs", justify="right")
    top = max((r.share for r in s.roles), default=0.0)
    for r in s.roles:
        color = _color(r.role)
        cells: list[RenderableType] = [
            Text(r.role or "(none)", style=color),
            str(r.speakers),
            str(r.turns),
            str(r.words),
            f"{r.share:.0%}",
            _bar(r.share, top, color),
        ]
        if s.timed:
            cells += [
                _duration(r.seconds),
                f"{r.time_share:.0%}" if r.time_share is not None else "",
            ]
        cells.append(str(r.questions))
        table.add_row(*cells)
    return table


def matrix_table(s: DocumentStats) -> Table:
    """Who speaks after whom: a row per speaker before, a column per speaker after."""
    names = {r.id: r.name or r.id or "(unlabeled)" for r in s.speakers}
    order = [r.id for r in s.speakers]
    counts = {(t.before, t.after): t.count for t in s.transitions}
    table = _table("Who follows whom")
    table.add_column(Text("before ↓  after →", style="dim"), no_wrap=True)
    for key in order:
        table.add_column(Text(names[key], style=_color(key)), justify="right")
    for before in order:
        row: list[RenderableType] = [Text(names[before], style=_color(before))]
        row += [str(counts.get((before, after), "")) or "·" for after in order]
        table.add_row(*row)
    return table


def _duration(seconds: float | None) -> str:
    if seconds is None:
        return ""
    minutes, rest = divmod(round(seconds), 60)
    return f"{minutes}:{rest:02d}"


def stats_text(
    docs: Sequence[tuple[str, Transcript]], fmt: str, by: str = "speaker", *, overall: bool = False
) -> str:
    """`transcriptkit stats --format json|csv`: JSON (an object for one document, an array
    for several) or a CSV row per document and speaker (`by="role"`: per role). With
    `overall`, the measures of all documents together instead (one object; CSV `doc` empty)."""
    if fmt not in ("json", "csv") or by not in ("speaker", "role"):
        raise ValueError(f"stats as {fmt!r} by {by!r}: choose json or csv, speaker or role")
    per_doc, together = measure_many(docs)
    if overall:
        per_doc = [together]
    if fmt == "csv":
        return stats_csv(per_doc, "role" if by == "role" else "speaker")
    data = [s.model_dump(mode="json") for s in per_doc]
    return json.dumps(data[0] if len(data) == 1 else data, indent=2, ensure_ascii=False) + "\n"


def stats_renderables(docs: Sequence[tuple[str, Transcript]]) -> list[RenderableType]:
    """`transcriptkit stats`: each document's tables, then all documents' together."""
    per_doc, overall = measure_many(docs)
    out: list[RenderableType] = []
    for s, (name, t) in zip(per_doc, docs, strict=True):
        out += [StatsView(s, title=f"{name}  {t.metadata.title}" if t.metadata.title else name), ""]
    if len(per_doc) > 1:
        out.append(StatsView(overall, title=f"All {len(per_doc)} documents"))
    return out
