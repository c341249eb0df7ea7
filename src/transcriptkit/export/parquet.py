"""Parquet: the turns table of every document in one file (needs the `parquet` extra)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ..models import Transcript
from ..tables import write_parquet
from .options import DEFAULT, Options


def parquet_writer(
    docs: Sequence[tuple[str, Transcript]], path: Path, options: Options = DEFAULT
) -> None:
    """`export.WRITERS["parquet"]`: the rows of `docs` at `path`; `options.notes` puts
    inline notes back into `text` as it does for CSV."""
    write_parquet(docs, path, notes_inline=options.notes)
