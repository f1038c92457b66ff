//! Repairs of machine-translation damage in a localized half, with the English half of the
//! same segment as the oracle (patterns numbered as in `../shared/FORMAT.md`).
//!
//! Text repairs run before inline parsing ([`escaped_bold`], [`reference_links`]); tree
//! repairs run on the parsed runs ([`inline_tree`]). Every repair reports itself through
//! `report(severity, code, message)`.

use std::borrow::Cow;

use super::{Inline, Severity};

type Report<'a> = dyn FnMut(Severity, &'static str, String) + 'a;

/// Pattern 1: bold whose asterisks were escaped (`\*\*Enviar \*\*`) or emptied
/// (`“提交”\*\*\*\*`). Only where the English half has bold.
pub(super) fn escaped_bold<'a>(
    text: &'a str,
    english: &[Inline],
    report: &mut Report<'_>,
) -> Cow<'a, str> {
    if !text.as_bytes().contains(&b'*') {
        return Cow::Borrowed(text);
    }
    if !text.contains("\\*\\*") && !text.contains("****") || !has_strong(english) {
        return Cow::Borrowed(text);
    }
    let mut out = text.to_string();
    for empty in ["\\*\\*\\*\\*", "****"] {
        if out.contains(empty) {
            out = out.replace(empty, "");
            report(
                Severity::Info,
                "repair-empty-bold",
                "emptied bold markers (`\\*\\*\\*\\*`) removed; the UI term lost its bold".into(),
            );
        }
    }
    if out.contains("\\*\\*") {
        out = out.replace("\\*\\*", "**");
        out = tidy_bold_spaces(&out);
        report(
            Severity::Info,
            "repair-escaped-bold",
            "escaped bold markers (`\\*\\*`) restored as bold".into(),
        );
    }
    Cow::Owned(out)
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
        "repair-bidi-controls",
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
        "repair-stray-markers",
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
        if count >= 2 && spaced {
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
/// Returns the text and the targets used.
pub(super) fn reference_links<'a>(
    text: &'a str,
    english_targets: &[String],
) -> (Cow<'a, str>, Vec<String>) {
    if !text.as_bytes().contains(&b']') {
        return (Cow::Borrowed(text), Vec::new());
    }
    let mut out = String::with_capacity(text.len());
    let mut targets = Vec::new();
    let mut rest = text;
    while let Some((before, label_text, label, after)) = next_reference(rest) {
        let target = english_targets
            .get(targets.len())
            .cloned()
            .unwrap_or_else(|| label.to_string());
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
        return (Cow::Borrowed(text), targets);
    }
    out.push_str(rest);
    (Cow::Owned(out), targets)
}

/// Finds `[TEXT]` + optional spaces + `[LABEL]` with a path-like label.
fn next_reference(text: &str) -> Option<(&str, &str, &str, &str)> {
    let mut search = 0;
    while let Some(close) = text[search..].find(']').map(|i| search + i) {
        let after_close = &text[close + 1..];
        let gap = after_close.len() - after_close.trim_start_matches(' ').len();
        let label_start = close + 1 + gap;
        if text[label_start..].starts_with('[') {
            if let Some(label_len) = text[label_start + 1..].find(']') {
                let label = &text[label_start + 1..label_start + 1 + label_len];
                if looks_like_path(label.trim()) {
                    if let Some(open) = matching_open(&text[..close]) {
                        let end = label_start + 1 + label_len + 1;
                        return Some((
                            &text[..open],
                            &text[open + 1..close],
                            label.trim(),
                            &text[end..],
                        ));
                    }
                }
            }
        }
        search = close + 1;
    }
    None
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

/// Tree repairs on a localized half (patterns 2, 3, 4 and 5).
pub(super) fn inline_tree(
    localized: &mut Vec<Inline>,
    english: &[Inline],
    locale: &str,
    report: &mut Report<'_>,
) {
    let english_strongs = strong_texts(english);
    let mut i = 0;
    while i < localized.len() {
        if let Inline::Link { children, .. } = &mut localized[i] {
            inline_tree(children, english, locale, report);
        }
        if !matches!(localized[i], Inline::Strong(_)) {
            i += 1;
            continue;
        }
        // 3. `**Customers (клиенты**).`: the closing parenthesis belongs inside.
        if unbalanced_paren(&localized[i]) && take_prefix(localized, i + 1, ")") {
            push_into_strong(&mut localized[i], ")");
            report(
                Severity::Info,
                "repair-bold-split-by-parenthesis",
                "bold closed inside a parenthesis; the `)` was moved into the bold".into(),
            );
        }
        // 5. `**Kunder.**`: trailing punctuation the English bold does not have.
        if let Some(p) = trailing_punctuation(&localized[i]) {
            if !english_strongs.iter().any(|e| e.ends_with(p)) {
                pop_from_strong(&mut localized[i]);
                insert_prefix(localized, i + 1, p);
                report(
                    Severity::Info,
                    "repair-punctuation-in-bold",
                    format!("`{p}` moved out of the bold, as in the English"),
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
                    "repair-space-before-punctuation",
                    "space between bold and the punctuation after it removed".into(),
                );
            }
        }
        // 2. `**Kunden**aus`: a space between bold and a word glued to it.
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
                report(
                    Severity::Info,
                    "repair-glued-bold",
                    "bold glued to the next word; a space was restored".into(),
                );
            }
        }
        i += 1;
    }
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
        "unbalanced-markers",
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

/// Whether the English half itself glues bold to a word (then the translation may too).
fn glued(english: &[Inline]) -> bool {
    english.windows(2).any(|w| match w {
        [Inline::Strong(_), Inline::Text(t)] => t.starts_with(char::is_alphanumeric),
        [Inline::Text(t), Inline::Strong(_)] => t.ends_with(char::is_alphanumeric),
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
        Inline::Strong(children) => match children.last() {
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
    if let Inline::Strong(children) = strong {
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
    fn repair(localized: &str, english: &str, locale: &str) -> (Vec<Inline>, Vec<&'static str>) {
        let english = parse_inlines(english);
        let mut codes = Vec::new();
        let mut report = |_s, code, _m: String| codes.push(code);
        let text = escaped_bold(localized, &english, &mut report);
        let (text, _) = reference_links(&text, &[]);
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
        assert_eq!(runs, vec![text("选择“提交”。")]);
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
        let (text, targets) = reference_links(
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
        let (text, targets) = reference_links("[**設定**] [  >  **組織プロファイル**]", &[]);
        assert_eq!(text, "[**設定**] [  >  **組織プロファイル**]");
        assert!(targets.is_empty());
    }
}
