"""Binary data that no magic number names: NUL bytes that no text encoding explains.

`read_text` refuses the binary formats it knows by their magic bytes (gzip, zip, ELF,
PDF, images) in any mode; in lenient mode anything else binary would still become an
"article" of mojibake with dozens of diagnostics. Text in UTF-16 or UTF-32 holds NULs
too, in a regular pattern, and is not binary.
"""

from __future__ import annotations

import codecs

# Bytes looked at for NULs: enough for any file's header, small enough to be free.
SAMPLE = 8192
# UTF-16/32 text of mostly ASCII has a zero in one byte of every pair (or three of every
# four) at the same positions; binary data has them anywhere. Share of a position's bytes
# that must be zero to count as that pattern, and how few zeros the text position may have.
_PATTERN_ZEROS = 0.3
_PATTERN_OTHERS = 0.02

_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF16_LE,
         codecs.BOM_UTF16_BE)  # fmt: skip


def nul_binary(data: bytes) -> str | None:
    """`binary data (a NUL byte at byte offset N)` when the first SAMPLE bytes hold a NUL
    that is not UTF-16 or UTF-32 text, else None."""
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
