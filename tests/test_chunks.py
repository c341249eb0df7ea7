"""Turn-aware chunks: a worked example by hand, and properties over generated transcripts
(every word once and in order ignoring overlap, the budget kept, a turn split only when it
alone is over the budget)."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

import transcriptkit
from analysis_data import STUDIO, TIMED
from transcriptkit import Paragraph, Span, Speaker, Transcript, Turn


def test_studio_in_chunks_of_twenty_words_by_hand() -> None:
    # Turn words: 7, 11, 3, 6, 9, 3, 4 (see test_stats). Packing greedily into 20:
    # [7+11=18] (+3 would be 21), [3+6+9=18] (+3 → 21), [3+4=7].
    t = transcriptkit.parse_file(STUDIO)
    cs = transcriptkit.chunks(t, max_words=20)
    assert [[p.turn for p in c.pieces] for c in cs] == [[0, 1], [2, 3, 4], [5, 6]]
    assert [c.n_words for c in cs] == [18, 18, 7]
    assert cs[0].speakers == ["NORA FELLWAY", "PIET ANSELM"]
    assert cs[1].speaker_ids == ["nora-fellway", "piet-anselm", "delia-marsh"]
    assert cs[0].text == (
        "NORA FELLWAY: Welcome back. Who is joining us today?\n\n"
        "PIET ANSELM: Thanks, Nora. I grew up near the quarry and I always--"
    )
    assert cs[0].span.start == t.turns[0].span.start and cs[0].span.end == t.turns[1].span.end
    assert cs[2].lines == (t.turns[5].line, t.turns[6].line)
    assert cs[0].start is None  # untimed


def test_overlap_repeats_the_last_turns_when_they_fit() -> None:
    t = transcriptkit.parse_file(STUDIO)
    cs = transcriptkit.chunks(t, max_words=20, overlap_turns=1)
    # [0,1] 18; then 1 (11, overlap) + 2 (3) + 3 (6) = 20; then 3 (overlap) + 4 = 15, + 5 = 18;
    # then 5 (overlap) + 6 = 7.
    assert [[(p.turn, p.overlap) for p in c.pieces] for c in cs] == [
        [(0, False), (1, False)],
        [(1, True), (2, False), (3, False)],
        [(3, True), (4, False), (5, False)],
        [(5, True), (6, False)],
    ]
    assert [c.n_words for c in cs] == [18, 20, 18, 7]


def test_a_turn_longer_than_the_budget_is_split_into_parts() -> None:
    cs = transcriptkit.chunks(TIMED, max_words=8)
    parts = [(p.turn, p.part, p.parts, p.n_words) for c in cs for p in c.pieces]
    # ROSA's 20 words → 8 + 8 + 4; OMAR's 12 → 8 + 4; then 3, 30 → 8+8+8+6, 1, 24 → 8+8+8.
    assert parts[:5] == [(0, 1, 3, 8), (0, 2, 3, 8), (0, 3, 3, 4), (1, 1, 2, 8), (1, 2, 2, 4)]
    assert all(c.n_words <= 8 for c in cs)
    assert (cs[0].start, cs[0].end) == (0.0, 10.0)


def test_an_article_is_chunked_by_paragraphs() -> None:
    art = Transcript(
        kind="article",
        paragraphs=[
            Paragraph(text="One two three.", line=1, span=Span(start=0, end=14)),
            Paragraph(text="Four five.", line=3, span=Span(start=16, end=26)),
        ],
    )
    (c,) = transcriptkit.chunks(art, max_words=10)
    assert c.text == "One two three.\n\nFour five." and c.speakers == []


def test_bad_budgets_are_value_errors() -> None:
    with pytest.raises(ValueError, match="max_words"):
        transcriptkit.chunks(TIMED, max_words=0)
    with pytest.raises(ValueError, match="overlap_turns"):
        transcriptkit.chunks(TIMED, max_words=5, overlap_turns=-1)
    assert transcriptkit.chunks(Transcript(kind="other")) == []


# ---- properties -------------------------------------------------------------------------

WORDS = st.lists(st.sampled_from(["ka", "lo", "mi", "nu", "pe", "ri"]), max_size=25)
SPEAKERS = [Speaker(id=f"s{i}", name=f"SPEAKER {i}") for i in range(3)]


@st.composite
def transcripts(draw: st.DrawFn) -> Transcript:
    turns = []
    for i, words in enumerate(draw(st.lists(WORDS, max_size=12))):
        who = draw(st.sampled_from([None, "s0", "s1", "s2"]))
        turns.append(
            Turn(
                index=i,
                speaker_id=who,
                text=" ".join(words),
                line=i + 1,
                span=Span(start=10 * i, end=10 * i + 9),
            )
        )
    return Transcript(kind="transcript", speakers=SPEAKERS, turns=turns)


@given(transcripts(), st.integers(1, 30), st.integers(0, 3))
def test_every_word_once_in_order_within_the_budget(
    t: Transcript, max_words: int, overlap: int
) -> None:
    cs = transcriptkit.chunks(t, max_words=max_words, overlap_turns=overlap)
    new = [p for c in cs for p in c.pieces if not p.overlap]
    assert [w for p in new for w in p.text.split()] == t.words()
    assert all(c.n_words <= max_words for c in cs)
    assert all(any(not p.overlap for p in c.pieces) for c in cs)
    for turn in t.turns:
        parts = [p for p in new if p.turn == turn.index]
        assert len(parts) >= 1  # every turn, empty ones too
        if len(parts) > 1:
            assert len(turn.text.split()) > max_words
    for before, after in itertools.pairwise(cs):
        repeated = [p for p in after.pieces if p.overlap]
        assert len(repeated) <= overlap
        tail = before.pieces[len(before.pieces) - len(repeated) :] if repeated else []
        assert [(p.turn, p.part) for p in repeated] == [(p.turn, p.part) for p in tail]
