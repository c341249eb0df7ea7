"""The model dump as JSON: the stable, documented format (field names are a contract)."""

from __future__ import annotations

import json
from collections.abc import Sequence

from ..models import Transcript
from .options import DEFAULT, Options


def to_json(transcript: Transcript, options: Options = DEFAULT) -> str:
    """`model_dump(mode="json")`, serialised."""
    return _dumps(transcript.model_dump(mode="json"), options.indent)


def to_json_array(transcripts: Sequence[Transcript], options: Options = DEFAULT) -> str:
    """Several documents as one JSON array of model dumps."""
    return _dumps([t.model_dump(mode="json") for t in transcripts], options.indent)


def schema() -> str:
    """The JSON Schema of `Transcript`, as published in `docs/transcript.schema.json`."""
    return _dumps(Transcript.model_json_schema(), 2)


def _dumps(data: object, indent: int | None) -> str:
    return json.dumps(data, indent=indent, ensure_ascii=False) + "\n"
