"""Batches: `parse_many` and `transcriptkit batch` over folders, archives and pairs; bad
documents as results; resume; output whole after an interruption."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import signal
import subprocess
import sys
import tarfile
import time
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

import transcriptkit
from transcriptkit import batch, cli_batch
from transcriptkit.batch import BatchResult, EmptyInputError, TooLargeError, parse_many
from transcriptkit.cli import app
from transcriptkit.errors import DecodeError, InputError

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
GOOD = ["modern_basic.txt", "legacy_basic.txt", "crlf.txt", "program_podcast.txt"]
# The turn columns of the analysis issue (14), in order; more may follow, never fewer.
TURN_COLUMNS = [
    "doc_id",
    "source",
    "title",
    "date",
    "program",
    "turn",
    "speaker_id",
    "speaker",
    "role",
    "label",
    "start",
    "end",
    "text",
    "n_words",
    "line",
    "span_start",
    "span_end",
    "notes",
]
runner = CliRunner()


def _id(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()[:16]


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A folder as corpora arrive: good files, a corrupt, an empty and a binary one, a
    folder inside (named like a file, so a glob matches it), and a hidden file."""
    root = tmp_path / "corpus"
    (root / "more.txt").mkdir(parents=True)
    for name in GOOD[:3]:
        (root / name).write_bytes((FIXTURES / name).read_bytes())
    (root / "more.txt" / GOOD[3]).write_bytes((FIXTURES / GOOD[3]).read_bytes())
    # Damaged text: mostly UTF-8, then bytes no encoding of text puts there (repaired, with
    # diagnostics, unless strict).
    (root / "damaged.txt").write_bytes("HOST: café, naïve — fine.\n".encode() + b"\xff\xfe\n")
    # A corrupt file: an archive cut off after its first bytes (a download that stopped).
    with zipfile.ZipFile(tmp_path / "whole.zip", "w") as zf:
        zf.writestr("x.txt", "HOST: hello.")
    (root / "corrupt.zip").write_bytes((tmp_path / "whole.zip").read_bytes()[:30])
    (root / "empty.txt").write_bytes(b"")
    (root / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x10")
    (root / ".DS_Store").write_bytes(b"\x00\x01")
    return root


GOOD_SOURCES = {
    "modern_basic.txt",
    "legacy_basic.txt",
    "crlf.txt",
    "more.txt/program_podcast.txt",
    "damaged.txt",
}
BAD = {
    "corrupt.zip": (InputError, "cannot be read as a zip archive"),
    "empty.txt": (EmptyInputError, "is empty"),
    "image.txt": (InputError, "PNG image, not text"),
}


def _rel(results: list[BatchResult], root: Path) -> dict[str, BatchResult]:
    return {os.path.relpath(r.source, root).replace(os.sep, "/"): r for r in results}


# ---- parse_many ------------------------------------------------------------------------


def test_parse_many_folder_gives_every_document_and_every_failure(corpus: Path) -> None:
    results = _rel(list(parse_many([corpus], workers=1)), corpus)
    assert set(results) == GOOD_SOURCES | set(BAD)
    for name in GOOD_SOURCES:
        r = results[name]
        assert r.error is None and r.transcript is not None
        expected = transcriptkit.parse_file(corpus / name)
        assert r.transcript.turns == expected.turns
    for name, (kind, fragment) in BAD.items():
        r = results[name]
        assert r.transcript is None and isinstance(r.error, kind)
        assert fragment in str(r.error) and name in str(r.error)


def test_doc_ids_are_stable_and_do_not_depend_on_how_the_folder_is_named(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    by_abs = {r.doc_id for r in parse_many([corpus.resolve()], workers=1)}
    monkeypatch.chdir(corpus.parent)
    by_rel = list(parse_many(["./corpus/"], workers=2))
    assert {r.doc_id for r in by_rel} == by_abs
    ids = {os.path.relpath(r.source, "corpus"): r.doc_id for r in by_rel}
    assert ids["crlf.txt"] == _id("corpus/crlf.txt")
    assert ids[os.path.join("more.txt", "program_podcast.txt")] == _id(
        "corpus/more.txt/program_podcast.txt"
    )


def test_glob_keeps_matching_files_and_walks_matching_folders(corpus: Path) -> None:
    results = _rel(list(parse_many([corpus], glob="*basic*", workers=1)), corpus)
    # Archives inside are opened whatever their name (the glob picks their members): the
    # cut-off one is there as a failure.
    assert set(results) == {"modern_basic.txt", "legacy_basic.txt", "corrupt.zip"}
    results = _rel(list(parse_many([corpus], glob="*.txt", workers=1)), corpus)
    assert "more.txt/program_podcast.txt" in results


def test_zip_and_tar_gz_members_are_read_without_extracting(corpus: Path, tmp_path: Path) -> None:
    zpath, tpath = tmp_path / "c.zip", tmp_path / "c.tar.gz"
    with zipfile.ZipFile(zpath, "w") as zf, tarfile.open(tpath, "w:gz") as tf:
        for name in [*GOOD_SOURCES, *BAD.keys() - {"corrupt.zip"}]:
            zf.write(corpus / name, name)
            tf.add(corpus / name, f"./{name}")
    before = set(tmp_path.iterdir())
    folder = _rel(list(parse_many([corpus], workers=1)), corpus)
    for archive in (zpath, tpath):
        results = list(parse_many([archive], workers=2))
        got = {r.source.split("!", 1)[1]: r for r in results}
        assert set(got) == set(folder) - {"corrupt.zip"}
        for name, r in got.items():
            assert r.source == f"{archive}!{name}"
            assert r.doc_id == _id(f"{archive.name}!{name}")
            if folder[name].transcript is None:
                assert type(r.error) is type(folder[name].error)
            else:
                assert r.transcript is not None
                assert r.transcript.turns == folder[name].transcript.turns  # type: ignore[union-attr]
    assert set(tmp_path.iterdir()) == before  # nothing extracted


def test_a_damaged_archive_is_one_failed_result(tmp_path: Path) -> None:
    good = tmp_path / "good.zip"
    with zipfile.ZipFile(good, "w") as zf:
        zf.writestr("a.txt", (FIXTURES / GOOD[0]).read_text())
    cut = tmp_path / "cut.zip"
    cut.write_bytes(good.read_bytes()[:40])
    [result] = parse_many([cut], workers=1)
    assert isinstance(result.error, InputError) and "zip archive" in str(result.error)


def test_name_text_pairs_and_bytes_pairs() -> None:
    text = (FIXTURES / GOOD[0]).read_text()
    pairs = [("one", text), ("two", text.encode("utf-16")), ("three", "   \n")]
    one, two, three = parse_many(pairs, workers=1)
    assert (one.source, one.doc_id) == ("one", _id("one"))
    assert one.transcript == transcriptkit.parse(text)
    assert two.transcript is not None and two.transcript.turns == one.transcript.turns
    assert two.transcript.metadata.encoding == "utf-16-le"
    assert isinstance(three.error, EmptyInputError)


def test_ordered_and_unordered_give_the_same_results(corpus: Path) -> None:
    serial = [(r.source, r.doc_id, r.transcript) for r in parse_many([corpus], workers=1)]
    ordered = [(r.source, r.doc_id, r.transcript) for r in parse_many([corpus], workers=2)]
    assert ordered == serial
    unordered = parse_many([corpus], workers=2, ordered=False)
    assert sorted((r.source, r.doc_id) for r in unordered) == sorted(s[:2] for s in serial)


def test_max_bytes_refuses_large_documents_before_parsing(corpus: Path) -> None:
    size = (corpus / "crlf.txt").stat().st_size
    results = _rel(list(parse_many([corpus], max_bytes=size - 1, workers=1)), corpus)
    assert isinstance(results["crlf.txt"].error, TooLargeError)
    assert "over the limit" in str(results["crlf.txt"].error)
    [pair] = parse_many([("big", "x" * 100)], max_bytes=10, workers=1)
    assert isinstance(pair.error, TooLargeError)


def test_missing_files_and_bad_sources_are_results_not_exceptions(tmp_path: Path) -> None:
    missing, number = parse_many([tmp_path / "nope.txt", 42], workers=1)  # type: ignore[list-item]
    assert "no such file" in str(missing.error)
    assert isinstance(number.error, InputError)


def test_a_misspelt_option_raises_at_once() -> None:
    with pytest.raises(TypeError, match="stlye"):
        parse_many([("a", "text")], stlye="npr")


def test_unexpected_exceptions_become_results(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(text: str, **_: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(batch, "parse", broken)
    [result] = parse_many([("a", "HOST: hi.")], workers=1)
    assert isinstance(result.error, batch.InternalError) and "boom" in str(result.error)


# ---- the batch command -------------------------------------------------------------


def _batch(*args: object) -> tuple[int, str]:
    result = runner.invoke(app, ["batch", *map(str, args)])
    return result.exit_code, result.stderr


def test_batch_writes_every_good_document_and_lists_every_bad_one(
    corpus: Path, tmp_path: Path
) -> None:
    out, errors = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    code, stderr = _batch(corpus, "-o", out, "--errors", errors, "--workers", "2")
    assert code == 1
    docs = [json.loads(line) for line in out.read_text().splitlines()]
    assert {os.path.relpath(d["source"], corpus) for d in docs} == {
        s.replace("/", os.sep) for s in GOOD_SOURCES
    }
    for d in docs:
        assert transcriptkit.Transcript.model_validate(
            {k: v for k, v in d.items() if k not in ("doc_id", "source")}
        ).turns
    listed = {os.path.relpath(e["source"], corpus): e for e in map(json.loads, errors.open())}
    assert set(listed) == set(BAD)
    for name, (kind, fragment) in BAD.items():
        assert fragment in listed[name]["message"]
        named = listed[name]["error"]
        assert issubclass(getattr(transcriptkit.errors, named, None) or getattr(batch, named), kind)
    assert "5 of 8 documents parsed; 3 failed" in stderr
    assert "1 repaired or with warnings" in stderr


def test_strict_counts_damaged_text_as_a_failure(corpus: Path, tmp_path: Path) -> None:
    results = _rel(list(parse_many([corpus], workers=1, strict=True)), corpus)
    assert isinstance(results["damaged.txt"].error, DecodeError)
    assert "not valid UTF-8" in str(results["damaged.txt"].error)
    errors = tmp_path / "errors.jsonl"
    code, _ = _batch(corpus, "-o", tmp_path / "o.jsonl", "--errors", errors, "--strict")
    assert code == 1
    listed = {os.path.basename(json.loads(line)["source"]) for line in errors.open()}
    assert listed == {*BAD, "damaged.txt"}


def test_an_unknown_style_is_a_usage_error(tmp_path: Path) -> None:
    code, stderr = _batch(FIXTURES / GOOD[0], "-o", tmp_path / "o.jsonl", "--style", "nope")
    assert code == 2 and "unknown style" in stderr
    with pytest.raises(KeyError, match="unknown style"):
        parse_many([("a", "HOST: hi.")], style="nope")


def test_batch_exits_zero_only_when_everything_parsed(tmp_path: Path) -> None:
    folder = tmp_path / "good"
    folder.mkdir()
    for name in GOOD:
        (folder / name).write_bytes((FIXTURES / name).read_bytes())
    code, stderr = _batch(folder, "-o", tmp_path / "out.jsonl", "--workers", "1")
    assert code == 0, stderr
    code, stderr = _batch(tmp_path / "empty-dir-missing", "-o", tmp_path / "x.jsonl")
    assert code == 1 and "no such file" in stderr


@pytest.mark.parametrize("suffix", [".parquet", ".csv"])
def test_batch_turn_tables(corpus: Path, tmp_path: Path, suffix: str) -> None:
    out = tmp_path / f"turns{suffix}"
    code, _ = _batch(corpus, "-o", out, "--workers", "1")
    assert code == 1
    rows = _table(out)
    assert list(rows[0])[: len(TURN_COLUMNS)] == TURN_COLUMNS
    expected = [
        (os.path.join(str(corpus), name.replace("/", os.sep)), t.index, t.text)
        for name in sorted(GOOD_SOURCES)
        for t in transcriptkit.parse_file(corpus / name).turns
    ]
    got = sorted((r["source"], int(r["turn"]), r["text"]) for r in rows)
    assert got == sorted(expected)


def _table(path: Path) -> list[dict[str, object]]:
    if path.suffix == ".csv":
        with path.open(newline="", encoding="utf-8") as f:
            return list(csv.DictReader(f))
    import pyarrow.parquet as pq

    return pq.read_table(path).to_pylist()  # type: ignore[no-any-return]


def test_format_from_the_extension_or_a_usage_error(tmp_path: Path) -> None:
    code, stderr = _batch(FIXTURES / GOOD[0], "-o", tmp_path / "out.xml")
    assert code == 2 and "cannot tell the format" in stderr
    code, _ = _batch(FIXTURES / GOOD[0], "-o", tmp_path / "out.txt", "--format", "jsonl")
    assert code == 0


@pytest.mark.parametrize("suffix", [".jsonl", ".parquet", ".csv"])
def test_resume_skips_what_is_there_and_adds_the_rest(tmp_path: Path, suffix: str) -> None:
    folder = tmp_path / "c"
    folder.mkdir()
    for name in GOOD[:2]:
        (folder / name).write_bytes((FIXTURES / name).read_bytes())
    out = tmp_path / f"out{suffix}"
    assert _batch(folder, "-o", out, "--workers", "1")[0] == 0
    for name in GOOD[2:]:
        (folder / name).write_bytes((FIXTURES / name).read_bytes())
    code, stderr = _batch(folder, "-o", out, "--workers", "1", "--resume")
    assert code == 0 and "2 already in" in stderr and "2 of 2 documents parsed" in stderr
    sources = [os.path.basename(str(s)) for s in _sources(out)]
    assert sorted(set(sources)) == sorted(GOOD)
    if suffix == ".jsonl":
        assert len(sources) == len(GOOD)  # one line each, none twice


def _sources(path: Path) -> list[object]:
    if path.suffix == ".jsonl":
        return [json.loads(line)["source"] for line in path.read_text().splitlines()]
    return [r["source"] for r in _table(path)]


def test_resume_drops_a_line_cut_off_by_a_hard_kill(tmp_path: Path) -> None:
    folder = tmp_path / "c"
    folder.mkdir()
    for name in GOOD:
        (folder / name).write_bytes((FIXTURES / name).read_bytes())
    out = tmp_path / "out.jsonl"
    assert _batch(folder, "-o", out, "--workers", "1")[0] == 0
    lines = out.read_text().splitlines(keepends=True)
    out.write_text("".join(lines[:2]) + lines[2][:50])  # the third line cut off
    assert _batch(folder, "-o", out, "--workers", "1", "--resume")[0] == 0
    assert sorted(os.path.basename(str(s)) for s in _sources(out)) == sorted(GOOD)


@pytest.mark.parametrize("suffix", [".jsonl", ".parquet", ".csv"])
def test_an_interrupted_run_leaves_whole_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, suffix: str
) -> None:
    """Ctrl-C after the third document: what was written is whole, and --resume finishes."""
    folder = tmp_path / "c"
    folder.mkdir()
    for i in range(6):
        (folder / f"{i}.txt").write_bytes((FIXTURES / GOOD[i % 4]).read_bytes())
    render, calls = cli_batch._render, []

    def interrupting(result: BatchResult, fmt: str) -> object:
        calls.append(result.source)
        if len(calls) == 4:
            raise KeyboardInterrupt
        return render(result, fmt)

    monkeypatch.setattr(cli_batch, "_render", interrupting)
    out = tmp_path / f"out{suffix}"
    code, stderr = _batch(folder, "-o", out, "--workers", "1")
    assert code == 130 and "interrupted" in stderr
    assert sorted(set(map(str, _sources(out)))) == sorted(calls[:3])
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    monkeypatch.setattr(cli_batch, "_render", render)
    assert _batch(folder, "-o", out, "--workers", "1", "--resume")[0] == 0
    assert len(set(_sources(out))) == 6


def test_sigterm_mid_run_leaves_whole_jsonl(tmp_path: Path) -> None:
    """A real process, stopped with SIGTERM while its workers are busy."""
    folder = tmp_path / "c"
    folder.mkdir()
    text = (FIXTURES / GOOD[0]).read_bytes()
    for i in range(3000):
        (folder / f"{i:04}.txt").write_bytes(text)
    out = tmp_path / "out.jsonl"
    proc = subprocess.Popen(
        [sys.executable, "-m", "transcriptkit", "batch", str(folder), "-o", str(out)],
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 60
    while (not out.exists() or out.stat().st_size < 10_000) and time.monotonic() < deadline:
        time.sleep(0.05)
    proc.send_signal(signal.SIGTERM)
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 130, stderr
    lines = out.read_bytes().split(b"\n")
    assert lines[-1] == b""  # ends with a whole line
    docs = [json.loads(line) for line in lines[:-1]]
    assert 0 < len(docs) < 3000
    assert all(d["turns"] for d in docs)
    assert "interrupted" in stderr and "Traceback" not in stderr


def test_sigint_mid_run_leaves_a_readable_parquet_file_of_whole_documents(
    tmp_path: Path,
) -> None:
    """Ctrl-C for a real process writing Parquet: the file is closed (footer written) and
    holds every row of each document it has, none cut."""
    import pyarrow.parquet as pq

    folder = tmp_path / "c"
    folder.mkdir()
    text = (FIXTURES / GOOD[0]).read_bytes()
    for i in range(3000):
        (folder / f"{i:04}.txt").write_bytes(text)
    (folder / "0001.txt").write_bytes(b"")  # its error line says the first document is done
    out, errors = tmp_path / "out.parquet", tmp_path / "errors.jsonl"
    cmd = [sys.executable, "-m", "transcriptkit", "batch", str(folder), "-o", str(out)]
    proc = subprocess.Popen(
        [*cmd, "--workers", "1", "--errors", str(errors)],
        stderr=subprocess.PIPE,
        text=True,
        # A shell running this in the background may have left SIGINT ignored.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    deadline = time.monotonic() + 60
    while (not errors.exists() or not errors.stat().st_size) and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.5)  # a few more documents parsed and buffered
    proc.send_signal(signal.SIGINT)
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 130, stderr
    turns = len(transcriptkit.parse_file(FIXTURES / GOOD[0]).turns)
    per_doc = pq.read_table(out).group_by("source").aggregate([("turn", "count")]).to_pylist()
    assert 0 < len(per_doc) < 2999
    assert {row["turn_count"] for row in per_doc} == {turns}
    assert not list(tmp_path.glob("*.tmp")) and "Traceback" not in stderr


def test_errors_go_to_stderr_without_an_errors_file(corpus: Path, tmp_path: Path) -> None:
    code, stderr = _batch(corpus, "-o", tmp_path / "o.jsonl", "--workers", "1")
    assert code == 1
    failures = [ln for ln in stderr.splitlines() if ln.startswith("transcriptkit: error: ")]
    assert len(failures) == 3 and all("Traceback" not in ln for ln in failures)
    assert not any("damaged.txt" in ln for ln in failures)
    assert not io.StringIO(stderr).read().count("\x1b[")  # no progress bar when piped


class _KillsTheWorker(bytes):
    """Text that, unpickled in a worker process, ends that process at once — as the
    kernel's out-of-memory killer or a crash in native code would."""

    def __reduce__(self) -> tuple[object, tuple[int]]:  # type: ignore[override]
        return (os._exit, (9,))


def test_a_worker_that_dies_fails_its_documents_and_the_batch_goes_on() -> None:
    sources = [("a", _KillsTheWorker(b"HOST: hi.")), ("b", "HOST: yes."), ("c", "HOST: no.")]
    results = list(parse_many(sources, workers=2))  # type: ignore[arg-type]
    assert [r.source for r in results] == ["a", "b", "c"]
    assert isinstance(results[0].error, batch.InternalError)
    assert "worker process died" in str(results[0].error)
    # Documents in flight beside it may fail with it; the batch goes on to the end.
    assert all(r.ok or "worker process died" in str(r.error) for r in results[1:])


def test_chunks_keep_the_order_and_a_failed_source_keeps_its_place() -> None:
    # More documents than the first chunks hold (1, 2, 4, ... documents), sizes that close
    # chunks by bytes too, and a source that fails before parsing in the middle.
    big = "HOST: " + "words of a long turn. " * (batch.CHUNK_BYTES // 40) + "\n"
    sources: list[object] = [
        (f"d{i:03}", big if i % 17 == 0 else f"HOST: number {i}.\n") for i in range(150)
    ]
    sources.insert(75, 12345)  # not a source: a failed result in its place
    results = list(parse_many(sources, workers=2))  # type: ignore[arg-type]
    names = [r.source for r in results]
    assert names[:75] == [f"d{i:03}" for i in range(75)] and names[76:] == [
        f"d{i:03}" for i in range(75, 150)
    ]
    assert results[75].error is not None and all(r.ok for i, r in enumerate(results) if i != 75)
    assert results[3].transcript is not None and results[3].transcript.turns[0].text == "number 3."
    unordered = list(parse_many(sources, workers=2, ordered=False))  # type: ignore[arg-type]
    assert sorted(r.source for r in unordered) == sorted(names)


def test_a_dying_worker_fails_only_what_was_in_flight_with_it_when_parsed_alone() -> None:
    # The chunk the bad document was in is parsed again one document a task: the documents
    # that only shared its chunk come back parsed.
    sources: list[object] = [(f"d{i}", f"HOST: number {i}.") for i in range(40)]
    sources[9] = ("bad", _KillsTheWorker(b"HOST: hi."))
    results = list(parse_many(sources, workers=2))  # type: ignore[arg-type]
    assert [r.source for r in results] == [s[0] for s in sources]  # type: ignore[index]
    assert "worker process died" in str(results[9].error)
    assert [r.source for r in results if not r.ok] == ["bad"]


def test_the_progress_bar_shows_files_speed_and_failures(corpus: Path) -> None:
    from rich.console import Console

    out = io.StringIO()
    console = Console(file=out, force_terminal=True, width=120)
    progress = cli_batch._Progress(console, lambda: (8, 10_000))
    time.sleep(0.2)  # the census thread
    for r in parse_many([corpus], workers=1):
        progress.advance(cli_batch._failed(r))
    progress.stop()
    screen = out.getvalue()
    assert "8/8 files" in screen and "3 failed" in screen and "/s" in screen


def test_one_folder_may_be_given_without_a_list(corpus: Path) -> None:
    assert {r.source for r in parse_many(str(corpus), workers=1)} == {
        r.source for r in parse_many([corpus], workers=1)
    }
