//! The help center's data (issue #12): which topics apply to a page, every topic by title,
//! and search. The formats are in `docs/help-center-data.md`.
//!
//! `helpmark index` writes the files ([`build`]) beside the manifest, under `center/`:
//! a root ([`CENTER_INDEX_PATH`], constant in size), a context table sharded by route
//! and context name ([`context`]), per locale a paged all-topics list ([`list`]) and a
//! sharded search index ([`search`]). The readers here run in the widget: they are
//! small, use the crate's own JSON reader and bound the work of any file they get.

pub mod build;
pub mod context;
pub mod generate;
pub mod list;
pub mod search;

use crate::content::{parse_json_within, Json, JsonLimits};
use crate::locale::ENGLISH;

/// The root of the help center's files, relative to the content base.
pub const CENTER_INDEX_PATH: &str = "center/index.json";

/// The format version of every file under `center/`.
pub const CENTER_VERSION: u32 = 1;

/// Largest file under `center/` the widget reads (root, shard or page), in bytes.
pub const MAX_CENTER_FILE_BYTES: usize = 1024 * 1024;

/// What the readers of `center/` files accept.
pub(crate) const CENTER_LIMITS: JsonLimits = JsonLimits {
    max_bytes: MAX_CENTER_FILE_BYTES,
    max_depth: 6,
    max_string: 4096,
    max_values: 200_000,
};

/// Why a file under `center/` could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DataError {
    pub message: String,
}

impl std::fmt::Display for DataError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for DataError {}

pub(crate) fn data_error(message: impl Into<String>) -> DataError {
    DataError {
        message: message.into(),
    }
}

/// Reads a `center/` file's JSON and checks its version field (`version` or `v`).
pub(crate) fn read_json(json: &str, version_key: &str) -> Result<Json, DataError> {
    let value = parse_json_within(json, CENTER_LIMITS)
        .map_err(|e| data_error(format!("byte {}: {}", e.offset, e.message)))?;
    match value.get(version_key).and_then(Json::int) {
        Some(v) if v == i64::from(CENTER_VERSION) => Ok(value),
        Some(v) => Err(data_error(format!(
            "version {v} is not supported (expected {CENTER_VERSION})"
        ))),
        None => Err(data_error("no version")),
    }
}

pub(crate) fn get_str(value: &Json, key: &str) -> Result<String, DataError> {
    value
        .get(key)
        .and_then(Json::str)
        .map(str::to_string)
        .ok_or_else(|| data_error(format!("no {key}")))
}

pub(crate) fn get_count(value: &Json, key: &str) -> Result<usize, DataError> {
    value
        .get(key)
        .and_then(Json::int)
        .and_then(|n| usize::try_from(n).ok())
        .ok_or_else(|| data_error(format!("no {key}")))
}

pub(crate) fn get_arr<'a>(value: &'a Json, key: &str) -> Result<&'a [Json], DataError> {
    value
        .get(key)
        .and_then(Json::arr)
        .ok_or_else(|| data_error(format!("no {key}")))
}

pub(crate) fn strings(values: &[Json], what: &str) -> Result<Vec<String>, DataError> {
    let mut out = Vec::with_capacity(values.len());
    for v in values {
        match v.str() {
            Some(s) => out.push(s.to_string()),
            None => return Err(data_error(format!("{what}: not a string"))),
        }
    }
    Ok(out)
}

/// The optional `lang` of an entry: a language tag, when the title is not in the file's
/// locale.
pub(crate) fn get_lang(value: &Json) -> Result<Option<String>, DataError> {
    match value.get("lang") {
        None => Ok(None),
        Some(v) => v
            .str()
            .filter(|s| is_tag(s))
            .map(|s| Some(s.to_string()))
            .ok_or_else(|| data_error("lang: not a language tag")),
    }
}

/// A language tag as a path segment: ASCII letters, digits and `-`, at most 35 bytes.
pub(crate) fn is_tag(tag: &str) -> bool {
    !tag.is_empty()
        && tag.len() <= 35
        && tag.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
}

/// The bucket of a shard key: FNV-1a (32 bits) of its UTF-8 bytes, modulo `buckets`
/// (at least 1). The index writer and the widget both use it.
///
/// # Examples
///
/// ```
/// use helpmark::help::bucket;
/// assert_eq!(bucket("#customers", 1), 0);
/// assert!(bucket("#customers", 16) < 16);
/// assert_eq!(bucket("@customer-account", 64), bucket("@customer-account", 64));
/// ```
pub fn bucket(key: &str, buckets: u32) -> u32 {
    let mut hash: u32 = 0x811c_9dc5;
    for b in key.bytes() {
        hash ^= u32::from(b);
        hash = hash.wrapping_mul(0x0100_0193);
    }
    hash % buckets.max(1)
}

/// Adds `bucket` to `buckets`, kept sorted and without repeats. (A sorted insert, not
/// `sort_unstable` + `dedup`: one small function in the WebAssembly instead of a copy of
/// the standard library's sort per element type; a page or a query needs a few buckets.)
pub(crate) fn add_bucket(buckets: &mut Vec<u32>, bucket: u32) {
    if let Err(at) = buckets.binary_search(&bucket) {
        buckets.insert(at, bucket);
    }
}

/// The order of `0..n` by `cmp`: a stable merge sort of indices through one comparator
/// (one small copy in the WebAssembly for every list the help center sorts, instead of a
/// copy of the standard library's sort per element type and comparison).
pub(crate) fn sorted_order(
    n: usize,
    cmp: &dyn Fn(usize, usize) -> std::cmp::Ordering,
) -> Vec<usize> {
    let mut from: Vec<usize> = (0..n).collect();
    let mut to = from.clone();
    let mut width = 1;
    while width < n {
        let mut start = 0;
        while start < n {
            let mid = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            let (mut l, mut r) = (start, mid);
            for slot in &mut to[start..end] {
                let left = l < mid && (r >= end || cmp(from[l], from[r]).is_le());
                *slot = if left { from[l] } else { from[r] };
                if left {
                    l += 1;
                } else {
                    r += 1;
                }
            }
            start = end;
        }
        std::mem::swap(&mut from, &mut to);
        width *= 2;
    }
    from
}

/// `items` in `order` (a permutation of their indices, as [`sorted_order`] gives),
/// at most `limit` of them.
pub(crate) fn reorder<T>(items: Vec<T>, order: &[usize], limit: usize) -> Vec<T> {
    let mut slots: Vec<Option<T>> = Vec::with_capacity(items.len());
    for item in items {
        slots.push(Some(item));
    }
    let mut out = Vec::with_capacity(limit.min(order.len()));
    for &i in order.iter().take(limit) {
        if let Some(item) = slots[i].take() {
            out.push(item);
        }
    }
    out
}

/// `center/index.json`: how the catalog's files are cut.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CenterIndex {
    pub version: u32,
    /// Number of topics.
    pub topics: usize,
    /// Entries per page of the all-topics list.
    pub page_size: usize,
    /// Pages of the all-topics list, in every locale.
    pub pages: usize,
    /// Buckets of the context table.
    pub context_shards: u32,
    /// Buckets of each locale's search index.
    pub search_shards: u32,
    /// Locales that have files, sorted.
    pub locales: Vec<String>,
}

/// Most buckets a reader accepts (the writer uses at most 4,096).
const MAX_BUCKETS: usize = 1 << 16;

/// Reads `center/index.json`.
///
/// # Examples
///
/// ```
/// let json = r#"{"version":1,"topics":6,"page_size":50,"pages":1,"context_shards":1,"search_shards":4,"locales":["de-DE","en-US"]}"#;
/// let index = helpmark::help::parse_center_index(json).unwrap();
/// assert_eq!(index.search_shards, 4);
/// assert_eq!(index.locale_for("de-DE"), "de-DE");
/// assert_eq!(index.locale_for("it-IT"), "en-US");
/// assert!(helpmark::help::parse_center_index("{}").is_err());
/// ```
pub fn parse_center_index(json: &str) -> Result<CenterIndex, DataError> {
    let value = read_json(json, "version")?;
    let buckets = |key: &str| -> Result<u32, DataError> {
        let n = get_count(&value, key)?;
        if n == 0 || n > MAX_BUCKETS {
            return Err(data_error(format!("{key}: out of range")));
        }
        Ok(n as u32)
    };
    let locales = strings(get_arr(&value, "locales")?, "locales")?;
    if let Some(bad) = locales.iter().find(|l| !is_tag(l)) {
        return Err(data_error(format!(
            "locales: `{bad}` is not a language tag"
        )));
    }
    let page_size = get_count(&value, "page_size")?;
    if page_size == 0 {
        return Err(data_error("page_size: out of range"));
    }
    Ok(CenterIndex {
        version: CENTER_VERSION,
        topics: get_count(&value, "topics")?,
        page_size,
        pages: get_count(&value, "pages")?,
        context_shards: buckets("context_shards")?,
        search_shards: buckets("search_shards")?,
        locales,
    })
}

impl CenterIndex {
    /// The files' locale for the widget's UI locale: the same tag (any case), else English.
    pub fn locale_for(&self, ui_locale: &str) -> &str {
        self.locales
            .iter()
            .find(|l| l.eq_ignore_ascii_case(ui_locale))
            .map(String::as_str)
            .unwrap_or(ENGLISH)
    }

    /// The JSON the index writer puts at [`CENTER_INDEX_PATH`].
    pub fn to_json(&self) -> String {
        let locales: Vec<String> = self.locales.iter().map(|l| format!("\"{l}\"")).collect();
        format!(
            r#"{{"version":{},"topics":{},"page_size":{},"pages":{},"context_shards":{},"search_shards":{},"locales":[{}]}}"#,
            self.version,
            self.topics,
            self.page_size,
            self.pages,
            self.context_shards,
            self.search_shards,
            locales.join(",")
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn center_index_round_trips_and_refuses_bad_values() {
        let index = CenterIndex {
            version: 1,
            topics: 10_000,
            page_size: 50,
            pages: 200,
            context_shards: 256,
            search_shards: 512,
            locales: vec!["ar-SA".into(), "en-US".into()],
        };
        assert_eq!(parse_center_index(&index.to_json()).unwrap(), index);
        let bad = index
            .to_json()
            .replace("\"search_shards\":512", "\"search_shards\":0");
        assert!(parse_center_index(&bad).is_err());
        let bad = index.to_json().replace("\"version\":1", "\"version\":2");
        assert!(parse_center_index(&bad)
            .unwrap_err()
            .message
            .contains("version 2"));
        let bad = index.to_json().replace("ar-SA", "../x");
        assert!(parse_center_index(&bad).is_err());
    }

    #[test]
    fn sorted_order_is_a_stable_sort() {
        let keys = [5, 3, 9, 3, 1, 5, 0, 7, 3, 2, 8];
        for n in 0..=keys.len() {
            let order = sorted_order(n, &|a, b| keys[a].cmp(&keys[b]));
            let mut expected: Vec<usize> = (0..n).collect();
            expected.sort_by_key(|&i| keys[i]);
            assert_eq!(order, expected, "{n} keys");
        }
        let words = vec!["c", "a", "b"];
        let order = sorted_order(3, &|a, b| words[a].cmp(words[b]));
        assert_eq!(reorder(words.clone(), &order, 2), ["a", "b"]);
        assert_eq!(reorder(words, &order, 9), ["a", "b", "c"]);
        let mut buckets = Vec::new();
        for b in [7, 2, 7, 9, 0, 2] {
            add_bucket(&mut buckets, b);
        }
        assert_eq!(buckets, [0, 2, 7, 9]);
    }

    #[test]
    fn buckets_are_fnv1a() {
        // FNV-1a 32 of "a" is 0xe40c292c.
        assert_eq!(bucket("a", 0xffff_fff0), 0xe40c_292c);
        assert_eq!(bucket("a", 1000), 0xe40c_292c % 1000);
        assert_eq!(bucket("", 7), 0x811c_9dc5 % 7);
        assert_eq!(bucket("anything", 0), 0);
    }
}
