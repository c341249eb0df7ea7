"""The `transcriptkit` command: every command, every documented error and exit code."""

from __future__ import annotations

import csv
import gzip
import io
import json
import os
import re
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


def test_an_undecodable_file_is_repaired_and_reported(tmp_path: Path) -> None:
    bad = tmp_path / "notes.txt"
    bad.write_bytes(b"ANA RUIZ, HOST: Caf\xc3\xa9 talk. It\x92s fine.\n")  # one stray byte
    code, out, err = _run("parse", str(bad), "-f", "speech")
    assert (code, out) == (0, "Café talk. It's fine.\n")
    [line] = err.splitlines()
    assert line.startswith("transcriptkit: warning: ")
    assert "notes.txt" in line and "0x92" in line and "line 1" in line
    assert _run("parse", str(bad), "-q")[2] == ""


def test_strict_refuses_what_lenient_repairs(tmp_path: Path) -> None:
    bad = tmp_path / "notes.txt"
    bad.write_bytes(b"ANA RUIZ, HOST: Caf\xc3\xa9 talk. It\x92s fine.\n")
    code, out, err = _run("parse", str(bad), "--strict")
    assert (code, out) == (1, "")
    # the library's own message: what, where (line, column, offset), what to do
    _one_error_line(err, "notes.txt", "line 1", "byte offset 30", "0x92", "--strict")
    assert "strict=False" not in err


def test_a_file_cut_inside_its_last_character(tmp_path: Path) -> None:
    cut = tmp_path / "cut.txt"
    cut.write_bytes("ANA RUIZ, HOST: Café\n\nBEN OKAFOR: Olé".encode()[:-1])  # `head -c`
    code, out, err = _run("parse", str(cut), "-f", "speech")
    assert code == 0 and out.startswith("Café")
    assert "warning" in err
    assert _run("parse", str(cut), "--strict")[0] == 1


def test_a_control_byte_is_repaired_and_reported(tmp_path: Path) -> None:
    one = tmp_path / "bell.txt"
    one.write_bytes(b"ANA RUIZ, HOST: Ding\x07 dong.\n")
    code, out, err = _run("parse", str(one), "-f", "speech")
    assert (code, out) == (0, "Ding dong.\n")
    assert "control" in err
    code, _, err = _run("parse", str(one), "--strict")
    assert code == 1
    _one_error_line(err, "bell.txt", "U+0007")


@pytest.mark.parametrize(
    ("data", "looks_like"),
    [
        (BINARY, "PNG image"),
        (b"\x7fELF\x02\x01\x01\x00" + bytes(56) + b"text", "an ELF executable"),
        (b"PK\x03\x04\x14\x00\x00\x00" + b"word/document.xml", "zip archive"),
        (b"ANA RUIZ, HOST: Hi.\n\x00\x00\x01\x02 data", "a NUL byte at byte offset 20"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF"),
    ],
)
def test_binary_input_is_refused_by_what_it_looks_like(
    tmp_path: Path, data: bytes, looks_like: str
) -> None:
    path = tmp_path / "thing.txt"
    path.write_bytes(data)
    for strict in ((), ("--strict",)):
        code, out, err = _run("parse", str(path), *strict)
        assert (code, out) == (1, "")
        _one_error_line(err, "thing.txt", "this is", looks_like, "not text")


def test_binary_stdin() -> None:
    code, _, err = _run("parse", "-", stdin=BINARY)
    assert code == 1
    _one_error_line(err, "<stdin>", "a PNG image")


def test_utf16_text_is_not_binary(tmp_path: Path) -> None:
    wide = tmp_path / "wide.txt"
    wide.write_bytes("ANA RUIZ, HOST: Wide words.\n".encode("utf-16-le"))  # no BOM, NULs
    code, out, _ = _run("parse", str(wide), "-f", "speech")
    assert (code, out) == (0, "Wide words.\n")


def test_gzip_input_is_read_transparently(tmp_path: Path) -> None:
    packed = tmp_path / "story.txt.gz"
    packed.write_bytes(gzip.compress(Path(CRLF).read_bytes()))
    plain = _run("parse", CRLF, "-f", "speech")[1]
    assert _run("parse", str(packed), "-f", "speech")[1] == plain
    assert _run("parse", "-f", "speech", stdin=packed.read_bytes())[1] == plain


def test_gzip_of_a_binary_file_names_what_is_inside(tmp_path: Path) -> None:
    packed = tmp_path / "photo.png.gz"
    packed.write_bytes(gzip.compress(BINARY))
    code, _, err = _run("parse", str(packed))
    assert code == 1
    _one_error_line(err, "photo.png.gz", "PNG image")


def test_a_truncated_gzip_file(tmp_path: Path) -> None:
    packed = tmp_path / "story.txt.gz"
    packed.write_bytes(gzip.compress(Path(EXAMPLE).read_bytes())[:200])
    code, _, err = _run("parse", str(packed))
    assert code == 1
    _one_error_line(err, "story.txt.gz", "gzip", "ends early")


def test_empty_input_is_a_warning(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    code, out, err = _run("parse", str(empty))
    assert code == 0 and json.loads(out)["kind"] == "other"
    [line] = err.splitlines()
    assert line == f"transcriptkit: warning: {empty}: {empty} is empty"
    _, out, _ = _run("show", str(empty))
    assert "is empty" in out  # in the view's footer


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


# ---- -o writes atomically (the rest of -o: tests/test_output.py) ---------------------


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


# ---- usage errors: one line and a --help hint ---------------------------------------


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["parse", EXAMPLE, "-f"], "requires an argument"),
        (["parse", EXAMPLE, "--bogus"], "No such option: --bogus"),
        (["parse", EXAMPLE, "--indent", "many"], "Invalid value for '--indent'"),
        (["show", EXAMPLE, "--width", "3"], "--width"),
        (["parse", EXAMPLE, "--style", "nosuch"], "unknown style 'nosuch'"),
        (["frobnicate"], "No such command 'frobnicate'"),
    ],
)
def test_usage_errors_are_one_line_with_a_help_hint(args: list[str], fragment: str) -> None:
    code, out, err = _run(*args)
    assert (code, out) == (2, "")
    command = "transcriptkit" if args[0] == "frobnicate" else f"transcriptkit {args[0]}"
    _one_error_line(err, fragment, f"see '{command} --help'")
    assert "╭" not in err and "Usage:" not in err


def test_help_has_examples_and_exit_codes_and_no_type_metavars() -> None:
    for command in ([], ["parse"], ["show"], ["stats"], ["styles"], ["schema"], ["batch"]):
        code, out, _ = _run(*command, "--help")
        assert code == 0
        for metavar in ("<bool>", "<str>", "<int", "<list", "╭"):
            assert metavar not in out, (command, metavar)
    for command in ([], ["parse"], ["show"]):
        out = _run(*command, "--help")[1]
        assert "Examples:" in out and "Exit codes:" in out
    assert "2 usage" in _run("--help")[1]


# ---- friction -----------------------------------------------------------------------


def test_styles_lists_one_a_line() -> None:
    code, out, _ = _run("styles")
    assert code == 0
    lines = out.splitlines()
    names = [line.split()[0] for line in lines]
    assert {"generic", "npr", "cnn"} <= set(names)
    assert all(len(line.split(None, 1)) == 2 for line in lines)  # a name and what it is


def test_style_forces_a_house_style_in_any_case() -> None:
    _, out, _ = _run("parse", EXAMPLE, "--style", "CNN")
    assert json.loads(out)["metadata"]["style"] == "cnn"
    _, out, _ = _run("parse", EXAMPLE)
    assert json.loads(out)["metadata"]["style"] == "npr"


@pytest.mark.parametrize(
    ("name", "start"),
    [
        ("turns.csv", b"doc_id,source,title,date,program,turn,"),
        ("turns.JSONL", b'{"doc_id": "'),
        ("story.md", b"**PAULINE ROCHE, HOST:**"),
        ("story.txt", b"Transcript\n\nPAULINE ROCHE, HOST:"),
        ("story.json", b'{\n  "kind"'),
        ("story.out", b'{\n  "kind"'),  # no format of its own: json
    ],
)
def test_the_format_comes_from_the_output_extension(
    tmp_path: Path, name: str, start: bytes
) -> None:
    target = tmp_path / name
    assert _run("parse", CRLF, "-o", str(target))[0] == 0
    assert target.read_bytes().startswith(start)


def test_an_extension_whose_format_is_missing_is_a_usage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cli, "writers", dict)  # as before the parquet writer exists
    code, _, err = _run("parse", CRLF, "-o", str(tmp_path / "t.parquet"))
    assert code == 2
    _one_error_line(err, "parquet", "-f")


def test_format_names_are_case_insensitive_and_have_aliases() -> None:
    assert _run("parse", CRLF, "-f", "JSON")[1] == _run("parse", CRLF)[1]
    assert _run("parse", CRLF, "-f", "md")[1] == _run("parse", CRLF, "-f", "markdown")[1]
    assert _run("parse", CRLF, "-f", "Text")[1] == _run("parse", CRLF, "-f", "text")[1]


def test_a_writer_format_is_called_with_the_output_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[tuple[list[str], Path]] = []

    def writer(docs: object, path: Path, options: object) -> None:
        seen.append(([name for name, _ in docs], path))  # type: ignore[attr-defined]
        path.write_text("written\n")

    monkeypatch.setattr(cli, "writers", lambda: {"parquet": writer})
    target = tmp_path / "t.parquet"
    assert _run("parse", CRLF, "-o", str(target))[0] == 0
    assert seen == [([CRLF], target)]
    code, _, err = _run("parse", CRLF, "-f", "parquet")
    assert code == 2
    _one_error_line(err, "writes a file or folder", "give it with -o")


def test_no_file_reads_standard_input() -> None:
    code, out, _ = _run("parse", "-f", "speech", stdin=Path(CRLF).read_bytes())
    assert code == 0 and out.startswith("A museum in Vell Harbor")
    code, out, _ = _run("stats", "--json", stdin=Path(CRLF).read_bytes())
    assert json.loads(out)["doc"] == "-"


def test_verbatim_keeps_the_printed_quotes(tmp_path: Path) -> None:
    quoted = tmp_path / "q.txt"
    quoted.write_text("ANA RUIZ, HOST: She said “go” and `left`.\n", encoding="utf-8")
    assert _run("parse", str(quoted), "-f", "speech")[1] == "She said \"go\" and 'left'.\n"
    out = _run("parse", str(quoted), "-f", "speech", "--verbatim")[1]
    assert out == "She said “go” and `left`.\n"


# ---- safe text ----------------------------------------------------------------------

HOSTILE = (
    b"\x1b]0;pwned\x07ANA RUIZ, HOST: Hello \x1b[2J\x1b[31mred\x1b[0m world.\n\n"
    b"BEN OKAFOR: Fine\x08\x08\x08\x08 \xc2\x9b6n thanks.\n"  # U+009B: the 8-bit CSI
)
_SGR = re.compile(r"\x1b\[[0-9;]*m")  # rich's own colour codes


def test_terminal_escapes_leave_the_text_and_are_reported(tmp_path: Path) -> None:
    path = tmp_path / "hostile.txt"
    path.write_bytes(HOSTILE)
    code, out, err = _run("parse", str(path))
    assert code == 0
    data = json.loads(out)
    assert [t["text"] for t in data["turns"]] == ["Hello red world.", "Fine thanks."]
    assert "\x1b" not in out and "\\u001b" not in json.dumps(data["turns"])
    assert "removed from the text" in err
    assert "\x1b" not in err


@pytest.mark.parametrize("color", ["--color", "--no-color"])
def test_show_never_passes_an_escape_through(tmp_path: Path, color: str) -> None:
    path = tmp_path / "hostile.txt"
    path.write_bytes(HOSTILE)
    code, out, _ = _run("show", str(path), color, "--no-pager")
    assert code == 0
    assert "Hello red world." in out
    assert "\x1b" not in _SGR.sub("", out)  # nothing but colour codes, and only with --color
    assert ("\x1b[" in out) == (color == "--color")


# ---- the error classes ----------------------------------------------------------------


def test_error_classes_are_exported_and_match_the_builtins(tmp_path: Path) -> None:
    from transcriptkit import errors

    for name in errors.__all__:
        assert getattr(transcriptkit, name) is getattr(errors, name)
    with pytest.raises(FileNotFoundError):
        transcriptkit.parse_file(tmp_path / "nope.txt")
    with pytest.raises(IsADirectoryError):
        transcriptkit.parse_file(tmp_path)
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"ANA RUIZ, HOST: Caf\xc3\xa9 talk. It\x92s fine.\n")
    with pytest.raises(UnicodeDecodeError) as caught:
        transcriptkit.parse_file(bad, strict=True)
    assert isinstance(caught.value, transcriptkit.TranscriptError)
    assert (caught.value.object, caught.value.offset) == (b"\x92", 30)


def test_turns_by_takes_labels_in_any_case() -> None:
    t = transcriptkit.parse_file(EXAMPLE)
    by_name = t.turns_by("ODILE FARNSWORTH")
    assert len(by_name) == 4
    assert t.turns_by("FARNSWORTH") == by_name  # a label she used, not her name
    assert t.turns_by("farnsworth") == by_name
    assert t.turns_by("Odile Farnsworth") == by_name
    assert t.turns_by("odile-farnsworth") == by_name
    assert t.turns_by("Tobias Marchetti, byline") == t.turns_by("tobias-marchetti")
    assert t.turns_by("nobody at all") == []


def test_parse_can_keep_the_printed_quotes() -> None:
    text = "ANA RUIZ, HOST: She said “go” and `left`.\n"
    assert transcriptkit.parse(text).turns[0].text == "She said \"go\" and 'left'."
    assert transcriptkit.parse(text, normalize=False).turns[0].text == text[16:-1]


def test_stats_data_goes_through_the_same_output(tmp_path: Path) -> None:
    target = tmp_path / "speakers.csv"
    assert _run("stats", EXAMPLE, "-f", "CSV", "-o", str(target))[0] == 0
    assert target.read_text(encoding="utf-8").splitlines()[0].startswith("doc")
    target.chmod(0o444)
    code, _, err = _run("stats", EXAMPLE, "-f", "csv", "-o", str(target))
    assert code == 3
    _one_error_line(err, "read-only")
    code, _, err = _run("stats", EXAMPLE, "-o", str(tmp_path / "t.txt"))
    assert code == 2
    _one_error_line(err, "-f json or -f csv")
