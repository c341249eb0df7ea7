"""Speech-recognition and diarization outputs (transcriptkit.asr), on invented fixtures that
keep each vendor's real field names and structure. Expected values are written by hand from
the fixture files."""

from __future__ import annotations

import contextlib
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from invariants import Lines
from transcriptkit import Transcript, parse, parse_file
from transcriptkit.asr import AsrFormatError, parse_asr, read_asr
from transcriptkit.errors import InputError, TranscriptError
from transcriptkit.export import FORMATS, export
from transcriptkit.stats import speaker_stats

FIXTURES = Path(__file__).parent / "fixtures" / "asr"


def _turns(doc: Transcript) -> list[tuple[str | None, float | None, float | None, str]]:
    return [(t.label, t.start, t.end, t.text) for t in doc.turns]


def _codes(doc: Transcript) -> list[str]:
    return [d.code for d in doc.diagnostics]


def assert_asr_spans(text: str, doc: Transcript) -> None:
    """Spans are offsets into the input, in order, never overlapping; `line` is the line
    the span starts on."""
    lines = Lines(text)
    previous = 0
    for i, turn in enumerate(doc.turns):
        assert turn.index == i
        assert previous <= turn.span.start <= turn.span.end <= len(text), (i, turn.span)
        assert turn.line == lines.at(turn.span.start), (i, turn.line)
        previous = turn.span.end


# ---- one test per vendor shape ------------------------------------------------------------


def test_whisper_json_without_speakers_is_one_unlabeled_turn_with_its_words() -> None:
    doc = parse_file(FIXTURES / "whisper.json")
    assert doc.metadata.source_format == "whisper"
    assert doc.kind == "transcript"
    assert doc.speakers == []
    assert _turns(doc) == [
        (None, 0.0, 5.1, "Welcome to the garden hour. Today we plant turnips."),
    ]
    words = doc.turns[0].words or []
    assert [w.text for w in words][:3] == ["Welcome", "to", "the"]
    assert (words[0].start, words[0].end, words[0].confidence) == (0.0, 0.6, 0.97)
    assert words[-1].text == "turnips." and words[-1].end == 5.1


def test_whisper_tsv_reads_milliseconds() -> None:
    doc = parse_file(FIXTURES / "whisper.tsv")
    assert doc.metadata.source_format == "whisper"
    assert _turns(doc) == [
        (None, 0.0, 5.1, "Welcome to the garden hour. Today we plant turnips."),
    ]
    text = (FIXTURES / "whisper.tsv").read_text()
    assert doc.turns[0].line == 2  # the first row after the header
    assert text[doc.turns[0].span.start :].startswith("0\t2400\tWelcome")


def test_whisperx_follows_segment_speakers_and_keeps_word_speakers() -> None:
    doc = parse_file(FIXTURES / "whisperx.json")
    assert doc.metadata.source_format == "whisperx"
    assert _turns(doc) == [
        ("SPEAKER_00", 0.5, 2.1, "Is the bakery open?"),
        ("SPEAKER_01", 2.3, 4.0, "Until 17, yes."),
        (None, 4.2, 4.9, "Thanks."),  # a segment without a speaker in a labelled file
        ("SPEAKER_00", 5.0, 6.2, "See you tomorrow."),
    ]
    assert [s.name for s in doc.speakers] == ["SPEAKER_00", "SPEAKER_01"]
    first = doc.turns[0].words or []
    assert [w.speaker for w in first] == ["SPEAKER_00", "SPEAKER_00", "SPEAKER_00", "SPEAKER_01"]
    assert [w.confidence for w in first][:2] == [0.91, 0.95]
    untimed = (doc.turns[1].words or [])[1]
    assert (untimed.text, untimed.start, untimed.end) == ("17,", None, None)
    codes = _codes(doc)
    assert "asr-speaker-disagreement" in codes
    assert "asr-untimed" in codes
    assert "asr-unattributed" in codes


def test_aws_speakers_come_from_segments_and_punctuation_attaches() -> None:
    doc = parse_file(FIXTURES / "aws.json")
    assert doc.metadata.source_format == "aws"
    assert _turns(doc) == [("spk_0", 0.3, 1.1, "Hello, Pim."), ("spk_1", 1.6, 2.4, "Hi Oona.")]
    assert [s.name for s in doc.speakers] == ["SPK_0", "SPK_1"]
    words = doc.turns[0].words or []
    assert [(w.text, w.start, w.confidence, w.speaker) for w in words] == [
        ("Hello", 0.3, 0.99, "spk_0"),
        ("Pim", 0.7, 0.97, "spk_0"),
    ]
    assert "asr-untimed" not in _codes(doc)  # punctuation items never have times


def test_aws_item_speaker_labels_win() -> None:
    doc = parse_file(FIXTURES / "aws_item_speakers.json")
    assert _turns(doc) == [("spk_0", 0.1, 0.5, "Tea?"), ("spk_1", 0.9, 1.8, "Yes please.")]


def test_deepgram_word_speakers_win_over_utterances() -> None:
    doc = parse_file(FIXTURES / "deepgram.json")
    assert doc.metadata.source_format == "deepgram"
    assert _turns(doc) == [
        ("0", 0.2, 0.9, "Morning, all."),
        ("1", 1.2, 2.0, "Morning, Ravi."),
        ("0", 2.5, 3.4, "Shall we start?"),
    ]
    assert [(s.id, s.name, s.labels) for s in doc.speakers] == [
        ("0", "0", ["0"]),
        ("1", "1", ["1"]),
    ]
    [note] = [d for d in doc.diagnostics if d.code == "asr-speaker-disagreement"]
    assert note.message.startswith("1 word(s)")


def test_assemblyai_milliseconds_become_seconds() -> None:
    doc = parse_file(FIXTURES / "assemblyai.json")
    assert doc.metadata.source_format == "assemblyai"
    assert _turns(doc) == [
        ("A", 0.24, 1.5, "Owls hunt at night."),
        ("B", 1.9, 2.8, "Not all of them."),
    ]
    assert (doc.turns[1].words or [])[0].start == 1.9


def test_revai_monologues_and_speaker_names() -> None:
    doc = parse_file(FIXTURES / "revai.json")
    assert doc.metadata.source_format == "revai"
    assert _turns(doc) == [
        ("0", 0.4, 1.4, "Kites need wind."),
        ("1", 1.9, 2.9, "Lots of <inaudible>."),
        ("0", 3.2, 3.6, "Indeed."),
    ]
    assert [s.name for s in doc.speakers] == ["0", "MIRELA"]
    assert [w.text for w in doc.turns[1].words or []] == ["Lots", "of", "<inaudible>"]


def test_google_reads_the_diarized_repeat_once() -> None:
    doc = parse_file(FIXTURES / "google.json")
    assert doc.metadata.source_format == "google"
    assert _turns(doc) == [
        ("1", 0.3, 1.9, "the ferry leaves at noon"),
        ("2", 2.4, 3.0, "thank you"),
    ]
    assert "google-diarized-repeat" in _codes(doc)


def test_google_without_diarization_reads_every_result() -> None:
    data = json.loads((FIXTURES / "google.json").read_text())
    data["results"] = data["results"][:2]
    doc = parse(data)
    assert _turns(doc) == [(None, 0.3, 3.0, "the ferry leaves at noon thank you")]


def test_google_protobuf_times_and_operation_wrapper() -> None:
    data = {
        "name": "op-1",
        "done": True,
        "response": {
            "results": [
                {
                    "alternatives": [
                        {
                            "transcript": "hello",
                            "words": [
                                {
                                    "start_time": {"seconds": "1", "nanos": 500000000},
                                    "end_time": {"seconds": "2"},
                                    "word": "hello",
                                    "speaker_tag": 3,
                                }
                            ],
                        }
                    ]
                }
            ]
        },
    }
    doc = parse(data)
    assert _turns(doc) == [("3", 1.5, 2.0, "hello")]


def test_azure_batch_phrases_ticks_and_no_match() -> None:
    doc = parse_file(FIXTURES / "azure_batch.json")
    assert doc.metadata.source_format == "azure"
    assert _turns(doc) == [
        ("1", 0.5, 2.1, "Boats are in the harbour."),
        ("2", 2.8, 4.1, "We leave soon."),
    ]
    words = doc.turns[0].words or []
    assert (words[-1].text, words[-1].start, words[-1].end) == ("harbour", 1.4, 2.1)
    assert "azure-no-match" in _codes(doc)


def test_azure_sdk_results_and_unknown_speaker() -> None:
    doc = parse_file(FIXTURES / "azure_sdk.json")
    assert _turns(doc) == [
        ("Guest-1", 0.3, 1.2, "Pass the salt."),
        (None, 1.5, 2.0, "Here."),
        ("Guest-2", 2.2, 2.8, "Thanks, Ines."),
    ]


def test_podcastindex_word_segments_merge_into_named_turns() -> None:
    doc = parse_file(FIXTURES / "podcastindex.json")
    assert doc.metadata.source_format == "podcastindex"
    assert _turns(doc) == [
        ("Noor Haddad", 0.4, 1.3, "Welcome back, Teo."),
        ("Teo", 1.8, 3.0, "Glad to be here."),
    ]
    assert [s.name for s in doc.speakers] == ["NOOR HADDAD", "TEO"]
    assert [w.text for w in doc.turns[1].words or []] == ["Glad", "to", "be", "here."]


def test_podlove_voices_name_speakers_and_unlabeled_items_stand_alone() -> None:
    doc = parse_file(FIXTURES / "podlove.json")
    assert doc.metadata.source_format == "podlove"
    assert _turns(doc) == [
        (None, 0.0, 5.5, "Jingle"),
        ("lucia", 5.5, 11.0, "Hello and welcome to episode twelve. With me is Bram."),
        ("bram", 11.0, 12.4, "Hi everyone."),
        (None, 12.4, 12.4, "Outro"),  # no end: it ends where it starts
    ]
    assert [s.name for s in doc.speakers] == ["LUCIA FERRO", "BRAM OKAFOR"]


def test_podlove_clock_strings() -> None:
    doc = parse_file(FIXTURES / "podlove_clock.json")
    assert _turns(doc) == [
        ("kai", 0.0, 3.5, "Moin."),
        ("jo", 3.5, 62.1, "Moin moin."),
        (None, 62.1, 62.1, "Abspann"),
    ]


def test_rttm_overlaps_are_kept_in_onset_order_and_reported() -> None:
    path = FIXTURES / "diarization.rttm"
    doc = parse_file(path)
    assert doc.metadata.source_format == "rttm"
    assert _turns(doc) == [
        ("agent_a", 0.4, 2.0, ""),
        ("caller_b", 1.8, 2.7, ""),
        ("agent_a", 2.5, 3.1, ""),
        ("caller_b", 2.6, 4.3, ""),  # 2.6-2.9 and 3.3-4.3 run on: one turn, latest end
    ]
    assert [t.line for t in doc.turns] == [1, 2, 3, 4]
    [overlap] = [d for d in doc.diagnostics if d.code == "asr-overlap"]
    assert overlap.message.startswith("3 piece(s)")
    text = path.read_text()
    for turn in doc.turns:
        assert turn.label and turn.label in text[turn.span.start : turn.span.end]


def test_rttm_other_records_are_reported() -> None:
    text = (
        ";; made up\n"
        "SPEAKER x 1 0.5 1.0 <NA> <NA> s1 <NA> <NA>\n"
        "SPKR-INFO x 1 <NA> <NA> <NA> unknown s1 <NA> <NA>\n"
    )
    doc = parse(text)
    assert _turns(doc) == [("s1", 0.5, 1.5, "")]
    assert "rttm-other-lines" in _codes(doc)


# ---- options: split at pauses, diarization joined -----------------------------------------


def test_split_pause_cuts_a_turn_at_a_long_silence() -> None:
    doc = parse_file(FIXTURES / "whisper.json", split_pause=0.4)
    assert _turns(doc) == [
        (None, 0.0, 2.4, "Welcome to the garden hour."),
        (None, 2.9, 5.1, "Today we plant turnips."),
    ]
    assert "asr-split-pause" in _codes(doc)
    assert len(parse_file(FIXTURES / "whisper.json", split_pause=0.6).turns) == 1


def test_split_pause_is_checked() -> None:
    with pytest.raises(AsrFormatError, match="split_pause"):
        parse_file(FIXTURES / "whisper.json", split_pause=-1)


def test_rttm_speakers_join_a_whisper_file_by_overlap() -> None:
    doc = parse_file(FIXTURES / "whisper.json", speakers=FIXTURES / "garden.rttm")
    assert doc.metadata.source_format == "whisper"
    # host 0.0-2.5 and guest 2.7-5.3: every word overlaps one of them most
    assert _turns(doc) == [
        ("host", 0.0, 2.4, "Welcome to the garden hour."),
        ("guest", 2.9, 5.1, "Today we plant turnips."),
    ]
    assert {w.speaker for w in doc.turns[1].words or []} == {"guest"}
    assert "asr-join" in _codes(doc)


def test_join_picks_the_speaker_overlapping_most_and_leaves_gaps_unlabeled(
    tmp_path: Path,
) -> None:
    rttm = tmp_path / "d.rttm"
    # "Today" (2.9-3.3) overlaps a 0.1 s of `a` and 0.3 s of `b`; "turnips." (4.0-5.1) none
    rttm.write_text(
        "SPEAKER f 1 0.0 3.0 <NA> <NA> a <NA> <NA>\nSPEAKER f 1 3.0 1.0 <NA> <NA> b <NA> <NA>\n"
    )
    doc = parse_file(FIXTURES / "whisper.json", speakers=rttm)
    assert [(t.label, t.text) for t in doc.turns] == [
        ("a", "Welcome to the garden hour."),
        ("b", "Today we plant"),
        (None, "turnips."),
    ]


def test_join_replaces_vendor_speakers_and_says_so() -> None:
    doc = parse_file(FIXTURES / "whisperx.json", speakers=FIXTURES / "garden.rttm")
    assert {t.label for t in doc.turns} <= {"host", "guest", None}
    [note] = [d for d in doc.diagnostics if d.code == "asr-join"]
    assert "replaced" in note.message


def test_speakers_needs_timed_input(tmp_path: Path) -> None:
    plain = tmp_path / "plain.txt"
    plain.write_text("KELLY: Hello there.\n")
    with pytest.raises(AsrFormatError, match="speakers="):
        parse_file(plain, speakers=FIXTURES / "garden.rttm")
    with pytest.raises(AsrFormatError, match="not an RTTM file"):
        parse_file(FIXTURES / "whisper.json", speakers=plain)
    with pytest.raises(InputError, match="no such file"):
        parse_file(FIXTURES / "whisper.json", speakers=tmp_path / "missing.rttm")


# ---- recognition and errors ---------------------------------------------------------------


def test_json_of_no_known_shape_is_a_typed_error_naming_what_was_looked_for() -> None:
    with pytest.raises(AsrFormatError) as caught:
        parse_file(FIXTURES / "unknown.json")
    message = str(caught.value)
    assert "unknown.json" in message
    for shape in ("Deepgram", "AWS Transcribe", "Rev.ai", "Podlove", "Whisper", "Azure"):
        assert shape in message
    assert isinstance(caught.value, TranscriptError)
    with pytest.raises(AsrFormatError):
        parse({"episode": 4})


def test_unknown_json_text_without_a_name_is_a_result_not_an_error() -> None:
    doc = parse('{"episode": 4}')
    assert doc.kind == "other" and doc.turns == []
    assert _codes(doc) == ["asr-unknown-json"]


def test_broken_json_file_is_a_typed_error_with_its_place(tmp_path: Path) -> None:
    path = tmp_path / "cut.json"
    path.write_text('{"segments": [{"start": 0.0,\n "end": 1.0, "text": "hi"')
    with pytest.raises(AsrFormatError, match=r"line 2.*not valid JSON"):
        parse_file(path)


def test_recognised_by_content_not_extension(tmp_path: Path) -> None:
    renamed = tmp_path / "transcript.txt"
    renamed.write_bytes((FIXTURES / "deepgram.json").read_bytes())
    assert parse_file(renamed).metadata.source_format == "deepgram"


def test_parse_takes_text_and_loaded_json_alike() -> None:
    text = (FIXTURES / "assemblyai.json").read_text()
    from_text, from_dict = parse(text), parse(json.loads(text))
    assert _turns(from_text) == _turns(from_dict)
    assert from_dict.turns[0].span.start == 0  # no text to point into
    assert parse_asr(json.loads(text)).metadata.source_format == "assemblyai"
    with pytest.raises(AsrFormatError):
        parse_asr("KELLY: Hello.\n")


def test_text_transcripts_are_untouched() -> None:
    assert read_asr("KELLY: Hello there.\n") is None
    assert read_asr("[MUSIC]\nKELLY: Hello there.\n") is None
    assert read_asr("SPEAKER 1: Hello there.\n") is None
    doc = parse("[00:00:05] KELLY: Hello there.\n")
    assert doc.metadata.source_format is None and doc.turns[0].label == "KELLY"


def test_every_fixture_has_valid_spans_and_lines() -> None:
    for path in sorted(FIXTURES.iterdir()):
        if path.name == "unknown.json":
            continue
        text = path.read_text()
        doc = parse(text)
        assert doc.metadata.source_format, path.name
        assert_asr_spans(text, doc)
        assert Transcript.model_validate_json(doc.model_dump_json()) == doc


def test_a_json_turn_span_covers_its_words_in_the_json_text() -> None:
    text = (FIXTURES / "deepgram.json").read_text()
    doc = parse(text)
    for turn in doc.turns:
        source = text[turn.span.start : turn.span.end]
        first, last = turn.text.split()[0], turn.text.split()[-1]
        assert source.startswith(first) and source.endswith(last), (turn.index, source[:80])
    lines = text.split("\n")
    assert doc.turns[0].line == 7  # the pretty-printed alternative's transcript line
    assert lines[6].lstrip().startswith('"transcript": "Morning, all.')


# ---- properties ---------------------------------------------------------------------------

_LABELS = st.sampled_from(["SPEAKER_00", "SPEAKER_01", None])


@st.composite
def whisperx_docs(draw: Any) -> dict[str, Any]:
    segments = []
    t = 0.0
    for _ in range(draw(st.integers(0, 12))):
        t += draw(st.floats(0, 3, allow_nan=False))
        length = draw(st.floats(0, 4, allow_nan=False))
        seg: dict[str, Any] = {
            "start": round(t, 3),
            "end": round(t + length, 3),
            "text": " " + draw(st.sampled_from(["Ja.", "Nein, danke.", "Vielleicht morgen."])),
        }
        who = draw(_LABELS)
        if who:
            seg["speaker"] = who
        segments.append(seg)
    return {"segments": segments, "word_segments": []}


@given(whisperx_docs(), st.one_of(st.none(), st.floats(0, 5, allow_nan=False)))
def test_turns_are_maximal_runs_of_one_speaker(doc: dict[str, Any], pause: float | None) -> None:
    text = json.dumps(doc, indent=1)
    out = parse(text, split_pause=pause)
    assert_asr_spans(text, out)
    segments = doc["segments"]
    # Every segment's words are in exactly one turn, in time order.
    assert (
        " ".join(t.text for t in out.turns).split()
        == " ".join(s["text"] for s in sorted(segments, key=lambda s: s["start"])).split()
    )
    if pause is None:  # neighbours differ in speaker: the runs are maximal
        assert all(a.label != b.label for a, b in zip(out.turns, out.turns[1:], strict=False))
    for turn in out.turns:
        assert turn.start is not None and turn.end is not None and turn.start <= turn.end


@given(st.text(alphabet='{}[]":,0123456789 abstexrg', max_size=60))
def test_json_like_text_never_raises(text: str) -> None:
    doc = parse(text)
    assert isinstance(doc, Transcript)


# ---- downstream: every exporter, stats, the view ------------------------------------------


@pytest.mark.parametrize("name", ["whisperx.json", "podlove.json", "diarization.rttm"])
@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_every_exporter_takes_asr_transcripts(name: str, fmt: str) -> None:
    doc = parse_file(FIXTURES / name)
    out = export(doc, fmt)
    assert isinstance(out, str)
    second = doc.turns[1]
    if fmt == "rttm":  # speaker ids and times, no words
        assert f" {second.speaker_id} " in out
    elif second.text:
        assert second.text.split()[0] in out


def test_the_rttm_export_reads_back_as_the_same_speaker_turns() -> None:
    doc = parse_file(FIXTURES / "whisperx.json")
    back = parse(export(doc, "rttm"))
    assert back.metadata.source_format == "rttm"
    labelled = [(t.speaker_id, t.start) for t in doc.turns if t.label]  # ids are written
    assert [(t.label, t.start) for t in back.turns if t.label != "unlabeled"] == labelled


def test_the_json_export_keeps_times_and_words() -> None:
    doc = parse_file(FIXTURES / "whisperx.json")
    back = Transcript.model_validate_json(export(doc, "json"))
    assert back.turns[1].start == 2.3
    assert (back.turns[1].words or [])[0].text == "Until"
    assert back.metadata.source_format == "whisperx"


def test_stats_and_view_take_asr_transcripts() -> None:
    from rich.console import Console

    doc = parse_file(FIXTURES / "podlove.json")
    rows = speaker_stats(doc)
    assert [(r.name, r.turns, r.words) for r in rows] == [
        ("LUCIA FERRO", 1, 10),
        ("BRAM OKAFOR", 1, 2),
        (None, 2, 2),
    ]
    console = Console(record=True, width=100, color_system=None)
    console.print(doc)
    shown = console.export_text()
    assert "LUCIA FERRO" in shown and "Hi everyone." in shown


def test_openai_api_top_level_words_go_to_their_segments() -> None:
    doc = parse_file(FIXTURES / "openai_api.json")
    assert doc.metadata.source_format == "whisper"
    assert _turns(doc) == [(None, 0.0, 4.2, "Rain again. Bring the umbrella.")]
    assert [w.text for w in doc.turns[0].words or []] == [
        "Rain",
        "again",
        "Bring",
        "the",
        "umbrella",
    ]
    words_only = json.loads((FIXTURES / "openai_api.json").read_text())
    del words_only["segments"]
    assert _turns(parse(words_only)) == [(None, 0.0, 4.2, "Rain again Bring the umbrella")]


def test_whisper_cpp_json_with_tinydiarize_turn_marks() -> None:
    doc = parse_file(FIXTURES / "whisper_cpp.json")
    assert doc.metadata.source_format == "whisper"
    assert _turns(doc) == [
        ("0", 0.0, 2.5, "Did the parcel arrive?"),
        ("1", 2.5, 5.2, "Yesterday. It was damp."),
        ("0", 5.4, 6.0, "Oh no."),
    ]


def test_speechmatics_words_and_the_unknown_speaker() -> None:
    doc = parse_file(FIXTURES / "speechmatics.json")
    assert doc.metadata.source_format == "speechmatics"
    assert _turns(doc) == [
        ("S1", 0.3, 1.0, "Lamp lit."),
        ("S2", 1.5, 1.9, "Good."),
        (None, 2.2, 2.6, "Hm"),
    ]


def test_deepgram_words_without_speakers_take_their_utterance_speaker() -> None:
    data = json.loads((FIXTURES / "deepgram.json").read_text())
    for w in data["results"]["channels"][0]["alternatives"][0]["words"]:
        del w["speaker"]
    doc = parse(data)
    # utterance speakers: 0 for 0.2-1.6, 1 for 1.6-2.0, 0 for 2.5-3.4
    assert [(t.label, t.text) for t in doc.turns] == [
        ("0", "Morning, all. Morning,"),
        ("1", "Ravi."),
        ("0", "Shall we start?"),
    ]


# ---- hostile values inside real shapes ----------------------------------------------------

_JSON_LEAF = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**12), 10**12),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=12),
)
_JSON_VALUE = st.recursive(
    _JSON_LEAF,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=6,
)
_SHAPES = sorted(p.name for p in FIXTURES.glob("*.json") if p.name != "unknown.json")


def _places(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [path]
    if isinstance(value, dict):
        for k, v in value.items():
            out += _places(v, (*path, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            out += _places(v, (*path, i))
    return out


@given(st.sampled_from(_SHAPES), st.data())
def test_any_value_anywhere_in_a_vendor_file_parses_or_is_a_typed_error(
    name: str, data: st.DataObject
) -> None:
    doc = json.loads((FIXTURES / name).read_text())
    for _ in range(data.draw(st.integers(1, 4))):
        places = [p for p in _places(doc) if p]
        if not places:
            break
        *parents, last = data.draw(st.sampled_from(places))
        target = doc
        for key in parents:
            target = target[key]
        target[last] = data.draw(_JSON_VALUE)
    text = json.dumps(doc)
    out = parse(text)  # parse(str) promises no error at all
    assert_asr_spans(text, out)
    with contextlib.suppress(AsrFormatError):  # the mutation may remove the shape's marks
        parse(doc)


@st.composite
def joins(draw: Any) -> tuple[list[tuple[float, float, str]], list[tuple[float, float]]]:
    times = st.integers(0, 100).map(lambda n: n / 10)
    turns = []
    for _ in range(draw(st.integers(0, 6))):
        start, length = draw(times), draw(times)
        turns.append((start, round(start + length, 1), draw(st.sampled_from(["p", "q", "r"]))))
    words = sorted(
        (s, round(s + d, 1)) for s, d in draw(st.lists(st.tuples(times, times), max_size=8))
    )
    return turns, words


@given(joins())
def test_join_gives_each_word_the_speaker_overlapping_it_most(
    case: tuple[list[tuple[float, float, str]], list[tuple[float, float]]],
) -> None:
    from transcriptkit.asr import join_speakers
    from transcriptkit.asr._pieces import Piece, Reading
    from transcriptkit.models import Word

    turns, spans = case
    words = [Word(text=f"w{i}", start=s, end=e) for i, (s, e) in enumerate(spans)]
    if not words:
        return
    reading = Reading("whisper", [Piece("x", None, None, None, words)])
    joined = join_speakers(reading, turns)
    for piece in joined.pieces:
        [word] = piece.words or []
        # brute force: the largest positive overlap (an instant: a turn holding it), ties to
        # the turn that starts first
        best, most = None, 0.0
        for ts, te, who in sorted(turns):
            if word.end == word.start:
                overlap = 1.0 if ts <= word.start <= te else 0.0
            else:
                overlap = min(word.end, te) - max(word.start, ts)
            if overlap > most + 1e-6:  # a tie within a microsecond: the earlier turn
                best, most = who, overlap
        assert piece.speaker == best, (word, turns)


def test_the_apis_plain_json_is_one_untimed_unlabeled_turn() -> None:
    doc = parse(json.dumps({"text": "Ring the bell, then run.", "usage": {"total_tokens": 9}}))
    assert doc.metadata.source_format == "openai"
    assert _turns(doc) == [(None, None, None, "Ring the bell, then run.")]


def test_hugging_face_chunks_and_their_diarized_speakers() -> None:
    chunks = [
        {"timestamp": [0.0, 2.0], "text": " Ring the bell."},
        {"timestamp": [2.0, 3.5], "text": " Run."},
    ]
    plain = parse(json.dumps({"text": " Ring the bell. Run.", "chunks": chunks}))
    assert plain.metadata.source_format == "transformers"
    assert _turns(plain) == [(None, 0.0, 3.5, "Ring the bell. Run.")]
    speakers = [dict(c, speaker=f"SPEAKER_0{k}") for k, c in enumerate(chunks)]
    diarized = parse(json.dumps({"text": "", "chunks": chunks, "speakers": speakers}))
    assert _turns(diarized) == [
        ("SPEAKER_00", 0.0, 2.0, "Ring the bell."),
        ("SPEAKER_01", 2.0, 3.5, "Run."),
    ]


def test_google_results_without_words_start_at_zero() -> None:
    results = [
        {"alternatives": [{"transcript": "first part"}], "resultEndTime": "2.500s"},
        {"alternatives": [{"transcript": "second part"}], "resultEndTime": "4s"},
    ]
    (turn,) = parse(json.dumps({"results": results})).turns
    assert (turn.start, turn.end) == (0.0, 4.0)


def test_rttm_with_speaker_info_records_first() -> None:
    text = (
        "SPKR-INFO m 1 <NA> <NA> <NA> unknown spkA <NA>\n"
        "SPEAKER m 1 0.000 1.500 <NA> <NA> spkA <NA> <NA>\n"
        "SPEAKER m 1 2.0 1.0 <NA> <NA> spkB <NA> <NA>\n"
    )
    doc = parse(text)
    assert doc.metadata.source_format == "rttm"
    assert [(t.label, t.start, t.end) for t in doc.turns] == [
        ("spkA", 0.0, 1.5),
        ("spkB", 2.0, 3.0),
    ]


def test_azure_fast_transcription_phrases_in_milliseconds() -> None:
    phrases = [
        {"speaker": 1, "offsetMilliseconds": 500, "durationMilliseconds": 1500, "text": "Go."},
        {"speaker": 2, "offsetMilliseconds": 2500, "durationMilliseconds": 1000, "text": "Now?"},
    ]
    doc = parse(json.dumps({"durationMilliseconds": 3500, "phrases": phrases}))
    assert doc.metadata.source_format == "azure"
    assert _turns(doc) == [("1", 0.5, 2.0, "Go."), ("2", 2.5, 3.5, "Now?")]
