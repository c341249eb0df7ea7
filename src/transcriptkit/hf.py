"""Hugging Face `datasets`: turns, conversations, MediaSum records or chat messages.

`to_dataset(items, shape=...)` takes what `turns_frame` takes (transcripts, (source,
transcript) pairs, parse_many results) and returns a `datasets.Dataset` (the `hf` extra):

- `turns`: a row per turn, the turns table's columns (`transcriptkit.tables.COLUMNS`);
- `conversations`: a row per document with its metadata and a list of its turns;
- `mediasum`: MediaSum's record shape, `{id, program, date, url, title, utt, speaker}`,
  the utterances and their speakers' labels as printed (the canonical name where a turn
  has no label, "" for an unlabeled turn);
- `messages`: a row per document, `{id, title, messages}`, each message
  `{role, name, content}` as chat templates read them: `assistant` for the turns of
  speakers whose role is `assistant_role` (the hosts, by default), `user` for the others.

Documents without turns (articles, kind `other`, failed parses) give a conversations /
mediasum / messages row with empty lists, so a dataset has one row per document.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Literal

from .tables import Item, Row, arrow_schema, document_rows, documents, iso_date, rows

if TYPE_CHECKING:
    import datasets

Shape = Literal["turns", "conversations", "mediasum", "messages"]

# The fields of a turn inside a `conversations` record.
_TURN_FIELDS = ("turn", "speaker_id", "speaker", "role", "label", "start", "end", "text")
_DOC_FIELDS = ("doc_id", "source", "title", "date", "program", "kind", "outlet", "url", "error")


def to_dataset(
    items: Iterable[Item], shape: Shape = "turns", *, assistant_role: str = "host"
) -> datasets.Dataset:
    """The documents as a `datasets.Dataset` of the given shape (see the module doc)."""
    import datasets

    if shape not in ("turns", "conversations", "mediasum", "messages"):
        raise ValueError(
            f"unknown dataset shape {shape!r}; choose turns, conversations, mediasum or messages"
        )
    if shape == "turns":
        features = datasets.Features.from_arrow_schema(arrow_schema())
        return datasets.Dataset.from_list(list(rows(items)), features=features)
    records: list[dict[str, Any]] = []
    for doc in documents(items):
        all_rows = document_rows(doc)
        meta = all_rows[0]
        turns = all_rows if meta["turn"] is not None and meta["kind"] != "article" else []
        if shape == "conversations":
            records.append(_conversation(meta, turns))
        elif shape == "mediasum":
            records.append(_mediasum(meta, turns))
        else:
            records.append(_messages(meta, turns, assistant_role))
    return datasets.Dataset.from_list(records, features=_features(shape))


def _conversation(meta: Row, turns: list[Row]) -> dict[str, Any]:
    record = {k: meta[k] for k in _DOC_FIELDS}
    record["date"] = iso_date(meta["date"])
    record["turns"] = [{k: r[k] for k in _TURN_FIELDS} for r in turns]
    return record


def _mediasum(meta: Row, turns: list[Row]) -> dict[str, Any]:
    return {
        "id": meta["doc_id"],
        "program": meta["program"],
        "date": iso_date(meta["date"]),
        "url": meta["url"],
        "title": meta["title"],
        "utt": [r["text"] for r in turns],
        "speaker": [r["label"] or r["speaker"] or "" for r in turns],
    }


def _messages(meta: Row, turns: list[Row], assistant_role: str) -> dict[str, Any]:
    return {
        "id": meta["doc_id"],
        "title": meta["title"],
        "messages": [
            {
                "role": "assistant" if (r["role"] or "none") == assistant_role else "user",
                "name": r["speaker"] or r["label"] or "",
                "content": r["text"],
            }
            for r in turns
        ],
    }


def _features(shape: Shape) -> datasets.Features:
    """Declared types, so an empty list or an all-None column still has one."""
    from datasets import Features, Value

    text = Value("string")
    if shape == "mediasum":
        return Features(
            {
                "id": text,
                "program": text,
                "date": text,
                "url": text,
                "title": text,
                "utt": [text],
                "speaker": [text],
            }
        )
    if shape == "messages":
        message = {"role": text, "name": text, "content": text}
        return Features({"id": text, "title": text, "messages": [message]})
    turn = {k: text for k in _TURN_FIELDS}
    turn.update({"turn": Value("int64"), "start": Value("float64"), "end": Value("float64")})
    return Features({**{k: text for k in _DOC_FIELDS}, "turns": [turn]})
