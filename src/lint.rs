//! Checks of an article in the context of its file and its sibling topics.
//!
//! [`lint`] adds to a topic's own diagnostics (repairs and damage found while parsing) what
//! only the file's context can tell: whether the locale folder agrees with the front
//! matter, and whether links to other topics and to anchors lead anywhere. Pure: the
//! caller reads the files (`helpmark lint`).

use crate::content::Code;
use std::collections::{BTreeMap, BTreeSet};

use crate::content::{slug, Block, Diagnostic, Href, Inline, Severity, Topic, View};
use crate::limits;

/// The topic's own diagnostics plus the file-context checks, sorted by line, column and
/// code.
///
/// `path` is the article's path (`de-DE/update-customer-account-info.md`, any prefix, `/`
/// or `\` separated); `known_topics` are the slugs of the topics that exist, sorted
/// (looked up by binary search: a catalog of thousands of topics lints in linear time).
///
/// # Examples
///
/// ```
/// use helpmark::content::parse_topic;
/// use helpmark::lint::lint;
///
/// let topic = parse_topic("---\ntitle: T\nms.contentlocale: de-DE\n---\nSee [x](other.md).\n").unwrap();
/// let found = lint("sv-SE/t.md", &topic, &["t".to_string()]);
/// let codes: Vec<_> = found.iter().map(|d| d.code).collect();
/// // Both are at 1:1 (the link is outside any segment), so they sort by code.
/// assert_eq!(codes, ["broken-topic-link", "locale-folder-mismatch"]);
/// ```
pub fn lint(path: &str, topic: &Topic, known_topics: &[String]) -> Vec<Diagnostic> {
    let mut found = topic.diagnostics.clone();
    match (&topic.meta.locale, folder_locale(path)) {
        (None, _) => found.push(Diagnostic {
            line: 1,
            column: 1,
            severity: Severity::Warning,
            code: Code::FrontMatterLocaleMissing,
            message: "the front matter has no `ms.contentlocale`; the locale is guessed from the folder name".into(),
        }),
        (Some(locale), Some(folder)) if !locale.trim().eq_ignore_ascii_case(folder) => {
            found.push(Diagnostic {
                line: 1,
                column: 1,
                severity: Severity::Warning,
                code: Code::LocaleFolderMismatch,
                message: format!(
                    "`ms.contentlocale: {}` differs from the folder `{folder}`",
                    locale.trim()
                ),
            })
        }
        _ => {}
    }

    let anchors = heading_anchors(topic);
    let mut links = Vec::new();
    collect_block_links(topic, &topic.blocks, &mut 1, &mut links);
    let mut reported = BTreeSet::new();
    for Link {
        line,
        href,
        approximate,
    } in links
    {
        let near = if approximate {
            " (the link is outside any translated segment, so its line is approximate)"
        } else {
            ""
        };
        let diagnostic = match &href {
            Href::Topic { slug, .. } if known_topics.binary_search(slug).is_err() => Diagnostic {
                line,
                column: 1,
                severity: Severity::Warning,
                code: Code::BrokenTopicLink,
                message: format!(
                    "link to the topic `{slug}.md`, which is not among the linted topics{near}"
                ),
            },
            Href::Anchor(anchor)
                // `# [Label](#tab/id)` defines a tab; it does not link to a heading.
                if !anchor.starts_with("tab/")
                    && !anchors.contains(&anchor.to_ascii_lowercase()) =>
            {
                Diagnostic {
                    line,
                    column: 1,
                    severity: Severity::Warning,
                    code: Code::BrokenAnchorLink,
                    message: format!(
                        "link to `#{anchor}`, which matches no heading of this topic{near}"
                    ),
                }
            }
            _ => continue,
        };
        // The English and the localized half of a segment usually hold the same link.
        if reported.insert((diagnostic.line, diagnostic.code, diagnostic.message.clone())) {
            found.push(diagnostic);
        }
    }

    found.sort_by(|a, b| {
        (a.line, a.column, a.code, &a.message).cmp(&(b.line, b.column, b.code, &b.message))
    });
    found
}

/// Reads an article's bytes as `helpmark lint` and `helpmark index` do, within the
/// article limits of [`crate::limits`], with bounded work whatever the file holds.
///
/// Errors (the article is not indexed, `lint` exits with 1, a release build fails):
/// `article-too-large` (the file is not parsed), `line-too-long`, `nested-too-deeply`
/// (a line's container prefix is checked before parsing, the parsed blocks and inline
/// markup after), `too-many-segments`, `too-large-for-widget` (the compiled form would be
/// refused by the widget), and `not-a-topic`. Warnings (the article is indexed; the
/// widget adjusts what it lays out): `unbroken-run` (the widget adds a break opportunity
/// every [`limits::MAX_UNBROKEN_RUN`] characters) and `truncated-in-widget` (a lead or
/// step longer than [`limits::MAX_RENDERED_CHARS`] characters is cut there). On success
/// the warnings are in the topic's diagnostics; on failure every diagnostic found is
/// returned.
///
/// # Examples
///
/// ```
/// let long = format!("---\ntitle: T\n---\n{}\n", "a".repeat(20_000));
/// let found = helpmark::lint::read_article(long.into_bytes()).unwrap_err();
/// assert!(found.iter().any(|d| d.code == "line-too-long" && d.line == 4));
/// ```
pub fn read_article(bytes: Vec<u8>) -> Result<Topic, Vec<Diagnostic>> {
    let error = |line: usize, column: usize, code: Code, message: String| Diagnostic {
        line: u32::try_from(line).unwrap_or(u32::MAX),
        column: u32::try_from(column).unwrap_or(u32::MAX),
        severity: Severity::Error,
        code,
        message,
    };
    let mut found = Vec::new();
    if bytes.len() > limits::MAX_ARTICLE_BYTES {
        found.push(error(
            1,
            1,
            Code::ArticleTooLarge,
            format!(
                "the file has {} bytes, more than the limit of {} (not indexed)",
                bytes.len(),
                limits::MAX_ARTICLE_BYTES
            ),
        ));
    }
    let source = match String::from_utf8(bytes) {
        Ok(source) => source,
        Err(_) if found.is_empty() => {
            found.push(error(1, 1, Code::NotATopic, "not a UTF-8 text file".into()));
            return Err(found);
        }
        Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
    };
    found.extend(line_limits(&source));
    let failed = |found: &[Diagnostic]| found.iter().any(|d| d.severity == Severity::Error);
    if failed(&found) {
        return Err(found);
    }
    let mut topic = match crate::content::parse_topic(&source) {
        Ok(topic) => topic,
        Err(e) => {
            // The error's text without its own `line:column: ` prefix.
            let text = e.to_string();
            let position = format!("{}:{}: ", e.line, e.column);
            found.push(Diagnostic {
                line: e.line,
                column: e.column,
                severity: Severity::Error,
                code: Code::NotATopic,
                message: text.strip_prefix(&position).unwrap_or(&text).to_string(),
            });
            return Err(found);
        }
    };
    found.extend(topic_limits(&topic));
    if failed(&found) {
        return Err(found);
    }
    topic.diagnostics.extend(found);
    Ok(topic)
}

/// The line limits, before parsing: line length, a container prefix too deep, the
/// number of segments (`data-ttu-id` attributes), and (a warning) the longest unbroken
/// run. At most 20 diagnostics of each kind.
fn line_limits(source: &str) -> Vec<Diagnostic> {
    let mut found: Vec<Diagnostic> = Vec::new();
    let mut counts = [0usize; 4];
    let mut segments = 0usize;
    let mut push = |kind: usize, d: Diagnostic| {
        counts[kind] += 1;
        if counts[kind] <= 20 {
            found.push(d);
        }
    };
    let mut fence: Option<&str> = None;
    for (i, line) in source.lines().enumerate() {
        let number = u32::try_from(i + 1).unwrap_or(u32::MAX);
        let trimmed = line.trim_start();
        let opened = ["```", "~~~"].into_iter().find(|f| trimmed.starts_with(f));
        match (fence, opened) {
            (None, Some(f)) => fence = Some(f),
            (Some(f), Some(g)) if f == g => fence = None,
            _ => {}
        }
        let chars = line.chars().count();
        if chars > limits::MAX_LINE_CHARS {
            push(
                0,
                Diagnostic {
                    line: number,
                    column: u32::try_from(limits::MAX_LINE_CHARS + 1).unwrap_or(u32::MAX),
                    severity: Severity::Error,
                    code: Code::LineTooLong,
                    message: format!(
                        "the line has {chars} characters, more than the limit of {} (not indexed)",
                        limits::MAX_LINE_CHARS
                    ),
                },
            );
        }
        let depth = if fence.is_some() && opened.is_none() {
            0
        } else {
            container_depth(line)
        };
        if depth > limits::MAX_NESTING {
            push(
                1,
                Diagnostic {
                    line: number,
                    column: 1,
                    severity: Severity::Error,
                    code: Code::NestedTooDeeply,
                    message: format!(
                        "the line opens {depth} nested block quotes or list items, more than the limit of {} (not indexed)",
                        limits::MAX_NESTING
                    ),
                },
            );
        }
        let before = segments;
        segments += line.matches("data-ttu-id").count();
        if before <= limits::MAX_SEGMENTS && segments > limits::MAX_SEGMENTS {
            push(
                3,
                Diagnostic {
                    line: number,
                    column: 1,
                    severity: Severity::Error,
                    code: Code::TooManySegments,
                    message: format!(
                        "segment {} of the article is past the limit of {} segments (not indexed)",
                        limits::MAX_SEGMENTS + 1,
                        limits::MAX_SEGMENTS
                    ),
                },
            );
        }
        let run = crate::limits::longest_unbroken_run(line);
        if run > limits::WARN_UNBROKEN_RUN {
            push(
                2,
                Diagnostic {
                    line: number,
                    column: 1,
                    severity: Severity::Warning,
                    code: Code::UnbrokenRun,
                    message: format!(
                        "a run of {run} characters without a space or other break opportunity; the widget breaks it every {} characters",
                        limits::MAX_UNBROKEN_RUN
                    ),
                },
            );
        }
    }
    found
}

/// How deep a line nests by its prefix: the block quotes and list items it opens
/// (`> > - 1. text`), plus, when it opens any, one level per two columns of indentation
/// before them (a nested list item is indented under its parent's text).
fn container_depth(line: &str) -> usize {
    let columns: usize = line
        .chars()
        .take_while(|c| matches!(c, ' ' | '\t'))
        .map(|c| if c == '\t' { 4 } else { 1 })
        .sum();
    match prefix_depth(line) {
        0 => 0,
        depth => depth + columns / 2,
    }
}

/// How many block quotes and list items a line opens by its prefix.
fn prefix_depth(line: &str) -> usize {
    let mut depth = 0;
    let mut rest = line;
    loop {
        let trimmed = rest.trim_start_matches([' ', '\t']);
        if let Some(after) = trimmed.strip_prefix('>') {
            rest = after;
        } else if let Some(after) = trimmed
            .strip_prefix(['-', '*', '+'])
            .filter(|a| a.starts_with([' ', '\t']))
        {
            rest = after;
        } else {
            let digits = trimmed.bytes().take_while(u8::is_ascii_digit).count();
            match trimmed[digits..].strip_prefix(['.', ')']) {
                Some(after) if (1..=9).contains(&digits) && after.starts_with([' ', '\t']) => {
                    rest = after
                }
                _ => return depth,
            }
        }
        depth += 1;
    }
}

/// The limits of the parsed article: segments, nesting, the compiled form, and (a
/// warning) the text of a lead or a step beyond what the widget lays out.
fn topic_limits(topic: &Topic) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    if let Some(over) = topic.segments.get(limits::MAX_SEGMENTS) {
        found.push(Diagnostic {
            line: over.line.max(1),
            column: 1,
            severity: Severity::Error,
            code: Code::TooManySegments,
            message: format!(
                "the article has {} segments, more than the limit of {} (not indexed)",
                topic.segments.len(),
                limits::MAX_SEGMENTS
            ),
        });
    }
    let in_segments = topic
        .segments
        .iter()
        .map(|s| inline_nesting(&s.localized).max(inline_nesting(&s.english)))
        .max()
        .unwrap_or(0);
    let depth = nesting(&topic.blocks).max(in_segments);
    if depth > limits::MAX_NESTING {
        found.push(Diagnostic {
            line: 1,
            column: 1,
            severity: Severity::Error,
            code: Code::NestedTooDeeply,
            message: format!(
                "blocks or inline markup nest {depth} levels deep, more than the limit of {} (not indexed)",
                limits::MAX_NESTING
            ),
        });
    }
    if found.is_empty() {
        if let Err(e) = crate::content::decode_topic(&crate::content::encode_topic(topic)) {
            found.push(Diagnostic {
                line: 1,
                column: 1,
                severity: Severity::Error,
                code: Code::TooLargeForWidget,
                message: format!(
                    "the compiled article would be refused by the widget: {} (not indexed)",
                    e.message
                ),
            });
        }
    }
    let mut parts: Vec<(&str, u32, &[Block])> = vec![("the lead", 1, topic.lead())];
    for step in &topic.steps {
        parts.push((
            "a step",
            step_line(topic, &step.blocks).unwrap_or(1),
            &step.blocks,
        ));
    }
    for (what, line, blocks) in parts {
        let chars = topic.blocks_text(blocks, View::Localized).chars().count();
        if chars > limits::MAX_RENDERED_CHARS {
            found.push(Diagnostic {
                line,
                column: 1,
                severity: Severity::Warning,
                code: Code::TruncatedInWidget,
                message: format!(
                    "{what} has {chars} characters; the widget shows the first {}",
                    limits::MAX_RENDERED_CHARS
                ),
            });
        }
    }
    found
}

/// The line of the first segment in `blocks`.
fn step_line(topic: &Topic, blocks: &[Block]) -> Option<u32> {
    let debug = format!("{blocks:?}");
    let start = debug.find("Segment(")? + "Segment(".len();
    let digits: String = debug[start..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    let index: usize = digits.parse().ok()?;
    topic.segments.get(index).map(|s| s.line)
}

/// How deep inline markup nests (plain text is 0, bold text 1).
fn inline_nesting(runs: &[Inline]) -> usize {
    runs.iter()
        .map(|r| match r {
            Inline::Strong(c) | Inline::Emphasis(c) | Inline::Link { children: c, .. } => {
                1 + inline_nesting(c)
            }
            _ => 0,
        })
        .max()
        .unwrap_or(0)
}

/// How deep container blocks and inline markup nest (a paragraph of plain text is 0, a
/// quoted one 1, bold text in a list item 2).
fn nesting(blocks: &[Block]) -> usize {
    let inlines = inline_nesting;
    blocks
        .iter()
        .map(|b| match b {
            Block::Heading { content, .. }
            | Block::Paragraph(content)
            | Block::NextStep(content) => inlines(content),
            Block::List { items, .. } | Block::Checklist(items) => {
                1 + items.iter().map(|i| nesting(i)).max().unwrap_or(0)
            }
            Block::Alert { blocks, .. } | Block::Quote(blocks) => 1 + nesting(blocks),
            Block::Table { head, rows } => head
                .iter()
                .chain(rows.iter().flatten())
                .map(|c| inlines(c))
                .max()
                .unwrap_or(0),
            Block::Tabs(tabs) => {
                1 + tabs
                    .iter()
                    .map(|t| inlines(&t.label).max(nesting(&t.blocks)))
                    .max()
                    .unwrap_or(0)
            }
            Block::Code { .. } | Block::Image { .. } | Block::Include { .. } | Block::Rule => 0,
        })
        .max()
        .unwrap_or(0)
}

/// How many diagnostics there are of each code, in code order.
///
/// # Examples
///
/// ```
/// use helpmark::content::{Code, Diagnostic, Severity};
///
/// let d = |code| Diagnostic { line: 1, column: 1, severity: Severity::Info, code, message: String::new() };
/// let counts = helpmark::lint::summary(&[d(Code::UnbrokenRun), d(Code::LineTooLong), d(Code::UnbrokenRun)]);
/// assert_eq!(counts.into_iter().collect::<Vec<_>>(), [("line-too-long", 1), ("unbroken-run", 2)]);
/// ```
pub fn summary<'a>(
    diagnostics: impl IntoIterator<Item = &'a Diagnostic>,
) -> BTreeMap<&'static str, usize> {
    let mut counts = BTreeMap::new();
    for d in diagnostics {
        *counts.entry(d.code.as_str()).or_insert(0) += 1;
    }
    counts
}

/// The folder the file is in, when its name looks like a locale tag (`de-DE`, `ar-sa`).
fn folder_locale(path: &str) -> Option<&str> {
    let folder = path.rsplit(['/', '\\']).nth(1)?;
    let (language, region) = folder.split_once('-')?;
    let letters = |s: &str, lengths: &[usize]| {
        lengths.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphabetic())
    };
    (letters(language, &[2, 3]) && letters(region, &[2])).then_some(folder)
}

/// The anchors a `#fragment` can reach, lower case: every heading's `<a name>`, and the
/// id the documentation site derived from the English heading text.
fn heading_anchors(topic: &Topic) -> BTreeSet<String> {
    fn walk(topic: &Topic, blocks: &[Block], out: &mut BTreeSet<String>) {
        for block in blocks {
            match block {
                Block::Heading {
                    anchor, content, ..
                } => {
                    if let Some(anchor) = anchor {
                        out.insert(anchor.to_ascii_lowercase());
                    }
                    let derived = slug(&topic.plain_text(content, View::English));
                    if !derived.is_empty() {
                        out.insert(derived);
                    }
                }
                Block::List { items, .. } | Block::Checklist(items) => {
                    items.iter().for_each(|i| walk(topic, i, out))
                }
                Block::Alert { blocks, .. } | Block::Quote(blocks) => walk(topic, blocks, out),
                Block::Tabs(tabs) => tabs.iter().for_each(|t| walk(topic, &t.blocks, out)),
                _ => {}
            }
        }
    }
    let mut out = BTreeSet::new();
    walk(topic, &topic.blocks, &mut out);
    out
}

/// A link and the source line it is on.
struct Link {
    line: u32,
    href: Href,
    /// The link is in the skeleton, outside any segment: the model has no position for
    /// it, so `line` is that of the last segment before it.
    approximate: bool,
}

/// The links in blocks, in document order. `line` is the line of the last segment seen:
/// links outside any segment take the position of the text around them.
fn collect_block_links(topic: &Topic, blocks: &[Block], line: &mut u32, out: &mut Vec<Link>) {
    for block in blocks {
        match block {
            Block::Heading { content, .. }
            | Block::Paragraph(content)
            | Block::NextStep(content) => collect_links(topic, content, line, out),
            Block::List { items, .. } | Block::Checklist(items) => items
                .iter()
                .for_each(|i| collect_block_links(topic, i, line, out)),
            Block::Alert { blocks, .. } | Block::Quote(blocks) => {
                collect_block_links(topic, blocks, line, out)
            }
            Block::Table { head, rows } => head
                .iter()
                .chain(rows.iter().flatten())
                .for_each(|cell| collect_links(topic, cell, line, out)),
            Block::Tabs(tabs) => {
                for tab in tabs {
                    collect_links(topic, &tab.label, line, out);
                    collect_block_links(topic, &tab.blocks, line, out);
                }
            }
            Block::Code { .. } | Block::Image { .. } | Block::Include { .. } | Block::Rule => {}
        }
    }
}

fn collect_links(topic: &Topic, inlines: &[Inline], line: &mut u32, out: &mut Vec<Link>) {
    walk_links(topic, inlines, false, line, out)
}

fn walk_links(
    topic: &Topic,
    inlines: &[Inline],
    in_segment: bool,
    line: &mut u32,
    out: &mut Vec<Link>,
) {
    for inline in inlines {
        match inline {
            Inline::Segment(i) => {
                if let Some(segment) = topic.segments.get(*i) {
                    *line = segment.line;
                    walk_links(topic, &segment.localized, true, line, out);
                    walk_links(topic, &segment.english, true, line, out);
                }
            }
            Inline::Link { href, children } => {
                // A link around a segment is on the segment's line.
                let around = first_segment_line(topic, children);
                if let Some(first) = around {
                    *line = first;
                }
                out.push(Link {
                    line: *line,
                    href: href.clone(),
                    approximate: !in_segment && around.is_none(),
                });
                walk_links(topic, children, in_segment, line, out);
            }
            Inline::Strong(c) | Inline::Emphasis(c) => walk_links(topic, c, in_segment, line, out),
            Inline::Text(_) | Inline::Code(_) | Inline::Break => {}
        }
    }
}

fn first_segment_line(topic: &Topic, inlines: &[Inline]) -> Option<u32> {
    inlines.iter().find_map(|inline| match inline {
        Inline::Segment(i) => topic.segments.get(*i).map(|s| s.line),
        Inline::Strong(c) | Inline::Emphasis(c) | Inline::Link { children: c, .. } => {
            first_segment_line(topic, c)
        }
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn limit_codes(found: &[Diagnostic]) -> Vec<(&'static str, u32)> {
        found.iter().map(|d| (d.code.as_str(), d.line)).collect()
    }

    fn segment(n: usize) -> String {
        format!("<span data-ttu-id=\"s-{n}\">x</span><span class=\"sxs-lookup\"><span data-stu-id=\"s-{n}\">x</span></span>")
    }

    #[test]
    fn an_article_within_the_limits_reads_with_its_warnings() {
        let long_word = "w".repeat(300);
        let source = format!("---\ntitle: T\n---\n1. {} {long_word}\n", segment(1));
        let topic = read_article(source.into_bytes()).unwrap();
        assert_eq!(
            limit_codes(&topic.diagnostics),
            [("unbroken-run", 4)],
            "{:?}",
            topic.diagnostics
        );
    }

    #[test]
    fn a_pathological_article_is_refused_with_every_limit_it_breaks() {
        // A 1 MB line, 20,000 segments, 10,000 levels of nesting.
        let mut source = String::from("---\ntitle: T\n---\n");
        source.push_str(&"a".repeat(1024 * 1024));
        source.push('\n');
        for n in 0..20_000 {
            source.push_str(&segment(n));
            source.push('\n');
        }
        source.push_str(&"> ".repeat(10_000));
        source.push_str("deep\n");
        let start = std::time::Instant::now();
        let found = read_article(source.into_bytes()).unwrap_err();
        let found = limit_codes(&found);
        for expected in [
            ("article-too-large", 1),
            ("line-too-long", 4),
            ("unbroken-run", 4),
            ("too-many-segments", 4 + 2001),
            ("line-too-long", 20_005),
            ("nested-too-deeply", 20_005),
        ] {
            assert!(found.contains(&expected), "{expected:?} not in {found:?}");
        }
        assert!(start.elapsed() < std::time::Duration::from_secs(10));
    }

    #[test]
    fn each_limit_alone_is_an_error_naming_the_line() {
        let article = |body: &str| format!("---\ntitle: T\n---\n{body}\n").into_bytes();
        let cases: Vec<(String, (&str, u32))> = vec![
            ("x\n".repeat(300 * 1024), ("article-too-large", 1)),
            (format!("ok\n{}", "b ".repeat(9000)), ("line-too-long", 5)),
            (format!("{}x", "> ".repeat(17)), ("nested-too-deeply", 4)),
            (format!("{}x", "- ".repeat(17)), ("nested-too-deeply", 4)),
            (format!("{}x", "1. ".repeat(17)), ("nested-too-deeply", 4)),
            // Nested by indentation: found before parsing.
            (
                (0..40)
                    .map(|i| format!("{}- x", "  ".repeat(i)))
                    .collect::<Vec<_>>()
                    .join("\n"),
                ("nested-too-deeply", 4 + 16),
            ),
            // Inline markup: 20 levels of bold and italic (`**a _a **a x** a_ a**`).
            (
                {
                    let marks: Vec<&str> = (0..20).map(|i| ["**", "_"][i % 2]).collect();
                    let open: String = marks.iter().map(|m| format!("{m}a ")).collect();
                    let close: Vec<String> = marks.iter().rev().map(|m| m.to_string()).collect();
                    format!("{open}x{}", close.join(" a"))
                },
                ("nested-too-deeply", 1),
            ),
            (
                (0..2001).map(segment).collect::<Vec<_>>().join("\n"),
                ("too-many-segments", 4 + 2000),
            ),
        ];
        for (body, expected) in cases {
            let found = read_article(article(&body)).unwrap_err();
            assert!(
                limit_codes(&found).contains(&expected),
                "{expected:?} not in {:?}",
                limit_codes(&found)
            );
            assert!(found.iter().any(|d| d.severity == Severity::Error));
        }
        // Just within: 16 levels, 2,000 segments, a line of 16,384 characters.
        for body in [
            format!("{}x", "> ".repeat(16)),
            (0..2000).map(segment).collect::<Vec<_>>().join("\n"),
            "c ".repeat(8192),
        ] {
            let read = read_article(article(&body));
            assert!(read.is_ok(), "{:?}", read.err());
        }
    }

    #[test]
    fn deep_nesting_by_indentation_never_overflows_the_stack() {
        // 700 levels of lists by indentation: as deep as fits in the file limit (the
        // parser overflowed a test thread's stack on it).
        let body = (0..700)
            .map(|i| format!("{}- x", " ".repeat(2 * i)))
            .collect::<Vec<_>>()
            .join("\n");
        assert!(body.len() < limits::MAX_ARTICLE_BYTES);
        let found = read_article(format!("---\ntitle: T\n---\n{body}\n").into_bytes());
        let found = limit_codes(&found.unwrap_err());
        assert_eq!(found.len(), 20);
        assert!(
            found.iter().all(|f| f.0 == "nested-too-deeply"),
            "{found:?}"
        );
        assert_eq!(found[0].1, 4 + 16);
        // Indented list items in a fenced code block are not nesting.
        let yaml = format!("```yaml\n{}- name: x\n```", " ".repeat(60));
        let read = read_article(format!("---\ntitle: T\n---\n{yaml}\n").into_bytes());
        assert!(read.is_ok(), "{:?}", read.err());
    }
    use crate::content::parse_topic;

    fn pair(id: &str, localized: &str, english: &str) -> String {
        format!(
            "<span data-ttu-id=\"abcde-{id}\">{localized}</span><span class=\"sxs-lookup\"><span data-stu-id=\"abcde-{id}\">{english}</span></span>"
        )
    }

    fn topic(front: &str, body: &str) -> Topic {
        parse_topic(&format!("---\ntitle: T\n{front}---\n{body}")).unwrap()
    }

    fn codes(found: &[Diagnostic]) -> Vec<(u32, &'static str)> {
        found.iter().map(|d| (d.line, d.code.as_str())).collect()
    }

    fn known(slugs: &[&str]) -> Vec<String> {
        slugs.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn a_clean_topic_in_its_locale_folder_has_no_findings() {
        let t = topic("ms.contentlocale: de-DE\n", "Text\n");
        assert!(lint("content/de-DE/t.md", &t, &known(&["t"])).is_empty());
    }

    #[test]
    fn the_locale_folder_is_compared_case_insensitively() {
        let t = topic("ms.contentlocale: de-DE\n", "Text\n");
        assert!(lint("repo/de-de/t.md", &t, &[]).is_empty());
        assert!(lint("repo\\de-de\\t.md", &t, &[]).is_empty());
        let found = lint("repo/sv-SE/t.md", &t, &[]);
        assert_eq!(codes(&found), [(1, "locale-folder-mismatch")]);
        assert_eq!(found[0].severity, Severity::Warning);
        assert!(found[0].message.contains("sv-SE"), "{}", found[0].message);
    }

    #[test]
    fn a_folder_that_is_not_a_locale_is_not_compared() {
        let t = topic("ms.contentlocale: de-DE\n", "Text\n");
        assert!(lint("articles/t.md", &t, &[]).is_empty());
        assert!(lint("t.md", &t, &[]).is_empty());
        assert!(lint("zh-Hans/t.md", &t, &[]).is_empty());
    }

    #[test]
    fn a_missing_content_locale_is_reported_once() {
        let t = topic("", "Text\n");
        assert_eq!(
            codes(&lint("de-DE/t.md", &t, &[])),
            [(1, "front-matter-locale-missing")]
        );
    }

    #[test]
    fn topic_links_must_lead_to_a_known_topic_and_are_reported_once_per_segment() {
        let body = format!(
            "\n{}\n\n{}\n",
            pair("1", "Siehe [A](a.md).", "See [A](a.md)."),
            pair("2", "Siehe [B](b.md#top).", "See [B](b.md#top)."),
        );
        let t = topic("ms.contentlocale: de-DE\n", &body);
        let found = lint("de-DE/t.md", &t, &known(&["a"]));
        assert_eq!(codes(&found), [(8, "broken-topic-link")]);
        assert!(found[0].message.contains("`b.md`"), "{}", found[0].message);
        assert_eq!(found[0].column, 1);
    }

    #[test]
    fn a_link_only_one_half_has_is_checked_too() {
        let body = format!("{}\n", pair("1", "Siehe [A](a.md).", "See A."));
        let t = topic("ms.contentlocale: de-DE\n", &body);
        assert_eq!(
            codes(&lint("de-DE/t.md", &t, &[])),
            [(5, "broken-topic-link")]
        );
    }

    #[test]
    fn a_link_around_a_segment_is_on_the_segments_line() {
        let body = format!(
            "Intro\n\n- [{}](missing.md)\n",
            pair("1", "Fehlt", "Missing")
        );
        let t = topic("ms.contentlocale: de-DE\n", &body);
        assert_eq!(
            codes(&lint("de-DE/t.md", &t, &[])),
            [(7, "broken-topic-link")]
        );
    }

    #[test]
    fn a_link_outside_any_segment_says_its_line_is_approximate() {
        let body = format!("{}\n\n[x](gone.md)\n", pair("1", "Eins", "One"));
        let t = topic("ms.contentlocale: de-DE\n", &body);
        let found = lint("de-DE/t.md", &t, &[]);
        assert_eq!(codes(&found), [(5, "broken-topic-link")]);
        assert!(
            found[0].message.contains("outside any translated segment"),
            "{}",
            found[0].message
        );
    }

    #[test]
    fn anchor_links_must_match_a_heading() {
        let body = format!(
            "## <a name=\"set-budget\"></a>{}\n\n## {}\n\n{}\n",
            pair("1", "Budget festlegen", "Set budget"),
            pair("2", "Ohne Anker", "No anchor here"),
            pair(
                "3",
                "[a](#set-budget) [b](#Set-Budget) [c](#no-anchor-here) [d](#gone) [e](#tab/windows)",
                "[a](#set-budget) [b](#Set-Budget) [c](#no-anchor-here) [d](#gone) [e](#tab/windows)"
            ),
        );
        let t = topic("ms.contentlocale: de-DE\n", &body);
        let found = lint("de-DE/t.md", &t, &[]);
        assert_eq!(codes(&found), [(9, "broken-anchor-link")]);
        assert!(found[0].message.contains("`#gone`"), "{}", found[0].message);
    }

    #[test]
    fn findings_are_sorted_by_line_column_and_code_with_the_topics_own() {
        let body = format!(
            "{}\n\n1. {}\n",
            pair("1", "[x](#nowhere)", "[x](#nowhere)"),
            pair("2", "Wählen Sie Senden.", "Select **Submit**."),
        );
        let t = topic("", &body);
        let found = lint("de-DE/t.md", &t, &[]);
        assert_eq!(
            codes(&found),
            [
                (1, "front-matter-locale-missing"),
                (4, "broken-anchor-link"),
                (6, "anchor-label-missing")
            ]
        );
        let mut sorted = found.clone();
        sorted.sort_by_key(|d| (d.line, d.column, d.code));
        assert_eq!(found, sorted);
    }

    #[test]
    fn summary_counts_by_code() {
        let t = topic("", "[x](#a) [y](#b) [z](c.md)\n");
        let found = lint("t.md", &t, &[]);
        let counts = summary(&found);
        assert_eq!(
            counts.into_iter().collect::<Vec<_>>(),
            [
                ("broken-anchor-link", 2),
                ("broken-topic-link", 1),
                ("front-matter-locale-missing", 1)
            ]
        );
        assert!(summary(&[]).is_empty());
    }
}
