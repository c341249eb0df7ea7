"""Hostile inputs, built from a size: shared by tests/test_pathological.py and
benchmarks/bench_pathological.py. Each builder takes a size in characters.

`NAMED` are the inputs the robustness issue names (with the size it asks for),
`LABEL_LIKE` are 50,000-character lines that look like labels, `FOUND` are inputs found
while hunting for super-linear time, with the size the timing test starts from and, for
those still slow, the reason. Every line is invented.
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
