"""Nothing lost silently: the words a parse keeps in no model are counted in a diagnostic.

Three readers, three counts: `left_out` for the text grammar (from its tokens),
`caption_left_out` for caption files of a line format (from the text outside every turn
and cue), `asr_left_out` for speech-recognition output (the vendor's pieces against the
turns).

Page furniture (`NPR logo`, `• Download`, a copyright line), markup, teasers, a second
copy of the headline and prose outside every turn and paragraph are left out of the
models on purpose; `left_out` counts their words (a word: two or more letters) and names
the lines and rules, so a reader of `diagnostics` can tell that, and how much, was set
aside. Words in turns, labels, notes, cues, paragraphs and the title, program, URL and
corrections of the metadata are kept; a date header's words are counted here (the date
itself is kept as a date).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import regex

from ._safe import strip_controls
from .models import Diagnostic, Transcript
from .tokens import Token, TokenKind

WORD = regex.compile(r"\p{L}{2,}")

_IN_SPANS = frozenset({TokenKind.TEXT, TokenKind.NOTE, TokenKind.LABEL, TokenKind.CUE})
# Plain names: `TokenKind.BLANK` is a look-up through the enum's metaclass hook on 3.11.
_BLANK_KIND, _HEADER_KIND = TokenKind.BLANK, TokenKind.HEADER
_PAST = 1 << 62  # an offset past any text
# At most this many line numbers and rules are named in the message.
_SHOWN = 8


def left_out(tokens: Sequence[Token], transcript: Transcript) -> Diagnostic | None:
    """An info diagnostic counting the words of `tokens` that no model of `transcript`
    holds, or None when every word is kept."""
    spans = _merged(
        [(t.span.start, t.span.end) for t in transcript.turns]
        + [(p.span.start, p.span.end) for p in transcript.paragraphs]
        + [(c.span.start, c.span.end) for c in transcript.cues]
    )
    meta = transcript.metadata
    kept_values = {
        ("title", meta.title),
        ("url", meta.url),
        ("program", meta.program),
        *(("correction", c) for c in meta.corrections),
    }
    seen_values: set[tuple[str, str | None]] = set()
    words = 0
    lines: list[int] = []
    rules: Counter[str] = Counter()
    spans.append((_PAST, _PAST))  # a last span after every token: no end-of-list tests
    j = 0
    begin, end = spans[0]  # the first span that ends after the token's start
    for t in tokens:
        kind = t.kind
        if kind is _BLANK_KIND:
            continue
        start = t.start
        if end <= start:
            while spans[j][1] <= start:
                j += 1
            begin, end = spans[j]
        if kind in _IN_SPANS and (
            begin <= start or begin <= start + len(t.text) - len(t.text.lstrip())
        ):
            continue  # most tokens: in a span, no words counted at all
        # Words as `clean` leaves them: escapes and controls out (`AA\x1fA` reads `AAA`).
        count = len(WORD.findall(strip_controls(t.text)))
        if not count:
            continue
        if kind is _HEADER_KIND:
            key = (t.fields.get("field", ""), t.fields.get("value"))
            if key in kept_values and key not in seen_values:
                seen_values.add(key)
                # The value is in the metadata; what stands around it (`title:`) is not.
                count -= len(WORD.findall(key[1] or ""))
                if count <= 0:
                    continue
        words += count
        if not lines or lines[-1] != t.line:
            lines.append(t.line)
        rules[t.rule or kind.value] += count
    return _note(words, lines, rules)


def _note(words: int, lines: list[int], rules: Counter[str]) -> Diagnostic | None:
    """The `left-out` diagnostic for `words` on `lines`, by rule (None for no word)."""
    if not words:
        return None
    shown_rules = ", ".join(f"{rule} {n}" for rule, n in rules.most_common(_SHOWN))
    if not lines:  # speech-recognition pieces have no lines
        return Diagnostic(
            level="info",
            code="left-out",
            message=f"{words} word(s) are in no turn, paragraph, cue or metadata text "
            f"(by rule: {shown_rules})",
        )
    shown_lines = ", ".join(map(str, lines[:_SHOWN])) + (" ..." if len(lines) > _SHOWN else "")
    return Diagnostic(
        level="info",
        code="left-out",
        message=f"{words} word(s) on {len(lines)} line(s) are in no turn, paragraph, cue or "
        f"metadata text (lines {shown_lines}; by rule: {shown_rules})",
        line=lines[0],
    )


# ---- captions and speech recognition: no tokens, the text itself -------------------------

# Caption formats whose syntax is lines (timings, cue numbers, a header, comment blocks)
# and tags: the words outside every turn and cue are counted from the text. Formats of
# another syntax (TTML and SAMI as XML with style sheets, ASS's `Dialogue:` fields, SCC's
# hex codes) would count their syntax as words: their readers report what they cannot read.
LINE_FORMATS = frozenset({"webvtt", "srt", "sbv", "microdvd", "timed-lines"})
_TAG = regex.compile(r"<[^<>\n]{0,500}+>|\{[^{}\n]{0,500}+\}")
_TIMING = regex.compile(r"[\ufeff \t]*+\d[\d:：.,，]*+[ \t]*+(?:-{1,3}[ \t]?+>|[–—][ \t]?+>|→)")
_BLOCK = regex.compile(r"[\ufeff \t]*+(?:NOTE|STYLE|REGION)(?:[ \t\r]|$)")
_HEADER = regex.compile(r"[\ufeff \t]*+WEBVTT(?:[ \t\r\-]|$)")


def caption_left_out(text: str, transcript: Transcript) -> Diagnostic | None:
    """`left_out` for a caption file of a line format (`LINE_FORMATS`), or None when every
    word is kept: the words of `text` outside every turn and cue span, apart from the
    format's syntax (timing lines and their settings, cue numbers, tags, the `WEBVTT` word
    and the title after it), by where they stand: `header` (the header block's fields),
    `webvtt-block` (a NOTE, STYLE or REGION block), `caption-text` (in no turn: stray text,
    which the reader also reports, or a roll-up line said again at a change of speaker)."""
    # A turn's captions, not the turn's span: what stands between two of its captions (a
    # NOTE block, stray text, a roll-up line said again) is in none of them. The stretch
    # before its first caption holds its label.
    kept: list[tuple[int, int]] = [(c.span.start, c.span.end) for c in transcript.cues]
    for t in transcript.turns:
        captions = t.captions or []
        kept.append((t.span.start, captions[0].span.start if captions else t.span.end))
        kept.extend((c.span.start, c.span.end) for c in captions)
    spans = _merged(kept)
    title = len(WORD.findall(transcript.metadata.title or ""))
    words = 0
    lines: list[int] = []
    rules: Counter[str] = Counter()
    j = 0
    end = -1
    block = ""  # what the line's block is: "" between blocks, then its rule
    for number, raw in enumerate(text.split("\n"), 1):
        start, end = end + 1, end + 1 + len(raw)
        if not raw.strip():
            block = ""
            continue
        if not block:
            header = not lines and not words and _HEADER.match(raw) is not None
            block = "header" if header else "webvtt-block" if _BLOCK.match(raw) else "caption-text"
        if _TIMING.match(raw) or raw.strip().isdigit():
            continue
        while j < len(spans) and spans[j][1] <= start:
            j += 1
        if j < len(spans) and spans[j][0] <= start and spans[j][1] >= end:
            continue  # the whole line is in a turn or a cue
        outside: list[str] = []
        cursor, k = start, j
        while cursor < end:
            if k < len(spans) and spans[k][0] < end:
                outside.append(text[cursor : max(cursor, spans[k][0])])
                cursor = max(cursor, spans[k][1])
                k += 1
            else:
                outside.append(text[cursor:end])
                cursor = end
        count = len(WORD.findall(_TAG.sub(" ", strip_controls(" ".join(outside)))))
        if block == "header" and _HEADER.match(raw):
            count = max(0, count - 1 - title)  # `WEBVTT`, and the title it names (kept)
        if count:
            words += count
            lines.append(number)
            rules[block] += count
    return _note(words, lines, rules)


def asr_left_out(given: Sequence[str], transcript: Transcript) -> Diagnostic | None:
    """`left_out` for speech-recognition output: the words of the pieces a vendor reader
    gave (`given`) that the turns do not hold, or None when they hold every one."""
    have = Counter(w for t in transcript.turns for w in WORD.findall(strip_controls(t.text)))
    want = Counter(w for text in given for w in WORD.findall(strip_controls(text)))
    missing = want - have
    words = sum(missing.values())
    if not words:
        return None
    return _note(words, [], Counter({"asr-pieces": words}))


def left_out_words(diagnostics: Sequence[Diagnostic]) -> int:
    """The words a transcript's `left-out` diagnostic counts (0 without one)."""
    for d in diagnostics:
        if d.code == "left-out":
            return int(d.message.split(" ", 1)[0])
    return 0


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted spans with overlapping ones joined (a cue inside a turn)."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out
