#!/usr/bin/env python3
"""Atheris (libFuzzer) harness: bytes and text into `read_text`, `parse` and every exporter.

    python fuzz/fuzz_parse.py -max_total_time=900            # 15 minutes
    python fuzz/fuzz_parse.py fuzz/corpus fuzz/seeds -max_total_time=900 -jobs=2

A crash is any exception other than the ones the API promises (`DecodeError` from strict
reading, `BinaryInputError` for bytes that start like a binary format), any broken
invariant from `tests/invariants.py` (tokens that do not give the input back, spans out
of order, ...), and a JSON dump that does not encode or load back. libFuzzer writes the
input that crashed to `fuzz/crashes/` (override with `-artifact_prefix=`);
`tests/test_fuzz_regressions.py` replays every file there. See fuzz/README.md.
"""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent

# Pieces of a transcript for the structured mode: the fuzzer strings them together, so it
# starts from labels, cues and furniture instead of having to find each byte by chance.
# Invented.
FRAGMENTS = (
    "KELLY OKAFOR, HOST:",
    "OKAFOR:",
    "Mr. BARNABY OKONKWO (Director, Regional Institute for Coastal",
    "Studies):",
    "Unidentified Man #2:",
    "UNIDENTIFIED PERSON:",
    "Garrison Elmsworth:",
    "Speaker 1 (00:01:02):",
    "[00:01:02] ",
    "00:00:01.000 --> 00:00:04.000",
    ">> ",
    "(SOUNDBITE OF MUSIC)",
    "(LAUGHTER)",
    "(ph)",
    "[BEGIN CLIP]",
    "NPR logo",
    "  • Download",
    "Copyright © 2025 NPR. All rights reserved.",
    "June 12, 2025",
    "https://www.npr.org/2025/06/12/1234567/an-invented-story",
    "[POST-BROADCAST CORRECTION: An invented correction.]",
    "This is ALL THINGS CONSIDERED. I'm Kelly Okafor.",
    "<p>",
    "[s0011] ",
    "**",
    ". ",
    ": ",
    "\n",
    "\r\n",
    "\n\n",
    "\ufeff",
    "\ufffd",
    "Itâ€™s",
    "(",
    ")",
    "[",
    "]",
)


def _load(name: str, path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader, path
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def _exporters() -> list[tuple[str, Callable[[Any, Any], str], Any]]:
    """(name, function, options) for every exporter, with default and non-default
    options; empty while `transcriptkit.export` does not exist yet."""
    try:
        from transcriptkit.export import FORMATS, Options
    except ImportError:
        return []
    variants = (Options(), Options(labels=True, notes=True, cues=False, indent=None, doc="x"))
    return [(name, fn, options) for name, fn in FORMATS.items() for options in variants]


def _structured(data: bytes) -> str:
    """Text from fragments and raw characters: each byte picks a fragment or, above
    the fragment count, stands for itself as a Latin-1 character."""
    out = []
    for byte in data:
        out.append(FRAGMENTS[byte] if byte < len(FRAGMENTS) else chr(byte))
    return "".join(out)


class Harness:
    """Everything one input goes through; `check` raises on a bug and only then."""

    def __init__(self) -> None:
        self.invariants = _load("transcriptkit_invariants", ROOT / "tests" / "invariants.py")
        self.exporters = _exporters()

    def check(self, data: bytes) -> None:
        from transcriptkit import read_text
        from transcriptkit.errors import BinaryInputError, DecodeError

        mode, body = (data[0] % 3, data[1:]) if data else (0, b"")
        if mode == 0:  # bytes, as a file holds them
            try:
                text, _, _ = read_text(body)
            except BinaryInputError as exc:  # promised: it starts with a binary magic
                assert exc.magic and body.startswith(exc.magic), exc
                return
            try:
                strict_text, _, _ = read_text(body, strict=True)
            except DecodeError as exc:
                assert 0 <= exc.offset < len(body), exc
            else:
                assert strict_text == text
        elif mode == 1:  # text, as a caller passes it
            text = body.decode("utf-8", errors="replace")
        else:
            text = _structured(body)
        self.check_text(text)

    def check_text(self, text: str) -> None:
        doc = self.invariants.check_text(text)
        for name, export, options in self.exporters:
            out = export(doc, options)
            assert isinstance(out, str), f"{name} returned {type(out).__name__}"
            out.encode("utf-8")  # every export can be written


def main(argv: list[str]) -> None:
    import atheris

    with atheris.instrument_imports(include=["transcriptkit"]):
        import transcriptkit
        import transcriptkit.export  # noqa: F401
    harness = Harness()
    args = list(argv)
    if not any(a.startswith("-artifact_prefix=") for a in args):
        (HERE / "crashes").mkdir(exist_ok=True)
        args.insert(1, f"-artifact_prefix={HERE / 'crashes'}/")
    atheris.Setup(args, harness.check)
    atheris.Fuzz()


if __name__ == "__main__":
    main(sys.argv)
