# Two commands do all set-up on a fresh machine with Python 3.11+ and make:
#   make serve   builds and serves the site on http://localhost:8000
#   make test    runs every test
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
# The npm test tools (axe-core, html_codesniffer, vnu-jar) from package-lock.json; only when npm is there, else their tests skip.
NODE_INSTALLED := node_modules/.installed
NODE_TOOLS := $(if $(shell command -v npm),$(NODE_INSTALLED))

.PHONY: install serve build test validate generate bench clean

# pip installs uv (pinned in constraints.txt), and uv the pinned packages: it fetches and installs them side by
# side, in a quarter of pip's time on a fresh machine, and the installed versions are the same.
$(INSTALLED): pyproject.toml constraints.txt
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "Python 3.11 of nieuwer is nodig; gevonden: $$($(PYTHON) --version 2>&1)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	PIP_CONSTRAINT=constraints.txt $(BIN)/python -m pip install --quiet --disable-pip-version-check uv
	$(BIN)/uv pip install --quiet --python $(BIN)/python --constraint constraints.txt -e '.[dev]'
	touch $(INSTALLED)

install: $(INSTALLED)

# --ignore-scripts: vnu-jar's install script would try to download a Java runtime; the machine's Java is used.
$(NODE_INSTALLED): package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $(NODE_INSTALLED)

serve: $(INSTALLED)
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs serve --dev-addr localhost:8000 --livereload

build: $(INSTALLED)
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build

# lint-imports first: the pipeline's direction (pyproject.toml, [tool.importlinter]) fails fast.
# The tests run on TEST_WORKERS processes (pytest-xdist), each test file whole on one of them, so a file's
# own site is built once (a file may ask to be split by a parameter: tests/conftest.py); the repository's site
# is built once for all (tests/sites.py). TEST_WORKERS=0 runs them in this one process.
TEST_WORKERS ?= 2
test: $(INSTALLED) $(NODE_TOOLS)
	$(BIN)/lint-imports
	$(BIN)/python -m pytest --numprocesses=$(TEST_WORKERS) --dist=loadgroup

validate: $(INSTALLED)
	$(BIN)/praktijkbank validate

generate: $(INSTALLED)
	$(BIN)/praktijkbank generate --write

bench: $(INSTALLED)
	$(BIN)/python -m scripts.bench

clean:
	rm -rf $(VENV) node_modules site .pytest_cache .hypothesis
