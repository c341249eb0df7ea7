"""The choices a user has over an export, in one place so every format and the CLI agree."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Options:
    """Each format reads the options that make sense for it and ignores the others."""

    doc: str = ""  # jsonl, csv: the document name in every row (a file name, say)
    indent: int | None = 2  # json: spaces per level; None for one line
    labels: bool = False  # text, markdown: labels as printed instead of canonical names
    cues: bool = True  # text, markdown: the standalone cues between turns
    notes: bool = False  # text, markdown: inline notes such as `(LAUGHTER)` at their offsets
    header: bool = True  # csv: the header row
    # srt, vtt: how speakers are written: "voice" (`<v Name>` on every cue, vtt's default)
    # or "prefix" (`NAME:` on a turn's first cue, srt's default); "" for the default.
    caption_speakers: str = ""
    line_chars: int = 42  # srt, vtt: most characters on a caption line (broadcast norm)
    cue_seconds: float = 7.0  # srt, vtt: longest caption cut from an uncaptioned turn


DEFAULT = Options()
