"""The `transcriptkit` command: a thin shell over the library (parse, show, stats, styles,
schema).

Lenient by default, as the library is: damaged input is repaired and every repair is one
line on stderr (`--quiet` hides them); `--strict` refuses it instead. Every failure is one
line on stderr and an exit code from `ExitCode` (see docs/cli.md); no traceback and no
box reaches a user.

Other commands (`batch`, `stats --format`) reuse the pieces here: the option types
(`FilesArg`, `OutputOpt`, `ForceOpt`, `StrictOpt`, `StyleOpt`, `QuietOpt`),
`load_inputs`, `report`, `user_errors`, and `_output.write_output` for `-o`.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from enum import IntEnum
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer
from rich.console import Console
from typer._click.exceptions import ClickException, NoArgsIsHelpError  # typer vendors click
from typer._click.globals import get_current_context
from typer.core import TyperArgument, TyperGroup, TyperOption

from . import __version__, export
from . import styles as style_registry
from ._input import STDIN, display_name, read_input
from ._output import STDOUT, silence_stdout, write_output
from ._safe import one_line
from .cli_batch import batch as batch_command
from .errors import OutputError, TranscriptError
from .export import FORMATS, Options, export_many, untimed_note
from .export import schema as transcript_schema
from .models import Diagnostic, Transcript
from .stats_view import stats_renderables, stats_text
from .view import TranscriptView


class ExitCode(IntEnum):
    OK = 0
    INPUT = 1  # an input file is missing, a directory, binary, or (--strict) damaged
    USAGE = 2  # a bad option or argument (the code click gives its own usage errors)
    OUTPUT = 3  # the output could not be written, or writing it was refused
    INTERNAL = 70  # a bug in transcriptkit (EX_SOFTWARE): please report it
    INTERRUPTED = 130  # Ctrl-C, as a shell reports SIGINT
    PIPE = 141  # the reader of our output went away (`| head`), as a shell reports SIGPIPE


PROG = "transcriptkit"

EXIT_CODES_HELP = """\b
Exit codes: 0 success, 1 an input cannot be read, 2 usage, 3 the output
cannot be written, 70 a bug (please report it), 141 the reader went away."""


class _Group(TyperGroup):
    """Usage errors as one line and a `--help` hint, not click's four lines or a box."""

    def main(  # type: ignore[override]
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        try:
            result = super().main(
                args, prog_name or PROG, complete_var, standalone_mode=False, **extra
            )
        except NoArgsIsHelpError as exc:
            exc.show()
            sys.exit(ExitCode.USAGE)
        except ClickException as exc:
            ctx = getattr(exc, "ctx", None)
            command = ctx.command_path if ctx is not None else self._command_of(args)
            message = one_line(exc.format_message()).rstrip(".")
            typer.echo(
                f"{PROG}: error: {message}; see '{command} --help'",
                err=True,
            )
            if not standalone_mode:
                raise
            sys.exit(ExitCode.USAGE if exc.exit_code == 2 else exc.exit_code)
        except typer.Abort:
            typer.echo(f"{PROG}: interrupted", err=True)
            sys.exit(ExitCode.INTERRUPTED)
        if not standalone_mode:
            return result
        sys.exit(result if isinstance(result, int) else ExitCode.OK)

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        """Every command's help, ours and the other modules' (`batch`), in words:
        `--glob GLOB`, `INPUT...`, not typer's `<str>` and `<list[str]>`."""
        command = super().get_command(ctx, cmd_name)
        for param in getattr(command, "params", ()):
            if isinstance(param, TyperArgument):
                param.display_type_rich = _no_type  # type: ignore[method-assign]
            elif isinstance(param, TyperOption) and not param.is_flag and param.metavar is None:
                param.metavar = (param.name or "value").upper()
        return command

    def _command_of(self, args: Sequence[str] | None) -> str:
        """`transcriptkit parse` when the arguments name a command (for the --help hint
        of an error click raised before the command's context existed)."""
        words = sys.argv[1:] if args is None else args
        name = next((w for w in words if w in self.commands), None)
        return f"{PROG} {name}" if name else PROG


def _no_type(ctx: Any = None) -> None:
    return None


app = typer.Typer(
    name=PROG,
    cls=_Group,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
    epilog=EXIT_CODES_HELP,
)

# ---- options shared by the commands (batch and stats reuse them) ------------------------

FILES_HELP = (
    "FILE... are transcript files (gzip-compressed ones too); '-', or no FILE at all, "
    "reads standard input."
)
FilesArg = Annotated[
    list[str] | None,
    typer.Argument(metavar="FILE", show_default=False, hidden=True),
]
StrictOpt = Annotated[
    bool,
    typer.Option(
        "--strict",
        help="Refuse damaged input (bad bytes, control characters) instead of repairing "
        "and reporting it.",
    ),
]
StyleOpt = Annotated[
    str | None,
    typer.Option(
        "--style",
        "-s",
        metavar="NAME",
        help="House style to read with, not the detected one ('transcriptkit styles' lists them).",
        autocompletion=lambda: [s.name for s in style_registry.styles()],
    ),
]
QuietOpt = Annotated[
    bool,
    typer.Option("--quiet", "-q", help="Do not report repairs and warnings on stderr."),
]
OutputOpt = Annotated[
    str | None,
    typer.Option(
        "--output",
        "-o",
        metavar="OUT",
        help="Write to OUT instead of standard output ('-' is standard output). A regular "
        "file is replaced atomically; devices, FIFOs and symlinks are written through.",
    ),
]
ForceOpt = Annotated[
    bool,
    typer.Option("--force", help="Replace OUT even when it is read-only or one of the inputs."),
]
VerbatimOpt = Annotated[
    bool,
    typer.Option(
        "--verbatim",
        help="Keep the text as printed: curly quotes and backticks are not straightened.",
    ),
]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"{PROG} {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version."),
    ] = False,
) -> None:
    """Parse broadcast and podcast transcripts into typed data; export, view, count.

    \b
    Examples:
      transcriptkit show story.txt
      transcriptkit parse story.txt -o turns.csv
      curl -s https://example.org/t.txt | transcriptkit parse -f jsonl
    """


# ---- formats ------------------------------------------------------------------------------

# What `-o`'s extension says the format is (when -f does not say), and other names people
# type for a format.
EXTENSIONS: dict[str, str] = {
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".srt": "srt",
    ".vtt": "vtt",
    ".parquet": "parquet",
    ".rttm": "rttm",
    ".textgrid": "textgrid",
    ".eaf": "eaf",
}
ALIASES: dict[str, str] = {"md": "markdown", "txt": "text", "ndjson": "jsonl"}
DEFAULT_FORMAT = "json"
# Formats that hold one document (issue 14): several FILEs are a usage error.
SINGLE_DOCUMENT = frozenset({"textgrid", "eaf"})

Writer = Callable[[Sequence[tuple[str, Transcript]], Path, Options], None]


def writers() -> dict[str, Writer]:
    """Formats that write files or folders themselves (parquet, convokit), by name."""
    found: dict[str, Writer] = export.WRITERS
    return found


def format_names() -> list[str]:
    return [*FORMATS, *(name for name in writers() if name not in FORMATS)]


def resolve_format(fmt: str | None, output: str | None) -> str:
    """The format asked for (any case, aliases allowed), else the one `-o`'s extension
    names, else json. A usage error names the known formats."""
    if fmt is None:
        ext = Path(output).suffix.lower() if output and output != STDOUT else ""
        fmt = EXTENSIONS.get(ext)
        if fmt is None:
            return DEFAULT_FORMAT
        if _known(fmt) is None:
            usage_error(
                f"the extension of {output} means {fmt}, which is not available here; "
                f"give -f with one of {', '.join(format_names())}"
            )
    name = _known(fmt)
    if name is None:
        usage_error(f"unknown format {fmt!r}; choose one of {', '.join(format_names())}")
    return name


def _known(fmt: str) -> str | None:
    wanted = ALIASES.get(fmt.lower(), fmt.lower())
    return next((name for name in format_names() if name.lower() == wanted), None)


# ---- commands -----------------------------------------------------------------------------


@app.command(
    epilog="""\b
Examples:
  transcriptkit parse story.txt                   JSON on standard output
  transcriptkit parse story.txt -o turns.csv      the format from the extension
  transcriptkit parse *.txt -f JSONL -o all.jsonl
  gzip -dc t.txt.gz | transcriptkit parse -f text --notes
\b
Exit codes: 0 success, 1 an input cannot be read, 2 usage, 3 the output
cannot be written, 70 a bug (please report it), 141 the reader went away.""",
)
def parse(
    files: FilesArg = None,
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            help=f"Output format: {', '.join(format_names())} (any case; default: from -o's "
            "extension, else json).",
            autocompletion=format_names,
            show_default=False,
        ),
    ] = None,
    output: OutputOpt = None,
    force: ForceOpt = False,
    strict: StrictOpt = False,
    style: StyleOpt = None,
    quiet: QuietOpt = False,
    verbatim: VerbatimOpt = False,
    indent: Annotated[
        int,
        typer.Option(
            min=0, metavar="N", help="json: spaces per level; 0 puts a document on one line."
        ),
    ] = 2,
    labels: Annotated[
        bool, typer.Option(help="text, markdown: labels as printed, not canonical names.")
    ] = False,
    cues: Annotated[bool, typer.Option(help="text, markdown: standalone cues.")] = True,
    notes: Annotated[
        bool, typer.Option(help="text, markdown: inline notes such as (LAUGHTER).")
    ] = False,
) -> None:
    """Parse transcripts and write them in one format.

    FILE... are transcript files (gzip-compressed ones too); '-', or no FILE, reads
    standard input. Several JSON documents make an array; jsonl and csv rows run on under
    one header. Every input is read before anything is written, so one bad file writes
    nothing.
    """
    with user_errors():
        name = resolve_format(fmt, output)
        names = input_names(files)
        options = Options(indent=indent or None, labels=labels, cues=cues, notes=notes)
        docs = load_inputs(names, strict=strict, style=style, quiet=quiet, verbatim=verbatim)
        if name in SINGLE_DOCUMENT and len(docs) > 1:
            usage_error(f"{name} holds one document: export one FILE at a time")
        for doc, t in docs:  # what a timed format leaves out, one line each
            if not quiet and (note := untimed_note(t, name)):
                typer.echo(f"{PROG}: warning: {one_line(doc)}: {note}", err=True)
        if name in FORMATS:
            write_output(output, export_many(docs, name, options), force=force, inputs=names)
            return
        if output is None or output == STDOUT:
            usage_error(f"{name} writes a file or folder: give it with -o")
        _refuse_input_as_output(output, names, force)
        try:
            writers()[name](docs, Path(output), options)
        except OSError as exc:
            raise OutputError(
                f"cannot write ({exc.strerror or exc})",
                path=output,
                hint="check that the path can be written",
            ) from None


@app.command(
    epilog="""\b
Examples:
  transcriptkit show story.txt                   in a pager when longer than the screen
  transcriptkit show story.txt -n --no-pager     line numbers, straight to the terminal
  transcriptkit show story.txt --width 60 | less -R
\b
Exit codes: 0 success, 1 an input cannot be read, 2 usage, 141 the reader went away.""",
)
def show(
    files: FilesArg = None,
    width: Annotated[
        int | None,
        typer.Option(
            min=20, metavar="N", help="Wrap to N columns (default: the terminal's, or 80)."
        ),
    ] = None,
    pager: Annotated[
        bool | None,
        typer.Option(
            "--pager/--no-pager",
            help="Page the output (default: on a terminal, when longer than the screen).",
            show_default=False,
        ),
    ] = None,
    color: Annotated[
        bool | None,
        typer.Option(
            "--color/--no-color",
            help="Colour (default: on a terminal, unless NO_COLOR is set).",
            show_default=False,
        ),
    ] = None,
    line_numbers: Annotated[
        bool,
        typer.Option("--line-numbers", "-n", help="Show each turn's line in the source."),
    ] = False,
    strict: StrictOpt = False,
    style: StyleOpt = None,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No footer of warnings and notes.")
    ] = False,
    verbatim: VerbatimOpt = False,
) -> None:
    """Show transcripts in the terminal: header, speakers, turns with cues in source order,
    then what the parser noticed.

    FILE... are transcript files (gzip-compressed ones too); '-', or no FILE, reads
    standard input.
    """
    from ._pager import terminal_output

    with user_errors():
        names = input_names(files)
        docs = load_inputs(names, strict=strict, style=style, quiet=True, verbatim=verbatim)
        with terminal_output(pager=pager, color=color, width=width) as console:
            for i, (name, transcript) in enumerate(docs):
                if i:
                    console.print()
                view = TranscriptView(
                    transcript,
                    source=display_name(name),
                    line_numbers=line_numbers,
                    footer=not quiet,
                )
                for piece in view.pieces():  # one at a time: the first screen comes at once
                    console.print(piece)


@app.command(
    epilog="""\b
Examples:
  transcriptkit stats story.txt
  transcriptkit stats *.txt -f csv --by role -o roles.csv
  transcriptkit stats story.txt --json""",
)
def stats(
    files: FilesArg = None,
    fmt: Annotated[
        str, typer.Option("--format", "-f", metavar="FORMAT", help="table, json or csv.")
    ] = "table",
    by: Annotated[str, typer.Option(metavar="speaker|role", help="csv: a row per …")] = "speaker",
    as_json: Annotated[bool, typer.Option("--json", help="Same as --format json.")] = False,
    overall: Annotated[
        bool, typer.Option("--overall", help="json, csv: all FILEs together, not each.")
    ] = False,
    output: OutputOpt = None,
    force: ForceOpt = False,
    strict: StrictOpt = False,
    style: StyleOpt = None,
    quiet: QuietOpt = False,
) -> None:
    """Per speaker and role: turns, words, talk and time share, words per minute; who
    speaks after whom; interruptions, overlaps, questions (docs/analysis.md).

    FILE... are transcript files; '-', or no FILE, reads standard input.
    """
    with user_errors():
        fmt = "json" if as_json else fmt.lower()
        if fmt not in ("table", "json", "csv") or by.lower() not in ("speaker", "role"):
            usage_error("choose --format table, json or csv and --by speaker or role")
        names = input_names(files)
        docs = load_inputs(names, strict=strict, style=style, quiet=quiet)
        if fmt in ("json", "csv"):
            text = stats_text(docs, fmt, by.lower(), overall=overall)
            write_output(output, text, force=force, inputs=names)
            return
        if output not in (None, STDOUT):
            usage_error("the table is for the terminal: give -f json or -f csv with -o")
        console = _Console()
        shown = [(one_line(name), t) for name, t in docs]  # a file name cannot drive it either
        for renderable in stats_renderables(shown):
            console.print(renderable)


@app.command("styles")
def list_styles() -> None:
    """List the house styles, one a line: its name, then what it is for."""
    with user_errors():
        known = style_registry.styles()
        wide = max(len(s.name) for s in known)
        write_output(None, "".join(f"{s.name:<{wide}}  {one_line(s.description)}\n" for s in known))


app.command("batch")(batch_command)  # issue 13's command lives in cli_batch.py


@app.command()
def schema() -> None:
    """Print the JSON Schema of the parse output (docs/transcript.schema.json)."""
    with user_errors():
        write_output(None, transcript_schema())


# ---- the shared pieces --------------------------------------------------------------------


class _Console(Console):
    def on_broken_pipe(self) -> None:
        """Rich would exit 1 here; let `user_errors` handle it as for every other write."""
        raise BrokenPipeError


def input_names(files: list[str] | None) -> list[str]:
    """The FILE arguments, or standard input when there are none (unless it is a
    terminal: then nobody is going to type a transcript, and a usage error says so)."""
    if files:
        return files
    if sys.stdin is None or sys.stdin.isatty():
        usage_error("no FILE given, and standard input is a terminal; " + FILES_HELP)
    return [STDIN]


def load_inputs(
    names: Sequence[str],
    *,
    strict: bool = False,
    style: str | None = None,
    quiet: bool = False,
    verbatim: bool = False,
) -> list[tuple[str, Transcript]]:
    """Every input parsed before anything is written, so one bad file writes nothing;
    each one's diagnostics reported on stderr as it is read (unless `quiet`)."""
    chosen = _style(style)
    docs: list[tuple[str, Transcript]] = []
    for name in names:
        transcript = read_input(name, strict=strict, style=chosen, normalize=not verbatim)
        if not quiet:
            report(display_name(name), transcript.diagnostics)
        docs.append((name, transcript))
    return docs


def _style(name: str | None) -> style_registry.Style | None:
    if name is None:
        return None
    wanted = name.lower()
    for known in style_registry.styles():
        if known.name.lower() == wanted:
            return known
    usage_error(
        f"unknown style {name!r}; choose one of "
        f"{', '.join(s.name for s in style_registry.styles())} ('transcriptkit styles')"
    )


def report(name: str, diagnostics: Sequence[Diagnostic]) -> None:
    """Warnings and errors, one line each on stderr: `transcriptkit: warning: FILE: …`.
    Notes (level info) say what was decided, not what went wrong: the view shows them."""
    for d in diagnostics:
        if d.level == "info":
            continue
        where = "" if d.line is None or d.message.startswith("line ") else f"line {d.line}: "
        typer.echo(f"{PROG}: {d.level}: {one_line(name)}: {where}{one_line(d.message)}", err=True)


def _refuse_input_as_output(output: str, names: Sequence[str], force: bool) -> None:
    if force or not os.path.exists(output):
        return
    for name in names:
        if name != STDIN and os.path.exists(name) and os.path.samefile(name, output):
            raise OutputError(
                f"is the input file {name}",
                path=output,
                hint="choose another output path, or pass --force to replace it",
            )


def usage_error(message: str) -> NoReturn:
    fail(f"{message}; see '{_command_path()} --help'", ExitCode.USAGE)


def _command_path() -> str:
    ctx = get_current_context(silent=True)
    return ctx.command_path if ctx else PROG


def fail(message: str, code: ExitCode) -> NoReturn:
    typer.echo(f"{PROG}: error: {one_line(message)}", err=True)
    raise typer.Exit(code)


def _message(exc: TranscriptError) -> str:
    """The library's own message, with advice for the command line where it gave advice
    for Python (`pass strict=False`)."""
    hint = exc.hint
    if hint and "strict=False" in hint:
        hint = "leave out --strict to repair and report it instead, or save the file as UTF-8"
    where, what = exc.where, exc.what
    text = f"{where}: {what}" if where else what
    return f"{text}; {hint}" if hint else text


@contextlib.contextmanager
def user_errors() -> Iterator[None]:
    """Turn what can go wrong into one line on stderr and an exit code."""
    try:
        yield
    except (typer.Exit, typer.Abort, ClickException):
        raise
    except OutputError as exc:
        fail(_message(exc), ExitCode.OUTPUT)
    except TranscriptError as exc:
        fail(_message(exc), ExitCode.INPUT)
    except BrokenPipeError:
        # Python would complain again when it flushes stdout at exit: point it at nothing.
        silence_stdout()
        raise typer.Exit(ExitCode.PIPE) from None
    except KeyboardInterrupt:
        raise typer.Exit(ExitCode.INTERRUPTED) from None
    except OSError as exc:
        # Reading raises TranscriptErrors; what is left is writing to the terminal or a pipe.
        silence_stdout()
        fail(f"standard output: cannot write ({exc.strerror or exc})", ExitCode.OUTPUT)
    except Exception as exc:
        fail(f"internal error ({type(exc).__name__}: {exc}); please report it", ExitCode.INTERNAL)
