"""Speaker resolution (speakers.RESOLUTION): each rule finds the one speaker (earlier, or
labelled in full later) a short label means, and what could name two people stays as
printed with a diagnostic.
Every name here is invented."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from transcriptkit import parse
from transcriptkit.models import Transcript
from transcriptkit.speakers import RESOLUTION, SpeakerBook


def _names(t: Transcript) -> list[str | None]:
    return [t.speaker_name(x) for x in t.turns]


def _codes(t: Transcript) -> list[tuple[str, int | None]]:
    return [(d.code, d.line) for d in t.diagnostics if d.code != "label-shapes"]


def test_the_rules_are_a_named_ordered_table() -> None:
    assert [name for name, _ in RESOLUTION] == [
        "full-name",
        "declared-short-form",
        "name-ending",
        "title-dropped",
        "given-words",
        "initials",
        "one-letter-slip",
        "named-later",
    ]


# ---- initials ---------------------------------------------------------------------------


def test_initials_after_the_full_name_are_that_speaker() -> None:
    t = parse("JUNE PARK, HOST: Hi.\n\nOTTO VELD: Hello.\n\nJP: Welcome.\n\nOV: Thanks.\n")
    assert _names(t) == ["JUNE PARK", "OTTO VELD", "JUNE PARK", "OTTO VELD"]
    assert t.turns[2].role == "host"
    assert ("short-form-label", 5) in _codes(t)


def test_dotted_initials_are_initials_too() -> None:
    t = parse("JUNE PARK: Hi.\n\nJ.P.: Again.\n")
    assert _names(t) == ["JUNE PARK", "JUNE PARK"]


def test_initials_two_speakers_share_stay_as_printed() -> None:
    t = parse("JUNE PARK: Hi.\n\nJOEL PIKE: Hello.\n\nJP: Which?\n")
    assert _names(t)[2] == "JP"
    assert ("ambiguous-label", 5) in _codes(t)


def test_three_initials_out_of_order_find_the_one_name_with_those_letters() -> None:
    t = parse("IDA MAE NORR: Hi.\n\nINM: Again.\n")
    assert _names(t) == ["IDA MAE NORR", "IDA MAE NORR"]
    (note,) = [d for d in t.diagnostics if d.code == "short-form-label"]
    assert "out of order" in note.message


def test_two_initials_out_of_order_are_not_guessed() -> None:
    t = parse("JUNE PARK: Hi.\n\nPJ: Hello.\n")
    assert _names(t) == ["JUNE PARK", "PJ"]


def test_initials_before_the_full_name_are_a_speaker_of_their_own() -> None:
    t = parse("JP: Hi.\n\nJUNE PARK: Hello.\n\nJP: Again.\n")
    assert _names(t) == ["JP", "JUNE PARK", "JP"]


# ---- a short label above the full one ---------------------------------------------------


def test_a_surname_above_its_speakers_first_full_label_is_that_speaker() -> None:
    t = parse(
        "KOVAL: Good morning.\n\nLENA KOVAL, HOST: This is the news.\n\n"
        "SAM ORTH, BYLINE: Hi, Lena.\n\nKOVAL: Sam?\n"
    )
    assert _names(t) == ["LENA KOVAL", "LENA KOVAL", "SAM ORTH", "LENA KOVAL"]
    assert [x.role for x in t.turns] == ["host", "host", "reporter", "host"]
    assert ("short-form-label", 1) in _codes(t)
    assert [s.name for s in t.speakers] == ["LENA KOVAL", "SAM ORTH"]


def test_a_surname_above_two_full_labels_ending_so_stays_as_printed() -> None:
    t = parse("KOVAL: Hi.\n\nLENA KOVAL: Hello.\n\nPETR KOVAL: Hey.\n")
    assert _names(t) == ["KOVAL", "LENA KOVAL", "PETR KOVAL"]


def test_two_people_under_one_label_are_neither_of_them() -> None:
    t = parse("RUTH KOVAL: Hi.\n\nANA & RUTH KOVAL: Hello.\n\nRUTH KOVAL: Again.\n")
    assert _names(t) == ["RUTH KOVAL", "ANA & RUTH KOVAL", "RUTH KOVAL"]
    t = parse("ANA & RUTH KOVAL: Hello.\n\nRUTH KOVAL: Hi.\n\nKOVAL: Again.\n")
    assert _names(t) == ["ANA & RUTH KOVAL", "RUTH KOVAL", "RUTH KOVAL"]


def test_generic_voices_give_no_initials() -> None:
    t = parse("UNIDENTIFIED MAN: Hi.\n\nUM: Hello.\n")
    assert _names(t) == ["UNIDENTIFIED MAN", "UM"]


# ---- short forms the document declares -------------------------------------------------


def test_a_short_form_declared_in_parentheses_is_that_speaker() -> None:
    # The initials need not be the name's: the document says so.
    text = "ODILE BRANDT (OB): Welcome.\n\nMAREK SAUER (KK): Thanks.\n\nKK: Glad to.\n\nOB: Good.\n"
    t = parse(text)
    assert _names(t) == ["ODILE BRANDT", "MAREK SAUER", "MAREK SAUER", "ODILE BRANDT"]


def test_a_short_form_declared_twice_stays_as_printed() -> None:
    text = "ODILE BRANDT (KK): Hi.\n\nMAREK SAUER (KK): Hello.\n\nKK: Which?\n"
    t = parse(text)
    assert _names(t) == ["ODILE BRANDT", "MAREK SAUER", "KK"]
    assert ("ambiguous-label", 3) in _codes(t)


# ---- initial or given name and surname --------------------------------------------------


def test_an_initial_and_the_surname_are_the_one_speaker_of_that_surname() -> None:
    t = parse("SOLA OKAFOR, BYLINE: Hi.\n\nS. OKAFOR: Again.\n\nS OKAFOR: And again.\n")
    assert _names(t) == ["SOLA OKAFOR"] * 3
    assert [x.role for x in t.turns] == ["reporter"] * 3


def test_the_initial_tells_two_people_of_one_surname_apart() -> None:
    text = "SOLA OKAFOR: Hi.\n\nMIKA OKAFOR: Hello.\n\nM. OKAFOR: Me.\n\nS. OKAFOR: Me too.\n"
    assert _names(parse(text))[2:] == ["MIKA OKAFOR", "SOLA OKAFOR"]


def test_an_initial_no_speaker_of_that_surname_has_stays_as_printed() -> None:
    t = parse("SOLA OKAFOR: Hi.\n\nT. OKAFOR: Someone else.\n")
    assert _names(t) == ["SOLA OKAFOR", "T. OKAFOR"]
    assert ("kept-label", 3) in _codes(t)


def test_a_middle_initial_may_be_left_out_or_given_alone() -> None:
    t = parse("ANA M. RUIZ: Hi.\n\nANA RUIZ: Again.\n\nA. M. RUIZ: Once more.\n")
    assert _names(t) == ["ANA M. RUIZ"] * 3


def test_another_given_name_is_another_person() -> None:
    t = parse("ANA M. RUIZ: Hi.\n\nMARIA RUIZ: Hello.\n")
    assert _names(t) == ["ANA M. RUIZ", "MARIA RUIZ"]


# ---- titles -----------------------------------------------------------------------------


def test_a_title_kept_in_the_name_and_a_later_honorific() -> None:
    text = (
        "PRESS SECRETARY ANA M. RUIZ: Good afternoon.\n\nQUESTION: Thank you.\n\n"
        "MS. RUIZ: Go ahead.\n\nSECRETARY RUIZ: Next.\n\nA. RUIZ: And?\n"
    )
    t = parse(text)
    assert (
        _names(t)
        == ["PRESS SECRETARY ANA M. RUIZ", "QUESTION"] + ["PRESS SECRETARY ANA M. RUIZ"] * 3
    )


def test_a_title_before_a_surname_nobody_has_stays_as_printed() -> None:
    t = parse("ANA RUIZ: Hi.\n\nSENATOR VOSS: Hello.\n")
    assert _names(t) == ["ANA RUIZ", "SENATOR VOSS"]


def test_a_title_word_is_not_taken_for_a_given_name() -> None:
    # P. is not PRESS SECRETARY ANA RUIZ's initial: the title is no given name.
    t = parse("PRESS SECRETARY ANA RUIZ: Hi.\n\nP. RUIZ: Hello.\n")
    assert _names(t)[1] == "P. RUIZ"


# ---- reporters in briefings --------------------------------------------------------------


@pytest.mark.parametrize("label", ["Q", "QUESTION", "J", "JOURNALIST"])
def test_a_question_label_is_a_reporter(label: str) -> None:
    t = parse(f"ANA RUIZ: Questions.\n\n{label}: What about the harbor?\n")
    assert t.turns[1].role == "reporter"


# ---- one-letter slips and shared surnames ------------------------------------------------


def test_a_slip_close_to_two_surnames_stays_as_printed() -> None:
    text = "IDA PROFFITT: Hi.\n\nOLE PROFITS: Hello.\n\nPROFITT: Which?\n"
    t = parse(text)
    assert _names(t)[2] == "PROFITT"
    assert ("ambiguous-label", 5) in _codes(t)


def test_letters_swapped_are_not_a_one_letter_slip() -> None:
    t = parse("IDA OKAFOR: Hi.\n\nOKAFRO: Hello.\n")
    assert _names(t) == ["IDA OKAFOR", "OKAFRO"]


def test_another_first_letter_is_another_name_not_a_slip() -> None:
    # `MARLOW` and `BARLOW` are one edit apart, and two people: a slip keeps the first letter.
    t = parse("IDA BARLOW: Hi.\n\nMARLOW: Hello.\n\nBARLOW: Again.\n")
    assert _names(t) == ["IDA BARLOW", "MARLOW", "IDA BARLOW"]


# ---- ids --------------------------------------------------------------------------------


def test_ids_keep_letters_of_any_script_and_drop_latin_accents() -> None:
    t = parse("АННА ПЕТРОВА: Да.\n\nJOSÉ NÚÑEZ: Sí.\n\nИВАН ПЕТРОВ: Нет.\n")
    assert [s.id for s in t.speakers] == ["анна-петрова", "jose-nunez", "иван-петров"]


def test_ids_of_names_that_slug_alike_are_numbered_in_order() -> None:
    book = SpeakerBook()
    for n, name in enumerate(["ANA RUIZ", "ANA-RUIZ", "ANA RUIZ 2", "ANA. RUIZ", "ANA  RUIZ!"]):
        book.resolve({"name": name, "label": name}, n)
    assert [s.id for s in book.speakers] == [
        "ana-ruiz",
        "ana-ruiz-2",
        "ana-ruiz-2-2",
        "ana-ruiz-3",
        "ana-ruiz-4",
    ]


def test_a_speaker_keeps_each_label_once_in_order() -> None:
    book = SpeakerBook()
    labels = ["ANA RUIZ (Mayor)", "ANA RUIZ", "ANA RUIZ (Mayor)", "ANA RUIZ, HOST"]
    for n, label in enumerate(labels):
        book.resolve({"name": "ANA RUIZ", "label": label}, n)
    (speaker,) = book.speakers
    assert speaker.labels == ["ANA RUIZ (Mayor)", "ANA RUIZ", "ANA RUIZ, HOST"]


@given(st.lists(st.text(min_size=1, max_size=12), min_size=1, max_size=30))
def test_ids_are_unique_whatever_the_names(names: list[str]) -> None:
    book = SpeakerBook()
    for n, name in enumerate(names):
        book.resolve({"name": name.upper(), "label": name}, n)
    ids = [s.id for s in book.speakers]
    assert len(ids) == len(set(ids)) == len({s.name for s in book.speakers})
    assert all(ids)


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("CALLER", "caller"),
        ("Caller", "caller"),
        ("CALLER 2", "caller"),
        ("HOST", "host"),
        ("REPORTER", "reporter"),
        ("Correspondent", "reporter"),
    ],
)
def test_a_label_that_is_the_role_itself_has_that_role(label: str, role: str) -> None:
    text = f"IDA BERG: Lines are open.\n\n{label}: Hi, first time.\n\nIDA BERG: Welcome.\n"
    t = parse(text)
    assert (t.turns[1].label, t.turns[1].role) == (label, role)
