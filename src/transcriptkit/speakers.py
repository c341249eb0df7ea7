"""Who speaks: one `Speaker` per person, however many ways the document labels them.

A label names an earlier speaker through the first rule of `RESOLUTION` (an ordered table
of named rules) that has an opinion: the full name itself, a short form the document
declared (`JUNE PARK (JP):`), the ending of one full name (`KELLY`, `VANEK SMITH`), the
rest of a label after a title (`SECRETARY RUIZ`), given words or initials before a surname
(`S. OKAFOR`, `ANA RUIZ` for `ANA M. RUIZ`), a label of initials (`JP`), a one-letter slip
(`PROFITT` for `PROFFITT`). A rule that finds two people stops the search: the label stays
as printed, a speaker of its own, and a diagnostic says who it could be. Anything but the
full name or an ending is reported (info) so a reader can check the guess.

Every look-up is a dictionary look-up on keys computed when a speaker is first seen, so a
document with a hundred thousand speakers or labels costs linear time, not quadratic.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import Final, TypeVar, cast

import regex

from . import rules
from .models import Diagnostic, Role, Speaker, maker
from .names import leading_titles, within_one_edit

# ---- thresholds -----------------------------------------------------------------------

# A label of initials has two to four letters (`JP`, `JTB`, `J.P.`): one letter is a
# voice (`Q`, `A`), five are a word.
INITIALS_MIN, INITIALS_MAX = 2, 4
# Initials out of the name's order (`JTB` for JILL BOLTE TAYLOR, a middle and last name
# swapped) need three letters: two swapped letters (`PJ`) are as likely someone else's.
SCRAMBLED_MIN = 3
# A one-letter slip is looked for in labels this long or longer: in a shorter surname one
# letter makes another name (`LEE` and `LEA`).
SLIP_MIN = 5
# Given words before a surname are indexed as label forms of one or two of them
# (`S. OKAFOR`, `ANA M. RUIZ`), for names of up to six given words: a few dozen keys a
# speaker at most, so a new speaker on every line stays linear.
GIVEN_FORM_MAX, GIVEN_WORDS_MAX = 2, 6
# A diagnostic lists this many candidates and counts the rest.
LISTED = 5
# Labels whose role and genericness are remembered (pure functions of the label's
# strings; a document repeats a few dozen labels, a batch a few thousand).
_CACHED = 4096

# ---- label shapes the rules read --------------------------------------------------------

# Ids keep the name's letters in any script (`ана-петрова`); a Latin letter's accent is
# dropped (`josé` → `jose`); everything else is a hyphen.
_SLUG = regex.compile(r"[^\p{L}\p{N}]+")
_LATIN_MARKS = regex.compile(r"(?<=\p{Latin})\p{Mn}+")
# One word of initials: `S.`, `S`, `J.P.`, `JP` is not (a word of initials is dotted or
# one letter; an undotted run is a label of initials, below).
_INITIAL_WORD = regex.compile(r"^(?:\p{L}\.?|(?:\p{L}\.){2,4})$")
# A label that is nothing but initials: `JP`, `JTB`, `J.P.`.
_INITIALS = regex.compile(
    rf"^(?:\p{{Lu}}{{{INITIALS_MIN},{INITIALS_MAX}}}|(?:\p{{Lu}}\.){{{INITIALS_MIN},{INITIALS_MAX}}})$"
)
# A short form declared in the full label's parentheses: `Adam Levine (AL):`,
# `CHRISTOPHER JEFFREY (JJ):` — the document says how it will label that person.
_DECLARED = _INITIALS
# A briefing's question, asked by a reporter the transcript does not name: `Q:`,
# `QUESTION:`, `J:` and `JOURNALIST:` (as some governments print it). The label is a role.
_REPORTER_VOICE = regex.compile(r"^(?:Q|QUESTION|J|JOURNALIST)$")
# A label that is the role itself (`HOST:`, `Caller:`, `CALLER 2:`): the name states it.
_ROLE_VOICE = regex.compile(
    r"^(?:(?P<host>CO-?HOST|HOST|ANCHOR)|(?P<caller>CALLER)|(?P<reporter>REPORTER|CORRESPONDENT))"
    r"(?:[ ]\#?\d{1,3})?$",
    regex.I,
)


@lru_cache(maxsize=_CACHED)
def role_of(name: str, role_text: str | None, description: str | None) -> Role | None:
    """The role a label states: `, HOST` → host, `, BYLINE` → reporter, `(Caller)`,
    `UNIDENTIFIED MAN` → unidentified, `QUESTION` → reporter, `CALLER 2` → caller, `HOST`
    → host; a description
    (`Correspondent, Bloomberg`) too."""
    if rules.UNIDENTIFIED.match(name):
        return "unidentified"
    if _REPORTER_VOICE.match(name):
        return "reporter"
    if m := _ROLE_VOICE.match(name):
        return cast(Role, m.lastgroup)
    for source in (role_text, description):
        if not source:
            continue
        for role, pattern in rules.ROLE_WORDS:
            if pattern.search(source):
                return cast(Role, role)
    return None


class Stop:
    """A rule's verdict that the label could name more than one person: stop looking and
    keep it as printed."""


STOP: Final = Stop()
Verdict = Speaker | Stop | None


class SpeakerBook:
    """Speakers in order of first appearance, and the label each turn used.

    The indexes are filled once per speaker (`_add`); the rules of `RESOLUTION` only read
    them (but `named-later`, which adds the speaker a short label comes before). Buckets
    only grow, so a label found ambiguous stays ambiguous, and a label kept as printed
    becomes a speaker of its own that later lines find by its name. The
    indexes of the rarer rules (given words, initials, one-letter slips) are filled when
    one of those rules first runs, from the speakers seen so far in their order: the same
    indexes, and no work for the documents whose labels are all full names or endings.
    """

    def __init__(self) -> None:
        self.speakers: list[Speaker] = []
        self.diagnostics: list[Diagnostic] = []
        self._by_name: dict[str, Speaker] = {}
        # short form -> the speaker whose full label declared it; None once two did.
        self._declared: dict[str, Speaker | None] = {}
        self._by_ending: dict[str, list[Speaker]] = {}  # `KELLY`, `LOUISE KELLY`
        # (surname, given forms) -> speakers: `("OKAFOR", ("S.",))`, `("RUIZ", ("ANA", "M."))`
        self._by_given: dict[tuple[str, tuple[str, ...]], list[Speaker]] = {}
        self._by_initials: dict[str, list[Speaker]] = {}  # `JP` -> JUNE PARK
        self._by_letters: dict[str, list[Speaker]] = {}  # initials sorted: `BJT`
        self._by_surname: dict[str, list[Speaker]] = {}
        # a surname with a letter dropped -> the surnames that give it (an ordered set)
        self._surnames_by_variant: dict[str, dict[str, None]] = {}
        # speakers (and their name's words) not yet in the three indexes above
        self._unindexed: list[tuple[Speaker, list[str]]] = []
        self._short_forms: dict[str, set[str]] = {}  # speaker id -> short labels used
        self._labels: dict[str, set[str]] = {}  # speaker id -> its labels, as a set
        self._ids: set[str] = set()
        self._next_number: dict[str, int] = {}  # slug -> the next `-N` to try
        self._warned: set[str] = set()
        # short label -> the speaker the rules found for it, until the next speaker or
        # declared short form (the indexes only change then; a rule's diagnostic is
        # given once, at the first look-up, whatever follows)
        self._found: dict[str, Speaker] = {}
        # name ending -> the one full name the document labels anywhere that ends so
        # (None once two do), for a short label printed before its full one (`expect`)
        self._later: dict[str, str | None] = {}

    def expect(self, names: Iterable[str]) -> None:
        """The names of every label of the document, before its turns are read: a short
        label above its speaker's first full one (`KOVAC:`, then `LENA KOVAC, HOST:`) is
        that speaker from its first line (rule `named-later`)."""
        later = self._later
        for name in dict.fromkeys(names):
            words = name.split()
            if len(words) < 2 or _unresolvable(name):
                continue
            for i in range(1, len(words)):
                ending = " ".join(words[i:])
                later[ending] = name if later.get(ending, name) == name else None

    # ---- the entry point --------------------------------------------------------------

    def resolve(self, fields: dict[str, str], line: int) -> Speaker:
        """The speaker a label names, created on first sight."""
        name, label = fields["name"], fields["label"]
        description = fields.get("description")
        role = role_of(name, fields.get("role"), description)
        # The full name first, inline: most labels repeat one (the table's first rule).
        speaker = self._by_name.get(name) or self._found.get(name)
        if speaker is None:
            speaker = self._lookup(name, line)
            if speaker is None:
                speaker = self._add(name)
            else:
                self._found[name] = speaker
        labels = self._labels[speaker.id]
        if label not in labels:
            labels.add(label)
            speaker.labels.append(label)
        if speaker.role is None and role is not None:
            speaker.role = role
        if speaker.description is None and description:
            speaker.description = description
        if name != speaker.name:
            self._short_forms.setdefault(speaker.id, set()).add(name)
        if description and _DECLARED.match(description):
            self._declare(description, speaker, line)
        return speaker

    def _lookup(self, name: str, line: int, skip: tuple[str, ...] = ()) -> Speaker | None:
        """The first verdict of `RESOLUTION` (leaving out the rules named in `skip`)."""
        for rule_name, rule in RESOLUTION:
            if rule_name in skip:
                continue
            verdict = rule(self, name, line)
            if verdict is STOP:
                return None
            if verdict is not None:
                return cast(Speaker, verdict)
        return None

    # ---- the rules (see RESOLUTION) ---------------------------------------------------

    def _full_name(self, name: str, line: int) -> Verdict:
        return self._by_name.get(name)

    def _declared_short_form(self, name: str, line: int) -> Verdict:
        if _INITIALS.match(name):
            name = name.replace(".", "")
        if name not in self._declared:
            return None
        speaker = self._declared[name]
        return STOP if speaker is None else speaker

    def _name_ending(self, name: str, line: int) -> Verdict:
        if _unresolvable(name):
            return None
        fuller = self._by_ending.get(name, [])
        if len(fuller) == 1:
            return fuller[0]
        if not fuller:
            return None
        # Two people end in SMITH. The document may call one of them by a longer short
        # form (`VANEK SMITH`), which makes the other the likely one; still, a guess is
        # not an attribution, so the label stays as printed and the guess is reported.
        likely = [
            s.name
            for s in fuller
            if not any(f.endswith(" " + name) for f in self._short_forms.get(s.id, ()))
        ]
        hint = f"; most likely {likely[0]}" if len(likely) == 1 else ""
        self._ambiguous(name, fuller, hint, line)
        return STOP

    def _title_dropped(self, name: str, line: int) -> Verdict:
        words = name.split()
        titles = leading_titles(words)
        if not titles or _unresolvable(name):
            return None
        rest = " ".join(words[titles:])
        # (the words after a title are a speaker seen already: `THE BAND` is no `BAND`)
        speaker = self._lookup(rest, line, skip=("title-dropped", "named-later"))
        if speaker is None:
            return None
        self._taken(name, speaker, "the words after the title", line)
        return speaker

    def _given_words(self, name: str, line: int) -> Verdict:
        words = _split_initials(name.split())
        given = words[leading_titles(words) : -1]
        if not given or len(given) > GIVEN_FORM_MAX or _unresolvable(name):
            return None
        if words[-1] not in self._by_surname:  # a new surname: no given-words key has it
            return None
        self._index_rest()
        forms = tuple(_initial(w) if _INITIAL_WORD.match(w) else w for w in given)
        found = self._by_given.get((words[-1], forms), [])
        if len(found) > 1:
            self._ambiguous(name, found, "", line)
            return STOP
        if not found:
            same = self._by_surname.get(words[-1], [])
            if same:  # `T. OKAFOR` beside SOLA OKAFOR: another person, most likely
                self._note(
                    name,
                    "info",
                    "kept-label",
                    f"label {name!r} shares only the surname with "
                    f"{', '.join(s.name for s in same[:LISTED])}; kept as printed",
                    line,
                )
            return None
        self._taken(name, found[0], "given names or initials and the surname", line)
        return found[0]

    def _initials(self, name: str, line: int) -> Verdict:
        if not _INITIALS.match(name):
            return None
        self._index_rest()
        letters = name.replace(".", "")
        found = self._by_initials.get(letters, [])
        how = "initials"
        if not found and len(letters) >= SCRAMBLED_MIN:
            found = self._by_letters.get("".join(sorted(letters)), [])
            how = "initials, out of order"
        if len(found) > 1:
            self._ambiguous(name, found, "", line)
            return STOP
        if not found:
            return None
        self._taken(name, found[0], how, line)
        return found[0]

    def _one_letter_slip(self, name: str, line: int) -> Verdict:
        if " " in name or len(name) < SLIP_MIN or _unresolvable(name) or not self._by_surname:
            return None  # (no surname to be one letter from)
        self._index_rest()
        surnames: dict[str, None] = {}
        for variant in _variants(name):
            for surname in self._surnames_by_variant.get(variant, ()):
                # (a slip keeps the first letter: `JVENIK` is not a slip of `BVENIK`)
                if surname != name and surname[0] == name[0] and within_one_edit(surname, name):
                    surnames[surname] = None
        found: list[Speaker] = []
        for surname in surnames:  # stop at the second person: two are enough to refuse
            found.extend(self._by_surname[surname][: 2 - len(found)])
            if len(found) > 1:
                break
        if len(found) != 1:
            if found:
                self._note(
                    name,
                    "info",
                    "ambiguous-label",
                    f"label {name!r} is one letter from {', '.join(surnames)} "
                    "(more than one person); kept as printed",
                    line,
                )
            return None
        (speaker,) = found
        self._note(
            name,
            "info",
            "near-match-label",
            f"label {name!r} taken as {speaker.name} (one letter differs)",
            line,
        )
        return speaker

    def _named_later(self, name: str, line: int) -> Verdict:
        full = self._later.get(name)
        if full is None or full in self._by_name:  # (seen already: the rules above decided)
            return None
        speaker = self._add(full)
        self._taken(name, speaker, "the one full name labelled later that ends so", line)
        return speaker

    # ---- bookkeeping ------------------------------------------------------------------

    def _add(self, name: str) -> Speaker:
        self._found.clear()
        base = _slug(name)
        ident, n = base, self._next_number.get(base, 2)
        while ident in self._ids:
            ident, n = f"{base}-{n}", n + 1
        if ident != base:
            self._next_number[base] = n
        speaker = _SPEAKER(id=ident, name=name)
        self.speakers.append(speaker)
        self._ids.add(ident)
        self._labels[ident] = set()
        self._by_name[name] = speaker
        if not _unresolvable(name):
            self._index(speaker, name.split())
        return speaker

    def _index(self, speaker: Speaker, words: list[str]) -> None:
        """Every key a later short label of this speaker could look up."""
        if len(words) < 2:
            return
        for i in range(1, len(words)):
            _put(self._by_ending, " ".join(words[i:]), speaker)
        _put(self._by_surname, words[-1], speaker)
        self._unindexed.append((speaker, words))

    def _index_rest(self) -> None:
        """The keys of the given-words, initials and one-letter-slip rules, for the speakers
        seen since those rules last ran (in order: the indexes `_index` would have made)."""
        for speaker, words in self._unindexed:
            surname = words[-1]
            for variant in _variants(surname):
                self._surnames_by_variant.setdefault(variant, {})[surname] = None
            split = _split_initials(words)
            given = split[leading_titles(split) : -1]
            for key in _given_keys(given):
                _put(self._by_given, (surname, key), speaker)
            for initials in _initials_of(words, split[leading_titles(split) :]):
                _put(self._by_initials, initials, speaker)
                if len(initials) >= SCRAMBLED_MIN:
                    _put(self._by_letters, "".join(sorted(initials)), speaker)
        self._unindexed.clear()

    def _declare(self, short: str, speaker: Speaker, line: int) -> None:
        """`JUNE PARK (JP):` — later `JP:` labels are June Park's, unless another
        speaker declared the same short form or already goes by it."""
        self._found.clear()
        short = short.replace(".", "")
        owner = self._by_name.get(short)
        if short == speaker.name or owner is speaker:
            return
        declared = self._declared.get(short, speaker)
        if declared is speaker and owner is None:
            self._declared[short] = speaker
            return
        if declared is None:  # two speakers declared it already
            return
        other = owner if declared is speaker else declared
        self._declared[short] = None
        self._note(
            short,
            "warning",
            "ambiguous-label",
            f"short form {short!r} declared for {speaker.name} is also "
            f"{other.name if other else 'another speaker'}'s; kept as printed",
            line,
        )

    def _ambiguous(self, name: str, found: list[Speaker], hint: str, line: int) -> None:
        if name in self._warned:  # buckets only grow: said once is enough
            return
        names = ", ".join(s.name for s in found[:LISTED])
        more = f" and {len(found) - LISTED} more" if len(found) > LISTED else ""
        self._note(
            name,
            "warning",
            "ambiguous-label",
            f"label {name!r} could be {names}{more}{hint}; kept as printed",
            line,
        )

    def _taken(self, name: str, speaker: Speaker, how: str, line: int) -> None:
        self._note(
            name,
            "info",
            "short-form-label",
            f"label {name!r} taken as {speaker.name} ({how})",
            line,
        )

    def _note(self, name: str, level: str, code: str, message: str, line: int) -> None:
        """One diagnostic per label name, at its first line."""
        if name not in self._warned:
            self._warned.add(name)
            self.diagnostics.append(
                Diagnostic(level=level, code=code, message=message, line=line)  # type: ignore[arg-type]
            )


# Speakers from the label's own strings (see `models.maker`): what `Speaker(id=, name=)` makes.
_SPEAKER = maker(Speaker, ("id", "name"))

Rule = Callable[[SpeakerBook, str, int], Verdict]
_K = TypeVar("_K")

# How a label finds an earlier speaker, in order; the first rule with a verdict decides.
RESOLUTION: Final[tuple[tuple[str, Rule], ...]] = (
    # The name as printed, or a short form already kept as a speaker of its own.
    ("full-name", SpeakerBook._full_name),
    # `JUNE PARK (JP):` declared `JP`; two speakers declaring one form make it ambiguous.
    ("declared-short-form", SpeakerBook._declared_short_form),
    # `KELLY`, `LOUISE KELLY` for MARY LOUISE KELLY: the one full name ending so.
    ("name-ending", SpeakerBook._name_ending),
    # `SECRETARY RUIZ`, `SEN. OKAFOR`: a leading run of titles, then a label the other
    # rules resolve (`RUIZ` → PRESS SECRETARY ANA M. RUIZ).
    ("title-dropped", SpeakerBook._title_dropped),
    # `S. OKAFOR` for SOLA OKAFOR, `ANA RUIZ` for ANA M. RUIZ: one or two of the given
    # names, in order, each in full or as its initial, then the surname. With two
    # O'Briens, `S. O'BRIEN` is still the one whose given name starts with S.
    ("given-words", SpeakerBook._given_words),
    # `JP` for JUNE PARK: the initials of one speaker's name; three letters or more may
    # come out of order (`JTB` for JILL BOLTE TAYLOR) when no name has them in order.
    ("initials", SpeakerBook._initials),
    # `PROFITT` for PROFFITT: one letter from the surname of exactly one speaker.
    ("one-letter-slip", SpeakerBook._one_letter_slip),
    # `KOVAC` above the first `LENA KOVAC, HOST:`: the one full name the document labels
    # later that ends so (`expect`); it is a speaker from this line on.
    ("named-later", SpeakerBook._named_later),
)


@lru_cache(maxsize=_CACHED)
def _unresolvable(name: str) -> bool:
    """Generic voices are never anyone's short form: `UNIDENTIFIED MAN` is no `MAN`; nor
    are two people labelled together: `JAD & ROBERT KRULL` is no `ROBERT KRULL`."""
    return bool(rules.UNIDENTIFIED.match(name) or _TOGETHER.search(name))


# Two or more people under one label: `ANA & BO`, `ANA AND BO`, `ANA / BO`.
_TOGETHER = regex.compile(r"\s(?:&|and|AND|/)\s")


def _put(index: dict[_K, list[Speaker]], key: _K, speaker: Speaker) -> None:
    bucket = index.setdefault(key, [])
    if not bucket or bucket[-1] is not speaker:  # a speaker's keys arrive together
        bucket.append(speaker)


def _slug(name: str) -> str:
    if name.isascii():  # no accent to drop: the normal forms are the name itself
        return _SLUG.sub("-", name.lower()).strip("-") or "speaker"
    plain = unicodedata.normalize("NFKD", name)
    plain = unicodedata.normalize("NFC", _LATIN_MARKS.sub("", plain)).lower()
    return _SLUG.sub("-", plain).strip("-") or "speaker"


def _split_initials(words: list[str]) -> list[str]:
    """`J.P. OKAFOR` → `J.`, `P.`, `OKAFOR`: run-together initials are one word each."""
    out: list[str] = []
    for w in words:
        if len(w) > 2 and _INITIAL_WORD.match(w):
            out.extend(f"{c}." for c in w.replace(".", ""))
        else:
            out.append(w)
    return out


def _initial(word: str) -> str:
    return word[0] + "."


def _given_keys(given: list[str]) -> Iterable[tuple[str, ...]]:
    """The label forms of one or two given words, in order, each in full or as its
    initial: `ANA`, `M.` → (ANA,), (A.,), (M.,), (ANA, M.), (A., M.). A name of more
    than `GIVEN_WORDS_MAX` given words gives the one-word forms only."""
    forms = [(_initial(w),) if _INITIAL_WORD.match(w) else (w, _initial(w)) for w in given]
    keys: dict[tuple[str, ...], None] = {}
    for i, first in enumerate(forms):
        for a in first:
            keys[(a,)] = None
            if GIVEN_FORM_MAX < 2 or len(given) > GIVEN_WORDS_MAX:
                continue
            for second in forms[i + 1 :]:
                for b in second:
                    keys[(a, b)] = None
    return keys


def _initials_of(*names: list[str]) -> list[str]:
    """The initials a name goes by: of all its words, and of the words after its titles
    (`PRESS SECRETARY ANA M. RUIZ` → PSAMR, AMR); only names of letters' words."""
    out: list[str] = []
    for words in names:
        if len(words) < 2 or not all(w[0].isalpha() for w in words):
            continue
        initials = "".join(w[0] for w in words)
        if INITIALS_MIN <= len(initials) <= INITIALS_MAX and initials not in out:
            out.append(initials)
    return out


def _variants(word: str) -> set[str]:
    """The word and the word with any one letter dropped: two words within one edit of
    each other share a variant (`PROFITT` and `PROFFITT` share `PROFITT`)."""
    return {word} | {word[:i] + word[i + 1 :] for i in range(len(word))}
