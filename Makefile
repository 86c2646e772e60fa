# infoview: two commands from a fresh clone —  `make lab`  and  `make test`.
#
#   make lab     create .venv (if missing), install the kit, open JupyterLab on notebooks/
#   make test    create/refresh .venv with the test extra, run every test:
#                unit tests, every notebook (nbval), the browser tests (Voilà + Chromium)
#   make app     serve the network-growth notebook as a Voilà app on 127.0.0.1
#   make lint    ruff
#   make bench   every budget measured in one run; writes benchmarks/RESULTS.md and
#                benchmarks/scaling.png (about 5 minutes on 2 cores)
#
# Variables: PYTHON (python3), VENV (.venv), LAB_ARGS (e.g. --no-browser --port=8888),
# APP_NOTEBOOK, APP_PORT, APP_ARGS, PYTEST_ARGS (e.g. -k quiz, -m "not browser"),
# BENCH_ARGS (e.g. --sizes 100000 --skip notebooks; see benchmarks/run_all.py --help).
# Kernels are never given MPLBACKEND (inline figures would vanish).

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PY := $(BIN)/python

LAB_ARGS ?=
APP_NOTEBOOK ?= notebooks/04_network_growth_and_follow_up.ipynb
APP_PORT ?= 8866
APP_ARGS ?=
PYTEST_ARGS ?=
BENCH_ARGS ?=
NBVAL_CELL_TIMEOUT ?= 300

# Jupyter refuses to run as root unless told; containers often run as root
ALLOW_ROOT := $(if $(filter 0,$(shell id -u)),--allow-root)

# the kit's Voilà template (accessible page chrome) lives in share/jupyter
VOILA_ENV := JUPYTER_PATH="$(CURDIR)/share/jupyter"

.PHONY: help lab test app lint bench
.DEFAULT_GOAL := help

help:
	@sed -n '1,14p' Makefile

# --- the virtual environment -------------------------------------------------------------
# A stamp per install flavour: a re-run with an unchanged pyproject.toml installs nothing.

$(PY):
	$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 10) and "infoview needs Python >= 3.10, this is " + sys.version.split()[0])'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e .
	@touch $@

$(VENV)/.installed-test: pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e ".[test]"
	@touch $@ $(VENV)/.installed

# --- targets ------------------------------------------------------------------------------

lab: $(VENV)/.installed
	env -u MPLBACKEND $(BIN)/jupyter lab notebooks/ $(ALLOW_ROOT) $(LAB_ARGS)

test: $(VENV)/.installed-test
	env -u MPLBACKEND $(PY) -m pytest tests notebooks --nbval-lax --nbval-current-env \
		--nbval-cell-timeout=$(NBVAL_CELL_TIMEOUT) $(PYTEST_ARGS)

app: $(VENV)/.installed
	env -u MPLBACKEND $(VOILA_ENV) $(BIN)/voila --Voila.ip=127.0.0.1 --port=$(APP_PORT) \
		--template=infoview $(APP_NOTEBOOK) $(APP_ARGS)

lint: $(VENV)/.installed-test
	$(BIN)/ruff check .

bench: $(VENV)/.installed
	$(PY) benchmarks/run_all.py $(BENCH_ARGS)
