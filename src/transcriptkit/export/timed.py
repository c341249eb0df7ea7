"""Research formats for timed transcripts: RTTM, Praat TextGrid and ELAN (.eaf).

Each needs turn times (captions, speech recognition, timestamped exports). Like every
exporter these are total functions: turns without times are left out (there is nowhere to
put them), so an untimed transcript gives a valid, empty file of the format. `untimed_note`
says so in one line, and the CLI prints it on stderr, so nothing is dropped silently.

- **RTTM** (NIST Rich Transcription Time Marked, as diarization tools read it): a
  `SPEAKER` line per timed turn, `SPEAKER <file> 1 <onset> <duration> <NA> <NA> <speaker>
  <NA> <NA>`, the file id from `Options.doc` (its stem), the speaker its id.
- **TextGrid** (Praat's long text format): an interval tier per speaker named by the
  speaker's name, intervals tiling the tier from 0 to the last end (gaps as empty
  intervals), each turn's text in its interval.
- **EAF** (ELAN Annotation Format 3.0): a tier per speaker with one time-aligned annotation
  per turn, times in milliseconds.
"""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from pathlib import PurePath

from ..ids import content_id
from ..models import Transcript, Turn
from .options import DEFAULT, Options

UNLABELED = "(unlabeled)"


TIMED_FORMATS = frozenset({"rttm", "textgrid", "eaf", "srt", "vtt"})  # srt, vtt: issue 9


def timed_turns(transcript: Transcript) -> list[Turn]:
    """The turns with a start and an end (not before it): what the timed formats write."""
    return [
        t
        for t in transcript.turns
        if t.start is not None and t.end is not None and t.end >= t.start
    ]


def untimed_note(transcript: Transcript, fmt: str) -> str | None:
    """A line saying which turns a timed format leaves out, or None when it leaves none."""
    if fmt not in TIMED_FORMATS:
        return None
    left_out = len(transcript.turns) - len(timed_turns(transcript))
    if not left_out:
        return None
    if left_out == len(transcript.turns):
        return f"no turn has times, so the {fmt} output holds none"
    return (
        f"{left_out} of {len(transcript.turns)} turns have no times and are not in the {fmt} output"
    )


def _speaker_names(transcript: Transcript) -> dict[str | None, str]:
    names: dict[str | None, str] = {s.id: s.name for s in transcript.speakers}
    names[None] = UNLABELED
    return names


# ---- RTTM -------------------------------------------------------------------------------

_NO_SPACE = re.compile(r"\s+")


def to_rttm(transcript: Transcript, options: Options = DEFAULT) -> str:
    """A `SPEAKER` line per timed turn, in turn order (times to the millisecond)."""
    turns = timed_turns(transcript)
    uri = _token(PurePath(options.doc).stem if options.doc else content_id(transcript))
    lines = []
    for t in turns:
        assert t.start is not None and t.end is not None
        speaker = _token(t.speaker_id or "unlabeled")
        lines.append(
            f"SPEAKER {uri} 1 {t.start:.3f} {t.end - t.start:.3f} <NA> <NA> {speaker} <NA> <NA>"
        )
    return "".join(line + "\n" for line in lines)


def _token(text: str) -> str:
    """RTTM fields are separated by white space, so none may hold any."""
    return _NO_SPACE.sub("_", text.strip()) or "_"


# ---- Praat TextGrid ---------------------------------------------------------------------


def to_textgrid(transcript: Transcript, options: Options = DEFAULT) -> str:
    """Praat's long TextGrid format, an interval tier per speaker in order of appearance."""
    turns = timed_turns(transcript)
    names = _speaker_names(transcript)
    tiers: dict[str, list[tuple[float, float, str]]] = {}
    for t in turns:
        assert t.start is not None and t.end is not None
        tier = tiers.setdefault(names.get(t.speaker_id, t.speaker_id or UNLABELED), [])
        text = " ".join(t.text.split())
        start = t.start
        if tier and start < tier[-1][1]:  # a speaker's own turns overlap: join them
            prev = tier.pop()
            tier.append((prev[0], max(prev[1], t.end), f"{prev[2]} {text}".strip()))
            continue
        tier.append((start, t.end, text))
    xmax = max((t.end for t in turns if t.end is not None), default=0.0)
    out = [
        'File type = "ooTextFile"',
        'Object class = "TextGrid"',
        "",
        "xmin = 0",
        f"xmax = {_num(xmax)}",
        "tiers? <exists>",
        f"size = {len(tiers)}",
        "item []:",
    ]
    for i, (name, intervals) in enumerate(tiers.items(), 1):
        tiled = _tile(intervals, xmax)  # a tier has a turn, so it is never empty
        out += [
            f"    item [{i}]:",
            '        class = "IntervalTier"',
            f"        name = {_quote(name)}",
            "        xmin = 0",
            f"        xmax = {_num(xmax)}",
            f"        intervals: size = {len(tiled)}",
        ]
        for j, (start, end, text) in enumerate(tiled, 1):
            out += [
                f"        intervals [{j}]:",
                f"            xmin = {_num(start)}",
                f"            xmax = {_num(end)}",
                f"            text = {_quote(text)}",
            ]
    return "\n".join(out) + "\n"


def _tile(intervals: list[tuple[float, float, str]], xmax: float) -> list[tuple[float, float, str]]:
    """The intervals with empty ones in the gaps, so they cover 0..xmax as Praat requires."""
    out: list[tuple[float, float, str]] = []
    at = 0.0
    for start, end, text in intervals:
        if start > at:
            out.append((at, start, ""))
        out.append((start, end, text))
        at = end
    if at < xmax:
        out.append((at, xmax, ""))
    return out


def _num(value: float) -> str:
    return f"{value:.6f}".rstrip("0").rstrip(".") or "0"


def _quote(text: str) -> str:
    """A Praat string: double quotes, a quote inside written twice."""
    return '"' + text.replace('"', '""') + '"'


# ---- ELAN -------------------------------------------------------------------------------


def to_eaf(transcript: Transcript, options: Options = DEFAULT) -> str:
    """ELAN's XML: a time slot per turn boundary, a tier per speaker, an annotation a turn.
    The document's date (or 1970-01-01) stands in the DATE attribute, so the output is
    the same on every run."""
    turns = timed_turns(transcript)
    names = _speaker_names(transcript)
    date = transcript.metadata.date or dt.date(1970, 1, 1)
    root = ET.Element(
        "ANNOTATION_DOCUMENT",
        {
            "AUTHOR": "transcriptkit",
            "DATE": f"{date.isoformat()}T00:00:00+00:00",
            "FORMAT": "3.0",
            "VERSION": "3.0",
            "xmlns:xsi": "http://www.w3.org/2001/XMLSchema-instance",
            "xsi:noNamespaceSchemaLocation": "http://www.mpi.nl/tools/elan/EAFv3.0.xsd",
        },
    )
    ET.SubElement(root, "HEADER", {"MEDIA_FILE": "", "TIME_UNITS": "milliseconds"})
    order = ET.SubElement(root, "TIME_ORDER")
    tiers: dict[str, ET.Element] = {}
    for i, t in enumerate(turns):
        assert t.start is not None and t.end is not None
        slots = []
        for k, seconds in enumerate((t.start, t.end)):
            slot = f"ts{2 * i + k + 1}"
            ET.SubElement(
                order, "TIME_SLOT", {"TIME_SLOT_ID": slot, "TIME_VALUE": str(round(seconds * 1000))}
            )
            slots.append(slot)
        name = names.get(t.speaker_id, t.speaker_id or UNLABELED)
        if name not in tiers:
            tiers[name] = ET.Element(
                "TIER", {"LINGUISTIC_TYPE_REF": "default-lt", "TIER_ID": name, "PARTICIPANT": name}
            )
        annotation = ET.SubElement(ET.SubElement(tiers[name], "ANNOTATION"), "ALIGNABLE_ANNOTATION")
        annotation.attrib.update(
            {"ANNOTATION_ID": f"a{i + 1}", "TIME_SLOT_REF1": slots[0], "TIME_SLOT_REF2": slots[1]}
        )
        ET.SubElement(annotation, "ANNOTATION_VALUE").text = " ".join(t.text.split())
    root.extend(tiers.values())
    ET.SubElement(
        root,
        "LINGUISTIC_TYPE",
        {
            "GRAPHIC_REFERENCES": "false",
            "LINGUISTIC_TYPE_ID": "default-lt",
            "TIME_ALIGNABLE": "true",
        },
    )
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
