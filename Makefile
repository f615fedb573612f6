# `make run` and `make test` work on a fresh machine: they create .venv and install what they need.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
RUNTIME := $(VENV)/.runtime-installed
DEV := $(VENV)/.dev-installed

.PHONY: run test lint format bench fuzz schema clean

run: $(RUNTIME)
	$(PY) -m streamlit run dashboard.py

test: $(DEV)
	$(PY) -m ruff check .
	$(PY) -m pytest

lint: $(DEV)
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

format: $(DEV)
	$(PY) -m ruff format .
	$(PY) -m ruff check --fix .

bench: $(DEV)
	$(PY) -m bench

fuzz: $(DEV)
	TWINNING_ATLAS_FUZZ_EXAMPLES=20000 $(PY) -m pytest tests/fuzz -q -s

schema: $(RUNTIME)
	$(PY) -m loaders schema schema

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(RUNTIME): requirements.txt | $(VENV)/bin/python
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(DEV): requirements-dev.txt $(RUNTIME)
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis artifacts
