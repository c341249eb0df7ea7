"""Speech-recognition and diarization outputs as transcripts: Whisper, faster-whisper and
whisperX JSON, Whisper TSV, AWS Transcribe, Deepgram, AssemblyAI, Rev.ai, Google and Azure
speech JSON, PodcastIndex and Podlove transcript JSON, pyannote RTTM.

`parse_file` and `parse` call `read_asr` first; it answers None for anything that is not
one of these, and the text parser runs as before. Each vendor module translates its shape
into timed pieces (`_pieces.Piece`); `turns.build_transcript` makes the turns, once for
all; `join.join_speakers` attaches an RTTM diarization. See docs/asr.md.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from .._accounting import asr_left_out
from .._normalise import replace_surrogates, replace_surrogates_in
from ..models import Diagnostic, Metadata, Transcript
from . import rttm, whisper
from ._pieces import Piece, Reading
from .detect import VENDORS, Vendor, detect, looked_for
from .errors import AsrFormatError
from .join import join_speakers
from .turns import build_transcript

_JSON_START = frozenset("{[")


def read_asr(
    source: Any,
    *,
    name: str | None = None,
    split_pause: float | None = None,
    speakers: str | os.PathLike[str] | None = None,
) -> Transcript | None:
    """The transcript of speech-recognition output, or None when `source` is not that.

    `source` is text (JSON, RTTM or Whisper TSV; recognised by content) or an already
    loaded JSON value (a dict or list). `name` is the file it came from: a file that is JSON
    of no known shape, or named `.json` without being JSON, raises `AsrFormatError`; text
    without a name is never refused (it becomes a transcript of kind `other` with an
    `asr-unknown-json` diagnostic). A loaded value of no known shape raises.
    `split_pause` cuts a turn at a silence longer than that many seconds; `speakers` is
    an RTTM file whose speakers are joined to the words (see `join_speakers`).
    """
    if split_pause is not None and (
        isinstance(split_pause, bool) or not isinstance(split_pause, int | float) or split_pause < 0
    ):
        raise AsrFormatError(
            f"split_pause must be a number of seconds >= 0, got {split_pause!r}",
            hint="pass e.g. split_pause=2.0, or None not to split",
        )
    text: str | None = None
    if isinstance(source, str):
        source, note = replace_surrogates(source)  # issue 11: the text boundary, here too
        text = source
        reading = _read_text(source, name)
        if note is not None and reading is not None:
            reading.diagnostics.insert(0, note)
        if reading is None:
            if speakers is not None:
                raise AsrFormatError(
                    "speakers= joins a diarization to speech-recognition output with times, "
                    "and this input is not speech-recognition output",
                    path=name,
                    hint="pass a Whisper/whisperX (or other vendor) JSON or TSV file",
                )
            return None
        if isinstance(reading, Transcript):
            return reading
    elif isinstance(source, dict | list):
        reading = _read_value(source, name)
    else:
        return None
    if speakers is not None:
        reading = join_speakers(reading, _rttm_turns(speakers))
    transcript = build_transcript(reading, text, split_pause=split_pause)
    if note := asr_left_out([p.text for p in reading.pieces], transcript):
        transcript.diagnostics.append(note)  # issue 11: nothing lost silently
    return transcript


def parse_asr(source: Any, **options: Any) -> Transcript:
    """Like `read_asr`, but input that is no speech-recognition output raises."""
    doc = read_asr(source, **options)
    if doc is None or doc.metadata.source_format is None:
        raise AsrFormatError(
            "not speech-recognition output: looked for JSON (" + looked_for() + "), "
            "pyannote RTTM `SPEAKER` lines, or Whisper TSV (`start<TAB>end<TAB>text`)",
            path=options.get("name"),
        )
    return doc


def _read_text(text: str, name: str | None) -> Reading | Transcript | None:
    head = text.lstrip("\ufeff \t\r\n")
    if head[:1] in _JSON_START:
        try:
            value = json.loads(text.lstrip("\ufeff"))
        except RecursionError:  # `[[[[...`: brackets nested deeper than any vendor writes
            if name is not None and name.lower().endswith(".json"):
                raise AsrFormatError(
                    "is JSON nested too deeply to be speech-recognition output", path=name
                ) from None
            return None
        except ValueError as exc:
            if name is not None and name.lower().endswith(".json"):
                raise AsrFormatError(
                    f"is not valid JSON ({getattr(exc, 'msg', exc)})",
                    path=name,
                    line=getattr(exc, "lineno", None),
                    column=getattr(exc, "colno", None),
                    hint="check whether the file was cut off or edited by hand",
                ) from None
            return None  # text that starts with a bracket: `[MUSIC]`, `[00:00:52] ...`
        if not isinstance(value, dict | list):
            return None
        vendor = detect(value)
        if vendor is None:
            if name is not None:
                raise _unknown(name)
            return Transcript(
                kind="other",
                metadata=Metadata(),
                diagnostics=[
                    Diagnostic(
                        level="warning",
                        code="asr-unknown-json",
                        message="the input is JSON of no known speech-recognition shape "
                        f"(looked for {looked_for()}); nothing read from it",
                    )
                ],
            )
        return _read_safe(vendor, value)
    if whisper.looks_like_tsv(head):
        return whisper.read_tsv(text)
    if head.startswith(("SPEAKER", "SPKR-INFO", ";;")) and rttm.looks_like(head):
        return rttm.read(text)
    return None


def _read_value(value: dict[str, Any] | list[Any], name: str | None) -> Reading:
    vendor = detect(value)
    if vendor is None:
        raise _unknown(name)
    return _read_safe(vendor, value)


def _read_safe(vendor: Vendor, value: Any) -> Reading:
    """`vendor.read(value)`, its strings rid of lone surrogates first (with a diagnostic)."""
    value, note = replace_surrogates_in(value)
    reading = vendor.read(value)
    if note is not None:
        reading.diagnostics.insert(0, note)
    return reading


def _unknown(name: str | None) -> AsrFormatError:
    return AsrFormatError(
        f"JSON of no known speech-recognition shape: looked for {looked_for()}",
        path=name,
        hint="see docs/asr.md for the shapes read; for another tool, convert its output "
        "to one of them",
    )


def _rttm_turns(speakers: str | os.PathLike[str]) -> list[tuple[float, float, str]]:
    if not isinstance(speakers, str | os.PathLike):
        raise AsrFormatError(
            f"speakers= takes the path of an RTTM file, got {type(speakers).__name__}"
        )
    from ..reader import _read_bytes, read_text  # the reader imports the parser, which imports us

    path = Path(speakers)
    text, _, _ = read_text(_read_bytes(path), name=str(path))
    if not rttm.looks_like(text):
        raise AsrFormatError(
            "is not an RTTM file (no `SPEAKER <file> <channel> <onset> <duration> ...` line first)",
            path=str(path),
            hint="pass the diarization as pyannote writes it (`annotation.write_rttm(f)`)",
        )
    return rttm.speaker_turns(text)


__all__ = [
    "VENDORS",
    "AsrFormatError",
    "Piece",
    "Reading",
    "Vendor",
    "build_transcript",
    "detect",
    "join_speakers",
    "parse_asr",
    "read_asr",
]
