"""The caption reader on invented fixtures (`fixtures/captions/`), one per variant: timing
shapes, broken lines, speakers by each convention, roll-up, markup, formats."""

from __future__ import annotations

from pathlib import Path

import pytest

from invariants import assert_model_invariants
from transcriptkit import Transcript, parse
from transcriptkit.captions import CaptionError, detect_format, read_captions

FIXTURES = Path(__file__).parent / "fixtures" / "captions"
ALL = sorted(p.name for p in FIXTURES.iterdir())


def _text(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def _parse(name: str) -> Transcript:
    return parse(_text(name))


def _turns(doc: Transcript) -> list[tuple[int, str | None, float | None, float | None, str]]:
    return [(t.line, t.label, t.start, t.end, t.text) for t in doc.turns]


# SCC's words are byte pairs in hex: its spans cover the code lines, not readable words.
@pytest.mark.parametrize("name", [n for n in ALL if not n.endswith(".scc")])
def test_spans_point_into_the_input(name: str) -> None:
    text = _text(name)
    doc = parse(text)
    assert_model_invariants(text, doc)
    for turn in doc.turns:
        for caption in turn.captions or []:
            assert turn.span.start <= caption.span.start <= caption.span.end <= turn.span.end
            assert caption.start <= caption.end


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("hls_hours.vtt", "webvtt"),
        ("teams_short.vtt", "webvtt"),
        ("headerless.vtt", "webvtt"),
        ("no_millis.srt", "srt"),
        ("fullwidth.srt", "srt"),
        ("sound_only.srt", "srt"),
        ("talk.sbv", "sbv"),
        ("talk.ttml", "ttml"),
        ("talk.smi", "sami"),
        ("talk.ass", "ass"),
        ("talk.sub", "microdvd"),
    ],
)
def test_formats_are_detected_by_content(name: str, fmt: str) -> None:
    assert detect_format(_text(name)) == fmt
    assert _parse(name).metadata.source_format == fmt


def test_hls_hours_bom_and_crlf() -> None:
    assert _turns(_parse("hls_hours.vtt")) == [
        (
            6,
            "Odile Brandt",
            1.0,
            6.0,
            "Four-digit hours, as HLS writes them. And a BOM and CRLF besides.",
        )
    ]


def test_teams_times_without_padding() -> None:
    doc = _parse("teams_short.vtt")
    assert [(t.label, t.start, t.end) for t in doc.turns] == [
        ("Ravi Anand", 0.0, 2.5),
        ("Greta Lund", 2.5, 5.0),
        ("Ravi Anand", 5.0, 7.25),
    ]


def test_times_without_or_with_short_milliseconds_and_odd_arrows() -> None:
    doc = _parse("no_millis.srt")
    assert [(t.line, t.label, t.start, t.end) for t in doc.turns] == [
        (3, "BENNO", 1.0, 6.25),
        (11, "YARA", 6.5, 8.0),
        (15, "BENNO", 8.0, 10.0),
    ]
    assert [(c.start, c.end) for c in doc.turns[0].captions or []] == [(1.0, 3.0), (3.5, 6.25)]
    assert doc.diagnostics == []


def test_full_width_colons_and_commas() -> None:
    doc = _parse("fullwidth.srt")
    assert [(t.start, t.end) for t in doc.turns] == [(1.0, 5.5)]
    assert "-->" not in doc.turns[0].text and "00" not in doc.turns[0].text


def test_missing_blank_lines() -> None:
    assert [(t.line, t.label, t.text) for t in _parse("no_blank_lines.srt").turns] == [
        (3, "MILA", "The cues run on, with no blank line between them."),
        (9, "JONAS", "And still read apart."),
    ]


def test_a_broken_timing_line_is_reported_with_its_line() -> None:
    doc = _parse("broken_timing.srt")
    assert [(d.code, d.line) for d in doc.diagnostics] == [("caption-bad-timing", 6)]
    assert "0x" not in doc.turns[0].text
    assert "The second one has a broken end." in doc.turns[0].text


def test_strict_raises_naming_the_line() -> None:
    with pytest.raises(CaptionError) as info:
        read_captions(_text("broken_timing.srt"), strict=True)
    assert info.value.line == 6
    assert "line 6" in str(info.value)


def test_text_that_is_not_captions_says_so() -> None:
    prose = "Just a paragraph of prose.\nAnd another line of it.\n"
    assert detect_format(prose) is None
    doc = read_captions(prose)
    assert doc.kind == "other"
    assert [d.code for d in doc.diagnostics] == ["not-captions"]
    with pytest.raises(CaptionError):
        read_captions(prose, strict=True)
    forced = parse(prose, style="srt")
    assert "not-captions" in [d.code for d in forced.diagnostics]


def test_entities_decoded_and_every_tag_stripped() -> None:
    (turn,) = _parse("entities_tags.vtt").turns
    assert turn.text == "Tom & Jerry <3 the old show stray spaces and unknown tags gone"


def test_youtube_word_times_and_roll_up_said_once() -> None:
    (turn,) = _parse("youtube_words.vtt").turns
    assert turn.text == "the tide is low so we wait"
    assert (turn.start, turn.end) == (0.5, 4.0)
    first, second = turn.captions or []
    assert [(w.text, w.start, w.end) for w in first.words or []] == [
        ("the", 0.5, 0.719),
        ("tide", 0.719, 1.1),
        ("is", 1.1, 1.4),
        ("low", 1.4, 2.0),
    ]
    assert [(w.text, w.start) for w in second.words or []] == [
        ("so", 2.01),
        ("we", 2.4),
        ("wait", 2.9),
    ]


def test_a_space_line_under_a_timing_does_not_end_the_cue() -> None:
    # YouTube's auto captions put a line of one space above each new line of words.
    text = (
        "WEBVTT\nKind: captions\n\n"
        "00:00:00.500 --> 00:00:02.000 align:start position:0%\n \n"
        "the<00:00:00.900><c> tide</c>\n\n"
        "00:00:02.000 --> 00:00:04.000 align:start position:0%\nthe tide\nturns\n"
    )
    t = parse(text)
    (turn,) = t.turns
    assert (turn.line, turn.start, turn.text) == (6, 0.5, "the tide turns")
    assert not [d for d in t.diagnostics if d.code == "caption-stray-text"]


def test_repeats_far_apart_or_long_are_said_again() -> None:
    (turn,) = _parse("repeats.srt").turns
    assert turn.text == " ".join(["Row, row, row the boat."] * 3)
    assert [c.start for c in turn.captions or []] == [10.0, 12.0, 3010.0]
    assert turn.end == 3012.0


def test_captions_at_different_positions_are_not_roll_up() -> None:
    (turn,) = _parse("positioned.vtt").turns
    assert turn.text == "Harbour office Harbour office is open until six."


def test_a_file_of_one_sound_cue_is_not_empty() -> None:
    doc = _parse("sound_only.srt")
    assert doc.kind == "transcript"
    assert [(c.line, c.text) for c in doc.cues] == [(3, "gentle rain")]


def test_named_dialogue_dashes_are_two_turns() -> None:
    doc = _parse("dialogue_dashes.srt")
    assert [(t.line, t.label, t.text) for t in doc.turns] == [
        (3, "LENA", "Are you coming?"),
        (4, "TOMAS", "In a minute."),
        (8, "LENA", "The boat leaves soon."),
        (9, "TOMAS", "I know."),
    ]


def test_a_capitalised_word_before_a_colon_is_not_a_speaker() -> None:
    doc = _parse("false_labels.srt")
    assert [t.label for t in doc.turns] == [None]
    assert doc.turns[0].text.startswith("Remember: the nets")
    assert 'Dijo: "No vuelvas tarde."' in doc.turns[0].text


def test_sdh_names_printed_at_changes_each_start_a_turn() -> None:
    doc = _parse("sdh_names.srt")
    assert [(t.line, t.label, t.text) for t in doc.turns] == [
        (3, "WOMAN", "Is anyone there? Hello?"),
        (12, "MAN", "Over here."),
        (17, "WOMAN", "Who are you?"),
        (26, "MAN", "A friend."),
    ]
    assert [(c.line, c.text) for c in doc.cues] == [(22, "door creaks")]


def test_bracketed_names_and_sounds() -> None:
    doc = _parse("brackets.vtt")
    assert [(t.line, t.label) for t in doc.turns] == [(4, "Ilse"), (7, "Marek"), (13, "Ilse")]
    assert [(c.line, c.text) for c in doc.cues] == [(10, "sighs")]


def test_live_speaker_changes() -> None:
    doc = _parse("live.vtt")
    assert [(t.line, t.label, t.text) for t in doc.turns] == [
        (4, None, "good evening, council members."),
        (7, None, "thank you, chair."),
        (8, "HELGA STORM", "point of order."),
    ]


@pytest.mark.parametrize(
    ("name", "title", "turns"),
    [
        (
            "talk.sbv",
            None,
            [
                (
                    2,
                    "KIRA",
                    1.0,
                    6.0,
                    "SBV puts both times on one line. With a comma between them.",
                ),
                (8, "OSKAR", 6.5, 8.0, "And no cue numbers."),
            ],
        ),
        (
            "talk.ttml",
            "Ferry Talk",
            [
                (
                    12,
                    "a1",
                    11.0,
                    15.0,
                    "The crossing takes forty minutes. On a calm day.",
                ),
                (14, "a2", 15.5, 17.0, "And on a rough one?"),
            ],
        ),
        (
            "talk.smi",
            "Lighthouse Notes",
            [
                (10, "HANNE", 1.0, 3.5, "The lamp turns every ten seconds."),
                (12, "LUCAS", 4.0, 6.0, "Since when?"),
                (13, "HANNE", 6.0, 8.0, "Since the war."),
            ],
        ),
        (
            "talk.ass",
            "Night Market",
            [
                (11, "Suvi", 1.0, 5.0, "The stalls open at dusk, every night. Even in rain."),
                (14, "Arvo", 6.0, 8.0, "Then we go, comma and all."),
            ],
        ),
        (
            "talk.sub",
            None,
            [
                (3, "WARDEN", 4.0, 8.0, "The gate shuts at ten. No exceptions."),
                (5, "VISITOR", 9.0, 12.0, "Not even for me?"),
            ],
        ),
    ],
)
def test_other_formats(name: str, title: str | None, turns: list[tuple[object, ...]]) -> None:
    doc = _parse(name)
    assert doc.metadata.title == title
    assert _turns(doc) == turns


def test_ttml_agents_name_the_speakers() -> None:
    doc = _parse("talk.ttml")
    assert [doc.speaker_name(t) for t in doc.turns] == ["NADIA FERREIRA", "PIET HALS"]


def test_microdvd_fps_option_and_sound_cue() -> None:
    text = _text("talk.sub").split("\n", 1)[1]  # without the `{1}{1}25` declaration
    doc = read_captions(text, fps=50)
    assert [(t.start, t.end) for t in doc.turns] == [(2.0, 4.0), (4.5, 6.0)]
    assert [(c.line, c.text) for c in doc.cues] == [(1, "bell rings")]
    assumed = read_captions(text)
    assert [d.code for d in assumed.diagnostics] == ["caption-fps"]


def test_scc_through_pycaption() -> None:
    pytest.importorskip("pycaption")  # the captions extra, installed by `make test` (dev)
    doc = _parse("talk.scc")
    assert doc.metadata.source_format == "scc"
    assert [(t.line, t.label, t.text) for t in doc.turns] == [
        (3, "ELSA", "The pier lights come on at seven."),
        (11, "BRUNO", "Every night?"),
    ]
    assert [round(c.start, 1) for c in doc.turns[0].captions or []] == [0.9, 3.9]


def test_timed_caption_lists() -> None:
    doc = _parse("timed_list.txt")
    assert doc.metadata.source_format == "timed-lines"
    assert _turns(doc) == [
        (
            1,
            None,
            1.0,
            14.0,
            "so the plan tonight is simple we sail at nine and we are back and nobody gets "
            "wet by midnight which never happens",
        )
    ]


def test_a_chat_export_is_not_speech() -> None:
    doc = _parse("chat_export.txt")
    assert doc.kind == "other"
    assert doc.turns == []
    assert "chat-log" in [d.code for d in doc.diagnostics]


def test_bold_names_on_timed_lines() -> None:
    doc = _parse("bold_names.txt")
    assert [(t.line, t.label, t.start, t.text) for t in doc.turns] == [
        (3, "Noor Haddad", 3.5, "Welcome back to Dockside."),
        (5, "Emil Varga", 7.0, "Glad to be here."),
        (7, "Noor Haddad", 9.2, "Let us start with the tides."),
    ]
    assert [(c.line, c.text) for c in doc.cues] == [(1, "Theme music: Harbour Waltz")]


def test_a_voice_before_a_note_label_opens_the_turn_at_its_tag() -> None:
    # `(laughs):` after the tag moves the words on; the turn's span still holds its label.
    text = "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Ana>(laughs): well then\n"
    turn = parse(text).turns[0]
    assert turn.label == "Ana"
    assert text[turn.span.start : turn.span.end] == "<v Ana>(laughs): well then"


def test_a_heading_over_a_video_pages_timed_lines_is_its_title() -> None:
    said = ["first you find the tear", "then you cut it square", "knot the new twine", "pull"]
    text = "How to Mend a Net\n" + "".join(f"0:0{2 * k} {w}\n" for k, w in enumerate(said))
    t = parse(text)
    assert t.metadata.title == "How to Mend a Net"
    assert not [d for d in t.diagnostics if d.code == "caption-stray-text"]
    assert [turn.start for turn in t.turns] == [0.0]


def test_names_in_lower_case_are_labels_where_two_recur() -> None:
    cues = [
        ("wren", "is the ferry running"),
        ("odo", "since about ten"),
        ("wren", "good, i'll go down"),
        (None, "note: bring a coat"),
        ("odo", "see you there"),
    ]
    text = "WEBVTT\n\n" + "".join(
        f"00:00:{2 * k:02d}.000 --> 00:00:{2 * k + 1:02d}.500\n{f'{n}: ' if n else ''}{w}\n\n"
        for k, (n, w) in enumerate(cues)
    )
    t = parse(text)
    assert [(turn.label, turn.text) for turn in t.turns] == [
        ("wren", "is the ferry running"),
        ("odo", "since about ten"),
        ("wren", "good, i'll go down note: bring a coat"),
        ("odo", "see you there"),
    ]
    once = "WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nnote: bring a coat\n"
    assert [turn.label for turn in parse(once).turns] == [None]


@pytest.mark.parametrize("header", ["WEBVTT\n\n", ""])
def test_a_name_alone_over_each_cues_words_is_its_speaker_where_the_file_does_so(
    header: str,
) -> None:
    # Invented, in the shape of a meeting app's export: the speaker's name, then the words.
    cues = [
        ("Wren Halloway", "Is the ferry running this morning?"),
        ("Odo Marsh", "Since about ten, yes."),
        ("Wren Halloway", "Good, then I will go down."),
        ("Odo Marsh", "See you there."),
    ]
    text = header + "".join(
        f"0:0:{4 * k}.0 --> 0:0:{4 * k + 3}.500\n{n}\n{w}\n\n" for k, (n, w) in enumerate(cues)
    )
    t = parse(text)
    assert [(turn.label, turn.text, turn.start) for turn in t.turns] == [
        (n, w, 4.0 * k) for k, (n, w) in enumerate(cues)
    ]
    # One cue whose first line is a name-like word is words, not a speaker.
    once = "WEBVTT\n\n00:00:00.000 --> 00:00:02.000\nOkay\nthen we go.\n"
    assert [(turn.label, turn.text) for turn in parse(once).turns] == [(None, "Okay then we go.")]


@pytest.mark.parametrize("bar", ["\t", " | "])
def test_timed_lines_in_columns_name_their_speakers(bar: str) -> None:
    said = [("Wren Halloway", "Is the ferry running?"), ("Odo Marsh", "Since ten, yes.")] * 2
    text = "".join(f"00:00:{5 * k:02d}{bar}{n}{bar}{w}\n" for k, (n, w) in enumerate(said))
    t = parse(text)
    assert [(turn.label, turn.text, turn.start) for turn in t.turns] == [
        (n, w, 5.0 * k) for k, (n, w) in enumerate(said)
    ]


def test_whispers_printed_ranges_are_timed_lines() -> None:
    # Invented: Whisper's progress lines as saved (`[start --> end]  words`).
    said = ["Speaker 1: We open at nine.", "Speaker 1: Bring a coat.", "Speaker 2: Will it rain?"]
    text = "".join(f"[00:0{2 * k}.000 --> 00:0{2 * k + 2}.000]  {w}\n" for k, w in enumerate(said))
    t = parse(text)
    assert t.metadata.source_format == "timed-lines"
    assert [(turn.label, turn.start, turn.text) for turn in t.turns] == [
        ("Speaker 1", 0.0, "We open at nine. Bring a coat."),
        ("Speaker 2", 4.0, "Will it rain?"),
    ]


def test_a_voices_description_is_no_part_of_its_name() -> None:
    text = (
        "WEBVTT\n\n00:00:00.000 --> 00:00:02.000\n<v Ada Quist (Guest)>Can you hear me?</v>\n\n"
        "00:00:02.000 --> 00:00:04.000\n<v Otto Brandt>Yes.</v>\n"
    )
    t = parse(text)
    assert [t.speaker_name(turn) for turn in t.turns] == ["ADA QUIST", "OTTO BRANDT"]


def test_a_sound_opening_a_line_is_no_bracketed_name() -> None:
    # `[Laughs]` and `[Chuckles]` open lines as `[Ilse]` would, but the file prints the
    # same notes in lower case and after words: they are sounds.
    text = (
        "WEBVTT\n\n"
        "00:00:01.000 --> 00:00:03.000\n[Laughs] That's right, the tide was late.\n\n"
        "00:00:03.000 --> 00:00:05.000\nIt always is. [laughs]\n\n"
        "00:00:05.000 --> 00:00:07.000\n[Chuckles] Always.\n\n"
        "00:00:07.000 --> 00:00:09.000\n[chuckles]. Every night.\n"
    )
    doc = parse(text)
    assert not [t.label for t in doc.turns if t.label]
