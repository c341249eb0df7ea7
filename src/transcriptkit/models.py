"""The typed result of a parse: plain pydantic data, no behaviour beyond accessors.

Field names are a public contract: users store `model_dump(mode="json")` and the corpus
scorer reads it, so a rename here is a breaking change (the JSON Schema in `docs/` guards it).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Literal, NoReturn, TypeVar, cast

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

if TYPE_CHECKING:
    import pandas as pd
    import pyarrow as pa

    from .view import TranscriptView

Kind = Literal["transcript", "article", "other"]
Role = Literal["host", "reporter", "caller", "unidentified"]
CueKind = Literal[
    "soundbite",
    "music",
    "laughter",
    "applause",
    "clip_start",
    "clip_end",
    "break",
    "note",
    "other",
]
Level = Literal["info", "warning", "error"]


class _SharedFieldsSet(set[str]):
    """A `model_fields_set` shared by every model built with the same fields (see `lean`):
    read-only, copied into the model's own set on the first assignment to a field, and a
    plain set once copied or pickled. Each set costs more than the model's data: 730 bytes
    for a `Turn`'s eleven names, half of a validated turn (issue 11: dense input)."""

    __slots__ = ()

    def _refuse(self, *args: object, **kwargs: object) -> NoReturn:
        raise TypeError("this fields set is shared between models: copy it to change it")

    add = discard = remove = pop = clear = update = _refuse
    difference_update = intersection_update = symmetric_difference_update = _refuse
    __ior__ = __iand__ = __isub__ = __ixor__ = _refuse

    def __copy__(self) -> set[str]:
        return set(self)

    def __deepcopy__(self, memo: object) -> set[str]:
        return set(self)

    def __reduce__(self) -> tuple[type[set[str]], tuple[list[str]]]:
        return (set, (list(self),))


_SHARED_FIELDS: dict[frozenset[str], _SharedFieldsSet] = {}


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=False)

    def __setattr__(self, name: str, value: object) -> None:
        if type(self.__pydantic_fields_set__) is _SharedFieldsSet:  # copy on write
            object.__setattr__(self, "__pydantic_fields_set__", set(self.__pydantic_fields_set__))
        super().__setattr__(name, value)


def lean(model: _Model) -> None:
    """Let `model` share its `model_fields_set` with every model set with the same
    fields, instead of holding a set of its own (the parser calls it for each turn, span,
    cue and paragraph it makes; nothing a user can see changes)."""
    fields = model.__pydantic_fields_set__
    if type(fields) is _SharedFieldsSet:
        return
    object.__setattr__(model, "__pydantic_fields_set__", _shared_fields(frozenset(fields)))


def _shared_fields(names: frozenset[str]) -> _SharedFieldsSet:
    shared = _SHARED_FIELDS.get(names)
    if shared is None:
        shared = _SHARED_FIELDS.setdefault(names, _SharedFieldsSet(names))
    return shared


_M = TypeVar("_M", bound=_Model)


def maker(cls: type[_M], names: tuple[str, ...]) -> Callable[..., _M]:
    """A constructor of `cls` for callers whose values already have the fields' types (the
    parser's ints, strings and models): `make(**values)` (or `make(*values)`, in the order
    of `names`) for exactly the fields `names`,
    the first fields of `cls` in their declared order, the rest at their defaults.
    It is what `cls(**values)` followed by `lean` builds, without pydantic's validation:
    a validated turn and its span cost ten times more than the parse's other work on it
    (issue 8). The result is the same model: same fields, same order (the JSON's), the
    same `model_fields_set` (shared, as with `lean`)."""
    fields = cls.model_fields
    order = tuple(fields)
    if order[: len(names)] != names:
        raise ValueError(f"{names} are not the first fields of {cls.__name__}: {order}")
    tail: dict[str, object] = {}  # the other fields' defaults, in order
    factories: list[tuple[str, Callable[[], object]]] = []  # (a `list`: one per model)
    for name in order[len(names) :]:
        info = fields[name]
        if info.is_required() or info.default_factory_takes_validated_data:
            raise ValueError(f"{cls.__name__}.{name} has no default of its own")
        tail[name] = info.default
        if info.default_factory is not None:
            factories.append((name, cast("Callable[[], object]", info.default_factory)))
    if cls.__pydantic_post_init__ or cls.__private_attributes__:
        raise ValueError(f"{cls.__name__} needs its own initialisation")
    shared = _shared_fields(frozenset(names))
    new, setattr_ = object.__new__, object.__setattr__

    def make(*args: Any, **values: Any) -> _M:
        if args:
            if values or len(args) != len(names):
                raise TypeError(f"{cls.__name__} takes exactly {names}")
            values = dict(zip(names, args, strict=True))
        elif tuple(values) != names:  # the JSON's order is the __dict__'s: keep the fields'
            if len(values) != len(names):
                raise TypeError(f"{cls.__name__} takes exactly {names}, not {tuple(values)}")
            values = {name: values[name] for name in names}
        if tail:
            values.update(tail)
            for name, factory in factories:
                values[name] = factory()
        model = new(cls)
        setattr_(model, "__dict__", values)
        setattr_(model, "__pydantic_fields_set__", shared)
        setattr_(model, "__pydantic_extra__", None)
        setattr_(model, "__pydantic_private__", None)
        return model

    return make


class Span(_Model):
    """Half-open character offsets `[start, end)` into the parsed input string."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)


class InlineCue(_Model):
    """A note inside spoken words, such as `(LAUGHTER)`, `(ph)` or `[emphasis added]`.

    `offset` is where the note stood in `Turn.text` (the note itself is not in the text).
    """

    kind: CueKind
    text: str
    offset: int
    span: Span


class Cue(_Model):
    """A line holding nothing but a bracketed stage or sound note."""

    kind: CueKind
    text: str
    line: int
    span: Span


class Word(_Model):
    """One recognised word with its timing, as speech-recognition output and word-timed
    captions give it. `speaker` is the vendor's own label for this word, where it has one."""

    text: str
    start: float | None = None
    end: float | None = None
    confidence: float | None = None
    speaker: str | None = None


class Caption(_Model):
    """One caption (subtitle cue) that a turn was built from, with its own times, so a
    caller can cut, align or re-time from the parse."""

    start: float
    end: float
    text: str
    span: Span
    line: int | None = None
    words: list[Word] | None = None


class Speaker(_Model):
    """One person (or group); every label the document used for them is kept."""

    id: str
    name: str
    role: Role | None = None
    labels: list[str] = Field(default_factory=list)
    description: str | None = None


class Turn(_Model):
    """What one speaker says from one label to the next."""

    index: int
    speaker_id: str | None = None
    label: str | None = None
    role: Role | None = None
    text: str = ""
    paragraphs: list[str] = Field(default_factory=list)
    cues: list[InlineCue] = Field(default_factory=list)
    line: int
    span: Span
    start: float | None = None
    end: float | None = None
    captions: list[Caption] | None = None
    words: list[Word] | None = None


class Paragraph(_Model):
    """A paragraph of written prose (articles), clean text plus where it came from."""

    text: str
    line: int
    span: Span


class Diagnostic(_Model):
    """Something the parser noticed and decided about, so nothing is silent."""

    level: Level = "info"
    code: str
    message: str
    line: int | None = None


class Metadata(_Model):
    title: str | None = None
    date: dt.date | None = None
    program: str | None = None
    outlet: str | None = None
    url: str | None = None
    corrections: list[str] = Field(default_factory=list)
    style: str | None = None
    style_confidence: float | None = None
    encoding: str | None = None
    source_format: str | None = None


class _SpeakerIndex:
    """A look-up cache, never part of a transcript's value: all indexes compare equal, so
    two transcripts with the same data are equal whatever was looked up in them."""

    __slots__ = ("by_id", "key")

    def __init__(self) -> None:
        self.by_id: dict[str, Speaker] = {}
        self.key: tuple[int, int] = (0, -1)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _SpeakerIndex)

    __hash__ = None  # type: ignore[assignment]


class Transcript(_Model):
    """A parsed document: a transcript, an article, or something else."""

    kind: Kind
    metadata: Metadata = Field(default_factory=Metadata)
    speakers: list[Speaker] = Field(default_factory=list)
    turns: list[Turn] = Field(default_factory=list)
    cues: list[Cue] = Field(default_factory=list)
    paragraphs: list[Paragraph] = Field(default_factory=list)
    diagnostics: list[Diagnostic] = Field(default_factory=list)

    # id -> Speaker, built on first look-up so exporters and stats stay linear in the
    # number of speakers; rebuilt when `speakers` is replaced or changes length.
    _index: _SpeakerIndex = PrivateAttr(default_factory=lambda: _SpeakerIndex())

    def speaker(self, speaker_id: str | None) -> Speaker | None:
        """The speaker with this id, or None (for unlabeled turns)."""
        if speaker_id is None:
            return None
        index = self._index
        key = (id(self.speakers), len(self.speakers))
        if index.key != key:
            index.by_id = {}
            for s in self.speakers:
                index.by_id.setdefault(s.id, s)
            index.key = key
        found = index.by_id.get(speaker_id)
        if found is not None and found.id == speaker_id:
            return found
        # An id edited in place since the index was built: look again, the slow way.
        return next((s for s in self.speakers if s.id == speaker_id), None)

    def speaker_name(self, turn: Turn) -> str | None:
        """The canonical name of a turn's speaker, or None when the turn is unlabeled."""
        speaker = self.speaker(turn.speaker_id)
        return speaker.name if speaker else None

    def turns_by(self, name_or_id: str) -> list[Turn]:
        """Every turn of one speaker, given by id, canonical name or any label the
        document used for them (`KELLY` for `MARY LOUISE KELLY`), in any case."""
        key = name_or_id.strip().rstrip(":").strip().casefold()
        wanted = {
            s.id
            for s in self.speakers
            if key in {s.id.casefold(), s.name.casefold(), *(x.casefold() for x in s.labels)}
        }
        wanted |= {
            t.speaker_id
            for t in self.turns
            if t.speaker_id and t.label and t.label.casefold() == key
        }
        return [t for t in self.turns if t.speaker_id in wanted]

    def words(self) -> list[str]:
        """Every spoken word, in order (whitespace split of the turn texts)."""
        return [w for t in self.turns for w in t.text.split()]

    def to_pandas(self, *, source: str | None = None, doc_id: str | None = None) -> pd.DataFrame:
        """The turns as a pandas DataFrame with the stable columns of `transcriptkit.tables`
        (needs the `pandas` extra; imported on use, so the models do not depend on it)."""
        from .tables import transcript_frame

        return transcript_frame(self, source=source, doc_id=doc_id)

    def to_arrow(self, *, source: str | None = None, doc_id: str | None = None) -> pa.Table:
        """The turns as a pyarrow Table, the same columns (needs the `parquet` extra)."""
        from .tables import transcript_table

        return transcript_table(self, source=source, doc_id=doc_id)

    def __rich__(self) -> TranscriptView:
        """`rich.print(transcript)` renders the terminal view; imported here, on use, so
        the data model does not depend on its view."""
        from .view import TranscriptView

        return TranscriptView(self)


# ---- constructors the parser and the caption reader share (`maker`) ----------------------

make_span = maker(Span, ("start", "end"))
make_cue = maker(Cue, ("kind", "text", "line", "span"))
make_note = maker(InlineCue, ("kind", "text", "offset", "span"))
# A turn's fields as the parser fills them; the caption reader adds its `captions`.
TURN_FIELDS = (
    "index",
    "speaker_id",
    "label",
    "role",
    "text",
    "paragraphs",
    "cues",
    "line",
    "span",
    "start",
    "end",
)
