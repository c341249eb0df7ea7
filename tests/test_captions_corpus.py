"""The caption folder of the real corpus (`../shared/corpus/captions`) scored against its
gold, with the floors issue 9 promises (set a little under what is reached, so a held-out
regression shows), and the caption-format documents of podcasts/ and styles/. Skips where
the corpus is not beside the checkout."""

from __future__ import annotations

import pytest

from test_corpus import CORPUS, _score

pytestmark = pytest.mark.skipif(
    not (CORPUS / "captions").is_dir(), reason="no ../shared/corpus/captions"
)

# Reached (December 2026, 11 documents): turn F1, time, speaker, cue F1, kind and exact
# all 1.0; text 0.96 (two first turns where the scorer reads the timing or the WEBVTT
# header glued to the words as words).
CAPTION_FLOORS = {
    "turn_f1": 0.98,
    "time_acc": 0.98,
    "exact_docs": 0.9,
    "speaker_acc": 0.98,
    "text_acc": 0.95,
    "cue_f1": 0.95,
    "kind_acc": 0.95,
}
# podcasts/ and styles/ together (several are WebVTT, timed lists and SRT-like pages):
# reached turn F1 0.99, time 1.0.
OTHER_FLOORS = {"turn_f1": 0.97, "time_acc": 0.98}


def test_caption_folder_meets_the_floors() -> None:
    scores = _score("captions")
    low = {k: (scores[k], floor) for k, floor in CAPTION_FLOORS.items() if scores[k] < floor}
    assert not low, f"below the floor (score, floor): {low}"
    assert scores["crashes"] == 0
    assert scores["leaking_turns"] == 0


def test_caption_documents_of_other_folders_hold() -> None:
    scores = _score("podcasts", "styles")
    low = {k: (scores[k], floor) for k, floor in OTHER_FLOORS.items() if scores[k] < floor}
    assert not low, f"below the floor (score, floor): {low}"
