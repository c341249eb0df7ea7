"""Writing a file so that it holds the old content or the new, never half of either."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path


def write_atomic(path: str | os.PathLike[str], text: str) -> None:
    """Write `text` (UTF-8, line ends as given) to a temporary file beside `path`, then
    rename it over `path`. On any failure the temporary file goes and `path` is untouched.
    The new file keeps the old one's permissions (and owner, where we may set it).

    Only for regular files and new paths: `transcriptkit._output.write_output` decides
    what else a path may be (a device, a FIFO, a symlink) and how to write it."""
    target = Path(path)
    mode = _mode_for(target)
    owner = _owner_of(target)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, mode)
        if owner is not None:
            with contextlib.suppress(OSError):  # only root may give a file away
                os.chown(tmp, *owner)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _mode_for(target: Path) -> int:
    """The existing file's permissions, or what a plain `open()` would give a new one
    (`mkstemp` makes files only their owner can read)."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _owner_of(target: Path) -> tuple[int, int] | None:
    """(uid, gid) of an existing file when it is not ours already, else None."""
    try:
        st = target.stat()
    except OSError:
        return None
    if (st.st_uid, st.st_gid) == (os.getuid(), os.getgid()):
        return None
    return st.st_uid, st.st_gid
