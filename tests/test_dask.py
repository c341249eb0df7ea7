"""transcriptkit.dask on a real `distributed.LocalCluster` (two worker processes): the same
turns as `parse_many`, Parquet through `to_parquet`, failures as rows or as errors."""

from __future__ import annotations

import json
import os
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")
pd = pytest.importorskip("pandas")

import transcriptkit  # noqa: E402
import transcriptkit.dask as tkd  # noqa: E402
from transcriptkit import tables  # noqa: E402
from transcriptkit.errors import TranscriptError  # noqa: E402

FIXTURES = Path(__file__).resolve().parent / "fixtures"
GOOD = ["modern_basic.txt", "legacy_basic.txt", "crlf.txt", "program_podcast.txt", "damage.txt"]
# The stable turn columns (issue 14), compared value for value.
STABLE = list(tables.STABLE_COLUMNS)


@pytest.fixture(scope="module")
def client() -> Iterator[object]:
    """Two worker processes, one thread each: tasks really cross process boundaries."""
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        yield client


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    (root / "inner").mkdir(parents=True)
    for i, name in enumerate(GOOD):
        folder = root / "inner" if i % 2 else root
        (folder / name).write_bytes((FIXTURES / name).read_bytes())
    with zipfile.ZipFile(root / "more.zip", "w") as zf:
        zf.write(FIXTURES / GOOD[0], "zipped/a.txt")
    return root


def _expected_rows(sources: list[object]) -> list[dict[str, object]]:
    """What parse_many and the tables give for the same sources, one process."""
    rows = []
    for r in transcriptkit.parse_many(sources, workers=1):  # type: ignore[arg-type]
        doc = tables.Document(r.doc_id, r.source, r.transcript, str(r.error) if r.error else None)
        rows += tables.document_rows(doc)
    return rows


def _comparable(row: dict[str, object]) -> tuple[object, ...]:
    values = []
    for name in STABLE:
        value = row[name]
        if name in tables.LIST_COLUMNS and isinstance(value, str):
            value = json.loads(value)
        if value is None or (not isinstance(value, list) and pd.isna(value)):
            value = None
        elif hasattr(value, "isoformat"):
            value = value.isoformat()[:10]
        elif name in ("turn", "n_words", "line", "span_start", "span_end"):
            value = int(value)  # type: ignore[call-overload]
        values.append(value)
    return tuple(values)


def test_the_cluster_has_two_worker_processes(client: distributed.Client) -> None:
    pids = client.run(os.getpid)
    assert len(pids) == 2 and os.getpid() not in pids.values()


def test_turns_dataframe_gives_the_turns_of_parse_many(
    client: distributed.Client, corpus: Path
) -> None:
    df = tkd.turns_dataframe(corpus, partition_size=2)
    assert df.npartitions == 3
    assert list(df.columns)[: len(STABLE)] == STABLE
    got = df.compute().to_dict("records")
    expected = _expected_rows([corpus])
    assert sorted(map(_comparable, got)) == sorted(map(_comparable, expected))
    assert {r["source"] for r in got} >= {f"{corpus / 'more.zip'}!zipped/a.txt"}


def test_to_parquet_writes_a_folder_pandas_reads_back(
    client: distributed.Client, corpus: Path, tmp_path: Path
) -> None:
    out = tmp_path / "turns"
    tkd.turns_dataframe(corpus, partition_size=2).to_parquet(out, write_index=False)
    back = pd.read_parquet(out).to_dict("records")
    assert sorted(map(_comparable, back)) == sorted(map(_comparable, _expected_rows([corpus])))


def test_failures_are_rows_with_their_error(client: distributed.Client, corpus: Path) -> None:
    (corpus / "empty.txt").write_bytes(b"")
    df = tkd.turns_dataframe(corpus).compute()
    failed = df[df["error"].notna()]
    assert list(failed["source"]) == [str(corpus / "empty.txt")]
    assert "is empty" in failed["error"].iloc[0]


def test_read_is_a_bag_of_the_same_transcripts(client: distributed.Client, corpus: Path) -> None:
    pattern = str(corpus / "**" / "*.txt")
    bag = tkd.read(pattern, partition_size=2)
    got = bag.compute()
    expected = [r.transcript for r in transcriptkit.parse_many(sorted(_txt(corpus)), workers=1)]
    assert got == expected


def _txt(root: Path) -> list[str]:
    return [str(p) for p in root.rglob("*.txt")]


def test_read_raises_the_first_error_or_gives_results(
    client: distributed.Client, corpus: Path
) -> None:
    (corpus / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(TranscriptError, match=r"image\.txt"):
        tkd.read(corpus).compute()
    results = tkd.results(corpus).compute()
    bad = [r for r in results if not r.ok]
    assert [os.path.basename(r.source) for r in bad] == ["image.txt"]
    assert len(results) == len(GOOD) + 2  # the zip member too
