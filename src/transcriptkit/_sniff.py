"""Is this a binary file? Magic bytes first, then NUL bytes that no text encoding explains.

Reading a binary file leniently turns it into an "article" of mojibake with dozens of
diagnostics; naming what it looks like (`an ELF executable`, `gzip-compressed data`) tells
the user what went wrong. Text in UTF-16 or UTF-32 holds NULs too, in a regular pattern,
and is not binary.
"""

from __future__ import annotations

import codecs

# (offset, magic bytes, what the file looks like), checked in order. Every entry is a
# format's documented signature; none of them starts a line of text.
MAGIC: tuple[tuple[int, bytes, str], ...] = (
    (0, b"\x1f\x8b", "gzip-compressed data"),
    (0, b"PK\x03\x04", "a zip archive (or an Office document)"),
    (0, b"PK\x05\x06", "an empty zip archive"),
    (0, b"\x7fELF", "an ELF executable or library"),
    (0, b"%PDF-", "a PDF document"),
    (0, b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (0, b"\xff\xd8\xff", "a JPEG image"),
    (0, b"GIF87a", "a GIF image"),
    (0, b"GIF89a", "a GIF image"),
    (0, b"BZh", "bzip2-compressed data"),
    (0, b"\xfd7zXZ\x00", "xz-compressed data"),
    (0, b"\x28\xb5\x2f\xfd", "zstd-compressed data"),
    (0, b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (0, b"Rar!\x1a\x07", "a RAR archive"),
    (0, b"SQLite format 3\x00", "an SQLite database"),
    (0, b"\xca\xfe\xba\xbe", "a Java class file or Mach-O binary"),
    (0, b"\xcf\xfa\xed\xfe", "a Mach-O binary"),
    (0, b"\xce\xfa\xed\xfe", "a Mach-O binary"),
    (0, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office document (OLE2)"),
    (0, b"OggS", "an Ogg audio or video file"),
    (0, b"fLaC", "a FLAC audio file"),
    (0, b"ID3", "an MP3 audio file"),
    (4, b"ftyp", "an MP4 or QuickTime media file"),
    (0, b"\x1aE\xdf\xa3", "a Matroska/WebM media file"),
    (257, b"ustar", "a tar archive"),
)
_RIFF = {b"WAVE": "a WAV audio file", b"AVI ": "an AVI video file", b"WEBP": "a WebP image"}

# Bytes looked at for NULs: enough for any file's header, small enough to be free.
SAMPLE = 8192
# UTF-16/32 text of mostly ASCII has a zero in one byte of every pair (or three of every
# four) at the same positions; binary data has them anywhere. Share of a position's bytes
# that must be zero to count as that pattern, and how few zeros the others may have.
_PATTERN_ZEROS = 0.3
_PATTERN_OTHERS = 0.02

_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF16_LE,
         codecs.BOM_UTF16_BE)  # fmt: skip


def binary_kind(data: bytes) -> str | None:
    """What the bytes look like when they are not text (`an ELF executable or library`),
    or None when they may well be text."""
    for offset, magic, kind in MAGIC:
        if data[offset : offset + len(magic)] == magic:
            return kind
    if data[:4] == b"RIFF" and data[8:12] in _RIFF:
        return _RIFF[data[8:12]]
    if data[:2] == b"MZ" and b"\x00" in data[2:64]:
        return "a Windows executable"
    sample = data[:SAMPLE]
    if b"\x00" not in sample or sample.startswith(_BOMS) or _wide_text(sample):
        return None
    return f"binary data (a NUL byte at byte offset {data.index(0)})"


def _wide_text(sample: bytes) -> bool:
    """NULs in the places UTF-16 or UTF-32 text of mostly ASCII puts them."""
    for width in (2, 4):
        lanes = [sample[i::width] for i in range(width)]
        shares = [lane.count(0) / max(1, len(lane)) for lane in lanes]
        for text_lane in range(width):
            others = [s for i, s in enumerate(shares) if i != text_lane]
            if shares[text_lane] <= _PATTERN_OTHERS and all(s >= _PATTERN_ZEROS for s in others):
                return True
    return False
