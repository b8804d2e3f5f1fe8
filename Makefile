# Pojok Konsultasi: the two commands of the quick start, and a few helpers.
#   make run    set up everything, load demo data, serve on http://127.0.0.1:8000 (SQLite)
#   make test   set up and run the whole test suite (DATABASE_URL=postgres://... for PostgreSQL;
#               PYTEST_ARGS='-m "not browser"' leaves out the browser tests; the tests run on every
#               core (pytest-xdist), PYTEST_WORKERS=0 runs them in one process)

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
DEMO_PASSWORD ?= demo-pojok-2026
DEMO_VISITS ?= 400
HOST ?= 127.0.0.1:8000
PYTEST_WORKERS ?= auto

.PHONY: run test setup migrate seed messages check clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt requirements-test.txt | $(PY)
	$(PY) -m pip install --quiet -r requirements-test.txt
	touch $@

setup: $(VENV)/.installed messages

messages: $(VENV)/.installed
	$(VENV)/bin/pybabel compile --statistics -d locale -D django

migrate: setup
	DEBUG=1 $(PY) manage.py migrate --noinput

seed: migrate
	DEBUG=1 $(PY) manage.py seed_demo --password $(DEMO_PASSWORD) --visits $(DEMO_VISITS) --days 60 --today 12
	DEBUG=1 $(PY) manage.py seed_survey_demo
	DEBUG=1 $(PY) manage.py seed_booking_demo
	DEBUG=1 $(PY) manage.py seed_office_demo --password $(DEMO_PASSWORD)
	DEBUG=1 $(PY) manage.py seed_referral_demo

run: seed
	@echo "Pojok Konsultasi berjalan di http://$(HOST)/  (Ctrl+C untuk berhenti)"
	DEBUG=1 $(PY) manage.py runserver $(HOST)

test: setup
	$(PY) -m pytest -n $(PYTEST_WORKERS) $(PYTEST_ARGS)

check: setup
	DEBUG=1 $(PY) manage.py makemigrations --check --dry-run
	$(VENV)/bin/ruff check .

clean:
	rm -rf $(VENV) staticfiles locale/*/LC_MESSAGES/*.mo

# The load test (loadtest/README.md): locust in its own venv, so the app's stays lean.
#   make load           one gunicorn, 3 minutes of a busy day
#   make load-cluster   the same day through nginx on two gunicorns, one killed and restarted mid-run
LOAD_VENV := .venv-load
.PHONY: load load-cluster

$(LOAD_VENV)/.installed: loadtest/requirements.txt
	$(PYTHON) -m venv $(LOAD_VENV)
	$(LOAD_VENV)/bin/pip install --quiet -r loadtest/requirements.txt
	touch $@

load: setup $(LOAD_VENV)/.installed
	loadtest/run

load-cluster: setup $(LOAD_VENV)/.installed
	loadtest/cluster/run

# A longer hunt for bad input than the test suite's (tests/trust/fuzz): 300 examples per form.
.PHONY: fuzz
fuzz: setup
	HYPOTHESIS_PROFILE=thorough $(PY) -m pytest -q tests/trust/fuzz --hypothesis-show-statistics
