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

_NAME = r"""
    \p{Lu} [\p{L}\p{M}\p{Nd}'’.\-]{0,30}+
    (?: [ ] (?: \p{Lu} [\p{L}\p{M}\p{Nd}'’.\-]{0,30}+ | \#?+ \p{Nd}{1,3}+
              | de | van | von | da | del | la | le | bin | al | y | e ) ){0,4}+
"""
# What may open a caption line: `>>` (another speaker), a dialogue dash, then a bracketed
# name before words (`[Alba] Vamos.`), a note used as a label (`(LAUGHING):`), or a name
# before a colon (`NARRATOR:`, `Dr. Amara Osei:`, `MAN (V.O.):`) or in bold (`**Ana Ruiz**`).
_LEAD: Final = regex.compile(
    rf"""
    (?P<change> >>>?+ (?!>) [ \t]*+ )?+
    (?P<dash> [-‐–—] [ \t]++ )?+
    (?: \[ (?P<bracket> [^\[\]\n]{{1,40}}+ ) \] [ \t]*+ (?= \S )
      | [\[(] [^\[\]()\n]{{1,40}}+ [\])] [ \t]*+ : [ \t]*+
      | \*\* (?P<label> (?P<name> {_NAME} ) ) \*\* (?: [ \t]*+ : )?+ (?= [ \t] | $ ) [ \t]*+
      | (?P<label> (?P<name> {_NAME} ) (?: [ \t]*+ \( (?P<desc> [^()\n]{{1,40}}+ ) \) )?+ )
        [ \t]*+ \.?+ : (?= [ \t] | $ ) [ \t]*+
    )?+
    """,
    regex.VERBOSE | regex.V1,
)
_LEAD_FIRST: Final = frozenset(">-‐–—[(*")
# A line that is nothing but a sound or stage note: `[ríen]`, `( clock ticking )`.
_SOUND: Final = regex.compile(
    r"[ \t]*+ (?: \[ ([^\[\]\n]++) \] | \( ([^()\n]++) \) ) [ \t]*+ $", regex.V1 | regex.VERBOSE
)
_QUOTES: Final = frozenset('"“„«')  # a quotation after the colon: reported speech
_CLOSING: Final = frozenset(",.;:!?)")


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
    unlabeled: tuple[int, str] | None = None  # (at, text) with a candidate label kept
    tidy: str | None = None  # the words cleaned (see `_tidy`), once

    def clean_text(self) -> str:
        if self.tidy is None:
            self.tidy = _tidy(self.text)
        return self.tidy


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


def _pieces_of(cue: RawCue, line: SourceLine, segs: list[Segment]) -> list[_Piece]:
    out: list[_Piece] = []
    for k, seg in enumerate(segs):
        text = seg.text
        voice = seg.voice
        if voice is None and k == 0 and cue.speaker and line is cue.lines[0]:
            voice = cue.speaker  # the format's own speaker field (ASS Name, TTML agent)
        p = _Piece(cue, line, seg.at, text, seg.chunks, voice=voice)
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
            p.at = _raw_index(line.text, seg.at, text, cs.end())
            p.text = text[cs.end() :]
            if p.chunks is not None:
                t, ch = p.chunks[0]
                p.chunks = [(t, ch[cs.end() :] if len(ch) >= cs.end() else ""), *p.chunks[1:]]
            continue
        if first in _LEAD_FIRST or (":" in text and first.isupper()):
            m = _LEAD.match(text, len(text) - len(stripped))
            if m is None or m.end() == len(text) - len(stripped):
                continue
            p.change, p.dash = m["change"] is not None, m["dash"] is not None
            rest = text[m.end() :]
            # Where the words would start if the label is not taken for one.
            after = m.start("label") if m["label"] is not None else m.end()
            if m["bracket"] is not None:
                after = m.start("bracket") - 1
            p.unlabeled = (_raw_index(line.text, seg.at, text, after), text[after:])
            if m["bracket"] is not None:
                p.kind, p.label = "bracket", m["bracket"].strip()
                p.name = canonical_name(p.label)
            elif m["label"] is not None:
                p.kind, p.label = "prefix", " ".join(m["label"].split())
                p.name = canonical_name(m["name"].rstrip("."))
                p.desc = m["desc"]
                p.alone = not rest.strip()
                p.quoted = rest.lstrip()[:1] in _QUOTES
            p.at = _raw_index(line.text, seg.at, text, m.end())
            p.text = rest
            if p.chunks is not None:  # the marker was in the first (untimed) chunk
                t, c = p.chunks[0]
                p.chunks = [(t, c[m.end() :] if len(c) >= m.end() else ""), *p.chunks[1:]]
            if rest.strip() and (sound := _SOUND.match(rest)):
                p.sound = (sound[1] or sound[2]).strip()
    return out


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
    sounds = {canonical_name(p.sound) for p in pieces if p.sound is not None and p.kind == ""}
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
    return accepted


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
        said = [" ".join("".join(x.text for x in line).split()) for line in segs]
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
    pieces: list[_Piece] = []
    owner: list[int] = []  # for each piece, the index of its cue
    for index, cue in enumerate(reading.cues):
        drop = dropped[index]
        for ln, segs in zip(cue.lines[drop:], shows[index][drop:], strict=True):
            for p in _pieces_of(cue, ln, segs):
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
    named_cues = {id(p.cue) for p in pieces if p.voice or (p.kind, p.name) in accepted}
    worded_cues = {id(p.cue) for p in pieces if p.text.strip() and p.sound is None}
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
                Cue(
                    kind=_cue_kind(p.sound),
                    text=p.sound,
                    line=p.line.number,
                    span=Span(start=begin + lead, end=begin + len(raw.rstrip())),
                )
            )
            if current is not None:
                current.paragraphs.append([])
            continue
        name: str | None = None
        label: str | None = None
        fields: dict[str, str] = {}
        marker = line_start + _marker_start(p)
        if p.voice:
            label = p.voice
            name = canonical_name(p.voice)
            if p.voice is p.cue.speaker and p.cue.label_at >= 0:  # the format's own field
                label, marker = p.cue.speaker_label or p.voice, p.cue.label_at
            fields = {"name": name, "label": label}
        if (p.kind, p.name) in accepted and p.name and p.label:
            label, name = p.label, p.name
            fields = {"name": name, "label": label}
            # The printed label opens the turn, not a voice tag after it (`ANA:<v Ana>`).
            marker = line_start + _lead(p.line.text)
            if p.desc:
                fields["description"] = p.desc
        if name is not None:
            key = (name, label, fields.get("description"))
            speaker = resolved.get(key)
            if speaker is None:  # one look-up per distinct label, not per caption
                speaker = resolved[key] = book.resolve(fields, p.line.number)
            if not (every_cue and current is not None and current.speaker is speaker):
                current = open_turn(p, label, speaker, marker)
        elif p.change:
            current = open_turn(p, None, None, marker)
        elif current is None:
            if not p.text.strip():
                continue
            current = open_turn(p, None, None, line_start + p.at + _lead(p.text))
        elif p.dash:
            current.paragraphs.append([])
        if p.text.strip():
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
    turns = [_turn(i, d) for i, d in enumerate(drafts)]
    turns = [t for t in turns if t.text or t.label is not None]
    for i, t in enumerate(turns):
        t.index = i
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
    if p.voice and p.at < len(raw) and raw.startswith("<", p.at):
        return p.at
    return len(raw) - len(raw.lstrip()) if p.kind or p.change else p.at


def _lead(text: str) -> int:
    return len(text) - len(text.lstrip())


def _cue_kind(inner: str) -> CueKind:
    for kind, pattern in CUE_KINDS:
        if pattern.search(inner):
            return cast(CueKind, kind)
    return "other"


def _assemble(pieces: list[_Piece]) -> tuple[str, list[tuple[int, InlineCue]]]:
    """A paragraph's clean text from its pieces, with notes such as `[Laughs]` taken out
    (as in every other style) and where each stood in the text."""
    text = ""
    notes: list[tuple[int, InlineCue]] = []
    after_note = False
    for p in pieces:
        base = p.line.offset + p.at
        cursor = 0
        found = (
            [m for m in INLINE_NOTE.finditer(p.text) if NOTE_WORDS.match(m["inner"])]
            if "(" in p.text or "[" in p.text
            else []
        )
        for m in [*found, None]:
            stop = m.start() if m is not None else len(p.text)
            words = p.clean_text() if not found else _tidy(p.text[cursor:stop])
            if words:
                if text and not (after_note and words[0] in _CLOSING):
                    text += " "
                text += words
                after_note = False
            if m is not None:
                inner = m["inner"].strip()
                j = p.line.text.find(m[0], p.at)
                if j < 0:  # a tag inside the note: the piece's own stretch of its line
                    span = Span(start=base, end=p.line.offset + p.stop)
                else:
                    span = Span(start=p.line.offset + j, end=p.line.offset + j + len(m[0]))
                cue = InlineCue(kind=_cue_kind(inner), text=inner, offset=0, span=span)
                notes.append((len(text), cue))
                after_note = True
                cursor = m.end()
    return text, notes


def _turn(index: int, d: _Draft) -> Turn:
    paragraphs: list[str] = []
    notes: list[InlineCue] = []
    base = 0
    for ps in d.paragraphs:
        text, found = _assemble(ps)
        for at, note in found:
            note.offset = base + min(at, len(text))
            notes.append(note)
        if text:
            paragraphs.append(text)
            base += len(text) + 2
    captions = [_caption(cue, ps) for cue, ps in d.captions]
    start = captions[0].start if captions else d.start
    return Turn(
        index=index,
        speaker_id=d.speaker.id if d.speaker else None,
        label=d.label,
        role=d.speaker.role if d.speaker else None,
        text="\n\n".join(paragraphs),
        paragraphs=paragraphs,
        cues=notes,
        line=d.line,
        span=Span(start=d.begin, end=max(d.begin, d.stop)),
        start=start,
        end=d.end,
        captions=captions or None,
    )


def _caption(cue: RawCue, ps: list[_Piece]) -> Caption:
    text = " ".join(t for t in (p.clean_text() for p in ps) if t)
    first, last = ps[0], ps[-1]
    begin = first.line.offset + first.at + _lead(first.text)
    stop = last.line.offset + last.stop
    words: list[Word] | None = None
    if any(p.chunks is not None for p in ps):
        words = []
        for p in ps:
            words.extend(_words(p, cue))
    return Caption(
        start=cue.start,
        end=cue.end,
        text=text,
        span=Span(start=begin, end=max(begin, stop)),
        line=first.line.number,
        words=words,
    )


def _words(p: _Piece, cue: RawCue) -> list[Word]:
    """Words with times from a word-timed line (`<00:00:03.200><c> to</c>`): each word
    runs from its time to the next word's time (the last to the cue's end)."""
    if p.chunks is None:
        return [Word(text=w) for w in clean(p.text).split()]
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
            out.append(Word(text=w, start=begin, end=end))
    return out
