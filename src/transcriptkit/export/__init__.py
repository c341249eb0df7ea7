"""Exporters: pure functions from a `Transcript` to the text of one format.

`FORMATS` maps a format's name to its function; every function takes the transcript and
an `Options`, and reads only the options that apply to it.

`WRITERS` holds the formats that write a file or a folder rather than text (Parquet, a
ConvoKit corpus): each takes every (name, transcript) document at once, the target path and
the options.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Final

from ..models import Transcript
from .convokit import write_convokit
from .csv import to_csv
from .json import schema, to_json, to_json_array
from .jsonl import to_jsonl
from .markdown import to_markdown
from .options import DEFAULT, Options
from .parquet import parquet_writer
from .speech import to_speech
from .subtitles import to_srt, to_vtt
from .text import to_text
from .timed import TIMED_FORMATS, to_eaf, to_rttm, to_textgrid, untimed_note

Exporter = Callable[[Transcript, Options], str]
Writer = Callable[[Sequence[tuple[str, Transcript]], Path, Options], None]

FORMATS: Final[dict[str, Exporter]] = {
    "json": to_json,
    "jsonl": to_jsonl,
    "text": to_text,
    "speech": to_speech,
    "markdown": to_markdown,
    "csv": to_csv,
    "rttm": to_rttm,
    "textgrid": to_textgrid,
    "eaf": to_eaf,
    "srt": to_srt,
    "vtt": to_vtt,
}

WRITERS: Final[dict[str, Writer]] = {
    "parquet": parquet_writer,
    "convokit": write_convokit,
}

# Formats whose output is rows: several documents' rows run on without a gap.
_ROWS = frozenset({"jsonl", "csv", "rttm"})


def export(transcript: Transcript, fmt: str = "json", options: Options = DEFAULT) -> str:
    """`transcript` in format `fmt` (a key of `FORMATS`; KeyError for any other)."""
    return FORMATS[fmt](transcript, options)


def export_many(
    docs: Sequence[tuple[str, Transcript]], fmt: str, options: Options = DEFAULT
) -> str:
    """Several (name, transcript) documents as one output: JSON as an array (one document
    stays an object), rows under one CSV header, other formats a blank line apart."""
    if fmt == "json" and len(docs) != 1:
        return to_json_array([t for _, t in docs], options)
    outputs = [
        FORMATS[fmt](t, replace(options, doc=name, header=options.header and i == 0))
        for i, (name, t) in enumerate(docs)
    ]
    return ("" if fmt in _ROWS else "\n").join(outputs)


__all__ = [
    "FORMATS",
    "TIMED_FORMATS",
    "WRITERS",
    "Exporter",
    "Options",
    "Writer",
    "export",
    "export_many",
    "schema",
    "to_csv",
    "to_eaf",
    "to_json",
    "to_json_array",
    "to_jsonl",
    "to_markdown",
    "to_rttm",
    "to_speech",
    "to_srt",
    "to_text",
    "to_textgrid",
    "to_vtt",
    "untimed_note",
    "write_convokit",
]
