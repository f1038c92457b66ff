//! Every size limit, in one place (the README's "Limits" section lists them).
//!
//! The widget shares the host page's main thread: no article, compiled topic or topic
//! index may make it work without bound. `helpmark lint` and `helpmark index` refuse
//! articles beyond the article limits (an error: the article is not indexed, and a
//! release build fails); the widget refuses compiled topics and indexes beyond the file
//! limits (the topic's error message), and bounds what it lays out. Every limit is far
//! above the largest real article (46 KB, lines of 2,000 characters, 130 segments).

// ------------------------------------------------------------------ articles (lint, index)

/// Largest article file, in bytes (an error beyond: not parsed, not indexed).
pub const MAX_ARTICLE_BYTES: usize = 512 * 1024;

/// Longest line of an article, in characters (an error beyond).
pub const MAX_LINE_CHARS: usize = 16 * 1024;

/// Most segments (translation units) in one article (an error beyond).
pub const MAX_SEGMENTS: usize = 2000;

/// Deepest nesting of blocks (block quotes, lists, alerts, tabs) and of inline markup
/// (bold, italic, links) in an article (an error beyond). A line whose container prefix
/// (`>` and list markers) alone is deeper is refused before parsing.
pub const MAX_NESTING: usize = 16;

/// Longest run of characters without a break opportunity (space, hyphen, CJK character)
/// in an article before lint warns: the widget lays it out with a break opportunity every
/// [`MAX_UNBROKEN_RUN`] characters.
pub const WARN_UNBROKEN_RUN: usize = 256;

// ------------------------------------------------------------------ files the widget reads

/// Largest compiled topic, in bytes (the topic's error message beyond; checked before
/// parsing, and before the body is read when the server announces its length). The
/// corpus's largest is 30 KB; reading 1 MiB took the host page a task of 50-90 ms.
pub const MAX_COMPILED_BYTES: usize = 256 * 1024;

/// A compiled topic over this many bytes is shown in stages, a task apart (the panel,
/// `components::panel`): read, then the title and the step, then the lead. The corpus's
/// largest is 39 KB, shown at once, in the task that read it; one as large as
/// [`MAX_COMPILED_BYTES`] shown at once made the host page a task of 50-130 ms.
pub const STAGED_FROM_BYTES: usize = 64 * 1024;

/// Largest UI strings file (`ui/<locale>.txt`), in bytes.
pub const MAX_STRINGS_BYTES: usize = 16 * 1024;

/// Largest topic index or manifest, in bytes.
pub const MAX_INDEX_BYTES: usize = 4 * 1024 * 1024;

/// Deepest JSON nesting in a compiled topic or an index (arrays and objects).
pub const MAX_JSON_DEPTH: u32 = 96;

/// Longest JSON string, in bytes once read.
pub const MAX_JSON_STRING_BYTES: usize = 64 * 1024;

/// Most JSON values (of any kind) in one file.
pub const MAX_JSON_VALUES: usize = 100_000;

// ------------------------------------------------------------------ what the widget lays out

/// Most characters of text one render of a lead or a step lays out (the rest is left
/// out, with an ellipsis); lint warns about a lead or a step longer than this (the
/// corpus's longest lead has 4,398 characters, its longest step 1,181).
pub const MAX_RENDERED_CHARS: usize = 8 * 1024;

/// Most elements and text runs one render of a lead or a step creates.
pub const MAX_RENDERED_NODES: usize = 600;

/// Deepest nesting of block quotes, lists, alerts and tabs laid out as such; deeper
/// content is laid out flat at that depth (44 nested quotes squeeze text to a character a
/// line: a layout of a tenth of a second for 32,000 characters).
pub const MAX_RENDERED_DEPTH: usize = 8;

/// The longest run of characters without a break opportunity that is laid out as is;
/// longer runs get a break opportunity (`<wbr>`) every this many characters.
pub const MAX_UNBROKEN_RUN: usize = 64;

/// Most characters of a title laid out (and put in the panel's accessible name).
pub const MAX_TITLE_CHARS: usize = 512;

/// Longest accessible name or `data-help-target` key compared with a step's labels, in
/// bytes: longer names are not control labels, and are skipped without being read.
pub const MAX_NAME_BYTES: usize = 512;

/// Whether a line may break at or after `c` without `overflow-wrap`: spaces, hyphens,
/// a zero-width space, and the CJK ideographs, kana and hangul that break between
/// characters.
pub fn breaks_line(c: char) -> bool {
    c.is_whitespace()
        || matches!(c, '-' | '\u{2010}' | '\u{2013}' | '\u{2014}' | '\u{200b}')
        || matches!(c, '\u{2e80}'..='\u{a4cf}' | '\u{ac00}'..='\u{d7af}' | '\u{f900}'..='\u{faff}' | '\u{ff00}'..='\u{ffef}')
}

/// The longest run of characters without a break opportunity in `text`.
///
/// ```
/// use helpmark::limits::longest_unbroken_run;
/// assert_eq!(longest_unbroken_run("ab cde-fg"), 3);
/// assert_eq!(longest_unbroken_run("顧客アカウント"), 0);
/// ```
pub fn longest_unbroken_run(text: &str) -> usize {
    let mut longest = 0;
    let mut run = 0;
    for c in text.chars() {
        if breaks_line(c) {
            run = 0;
        } else {
            run += 1;
            longest = longest.max(run);
        }
    }
    longest
}
