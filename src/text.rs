//! Letters, digits and lower case, for comparing names and words in any script.
//!
//! The standard library answers these from its own Unicode tables, and those tables cost
//! the WebAssembly ~9,600 bytes gzip (issue #11) although the browser that runs it carries
//! the same tables. So in the WebAssembly these functions ask the JavaScript engine
//! (`String.prototype.toLowerCase` and a `[\p{Alphabetic}\p{N}]` regular expression, the
//! same Unicode properties as [`char::is_alphanumeric`] and [`char::to_lowercase`]);
//! natively they use the standard library. ASCII text never leaves Rust. The browser tests
//! check that both give the same results.

/// `text` in lower case, as [`str::to_lowercase`] (a word-final capital sigma becomes `ς`).
///
/// ```
/// assert_eq!(helpmark::text::lowercase("Straße İ ΟΔΟΣ"), "straße i\u{307} οδος");
/// ```
pub fn lowercase(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    imp::lowercase(text)
}

/// The letters and digits of `text` ([`char::is_alphanumeric`]), each in lower case as
/// [`char::to_lowercase`] maps it (no context: a final capital sigma becomes `σ`).
///
/// ```
/// assert_eq!(helpmark::text::lowercase_alphanumerics(" Centro de  Partners! "), "centrodepartners");
/// assert_eq!(helpmark::text::lowercase_alphanumerics("Клиенты №2"), "клиенты2");
/// ```
pub fn lowercase_alphanumerics(text: &str) -> String {
    if text.is_ascii() {
        return text
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .map(|c| c.to_ascii_lowercase())
            .collect();
    }
    // `σ` for every `Σ` first: the character-by-character mapping knows no word ends.
    imp::lowercase(&imp::alphanumerics(text).replace('Σ', "σ"))
}

/// The runs of letters and digits of `text`, each in lower case.
///
/// ```
/// assert_eq!(helpmark::text::lowercase_words("Then choose a Customer-list."), ["then", "choose", "a", "customer", "list"]);
/// ```
pub fn lowercase_words(text: &str) -> Vec<String> {
    if text.is_ascii() {
        return text
            .split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_ascii_lowercase)
            .collect();
    }
    imp::words(text)
        .into_iter()
        .filter(|w| !w.is_empty())
        .map(|w| lowercase(&w))
        .collect()
}

/// Whether `c` is a letter or digit, as [`char::is_alphanumeric`].
///
/// ```
/// assert!(helpmark::text::is_alphanumeric('ж') && !helpmark::text::is_alphanumeric('·'));
/// ```
pub fn is_alphanumeric(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    imp::is_alphanumeric(c)
}

/// The standard library's tables (native builds: the command line and the tests).
#[cfg(not(target_arch = "wasm32"))]
mod imp {
    pub fn lowercase(text: &str) -> String {
        text.to_lowercase()
    }

    pub fn alphanumerics(text: &str) -> String {
        text.chars().filter(|c| c.is_alphanumeric()).collect()
    }

    pub fn is_alphanumeric(c: char) -> bool {
        c.is_alphanumeric()
    }

    pub fn words(text: &str) -> Vec<String> {
        text.split(|c: char| !c.is_alphanumeric())
            .map(str::to_string)
            .collect()
    }
}

/// The JavaScript engine's tables (the widget's WebAssembly).
#[cfg(target_arch = "wasm32")]
mod imp {
    use js_sys::{JsString, RegExp};

    thread_local! {
        /// Anything but a letter or digit, as `char::is_alphanumeric` means them.
        static NOT_ALPHANUMERIC: RegExp = RegExp::new(r"[^\p{Alphabetic}\p{N}]+", "gu");
    }

    /// Both this and `str::to_lowercase` apply Unicode's one context-dependent mapping
    /// that is not language-specific (a word-final `Σ` becomes `ς`).
    pub fn lowercase(text: &str) -> String {
        JsString::from(text).to_lower_case().into()
    }

    pub fn is_alphanumeric(c: char) -> bool {
        let mut buf = [0u8; 4];
        alphanumerics(c.encode_utf8(&mut buf)).len() == c.len_utf8()
    }

    pub fn alphanumerics(text: &str) -> String {
        NOT_ALPHANUMERIC.with(|re| JsString::from(text).replace_by_pattern(re, "").into())
    }

    pub fn words(text: &str) -> Vec<String> {
        NOT_ALPHANUMERIC.with(|re| {
            JsString::from(text)
                .split_by_pattern(re)
                .iter()
                .filter_map(|w| w.as_string())
                .collect()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_and_unicode_agree_with_the_standard_library() {
        for text in [
            "Partner Center",
            "Users and licenses…",
            "Straße",
            "ΟΔΟΣ Σ",
            "İstanbul",
            "客户 列表",
            "Клиенты (Customers)",
        ] {
            assert_eq!(lowercase(text), text.to_lowercase(), "{text}");
            let std_alnum: String = text
                .chars()
                .filter(|c| c.is_alphanumeric())
                .flat_map(char::to_lowercase)
                .collect();
            assert_eq!(lowercase_alphanumerics(text), std_alnum, "{text}");
            let std_words: Vec<String> = text
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(str::to_lowercase)
                .collect();
            assert_eq!(lowercase_words(text), std_words, "{text}");
            for c in text.chars() {
                assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c}");
            }
        }
    }
}
