"""OpenAI Whisper, faster-whisper, whisper-timestamped and whisperX JSON; Whisper's TSV;
Hugging Face's pipeline (`chunks`); the transcription API's plain `{"text": ...}`.

    {"text": " Hello there.", "language": "en",
     "segments": [{"id": 0, "start": 0.0, "end": 1.2, "text": " Hello there.",
                   "speaker": "SPEAKER_00",                       # whisperX, diarized
                   "words": [{"word": " Hello", "start": 0.0, "end": 0.5,
                              "probability": 0.98, "speaker": "SPEAKER_00"}]}],
     "word_segments": [...]}                                      # whisperX

A piece is a segment: its `text` is what Whisper wrote, its `speaker` (whisperX, or a
Whisper + pyannote pipeline) the segment's label. whisperX also labels words, from the same
diarization, and leaves a word unlabeled where no diarization turn covers it; its own
writers (SRT, VTT, TXT with `--diarize`) print the segment's speaker, and so do we: each
word keeps its own label in `Word.speaker`, and words whose label disagrees with their
segment's are counted in a diagnostic. Only a segment without a speaker whose words carry
labels is split by its words. faster-whisper dumps (a bare list of segments) read the
same. Word text is `word` (Whisper, faster-whisper, whisperX) or `text`
(whisper-timestamped); confidence is `probability`, `score` or `confidence`.
"""

from __future__ import annotations

from typing import Any

from ..models import Word
from ._pieces import Piece, Reading, dicts, label, number, seconds, text_of

_TEXT_KEYS = ("word", "text")
_CONFIDENCE_KEYS = ("probability", "score", "confidence")


def _segments(doc: Any) -> list[dict[str, Any]]:
    return dicts(doc.get("segments")) if isinstance(doc, dict) else dicts(doc)


def _is_segment(seg: dict[str, Any]) -> bool:
    return "text" in seg and isinstance(seg.get("start"), int | float) and "end" in seg


def _api_words(doc: Any) -> list[dict[str, Any]]:
    """OpenAI's transcription API (`verbose_json`, word granularity) puts the words in a
    top-level `words` list beside (or instead of) the segments."""
    words = dicts(doc.get("words")) if isinstance(doc, dict) else []
    return words if words and "word" in words[0] and "start" in words[0] else []


def looks_like(doc: Any) -> bool:
    """A `segments` list (or a bare list) of {start, end, text} with numeric times, or the
    transcription API's top-level `words` of {word, start, end} beside a `text`."""
    if isinstance(doc, dict) and not isinstance(doc.get("segments"), list):
        return "text" in doc and bool(_api_words(doc))
    if not isinstance(doc, dict | list):
        return False
    segs = _segments(doc)
    return (bool(segs) and _is_segment(segs[0])) or (
        isinstance(doc, dict) and doc.get("segments") == [] and "text" in doc
    )


def is_whisperx(doc: Any) -> bool:
    """whisperX marks itself by `word_segments`, or by word `score`s under segments."""
    if isinstance(doc, dict) and "word_segments" in doc:
        return True
    return any("score" in w for s in _segments(doc)[:20] for w in dicts(s.get("words")))


def read(doc: Any) -> Reading:
    tool = "whisperx" if is_whisperx(doc) else "whisper"
    reading = Reading(tool, [])
    disagree = 0
    segments = _segments(doc)
    loose = [_word(w) for w in _api_words(doc)]
    if loose and not segments:  # words only: one piece a word
        reading.pieces = [Piece.of(w) for w in loose]
        return reading
    if loose and not any("words" in s for s in segments):
        segments = _words_into_segments(segments, loose)
    for seg in segments:
        if not _is_segment(seg) and "text" not in seg:
            continue
        raw = seg.get("words")
        words = (
            [_word(w) for w in raw if isinstance(w, dict | Word)] if isinstance(raw, list) else []
        )
        who = label(seg.get("speaker"))
        start, end = seconds(seg.get("start")), seconds(seg.get("end"))
        text = text_of(seg.get("text"))
        if who is None and any(w.speaker for w in words):
            reading.pieces += [Piece.of(w) for w in words]
            continue
        disagree += sum(1 for w in words if w.speaker is not None and w.speaker != who)
        if not text.strip() and not words:
            continue
        if not text.strip():
            text = " ".join(w.text for w in words)
        reading.pieces.append(Piece(text, start, end, who, words or None))
    if disagree:
        reading.note(
            "asr-speaker-disagreement",
            f"{disagree} word(s) carry another speaker than their segment; the segment's "
            "speaker is kept for the turn (as whisperX's own writers print it), each word "
            "keeps its own label in Word.speaker",
        )
    return reading


def _words_into_segments(segments: list[dict[str, Any]], words: list[Word]) -> list[dict[str, Any]]:
    """Top-level words handed to the segment they start in (the API gives both lists, in
    time order, without linking them)."""
    out = [dict(s, words=[]) for s in segments]
    i = 0
    for w in words:
        while (
            i + 1 < len(out)
            and w.start is not None
            and w.start >= (seconds(out[i + 1].get("start")) or 0.0)
        ):
            i += 1
        if out:
            out[i]["words"].append(w)
    return out


def _word(w: dict[str, Any] | Word) -> Word:
    if isinstance(w, Word):
        return w
    text = next((w[k] for k in _TEXT_KEYS if isinstance(w.get(k), str)), "")
    confidence = next((number(w[k]) for k in _CONFIDENCE_KEYS if k in w), None)
    return Word(
        text=text.strip(),
        start=seconds(w.get("start")),
        end=seconds(w.get("end")),
        confidence=confidence,
        speaker=label(w.get("speaker")),
    )


# ---- Whisper's --output_format tsv ----------------------------------------------------

TSV_HEADER = "start\tend\ttext"


def looks_like_tsv(text: str) -> bool:
    return text.lstrip("\ufeff").startswith(TSV_HEADER)


def read_tsv(text: str) -> Reading:
    """`start<TAB>end<TAB>text`, times in integer milliseconds, one segment a line."""
    reading = Reading("whisper", [], located=True)
    offset = 0
    skipped: list[int] = []
    for number_, line in enumerate(text.split("\n"), 1):
        here, offset = offset, offset + len(line) + 1
        row = line.rstrip("\r")
        if number_ == 1 or not row.strip():
            continue
        parts = row.split("\t", 2)
        start = seconds(parts[0], 0.001) if len(parts) == 3 else None
        end = seconds(parts[1], 0.001) if len(parts) == 3 else None
        if len(parts) != 3 or start is None:
            skipped.append(number_)
            continue
        reading.pieces.append(Piece(parts[2], start, end, at=(here, here + len(row))))
    if skipped:
        reading.note(
            "tsv-skipped-line",
            f"{len(skipped)} line(s) are not `start<TAB>end<TAB>text` rows with millisecond "
            f"times (first: line {skipped[0]}); left out",
            level="warning",
        )
    return reading


# ---- whisper.cpp --output-json ---------------------------------------------------------


def looks_like_cpp(doc: Any) -> bool:
    """whisper.cpp: `transcription` items with `offsets` (ms) or `timestamps`."""
    items = dicts(doc.get("transcription")) if isinstance(doc, dict) else []
    return bool(items) and ("offsets" in items[0] or "timestamps" in items[0])


def read_cpp(doc: dict[str, Any]) -> Reading:
    """whisper.cpp's JSON: a piece per `transcription` item, times from `offsets`
    (milliseconds) or else `timestamps` (`00:00:01,500`). With tinydiarize
    (`speaker_turn_next`), items until each turn mark alternate between two labels, `0`
    and `1` (tinydiarize marks where the speaker changes, not who speaks)."""
    reading = Reading("whisper", [])
    diarized = any("speaker_turn_next" in item for item in dicts(doc.get("transcription")))
    who = 0
    for item in dicts(doc.get("transcription")):
        offsets, stamps = item.get("offsets"), item.get("timestamps")
        if isinstance(offsets, dict):
            start = seconds(offsets.get("from"), 0.001)
            end = seconds(offsets.get("to"), 0.001)
        elif isinstance(stamps, dict):
            start, end = seconds(stamps.get("from")), seconds(stamps.get("to"))
        else:
            start = end = None
        text = text_of(item.get("text"))
        if text.strip():
            reading.pieces.append(Piece(text, start, end, str(who) if diarized else None))
        if item.get("speaker_turn_next") is True:
            who = 1 - who
    return reading


def looks_like_chunks(doc: Any) -> bool:
    """Hugging Face's speech-recognition pipeline (and insanely-fast-whisper): `chunks` of
    {timestamp: [start, end], text}."""
    chunks = dicts(doc.get("chunks")) if isinstance(doc, dict) else []
    return bool(chunks) and isinstance(chunks[0].get("timestamp"), list | tuple)


def read_chunks(doc: dict[str, Any]) -> Reading:
    """A piece per chunk; where insanely-fast-whisper diarized the file, a piece per item of
    its `speakers` list ({speaker, timestamp, text}) instead."""
    reading = Reading("transformers", [])
    speakers = dicts(doc.get("speakers"))
    for item in speakers if speakers and "speaker" in speakers[0] else dicts(doc.get("chunks")):
        stamp = item.get("timestamp")
        start, end = (
            (stamp[0], stamp[1])
            if isinstance(stamp, list | tuple) and len(stamp) == 2
            else (None, None)
        )
        text = text_of(item.get("text"))
        if text.strip():
            reading.pieces.append(
                Piece(text, seconds(start), seconds(end), label(item.get("speaker")))
            )
    return reading


# What the transcription API's plain JSON holds besides its text (`gpt-4o-transcribe`
# adds `usage`, `whisper-1` may add `language` and `duration`).
_PLAIN_KEYS = frozenset({"text", "usage", "language", "duration", "task", "logprobs"})


def looks_like_text(doc: Any) -> bool:
    """The transcription API's default `json`: `{"text": ...}`, nothing timed."""
    return isinstance(doc, dict) and isinstance(doc.get("text"), str) and doc.keys() <= _PLAIN_KEYS


def read_text(doc: dict[str, Any]) -> Reading:
    """One untimed piece, no speaker: the file says nothing of either."""
    reading = Reading("openai", [])
    if doc["text"].strip():
        reading.pieces.append(Piece(doc["text"], None, None))
    return reading
