"""A corpus on a cluster, through Dask: a bag of transcripts, a DataFrame of turns.

    from distributed import Client
    import transcriptkit.dask

    client = Client("scheduler:8786")                       # or LocalCluster()
    turns = transcriptkit.dask.turns_dataframe("corpus/**/*.txt")
    turns.to_parquet("turns/")                               # one file per partition
    talk = turns.groupby("role").n_words.sum().compute()

Dask schedules; transcriptkit only says what a partition is: a list of documents, described
as `parse_many` describes them (a path, a zip member, or data), expanded here in the client.
Workers read the files themselves, so they need the paths (a shared file system); the
members of a tar archive can only be read in order, so the client reads them and ships
their bytes (convert a huge tar to zip, or unpack it, for a real cluster).

The rows are `tables.document_rows`, the same as `parse_many` + `turns_frame` give, with the
same `doc_id`s. Needs the `dask` extra: `pip install 'transcriptkit[dask]'`.
"""

from __future__ import annotations

import glob as globbing
import json
import os
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, Final, Literal, cast

from . import tables
from .batch import MAX_BYTES, BatchResult, Source, _check_options, _Job, _jobs, _parse_job
from .models import Transcript

if TYPE_CHECKING:
    import dask.bag
    import dask.dataframe
    import pandas as pd

__all__ = ["DOCS_PER_PARTITION", "read", "results", "turns_dataframe"]

# Documents per partition: a partition is one task, so it should take long enough
# (about a second at a few hundred documents of broadcast length) that the scheduler's
# per-task cost disappears, and be small enough that every worker gets many.
DOCS_PER_PARTITION: Final = 200

_Item = _Job | BatchResult


def read(
    paths_or_glob: str | os.PathLike[str] | Iterable[Source],
    *,
    glob: str | None = None,
    max_bytes: int = MAX_BYTES,
    partition_size: int = DOCS_PER_PARTITION,
    errors: Literal["raise", "results"] = "raise",
    **parse_options: Any,
) -> dask.bag.Bag:
    """A Dask bag of the `Transcript`s of every document (sources as `parse_many` takes
    them, or a glob pattern such as `corpus/**/*.txt`).

    With `errors="raise"` computing the bag raises the first document's `TranscriptError`
    (naming its source); `errors="results"` gives `BatchResult`s instead, failures included.
    """
    import dask.bag as db

    if errors not in ("raise", "results"):
        raise ValueError(f"errors must be 'raise' or 'results', not {errors!r}")
    options = _check_options(parse_options)
    items = _items(paths_or_glob, glob, max_bytes)
    bag: Any = db.from_sequence(items, partition_size=max(1, partition_size))  # type: ignore[no-untyped-call]
    work = _result if errors == "results" else _transcript
    return cast("dask.bag.Bag", bag.map(work, options=options, limit=max_bytes))


def results(
    paths_or_glob: str | os.PathLike[str] | Iterable[Source], **kwargs: Any
) -> dask.bag.Bag:
    """`read(..., errors="results")`: a bag of `BatchResult`s, one per document."""
    return read(paths_or_glob, errors="results", **kwargs)


def turns_dataframe(
    paths_or_glob: str | os.PathLike[str] | Iterable[Source],
    *,
    glob: str | None = None,
    max_bytes: int = MAX_BYTES,
    partition_size: int = DOCS_PER_PARTITION,
    **parse_options: Any,
) -> dask.dataframe.DataFrame:
    """A Dask DataFrame of turns, one row per turn with the columns of `tables.COLUMNS`
    (Arrow-backed, the types of `tables.arrow_schema()`; `notes` and `cues` as JSON arrays
    in text, see `_arrow_frame`); `.to_parquet(folder)` writes it. A document that failed
    is one row with its `error`, so none vanishes."""
    import dask.dataframe as dd

    options = _check_options(parse_options)
    items = _items(paths_or_glob, glob, max_bytes)
    size = max(1, partition_size)
    chunks = [items[i : i + size] for i in range(0, len(items), size)] or [[]]
    frame: Any = dd.from_map(  # type: ignore[no-untyped-call]
        _frame,
        chunks,
        options=options,
        limit=max_bytes,
        meta=_arrow_frame([]),
        enforce_metadata=False,
    )
    return cast("dask.dataframe.DataFrame", frame)


# ---- in the client ------------------------------------------------------------------


def _items(
    paths_or_glob: str | os.PathLike[str] | Iterable[Source], glob: str | None, limit: int
) -> list[_Item]:
    """Every document as a job (or a failed result), expanded once here so the graph's
    partitions are known before anything runs."""
    return list(_jobs(_globbed(_sources(paths_or_glob)), glob=glob, limit=limit))


def _sources(paths_or_glob: str | os.PathLike[str] | Iterable[Source]) -> Iterable[Source]:
    if isinstance(paths_or_glob, str | os.PathLike):
        return [paths_or_glob]
    return paths_or_glob


def _globbed(sources: Iterable[Source]) -> Iterable[Source]:
    """A str holding `*`, `?` or `[` that names no file is a pattern (`**` crosses
    folders); it stands for the files it matches, in name order (folders it matches are
    not walked: `corpus/**/*.txt` would otherwise give a file once per folder above it)."""
    for source in sources:
        if (
            isinstance(source, str)
            and any(c in source for c in "*?[")
            and not os.path.exists(source)
        ):
            matches = sorted(globbing.glob(source, recursive=True))
            yield from (m for m in matches if not os.path.isdir(m))
        else:
            yield source


# ---- in the workers -----------------------------------------------------------------


def _result(item: _Item, options: dict[str, Any], limit: int) -> BatchResult:
    return item if isinstance(item, BatchResult) else _parse_job(item, options, limit)


def _transcript(item: _Item, options: dict[str, Any], limit: int) -> Transcript:
    result = _result(item, options, limit)
    if result.error is not None:
        raise result.error
    assert result.transcript is not None
    return result.transcript


def _frame(chunk: Sequence[_Item], options: dict[str, Any], limit: int) -> pd.DataFrame:
    return _arrow_frame(
        [row for item in chunk for row in tables.document_rows(_document(item, options, limit))]
    )


def _arrow_frame(rows: list[tables.Row]) -> pd.DataFrame:
    """Rows as a pandas DataFrame of Arrow-backed columns (`pd.ArrowDtype`), the types of
    `tables.arrow_schema()` except that the list columns (`notes`, `cues`) hold JSON arrays
    as text, as the CSV export does.

    Why: numpy-backed dtypes differ between partitions (a column all None in one is
    `object`, in another `str`); Arrow types are the same in every partition and in the
    Parquet files. And pandas (3.1, with pyarrow 26) cannot read a `list<string>` column
    back from the pandas metadata that Dask's `to_parquet` stores, so `pd.read_parquet`
    of the folder would fail; text columns read back anywhere."""
    import pandas as pd

    for row in rows:
        for name in tables.LIST_COLUMNS:
            row[name] = json.dumps(row[name], ensure_ascii=False)
    return _arrow_table(rows).to_pandas(types_mapper=pd.ArrowDtype)


def _arrow_table(rows: list[tables.Row]) -> Any:
    import pyarrow as pa

    schema = tables.arrow_schema()
    for name in tables.LIST_COLUMNS:
        at = schema.get_field_index(name)
        schema = schema.set(at, pa.field(name, pa.string()))
    return pa.Table.from_pylist(rows, schema=schema)


def _document(item: _Item, options: dict[str, Any], limit: int) -> tables.Document:
    r = _result(item, options, limit)
    return tables.Document(r.doc_id, r.source, r.transcript, str(r.error) if r.error else None)
