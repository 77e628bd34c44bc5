# Quick start: `make site` builds the site into site/, `make test` runs every test.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MKDOCS := NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs

.PHONY: site serve test check browser fonts clean translations bundle bench gift scorm pins

# PDF=yes: the PDF downloads (WeasyPrint, cached in .cache/pdf); `make serve` leaves them out.
# VERBOSE=1 shows MkDocs' and the language plugin's routine INFO lines, hidden by default.
site: $(VENV)/.site-installed fonts
	PDF=yes ELEARNING_VERBOSE=$(VERBOSE) $(if $(SITE_URL),SITE_URL=$(SITE_URL)) $(MKDOCS) build --strict
	@echo
	@echo "The site is in $(CURDIR)/site/"
	@echo "  Open it from disk:  site/index.html (double-click, or a USB stick; no server needed)"
	@echo "  Or preview it:      make serve   (then http://127.0.0.1:8000/)"

# Live preview of the language being edited: English is always built (it is the source),
# PREVIEW=az or PREVIEW=ru adds that language, PREVIEW=all builds all three as `make site` does.
PREVIEW ?= en
serve: $(VENV)/.site-installed
	@echo "Live preview ($(PREVIEW)). MkDocs does not reload hook code: restart 'make serve' after editing hooks/."
	BUILD_AZ=$(if $(filter az all,$(PREVIEW)),true,false) BUILD_RU=$(if $(filter ru all,$(PREVIEW)),true,false) \
	  PDF=no $(MKDOCS) serve --livereload

# The tests run in TEST_WORKERS processes (pytest-xdist), a whole test file in each at a
# time, in the order tests/conftest.py sets (the files that need the real site last, while
# it builds in the background); 2 fits the 2-core CI machine, TEST_WORKERS=0 runs them in
# this process.
TEST_WORKERS ?= 2
test: $(VENV)/.test-installed node_modules/.installed browser fonts
	$(BIN)/ruff check hooks tests tools bench
	$(BIN)/python -m pytest -n $(TEST_WORKERS) --dist loadfile --no-loadscope-reorder

# The fast tier for authors (under a minute): the domain, the Markdown syntax and the content
# rules, then one strict build that checks the content in every language and renders English.
check: $(VENV)/.test-installed
	$(BIN)/ruff check hooks tests tools bench
	$(BIN)/python -m pytest -q -p no:cacheprovider tests/domain tests/markdown tests/content
	BUILD_AZ=false BUILD_RU=false $(MKDOCS) build --strict -q --site-dir $(CURDIR)/.check-site
	@rm -rf $(CURDIR)/.check-site $(CURDIR)/.check-site-server
	@echo "make check: passed (make test runs everything, make site builds every language)"

# The benchmark (not part of `make test`): ratios against baselines measured in the same run.
# LIGHTHOUSE=1 adds Lighthouse (installs lighthouse@12.2.3 into bench/.cache from npm);
# BENCH_ARGS passes options to bench/run.py (--write, --runs N, --scaling-runs N, --no-scaling).
bench: $(VENV)/.site-installed $(if $(LIGHTHOUSE),browser)
	$(BIN)/python bench/run.py $(if $(LIGHTHOUSE),--lighthouse) $(BENCH_ARGS)

# The package for the coordinator's IT team: dist/ct-elearning-<version>-<date>.zip
# It stops while the site is built for the example address: set site_url in mkdocs.yml, or
#   make bundle SITE_URL=https://<portal>/elearning/
bundle: site gift scorm
	$(BIN)/python tools/bundle.py

# For learning platforms (Moodle...): question banks dist/gift/ct-<audience>-<lang>.gift, and
# SCORM 1.2 packages dist/scorm/ct-<audience>-<lang>-scorm12.zip made from the built site.
gift: $(VENV)/.site-installed
	PYTHONPATH=hooks $(BIN)/python -m elearning.exports_cli gift

scorm: site
	PYTHONPATH=hooks $(BIN)/python -m elearning.exports_cli scorm --site site

# What to translate or update, per language. After a translator has updated a file:
#   make translations STAMP=curriculum/modules/referral.az.md
# Several at once: make translations STAMP="curriculum/modules/a.az.md curriculum/modules/a.ru.md"
# Each file to update is listed with the English paragraphs changed since (from git history).
# Once, when the project starts using the marks: make translations STAMP_ALL_CURRENT=yes
translations: $(VENV)/.site-installed
	@PYTHONPATH=hooks $(BIN)/python -m elearning.translations_cli \
	  $(if $(STAMP),--stamp $(STAMP)) $(if $(STAMP_ALL_CURRENT),--stamp-all-current)

# Debian's Chromium (Playwright never downloads a browser of its own), pdfinfo for print
# page counts, nginx to serve the site with its Content-Security-Policy.
browser:
	@if ! command -v chromium >/dev/null || ! command -v pdfinfo >/dev/null || ! test -x /usr/sbin/nginx; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium poppler-utils nginx >/dev/null; \
	  else \
	    echo "Install Debian's chromium, poppler-utils and nginx for the browser tests (skipped without them)"; \
	  fi; \
	fi

# The PDFs embed DejaVu Sans (every Azerbaijani and Russian letter): Debian's
# fonts-dejavu-core, installed here when run as root (most Debian/Ubuntu machines have it).
fonts:
	@if ! ls /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf /usr/local/share/fonts/DejaVuSans.ttf 2>/dev/null | grep -q .; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-dejavu-core >/dev/null; \
	  else \
	    echo "The PDFs need the DejaVu fonts: run 'sudo make fonts' (or: sudo apt-get install fonts-dejavu-core)"; \
	  fi; \
	fi

# The Nu HTML checker, from the npm registry (it runs on the machine's Java).
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.site-installed: requirements.txt | $(BIN)/python
	$(BIN)/python -m pip install -q -r requirements.txt
	touch $@

$(VENV)/.test-installed: requirements-test.txt requirements.txt $(VENV)/.site-installed
	$(BIN)/python -m pip install -q -r requirements-test.txt
	touch $@

# requirements.txt and requirements-test.txt, every package pinned with its hashes (pip
# checks them when it installs), compiled from the packages the project uses directly in
# requirements.in and requirements-test.in. After editing an .in file: make pins, then
# commit both files (docs/upgrading.md). PINS_ARGS passes options to pip-compile, for
# example PINS_ARGS="--upgrade-package certifi".
PIP_COMPILE := CUSTOM_COMPILE_COMMAND="make pins" $(BIN)/pip-compile -q --generate-hashes \
  --allow-unsafe --strip-extras --no-emit-index-url --no-emit-find-links $(PINS_ARGS)
pins: $(VENV)/.test-installed
	$(PIP_COMPILE) -o requirements.txt requirements.in
	$(PIP_COMPILE) -o requirements-test.txt requirements-test.in

clean:
	rm -rf site site-server
