# The README's commands. Each target bootstraps .venv itself (and the system libraries Qt needs
# on Debian and Ubuntu), so a fresh clone needs nothing but Python 3.11+ and make.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
RUN_STAMP := $(VENV)/.installed-run
TEST_STAMP := $(VENV)/.installed-test
DIST_STAMP := $(VENV)/.installed-dist
BUNDLE := dist/broadsheet/broadsheet
# What the bundle is built from: rebuilt when any of it changes.
BUNDLE_SOURCES := pyproject.toml $(shell find desktop packaging -type f -not -name '*.pyc')

.PHONY: run test template revision lint typecheck unit bench soak extract-eval wheel lock dist install-desktop uninstall-desktop clean

run: $(RUN_STAMP)
	$(BIN)/broadsheet $(ARGS)

test: $(TEST_STAMP)
	$(BIN)/python tools/build_sample_store.py --if-stale
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/mypy packaging/macos/info_plist.py packaging/babel_data.py
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest $(PYTEST_ARGS)

# The ready-made sample store a new profile starts from (desktop/resources/sample/store.sqlite3),
# built again from the migrations and the sample edition, with its fingerprint beside it. `make
# test` builds it first when the fingerprint says its revision files or edition changed.
template: $(RUN_STAMP)
	$(BIN)/python tools/build_sample_store.py

# The next schema revision, written from what the models say and the revisions do not yet make
# (tools/new_revision.py): MESSAGE="Articles: a subtitle under the title".
revision: $(TEST_STAMP)
	$(BIN)/python tools/new_revision.py "$(MESSAGE)"

bench: $(TEST_STAMP)
	tools/system-deps bench
	$(BIN)/python tests/benchmarks/run.py $(BENCH_ARGS)

# The kill -9 soak: commands (refresh with and without photos, bookmarking, market refresh,
# migration) killed at random moments against local servers, KILLS times; prints how many stores
# were corrupt and what was lost, and fails if anything was. A repeat: SOAK_ARGS="--seed N".
KILLS ?= 20
soak: $(TEST_STAMP)
	$(BIN)/python -m tests.soak.run --kills $(KILLS) $(SOAK_ARGS)

# Full-article extraction scored on the corpus of news pages in tests/fixtures/extraction; fails
# when a figure drops below the floor recorded there. One page in detail: EVAL_ARGS="--page NAME".
extract-eval: $(RUN_STAMP)
	$(BIN)/python tools/extract_eval.py --check $(EVAL_ARGS)

# The wheel, installed into a fresh environment and run from there (packaging/check-wheel).
wheel: $(RUN_STAMP)
	PYTHON=$(PYTHON) BUILDER=$(BIN)/python packaging/check-wheel

# A one-folder, windowed bundle in dist/broadsheet (PyInstaller), checked by its own self-test.
dist: $(BUNDLE)

$(BUNDLE): $(DIST_STAMP) $(BUNDLE_SOURCES)
	$(BIN)/pyinstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller \
		packaging/broadsheet.spec
	$@ --self-test
	@du -sh dist/broadsheet

# Broadsheet in your applications menu, for you only (under $$XDG_DATA_HOME, no root), and out.
install-desktop: $(BUNDLE)
	packaging/linux/install-desktop install

uninstall-desktop:
	packaging/linux/install-desktop uninstall

$(VENV)/bin/python:
	tools/system-deps venv
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Every install takes the versions pinned in requirements.lock (a pip constraints file).
$(RUN_STAMP): pyproject.toml requirements.lock | $(VENV)/bin/python
	tools/system-deps runtime
	$(BIN)/pip install --quiet --constraint requirements.lock -e .
	touch $@

$(TEST_STAMP): pyproject.toml requirements.lock | $(VENV)/bin/python
	tools/system-deps test
	$(BIN)/pip install --quiet --constraint requirements.lock -e '.[test]'
	touch $@ $(RUN_STAMP)

$(DIST_STAMP): pyproject.toml requirements.lock | $(VENV)/bin/python
	tools/system-deps runtime
	$(BIN)/pip install --quiet --constraint requirements.lock -e '.[dist]'
	touch $@ $(RUN_STAMP)

# Pin again the newest versions pyproject.toml allows, resolved in a fresh environment.
lock:
	tools/lock-requirements

clean:
	rm -rf $(VENV) build dist *.egg-info .mypy_cache .ruff_cache .pytest_cache
