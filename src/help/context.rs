//! Which topics apply to the page the user is on: route patterns, context names, the
//! sharded context table, and the ranking.
//!
//! Writers declare, per topic, route patterns (`#/customers/:id/account`,
//! `/customers/*`) and context names that host pages put on regions
//! (`data-help-context="customer-account"`), in `assets/help/contexts.toml`. The index
//! writes them, with each step's anchors, into shards keyed by a pattern's first literal
//! segment or by the name ([`RoutePattern::key`]), so a page fetches only the shards of
//! its location and names ([`page_shards`]). [`rank`] orders the candidates (README,
//! "Which topics apply to this page").

use super::{
    bucket, data_error, get_arr, get_count, get_lang, get_str, read_json, strings, DataError,
};

/// Longest route pattern, in bytes.
pub const MAX_PATTERN_BYTES: usize = 512;
/// Most segments in a route pattern.
pub const MAX_PATTERN_SEGMENTS: usize = 32;
/// Longest context name, in bytes.
pub const MAX_NAME_BYTES: usize = 64;

/// Whether a pattern applies to `location.hash` or to `location.pathname`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RouteKind {
    /// `#/customers/:id`: single-page apps that route by the hash.
    Hash,
    /// `/customers/*`: the path.
    Path,
}

/// One segment of a route pattern.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Segment {
    /// Matched ASCII-case-insensitively.
    Literal(String),
    /// `:name`: exactly one non-empty segment.
    Param(String),
    /// `*`: zero or more segments as the last segment, exactly one elsewhere.
    Wildcard,
}

/// A parsed route pattern.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RoutePattern {
    /// As written.
    pub source: String,
    pub kind: RouteKind,
    pub segments: Vec<Segment>,
}

/// A successful match of a pattern against a location.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RouteMatch {
    /// Literal segments count 4, parameters 2, a one-segment `*` 1, a trailing `*` 0,
    /// and a pattern without a trailing `*` (anchored at the end) 1 more: the more of the
    /// route a pattern pins down, the higher.
    pub specificity: u32,
    /// `(name, value)` of each parameter.
    pub params: Vec<(String, String)>,
}

/// The location of the page, as the browser gives it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Location<'a> {
    /// `location.pathname` (`/portal/index.html`).
    pub path: &'a str,
    /// `location.hash` (`#/customers/42/account`), or empty.
    pub hash: &'a str,
}

fn is_param_name(name: &str) -> bool {
    !name.is_empty() && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

/// Whether a context name is valid: `[a-z0-9][a-z0-9-]*`, at most 64 bytes.
///
/// # Examples
///
/// ```
/// use helpmark::help::context::is_context_name;
/// assert!(is_context_name("customer-account"));
/// assert!(!is_context_name("Customer Account"));
/// assert!(!is_context_name("-x"));
/// ```
pub fn is_context_name(name: &str) -> bool {
    name.len() <= MAX_NAME_BYTES
        && name
            .bytes()
            .next()
            .is_some_and(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Parses a route pattern: `#/…` (hash route) or `/…` (path route), segments
/// separated by `/`: literals, `:param`, `*`.
///
/// # Examples
///
/// ```
/// use helpmark::help::context::{parse_pattern, RouteKind, Segment};
/// let p = parse_pattern("#/customers/:id/account").unwrap();
/// assert_eq!(p.kind, RouteKind::Hash);
/// assert_eq!(p.segments[1], Segment::Param("id".into()));
/// assert!(parse_pattern("customers").is_err());
/// assert!(parse_pattern("/customers/cust*").is_err());
/// ```
pub fn parse_pattern(source: &str) -> Result<RoutePattern, String> {
    if source.len() > MAX_PATTERN_BYTES {
        return Err(format!("longer than {MAX_PATTERN_BYTES} bytes"));
    }
    let (kind, rest) = if let Some(rest) = source.strip_prefix("#/") {
        (RouteKind::Hash, rest)
    } else if let Some(rest) = source.strip_prefix('/') {
        (RouteKind::Path, rest)
    } else {
        return Err("a route starts with `#/` (hash route) or `/` (path route)".into());
    };
    if let Some(c) = rest
        .chars()
        .find(|c| c.is_whitespace() || c.is_control() || matches!(c, '?' | '#'))
    {
        return Err(format!("`{c}` is not allowed in a route pattern"));
    }
    let rest = rest.strip_suffix('/').unwrap_or(rest);
    let mut segments = Vec::new();
    if !rest.is_empty() {
        for part in rest.split('/') {
            let segment = if part.is_empty() {
                return Err("empty segment (`//`)".into());
            } else if part == "*" {
                Segment::Wildcard
            } else if part.contains('*') {
                return Err(format!("`*` must be a whole segment (found `{part}`)"));
            } else if let Some(name) = part.strip_prefix(':') {
                if !is_param_name(name) {
                    return Err(format!(
                        "parameter `{part}`: a name of letters, digits and `_` is expected"
                    ));
                }
                if segments.contains(&Segment::Param(name.to_string())) {
                    return Err(format!("parameter `:{name}` appears twice"));
                }
                Segment::Param(name.to_string())
            } else {
                Segment::Literal(part.to_string())
            };
            segments.push(segment);
        }
    }
    if segments.len() > MAX_PATTERN_SEGMENTS {
        return Err(format!("more than {MAX_PATTERN_SEGMENTS} segments"));
    }
    Ok(RoutePattern {
        source: source.to_string(),
        kind,
        segments,
    })
}

/// The route segments of a location for a kind of pattern, or `None` when the location
/// has no such route (a hash that is not `#/…` or `#!/…`).
fn route_segments<'a>(location: &Location<'a>, kind: RouteKind) -> Option<Vec<&'a str>> {
    let route = match kind {
        RouteKind::Hash => location
            .hash
            .strip_prefix("#/")
            .or_else(|| location.hash.strip_prefix("#!/"))?,
        RouteKind::Path => location.path.strip_prefix('/').unwrap_or(location.path),
    };
    let route = route.split(['?', '#']).next().unwrap_or_default();
    Some(route.split('/').filter(|s| !s.is_empty()).collect())
}

impl RoutePattern {
    /// Matches the pattern against a location; `None` when it does not apply.
    ///
    /// # Examples
    ///
    /// ```
    /// use helpmark::help::context::{parse_pattern, Location};
    /// let here = Location { path: "/portal/", hash: "#/customers/42/account" };
    /// let m = parse_pattern("#/customers/:id/account").unwrap().matches(&here).unwrap();
    /// assert_eq!(m.params, [("id".to_string(), "42".to_string())]);
    /// assert!(parse_pattern("#/customers/*").unwrap().matches(&here).is_some());
    /// assert!(parse_pattern("#/customers").unwrap().matches(&here).is_none());
    /// assert!(parse_pattern("/portal/*").unwrap().matches(&here).is_some());
    /// ```
    pub fn matches(&self, location: &Location) -> Option<RouteMatch> {
        let route = route_segments(location, self.kind)?;
        let mut specificity = 0;
        let mut params = Vec::new();
        let last = self.segments.len().checked_sub(1);
        let mut at = 0;
        for (i, segment) in self.segments.iter().enumerate() {
            match segment {
                Segment::Wildcard if Some(i) == last => {
                    return Some(RouteMatch {
                        specificity,
                        params,
                    });
                }
                Segment::Wildcard => {
                    route.get(at)?;
                    specificity += 1;
                }
                Segment::Param(name) => {
                    params.push((name.clone(), route.get(at)?.to_string()));
                    specificity += 2;
                }
                Segment::Literal(text) => {
                    if !route.get(at)?.eq_ignore_ascii_case(text) {
                        return None;
                    }
                    specificity += 4;
                }
            }
            at += 1;
        }
        (at == route.len()).then_some(RouteMatch {
            specificity: specificity + 1,
            params,
        })
    }

    /// The shard key of the pattern: `#` (hash) or `/` (path), followed by the first
    /// segment lower-cased when it is a literal.
    pub fn key(&self) -> String {
        let prefix = match self.kind {
            RouteKind::Hash => "#",
            RouteKind::Path => "/",
        };
        match self.segments.first() {
            Some(Segment::Literal(text)) => format!("{prefix}{}", text.to_ascii_lowercase()),
            _ => prefix.to_string(),
        }
    }
}

/// The shard key of a context name: `@name`.
pub fn name_key(name: &str) -> String {
    format!("@{name}")
}

/// The shard keys a page needs: its hash route's (`#first`, `#`), its path's (`/first`,
/// `/`) and `@name` for each context name on the page.
///
/// # Examples
///
/// ```
/// use helpmark::help::context::{page_keys, Location};
/// let here = Location { path: "/", hash: "#/customers/42" };
/// assert_eq!(
///     page_keys(&here, &["customer-account".to_string()]),
///     ["#customers", "#", "/", "@customer-account"]
/// );
/// ```
pub fn page_keys(location: &Location, names: &[String]) -> Vec<String> {
    let mut keys = Vec::new();
    for (kind, prefix) in [(RouteKind::Hash, "#"), (RouteKind::Path, "/")] {
        if let Some(route) = route_segments(location, kind) {
            if let Some(first) = route.first() {
                keys.push(format!("{prefix}{}", first.to_ascii_lowercase()));
            }
            keys.push(prefix.to_string());
        }
    }
    for name in names {
        if is_context_name(name) {
            keys.push(name_key(name));
        }
    }
    keys.dedup();
    keys
}

/// The buckets of the context table a page needs, sorted, without repeats.
pub fn page_shards(location: &Location, names: &[String], buckets: u32) -> Vec<u32> {
    let mut out = Vec::new();
    for key in page_keys(location, names) {
        super::add_bucket(&mut out, bucket(&key, buckets));
    }
    out
}

/// `center/contexts/<locale>/<bucket>.json`.
pub fn context_shard_path(locale: &str, bucket: u32) -> String {
    format!("center/contexts/{locale}/{bucket:x}.json")
}

/// One topic of the context table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContextEntry {
    pub slug: String,
    /// In the shard's locale, else English.
    pub title: String,
    /// The title's locale when it is not the shard's.
    pub lang: Option<String>,
    pub steps: usize,
    pub routes: Vec<String>,
    pub contexts: Vec<String>,
    /// Per step, the `data-help-target` keys of its anchors.
    pub anchors: Vec<Vec<String>>,
}

/// Reads a shard of the context table.
pub fn parse_context_shard(json: &str) -> Result<Vec<ContextEntry>, DataError> {
    let value = read_json(json, "v")?;
    let mut out = Vec::new();
    for topic in get_arr(&value, "topics")? {
        let slug = get_str(topic, "slug")?;
        if !crate::safe_url::is_topic_slug(&slug) {
            return Err(data_error(format!("`{slug}` is not a topic slug")));
        }
        let mut anchors = Vec::new();
        for step in get_arr(topic, "anchors")? {
            anchors.push(strings(step.arr().unwrap_or_default(), "anchors")?);
        }
        out.push(ContextEntry {
            title: get_str(topic, "title")?,
            lang: get_lang(topic)?,
            steps: get_count(topic, "steps")?,
            routes: strings(get_arr(topic, "routes")?, "routes")?,
            contexts: strings(get_arr(topic, "contexts")?, "contexts")?,
            anchors,
            slug,
        });
    }
    Ok(out)
}

/// Whether the element a `data-help-target` key names is on the page now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AnchorState {
    Absent,
    /// In the document but not visible (a closed menu's item).
    Hidden,
    Visible,
}

/// What the widget knows of the page, for [`rank`].
pub struct PageSignals<'a> {
    pub location: Location<'a>,
    /// The `data-help-context` names on the page.
    pub names: &'a [String],
    /// The state of the element a `data-help-target` key names.
    pub anchor: &'a dyn Fn(&str) -> AnchorState,
    /// The index of the step the user would do next in a topic (0 unless in progress).
    pub next_step: &'a dyn Fn(&str) -> usize,
}

/// A topic that applies to the page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Suggestion {
    pub slug: String,
    pub title: String,
    pub lang: Option<String>,
    pub score: u32,
    /// The pattern that matched best, if any.
    pub route: Option<String>,
    /// The topic's context names present on the page.
    pub names: Vec<String>,
}

/// Score of a route match per point of specificity.
pub const ROUTE_WEIGHT: u32 = 10;
/// Score of each of the topic's context names present on the page.
pub const NAME_WEIGHT: u32 = 50;
/// Score of the next step's anchors, all visible (a hidden one counts half).
pub const NEXT_STEP_WEIGHT: u32 = 40;
/// Score of each of the two steps after it, all anchors visible.
pub const LATER_STEP_WEIGHT: u32 = 10;

/// The share of a step's anchors on the page, in halves: visible 2, hidden 1, of 2 each.
fn anchor_score(keys: &[String], anchor: &dyn Fn(&str) -> AnchorState, weight: u32) -> u32 {
    if keys.is_empty() {
        return 0;
    }
    let points: u32 = keys
        .iter()
        .map(|k| match anchor(k) {
            AnchorState::Visible => 2,
            AnchorState::Hidden => 1,
            AnchorState::Absent => 0,
        })
        .sum();
    weight * points / (2 * keys.len() as u32)
}

/// The topics that apply to the page, best first, at most `limit`.
///
/// A topic applies when one of its route patterns matches the location or one of its
/// context names is on the page. Its score adds: the best matching pattern's
/// specificity × [`ROUTE_WEIGHT`] (a literal segment 4, a parameter 2, …), then
/// [`NAME_WEIGHT`] per context name present, then the anchors: the next step's
/// (visible ones in full, hidden ones half) up to [`NEXT_STEP_WEIGHT`], the two steps
/// after it up to [`LATER_STEP_WEIGHT`] each. Ties go to the title's order. Entries may
/// repeat a topic (several shards): it is scored once.
pub fn rank(entries: &[ContextEntry], page: &PageSignals, limit: usize) -> Vec<Suggestion> {
    let mut out: Vec<Suggestion> = Vec::new();
    for entry in entries {
        if out.iter().any(|s| s.slug == entry.slug) {
            continue;
        }
        let mut best: Option<(u32, &str)> = None;
        for source in &entry.routes {
            let Ok(pattern) = parse_pattern(source) else {
                continue;
            };
            if let Some(m) = pattern.matches(&page.location) {
                if best.is_none_or(|(s, _)| m.specificity > s) {
                    best = Some((m.specificity, source));
                }
            }
        }
        let names: Vec<String> = entry
            .contexts
            .iter()
            .filter(|n| page.names.contains(n))
            .cloned()
            .collect();
        if best.is_none() && names.is_empty() {
            continue;
        }
        let mut score =
            best.map_or(0, |(s, _)| s * ROUTE_WEIGHT) + NAME_WEIGHT * names.len() as u32;
        let next = (page.next_step)(&entry.slug);
        let step = |i: usize| entry.anchors.get(i).map(Vec::as_slice).unwrap_or_default();
        score += anchor_score(step(next), page.anchor, NEXT_STEP_WEIGHT);
        score += anchor_score(step(next + 1), page.anchor, LATER_STEP_WEIGHT);
        score += anchor_score(step(next + 2), page.anchor, LATER_STEP_WEIGHT);
        out.push(Suggestion {
            slug: entry.slug.clone(),
            title: entry.title.clone(),
            lang: entry.lang.clone(),
            score,
            route: best.map(|(_, s)| s.to_string()),
            names,
        });
    }
    // Slugs are unique here (repeats skipped above), so the order is total. Each title
    // folded once.
    let folded: Vec<String> = out.iter().map(|s| super::search::fold(&s.title)).collect();
    let order = super::sorted_order(out.len(), &|a, b| {
        out[b]
            .score
            .cmp(&out[a].score)
            .then_with(|| folded[a].cmp(&folded[b]))
            .then_with(|| out[a].slug.cmp(&out[b].slug))
    });
    super::reorder(out, &order, limit)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(hash: &'static str) -> Location<'static> {
        Location { path: "/", hash }
    }

    fn spec(pattern: &str, location: Location) -> Option<u32> {
        parse_pattern(pattern)
            .unwrap()
            .matches(&location)
            .map(|m| m.specificity)
    }

    #[test]
    fn patterns_match_params_wildcards_hash_and_path_routes() {
        let account = at("#/customers/c1/account");
        assert_eq!(spec("#/customers/:id/account", account), Some(11));
        assert_eq!(spec("#/customers/*/account", account), Some(10));
        assert_eq!(spec("#/customers/*", account), Some(4));
        assert_eq!(spec("#/*", account), Some(0));
        assert_eq!(spec("#/customers/:id", account), None);
        assert_eq!(spec("#/customers/:id/account/edit", account), None);
        assert_eq!(spec("#/Customers/:id/ACCOUNT", account), Some(11));
        // A trailing `*` also matches nothing more; a trailing slash is ignored.
        assert_eq!(spec("#/customers/*", at("#/customers")), Some(4));
        assert_eq!(spec("#/customers", at("#/customers/")), Some(5));
        assert_eq!(spec("#/", at("#/")), Some(1));
        assert_eq!(spec("#/", at("")), None);
        // `#!/` routes and query strings.
        assert_eq!(spec("#/customers", at("#!/customers?sort=name")), Some(5));
        // Path routes ignore the hash and vice versa.
        let path = Location {
            path: "/app/customers/42",
            hash: "",
        };
        assert_eq!(spec("/app/customers/:id", path), Some(11));
        assert_eq!(spec("#/app/customers/:id", path), None);
        assert_eq!(spec("/customers/*", path), None);
        let m = parse_pattern("/app/:section/:id")
            .unwrap()
            .matches(&path)
            .unwrap();
        assert_eq!(
            m.params,
            [
                ("section".to_string(), "customers".to_string()),
                ("id".to_string(), "42".to_string())
            ]
        );
    }

    #[test]
    fn invalid_patterns_say_why() {
        for (bad, why) in [
            ("customers", "starts with"),
            ("#customers", "starts with"),
            ("/customers//x", "empty segment"),
            ("/customers/cust*", "whole segment"),
            ("/customers/**", "whole segment"),
            ("/customers/:", "parameter"),
            ("/customers/:a-b", "parameter"),
            ("/x/:id/y/:id", "twice"),
            ("/x y", "not allowed"),
            ("/x?y=1", "not allowed"),
            ("#/x#y", "not allowed"),
        ] {
            let e = parse_pattern(bad).unwrap_err();
            assert!(e.contains(why), "{bad}: {e}");
        }
        assert!(parse_pattern(&format!("/{}", "a/".repeat(40))).is_err());
        assert!(parse_pattern(&format!("/{}", "a".repeat(600))).is_err());
    }

    #[test]
    fn keys_of_patterns_and_pages_meet_in_the_same_buckets() {
        let key = |p: &str| parse_pattern(p).unwrap().key();
        assert_eq!(key("#/Customers/:id"), "#customers");
        assert_eq!(key("#/:section"), "#");
        assert_eq!(key("#/"), "#");
        assert_eq!(key("/customers/*"), "/customers");
        let page = at("#/customers/c1/account");
        let names = vec!["customer-account".to_string(), "Bad Name".to_string()];
        let keys = page_keys(&page, &names);
        assert_eq!(keys, ["#customers", "#", "/", "@customer-account"]);
        for buckets in [1, 8, 1024] {
            let shards = page_shards(&page, &names, buckets);
            for pattern in ["#/customers/:id/account", "#/:any/*", "/"] {
                assert!(
                    shards.contains(&bucket(&key(pattern), buckets)),
                    "{pattern}"
                );
            }
            assert!(shards.contains(&bucket(&name_key("customer-account"), buckets)));
        }
        assert_eq!(
            context_shard_path("de-DE", 255),
            "center/contexts/de-DE/ff.json"
        );
    }

    fn entry(slug: &str, routes: &[&str], contexts: &[&str], anchors: &[&[&str]]) -> ContextEntry {
        ContextEntry {
            slug: slug.into(),
            title: slug.into(),
            lang: None,
            steps: anchors.len(),
            routes: routes.iter().map(|s| s.to_string()).collect(),
            contexts: contexts.iter().map(|s| s.to_string()).collect(),
            anchors: anchors
                .iter()
                .map(|a| a.iter().map(|s| s.to_string()).collect())
                .collect(),
        }
    }

    fn ranked(
        entries: &[ContextEntry],
        hash: &str,
        names: &[&str],
        visible: &[&str],
    ) -> Vec<String> {
        let names: Vec<String> = names.iter().map(|s| s.to_string()).collect();
        let anchor = |k: &str| {
            if visible.contains(&k) {
                AnchorState::Visible
            } else {
                AnchorState::Absent
            }
        };
        let page = PageSignals {
            location: Location { path: "/", hash },
            names: &names,
            anchor: &anchor,
            next_step: &|_| 0,
        };
        rank(entries, &page, 10)
            .into_iter()
            .map(|s| s.slug)
            .collect()
    }

    #[test]
    fn rank_prefers_specific_routes_then_names_then_anchors() {
        let entries = [
            entry(
                "list",
                &["#/customers"],
                &["customer-list"],
                &[&["customers"]],
            ),
            entry("any-customer", &["#/customers/*"], &[], &[&["customers"]]),
            entry(
                "account",
                &["#/customers/:id/account"],
                &["customer-account"],
                &[&["update"]],
            ),
            entry("perms", &[], &["customer-permissions"], &[&["on"]]),
            entry("billing", &["#/billing"], &[], &[&[]]),
        ];
        assert_eq!(
            ranked(
                &entries,
                "#/customers/c1/account",
                &["customer-account", "customer-permissions"],
                &[]
            ),
            ["account", "perms", "any-customer"]
        );
        assert_eq!(
            ranked(&entries, "#/customers", &["customer-list"], &[]),
            ["list", "any-customer"]
        );
        assert!(ranked(&entries, "#/support", &[], &["customers"]).is_empty());
        // Same route and names: the topic whose next step's anchors are visible comes first.
        let twins = [
            entry("a", &["#/x"], &[], &[&["missing"], &["here"]]),
            entry("b", &["#/x"], &[], &[&["here", "missing"], &[]]),
        ];
        assert_eq!(ranked(&twins, "#/x", &[], &["here"]), ["b", "a"]);
        // A repeated entry (from two shards) is one suggestion.
        let repeated = [entries[0].clone(), entries[0].clone()];
        assert_eq!(ranked(&repeated, "#/customers", &[], &[]), ["list"]);
    }

    #[test]
    fn the_next_step_of_a_topic_in_progress_weighs_most() {
        let entries = [
            entry("a", &["#/x"], &[], &[&["first"], &["second"], &["second"]]),
            entry("b", &["#/x"], &[], &[&["second"], &["first"], &[]]),
        ];
        let names: Vec<String> = Vec::new();
        let anchor = |k: &str| {
            if k == "second" {
                AnchorState::Visible
            } else if k == "first" {
                AnchorState::Hidden
            } else {
                AnchorState::Absent
            }
        };
        let fresh = |_: &str| 0;
        let page = PageSignals {
            location: Location {
                path: "/",
                hash: "#/x",
            },
            names: &names,
            anchor: &anchor,
            next_step: &fresh,
        };
        let scores: Vec<(String, u32)> = rank(&entries, &page, 5)
            .into_iter()
            .map(|s| (s.slug, s.score))
            .collect();
        // b: 50 route + 40 next (visible) + 5 later (hidden); a: 50 + 20 (hidden) + 10 + 10.
        assert_eq!(scores, [("b".to_string(), 95), ("a".to_string(), 90)]);
        // With `a` at step 2 (index 1), its next step's anchor is visible.
        let in_progress = |slug: &str| usize::from(slug == "a");
        let page = PageSignals {
            next_step: &in_progress,
            ..page
        };
        // a: 50 + 40 + 10.
        assert_eq!(rank(&entries, &page, 5)[0].slug, "a");
        assert_eq!(rank(&entries, &page, 5)[0].score, 100);
    }

    #[test]
    fn shards_round_trip() {
        let json = r##"{"v":1,"topics":[{"slug":"update-customer-account-info","title":"Kundenkonto","steps":3,"routes":["#/customers/:id/account"],"contexts":["customer-account"],"anchors":[["partner-center","customers"],["account","update"],["submit"]]},{"slug":"x","title":"X","lang":"en-US","steps":1,"routes":[],"contexts":["x"],"anchors":[[]]}]}"##;
        let entries = parse_context_shard(json).unwrap();
        assert_eq!(entries.len(), 2);
        assert_eq!(entries[0].anchors[1], ["account", "update"]);
        assert_eq!(entries[1].lang.as_deref(), Some("en-US"));
        assert!(
            parse_context_shard(&json.replace("\"x\",\"title\"", "\"../x\",\"title\"")).is_err()
        );
        assert!(parse_context_shard(&json.replace("\"steps\":1", "\"steps\":-1")).is_err());
        assert!(parse_context_shard("{\"v\":1}").is_err());
    }
}
