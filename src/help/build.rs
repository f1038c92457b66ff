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
use super::search::{fold, shard_key, tokenize, Field};
use super::{bucket, CenterIndex, CENTER_INDEX_PATH, CENTER_VERSION};
use crate::catalog::{Manifest, TopicEntry};
use crate::content::{Block, Diagnostic, Severity, Topic, View};
use crate::locale::{ENGLISH, UI_LOCALES};

/// The contexts file's name, in the content folder (`assets/help/contexts.toml`).
pub const CONTEXTS_FILE: &str = "contexts.toml";

/// Entries per page of the all-topics list.
pub const PAGE_SIZE: usize = 50;

/// Most postings a token keeps in a locale's index (the best: title, UI term, body).
pub const MAX_POSTINGS: usize = 100;

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
    let header = |slug: &str| {
        let at = position(text, &format!("topics.{slug}"));
        if at == (1, 1) {
            position(text, slug)
        } else {
            at
        }
    };
    for (slug, entry) in &file.topics {
        if !known.contains(slug) {
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
        if entry.routes.is_empty() && entry.contexts.is_empty() && known.contains(slug) {
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

/// A topic as read in one locale: its entry in that locale, else English.
struct Shown<'a> {
    slug: &'a str,
    title: &'a str,
    lang: Option<&'a str>,
    view: View,
    topic: &'a Topic,
}

fn shown_in<'a>(
    entry: &'a TopicEntry,
    locale: &str,
    articles: &HashMap<&str, &'a Topic>,
) -> Option<Shown<'a>> {
    let chosen = entry
        .locales
        .iter()
        .find(|l| l.locale == locale)
        .or_else(|| entry.locales.iter().find(|l| l.locale == ENGLISH))
        .or_else(|| entry.locales.first())?;
    Some(Shown {
        slug: &entry.slug,
        title: &chosen.title,
        lang: (chosen.locale != locale).then_some(chosen.locale.as_str()),
        view: chosen.view(),
        topic: articles.get(chosen.path.as_str())?,
    })
}

fn next_power_of_two(n: usize) -> u32 {
    n.clamp(1, MAX_BUCKETS).next_power_of_two().min(MAX_BUCKETS) as u32
}

/// The folded tokens of a topic in one locale, each with the best field it occurs in:
/// titles, UI terms, headings and step text, localized and English.
pub fn topic_tokens(topic: &Topic, view: View, title: &str) -> BTreeMap<String, Field> {
    let mut out: BTreeMap<String, Field> = BTreeMap::new();
    let mut add = |text: &str, field: Field| {
        for token in tokenize(text) {
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

/// One locale's search index before it is cut into shards.
struct LocaleIndex<'a> {
    /// `(slug, title, lang)`.
    docs: Vec<(&'a str, &'a str, Option<&'a str>)>,
    /// token → `(field, doc)`, best first, at most [`MAX_POSTINGS`].
    postings: BTreeMap<String, Vec<(Field, u32)>>,
}

impl LocaleIndex<'_> {
    /// About how many bytes of JSON the index takes when cut into shards: its tokens
    /// and postings, and per shard key the topics its postings name (each shard lists
    /// the topics it names).
    fn json_bytes(&self) -> usize {
        let mut per_key: HashMap<&str, (usize, BTreeSet<u32>)> = HashMap::new();
        for (token, list) in &self.postings {
            let entry = per_key.entry(shard_key(token)).or_default();
            entry.0 += token.len() + 8 + 6 * list.len();
            entry.1.extend(list.iter().map(|&(_, doc)| doc));
        }
        per_key
            .values()
            .map(|(bytes, docs)| {
                bytes
                    + docs
                        .iter()
                        .map(|&d| {
                            let (slug, title, lang) = self.docs[d as usize];
                            slug.len() + title.len() + lang.map_or(0, str::len) + 12
                        })
                        .sum::<usize>()
            })
            .sum()
    }
}

fn locale_index<'a>(shown: &[Shown<'a>]) -> LocaleIndex<'a> {
    let mut postings: BTreeMap<String, Vec<(Field, u32)>> = BTreeMap::new();
    for (doc, s) in shown.iter().enumerate() {
        for (token, field) in topic_tokens(s.topic, s.view, s.title) {
            postings.entry(token).or_default().push((field, doc as u32));
        }
    }
    for list in postings.values_mut() {
        // Best field first, then the catalog's order (by slug); stable.
        list.sort_by_key(|&(field, doc)| (field, shown[doc as usize].slug));
        list.truncate(MAX_POSTINGS);
    }
    LocaleIndex {
        docs: shown.iter().map(|s| (s.slug, s.title, s.lang)).collect(),
        postings,
    }
}

/// A token and its postings.
type Term<'a> = (&'a str, &'a [(Field, u32)]);

fn cut_search_shards(index: &LocaleIndex, buckets: u32) -> Vec<Value> {
    // bucket -> tokens (sorted, since postings is a BTreeMap)
    let mut by_bucket: Vec<Vec<Term>> = vec![Vec::new(); buckets as usize];
    for (token, list) in &index.postings {
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
                        .map(|&(field, doc)| {
                            let id = *local.entry(doc).or_insert_with(|| {
                                let (slug, title, lang) = index.docs[doc as usize];
                                docs.push(match lang {
                                    Some(lang) => json!([slug, title, lang]),
                                    None => json!([slug, title]),
                                });
                                docs.len() as u32 - 1
                            });
                            id * 4 + field.code()
                        })
                        .collect();
                    json!([token, postings])
                })
                .collect();
            json!({"v": CENTER_VERSION, "docs": docs, "terms": terms})
        })
        .collect()
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

/// Writes every file of the help center through `emit(path, json)` (paths relative to
/// the content base): `center/index.json`, the context table, and per locale the list
/// pages and the search index. Unknown topics and invalid patterns or names of the
/// contexts file are left out (lint reports them).
pub fn write_center(
    articles: &[(String, Topic)],
    manifest: &Manifest,
    contexts: &ContextsFile,
    emit: &mut dyn FnMut(&str, &str) -> Result<(), String>,
) -> Result<CenterIndex, String> {
    let by_path: HashMap<&str, &Topic> = articles.iter().map(|(p, t)| (p.as_str(), t)).collect();
    let locales = center_locales(manifest);
    let total = manifest.topics.len();
    let pages = total.div_ceil(PAGE_SIZE).max(1);

    // The context table's size: one key per (topic, route's first segment or name).
    let keyed: Vec<(&TopicEntry, &TopicContexts, BTreeSet<String>)> = manifest
        .topics
        .iter()
        .filter_map(|t| {
            let c = contexts.topics.get(&t.slug)?;
            Some((t, c, context_keys(c)))
        })
        .collect();
    let pairs: usize = keyed.iter().map(|(_, _, k)| k.len()).sum();
    let context_shards = next_power_of_two(pairs.div_ceil(CONTEXT_SHARD_TARGET));

    // The search index's size: the largest locale's. Each locale's index is built once.
    let mut indexes = Vec::new();
    for locale in &locales {
        let shown: Vec<Shown> = manifest
            .topics
            .iter()
            .filter_map(|t| shown_in(t, locale, &by_path))
            .collect();
        indexes.push(locale_index(&shown));
    }
    let largest = indexes
        .iter()
        .map(LocaleIndex::json_bytes)
        .max()
        .unwrap_or(0);
    let search_shards = next_power_of_two(largest.div_ceil(SEARCH_SHARD_TARGET));

    for (locale, index) in locales.iter().zip(&indexes) {
        let shown: Vec<Shown> = manifest
            .topics
            .iter()
            .filter_map(|t| shown_in(t, locale, &by_path))
            .collect();

        // All topics, by folded title.
        let mut sorted: Vec<&Shown> = shown.iter().collect();
        sorted.sort_by_cached_key(|s| (fold(s.title), s.slug));
        for page in 0..pages {
            let topics: Vec<Value> = sorted
                .iter()
                .skip(page * PAGE_SIZE)
                .take(PAGE_SIZE)
                .map(|s| {
                    let mut v =
                        json!({"slug": s.slug, "title": s.title, "steps": s.topic.steps.len()});
                    if let Some(lang) = s.lang {
                        v["lang"] = json!(lang);
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
        let mut shards: Vec<Vec<Value>> = vec![Vec::new(); context_shards as usize];
        for (entry, c, keys) in &keyed {
            let Some(s) = shown_in(entry, locale, &by_path) else {
                continue;
            };
            let anchors: Vec<Vec<&str>> = s
                .topic
                .steps
                .iter()
                .map(|step| step.anchors.iter().map(|a| a.key.as_str()).collect())
                .collect();
            let routes: Vec<&String> = c
                .routes
                .iter()
                .filter(|r| parse_pattern(r).is_ok())
                .collect();
            let names: Vec<&String> = c.contexts.iter().filter(|n| is_context_name(n)).collect();
            let mut value = json!({
                "slug": s.slug, "title": s.title, "steps": s.topic.steps.len(),
                "routes": routes, "contexts": names, "anchors": anchors,
            });
            if let Some(lang) = s.lang {
                value["lang"] = json!(lang);
            }
            let buckets: BTreeSet<u32> = keys.iter().map(|k| bucket(k, context_shards)).collect();
            for b in buckets {
                shards[b as usize].push(value.clone());
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
        for (b, shard) in cut_search_shards(index, search_shards)
            .into_iter()
            .enumerate()
        {
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
        locales,
    };
    emit(CENTER_INDEX_PATH, &root.to_json())?;
    Ok(root)
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

    #[test]
    fn bucket_counts_grow_with_the_catalog() {
        assert_eq!(next_power_of_two(0), 1);
        assert_eq!(next_power_of_two(3), 4);
        assert_eq!(next_power_of_two(100_000), 4096);
    }
}
