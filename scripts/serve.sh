#!/usr/bin/env bash
# scripts/serve.sh: build the widget and demo portal with Trunk and serve them with live
# reload at http://127.0.0.1:8080/. Extra arguments go to `trunk serve` (e.g. --release,
# or --port 8081 / --address 0.0.0.0, which replace the defaults). Installs the needed
# tools first (see scripts/setup.sh).
set -euo pipefail

# shellcheck source=scripts/setup.sh
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$ROOT"

ensure_wasm_target
ensure_trunk
ensure_wasm_bindgen
ensure_npm # binaryen's wasm-opt, first on PATH
fetch_crates

# Defaults, unless given (trunk rejects a repeated --address/--port).
args=()
want_address=1 want_port=1
for arg in "$@"; do
  case "$arg" in
    -a* | --address | --address=*) want_address=0 ;;
    -p* | --port | --port=*) want_port=0 ;;
  esac
done
[ "$want_address" -eq 1 ] && args+=(--address 127.0.0.1)
[ "$want_port" -eq 1 ] && args+=(--port 8080)

exec trunk serve --offline "${args[@]}" "$@"
