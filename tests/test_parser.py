"""The parser on invented documents: speakers, roles, turns, spans, metadata, kinds."""

from __future__ import annotations

import datetime as dt

from transcriptkit import parse

INTERVIEW = """\
ODETTE VALLANCE, HOST:

Good morning. The harbor flooded again overnight.

PIM ARNESEN, BYLINE: It did (LAUGHTER), and the ferry stopped.

VALLANCE: For how long?

(SOUNDBITE OF ARCHIVED RECORDING)

ARNESEN: Two days.
"""


def test_short_labels_resolve_and_inherit_the_role() -> None:
    t = parse(INTERVIEW)
    assert [(t.speaker_name(x), x.role, x.label) for x in t.turns] == [
        ("ODETTE VALLANCE", "host", "ODETTE VALLANCE, HOST"),
        ("PIM ARNESEN", "reporter", "PIM ARNESEN, BYLINE"),
        ("ODETTE VALLANCE", "host", "VALLANCE"),
        ("PIM ARNESEN", "reporter", "ARNESEN"),
    ]
    vallance = t.speakers[0]
    assert vallance.labels == ["ODETTE VALLANCE, HOST", "VALLANCE"]


def test_label_alone_on_its_line_takes_the_next_paragraph() -> None:
    first = parse(INTERVIEW).turns[0]
    assert first.line == 1
    assert first.text == "Good morning. The harbor flooded again overnight."


def test_inline_notes_leave_the_text_and_keep_their_offset() -> None:
    turn = parse(INTERVIEW).turns[1]
    assert turn.text == "It did, and the ferry stopped."
    (note,) = turn.cues
    assert (note.text, note.kind, note.offset) == ("LAUGHTER", "laughter", len("It did"))
    assert INTERVIEW[note.span.start : note.span.end] == "(LAUGHTER)"


def test_spans_point_at_the_source() -> None:
    t = parse(INTERVIEW)
    for turn in t.turns:
        source = INTERVIEW[turn.span.start : turn.span.end]
        assert source.startswith(turn.label or "")
    (cue,) = t.cues
    assert (cue.line, cue.kind, cue.text) == (9, "soundbite", "SOUNDBITE OF ARCHIVED RECORDING")
    assert INTERVIEW[cue.span.start : cue.span.end] == "(SOUNDBITE OF ARCHIVED RECORDING)"


def test_legacy_honorific_variants_are_one_speaker() -> None:
    text = (
        "NEIL OKAFOR, host:\n\nWelcome.\n\n"
        "Mr. DESMOND McGRATH (Ferry Captain): Thanks.\n\n"
        "MR. McGRATH: Really.\n\nMr. MCGRATH: Truly.\n"
    )
    t = parse(text)
    assert [t.speaker_name(x) for x in t.turns] == ["NEIL OKAFOR"] + ["DESMOND MCGRATH"] * 3
    assert t.speakers[1].description == "Ferry Captain"


def test_two_people_sharing_a_surname_are_never_confused() -> None:
    text = (
        "ALAN FROST, HOST: Hi.\n\nMAREN ELLIS FROST, HOST: Hello.\n\n"
        "ELLIS FROST: So.\n\nFROST: Well.\n"
    )
    t = parse(text)
    names = [t.speaker_name(x) for x in t.turns]
    assert names == ["ALAN FROST", "MAREN ELLIS FROST", "MAREN ELLIS FROST", "FROST"]
    (warning,) = [d for d in t.diagnostics if d.code == "ambiguous-label"]
    assert warning.line == 7
    assert "most likely ALAN FROST" in warning.message


def test_a_one_letter_slip_in_a_surname_resolves_with_a_diagnostic() -> None:
    t = parse("STEVE PROFFITT, BYLINE: Here.\n\nPROFITT: Again.\n")
    assert t.speaker_name(t.turns[1]) == "STEVE PROFFITT"
    assert t.turns[1].role == "reporter"
    assert any(d.code == "near-match-label" and d.line == 3 for d in t.diagnostics)


def test_unlabeled_opening_is_a_turn_without_speaker() -> None:
    text = (
        "NPR logo\n\nA Night On The Ferry\n\n  • Download\n  • Transcript\n\n\n"
        "This is TALK OF THE NATION. I'm Neal Conan in Washington.\n\n"
        "Tonight, ferries.\n\nMs. IDA PRENTISS (Ferry Historian): Thank you, Neal.\n"
    )
    t = parse(text)
    first = t.turns[0]
    assert (first.line, first.label, first.speaker_id) == (9, None, None)
    assert first.paragraphs == [
        "This is TALK OF THE NATION. I'm Neal Conan in Washington.",
        "Tonight, ferries.",
    ]
    assert t.metadata.program == "TALK OF THE NATION"
    assert t.metadata.title == "A Night On The Ferry"


def test_a_teaser_before_the_first_label_is_not_a_turn() -> None:
    text = (
        " date 2025-02-03 \n\nA storm closed the port, officials said.\n\n"
        "ODETTE VALE, HOST:\n\nHi.\n"
    )
    t = parse(text)
    assert [x.line for x in t.turns] == [5]
    assert t.metadata.date == dt.date(2025, 2, 3)


def test_text_hygiene_in_text_not_in_spans() -> None:
    text = "KELLY: It\ufffds a \u201cbig\u201d\xa0day  \r\n"
    turn = parse(text).turns[0]
    assert turn.text == 'It\'s a "big" day'
    assert text[turn.span.start : turn.span.end] == "KELLY: It\ufffds a \u201cbig\u201d\xa0day"


def test_article_full_of_quotations_is_an_article() -> None:
    prose = (
        '"We were never told," said Marta Quill, a farmer whose fields flooded twice this year, '
        "adding that the county had promised a new levee.\n\n"
        'The county engineer, Ohan Petrosyan, said the money ran out. "We did what we could," '
        "he said in an interview at his office on Tuesday afternoon.\n\n"
    )
    t = parse("River Towns Wait For A Levee\n\n" + prose)
    assert t.kind == "article"
    assert not t.turns
    assert [p.line for p in t.paragraphs] == [3, 5]
    assert t.metadata.title == "River Towns Wait For A Levee"


def test_a_listing_is_other() -> None:
    text = "Morning Edition\n\nHeadlines\n\nFerry Strike Ends\nJune 2, 2025\n\nLoad more\n"
    t = parse(text)
    assert t.kind == "other"
    assert t.metadata.title is None and t.metadata.date is None


def test_corrections_go_to_metadata() -> None:
    text = "KELLY: Hi.\n\n[POST-BROADCAST CORRECTION: The bridge opened in 1931.]\n"
    t = parse(text)
    assert t.metadata.corrections == ["POST-BROADCAST CORRECTION: The bridge opened in 1931."]
    assert not t.cues


def test_nothing_after_the_closing_notice_leaks_into_turns() -> None:
    text = (
        "KELLY: Bye.\n\nCopyright © 2025 NPR. All rights reserved.\n\n"
        "Please keep your community civil.\n\nSome later page text.\n"
    )
    t = parse(text)
    assert t.turns[-1].text == "Bye."
    assert any(d.code == "after-end" and d.line == 7 for d in t.diagnostics)


def test_empty_and_blank_input() -> None:
    for text in ("", "\n\n", "   "):
        t = parse(text)
        assert t.kind == "other"
        assert not t.turns


def test_a_time_stamp_alone_after_a_label_times_its_turn() -> None:
    """`Speaker 0: 00:00:45` with the words in the next paragraph: the stamp is the turn's
    start (invented text, the shape of show-notes transcripts)."""
    text = (
        "Speaker 0: 00:00:45\n\nWelcome back to the garden hour, everyone.\n\n"
        "Speaker 1: 00:01:05\n\nThanks for having me, it is good to be here.\n\n"
        "Speaker 0: 1:02:07\n\nAnd that is our show.\n"
    )
    t = parse(text)
    assert [turn.start for turn in t.turns] == [45.0, 65.0, 3727.0]
    assert [turn.label for turn in t.turns] == ["Speaker 0", "Speaker 1", "Speaker 0"]


def test_a_video_transcript_copied_with_each_time_over_its_words_is_speech() -> None:
    # Invented: a video page's transcript as copied, each time alone over its line.
    text = (
        "0:00\nokay so the kettle goes on first\n0:04\nthen we wait for the\n0:09\nwater to boil\n"
    )
    t = parse(text)
    assert t.kind == "transcript"
    (turn,) = t.turns
    assert (turn.line, turn.label, turn.start) == (2, None, 0.0)
    words = "okay so the kettle goes on first then we wait for the water to boil"
    assert " ".join(turn.text.split()) == words


def test_one_time_over_a_line_is_not_a_video_transcript() -> None:
    t = parse("0:00\nokay so the kettle goes on first\n")
    assert t.turns == []
    # ... nor is a log of clock times over its entries
    log = "09:14\nDeployed the new build.\n09:40\nRolled it back again.\n10:02\nFixed it.\n"
    assert parse(log).turns == []


def test_a_character_reference_after_the_colon_is_a_space() -> None:
    # Invented: a scraped page's `&nbsp;` after each label, `&#8217;` in the words.
    text = (
        "Ines Moll:&nbsp;I&#8217;m glad you came.\nOtto Brandt:&nbsp;So am I.\n"
        "Ines Moll:&nbsp;Shall we?\nOtto Brandt:&nbsp;Yes.\n"
    )
    t = parse(text)
    assert [(turn.label, turn.text) for turn in t.turns] == [
        ("Ines Moll", "I'm glad you came."),
        ("Otto Brandt", "So am I."),
        ("Ines Moll", "Shall we?"),
        ("Otto Brandt", "Yes."),
    ]
    assert text[t.turns[0].span.start : t.turns[0].span.end].endswith("I&#8217;m glad you came.")


def test_words_an_audience_applauds_are_spoken_without_a_label() -> None:
    # Invented: a speech page, no label, an audience's applause between the paragraphs.
    prose = "We built this pier with our own hands, and it will outlast every one of us."
    more = "So let us walk out to the end of it together, and look back at the town."
    text = f"# Remarks at the Pier\n\n{prose}\n\n(APPLAUSE)\n\n{more}\n\n(LAUGHTER)\n"
    t = parse(text)
    assert t.kind == "transcript"
    (turn,) = t.turns
    assert (turn.line, turn.label) == (3, None)
    assert [c.line for c in t.cues] == [5, 9]
    # one cue may be an article's aside
    assert parse(f"# Remarks at the Pier\n\n{prose}\n\n(APPLAUSE)\n\n{more}\n").kind == "article"


def test_a_headline_in_sentence_case_is_no_spoken_opening() -> None:
    text = "Ferries stop for the winter\n\nIDA BERG, HOST: Good evening.\n\nOLE VANG: Evening.\n"
    assert [turn.line for turn in parse(text).turns] == [3, 5]
    spoken = "Good evening, and welcome.\n\nIDA BERG, HOST: Good evening.\n\nOLE VANG: Evening.\n"
    assert [turn.line for turn in parse(spoken).turns] == [1, 3, 5]


def test_a_photo_caption_under_the_transcript_heading_is_no_opening() -> None:
    text = (
        "Transcript\n\nA keeper climbs the lighthouse stairs at dawn.\nOda Pell/for Harbor Radio\n"
        "hide caption\ntoggle caption\nOda Pell/for Harbor Radio\n\n"
        "IDA BERG, HOST: The keepers are back.\n\nOLE VANG, BYLINE: They are.\n"
    )
    assert [turn.line for turn in parse(text).turns] == [9, 11]
