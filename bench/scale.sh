#!/usr/bin/env bash
# The help center at scale (issue #12). A benchmark, not a test: it prints figures.
#
#   bash bench/scale.sh [TOPICS...]      (default: 7 1000 10000)
#
# For each size it writes a test catalog with `helpmark generate` (every topic in the 13
# locales of the corpus, plus English from the side-by-side halves: 14 locales), runs
# `helpmark index` on it under /usr/bin/time -v (wall time and peak memory), then
# `cargo bench --bench center` on every catalog: the bytes a first open of the home
# screen and a first search fetch, side by side, and query times natively.
# HM_SCALE_DIR (default /tmp/helpmark-scale) holds the catalogs (10,000 topics take
# about 2.5 GB of disk with their compiled topics and previews).
set -euo pipefail
cd "$(dirname "$0")/.."

sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(7 1000 10000)
work="${HM_SCALE_DIR:-/tmp/helpmark-scale}"
mkdir -p "$work"

cargo build --release --quiet --bin helpmark
bin=target/release/helpmark

specs=()
for n in "${sizes[@]}"; do
  src="$work/catalog-$n"
  out="$work/dist-$n/help"
  rm -rf "$src" "$work/dist-$n"
  "$bin" generate --topics "$n" --out "$src" 2>&1 | sed 's/^/  /'
  echo "== helpmark index, $n topics"
  # The machine is shared: a cap on memory (HM_SCALE_MEM_KB) makes a too-large run fail
  # alone instead of starving everything else.
  ( ulimit -v "${HM_SCALE_MEM_KB:-16000000}"
    /usr/bin/time -v "$bin" index "$src" --out "$out/manifest.json" 2>"$work/time-$n.txt" >/dev/null ) \
    || { tail -5 "$work/time-$n.txt"; exit 1; }
  grep -E 'Elapsed \(wall clock\)|Maximum resident set size' "$work/time-$n.txt" | sed 's/^\s*/  /'
  echo "  articles: $(find "$src" -mindepth 2 -name '*.md' | wc -l), files written: $(find "$out" -type f | wc -l), center/: $(du -sh "$out/center" | cut -f1)"
  specs+=("$out")
done

# The real demo catalog too (6 topics), on a customer's account page.
demo="$work/dist-demo/help"
rm -rf "$work/dist-demo"
"$bin" index assets/help --out "$demo/manifest.json" 2>/dev/null
specs+=("$demo,#/customers/c1/account,customer-account+customer-permissions")

echo "== first open, first search, query time"
cargo bench --quiet --bench center -- "${specs[@]}"
