# The two commands a newcomer needs: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test lint lock install install-dev migrate demo messages browser-deps clean

# Installs reproduce exactly: uv (itself pinned by hash in requirements/uv.txt) installs what
# uv.lock lists, and refuses when the lock no longer matches pyproject.toml (`make lock`).
UV := $(BIN)/uv
export UV_PROJECT_ENVIRONMENT := $(VENV)
export UV_PYTHON_DOWNLOADS := never

$(UV): requirements/uv.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --require-hashes --no-deps -r requirements/uv.txt
	touch $@

# `run` keeps the test tools if they are installed (--inexact); `test` gets exactly the lock.
$(VENV)/.installed: pyproject.toml uv.lock | $(UV)
	$(UV) sync --quiet --locked --inexact --python $(BIN)/python
	touch $@

$(VENV)/.installed-dev: pyproject.toml uv.lock | $(UV)
	$(UV) sync --quiet --locked --extra dev --python $(BIN)/python
	touch $@ $(VENV)/.installed

# Refreshes uv.lock to the newest releases pyproject.toml allows; commit the result.
lock: | $(UV)
	$(UV) lock --upgrade --python $(BIN)/python

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
# One test process per core (pytest-xdist), each with its own test database and media folder;
# a test file stays in one process, the browser tests together and first (tests/conftest.py).
TEST_WORKERS ?= 2
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
	@$(BIN)/pytest -n $(TEST_WORKERS) --dist loadgroup $(PYTEST_ARGS); status=$$?; [ -x $(CHROMIUM) ] || $(SKIPPED_BROWSER_TESTS); exit $$status

messages: install-dev
	$(PY) manage.py makemessages -l de -l en --no-obsolete --ignore=.venv --ignore=node_modules --ignore=tests
	$(PY) manage.py compilemessages --ignore=.venv

clean:
	rm -rf $(VENV) .pytest_cache build dist staticfiles node_modules test-results
