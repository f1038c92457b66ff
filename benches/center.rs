//! `cargo bench --bench center -- <help-dir>[,<hash>[,<names>]]...`: the help center at
//! scale (issue #12), on catalogs written by `helpmark index` (bench/scale.sh makes them
//! with `helpmark generate`). A benchmark, not a test: it prints figures and fails only
//! when a file it needs is missing or unreadable.
//!
//! For each catalog it prints:
//! - the files a **first open** of the home screen fetches beyond the widget's code
//!   (`center/index.json`, the context shards of the page, list page 0), in bytes and
//!   gzip -9 bytes (the widget's code is the same for every catalog: tests/e2e/size.spec.ts);
//! - the files a **first search** fetches (the search shards of the query), likewise;
//! - the time to read those shards and the median time of a query, natively.
//!
//! Lines starting with `FIG<TAB>` repeat the figures for bench/scale.sh's side-by-side
//! table (`FIG<TAB>what<TAB>value`).

use std::hint::black_box;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use helpmark::help::context::{
    context_shard_path, page_shards, parse_context_shard, rank, AnchorState, Location, PageSignals,
};
use helpmark::help::list::{list_page_path, parse_list_page};
use helpmark::help::search::{search_shard_path, SearchIndex};
use helpmark::help::{parse_center_index, CENTER_INDEX_PATH};

/// The queries of a first search, by locale (the examples).
const QUERIES: [(&str, &str); 5] = [
    ("de-DE", "Kunden"),
    ("de-DE", "update"),
    ("de-DE", "kunden konto aktual"),
    ("zh-CN", "客户"),
    ("ja-JP", "アカウント"),
];

fn gzip_len(bytes: &[u8]) -> usize {
    let mut child = Command::new("gzip")
        .args(["-9", "-c"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("gzip runs");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(bytes)
        .expect("gzip reads");
    child.wait_with_output().expect("gzip ends").stdout.len()
}

struct Fetched {
    files: usize,
    bytes: usize,
    gzip: usize,
}

fn fetch(dir: &Path, paths: &[String]) -> (Fetched, Vec<String>) {
    let mut out = Fetched {
        files: 0,
        bytes: 0,
        gzip: 0,
    };
    let mut texts = Vec::new();
    for path in paths {
        let text = std::fs::read_to_string(dir.join(path))
            .unwrap_or_else(|e| panic!("{}: {e}", dir.join(path).display()));
        out.files += 1;
        out.bytes += text.len();
        out.gzip += gzip_len(text.as_bytes());
        texts.push(text);
    }
    (out, texts)
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn main() {
    let specs: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    if specs.is_empty() {
        eprintln!("usage: cargo bench --bench center -- <help-dir>[,<hash>[,<names>]]...");
        std::process::exit(2);
    }
    for spec in specs {
        let mut parts = spec.split(',');
        let dir = Path::new(parts.next().unwrap());
        let hash = parts.next().unwrap_or("#/section-0/c1/0").to_string();
        let names: Vec<String> = parts
            .next()
            .unwrap_or("region-0")
            .split('+')
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect();
        let (root_bytes, root) = fetch(dir, &[CENTER_INDEX_PATH.to_string()]);
        let index = parse_center_index(&root[0]).expect("center/index.json");
        println!(
            "catalog {}: {} topics, {} locales, {} context shards, {} search shards",
            dir.display(),
            index.topics,
            index.locales.len(),
            index.context_shards,
            index.search_shards
        );

        // First open of home, in German: the root, the page's context shards, list page 0.
        let location = Location {
            path: "/",
            hash: &hash,
        };
        let shards: Vec<String> = page_shards(&location, &names, index.context_shards)
            .into_iter()
            .map(|b| context_shard_path("de-DE", b))
            .collect();
        let (context_bytes, texts) = fetch(dir, &shards);
        let entries: Vec<_> = texts
            .iter()
            .flat_map(|t| parse_context_shard(t).expect("a context shard"))
            .collect();
        let anchor = |_: &str| AnchorState::Visible;
        let page = PageSignals {
            location,
            names: &names,
            anchor: &anchor,
            next_step: &|_| 0,
        };
        let suggested = rank(&entries, &page, 5);
        let (list_bytes, list) = fetch(dir, &[list_page_path("de-DE", 0)]);
        let list = parse_list_page(&list[0]).expect("list page 0");
        let open_bytes = root_bytes.bytes + context_bytes.bytes + list_bytes.bytes;
        let open_gzip = root_bytes.gzip + context_bytes.gzip + list_bytes.gzip;
        println!(
            "  first open (home, de-DE, {hash} {names:?}): {} files, {open_bytes} bytes, {open_gzip} gzip \
             (index {}/{}, {} context shards {}/{}, list page {}/{}); {} suggested, first {:?}; list shows {} of {}",
            1 + context_bytes.files + list_bytes.files,
            root_bytes.bytes,
            root_bytes.gzip,
            context_bytes.files,
            context_bytes.bytes,
            context_bytes.gzip,
            list_bytes.bytes,
            list_bytes.gzip,
            suggested.len(),
            suggested.first().map(|s| s.slug.as_str()).unwrap_or("-"),
            list.topics.len(),
            list.total,
        );

        println!(
            "FIG\tfirst open, home de-DE: files / gzip bytes (raw)\t{} / {open_gzip} ({open_bytes})",
            1 + context_bytes.files + list_bytes.files
        );

        // First search per query: its shards, read, then the query.
        for (locale, query) in QUERIES {
            let mut search = SearchIndex::new(index.search_shards);
            let buckets = search.missing(query);
            let paths: Vec<String> = buckets
                .iter()
                .map(|&b| search_shard_path(locale, b))
                .collect();
            let (bytes, texts) = fetch(dir, &paths);
            let started = Instant::now();
            for (b, text) in buckets.iter().zip(&texts) {
                search.insert(*b, text).expect("a search shard");
            }
            let read = started.elapsed();
            let hits = search.query(query, 10);
            let mut times = Vec::new();
            let runs = 300;
            for _ in 0..runs {
                let t = Instant::now();
                black_box(search.query(black_box(query), 10));
                times.push(t.elapsed());
            }
            let median_time = median(times);
            println!(
                "  first search {locale} {query:?}: {} shards, {} bytes, {} gzip; read {:.2} ms; query median {:.1} µs ({runs} runs); {} hits, first {:?}",
                bytes.files,
                bytes.bytes,
                bytes.gzip,
                read.as_secs_f64() * 1e3,
                median_time.as_secs_f64() * 1e6,
                hits.len(),
                hits.first().map(|h| h.slug.as_str()).unwrap_or("-"),
            );
            println!(
                "FIG\tfirst search {locale} {query:?}: shards / gzip bytes (raw)\t{} / {} ({})",
                bytes.files, bytes.gzip, bytes.bytes
            );
            println!(
                "FIG\tnative query {locale} {query:?}: median µs (hits)\t{:.1} ({})",
                median_time.as_secs_f64() * 1e6,
                hits.len()
            );
        }
    }
}
