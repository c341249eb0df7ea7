"""Hostile inputs, built from a size: shared by tests/test_pathological.py and
benchmarks/bench_pathological.py. Each builder takes a size in characters.

`NAMED` are the inputs the robustness issue names (with the size it asks for),
`LABEL_LIKE` are 50,000-character lines that look like labels, `FOUND` are inputs found
while hunting for super-linear time, with the size the timing test starts from and, for
those still slow, the reason. `PROBED` are the findings of the second robustness probe
(issue 11): the bookkeeping quadratics, turn- and line-dense input, flattened documents,
HTML on one line; `FLATTENED` the one-line documents a line rule once swallowed whole.
`BYTES` are the byte inputs the reader once got wrong. Every line is invented.
"""

from __future__ import annotations

from collections.abc import Callable

MB = 1_000_000


def repeat(unit: str, size: int, head: str = "", tail: str = "") -> str:
    """`head`, then `unit` repeated, then `tail`: `size` characters in all."""
    body = size - len(head) - len(tail)
    return head + (unit * (body // len(unit) + 1))[:body] + tail


def distinct_speakers(size: int) -> str:
    """`AAAA SMITH: hi`, `BAAA SMITH: hi`, ...: a new speaker on every line."""
    lines, total, i = [], 0, 0
    while total < size:
        name = "".join(chr(65 + (i // 26**k) % 26) for k in range(4))
        line = f"{name} SMITH: hi\n"
        lines.append(line)
        total += len(line)
        i += 1
    return "".join(lines)


_NUL_LINES = (
    "KELLY:\x00 it's\x00 a line of words that runs on\x00 and on (LAUGHTER\x00) a while.\n"
    "\x00\n(SOUNDBITE OF\x00 MUSIC)\n\x00ANA RUIZ, HOST: and\x00 a reply\x00 to it.\n\n"
)

# name -> (build(size), size the issue asks for)
NAMED: dict[str, tuple[Callable[[int], str], int]] = {
    "capitals-no-colon": (lambda n: repeat("ABCDEFGHIJKLMNOPQRSTUVWXYZ", n), MB),
    "capital-words-no-colon": (lambda n: repeat("KELLY ANA RUIZ O'HARA ", n), MB),
    "open-parentheses": (lambda n: "(" * n, MB),
    "open-brackets": (lambda n: "[" * n, MB),
    "label-lines-A:": (lambda n: "A:\n" * (n // 3), 300_000),  # 100,000 lines
    "nested-parentheses": (lambda n: "(" * (n // 2) + ")" * (n // 2), 200_000),  # 100,000 deep
    "nul-characters": (lambda n: "\x00" * n, MB),
    "nul-in-transcript": (lambda n: repeat(_NUL_LINES, n), MB),
}

# Label-like lines: they look like a label to the first rule that tries them, and must
# not make it backtrack. name -> (head, repeated unit, tail); LABEL_LIKE has them at the
# 50,000 characters the issue names.
LABEL_LIKE_PARTS: dict[str, tuple[str, str, str]] = {
    "caps-words-then-colon": ("MR. ", "ABCDE ", ":"),
    "long-description": ("KELLY (", "x", "): hi"),
    "long-quoted-description": ("KELLY (", '"a" ', "): hi"),
    "many-roles": ("ANA RUIZ, ", "HOST, ", ":"),
    "wrapped-label-start": ("Mr. BO OKON (Director", ", Institute", "\nStudies): Yes."),
    "bold-markers": ("**", "A", ": x"),
    "markup-prefixes": ("", "<p>", "KELLY: hi"),
    "id-prefixes": ("", "[s0011] ", "KELLY: hi"),
    "title-case-words": ("", "Garrison ", ": hi"),
    "unidentified-words": ("Unidentified ", "Man ", " #2: hi"),
    "numbered-words": ("", "#1 ", ": hi"),
    "sentence-ends-then-colon": ("", "A. ", ": x"),
    "honorifics-then-label": ("", "Mr. ", "KELLY: hi"),
    "run-together-labels": ("KELLY SMITH, HOST: hi. ", "Yes. KELLY SMITH, HOST: ", ""),
}


def label_like(name: str, size: int) -> str:
    head, unit, tail = LABEL_LIKE_PARTS[name]
    return repeat(unit, size, head, tail)


LABEL_LIKE: dict[str, str] = {name: label_like(name, 50_000) for name in LABEL_LIKE_PARTS}

# Found while hunting for super-linear time: name -> (build(size), size to parse at). Each
# was quadratic once (see docs/robustness.md); turn-dense ones are parsed smaller, since
# every turn is a model of its own.
FOUND: dict[str, tuple[Callable[[int], str], int]] = {
    "cue-lines": (lambda n: "(SOUNDBITE OF MUSIC)\n" * (n // 21), MB),
    "same-label-lines": (lambda n: "KELLY: hi\n" * (n // 10), MB // 4),
    "run-together-labels": (
        lambda n: repeat("Yes. KELLY SMITH, HOST: no. ", n, "KELLY SMITH, HOST: hi. "),
        MB // 4,
    ),
    "notes-in-a-line": (lambda n: "(ph) " * (n // 5), MB // 4),
    "sentence-ends-then-colon": (lambda n: repeat("A. ", n, "", ": x"), MB),
    "honorifics-then-label": (lambda n: repeat("Mr. ", n, "", "KELLY: hi"), MB),
    "one-turn-many-paragraphs": (
        lambda n: "KELLY: hi\n" + "word word word.\n\n" * (n // 17),
        MB // 4,
    ),
    "one-turn-many-notes": (lambda n: "KELLY: " + "(LAUGHTER) " * (n // 11), MB // 4),
    "distinct-speakers": (distinct_speakers, MB // 4),
}


# Small documents on which a choice could lean on hash order (set iteration order changes
# with PYTHONHASHSEED): name -> text. tests/test_robustness.py parses each under several
# seeds in subprocesses and compares the JSON.
TIES: dict[str, str] = {
    # Two headlines, each printed twice, equally long, neither run into a teaser.
    "tied-headlines": (
        "Harbor Floods Again Today\nCouncil Votes On Sea Wall\n"
        "Harbor Floods Again Today\nCouncil Votes On Sea Wall\n\n"
        "KELLY OKAFOR, HOST: Good morning.\n\nANA RUIZ, BYLINE: Hello.\n"
    ),
}


# ---- the second probe (issue 11) ------------------------------------------------------

_CYRILLIC = "АБВГДЕЖЗИКЛМНОПРСТУФХЦЧШЭЮЯ"


def _letters(i: int, alphabet: str, width: int = 4) -> str:
    """The `i`-th word of `width` letters of `alphabet` (a counter written in letters)."""
    n = len(alphabet)
    return "".join(alphabet[(i // n**k) % n] for k in range(width))


def _lines_of(size: int, line: Callable[[int], str]) -> str:
    """`line(0)`, `line(1)`, ... joined until `size` characters."""
    out, total, i = [], 0, 0
    while total < size:
        text = line(i)
        out.append(text)
        total += len(text)
        i += 1
    return "".join(out)[:size]


def non_latin_speakers(size: int) -> str:
    """`АААА ПЕТРОВ: да`, `БААА ПЕТРОВ: да`, ...: distinct speakers whose names all
    slugify to nothing Latin (their ids once counted `speaker-N` from 1 for each)."""
    return _lines_of(size, lambda i: f"{_letters(i, _CYRILLIC)} ПЕТРОВ: да.\n")


_LATIN = "ABCDEFGHIJKLMNOPQRSTUVWXY"  # no Z: the one speaker a short label means has it


def near_miss_labels(size: int) -> str:
    """Many speakers sharing a surname (`AAAA OKAFOR`), one `ZED OKAFO`, and `OKAFRO`
    said often: one letter from OKAFO, two from OKAFOR (letters swapped), yet it shares a
    dropped-letter variant with every OKAFOR, each of whom was compared with it."""

    def line(i: int) -> str:
        if i % 2:
            return "OKAFRO: yes.\n"
        return f"{_letters(i // 2, _LATIN)} OKAFOR: hi.\n"

    return "ZED OKAFO: hi.\n" + _lines_of(size - 15, line)


def initial_and_surname_labels(size: int) -> str:
    """Many speakers sharing a surname, and `Z. OKAFOR` said often: the one OKAFOR whose
    given name starts with Z, found by a key, not by trying each OKAFOR's initial."""

    def line(i: int) -> str:
        if i % 2:
            return "Z. OKAFOR: yes.\n"
        return f"{_letters(i // 2, _LATIN)} OKAFOR: hi.\n"

    return "ZED OKAFOR: hi.\n" + _lines_of(size - 16, line)


def initials_labels(size: int) -> str:
    """Many two-word speakers, and `ZQ` said often: the initials of one of them (ZED
    QUILL), found by a key, not by computing every speaker's initials."""

    def line(i: int) -> str:
        if i % 2:
            return "ZQ: yes.\n"
        return f"{_letters(i // 2, _LATIN)} {_letters(i // 2 + 7, _LATIN)}: hi.\n"

    return "ZED QUILL: hi.\n" + _lines_of(size - 15, line)


def titled_labels(size: int) -> str:
    """Speakers with titles before their names and a titled short form said often:
    `SENATOR ZED QUILL` and `SEN. QUILL`, among many `SENATOR AAAA OKAFOR`."""

    def line(i: int) -> str:
        if i % 2:
            return "SEN. QUILL: yes.\n"
        return f"SENATOR {_letters(i // 2, _LATIN)} OKAFOR: hi.\n"

    return "SENATOR ZED QUILL: hi.\n" + _lines_of(size - 23, line)


def one_speaker_many_labels(size: int) -> str:
    """One speaker printed with a new description every time: `label not in labels`
    scanned a growing list."""
    return _lines_of(size, lambda i: f"KELLY OKAFOR (Director, Unit {i}): hi.\n")


def long_teaser(size: int) -> str:
    """A headline printed twice, then a line running it into a very long teaser."""
    head = "Harbor Floods Again Today\nHarbor Floods Again Today\nHarbor Floods Again Today "
    tail = "\n\nKELLY OKAFOR, HOST: Good morning.\n"
    # The notes cut the teaser line into a piece each.
    return repeat("The tide (ph) came in over the sea wall. ", size, head, tail)


def long_cues(size: int) -> str:
    """WebVTT whose cues hold hundreds of lines each."""

    def cue(i: int) -> str:
        words = "".join(f"caption line {j} of cue {i}\n" for j in range(500))
        at = f"00:{i // 60 % 60:02d}:{i % 60:02d}"
        return f"{at}.000 --> {at}.900\n{words}\n"

    return "WEBVTT\n\n" + _lines_of(size, cue)


def cr_lines(size: int) -> str:
    """An ordinary transcript with classic Mac OS line ends (a CR alone)."""
    unit = "KELLY OKAFOR, HOST: Good morning.\r\rANA RUIZ, BYLINE: The tide came in.\r\r"
    return repeat(unit, size)


_FLAT_TURNS = "KELLY OKAFOR, HOST: The tide came in again. ANA RUIZ, BYLINE: It did, Kelly. "

# A transcript flattened onto one line, behind what a line rule recognises on its own:
# name -> the head it starts with.
FLATTENED_HEADS: dict[str, str] = {
    "date": "June 12, 2025 ",
    "iframe": '  • <iframe src="https://example.org/player/embed/1234" width="100%"></iframe> ',
    "rush-notice": "NPR transcripts are created on a rush deadline by an invented contractor. ",
    "webvtt": "WEBVTT ",
    "plain": "",
}


def flattened(name: str, size: int) -> str:
    return repeat(_FLAT_TURNS, size, FLATTENED_HEADS[name])


FLATTENED: dict[str, str] = {name: flattened(name, 20_000) for name in FLATTENED_HEADS}


def html_one_line(size: int) -> str:
    """A scraped HTML page with the transcript in it, all on one line."""
    head = "<!DOCTYPE html><html><head><title>Invented Show</title></head><body><article>"
    unit = "<p>KELLY OKAFOR, HOST: The tide came in.</p><p>ANA RUIZ, BYLINE: It did.</p>"
    return repeat(unit, size, head, "</article></body></html>")


# name -> (build(size), size tests/test_pathological.py parses it at). Turn-dense inputs
# are parsed smaller: every turn is a model of its own (about 2 KB).
PROBED: dict[str, tuple[Callable[[int], str], int]] = {
    # Speaker bookkeeping (speakers.SpeakerBook): each was, or would be with a scan in
    # place of an index, quadratic (200 KB of Cyrillic speakers took 32 s).
    "non-latin-speakers": (non_latin_speakers, MB // 5),
    "near-miss-labels": (near_miss_labels, MB // 5),
    "one-speaker-many-labels": (one_speaker_many_labels, MB // 5),
    "initial-and-surname-labels": (initial_and_surname_labels, MB // 5),
    "initials-labels": (initials_labels, MB // 5),
    "titled-labels": (titled_labels, MB // 5),
    "long-teaser": (long_teaser, MB),
    "long-cues": (long_cues, MB // 2),
    "label-lines-A:": (lambda n: "A:\n" * (n // 3), MB // 10),
    "blank-lines": (lambda n: "\n" * n, MB // 4),
    "cr-lines": (cr_lines, MB // 2),
    "flattened-date": (lambda n: flattened("date", n), MB),
    "flattened-iframe": (lambda n: flattened("iframe", n), MB),
    "html-one-line": (html_one_line, MB // 2),
}


# The speaker-bookkeeping inputs, parsed at half a megabyte by tests/test_pathological.py:
# there a quadratic look-up takes minutes (near misses and Cyrillic ids took 3 minutes at
# 400 KB before speakers.SpeakerBook indexed them) and the indexed one a few seconds.
SPEAKER_BOOKKEEPING: tuple[str, ...] = (
    "non-latin-speakers",
    "near-miss-labels",
    "one-speaker-many-labels",
    "initial-and-surname-labels",
    "initials-labels",
    "titled-labels",
)


def _bytes_inputs() -> dict[str, bytes]:
    import gzip

    doc = "KELLY OKAFOR, HOST: It’s a “good” day, café.\nOKAFOR: Yes.\n"
    return {
        "gzip": gzip.compress(doc.encode()),
        "utf-32-le-no-bom": doc.encode("utf-32-le"),
        "utf-32-truncated": b"\xff\xfe\x00\x00" + doc.encode("utf-32-le")[:-3],
        "gb18030-short": "好的。".encode("gb18030"),
        "cp1252-last-byte": "KELLY: one more café".encode("cp1252"),
        "mixed-utf8-cp1252": b"ANA: " + "”Á東".encode() + b" \x93one\x94 \x93two\x94 \xc1\n",
        "one-zero-byte": b"ab\x00c",
        "cr-lines-cp1252": b"KELLY: caf\xe9\rANA: \x81 no\r",
    }


# The byte inputs the reader once got wrong (tests/test_reader.py has one test each).
BYTES: dict[str, bytes] = _bytes_inputs()
