# lagebild: two commands on a fresh machine.
#   make demo   creates .venv, installs lagebild, runs the demo offline
#   make test   installs dev dependencies and system services (PostgreSQL, Chromium, Java), runs the tests
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
PIP    := $(BIN)/pip --disable-pip-version-check -q
PYTEST_ARGS ?=

.PHONY: demo test install dev system-deps lint typecheck fuzz bench model clean-venv

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(PIP) install -e '.[web]'
	touch $@

$(VENV)/.dev-installed: pyproject.toml | $(BIN)/python
	$(PIP) install -e '.[web,postgres,spark,dev]'
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed

dev: $(VENV)/.dev-installed

demo: $(VENV)/.installed
	$(BIN)/lagebild demo

# System packages the integration tests need: PostgreSQL server, Chromium, Java for Spark.
# Installed with apt-get when missing (root or sudo); otherwise those tests skip with a reason.
system-deps:
	@bash scripts/system_deps.sh

test: $(VENV)/.dev-installed system-deps
	bash scripts/run_tests.sh $(PYTEST_ARGS)

lint: dev
	$(BIN)/ruff check src tests scripts bench

typecheck: dev
	$(BIN)/mypy

fuzz: dev
	bash scripts/fuzz.sh

bench: dev
	$(BIN)/python bench/ingest.py
	$(BIN)/python bench/nlp.py

# Retrain the shipped German pipeline from ../shared/data (ship-ok data only).
model: dev
	$(BIN)/pip install -q -e '.[train]'
	$(BIN)/python scripts/train_de.py

clean-venv:
	rm -rf $(VENV)
