//! The embeddable files of a release build: the loader `helpmark.js` (a stable name, so
//! host pages can keep their tag) points at cache-busted names for everything else.
//!
//! [`loader_source`] fills the loader template with the build's file names and strips its
//! comments (it has a 2 KB gzip budget); [`content_hash`] names the stylesheet after its
//! content.

/// A 64-bit FNV-1a hash of `bytes`, as 16 hex digits: a stable, content-derived name
/// part (not a security measure).
///
/// # Examples
///
/// ```
/// assert_eq!(helpmark::bundle::content_hash(b""), "cbf29ce484222325");
/// assert_ne!(helpmark::bundle::content_hash(b"a"), helpmark::bundle::content_hash(b"b"));
/// ```
pub fn content_hash(bytes: &[u8]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in bytes {
        hash ^= u64::from(*byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{hash:016x}")
}

/// The file names a loader refers to, relative to the loader itself.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BuildFiles {
    /// wasm-bindgen's JavaScript glue (`helpmark-web-<hash>.js`).
    pub glue: String,
    /// The WebAssembly (`helpmark-web-<hash>_bg.wasm`).
    pub wasm: String,
    /// The stylesheet (`helpmark-<hash>.css`).
    pub css: String,
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
    /// let files = BuildFiles::find(&names, "helpmark-3c4d.css").unwrap();
    /// assert_eq!((files.glue.as_str(), files.wasm.as_str()), ("helpmark-web-12ab.js", "helpmark-web-12ab_bg.wasm"));
    /// ```
    pub fn find<S: AsRef<str>>(names: &[S], css: &str) -> Option<BuildFiles> {
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
            css: css.to_string(),
        })
    }
}

/// The loader: `template` with `__GLUE__`, `__WASM__` and `__CSS__` replaced, its `//`
/// comments and indentation removed (the leading `/*! ... */` notice stays).
pub fn loader_source(template: &str, files: &BuildFiles) -> String {
    let filled = template
        .replace("__GLUE__", &files.glue)
        .replace("__WASM__", &files.wasm)
        .replace("__CSS__", &files.css);
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

/// Our stylesheet without comments and indentation: lines are joined directly after
/// `{`, `}`, `;` and `,`, and with one space otherwise, so no selector or value changes.
///
/// # Examples
///
/// ```
/// let css = "/* note */\n.a,\n.b .c {\n  color: red;\n  font: 1px\n    serif;\n}\n";
/// assert_eq!(helpmark::bundle::minify_css(css), ".a,.b .c {color: red;font: 1px serif;}");
/// ```
pub fn minify_css(css: &str) -> String {
    let mut without_comments = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(start) = rest.find("/*") {
        without_comments.push_str(&rest[..start]);
        rest = rest[start..]
            .find("*/")
            .map_or("", |end| &rest[start + end + 2..]);
    }
    without_comments.push_str(rest);
    let mut out = String::with_capacity(without_comments.len());
    for line in without_comments
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
    {
        if !out.is_empty() && !out.ends_with(['{', '}', ';', ',']) {
            out.push(' ');
        }
        out.push_str(line);
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
            css: "helpmark-2.css".into(),
        }
    }

    #[test]
    fn the_loader_names_the_build_files_and_loses_its_comments() {
        let template = "/*! notice */\n(function () {\n  // a comment\n  import('__GLUE__'); load('__WASM__', '__CSS__');\n})();\n";
        assert_eq!(
            loader_source(template, &files()),
            "/*! notice */\n(function () {\nimport('helpmark-web-1.js'); load('helpmark-web-1_bg.wasm', 'helpmark-2.css');\n})();\n"
        );
    }

    #[test]
    fn the_real_loader_template_has_every_placeholder_and_fits_its_budget() {
        let template = include_str!("../assets/embed/helpmark.js");
        for placeholder in ["__GLUE__", "__WASM__", "__CSS__"] {
            assert!(template.contains(placeholder), "{placeholder}");
        }
        let loader = loader_source(template, &files());
        assert!(!loader.contains("__"), "every placeholder filled");
        // The gzip budget is checked on the release build (tests/e2e/size.spec.ts); raw
        // size is a cheap early warning here.
        assert!(loader.len() < 6 * 1024, "{} bytes", loader.len());
    }

    #[test]
    fn finding_build_files_needs_both_glue_and_wasm() {
        assert_eq!(BuildFiles::find(&["helpmark-web-1.js"], "c.css"), None);
    }
}
