# `make` sets up .venv and builds everything from data/; `make test` runs the tests.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: all build test bench lint clean

all: build

$(STAMP): requirements.txt requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $(STAMP)

build: $(STAMP)
	$(PY) generate.py all

test: $(STAMP)
	$(PY) -m pytest

lint: $(STAMP)
	$(PY) generate.py lint

bench: $(STAMP)
	$(PY) bench/run.py

clean:
	rm -rf build site .pytest_cache
