"""One exception hierarchy: every message says what went wrong, where, and what to do.

    TranscriptError              anything transcriptkit raises on purpose
    ├── InputError               the input cannot be read as a transcript at all
    │   ├── MissingFileError     no such file (also FileNotFoundError)
    │   ├── DirectoryError       a directory, not a file (also IsADirectoryError)
    │   ├── InputTypeError       the input is not of a type the function takes (also TypeError)
    │   ├── DecodeError          strict mode: the bytes are not valid in their encoding, or
    │   │                        not text at all (also UnicodeDecodeError)
    │   └── BinaryInputError     the bytes are a known binary format (gzip, zip, PDF, an
    │                            image, ...), found by their magic bytes, in any mode
    └── OutputError              the output cannot be written, or writing it would do damage
                                 (a read-only file, one of the inputs)

Each subclass of a built-in exception is caught by the handlers written for it
(`except FileNotFoundError:`), and every one by `except TranscriptError:`.

`parse(text)` never raises on a `str`: damage in the text is reported in
`Transcript.diagnostics`, not thrown. Errors come from reading files and bytes.

Every error keeps its parts as attributes (`what`, `path`, `line`, `column`, `offset`,
`hint`) so a caller can show them its own way; `str(error)` puts them in one line:

    notes.txt, line 3, column 7, byte offset 41: byte 0x93 is not valid UTF-8; pass
    strict=False to replace undecodable bytes (they are listed in transcript.diagnostics),
    or save the file as UTF-8
"""

from __future__ import annotations


class TranscriptError(Exception):
    """Base class of every error transcriptkit raises on purpose.

    `what` says what went wrong; `path`, `line` (1-based), `column` (1-based, in
    characters) and `offset` (0-based, in bytes) say where, as far as they are known;
    `hint` says what to do about it.
    """

    def __init__(
        self,
        what: str,
        *,
        path: str | None = None,
        line: int | None = None,
        column: int | None = None,
        offset: int | None = None,
        hint: str | None = None,
    ) -> None:
        self.what = what
        self.path = path
        self.line = line
        self.column = column
        self.offset = offset
        self.hint = hint
        # Not `super().__init__`: a built-in beside us in the MRO (UnicodeDecodeError) takes
        # other arguments; its own fields are set by the subclass.
        Exception.__init__(self, self.message)

    @property
    def where(self) -> str:
        """`notes.txt, line 3, column 7, byte offset 41`, or the parts of it we know."""
        parts = [self.path] if self.path else []
        if self.line is not None:
            parts.append(f"line {self.line}")
        if self.column is not None:
            parts.append(f"column {self.column}")
        if self.offset is not None:
            parts.append(f"byte offset {self.offset}")
        return ", ".join(parts)

    @property
    def message(self) -> str:
        where = self.where
        text = f"{where}: {self.what}" if where else self.what
        return f"{text}; {self.hint}" if self.hint else text

    def __str__(self) -> str:
        return self.message

    def __reduce__(self) -> tuple[object, ...]:
        # Keyword-only fields do not survive the default pickling (which re-calls
        # `cls(*args)`); errors raised in a process pool must reach the parent intact.
        return (_restore, (type(self), dict(self.__dict__)))


def _restore(cls: type[TranscriptError], state: dict[str, object]) -> TranscriptError:
    error = cls.__new__(cls)
    error.__dict__.update(state)
    if isinstance(error, DecodeError):
        error._init_unicode()
    error.args = (error.message,)
    return error


class InputError(TranscriptError):
    """The input cannot be read as a transcript at all: the file is missing, is a
    directory, cannot be opened, or its bytes are not text."""


class MissingFileError(InputError, FileNotFoundError):
    """There is no file at the path. Also a `FileNotFoundError`."""


class DirectoryError(InputError, IsADirectoryError):
    """The path names a directory where a file was expected. Also an `IsADirectoryError`."""


class OutputError(TranscriptError):
    """The output cannot be written where it was asked to go (no such directory, no
    permission, disk full), or writing there would destroy something (a read-only file,
    the input itself) and was refused."""


class InputTypeError(InputError, TypeError):
    """A function got a value of a type it does not take (bytes where text is expected,
    or the other way round). Also a `TypeError`, so generic handlers still catch it."""


class DecodeError(InputError, UnicodeDecodeError):
    """The bytes are not text in the encoding they seem to be in, or not text at all
    (strict mode only; otherwise bad bytes are replaced, control characters kept, and
    both reported in `diagnostics`).

    `offset` is the 0-based byte offset of the first bad byte, `encoding` the encoding the
    file was read as, `bad` the bad bytes themselves; `line` and `column` say where they
    stand in the text, when known. `reason` replaces the default `not valid <encoding>`,
    `hint` the default advice. As a `UnicodeDecodeError`, `object` is `bad` and
    `start`/`end` index into it (`offset` is where it stands in the file).
    """

    def __init__(
        self,
        path: str,
        offset: int,
        encoding: str,
        *,
        line: int | None = None,
        column: int | None = None,
        bad: bytes = b"",
        reason: str | None = None,
        hint: str | None = None,
    ) -> None:
        # `encoding` is a field of UnicodeDecodeError (set in `_init_unicode`); this copy
        # lives in `__dict__`, so it survives pickling.
        self._file_encoding = encoding
        self.bad = bad
        shown = " ".join(f"0x{b:02X}" for b in bad[:4]) + (" ..." if len(bad) > 4 else "")
        subject = f"byte{'s' if len(bad) > 1 else ''} {shown}" if bad else "a byte"
        verb = "are" if len(bad) > 1 else "is"
        super().__init__(
            f"{subject} {verb} {reason or f'not valid {encoding}'}",
            path=path,
            line=line,
            column=column,
            offset=offset,
            hint=hint
            or (
                "pass strict=False to replace undecodable bytes (each place is listed in "
                "transcript.diagnostics), or save the file as UTF-8"
            ),
        )
        self._init_unicode()

    def _init_unicode(self) -> None:
        """The fields `UnicodeDecodeError` handlers read (`encoding`, `object`, `start`,
        `end`, `reason`), from ours."""
        UnicodeDecodeError.__init__(
            self, self._file_encoding, self.bad, 0, len(self.bad), self.what
        )
        self.args = (self.message,)


class BinaryInputError(InputError):
    """The bytes are a known binary format, recognised by the magic bytes it starts with
    (gzip, zip, ELF, PDF, PNG, JPEG, GIF), before any decoding is tried. Raised in lenient
    and strict mode alike: no reading of a compressed file or an image is a transcript.

    `kind` names the format (`"gzip"`, `"PNG"`, ...), `described` says it in words
    (`"a gzip archive"`), `magic` holds the bytes that gave it away; `offset` is 0.
    """

    def __init__(
        self,
        path: str,
        kind: str,
        *,
        described: str | None = None,
        magic: bytes = b"",
        hint: str | None = None,
    ) -> None:
        self.kind = kind
        self.magic = magic
        shown = " ".join(f"0x{b:02X}" for b in magic)
        super().__init__(
            f"this is {described or f'a {kind} file'}, not text"
            + (f" (it starts with the bytes {shown})" if shown else ""),
            path=path,
            offset=0,
            hint=hint
            or "check that this is the transcript you meant; decompress or extract it "
            "first, or export the document as plain text",
        )


__all__ = [
    "BinaryInputError",
    "DecodeError",
    "DirectoryError",
    "InputError",
    "InputTypeError",
    "MissingFileError",
    "OutputError",
    "TranscriptError",
]
