"""The exception hierarchy: each message says what went wrong, where, and what to do."""

from __future__ import annotations

import pickle

import pytest

from transcriptkit.errors import DecodeError, InputError, InputTypeError, TranscriptError


def test_message_has_what_where_and_what_to_do() -> None:
    error = TranscriptError(
        "an invented problem",
        path="show.txt",
        line=3,
        column=7,
        offset=41,
        hint="do the invented thing",
    )
    assert str(error) == (
        "show.txt, line 3, column 7, byte offset 41: an invented problem; do the invented thing"
    )
    assert error.where == "show.txt, line 3, column 7, byte offset 41"
    assert error.args == (str(error),)


def test_parts_that_are_not_known_are_left_out() -> None:
    assert str(TranscriptError("bad", line=2)) == "line 2: bad"
    assert str(TranscriptError("bad", offset=0, hint="fix it")) == "byte offset 0: bad; fix it"
    assert str(InputError("just a message")) == "just a message"


def test_decode_error_names_the_byte_its_place_and_the_way_out() -> None:
    error = DecodeError("show.txt", 41, "UTF-8", line=3, column=7, bad=b"\x93")
    assert str(error) == (
        "show.txt, line 3, column 7, byte offset 41: byte 0x93 is not valid UTF-8; "
        "pass strict=False to replace undecodable bytes (each place is listed in "
        "transcript.diagnostics), or save the file as UTF-8"
    )
    assert (error.path, error.offset, error.encoding, error.bad) == (
        "show.txt",
        41,
        "UTF-8",
        b"\x93",
    )


def test_decode_error_with_only_the_required_arguments() -> None:
    error = DecodeError("show.txt", 5, "UTF-16 LE")
    assert str(error).startswith("show.txt, byte offset 5: a byte is not valid UTF-16 LE; pass")


def test_decode_error_with_several_bytes() -> None:
    error = DecodeError("x", 0, "UTF-8", bad=b"\xe2\x80\xff\xfe\xfd")
    assert "bytes 0xE2 0x80 0xFF 0xFE ... are not valid UTF-8" in str(error)


def test_hierarchy() -> None:
    assert issubclass(InputError, TranscriptError)
    assert issubclass(DecodeError, InputError)
    assert issubclass(InputTypeError, InputError)
    assert issubclass(InputTypeError, TypeError)
    with pytest.raises(TranscriptError):
        raise DecodeError("x", 0, "UTF-8")


@pytest.mark.parametrize(
    "error",
    [
        TranscriptError("bad", path="a.txt", line=1, hint="h"),
        InputError("no such file", path="a.txt"),
        InputTypeError("read_text takes bytes, got str"),
        DecodeError("a.txt", 3, "UTF-8", line=1, column=4, bad=b"\x92"),
    ],
    ids=lambda e: type(e).__name__,
)
def test_errors_survive_pickling(error: TranscriptError) -> None:
    # Errors raised in a worker process reach the parent pickled.
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is type(error)
    assert str(copy) == str(error)
    assert copy.__dict__ == error.__dict__
