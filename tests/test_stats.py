"""Measures against values worked out by hand on invented documents (the arithmetic is in
the comments; nothing expected here is computed by transcriptkit)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.console import Console
from typer.testing import CliRunner

import transcriptkit
from analysis_data import OMAR, ROSA, TIMED
from transcriptkit import Span, Speaker, Transcript, Turn
from transcriptkit.cli import app
from transcriptkit.stats import measure, measure_many
from transcriptkit.stats_view import StatsView

FIXTURES = Path(__file__).parent / "fixtures" / "analysis"
STUDIO = FIXTURES / "studio.txt"
FERRY = FIXTURES / "ferry.txt"

# studio.txt, words per turn (whitespace split), counted by hand:
#   0 NORA  "Welcome back. Who is joining us today?"                          7  1 question
#   1 PIET  "Thanks, Nora. I grew up near the quarry and I always--"          11 cut off
#   2 NORA  "Sorry, which quarry?"                                            3  1 question
#   3 PIET  "The old one on Hask Road."                                       6
#   4 DELIA "I walked there last week. It is flooded now…"                    9  cut off
#   5 NORA  "Flooded? Since when?"                                            3  2 questions
#   6 DELIA "Since the spring rains."                                         4
# total 43; NORA 13 in 3 turns, PIET 17 in 2, DELIA 13 in 2.
NORA, PIET, DELIA, ODO = "nora-fellway", "piet-anselm", "delia-marsh", "odo-rask"


def test_untimed_speakers_by_hand() -> None:
    s = measure(transcriptkit.parse_file(STUDIO))
    assert not s.timed and s.seconds is None
    assert (s.turns, s.words) == (7, 43)
    rows = {r.id: r for r in s.speakers}
    assert list(rows) == [NORA, PIET, DELIA]
    nora, piet, delia = rows[NORA], rows[PIET], rows[DELIA]
    assert (nora.turns, nora.words, nora.longest_turn_words, nora.questions) == (3, 13, 7, 4)
    assert nora.share == pytest.approx(13 / 43)
    assert nora.mean_turn_words == pytest.approx(13 / 3)
    assert (piet.turns, piet.words, piet.longest_turn_words, piet.mean_turn_words) == (
        2,
        17,
        11,
        8.5,
    )
    assert (delia.words, delia.mean_turn_words, delia.role) == (13, 6.5, "reporter")
    assert nora.seconds is nora.time_share is nora.wpm is None
    # NORA cut in twice (turn 2 after PIET's "always--", turn 5 after DELIA's "now…").
    assert [(r.interruptions, r.interrupted) for r in (nora, piet, delia)] == [
        (2, 0),
        (0, 1),
        (0, 1),
    ]


def test_untimed_roles_transitions_questions_interruptions() -> None:
    s = measure(transcriptkit.parse_file(STUDIO))
    roles = {r.role: r for r in s.roles}
    assert set(roles) == {"host", "reporter", None}
    assert (roles["host"].speakers, roles["host"].words) == (1, 13)
    assert roles[None].words == 17 and roles[None].share == pytest.approx(17 / 43)
    # Consecutive pairs: N→P, P→N, N→P, P→D, D→N, N→D.
    pairs = {(t.before, t.after): t.count for t in s.transitions}
    assert pairs == {(NORA, PIET): 2, (PIET, NORA): 1, (PIET, DELIA): 1, (DELIA, NORA): 1,
                     (NORA, DELIA): 1}  # fmt: skip
    role_pairs = {(t.before, t.after): t.count for t in s.role_transitions}
    assert role_pairs == {("host", None): 2, (None, "host"): 1, (None, "reporter"): 1,
                          ("reporter", "host"): 1, ("host", "reporter"): 1}  # fmt: skip
    assert [(q.turn, q.speaker, q.text, q.answered_by) for q in s.questions] == [
        (0, NORA, "Who is joining us today?", PIET),
        (2, NORA, "Sorry, which quarry?", PIET),
        (5, NORA, "Flooded?", DELIA),
        (5, NORA, "Since when?", DELIA),
    ]
    assert [(i.turn, i.speaker, i.of_turn, i.of_speaker, i.how) for i in s.interruptions] == [
        (2, NORA, 1, PIET, "marked"),
        (5, NORA, 4, DELIA, "marked"),
    ]
    assert s.overlaps == []


def test_timed_speakers_by_hand() -> None:
    s = measure(TIMED)
    assert s.timed and s.seconds == pytest.approx(42.5)
    rosa, omar = s.speakers
    assert (rosa.words, rosa.seconds, omar.words, omar.seconds) == (48, 22.0, 42, 20.5)
    assert rosa.time_share == pytest.approx(22 / 42.5)
    assert omar.time_share == pytest.approx(20.5 / 42.5)
    assert rosa.wpm == pytest.approx(48 / (22 / 60))  # 130.9
    assert omar.wpm == pytest.approx(42 / (20.5 / 60))  # 122.9
    assert (rosa.longest_turn_words, omar.longest_turn_words) == (24, 30)
    assert (omar.interruptions, omar.overlaps, rosa.interrupted, rosa.overlaps) == (2, 2, 2, 1)
    assert rosa.interruptions == omar.interrupted == 0


def test_timed_overlaps_and_interruptions_by_hand() -> None:
    s = measure(TIMED)
    assert [(o.turn, o.with_turn, o.seconds) for o in s.overlaps] == [
        (1, 0, pytest.approx(1.0)),
        (3, 2, pytest.approx(0.5)),
        (4, 3, pytest.approx(1.0)),
    ]
    assert [(i.turn, i.of_turn, i.how) for i in s.interruptions] == [
        (1, 0, "overlap"),
        (3, 2, "overlap"),
    ]
    pairs = {(t.before, t.after): t.count for t in s.transitions}
    assert pairs == {(ROSA, OMAR): 2, (OMAR, ROSA): 2, (ROSA, ROSA): 1}


def test_many_documents_together() -> None:
    docs = [(p.name, transcriptkit.parse_file(p)) for p in (STUDIO, FERRY)]
    per_doc, overall = measure_many(docs)
    assert [d.doc for d in per_doc] == ["studio.txt", "ferry.txt"]
    # ferry.txt: NORA 9 + 2 + 3 = 14 words, 2 questions; ODO 8 + 3 = 11. Both: 43 + 25 = 68.
    assert (per_doc[1].words, overall.words, overall.documents) == (25, 68, 2)
    rows = {r.id: r for r in overall.speakers}
    assert list(rows) == [NORA, PIET, DELIA, ODO]
    assert (rows[NORA].turns, rows[NORA].words, rows[NORA].questions) == (6, 27, 6)
    assert rows[NORA].share == pytest.approx(27 / 68)
    roles = {r.role: r for r in overall.roles}
    assert (roles[None].speakers, roles[None].words) == (2, 28)  # PIET and ODO
    pairs = {(t.before, t.after): t.count for t in overall.transitions}
    assert pairs[(NORA, ODO)] == pairs[(ODO, NORA)] == 2 and (DELIA, ODO) not in pairs


def test_matrix_and_frames() -> None:
    pytest.importorskip("pandas")
    s = measure(transcriptkit.parse_file(STUDIO))
    m = s.matrix()
    assert list(m.index) == list(m.columns) == ["NORA FELLWAY", "PIET ANSELM", "DELIA MARSH"]
    assert m.loc["NORA FELLWAY", "PIET ANSELM"] == 2 and m.loc["DELIA MARSH", "PIET ANSELM"] == 0
    assert int(m.to_numpy().sum()) == 6
    by_role = s.matrix("role")
    assert by_role.loc["host", "(none)"] == 2
    speakers = s.frame("speakers")
    assert list(speakers["words"]) == [13, 17, 13]
    assert list(s.frame("questions")["turn"]) == [0, 2, 5, 5]


def test_an_empty_document_measures_zero() -> None:
    s = measure(Transcript(kind="other"))
    assert (s.turns, s.words, s.speakers, s.transitions) == (0, 0, [], [])


def test_view_draws_tables_and_bars() -> None:
    console = Console(record=True, width=120, color_system=None)
    console.print(StatsView(measure(TIMED), title="timed"))
    out = console.export_text()
    assert "ROSA TILL" in out and "█" in out and "WPM" in out and "131" in out
    assert "3 overlaps" in out and "Who follows whom" in out


runner = CliRunner()


def test_cli_stats_formats() -> None:
    result = runner.invoke(app, ["stats", str(STUDIO), "--format", "json"])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["doc"] == str(STUDIO) and data["words"] == 43
    assert len(data["interruptions"]) == 2
    result = runner.invoke(app, ["stats", str(STUDIO), str(FERRY), "-f", "csv", "--by", "role"])
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [(r["doc"], r["role"], r["words"]) for r in rows] == [
        (str(STUDIO), "host", "13"),
        (str(STUDIO), "", "17"),
        (str(STUDIO), "reporter", "13"),
        (str(FERRY), "host", "14"),
        (str(FERRY), "", "11"),
    ]
    result = runner.invoke(app, ["stats", str(STUDIO), str(FERRY), "-f", "json", "--overall"])
    assert result.exit_code == 0
    together = json.loads(result.stdout)
    assert (together["doc"], together["documents"], together["words"]) == (None, 2, 68)
    result = runner.invoke(app, ["stats", str(STUDIO), str(FERRY)])
    assert result.exit_code == 0 and "All 2 documents" in result.stdout
    result = runner.invoke(app, ["stats", str(STUDIO), "-f", "xml"])
    assert result.exit_code == 2 and "choose --format" in result.stderr


# ---- properties -------------------------------------------------------------------------

SPEAKER_IDS = [None, "a", "b", "c"]


@st.composite
def transcripts(draw: st.DrawFn) -> Transcript:
    """Turns of 0–12 words by three speakers (or none), each timed or not."""
    turns = []
    for i in range(draw(st.integers(0, 15))):
        words = draw(st.integers(0, 12))
        start = draw(st.one_of(st.none(), st.floats(0, 100, allow_nan=False)))
        length = draw(st.floats(0, 10, allow_nan=False))
        turns.append(
            Turn(
                index=i,
                speaker_id=draw(st.sampled_from(SPEAKER_IDS)),
                text=" ".join(["so"] * words) + draw(st.sampled_from(["", "?", "--"])),
                line=i + 1,
                span=Span(start=i, end=i + 1),
                start=start,
                end=None if start is None else start + length,
            )
        )
    speakers = [Speaker(id=x, name=x.upper()) for x in SPEAKER_IDS if x]
    return Transcript(kind="transcript", speakers=speakers, turns=turns)


@given(transcripts())
def test_totals_add_up(t: Transcript) -> None:
    s = measure(t)
    words = [len(x.text.split()) for x in t.turns]
    assert s.turns == len(t.turns) and s.words == sum(words)
    assert sum(r.turns for r in s.speakers) == sum(r.turns for r in s.roles) == len(t.turns)
    assert sum(r.words for r in s.speakers) == sum(r.words for r in s.roles) == sum(words)
    if s.words:
        assert sum(r.share for r in s.speakers) == pytest.approx(1.0)
    assert sum(x.count for x in s.transitions) == max(len(t.turns) - 1, 0)
    assert sum(x.count for x in s.role_transitions) == max(len(t.turns) - 1, 0)
    assert sum(r.interruptions for r in s.speakers) == len(s.interruptions)
    assert sum(r.interrupted for r in s.speakers) == len(s.interruptions)
    assert sum(r.overlaps for r in s.speakers) == len(s.overlaps)
    assert all(o.seconds > 0 and o.speaker != o.with_speaker for o in s.overlaps)
    assert all(i.speaker != i.of_speaker for i in s.interruptions)
    assert len(s.questions) == sum(r.questions for r in s.speakers)
    for r in s.speakers:
        assert r.longest_turn_words <= r.words
        if r.turns:
            assert r.mean_turn_words == pytest.approx(r.words / r.turns)
