# Two commands on a fresh clone: `make decks` and `make test`. Nothing is installed by hand.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: decks test test-fast lint check clean browser preview screenshot bench bytecode

decks: bytecode
	$(BIN)/flashcards build

test: browser $(VENV)/.installed-test
	$(BIN)/pytest

# The edit-test loop: no browser, not the slowest tests (pathological sheets, properties,
# 100,000 notes); `make test` runs them all.
test-fast: $(VENV)/.installed-test
	$(BIN)/pytest -q -m "not browser and not slow"

lint: $(VENV)/.installed-test
	$(BIN)/ruff check flashcards tests bench tools
	$(BIN)/ruff format --check flashcards tests bench tools

check: bytecode
	$(BIN)/flashcards lint --strict
	$(BIN)/flashcards build --check --strict

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml $(VENV)/bin/python
	$(BIN)/pip install --quiet -e .
	touch $@

# The package compiled ahead, as pip does for a package it copies: an editable install
# leaves it to Python, which compiles it again on every run where PYTHONDONTWRITEBYTECODE is
# set (some containers and CI images set it), 30 ms of every command. Quick when current.
bytecode: $(VENV)/.installed
	$(BIN)/python -m compileall -q flashcards

$(VENV)/.installed-test: pyproject.toml $(VENV)/bin/python
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@ $(VENV)/.installed

# The browser tests render every card in Debian's Chromium, with a font that has Hangul.
# Skipped in a moment when both are already there; apt-get needs root (or sudo).
CHROMIUM := /usr/bin/chromium
CJK_FONT := /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)

browser:
	@if [ ! -x $(CHROMIUM) ] || [ ! -e $(CJK_FONT) ]; then \
		$(SUDO) apt-get update -qq && \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
			chromium fonts-noto-cjk; \
	fi
	@test -x $(CHROMIUM) && test -e $(CJK_FONT)

preview: bytecode
	$(BIN)/flashcards preview -o preview

screenshot: browser $(VENV)/.installed
	$(BIN)/python tools/screenshot.py docs

bench: bytecode
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) build *.egg-info
