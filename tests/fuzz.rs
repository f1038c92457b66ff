//! Property test: `parse_topic` never panics, on anything, and what it returns is sound.
//!
//! The inputs come from the deterministic generator in `support/fuzzgen.rs` (random
//! bytes, soups of format fragments, generated articles, and mutations of the real
//! corpus); the properties are listed on [`fuzzgen::check`]. A failure is reported per
//! distinct bug (panic location or broken property) with its case number and a
//! minimized input, as a Rust string literal.
//!
//! `HELPMARK_FUZZ_CASES` sets the number of cases (default [`DEFAULT_CASES`]: about 11 s
//! of CPU in a debug build on the project machine); `HELPMARK_FUZZ_SEED` another seed;
//! `HELPMARK_FUZZ_FIRST` the first case (`HELPMARK_FUZZ_FIRST=n HELPMARK_FUZZ_CASES=1`
//! reruns case `n`).
//! `cargo bench --bench fuzz` runs the same generator for a million cases.
//!
//! The files the widget reads as they come from a server (compiled topics and topic
//! indexes) are fuzzed the same way by `support/compiledgen.rs`
//! ([`decode_topic_and_parse_manifest_uphold_their_properties_on_generated_inputs`]);
//! `HELPMARK_FUZZ_COMPILED_CASES` sets its number of cases (default
//! [`DEFAULT_COMPILED_CASES`]).

#[path = "support/fuzzgen.rs"]
mod fuzzgen;

#[path = "support/compiledgen.rs"]
mod compiledgen;

use std::collections::BTreeMap;
use std::fmt::Write as _;

use fuzzgen::{check, Failure, Generator};

/// Cases per run unless `HELPMARK_FUZZ_CASES` says otherwise.
const DEFAULT_CASES: u64 = 12_000;

/// Compiled-topic and index cases per run unless `HELPMARK_FUZZ_COMPILED_CASES` says
/// otherwise (a share of the benchmark's million, a few seconds in a debug build).
const DEFAULT_COMPILED_CASES: u64 = 2_000;

/// Checks spent minimizing each distinct failure.
const MINIMIZE_BUDGET: usize = 4_000;

fn cases_from_env() -> u64 {
    match std::env::var("HELPMARK_FUZZ_CASES") {
        Ok(n) => n
            .trim()
            .parse()
            .unwrap_or_else(|_| panic!("HELPMARK_FUZZ_CASES={n:?} is not a number")),
        Err(_) => DEFAULT_CASES,
    }
}

struct Found {
    first_case: u64,
    kind: &'static str,
    failure: Failure,
    input: String,
    count: usize,
}

#[test]
fn the_real_articles_uphold_every_property() {
    fuzzgen::install_panic_hook();
    for (name, source) in fuzzgen::load_corpus() {
        if let Err(failure) = check(&source) {
            panic!("{name}: {}: {}", failure.signature, failure.detail);
        }
    }
}

/// Failures the generator found (minimized), kept as fast regression cases.
const FOUND: &[&str] = &[
    // Unreadable span markup: its diagnostic cut the source at byte 40, inside a character.
    "---\ntitle:心\n---\n<span data-ttu-id=户刚刚购买了新的",
    // A forged segment placeholder in a step: `topic.segments[i]` out of range.
    "---\ntitle:r\n---\n2) \u{E000}9\u{E001}",
    // A forged placeholder elsewhere: an `Inline::Segment` past the end of `segments`.
    "---\ntitle:r\n---\n\u{E000}0\u{E001}",
    // Private-use characters of the input reached the reader.
    "---\ntitle:r\n---\n\u{E002}",
    "---\ntitle:r\n---\n# \u{E001}",
    // A span pair inside inline code, an indented or a fenced code block: its placeholder
    // was shown instead of its text.
    "---\ntitle:r\n---\n`<span data-ttu-id=\"a-1\">x</span>`",
    "---\ntitle:r\n---\n    <span data-ttu-id=\"a-1\">x</span>",
    "---\ntitle:r\n---\n```\n<span data-ttu-id=\"a-1\">x</span>\n```",
    // A directive in a heading or a table cell: its placeholder was shown.
    "---\ntitle:r\n---\n# :::image :::",
    "---\ntitle:r\n---\n| a |\n|---|\n| [!INCLUDE[t](p.md)] |",
    // A directive in the alt text of a paragraph that is one Markdown image: the image
    // block's alt text showed its placeholder (found by `cargo bench --bench fuzz`, cases
    // 11996, 48036, 276742 and 676849 of the default seed).
    "---\ntitle:r\n---\n![:::image :::]()",
    "---\ntitle:r\n---\n3. >![[!INCLUDE[]()]]()",
];

#[test]
fn inputs_that_failed_before_uphold_every_property() {
    fuzzgen::install_panic_hook();
    let failures: Vec<String> = FOUND
        .iter()
        .filter_map(|input| {
            let failure = check(input).err()?;
            Some(format!(
                "{}: {}\n  {}",
                failure.signature,
                failure.detail,
                fuzzgen::escape(input)
            ))
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn parse_topic_upholds_its_properties_on_generated_inputs() {
    fuzzgen::install_panic_hook();
    let cases = cases_from_env();
    let seed = fuzzgen::seed_from_env();
    let first = fuzzgen::first_case_from_env();
    let corpus = fuzzgen::load_corpus().into_iter().map(|(_, s)| s).collect();
    let generator = Generator::new(seed, corpus);

    let mut found: BTreeMap<String, Found> = BTreeMap::new();
    for index in first..first + cases {
        let case = generator.case(index);
        if let Err(failure) = check(&case.input) {
            found
                .entry(failure.signature.clone())
                .or_insert(Found {
                    first_case: index,
                    kind: case.kind,
                    failure,
                    input: case.input,
                    count: 0,
                })
                .count += 1;
        }
    }
    if found.is_empty() {
        return;
    }

    let mut report = format!(
        "{} distinct failure(s) in {cases} cases (seed {seed:#x}):\n",
        found.len()
    );
    for (signature, f) in &found {
        let minimized = fuzzgen::minimize(&f.input, signature, MINIMIZE_BUDGET);
        let detail = match check(&minimized) {
            Err(again) => again.detail,
            Ok(()) => f.failure.detail.clone(),
        };
        let _ = write!(
            report,
            "\n* {signature}\n  {count} case(s); first: case {first} ({kind}, {len} bytes)\n  \
             detail: {detail}\n  minimized ({min_len} bytes): {escaped}\n",
            count = f.count,
            first = f.first_case,
            kind = f.kind,
            len = f.input.len(),
            min_len = minimized.len(),
            escaped = fuzzgen::escape(&minimized),
        );
    }
    panic!("{report}");
}

/// Inputs the compiled-topic generator found, kept as fast regression cases.
const FOUND_COMPILED: &[&str] = &[
    // Form feed is not JSON whitespace (serde_json refuses it; so must the reader).
    "\u{c}null",
    // An invalid escape stopping inside a character: parse_manifest sliced the text
    // there and panicked (case 652 of the default seed).
    "{\"v\":1,\"meta\":{\"title\":\"\\ビ\"}}",
];

#[test]
fn compiled_inputs_that_failed_before_uphold_every_property() {
    fuzzgen::install_panic_hook();
    for input in FOUND_COMPILED {
        if let Err(failure) = compiledgen::check_compiled(input) {
            panic!(
                "{}: {}\n  {}",
                failure.signature,
                failure.detail,
                fuzzgen::escape(input)
            );
        }
    }
    // Every hostile URL the generator plants, alone.
    for url in compiledgen::HOSTILE_URLS {
        if let Err(failure) = compiledgen::check_url_property(url) {
            panic!("{}: {}", failure.signature, failure.detail);
        }
    }
}

#[test]
fn decode_topic_and_parse_manifest_uphold_their_properties_on_generated_inputs() {
    fuzzgen::install_panic_hook();
    let cases = match std::env::var("HELPMARK_FUZZ_COMPILED_CASES") {
        Ok(n) => n
            .trim()
            .parse()
            .expect("HELPMARK_FUZZ_COMPILED_CASES is a number"),
        Err(_) => DEFAULT_COMPILED_CASES,
    };
    let seed = fuzzgen::seed_from_env();
    let first = fuzzgen::first_case_from_env();
    let generator = compiledgen::CompiledGenerator::new(seed, &fuzzgen::load_corpus());
    let mut found: BTreeMap<String, (u64, &'static str, String, usize)> = BTreeMap::new();
    let mut kinds: BTreeMap<&str, usize> = BTreeMap::new();
    for index in first..first + cases {
        let case = generator.case(index);
        *kinds.entry(case.kind).or_default() += 1;
        if let Err(failure) = compiledgen::check_compiled(&case.input) {
            found
                .entry(failure.signature)
                .or_insert((index, case.kind, failure.detail, 0))
                .3 += 1;
        }
    }
    // Every kind of case ran.
    assert_eq!(kinds.len(), compiledgen::COMPILED_KINDS.len(), "{kinds:?}");
    if found.is_empty() {
        return;
    }
    let mut report = format!(
        "{} distinct failure(s) in {cases} cases (seed {seed:#x}):\n",
        found.len()
    );
    for (signature, (first, kind, detail, count)) in &found {
        let _ = write!(
            report,
            "\n* {signature}\n  {count} case(s); first: case {first} ({kind})\n  detail: {detail}\n"
        );
    }
    panic!("{report}");
}
