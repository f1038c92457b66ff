//! A deterministic input generator and property checker for `parse_topic`, shared by
//! `tests/fuzz.rs` (a debug-mode property test) and `benches/fuzz.rs` (a release-mode
//! run of a million cases). Included from both with `#[path = ...] mod fuzzgen;`.
//!
//! Case `n` of seed `s` is always the same input ([`Generator::case`]), so a failure is
//! reproduced from its seed and index alone. No crate: a SplitMix64 PRNG.

#![allow(dead_code)] // each includer uses a different part

use std::cell::{Cell, RefCell};
use std::panic::{self, AssertUnwindSafe};
use std::sync::Once;

use helpmark::content::{parse_topic, Topic, View};

/// The default seed; `HELPMARK_FUZZ_SEED` overrides it.
pub const DEFAULT_SEED: u64 = 0x4865_6c70_6d61_726b; // "Helpmark"

/// The seed from `HELPMARK_FUZZ_SEED` (decimal or `0x` hex), else [`DEFAULT_SEED`].
pub fn seed_from_env() -> u64 {
    let Ok(text) = std::env::var("HELPMARK_FUZZ_SEED") else {
        return DEFAULT_SEED;
    };
    let text = text.trim();
    let parsed = match text.strip_prefix("0x") {
        Some(hex) => u64::from_str_radix(hex, 16),
        None => text.parse(),
    };
    parsed.unwrap_or_else(|_| panic!("HELPMARK_FUZZ_SEED={text:?} is not a number"))
}

/// The first case index, from `HELPMARK_FUZZ_FIRST` (default 0): with
/// `HELPMARK_FUZZ_CASES=1` it reruns one reported case.
pub fn first_case_from_env() -> u64 {
    match std::env::var("HELPMARK_FUZZ_FIRST") {
        Ok(n) => n
            .trim()
            .parse()
            .unwrap_or_else(|_| panic!("HELPMARK_FUZZ_FIRST={n:?} is not a number")),
        Err(_) => 0,
    }
}

// ---------------------------------------------------------------------------------------
// PRNG

/// SplitMix64: tiny, fast, and good enough to drive a fuzzer.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    /// Uniform in `lo..=hi`.
    pub fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    /// True with probability `percent` / 100.
    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    pub fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }
}

// ---------------------------------------------------------------------------------------
// Material

/// Pieces of the format, its damage, and things the parser uses internally.
const FRAGMENTS: &[&str] = &[
    // front matter
    "---\n",
    "---",
    "title: T\n",
    "title: \"Kunden | Partner Center\"\n",
    "title: '\n",
    "title:\n",
    " title: indented\n",
    "description: d\n",
    "ms.contentlocale: de-DE\n",
    "ms.contentlocale: ja-JP\n",
    "ms.contentlocale: ar-SA\n",
    "ms.topic: how-to\n",
    "ms.date: 05/12/2021\n",
    "\u{feff}",
    // span markup, whole and broken
    "<span data-ttu-id=\"ab12c-1\">",
    "<span data-ttu-id=\"ab12c-p2\">",
    "<span data-ttu-id=\"ab12c-1&quot;>",
    "<span data-ttu-id=&quot;ab12c-3&quot;>",
    "<span data-ttu-id=\"",
    "<span data-ttu-id=",
    "</span>",
    "</span></span>",
    "<span class=\"sxs-lookup\"><span data-stu-id=\"ab12c-1\">",
    "<span class=\"sxs-lookup\"><span data-stu-id=\"ab12c-2\">",
    "<span class=\"sxs-lookup\">",
    "<span class=\"sxs-lookup\"><span data-stu-id=",
    "<span class=\"other\">",
    "<span class=",
    "<span data-stu-id=\"ab12c-1\">",
    "&quot;",
    "&amp;",
    "&#42;",
    "&lt;span&gt;",
    // inline markup and its damage
    "**",
    "\\*",
    "\\*\\*",
    "\\* \\*",
    "\\*\\*\\*\\*",
    "****",
    "*",
    "_",
    "__",
    "~~",
    "`",
    "``",
    "\\",
    "\\>",
    "[",
    "]",
    "(",
    ")",
    "[text][x.md]",
    "[t] [Give-Customers-Permission.MD]",
    "[**設定**] [  >  **組織プロファイル**]",
    "[docs](https://example.com)",
    "[x](javascript:alert(1))",
    "[a](#anchor)",
    "[a](other.md#frag)",
    "[a](权限.md)",
    "![img](a.png)",
    "[^1]",
    "$x$",
    "<https://example.com>",
    // DocFX
    "[!INCLUDE[t](p.md)]",
    "[!INCLUDE [t](p.md)]",
    "[!INCLUDE",
    "[!INCLUDE[",
    ":::image type=\"complex\" source=\"a\" alt-text=\"b\":::",
    ":::image type=\"content\" source=\"a.png\" alt-text=\"Alt\":::",
    ":::image ",
    ":::",
    ":::image-end:::",
    "> [!NOTE]\n",
    "> [!TIP]\n",
    "> [!WARNING]\n",
    "> [!div class=\"checklist\"]\n",
    "> [!div class=\"nextstepaction\"]\n",
    "> [!div class=\"mx-imgBorder\"]\n",
    "> [!div",
    "# [Label](#tab/id)\n",
    // block structure
    "> ",
    ">",
    "1. ",
    "2) ",
    "10. ",
    "- ",
    "* ",
    "+ ",
    "  ",
    "    ",
    "\t",
    "   1. ",
    "    - ",
    "# ",
    "## ",
    "#### ",
    "***",
    "| a | b |\n",
    "|---|---|\n",
    "| ",
    " |",
    "|",
    ":-:",
    "```\n",
    "```json\n",
    "~~~",
    "    code\n",
    // HTML
    "<a name=\"x\"></a>",
    "<a id=\"y\">",
    "</a>",
    "<br/>",
    "<br>",
    "<script>alert(1)</script>",
    "<div>\n",
    "</div>",
    "<!-- c -->",
    "<b onclick=\"x\">",
    // bidi controls and marks
    "\u{200F}",
    "\u{202B}",
    "\u{202C}",
    "\u{200E}",
    "\u{2067}",
    "\u{061C}",
    // the parser's private-use placeholders
    "\u{E000}",
    "\u{E001}",
    "\u{E002}",
    "\u{E003}",
    "\u{E000}0\u{E001}",
    "\u{E000}1\u{E001}",
    "\u{E000}99\u{E001}",
    "\u{E000}18446744073709551615\u{E001}",
    "\u{E003}0\u{E001}",
    "\u{E003}7\u{E001}",
    "\u{E002} ",
    // text in many scripts
    "Select ",
    "text ",
    "客户",
    "选择“提交”",
    "設定",
    "고객을",
    "العملاء",
    "לקוחות",
    "Kunden",
    "Wählen",
    "😀",
    "👩\u{200D}💻",
    "e\u{301}",
    "\u{200B}",
    // separators
    "\n",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    " ",
    " ",
    ".",
    ",",
    ":",
    "：",
    "。",
    "“",
    "”",
];

/// Short inline text for span halves.
const WORDS: &[&str] = &[
    "Select",
    "Kunden",
    "Customers",
    "Partner Center",
    "客户",
    "選択",
    "العملاء",
    "לקוחות",
    "Кунден",
    "😀",
    "a",
    "",
];

const LOCALES: &[&str] = &[
    "de-DE", "ja-JP", "zh-CN", "ko-KR", "ar-SA", "he-IL", "ru-RU", "sv-SE", "x", "",
];

const BLOCK_PREFIXES: &[&str] = &[
    "", "", "", "1. ", "2. ", "- ", "* ", "# ", "## ", "> ", "> > ", "| ", "    ", "   ",
];

/// Characters a truncation can happen before or after.
const BOUNDARIES: &[char] = &[
    '\n', '<', '>', '"', '=', '*', '\\', '[', ']', '(', ')', ':', '|', '`', ' ', '&', ';', '#',
    '-', '!', '\u{200F}', '\u{202B}',
];

#[path = "corpus.rs"]
mod corpus;

/// The corpus articles, `tests/fixtures/corpus/<locale>/*.md`, sorted by path.
pub fn load_corpus() -> Vec<(String, String)> {
    corpus::articles()
}

// ---------------------------------------------------------------------------------------
// Generation

/// The kinds of case, in the order [`Generator::case`] draws them from.
pub const KINDS: &[&str] = &[
    "random-bytes",
    "fragment-soup",
    "structured",
    "corpus-delete",
    "corpus-duplicate",
    "corpus-splice",
    "corpus-truncate",
    "corpus-insert",
    "corpus-stacked",
];

pub struct Case {
    pub kind: &'static str,
    pub input: String,
}

pub struct Generator {
    seed: u64,
    corpus: Vec<String>,
}

impl Generator {
    pub fn new(seed: u64, corpus: Vec<String>) -> Self {
        assert!(!corpus.is_empty(), "the generator needs the corpus");
        Generator { seed, corpus }
    }

    /// Case `index`: the same input for the same seed and index, on every machine.
    pub fn case(&self, index: u64) -> Case {
        let mut rng = Rng::new(self.seed ^ index.wrapping_mul(0xD1B5_4A32_D192_ED03));
        rng.next_u64();
        // Weights: a third synthetic, two thirds corpus-based.
        let kind = match rng.below(100) {
            0..=9 => 0,
            10..=21 => 1,
            22..=35 => 2,
            36..=45 => 3,
            46..=53 => 4,
            54..=63 => 5,
            64..=79 => 6,
            80..=89 => 7,
            _ => 8,
        };
        let input = match kind {
            0 => self.random_bytes(&mut rng),
            1 => self.fragment_soup(&mut rng),
            2 => self.structured(&mut rng),
            _ => {
                let mut text = self.article(&mut rng).to_string();
                let ops = if kind == 8 { rng.range(2, 4) } else { 1 };
                for n in 0..ops {
                    let op = if kind == 8 { rng.range(3, 7) } else { kind };
                    // Truncation last, or it would make later operations moot.
                    let op = if op == 6 && n + 1 < ops { 3 } else { op };
                    text = self.mutate(&mut rng, text, op);
                }
                text
            }
        };
        Case {
            kind: KINDS[kind],
            input,
        }
    }

    fn article(&self, rng: &mut Rng) -> &str {
        &self.corpus[rng.below(self.corpus.len())]
    }

    /// A front matter block that usually lets the body through.
    fn front_matter(&self, rng: &mut Rng) -> String {
        if rng.chance(5) {
            return String::new();
        }
        let mut out = String::from(if rng.chance(10) {
            "\u{feff}---\n"
        } else {
            "---\n"
        });
        if !rng.chance(5) {
            out.push_str("title: ");
            out.push_str(rng.pick(WORDS));
            out.push_str(" | Partner Center\n");
        }
        if rng.chance(80) {
            out.push_str("ms.contentlocale: ");
            out.push_str(rng.pick(LOCALES));
            out.push('\n');
        }
        if rng.chance(10) {
            out.push_str(rng.pick(FRAGMENTS));
        }
        if !rng.chance(5) {
            out.push_str(if rng.chance(10) { "---\r\n" } else { "---\n" });
        }
        out
    }

    /// Random bytes read as UTF-8, lossily; often behind a valid front matter.
    fn random_bytes(&self, rng: &mut Rng) -> String {
        let len = rng.below(600);
        let mut bytes: Vec<u8> = (0..len).map(|_| rng.next_u64() as u8).collect();
        if rng.chance(70) {
            // Mostly printable ASCII, so that Markdown syntax forms at all.
            for b in bytes.iter_mut() {
                if rng.chance(85) {
                    *b = 0x20 + *b % 0x5f;
                }
                if rng.chance(4) {
                    *b = b'\n';
                }
            }
        }
        let body = String::from_utf8_lossy(&bytes).into_owned();
        if rng.chance(60) {
            self.front_matter(rng) + &body
        } else {
            body
        }
    }

    /// Any fragments in any order, behind a front matter.
    fn fragment_soup(&self, rng: &mut Rng) -> String {
        let mut out = self.front_matter(rng);
        for _ in 0..rng.range(1, 120) {
            out.push_str(rng.pick(FRAGMENTS));
        }
        if rng.chance(2) {
            let at = char_boundary(&out, rng.below(out.len() + 1));
            out.insert(at, '\0');
        }
        out
    }

    /// Lines with block prefixes holding span pairs whose halves hold inline fragments:
    /// closer to an article, so the deeper stages see more.
    fn structured(&self, rng: &mut Rng) -> String {
        let mut out = self.front_matter(rng);
        let mut id = rng.below(40);
        for _ in 0..rng.range(1, 40) {
            if rng.chance(15) {
                out.push_str(&" ".repeat(rng.below(9)));
            }
            out.push_str(rng.pick(BLOCK_PREFIXES));
            for _ in 0..rng.range(0, 4) {
                if rng.chance(60) {
                    id += 1;
                    self.span_pair(rng, id, &mut out);
                } else {
                    out.push_str(rng.pick(FRAGMENTS));
                }
            }
            out.push_str(match rng.below(10) {
                0 => "\r\n",
                1 => "\n\n",
                _ => "\n",
            });
        }
        out
    }

    fn span_pair(&self, rng: &mut Rng, id: usize, out: &mut String) {
        let prefix = rng.pick(&["ab12c-", "ab12c-p", "fe703-", "", "x"]);
        let quote = if rng.chance(90) { "\"" } else { "&quot;" };
        let english_id = if rng.chance(90) { id } else { id + 1 };
        if !rng.chance(5) {
            out.push_str(&format!("<span data-ttu-id={quote}{prefix}{id}{quote}>"));
            self.half(rng, out);
            if !rng.chance(3) {
                out.push_str("</span>");
            }
        }
        if rng.chance(5) {
            out.push(' ');
        }
        if !rng.chance(5) {
            out.push_str(&format!(
                "<span class=\"sxs-lookup\"><span data-stu-id=\"{prefix}{english_id}\">"
            ));
            self.half(rng, out);
            out.push_str(if rng.chance(90) {
                "</span></span>"
            } else {
                "</span>"
            });
        }
    }

    fn half(&self, rng: &mut Rng, out: &mut String) {
        for _ in 0..rng.range(0, 8) {
            match rng.below(4) {
                0 => {
                    let marker = rng.pick(&["**", "*", "\\*\\*", "`", "[", "]("]);
                    out.push_str(marker);
                    out.push_str(rng.pick(WORDS));
                    out.push_str(marker);
                }
                1 => out.push_str(rng.pick(FRAGMENTS)),
                _ => {
                    out.push_str(rng.pick(WORDS));
                    out.push(' ');
                }
            }
        }
    }

    /// One corpus mutation (`op` as in [`KINDS`]); every cut is on a char boundary.
    fn mutate(&self, rng: &mut Rng, mut text: String, op: usize) -> String {
        let len = text.len();
        match op {
            // Delete one to four byte ranges.
            3 => {
                for _ in 0..rng.range(1, 4) {
                    let len = text.len();
                    let start = char_boundary(&text, rng.below(len + 1));
                    let span = short_len(rng, len - start);
                    let end = char_boundary(&text, start + span);
                    text.replace_range(start..end, "");
                }
                text
            }
            // Duplicate a range somewhere (often right after itself).
            4 => {
                let start = char_boundary(&text, rng.below(len + 1));
                let end = char_boundary(&text, start + short_len(rng, len - start));
                let copy = text[start..end].repeat(rng.range(1, 3));
                let at = if rng.chance(50) {
                    end
                } else {
                    char_boundary(&text, rng.below(len + 1))
                };
                text.insert_str(at, &copy);
                text
            }
            // The start of this article, the end of another.
            5 => {
                let other = self.article(rng);
                let cut = char_boundary(&text, rng.below(len + 1));
                let from = char_boundary(other, rng.below(other.len() + 1));
                text.truncate(cut);
                text.push_str(&other[from..]);
                text
            }
            // Truncate before or after a kind of character, or anywhere.
            6 => {
                let cut = if rng.chance(20) {
                    char_boundary(&text, rng.below(len + 1))
                } else {
                    let target = if rng.chance(10) {
                        None // any non-ASCII character
                    } else {
                        Some(rng.pick(BOUNDARIES))
                    };
                    let spots: Vec<(usize, char)> = text
                        .char_indices()
                        .filter(|&(_, c)| target.map_or(!c.is_ascii(), |t| c == t))
                        .collect();
                    if spots.is_empty() {
                        char_boundary(&text, rng.below(len + 1))
                    } else {
                        let (at, c) = rng.pick(&spots);
                        if rng.chance(50) {
                            at
                        } else {
                            at + c.len_utf8()
                        }
                    }
                };
                text.truncate(cut);
                text
            }
            // Insert fragments at random places.
            _ => {
                for _ in 0..rng.range(1, 6) {
                    let at = char_boundary(&text, rng.below(text.len() + 1));
                    text.insert_str(at, rng.pick(FRAGMENTS));
                }
                text
            }
        }
    }
}

/// A mostly short length, at most `max`.
fn short_len(rng: &mut Rng, max: usize) -> usize {
    let len = match rng.below(4) {
        0 => rng.below(8),
        1 => rng.below(64),
        2 => rng.below(1024),
        _ => rng.below(max + 1),
    };
    len.min(max)
}

/// The nearest char boundary at or before `i`.
pub fn char_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

// ---------------------------------------------------------------------------------------
// Properties

/// What went wrong with one input. Two failures with the same [`Failure::signature`] are
/// the same bug (a panic at one place, or one property broken the same way).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Failure {
    pub signature: String,
    pub detail: String,
}

thread_local! {
    static CATCHING: Cell<bool> = const { Cell::new(false) };
    static LAST_PANIC: RefCell<Option<(String, String)>> = const { RefCell::new(None) };
}

/// Installs (once) a panic hook that records the location and message of panics caught
/// by [`check`] instead of printing them; other panics print as usual.
pub fn install_panic_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let default = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if !CATCHING.with(Cell::get) {
                return default(info);
            }
            let location = info
                .location()
                .map_or_else(|| "unknown".to_string(), |l| l.to_string());
            let payload = info.payload();
            let message = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "(non-string payload)".to_string());
            LAST_PANIC.with(|p| *p.borrow_mut() = Some((location, message)));
        }));
    });
}

/// Runs `f`, turning a panic into a [`Failure`] named after its location.
pub fn no_panic<T>(what: &str, f: impl FnOnce() -> T) -> Result<T, Failure> {
    CATCHING.with(|c| c.set(true));
    let result = panic::catch_unwind(AssertUnwindSafe(f));
    CATCHING.with(|c| c.set(false));
    result.map_err(|_| {
        let (location, message) = LAST_PANIC
            .with(|p| p.borrow_mut().take())
            .unwrap_or_else(|| ("unknown".into(), "(panic hook not installed)".into()));
        Failure {
            signature: format!("panic in {what} at {location}"),
            detail: message,
        }
    })
}

const PLACEHOLDERS: std::ops::RangeInclusive<char> = '\u{E000}'..='\u{E003}';

/// Checks every property on one input:
///
/// - `parse_topic` does not panic;
/// - an error points at line >= 1, column >= 1;
/// - every `Inline::Segment(i)` has `i < segments.len()`;
/// - `title`, `step_text` (every step) and `blocks_text(&blocks)`, in both views, as well
///   as `lead` and `procedure_heading`, do not panic, and the texts hold no U+E000..U+E003;
/// - every diagnostic points at line >= 1, column >= 1.
pub fn check(input: &str) -> Result<(), Failure> {
    check_parse(input).map_err(|mut failure| {
        // Inputs that hold the placeholder characters themselves and inputs that do not
        // fail for different reasons: keep them apart, also while minimizing.
        if !failure.signature.starts_with("panic") && input.contains(|c| PLACEHOLDERS.contains(&c))
        {
            failure.signature.push_str(" (input holds U+E000..U+E003)");
        }
        failure
    })
}

fn check_parse(input: &str) -> Result<(), Failure> {
    let topic = match no_panic("parse_topic", || parse_topic(input))? {
        Ok(topic) => topic,
        Err(e) if e.line == 0 || e.column == 0 => {
            return Err(Failure {
                signature: "error position not 1-based".into(),
                detail: format!("{e:?}"),
            })
        }
        Err(_) => return Ok(()),
    };
    check_segment_refs(&topic)?;
    for view in [View::Localized, View::English] {
        let title = no_panic("Topic::title", || topic.title(view))?;
        no_placeholder("Topic::title", view, &title)?;
        for i in 0..topic.steps.len() {
            let text = no_panic("Topic::step_text", || topic.step_text(i, view))?;
            no_placeholder("Topic::step_text", view, &text)?;
        }
        let text = no_panic("Topic::blocks_text", || {
            topic.blocks_text(&topic.blocks, view)
        })?;
        no_placeholder("Topic::blocks_text", view, &text)?;
    }
    no_panic("Topic::lead", || topic.lead().len())?;
    no_panic("Topic::procedure_heading", || {
        topic.procedure_heading().is_some()
    })?;
    if let Some(d) = topic
        .diagnostics
        .iter()
        .find(|d| d.line == 0 || d.column == 0)
    {
        return Err(Failure {
            signature: format!("diagnostic `{}` position not 1-based", d.code),
            detail: format!("{d:?}"),
        });
    }
    Ok(())
}

fn no_placeholder(what: &str, view: View, text: &str) -> Result<(), Failure> {
    let Some(at) = text.find(|c| PLACEHOLDERS.contains(&c)) else {
        return Ok(());
    };
    let start = char_boundary(text, at.saturating_sub(30));
    let end = char_boundary(text, (at + 33).min(text.len()));
    Err(Failure {
        signature: format!("private-use placeholder char in {what}"),
        detail: format!("{view:?} view text contains {:?}", &text[start..end]),
    })
}

pub fn check_segment_refs(topic: &Topic) -> Result<(), Failure> {
    let len = topic.segments.len();
    let mut bad = None;
    let mut out_of_range = |i: usize| {
        if i >= len {
            bad.get_or_insert(i);
        }
    };
    segment_refs(&format!("{:?}", topic.blocks), &mut out_of_range);
    for step in &topic.steps {
        segment_refs(&format!("{:?}", step.blocks), &mut out_of_range);
    }
    // A half is text of its own: it refers to no segment at all.
    for segment in &topic.segments {
        let halves = format!("{:?}{:?}", segment.localized, segment.english);
        segment_refs(&halves, &mut |i| {
            bad.get_or_insert(i);
        });
    }
    match bad {
        None => Ok(()),
        Some(i) => Err(Failure {
            signature: "Inline::Segment index out of range".into(),
            detail: format!("Inline::Segment({i}) with {len} segments"),
        }),
    }
}

/// Calls `f` with `n` for every `Segment(n)` in a value's `Debug` text, outside string
/// and char literals. Reading the `Debug` text rather than walking the model keeps the
/// check complete when block kinds are added (a walker here would silently skip them).
fn segment_refs(debug: &str, f: &mut dyn FnMut(usize)) {
    const TAG: &str = "Segment(";
    let bytes = debug.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => {
                // A string literal: `\\` escapes the next character.
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                i += 1;
            }
            b'\'' => {
                // A char literal: `'x'`, `'\''`, `'\u{e000}'`.
                let from = if bytes.get(i + 1) == Some(&b'\\') {
                    i + 3
                } else {
                    i + 1
                };
                i = bytes
                    .get(from..)
                    .and_then(|rest| rest.iter().position(|&b| b == b'\''))
                    .map_or(bytes.len(), |at| from + at + 1);
            }
            _ if bytes[i..].starts_with(TAG.as_bytes())
                && (i == 0 || !(bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'_')) =>
            {
                let digits = &bytes[i + TAG.len()..];
                let end = digits
                    .iter()
                    .position(|b| !b.is_ascii_digit())
                    .unwrap_or(digits.len());
                let number = std::str::from_utf8(&digits[..end]).unwrap_or_default();
                f(number.parse().unwrap_or(usize::MAX));
                i += TAG.len() + end;
            }
            _ => i += 1,
        }
    }
}

// ---------------------------------------------------------------------------------------
// Minimization

/// Shrinks a failing input while it still fails with the same signature: delta debugging
/// over lines, then over characters, within `budget` checks.
pub fn minimize(input: &str, signature: &str, budget: usize) -> String {
    let still_fails =
        |candidate: &str| matches!(check(candidate), Err(f) if f.signature == signature);
    let lines: Vec<&str> = input.split_inclusive('\n').collect();
    let lines = shrink(lines, budget / 2, &mut |parts: &[&str]| {
        still_fails(&parts.concat())
    });
    let chars: Vec<char> = lines.concat().chars().collect();
    let chars = shrink(chars, budget / 2, &mut |parts: &[char]| {
        still_fails(&parts.iter().collect::<String>())
    });
    chars.into_iter().collect()
}

/// ddmin-style: remove chunks of halving size while `fails` holds.
fn shrink<T: Clone>(
    mut items: Vec<T>,
    budget: usize,
    fails: &mut dyn FnMut(&[T]) -> bool,
) -> Vec<T> {
    let mut tries = 0;
    let mut chunk = items.len().div_ceil(2).max(1);
    loop {
        let mut removed = false;
        let mut start = 0;
        while start < items.len() {
            if tries >= budget {
                return items;
            }
            tries += 1;
            let end = (start + chunk).min(items.len());
            let mut candidate = items[..start].to_vec();
            candidate.extend_from_slice(&items[end..]);
            if fails(&candidate) {
                items = candidate;
                removed = true;
            } else {
                start += chunk;
            }
        }
        if chunk > 1 {
            chunk = chunk.div_ceil(2);
        } else if !removed {
            return items;
        }
    }
}

/// The input as a Rust string literal, every invisible character escaped.
pub fn escape(input: &str) -> String {
    format!("{input:?}")
}
