# `make` sets up .venv and builds everything from data/; `make test` runs the tests;
# `make golden` rewrites the golden text dumps of the example's documents (tests/golden/).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: all build test test-fast golden bench lint clean

all: build

$(STAMP): requirements.txt requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $(STAMP)

build: $(STAMP)
	$(PY) generate.py all

test: $(STAMP)
	$(PY) -m pytest

test-fast: $(STAMP)
	$(PY) -m pytest -m "not slow" -n 2 --dist worksteal

golden: $(STAMP)
	$(PY) tests/golden.py

lint: $(STAMP)
	$(PY) generate.py lint

bench: $(STAMP)
	$(PY) bench/run.py

clean:
	rm -rf build site .pytest_cache
