# shellcheck shell=bash
# scripts/setup.sh: tool installation for Helpmark, sourced by scripts/serve.sh and
# scripts/test.sh (`source scripts/setup.sh`, then call the ensure_* functions).
#
# Every function is idempotent: it checks for the right version first and only
# installs what is missing or wrong, so a second run takes seconds. Everything comes
# from the package registries this project may use (crates.io, npm, Debian apt):
# no prebuilt binaries are downloaded, and neither Trunk nor Playwright may fetch
# tools or browsers of their own.
#
#   ensure_wasm_target     rustup target wasm32-unknown-unknown (+ rustfmt, clippy, rust-src)
#   release_build_widget   trunk build --release, the standard library rebuilt for size
#   with_size_flags CMD    runs CMD with that build's unstable options (bench/floor.sh)
#   ensure_trunk           trunk $TRUNK_VERSION (cargo install --locked)
#   ensure_wasm_bindgen    wasm-bindgen-cli = the wasm-bindgen version in Cargo.lock
#                          (brings wasm-bindgen-test-runner)
#   ensure_npm             npm ci (Playwright, axe-core, binaryen's wasm-opt);
#                          puts node_modules/.bin first on PATH
#   ensure_chromium        Debian chromium + chromium-driver (+ a CJK font for
#                          readable zh screenshots); exports CHROMEDRIVER

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export ROOT

TRUNK_VERSION="0.21.14"
WASM_TARGET="wasm32-unknown-unknown"
CHROMIUM_BIN="/usr/bin/chromium"
CHROMEDRIVER_BIN="/usr/bin/chromedriver"

# cargo-installed tools (trunk, wasm-bindgen, wasm-bindgen-test-runner).
case ":$PATH:" in
  *":$HOME/.cargo/bin:"*) ;;
  *) export PATH="$HOME/.cargo/bin:$PATH" ;;
esac

# Playwright must never download browsers (npm ci's postinstall or otherwise).
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
# Trunk must not reach the network either: no update check; the build and serve commands
# run it with --offline, so it uses the wasm-bindgen and wasm-opt on PATH or fails
# (instead of downloading its own). --offline is passed to cargo too: run
# `cargo fetch` first (fetch_crates).
export TRUNK_SKIP_VERSION_CHECK=true

setup_log() { printf '[setup] %s\n' "$*"; }
setup_die() { printf '[setup] ERROR: %s\n' "$*" >&2; exit 1; }

# Runs a command as root (directly, or through sudo when available).
as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    setup_die "need root to run: $*"
  fi
}

ensure_wasm_target() {
  command -v rustup >/dev/null 2>&1 || setup_die "rustup not found (expected in \$HOME/.cargo/bin)"
  # (grep on captured output: with pipefail, `cmd | grep -q` can fail through SIGPIPE)
  local targets components
  targets="$(rustup target list --installed)"
  if grep -qx "$WASM_TARGET" <<<"$targets"; then
    setup_log "rust target $WASM_TARGET: present, skipped"
  else
    setup_log "rust target $WASM_TARGET: installing"
    rustup target add "$WASM_TARGET"
  fi
  local missing=()
  components="$(rustup component list --installed)"
  grep -q '^rustfmt' <<<"$components" || missing+=(rustfmt)
  grep -q '^clippy' <<<"$components" || missing+=(clippy)
  # The standard library's source: the release build recompiles it for size (release_build_widget).
  grep -q '^rust-src' <<<"$components" || missing+=(rust-src)
  if [ "${#missing[@]}" -eq 0 ]; then
    setup_log "rust components rustfmt, clippy, rust-src: present, skipped"
  else
    setup_log "rust components ${missing[*]}: installing"
    rustup component add "${missing[@]}"
  fi
}

ensure_trunk() {
  local have=""
  if command -v trunk >/dev/null 2>&1; then
    have="$(trunk --version 2>/dev/null | awk '{print $2}')"
  fi
  if [ "$have" = "$TRUNK_VERSION" ]; then
    setup_log "trunk $TRUNK_VERSION: present, skipped"
  else
    setup_log "trunk $TRUNK_VERSION: installing (found '${have:-none}'; cargo install, ~7 min)"
    cargo install trunk --version "$TRUNK_VERSION" --locked
    have="$(trunk --version 2>/dev/null | awk '{print $2}')"
    [ "$have" = "$TRUNK_VERSION" ] || setup_die "trunk --version says '$have' after install"
  fi
}

# The wasm-bindgen version pinned in Cargo.lock (trunk and the test runner must match it).
wasm_bindgen_lock_version() {
  [ -f "$ROOT/Cargo.lock" ] || setup_die "Cargo.lock not found in $ROOT"
  awk '
    $0 == "name = \"wasm-bindgen\"" { found = 1; next }
    found && /^version = / { gsub(/^version = "|"$/, ""); print; exit }
    /^\[\[package\]\]/ { found = 0 }
  ' "$ROOT/Cargo.lock"
}

ensure_wasm_bindgen() {
  local want have="" runner=""
  want="$(wasm_bindgen_lock_version)"
  [ -n "$want" ] || setup_die "no wasm-bindgen package in Cargo.lock"
  if command -v wasm-bindgen >/dev/null 2>&1; then
    have="$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')"
  fi
  if command -v wasm-bindgen-test-runner >/dev/null 2>&1; then
    runner="$(wasm-bindgen-test-runner --version 2>/dev/null | awk '{print $2}')"
  fi
  if [ "$have" = "$want" ] && [ "$runner" = "$want" ]; then
    setup_log "wasm-bindgen-cli $want (Cargo.lock): present, skipped"
  else
    setup_log "wasm-bindgen-cli $want (Cargo.lock): installing (found '${have:-none}'; cargo install, ~5 min)"
    # Deliberately without --locked (the project's documented install command).
    cargo install wasm-bindgen-cli --version "$want"
    have="$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')"
    [ "$have" = "$want" ] || setup_die "wasm-bindgen --version says '$have' after install"
  fi
}

ensure_npm() {
  command -v npm >/dev/null 2>&1 || setup_die "npm not found"
  [ -f "$ROOT/package-lock.json" ] || setup_die "package-lock.json not found in $ROOT"
  if [ ! -d "$ROOT/node_modules" ] \
    || [ ! -f "$ROOT/node_modules/.package-lock.json" ] \
    || [ "$ROOT/package-lock.json" -nt "$ROOT/node_modules/.package-lock.json" ] \
    || [ "$ROOT/package.json" -nt "$ROOT/node_modules/.package-lock.json" ]; then
    setup_log "npm packages: installing (npm ci)"
    (cd "$ROOT" && npm ci --no-audit --no-fund)
  else
    setup_log "npm packages: up to date, skipped"
  fi
  # node_modules/.bin FIRST: trunk must find binaryen's wasm-opt before any other.
  case "$PATH" in
    "$ROOT/node_modules/.bin:"*) ;;
    *) export PATH="$ROOT/node_modules/.bin:$PATH" ;;
  esac
  local wasm_opt
  wasm_opt="$(command -v wasm-opt || true)"
  [ "$wasm_opt" = "$ROOT/node_modules/.bin/wasm-opt" ] \
    || setup_die "wasm-opt resolves to '${wasm_opt:-nothing}', expected $ROOT/node_modules/.bin/wasm-opt"
}

ensure_chromium() {
  local pkgs=()
  [ -x "$CHROMIUM_BIN" ] || pkgs+=(chromium)
  [ -x "$CHROMEDRIVER_BIN" ] || pkgs+=(chromium-driver)
  # Without a CJK font the zh-CN screenshots show empty boxes (tests read text, not pixels).
  if ! command -v fc-list >/dev/null 2>&1 || [ -z "$(fc-list :lang=zh)" ]; then
    pkgs+=(fonts-wqy-microhei)
  fi
  if [ "${#pkgs[@]}" -eq 0 ]; then
    setup_log "chromium, chromedriver, CJK font: present, skipped"
  else
    setup_log "apt packages ${pkgs[*]}: installing"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${pkgs[@]}"
    [ -x "$CHROMIUM_BIN" ] && [ -x "$CHROMEDRIVER_BIN" ] || setup_die "chromium/chromedriver missing after apt-get install"
  fi
  export CHROMEDRIVER="$CHROMEDRIVER_BIN"
}

# Downloads the crates in Cargo.lock (quick when cached), so that cargo runs offline
# under `trunk --offline`.
fetch_crates() {
  (cd "$ROOT" && cargo fetch --locked --quiet)
  # The standard library's own dependencies, for the release build's -Z build-std (offline).
  RUSTC_BOOTSTRAP=1 cargo fetch --locked --quiet \
    --manifest-path "$(rustc --print sysroot)/lib/rustlib/src/rust/library/Cargo.toml"
}

# The widget's release build into dist/ (arguments go to `trunk build`).
#
# Bytes are a product metric (issue #11), so the release WebAssembly is built the way
# size-critical Rust WebAssembly is built: the standard library is recompiled with the
# module (-Z build-std, with std's `optimize_for_size`), without panic locations
# (-Z location-detail=none) and with `{:?}` compiled to nothing (-Z fmt-debug=none: the
# widget never shows Debug output; panics keep their message). These are unstable
# options, enabled on the stable toolchain by RUSTC_BOOTSTRAP=1 for this one command
# only: debug builds (`trunk serve`), tests and the command line use plain stable Rust.
# Measured on the module of 3ad2c5a (gzip -9): 167,003 -> 153,135 bytes.
# If a toolchain update breaks one of these options, dropping the four variables gives
# the plain stable build (bigger, same behaviour).
# Measured and not taken (branch flags, gzip -9 of the module after wasm-opt, against
# 146,333): -Zinline-mir=yes +2,412, -Zmir-opt-level=3 +2,416, -Zmir-opt-level=1 +540,
# -Cllvm-args=-inline-threshold=0 +1,508 (=25: +1,383), -Zshare-generics=yes 0.
# `helpmark bundle` then shortens wasm-bindgen's import and export names in the module and
# its glue (src/bundle/names.rs).
release_build_widget() {
  with_size_flags trunk build --release --offline "$@"
}

# Runs a command (a release build of WebAssembly) with the unstable options above. Also
# bench/floor.sh's, so that its figures are built as the widget is.
with_size_flags() {
  RUSTC_BOOTSTRAP=1 \
    CARGO_UNSTABLE_BUILD_STD=std,panic_abort \
    CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size \
    CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zlocation-detail=none -Zfmt-debug=none" \
    "$@"
}

# Everything the full test run needs.
ensure_all() {
  ensure_wasm_target
  ensure_trunk
  ensure_wasm_bindgen
  ensure_npm
  ensure_chromium
}
