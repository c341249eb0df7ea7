"""Who talks how much, who speaks after whom, who cuts in, who asks: measures of turns.

One computation behind the view's speaker legend, `transcriptkit stats` and the analysis
docs. Everything is one pass over the turns with dict look-ups, so it is linear in turns
and speakers, for one document (`measure`) or many at once (`measure_many`).

Definitions (docs/analysis.md has them with worked examples):

- **words**: whitespace-separated words of a turn's text (inline notes are not in it).
- **seconds**: `end - start` of a timed turn; a speaker's `seconds` sums their timed turns,
  `time_share` divides by every timed turn's seconds, and `wpm` is the words of their timed
  turns per minute of them (from `MIN_WPM_SECONDS` of speech on). All three are None where
  nothing is timed.
- **turn taking**: a count per (speaker before, speaker after) over consecutive turns.
- **overlap** (timed): a turn that starts before the latest-ending earlier turn of another
  speaker has ended; an **interruption** is an overlap after which the earlier speaker stops
  first (the later one takes the floor), the rest are overlaps only (a backchannel, say).
- **interruption** (untimed): a turn whose text breaks off with a dash (`--`, `—`) or an
  ellipsis (`…`, `...`) and is followed by another speaker's turn.
- **question**: a sentence ending in `?`; `answered_by` is the next turn's speaker, if it
  is someone else.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

import regex
from pydantic import BaseModel, ConfigDict, Field

from .models import Role, Transcript, Turn
from .tables import Item, documents

if TYPE_CHECKING:
    import pandas as pd

# A turn that breaks off: a double hyphen, an en or em dash, or an ellipsis at its very end,
# maybe inside a closing quote or bracket (`I told him--`, `and then the …`, `"We—"`).
_CUT_OFF = regex.compile(r"(?:-{2,}|[\u2013\u2014]|\u2026|\.{3,})\s*[\"'\u201d\u2019)\]]*\s*\Z")
# A question: the text since the previous sentence end up to one or more `?` (an `?!` or
# `??` counts once), then a space, a closing quote or bracket, or the end.
_QUESTION = regex.compile(
    r"[^.!?\u2026\s][^.!?\u2026]*?\?+[!?]*[\"'\u201d\u2019)\]]*(?=\s|\Z)", regex.DOTALL
)


# Words per minute over less than a second of timed speech says nothing about a speaker's
# pace (one word in 0.1 s is 600 wpm) and divides by next to nothing: None below it.
MIN_WPM_SECONDS = 1.0


class _Stats(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class SpeakerStats(_Stats):
    """One speaker's measures; `id` and `name` are None for the unlabeled turns."""

    id: str | None
    name: str | None
    role: Role | None
    turns: int
    words: int
    share: float
    seconds: float | None = None
    time_share: float | None = None
    mean_turn_words: float = 0.0
    longest_turn_words: int = 0
    wpm: float | None = None
    questions: int = 0
    interruptions: int = 0  # turns of theirs that cut someone off
    interrupted: int = 0  # turns of theirs that someone cut off
    overlaps: int = 0  # turns of theirs that started while someone else still spoke


class RoleStats(_Stats):
    """The same measures per role (`None`: speakers without one, and unlabeled turns)."""

    role: Role | None
    speakers: int
    turns: int
    words: int
    share: float
    seconds: float | None = None
    time_share: float | None = None
    mean_turn_words: float = 0.0
    longest_turn_words: int = 0
    wpm: float | None = None
    questions: int = 0
    interruptions: int = 0
    interrupted: int = 0
    overlaps: int = 0


class Transition(_Stats):
    """`count` times, a turn of `before` was followed by a turn of `after` (speaker ids, or
    roles in `role_transitions`; None for unlabeled turns or no role)."""

    before: str | None
    after: str | None
    count: int


class Interruption(_Stats):
    """Turn `turn` (by `speaker`) cut off turn `of_turn` (by `of_speaker`).

    `how` is `overlap` for timed turns (`seconds` of overlap) and `marked` for a turn that
    breaks off with a dash or an ellipsis."""

    turn: int
    speaker: str | None
    of_turn: int
    of_speaker: str | None
    how: Literal["overlap", "marked"]
    seconds: float | None = None


class Overlap(_Stats):
    """Turn `turn` started `seconds` before turn `with_turn` of another speaker ended."""

    turn: int
    speaker: str | None
    with_turn: int
    with_speaker: str | None
    seconds: float


class Question(_Stats):
    """A question asked in turn `turn` by `speaker`, and who spoke next."""

    turn: int
    speaker: str | None
    text: str
    answered_by: str | None = None


class DocumentStats(_Stats):
    """Every measure of one document (or, from `measure_many`, of all of them together)."""

    doc: str | None = None
    documents: int = 1
    turns: int
    words: int
    seconds: float | None
    timed: bool
    speakers: list[SpeakerStats]
    roles: list[RoleStats]
    transitions: list[Transition]
    role_transitions: list[Transition]
    interruptions: list[Interruption] = Field(default_factory=list)
    overlaps: list[Overlap] = Field(default_factory=list)
    questions: list[Question] = Field(default_factory=list)

    def frame(
        self, what: Literal["speakers", "roles", "interruptions", "overlaps", "questions"]
    ) -> pd.DataFrame:
        """One list of rows as a pandas DataFrame (needs the `pandas` extra)."""
        import pandas as pd

        rows: Sequence[BaseModel] = getattr(self, what)
        model = _ROW_MODELS[what]
        return pd.DataFrame([r.model_dump() for r in rows], columns=list(model.model_fields))

    def matrix(self, by: Literal["speaker", "role"] = "speaker") -> pd.DataFrame:
        """The turn-taking matrix: rows the speaker (or role) before, columns the one after,
        cells the counts; speakers by name, `(unlabeled)` / `(none)` for the rest."""
        import pandas as pd

        names = {s.id: s.name for s in self.speakers}
        if by == "speaker":
            order = [s.id for s in self.speakers]
            transitions = self.transitions
        else:
            order = [r.role for r in self.roles]
            transitions = self.role_transitions

        def label(key: str | None) -> str:
            if by == "role":
                return key or "(none)"
            return names.get(key) or "(unlabeled)" if key else "(unlabeled)"

        labels = [label(k) for k in order]
        df = pd.DataFrame(0, index=labels, columns=labels, dtype="int64")
        for t in transitions:
            df.loc[label(t.before), label(t.after)] += t.count
        df.index.name, df.columns.name = "before", "after"
        return df


_ROW_MODELS: dict[str, type[BaseModel]] = {
    "speakers": SpeakerStats,
    "roles": RoleStats,
    "interruptions": Interruption,
    "overlaps": Overlap,
    "questions": Question,
}


@dataclass
class _Tally:
    """Running sums for one speaker or role."""

    turns: int = 0
    words: int = 0
    seconds: float = 0.0
    timed_words: int = 0
    timed_turns: int = 0
    longest: int = 0
    questions: int = 0
    interruptions: int = 0
    interrupted: int = 0
    overlaps: int = 0

    def add(self, words: int, seconds: float | None, questions: int) -> None:
        self.turns += 1
        self.words += words
        self.longest = max(self.longest, words)
        self.questions += questions
        if seconds is not None:
            self.seconds += seconds
            self.timed_words += words
            self.timed_turns += 1

    def measures(self, total_words: int, total_seconds: float, timed: bool) -> dict[str, Any]:
        return {
            "turns": self.turns,
            "words": self.words,
            "share": self.words / total_words if total_words else 0.0,
            "seconds": self.seconds if timed else None,
            "time_share": self.seconds / total_seconds if timed and total_seconds else None,
            "mean_turn_words": self.words / self.turns if self.turns else 0.0,
            "longest_turn_words": self.longest,
            "wpm": self.timed_words * 60 / self.seconds
            if timed and self.seconds >= MIN_WPM_SECONDS
            else None,
            "questions": self.questions,
            "interruptions": self.interruptions,
            "interrupted": self.interrupted,
            "overlaps": self.overlaps,
        }


class _Measure:
    """Accumulates the measures over the turns of one or several documents."""

    def __init__(self) -> None:
        self.speakers: dict[str | None, _Tally] = {}
        self.names: dict[str | None, tuple[str | None, Role | None]] = {}
        self.roles: dict[Role | None, _Tally] = {}
        self.role_members: dict[Role | None, set[str | None]] = {}
        self.transitions: dict[tuple[str | None, str | None], int] = {}
        self.role_transitions: dict[tuple[str | None, str | None], int] = {}
        self.interruptions: list[Interruption] = []
        self.overlaps: list[Overlap] = []
        self.questions: list[Question] = []
        self.timed = False
        self.documents = 0

    def document(self, transcript: Transcript) -> None:
        """Add one document's turns (transitions and interruptions never cross documents)."""
        self.documents += 1
        speakers = {s.id: s for s in transcript.speakers}
        for s in transcript.speakers:  # first appearance in the speaker list sets the order
            self.speakers.setdefault(s.id, _Tally())
            self.names.setdefault(s.id, (s.name, s.role))
        turns = transcript.turns
        roles = [t.role or _role(speakers, t.speaker_id) for t in turns]
        questions = [_QUESTION.findall(t.text) for t in turns]
        for i, turn in enumerate(turns):
            key, role = turn.speaker_id, roles[i]
            if key not in self.names:
                self.names[key] = (None, None)
            seconds = _seconds(turn)
            self.timed |= seconds is not None
            n = len(turn.text.split())
            self.speakers.setdefault(key, _Tally()).add(n, seconds, len(questions[i]))
            self.roles.setdefault(role, _Tally()).add(n, seconds, len(questions[i]))
            self.role_members.setdefault(role, set()).add(key)
            nxt = turns[i + 1] if i + 1 < len(turns) else None
            answered = nxt.speaker_id if nxt and nxt.speaker_id != key else None
            self.questions += [
                Question(turn=turn.index, speaker=key, text=q, answered_by=answered)
                for q in questions[i]
            ]
            if i:
                prev = turns[i - 1]
                pair = (prev.speaker_id, key)
                self.transitions[pair] = self.transitions.get(pair, 0) + 1
                rpair = (roles[i - 1], role)
                self.role_transitions[rpair] = self.role_transitions.get(rpair, 0) + 1
        self._cut_offs(turns, roles)

    def _cut_offs(self, turns: Sequence[Turn], roles: Sequence[Role | None]) -> None:
        """Overlaps and interruptions: timed turns against the latest-ending earlier turn,
        untimed turns by their cut-off mark."""
        latest: int | None = None  # index of the earlier timed turn that ends last
        for i, turn in enumerate(turns):
            if turn.start is not None and turn.end is not None and _seconds(turn) is not None:
                other = turns[latest] if latest is not None else None
                if latest is not None and other is not None and other.end is not None:
                    seconds = min(other.end, turn.end) - turn.start
                    if other.speaker_id != turn.speaker_id and seconds > 0:
                        self.overlaps.append(
                            Overlap(
                                turn=turn.index,
                                speaker=turn.speaker_id,
                                with_turn=other.index,
                                with_speaker=other.speaker_id,
                                seconds=seconds,
                            )
                        )
                        self._count(turn, roles[i], "overlaps")
                        if other.end <= turn.end:
                            self._interruption(other, turn, roles, i, latest, "overlap", seconds)
                    if other.end >= turn.end:
                        continue
                latest = i
                continue
            prev = turns[i - 1] if i else None
            if (
                prev is not None
                and _seconds(prev) is None
                and prev.speaker_id != turn.speaker_id
                and _CUT_OFF.search(prev.text)
            ):
                self._interruption(prev, turn, roles, i, i - 1, "marked", None)

    def _interruption(
        self,
        of: Turn,
        by: Turn,
        roles: Sequence[Role | None],
        i: int,
        j: int,
        how: Literal["overlap", "marked"],
        seconds: float | None,
    ) -> None:
        self.interruptions.append(
            Interruption(
                turn=by.index,
                speaker=by.speaker_id,
                of_turn=of.index,
                of_speaker=of.speaker_id,
                how=how,
                seconds=seconds,
            )
        )
        self._count(by, roles[i], "interruptions")
        self._count(of, roles[j], "interrupted")

    def _count(self, turn: Turn, role: Role | None, field: str) -> None:
        for tally in (self.speakers[turn.speaker_id], self.roles[role]):
            setattr(tally, field, getattr(tally, field) + 1)

    def result(self, doc: str | None) -> DocumentStats:
        total_words = sum(t.words for t in self.speakers.values())
        total_seconds = sum(t.seconds for t in self.speakers.values())
        timed = self.timed
        speakers = [
            SpeakerStats(
                id=key,
                name=self.names[key][0],
                role=self.names[key][1],
                **tally.measures(total_words, total_seconds, timed),
            )
            for key, tally in _labeled_first(self.speakers)
        ]
        roles = [
            RoleStats(
                role=role,
                speakers=len(self.role_members.get(role, ())),
                **tally.measures(total_words, total_seconds, timed),
            )
            for role, tally in self.roles.items()
        ]
        return DocumentStats(
            doc=doc,
            documents=self.documents,
            turns=sum(t.turns for t in self.speakers.values()),
            words=total_words,
            seconds=total_seconds if timed else None,
            timed=timed,
            speakers=speakers,
            roles=roles,
            transitions=_transitions(self.transitions),
            role_transitions=_transitions(self.role_transitions),
            interruptions=self.interruptions,
            overlaps=self.overlaps,
            questions=self.questions,
        )


def _labeled_first(tallies: dict[str | None, _Tally]) -> list[tuple[str | None, _Tally]]:
    """Speakers in order of first appearance, then the unlabeled turns (if any)."""
    rows: list[tuple[str | None, _Tally]] = [(k, t) for k, t in tallies.items() if k is not None]
    if None in tallies:
        rows.append((None, tallies[None]))
    return rows


def _transitions(counts: dict[tuple[str | None, str | None], int]) -> list[Transition]:
    return [Transition(before=b, after=a, count=n) for (b, a), n in counts.items()]


def _role(speakers: dict[str, Any], speaker_id: str | None) -> Role | None:
    speaker = speakers.get(speaker_id) if speaker_id else None
    return speaker.role if speaker else None


def _seconds(turn: Turn) -> float | None:
    if turn.start is None or turn.end is None or turn.end < turn.start:
        return None
    return turn.end - turn.start


def measure(transcript: Transcript, *, doc: str | None = None) -> DocumentStats:
    """Every measure of one transcript."""
    m = _Measure()
    m.document(transcript)
    return m.result(doc)


def measure_many(items: Iterable[Item]) -> tuple[list[DocumentStats], DocumentStats]:
    """Each document's measures, and all documents' together (speakers matched by id, so a
    host who presents every episode is one row). Takes what `turns_frame` takes; a document
    that failed to parse adds nothing."""
    per_doc: list[DocumentStats] = []
    overall = _Measure()
    for d in documents(items):
        if d.transcript is None:
            continue
        per_doc.append(measure(d.transcript, doc=d.source))
        overall.document(d.transcript)
    return per_doc, overall.result(None)


def speaker_stats(transcript: Transcript) -> list[SpeakerStats]:
    """A row per speaker in order of first appearance, then one for unlabeled turns if any."""
    return measure(transcript).speakers


def to_csv(stats: Sequence[DocumentStats], by: Literal["speaker", "role"] = "speaker") -> str:
    """A CSV row per (document, speaker) — or per (document, role) — with every measure;
    RFC 4180 quoting as the turn exports have it, empty fields where a value is None."""
    import csv
    import io

    model: type[BaseModel] = SpeakerStats if by == "speaker" else RoleStats
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=["doc", *model.model_fields], lineterminator="\r\n")
    writer.writeheader()
    for s in stats:
        for row in s.speakers if by == "speaker" else s.roles:
            writer.writerow({"doc": s.doc, **row.model_dump()})
    return out.getvalue()
