//! Search: tokens, folding, the sharded index's reader and the query.
//!
//! The heavy work is done when the index is written: every token in an index is already
//! folded, so the widget folds only the query, with the same small function ([`fold`]):
//! lower case and a table of the diacritics and letter variants of the corpus's scripts,
//! no Unicode normalization tables. Words are runs of letters, digits and marks (Latin,
//! Cyrillic, Greek, Arabic, Hebrew and any other script that separates words); runs of
//! CJK ideographs, kana and Hangul, which need not, are cut into overlapping character
//! bigrams.

use super::{bucket, data_error, get_arr, read_json, DataError};
use crate::content::Json;

/// Where a query's token was found in a topic, best first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    /// The title (localized or English).
    Title,
    /// A bold UI term of a step (localized or English).
    UiTerm,
    /// A heading or a step's text.
    Body,
}

impl Field {
    /// The code of a posting (`doc * 4 + code`).
    pub fn code(self) -> u32 {
        match self {
            Field::Title => 0,
            Field::UiTerm => 1,
            Field::Body => 2,
        }
    }

    pub fn from_code(code: u32) -> Option<Field> {
        match code {
            0 => Some(Field::Title),
            1 => Some(Field::UiTerm),
            2 => Some(Field::Body),
            _ => None,
        }
    }

    /// The score of a token found in this field (exact match).
    pub fn weight(self) -> u32 {
        match self {
            Field::Title => 100,
            Field::UiTerm => 40,
            Field::Body => 10,
        }
    }
}

/// A token of a text: folded, with its byte range in the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    pub text: String,
    pub start: usize,
    pub end: usize,
}

/// Whether a character belongs to a script written without spaces between words (CJK
/// ideographs, kana, Hangul): such runs are cut into bigrams.
pub fn is_bigram_char(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x11FF      // Hangul Jamo
        | 0x3005             // 々
        | 0x3040..=0x309F    // Hiragana
        | 0x30A0..=0x30FA    // Katakana (not the middle dot U+30FB)
        | 0x30FC..=0x30FF    // ー and the rest of Katakana
        | 0x3130..=0x318F    // Hangul compatibility Jamo
        | 0x31F0..=0x31FF    // Katakana phonetic extensions
        | 0x3400..=0x4DBF    // CJK extension A
        | 0x4E00..=0x9FFF    // CJK unified ideographs
        | 0xAC00..=0xD7AF    // Hangul syllables
        | 0xF900..=0xFAFF    // CJK compatibility ideographs
        | 0xFF66..=0xFF9F    // half-width Katakana
        | 0x20000..=0x2FA1F) // CJK extensions B-F, compatibility supplement
}

/// Combining marks that belong to the word they are in, and that folding drops
/// (Latin and Cyrillic combining marks, Hebrew points, Arabic harakat, kana voicing marks).
fn is_mark(c: char) -> bool {
    matches!(c as u32,
        0x0300..=0x036F
        | 0x0483..=0x0489
        | 0x0591..=0x05BD
        | 0x05BF
        | 0x05C1..=0x05C2
        | 0x05C4..=0x05C5
        | 0x05C7
        | 0x0610..=0x061A
        | 0x064B..=0x065F
        | 0x0670
        | 0x06D6..=0x06DC
        | 0x06DF..=0x06E4
        | 0x06E7..=0x06E8
        | 0x06EA..=0x06ED
        | 0x200C..=0x200D    // zero-width (non-)joiners inside words
        | 0x3099..=0x309A
        | 0xFE20..=0xFE2F)
}

fn is_word_char(c: char) -> bool {
    crate::text::is_alphanumeric(c) || is_mark(c)
}

/// Base letters of U+0100..U+017F (Latin Extended-A), by code point.
const LATIN_EXTENDED_A: &[u8; 128] = b"aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkkkllllllllllnnnnnnnnnoooooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";

/// Base letters of U+00E0..U+00FF (lower-case Latin-1), `*` where it needs more than
/// one letter or is no letter.
const LATIN_1: &[u8; 32] = b"aaaaaa*ceeeeiiiidnooooo*ouuuuy*y";

/// Folds one character (already lower case) into `out`: the diacritic-free letter, or
/// nothing for a mark.
fn fold_char(c: char, out: &mut String) {
    let code = c as u32;
    match code {
        0x00DF => out.push_str("ss"),
        0x00E6 => out.push_str("ae"),
        0x00FE => out.push_str("th"),
        0x0153 => out.push_str("oe"),
        0x0133 => out.push_str("ij"),
        0x00E0..=0x00FF if LATIN_1[(code - 0xE0) as usize] != b'*' => {
            out.push(LATIN_1[(code - 0xE0) as usize] as char)
        }
        0x0100..=0x017F => out.push(LATIN_EXTENDED_A[(code - 0x100) as usize] as char),
        0x0219 => out.push('s'),
        0x021B => out.push('t'),
        // Greek: accents (tonos, dialytika) and the final sigma.
        0x03AC => out.push('α'),
        0x03AD => out.push('ε'),
        0x03AE => out.push('η'),
        0x03AF | 0x0390 | 0x03CA => out.push('ι'),
        0x03CC => out.push('ο'),
        0x03CD | 0x03B0 | 0x03CB => out.push('υ'),
        0x03CE => out.push('ω'),
        0x03C2 => out.push('σ'),
        // Cyrillic ё.
        0x0451 => out.push('е'),
        // Arabic: hamza and madda forms of alef, alef maqsura, teh marbuta, tatweel, digits.
        0x0622 | 0x0623 | 0x0625 | 0x0671 => out.push('ا'),
        0x0624 => out.push('و'),
        0x0626 | 0x0649 => out.push('ي'),
        0x0629 => out.push('ه'),
        0x0640 => {}
        0x0660..=0x0669 => out.push(char::from(b'0' + (code - 0x0660) as u8)),
        0x06F0..=0x06F9 => out.push(char::from(b'0' + (code - 0x06F0) as u8)),
        _ if is_mark(c) => {}
        _ => out.push(c),
    }
}

/// Folds text for matching: lower case, without diacritics (see the module's notes).
///
/// # Examples
///
/// ```
/// use helpmark::help::search::fold;
/// assert_eq!(fold("Kónto"), "konto");
/// assert_eq!(fold("Straße"), "strasse");
/// assert_eq!(fold("ЁЛКА"), "елка");
/// assert_eq!(fold("Ａｚｕｒｅ"), "azure");
/// ```
pub fn fold(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    // Lower case first, with the JavaScript engine's tables in the WebAssembly (see
    // `crate::text`): the same mapping as char by char, but for a word-final `ς`, which
    // folds to `σ` all the same. Full-width capitals become full-width small letters,
    // which then become ASCII.
    let lower = crate::text::lowercase(text);
    let mut out = String::with_capacity(lower.len());
    for c in lower.chars() {
        match c as u32 {
            0xFF01..=0xFF5E => {
                let c = char::from_u32(c as u32 - 0xFEE0).unwrap_or(c);
                out.push(c.to_ascii_lowercase());
            }
            0..=0x7F => out.push(c),
            _ => fold_char(c, &mut out),
        }
    }
    out
}

/// The tokens of a text, folded, with their byte ranges: words, and the bigrams of CJK,
/// kana and Hangul runs (a run of one character is itself a token).
///
/// # Examples
///
/// ```
/// use helpmark::help::search::tokenize;
/// let words: Vec<String> = tokenize("Update the customer's Kónto").into_iter().map(|t| t.text).collect();
/// assert_eq!(words, ["update", "the", "customer", "s", "konto"]);
/// let bigrams: Vec<String> = tokenize("更新客户").into_iter().map(|t| t.text).collect();
/// assert_eq!(bigrams, ["更新", "新客", "客户"]);
/// ```
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some(&(start, c)) = chars.peek() {
        if is_bigram_char(c) {
            let mut run: Vec<(usize, char)> = Vec::new();
            while let Some(&(i, c)) = chars.peek() {
                if !is_bigram_char(c) {
                    break;
                }
                run.push((i, c));
                chars.next();
            }
            let end_of = |k: usize| run[k].0 + run[k].1.len_utf8();
            if run.len() == 1 {
                tokens.push(Token {
                    text: fold(&text[start..end_of(0)]),
                    start,
                    end: end_of(0),
                });
            }
            for k in 1..run.len() {
                tokens.push(Token {
                    text: fold(&text[run[k - 1].0..end_of(k)]),
                    start: run[k - 1].0,
                    end: end_of(k),
                });
            }
        } else if is_word_char(c) {
            let mut end = start;
            while let Some(&(i, c)) = chars.peek() {
                if !is_word_char(c) || is_bigram_char(c) {
                    break;
                }
                end = i + c.len_utf8();
                chars.next();
            }
            let folded = fold(&text[start..end]);
            if !folded.is_empty() {
                tokens.push(Token {
                    text: folded,
                    start,
                    end,
                });
            }
        } else {
            chars.next();
        }
    }
    tokens
}

/// The shard key of a folded token: its first character when that is CJK, kana or
/// Hangul, else its first two characters (the whole token when shorter).
pub fn shard_key(token: &str) -> &str {
    let mut ends = token.char_indices().map(|(i, c)| i + c.len_utf8());
    match token.chars().next() {
        None => "",
        Some(c) if is_bigram_char(c) => &token[..c.len_utf8()],
        Some(_) => {
            ends.next();
            match ends.next() {
                Some(end) => &token[..end],
                None => token,
            }
        }
    }
}

/// `center/search/<locale>/<bucket>.json`.
pub fn search_shard_path(locale: &str, bucket: u32) -> String {
    format!("center/search/{locale}/{bucket:x}.json")
}

/// A query, as the index reads it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Query {
    /// Folded tokens, without repeats, in order.
    pub tokens: Vec<String>,
    /// Whether the last token also matches as a prefix (the user is still typing it).
    pub prefix_last: bool,
}

/// Reads what the user typed: its tokens, and whether the last one is still being typed
/// (the text ends in a letter, digit or mark, and the token may grow: a Latin token of
/// two characters or more, or a lone CJK character).
pub fn parse_query(text: &str) -> Query {
    let mut tokens: Vec<String> = Vec::new();
    for token in tokenize(text) {
        tokens.retain(|t| *t != token.text);
        tokens.push(token.text);
    }
    let typing = text.chars().last().is_some_and(is_word_char);
    let prefix_last = typing
        && tokens.last().is_some_and(|t| {
            let mut chars = t.chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) => is_bigram_char(c),
                (Some(c), Some(_)) => !is_bigram_char(c),
                _ => false,
            }
        });
    Query {
        tokens,
        prefix_last,
    }
}

/// One shard of a locale's search index.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SearchShard {
    /// `(slug, title, lang)` of the topics its postings name.
    pub docs: Vec<(String, String, Option<String>)>,
    /// `(token, postings)`, sorted by token; a posting is `doc * 4 + field code`.
    pub terms: Vec<(String, Vec<u32>)>,
}

/// Reads a shard of the search index.
pub fn parse_search_shard(json: &str) -> Result<SearchShard, DataError> {
    let value = read_json(json, "v")?;
    let mut docs = Vec::new();
    for doc in get_arr(&value, "docs")? {
        let fields = doc.arr().unwrap_or_default();
        let text = |i: usize| fields.get(i).and_then(Json::str).map(str::to_string);
        match (text(0), text(1), fields.len()) {
            (Some(slug), Some(title), 2) => docs.push((slug, title, None)),
            (Some(slug), Some(title), 3) => {
                let lang = text(2).filter(|l| super::is_tag(l));
                docs.push((
                    slug,
                    title,
                    Some(lang.ok_or_else(|| data_error("docs: bad lang"))?),
                ))
            }
            _ => return Err(data_error("docs: not [slug, title(, lang)]")),
        }
    }
    let mut terms: Vec<(String, Vec<u32>)> = Vec::new();
    for term in get_arr(&value, "terms")? {
        let (Some(Json::Str(token)), Some(Json::Arr(postings)), 2) = (
            term.arr().and_then(|t| t.first()),
            term.arr().and_then(|t| t.get(1)),
            term.arr().map_or(0, <[Json]>::len),
        ) else {
            return Err(data_error("terms: not [token, postings]"));
        };
        let mut list = Vec::with_capacity(postings.len());
        for p in postings {
            let p = p
                .int()
                .and_then(|p| u32::try_from(p).ok())
                .filter(|p| (*p as usize / 4) < docs.len() && Field::from_code(p % 4).is_some())
                .ok_or_else(|| data_error(format!("terms: bad posting for `{token}`")))?;
            list.push(p);
        }
        if terms
            .last()
            .is_some_and(|(last, _)| last.as_str() >= token.as_str())
        {
            return Err(data_error("terms: not sorted"));
        }
        terms.push((token.clone(), list));
    }
    Ok(SearchShard { docs, terms })
}

/// A search result.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    pub slug: String,
    /// The title in the index's locale, else English.
    pub title: String,
    /// The title's locale when it is not the index's (`en-US`).
    pub lang: Option<String>,
    /// The best field any of the query's tokens was found in.
    pub field: Field,
    pub score: u32,
    /// Byte ranges of `title` to mark (the words that match the query), sorted, disjoint.
    pub marks: Vec<(usize, usize)>,
}

/// A topic's match so far in [`SearchIndex::query`]: score, best field, tokens matched,
/// title, language.
type Found<'a> = (u32, Field, usize, &'a str, Option<&'a str>);
/// A topic's best match for one token: score, field, title, language.
type Best<'a> = (u32, Field, &'a str, Option<&'a str>);

/// A locale's search index, as far as its shards have been fetched.
#[derive(Clone, Debug, Default)]
pub struct SearchIndex {
    buckets: u32,
    /// `(bucket, shard)`, one per bucket (a Vec: no map code in the WebAssembly).
    shards: Vec<(u32, SearchShard)>,
}

impl SearchIndex {
    /// An empty index of `buckets` shards (`search_shards` of `center/index.json`).
    pub fn new(buckets: u32) -> SearchIndex {
        SearchIndex {
            buckets: buckets.max(1),
            shards: Vec::new(),
        }
    }

    /// The buckets a query needs, sorted, without repeats.
    pub fn shards_for(&self, query: &str) -> Vec<u32> {
        let mut out = Vec::new();
        for token in parse_query(query).tokens {
            super::add_bucket(&mut out, bucket(shard_key(&token), self.buckets));
        }
        out
    }

    /// The buckets a query needs that are not loaded yet.
    pub fn missing(&self, query: &str) -> Vec<u32> {
        self.shards_for(query)
            .into_iter()
            .filter(|b| self.shard(*b).is_none())
            .collect()
    }

    /// Adds a fetched shard.
    pub fn insert(&mut self, bucket: u32, json: &str) -> Result<(), DataError> {
        if bucket >= self.buckets {
            return Err(data_error(format!("bucket {bucket} out of range")));
        }
        let shard = parse_search_shard(json)?;
        self.insert_shard(bucket, shard);
        Ok(())
    }

    fn shard(&self, bucket: u32) -> Option<&SearchShard> {
        self.shards
            .iter()
            .find(|(b, _)| *b == bucket)
            .map(|(_, s)| s)
    }

    /// Adds a shard already read (index writers and tests).
    pub fn insert_shard(&mut self, bucket: u32, shard: SearchShard) {
        self.shards.retain(|(b, _)| *b != bucket);
        self.shards.push((bucket, shard));
    }

    /// The topics that match every token of `query` (the last one also as a prefix while
    /// typing), best first: title 100, UI term 40, body 10 per token (three quarters for
    /// a prefix match), summed; ties by title. Tokens whose shard is not loaded match
    /// nothing (load [`SearchIndex::missing`] first).
    pub fn query(&self, query: &str, limit: usize) -> Vec<Hit> {
        let parsed = parse_query(query);
        if parsed.tokens.is_empty() || limit == 0 {
            return Vec::new();
        }
        // slug -> (score, best field, tokens matched, title, lang)
        // (A Vec, not a map: a few hundred topics at most, and no map code in the WebAssembly.)
        let mut found: Vec<(&str, Found)> = Vec::new();
        let last = parsed.tokens.len() - 1;
        for (i, token) in parsed.tokens.iter().enumerate() {
            let prefix = i == last && parsed.prefix_last;
            let Some(shard) = self.shard(bucket(shard_key(token), self.buckets)) else {
                return Vec::new();
            };
            // This token's best (score, field) per topic.
            let mut best: Vec<(&str, Best)> = Vec::new();
            let from = shard
                .terms
                .partition_point(|(t, _)| t.as_str() < token.as_str());
            for (term, postings) in &shard.terms[from..] {
                let exact = term == token;
                if !(exact || prefix && term.starts_with(token.as_str())) {
                    break;
                }
                for &p in postings {
                    let (slug, title, lang) = &shard.docs[(p / 4) as usize];
                    let field = Field::from_code(p % 4).unwrap_or(Field::Body);
                    let mut score = field.weight();
                    if !exact {
                        score -= score / 4;
                    }
                    let entry = match best.iter().position(|(s, _)| s == slug) {
                        Some(k) => &mut best[k].1,
                        None => {
                            best.push((slug, (0, field, title, lang.as_deref())));
                            &mut best.last_mut().expect("just pushed").1
                        }
                    };
                    if score > entry.0 {
                        entry.0 = score;
                    }
                    entry.1 = entry.1.min(field);
                }
            }
            for (slug, (score, field, title, lang)) in best {
                let entry = match found.iter().position(|(s, _)| *s == slug) {
                    Some(k) => &mut found[k].1,
                    None => {
                        found.push((slug, (0, field, 0, title, lang)));
                        &mut found.last_mut().expect("just pushed").1
                    }
                };
                entry.0 += score;
                entry.1 = entry.1.min(field);
                entry.2 += 1;
            }
        }
        let hits: Vec<Hit> = found
            .into_iter()
            .filter(|(_, (_, _, matched, _, _))| *matched == parsed.tokens.len())
            .map(|(slug, (score, field, _, title, lang))| Hit {
                slug: slug.to_string(),
                title: title.to_string(),
                lang: lang.map(str::to_string),
                field,
                score,
                marks: Vec::new(),
            })
            .collect();
        // Each title folded once (not per comparison: a common word has hundreds of hits).
        let folded: Vec<String> = hits.iter().map(|h| fold(&h.title)).collect();
        let order = super::sorted_order(hits.len(), &|a, b| {
            (hits[b].score, hits[a].field, &folded[a], &hits[a].slug).cmp(&(
                hits[a].score,
                hits[b].field,
                &folded[b],
                &hits[b].slug,
            ))
        });
        let mut hits = super::reorder(hits, &order, limit);
        for hit in &mut hits {
            hit.marks = marks(&hit.title, &parsed);
        }
        hits
    }
}

/// The byte ranges of `text` whose tokens match the query, merged where they touch.
///
/// # Examples
///
/// ```
/// use helpmark::help::search::{marks, parse_query};
/// let text = "Kundenkonto aktualisieren";
/// assert_eq!(marks(text, &parse_query("aktu")), [(12, 25)]);
/// assert_eq!(marks("更新客户帐户", &parse_query("客户")), [(6, 12)]);
/// ```
pub fn marks(text: &str, query: &Query) -> Vec<(usize, usize)> {
    let last = query.tokens.len().saturating_sub(1);
    let mut out: Vec<(usize, usize)> = Vec::new();
    for token in tokenize(text) {
        let hit = query.tokens.iter().enumerate().any(|(i, q)| {
            token.text == *q
                || (i == last && query.prefix_last && token.text.starts_with(q.as_str()))
        });
        if !hit {
            continue;
        }
        match out.last_mut() {
            Some(previous) if token.start <= previous.1 => previous.1 = previous.1.max(token.end),
            _ => out.push((token.start, token.end)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        tokenize(text).into_iter().map(|t| t.text).collect()
    }

    #[test]
    fn folding_removes_case_and_diacritics() {
        assert_eq!(fold("Konto"), fold("kónto"));
        assert_eq!(fold("KÓNTO"), "konto");
        assert_eq!(fold("Ärger Öl Über"), "arger ol uber");
        assert_eq!(fold("façade naïve œuvre"), "facade naive oeuvre");
        assert_eq!(fold("Łódź Ščřž"), "lodz scrz");
        // Decomposed input: the combining marks go.
        assert_eq!(fold("Ko\u{301}nto"), "konto");
        assert_eq!(fold("Ελληνικά ΆΈΉ"), "ελληνικα αεη");
        assert_eq!(fold("λόγος"), "λογοσ");
        assert_eq!(fold("Учётная"), "учетная");
        assert_eq!(fold("ＡＢＣ１２３"), "abc123");
        // A word-final capital sigma (ς when the whole text is lowered) folds to σ too.
        assert_eq!(fold("ΟΔΟΣ ΣΑΣ"), "οδοσ σασ");
        let tokens: Vec<String> = tokenize("Kónto ЁЛКА Ａｚｕｒｅ ΟΔΟΣ 更新客户")
            .into_iter()
            .map(|t| t.text)
            .collect();
        assert_eq!(
            tokens,
            ["konto", "елка", "azure", "οδοσ", "更新", "新客", "客户"]
        );
    }

    #[test]
    fn arabic_and_hebrew_fold_their_points_and_letter_forms() {
        // Harakat dropped, hamza forms of alef folded.
        assert_eq!(fold("العَمِيل"), "العميل");
        assert_eq!(fold("أحمد"), fold("احمد"));
        assert_eq!(fold("مكتبة"), "مكتبه");
        assert_eq!(fold("٣٤"), "34");
        // Hebrew niqqud dropped.
        assert_eq!(fold("שָׁלוֹם"), "שלום");
    }

    #[test]
    fn words_split_at_spaces_and_punctuation_in_every_script() {
        assert_eq!(
            words("Select **Update**, then Submit."),
            ["select", "update", "then", "submit"]
        );
        assert_eq!(
            words("Обновите сведения о клиенте"),
            ["обновите", "сведения", "о", "клиенте"]
        );
        assert_eq!(words("Ενημέρωση πελάτη"), ["ενημερωση", "πελατη"]);
        assert_eq!(
            words("تحديث معلومات حساب العميل"),
            ["تحديث", "معلومات", "حساب", "العميل"]
        );
        assert_eq!(words("הגדרות פרויקט"), ["הגדרות", "פרויקט"]);
        // Maqaf separates; niqqud stays within the word (and folds away).
        assert_eq!(words("בֵּית־סֵפֶר"), ["בית", "ספר"]);
    }

    #[test]
    fn cjk_kana_and_hangul_runs_become_bigrams() {
        assert_eq!(words("客户帐户"), ["客户", "户帐", "帐户"]);
        assert_eq!(words("アカウント"), ["アカ", "カウ", "ウン", "ント"]);
        assert_eq!(words("고객 계정"), ["고객", "계정"]);
        assert_eq!(words("Azure订阅"), ["azure", "订阅"]);
        assert_eq!(words("新"), ["新"]);
        // Byte ranges point into the input.
        let text = "从“客户”";
        let t = &tokenize(text)[0];
        assert_eq!((&text[t.start..t.end], t.text.as_str()), ("从", "从"));
    }

    #[test]
    fn the_last_token_is_a_prefix_while_typing() {
        assert_eq!(
            parse_query("update kun"),
            Query {
                tokens: vec!["update".into(), "kun".into()],
                prefix_last: true
            }
        );
        assert!(!parse_query("update kunden ").prefix_last);
        assert!(
            !parse_query("a").prefix_last,
            "one Latin letter is too short"
        );
        assert!(parse_query("客").prefix_last);
        assert!(!parse_query("客户").prefix_last, "a bigram is whole");
        assert_eq!(parse_query("the the The").tokens, ["the"]);
    }

    #[test]
    fn shard_keys() {
        assert_eq!(shard_key("kunden"), "ku");
        assert_eq!(shard_key("k"), "k");
        assert_eq!(shard_key("客户"), "客");
        assert_eq!(shard_key("überblick"), "üb");
        assert_eq!(shard_key(""), "");
    }

    fn shard() -> SearchShard {
        SearchShard {
            docs: vec![
                (
                    "update-account".into(),
                    "Kundenkonto aktualisieren".into(),
                    None,
                ),
                (
                    "find".into(),
                    "Find a customer".into(),
                    Some("en-US".into()),
                ),
            ],
            terms: vec![
                ("aktualisieren".into(), vec![0]),
                ("konto".into(), vec![2 + 4, 1]),
                ("kunden".into(), vec![2, 6]),
                ("kundenkonto".into(), vec![0]),
            ],
        }
    }

    fn index(shard: SearchShard) -> SearchIndex {
        let mut index = SearchIndex::new(1);
        index.insert_shard(0, shard);
        index
    }

    #[test]
    fn query_ranks_title_over_ui_term_over_body_and_marks_words() {
        let index = index(shard());
        let hits = index.query("konto", 10);
        assert_eq!(hits.len(), 2);
        assert_eq!(
            (hits[0].slug.as_str(), hits[0].field),
            ("update-account", Field::UiTerm)
        );
        assert_eq!(
            (hits[1].slug.as_str(), hits[1].field),
            ("find", Field::Body)
        );
        // Prefix: "kund" finds kunden and kundenkonto; the title word is marked.
        let hits = index.query("kund", 10);
        assert_eq!(hits[0].slug, "update-account");
        assert_eq!(hits[0].field, Field::Title);
        assert_eq!(hits[0].marks, [(0, "Kundenkonto".len())]);
        assert_eq!(hits[0].score, 75);
        // A finished word is no prefix.
        assert!(index.query("kund ", 10).is_empty());
        // Every token must match.
        assert_eq!(index.query("kunden aktualisieren", 10).len(), 1);
        assert!(index.query("kunden nichts", 10).is_empty());
        assert_eq!(index.query("konto", 1).len(), 1);
    }

    #[test]
    fn shards_round_trip_through_json_and_bad_shards_are_refused() {
        let json = r#"{"v":1,"docs":[["update-account","Kundenkonto aktualisieren"],["find","Find a customer","en-US"]],"terms":[["aktualisieren",[0]],["konto",[6,1]],["kunden",[2,6]],["kundenkonto",[0]]]}"#;
        assert_eq!(parse_search_shard(json).unwrap(), shard());
        let mut index = SearchIndex::new(4);
        assert!(index.insert(4, json).is_err(), "bucket out of range");
        assert_eq!(index.missing("kunden"), index.shards_for("kunden"));
        let b = index.shards_for("kunden")[0];
        index.insert(b, json).unwrap();
        assert!(index.missing("kunden").is_empty());
        for bad in [
            json.replace("[6,1]", "[9]"),        // doc 2 does not exist
            json.replace("[6,1]", "[7]"),        // field 3
            json.replace("\"konto\"", "\"zz\""), // unsorted
            json.replace("\"v\":1", "\"v\":9"),  // version
            json.replace("[\"find\",\"Find a customer\",\"en-US\"]", "[\"find\"]"),
        ] {
            assert!(parse_search_shard(&bad).is_err(), "{bad}");
        }
    }
}
