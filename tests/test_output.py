"""`-o` never does damage: what each kind of target gets (issue 12, item 1).

Regular files and new paths are replaced atomically; devices, FIFOs, `/dev/stdout` and `-`
are written into; symlinks are written through; a read-only file and the input itself are
refused unless `--force`; modes (and owners) are kept. The tests that need another user
run the command as `nobody` through `setpriv` (we run as root here, and root may write
anything, which is why the read-only refusal reads the mode bits).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from transcriptkit import OutputError
from transcriptkit._output import write_output
from transcriptkit.cli import app

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "npr_example.txt"
CRLF = ROOT / "tests" / "fixtures" / "crlf.txt"
runner = CliRunner()
IS_ROOT = os.geteuid() == 0
SETPRIV = shutil.which("setpriv")


def _run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def _cli(*args: str, **kwargs: object) -> subprocess.CompletedProcess[bytes]:
    streams: dict[str, object] = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE}
    return subprocess.run(
        [sys.executable, "-m", "transcriptkit", *args],
        timeout=60,
        check=False,
        **{**streams, **kwargs},  # type: ignore[arg-type]
    )


def _one_error_line(stderr: str, *fragments: str) -> None:
    lines = stderr.splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith("transcriptkit: error: ")
    for fragment in fragments:
        assert fragment in lines[0], lines[0]


def _speech() -> str:
    code, out, _ = _run("parse", str(CRLF), "-f", "speech")
    assert code == 0
    return out


# ---- regular files and new paths -----------------------------------------------------


def test_a_new_file_gets_the_umask_mode(tmp_path: Path) -> None:
    target = tmp_path / "new.txt"
    umask = os.umask(0o022)
    try:
        assert _run("parse", str(CRLF), "-f", "speech", "-o", str(target))[0] == 0
    finally:
        os.umask(umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
    assert target.read_text(encoding="utf-8") == _speech()


def test_a_regular_file_is_replaced_and_keeps_its_mode(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_text("old\n")
    target.chmod(0o604)
    before = target.stat().st_ino
    assert _run("parse", str(CRLF), "-f", "speech", "-o", str(target))[0] == 0
    assert target.read_text(encoding="utf-8") == _speech()
    assert stat.S_IMODE(target.stat().st_mode) == 0o604
    assert target.stat().st_ino != before  # a new file renamed over the old: atomic
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.txt"]


@pytest.mark.skipif(not IS_ROOT, reason="only root can give a file to another owner")
def test_root_keeps_the_owner_of_a_replaced_file(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_text("old\n")
    os.chown(target, 65534, 65534)
    assert _run("parse", str(CRLF), "-f", "speech", "-o", str(target))[0] == 0
    assert (target.stat().st_uid, target.stat().st_gid) == (65534, 65534)


def test_a_hard_linked_file_keeps_its_links(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_text("old\n")
    other = tmp_path / "other-name.txt"
    os.link(target, other)
    assert _run("parse", str(CRLF), "-f", "speech", "-o", str(target))[0] == 0
    assert other.read_text(encoding="utf-8") == _speech()  # still the same file
    assert target.stat().st_nlink == 2


# ---- symlinks --------------------------------------------------------------------------


def test_a_symlink_is_written_through(tmp_path: Path) -> None:
    real = tmp_path / "real.txt"
    real.write_text("old\n")
    real.chmod(0o640)
    link = tmp_path / "link.txt"
    link.symlink_to(real.name)
    assert _run("parse", str(CRLF), "-f", "speech", "-o", str(link))[0] == 0
    assert link.is_symlink() and os.readlink(link) == real.name
    assert real.read_text(encoding="utf-8") == _speech()
    assert stat.S_IMODE(real.stat().st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.txt", "real.txt"]


def test_a_dangling_symlink_creates_its_target(tmp_path: Path) -> None:
    link = tmp_path / "link.txt"
    link.symlink_to("made.txt")
    assert _run("parse", str(CRLF), "-f", "speech", "-o", str(link))[0] == 0
    assert link.is_symlink()
    assert (tmp_path / "made.txt").read_text(encoding="utf-8") == _speech()


def test_a_symlink_to_a_read_only_file_is_refused(tmp_path: Path) -> None:
    real = tmp_path / "real.txt"
    real.write_text("keep\n")
    real.chmod(0o444)
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    code, _, err = _run("parse", str(CRLF), "-o", str(link))
    assert code == 3
    _one_error_line(err, "read-only (mode 0444)", "--force")
    assert real.read_text() == "keep\n"


# ---- what is refused ---------------------------------------------------------------------


def test_a_read_only_file_is_refused_by_its_mode_bits(tmp_path: Path) -> None:
    target = tmp_path / "keep.json"
    target.write_text("keep\n")
    target.chmod(0o444)
    # As root, access() says yes: the refusal must come from the mode bits.
    assert os.access(target, os.W_OK) == IS_ROOT or not IS_ROOT
    code, out, err = _run("parse", str(EXAMPLE), "-o", str(target))
    assert (code, out) == (3, "")
    _one_error_line(err, "keep.json", "read-only (mode 0444)", "--force")
    assert target.read_text() == "keep\n"


def test_force_replaces_a_read_only_file_and_keeps_it_read_only(tmp_path: Path) -> None:
    target = tmp_path / "keep.txt"
    target.write_text("keep\n")
    target.chmod(0o444)
    assert _run("parse", str(CRLF), "-f", "speech", "-o", str(target), "--force")[0] == 0
    assert target.read_text(encoding="utf-8") == _speech()
    assert stat.S_IMODE(target.stat().st_mode) == 0o444


def test_the_input_file_is_refused(tmp_path: Path) -> None:
    source = tmp_path / "story.txt"
    shutil.copy(EXAMPLE, source)
    code, _, err = _run("parse", str(source), "-o", str(source))
    assert code == 3
    _one_error_line(err, "story.txt", "input file", "--force")
    assert source.read_bytes() == EXAMPLE.read_bytes()


def test_the_input_file_is_refused_by_another_name(tmp_path: Path) -> None:
    source = tmp_path / "story.txt"
    shutil.copy(EXAMPLE, source)
    link = tmp_path / "alias.json"
    link.symlink_to(source)
    code, _, err = _run("parse", str(EXAMPLE), str(source), "-o", str(link))
    assert code == 3
    _one_error_line(err, "input file")
    assert source.read_bytes() == EXAMPLE.read_bytes()


def test_force_replaces_the_input_file(tmp_path: Path) -> None:
    source = tmp_path / "story.txt"
    shutil.copy(CRLF, source)
    assert _run("parse", str(source), "-f", "speech", "-o", str(source), "--force")[0] == 0
    assert source.read_text(encoding="utf-8") == _speech()


def test_into_a_missing_directory(tmp_path: Path) -> None:
    target = tmp_path / "no" / "out.json"
    code, _, err = _run("parse", str(EXAMPLE), "-o", str(target))
    assert code == 3
    _one_error_line(err, str(target), "cannot write", "create the directory")
    assert not target.parent.exists()


def test_onto_a_directory(tmp_path: Path) -> None:
    code, _, err = _run("parse", str(EXAMPLE), "-o", str(tmp_path))
    assert code == 3
    _one_error_line(err, "is a directory")
    assert list(tmp_path.iterdir()) == []


# ---- devices, FIFOs, standard output ----------------------------------------------------


@contextlib.contextmanager
def _device(tmp_path: Path, minor: int) -> Iterator[Path]:
    """A character device of our own (null is 1:3, full is 1:7), so a regression cannot
    replace the system's /dev/null; the system's where we may not make one."""
    node = tmp_path / f"dev{minor}"
    try:
        os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(1, minor))
    except OSError:
        yield Path("/dev/null" if minor == 3 else "/dev/full")
        return
    yield node


def test_a_device_is_written_into_not_replaced(tmp_path: Path) -> None:
    with _device(tmp_path, 3) as null:
        before = null.stat()
        code, out, err = _run("parse", str(EXAMPLE), "-o", str(null))
        assert (code, out, err) == (0, "", "")
        after = null.stat()
        assert stat.S_ISCHR(after.st_mode)
        assert (after.st_ino, after.st_rdev) == (before.st_ino, before.st_rdev)
    if null.parent == tmp_path:
        assert sorted(p.name for p in tmp_path.iterdir()) == ["dev3"]


def test_a_full_device_is_exit_3_and_stays_a_device(tmp_path: Path) -> None:
    with _device(tmp_path, 7) as full:
        code, _, err = _run("parse", str(EXAMPLE), "-o", str(full))
        assert code == 3
        _one_error_line(err, str(full), "No space left on device")
        assert stat.S_ISCHR(full.stat().st_mode)


def test_a_full_disk_on_standard_output_is_exit_3() -> None:
    with open("/dev/full", "w") as full:
        proc = _cli("parse", str(EXAMPLE), stdout=full)
    assert proc.returncode == 3
    _one_error_line(proc.stderr.decode(), "standard output", "No space left on device")
    with open("/dev/full", "w") as full:
        proc = _cli("show", str(EXAMPLE), stdout=full)
    assert proc.returncode == 3
    _one_error_line(proc.stderr.decode(), "standard output", "No space left on device")


def test_a_fifo_is_written_into(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    proc = _cli("parse", str(CRLF), "-f", "speech", "-o", str(fifo))
    reader.join(timeout=30)
    assert proc.returncode == 0, proc.stderr
    assert received == [_speech().encode("utf-8")]
    assert stat.S_ISFIFO(fifo.stat().st_mode)


def test_dev_stdout_is_our_standard_output() -> None:
    proc = _cli("parse", str(CRLF), "-f", "speech", "-o", "/dev/stdout")
    assert (proc.returncode, proc.stderr) == (0, b"")
    assert proc.stdout.decode("utf-8") == _speech()
    assert Path("/dev/stdout").is_symlink() or stat.S_ISCHR(os.stat("/dev/stdout").st_mode)


def test_dash_is_standard_output(tmp_path: Path) -> None:
    proc = _cli("parse", str(CRLF), "-f", "speech", "-o", "-", cwd=tmp_path)
    assert proc.returncode == 0
    assert proc.stdout.decode("utf-8") == _speech()
    assert list(tmp_path.iterdir()) == []  # no file named "-"


def test_write_output_takes_pieces(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    write_output(target, iter(["a", "b\n"]))
    assert target.read_text() == "ab\n"
    with pytest.raises(OutputError) as caught:
        write_output(tmp_path, "x")
    assert caught.value.path == str(tmp_path)


# ---- as another user (nobody), through setpriv ---------------------------------------


def _as_nobody(*args: str, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    assert SETPRIV is not None
    return subprocess.run(
        [SETPRIV, "--reuid=65534", "--regid=65534", "--clear-groups", "--", *_python(args)],
        capture_output=True,
        timeout=60,
        check=False,
        cwd=cwd,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src"), "HOME": str(cwd)},
    )


def _python(args: tuple[str, ...]) -> list[str]:
    return [sys.executable, "-m", "transcriptkit", *args]


@pytest.fixture
def shared_dir() -> Iterator[Path]:
    """A directory every user may write to (pytest's tmp_path is root's alone)."""
    path = Path(tempfile.mkdtemp(prefix="tk-nobody-"))
    path.chmod(0o777)
    shutil.copy(CRLF, path / "in.txt")
    (path / "in.txt").chmod(0o644)
    try:
        yield path
    finally:
        shutil.rmtree(path)


needs_nobody = pytest.mark.skipif(
    not (IS_ROOT and SETPRIV),
    reason="needs root and setpriv to run the command as the user nobody",
)


@needs_nobody
def test_as_nobody_dev_stdout_works(shared_dir: Path) -> None:
    proc = _as_nobody("parse", "in.txt", "-f", "speech", "-o", "/dev/stdout", cwd=shared_dir)
    assert (proc.returncode, proc.stderr) == (0, b"")
    assert proc.stdout.decode("utf-8") == _speech()


@needs_nobody
def test_as_nobody_a_read_only_file_is_refused(shared_dir: Path) -> None:
    mine = shared_dir / "mine.json"
    mine.write_text("keep\n")
    os.chown(mine, 65534, 65534)
    mine.chmod(0o444)
    proc = _as_nobody("parse", "in.txt", "-o", "mine.json", cwd=shared_dir)
    assert proc.returncode == 3
    _one_error_line(proc.stderr.decode(), "read-only (mode 0444)")
    assert mine.read_text() == "keep\n"


@needs_nobody
def test_as_nobody_another_users_file_is_refused(shared_dir: Path) -> None:
    # The directory is writable, so a rename would succeed: the file is still not ours.
    roots = shared_dir / "roots.json"
    roots.write_text("keep\n")
    roots.chmod(0o644)
    proc = _as_nobody("parse", "in.txt", "-o", "roots.json", cwd=shared_dir)
    assert proc.returncode == 3
    _one_error_line(proc.stderr.decode(), "not writable by this user")
    assert roots.read_text() == "keep\n"


@needs_nobody
def test_as_nobody_a_new_file_is_written(shared_dir: Path) -> None:
    proc = _as_nobody("parse", "in.txt", "-f", "speech", "-o", "new.txt", cwd=shared_dir)
    assert proc.returncode == 0, proc.stderr
    assert (shared_dir / "new.txt").stat().st_uid == 65534
    assert (shared_dir / "new.txt").read_text(encoding="utf-8") == _speech()
