"""The `transcriptkit` command: a thin shell over the library (parse, show, stats, schema).

Every failure is one line on stderr and an exit code from `ExitCode` (see docs/cli.md);
no traceback reaches a user.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from enum import IntEnum
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from rich.console import Console

from . import __version__
from ._atomic import write_atomic
from .cli_batch import batch as batch_command
from .errors import DecodeError, TranscriptError
from .export import FORMATS, WRITERS, Options, export_many, untimed_note
from .export import schema as transcript_schema
from .models import Transcript
from .parser import parse as parse_text
from .reader import parse_file, read_text
from .stats_view import stats_renderables, stats_text
from .view import TranscriptView

STDIN = "-"


class ExitCode(IntEnum):
    OK = 0
    INPUT = 1  # an input file is missing, a directory, or not text
    USAGE = 2  # a bad option or argument (the code click gives its own usage errors)
    OUTPUT = 3  # the output file could not be written
    INTERNAL = 70  # a bug in transcriptkit (EX_SOFTWARE): please report it
    PIPE = 141  # the reader of our output went away (`| head`), as a shell reports SIGPIPE


app = typer.Typer(
    name="transcriptkit",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)

Files = Annotated[
    list[str],
    typer.Argument(metavar="FILE", help="Transcript files; - reads standard input."),
]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"transcriptkit {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version."),
    ] = False,
) -> None:
    """Parse broadcast and podcast transcripts into typed data; export, view, count."""


@app.command()
def parse(
    files: Files,
    fmt: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            help=f"Output format: {', '.join([*FORMATS, *WRITERS])} (the last two need -o).",
            autocompletion=lambda: [*FORMATS, *WRITERS],
        ),
    ] = "json",
    output: Annotated[
        str | None,
        typer.Option("--output", "-o", help="Write to this file (atomically), not stdout."),
    ] = None,
    indent: Annotated[
        int, typer.Option(min=0, help="json: spaces per level; 0 puts a document on one line.")
    ] = 2,
    labels: Annotated[
        bool, typer.Option(help="text, markdown: labels as printed, not canonical names.")
    ] = False,
    cues: Annotated[bool, typer.Option(help="text, markdown: standalone cues.")] = True,
    notes: Annotated[
        bool, typer.Option(help="text, markdown: inline notes such as (LAUGHTER).")
    ] = False,
) -> None:
    """Parse FILEs and write them in one format (several JSON documents make an array)."""
    with _user_errors():
        known = [*FORMATS, *WRITERS]
        if fmt not in known:
            _fail(f"unknown format {fmt!r}; choose one of {', '.join(known)}", ExitCode.USAGE)
        if fmt in WRITERS and output is None:
            _fail(f"{fmt} writes a file or folder: give it with -o", ExitCode.USAGE)
        options = Options(indent=indent or None, labels=labels, cues=cues, notes=notes)
        if fmt in WRITERS and output is not None:
            docs = _load(files)
            try:
                WRITERS[fmt](docs, Path(output), options)
            except OSError as exc:
                _fail(f"{output}: cannot write ({exc.strerror or exc})", ExitCode.OUTPUT)
            return
        docs = _load(files)
        if fmt in ("textgrid", "eaf") and len(docs) > 1:
            _fail(f"{fmt} holds one document: export one FILE at a time", ExitCode.USAGE)
        for name, t in docs:  # what a timed format leaves out, one line each
            if note := untimed_note(t, fmt):
                typer.echo(f"transcriptkit: warning: {name}: {note}", err=True)
        text = export_many(docs, fmt, options)
        if output is None:
            sys.stdout.write(text)
            sys.stdout.flush()
            return
        try:
            write_atomic(output, text)
        except OSError as exc:
            _fail(f"{output}: cannot write ({exc.strerror or exc})", ExitCode.OUTPUT)


@app.command()
def show(
    files: Files,
    width: Annotated[
        int | None, typer.Option(min=20, help="Wrap to this many columns (default: terminal).")
    ] = None,
) -> None:
    """Show FILEs in the terminal: header, speakers, turns with cues in source order."""
    with _user_errors():
        docs = _load(files)
        console = _Console(width=width)
        for i, (name, transcript) in enumerate(docs):
            if i:
                console.print()
            console.print(TranscriptView(transcript, source=name))


@app.command()
def stats(
    files: Files,
    fmt: Annotated[
        str, typer.Option("--format", "-f", metavar="FORMAT", help="table, json or csv.")
    ] = "table",
    by: Annotated[str, typer.Option(metavar="speaker|role", help="csv: a row per …")] = "speaker",
    as_json: Annotated[bool, typer.Option("--json", help="Same as --format json.")] = False,
) -> None:
    """Per speaker and role: turns, words, talk and time share, words per minute; who
    speaks after whom; interruptions, overlaps, questions (docs/analysis.md)."""
    with _user_errors():
        fmt = "json" if as_json else fmt
        if fmt not in ("table", "json", "csv") or by not in ("speaker", "role"):
            _fail("choose --format table, json or csv and --by speaker or role", ExitCode.USAGE)
        docs = _load(files)
        if fmt in ("json", "csv"):
            sys.stdout.write(stats_text(docs, fmt, by))
            return
        console = _Console()
        for renderable in stats_renderables(docs):
            console.print(renderable)


app.command("batch")(batch_command)  # issue 13's command lives in cli_batch.py


@app.command()
def schema() -> None:
    """Print the JSON Schema of the parse output (docs/transcript.schema.json)."""
    with _user_errors():
        sys.stdout.write(transcript_schema())


class _Console(Console):
    def on_broken_pipe(self) -> None:
        """Rich would exit 1 here; let `_user_errors` handle it as for every other write."""
        raise BrokenPipeError


def _load(files: list[str]) -> list[tuple[str, Transcript]]:
    """Every file parsed before anything is written, so one bad file writes nothing."""
    return [(name, _read(name)) for name in files]


def _read(name: str) -> Transcript:
    if name != STDIN:
        return parse_file(name, strict=True)
    text, encoding, notes = read_text(sys.stdin.buffer.read(), name="<stdin>", strict=True)
    transcript = parse_text(text)
    transcript.metadata.encoding = encoding
    transcript.diagnostics[:0] = notes
    return transcript


def _fail(message: str, code: ExitCode) -> NoReturn:
    typer.echo(f"transcriptkit: error: {message}", err=True)
    raise typer.Exit(code)


@contextlib.contextmanager
def _user_errors() -> Iterator[None]:
    """Turn what can go wrong into one line on stderr and an exit code."""
    try:
        yield
    except (typer.Exit, typer.Abort):
        raise
    except DecodeError as exc:
        _fail(
            f"{exc.path}: cannot decode the byte at offset {exc.offset} as {exc.encoding}; "
            "is it a text file? Save it as UTF-8",
            ExitCode.INPUT,
        )
    except TranscriptError as exc:
        _fail(str(exc), ExitCode.INPUT)
    except BrokenPipeError:
        # Python would complain again when it flushes stdout at exit: point it at nothing.
        with contextlib.suppress(OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise typer.Exit(ExitCode.PIPE) from None
    except Exception as exc:
        _fail(f"internal error ({type(exc).__name__}: {exc}); please report it", ExitCode.INTERNAL)
