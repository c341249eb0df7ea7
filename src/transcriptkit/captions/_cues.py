"""What every caption format is read into before turns are built: cues with their times,
their source lines (number, offset, raw text) and their placement, plus what the reading
noticed. One shape for all formats, so speakers, roll-up and turns are decided once."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import InputError
from ..models import Diagnostic


class CaptionError(InputError):
    """Caption text that cannot be read: a line that is neither a timing, a cue's words
    nor a header (with `strict=True`), or a file that is not captions at all. `line` names
    the line (1-based)."""


@dataclass(slots=True)
class SourceLine:
    """One line of a cue's words as it stands in the input: `text` is the raw line without
    its line break, starting at character `offset` of the input."""

    number: int
    offset: int
    text: str
    whole: bool = True  # False for a piece of a line whose newlines were lost


@dataclass(slots=True)
class RawCue:
    """One caption: start and end in seconds, where its timing stood, its lines of words,
    and its placement (`line:90%`, `position:10%`, `{\\an8}`, a region) as printed, so
    captions shown side by side are not taken for roll-up."""

    start: float
    end: float
    line: int
    lines: list[SourceLine] = field(default_factory=list)
    placement: str = ""
    speaker: str | None = None  # a speaker the format itself names (ASS Name, TTML agent)
    speaker_label: str | None = None  # that speaker as printed there (a TTML agent's id)
    label_at: int = -1  # where the cue's source starts, the speaker field included


@dataclass(slots=True)
class Reading:
    """A caption file read into cues: its format, title (WebVTT's `WEBVTT - Title`, a TTML
    `<title>`) and the diagnostics, one per line that could not be read."""

    fmt: str
    cues: list[RawCue] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    title: str | None = None
    strict: bool = False

    def problem(self, code: str, message: str, line: int | None, level: str = "warning") -> None:
        """Report a line that could not be read; `strict` readings raise instead."""
        if self.strict:
            raise CaptionError(
                message,
                line=line,
                hint="fix the line, or parse with strict=False to keep it as a diagnostic",
            )
        self.diagnostics.append(
            Diagnostic(
                level="warning" if level == "warning" else "info",
                code=code,
                message=message,
                line=line,
            )
        )
