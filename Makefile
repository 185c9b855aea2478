# The two commands: `make run` and `make test`. Everything else is a helper of theirs.
SHELL := /bin/bash
PYTHON ?= python3
UV_VERSION := 0.13.9
UV := $(or $(shell command -v uv 2>/dev/null),.tools/bin/uv)
RUN := $(UV) run --locked
HOST ?= 127.0.0.1
PORT ?= 8000
# The demo lets staff in without a second factor (and says so); tests and production require it.
# Its PDFs and e-mails link to the address it is served on (links there are absolute).
DEMO_ENV := DJANGO_DEBUG=1 DJANGO_MANIFEST_STATIC=0 ALLIANCE_STAFF_2FA=0 \
	DJANGO_PORTAL_BASE_URL=$(or $(DJANGO_PORTAL_BASE_URL),http://$(HOST):$(PORT))
# Tests run on every core; `make test PYTEST_ARGS="tests/centres -x"` runs a part.
PYTEST_ARGS ?= -n auto

.PHONY: run test setup deps venv messages checkers lint worker beat backup restore clean

run: setup  ## set up, load the demo data and serve on 127.0.0.1:8000
	$(DEMO_ENV) $(RUN) python manage.py migrate --noinput
	$(DEMO_ENV) $(RUN) python manage.py load_demo
	$(DEMO_ENV) $(RUN) python manage.py create_demo_staff
	@echo "*** DEMO: the staff second factor is OFF (ALLIANCE_STAFF_2FA=0); production requires it. ***"
	$(DEMO_ENV) $(RUN) python manage.py runserver $(HOST):$(PORT)

test: setup  ## run the whole suite
	$(RUN) pytest $(PYTEST_ARGS)

setup: deps venv messages checkers

deps:
	@scripts/system-deps.sh

$(UV):
	$(PYTHON) -m venv .tools
	.tools/bin/pip install --quiet uv==$(UV_VERSION)

venv: $(UV)
	$(UV) sync --locked --quiet

messages: venv
	@$(DEMO_ENV) $(RUN) python manage.py compilemessages --ignore=.venv --ignore=.tools -v 0

checkers:  ## axe-core and the Nu HTML checker for the browser tests (needs npm)
	@if command -v npm >/dev/null; then \
	  [ node_modules/.package-lock.json -nt package-lock.json ] || npm ci --no-audit --no-fund --loglevel=error; \
	else echo "npm not found: accessibility and HTML checks will be skipped"; fi

lint: venv
	$(RUN) ruff check .

worker: setup  ## a Celery worker (needs CELERY_BROKER_URL or REDIS_URL)
	$(RUN) celery -A alliance worker -l info

beat: setup
	$(RUN) celery -A alliance beat -l info

backup:  ## the database (DATABASE_URL, or db.sqlite3) and media into backups/<UTC time>/
	@scripts/backup.sh

restore:  ## make restore BACKUP=backups/<UTC time>: stop the portal and workers first
	@test -n "$(BACKUP)" || { echo "usage: make restore BACKUP=backups/<UTC time>" >&2; exit 2; }
	@scripts/restore.sh "$(BACKUP)"

clean:
	rm -rf .venv .tools node_modules staticfiles db.sqlite3 media artifacts
