"""Stable document ids: the same document gets the same id in every run, process and machine.

One recipe in one place, so the turns table, `parse_many` results and every exporter agree:

- a document with a source name (a path as given, an archive member, a `(name, text)` pair's
  name) gets `doc_id(source)`: the first 16 hex digits of SHA-256 over the name's UTF-8, with
  backslashes turned into slashes so a Windows path and its POSIX twin agree;
- a document without one (a `Transcript` built in memory) gets `content_id(transcript)`: the
  same digest over its JSON dump, so equal documents share an id and any change moves it.
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .models import Transcript

# 16 hex digits = 64 bits: the odds of any collision among n documents are about n²/2⁶⁵,
# 3 in 100 million for a million documents (MediaSum has half that), and ids stay short.
ID_DIGITS = 16


def doc_id(source: str) -> str:
    """The stable id of the document read from `source` (its name, as the caller gave it)."""
    return _digest(source.replace("\\", "/"))


def content_id(transcript: Transcript) -> str:
    """The stable id of a document known only by its content."""
    return _digest(transcript.model_dump_json())


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:ID_DIGITS]
