# The two commands a newcomer needs: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test lint install install-dev migrate demo messages check-messages browser-deps clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed

install-dev: $(VENV)/.installed-dev

migrate: install
	$(PY) manage.py migrate --noinput

demo: migrate
	$(PY) manage.py load_demo

run: demo
	$(PY) manage.py dev_admin --address $(HOST):$(PORT)
	$(PY) manage.py runserver $(HOST):$(PORT)

lint: install-dev
	$(BIN)/ruff check .

CHROMIUM := /usr/bin/chromium
SKIPPED_BROWSER_TESTS := echo "*** Browser tests SKIPPED: $(CHROMIUM) is missing (apt-get install -y chromium, or run .ci/run) ***"

# The browser tests' tools (axe-core, vnu-jar), pinned by package-lock.json. --ignore-scripts:
# vnu-jar's install script would download a Java runtime; the machine's Java is used instead.
node_modules: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund
	touch $@

# Debian's Chromium, a Java runtime for the Nu Html Checker and npm (needs root; used by CI).
browser-deps:
	command -v $(CHROMIUM) >/dev/null || { apt-get update -qq && apt-get install -y -qq chromium chromium-driver >/dev/null; }
	command -v java >/dev/null || { apt-get update -qq && apt-get install -y -qq default-jre-headless >/dev/null; }
	command -v npm >/dev/null || { apt-get update -qq && apt-get install -y -qq npm >/dev/null; }
	$(MAKE) --no-print-directory node_modules

test: install-dev lint
	@if [ ! -x $(CHROMIUM) ]; then $(SKIPPED_BROWSER_TESTS); \
	elif command -v npm >/dev/null; then $(MAKE) --no-print-directory node_modules; \
	else echo "*** npm is missing: the axe and HTML checks will be skipped ***"; fi
	DJANGO_SETTINGS_MODULE=smartcity.settings.test $(PY) manage.py check
	DJANGO_SETTINGS_MODULE=smartcity.settings.test $(PY) manage.py makemigrations --check --dry-run --noinput
	@$(BIN)/pytest $(PYTEST_ARGS); status=$$?; [ -x $(CHROMIUM) ] || $(SKIPPED_BROWSER_TESTS); exit $$status

messages: install-dev
	$(PY) manage.py makemessages -l de -l en --no-obsolete --ignore=.venv --ignore=node_modules --ignore=tests
	$(PY) manage.py compilemessages --ignore=.venv

clean:
	rm -rf $(VENV) .pytest_cache .test-media staticfiles node_modules test-results
