"""What keeps dense input cheap: the collector pause around a parse (restored as it was, also
on errors, a caller's frozen objects left frozen), the shared empty token fields, and
models sharing their fields sets."""

from __future__ import annotations

import gc

import pytest

from transcriptkit import parse
from transcriptkit._normalise import _PROMOTE_AFTER, collector_paused


def test_the_collector_is_back_on_after_a_parse_and_after_an_error() -> None:
    assert gc.isenabled()
    parse("ADA QUIST, HOST: Good morning.\n")
    assert gc.isenabled()
    with pytest.raises(RuntimeError), collector_paused():
        assert not gc.isenabled()
        raise RuntimeError("boom")
    assert gc.isenabled()


def test_a_caller_who_turned_the_collector_off_keeps_it_off() -> None:
    gc.disable()
    try:
        parse("A:\n" * 10)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_what_a_large_parse_keeps_goes_to_the_oldest_generation() -> None:
    """Survivors of a large block are moved to the oldest generation unscanned, not left
    young for the collector to scan (once in the young generation, once in the middle)."""
    with collector_paused():
        kept = [[i] for i in range(_PROMOTE_AFTER * 2)]
    probe = kept[len(kept) // 2]
    assert any(o is probe for o in gc.get_objects(generation=2))
    assert gc.get_freeze_count() == 0


def test_a_callers_frozen_objects_stay_frozen() -> None:
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        with collector_paused():
            kept = [[i] for i in range(_PROMOTE_AFTER * 2)]
        assert gc.get_freeze_count() == frozen
        assert len(kept) == _PROMOTE_AFTER * 2
    finally:
        gc.unfreeze()


def test_tokens_without_fields_share_one_read_only_dict() -> None:
    """Words and blank lines share `NO_FIELDS` (no dict per token); writing to it raises
    rather than changing every such token at once."""
    from transcriptkit import tokenize
    from transcriptkit.tokens import NO_FIELDS, TokenKind

    tokens = tokenize("ADA QUIST, HOST: Good morning.\n\nSome words here.\n")
    plain = [t for t in tokens if t.kind in (TokenKind.TEXT, TokenKind.BLANK)]
    assert plain and all(t.fields is NO_FIELDS for t in plain)
    assert NO_FIELDS == {} and dict(NO_FIELDS) == {}
    with pytest.raises(TypeError):
        plain[0].fields["x"] = "y"
    assert NO_FIELDS == {}


def test_models_share_fields_sets_and_copy_them_on_write() -> None:
    """Turns of a parse share one `model_fields_set` (`models.lean`): what a user sees of
    it is unchanged, an assignment gives that turn a set of its own, and copies, dumps and
    pickles are plain models."""
    import copy
    import pickle

    transcript = parse(
        "ADA QUIST: One.\n\nBO OKON: Two (LAUGHTER) and three.\n\nADA QUIST: Four.\n"
    )
    first, second = transcript.turns[0], transcript.turns[1]
    assert first.model_fields_set is second.model_fields_set
    assert first.span.model_fields_set is second.span.model_fields_set
    assert "captions" not in first.model_fields_set
    assert set(first.model_dump(exclude_unset=True)) == set(first.model_fields_set)
    with pytest.raises(TypeError):
        first.model_fields_set.add("captions")
    first.captions = []
    assert "captions" in first.model_fields_set
    assert "captions" not in second.model_fields_set
    assert second.model_copy(update={"text": "x"}).text == "x"
    assert "text" in second.model_copy(update={"text": "x"}).model_fields_set
    assert copy.deepcopy(second) == second
    assert pickle.loads(pickle.dumps(transcript)) == transcript
    assert type(transcript).model_validate_json(transcript.model_dump_json()) == transcript
