"""Google Cloud Speech-to-Text responses (v1 `recognize`/`longrunningrecognize`, as JSON
from the REST API or `MessageToJson`; v2 field names read too).

    {"results": [{"alternatives": [{"transcript": "hi there", "confidence": 0.93,
                   "words": [{"startTime": "0.500s", "endTime": "0.700s", "word": "hi",
                              "speakerTag": 1}]}],
                  "resultEndTime": "0.900s", "languageCode": "en-us"}]}

A piece is a word (`speakerTag` per word). Times are `"1.400s"` strings, protobuf
`{"seconds", "nanos"}` objects or numbers; `start_time`/`speaker_tag` (snake case),
`startOffset`/`speakerLabel` (v2) read the same. A long-running operation's wrapper
(`{"done": true, "response": {...}}`) is looked through.

Quirk: with diarization on, v1 repeats every word of the file in the *last* result, with
speaker tags, while the earlier results carry the same words untagged (tag 0, the proto
default, means "not diarized"). When the last result is tagged and holds at least as many
words as all the others, only it is read (diagnostic `google-diarized-repeat`).
"""

from __future__ import annotations

from typing import Any

from ..models import Word
from ._pieces import Piece, Reading, dicts, first_dict, label, number, seconds, text_of


def _body(doc: Any) -> Any:
    if isinstance(doc, dict) and isinstance(doc.get("response"), dict):
        return doc["response"]
    return doc


def looks_like(doc: Any) -> bool:
    body = _body(doc)
    if not isinstance(body, dict) or not isinstance(body.get("results"), list):
        return False
    results = dicts(body["results"])
    return bool(results) and "alternatives" in results[0]


def _get(d: dict[str, Any], *keys: str) -> Any:
    return next((d[k] for k in keys if k in d), None)


def _speaker(w: dict[str, Any]) -> str | None:
    tag = _get(w, "speakerTag", "speaker_tag", "speakerLabel", "speaker_label")
    return None if tag in (0, "0", "") else label(tag)


def _word(w: dict[str, Any]) -> Word:
    return Word(
        text=text_of(w.get("word")),
        start=seconds(_get(w, "startTime", "start_time", "startOffset", "start_offset")),
        end=seconds(_get(w, "endTime", "end_time", "endOffset", "end_offset")),
        confidence=number(w.get("confidence")),
        speaker=_speaker(w),
    )


def read(doc: Any) -> Reading:
    reading = Reading("google", [])
    results = dicts(_body(doc).get("results"))
    words_of = [
        [_word(w) for w in dicts(first_dict(r.get("alternatives")).get("words"))] for r in results
    ]
    if len(results) > 1 and words_of[-1] and any(w.speaker for w in words_of[-1]):
        before = sum(len(ws) for ws in words_of[:-1])
        if len(words_of[-1]) >= before:
            reading.note(
                "google-diarized-repeat",
                f"the last result repeats the file's words with speaker tags "
                f"({len(words_of[-1])} words, {before} untagged before it): only it is read",
            )
            results, words_of = results[-1:], words_of[-1:]
    end_before: float | None = 0.0  # a result starts where the one before it ended
    for result, words in zip(results, words_of, strict=True):
        best = first_dict(result.get("alternatives"))
        result_end = seconds(_get(result, "resultEndTime", "result_end_time", "resultEndOffset"))
        if words:
            reading.pieces += [Piece.of(w) for w in words]
        elif text_of(best.get("transcript")).strip():
            reading.pieces.append(Piece(text_of(best.get("transcript")), end_before, result_end))
        end_before = result_end if result_end is not None else end_before
    return reading
