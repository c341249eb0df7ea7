#!/usr/bin/env python3
"""Write the fuzzer's starting corpus into fuzz/corpus/ (git-ignored), at run time.

    python fuzz/make_seeds.py                  # ../shared/corpus + the hostile builders
    python fuzz/make_seeds.py --out DIR --size 8192

Seeds are generated, never committed: the real corpus (../shared/corpus, test data only)
must not be copied into the repository, and the hostile inputs are rebuilt from
tests/hostile.py. Each real document becomes two seeds, one per harness mode that reads
it as it is: mode 0 (its bytes, as a file holds them) and mode 1 (text); each hostile
builder becomes a bytes-mode and a text-mode seed of `--size` bytes. The first byte of a
seed picks the mode (see fuzz_parse.Harness.check).
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
CORPUS = ROOT.parent / "shared" / "corpus"

# Seeds longer than this are cut: libFuzzer would cut them at -max_len anyway, and long
# seeds slow every execution. 64 KB holds all but a handful of corpus documents whole.
MAX_SEED = 65_536
BYTES_MODE, TEXT_MODE = b"\x00", b"\x01"


def _hostile() -> ModuleType:
    spec = importlib.util.spec_from_file_location("hostile", ROOT / "tests" / "hostile.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["hostile"] = module
    spec.loader.exec_module(module)
    return module


def corpus_documents(folder: Path) -> list[Path]:
    """Every document of the corpus (transcripts, captions, ASR JSON and RTTM), no gold."""
    if not folder.is_dir():
        return []
    return sorted(
        p
        for p in folder.rglob("*")
        if p.is_file()
        and p.suffix in {".txt", ".json", ".rttm", ".vtt", ".srt"}
        and not p.name.endswith(".gold.json")
    )


def hostile_inputs(size: int) -> dict[str, str]:
    """name -> text for every builder in tests/hostile.py, at `size` characters."""
    hostile = _hostile()
    out: dict[str, str] = {}
    for group in ("NAMED", "FOUND", "SLOW"):
        for name, (build, _) in getattr(hostile, group, {}).items():
            out[f"{group.lower()}-{name}"] = build(size)
    for name in hostile.LABEL_LIKE_PARTS:
        out[f"label-like-{name}"] = hostile.label_like(name, size)
    for name, data in getattr(hostile, "BYTES", {}).items():
        out[f"bytes-{name}"] = data  # already bytes: written as they are
    return out


def write(out: Path, data: bytes) -> bool:
    """Write one seed named by its hash (as libFuzzer names its own); False if known."""
    data = data[:MAX_SEED]
    path = out / hashlib.sha1(data).hexdigest()
    if path.exists():
        return False
    path.write_bytes(data)
    return True


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--out", type=Path, default=HERE / "corpus")
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--size", type=int, default=8_192, help="characters per hostile seed")
    a = ap.parse_args(argv)
    a.out.mkdir(parents=True, exist_ok=True)
    written = 0
    documents = corpus_documents(a.corpus)
    for path in documents:
        data = path.read_bytes()
        written += write(a.out, BYTES_MODE + data)
        written += write(a.out, TEXT_MODE + data)
    hostile = hostile_inputs(a.size)
    for text in hostile.values():
        data = text if isinstance(text, bytes) else text.encode("utf-8", "surrogatepass")
        written += write(a.out, BYTES_MODE + data)
        written += write(a.out, TEXT_MODE + data)
    print(
        f"{written} new seeds in {a.out}: {len(documents)} corpus documents, "
        f"{len(hostile)} hostile inputs of {a.size} characters"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
