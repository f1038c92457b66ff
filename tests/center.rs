//! The help center's data (issue #12) from the real demo articles (`assets/help`) and
//! their contexts file: search in every script, the list pages and the context table,
//! as the widget reads them (through the files `helpmark index` writes, in memory).

use std::collections::BTreeMap;
use std::path::Path;

use helpmark::catalog::{align_plain_translations, build_manifest};
use helpmark::content::Topic;
use helpmark::help::build::{center_files, ContextsFile};
use helpmark::help::context::{
    page_shards, parse_context_shard, rank, AnchorState, Location, PageSignals,
};
use helpmark::help::list::{list_page_path, parse_list_page};
use helpmark::help::search::{Field, Hit, SearchIndex};
use helpmark::help::{parse_center_index, CenterIndex, CENTER_INDEX_PATH};

fn help_dir() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/help"))
}

/// Every article under assets/help, as `helpmark index` reads them.
fn articles() -> Vec<(String, Topic)> {
    let mut out = Vec::new();
    let mut folders: Vec<_> = std::fs::read_dir(help_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    folders.sort();
    for folder in folders {
        let mut files: Vec<_> = std::fs::read_dir(&folder)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "md"))
            .collect();
        files.sort();
        for file in files {
            let relative = format!(
                "{}/{}",
                folder.file_name().unwrap().to_string_lossy(),
                file.file_name().unwrap().to_string_lossy()
            );
            let topic = helpmark::lint::read_article(std::fs::read(&file).unwrap())
                .unwrap_or_else(|e| panic!("{relative}: {e:?}"));
            out.push((relative, topic));
        }
    }
    align_plain_translations(&mut out, &|p| {
        std::fs::read_to_string(help_dir().join(p)).ok()
    });
    out
}

/// The files of the help center, by path.
fn files() -> BTreeMap<String, String> {
    let articles = articles();
    let manifest = build_manifest(&articles);
    let text = std::fs::read_to_string(help_dir().join("contexts.toml")).unwrap();
    let contexts: ContextsFile = toml::from_str(&text).unwrap();
    center_files(&articles, &manifest, &contexts)
        .into_iter()
        .collect()
}

struct Center {
    files: BTreeMap<String, String>,
    index: CenterIndex,
}

fn center() -> Center {
    let files = files();
    let index = parse_center_index(&files[CENTER_INDEX_PATH]).unwrap();
    Center { files, index }
}

impl Center {
    /// Runs a query the way the widget does: fetch the missing shards, then query.
    fn search(&self, locale: &str, query: &str) -> Vec<Hit> {
        let mut index = SearchIndex::new(self.index.search_shards);
        for bucket in index.missing(query) {
            let path = helpmark::help::search::search_shard_path(locale, bucket);
            index.insert(bucket, &self.files[&path]).unwrap();
        }
        assert!(index.missing(query).is_empty());
        index.query(query, 10)
    }
}

fn slugs(hits: &[Hit]) -> Vec<&str> {
    hits.iter().map(|h| h.slug.as_str()).collect()
}

#[test]
fn kunden_in_german_finds_the_customer_topics() {
    let center = center();
    let hits = center.search("de-DE", "Kunden");
    // Both German articles are about customers: one says "Kunden" in its title, the
    // other in a UI term ("Kunden", step 1) and, as a prefix, in its title.
    assert_eq!(
        slugs(&hits)[..2],
        ["give-customers-permission", "update-customer-account-info"]
    );
    assert_eq!(hits[0].field, Field::Title);
    let title = &hits[0].title;
    let marked: Vec<&str> = hits[0].marks.iter().map(|&(a, b)| &title[a..b]).collect();
    assert_eq!(marked, ["Kunden"], "{title}");
    // Prefix while typing, and case and diacritics folded.
    let typing = center.search("de-DE", "kund");
    let mut found = slugs(&typing);
    found.sort();
    assert_eq!(
        found,
        ["give-customers-permission", "update-customer-account-info"]
    );
    assert_eq!(typing[0].score, 75, "a prefix scores three quarters");
    assert_eq!(
        slugs(&center.search("de-DE", "KÜNDEN")),
        slugs(&center.search("de-DE", "kunden"))
    );
}

#[test]
fn chinese_customer_finds_the_chinese_articles_by_bigrams() {
    let center = center();
    let hits = center.search("zh-CN", "客户");
    let mut found = slugs(&hits);
    found.sort();
    assert_eq!(
        found,
        [
            "add-a-new-customer",
            "give-customers-permission",
            "update-customer-account-info"
        ]
    );
    // The title's matching characters are marked.
    let with_title_mark = hits.iter().find(|h| !h.marks.is_empty()).unwrap();
    let (a, b) = with_title_mark.marks[0];
    assert_eq!(&with_title_mark.title[a..b], "客户");
    // While typing, one character finds what its bigrams do: bigrams are sharded by the
    // whole bigram, and the index lists each bigram's first character in its own shard.
    let typing = center.search("zh-CN", "客");
    let mut typed = slugs(&typing);
    typed.sort();
    assert_eq!(typed, found);
    let index = SearchIndex::new(center.index.search_shards);
    assert_eq!(index.shards_for("客").len(), 1);
}

#[test]
fn japanese_account_finds_the_topics_that_name_the_account() {
    let center = center();
    let hits = center.search("ja-JP", "アカウント");
    let found = slugs(&hits);
    // The ja-JP add-a-new-customer names the "アカウント情報" page; the English-only
    // update-customer-account-info is found by nothing Japanese.
    assert!(found.contains(&"add-a-new-customer"), "{found:?}");
    assert!(
        !found.contains(&"update-customer-account-info"),
        "{found:?}"
    );
    // Every bigram is needed: a made-up word of the same characters finds nothing.
    assert!(center.search("ja-JP", "ントアカウ").is_empty());
}

#[test]
fn english_update_in_a_german_index_finds_the_update_topic_first() {
    let center = center();
    let hits = center.search("de-DE", "update");
    assert_eq!(hits[0].slug, "update-customer-account-info");
    assert_eq!(
        hits[0].field,
        Field::Title,
        "the English title counts as a title"
    );
    // ...and the German word for it too.
    assert_eq!(
        center.search("de-DE", "Aktualisieren")[0].slug,
        "update-customer-account-info"
    );
    // A topic with no German article is searched in English within the German index.
    let find = center.search("de-DE", "find a custom");
    assert_eq!(find[0].slug, "find-a-customer");
    assert_eq!(find[0].lang.as_deref(), Some("en-US"));
}

#[test]
fn arabic_and_hebrew_words_are_found() {
    let center = center();
    // he-IL project-settings: "הגדרות פרויקט" (its title).
    let hits = center.search("he-IL", "פרויקט");
    assert_eq!(slugs(&hits), ["project-settings"]);
    assert_eq!(hits[0].field, Field::Title);
    // ar-SA project-settings, by a word of its title, and with harakat typed.
    let title = center.search("ar-SA", "project")[0].title.clone();
    let word = title.split_whitespace().next().unwrap().to_string();
    assert_eq!(slugs(&center.search("ar-SA", &word)), ["project-settings"]);
    let with_marks: String = word.chars().flat_map(|c| [c, '\u{64E}']).collect();
    assert_eq!(
        slugs(&center.search("ar-SA", &with_marks)),
        ["project-settings"]
    );
}

#[test]
fn every_locale_lists_every_topic_sorted_by_title() {
    let center = center();
    assert_eq!(center.index.locales.len(), 14);
    for locale in &center.index.locales {
        let page = parse_list_page(&center.files[&list_page_path(locale, 0)]).unwrap();
        assert_eq!(page.total, 6);
        assert_eq!(page.topics.len(), 6, "{locale}");
        let titles: Vec<String> = page
            .topics
            .iter()
            .map(|t| helpmark::help::search::fold(&t.title))
            .collect();
        let mut sorted = titles.clone();
        sorted.sort();
        assert_eq!(titles, sorted, "{locale}");
    }
    let german = parse_list_page(&center.files[&list_page_path("de-DE", 0)]).unwrap();
    let update = german
        .topics
        .iter()
        .find(|t| t.slug == "update-customer-account-info")
        .unwrap();
    assert_eq!(update.lang, None, "German title");
    assert_eq!(update.steps, 3);
    let find = german
        .topics
        .iter()
        .find(|t| t.slug == "find-a-customer")
        .unwrap();
    assert_eq!(find.lang.as_deref(), Some("en-US"));
}

/// The demo portal's pages, as the widget sees them: which topic comes first.
fn first_for(center: &Center, hash: &str, names: &[&str], visible: &[&str]) -> Vec<String> {
    let names: Vec<String> = names.iter().map(|s| s.to_string()).collect();
    let location = Location { path: "/", hash };
    let mut entries = Vec::new();
    for bucket in page_shards(&location, &names, center.index.context_shards) {
        let path = helpmark::help::context::context_shard_path("de-DE", bucket);
        entries.extend(parse_context_shard(&center.files[&path]).unwrap());
    }
    let anchor = |key: &str| {
        if visible.contains(&key) {
            AnchorState::Visible
        } else {
            AnchorState::Absent
        }
    };
    let page = PageSignals {
        location,
        names: &names,
        anchor: &anchor,
        next_step: &|_| 0,
    };
    rank(&entries, &page, 5)
        .into_iter()
        .map(|s| s.slug)
        .collect()
}

#[test]
fn the_demo_pages_suggest_their_topics_first() {
    let center = center();
    // A customer's account page: its menu, the Update button, the permissions card.
    let account = first_for(
        &center,
        "#/customers/c1/account",
        &["customer-account", "customer-permissions"],
        &["partner-center", "account", "update", "owner", "on"],
    );
    assert_eq!(account[0], "update-customer-account-info");
    assert!(account.contains(&"give-customers-permission".to_string()));
    // The customer list: after a route change, its own topic first.
    let list = first_for(
        &center,
        "#/customers",
        &["customer-list"],
        &["partner-center", "down-arrow", "add-customer"],
    );
    assert_eq!(list[..2], ["see-your-customer-list", "find-a-customer"]);
    // The add-customer wizard.
    let wizard = first_for(
        &center,
        "#/customers/new/account-info",
        &["add-customer"],
        &["partner-center", "next-subscriptions"],
    );
    assert_eq!(wizard[0], "add-a-new-customer");
    // The dashboard: no topic applies.
    assert!(first_for(&center, "#/", &[], &["partner-center"]).is_empty());
}
