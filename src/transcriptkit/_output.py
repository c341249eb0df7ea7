"""Where output goes, written so that nothing is damaged on the way.

`-o` may name anything a shell redirection may: a new path, a regular file, a symlink, a
device (`/dev/null`, `/dev/full`, a terminal), a FIFO, `/dev/stdout`, or `-`. Only a
regular file (or a new path) is replaced atomically, through a temporary file beside it;
everything else is written into as it is, because renaming a file over `/dev/null` or a
FIFO destroys it. A symlink is written through (its target is replaced, the link stays).
A read-only file and a file that is one of the inputs are refused unless `force`: the
first says someone meant to keep it, the second would replace the transcript with its
own export. Every failure is an `OutputError` naming the path and what to do.

Commands other than `parse` (`batch`, `stats --format`) call `write_output` too, so every
command treats `-o` alike.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TextIO

from ._atomic import write_atomic
from .errors import OutputError

STDOUT = "-"
STDOUT_NAME = "standard output"


def write_output(
    target: str | os.PathLike[str] | None,
    text: str | Iterable[str],
    *,
    force: bool = False,
    inputs: Sequence[str | os.PathLike[str]] = (),
    stdout: TextIO | None = None,
) -> None:
    """Write `text` (a string, or pieces of one) to `target`: None or `-` is standard
    output, anything else a path (see the module docstring for what each kind gets).

    `inputs` are the files the output was made from: writing over one of them is refused
    unless `force`, as is writing over a read-only file. Raises `OutputError`; a reader
    that went away (`| head`) raises `BrokenPipeError`, for the caller to end quietly.
    """
    pieces = [text] if isinstance(text, str) else text
    if target is None or os.fspath(target) == STDOUT:
        _write_stream(stdout or sys.stdout, pieces, STDOUT_NAME)
        return
    name = os.fspath(target)
    try:
        st: os.stat_result | None = os.stat(name)  # follows symlinks, /dev/stdout included
    except FileNotFoundError:
        st = None
    except OSError as exc:
        raise _error(name, exc) from None
    if st is None:
        # A new path, or a symlink to one (written where the link points, as a shell does).
        _replace(Path(os.path.realpath(name)), name, pieces)
        return
    if stat.S_ISDIR(st.st_mode):
        raise OutputError(
            "is a directory", path=name, hint="give a file name, such as out.json, inside it"
        )
    if not stat.S_ISREG(st.st_mode):
        _write_special(name, st, pieces, stdout or sys.stdout)
        return
    if not force:
        _refuse_damage(name, st, inputs)
    if st.st_nlink > 1:
        # Renaming over a hard-linked file would cut it loose from its other names.
        _write_in_place(name, pieces)
        return
    _replace(Path(os.path.realpath(name)), name, pieces)


# ---- what is refused ---------------------------------------------------------------------


def _refuse_damage(name: str, st: os.stat_result, inputs: Sequence[str | os.PathLike[str]]) -> None:
    for source in inputs:
        if os.fspath(source) == STDOUT:
            continue
        with contextlib.suppress(OSError):
            other = os.stat(source)
            if (other.st_dev, other.st_ino) == (st.st_dev, st.st_ino):
                raise OutputError(
                    f"is the input file {os.fspath(source)}; writing there would replace "
                    "the transcript with its export",
                    path=name,
                    hint="choose another output file, or pass --force to replace it",
                )
    mode = stat.S_IMODE(st.st_mode)
    # The mode bits, not only access(): root may write anywhere, but a file nobody may
    # write to was made read-only on purpose.
    if not mode & 0o222:
        raise OutputError(
            f"is read-only (mode {mode:04o})",
            path=name,
            hint="choose another output file, make it writable, or pass --force to replace it",
        )
    # Renaming needs only the directory's permission: a file we may not write to is not
    # ours to replace either.
    if not os.access(name, os.W_OK):
        raise OutputError(
            f"is not writable by this user (mode {mode:04o}, owner uid {st.st_uid})",
            path=name,
            hint="choose another output file, or pass --force to replace it",
        )


# ---- how each kind of target is written -------------------------------------------------


def _replace(real: Path, name: str, pieces: Iterable[str]) -> None:
    """A regular file or a new path: a temporary file renamed over it."""
    try:
        write_atomic(real, "".join(pieces))
    except OSError as exc:
        raise _error(name, exc) from None


def _write_special(name: str, st: os.stat_result, pieces: Iterable[str], stdout: TextIO) -> None:
    """A device, FIFO or socket: written into, never replaced. Our own standard output
    (`/dev/stdout`, `/dev/fd/1`) is written through the stream we already hold, which
    also works where reopening it is not allowed (a terminal owned by another user)."""
    if _same_as(st, stdout):
        _write_stream(stdout, pieces, name)
        return
    try:
        stream = open(name, "w", encoding="utf-8", newline="")  # noqa: SIM115
    except OSError as exc:
        raise _error(name, exc) from None
    try:
        _write_stream(stream, pieces, name)
    finally:
        with contextlib.suppress(OSError):
            stream.close()


def _write_in_place(name: str, pieces: Iterable[str]) -> None:
    try:
        with open(name, "w", encoding="utf-8", newline="") as f:
            for piece in pieces:
                f.write(piece)
    except OSError as exc:
        raise _error(name, exc) from None


def _write_stream(stream: TextIO, pieces: Iterable[str], name: str) -> None:
    try:
        for piece in pieces:
            stream.write(piece)
        stream.flush()
    except BrokenPipeError:
        raise
    except OSError as exc:
        if stream is sys.stdout or stream is sys.__stdout__:
            silence_stdout()
        raise _error(name, exc) from None


def _same_as(st: os.stat_result, stream: TextIO) -> bool:
    try:
        own = os.fstat(stream.fileno())
    except (OSError, ValueError, AttributeError):  # a StringIO in tests has no descriptor
        return False
    return (own.st_dev, own.st_ino, own.st_rdev) == (st.st_dev, st.st_ino, st.st_rdev)


def silence_stdout() -> None:
    """Point file descriptor 1 at /dev/null after a failed write, so Python's flush at
    exit does not fail (and complain) a second time. The buffered text is dropped."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


def _error(name: str, exc: OSError) -> OutputError:
    reason = exc.strerror or str(exc)
    hints = {
        errno.ENOENT: "create the directory first, or choose another path",
        errno.ENOTDIR: "a part of the path is a file, not a directory",
        errno.EACCES: "check the permissions of the file and its directory",
        errno.EPERM: "check the permissions of the file and its directory",
        errno.ENOSPC: "free some space, or write somewhere else",
        errno.EDQUOT: "free some space, or write somewhere else",
        errno.EROFS: "the file system is read-only: write somewhere else",
        errno.EISDIR: "give a file name, such as out.json, inside it",
    }
    return OutputError(
        f"cannot write ({reason})",
        path=name,
        hint=hints.get(exc.errno or 0, "check that the path can be written"),
    )
