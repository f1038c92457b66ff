//! Stage 4: the block structure of the skeleton.
//!
//! pulldown-cmark parses the skeleton (the body with every span pair replaced by a
//! placeholder) with tables and GitHub-style alerts (`> [!NOTE]`, which DocFX shares).
//! This module folds its events into [`Block`]s; inline events go to the shared
//! [`InlineBuilder`], and placeholders in text become [`Inline::Segment`] references.

use super::Code;
use std::iter::Peekable;
use std::ops::Range;

use pulldown_cmark::{BlockQuoteKind, CodeBlockKind, Event, Options, Parser, Tag, TagEnd};

use super::inline::{is_line_break, resolve_placeholders, InlineBuilder};
use super::segment::{directive_placeholder, Directive, CLOSE, DIRECTIVE};
use super::{AlertKind, Block, Diagnostic, Href, Inline, Severity, Tab};

type Events<'a> =
    Peekable<pulldown_cmark::OffsetIter<'a, pulldown_cmark::DefaultBrokenLinkCallback>>;

/// Parses the skeleton. `locate` maps a skeleton byte offset to a source line and column.
pub(super) fn parse_blocks(
    skeleton: &str,
    directives: &[Directive],
    segment_text: &dyn Fn(usize) -> String,
    diagnostics: &mut Vec<Diagnostic>,
    locate: &dyn Fn(usize) -> (u32, u32),
) -> Vec<Block> {
    let options = Options::ENABLE_TABLES | Options::ENABLE_GFM | Options::ENABLE_STRIKETHROUGH;
    let mut events = Parser::new_ext(skeleton, options)
        .into_offset_iter()
        .peekable();
    let mut parser = BlockParser {
        directives,
        segment_text,
        diagnostics,
        locate,
    };
    let blocks = group_tabs(parser.blocks_until(&mut events, None));
    for directive in directives {
        if let Directive::Include {
            title,
            path,
            line,
            column,
        } = directive
        {
            parser.diagnostics.push(Diagnostic {
                line: *line,
                column: *column,
                severity: Severity::Warning,
                code: Code::UnresolvedInclude,
                message: format!(
                    "include `{title}` ({path}) is resolved at build time and is not shown"
                ),
            });
        }
    }
    blocks
}

struct BlockParser<'d, 'l> {
    directives: &'d [Directive],
    /// The English text of a segment, for places shared by both views (code blocks).
    segment_text: &'l dyn Fn(usize) -> String,
    diagnostics: &'d mut Vec<Diagnostic>,
    locate: &'l dyn Fn(usize) -> (u32, u32),
}

impl BlockParser<'_, '_> {
    /// Blocks up to (and including) the `end` tag, or to the end of input.
    fn blocks_until(&mut self, events: &mut Events<'_>, end: Option<TagEnd>) -> Vec<Block> {
        let mut blocks = Vec::new();
        while let Some((event, range)) = events.peek().cloned() {
            if InlineBuilder::accepts(&event) {
                // Tight list items hold inline content without a paragraph.
                let content = self.inlines(events, None);
                blocks.extend(self.paragraph(content));
                continue;
            }
            events.next();
            match event {
                Event::End(tag) if Some(tag) == end => break,
                Event::Start(tag) => {
                    let offset = range.start;
                    match self.block(tag, events, range) {
                        Some(Block::List {
                            start: Some(n),
                            items,
                        }) => {
                            if !continue_list(&mut blocks, n, &items) {
                                blocks.push(Block::List {
                                    start: Some(n),
                                    items,
                                });
                            } else {
                                self.report(
                                    offset,
                                    Severity::Info,
                                    Code::RepairInterruptedList,
                                    format!("numbered list resumed at {n} after a block indented outside it; joined into one procedure"),
                                );
                            }
                        }
                        Some(block) => blocks.push(block),
                        None => {}
                    }
                }
                Event::Rule => blocks.push(Block::Rule),
                Event::Html(html) => self.raw_html(&html, range),
                _ => {}
            }
        }
        blocks
    }

    fn block(
        &mut self,
        tag: Tag<'_>,
        events: &mut Events<'_>,
        range: Range<usize>,
    ) -> Option<Block> {
        Some(match tag {
            Tag::Paragraph => {
                let (content, images) = self.inlines_and_images(events, Some(TagEnd::Paragraph));
                match sole_image(&content, images) {
                    Some(Block::Image { src, alt }) => Block::Image {
                        src,
                        alt: self.directive_words(&alt),
                    },
                    _ => self.paragraph(content)?,
                }
            }
            Tag::Heading { level, .. } => {
                let mut anchor = None;
                let content = self.heading_inlines(events, &mut anchor);
                let content = self.inline_directives(content);
                Block::Heading {
                    level: level as u8,
                    anchor,
                    content,
                }
            }
            Tag::List(start) => {
                let mut items = Vec::new();
                while let Some((event, _)) = events.next() {
                    match event {
                        Event::Start(Tag::Item) => {
                            items.push(self.blocks_until(events, Some(TagEnd::Item)))
                        }
                        Event::End(TagEnd::List(_)) => break,
                        _ => {}
                    }
                }
                Block::List { start, items }
            }
            Tag::BlockQuote(kind) => {
                let blocks = self.blocks_until(events, Some(TagEnd::BlockQuote(kind)));
                match kind {
                    Some(kind) => Block::Alert {
                        kind: alert_kind(kind),
                        blocks,
                    },
                    None => return div_block(blocks),
                }
            }
            Tag::CodeBlock(kind) => {
                let lang = match kind {
                    CodeBlockKind::Fenced(info) if !info.is_empty() => {
                        info.split_whitespace().next().map(str::to_string)
                    }
                    _ => None,
                };
                let mut code = String::new();
                for (event, _) in events.by_ref() {
                    match event {
                        Event::Text(t) => code.push_str(&t),
                        Event::End(TagEnd::CodeBlock) => break,
                        _ => {}
                    }
                }
                Block::Code {
                    lang,
                    code: self.plain_code(&code),
                }
            }
            Tag::Table(_) => self.table(events),
            Tag::HtmlBlock => {
                for (event, range) in events.by_ref() {
                    match event {
                        Event::Html(html) => self.raw_html(&html, range),
                        Event::End(TagEnd::HtmlBlock) => break,
                        _ => {}
                    }
                }
                return None;
            }
            other => {
                // Footnote definitions, definition lists, metadata: keep their blocks.
                let end = other.to_end();
                let blocks = self.blocks_until(events, Some(end));
                self.report(
                    range.start,
                    Severity::Info,
                    Code::UnsupportedBlock,
                    "footnotes, definition lists and metadata blocks are shown as plain blocks"
                        .into(),
                );
                Block::Quote(blocks)
            }
        })
    }

    /// A paragraph, or the directive it consists of; directives inside running text are
    /// reduced to their words (an image's alt text; nothing for an include).
    fn paragraph(&self, content: Vec<Inline>) -> Option<Block> {
        if let [Inline::Text(text)] = content.as_slice() {
            if let Some(directive) =
                directive_placeholder(text).and_then(|i| self.directives.get(i))
            {
                return Some(match directive.clone() {
                    Directive::Include { title, path, .. } => Block::Include { title, path },
                    Directive::Image { src, alt } => Block::Image { src, alt },
                });
            }
        }
        let content = self.inline_directives(content);
        (!content.is_empty()).then_some(Block::Paragraph(content))
    }

    fn inline_directives(&self, content: Vec<Inline>) -> Vec<Inline> {
        content
            .into_iter()
            .map(|inline| match inline {
                Inline::Text(text) if text.contains(DIRECTIVE) => {
                    Inline::Text(self.directive_words(&text))
                }
                Inline::Code(code) => Inline::Code(self.plain_code(&code)),
                Inline::Strong(c) => Inline::Strong(self.inline_directives(c)),
                Inline::Emphasis(c) => Inline::Emphasis(self.inline_directives(c)),
                Inline::Link { href, children } => Inline::Link {
                    href,
                    children: self.inline_directives(children),
                },
                other => other,
            })
            .collect()
    }

    /// Code is the same in both views: a segment in it reads as its English text.
    fn plain_code(&self, code: &str) -> String {
        if !code.contains([super::segment::OPEN, DIRECTIVE]) {
            return code.to_string();
        }
        let mut out = String::with_capacity(code.len());
        for piece in super::segment::split_placeholders(code) {
            match piece {
                super::segment::Piece::Text(t) => out.push_str(&self.directive_words(t)),
                super::segment::Piece::Segment(i) => out.push_str(&(self.segment_text)(i)),
            }
        }
        out
    }

    fn directive_words(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        let mut rest = text;
        while let Some(open) = rest.find(DIRECTIVE) {
            out.push_str(&rest[..open]);
            let after = &rest[open..];
            let Some(close) = after.find(CLOSE) else {
                break;
            };
            if let Some(Directive::Image { alt, .. }) =
                directive_placeholder(&after[..close + CLOSE.len_utf8()])
                    .and_then(|i| self.directives.get(i))
            {
                out.push_str(alt);
            }
            rest = &after[close + CLOSE.len_utf8()..];
        }
        out.push_str(rest);
        out
    }

    /// Inline content up to `end` (consumed), or up to the next non-inline event.
    fn inlines(&mut self, events: &mut Events<'_>, end: Option<TagEnd>) -> Vec<Inline> {
        self.inlines_and_images(events, end).0
    }

    /// Inline content and the images met in it, as `(source, alt text)`.
    fn inlines_and_images(
        &mut self,
        events: &mut Events<'_>,
        end: Option<TagEnd>,
    ) -> (Vec<Inline>, Vec<(String, String)>) {
        let mut builder = InlineBuilder::default();
        while let Some((event, range)) = events.peek().cloned() {
            if matches!(&event, Event::End(tag) if Some(*tag) == end) {
                events.next();
                break;
            }
            if !InlineBuilder::accepts(&event) {
                if end.is_none() {
                    break;
                }
                events.next();
                continue;
            }
            events.next();
            if let Event::InlineHtml(html) = &event {
                self.inline_html(html, range.clone());
            }
            builder.push(event, &mut resolve_placeholders);
        }
        let images = builder.take_images();
        (builder.finish_with(&mut resolve_placeholders), images)
    }

    /// Heading content; its `<a name="...">` becomes the anchor.
    fn heading_inlines(
        &mut self,
        events: &mut Events<'_>,
        anchor: &mut Option<String>,
    ) -> Vec<Inline> {
        let mut builder = InlineBuilder::default();
        for (event, range) in events.by_ref() {
            match &event {
                Event::End(TagEnd::Heading(_)) => break,
                Event::InlineHtml(html) if anchor_name(html).is_some() => {
                    *anchor = anchor_name(html);
                    continue;
                }
                Event::InlineHtml(html) => self.inline_html(html, range),
                _ => {}
            }
            if InlineBuilder::accepts(&event) {
                builder.push(event, &mut resolve_placeholders);
            }
        }
        builder.finish_with(&mut resolve_placeholders)
    }

    fn table(&mut self, events: &mut Events<'_>) -> Block {
        let mut head = Vec::new();
        let mut rows: Vec<Vec<Vec<Inline>>> = Vec::new();
        let mut in_head = false;
        while let Some((event, _)) = events.next() {
            match event {
                Event::Start(Tag::TableHead) => in_head = true,
                Event::End(TagEnd::TableHead) => in_head = false,
                Event::Start(Tag::TableRow) => rows.push(Vec::new()),
                Event::Start(Tag::TableCell) => {
                    let cell = self.inlines(events, Some(TagEnd::TableCell));
                    let cell = self.inline_directives(cell);
                    match rows.last_mut() {
                        Some(row) if !in_head => row.push(cell),
                        _ => head.push(cell),
                    }
                }
                Event::End(TagEnd::Table) => break,
                _ => {}
            }
        }
        Block::Table { head, rows }
    }

    fn inline_html(&mut self, html: &str, range: Range<usize>) {
        let closing_anchor = html.trim().eq_ignore_ascii_case("</a>");
        if anchor_name(html).is_none() && !closing_anchor && !is_line_break(html) {
            self.raw_html(html, range);
        }
    }

    fn raw_html(&mut self, html: &str, range: Range<usize>) {
        let html = html.trim();
        if html.is_empty() || html.starts_with("<!--") {
            return;
        }
        let shown: String = html.chars().take(40).collect();
        self.report(
            range.start,
            Severity::Warning,
            Code::RawHtmlDropped,
            format!("raw HTML `{shown}` is not shown to readers"),
        );
    }

    fn report(&mut self, offset: usize, severity: Severity, code: Code, message: String) {
        let (line, column) = (self.locate)(offset);
        self.diagnostics.push(Diagnostic {
            line,
            column,
            severity,
            code,
            message,
        });
    }
}

/// Lists written as raw HTML around span pairs (`<ol start="5">`, `<li> PAIR </li>`,
/// `</ol>`) would be one HTML block that no reader sees: a numbered step disappears.
/// Rewrites them in place, byte for byte the same length (so every offset stays true),
/// as Markdown list items: each tag becomes a line break and spaces, and `<li>` a list
/// marker (`5. ` for the first item of `<ol start="5">`, so the procedure continues).
/// Only lists whose items hold a span pair, outside fenced code. Returns the skeleton
/// offsets of the lists rewritten.
pub(super) fn html_lists(skeleton: &mut String) -> Vec<usize> {
    if !skeleton.contains("<li") {
        return Vec::new();
    }
    let mut found = Vec::new();
    let mut edits: Vec<Edit> = Vec::new();
    let mut offset = 0;
    let mut fence: Option<&str> = None;
    // (start number, ordered, offset of the opening tag, edits of this list, whether an
    // item holds a span pair)
    let mut open: Option<OpenHtmlList> = None;
    for line in skeleton.split_inclusive('\n') {
        let trimmed = line.trim_start();
        if let Some(f) = fence {
            if trimmed.starts_with(f) {
                fence = None;
            }
            offset += line.len();
            continue;
        }
        if open.is_none() && (trimmed.starts_with("```") || trimmed.starts_with("~~~")) {
            fence = Some(&trimmed[..3]);
            offset += line.len();
            continue;
        }
        let mut pos = 0;
        while let Some(lt) = line[pos..].find('<').map(|i| pos + i) {
            let Some(gt) = line[lt..].find('>').map(|i| lt + i) else {
                break;
            };
            let tag = line[lt + 1..gt].trim().to_ascii_lowercase();
            let name: String = tag
                .trim_start_matches('/')
                .chars()
                .take_while(char::is_ascii_alphanumeric)
                .collect();
            let closing = tag.starts_with('/');
            let at = offset + lt;
            let len = gt + 1 - lt;
            match (name.as_str(), closing, &mut open) {
                ("ol" | "ul", false, None) => {
                    let start = tag
                        .split("start=")
                        .nth(1)
                        .map(|v| {
                            v.trim_matches(|c: char| c == '"' || c == '\'' || c.is_whitespace())
                        })
                        .and_then(|v| v.split(|c: char| !c.is_ascii_digit()).next()?.parse().ok())
                        .unwrap_or(1);
                    open = Some((start, name == "ol", at, vec![(at, len, blank(len))], false));
                }
                ("li", false, Some((start, ordered, _, list_edits, _))) => {
                    let first = !list_edits.iter().any(|(_, _, e)| e.contains(['.', '-']));
                    let marker = match (ordered, first) {
                        (true, true) => format!("\n{start}. "),
                        (true, false) => "\n1. ".to_string(),
                        (false, _) => "\n- ".to_string(),
                    };
                    let marker = if marker.len() <= len {
                        format!("{marker}{}", " ".repeat(len - marker.len()))
                    } else {
                        "\n1. ".to_string() + &" ".repeat(len.saturating_sub(4))
                    };
                    list_edits.push((at, len, marker));
                }
                ("li", true, Some((_, _, _, list_edits, _))) => {
                    list_edits.push((at, len, blank(len)))
                }
                ("ol" | "ul", true, Some(_)) => {
                    let (_, _, opened, mut list_edits, has_segment) = open.take().expect("open");
                    list_edits.push((at, len, blank(len)));
                    if has_segment {
                        found.push(opened);
                        edits.extend(list_edits);
                    }
                }
                _ => {}
            }
            pos = gt + 1;
        }
        if let Some((_, _, _, _, has_segment)) = &mut open {
            *has_segment |= line.contains(super::segment::OPEN);
        }
        offset += line.len();
    }
    for (at, len, replacement) in edits.into_iter().rev() {
        debug_assert_eq!(replacement.len(), len);
        skeleton.replace_range(at..at + len, &replacement);
    }
    found
}

type Edit = (usize, usize, String);
type OpenHtmlList = (u64, bool, usize, Vec<Edit>, bool);

/// A line break and spaces, `len` bytes: a tag taken out without moving any offset.
fn blank(len: usize) -> String {
    let mut s = String::with_capacity(len);
    s.push('\n');
    s.push_str(&" ".repeat(len.saturating_sub(1)));
    s
}

/// A paragraph that is one Markdown image and nothing else is an image block.
fn sole_image(content: &[Inline], mut images: Vec<(String, String)>) -> Option<Block> {
    if images.len() != 1 {
        return None;
    }
    let (src, alt) = images.pop()?;
    let text: String = content
        .iter()
        .map(|i| match i {
            Inline::Text(t) => t.as_str(),
            _ => "\u{0}",
        })
        .collect();
    (text.trim() == alt.trim()).then_some(Block::Image { src, alt })
}

/// Joins a numbered list that starts at `n` to an earlier one in `blocks` that stopped
/// just before `n` (a note, image or sub-list indented too little had ended it): the blocks
/// in between go into the earlier list's last item. Never across a heading.
fn continue_list(blocks: &mut Vec<Block>, n: u64, items: &[Vec<Block>]) -> bool {
    let Some(j) = blocks.iter().rposition(|b| {
        matches!(
            b,
            Block::List { start: Some(_), .. } | Block::Heading { .. }
        )
    }) else {
        return false;
    };
    let continues = matches!(&blocks[j], Block::List { start: Some(a), items: earlier }
        if a + earlier.len() as u64 == n && !earlier.is_empty());
    if !continues {
        return false;
    }
    let between: Vec<Block> = blocks.drain(j + 1..).collect();
    if let Some(Block::List { items: earlier, .. }) = blocks.last_mut() {
        if let Some(last) = earlier.last_mut() {
            last.extend(between);
        }
        earlier.extend(items.iter().cloned());
    }
    true
}

/// Folds DocFX tabbed sections: a run of headings whose whole content is a link to
/// `#tab/<id>`, each followed by its blocks, up to a thematic break (`---`).
fn group_tabs(blocks: Vec<Block>) -> Vec<Block> {
    let mut out = Vec::with_capacity(blocks.len());
    let mut tabs: Vec<Tab> = Vec::new();
    for block in blocks {
        if let Some((id, label)) = tab_heading(&block) {
            tabs.push(Tab {
                id,
                label,
                blocks: Vec::new(),
            });
            continue;
        }
        match tabs.last_mut() {
            Some(_) if block == Block::Rule => out.push(Block::Tabs(std::mem::take(&mut tabs))),
            Some(tab) => tab.blocks.push(block),
            None => out.push(block),
        }
    }
    if !tabs.is_empty() {
        out.push(Block::Tabs(tabs));
    }
    out
}

fn tab_heading(block: &Block) -> Option<(String, Vec<Inline>)> {
    let Block::Heading { content, .. } = block else {
        return None;
    };
    match content.as_slice() {
        [Inline::Link {
            href: Href::Anchor(target),
            children,
        }] => {
            let id = target.strip_prefix("tab/")?;
            Some((id.to_string(), children.clone()))
        }
        _ => None,
    }
}

/// A quote that starts with `[!div class="..."]` is a DocFX wrapper: a next-step action,
/// a checklist, or a styled box (`mx-imgBorder`) whose content is shown as it is.
fn div_block(mut blocks: Vec<Block>) -> Option<Block> {
    let class = match blocks.first_mut() {
        Some(Block::Paragraph(content)) => take_div_class(content),
        _ => None,
    };
    let Some(class) = class else {
        return Some(Block::Quote(blocks));
    };
    if matches!(blocks.first(), Some(Block::Paragraph(c)) if c.is_empty()) {
        blocks.remove(0);
    }
    match class.as_str() {
        "nextstepaction" => {
            let content = blocks
                .into_iter()
                .flat_map(|b| match b {
                    Block::Paragraph(c) => c,
                    _ => Vec::new(),
                })
                .collect();
            Some(Block::NextStep(content))
        }
        "checklist" => match blocks.as_slice() {
            [Block::List { .. }] => match blocks.remove(0) {
                Block::List { items, .. } => Some(Block::Checklist(items)),
                _ => None,
            },
            _ => Some(Block::Quote(blocks)),
        },
        _ if blocks.len() == 1 => blocks.pop(),
        _ => Some(Block::Quote(blocks)),
    }
}

/// Removes a leading `[!div class="name"]` from a paragraph and returns the class.
fn take_div_class(content: &mut Vec<Inline>) -> Option<String> {
    let Some(Inline::Text(first)) = content.first_mut() else {
        return None;
    };
    let rest = first.trim_start().strip_prefix("[!div")?;
    let close = rest.find(']')?;
    let attributes = &rest[..close];
    let class = attributes
        .split("class=")
        .nth(1)?
        .trim()
        .trim_matches(['"', '\'', ' '])
        .to_string();
    *first = rest[close + 1..].trim_start().to_string();
    if first.is_empty() {
        content.remove(0);
    }
    Some(class)
}

fn alert_kind(kind: BlockQuoteKind) -> AlertKind {
    match kind {
        BlockQuoteKind::Note => AlertKind::Note,
        BlockQuoteKind::Tip => AlertKind::Tip,
        BlockQuoteKind::Important => AlertKind::Important,
        BlockQuoteKind::Warning => AlertKind::Warning,
        BlockQuoteKind::Caution => AlertKind::Caution,
    }
}

/// The name of `<a name="slug">` (or `id=`).
fn anchor_name(html: &str) -> Option<String> {
    let html = html.trim();
    if !html.starts_with("<a ") {
        return None;
    }
    for attr in ["name=", "id="] {
        if let Some(start) = html.find(attr) {
            let rest = &html[start + attr.len()..];
            let quote = rest.chars().next()?;
            if quote == '"' || quote == '\'' {
                let value = rest[1..].split(quote).next()?;
                return Some(value.to_string());
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(skeleton: &str) -> (Vec<Block>, Vec<Diagnostic>) {
        let mut diagnostics = Vec::new();
        let blocks = parse_blocks(
            skeleton,
            &[],
            &|i| format!("<{i}>"),
            &mut diagnostics,
            &|o| (1, o as u32 + 1),
        );
        (blocks, diagnostics)
    }

    fn seg(i: usize) -> String {
        format!("\u{E000}{i}\u{E001}")
    }

    #[test]
    fn headings_keep_their_english_anchor() {
        let (blocks, diags) = parse(&format!("# <a name=\"update-info\"></a>{}\n", seg(0)));
        assert_eq!(
            blocks,
            vec![Block::Heading {
                level: 1,
                anchor: Some("update-info".into()),
                content: vec![Inline::Segment(0)]
            }]
        );
        assert!(diags.is_empty());
    }

    #[test]
    fn numbered_lists_hold_segment_paragraphs() {
        let (blocks, _) = parse(&format!("1.  {} {}\n2.  {}\n", seg(0), seg(1), seg(2)));
        let Block::List { start, items } = &blocks[0] else {
            panic!("expected a list, got {blocks:?}");
        };
        assert_eq!(*start, Some(1));
        assert_eq!(
            items[0],
            vec![Block::Paragraph(vec![
                Inline::Segment(0),
                Inline::Text(" ".into()),
                Inline::Segment(1)
            ])]
        );
        assert_eq!(items.len(), 2);
    }

    #[test]
    fn a_link_around_a_segment_keeps_the_segment_inside() {
        let (blocks, _) = parse(&format!("- [{}](give-customers-permission.md)\n", seg(3)));
        let Block::List { items, .. } = &blocks[0] else {
            panic!("expected a list");
        };
        assert!(matches!(
            &items[0][0],
            Block::Paragraph(c) if matches!(&c[0], Inline::Link { children, .. } if children == &vec![Inline::Segment(3)])
        ));
    }

    #[test]
    fn alerts_are_typed() {
        let (blocks, _) = parse(&format!("> [!NOTE]\n> {}\n", seg(0)));
        assert_eq!(
            blocks,
            vec![Block::Alert {
                kind: AlertKind::Note,
                blocks: vec![Block::Paragraph(vec![Inline::Segment(0)])]
            }]
        );
    }

    #[test]
    fn next_step_and_checklist_divs_become_blocks() {
        let (blocks, _) = parse("> [!div class=\"nextstepaction\"]\n> [Go](next.md)\n\n> [!div class=\"checklist\"]\n> * one\n> * two\n");
        assert!(
            matches!(&blocks[0], Block::NextStep(c) if matches!(&c[0], Inline::Link { .. })),
            "{blocks:?}"
        );
        assert!(
            matches!(&blocks[1], Block::Checklist(items) if items.len() == 2),
            "{blocks:?}"
        );
    }

    #[test]
    fn tab_headings_group_their_blocks_until_a_rule() {
        let (blocks, _) =
            parse("# [Portal](#tab/portal)\n\nA\n\n# [API](#tab/api)\n\nB\n\n---\n\nAfter\n");
        let Block::Tabs(tabs) = &blocks[0] else {
            panic!("expected tabs, got {blocks:?}");
        };
        assert_eq!(
            tabs.iter().map(|t| t.id.as_str()).collect::<Vec<_>>(),
            ["portal", "api"]
        );
        assert_eq!(
            tabs[1].blocks,
            vec![Block::Paragraph(vec![Inline::Text("B".into())])]
        );
        assert_eq!(
            blocks[1],
            Block::Paragraph(vec![Inline::Text("After".into())])
        );
    }

    #[test]
    fn a_numbered_list_interrupted_by_a_misindented_note_is_one_procedure() {
        let (blocks, diags) =
            parse("1. a\n2. b\n\n  > [!NOTE]\n  > n\n\n3. c\n\n![alt](x.png)\n\n4. d\n");
        let Block::List { start, items } = &blocks[0] else {
            panic!("{blocks:?}");
        };
        assert_eq!(
            (*start, items.len(), blocks.len()),
            (Some(1), 4, 1),
            "{blocks:?}"
        );
        assert!(matches!(items[1].last(), Some(Block::Alert { .. })));
        assert!(matches!(items[2].last(), Some(Block::Image { .. })));
        assert_eq!(
            diags
                .iter()
                .filter(|d| d.code == "repair-interrupted-list")
                .count(),
            2
        );
    }

    #[test]
    fn lists_in_different_sections_stay_apart() {
        let (blocks, _) = parse("1. a\n\n## Next\n\n2. b\n");
        assert_eq!(blocks.len(), 3);
    }

    #[test]
    fn a_paragraph_that_is_only_an_image_is_an_image() {
        let (blocks, _) = parse("![Settings](media/a.png)\n\nSee ![icon](i.png) here\n");
        assert_eq!(
            blocks[0],
            Block::Image {
                src: "media/a.png".into(),
                alt: "Settings".into()
            }
        );
        assert_eq!(
            blocks[1],
            Block::Paragraph(vec![Inline::Text("See icon here".into())])
        );
    }

    #[test]
    fn an_image_border_div_is_just_its_content() {
        let (blocks, _) = parse("> [!div class=\"mx-imgBorder\"]\n> Text\n");
        assert_eq!(
            blocks,
            vec![Block::Paragraph(vec![Inline::Text("Text".into())])]
        );
    }

    #[test]
    fn a_segment_in_an_indented_code_block_reads_as_its_english() {
        let (blocks, _) = parse(&format!("1.     {}\n", seg(4)));
        let Block::List { items, .. } = &blocks[0] else {
            panic!("{blocks:?}");
        };
        assert_eq!(
            items[0],
            vec![Block::Code {
                lang: None,
                code: "<4>\n".into()
            }]
        );
    }

    #[test]
    fn raw_html_blocks_never_reach_the_model() {
        let (blocks, diags) = parse("<script>alert(1)</script>\n\nText\n");
        assert_eq!(
            blocks,
            vec![Block::Paragraph(vec![Inline::Text("Text".into())])]
        );
        assert_eq!(diags[0].code, "raw-html-dropped");
    }
}
