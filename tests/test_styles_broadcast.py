"""Broadcast, podcast and official-transcript house styles (CNN, PBS, Fox, MSNBC, CBS, NBC,
ABC, This American Life, Radiolab, Freakonomics, press briefings, hearings, CART) on invented
fixtures in `fixtures/styles/`, and the shapes each one adds, line by line."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from transcriptkit import TokenKind, parse, tokenize
from transcriptkit.styles import Style, detect, evidence, get, rule, styles

FIXTURES = Path(__file__).parent / "fixtures"
STYLE_FIXTURES = FIXTURES / "styles"
PREFIXES = (
    "cnn_",
    "pbs_",
    "fox_",
    "msnbc_",
    "cbs_",
    "nbc_",
    "abc_",
    "tal_",
    "radiolab_",
    "freakonomics_",
    "briefing_",
    "hearing_",
)
CASES = sorted(
    p.name.removesuffix(".expected.json")
    for p in STYLE_FIXTURES.glob("*.expected.json")
    if p.name.startswith(PREFIXES)
)
PRESETS = {
    "cnn",
    "pbs",
    "fox",
    "msnbc",
    "cbs",
    "nbc",
    "abc",
    "this-american-life",
    "radiolab",
    "freakonomics",
    "briefing",
    "hearing",
}
_WORD = re.compile(r"[^\W_]+")


def _expected(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        (STYLE_FIXTURES / f"{name}.expected.json").read_text(encoding="utf-8")
    )
    return data


def _text(name: str) -> str:
    return (STYLE_FIXTURES / f"{name}.txt").read_text(encoding="utf-8")


def _labels(text: str, style: str | None = None) -> list[dict[str, str]]:
    return [t.fields for t in tokenize(text, style) if t.kind is TokenKind.LABEL]


# ---- the fixtures -----------------------------------------------------------------------


def test_every_preset_has_a_fixture() -> None:
    assert {_expected(name)["style"] for name in CASES} == PRESETS
    assert PRESETS | {"cart"} <= {s.name for s in styles()}


@pytest.mark.parametrize("name", CASES)
def test_detection_picks_the_preset(name: str) -> None:
    style, confidence = detect(_text(name))
    assert style.name == _expected(name)["style"]
    assert confidence > 0.6


@pytest.mark.parametrize("path", sorted(FIXTURES.glob("*.txt")), ids=lambda p: p.stem)
def test_npr_fixtures_keep_their_style(path: Path) -> None:
    style, _ = detect(path.read_text(encoding="utf-8"))
    assert style.name in {"npr", "npr-legacy", "generic"}


@pytest.mark.parametrize("forced", sorted(s.name for s in styles()))
@pytest.mark.parametrize("name", CASES)
def test_a_wrong_style_never_crashes_or_loses_text(name: str, forced: str) -> None:
    text = _text(name)
    tokens = tokenize(text, forced)
    assert "".join(t.text for t in tokens) == text
    assert all(text[t.start : t.end] == t.text for t in tokens)
    doc = parse(text, style=forced)
    assert (doc.metadata.style, doc.metadata.style_confidence) == (forced, 1.0)
    source = set(_WORD.findall(text))
    for turn in doc.turns:
        assert set(_WORD.findall(turn.text)) <= source
        assert 0 <= turn.span.start <= turn.span.end <= len(text)


# ---- shared label grammar (rules.py) ----------------------------------------------------


@pytest.mark.parametrize(
    ("line", "label", "name", "words"),
    [
        ("GOV. ABEL MORROW:There it is--", "GOV. ABEL MORROW", "GOV. ABEL MORROW", "There it is--"),
        ("CASSIA WREN:I’m here.", "CASSIA WREN", "CASSIA WREN", "I’m here."),
        ("WREN:Can we start?", "WREN", "WREN", "Can we start?"),
    ],
)
def test_a_label_glued_to_its_words(line: str, label: str, name: str, words: str) -> None:
    tokens = tokenize(line)
    assert tokens[0].kind is TokenKind.LABEL
    assert (tokens[0].fields["label"], tokens[0].fields["name"]) == (label, name)
    assert "".join(t.text for t in tokens[1:]) == words


@pytest.mark.parametrize(
    "line", ["HARBORWATCH:LIVE Schedule: tonight", "NOTE:here it is", "Harbor Watch:Tonight"]
)
def test_capitals_glued_to_capitals_or_title_case_are_not_labels(line: str) -> None:
    assert not _labels(line)


def test_a_party_tag_before_the_role() -> None:
    (fields,) = _labels("SEN. ADA QUILLFEATHER (D-NM), SENATE BUDGET COMMITTEE: We will not.")
    assert fields["label"] == "SEN. ADA QUILLFEATHER (D-NM), SENATE BUDGET COMMITTEE"
    assert fields["name"] == "SEN. ADA QUILLFEATHER"
    assert fields["description"] == "D-NM"
    assert fields["role"] == "SENATE BUDGET COMMITTEE"


def test_a_voice_over_is_an_aside_not_a_description() -> None:
    t = parse("INES VARGA, CNN CORRESPONDENT: Well.\n\nVARGA (voice-over): The gates.\n")
    (varga,) = t.speakers
    assert varga.description is None
    assert t.turns[1].label == "VARGA (voice-over)"
    assert t.turns[1].role == "reporter"


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("Stephen Q. HALLORAN: You rolling?", "STEPHEN Q. HALLORAN"),
        ("Suzie LECHTENBAUM: Yeah.", "SUZIE LECHTENBAUM"),
        ("Ana Maria McCALLUM: Hi.", "ANA MARIA MCCALLUM"),
    ],
)
def test_given_names_before_a_surname_in_capitals(line: str, name: str) -> None:
    (fields,) = _labels(line)
    assert fields["name"] == name


def test_a_page_field_or_headline_is_not_a_given_name_label() -> None:
    assert not _labels("Composer ID: ")
    assert not _labels("Station ID: 12")
    assert not _labels("Watch LIVE: The governor speaks")


def test_two_people_of_one_surname_keep_their_initials() -> None:
    # The initial tells TERESA from MARCUS O'BRIEN; the bare surname could be either and
    # stays as printed, with a diagnostic.
    t = parse(_text("cnn_classic"))
    by_label = {x.label: t.speaker_name(x) for x in t.turns}
    assert by_label["T. O'BRIEN"] == "TERESA O'BRIEN"
    assert by_label["M. O'BRIEN"] == "MARCUS O'BRIEN"
    assert by_label["O'BRIEN"] == "O'BRIEN"
    roles = {x.label: x.role for x in t.turns}
    assert roles["T. O'BRIEN"] == roles["M. O'BRIEN"] == "reporter"
    (warning,) = [d for d in t.diagnostics if d.code == "ambiguous-label"]
    assert warning.message.startswith("label \"O'BRIEN\" could be TERESA O'BRIEN, MARCUS O'BRIEN")


def test_two_people_of_one_surname_and_initial_stay_as_printed() -> None:
    t = parse(
        "TERESA O'BRIEN, CNN CORRESPONDENT: Hi.\n\nTOMAS O'BRIEN, CNN ANCHOR: Hello.\n\n"
        "T. O'BRIEN: Which of us?\n"
    )
    assert t.speaker_name(t.turns[2]) == "T. O'BRIEN"
    assert t.turns[2].role is None
    assert any(d.code == "ambiguous-label" and d.line == 5 for d in t.diagnostics)


def test_a_lowercase_note_punctuated_as_speech_is_not_a_cue() -> None:
    t = parse("MARCUS FENN:\n(laughs).\nODA PELLINGER:\n(Laughter.)\n[RADIOLAB INTRO]\n")
    assert [c.text for c in t.cues] == ["Laughter.", "RADIOLAB INTRO"]
    assert [(c.kind, c.text) for c in t.turns[0].cues] == [("laughter", "laughs")]


# ---- house-style line rules -------------------------------------------------------------


def test_cnn_rush_notice_does_not_end_the_transcript() -> None:
    text = (
        "ODELL MARSH, CNN ANCHOR: Good evening.\n"
        "THIS IS A RUSH TRANSCRIPT. THIS COPY MAY NOT BE IN ITS FINAL FORM.\n"
        "MARSH: Still here.\n"
    )
    assert [t.label for t in parse(text, style="cnn").turns] == ["ODELL MARSH, CNN ANCHOR", "MARSH"]
    assert [t.label for t in parse(text, style="generic").turns] == ["ODELL MARSH, CNN ANCHOR"]


def test_cnn_end_line_ends_the_transcript() -> None:
    t = parse("MARSH: Good night.\n\nEND\n\nMARSH: Not a turn.\n", style="cnn")
    assert [turn.text for turn in t.turns] == ["Good night."]


def test_fox_air_date_is_the_one_in_the_rush_line() -> None:
    line = ' date 2021-03-14 This is a rush transcript from "Evening Ledger," March 13, 2021.\n'
    (header,) = [t for t in tokenize(line, "fox") if t.kind is TokenKind.HEADER]
    assert header.fields["value"] == "March 13, 2021"
    assert header.fields["program"] == "Evening Ledger"


def test_abc_air_date_wins_over_the_posting_date() -> None:
    t = parse(_text("abc_week"))
    assert t.metadata.date is not None and t.metadata.date.isoformat() == "2021-03-07"


def test_msnbc_backtick_apostrophes_are_clean_in_text() -> None:
    turn = parse(_text("msnbc_show")).turns[1]
    assert "We'll have all of that" in turn.text
    assert "`" not in turn.text


def test_msnbc_guest_list_is_not_spoken() -> None:
    t = parse(_text("msnbc_show"))
    assert not any("Halvard" in turn.text for turn in t.turns)


def test_tal_act_headings_are_headers_not_words() -> None:
    tokens = tokenize(
        "Act One. The Night Desk.\nAct Two: Last Ferry.\nPrologue\n", "this-american-life"
    )
    assert [t.fields.get("field") for t in tokens] == ["act", "act", "act"]
    t = parse(_text("tal_episode"))
    assert not any("Night Desk" in turn.text for turn in t.turns)


def test_tal_month_first_dotted_date_only_where_it_aired() -> None:
    t = parse("Originally aired 07.11.2003\n\nIra Glass\n\nHello.\n", style="this-american-life")
    assert t.metadata.date is not None and t.metadata.date.isoformat() == "2003-07-11"
    assert parse("07.11.2003\n\nKELLY: Hi.\n").metadata.date is None


def test_tal_speaker_heading_is_a_label() -> None:
    (fields,) = _labels("Bea Lindqvist\n", "this-american-life")
    assert (fields["label"], fields["name"]) == ("Bea Lindqvist", "BEA LINDQVIST")
    assert not _labels("Bea Lindqvist\n")  # outside the preset a name alone is text


@pytest.mark.parametrize(
    "name",
    [
        "Ines Calder-Voss",
        "Nora McAdam",
        "Ada O'Dell",
        "Jean-Luc Ferro",
        "Cindy van der Berg",
        "Ana María de la Cruz",
    ],
)
def test_tal_speaker_heading_takes_names_with_inner_capitals(name: str) -> None:
    (fields,) = _labels(f"{name}\n", "this-american-life")
    assert (fields["label"], fields["name"]) == (name, name.upper())


def test_radiolab_title_case_label_is_not_weak() -> None:
    # A single Title Case label would be demoted by the shared rules; Radiolab labels so.
    text = "Oda Pellinger:\nHey, this is Radiolab.\n"
    assert [t.label for t in parse(text, style="radiolab").turns] == ["Oda Pellinger"]
    # Generic: no label; "Hey, this is ..." is still an on-air opening (an unlabeled turn).
    assert [t.label for t in parse(text, style="generic").turns] in ([], [None])


@pytest.mark.parametrize(
    ("line", "label"),
    [("Q Good afternoon.", "Q"), ("Q: One more?", "Q"), ("Q “Why now?”", "Q")],
)
def test_briefing_question_label(line: str, label: str) -> None:
    t = parse(f"MS. VARGA: Hello.\n\n{line}\n", style="briefing")
    turn = t.turns[1]
    assert (turn.label, t.speaker_name(turn), turn.role) == (label, "Q", "reporter")


def test_briefing_q_in_a_sentence_is_not_a_label() -> None:
    assert not _labels("Q and A comes later.", "briefing")


def test_briefing_end_line_ends_the_transcript() -> None:
    t = parse("MS. VARGA: Thanks.\n\nEND 1:58 P.M. EDT\n\nMore briefings.\n", style="briefing")
    assert [turn.text for turn in t.turns] == ["Thanks."]


@pytest.mark.parametrize(
    ("line", "label", "name"),
    [
        ("Mr. QUIST. Thank you.", "Mr. QUIST", "QUIST"),
        ("Senator MARR. Will the towns pay?", "Senator MARR", "SENATOR MARR"),
        ("Ms. JACKSON ABEL of Ohio. Governor?", "Ms. JACKSON ABEL of Ohio", "JACKSON ABEL OF OHIO"),
        ("The CHAIRMAN. Order.", "The CHAIRMAN", "THE CHAIRMAN"),
        ("THE CHAIRMAN. Order.", "THE CHAIRMAN", "THE CHAIRMAN"),
        ("Mr. McQUIST.", "Mr. McQUIST", "MCQUIST"),
        # Mixed case, as the printed record's text reads once its small capitals are lost.
        ("Mr. Quist. Thank you.", "Mr. Quist", "QUIST"),
        ("Mrs. Abel-Varga. I yield.", "Mrs. Abel-Varga", "ABEL-VARGA"),
        ("The Chairman. Order.", "The Chairman", "THE CHAIRMAN"),
        ("Colonel Ruiz. Two locks.", "Colonel Ruiz", "COLONEL RUIZ"),
        # A member called by their office keeps the state that tells two of a name apart.
        (
            "Representative ORTIZ of Texas. I yield.",
            "Representative ORTIZ of Texas",
            "REPRESENTATIVE ORTIZ OF TEXAS",
        ),
    ],
)
def test_hearing_labels_end_in_a_period(line: str, label: str, name: str) -> None:
    (fields,) = _labels(line, "hearing")
    assert (fields["label"], fields["name"]) == (label, name)


def test_hearing_prose_is_not_a_label() -> None:
    assert not _labels("Mr. President. Thank you.", "hearing")
    assert not _labels("Madam Speaker. I rise.", "hearing")
    assert not _labels("Mr. Quist said so.", "hearing")


def test_a_hearing_in_mixed_case_is_read_as_one() -> None:
    text = (
        "HEARING BEFORE THE COMMITTEE ON TIDES\n\n"
        "Mr. Quist. The committee will come to order.\n\n"
        "Ms. Abel. Thank you, Mr. Chairman.\n\n"
        "Mr. Quist. Ms. Abel, you have five minutes.\n"
    )
    t = parse(text)
    assert t.metadata.style == "hearing"
    assert [(turn.line, turn.label) for turn in t.turns] == [
        (3, "Mr. Quist"),
        (5, "Ms. Abel"),
        (7, "Mr. Quist"),
    ]


def test_cart_date_line() -> None:
    text = (
        "HARBORCON:NIGHT Talks: the Night Desk\n"
        "Day & Time: Friday, Dec. 10, 2021, at 2pm\n"
        "KIM: Hello! Welcome, everybody.\n"
        "RACHEL: Hi, happy to be here.\n"
    )
    t = parse(text)
    assert t.metadata.style == "cart"
    assert t.metadata.date is not None and t.metadata.date.isoformat() == "2021-12-10"
    assert [turn.label for turn in t.turns] == ["KIM", "RACHEL"]


# ---- your own preset (the example in docs/styles.md) ------------------------------------


def test_registering_your_own_preset(monkeypatch: pytest.MonkeyPatch) -> None:
    from transcriptkit import styles as registry

    harbor = Style(
        name="harbor-radio",
        description="Harbor Radio: `>> NAME --` labels.",
        evidence=evidence((r"Harbor [ ] Radio [ ] transcript", 5.0)),
        rules=(
            rule(
                "arrow-label",
                r"(?P<label> >> [ ] (?P<name> \p{Lu}++ (?: [ ] \p{Lu}++ ){0,3}+ ) ) [ ] --",
                TokenKind.LABEL,
            ),
        ),
    )
    monkeypatch.setattr(registry, "_REGISTRY", dict(registry._REGISTRY))
    registry.register(harbor)
    text = "Harbor Radio transcript\n\n>> ODA PELLINGER -- Good evening.\n>> MARCUS FENN -- Hi.\n"
    t = parse(text)
    assert t.metadata.style == "harbor-radio"
    assert [(turn.label, t.speaker_name(turn)) for turn in t.turns] == [
        (">> ODA PELLINGER", "ODA PELLINGER"),
        (">> MARCUS FENN", "MARCUS FENN"),
    ]
    assert get("harbor-radio") is harbor


def test_recurring_labels_alone_on_their_line_are_not_headlines() -> None:
    text = "Ira Glass\n\nHello.\n\nBea Lindqvist\n\nHi.\n\n" * 2
    t = parse(text, style="this-american-life")
    assert [turn.line for turn in t.turns] == [1, 5, 9, 13]


def test_a_label_wrapped_inside_a_long_role() -> None:
    text = (
        "HALVARD ESS, Former Governor of the State (D) and Current\n"
        "Candidate for the Senate: Nobody can move a river.\n"
    )
    (turn,) = parse(text).turns
    assert turn.label == (
        "HALVARD ESS, Former Governor of the State (D) and Current Candidate for the Senate"
    )
    assert turn.text == "Nobody can move a river."


def test_a_label_wrapped_inside_a_long_role_without_brackets() -> None:
    text = "BRIGIT SALO, Professor of Hydrology, Tamarack State\nUniversity: Most families.\n"
    (turn,) = parse(text).turns
    assert turn.label == "BRIGIT SALO, Professor of Hydrology, Tamarack State University"


def test_caption_bullets_are_not_words() -> None:
    t = parse(_text("pbs_caption_list"))
    assert not any("•" in turn.text for turn in t.turns)


def test_npr_heard_on_line_is_no_title() -> None:
    text = (
        "Heard on Weekend Desk\n\nTide Pools Empty Out Early\n\nMarch 3, 2024\n\n"
        "Heard on Weekend Desk\n\n5-Minute Listen\n\nIDA BERG, HOST:\n\nThe tide went out.\n\n"
        "OLE VANG, BYLINE: It did.\n\nCopyright © 2024 NPR. All rights reserved.\n"
    )
    t = parse(text, style="npr")
    assert t.metadata.title == "Tide Pools Empty Out Early"


def test_this_american_life_menu_lines_are_not_speakers() -> None:
    text = (
        "This American Life\nRadio Archive\nDonate\n901: The Slow Ferry\n"
        "Prologue\nIra Glass\nThe ferry leaves at dawn, and almost nobody on it is going far.\n"
        "Oda Pell\nI take it every single day of the year.\nIra Glass\nEvery day?\n"
    )
    t = parse(text, style="this-american-life")
    assert [turn.label for turn in t.turns] == ["Ira Glass", "Oda Pell", "Ira Glass"]
    assert t.metadata.title == "901: The Slow Ferry"


def test_a_hearing_whose_chair_is_printed_in_capitals_is_detected_and_labelled() -> None:
    text = (
        "THE CHAIRMAN. The committee will come to order.\n"
        "Mr. VENN. Thank you, Mr. Chairman.\n"
        "THE CHAIRMAN. Please proceed.\n"
    )
    t = parse(text)
    assert t.metadata.style == "hearing"
    assert [turn.label for turn in t.turns] == ["THE CHAIRMAN", "Mr. VENN", "THE CHAIRMAN"]
