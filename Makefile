# Targets follow pelican-quickstart's Makefile; the first build or test on a fresh
# machine creates .venv and installs the pinned dependencies into it.

PY ?= python3
VENV ?= $(CURDIR)/.venv
PYTHON := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed

INPUTDIR = $(CURDIR)/content
OUTPUTDIR ?= $(CURDIR)/output
CONFFILE = $(CURDIR)/pelicanconf.py
PUBLISHCONF = $(CURDIR)/publishconf.py
PELICANOPTS ?=
PORT ?= 8000
BIND ?= 127.0.0.1
# Plain log lines on CI (no terminal), coloured columns at a terminal.
LOG_HANDLER ?= $(if $(CI),plain,rich)

.PHONY: help html publish serve devserver regenerate test clean install

help:
	@echo 'make html        build the site into output/ (published only if every check passes)'
	@echo 'make serve       preview at http://$(BIND):$(PORT)/, rebuilding on save'
	@echo 'make publish     build with publishconf.py into output/'
	@echo 'make test        run the test suite'
	@echo 'make clean       remove output/ and caches'

$(INSTALLED): requirements.txt
	$(PY) -m venv $(VENV)
	$(PYTHON) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

install: $(INSTALLED)

html: $(INSTALLED)
	$(PYTHON) tools/build.py "$(CONFFILE)" "$(OUTPUTDIR)" --log-handler $(LOG_HANDLER)

publish: $(INSTALLED)
	$(PYTHON) tools/build.py "$(PUBLISHCONF)" "$(OUTPUTDIR)" --log-handler $(LOG_HANDLER)

# A preview only: it writes straight into output/ as files change.
serve devserver: $(INSTALLED)
	$(PYTHON) -m pelican -lr "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(CONFFILE)" -p $(PORT) -b $(BIND) $(PELICANOPTS)

regenerate: $(INSTALLED)
	$(PYTHON) -m pelican -r "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(CONFFILE)" $(PELICANOPTS)

test: $(INSTALLED)
	$(PYTHON) -m pytest

clean:
	rm -rf "$(OUTPUTDIR)" cache .pytest_cache
	find . -name __pycache__ -not -path './.venv/*' -prune -exec rm -rf {} +
