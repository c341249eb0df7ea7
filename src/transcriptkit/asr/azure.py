"""Azure AI Speech: batch transcription results and the Speech SDK's detailed results.

Batch transcription (`.../transcriptions/{id}/files` content):

    {"source": "...", "durationInTicks": 52000000,
     "combinedRecognizedPhrases": [{"channel": 0, "display": "Hi there."}],
     "recognizedPhrases": [{"recognitionStatus": "Success", "channel": 0, "speaker": 1,
                            "offsetInTicks": 5000000, "durationInTicks": 4000000,
                            "offset": "PT0.5S", "duration": "PT0.4S",
                            "nBest": [{"confidence": 0.93, "display": "Hi there.",
                                       "lexical": "hi there",
                                       "words": [{"word": "hi", "offsetInTicks": 5000000,
                                                  "durationInTicks": 2000000,
                                                  "confidence": 0.95}]}]}]}

Speech SDK (`SpeechServiceResponse_JsonResult`, one object or a list of them; the
conversation transcriber adds `SpeakerId`):

    {"Id": "...", "RecognitionStatus": "Success", "Offset": 5000000, "Duration": 4000000,
     "DisplayText": "Hi there.", "SpeakerId": "Guest-1",
     "NBest": [{"Confidence": 0.93, "Display": "Hi there.",
                "Words": [{"Word": "hi", "Offset": 5000000, "Duration": 2000000}]}]}

Fast transcription (`{"durationMilliseconds", "combinedPhrases", "phrases": [{"speaker": 1,
"offsetMilliseconds": 500, "durationMilliseconds": 1500, "text", "words"}]}`) reads the
same, in milliseconds.

A piece is a phrase: Azure attributes speakers per phrase. Times are ticks of 100 ns
(`*InTicks`, SDK `Offset`/`Duration`) or ISO 8601 durations (`"PT1.2S"`); end = offset +
duration. Text is the best alternative's `display` form. A phrase whose status is not
`Success` (`NoMatch`, `InitialSilenceTimeout`) holds no words and is counted, not read.
The SDK's `SpeakerId` `Unknown` means "not attributed" and leaves the phrase unlabeled.
With several channels and no diarization, the channel is the speaker.
"""

from __future__ import annotations

from typing import Any

from ..models import Word
from ._pieces import Piece, Reading, dicts, first_dict, label, number, seconds, text_of

TICK = 1e-7  # Azure counts time in ticks of 100 nanoseconds


def _sdk_results(doc: Any) -> list[dict[str, Any]]:
    items = [doc] if isinstance(doc, dict) else dicts(doc)
    return [d for d in items if "RecognitionStatus" in d]


def _fast_phrases(doc: Any) -> list[dict[str, Any]]:
    """The fast transcription API's `phrases` (times in milliseconds)."""
    phrases = dicts(doc.get("phrases")) if isinstance(doc, dict) else []
    return phrases if phrases and "offsetMilliseconds" in phrases[0] else []


def looks_like(doc: Any) -> bool:
    if isinstance(doc, dict) and isinstance(doc.get("recognizedPhrases"), list):
        return True
    return bool(_sdk_results(doc)) or bool(_fast_phrases(doc))


def _time(d: dict[str, Any], ticks: str, iso: str) -> float | None:
    if ticks in d:
        return seconds(d[ticks], TICK)
    return seconds(d.get(iso))


def _end(start: float | None, length: float | None) -> float | None:
    return round(start + length, 6) if start is not None and length is not None else None


def _words(raw: list[dict[str, Any]], sdk: bool, who: str | None) -> list[Word]:
    out = []
    for w in raw:
        if sdk:
            start, length = seconds(w.get("Offset"), TICK), seconds(w.get("Duration"), TICK)
            text, confidence = text_of(w.get("Word")), number(w.get("Confidence"))
        else:
            start = _time(w, "offsetInTicks", "offset")
            length = _time(w, "durationInTicks", "duration")
            text, confidence = text_of(w.get("word")), number(w.get("confidence"))
        out.append(
            Word(
                text=text, start=start, end=_end(start, length), confidence=confidence, speaker=who
            )
        )
    return out


def read(doc: Any) -> Reading:
    reading = Reading("azure", [])
    skipped = 0
    if isinstance(doc, dict) and "recognizedPhrases" in doc:
        phrases = dicts(doc["recognizedPhrases"])
        several = len({label(p.get("channel")) for p in phrases}) > 1
        for p in phrases:
            best = first_dict(p.get("nBest"))
            if p.get("recognitionStatus", "Success") != "Success" or not best:
                skipped += 1
                continue
            who = label(p.get("speaker"))
            if who is None and several:
                who = label(p.get("channel"))
            start = _time(p, "offsetInTicks", "offset")
            end = _end(start, _time(p, "durationInTicks", "duration"))
            text = text_of(best.get("display")) or text_of(best.get("lexical"))
            words = _words(dicts(best.get("words")), False, who)
            reading.pieces.append(Piece(text, start, end, who, words or None))
    elif fast := _fast_phrases(doc):
        several = len({label(p.get("channel")) for p in fast}) > 1
        for p in fast:
            who = label(p.get("speaker"))
            if who is None and several:
                who = label(p.get("channel"))
            start = seconds(p.get("offsetMilliseconds"), 0.001)
            end = _end(start, seconds(p.get("durationMilliseconds"), 0.001))
            words = [
                Word(
                    text=text_of(w.get("text")),
                    start=(at := seconds(w.get("offsetMilliseconds"), 0.001)),
                    end=_end(at, seconds(w.get("durationMilliseconds"), 0.001)),
                    speaker=who,
                )
                for w in dicts(p.get("words"))
            ]
            text = text_of(p.get("text"))
            if text.strip():
                reading.pieces.append(Piece(text, start, end, who, words or None))
    else:
        for r in _sdk_results(doc):
            best = first_dict(r.get("NBest"))
            text = text_of(r.get("DisplayText")) or text_of(best.get("Display"))
            if r.get("RecognitionStatus") != "Success" or not text.strip():
                skipped += 1
                continue
            who = label(r.get("SpeakerId"))
            who = None if who is not None and who.lower() == "unknown" else who
            start = seconds(r.get("Offset"), TICK)
            end = _end(start, seconds(r.get("Duration"), TICK))
            words = _words(dicts(best.get("Words")), True, who)
            reading.pieces.append(Piece(text, start, end, who, words or None))
    if skipped:
        reading.note(
            "azure-no-match",
            f"{skipped} phrase(s) were not recognised (status other than Success) and hold "
            "no words",
        )
    return reading
