"""Tokens to a `Transcript`: where the spoken part starts and ends, who says what, and
whether the document is a transcript at all.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from operator import attrgetter
from typing import Any, cast

import regex

from . import kinds, metadata, rules
from ._accounting import LINE_FORMATS, caption_left_out, left_out
from ._normalise import normalise, paused_collector
from ._safe import control_diagnostics
from .asr import read_asr
from .captions import caption_format, read_captions
from .cleantext import clean, clean_joined, join_clean_prefixes, looks_like_heading, normalizing
from .conventions import ShapeDecision
from .errors import InputTypeError
from .models import (
    TURN_FIELDS,
    Cue,
    CueKind,
    Diagnostic,
    InlineCue,
    Paragraph,
    Speaker,
    Transcript,
    Turn,
    lean,
    make_cue,
    make_note,
    make_span,
    maker,
)
from .speakers import SpeakerBook
from .styles import GENERIC, Style
from .tokenizer import resolve_style, tokenize_report
from .tokens import Token, TokenKind

# Token kinds by plain name: on Python 3.11 `TokenKind.LABEL` is a look-up through the
# enum metaclass's `__getattr__` hook (0.2 us), which the per-token loops would pay.
_BLANK = TokenKind.BLANK
_CUE = TokenKind.CUE
_FURNITURE = TokenKind.FURNITURE
_LABEL = TokenKind.LABEL
_MARKUP = TokenKind.MARKUP
_NOTE = TokenKind.NOTE
_TEXT = TokenKind.TEXT
_TIMESTAMP = TokenKind.TIMESTAMP
_WORDY = frozenset({_TEXT, _NOTE, _TIMESTAMP, _MARKUP})
_UNSAID = frozenset({_TIMESTAMP, _MARKUP})  # what a line's `text` leaves out
# For `map`: no Python call per token or line.
_KIND_OF, _TEXT_OF, _RULE_OF = attrgetter("kind"), attrgetter("text"), attrgetter("rule")
_HAS_LABEL = attrgetter("has_label")
_CLOSING = frozenset(",.;:!?)")
_PROSE = kinds.PROSE_CHARS  # characters: a line this long with sentences in it is prose
# Blank lines: a gap this wide after a page's player links sets its teaser apart from the
# transcript, and must be wider than the document's own gap between paragraphs.
_PLAYER_GAP = 2


@paused_collector  # issue 11: no collector rescans of the young tokens
def parse(
    text: str | dict[str, Any] | list[Any],
    style: Style | str | None = None,
    *,
    normalize: bool = True,
    split_pause: float | None = None,
) -> Transcript:
    """Parse transcript text (a transcript, a scraped page, an article) into models.

    `style` forces a house style (a `Style` or its name, see `transcriptkit.styles`);
    by default it is detected and recorded in `metadata.style`. `normalize=False` keeps
    quotes and backticks as printed instead of straightening them. Bytes are not text:
    `parse_file` (or `read_text`) decodes them. Speech-recognition output (JSON text or a
    loaded dict, RTTM, Whisper TSV) is read by `transcriptkit.asr`; `split_pause` cuts its
    turns at longer silences (docs/asr.md).
    """
    machine = read_asr(text, split_pause=split_pause)
    if machine is not None:
        return machine
    if not isinstance(text, str):
        raise InputTypeError(
            f"parse() takes text (str), not {type(text).__name__}; "
            "decode bytes first, or use transcriptkit.parse_file(path)"
        )
    text, boundary_notes = normalise(text)  # issue 11: lone CR, lone surrogates, HTML
    if (fmt := caption_format(text, style)) is not None:  # cue blocks: the caption reader
        with normalizing(normalize):
            captions = read_captions(text, fmt)
        captions.diagnostics[:0] = boundary_notes
        captions.diagnostics += control_diagnostics(text)
        if fmt in LINE_FORMATS and (note := caption_left_out(text, captions)):
            captions.diagnostics.append(note)  # issue 11: nothing lost silently, here too
        return captions
    chosen, confidence = resolve_style(text, style)
    tokens, shapes = tokenize_report(text, chosen)
    with normalizing(normalize):
        transcript = build(tokens, chosen, shapes, text)
    transcript.diagnostics.extend(control_diagnostics(text))  # issue 12: what clean() removed
    transcript.metadata.style = chosen.name
    transcript.metadata.style_confidence = confidence
    transcript.diagnostics[:0] = boundary_notes
    if note := left_out(tokens, transcript):  # issue 11: nothing lost silently
        transcript.diagnostics.append(note)
    return transcript


class _Line:
    """One line's tokens, with the facts the passes below ask about computed once
    (issue 8: each thing done once): the line as printed (`raw`), its words without a
    leading time stamp or markup (`text`), the set of its token kinds, and from it whether
    it is only blank tokens (`blank`), only words and markup (`wordy`), holds a label, or
    closes the page (`terminal`: furniture after which nothing is transcript)."""

    __slots__ = (
        "blank",
        "has_label",
        "kinds",
        "number",
        "raw",
        "terminal",
        "text",
        "tokens",
        "wordy",
    )

    def __init__(self, number: int, tokens: list[Token]) -> None:
        self.number = number
        self.tokens = tokens
        if len(tokens) == 1:  # most lines: the facts of its token's kind
            t = tokens[0]
            kind = t.kind
            self.kinds, self.blank, self.wordy, self.has_label = _FACTS[kind]
            self.terminal = kind is _FURNITURE and t.rule in rules.TERMINAL_FURNITURE
            self.raw = t.text
            self.text = "" if kind is _TIMESTAMP else t.text.strip()
            return
        kinds = frozenset(map(_KIND_OF, tokens))
        if kinds not in _FACTS:
            _FACTS[kinds] = _facts(kinds)
        self.kinds, self.blank, self.wordy, self.has_label = _FACTS[kinds]
        self.terminal = _FURNITURE in kinds and any(
            t.rule in rules.TERMINAL_FURNITURE for t in tokens if t.kind is _FURNITURE
        )
        self.raw = "".join(map(_TEXT_OF, tokens))
        if _TIMESTAMP in kinds or _MARKUP in kinds:  # (`<p>Welcome.</p>`: its words)
            self.text = "".join([t.text for t in tokens if t.kind not in _UNSAID]).strip()
        else:
            self.text = self.raw.strip()


_Facts = tuple[frozenset[TokenKind], bool, bool, bool]


def _facts(kinds: frozenset[TokenKind]) -> _Facts:
    """A line's facts from the set of its token kinds: (the set, blank, wordy, labelled)."""
    return kinds, kinds == {_BLANK}, kinds <= _WORDY, _LABEL in kinds


# The facts of each set of token kinds a line holds (a few dozen sets; lines are many),
# and of each kind for a line of one token.
_FACTS: dict[TokenKind | frozenset[TokenKind], _Facts] = {
    kind: _facts(frozenset({kind})) for kind in TokenKind
}
_FACTS.update({facts[0]: facts for facts in list(_FACTS.values())})
# Every blank line of one token, one record: no pass asks a blank line more than that it is
# blank (its number, tokens and text stand for none; 40% of the lines of most documents).
_BLANK_LINE = _Line(0, [Token(_BLANK, "", 0, 0, 0, "blank")])


@dataclass(slots=True)
class _TurnDraft:
    line: int
    start: int
    label: Token | None = None
    speaker: Speaker | None = None
    paragraphs: list[list[Token]] = field(default_factory=lambda: [[]])
    end: int = 0
    time: float | None = None
    time_end: float | None = None
    noted: bool = False  # a NOTE token is in some paragraph

    def break_paragraph(self) -> None:
        if self.paragraphs[-1]:
            self.paragraphs.append([])


def build(
    tokens: list[Token],
    style: Style = GENERIC,
    shapes: Sequence[ShapeDecision] = (),
    text: str | None = None,
) -> Transcript:
    """The models for a token stream (see `tokenize`); `shapes` are the label shapes the
    document's evidence accepted or rejected, reported in the diagnostics; `text` is the
    text the tokens were read from, when the caller has it (to test it once for U+FFFD)."""
    lossy = "\ufffd" in (text if text is not None else "".join([t.text for t in tokens]))
    lines = _group_lines(tokens)
    diagnostics: list[Diagnostic] = []
    book = SpeakerBook()
    start = _caption_start(lines) if style.captions else _body_start(lines)
    drafts: list[_TurnDraft] = []
    cues: list[Cue] = []
    end = len(lines)
    if start is not None:
        cues = _cues_before(lines, start)
        book.expect(
            t.fields["name"]
            for ln in lines[start:]
            if ln.has_label
            for t in ln.tokens
            if t.kind is _LABEL and t.fields["name"]
        )
        end = _read_body(lines, start, book, drafts, cues, style.captions)
    turns: list[Turn] = []
    for draft in drafts:  # speakers' roles are settled once the whole body is read
        turn = _finish(len(turns), draft)
        if turn.label is not None or turn.text:
            turns.append(turn)
    labelled = [(t.line, t.text) for t in turns if t.label is not None]
    evidence = kinds.gather(lines, labelled, len(turns))
    kind, kind_rule = kinds.decide(evidence)
    paragraphs: list[Paragraph] = []
    if kind != "transcript":  # a story's quoted exchange, a spec's example: no turns
        turns, cues, speakers = [], [], []
        paragraphs = _prose(lines) if kind == "article" else []
    else:
        speakers = book.speakers
    content_line = turns[0].line if turns else paragraphs[0].line if paragraphs else None
    trailing = [ln for ln in lines[end:] if _TEXT in ln.kinds]
    lost = next((ln.number for ln in lines if "\ufffd" in ln.raw), None) if lossy else None
    del lines  # issue 11: the line records are freed before metadata makes its own
    meta = metadata.decide(
        tokens, content_line=content_line, kind=kind, spoken=[t.text for t in turns[:2]]
    )
    if turns and trailing:
        diagnostics.append(
            Diagnostic(
                code="after-end",
                message=f"{len(trailing)} line(s) of text after the transcript's closing notice "
                "are kept in the tokens but in no turn",
                line=trailing[0].number,
            )
        )
    if lost is not None:
        diagnostics.append(
            Diagnostic(
                level="warning",
                code="replacement-character",
                message="the input holds U+FFFD (a character lost before it reached us); "
                "removed from clean text",
                line=lost,
            )
        )
    diagnostics.extend(_shape_diagnostics(shapes))
    diagnostics.append(
        Diagnostic(code="kind", message=f"kind {kind}: rule {kind_rule!r} ({kinds.why(kind_rule)})")
    )
    return Transcript(
        kind=kind,
        metadata=meta,
        speakers=speakers,
        turns=turns,
        cues=cues,
        paragraphs=paragraphs,
        diagnostics=diagnostics + book.diagnostics,
    )


def _group_lines(tokens: list[Token]) -> list[_Line]:
    """The tokens cut into lines (consecutive tokens of one line number)."""
    lines: list[_Line] = []
    first = 0  # where the current line's tokens start
    number = tokens[0].line if tokens else -1
    for i, t in enumerate(tokens):
        if t.line != number:
            if i - first == 1 and tokens[first].kind is _BLANK:
                lines.append(_BLANK_LINE)
            else:
                lines.append(_Line(number, tokens[first:i]))
            first, number = i, t.line
    if tokens:
        lines.append(_Line(number, tokens[first:]))
    return lines


def _shape_diagnostics(shapes: Sequence[ShapeDecision]) -> list[Diagnostic]:
    """One `label-shapes` diagnostic per label shape the document used: accepted and
    rejected counts, and where the first rejected candidate stood."""
    return [
        Diagnostic(
            code="label-shapes",
            message=d.message(),
            line=d.first_rejected,
        )
        for d in shapes
    ]


def _body_start(lines: list[_Line]) -> int | None:
    """Index of the line where the spoken part starts, or None when nothing is spoken.

    Before the first label, the spoken part starts at the earliest of: an on-air opening
    (`This is TALK OF THE NATION. I'm ...`); the first line after a bare `Transcript`
    heading; the first line after two blank lines that follow a page's player links (the
    teaser sits above that gap); the first line, when the document opens on prose with
    nothing before the first label but sentences (no heading, header, furniture or markup:
    a transcript without its page). Prose before the first label that none of these mark
    is a teaser, not a turn.
    """
    labelled = list(map(_HAS_LABEL, lines))
    first_label = labelled.index(True) if True in labelled else None
    end = first_label if first_label is not None else len(lines)
    after_player = after_heading = False
    blanks = 0
    wide = _PLAYER_GAP  # raised to the document's paragraph gap once a player is seen
    opening: int | None = None  # the first line, while every line so far is a sentence
    only_prose = True
    for i, ln in enumerate(lines[:end]):
        if ln.blank:
            blanks += 1
            continue
        if only_prose:
            only_prose = ln.wordy and _said(ln.text)
            opening = i if opening is None else opening
        rules_here = set(map(_RULE_OF, ln.tokens))
        if not _PLAYER.isdisjoint(rules_here):
            if not after_player:
                wide = max(_PLAYER_GAP, _paragraph_gap(lines) + 1)
            after_player, after_heading = True, False
        elif "transcript-heading" in rules_here:
            after_heading = True
        elif _bare_stamp(ln) and _stamped_paragraphs(lines[i:end]):
            return i
        elif ln.wordy:
            if rules.OPENER.match(ln.text):
                return i
            if (
                ln.tokens[0].kind is _TIMESTAMP
                and len(ln.text) >= _PROSE
                and not kinds.clock_entry(ln)
            ):
                return i  # timed words: `00:00:27 WELCOME TO THE ...` is speech
            if (
                after_heading
                and not looks_like_heading(ln.text)
                and _sayable(ln.text)
                and not _photo_caption(lines, i)
            ):
                return i
            if after_player and blanks >= wide:
                return i
            after_player = after_player and blanks < wide
        blanks = 0
    if only_prose and opening is not None and first_label is not None:
        return opening
    if first_label is None and (kinds.verbatim_speech(lines) or _heard(lines)):
        # Words taken down as spoken with no label anywhere, or heard by an audience: they
        # start at the first words that are not a heading.
        return next((i for i, ln in enumerate(lines) if _spoken_words(ln)), None)
    if first_label:  # `00:00:04` alone over the first label times its turn, as over the rest
        above = next((i for i in range(first_label - 1, -1, -1) if not lines[i].blank), None)
        if above is not None and _bare_stamp(lines[above]):
            return above
    return first_label


# What an audience or a recording does, on a line of its own: `(APPLAUSE)`, `[Laughter]`,
# `(SOUNDBITE OF ARCHIVED RECORDING)`.
_HEARD_CUES = frozenset({"applause", "laughter", "soundbite", "clip_start"})
_HEARD_TIMES = 2


def _heard(lines: list[_Line]) -> bool:
    """Cues of something heard stand between the paragraphs (`_HEARD_TIMES` or more): the
    words were spoken (a speech, a lecture) even where no label names the speaker; one
    may be an article's aside."""
    heard = (
        t.kind is _CUE and t.fields.get("cue_kind") in _HEARD_CUES
        for ln in lines
        if _CUE in ln.kinds
        for t in ln.tokens
    )
    return sum(heard) >= _HEARD_TIMES


_PLAYER = frozenset({"player", "iframe"})
# What follows a photo's caption on a page: its credit, `hide caption`.
_CAPTION_MARKS = frozenset({"photo-credit", "caption"})


def _photo_caption(lines: list[_Line], i: int) -> bool:
    """`lines[i]` is a photo's caption: the next line with anything on it is the photo's
    credit or a `hide caption` mark."""
    after = next((ln for ln in lines[i + 1 :] if not ln.blank), None)
    return after is not None and not _CAPTION_MARKS.isdisjoint(map(_RULE_OF, after.tokens))


# Pairs of a time alone over its words: this many make a video's transcript as copied,
# its first time within the recording's first minute (a changelog's `09:14` is a clock).
_STAMPED_PAIRS = 3
_FIRST_STAMP = 60.0  # seconds


def _bare_stamp(ln: _Line) -> bool:
    """A time stamp alone on its line (`0:03`)."""
    first = ln.tokens[0]
    return first.kind is _TIMESTAMP and not first.is_cue_timing and not ln.text


def _stamped_paragraphs(lines: list[_Line]) -> bool:
    """`0:00` / words / `0:03` / words ...: a video's transcript copied as shown, each time
    alone over its words (`_STAMPED_PAIRS` pairs, in time order, from the first minute), is
    speech from its first time on."""
    pairs = 0
    stamped = False
    last = -1.0
    for ln in lines:
        if ln.blank:
            continue
        if _bare_stamp(ln) and not stamped:
            at = seconds(ln.tokens[0].fields["time"])
            if at < last or (last < 0 and at >= _FIRST_STAMP):
                return False
            last, stamped = at, True
        elif stamped and _spoken_words(ln):
            pairs += 1
            if pairs >= _STAMPED_PAIRS:
                return True
            stamped = False
        else:
            return False
    return False


def _spoken_words(ln: _Line) -> bool:
    """Words someone could say, not a heading, perhaps behind markup (a leading space)."""
    if not all(t.kind in _WORDY or t.kind is TokenKind.MARKUP for t in ln.tokens):
        return False
    return _sayable(ln.text) if ln.text and not looks_like_heading(ln.text) else False


def _paragraph_gap(lines: list[_Line]) -> int:
    """The number of blank lines the document most often leaves between two lines with
    words (0 when it runs them together)."""
    gaps: Counter[int] = Counter()
    run = 0
    for ln in lines:
        if ln.blank:
            run += 1
        else:
            gaps[run] += 1
            run = 0
    return gaps.most_common(1)[0][0] if gaps else 0


def _cues_before(lines: list[_Line], start: int) -> list[Cue]:
    """The cues right above where the spoken part starts (`[music]` over the first label),
    with no words between: a bracketed note up in a page's header, above its title and
    datelines (`(Names have been changed.)`), is an editor's, not the recording's."""
    found: list[Cue] = []
    for index in range(start - 1, -1, -1):
        ln = lines[index]
        if not ln.kinds.isdisjoint(_SPOKEN) and any(
            t.kind in _SPOKEN and any(map(str.isalnum, t.text)) for t in ln.tokens
        ):
            break
        if _CUE in ln.kinds:
            found[:0] = [_cue(t) for t in ln.tokens if t.kind is _CUE]
    return found


_SPOKEN = frozenset({_TEXT, _NOTE, _LABEL})


def _said(text: str) -> bool:
    """A line of speech, not a headline: sayable, no heading, and a sentence (it ends on
    one, or is a long line of prose): `Flooding closes county roads` is a headline in
    sentence case."""
    return (
        _sayable(text)
        and not looks_like_heading(text)
        and (len(text) >= _PROSE or text.rstrip()[-1:] in _SENTENCE_END)
    )


_SENTENCE_END = frozenset(".?!\"'”’)…-—")


def _sayable(text: str) -> bool:
    """Words someone could say: two words at least, or one that ends a sentence
    (`Hello.`); a page's toggle (`Hide -`, `Show`) is neither."""
    words = text.split()
    two = len(words) >= 2 and any(c.isalpha() for c in words[1])
    return two or text.rstrip()[-1:] in (".", "?", "!")


def _caption_start(lines: list[_Line]) -> int | None:
    """Captions: the transcript starts at the first words on or after the first timing line
    (a cue's `-->` line, a timing glued to its words, a time stamp alone on its line); in
    captions without timings (live captions) at the first words. Returns the index of the
    timing line itself, so the first turn takes its time."""
    timing: int | None = None
    for i, ln in enumerate(lines):
        if any(t.is_cue_timing or _stamps_next(ln, t) for t in ln.tokens):
            timing = i
        if timing is not None and _has_words(ln):
            return timing
    if timing is not None:
        return None
    # Live captions under a heading that names the transcript (`## Full Transcript`): the
    # words above it are the page's summary.
    heading = next(
        (i for i, ln in enumerate(lines) if any(t.rule == "transcript-heading" for t in ln.tokens)),
        0,
    )
    return next((i for i in range(heading, len(lines)) if _has_words(lines[i])), None)


def _stamps_next(ln: _Line, stamp: Token) -> bool:
    """A time stamp (not a cue timing) that times the turn to come: alone on its line
    (`(00:20):`) or right before a label (`[00:00:52] Speaker 2:`)."""
    if stamp.kind is not _TIMESTAMP or stamp.is_cue_timing:
        return False
    after = next((t for t in ln.tokens if t.start >= stamp.end and t.text.strip()), None)
    return after is None or after.kind is _LABEL


def _has_words(ln: _Line) -> bool:
    return ln.has_label or any(t.kind is _TEXT and t.text.strip() for t in ln.tokens)


def _caption_words(ln: _Line) -> str:
    """What a caption line shows (voice and words, no markup or timing), to compare lines."""
    shown = (_TEXT, _NOTE, _LABEL)
    return " ".join("".join(t.text for t in ln.tokens if t.kind in shown).split())


def _read_body(
    lines: list[_Line],
    start: int,
    book: SpeakerBook,
    drafts: list[_TurnDraft],
    cues: list[Cue],
    captions: bool = False,
) -> int:
    """Fill `drafts` and `cues` from `lines[start:]`; returns the index where it stopped.

    Times: a label's own time (`Speaker 1 (00:00):`), a stamp before the label or the
    words, a stamp alone on its line (it times the next turn), or the caption cue a turn
    starts in. Captions: a label naming the current speaker continues the turn (captions
    repeat the voice on every cue); a turn's cues run on as one paragraph (a `>>` inside a
    line or a time-stamped block starts another); a line the previous cue already showed
    (rolling captions) is not said again.
    """
    one_line_paragraphs = not captions and _single_newlines(lines, start)
    cue_start: float | None = None
    cue_end: float | None = None
    stamp: float | None = None  # a stamp that times the turn to come
    shown: set[str] = set()  # the lines of the last cue that showed any (a set: issue 11)
    showing: list[str] = []  # the lines of the current cue

    def open_turn(t: Token, label: Token | None = None, speaker: Speaker | None = None) -> None:
        nonlocal stamp
        at = t.start if label else t.start + _lead(t.text)
        draft = _TurnDraft(t.line, at, label, speaker, [[]], t.end)
        if label and "time" in t.fields:
            draft.time = seconds(t.fields["time"])
        else:
            draft.time = cue_start if stamp is None else stamp
        stamp = None
        drafts.append(draft)

    for index in range(start, len(lines)):
        ln = lines[index]
        if ln.blank:  # a paragraph break (captions: nothing)
            if drafts and not captions and drafts[-1].paragraphs[-1]:
                drafts[-1].paragraphs.append([])  # `break_paragraph`
            continue
        if ln.terminal and drafts:
            return index
        repeated = False
        if captions and ln.tokens[0].kind is not _BLANK:
            if ln.tokens[0].is_cue_timing and showing:  # a timing starts its line
                shown, showing = set(showing), []
            if said := _caption_words(ln):
                repeated = said in shown
                showing.append(said)
        for t in ln.tokens:
            kind = t.kind
            if kind is _LABEL:
                if not t.fields["name"]:  # `>>`: someone else speaks, unnamed
                    open_turn(t)
                    continue
                speaker = book.resolve(t.fields, t.line)
                if captions and drafts and drafts[-1].speaker is speaker:
                    continue
                open_turn(t, t, speaker)
            elif kind is _TIMESTAMP:
                if t.is_cue_timing:  # a caption's timing line
                    cue_start, cue_end = seconds(t.fields["time"]), seconds(t.fields["end"])
                elif _stamps_next(ln, t):
                    stamp = seconds(t.fields["time"])
                    if captions and drafts:
                        drafts[-1].break_paragraph()
                elif not drafts:
                    open_turn(t)
                    drafts[-1].time = seconds(t.fields["time"])
                elif drafts[-1].line == t.line and drafts[-1].time is None:
                    drafts[-1].time = seconds(t.fields["time"])
            elif kind is _TEXT or kind is _NOTE:
                text = t.text
                words = text and not text.isspace()  # `text.strip()`, not made
                if drafts:
                    draft = drafts[-1]
                    if draft.time is None and ":" in text and _times_its_label(draft, t):
                        draft.time = seconds(text.strip().strip("()[]"))
                elif not words or repeated:
                    continue
                else:
                    open_turn(t)
                    draft = drafts[-1]
                if words:
                    stamp = None
                    if cue_end is not None:
                        draft.time_end = cue_end
                if not repeated:
                    draft.paragraphs[-1].append(t)
                    if words:
                        draft.end = t.start + len(text.rstrip())
                    if kind is _NOTE:
                        draft.noted = True
            elif kind is _CUE:
                cues.append(_cue(t))
                if drafts:
                    drafts[-1].break_paragraph()
            elif kind is _MARKUP and drafts and rules.BREAK_TAG.match(t.text):
                drafts[-1].paragraphs[-1].append(_space_for(t))  # `here,<br>truly`
            elif captions:  # blank lines, timings and cue ids do not part a caption's words
                if drafts and t.rule == "speaker-change":
                    drafts[-1].break_paragraph()
            elif drafts and kind is not _MARKUP:
                drafts[-1].break_paragraph()
        if one_line_paragraphs and drafts and drafts[-1].paragraphs[-1]:
            drafts[-1].paragraphs.append([])  # `break_paragraph`
    return len(lines)


def _space_for(t: Token) -> Token:
    """The space a line-breaking tag (`rules.BREAK_TAG`) stands for between two words of a
    paragraph: the words' pieces are joined as they are, so without it they would touch."""
    return Token(_TEXT, " ", t.start, t.end, t.line, "html-break")


def _cue(t: Token) -> Cue:
    return make_cue(
        kind=cast(CueKind, t.fields["cue_kind"]),
        text=t.fields["inner"],
        line=t.line,
        span=make_span(t.start + _lead(t.text), t.start + len(t.text.rstrip())),
    )


# The models the parser makes, from values already of their types (see `models.maker`).
_PARAGRAPH = maker(Paragraph, ("text", "line", "span"))
_TURN = maker(Turn, TURN_FIELDS)


def seconds(stamp: str) -> float:
    """`01:02:03.5`, `2:03`, `0:00,240`, `:00:39` (hours dropped) → seconds."""
    total = 0.0
    for part in stamp.replace(",", ".").split(":"):
        total = total * 60 + float(part or 0)
    return total


# A time stamp that is all a label line holds after its colon (`Speaker 0: 00:00:45`,
# the words in the next paragraph): it times that label's turn.
_LABEL_TIME = regex.compile(r"\s*[(\[]?(?:\d{1,2}:)?\d{1,2}:\d{2}(?:[.,]\d+)?[)\]]?\s*")


def _times_its_label(draft: _TurnDraft, t: Token) -> bool:
    """True for a bare time stamp on the line of the label that opened `draft`."""
    return (
        draft.label is not None
        and draft.line == t.line
        and ":" in t.text  # every stamp has one: most words are ruled out here
        and not any(tok.text.strip() for tok in draft.paragraphs[0])
        and _LABEL_TIME.fullmatch(t.text) is not None
    )


def _lead(text: str) -> int:
    return len(text) - len(text.lstrip())


def _single_newlines(lines: list[_Line], start: int) -> bool:
    """True when paragraphs are separated by single newlines (no blank lines between), so
    each line is a paragraph; otherwise consecutive lines are one hard-wrapped paragraph.
    (The lines from `start` on are read.)"""
    wordy = blank = 0
    for index in range(start, len(lines)):
        ln = lines[index]
        if ln.blank:
            blank += 1
        elif _TEXT in ln.kinds:
            wordy += 1
    return blank * 3 < wordy


def _finish(index: int, draft: _TurnDraft) -> Turn:
    """A Turn from a draft: clean paragraphs, inline notes with offsets into the text."""
    notes: list[InlineCue] = []
    if not draft.noted:  # most turns: words only, no offsets (an empty paragraph adds none)
        paragraphs = [
            text
            for tokens in draft.paragraphs
            if tokens and (text := clean_joined(list(map(_TEXT_OF, tokens))))
        ]
    else:
        paragraphs = _noted_paragraphs(draft, notes)
    label = draft.label
    text = "\n\n".join(paragraphs)
    for note in notes:
        if note.offset > len(text):
            note.offset = len(text)
        lean(note)  # its fields set shared again once an offset is set (issue 11)
    speaker = draft.speaker
    return _TURN(
        index=index,
        speaker_id=speaker.id if speaker else None,
        label=label.fields["label"] if label else None,
        role=speaker.role if speaker else None,
        text=text,
        paragraphs=paragraphs,
        cues=notes,
        line=draft.line,
        span=make_span(draft.start, draft.end if draft.end > draft.start else draft.start),
        start=draft.time,
        end=draft.time_end,
    )


def _noted_paragraphs(draft: _TurnDraft, notes: list[InlineCue]) -> list[str]:
    """The clean paragraphs of a draft with inline notes, and the notes (into `notes`) with
    their offsets into the turn's text."""
    paragraphs: list[str] = []
    base = 0  # where the paragraph being built starts in the turn's text
    for tokens in draft.paragraphs:
        if not tokens:  # an empty paragraph (a break right after another) adds nothing
            continue
        if not any(t.kind is _NOTE for t in tokens):  # words only: no offsets
            if text := clean_joined(list(map(_TEXT_OF, tokens))):
                paragraphs.append(text)
                base += len(text) + 2
            continue
        pieces: list[str] = []
        first_note = len(notes)
        marks: list[int] = []  # for each note: how many pieces stand before it
        for t in tokens:
            if t.kind is _NOTE:
                marks.append(len(pieces))
                notes.append(
                    make_note(
                        kind=cast(CueKind, t.fields["cue_kind"]),
                        text=t.fields["inner"],
                        offset=0,
                        span=make_span(t.start, t.end),
                    )
                )
                continue
            piece = clean(t.text)
            if pieces and len(notes) > first_note and piece.lstrip()[:1] in _CLOSING:
                # `did (LAUGHTER), and`: no space is left before the comma.
                pieces[-1], piece = pieces[-1].rstrip(), piece.lstrip()
            pieces.append(piece)
        joined, lengths = join_clean_prefixes(pieces)
        text = joined.strip()
        if marks and not any(map(str.isalnum, text)):
            text = ""  # `(Speaking Spanish).`: the full stop alone is not words
        lead = len(joined) - len(joined.lstrip())
        for note, k in zip(notes[first_note:], marks, strict=True):
            # The note stood after the first k pieces: that prefix, stripped, in the text.
            before = lengths[k] - lead - (lengths[k] > lead and joined[lengths[k] - 1] == " ")
            note.offset = base + min(max(0, before), len(text))
        if text:
            paragraphs.append(text)
            base += len(text) + 2
        else:  # a paragraph of notes only: they stand after the text so far
            for note in notes[first_note:]:
                note.offset = max(0, base - 2)
    return paragraphs


def _prose(lines: list[_Line]) -> list[Paragraph]:
    """Paragraphs of a written article: the text lines from the first long one on, up to
    the page's closing notices."""
    first = next((i for i, ln in enumerate(lines) if kinds.prose_line(ln)), None)
    if first is None:
        return []
    out: list[Paragraph] = []
    for ln in lines[first:]:
        if ln.terminal:
            break
        if not ln.wordy:
            continue
        words = [t.text for t in ln.tokens if t.kind is _TEXT or t.kind is _NOTE]
        text = clean_joined(words)
        if text:
            begin = ln.tokens[0].start + _lead(ln.tokens[0].text)
            end = ln.tokens[-1].start + len(ln.tokens[-1].text.rstrip())
            out.append(_PARAGRAPH(text=text, line=ln.number, span=make_span(begin, end)))
    return out
