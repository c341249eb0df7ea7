"""A ConvoKit corpus folder, written without ConvoKit (its install pulls in spaCy and torch).

`convokit.Corpus(filename=FOLDER)` opens what this writes: the five files of ConvoKit's
folder format (utterances.jsonl, speakers.json, conversations.json, corpus.json,
index.json). The mapping, built from the turns table's rows:

- a document with turns is a **conversation** (id: its `doc_id`; meta: title, date,
  program, outlet, url, source, kind);
- a turn is an **utterance** (id `DOCID-TURN`), in order, `reply_to` the previous turn's
  utterance, `timestamp` the turn's start in seconds where it is timed (else None); meta:
  turn, label, role, start, end, line, span_start, span_end, notes, cues;
- a speaker is a **speaker** by its id, so a host of several documents is one speaker
  (meta: name, role, labels); a document's unlabeled turns belong to `unlabeled-DOCID`.

Documents without turns (articles, kind `other`, failed parses) have no utterances, so they
cannot be ConvoKit conversations: corpus.json lists them under `skipped` with their kind.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..models import Transcript
from ..tables import document_rows, documents, iso_date
from ._files import write_text
from .options import DEFAULT, Options

# Utterance meta fields, from the table's columns.
_UTTERANCE_META = (
    "turn",
    "label",
    "role",
    "start",
    "end",
    "line",
    "span_start",
    "span_end",
    "notes",
    "cues",
)
_CONVERSATION_META = ("title", "date", "program", "outlet", "url", "source", "kind")


def write_convokit(
    docs: Sequence[tuple[str, Transcript]], path: Path, options: Options = DEFAULT
) -> None:
    """`export.WRITERS["convokit"]`: the documents as a ConvoKit corpus folder at `path`
    (created if missing; each file replaced atomically). `options.notes` puts inline notes
    back into the utterance text."""
    from .. import __version__

    path.mkdir(parents=True, exist_ok=True)
    utterances: list[dict[str, Any]] = []
    speakers: dict[str, dict[str, Any]] = {}
    conversations: dict[str, dict[str, Any]] = {}
    skipped: list[dict[str, Any]] = []
    for doc in documents(docs):
        doc_rows = document_rows(doc, notes_inline=options.notes)
        first = doc_rows[0]
        if first["turn"] is None or first["kind"] == "article":
            skipped.append({"doc_id": doc.doc_id, "source": doc.source, "kind": first["kind"]})
            continue
        conversations[doc.doc_id] = {
            "meta": {k: _plain(k, first[k]) for k in _CONVERSATION_META},
            "vectors": [],
        }
        previous: str | None = None
        for row in doc_rows:
            speaker = row["speaker_id"] or f"unlabeled-{doc.doc_id}"
            meta = speakers.setdefault(
                speaker,
                {"meta": {"name": row["speaker"], "role": None, "labels": []}, "vectors": []},
            )["meta"]
            if meta["role"] is None:
                meta["role"] = row["role"]
            if row["label"] and row["label"] not in meta["labels"]:
                meta["labels"].append(row["label"])
            uid = f"{doc.doc_id}-{row['turn']}"
            utterances.append(
                {
                    "id": uid,
                    "conversation_id": doc.doc_id,
                    "text": row["text"],
                    "speaker": speaker,
                    "meta": {k: row[k] for k in _UTTERANCE_META},
                    "reply_to": previous,
                    "timestamp": row["start"],
                    "vectors": [],
                }
            )
            previous = uid
    corpus_meta = {"generator": f"transcriptkit {__version__}", "skipped": skipped}
    index = {
        "utterances-index": _index(u["meta"] for u in utterances),
        "speakers-index": _index(s["meta"] for s in speakers.values()),
        "conversations-index": _index(c["meta"] for c in conversations.values()),
        "overall-index": _index([corpus_meta]),
        "version": 1,
        "vectors": [],
    }
    write_text(
        path / "utterances.jsonl",
        "".join(json.dumps(u, ensure_ascii=False) + "\n" for u in utterances),
    )
    for name, data in (
        ("speakers.json", speakers),
        ("conversations.json", conversations),
        ("corpus.json", corpus_meta),
        ("index.json", index),
    ):
        write_text(path / name, json.dumps(data, ensure_ascii=False))


def _plain(name: str, value: Any) -> Any:
    return iso_date(value) if name == "date" else value


def _index(metas: Any) -> dict[str, list[str]]:
    """ConvoKit's meta index: for each field, the Python types its values have (as
    `str(type(value))`), or [] for a field that is only ever None."""
    out: dict[str, list[str]] = {}
    for meta in metas:
        for key, value in meta.items():
            types = out.setdefault(key, [])
            kind = str(type(value))
            if value is not None and kind not in types:
                types.append(kind)
    return out
