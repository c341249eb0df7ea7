"""One test per recognised shape, on invented lines: what the tokenizer calls each piece."""

from __future__ import annotations

import pytest

from transcriptkit import TokenKind, parse, rules, tokenize


def kinds(text: str) -> list[tuple[str, str]]:
    return [(t.kind.value, t.text) for t in tokenize(text)]


def label_fields(line: str) -> dict[str, str]:
    labels = [t for t in tokenize(line) if t.kind is TokenKind.LABEL]
    assert len(labels) == 1, [(t.kind, t.text) for t in tokenize(line)]
    return labels[0].fields


@pytest.mark.parametrize(
    ("line", "label", "name", "role"),
    [
        (
            "ODETTE VALLANCE, HOST: Good morning.",
            "ODETTE VALLANCE, HOST",
            "ODETTE VALLANCE",
            "HOST",
        ),
        ("PIM ARNESEN, BYLINE: The river rose.", "PIM ARNESEN, BYLINE", "PIM ARNESEN", "BYLINE"),
        ("VALLANCE: Thanks.", "VALLANCE", "VALLANCE", None),
        (
            "UNIDENTIFIED PERSON #1: Over here!",
            "UNIDENTIFIED PERSON #1",
            "UNIDENTIFIED PERSON #1",
            None,
        ),
        ("PRESIDENT JOE BIDEN: Folks, listen.", "PRESIDENT JOE BIDEN", "PRESIDENT JOE BIDEN", None),
        (
            "MARTIN LUTHER KING JR: I have a dream.",
            "MARTIN LUTHER KING JR",
            "MARTIN LUTHER KING JR",
            None,
        ),
        ("DANA O'HALLORAN, BYLINE: Yes.", "DANA O'HALLORAN, BYLINE", "DANA O'HALLORAN", "BYLINE"),
        ("JEAN-LUC ABARA-MOSS: Oui.", "JEAN-LUC ABARA-MOSS", "JEAN-LUC ABARA-MOSS", None),
        ("P.J. WINTERBOURNE: Right.", "P.J. WINTERBOURNE", "P.J. WINTERBOURNE", None),
        ("KEVIN McALLISTER: Hi.", "KEVIN McALLISTER", "KEVIN MCALLISTER", None),
        ("ROSA DeMARCO: Hi.", "ROSA DeMARCO", "ROSA DEMARCO", None),
        ("NEIL OKAFOR, host: Welcome back.", "NEIL OKAFOR, host", "NEIL OKAFOR", "host"),
        ("IDA SORN, guest: Thanks.", "IDA SORN, guest", "IDA SORN", "guest"),
        ("PIM ROY, moderator: Next.", "PIM ROY, moderator", "PIM ROY", "moderator"),
        ("Unidentified Man #2: No way.", "Unidentified Man #2", "UNIDENTIFIED MAN #2", None),
        ("Automated Voice: Please hold.", "Automated Voice", "AUTOMATED VOICE", None),
        ("Woman 2: Not here.", "Woman 2", "WOMAN 2", None),
        ("ADA de la CRUZ: Hola.", "ADA de la CRUZ", "ADA DE LA CRUZ", None),
        ("Caller #3: Hi, long time.", "Caller #3", "CALLER #3", None),
        (
            'ODA VANE, HARBOR "NIGHT DESK" CO-ANCHOR: Evening.',
            'ODA VANE, HARBOR "NIGHT DESK" CO-ANCHOR',
            "ODA VANE",
            'HARBOR "NIGHT DESK" CO-ANCHOR',
        ),
    ],
)
def test_modern_and_legacy_labels(line: str, label: str, name: str, role: str | None) -> None:
    fields = label_fields(line)
    assert fields["label"] == label
    assert fields["name"] == name
    assert fields.get("role") == role


def test_a_double_barrelled_o_surname_has_a_title_case_labels_shape() -> None:
    m = rules.LABEL.match("Tam O'Rourke-Hale: Hi.")
    assert m is not None
    assert (m["label"], m["titlename"]) == ("Tam O'Rourke-Hale", "Tam O'Rourke-Hale")


def test_legacy_label_with_honorific_and_quoted_description() -> None:
    fields = label_fields('Mr. HENRY PALLISTER (Author, "The Salt Roads: A Memoir"): Thank you.')
    assert fields["honorific"] == "Mr."
    assert fields["name"] == "HENRY PALLISTER"
    assert fields["description"] == 'Author, "The Salt Roads: A Memoir"'


@pytest.mark.parametrize("honorific", ["Ms.", "Mrs.", "Dr.", "Professor", "Governor", "MR."])
def test_legacy_honorifics_leave_the_name(honorific: str) -> None:
    fields = label_fields(f"{honorific} RUTH ABERNATHY (Tilden College): Indeed.")
    assert fields["name"] == "RUTH ABERNATHY"


def test_caller_and_group_labels() -> None:
    assert label_fields("GLORIA (Caller): Hi, Neil.")["description"] == "Caller"
    group = label_fields("THE MARIGOLD & THE FENCES (Music Group): (Singing) Oh la.")
    assert group["name"] == "THE MARIGOLD & THE FENCES"


def test_label_alone_on_its_line() -> None:
    tokens = tokenize("ANNA PRZYBYLSKI, HOST:\n\nThe words come here.\n")
    assert [t.kind for t in tokens[:2]] == [TokenKind.LABEL, TokenKind.TEXT]
    assert tokens[1].text == "\n"


def test_markup_and_id_before_a_label() -> None:
    assert kinds("<p>IRA WELLES, HOST: Hi.")[:2] == [
        ("markup", "<p>"),
        ("label", "IRA WELLES, HOST:"),
    ]
    assert kinds("[s0011] ROB KLINE, HOST: Hi.")[:2] == [
        ("markup", "[s0011] "),
        ("label", "ROB KLINE, HOST:"),
    ]


def test_label_wrapped_over_two_lines() -> None:
    text = "Mr. BARNABY OKONKWO (Director, Institute for Coastal\nStudies): We measure tides.\n"
    label = next(t for t in tokenize(text) if t.kind is TokenKind.LABEL)
    assert label.line == 1
    assert label.fields["name"] == "BARNABY OKONKWO"
    assert label.fields["description"] == "Director, Institute for Coastal Studies"


def test_a_dateline_is_not_the_start_of_the_label_under_it() -> None:
    # Invented: `PLACE, STATE` has a label's shape, but the next line opens with a label the
    # document prints again on its own: two lines, not one label wrapped over them.
    text = (
        "TARNBY, MAINE\nTHE MODERATOR: Good evening.\n"
        "GALE ODOM: Thank you.\nTHE MODERATOR: We begin.\n"
    )
    t = parse(text)
    assert [(turn.line, turn.label) for turn in t.turns] == [
        (2, "THE MODERATOR"),
        (3, "GALE ODOM"),
        (4, "THE MODERATOR"),
    ]


def test_replacement_character_inside_a_label() -> None:
    fields = label_fields("Mr.\ufffdCOLIN FERRIS (Actor): Lovely.")
    assert fields["name"] == "COLIN FERRIS"


@pytest.mark.parametrize(
    ("line", "inner", "kind"),
    [
        ("(SOUNDBITE OF ARCHIVED RECORDING)", "SOUNDBITE OF ARCHIVED RECORDING", "soundbite"),
        ('(SOUNDBITE OF SONG, "PAPER LANTERNS")', 'SOUNDBITE OF SONG, "PAPER LANTERNS"', "music"),
        ("(Soundbite of music)", "Soundbite of music", "music"),
        ("(Soundbite of laughter).", "Soundbite of laughter", "laughter"),
        ("(LAUGHTER)", "LAUGHTER", "laughter"),
        ("(APPLAUSE)", "APPLAUSE", "applause"),
        ("(BEGIN VIDEO CLIP)", "BEGIN VIDEO CLIP", "clip_start"),
        ("(END VIDEO CLIP)", "END VIDEO CLIP", "clip_end"),
        ("(COMMERCIAL BREAK)", "COMMERCIAL BREAK", "break"),
    ],
)
def test_standalone_cues(line: str, inner: str, kind: str) -> None:
    (token,) = tokenize(line)
    assert token.kind is TokenKind.CUE
    assert token.fields == {"inner": inner, "cue_kind": kind}


def test_a_parenthesised_sentence_is_not_a_cue() -> None:
    (token,) = tokenize("(This is part two of a series. Part one ran last week.)")
    assert token.kind is TokenKind.TEXT


@pytest.mark.parametrize(
    "note",
    [
        "(LAUGHTER)",
        "(ph)",
        "(Singing)",
        "(As Dorothy)",
        "(Through interpreter)",
        "(Foreign language spoken)",
        "(Unintelligible)",
        "[emphasis added]",
    ],
)
def test_inline_notes(note: str) -> None:
    tokens = tokenize(f"VALE: I went to Skellig {note} and back.")
    notes = [t for t in tokens if t.kind is TokenKind.NOTE]
    assert [t.text for t in notes] == [note]


def test_a_parenthetical_aside_in_speech_stays_words() -> None:
    tokens = tokenize("VALE: The ferry (the old one, anyway) was late.")
    assert not [t for t in tokens if t.kind is TokenKind.NOTE]


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("NPR logo", "logo"),
        ("  • Download", "player"),
        ('  • <iframe src="" width="100%" title="NPR embedded audio player">', "player"),
        ("  • Transcript", "player"),
        ("  • Playlist", "player"),
        ("  • Embed", "player"),
        ("Copyright © 2025 NPR. All rights reserved.", "copyright"),
        ("NPR transcripts are created on a rush deadline by an NPR contractor.", "disclaimer"),
        ("Please keep your community civil. All comments must follow the rules.", "comments"),
        ("Harbor seals on a jetty. Ana Ruiz/NPR hide caption", "caption"),
        ("toggle caption", "caption"),
        ("Play Live Radio", "station"),
        ("0:00 0:00", "station"),
        ("ADVERTISEMENT", "chrome"),
        ("Skip Advertisement", "chrome"),
        ("Continue reading below", "chrome"),
        ("Share this article", "chrome"),
        ("Leave a Reply", "comments"),
        ("Read 214 Comments", "comments"),
        ("Sponsored Content", "chrome"),
        ("Read Next", "chrome"),
        ("Sign up for our newsletter", "chrome"),
        ("Printable version", "chrome"),
        ("412 Followers", "chrome"),
        ("Responses (4)", "comments"),
        ("This interview has been condensed and edited.", "transcript-notice"),
        ("Please Note: This transcript is not edited.", "transcript-notice"),
        ("This program aired on October 3, 2023.", "transcript-notice"),
        ("Support for this program comes from the Harbor Fund.", "station"),
        ("Imani Drew/KPLT", "photo-credit"),
        ("Dana Pell/for Harbor Radio", "photo-credit"),
        ("Ada Quist / Harbor Press", "photo-credit"),
        ("Meeting ended after 00:25:12", "meeting-end"),
        ("Ada Quist stopped transcription", "meeting-end"),
        ("# # #", "end-mark"),
        ("-30-", "end-mark"),
        ("END", "end-mark"),
    ],
)
def test_page_furniture(line: str, rule: str) -> None:
    (token,) = tokenize(line)
    assert (token.kind, token.rule) == (TokenKind.FURNITURE, rule)


@pytest.mark.parametrize(
    ("line", "value"),
    [
        (" date 2024-03-26 ", "2024-03-26"),
        ("Published on September 8, 2025", "September 8, 2025"),
        ("Fri November 8, 2013", "November 8, 2013"),
        ("Aired March 3, 2006 - 20:00 ET", "March 3, 2006"),
    ],
)
def test_date_headers(line: str, value: str) -> None:
    (token,) = tokenize(line)
    assert token.kind is TokenKind.HEADER
    assert token.fields["field"] == "date"
    assert token.fields["value"].endswith(value)


def test_correction_header() -> None:
    (token,) = tokenize("[POST-BROADCAST CORRECTION: The bridge opened in 1931.]")
    assert token.kind is TokenKind.HEADER
    assert token.fields == {
        "field": "correction",
        "value": "POST-BROADCAST CORRECTION: The bridge opened in 1931.",
    }


def test_repeated_headline_is_the_title_and_its_run_in_teaser_a_header() -> None:
    text = (
        "Salt Roads Revisited A writer retraces a route.\nNPR logo\n\nSalt Roads Revisited\n"
        "  • Download\nSalt Roads Revisited\n\nThis is WEEKEND EDITION.\n"
    )
    headers = [
        (t.line, t.fields["field"], t.fields.get("repeats"), t.fields.get("teaser"))
        for t in tokenize(text)
        if t.kind is TokenKind.HEADER
    ]
    # The tokenizer marks the facts; metadata.py picks the title from them.
    assert headers == [
        (1, "teaser", None, None),
        (4, "heading", "2", "1"),
        (6, "heading", "2", "1"),
    ]


def test_a_title_case_field_is_not_a_label_but_a_title_case_name_that_recurs_is() -> None:
    page = "Job Title: Host\n\nTwitter Handle: @someone\n"
    assert not [t for t in tokenize(page) if t.kind is TokenKind.LABEL]
    talk = "Marta Quill: Hello.\n\nOwen Pell: Hi.\n\nMarta Quill: Ready?\n"
    assert len([t for t in tokenize(talk) if t.kind is TokenKind.LABEL]) == 3


def test_turns_run_together_on_one_line() -> None:
    text = (
        "The search goes on. SACHA LIND, HOST: More than a week. ROBIN ALDE, BYLINE: Yes. LIND: OK."
    )
    labels = [t.fields["label"] for t in tokenize(text) if t.kind is TokenKind.LABEL]
    assert labels == ["SACHA LIND, HOST", "ROBIN ALDE, BYLINE", "LIND"]


def test_a_label_glued_to_chrome_starts_a_turn_only_for_a_name_the_document_labels() -> None:
    text = (
        "Read about our station's underwritersINGRID HOLM: Good evening.\n"
        "The studio shop sells the ZipperPHONE X: a phone for sailors and their families.\n"
        "INGRID HOLM: Welcome back.\n"
    )
    tokens = tokenize(text)
    labels = [(t.line, t.fields["label"]) for t in tokens if t.kind is TokenKind.LABEL]
    assert labels == [(1, "INGRID HOLM"), (3, "INGRID HOLM")]  # `PHONE X` is labelled nowhere
    chrome = [t.text for t in tokens if t.rule == "glued-chrome"]
    assert chrome == ["Read about our station's underwriters"]


def test_a_wrapped_line_with_a_name_and_colon_is_not_split() -> None:
    text = "MAYA ROE: She said the storm. NEW HAMPSHIRE: the state.\nNext line. MAYA ROE: again.\n"
    labels = [(t.line, t.fields["label"]) for t in tokenize(text) if t.kind is TokenKind.LABEL]
    assert labels[0] == (1, "MAYA ROE")
    assert (2, "MAYA ROE") not in labels


def test_tokens_cover_the_input_exactly() -> None:
    text = "NPR logo\r\n\r\nKELLY: Hi (LAUGHTER) there.\r\n(APPLAUSE)\r\n\xa0\r\nend"
    tokens = tokenize(text)
    read = text.replace("\xa0", " ")  # a no-break space is read as a space, one for one
    assert "".join(t.text for t in tokens) == read
    assert all(read[t.start : t.end] == t.text for t in tokens)


def test_front_matter_is_fields_from_fence_to_fence_and_only_on_the_first_line() -> None:
    text = (
        '---\ntitle: A Winter Plan\nguests: ["Tove Arnesen"]\nnotes:\n  - fuel\n---\n\n'
        "Ada Quist: Hello there.\n"
    )
    tokens = tokenize(text)
    by_line = {t.line: t for t in tokens if t.kind is not TokenKind.BLANK}
    assert [by_line[n].rule for n in range(1, 7)] == [
        "front-matter",
        "front_matter",
        "front-matter",
        "front-matter",
        "front-matter",
        "front-matter",
    ]
    assert by_line[2].fields["value"] == "A Winter Plan"
    # Not closed, or not on the first line: a `---` rule and words, as before.
    unclosed = tokenize("---\nguests: Tove Arnesen and Ada Quist went out.\n")
    assert [t.rule for t in unclosed if t.line == 1] == ["rule"]
    later = tokenize("Hello.\n---\nguests: Tove\n---\n")
    assert "front-matter" not in {t.rule for t in later}


def test_a_table_about_speakers_is_not_a_table_of_turns() -> None:
    text = (
        "| speaker | start | end | words |\n|---|---|---|---|\n"
        "| ADA QUIST | 0:00:00.000 | 0:00:07.200 | 14 |\n"
        "| MARCUS FENN | 0:00:07.980 | 0:07:08.400 | 748 |\n"
    )
    tokens = tokenize(text)
    assert not [t for t in tokens if t.kind is TokenKind.LABEL]
    assert "table-head" not in {t.rule for t in tokens}  # its lines are left as they were


def test_a_title_case_name_before_capitals_is_a_label_only_after_a_time() -> None:
    said = "Ada Quist WELCOME BACK TO THE HARBOUR CLUB, EVERYONE.\n"
    assert [
        t.fields["name"] for t in tokenize("00:00:05 " + said) if t.kind is TokenKind.LABEL
    ] == ["ADA QUIST"]
    for text in (said, "00:00:05 Ada Quist welcomed everyone back to the harbour club.\n"):
        assert not [t for t in tokenize(text) if t.kind is TokenKind.LABEL]


def test_the_words_after_the_comments_begin_are_no_turns_words() -> None:
    text = (
        "ADA QUIST: Welcome.\n\nADVERTISEMENT\n\nOTTO BRANDT: Thanks.\n\n"
        "Leave a Reply\n\nGreat show, loved it.\n"
    )
    t = parse(text)
    assert [turn.text for turn in t.turns] == ["Welcome.", "Thanks."]


def test_a_parliaments_honourable_members_are_labels() -> None:
    text = (
        "Hon. Ada Quist (Harbourside, Lib.): Mr. Speaker, the ferry is late again.\n\n"
        "Right Hon. Otto Brandt (Prime Minister): Mr. Speaker, it is on its way.\n\n"
        "Hon. Ada Quist: It has been on its way for a year.\n"
    )
    t = parse(text)
    assert [(turn.line, t.speaker_name(turn)) for turn in t.turns] == [
        (1, "ADA QUIST"),
        (3, "OTTO BRANDT"),
        (5, "ADA QUIST"),
    ]


def test_a_release_ends_on_its_end_mark() -> None:
    text = "MS. ODELL: Thank you all.\n\n# # #\n\nTAGS Office of the Spokesperson\n"
    (turn,) = parse(text).turns
    assert turn.text == "Thank you all."


@pytest.mark.parametrize(
    ("html", "words"),
    [
        ("<p>ADA QUIST, HOST: It rained,<br>then it poured.</p>\n", "It rained, then it poured."),
        ("<p>ADA QUIST: Yes<br/>and no.</p>\n", "Yes and no."),
        ("<p>ADA QUIST: One.</p>Two.\n", "One. Two."),
        ("<li>ADA QUIST: First</li><li>second</li>\n", "First second"),
        ("<p>ADA QUIST: A <i>fine</i>day.</p>\n", "A fineday."),  # an inline tag is no break
    ],
)
def test_a_line_breaking_tag_between_words_parts_them(html: str, words: str) -> None:
    for page in (html, f"<html><body>\n{html}</body></html>\n"):
        (turn,) = parse(page).turns
        assert turn.text == words


def test_an_html_page_with_several_blocks_on_a_line_reads_each_block() -> None:
    text = (
        "<html><body><p>ADA QUIST, HOST: Good morning.</p>\n"
        "<p>NOOR BELCASTRO: Thanks, Ada.</p><p>QUIST: Bye.</p></body></html>\n"
    )
    t = parse(text)
    assert [(turn.line, t.speaker_name(turn)) for turn in t.turns] == [
        (1, "ADA QUIST"),
        (2, "NOOR BELCASTRO"),
        (2, "ADA QUIST"),
    ]


def _wrapped(lines: list[str]) -> str:
    """`lines` as a page's text with each line in its own `<p>` block."""
    return "".join(f"<p>{line}</p>\n" for line in lines)


def test_a_page_with_every_line_in_its_block_tags_reads_as_the_lines() -> None:
    """A scraped page keeps its `<p>` around every line: the headline, a label whose
    colon the closing tag follows, a stage cue and the words all read past the tags."""
    t = parse(
        _wrapped(
            [
                "The Ferry Question In Port Alder",
                "MARTA QUELL, HOST:",
                "Good evening. The ferry is late again, and the town has noticed.",
                "(SOUNDBITE OF FOGHORN)",
                "OTTO BRANDT: Forty minutes most mornings. The engine is older than I am.",
                "QUELL: And the new one?",
            ]
        )
    )
    assert t.kind == "transcript"
    assert t.metadata.title == "The Ferry Question In Port Alder"
    assert [(turn.line, t.speaker_name(turn)) for turn in t.turns] == [
        (2, "MARTA QUELL"),
        (5, "OTTO BRANDT"),
        (6, "MARTA QUELL"),
    ]
    assert t.turns[0].text == "Good evening. The ferry is late again, and the town has noticed."
    assert [c.text for c in t.cues] == ["SOUNDBITE OF FOGHORN"]


def test_a_name_alone_in_its_block_tags_is_a_speaker_heading() -> None:
    said = [
        "Welcome back to the harbor hour, where we talk about boats and tides.",
        "Thanks, Ines. The ferry is running late again this week, as ever.",
        "Late by how much? Listeners keep writing in about it, every week.",
        "Forty minutes most mornings. The engine is older than I am, Ines.",
    ]
    names = ["Ines Calder", "Noor Bellweather"] * 2
    lines = [line for name, words in zip(names, said, strict=True) for line in (name, words)]
    t = parse(_wrapped(lines))
    assert [(turn.line, t.speaker_name(turn), turn.text) for turn in t.turns] == [
        (1, "INES CALDER", said[0]),
        (3, "NOOR BELLWEATHER", said[1]),
        (5, "INES CALDER", said[2]),
        (7, "NOOR BELLWEATHER", said[3]),
    ]


def test_a_house_style_reads_its_labels_past_the_block_tags() -> None:
    """The hearing style's evidence and its `Mr. NAME.` labels, at the start of a line past
    its `<p>` as past an indent."""
    t = parse(
        _wrapped(
            [
                "Mr. QUELLWOOD. Mr. Chairman, I thank you for the time this morning.",
                "The CHAIRMAN. The gentleman from the harbor district is recognized.",
                "Mr. QUELLWOOD. The locks are failing, and the repairs cannot wait.",
            ]
        )
    )
    assert t.metadata.style == "hearing"
    assert [t.speaker_name(turn) for turn in t.turns] == [
        "QUELLWOOD",
        "THE CHAIRMAN",
        "QUELLWOOD",
    ]


def test_a_repeated_headline_in_its_block_tags_is_the_heading_and_its_teaser() -> None:
    headline = "Harbor Board Weighs The Sea Wall Plan"
    text = _wrapped(
        [
            f"{headline} The board met on Tuesday night to weigh the plan once more.",
            headline,
            "MARTA QUELL, HOST: Good evening. The board met again last night.",
            "OTTO BRANDT: It did, and it argued for three hours about the wall.",
        ]
    )
    head = [t for t in tokenize(text) if t.line <= 2 and t.kind is not TokenKind.TEXT]
    assert [(t.line, t.kind, t.rule) for t in head] == [
        (1, TokenKind.HEADER, "teaser"),
        (2, TokenKind.HEADER, "heading"),
    ]
    assert head[1].fields["value"] == headline


def test_prose_in_block_tags_is_an_article_not_markup() -> None:
    paragraphs = [
        "The harbor board met on Tuesday night to weigh the sea wall plan once more, and "
        "again it put off a vote.",
        "Members said the engineers had not yet answered the questions raised in the spring "
        "about the cost of the work.",
        "The chair said a vote would come before the winter storms, though she would not name "
        "a date for it.",
    ]
    t = parse(_wrapped(paragraphs))
    assert t.kind == "article"
    assert [p.text for p in t.paragraphs] == paragraphs


def test_a_lower_case_role_after_a_name_is_its_own_turn() -> None:
    text = (
        "ADA QUIST, host: Welcome in.\n\nNOOR BELCASTRO, guest: Glad to be here.\n\n"
        "QUIST: Tell us more.\n"
    )
    t = parse(text)
    assert [t.speaker_name(turn) for turn in t.turns] == [
        "ADA QUIST",
        "NOOR BELCASTRO",
        "ADA QUIST",
    ]


def test_an_indented_paragraph_is_words_and_an_indented_label_still_a_label() -> None:
    lines = [
        "The harbour board met on Tuesday night to weigh the sea wall plan once more.",
        "Most of the fishermen who came to speak were against it, and said so at length.",
    ]
    doc = parse("Notes from the harbour\n\n" + "".join(f"  {line}\n\n" for line in lines))
    assert (doc.kind, [p.text for p in doc.paragraphs]) == ("article", lines)
    tokens = tokenize("ODA PELL: Hi.\n  ADA QUIST: Hello.\n")
    assert [t.kind for t in tokens][2:4] == [TokenKind.MARKUP, TokenKind.LABEL]


@pytest.mark.parametrize("given", ["Jean-Luc", "Ada", "Stephen J."])
def test_given_names_in_mixed_case_before_a_surname_in_capitals(given: str) -> None:
    # `Stephen J. DUBNER:` as some podcast sites print a first label; a given name with a
    # hyphen and a capital after it is a given name too.
    labels = [t for t in tokenize(f"{given} VOSSBERG: Welcome to the show.\n")]
    assert labels[0].kind is TokenKind.LABEL
    assert labels[0].fields["name"] == f"{given} VOSSBERG".upper()
