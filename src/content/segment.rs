//! Stage 2: lift the bilingual span pairs out of the body.
//!
//! ```text
//! <span data-ttu-id="c0cd6-110">LOCALIZED</span><span class="sxs-lookup"><span data-stu-id="c0cd6-110">ENGLISH</span></span>
//! ```
//!
//! Each pair becomes a [`RawSegment`] and is replaced in the body by a placeholder made of
//! private-use characters (`U+E000 n U+E001`), which no Markdown rule reacts to. What is
//! left, the skeleton, carries the block structure of both languages at once.
//!
//! Tolerated damage: quotes escaped as `&quot;` inside the span markup (a naive parser
//! would show raw tags), a missing half, and ids that do not match; each is reported.

use super::Code;
use super::{Diagnostic, LineIndex, Severity};

pub(super) const OPEN: char = '\u{E000}';
pub(super) const CLOSE: char = '\u{E001}';
/// Opens the placeholder of a [`Directive`] (closed by [`CLOSE`]).
pub(super) const DIRECTIVE: char = '\u{E003}';

/// The private-use characters the parser uses as markers (U+E002 guards inline parsing).
pub(super) fn is_marker(c: char) -> bool {
    matches!(c, '\u{E000}'..='\u{E003}')
}

/// A DocFX directive, lifted out of the body like a span pair so that its syntax never
/// reaches Markdown parsing (and never a reader).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Directive {
    /// `[!INCLUDE [title](path)]`: a build-time inclusion, kept unresolved.
    Include {
        title: String,
        path: String,
        line: u32,
        column: u32,
    },
    /// `:::image type="content" source=".." alt-text="..":::` (alt text translated in place).
    Image { src: String, alt: String },
}

/// A span pair as found in the source: both halves still Markdown.
#[derive(Debug)]
pub(super) struct RawSegment<'a> {
    pub id: &'a str,
    /// The id on the English half; differs from `id` only in damaged files.
    pub english_id: &'a str,
    pub localized: Option<&'a str>,
    pub english: Option<&'a str>,
    pub line: u32,
    pub column: u32,
}

/// The body with every pair replaced by a placeholder.
pub(super) struct Lifted<'a> {
    pub skeleton: String,
    pub segments: Vec<RawSegment<'a>>,
    pub directives: Vec<Directive>,
    /// `(skeleton offset, source offset)` at the start of every run of copied text.
    map: Vec<(usize, usize)>,
}

impl Lifted<'_> {
    fn push_directive(&mut self, directive: Directive, (line, column): (u32, u32)) {
        let directive = match directive {
            Directive::Include { title, path, .. } => Directive::Include {
                title,
                path,
                line,
                column,
            },
            image => image,
        };
        self.skeleton.push(DIRECTIVE);
        self.skeleton.push_str(&self.directives.len().to_string());
        self.skeleton.push(CLOSE);
        self.directives.push(directive);
    }

    /// The source byte offset of a skeleton byte offset.
    pub fn source_offset(&self, skeleton_offset: usize) -> usize {
        let i = self.map.partition_point(|&(s, _)| s <= skeleton_offset);
        match i.checked_sub(1).map(|i| self.map[i]) {
            Some((s, src)) => src + (skeleton_offset - s),
            None => skeleton_offset,
        }
    }
}

/// Splits text into plain runs and placeholder indices.
pub(super) fn split_placeholders(text: &str) -> Vec<Piece<'_>> {
    let mut pieces = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find(OPEN) {
        let after = &rest[open + OPEN.len_utf8()..];
        let Some(close) = after.find(CLOSE) else {
            break;
        };
        let Ok(index) = after[..close].parse::<usize>() else {
            break;
        };
        if open > 0 {
            pieces.push(Piece::Text(&rest[..open]));
        }
        pieces.push(Piece::Segment(index));
        rest = &after[close + CLOSE.len_utf8()..];
    }
    if !rest.is_empty() {
        pieces.push(Piece::Text(rest));
    }
    pieces
}

#[derive(Debug, PartialEq, Eq)]
pub(super) enum Piece<'a> {
    Text(&'a str),
    Segment(usize),
}

const LOCALIZED_OPEN: &str = "<span data-ttu-id=";
const LOOKUP_OPEN: &str = "<span class=";
const ENGLISH_OPEN: &str = "<span data-stu-id=";
const SPAN_CLOSE: &str = "</span>";

/// Lifts every pair out of `body`, which starts at `body_offset` in `source`.
pub(super) fn lift<'a>(
    lines: &LineIndex<'_>,
    body: &'a str,
    body_offset: usize,
    diagnostics: &mut Vec<Diagnostic>,
) -> Lifted<'a> {
    let mut lifted = Lifted {
        skeleton: String::with_capacity(body.len() / 2),
        segments: Vec::new(),
        directives: Vec::new(),
        map: vec![(0, body_offset)],
    };
    let mut pos = 0;
    // The next directive is searched for again only once it is behind us: most articles
    // have none, and searching the rest of the body at every span would be quadratic.
    let mut directive = next_directive(body, 0);
    loop {
        if directive.as_ref().is_some_and(|(start, _, _)| *start < pos) {
            directive = next_directive(body, pos);
        }
        let span = next_span(body, pos);
        let found = match (span, &directive) {
            (span, Some((start, _, _))) if span.is_none_or(|s| *start < s) => {
                let (start, end, found) = directive.take().expect("matched Some");
                lifted.skeleton.push_str(&body[pos..start]);
                lifted.push_directive(found, lines.locate(body_offset + start));
                pos = end;
                lifted.map.push((lifted.skeleton.len(), body_offset + pos));
                directive = next_directive(body, pos);
                continue;
            }
            (Some(span), _) => span,
            (None, _) => break,
        };
        lifted.skeleton.push_str(&body[pos..found]);
        let at = body_offset + found;
        let (line, column) = lines.locate(at);
        let mut report = |severity, code, message: String| {
            diagnostics.push(Diagnostic {
                line,
                column,
                severity,
                code,
                message,
            })
        };
        let (segment, end, escaped) = match read_pair(body, found) {
            Some(pair) => pair,
            None => {
                // An opening tag we cannot read: keep it out of the reader's sight.
                let end = body[found..]
                    .find('>')
                    .map_or(body.len(), |i| found + i + 1);
                let excerpt: String = body[found..end].chars().take(40).collect();
                report(
                    Severity::Error,
                    Code::SpanUnreadable,
                    format!("unreadable span markup `{excerpt}` was dropped"),
                );
                pos = end;
                lifted.map.push((lifted.skeleton.len(), body_offset + pos));
                continue;
            }
        };
        if escaped {
            report(
                Severity::Info,
                Code::RepairEscapedSpanMarkup,
                format!(
                    "span markup of segment {} had HTML-escaped quotes",
                    segment.id
                ),
            );
        }
        match (segment.localized, segment.english) {
            (Some(_), None) => report(
                Severity::Error,
                Code::SegmentMissingEnglish,
                format!("segment {} has no English half", segment.id),
            ),
            (None, _) => report(
                Severity::Error,
                Code::SegmentMissingTranslation,
                format!(
                    "segment {} has no localized half; the English is shown",
                    segment.id
                ),
            ),
            _ if segment.english_id != segment.id => report(
                Severity::Error,
                Code::SegmentIdMismatch,
                format!(
                    "localized half {} is paired with English half {}",
                    segment.id, segment.english_id
                ),
            ),
            _ => {}
        }
        let index = lifted.segments.len();
        lifted.segments.push(RawSegment {
            line,
            column,
            ..segment
        });
        lifted.skeleton.push(OPEN);
        lifted.skeleton.push_str(&index.to_string());
        lifted.skeleton.push(CLOSE);
        pos = end;
        lifted.map.push((lifted.skeleton.len(), body_offset + pos));
    }
    lifted.skeleton.push_str(&body[pos..]);
    lifted
}

const INCLUDE_OPEN: &str = "[!INCLUDE";
const IMAGE_OPEN: &str = ":::image ";
const IMAGE_END: &str = ":::image-end:::";

/// The next directive at or after `pos` that can be read: its range and value. DocFX
/// reads `[!INCLUDE` in any case.
fn next_directive(body: &str, pos: usize) -> Option<(usize, usize, Directive)> {
    let include = next_include(body, pos);
    let mut from = pos;
    let image = loop {
        let Some(i) = body[from..].find(IMAGE_OPEN) else {
            break None;
        };
        let start = from + i;
        if let Some((end, directive)) = read_image(body, start) {
            break Some((start, end, directive));
        }
        from = start + 1;
    };
    match (include, image) {
        (Some(a), Some(b)) => Some(if a.0 < b.0 { a } else { b }),
        (a, b) => a.or(b),
    }
}

/// The next readable `[!INCLUDE ...]`, in any case: found through its `!`, the rarest of
/// its characters in running text.
fn next_include(body: &str, pos: usize) -> Option<(usize, usize, Directive)> {
    let bytes = body.as_bytes();
    let mut at = pos;
    while let Some(i) = bytes[at..].iter().position(|&b| b == b'!') {
        let bang = at + i;
        at = bang + 1;
        let Some(start) = bang.checked_sub(1).filter(|&s| bytes[s] == b'[') else {
            continue;
        };
        let rest = &bytes[start..];
        if rest.len() >= INCLUDE_OPEN.len()
            && rest[..INCLUDE_OPEN.len()].eq_ignore_ascii_case(INCLUDE_OPEN.as_bytes())
        {
            if let Some((end, directive)) = read_include(body, start) {
                return Some((start, end, directive));
            }
        }
    }
    None
}

/// `[!INCLUDE [title](path)]` (the space is optional).
fn read_include(body: &str, start: usize) -> Option<(usize, Directive)> {
    let rest = &body[start + INCLUDE_OPEN.len()..];
    let after_space = rest.trim_start_matches(' ');
    let inner = after_space.strip_prefix('[')?;
    let title_end = inner.find(']')?;
    let after_title = inner[title_end + 1..].strip_prefix('(')?;
    let path_end = after_title.find(')')?;
    let tail = after_title[path_end + 1..].strip_prefix(']')?;
    let end = body.len() - tail.len();
    let directive = Directive::Include {
        title: inner[..title_end].trim().to_string(),
        path: after_title[..path_end].trim().to_string(),
        line: 0,
        column: 0,
    };
    Some((end, directive))
}

/// `:::image type=".." source=".." alt-text="..":::`; a `type="complex"` image runs to
/// `:::image-end:::` (its long description is kept out of the step text).
fn read_image(body: &str, start: usize) -> Option<(usize, Directive)> {
    let rest = &body[start + IMAGE_OPEN.len()..];
    let close = rest.find(":::")?;
    let attributes = &rest[..close];
    if attributes.contains('\n') {
        return None;
    }
    let attr = |name: &str| {
        let key = format!("{name}=\"");
        let at = attributes.find(&key)? + key.len();
        let len = attributes[at..].find('"')?;
        Some(attributes[at..at + len].to_string())
    };
    let mut end = start + IMAGE_OPEN.len() + close + 3;
    if attr("type").as_deref() == Some("complex") {
        if let Some(i) = body[end..].find(IMAGE_END) {
            end += i + IMAGE_END.len();
        }
    }
    let directive = Directive::Image {
        src: attr("source").unwrap_or_default(),
        alt: attr("alt-text").unwrap_or_default(),
    };
    Some((end, directive))
}

/// The index of a directive placeholder that is all of `text` (blank around it allowed).
pub(super) fn directive_placeholder(text: &str) -> Option<usize> {
    text.trim()
        .strip_prefix(DIRECTIVE)?
        .strip_suffix(CLOSE)?
        .parse()
        .ok()
}

/// The next localized or English opening tag at or after `pos`.
fn next_span(body: &str, pos: usize) -> Option<usize> {
    let bytes = body.as_bytes();
    let mut at = pos;
    while let Some(i) = bytes[at..].iter().position(|&b| b == b'<') {
        let tag = &body[at + i..];
        if tag.starts_with(LOCALIZED_OPEN) || tag.starts_with(LOOKUP_OPEN) {
            return Some(at + i);
        }
        at += i + 1;
    }
    None
}

/// Reads one pair (or a lone half) starting at `start`: the segment, the end offset and
/// whether escaped quotes were met.
fn read_pair(body: &str, start: usize) -> Option<(RawSegment<'_>, usize, bool)> {
    let mut escaped = false;
    let mut localized = None;
    let mut id = "";
    let mut pos = start;
    if body[pos..].starts_with(LOCALIZED_OPEN) {
        let (tag_id, after) = read_attr_value(body, pos + LOCALIZED_OPEN.len(), &mut escaped)?;
        let after = expect(body, after, ">")?;
        let close = after + body[after..].find(SPAN_CLOSE)?;
        id = tag_id;
        localized = Some(&body[after..close]);
        pos = close + SPAN_CLOSE.len();
    }
    let english = read_lookup(body, pos, &mut escaped);
    let (english, english_id, end) = match english {
        Some((english_id, text, end)) => (Some(text), english_id, end),
        None if localized.is_some() => (None, id, pos),
        None => return None,
    };
    if localized.is_none() {
        id = english_id;
    }
    let segment = RawSegment {
        id,
        english_id,
        localized,
        english,
        line: 0,
        column: 0,
    };
    Some((segment, end, escaped))
}

/// `<span class="sxs-lookup"><span data-stu-id="ID">ENGLISH</span></span>` at `pos`.
fn read_lookup<'a>(
    body: &'a str,
    pos: usize,
    escaped: &mut bool,
) -> Option<(&'a str, &'a str, usize)> {
    let pos = pos + (body[pos..].len() - body[pos..].trim_start_matches([' ', '\t']).len());
    if !body[pos..].starts_with(LOOKUP_OPEN) {
        return None;
    }
    let (class, after) = read_attr_value(body, pos + LOOKUP_OPEN.len(), escaped)?;
    if class != "sxs-lookup" {
        return None;
    }
    let after = expect(body, after, ">")?;
    let after = expect(body, after, ENGLISH_OPEN)?;
    let (id, after) = read_attr_value(body, after, escaped)?;
    let after = expect(body, after, ">")?;
    let close = after + body[after..].find(SPAN_CLOSE)?;
    let mut end = close + SPAN_CLOSE.len();
    if body[end..].starts_with(SPAN_CLOSE) {
        end += SPAN_CLOSE.len();
    }
    Some((id, &body[after..close], end))
}

/// A quoted attribute value at `pos`: `"x"` or `&quot;x&quot;` (or a mix, as MT leaves it).
fn read_attr_value<'a>(body: &'a str, pos: usize, escaped: &mut bool) -> Option<(&'a str, usize)> {
    let start = open_quote(body, pos, escaped)?;
    let rest = &body[start..];
    // Ids are short: look at 64 bytes at most (a byte scan; all three are ASCII).
    let end = rest
        .bytes()
        .take(64)
        .position(|b| b == b'"' || b == b'&' || b == b'>')?;
    let after = close_quote(body, start + end, escaped)?;
    Some((&rest[..end], after))
}

fn open_quote(body: &str, pos: usize, escaped: &mut bool) -> Option<usize> {
    close_quote(body, pos, escaped)
}

fn close_quote(body: &str, pos: usize, escaped: &mut bool) -> Option<usize> {
    let rest = &body[pos..];
    if rest.starts_with('"') {
        Some(pos + 1)
    } else if rest.starts_with("&quot;") {
        *escaped = true;
        Some(pos + "&quot;".len())
    } else {
        None
    }
}

fn expect(body: &str, pos: usize, literal: &str) -> Option<usize> {
    body[pos..]
        .starts_with(literal)
        .then(|| pos + literal.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lift_body(body: &str) -> (Lifted<'_>, Vec<Diagnostic>) {
        let mut diagnostics = Vec::new();
        let lifted = lift(&LineIndex::new(body), body, 0, &mut diagnostics);
        (lifted, diagnostics)
    }

    #[test]
    fn a_pair_becomes_a_placeholder_and_a_segment() {
        let (lifted, diags) = lift_body(
            "1. <span data-ttu-id=\"c0cd6-110\">Wählen</span><span class=\"sxs-lookup\"><span data-stu-id=\"c0cd6-110\">Select</span></span> tail",
        );
        assert_eq!(lifted.skeleton, "1. \u{E000}0\u{E001} tail");
        assert_eq!(lifted.segments[0].id, "c0cd6-110");
        assert_eq!(lifted.segments[0].localized, Some("Wählen"));
        assert_eq!(lifted.segments[0].english, Some("Select"));
        assert!(diags.is_empty());
    }

    #[test]
    fn html_escaped_quotes_in_span_markup_are_read_and_reported() {
        let (lifted, diags) = lift_body(
            "<span data-ttu-id=\"fe703-165&quot;>Text</span><span class=\"sxs-lookup\"><span data-stu-id=\"fe703-165\">Text EN</span></span>",
        );
        assert_eq!(lifted.skeleton, "\u{E000}0\u{E001}");
        assert_eq!(lifted.segments[0].localized, Some("Text"));
        assert_eq!(diags[0].code, "repair-escaped-span-markup");
    }

    #[test]
    fn mismatched_ids_are_paired_by_position_and_reported() {
        let (lifted, diags) = lift_body(
            "<span data-ttu-id=\"x-1\">L</span><span class=\"sxs-lookup\"><span data-stu-id=\"x-2\">E</span></span>",
        );
        assert_eq!(lifted.segments[0].english, Some("E"));
        assert_eq!(diags[0].code, "segment-id-mismatch");
    }

    #[test]
    fn a_missing_english_half_is_reported() {
        let (lifted, diags) = lift_body("<span data-ttu-id=\"ab-1\">Nur lokal</span> Rest");
        assert_eq!(lifted.segments[0].english, None);
        assert_eq!(lifted.skeleton, "\u{E000}0\u{E001} Rest");
        assert_eq!(diags[0].code, "segment-missing-english");
    }

    #[test]
    fn a_lone_english_half_is_a_segment_without_translation() {
        let (lifted, diags) = lift_body(
            "<span class=\"sxs-lookup\"><span data-stu-id=\"ab-2\">Only English</span></span>",
        );
        assert_eq!(lifted.segments[0].localized, None);
        assert_eq!(lifted.segments[0].english, Some("Only English"));
        assert_eq!(diags[0].code, "segment-missing-translation");
    }

    #[test]
    fn skeleton_offsets_map_back_to_the_source() {
        let body = "ab <span data-ttu-id=\"x-1\">L</span><span class=\"sxs-lookup\"><span data-stu-id=\"x-1\">E</span></span> cd";
        let (lifted, _) = lift_body(body);
        let skel_cd = lifted.skeleton.find("cd").unwrap();
        assert_eq!(lifted.source_offset(skel_cd), body.find("cd").unwrap());
        assert_eq!(lifted.source_offset(1), 1);
    }

    #[test]
    fn includes_and_images_are_lifted_as_directives() {
        let (lifted, _) = lift_body(
            "[!INCLUDE[footer](../includes/footer.md)]\n\n> :::image type=\"content\" source=\"media/a.png\" alt-text=\"Ein Bild\":::\n",
        );
        assert_eq!(
            lifted.skeleton,
            "\u{E003}0\u{E001}\n\n> \u{E003}1\u{E001}\n"
        );
        assert_eq!(
            lifted.directives[0],
            Directive::Include {
                title: "footer".into(),
                path: "../includes/footer.md".into(),
                line: 1,
                column: 1
            }
        );
        assert_eq!(
            lifted.directives[1],
            Directive::Image {
                src: "media/a.png".into(),
                alt: "Ein Bild".into()
            }
        );
        assert_eq!(directive_placeholder(" \u{E003}1\u{E001} "), Some(1));
    }

    #[test]
    fn includes_are_read_in_any_case() {
        let (lifted, _) = lift_body("[!include [banner](../includes/b.md)]\n");
        assert!(
            matches!(&lifted.directives[0], Directive::Include { path, .. } if path == "../includes/b.md")
        );
    }

    #[test]
    fn a_complex_image_swallows_its_long_description() {
        let (lifted, _) = lift_body(
            ":::image type=\"complex\" source=\"a.png\" alt-text=\"Alt\":::\nLong text\n:::image-end:::\nAfter",
        );
        assert_eq!(lifted.skeleton, "\u{E003}0\u{E001}\nAfter");
    }

    #[test]
    fn placeholders_split_back_into_pieces() {
        assert_eq!(
            split_placeholders("a \u{E000}12\u{E001}b"),
            vec![Piece::Text("a "), Piece::Segment(12), Piece::Text("b")]
        );
    }
}
