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
            .filter(|d| d.code.as_str().starts_with("segment-") || d.code == "span-unreadable")
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

// ---------------------------------------------------------------------------------------
// Issue #14: made-up articles with the damage that unseen articles show
// (tests/fixtures/damage, not corpus articles), each with a snapshot of what the reader
// saw before the repair and sees after it (tests/snapshots/damage).

fn damage_fixtures() -> Vec<(String, String)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/damage");
    let mut out: Vec<(String, String)> = std::fs::read_dir(dir)
        .expect("tests/fixtures/damage")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .filter(|p| p.file_name().is_some_and(|n| n != "README.md"))
        .map(|p| {
            let name = p.file_stem().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&p).expect("fixture"))
        })
        .collect();
    out.sort();
    out
}

#[test]
fn damage_fixtures_read_as_the_snapshots_say() {
    // `HELPMARK_BLESS=1 cargo test --test corpus damage` rewrites the `after` snapshots.
    let snapshots = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/snapshots/damage");
    let fixtures = damage_fixtures();
    assert_eq!(fixtures.len(), 10, "one fixture per kind (two for item 8)");
    for (name, source) in fixtures {
        let topic = parse_topic(&source).unwrap_or_else(|e| panic!("{name}: {e}"));
        let shown = helpmark::content::render_plain(&topic, View::Localized);
        let after_path = format!("{snapshots}/{name}.after.txt");
        if std::env::var_os("HELPMARK_BLESS").is_some() {
            std::fs::write(&after_path, &shown).unwrap();
        }
        let after =
            std::fs::read_to_string(&after_path).unwrap_or_else(|e| panic!("{after_path}: {e}"));
        assert_eq!(
            shown, after,
            "{name}: the reader's text differs from {after_path}"
        );
        let before = std::fs::read_to_string(format!("{snapshots}/{name}.before.txt")).unwrap();
        assert_ne!(shown, before, "{name}: the repair changed nothing");
        // Whatever the damage, no reader sees markup.
        let body = shown.split("== Steps").next().unwrap();
        for leak in ["**", "\\*", "] [", "](", "<span", "<li", "<ol"] {
            assert!(!body.contains(leak), "{name}: `{leak}` shown:\n{body}");
        }
    }
}

fn fixture(prefix: &str) -> Topic {
    let (_, source) = damage_fixtures()
        .into_iter()
        .find(|(n, _)| n.starts_with(prefix))
        .unwrap_or_else(|| panic!("no fixture {prefix}"));
    parse_topic(&source).unwrap()
}

fn codes(topic: &Topic) -> Vec<&'static str> {
    topic.diagnostics.iter().map(|d| d.code.as_str()).collect()
}

#[test]
fn issue14_each_kind_of_damage_is_repaired_and_reported() {
    let t = fixture("01-");
    assert_eq!(
        t.step_text(0, View::Localized),
        "从“新建”菜单中，选择“甲”或“乙”。"
    );
    let labels: Vec<_> = t.steps[0]
        .anchors
        .iter()
        .map(|a| a.localized.clone().unwrap())
        .collect();
    assert_eq!(labels, ["新建", "甲", "乙"]);
    assert!(codes(&t).contains(&"repair-empty-bold-quoted-label"));
    assert!(!codes(&t).contains(&"repair-stray-markers"));

    let t = fixture("02-");
    let text = t.blocks_text(&t.blocks[..1], View::Localized);
    assert!(text.ends_with("있습니다."), "{text}");
    assert!(!text.contains(']') && !text.contains("perm.md"), "{text}");
    assert!(codes(&t).contains(&"repair-reference-link-bracket"));

    let t = fixture("03-");
    assert_eq!(
        t.step_text(0, View::Localized),
        "ファイル > エクスポート > PDF を選択します。"
    );
    assert!(codes(&t).contains(&"repair-bracket-labels"));

    let t = fixture("04-");
    for view in [View::Localized, View::English] {
        for step in 0..t.steps.len() {
            assert!(!t.step_text(step, view).contains('*'), "{view:?} {step}");
        }
    }
    assert_eq!(t.steps[1].anchors[0].key, "resource-group");
    assert!(codes(&t).contains(&"repair-half-escaped-bold"));

    // 5: the raw-HTML list continues the procedure: six steps, the fifth is Submit.
    let t = fixture("05-");
    assert_eq!(t.steps.len(), 6);
    assert_eq!(t.steps[4].anchors[0].key, "submit");
    assert_eq!(t.step_text(5, View::English), "Select Close.");
    assert!(codes(&t).contains(&"repair-html-list"));
    assert!(!codes(&t).contains(&"raw-html-dropped"));

    let t = fixture("06-");
    assert_eq!(
        t.step_text(0, View::Localized),
        "Öffnen Sie das Verwaltungsportal und melden Sie sich an."
    );
    assert_eq!(
        t.step_text(1, View::Localized),
        "Lesen Sie die Hilfe zuerst."
    );
    assert!(codes(&t).contains(&"repair-glued-link"));
    assert!(codes(&t).contains(&"repair-punctuation-in-link"));

    // 7: numbers, sentences in notes and bold in (nested) alerts are no anchors.
    let t = fixture("07-");
    let keys = |s: usize| {
        t.steps[s]
            .anchors
            .iter()
            .map(|a| a.key.as_str())
            .collect::<Vec<_>>()
    };
    assert_eq!(keys(0), ["customers"]);
    assert_eq!(keys(1), ["account"]);
    assert!(codes(&t).contains(&"bold-not-anchor"));

    let t = fixture("08-rtl-breadcrumbs.he-IL");
    assert_eq!(
        t.step_text(0, View::Localized),
        "בחר Contoso > Billing > Invoices."
    );
    assert_eq!(t.step_text(1, View::Localized), "בחר File > הגדרות חשבון.");
    assert_eq!(
        t.steps[1].anchors[1].localized.as_deref(),
        Some("הגדרות חשבון")
    );
    assert!(codes(&t).contains(&"repair-rtl-breadcrumb"));
    assert!(codes(&t).contains(&"breadcrumb-unrepaired"));
    let t = fixture("08-rtl-breadcrumbs.ar-SA");
    assert_eq!(
        t.step_text(0, View::Localized),
        "حدد Settings > Users > Roles."
    );

    // 9: the images stay images, beside the text, and their alt text no longer runs
    // into the sentence.
    let t = fixture("09-");
    let images = |blocks: &[Block]| {
        blocks
            .iter()
            .filter(|b| matches!(b, Block::Image { .. }))
            .count()
    };
    assert_eq!(images(&t.steps[0].blocks), 1);
    assert_eq!(images(&t.steps[1].blocks), 1);
    assert_eq!(
        t.blocks_text(&t.steps[1].blocks[..1], View::Localized),
        "Selezionare Impostazioni."
    );
    assert!(
        matches!(t.blocks.last(), Some(Block::Image { src, .. }) if src == "images/overview.png")
    );
    assert!(codes(&t).contains(&"repair-image-in-segment"));
}
