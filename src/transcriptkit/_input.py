"""One input of the command line to a `Transcript`: a file, `-` (standard input), or a
gzip-compressed file of either, read leniently (repaired and reported) or strictly.

The library's `parse_file` reads a path; the command line also reads standard input and
`.gz` files, and refuses binary files before the lenient reader turns them into an
"article" of mojibake (`read_text` names the formats it knows by their magic bytes;
`_sniff` adds NULs no text encoding explains). Everything else is the library's:
`read_text` decodes and repairs, `parse` parses.
"""

from __future__ import annotations

import gzip
import io
import zlib
from pathlib import Path
from typing import BinaryIO

from ._safe import control_diagnostics, strip_controls
from ._sniff import nul_binary
from .errors import BinaryInputError, InputError
from .models import Transcript
from .parser import parse
from .reader import _read_bytes, _refuse_known_binary, add_reading_notes, read_text
from .styles import Style

STDIN = "-"
STDIN_NAME = "<stdin>"
GZIP_MAGIC = b"\x1f\x8b"
# A transcript is kilobytes to megabytes; a gzip file that unpacks past this is a bomb.
MAX_GUNZIPPED = 1 << 30


def display_name(name: str) -> str:
    return STDIN_NAME if name == STDIN else name


def read_input(
    name: str,
    *,
    strict: bool = False,
    style: Style | str | None = None,
    normalize: bool = True,
    stdin: BinaryIO | None = None,
) -> Transcript:
    """Read and parse one input; raises `InputError` (its subclasses say which kind).
    `strict` and `normalize` mean what they mean for `read_text` and `parse`."""
    shown = display_name(name)
    if name == STDIN:
        if stdin is None:
            import sys

            stdin = sys.stdin.buffer
        data = stdin.read()
    else:
        data = _read_bytes(Path(name))
    if data.startswith(GZIP_MAGIC):
        data = gunzip(data, shown)
    _refuse_known_binary(data, shown)  # by magic bytes first: they name the format
    described = nul_binary(data)
    if described:
        raise BinaryInputError(shown, "binary", described=described)
    text, encoding, notes = read_text(data, name=shown, strict=strict)
    # Escapes out before the tokenizer looks for labels (`ESC]0;title BEL` in front of
    # `ANA RUIZ, HOST:` would hide the label); `parse` alone can only clean the words.
    removed = control_diagnostics(text, in_spans=False)
    if removed:  # says what was done with them, which the reader's note cannot
        notes = [n for n in notes if n.code != "control-characters"] + removed
        text = strip_controls(text)
    transcript = parse(text, style=style, normalize=normalize)
    transcript.metadata.encoding = encoding
    add_reading_notes(transcript, notes, shown, data, text)
    return transcript


def gunzip(data: bytes, shown: str) -> bytes:
    """The content of gzip-compressed bytes (every member), up to MAX_GUNZIPPED bytes."""
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as f:
            out = f.read(MAX_GUNZIPPED + 1)
    except EOFError:
        raise InputError(
            "is gzip-compressed but ends early (a truncated download?)",
            path=shown,
            hint="fetch the file again, or unpack what there is with `gzip -dc`",
        ) from None
    except (OSError, zlib.error) as exc:
        raise InputError(
            f"is gzip-compressed but cannot be unpacked ({exc})",
            path=shown,
            hint="check the file with `gzip -t`",
        ) from None
    if len(out) > MAX_GUNZIPPED:
        raise InputError(
            f"unpacks to more than {MAX_GUNZIPPED >> 20} MiB",
            path=shown,
            hint="a transcript is far smaller; check what the file is",
        )
    return out
