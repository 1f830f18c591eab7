# plankit: two commands do all the set-up on a fresh machine (python3, make, apt).
#   make demo   creates .venv, installs plankit, runs the main job on the bundled plans/
#   make test   the same install, then the whole suite
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
STAMP := $(VENV)/.installed
UV := $(VENV)/bin/uv
# Debian packages the tests and the demo use: LibreOffice (docx -> PDF), Tesseract with the
# Vietnamese model (OCR), poppler (pdftotext, pdftoppm), Chromium (report screenshots),
# Liberation fonts (metric-compatible with Times New Roman, with Vietnamese glyphs).
APT_PACKAGES := libreoffice-writer-nogui tesseract-ocr tesseract-ocr-vie poppler-utils chromium fonts-liberation fonts-liberation2
SYSTEM_STAMP := $(VENV)/.system

.PHONY: install system demo test test-fast bench fuzz lab lint docs clean

install: $(STAMP)

# uv installs the packages (pip took 4-6 minutes of CI's 10 for the hundred-odd wheels, uv takes
# under a minute cold and seconds from its cache, ~/.cache/uv); pip stays in the venv for users.
# What the tests need only: JupyterLab (the lab extra) is installed by `make lab`. Packages are
# not byte-compiled at install: Python compiles what it imports, once (see `test` below).
# An existing venv is only topped up: uv skips what is installed and unchanged.
$(STAMP): pyproject.toml
	test -x $(PIP) || $(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip uv
	$(UV) pip install --quiet --python $(PY) -e '.[report,dev,dask]'
	touch $(STAMP)

# Installs the Debian packages that are missing, when apt is there; says what is missing otherwise.
system: $(SYSTEM_STAMP)

$(SYSTEM_STAMP): Makefile
	@mkdir -p $(VENV)
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
	    echo "installing Debian packages:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	  elif command -v sudo >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then \
	    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	  else echo "warning: missing system packages:$$missing (tests that need them are skipped)"; fi; \
	fi
	@touch $(SYSTEM_STAMP)

demo: install system
	$(VENV)/bin/plankit demo --force

# The suite in two phases (tests/conftest.py says why): first everything that may share the
# machine, on one pytest-xdist worker per core; then, alone, the size-scaling tests, which compare
# times and so must not share the cores with other tests.
# Python writes the .pyc of what it imports (faster starts of the many subprocesses the tests run).
test: export PYTHONDONTWRITEBYTECODE=
test: install system
	$(VENV)/bin/ruff check plankit tests benchmarks
	$(PY) -m pytest -q -n auto --dist loadfile --no-loadscope-reorder -m "not serial" tests plankit
	$(PY) -m pytest -q -p no:xdist tests/scaling.py $(wildcard tests/test_*scaling*.py)

test-fast: install
	$(PY) -m pytest -q -n auto --dist loadfile --no-loadscope-reorder -m "not slow and not serial" tests plankit

# Benchmarks run as users do, with byte-code written once (some machines export
# PYTHONDONTWRITEBYTECODE, which makes every worker process compile what it imports).
bench: export PYTHONDONTWRITEBYTECODE=
bench: install
	$(UV) pip install --quiet --python $(PY) -e '.[bench]'
	$(PY) -m benchmarks all

fuzz: install
	$(UV) pip install --quiet --python $(PY) -e '.[fuzz]'
	$(PY) -m benchmarks.fuzz --seconds 60

lab: install
	$(UV) pip install --quiet --python $(PY) -e '.[lab]'
	$(VENV)/bin/jupyter lab notebooks/

lint: install
	$(VENV)/bin/ruff check plankit tests benchmarks

docs: install
	$(PY) -m plankit.lint.docs > docs/lint-rules.md

clean:
	rm -rf $(VENV) reports drafts .pytest_cache .hypothesis
