//! The article format: Microsoft's side-by-side ("sxs") localized Markdown.
//!
//! Owns the typed model of a help topic and its one entry point, [`parse_topic`].
//! The input format is documented in `../shared/FORMAT.md`: YAML front matter, then a
//! Markdown body in which every translation unit is a pair of spans, the localized half
//! (`data-ttu-id`) followed by its English source (`data-stu-id`, same id).
//!
//! The pipeline, in stages:
//!
//! 1. `front_matter` splits the file and reads the flat `key: value` front matter.
//! 2. `segment` lifts every span pair out of the body into a [`Segment`] and leaves a
//!    private-use placeholder in its place, so the remaining *skeleton* is plain Markdown
//!    whose block structure (headings, lists, alerts, tables) is parsed once for both
//!    languages.
//! 3. `inline` parses each half of each segment into [`Inline`] runs, and `repair`
//!    fixes machine-translation damage in the localized half using the English half as
//!    the oracle, recording a [`Diagnostic`] per repair.
//! 4. `block` parses the skeleton into [`Block`]s, resolving placeholders to
//!    [`Inline::Segment`] references.
//! 5. `step` finds the procedure (the numbered list of steps) and each step's UI anchors.
//!
//! One parse gives two views of the same topic, [`View::Localized`] and [`View::English`]:
//! a segment reference resolves to one half or the other.

mod align;
mod block;
mod code;
mod compiled;
mod front_matter;
mod inline;
mod plain;
mod repair;
mod segment;
mod step;

pub use align::{
    align_translation, compare_english, is_english, is_plain, numbered_item_lines, source_hash,
    stamp,
};
pub use code::Code;
pub use compiled::{
    decode_topic, encode_topic, parse_json, parse_json_within, DecodeError, Json, JsonLimits,
    TOPIC_LIMITS,
};
pub use front_matter::Meta;
pub use inline::classify_href;
pub use plain::render_plain;
pub use step::{slug, Anchor, Instruction, Step};

use std::fmt;

/// Which half of every bilingual segment to read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum View {
    /// The translation (`data-ttu-id` halves): what a reader of the locale sees.
    Localized,
    /// The English source (`data-stu-id` halves): the original article.
    English,
}

/// A parsed help topic: metadata, block structure, bilingual segments and steps.
#[derive(Clone, Debug, PartialEq)]
pub struct Topic {
    pub meta: Meta,
    pub blocks: Vec<Block>,
    pub segments: Vec<Segment>,
    /// The steps of the topic's procedure (its first top-level numbered list).
    pub steps: Vec<Step>,
    /// Index in [`Topic::blocks`] of the numbered list that holds the steps.
    pub procedure: Option<usize>,
    pub diagnostics: Vec<Diagnostic>,
}

/// One translation unit: its id and both halves as inline runs.
#[derive(Clone, Debug, PartialEq)]
pub struct Segment {
    pub id: String,
    pub localized: Vec<Inline>,
    pub english: Vec<Inline>,
    /// 1-based line of the segment in the source file.
    pub line: u32,
}

/// Inline content. [`Inline::Segment`] refers to [`Topic::segments`] and resolves to one
/// half according to the [`View`].
#[derive(Clone, Debug, PartialEq)]
pub enum Inline {
    Text(String),
    Strong(Vec<Inline>),
    Emphasis(Vec<Inline>),
    Code(String),
    Link { href: Href, children: Vec<Inline> },
    Break,
    Segment(usize),
}

/// A link target that is safe to put on a page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Href {
    /// `http:`, `https:` or `mailto:` URL.
    External(String),
    /// Another help topic, by slug (`give-customers-permission.md` → `give-customers-permission`).
    Topic {
        slug: String,
        fragment: Option<String>,
    },
    /// An anchor in this topic (`#update-customer-details`).
    Anchor(String),
    /// Any other relative URL (images, non-topic files).
    Relative(String),
}

/// Block structure, shared by both views.
#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    Heading {
        level: u8,
        /// The `<a name="...">` slug, always made from the English heading.
        anchor: Option<String>,
        content: Vec<Inline>,
    },
    Paragraph(Vec<Inline>),
    List {
        /// The first number of a numbered list; `None` for a bulleted list.
        start: Option<u64>,
        items: Vec<Vec<Block>>,
    },
    Alert {
        kind: AlertKind,
        blocks: Vec<Block>,
    },
    Quote(Vec<Block>),
    Code {
        lang: Option<String>,
        code: String,
    },
    Table {
        head: Vec<Vec<Inline>>,
        rows: Vec<Vec<Vec<Inline>>>,
    },
    Image {
        src: String,
        alt: String,
    },
    /// `[!INCLUDE [title](path)]`: content included at build time, unresolved here.
    Include {
        title: String,
        path: String,
    },
    /// `> [!div class="nextstepaction"]`: a "next step" call to action (usually a link).
    NextStep(Vec<Inline>),
    /// `> [!div class="checklist"]`: a list of what the reader will do or learn.
    Checklist(Vec<Vec<Block>>),
    /// `# [Label](#tab/id)` headings, each followed by its blocks, closed by `---`.
    Tabs(Vec<Tab>),
    Rule,
}

/// One tab of a tabbed section.
#[derive(Clone, Debug, PartialEq)]
pub struct Tab {
    /// `tab/id` target without the `tab/` prefix.
    pub id: String,
    pub label: Vec<Inline>,
    pub blocks: Vec<Block>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AlertKind {
    Note,
    Tip,
    Important,
    Caution,
    Warning,
}

/// How serious a [`Diagnostic`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// Something was repaired or is worth a writer's look; the reader is not affected.
    Info,
    /// The reader may see something off (a missing label, an unresolved reference).
    Warning,
    /// Content is lost or wrong (an unpaired segment, a missing half).
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// A finding about the source file, with its position and a stable code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub line: u32,
    pub column: u32,
    pub severity: Severity,
    /// Stable, kebab-case identifier (`repair-glued-bold`, `anchor-label-missing`, ...).
    pub code: Code,
    pub message: String,
}

/// Why a file is not a help topic at all. Damage inside an article is never an error:
/// it is repaired or reported as a [`Diagnostic`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TopicError {
    pub line: u32,
    pub column: u32,
    pub kind: TopicErrorKind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TopicErrorKind {
    /// The file does not start with a `---` front matter block.
    MissingFrontMatter,
    /// The front matter is opened but never closed.
    UnterminatedFrontMatter,
    /// The front matter has no `title`.
    MissingTitle,
    /// The file contains NUL bytes: not a text article.
    Binary,
}

impl fmt::Display for TopicError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = match self.kind {
            TopicErrorKind::MissingFrontMatter => {
                "not a help topic: the file must start with a `---` front matter block"
            }
            TopicErrorKind::UnterminatedFrontMatter => {
                "the front matter block is never closed with a `---` line"
            }
            TopicErrorKind::MissingTitle => "the front matter has no `title`",
            TopicErrorKind::Binary => "not a text file (it contains NUL bytes)",
        };
        write!(f, "{}:{}: {what}", self.line, self.column)
    }
}

impl std::error::Error for TopicError {}

/// Parses one localized article.
///
/// Damage is repaired where the English half shows what was meant, and reported in
/// [`Topic::diagnostics`]; only a file that is not an article at all is an error.
///
/// # Examples
///
/// ```
/// use helpmark::content::{parse_topic, View};
///
/// let src = "---\ntitle: Kunden | Partner Center\nms.contentlocale: de-DE\n---\n\
/// 1. <span data-ttu-id=\"a1b2c-1\">Wählen Sie **Kunden**aus.</span>\
/// <span class=\"sxs-lookup\"><span data-stu-id=\"a1b2c-1\">Select **Customers**.</span></span>\n";
/// let topic = parse_topic(src).unwrap();
/// assert_eq!(topic.step_text(0, View::Localized), "Wählen Sie Kunden aus.");
/// assert_eq!(topic.step_text(0, View::English), "Select Customers.");
/// assert_eq!(topic.steps[0].anchors[0].key, "customers");
/// ```
pub fn parse_topic(source: &str) -> Result<Topic, TopicError> {
    if let Some(offset) = source.find('\0') {
        let (line, column) = line_column(source, offset);
        return Err(TopicError {
            line,
            column,
            kind: TopicErrorKind::Binary,
        });
    }
    // The parser marks lifted segments and directives with private-use characters; the
    // same characters in the input are replaced (by U+FFFD, of the same UTF-8 length, so
    // every offset stays true) before they can be taken for markers.
    // Their UTF-8 starts with the byte 0xEE, which ordinary text rarely has.
    let first_marker = if source.as_bytes().contains(&0xEE) {
        source.find(segment::is_marker)
    } else {
        None
    };
    let cleaned;
    let source = if first_marker.is_some() {
        cleaned = source.replace(segment::is_marker, "\u{FFFD}");
        &cleaned
    } else {
        source
    };
    let (meta, body, body_offset) = front_matter::split(source)?;
    let mut diagnostics = Vec::new();
    if let Some(offset) = first_marker {
        let (line, column) = line_column(source, offset);
        diagnostics.push(Diagnostic {
            line,
            column,
            severity: Severity::Warning,
            code: Code::PrivateUseCharacters,
            message: "private-use characters U+E000–U+E003 replaced by U+FFFD".into(),
        });
    }
    let lines = LineIndex::new(source);
    let mut lifted = segment::lift(&lines, body, body_offset, &mut diagnostics);
    let locale = meta.locale.clone().unwrap_or_default();
    let mut images = Vec::new();
    let segments: Vec<Segment> = lifted
        .segments
        .iter()
        .enumerate()
        .map(|(i, raw)| inline::parse_segment(raw, &locale, &mut diagnostics, i, &mut images))
        .collect();
    let html_lists = block::html_lists(&mut lifted.skeleton);
    let locate = |offset| lines.locate(lifted.source_offset(offset));
    for offset in html_lists {
        let (line, column) = locate(offset);
        diagnostics.push(Diagnostic {
            line,
            column,
            severity: Severity::Info,
            code: Code::RepairHtmlList,
            message: "a list written as raw HTML (`<ol>`/`<li>`) read as a Markdown list; its `start` number continues the procedure".into(),
        });
    }
    let segment_text = |i: usize| {
        segments
            .get(i)
            .map(|s| repair::flat_text(&s.english))
            .unwrap_or_default()
    };
    let blocks = block::parse_blocks(
        &lifted.skeleton,
        &lifted.directives,
        &segment_text,
        &mut diagnostics,
        &locate,
    );
    let mut blocks = blocks;
    if !images.is_empty() {
        place_segment_images(&mut blocks, &segments, &images);
    }
    let mut topic = Topic {
        meta,
        blocks,
        segments,
        steps: Vec::new(),
        procedure: None,
        diagnostics,
    };
    step::find_procedure(&mut topic);
    topic
        .diagnostics
        .sort_by_key(|d| (d.line, d.column, d.code));
    Ok(topic)
}

/// Shows the images taken out of span pairs ([`repair::take_images`]) as image blocks
/// beside the paragraph of their segment: before it when the image opened the half, else
/// after it; instead of it when the segment was only the image.
fn place_segment_images(
    blocks: &mut Vec<Block>,
    segments: &[Segment],
    images: &[(usize, Vec<repair::SegmentImage>)],
) {
    let images_of = |content: &[Inline]| -> Vec<&repair::SegmentImage> {
        content
            .iter()
            .filter_map(|i| match i {
                Inline::Segment(n) => images.iter().find(|(s, _)| s == n),
                _ => None,
            })
            .flat_map(|(_, list)| list)
            .collect()
    };
    let mut i = 0;
    while i < blocks.len() {
        match &mut blocks[i] {
            Block::Paragraph(content) => {
                let found = images_of(content);
                if found.is_empty() {
                    i += 1;
                    continue;
                }
                let empty = content.iter().all(|run| match run {
                    Inline::Segment(n) => segments
                        .get(*n)
                        .is_none_or(|s| s.localized.is_empty() && s.english.is_empty()),
                    Inline::Text(t) => t.trim().is_empty(),
                    _ => false,
                });
                let image = |img: &&repair::SegmentImage| Block::Image {
                    src: img.src.clone(),
                    alt: img.alt.clone(),
                };
                let before: Vec<Block> = found.iter().filter(|m| m.leading).map(image).collect();
                let after: Vec<Block> = found.iter().filter(|m| !m.leading).map(image).collect();
                let (n_before, n_after) = (before.len(), after.len());
                if empty {
                    blocks.splice(i..=i, before.into_iter().chain(after));
                    i += n_before + n_after;
                } else {
                    blocks.splice(i + 1..i + 1, after);
                    blocks.splice(i..i, before);
                    i += n_before + 1 + n_after;
                }
            }
            Block::List { items, .. } | Block::Checklist(items) => {
                for item in items {
                    place_segment_images(item, segments, images);
                }
                i += 1;
            }
            Block::Alert { blocks: inner, .. } | Block::Quote(inner) => {
                place_segment_images(inner, segments, images);
                i += 1;
            }
            Block::Tabs(tabs) => {
                for tab in tabs {
                    place_segment_images(&mut tab.blocks, segments, images);
                }
                i += 1;
            }
            _ => i += 1,
        }
    }
}

/// Line starts of a text, found once, so that positions cost a binary search and a
/// scan of one line (not a scan from the start of the file for every segment).
pub(crate) struct LineIndex<'a> {
    source: &'a str,
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub(crate) fn new(source: &'a str) -> LineIndex<'a> {
        let starts = std::iter::once(0)
            .chain(source.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        LineIndex { source, starts }
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub(crate) fn locate(&self, offset: usize) -> (u32, u32) {
        let offset = offset.min(self.source.len());
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let start = self.starts[line];
        let column = self
            .source
            .get(start..offset)
            .map_or(0, |s| s.chars().count());
        (line as u32 + 1, column as u32 + 1)
    }
}

/// 1-based line and column (in characters) of a byte offset.
#[doc(hidden)]
pub fn line_column(source: &str, offset: usize) -> (u32, u32) {
    let before = &source[..offset.min(source.len())];
    let line = before.matches('\n').count() as u32 + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() as u32 + 1;
    (line, column)
}

impl Topic {
    /// The inline runs of a segment reference resolved for a view.
    pub fn segment(&self, index: usize, view: View) -> &[Inline] {
        match self.segments.get(index) {
            Some(s) if view == View::English => &s.english,
            Some(s) => &s.localized,
            None => &[],
        }
    }

    /// The topic title: the first heading, else the front matter title without its
    /// ` | Product` suffix.
    pub fn title(&self, view: View) -> String {
        for block in &self.blocks {
            if let Block::Heading {
                level: 1, content, ..
            } = block
            {
                return self.plain_text(content, view);
            }
        }
        let title = match view {
            View::English => self.english_title_fallback(),
            View::Localized => self.meta.title.clone(),
        };
        title
            .split(" | ")
            .next()
            .unwrap_or_default()
            .trim()
            .to_string()
    }

    fn english_title_fallback(&self) -> String {
        // Front matter is translated and has no English half; the first segment is the
        // closest English text there is.
        self.segments
            .first()
            .map(|s| self.plain_text(&s.english, View::English))
            .unwrap_or_else(|| self.meta.title.clone())
    }

    /// The blocks before the procedure, without the title heading: the "applies to" or
    /// roles lines and the introduction.
    pub fn lead(&self) -> &[Block] {
        let end = self.procedure.unwrap_or(self.blocks.len());
        let start = match self.blocks.first() {
            Some(Block::Heading { level: 1, .. }) => 1,
            _ => 0,
        };
        // The heading of the procedure itself ("Update customer details") belongs to the
        // steps, not to the lead.
        let end = match end.checked_sub(1).map(|i| &self.blocks[i]) {
            Some(b) if end > start && self.procedure.is_some() && self.is_procedure_heading(b) => {
                end - 1
            }
            _ => end,
        };
        &self.blocks[start.min(end)..end]
    }

    /// The heading right above the procedure, if there is one.
    pub fn procedure_heading(&self) -> Option<&Block> {
        let i = self.procedure?.checked_sub(1)?;
        let block = &self.blocks[i];
        (i > 0 && self.is_procedure_heading(block)).then_some(block)
    }

    fn is_procedure_heading(&self, block: &Block) -> bool {
        match block {
            Block::Heading { level, .. } => *level >= 2,
            // A paragraph that is all bold ("**Update customer details**") is a heading in
            // older articles.
            Block::Paragraph(content) => match content.as_slice() {
                [Inline::Strong(_)] => true,
                [Inline::Segment(i)] => {
                    matches!(self.segment(*i, View::English), [Inline::Strong(_)])
                }
                _ => false,
            },
            _ => false,
        }
    }

    /// Plain text of inline runs in a view, as a reader sees it (whitespace collapsed).
    pub fn plain_text(&self, inlines: &[Inline], view: View) -> String {
        let mut out = String::new();
        self.push_text(inlines, view, &mut out);
        collapse_whitespace(&out)
    }

    fn push_text(&self, inlines: &[Inline], view: View, out: &mut String) {
        for inline in inlines {
            match inline {
                Inline::Text(t) | Inline::Code(t) => out.push_str(t),
                Inline::Break => out.push(' '),
                Inline::Strong(c) | Inline::Emphasis(c) | Inline::Link { children: c, .. } => {
                    self.push_text(c, view, out)
                }
                Inline::Segment(i) => self.push_text(self.segment(*i, view), view, out),
            }
        }
    }

    /// Plain text of blocks, each block separated by a space.
    pub fn blocks_text(&self, blocks: &[Block], view: View) -> String {
        let mut parts = Vec::new();
        for block in blocks {
            match block {
                Block::Heading { content, .. } | Block::Paragraph(content) => {
                    parts.push(self.plain_text(content, view))
                }
                Block::List { items, .. } | Block::Checklist(items) => {
                    for item in items {
                        parts.push(self.blocks_text(item, view));
                    }
                }
                Block::NextStep(content) => parts.push(self.plain_text(content, view)),
                Block::Tabs(tabs) => {
                    for tab in tabs {
                        parts.push(self.plain_text(&tab.label, view));
                        parts.push(self.blocks_text(&tab.blocks, view));
                    }
                }
                Block::Include { .. } => {}
                Block::Alert { blocks, .. } | Block::Quote(blocks) => {
                    parts.push(self.blocks_text(blocks, view))
                }
                Block::Code { code, .. } => parts.push(code.clone()),
                Block::Table { head, rows } => {
                    for cell in head.iter().chain(rows.iter().flatten()) {
                        parts.push(self.plain_text(cell, view));
                    }
                }
                Block::Image { alt, .. } => parts.push(alt.clone()),
                Block::Rule => {}
            }
        }
        parts.retain(|p| !p.is_empty());
        parts.join(" ")
    }

    /// Plain text of step `index` in a view (empty when there is no such step).
    pub fn step_text(&self, index: usize, view: View) -> String {
        self.steps
            .get(index)
            .map(|s| self.blocks_text(&s.blocks, view))
            .unwrap_or_default()
    }
}

/// Collapses runs of whitespace to one space and trims, as HTML rendering does.
pub fn collapse_whitespace(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

#[cfg(test)]
mod tests;

/// The corpus articles, for unit tests (the same loader as `tests/` and `benches/`).
#[cfg(test)]
#[path = "../tests/support/corpus.rs"]
mod corpus;
