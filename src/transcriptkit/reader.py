"""Files and bytes to text: which encoding, what was damaged, what was repaired.

Transcripts arrive as UTF-8, UTF-8 with a byte order mark, UTF-16 and UTF-32 from Windows
tools, Windows-1252 from old newsroom systems (curly quotes as single bytes), Latin-1,
GB18030 or Shift-JIS from older CJK systems, UTF-8 with one Windows-1252 quote pasted in,
and UTF-8 that went through a Windows-1252 round trip on the way (`Itâ€™s` for `It’s`).
`read_text` decides, in this order:

0. the bytes start like a binary format (gzip, zip, ELF, PDF, PNG, JPEG, GIF): refused
   with `BinaryInputError`, in any mode, before anything is decoded;
1. a byte order mark names the encoding (UTF-8, UTF-16 or UTF-32, either byte order);
2. three bytes of every four zero: UTF-32 without a byte order mark;
3. every other byte zero: UTF-16 without a byte order mark;
4. valid UTF-8 (or UTF-8 cut off inside its last character);
5. high bytes in runs, as a non-Latin script writes them, and not overwhelmingly UTF-8:
   the legacy encoding they decode in (charset-normalizer's answer, or for short text
   the first of GB18030, Big5, Shift-JIS, EUC-KR that reads them as CJK);
6. UTF-8 with bytes that are not: UTF-8, each stray byte read as Windows-1252 (what a
   pasted `It\x92s` is), so neither the UTF-8 nor the Windows-1252 characters are lost;
7. otherwise a single-byte encoding: Windows-1252 where bytes 0x80-0x9F occur, Latin-1
   where they do not, and what charset-normalizer finds where the text is not in a
   Latin script at all.

Then lone carriage returns (classic Mac OS line ends) become line feeds and lone
surrogates U+FFFD (`_normalise.normalise`, one character for one, so every offset stays where it
was), and, line by line, mojibake is repaired with ftfy.

Nothing is silent: the encoding goes to `metadata.encoding`, and every repair and every
replaced byte is a `Diagnostic` naming its line. With `strict=True` a byte that is not
valid in the file's encoding, or a NUL or other control byte (a binary file), raises
`DecodeError` (with its byte offset, line and column; CR, LF and CRLF each end a line)
instead of being replaced or kept. `parse_file` never raises anything but a
`TranscriptError`.
"""

from __future__ import annotations

import codecs
import os
import re
from collections.abc import Callable, Iterable
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path

from ._normalise import as_ascii_spaces, normalise
from .asr import read_asr
from .errors import (
    BinaryInputError,
    DecodeError,
    DirectoryError,
    InputError,
    InputTypeError,
    MissingFileError,
)
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

# Binary formats by the bytes they start with: (magic, kind, in words). Checked before any
# decoding, so a gzip file is called a gzip file and not blamed on a "Windows-1252" byte.
# Each magic is long enough that no transcript starts with it (`%PDF-` and `GIF8` are
# followed by their version).
_MAGIC: tuple[tuple[bytes, str, str], ...] = (
    (b"\x1f\x8b\x08", "gzip", "a gzip archive"),
    (b"PK\x03\x04", "zip", "a zip archive (or a .docx, .odt, .epub ... file)"),
    (b"PK\x05\x06", "zip", "an empty zip archive"),
    (b"\x7fELF", "ELF", "an ELF executable"),
    (b"%PDF-1.", "PDF", "a PDF document"),
    (b"%PDF-2.", "PDF", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", "PNG", "a PNG image"),
    (b"\xff\xd8\xff", "JPEG", "a JPEG image"),
    (b"GIF87a", "GIF", "a GIF image"),
    (b"GIF89a", "GIF", "a GIF image"),
    (b"BZh91AY&SY", "bzip2", "a bzip2 archive"),
    (b"\xfd7zXZ\x00", "xz", "an xz archive"),
    (b"\x28\xb5\x2f\xfd", "zstd", "a zstd archive"),
    (b"7z\xbc\xaf\x27\x1c", "7z", "a 7-Zip archive"),
)
_MAGIC_BYTES = tuple(magic for magic, _, _ in _MAGIC)

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

# Legacy multi-byte encodings tried, in this order, on text too short for
# charset-normalizer (it names `johab` or UTF-16 for a six-byte `好的。`): GB18030 first,
# the most widely used (and a superset of GBK and GB2312).
_CJK_FALLBACK = ("gb18030", "big5", "shift_jis", "euc-kr")
# Below this many bytes over 0x7F charset-normalizer's guess is not used for CJK.
_CN_MIN_HIGH = 64
# UTF-8 this many times the stray bytes is UTF-8 with strays, whatever script it is in;
# legacy CJK bytes are valid UTF-8 by accident far less often (at most about half of
# them, in text of a few characters).
_UTF8_MAJORITY = 4
# The fraction of zero bytes where UTF-16 (or UTF-32) has them: text in a Latin script
# has a zero high byte on nearly every character; text mixing in other scripts fewer.
_ZERO_SHARE = 0.3
# ... and the least number of them: one zero byte is a NUL, not an encoding (`ab\x00c`).
_MIN_ZEROS = 2

_HIGH_BYTES = bytes(range(0x80, 0x100))
# A valid multi-byte UTF-8 sequence (no overlong forms, no surrogates).
_UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}"
    rb"|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)
# The bytes Windows-1252 has no character for.
_CP1252_HOLES = frozenset(b"\x81\x8d\x8f\x90\x9d")
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
# The lead characters of all three: one character class scans a text five times faster
# than the alternation, and most texts hold none of them.
_MOJIBAKE_LEAD = re.compile("[\u00c2-\u00f4]")
# Control characters that text files do not hold: NUL, C0 controls other than tab, line
# feed, vertical tab, form feed and carriage return; DEL; C1 controls.
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")
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
    _refuse_known_binary(data, name)
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
    add_reading_notes(transcript, notes, str(p), data, text)
    return transcript


def add_reading_notes(
    transcript: Transcript, notes: list[Diagnostic], shown: str, data: bytes, text: str
) -> None:
    """Put what reading the file noticed (`notes`) in front of what the parse did, a note
    the parse gave again (`html-page`) once, and say so when the file holds no text."""
    said = {(d.code, d.message) for d in transcript.diagnostics}
    transcript.diagnostics[:0] = [n for n in notes if (n.code, n.message) not in said]
    if not text.strip():
        empty = f"{shown} is empty" if not data else f"{shown} holds only whitespace"
        transcript.diagnostics.insert(
            0, Diagnostic(level="warning", code="empty-input", message=empty)
        )


# ---- files ----------------------------------------------------------------------------


def _read_bytes(p: Path) -> bytes:
    try:
        if p.is_dir():
            raise DirectoryError(
                "is a directory, not a transcript file",
                path=str(p),
                hint="pass one file; for a folder, call parse_file on each file in it",
            )
        return p.read_bytes()
    except InputError:  # DirectoryError is an OSError too: not to be caught below
        raise
    except FileNotFoundError:
        raise MissingFileError(
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


def _refuse_known_binary(data: bytes, name: str) -> None:
    """A file that starts like a known binary format is not read at all."""
    if not data.startswith(_MAGIC_BYTES):  # one test for all of them: most files are text
        return
    for magic, kind, described in _MAGIC:
        if data.startswith(magic):
            raise BinaryInputError(name, kind, described=described, magic=magic)


def _decode(data: bytes, name: str, strict: bool) -> _Decoded:
    for bom, reported, codec in _BOMS:
        if data.startswith(bom):
            if codec == "utf-32-le" and not _utf32_le_after_bom(data[len(bom) :]):
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

    # UTF-32 and UTF-16 without a BOM hold zero bytes; most files have none to count.
    wide = (
        _utf32_without_bom(data) or _utf16_without_bom(data)
        if data.find(0, 0, _SAMPLE) >= 0
        else None
    )
    if wide:
        width = "three bytes of every four" if "32" in wide else "every other byte"
        decoded = _decode_as(data, 0, wide, wide, name, strict)
        decoded.notes.insert(
            0,
            _info(
                "encoding-detected",
                f"no byte order mark, but {width} is zero: read as {_title(wide)}",
            ),
        )
        return decoded

    try:
        return _Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        first_error = exc

    # Bytes of valid multi-byte UTF-8 characters against bytes that are not UTF-8, counted
    # in C: ASCII bytes always decode as themselves, so what "ignore" keeps beyond them is
    # valid multi-byte UTF-8.
    kept = len(data.decode("utf-8", errors="ignore").encode("utf-8"))
    ascii_bytes = len(data.translate(None, _HIGH_BYTES))
    bad_bytes, good_high = len(data) - kept, kept - ascii_bytes

    if first_error.reason == "unexpected end of data" and (
        good_high or first_error.end - first_error.start > 1
    ):
        # UTF-8 cut off in the middle of its last character (a download that stopped).
        # Only where the rest says UTF-8 (other multi-byte characters), or more than a
        # lead byte is left: a Windows-1252 `café` whose `é` is the last byte is not cut.
        return _decode_as(data, 0, "utf-8", "utf-8", name, strict)

    if good_high < _UTF8_MAJORITY * bad_bytes and _in_runs(data):
        legacy = _legacy_multibyte(data)
        if legacy:
            return _detected(data, legacy[0], legacy[1], first_error.start, name, strict)

    if good_high >= bad_bytes or 2 * _strong_utf8(data) >= bad_bytes:
        # UTF-8 with stray bytes: nearly always a Windows-1252 quote or dash pasted into
        # the file (`It\x92s`). Each valid UTF-8 sequence is read as UTF-8 and each stray
        # byte as Windows-1252, so `東`, `”` and `Á` survive even where the stray bytes
        # are the majority, as long as the UTF-8 is of a kind no Windows-1252 text makes.
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
    return _detected(data, encoding, why, first_error.start, name, strict)


def _detected(
    data: bytes, encoding: str, why: str, first_bad: int, name: str, strict: bool
) -> _Decoded:
    decoded = _decode_as(data, 0, encoding, encoding, name, strict)
    decoded.notes.insert(
        0,
        _info(
            "encoding-detected",
            f"not UTF-8 (byte 0x{data[first_bad]:02X} at byte offset {first_bad}); "
            f"read as {_title(encoding)}: {why}",
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
    line, column, _ = _advance(1, 1, text[:at], False)
    raise DecodeError(
        name,
        offset,
        _title(decoded.codec),
        line=line,
        column=column,
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


def _utf32_le_after_bom(payload: bytes) -> bool:
    """After `FF FE 00 00`: UTF-32 LE (possibly cut off inside its last character), not
    UTF-16 LE starting with U+0000 (whose code units make code points over U+10FFFF)."""
    whole = payload[: len(payload) & ~3]
    return _valid(whole[:_SAMPLE], "utf-32-le")


def _utf32_without_bom(data: bytes) -> str | None:
    """utf-32-le or utf-32-be where the zero bytes say so: every code point is under
    U+110000, so one byte of each four is always zero and, for the BMP, two; the byte
    for the low bits is rarely zero."""
    sample = data[: _SAMPLE & ~3]
    chars = len(sample) // 4
    if chars < _MIN_ZEROS:
        return None
    for codec, low, high in (("utf-32-le", 0, (2, 3)), ("utf-32-be", 3, (1, 0))):
        lows = sample[low::4].count(0)
        if (
            all(sample[h::4].count(0) == chars for h in high)
            and lows <= 0.02 * chars
            and _valid(sample, codec)
        ):
            return codec
    return None


def _utf16_without_bom(data: bytes) -> str | None:
    """utf-16-le or utf-16-be where the zero bytes say so (ASCII-range text in UTF-16 has
    every other byte zero), else None. Text that is all zeros is neither, and neither is
    a single zero byte (`ab\\x00c`)."""
    sample = data[: _SAMPLE & ~1]
    pairs = len(sample) // 2
    if pairs < 2:
        return None
    even_zeros = sample[0::2].count(0)
    odd_zeros = sample[1::2].count(0)
    least = max(_MIN_ZEROS, _ZERO_SHARE * pairs)
    if odd_zeros >= least and even_zeros <= 0.02 * pairs:
        return "utf-16-le"
    if even_zeros >= least and odd_zeros <= 0.02 * pairs:
        return "utf-16-be"
    return None


def _strong_utf8(data: bytes) -> int:
    """Bytes of valid UTF-8 sequences that Windows-1252 text does not make by accident:
    three or four bytes long (`”`, `東`), or holding a byte Windows-1252 lacks (`Á` is
    0xC3 0x81). A two-byte `É’` (0xC9 0x92) is what `JOSÉ’S` is in Windows-1252."""
    return sum(
        len(m)
        for m in _UTF8_SEQUENCE.findall(data[:_SAMPLE])
        if len(m) > 2 or _CP1252_HOLES & set(m)
    )


def _in_runs(data: bytes) -> bool:
    """Bytes over 0x7F come in runs of three or more, as words of a non-Latin script do
    (Cyrillic, Greek, CJK), not one or two at a time as accents and curly quotes do."""
    runs = _HIGH_RUN.findall(data[:_SAMPLE])
    long_runs = sum(len(run) >= 3 for run in runs)
    return bool(runs) and long_runs * 5 > len(runs)


def _legacy_multibyte(data: bytes) -> tuple[str, str] | None:
    """A legacy encoding of a non-Latin script that reads every byte, and why; None when
    there is none (the Latin-script readings below then apply)."""
    sample = data[:_SAMPLE]
    high = len(sample) - len(sample.translate(None, _HIGH_BYTES))
    if high >= _CN_MIN_HIGH:
        guess = _charset_normalizer(sample)
        if (
            guess
            and guess not in _LATIN_SINGLE_BYTE
            and not guess.startswith("utf")
            and _valid(data, guess)
        ):
            return guess, "charset-normalizer's best guess for text in a non-Latin script"
        return None
    if any(len(run) % 2 for run in _HIGH_RUN.findall(sample)):
        return None  # a double-byte script comes in pairs; Cyrillic words in cp1251 do not
    for codec in _CJK_FALLBACK:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if all(_is_cjk(ch) for ch in text if ord(ch) > 0x7F):
            return codec, (
                "short text whose bytes over 0x7F read as CJK characters "
                f"(tried in this order: {', '.join(_CJK_FALLBACK)})"
            )
    return None


def _is_cjk(ch: str) -> bool:
    """Ideographs, kana, Hangul, CJK punctuation and full-width forms."""
    o = ord(ch)
    return (
        0x3000 <= o <= 0x30FF  # CJK punctuation, hiragana, katakana
        or 0x3400 <= o <= 0x4DBF  # CJK extension A
        or 0x4E00 <= o <= 0x9FFF  # CJK unified ideographs
        or 0xAC00 <= o <= 0xD7A3  # Hangul syllables
        or 0xF900 <= o <= 0xFAFF  # CJK compatibility ideographs
        or 0xFF01 <= o <= 0xFF60  # full-width forms
        or 0x2010 <= o <= 0x203B  # dashes, quotes, ellipsis as CJK fonts print them
    )


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
    Each range stands for `chars` characters of replacement. CR, LF and CRLF each end a
    line, as they do once the text is read."""
    decoder = codecs.getincrementaldecoder(codec)(errors="replace")
    places: list[tuple[int, int]] = []
    line, column, at, after_cr = 1, 1, 0, False
    for start, end, chars in bad:
        line, column, _ = _advance(line, column, decoder.decode(payload[at:start]), after_cr)
        places.append((line, column))
        decoder.reset()
        column += chars
        at, after_cr = end, False
    return places


def _advance(line: int, column: int, chunk: str, after_cr: bool) -> tuple[int, int, bool]:
    """(line, column) after reading `chunk` from (line, column), and whether it ended in a
    CR (a LF starting the next chunk then belongs to the same line end)."""
    if not chunk:
        return line, column, after_cr
    if after_cr and chunk[0] == "\n":
        chunk = chunk[1:]
    crlf = chunk.count("\r\n")
    breaks = chunk.count("\r") + chunk.count("\n") - crlf
    if breaks:
        last = max(chunk.rfind("\r"), chunk.rfind("\n"))
        return line + breaks, len(chunk) - last, chunk.endswith("\r")
    return line, column + len(chunk), False


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
    """Lone carriage returns made line feeds and lone surrogates U+FFFD (one character
    for one), then mojibake repaired line by line, so line numbers do not change; control
    characters noted."""
    text, notes = normalise(text, mixed_line_ends=True)
    if not text.isascii() and _MOJIBAKE_LEAD.search(text) and _MOJIBAKE_HINT.search(text):
        text, fixed = _fix_mojibake(text)
        notes += _per_line(
            fixed,
            "warning",
            "mojibake-repaired",
            "text that had been through a wrong encoding (`â€™` for `’`) was repaired",
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
                f"such as U+{ord(text[at]):04X}, which text files do not hold (is this a "
                "binary file, or UTF-16 without a byte order mark?)",
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
        repaired = as_ascii_spaces(ftfy.fix_encoding(line))
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
