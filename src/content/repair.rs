//! Repairs of machine-translation damage in a localized half, with the English half of the
//! same segment as the oracle (patterns numbered as in `../shared/FORMAT.md`).
//!
//! Text repairs run before inline parsing ([`escaped_bold`], [`reference_links`]); tree
//! repairs run on the parsed runs ([`inline_tree`]). Every repair reports itself through
//! `report(severity, code, message)`.

use super::Code;
use std::borrow::Cow;

use super::{Inline, Severity};

type Report<'a> = dyn FnMut(Severity, Code, String) + 'a;

/// Pattern 1: bold whose asterisks were escaped (`\*\*Enviar \*\*`) or emptied
/// (`“提交”\*\*\*\*`). Only where the English half has bold.
///
/// An emptied run right after a quoted label (`“新建”\*\*\*\*`, `「导出」****`) marks
/// the quoted words as the UI term (FORMAT.md pattern 6): they become the bold, inside
/// their quotes (`“**新建**”`), up to as many as the English has bold terms. Where words
/// are not spaced (`unspaced` locales), the space left behind the markers goes too.
pub(super) fn escaped_bold<'a>(
    text: &'a str,
    english: &[Inline],
    locale: &str,
    report: &mut Report<'_>,
) -> Cow<'a, str> {
    if !text.as_bytes().contains(&b'*') {
        return Cow::Borrowed(text);
    }
    if !text.contains("\\*\\*") && !text.contains("****") || !has_strong(english) {
        return Cow::Borrowed(text);
    }
    let mut out = text.to_string();
    let budget = strong_texts(english).len();
    let (quoted, labels) = quoted_emptied_bold(&out, budget, unspaced(locale));
    if labels > 0 {
        out = quoted;
        report(
            Severity::Info,
            Code::RepairEmptyBoldQuotedLabel,
            format!(
                "{labels} emptied bold marker run(s) after a quoted label; the quoted words are the UI term"
            ),
        );
    }
    for empty in ["\\*\\*\\*\\*", "****"] {
        if out.contains(empty) {
            if unspaced(locale) {
                // No space is left behind where words are not spaced.
                out = out.replace(&format!("{empty} "), "");
            }
            out = out.replace(empty, "");
            report(
                Severity::Info,
                Code::RepairEmptyBold,
                "emptied bold markers (`\\*\\*\\*\\*`) removed; the UI term lost its bold".into(),
            );
        }
    }
    if out.contains("\\*\\*") {
        out = out.replace("\\*\\*", "**");
        out = tidy_bold_spaces(&out);
        report(
            Severity::Info,
            Code::RepairEscapedBold,
            "escaped bold markers (`\\*\\*`) restored as bold".into(),
        );
    }
    Cow::Owned(out)
}

/// Quotation marks that close a quoted UI label, with the mark that opens it.
const LABEL_QUOTES: [(char, char); 7] = [
    ('“', '”'),
    ('「', '」'),
    ('『', '』'),
    ('"', '"'),
    ('‘', '’'),
    ('«', '»'),
    ('„', '“'),
];

/// The quoted words of a label written in quotes, when `text` ends with one.
fn quoted_label_before(text: &str) -> Option<(usize, char, char)> {
    let close = text.chars().last()?;
    let &(open, _) = LABEL_QUOTES.iter().find(|(_, c)| *c == close)?;
    let inner_end = text.len() - close.len_utf8();
    let start = text[..inner_end].rfind(open)?;
    let inner = &text[start + open.len_utf8()..inner_end];
    let plausible = !inner.trim().is_empty()
        && inner.chars().count() <= 40
        && !inner.contains(['*', '\n', '。', '.', '!', '?', '！', '？']);
    plausible.then_some((start, open, close))
}

/// The quoted labels of a text (`选择 "合作伙伴中心" 菜单`, `「导出」`), in order: what
/// translation left of bold that it replaced by quotes (pattern 6).
pub(super) fn quoted_labels(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some((at, open)) = rest
        .char_indices()
        .find(|(_, c)| LABEL_QUOTES.iter().any(|(o, _)| o == c))
    {
        let after = &rest[at + open.len_utf8()..];
        let close = LABEL_QUOTES
            .iter()
            .filter(|(o, _)| *o == open)
            .find_map(|(_, c)| after.find(*c).map(|i| (i, c.len_utf8())));
        let Some((end, close_len)) = close else { break };
        let inner = &after[..end];
        if quoted_label_before(&rest[..at + open.len_utf8() + end + close_len]).is_some() {
            out.push(inner.trim().to_string());
        }
        rest = &after[end + close_len..];
    }
    out
}

/// Rewrites up to `budget` runs of `\*\*\*\*` (or `****`) that follow a quoted label
/// as bold inside the quotes. Returns the text and how many were rewritten.
fn quoted_emptied_bold(text: &str, budget: usize, drop_space: bool) -> (String, usize) {
    let mut out = String::with_capacity(text.len() + 8);
    let mut rest = text;
    let mut done = 0;
    while done < budget {
        let found = ["\\*\\*\\*\\*", "****"]
            .iter()
            .filter_map(|m| rest.find(m).map(|i| (i, m.len())))
            .min();
        let Some((at, len)) = found else { break };
        let before = &rest[..at];
        match quoted_label_before(before) {
            Some((start, open, close)) => {
                let inner = &before[start + open.len_utf8()..before.len() - close.len_utf8()];
                out.push_str(&before[..start]);
                out.push(open);
                out.push_str("**");
                out.push_str(inner.trim());
                out.push_str("**");
                out.push(close);
                done += 1;
            }
            None => {
                out.push_str(before);
                out.push_str(&rest[at..at + len]);
                rest = &rest[at + len..];
                continue;
            }
        }
        rest = &rest[at + len..];
        if drop_space {
            rest = rest.trim_start_matches([' ', '\u{3000}']);
        }
    }
    out.push_str(rest);
    (out, done)
}

/// Pattern 12: bidi embedding, override and isolate controls (U+202A–U+202E,
/// U+2066–U+2069). Machine translation leaves them unbalanced (an RLE without its PDF,
/// inside or across bold), which would carry a direction into the text after them. The
/// panel's direction comes from the locale, so they are removed. The zero-width marks
/// (LRM, RLM, ALM) cannot be unbalanced and stay.
pub(super) fn bidi_controls<'a>(text: &'a str, report: &mut Report<'_>) -> Cow<'a, str> {
    let is_control = |c: char| matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}');
    // Every one of them starts with the byte 0xE2 in UTF-8: most text has none.
    if !text.as_bytes().contains(&0xE2) || !text.contains(is_control) {
        return Cow::Borrowed(text);
    }
    report(
        Severity::Info,
        Code::RepairBidiControls,
        "bidi embedding controls removed; the direction comes from the locale".into(),
    );
    Cow::Owned(text.chars().filter(|&c| !is_control(c)).collect())
}

/// Zero-width direction marks, trimmed from the edges of UI labels.
pub(super) const DIRECTION_MARKS: [char; 3] = ['\u{200E}', '\u{200F}', '\u{061C}'];

/// Pattern 9: escaped marker runs standing apart from what they mark, inherited from the
/// English source: `\*\* *Repair2010* \*\*` or, after translation, `\* \* *Repair2010* \* \*`.
/// When such runs come in pairs they were meant as bold: `***Repair2010***`. Runs glued
/// to a word (`\*\*Enviar \*\*`) are pattern 1, and a lone run stays literal.
pub(super) fn stray_markers<'a>(text: &'a str, report: &mut Report<'_>) -> Cow<'a, str> {
    if !text.as_bytes().contains(&b'\\') {
        return Cow::Borrowed(text);
    }
    let runs = marker_runs(text);
    if runs.len() < 2 || runs.len() % 2 != 0 {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut pos = 0;
    for (n, run) in runs.iter().enumerate() {
        let opening = n % 2 == 0;
        let before = &text[pos..run.start];
        out.push_str(if opening { before } else { before.trim_end() });
        out.push_str("**");
        pos = run.end;
        if opening {
            pos += text[pos..].len() - text[pos..].trim_start_matches(' ').len();
        }
    }
    out.push_str(&text[pos..]);
    report(
        Severity::Info,
        Code::RepairStrayMarkers,
        "escaped asterisks standing apart from the text they mark restored as bold".into(),
    );
    Cow::Owned(out)
}

/// Byte ranges of runs of two or more escaped asterisks (`\*\*`, `\* \*`) followed, for
/// an opening run, or preceded, for a closing one, by a space.
fn marker_runs(text: &str) -> Vec<std::ops::Range<usize>> {
    let bytes = text.as_bytes();
    let mut runs = Vec::new();
    let mut i = 0;
    while i + 1 < bytes.len() {
        if !(bytes[i] == b'\\' && bytes[i + 1] == b'*') {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 2;
        let mut count = 1;
        loop {
            let rest = &bytes[end..];
            if rest.starts_with(b"\\*") {
                end += 2;
            } else if rest.starts_with(b" \\*") {
                end += 3;
            } else {
                break;
            }
            count += 1;
        }
        let spaced = bytes.get(end) == Some(&b' ') || (start > 0 && bytes[start - 1] == b' ');
        // `\*\*\*\*` glued to the word before it is emptied bold (pattern 1), not a
        // marker standing apart.
        let emptied = &text[start..end] == "\\*\\*\\*\\*" && start > 0 && bytes[start - 1] != b' ';
        if count >= 2 && spaced && !emptied {
            runs.push(start..end);
        }
        i = end;
    }
    runs
}

/// `**Enviar **` → `**Enviar**`: CommonMark does not close bold after a space.
fn tidy_bold_spaces(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut parts = text.split("**").peekable();
    let mut inside = false;
    if let Some(first) = parts.next() {
        out.push_str(first);
    }
    while let Some(part) = parts.next() {
        inside = !inside;
        if !inside {
            out.push_str(part);
            continue;
        }
        // Keep the outer spacing, outside the markers, unless punctuation follows.
        if part.starts_with(' ') && !out.is_empty() && !out.ends_with(' ') {
            out.push(' ');
        }
        out.push_str("**");
        out.push_str(part.trim());
        out.push_str("**");
        let next_starts_word = parts
            .peek()
            .and_then(|next| next.chars().next())
            .is_some_and(char::is_alphanumeric);
        if part.ends_with(' ') && next_starts_word {
            out.push(' ');
        }
    }
    out
}

/// Whether a link reference label names a file (`give-customers-permission.md`).
pub(super) fn looks_like_path(label: &str) -> bool {
    let path = label.split('#').next().unwrap_or_default();
    !label.contains(char::is_whitespace) && super::inline::markdown_file_stem(path).is_some()
}

/// Pattern 7: reference links with no definition, `[text] [label.md]` or
/// `[text][label.md]`, become inline links `[text](target)`. The target is the English
/// half's link at the same position (`english_targets`), because translation damages the
/// label (`permission.md`, `Give-Customers-Permission.MD`); without one, the label itself.
///
/// Where translation lost the opening bracket (`…있습니다.] [perm.md].`), the link is
/// rebuilt over the localized sentence that ends at the stray `]`, and punctuation that
/// moved inside it goes back out. Returns the text, the targets used and how many
/// opening brackets were restored.
pub(super) fn reference_links<'a>(
    text: &'a str,
    english_targets: &[String],
) -> (Cow<'a, str>, Vec<String>, usize) {
    if !text.as_bytes().contains(&b']') {
        return (Cow::Borrowed(text), Vec::new(), 0);
    }
    let mut out = String::with_capacity(text.len());
    let mut targets = Vec::new();
    let mut restored = 0;
    let mut rest = text;
    while let Some((before, label_text, label, after, reopened)) = next_reference(rest) {
        let target = english_targets
            .get(targets.len())
            .cloned()
            .unwrap_or_else(|| label.to_string());
        let mut label_text = label_text;
        if reopened {
            restored += 1;
            label_text = label_text.trim_end();
            // `…있습니다.] [perm.md].`: the full stop belongs after the link, once.
            if let Some(p) = label_text
                .chars()
                .last()
                .filter(|c| MOVABLE_PUNCTUATION.contains(c))
            {
                label_text = label_text[..label_text.len() - p.len_utf8()].trim_end();
                if !after.starts_with(p) {
                    out.push_str(before);
                    out.push('[');
                    out.push_str(label_text);
                    out.push_str("](");
                    out.push_str(&target);
                    out.push(')');
                    out.push(p);
                    targets.push(target);
                    rest = after;
                    continue;
                }
            }
        }
        out.push_str(before);
        out.push('[');
        out.push_str(label_text);
        out.push_str("](");
        out.push_str(&target);
        out.push(')');
        targets.push(target);
        rest = after;
    }
    if targets.is_empty() {
        return (Cow::Borrowed(text), targets, 0);
    }
    out.push_str(rest);
    (Cow::Owned(out), targets, restored)
}

/// Finds `[TEXT]` + optional spaces + `[LABEL]` with a path-like label. Without a `[`
/// to match the `]`, TEXT is the sentence that ends there (the last flag is `true`).
fn next_reference(text: &str) -> Option<(&str, &str, &str, &str, bool)> {
    let mut search = 0;
    while let Some(close) = text[search..].find(']').map(|i| search + i) {
        let after_close = &text[close + 1..];
        let gap = after_close.len() - after_close.trim_start_matches(' ').len();
        let label_start = close + 1 + gap;
        if text[label_start..].starts_with('[') {
            if let Some(label_len) = text[label_start + 1..].find(']') {
                let label = &text[label_start + 1..label_start + 1 + label_len];
                if looks_like_path(label.trim()) {
                    let end = label_start + 1 + label_len + 1;
                    if let Some(open) = matching_open(&text[..close]) {
                        return Some((
                            &text[..open],
                            &text[open + 1..close],
                            label.trim(),
                            &text[end..],
                            false,
                        ));
                    }
                    let open = sentence_start(&text[..close]);
                    if text[open..close].chars().any(char::is_alphanumeric) {
                        return Some((
                            &text[..open],
                            &text[open..close],
                            label.trim(),
                            &text[end..],
                            true,
                        ));
                    }
                }
            }
        }
        search = close + 1;
    }
    None
}

/// Where the sentence that ends at the end of `text` starts: after the last sentence
/// end (`. `, `。`, `! `, `? `) that is not at the very end, past any spaces.
fn sentence_start(text: &str) -> usize {
    let body =
        text.trim_end_matches(|c: char| c.is_whitespace() || MOVABLE_PUNCTUATION.contains(&c));
    let mut start = 0;
    for (i, c) in body.char_indices() {
        let next = body[i + c.len_utf8()..].chars().next();
        let ends = matches!(c, '。' | '！' | '？')
            || (matches!(c, '.' | '!' | '?') && next.is_some_and(char::is_whitespace));
        if ends {
            start = i + c.len_utf8();
        }
    }
    start + (text[start..].len() - text[start..].trim_start().len())
}

/// Pattern 8: UI labels in brackets that collide with link syntax, Japanese style:
/// `[**ファイル**] [  >  **エクスポート**]` shows its brackets. A bracket whose whole
/// content is one bold term, after an optional path separator (`>`, `\>`, `＞`, `›`),
/// and which no link target follows, becomes that bold term: `**ファイル** > **エクスポート**`.
/// Only where the English half has bold. Returns how many brackets were removed.
pub(super) fn bracket_labels<'a>(
    text: &'a str,
    english: &[Inline],
    report: &mut Report<'_>,
) -> Cow<'a, str> {
    // Byte checks first: this runs on every localized half.
    let bytes = text.as_bytes();
    if !bytes.contains(&b'[')
        || !bytes.contains(&b'*')
        || !text.contains("**")
        || !has_strong(english)
    {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    let mut removed = 0;
    while let Some(open) = rest.find('[') {
        let after = &rest[open + 1..];
        let Some(close) = after.find(']') else { break };
        let inner = after[..close].trim();
        let following = &after[close + 1..];
        let (separator, term) = match inner
            .strip_prefix("\\>")
            .or_else(|| inner.strip_prefix('>'))
            .or_else(|| inner.strip_prefix('＞'))
            .or_else(|| inner.strip_prefix('›'))
        {
            Some(term) => (true, term.trim()),
            None => (false, inner),
        };
        let one_bold = term.len() > 4
            && term.starts_with("**")
            && term.ends_with("**")
            && !term[2..term.len() - 2].contains(['*', '[', ']']);
        let link_follows = following.starts_with('(') || following.starts_with('[');
        if !one_bold || link_follows {
            out.push_str(&rest[..open + 1]);
            rest = after;
            continue;
        }
        out.push_str(&rest[..open]);
        if separator {
            out.push_str("> ");
        }
        out.push_str(term);
        removed += 1;
        rest = following;
    }
    if removed == 0 {
        return Cow::Borrowed(text);
    }
    out.push_str(rest);
    report(
        Severity::Info,
        Code::RepairBracketLabels,
        format!("{removed} bracketed UI label(s) shown without their brackets, as in the English"),
    );
    Cow::Owned(out)
}

/// Pattern 9, half-escaped: `\**Project name*` (the first asterisk escaped, the closing
/// one single) shows a literal `*` and italics. Meant as bold: `**Project name**`. Runs on
/// both halves: the English source itself has it.
pub(super) fn half_escaped_bold<'a>(text: &'a str, report: &mut Report<'_>) -> Cow<'a, str> {
    if !text.as_bytes().contains(&b'\\') || !text.contains("\\**") {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 2);
    let mut rest = text;
    let mut fixed = 0;
    while let Some(at) = rest.find("\\**") {
        let after = &rest[at + 3..];
        let starts_word = after
            .chars()
            .next()
            .is_some_and(|c| !c.is_whitespace() && c != '*');
        let close = after.find('*').filter(|&i| {
            starts_word
                && i > 0
                && !after[..i].ends_with(char::is_whitespace)
                && !after[..i].ends_with('\\')
                && !after[i + 1..].starts_with('*')
        });
        match close {
            Some(close) => {
                out.push_str(&rest[..at]);
                out.push_str("**");
                out.push_str(&after[..close]);
                out.push_str("**");
                rest = &after[close + 1..];
                fixed += 1;
            }
            None => {
                out.push_str(&rest[..at + 3]);
                rest = after;
            }
        }
    }
    if fixed == 0 {
        return Cow::Borrowed(text);
    }
    out.push_str(rest);
    report(
        Severity::Info,
        Code::RepairHalfEscapedBold,
        "a half-escaped bold marker (`\\**term*`) read as bold, as the source meant".into(),
    );
    Cow::Owned(out)
}

/// The `[` that opens the bracket closed at the end of `text`.
fn matching_open(text: &str) -> Option<usize> {
    let mut depth = 0usize;
    for (i, c) in text.char_indices().rev() {
        match c {
            ']' => depth += 1,
            '[' if depth == 0 => return Some(i),
            '[' => depth -= 1,
            _ => {}
        }
    }
    None
}

/// Scripts written without spaces between words, or whose particles attach to the word
/// before (Korean `**고객**을`): glued bold is correct there.
fn unspaced(locale: &str) -> bool {
    let lang = locale.split(['-', '_']).next().unwrap_or_default();
    matches!(lang, "zh" | "ja" | "ko" | "th" | "lo" | "km" | "my")
}

/// Hebrew and Arabic attach one-letter prefixes (ב, ה, ו, ال) to the word after them, so
/// text glued *before* bold may be correct; text glued *after* is still damage.
fn prefixes_attach(locale: &str) -> bool {
    let lang = locale.split(['-', '_']).next().unwrap_or_default();
    matches!(lang, "he" | "ar" | "fa" | "ur")
}

/// Tree repairs on a localized half (patterns 2, 3, 4 and 5), for bold and, the same
/// way, for links (`[Verwaltungsportal](…)und`, `[Berechtigungen.](…)`).
pub(super) fn inline_tree(
    localized: &mut Vec<Inline>,
    english: &[Inline],
    locale: &str,
    report: &mut Report<'_>,
) {
    let english_strongs = strong_texts(english);
    let has_links = localized.iter().any(|i| matches!(i, Inline::Link { .. }));
    let english_links = if has_links {
        link_texts(english)
    } else {
        Vec::new()
    };
    let mut i = 0;
    while i < localized.len() {
        let is_link = match &mut localized[i] {
            Inline::Link { children, .. } => {
                inline_tree(children, english, locale, report);
                true
            }
            Inline::Strong(_) => false,
            _ => {
                i += 1;
                continue;
            }
        };
        // 3. `**Customers (клиенты**).`: the closing parenthesis belongs inside.
        if !is_link && unbalanced_paren(&localized[i]) && take_prefix(localized, i + 1, ")") {
            push_into_strong(&mut localized[i], ")");
            report(
                Severity::Info,
                Code::RepairBoldSplitByParenthesis,
                "bold closed inside a parenthesis; the `)` was moved into the bold".into(),
            );
        }
        // 5. `**Kunder.**`: trailing punctuation the English bold (or link) does not have.
        if let Some(p) = trailing_punctuation(&localized[i]) {
            let english_texts = if is_link {
                &english_links
            } else {
                &english_strongs
            };
            if !english_texts.iter().any(|e| e.ends_with(p)) {
                pop_from_strong(&mut localized[i]);
                insert_prefix(localized, i + 1, p);
                let (code, what) = if is_link {
                    (Code::RepairPunctuationInLink, "link text")
                } else {
                    (Code::RepairPunctuationInBold, "bold")
                };
                report(
                    Severity::Info,
                    code,
                    format!("`{p}` moved out of the {what}, as in the English"),
                );
            }
        }
        // 4. `**centro de Partners** ,`: no space before a comma or full stop.
        if let Some(Inline::Text(next)) = localized.get_mut(i + 1) {
            let trimmed = next.trim_start_matches(' ');
            if trimmed.len() < next.len() && (trimmed.starts_with(',') || trimmed.starts_with('.'))
            {
                *next = trimmed.to_string();
                report(
                    Severity::Info,
                    Code::RepairSpaceBeforePunctuation,
                    "space between bold and the punctuation after it removed".into(),
                );
            }
        }
        // 2. `**Kunden**aus`, `[Portal](…)und`: a space between the run and a glued word.
        if !unspaced(locale) && !glued(english) {
            let mut repaired = false;
            if let Some(Inline::Text(next)) = localized.get_mut(i + 1) {
                if next.starts_with(char::is_alphanumeric) {
                    next.insert(0, ' ');
                    repaired = true;
                }
            }
            if !prefixes_attach(locale) && i > 0 {
                if let Inline::Text(prev) = &mut localized[i - 1] {
                    if prev.ends_with(char::is_alphanumeric) {
                        prev.push(' ');
                        repaired = true;
                    }
                }
            }
            if repaired {
                let (code, what) = if is_link {
                    (Code::RepairGluedLink, "link")
                } else {
                    (Code::RepairGluedBold, "bold")
                };
                report(
                    Severity::Info,
                    code,
                    format!("{what} glued to the next word; a space was restored"),
                );
            }
        }
        i += 1;
    }
}

/// The text of every link, in order.
fn link_texts(inlines: &[Inline]) -> Vec<String> {
    let mut out = Vec::new();
    for inline in inlines {
        match inline {
            Inline::Link { children, .. } => out.push(flat_text(children)),
            Inline::Strong(c) | Inline::Emphasis(c) => out.extend(link_texts(c)),
            _ => {}
        }
    }
    out
}

/// Path separators of a menu path (`select **A** > **B**`).
fn is_path_separator(text: &str) -> bool {
    matches!(text.trim(), ">" | "›" | "＞" | "->")
}

/// The bold terms of a menu path in the English half (`**A** > **B** > **C**`): the
/// longest run of two or more bold terms separated by a path separator.
fn english_path(english: &[Inline]) -> Vec<String> {
    let mut best: Vec<String> = Vec::new();
    let mut current: Vec<String> = Vec::new();
    let mut expect_separator = false;
    let mut finish = |current: &mut Vec<String>| {
        if current.len() > best.len() {
            best = std::mem::take(current);
        }
        current.clear();
    };
    for inline in english {
        match inline {
            Inline::Strong(c) => {
                if expect_separator {
                    // Bold after bold without a separator starts a new path.
                    finish(&mut current);
                }
                current.push(flat_text(c));
                expect_separator = true;
            }
            Inline::Text(t) if expect_separator && is_path_separator(t) => {
                expect_separator = false;
            }
            _ => {
                finish(&mut current);
                expect_separator = false;
            }
        }
    }
    finish(&mut current);
    if best.len() >= 2 {
        best
    } else {
        Vec::new()
    }
}

/// Whether the localized half already has the path as bold terms separated by `>`.
fn has_bold_path(localized: &[Inline], len: usize) -> bool {
    let mut count = 0;
    let mut expect_separator = false;
    for inline in localized {
        match inline {
            Inline::Strong(_) if !expect_separator => {
                count += 1;
                expect_separator = true;
                if count == len {
                    return true;
                }
            }
            Inline::Text(t) if expect_separator && is_path_separator(t) => expect_separator = false,
            _ => {
                count = 0;
                expect_separator = false;
            }
        }
    }
    false
}

/// Pattern 11: right-to-left machine translation reorders a menu path: `select **A** >
/// **B** > **C**` comes back as `A בחר > B‏ A > C` (a Latin term moved to the other end,
/// the bold lost) or `**File** בחר \> **הגדרות חשבון**`. Where every part of the path can
/// be matched (by its English term, left in Latin, or by the localized bold term in its
/// place), the path is rebuilt in the English order after the words around it, each
/// part bold; where it cannot, it is reported and left as it is.
pub(super) fn rtl_breadcrumbs(
    localized: &mut Vec<Inline>,
    english: &[Inline],
    locale: &str,
    report: &mut Report<'_>,
) {
    if !prefixes_attach(locale) {
        return;
    }
    // Most halves have no menu path: a scan without allocation first.
    let has_path = english.windows(3).any(|w| {
        matches!(w, [Inline::Strong(_), Inline::Text(t), Inline::Strong(_)] if is_path_separator(t))
    });
    if !has_path {
        return;
    }
    let terms = english_path(english);
    if terms.is_empty() || has_bold_path(localized, terms.len()) {
        return;
    }
    // Only text and bold can be rebuilt; anything else is left alone.
    if !localized
        .iter()
        .all(|i| matches!(i, Inline::Text(_) | Inline::Strong(_)))
    {
        return;
    }
    // Split into the parts between separators, each a list of (bold?, text) tokens.
    let mut parts: Vec<Vec<(bool, String)>> = vec![Vec::new()];
    for inline in localized.iter() {
        match inline {
            Inline::Strong(c) => parts
                .last_mut()
                .expect("one part")
                .push((true, flat_text(c))),
            Inline::Text(t) => {
                let mut pieces = t.split(['>', '›', '＞']);
                if let Some(first) = pieces.next() {
                    parts
                        .last_mut()
                        .expect("one part")
                        .push((false, first.to_string()));
                }
                for piece in pieces {
                    parts.push(vec![(false, piece.to_string())]);
                }
            }
            _ => {}
        }
    }
    let unrepaired = |report: &mut Report<'_>, why: &str| {
        report(
            Severity::Warning,
            Code::BreadcrumbUnrepaired,
            format!(
                "the menu path {} was reordered by translation and cannot be matched ({why}); shown as translated",
                terms.join(" > ")
            ),
        )
    };
    if parts.len() != terms.len() {
        if parts.len() > 1 {
            unrepaired(report, "the number of `>` differs from the English");
        }
        return;
    }
    let strip = |s: &str| -> String {
        s.chars()
            .filter(|c| !DIRECTION_MARKS.contains(c))
            .collect::<String>()
    };
    let mut labels = Vec::with_capacity(terms.len());
    let mut prefix = String::new();
    let mut suffix = String::new();
    for (k, part) in parts.iter().enumerate() {
        // Remove every English term written in Latin from the part's text; what remains
        // are the words around the path.
        let mut label: Option<String> = None;
        let mut leftover = String::new();
        for (bold, text) in part {
            let text = strip(text);
            if *bold {
                let english_at = terms
                    .iter()
                    .position(|t| t.eq_ignore_ascii_case(text.trim()));
                match english_at {
                    Some(j) if j != k => {}
                    _ if label.is_none() => label = Some(text.trim().to_string()),
                    _ => leftover.push_str(&text),
                }
                continue;
            }
            let mut rest = text.clone();
            for (j, term) in terms.iter().enumerate() {
                while let Some(at) = find_word(&rest, term) {
                    if j == k && label.is_none() {
                        label = Some(term.clone());
                    }
                    rest.replace_range(at..at + term.len(), " ");
                }
            }
            leftover.push_str(&rest);
        }
        let Some(label) = label else {
            unrepaired(report, &format!("no match for `{}`", terms[k]));
            return;
        };
        labels.push(label);
        let leftover = collapse(&leftover);
        if k == 0 {
            prefix = leftover;
        } else if k + 1 == terms.len() {
            suffix = leftover;
        } else if leftover.chars().any(char::is_alphanumeric) {
            unrepaired(report, "words inside the path");
            return;
        }
    }
    let mut rebuilt = Vec::with_capacity(2 * labels.len() + 1);
    let mut lead = prefix;
    if !lead.is_empty() {
        lead.push(' ');
    }
    for (k, label) in labels.into_iter().enumerate() {
        if k > 0 {
            lead.push_str(" > ");
        }
        if !lead.is_empty() {
            rebuilt.push(Inline::Text(std::mem::take(&mut lead)));
        }
        rebuilt.push(Inline::Strong(vec![Inline::Text(label)]));
    }
    if !suffix.is_empty() {
        let glue = suffix.starts_with(|c: char| c.is_ascii_punctuation() || c == '،');
        rebuilt.push(Inline::Text(if glue {
            suffix
        } else {
            format!(" {suffix}")
        }));
    }
    *localized = rebuilt;
    report(
        Severity::Info,
        Code::RepairRtlBreadcrumb,
        format!(
            "menu path reordered by translation restored in the English order ({})",
            terms.join(" > ")
        ),
    );
}

/// Byte offset of `word` in `text` as a whole word (not inside a longer Latin word).
fn find_word(text: &str, word: &str) -> Option<usize> {
    if word.is_empty() {
        return None;
    }
    let mut from = 0;
    while let Some(i) = text[from..].find(word).map(|i| from + i) {
        let before = text[..i].chars().last();
        let after = text[i + word.len()..].chars().next();
        let latin = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
        if !latin(before) && !latin(after) {
            return Some(i);
        }
        from = i + word.len();
    }
    None
}

fn collapse(text: &str) -> String {
    super::collapse_whitespace(text)
}

/// An image found inside a span pair (FORMAT.md pattern 13).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct SegmentImage {
    pub src: String,
    pub alt: String,
    /// The image opened the half (it goes before the text), else it goes after.
    pub leading: bool,
}

/// Pattern 13, images inside a span pair: inline parsing would reduce `![alt](src)` to
/// its alt text, which then runs into the sentence. Each image with a safe target is
/// taken out of the half, to be shown as an image block beside the segment's paragraph.
pub(super) fn take_images(text: &str) -> (Cow<'_, str>, Vec<SegmentImage>) {
    if !text.as_bytes().contains(&b'!') || !text.contains("![") {
        return (Cow::Borrowed(text), Vec::new());
    }
    let mut out = String::with_capacity(text.len());
    let mut images = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find("![") {
        let after = &rest[at + 2..];
        let parsed = after.find("](").and_then(|alt_end| {
            let target = &after[alt_end + 2..];
            let close = target.find(')')?;
            let src = target[..close]
                .split_whitespace()
                .next()
                .unwrap_or_default();
            let safe = matches!(
                super::inline::classify_href(src),
                Some(super::Href::Relative(_) | super::Href::External(_))
            );
            (safe && !after[..alt_end].contains(['[', ']'])).then(|| {
                (
                    after[..alt_end].trim().to_string(),
                    src.to_string(),
                    alt_end + 2 + close + 1,
                )
            })
        });
        match parsed {
            Some((alt, src, len)) => {
                let leading = out.trim().is_empty() && rest[..at].trim().is_empty();
                out.push_str(&rest[..at]);
                images.push(SegmentImage { src, alt, leading });
                rest = &after[len..];
            }
            None => {
                out.push_str(&rest[..at + 2]);
                rest = after;
            }
        }
    }
    if images.is_empty() {
        return (Cow::Borrowed(text), images);
    }
    out.push_str(rest);
    (Cow::Owned(collapse_spaces(&out)), images)
}

/// Runs of spaces left where something was taken out become one.
fn collapse_spaces(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c == ' ' && out.ends_with(' ') {
            continue;
        }
        out.push(c);
    }
    out.trim().to_string()
}

/// Pattern 9, what is left: `**` that parsing could not pair shows as literal asterisks.
/// Where the English half of the segment has no literal `**` (or for an English half,
/// always), they are removed and reported.
pub(super) fn unbalanced_markers(
    runs: &mut [Inline],
    english: Option<&[Inline]>,
    report: &mut Report<'_>,
) {
    if !has_literal_markers(runs) || english.is_some_and(has_literal_markers) {
        return;
    }
    strip_literal_markers(runs);
    report(
        Severity::Warning,
        Code::UnbalancedMarkers,
        "bold markers without a partner were removed".into(),
    );
}

/// Whether any text run shows `**`, without building the text.
fn has_literal_markers(runs: &[Inline]) -> bool {
    runs.iter().any(|run| match run {
        Inline::Text(t) => t.contains("**"),
        Inline::Strong(c) | Inline::Emphasis(c) | Inline::Link { children: c, .. } => {
            has_literal_markers(c)
        }
        _ => false,
    })
}

fn strip_literal_markers(runs: &mut [Inline]) {
    for run in runs {
        match run {
            Inline::Text(t) if t.contains("**") => {
                *t = t.replace("**", "");
            }
            Inline::Strong(c) | Inline::Emphasis(c) | Inline::Link { children: c, .. } => {
                strip_literal_markers(c)
            }
            _ => {}
        }
    }
}

fn has_strong(inlines: &[Inline]) -> bool {
    inlines.iter().any(|i| match i {
        Inline::Strong(_) => true,
        Inline::Emphasis(c) | Inline::Link { children: c, .. } => has_strong(c),
        _ => false,
    })
}

/// The text of every bold run, in order.
pub(super) fn strong_texts(inlines: &[Inline]) -> Vec<String> {
    let mut out = Vec::new();
    collect_strongs(inlines, &mut out);
    out
}

fn collect_strongs(inlines: &[Inline], out: &mut Vec<String>) {
    for inline in inlines {
        match inline {
            Inline::Strong(children) => out.push(flat_text(children)),
            Inline::Emphasis(c) | Inline::Link { children: c, .. } => collect_strongs(c, out),
            _ => {}
        }
    }
}

/// Plain text of runs that hold no segment references (a half).
pub(super) fn flat_text(inlines: &[Inline]) -> String {
    let mut out = String::new();
    for inline in inlines {
        match inline {
            Inline::Text(t) | Inline::Code(t) => out.push_str(t),
            Inline::Strong(c) | Inline::Emphasis(c) | Inline::Link { children: c, .. } => {
                out.push_str(&flat_text(c))
            }
            Inline::Break => out.push(' '),
            Inline::Segment(_) => {}
        }
    }
    out
}

/// Whether the English half itself glues bold or a link to a word (then the translation
/// may too).
fn glued(english: &[Inline]) -> bool {
    english.windows(2).any(|w| match w {
        [Inline::Strong(_) | Inline::Link { .. }, Inline::Text(t)] => {
            t.starts_with(char::is_alphanumeric)
        }
        [Inline::Text(t), Inline::Strong(_) | Inline::Link { .. }] => {
            t.ends_with(char::is_alphanumeric)
        }
        _ => false,
    })
}

fn unbalanced_paren(strong: &Inline) -> bool {
    let Inline::Strong(children) = strong else {
        return false;
    };
    let text = flat_text(children);
    text.matches('(').count() > text.matches(')').count()
}

/// Removes `prefix` from the start of the text run at `index`, if it is there.
fn take_prefix(inlines: &mut Vec<Inline>, index: usize, prefix: &str) -> bool {
    match inlines.get_mut(index) {
        Some(Inline::Text(t)) if t.starts_with(prefix) => {
            t.drain(..prefix.len());
            if t.is_empty() {
                inlines.remove(index);
            }
            true
        }
        _ => false,
    }
}

fn push_into_strong(strong: &mut Inline, text: &str) {
    if let Inline::Strong(children) = strong {
        match children.last_mut() {
            Some(Inline::Text(t)) => t.push_str(text),
            _ => children.push(Inline::Text(text.to_string())),
        }
    }
}

const MOVABLE_PUNCTUATION: [char; 6] = ['.', ',', ':', ';', '。', '：'];

fn trailing_punctuation(strong: &Inline) -> Option<char> {
    match strong {
        Inline::Strong(children) | Inline::Link { children, .. } => match children.last() {
            Some(Inline::Text(t)) => t
                .trim_end()
                .chars()
                .last()
                .filter(|c| MOVABLE_PUNCTUATION.contains(c)),
            _ => None,
        },
        _ => None,
    }
}

fn pop_from_strong(strong: &mut Inline) {
    if let Inline::Strong(children) | Inline::Link { children, .. } = strong {
        if let Some(Inline::Text(t)) = children.last_mut() {
            let trimmed_len = t.trim_end().len();
            t.truncate(trimmed_len);
            t.pop();
            let trimmed_len = t.trim_end().len();
            t.truncate(trimmed_len);
        }
    }
}

fn insert_prefix(inlines: &mut Vec<Inline>, index: usize, p: char) {
    match inlines.get_mut(index) {
        Some(Inline::Text(t)) => t.insert(0, p),
        _ => inlines.insert(index, Inline::Text(p.to_string())),
    }
}

#[cfg(test)]
mod tests {
    use super::super::inline::parse_inlines;
    use super::super::Inline;
    use super::*;

    /// Repairs `localized` against `english` and returns the runs and the codes reported.
    fn repair(localized: &str, english: &str, locale: &str) -> (Vec<Inline>, Vec<Code>) {
        let english = parse_inlines(english);
        let mut codes = Vec::new();
        let mut report = |_s, code, _m: String| codes.push(code);
        let text = bracket_labels(localized, &english, &mut report);
        let text = escaped_bold(&text, &english, locale, &mut report);
        let (text, _, _) = reference_links(&text, &[]);
        let mut runs = parse_inlines(&text);
        inline_tree(&mut runs, &english, locale, &mut report);
        (runs, codes)
    }

    fn text(s: &str) -> Inline {
        Inline::Text(s.into())
    }

    fn strong(s: &str) -> Inline {
        Inline::Strong(vec![text(s)])
    }

    #[test]
    fn emptied_escaped_bold_is_removed() {
        let (runs, codes) = repair("选择“提交”\\*\\*\\*\\*。", "select **Submit**.", "zh-CN");
        assert_eq!(runs, vec![text("选择“"), strong("提交"), text("”。")]);
        assert_eq!(codes, ["repair-empty-bold-quoted-label"]);
        // Without a quoted label before them, the markers just go.
        let (runs, codes) = repair("选择提交\\*\\*\\*\\* 。", "select **Submit**.", "zh-CN");
        assert_eq!(runs, vec![text("选择提交。")]);
        assert_eq!(codes, ["repair-empty-bold"]);
    }

    #[test]
    fn escaped_bold_with_a_trailing_space_is_restored() {
        let (runs, codes) = repair(
            "Selecione \\*\\*Enviar \\*\\*.",
            "Select **Submit**.",
            "pt-BR",
        );
        assert_eq!(runs, vec![text("Selecione "), strong("Enviar"), text(".")]);
        assert_eq!(codes, ["repair-escaped-bold"]);
    }

    #[test]
    fn stray_escaped_markers_in_pairs_become_bold() {
        let mut codes = Vec::new();
        let mut report = |_s, code, _m: String| codes.push(code);
        assert_eq!(
            stray_markers("enter the name \\*\\* *Repair2010* \\*\\*.", &mut report),
            "enter the name ***Repair2010***."
        );
        assert_eq!(
            stray_markers("ادخل الاسم \\* \\* *Repair2010* \\* \\*.", &mut report),
            "ادخل الاسم ***Repair2010***."
        );
        assert_eq!(stray_markers("a \\*\\* b", &mut report), "a \\*\\* b");
        assert_eq!(
            stray_markers("\\*\\*Enviar \\*\\*", &mut report),
            "\\*\\*Enviar \\*\\*"
        );
        assert_eq!(codes, ["repair-stray-markers", "repair-stray-markers"]);
    }

    #[test]
    fn unbalanced_bidi_embeddings_are_removed_and_marks_kept() {
        let mut codes = Vec::new();
        let mut report = |_s, code, _m: String| codes.push(code);
        assert_eq!(
            bidi_controls("ל'\u{200f}\u{202b}בוצע בהצלחה'.", &mut report),
            "ל'\u{200f}בוצע בהצלחה'."
        );
        assert_eq!(bidi_controls("plain", &mut report), "plain");
        assert_eq!(codes, ["repair-bidi-controls"]);
    }

    #[test]
    fn unpaired_bold_markers_are_removed_unless_the_english_has_them_too() {
        let mut codes = Vec::new();
        let mut report = |_s, code, _m: String| codes.push(code);
        let english = parse_inlines("Select **Save**.");
        let mut runs = parse_inlines("Wählen Sie **Speichern.");
        unbalanced_markers(&mut runs, Some(&english), &mut report);
        assert_eq!(flat_text(&runs), "Wählen Sie Speichern.");
        let math = parse_inlines("2 \\*\\* 3");
        let mut runs = parse_inlines("2 \\*\\* 3");
        unbalanced_markers(&mut runs, Some(&math), &mut report);
        assert_eq!(flat_text(&runs), "2 ** 3");
        assert_eq!(codes, ["unbalanced-markers"]);
    }

    #[test]
    fn escaped_asterisks_without_english_bold_stay_literal() {
        let (runs, codes) = repair("2 \\*\\* 3", "2 ** 3", "de-DE");
        assert_eq!(runs, vec![text("2 ** 3")]);
        assert!(codes.is_empty());
    }

    #[test]
    fn glued_bold_is_repaired_from_the_english_half() {
        let (runs, codes) = repair(
            "die Option **Kunden**aus.",
            "select **Customers**.",
            "de-DE",
        );
        assert_eq!(
            runs,
            vec![text("die Option "), strong("Kunden"), text(" aus.")]
        );
        assert_eq!(codes, ["repair-glued-bold"]);
    }

    #[test]
    fn glued_bold_is_left_alone_where_words_are_not_spaced() {
        let (runs, codes) = repair("**고객**을 선택", "select **Customers**", "ko-KR");
        assert_eq!(runs, vec![strong("고객"), text("을 선택")]);
        assert!(codes.is_empty());
    }

    #[test]
    fn hebrew_prefix_before_bold_is_not_split() {
        let (runs, _) = repair("ב**הגדרות**", "in **Settings**", "he-IL");
        assert_eq!(runs, vec![text("ב"), strong("הגדרות")]);
    }

    #[test]
    fn bold_split_by_a_parenthesis_takes_the_parenthesis_in() {
        let (runs, codes) = repair(
            "выберите **Customers (клиенты**).",
            "select **Customers**.",
            "ru-RU",
        );
        assert_eq!(
            runs,
            vec![text("выберите "), strong("Customers (клиенты)"), text(".")]
        );
        assert_eq!(codes, ["repair-bold-split-by-parenthesis"]);
    }

    #[test]
    fn space_before_punctuation_after_bold_is_removed() {
        let (runs, codes) = repair(
            "En el menú del **centro de Partners** , seleccione",
            "From the **Partner Center** menu, select",
            "es-ES",
        );
        assert_eq!(
            runs,
            vec![
                text("En el menú del "),
                strong("centro de Partners"),
                text(", seleccione")
            ]
        );
        assert_eq!(codes, ["repair-space-before-punctuation"]);
    }

    #[test]
    fn punctuation_moved_into_bold_is_moved_out() {
        let (runs, codes) = repair("väljer du **Kunder.**", "select **Customers**.", "sv-SE");
        assert_eq!(runs, vec![text("väljer du "), strong("Kunder"), text(".")]);
        assert_eq!(codes, ["repair-punctuation-in-bold"]);
        let (runs, _) = repair(
            "**Lämpliga roller:** Global",
            "**Appropriate roles**: Global",
            "sv-SE",
        );
        assert_eq!(runs, vec![strong("Lämpliga roller"), text(": Global")]);
    }

    #[test]
    fn punctuation_the_english_bold_has_stays_in() {
        let (runs, codes) = repair("**Hinweis:** x", "**Note:** x", "de-DE");
        assert_eq!(runs, vec![strong("Hinweis:"), text(" x")]);
        assert!(codes.is_empty());
    }

    #[test]
    fn broken_reference_links_take_the_english_target() {
        let (text, targets, _) = reference_links(
            "auch [die Berechtigung erteilen] [Give-Customers-Permission.MD].",
            &["give-customers-permission.md".to_string()],
        );
        assert_eq!(
            text,
            "auch [die Berechtigung erteilen](give-customers-permission.md)."
        );
        assert_eq!(targets, ["give-customers-permission.md"]);
    }

    #[test]
    fn japanese_bracket_labels_are_not_links() {
        let (text, targets, _) = reference_links("[**設定**] [  >  **組織プロファイル**]", &[]);
        assert_eq!(text, "[**設定**] [  >  **組織プロファイル**]");
        assert!(targets.is_empty());
    }
    // Issue #14: one test per kind of damage, on made-up input.

    #[test]
    fn issue14_1_emptied_bold_after_several_quoted_labels() {
        let (runs, codes) = repair(
            "从“新建”\\*\\*\\*\\* 菜单中，选择“甲”\\*\\*\\*\\* 或“乙”\\*\\*\\*\\*。",
            "From the **New** menu, select **A** or **B**.",
            "zh-CN",
        );
        assert_eq!(strong_texts(&runs), ["新建", "甲", "乙"]);
        assert_eq!(flat_text(&runs), "从“新建”菜单中，选择“甲”或“乙”。");
        assert_eq!(codes, ["repair-empty-bold-quoted-label"]);
        // Corner brackets are quotes too; never more labels than the English has bold.
        let (runs, _) = repair("「导出」****，「关闭」****", "Select **Export**.", "zh-CN");
        assert_eq!(strong_texts(&runs), ["导出"]);
        assert_eq!(flat_text(&runs), "「导出」，「关闭」");
    }

    #[test]
    fn issue14_2_reference_link_that_lost_its_opening_bracket() {
        let english = ["perm.md".to_string()];
        let (text, targets, reopened) = reference_links(
            "다른 문장입니다. 권한을 부여하거나 제거할 수도 있습니다.] [perm.md].",
            &english,
        );
        assert_eq!(
            text,
            "다른 문장입니다. [권한을 부여하거나 제거할 수도 있습니다](perm.md)."
        );
        assert_eq!((targets.len(), reopened), (1, 1));
        let runs = parse_inlines(&text);
        assert!(!flat_text(&runs).contains(']'));
        // Punctuation that moved into the link goes back out when none follows.
        let (text, _, _) = reference_links("Voir la page.] [perm.md]", &english);
        assert_eq!(text, "[Voir la page](perm.md).");
    }

    #[test]
    fn issue14_3_bracketed_ui_labels_become_a_clean_path() {
        let (runs, codes) = repair(
            "[**ファイル**] [  >  **エクスポート**] [  >  **PDF**] を選択します。",
            "Select **File** > **Export** > **PDF**.",
            "ja-JP",
        );
        assert_eq!(
            flat_text(&runs),
            "ファイル > エクスポート > PDF を選択します。"
        );
        assert_eq!(strong_texts(&runs), ["ファイル", "エクスポート", "PDF"]);
        assert_eq!(codes, ["repair-bracket-labels"]);
        // A bracket followed by a link target is a link, not a label.
        let (runs, _) = repair(
            "[**設定**](settings.md) を開く",
            "Open **Settings**.",
            "ja-JP",
        );
        assert!(matches!(runs[0], Inline::Link { .. }));
    }

    #[test]
    fn issue14_4_half_escaped_bold_from_the_english_source() {
        let mut codes = Vec::new();
        let mut report = |_s, code, _m: String| codes.push(code);
        let english = half_escaped_bold("Enter a \\**Project name* and go.", &mut report);
        assert_eq!(english, "Enter a **Project name** and go.");
        let german = half_escaped_bold("Geben Sie einen \\**-Projektnamen* ein", &mut report);
        let runs = parse_inlines(&german);
        assert!(!flat_text(&runs).contains('*'), "{runs:?}");
        assert_eq!(strong_texts(&runs), ["-Projektnamen"]);
        // An escaped marker with nothing to close stays literal.
        assert_eq!(half_escaped_bold("2 \\** 3", &mut report), "2 \\** 3");
        assert_eq!(codes.len(), 2);
    }

    #[test]
    fn issue14_6_links_glued_to_words_and_punctuation_in_link_text() {
        let (runs, codes) = repair(
            "Öffnen Sie das[Verwaltungsportal](https://example.com/)und melden",
            "Open the [admin portal](https://example.com/) and sign in",
            "de-DE",
        );
        assert_eq!(
            flat_text(&runs),
            "Öffnen Sie das Verwaltungsportal und melden"
        );
        assert_eq!(codes, ["repair-glued-link"]);
        let (runs, codes) = repair(
            "Siehe [Berechtigungen.](perm.md)",
            "See [Permissions](perm.md).",
            "de-DE",
        );
        assert_eq!(link_texts(&runs), ["Berechtigungen"]);
        assert_eq!(flat_text(&runs), "Siehe Berechtigungen.");
        assert_eq!(codes, ["repair-punctuation-in-link"]);
        // Where words are not spaced, a glued link is correct.
        let (runs, codes) = repair("[設定](s.md)を開く", "Open [Settings](s.md)", "ja-JP");
        assert_eq!(flat_text(&runs), "設定を開く");
        assert!(codes.is_empty());
    }

    fn rtl(localized: &str, english: &str, locale: &str) -> (Vec<Inline>, Vec<Code>) {
        let english = parse_inlines(english);
        let mut runs = parse_inlines(localized);
        let mut codes = Vec::new();
        let mut report = |_s, code, _m: String| codes.push(code);
        rtl_breadcrumbs(&mut runs, &english, locale, &mut report);
        (runs, codes)
    }

    #[test]
    fn issue14_8_rtl_breadcrumbs_are_restored_from_the_english_or_reported() {
        let (runs, codes) = rtl(
            "A בחר > B\u{200f} A > C",
            "select **A** > **B** > **C**",
            "he-IL",
        );
        assert_eq!(flat_text(&runs), "בחר A > B > C");
        assert_eq!(strong_texts(&runs), ["A", "B", "C"]);
        assert_eq!(codes, ["repair-rtl-breadcrumb"]);
        let (runs, _) = rtl(
            "**File** حدد \\> **إعدادات الحساب**.",
            "Select **File** > **Account settings**.",
            "ar-SA",
        );
        assert_eq!(flat_text(&runs), "حدد File > إعدادات الحساب.");
        assert_eq!(strong_texts(&runs), ["File", "إعدادات الحساب"]);
        // Nothing to match the first term: reported, left as translated.
        let (runs, codes) = rtl("בחר משהו > אחר", "Select **Tools** > **Options**", "he-IL");
        assert_eq!(flat_text(&runs), "בחר משהו > אחר");
        assert_eq!(codes, ["breadcrumb-unrepaired"]);
        // A path that kept its bold and order is not touched; nor a left-to-right locale.
        let (_, codes) = rtl("בחר **A** > **B**", "select **A** > **B**", "he-IL");
        assert!(codes.is_empty());
        let (_, codes) = rtl("A wählen > B", "select **A** > **B**", "de-DE");
        assert!(codes.is_empty());
    }

    #[test]
    fn issue14_9_images_inside_a_half_are_taken_out_whole() {
        let (text, images) = take_images("Select ![gear icon](images/gear.png) **Settings**.");
        assert_eq!(text, "Select **Settings**.");
        assert_eq!(
            images,
            [SegmentImage {
                src: "images/gear.png".into(),
                alt: "gear icon".into(),
                leading: false
            }]
        );
        let (text, images) = take_images("![Overview](a.png) Then select **Save**.");
        assert_eq!(text, "Then select **Save**.");
        assert!(images[0].leading);
        // An unsafe target is not an image to keep: left to the parser (alt text only).
        let (text, images) = take_images("![x](javascript:alert(1)) y");
        assert!(images.is_empty());
        assert_eq!(text, "![x](javascript:alert(1)) y");
    }
}
