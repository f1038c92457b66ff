//! Stage 3: inline runs, for segment halves and for the skeleton's own text.
//!
//! pulldown-cmark does the CommonMark inline parsing (emphasis rules are subtle); this
//! module turns its events into [`Inline`] trees, keeps only safe link targets, and drops
//! raw HTML. A segment half is parsed on its own, as one paragraph, so the repairs in
//! [`super::repair`] can compare it with the other half of the same segment.

use super::Code;
use pulldown_cmark::{BrokenLink, CowStr, Event, Options, Parser, Tag, TagEnd};

use super::segment::{split_placeholders, Piece, RawSegment};
use super::{repair, Diagnostic, Href, Inline, Segment, Severity};
use crate::safe_url::SafeUrl;

/// Parses both halves of a raw segment, repairing the localized one.
pub(super) fn parse_segment(
    raw: &RawSegment<'_>,
    locale: &str,
    diagnostics: &mut Vec<Diagnostic>,
    index: usize,
    segment_images: &mut Vec<(usize, Vec<repair::SegmentImage>)>,
) -> Segment {
    let mut report = |severity, code, message: String| {
        diagnostics.push(Diagnostic {
            line: raw.line,
            column: raw.column,
            severity,
            code,
            message: format!("segment {}: {message}", raw.id),
        })
    };
    let english_source = raw.english.or(raw.localized).unwrap_or_default();
    let english_source = repair::bidi_controls(english_source, &mut report);
    let english_source = repair::half_escaped_bold(&english_source, &mut report);
    let english_source = repair::stray_markers(&english_source, &mut report);
    let (english_text, english_targets, _) = repair::reference_links(&english_source, &[]);
    let (english_text, english_images) = repair::take_images(&english_text);
    let mut english = parse_inlines(&english_text);
    repair::unbalanced_markers(&mut english, None, &mut report);
    let mut images = english_images;
    let localized = match raw.localized {
        Some(text) => {
            let text = repair::bidi_controls(text, &mut report);
            let text = repair::half_escaped_bold(&text, &mut report);
            let text = repair::stray_markers(&text, &mut report);
            let text = repair::bracket_labels(&text, &english, &mut report);
            let text = repair::escaped_bold(&text, &english, locale, &mut report);
            let (text, targets, reopened) = repair::reference_links(&text, &english_targets);
            if !targets.is_empty() {
                report(
                    Severity::Info,
                    Code::RepairBrokenReferenceLink,
                    format!(
                        "reference link without definition rendered as a link to {}",
                        targets.join(", ")
                    ),
                );
            }
            if reopened > 0 {
                report(
                    Severity::Info,
                    Code::RepairReferenceLinkBracket,
                    "a reference link had lost its opening `[`; the link was rebuilt over the localized sentence".into(),
                );
            }
            let (text, localized_images) = repair::take_images(&text);
            if !localized_images.is_empty() {
                // The reader's alt text; the English one where the translation lost it.
                images = localized_images;
            }
            let mut localized = parse_inlines(&text);
            repair::inline_tree(&mut localized, &english, locale, &mut report);
            repair::rtl_breadcrumbs(&mut localized, &english, locale, &mut report);
            repair::unbalanced_markers(&mut localized, Some(&english), &mut report);
            localized
        }
        None => english.clone(),
    };
    if !images.is_empty() {
        report(
            Severity::Info,
            Code::RepairImageInSegment,
            format!(
                "{} image(s) inside the span pair kept as image block(s) beside the text ({})",
                images.len(),
                images
                    .iter()
                    .map(|i| i.src.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        );
        segment_images.push((index, images));
    }
    Segment {
        id: raw.id.to_string(),
        localized,
        english,
        line: raw.line,
    }
}

/// Marks the start of a half so that no block rule (list marker, heading, quote) applies.
const INLINE_GUARD: &str = "\u{E002} ";

/// The bytes that can start inline Markdown, an entity, a line break or raw HTML, as a
/// lookup table (one load a byte: these scans run over every segment half).
static MARKUP: [bool; 256] = {
    let mut table = [false; 256];
    let bytes = b"*_`[]<>&\\!\n\r~$";
    let mut i = 0;
    while i < bytes.len() {
        table[bytes[i] as usize] = true;
        i += 1;
    }
    table
};

/// Parses text as inline Markdown only.
pub(super) fn parse_inlines(text: &str) -> Vec<Inline> {
    if let Some(runs) = bold_only(text) {
        return runs;
    }
    parse_inlines_fully(text)
}

/// The common case without a parser: text whose only markup is `**bold**` pairs that
/// CommonMark's flanking rules open and close unambiguously (each `**` run exactly two
/// asterisks, an opener followed and a closer preceded by a non-space character, and
/// punctuation only where the rules allow it). Anything else is `None`, for pulldown-cmark.
/// `bold_only_agrees_with_pulldown_cmark_on_every_corpus_half` keeps the two in step.
fn bold_only(text: &str) -> Option<Vec<Inline>> {
    let bytes = text.as_bytes();
    if bytes.iter().any(|&b| b != b'*' && MARKUP[usize::from(b)]) {
        return None;
    }
    let text = text.trim();
    let mut runs = Vec::new();
    let mut rest = text;
    let mut before: Option<char> = None;
    while let Some(open) = rest.find('*') {
        if !rest[open..].starts_with("**") {
            return None;
        }
        let after_open = &rest[open + 2..];
        if after_open.starts_with('*') {
            return None;
        }
        let prev = rest[..open].chars().last().or(before);
        let next = after_open.chars().next()?;
        if !left_flanking(prev, next) {
            return None;
        }
        let close = after_open.find('*')?;
        let inner = &after_open[..close];
        let after_close = &after_open[close..];
        if !after_close.starts_with("**") || after_close[2..].starts_with('*') || inner.is_empty() {
            return None;
        }
        let last = inner.chars().last()?;
        let following = after_close[2..].chars().next();
        if !right_flanking(last, following) {
            return None;
        }
        if open > 0 {
            runs.push(Inline::Text(rest[..open].to_string()));
        }
        runs.push(Inline::Strong(vec![Inline::Text(inner.to_string())]));
        before = Some('*');
        rest = &after_close[2..];
    }
    if !rest.is_empty() {
        runs.push(Inline::Text(rest.to_string()));
    }
    Some(runs)
}

fn is_space(c: Option<char>) -> bool {
    c.is_none_or(char::is_whitespace)
}

fn is_punct(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_ascii_punctuation() || (!c.is_alphanumeric() && !c.is_whitespace()))
}

/// CommonMark: not followed by whitespace, and not followed by punctuation unless
/// preceded by whitespace or punctuation. (An opener needs only left-flanking for `*`.)
fn left_flanking(prev: Option<char>, next: char) -> bool {
    !next.is_whitespace() && (!is_punct(Some(next)) || is_space(prev) || is_punct(prev))
}

/// The mirror image, for a closer.
fn right_flanking(prev: char, next: Option<char>) -> bool {
    !prev.is_whitespace() && (!is_punct(Some(prev)) || is_space(next) || is_punct(next))
}

/// Parses text as inline Markdown with pulldown-cmark.
fn parse_inlines_fully(text: &str) -> Vec<Inline> {
    // Most halves are plain sentences: no character that can start inline markup (or an
    // entity, a line break or raw HTML) means the text is the text.
    if !text.as_bytes().iter().any(|&b| MARKUP[usize::from(b)]) {
        let text = text.trim();
        return if text.is_empty() {
            Vec::new()
        } else {
            vec![Inline::Text(text.to_string())]
        };
    }
    let mut guarded = String::with_capacity(INLINE_GUARD.len() + text.len());
    guarded.push_str(INLINE_GUARD);
    if text.as_bytes().iter().any(|b| *b == b'\n' || *b == b'\r') {
        guarded.push_str(&text.replace(['\n', '\r'], " "));
    } else {
        guarded.push_str(text);
    }
    let mut callback = path_reference;
    let parser =
        Parser::new_with_broken_link_callback(&guarded, Options::empty(), Some(&mut callback));
    let mut builder = InlineBuilder::default();
    for event in parser.filter(InlineBuilder::accepts) {
        builder.push(event, &mut |text, out| {
            out.push(Inline::Text(text.to_string()))
        });
    }
    let mut inlines = builder.finish();
    if let Some(Inline::Text(first)) = inlines.first_mut() {
        if let Some(rest) = first.strip_prefix(INLINE_GUARD.trim_end()) {
            *first = rest.trim_start().to_string();
        }
        if first.is_empty() {
            inlines.remove(0);
        }
    }
    inlines
}

/// Resolves `[text][some-topic.md]` with no definition as a link to `some-topic.md`: the
/// articles were written for a build that had those definitions.
fn path_reference<'a>(link: BrokenLink<'a>) -> Option<(CowStr<'a>, CowStr<'a>)> {
    let reference = link.reference.trim();
    repair::looks_like_path(reference)
        .then(|| (CowStr::from(reference.to_string()), CowStr::from("")))
}

/// Builds [`Inline`] trees from pulldown-cmark's inline events.
#[derive(Default)]
pub(super) struct InlineBuilder {
    stack: Vec<(Frame, Vec<Inline>)>,
    out: Vec<Inline>,
    text: String,
    /// Images met, as `(source, alt text)`; in running text they are reduced to their alt.
    images: Vec<(String, String)>,
}

enum Frame {
    Strong,
    Emphasis,
    Link(Option<Href>),
    Image(String),
}

impl InlineBuilder {
    /// Whether an event is inline content this builder takes.
    pub fn accepts(event: &Event<'_>) -> bool {
        matches!(
            event,
            Event::Text(_)
                | Event::Code(_)
                | Event::SoftBreak
                | Event::HardBreak
                | Event::InlineHtml(_)
                | Event::InlineMath(_)
                | Event::DisplayMath(_)
                | Event::FootnoteReference(_)
                | Event::Start(
                    Tag::Strong
                        | Tag::Emphasis
                        | Tag::Strikethrough
                        | Tag::Link { .. }
                        | Tag::Image { .. }
                )
                | Event::End(
                    TagEnd::Strong
                        | TagEnd::Emphasis
                        | TagEnd::Strikethrough
                        | TagEnd::Link
                        | TagEnd::Image
                )
        )
    }

    /// Takes one inline event. `on_text` turns collected text into inlines (the skeleton
    /// uses it to resolve segment placeholders).
    pub fn push(&mut self, event: Event<'_>, on_text: &mut dyn FnMut(&str, &mut Vec<Inline>)) {
        match event {
            Event::Text(t) | Event::InlineMath(t) | Event::DisplayMath(t) => self.text.push_str(&t),
            Event::FootnoteReference(t) => {
                self.text.push('[');
                self.text.push_str(&t);
                self.text.push(']');
            }
            Event::Code(t) => {
                self.flush(on_text);
                self.current().push(Inline::Code(t.to_string()));
            }
            Event::SoftBreak => self.text.push(' '),
            Event::HardBreak => {
                self.flush(on_text);
                self.current().push(Inline::Break);
            }
            // Raw HTML never reaches the page; a line break keeps its meaning.
            Event::InlineHtml(html) if is_line_break(&html) => {
                self.flush(on_text);
                self.current().push(Inline::Break);
            }
            Event::Start(tag) => {
                self.flush(on_text);
                let frame = match tag {
                    Tag::Strong => Frame::Strong,
                    Tag::Link { dest_url, .. } => Frame::Link(classify_href(&dest_url)),
                    Tag::Image { dest_url, .. } => Frame::Image(dest_url.to_string()),
                    _ => Frame::Emphasis,
                };
                self.stack.push((frame, Vec::new()));
            }
            Event::End(_) => {
                self.flush(on_text);
                if let Some((frame, children)) = self.stack.pop() {
                    let inline = match frame {
                        Frame::Strong => Some(Inline::Strong(children)),
                        Frame::Emphasis => Some(Inline::Emphasis(children)),
                        Frame::Link(Some(href)) => Some(Inline::Link { href, children }),
                        // An unsafe target: keep the words, drop the link.
                        Frame::Link(None) => {
                            self.current().extend(children);
                            None
                        }
                        // An image inside running text is reduced to its alt text.
                        Frame::Image(src) => {
                            self.images.push((src, super::repair::flat_text(&children)));
                            self.current().extend(children);
                            None
                        }
                    };
                    if let Some(inline) = inline {
                        self.current().push(inline);
                    }
                }
            }
            _ => {}
        }
    }

    pub fn take_images(&mut self) -> Vec<(String, String)> {
        std::mem::take(&mut self.images)
    }

    fn current(&mut self) -> &mut Vec<Inline> {
        match self.stack.last_mut() {
            Some((_, children)) => children,
            None => &mut self.out,
        }
    }

    fn flush(&mut self, on_text: &mut dyn FnMut(&str, &mut Vec<Inline>)) {
        if self.text.is_empty() {
            return;
        }
        let text = std::mem::take(&mut self.text);
        on_text(&text, self.current());
    }

    /// The inlines built so far; unclosed frames are closed.
    pub fn finish_with(mut self, on_text: &mut dyn FnMut(&str, &mut Vec<Inline>)) -> Vec<Inline> {
        self.flush(on_text);
        while !self.stack.is_empty() {
            self.push(Event::End(TagEnd::Strong), on_text);
        }
        merge_texts(&mut self.out);
        self.out
    }

    fn finish(self) -> Vec<Inline> {
        self.finish_with(&mut |text, out| out.push(Inline::Text(text.to_string())))
    }
}

/// Joins neighbouring text runs (an image reduced to its words, an unsafe link's words).
fn merge_texts(runs: &mut Vec<Inline>) {
    let mut merged: Vec<Inline> = Vec::with_capacity(runs.len());
    for mut run in runs.drain(..) {
        if let Inline::Strong(c) | Inline::Emphasis(c) | Inline::Link { children: c, .. } = &mut run
        {
            merge_texts(c);
        }
        match (merged.last_mut(), run) {
            (Some(Inline::Text(last)), Inline::Text(next)) => last.push_str(&next),
            (_, run) => merged.push(run),
        }
    }
    *runs = merged;
}

/// Turns skeleton text into text and segment references.
pub(super) fn resolve_placeholders(text: &str, out: &mut Vec<Inline>) {
    for piece in split_placeholders(text) {
        match piece {
            Piece::Text(t) => out.push(Inline::Text(t.to_string())),
            Piece::Segment(i) => out.push(Inline::Segment(i)),
        }
    }
}

pub(super) fn is_line_break(html: &str) -> bool {
    let tag: String = html
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '/')
        .collect::<String>()
        .to_ascii_lowercase();
    tag == "<br>"
}

/// Keeps only link targets that are safe on a page: `http`, `https`, `mailto` and
/// relative ones, by [`crate::safe_url::check_url`] (which the widget applies again to
/// what it reads).
///
/// # Examples
///
/// ```
/// use helpmark::content::{classify_href, Href};
///
/// assert_eq!(classify_href("javascript:alert(1)"), None);
/// assert_eq!(
///     classify_href("give-customers-permission.md#top"),
///     Some(Href::Topic { slug: "give-customers-permission".into(), fragment: Some("top".into()) })
/// );
/// ```
pub fn classify_href(url: &str) -> Option<Href> {
    // The same check as the widget's renderer applies again (crate::safe_url).
    let url = match crate::safe_url::check_url(url)? {
        SafeUrl::Anchor(anchor) => return Some(Href::Anchor(anchor)),
        SafeUrl::Absolute(url) => return Some(Href::External(url)),
        SafeUrl::Relative(url) => url,
    };
    let (path, fragment) = match url.split_once('#') {
        Some((p, f)) => (p, Some(f.to_string())),
        None => (url.as_str(), None),
    };
    let path = path.split('?').next().unwrap_or_default();
    let file = path.rsplit('/').next().unwrap_or_default();
    if let Some(stem) = markdown_file_stem(file) {
        return Some(Href::Topic {
            slug: stem.to_ascii_lowercase(),
            fragment,
        });
    }
    Some(Href::Relative(url))
}

/// `topic.md` (any case) → `topic`; `None` for anything else.
pub(super) fn markdown_file_stem(file: &str) -> Option<&str> {
    let split = file
        .len()
        .checked_sub(3)
        .filter(|&i| file.is_char_boundary(i))?;
    let (stem, ext) = file.split_at(split);
    (!stem.is_empty() && ext.eq_ignore_ascii_case(".md")).then_some(stem)
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::content::corpus;

    fn text(s: &str) -> Inline {
        Inline::Text(s.into())
    }

    #[test]
    fn bold_only_agrees_with_pulldown_cmark_on_every_corpus_half() {
        // Differential test: every half of every corpus article, and their bold terms
        // moved around, parse the same way on the fast path as with pulldown-cmark.
        let mut checked = 0;
        for (_, source) in corpus::articles() {
            for half in source.split(['<', '>']).filter(|h| h.contains("**")) {
                for variant in [
                    half.to_string(),
                    format!("x{half}y"),
                    format!("({half})"),
                    format!("{half}."),
                ] {
                    if let Some(fast) = bold_only(&variant) {
                        assert_eq!(fast, parse_inlines_fully(&variant), "{variant:?}");
                        checked += 1;
                    }
                }
            }
        }
        assert!(checked > 500, "only {checked} halves took the fast path");
        for tricky in [
            "**a** b",
            "a **b**c",
            "**(x)**y",
            "x**(y)**",
            "** a **",
            "**a**b**c**",
            "***a***",
            "**a*",
            "a ** b",
            "**,**",
            "(**a**)",
            "**ä**ö",
            "**a**。",
            "“**提交**”",
        ] {
            if let Some(fast) = bold_only(tricky) {
                assert_eq!(fast, parse_inlines_fully(tricky), "{tricky:?}");
            }
        }
    }

    #[test]
    fn bold_and_links_become_inline_runs() {
        assert_eq!(
            parse_inlines("Select **Customers** or [docs](https://example.com)."),
            vec![
                text("Select "),
                Inline::Strong(vec![text("Customers")]),
                text(" or "),
                Inline::Link {
                    href: Href::External("https://example.com".into()),
                    children: vec![text("docs")]
                },
                text("."),
            ]
        );
    }

    #[test]
    fn a_half_that_looks_like_a_block_stays_inline() {
        assert_eq!(parse_inlines("1. Schritt"), vec![text("1. Schritt")]);
        assert_eq!(parse_inlines("# nicht"), vec![text("# nicht")]);
    }

    #[test]
    fn raw_html_is_dropped_and_br_is_a_break() {
        assert_eq!(
            parse_inlines("a<b onclick=\"x\">b</b><br/>c"),
            vec![text("ab"), Inline::Break, text("c")]
        );
    }

    #[test]
    fn unsafe_links_keep_their_words_only() {
        assert_eq!(
            parse_inlines("[click](javascript:alert(1))"),
            vec![text("click")]
        );
        assert_eq!(parse_inlines("[x](data:text/html,hi)"), vec![text("x")]);
        assert_eq!(classify_href("JaVa\tScript:alert(1)"), None);
        assert_eq!(
            classify_href("mailto:a@b.c"),
            Some(Href::External("mailto:a@b.c".into()))
        );
    }

    #[test]
    fn file_names_ending_in_multibyte_characters_are_not_markdown_files() {
        assert_eq!(markdown_file_stem("权限"), None);
        assert_eq!(markdown_file_stem("Give.MD"), Some("Give"));
        assert_eq!(markdown_file_stem(".md"), None);
    }

    #[test]
    fn reference_links_to_markdown_files_become_topic_links() {
        assert_eq!(
            parse_inlines("[give][give-customers-permission.md]."),
            vec![
                Inline::Link {
                    href: Href::Topic {
                        slug: "give-customers-permission".into(),
                        fragment: None
                    },
                    children: vec![text("give")]
                },
                text("."),
            ]
        );
    }
}
