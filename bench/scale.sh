#!/usr/bin/env bash
# The help center at scale (issue #12). A benchmark, not a test: it prints figures.
#
#   bash bench/scale.sh [TOPICS...]      (default: 7 1000 10000)
#
# For each size it writes a test catalog with `helpmark generate` (every topic in the 13
# locales of the corpus, plus English from the side-by-side halves: 14 locales), runs
# `helpmark index` on it under /usr/bin/time -v (wall time and peak memory), then
# - `cargo bench --bench center` on it: the bytes a first open of the home screen and a
#   first search fetch (gzip -9), and the median query time natively;
# - `node bench/search.mjs` on it (when a release build is in dist/, or HM_SCALE_DIST):
#   the query time in the browser (headless Chromium, the widget's search box: first
#   search with its shards fetched, typed key by key, and warm), see that file.
# Then it prints the figures side by side, one column per size, and the real demo
# catalog (6 topics) as a last column.
# HM_SCALE_DIR (default /tmp/helpmark-scale) holds the catalogs (10,000 topics take
# about 2.5 GB of disk with their compiled topics and previews); HM_SCALE_PORT (default
# 8633) is the browser benchmark's server port.
set -euo pipefail
cd "$(dirname "$0")/.."

sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(7 1000 10000)
work="${HM_SCALE_DIR:-/tmp/helpmark-scale}"
dist="${HM_SCALE_DIST:-dist}"
port="${HM_SCALE_PORT:-8633}"
mkdir -p "$work"

cargo build --release --quiet --bin helpmark
cargo bench --quiet --bench center --no-run 2>/dev/null
bin=target/release/helpmark
browser=false
if [ -f "$dist/helpmark.js" ] && command -v node >/dev/null; then
  browser=true
else
  echo "(no release build in $dist: no browser figures; trunk build --release first)"
fi

# figures <file> <help dir> [<spec suffix>]: the native and browser figures of a catalog.
figures() {
  local fig="$1" help="$2" suffix="${3:-}"
  cargo bench --quiet --bench center -- "$help$suffix" | tee -a /dev/stderr | grep '^FIG' | cut -f2- >>"$fig"
  if $browser; then
    node bench/search.mjs --dist "$dist" --port "$port" "$help" | tee -a /dev/stderr | grep '^FIG' | cut -f2- >>"$fig" \
      || echo "  (the browser benchmark failed: see above)" >&2
  fi
}

columns=()
for n in "${sizes[@]}"; do
  src="$work/catalog-$n"
  out="$work/dist-$n/help"
  fig="$work/figures-$n.tsv"
  rm -rf "$src" "$work/dist-$n" "$fig"
  "$bin" generate --topics "$n" --out "$src" 2>&1 | sed 's/^/  /'
  echo "== helpmark index, $n topics"
  # The machine is shared: a cap on memory (HM_SCALE_MEM_KB) makes a too-large run fail
  # alone instead of starving everything else.
  ( ulimit -v "${HM_SCALE_MEM_KB:-16000000}"
    /usr/bin/time -v "$bin" index "$src" --out "$out/manifest.json" 2>"$work/time-$n.txt" >/dev/null ) \
    || { tail -5 "$work/time-$n.txt"; exit 1; }
  grep -E 'Elapsed \(wall clock\)|Maximum resident set size' "$work/time-$n.txt" | sed 's/^\s*/  /'
  articles=$(find "$src" -mindepth 2 -name '*.md' | wc -l)
  echo "  articles: $articles, files written: $(find "$out" -type f | wc -l), center/: $(du -sh "$out/center" | cut -f1)"
  {
    printf 'articles indexed\t%s\n' "$articles"
    printf 'helpmark index: wall time (m:ss)\t%s\n' "$(grep -F 'Elapsed (wall clock)' "$work/time-$n.txt" | sed 's/.*: //')"
    printf 'helpmark index: peak memory (MB)\t%s\n' "$(awk '/Maximum resident set size/ {printf "%.0f", $NF/1024}' "$work/time-$n.txt")"
    printf 'center files: search shards per locale\t%s\n' "$(sed 's/.*"search_shards":\([0-9]*\).*/\1/' "$out/center/index.json")"
  } >"$fig"
  echo "== first open, first search, query time: $n topics"
  figures "$fig" "$out"
  columns+=("$n topics:$fig")
done

# The real demo catalog too (6 topics), on a customer's account page.
demo="$work/dist-demo/help"
rm -rf "$work/dist-demo"
"$bin" index assets/help --out "$demo/manifest.json" 2>/dev/null
fig="$work/figures-demo.tsv"
printf 'center files: search shards per locale\t%s\n' "$(sed 's/.*"search_shards":\([0-9]*\).*/\1/' "$demo/center/index.json")" >"$fig"
echo "== first open, first search, query time: the demo catalog"
figures "$fig" "$demo" ",#/customers/c1/account,customer-account+customer-permissions"
columns+=("demo (6):$fig")

# Side by side: one row per figure (in the order first seen), one column per catalog.
echo
echo "== side by side (gzip -9 bytes; times on this machine, shared: indicative)"
files=()
header=()
for c in "${columns[@]}"; do
  header+=("${c%%:*}")
  files+=("${c#*:}")
done
awk -F'\t' -v names="$(IFS='|'; echo "${header[*]}")" '
  FNR == 1 { col++ }
  { if (!($1 in seen)) { seen[$1] = 1; order[++rows] = $1 } value[$1, col] = $2 }
  END {
    n = split(names, name, "|")
    printf "%-62s", ""
    for (c = 1; c <= n; c++) printf " | %-22s", name[c]
    printf "\n"
    for (r = 1; r <= rows; r++) {
      printf "%-62s", order[r]
      for (c = 1; c <= n; c++) printf " | %-22s", ((order[r], c) in value ? value[order[r], c] : "-")
      printf "\n"
    }
  }' "${files[@]}"
