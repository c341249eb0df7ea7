"""Label shapes accepted or rejected by each document's own evidence (conventions.py)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import transcriptkit


def _shapes(t: transcriptkit.Transcript) -> dict[str, str]:
    return {d.message.split(":")[0]: d.message for d in t.diagnostics if d.code == "label-shapes"}


def test_a_one_off_capitalised_word_is_rejected_and_reported() -> None:
    text = (
        "Interviewer: Where did the ferry go?\n\n"
        "Wren Okafor: To the far bank, and it never came back for the rest of us.\n\n"
        "Remember: the river was high that week.\n\n"
        "Interviewer: And then?\n\n"
        "Wren Okafor: Then we waited.\n"
    )
    t = transcriptkit.parse(text)
    assert [turn.label for turn in t.turns] == [
        "Interviewer",
        "Wren Okafor",
        "Interviewer",
        "Wren Okafor",
    ]
    assert "Remember: the river" in t.turns[1].text
    shapes = _shapes(t)
    assert shapes["title-word"].startswith("title-word: 2 accepted, 1 rejected")
    rejected = next(d for d in t.diagnostics if d.message.startswith("title-word"))
    assert rejected.line == 5


def test_fields_that_alternate_but_never_speak_are_not_voices() -> None:
    text = "Air Date: May 2\nRunning Time: 412\nAir Date: May 9\nRunning Time: 268\n"
    t = transcriptkit.parse(text)
    assert t.turns == [] or all(turn.label is None for turn in t.turns)


def test_a_name_introduced_in_the_words_is_evidence() -> None:
    text = (
        "Operator\n\nGood morning and welcome. I will now turn the call over to Ilse Marchetti.\n\n"
        "Ilse Marchetti\n\nThank you, and good morning to everyone joining us on the line today.\n"
    )
    t = transcriptkit.parse(text)
    assert [turn.label for turn in t.turns] == ["Operator", "Ilse Marchetti"]


def test_a_name_given_in_full_once_then_short_is_one_recurring_voice() -> None:
    # Invented: each guest is labelled in full once, then by surname.
    text = (
        "Ilka Moravec: Welcome to the Long Field.\n\n"
        "Tobiah Renner: Glad to be here.\n\n"
        "Moravec: Where do we begin?\n\n"
        "Renner: With the soil.\n\n"
        "Moravec: Of course.\n"
    )
    t = transcriptkit.parse(text)
    assert [(turn.line, turn.label) for turn in t.turns] == [
        (1, "Ilka Moravec"),
        (3, "Tobiah Renner"),
        (5, "Moravec"),
        (7, "Renner"),
        (9, "Moravec"),
    ]
    assert [t.speaker_name(turn) for turn in t.turns[2:4]] == ["ILKA MORAVEC", "TOBIAH RENNER"]


def test_a_surname_said_once_after_its_full_label_is_a_turn() -> None:
    text = (
        "Ilka Moravec: Welcome.\n\nTobiah Renner: Thanks.\n\nIlka Moravec: So.\n\n"
        "Tobiah Renner: Well.\n\nMoravec: One more question.\n"
    )
    t = transcriptkit.parse(text)
    assert [turn.label for turn in t.turns][-1] == "Moravec"
    assert t.speaker_name(t.turns[-1]) == "ILKA MORAVEC"


def test_a_surname_label_of_a_name_the_words_introduce_is_a_voice() -> None:
    # Invented: a cut page in Title Case. The host is introduced in the words and labelled
    # by surname once; the reporter is labelled in full once, then by surname once.
    text = (
        "This is the Evening Ledger. I'm Rita Vance in Harbor City. The storm is close.\n\n"
        "Jo Silber, byline: Hi, Rita, good to be here.\n\n"
        "Vance: And what does it look like now?\n\n"
        "Silber: Rainy and windy, but the town looks ready for it.\n"
    )
    t = transcriptkit.parse(text)
    assert [(turn.line, turn.label) for turn in t.turns if turn.label] == [
        (3, "Jo Silber, byline"),
        (5, "Vance"),
        (7, "Silber"),
    ]
    assert t.speaker_name(t.turns[-1]) == "JO SILBER"


def test_a_full_name_the_words_say_and_its_short_form_once_each_are_one_voice() -> None:
    text = (
        "The harbor report is out today. Our reporter Ada Quist has read it. Ada, hello.\n\n"
        "Ada Quist: Hello.\n\n"
        "Quist: The report blames the old locks, and the money that never came for them.\n"
    )
    t = transcriptkit.parse(text)
    assert [(turn.line, turn.label) for turn in t.turns if turn.label] == [
        (3, "Ada Quist"),
        (5, "Quist"),
    ]


def test_headings_in_full_and_short_once_each_are_no_voices_however_the_words_run() -> None:
    # The words introduce someone and say the heading's words in lower case: neither
    # makes `Final Thoughts:` and `Thoughts:` a person.
    text = (
        "Hi, I'm Dana Reyes, and these are my final thoughts on the harbor plan.\n\n"
        "Final Thoughts: The plan is late, and it costs more than anyone said.\n\n"
        "Thoughts: Still, the town needs the wall, and soon.\n"
    )
    t = transcriptkit.parse(text)
    assert [turn.label for turn in t.turns if turn.label] == []


def test_a_guest_named_in_full_once_among_recurring_surname_labels_is_a_voice() -> None:
    # Invented: the hosts are labelled by surname throughout; a caller is named once, in full.
    text = (
        "Moss: Good evening, and welcome to the late desk.\n\n"
        "Quist: Good evening. The phones are busy tonight.\n\n"
        "Moss: Let us take the first caller.\n\n"
        "Noor Bell: Hi, I have been waiting since the storm for someone to fix my road.\n\n"
        "Quist: Which road is that?\n"
    )
    t = transcriptkit.parse(text)
    assert [(turn.line, turn.label) for turn in t.turns] == [
        (1, "Moss"),
        (3, "Quist"),
        (5, "Moss"),
        (7, "Noor Bell"),
        (9, "Quist"),
    ]


def test_a_surname_heard_once_that_the_words_name_is_a_voice() -> None:
    # Invented: the reporters are labelled by surname throughout; a ranger speaks once,
    # named in a reporter's words; a credits line below is no one's.
    text = (
        "Moss: The geese come back to the marsh every June.\n\n"
        "Quist: And the rangers count them, one by one.\n\n"
        "Moss: Ranger Abimbola has counted them for twenty years.\n\n"
        "Abimbola: It is slow work. They do not stand still for you.\n\n"
        "Quist: The count this year is the lowest yet.\n\n"
        "Moss: For the marsh desk, I am in the reeds.\n\n"
        'Music: Bright Production Music - "Harbor Lights," "Low Tide" and "Reeds."\n'
    )
    t = transcriptkit.parse(text)
    assert [(turn.line, turn.label) for turn in t.turns] == [
        (1, "Moss"),
        (3, "Quist"),
        (5, "Moss"),
        (7, "Abimbola"),
        (9, "Quist"),
        (11, "Moss"),
    ]
    assert "Music: Bright Production Music -" in t.turns[-1].text


def test_a_word_the_words_name_is_no_voice_where_surnames_are_not_the_convention() -> None:
    # Invented: one voice labelled by surname, one in full; `Harbor:` opens a gloss, and
    # the words say `Old Harbor`.
    text = (
        "Moss: We start at the docks this morning.\n\n"
        "Wren Okafor: The Old Harbor was busy before dawn, as it is every Friday.\n\n"
        "Harbor: the word comes from an old word for shelter, and sailors kept it.\n\n"
        "Moss: Back to the docks, then.\n\n"
        "Wren Okafor: Back to the docks.\n"
    )
    t = transcriptkit.parse(text)
    assert [turn.line for turn in t.turns] == [1, 3, 7, 9]


def test_labels_that_give_their_initials_used_as_labels_are_voices() -> None:
    # Invented: a cut page; each speaker is named in full once, with the initials the
    # page labels them by after.
    text = (
        "## The ledger\n\n"
        "Adam Reyes (AR): Ines, thanks for coming in today.\n\n"
        "Ines Calder (IC): Thanks, glad to be here.\n\n"
        "AR: Let us start with the harbor, and the money for the wall.\n"
    )
    t = transcriptkit.parse(text)
    assert [(turn.line, turn.label) for turn in t.turns] == [
        (3, "Adam Reyes (AR)"),
        (5, "Ines Calder (IC)"),
        (7, "AR"),
    ]


def test_a_glossary_of_names_with_their_initials_has_no_voices() -> None:
    text = (
        "A few terms used below.\n\n"
        "Harbor Trust (HT): the body that owns the docks and the wall.\n\n"
        "Coastal Board (CB): the state office that pays for repairs.\n"
    )
    t = transcriptkit.parse(text)
    assert [turn.label for turn in t.turns if turn.label] == []


def test_a_title_case_label_that_states_its_part_on_air_is_a_voice() -> None:
    # Invented: a cut page whose only label is a reporter's, in Title Case, with its role.
    text = (
        "Harbor towns brace for the storm\n\n"
        "The council met late into the night, and the vote on the wall was close again.\n\n"
        "Kirk Vance, Byline: The water is already over the pier, and the town is waiting.\n"
    )
    t = transcriptkit.parse(text)
    assert [(turn.line, turn.label, turn.role) for turn in t.turns if turn.label] == [
        (5, "Kirk Vance, Byline", "reporter")
    ]


def test_a_title_case_name_with_an_affiliation_once_is_not_a_voice() -> None:
    text = (
        "Harbor towns brace for the storm\n\n"
        "The council met late into the night, and the vote on the wall was close again.\n\n"
        "Kirk Vance, Harbor Trust: The water is already over the pier, and we are waiting.\n"
    )
    t = transcriptkit.parse(text)
    assert [turn.label for turn in t.turns if turn.label] == []


def test_a_name_that_spoke_above_is_speaking_again_however_headline_like() -> None:
    text = (
        "Ada Quist: In the harbor town yesterday, the water rose over the old pier again.\n\n"
        "Omar Bell: It did, and we lost two boats to it.\n\n"
        "Ada Quist: The Harbor Trust Chief Otto Brandt Spoke to Reporters\n\n"
        "Omar Bell: He said the wall would hold.\n"
    )
    t = transcriptkit.parse(text)
    assert [(turn.line, turn.label) for turn in t.turns] == [
        (1, "Ada Quist"),
        (3, "Omar Bell"),
        (5, "Ada Quist"),
        (7, "Omar Bell"),
    ]


def test_a_headline_with_a_speakers_name_above_their_speech_stays_a_headline() -> None:
    text = (
        "Ada Quist: The Harbor Trust Chief Who Stood Up to the Council\n\n"
        "Ada Quist: In the harbor town yesterday, the water rose over the old pier again.\n\n"
        "Omar Bell: It did, and we lost two boats to it.\n\n"
        "Omar Bell: The wall held, though, and the town is grateful for that.\n"
    )
    t = transcriptkit.parse(text)
    assert [turn.line for turn in t.turns if turn.label] == [3, 5, 7]


def test_an_initial_before_a_title_case_surname_is_a_label() -> None:
    # Invented: two anchors of one family name, told apart by their initials.
    text = (
        "Sara Quell, Anchor: Good morning.\n\n"
        "Miles Quell, Correspondent: Good morning, Sara.\n\n"
        "S. Quell: The harbor first.\n\n"
        "M. Quell: The water came up overnight.\n\n"
        "S. Quell: And the town?\n"
    )
    t = transcriptkit.parse(text)
    assert [(turn.line, turn.label) for turn in t.turns] == [
        (1, "Sara Quell, Anchor"),
        (3, "Miles Quell, Correspondent"),
        (5, "S. Quell"),
        (7, "M. Quell"),
        (9, "S. Quell"),
    ]
    assert [t.speaker_name(turn) for turn in t.turns[2:]] == [
        "SARA QUELL",
        "MILES QUELL",
        "SARA QUELL",
    ]


def test_an_initial_before_a_given_name_is_part_of_a_title_case_label() -> None:
    text = (
        "Noor Bell: Welcome back to the late desk.\n\n"
        "W. Kamau Vance: Thanks, Noor, good to be here.\n\n"
        "Noor Bell: So, the harbor.\n\n"
        "W. Kamau Vance: It flooded again.\n\n"
        "Vance: And nobody came.\n"
    )
    t = transcriptkit.parse(text)
    assert [turn.label for turn in t.turns] == [
        "Noor Bell",
        "W. Kamau Vance",
        "Noor Bell",
        "W. Kamau Vance",
        "Vance",
    ]
    assert t.speaker_name(t.turns[-1]) == "W. KAMAU VANCE"


@pytest.mark.parametrize("first", ["MOSS", "Moss"])
def test_a_possessive_heading_among_labels_is_words(first: str) -> None:
    text = (
        f"{first}: Welcome back to the late desk.\n\nQuist: Thanks, good to be here.\n\n"
        f"{first}: So, the harbor.\n\nQuist: It flooded again.\n\n"
        "Editor's Note: This interview has been edited for length and clarity.\n\n"
        f"{first}: And nobody came?\n"
    )
    t = transcriptkit.parse(text)
    assert [turn.line for turn in t.turns] == [1, 3, 5, 7, 11]
    assert "Editor's Note" in t.turns[3].text


def test_a_voice_named_once_with_its_time_is_a_voice() -> None:
    # Invented: an Otter export copied with one space before each time; the guest speaks once.
    text = "Rhea Lund 0:00\nWelcome back.\n\nTomas Ekberg 0:05\nThanks.\n\nRhea Lund 0:09\nSo.\n"
    t = transcriptkit.parse(text)
    assert [(turn.line, turn.label, turn.start) for turn in t.turns] == [
        (1, "Rhea Lund", 0.0),
        (4, "Tomas Ekberg", 5.0),
        (7, "Rhea Lund", 9.0),
    ]


@pytest.mark.parametrize(
    ("printed", "label", "name"),
    [
        ("rhea.lund@example.org   0:03", "rhea.lund@example.org", "RHEA.LUND@EXAMPLE.ORG"),
        ("Rhea Lund (Guest)   0:03", "Rhea Lund (Guest)", "RHEA LUND"),
        ("Lund, Rhea   0:03", "Lund, Rhea", "LUND, RHEA"),
        ("SPEAKER_01   0:03", "SPEAKER_01", "SPEAKER_01"),
        ("[Rhea Lund] 10:00:03", "Rhea Lund", "RHEA LUND"),
    ],
)
def test_a_meeting_apps_speaker_with_the_time_is_a_speaker_heading(
    printed: str, label: str, name: str
) -> None:
    # Invented: a meeting app's export, one speaker as the app prints them, one plain.
    again = printed.replace("0:03", "0:15")
    text = (
        f"{printed}\nCan everyone see the screen?\n\nTomas Ekberg   0:08\nYes, it is clear.\n\n"
        f"{again}\nGood, the totals are in column F.\n\nTomas Ekberg   0:40\nThose look low.\n"
    )
    t = transcriptkit.parse(text)
    assert [turn.line for turn in t.turns] == [1, 4, 7, 10]
    assert (t.turns[0].label, t.speaker_name(t.turns[0])) == (label, name)
    assert t.turns[1].start == 8.0


def test_a_time_under_a_name_alone_is_the_speakers_start() -> None:
    # Invented: a name alone, then its time opening the words (or alone on the line
    # between); a voice heard once with its time is a speaker too.
    text = (
        "Wren Halloway\n(00:00:00) Glaciers keep a record of every winter.\n\n"
        "Amos Tuck\n(00:00:06) What kind of record?\n\n"
        "Pell Ostrander\n00:00:09\nA layer for each year, if you can read it.\n\n"
        "Wren Halloway\n(00:00:15) Exactly so.\n\n"
        "Amos Tuck\n(00:01:02) Thank you both.\n"
    )
    t = transcriptkit.parse(text)
    assert [(turn.line, turn.label, turn.start) for turn in t.turns] == [
        (1, "Wren Halloway", 0.0),
        (4, "Amos Tuck", 6.0),
        (7, "Pell Ostrander", 9.0),
        (11, "Wren Halloway", 15.0),
        (14, "Amos Tuck", 62.0),
    ]
    assert t.turns[2].text == "A layer for each year, if you can read it."


def test_a_field_naming_a_voice_is_not_a_turn() -> None:
    # Invented: show notes name the host and the guest, who then speak.
    text = (
        "Episode 9: Salt Marsh\n\nHost: Rhea Lund\nGuest: Tomas Ekberg\n\nTranscript\n\n"
        "Rhea Lund: Welcome back.\n\nTomas Ekberg: Thanks, Rhea.\n\n"
        "Rhea Lund: Let us begin.\n\nTomas Ekberg: Gladly.\n"
    )
    t = transcriptkit.parse(text)
    assert [(turn.line, turn.label) for turn in t.turns] == [
        (8, "Rhea Lund"),
        (10, "Tomas Ekberg"),
        (12, "Rhea Lund"),
        (14, "Tomas Ekberg"),
    ]
    assert _shapes(t)["field-label"].startswith("field-label: 0 accepted, 2 rejected")


def test_header_fields_ending_on_initials_are_a_field_block() -> None:
    text = (
        "SUBJECT: HARBOR DREDGING\nLOCATION: PIER HALL, PORTVALE, N.J.\nTIME: 10:00 A.M.\n\n"
        "MS. ODELL: Good morning.\nQ Is the money there?\nMS. ODELL: Some of it.\n"
    )
    t = transcriptkit.parse(text)
    assert [turn.label for turn in t.turns] == ["MS. ODELL", "Q", "MS. ODELL"]


def test_a_heading_with_a_job_after_a_single_dash() -> None:
    text = (
        "Operator\n\nGood morning, and welcome to the call today.\n\n"
        "Ilse Marchetti - Chief Executive Officer\n\nThank you, and good morning, everyone.\n\n"
        "Operator\n\nOur first question comes from the line of Bram Oduya.\n\n"
        "Ilse Marchetti - Chief Executive Officer\n\nThanks, Bram. Revenue rose.\n"
    )
    t = transcriptkit.parse(text)
    assert [(turn.line, t.speaker_name(turn)) for turn in t.turns] == [
        (1, "OPERATOR"),
        (5, "ILSE MARCHETTI"),
        (9, "OPERATOR"),
        (13, "ILSE MARCHETTI"),
    ]


def test_a_participants_list_with_single_dashes_heads_no_speech() -> None:
    text = (
        "Analysts\n\nBram Oduya - Stanhope Capital\nNoor Belcastro - Quill & Co.\n\n"
        "Operator\n\nGood morning and welcome to the call.\n\n"
        "Ilse Marchetti - Chief Executive Officer\n\nThank you, and good morning.\n\n"
        "Operator\n\nOur first question comes from Bram Oduya.\n\n"
        "Bram Oduya - Stanhope Capital\n\nHi, good morning. Any news on pricing?\n\n"
        "Ilse Marchetti - Chief Executive Officer\n\nPricing was stable.\n"
    )
    t = transcriptkit.parse(text)
    assert [turn.line for turn in t.turns] == [6, 10, 14, 18, 22]


def test_a_call_with_operator_colon_labels_keeps_its_name_and_job_headings() -> None:
    text = (
        "Operator: Good morning and welcome to the call.\n\n"
        "Ilse Marchetti - Chief Executive Officer\nThank you, and good morning, everyone.\n\n"
        "Operator: Our first question comes from Bram Oduya.\n\n"
        "Bram Oduya - Stanhope Capital\nHi, thanks. How is the backlog?\n\n"
        "Ilse Marchetti - Chief Executive Officer\nIt is at a record.\n\n"
        "Operator: That concludes the call.\n"
    )
    t = transcriptkit.parse(text)
    assert [(turn.line, t.speaker_name(turn)) for turn in t.turns] == [
        (1, "OPERATOR"),
        (3, "ILSE MARCHETTI"),
        (6, "OPERATOR"),
        (8, "BRAM ODUYA"),
        (11, "ILSE MARCHETTI"),
        (14, "OPERATOR"),
    ]


@pytest.mark.parametrize("stamp", ["00:00:{s:02d}", "[00:00:{s:02d}]", "0:{s:02d}"])
def test_a_time_alone_above_a_name_alone_is_the_speakers_start(stamp: str) -> None:
    said = [
        ("Ada Quist", 5, "Welcome back to the harbor hour, where we talk about boats."),
        ("Noor Bell", 12, "Thanks, Ada. The ferry is running late again this week."),
        ("Ada Quist", 19, "Late by how much? Listeners keep writing in about it."),
    ]
    text = "\n".join(f"{stamp.format(s=s)}\n{name}\n{words}\n" for name, s, words in said)
    t = transcriptkit.parse(text)
    assert [(turn.line, t.speaker_name(turn), turn.start, turn.text) for turn in t.turns] == [
        (2, "ADA QUIST", 5.0, said[0][2]),
        (6, "NOOR BELL", 12.0, said[1][2]),
        (10, "ADA QUIST", 19.0, said[2][2]),
    ]


def test_a_list_of_names_alone_is_no_run_of_turns() -> None:
    # Invented: an earnings call's headings, then the list of its participants at the end.
    head = "Ilse Marchetti -- Chief Executive Officer"
    cfo = "Bram Oduya -- Chief Financial Officer and Treasurer"
    text = (
        f"Operator\n\nGood morning, and welcome to the call today.\n\n"
        f"{head}\n\nThank you, and good morning to everyone on the line.\n\n"
        f"{cfo}\n\nThanks, Ilse. Revenue rose in every region we serve.\n\n"
        f"{head}\n\nThank you all.\n\nCall participants:\n\n{head}\n\n{cfo}\n\nMore analysis\n"
    )
    t = transcriptkit.parse(text)
    assert [turn.line for turn in t.turns] == [1, 5, 9, 13]
    assert all(turn.text for turn in t.turns)


# Invented: a parliament's record as its site prints it. Each member is named with seat and
# party above their first speech, a minister with office and name; by name alone after that.
_RECORD = """Harbour Defences

Ada Quist (Port Alder North) (Lab)
What steps the Government are taking to repair the sea wall before the winter storms.

The Minister for Coastal Affairs (Noor Bellweather)
The Department has set aside funds for the work, and surveys begin next month.

Ada Quist
I thank the Minister. Will she meet me and the harbour board about the timetable?

Noor Bellweather
I would be delighted to meet the hon. Member and the board at the earliest chance.

Otto Brandt (Kestrel Bay) (Con)
Will the Minister confirm that the funds will not be taken from other flood schemes?

Noor Bellweather
I can give my hon. Friend that assurance: the money is new, and no scheme loses out.
"""


def test_a_parliaments_record_names_each_member_by_seat_and_office_at_first() -> None:
    t = transcriptkit.parse(_RECORD)
    assert [(turn.line, t.speaker_name(turn)) for turn in t.turns] == [
        (3, "ADA QUIST"),
        (6, "THE MINISTER FOR COASTAL AFFAIRS"),  # as `The First Minister (…):` is named
        (9, "ADA QUIST"),
        (12, "NOOR BELLWEATHER"),
        (15, "OTTO BRANDT"),  # heard once, introduced as the others are
        (18, "NOOR BELLWEATHER"),
    ]
    quist, minister = t.turns[0], t.turns[1]
    speaker = t.speaker(quist.speaker_id)
    assert speaker is not None and speaker.description == "Port Alder North, Lab"
    assert minister.label == "The Minister for Coastal Affairs (Noor Bellweather)"
    office = t.speaker(minister.speaker_id)
    assert office is not None and office.description == "Noor Bellweather"
    assert t.turns[4].text == (
        "Will the Minister confirm that the funds will not be taken from other flood schemes?"
    )


def test_a_name_with_a_seat_once_where_no_one_else_recurs_is_a_heading() -> None:
    text = (
        "Ada Quist (Port Alder North) (Lab)\n"
        "The member for Port Alder North has asked about the sea wall for three years now.\n\n"
        "The harbour board meets again on Tuesday night to weigh the plan once more.\n"
    )
    assert all(turn.label is None for turn in transcriptkit.parse(text).turns)


def test_a_label_among_header_fields_that_are_no_labels_is_a_field() -> None:
    text = (
        "Harbor Oral History Project\nNarrator: Ptolemy Varga\nInterviewer: Rhea Lund\n"
        "Date of interview: 12 May 2018\n\nInterviewer: When did you start?\n\n"
        "Narrator: In nineteen fifty-eight.\n\nInterviewer: And then?\n"
    )
    t = transcriptkit.parse(text)
    assert [(turn.line, turn.label) for turn in t.turns] == [
        (6, "Interviewer"),
        (8, "Narrator"),
        (10, "Interviewer"),
    ]
    assert t.metadata.date is not None and t.metadata.date.isoformat() == "2018-05-12"


def test_a_short_question_after_a_name_is_no_headline() -> None:
    # Invented: the name's own capitals made `Ada Quist: What surprised you?` read as a
    # headline near the top.
    text = (
        "Ada Quist: You walked the whole creek. Why?\n\nNoor Belcastro: Because I was stubborn.\n\n"
        "Ada Quist: What surprised you?\n\nNoor Belcastro: The silence near the dam.\n"
    )
    t = transcriptkit.parse(text)
    assert [turn.line for turn in t.turns] == [1, 3, 5, 7]


_NAME = st.sampled_from(["Ada Quist", "Noor Belcastro", "Tamsin Ferrow", "Olek Varga"])


@given(st.lists(st.tuples(_NAME, st.integers(1, 8)), min_size=1, max_size=6))
def test_a_title_case_name_said_once_in_prose_never_starts_a_turn(
    pairs: list[tuple[str, int]],
) -> None:
    """Prose that mentions `Name:` once, with no label convention, stays one paragraph
    block: a single look-alike is not a convention."""
    name, n = pairs[0]
    prose = " ".join(["The council met again on Tuesday evening."] * n)
    text = f"{prose}\n\n{name}: a note the clerk added.\n\n{prose}\n"
    t = transcriptkit.parse(text)
    assert all(turn.label is None for turn in t.turns)


def test_speaker_lookup_follows_edits_and_leaves_equality_alone() -> None:
    text = "ANA RUIZ, HOST: Hi.\n\nBO LEE: Hello.\n\nRUIZ: Welcome.\n"
    t = transcriptkit.parse(text)
    assert [t.speaker_name(turn) for turn in t.turns] == ["ANA RUIZ", "BO LEE", "ANA RUIZ"]
    assert t == transcriptkit.parse(text)  # a look-up cache is not part of the value
    t.speakers[1].id = "renamed"
    assert t.speaker("renamed") is t.speakers[1]
    t.speakers = t.speakers[:1]
    assert t.speaker("renamed") is None


def test_a_courtesy_title_makes_a_one_off_surname_a_person() -> None:
    text = (
        "Ada Quist: The tide is in.\n\nNoor Belcastro: Then we wait.\n\n"
        "Mrs. Alder: Not on my pier, you won't.\n\nAda Quist: Fair enough.\n\n"
        "Noor Belcastro: We go.\n"
    )
    t = transcriptkit.parse(text)
    assert [turn.label for turn in t.turns] == [
        "Ada Quist",
        "Noor Belcastro",
        "Mrs. Alder",
        "Ada Quist",
        "Noor Belcastro",
    ]


def test_a_one_word_name_the_words_address_is_a_voice() -> None:
    # Invented: a caller labelled by first name once; the host addresses her by it.
    text = (
        "Ida Berg: Lines are open. Maxine in Harbor Falls, you are on the air.\n\n"
        "Maxine: Hi. My landlord fixed the boiler with a hair dryer.\n\n"
        "Ida Berg: Thank you, Maxine. Now to our guest, Otto Brandt.\n\n"
        "Otto Brandt: Thanks for having me.\n\nIda Berg: Is that legal?\n\n"
        "Otto Brandt: Not remotely.\n\nRemember: the boiler is the landlord's job.\n"
    )
    t = transcriptkit.parse(text)
    labels = [turn.label for turn in t.turns]
    assert labels[:4] == ["Ida Berg", "Maxine", "Ida Berg", "Otto Brandt"]
    assert "Remember" not in labels


def test_an_office_abbreviation_before_a_title_case_name_stays_in_the_label() -> None:
    # Invented: a network's guests, each printed with the office they hold or held.
    text = (
        "Noor Bell: Welcome back. With me now, two governors.\n\n"
        "Gov. Ada Quist: Thanks for having me, Noor.\n\n"
        "Fmr. Vice Pres. Otto Brandt: Glad to be here.\n\n"
        "Noor Bell: Governor, the harbor first.\n\n"
        "Gov. Ada Quist: The locks are a hundred years old.\n\n"
        "Lt. Col. Ines Varga: And the Guard is ready to help.\n\n"
        "Quist: We asked for that help in March.\n"
    )
    t = transcriptkit.parse(text)
    assert [turn.speaker_id for turn in t.turns] == [
        "noor-bell",
        "gov-ada-quist",
        "fmr-vice-pres-otto-brandt",
        "noor-bell",
        "gov-ada-quist",
        "lt-col-ines-varga",
        "gov-ada-quist",
    ]


def test_a_colon_after_a_bracketed_name_ends_the_label() -> None:
    text = (
        "[IDA BERG]: Good morning, this is the Night Desk.\n\n"
        "[Otto Brandt]: Thanks, Ida. It is a strange one.\n\n"
        "[IDA BERG]: So who is taking them?\n\n[Otto Brandt]: Nobody knows.\n"
    )
    t = transcriptkit.parse(text)
    assert [(turn.line, turn.speaker_id, turn.text) for turn in t.turns] == [
        (1, "ida-berg", "Good morning, this is the Night Desk."),
        (3, "otto-brandt", "Thanks, Ida. It is a strange one."),
        (5, "ida-berg", "So who is taking them?"),
        (7, "otto-brandt", "Nobody knows."),
    ]


def test_a_bracketed_name_in_capitals_before_the_words_is_a_label() -> None:
    text = (
        "[IDA BERG] Good morning, this is the Night Desk.\n"
        "[OTTO BRANDT] Thanks, Ida. It is a strange one.\n"
        "[IDA BERG] So who is taking them?\n[OTTO BRANDT] Nobody knows.\n"
    )
    t = transcriptkit.parse(text)
    assert [(turn.line, turn.label) for turn in t.turns] == [
        (1, "IDA BERG"),
        (2, "OTTO BRANDT"),
        (3, "IDA BERG"),
        (4, "OTTO BRANDT"),
    ]


def test_a_bracketed_name_in_full_then_short_is_one_voice() -> None:
    # Each name is given in full once, then by the surname: no name recurs as printed.
    text = (
        "[Tove Marsh] The tide tables are wrong again this month.\n\n"
        "[Emil Sarkis] Wrong by how much?\n\n"
        "[Marsh] An hour, near enough.\n\n"
        "[Sarkis] That is a lot of wet boots.\n\n"
        "[Marsh] It is.\n"
    )
    t = transcriptkit.parse(text)
    assert [(turn.line, turn.label) for turn in t.turns] == [
        (1, "Tove Marsh"),
        (3, "Emil Sarkis"),
        (5, "Marsh"),
        (7, "Sarkis"),
        (9, "Marsh"),
    ]
    assert _shapes(t)["bracket-name"].startswith("bracket-name: 5 accepted, 0 rejected")


def test_voices_in_brackets_heard_once_beside_a_host_who_recurs() -> None:
    # A host's introduction with clips: only the host's name recurs.
    text = (
        "[Lena Pryce] Today, a special hour on the island ferries.\n\n"
        "[Omar Vidal] If you want to see a town wait, stand on that pier at six.\n\n"
        "[Lena Pryce] Also, the vote on the new harbor wall.\n\n"
        "[Rosa Ekwueme] Nobody asked the fishermen, and they are the ones out there.\n\n"
        "[Lena Pryce] All that and more, coming up.\n"
    )
    t = transcriptkit.parse(text)
    assert [turn.label for turn in t.turns] == [
        "Lena Pryce",
        "Omar Vidal",
        "Lena Pryce",
        "Rosa Ekwueme",
        "Lena Pryce",
    ]


def test_a_bracketed_note_the_words_also_print_is_not_a_speaker() -> None:
    text = (
        "[Lena Pryce] Welcome back to the harbor hour.\n\n"
        "[Omar Vidal] Thanks. The ferry was late again. [Laughter] As always.\n\n"
        "[Laughter] Sorry, that was me.\n\n"
        "[Lena Pryce] Late by how much?\n\n"
        "[Laughter] Forty minutes, I would say.\n\n"
        "[Omar Vidal] About that.\n"
    )
    t = transcriptkit.parse(text)
    assert [turn.label for turn in t.turns] == [
        "Lena Pryce",
        "Omar Vidal",
        "Lena Pryce",
        "Omar Vidal",
    ]
    assert "[Laughter] Sorry, that was me." in t.turns[1].text


def test_a_bracketed_note_before_the_words_is_no_speaker_where_labels_use_a_colon() -> None:
    text = (
        "LENA PRYCE: Welcome back to the harbor hour.\n\n"
        "[Applause] Thank you, thank you.\n\n"
        "OMAR VIDAL: The ferry was late again.\n\n"
        "PRYCE: Late by how much?\n\n"
        "[Applause] Forty minutes.\n\n"
        "VIDAL: About that.\n"
    )
    t = transcriptkit.parse(text)
    assert [turn.label for turn in t.turns] == ["LENA PRYCE", "OMAR VIDAL", "PRYCE", "VIDAL"]
    assert "[Applause] Thank you, thank you." in t.turns[0].text


def test_a_title_case_guest_the_words_bring_in_is_a_voice_on_a_cut_page() -> None:
    # The host's label was lost: the guest's is the page's only one.
    text = (
        "Storm closes the harbor\n\n"
        "The harbor was shut on Monday as the storm came ashore.\n\n"
        "Our reporter Ines Calder-Voss joins us now from the pier. Ines, what do you see?\n\n"
        "Ines Calder-Voss: Well, the boats are all tied up and the pier is empty.\n"
    )
    t = transcriptkit.parse(text)
    assert [turn.label for turn in t.turns][-1] == "Ines Calder-Voss"
    assert t.turns[-1].text.startswith("Well, the boats")


def test_a_title_case_line_the_words_bring_in_nobody_for_stays_words() -> None:
    text = (
        "Storm closes the harbor\n\n"
        "The harbor was shut on Monday as the storm came ashore.\n\n"
        "Harbor Master's Advice: Stay off the pier until the wind drops.\n"
    )
    t = transcriptkit.parse(text)
    assert not [turn for turn in t.turns if turn.label]


def test_a_name_counts_its_uses_in_every_shape_it_labels_in() -> None:
    # Once with a space after the colon, once glued to the words: two uses of one voice.
    text = (
        "Harbor Hour\n\n"
        "Noor Bell: Welcome back to the program.\n\n"
        "Ada Quist: Thank you for having me.\n\n"
        "Noor Bell: Tell us about the winter.\n\n"
        "Ada Quist:It was long, and the boats stayed in.\n\n"
        "Noor Bell:And the spring?\n"
    )
    t = transcriptkit.parse(text)
    assert [turn.label for turn in t.turns] == ["Noor Bell", "Ada Quist"] * 2 + ["Noor Bell"]
    assert t.turns[3].text.startswith("It was long")


def test_a_title_case_voice_heard_once_between_two_turns_of_another_is_a_voice() -> None:
    # A cut page: the host's introduction lost its label; the host asks once, by surname.
    text = (
        "Harbor Ferries Stop for the Winter\n\n"
        "The last ferry of the year left the harbor on Friday, and the crews went home.\n\n"
        "Omar Vidal: Good morning, Lena.\n\n"
        "Pryce: So what did the crews say as they tied up the boats for the season?\n\n"
        "Vidal: Well, most of them were glad of the rest after a long and busy summer.\n"
    )
    t = transcriptkit.parse(text)
    assert [turn.label for turn in t.turns if turn.label] == ["Omar Vidal", "Pryce", "Vidal"]


def test_a_word_between_two_turns_of_one_voice_stays_words_where_a_voice_is_relabelled() -> None:
    # This page labels every paragraph, so a voice's labels follow each other.
    text = (
        "Harbor Hour\n\n"
        "Noor Bell: Welcome back to the program, everyone, on a cold morning.\n\n"
        "Noor Bell: Our guest runs the ferry office down at the pier.\n\n"
        "Ada Quist: Thank you for having me on the program this morning.\n\n"
        "Noor Bell: The ferries stop this week, I hear.\n\n"
        "Remember: the last boat leaves at six, and there is no boat on Sunday.\n\n"
        "Noor Bell: So plan ahead.\n\n"
        "Ada Quist: That is right.\n"
    )
    t = transcriptkit.parse(text)
    assert "Remember" not in [turn.label for turn in t.turns]
    assert "Remember: the last boat" in t.turns[3].text


def test_a_bracketed_label_holds_a_title_a_part_and_a_description() -> None:
    text = (
        "[Lena Pryce, host] Today, the island ferries stop for the winter.\n\n"
        "[Dr. Omar Vidal (Director, Harbor Trust)] Thank you, Lena.\n\n"
        "[Lena Pryce, host] So what happens to the crews?\n\n"
        "[Dr. Vidal] ...They go home, most of them, until the spring.\n"
    )
    t = transcriptkit.parse(text)
    assert [(turn.label, turn.speaker_id) for turn in t.turns] == [
        ("Lena Pryce, host", "lena-pryce"),
        ("Dr. Omar Vidal (Director, Harbor Trust)", "omar-vidal"),
        ("Lena Pryce, host", "lena-pryce"),
        ("Dr. Vidal", "omar-vidal"),
    ]
    assert t.turns[3].text.startswith("...They go home")
    people = {s.id: s for s in t.speakers}
    assert people["lena-pryce"].role == "host"
    assert people["omar-vidal"].description == "Director, Harbor Trust"


def test_a_bracketed_speaker_with_a_part_heads_the_words_below_it() -> None:
    text = (
        "[Lena Pryce, host]\n\nToday, the island ferries stop for the winter.\n\n"
        "[Kay O'Dell, reporter]\n\nThe last boat left at six, Lena.\n\n"
        "[Lena Pryce, host]\n\nAnd the crews?\n\n"
        "[Upbeat Music]\n\n"
        "[Kay O'Dell, reporter]\n\nThey went home.\n"
    )
    t = transcriptkit.parse(text)
    assert [(turn.line, turn.speaker_id) for turn in t.turns] == [
        (1, "lena-pryce"),
        (5, "kay-o-dell"),
        (9, "lena-pryce"),
        (15, "kay-o-dell"),
    ]
    assert t.turns[1].text == "The last boat left at six, Lena."
    assert [cue.text for cue in t.cues] == ["Upbeat Music"]


def test_an_unnamed_voice_in_brackets_heard_once_is_a_voice() -> None:
    text = (
        "[Lena Pryce] Today, the island ferries stop for the winter.\n\n"
        "[Unidentified Man #2] (Shouting) Last boat! Last boat of the year!\n\n"
        "[Lena Pryce] That was the scene at the pier on Friday.\n"
    )
    t = transcriptkit.parse(text)
    assert [turn.label for turn in t.turns] == ["Lena Pryce", "Unidentified Man #2", "Lena Pryce"]


def test_a_bold_label_after_a_time_holds_a_role_as_a_colon_label_does() -> None:
    text = (
        "Harbor Talk\n\n"
        "[02:00:34] **Lena Pryce, CNN Anchor:** The ferries stop for the winter.\n\n"
        "[02:00:40] **Dr. Omar Vidal (Harbor Trust):** Thank you, Lena.\n\n"
        "[02:00:44] **Pryce:** So what happens to the crews?\n\n"
        "[02:00:50] **Vidal:** They go home.\n"
    )
    t = transcriptkit.parse(text)
    assert [turn.speaker_id for turn in t.turns] == [
        "lena-pryce",
        "omar-vidal",
        "lena-pryce",
        "omar-vidal",
    ]
    assert {s.id: s.description for s in t.speakers}["omar-vidal"] == "Harbor Trust"


@pytest.mark.parametrize("initials", ["P.W.", "P. W.", "J.R.R."])
def test_a_title_case_label_may_open_on_initials(initials: str) -> None:
    text = (
        "Lena Pryce, host: Our guest wrote the book on harbor security.\n\n"
        f"{initials} Quell: There are certain things that jump out at me.\n\n"
        "Pryce: Such as?\n\n"
        "Quell: The locks, for a start.\n"
    )
    t = transcriptkit.parse(text)
    assert [turn.label for turn in t.turns] == [
        "Lena Pryce, host",
        f"{initials} Quell",
        "Pryce",
        "Quell",
    ]
    assert t.turns[3].speaker_id == t.turns[1].speaker_id


def test_a_bracketed_voice_heard_once_between_two_turns_of_another_is_a_voice() -> None:
    text = (
        "Harbor Talks: the ferry year\n\n"
        "[Rosa] So let us start with what got us both into ferries in the first place.\n\n"
        "[Ben] Right.\n\n"
        "[Rosa] I grew up on the island, so the boat was the only way to school.\n"
    )
    t = transcriptkit.parse(text)
    assert [turn.label for turn in t.turns if turn.label] == ["Rosa", "Ben", "Rosa"]


@pytest.mark.parametrize(
    ("host", "guest", "guest_id"),
    [
        ("Lena Pryce, host", "Dr. Omar Vidal (Director, Harbor Trust)", "omar-vidal"),
        ("Lena Pryce, Host", "Dr. Omar Vidal", "omar-vidal"),
        ("Lena Pryce", "Unidentified Man #2", "unidentified-man-2"),
    ],
)
def test_a_name_alone_holds_a_part_a_title_or_an_unnamed_voice(
    host: str, guest: str, guest_id: str
) -> None:
    text = (
        f"{host}\n\nThis is the harbor hour, and the ferries stop this week.\n\n"
        f"{guest}\n\nThank you, Lena, it is good to be here.\n\n"
        f"{host}\n\nSo what happens now?\n\n"
        f"{guest}\n\nWell, we wait for the spring.\n"
    )
    t = transcriptkit.parse(text)
    assert [(turn.line, turn.label, turn.speaker_id) for turn in t.turns] == [
        (1, host, "lena-pryce"),
        (5, guest, guest_id),
        (9, host, "lena-pryce"),
        (13, guest, guest_id),
    ]


def test_an_unnamed_voice_alone_after_its_start_time_heads_the_words_below() -> None:
    text = (
        "Episode Transcript\n"
        "[00:00:16] Speaker A\nThe harbor podcast, episode one.\n"
        "[00:00:36] Speaker B\nI'm Tom.\n"
        "[00:00:38] Speaker A\nAnd this is the harbor.\n"
    )
    t = transcriptkit.parse(text)
    assert [(turn.label, turn.start) for turn in t.turns] == [
        ("Speaker A", 16.0),
        ("Speaker B", 36.0),
        ("Speaker A", 38.0),
    ]
    assert t.turns[1].text == "I'm Tom."


def test_a_name_heading_speech_elsewhere_heads_a_short_line_too() -> None:
    text = (
        "Ada Quist\nOkay, let us begin with the harbor and the winter storms.\n\n"
        "Omar Vidal\nIt was a long winter on the island, and the boats stayed in.\n\n"
        "Ada Quist\nThe boats, yes,\n\n"
        "Omar Vidal\nall of them…\n\n"
        "Ada Quist\n[1]\n"
    )
    t = transcriptkit.parse(text)
    assert [(turn.line, turn.label) for turn in t.turns] == [
        (1, "Ada Quist"),
        (4, "Omar Vidal"),
        (7, "Ada Quist"),
        (10, "Omar Vidal"),
    ]
    assert t.turns[3].text.startswith("all of them")
    assert "Ada Quist" in t.turns[3].text  # a name over a note alone is no heading


def test_words_said_twice_under_names_alone_are_speech_not_a_headline_or_a_mark() -> None:
    # `Good.` twice near the top reads as a repeated headline, and above two names alone as
    # a page's heading mark: it is neither.
    text = (
        "Harbor briefing\n\n"
        "Noor Bell\nGood.\n\n"
        "Ada Quist\nGood.\n\n"
        "Noor Bell\nThe ferries stop this week, and the last boat leaves on Friday.\n\n"
        "Ada Quist\nAnd the crews?\n\n"
        "Noor Bell\nThey go home for the winter, most of them, until the spring comes.\n"
    )
    t = transcriptkit.parse(text)
    assert [turn.text for turn in t.turns][:2] == ["Good.", "Good."]


def test_a_line_closing_two_turns_of_many_is_speech_not_a_heading_mark() -> None:
    # Past the top of the page, where a line said twice could be a repeated headline.
    opening = "".join(
        f"{name}\nThis is message number {k} from the {place} on the radio.\n\n"
        for k in range(25)
        for name, place in (("Noor Bell", "ferry"), ("Ada Quist", "harbor"))
    )
    radio = (
        "Noor Bell\nHarbor control, the ferry is leaving the pier now.\nOver.\n\n"
        "Ada Quist\nCopy that, the channel is clear all the way out.\nOver.\n\n"
        "Noor Bell\nThank you, see you in the spring.\n"
    )
    t = transcriptkit.parse(opening + radio)
    assert [turn.label for turn in t.turns[-3:]] == ["Noor Bell", "Ada Quist", "Noor Bell"]
    assert t.turns[-3].text.endswith("Over.")
    assert t.turns[-2].text.endswith("Over.")


def test_a_name_that_ends_a_hard_wrapped_line_heads_nothing() -> None:
    text = (
        "Ada Quist\n\nWelcome back to the harbor hour, on a cold morning.\n\n"
        "Omar Vidal\n\nThank you. I came down this morning with my colleague\n"
        "Noor Bell\nand we stood on the pier for an hour before the boat came.\n\n"
        "Noor Bell\n\nIt was a long hour, too.\n\n"
        "Ada Quist\n\nAnd the boats?\n\n"
        "Noor Bell\n\nThey stayed in.\n\n"
        "Omar Vidal\n\nAll of them.\n"
    )
    t = transcriptkit.parse(text)
    assert [(turn.line, turn.label) for turn in t.turns] == [
        (1, "Ada Quist"),
        (5, "Omar Vidal"),
        (11, "Noor Bell"),
        (15, "Ada Quist"),
        (19, "Noor Bell"),
        (23, "Omar Vidal"),
    ]
    assert "my colleague Noor Bell and we stood" in t.turns[1].text


def test_a_label_wrapped_inside_a_quoted_title_with_a_colon_is_one_label() -> None:
    # Heard once, the words after its colon on its second line, hard-wrapped.
    text = (
        "ADA QUIST, host:\nThe island ferries have a new history, and its author is here.\n"
        'Ms. NOOR BELL (Author, "Harbor Lights: A History of the Island Ferries and\n'
        'Their Crews"): Well,\n'
        "it took me ten years to write the whole thing, and at the end the crews\n"
        "wrote half of it for me, as you will see when you read it, and the rest\n"
        "came from the archive at the harbor office and from the families who kept\n"
        "their letters. They were very kind to me.\n"
        "QUIST: Ten years!\n"
    )
    t = transcriptkit.parse(text)
    assert [(turn.line, turn.speaker_id) for turn in t.turns] == [
        (1, "ada-quist"),
        (3, "noor-bell"),
        (9, "ada-quist"),
    ]
    assert t.turns[1].text.startswith("Well,")
    bell = {s.id: s for s in t.speakers}["noor-bell"]
    assert bell.description == (
        'Author, "Harbor Lights: A History of the Island Ferries and Their Crews"'
    )


@pytest.mark.parametrize(
    ("host", "short"), [("Host Ada Quist", "Quist"), ("HOST ADA QUIST", "QUIST")]
)
def test_the_part_printed_before_a_name_is_its_role(host: str, short: str) -> None:
    text = (
        f"{host}: Welcome back to the harbor hour, on a cold morning.\n\n"
        "Omar Vidal: Thank you, it is good to be here.\n\n"
        f"{short}: So what happened to the ferries?\n\n"
        "CHRISTOPHER GUEST: I was on the last one.\n"
    )
    t = transcriptkit.parse(text)
    assert [(turn.speaker_id, turn.role) for turn in t.turns] == [
        ("ada-quist", "host"),
        ("omar-vidal", None),
        ("ada-quist", "host"),
        ("christopher-guest", None),
    ]


@pytest.mark.parametrize("form", ["*{name}:* {words}", "*{name}*: {words}"])
def test_a_label_in_markdown_italics_is_a_label(form: str) -> None:
    said = [
        ("Ada Quist", "Welcome back to the harbor hour."),
        ("Omar Vidal", "Thank you."),
        ("Ada Quist", "So what happened to the ferries?"),
        ("Omar Vidal", "They stopped for the winter."),
    ]
    text = "\n\n".join(form.format(name=name, words=words) for name, words in said) + "\n"
    t = transcriptkit.parse(text)
    assert [(turn.label, turn.text) for turn in t.turns] == said


def test_people_talking_on_consecutive_lines_are_no_field_block() -> None:
    # Short, unpunctuated turns one a line read like a header's fields; one name labelling
    # again after another, in a document where someone speaks, is people talking.
    text = (
        "Harbor Hour\n\n"
        "ADA QUIST: Welcome back to the harbor hour, on a cold morning.\n\n"
        "ADA QUIST: so what happened\n"
        "OMAR VIDAL: they stopped for the winter\n"
        "ADA QUIST: and the crews\n"
        "OMAR VIDAL: most of them went home\n"
    )
    t = transcriptkit.parse(text)
    assert [turn.label for turn in t.turns] == ["ADA QUIST"] + ["ADA QUIST", "OMAR VIDAL"] * 2


def test_a_listings_alternating_fields_stay_a_field_block() -> None:
    text = (
        "Harbor Hour\n\n"
        "AIR DATE: May 2\nRUNNING TIME: 30 min\nAIR DATE: May 9\nRUNNING TIME: 28 min\n"
    )
    assert not transcriptkit.parse(text).turns


# ---- labels glued to their words (a scraper dropped the space) --------------------------


def test_labels_glued_to_any_words_are_the_documents_way_once_it_glues_often() -> None:
    # Invented: every space after a colon lost; the words open with capitals, a note,
    # an ellipsis; one voice (a singer) is heard once.
    text = (
        "Harbor Hour\n\n"
        "ANA RUIZ, HOST:Welcome back. The tide is out.\n\n"
        "OMAR QUIST:OK, so where do we start?\n\n"
        "RUIZ:(Laughter) At the pier, as always.\n\n"
        "QUIST:...and then the boats.\n\n"
        "LENA BELLWETHER:(Singing) Down to the water, down to the sea.\n\n"
        "RUIZ:BOTUS, they call it. The boat of the season.\n"
    )
    t = transcriptkit.parse(text)
    assert [turn.label for turn in t.turns] == [
        "ANA RUIZ, HOST",
        "OMAR QUIST",
        "RUIZ",
        "QUIST",
        "LENA BELLWETHER",
        "RUIZ",
    ]
    assert t.turns[1].text.startswith("OK, so")
    assert t.turns[3].text.startswith("...and then")
    assert _shapes(t)["caps-glued"].startswith("caps-glued: 5 accepted, 0 rejected")


def test_a_label_glued_once_is_one_for_a_name_the_other_labels_give() -> None:
    text = (
        "ANA RUIZ: Welcome back.\n\n"
        "OMAR QUIST: Thanks, Ana. Good to be here.\n\n"
        "RUIZ: Where do we start?\n\n"
        "QUIST:OK. At the pier.\n"
    )
    t = transcriptkit.parse(text)
    assert [turn.label for turn in t.turns] == ["ANA RUIZ", "OMAR QUIST", "RUIZ", "QUIST"]
    assert t.turns[-1].text == "OK. At the pier."


@pytest.mark.parametrize(
    "line", ["HARBORWATCH:LIVE tonight at eight.", "NOTE:(see below) the pier is shut."]
)
def test_capitals_glued_once_with_no_voice_of_that_name_stay_words(line: str) -> None:
    text = f"{line}\n\nThe harbor was shut on Monday as the storm came ashore and stayed.\n"
    t = transcriptkit.parse(text)
    assert not t.turns or not any(turn.label for turn in t.turns)
    assert _shapes(t)["caps-glued"] == "caps-glued: 0 accepted, 1 rejected (1 name(s))"


def test_a_label_glued_once_where_the_words_introduce_that_name() -> None:
    text = (
        "The Harbor Hour\n\n"
        "CONAN:OK, this is the Harbor Hour. I'm Neal Conan in Port Alder, and today ferries.\n"
    )
    t = transcriptkit.parse(text)
    assert [turn.label for turn in t.turns] == ["CONAN"]


def test_title_case_labels_glued_throughout_take_the_odd_voice_heard_once() -> None:
    text = (
        "Noor Bell:Welcome back to the program.\n\n"
        "Ada Quist:Thank you for having me.\n\n"
        "Noor Bell:Tell us about the winter.\n\n"
        "Harbor Pilot:Come about, we're going in.\n\n"
        "Ada Quist:That was the pilot, every morning.\n"
    )
    t = transcriptkit.parse(text)
    assert [turn.label for turn in t.turns] == [
        "Noor Bell",
        "Ada Quist",
        "Noor Bell",
        "Harbor Pilot",
        "Ada Quist",
    ]


# ---- a call's speakers with their jobs, each heard once ---------------------------------

_CALL = (
    "Operator\n\n"
    "Good morning, and welcome to the Tidewater Ferries third quarter call. Lines are muted.\n\n"
    "Priya Lindqvist -- Vice President, Investor Relations\n\n"
    "Thank you, operator. With me today are our chief executive and our finance chief.\n\n"
    "Tomas Oyelaran -- Chief Executive Officer\n\n"
    "Thanks, Priya. It was a strong quarter. Revenue grew nine percent.\n\n"
    "Operator\n\n"
    "Our first question comes from Dana Reyes with Harbor Securities.\n\n"
    "Dana Reyes -- Harbor Securities -- Analyst\n\n"
    "Thanks for taking my question. Can you talk about margins?\n"
)


def test_a_calls_speakers_given_with_their_jobs_are_voices_though_heard_once() -> None:
    # Invented: the operator speaks again; each executive once, under a name and a job.
    t = transcriptkit.parse(_CALL)
    assert [(turn.line, turn.label) for turn in t.turns] == [
        (1, "Operator"),
        (5, "Priya Lindqvist -- Vice President, Investor Relations"),
        (9, "Tomas Oyelaran -- Chief Executive Officer"),
        (13, "Operator"),
        (17, "Dana Reyes -- Harbor Securities -- Analyst"),
    ]
    assert t.turns[1].text.startswith("Thank you, operator.")


def test_a_page_of_names_with_jobs_over_biographies_has_no_voices() -> None:
    # Invented: a company's team page; nobody is heard again.
    text = (
        "Our Team\n\n"
        "Ada Quist -- Chief Executive Officer\n\n"
        "Ada has led Tidewater since 2015. Before that she ran the ferry line for a decade.\n\n"
        "Noor Bell -- Chief Financial Officer\n\n"
        "Noor joined in 2018 from Harbor Securities, where she covered shipping.\n\n"
        "Omar Vidal -- Head of Operations\n\n"
        "Omar keeps the terminals running. He started as a deckhand.\n"
    )
    t = transcriptkit.parse(text)
    assert not any(turn.label for turn in t.turns)


# ---- a name, a dash, the words ----------------------------------------------------------


@pytest.mark.parametrize("dash", [" - ", " – ", " — ", " -- "])
def test_a_name_and_a_dash_before_the_words_is_a_label_where_names_recur(dash: str) -> None:
    text = (
        f"DANA REYES{dash}Welcome to the show. Today, bridges.\n\n"
        f"Omar Feld{dash}Thanks, Dana. Bridges are my favourite subject.\n\n"
        f"DANA REYES{dash}Why bridges?\n\n"
        f"Omar Feld{dash}(Laughs) Because each one is an argument with gravity.\n"
    )
    t = transcriptkit.parse(text)
    assert [turn.label for turn in t.turns] == ["DANA REYES", "Omar Feld"] * 2
    assert [turn.text for turn in t.turns][:3] == [
        "Welcome to the show. Today, bridges.",
        "Thanks, Dana. Bridges are my favourite subject.",
        "Why bridges?",
    ]
    assert _shapes(t)["dash-name"].startswith("dash-name: 4 accepted, 0 rejected")


def test_datelines_before_a_dash_are_not_labels() -> None:
    text = (
        "PORT ALDER - The ferries stopped on Monday as the storm came ashore.\n\n"
        "The harbor master said they would run again next week.\n\n"
        "WASHINGTON - Lawmakers met on Tuesday to talk about the harbor.\n"
    )
    t = transcriptkit.parse(text)
    assert t.kind == "article"
    assert not any(turn.label for turn in t.turns)
    assert _shapes(t)["dash-name"] == "dash-name: 0 accepted, 2 rejected (2 name(s))"


def test_dash_labels_hold_what_a_colon_label_holds_and_take_a_voice_heard_once() -> None:
    # Two voices speak again so: a third, heard once, is a voice of that convention too.
    text = (
        "ANA RUIZ, host - Welcome back. The ferries stop today.\n\n"
        "Dr. OMAR QUIST (Harbor Trust) - They do, Ana. The last one left at noon.\n\n"
        "RUIZ - And the crews?\n\n"
        "LENA PRYCE - (Singing) Down to the water, down to the sea.\n\n"
        "QUIST - That was the crews, every evening.\n"
    )
    t = transcriptkit.parse(text)
    assert [turn.label for turn in t.turns] == [
        "ANA RUIZ, host",
        "Dr. OMAR QUIST (Harbor Trust)",
        "RUIZ",
        "LENA PRYCE",
        "QUIST",
    ]
    speakers = {s.name: s for s in t.speakers}
    assert speakers["ANA RUIZ"].role == "host"
    assert speakers["OMAR QUIST"].description == "Harbor Trust"
