# plankit: two commands do all the set-up on a fresh machine (python3, make, apt).
#   make demo   creates .venv, installs plankit, runs the main job on the bundled plans/
#   make test   the same install, then the whole suite
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
STAMP := $(VENV)/.installed
# Debian packages the tests and the demo use: LibreOffice (docx -> PDF), Tesseract with the
# Vietnamese model (OCR), poppler (pdftotext, pdftoppm), Chromium (report screenshots),
# Liberation fonts (metric-compatible with Times New Roman, with Vietnamese glyphs).
APT_PACKAGES := libreoffice-writer-nogui tesseract-ocr tesseract-ocr-vie poppler-utils chromium fonts-liberation fonts-liberation2
SYSTEM_STAMP := $(VENV)/.system

.PHONY: install system demo test test-fast bench fuzz lab lint docs clean

install: $(STAMP)

$(STAMP): pyproject.toml
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -e '.[lab,dev,dask]'
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

test: install system
	$(VENV)/bin/ruff check plankit tests benchmarks
	$(PY) -m pytest -q tests plankit

test-fast: install
	$(PY) -m pytest -q -m "not slow" tests plankit

bench: install
	$(PIP) install --quiet -e '.[bench]'
	$(PY) -m benchmarks

fuzz: install
	$(PIP) install --quiet -e '.[fuzz]'
	$(PY) -m benchmarks.fuzz --seconds 60

lab: install
	$(VENV)/bin/jupyter lab notebooks/

lint: install
	$(VENV)/bin/ruff check plankit tests benchmarks

docs: install
	$(PY) -m plankit.lint.docs > docs/lint-rules.md

clean:
	rm -rf $(VENV) reports drafts .pytest_cache .hypothesis
