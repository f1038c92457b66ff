#!/usr/bin/env bash
# scripts/bench.sh: Helpmark's benchmarks. Not part of the test run (scripts/test.sh, CI):
# timings never fail anything.
#
#   bash scripts/bench.sh [--all] [--rebuild] [--no-follow] [--no-open]
#                         [bench/follow.mjs options...] [--open bench/open.mjs options...]
#
#   1 node bench/follow.mjs   the main-thread cost per frame of following a highlighted
#                             element while the page scrolls: Helpmark's spotlight against
#                             Driver.js 1.x (a devDependency for this only), with a
#                             baseline, in headless Chromium on the release build (dist/);
#                             then again with --container: a scrolled container (<main>),
#                             against Shepherd.js 15 (Driver.js does not follow one).
#                             Options (--runs, --frames, --json FILE, ...): see
#                             `node bench/follow.mjs --help`.
#   2 node bench/open.mjs     what opening help costs (issue #11): bytes the page pays at
#                             load, bytes fetched with no call, cold first open and warm
#                             highlight (call -> painted, frames), cold open under network
#                             emulation (150 ms RTT, 10 Mbit/s) with and without intent
#                             preload, long animation frames and long tasks: Helpmark
#                             against Driver.js 1.8 and Shepherd.js 15 on the same host
#                             page, in one Chromium. Arguments after --open go to it
#                             (`node bench/open.mjs --help`).
#   3 cargo bench --bench parse   only with --all: parse_topic against pulldown-cmark's
#                             HTML renderer (criterion, a minute or more).
#
# Installs what is missing first (scripts/setup.sh): npm packages (npm ci, never a browser
# download) and Debian's chromium. dist/ is built only when it is missing, or with
# --rebuild (trunk build --release --offline, ~1 min; do not run two trunk builds at
# once). The benchmark serves a private copy of dist/, so a rebuild by someone else while
# it runs does not disturb it.
#
# Exit status: the highest of bench/follow.mjs's and bench/open.mjs's (0, or 1 when a
# highlight was not on its element, 2 when a harness could not run), unless --all's cargo
# bench fails.
set -euo pipefail

# shellcheck source=scripts/setup.sh
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$ROOT"

all=0
rebuild=0
follow=1
open=1
follow_args=()
open_args=()
to_open=0
for arg in "$@"; do
  if [ "$to_open" -eq 1 ]; then
    open_args+=("$arg")
    continue
  fi
  case "$arg" in
    --all) all=1 ;;
    --rebuild) rebuild=1 ;;
    --no-follow) follow=0 ;;
    --no-open) open=0 ;;
    --open) to_open=1 ;;
    *) follow_args+=("$arg") ;;
  esac
done

# npm ci when node_modules is missing or older than package.json / package-lock.json;
# puts node_modules/.bin (binaryen's wasm-opt, for trunk) first on PATH.
ensure_npm
[ -f node_modules/driver.js/package.json ] && [ -f node_modules/shepherd.js/package.json ] || {
  setup_log "node_modules/driver.js or shepherd.js missing: npm ci"
  npm ci --no-audit --no-fund
}
ensure_chromium

if [ "$rebuild" -eq 1 ] || [ ! -f dist/index.html ]; then
  ensure_wasm_target
  ensure_trunk
  ensure_wasm_bindgen
  fetch_crates
  setup_log "dist/: building (trunk build --release --offline)"
  release_build_widget
else
  setup_log "dist/: present (built $(date -r dist/index.html '+%Y-%m-%d %H:%M')), used as is (--rebuild to rebuild)"
fi

rc=0
if [ "$follow" -eq 1 ]; then
  printf '\n==> bench/follow.mjs\n'
  node bench/follow.mjs "${follow_args[@]}" || rc=$?
  printf '\n==> bench/follow.mjs --container\n'
  container_rc=0
  node bench/follow.mjs --container "${follow_args[@]}" || container_rc=$?
  if [ "$container_rc" -gt "$rc" ]; then rc=$container_rc; fi
fi
if [ "$open" -eq 1 ]; then
  printf '\n==> bench/open.mjs\n'
  open_rc=0
  node bench/open.mjs "${open_args[@]}" || open_rc=$?
  if [ "$open_rc" -gt "$rc" ]; then rc=$open_rc; fi
fi

if [ "$all" -eq 1 ]; then
  printf '\n==> cargo bench --bench parse\n'
  cargo bench --bench parse
fi

exit "$rc"
