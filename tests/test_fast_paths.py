"""Fast paths judged by the slow ones they stand for (issue 8): `models.maker` against
pydantic's validated constructor, `clean_joined` against cleaning piece by piece."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from transcriptkit.cleantext import clean, clean_joined, join_clean, normalizing
from transcriptkit.models import Span, Speaker, Turn, lean, maker

_TURN_FIELDS = ("index", "speaker_id", "label", "role", "text", "paragraphs", "cues", "line")
_make_turn = maker(Turn, (*_TURN_FIELDS, "span"))
_make_span = maker(Span, ("start", "end"))


def _values() -> dict[str, object]:
    return {
        "index": 2,
        "speaker_id": "ada-quist",
        "label": "ADA QUIST",
        "role": "host",
        "text": "Good morning.",
        "paragraphs": ["Good morning."],
        "cues": [],
        "line": 7,
    }


def test_a_made_model_is_the_validated_model() -> None:
    made = _make_turn(**_values(), span=_make_span(start=3, end=20))
    validated = Turn(**_values(), span=Span(start=3, end=20))  # type: ignore[arg-type]
    lean(validated)
    lean(validated.span)
    assert made == validated
    assert made.__getstate__() == validated.__getstate__()
    assert made.model_dump_json() == validated.model_dump_json()
    assert made.model_fields_set == {*_TURN_FIELDS, "span"}
    assert made.model_fields_set is validated.model_fields_set  # shared, as `lean` does
    assert made.captions is None and made.words is None  # the rest at their defaults
    made.text = "Changed."  # copy on write: the other model's fields set is untouched
    assert validated.text == "Good morning."


def test_keywords_in_any_order_give_the_fields_order() -> None:
    """The JSON's key order is the model's `__dict__` order: the declared one."""
    values = dict(reversed(list(_values().items())))
    made = _make_turn(span=_make_span(end=20, start=3), **values)
    assert list(made.__dict__) == list(Turn.model_fields)
    assert made.model_dump_json().startswith('{"index":2,"speaker_id":"ada-quist"')
    assert made.span.model_dump_json() == '{"start":3,"end":20}'


def test_a_maker_takes_exactly_its_fields() -> None:
    assert _make_span(3, 20).__getstate__() == _make_span(start=3, end=20).__getstate__()
    with pytest.raises(TypeError):
        _make_span(3)
    with pytest.raises(TypeError):
        _make_span(3, end=20)
    with pytest.raises(TypeError):
        _make_span(start=1)
    with pytest.raises(KeyError):
        _make_span(start=1, stop=2)
    with pytest.raises(ValueError):
        maker(Span, ("end", "start"))  # not the declared order
    with pytest.raises(ValueError):
        maker(Turn, ("index", "speaker_id"))  # `line` and `span` have no default


# Words, spaces of every sort, quotes, and what `clean` removes (U+FFFD, an escape, controls).
_CHARACTERS = [*"ab Z.,'\"`\t\n\r[2J", "’", "“", "”", "\u00a0", "\u2003", "\u200b", "\ufeff"]
_CHARACTERS += ["\ufffd", "\x1b", "\x07", "\x00", "\x1f", "\x85", "é"]
# ... and character references, whole (`clean` decodes them).
_PIECE = st.lists(
    st.sampled_from([*_CHARACTERS, "&amp;", "&#8217;", "&nbsp;", "&lt;"]), max_size=8
).map("".join)


@given(st.lists(_PIECE, max_size=6), st.booleans())
@example(["it\ufffd", "s"], True)  # the broken apostrophe reads across pieces
@example(["word\u200b", "\u200bword"], True)  # an invisible space at a piece's end
@example(["a\x1b", "[2Jb"], True)  # an escape sequence split between pieces
@example([" one  ", "  ", "\ttwo\n"], False)
def test_clean_joined_is_cleaning_piece_by_piece(pieces: list[str], normalize: bool) -> None:
    with normalizing(normalize):
        assert clean_joined(pieces) == join_clean([clean(p) for p in pieces]).strip()


def test_clean_straightens_quotes_unless_told_not_to() -> None:
    assert clean("“It’s `fine`”") == "\"It's 'fine'\""
    with normalizing(False):
        assert clean("“It’s `fine`”") == "“It’s `fine`”"
    assert clean_joined(["“Hi,", " ", " there’s\n", "more\u00a0 "]) == "\"Hi, there's more"


def test_character_references_are_decoded_in_the_words() -> None:
    assert clean_joined(["I&#8217;m here&nbsp;", "&amp; there"]) == "I'm here & there"
    assert clean("AT&T &copy 2020; &amp;lt;") == "AT&T &copy 2020; &lt;"  # decoded once


def test_a_default_factory_gives_each_made_model_its_own_value() -> None:
    make_speaker = maker(Speaker, ("id", "name"))
    one, two = make_speaker(id="ada", name="ADA"), make_speaker(id="bo", name="BO")
    one.labels.append("ADA")
    assert two.labels == [] and one.labels == ["ADA"]
    assert one.model_fields_set == {"id", "name"}
    validated = Speaker(id="ada", name="ADA", labels=["ADA"])
    assert one.model_dump_json() == validated.model_dump_json()
    one.role = "host"  # an assignment gives this speaker a fields set of its own
    assert one.model_fields_set == {"id", "name", "role"}
    assert two.model_fields_set == {"id", "name"}
