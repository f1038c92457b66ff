//! The compiled form of a topic: the parsed model as compact JSON, written by
//! `helpmark index` next to each article (`<topic>.json`) and read by the widget, so that
//! end users download neither a Markdown parser nor its tables.
//!
//! [`encode_topic`] and [`decode_topic`] are exact inverses (a round trip over every
//! corpus article checks it); the JSON reader here takes only what the encoder writes:
//! objects, arrays, strings, integers, `true`, `false`, `null`.
//!
//! The schema, by example: a topic is `{"v":1,"meta":{..},"blocks":[..],"segments":[..],
//! "steps":[..],"procedure":3}`; an inline is a string (text) or `{"b":[..]}` (bold),
//! `{"i":[..]}`, `{"c":".."}` (code), `{"a":href,"k":[..]}` (link), `{"br":1}`,
//! `{"s":n}` (segment n); a block is `{"p":[..]}`, `{"h":level,"id":..,"k":[..]}`,
//! `{"list":start|null,"items":[[..]]}`, and so on (see `block`).

use std::fmt::Write as _;

use super::{AlertKind, Anchor, Block, Href, Inline, Instruction, Meta, Segment, Step, Tab, Topic};
use crate::limits;

/// The compiled format version.
pub const COMPILED_VERSION: i64 = 1;

// ---------------------------------------------------------------- encoding (native)

/// The compiled form of a topic: what the widget reads. Writers' information (diagnostics,
/// segment ids and line numbers, the front matter beyond title, locale and translation
/// type) stays in the article.
pub fn encode_topic(topic: &Topic) -> String {
    let mut out = String::with_capacity(4096);
    out.push_str("{\"v\":");
    let _ = write!(out, "{COMPILED_VERSION}");
    out.push_str(",\"meta\":");
    meta(&mut out, &topic.meta);
    out.push_str(",\"blocks\":");
    blocks(&mut out, &topic.blocks);
    out.push_str(",\"segments\":[");
    for (i, s) in topic.segments.iter().enumerate() {
        sep(&mut out, i);
        out.push_str("{\"l\":");
        inlines(&mut out, &s.localized);
        out.push_str(",\"e\":");
        inlines(&mut out, &s.english);
        out.push('}');
    }
    out.push_str("],\"steps\":[");
    for (i, step) in topic.steps.iter().enumerate() {
        sep(&mut out, i);
        out.push_str("{\"anchors\":[");
        for (j, a) in step.anchors.iter().enumerate() {
            sep(&mut out, j);
            out.push_str("{\"key\":");
            string(&mut out, &a.key);
            out.push_str(",\"en\":");
            string(&mut out, &a.english);
            out.push_str(",\"l\":");
            opt_string(&mut out, a.localized.as_deref());
            out.push('}');
        }
        out.push_str("],\"ins\":[");
        for (j, n) in step.instructions.iter().enumerate() {
            sep(&mut out, j);
            let _ = write!(out, "{{\"pos\":{},\"en\":", n.position);
            string(&mut out, &n.english);
            out.push('}');
        }
        out.push_str("]}");
    }
    out.push_str("],\"procedure\":");
    match topic.procedure {
        Some(p) => {
            let _ = write!(out, "{p}");
        }
        None => out.push_str("null"),
    }
    out.push('}');
    out
}

fn sep(out: &mut String, i: usize) {
    if i > 0 {
        out.push(',');
    }
}

fn string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

fn opt_string(out: &mut String, s: Option<&str>) {
    match s {
        Some(s) => string(out, s),
        None => out.push_str("null"),
    }
}

fn meta(out: &mut String, m: &Meta) {
    out.push_str("{\"title\":");
    string(out, &m.title);
    for (key, value) in [("locale", &m.locale), ("translation", &m.translation_type)] {
        let _ = write!(out, ",\"{key}\":");
        opt_string(out, value.as_deref());
    }
    // Additive: written only for a stale translation (its note); older readers ignore it.
    if let Some(note) = &m.stale {
        out.push_str(",\"stale\":");
        string(out, note);
    }
    out.push('}');
}

fn inlines(out: &mut String, runs: &[Inline]) {
    out.push('[');
    for (i, run) in runs.iter().enumerate() {
        sep(out, i);
        match run {
            Inline::Text(t) => string(out, t),
            Inline::Strong(c) => wrap(out, "b", c),
            Inline::Emphasis(c) => wrap(out, "i", c),
            Inline::Code(c) => {
                out.push_str("{\"c\":");
                string(out, c);
                out.push('}');
            }
            Inline::Link { href, children } => {
                out.push_str("{\"a\":");
                href_json(out, href);
                out.push_str(",\"k\":");
                inlines(out, children);
                out.push('}');
            }
            Inline::Break => out.push_str("{\"br\":1}"),
            Inline::Segment(n) => {
                let _ = write!(out, "{{\"s\":{n}}}");
            }
        }
    }
    out.push(']');
}

fn wrap(out: &mut String, key: &str, children: &[Inline]) {
    let _ = write!(out, "{{\"{key}\":");
    inlines(out, children);
    out.push('}');
}

fn href_json(out: &mut String, href: &Href) {
    let (key, value) = match href {
        Href::External(u) => ("x", u),
        Href::Anchor(a) => ("h", a),
        Href::Relative(u) => ("r", u),
        Href::Topic { slug, fragment } => {
            out.push_str("{\"t\":");
            string(out, slug);
            out.push_str(",\"f\":");
            opt_string(out, fragment.as_deref());
            out.push('}');
            return;
        }
    };
    let _ = write!(out, "{{\"{key}\":");
    string(out, value);
    out.push('}');
}

fn blocks(out: &mut String, list: &[Block]) {
    out.push('[');
    for (i, b) in list.iter().enumerate() {
        sep(out, i);
        block(out, b);
    }
    out.push(']');
}

fn items(out: &mut String, items: &[Vec<Block>]) {
    out.push('[');
    for (i, item) in items.iter().enumerate() {
        sep(out, i);
        blocks(out, item);
    }
    out.push(']');
}

fn block(out: &mut String, b: &Block) {
    match b {
        Block::Heading {
            level,
            anchor,
            content,
        } => {
            let _ = write!(out, "{{\"h\":{level},\"id\":");
            opt_string(out, anchor.as_deref());
            out.push_str(",\"k\":");
            inlines(out, content);
            out.push('}');
        }
        Block::Paragraph(c) => wrap(out, "p", c),
        Block::List { start, items: list } => {
            out.push_str("{\"list\":");
            match start {
                Some(n) => {
                    let _ = write!(out, "{n}");
                }
                None => out.push_str("null"),
            }
            out.push_str(",\"items\":");
            items(out, list);
            out.push('}');
        }
        Block::Alert {
            kind,
            blocks: inner,
        } => {
            let kind = match kind {
                AlertKind::Note => "note",
                AlertKind::Tip => "tip",
                AlertKind::Important => "important",
                AlertKind::Caution => "caution",
                AlertKind::Warning => "warning",
            };
            let _ = write!(out, "{{\"alert\":\"{kind}\",\"k\":");
            blocks(out, inner);
            out.push('}');
        }
        Block::Quote(inner) => {
            out.push_str("{\"q\":");
            blocks(out, inner);
            out.push('}');
        }
        Block::Code { lang, code } => {
            out.push_str("{\"code\":");
            string(out, code);
            out.push_str(",\"lang\":");
            opt_string(out, lang.as_deref());
            out.push('}');
        }
        Block::Table { head, rows } => {
            out.push_str("{\"table\":[");
            for (i, cell) in head.iter().enumerate() {
                sep(out, i);
                inlines(out, cell);
            }
            out.push_str("],\"rows\":[");
            for (i, row) in rows.iter().enumerate() {
                sep(out, i);
                out.push('[');
                for (j, cell) in row.iter().enumerate() {
                    sep(out, j);
                    inlines(out, cell);
                }
                out.push(']');
            }
            out.push_str("]}");
        }
        Block::Image { src, alt } => {
            out.push_str("{\"img\":");
            string(out, src);
            out.push_str(",\"alt\":");
            string(out, alt);
            out.push('}');
        }
        Block::Include { title, path } => {
            out.push_str("{\"include\":");
            string(out, path);
            out.push_str(",\"title\":");
            string(out, title);
            out.push('}');
        }
        Block::NextStep(c) => wrap(out, "next", c),
        Block::Checklist(list) => {
            out.push_str("{\"check\":");
            items(out, list);
            out.push('}');
        }
        Block::Tabs(tabs) => {
            out.push_str("{\"tabs\":[");
            for (i, tab) in tabs.iter().enumerate() {
                sep(out, i);
                out.push_str("{\"id\":");
                string(out, &tab.id);
                out.push_str(",\"label\":");
                inlines(out, &tab.label);
                out.push_str(",\"k\":");
                blocks(out, &tab.blocks);
                out.push('}');
            }
            out.push_str("]}");
        }
        Block::Rule => out.push_str("\"hr\""),
    }
}

// ---------------------------------------------------------------- reading (widget)

/// Why a compiled topic could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DecodeError {
    /// Byte offset in the JSON text where reading stopped (0 for a schema mismatch).
    pub offset: usize,
    pub message: &'static str,
}

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "byte {}: {}", self.offset, self.message)
    }
}

/// A JSON value as the encoder writes them.
#[derive(Clone, Debug, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    Int(i64),
    Str(String),
    Arr(Vec<Json>),
    Obj(Vec<(String, Json)>),
}

impl Json {
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Obj(fields) => fields.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    pub fn str(&self) -> Option<&str> {
        match self {
            Json::Str(s) => Some(s),
            _ => None,
        }
    }

    pub fn int(&self) -> Option<i64> {
        match self {
            Json::Int(n) => Some(*n),
            _ => None,
        }
    }

    pub fn arr(&self) -> Option<&[Json]> {
        match self {
            Json::Arr(a) => Some(a),
            _ => None,
        }
    }
}

/// What [`parse_json_within`] accepts: the work of reading a file is bounded by these,
/// whatever the file holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct JsonLimits {
    /// Largest text, in bytes (checked before reading anything).
    pub max_bytes: usize,
    /// Deepest nesting of arrays and objects.
    pub max_depth: u32,
    /// Longest string, in bytes once read.
    pub max_string: usize,
    /// Most values of any kind.
    pub max_values: usize,
}

/// The limits of a compiled topic ([`crate::limits`]).
pub const TOPIC_LIMITS: JsonLimits = JsonLimits {
    max_bytes: limits::MAX_COMPILED_BYTES,
    max_depth: limits::MAX_JSON_DEPTH,
    max_string: limits::MAX_JSON_STRING_BYTES,
    max_values: limits::MAX_JSON_VALUES,
};

/// Reads JSON text (no floating-point numbers: the formats here have none), within the
/// limits of a compiled topic.
pub fn parse_json(text: &str) -> Result<Json, DecodeError> {
    parse_json_within(text, TOPIC_LIMITS)
}

/// Reads JSON text within `limits`: a larger text, a deeper nesting, a longer string or
/// more values is an error, found with bounded work (the size before reading).
pub fn parse_json_within(text: &str, limits: JsonLimits) -> Result<Json, DecodeError> {
    if text.len() > limits.max_bytes {
        return Err(DecodeError {
            offset: 0,
            message: "file too large",
        });
    }
    let mut reader = Reader {
        bytes: text.as_bytes(),
        text,
        pos: 0,
        depth: 0,
        values: 0,
        limits,
    };
    let value = reader.value()?;
    reader.space();
    if reader.pos != reader.bytes.len() {
        return Err(reader.error("text after the JSON value"));
    }
    Ok(value)
}

struct Reader<'a> {
    bytes: &'a [u8],
    text: &'a str,
    pos: usize,
    depth: u32,
    values: usize,
    limits: JsonLimits,
}

impl Reader<'_> {
    /// An error at the current position (moved back to a character boundary: an escape
    /// can stop reading inside a character, and callers slice the text there).
    fn error(&self, message: &'static str) -> DecodeError {
        let mut offset = self.pos.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        DecodeError { offset, message }
    }

    fn space(&mut self) {
        // JSON's whitespace (not form feed, which `is_ascii_whitespace` takes).
        while self
            .bytes
            .get(self.pos)
            .is_some_and(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r'))
        {
            self.pos += 1;
        }
    }

    fn eat(&mut self, byte: u8) -> bool {
        self.space();
        if self.bytes.get(self.pos) == Some(&byte) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn value(&mut self) -> Result<Json, DecodeError> {
        self.space();
        self.values += 1;
        if self.values > self.limits.max_values {
            return Err(self.error("too many values"));
        }
        let value = match self.bytes.get(self.pos) {
            Some(b'{') => {
                self.enter()?;
                self.pos += 1;
                let mut fields: Vec<(String, Json)> = Vec::new();
                if !self.eat(b'}') {
                    loop {
                        self.space();
                        let at = self.pos;
                        let key = self.string()?;
                        if fields.iter().any(|(k, _)| *k == key) {
                            return Err(DecodeError {
                                offset: at,
                                message: "duplicate key",
                            });
                        }
                        if !self.eat(b':') {
                            return Err(self.error("expected `:`"));
                        }
                        fields.push((key, self.value()?));
                        if self.eat(b'}') {
                            break;
                        }
                        if !self.eat(b',') {
                            return Err(self.error("expected `,` or `}`"));
                        }
                    }
                }
                self.depth -= 1;
                Json::Obj(fields)
            }
            Some(b'[') => {
                self.enter()?;
                self.pos += 1;
                let mut items = Vec::new();
                if !self.eat(b']') {
                    loop {
                        items.push(self.value()?);
                        if self.eat(b']') {
                            break;
                        }
                        if !self.eat(b',') {
                            return Err(self.error("expected `,` or `]`"));
                        }
                    }
                }
                self.depth -= 1;
                Json::Arr(items)
            }
            Some(b'"') => Json::Str(self.string()?),
            Some(b't') if self.bytes[self.pos..].starts_with(b"true") => {
                self.pos += 4;
                Json::Bool(true)
            }
            Some(b'f') if self.bytes[self.pos..].starts_with(b"false") => {
                self.pos += 5;
                Json::Bool(false)
            }
            Some(b'n') if self.bytes[self.pos..].starts_with(b"null") => {
                self.pos += 4;
                Json::Null
            }
            Some(b'-' | b'0'..=b'9') => self.integer()?,
            _ => return Err(self.error("expected a JSON value")),
        };
        Ok(value)
    }

    /// One level deeper into an array or object.
    fn enter(&mut self) -> Result<(), DecodeError> {
        self.depth += 1;
        if self.depth > self.limits.max_depth {
            return Err(self.error("nested too deeply"));
        }
        Ok(())
    }

    fn integer(&mut self) -> Result<Json, DecodeError> {
        let start = self.pos;
        if self.bytes[self.pos] == b'-' {
            self.pos += 1;
        }
        let digits = self.pos;
        while self.bytes.get(self.pos).is_some_and(u8::is_ascii_digit) {
            self.pos += 1;
        }
        if self.pos == digits {
            return Err(self.error("expected a digit"));
        }
        if self.pos - digits > 1 && self.bytes[digits] == b'0' {
            return Err(DecodeError {
                offset: digits,
                message: "leading zero",
            });
        }
        if matches!(self.bytes.get(self.pos), Some(b'.' | b'e' | b'E')) {
            return Err(self.error("fractional numbers are not used here"));
        }
        // Accumulated with the sign, so that i64::MIN reads too (a plain loop: smaller in
        // the WebAssembly than `str::parse`).
        let negative = digits > start;
        let mut n: i64 = 0;
        for &d in &self.bytes[digits..self.pos] {
            let d = i64::from(d - b'0');
            n = match n.checked_mul(10).and_then(|n| {
                if negative {
                    n.checked_sub(d)
                } else {
                    n.checked_add(d)
                }
            }) {
                Some(n) => n,
                None => {
                    return Err(DecodeError {
                        offset: start,
                        message: "integer out of range",
                    })
                }
            };
        }
        Ok(Json::Int(n))
    }

    fn string(&mut self) -> Result<String, DecodeError> {
        if self.bytes.get(self.pos) != Some(&b'"') {
            return Err(self.error("expected a string"));
        }
        self.pos += 1;
        let mut out = String::new();
        loop {
            let run = self.bytes[self.pos..]
                .iter()
                .position(|&b| b == b'"' || b == b'\\' || b < 0x20)
                .ok_or_else(|| self.error("unterminated string"))?;
            if out.len() + run > self.limits.max_string {
                return Err(self.error("string too long"));
            }
            out.push_str(&self.text[self.pos..self.pos + run]);
            self.pos += run;
            match self.bytes[self.pos] {
                b'"' => {
                    self.pos += 1;
                    return Ok(out);
                }
                b'\\' => {
                    let escape = *self
                        .bytes
                        .get(self.pos + 1)
                        .ok_or_else(|| self.error("unterminated string"))?;
                    self.pos += 2;
                    match escape {
                        b'"' => out.push('"'),
                        b'\\' => out.push('\\'),
                        b'/' => out.push('/'),
                        b'n' => out.push('\n'),
                        b'r' => out.push('\r'),
                        b't' => out.push('\t'),
                        b'b' => out.push('\u{8}'),
                        b'f' => out.push('\u{c}'),
                        b'u' => {
                            let unit = self.hex4()?;
                            let c = if (0xD800..0xDC00).contains(&unit) {
                                // A surrogate pair.
                                if !self.bytes[self.pos..].starts_with(b"\\u") {
                                    return Err(self.error("lone surrogate"));
                                }
                                self.pos += 2;
                                let low = self.hex4()?;
                                if !(0xDC00..0xE000).contains(&low) {
                                    return Err(self.error("lone surrogate"));
                                }
                                char::from_u32(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))
                            } else {
                                char::from_u32(unit)
                            };
                            out.push(c.ok_or_else(|| self.error("invalid \\u escape"))?);
                        }
                        _ => return Err(self.error("invalid escape")),
                    }
                    if out.len() > self.limits.max_string {
                        return Err(self.error("string too long"));
                    }
                }
                _ => return Err(self.error("control character in a string")),
            }
        }
    }

    fn hex4(&mut self) -> Result<u32, DecodeError> {
        let digits = self
            .bytes
            .get(self.pos..self.pos + 4)
            .filter(|d| d.iter().all(u8::is_ascii_hexdigit))
            .ok_or_else(|| self.error("invalid \\u escape"))?;
        let value = digits
            .iter()
            .fold(0, |n, &d| n * 16 + (d as char).to_digit(16).unwrap_or(0));
        self.pos += 4;
        Ok(value)
    }
}

// A schema mismatch: what is wrong, at offset 0 (the tree has no positions).
type Read<T> = Result<T, DecodeError>;

/// Reads every value of `list` with `read`, stopping at the first error: a plain loop
/// (`collect::<Result<Vec<_>, _>>()` makes a larger copy of the iterator machinery per
/// type in the WebAssembly), with the vector allocated once.
fn each<T>(list: &[Json], read: &mut dyn FnMut(&Json) -> Read<T>) -> Read<Vec<T>> {
    let mut out = Vec::with_capacity(list.len());
    for json in list {
        out.push(read(json)?);
    }
    Ok(out)
}

fn bad<T>(message: &'static str) -> Read<T> {
    Err(DecodeError { offset: 0, message })
}

/// An object whose keys are exactly the expected ones: every key in `required` present,
/// keys in `optional` present or not, nothing else (a compiled file has no unknown
/// fields: they would be a file from another tool or version).
struct Fields<'a> {
    fields: &'a [(String, Json)],
}

impl<'a> Fields<'a> {
    fn of(
        json: &'a Json,
        required: &[&str],
        optional: &[&str],
        what: &'static str,
    ) -> Read<Fields<'a>> {
        let Json::Obj(fields) = json else {
            return bad(what);
        };
        let known = |k: &str| required.contains(&k) || optional.contains(&k);
        if fields.iter().any(|(k, _)| !known(k))
            || required.iter().any(|r| !fields.iter().any(|(k, _)| k == r))
        {
            return bad(what);
        }
        Ok(Fields { fields })
    }

    fn get(&self, key: &str) -> Option<&'a Json> {
        self.fields.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    /// A required string.
    fn str(&self, key: &str, what: &'static str) -> Read<String> {
        match self.get(key) {
            Some(Json::Str(s)) => Ok(s.clone()),
            _ => bad(what),
        }
    }

    /// A string or `null`.
    fn opt_str(&self, key: &str, what: &'static str) -> Read<Option<String>> {
        match self.get(key) {
            Some(Json::Str(s)) => Ok(Some(s.clone())),
            Some(Json::Null) | None => Ok(None),
            _ => bad(what),
        }
    }

    /// A required array.
    fn arr(&self, key: &str, what: &'static str) -> Read<&'a [Json]> {
        match self.get(key) {
            Some(Json::Arr(a)) => Ok(a),
            _ => bad(what),
        }
    }

    /// A required non-negative integer.
    fn index(&self, key: &str, what: &'static str) -> Read<usize> {
        match self.get(key) {
            Some(Json::Int(n)) => usize::try_from(*n).or_else(|_| bad(what)),
            _ => bad(what),
        }
    }
}

/// The one key of a single-key tagged object (`{"b":[..]}`), or the first key of a
/// tagged object with more fields (`{"a":{..},"k":[..]}`).
fn tag(json: &Json) -> Option<(&str, &Json)> {
    match json {
        Json::Obj(fields) => fields.first().map(|(k, v)| (k.as_str(), v)),
        _ => None,
    }
}

/// Reads a compiled topic, within [`TOPIC_LIMITS`]: wrong types, missing or unknown
/// fields, forged segment references, too large a file, too deep a nesting or too long
/// a string are errors, found with work bounded by the limits.
///
/// # Examples
///
/// ```
/// use helpmark::content::{decode_topic, encode_topic, parse_topic, View};
///
/// let topic = parse_topic("---\ntitle: T\n---\n1. Click **Save**.\n").unwrap();
/// let read = decode_topic(&encode_topic(&topic)).unwrap();
/// assert_eq!(read.step_text(0, View::English), "Click Save.");
/// assert!(decode_topic("{\"v\":9}").is_err());
/// ```
pub fn decode_topic(text: &str) -> Result<Topic, DecodeError> {
    let json = parse_json(text)?;
    if !matches!(json.get("v"), Some(Json::Int(COMPILED_VERSION))) {
        return bad("not a compiled topic of this version");
    }
    let top = Fields::of(
        &json,
        &["v", "meta", "blocks", "segments", "steps", "procedure"],
        &[],
        "unknown or missing field in the topic",
    )?;
    let m = Fields::of(
        top.get("meta").unwrap_or(&Json::Null),
        &["title", "locale", "translation"],
        &["stale"],
        "malformed meta",
    )?;
    let meta = Meta {
        title: m.str("title", "no title")?,
        locale: m.opt_str("locale", "malformed meta")?,
        translation_type: m.opt_str("translation", "malformed meta")?,
        stale: m.opt_str("stale", "malformed meta")?,
        ..Meta::default()
    };
    let blocks = read_blocks(top.get("blocks"))?;
    let segments = each(top.arr("segments", "no segments")?, &mut |s| {
        let f = Fields::of(s, &["l", "e"], &[], "malformed segment")?;
        Ok(Segment {
            id: String::new(),
            localized: read_inlines(f.get("l"))?,
            english: read_inlines(f.get("e"))?,
            line: 0,
        })
    })?;
    let procedure = match top.get("procedure") {
        Some(Json::Int(n)) => Some(usize::try_from(*n).or_else(|_| bad("malformed procedure"))?),
        Some(Json::Null) => None,
        _ => return bad("malformed procedure"),
    };
    let items: &[Vec<Block>] = match procedure.map(|p| blocks.get(p)) {
        Some(Some(Block::List { items, .. })) => items,
        None => &[],
        Some(_) => return bad("the procedure is not a list"),
    };
    let steps = top.arr("steps", "no steps")?;
    if steps.len() != items.len() {
        return bad("the steps are not the procedure's items");
    }
    let mut items = items.iter();
    let steps = each(steps, &mut |s| {
        let f = Fields::of(s, &["anchors", "ins"], &[], "malformed step")?;
        let anchors = each(f.arr("anchors", "malformed step")?, &mut |a| {
            let a = Fields::of(a, &["key", "en", "l"], &[], "malformed anchor")?;
            Ok(Anchor {
                key: a.str("key", "malformed anchor")?,
                english: a.str("en", "malformed anchor")?,
                localized: a.opt_str("l", "malformed anchor")?,
            })
        })?;
        let instructions = each(f.arr("ins", "malformed step")?, &mut |n| {
            let n = Fields::of(n, &["pos", "en"], &[], "malformed instruction")?;
            Ok(Instruction::new(
                n.index("pos", "malformed instruction")?,
                &n.str("en", "malformed instruction")?,
            ))
        })?;
        Ok(Step {
            // As many steps as items (checked above).
            blocks: items.next().cloned().unwrap_or_default(),
            anchors,
            instructions,
        })
    })?;
    let topic = Topic {
        meta,
        blocks,
        segments,
        steps,
        procedure,
        diagnostics: Vec::new(),
    };
    if !segment_references_valid(&topic) {
        return bad("a segment reference points nowhere");
    }
    Ok(topic)
}

/// Every `{"s":n}` must name an existing segment (the widget indexes with them).
fn segment_references_valid(topic: &Topic) -> bool {
    fn runs_ok(runs: &[Inline], n: usize) -> bool {
        runs.iter().all(|r| match r {
            Inline::Segment(i) => *i < n,
            Inline::Strong(c) | Inline::Emphasis(c) | Inline::Link { children: c, .. } => {
                runs_ok(c, n)
            }
            _ => true,
        })
    }
    fn blocks_ok(blocks: &[Block], n: usize) -> bool {
        blocks.iter().all(|b| match b {
            Block::Heading { content, .. }
            | Block::Paragraph(content)
            | Block::NextStep(content) => runs_ok(content, n),
            Block::List { items, .. } | Block::Checklist(items) => {
                items.iter().all(|i| blocks_ok(i, n))
            }
            Block::Alert { blocks, .. } | Block::Quote(blocks) => blocks_ok(blocks, n),
            Block::Table { head, rows } => head
                .iter()
                .chain(rows.iter().flatten())
                .all(|c| runs_ok(c, n)),
            Block::Tabs(tabs) => tabs
                .iter()
                .all(|t| runs_ok(&t.label, n) && blocks_ok(&t.blocks, n)),
            Block::Code { .. } | Block::Image { .. } | Block::Include { .. } | Block::Rule => true,
        })
    }
    let n = topic.segments.len();
    blocks_ok(&topic.blocks, n)
        && topic
            .segments
            .iter()
            .all(|s| runs_ok(&s.localized, 0) && runs_ok(&s.english, 0))
}

fn read_inlines(json: Option<&Json>) -> Read<Vec<Inline>> {
    match json {
        Some(Json::Arr(runs)) => each(runs, &mut read_inline),
        _ => bad("malformed inline runs"),
    }
}

fn read_inline(json: &Json) -> Read<Inline> {
    if let Json::Str(s) = json {
        return Ok(Inline::Text(s.clone()));
    }
    let what = "malformed inline run";
    let Some((key, value)) = tag(json) else {
        return bad(what);
    };
    let only = |key: &str| Fields::of(json, &[key], &[], what);
    Ok(match key {
        "b" => {
            only("b")?;
            Inline::Strong(read_inlines(Some(value))?)
        }
        "i" => {
            only("i")?;
            Inline::Emphasis(read_inlines(Some(value))?)
        }
        "c" => Inline::Code(only("c")?.str("c", what)?),
        "br" => {
            if only("br")?.index("br", what)? != 1 {
                return bad(what);
            }
            Inline::Break
        }
        "s" => Inline::Segment(only("s")?.index("s", what)?),
        "a" => {
            let f = Fields::of(json, &["a", "k"], &[], what)?;
            Inline::Link {
                href: read_href(value)?,
                children: read_inlines(f.get("k"))?,
            }
        }
        _ => return bad(what),
    })
}

fn read_href(json: &Json) -> Read<Href> {
    let what = "malformed link target";
    let Some((key, _)) = tag(json) else {
        return bad(what);
    };
    Ok(match key {
        "x" => Href::External(Fields::of(json, &["x"], &[], what)?.str("x", what)?),
        "h" => Href::Anchor(Fields::of(json, &["h"], &[], what)?.str("h", what)?),
        "r" => Href::Relative(Fields::of(json, &["r"], &[], what)?.str("r", what)?),
        "t" => {
            let f = Fields::of(json, &["t", "f"], &[], what)?;
            Href::Topic {
                slug: f.str("t", what)?,
                fragment: f.opt_str("f", what)?,
            }
        }
        _ => return bad(what),
    })
}

fn read_blocks(json: Option<&Json>) -> Read<Vec<Block>> {
    match json {
        Some(Json::Arr(blocks)) => each(blocks, &mut read_block),
        _ => bad("malformed blocks"),
    }
}

fn read_items(json: Option<&Json>) -> Read<Vec<Vec<Block>>> {
    match json {
        Some(Json::Arr(items)) => each(items, &mut |i| read_blocks(Some(i))),
        _ => bad("malformed list items"),
    }
}

fn read_cells(json: &Json) -> Read<Vec<Vec<Inline>>> {
    match json {
        Json::Arr(cells) => each(cells, &mut |c| read_inlines(Some(c))),
        _ => bad("malformed table"),
    }
}

fn read_block(json: &Json) -> Read<Block> {
    let what = "malformed block";
    if let Json::Str(s) = json {
        return if s == "hr" {
            Ok(Block::Rule)
        } else {
            bad(what)
        };
    }
    let Some((key, value)) = tag(json) else {
        return bad(what);
    };
    let fields = |required: &[&str], optional: &[&str]| Fields::of(json, required, optional, what);
    Ok(match key {
        "h" => {
            let f = fields(&["h", "id", "k"], &[])?;
            Block::Heading {
                level: u8::try_from(f.index("h", what)?)
                    .ok()
                    .filter(|l| (1..=6).contains(l))
                    .map_or_else(|| bad(what), Ok)?,
                anchor: f.opt_str("id", what)?,
                content: read_inlines(f.get("k"))?,
            }
        }
        "p" => {
            fields(&["p"], &[])?;
            Block::Paragraph(read_inlines(Some(value))?)
        }
        "list" => {
            let f = fields(&["list", "items"], &[])?;
            Block::List {
                start: match value {
                    Json::Int(n) => Some(u64::try_from(*n).or_else(|_| bad(what))?),
                    Json::Null => None,
                    _ => return bad(what),
                },
                items: read_items(f.get("items"))?,
            }
        }
        "alert" => {
            let f = fields(&["alert", "k"], &[])?;
            Block::Alert {
                kind: match value.str() {
                    Some("note") => AlertKind::Note,
                    Some("tip") => AlertKind::Tip,
                    Some("important") => AlertKind::Important,
                    Some("caution") => AlertKind::Caution,
                    Some("warning") => AlertKind::Warning,
                    _ => return bad(what),
                },
                blocks: read_blocks(f.get("k"))?,
            }
        }
        "q" => {
            fields(&["q"], &[])?;
            Block::Quote(read_blocks(Some(value))?)
        }
        "code" => {
            let f = fields(&["code", "lang"], &[])?;
            Block::Code {
                code: f.str("code", what)?,
                lang: f.opt_str("lang", what)?,
            }
        }
        "table" => {
            let f = fields(&["table", "rows"], &[])?;
            Block::Table {
                head: read_cells(value)?,
                rows: each(f.arr("rows", what)?, &mut read_cells)?,
            }
        }
        "img" => {
            let f = fields(&["img", "alt"], &[])?;
            Block::Image {
                src: f.str("img", what)?,
                alt: f.str("alt", what)?,
            }
        }
        "include" => {
            let f = fields(&["include", "title"], &[])?;
            Block::Include {
                path: f.str("include", what)?,
                title: f.str("title", what)?,
            }
        }
        "next" => {
            fields(&["next"], &[])?;
            Block::NextStep(read_inlines(Some(value))?)
        }
        "check" => {
            fields(&["check"], &[])?;
            Block::Checklist(read_items(Some(value))?)
        }
        "tabs" => {
            fields(&["tabs"], &[])?;
            Block::Tabs(each(
                value.arr().map_or_else(|| bad(what), Ok)?,
                &mut |t| {
                    let t = Fields::of(t, &["id", "label", "k"], &[], "malformed tab")?;
                    Ok(Tab {
                        id: t.str("id", "malformed tab")?,
                        label: read_inlines(t.get("label"))?,
                        blocks: read_blocks(t.get("k"))?,
                    })
                },
            )?)
        }
        _ => return bad(what),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::parse_topic;

    use crate::content::corpus;

    /// What the compiled form keeps of a parsed topic.
    fn for_the_widget(topic: Topic) -> Topic {
        Topic {
            meta: Meta {
                title: topic.meta.title,
                locale: topic.meta.locale,
                translation_type: topic.meta.translation_type,
                stale: topic.meta.stale,
                ..Meta::default()
            },
            segments: topic
                .segments
                .into_iter()
                .map(|s| Segment {
                    id: String::new(),
                    line: 0,
                    ..s
                })
                .collect(),
            diagnostics: Vec::new(),
            ..topic
        }
    }

    #[test]
    fn every_corpus_article_round_trips_exactly() {
        let mut count = 0;
        for (name, source) in corpus::articles() {
            let topic = parse_topic(&source).unwrap();
            let read =
                decode_topic(&encode_topic(&topic)).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert_eq!(read, for_the_widget(topic), "{name}");
            count += 1;
        }
        assert_eq!(count, 50);
    }

    #[test]
    fn every_block_kind_round_trips() {
        let source = "---\ntitle: T\n---\n# [A](#tab/a)\n\nx\n\n---\n\n> [!WARNING]\n> w\n\n| a |\n|---|\n| `c` |\n\n```rust\nfn f() {}\n```\n\n![alt](i.png)\n\n[!INCLUDE[t](p.md)]\n\n> [!div class=\"nextstepaction\"]\n> [Go](https://example.com)\n\n> [!div class=\"checklist\"]\n> * one\n\n***\n\ntext \"quoted\" \\\\ back\\\nslash and *em* and [anchor](#x)\n";
        let topic = parse_topic(source).unwrap();
        let read = decode_topic(&encode_topic(&topic)).unwrap();
        assert_eq!(read, for_the_widget(topic));
    }

    #[test]
    fn damaged_json_is_an_error_with_a_position_never_a_panic() {
        for text in [
            "",
            "{",
            "{\"v\":1",
            "[1,]",
            "{\"v\":1.5}",
            "\"\\ud800\"",
            "{\"v\":1,\"meta\":{}}",
            "nul",
            "{\"v\":1}x",
        ] {
            assert!(decode_topic(text).is_err(), "{text:?}");
        }
        let err = parse_json("{\"a\": [1, 2,, 3]}").unwrap_err();
        assert_eq!(err.offset, 12);
    }

    #[test]
    fn an_error_inside_a_character_points_at_its_start() {
        // An invalid escape whose second byte starts a character (found by the fuzzer:
        // parse_manifest then sliced the text inside it and panicked: see catalog's tests).
        let text = "{\"a\":\"\\\u{30d3}\"}";
        let err = parse_json(text).unwrap_err();
        assert!(text.is_char_boundary(err.offset), "{err:?}");
    }

    #[test]
    fn a_forged_segment_reference_is_refused() {
        let text = "{\"v\":1,\"meta\":{\"title\":\"T\"},\"blocks\":[{\"p\":[{\"s\":7}]}],\"segments\":[],\"steps\":[],\"procedure\":null}";
        assert!(decode_topic(text).is_err());
    }

    #[test]
    fn strings_with_escapes_and_astral_characters_read_back() {
        assert_eq!(
            parse_json("\"a\\\"b\\\\c\\n\\u00e9\\ud83d\\ude00\"").unwrap(),
            Json::Str("a\"b\\c\né😀".into())
        );
    }

    /// Writes a JSON tree back as text (tests only).
    fn text_of(json: &Json) -> String {
        let mut out = String::new();
        match json {
            Json::Null => out.push_str("null"),
            Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Json::Int(n) => out.push_str(&n.to_string()),
            Json::Str(s) => string(&mut out, s),
            Json::Arr(items) => {
                out.push('[');
                for (i, v) in items.iter().enumerate() {
                    sep(&mut out, i);
                    out.push_str(&text_of(v));
                }
                out.push(']');
            }
            Json::Obj(fields) => {
                out.push('{');
                for (i, (k, v)) in fields.iter().enumerate() {
                    sep(&mut out, i);
                    string(&mut out, k);
                    out.push(':');
                    out.push_str(&text_of(v));
                }
                out.push('}');
            }
        }
        out
    }

    /// Every object of the tree, by its path of indices (`fields` and items).
    fn object_paths(json: &Json, path: &mut Vec<usize>, out: &mut Vec<Vec<usize>>) {
        match json {
            Json::Obj(fields) => {
                out.push(path.clone());
                for (i, (_, v)) in fields.iter().enumerate() {
                    path.push(i);
                    object_paths(v, path, out);
                    path.pop();
                }
            }
            Json::Arr(items) => {
                for (i, v) in items.iter().enumerate() {
                    path.push(i);
                    object_paths(v, path, out);
                    path.pop();
                }
            }
            _ => {}
        }
    }

    fn at<'a>(json: &'a mut Json, path: &[usize]) -> &'a mut Json {
        path.iter().fold(json, |j, &i| match j {
            Json::Obj(fields) => &mut fields[i].1,
            Json::Arr(items) => &mut items[i],
            _ => unreachable!(),
        })
    }

    /// A topic with every block and inline kind, every link kind, and steps.
    const EVERY_KIND: &str = "---\ntitle: T\nms.contentlocale: de-DE\n---\n## Intro\n\nintro\n\n# [A](#tab/a)\n\nx [ext](https://example.com) [t](other.md#f) [r](img/x.png) [h](#top)\n\n> [!WARNING]\n> w\n\n| a |\n|---|\n| `c` |\n\n```rust\nfn f() {}\n```\n\n![alt](i.png)\n\n[!INCLUDE[t](p.md)]\n\n> [!div class=\"nextstepaction\"]\n> [Go](https://example.com)\n\n> [!div class=\"checklist\"]\n> * one\n\n> quoted\n\n***\n\n1. <span data-ttu-id=\"a-1\">Klicken Sie auf **Speichern**.</span><span class=\"sxs-lookup\"><span data-stu-id=\"a-1\">Click **Save**.</span></span>\n2. Then *choose* a customer from the list.<br>Done.\n";

    /// `valid` with one more top-level block at the end (JSON text).
    fn with_block(valid: &str, block: &str) -> String {
        assert!(valid.contains("],\"segments\""));
        valid.replacen("],\"segments\"", &format!(",{block}],\"segments\""), 1)
    }

    #[test]
    fn every_field_of_every_object_is_required_typed_and_alone() {
        let topic = parse_topic(EVERY_KIND).unwrap();
        let text = encode_topic(&topic);
        let json = parse_json(&text).unwrap();
        assert!(decode_topic(&text_of(&json)).is_ok());
        let mut paths = Vec::new();
        object_paths(&json, &mut Vec::new(), &mut paths);
        assert!(paths.len() > 30, "{}", paths.len());
        let mut checked = 0;
        for path in &paths {
            let Json::Obj(fields) = at(&mut json.clone(), path).clone() else {
                unreachable!()
            };
            // An unknown field: refused.
            let mut forged = json.clone();
            if let Json::Obj(f) = at(&mut forged, path) {
                f.push(("zz".into(), Json::Int(1)));
            }
            assert!(
                decode_topic(&text_of(&forged)).is_err(),
                "unknown field at {path:?}"
            );
            // A duplicate field: refused by the reader.
            let mut doubled = json.clone();
            if let Json::Obj(f) = at(&mut doubled, path) {
                f.push(fields[0].clone());
            }
            assert!(
                decode_topic(&text_of(&doubled)).is_err(),
                "duplicate at {path:?}"
            );
            for (i, (key, value)) in fields.iter().enumerate() {
                // Every field is written, always; some may be null.
                let nullable =
                    ["locale", "translation", "l", "f", "id", "lang"].contains(&key.as_str());
                let mut missing = json.clone();
                if let Json::Obj(f) = at(&mut missing, path) {
                    f.remove(i);
                }
                assert!(
                    decode_topic(&text_of(&missing)).is_err(),
                    "without `{key}` at {path:?}"
                );
                // Every value replaced by one of each other type.
                for other in [
                    Json::Bool(true),
                    Json::Int(-1),
                    Json::Str("x".into()),
                    Json::Arr(vec![Json::Obj(vec![])]),
                    Json::Obj(vec![]),
                ] {
                    // Optional strings are strings or null.
                    if std::mem::discriminant(&other) == std::mem::discriminant(value)
                        || (nullable && matches!(other, Json::Str(_)))
                    {
                        continue;
                    }
                    let mut wrong = json.clone();
                    if let Json::Obj(f) = at(&mut wrong, path) {
                        f[i].1 = other.clone();
                    }
                    assert!(
                        decode_topic(&text_of(&wrong)).is_err(),
                        "`{key}` at {path:?} as {other:?}"
                    );
                    checked += 1;
                }
            }
        }
        assert!(checked > 250, "{checked}");
    }

    #[test]
    fn enormous_and_deep_files_are_refused_with_bounded_work() {
        let five_mb = "x".repeat(5 * 1024 * 1024);
        let valid = encode_topic(&parse_topic(EVERY_KIND).unwrap());
        let huge_title = valid.replacen("\"title\":\"", &format!("\"title\":\"{five_mb}"), 1);
        let deep = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
        let deep_blocks = |n: usize| {
            with_block(
                &valid,
                &format!("{}\"hr\"{}", "{\"q\":[".repeat(n), "]}".repeat(n)),
            )
        };
        let start = std::time::Instant::now();
        for (what, text, message) in [
            ("5 MB title", huge_title, "file too large"),
            ("10,000 levels", deep(10_000), "nested too deeply"),
            (
                "10,000 open brackets",
                "[".repeat(10_000),
                "nested too deeply",
            ),
            ("10,000 quotes", deep_blocks(10_000), "nested too deeply"),
            (
                "a 100 KB string",
                valid.replacen(
                    "\"title\":\"",
                    &format!("\"title\":\"{}", "y".repeat(100_000)),
                    1,
                ),
                "string too long",
            ),
            (
                "escapes past the string limit",
                valid.replacen(
                    "\"title\":\"",
                    &format!("\"title\":\"{}", "\\n".repeat(70_000)),
                    1,
                ),
                "string too long",
            ),
            (
                "120,000 values",
                format!("[{}0]", "0,".repeat(120_000)),
                "too many values",
            ),
        ] {
            let err = decode_topic(&text).unwrap_err();
            assert_eq!(err.message, message, "{what}");
        }
        // Within the limits, nesting is fine (the encoder's own depth).
        assert!(decode_topic(&deep_blocks(20)).is_ok());
        assert!(start.elapsed() < std::time::Duration::from_secs(5));
    }

    #[test]
    fn numbers_strings_and_structure_outside_the_format_are_refused() {
        let valid = encode_topic(&parse_topic(EVERY_KIND).unwrap());
        for (from, to) in [
            ("\"v\":1", "\"v\":01"),
            ("\"v\":1", "\"v\":-"),
            ("\"v\":1", "\"v\":1e0"),
            ("\"v\":1", "\"v\":true"),
            ("\"v\":1", "\"v\":\"1\""),
            ("{\"br\":1}", "{\"br\":2}"),
            ("\"procedure\":", "\"procedure\":\"x\",\"p\":"),
            ("\"h\":2", "\"h\":7"),
            ("\"h\":2", "\"h\":0"),
            ("\"alert\":\"warning\"", "\"alert\":\"danger\""),
        ] {
            assert!(valid.contains(from), "{from}");
            let forged = valid.replacen(from, to, 1);
            assert!(decode_topic(&forged).is_err(), "{to}");
        }
        assert!(decode_topic(&with_block(&valid, "\"hr\"")).is_ok());
        assert!(decode_topic(&with_block(&valid, "\"rule\"")).is_err());
        assert!(decode_topic(&with_block(&valid, "{\"p\":[]}")).is_ok());
        assert!(decode_topic(&with_block(&valid, "{\"p\":[],\"p2\":[]}")).is_err());
        // A procedure that is not a list, and steps that are not its items.
        let forged = valid.replacen("\"procedure\":", "\"procedure\":0,\"x\":", 1);
        assert!(decode_topic(&forged).is_err());
        let forged = valid.replacen("\"steps\":[", "\"steps\":[{\"anchors\":[],\"ins\":[]},", 1);
        assert_eq!(
            decode_topic(&forged).unwrap_err().message,
            "the steps are not the procedure's items"
        );
        assert!(parse_json("\"\\ud800\\u0041\"").is_err());
        assert!(parse_json("\"\\u00G1\"").is_err());
        assert!(parse_json("\"\\u+041\"").is_err());
    }

    #[test]
    fn integers_read_to_the_bounds_of_i64_and_no_further() {
        assert_eq!(parse_json("0"), Ok(Json::Int(0)));
        assert_eq!(parse_json("-0"), Ok(Json::Int(0)));
        assert_eq!(
            parse_json("[-42,17]"),
            Ok(Json::Arr(vec![Json::Int(-42), Json::Int(17)]))
        );
        assert_eq!(parse_json("9223372036854775807"), Ok(Json::Int(i64::MAX)));
        assert_eq!(parse_json("-9223372036854775808"), Ok(Json::Int(i64::MIN)));
        for text in [
            "9223372036854775808",
            "-9223372036854775809",
            "99999999999999999999",
        ] {
            let e = parse_json(text).unwrap_err();
            assert_eq!((e.offset, e.message), (0, "integer out of range"), "{text}");
        }
        let e = parse_json("[1, -99999999999999999999]").unwrap_err();
        assert_eq!((e.offset, e.message), (4, "integer out of range"));
    }
}
