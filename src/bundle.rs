//! The embeddable files of a release build: the loader `helpmark.js` (a stable name, so
//! host pages can keep their tag) points at cache-busted names for everything else.
//!
//! [`loader_source`] fills the loader template with the build's file names, the UI strings
//! it needs (from the Rust tables in [`crate::locale`]: one table, no copy in JavaScript)
//! and its icon's styles, and strips its comments (the page pays for it at load: a
//! 2,048-byte gzip budget). The widget's own stylesheet is not a file of the build: the
//! build script compiles it, minified, into the WebAssembly ([`minify_css`]).

mod minify;

pub use minify::minify_css;

/// The file names a loader refers to, relative to the loader itself.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BuildFiles {
    /// wasm-bindgen's JavaScript glue (`helpmark-web-<hash>.js`).
    pub glue: String,
    /// The WebAssembly (`helpmark-web-<hash>_bg.wasm`).
    pub wasm: String,
}

impl BuildFiles {
    /// Picks the glue and the WebAssembly out of a build folder's file names.
    ///
    /// # Examples
    ///
    /// ```
    /// use helpmark::bundle::BuildFiles;
    ///
    /// let names = ["index.html", "helpmark-web-12ab.js", "helpmark-web-12ab_bg.wasm", "portal-9f.js"];
    /// let files = BuildFiles::find(&names).unwrap();
    /// assert_eq!((files.glue.as_str(), files.wasm.as_str()), ("helpmark-web-12ab.js", "helpmark-web-12ab_bg.wasm"));
    /// ```
    pub fn find<S: AsRef<str>>(names: &[S]) -> Option<BuildFiles> {
        let named = |suffix: &str| {
            names
                .iter()
                .map(AsRef::as_ref)
                .find(|n| {
                    n.starts_with("helpmark-web-")
                        && n.ends_with(suffix)
                        && (suffix != ".js" || !n.ends_with("_bg.js"))
                })
                .map(str::to_string)
        };
        Some(BuildFiles {
            glue: named(".js")?,
            wasm: named("_bg.wasm")?,
        })
    }
}

/// The styles of the loader's own elements (the help icon, `<help-mark>`'s inline button
/// and the message shown when the widget's code cannot be loaded), before minifying.
pub const LOADER_CSS: &str = include_str!("../assets/embed/loader.css");

/// The loader: `template` with `__GLUE__`, `__WASM__`, `__STRINGS__` ([`loader_strings`]),
/// `__ICON__` (the widget's icon path) and `__CSS__` (the minified [`LOADER_CSS`]) replaced, its `//` comments and indentation
/// removed (the leading `/*! ... */` notice stays). The strings and the CSS go into
/// single-quoted JavaScript strings.
pub fn loader_source(template: &str, files: &BuildFiles) -> String {
    let filled = template
        .replace("__GLUE__", &files.glue)
        .replace("__WASM__", &files.wasm)
        .replace("__STRINGS__", &js_quoted(&loader_strings()))
        .replace("__LOCALE__", &strings_line(|s| &mut s.locale).to_string())
        .replace(
            "__FAILED__",
            &strings_line(|s| &mut s.code_failed).to_string(),
        )
        .replace("__RETRY__", &strings_line(|s| &mut s.retry).to_string())
        .replace(
            "__FAILED_EN__",
            &js_quoted(crate::locale::strings("en-US").code_failed),
        )
        .replace(
            "__RETRY_EN__",
            &js_quoted(crate::locale::strings("en-US").retry),
        )
        .replace("__ICON__", &js_quoted(crate::components::ICON_PATH))
        .replace("__CSS__", &js_quoted(&minify_css(LOADER_CSS)));
    let mut out = String::with_capacity(filled.len());
    for line in filled.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with("//") {
            continue;
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// The loader's UI strings for every UI locale, from the widget's own tables: per locale
/// its tag and the help icon's name, all joined with `|` (English first: the loader's
/// fallback, as in [`crate::locale::ui_locale`]). The message shown when the widget's code
/// cannot be loaded, and its retry button, come from the UI locale's strings file
/// ([`crate::locale::strings_file`]), which the loader requests beside the code (English,
/// built in, when there is none).
///
/// # Examples
///
/// ```
/// let strings = helpmark::bundle::loader_strings();
/// assert!(strings.starts_with("en-US|Help|de-DE|Hilfe|"));
/// assert_eq!(strings.split('|').count(), 2 * helpmark::locale::UI_LOCALES.len());
/// ```
pub fn loader_strings() -> String {
    crate::locale::UI_LOCALES
        .iter()
        .map(|tag| {
            let s = crate::locale::strings(tag);
            [s.locale, s.help].join("|")
        })
        .collect::<Vec<_>>()
        .join("|")
}

/// The line of a strings file ([`crate::locale::strings_file`]) that holds the string
/// `field` picks (counting from 0, the header's line).
fn strings_line(field: fn(&mut crate::locale::UiStrings) -> &mut &'static str) -> usize {
    let mut marked = *crate::locale::strings("en-US");
    *field(&mut marked) = "\u{1}";
    crate::locale::strings_file(&marked)
        .lines()
        .position(|line| line == "\u{1}")
        .expect("every field has its line")
}

/// `text` with the characters that would end or change a single-quoted JavaScript string
/// (or a line of the loader) escaped.
fn js_quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\'' => out.push_str("\\'"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files() -> BuildFiles {
        BuildFiles {
            glue: "helpmark-web-1.js".into(),
            wasm: "helpmark-web-1_bg.wasm".into(),
        }
    }

    #[test]
    fn the_loader_names_the_build_files_and_loses_its_comments() {
        let template = "/*! notice */\n(function () {\n  // a comment\n  import('__GLUE__'); load('__WASM__');\n})();\n";
        assert_eq!(
            loader_source(template, &files()),
            "/*! notice */\n(function () {\nimport('helpmark-web-1.js'); load('helpmark-web-1_bg.wasm');\n})();\n"
        );
    }

    #[test]
    fn the_loader_gets_the_strings_of_every_ui_locale_from_the_rust_tables() {
        let loader = loader_source("var T = '__STRINGS__';", &files());
        for tag in crate::locale::UI_LOCALES {
            let s = crate::locale::strings(tag);
            for text in [s.locale, s.help] {
                assert!(!text.contains('|'), "{tag}: {text} would split the table");
                assert!(loader.contains(&js_quoted(text)), "{tag}: {text}");
            }
            // The failure message comes from the strings file, not the loader.
            if tag != "en-US" {
                assert!(!loader.contains(s.code_failed), "{tag}");
            }
        }
        assert!(loader.contains("|es-ES|Ayuda|"));
    }

    #[test]
    fn the_loader_reads_the_failure_message_from_the_lines_that_hold_it() {
        let loader = loader_source(
            "s[__LOCALE__] || T; s[__FAILED__] || '__FAILED_EN__'; s[__RETRY__] || '__RETRY_EN__'",
            &files(),
        );
        let lines: Vec<String> = loader
            .split(['[', ']'])
            .skip(1)
            .step_by(2)
            .map(str::to_string)
            .collect();
        let german = crate::locale::strings_file(crate::locale::strings("de-DE"));
        let german: Vec<&str> = german.lines().collect();
        let at = |i: &String| german[i.parse::<usize>().unwrap()];
        assert_eq!(
            lines.iter().map(at).collect::<Vec<_>>(),
            [
                "de-DE",
                "Die Hilfe konnte nicht geladen werden.",
                "Erneut versuchen"
            ]
        );
        assert!(loader.contains("'Help could not be loaded.'") && loader.contains("'Try again'"));
    }

    #[test]
    fn quoting_keeps_the_loader_string_closed() {
        assert_eq!(js_quoted("it's a\\b\nc"), "it\\'s a\\\\b\\nc");
        let css = loader_source("s('__CSS__')", &files());
        assert!(css.starts_with("s('") && css.ends_with("')\n"), "{css}");
        assert_eq!(css.matches('\n').count(), 1, "one line");
        assert!(css.contains(".hm-launcher"), "{css}");
    }

    #[test]
    fn the_real_loader_template_has_every_placeholder_and_fits_its_budget() {
        let template = include_str!("../assets/embed/helpmark.js");
        for placeholder in [
            "__GLUE__",
            "__WASM__",
            "__STRINGS__",
            "__ICON__",
            "__CSS__",
            "__LOCALE__",
            "__FAILED__",
            "__RETRY__",
            "__FAILED_EN__",
            "__RETRY_EN__",
        ] {
            assert!(template.contains(placeholder), "{placeholder}");
        }
        let loader = loader_source(template, &files());
        assert!(!loader.contains("__"), "every placeholder filled");
        assert!(
            loader.contains(crate::components::ICON_PATH),
            "the widget's icon"
        );
        // The gzip budget is checked on the release build (tests/e2e/size.spec.ts); raw
        // size is a cheap early warning here.
        assert!(loader.len() < 9 * 1024, "{} bytes", loader.len());
    }

    #[test]
    fn finding_build_files_needs_both_glue_and_wasm() {
        assert_eq!(BuildFiles::find(&["helpmark-web-1.js"]), None);
    }
}
