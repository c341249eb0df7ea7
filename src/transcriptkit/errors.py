"""One exception hierarchy: every message says what went wrong, where, and what to do."""

from __future__ import annotations


class TranscriptError(Exception):
    """Base class of every error transcriptkit raises on purpose."""


class InputError(TranscriptError):
    """The input cannot be read as a transcript at all (missing, a directory, binary)."""


class DecodeError(InputError):
    """The bytes are not text in any encoding we can tell; `offset` is the first bad byte."""

    def __init__(self, path: str, offset: int, encoding: str) -> None:
        self.path, self.offset, self.encoding = path, offset, encoding
        super().__init__(
            f"{path}: cannot decode byte at offset {offset} as {encoding}; "
            "pass strict=False to replace undecodable bytes, or convert the file to UTF-8"
        )
