#!/usr/bin/env bash
# Rally: idempotent, pinned installer for every tool the build, tests and
# benchmarks need. Every `make` target runs it first.
#
# Each tool is checked first and installed only if it is missing or at the
# wrong version, so a second run prints nothing but "ok" lines.
#
#   rust target wasm32-unknown-unknown, rustfmt, clippy   (rustup)
#   trunk 0.21.14                                         (cargo install --locked)
#   wasm-bindgen-cli == the wasm-bindgen crate in Cargo.lock (cargo install, no --locked)
#   chromium + chromium-driver                            (Debian apt, only if /usr/bin/chromium is missing)
#   poppler-utils: pdfinfo, pdftotext (the decision report's PDF test)  (Debian apt, if missing)
#   node_modules from package-lock.json                   (npm ci, never downloads a browser)
#
# Works as root on a fresh machine whose ~/.cargo/bin only holds cargo/rustup.
set -euo pipefail

TRUNK_VERSION="0.21.14"
WASM_TARGET="wasm32-unknown-unknown"
MIN_NODE_MAJOR=20

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

CARGO_BIN="${CARGO_HOME:-$HOME/.cargo}/bin"
export PATH="$CARGO_BIN:$PATH"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

ok()         { printf '%s: ok\n' "$1"; }
installing() { printf 'installing %s ...\n' "$1"; }
die()        { printf 'setup.sh: error: %s\n' "$*" >&2; exit 1; }

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || die "not root and no sudo: cannot run apt-get"
  SUDO="sudo"
fi

APT_UPDATED=0
apt_install() {
  if [ "$APT_UPDATED" -eq 0 ]; then
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    APT_UPDATED=1
  fi
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@"
}

# ---------------------------------------------------------------- Rust ----
command -v rustup >/dev/null 2>&1 || die "rustup not found (expected in $CARGO_BIN)"
command -v cargo  >/dev/null 2>&1 || die "cargo not found (expected in $CARGO_BIN)"
ok "$(rustc --version | awk '{print $1" "$2}')"

if command -v cc >/dev/null 2>&1; then
  ok "cc"
else
  installing "build-essential (a C compiler/linker for cargo install)"
  apt_install build-essential pkg-config
fi

if rustup target list --installed | grep -qx "$WASM_TARGET"; then
  ok "rust target $WASM_TARGET"
else
  installing "rust target $WASM_TARGET"
  rustup target add "$WASM_TARGET"
fi

for component in rustfmt clippy; do
  if rustup component list --installed | grep -q "^${component}"; then
    ok "rust component $component"
  else
    installing "rust component $component"
    rustup component add "$component"
  fi
done

# --------------------------------------------------------------- trunk ----
have_trunk="$(trunk --version 2>/dev/null || true)"
if [ "$have_trunk" = "trunk $TRUNK_VERSION" ]; then
  ok "trunk $TRUNK_VERSION"
else
  installing "trunk $TRUNK_VERSION (found: ${have_trunk:-none}; takes ~8 min)"
  env -u CARGO_TARGET_DIR cargo install trunk --version "$TRUNK_VERSION" --locked --force
  [ "$(trunk --version)" = "trunk $TRUNK_VERSION" ] || die "trunk install did not give $TRUNK_VERSION"
fi

# ---------------------------------------------------- wasm-bindgen-cli ----
if [ ! -f Cargo.lock ]; then
  echo "Cargo.lock missing: generating it"
  cargo generate-lockfile
fi
# The `version` line right after `name = "wasm-bindgen"` in Cargo.lock.
BINDGEN_VERSIONS="$(awk '
  $0 == "name = \"wasm-bindgen\"" { want = 1; next }
  want && /^version = / { gsub(/^version = "|"$/, ""); print; want = 0 }
' Cargo.lock | sort -u)"
[ -n "$BINDGEN_VERSIONS" ] || die "no wasm-bindgen package in Cargo.lock"
[ "$(printf '%s\n' "$BINDGEN_VERSIONS" | wc -l)" -eq 1 ] \
  || die "several wasm-bindgen versions in Cargo.lock: $(echo $BINDGEN_VERSIONS); trunk needs exactly one"
BINDGEN_VERSION="$BINDGEN_VERSIONS"

have_bindgen="$(wasm-bindgen --version 2>/dev/null || true)"
if [ "$have_bindgen" = "wasm-bindgen $BINDGEN_VERSION" ]; then
  ok "wasm-bindgen-cli $BINDGEN_VERSION"
else
  installing "wasm-bindgen-cli $BINDGEN_VERSION (found: ${have_bindgen:-none}; takes ~5 min)"
  # Deliberately without --locked (that is the combination known to build here).
  env -u CARGO_TARGET_DIR cargo install wasm-bindgen-cli --version "$BINDGEN_VERSION" --force
  [ "$(wasm-bindgen --version)" = "wasm-bindgen $BINDGEN_VERSION" ] \
    || die "wasm-bindgen-cli install did not give $BINDGEN_VERSION"
fi

# ------------------------------------------------------------ chromium ----
if [ -x /usr/bin/chromium ]; then
  ok "$(/usr/bin/chromium --version 2>/dev/null | awk '{print $1" "$2}')"
else
  installing "chromium + chromium-driver (Debian apt)"
  apt_install chromium chromium-driver
  [ -x /usr/bin/chromium ] || die "apt did not install /usr/bin/chromium"
fi

# ------------------------------------------------------- poppler-utils ----
# The e2e test of the decision report reads the PDF Chromium prints (page count, text of each
# page) with pdfinfo and pdftotext.
if command -v pdfinfo >/dev/null 2>&1 && command -v pdftotext >/dev/null 2>&1; then
  ok "$(pdfinfo -v 2>&1 | head -n1)"
else
  installing "poppler-utils (Debian apt)"
  apt_install poppler-utils
  command -v pdftotext >/dev/null 2>&1 || die "apt did not install pdftotext"
fi

# ---------------------------------------------------------- node / npm ----
command -v node >/dev/null 2>&1 || die "node not found (Node >= $MIN_NODE_MAJOR required)"
command -v npm  >/dev/null 2>&1 || die "npm not found"
node_major="$(node -p 'process.versions.node.split(".")[0]')"
[ "$node_major" -ge "$MIN_NODE_MAJOR" ] || die "node $(node --version) is too old (need >= $MIN_NODE_MAJOR)"
ok "node $(node --version)"

[ -f package-lock.json ] || die "package-lock.json missing: run 'npm install' once and commit it"

# npm ci writes node_modules/.package-lock.json: it is our install stamp.
npm_stamp="node_modules/.package-lock.json"
npm_reason=""
if [ ! -d node_modules ]; then
  npm_reason="node_modules missing"
elif [ ! -f "$npm_stamp" ]; then
  npm_reason="node_modules has no install stamp"
elif [ package-lock.json -nt "$npm_stamp" ]; then
  npm_reason="package-lock.json is newer than node_modules"
elif ! node -e '
    const lock = require("./package-lock.json").packages;
    for (const [path, meta] of Object.entries(lock)) {
      if (!path.startsWith("node_modules/") || meta.optional || meta.link) continue;
      let got;
      try { got = require("./" + path + "/package.json").version; } catch { process.exit(1); }
      if (got !== meta.version) process.exit(1);
    }' 2>/dev/null; then
  npm_reason="node_modules does not match package-lock.json"
fi
if [ -z "$npm_reason" ]; then
  ok "node_modules ($(node -p '
    const p = require("./package.json").devDependencies;
    Object.keys(p).map(n => n + " " + require("./node_modules/" + n + "/package.json").version).join(", ")'))"
else
  installing "node_modules with npm ci ($npm_reason)"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund
  touch "$npm_stamp"
fi

# wasm-opt from the npm binaryen package: it must be the one trunk finds.
wasm_opt_version="$(node_modules/.bin/wasm-opt --version 2>/dev/null || true)"
case "$wasm_opt_version" in
  "wasm-opt version "*) ok "wasm-opt $(echo "$wasm_opt_version" | awk '{print $3}') (node_modules/.bin)" ;;
  *) die "node_modules/.bin/wasm-opt does not run (got: '${wasm_opt_version}')" ;;
esac
