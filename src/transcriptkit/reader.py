"""Files to text: UTF-8 first (with or without BOM), a detected encoding otherwise.

Decoding never raises a traceback at a user: an unreadable file is a typed error, and a
file read with replacement characters says so in `diagnostics`.
"""

from __future__ import annotations

import codecs
import os
from pathlib import Path

from .errors import DecodeError, InputError
from .models import Diagnostic, Transcript
from .parser import parse

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def read_text(
    data: bytes, *, name: str = "<bytes>", strict: bool = False
) -> tuple[str, str, list[Diagnostic]]:
    """(text, encoding used, diagnostics) for raw bytes."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _decode(data, encoding, name, strict)
    try:
        return data.decode("utf-8"), "utf-8", []
    except UnicodeDecodeError as exc:
        utf8_error = exc
    guess = _detect(data)
    if guess:
        try:
            return (
                data.decode(guess),
                guess,
                [
                    Diagnostic(
                        code="encoding-detected",
                        message=f"not UTF-8; decoded as {guess}",
                        line=None,
                    )
                ],
            )
        except (UnicodeDecodeError, LookupError):
            pass
    if strict:
        raise DecodeError(name, utf8_error.start, "utf-8") from None
    text = data.decode("utf-8", errors="replace")
    line = data[: utf8_error.start].count(b"\n") + 1
    return (
        text,
        "utf-8",
        [
            Diagnostic(
                level="warning",
                code="undecodable-bytes",
                message=f"bytes that are not UTF-8 (first at byte offset {utf8_error.start}) were replaced by U+FFFD",
                line=line,
            )
        ],
    )


def _decode(
    data: bytes, encoding: str, name: str, strict: bool
) -> tuple[str, str, list[Diagnostic]]:
    try:
        return data.decode(encoding), encoding, []
    except UnicodeDecodeError as exc:
        if strict:
            raise DecodeError(name, exc.start, encoding) from None
        return (
            data.decode(encoding, errors="replace"),
            encoding,
            [
                Diagnostic(
                    level="warning",
                    code="undecodable-bytes",
                    message=f"bytes not valid {encoding} (first at byte offset {exc.start}) were replaced",
                )
            ],
        )


def _detect(data: bytes) -> str | None:
    """The encoding charset-normalizer finds most likely, or None."""
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    return best.encoding if best else None


def parse_file(path: str | os.PathLike[str], *, strict: bool = False) -> Transcript:
    """Read a file (bytes, any common encoding) and parse it."""
    p = Path(path)
    if p.is_dir():
        raise InputError(f"{p}: is a directory; pass a transcript file")
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{p}: no such file") from None
    except OSError as exc:
        raise InputError(f"{p}: cannot read ({exc.strerror})") from None
    text, encoding, notes = read_text(data, name=str(p), strict=strict)
    transcript = parse(text)
    transcript.metadata.encoding = encoding
    transcript.diagnostics[:0] = notes
    return transcript
