//! Plain-Markdown topics and their translations.
//!
//! A product's own help is written as plain English Markdown (no span pairs), and its
//! translations come back as plain Markdown files. The English file (`en-US/<topic>.md`,
//! or any `en-*`) is the **source**: it is the topic's English view, and every plain
//! translation of the same topic is aligned with it ([`align_translation`]):
//!
//! - step *n* with step *n*, and the *k*-th UI anchor of a step with the *k*-th anchor of
//!   the source step; the anchor keys (what `data-help-target` names) come from the
//!   source, so `fr-FR` `**Clients**` answers to `customers`. A writer who must change the
//!   order names the key: `**Clients**{#customers}`;
//! - paragraphs and headings are paired with the source's where the block structure
//!   matches, so the translation carries its English ("Show original (English)");
//! - parity is checked (steps, anchors per step, link targets, images) and reported;
//! - the translation records the hash of the source it was made from
//!   (`helpmark.sourcehash`, written by `helpmark stamp`): a different hash marks it
//!   stale ([`super::Meta::stale`] holds the note the widget shows, in the
//!   translation's language).

use super::Code;
use std::collections::BTreeSet;

use super::{Block, Diagnostic, Href, Inline, Segment, Severity, Topic, View};

/// Whether a topic is plain Markdown (no span pair at all).
pub fn is_plain(topic: &Topic) -> bool {
    topic.segments.is_empty()
}

/// Whether a locale tag is English (`en`, `en-US`, `en-GB`, ...).
pub fn is_english(locale: &str) -> bool {
    let lang = locale.split(['-', '_']).next().unwrap_or_default();
    lang.eq_ignore_ascii_case("en")
}

/// The hash of a source's text: its title and its body (not its dates or other front
/// matter; line endings and trailing spaces do not count), so that only a change of what
/// a reader could see makes translations stale, and a new version of Helpmark does not.
/// 16 hex digits of 64-bit FNV-1a. `None` when the text is not a topic.
pub fn source_hash(source_text: &str) -> Option<String> {
    let (meta, body, _) = super::front_matter::split(source_text).ok()?;
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |bytes: &[u8]| {
        for &byte in bytes {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    };
    eat(meta.title.trim().as_bytes());
    eat(b"\n");
    for line in body.trim_end().lines() {
        eat(line.trim_end().as_bytes());
        eat(b"\n");
    }
    Some(format!("{hash:016x}"))
}

/// Writes (or replaces) `helpmark.sourcehash: <hash>` in the front matter of a
/// translation's text: what `helpmark stamp` does when a translation is made.
/// `None` when the text has no front matter.
pub fn stamp(translation: &str, hash: &str) -> Option<String> {
    let newline = if translation.contains("\r\n") {
        "\r\n"
    } else {
        "\n"
    };
    let body_start = translation.strip_prefix('\u{feff}').map_or(0, |_| 3);
    let text = &translation[body_start..];
    let first_end = text.find('\n')?;
    if text[..first_end].trim_end() != "---" {
        return None;
    }
    let mut out = String::with_capacity(translation.len() + 40);
    out.push_str(&translation[..body_start + first_end + 1]);
    let mut rest = &text[first_end + 1..];
    loop {
        let end = rest.find('\n').map_or(rest.len(), |i| i + 1);
        let line = &rest[..end];
        if line.trim_end() == "---" {
            out.push_str(&format!("helpmark.sourcehash: {hash}{newline}"));
            out.push_str(rest);
            return Some(out);
        }
        if end == 0 {
            return None;
        }
        if !line.starts_with("helpmark.sourcehash:") {
            out.push_str(line);
        }
        rest = &rest[end..];
    }
}

/// Aligns a plain translation with its plain English source, in place, and returns the
/// parity findings. `source_lines` and `lines` are the files' texts, for positions (the
/// line of step *n* is that of the *n*-th item of the first numbered list).
pub fn align_translation(
    source: &Topic,
    translation: &mut Topic,
    source_text: Option<&str>,
    text: Option<&str>,
) -> Vec<Diagnostic> {
    let step_lines = text.map(numbered_item_lines).unwrap_or_default();
    let step_line = |n: usize| step_lines.get(n).copied().unwrap_or(1);
    let mut found = Vec::new();
    let mut report = |line: u32, severity, code, message: String| {
        found.push(Diagnostic {
            line,
            column: 1,
            severity,
            code,
            message,
        })
    };

    // Staleness, by the hash recorded when the translation was made (needs the source's
    // text).
    let hash = source_text.and_then(source_hash);
    match (translation.meta.source_hash.as_deref(), hash) {
        (_, None) => {}
        (Some(recorded), Some(hash)) if recorded == hash => {}
        (Some(recorded), Some(hash)) => {
            let locale = translation.meta.locale.as_deref().unwrap_or_default();
            translation.meta.stale =
                Some(crate::locale::stale_translation_note(locale).to_string());
            report(
                1,
                Severity::Warning,
                Code::TranslationStale,
                format!("the English source changed since this translation was made (hash {recorded}, now {hash}); readers see a note"),
            );
        }
        (None, Some(hash)) => report(
            1,
            Severity::Info,
            Code::TranslationUnstamped,
            format!("no `helpmark.sourcehash` in the front matter: run `helpmark stamp` when the translation is made (source hash {hash})"),
        ),
    }

    // Parity of steps and anchors, then keys from the source.
    if source.steps.len() != translation.steps.len() {
        report(
            step_line(source.steps.len().min(translation.steps.len())),
            Severity::Warning,
            Code::ParitySteps,
            format!(
                "the translation has {} step(s) where the English source has {}",
                translation.steps.len(),
                source.steps.len()
            ),
        );
    }
    let translated_anchors: Vec<Vec<(String, Option<String>, bool)>> = translation
        .steps
        .iter()
        .map(|step| {
            step.anchors
                .iter()
                .map(|a| {
                    let label = a.localized.clone().unwrap_or_else(|| a.english.clone());
                    // A plain file's key is the slug of its own label unless the writer named it.
                    let explicit = a.key != super::slug(&a.english);
                    (a.key.clone(), Some(label), explicit)
                })
                .collect()
        })
        .collect();

    // The translation's English: its blocks paired with the source's where they match.
    let mut segments = Vec::new();
    let paired = pair_blocks(&translation.blocks, &source.blocks, &mut segments);
    translation.blocks = paired;
    if let Some(text) = text {
        segment_lines(&mut segments, text);
    }
    translation.segments = segments;
    translation.steps.clear();
    translation.procedure = None;
    let mut diagnostics = std::mem::take(&mut translation.diagnostics);
    super::step::find_procedure(translation);
    // find_procedure's own alignment findings are replaced by the ones below.
    translation
        .diagnostics
        .retain(|d| d.code != Code::AnchorLabelMissing);
    diagnostics.append(&mut translation.diagnostics);
    translation.diagnostics = diagnostics;

    for (n, step) in translation.steps.iter_mut().enumerate() {
        let Some(source_step) = source.steps.get(n) else {
            continue;
        };
        let Some(labels) = translated_anchors.get(n) else {
            continue;
        };
        if labels.len() != source_step.anchors.len() {
            report(
                step_line(n),
                Severity::Warning,
                Code::ParityAnchors,
                format!(
                    "step {}: the translation has {} UI term(s) in bold where the English source has {} ({})",
                    n + 1,
                    labels.len(),
                    source_step.anchors.len(),
                    source_step
                        .anchors
                        .iter()
                        .map(|a| a.english.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            );
        }
        // Explicit keys first, then the rest in order.
        let mut assigned: Vec<Option<String>> = vec![None; source_step.anchors.len()];
        let mut rest = Vec::new();
        for (key, label, explicit) in labels {
            match source_step.anchors.iter().position(|a| &a.key == key) {
                Some(j) if *explicit && assigned[j].is_none() => assigned[j] = label.clone(),
                _ if *explicit => report(
                    step_line(n),
                    Severity::Warning,
                    Code::ParityUnknownKey,
                    format!(
                        "step {}: the key `{key}` names no UI term of the English source step",
                        n + 1
                    ),
                ),
                _ => rest.push(label.clone()),
            }
        }
        let mut rest = rest.into_iter();
        for slot in assigned.iter_mut().filter(|s| s.is_none()) {
            match rest.next() {
                Some(label) => *slot = label,
                None => break,
            }
        }
        step.anchors = source_step
            .anchors
            .iter()
            .zip(assigned)
            .map(|(a, localized)| super::Anchor {
                key: a.key.clone(),
                english: a.english.clone(),
                localized,
            })
            .collect();
        step.instructions = source_step.instructions.clone();
    }

    // Link targets and images.
    let targets = |topic: &Topic, view: View| -> BTreeSet<String> {
        let mut out = BTreeSet::new();
        walk_inlines(topic, &topic.blocks, view, &mut |inline| {
            if let Inline::Link { href, .. } = inline {
                out.insert(href_text(href));
            }
        });
        out
    };
    let source_links = targets(source, View::English);
    let translated_links = targets(translation, View::Localized);
    for missing in source_links.difference(&translated_links) {
        report(
            line_of(text, missing),
            Severity::Warning,
            Code::ParityLinks,
            format!("the English source links to `{missing}`, the translation does not"),
        );
    }
    for extra in translated_links.difference(&source_links) {
        report(
            line_of(text, extra),
            Severity::Warning,
            Code::ParityLinks,
            format!("the translation links to `{extra}`, the English source does not"),
        );
    }
    let images = |topic: &Topic| -> BTreeSet<String> {
        let mut out = BTreeSet::new();
        walk_blocks(&topic.blocks, &mut |b| {
            if let Block::Image { src, .. } = b {
                out.insert(src.clone());
            }
        });
        out
    };
    for missing in images(source).difference(&images(translation)) {
        report(
            step_line(0),
            Severity::Warning,
            Code::ParityImages,
            format!("the English source shows the image `{missing}`, the translation does not"),
        );
    }
    found
}

/// Says where the source and the English derived from side-by-side files of the same
/// topic disagree (the plain source wins; this is for the writers).
pub fn compare_english(source: &Topic, derived: &Topic, derived_path: &str) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    let keys = |t: &Topic| -> Vec<Vec<String>> {
        t.steps
            .iter()
            .map(|s| s.anchors.iter().map(|a| a.key.clone()).collect())
            .collect()
    };
    if source.steps.len() != derived.steps.len() || keys(source) != keys(derived) {
        found.push(Diagnostic {
            line: 1,
            column: 1,
            severity: Severity::Warning,
            code: Code::EnglishSourceDisagrees,
            message: format!(
                "the English of `{derived_path}` ({} step(s), keys {:?}) differs from this plain English source ({} step(s), keys {:?}); the plain source is the English view",
                derived.steps.len(),
                keys(derived),
                source.steps.len(),
                keys(source)
            ),
        });
    }
    found
}

/// Pairs translated blocks with source blocks of the same shape: the inline content of
/// each paragraph, heading and table cell becomes a segment (localized: the translation,
/// English: the source).
fn pair_blocks(translated: &[Block], source: &[Block], segments: &mut Vec<Segment>) -> Vec<Block> {
    let same_shape = translated.len() == source.len()
        && translated
            .iter()
            .zip(source)
            .all(|(a, b)| std::mem::discriminant(a) == std::mem::discriminant(b));
    if !same_shape {
        return translated.to_vec();
    }
    fn pair(segments: &mut Vec<Segment>, localized: &[Inline], english: &[Inline]) -> Vec<Inline> {
        segments.push(Segment {
            id: format!("plain-{}", segments.len() + 1),
            localized: localized.to_vec(),
            english: english.to_vec(),
            line: 0,
        });
        vec![Inline::Segment(segments.len() - 1)]
    }
    let mut out = Vec::with_capacity(translated.len());
    for (t, s) in translated.iter().zip(source) {
        out.push(match (t, s) {
            (Block::Paragraph(a), Block::Paragraph(b)) => Block::Paragraph(pair(segments, a, b)),
            (Block::NextStep(a), Block::NextStep(b)) => Block::NextStep(pair(segments, a, b)),
            (
                Block::Heading {
                    level,
                    anchor,
                    content,
                },
                Block::Heading {
                    content: english,
                    anchor: english_anchor,
                    ..
                },
            ) => Block::Heading {
                level: *level,
                // The anchor is made from the English heading, as in side-by-side files.
                anchor: english_anchor.clone().or_else(|| anchor.clone()),
                content: pair(segments, content, english),
            },
            (Block::List { start, items }, Block::List { items: english, .. })
                if items.len() == english.len() =>
            {
                let items = items
                    .iter()
                    .zip(english)
                    .map(|(a, b)| pair_blocks(a, b, segments))
                    .collect();
                Block::List {
                    start: *start,
                    items,
                }
            }
            (
                Block::Alert { kind, blocks },
                Block::Alert {
                    blocks: english, ..
                },
            ) => Block::Alert {
                kind: *kind,
                blocks: pair_blocks(blocks, english, segments),
            },
            (Block::Quote(blocks), Block::Quote(english)) => {
                Block::Quote(pair_blocks(blocks, english, segments))
            }
            (other, _) => other.clone(),
        });
    }
    out
}

/// Gives each paired segment the line where its translated text starts, searching
/// forward in document order (for the writers' preview: diagnostics sit on lines).
fn segment_lines(segments: &mut [Segment], text: &str) {
    let lines: Vec<&str> = text.lines().collect();
    // After the front matter.
    let mut cursor = match lines.first() {
        Some(first) if first.trim_end() == "---" => lines
            .iter()
            .skip(1)
            .position(|l| l.trim_end() == "---")
            .map_or(0, |i| i + 2),
        _ => 0,
    };
    for segment in segments {
        let first = segment.localized.iter().find_map(|i| match i {
            Inline::Text(t) if !t.trim().is_empty() => Some(t.trim()),
            Inline::Strong(c) | Inline::Link { children: c, .. } => {
                c.iter().find_map(|i| match i {
                    Inline::Text(t) if !t.trim().is_empty() => Some(t.trim()),
                    _ => None,
                })
            }
            _ => None,
        });
        let Some(first) = first else { continue };
        let probe: String = first.chars().take(12).collect();
        if let Some(at) = lines[cursor..].iter().position(|l| l.contains(&probe)) {
            cursor += at;
            segment.line = cursor as u32 + 1;
        }
    }
}

fn walk_blocks(blocks: &[Block], f: &mut dyn FnMut(&Block)) {
    for block in blocks {
        f(block);
        match block {
            Block::List { items, .. } | Block::Checklist(items) => {
                items.iter().for_each(|i| walk_blocks(i, f))
            }
            Block::Alert { blocks, .. } | Block::Quote(blocks) => walk_blocks(blocks, f),
            Block::Tabs(tabs) => tabs.iter().for_each(|t| walk_blocks(&t.blocks, f)),
            _ => {}
        }
    }
}

fn walk_inlines(topic: &Topic, blocks: &[Block], view: View, f: &mut dyn FnMut(&Inline)) {
    fn runs(topic: &Topic, inlines: &[Inline], view: View, f: &mut dyn FnMut(&Inline)) {
        for inline in inlines {
            f(inline);
            match inline {
                Inline::Strong(c) | Inline::Emphasis(c) | Inline::Link { children: c, .. } => {
                    runs(topic, c, view, f)
                }
                Inline::Segment(i) => runs(topic, topic.segment(*i, view), view, f),
                _ => {}
            }
        }
    }
    walk_blocks(blocks, &mut |block| match block {
        Block::Heading { content, .. } | Block::Paragraph(content) | Block::NextStep(content) => {
            runs(topic, content, view, f)
        }
        Block::Table { head, rows } => {
            for cell in head.iter().chain(rows.iter().flatten()) {
                runs(topic, cell, view, f)
            }
        }
        Block::Tabs(tabs) => tabs.iter().for_each(|t| runs(topic, &t.label, view, f)),
        _ => {}
    });
}

fn href_text(href: &Href) -> String {
    match href {
        Href::External(url) | Href::Relative(url) => url.clone(),
        Href::Topic { slug, fragment } => match fragment {
            Some(f) => format!("{slug}.md#{f}"),
            None => format!("{slug}.md"),
        },
        Href::Anchor(a) => format!("#{a}"),
    }
}

/// The line of the first occurrence of a link target in a file's text (1 if unknown).
fn line_of(text: Option<&str>, target: &str) -> u32 {
    let needle = target.split('#').next().unwrap_or(target);
    text.and_then(|t| {
        t.lines()
            .position(|l| l.contains(needle))
            .map(|i| i as u32 + 1)
    })
    .unwrap_or(1)
}

/// 1-based lines of the items of the first top-level numbered list of a Markdown file
/// (outside front matter and fenced code): where step *n* starts.
pub fn numbered_item_lines(text: &str) -> Vec<u32> {
    let mut lines = Vec::new();
    let mut in_front = false;
    let mut fence = false;
    let mut seen_list = false;
    for (i, line) in text.lines().enumerate() {
        let trimmed = line.trim_end();
        if i == 0 && trimmed == "---" {
            in_front = true;
            continue;
        }
        if in_front {
            in_front = trimmed != "---";
            continue;
        }
        if trimmed.trim_start().starts_with("```") || trimmed.trim_start().starts_with("~~~") {
            fence = !fence;
            continue;
        }
        if fence {
            continue;
        }
        let digits = trimmed.chars().take_while(char::is_ascii_digit).count();
        let item = digits > 0
            && matches!(trimmed[digits..].chars().next(), Some('.' | ')'))
            && trimmed[digits + 1..].starts_with(' ');
        if item {
            seen_list = true;
            lines.push(i as u32 + 1);
        } else if seen_list && trimmed.starts_with('#') {
            break;
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::parse_topic;

    const SOURCE: &str = "---\ntitle: Customers\nms.contentlocale: en-US\n---\n\
# Find a customer\n\nUse the list to find a customer.\n\n\
1. From the menu, select **Customers** and then **Search**.\n\
2. Type a name and select **Go**. See [the guide](guide.md).\n";

    fn parse(text: &str) -> Topic {
        parse_topic(text).unwrap()
    }

    fn translation(extra_front: &str, body: &str) -> String {
        format!("---\ntitle: Clients\nms.contentlocale: fr-FR\n{extra_front}---\n{body}")
    }

    const FRENCH: &str = "# Trouver un client\n\nUtilisez la liste pour trouver un client.\n\n\
1. Dans le menu, sélectionnez **Clients** puis **Rechercher**.\n\
2. Tapez un nom et sélectionnez **OK**. Voir [le guide](guide.md).\n";

    #[test]
    fn keys_come_from_the_source_step_by_step_and_term_by_term() {
        let source = parse(SOURCE);
        let text = translation("", FRENCH);
        let mut fr = parse(&text);
        assert_eq!(fr.steps[0].anchors[0].key, "clients", "before alignment");
        let found = align_translation(&source, &mut fr, Some(SOURCE), Some(&text));
        let keys: Vec<_> = fr.steps[0].anchors.iter().map(|a| a.key.as_str()).collect();
        assert_eq!(keys, ["customers", "search"]);
        assert_eq!(fr.steps[0].anchors[0].localized.as_deref(), Some("Clients"));
        assert_eq!(fr.steps[0].anchors[0].english, "Customers");
        assert_eq!(fr.steps[1].anchors[0].key, "go");
        // The English of the translation is the source ("Show original (English)").
        assert_eq!(
            fr.step_text(0, View::English),
            "From the menu, select Customers and then Search."
        );
        assert_eq!(
            fr.step_text(0, View::Localized),
            "Dans le menu, sélectionnez Clients puis Rechercher."
        );
        let codes: Vec<_> = found.iter().map(|d| d.code).collect();
        assert_eq!(codes, ["translation-unstamped"]);
    }

    #[test]
    fn an_explicit_key_lets_a_translation_reorder_its_terms() {
        let source = parse(SOURCE);
        let body = FRENCH.replace(
            "sélectionnez **Clients** puis **Rechercher**",
            "lancez **Rechercher**{#search} dans **Clients**{#customers}",
        );
        let text = translation("", &body);
        let mut fr = parse(&text);
        assert!(!fr.step_text(0, View::Localized).contains("{#"));
        align_translation(&source, &mut fr, Some(SOURCE), Some(&text));
        let pairs: Vec<_> = fr.steps[0]
            .anchors
            .iter()
            .map(|a| (a.key.as_str(), a.localized.as_deref().unwrap()))
            .collect();
        assert_eq!(pairs, [("customers", "Clients"), ("search", "Rechercher")]);
    }

    #[test]
    fn parity_findings_name_steps_anchors_links_and_images() {
        let source_text = SOURCE.replace("2. Type", "\n   ![The list](images/list.png)\n\n2. Type");
        let source = parse(&source_text);
        let body =
            "1. Sélectionnez **Clients**.\n2. Tapez un nom. Voir [le guide](autre.md).\n3. Fin.\n";
        let text = translation("", body);
        let mut fr = parse(&text);
        let found = align_translation(&source, &mut fr, Some(&source_text), Some(&text));
        let codes: BTreeSet<_> = found.iter().map(|d| d.code.as_str()).collect();
        for code in [
            "parity-steps",
            "parity-anchors",
            "parity-links",
            "parity-images",
        ] {
            assert!(codes.contains(code), "{code} in {found:?}");
        }
        let anchors = found.iter().find(|d| d.code == "parity-anchors").unwrap();
        assert_eq!(anchors.line, 5, "on the line of step 1");
        // Still keyed from the source where the terms are there.
        assert_eq!(fr.steps[0].anchors[0].key, "customers");
    }

    #[test]
    fn a_translation_of_an_older_source_is_stale_and_stamping_fixes_it() {
        let source = parse(SOURCE);
        let hash = source_hash(SOURCE).unwrap();
        let text = translation("helpmark.sourcehash: 0123456789abcdef\n", FRENCH);
        let mut fr = parse(&text);
        let found = align_translation(&source, &mut fr, Some(SOURCE), Some(&text));
        assert_eq!(
            fr.meta.stale.as_deref(),
            Some("Cette traduction n’est peut-être plus à jour : l’original anglais a changé depuis.")
        );
        assert!(found.iter().any(|d| d.code == "translation-stale"));
        let stamped = stamp(&text, &hash).unwrap();
        assert_eq!(stamped.matches("helpmark.sourcehash:").count(), 1);
        let mut fr = parse(&stamped);
        let found = align_translation(&source, &mut fr, Some(SOURCE), Some(&stamped));
        assert_eq!(fr.meta.stale, None);
        assert!(found.is_empty(), "{found:?}");
        // The hash follows the text a reader sees, not the dates or line endings.
        let redated = SOURCE.replace(
            "title: Customers\n",
            "title: Customers\nms.date: 01/01/2030\n",
        );
        assert_eq!(source_hash(&redated).unwrap(), hash);
        assert_eq!(source_hash(&SOURCE.replace('\n', "\r\n")).unwrap(), hash);
        let edited = SOURCE.replace("select **Go**", "select **Find**");
        assert_ne!(source_hash(&edited).unwrap(), hash);
        assert_eq!(stamp("no front matter", &hash), None);
        assert_eq!(source_hash("no front matter"), None);
        // Without the source's text, staleness is not judged.
        let mut fr = parse(&text);
        align_translation(&source, &mut fr, None, Some(&text));
        assert_eq!(fr.meta.stale, None);
    }
}
