#!/usr/bin/env bash
# What the widget's stack costs a first open before any of the widget's own code (issue
# #11's 100,000-byte goal). A benchmark, not a test: it prints figures.
#
#   bash bench/floor.sh
#
# Builds bench/floor's two smallest widgets, one with web-sys alone and one with Yew (the
# parts of it the widget uses: function components, a reducer in a context, an effect,
# callbacks, a node reference, a keyed list), the way the widget's release build is made:
# the same profile and unstable options (scripts/setup.sh, with_size_flags), wasm-bindgen
# for the web, wasm-opt with demo/index.html's parameters. Then prints their WebAssembly
# and glue in bytes (raw and gzip -9) beside the widget's release build in dist/ when there
# is one (`helpmark bundle` also shortens its import names and minifies its glue; the
# floor's glue is as wasm-bindgen writes it). The crates are those of the widget's
# Cargo.lock, built offline; HM_FLOOR_DIR (default target/floor) holds the build.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=../scripts/setup.sh
source scripts/setup.sh
ensure_wasm_target
ensure_wasm_bindgen
ensure_npm >/dev/null

work="$(mkdir -p "${HM_FLOOR_DIR:-target/floor}" && cd "${HM_FLOOR_DIR:-target/floor}" && pwd)"
mkdir -p "$work/crate" "$work/out"
cp bench/floor/Cargo.toml bench/floor/*.rs "$work/crate/"
cp Cargo.lock "$work/crate/"
params="$(sed -n 's/.*data-wasm-opt-params="\([^"]*\)".*/\1/p' demo/index.html)"
[ -n "$params" ] || setup_die "no data-wasm-opt-params in demo/index.html"

gz() { gzip -9c "$1" | wc -c; }
row() { printf '%-52s %12s %12s %12s\n' "$@"; }

# WebAssembly gzip bytes, by build.
declare -A gzipped
row "" "wasm raw" "wasm gzip" "glue gzip"
for bin in plain yew; do
  features=()
  [ "$bin" = yew ] && features=(--features yew)
  (cd "$work/crate" && with_size_flags cargo build --quiet --release --offline \
    --target wasm32-unknown-unknown --bin "$bin" "${features[@]}" \
    --target-dir "$work/target")
  wasm-bindgen --target web --no-typescript --out-dir "$work/out" \
    "$work/target/wasm32-unknown-unknown/release/$bin.wasm"
  # shellcheck disable=SC2086 # the parameters are words
  wasm-opt -Oz $params "$work/out/${bin}_bg.wasm" -o "$work/out/$bin.wasm"
  label="web-sys alone"
  [ "$bin" = yew ] && label="Yew 0.23 (csr)"
  gzipped[$bin]="$(gz "$work/out/$bin.wasm")"
  row "$label" "$(wc -c <"$work/out/$bin.wasm")" "${gzipped[$bin]}" "$(gz "$work/out/$bin.js")"
done
echo "Yew's own cost (Yew minus web-sys alone, WebAssembly gzip): $((gzipped[yew] - gzipped[plain])) bytes"

module="$(find dist -maxdepth 1 -name 'helpmark-web-*_bg.wasm' 2>/dev/null | head -n 1)"
if [ -n "$module" ]; then
  gzipped[widget]="$(gz "$module")"
  row "the widget (${module#dist/})" "$(wc -c <"$module")" "${gzipped[widget]}" "$(gz "${module%_bg.wasm}.js")"
  echo "the widget's own code and data over the Yew floor (WebAssembly gzip): $((gzipped[widget] - gzipped[yew])) bytes"
else
  echo "(no release build in dist/: run bash -c 'source scripts/setup.sh && release_build_widget')"
fi
