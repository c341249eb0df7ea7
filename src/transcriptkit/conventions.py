"""Each document's own labeling convention, read from the document itself.

A line rule sees one line: `Remember: bring a coat` and `Nora McAdam: Hello` look alike to
it. What tells them apart is the rest of the document: a speaker label is a *shape* the
document uses again and again, for two voices at least, with names that recur or that the
text introduces ("I'm Nora McAdam"). So the line rules only propose: labels of a weak shape
(Title Case, one capitalised word, a bold or bracketed name without a colon, a name alone on
its line, `Q.`) are candidates, and this pass accepts or rejects each shape, and each label
of an accepted shape, by that evidence. Capitals with a colon (`KELLY:`) are the strong
shape every style shares and are always accepted. No word lists: only counts, recurrence,
alternation and position.

The decisions are returned as `ShapeDecision`s, which the parser reports in
`Transcript.diagnostics` (code `label-shapes`), so a user can see why a line did or did not
start a turn.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import partial
from itertools import compress, count, pairwise
from operator import attrgetter, is_, itemgetter, lt, ne, sub
from typing import Final

import regex

from . import rules
from .cleantext import capitals, looks_like_heading
from .names import canonical_name
from .pipetable import TABLE_SPEAKER
from .tokens import Token, TokenKind

# ---- thresholds (every number the decision uses, with why) -------------------------------

# A name used twice is someone the document keeps labelling; once may be a field or a
# headline (`Length: 29:05`, `Remember: ...`).
MIN_RECURRENCE: Final = 2
# A conversation has two voices at least: one name repeated alone is a field of a listing.
MIN_VOICES: Final = 2
# A name in full and its short form (`Marta Kovacs:`, then `Kovacs:`) are one voice when
# used this often together: once each is a page's `Final Thoughts:` over `Thoughts:`.
SHORT_FORM_RECURRENCE: Final = 3
# A document labelling in capitals this often also labels the odd guest in Title Case
# (`Garrison Keillor:` once among `KEILLOR:` lines).
STRONG_FOR_TITLE_CASE: Final = 3
# A document that labels with a colon this often does not also label by a name alone on its
# line: there such a line is a heading (a program name, a section).
STRONG_RIVAL: Final = 3
# A page's header fields (`Host: ...`, `Guest: ...`, `Title: ...`): this many label lines in
# a row with short values and no sentence; and what "short" is, in words.
FIELD_RUN: Final = 3
FIELD_WORDS: Final = 8
# The words after a name alone on its line are a paragraph of speech, not another heading.
PROSE_AFTER: Final = 40
# ... and a hard-wrapped paragraph of speech ends a sentence within its first lines.
SPEECH_LINES: Final = 4
# Headlines that look like labels (`Cairo Protests Grow: Crowds Fill The Square`) stand
# near the top of a page.
HEADLINE_REGION: Final = 80
# A headline's part after the colon has a few words.
HEADLINE_WORDS: Final = 3
# A headline run into a label's place capitalises nearly every word (`366,000 Cross the
# Border this Year`); speech that names people and places (`Case No. 4, Ada Quist and
# others versus`) does not, so the bar is above `looks_like_heading`'s.
HEADLINE_CAPITALS: Final = 0.8
# A page's mark above each speaker heading (`speaker`, `Speaker:`) is a word or two.
MARKER_WORDS: Final = 2
# A document that prints this many labels in bold with the colon (`**Ada Quist:**`), for two
# voices at least, prints every label so: a one-off `**Jingle:** [19:26]`, a lower-case
# `**chg:**` or `**Theme track:**` is a label of that convention too.
BOLD_CONVENTION: Final = 4
# A document that glues this many labels to their words (`ANA RUIZ:Welcome`, `QUIST:OK.`),
# for two voices at least, glues them as its way (a scraper dropped the spaces): a label in
# capitals glued once (`SINGER:(Singing) ...`) is a label of that convention too.
GLUED_CONVENTION: Final = 3

# A court reporter numbers most lines (`1-08   THE COURT: ...`, `12  words`): this share of
# the lines with words at least, this many lines, and numbers that go up from one line to
# the next this often (a list of figures or a table of scores does not).
NUMBERED_SHARE: Final = 0.6
NUMBERED_MIN: Final = 5
NUMBERED_RISING: Final = 0.8

_QUOTE_MARKS: Final = frozenset('"“„«')
_WS = " \t\r\n\xa0\ufeff"

# A person's name as a page prints it alone: `Steve Filton`, `Nora McAdam`, `Operator`,
# `JUNE PARK`; with a job after a dash in earnings calls: `Rebecca Quist -- Chief Executive
# Officer`; with the time the speaker starts, as transcription services print it
# (`Ines Calder  0:34`, `Ines Calder - 00:00:34`, `Ines Calder (0:34)`). Capitalised words
# only, so `Questions and Answers` is not a name.
# A word of a name: `Ada`, `McAdam`, `QUIST`, an initial, `d'Arcy`, `al-Rashid`, `O'Dell`,
# `Jr.`.
_NAME_WORD = r"""(?: (?: (?: d['’] | al- | el- | O['’] ) (?= \p{Lu} ) )?+
                   \p{Lu}\p{Ll}[\p{L}'’\-]{0,20}+
                   (?: (?<= Jr | Sr ) \. )?+
                   | \p{Lu}{2}[\p{Lu}'’\-]{0,20}+ | \p{Lu}\. )"""
_CLOCK = r"\d{1,2}+ (?: : \d\d ){1,2}+"
_ALONE_TIME = rf"""
    [ \t]++ (?: [-–—|] [ \t]++ )?+
    (?: (?P<time> {_CLOCK} ) | [(\[] (?P<time> {_CLOCK} ) [)\]] )
"""
# A name's word, or the number of `Speaker 2` (not a time's hours).
_NAME_PART = rf"(?: {_NAME_WORD} | \p{{Nd}}{{1,3}}+ (?! [:\d] ) )"
# A name alone on its line is four words at most (the words hold no space).
_ALONE_WORDS: Final = 4
_PARTICLES = rules.NAME_PARTICLES  # `Ada de la Cruz`
# A name of a bold, bracketed or timed label: four words at most, and their particles.
_NAME = rf"{_NAME_WORD} (?: [ ] {_PARTICLES} {_NAME_WORD} ){{0,3}}+"
# ... a name alone on its line (or of a meeting app's), a number among its words.
_ALONE_NAME = rf"{_NAME_WORD} (?: [ ] {_PARTICLES} {_NAME_PART} ){{0,{_ALONE_WORDS - 1}}}+"
# With the time beside it, a meeting app's speaker is printed as the app knows them: an
# e-mail address (`ada.quist@example.org`), a diarizer's id (`SPEAKER_01`), `Last, First`,
# a name in brackets (`[Ada Quist] 10:02:33`), a description after it (`Ada Quist (Guest)`),
# a voice unnamed (`Speaker A`, `Unidentified Man #2`).
_APP_NAME = rf"""
    (?: [\w.+\-]{{1,64}}+ @ [\w\-]{{1,63}}+ (?: \. [\w\-]{{1,63}}+ ){{1,4}}+
      | (?i: speaker | spk ) _ \d{{1,3}}+
      | {rules.GENERIC_NAME}
      | {_NAME_WORD} , [ ] {_NAME_WORD} (?: [ ] {_PARTICLES} {_NAME_WORD} )?+
      | {_ALONE_NAME} )
"""
# An office as a parliament's record prints it: `The Prime Minister`, `The Secretary of
# State for Coastal Affairs`, `Madam Deputy Speaker`.
_OFFICE = r"""(?: The [ ] )?+ \p{Lu}\p{Ll}[\p{Ll}\-]++
    (?: [ ] (?: \p{Lu}\p{Ll}[\p{L}'’\-]*+ | of | for | the | and | on ) ){0,12}+"""
# A courtesy title or an office before a name alone (`Dr. Ada Quist`), kept out of the
# name by `_alone_candidate`.
_COURTESY = rf"(?: {rules.HONORIFIC.pattern} )?+"
NAME_ALONE: Final = regex.compile(
    rf"""
    [ \t]*+ (?: \#{{1,6}}+ [ \t]++ )?+  # a markdown heading: `### Ada Quist (00:05)`
    (?: (?P<bold> \*\* )?+
        (?P<label> (?P<name> {rules.GENERIC_NAME} | {_COURTESY} {_ALONE_NAME} )
          (?: [ \t]++ (?: -- | [–—] | - ) [ \t]++ (?P<role> [\p{{Lu}}][^\n:.!?]{{1,80}}+ )
            # or the part the speaker plays, after a comma: `Ada Quist, Host`
            | , [ ] (?P<role> {rules.PART_ROLE} ) )?+ )
        (?(bold) \*\* )  # `**Ada Quist** [00:05]`
        (?: {_ALONE_TIME} )?+
      | (?: \[ (?P<label> (?P<name> {_APP_NAME} ) ) \]
          | (?P<label> (?P<name> {_APP_NAME} )
              (?: [ \t]++ \( (?P<description> [^()\n]{{1,40}}+ ) \) )?+ ) )
        {_ALONE_TIME}
      # A parliament's record names a member with seat and party at their first speech, and
      # an office with its holder: `Ada Quist (Port Alder North) (Lab)`, `The Minister for
      # Coastal Affairs (Noor Bellweather)` (the office is the label's name, as in `The First
      # Minister (Noor Bellweather):`; the brackets, its description); by name after that.
      | (?P<label> (?P<name> {_COURTESY} {_ALONE_NAME} | {_OFFICE} )
          [ \t]++ \( (?P<description> [^()\n]{{1,60}}+ ) \)
          (?: [ \t]++ \( (?P<party> [^()\n]{{1,20}}+ ) \) )?+ ) )
    [ \t]*+ \r?+ $
    """,
    regex.VERBOSE | regex.V1,
)

# The same after the time it starts, the time first (`0:00 - Ada Quist (Stanhope)`,
# `[00:14] Ada Quist`, `0:00 | ada.quist@example.org`), as meeting apps print it: the time
# is its own token before it.
TIMED_NAME: Final = regex.compile(
    rf"""
    [ \t]*+ (?: [-–—|] [ \t]++ )?+
    (?P<label> (?P<name> {_APP_NAME} ) (?: [ \t]++ \( (?P<description> [^()\n]{{1,40}}+ ) \) )?+ )
    [ \t]*+ \r?+ $
    """,
    regex.VERBOSE | regex.V1,
)
_TIME_DASHES: Final = frozenset("-–—|")  # what may part a time from the name after it

# A name and a job after a dash, whatever the job holds (`Ada Quist - Stanhope & Co.`).
_NAME_JOB: Final = regex.compile(
    rf"""{_ALONE_NAME}
        [ \t]++ (?: -- | [–—] | - ) [ \t]""",
    regex.VERBOSE | regex.V1,
)

# `**Adam Quill** Welcome to the show.`: a bold name and the words, no colon; or with the
# time the speaker starts, and a colon: `**Adam Quill** (00:05): Welcome`. The label ends
# at `cut`.
BOLD_NAME: Final = regex.compile(
    rf"""\*\* (?P<label> (?P<name> {_NAME} ) ) \*\*
    (?: [ \t]*+ [(\[] (?P<time> {_CLOCK} (?: [.,] \d{{1,3}}+ )?+ ) [)\]] )?+
    (?: [ \t]*+ : )?+
    (?P<cut>) (?: [ \t]++ (?= [^\s(\[] )
                # or, after its colon, alone on its line, the words below: `**Dana Reyes**
                # (00:05):`
                | (?<= : ) [ \t]*+ (?= \r?+ $ ) )""",
    regex.VERBOSE | regex.V1,
)

# `[Dana Reyes] [00:13] Words`: a bracketed name (and a time) before the words; or a colon
# after the bracket, `[DANA REYES]: Words`. The label ends at `cut`. Inside the brackets, a
# courtesy title, the part the speaker plays, a description, as a colon label gives them:
# `[Dr. Dana Reyes (Director, Harbor Trust)]`, `[Dana Reyes, host]`; a voice unnamed,
# `[Unidentified Man #2]`.
BRACKET_NAME: Final = regex.compile(
    rf"""\[ (?P<label> (?P<honorific> {rules.HONORIFIC.pattern} )?+
        (?P<name> {rules.GENERIC_NAME} | {_NAME} )
        (?: , [ ] (?P<role> {rules.PART_ROLE} ) )?+
        (?: [ ] \( (?P<description> [^()\[\]\n]{{1,160}}+ ) \) )?+ ) \] :?+ (?P<cut>)
    (?: [ \t]++
        (?: \[ (?P<time> \d{{1,2}}+ (?: : \d\d ){{1,2}}+ (?: [.,] \d{{1,3}}+ )?+ ) \] [ \t]++ )?+
        (?= [\p{{L}}"“'‘] | \( \p{{L}} | \.\.\. | … )
      # ... or alone on its line, the words below (`[Dana Reyes, host]`)
      | [ \t]*+ (?= \r?+ $ ) )""",
    regex.VERBOSE | regex.V1,
)

# `Q.  How long did it take?`: a press conference's question, marked with a full stop.
QUESTION_MARK: Final = regex.compile(
    r"""(?P<label> (?P<name> (?P<role> Q ) ) ) \. [ \t]++ (?= [\p{Lu}"“'‘] )""",
    regex.VERBOSE | regex.V1,
)

# `**chg:** My opinion is ...`, `**Theme track:** [04:22]`: anything in bold before a colon,
# a label only in a document whose convention that is (`BOLD_CONVENTION`).
BOLD_COLON: Final = regex.compile(
    r"""\*\* (?P<label> (?P<name> [^\s*:][^\n*:]{0,60}+ ) ) : \*\* (?= [ \t] | \r?+ $ )""",
    regex.VERBOSE | regex.V1,
)

# `Ada Quist<TAB>Welcome back.`: a name, a tab, the words, as a table copied out of a
# spreadsheet or an export in columns prints a turn (`00:00:05<TAB>Ada Quist<TAB>...`), or
# with the time the speaker starts in the column between (`Ada Quist<TAB>0:05<TAB>...`).
TAB_NAME: Final = regex.compile(
    rf"""(?P<label> (?P<name> {_APP_NAME} ) ) [ ]*+ \t [ \t]*+
    (?: (?P<time> {_CLOCK} (?: [.,] \d{{1,3}}+ )?+ ) [ ]*+ \t [ \t]*+ )?+ (?= \S )""",
    regex.VERBOSE | regex.V1,
)

# `Ada Quist (0:05) Welcome back.`, `Ada Quist 0:00:05 Welcome back.`: a name, the time
# its speaker starts, the words, no colon. The label ends at `cut`.
NAME_TIME: Final = regex.compile(
    rf"""(?P<label> (?P<name> {_NAME} ) ) (?P<cut>) [ \t]++
    (?: [(\[] (?P<time> {_CLOCK} (?: [.,] \d{{1,3}}+ )?+ ) [)\]]
      | (?P<time> {_CLOCK} (?: [.,] \d{{1,3}}+ )?+ ) ) [ \t]++ (?= [\p{{L}}"“'‘] )""",
    regex.VERBOSE | regex.V1,
)
# A time near the start of a line's words, as `NAME_TIME` prints it (a literal-cheap test).
_HEAD_TIME: Final = regex.compile(r"[ ][(\[]?+\d{1,2}+:\d\d")
_HEAD_CHARS = 60  # characters: a name of four words and its time fit

# `DANA REYES - Welcome back.`, `Dana Reyes – Welcome back.`, `ANA RUIZ, host - Hello.`:
# a label as a colon ends one (`rules.LABEL`: a role, a description, a courtesy title),
# a dash, the words. Not a name and a job alone on its line (`Dana Reyes -- Chief
# Financial Officer`, a call's heading: `NAME_ALONE`). The label ends at `cut`, after the
# dash.
DASH_NAME: Final = regex.compile(
    r"""(?P<label> (?P<name> [\p{Lu}] [^\n:–—]{0,100}? ) )
    [ \t]++ (?: -- | [–—] | - ) (?P<cut>) [ \t]++ (?= [\p{L}"“'‘(\[] | \.\.\. | … )""",
    regex.VERBOSE | regex.V1,
)
_DASH_CHARS = 110  # characters: where the dash after a label with a description may stand
# A dash near the start of a line's words, as `DASH_NAME` prints it (a literal-cheap test).
_HEAD_DASH: Final = regex.compile(r"[ ](?:--|[–—]|-)[ ]")

# Candidate rules: (shape, pattern) tried at the start of a text line's words.
_INLINE_CANDIDATES: Final = (
    ("bold-name", BOLD_NAME),
    ("bold-colon", BOLD_COLON),
    ("bracket-name", BRACKET_NAME),
    ("question", QUESTION_MARK),
    ("tab-name", TAB_NAME),
    ("name-time", NAME_TIME),
    ("dash-name", DASH_NAME),
)
# Shapes whose labels each need their own evidence (recurrence or an introduction).
_PER_NAME: Final = frozenset(
    {
        "title-word",
        "title-glued",
        "caps-glued",
        "bold-name",
        "bracket-name",
        "name-alone",
        "question",
        "tab-name",
        "name-time",
        "dash-name",
    }
)
# ... of those, the shapes neither a page's heading nor a table's row takes.
_NO_HEADING: Final = frozenset({"bracket-name", "name-time"})
# Voices that need no introduction: who is speaking is the word itself.
_GENERIC_VOICE: Final = regex.compile(
    r"^(?:OPERATOR|MODERATOR|ANNOUNCER|NARRATOR|INTERVIEWER|HOST|Q|CORRESPONDENT|REPORTER"
    r"|SPOKESPERSON|JOURNALIST|CALLER)$",
    regex.V1,
)

# ... and voices the labels of every case name by what they are (`Unidentified Man #2`,
# `Woman 1`, `Speaker 3`: `rules.GENERIC_NAME`), in brackets or alone on a line too.
_UNNAMED_VOICE: Final = regex.compile(rf"(?i: {rules.GENERIC_NAME} )", regex.VERBOSE | regex.V1)


@dataclass
class ShapeDecision:
    """What the document does with one label shape: accepted or not, on what evidence."""

    shape: str
    accepted: int = 0
    rejected: int = 0
    names: set[str] = field(default_factory=set)
    first_rejected: int | None = None

    def message(self) -> str:
        what = f"{self.shape}: {self.accepted} accepted, {self.rejected} rejected"
        return f"{what} ({len(self.names)} name(s))"


Pieces = Callable[[str, int, int], Iterable[Token]]


def settle(tokens: list[Token]) -> tuple[list[Token], list[ShapeDecision]]:
    """Keep the labels whose shape (and name) the document's evidence supports; the others
    go back to text. Candidates come from the line rules and from `propose`.

    Evidence only some decisions read (introductions, mentions, heading marks) is gathered
    the first time one does: a document of strong labels alone never pays for it."""
    at = _indices(tokens, TokenKind.LABEL)
    if not at:
        return tokens, []
    # (a table's labels are its header's declaration, `pipetable`, `csvtable`: no field
    # block or look-alike of a label, however short their words)
    fields = _field_block(tokens, _undeclared(tokens, at))
    if fields:
        tokens = _field_headers(tokens, set(fields.values()))
        at = _indices(tokens, TokenKind.LABEL)
    labels = list(map(tokens.__getitem__, at))
    decisions: dict[str, ShapeDecision] = {}
    judged = _undeclared(tokens, at)
    looks = _look_alikes(tokens, judged, list(map(tokens.__getitem__, judged)))
    if looks:
        for reason in sorted(set(looks.values())):
            lines = [t.line for t in labels if looks.get(id(t)) == reason]
            decisions[reason] = ShapeDecision(reason, rejected=len(lines), first_rejected=lines[0])
            decisions[reason].names = {
                t.fields["name"] for t in labels if looks.get(id(t)) == reason
            }
        undone = {id(tokens[i + 1]) for i in at if id(tokens[i]) in looks and _timed(tokens, i)}
        stage = {id(t) for t in labels if looks.get(id(t)) == "stage-label"}
        tokens = _stage_notes(tokens, stage)
        tokens = _merge_text([_undo(t) if id(t) in looks or id(t) in undone else t for t in tokens])
        at = _indices(tokens, TokenKind.LABEL)
        labels = list(map(tokens.__getitem__, at))
    weak = [t for t in labels if "weak" in t.fields]
    strong = [t for t in labels if "weak" not in t.fields]

    if fields:
        decisions["field-block"] = ShapeDecision(
            "field-block", rejected=len(fields), first_rejected=min(fields.values())
        )
    # Every strong label is accepted: one decision a rule, in the order the rules first
    # appear, counted at once.
    for shape, n in Counter([t.rule for t in strong]).items():
        d = decisions.get(shape)
        if d is None:
            d = decisions[shape] = ShapeDecision(shape)
        d.names.update([t.fields["name"] for t in strong if t.rule == shape])
        d.accepted += n
    if not weak:
        return tokens, list(decisions.values())
    # (read only where some label is weak: a document of strong labels never pays for it)
    glued = [tokens[i] for i in at if _glued(tokens, i)]
    glued_convention = (
        len(glued) >= GLUED_CONVENTION and len({t.fields["name"] for t in glued}) >= MIN_VOICES
    )
    # ... where it is, a Title Case label glued on is read as one spaced (`title-case`).
    titled = ("title-case", "title-glued") if glued_convention else ("title-case",)

    # A headline is printed once or twice at the top; a name the document keeps using is
    # a speaker's, however headline-like one of their lines reads (`Ada Quist: Great point,
    # Noor!`), and however it opens a turn: with a quotation (`Ada Quist: "Get your own."`).
    uses = Counter([t.fields["name"] for t in weak])
    regular = {name for name, n in uses.items() if n >= MIN_RECURRENCE + 1}
    weak_at = [i for i in at if "weak" in tokens[i].fields]
    # (a label in capitals glued to a quotation is no headline's: `QUIST:"Tide Lines" ran`)
    quotable_at = [i for i in weak_at if may_head(tokens[i])]
    quoted = {n for n, name in _quoted_lines(tokens, quotable_at).items() if name not in regular}
    # ... and a headline carries no time stamp: `00:00:21 Omar Bell` is a speaker heading;
    # nor does it stand below a line the same name already spoke (`Sabra Vance: In the
    # outback town ...`, then `Sabra Vance: The former head of the Medical Association`).
    heads = _headline_lines(tokens, weak)
    headlines = {n for n, name in heads.items() if name not in regular}
    if headlines:
        headlines -= {t.line for t in weak if "time" in t.fields}
        headlines -= {t.line for t in tokens if t.kind is TokenKind.TIMESTAMP}
        spoke: dict[str, int] = {}  # name -> the first line it labels that is no headline
        for t in weak:
            if t.line not in heads:
                spoke.setdefault(t.fields["name"], t.line)
        headlines = {n for n in headlines if spoke.get(heads[n], n) >= n}
    set_aside = quoted | headlines
    counts = Counter([t.fields["name"] for t in weak if t.line not in set_aside])
    title_names = Counter(
        [t.fields["name"] for t in weak if t.fields["weak"] in titled and t.line not in headlines]
    )
    lazy = _Evidence(tokens, weak, weak_at, {n for n in uses if " " in n})
    # A short label stands for the full name it ends (`Kovacs:` for `Marta Kovacs:`).
    title_uses = {
        full: n + sum(k for short, k in counts.items() if full.endswith(" " + short))
        for full, n in title_names.items()
    }
    paired = [full for full, n in title_uses.items() if n > title_names[full]]
    surnames = {t.fields["name"] for t in weak if t.fields["weak"] == "title-word"}
    # Surnames two voices or more recur under are the document's convention (`Moss:`,
    # `Quist:`): one heard once is someone the words name (`... says Dave Yokel`).
    by_surname = sum(counts[n] >= MIN_RECURRENCE for n in surnames) >= MIN_VOICES
    known = {t.fields["name"] for t in strong}
    shorts = {
        t.fields.get("description", "").upper() for t in weak if t.fields["weak"] in titled
    } - {""}
    # Whether the document labels people in Title Case, from any of:
    title_ok = bool(title_names) and (
        # it labels in capitals often, and so the odd guest in Title Case too;
        len(strong) >= STRONG_FOR_TITLE_CASE
        # ... or by surnames that two voices or more recur under (`Moss:`, `Quist:`);
        or by_surname
        # a label gives its own short form, which labels too (`Adam Reyes (AR):`, `AR:`);
        or not shorts.isdisjoint(known | counts.keys())
        # a name recurs, in full, or in full and short (`Marta Kovacs:`, `Kovacs:`) ...
        or max(title_names.values()) >= MIN_RECURRENCE
        or max(title_uses.values()) >= SHORT_FORM_RECURRENCE
        # ... once each where the words say the name as the label prints it (`... Marta
        # Kovacs has the story.`) or introduce someone the labels name (`I'm Kelly Moss`,
        # then `Moss:`);
        or (
            bool(paired)
            and (
                any(lazy.said_as_printed(n) for n in paired)
                or any(lazy.introduced(n) for n in counts)
            )
        )
        # or the words introduce a name the labels give in full.
        or any(lazy.introduced(n) for n in title_names)
    )
    # A Title Case label that states the part its speaker plays on air (`Kirk Vance,
    # Byline:`, `Ada Quist, host:`) is a voice on its own evidence, as `Operator:` is.
    on_air = {
        t.fields["name"] for t in weak if t.fields["name"] in title_names and _plays_on_air(t)
    }
    full_names = {n for n in known if " " in n} | on_air
    if title_ok:
        full_names |= set(title_names)
    bold = [t for t in labels if ("**" in t.text or "__" in t.text) and _bold_form(t)]
    bold_convention = (
        len(bold) >= BOLD_CONVENTION and len({t.fields["name"] for t in bold}) >= MIN_VOICES
    )
    # Someone speaks at length at least once: fields (`Length: 737`, `Air Date: May 2`)
    # recur and alternate like voices, but hold a value, never a sentence.
    speaks = _speaks(tokens)

    by_shape = _by_shape([t for t in weak if t.line not in set_aside])
    together = _with_short_forms(by_shape)
    # (the voices that speak again by a dash, `ANA RUIZ, host -` then `RUIZ -`)
    dash_voices = {
        name
        for name in by_shape.get("dash-name", ())
        if max(counts[name], together[name]) >= MIN_RECURRENCE
    }
    # A shape no heading takes (a name in brackets, a name with its start time) whose
    # name in full recurs is the document's convention: another name in full it gives
    # once is a voice heard once (a clip in a host's introduction).
    conventional = {
        name
        for shape, names in by_shape.items()
        if shape in _NO_HEADING
        and any(" " in name and n >= MIN_RECURRENCE for name, n in names.items())
        for name in names
        if " " in name
    }

    def evident(name: str) -> bool:
        return (
            max(counts[name], together[name]) >= MIN_RECURRENCE
            or (by_surname and name in lazy.named())
            or name in known
            or any(full.endswith(" " + name) for full in full_names)
            or bool(_GENERIC_VOICE.match(name))
            or bool(_UNNAMED_VOICE.fullmatch(name))
            or lazy.introduced(name)
            or name in lazy.mentioned()
            or name in lazy.addressed()
            or name in lazy.marked()[0]
        )

    # People talk to each other: the voices a document's labels give. Where labels with
    # the time their speaker starts are the convention (one of them recurs: a name alone,
    # `**Ada Quist** (00:05):`, `Ada Quist: (00:05)`), each is a voice, heard once or
    # more; a heading over a time once each is an agenda's.
    timed = {t.fields["name"] for t in weak if "time" in t.fields}
    if not any(counts[n] >= MIN_RECURRENCE for n in timed):
        timed = set()
    # A record or a call that gives speakers their seat, office or job above their speech
    # (`Ada Quist (Port Alder North) (Lab)`, later `Ada Quist`; `The Minister for Coastal
    # Affairs (Noor Bellweather)`, later `Noor Bellweather`; `Ada Quist -- Chief Financial
    # Officer`), two voices or more so, where a voice of its names alone speaks again (by
    # name, or by the holder's name in the brackets: `Operator` twice; the chief executive
    # answering again), gives the one so given who speaks once theirs too.
    alone_names = {t.fields["name"] for t in weak if t.fields["weak"] == "name-alone"}
    given = [
        t
        for t in weak
        if t.fields["weak"] == "name-alone" and ("description" in t.fields or "role" in t.fields)
    ]
    named_given = {t.fields["name"] for t in given}
    again = any(counts[n] >= MIN_RECURRENCE for n in alone_names) or any(
        canonical_name(t.fields.get("description", "")) in counts for t in given
    )
    described = named_given if again and len(named_given) >= MIN_VOICES else set()
    voices = known | timed | on_air | conventional | {n for n in counts if evident(n)}
    if title_ok:
        voices |= set(title_names)
    # A Title Case or bracketed label between two turns of one voice is the other side of
    # a conversation, and the two turns that voice's, where the document never labels one
    # voice twice in a row (it labels a voice again only when someone else spoke):
    # `Omar Vane:`, `Inskeep:`, `Vane:`; a full name so heard stands for its surname.
    answering = _between_turns([t for t in labels if t.line not in set_aside])
    voices |= {name for _, name in answering}
    full_names |= {name for _, name in answering if " " in name}
    answering_lines = {line for line, _ in answering}
    rejected: set[int] = set()  # indices in `tokens`
    for i, t in zip(weak_at, weak, strict=True):
        kind = t.fields["weak"]
        if kind in titled:
            kind = "title-case"
        if not speaks:
            ok = False
        elif bold_convention and _bold_form(t):
            ok = t.line not in headlines
        elif t.line in set_aside:
            ok = False
        elif kind == "bold-colon":
            ok = False  # anything in bold is a label only where the document labels so
        elif kind == "caps-speech":
            ok = True  # its evidence is its own line: a time, a name, then caption capitals
        elif kind == "caps-glued" and (glued_convention or evident(t.fields["name"])):
            ok = True  # (`CONAN:OK, this is the show. I'm Neal Conan.`: once, introduced)
        elif kind == "dash-name" and len(dash_voices) >= MIN_VOICES:
            # two voices or more that speak again so label by a dash: a voice heard once
            # (`LENA PRYCE - (Singing) ...`) is one too, where a page of news briefs'
            # datelines (`WASHINGTON - ...`, `PORT ALDER - ...`) repeats none
            ok = True
        elif kind == "title-case":
            ok = (
                t.fields["name"] in on_air
                or t.line in answering_lines
                or (
                    title_ok
                    and (
                        len(voices) >= MIN_VOICES
                        or len(strong) > 0
                        or t.fields["name"] in lazy.self_introduced()
                        or lazy.introduced(t.fields["name"])
                    )
                )
            )
        elif (
            kind in ("name-alone", "bracket-name")
            and len(strong) >= STRONG_RIVAL
            and t.fields["name"] not in known
            and "role" not in t.fields
        ):
            # the document labels with a colon: a name alone is a heading (a name with a
            # job after a dash is a call's speaker heading even beside `Operator:` lines),
            # a name in brackets a note (`[Applause] Thank you.`)
            ok = False
        elif kind == "bracket-name" and t.fields["name"] in lazy.noted():
            ok = False  # `[Laughter] Well.`, where a line also says `... [Laughter]`
        else:
            # (a name alone of the document's timed convention needs no recurrence, nor
            # a name a courtesy title says is a person's: `Mrs. Alder:` once)
            ok = (
                kind in _PER_NAME
                and (
                    t.fields["name"] in timed
                    or t.fields["name"] in described
                    or "honorific" in t.fields
                    or t.fields["name"] in conventional
                    or t.line in answering_lines
                    or evident(t.fields["name"])
                )
                and len(voices) >= MIN_VOICES
            )
        shape = t.fields["weak"] or t.rule
        d = decisions.get(shape)
        if d is None:
            d = decisions[shape] = ShapeDecision(shape)
        d.names.add(t.fields["name"])
        if ok:
            d.accepted += 1
        else:
            d.rejected += 1
            d.first_rejected = d.first_rejected or t.line
            rejected.add(i)
    out = tokens[:]
    for i in rejected:
        out[i] = _undo(tokens[i])
        if _timed(tokens, i):
            out[i + 1] = _undo(tokens[i + 1])  # (`END 1:58 P.M. EDT`: words again, time too)
    if any(
        t.fields["weak"] == "name-alone" and i not in rejected
        for i, t in zip(weak_at, weak, strict=True)
    ):
        markers = lazy.marked()[1]
        if markers:
            out = [_marker(t) if t.line in markers else t for t in out]
            decisions["heading-mark"] = ShapeDecision("heading-mark", accepted=len(markers))
    return _merge_text(out), list(decisions.values())


# The shapes a voice heard once between two turns of another may take: Title Case, or a
# name in brackets.
_ANSWERING: Final = frozenset({"title-case", "title-word", "title-glued", "bracket-name"})


def _between_turns(labels: list[Token]) -> set[tuple[int, str]]:
    """The lines and names of three labels in a row of the `_ANSWERING` shapes, one voice's,
    another's, then the first one's again (by its name, or its full name then surname),
    where no two labels in a row are one voice's (a page that labels each paragraph again
    would give a `Remember:` of one voice's speech the same place)."""
    names = [t.fields["name"] for t in labels]
    if any(_same_voice(a, b) for a, b in pairwise(names)):
        return set()
    found: set[tuple[int, str]] = set()
    for row in zip(labels, labels[1:], labels[2:], strict=False):
        if all(t.fields.get("weak") in _ANSWERING for t in row) and _same_voice(
            row[0].fields["name"], row[2].fields["name"]
        ):
            found |= {(t.line, t.fields["name"]) for t in row}
    return found


def _same_voice(a: str, b: str) -> bool:
    """`a` and `b` name one voice: the same name, or a full name and its surname."""
    return a == b or a.endswith(" " + b) or b.endswith(" " + a)


def _alternates(run: list[Token]) -> bool:
    """A name of `run` labels again after another one (`Ada:` / `Omar:` / `Ada:`), as
    people talking do, where a header names each field once (`Guest:` twice in a row is
    two guests)."""
    names = [t.fields["name"] for t in run]
    return any(n in names[: k - 1] and names[k - 1] != n for k, n in enumerate(names) if k > 1)


def may_head(label: Token) -> bool:
    """Whether a label could be a page's headline instead (`Cairo Protests Grow: Crowds
    Fill The Square`): a weak one, but not one in capitals glued to its words (`QUIST:OK.`),
    which is a label in capitals, as a strong one is."""
    return label.fields.get("weak", "caps-glued") != "caps-glued"


def _glued(tokens: list[Token], i: int) -> bool:
    """Whether the label at `i` is glued to the words after it (`QUIST:OK.`)."""
    after = tokens[i + 1] if i + 1 < len(tokens) else None
    return after is not None and after.line == tokens[i].line and not after.text[:1].isspace()


def _undeclared(tokens: list[Token], at: list[int]) -> list[int]:
    """Of the labels at `at`, those no table's header declares."""
    return [i for i in at if tokens[i].rule != TABLE_SPEAKER]


def _by_shape(labels: Iterable[Token]) -> dict[str, Counter[str]]:
    """Each weak shape's names and how often each labels."""
    out: dict[str, Counter[str]] = {}
    for t in labels:
        out.setdefault(t.fields["weak"], Counter())[t.fields["name"]] += 1
    return out


def _with_short_forms(by_shape: dict[str, Counter[str]]) -> Counter[str]:
    """Each name's uses together with those of its full name or its short forms in the same
    shape: `[Ken Rudin]` once and `[Rudin]` once are two uses of one voice, under either
    name. (Title Case pairs, `Final Thoughts:` over `Thoughts:`, are two shapes: `settle`
    weighs those on their own evidence.) A name's uses across shapes are `settle`'s
    `counts`: a recurring name is the larger of the two."""
    together: Counter[str] = Counter()
    for counts in by_shape.values():
        fulls = [name for name in counts if " " in name]
        for name, n in counts.items():
            n += sum(counts[f] for f in fulls if f.endswith(" " + name))
            n += sum(k for short, k in counts.items() if name.endswith(" " + short))
            together[name] = max(together[name], n)
    return together


def _indices(tokens: list[Token], kind: TokenKind) -> list[int]:
    """The indices of the tokens of `kind`. The kinds are compared in C (`map`,
    `compress`), with no Python step per token: a document's tokens are walked for their
    labels or texts several times."""
    return list(compress(count(), map(partial(is_, kind), map(_KIND, tokens))))


_KIND: Final = attrgetter("kind")
_LINE: Final = attrgetter("line")


class _Evidence:
    """The evidence `settle` reads only for some labels, each piece gathered on first use
    (a pure function of the tokens, which do not change while `settle` decides)."""

    def __init__(
        self, tokens: list[Token], weak: list[Token], weak_at: list[int], full_names: set[str]
    ) -> None:
        self._tokens = tokens
        self._weak = weak
        self._weak_at = weak_at
        self._full_names = full_names
        self._lines: list[tuple[str, str]] | None = None  # (line, upper-cased)
        self._upper = ""
        self._introduced: dict[str, bool] = {}
        self._self_introduced: set[str] | None = None
        self._mentioned: set[str] | None = None
        self._addressed: set[str] | None = None
        self._named: set[str] | None = None
        self._joined: str | None = None
        self._marked: tuple[set[str], set[int]] | None = None
        self._noted: set[str] | None = None

    def introduced(self, name: str) -> bool:
        """`name` is one the words introduce (`_introductions`), or, a single word, the
        surname of one (`Conan:` after `I'm Neal Conan`).

        An introduction lies within one line of the words (`_introducing`), and the name
        it introduces is a part of that line, upper-cased: so only the lines that hold
        `name`, upper-cased, are read for introductions (`_INTRO` is a slow scan)."""
        if name not in self._introduced:
            if self._lines is None:
                text = _introducing(self._tokens)
                self._upper = text.upper()
                self._lines = list(zip(text.split("\n"), self._upper.split("\n"), strict=True))
            found = False
            if name in self._upper:
                holding = [line for line, upper in self._lines if name in upper]
                names = _introductions("\n".join(holding))
                found = name in names or (
                    " " not in name and any(n.endswith(" " + name) for n in names)
                )
            self._introduced[name] = found
        return self._introduced[name]

    def self_introduced(self) -> set[str]:
        """`Matt Quell: ... I'm Matt Quell from the newsroom`: a label whose own words
        introduce it is a speaker's, even the only one a (cut) page prints."""
        if self._self_introduced is None:
            self._self_introduced = _self_introduced(self._tokens, self._weak_at)
        return self._self_introduced

    def mentioned(self) -> set[str]:
        """A full name the words mention (`... here with Ellie Varga.`) is someone present."""
        if self._mentioned is None:
            self._mentioned = _mentioned(self._words().upper(), self._full_names)
        return self._mentioned

    def addressed(self) -> set[str]:
        """A one-word name the words address someone by (`Go ahead, Brian.`, `Thank you,
        Maxine.`): someone present; `Remember` is never said so."""
        if self._addressed is None:
            printed = self._one_word_labels()
            self._addressed = _addressed(self._words(), printed) if printed else set()
        return self._addressed

    def named(self) -> set[str]:
        """A one-word name the words give as the end of someone's name (`Governor
        Knowles`, `Dave Yokel`, `Dr. Bell`): a surname label heard once is that person's.
        Not in its own line's words: `Music: Bright Production Music` names no one."""
        if self._named is None:
            self._named = set()
            texts = [t for t in self._tokens if t.kind is TokenKind.TEXT]
            for form, name in self._one_word_labels().items():
                if not _named(self._words(), form):
                    continue
                own = {t.line for t in self._weak if t.fields["label"] == form}
                if _named(" ".join([t.text for t in texts if t.line not in own]), form):
                    self._named.add(name)
        return self._named

    def _one_word_labels(self) -> dict[str, str]:
        """Each one-word Title Case label as printed (`Brian`), and its name (`BRIAN`)."""
        return {
            t.fields["label"]: t.fields["name"]
            for t in self._weak
            if t.fields["weak"] == "title-word" and " " not in t.fields["label"]
        }

    def said_as_printed(self, name: str) -> bool:
        """The words say a Title Case label's name as its label prints it (`Marta Kovacs`
        for `Marta Kovacs:`), in its case: a heading's words said in a sentence are not
        (`final thoughts` for `Final Thoughts:`)."""
        printed = {
            t.fields["label"][: len(name)]
            for t in self._weak
            if t.fields["name"] == name and t.fields["label"][: len(name)].upper() == name
        }
        return bool(_mentioned(self._words(), printed))

    def _words(self) -> str:
        """The document's words (its text tokens), joined once for the mentions."""
        if self._joined is None:
            self._joined = " ".join([t.text for t in self._tokens if t.kind is TokenKind.TEXT])
        return self._joined

    def noted(self) -> set[str]:
        """The names of the notes in square brackets the document prints inside a line
        (`... he said. [Laughter]`): `[Laughter]` opening a line is that note, not a name.
        A speaker's name is never a note of the words."""
        if self._noted is None:
            tokens = self._tokens
            self._noted = {
                canonical_name(t.text[1:-1])
                for k, t in enumerate(tokens)
                if t.kind is TokenKind.NOTE
                and t.text.startswith("[")
                and not _bracket_note(tokens, k)
            }
        return self._noted

    def marked(self) -> tuple[set[str], set[int]]:
        """The same short line above every name alone on its line (`speaker` / `Ada
        Quist`) is the page's mark for a speaker heading (`_marked_headings`)."""
        if self._marked is None:
            # (a mark stands above a name alone on its line: none, no mark)
            alone = any(t.fields["weak"] == "name-alone" for t in self._weak)
            self._marked = _marked_headings(self._tokens) if alone else (set(), set())
        return self._marked


# ---- line numbers -----------------------------------------------------------------------

# A line number before the words: `1-08   `, `12   ` (page-line or line), two spaces or a
# tab after it.
LINE_NUMBER: Final = regex.compile(
    r"""[ \t]*+ (?P<page> \d{1,3}+ - )?+ (?P<line> \d{1,3}+ )
        (?: [ ]{2,}+ | \t ) [ \t]*+ (?= \S )""",
    regex.VERBOSE | regex.V1,
)


def line_numbers(lines: list[tuple[int, int, str]]) -> dict[int, int]:
    """For a document whose lines a court reporter numbered, index of each numbered line
    -> the length of its number (and the spaces after it); else empty.

    A bound first, from the lines' first characters alone (counted in one string): a
    numbered line starts with a digit, a space or a tab, and a line starting with anything
    but whitespace has words; when too few lines could be numbered, no count below can
    reach the share. (Other scripts' digits: any non-ASCII first character could be one.)"""
    firsts = "".join(map(_FIRST_CHARACTER, map(_LINE_TEXT, lines)))
    other = len(firsts) - len(firsts.encode("ascii", "ignore"))  # non-ASCII first characters
    could = sum(map(firsts.count, _NUMBER_START)) + other
    wordy_at_least = len(firsts) - sum(map(firsts.count, _WS))
    if could < NUMBERED_MIN or could < NUMBERED_SHARE * wordy_at_least:
        return {}
    wordy = 0
    found: dict[int, int] = {}
    order: list[tuple[int, int]] = []
    for i, (_, _, line) in enumerate(lines):
        if not line.strip(_WS):
            continue
        wordy += 1
        first = line[:1]
        m = LINE_NUMBER.match(line) if first.isdigit() or first in " \t" else None
        if m:
            found[i] = m.end()
            order.append((int((m["page"] or "0-")[:-1]), int(m["line"])))
    if len(found) < NUMBERED_MIN or len(found) < NUMBERED_SHARE * wordy:
        return {}
    rising = sum(a < b for a, b in pairwise(order))
    return found if rising >= NUMBERED_RISING * (len(order) - 1) else {}


_NUMBER_START: Final = "0123456789 \t"
_LINE_TEXT: Final = itemgetter(2)
_FIRST_CHARACTER: Final = itemgetter(slice(0, 1))


# ---- look-alikes of any shape ---------------------------------------------------------

_CLOSING_MARK = ("**", "__", "</b>", "</strong>")
_CLOSING_LAST = frozenset("*_>")  # the last character of a closing mark
_CLOSING_FIRST = frozenset("*_<")  # ... and its first
_BOLD_OUT = regex.compile(r"(?:\*\*|__|</(?:b|strong)>)[ \t]*+:$")


def _form(tokens: list[Token], i: int) -> str:
    """How a label is printed: `bold-out` (`<b>NAME</b>:`, `**Name**:`), `bold-in`
    (`<b>NAME: </b>`, `**Name:**`) or `plain`. (Literal tests first: a closing mark holds
    `**`, `__` or `</`, and begins and ends with one of a few characters.)"""
    t = tokens[i]
    text = t.text.rstrip(_WS)
    if (
        text[-1:] == ":"
        and ("**" in text or "__" in text or "</" in text)
        and _BOLD_OUT.search(text)
    ):
        return "bold-out"
    if text[-1:] in _CLOSING_LAST and text.endswith(_CLOSING_MARK):
        return "bold-in"
    for j in range(i + 1, min(len(tokens), i + 4)):
        after = tokens[j]
        if after.line != t.line:
            return "plain"
        words = after.text.lstrip(_WS)
        if words:
            return (
                "bold-in"
                if words[:1] in _CLOSING_FIRST and words.startswith(_CLOSING_MARK)
                else "plain"
            )
    return "plain"


def _forms(tokens: list[Token], at: list[int]) -> list[str]:
    """`_form` of each label at `at`. A label with no `*`, `_` or `<` in it is `plain`
    unless the words after it on its line open with a closing mark: most labels are
    decided by that test alone."""
    forms = ["plain"] * len(at)
    n = len(tokens)
    for k, i in enumerate(at):
        t = tokens[i]
        if "*" in t.text or "_" in t.text or "<" in t.text:
            forms[k] = _form(tokens, i)
        elif i + 1 < n and tokens[i + 1].line == t.line:
            lead = tokens[i + 1].text[:1]
            if lead in _WS or lead in _CLOSING_FIRST:  # (or no text)
                forms[k] = _form(tokens, i)
    return forms


def _look_alikes(tokens: list[Token], at: list[int], labels: list[Token]) -> dict[int, str]:
    """Labels of any shape, strong ones too, that the document shows are something else
    (id -> reason); `labels` are the labels, `at` their indices in `tokens`:

    - `heading-label`: a label with nothing after its colon, nor a start time
      (`INTERVIEW:`, `<b>BEFORE: </b>`), whose name the document uses once, and that
      either no speech follows (the next line with words is no sentence and short: `DAVID
      QUELL`) or that is printed unlike the labels the document keeps using
      (`<b>NAME</b>:` `STRONG_RIVAL` times, `<b>BEFORE: </b>` once);
    - `stage-label`: a name used `MIN_RECURRENCE` times or more and only ever before a
      stage note (`SOUND: (A DOOR SLAMS)`);
    - `headline-label`: near the top, before any other label, a label used once whose words
      read as headlines (`U.N.: 366,000 Cross the Border; Storm Hits Coast`, `DESK
      EXCLUSIVE: MAYOR ON THE PIER VOTE`): title-cased or shouted, no sentence;
    - `field-label`: a label used once whose words are only a name the document labels
      (`Host: Delia Frost` in the show notes, over `Delia Frost: Welcome ...`): a page's
      field naming a voice, not a voice.

    One walk over the labels: how each label is printed is read only when a label with
    nothing after it needs the comparison, and a name stops being a stage direction's at
    its first spoken line.
    """
    if not labels:
        return {}
    uses = Counter([t.fields["name"] for t in labels])
    out: dict[int, str] = {}
    first_line = labels[0].line
    # `SOUND: (A DOOR SLAMS)` every time: a name that only ever carries a stage note is a
    # script's direction, not a voice. (Names of the shared rule, and names spoken once.)
    ruled: set[str] = set()
    spoken: set[str] = set()
    forms: list[str] | None = None
    by_form: Counter[str] = Counter()
    usual, usual_count = "", 0
    for k, t in enumerate(labels):
        name = t.fields["name"]
        if not name:
            continue
        if uses[name] >= MIN_RECURRENCE:
            if name not in spoken:
                if t.rule == "label":
                    ruled.add(name)
                if not _only_notes(tokens, at[k]):
                    spoken.add(name)
            continue
        # A house style's own label rule is that style's convention: it is not second-guessed.
        if uses[name] != 1 or not (t.rule == "label" or "weak" in t.fields):
            continue
        i = at[k]
        words = _after_label(tokens, i)
        if not words and "time" not in t.fields:  # (a heading prints no start time)
            if forms is None:
                forms = _forms(tokens, at)
                by_form = Counter(forms)
                usual, usual_count = by_form.most_common(1)[0]
            odd = (
                forms[k] != usual
                and usual_count >= STRONG_RIVAL
                and by_form[forms[k]] < usual_count
            )
            if odd or not _speech_follows(tokens, i):
                out[id(t)] = "heading-label"
        elif (
            t.line == first_line
            and t.line <= HEADLINE_REGION
            and "role" not in t.fields
            and _reads_as_headlines(words)
        ):
            out[id(t)] = "headline-label"
        elif len(words) <= _ALONE_MAX and canonical_name(words) in uses:
            out[id(t)] = "field-label"  # `Host: Delia Frost` over `Delia Frost: Welcome ...`
    directions = ruled - spoken
    if directions:
        for t in labels:
            if t.rule == "label" and t.fields["name"] in directions:
                out[id(t)] = "stage-label"
    return out


def _stage_notes(tokens: list[Token], stage: set[int]) -> list[Token]:
    """Each line a script direction opens (`SOUND: (A DOOR SLAMS)`) as one NOTE of the
    turn it stands in: the direction and its note, not words anyone says."""
    if not stage:
        return tokens
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        t = tokens[i]
        if id(t) not in stage:
            out.append(t)
            i += 1
            continue
        j = i
        while j < len(tokens) and tokens[j].line == t.line:
            j += 1
        text = "".join(x.text for x in tokens[i:j])
        body = text.rstrip("\r\n")
        inner = " ".join(body.split())
        kind = next((k for k, pattern in rules.CUE_KINDS if pattern.search(inner)), "other")
        out.append(
            Token(
                TokenKind.NOTE,
                body,
                t.start,
                t.start + len(body),
                t.line,
                "stage-label",
                {"inner": inner, "cue_kind": kind},
            )
        )
        if len(body) < len(text):
            end = t.start + len(text)
            out.append(
                Token(
                    TokenKind.TEXT,
                    text[len(body) :],
                    end - len(text) + len(body),
                    end,
                    t.line,
                    "text",
                )
            )
        i = j
    return out


def _only_notes(tokens: list[Token], i: int) -> bool:
    """The label `tokens[i]` is followed on its line by notes and nothing said."""
    line = tokens[i].line
    notes = False
    for j in range(i + 1, len(tokens)):
        t = tokens[j]
        if t.line != line:
            break
        if t.kind is TokenKind.NOTE:
            inner = t.fields.get("inner", "")
            # a direction in capitals (`(A DOOR SLAMS)`); not what a voice does in its
            # turn (`(Speaking Spanish)`), nor a time (`[12:57]`)
            if not inner.isupper() or not any(c.isalpha() for c in inner):
                return False
            notes = True
        elif t.kind is TokenKind.TEXT and any(c.isalnum() for c in t.text):
            return False
    return notes


def _speech_follows(tokens: list[Token], i: int) -> bool:
    """The paragraph after the line of `tokens[i]` is speech: its first line is long
    (`PROSE_AFTER`), or one of its first lines ends a sentence (`The last word in` /
    `harbour news.`, hard-wrapped); a list of short lines is not. A label of the strong
    shape right after counts as speech (an empty turn is still a turn)."""
    line = tokens[i].line
    texts: list[str] = []
    current: list[str] = []
    current_line = -1
    for k in range(i + 1, len(tokens)):
        t = tokens[k]
        if t.line == line:
            continue
        if t.kind is TokenKind.LABEL:
            # Another voice's label at once (`JINGLE:` / `ODA:`): an empty turn, not a
            # heading; a name alone on its line next (`INTERVIEW:` / `DAVID QUELL`) is a
            # heading's value.
            if not texts and not current and "weak" not in t.fields:
                return True
            break
        if t.kind is TokenKind.BLANK and texts:
            break
        if t.kind in _WORDS:
            if current and t.line != current_line:
                texts.append("".join(current).strip(_WS))
                current = []
            current_line = t.line
            current.append(t.text)
            if len(texts) >= SPEECH_LINES:
                break
    if current:
        texts.append("".join(current).strip(_WS))
    texts = [x for x in texts if x][:SPEECH_LINES]
    return bool(texts) and (len(texts[0]) >= PROSE_AFTER or any(x[-1] in ".?!" for x in texts))


def _reads_as_headlines(words: str) -> bool:
    """Headlines one after another (`A Storm Hits the Coast; Ferries Stop`), or one: a few
    words, and most parts, the first among them, end no sentence (`U.S.`, `B. Quell`,
    `No. 4` are no ends) and capitalise `HEADLINE_CAPITALS` of their words."""
    if len(words.split()) < HEADLINE_WORDS:
        return False
    parts = [p for p in words.split(";") if p.strip(_WS)]
    heads = [_capitalised(p) >= HEADLINE_CAPITALS and not _SENTENCE_END.search(p) for p in parts]
    return heads[0] and sum(heads) * 2 > len(parts)


# A full stop, question or exclamation mark that ends a sentence: at the end, or before a
# capital, a bracket or a quotation mark; not an initial's (`B. Quell`, `U.S. Navy`).
_SENTENCE_END: Final = regex.compile(
    r"""(?<! \b \p{Lu} ) [.?!] ["”’)]*+ (?: [ \t]++ [\p{Lu}\[("“] | [ \t]*+ $ )""",
    regex.VERBOSE | regex.V1,
)


def _capitalised(text: str) -> float:
    """The share of words that start with a capital, small words (`of`, `the`) aside."""
    found, capitalised = capitals(text)
    return capitalised / found if found else 0.0


# ---- candidates -------------------------------------------------------------------------


def _lines(tokens: list[Token]) -> list[list[Token]]:
    """The tokens of each line (a run of tokens with one line number), cut where the line
    number changes."""
    if not tokens:
        return []
    cuts = [i for i in range(1, len(tokens)) if tokens[i].line != tokens[i - 1].line]
    return [tokens[a:b] for a, b in pairwise([0, *cuts, len(tokens)])]


def propose(tokens: list[Token], pieces: Pieces) -> list[Token]:
    """Text lines that could be labels of a weak shape become candidate LABEL tokens, for
    `settle` to judge.

    `pieces` re-tokenizes the words after a label found in a text line (the tokenizer's
    word splitter, so notes and markup are cut the same way). Names alone on their line
    stay candidates only where two of them or more head paragraphs: before that, the
    headline pass must still see a page's repeated headline as text.
    """
    out, alone = _propose(tokens, pieces)
    if 0 < len(alone) < MIN_VOICES:
        out = _merge_text([_undo(t) if t.rule == "name-alone" else t for t in out])
    return out


_LEAD = frozenset({TokenKind.MARKUP, TokenKind.TIMESTAMP})
_WORDS = frozenset({TokenKind.TEXT, TokenKind.NOTE})
_INLINE_START = frozenset("*[Q")  # what a bold, bracketed or `Q.` candidate starts with
_ALONE_MAX = 120  # characters: a name (and a job) alone on its line is short


def _propose(tokens: list[Token], pieces: Pieces) -> tuple[list[Token], set[str]]:
    """`tokens` with each candidate line's words replaced by its candidate label and words,
    and the names of the names-alone candidates (no other rule makes a `name-alone` label).

    Cheap facts first: only a text token that opens its line (past markup and times) can
    start a candidate, and most such lines are prose that no candidate can start."""
    edits: list[tuple[int, int, list[Token]]] = []  # (from, to, the tokens instead)
    # names alone over words too short to tell speech: (from, to, the match, its time)
    short: list[tuple[int, int, regex.Match[str], str]] = []
    for i in _indices(tokens, TokenKind.TEXT):
        first = tokens[i]
        line = first.line
        if i and tokens[i - 1].line == line and tokens[i - 1].kind not in _LEAD:
            # `[BRIAN LEHRER] It's ...`: the name in capitals was split out as a note
            if _bracket_note(tokens, i - 1):
                end = _line_end(tokens, i)
                found = _inline_candidate(_joined(tokens[i - 1 : end]), tokens[i - 1], pieces)
                if found is not None:
                    edits.append((i - 1, end, found))
            continue  # words or a label before it on its line
        text = first.text
        lead = text[:1]
        if lead in " \t":  # (or no text)
            lead = text.lstrip(" \t")[:1]
        inline = (
            lead in _INLINE_START
            or "\t" in text
            or (
                "A" <= lead <= "Z"
                and (
                    _HEAD_TIME.search(text, 0, _HEAD_CHARS) is not None
                    or _HEAD_DASH.search(text, 0, _DASH_CHARS) is not None
                )
            )
        )
        # Right after a time: `00:00:27 Ada Quist WELCOME ...` may be a caps-speech label.
        timed = i > 0 and tokens[i - 1].line == line and tokens[i - 1].kind is TokenKind.TIMESTAMP
        if timed and lead in _TIME_DASHES:  # `0:00 - Ada Quist`
            lead = text.lstrip(" \t-–—|")[:1]
        lead_mark = lead
        if lead == "#":  # `### Ada Quist`
            lead = text.lstrip(" \t#")[:1]
        if not inline and (
            (len(text) > _ALONE_MAX and not timed)
            or not ("A" <= lead <= "Z" or (lead > "\x7f" and lead.isupper()) or "@" in text)
            or (not timed and _runs_on(tokens, i))
        ):
            continue  # no candidate starts so: not even a name alone on its line
        before = i - 1
        while before >= 0 and tokens[before].line == line and tokens[before].kind in _LEAD:
            before -= 1
        if before >= 0 and tokens[before].line == line:
            continue  # words before it on its line
        end = _words_end(tokens, i, _line_end(tokens, i))
        if end > i + 1 and not _only_words(tokens[i + 1 : end]):
            continue
        # (`Ada Quist (0:05) Welcome`: the time was split out as a note of its own)
        inline = inline or (end > i + 1 and tokens[i + 1].text[1:2].isdigit())
        # (a bracket or a `Q` that opens no inline candidate may open a name alone:
        # `[Ada Quist] 10:02:33`, `Quist, Ada   0:03`)
        found = _inline_candidate(_joined(tokens[i:end]), first, pieces) if inline else None
        if (
            found is None
            and (
                (end == i + 1 or tokens[end - 1].end - first.start <= _ALONE_MAX)
                and (
                    # `NAME_ALONE` without a job after a dash or a time holds `_ALONE_WORDS` - 1
                    # spaces at most, past the spaces around it: a literal test spares prose the
                    # regex
                    "--" in text
                    or " - " in text
                    or "–" in text
                    or "—" in text
                    or ":" in text
                    or ")" in text  # `Ada Quist (Port Alder North) (Lab)`
                    or end > i + 1  # `Ines Calder (0:34)`: the time is a note of its own
                    or timed  # `0:00 - Ines Calder (Harbour Board)`
                    or text.strip(" \t\r\n").count(" ") < _ALONE_WORDS
                )
                and (
                    m := (TIMED_NAME if timed else NAME_ALONE).match(
                        text if end == i + 1 else _joined(tokens[i:end])
                    )
                )
                and (lead_mark != "#" or _speaker_heading(m))
            )
        ):
            after = _speech_after(tokens, end)
            if after is not None:
                # `Ines Calder (0:34)` holds a note
                found = _alone_candidate(tokens[i:end], m, after or _time_above(tokens, before))
            elif (after := _speech_after(tokens, end, short=True)) is not None:
                short.append((i, end, m, after or _time_above(tokens, before)))
        if found is None and timed and end == i + 1 and (m := rules.caps_speech(text)):
            found = _caps_candidate(first, m, pieces)
        if found is not None:
            edits.append((i, end, found))
    # A name that heads speech elsewhere heads a short line too (`Ada Quist` / `Signs right
    # back to her,`): the document's speaker heading, however little is said under it. Not
    # a name with a job or a description: a call's list of its participants repeats its
    # headings (`Ada Quist -- Chief Executive Officer`), each above a line of its own.
    heads = {found[0].fields["name"] for _, _, found in edits if found[0].rule == "name-alone"}
    for i, end, m, after in short:
        found = _alone_candidate(tokens[i:end], m, after)
        fields = found[0].fields
        if fields["name"] in heads and "role" not in fields and "description" not in fields:
            edits.append((i, end, found))
    edits.sort(key=itemgetter(0))
    if not edits:
        return tokens[:], set()
    out: list[Token] = []
    alone: set[str] = set()
    done = 0
    for i, end, found in edits:
        out += tokens[done:i]
        out += found
        done = end
        if found[0].rule == "name-alone":
            alone.add(found[0].fields["name"])
    out += tokens[done:]
    return out, alone


def _runs_on(tokens: list[Token], i: int) -> bool:
    """The line above `tokens[i]`'s runs on into it: a hard-wrapped paragraph's line of
    `rules.WRAP_CHARS` or more that ends no sentence (`... and Councilmembers Kris` /
    `Lawrence-Anderson`), so a name on this line ends it and heads nothing."""
    line = tokens[i].line
    k = i - 1
    while k >= 0 and tokens[k].line == line:
        k -= 1
    words = ""
    while k >= 0 and tokens[k].line == line - 1:
        if tokens[k].kind in _WORDS:
            words = tokens[k].text + words
        k -= 1
    words = words.strip(_WS)
    return len(words) >= rules.WRAP_CHARS and words[-1] not in _CLOSED


# What ends a line that runs on into no other: a sentence, a quotation, a note, a label,
# words cut off (`I've heard rumors-`).
_CLOSED: Final = frozenset(".?!…\"”’')]:;-–—")


def _speaker_heading(m: regex.Match[str]) -> bool:
    """A markdown heading over words is a speaker's with the time they start or a full
    name (`### Ada Quist`); `## Files` is a section's, however often a `Files:` recurs."""
    return bool(m["time"]) or " " in m["name"]


def _line_end(tokens: list[Token], i: int) -> int:
    """The index after the last token on the line of `tokens[i]`."""
    line, end, n = tokens[i].line, i + 1, len(tokens)
    while end < n and tokens[end].line == line:
        end += 1
    return end


def _time_above(tokens: list[Token], k: int) -> str:
    """The time stamp alone on the line right above the one `tokens[k + 1]` opens (`11:34:00`
    / `Ada Quist` / words: the time the speaker starts), or ""."""
    if k < 0:
        return ""
    line = tokens[k + 1].line - 1
    while k >= 0 and tokens[k].line == line and tokens[k].kind is TokenKind.TEXT:
        if tokens[k].text.strip(_WS):
            return ""
        k -= 1
    if k < 0 or tokens[k].line != line or tokens[k].kind is not TokenKind.TIMESTAMP:
        return ""
    stamp = tokens[k]
    if stamp.is_cue_timing or (k and tokens[k - 1].line == line):
        return ""
    return stamp.fields["time"]


def _words_end(tokens: list[Token], i: int, end: int) -> int:
    """`end`, the end of the line of `tokens[i]`, before the tags that close the line's
    block on an HTML page (`<p>Ada Quist</p>`: the name is alone on its line) and the space
    after them."""
    while end > i + 1 and (
        (t := tokens[end - 1]).kind is TokenKind.MARKUP
        or (t.kind is TokenKind.TEXT and not t.text.strip(_WS))
    ):
        end -= 1
    return end


def _bracket_note(tokens: list[Token], k: int) -> bool:
    """`tokens[k]` is a note in square brackets that opens its line."""
    t = tokens[k]
    return (
        t.kind is TokenKind.NOTE
        and t.text.startswith("[")
        and (k == 0 or tokens[k - 1].line != t.line)
    )


def _joined(group: list[Token]) -> str:
    return "".join([t.text for t in group])


def _only_words(group: list[Token]) -> bool:
    """The tokens of `group` are all words (text or notes)."""
    return {t.kind for t in group} <= _WORDS


def _inline_candidate(text: str, first: Token, pieces: Pieces) -> list[Token] | None:
    lead = len(text) - len(text.lstrip(" \t"))
    for shape, pattern in _INLINE_CANDIDATES:
        m = pattern.match(text, lead)
        if not m or (shape == "dash-name" and NAME_ALONE.match(text)):
            continue
        start = first.start
        label_end = m.end("label") + (1 if shape == "question" else 0)
        if shape == "bold-name":
            label_end = m.start("cut")
        elif shape == "bold-colon":
            label_end += 3
        elif shape in ("bracket-name", "name-time", "dash-name"):
            label_end = m.start("cut")
        fields = {"label": m["label"], "name": canonical_name(m["name"]), "weak": shape}
        found = m.groupdict()
        if shape == "bold-colon" and (parts := rules.LABEL.fullmatch(m["name"] + ":")):
            # what a colon label holds, in bold: `**Ada Quist, CNN Anchor:**`
            found = parts.groupdict()
            fields["name"] = canonical_name(parts["name"])
        elif shape == "dash-name":
            # what a colon label holds, before a dash: `ANA RUIZ, host -`
            parts = rules.LABEL.fullmatch(m["label"] + ":")
            if parts is None:
                continue
            found = parts.groupdict()
            fields["name"] = canonical_name(parts["name"])
        for part in ("role", "description"):
            if found.get(part):
                fields[part] = " ".join(found[part].split())
        if found.get("honorific"):
            fields["honorific"] = found["honorific"].strip()
        if shape == "bold-name" and m["time"]:
            fields["time"] = m["time"]
        out = []
        if lead:
            out.append(
                Token(TokenKind.MARKUP, text[:lead], start, start + lead, first.line, "indent")
            )
        out.append(
            Token(
                TokenKind.LABEL,
                text[lead:label_end],
                start + lead,
                start + label_end,
                first.line,
                shape,
                fields,
            )
        )
        rest = label_end
        if shape in ("bracket-name", "tab-name", "name-time") and m["time"]:
            stamp_end = m.end()
            out.append(
                Token(
                    TokenKind.TIMESTAMP,
                    text[rest:stamp_end],
                    start + rest,
                    start + stamp_end,
                    first.line,
                    _LABEL_TIME,
                    {"time": m["time"]},
                )
            )
            rest = stamp_end
        out.extend(pieces(text[rest:], start + rest, first.line))
        return out
    return None


def _caps_candidate(first: Token, m: regex.Match[str], pieces: Pieces) -> list[Token]:
    """A `caps-speech` label (`Ada Quist` before `WELCOME ...`) and the words after it."""
    start, text, end = first.start, first.text, m.end("label")
    lead = m.start("label")
    fields = {"label": m["label"], "name": canonical_name(m["name"]), "weak": "caps-speech"}
    out = []
    if lead:
        out.append(Token(TokenKind.MARKUP, text[:lead], start, start + lead, first.line, "indent"))
    out.append(
        Token(
            TokenKind.LABEL,
            text[lead:end],
            start + lead,
            start + end,
            first.line,
            "caps-speech",
            fields,
        )
    )
    out.extend(pieces(text[end:], start + end, first.line))
    return out


def _speech_after(tokens: list[Token], at: int, short: bool = False) -> str | None:
    """Whether the next line with words from `tokens[at]` on (past the blank lines between
    paragraphs, however many the document leaves) is a paragraph of speech: None when it
    is not; else the time stamp that opens it, or stands alone on a line above it (`Ingrid
    Solvang` / `(00:00:00) The thing is ...`, `Rosa Imbert` / `00:00:04` / words: the time
    the speaker starts), or "" when there is none. `short`: words too short to tell speech
    by their own length or end count too (`Signs right back to her,`), not a note alone
    (`[1]`)."""
    n = len(tokens)
    time = ""
    while True:  # stops at the first line with words: each blank line is read once
        if at >= n:
            return None
        end = _line_end(tokens, at)
        # (the tags of an HTML page's block around the words are no words: `<p>Welcome.</p>`)
        group = [t for t in tokens[at:end] if t.kind is not TokenKind.MARKUP]
        at = end
        if not group:
            continue
        if not time and group[0].kind is TokenKind.TIMESTAMP and not group[0].is_cue_timing:
            time = group[0].fields["time"]
            group = group[1:]
        text = "".join([t.text for t in group]).strip(_WS)
        if not text:
            continue
        if not _only_words(group):
            return None
        said = short and any(
            t.kind is TokenKind.TEXT and any(c.isalpha() for c in t.text) for t in group
        )
        if said or len(text) >= PROSE_AFTER or text[-1:] in ".?!":
            # (another heading is no speech: a list of the call's participants)
            return None if NAME_ALONE.match(text) or _NAME_JOB.match(text) else time
        return None


def _alone_candidate(words: list[Token], m: regex.Match[str], time: str) -> list[Token]:
    """A name alone on its line (`words`; `m`, its `NAME_ALONE` match) as a candidate
    label; `time`, a time stamp opening the words under it, or ""."""
    name = m["name"]
    fields = {"label": m["label"].strip(), "weak": "name-alone"}
    if honorific := rules.HONORIFIC.match(name):  # `Dr. A. Quist  0:00`
        fields["honorific"] = honorific[0].strip()
        name = name[honorific.end() :]
    fields["name"] = canonical_name(name)
    found = m.groupdict()  # (`TIMED_NAME` has no role or time of its own)
    if found.get("role"):
        fields["role"] = " ".join(found["role"].split())
    if found["description"]:  # (and a member's party: `(Port Alder North) (Lab)`)
        described = ", ".join(filter(None, (found["description"], found.get("party"))))
        fields["description"] = " ".join(described.split())
    if found.get("time") or time:
        fields["time"] = found.get("time") or time
    first = words[0]
    text = first.text if len(words) == 1 else _joined(words)
    return [
        Token(TokenKind.LABEL, text, first.start, words[-1].end, first.line, "name-alone", fields)
    ]


# ---- evidence ---------------------------------------------------------------------------


def _after_label(tokens: list[Token], i: int) -> str:
    """The words after the label `tokens[i]` on its line, up to the next label, stripped.

    Up to the next label: an HTML page on one line is read block by block, all on one
    line number (tokenizer._lines), and reading to the line's end from each of its
    thousands of labels was quadratic."""
    # (a label wrapped over two lines ends on the second: `Ms. ADA QUIST (Author, "A` /
    # `Title"): Words`)
    line = tokens[i].line + tokens[i].text.rstrip("\r\n").count("\n")
    words = ""
    j = i + 1
    end = len(tokens)
    while j < end:  # no slice: a slice per label is quadratic
        t = tokens[j]
        if t.line != line or t.kind is TokenKind.LABEL:
            break
        if t.kind in _WORDS:
            words += t.text
        j += 1
    return words.strip(_AFTER_STRIP)


_AFTER_STRIP: Final = _WS + "*"


def _next_words(tokens: list[Token], i: int) -> str:
    """The words of the next line with words after the line of `tokens[i]`."""
    line = tokens[i].line
    j = i + 1
    while j < len(tokens) and tokens[j].line == line:
        j += 1
    parts: list[str] = []
    for k in range(j, len(tokens)):
        t = tokens[k]
        if parts and t.line != line:
            break
        if t.kind in _WORDS and t.text.strip(_WS):
            parts.append(t.text)
            line = t.line
        elif t.kind is TokenKind.LABEL:
            break
    return "".join(parts).strip(_WS)


def _speaks(tokens: list[Token]) -> bool:
    """Some label is followed by a sentence (words ending in `.`, `?` or `!`) or by
    `PROSE_AFTER` characters of words, on its line or (for a label alone on its line) on
    the next line with words."""
    for i, t in enumerate(tokens):
        if t.kind is not TokenKind.LABEL:
            continue
        words = _after_label(tokens, i) or _next_words(tokens, i)
        if words and (len(words) >= PROSE_AFTER or words[-1] in ".?!"):
            return True
    return False


# A value ending on initials ends no sentence: `WASHINGTON, D.C.`, `11:00 A.M.`.
_INITIALS_END: Final = regex.compile(r"(?<!\p{L}) (?: \p{L} \. ){2,}+ $", regex.VERBOSE | regex.V1)


def _field_block(tokens: list[Token], at: list[int]) -> dict[int, int]:
    """Labels of a page's field block (`Host: Ada Quist` / `Guest: Noor Belcastro` /
    `Title: ...` on consecutive lines, short values, no sentence): id -> line. `at` are
    the indices of the labels in `tokens`.

    Speech ends sentences; `FIELD_RUN` short unpunctuated label lines in a row, with no
    blank line between, are a header's fields, whatever their names, unless a name labels
    again after another in a document where someone speaks (`_alternates`, `_speaks`: a
    listing's `AIR DATE:` / `RUNNING TIME:` alternate too, but never hold a sentence). A
    run lies within a stretch of labels each on the line after the one before: only the
    words of stretches of `FIELD_RUN` labels or more are read."""
    out: dict[int, int] = {}
    talking: set[int] = set()  # ids of labels in a run where a name labels again
    speaks: bool | None = None  # (read once, where a run alternates)
    lines = [tokens[i].line for i in at]
    # where a label is not on the line after the one before (line steps compared in C)
    cuts = list(compress(count(1), map(partial(ne, 1), map(sub, lines[1:], lines))))
    for a, b in pairwise([0, *cuts, len(at)]):
        if b - a < FIELD_RUN:
            continue
        runs: list[list[Token]] = [[]]
        for i in at[a:b]:
            t = tokens[i]
            starts = (
                i == 0 or tokens[i - 1].line != t.line or tokens[i - 1].kind is TokenKind.MARKUP
            )
            words = _after_label(tokens, i) if starts else ""
            # (the word count stops past `FIELD_WORDS`: a turn of speech is not split whole)
            if _field_value(words):
                runs[-1].append(t)
            elif runs[-1]:
                runs.append([])
        for run in runs:
            if len(run) < FIELD_RUN:
                continue
            if _alternates(run):
                if speaks is None:
                    speaks = _speaks(tokens)
                if speaks:
                    talking.update(map(id, run))
                    continue
            out.update([(id(t), t.line) for t in run])
    # A label with a field's value among field lines that are not labels (`Interviewee:
    # Ada Quist` / `Interviewer: Noor Belcastro` / `Date of interview: 12 May 2018`).
    lonely = [
        i
        for i in at
        if id(tokens[i]) not in out
        and id(tokens[i]) not in talking
        and _field_value(_after_label(tokens, i))
    ]
    if lonely:
        printed = {group[0].line: "".join([t.text for t in group]) for group in _lines(tokens)}
        for i in lonely:
            line = tokens[i].line
            # (a few lines each way decide: a long list of fields is not walked per label)
            near = range(1, FIELD_RUN)
            above = next((k for k in near if not _field_line(printed.get(line - k))), FIELD_RUN)
            below = next((k for k in near if not _field_line(printed.get(line + k))), FIELD_RUN)
            if above + below - 1 >= FIELD_RUN:
                out[id(tokens[i])] = line
    return out


def _field_value(words: str) -> bool:
    """A field's value: some words, no sentence (initials may end it), `FIELD_WORDS` at most."""
    return (
        bool(words)
        and (words[-1] not in ".?!" or _INITIALS_END.search(words) is not None)
        and len(words.split(maxsplit=FIELD_WORDS)) <= FIELD_WORDS
    )


# A line of a page's header fields, whatever its key: `Date of interview: 12 May 2018`.
_FIELD_SHAPE: Final = regex.compile(
    r"""[ \t]*+ \p{Lu} [\p{L}'’\-]{0,20}+ (?: [ ] [\p{L}'’\-]{1,20}+ ){0,3}+ [ \t]*+ : [ \t]++
        (?P<value> \S [^\n]*? ) [ \t\r\n]*+ $""",
    regex.VERBOSE | regex.V1,
)


def _field_line(text: str | None) -> bool:
    return (
        text is not None
        and (m := _FIELD_SHAPE.match(text)) is not None
        and _field_value(m["value"])
    )


def _field_headers(tokens: list[Token], lines: set[int]) -> list[Token]:
    """Each line of a field block as one HEADER token: `Title: ...` names the title, a
    value with a date dates the page, other fields are kept as `field`."""
    out: list[Token] = []
    for group in _lines(tokens):
        if group[0].line not in lines:
            out.extend(group)
            continue
        label = next(t for t in group if t.kind is TokenKind.LABEL)
        text = "".join(t.text for t in group)
        value = text[label.end - group[0].start :].strip(_WS)
        name = label.fields["name"]
        field = "title" if name == "TITLE" else "date" if rules.DATE.search(value) else "field"
        out.append(
            Token(
                TokenKind.HEADER,
                text,
                group[0].start,
                group[-1].end,
                group[0].line,
                "field-block",
                {"field": field, "value": value, "name": name},
            )
        )
    return out


def _quoted_lines(tokens: list[Token], weak_at: list[int]) -> dict[int, str]:
    """`Dispatcher: "Is help on the way?"`: an article quoting someone, or a headline: a
    transcript does not put a turn in quotes. Line -> the label's name (`weak_at`: the
    indices of the weak labels)."""
    return {
        tokens[i].line: tokens[i].fields["name"]
        for i in weak_at
        if i + 1 < len(tokens)
        and tokens[i + 1].line == tokens[i].line
        and tokens[i + 1].text.lstrip()[:1] in _QUOTE_MARKS
    }


def _headline_lines(tokens: list[Token], weak: list[Token]) -> dict[int, str]:
    """Near the top, weak labels (of `weak`) whose line reads as a headline (`Cairo
    Protests Grow: Crowds Fill The Square`): line -> the label's name."""
    wanted = {t.line for t in weak if t.line <= HEADLINE_REGION}
    if not wanted:
        return {}
    # The tokens of those lines before the first past the region (found in C).
    lines = list(map(_LINE, tokens))
    stop = next(compress(count(), map(partial(lt, HEADLINE_REGION), lines)), len(tokens))
    by_line: dict[int, list[Token]] = {}
    for i in compress(count(), map(wanted.__contains__, lines[:stop])):
        by_line.setdefault(lines[i], []).append(tokens[i])
    out: dict[int, str] = {}
    for n, group in by_line.items():
        label = next((t for t in group if t.kind is TokenKind.LABEL and "weak" in t.fields), None)
        if label is None:
            continue
        text = "".join([t.text for t in group]).strip(_WS)
        words = text.partition(":")[2].strip(_AFTER_STRIP)
        # A headline ends no sentence before its last mark: `... in Practice. I'm here
        # today with Noor. How are you?` is speech, however many names it capitalises; and
        # its words after the colon are capitalised themselves (the name before it would
        # make `Ada Quist: What surprised you?` one).
        if (
            looks_like_heading(text)
            and looks_like_heading(words, 1)
            and len(words.split()) >= HEADLINE_WORDS
            and not _SENTENCE_END.search(text[:-1])
        ):
            out[n] = label.fields["name"]
    return out


# How people are introduced (a person, not a program: `this is Science Hour` is not one).
_INTRO: Final = regex.compile(
    r"""\b(?i: I['’]m | I[ ]am | my[ ]name[ ]is | joined[ ]by | over[ ]to | welcome[ ]back,?
        | welcome,? | with[ ]me[ ](?:is|are|today[ ]is) | here[ ]with | thanks?[ ]you,? )
        [ ]++ (?P<name> \p{Lu}\p{Ll}[\p{L}'’\-]*+ (?: [ ] \p{Lu}[\p{L}'’\-.]++ ){1,3}+ )""",
    regex.VERBOSE | regex.V1,
)
# ... or a name the words bring in after it: `NPR's Ada Quist joins us now from Cairo`.
_INTRO_AFTER: Final = regex.compile(
    r"""\b (?P<name> \p{Lu}\p{Ll}[\p{L}'’\-]*+ (?: [ ] \p{Lu}[\p{L}'’\-.]++ ){1,3}+ )
        [ ]++ (?i: joins[ ](?:us|me) | is[ ]with[ ](?:us|me) )\b""",
    regex.VERBOSE | regex.V1,
)


def _plays_on_air(t: Token) -> bool:
    """The label's role names a part on air (`rules.ROLE_WORDS`: host, reporter, caller)."""
    role = t.fields.get("role", "")
    return bool(role) and any(pattern.search(role) for _, pattern in rules.ROLE_WORDS)


def _bold_form(t: Token) -> bool:
    """A label printed in bold with its colon (`**Ada Quist:**`, `**Ada Quist**:`), and
    maybe its speaker's start after it (`**Ada Quist:** (00:05)`)."""
    text = t.text.rstrip(_WS)
    if "time" in t.fields and text.endswith(")"):
        text = text[: text.rfind("(")].rstrip(_WS)
    return text.endswith(("**", "__")) or text.endswith(("**:", "__:"))


def _self_introduced(tokens: list[Token], weak_at: list[int]) -> set[str]:
    """Names of weak labels (at `weak_at`) whose own words on their line introduce them
    (`Ada Quist: Hi, I'm Ada Quist.`)."""
    found: set[str] = set()
    for i in weak_at:
        name = tokens[i].fields["name"]
        words = _after_label(tokens, i)
        if words and name in _introductions(words):
            found.add(name)
    return found


def _mentioned(words: str, names: set[str]) -> set[str]:
    """Which of `names` (full names, upper case) the document's `words` (upper-cased)
    mention, as whole words."""
    if not names:
        return set()
    found = set()
    for name in names:
        at = words.find(name)
        while at >= 0:
            end = at + len(name)
            if (at == 0 or not words[at - 1].isalnum()) and (
                end == len(words) or not words[end].isalnum()
            ):
                found.add(name)
                break
            at = words.find(name, at + 1)
    return found


def _addressed(words: str, printed: dict[str, str]) -> set[str]:
    """The names (`printed` form -> name) the document's `words` address someone by,
    between a comma and a mark (`Go ahead, Brian.`, `Thank you, Maxine!`)."""
    found = set()
    for form, name in printed.items():
        if form in words and regex.search(rf"[,;][ ]{regex.escape(form)}[.,!?]", words, regex.V1):
            found.add(name)
    return found


def _named(words: str, form: str) -> bool:
    """Whether `words` give `form` after a word of a name or a title (`Governor Knowles`,
    `Dave Yokel`, `Dr. Bell`); a possessive is not one (`Editor's Note`)."""
    return form in words and bool(
        regex.search(
            rf"(?<![\p{{L}}'’.])\p{{Lu}}\p{{Ll}}+\.?[ ]{regex.escape(form)}(?![\p{{L}}'’])",
            words,
            regex.V1,
        )
    )


def _marked_headings(tokens: list[Token]) -> tuple[set[str], set[int]]:
    """A page that prints the same short line above each speaker's name alone on its line
    (`speaker` / `Ada Quist` / words): the names so marked, and the marker lines.

    The marker is the text of the line with words right above a name-alone candidate; it
    counts when it stands above `MIN_RECURRENCE` candidates or more, and half of them at
    least (`Over.` closing two turns of many is speech), above no other line, and is short
    (`MARKER_WORDS`)."""
    by_line = _lines(tokens)
    above: dict[str, list[tuple[int, str]]] = {}
    texts: Counter[str] = Counter()
    previous: tuple[int, str] | None = None
    for group in by_line:
        label = group[0] if group[0].kind is TokenKind.LABEL else None
        if label is not None and label.fields.get("weak") == "name-alone" and previous:
            above.setdefault(previous[1], []).append((previous[0], label.fields["name"]))
        # (a marker repeated near the top may already read as a repeated headline)
        if all(t.kind in _WORDS or t.rule == "heading" for t in group):
            text = "".join(t.text for t in group).strip(_WS)
            if text:
                previous = (group[0].line, text)
                texts[text] += 1
        elif label is not None or any(t.kind is not TokenKind.BLANK for t in group):
            previous = None
    names: set[str] = set()
    lines: set[int] = set()
    headings = sum(
        1 for t in tokens if t.kind is TokenKind.LABEL and t.fields.get("weak") == "name-alone"
    )
    for text, found in above.items():
        if (
            len(found) >= MIN_RECURRENCE
            and 2 * len(found) >= headings
            and texts[text] == len(found)
            and len(text.split()) <= MARKER_WORDS
        ):
            names.update(name for _, name in found)
            lines.update(line for line, _ in found)
    return names, lines


def _marker(t: Token) -> Token:
    """A heading marker line's words as furniture."""
    if t.kind in _WORDS or t.rule == "heading":
        return Token(TokenKind.FURNITURE, t.text, t.start, t.end, t.line, "heading-mark")
    return t


def _introductions(text: str) -> set[str]:
    """The names `text` introduces, with every leading part of two words or more (and,
    of a name brought in after it, every trailing part)."""
    found: set[str] = set()
    for name in {m["name"] for m in _INTRO.finditer(text)}:
        words = name.split()
        # `I'm Nora McAdam of the harbour trust` names `NORA MCADAM`, and so do
        # its leading words: take every prefix of two words or more.
        for k in range(2, len(words) + 1):
            found.add(canonical_name(" ".join(words[:k]).rstrip(".")))
    for name in {m["name"] for m in _INTRO_AFTER.finditer(text)}:
        words = name.split()
        # `And Ada Quist joins us`: `ADA QUIST` is in it.
        for k in range(len(words) - 1):
            found.add(canonical_name(" ".join(words[k:])))
    return found


def _introducing(tokens: list[Token]) -> str:
    """The texts that may introduce someone (`I'm Nora McAdam`, `over to Rebecca Quist`),
    as one text, a line break between: no introduction spans a line break (`_INTRO`
    matches none), so `_introductions` of it finds what reading each text alone finds."""
    return "\n".join([t.text for t in tokens if t.kind is TokenKind.TEXT and len(t.text) > 8])


# ---- undoing a rejected candidate -------------------------------------------------------


def _undo(t: Token) -> Token:
    return Token(TokenKind.TEXT, t.text, t.start, t.end, t.line, "text")


# The rule of the time a candidate label splits out of its line (`Ada Quist (0:34) Welcome`):
# words again where the label is.
_LABEL_TIME: Final = "label-time"


def _timed(tokens: list[Token], i: int) -> bool:
    """The label at `tokens[i]` is followed by the time its candidate split out."""
    return i + 1 < len(tokens) and tokens[i + 1].rule == _LABEL_TIME


def _merge_text(tokens: list[Token]) -> list[Token]:
    """One TEXT token for words that follow each other on a line (a label demoted to text
    and the words after it). A list with no two such side by side is returned as it is
    (the callers pass a list of their own)."""
    texts = _indices(tokens, TokenKind.TEXT)
    # each text token that joins the one before it
    joins = [j for i, j in pairwise(texts) if j == i + 1 and tokens[i].line == tokens[j].line]
    if not joins:
        return tokens
    merged: list[Token] = []
    done = 0  # tokens before this one are in `merged`
    k = 0
    while k < len(joins):
        start = end = joins[k] - 1  # a run of joined texts: tokens[start:end + 1]
        while k < len(joins) and joins[k] == end + 1:
            end += 1
            k += 1
        first, last = tokens[start], tokens[end]
        text = "".join([t.text for t in tokens[start : end + 1]])
        merged += tokens[done:start]
        merged.append(Token(TokenKind.TEXT, text, first.start, last.end, first.line, "text"))
        done = end + 1
    merged += tokens[done:]
    return merged
