"""conventions.py's shortcuts (issue 8) judged by the plain readings they stand for: each
must answer exactly what reading everything answers, on any input."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import example, given
from hypothesis import strategies as st

from transcriptkit import conventions
from transcriptkit.conventions import LINE_NUMBER, NAME_ALONE
from transcriptkit.tokens import Token, TokenKind

_INTRO_PARTS = [
    "I'm", "i’M", "I am", "my name is", "joined by", "over to", "welcome back,", "welcome",
    "With Me Is", "with me today is", "here with", "thank you,", "Ada", "Quist", "McAdam",
    "Straße", "ﬁona", "İlse", "B.", "Jean-Luc", "O'Neil", "Nora", " ", "  ", "\n", ".", ",",
]  # fmt: skip


def _texts(pieces: list[list[str]]) -> list[Token]:
    texts = [" ".join(words) for words in pieces]
    return [Token(TokenKind.TEXT, t, 0, len(t), n + 1, "text") for n, t in enumerate(texts)]


@given(
    st.lists(st.lists(st.sampled_from(_INTRO_PARTS), max_size=14), min_size=1, max_size=5),
    st.lists(st.sampled_from(["ADA QUIST", "NORA MCADAM", "FIONA", "STRASSE", "WITH ME"])),
)
@example([["joined", "by", "Ada", "With Me Is", "Nora", "Quist"]], ["NORA QUIST"])
def test_an_introduction_asked_by_name_is_one_the_whole_reading_finds(
    pieces: list[list[str]], asked: list[str]
) -> None:
    """Reading only the lines that hold the name finds what reading every line finds,
    an introduction swallowed by an earlier one (`joined by Ada With Me Is Nora`) too; a
    one-word name is introduced when an introduced name ends with it (a surname)."""
    tokens = _texts(pieces)
    whole = conventions._introductions("\n".join(t.text for t in tokens if len(t.text) > 8))
    surnames = {name.rsplit(" ", 1)[-1] for name in whole}
    evidence = conventions._Evidence(tokens, [], [], set())
    for name in [*asked, *whole]:
        expected = name in whole or (" " not in name and name in surnames)
        assert evidence.introduced(name) == expected


_NAME_PARTS = ["Ada", "QUELL", "B.", "McAdam", "O'Neil", "Ül", " ", "  ", "\t", "\r", "\n"]
_NAME_PARTS += ["--", "–", "—", "-", "|", "Chief", "of", ".", ":", "2", "0:34", "(", ")"]


@given(st.lists(st.sampled_from(_NAME_PARTS), min_size=1, max_size=12).map("".join))
@example("  Ada B. McAdam Quell \r\n")
@example("Ada Quell Speaker 2 - 00:00:34\n")
def test_a_name_alone_without_a_dash_or_time_has_few_spaces(line: str) -> None:
    """`_propose` tries `NAME_ALONE` on a one-token line only with a dash, a time's colon
    or fewer than `_ALONE_WORDS` spaces inside: no other line matches it."""
    if NAME_ALONE.match(line):
        dash = "--" in line or "–" in line or "—" in line or ":" in line
        assert dash or line.strip(" \t\r\n").count(" ") < conventions._ALONE_WORDS


def _numbered(lines: list[tuple[int, int, str]]) -> dict[int, int]:
    """The plain reading: every line with words tried."""
    wordy = [i for i, (_, _, line) in enumerate(lines) if line.strip(conventions._WS)]
    found = {i: m.end() for i in wordy if (m := LINE_NUMBER.match(lines[i][2]))}
    if len(found) < conventions.NUMBERED_MIN or len(found) < conventions.NUMBERED_SHARE * len(
        wordy
    ):
        return {}
    order = []
    for i in found:
        m = LINE_NUMBER.match(lines[i][2])
        assert m is not None
        order.append((int((m["page"] or "0-")[:-1]), int(m["line"])))
    rising = sum(a < b for a, b in pairwise(order))
    return found if rising >= conventions.NUMBERED_RISING * (len(order) - 1) else {}


_LINE_STARTS = ["", " ", "\t", "1-0", "12", "3", "٣", "\xa0", "\ufeff", "A", "“", "\n"]


@given(
    st.lists(
        st.tuples(st.sampled_from(_LINE_STARTS), st.sampled_from(["   ", "\t", " ", ""])).map(
            lambda p: p[0] + p[1] + "words here\n" if p[0] != "\n" else "\n"
        ),
        max_size=30,
    )
)
def test_line_numbers_bound_decides_as_the_plain_reading(texts: list[str]) -> None:
    lines = [(0, n + 1, t) for n, t in enumerate(texts)]
    assert conventions.line_numbers(lines) == _numbered(lines)


_KINDS = [TokenKind.TEXT, TokenKind.TEXT, TokenKind.LABEL, TokenKind.MARKUP, TokenKind.BLANK]


@given(st.lists(st.tuples(st.sampled_from(_KINDS), st.integers(0, 2)), max_size=30))
def test_merged_text_is_the_token_by_token_merge(spec: list[tuple[TokenKind, int]]) -> None:
    tokens, line = [], 1
    for at, (kind, step) in enumerate(spec):
        line += step
        tokens.append(Token(kind, f"{kind.value}{at} ", at, at + 1, line, kind.value))
    expected: list[Token] = []
    for t in tokens:
        prev = expected[-1] if expected else None
        if prev and prev.line == t.line and prev.kind is t.kind is TokenKind.TEXT:
            expected[-1] = Token(
                TokenKind.TEXT, prev.text + t.text, prev.start, t.end, prev.line, "text"
            )
        else:
            expected.append(t)
    assert conventions._merge_text(list(tokens)) == expected


_LABEL_TEXTS = ["KELLY:", "**Ada Quist:**", "**Ada**:", "<b>NOOR</b>:", "<b>NOOR: </b>", "X_Y:"]
_AFTER_TEXTS = [" Hello.", "** Hello", "</b> Hi", "", "  ", "\n", "__x", "<i>y"]


@given(
    st.lists(
        st.tuples(
            st.sampled_from(_LABEL_TEXTS),
            st.lists(st.sampled_from(_AFTER_TEXTS), max_size=4),
            st.booleans(),
        ),
        min_size=1,
        max_size=8,
    )
)
def test_label_forms_are_read_as_one_by_one(
    spec: list[tuple[str, list[str], bool]],
) -> None:
    tokens: list[Token] = []
    line = 1
    for label, after, next_line in spec:
        tokens.append(Token(TokenKind.LABEL, label, 0, 1, line, "label", {"name": "X"}))
        tokens += [Token(TokenKind.TEXT, a, 0, 1, line, "text") for a in after]
        line += next_line
    at = [i for i, t in enumerate(tokens) if t.kind is TokenKind.LABEL]
    assert conventions._forms(tokens, at) == [conventions._form(tokens, i) for i in at]
