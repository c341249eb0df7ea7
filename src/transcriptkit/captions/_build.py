"""Cues to a `Transcript`: roll-up said once, speakers by the file's own convention, turns
that keep their captions (and word times) with spans into the input.

Who speaks is read from markup first (`<v Name>`, `>>`), then from prefixes the file uses
as its convention (`NAME:`, `Name:`, `[Name]`), decided from evidence in the file itself:
a name that recurs, several distinct names, a label alone on its line. A capitalised word
before a colon once (`Remember: ...`, `Dijo: "..."`) is not a speaker.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Final, cast

import regex

from ..cleantext import clean
from ..models import (
    TURN_FIELDS,
    Caption,
    Cue,
    CueKind,
    Diagnostic,
    InlineCue,
    Kind,
    Metadata,
    Span,
    Speaker,
    Transcript,
    Turn,
    Word,
    make_cue,
    make_note,
    make_span,
    maker,
)
from ..names import canonical_name
from ..rules import CUE_KINDS, CUE_NOT, INLINE_NOTE, NOTE_WORDS, caps_speech
from ..speakers import SpeakerBook
from ._cues import RawCue, Reading, SourceLine
from ._markup import Segment, segments

# Roll-up captions (YouTube, CEA-608 roll-up) show the last line again at the top of the
# next cue, which starts where the previous one ends. Captions further apart than this
# repeat a line on purpose (a chorus, a second "No.").
ROLL_GAP: Final = 0.5  # seconds between one cue's end and the next one's start
# YouTube's transition frame: a cue of ~10 ms that shows only the line just said. A cue
# that repeats whole for longer than this is said again (a sung line, `No.` / `No.`).
FLASH: Final = 0.25  # seconds
# Where at least this share of the captions with words names its speaker, the file names
# the speaker on every cue and a repeated name continues the turn (`<v Ana>` on each cue);
# below it, names are printed at changes, and each printed name starts a turn (two `MAN:`
# are two men).
EVERY_CUE: Final = 0.5
# Names printed in lower case (`marco:`) are labels where this many of them recur, each
# this often: a chat-style file; one `note:` in the words is not.
LOWER_VOICES: Final = 2
LOWER_RECURRENCE: Final = 2
# A name alone on a cue's first line, the words on the lines under it (as Microsoft Teams
# prints a meeting: `0:0:5.120 --> 0:0:8.960` / `Ada Quist` / words): the file's convention
# where at least this share of the cues of more than one line open so, with two names or
# more that recur (`HEADING_VOICES`); a caption whose first line is `Okay` is words.
HEADING_SHARE: Final = 0.5
HEADING_VOICES: Final = 2

_NAME = r"""
    \p{Lu} [\p{L}\p{M}\p{Nd}'’.\-]{0,30}+
    (?: [ ] (?: \p{Lu} [\p{L}\p{M}\p{Nd}'’.\-]{0,30}+ | \#?+ \p{Nd}{1,3}+
              | de | van | von | da | del | la | le | bin | al | y | e ) ){0,4}+
"""
# What may open a caption line: `>>` (another speaker), a dialogue dash, then a bracketed
# name before words (`[Alba] Vamos.`), a note used as a label (`(LAUGHING):`), or a name
# before a colon (`NARRATOR:`, `Dr. Amara Osei:`, `MAN (V.O.):`), a tab or a bar (`Ana
# Ruiz<TAB>Hola`, `Ana Ruiz | Hola`: a file in columns) or in bold (`**Ana Ruiz**`).
_LEAD: Final = regex.compile(
    rf"""
    (?P<change> >>>?+ (?!>) [ \t]*+ )?+
    (?P<dash> [-‐–—] [ \t]++ )?+
    (?: \[ (?P<bracket> [^\[\]\n]{{1,40}}+ ) \] [ \t]*+ (?= \S )
      | [\[(] [^\[\]()\n]{{1,40}}+ [\])] [ \t]*+ : [ \t]*+
      | \*\* (?P<label> (?P<name> {_NAME} ) ) \*\* (?: [ \t]*+ : )?+ (?= [ \t] | $ ) [ \t]*+
      | (?P<label> (?P<name> {_NAME} ) (?: [ \t]*+ \( (?P<desc> [^()\n]{{1,40}}+ ) \) )?+ )
        (?: [ \t]*+ \.?+ : (?= [ \t] | $ ) | [ ]*+ \t (?= [ \t]*+ \S )
          | [ \t]++ \| (?= [ \t]*+ \S ) ) [ \t]*+
    )?+
    """,
    regex.VERBOSE | regex.V1,
)
_LEAD_FIRST: Final = frozenset(">-‐–—[(*")
# A chat-style name in lower case before a colon (`marco: ok so`): one word.
_LOWER_LEAD: Final = regex.compile(
    r"(?P<name> \p{Ll} [\p{Ll}\p{Nd}_.'’\-]{1,30}+ ) [ \t]*+ : (?= [ \t] | $ ) [ \t]*+",
    regex.VERBOSE | regex.V1,
)
# A line that is nothing but a sound or stage note: `[ríen]`, `( clock ticking )`.
_SOUND: Final = regex.compile(
    r"[ \t]*+ (?: \[ ([^\[\]\n]++) \] | \( ([^()\n]++) \) ) [ \t]*+ $", regex.V1 | regex.VERBOSE
)
_QUOTES: Final = frozenset('"“„«')  # a quotation after the colon: reported speech
_CLOSING: Final = frozenset(",.;:!?)")


# The models a caption file is read into, from values already of their types (times are
# floats, offsets ints): `models.maker` builds them without pydantic's validation, which
# was a third of the build, and with shared fields sets (half a caption's memory).
_CAPTION = maker(Caption, ("start", "end", "text", "span", "line", "words"))
_TURN = maker(Turn, (*TURN_FIELDS, "captions"))
_WORD = maker(Word, ("text",))
_TIMED_WORD = maker(Word, ("text", "start", "end"))


@dataclass(slots=True)
class _Piece:
    """One stretch of a caption line with what opens it."""

    cue: RawCue
    line: SourceLine
    at: int  # where the words start in the line
    text: str
    chunks: list[tuple[float | None, str]] | None
    voice: str | None = None
    change: bool = False
    dash: bool = False
    label: str | None = None
    name: str | None = None
    desc: str | None = None
    kind: str = ""  # "prefix" or "bracket" for a candidate label
    quoted: bool = False
    alone: bool = False
    sound: str | None = None
    stop: int = 0  # where the piece ends in its raw line (tags included)
    begin: int = 0  # where it starts there (its voice tag included)
    unlabeled: tuple[int, str] | None = None  # (at, text) with a candidate label kept
    tidy: str = ""  # the words cleaned (see `_tidy`), once the piece joins a turn


def _tidy(text: str) -> str:
    """Clean words on one line: plain ASCII needs only its spaces folded (the common
    case, without `clean`'s translations); anything else goes through `clean`."""
    if text.isascii() and "`" not in text:
        return " ".join(text.split())
    return " ".join(clean(text).split())


@dataclass(slots=True)
class _Draft:
    line: int
    begin: int
    label: str | None = None
    speaker: Speaker | None = None
    paragraphs: list[list[_Piece]] = field(default_factory=lambda: [[]])
    captions: list[tuple[RawCue, list[_Piece]]] = field(default_factory=list)
    stop: int = 0
    start: float | None = None
    end: float | None = None


class _Names(dict[str, str]):
    """Canonical names of the labels and voices printed, each worked out once (a file
    prints the same few names on every caption)."""

    def __missing__(self, raw: str) -> str:
        # A voice's description is no part of the name: `<v Ada Quist (Guest)>`.
        name = self[raw] = canonical_name(_DESCRIBED.sub("", raw) or raw)
        return name


_DESCRIBED: Final = regex.compile(r"[ \t]++\([^()\n]{1,40}+\)[ \t]*+$", regex.V1)


def _pieces_of(cue: RawCue, line: SourceLine, segs: list[Segment], names: _Names) -> list[_Piece]:
    out: list[_Piece] = []
    for k, seg in enumerate(segs):
        text = seg.text
        voice = seg.voice
        if voice is None and k == 0 and cue.speaker and line is cue.lines[0]:
            voice = cue.speaker  # the format's own speaker field (ASS Name, TTML agent)
        p = _Piece(cue, line, seg.at, text, seg.chunks, voice=voice, begin=seg.at)
        p.stop = segs[k + 1].at if k + 1 < len(segs) else len(line.text.rstrip())
        out.append(p)
        stripped = text.lstrip()
        if k or not stripped:
            continue
        first = stripped[0]
        if (
            first in "[("
            and line.whole
            and (sound := _SOUND.match(text))
            and not CUE_NOT.match(sound[1] or sound[2])
        ):
            p.sound = (sound[1] or sound[2]).strip()
            continue
        if first.isupper() and (cs := caps_speech(text)) is not None:
            # `Ada Quist WELCOME BACK.`: a name in Title Case before caption capitals
            p.kind, p.label, p.name = "caps", cs["label"], canonical_name(cs["name"])
            p.unlabeled = (_raw_index(line.text, seg.at, text, cs.start("label")), text)
            _words_after(p, line.text, seg.at, text, cs.end())
            continue
        if (
            first.islower()
            and ":" in text
            and (low := _LOWER_LEAD.match(text, len(text) - len(stripped)))
        ):
            # `marco: ok so`: a candidate only where such names recur (`_accepted`)
            p.kind, p.label, p.name = "lower", low["name"], names[low["name"]]
            p.unlabeled = (
                _raw_index(line.text, seg.at, text, low.start("name")),
                text[low.start("name") :],
            )
            _words_after(p, line.text, seg.at, text, low.end())
            continue
        if (
            first.isupper()
            and len(cue.lines) > 1
            and line is cue.lines[0]
            and _BRACKET_NAME.fullmatch(stripped.rstrip())
        ):
            # `Ada Quist` over the cue's words: a candidate only as the file's convention
            p.kind, p.label = "heading", " ".join(stripped.split())
            p.name = names[p.label]
            p.unlabeled = (p.at, text)
            _words_after(p, line.text, seg.at, text, len(text))
            continue
        if first in _LEAD_FIRST or (
            first.isupper() and (":" in text or "\t" in text or "|" in text)
        ):
            lead = len(text) - len(stripped)
            m = _LEAD.match(text, lead)
            if m is None or (end := m.end()) == lead:
                continue
            # One look-up of the groups (a `regex` group by name costs as much as a match).
            change, dash, bracket, label = m.group("change", "dash", "bracket", "label")
            p.change, p.dash = change is not None, dash is not None
            rest = text[end:]
            # Where the words would start if the label is not taken for one.
            if bracket is not None:
                after = m.start("bracket") - 1
            else:
                after = m.start("label") if label is not None else end
            p.unlabeled = (_raw_index(line.text, seg.at, text, after), text[after:])
            if bracket is not None:
                p.kind, p.label = "bracket", bracket.strip()
                p.name = names[p.label]
            elif label is not None:
                name, p.desc = m.group("name", "desc")
                p.kind, p.label = "prefix", " ".join(label.split())
                p.name = names[name.rstrip(".")]
                p.alone = not rest.strip()
                p.quoted = rest.lstrip()[:1] in _QUOTES
            _words_after(p, line.text, seg.at, text, end)
            if rest.strip() and (sound := _SOUND.match(rest)):
                p.sound = (sound[1] or sound[2]).strip()
    return out


def _words_after(p: _Piece, raw: str, at: int, text: str, end: int) -> None:
    """The piece's words are what follows its marker (`text[:end]`, a label or a name): its
    offset in the raw line, its text, and its first chunk (the marker was in the first,
    untimed chunk) without the marker."""
    p.at = _raw_index(raw, at, text, end)
    p.text = text[end:]
    if p.chunks is not None:
        t, c = p.chunks[0]
        p.chunks = [(t, c[end:] if len(c) >= end else ""), *p.chunks[1:]]


def _raw_index(raw: str, at: int, text: str, k: int) -> int:
    """Where index `k` of a segment's words (markup removed) stands in the raw line."""
    if raw.startswith(text, at):  # no markup in the segment: the same offsets
        return at + k
    head = text[:k].rstrip()
    j = raw.find(head, at) if head else -1
    return j + len(head) + (k - len(text[:k].rstrip())) if j >= 0 else at


def _accepted(pieces: list[_Piece]) -> set[tuple[str, str]]:
    """The (kind, name) labels this file uses as its convention (see the module doc)."""
    prefix = Counter(p.name for p in pieces if p.kind == "prefix" and not p.change)
    accepted: set[tuple[str, str]] = set()
    caps = {n for n in prefix if n and _is_caps(n, pieces)}
    alone_caps = any(p.alone and p.name in caps for p in pieces if p.kind == "prefix")
    convention = any(c >= 2 for c in prefix.values()) or len(caps) >= 2 or alone_caps
    if convention:
        titled = any(
            (prefix[n] >= 2 or " " in n) and n not in caps for n in prefix if n is not None
        )
        for name, count in prefix.items():
            if name is None:
                continue
            if count >= 2 or " " in name or name in caps or titled:
                accepted.add(("prefix", name))
        quoted_only = {
            p.name for p in pieces if p.kind == "prefix" and p.quoted and prefix[p.name] == 1
        }
        accepted -= {("prefix", n) for n in quoted_only if n}
    # Sounds: a bracketed note alone in its cue (`[sighs]`), one in lower case where a name
    # would be (`[laughs]. Right.`) and one printed after words (`Yeah. [Laughs]`): the same
    # note opening a line (`[Laughs] That's right.`) is no name.
    sounds = {canonical_name(p.sound) for p in pieces if p.sound is not None and p.kind == ""}
    sounds |= {
        canonical_name(p.label)
        for p in pieces
        if p.kind == "bracket" and p.label and not p.label[:1].isupper()
    }
    sounds |= {
        canonical_name(m["note"])
        for p in pieces
        if "[" in p.text
        for m in _NOTE_AFTER.finditer(p.text)
    }
    names = {
        p.name
        for p in pieces
        if p.kind == "bracket"
        and p.name
        and p.name not in sounds
        and p.label
        and _BRACKET_NAME.fullmatch(p.label)
    }
    if len(names) >= 2:
        accepted |= {("bracket", n) for n in names}
    accepted |= {("prefix", p.name) for p in pieces if p.change and p.name}
    # A Title Case name before words in capitals: the case change is the file's own mark.
    accepted |= {("caps", p.name) for p in pieces if p.kind == "caps" and p.name}
    # Names in lower case (`marco:`, a chat-style file) where two of them recur: each one
    # that recurs.
    lower = Counter(p.name for p in pieces if p.kind == "lower")
    recurring = {n for n, c in lower.items() if n and c >= LOWER_RECURRENCE}
    if len(recurring) >= LOWER_VOICES:
        accepted |= {("lower", n) for n in recurring}
    headings = Counter(p.name for p in pieces if p.kind == "heading")
    if headings:
        tall = len({id(p.cue) for p in pieces if len(p.cue.lines) > 1})
        recurring = {n for n, c in headings.items() if n and c >= 2}
        if len(recurring) >= HEADING_VOICES and headings.total() >= HEADING_SHARE * tall:
            accepted |= {("heading", n) for n in headings if n}
    return accepted


# A bracketed note after words on its line (`Yeah. [Laughs]`).
_NOTE_AFTER: Final = regex.compile(
    r"(?<= \S [ \t]*+ ) \[ (?P<note> [^\[\]\n]{1,40}+ ) \]", regex.VERBOSE | regex.V1
)

# A bracketed name as printed (`[Alba]`, `[Dr. Osei]`), not a sound (`[ríen]`).
_BRACKET_NAME: Final = regex.compile(_NAME, regex.VERBOSE | regex.V1)


def _is_caps(name: str, pieces: list[_Piece]) -> bool:
    """Printed in capitals (SDH `NARRATOR:`) wherever it is printed."""
    return all(
        p.label is not None and p.label.upper() == p.label
        for p in pieces
        if p.name == name and p.kind == "prefix"
    )


def _roll_up(cues: list[RawCue], shows: list[list[list[Segment]]]) -> tuple[list[int], list[bool]]:
    """For each cue, how many of its first lines are roll-up repeats, and whether it is a
    transition frame that adds nothing. Roll-up repeats the previous cue's last lines as
    this cue's first ones; where each line of the previous cue stands is a dict, so the
    check is one look-up and a comparison of the repeated lines, however long the cue."""
    dropped: list[int] = []
    flashes: list[bool] = []
    previous: RawCue | None = None
    shown: list[str] = []
    where: dict[str, int] = {}
    for cue, segs in zip(cues, shows, strict=True):
        # A line's words as shown: its segments joined (most lines have one).
        said = [
            " ".join((line[0].text if len(line) == 1 else "".join([x.text for x in line])).split())
            for line in segs
        ]
        drop, flash = 0, False
        if (
            previous is not None
            and said
            and said[0] in where
            and cue.start > previous.start
            and cue.start - previous.end <= ROLL_GAP
            and cue.placement == previous.placement
        ):
            j = where[said[0]]
            k = len(shown) - j  # the previous cue's last k lines, if this one repeats them
            if said[:k] == shown[j:]:
                if k < len(said):
                    drop = k
                elif cue.end - cue.start < FLASH:
                    drop, flash = len(said), True
        dropped.append(drop)
        flashes.append(flash)
        if said:
            previous, shown = cue, said
            where = {line: i for i, line in enumerate(said)}
    return dropped, flashes


def build(reading: Reading, fmt_label: str | None = None) -> Transcript:
    """The transcript of a caption reading."""
    shows = [[segments(ln.text) for ln in cue.lines] for cue in reading.cues]
    dropped, flashes = _roll_up(reading.cues, shows)
    names = _Names()
    pieces: list[_Piece] = []
    owner: list[int] = []  # for each piece, the index of its cue
    for index, cue in enumerate(reading.cues):
        drop = dropped[index]
        for ln, segs in zip(cue.lines[drop:], shows[index][drop:], strict=True):
            for p in _pieces_of(cue, ln, segs, names):
                pieces.append(p)
                owner.append(index)
    del shows
    accepted = _accepted(pieces)
    for p in pieces:  # a candidate label the file does not use as one is words
        if p.kind and (p.kind, p.name) not in accepted and p.unlabeled is not None:
            p.at, p.text = p.unlabeled
            p.kind, p.label, p.name, p.sound = "", None, None, None
    book = SpeakerBook()
    drafts: list[_Draft] = []
    cues: list[Cue] = []
    # Is the speaker named on (nearly) every caption? Then a repeated name continues.
    named_cues: set[int] = set()
    worded_cues: set[int] = set()
    for p in pieces:  # `accepted` holds candidate kinds only: an unlabeled piece is not in it
        if p.voice or (p.kind and (p.kind, p.name) in accepted):
            named_cues.add(id(p.cue))
        if p.sound is None and p.text.strip():
            worded_cues.add(id(p.cue))
    every_cue = len(named_cues) >= EVERY_CUE * max(1, len(worded_cues))

    def open_turn(p: _Piece, label: str | None, speaker: Speaker | None, at: int) -> _Draft:
        # The span holds the label even before any words come.
        d = _Draft(p.line.number, at, label, speaker, stop=max(at, p.line.offset + p.stop))
        d.start = p.cue.start
        d.end = p.cue.end
        drafts.append(d)
        return d

    current: _Draft | None = None
    resolved: dict[tuple[str, str | None, str | None], Speaker] = {}
    flash_of = 0
    for p, index in zip(pieces, owner, strict=True):
        while flash_of < index:  # transition frames before this cue extend the turn
            if flashes[flash_of] and current is not None and current.end is not None:
                current.end = max(current.end, reading.cues[flash_of].end)
            flash_of += 1
        line_start = p.line.offset
        if p.sound is not None and p.voice is None and p.kind == "" and not p.change:
            # The note's own stretch of the line: a voice may follow it (`[applause]<v Ana>`).
            raw = p.line.text[p.at : p.stop]
            lead = len(raw) - len(raw.lstrip())
            begin = line_start + p.at
            cues.append(
                make_cue(
                    kind=_cue_kind(p.sound),
                    text=p.sound,
                    line=p.line.number,
                    span=make_span(start=begin + lead, end=begin + len(raw.rstrip())),
                )
            )
            if current is not None:
                current.paragraphs.append([])
            continue
        name: str | None = None
        label: str | None = None
        description: str | None = None
        marker = -1  # where the turn's span starts, when a printed label or the format's field says
        if p.voice:
            label = p.voice
            name = names[p.voice]
            if p.voice is p.cue.speaker and p.cue.label_at >= 0:  # the format's own field
                label, marker = p.cue.speaker_label or p.voice, p.cue.label_at
        if p.kind and p.name and p.label and (p.kind, p.name) in accepted:
            label, name, description = p.label, p.name, p.desc or None
            # The printed label opens the turn, not a voice tag after it (`ANA:<v Ana>`).
            marker = line_start + _lead(p.line.text)
        if name is not None:
            key = (name, label, description)
            speaker = resolved.get(key)
            if speaker is None:  # one look-up per distinct label, not per caption
                fields = {"name": name, "label": cast(str, label)}
                if description:
                    fields["description"] = description
                speaker = resolved[key] = book.resolve(fields, p.line.number)
            if not (every_cue and current is not None and current.speaker is speaker):
                at = marker if marker >= 0 else line_start + _marker_start(p)
                current = open_turn(p, label, speaker, at)
        elif p.change:
            current = open_turn(p, None, None, line_start + _marker_start(p))
        elif current is None:
            if not p.text.strip():
                continue
            current = open_turn(p, None, None, line_start + p.at + _lead(p.text))
        elif p.dash:
            current.paragraphs.append([])
        if p.text.strip():
            p.tidy = _tidy(p.text)
            current.paragraphs[-1].append(p)
            current.stop = line_start + p.stop
            if current.captions and current.captions[-1][0] is p.cue:
                current.captions[-1][1].append(p)
            else:
                current.captions.append((p.cue, [p]))
            current.end = p.cue.end if current.end is None else max(current.end, p.cue.end)
    for i in range(flash_of, len(flashes)):
        if flashes[i] and current is not None and current.end is not None:
            current.end = max(current.end, reading.cues[i].end)
    turns: list[Turn] = []
    for d in drafts:  # numbered as kept: a turn with no words and no label is not
        turn = _turn(len(turns), d)
        if turn.text or turn.label is not None:
            turns.append(turn)
    diagnostics: list[Diagnostic] = list(reading.diagnostics)
    kind: Kind = "transcript" if turns or cues else "other"
    if not reading.cues:
        diagnostics.append(
            Diagnostic(
                level="warning",
                code="not-captions",
                message=f"no caption cues found: the text is not {fmt_label or reading.fmt}",
            )
        )
    return Transcript(
        kind=kind,
        metadata=Metadata(title=reading.title, source_format=reading.fmt),
        speakers=book.speakers,
        turns=turns,
        cues=cues,
        diagnostics=diagnostics + book.diagnostics,
    )


def _marker_start(p: _Piece) -> int:
    """Where in its line the piece's label (or `>>`) starts."""
    raw = p.line.text
    if p.voice and p.begin < len(raw) and raw.startswith("<", p.begin):
        return p.begin  # the voice tag, also when a note or dash after it moved the words
    return len(raw) - len(raw.lstrip()) if p.kind or p.change else p.at


def _lead(text: str) -> int:
    return len(text) - len(text.lstrip())


def _cue_kind(inner: str) -> CueKind:
    for kind, pattern in CUE_KINDS:
        if pattern.search(inner):
            return cast(CueKind, kind)
    return "other"


def _assemble(pieces: list[_Piece]) -> tuple[str, list[tuple[int, CueKind, str, Span]]]:
    """A paragraph's clean text from its pieces, with notes such as `[Laughs]` taken out
    (as in every other style) and where each stood in the text."""
    text = ""
    notes: list[tuple[int, CueKind, str, Span]] = []  # (where in the text, kind, text, span)
    after_note = False
    for p in pieces:
        if "(" not in p.text and "[" not in p.text:  # no note: the piece's clean words
            words = p.tidy
            if words:
                if text and not (after_note and words[0] in _CLOSING):
                    text += " "
                text += words
                after_note = False
            continue
        base = p.line.offset + p.at
        cursor = 0
        found = [m for m in INLINE_NOTE.finditer(p.text) if NOTE_WORDS.match(m["inner"])]
        for m in [*found, None]:
            stop = m.start() if m is not None else len(p.text)
            words = p.tidy if not found else _tidy(p.text[cursor:stop])
            if words:
                if text and not (after_note and words[0] in _CLOSING):
                    text += " "
                text += words
                after_note = False
            if m is not None:
                inner = m["inner"].strip()
                j = p.line.text.find(m[0], p.at)
                if j < 0:  # a tag inside the note: the piece's own stretch of its line
                    span = make_span(start=base, end=p.line.offset + p.stop)
                else:
                    span = make_span(start=p.line.offset + j, end=p.line.offset + j + len(m[0]))
                notes.append((len(text), _cue_kind(inner), inner, span))
                after_note = True
                cursor = m.end()
    return text, notes


def _turn(index: int, d: _Draft) -> Turn:
    paragraphs: list[str] = []
    notes: list[InlineCue] = []
    base = 0
    for ps in d.paragraphs:
        text, found = _assemble(ps)
        for at, kind, inner, span in found:
            offset = base + min(at, len(text))
            notes.append(make_note(kind=kind, text=inner, offset=offset, span=span))
        if text:
            paragraphs.append(text)
            base += len(text) + 2
    captions = [_caption(cue, ps) for cue, ps in d.captions]
    start = captions[0].start if captions else d.start
    return _TURN(
        index=index,
        speaker_id=d.speaker.id if d.speaker else None,
        label=d.label,
        role=d.speaker.role if d.speaker else None,
        text="\n\n".join(paragraphs),
        paragraphs=paragraphs,
        cues=notes,
        line=d.line,
        span=make_span(start=d.begin, end=max(d.begin, d.stop)),
        start=start,
        end=d.end,
        captions=captions or None,
    )


def _caption(cue: RawCue, ps: list[_Piece]) -> Caption:
    first, last = ps[0], ps[-1]
    if first is last:  # one piece, the common case
        text = first.tidy
        timed = first.chunks is not None
    else:
        text = " ".join([p.tidy for p in ps if p.tidy])
        timed = any(p.chunks is not None for p in ps)
    lead = len(first.text) - len(first.text.lstrip())
    begin = first.line.offset + first.at + lead
    stop = last.line.offset + last.stop
    words: list[Word] | None = None
    if timed:
        words = []
        for p in ps:
            words.extend(_words(p, cue))
    return _CAPTION(
        start=cue.start,
        end=cue.end,
        text=text,
        span=make_span(start=begin, end=max(begin, stop)),
        line=first.line.number,
        words=words,
    )


def _words(p: _Piece, cue: RawCue) -> list[Word]:
    """Words with times from a word-timed line (`<00:00:03.200><c> to</c>`): each word
    runs from its time to the next word's time (the last to the cue's end)."""
    if p.chunks is None:
        return [_WORD(text=w) for w in clean(p.text).split()]
    out: list[Word] = []
    chunks = p.chunks
    for k, (t, text) in enumerate(chunks):
        begin = cue.start if t is None else t
        end = cue.end
        for later, _ in chunks[k + 1 :]:
            if later is not None:
                end = later
                break
        for w in clean(text).split():
            out.append(_TIMED_WORD(text=w, start=begin, end=end))
    return out
