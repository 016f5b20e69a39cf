# The two set-up commands: `make run` serves the journal, `make test` checks it.
# `make run` reads optional local settings from .env.local; .env is the
# docker-compose stack's.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PORT ?= 8000
POSTGRES_TEST_URL ?= postgres://postgres@127.0.0.1:5432/test
# Lessons whose tests run a second time on PostgreSQL.
POSTGRES_LESSONS ?= lessons/lesson02_orm lessons/lesson03_celery lessons/lesson05_rest_api

.PHONY: run test lint format install install-dev migrate clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.runtime: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@ $(VENV)/.runtime

install: $(VENV)/.runtime
install-dev: $(VENV)/.dev

migrate: install
	$(BIN)/python manage.py migrate --noinput

run: migrate
	$(BIN)/python manage.py load_catalogue
	@echo "Serving the journal on http://127.0.0.1:$(PORT)/ (Ctrl-C stops it all)"
	PATH="$(abspath $(BIN)):$$PATH" $(BIN)/honcho start --procfile Procfile --port $(PORT) --env .env.local

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install-dev
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

test: lint
	$(BIN)/python -m pytest
	DATABASE_URL=$(POSTGRES_TEST_URL) $(BIN)/python -m pytest $(POSTGRES_LESSONS)

clean:
	rm -rf $(VENV) staticfiles test-artifacts .celery
