//! Locales: negotiation, text direction and the widget's own UI strings.
//!
//! [`negotiate`] picks the best available locale for the user's ordered preferences
//! (`navigator.languages`), with regional and script fallbacks, using fluent-langneg's
//! filtering strategy; [`strings`] gives the UI strings of a locale.

mod strings;

pub use strings::{strings, UiStrings, UI_LOCALES};

use fluent_langneg::{negotiate_languages, LanguageIdentifier, NegotiationStrategy};

/// The locale of English content, derived from the English halves of any article.
pub const ENGLISH: &str = "en-US";

/// Picks the best of `available` for the ordered `requested` list, or `default`.
///
/// Regional variants fall back to the same language (`de-AT` → `de-DE`, `es-MX` →
/// `es-ES`), a bare language finds its region (`sv` → `sv-SE`), and scripts are respected:
/// `zh-Hans-CN` and `zh` find `zh-CN` (Simplified), while Traditional Chinese (`zh-TW`,
/// `zh-Hant`) does not fall back to Simplified. Unparsable tags are skipped.
///
/// # Examples
///
/// ```
/// use helpmark::locale::negotiate;
///
/// let available = ["de-DE", "es-ES", "ru-RU", "sv-SE", "zh-CN", "en-US"];
/// assert_eq!(negotiate(&["de-AT"], &available, "en-US"), "de-DE");
/// assert_eq!(negotiate(&["zh-Hans-CN"], &available, "en-US"), "zh-CN");
/// assert_eq!(negotiate(&["fr-CA", "fr"], &available, "en-US"), "en-US");
/// assert_eq!(negotiate(&["fr-CA", "sv"], &available, "en-US"), "sv-SE");
/// ```
pub fn negotiate<R: AsRef<str>, A: AsRef<str>>(
    requested: &[R],
    available: &[A],
    default: &str,
) -> String {
    let available_ids: Vec<LanguageIdentifier> = available
        .iter()
        .filter_map(|a| a.as_ref().parse().ok())
        .collect();
    for tag in requested {
        let Ok(mut id) = tag.as_ref().trim().parse::<LanguageIdentifier>() else {
            continue;
        };
        add_chinese_script(&mut id);
        let candidates: Vec<&LanguageIdentifier> = available_ids
            .iter()
            .filter(|a| scripts_compatible(&id, a))
            .collect();
        let found = negotiate_languages(
            std::slice::from_ref(&id),
            &candidates,
            None,
            NegotiationStrategy::Filtering,
        );
        if let Some(best) = found.first() {
            let best = best.to_string();
            // Return the caller's spelling of the tag.
            return available
                .iter()
                .map(AsRef::as_ref)
                .find(|a| a.eq_ignore_ascii_case(&best))
                .unwrap_or(&best)
                .to_string();
        }
    }
    default.to_string()
}

/// `zh-TW`, `zh-HK` and `zh-MO` are written in Traditional script.
fn add_chinese_script(id: &mut LanguageIdentifier) {
    if id.language.as_str() != "zh" || id.script.is_some() {
        return;
    }
    let traditional = id
        .region
        .map(|r| matches!(r.as_str(), "TW" | "HK" | "MO"))
        .unwrap_or(false);
    let script = if traditional { "Hant" } else { "Hans" };
    id.script = script.parse().ok();
}

/// Whether content in `available` can be read by someone asking for `requested`:
/// Chinese in Traditional script is not served Simplified content and the reverse.
fn scripts_compatible(requested: &LanguageIdentifier, available: &LanguageIdentifier) -> bool {
    if requested.language.as_str() != "zh" || available.language.as_str() != "zh" {
        return true;
    }
    let mut available = available.clone();
    add_chinese_script(&mut available);
    requested.script == available.script
}

/// Reading direction of a locale's script.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Ltr,
    Rtl,
}

impl Direction {
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Ltr => "ltr",
            Direction::Rtl => "rtl",
        }
    }
}

/// The direction of a locale: right to left for Arabic, Hebrew, Persian and Urdu.
///
/// # Examples
///
/// ```
/// use helpmark::locale::{direction, Direction};
/// assert_eq!(direction("he-IL"), Direction::Rtl);
/// assert_eq!(direction("de-DE"), Direction::Ltr);
/// ```
pub fn direction(locale: &str) -> Direction {
    let lang = locale.split(['-', '_']).next().unwrap_or_default();
    match lang.to_ascii_lowercase().as_str() {
        "ar" | "he" | "fa" | "ur" | "yi" => Direction::Rtl,
        _ => Direction::Ltr,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SEEDS: [&str; 6] = ["de-DE", "es-ES", "ru-RU", "sv-SE", "zh-CN", "en-US"];

    #[test]
    fn regional_and_script_fallbacks_match_the_issue_table() {
        let cases = [
            ("de-AT", "de-DE"),
            ("sv", "sv-SE"),
            ("zh", "zh-CN"),
            ("zh-Hans-CN", "zh-CN"),
            ("es-MX", "es-ES"),
            ("fr-CA", "en-US"),
            ("en-GB", "en-US"),
            ("ru", "ru-RU"),
        ];
        for (requested, expected) in cases {
            assert_eq!(
                negotiate(&[requested], &SEEDS, ENGLISH),
                expected,
                "{requested}"
            );
        }
    }

    #[test]
    fn traditional_chinese_does_not_get_simplified_content() {
        assert_eq!(negotiate(&["zh-TW"], &SEEDS, ENGLISH), "en-US");
        assert_eq!(negotiate(&["zh-Hant"], &SEEDS, ENGLISH), "en-US");
        assert_eq!(negotiate(&["zh-TW"], &["zh-TW", "zh-CN"], ENGLISH), "zh-TW");
    }

    #[test]
    fn later_preferences_are_used_when_earlier_ones_have_no_content() {
        assert_eq!(negotiate(&["fr-CA", "fr", "de"], &SEEDS, ENGLISH), "de-DE");
    }

    #[test]
    fn an_exact_match_beats_a_regional_one() {
        assert_eq!(negotiate(&["pt-PT"], &["pt-BR", "pt-PT"], ENGLISH), "pt-PT");
    }

    #[test]
    fn garbage_tags_are_skipped() {
        assert_eq!(negotiate(&["", "%%", "sv-SE"], &SEEDS, ENGLISH), "sv-SE");
        assert_eq!(negotiate::<&str, &str>(&[], &SEEDS, ENGLISH), "en-US");
    }
}
