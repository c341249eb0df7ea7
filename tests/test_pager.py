"""`show`'s output: a pager only when a terminal's screen would overflow, streaming into
it; colour only on a terminal (or on request). The real terminal is tests/test_terminal.py.
"""

from __future__ import annotations

import io
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from transcriptkit import _pager
from transcriptkit._pager import PagerQuit, _PagingFile, pager_command, terminal_output

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "npr_example.txt"


def _capture(tmp_path: Path) -> tuple[list[str], Path]:
    """A pager that copies what it reads into a file."""
    sink = tmp_path / "paged.txt"
    return ["sh", "-c", f"cat > {shlex.quote(str(sink))}"], sink


def test_short_output_is_not_paged(tmp_path: Path) -> None:
    command, sink = _capture(tmp_path)
    out = io.StringIO()
    paging = _PagingFile(out, command, height=10, always=False)
    paging.write("one\ntwo\n")
    paging.close()
    assert paging.proc is None and not sink.exists()
    assert out.getvalue() == "one\ntwo\n"


def test_long_output_goes_to_the_pager_as_it_comes(tmp_path: Path) -> None:
    command, sink = _capture(tmp_path)
    out = io.StringIO()
    paging = _PagingFile(out, command, height=3, always=False)
    paging.write("1\n2\n3\n")
    assert paging.proc is None  # one screen: still held back
    paging.write("4\n")
    assert paging.proc is not None  # past the screen: the pager runs before the rest
    paging.write("5\n")
    paging.close()
    assert sink.read_text() == "1\n2\n3\n4\n5\n"
    assert out.getvalue() == ""


def test_always_pages_at_once(tmp_path: Path) -> None:
    command, sink = _capture(tmp_path)
    paging = _PagingFile(io.StringIO(), command, height=100, always=True)
    assert paging.proc is not None
    paging.write("short\n")
    paging.close()
    assert sink.read_text() == "short\n"


def test_a_missing_pager_falls_back_to_the_terminal() -> None:
    out = io.StringIO()
    paging = _PagingFile(out, ["no-such-pager-anywhere"], height=1, always=False)
    paging.write("a\nb\nc\n")
    paging.close()
    assert out.getvalue() == "a\nb\nc\n"


def test_leaving_the_pager_early_ends_quietly() -> None:
    paging = _PagingFile(io.StringIO(), ["true"], height=1, always=True)
    assert paging.proc is not None
    paging.proc.wait()
    with pytest.raises(PagerQuit):
        for _ in range(10_000):  # the pipe fills, then breaks
            paging.write("line of text that nobody reads\n")
            paging.flush()
            if paging.proc.stdin is not None:
                paging.proc.stdin.flush()
    paging.close()


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({}, ["less"]),
        ({"PAGER": "more -s"}, ["more", "-s"]),
        ({"PAGER": "cat"}, None),
        ({"PAGER": ""}, None),
        ({"PAGER": "more", "TRANSCRIPTKIT_PAGER": "less -S"}, ["less", "-S"]),
    ],
)
def test_pager_command(
    monkeypatch: pytest.MonkeyPatch, environ: dict[str, str], expected: list[str] | None
) -> None:
    for name in ("PAGER", "TRANSCRIPTKIT_PAGER"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    assert pager_command() == expected


def test_not_a_terminal_no_pager_no_colour_80_columns(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_pager, "pager_command", lambda: pytest.fail("no pager in a pipe"))
    out = io.StringIO()
    with terminal_output(out=out) as console:
        assert console.width == 80
        console.print("[bold]x[/bold] " + "y" * 100)
    text = out.getvalue()
    assert "\x1b[" not in text and "[bold]" in text  # no colour, and no markup read
    assert max(len(line) for line in text.splitlines()) <= 80


def test_colour_on_request_in_a_pipe() -> None:
    out = io.StringIO()
    with terminal_output(out=out, color=True, width=50) as console:
        from rich.text import Text

        console.print(Text("red", style="red"))
    assert "\x1b[" in out.getvalue()


def test_show_pipes_into_head_and_stops(tmp_path: Path) -> None:
    """`show big.txt | head -3`: the first lines come out and the command ends at once
    with 141, silently, instead of laying out every turn first."""
    big = tmp_path / "big.txt"
    turns = [f"ANA RUIZ, HOST: Words of turn {i}.\n\nBEN OKAFOR: Reply {i}.\n" for i in range(3000)]
    big.write_text("Title Of The Long Show\n\n" + "\n".join(turns), encoding="utf-8")
    proc = subprocess.run(
        f"{shlex.quote(sys.executable)} -m transcriptkit show {shlex.quote(str(big))} | head -3;"
        " echo status=${PIPESTATUS[0]}",
        shell=True,
        executable="/bin/bash",
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    lines = proc.stdout.splitlines()
    assert len(lines) == 4 and "Title Of The Long Show" in lines[1]
    assert lines[3] in ("status=141", "status=0")
    assert proc.stderr == ""
