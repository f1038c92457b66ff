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

/// Reads JSON text (no floating-point numbers: the formats here have none).
pub fn parse_json(text: &str) -> Result<Json, DecodeError> {
    let mut reader = Reader {
        bytes: text.as_bytes(),
        text,
        pos: 0,
        depth: 0,
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
}

impl Reader<'_> {
    fn error(&self, message: &'static str) -> DecodeError {
        DecodeError {
            offset: self.pos,
            message,
        }
    }

    fn space(&mut self) {
        while self
            .bytes
            .get(self.pos)
            .is_some_and(|b| b.is_ascii_whitespace())
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
        self.depth += 1;
        if self.depth > 200 {
            return Err(self.error("nested too deeply"));
        }
        let value = match self.bytes.get(self.pos) {
            Some(b'{') => {
                self.pos += 1;
                let mut fields = Vec::new();
                if !self.eat(b'}') {
                    loop {
                        self.space();
                        let key = self.string()?;
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
                Json::Obj(fields)
            }
            Some(b'[') => {
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
        self.depth -= 1;
        Ok(value)
    }

    fn integer(&mut self) -> Result<Json, DecodeError> {
        let start = self.pos;
        if self.bytes[self.pos] == b'-' {
            self.pos += 1;
        }
        while self.bytes.get(self.pos).is_some_and(u8::is_ascii_digit) {
            self.pos += 1;
        }
        if matches!(self.bytes.get(self.pos), Some(b'.' | b'e' | b'E')) {
            return Err(self.error("fractional numbers are not used here"));
        }
        self.text[start..self.pos]
            .parse()
            .map(Json::Int)
            .map_err(|_| DecodeError {
                offset: start,
                message: "integer out of range",
            })
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
                                char::from_u32(
                                    0x10000
                                        + ((unit - 0xD800) << 10)
                                        + (low.wrapping_sub(0xDC00) & 0x3FF),
                                )
                            } else {
                                char::from_u32(unit)
                            };
                            out.push(c.ok_or_else(|| self.error("invalid \\u escape"))?);
                        }
                        _ => return Err(self.error("invalid escape")),
                    }
                }
                _ => return Err(self.error("control character in a string")),
            }
        }
    }

    fn hex4(&mut self) -> Result<u32, DecodeError> {
        let digits = self
            .text
            .get(self.pos..self.pos + 4)
            .ok_or_else(|| self.error("short \\u escape"))?;
        let value =
            u32::from_str_radix(digits, 16).map_err(|_| self.error("invalid \\u escape"))?;
        self.pos += 4;
        Ok(value)
    }
}

/// Reads a compiled topic.
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
    let bad = |message| DecodeError { offset: 0, message };
    if json.get("v").and_then(Json::int) != Some(COMPILED_VERSION) {
        return Err(bad("not a compiled topic of this version"));
    }
    let m = json.get("meta").ok_or_else(|| bad("no meta"))?;
    let field = |key: &str| m.get(key).and_then(Json::str).map(str::to_string);
    let meta = Meta {
        title: field("title").ok_or_else(|| bad("no title"))?,
        locale: field("locale"),
        translation_type: field("translation"),
        stale: field("stale"),
        ..Meta::default()
    };
    let blocks = read_blocks(json.get("blocks")).ok_or_else(|| bad("malformed blocks"))?;
    let segments = json
        .get("segments")
        .and_then(Json::arr)
        .ok_or_else(|| bad("no segments"))?
        .iter()
        .map(|s| {
            Some(Segment {
                id: String::new(),
                localized: read_inlines(s.get("l"))?,
                english: read_inlines(s.get("e"))?,
                line: 0,
            })
        })
        .collect::<Option<Vec<_>>>()
        .ok_or_else(|| bad("malformed segments"))?;
    let procedure = match json.get("procedure") {
        Some(Json::Int(n)) => Some(usize::try_from(*n).map_err(|_| bad("malformed procedure"))?),
        _ => None,
    };
    let items: &[Vec<Block>] = match procedure.and_then(|p| blocks.get(p)) {
        Some(Block::List { items, .. }) => items,
        _ => &[],
    };
    let steps = json
        .get("steps")
        .and_then(Json::arr)
        .ok_or_else(|| bad("no steps"))?
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let anchors = s
                .get("anchors")?
                .arr()?
                .iter()
                .map(|a| {
                    Some(Anchor {
                        key: a.get("key")?.str()?.to_string(),
                        english: a.get("en")?.str()?.to_string(),
                        localized: a.get("l").and_then(Json::str).map(str::to_string),
                    })
                })
                .collect::<Option<Vec<_>>>()?;
            let instructions = s
                .get("ins")?
                .arr()?
                .iter()
                .map(|n| {
                    Some(Instruction::new(
                        usize::try_from(n.get("pos")?.int()?).ok()?,
                        n.get("en")?.str()?,
                    ))
                })
                .collect::<Option<Vec<_>>>()?;
            Some(Step {
                blocks: items.get(i)?.clone(),
                anchors,
                instructions,
            })
        })
        .collect::<Option<Vec<_>>>()
        .ok_or_else(|| bad("malformed steps"))?;
    let topic = Topic {
        meta,
        blocks,
        segments,
        steps,
        procedure,
        diagnostics: Vec::new(),
    };
    if !segment_references_valid(&topic) {
        return Err(bad("a segment reference points nowhere"));
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

fn read_inlines(json: Option<&Json>) -> Option<Vec<Inline>> {
    json?.arr()?.iter().map(read_inline).collect()
}

fn read_inline(json: &Json) -> Option<Inline> {
    if let Json::Str(s) = json {
        return Some(Inline::Text(s.clone()));
    }
    let Json::Obj(fields) = json else { return None };
    let (key, value) = fields.first()?;
    Some(match key.as_str() {
        "b" => Inline::Strong(read_inlines(Some(value))?),
        "i" => Inline::Emphasis(read_inlines(Some(value))?),
        "c" => Inline::Code(value.str()?.to_string()),
        "br" => Inline::Break,
        "s" => Inline::Segment(usize::try_from(value.int()?).ok()?),
        "a" => Inline::Link {
            href: read_href(value)?,
            children: read_inlines(json.get("k"))?,
        },
        _ => return None,
    })
}

fn read_href(json: &Json) -> Option<Href> {
    let Json::Obj(fields) = json else { return None };
    let (key, value) = fields.first()?;
    let text = value.str()?.to_string();
    Some(match key.as_str() {
        "x" => Href::External(text),
        "h" => Href::Anchor(text),
        "r" => Href::Relative(text),
        "t" => Href::Topic {
            slug: text,
            fragment: json.get("f").and_then(Json::str).map(str::to_string),
        },
        _ => return None,
    })
}

fn read_blocks(json: Option<&Json>) -> Option<Vec<Block>> {
    json?.arr()?.iter().map(read_block).collect()
}

fn read_items(json: Option<&Json>) -> Option<Vec<Vec<Block>>> {
    json?.arr()?.iter().map(|i| read_blocks(Some(i))).collect()
}

fn read_block(json: &Json) -> Option<Block> {
    if json.str() == Some("hr") {
        return Some(Block::Rule);
    }
    let Json::Obj(fields) = json else { return None };
    let (key, value) = fields.first()?;
    let text = |k: &str| json.get(k).and_then(Json::str).map(str::to_string);
    Some(match key.as_str() {
        "h" => Block::Heading {
            level: u8::try_from(value.int()?).ok()?,
            anchor: text("id"),
            content: read_inlines(json.get("k"))?,
        },
        "p" => Block::Paragraph(read_inlines(Some(value))?),
        "list" => Block::List {
            start: match value {
                Json::Int(n) => Some(u64::try_from(*n).ok()?),
                _ => None,
            },
            items: read_items(json.get("items"))?,
        },
        "alert" => Block::Alert {
            kind: match value.str()? {
                "note" => AlertKind::Note,
                "tip" => AlertKind::Tip,
                "important" => AlertKind::Important,
                "caution" => AlertKind::Caution,
                "warning" => AlertKind::Warning,
                _ => return None,
            },
            blocks: read_blocks(json.get("k"))?,
        },
        "q" => Block::Quote(read_blocks(Some(value))?),
        "code" => Block::Code {
            code: value.str()?.to_string(),
            lang: text("lang"),
        },
        "table" => Block::Table {
            head: value
                .arr()?
                .iter()
                .map(|c| read_inlines(Some(c)))
                .collect::<Option<_>>()?,
            rows: json
                .get("rows")?
                .arr()?
                .iter()
                .map(|row| {
                    row.arr()?
                        .iter()
                        .map(|c| read_inlines(Some(c)))
                        .collect::<Option<Vec<_>>>()
                })
                .collect::<Option<_>>()?,
        },
        "img" => Block::Image {
            src: value.str()?.to_string(),
            alt: text("alt")?,
        },
        "include" => Block::Include {
            path: value.str()?.to_string(),
            title: text("title")?,
        },
        "next" => Block::NextStep(read_inlines(Some(value))?),
        "check" => Block::Checklist(read_items(Some(value))?),
        "tabs" => Block::Tabs(
            value
                .arr()?
                .iter()
                .map(|t| {
                    Some(Tab {
                        id: t.get("id")?.str()?.to_string(),
                        label: read_inlines(t.get("label"))?,
                        blocks: read_blocks(t.get("k"))?,
                    })
                })
                .collect::<Option<_>>()?,
        ),
        _ => return None,
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
}
