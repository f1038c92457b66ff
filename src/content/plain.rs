//! The parsed topic as plain text, for review (`helpmark show`).
//!
//! The output is what a reader sees, not Markdown: bold and emphasis are their words only,
//! and the only markup kept is what a reviewer needs to check the structure — heading
//! levels and anchors, list markers, alert kinds, table pipes, code fences, and the target
//! of every link (`text <target>`). After the body come the procedure's steps with their
//! UI anchors, then the diagnostics. The output is deterministic.

use super::{collapse_whitespace, AlertKind, Block, Href, Inline, Topic, View};

/// Renders `topic` in `view` as plain text.
///
/// # Examples
///
/// ```
/// use helpmark::content::{parse_topic, render_plain, View};
///
/// let src = "---\ntitle: Kunden\nms.contentlocale: de-DE\n---\n\
/// 1. <span data-ttu-id=\"a1b2c-1\">Wählen Sie **Kunden**aus.</span>\
/// <span class=\"sxs-lookup\"><span data-stu-id=\"a1b2c-1\">Select **Customers**.</span></span>\n";
/// let text = render_plain(&parse_topic(src).unwrap(), View::Localized);
/// assert!(text.contains("1. Wählen Sie Kunden aus.\n"));
/// assert!(text.contains("  - customers: Customers → Kunden\n"));
/// ```
pub fn render_plain(topic: &Topic, view: View) -> String {
    let renderer = Renderer { topic, view };
    let mut out = String::new();

    let meta = &topic.meta;
    let or_none = |value: &Option<String>| value.clone().unwrap_or_else(|| "(none)".into());
    out.push_str(&format!("title: {}\n", meta.title));
    out.push_str(&format!("locale: {}\n", or_none(&meta.locale)));
    let translation = match meta.translation_type.as_deref() {
        Some(t) if t.eq_ignore_ascii_case("MT") => format!("{t} (machine)"),
        Some(t) if t.eq_ignore_ascii_case("HT") => format!("{t} (human)"),
        other => or_none(&other.map(str::to_string)),
    };
    out.push_str(&format!("translation: {translation}\n"));
    let date = meta.iso_date().or_else(|| meta.date.clone());
    out.push_str(&format!("date: {}\n", or_none(&date)));
    let view_name = match view {
        View::Localized => "localized",
        View::English => "English",
    };
    out.push_str(&format!("view: {view_name}\n"));

    out.push('\n');
    for line in renderer.blocks(&topic.blocks, true) {
        push_line(&mut out, &line);
    }

    out.push_str(&format!("\n== Steps ({}) ==\n", topic.steps.len()));
    if topic.steps.is_empty() {
        out.push_str("(no procedure)\n");
    }
    for (n, step) in topic.steps.iter().enumerate() {
        out.push_str(&format!(
            "Step {}: {}\n",
            n + 1,
            topic.blocks_text(&step.blocks, view)
        ));
        for anchor in &step.anchors {
            let localized = anchor
                .localized
                .as_deref()
                .unwrap_or("(no localized label)");
            out.push_str(&format!(
                "  - {}: {} → {localized}\n",
                anchor.key, anchor.english
            ));
        }
    }

    out.push_str(&format!(
        "\n== Diagnostics ({}) ==\n",
        topic.diagnostics.len()
    ));
    if topic.diagnostics.is_empty() {
        out.push_str("(none)\n");
    }
    for d in &topic.diagnostics {
        out.push_str(&format!(
            "{}:{} {} {} {}\n",
            d.line,
            d.column,
            d.severity.as_str(),
            d.code,
            d.message
        ));
    }
    out
}

/// Appends a line, without trailing spaces.
fn push_line(out: &mut String, line: &str) {
    out.push_str(line.trim_end());
    out.push('\n');
}

struct Renderer<'t> {
    topic: &'t Topic,
    view: View,
}

impl Renderer<'_> {
    /// The lines of a block sequence. `spaced` puts a blank line between blocks (at the
    /// top level and in alerts); list items are compact.
    fn blocks(&self, blocks: &[Block], spaced: bool) -> Vec<String> {
        let mut lines = Vec::new();
        for block in blocks {
            let block_lines = self.block(block);
            if block_lines.is_empty() {
                continue;
            }
            if spaced && !lines.is_empty() {
                lines.push(String::new());
            }
            lines.extend(block_lines);
        }
        lines
    }

    fn block(&self, block: &Block) -> Vec<String> {
        match block {
            Block::Heading {
                level,
                anchor,
                content,
            } => {
                let mut line =
                    format!("{} {}", "#".repeat(usize::from(*level)), self.line(content));
                if let Some(anchor) = anchor {
                    line.push_str(&format!(" {{#{anchor}}}"));
                }
                vec![line]
            }
            Block::Paragraph(content) => self.text_lines(content),
            Block::List { start, items } => {
                let mut lines = Vec::new();
                for (k, item) in items.iter().enumerate() {
                    let marker = match start {
                        Some(first) => format!("{}.", first + k as u64),
                        None => "-".to_string(),
                    };
                    lines.extend(prefixed(&marker, &self.blocks(item, false)));
                }
                lines
            }
            Block::Checklist(items) => {
                let mut lines = Vec::new();
                for item in items {
                    lines.extend(prefixed("- [ ]", &self.blocks(item, false)));
                }
                lines
            }
            Block::Alert { kind, blocks } => {
                let label = match kind {
                    AlertKind::Note => "NOTE:",
                    AlertKind::Tip => "TIP:",
                    AlertKind::Important => "IMPORTANT:",
                    AlertKind::Caution => "CAUTION:",
                    AlertKind::Warning => "WARNING:",
                };
                let inner = self.blocks(blocks, true);
                // A paragraph starts on the label's line; anything else goes below it.
                let starts_with_text = matches!(blocks.first(), Some(Block::Paragraph(c)) if !self.text_lines(c).is_empty());
                match inner.split_first() {
                    Some((first, rest)) if starts_with_text => {
                        let mut lines = vec![format!("> {label} {first}")];
                        lines.extend(rest.iter().map(|l| quoted(l)));
                        lines
                    }
                    _ => {
                        let mut lines = vec![format!("> {label}")];
                        lines.extend(inner.iter().map(|l| quoted(l)));
                        lines
                    }
                }
            }
            Block::Quote(blocks) => self
                .blocks(blocks, true)
                .iter()
                .map(|l| quoted(l))
                .collect(),
            Block::Code { lang, code } => {
                let mut lines = vec![format!("```{}", lang.as_deref().unwrap_or_default())];
                lines.extend(code.trim_end_matches('\n').lines().map(str::to_string));
                lines.push("```".into());
                lines
            }
            Block::Table { head, rows } => {
                let row = |cells: &[Vec<Inline>]| {
                    let cells: Vec<String> = cells.iter().map(|c| self.line(c)).collect();
                    format!("| {} |", cells.join(" | "))
                };
                let mut lines = Vec::new();
                if !head.is_empty() {
                    lines.push(row(head));
                    lines.push(format!("|{}", "---|".repeat(head.len())));
                }
                lines.extend(rows.iter().map(|r| row(r)));
                lines
            }
            Block::Image { src, alt } => vec![format!("[image: {}] ({src})", alt.trim())],
            Block::Include { title, path } => vec![format!("[include: {}] ({path})", title.trim())],
            Block::NextStep(content) => vec![format!("→ {}", self.line(content))],
            // Each tab's label and id, then its blocks indented under it.
            Block::Tabs(tabs) => {
                let mut lines = Vec::new();
                for tab in tabs {
                    if !lines.is_empty() {
                        lines.push(String::new());
                    }
                    lines.push(format!(
                        "[tab: {}] (#tab/{})",
                        self.line(&tab.label),
                        tab.id
                    ));
                    lines.extend(self.blocks(&tab.blocks, true).into_iter().map(|l| {
                        if l.is_empty() {
                            l
                        } else {
                            format!("  {l}")
                        }
                    }));
                }
                lines
            }
            Block::Rule => vec!["---".into()],
        }
    }

    /// Inline runs as one line (line breaks become spaces).
    fn line(&self, inlines: &[Inline]) -> String {
        self.text_lines(inlines).join(" ")
    }

    /// Inline runs as lines: one per hard break, whitespace collapsed in each.
    fn text_lines(&self, inlines: &[Inline]) -> Vec<String> {
        let mut text = String::new();
        self.push_inlines(inlines, &mut text);
        text.split('\n')
            .map(collapse_whitespace)
            .filter(|l| !l.is_empty())
            .collect()
    }

    fn push_inlines(&self, inlines: &[Inline], out: &mut String) {
        for inline in inlines {
            match inline {
                Inline::Text(t) => out.push_str(t),
                Inline::Code(c) => {
                    out.push('`');
                    out.push_str(c);
                    out.push('`');
                }
                Inline::Break => out.push('\n'),
                Inline::Strong(c) | Inline::Emphasis(c) => self.push_inlines(c, out),
                Inline::Link { href, children } => {
                    let mut label = String::new();
                    self.push_inlines(children, &mut label);
                    let label = collapse_whitespace(&label);
                    out.push_str(&label);
                    if !label.is_empty() {
                        out.push(' ');
                    }
                    out.push('<');
                    out.push_str(&href_target(href));
                    out.push('>');
                }
                Inline::Segment(i) => self.push_inlines(self.topic.segment(*i, self.view), out),
            }
        }
    }
}

/// Where a link goes, as a reviewer reads it.
fn href_target(href: &Href) -> String {
    match href {
        Href::External(url) | Href::Relative(url) => url.clone(),
        Href::Topic { slug, fragment } => match fragment {
            Some(f) => format!("{slug}.md#{f}"),
            None => format!("{slug}.md"),
        },
        Href::Anchor(anchor) => format!("#{anchor}"),
    }
}

/// Puts `marker` before the first line and indents the others to line up after it.
fn prefixed(marker: &str, lines: &[String]) -> Vec<String> {
    let indent = " ".repeat(marker.chars().count() + 1);
    if lines.is_empty() {
        return vec![marker.to_string()];
    }
    lines
        .iter()
        .enumerate()
        .map(|(k, line)| match (k, line.is_empty()) {
            (_, true) => String::new(),
            (0, false) => format!("{marker} {line}"),
            (_, false) => format!("{indent}{line}"),
        })
        .collect()
}

fn quoted(line: &str) -> String {
    if line.is_empty() {
        ">".into()
    } else {
        format!("> {line}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::parse_topic;

    fn pair(id: &str, localized: &str, english: &str) -> String {
        format!(
            "<span data-ttu-id=\"abcde-{id}\">{localized}</span><span class=\"sxs-lookup\"><span data-stu-id=\"abcde-{id}\">{english}</span></span>"
        )
    }

    fn render(body: &str, view: View) -> String {
        let src = format!(
            "---\ntitle: Titel | PC\nms.contentlocale: de-DE\nms.translationtype: MT\nms.date: 04/07/2020\n---\n{body}"
        );
        render_plain(&parse_topic(&src).unwrap(), view)
    }

    /// The body part of a rendering: between the front matter summary and the steps.
    fn body(rendered: &str) -> &str {
        let start = rendered.find("\n\n").unwrap() + 2;
        let end = rendered.find("\n== Steps").unwrap();
        &rendered[start..end]
    }

    #[test]
    fn the_front_matter_summary_comes_first() {
        let out = render("Text\n", View::Localized);
        assert!(
            out.starts_with(
                "title: Titel | PC\nlocale: de-DE\ntranslation: MT (machine)\ndate: 2020-04-07\nview: localized\n\n"
            ),
            "{out}"
        );
    }

    #[test]
    fn missing_front_matter_values_say_none() {
        let out = render_plain(
            &parse_topic("---\ntitle: T\n---\nx\n").unwrap(),
            View::English,
        );
        assert!(
            out.starts_with(
                "title: T\nlocale: (none)\ntranslation: (none)\ndate: (none)\nview: English\n"
            ),
            "{out}"
        );
    }

    #[test]
    fn headings_show_level_and_anchor_and_bold_is_just_its_words() {
        let md = format!(
            "# <a name=\"update-info\"></a>{}\n\n{}\n",
            pair("1", "Info aktualisieren", "Update info"),
            pair("2", "Wählen Sie **Kunden** aus.", "Select **Customers**."),
        );
        assert_eq!(
            body(&render(&md, View::Localized)),
            "# Info aktualisieren {#update-info}\n\nWählen Sie Kunden aus.\n"
        );
        assert_eq!(
            body(&render(&md, View::English)),
            "# Update info {#update-info}\n\nSelect Customers.\n"
        );
    }

    #[test]
    fn links_show_their_targets() {
        let md = format!(
            "{} [{}](give-customers-permission.md#top) [x](#update) [y](https://example.com/a) [z](img/a.png)\n",
            pair("1", "Siehe [Rechte](give-customers-permission.md).", "See [permissions](give-customers-permission.md)."),
            pair("2", "Hier", "Here"),
        );
        assert_eq!(
            body(&render(&md, View::Localized)),
            "Siehe Rechte <give-customers-permission.md>. Hier <give-customers-permission.md#top> x <#update> y <https://example.com/a> z <img/a.png>\n"
        );
    }

    #[test]
    fn nested_lists_are_indented_and_numbered_from_their_start() {
        let md = "3. Drei\n   - a\n   - b\n4. Vier\n";
        assert_eq!(
            body(&render(md, View::Localized)),
            "3. Drei\n   - a\n   - b\n4. Vier\n"
        );
    }

    #[test]
    fn alerts_tables_code_and_rules() {
        let md = "> [!NOTE]\n> Achtung **hier**.\n\n| A | B |\n|---|---|\n| 1 | `2` |\n\n```json\n{}\n```\n\n---\n\n> [!TIP]\n> - eins\n";
        assert_eq!(
            body(&render(md, View::Localized)),
            "> NOTE: Achtung hier.\n\n| A | B |\n|---|---|\n| 1 | `2` |\n\n```json\n{}\n```\n\n---\n\n> TIP:\n> - eins\n"
        );
    }

    #[test]
    fn directives_are_labelled() {
        let md = ":::image type=\"content\" source=\"media/a.png\" alt-text=\"Ein Bild\":::\n\n[!INCLUDE [Kopf](../includes/head.md)]\n\n> [!div class=\"nextstepaction\"]\n> [Weiter](next.md)\n\n> [!div class=\"checklist\"]\n> * eins\n> * zwei\n";
        assert_eq!(
            body(&render(md, View::Localized)),
            "[image: Ein Bild] (media/a.png)\n\n[include: Kopf] (../includes/head.md)\n\n→ Weiter <next.md>\n\n- [ ] eins\n- [ ] zwei\n"
        );
    }

    #[test]
    fn tabs_show_label_and_id_over_their_indented_blocks() {
        let md = "# [Portal](#tab/portal)\n\nA\n\nB\n\n# [API](#tab/api)\n\nC\n\n---\n\nAfter\n";
        assert_eq!(
            body(&render(md, View::Localized)),
            "[tab: Portal] (#tab/portal)\n  A\n\n  B\n\n[tab: API] (#tab/api)\n  C\n\nAfter\n"
        );
    }

    #[test]
    fn line_breaks_continue_under_the_list_marker() {
        let md = "1. eins<br/>zwei\n";
        assert_eq!(body(&render(md, View::Localized)), "1. eins\n   zwei\n");
    }

    #[test]
    fn steps_list_their_anchors_and_a_missing_label_is_said() {
        let md = format!(
            "1. {}\n2. {}\n",
            pair("1", "Wählen Sie **Kunden** aus.", "Select **Customers**."),
            pair("2", "Wählen Sie Senden.", "Select **Submit**."),
        );
        let out = render(&md, View::Localized);
        assert!(
            out.contains(
                "== Steps (2) ==\nStep 1: Wählen Sie Kunden aus.\n  - customers: Customers → Kunden\nStep 2: Wählen Sie Senden.\n  - submit: Submit → (no localized label)\n"
            ),
            "{out}"
        );
        assert!(out.contains("== Diagnostics (1) ==\n"), "{out}");
        assert!(
            out.contains(" warning anchor-label-missing step 2:"),
            "{out}"
        );
    }

    #[test]
    fn a_topic_without_steps_or_diagnostics_says_so() {
        let out = render("Text\n", View::Localized);
        assert!(
            out.ends_with("== Steps (0) ==\n(no procedure)\n\n== Diagnostics (0) ==\n(none)\n"),
            "{out}"
        );
    }

    #[test]
    fn rendering_is_deterministic() {
        let md = format!("1. {}\n", pair("1", "**A**", "**B**"));
        assert_eq!(render(&md, View::Localized), render(&md, View::Localized));
    }
}
