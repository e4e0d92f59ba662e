# OSV: the two commands that set everything up are `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-dev
SHARED ?= ../shared

# Validate EML against the official schemas whenever they are next to this checkout.
ifneq ($(wildcard $(SHARED)/eml-nl/xsd/510-count-kiesraad-strict.xsd),)
export OSV_EML_XSD_DIR ?= $(abspath $(SHARED)/eml-nl/xsd)
endif

.PHONY: run test lint typecheck pytest audit bench clean demo

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

## run: set up, write the demo election, import it into the default SQLite database, show it,
## then serve the web interface on http://127.0.0.1:8000 (it prints how to log in)
run: $(STAMP)
	$(BIN)/osv demo --out .osv/demo
	$(BIN)/osv import .osv/demo/*.eml.xml --hash-file .osv/demo/Hashcodes.txt
	$(BIN)/osv show elections
	$(BIN)/osv show lists
	$(BIN)/osv serve --host 127.0.0.1 --port 8000

## test: lint, type-check and run the test suite
test: lint typecheck pytest

lint: $(STAMP)
	$(BIN)/ruff check osv eml results candidacy ui tests benchmarks
	$(BIN)/ruff format --check osv eml results candidacy ui tests benchmarks

typecheck: $(STAMP)
	$(BIN)/mypy

pytest: $(STAMP)
	$(BIN)/pytest -n auto -q

## audit: the property-based suite with many examples (for external auditors)
audit: $(STAMP)
	HYPOTHESIS_PROFILE=audit $(BIN)/pytest -q -n auto tests

## bench: performance measurements (ratios against a baseline measured in the same run)
bench: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[dev,bench]' && for b in benchmarks/*.py; do $(BIN)/python $$b || exit 1; done

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis
