"""docs/analysis.md is run, not just read: its ```python blocks execute in order in one
namespace, and its ```sh `transcriptkit` lines through the CLI, on the invented shows in
tests/fixtures/analysis/ (copied to a temporary `shows/` folder)."""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from analysis_data import FIXTURES
from transcriptkit.cli import app

DOC = Path(__file__).resolve().parents[1] / "docs" / "analysis.md"
BLOCK = re.compile(r"^```(\w+)\n(.*?)^```$", re.MULTILINE | re.DOTALL)


def _blocks(lang: str) -> list[str]:
    return [body for kind, body in BLOCK.findall(DOC.read_text(encoding="utf-8")) if kind == lang]


@pytest.fixture
def study(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name in ("pandas", "pyarrow", "datasets", "convokit"):
        pytest.importorskip(name)
    shutil.copytree(FIXTURES, tmp_path / "shows")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))  # convokit writes its config there
    return tmp_path


def test_the_doc_has_snippets() -> None:
    assert len(_blocks("python")) >= 10 and _blocks("sh")


def test_every_python_snippet_runs(study: Path) -> None:
    namespace: dict[str, object] = {"__name__": "analysis_doc"}
    for i, code in enumerate(_blocks("python")):
        try:
            exec(compile(code, f"docs/analysis.md python block {i + 1}", "exec"), namespace)
        except Exception as exc:  # name the block that failed
            raise AssertionError(f"docs/analysis.md python block {i + 1} failed: {exc!r}") from exc
    assert (study / "valley-hour-corpus" / "utterances.jsonl").is_file()


def test_every_shell_line_runs(study: Path) -> None:
    runner = CliRunner()
    lines = [ln for body in _blocks("sh") for ln in body.splitlines() if ln.strip()]
    for line in lines:
        args = shlex.split(line)
        assert args[0] == "transcriptkit", line
        result = runner.invoke(app, args[1:])
        assert result.exit_code == 0, (line, result.stderr)
        assert result.stdout or "-o" in args, line
    assert (study / "valley-hour-cli" / "corpus.json").is_file()
    assert (study / "turns-cli.parquet").is_file()
