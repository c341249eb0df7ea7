"""Regression tests for the findings of the robustness probe (issue 11) that are not about
reading bytes (those are in test_reader.py) or time (test_pathological.py).

Every line below is invented.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from invariants import check_text
from transcriptkit import Transcript, parse, tokenize
from transcriptkit.export import FORMATS, Options

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"

# ---- the text boundary: lone CR and lone surrogates ------------------------------------


def test_a_lone_cr_is_a_line_break_in_parse_too() -> None:
    text = "KELLY OKAFOR, HOST: One.\rANA RUIZ, BYLINE: Two.\rOKAFOR: Three.\r"
    doc = check_text(text)
    assert [t.label for t in doc.turns] == ["KELLY OKAFOR, HOST", "ANA RUIZ, BYLINE", "OKAFOR"]
    assert [t.line for t in doc.turns] == [1, 2, 3]
    assert [t.text for t in doc.turns] == ["One.", "Two.", "Three."]
    # Spans index the caller's string: the same characters, but for the line ends.
    second = doc.turns[1].span
    assert text[second.start : second.end].startswith("ANA RUIZ, BYLINE: Two.")
    [note] = [d for d in doc.diagnostics if d.code == "line-endings"]
    assert note.line == 1 and "3 line(s) end in a carriage return alone" in note.message


def test_tokens_of_a_lone_cr_text_have_the_same_offsets() -> None:
    text = "KELLY: One.\rANA: Two.\r\nKELLY: Three."
    tokens = tokenize(text)
    assert "".join(t.text for t in tokens) == text.replace("\r", "\n").replace("\n\n", "\r\n")
    assert [t.line for t in tokens if t.kind.name == "LABEL"] == [1, 2, 3]


def test_crlf_and_lf_are_not_reported_by_parse() -> None:
    doc = parse("KELLY: One.\r\nANA: Two.\nKELLY: Three.\n")
    assert not [d for d in doc.diagnostics if d.code == "line-endings"]


def test_lone_surrogates_are_replaced_before_the_models_and_reported() -> None:
    text = "KELLY OKAFOR, HOST: caf\udce9 is \ud83d here.\nANA RUIZ: And \udfff.\n"
    doc = check_text(text)
    assert doc.turns[0].text == "caf is here."  # U+FFFD, then cleaned away as always
    [note] = [d for d in doc.diagnostics if d.code == "unencodable-characters"]
    assert (note.level, note.line) == ("warning", 1)
    assert "3 lone surrogate(s) such as U+DCE9" in note.message
    for export in FORMATS.values():
        export(doc, Options()).encode("utf-8")
    assert Transcript.model_validate_json(doc.model_dump_json()) == doc
    assert Transcript.model_validate(json.loads(FORMATS["json"](doc, Options()))) == doc


# ---- the same result in every process ---------------------------------------------------

_DUMP_ALL = """
import sys, hashlib
from pathlib import Path
from transcriptkit import parse_file
for path in sys.argv[1:]:
    print(path, hashlib.sha256(parse_file(path).model_dump_json().encode()).hexdigest())
"""


def _documents() -> list[Path]:
    fixtures = sorted((ROOT / "tests" / "fixtures").rglob("*.txt"))
    corpus = sorted(CORPUS.glob("*/*.txt")) if CORPUS.is_dir() else []
    return fixtures + corpus


@pytest.mark.timeout(600)
@pytest.mark.xfail(
    reason="until helper 8b's title-tie fix lands on main (metadata.py: two repeated "
    "headlines that tie are picked in set order; long/021 shows it)",
    strict=False,
)
def test_every_document_parses_the_same_under_two_hash_seeds() -> None:
    # Set iteration order follows PYTHONHASHSEED; a choice that leans on it (a tie
    # between two repeated headlines) gives different JSON in spawned workers.
    paths = [str(p) for p in _documents()]
    outputs = []
    for seed in ("1", "4242"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        run = subprocess.run(
            [sys.executable, "-c", _DUMP_ALL, *paths],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        outputs.append(run.stdout.splitlines())
    assert len(outputs[0]) == len(paths)
    differ = [a.split()[0] for a, b in zip(*outputs, strict=True) if a != b]
    assert not differ, f"{len(differ)} document(s) differ between hash seeds: {differ[:5]}"
