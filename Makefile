# Two commands on a fresh machine: `make run` and `make test`. Everything else follows from them.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
# What is installed comes from the lock files in requirements/, pinned with hashes (`make lock`).
LOCK := requirements/test.txt
BENCH_LOCK := requirements/bench.txt
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml $(LOCK) | cksum | cut -d' ' -f1)
HOST ?= 127.0.0.1
PORT ?= 8000
DEV_ENV := DEBUG=1
BENCH_STAMP := $(VENV)/.bench-installed-$(shell cksum $(BENCH_LOCK) | cut -d' ' -f1)
# The browser tests drive Debian's Chromium: Playwright cannot download its own browsers here.
CHROMIUM ?= /usr/bin/chromium
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)
# The Redis tests start their own throwaway server (tests/redis_server.py).
REDIS_SERVER ?= /usr/bin/redis-server

.PHONY: install lock translations run test lint test-postgres test-postgres-redis smoke smoke-two-servers bench bench-postgres migrate fixtures clean

# The project itself goes in without dependencies (an editable install cannot be hash-checked);
# pip check then fails if pyproject.toml asks for something the lock does not have.
$(STAMP): pyproject.toml $(LOCK)
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet --require-hashes -r $(LOCK)
	$(PY) -m pip install --quiet --no-deps -e .
	$(PY) -m pip check
	@rm -f $(VENV)/.installed-*
	@touch $@

install: $(STAMP)

$(CHROMIUM):
	$(SUDO) apt-get update
	$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium fonts-dejavu-core

$(REDIS_SERVER):
	$(SUDO) apt-get update
	$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends redis-server

$(BENCH_STAMP): $(STAMP) $(BENCH_LOCK)
	$(PY) -m pip install --quiet --require-hashes -r $(BENCH_LOCK)
	@rm -f $(VENV)/.bench-installed-*
	@touch $@

# Writes the lock files from the ranges in pyproject.toml, with uv (in a venv of its own). Pins that
# still fit are kept; `make lock LOCK_FLAGS=--upgrade` takes the newest versions. Production and
# bench take the test lock's versions as constraints, so they install what CI tested.
UV := $(VENV)/uv/bin/uv
LOCK_COMPILE = $(UV) pip compile pyproject.toml --quiet --generate-hashes --python-version 3.11 --custom-compile-command "make lock" $(LOCK_FLAGS)

$(UV):
	$(PYTHON) -m venv $(VENV)/uv
	$(VENV)/uv/bin/pip install --quiet 'uv>=0.13,<0.14'

lock: $(UV)
	$(LOCK_COMPILE) --extra dev --extra postgres --extra production -o $(LOCK)
	$(LOCK_COMPILE) --extra production -c $(LOCK) -o requirements/production.txt
	$(LOCK_COMPILE) --extra dev --extra postgres --extra production --extra bench -c $(LOCK) -o $(BENCH_LOCK)

# The .po files are committed; their .mo files are made here (with polib, no GNU gettext needed).
translations: install
	$(DEV_ENV) $(PY) manage.py compiletranslations

migrate: translations
	$(DEV_ENV) $(PY) manage.py migrate --noinput

fixtures: migrate
	@for fixture in fixtures/*.json; do \
	  [ -e "$$fixture" ] || continue; \
	  $(DEV_ENV) $(PY) manage.py loaddata "$$fixture"; \
	done

run: fixtures
	@echo "Pestgesprek draait op http://$(HOST):$(PORT)/  (stoppen: Ctrl+C)"
	$(DEV_ENV) $(PY) manage.py runserver $(HOST):$(PORT)

test: translations $(CHROMIUM) $(REDIS_SERVER)
	CHROMIUM=$(CHROMIUM) $(PY) -m pytest

# Security lint: any finding of medium or high severity fails. A false positive gets
# "# nosec BXXX # why" on its line.
lint: install
	$(VENV)/bin/bandit -q -r wizard pestgesprek -ll

# Benchmarks, not tests: they write docs/benchmarks.md and docs/capacity.md and assert nothing.
# They start their own throwaway redis-server and PostgreSQL 15 (scripts/with_postgres.sh).
bench: $(BENCH_STAMP) translations $(CHROMIUM) $(REDIS_SERVER)
	CHROMIUM=$(CHROMIUM) $(PY) -m bench

# Only the bytes per draft and SQL statements per request in a throwaway PostgreSQL (make bench runs it too).
bench-postgres: $(BENCH_STAMP) translations
	scripts/with_postgres.sh $(PY) -m bench.postgres_size

# The same suite against a throwaway PostgreSQL 15 that the script starts and removes.
test-postgres: translations $(CHROMIUM) $(REDIS_SERVER)
	CHROMIUM=$(CHROMIUM) scripts/with_postgres.sh $(PY) -m pytest

# The suite as production runs: PostgreSQL, and Redis as the shared cache. The browser tests
# ran in `make test` already; what they check does not depend on the database or the cache.
test-postgres-redis: translations $(REDIS_SERVER)
	scripts/with_postgres.sh scripts/with_redis.sh $(PY) -m pytest -m "not browser"

# Two gunicorn instances sharing one PostgreSQL and one Redis: one parent alternates between them.
smoke-two-servers: translations
	scripts/with_postgres.sh scripts/with_redis.sh $(PY) scripts/smoke_two_servers.py

# gunicorn with production settings: start page, one saved step and a PDF over real HTTP.
smoke: translations
	$(PY) scripts/smoke_gunicorn.py

clean:
	rm -rf $(VENV) staticfiles db.sqlite3 .pytest_cache .hypothesis test-results
