"""`transcriptkit show` in a real terminal: tmux runs it on a pseudo-terminal of a known
size, and the test reads the screen back (`capture-pane`).

What only a real terminal shows: the pager starts when the output is longer than the
screen (and not when it is shorter), the first screen is the header, colour is on, the
width is the terminal's, and a transcript's escape sequences neither retitle the window
nor clear the screen. Needs tmux (`make test` in CI installs it: see .ci/run); without it
these tests skip and say why.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TMUX = shutil.which("tmux")
pytestmark = pytest.mark.skipif(
    TMUX is None, reason="tmux is not installed: the real-terminal checks of `show` need it"
)
# How long to wait for the screen to show something: the machine may be busy, and a cold
# interpreter takes seconds to import pydantic and rich.
PATIENCE = 60.0


class Terminal:
    """One tmux server of our own (its own socket), one pane of a given size."""

    def __init__(self, columns: int, lines: int) -> None:
        assert TMUX is not None
        self.base = [TMUX, "-L", f"tk-test-{uuid.uuid4().hex[:8]}", "-f", "/dev/null"]
        env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "TMUX")}
        env |= {"TERM": "xterm-256color", "PAGER": "less", "LESS": "FRX", "PS1": "$ "}
        env.pop("TRANSCRIPTKIT_PAGER", None)
        self.env = env
        self.tmux("new-session", "-d", "-s", "t", "-x", str(columns), "-y", str(lines),
                  "bash --norc --noprofile")  # fmt: skip

    def tmux(self, *args: str) -> str:
        done = subprocess.run(
            [*self.base, *args], capture_output=True, text=True, env=self.env, timeout=30
        )
        assert done.returncode == 0, done.stderr
        return done.stdout

    def run(self, command: str) -> None:
        self.tmux("send-keys", "-t", "t", command, "Enter")

    def keys(self, *keys: str) -> None:
        self.tmux("send-keys", "-t", "t", *keys)

    def screen(self, *, escapes: bool = False) -> str:
        return self.tmux("capture-pane", "-p", "-t", "t", *(["-e"] if escapes else []))

    def wait_for(self, found: Callable[[str], bool], what: str) -> str:
        deadline = time.monotonic() + PATIENCE
        while time.monotonic() < deadline:
            screen = self.screen()
            if found(screen):
                return screen
            time.sleep(0.2)
        pytest.fail(f"the terminal never showed {what}:\n{self.screen()}")

    def close(self) -> None:
        subprocess.run([*self.base, "kill-server"], capture_output=True, timeout=30)


@pytest.fixture
def terminal() -> Iterator[Callable[[int, int], Terminal]]:
    opened: list[Terminal] = []

    def open_terminal(columns: int, lines: int) -> Terminal:
        opened.append(Terminal(columns, lines))
        return opened[-1]

    yield open_terminal
    for t in opened:
        t.close()


def _show(path: Path, *options: str) -> str:
    """The command line typed into the terminal; `EXIT=` says when it has finished."""
    args = " ".join(shlex.quote(a) for a in (str(path), *options))
    return f"clear; {shlex.quote(sys.executable)} -m transcriptkit show {args}; echo EXIT=$?"


def _ended(screen: str) -> bool:
    return re.search(r"^EXIT=\d+", screen, re.M) is not None


def _long(tmp_path: Path) -> Path:
    turns = [
        f"ANA RUIZ, HOST: Turn {i} has words that go on long enough to wrap at forty.\n\n"
        f"BEN OKAFOR: Reply {i}.\n"
        for i in range(80)
    ]
    path = tmp_path / "long.txt"
    path.write_text("The Long Night Shift At The Ferry Dock\n\n" + "\n".join(turns))
    return path


def _short(tmp_path: Path) -> Path:
    path = tmp_path / "short.txt"
    path.write_text("ANA RUIZ, HOST: Good evening.\n\nBEN OKAFOR: Evening, Ana.\n")
    return path


@pytest.mark.skipif(shutil.which("less") is None, reason="less is not installed: no pager")
def test_long_output_opens_the_pager_at_the_header(
    terminal: Callable[[int, int], Terminal], tmp_path: Path
) -> None:
    t = terminal(80, 24)
    t.run(_show(_long(tmp_path)))
    screen = t.wait_for(lambda s: "The Long Night Shift" in s, "the header")
    lines = screen.splitlines()
    assert lines[0].startswith("╭")  # the first screen starts at the header ...
    assert not _ended(screen)  # ... and waits in the pager, not scrolled away
    colored = t.screen(escapes=True)
    assert "\x1b[" in colored  # colour on a terminal (through less -R)
    t.keys("q")
    t.wait_for(lambda s: "EXIT=0" in s, "the command ending after q")


def test_short_output_is_printed_without_a_pager(
    terminal: Callable[[int, int], Terminal], tmp_path: Path
) -> None:
    t = terminal(80, 40)
    t.run(_show(_short(tmp_path)))
    screen = t.wait_for(_ended, "the command ending by itself")
    assert "EXIT=0" in screen and "Good evening." in screen


def test_no_pager_and_no_color_on_request(
    terminal: Callable[[int, int], Terminal], tmp_path: Path
) -> None:
    t = terminal(80, 24)
    t.run(_show(_long(tmp_path), "--no-pager", "--no-color"))
    screen = t.wait_for(_ended, "the command ending without a pager")
    assert "EXIT=0" in screen and "Reply 79." in screen
    body = t.screen(escapes=True)
    assert "\x1b[38;" not in body  # no colour


def test_the_terminal_width_is_used(
    terminal: Callable[[int, int], Terminal], tmp_path: Path
) -> None:
    t = terminal(40, 50)
    t.run(_show(_short(tmp_path), "--no-pager"))
    screen = t.wait_for(_ended, "the command ending")
    rule = next(line for line in screen.splitlines() if line.startswith("────"))
    assert len(rule) == 40  # the header's rule spans the terminal, no box below NARROW
    assert "Role" not in screen  # the compact legend


def test_escapes_in_a_transcript_do_not_reach_the_terminal(
    terminal: Callable[[int, int], Terminal], tmp_path: Path
) -> None:
    hostile = tmp_path / "hostile.txt"
    hostile.write_bytes(
        b"ANA RUIZ, HOST: Before \x1b]2;PWNED\x07the clear\x1b[2J\x1b[H, after.\n\n"
        b"BEN OKAFOR: Fine\x1b[8m hidden?\x1b[0m thanks.\n"
    )
    t = terminal(80, 40)
    t.tmux("select-pane", "-t", "t", "-T", "untouched")
    t.run(_show(hostile, "--no-pager"))
    screen = t.wait_for(_ended, "the command ending")
    assert "Before the clear, after." in screen
    assert "Fine hidden? thanks." in screen  # not concealed
    assert screen.splitlines()[0].startswith("╭")  # the screen was not cleared under it
    assert t.tmux("display-message", "-p", "-t", "t", "#{pane_title}").strip() == "untouched"
