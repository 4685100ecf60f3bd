# Two commands do all the set-up on a fresh Debian machine:
#   make demo   -- the main demo (one logistic neuron, step by step)
#   make test   -- the whole test suite (PyTorch oracle included)
#   make bench  -- the benchmarks against micrograd and NumPy (about three minutes)
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
# bench: tests/test_benchmarks.py checks the benchmarks against the PyPI micrograd
EXTRAS := test,oracle,bench

.PHONY: demo test bench system-deps clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Reinstall when pyproject.toml changes.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[$(EXTRAS)]'
	touch $@

system-deps:
	bash scripts/system-deps.sh

demo: system-deps $(VENV)/.installed
	$(BIN)/python demos/logistic.py

test: system-deps $(VENV)/.installed
	MICROGRAD_CN_REQUIRE_ORACLE=1 $(BIN)/python -m pytest

bench: $(VENV)/.installed
	$(BIN)/python benchmarks/vs_micrograd.py
	$(BIN)/python benchmarks/vs_numpy.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .hypothesis
