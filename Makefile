# transcriptkit developer tasks. `make demo` and `make test` are all a newcomer needs.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: .venv venv demo test lint format bench clean

# The virtualenv is (re)installed whenever pyproject.toml changes; the stamp file records
# the last successful install.
.venv: $(STAMP)
venv: $(STAMP)

# ConvoKit is installed without its dependencies: the tests only open a corpus folder with
# it (`convokit.Corpus`), which needs what the dev extra lists, not spaCy or torch.
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q -e '.[dev]'
	$(BIN)/pip install -q --no-deps 'convokit>=3.0'
	touch $(STAMP)

# The bundled, invented example in the rich terminal view.
demo: .venv
	$(BIN)/transcriptkit show examples/npr_example.txt

test: .venv
	$(BIN)/ruff check src tests benchmarks fuzz
	$(BIN)/ruff format --check src tests benchmarks fuzz
	$(BIN)/mypy src
	$(BIN)/pytest

lint: .venv
	$(BIN)/ruff check src tests benchmarks fuzz
	$(BIN)/ruff format --check src tests benchmarks fuzz
	$(BIN)/mypy src

format: .venv
	$(BIN)/ruff check --fix src tests
	$(BIN)/ruff format src tests

bench: .venv
	$(BIN)/pip install -q -e '.[dev,bench]'
	$(BIN)/python benchmarks/bench_corpus.py
	$(BIN)/python benchmarks/bench_pathological.py
	$(BIN)/python benchmarks/bench_captions.py
	$(BIN)/python benchmarks/bench_analysis.py

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache .hypothesis
	find . -name '__pycache__' -type d -prune -exec rm -rf {} +
	find . -name '*.egg-info' -type d -prune -exec rm -rf {} +
