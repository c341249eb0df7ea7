"""The srt and vtt writers: hand-checked output, options, and (property-tested) reading a
written file back gives the same speakers, texts and times."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from transcriptkit import Span, Speaker, Transcript, Turn, parse
from transcriptkit.export import FORMATS, Options, export

FIXTURES = Path(__file__).parent / "fixtures" / "captions"
NAMES = ("ANA RUIZ", "BO LINDQVIST", "CHIDI OKAFOR", "DANA PRICE")


def _doc(turns: list[tuple[str | None, float, float, str]]) -> Transcript:
    speakers = {n: Speaker(id=n.lower().replace(" ", "-"), name=n) for n, *_ in turns if n}
    return Transcript(
        kind="transcript",
        speakers=list(speakers.values()),
        turns=[
            Turn(
                index=i,
                speaker_id=speakers[n].id if n else None,
                label=n,
                text=text,
                paragraphs=[text],
                line=i + 1,
                span=Span(start=0, end=0),
                start=start,
                end=end,
            )
            for i, (n, start, end, text) in enumerate(turns)
        ],
    )


def _summary(doc: Transcript) -> list[tuple[str | None, float | None, float | None, str]]:
    return [
        (
            doc.speaker_name(t),
            None if t.start is None else round(t.start, 3),
            None if t.end is None else round(t.end, 3),
            t.text,
        )
        for t in doc.turns
    ]


SAMPLE = _doc(
    [
        ("ANA RUIZ", 1.0, 3.5, "The ferry is late again."),
        ("BO LINDQVIST", 4.0, 6.0, "Fog on the sound."),
        (None, 6.0, 7.0, "Told you."),
    ]
)


def test_formats_are_registered() -> None:
    assert {"srt", "vtt"} <= set(FORMATS)


def test_srt_by_hand() -> None:
    assert export(SAMPLE, "srt") == (
        "1\n00:00:01,000 --> 00:00:03,500\nANA RUIZ: The ferry is late again.\n\n"
        "2\n00:00:04,000 --> 00:00:06,000\nBO LINDQVIST: Fog on the sound.\n\n"
        "3\n00:00:06,000 --> 00:00:07,000\n>> Told you.\n"
    )


def test_vtt_by_hand() -> None:
    assert export(SAMPLE, "vtt") == (
        "WEBVTT\n\n"
        "00:00:01.000 --> 00:00:03.500\n<v ANA RUIZ>The ferry is late again.\n\n"
        "00:00:04.000 --> 00:00:06.000\n<v BO LINDQVIST>Fog on the sound.\n\n"
        "00:00:06.000 --> 00:00:07.000\n>> Told you.\n"
    )


def test_line_width_and_cue_length_options() -> None:
    words = " ".join(f"tide{n}" for n in range(30))  # distinct: a repeated line is roll-up
    long = _doc([("ANA RUIZ", 0.0, 20.0, words)])
    out = export(long, "vtt", Options(line_chars=20, cue_seconds=5.0))
    cues = out.split("\n\n")[1:]
    assert len(cues) >= 4
    for cue in cues:
        timing, *lines = cue.strip().split("\n")
        _start, _end = timing.split(" --> ")
        assert all(len(x.removeprefix("<v ANA RUIZ>")) <= 20 for x in lines)
        assert len(lines) <= 2
    back = parse(out)
    assert _summary(back) == [("ANA RUIZ", 0.0, 20.0, words)]


def test_prefix_speakers_in_vtt() -> None:
    out = export(SAMPLE, "vtt", Options(caption_speakers="prefix"))
    assert "ANA RUIZ: The ferry" in out and "<v" not in out
    assert _summary(parse(out)) == _summary(SAMPLE)


def test_untimed_turns_are_left_out() -> None:
    doc = _doc([("ANA RUIZ", 1.0, 2.0, "Timed."), ("BO LINDQVIST", 2.0, 3.0, "Also.")])
    doc.turns[1].start = None
    assert "Also" not in export(doc, "srt")


def test_a_parsed_caption_file_round_trips() -> None:
    doc = parse((FIXTURES / "teams_short.vtt").read_text(encoding="utf-8"))
    for fmt in ("vtt", "srt"):
        assert _summary(parse(export(doc, fmt))) == _summary(doc)


_WORDS = st.lists(
    st.text(alphabet="abcdefghijklmnopqrstuvwxyzäöéß'", min_size=1, max_size=12),
    min_size=1,
    max_size=40,
)


@st.composite
def _transcripts(draw: st.DrawFn) -> Transcript:
    count = draw(st.integers(min_value=2, max_value=6))
    turns: list[tuple[str | None, float, float, str]] = []
    at = draw(st.integers(min_value=0, max_value=10_000))
    previous: str | None = None
    for _ in range(count):
        choices = [n for n in NAMES if n != previous]
        name = draw(st.sampled_from(choices))
        start = at + draw(st.integers(min_value=0, max_value=3000))
        end = start + draw(st.integers(min_value=100, max_value=30_000))
        # Words made unique, so no two caption lines say the same (which reads as roll-up).
        words = [f"{w}{len(turns)}x{k}" for k, w in enumerate(draw(_WORDS))]
        turns.append((name, start / 1000, end / 1000, " ".join(words)))
        previous, at = name, end
    return _doc(turns)


@settings(max_examples=60, deadline=None)
@given(_transcripts(), st.sampled_from(["srt", "vtt"]), st.integers(10, 60))
def test_written_captions_read_back_the_same(doc: Transcript, fmt: str, width: int) -> None:
    back = parse(export(doc, fmt, Options(line_chars=width)))
    assert _summary(back) == _summary(doc)
