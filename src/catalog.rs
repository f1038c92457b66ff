//! Which topics exist, in which locales: the manifest.
//!
//! `helpmark index <dir>` writes `manifest.json` from the articles under `<dir>`
//! ([`build_manifest`]), and beside it one index per topic ([`topic_index_path`]): the
//! same format with that topic alone. The widget reads the topic's index
//! ([`parse_manifest`]) to know its locales before it fetches an article, so what a first
//! open transfers does not grow with the catalog; [`TopicEntry::resolve`] picks the file
//! and view for the user's languages. English is not a file: it is the English half of
//! the newest localized revision of the topic.

use serde::Serialize;

use crate::content::{
    align_translation, compare_english, is_english, is_plain, parse_json_within, Diagnostic, Json,
    JsonLimits, Topic, View,
};
use crate::limits;
use crate::locale::{self, ENGLISH};
use crate::safe_url::{is_content_path, is_topic_slug};

/// The manifest format version this build reads and writes.
pub const MANIFEST_VERSION: u32 = 1;

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Manifest {
    pub version: u32,
    pub topics: Vec<TopicEntry>,
}

/// One topic and the locales it can be read in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TopicEntry {
    /// File name without `.md`: `update-customer-account-info`.
    pub slug: String,
    pub locales: Vec<LocaleEntry>,
}

/// One readable locale of a topic.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct LocaleEntry {
    pub locale: String,
    /// Path of the article, relative to the content base (`de-DE/topic.md`).
    pub path: String,
    /// Path of the compiled topic (`de-DE/topic.json`), which the widget reads; not
    /// written to the manifest, nor read from it (it follows from `path`).
    #[serde(skip_serializing)]
    pub compiled: String,
    /// Read the English halves of `path` instead of the translation.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub english: bool,
    pub title: String,
    /// `ms.date` as `YYYY-MM-DD`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// `MT` or `HT`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub translation: Option<String>,
    pub steps: usize,
}

impl LocaleEntry {
    pub fn view(&self) -> View {
        if self.english {
            View::English
        } else {
            View::Localized
        }
    }
}

/// Why a manifest could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ManifestError {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl std::fmt::Display for ManifestError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}: {}", self.line, self.column, self.message)
    }
}

impl std::error::Error for ManifestError {}

/// Reads `manifest.json`.
///
/// # Examples
///
/// ```
/// let m = helpmark::catalog::parse_manifest(r#"{"version":1,"topics":[]}"#).unwrap();
/// assert!(m.topics.is_empty());
/// assert!(helpmark::catalog::parse_manifest("{").is_err());
/// ```
pub fn parse_manifest(json: &str) -> Result<Manifest, ManifestError> {
    // The small reader of the compiled format, not serde_json: the widget should not
    // carry a second JSON parser. Its limits bound the work whatever the file holds.
    let value = parse_json_within(json, INDEX_LIMITS).map_err(|e| {
        let (line, column) = crate::content::line_column(json, e.offset.min(json.len()));
        ManifestError {
            line: line as usize,
            column: column as usize,
            message: e.message.to_string(),
        }
    })?;
    let malformed = |message: &str| ManifestError {
        line: 1,
        column: 1,
        message: message.to_string(),
    };
    let version = value
        .get("version")
        .and_then(Json::int)
        .ok_or_else(|| malformed("no manifest version"))?;
    if version != i64::from(MANIFEST_VERSION) {
        return Err(malformed(&format!(
            "manifest version {version} is not supported (expected {MANIFEST_VERSION})"
        )));
    }
    // Exactly the fields `to_json` writes, with their types; the slug, locale and paths in
    // the forms the widget puts into URLs and attributes.
    let only = |v: &Json, known: &[&str], required: &[&str]| match v {
        Json::Obj(fields) => {
            fields.iter().all(|(k, _)| known.contains(&k.as_str()))
                && required.iter().all(|r| v.get(r).is_some())
        }
        _ => false,
    };
    if !only(&value, &["version", "topics"], &["version", "topics"]) {
        return Err(malformed("unknown or missing field in the manifest"));
    }
    let text = |v: &Json, key: &str| v.get(key).and_then(Json::str).map(str::to_string);
    // An optional string: absent, or a string (never another type).
    let optional = |v: &Json, key: &str| match v.get(key) {
        None => Some(None),
        Some(Json::Str(s)) => Some(Some(s.clone())),
        Some(_) => None,
    };
    let topics = each(
        value
            .get("topics")
            .and_then(Json::arr)
            .ok_or_else(|| malformed("no topics"))?,
        &mut |t| {
            if !only(t, &["slug", "locales"], &["slug", "locales"]) {
                return None;
            }
            let locales = each(t.get("locales")?.arr()?, &mut |l| {
                const FIELDS: [&str; 7] = [
                    "locale",
                    "path",
                    "english",
                    "title",
                    "date",
                    "translation",
                    "steps",
                ];
                if !only(l, &FIELDS, &["locale", "path", "title", "steps"]) {
                    return None;
                }
                let path = text(l, "path").filter(|p| is_content_path(p) && p.ends_with(".md"))?;
                Some(LocaleEntry {
                    locale: text(l, "locale").filter(|t| is_locale_tag(t))?,
                    compiled: compiled_path(&path),
                    path,
                    english: match l.get("english") {
                        None => false,
                        Some(Json::Bool(b)) => *b,
                        Some(_) => return None,
                    },
                    title: text(l, "title")?,
                    date: optional(l, "date")?,
                    translation: optional(l, "translation")?,
                    steps: usize::try_from(l.get("steps")?.int()?).ok()?,
                })
            })?;
            Some(TopicEntry {
                slug: text(t, "slug").filter(|s| is_topic_slug(s))?,
                locales,
            })
        },
    )
    .ok_or_else(|| malformed("a topic entry lacks a field, has an unknown one, or a wrong type"))?;
    Ok(Manifest {
        version: MANIFEST_VERSION,
        topics,
    })
}

/// Reads every value of `list` with `read`, `None` at the first that is not read: a
/// plain loop (`collect::<Option<Vec<_>>>()` makes a larger copy of the iterator
/// machinery per type in the WebAssembly), with the vector allocated once.
fn each<T>(list: &[Json], read: &mut dyn FnMut(&Json) -> Option<T>) -> Option<Vec<T>> {
    let mut out = Vec::with_capacity(list.len());
    for json in list {
        out.push(read(json)?);
    }
    Some(out)
}

/// The limits of a topic index or manifest ([`crate::limits`]).
pub const INDEX_LIMITS: JsonLimits = JsonLimits {
    max_bytes: limits::MAX_INDEX_BYTES,
    max_depth: 8,
    max_string: 4096,
    max_values: limits::MAX_JSON_VALUES,
};

/// A language tag as an index names it: ASCII letters, digits and `-`, at most 35 bytes.
fn is_locale_tag(tag: &str) -> bool {
    !tag.is_empty()
        && tag.len() <= 35
        && tag.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
}

/// `de-DE/topic.md` → `de-DE/topic.json`.
pub fn compiled_path(path: &str) -> String {
    let stem = path.strip_suffix(".md").unwrap_or(path);
    format!("{stem}.json")
}

/// `update-customer-account-info` → `update-customer-account-info.index.json`: the index
/// of one topic, relative to the content base (slugs have no dot, so no topic's index
/// can be `manifest.json`, `preview.json` or a compiled article).
pub fn topic_index_path(slug: &str) -> String {
    format!("{slug}.index.json")
}

impl Manifest {
    pub fn topic(&self, slug: &str) -> Option<&TopicEntry> {
        self.topics.iter().find(|t| t.slug == slug)
    }

    /// A manifest of one topic: its index.
    pub fn only(&self, slug: &str) -> Option<Manifest> {
        Some(Manifest {
            version: self.version,
            topics: vec![self.topic(slug)?.clone()],
        })
    }

    /// The manifest as compact JSON (every byte of it is on the first open).
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("a manifest always serializes")
    }
}

impl TopicEntry {
    /// The locales the topic can be read in.
    pub fn locale_tags(&self) -> Vec<&str> {
        self.locales.iter().map(|l| l.locale.as_str()).collect()
    }

    /// The best entry for the user's ordered languages; English when none matches.
    pub fn resolve<S: AsRef<str>>(&self, requested: &[S]) -> Option<&LocaleEntry> {
        let available = self.locale_tags();
        let chosen = locale::negotiate(requested, &available, ENGLISH);
        self.locales
            .iter()
            .find(|l| l.locale == chosen)
            .or_else(|| self.locales.first())
    }
}

/// Builds the manifest from parsed articles, given as `(path relative to the content
/// base, topic)`. A topic's English entry reads the newest revision (by `ms.date`, then
/// `ms.lasthandoff`) among its files.
pub fn build_manifest(articles: &[(String, Topic)]) -> Manifest {
    // Per slug, its articles in the given order (one pass; no search per article).
    let mut groups: std::collections::BTreeMap<String, Vec<&(String, Topic)>> =
        std::collections::BTreeMap::new();
    for article in articles {
        groups
            .entry(topic_slug(&article.0))
            .or_default()
            .push(article);
    }
    Manifest {
        version: MANIFEST_VERSION,
        topics: groups
            .into_values()
            .map(|group| topic_entry(&group))
            .collect(),
    }
}

/// The manifest entry of one topic from its articles (every `(path, topic)` of one slug,
/// in the catalog's file order): what [`build_manifest`] does per topic, for a writer
/// that reads one topic at a time (`helpmark index` on a large catalog).
pub fn topic_entry(group: &[&(String, Topic)]) -> TopicEntry {
    let slug = group
        .first()
        .map(|(p, _)| topic_slug(p))
        .unwrap_or_default();
    let mut locales = Vec::with_capacity(group.len() + 1);
    // The age of the newest file, (ms.date, ms.lasthandoff), and its place in `group`.
    let mut newest: Option<(Age, usize)> = None;
    for (index, (path, topic)) in group.iter().map(|a| (&a.0, &a.1)).enumerate() {
        let folder_locale = path.split('/').rev().nth(1).unwrap_or(ENGLISH);
        let locale = topic
            .meta
            .locale
            .clone()
            .unwrap_or_else(|| folder_locale.to_string());
        locales.push(LocaleEntry {
            locale,
            compiled: compiled_path(path),
            path: path.clone(),
            english: false,
            title: topic.title(View::Localized),
            date: topic.meta.iso_date(),
            translation: topic.meta.translation_type.clone(),
            steps: topic.steps.len(),
        });
        let age = (topic.meta.iso_date(), topic.meta.iso_last_handoff());
        if newest.as_ref().is_none_or(|(n, _)| age > *n) {
            newest = Some((age, index));
        }
    }
    locales.sort_by(|a, b| a.locale.cmp(&b.locale));
    let mut topic = TopicEntry { slug, locales };
    if topic.locales.iter().any(|l| l.locale == ENGLISH) {
        return topic;
    }
    // A plain English source in another English locale (`en-GB`) is the English view.
    let article = |path: &str| {
        group
            .iter()
            .find(|(p, _)| p == path)
            .or(group.first())
            .map(|a| &a.1)
    };
    if let Some(english) = topic
        .locales
        .iter()
        .find(|l| is_english(&l.locale) && article(&l.path).is_some_and(is_plain))
        .cloned()
    {
        topic.locales.push(LocaleEntry {
            locale: ENGLISH.to_string(),
            ..english
        });
        return topic;
    }
    if let Some((_, index)) = newest {
        let (path, source) = group[index];
        topic.locales.push(LocaleEntry {
            locale: ENGLISH.to_string(),
            compiled: compiled_path(path),
            path: path.clone(),
            english: true,
            title: source.title(View::English),
            date: source.meta.iso_date(),
            translation: None,
            steps: source.steps.len(),
        });
    }
    topic
}

/// Plain-Markdown topics: aligns every plain translation with its plain English source
/// (`en-*`, see [`crate::content::align_translation`]) in place, and says where the
/// English of side-by-side files of the same topic disagrees with that source. `read`
/// gives a file's text by its path (for line numbers; `None` is fine). Returns the
/// findings as `(path, diagnostic)`, for lint and the writers' preview.
pub fn align_plain_translations(
    articles: &mut [(String, Topic)],
    read: &dyn Fn(&str) -> Option<String>,
) -> Vec<(String, Diagnostic)> {
    let locale_of = |path: &str, topic: &Topic| {
        topic.meta.locale.clone().unwrap_or_else(|| {
            path.split(['/', '\\'])
                .rev()
                .nth(1)
                .unwrap_or_default()
                .to_string()
        })
    };
    let mut findings = Vec::new();
    // Per slug, the indexes of its articles (one pass; no scan of the catalog per slug).
    let mut groups: std::collections::BTreeMap<String, Vec<usize>> =
        std::collections::BTreeMap::new();
    for (i, (path, _)) in articles.iter().enumerate() {
        groups.entry(topic_slug(path)).or_default().push(i);
    }
    for members in groups.into_values() {
        let sources: Vec<usize> = members
            .iter()
            .copied()
            .filter(|&i| {
                let (path, topic) = &articles[i];
                is_plain(topic) && is_english(&locale_of(path, topic))
            })
            .collect();
        // en-US first, then any other English.
        let Some(&source_index) = sources
            .iter()
            .find(|&&i| locale_of(&articles[i].0, &articles[i].1) == ENGLISH)
            .or(sources.first())
        else {
            continue;
        };
        let (source_path, source) = articles[source_index].clone();
        let source_text = read(&source_path);
        for &i in &members {
            if i == source_index {
                continue;
            }
            let (path, topic) = &mut articles[i];
            if is_english(&locale_of(path, topic)) {
                continue;
            }
            if is_plain(topic) {
                let text = read(path);
                for d in align_translation(&source, topic, source_text.as_deref(), text.as_deref())
                {
                    findings.push((path.clone(), d));
                }
            } else {
                for d in compare_english(&source, topic, path) {
                    findings.push((source_path.clone(), d));
                }
            }
        }
    }
    findings
}

/// `helpmark stamp <translation.md>... [--source <file>]`: records in each plain
/// translation the hash of its English source's text (`helpmark.sourcehash`), which lint
/// and the index compare to find stale translations. Without `--source`, the source is
/// the same file name in an `en-US` (else any `en-*`) folder beside the translation's.
/// Returns one line per file written; an error names the file.
pub fn stamp_files(
    files: &[std::path::PathBuf],
    source: Option<&std::path::Path>,
) -> Result<Vec<String>, String> {
    let read = |path: &std::path::Path| -> Result<String, String> {
        std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
    };
    let mut done = Vec::new();
    for file in files {
        let source_path = match source {
            Some(s) => s.to_path_buf(),
            None => english_sibling(file).ok_or_else(|| {
                format!(
                    "{}: no English source found beside it; name it with --source",
                    file.display()
                )
            })?,
        };
        let source_text = read(&source_path)?;
        let source_topic = crate::content::parse_topic(&source_text)
            .map_err(|e| format!("{}:{e}", source_path.display()))?;
        if !is_plain(&source_topic) {
            return Err(format!(
                "{}: not a plain-Markdown source (it has span pairs)",
                source_path.display()
            ));
        }
        let hash = crate::content::source_hash(&source_text)
            .ok_or_else(|| format!("{}: not a topic", source_path.display()))?;
        let text = read(file)?;
        let stamped = crate::content::stamp(&text, &hash).ok_or_else(|| {
            format!(
                "{}: no front matter to record the source hash in",
                file.display()
            )
        })?;
        std::fs::write(file, stamped).map_err(|e| format!("{}: {e}", file.display()))?;
        done.push(format!(
            "{}: helpmark.sourcehash: {hash} (from {})",
            file.display(),
            source_path.display()
        ));
    }
    Ok(done)
}

/// `fr-FR/topic.md` → `en-US/topic.md` (or another `en-*` folder) beside it, if it exists.
fn english_sibling(file: &std::path::Path) -> Option<std::path::PathBuf> {
    let name = file.file_name()?;
    let base = file.parent()?.parent()?;
    let us = base.join(ENGLISH).join(name);
    if us.is_file() {
        return Some(us);
    }
    let mut folders: Vec<_> = std::fs::read_dir(base)
        .ok()?
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .collect();
    folders.sort();
    folders
        .into_iter()
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(is_english)
        })
        .map(|p| p.join(name))
        .find(|p| p.is_file())
}

type Age = (Option<String>, Option<String>);

/// `de-DE/update-customer-account-info.md` → `update-customer-account-info`.
pub fn topic_slug(path: &str) -> String {
    let file = path.rsplit(['/', '\\']).next().unwrap_or(path);
    file.strip_suffix(".md")
        .unwrap_or(file)
        .to_ascii_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::parse_topic;

    fn article(locale: &str, date: &str, handoff: &str, title: &str, english: &str) -> Topic {
        parse_topic(&format!(
            "---\ntitle: t\nms.contentlocale: {locale}\nms.date: {date}\nms.lasthandoff: {handoff}\n---\n\
             # <span data-ttu-id=\"a-1\">{title}</span><span class=\"sxs-lookup\"><span data-stu-id=\"a-1\">{english}</span></span>\n"
        ))
        .unwrap()
    }

    fn sample() -> Manifest {
        build_manifest(&[
            (
                "de-DE/topic.md".into(),
                article("de-DE", "04/07/2020", "05/05/2020", "Alt", "Old"),
            ),
            (
                "sv-SE/topic.md".into(),
                article("sv-SE", "06/08/2020", "05/12/2021", "Ny", "New"),
            ),
            (
                "ru-RU/topic.md".into(),
                article("ru-RU", "06/08/2020", "03/03/2021", "Новый", "New-ish"),
            ),
        ])
    }

    #[test]
    fn english_comes_from_the_newest_revision() {
        let manifest = sample();
        let topic = manifest.topic("topic").unwrap();
        let english = topic.locales.iter().find(|l| l.locale == "en-US").unwrap();
        assert_eq!(english.path, "sv-SE/topic.md");
        assert!(english.english);
        assert_eq!(english.title, "New");
        assert_eq!(topic.locale_tags(), ["de-DE", "ru-RU", "sv-SE", "en-US"]);
    }

    #[test]
    fn resolve_negotiates_and_falls_back_to_english() {
        let manifest = sample();
        let topic = manifest.topic("topic").unwrap();
        assert_eq!(topic.resolve(&["de-AT"]).unwrap().locale, "de-DE");
        assert_eq!(topic.resolve(&["fr-CA"]).unwrap().locale, "en-US");
        assert_eq!(topic.resolve(&["fr-CA"]).unwrap().view(), View::English);
    }

    #[test]
    fn the_manifest_round_trips_through_json() {
        let manifest = sample();
        assert_eq!(parse_manifest(&manifest.to_json()).unwrap(), manifest);
    }

    #[test]
    fn an_unknown_manifest_version_is_an_error() {
        let err = parse_manifest(r#"{"version":9,"topics":[]}"#).unwrap_err();
        assert!(err.message.contains("version 9"), "{err}");
    }

    #[test]
    fn a_tampered_index_is_refused_whatever_is_wrong() {
        let good = sample().only("topic").unwrap().to_json();
        assert!(parse_manifest(&good).is_ok());
        let five_mb = "x".repeat(5 * 1024 * 1024);
        let cases: Vec<(&str, String)> = vec![
            (
                "unknown top field",
                good.replacen("{\"version\"", "{\"x\":1,\"version\"", 1),
            ),
            (
                "unknown topic field",
                good.replacen("\"slug\"", "\"x\":1,\"slug\"", 1),
            ),
            (
                "unknown locale field",
                good.replacen("\"locale\"", "\"x\":1,\"locale\"", 1),
            ),
            (
                "a compiled path of its own",
                good.replacen(
                    "\"locale\"",
                    "\"compiled\":\"https://evil.test/x.json\",\"locale\"",
                    1,
                ),
            ),
            ("no slug", good.replacen("\"slug\":\"topic\",", "", 1)),
            (
                "slug a number",
                good.replacen("\"slug\":\"topic\"", "\"slug\":7", 1),
            ),
            (
                "slug a URL",
                good.replacen("\"slug\":\"topic\"", "\"slug\":\"javascript:x\"", 1),
            ),
            (
                "locales an object",
                good.replacen("\"locales\":[", "\"locales\":{\"a\":[", 1)
                    .replacen("]}]}", "]}}]}", 1),
            ),
            (
                "steps a string",
                good.replacen("\"steps\":0", "\"steps\":\"0\"", 1),
            ),
            (
                "steps negative",
                good.replacen("\"steps\":0", "\"steps\":-1", 1),
            ),
            (
                "english a string",
                good.replacen("\"english\":true", "\"english\":\"yes\"", 1),
            ),
            (
                "date a number",
                good.replacen("\"date\":\"", "\"date\":1,\"d\":\"", 1),
            ),
            (
                "title null",
                good.replacen("\"title\":\"Alt\"", "\"title\":null", 1),
            ),
            (
                "path absolute",
                good.replacen(
                    "\"path\":\"de-DE/topic.md\"",
                    "\"path\":\"https://evil.test/topic.md\"",
                    1,
                ),
            ),
            (
                "path upwards",
                good.replacen(
                    "\"path\":\"de-DE/topic.md\"",
                    "\"path\":\"../../topic.md\"",
                    1,
                ),
            ),
            (
                "path not an article",
                good.replacen(
                    "\"path\":\"de-DE/topic.md\"",
                    "\"path\":\"de-DE/topic.js\"",
                    1,
                ),
            ),
            (
                "locale with markup",
                good.replacen("\"locale\":\"de-DE\"", "\"locale\":\"de\\\"><x\"", 1),
            ),
            (
                "5 MB title",
                good.replacen("\"title\":\"Alt\"", &format!("\"title\":\"{five_mb}\""), 1),
            ),
            (
                "10,000 levels",
                format!("{}{}", "[".repeat(10_000), "]".repeat(10_000)),
            ),
            (
                "a duplicate key",
                good.replacen(
                    "\"slug\":\"topic\"",
                    "\"slug\":\"topic\",\"slug\":\"topic\"",
                    1,
                ),
            ),
            ("an array", "[]".into()),
        ];
        for (what, text) in cases {
            assert_ne!(text, good, "{what}: the forgery did not apply");
            assert!(parse_manifest(&text).is_err(), "{what}");
        }
    }

    #[test]
    fn an_error_inside_a_character_is_an_error_not_a_panic() {
        // Found by the fuzzer: the reader stopped inside `ビ` and the line and column of
        // the error were computed by slicing the text there.
        let text = "{\"a\":\"\\\u{30d3}\"}";
        assert!(parse_manifest(text).is_err());
    }
}
