"""Many documents at once: files, folders, archives and (name, text) pairs, parsed in
worker processes, one result per document as it is ready.

    for result in transcriptkit.parse_many(["corpus/", "more.zip"], workers=4):
        if result.error:
            print(result.error)          # names the source; nothing was raised
        else:
            use(result.doc_id, result.transcript)

Memory stays flat however large the corpus: sources are expanded lazily (a folder is walked
one directory at a time, an archive read one member at a time, never extracted to disk),
and documents go to the workers in chunks of at most `CHUNK_BYTES` (or `CHUNK_DOCS`
documents), at most `IN_FLIGHT_PER_WORKER` chunks per worker at a time, so the parent never
holds more than that window of inputs and results. Each worker parses one document (its
bytes, text, tokens and model) at a time, and keeps only the results of its chunk.

Document ids are stable: `ids.doc_id(key)` (SHA-256, not Python's per-process `hash()`) of a
key made from the source's name — the path inside the folder given with the folder's own
name in front (`corpus/npr/001.txt`), the archive's file name and the member
(`corpus.zip!npr/001.txt`), or a (name, text) pair's name — so it is the same in every
process, on every run, and whether the folder was named by a relative or an absolute path.
"""

from __future__ import annotations

import concurrent.futures as cf
import contextlib
import fnmatch
import functools
import inspect
import multiprocessing
import os
import signal
import stat
import tarfile
import zipfile
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final, TypeVar

from .errors import InputError, TranscriptError
from .ids import doc_id
from .models import Diagnostic, Transcript
from .parser import parse
from .reader import read_text

__all__ = [
    "ARCHIVE_SEPARATOR",
    "CHUNK_BYTES",
    "CHUNK_DOCS",
    "IN_FLIGHT_PER_WORKER",
    "MAX_BYTES",
    "BatchResult",
    "EmptyInputError",
    "InternalError",
    "TooLargeError",
    "doc_id",
    "parse_many",
]

# A document larger than this is refused rather than parsed: parsing holds about 20 times
# the input in memory (docs/scale.md), so 64 MiB is about 1.3 GB per worker. The largest
# broadcast transcripts are well under 1 MiB; raise it (`max_bytes=`) for giant ones.
MAX_BYTES: Final = 64 * 2**20

# Documents are handed to the workers in chunks (issue 13): one task per document cost the
# parent and the workers a pickled message, a future and a queue hand-over each, which at
# broadcast sizes (a few KB a document) held the 2-worker speed-up at about 1.6x. A chunk
# closes at `CHUNK_BYTES` of input or `CHUNK_DOCS` documents, whichever comes first: a
# fraction of a second of parsing, so per-task costs are spread over many documents, a
# worker finishing the last chunk does not keep the others waiting long, and one chunk's
# inputs and results stay a few megabytes. The first chunks are smaller (1, 2, 4, ...
# documents), so every worker starts at once and the first results come back soon.
CHUNK_BYTES: Final = 256 * 2**10
CHUNK_DOCS: Final = 64

# Chunks in flight per worker: one being parsed and one waiting, so a worker never waits
# for the parent to hand it the next one, while the inputs and results held at once stay
# a few chunks' worth.
IN_FLIGHT_PER_WORKER: Final = 2

# Between an archive and a member in a source name: `corpus.zip!npr/001.txt`.
ARCHIVE_SEPARATOR: Final = "!"

_ZIP_SUFFIXES: Final = (".zip",)
_TAR_SUFFIXES: Final = (".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz2", ".tar.xz", ".txz")

# Open zip archives a worker keeps, so members are read without re-reading the archive's
# directory for each one (a large corpus zip's directory is megabytes).
_OPEN_ZIPS: Final = 4


class TooLargeError(InputError):
    """The document is larger than the `max_bytes` limit, and was not read."""


class EmptyInputError(InputError):
    """The document holds no text at all (an empty file, or only white space)."""


class InternalError(TranscriptError):
    """Parsing the document failed in a way transcriptkit does not expect (a bug), or the
    worker process parsing it died. Kept as a result, so one document cannot stop a batch.
    `cause` is the original exception's type and message."""

    def __init__(self, what: str, *, path: str | None = None, cause: str = "") -> None:
        self.cause = cause
        super().__init__(what, path=path, hint="please report it, with the document if you can")


@dataclass(frozen=True, slots=True)
class BatchResult:
    """One document of a batch: its transcript, or the error that stopped it (never both).

    `source` names where it came from (a path, `archive.zip!member`, or a pair's name);
    `doc_id` is its stable id; `size` its input size in bytes (characters for text given
    as a str).
    """

    source: str
    doc_id: str
    transcript: Transcript | None
    error: TranscriptError | None
    size: int = 0

    @property
    def ok(self) -> bool:
        return self.error is None


Source = str | os.PathLike[str] | tuple[str, str | bytes]


def parse_many(
    sources: Iterable[Source] | str | os.PathLike[str],
    *,
    workers: int | None = None,
    ordered: bool = True,
    glob: str | None = None,
    max_bytes: int = MAX_BYTES,
    **parse_options: Any,
) -> Iterator[BatchResult]:
    """Parse every document in `sources`, yielding one `BatchResult` each as it is ready.

    A source is a file, a folder (walked recursively; files and folders whose name starts
    with `.` are skipped), a `.zip` or `.tar[.gz|.bz2|.xz]` archive (read member by member,
    as are archives found inside folders), or a `(name, text)` pair (text as str or bytes).
    `glob` keeps only the folder files and archive members whose path inside their folder or
    archive matches it (`fnmatch`, so `*.txt` matches `npr/001.txt` too); a file named
    directly is always read.

    `workers` is the number of worker processes (default: every core); 1 parses in this
    process. `ordered` yields results in source order (a slow document holds back the
    ones after it, at most a window's worth); `ordered=False` yields each as soon as it is
    done. Worker processes are started with `spawn`, so the caller's main module must be
    guarded by `if __name__ == "__main__":`.

    `parse_options` go to `read_text` (`strict`: with True, a damaged or undecodable file is
    an error result instead of a transcript with the repairs in its diagnostics; known
    binary formats are refused either way) and to `parse` (`style`). A document over
    `max_bytes` is refused with `TooLargeError`, an empty one with `EmptyInputError`.
    Nothing is raised for one bad document: its result carries the error, naming the source.
    """
    # Checked here, not in the generator, so a bad argument raises at the call.
    work = functools.partial(_parse_job, options=_check_options(parse_options), limit=max_bytes)
    _check_workers(workers)
    if isinstance(sources, str | os.PathLike):
        sources = [sources]  # one folder or file, not its name's characters
    return _run(_jobs(sources, glob=glob, limit=max_bytes), work, workers, ordered)


# ---- jobs: what a worker is handed --------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Job:
    """One document to parse, described cheaply: a file to read, a zip member to read, or
    the data itself (tar members and pairs, which only the parent can read)."""

    source: str
    key: str
    path: str | None = None
    archive: str | None = None
    member: str | None = None
    data: str | bytes | None = None
    size: int = 0

    def result(self, transcript: Transcript | None, error: TranscriptError | None) -> BatchResult:
        return BatchResult(self.source, doc_id(self.key), transcript, error, self.size)


def _jobs(
    sources: Iterable[Source],
    *,
    glob: str | None,
    limit: int,
    skip: Callable[[str], bool] | None = None,
    read: bool = True,
) -> Iterator[_Job | BatchResult]:
    """Jobs for every document of every source, lazily; a source that cannot be expanded
    (a folder that cannot be listed, a damaged archive) is one failed result in its place.

    With `read=False` (counting, for a progress bar) a tar archive is one job of size -1
    instead of its members, which only reading it all would tell."""
    for source in sources:
        for item in _expand(source, glob, limit, read):
            if skip is None or not skip(item.source):
                yield item


def _expand(
    source: Source, glob: str | None, limit: int, read: bool
) -> Iterator[_Job | BatchResult]:
    if isinstance(source, tuple):
        name, data = source
        yield _Job(str(name), str(name), data=data, size=len(data))
        return
    if not isinstance(source, str | os.PathLike):
        shown = repr(source)[:60]
        yield _Job(shown, shown).result(
            None,
            InputError(
                f"is a {type(source).__name__}, not a source",
                path=shown,
                hint="pass paths, folders, archives or (name, text) pairs",
            ),
        )
        return
    path = os.fspath(source)
    name = os.path.basename(os.path.normpath(os.path.abspath(path)))
    if os.path.isdir(path):
        yield from _walk(path, name, glob, limit, read)
    elif _is_archive(path) and os.path.isfile(path):
        yield from _archive(path, name, glob, limit, read)
    else:
        try:
            size = os.path.getsize(path)
        except OSError:
            size = 0
        yield _Job(path, name, path=path, size=size)


def _walk(
    root: str, key: str, glob: str | None, limit: int, read: bool
) -> Iterator[_Job | BatchResult]:
    """The folder's files in name order, depth first; archives inside are opened too."""
    seen: set[tuple[int, int]] = set()

    def walk(folder: str, rel: str) -> Iterator[_Job | BatchResult]:
        try:
            st = os.stat(folder)
            if (st.st_dev, st.st_ino) in seen:  # a symbolic link back up the tree
                return
            seen.add((st.st_dev, st.st_ino))
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            yield _Job(folder, f"{key}/{rel}".rstrip("/")).result(
                None,
                InputError(
                    f"cannot list this folder ({exc.strerror or exc})",
                    path=folder,
                    hint="check its permissions",
                ),
            )
            return
        for entry in entries:
            if entry.name.startswith("."):
                continue
            inner = f"{rel}{entry.name}"
            try:
                is_dir = entry.is_dir()
                is_file = entry.is_file()
            except OSError:
                is_dir = is_file = False
            if is_dir:
                yield from walk(entry.path, f"{inner}/")
            elif is_file and _is_archive(entry.name):
                yield from _archive(entry.path, f"{key}/{inner}", glob, limit, read)
            elif glob is None or fnmatch.fnmatchcase(inner, glob):
                yield _Job(entry.path, f"{key}/{inner}", path=entry.path, size=_size(entry))

    yield from walk(root, "")


def _size(entry: os.DirEntry[str]) -> int:
    try:
        return entry.stat().st_size
    except OSError:
        return 0


def _is_archive(name: str) -> bool:
    lower = name.lower()
    return lower.endswith(_ZIP_SUFFIXES + _TAR_SUFFIXES)


def _archive(
    path: str, key: str, glob: str | None, limit: int, read: bool
) -> Iterator[_Job | BatchResult]:
    """Jobs for an archive's members, in archive order. Zip members are read by the worker
    (random access); tar members only in order, so here, one at a time."""
    if path.lower().endswith(_ZIP_SUFFIXES):
        yield from _zip_members(path, key, glob, limit)
    elif not read:
        yield _Job(path, key, size=-1)
    else:
        yield from _tar_members(path, key, glob, limit)


def _member_job(path: str, key: str, name: str, **fields: Any) -> _Job:
    return _Job(f"{path}{ARCHIVE_SEPARATOR}{name}", f"{key}{ARCHIVE_SEPARATOR}{name}", **fields)


def _member_name(name: str) -> str:
    """`./npr/001.txt` (as `tar -C dir .` writes names) is `npr/001.txt`."""
    return "/".join(part for part in name.split("/") if part not in ("", "."))


def _wanted(member: str, glob: str | None) -> bool:
    hidden = any(part.startswith(".") for part in member.split("/"))
    return not hidden and (glob is None or fnmatch.fnmatchcase(member, glob))


def _zip_members(path: str, key: str, glob: str | None, limit: int) -> Iterator[_Job | BatchResult]:
    try:
        with zipfile.ZipFile(path) as zf:
            infos = [i for i in zf.infolist() if not i.is_dir() and _wanted(i.filename, glob)]
    except (OSError, zipfile.BadZipFile, zipfile.LargeZipFile, ValueError) as exc:
        yield _Job(path, key).result(None, _bad_archive(path, "zip", exc))
        return
    for info in infos:
        job = _member_job(
            path, key, info.filename, archive=path, member=info.filename, size=info.file_size
        )
        if info.file_size > limit:
            yield job.result(None, _too_large(job.source, info.file_size, limit))
        else:
            yield job


def _tar_members(path: str, key: str, glob: str | None, limit: int) -> Iterator[_Job | BatchResult]:
    try:
        # `r|*`: a stream, read once from the front, whatever the compression.
        with tarfile.open(path, "r|*") as tf:
            for info in tf:
                name = _member_name(info.name)
                if not info.isfile() or not _wanted(name, glob):
                    continue
                if info.size > limit:
                    job = _member_job(path, key, name, size=info.size)
                    yield job.result(None, _too_large(job.source, info.size, limit))
                    continue
                f = tf.extractfile(info)
                data = f.read() if f is not None else b""
                yield _member_job(path, key, name, data=data, size=len(data))
    except (OSError, tarfile.TarError, EOFError, ValueError) as exc:
        yield _Job(path, key).result(None, _bad_archive(path, "tar", exc))


def _bad_archive(path: str, kind: str, exc: BaseException) -> InputError:
    return InputError(
        f"cannot be read as a {kind} archive ({exc}); the members after the damage, if any, "
        "were not read",
        path=path,
        hint="check that the archive is complete (a download that stopped?)",
    )


def _too_large(source: str, size: int, limit: int) -> TooLargeError:
    return TooLargeError(
        f"is {size / 2**20:.1f} MiB, over the limit of {limit / 2**20:.1f} MiB",
        path=source,
        hint="raise the limit (max_bytes=, or --max-size) if the document really is that "
        "large; parsing takes about 20 times its size in memory",
    )


# ---- the work done for one job (in a worker process) --------------------------------


def _check_options(options: dict[str, Any]) -> dict[str, Any]:
    """Options checked once here, so a misspelt option or an unknown style name raises now
    (TypeError, KeyError) instead of failing every document in the workers."""
    rest = {k: v for k, v in options.items() if k != "strict"}
    try:
        inspect.signature(parse).bind("", **rest)
    except TypeError as exc:
        raise TypeError(f"parse_many: {exc}") from None
    if isinstance(rest.get("style"), str):
        parse("", **rest)  # KeyError naming the known styles
    return {"strict": False, **options}


def _parse_job(job: _Job, options: dict[str, Any], limit: int) -> BatchResult:
    """The transcript of one job, or its error; never raises."""
    try:
        return job.result(_parse(job, options, limit), None)
    except TranscriptError as exc:
        if exc.path is None:
            exc.path = job.source
            exc.args = (exc.message,)
        return job.result(None, exc)
    except MemoryError:
        return job.result(None, _internal(job, "ran out of memory while parsing"))
    except Exception as exc:
        return job.result(
            None, _internal(job, f"failed unexpectedly ({type(exc).__name__}: {exc})", exc)
        )


def _internal(job: _Job, what: str, exc: BaseException | None = None) -> InternalError:
    cause = f"{type(exc).__name__}: {exc}" if exc else ""
    return InternalError(what, path=job.source, cause=cause)


def _parse(job: _Job, options: dict[str, Any], limit: int) -> Transcript:
    """What `parse_file` does, for any job: decode (strict or not), parse, and note how."""
    data = _read(job, limit)
    notes: list[Diagnostic] = []
    encoding: str | None = None
    if isinstance(data, str):
        text = data
    else:
        strict = bool(options.get("strict", False))
        text, encoding, notes = read_text(data, name=job.source, strict=strict)
    if not text.strip():
        raise EmptyInputError(
            "is empty" if not data else "holds only white space, no text",
            path=job.source,
            hint="check that the file was saved (or downloaded) completely",
        )
    del data
    transcript = parse(text, **{k: v for k, v in options.items() if k != "strict"})
    transcript.metadata.encoding = encoding
    transcript.diagnostics[:0] = notes
    return transcript


def _read(job: _Job, limit: int) -> str | bytes:
    if job.data is not None:
        if len(job.data) > limit:
            raise _too_large(job.source, len(job.data), limit)
        return job.data
    if job.archive is not None and job.member is not None:
        with _open_zip(job.archive).open(job.member) as f:
            return _bounded(f.read(limit + 1), job.source, limit)
    assert job.path is not None
    return _read_file(job.path, job.source, limit)


@functools.lru_cache(maxsize=_OPEN_ZIPS)
def _open_zip(path: str) -> zipfile.ZipFile:
    return zipfile.ZipFile(path)


def _bounded(data: bytes, source: str, limit: int) -> bytes:
    if len(data) > limit:
        raise _too_large(source, len(data), limit)
    return data


def _read_file(path: str, source: str, limit: int) -> bytes:
    """The file's bytes, refusing what is not a regular file or is over the limit before
    reading it (and, for a file that grows while read, after `limit + 1` bytes)."""
    try:
        with open(path, "rb") as f:
            st = os.fstat(f.fileno())
            if stat.S_ISDIR(st.st_mode):
                raise IsADirectoryError(path)
            if st.st_size > limit:
                raise _too_large(source, st.st_size, limit)
            return _bounded(f.read(limit + 1), source, limit)
    except IsADirectoryError:
        raise InputError(
            "is a directory, not a transcript file",
            path=source,
            hint="pass the folder itself as a source to parse every file in it",
        ) from None
    except FileNotFoundError:
        raise InputError(
            "no such file",
            path=source,
            hint=f"check the path (relative paths start at {Path.cwd()})",
        ) from None
    except PermissionError:
        raise InputError(
            "permission denied", path=source, hint="check the file's permissions"
        ) from None
    except OSError as exc:
        raise InputError(
            f"cannot be read ({exc.strerror or exc})",
            path=source,
            hint="check that the path names a regular, readable file",
        ) from None


# ---- running jobs: in this process, or in a pool with a bounded window -----------------

R = TypeVar("R")


def default_workers() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _check_workers(workers: int | None) -> int:
    count = default_workers() if workers is None else workers
    if not isinstance(count, int) or count < 1:
        raise ValueError(f"workers must be a whole number, at least 1, not {count!r}")
    return count


def _run(
    items: Iterable[_Job | BatchResult],
    work: Callable[[_Job], R],
    workers: int | None,
    ordered: bool,
    failed: Callable[[BatchResult], R] | None = None,
) -> Generator[R, None, None]:
    """`work(job)` for every job, in `workers` processes; results already failed while
    expanding the sources pass through `failed` (by default, as they are)."""
    passthrough: Callable[[BatchResult], Any] = failed or (lambda r: r)
    count = _check_workers(workers)
    if count == 1:
        for item in items:
            yield passthrough(item) if isinstance(item, BatchResult) else work(item)
        return
    yield from _pooled(iter(items), work, count, ordered, passthrough)


def _init_worker() -> None:
    """Workers leave Ctrl-C to the parent, which stops handing out work and shuts them down
    (otherwise each worker would print its own KeyboardInterrupt traceback)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _pool(count: int) -> cf.ProcessPoolExecutor:
    return cf.ProcessPoolExecutor(
        max_workers=count,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=_init_worker,
    )


def _work_chunk(work: Callable[[_Job], R], jobs: list[_Job]) -> list[R]:
    """`work` for each job of a chunk, in a worker (one task, one message each way)."""
    return [work(job) for job in jobs]


def _pooled(
    items: Iterator[_Job | BatchResult],
    work: Callable[[_Job], R],
    count: int,
    ordered: bool,
    passthrough: Callable[[BatchResult], R],
) -> Iterator[R]:
    """A bounded window of chunks in flight. A pool whose worker died is replaced, and the
    documents of the chunks that were in it are parsed again one document a task, one such
    task at a time and no new chunk handed out meanwhile: the document that kills a worker
    again is then the only one in flight with it, and the only failed result."""
    window = count * IN_FLIGHT_PER_WORKER
    pools = [_pool(count)]
    flight: deque[_Flight] = deque()
    chunks = 0  # chunks handed out so far: the first ones are small

    def send(entry: _Flight) -> cf.Future[Any]:
        try:
            entry.future = pools[-1].submit(_work_chunk, work, entry.jobs)
        except cf.BrokenExecutor:
            pools[-1].shutdown(wait=False, cancel_futures=True)
            pools.append(_pool(count))
            entry.future = pools[-1].submit(_work_chunk, work, entry.jobs)
        entry.pool = pools[-1]
        return entry.future

    def submit() -> bool:
        """Hand out the next chunk (and a failed source met on the way); False at the end."""
        nonlocal chunks
        jobs: list[_Job] = []
        size = 0
        most = min(CHUNK_DOCS, 2**chunks)
        failed: BatchResult | None = None
        while len(jobs) < most and size < CHUNK_BYTES:
            item = next(items, None)
            if item is None:
                break
            if isinstance(item, BatchResult):
                failed = item  # its place in the order is after this chunk
                break
            jobs.append(item)
            size += max(item.size, 0)
        if jobs:
            entry = _Flight(jobs)
            send(entry)
            flight.append(entry)
            chunks += 1
        if failed is not None:
            done: cf.Future[Any] = cf.Future()
            done.set_result([passthrough(failed)])
            flight.append(_Flight([], done))
        return bool(jobs) or failed is not None

    def outcome(entry: _Flight) -> tuple[list[R], list[_Flight]]:
        """The chunk's results; or, when its worker died, none and its documents to parse
        again one a task (a document already parsed alone fails)."""
        assert entry.future is not None
        try:
            return entry.future.result(), []
        except cf.BrokenExecutor:
            if entry.pool is pools[-1]:
                entry.pool.shutdown(wait=False, cancel_futures=True)
                pools.append(_pool(count))
            if not entry.retry:
                return [], [_Flight([job], retry=True) for job in entry.jobs]
            what = (
                "the worker process died while this document was being parsed (out of "
                "memory, or a crash in native code; parsed again alone, it killed its "
                "worker again)"
            )
        except Exception as exc:
            what = f"could not be handed to or back from a worker ({type(exc).__name__}: {exc})"
        failed = [
            passthrough(job.result(None, InternalError(what, path=job.source)))
            for job in entry.jobs
        ]
        return failed, []

    def next_done() -> _Flight:
        """The next entry whose results are ready (in order, or the first done)."""
        if ordered:
            entry = flight[0]
            future = entry.future if entry.future is not None else send(entry)
            cf.wait([future])
            return flight.popleft()
        sent = [e for e in flight if e.future is not None]
        if not any(e.retry and not e.future.done() for e in sent if e.future is not None):
            unsent = next((e for e in flight if e.future is None), None)
            if unsent is not None:  # documents parsed again go one at a time
                send(unsent)
                sent.append(unsent)
        finished, _ = cf.wait(
            [e.future for e in sent if e.future is not None], return_when=cf.FIRST_COMPLETED
        )
        index = next(i for i, e in enumerate(flight) if e.future in finished)
        entry = flight[index]
        del flight[index]
        return entry

    try:
        while len(flight) < window and submit():
            pass
        while flight:
            entry = next_done()
            results, again = outcome(entry)
            if again:
                if ordered:
                    flight.extendleft(reversed(again))  # in the chunk's place
                else:
                    flight.extend(again)
                continue
            if not any(e.future is None for e in flight):  # none waits to be parsed alone
                while len(flight) < window and submit():
                    pass
            yield from results
    finally:
        for entry in flight:
            if entry.future is not None:
                entry.future.cancel()
        for pool in pools:
            with contextlib.suppress(Exception):
                pool.shutdown(wait=True, cancel_futures=True)


@dataclass(slots=True)
class _Flight:
    """A chunk in flight: its jobs (none for a source failed before any parsing), the
    future of its results (None until it is sent), the pool it went to, and whether it is
    a document sent again alone after its worker died."""

    jobs: list[_Job]
    future: cf.Future[Any] | None = None
    retry: bool = False
    pool: cf.ProcessPoolExecutor | None = None
