"""What every vendor reader hands to the turn builder: timed pieces of text with the
vendor's own speaker label, plus what the reader noticed.

A *piece* is the finest unit a vendor attributes a speaker to (a word for Deepgram,
AssemblyAI, AWS and Google; a segment for Whisper and whisperX; a monologue for Rev.ai; a
phrase for Azure; an RTTM line). Readers only translate shapes; grouping into turns,
ordering, overlaps and spans are decided once, in `turns.py`.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any

from ..models import Diagnostic, Level, Word


@dataclass(slots=True)
class Piece:
    """One attributed stretch of speech. `glue` joins the text to the previous piece
    without a space (punctuation items); `at` is the piece's own (start, end) character
    offsets in the input, where a reader knows them (RTTM and TSV lines)."""

    text: str
    start: float | None
    end: float | None
    speaker: str | None = None
    words: list[Word] | None = None
    glue: bool = False
    at: tuple[int, int] | None = None

    @classmethod
    def of(cls, word: Word) -> Piece:
        """The piece one word makes, attributed as the word is (word-by-word vendors)."""
        return cls(word.text, word.start, word.end, word.speaker, [word])


@dataclass(slots=True)
class Reading:
    """A vendor reader's result: the producing tool, the pieces in file order, names the
    file maps labels to, and diagnostics."""

    source_format: str
    pieces: list[Piece]
    names: dict[str, str] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    located: bool = False  # pieces carry `at`: spans come from the reader, not a search

    def note(self, code: str, message: str, level: Level = "info") -> None:
        self.diagnostics.append(Diagnostic(level=level, code=code, message=message))


# ---- small conversions shared by the readers ---------------------------------------------

_CLOCK = re.compile(r"\s*(?:(\d+):)?(\d+):(\d+(?:[.,]\d+)?)\s*")
_SUFFIXED = re.compile(r"\s*(-?\d+(?:\.\d+)?)\s*s\s*")  # Google's "1.400s"
_ISO = re.compile(r"\s*PT(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?\s*")


def seconds(value: Any, scale: float = 1.0) -> float | None:
    """A time as seconds: numbers (times `scale`, e.g. 0.001 for milliseconds), numeric
    strings (AWS `"0.49"`), clock strings (`"00:01:17.2"`, Podlove), `"1.400s"` (Google),
    ISO 8601 durations (`"PT1.2S"`, Azure), `{"seconds": .., "nanos": ..}` (protobuf).
    None for anything else, and for NaN or negative times."""
    out: float | None = None
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        out = float(value) * scale
    elif isinstance(value, str):
        text = value.strip()
        try:
            out = float(text) * scale
        except ValueError:
            if m := _CLOCK.fullmatch(text):
                h, mi, s = m.groups()
                out = int(h or 0) * 3600 + int(mi) * 60 + float(s.replace(",", "."))
            elif m := _SUFFIXED.fullmatch(text):
                out = float(m[1])
            elif (m := _ISO.fullmatch(text)) and any(m.groups()):
                h, mi, s = (float(g) if g else 0.0 for g in m.groups())
                out = h * 3600 + mi * 60 + s
    elif isinstance(value, dict) and ("seconds" in value or "nanos" in value):
        whole = seconds(value.get("seconds", 0)) or 0.0
        nanos = seconds(value.get("nanos", 0)) or 0.0
        out = whole + nanos / 1e9
    if out is None or math.isnan(out) or math.isinf(out) or out < 0:
        return None
    return round(out, 6)


def number(value: Any) -> float | None:
    """A confidence or score as a float (AWS writes `"0.998"`), else None."""
    if isinstance(value, bool) or value is None:
        return None
    try:
        out = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(out) else out


def label(value: Any) -> str | None:
    """A vendor's speaker id as the string it prints (`0`, `A`, `spk_0`); None when
    absent or empty."""
    if value is None or isinstance(value, bool):
        return None
    text = str(value).strip()
    return text or None


def dicts(value: Any) -> list[dict[str, Any]]:
    """The dict items of a list (a vendor list with a stray null in it stays readable)."""
    if not isinstance(value, list):
        return []
    return [item for item in value if isinstance(item, dict)]


def first_dict(value: Any) -> dict[str, Any]:
    """The first dict of a list (a vendor's best alternative), else an empty dict."""
    items = dicts(value)
    return items[0] if items else {}


def text_of(value: Any) -> str:
    return value if isinstance(value, str) else ""
