# Targets follow pelican-quickstart's Makefile; the first build or test on a fresh
# machine creates .venv and installs the pinned dependencies into it.

PY ?= python3
VENV ?= $(CURDIR)/.venv
PYTHON := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed

INPUTDIR = $(CURDIR)/content
OUTPUTDIR ?= $(CURDIR)/output
# The preview's own folder: make html and make publish never write it, and it never
# holds what the site no longer has (tools/preview_copy.py).
PREVIEWDIR ?= $(CURDIR)/preview
CONFFILE = $(CURDIR)/pelicanconf.py
PUBLISHCONF = $(CURDIR)/publishconf.py
PELICANOPTS ?=
# Where a build writes its compliance report: beside the output folder (MEDICAL_REPORT_FILE).
REPORT = $(dir $(OUTPUTDIR))compliance-report.json
PORT ?= 8000
BIND ?= 127.0.0.1

# Upload targets (pelican-quickstart's): set these on the command line or in the environment.
SSH_HOST ?= localhost
SSH_PORT ?= 22
SSH_USER ?= www
SSH_TARGET_DIR ?= /var/www/patients
GITHUB_PAGES_BRANCH ?= gh-pages
GITHUB_PAGES_COMMIT_MESSAGE ?= Publish the site
# Plain log lines on CI (no terminal), coloured columns at a terminal.
LOG_HANDLER ?= $(if $(CI),plain,rich)

.PHONY: help html check publish serve devserver regenerate test test-fast lint lint-types clean install browser-tools audit screenshots rsync_upload github bench labels reminders approvals review

help:
	@echo 'make html        build the site into output/ (published only if every check passes)'
	@echo 'make serve       preview at http://$(BIND):$(PORT)/ from preview/, rebuilding on save'
	@echo 'make check       the checks of make html, publishing nothing (the pre-commit hook)'
	@echo 'make publish     build with publishconf.py into output/'
	@echo 'make rsync_upload  publish, then rsync output/ to SSH_USER@SSH_HOST:SSH_TARGET_DIR'
	@echo 'make github      publish, then push output/ to the GITHUB_PAGES_BRANCH with ghp-import'
	@echo 'make test        lint, then the whole test suite (what CI runs)'
	@echo 'make test-fast   the unit lane: no browser, validators or many builds (under 30 s)'
	@echo 'make lint        ruff (lint and format) and mypy'
	@echo 'make audit       Lighthouse scores of four page types (a benchmark)'
	@echo 'make bench       build-time benchmark at 100, 1,000 and 5,000 pages (BENCH_SIZES=...)'
	@echo 'make screenshots PNGs of every page type at 360 and 1280 px in screenshots/'
	@echo 'make labels      compare the drug label registry with openFDA (needs the network)'
	@echo 'make reminders   list the reviews due within 30 days and the labels to check (reminder.json)'
	@echo 'make review      a review packet for each medical page changed since its review, in review/'
	@echo 'make approvals   on a pull request on GitHub Actions: has each changed page's reviewer approved?'
	@echo 'make clean       remove output/ and caches'

$(INSTALLED): requirements.txt plugins/medical-content/pyproject.toml
	$(PY) -m venv $(VENV)
	$(PYTHON) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

# axe-core, the Nu HTML Checker and Lighthouse, at the versions package-lock.json pins.
NODE_INSTALLED := node_modules/.installed
$(NODE_INSTALLED): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# The browser gates need Debian's Chromium, and Java for the Nu HTML Checker.
browser-tools:
	@if ! command -v $${CHROMIUM_PATH:-chromium} >/dev/null || ! command -v java >/dev/null; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium default-jre-headless >/dev/null; \
	  else \
	    echo "make test needs Chromium and Java: run 'sudo apt-get install chromium default-jre-headless'"; exit 1; \
	  fi; \
	fi

install: $(INSTALLED) $(NODE_INSTALLED) browser-tools

html: $(INSTALLED)
	$(PYTHON) tools/build.py "$(CONFFILE)" "$(OUTPUTDIR)" --log-handler $(LOG_HANDLER)

# What the pre-commit hook runs when a commit changes content/: the build of make html
# into a temporary folder, removed afterwards (output/ is left as it is).
check: $(INSTALLED)
	$(PYTHON) tools/check_site.py "$(CONFFILE)" --log-handler $(LOG_HANDLER)

publish: $(INSTALLED)
	$(PYTHON) tools/build.py "$(PUBLISHCONF)" "$(OUTPUTDIR)" --log-handler $(LOG_HANDLER)

# A preview only: it builds each save in cache/preview/ and copies into preview/ (its own
# folder, never output/) what passed the checks; the browser shows the problems of a save
# that did not.
serve devserver: $(INSTALLED)
	$(PYTHON) tools/serve.py "$(CONFFILE)" "$(INPUTDIR)" "$(PREVIEWDIR)" --port $(PORT) --bind $(BIND) --log-handler $(LOG_HANDLER)

regenerate: $(INSTALLED)
	$(PYTHON) -m pelican -r "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(CONFFILE)" $(PELICANOPTS)

test: lint $(INSTALLED) $(NODE_INSTALLED) browser-tools
	$(PYTHON) -m pytest

test-fast: $(INSTALLED)
	$(PYTHON) -m pytest -m "not slow"

# Mistakes, not taste (the plugin's pyproject.toml says which rules), the code's format,
# no function above radon's grade C (xenon), the plugin's layers (no import circle, no
# import from a later layer: tests/test_layers.py), and types (mypy). .pre-commit-config.yaml runs the same on each commit.
lint: $(INSTALLED)
	$(VENV)/bin/ruff check plugins tools tests bench
	$(VENV)/bin/ruff format --check plugins tools tests bench
	$(VENV)/bin/xenon --max-absolute C plugins tools tests bench
	$(PYTHON) -m pytest -q -p no:cacheprovider plugins/medical-content/pelican/plugins/medical_content/tests/test_layers.py
	$(MAKE) --no-print-directory lint-types

lint-types: $(INSTALLED)
	cd plugins/medical-content && $(VENV)/bin/mypy
	$(VENV)/bin/mypy plugins/site_build plugins/markdown_tables.py
	$(VENV)/bin/mypy --explicit-package-bases tools

# Only ever uploads a site that `make publish` built and checked, and never an unreviewed
# preview (tools/publishable.py).
rsync_upload: publish
	$(PYTHON) tools/publishable.py "$(OUTPUTDIR)"
	rsync -e "ssh -p $(SSH_PORT)" -P -rvzc --delete "$(OUTPUTDIR)"/ "$(SSH_USER)@$(SSH_HOST):$(SSH_TARGET_DIR)"

github: publish
	$(PYTHON) tools/publishable.py "$(OUTPUTDIR)"
	$(PYTHON) -m ghp_import -m "$(GITHUB_PAGES_COMMIT_MESSAGE)" -b $(GITHUB_PAGES_BRANCH) --no-jekyll "$(OUTPUTDIR)"
	git push origin $(GITHUB_PAGES_BRANCH)

# Lighthouse on four page types of a production build; a benchmark, not part of `make test`.
audit: $(INSTALLED) $(NODE_INSTALLED) browser-tools
	$(PYTHON) tools/audit.py

# How the pipeline scales (synthetic sites of 100, 1,000 and 5,000 pages); not part of `make test`.
bench: $(INSTALLED)
	$(PYTHON) -m pip install --quiet --disable-pip-version-check -r bench/requirements.txt
	$(PYTHON) bench/run.py $(BENCH_SIZES)

# The label registry against openFDA's current labels: what the scheduled workflow runs.
labels: $(INSTALLED)
	$(PYTHON) tools/label_updates.py

# The weekly reminder's list (.github/workflows/reminders.yml): a build's compliance report
# (the checks of make html; a build with problems still writes it), then the reviews due
# or overdue and the labels to check, into reminder.json (tools/review_reminders.py).
reminders: $(INSTALLED)
	rm -f "$(REPORT)" reminder.json
	-$(PYTHON) tools/build.py "$(CONFFILE)" "$(OUTPUTDIR)" --log-handler $(LOG_HANDLER)
	$(PYTHON) tools/review_reminders.py "$(REPORT)" --out reminder.json

# The review packet of each medical page whose text changed since its review: open
# review/index.html. The site built for them goes to cache/review-site/, not output/.
review: $(INSTALLED)
	$(PYTHON) tools/build.py "$(CONFFILE)" "$(CURDIR)/cache/review-site" --review-packets "$(CURDIR)/review" --log-handler $(LOG_HANDLER)

# On a pull request on GitHub Actions, after make publish: whether each changed medical
# page's reviewer approved it (tools/review_approvals.py); elsewhere, nothing to check.
approvals: $(INSTALLED)
	$(PYTHON) tools/review_approvals.py

# PNGs of every page type at 360 and 1280 px, in screenshots/.
screenshots: $(INSTALLED) browser-tools
	$(PYTHON) tools/screenshots.py

clean:
	rm -rf "$(OUTPUTDIR)" "$(PREVIEWDIR)" cache review .pytest_cache screenshots compliance-report.json reminder.json
	find . -name __pycache__ -not -path './.venv/*' -prune -exec rm -rf {} +
