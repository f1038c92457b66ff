//! Every real article of the corpus (`tests/fixtures/corpus`, copied unmodified from
//! `../shared/corpus` with its attribution and licenses) parses into a faithful model.

use helpmark::content::{parse_topic, Block, Inline, Severity, Topic, View};

#[path = "support/corpus.rs"]
mod support_corpus;

fn corpus() -> Vec<(String, String)> {
    support_corpus::articles()
}

fn parse_all() -> Vec<(String, Topic)> {
    corpus()
        .into_iter()
        .map(|(name, source)| {
            let topic = parse_topic(&source).unwrap_or_else(|e| panic!("{name}: {e}"));
            (name, topic)
        })
        .collect()
}

/// All text a reader can see in a view, block by block.
fn visible_texts(topic: &Topic, view: View) -> Vec<String> {
    let mut out = Vec::new();
    collect(topic, &topic.blocks, view, &mut out);
    out.push(topic.title(view));
    out
}

fn collect(topic: &Topic, blocks: &[Block], view: View, out: &mut Vec<String>) {
    for block in blocks {
        match block {
            Block::List { items, .. } => items.iter().for_each(|i| collect(topic, i, view, out)),
            Block::Alert { blocks, .. } | Block::Quote(blocks) => collect(topic, blocks, view, out),
            other => out.push(topic.blocks_text(std::slice::from_ref(other), view)),
        }
    }
}

#[test]
fn the_corpus_has_fifty_articles() {
    assert_eq!(corpus().len(), 50);
}

#[test]
fn every_article_parses_and_every_segment_is_paired() {
    for (name, topic) in parse_all() {
        assert!(!topic.segments.is_empty(), "{name}: no segments");
        let unpaired: Vec<_> = topic
            .diagnostics
            .iter()
            .filter(|d| d.code.starts_with("segment-") || d.code == "span-unreadable")
            .collect();
        assert!(unpaired.is_empty(), "{name}: {unpaired:#?}");
    }
}

#[test]
fn localized_and_english_views_have_the_same_steps() {
    for (name, topic) in parse_all() {
        for (i, step) in topic.steps.iter().enumerate() {
            let localized = topic.step_text(i, View::Localized);
            let english = topic.step_text(i, View::English);
            assert!(!english.is_empty(), "{name} step {}: no English", i + 1);
            assert!(
                !localized.is_empty(),
                "{name} step {}: no translation",
                i + 1
            );
            assert!(step.anchors.iter().all(|a| !a.key.is_empty()), "{name}");
        }
    }
}

#[test]
fn no_markup_leaks_into_what_a_reader_sees() {
    let forbidden = [
        "**",
        "\\*",
        "<span",
        "</span",
        "&quot;",
        "data-ttu-id",
        "sxs-lookup",
        "\u{E000}",
        "\u{E001}",
        "\u{E003}",
        "[!NOTE",
        "[!TIP",
        "[!IMPORTANT",
        "[!CAUTION",
        "[!WARNING",
        "[!INCLUDE",
        "[!div",
        ":::image",
        "<a name",
        "\u{202B}",
        "\u{202C}",
    ];
    let mut leaks = Vec::new();
    for (name, topic) in parse_all() {
        for view in [View::Localized, View::English] {
            for text in visible_texts(&topic, view) {
                for f in forbidden {
                    if text.contains(f) {
                        leaks.push(format!("{name} {view:?}: `{f}` in {text:?}"));
                    }
                }
            }
        }
    }
    assert!(
        leaks.is_empty(),
        "{} leaks:\n{}",
        leaks.len(),
        leaks.join("\n")
    );
}

#[test]
fn broken_reference_links_never_show_their_brackets() {
    for (name, topic) in parse_all() {
        for view in [View::Localized, View::English] {
            for text in visible_texts(&topic, view) {
                assert!(
                    !text.contains(".md]") && !text.contains(".MD]"),
                    "{name} {view:?}: a reference label shows: {text:?}"
                );
            }
        }
    }
}

#[test]
fn errors_are_rare_and_every_diagnostic_has_a_position() {
    for (name, topic) in parse_all() {
        for d in &topic.diagnostics {
            assert!(d.line >= 1 && d.column >= 1, "{name}: {d:?}");
            assert!(d.severity != Severity::Error, "{name}: {d:?}");
        }
    }
}

#[test]
fn link_targets_are_safe() {
    fn walk(inlines: &[Inline], bad: &mut Vec<String>) {
        for i in inlines {
            match i {
                Inline::Link { href, children } => {
                    if let helpmark::content::Href::External(u) = href {
                        let lower = u.to_ascii_lowercase();
                        if !(lower.starts_with("http:")
                            || lower.starts_with("https:")
                            || lower.starts_with("mailto:"))
                        {
                            bad.push(u.clone());
                        }
                    }
                    walk(children, bad);
                }
                Inline::Strong(c) | Inline::Emphasis(c) => walk(c, bad),
                _ => {}
            }
        }
    }
    let mut bad = Vec::new();
    for (_, topic) in parse_all() {
        for s in &topic.segments {
            walk(&s.localized, &mut bad);
            walk(&s.english, &mut bad);
        }
    }
    assert!(bad.is_empty(), "{bad:?}");
}
