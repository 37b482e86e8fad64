# Front door: `make demo` and `make test` work on a fresh Linux machine with Python 3.11.
PY ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# Byte-code cache kept inside the venv (never beside the sources), also where the shell sets
# PYTHONDONTWRITEBYTECODE: every `ppid` subprocess of the tests then starts from cached byte code.
RUN := env -u PYTHONDONTWRITEBYTECODE PYTHONPYCACHEPREFIX=$(CURDIR)/$(VENV)/pycache

.PHONY: demo test bench lint clean templates

$(STAMP): pyproject.toml
	@command -v $(PY) >/dev/null 2>&1 || { echo "Python 3.11 tidak ditemukan ($(PY)); pasang python3.11 atau jalankan: make PY=python3 ..."; exit 2; }
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	@touch $(STAMP)

demo: $(STAMP)
	$(RUN) $(BIN)/ppid demo demo-out

# Quick profile (< 90 s on 2 idle cores); lint first: ruff, mypy (about 1 s once its cache is warm),
# then import-linter (no import cycle under automation/).
test: lint
	$(RUN) $(BIN)/pytest -n 2 --dist loadgroup

.PHONY: test-long workbook

# Long profile: many more hypothesis examples, kills and larger registers (several minutes).
test-long: $(STAMP)
	$(RUN) PPID_LONG_TESTS=1 $(BIN)/pytest -n 2 --dist loadgroup

# Rebuild workbook/ (reference register, button module, pictures, README) where it differs from `ppid init`.
workbook: $(STAMP)
	$(BIN)/python tools/make_workbook.py

bench: $(STAMP)
	$(RUN) $(BIN)/python -m bench.run

templates: $(STAMP)
	$(BIN)/python tools/make_templates.py
	$(BIN)/python tools/make_report_templates.py

# The wheel IT installs (templates inside) and the Windows install script that goes beside it.
.PHONY: wheel
wheel: $(STAMP)
	rm -rf build dist/ppid-*.whl
	$(BIN)/python -m build --wheel --outdir dist .
	rm -rf build
	cp tools/windows/install.bat dist/

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check automation tests tools bench
	$(BIN)/mypy
	$(BIN)/lint-imports --no-cache

clean:
	rm -rf demo-out .pytest_cache .ruff_cache
