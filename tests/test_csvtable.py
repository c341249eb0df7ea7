"""Tables of turns in CSV and TSV (csvtable.py). The documents are invented."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import transcriptkit
from invariants import check_text
from transcriptkit.export import to_csv


def test_a_csv_table_of_turns_reads_labels_times_and_words() -> None:
    text = (
        "speaker,start,end,text\n"
        'Ada Quist,0.0,4.5,"Welcome back to the harbor hour, on a cold morning."\n'
        'Omar Vidal,4.5,9.1,"Thank you. The skipper said ""hello"" to me,\n'
        'and then he left."\n'
        ",9.1,10.0,and a word more\n"
        "Ada Quist,00:00:10.5,12.0,So what now?\n"
    )
    t = transcriptkit.parse(text)
    assert [(turn.line, turn.label, turn.start) for turn in t.turns] == [
        (2, "Ada Quist", 0.0),
        (3, "Omar Vidal", 4.5),
        (6, "Ada Quist", 10.5),
    ]
    assert t.turns[0].text == "Welcome back to the harbor hour, on a cold morning."
    # a doubled quote is one; a quoted cell runs over its lines; a row with no speaker
    # goes on with the turn before
    assert 'The skipper said "hello" to me,' in t.turns[1].text
    assert t.turns[1].text.endswith("and a word more")
    check_text(text)


@pytest.mark.parametrize(
    ("head", "delimiter"),
    [("Speaker Name;Start Time;Transcript", ";"), ("speaker\tstart\ttext", "\t")],
)
def test_a_semicolon_or_tab_separated_table_reads_the_same(head: str, delimiter: str) -> None:
    rows = [("Ada Quist", "00:00:01", "Welcome back."), ("Omar Vidal", "00:00:04", "Thank you.")]
    text = head + "\n" + "\n".join(delimiter.join(row) for row in rows) + "\n"
    t = transcriptkit.parse(text)
    assert [(turn.label, turn.start, turn.text) for turn in t.turns] == [
        ("Ada Quist", 1.0, "Welcome back."),
        ("Omar Vidal", 4.0, "Thank you."),
    ]


def test_our_own_csv_export_reads_back_as_the_same_turns() -> None:
    source = (
        "ADA QUIST, HOST: Welcome back to the harbor hour, on a cold morning.\n\n"
        'OMAR VIDAL: Thank you. The skipper said "hello, then," and left.\n\n'
        "QUIST: So what now?\n"
    )
    first = transcriptkit.parse(source)
    again = transcriptkit.parse(to_csv(first))
    assert [(turn.speaker_id, turn.text) for turn in again.turns] == [
        ("ada-quist", "Welcome back to the harbor hour, on a cold morning."),
        ("omar-vidal", 'Thank you. The skipper said "hello, then," and left.'),
        ("ada-quist", "So what now?"),
    ]


def test_a_table_without_a_speaker_column_is_no_table_of_turns() -> None:
    text = (
        "date,headline,text\n"
        "2024-03-26,Ferries stop,The last ferry of the year left the harbor on Friday.\n"
        "2024-03-27,Crews go home,The crews went home for the winter on Saturday.\n"
    )
    t = transcriptkit.parse(text)
    assert not [turn for turn in t.turns if turn.label]


@given(st.text(alphabet='ab ,;"\n\t\r', max_size=200))
def test_any_text_under_a_header_is_read_losslessly(body: str) -> None:
    # check_text: the tokens give the text back, turns in order, each span holds its label
    t = check_text("speaker,start,text\n" + body)
    for turn in t.turns:
        assert turn.text.strip()


@pytest.mark.parametrize("table", ["csv", "pipe"])
def test_short_rows_of_a_table_of_turns_are_turns_not_a_field_block(table: str) -> None:
    # Short words on consecutive lines with no sentence end read like a page's fields
    # (`Host: Ada Quist` / `Guest: …`): a table's header declares them labels.
    said = [
        ("Ada Quist", "so"),
        ("Omar Vidal", "yeah right"),
        ("Ada Quist", "the boats"),
        ("Omar Vidal", "all of them"),
    ]
    if table == "csv":
        text = "speaker,text\n" + "".join(f"{name},{words}\n" for name, words in said)
    else:
        text = "| Speaker | Text |\n|---|---|\n" + "".join(f"| {n} | {w} |\n" for n, w in said)
    t = transcriptkit.parse(text)
    assert [(turn.label, turn.text) for turn in t.turns] == said


def test_an_open_quote_ends_the_table_and_loses_no_line() -> None:
    text = 'speaker,text\nAda Quist,"the quote never closes\n' + "more words\n" * 300
    check_text(text)
