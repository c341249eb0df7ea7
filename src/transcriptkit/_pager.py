"""Where `transcriptkit show` writes: the terminal, a pager, or a pipe.

On a terminal the output goes to a pager once it is longer than the screen, as git does:
the first screen is held back only until it is full, then the pager starts and reads the
rest as it is rendered, so a long transcript neither scrolls away with its header nor
waits to be rendered whole. Short output is printed as it is. The pager is
$TRANSCRIPTKIT_PAGER, else $PAGER, else `less`; `LESS` defaults to `FRX` (quit when it
fits, keep colour, leave the text on the screen).
"""

from __future__ import annotations

import contextlib
import os
import shlex
import shutil
import subprocess
import sys
from collections.abc import Iterator
from typing import IO

from rich.console import Console

# Width of a view that is not written to a terminal (a pipe, a file): what most readers
# (less, an editor, a mail) show without wrapping again.
PIPE_WIDTH = 80
LESS_DEFAULT = "FRX"


class _ViewConsole(Console):
    def on_broken_pipe(self) -> None:
        """Rich would exit 1 here; the command line ends quietly with 141 instead."""
        raise BrokenPipeError


class PagerQuit(Exception):
    """The user left the pager before the end: nothing more to render, not an error."""


class _PagingFile:
    """A text stream that holds what is written until it is longer than `height` lines,
    then starts the pager and feeds it; on `close`, short output goes to `out`."""

    def __init__(self, out: IO[str], command: list[str], height: int, always: bool) -> None:
        self.out = out
        self.command = command
        self.height = height
        self.held: list[str] = []
        self.lines = 0
        self.proc: subprocess.Popen[str] | None = None
        self.failed = False  # the pager could not start: write to `out`
        if always:
            self._start()

    def write(self, text: str) -> int:
        if self.proc is not None:
            self._feed(text)
        elif self.failed:
            self.out.write(text)
        else:
            self.held.append(text)
            self.lines += text.count("\n")
            if self.lines > self.height:
                self._start()
        return len(text)

    def flush(self) -> None:
        if self.proc is not None and self.proc.stdin is not None:
            try:
                self.proc.stdin.flush()
            except (BrokenPipeError, ValueError):
                raise PagerQuit from None
        elif self.failed:
            self.out.flush()

    def isatty(self) -> bool:
        return True

    def fileno(self) -> int:
        return self.out.fileno()

    def _start(self) -> None:
        env = dict(os.environ)
        env.setdefault("LESS", LESS_DEFAULT)
        try:
            self.proc = subprocess.Popen(
                self.command, stdin=subprocess.PIPE, text=True, encoding="utf-8", env=env
            )
        except OSError:
            self.failed = True
        held, self.held = "".join(self.held), []
        if self.failed:
            self.out.write(held)
        else:
            self._feed(held)

    def _feed(self, text: str) -> None:
        assert self.proc is not None and self.proc.stdin is not None
        try:
            self.proc.stdin.write(text)
        except (BrokenPipeError, ValueError):
            raise PagerQuit from None

    def close(self) -> None:
        if self.proc is None:
            self.out.write("".join(self.held))
            self.out.flush()
            return
        with contextlib.suppress(BrokenPipeError, ValueError):
            if self.proc.stdin is not None:
                self.proc.stdin.close()
        while True:
            try:
                self.proc.wait()
                return
            except KeyboardInterrupt:  # Ctrl-C is the pager's to handle; wait for it
                continue


def pager_command() -> list[str] | None:
    """The pager to run, or None when paging is switched off (`PAGER=cat` or empty)."""
    raw = os.environ.get("TRANSCRIPTKIT_PAGER", os.environ.get("PAGER", "less"))
    command = shlex.split(raw)
    if not command or command[0] == "cat":
        return None
    return command


@contextlib.contextmanager
def terminal_output(
    *,
    pager: bool | None = None,
    color: bool | None = None,
    width: int | None = None,
    out: IO[str] | None = None,
) -> Iterator[Console]:
    """A console for the view: colour and paging decided once, here.

    `pager` None pages on a terminal when the output is longer than the screen, True
    pages on a terminal in any case, False never; `color` None colours on a terminal
    (rich honours NO_COLOR), True always, False never.
    """
    out = out or sys.stdout
    tty = _isatty(out)
    size = shutil.get_terminal_size()
    columns = width or (size.columns if tty else PIPE_WIDTH)
    colored = tty if color is None else color
    command = pager_command() if tty and pager is not False else None
    stream: IO[str] | _PagingFile = out
    if command is not None:
        stream = _PagingFile(out, command, max(1, size.lines - 1), always=pager is True)
    console = _ViewConsole(
        file=stream,  # type: ignore[arg-type]
        width=columns,
        force_terminal=colored,
        color_system="auto" if colored else None,
        no_color=None if colored else True,
        highlight=False,
        emoji=False,
        markup=False,
        soft_wrap=False,
    )
    try:
        yield console
    except PagerQuit:
        pass
    finally:
        if isinstance(stream, _PagingFile):
            stream.close()


def _isatty(stream: IO[str]) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
