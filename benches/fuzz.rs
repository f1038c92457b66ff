//! `cargo bench --bench fuzz`: the generator and properties of `tests/fuzz.rs`, run for
//! 1,000,000 cases in release mode, printing cases per second (overall and per kind of
//! case) and every distinct failure with its first case number.
//!
//! `HELPMARK_FUZZ_CASES`, `HELPMARK_FUZZ_SEED` and `HELPMARK_FUZZ_FIRST` work as in the
//! test. Reproduce a failure with the test, or minimize it here with
//! `HELPMARK_FUZZ_MINIMIZE=1`.
//!
//! Then the files the widget reads as they come from a server, compiled topics and topic
//! indexes (`tests/support/compiledgen.rs`), for 1,000,000 cases too
//! (`HELPMARK_FUZZ_COMPILED_CASES`). `HELPMARK_FUZZ_ONLY=parser` or `=compiled` runs one
//! of the two.

#[path = "../tests/support/fuzzgen.rs"]
mod fuzzgen;

#[path = "../tests/support/compiledgen.rs"]
mod compiledgen;

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use fuzzgen::{check, Generator, KINDS};

const DEFAULT_CASES: u64 = 1_000_000;

#[derive(Default)]
struct Tally {
    cases: u64,
    bytes: u64,
    time: Duration,
}

fn main() {
    let only = std::env::var("HELPMARK_FUZZ_ONLY").unwrap_or_default();
    if only != "compiled" {
        parser();
    }
    if only != "parser" {
        compiled();
    }
}

/// The compiled-topic and index decoders: cases per second per kind, and failures.
fn compiled() {
    let benching = std::env::args().any(|a| a == "--bench");
    let cases: u64 = match std::env::var("HELPMARK_FUZZ_COMPILED_CASES") {
        Ok(n) => n
            .trim()
            .parse()
            .expect("HELPMARK_FUZZ_COMPILED_CASES is a number"),
        Err(_) if benching => DEFAULT_CASES,
        Err(_) => 1_000,
    };
    let seed = fuzzgen::seed_from_env();
    let first = fuzzgen::first_case_from_env();
    fuzzgen::install_panic_hook();
    let generator = compiledgen::CompiledGenerator::new(seed, &fuzzgen::load_corpus());
    let mut kinds: BTreeMap<&str, Tally> = BTreeMap::new();
    let mut failures: BTreeMap<String, (u64, u64)> = BTreeMap::new();
    let start = Instant::now();
    for index in first..first + cases {
        let case = generator.case(index);
        let t = Instant::now();
        let result = compiledgen::check_compiled(&case.input);
        let tally = kinds.entry(case.kind).or_default();
        tally.cases += 1;
        tally.bytes += case.input.len() as u64;
        tally.time += t.elapsed();
        if let Err(failure) = result {
            failures.entry(failure.signature).or_insert((index, 0)).1 += 1;
        }
        let done = index + 1 - first;
        if done % 100_000 == 0 {
            eprintln!(
                "  {done} compiled cases, {:.0} cases/s",
                done as f64 / start.elapsed().as_secs_f64()
            );
        }
    }
    let total = start.elapsed();
    println!(
        "fuzz (compiled topics and indexes): {cases} cases from case {first}, seed {seed:#x}, {:.1} s, {:.0} cases/s",
        total.as_secs_f64(),
        cases as f64 / total.as_secs_f64()
    );
    println!(
        "  {:<22} {:>8} {:>10} {:>12} {:>9}",
        "kind", "cases", "avg bytes", "checks/s", "MiB/s"
    );
    for kind in compiledgen::COMPILED_KINDS {
        let Some(t) = kinds.get(kind) else { continue };
        let secs = t.time.as_secs_f64().max(1e-9);
        println!(
            "  {:<22} {:>8} {:>10.0} {:>12.0} {:>9.1}",
            kind,
            t.cases,
            t.bytes as f64 / t.cases as f64,
            t.cases as f64 / secs,
            t.bytes as f64 / secs / (1024.0 * 1024.0),
        );
    }
    println!("  failures: {} distinct", failures.len());
    for (signature, (first, count)) in &failures {
        println!("  * {signature}: {count} case(s), first case {first}");
    }
}

/// The Markdown parser.
fn parser() {
    // `cargo test --benches` runs benches without `--bench`: a smoke run then.
    let benching = std::env::args().any(|a| a == "--bench");
    let cases = match std::env::var("HELPMARK_FUZZ_CASES") {
        Ok(n) => n.trim().parse().expect("HELPMARK_FUZZ_CASES is a number"),
        Err(_) if benching => DEFAULT_CASES,
        Err(_) => 1_000,
    };
    let seed = fuzzgen::seed_from_env();
    let first = fuzzgen::first_case_from_env();
    let minimize = std::env::var_os("HELPMARK_FUZZ_MINIMIZE").is_some();
    fuzzgen::install_panic_hook();
    let corpus = fuzzgen::load_corpus().into_iter().map(|(_, s)| s).collect();
    let generator = Generator::new(seed, corpus);

    let mut kinds: BTreeMap<&str, Tally> = BTreeMap::new();
    let mut failures: BTreeMap<String, (u64, u64, String)> = BTreeMap::new();
    let mut generating = Duration::ZERO;
    let start = Instant::now();
    for index in first..first + cases {
        let t0 = Instant::now();
        let case = generator.case(index);
        let t1 = Instant::now();
        let result = check(&case.input);
        let t2 = Instant::now();
        generating += t1 - t0;
        let tally = kinds.entry(case.kind).or_default();
        tally.cases += 1;
        tally.bytes += case.input.len() as u64;
        tally.time += t2 - t1;
        if let Err(failure) = result {
            failures
                .entry(failure.signature)
                .or_insert((index, 0, case.input))
                .1 += 1;
        }
        let done = index + 1 - first;
        if done % 100_000 == 0 {
            eprintln!(
                "  {done} cases, {:.0} cases/s",
                done as f64 / start.elapsed().as_secs_f64()
            );
        }
    }
    let total = start.elapsed();

    let bytes: u64 = kinds.values().map(|t| t.bytes).sum();
    println!(
        "fuzz: {cases} cases from case {first}, seed {seed:#x}, {:.1} s",
        total.as_secs_f64()
    );
    println!(
        "  overall      {:>9.0} cases/s  {:>6.1} MiB/s  (generation {:.1} s)",
        cases as f64 / total.as_secs_f64(),
        bytes as f64 / total.as_secs_f64() / (1024.0 * 1024.0),
        generating.as_secs_f64(),
    );
    println!(
        "  {:<16} {:>8} {:>10} {:>12} {:>9}",
        "kind", "cases", "avg bytes", "checks/s", "MiB/s"
    );
    for kind in KINDS {
        let Some(t) = kinds.get(kind) else { continue };
        let secs = t.time.as_secs_f64().max(1e-9);
        println!(
            "  {:<16} {:>8} {:>10.0} {:>12.0} {:>9.1}",
            kind,
            t.cases,
            t.bytes as f64 / t.cases as f64,
            t.cases as f64 / secs,
            t.bytes as f64 / secs / (1024.0 * 1024.0),
        );
    }
    println!("  failures: {} distinct", failures.len());
    for (signature, (first, count, input)) in &failures {
        println!("  * {signature}: {count} case(s), first case {first}");
        if minimize {
            let small = fuzzgen::minimize(input, signature, 4_000);
            println!("    minimized: {}", fuzzgen::escape(&small));
        }
    }
}
