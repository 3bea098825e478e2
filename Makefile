# imdi-match: `make run` serves the demo on SQLite; `make test` runs the whole suite.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_WORKERS ?= 2
# The service fails closed (production) unless told otherwise; these commands are for development.
export IMDI_ENVIRONMENT ?= development

.PHONY: run test lint format migrate seed bench install clean chromium client axe

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,scale]'
	@touch $(STAMP)

install: $(STAMP)

migrate: $(STAMP)
	$(BIN)/imdi migrate

seed: migrate
	$(BIN)/imdi seed

# The webhook worker runs beside the server and stops with it.
run: seed
	$(BIN)/imdi webhook-worker & worker=$$!; trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	  $(BIN)/imdi serve --host $(HOST) --port $(PORT)

# The browser tests drive Debian's Chromium (never a downloaded browser): install it when missing,
# if we are root and have apt-get; otherwise they skip (and fail under CI=true).
chromium:
	@command -v chromium >/dev/null || { if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; \
	  then apt-get update && apt-get install -y chromium chromium-driver; \
	  else echo "chromium is not installed: the browser tests will skip"; fi; }

# axe-core for the accessibility check of the pages (tests/web/accessibility.py), pinned by its
# lockfile; without npm the check skips (and fails under CI).
AXE := tests/web/axe/node_modules/axe-core/axe.min.js
axe: $(AXE)
$(AXE): tests/web/axe/package.json tests/web/axe/package-lock.json
	@if command -v npm >/dev/null; then npm ci --prefix tests/web/axe --no-audit --no-fund; \
	  else echo "npm is not installed: the accessibility check will skip"; fi

test: $(STAMP) chromium axe
	$(BIN)/python -m pytest -n $(PYTEST_WORKERS) $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# The typed Python client (clients/python), generated from the OpenAPI document by
# openapi-python-client; tests/clients fails when either is out of date.
client: $(STAMP)
	$(BIN)/imdi openapi --output clients/openapi.json
	PATH="$(CURDIR)/$(BIN):$$PATH" $(BIN)/openapi-python-client generate --path clients/openapi.json \
	  --output-path clients/python --overwrite --meta setup --config clients/openapi-python-client.yaml

bench: $(STAMP)
	$(BIN)/python -m bench.bench_engine

clean:
	rm -rf $(VENV) data .pytest_cache .ruff_cache
