"""Files and bytes to text: which encoding, what was damaged, what was repaired.

Transcripts arrive as UTF-8, UTF-8 with a byte order mark, UTF-16 from Windows tools,
Windows-1252 from old newsroom systems (curly quotes as single bytes), Latin-1, UTF-8 with
one Windows-1252 quote pasted in, and UTF-8 that went through a Windows-1252 round trip
on the way (`Itâ€™s` for `It’s`). `read_text` decides, in this order:

1. a byte order mark names the encoding (UTF-8, UTF-16 or UTF-32, either byte order);
2. every other byte zero: UTF-16 without a byte order mark;
3. valid UTF-8 (or UTF-8 cut off inside its last character);
4. mostly UTF-8 with a few bytes that are not: UTF-8, the stray bytes read as
   Windows-1252 (what they nearly always are);
5. otherwise a single-byte encoding: Windows-1252 where bytes 0x80-0x9F occur, Latin-1
   where they do not, and what charset-normalizer finds where the text is not in a
   Latin script at all.

Then, line by line, mojibake is repaired with ftfy, and lone carriage returns (classic
Mac OS line ends) become line feeds, which keeps every offset where it was.

Nothing is silent: the encoding goes to `metadata.encoding`, and every repair and every
replaced byte is a `Diagnostic` naming its line. With `strict=True` a byte that is not
valid in the file's encoding, or a NUL or other control byte (a binary file), raises
`DecodeError` (with its byte offset, line and column) instead of being replaced or kept.
`parse_file` never raises anything but a `TranscriptError`.
"""

from __future__ import annotations

import codecs
import os
import re
from collections.abc import Callable, Iterable
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path

from .asr import read_asr
from .errors import DecodeError, InputError, InputTypeError
from .models import Diagnostic, Level, Transcript
from .parser import parse

# At most this many diagnostics per kind of damage; the rest are counted in one more.
MAX_PLACES = 20

# (byte order mark, the encoding reported, the codec for the bytes after the mark).
# UTF-32 LE comes before UTF-16 LE: its mark starts with UTF-16 LE's.
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig", "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16-be"),
)

# Single-byte encodings of Latin script: where charset-normalizer names one of these,
# Windows-1252 or Latin-1 reads the text as well and is far more likely to be right
# (charset-normalizer often calls short English Windows-1252 text cp1250).
_LATIN_SINGLE_BYTE = frozenset(
    codecs.lookup(name).name
    for name in (
        "ascii",
        "cp1252",
        "latin-1",
        "iso8859-15",
        "cp1250",
        "iso8859-2",
        "mac-roman",
        "cp1254",
        "iso8859-9",
        "cp1257",
        "iso8859-13",
        "cp850",
        "cp437",
        "mac-latin2",
        "iso8859-3",
        "iso8859-4",
        "iso8859-10",
        "iso8859-14",
        "iso8859-16",
        "cp1258",
    )
)

_HIGH_BYTES = bytes(range(0x80, 0x100))
_HIGH_RUN = re.compile(rb"[\x80-\xff]+")
_C1_BYTES = re.compile(rb"[\x80-\x9f]")
_SAMPLE = 1 << 22  # bytes looked at to choose an encoding; decoding reads them all

# What UTF-8 turns into when read as Windows-1252 or Latin-1: a lead byte's character
# (`â`, `Ã`, `ð`) followed by as many continuation bytes' characters as it announces
# (`€`, `™`, `©`, ...; U+FFFD where Windows-1252 has no character): `â€™` for `’`, `Ã©` for
# `é`. Only lines that hold such a sequence are shown to ftfy, which decides whether they
# really are mojibake.
_CONT = (
    "[\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018-\u201a\u201c-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a"
    "\u20ac\u2122\ufffd]"
)
_MOJIBAKE_HINT = re.compile(
    f"[\u00c2-\u00df]{_CONT}|[\u00e0-\u00ef]{_CONT}{{2}}|[\u00f0-\u00f4]{_CONT}{{3}}"
)
# Control characters that text files do not hold: NUL, C0 controls other than tab, line
# feed, vertical tab, form feed and carriage return; DEL; C1 controls.
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_LONE_CR = re.compile("\r(?!\n)")
# What strict mode refuses as binary: NUL and C0 controls but tab, LF, VT, FF and CR.
_BINARY = re.compile("[\x00-\x08\x0e-\x1f]")


# ---- public API ---------------------------------------------------------------------------


def read_text(
    data: bytes, *, name: str = "<bytes>", strict: bool = False
) -> tuple[str, str, list[Diagnostic]]:
    """(text, encoding, diagnostics) for the raw bytes of a transcript.

    `name` is used in error messages (a file name). With `strict`, bytes that are not
    valid in the encoding raise `DecodeError`; otherwise they are replaced (by U+FFFD,
    or by their Windows-1252 reading inside UTF-8) and each place is a diagnostic.
    """
    if isinstance(data, str):
        raise InputTypeError(
            "read_text takes bytes, got str",
            path=name,
            hint="call transcriptkit.parse(text) for text that is already decoded",
        )
    if not isinstance(data, bytes | bytearray | memoryview):
        raise InputTypeError(
            f"read_text takes bytes, got {type(data).__name__}",
            path=name,
            hint="pass the file's content as bytes, or call parse_file(path)",
        )
    data = bytes(data)
    decoded = _decode(data, name, strict)
    if strict:
        _refuse_binary(data, decoded, name)
    text, notes = _repair(decoded.text)
    return text, decoded.encoding, decoded.notes + notes


def parse_file(
    path: str | os.PathLike[str],
    *,
    strict: bool = False,
    speakers: str | os.PathLike[str] | None = None,
    split_pause: float | None = None,
) -> Transcript:
    """Read a transcript file in any common encoding and parse it.

    `metadata.encoding` says how the file was read; `diagnostics` start with what reading
    noticed (see `read_text`). Raises `InputError` when the file cannot be read and, with
    `strict`, `DecodeError` when its bytes are not valid text. Speech-recognition output
    is recognised by content (docs/asr.md): `speakers` names an RTTM diarization to join to
    its words, `split_pause` cuts turns at longer silences; JSON of no known shape raises
    `AsrFormatError`.
    """
    if not isinstance(path, str | os.PathLike):
        raise InputTypeError(
            f"parse_file takes a path (str or os.PathLike), got {type(path).__name__}",
            hint="call parse(text) for text, or read_text(data) for bytes",
        )
    p = Path(path)
    data = _read_bytes(p)
    text, encoding, notes = read_text(data, name=str(p), strict=strict)
    transcript = read_asr(text, name=str(p), speakers=speakers, split_pause=split_pause)
    if transcript is None:
        transcript = parse(text)
    transcript.metadata.encoding = encoding
    transcript.diagnostics[:0] = notes
    return transcript


# ---- files ----------------------------------------------------------------------------


def _read_bytes(p: Path) -> bytes:
    try:
        if p.is_dir():
            raise InputError(
                "is a directory, not a transcript file",
                path=str(p),
                hint="pass one file; for a folder, call parse_file on each file in it",
            )
        return p.read_bytes()
    except FileNotFoundError:
        raise InputError(
            "no such file",
            path=str(p),
            hint=f"check the path (relative paths start at {Path.cwd()})",
        ) from None
    except PermissionError:
        raise InputError(
            "permission denied", path=str(p), hint="check the file's permissions"
        ) from None
    except ValueError as exc:  # `embedded null byte`
        raise InputError(
            f"is not a usable path ({exc})",
            path=repr(str(p)),
            hint="check where the path came from; it holds a character no file name can",
        ) from None
    except OSError as exc:
        raise InputError(
            f"cannot be read ({exc.strerror or exc})",
            path=str(p),
            hint="check that the path names a regular, readable file",
        ) from None


# ---- decoding -----------------------------------------------------------------------------


@dataclass
class _Decoded:
    text: str
    encoding: str
    notes: list[Diagnostic] = field(default_factory=list)
    codec: str = "utf-8"  # the codec of the bytes after `skip` (a byte order mark)
    skip: int = 0


@dataclass
class _Sink:
    """Where the error handler writes the bad byte ranges of one decode call."""

    windows_1252: bool  # replace a bad byte by its Windows-1252 reading, not by U+FFFD
    bad: list[tuple[int, int, int]] = field(default_factory=list)  # (start, end, chars)


_SINK: ContextVar[_Sink] = ContextVar("transcriptkit_decode_sink")


def _note_bad_bytes(exc: UnicodeError) -> tuple[str, int]:
    """Codec error handler: record where the bad bytes were, then replace them."""
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    sink = _SINK.get()
    if sink.windows_1252:
        replacement = exc.object[exc.start : exc.end].decode("cp1252", errors="replace")
    else:
        replacement = "\ufffd"
    sink.bad.append((exc.start, exc.end, len(replacement)))
    return replacement, exc.end


_HANDLER = "transcriptkit.note-bad-bytes"
codecs.register_error(_HANDLER, _note_bad_bytes)


def _decode(data: bytes, name: str, strict: bool) -> _Decoded:
    for bom, reported, codec in _BOMS:
        if data.startswith(bom):
            if codec == "utf-32-le" and not _valid(data[len(bom) :], codec):
                continue  # a UTF-16 LE file whose first character is U+0000
            decoded = _decode_as(data, len(bom), codec, reported, name, strict)
            decoded.notes.insert(
                0,
                _info(
                    "byte-order-mark",
                    f"the file starts with a {_title(codec)} byte order mark, which is not "
                    "part of the text",
                    line=1,
                ),
            )
            return decoded

    utf16 = _utf16_without_bom(data)
    if utf16:
        decoded = _decode_as(data, 0, utf16, utf16, name, strict)
        decoded.notes.insert(
            0,
            _info(
                "encoding-detected",
                f"no byte order mark, but every other byte is zero: read as {_title(utf16)}",
            ),
        )
        return decoded

    try:
        return _Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        first_error = exc

    if first_error.reason == "unexpected end of data":
        # UTF-8 cut off in the middle of its last character (a download that stopped).
        return _decode_as(data, 0, "utf-8", "utf-8", name, strict)

    # Bytes of valid multi-byte UTF-8 characters against bytes that are not UTF-8, counted
    # in C: ASCII bytes always decode as themselves, so what "ignore" keeps beyond them is
    # valid multi-byte UTF-8.
    kept = len(data.decode("utf-8", errors="ignore").encode("utf-8"))
    ascii_bytes = len(data.translate(None, _HIGH_BYTES))
    bad_bytes, good_high = len(data) - kept, kept - ascii_bytes
    if good_high >= bad_bytes:
        # Mostly UTF-8: the stray bytes are nearly always a Windows-1252 quote or dash
        # pasted into the file (`It\x92s`).
        if strict:
            raise _decode_error(data, 0, "utf-8", name, first_error.start, first_error.end)
        sink = _Sink(windows_1252=True)
        token = _SINK.set(sink)
        try:
            mixed = data.decode("utf-8", errors=_HANDLER)
        finally:
            _SINK.reset(token)
        return _Decoded(
            mixed,
            "utf-8",
            _places(
                data,
                0,
                "utf-8",
                sink.bad,
                "warning",
                "mixed-encoding",
                lambda bad: f"{_describe(bad)} not valid UTF-8, read as Windows-1252",
            ),
        )

    encoding, why = _single_byte(data)
    decoded = _decode_as(data, 0, encoding, encoding, name, strict)
    decoded.notes.insert(
        0,
        _info(
            "encoding-detected",
            f"not UTF-8 (byte 0x{data[first_error.start]:02X} at byte offset "
            f"{first_error.start}); read as {_title(encoding)}: {why}",
        ),
    )
    return decoded


def _refuse_binary(data: bytes, decoded: _Decoded, name: str) -> None:
    """Strict mode: NUL and the other C0 control characters (tab, line and page breaks
    aside) are not text; a file holding them is refused where the first one stands."""
    m = _BINARY.search(decoded.text)
    if not m:
        return
    at = m.start()
    text = decoded.text
    offset = decoded.skip + len(text[:at].encode(decoded.codec))
    width = len(text[at].encode(decoded.codec))
    raise DecodeError(
        name,
        offset,
        _title(decoded.codec),
        line=text.count("\n", 0, at) + 1,
        column=at - (text.rfind("\n", 0, at) + 1) + 1,
        bad=data[offset : offset + width],
        reason=f"a control character (U+{ord(m[0]):04X}), not text: this looks like a binary file",
        hint="check that the file is a transcript; pass strict=False to read it anyway "
        "(control characters are kept and listed in transcript.diagnostics)",
    )


def _valid(data: bytes, codec: str) -> bool:
    try:
        data.decode(codec)
    except UnicodeDecodeError:
        return False
    return True


def _utf16_without_bom(data: bytes) -> str | None:
    """utf-16-le or utf-16-be where the zero bytes say so (ASCII-range text in UTF-16 has
    every other byte zero), else None. Text that is all zeros is neither."""
    sample = data[: _SAMPLE & ~1]
    pairs = len(sample) // 2
    if pairs < 2:
        return None
    even_zeros = sample[0::2].count(0)
    odd_zeros = sample[1::2].count(0)
    if odd_zeros >= 0.3 * pairs and even_zeros <= 0.02 * pairs:
        return "utf-16-le"
    if even_zeros >= 0.3 * pairs and odd_zeros <= 0.02 * pairs:
        return "utf-16-be"
    return None


def _single_byte(data: bytes) -> tuple[str, str]:
    """The single-byte encoding of text that is not UTF-8, and why it was chosen."""
    sample = data[:_SAMPLE]
    runs = _HIGH_RUN.findall(sample)
    long_runs = sum(len(run) >= 3 for run in runs)
    if runs and long_runs * 5 > len(runs):
        # Words made of bytes over 0x7F: not a Latin script (Cyrillic, Greek, CJK, ...).
        guess = _charset_normalizer(sample)
        if guess and guess not in _LATIN_SINGLE_BYTE:
            return guess, "charset-normalizer's best guess for text in a non-Latin script"
    if _C1_BYTES.search(sample):
        return "cp1252", "bytes 0x80-0x9F are Windows-1252 punctuation such as curly quotes"
    return "iso-8859-1", "bytes over 0x7F, none in 0x80-0x9F"


def _charset_normalizer(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        return None
    try:
        return codecs.lookup(best.encoding).name
    except LookupError:
        return None


def _decode_as(
    data: bytes, skip: int, codec: str, reported: str, name: str, strict: bool
) -> _Decoded:
    """`data[skip:]` decoded; bad bytes raise (strict) or are replaced and noted."""
    payload = data[skip:]
    try:
        return _Decoded(payload.decode(codec), reported, codec=codec, skip=skip)
    except UnicodeDecodeError as exc:
        if strict:
            raise _decode_error(data, skip, codec, name, exc.start, exc.end) from None
    sink = _Sink(windows_1252=False)
    token = _SINK.set(sink)
    try:
        text = payload.decode(codec, errors=_HANDLER)
    finally:
        _SINK.reset(token)
    notes = _places(
        payload,
        skip,
        codec,
        sink.bad,
        "warning",
        "undecodable-bytes",
        lambda bad: f"{_describe(bad)} not valid {_title(codec)}, replaced by U+FFFD",
    )
    return _Decoded(text, reported, notes, codec=codec, skip=skip)


def _decode_error(
    data: bytes, skip: int, codec: str, name: str, start: int, end: int
) -> DecodeError:
    payload = data[skip:]
    [(line, column)] = _line_columns(payload, codec, [(start, end, 1)])
    return DecodeError(
        name, skip + start, _title(codec), line=line, column=column, bad=payload[start:end]
    )


def _line_columns(
    payload: bytes, codec: str, bad: Iterable[tuple[int, int, int]]
) -> list[tuple[int, int]]:
    """(line, column) in the decoded text of each bad range, in one pass over the bytes.
    Each range stands for `chars` characters of replacement."""
    decoder = codecs.getincrementaldecoder(codec)(errors="replace")
    places: list[tuple[int, int]] = []
    line, column, at = 1, 1, 0
    for start, end, chars in bad:
        chunk = decoder.decode(payload[at:start])
        newline = chunk.rfind("\n")
        if newline >= 0:
            line += chunk.count("\n")
            column = len(chunk) - newline
        else:
            column += len(chunk)
        places.append((line, column))
        decoder.reset()
        column += chars
        at = end
    return places


def _places(
    payload: bytes,
    skip: int,
    codec: str,
    bad: list[tuple[int, int, int]],
    level: Level,
    code: str,
    describe: Callable[[bytes], str],
) -> list[Diagnostic]:
    """One diagnostic per line holding bad bytes (at most MAX_PLACES), then one that
    counts the rest."""
    by_line: dict[int, list[tuple[int, bytes, int]]] = {}
    for (line, column), (start, end, _) in zip(
        _line_columns(payload, codec, bad), bad, strict=True
    ):
        by_line.setdefault(line, []).append((column, payload[start:end], skip + start))
    notes: list[Diagnostic] = []
    for line, found in list(by_line.items())[:MAX_PLACES]:
        column, first, offset = found[0]
        count = sum(len(b) for _, b, _ in found)
        more = f" (and {count - len(first)} more byte(s) on this line)" if len(found) > 1 else ""
        notes.append(
            Diagnostic(
                level=level,
                code=code,
                message=f"line {line}, column {column} (byte offset {offset}): "
                f"{describe(first)}{more}",
                line=line,
            )
        )
    if len(by_line) > MAX_PLACES:
        rest = list(by_line)[MAX_PLACES:]
        count = sum(len(b) for ln in rest for _, b, _ in by_line[ln])
        notes.append(
            Diagnostic(
                level=level,
                code=code,
                message=f"and {count} more byte(s) like that on {len(rest)} more line(s), "
                f"from line {rest[0]} on",
                line=rest[0],
            )
        )
    return notes


# ---- repairs on the decoded text ------------------------------------------------------


def _repair(text: str) -> tuple[str, list[Diagnostic]]:
    """Mojibake repaired and lone carriage returns made line feeds, line by line, so line
    numbers do not change; control characters noted."""
    notes: list[Diagnostic] = []
    if _MOJIBAKE_HINT.search(text):
        text, fixed = _fix_mojibake(text)
        notes += _per_line(
            fixed,
            "warning",
            "mojibake-repaired",
            "text that had been through a wrong encoding (`â€™` for `’`) was repaired",
        )
    crlf = text.count("\r\n")
    lf = text.count("\n") - crlf
    first_cr = _LONE_CR.search(text)
    if first_cr:
        cr = text.count("\r") - crlf
        line = text.count("\n", 0, first_cr.start()) + 1
        text = _LONE_CR.sub("\n", text)
        notes.append(
            _info(
                "line-endings",
                f"line {line}: {cr} line(s) end in a carriage return alone (classic Mac OS), "
                f"read as line feeds; the other line ends: {crlf} CRLF, {lf} LF",
                line=line,
            )
        )
    elif crlf and lf and (first_lf := re.search("(?<!\r)\n", text)):
        line = text.count("\n", 0, first_lf.start()) + 1
        notes.append(
            _info(
                "line-endings",
                f"mixed line ends: {crlf} CRLF and {lf} LF (first LF at line {line}); "
                "both end a line",
                line=line,
            )
        )
    controls = _CONTROL.findall(text)
    if controls:
        first = _CONTROL.search(text)
        assert first is not None
        at = first.start()
        line = text.count("\n", 0, at) + 1
        column = at - (text.rfind("\n", 0, at) + 1) + 1
        notes.append(
            Diagnostic(
                level="warning",
                code="control-characters",
                message=f"line {line}, column {column}: {len(controls)} control character(s) "
                f"such as U+{ord(text[at]):04X}, which text files do not hold; kept as they "
                "are (is this a binary file, or UTF-16 without a byte order mark?)",
                line=line,
            )
        )
    return text, notes


def _fix_mojibake(text: str) -> tuple[str, list[int]]:
    """ftfy's encoding repair on each line that looks like mojibake; the repaired text
    and the lines that changed."""
    import ftfy

    lines = text.split("\n")
    fixed: list[int] = []
    for number, line in enumerate(lines, 1):
        if not _MOJIBAKE_HINT.search(line):
            continue
        repaired = ftfy.fix_encoding(line)
        if repaired != line and "\n" not in repaired and "\r" not in repaired.rstrip("\r"):
            lines[number - 1] = repaired
            fixed.append(number)
    return "\n".join(lines), fixed


def _per_line(lines: list[int], level: Level, code: str, what: str) -> list[Diagnostic]:
    notes = [
        Diagnostic(level=level, code=code, message=f"line {n}: {what}", line=n)
        for n in lines[:MAX_PLACES]
    ]
    if len(lines) > MAX_PLACES:
        notes.append(
            Diagnostic(
                level=level,
                code=code,
                message=f"and {len(lines) - MAX_PLACES} more line(s) like that, "
                f"from line {lines[MAX_PLACES]} on",
                line=lines[MAX_PLACES],
            )
        )
    return notes


# ---- small helpers ------------------------------------------------------------------------


def _describe(bad: bytes) -> str:
    shown = " ".join(f"0x{b:02X}" for b in bad[:4]) + (" ..." if len(bad) > 4 else "")
    return f"byte{'s' if len(bad) > 1 else ''} {shown} {'are' if len(bad) > 1 else 'is'}"


def _title(codec: str) -> str:
    """A codec name as people write it: utf-16-le -> UTF-16 LE, cp1252 -> Windows-1252."""
    names = {
        "utf-8": "UTF-8",
        "utf-16-le": "UTF-16 LE",
        "utf-16-be": "UTF-16 BE",
        "utf-32-le": "UTF-32 LE",
        "utf-32-be": "UTF-32 BE",
        "cp1252": "Windows-1252",
        "iso-8859-1": "Latin-1 (ISO-8859-1)",
        "latin-1": "Latin-1 (ISO-8859-1)",
    }
    return names.get(codec, codec)


def _info(code: str, message: str, line: int | None = None) -> Diagnostic:
    return Diagnostic(level="info", code=code, message=message, line=line)
