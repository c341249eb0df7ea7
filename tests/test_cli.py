"""The `transcriptkit` command: every command, every documented error and exit code."""

from __future__ import annotations

import csv
import io
import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

import transcriptkit
from transcriptkit import _atomic, cli
from transcriptkit.cli import app

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = str(ROOT / "examples" / "npr_example.txt")
CRLF = str(ROOT / "tests" / "fixtures" / "crlf.txt")
runner = CliRunner()

# The first bytes of a PNG: no text encoding reads them.
BINARY = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\xff\xfe\x00\x80"


def _run(*args: str, stdin: bytes | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), input=stdin)
    return result.exit_code, result.stdout, result.stderr


def _one_error_line(stderr: str, *fragments: str) -> None:
    lines = stderr.splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith("transcriptkit: error: ")
    for fragment in fragments:
        assert fragment in lines[0]


# ---- commands -----------------------------------------------------------------------


def test_version() -> None:
    code, out, _ = _run("--version")
    assert (code, out) == (0, "transcriptkit 0.1.0\n")


def test_parse_defaults_to_json() -> None:
    code, out, err = _run("parse", EXAMPLE)
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert data["metadata"]["title"] == "In A Prairie Town, The Public Library Now Lends Out Seeds"
    assert data["turns"][0]["label"] == "LENA HALVORSEN, HOST"
    assert out.startswith('{\n  "kind"')


@pytest.mark.parametrize(
    ("fmt", "start"),
    [
        ("json", '{"kind": "transcript"'),
        ("jsonl", '{"doc_id": "'),
        ("text", "Transcript\n\nPAULINE ROCHE, HOST: A museum in Vell Harbor"),
        ("speech", "A museum in Vell Harbor has reopened"),
        ("markdown", "**PAULINE ROCHE, HOST:** A museum"),
        ("csv", "doc_id,source,title,date,program,turn,speaker_id,speaker,role,label,"),
    ],
)
def test_parse_every_format(fmt: str, start: str) -> None:
    result = runner.invoke(app, ["parse", CRLF, "-f", fmt, "--indent", "0"])
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout_bytes.decode("utf-8").startswith(start)  # `.stdout` folds CRLF


def test_parse_options_reach_the_exporter() -> None:
    _, out, _ = _run("parse", EXAMPLE, "-f", "text", "--notes", "--labels", "--no-cues")
    assert "FARNSWORTH: We don't charge late fees." in out  # the label as printed
    assert "give them one. (LAUGHTER) Last year" in out
    assert "SOUNDBITE" not in out


def test_parse_several_files() -> None:
    _, out, _ = _run("parse", EXAMPLE, CRLF)
    assert [d["kind"] for d in json.loads(out)] == ["transcript", "transcript"]
    _, out, _ = _run("parse", EXAMPLE, CRLF, "-f", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 21 + 5
    last = rows[-1]
    assert (last["source"], last["turn"], last["line"], last["speaker"], last["role"]) == (
        CRLF,
        "4",
        "11",
        "PAULINE ROCHE",
        "host",
    )


def test_parse_reads_stdin() -> None:
    code, out, _ = _run("parse", "-", "-f", "jsonl", stdin=Path(CRLF).read_bytes())
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r["speaker"] for r in rows][:2] == ["PAULINE ROCHE", "OSKAR LINDGREN"]
    assert {r["source"] for r in rows} == {"-"}


def test_show() -> None:
    code, out, _ = _run("show", EXAMPLE, "--width", "60")
    assert code == 0
    assert "In A Prairie Town" in out and "(SOUNDBITE OF ARCHIVED RECORDING)" in out
    assert max(len(line) for line in out.splitlines()) <= 60
    assert "\x1b[" not in out  # not a terminal: no colour


def test_stats_table_and_json() -> None:
    code, out, _ = _run("stats", EXAMPLE)
    assert code == 0
    assert "TOBIAS MARCHETTI" in out and "█" in out
    code, out, _ = _run("stats", EXAMPLE, "--json")
    data = json.loads(out)
    assert data["doc"] == EXAMPLE
    first = data["speakers"][0]
    assert (first["name"], first["role"], first["turns"]) == ("LENA HALVORSEN", "host", 5)
    _, out, _ = _run("stats", EXAMPLE, CRLF, "--json")
    assert [d["doc"] for d in json.loads(out)] == [EXAMPLE, CRLF]


def test_schema_is_the_checked_in_file() -> None:
    code, out, _ = _run("schema")
    assert code == 0
    assert out == (ROOT / "docs" / "transcript.schema.json").read_text(encoding="utf-8")


def test_help_lists_the_commands() -> None:
    code, out, _ = _run("--help")
    assert code == 0
    for command in ("parse", "show", "stats", "schema", "--install-completion"):
        assert command in out


# ---- errors -------------------------------------------------------------------------


def test_missing_file(tmp_path: Path) -> None:
    code, out, err = _run("parse", str(tmp_path / "nope.txt"))
    assert (code, out) == (1, "")
    _one_error_line(err, "nope.txt", "no such file")


def test_a_directory(tmp_path: Path) -> None:
    code, _, err = _run("show", str(tmp_path))
    assert code == 1
    _one_error_line(err, str(tmp_path), "directory")


def test_an_undecodable_file_names_the_byte_offset(tmp_path: Path) -> None:
    bad = tmp_path / "notes.txt"
    bad.write_bytes(b"ANA RUIZ, HOST: Caf\xc3\xa9 talk. It\x92s fine.\n")  # one stray byte
    code, out, err = _run("parse", str(bad))
    assert (code, out) == (1, "")
    _one_error_line(err, "notes.txt", "offset 30", "UTF-8")


def test_a_binary_file_names_the_byte_offset(tmp_path: Path) -> None:
    png = tmp_path / "photo.png"
    png.write_bytes(BINARY)
    code, _, err = _run("stats", str(png))
    assert code == 1
    _one_error_line(err, "photo.png", "offset ")


def test_binary_stdin() -> None:
    code, _, err = _run("parse", "-", stdin=BINARY)
    assert code == 1
    _one_error_line(err, "<stdin>", "offset ")


def test_unknown_format() -> None:
    code, out, err = _run("parse", EXAMPLE, "-f", "xml")
    assert (code, out) == (2, "")
    _one_error_line(err, "unknown format 'xml'", "json, jsonl, text, speech, markdown, csv")


def test_one_bad_file_writes_nothing(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    target.write_text("old\n")
    code, _, _ = _run("parse", EXAMPLE, str(tmp_path / "nope.txt"), "-o", str(target))
    assert code == 1
    assert target.read_text() == "old\n"


def test_an_internal_error_is_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object, **kwargs: object) -> str:
        raise RuntimeError("boom")

    monkeypatch.setattr(cli, "export_many", broken)
    code, _, err = _run("parse", EXAMPLE)
    assert code == 70
    _one_error_line(err, "internal error", "RuntimeError: boom", "please report")


# ---- -o writes atomically -----------------------------------------------------------


def test_output_file(tmp_path: Path) -> None:
    target = tmp_path / "turns.csv"
    code, out, _ = _run("parse", CRLF, "-f", "csv", "-o", str(target))
    assert (code, out) == (0, "")
    assert target.read_bytes().startswith(b"doc_id,source,title,date,program,turn,")
    assert [p.name for p in tmp_path.iterdir()] == ["turns.csv"]


def test_output_replaces_a_file_and_keeps_its_mode(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_text("old\n")
    target.chmod(0o640)
    code, _, _ = _run("parse", CRLF, "-f", "speech", "-o", str(target))
    assert code == 0
    assert target.read_text().startswith("A museum in Vell Harbor")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_output_into_a_missing_directory(tmp_path: Path) -> None:
    target = tmp_path / "no" / "out.json"
    code, _, err = _run("parse", EXAMPLE, "-o", str(target))
    assert code == 3
    _one_error_line(err, str(target), "cannot write")
    assert not target.parent.exists()


def test_output_onto_a_directory(tmp_path: Path) -> None:
    code, _, err = _run("parse", EXAMPLE, "-o", str(tmp_path))
    assert code == 3
    _one_error_line(err, "cannot write")
    assert list(tmp_path.iterdir()) == []


def test_a_failed_write_leaves_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_text("old\n")
    with pytest.raises(UnicodeEncodeError):
        _atomic.write_atomic(target, "half\ud800written")  # not encodable: fails mid-write
    assert target.read_text() == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def test_a_failed_rename_leaves_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out.txt"
    target.write_text("old\n")

    def full_disk(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    code, _, err = _run("parse", EXAMPLE, "-o", str(target))
    assert code == 3
    _one_error_line(err, "No space left on device")
    assert target.read_text() == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


# ---- the installed entry points -----------------------------------------------------


def test_python_dash_m_and_no_traceback(tmp_path: Path) -> None:
    ok = subprocess.run(
        [sys.executable, "-m", "transcriptkit", "--version"], capture_output=True, text=True
    )
    assert (ok.returncode, ok.stdout) == (0, f"transcriptkit {transcriptkit.__version__}\n")
    bad = subprocess.run(
        [sys.executable, "-m", "transcriptkit", "parse", str(tmp_path / "nope.txt")],
        capture_output=True,
        text=True,
    )
    assert bad.returncode == 1
    assert "Traceback" not in bad.stderr
    _one_error_line(bad.stderr, "no such file")


def test_a_closed_pipe_is_quiet(monkeypatch: pytest.MonkeyPatch) -> None:
    def gone(*args: object, **kwargs: object) -> None:
        raise BrokenPipeError

    monkeypatch.setattr(Console, "_write_buffer", gone)  # rich's own handling, then ours
    code, _, err = _run("show", EXAMPLE)
    assert (code, err) == (141, "")
    monkeypatch.setattr(cli, "export_many", gone)
    code, _, err = _run("parse", EXAMPLE)
    assert (code, err) == (141, "")


def test_a_closed_pipe_in_a_real_pipe() -> None:
    # Whether the write fails depends on the pipe's size; either way, no traceback.
    proc = subprocess.Popen(
        [sys.executable, "-m", "transcriptkit", "show", *[EXAMPLE] * 40],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.read(100)
    proc.stdout.close()
    assert proc.wait(timeout=60) in (0, 141)
    assert proc.stderr.read() == b""
