# OSV: the two commands that set everything up are `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-dev
SHARED ?= ../shared
# Every dependency is installed from a lock with hashes (requirements/*.txt, `make lock`).
LOCK := requirements/dev.txt
# The lock tool, uv from PyPI, in a throwaway virtualenv of its own (never a dependency of OSV).
UV_VERSION ?= 0.13.10
TOOLS ?= .tools
UV := $(TOOLS)/bin/uv
UV_COMPILE = $(UV) pip compile --quiet --universal --python-version 3.11 --generate-hashes
VERSION = $(shell sed -n 's/^version = "\(.*\)"/\1/p' pyproject.toml)
OFFLINE := dist/osv-$(VERSION)-offline.tar.gz

# Validate EML against the official schemas whenever they are next to this checkout.
ifneq ($(wildcard $(SHARED)/eml-nl/xsd/510-count-kiesraad-strict.xsd),)
export OSV_EML_XSD_DIR ?= $(abspath $(SHARED)/eml-nl/xsd)
endif

.PHONY: run test lock test-lowest dist offline-test lint typecheck pytest audit audit-allocation audit-counts audit-eml audit-candidacy audit-log bench clean demo

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# The locked dependencies (with the PostgreSQL driver and the build backend), then OSV itself
# without resolving anything: what is installed is exactly what the lock says.
$(STAMP): $(BIN)/python pyproject.toml $(LOCK)
	$(BIN)/python -m pip install --quiet --require-hashes -r $(LOCK)
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

$(UV):
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/python -m pip install --quiet uv==$(UV_VERSION)

## lock: resolve pyproject.toml's dependencies again to the newest releases and write the locks
## with hashes: requirements/runtime.txt (OSV), postgresql.txt (+ the extra), dev.txt (+ the
## dev tools; what make run and make test install), bench.txt (+ votelib)
lock: $(UV)
	$(UV_COMPILE) --upgrade pyproject.toml requirements/build.in --extra postgresql --extra dev \
		-o requirements/dev.txt
	$(UV_COMPILE) -c requirements/dev.txt pyproject.toml requirements/build.in \
		-o requirements/runtime.txt
	$(UV_COMPILE) -c requirements/dev.txt pyproject.toml requirements/build.in --extra postgresql \
		-o requirements/postgresql.txt
	$(UV_COMPILE) -c requirements/dev.txt pyproject.toml requirements/build.in --extra postgresql \
		--extra dev --extra bench -o requirements/bench.txt

## test-lowest: the suite (without the browser tests) on the lowest releases pyproject.toml's
## lower bounds admit (requirements/lowest.txt, not committed; in .venv-lowest). Deprecation
## warnings are not errors there: the bounds say what works, the lock what is tested strictly.
test-lowest: $(UV)
	$(UV_COMPILE) --resolution lowest-direct pyproject.toml requirements/build.in \
		--extra postgresql --extra dev -o requirements/lowest.txt
	rm -rf .venv-lowest && $(PYTHON) -m venv .venv-lowest
	.venv-lowest/bin/python -m pip install --quiet --require-hashes -r requirements/lowest.txt
	.venv-lowest/bin/python -m pip install --quiet --no-deps --no-build-isolation -e .
	.venv-lowest/bin/pytest -n auto -q -p no:cacheprovider -W ignore::DeprecationWarning \
		-W ignore::PendingDeprecationWarning --ignore-glob='tests/ui/test_browser*.py'

## dist: OSV's wheel and a wheelhouse of the locked dependencies (with the PostgreSQL extra) in
## one archive with an install script, for machines without internet (docs/install.md)
dist: $(STAMP)
	requirements/make-offline.sh $(BIN)/python $(VERSION) $(OFFLINE) $(DIST_PIP_ARGS)

## offline-test: install that archive into a fresh virtualenv without an index, run the demo
offline-test: dist
	.ci/offline-install-test $(OFFLINE)

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

# The property-based tests (hypothesis) by part, for external auditors (docs/auditing.md).
AUDIT_ALLOCATION := tests/properties/test_allocation_properties.py tests/properties/test_cli_contract.py \
	tests/properties/test_strategies.py tests/allocation/test_groups_properties.py tests/allocation/test_lots.py
AUDIT_COUNTS := tests/properties/test_tally_properties.py tests/properties/test_check_properties.py \
	tests/properties/test_entry_state_machine.py tests/tally/test_completeness.py tests/model/test_counts_fast.py
AUDIT_EML := tests/eml/test_510_roundtrip.py tests/eml/test_510_fast.py tests/eml/test_roundtrip_documents.py \
	tests/eml/test_510_hostile.py tests/eml/test_hash.py tests/eml/test_210.py
AUDIT_CANDIDACY := tests/candidacy/test_csv.py tests/candidacy/test_departures.py \
	tests/candidacy/test_nomination.py tests/candidacy/test_numbering.py tests/candidacy/test_publication.py
AUDIT_LOG := tests/properties/test_audit_chain_properties.py
AUDIT_RUN = HYPOTHESIS_PROFILE=audit $(BIN)/pytest -n auto --durations=10

## audit: every property with the audit profile's 2,000 examples, on every core (all parts below)
audit: $(STAMP)
	$(AUDIT_RUN) $(AUDIT_ALLOCATION) $(AUDIT_COUNTS) $(AUDIT_EML) $(AUDIT_CANDIDACY) $(AUDIT_LOG)

## audit-allocation: the seat allocation and candidate assignment alone (Kieswet chapter P)
audit-allocation: $(STAMP)
	$(AUDIT_RUN) $(AUDIT_ALLOCATION)

## audit-counts: adding counts up, completeness, the data-entry checks and double entry
audit-counts: $(STAMP)
	$(AUDIT_RUN) $(AUDIT_COUNTS)

## audit-eml: reading and writing EML_NL, hostile input, the integrity hash
audit-eml: $(STAMP)
	$(AUDIT_RUN) $(AUDIT_EML)

## audit-candidacy: candidacy (CSV, numbering, publication, departures)
audit-candidacy: $(STAMP)
	$(AUDIT_RUN) $(AUDIT_CANDIDACY)

## audit-log: the hash-chained audit log
audit-log: $(STAMP)
	$(AUDIT_RUN) $(AUDIT_LOG)

## bench: every benchmark, one table of ratios against baselines measured in the same run
## (docs/performance.md; written to bench-report.md too; PostgreSQL too when
## OSV_BENCH_DATABASE_URL is set; BENCH_SCALE of the national count, default 0.1)
BENCH_SCALE ?= 0.1
bench: $(STAMP)
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements/bench.txt
	$(BIN)/python benchmarks/summary.py --scale $(BENCH_SCALE) --out bench-report.md

clean:
	rm -rf $(VENV) $(TOOLS) .venv-lowest .pytest_cache .mypy_cache .ruff_cache .hypothesis
