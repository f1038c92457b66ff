//! Locales: negotiation, text direction and the widget's own UI strings.
//!
//! [`negotiate`] picks the best available locale for the user's ordered preferences
//! (`navigator.languages`), with regional and script fallbacks; [`strings`] gives the UI
//! strings of a locale.

mod strings;

pub use strings::{
    add_strings, has_strings, parse_strings_file, stale_translation_note, strings, strings_file,
    strings_files, strings_path, UiStrings, UI_LOCALES,
};

/// The locale of English content, derived from the English halves of any article.
pub const ENGLISH: &str = "en-US";

/// Picks the best of `available` for the ordered `requested` list, or `default`.
///
/// For each requested tag in turn (RFC 4647 lookup, with regional fallback): an exact
/// match; else the same language in another region, the language's usual region first
/// (`de-AT` → `de-DE`, `es-MX` → `es-ES`, `sv` → `sv-SE`). Scripts are respected:
/// `zh-Hans-CN` and `zh` find `zh-CN` (Simplified), while Traditional Chinese (`zh-TW`,
/// `zh-Hant`) does not fall back to Simplified. Unparsable tags are skipped.
///
/// This replaced fluent-langneg, whose Unicode locale machinery was about 8 KB of the
/// widget's WebAssembly (a 150 KB first-open budget) for what these rules cover.
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
    let offered: Vec<(Tag, &str)> = available
        .iter()
        .filter_map(|a| Tag::parse(a.as_ref()).map(|t| (t, a.as_ref())))
        .collect();
    for wanted in requested.iter().filter_map(|r| Tag::parse(r.as_ref())) {
        let same_language = || {
            offered
                .iter()
                .filter(|(t, _)| t.language == wanted.language && t.script == wanted.script)
        };
        let exact = same_language().find(|(t, _)| t.region == wanted.region);
        let usual =
            same_language().find(|(t, _)| t.region.as_deref() == usual_region(&wanted.language));
        if let Some((_, tag)) = exact.or(usual).or_else(|| same_language().next()) {
            return tag.to_string();
        }
    }
    default.to_string()
}

/// A language tag reduced to what negotiation compares: language, script and region,
/// normalized (`zh_hant_tw` → `zh`, `Hant`, `TW`). Chinese gets its script from its region
/// when it names none.
#[derive(Debug, PartialEq, Eq)]
struct Tag {
    language: String,
    script: Option<String>,
    region: Option<String>,
}

impl Tag {
    fn parse(tag: &str) -> Option<Tag> {
        let mut parts = tag.trim().split(['-', '_']);
        let language = parts
            .next()
            .filter(|l| (2..=3).contains(&l.len()) && l.chars().all(|c| c.is_ascii_alphabetic()))?;
        let mut tag = Tag {
            language: language.to_ascii_lowercase(),
            script: None,
            region: None,
        };
        let mut next = parts.next();
        if let Some(script) =
            next.filter(|s| s.len() == 4 && s.chars().all(|c| c.is_ascii_alphabetic()))
        {
            tag.script = Some(format!(
                "{}{}",
                script[..1].to_ascii_uppercase(),
                script[1..].to_ascii_lowercase()
            ));
            next = parts.next();
        }
        let region = |r: &str| {
            (r.len() == 2 && r.chars().all(|c| c.is_ascii_alphabetic()))
                || (r.len() == 3 && r.chars().all(|c| c.is_ascii_digit()))
        };
        if let Some(r) = next.filter(|r| region(r)) {
            tag.region = Some(r.to_ascii_uppercase());
        }
        if tag.language == "zh" && tag.script.is_none() {
            let traditional = matches!(tag.region.as_deref(), Some("TW" | "HK" | "MO"));
            tag.script = Some(if traditional { "Hant" } else { "Hans" }.to_string());
        }
        Some(tag)
    }
}

/// The region a language is most often meant for (CLDR's likely subtags, for the
/// languages of the corpus and a few more).
fn usual_region(language: &str) -> Option<&'static str> {
    Some(match language {
        "ar" => "SA",
        "de" => "DE",
        "en" => "US",
        "es" => "ES",
        "fr" => "FR",
        "he" => "IL",
        "it" => "IT",
        "ja" => "JP",
        "ko" => "KR",
        "nl" => "NL",
        "pt" => "BR",
        "ru" => "RU",
        "sv" => "SE",
        "zh" => "CN",
        _ => return None,
    })
}

/// The locale of the widget's own strings for the user's ordered languages: the best of
/// [`UI_LOCALES`], English otherwise.
///
/// # Examples
///
/// ```
/// assert_eq!(helpmark::locale::ui_locale(&["fr-CA"]), "fr-FR");
/// assert_eq!(helpmark::locale::ui_locale(&["xx"]), "en-US");
/// ```
pub fn ui_locale<S: AsRef<str>>(languages: &[S]) -> String {
    negotiate(languages, &UI_LOCALES, ENGLISH)
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
    fn tags_are_compared_whatever_their_case_and_separator() {
        assert_eq!(negotiate(&["DE_at"], &SEEDS, ENGLISH), "de-DE");
        assert_eq!(negotiate(&["zh-hans"], &SEEDS, ENGLISH), "zh-CN");
        assert_eq!(negotiate(&["en"], &["en-GB", "en-US"], "x"), "en-US");
        assert_eq!(negotiate(&["es-419"], &["es-ES", "es-MX"], "x"), "es-ES");
    }

    #[test]
    fn garbage_tags_are_skipped() {
        assert_eq!(negotiate(&["", "%%", "sv-SE"], &SEEDS, ENGLISH), "sv-SE");
        assert_eq!(negotiate::<&str, &str>(&[], &SEEDS, ENGLISH), "en-US");
    }
}
