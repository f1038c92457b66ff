//! Stage 1: the YAML front matter.
//!
//! The articles use a flat subset of YAML: one `key: value` per line, values optionally in
//! single or double quotes. Anything else (lists, nesting) is skipped, which keeps the
//! parser small; no key the widget needs uses more.

use super::{line_column, TopicError, TopicErrorKind};

/// What the front matter says about a localized article.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Meta {
    /// Translated title, often with a ` | Product` suffix.
    pub title: String,
    pub description: Option<String>,
    /// `ms.contentlocale`: trusted over the folder name.
    pub locale: Option<String>,
    /// `ms.translationtype`: `MT` (machine) or `HT` (human).
    pub translation_type: Option<String>,
    /// `ms.date`, as written (MM/DD/YYYY).
    pub date: Option<String>,
    /// `ms.lasthandoff`, as written (MM/DD/YYYY).
    pub last_handoff: Option<String>,
    /// `ms.locfileid`: id of this localized revision.
    pub loc_file_id: Option<String>,
    /// `ms.topic`: `article`, `how-to`, ...
    pub topic_type: Option<String>,
    /// `helpmark.sourcehash` of a plain-Markdown translation: the hash of its English
    /// source when the translation was made (written by `helpmark stamp`).
    pub source_hash: Option<String>,
    /// Set when the translation was made from an older source (see `content::align`): the
    /// short note the widget shows, in the translation's language. Not front matter: found
    /// by comparing hashes.
    pub stale: Option<String>,
}

impl Meta {
    /// `ms.date` as a sortable `YYYY-MM-DD`, if it is a valid MM/DD/YYYY date.
    pub fn iso_date(&self) -> Option<String> {
        self.date.as_deref().and_then(iso_date)
    }

    /// `ms.lasthandoff` as a sortable `YYYY-MM-DD`.
    pub fn iso_last_handoff(&self) -> Option<String> {
        self.last_handoff.as_deref().and_then(iso_date)
    }
}

/// `MM/DD/YYYY` to `YYYY-MM-DD`.
pub(crate) fn iso_date(us: &str) -> Option<String> {
    let mut parts = us.trim().split('/');
    let (m, d, y) = (parts.next()?, parts.next()?, parts.next()?);
    let ok = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    (ok(m, 2) && ok(d, 2) && ok(y, 4) && parts.next().is_none()).then(|| format!("{y}-{m}-{d}"))
}

/// Splits `source` into its metadata, the body, and the body's byte offset.
pub(super) fn split(source: &str) -> Result<(Meta, &str, usize), TopicError> {
    let start = source
        .strip_prefix('\u{feff}')
        .map_or(0, |_| '\u{feff}'.len_utf8());
    let text = &source[start..];
    let first_line_end = text.find('\n').unwrap_or(text.len());
    if text[..first_line_end].trim_end() != "---" {
        return Err(TopicError {
            line: 1,
            column: 1,
            kind: TopicErrorKind::MissingFrontMatter,
        });
    }
    let mut meta = Meta::default();
    let mut offset = start + first_line_end + 1;
    loop {
        if offset >= source.len() {
            return Err(TopicError {
                line: 1,
                column: 1,
                kind: TopicErrorKind::UnterminatedFrontMatter,
            });
        }
        let line_end = source[offset..]
            .find('\n')
            .map_or(source.len(), |i| offset + i);
        let line = source[offset..line_end].trim_end_matches('\r');
        let next = (line_end + 1).min(source.len());
        if line.trim_end() == "---" {
            if meta.title.is_empty() {
                let (line, column) = line_column(source, offset);
                return Err(TopicError {
                    line,
                    column,
                    kind: TopicErrorKind::MissingTitle,
                });
            }
            return Ok((meta, &source[next..], next));
        }
        if let Some((key, value)) = line.split_once(':') {
            if !key.starts_with(' ') {
                set(&mut meta, key.trim(), unquote(value.trim()));
            }
        }
        offset = next;
    }
}

fn unquote(value: &str) -> String {
    for q in ['"', '\''] {
        if value.len() >= 2 && value.starts_with(q) && value.ends_with(q) {
            return value[1..value.len() - 1].to_string();
        }
    }
    value.to_string()
}

fn set(meta: &mut Meta, key: &str, value: String) {
    let slot = match key {
        "title" => {
            meta.title = value;
            return;
        }
        "description" => &mut meta.description,
        "ms.contentlocale" => &mut meta.locale,
        "ms.translationtype" => &mut meta.translation_type,
        "ms.date" => &mut meta.date,
        "ms.lasthandoff" => &mut meta.last_handoff,
        "ms.locfileid" => &mut meta.loc_file_id,
        "ms.topic" => &mut meta.topic_type,
        "helpmark.sourcehash" => &mut meta.source_hash,
        _ => return,
    };
    *slot = Some(value);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_keys_are_read_and_quotes_removed() {
        let (meta, body, offset) = split(
            "---\ntitle: Kunden | PC\nms.locfileid: \"82797768\"\nms.contentlocale: de-DE\n---\nBody\n",
        )
        .unwrap();
        assert_eq!(meta.title, "Kunden | PC");
        assert_eq!(meta.loc_file_id.as_deref(), Some("82797768"));
        assert_eq!(meta.locale.as_deref(), Some("de-DE"));
        assert_eq!(body, "Body\n");
        assert_eq!(offset, 76);
    }

    #[test]
    fn a_file_without_front_matter_is_not_a_topic() {
        let err = split("# Just Markdown\n").unwrap_err();
        assert_eq!(err.kind, TopicErrorKind::MissingFrontMatter);
    }

    #[test]
    fn unterminated_front_matter_is_an_error() {
        let err = split("---\ntitle: x\n").unwrap_err();
        assert_eq!(err.kind, TopicErrorKind::UnterminatedFrontMatter);
    }

    #[test]
    fn a_topic_needs_a_title_and_the_error_points_at_the_closing_line() {
        let err = split("---\nms.topic: article\n---\n").unwrap_err();
        assert_eq!(err.kind, TopicErrorKind::MissingTitle);
        assert_eq!((err.line, err.column), (3, 1));
    }

    #[test]
    fn dates_become_sortable() {
        assert_eq!(iso_date("05/12/2021").as_deref(), Some("2021-05-12"));
        assert_eq!(iso_date("5/12/2021"), None);
    }
}
