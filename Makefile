# Two commands do all the set-up on a fresh Debian machine:
#   make demo   -- the main demo (one logistic neuron, step by step)
#   make test   -- ruff and mypy first, then the whole test suite (PyTorch oracle, demos,
#                  notebook, browser, benchmarks, and the wheel installed alone in a fresh
#                  venv: tests/test_wheel.py)
#   make bench  -- the benchmarks against micrograd and NumPy (about five minutes)
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
# extras for `make test` (bench: tests/test_benchmarks.py checks the benchmarks
# against the PyPI micrograd; lint: ruff and mypy); `make demo` needs only DEMO_EXTRAS (matplotlib)
EXTRAS := test,oracle,demos,notebook,browser,bench,lint,classroom
# what `ruff check` reads (mypy reads [tool.mypy] files in pyproject.toml: the package)
LINT_PATHS := micrograd_cn tests benchmarks scripts demos
DEMO_EXTRAS := demos
# `make docs` also screenshots the layer view in headless chromium
DOCS_EXTRAS := demos,browser

.PHONY: demo test bench docs system-deps test-deps clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Reinstall when pyproject.toml changes.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[$(EXTRAS)]'
	touch $@

$(VENV)/.installed-demo: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[$(DEMO_EXTRAS)]'
	touch $@

$(VENV)/.installed-docs: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[$(DOCS_EXTRAS)]'
	touch $@

system-deps:
	bash scripts/system-deps.sh

# the same plus chromium, for the browser test of the step-through page
test-deps:
	bash scripts/system-deps.sh --test

demo: system-deps $(VENV)/.installed-demo
	$(BIN)/python -m micrograd_cn demo logistic

# A lint or type error fails `make test` (and so CI) before the tests run.
test: test-deps $(VENV)/.installed
	$(BIN)/ruff check $(LINT_PATHS)
	$(BIN)/mypy
	MICROGRAD_CN_REQUIRE_ORACLE=1 $(BIN)/python -m pytest

# README's pictures under docs/, made by the demos themselves (chromium for the screenshot)
docs: test-deps $(VENV)/.installed-docs
	$(BIN)/python scripts/make_docs_images.py

bench: $(VENV)/.installed
	$(BIN)/python benchmarks/vs_micrograd.py
	$(BIN)/python benchmarks/vs_numpy.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .hypothesis .ruff_cache .mypy_cache
