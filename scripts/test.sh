#!/usr/bin/env bash
# scripts/test.sh: the whole Helpmark test run, as CI runs it (`bash .ci/run`).
# Installs what is missing (scripts/setup.sh), then runs each tier in order and stops
# at the first failure:
#   1 format        cargo fmt --check
#   2 lint          cargo clippy, native (all targets) and wasm32 (lib + bins), -D warnings;
#                   cargo doc --no-deps with -D warnings
#   3 native tests  cargo test (lib, bins, tests/*.rs, doctests)
#   4 browser tests wasm-bindgen-test in headless Chromium (lib + tests/browser.rs)
#   5 release build trunk build --release -> dist/ (+ gzip size report)
#   6 e2e           Playwright against dist/ (tests/e2e)
#   7 preview       Playwright against `trunk serve` (tests/serve): saving an article
#                   under assets/help updates the writers' preview; a crash of the widget
#                   (the __crash hook, in debug builds only)
set -euo pipefail

# shellcheck source=scripts/setup.sh
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$ROOT"

TOTAL_START=$SECONDS
TIERS=8
TIER_NO=0

fmt_secs() { printf '%dm%02ds' $(($1 / 60)) $(($1 % 60)); }

# tier "title" command [args...]: timed header, run, timed footer. A failing command
# ends the script through `set -e` (so the tier functions below fail fast too; calling
# them from `if`/`||` would switch errexit off inside them), and the EXIT trap names
# the tier that failed.
CURRENT_TIER=""
TIER_START=$SECONDS
on_exit() {
  local rc=$?
  if [ "$rc" -ne 0 ] && [ -n "$CURRENT_TIER" ]; then
    printf '\n==> FAILED [%d/%d] %s after %s (exit %d); total %s\n' "$TIER_NO" "$TIERS" \
      "$CURRENT_TIER" "$(fmt_secs $((SECONDS - TIER_START)))" "$rc" \
      "$(fmt_secs $((SECONDS - TOTAL_START)))" >&2
  fi
}
trap on_exit EXIT

tier() {
  CURRENT_TIER="$1"
  shift
  TIER_NO=$((TIER_NO + 1))
  TIER_START=$SECONDS
  printf '\n==> [%d/%d] %s  (at %s, +%s)\n' "$TIER_NO" "$TIERS" "$CURRENT_TIER" "$(date +%H:%M:%S)" \
    "$(fmt_secs $((SECONDS - TOTAL_START)))"
  "$@"
  printf '==> ok [%d/%d] %s in %s\n' "$TIER_NO" "$TIERS" "$CURRENT_TIER" "$(fmt_secs $((SECONDS - TIER_START)))"
  CURRENT_TIER=""
}

lint() {
  cargo clippy --all-targets -- -D warnings
  cargo clippy --target "$WASM_TARGET" --lib --bins -- -D warnings
  # The API documentation builds without a warning (no broken or private links).
  RUSTDOCFLAGS="-D warnings" cargo doc --no-deps
}

browser_tests() {
  # wasm-bindgen-test-runner drives Debian's chromedriver/chromium; it adds the
  # headless, no-sandbox and disable-dev-shm-usage switches itself, and reads extra
  # capabilities from webdriver.json in the crate root.
  # The lib's unit tests are native (they read fixture files); the browser tests are
  # tests/browser.rs.
  local targets=(--test browser)
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
    CHROMEDRIVER="$CHROMEDRIVER" \
    WASM_BINDGEN_USE_BROWSER=1 \
    WASM_BINDGEN_TEST_TIMEOUT="${WASM_BINDGEN_TEST_TIMEOUT:-120}" \
    WASM_BINDGEN_TEST_DRIVER_TIMEOUT="${WASM_BINDGEN_TEST_DRIVER_TIMEOUT:-30}" \
    cargo test --target "$WASM_TARGET" "${targets[@]}"
}

release_build() {
  rm -rf dist
  fetch_crates
  release_build_widget
}

size_report() {
  echo
  echo "size report (informational; bytes, gzip -9):"
  printf '  %-48s %10s %10s\n' file raw gzip
  local f total=0 gz
  shopt -s nullglob
  # Everything a first open transfers: loader, WebAssembly (the stylesheet is in it), glue, the
  # topic's index, one article.
  for f in dist/helpmark.js dist/*_bg.wasm dist/helpmark-web-*.js \
    dist/help/update-customer-account-info.index.json dist/help/ru-RU/update-customer-account-info.json; do
    gz=$(gzip -9 -c "$f" | wc -c)
    total=$((total + gz))
    printf '  %-48s %10d %10d\n' "$f" "$(wc -c <"$f")" "$gz"
  done
  shopt -u nullglob
  printf '  %-48s %10s %10d\n' "first open, in all" "" "$total"
}

e2e() {
  [ -f dist/index.html ] || { echo "dist/index.html missing: the release build must run first" >&2; return 1; }
  npx --no-install playwright test
  # One plain summary line from the JSON report (playwright.config.ts writes it).
  node -e '
    const s = require(process.argv[1]).stats;
    console.log(`e2e: ${s.expected + s.flaky} passed, ${s.unexpected} failed, ${s.skipped} skipped`);
  ' "$ROOT/playwright-report/results.json" 2>/dev/null || true
}

serve_e2e() {
  npx --no-install playwright test -c playwright.serve.config.ts
}

tier "setup (install missing tools)" ensure_all
tool_versions() {
  echo "[setup] $(rustc --version)"
  echo "[setup] $(trunk --version); $(wasm-bindgen --version); $(wasm-opt --version)"
  echo "[setup] $("$CHROMIUM_BIN" --version 2>/dev/null); $(chromedriver --version | cut -d' ' -f1-2); node $(node --version); playwright $(npx --no-install playwright --version | awk '{print $2}')"
}
tool_versions
tier "format: cargo fmt --check" cargo fmt --check
tier "lint: cargo clippy (native all targets; wasm32 lib+bins), cargo doc" lint
tier "native tests: cargo test" cargo test
tier "browser tests: wasm-bindgen-test in headless Chromium" browser_tests
tier "release build: trunk build --release" release_build
size_report
tier "e2e: playwright test (dist/ on 127.0.0.1:8090)" e2e
tier "preview: playwright test under trunk serve (127.0.0.1:8092)" serve_e2e

printf '\n==> all %d tiers passed in %s\n' "$TIERS" "$(fmt_secs $((SECONDS - TOTAL_START)))"
