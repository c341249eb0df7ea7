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


# ---- label conventions read from the document ---------------------------------------


def _shapes(doc: transcriptkit.Transcript) -> dict[str, str]:
    return {d.message.split(":")[0]: d.message for d in doc.diagnostics if d.code == "label-shapes"}


def test_a_title_case_label_whose_words_introduce_it_is_a_speaker() -> None:
    text = (
        "Harbour Hour\n\n[music]\n\n"
        "Matt Quell: It's Harbour Hour on the quay. I'm Matt Quell from the newsroom, filling in "
        "for the regular host today.\n"
    )
    doc = transcriptkit.parse(text)
    assert [t.label for t in doc.turns] == ["Matt Quell"]
    assert [c.text for c in doc.cues] == ["music"]


def test_a_full_name_the_words_mention_is_a_voice() -> None:
    text = (
        "Ada Quist:Welcome back to the show. I'm here today with Noor Belcastro. How are you?\n"
        "Noor Belcastro:Very well. Thanks for having me.\n"
        "Ada Quist:You are welcome. Tell us about the ferry.\n"
    )
    assert _labels(text) == ["Ada Quist", "Noor Belcastro", "Ada Quist"]


def test_a_name_said_once_in_prose_is_not_a_voice_without_a_convention() -> None:
    text = (
        "Ferry News\n\nThe council met on Tuesday, and Noor Belcastro spoke for the pier trust "
        "for a long while about the ferry.\n\n"
        "Noor Belcastro: a long-time campaigner, she has run the trust since the spring.\n"
    )
    assert all(t.label is None for t in transcriptkit.parse(text).turns)


def test_the_same_mark_above_each_name_alone_makes_them_speaker_headings() -> None:
    text = (
        "Quay Holdings\n\nQ3 Results Call\n\n"
        "speaker\nOperator\nGood morning, and thank you for standing by. Please go ahead.\n"
        "speaker\nIlse Marchetti\nThank you. Good morning, everyone, and welcome to the call.\n"
    )
    doc = transcriptkit.parse(text)
    assert [t.label for t in doc.turns] == ["Operator", "Ilse Marchetti"]
    assert "speaker" not in doc.turns[0].text
    assert _shapes(doc)["heading-mark"].startswith("heading-mark: 2 accepted")


@pytest.mark.parametrize("time", [" (00:00:05)", " [0:05]", ""])
def test_a_markdown_heading_of_a_name_over_the_words_is_its_speaker(time: str) -> None:
    said = [
        ("Ilse Marchetti", "Good morning, and welcome to the harbour board's monthly call."),
        ("Tomas Reel", "Thank you, Ilse. The ferry timetable is the first thing today."),
        ("Ilse Marchetti", "Then let us start there, and keep the fares for later on."),
        ("Tomas Reel", "Agreed. The new timetable starts on the first of June."),
    ]
    text = "# Board call\n\n" + "".join(f"### {n}{time}\n\n{w}\n\n" for n, w in said)
    doc = transcriptkit.parse(text)
    assert [t.label for t in doc.turns] == [n for n, _ in said]


def test_a_name_and_a_tab_before_the_words_labels_a_turn_where_the_names_recur() -> None:
    said = [
        ("Ilse Marchetti", "Good morning, and welcome to the harbour board's monthly call."),
        ("Tomas Reel", "Thank you, Ilse. The ferry timetable is the first thing today."),
        ("Ilse Marchetti", "Then let us start there, and keep the fares for later on."),
        ("Tomas Reel", "Agreed. The new timetable starts on the first of June."),
    ]
    doc = transcriptkit.parse("".join(f"{n}\t{w}\n" for n, w in said))
    assert [(t.label, t.text) for t in doc.turns] == said
    once = "Notes\tThe ferry timetable changes in June, and the fares after that.\n"
    assert transcriptkit.parse(once).turns == []


def test_a_time_column_between_the_name_and_the_words_is_the_turns_start() -> None:
    said = [
        ("Ilse Marchetti", "0:05", "Good morning, and welcome to the harbour board's call."),
        ("Tomas Reel", "0:12", "Thank you, Ilse. The ferry timetable is the first thing today."),
        ("Ilse Marchetti", "1:02", "Then let us start there, and keep the fares for later on."),
        ("Tomas Reel", "1:15.5", "Agreed. The new timetable starts on the first of June."),
    ]
    doc = transcriptkit.parse("".join(f"{n}\t{t}\t{w}\n" for n, t, w in said))
    assert [(t.label, t.start, t.text) for t in doc.turns] == [
        ("Ilse Marchetti", 5.0, said[0][2]),
        ("Tomas Reel", 12.0, said[1][2]),
        ("Ilse Marchetti", 62.0, said[2][2]),
        ("Tomas Reel", 75.5, said[3][2]),
    ]


def test_a_section_heading_is_no_voice_for_a_field_of_the_same_word() -> None:
    text = (
        "# Appeal\n\nA recording of the appeal, with its word lists.\n\n"
        "## Files\n\nThe recordings and their word lists are in the archive.\n\n"
        "Files: two word lists, one for each side, and the audio as it was saved.\n\n"
        "IDA SORN: We begin with the appeal.\n\nMR. VOSS: Thank you.\n"
    )
    doc = transcriptkit.parse(text)
    assert [t.label for t in doc.turns] == ["IDA SORN", "MR. VOSS"]


_BOLD = (
    "**Ada Quist:** Welcome to the show, everyone.\n\n"
    "**Noor Belcastro:** Thanks, glad to be here.\n\n"
    "**Ada Quist:** Let us start with the ferry.\n\n"
    "**Noor Belcastro:** The ferry is late again.\n\n"
)


def test_where_labels_are_bold_with_the_colon_any_bold_label_is_one() -> None:
    text = _BOLD + "**Jingle:** [12:04]\n\n**olek:** My unpopular opinion is about paint.\n"
    labels = _labels(text)
    assert labels[-2:] == ["Jingle", "olek"]
    # ... and with the time in round brackets, the marker's start (a heading has none)
    doc = transcriptkit.parse(text.replace("[12:04]", "(12:04)"))
    assert [(t.label, t.start) for t in doc.turns[-2:]] == [("Jingle", 724.0), ("olek", None)]


def test_a_bold_word_and_colon_is_words_where_labels_are_not_bold() -> None:
    text = (
        "ADA QUIST: Welcome to the show, everyone.\n\n"
        "NOOR BELCASTRO: Thanks.\n\n"
        "**note:** the ferry timetable changed in May.\n"
    )
    assert _labels(text) == ["ADA QUIST", "NOOR BELCASTRO"]


def test_a_voice_may_open_a_turn_with_a_quotation_and_repeat_a_line() -> None:
    text = (
        "**Ada Quist:** Yes.\n\n"
        "**Noor Belcastro:** Tell me about the quay.\n\n"
        '**Ada Quist:** "Bring your own boat," they said.\n\n'
        "**Noor Belcastro:** And did you?\n\n"
        "**Ada Quist:** Yes. I did, and it sank by the pier.\n\n"
        "**Noor Belcastro:** Oh no.\n\n"
        "**Ada Quist:** Yes.\n"
    )
    assert _labels(text) == ["Ada Quist", "Noor Belcastro"] * 3 + ["Ada Quist"]


def test_a_label_alone_that_heads_no_speech_is_a_heading() -> None:
    text = (
        "THE QUAY SHOW\n\nINTERVIEW:\n\nDAVID QUELL\n\nHARBOURMASTER\n\n"
        "MARCUS FENN:\n\nGood morning, and welcome to the programme.\n\n"
        "DAVID QUELL:\n\nGood morning.\n\n"
        "MARCUS FENN:\n\nThe pier is closed again.\n"
    )
    doc = transcriptkit.parse(text)
    assert [t.label for t in doc.turns] == ["MARCUS FENN", "DAVID QUELL", "MARCUS FENN"]
    assert _shapes(doc)["heading-label"].startswith("heading-label: 0 accepted, 1 rejected")


def test_a_label_alone_printed_unlike_the_documents_labels_is_a_heading() -> None:
    text = (
        "<p><b>PRESENT: </b> </p>\n"
        "<p>ODA PELL, <i>Chair of the Harbour Board</i> <br>\n"
        "MARCUS FENN, <i>Secretary</i>. </p>\n"
        "<p><b>MS. PELL</b>: The board will come to order. </p>\n"
        "<p><b>THE CLERK</b>: All members are present. </p>\n"
        "<p><b>MR. FENN</b>: Thank you, Madam Chair. </p>\n"
    )
    assert _labels(text) == ["MS. PELL", "THE CLERK", "MR. FENN"]


@pytest.mark.parametrize(
    "headline",
    [
        "U.N.: 9,000 Cross the Border; Ferries Stop Running; Storm Hits the Coast",
        "DESK EXCLUSIVE: MAYOR ON THE PIER VOTE: “WE WILL REBUILD”",
    ],
)
def test_a_headline_that_opens_like_a_label_is_a_headline(headline: str) -> None:
    text = (
        f"Harbour News\n\n{headline}\n\nAired May 3, 2021\n\n"
        "ODA PELL, ANCHOR: Good evening. The storm reached the coast tonight.\n\n"
        "MARCUS FENN, CORRESPONDENT: It did, Oda. The ferries have stopped.\n\n"
        "PELL: Thank you, Marcus.\n"
    )
    doc = transcriptkit.parse(text)
    assert doc.turns[0].label == "ODA PELL, ANCHOR"
    assert "headline-label" in _shapes(doc)


def test_a_court_reporters_line_numbers_are_markup() -> None:
    text = (
        "Harbour County Court\n\n"
        "1-04        THE COURT:    Counsel, your names.\n\n"
        "1-05        MS. PELL:    Oda Pell for the harbour board,\n\n"
        "1-06   your Honor.\n\n"
        "1-07        MR. FENN:    Marcus Fenn for the ferry company.\n\n"
        "1-08        THE COURT:    Very well.  We begin.\n\n"
        "1-09   Call the first witness.\n"
    )
    doc = transcriptkit.parse(text)
    assert [t.label for t in doc.turns] == ["THE COURT", "MS. PELL", "MR. FENN", "THE COURT"]
    assert doc.turns[1].text == "Oda Pell for the harbour board,\n\nyour Honor."
    assert "line-numbers" in _shapes(doc)
    tokens = tokenize(text)
    assert "".join(t.text for t in tokens) == text  # the tokens still cover the text
    assert next(t.text for t in tokens if t.rule == "line-number") == "1-04        "


def test_figures_at_the_start_of_some_lines_are_not_line_numbers() -> None:
    text = (
        "ODA PELL: The scores tonight.\n\n"
        "3   Harbour Rovers\n\n"
        "1   Quay United\n\n"
        "MARCUS FENN: A fine game.\n"
    )
    assert "3 Harbour Rovers" in transcriptkit.parse(text).turns[0].text
    assert not any(t.rule == "line-number" for t in tokenize(text))


def test_a_direction_before_stage_notes_only_is_no_voice() -> None:
    text = (
        "ANNCR: Tonight, a story of the pier.\n\n"
        "SOUND: (FOOTSTEPS ON WOOD)\n\n"
        "ODA: Is anyone there?\n\n"
        "SOUND: (A DOOR SLAMS)\n\n"
        "ODA: Hello?\n\n"
        "MARCUS: (Speaking Spanish)\n\n"
        "MARCUS: (Speaking Spanish)\n"
    )
    doc = transcriptkit.parse(text)
    assert [t.label for t in doc.turns] == ["ANNCR", "ODA", "ODA", "MARCUS", "MARCUS"]
    assert "stage-label" in _shapes(doc)


def test_a_toggle_and_a_note_about_the_transcript_are_not_speech() -> None:
    text = (
        "Harbour Evening News\nTranscript\nHide -\n"
        "If this transcript has errors that should be corrected, let us know.\n"
        "♪ ODA: GOOD EVENING. I'M ODA PELL. THE PIER IS CLOSED TONIGHT.\n"
    )
    doc = transcriptkit.parse(text)
    assert [t.label for t in doc.turns] == ["ODA"]


def test_speech_full_of_names_is_no_headline() -> None:
    text = (
        "Ada Quist:Welcome back to Harbour Hour in Practice. I'm here today with Noor "
        "Belcastro. Hello, Noor, how are you?\n"
        "Noor Belcastro:Hi. I'm great.\n"
        "Ada Quist:Good. Tell us about the ferry.\n"
    )
    assert _labels(text) == ["Ada Quist", "Noor Belcastro", "Ada Quist"]


def test_a_time_in_parentheses_is_a_cue_but_not_in_square_brackets() -> None:
    assert _cues(_TALK + "(30:00)\n\nMARCUS FENN: Good.\n") == ["30:00"]
    assert _cues(_TALK + "[00:30:00]\n\nMARCUS FENN: Good.\n") == []


def test_a_note_up_in_the_header_is_no_cue_but_one_over_the_first_label_is() -> None:
    text = (
        "(Names have been changed to protect the innocent.)\n\n"
        "Harbour Court, May 7, 1999\n\nDuration: 6 minutes.\n\n"
        "[gavel]\n\n"
        "THE COURT: Be seated.\n\nMS. PELL: Thank you.\n"
    )
    assert _cues(text) == ["gavel"]


def test_a_flattened_court_transcript_splits_after_its_line_numbers() -> None:
    filler = " ".join(["HARBOUR COUNTY COURT (555) 010-2000 ODA PELL, ESQUIRE"] * 20)
    text = (
        f"1 {filler}. 2 THE CLERK: The court is now 3 in session. Please be seated. "
        "4 Good morning, Your Honor. 5 THE COURT: Good morning. 6 THE CLERK: Case 41, "
        "the pier. 7 MS. PELL: Oda Pell for the board.\n"
    )
    doc = transcriptkit.parse(text)
    labels = [t.label for t in doc.turns]
    assert labels[0] is None
    # `MS. PELL` is one name the document never labels elsewhere: prose, mid-line
    assert labels[1:] == ["THE CLERK", "THE COURT", "THE CLERK"]


def _timed_dialogue(head: str, joiner: str = "\n") -> str:
    """Six invented turns of two speakers; `head` formats a name and a time (m:ss)."""
    said = [
        ("Ines Calder", "0:01", "Welcome back to the harbour hour, where we talk about boats."),
        ("Tomas Reel", "0:09", "Thanks, Ines. The ferry is running late again this week."),
        ("Ines Calder", "0:15", "Late by how much? Listeners keep writing in about it."),
        ("Tomas Reel", "0:21", "Forty minutes most mornings. The engine is older than I am."),
        ("Ines Calder", "0:30", "Then we should ask the council why it has not been replaced."),
        ("Tomas Reel", "0:38", "We should. They meet on Thursday, and I plan to be there."),
    ]
    return "\n".join(head.format(name=n, time=t) + joiner + w + "\n" for n, t, w in said)


@pytest.mark.parametrize(
    ("head", "joiner"),
    [
        ("{name} ({time}):", " "),  # a service's time between the name and the colon
        ("{name} [{time}]:", " "),
        ("{name} ({time}):", "\n"),
        ("{name}  {time}", "\n"),  # a name and a time alone on their line
        ("{name} {time}", "\n"),
        ("{name}  {time}", "\n\n"),  # ... and the words after a blank line
        ("{name} - {time}", "\n"),
        ("{name} ({time})", "\n"),
        ("{time} - {name}", "\n"),  # a meeting app's: the time first
        ("{time} - {name}", "\n  "),  # ... and the words indented under it
        ("[{time}] {name}", "\n\n"),
        ("{time} | {name}", "\n"),
        ("{name} ({time})", " "),  # a name and its time before the words, no colon
        ("{name} [{time}]", " "),
        ("{name} {time}", " "),
    ],
)
def test_a_name_with_its_time_labels_a_turn_without_a_preset(head: str, joiner: str) -> None:
    doc = transcriptkit.parse(_timed_dialogue(head, joiner), style="generic")
    assert [t.label for t in doc.turns] == ["Ines Calder", "Tomas Reel"] * 3
    assert [t.start for t in doc.turns] == [1.0, 9.0, 15.0, 21.0, 30.0, 38.0]


def test_a_days_schedule_with_times_is_no_dialogue() -> None:
    # Invented: a week's events, each a day, a time and a sentence; days recur.
    text = (
        "Harbor week\n\n"
        "Monday 10:30 The council meets at the hall, and everyone is welcome to speak.\n\n"
        "Tuesday 11:00 The ferry board meets in the old school, with the new timetable.\n\n"
        "Monday 14:00 We review the timetable with the public, and the fares after that.\n\n"
        "Friday 9:00 The market opens on the quay, with fish from the morning boats.\n"
    )
    assert transcriptkit.parse(text).turns == []


def test_a_name_and_time_that_labels_no_one_stays_words_time_and_all() -> None:
    text = "ADA QUIST: Thank you all.\n\nNOOR BELL: Thank you.\n\nEND 1:58 P.M. EDT\n"
    doc = transcriptkit.parse(text)
    assert [t.label for t in doc.turns] == ["ADA QUIST", "NOOR BELL"]
    assert doc.turns[-1].text.endswith("END 1:58 P.M. EDT")
    # ... and a headline that reads like one stays the title, its time too
    head = "Harbor News 10:30 Ferry Strike Ends; Council Votes On Wall\n\n"
    doc = transcriptkit.parse(head + text)
    assert doc.metadata.title == head.strip()


@pytest.mark.parametrize("joiner", [" ", "\n", "\n\n"])
@pytest.mark.parametrize("frame", [":12", ";07", ""])  # a timecode's frame, drop-frame, none
def test_a_time_stamp_with_or_without_its_frame_times_each_turn(frame: str, joiner: str) -> None:
    said = [
        ("00:00:04", "ODA PELL", "The ferry was late again this morning, by forty minutes."),
        ("00:00:11", "MARCUS FENN", "It was, and the council has still not said why it was."),
        ("00:01:02", "ODA PELL", "Then we should ask them at the meeting on Thursday night."),
    ]
    text = "\n".join(f"{time}{frame}{joiner}{name}: {words}\n" for time, name, words in said)
    doc = transcriptkit.parse(text)
    assert [t.label for t in doc.turns] == ["ODA PELL", "MARCUS FENN", "ODA PELL"]
    assert [t.start for t in doc.turns] == [4.0, 11.0, 62.0]


@pytest.mark.parametrize(
    ("stamp", "joiner"),
    [
        *[(stamp, j) for stamp in ("[{a} - {b}]", "{a} - {b}") for j in (" ", "\n", "\n\n")],
        ("({a}–{b})", " "),  # (alone on its line, a time in parentheses is a note: a cue)
    ],
)
def test_a_time_range_times_each_turn_from_its_start(stamp: str, joiner: str) -> None:
    said = [
        ("00:00:04", "00:00:10", "ODA PELL", "The ferry was late again this morning, by an hour."),
        ("00:00:11", "00:01:01", "MARCUS FENN", "It was, and the council has still not said why."),
        ("00:01:02", "00:01:09", "ODA PELL", "Then we should ask them at the meeting on Thursday."),
    ]
    text = "\n".join(
        stamp.format(a=a, b=b) + f"{joiner}{name}: {words}\n" for a, b, name, words in said
    )
    doc = transcriptkit.parse(text)
    assert [t.label for t in doc.turns] == ["ODA PELL", "MARCUS FENN", "ODA PELL"]
    assert [t.start for t in doc.turns] == [4.0, 11.0, 62.0]
    assert doc.turns[1].text == said[1][3]


def test_a_meeting_apps_time_then_name_keeps_the_firm_as_a_description() -> None:
    text = "".join(
        f"{time} - {name}\n  {words}\n\n"
        for time, name, words in [
            ("0:00", "Ines Calder (Harbour Board)", "Shall we start with the ferry timetable?"),
            ("0:09", "Tomas Reel", "Yes, and the fares after that, if there is time for it."),
            ("0:21", "Ines Calder (Harbour Board)", "There will be. The fares are short."),
            ("0:30", "Tomas Reel", "Then the timetable first, and we keep it brief."),
        ]
    )
    doc = transcriptkit.parse(text)
    assert [(doc.speaker_name(t), t.start) for t in doc.turns] == [
        ("INES CALDER", 0.0),
        ("TOMAS REEL", 9.0),
        ("INES CALDER", 21.0),
        ("TOMAS REEL", 30.0),
    ]
    speaker = doc.speaker(doc.turns[0].speaker_id)
    assert speaker is not None and speaker.description == "Harbour Board"


@pytest.mark.parametrize(
    ("head", "joiner"),
    [
        ("**{name}** ({time}):", " "),  # a bold name, its time and a colon before the words
        ("**{name}** [{time}]", " "),
        ("**{name}** [{time}]", "\n\n"),  # ... or alone over them
        ("**{name}** ({time})", "\n"),
        ("**{name}** ({time}):", "\n"),  # ... with its colon, the words below
        ("**{name}:** ({time})", " "),  # the time after the colon, as Rev's older layout
        ("**{name}:** ({time})", "\n"),
    ],
)
def test_a_bold_name_with_its_time_labels_a_turn(head: str, joiner: str) -> None:
    doc = transcriptkit.parse(_timed_dialogue(head, joiner))
    assert [t.label for t in doc.turns] == ["Ines Calder", "Tomas Reel"] * 3
    assert [t.start for t in doc.turns] == [1.0, 9.0, 15.0, 21.0, 30.0, 38.0]
    assert doc.turns[0].text[:1].isalpha()


def test_a_speaker_change_mark_before_a_label_is_markup() -> None:
    # Invented: a broadcast transcript whose captioner marked each new speaker with `>>`.
    text = (
        "ADA QUIST, HOST: Good evening.\n\n"
        ">> NOOR BELL, BYLINE: The ferry is late again.\n\n"
        ">> QUIST: By how much?\n\n"
        "BELL: Forty minutes.\n"
    )
    doc = transcriptkit.parse(text, style="npr")
    assert [(t.label, t.text) for t in doc.turns] == [
        ("ADA QUIST, HOST", "Good evening."),
        ("NOOR BELL, BYLINE", "The ferry is late again."),
        ("QUIST", "By how much?"),
        ("BELL", "Forty minutes."),
    ]
    assert [doc.speaker_name(t) for t in doc.turns] == ["ADA QUIST", "NOOR BELL"] * 2


def test_a_time_after_a_labels_colon_is_its_start() -> None:
    doc = transcriptkit.parse(
        "ARNE VOSS: (00:04) It was late.\n\nODA PELL: (00:09) Again?\n\nARNE VOSS: (00:12) Yes.\n"
    )
    assert [(t.label, t.start) for t in doc.turns] == [
        ("ARNE VOSS", 4.0),
        ("ODA PELL", 9.0),
        ("ARNE VOSS", 12.0),
    ]
    assert doc.turns[0].text == "It was late."


def test_on_a_cut_page_of_timed_bold_labels_a_voice_heard_once_is_one() -> None:
    # Invented: a briefing cut from a page; the reporter asks once.
    text = (
        "**Ada Quist:** (00:00)\nTwo items at the top. The ferry reopens on Monday.\n\n"
        "**Ada Quist:** (00:34)\nAnd the harbor wall is funded through next year.\n\n"
        "**Moss:** (01:13)\nThanks. On the wall, who pays for the repairs?\n\n"
        "**Ada Quist:** (01:31)\nThe county, as it has since the storm.\n"
    )
    doc = transcriptkit.parse(text)
    assert [(t.line, t.label, t.start) for t in doc.turns] == [
        (1, "Ada Quist", 0.0),
        (4, "Ada Quist", 34.0),
        (7, "Moss", 73.0),
        (10, "Ada Quist", 91.0),
    ]


def test_a_time_in_brackets_is_not_a_description() -> None:
    doc = transcriptkit.parse("Mr. ARNE VOSS (Ferry Captain): It was late.\n\nVOSS: Again.\n")
    assert doc.turns[0].label == "Mr. ARNE VOSS (Ferry Captain)"
    assert doc.turns[0].start is None


def test_a_chapter_list_with_times_is_not_a_dialogue() -> None:
    # Invented: an episode's chapter list, each title and its time, no words after them.
    text = "Chapters\n\nIntroduction  0:00\nThe Ferry  4:12\nThe Council  9:45\nGoodbye  15:02\n"
    assert [t.label for t in transcriptkit.parse(text).turns] == []
    assert [t.label for t in transcriptkit.parse(text, style="generic").turns] == []


def test_a_speech_service_letters_its_speakers() -> None:
    # Invented: `Speaker A` / `Speaker B`, as a recognition service exports its diarization.
    text = (
        "Speaker A: The tide tables were wrong all spring.\n\n"
        "Speaker B: Wrong by an hour, or more?\n\n"
        "Speaker A: By an hour, and nobody printed a correction.\n"
    )
    assert _labels(text) == ["Speaker A", "Speaker B", "Speaker A"]
    assert _labels("Speaker Ames: A one-word title is not a letter.\n") != ["Speaker Ames"]


def test_a_timed_heading_is_no_headline_however_rarely_its_name_speaks() -> None:
    # Invented: a time, then the name alone on its line; a third voice speaks twice only.
    turns = [
        ("Ines Calder", "Welcome back. Today the ferry, and the council that runs it."),
        ("Tomas Reel", "Thanks. The ferry has been late every morning this month."),
        ("Ines Calder", "We asked the council for an answer and waited a week."),
        ("Pia Lund", "I run the ticket office. The engine fails in the cold."),
        ("Tomas Reel", "So the answer is a new engine, and nobody will pay for it."),
        ("Pia Lund", "Somebody will have to. The winter is coming either way."),
        ("Ines Calder", "We will be back after this, with the mayor on the line."),
        ("Tomas Reel", "And I will be on the ferry, if it runs at all tomorrow."),
    ]
    text = "\n".join(f"00:0{i}:1{i} {name}\n{words}\n" for i, (name, words) in enumerate(turns))
    assert _labels(text) == [name for name, _ in turns]


def test_a_transcript_without_its_page_keeps_its_unlabelled_opening() -> None:
    # Invented: the host's opening, then labels; nothing of a page around it.
    opening = (
        "The ferry to Edda has not run on time since March, and the town has stopped "
        "waiting for it.\n\n"
        "Our reporter Tomas Reel spent a week on the dock.\n\n"
    )
    talk = "TOMAS REEL, BYLINE: The first boat left at nine.\n\nINES CALDER, HOST: Nine?\n"
    assert _labels(opening + talk) == [None, "TOMAS REEL, BYLINE", "INES CALDER, HOST"]
    # A page's headline above the same words makes them its teaser, not a turn.
    page = "Edda Ferry Still Late After Repairs\n\n" + opening + talk
    assert _labels(page) == ["TOMAS REEL, BYLINE", "INES CALDER, HOST"]


@pytest.mark.parametrize(
    "name",
    [
        "Ada de la Cruz",  # particles in lower case between the words
        "Vincent van der Berg",
        "Ludwig von Mises",
        "Abdul al-Rashid",  # ... or before a surname's hyphen or apostrophe
        "Ada d'Arcy",
        "Ada St. John",
        "Ada Quist Jr.",
    ],
)
@pytest.mark.parametrize(
    "shape", ["{name}: {words}", "**{name}** (00:05): {words}", "[{name}] {words}"]
)
def test_a_name_with_particles_or_a_suffix_labels_its_turns(name: str, shape: str) -> None:
    said = [
        (name, "Welcome back to the harbor hour, where we talk about boats."),
        ("Noor Bell", "Thanks. The ferry is running late again this week."),
        (name, "Late by how much? Listeners keep writing in about it."),
        ("Noor Bell", "Forty minutes most mornings, and the engine is old."),
    ]
    text = "".join(shape.format(name=n, words=w) + "\n\n" for n, w in said)
    doc = transcriptkit.parse(text)
    assert [(t.label, t.text) for t in doc.turns] == said
    assert doc.speaker_name(doc.turns[0]) == name.upper()


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("ADA QUIST - HOST", "host"),
        ("ADA QUIST -- CNN CORRESPONDENT", "reporter"),
        ("ADA QUIST — HOST", "host"),
        ("ADA QUIST [HOST]", "host"),
        ("Ada Quist - Host", "host"),
    ],
)
def test_a_role_after_a_dash_or_in_brackets_is_the_labels_role(label: str, role: str) -> None:
    text = (
        f"{label}: Welcome back to the harbor hour.\n\nNOOR BELL: Thanks, Ada. The ferry is late."
        "\n\nQUIST: How late?\n\nBELL: Forty minutes.\n"
    )
    t = transcriptkit.parse(text)
    assert [t.speaker_name(turn) for turn in t.turns] == [
        "ADA QUIST",
        "NOOR BELL",
        "ADA QUIST",
        "NOOR BELL",
    ]
    speaker = t.speaker(t.turns[0].speaker_id)
    assert speaker is not None and speaker.role == role


def test_words_after_a_dash_that_name_no_part_are_no_role() -> None:
    """In caption capitals, a dash before a colon is a sentence's, not a role's."""
    text = (
        "WE ARE BACK WITH MORE ON THE HARBOR STORY TONIGHT.\n"
        "WELL - THAT IS THE QUESTION: WHO PAYS FOR THE WALL?\n"
        "THE VOTE COMES NEXT MONTH.\n"
    )
    assert all(label is None for label in _labels(text))
