//! A deterministic input generator and property checker for the files the widget reads
//! as they come from a server: compiled topics (`decode_topic`) and topic indexes
//! (`parse_manifest`). Shared by `tests/fuzz.rs` (a share of the cases, in CI) and
//! `benches/fuzz.rs` (a million cases), next to the parser's `fuzzgen.rs` (whose PRNG,
//! panic capture and segment check it reuses: include both, `fuzzgen` first).
//!
//! Case `n` of seed `s` is always the same input ([`CompiledGenerator::case`]).

#![allow(dead_code)] // each includer uses a different part

use helpmark::catalog::{build_manifest, compiled_path, parse_manifest};
use helpmark::content::{
    decode_topic, encode_topic, parse_json, parse_topic, Block, Href, Inline, Json, Topic, View,
};
use helpmark::safe_url::{check_url, is_content_path, is_topic_slug, SafeUrl};

use crate::fuzzgen::{char_boundary, check_segment_refs, no_panic, Failure, Rng};

/// The kinds of case, in the order [`CompiledGenerator::case`] draws them from.
pub const COMPILED_KINDS: &[&str] = &[
    "compiled-valid",
    "compiled-tree",
    "compiled-bytes",
    "compiled-random",
    "compiled-hostile-url",
    "compiled-huge",
    "index-tree",
    "index-bytes",
];

/// Link targets a hostile file could hold: each unsafe scheme in several disguises, and
/// safe ones.
pub const HOSTILE_URLS: &[&str] = &[
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    "\u{0}javascript:alert(1)",
    "\tjava\nscript:alert(1)",
    "&#106;avascript:alert(1)",
    "&#x6A;avascript:alert(1)",
    "javascript&colon;alert(1)",
    "%6Aavascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "DATA:text/html;base64,PHNjcmlwdD4=",
    "vbscript:msgbox(1)",
    "file:///etc/passwd",
    "blob:https://example.com/x",
    "\u{feff}javascript:x",
    "java\u{200b}script:x",
    "https://example.com/ok",
    "mailto:a@example.com",
    "//example.com/x",
    "#anchor",
    "other.md#f",
    "img/a.png",
    "",
];

/// Keys and values of the compiled format, for forged objects.
const KEYS: &[&str] = &[
    "v",
    "meta",
    "title",
    "locale",
    "translation",
    "blocks",
    "segments",
    "steps",
    "procedure",
    "l",
    "e",
    "anchors",
    "ins",
    "key",
    "en",
    "pos",
    "b",
    "i",
    "c",
    "a",
    "k",
    "br",
    "s",
    "x",
    "h",
    "r",
    "t",
    "f",
    "id",
    "p",
    "list",
    "items",
    "alert",
    "q",
    "code",
    "lang",
    "table",
    "rows",
    "img",
    "alt",
    "include",
    "next",
    "check",
    "tabs",
    "label",
    "version",
    "topics",
    "slug",
    "locales",
    "path",
    "english",
    "date",
    "steps",
    "compiled",
    "zz",
];

pub struct CompiledCase {
    pub kind: &'static str,
    pub input: String,
}

pub struct CompiledGenerator {
    seed: u64,
    /// The corpus articles, compiled.
    compiled: Vec<String>,
    /// Topic indexes of the corpus topics.
    indexes: Vec<String>,
}

impl CompiledGenerator {
    pub fn new(seed: u64, corpus: &[(String, String)]) -> Self {
        let articles: Vec<(String, Topic)> = corpus
            .iter()
            .filter_map(|(path, source)| {
                let relative = path.rsplit('/').take(2).collect::<Vec<_>>();
                let relative = format!("{}/{}", relative[1], relative[0]);
                parse_topic(source).ok().map(|t| (relative, t))
            })
            .collect();
        let compiled = articles.iter().map(|(_, t)| encode_topic(t)).collect();
        let manifest = build_manifest(&articles);
        let indexes = manifest
            .topics
            .iter()
            .map(|t| manifest.only(&t.slug).expect("a topic").to_json())
            .collect();
        CompiledGenerator {
            seed: seed ^ 0xC0_4D_1E_D0,
            compiled,
            indexes,
        }
    }

    pub fn case(&self, index: u64) -> CompiledCase {
        let mut rng = Rng::new(self.seed ^ index.wrapping_mul(0x9E37_79B9_7F4A_7C15));
        rng.next_u64();
        let kind = match rng.below(100) {
            0..=7 => 0,
            8..=37 => 1,
            38..=55 => 2,
            56..=63 => 3,
            64..=75 => 4,
            76..=79 => 5,
            80..=91 => 6,
            _ => 7,
        };
        let input = match kind {
            0 => rng.pick_str(&self.compiled).to_string(),
            1 => {
                let mut json = parse_json(rng.pick_str(&self.compiled)).expect("compiled");
                for _ in 0..rng.range(1, 4) {
                    mutate_tree(&mut rng, &mut json);
                }
                text_of(&json)
            }
            2 => {
                let text = rng_pick_owned(&mut rng, &self.compiled);
                mutate_bytes(&mut rng, text)
            }
            3 => text_of(&random_json(&mut rng, 0)),
            4 => {
                let mut json = parse_json(rng.pick_str(&self.compiled)).expect("compiled");
                for _ in 0..rng.range(1, 6) {
                    plant_url(&mut rng, &mut json);
                }
                text_of(&json)
            }
            5 => {
                let valid = rng.pick_str(&self.compiled);
                huge(&mut rng, valid)
            }
            6 => {
                let mut json = parse_json(rng.pick_str(&self.indexes)).expect("index");
                for _ in 0..rng.range(1, 3) {
                    mutate_tree(&mut rng, &mut json);
                }
                text_of(&json)
            }
            _ => {
                let text = rng_pick_owned(&mut rng, &self.indexes);
                mutate_bytes(&mut rng, text)
            }
        };
        CompiledCase {
            kind: COMPILED_KINDS[kind],
            input,
        }
    }
}

trait PickStr {
    fn pick_str<'a>(&mut self, items: &'a [String]) -> &'a str;
}

impl PickStr for Rng {
    fn pick_str<'a>(&mut self, items: &'a [String]) -> &'a str {
        &items[self.below(items.len())]
    }
}

fn rng_pick_owned(rng: &mut Rng, items: &[String]) -> String {
    items[rng.below(items.len())].clone()
}

/// Writes a JSON tree as text (the encoder's escaping).
pub fn text_of(json: &Json) -> String {
    let mut out = String::new();
    write_json(&mut out, json);
    out
}

fn write_json(out: &mut String, json: &Json) {
    match json {
        Json::Null => out.push_str("null"),
        Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Json::Int(n) => out.push_str(&n.to_string()),
        Json::Str(s) => out.push_str(&serde_json::to_string(s).expect("a string")),
        Json::Arr(items) => {
            out.push('[');
            for (i, v) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_json(out, v);
            }
            out.push(']');
        }
        Json::Obj(fields) => {
            out.push('{');
            for (i, (k, v)) in fields.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(&serde_json::to_string(k).expect("a string"));
                out.push(':');
                write_json(out, v);
            }
            out.push('}');
        }
    }
}

/// How many values the tree holds (objects and arrays included).
fn count(json: &Json) -> usize {
    1 + match json {
        Json::Arr(items) => items.iter().map(count).sum(),
        Json::Obj(fields) => fields.iter().map(|(_, v)| count(v)).sum(),
        _ => 0,
    }
}

/// The path (indices of fields and items) to the `n`-th value of the tree in pre-order.
fn path_to(json: &Json, n: &mut usize, path: &mut Vec<usize>) -> bool {
    if *n == 0 {
        return true;
    }
    *n -= 1;
    let children: Vec<&Json> = match json {
        Json::Arr(items) => items.iter().collect(),
        Json::Obj(fields) => fields.iter().map(|(_, v)| v).collect(),
        _ => return false,
    };
    for (i, child) in children.into_iter().enumerate() {
        path.push(i);
        if path_to(child, n, path) {
            return true;
        }
        path.pop();
    }
    false
}

fn pick_node<'a>(rng: &mut Rng, json: &'a mut Json) -> &'a mut Json {
    let mut n = rng.below(count(json));
    let mut path = Vec::new();
    assert!(path_to(json, &mut n, &mut path), "n < count");
    path.iter().fold(json, |node, &i| match node {
        Json::Arr(items) => &mut items[i],
        Json::Obj(fields) => &mut fields[i].1,
        _ => unreachable!("a path goes through arrays and objects"),
    })
}

/// A small random value, of the kinds a forged field could hold.
fn small_value(rng: &mut Rng) -> Json {
    match rng.below(9) {
        0 => Json::Null,
        1 => Json::Bool(rng.chance(50)),
        2 => Json::Int(rng.pick(&[0, 1, 2, 7, -1, 255, 256, i64::MAX, i64::MIN])),
        3 => Json::Str(rng.pick(HOSTILE_URLS).to_string()),
        4 => Json::Str(rng.pick(KEYS).to_string()),
        5 => Json::Arr(vec![]),
        6 => Json::Obj(vec![]),
        7 => Json::Arr(vec![Json::Str("x".into())]),
        _ => Json::Obj(vec![(rng.pick(KEYS).to_string(), Json::Int(0))]),
    }
}

/// One structural mutation somewhere in the tree.
fn mutate_tree(rng: &mut Rng, json: &mut Json) {
    let node = pick_node(rng, json);
    match node {
        Json::Obj(fields) if !fields.is_empty() && rng.chance(70) => {
            let i = rng.below(fields.len());
            match rng.below(6) {
                0 => {
                    fields.remove(i);
                }
                1 => fields.push((rng.pick(KEYS).to_string(), small_value(rng))),
                2 => {
                    let copy = fields[i].clone();
                    fields.push(copy);
                }
                3 => fields[i].1 = small_value(rng),
                4 => fields[i].0 = rng.pick(KEYS).to_string(),
                _ => {
                    let j = rng.below(fields.len());
                    fields.swap(i, j);
                }
            }
        }
        Json::Arr(items) if !items.is_empty() && rng.chance(70) => {
            let i = rng.below(items.len());
            match rng.below(5) {
                0 => {
                    items.remove(i);
                }
                1 => {
                    let copy = items[i].clone();
                    items.insert(i, copy);
                }
                2 => items[i] = small_value(rng),
                3 => items.truncate(i),
                _ => items.push(small_value(rng)),
            }
        }
        Json::Int(n) => {
            *n = match rng.below(4) {
                0 => -*n,
                1 => n.wrapping_add(1),
                2 => i64::MAX,
                _ => rng.below(300) as i64,
            }
        }
        Json::Str(s) => match rng.below(4) {
            0 => s.clear(),
            1 => *s = rng.pick(HOSTILE_URLS).to_string(),
            2 => s.push_str(&"w".repeat(rng.below(2000))),
            _ => *s = rng.pick(KEYS).to_string(),
        },
        other => *other = small_value(rng),
    }
}

/// Puts a hostile (or safe) URL in a place a URL occurs: a link target of any kind.
fn plant_url(rng: &mut Rng, json: &mut Json) {
    let node = pick_node(rng, json);
    let url = rng.pick(HOSTILE_URLS).to_string();
    let key = rng.pick(&["x", "h", "r", "t"]);
    let href = if key == "t" {
        Json::Obj(vec![("t".into(), Json::Str(url)), ("f".into(), Json::Null)])
    } else {
        Json::Obj(vec![(key.to_string(), Json::Str(url))])
    };
    let link = Json::Obj(vec![
        ("a".into(), href),
        ("k".into(), Json::Arr(vec![Json::Str("link".into())])),
    ]);
    match node {
        // An inline run list (strings and tagged objects): add a link.
        Json::Arr(items) if items.iter().any(|i| matches!(i, Json::Str(_))) => {
            let at = rng.below(items.len() + 1);
            items.insert(at, link);
        }
        // An existing link: replace its target.
        Json::Obj(fields) if fields.first().is_some_and(|(k, _)| k == "a") => {
            if let Json::Obj(href) = link {
                fields[0] = href[0].clone();
            }
        }
        // An image: its source.
        Json::Obj(fields) if fields.first().is_some_and(|(k, _)| k == "img") => {
            fields[0].1 = Json::Str(rng.pick(HOSTILE_URLS).to_string());
        }
        _ => {}
    }
}

/// Byte-level damage: truncation, deletion, duplication, insertion of JSON tokens.
fn mutate_bytes(rng: &mut Rng, mut text: String) -> String {
    const TOKENS: &[&str] = &[
        "{",
        "}",
        "[",
        "]",
        ",",
        ":",
        "\"",
        "\\",
        "\\u",
        "\\ud800",
        "\\udc00",
        "null",
        "true",
        "-",
        "0",
        "01",
        "1e5",
        "1.5",
        "99999999999999999999",
        " ",
        "\n",
        "\u{0}",
        "é",
        "😀",
        "\"x\":",
        "{\"zz\":1},",
    ];
    for _ in 0..rng.range(1, 5) {
        let len = text.len();
        let at = char_boundary(&text, rng.below(len + 1));
        match rng.below(4) {
            0 => {
                text.truncate(at);
            }
            1 => {
                let end = char_boundary(&text, (at + rng.below(40)).min(text.len()));
                text.replace_range(at..end, "");
            }
            2 => {
                let end = char_boundary(&text, (at + rng.below(40)).min(text.len()));
                let piece = text[at..end].to_string();
                text.insert_str(at, &piece);
            }
            _ => text.insert_str(at, rng.pick(TOKENS)),
        }
    }
    text
}

/// A random JSON value with the format's keys.
fn random_json(rng: &mut Rng, depth: usize) -> Json {
    if depth > 6 || rng.chance(30) {
        return small_value(rng);
    }
    if rng.chance(50) {
        Json::Arr(
            (0..rng.below(5))
                .map(|_| random_json(rng, depth + 1))
                .collect(),
        )
    } else {
        Json::Obj(
            (0..rng.below(6))
                .map(|_| (rng.pick(KEYS).to_string(), random_json(rng, depth + 1)))
                .collect(),
        )
    }
}

/// Past a limit: deep nesting, a long string, many values, a large file.
fn huge(rng: &mut Rng, valid: &str) -> String {
    match rng.below(5) {
        0 => {
            let n = rng.range(90, 12_000);
            format!("{}{}", "[".repeat(n), "]".repeat(n))
        }
        1 => {
            let n = rng.range(60_000, 200_000);
            valid.replacen("\"title\":\"", &format!("\"title\":\"{}", "t".repeat(n)), 1)
        }
        2 => {
            let n = rng.range(150_000, 250_000);
            format!("[{}0]", "0,".repeat(n))
        }
        3 => {
            let n = rng.range(20, 120);
            valid.replacen(
                "],\"segments\"",
                &format!(
                    ",{}\"hr\"{}],\"segments\"",
                    "{\"q\":[".repeat(n),
                    "]}".repeat(n)
                ),
                1,
            )
        }
        _ => " ".repeat(1024 * 1024 + rng.below(10)) + valid,
    }
}

// ---------------------------------------------------------------------------------------
// Properties

/// Checks every property on one input, as a compiled topic and as a topic index:
///
/// - neither reader panics; an error's offset is within the text;
/// - the JSON reader agrees with serde_json: what it reads, serde_json reads the same;
///   what serde_json reads and it refuses, it refuses for a documented reason (a limit,
///   a duplicate key, a number form the format does not use);
/// - a topic it reads has every segment reference in range, encodes and reads back to
///   itself, and its texts (title, steps, blocks, both views) are computed without panic;
///   its procedure is a list with one item per step;
/// - every link target it holds that passes `check_url` as absolute has an allowed scheme,
///   and as relative or anchor has none, also once decoded;
/// - an index it reads has only topic slugs and content paths, its compiled paths follow
///   from them, and it round-trips through `to_json`.
pub fn check_compiled(input: &str) -> Result<(), Failure> {
    check_json(input)?;
    match no_panic("decode_topic", || decode_topic(input))? {
        Ok(topic) => check_topic(&topic)?,
        Err(e) if e.offset > input.len() => {
            return Err(Failure {
                signature: "decode error offset past the end".into(),
                detail: format!("{e:?} for {} bytes", input.len()),
            })
        }
        Err(_) => {}
    }
    if let Ok(manifest) = no_panic("parse_manifest", || parse_manifest(input))? {
        for topic in &manifest.topics {
            if !is_topic_slug(&topic.slug) {
                return fail("index slug not a topic slug", &topic.slug);
            }
            for l in &topic.locales {
                if !is_content_path(&l.path) || l.compiled != compiled_path(&l.path) {
                    return fail("index path not a content path", &l.path);
                }
            }
        }
        let again = parse_manifest(&manifest.to_json());
        if again.as_ref() != Ok(&manifest) {
            return fail("index does not round-trip", &format!("{again:?}"));
        }
    }
    Ok(())
}

fn fail(signature: &str, detail: &str) -> Result<(), Failure> {
    Err(Failure {
        signature: signature.into(),
        detail: detail.chars().take(300).collect(),
    })
}

/// The errors serde_json does not share: the format's limits and strictness.
const OWN_REFUSALS: &[&str] = &[
    "file too large",
    "nested too deeply",
    "string too long",
    "too many values",
    "duplicate key",
    "fractional numbers are not used here",
    "integer out of range",
];

fn check_json(input: &str) -> Result<(), Failure> {
    let ours = no_panic("parse_json", || parse_json(input))?;
    let theirs = serde_json::from_str::<serde_json::Value>(input);
    match (&ours, &theirs) {
        (Ok(ours), Ok(theirs)) if !same(ours, theirs) => {
            return fail("parse_json differs from serde_json", input);
        }
        (Ok(_), Err(e)) => {
            // serde_json's recursion limit (128) is above ours: never the reason here.
            return fail("parse_json reads what serde_json refuses", &e.to_string());
        }
        (Err(e), Ok(_)) if !OWN_REFUSALS.contains(&e.message) => {
            return fail(
                "parse_json refuses valid JSON for no documented reason",
                e.message,
            );
        }
        _ => {}
    }
    Ok(())
}

fn same(ours: &Json, theirs: &serde_json::Value) -> bool {
    use serde_json::Value;
    match (ours, theirs) {
        (Json::Null, Value::Null) => true,
        (Json::Bool(a), Value::Bool(b)) => a == b,
        (Json::Int(a), Value::Number(b)) => b.as_i64() == Some(*a),
        (Json::Str(a), Value::String(b)) => a == b,
        (Json::Arr(a), Value::Array(b)) => {
            a.len() == b.len() && a.iter().zip(b).all(|(x, y)| same(x, y))
        }
        (Json::Obj(a), Value::Object(b)) => {
            a.len() == b.len() && a.iter().all(|(k, v)| b.get(k).is_some_and(|w| same(v, w)))
        }
        _ => false,
    }
}

fn check_topic(topic: &Topic) -> Result<(), Failure> {
    check_segment_refs(topic)?;
    let again = no_panic("encode_topic", || decode_topic(&encode_topic(topic)))?;
    if again.as_ref() != Ok(topic) {
        return fail("decoded topic does not round-trip", &format!("{again:?}"));
    }
    for view in [View::Localized, View::English] {
        no_panic("Topic::title", || topic.title(view))?;
        for i in 0..topic.steps.len() {
            no_panic("Topic::step_text", || topic.step_text(i, view))?;
        }
        no_panic("Topic::blocks_text", || {
            topic.blocks_text(&topic.blocks, view)
        })?;
    }
    no_panic("Topic::lead", || topic.lead().len())?;
    if !topic.steps.is_empty() {
        match topic.procedure.and_then(|p| topic.blocks.get(p)) {
            Some(Block::List { items, .. }) if items.len() == topic.steps.len() => {}
            _ => return fail("steps without their procedure list", ""),
        }
    }
    let mut urls = Vec::new();
    let mut links = |runs: &[Inline]| collect_hrefs(runs, &mut urls);
    for_each_run(&topic.blocks, &mut links);
    for s in &topic.segments {
        links(&s.localized);
        links(&s.english);
    }
    for url in urls {
        check_url_property(&url)?;
    }
    Ok(())
}

fn collect_hrefs(runs: &[Inline], out: &mut Vec<String>) {
    for run in runs {
        match run {
            Inline::Link { href, children } => {
                out.push(match href {
                    Href::External(u) | Href::Relative(u) | Href::Anchor(u) => u.clone(),
                    Href::Topic { slug, .. } => slug.clone(),
                });
                collect_hrefs(children, out);
            }
            Inline::Strong(c) | Inline::Emphasis(c) => collect_hrefs(c, out),
            _ => {}
        }
    }
}

fn for_each_run(blocks: &[Block], f: &mut dyn FnMut(&[Inline])) {
    for block in blocks {
        match block {
            Block::Heading { content, .. }
            | Block::Paragraph(content)
            | Block::NextStep(content) => f(content),
            Block::List { items, .. } | Block::Checklist(items) => {
                items.iter().for_each(|i| for_each_run(i, f))
            }
            Block::Alert { blocks, .. } | Block::Quote(blocks) => for_each_run(blocks, f),
            Block::Table { head, rows } => {
                head.iter().chain(rows.iter().flatten()).for_each(|c| f(c))
            }
            Block::Tabs(tabs) => tabs.iter().for_each(|t| {
                f(&t.label);
                for_each_run(&t.blocks, f)
            }),
            _ => {}
        }
    }
}

/// What `check_url` lets through has an allowed scheme, or none, also once decoded the
/// way a browser or a later decoder could.
pub fn check_url_property(url: &str) -> Result<(), Failure> {
    let scheme = |u: &str| -> Option<String> {
        let u: String = u
            .trim_matches(|c: char| c <= ' ')
            .chars()
            .filter(|c| !c.is_control())
            .collect();
        let colon = u.find(':')?;
        let path = u.find(['/', '?', '#', '\\']).unwrap_or(u.len());
        (colon < path).then(|| u[..colon].to_ascii_lowercase())
    };
    let decoded = |u: &str| {
        // Percent-decoding, then `&#NN;` references: what a careless consumer might do.
        let bytes = u.as_bytes();
        let mut out = Vec::new();
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i] == b'%' && i + 2 < bytes.len() {
                if let Ok(b) = u8::from_str_radix(&u[i + 1..i + 3], 16) {
                    out.push(b);
                    i += 3;
                    continue;
                }
            }
            out.push(bytes[i]);
            i += 1;
        }
        String::from_utf8_lossy(&out)
            .replace("&#58;", ":")
            .replace("&colon;", ":")
    };
    match no_panic("check_url", || check_url(url))? {
        Some(SafeUrl::Absolute(u)) => {
            let s = scheme(&u).unwrap_or_default();
            if !["http", "https", "mailto"].contains(&s.as_str()) {
                return fail("check_url let an unsafe scheme through", &u);
            }
        }
        // An anchor is a fragment of this page, whatever it reads like.
        Some(SafeUrl::Anchor(_)) => {}
        Some(SafeUrl::Relative(u)) => {
            if let Some(s) = scheme(&u).or_else(|| scheme(&decoded(&u))) {
                if !["http", "https", "mailto"].contains(&s.as_str()) {
                    return fail("check_url let a scheme through as relative", &u);
                }
            }
        }
        None => {}
    }
    Ok(())
}
