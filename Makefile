# argmap: `make demo` and `make test` do all their own set-up on a fresh machine.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test lint typecheck pytest wheel-check docs bench graphviz system clean images

# The article is not shipped: `make demo ARGMAP_ARTICLE=FILE` verifies the quotes against it.
demo: $(STAMP) graphviz
	$(BIN)/python examples/turkey_s400.py -o build/turkey_s400.svg

test: $(STAMP) system lint typecheck pytest docs wheel-check

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(BIN)/mypy --strict argmap

pytest: $(STAMP)
	$(BIN)/python -m pytest

images: $(STAMP) graphviz
	$(BIN)/python examples/turkey_s400.py --no-page -o docs/images/turkey_s400.svg
	$(BIN)/python examples/turkey_s400.py --no-page --semantics grounded -o docs/images/turkey_s400_evaluated.svg

# The documentation site, into build/site; --strict fails on any broken link or reference.
docs: $(STAMP) graphviz
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict

# Release check: build the sdist and wheel, install the wheel in a fresh virtualenv, use it.
wheel-check: $(STAMP)
	PYTHON=$(BIN)/python bash tools/check_wheel.sh

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_core.py

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,docs]'
	touch $@

# Graphviz's `dot` renders the diagrams: install it when it is missing and we are root.
graphviz:
	@sh tools/install-system.sh dot

# The tests also drive Debian's Chromium (through Playwright): one apt-get for both.
# Without Chromium (not root, no apt) the browser tests skip and say why; without `dot`
# nothing goes on.
system:
	@sh tools/install-system.sh dot chromium || command -v dot >/dev/null

clean:
	rm -rf $(VENV) build .pytest_cache .mypy_cache .ruff_cache .hypothesis
