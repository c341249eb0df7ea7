"""Shapes of labels, cues and openings added for issue 8, each on invented text: what a
document with that shape parses to, and the look-alike it must not become."""

from __future__ import annotations

import pytest

import transcriptkit
from transcriptkit import TokenKind, tokenize


def _cues(text: str) -> list[str]:
    return [c.text for c in transcriptkit.parse(text).cues]


def _labels(text: str) -> list[str | None]:
    return [t.label for t in transcriptkit.parse(text).turns]


_TALK = "ODA PELL: The pier reopens today, after a long winter.\n\n"


@pytest.mark.parametrize(
    "line",
    [
        "[2]",  # a footnote mark
        "[00:00:05]",  # a time stamp alone in brackets
        "[Home | Archive | Contact the Desk]",  # a page's menu
        "(By Marta Quell)",  # a byline
        "(0 rows had to be moved before the check ran.)",  # a writer's aside
        '(`{"who", "when"}`, one entry per answer).',
        "[INAUDIBLE].",  # one word punctuated as a sentence: part of the speech
    ],
)
def test_bracketed_lines_that_are_not_stage_cues(line: str) -> None:
    assert _cues(_TALK + line + "\n\nMARCUS FENN: Good.\n") == []


@pytest.mark.parametrize(
    ("line", "inner"),
    [
        ("> (laughter)", "laughter"),  # after a blockquote's mark
        ("(Music.  The clatter of a tram across the bridge.)", None),  # opens on a sound
        (
            '{% cue text="MUSIC: Harbour theme, by the Quay Band" %}',
            "MUSIC: Harbour theme, by the Quay Band",
        ),
        ("(SOUNDBITE OF GULLS)", "SOUNDBITE OF GULLS"),
    ],
)
def test_stage_cues_in_their_printed_forms(line: str, inner: str | None) -> None:
    expected = inner if inner is not None else line.strip()[1:-1]
    assert _cues(_TALK + line + "\n\nMARCUS FENN: Good.\n") == [expected]


def test_a_clock_time_in_a_schedule_is_not_a_time_stamp() -> None:
    line = "09:00 PM PDT Approx. 2 hr. Harbour Council meeting, live from the town hall."
    assert not any(t.kind is TokenKind.TIMESTAMP for t in tokenize(line + "\n"))
    assert any(t.kind is TokenKind.TIMESTAMP for t in tokenize("00:09:00 Welcome back.\n"))


@pytest.mark.parametrize(
    "opening",
    [
        "From Harbour FM, you're listening to Quay Notes, the show about small boats.",
        "Hello: this is Ada Quist from the ferry office, and I have news about the timetable.",
        "Hi, this is the Harbourmaster. With me on the line is the pilot, Tomas Brel.",
    ],
)
def test_an_on_air_opening_starts_an_unlabeled_turn(opening: str) -> None:
    doc = transcriptkit.parse(f"Quay Notes\n\n{opening}\n\nWe begin with the weather.\n")
    assert doc.kind == "transcript"
    assert doc.turns[0].label is None
    assert doc.turns[0].text.startswith(opening[:20])


def test_i_am_with_no_name_after_it_is_a_blog_post() -> None:
    text = (
        "Writing Down the Ferry\n\n"
        "I'm guessing some readers noticed the long gap since my last post about the harbour. "
        "I have been busy with the boats, the nets and the new ferry timetable.\n\n"
        "The boats need paint every spring, and this year the paint was late to arrive, "
        "so the whole fleet waited on the slipway for three weeks in the rain.\n"
    )
    doc = transcriptkit.parse(text)
    assert (doc.kind, doc.turns) == ("article", [])


@pytest.mark.parametrize(
    ("line", "label"),
    [
        ("♪ ODA PELL: GOOD EVENING. THE PIER REOPENS.", "ODA PELL"),  # a music note first
        ("spk04: Good morning, and welcome to the call.", "spk04"),  # a service's id
        ("Lab Person #2: She is six months old.", "Lab Person #2"),
    ],
)
def test_label_shapes_with_marks_ids_and_numbers(line: str, label: str) -> None:
    text = f"{line}\n\nMARCUS FENN: Thank you.\n\n{line}\n"
    assert _labels(text)[0] == label
