"""`transcriptkit batch`: a whole corpus into one JSONL, Parquet or CSV file.

Documents are parsed in worker processes (`parse_many`) and turned into their output
(a JSON line, CSV rows, an Arrow table) there too, so the parent only writes. One bad
document never stops the run: it is listed (`--errors FILE`, or on stderr) and the exit
code says so. What is written stays whole when the run is interrupted: JSONL is appended a
line at a time, CSV and Parquet go to a temporary file that is closed properly and renamed
over OUT on the way out, whatever stopped the run (Ctrl-C, SIGTERM, an error). `--resume`
skips the sources OUT already holds.
"""

from __future__ import annotations

import contextlib
import csv
import functools
import io
import json
import os
import re
import shutil
import signal
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import IntEnum
from pathlib import Path
from types import FrameType
from typing import IO, Annotated, Any, Final, NoReturn, Protocol

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
    TransferSpeedColumn,
)

from . import tables
from .batch import (
    MAX_BYTES,
    BatchResult,
    _check_options,
    _Job,
    _jobs,
    _parse_job,
    _run,
)
from .errors import TranscriptError


class ExitCode(IntEnum):
    """The codes of `cli.ExitCode`, and the shell's code for an interrupted command."""

    OK = 0
    INPUT = 1  # at least one source failed, or no document was found
    USAGE = 2
    OUTPUT = 3
    INTERNAL = 70
    INTERRUPTED = 130  # as a shell reports a command stopped by Ctrl-C


# Output formats and the file name endings they are inferred from.
SUFFIXES: Final = {".jsonl": "jsonl", ".ndjson": "jsonl", ".parquet": "parquet", ".csv": "csv"}
FORMATS: Final = ("jsonl", "parquet", "csv")

# Failures shown on stderr when there is no --errors file; the rest are counted.
SHOWN_ERRORS: Final = 20


@dataclass(frozen=True, slots=True)
class Done:
    """What a worker hands back for one document: its output, or its error."""

    source: str
    doc_id: str
    size: int
    error: TranscriptError | None
    output: Any = None  # str (jsonl, csv) or a pyarrow.Table (parquet)
    warnings: int = 0  # diagnostics above info: repairs, damage noticed


# ---- work done in the worker processes ------------------------------------------------


def _export_job(job: _Job, options: dict[str, Any], limit: int, fmt: str) -> Done:
    result = _parse_job(job, options, limit)
    if result.transcript is None:
        return _failed(result)
    try:
        output = _render(result, fmt)
    except Exception as exc:  # a bug in an exporter must not stop the run either
        from .batch import InternalError

        error = InternalError(
            f"could not be written as {fmt} ({type(exc).__name__}: {exc})",
            path=result.source,
            cause=repr(exc),
        )
        return Done(result.source, result.doc_id, result.size, error)
    warnings = sum(d.level != "info" for d in result.transcript.diagnostics)
    return Done(result.source, result.doc_id, result.size, None, output, warnings)


def _failed(result: BatchResult) -> Done:
    return Done(result.source, result.doc_id, result.size, result.error)


def _render(result: BatchResult, fmt: str) -> Any:
    transcript = result.transcript
    assert transcript is not None
    if fmt == "jsonl":
        head = json.dumps({"doc_id": result.doc_id, "source": result.source}, ensure_ascii=False)
        body = transcript.model_dump_json()
        return f"{head[:-1]}, {body[1:]}\n" if body != "{}" else f"{head}\n"
    rows = tables.document_rows(tables.Document(result.doc_id, result.source, transcript, None))
    if fmt == "csv":
        # As export/csv.py writes the turns table: list columns as JSON arrays.
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=tables.COLUMNS, lineterminator="\r\n")
        for row in rows:
            for name in tables.LIST_COLUMNS:
                row[name] = json.dumps(row[name], ensure_ascii=False)
            writer.writerow(row)
        return out.getvalue()
    return tables.table(rows)


# ---- writers: the output file, whole at every stop --------------------------------------


class Writer(Protocol):
    def done(self) -> set[str]: ...
    def write(self, item: Done) -> None: ...
    def close(self) -> None: ...


class JsonlWriter:
    """Appends one line per document and flushes it, so a stop loses nothing written; a
    line cut off by a hard kill (power loss, SIGKILL) is dropped on --resume."""

    _PREFIX = re.compile(r'\{"doc_id": "[0-9a-f]*", "source": ("(?:[^"\\]|\\.)*")')

    def __init__(self, path: Path, resume: bool) -> None:
        self.path = path
        self._done: set[str] = set()
        if resume and path.exists():
            self._done = self._scan()
        self._file: IO[str] = open(path, "a" if resume else "w", encoding="utf-8")  # noqa: SIM115

    def _scan(self) -> set[str]:
        done: set[str] = set()
        good = 0
        with open(self.path, "rb") as f:
            for raw in f:
                if not raw.endswith(b"\n"):
                    break  # the tail of an interrupted write: dropped below
                good += len(raw)
                line = raw.decode("utf-8", "replace")
                m = self._PREFIX.match(line)
                if m:
                    done.add(json.loads(m[1]))
                else:
                    with contextlib.suppress(ValueError, AttributeError):
                        done.add(json.loads(line)["source"])
        if good != self.path.stat().st_size:
            os.truncate(self.path, good)
        return done

    def done(self) -> set[str]:
        return self._done

    def write(self, item: Done) -> None:
        self._file.write(item.output)
        self._file.flush()

    def close(self) -> None:
        self._file.close()


class _Replacing:
    """A temporary file beside OUT, renamed over it by `close()`; on --resume it starts as a
    copy of OUT's finished documents."""

    def __init__(self, path: Path) -> None:
        self.path = path
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        os.close(fd)
        self.tmp = Path(tmp)

    def replace(self) -> None:
        os.chmod(self.tmp, 0o666 & ~_umask())
        os.replace(self.tmp, self.path)

    def discard(self) -> None:
        with contextlib.suppress(OSError):
            self.tmp.unlink()


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


class CsvWriter(_Replacing):
    def __init__(self, path: Path, resume: bool) -> None:
        super().__init__(path)
        self._done: set[str] = set()
        self._file: IO[str] = open(self.tmp, "w", encoding="utf-8", newline="")  # noqa: SIM115
        if resume and path.exists() and path.stat().st_size:
            with open(path, encoding="utf-8", newline="") as old:
                self._done = {row["source"] for row in csv.DictReader(old)}
                old.seek(0)
                shutil.copyfileobj(old, self._file)
        else:
            csv.writer(self._file, lineterminator="\r\n").writerow(tables.COLUMNS)

    def done(self) -> set[str]:
        return self._done

    def write(self, item: Done) -> None:
        self._file.write(item.output)

    def close(self) -> None:
        self._file.close()
        self.replace()


class ParquetWriter(_Replacing):
    """Row groups of about tables.ROW_GROUP rows; the file's footer is written by `close()`,
    which every stop reaches, so OUT is always a readable Parquet file."""

    def __init__(self, path: Path, resume: bool) -> None:
        import pyarrow.parquet as pq

        super().__init__(path)
        self._done: set[str] = set()
        self._buffer: list[Any] = []
        self._rows = 0
        self._writer = pq.ParquetWriter(self.tmp, tables.arrow_schema())
        if resume and path.exists() and path.stat().st_size:
            old = pq.ParquetFile(path)
            for i in range(old.num_row_groups):
                group = old.read_row_group(i)
                self._done.update(group.column("source").to_pylist())
                self._writer.write_table(group.cast(tables.arrow_schema()))

    def done(self) -> set[str]:
        return self._done

    def write(self, item: Done) -> None:
        self._buffer.append(item.output)
        self._rows += item.output.num_rows
        if self._rows >= tables.ROW_GROUP:
            self._flush()

    def _flush(self) -> None:
        import pyarrow as pa

        if self._buffer:
            self._writer.write_table(pa.concat_tables(self._buffer))
        self._buffer, self._rows = [], 0

    def close(self) -> None:
        try:
            self._flush()
        finally:
            self._writer.close()
        self.replace()


def _writer(fmt: str, path: Path, resume: bool) -> Writer:
    if fmt == "jsonl":
        return JsonlWriter(path, resume)
    if fmt == "csv":
        return CsvWriter(path, resume)
    return ParquetWriter(path, resume)


# ---- progress ------------------------------------------------------------------------


class _Progress:
    """A rich progress bar on a terminal (files, MB/s, ETA, failures), nothing when piped.
    The total is counted in a thread, so the bar starts at once and gets its end later."""

    def __init__(self, console: Console, count: Callable[[], tuple[int, int] | None]) -> None:
        self.enabled = console.is_terminal
        self.files = self.failed = self.bytes = self.warned = 0
        self.started = time.perf_counter()
        self._bar: Progress | None = None
        self._total_files: int | None = None
        if not self.enabled:
            return
        self._bar = Progress(
            TextColumn("[bold]batch"),
            BarColumn(),
            TextColumn("{task.fields[files]} files"),
            TransferSpeedColumn(),
            TimeElapsedColumn(),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            TextColumn("[red]{task.fields[failed]} failed"),
            console=console,
            transient=False,
        )
        self._task: TaskID = self._bar.add_task("batch", total=None, files="0", failed=0)
        self._bar.start()

        def census() -> None:
            with contextlib.suppress(Exception):
                counted = count()
                if counted is not None and self._bar is not None:
                    self._total_files = counted[0]
                    self._bar.update(self._task, total=counted[1])

        threading.Thread(target=census, daemon=True).start()

    def advance(self, item: Done) -> None:
        self.files += 1
        self.bytes += item.size
        self.failed += item.error is not None
        self.warned += item.warnings > 0
        if self._bar is not None:
            total = f"/{self._total_files:,}" if self._total_files else ""
            self._bar.update(
                self._task, advance=item.size, files=f"{self.files:,}{total}", failed=self.failed
            )

    def print(self, message: str) -> None:
        if self._bar is not None:
            self._bar.console.print(message, markup=False, highlight=False)
        else:
            typer.echo(message, err=True)

    def stop(self) -> None:
        if self._bar is not None:
            self._bar.stop()


# ---- the command ---------------------------------------------------------------------


def _catch_sigterm(stop: threading.Event) -> Any:
    """SIGTERM sets `stop`, which the run reads after each document and then ends as
    Ctrl-C ends it. The handler raises nothing itself: an exception raised wherever the
    signal lands could land inside the worker pool's own bookkeeping, and its shutdown
    then waited forever (seen once in CI). The previous handler, or None off the main
    thread (where Python lets no one set a handler)."""

    def on_sigterm(signum: int, frame: FrameType | None) -> None:
        stop.set()

    try:
        return signal.signal(signal.SIGTERM, on_sigterm)
    except ValueError:
        return None


def batch(
    inputs: Annotated[
        list[str],
        typer.Argument(
            metavar="INPUT...", help="Files, folders (walked recursively), .zip or .tar.gz."
        ),
    ],
    output: Annotated[
        Path,
        typer.Option(
            "--output", "-o", metavar="OUT", help="The .jsonl, .parquet or .csv file to write."
        ),
    ],
    workers: Annotated[
        int | None,
        typer.Option(min=1, help="Worker processes (default: every core; 1: this process)."),
    ] = None,
    glob: Annotated[
        str | None,
        typer.Option(help="Keep folder files and archive members matching this, e.g. '*.txt'."),
    ] = None,
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            help="jsonl (a transcript a line), parquet or csv (a row a turn); default: from "
            "OUT's extension.",
        ),
    ] = None,
    errors: Annotated[
        Path | None,
        typer.Option(
            "--errors", metavar="FILE", help="List every failure here, one JSON line each."
        ),
    ] = None,
    resume: Annotated[
        bool, typer.Option(help="Skip the sources OUT already holds; add the rest.")
    ] = False,
    strict: Annotated[
        bool,
        typer.Option(
            "--strict",
            help="Count damaged input (bad bytes, control characters) as a failure instead "
            "of repairing it and noting the repairs in the document's diagnostics.",
        ),
    ] = False,
    style: Annotated[
        str | None,
        typer.Option(
            "--style",
            "-s",
            metavar="NAME",
            help="House style to read with, not the detected one ('transcriptkit styles').",
        ),
    ] = None,
    max_size: Annotated[
        float,
        typer.Option(metavar="MB", min=0, help="Refuse documents larger than this."),
    ] = MAX_BYTES / 2**20,
) -> None:
    """Parse a corpus (files, folders, archives) into one JSONL, Parquet or CSV file.

    Exit code 0 only when every document parsed; 1 when any failed (see --errors).
    """
    chosen = _format(fmt, output)
    if chosen == "parquet":
        try:
            import pyarrow  # noqa: F401
        except ImportError:
            _fail("parquet needs pyarrow: pip install 'transcriptkit[parquet]'", ExitCode.USAGE)
    if errors is not None and errors.resolve() == output.resolve():
        _fail("--errors must name another file than OUT", ExitCode.USAGE)
    limit = int(max_size * 2**20)
    try:
        options = _check_options({"strict": strict, **({"style": style} if style else {})})
    except KeyError as exc:
        _fail(f"{exc.args[0]}; see 'transcriptkit batch --help'", ExitCode.USAGE)
    console = Console(stderr=True)
    try:
        writer = _writer(chosen, output, resume)
    except OSError as exc:
        _fail(f"{output}: cannot write ({exc.strerror or exc})", ExitCode.OUTPUT)
    except Exception as exc:
        _fail(f"{output}: cannot resume from it ({type(exc).__name__}: {exc})", ExitCode.OUTPUT)
    done = writer.done()
    skip = (lambda source: source in done) if done else None
    jobs = _jobs(inputs, glob=glob, limit=limit, skip=skip)
    work = functools.partial(_export_job, options=options, limit=limit, fmt=chosen)
    progress = _Progress(console, lambda: _census(inputs, glob, limit, skip))
    listing: IO[str] | None = None
    stop = threading.Event()
    previous = _catch_sigterm(stop)
    interrupted = False
    results = _run(jobs, work, workers, ordered=True, failed=_failed)
    try:
        if errors is not None:
            listing = open(errors, "w", encoding="utf-8")  # noqa: SIM115
        for item in results:
            if item.error is None:
                writer.write(item)
            else:
                _report(item, listing, progress)
            progress.advance(item)
            if stop.is_set():
                interrupted = True
                break
    except KeyboardInterrupt:
        interrupted = True
    except OSError as exc:
        results.close()
        _close(writer, progress, listing)
        _fail(f"{output}: cannot write ({exc.strerror or exc})", ExitCode.OUTPUT)
    finally:
        results.close()  # the workers stop (after their current document) before OUT closes
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
    _close(writer, progress, listing)
    _summary(progress, output, errors, len(done), interrupted)
    if interrupted:
        raise typer.Exit(ExitCode.INTERRUPTED)
    if progress.files == 0 and not done:
        _fail("no documents found in " + ", ".join(inputs), ExitCode.INPUT)
    raise typer.Exit(ExitCode.INPUT if progress.failed else ExitCode.OK)


def _format(fmt: str | None, output: Path) -> str:
    if fmt is None:
        inferred = SUFFIXES.get(output.suffix.lower())
        if inferred is None:
            _fail(
                f"cannot tell the format from {output.name!r}; name OUT .jsonl, .parquet or "
                "or .csv, or pass --format",
                ExitCode.USAGE,
            )
        return inferred
    if fmt not in FORMATS:
        _fail(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}", ExitCode.USAGE)
    return fmt


def _census(
    inputs: list[str], glob: str | None, limit: int, skip: Callable[[str], bool] | None
) -> tuple[int, int] | None:
    """(documents, bytes) to do, for the progress bar; None when a tar archive is among
    the inputs (counting its members means reading it all)."""
    files = size = 0
    for item in _jobs(inputs, glob=glob, limit=limit, skip=skip, read=False):
        if item.size < 0:
            return None
        files += 1
        size += item.size
    return files, size


def _report(item: Done, listing: IO[str] | None, progress: _Progress) -> None:
    assert item.error is not None
    if listing is not None:
        record = {
            "source": item.source,
            "doc_id": item.doc_id,
            "error": type(item.error).__name__,
            "message": str(item.error),
        }
        listing.write(json.dumps(record, ensure_ascii=False) + "\n")
        listing.flush()
    elif progress.failed < SHOWN_ERRORS:
        progress.print(f"transcriptkit: error: {item.error}")
    elif progress.failed == SHOWN_ERRORS:
        progress.print("transcriptkit: more failures follow; list them all with --errors FILE")


def _close(writer: Writer, progress: _Progress, listing: IO[str] | None) -> None:
    """Close everything, deaf to a second Ctrl-C or SIGTERM: a Parquet footer cut off half
    written would leave no file at all."""
    handlers = _ignore_signals()
    try:
        progress.stop()
        if listing is not None:
            listing.close()
        writer.close()
    finally:
        for signum, handler in handlers.items():
            signal.signal(signum, handler)


def _ignore_signals() -> dict[int, Any]:
    handlers: dict[int, Any] = {}
    for signum in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(ValueError):  # off the main thread
            handlers[signum] = signal.signal(signum, signal.SIG_IGN)
    return handlers


def _summary(
    progress: _Progress, output: Path, errors: Path | None, skipped: int, interrupted: bool
) -> None:
    seconds = max(time.perf_counter() - progress.started, 1e-9)
    mb = progress.bytes / 1e6
    ok = progress.files - progress.failed
    parts = [f"{ok:,} of {progress.files:,} documents parsed"]
    if progress.failed:
        where = f", listed in {errors}" if errors else ""
        parts.append(f"{progress.failed:,} failed{where}")
    if progress.warned:
        parts.append(
            f"{progress.warned:,} repaired or with warnings (see their diagnostics; "
            "--strict counts damage as failure)"
        )
    if skipped:
        parts.append(f"{skipped:,} already in {output.name} skipped")
    parts.append(f"{mb:,.1f} MB in {seconds:,.1f} s ({mb / seconds:,.2f} MB/s)")
    line = "; ".join(parts) + f"; wrote {output}"
    if interrupted:
        line = f"interrupted: {line} (every document in it is whole; --resume goes on)"
    typer.echo(f"transcriptkit: {line}", err=True)


def _fail(message: str, code: ExitCode) -> NoReturn:
    typer.echo(f"transcriptkit: error: {message}", err=True)
    raise typer.Exit(code)
