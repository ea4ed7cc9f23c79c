# Two commands on a fresh machine: `make run` and `make test`. Everything else follows from them.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)
HOST ?= 127.0.0.1
PORT ?= 8000
DEV_ENV := DEBUG=1
BENCH_STAMP := $(VENV)/.bench-installed-$(shell cksum pyproject.toml | cut -d' ' -f1)
# The browser tests drive Debian's Chromium: Playwright cannot download its own browsers here.
CHROMIUM ?= /usr/bin/chromium
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)
# The Redis tests start their own throwaway server (tests/redis_server.py).
REDIS_SERVER ?= /usr/bin/redis-server

.PHONY: install translations run test test-postgres test-postgres-redis smoke smoke-two-servers bench bench-postgres migrate fixtures clean

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev,postgres,production]'
	@rm -f $(VENV)/.installed-*
	@touch $@

install: $(STAMP)

$(CHROMIUM):
	$(SUDO) apt-get update
	$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium fonts-dejavu-core

$(REDIS_SERVER):
	$(SUDO) apt-get update
	$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends redis-server

$(BENCH_STAMP): $(STAMP)
	$(PY) -m pip install --quiet -e '.[dev,postgres,bench]'
	@rm -f $(VENV)/.bench-installed-*
	@touch $@

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

# The whole suite as production runs: PostgreSQL and Redis as the shared cache.
test-postgres-redis: translations $(CHROMIUM) $(REDIS_SERVER)
	CHROMIUM=$(CHROMIUM) scripts/with_postgres.sh scripts/with_redis.sh $(PY) -m pytest

# Two gunicorn instances sharing one PostgreSQL and one Redis: one parent alternates between them.
smoke-two-servers: translations
	scripts/with_postgres.sh scripts/with_redis.sh $(PY) scripts/smoke_two_servers.py

# gunicorn with production settings: start page, one saved step and a PDF over real HTTP.
smoke: translations
	$(PY) scripts/smoke_gunicorn.py

clean:
	rm -rf $(VENV) staticfiles db.sqlite3 .pytest_cache .hypothesis test-results
