"""Which tool wrote a JSON document, recognised by its shape alone.

`VENDORS` is the table, in the order tried: each entry names the tool (the value of
`metadata.source_format`), the structural test, the reader, and what the test looks for
(listed in the error for JSON that matches none). The tests read a few keys; they are
exclusive by construction (Deepgram's and AWS's `results` is an object, Google's a list;
Whisper segments have numeric `start`, Podlove items clock strings), so the order only
matters for speed, except that Speechmatics (a `results` list of typed words) is tried
before Google (a `results` list of alternatives). Add a vendor by adding a row.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from . import (
    assemblyai,
    aws,
    azure,
    deepgram,
    google,
    podcastindex,
    podlove,
    revai,
    speechmatics,
    whisper,
)
from ._pieces import Reading


@dataclass(frozen=True)
class Vendor:
    name: str
    looks_like: Callable[[Any], bool]
    read: Callable[[Any], Reading]
    shape: str  # what `looks_like` checks, for people


VENDORS: tuple[Vendor, ...] = (
    Vendor("deepgram", deepgram.looks_like, deepgram.read, "Deepgram `results.channels[]`"),
    Vendor(
        "aws", aws.looks_like, aws.read, "AWS Transcribe `results.items[]` / `results.transcripts`"
    ),
    Vendor(
        "speechmatics",
        speechmatics.looks_like,
        speechmatics.read,
        "Speechmatics `results[]` of typed words",
    ),
    Vendor("google", google.looks_like, google.read, "Google `results[].alternatives[]`"),
    Vendor(
        "azure",
        azure.looks_like,
        azure.read,
        "Azure `recognizedPhrases[]` or Speech SDK `RecognitionStatus` results",
    ),
    Vendor(
        "assemblyai",
        assemblyai.looks_like,
        assemblyai.read,
        "AssemblyAI `utterances[]` / `words[]` with `audio_url`",
    ),
    Vendor("revai", revai.looks_like, revai.read, "Rev.ai `monologues[].elements[]`"),
    Vendor(
        "podcastindex",
        podcastindex.looks_like,
        podcastindex.read,
        "PodcastIndex `segments[]` of {startTime, endTime, body}",
    ),
    Vendor(
        "podlove",
        podlove.looks_like,
        podlove.read,
        "Podlove items of {start: 'HH:MM:SS.mmm' or start_ms, text}",
    ),
    Vendor(
        "whisper",
        whisper.looks_like,
        whisper.read,
        "Whisper / faster-whisper / whisperX `segments[]` of {start, end, text}",
    ),
    Vendor(
        "whisper.cpp", whisper.looks_like_cpp, whisper.read_cpp, "whisper.cpp `transcription[]`"
    ),
    Vendor(
        "transformers",
        whisper.looks_like_chunks,
        whisper.read_chunks,
        "Hugging Face pipeline `chunks[]` of {timestamp, text}",
    ),
    Vendor(
        "openai", whisper.looks_like_text, whisper.read_text, 'the API\'s plain `{"text": ...}`'
    ),
)


def detect(doc: Any) -> Vendor | None:
    """The first vendor whose shape `doc` (a loaded JSON value) has, else None."""
    return next((v for v in VENDORS if v.looks_like(doc)), None)


def looked_for() -> str:
    return "; ".join(v.shape for v in VENDORS)
