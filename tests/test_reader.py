"""Reading bytes: every common encoding, damage repaired or replaced and reported by line,
strict mode's errors. All bytes are built here from invented text."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from transcriptkit import parse_file, read_text
from transcriptkit.errors import (
    BinaryInputError,
    DecodeError,
    InputError,
    InputTypeError,
    TranscriptError,
)
from transcriptkit.reader import MAX_PLACES

DOC = "KELLY OKAFOR, HOST: It’s a “good” day — really… café.\nOKAFOR: Yes.\n"


def codes(notes: list) -> list[str]:  # type: ignore[type-arg]
    return [n.code for n in notes]


def write(tmp_path: Path, data: bytes, name: str = "doc.txt") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


# ---- encodings ----------------------------------------------------------------------------


def test_utf8_is_read_as_is() -> None:
    text, encoding, notes = read_text(DOC.encode("utf-8"))
    assert (text, encoding, notes) == (DOC, "utf-8", [])


def test_utf8_byte_order_mark_is_not_part_of_the_text() -> None:
    text, encoding, notes = read_text(b"\xef\xbb\xbf" + DOC.encode("utf-8"))
    assert text == DOC
    assert encoding == "utf-8-sig"
    assert codes(notes) == ["byte-order-mark"]
    assert notes[0].level == "info"


@pytest.mark.parametrize(
    ("bom", "codec", "expected"),
    [
        (b"\xff\xfe", "utf-16-le", "utf-16-le"),
        (b"\xfe\xff", "utf-16-be", "utf-16-be"),
        (b"\xff\xfe\x00\x00", "utf-32-le", "utf-32-le"),
        (b"\x00\x00\xfe\xff", "utf-32-be", "utf-32-be"),
    ],
)
def test_utf16_and_utf32_with_a_byte_order_mark(bom: bytes, codec: str, expected: str) -> None:
    crlf = DOC.replace("\n", "\r\n")
    text, encoding, notes = read_text(bom + crlf.encode(codec))
    assert text == crlf
    assert encoding == expected
    assert codes(notes) == ["byte-order-mark"]


def test_utf16_le_whose_first_character_is_nul_is_not_taken_for_utf32() -> None:
    data = b"\xff\xfe" + "\x00KELLY: Hi.\n".encode("utf-16-le")
    text, encoding, _ = read_text(data)
    assert (text, encoding) == ("\x00KELLY: Hi.\n", "utf-16-le")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_recognised(codec: str) -> None:
    text, encoding, notes = read_text(DOC.encode(codec))
    assert (text, encoding) == (DOC, codec)
    assert codes(notes) == ["encoding-detected"]


def test_windows_1252_curly_quotes() -> None:
    data = b"KELLY: It\x92s \x93fine\x94 \x97 really\x85 caf\xe9.\r\n"
    text, encoding, notes = read_text(data)
    assert text == "KELLY: It’s “fine” — really… café.\r\n"
    assert encoding == "cp1252"
    assert codes(notes) == ["encoding-detected"]
    assert "0x92" in notes[0].message and "byte offset 9" in notes[0].message


def test_latin1() -> None:
    data = b"ANA: Caf\xe9 cr\xe8me br\xfbl\xe9e, se\xf1or, \xa310.\n"
    text, encoding, _ = read_text(data)
    assert text == "ANA: Café crème brûlée, señor, £10.\n"
    assert encoding == "iso-8859-1"


def test_a_non_latin_single_byte_encoding_is_left_to_charset_normalizer() -> None:
    line = "ИВАН ПЕТРОВ: Добрый вечер, друзья. Сегодня мы говорим о погоде.\n"
    text, encoding, _ = read_text((line * 4).encode("cp1251"))
    assert text == line * 4
    assert encoding == "cp1251"


def test_windows_1252_byte_inside_utf8_is_read_as_windows_1252() -> None:
    data = "KELLY: café, naïve.\n".encode() + b"ANA: it\x92s here.\n"
    text, encoding, notes = read_text(data)
    assert text == "KELLY: café, naïve.\nANA: it’s here.\n"
    assert encoding == "utf-8"
    [note] = notes
    assert (note.code, note.level, note.line) == ("mixed-encoding", "warning", 2)
    assert "line 2, column 8" in note.message
    assert "byte offset 29" in note.message and "0x92" in note.message


def test_mojibake_is_repaired_line_by_line() -> None:
    data = "KELLY: fine.\nANA: Itâ€™s a â€œtestâ€\x9d, cafÃ©.\nKELLY: OK.\n".encode()
    text, encoding, notes = read_text(data)
    assert text == "KELLY: fine.\nANA: It’s a “test”, café.\nKELLY: OK.\n"
    assert encoding == "utf-8"
    assert [(n.code, n.line) for n in notes] == [("mojibake-repaired", 2)]


def test_text_that_only_looks_odd_is_not_repaired() -> None:
    doc = "ÉMILE ÂGE: Ça va. À bientôt, señor Öztürk.\n"
    assert read_text(doc.encode()) == (doc, "utf-8", [])


def test_mixed_line_endings_are_kept_and_noted() -> None:
    data = b"A: one\r\nB: two\nC: three\r\n"
    text, _, notes = read_text(data)
    assert text == "A: one\r\nB: two\nC: three\r\n"
    [note] = notes
    assert (note.code, note.level, note.line) == ("line-endings", "info", 2)


def test_lone_carriage_returns_become_line_feeds_in_place(tmp_path: Path) -> None:
    data = b"KELLY OKAFOR, HOST: One.\rANA RUIZ, BYLINE: Two.\r\nOKAFOR: Three.\r"
    text, _, notes = read_text(data)
    assert text == "KELLY OKAFOR, HOST: One.\nANA RUIZ, BYLINE: Two.\r\nOKAFOR: Three.\n"
    assert len(text) == len(data)  # offsets do not move
    assert [(n.code, n.line) for n in notes] == [("line-endings", 1)]
    doc = parse_file(write(tmp_path, data))
    assert [t.line for t in doc.turns] == [1, 2, 3]


def test_control_characters_are_kept_and_reported() -> None:
    text, _, notes = read_text(b"KELLY: one\nANA: t\x00wo\x01\n")
    assert text == "KELLY: one\nANA: t\x00wo\x01\n"
    [note] = notes
    assert (note.code, note.level, note.line) == ("control-characters", "warning", 2)
    assert "line 2, column 7" in note.message and "2 control character" in note.message


# ---- damage: replaced and reported, or refused in strict mode -------------------------------


def test_undefined_windows_1252_byte_is_replaced_and_located() -> None:
    data = b"KELLY: It\x92s fine.\nANA: a \x81 b\n"
    text, encoding, notes = read_text(data)
    assert text == "KELLY: It’s fine.\nANA: a \ufffd b\n"
    assert encoding == "cp1252"
    damage = [n for n in notes if n.code == "undecodable-bytes"]
    assert [(n.line, n.level) for n in damage] == [(2, "warning")]
    assert "line 2, column 8 (byte offset 25)" in damage[0].message


def test_strict_mode_refuses_undecodable_bytes_with_their_place() -> None:
    data = b"KELLY: It\x92s fine.\nANA: a \x81 b\n"
    with pytest.raises(DecodeError) as raised:
        read_text(data, name="show.txt", strict=True)
    error = raised.value
    assert (error.offset, error.line, error.column) == (25, 2, 8)
    assert error.encoding == "Windows-1252"
    assert error.bad == b"\x81"


def test_strict_mode_refuses_utf8_with_a_stray_byte(tmp_path: Path) -> None:
    data = "KELLY: café.\n".encode() + b"ANA: it\x92s\n"
    path = write(tmp_path, data, "stray.txt")
    with pytest.raises(DecodeError) as raised:
        parse_file(path, strict=True)
    assert (raised.value.offset, raised.value.line, raised.value.column) == (21, 2, 8)
    assert str(path) in str(raised.value)


def test_strict_mode_reads_clean_files_of_every_encoding(tmp_path: Path) -> None:
    for i, data in enumerate(
        [DOC.encode(), codecs.BOM_UTF16_LE + DOC.encode("utf-16-le"), DOC.encode("cp1252")]
    ):
        doc = parse_file(write(tmp_path, data, f"{i}.txt"), strict=True)
        assert doc.turns[0].label == "KELLY OKAFOR, HOST"


def test_truncated_utf16_is_replaced_at_the_end() -> None:
    text, _, notes = read_text(codecs.BOM_UTF16_LE + "A: hi\n".encode("utf-16-le") + b"Z")
    assert text == "A: hi\n\ufffd"
    assert [(n.code, n.line) for n in notes] == [("byte-order-mark", 1), ("undecodable-bytes", 2)]


def test_utf8_cut_off_inside_its_last_character() -> None:
    data = "KELLY: It’s\nANA: fine ’".encode()[:-2]
    text, encoding, notes = read_text(data)
    assert (text, encoding) == ("KELLY: It’s\nANA: fine \ufffd", "utf-8")
    assert [(n.code, n.line) for n in notes] == [("undecodable-bytes", 2)]
    with pytest.raises(DecodeError) as raised:
        read_text(data, strict=True)
    assert (raised.value.offset, raised.value.line, raised.value.column) == (24, 2, 11)


def test_damage_on_many_lines_is_summarised() -> None:
    line = b"KELLY: caf\xe9 \x81 ok\n"  # Windows-1252 with an undefined byte on every line
    text, _, notes = read_text(line * 50)
    assert text.count("\ufffd") == 50
    damage = [n for n in notes if n.code == "undecodable-bytes"]
    assert len(damage) == MAX_PLACES + 1
    assert [n.line for n in damage[:MAX_PLACES]] == list(range(1, MAX_PLACES + 1))
    assert f"on {50 - MAX_PLACES} more line(s), from line {MAX_PLACES + 1}" in damage[-1].message


def test_parse_file_reports_the_encoding_and_puts_reading_notes_first(tmp_path: Path) -> None:
    data = b"KELLY OKAFOR, HOST: It\x92s \x93fine\x94.\n\nOKAFOR: Yes.\n"
    doc = parse_file(write(tmp_path, data))
    assert doc.metadata.encoding == "cp1252"
    assert doc.diagnostics[0].code == "encoding-detected"
    assert [t.label for t in doc.turns] == ["KELLY OKAFOR, HOST", "OKAFOR"]


def test_strict_mode_refuses_a_binary_file_where_its_first_control_byte_is(
    tmp_path: Path,
) -> None:
    # A binary format without a magic transcriptkit knows: refused at its first control byte.
    blob = b"\x8aRAW\r\n\x1a\n\x00\x00\x00\rHEAD\x00\x00\x00\x10\xff\xfe\x00\x80"
    path = write(tmp_path, blob, "photo.raw")
    with pytest.raises(DecodeError) as raised:
        parse_file(path, strict=True)
    error = raised.value
    assert (error.offset, error.line, error.column, error.bad) == (6, 2, 1, b"\x1a")
    assert "a control character (U+001A), not text: this looks like a binary file" in str(error)
    doc = parse_file(path)  # not strict: read, and the control bytes reported
    assert "control-characters" in codes(doc.diagnostics)


def test_strict_mode_finds_the_byte_offset_of_a_nul_in_utf16() -> None:
    data = codecs.BOM_UTF16_LE + "KELLY: hi\nA\x00".encode("utf-16-le")
    with pytest.raises(DecodeError) as raised:
        read_text(data, strict=True)
    assert (raised.value.offset, raised.value.line, raised.value.column) == (24, 2, 2)
    assert raised.value.bad == b"\x00\x00"


# ---- encodings the robustness probe got wrong (issue 11) ------------------------------------


@pytest.mark.parametrize("codec", ["utf-32-le", "utf-32-be"])
def test_utf32_without_a_byte_order_mark_is_recognised(codec: str) -> None:
    text, encoding, notes = read_text(DOC.encode(codec))
    assert (text, encoding) == (DOC, codec)
    assert codes(notes) == ["encoding-detected"]
    assert read_text(DOC.encode(codec), strict=True)[0] == DOC


def test_truncated_utf32_with_a_byte_order_mark_stays_utf32() -> None:
    data = codecs.BOM_UTF32_LE + "KELLY: hi\nANA: yo".encode("utf-32-le")[:-2]
    text, encoding, notes = read_text(data)
    assert (text, encoding) == ("KELLY: hi\nANA: y\ufffd", "utf-32-le")
    assert [(n.code, n.line) for n in notes] == [("byte-order-mark", 1), ("undecodable-bytes", 2)]
    with pytest.raises(DecodeError) as raised:
        read_text(data, strict=True)
    assert (raised.value.offset, raised.value.line, raised.value.column) == (4 + 4 * 16, 2, 7)


def test_short_gb18030_text_is_not_mojibake() -> None:
    data = "好的。".encode("gb18030")
    assert read_text(data)[:2] == ("好的。", "gb18030")
    assert read_text(data, strict=True)[:2] == ("好的。", "gb18030")
    line = "主持人：好的，我们明天见。\n"
    assert read_text(line.encode("gb18030"), strict=True)[0] == line


def test_short_cyrillic_is_not_taken_for_gb18030() -> None:
    text, encoding, _ = read_text("ИВАН: Добрый вечер.".encode("cp1251"))
    assert (text, encoding) == ("ИВАН: Добрый вечер.", "cp1251")


def test_a_single_byte_file_whose_only_high_byte_is_its_last_is_not_cut_off_utf8() -> None:
    data = "KELLY: one more café".encode("cp1252")
    text, encoding, notes = read_text(data)
    assert text == "KELLY: one more café"
    assert encoding in ("cp1252", "iso-8859-1")
    assert "undecodable-bytes" not in codes(notes)
    assert read_text(data, strict=True)[0] == text


def test_utf8_cut_off_after_its_lead_and_a_continuation_byte_is_still_utf8() -> None:
    data = "KELLY: fine ’".encode()[:-1]  # two of the three bytes of `’`
    text, encoding, _ = read_text(data)
    assert (text, encoding) == ("KELLY: fine \ufffd", "utf-8")


def test_mixed_utf8_and_windows_1252_keeps_both_whichever_is_the_majority() -> None:
    # UTF-8 `”`, `Á`, `東` (whose bytes 0x9D and 0x81 Windows-1252 does not have) among
    # more Windows-1252 bytes than UTF-8 ones.
    data = b"ANA: " + "”Á東".encode() + b" \x93one\x94 \x93two\x94 \x96 \x93three\x94 \xc1\xe9\n"
    text, encoding, notes = read_text(data)
    assert text == "ANA: ”Á東 “one” “two” – “three” Áé\n"
    assert encoding == "utf-8"
    assert codes(notes) == ["mixed-encoding"]


def test_windows_1252_that_happens_to_hold_a_two_byte_utf8_sequence_stays_windows_1252() -> None:
    data = b"JOS\xc9\x92S TURN: \x93Hi\x94 \x96 and bye\x85\n"  # `É’` is 0xC9 0x92
    text, encoding, _ = read_text(data)
    assert (text, encoding) == ("JOSÉ’S TURN: “Hi” – and bye…\n", "cp1252")


def test_strict_mode_does_not_take_one_zero_byte_for_utf16() -> None:
    with pytest.raises(DecodeError) as raised:
        read_text(b"ab\x00c", strict=True)
    assert (raised.value.offset, raised.value.bad) == (2, b"\x00")
    assert read_text(b"ab\x00c")[:2] == ("ab\x00c", "utf-8")


@pytest.mark.parametrize("ending", ["\r", "\r\n", "\n"])
def test_decode_error_lines_and_columns_count_every_line_end(ending: str) -> None:
    data = f"KELLY: one{ending}ANA: two{ending}KELLY: x".encode() + b"\x81" + b" \xe9"
    with pytest.raises(DecodeError) as raised:
        read_text(data, strict=True)
    assert (raised.value.line, raised.value.column) == (3, 9)
    text, _, notes = read_text(data)
    damage = [n for n in notes if n.code == "undecodable-bytes"]
    assert [n.line for n in damage] == [3] and "line 3, column 9" in damage[0].message
    assert text.split("\n")[2].startswith("KELLY: x")


def test_a_control_byte_after_a_lone_cr_is_on_the_next_line() -> None:
    with pytest.raises(DecodeError) as raised:
        read_text(b"KELLY: one\rANA: t\x00wo\r\n", strict=True)
    assert (raised.value.line, raised.value.column, raised.value.offset) == (2, 7, 17)


def _zip_bytes() -> bytes:
    import io
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("show.txt", "KELLY: hi\n")
    return out.getvalue()


def _gzip_bytes() -> bytes:
    import gzip

    return gzip.compress(b"KELLY: hi\n")


BINARIES = {
    "gzip": _gzip_bytes,
    "zip": _zip_bytes,
    "ELF": lambda: b"\x7fELF\x02\x01\x01\x00" + bytes(8) + b"\x02\x00>\x00",
    "PDF": lambda: b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\n",
    "PNG": lambda: b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10",
    "JPEG": lambda: b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01",
    "GIF": lambda: b"GIF89a\x01\x00\x01\x00\x80\x00\x00",
}


@pytest.mark.parametrize("kind", BINARIES)
@pytest.mark.parametrize("strict", [False, True])
def test_binary_files_are_recognised_by_their_magic_bytes(
    tmp_path: Path, kind: str, strict: bool
) -> None:
    data = BINARIES[kind]()
    path = write(tmp_path, data, "upload.txt")
    with pytest.raises(BinaryInputError) as raised:
        parse_file(path, strict=strict)
    error = raised.value
    assert isinstance(error, InputError)
    assert error.kind == kind and error.offset == 0 and data.startswith(error.magic)
    assert str(path) in str(error) and "not text" in str(error)
    assert "Windows-1252" not in str(error)


def test_text_that_merely_mentions_a_magic_is_text() -> None:
    for line in (b"PK: hello there\n", b"%PDF is a format\n", b"GIF: a picture\n"):
        assert read_text(line, strict=True)[0] == line.decode()


# ---- errors -----------------------------------------------------------------------------


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nowhere.txt"
    with pytest.raises(InputError) as raised:
        parse_file(path)
    message = str(raised.value)
    assert message.startswith(f"{path}: no such file; check the path")
    assert raised.value.path == str(path)


def test_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"is a directory, not a transcript file; pass one file"):
        parse_file(tmp_path)


def test_unreadable_file(tmp_path: Path) -> None:
    path = write(tmp_path, b"A: hi\n")
    path.chmod(0)
    try:
        if path.open("rb"):  # running as root: permissions do not apply
            pytest.skip("permissions are not enforced for this user")
    except PermissionError:
        with pytest.raises(InputError, match=r"permission denied; check the file's permissions"):
            parse_file(path)
    finally:
        path.chmod(0o600)


def test_a_path_no_file_can_have() -> None:
    with pytest.raises(InputError, match=r"is not a usable path \(embedded null byte\)"):
        parse_file("show\x00.txt")


def test_wrong_types_are_input_type_errors() -> None:
    with pytest.raises(InputTypeError, match=r"read_text takes bytes, got str; call .*parse"):
        read_text("KELLY: hi")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"parse_file takes a path .* got int"):
        parse_file(3)  # type: ignore[arg-type]


def test_every_error_is_a_transcript_error() -> None:
    assert issubclass(InputError, TranscriptError)
    assert issubclass(DecodeError, InputError)
    assert issubclass(InputTypeError, InputError) and issubclass(InputTypeError, TypeError)


# ---- properties -----------------------------------------------------------------------------

# Text that no repair touches: no control characters, no lone carriage return, nothing
# in U+0080-U+00FF (where mojibake lives).
_CLEAN = st.characters(
    codec="utf-8",
    exclude_categories=("Cc", "Cs"),
    exclude_characters="".join(map(chr, range(0x80, 0x100))),
)
CLEAN_TEXT = st.text(alphabet=st.one_of(_CLEAN, st.sampled_from("\n\t ")), max_size=300)


@given(CLEAN_TEXT, st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-32"]))
def test_unicode_encodings_round_trip(text: str, codec: str) -> None:
    decoded, _, notes = read_text(text.encode(codec), strict=True)
    assert decoded == text
    assert all(n.level == "info" for n in notes)


@given(st.binary(max_size=2_000))
def test_any_bytes_are_read_and_damage_has_a_line(data: bytes) -> None:
    try:
        text, encoding, notes = read_text(data)
    except BinaryInputError as error:  # starts with a binary format's magic bytes
        assert data.startswith(error.magic) and error.magic
        return
    assert codecs.lookup(encoding)
    lines = text.count("\n") + 1
    for note in notes:
        assert note.line is None or 1 <= note.line <= lines, note
    try:
        strict, _, _ = read_text(data, strict=True)
    except DecodeError as error:
        assert 0 <= error.offset < len(data)
        assert error.line is not None and 1 <= error.line <= lines
    else:
        assert strict == text


def test_an_html_page_is_reported_once(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        "<html><body><p>ADA QUIST, HOST: Hi.</p>\n<p>NOOR BELCASTRO: Hello.</p></body></html>\n",
        encoding="utf-8",
    )
    doc = parse_file(page)
    assert [d.code for d in doc.diagnostics].count("html-page") == 1


def test_an_empty_file_says_so(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    blank = tmp_path / "blank.txt"
    blank.write_bytes(b"  \n\t\n")
    for path, said in ((empty, "is empty"), (blank, "holds only whitespace")):
        [note] = [d for d in parse_file(path).diagnostics if d.code == "empty-input"]
        assert (note.level, note.message) == ("warning", f"{path} {said}")
