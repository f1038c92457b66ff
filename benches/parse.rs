//! `cargo bench --bench parse`: [`parse_topic`] over the whole corpus against
//! pulldown-cmark rendering the same bytes to HTML, in one criterion group.
//!
//! pulldown-cmark's `push_html` is the yardstick: one CommonMark pass plus HTML output.
//! `parse_topic` does more (span lifting, two inline parses per segment, repairs, steps),
//! and the target is to stay within 2x of it. After the criterion run the ratio is
//! printed from criterion's own estimates (`target/criterion/corpus/*/new/estimates.json`)
//! and from a short interleaved measurement, which a busy machine skews less.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use criterion::{Criterion, Throughput};
use helpmark::content::parse_topic;
use pulldown_cmark::{html, Options, Parser};

const GROUP: &str = "corpus";
const PARSE: &str = "parse_topic";
const HTML: &str = "push_html";
/// The ratio `parse_topic` time / `push_html` time the parser should stay under.
const TARGET_RATIO: f64 = 2.0;

#[path = "../tests/support/corpus.rs"]
mod corpus_files;

/// Every article of `tests/fixtures/corpus/<locale>/*.md`, sorted by path.
fn corpus() -> Vec<String> {
    corpus_files::articles()
        .into_iter()
        .map(|(_, text)| text)
        .collect()
}

fn parse_all(files: &[String]) -> usize {
    let mut segments = 0;
    for source in files {
        let topic = parse_topic(black_box(source)).expect("every corpus article parses");
        segments += topic.segments.len();
        black_box(topic);
    }
    segments
}

/// The same options as the skeleton parse in `src/content/block.rs`.
fn render_all(files: &[String]) -> usize {
    let options = Options::ENABLE_TABLES | Options::ENABLE_GFM | Options::ENABLE_STRIKETHROUGH;
    let mut bytes = 0;
    for source in files {
        let mut out = String::new();
        html::push_html(&mut out, Parser::new_ext(black_box(source), options));
        bytes += out.len();
        black_box(out);
    }
    bytes
}

fn main() {
    let files = corpus();
    let bytes: usize = files.iter().map(String::len).sum();
    assert_eq!(files.len(), 50, "the corpus has 50 articles");
    println!("corpus: {} articles, {bytes} bytes", files.len());

    let mut criterion = Criterion::default().configure_from_args();
    {
        let mut group = criterion.benchmark_group(GROUP);
        group.throughput(Throughput::Bytes(bytes as u64));
        group.bench_function(PARSE, |b| b.iter(|| parse_all(&files)));
        group.bench_function(HTML, |b| b.iter(|| render_all(&files)));
        group.finish();
    }
    criterion.final_summary();

    // `cargo test --benches` runs every benchmark once without measuring: no ratio then.
    if std::env::args().any(|a| a == "--bench") {
        report_ratio(&files, bytes);
    }
}

/// Prints parse_topic / push_html from criterion's estimates, then from a short
/// interleaved measurement: criterion measures one function after the other, so on a
/// shared machine a change of load between the two skews its ratio; alternating rounds
/// see the same load.
fn report_ratio(files: &[String], bytes: usize) {
    let rate = |ns: f64| bytes as f64 / ns * 1e9 / (1024.0 * 1024.0);
    let print = |source: &str, parse: f64, html: f64| {
        let ratio = parse / html;
        println!();
        println!("parse_topic / push_html ({source}):");
        println!(
            "  parse_topic {:>10.3} ms  {:>7.1} MiB/s",
            parse / 1e6,
            rate(parse)
        );
        println!(
            "  push_html   {:>10.3} ms  {:>7.1} MiB/s",
            html / 1e6,
            rate(html)
        );
        println!(
            "  ratio       {ratio:>10.2}x  (target <= {TARGET_RATIO}x: {})",
            if ratio <= TARGET_RATIO {
                "met"
            } else {
                "NOT met"
            }
        );
    };
    match (estimate(PARSE), estimate(HTML)) {
        (Some(parse), Some(html)) => print("criterion estimates", parse, html),
        _ => println!("\n(no criterion estimates for both functions: filtered run?)"),
    }
    let (parse, html) = interleaved(files);
    print(
        &format!("interleaved, median of {ROUNDS} alternating rounds"),
        parse,
        html,
    );
}

/// Criterion's typical time (slope, else mean) in nanoseconds for one benchmark.
fn estimate(function: &str) -> Option<f64> {
    let path = criterion_home()
        .join(GROUP)
        .join(function)
        .join("new")
        .join("estimates.json");
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).ok()?).ok()?;
    let typical = match json.get("slope") {
        Some(slope) if !slope.is_null() => slope,
        _ => json.get("mean")?,
    };
    typical.get("point_estimate")?.as_f64()
}

/// Where criterion writes, as criterion decides it (short of asking `cargo metadata`).
fn criterion_home() -> PathBuf {
    if let Some(home) = std::env::var_os("CRITERION_HOME") {
        return PathBuf::from(home);
    }
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target"));
    target.join("criterion")
}

/// Rounds of the interleaved measurement.
const ROUNDS: usize = 30;

/// Median nanoseconds of each function over alternating rounds.
fn interleaved(files: &[String]) -> (f64, f64) {
    let time = |f: &dyn Fn() -> usize| {
        let start = Instant::now();
        black_box(f());
        start.elapsed()
    };
    let mut parse: Vec<Duration> = Vec::new();
    let mut html: Vec<Duration> = Vec::new();
    for _ in 0..ROUNDS {
        parse.push(time(&|| parse_all(files)));
        html.push(time(&|| render_all(files)));
    }
    let median = |v: &mut Vec<Duration>| {
        v.sort();
        v[v.len() / 2].as_nanos() as f64
    };
    (median(&mut parse), median(&mut html))
}
