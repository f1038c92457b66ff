//! Writing the help center's files (`helpmark index`), and checking the contexts file
//! (`helpmark lint`). Native code: the widget never calls it.
//!
//! The index does the heavy work so that the widget's readers stay small: every token is
//! folded here, postings are cut to the best [`MAX_POSTINGS`] per token, and the number
//! of shards grows with the catalog so that a shard, and what a page or a first search
//! fetches, does not.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::Deserialize;
use serde_json::{json, Value};

use super::context::{is_context_name, name_key, parse_pattern};
use super::search::{fold, is_bigram_char, shard_key, tokenize, Field};
use super::{bucket, CenterIndex, CENTER_INDEX_PATH, CENTER_VERSION};
use crate::catalog::{Manifest, TopicEntry};
use crate::content::{Block, Diagnostic, Severity, Topic, View};
use crate::locale::{ENGLISH, UI_LOCALES};

/// The contexts file's name, in the content folder (`assets/help/contexts.toml`).
pub const CONTEXTS_FILE: &str = "contexts.toml";

/// Entries per page of the all-topics list.
pub const PAGE_SIZE: usize = 50;

/// Most postings a token keeps in a locale's index (the best: title, UI term, body).
pub use super::search::MAX_POSTINGS;

/// The size a search shard aims at, in bytes of JSON.
const SEARCH_SHARD_TARGET: usize = 16 * 1024;

/// The number of topic keys a context shard aims at.
const CONTEXT_SHARD_TARGET: usize = 16;

/// Most buckets of either table.
const MAX_BUCKETS: usize = 4096;

/// Diagnostic codes of the contexts file.
pub mod codes {
    /// The file is not valid TOML or not of the expected shape (error).
    pub const CONTEXTS_INVALID: crate::content::Code = crate::content::Code::ContextsInvalid; // "contexts-invalid";
    /// A table names a topic that has no article (error).
    pub const CONTEXT_UNKNOWN_TOPIC: crate::content::Code =
        crate::content::Code::ContextUnknownTopic; // "context-unknown-topic";
    /// A route pattern that cannot be parsed (error).
    pub const CONTEXT_INVALID_PATTERN: crate::content::Code =
        crate::content::Code::ContextInvalidPattern; // "context-invalid-pattern";
    /// A context name that is not `[a-z0-9][a-z0-9-]*` (error).
    pub const CONTEXT_INVALID_NAME: crate::content::Code = crate::content::Code::ContextInvalidName; // "context-invalid-name";
    /// A topic with no route and no context name: never suggested for a page (info).
    pub const CONTEXT_MISSING: crate::content::Code = crate::content::Code::ContextMissing;
    // "context-missing";
}

/// `assets/help/contexts.toml`, as read (by the command line's TOML parser).
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContextsFile {
    /// By topic slug.
    #[serde(default)]
    pub topics: BTreeMap<String, TopicContexts>,
}

/// Where one topic applies.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TopicContexts {
    /// Route patterns (`#/customers/:id/account`, `/customers/*`).
    #[serde(default)]
    pub routes: Vec<String>,
    /// Context names (`customer-account`).
    #[serde(default)]
    pub contexts: Vec<String>,
}

/// 1-based line and column of the first occurrence of `needle` in `text` (1:1 if none).
fn position(text: &str, needle: &str) -> (u32, u32) {
    match text.find(needle) {
        Some(offset) => crate::content::line_column(text, offset),
        None => (1, 1),
    }
}

fn diagnostic(
    at: (u32, u32),
    severity: Severity,
    code: crate::content::Code,
    message: String,
) -> Diagnostic {
    Diagnostic {
        line: at.0,
        column: at.1,
        severity,
        code,
        message,
    }
}

/// Checks the contexts file against the catalog's topics: unknown topics, invalid
/// patterns and names (errors), topics without any route or name (information). `text`
/// is the file's text, for lines.
pub fn check_contexts(file: &ContextsFile, text: &str, known: &[String]) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let known_set: BTreeSet<&str> = known.iter().map(String::as_str).collect();
    let header = |slug: &str| {
        let at = position(text, &format!("topics.{slug}"));
        if at == (1, 1) {
            position(text, slug)
        } else {
            at
        }
    };
    for (slug, entry) in &file.topics {
        if !known_set.contains(slug.as_str()) {
            out.push(diagnostic(
                header(slug),
                Severity::Error,
                codes::CONTEXT_UNKNOWN_TOPIC,
                format!("`{slug}` is not a topic of the catalog (no article `<locale>/{slug}.md`)"),
            ));
        }
        for route in &entry.routes {
            if let Err(why) = parse_pattern(route) {
                out.push(diagnostic(
                    position(text, &format!("{route:?}")),
                    Severity::Error,
                    codes::CONTEXT_INVALID_PATTERN,
                    format!("route pattern {route:?} of `{slug}`: {why}"),
                ));
            }
        }
        for name in &entry.contexts {
            if !is_context_name(name) {
                out.push(diagnostic(
                    position(text, &format!("{name:?}")),
                    Severity::Error,
                    codes::CONTEXT_INVALID_NAME,
                    format!(
                        "context name {name:?} of `{slug}`: lower-case letters, digits and `-` are expected (at most 64)"
                    ),
                ));
            }
        }
        if entry.routes.is_empty() && entry.contexts.is_empty() && known_set.contains(slug.as_str())
        {
            out.push(diagnostic(
                header(slug),
                Severity::Info,
                codes::CONTEXT_MISSING,
                format!(
                    "`{slug}` has no route and no context name: it is never suggested for a page"
                ),
            ));
        }
    }
    for slug in known {
        if !file.topics.contains_key(slug) {
            out.push(diagnostic(
                (1, 1),
                Severity::Info,
                codes::CONTEXT_MISSING,
                format!("`{slug}` has no entry: it is never suggested for a page"),
            ));
        }
    }
    out.sort_by_key(|d| (d.line, d.column, d.code));
    out
}

/// The locales that get files: the UI locales and the catalog's content locales.
pub fn center_locales(manifest: &Manifest) -> Vec<String> {
    let mut locales: BTreeSet<String> = UI_LOCALES.iter().map(|l| l.to_string()).collect();
    for topic in &manifest.topics {
        for entry in &topic.locales {
            locales.insert(entry.locale.clone());
        }
    }
    locales.into_iter().collect()
}

/// The entry a topic is read from in one locale: that locale's, else English.
fn chosen_in<'a>(entry: &'a TopicEntry, locale: &str) -> Option<&'a crate::catalog::LocaleEntry> {
    entry
        .locales
        .iter()
        .find(|l| l.locale == locale)
        .or_else(|| entry.locales.iter().find(|l| l.locale == ENGLISH))
        .or_else(|| entry.locales.first())
}

fn next_power_of_two(n: usize) -> u32 {
    n.clamp(1, MAX_BUCKETS).next_power_of_two().min(MAX_BUCKETS) as u32
}

/// The folded tokens of a topic in one locale, each with the best field it occurs in:
/// titles, UI terms, headings and step text, localized and English. A CJK, kana or
/// Hangul bigram also gives its first character (with the bigram's field): bigrams are
/// sharded by the whole bigram, so that a query of one such character, which matches
/// as a prefix while typing, finds its topics in one shard.
pub fn topic_tokens(topic: &Topic, view: View, title: &str) -> BTreeMap<String, Field> {
    let mut out: BTreeMap<String, Field> = BTreeMap::new();
    let mut add = |text: &str, field: Field| {
        for token in tokenize(text) {
            let mut chars = token.text.chars();
            if let (Some(first), Some(_)) = (chars.next(), chars.next()) {
                if is_bigram_char(first) {
                    let best = out.entry(first.to_string()).or_insert(field);
                    *best = (*best).min(field);
                }
            }
            let best = out.entry(token.text).or_insert(field);
            *best = (*best).min(field);
        }
    };
    add(title, Field::Title);
    add(&topic.title(View::English), Field::Title);
    for step in &topic.steps {
        for anchor in &step.anchors {
            add(&anchor.english, Field::UiTerm);
            if view == View::Localized {
                if let Some(label) = &anchor.localized {
                    add(label, Field::UiTerm);
                }
            }
        }
    }
    let mut views = vec![View::English];
    if view == View::Localized {
        views.push(View::Localized);
    }
    for v in views {
        for block in &topic.blocks {
            if let Block::Heading { level, content, .. } = block {
                if *level > 1 {
                    add(&topic.plain_text(content, v), Field::Body);
                }
            }
        }
        for i in 0..topic.steps.len() {
            add(&topic.step_text(i, v), Field::Body);
        }
    }
    out
}

/// One topic as listed in one locale.
struct Listed {
    /// The folded title (the list's sort key).
    folded: String,
    slug: std::rc::Rc<str>,
    title: std::rc::Rc<str>,
    lang: Option<std::rc::Rc<str>>,
    steps: usize,
}

/// One locale's part of the help center, built one topic at a time.
#[derive(Default)]
struct LocaleCenter {
    /// Every topic, in the order added (by slug).
    listed: Vec<Listed>,
    /// The context table's entries: `(keys, entry)`.
    contexts: Vec<(std::rc::Rc<BTreeSet<String>>, Value)>,
    /// token → postings `doc * 4 + field`, best first (field, then the order added, which
    /// is by slug), at most [`MAX_POSTINGS`]; `doc` indexes `listed`.
    postings: BTreeMap<String, Vec<u32>>,
}

/// Adds a posting to a token's list, kept best first and at most [`MAX_POSTINGS`] long.
/// Topics come in the catalog's order, so a new posting goes after every posting of its
/// field or a better one.
fn add_posting(list: &mut Vec<u32>, doc: u32, field: Field) {
    let code = field.code();
    let at = list.partition_point(|&p| p % 4 <= code);
    if at >= MAX_POSTINGS {
        return;
    }
    if list.len() >= MAX_POSTINGS {
        list.pop();
    }
    list.insert(at, doc * 4 + code);
}

impl LocaleCenter {
    /// About how many bytes of JSON the index takes when cut into shards: its tokens
    /// and postings, and per shard key the topics its postings name (each shard lists
    /// the topics it names).
    fn json_bytes(&self) -> usize {
        let mut per_key: HashMap<&str, (usize, BTreeSet<u32>)> = HashMap::new();
        for (token, list) in &self.postings {
            let entry = per_key.entry(shard_key(token)).or_default();
            entry.0 += token.len() + 8 + 6 * list.len();
            entry.1.extend(list.iter().map(|&p| p / 4));
        }
        per_key
            .values()
            .map(|(bytes, docs)| {
                bytes
                    + docs
                        .iter()
                        .map(|&d| {
                            let l = &self.listed[d as usize];
                            l.slug.len()
                                + l.title.len()
                                + l.lang.as_ref().map_or(0, |s| s.len())
                                + 12
                        })
                        .sum::<usize>()
            })
            .sum()
    }

    fn doc_json(&self, doc: u32) -> Value {
        let l = &self.listed[doc as usize];
        match &l.lang {
            Some(lang) => json!([&*l.slug, &*l.title, &**lang]),
            None => json!([&*l.slug, &*l.title]),
        }
    }

    /// The search index cut into `buckets` shards.
    fn search_shards(&self, buckets: u32) -> Vec<Value> {
        // bucket -> tokens (sorted, since postings is a BTreeMap)
        let mut by_bucket: Vec<Vec<(&str, &[u32])>> = vec![Vec::new(); buckets as usize];
        for (token, list) in &self.postings {
            by_bucket[bucket(shard_key(token), buckets) as usize].push((token, list));
        }
        by_bucket
            .into_iter()
            .map(|terms| {
                let mut local: HashMap<u32, u32> = HashMap::new();
                let mut docs: Vec<Value> = Vec::new();
                let terms: Vec<Value> = terms
                    .into_iter()
                    .map(|(token, list)| {
                        let postings: Vec<u32> = list
                            .iter()
                            .map(|&p| {
                                let id = *local.entry(p / 4).or_insert_with(|| {
                                    docs.push(self.doc_json(p / 4));
                                    docs.len() as u32 - 1
                                });
                                id * 4 + p % 4
                            })
                            .collect();
                        json!([token, postings])
                    })
                    .collect();
                json!({"v": CENTER_VERSION, "docs": docs, "terms": terms})
            })
            .collect()
    }
}

/// The keys a topic's contexts put it under (its valid patterns' and names').
fn context_keys(contexts: &TopicContexts) -> BTreeSet<String> {
    let mut keys: BTreeSet<String> = contexts
        .routes
        .iter()
        .filter_map(|r| parse_pattern(r).ok())
        .map(|p| p.key())
        .collect();
    keys.extend(
        contexts
            .contexts
            .iter()
            .filter(|n| is_context_name(n))
            .map(|n| name_key(n)),
    );
    keys
}

/// The help center's files, built one topic at a time ([`CenterWriter::add`]) so that a
/// catalog of any size is indexed with bounded memory: per topic and locale it keeps its
/// title and step count, its context entry (topics of the contexts file only) and its
/// tokens' postings, at most [`MAX_POSTINGS`] per token; never an article.
pub struct CenterWriter<'c> {
    contexts: &'c ContextsFile,
    locales: Vec<String>,
    by_locale: Vec<LocaleCenter>,
    /// Keys of the context table, over all topics (what sizes it).
    context_pairs: usize,
    /// Topics added.
    topics: usize,
    last_slug: Option<String>,
}

impl<'c> CenterWriter<'c> {
    /// A writer for `locales` ([`center_locales`]).
    pub fn new(locales: Vec<String>, contexts: &'c ContextsFile) -> CenterWriter<'c> {
        CenterWriter {
            contexts,
            by_locale: locales.iter().map(|_| LocaleCenter::default()).collect(),
            locales,
            context_pairs: 0,
            topics: 0,
            last_slug: None,
        }
    }

    /// Adds one topic: its manifest entry and `article(path)`, the parsed article of each
    /// of its entries' paths. Topics must come in the manifest's order (by slug); one
    /// whose articles are missing is left out of the locales that would read them.
    pub fn add<'t>(
        &mut self,
        entry: &TopicEntry,
        article: &dyn Fn(&str) -> Option<&'t Topic>,
    ) -> Result<(), String> {
        if self
            .last_slug
            .as_deref()
            .is_some_and(|last| last >= entry.slug.as_str())
        {
            return Err(format!(
                "topic `{}` added out of order (topics come by slug)",
                entry.slug
            ));
        }
        self.last_slug = Some(entry.slug.clone());
        self.topics += 1;
        let contexts = self.contexts.topics.get(&entry.slug);
        let keys = contexts.map(|c| std::rc::Rc::new(context_keys(c)));
        if let Some(keys) = &keys {
            self.context_pairs += keys.len();
        }
        let slug: std::rc::Rc<str> = entry.slug.as_str().into();
        // Tokens per chosen article (English serves many locales): computed once.
        let mut tokens: HashMap<(&str, bool), std::rc::Rc<BTreeMap<String, Field>>> =
            HashMap::new();
        let mut titles: HashMap<&str, std::rc::Rc<str>> = HashMap::new();
        for (locale, center) in self.locales.iter().zip(&mut self.by_locale) {
            let Some(chosen) = chosen_in(entry, locale) else {
                continue;
            };
            let Some(topic) = article(&chosen.path) else {
                continue;
            };
            let view = chosen.view();
            let lang: Option<std::rc::Rc<str>> =
                (chosen.locale != *locale).then(|| chosen.locale.as_str().into());
            let title = titles
                .entry(chosen.title.as_str())
                .or_insert_with(|| chosen.title.as_str().into())
                .clone();
            let doc = center.listed.len() as u32;
            center.listed.push(Listed {
                folded: fold(&chosen.title),
                slug: slug.clone(),
                title: title.clone(),
                lang: lang.clone(),
                steps: topic.steps.len(),
            });
            if let (Some(c), Some(keys)) = (contexts, &keys) {
                let anchors: Vec<Vec<&str>> = topic
                    .steps
                    .iter()
                    .map(|step| step.anchors.iter().map(|a| a.key.as_str()).collect())
                    .collect();
                let routes: Vec<&String> = c
                    .routes
                    .iter()
                    .filter(|r| parse_pattern(r).is_ok())
                    .collect();
                let names: Vec<&String> =
                    c.contexts.iter().filter(|n| is_context_name(n)).collect();
                let mut value = json!({
                    "slug": &*slug, "title": &*title, "steps": topic.steps.len(),
                    "routes": routes, "contexts": names, "anchors": anchors,
                });
                if let Some(lang) = &lang {
                    value["lang"] = json!(&**lang);
                }
                center.contexts.push((keys.clone(), value));
            }
            let found = tokens
                .entry((chosen.path.as_str(), chosen.english))
                .or_insert_with(|| std::rc::Rc::new(topic_tokens(topic, view, &chosen.title)));
            for (token, field) in found.iter() {
                match center.postings.get_mut(token.as_str()) {
                    Some(list) => add_posting(list, doc, *field),
                    None => {
                        center
                            .postings
                            .insert(token.clone(), vec![doc * 4 + field.code()]);
                    }
                }
            }
        }
        Ok(())
    }

    /// Writes every file through `emit(path, json)` (paths relative to the content
    /// base): per locale the list pages, the context table and the search index, then
    /// `center/index.json`.
    pub fn finish(
        self,
        emit: &mut dyn FnMut(&str, &str) -> Result<(), String>,
    ) -> Result<CenterIndex, String> {
        let total = self.topics;
        let pages = total.div_ceil(PAGE_SIZE).max(1);
        let context_shards = next_power_of_two(self.context_pairs.div_ceil(CONTEXT_SHARD_TARGET));
        let largest = self
            .by_locale
            .iter()
            .map(LocaleCenter::json_bytes)
            .max()
            .unwrap_or(0);
        let search_shards = next_power_of_two(largest.div_ceil(SEARCH_SHARD_TARGET));

        for (locale, center) in self.locales.iter().zip(&self.by_locale) {
            // All topics, by folded title.
            let mut sorted: Vec<&Listed> = center.listed.iter().collect();
            sorted.sort_by(|a, b| (&a.folded, &a.slug).cmp(&(&b.folded, &b.slug)));
            for page in 0..pages {
                let topics: Vec<Value> = sorted
                    .iter()
                    .skip(page * PAGE_SIZE)
                    .take(PAGE_SIZE)
                    .map(|s| {
                        let mut v = json!({"slug": &*s.slug, "title": &*s.title, "steps": s.steps});
                        if let Some(lang) = &s.lang {
                            v["lang"] = json!(&**lang);
                        }
                        v
                    })
                    .collect();
                let json = json!({"v": CENTER_VERSION, "page": page, "pages": pages, "total": total, "topics": topics});
                emit(
                    &super::list::list_page_path(locale, page),
                    &json.to_string(),
                )?;
            }

            // The context table.
            let mut shards: Vec<Vec<&Value>> = vec![Vec::new(); context_shards as usize];
            for (keys, value) in &center.contexts {
                let buckets: BTreeSet<u32> =
                    keys.iter().map(|k| bucket(k, context_shards)).collect();
                for b in buckets {
                    shards[b as usize].push(value);
                }
            }
            for (b, topics) in shards.into_iter().enumerate() {
                let json = json!({"v": CENTER_VERSION, "topics": topics});
                emit(
                    &super::context::context_shard_path(locale, b as u32),
                    &json.to_string(),
                )?;
            }

            // The search index.
            for (b, shard) in center.search_shards(search_shards).into_iter().enumerate() {
                emit(
                    &super::search::search_shard_path(locale, b as u32),
                    &shard.to_string(),
                )?;
            }
        }

        let root = CenterIndex {
            version: CENTER_VERSION,
            topics: total,
            page_size: PAGE_SIZE,
            pages,
            context_shards,
            search_shards,
            locales: self.locales,
        };
        emit(CENTER_INDEX_PATH, &root.to_json())?;
        Ok(root)
    }
}

/// Writes every file of the help center through `emit(path, json)` (paths relative to
/// the content base): `center/index.json`, the context table, and per locale the list
/// pages and the search index. Unknown topics and invalid patterns or names of the
/// contexts file are left out (lint reports them). (All articles in memory: a large
/// catalog goes one topic at a time through [`CenterWriter`].)
pub fn write_center(
    articles: &[(String, Topic)],
    manifest: &Manifest,
    contexts: &ContextsFile,
    emit: &mut dyn FnMut(&str, &str) -> Result<(), String>,
) -> Result<CenterIndex, String> {
    let by_path: HashMap<&str, &Topic> = articles.iter().map(|(p, t)| (p.as_str(), t)).collect();
    let mut writer = CenterWriter::new(center_locales(manifest), contexts);
    for entry in &manifest.topics {
        writer.add(entry, &|path| by_path.get(path).copied())?;
    }
    writer.finish(emit)
}

/// Every file of the help center, in memory (tests and small catalogs).
pub fn center_files(
    articles: &[(String, Topic)],
    manifest: &Manifest,
    contexts: &ContextsFile,
) -> Vec<(String, String)> {
    let mut out = Vec::new();
    write_center(articles, manifest, contexts, &mut |path, json| {
        out.push((path.to_string(), json.to_string()));
        Ok(())
    })
    .expect("collecting in memory cannot fail");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(entries: &[(&str, &[&str], &[&str])]) -> ContextsFile {
        ContextsFile {
            topics: entries
                .iter()
                .map(|(slug, routes, names)| {
                    (
                        slug.to_string(),
                        TopicContexts {
                            routes: routes.iter().map(|s| s.to_string()).collect(),
                            contexts: names.iter().map(|s| s.to_string()).collect(),
                        },
                    )
                })
                .collect(),
        }
    }

    #[test]
    fn check_reports_unknown_topics_bad_patterns_and_topics_without_context() {
        let text = "[topics.known]\nroutes = [\"#/a/:id\", \"a/b\"]\ncontexts = [\"Bad Name\"]\n\n[topics.ghost]\nroutes = [\"#/g\"]\n\n[topics.empty]\n";
        let contexts = file(&[
            ("known", &["#/a/:id", "a/b"], &["Bad Name"]),
            ("ghost", &["#/g"], &[]),
            ("empty", &[], &[]),
        ]);
        let known = vec![
            "empty".to_string(),
            "known".to_string(),
            "lonely".to_string(),
        ];
        let found: Vec<(u32, Severity, crate::content::Code)> =
            check_contexts(&contexts, text, &known)
                .into_iter()
                .map(|d| (d.line, d.severity, d.code))
                .collect();
        assert_eq!(
            found,
            [
                (1, Severity::Info, codes::CONTEXT_MISSING), // lonely: no entry
                (2, Severity::Error, codes::CONTEXT_INVALID_PATTERN),
                (3, Severity::Error, codes::CONTEXT_INVALID_NAME),
                (5, Severity::Error, codes::CONTEXT_UNKNOWN_TOPIC),
                (8, Severity::Info, codes::CONTEXT_MISSING), // empty: nothing in it
            ]
        );
    }

    /// The largest search shard of zh-CN, in bytes, for `n` made-up topics whose titles
    /// are bigrams of one common character (`客` and one of 200 others).
    fn largest_chinese_shard(n: usize) -> usize {
        let others: Vec<char> = (0x4E00u32..0x4E00 + 200)
            .filter_map(char::from_u32)
            .collect();
        let articles: Vec<(String, Topic)> = (0..n)
            .map(|i| {
                let title: String = (0..4)
                    .flat_map(|k| ['客', others[(i * 7 + k * 31) % others.len()], '，'])
                    .collect();
                let text = format!(
                    "---\ntitle: {title}\nms.contentlocale: zh-CN\n---\n# {title}\n\n1. 第{i}步\n"
                );
                let topic = crate::content::parse_topic(&text).expect("a made-up topic");
                (format!("zh-CN/t{i:05}.md"), topic)
            })
            .collect();
        let manifest = crate::catalog::build_manifest(&articles);
        center_files(&articles, &manifest, &ContextsFile::default())
            .into_iter()
            .filter(|(path, _)| path.starts_with("center/search/zh-CN/"))
            .map(|(_, json)| json.len())
            .max()
            .unwrap_or(0)
    }

    #[test]
    fn a_search_shard_does_not_grow_with_the_catalog_in_cjk() {
        // Keyed by their first character, the 200 bigrams `客X` (each with its best 100
        // topics) shared one shard, which grew with the catalog; keyed by the whole
        // bigram, the number of shards grows instead and each stays near the target.
        for n in [200, 1600] {
            let largest = largest_chinese_shard(n);
            assert!(
                largest <= 2 * SEARCH_SHARD_TARGET,
                "largest shard at {n} topics: {largest} bytes"
            );
        }
    }

    #[test]
    fn postings_keep_the_best_fields_first_in_the_catalog_order_and_at_most_the_maximum() {
        let mut list = Vec::new();
        for doc in 0..(MAX_POSTINGS as u32 + 20) {
            add_posting(&mut list, doc, Field::Body);
        }
        add_posting(&mut list, 500, Field::Title);
        add_posting(&mut list, 501, Field::UiTerm);
        add_posting(&mut list, 502, Field::Body);
        assert_eq!(list.len(), MAX_POSTINGS);
        assert_eq!(list[0], 500 * 4 + Field::Title.code());
        assert_eq!(list[1], 501 * 4 + Field::UiTerm.code());
        // Bodies in the order added; the latest ones fell off the end.
        assert_eq!(list[2], Field::Body.code());
        assert_eq!(
            *list.last().unwrap(),
            (MAX_POSTINGS as u32 - 3) * 4 + Field::Body.code()
        );
    }

    #[test]
    fn topics_come_by_slug_or_the_writer_refuses_them() {
        let contexts = ContextsFile::default();
        let mut writer = CenterWriter::new(vec!["en-US".to_string()], &contexts);
        let entry = |slug: &str| TopicEntry {
            slug: slug.to_string(),
            locales: Vec::new(),
        };
        assert!(writer.add(&entry("b"), &|_| None).is_ok());
        assert!(writer.add(&entry("a"), &|_| None).is_err());
        assert!(writer.add(&entry("b"), &|_| None).is_err());
        assert!(writer.add(&entry("c"), &|_| None).is_ok());
    }

    #[test]
    fn bucket_counts_grow_with_the_catalog() {
        assert_eq!(next_power_of_two(0), 1);
        assert_eq!(next_power_of_two(3), 4);
        assert_eq!(next_power_of_two(100_000), 4096);
    }
}
