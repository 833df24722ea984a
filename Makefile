# Rally — build, test and benchmark entry points.
#
#   make serve   release build, then serve dist/ on http://127.0.0.1:8080
#   make build   release build of the three pages into dist/ (trunk, tools/postbuild.py,
#                tools/precompress.mjs)
#   make test    fmt, clippy (native + wasm32), cargo test, build, Playwright, 5 kills
#   make bench   build, then bench/run.mjs (page downloads, slow 4G, first render, ...) and
#                bench/kill.mjs (100 kills of the browser: is anything lost?)
#   make clean   remove target/, dist/ and test outputs
#
# Every target first runs tools/setup.sh, which installs only what is missing
# (pinned versions) and otherwise prints one "ok" line per tool.

SHELL := bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := build
.DELETE_ON_ERROR:
MAKEFLAGS += --no-builtin-rules --no-print-directory

CARGO_BIN := $(or $(CARGO_HOME),$(HOME)/.cargo)/bin
# node_modules/.bin first: trunk must find binaryen's wasm-opt (npm) before
# any older system copy. ~/.cargo/bin next: trunk and wasm-bindgen.
export PATH := $(CURDIR)/node_modules/.bin:$(CARGO_BIN):$(PATH)
# Never let trunk, npm or Playwright download anything.
export TRUNK_SKIP_VERSION_CHECK := true
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD := 1
# cargo, clippy and trunk all build into the one ./target directory (no
# CARGO_TARGET_DIR override anywhere, and no --target-dir flags).

DIST       := dist
PORT       ?= 8080
WASM       := wasm32-unknown-unknown
# Set by recipes that call make again, so setup runs once per invocation.
SETUP_DONE ?=

.PHONY: setup build serve test bench clean distclean

setup:
ifeq ($(SETUP_DONE),)
	bash tools/setup.sh
endif

# Two trunk builds in one tree clobber each other's dist/.stage: a lock
# serializes them (e.g. `make serve` in one terminal, `make test` in another).
# One page, one WebAssembly module: index.html (recruiter), observe.html (mediator),
# respond.html (respondent). Each is built apart (into target/pages/<page>, one shared
# target/), then all go into one dist/; postbuild.py then treats every page (CSP, loader,
# manifest, service worker, minified scripts and style sheets) and precompress.mjs writes the
# .br and .gz a static host serves.
PAGES := index observe respond

build: setup
	@mkdir -p target
	@echo "==> trunk build --release --offline ($(PAGES)), tools/postbuild.py, tools/precompress.mjs"
	flock target/.rally-build.lock bash -euo pipefail -c '\
	  rm -rf target/pages $(DIST).next && mkdir -p $(DIST).next; \
	  for page in $(PAGES); do \
	    trunk build --release --offline --public-url ./ --dist target/pages/$$page $$page.html; \
	    if [ $$page != index ]; then mv target/pages/$$page/index.html target/pages/$$page/$$page.html; fi; \
	    cp -R target/pages/$$page/. $(DIST).next/; \
	  done; \
	  python3 tools/postbuild.py $(DIST).next --public-url ./ --minify; \
	  node tools/precompress.mjs $(DIST).next; \
	  rm -rf $(DIST) && mv $(DIST).next $(DIST)'

serve: build
	@echo "==> serving $(DIST)/ on http://127.0.0.1:$(PORT)/ (Ctrl-C to stop)"
	python3 tools/serve.py --dir $(DIST) --host 127.0.0.1 --port $(PORT)

test: setup
	@echo "==> cargo fmt --check"
	cargo fmt --check
	@echo "==> cargo clippy (native, all targets)"
	cargo clippy --all-targets -- -D warnings
	@echo "==> cargo clippy ($(WASM))"
	cargo clippy --target $(WASM) -- -D warnings
	@echo "==> cargo test (native)"
	cargo test
	@echo "==> postbuild self-test"
	python3 tools/postbuild.py --self-test
	@echo "==> release build"
	$(MAKE) build SETUP_DONE=1
	@echo "==> Playwright (headless Debian chromium)"
	npx --no-install playwright test
	@echo "==> kill test: 5 kills of the browser (bench/kill.mjs)"
	node bench/kill.mjs --kills 5 --strict

bench: build
	@echo "==> native benchmarks of the core (release)"
	cargo run --quiet --release --example bench_core
	cargo run --quiet --release --example compare_fixture
	@echo "==> browser benchmarks"
	node bench/run.mjs
	@echo "==> kill test: 100 kills of the browser"
	node bench/kill.mjs --kills 100

clean:
	cargo clean
	rm -rf $(DIST) tests/e2e/results tests/e2e/report tests/e2e/shots

# Also drops node_modules (reinstalled by `npm ci` on the next run).
distclean: clean
	rm -rf node_modules
