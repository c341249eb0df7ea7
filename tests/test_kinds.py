"""The document's kind from its evidence (kinds.py), on invented documents: one test per
kind rule, and the rule reported in the `kind` diagnostic."""

from __future__ import annotations

from transcriptkit import parse
from transcriptkit.kinds import RULES


def _rule(text: str) -> str:
    note = next(d for d in parse(text).diagnostics if d.code == "kind")
    return note.message.split("'")[1]


def test_every_rule_has_a_name_a_kind_and_a_reason() -> None:
    names = [name for name, _, _, _ in RULES]
    assert len(names) == len(set(names))
    assert {kind for _, kind, _, _ in RULES} == {"transcript", "article", "other"}
    assert names[-1] == "nothing-written"


def test_a_story_quoting_a_call_is_an_article() -> None:
    text = (
        "Night Clerk Dozes Through A Call\n\n"
        "A motel clerk in Pellow County fell asleep while a guest called the front desk, "
        "the county said on Monday.\n\n"
        'Caller: "Hello? Is anyone there?"\n\n'
        "Clerk: (snoring)\n\n"
        'Caller: "I need a towel, please."\n\n'
        "The call lasted four minutes before a second clerk picked up the line.\n\n"
        'Caller: "Finally, thank you."\n\n'
        'Second Clerk: "Sorry about that, sir."\n'
    )
    t = parse(text)
    assert t.kind == "article"
    assert not t.turns and not t.speakers
    assert t.paragraphs[0].line == 3
    assert _rule(text) == "quoted-dialogue"


def test_labelled_speech_is_a_transcript_even_when_quoted_once() -> None:
    text = (
        'MARA VOSS: He told me, "Come back tomorrow."\n\n'
        "OTTO LINDQVIST: And did you?\n\n"
        "MARA VOSS: I did, the next morning at six.\n"
    )
    t = parse(text)
    assert t.kind == "transcript"
    assert _rule(text) == "labelled"


def test_a_blog_post_in_the_first_person_is_an_article() -> None:
    """`I'm guessing ...` is no host's opening: `I'm` opens a show when a name follows."""
    text = (
        "Thursday, May 8, 2025\n\n"
        "Making A Garden Podcast, Part Two\n\n"
        "I'm guessing a few readers wondered where the second part went. Moving house took "
        "longer than the recording did, and the microphone stayed in a box for a month.\n\n"
        "This time the subject is notes: what to write down before you press record.\n"
    )
    t = parse(text)
    assert t.kind == "article"
    assert not t.turns


def test_a_network_then_the_opening_starts_the_narration() -> None:
    text = (
        "From Harbor Radio, you're listening to Tide Tables, the show about the sea. "
        "I'm Wren and with me is Piet.\n\n"
        "Hi, Wren. Today we talk about the spring tides and why they come twice a month.\n"
    )
    t = parse(text)
    assert t.kind == "transcript"
    assert [(u.line, u.label) for u in t.turns] == [(1, None)]
    assert _rule(text) == "narration"


def test_a_schedule_of_times_of_day_is_other() -> None:
    text = (
        "Channel Four Schedule\n\n"
        "09:00 PM PDT Approx. 2 hr. Evening Forum. Lawmakers and guests discuss the week's "
        "bills, the budget vote and the new harbour plan, live from the capitol.\n\n"
        "11:00 PM PDT Approx. 1 hr. Late Desk. The day's news and the weather for tomorrow, "
        "with reports from the coast and the mountain towns.\n"
    )
    t = parse(text)
    assert t.kind == "other"
    assert not t.turns


def test_a_specification_with_examples_is_other() -> None:
    text = (
        "## JSON\n\n"
        "The JSON form holds the segments of a transcript, each with its speaker.\n\n"
        "```json\n"
        "{\n"
        '"speaker": "Ilse",\n'
        '"start": 0.5,\n'
        '"body": "Hello"\n'
        "}\n"
        "```\n"
    )
    t = parse(text)
    assert t.kind == "other"
    assert _rule(text) == "code"


def test_a_line_printed_under_every_item_makes_a_listing() -> None:
    item = (
        "{title}\n\n"
        "The harbour board met again on {day} and talked for hours about the ferry fares, "
        "the new pier and the fishermen's complaints about the parking.\n\n"
        "AUDIO | PHOTOS | MAP\n\n"
    )
    text = "".join(
        item.format(title=title, day=day)
        for title, day in (("fares rise", "Monday"), ("pier delayed", "Tuesday"))
    ) + item.format(title="parking fight", day="Friday")
    t = parse(text)
    assert t.kind == "other"
    assert _rule(text) == "repeated-items"


def test_dates_between_teasers_make_a_listing() -> None:
    text = (
        "The ferry fares rise again this spring, and the riders are not pleased about it "
        "at all, the board heard.\n\n"
        "The board says the fuel costs more than it did, and the boats are old.\n\n"
        "Mar 3, 2024\n\n"
        "The new pier will open a year late, the builders told the harbour board on a "
        "windy Tuesday night.\n\n"
        "The builders blame the storms of the winter and a shortage of steel piles.\n\n"
        "Mar 2, 2024\n\n"
        "The fishermen and the ferry riders still argue over the forty spaces by the "
        "old fish market.\n"
    )
    t = parse(text)
    assert t.kind == "other"
    assert _rule(text) == "dated-items"


def test_one_short_paragraph_of_prose_is_an_article() -> None:
    text = "Harbour Update Reporter Ines Moll sums up the week's news from the harbour.\n"
    t = parse(text)
    assert t.kind == "article"
    assert [p.line for p in t.paragraphs] == [1]
    assert _rule(text) == "prose"


def test_hard_wrapped_minutes_are_an_article() -> None:
    text = (
        "MINUTES OF THE HARBOUR BOARD\n"
        "REGULAR SESSION\n"
        "1. CALL TO ORDER\n"
        "The Harbour Board met in regular session called to order by Chair Ada\n"
        "Brandt at 7:00 p.m.\n"
        "Chair Ada Brandt opened the meeting with a word about the new pier plans.\n"
        "Motion passed unanimously.\n"
    )
    t = parse(text)
    assert t.kind == "article"
    assert t.paragraphs


_WRAPPED_STORY = (
    "Harbour board delays the new pier\n\n"
    "The harbour board voted late on Tuesday to put off the new pier for one\n"
    "more year, after the builders said that the winter storms had cost them\n"
    "two months of work on the piles.\n\n"
    "Riders of the morning ferry, who had hoped for a shorter wait at the old\n"
    "landing, told the board that the delay would hurt the fishermen most of\n"
    "all this summer.\n\n"
    "The chair said the board would meet the builders again in the spring, and\n"
    "that the fares would not rise before then.\n"
)


def test_a_hard_wrapped_story_is_an_article() -> None:
    # Each line is short and no line ends a sentence of ten words: each paragraph does.
    t = parse(_WRAPPED_STORY)
    assert t.kind == "article"
    assert _rule(_WRAPPED_STORY) == "prose"


def test_a_hard_wrapped_listing_is_a_listing_as_printed_unwrapped() -> None:
    item = (
        "{title}\n\n"
        "The harbour board met again on {day} and talked for hours about the ferry\n"
        "fares, the {what} and the complaints of the fishermen about the parking near\n"
        "the old fish market on {day}.\n\n"
        "AUDIO | PHOTOS | MAP\n\n"
    )
    days = (
        ("fares rise", "Monday", "new pier"),
        ("pier delayed", "Tuesday", "old boats"),
        ("parking", "Friday", "fuel bill"),
    )
    wrapped = "".join(item.format(title=title, day=day, what=what) for title, day, what in days)
    unwrapped = wrapped.replace("ferry\n", "ferry ").replace("near\n", "near ")
    assert _rule(unwrapped) == "repeated-items"
    assert _rule(wrapped) == "repeated-items"
    assert parse(wrapped).kind == "other"


def test_menus_and_buttons_are_other() -> None:
    text = "Home\n\nShows\n\nAbout Us\n\nContact\n"
    assert parse(text).kind == "other"
    assert _rule(text) == "nothing-written"


def test_labels_inside_a_code_block_are_examples() -> None:
    text = (
        "## Plain text\n\n"
        "Each line names its speaker, then a colon.\n\n"
        "```\n"
        "Ilse: Hello and welcome.\n"
        "Bram: Thanks for having me.\n"
        "Ilse: Let us begin.\n"
        "```\n"
    )
    t = parse(text)
    assert t.kind == "other" and not t.turns
    assert _rule(text) == "code"


def test_a_caption_example_in_a_code_block_is_no_caption_file() -> None:
    text = (
        "## SRT\n\n"
        "The SRT form numbers its cards, each with a timing line.\n\n"
        "```\n"
        "1\n"
        "00:00:00,000 --> 00:00:02,500\n"
        "Ilse: Hello and welcome.\n\n"
        "2\n"
        "00:00:02,500 --> 00:00:04,000\n"
        "to the show.\n"
    )
    t = parse(text)
    assert t.kind == "other"
    assert not t.turns


def test_a_feed_is_markup() -> None:
    text = (
        '<?xml version="1.0"?>\n<rss>\n<channel>\n<title>Harbour Hour</title>\n'
        "<item>The ferry fares rise again this spring and the riders are not pleased.</item>\n"
        "</channel>\n</rss>\n"
    )
    t = parse(text)
    assert t.kind == "other"
    assert _rule(text) == "markup"


def test_a_story_with_a_repeated_advertisement_line_stays_an_article() -> None:
    paragraph = (
        "The harbour board met again on {day} and talked for hours about the ferry fares, "
        "the new pier and the fishermen's complaints about the parking.\n\n"
    )
    days = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
    body = "".join(
        paragraph.format(day=day) + ("Advertisement\n\n" if i % 2 else "")
        for i, day in enumerate(days)
    )
    text = "Harbour Board Argues Again\n\n" + body
    t = parse(text)
    assert t.kind == "article"
    assert _rule(text) == "prose"


_PLACES = ("boatyard", "ferry dock", "fish market", "lighthouse", "net loft", "harbour office")
_MONTHS = ("March", "April", "May", "June", "July", "August", "September", "October")


def _spoken(n: int) -> str:
    """Words as a speaker says them, restarts and all, one varied line after another."""
    return "".join(
        f" So I I went down to the {_PLACES[k % 6]} in {_MONTHS[k % 8]} of year {k}, and\n"
        f" that that was when you you could hear the {_PLACES[(k + 1) % 6]} bell {k} times, ok?\n"
        f" Yeah, and with with the tide at {k} feet the the boats stayed in for a week.\n"
        for k in range(n)
    )


def _written(n: int) -> str:
    return "".join(
        f"The {_PLACES[k % 6]} reopened in {_MONTHS[k % 8]} of year {k}, the council said.\n\n"
        f"Its bell could be heard across the water when the tide rose above {k} feet.\n\n"
        for k in range(n)
    )


def test_unlabelled_words_with_a_speakers_restarts_are_a_transcript_from_the_first_line() -> None:
    doc = parse(_spoken(12))  # about 500 words, restarts on several different words
    assert doc.kind == "transcript"
    assert [(t.line, t.label) for t in doc.turns] == [(1, None)]
    assert doc.turns[0].text.startswith("So I I went down to the boatyard")


def test_written_prose_and_one_word_printed_over_and_over_stay_articles() -> None:
    assert parse(_written(20)).kind == "article"
    chant = "".join(
        f"Ahoy ahoy ahoy, the harbour master called across the water at {k}.\n\n" for k in range(60)
    )
    assert parse(chant).kind == "article"  # one word repeated is not a speaker's habit
    assert parse(_spoken(3)).kind != "transcript"  # too short to weigh restarts
