//! `helpmark bundle`: the embeddable files of a build, a module of the writers' command
//! line (never part of the widget's library). Trunk's post-build hook calls it with its
//! staging folder.
//!
//! The loader `helpmark.js` has a stable name, so host pages can keep their tag; it points
//! at the content-hashed names of everything else. [`loader_source`] fills the loader
//! template with the build's file names, the protocol's names (from `host_event`: the
//! events, the command event and the commands), the UI strings it needs (from the Rust
//! tables in `helpmark::locale`: one table, no copy in JavaScript) and its icon and icon
//! styles, and strips its comments (the page pays for it at load). The widget's own
//! stylesheet is not a file of the build: the build script compiles it, minified, into the
//! WebAssembly ([`minify_css`]).

mod minify;
mod names;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

pub use minify::minify_css;
pub use names::shorten_names;

use helpmark::host_event::{HostEvent, COMMANDS, COMMAND_EVENT, EVENT_PREFIX, MOUNTED_EVENT};

/// The file names a loader refers to, relative to the loader itself.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BuildFiles {
    /// wasm-bindgen's JavaScript glue (`helpmark-web-<hash>.js`).
    pub glue: String,
    /// The WebAssembly (`helpmark-web-<hash>_bg.wasm`).
    pub wasm: String,
    /// The loader's boot module (`helpmark-boot-<hash>.js`, named from its content by
    /// [`write_loader`], which writes it; empty until then).
    pub boot: String,
}

impl BuildFiles {
    /// Picks the glue and the WebAssembly out of a build folder's file names.
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
            boot: String::new(),
        })
    }

    /// The glue and WebAssembly of the build in `dist`.
    pub fn in_folder(dist: &Path) -> Result<BuildFiles, String> {
        let names: Vec<String> = std::fs::read_dir(dist)
            .map_err(|e| format!("{}: {e}", dist.display()))?
            .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
            .collect();
        BuildFiles::find(&names).ok_or_else(|| {
            format!(
                "{}: no helpmark-web-*.js and *_bg.wasm (run trunk build first)",
                dist.display()
            )
        })
    }
}

/// The styles of the loader's own elements (the help icon and `<help-mark>`'s inline
/// button), before minifying.
pub const LOADER_CSS: &str = include_str!("../assets/embed/loader.css");

/// The styles of the message shown when the widget's code cannot be loaded (the boot
/// module's), before minifying.
pub const NOTE_CSS: &str = include_str!("../assets/embed/note.css");

/// The loader: `template` with its placeholders replaced, its `//` comments and
/// indentation removed (the leading `/*! ... */` notice stays):
///
/// - `__GLUE__`, `__WASM__`, `__BOOT__`: the build's files; `__STEM__` the glue's name
///   without `.js` (the WebAssembly's is the same with `_bg.wasm`: [`write_loader`]
///   checks it);
/// - `__STRINGS__` ([`loader_strings`]), `__UI_LOCALES__` ([`ui_locales`]), `__ICON__` (the widget's icon path), `__CSS__`
///   (the minified [`LOADER_CSS`]), `__NOTE_CSS__` (the minified [`NOTE_CSS`]);
/// - the protocol with the host page, typed in `helpmark::host_event`: `__EVENT_PREFIX__`,
///   `__ERROR_EVENT__`, `__COMMAND_EVENT__`, `__MOUNTED_EVENT__`, `__OPEN__` (the command
///   that opens the panel), `__COMMANDS__` (the API's command names, as a list of quoted
///   strings) and `__PROGRESS_KEY__` (where a guide in progress is kept in
///   `sessionStorage`).
///
/// Every other value goes into a single-quoted JavaScript string.
pub fn loader_source(template: &str, files: &BuildFiles) -> String {
    let filled = template
        .replace("__GLUE__", &files.glue)
        .replace("__WASM__", &files.wasm)
        .replace("__BOOT__", &files.boot)
        .replace(
            "__STEM__",
            files.glue.strip_suffix(".js").unwrap_or(&files.glue),
        )
        .replace("__STRINGS__", &js_quoted(&loader_strings()))
        .replace("__UI_LOCALES__", &js_quoted(&ui_locales()))
        .replace("__LOCALE__", &strings_line(|s| &mut s.locale).to_string())
        .replace(
            "__FAILED__",
            &strings_line(|s| &mut s.code_failed).to_string(),
        )
        .replace("__RETRY__", &strings_line(|s| &mut s.retry).to_string())
        .replace(
            "__FAILED_EN__",
            &js_quoted(helpmark::locale::strings("en-US").code_failed),
        )
        .replace(
            "__RETRY_EN__",
            &js_quoted(helpmark::locale::strings("en-US").retry),
        )
        .replace("__ICON__", &js_quoted(helpmark::components::ICON_PATH))
        .replace("__NOTE_CSS__", &js_quoted(&minify_css(NOTE_CSS)))
        .replace("__CSS__", &js_quoted(&minify_css(LOADER_CSS)))
        .replace("__EVENT_PREFIX__", EVENT_PREFIX)
        .replace("__ERROR_EVENT__", HostEvent::ERROR)
        .replace("__COMMAND_EVENT__", COMMAND_EVENT)
        .replace("__MOUNTED_EVENT__", MOUNTED_EVENT)
        .replace("__OPEN__", COMMANDS[0])
        .replace(
            "__COMMANDS__",
            &COMMANDS.map(|c| format!("'{c}'")).join(", "),
        )
        .replace("__PROGRESS_KEY__", helpmark::hooks::PROGRESS_KEY);
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
/// its language (no two UI locales share one: the loader negotiates by language) and the
/// help icon's name, all joined with `|` (English first: the loader's fallback, as in
/// [`helpmark::locale::ui_locale`]). The message shown when the widget's code cannot be
/// loaded, and its retry button, come from the UI locale's strings file
/// (`helpmark::locale::strings_file`), which the boot module requests beside the code
/// (English, built in, when there is none).
pub fn loader_strings() -> String {
    helpmark::locale::UI_LOCALES
        .iter()
        .map(|tag| {
            let s = helpmark::locale::strings(tag);
            [language(s.locale), s.help].join("|")
        })
        .collect::<Vec<_>>()
        .join("|")
}

/// The UI locales' tags, joined with `|` in the order of [`loader_strings`] (the boot
/// module's: it turns the loader's language back into the tag of the strings file).
pub fn ui_locales() -> String {
    helpmark::locale::UI_LOCALES.join("|")
}

/// The language of a locale tag (`de` of `de-DE`).
fn language(tag: &str) -> &str {
    tag.split('-').next().unwrap_or(tag)
}

/// The line of a strings file (`helpmark::locale::strings_file`) that holds the string
/// `field` picks (counting from 0, the header's line).
fn strings_line(field: fn(&mut helpmark::locale::UiStrings) -> &mut &'static str) -> usize {
    let mut marked = *helpmark::locale::strings("en-US");
    *field(&mut marked) = "\u{1}";
    helpmark::locale::strings_file(&marked)
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

/// Writes `<dist>/helpmark.js` (the stable-named loader) from `template` for the build in
/// `dist`, and its boot module `<dist>/helpmark-boot-<hash>.js` from `boot.js` beside the
/// template (the hash is of its content, so a cached copy is never stale): the loader
/// names the boot module and the hashed glue and WebAssembly and carries its strings and
/// icon styles (the widget's stylesheet is compiled into the WebAssembly: no stylesheet
/// file).
pub fn write_loader(dist: &Path, template: &Path) -> Result<BuildFiles, String> {
    let read =
        |path: &Path| std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()));
    let template_text = read(template)?;
    let boot_text = read(&template.with_file_name("boot.js"))?;
    let mut files = BuildFiles::in_folder(dist)?;
    if files.glue.replace(".js", "_bg.wasm") != files.wasm {
        return Err(format!(
            "{}: the glue {} and the WebAssembly {} do not share a name",
            dist.display(),
            files.glue,
            files.wasm
        ));
    }
    let boot = loader_source(&boot_text, &files);
    files.boot = format!("helpmark-boot-{:08x}.js", fnv1a(boot.as_bytes()) as u32);
    let write = |name: &str, text: &str| {
        let path = dist.join(name);
        std::fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))
    };
    write(&files.boot, &boot)?;
    write("helpmark.js", &loader_source(&template_text, &files))?;
    eprintln!(
        "helpmark: wrote helpmark.js and {} for {} and {}",
        files.boot, files.glue, files.wasm
    );
    Ok(files)
}

/// The 64-bit FNV-1a hash of `bytes` (the boot module's name: stable across builds and
/// Rust versions, unlike the standard library's hasher).
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// What `helpmark bundle` reads, besides the build folder.
pub struct Sources {
    /// The help content (`assets/help`).
    pub content: PathBuf,
    /// The loader's template and the plain embedding example (`assets/embed`).
    pub embed: PathBuf,
    /// terser, when installed (`node_modules/.bin/terser`): release builds minify the
    /// glue and the loader with it.
    pub terser: PathBuf,
}

/// The embeddable files of the build in `dist` (Trunk's staging folder), in order:
///
/// 1. the content, indexed and compiled into `<dist>/help/` by `index` (`helpmark index`);
///    an article that cannot be indexed fails a release build, while a debug build (the
///    writers' `trunk serve`) goes on and its preview shows the failure;
/// 2. on a debug build, the demo portal's `<html>` gets `data-helpmark-preview` (its
///    writers' preview toolbar shows without `?preview`);
/// 3. the loader `helpmark.js` and its boot module ([`write_loader`]);
/// 4. on a release build, wasm-bindgen's import and export names shortened in the
///    WebAssembly and the glue ([`shorten_names`]), then the glue, the loader and its boot
///    module minified by terser when it is installed;
/// 5. the plain embedding example (`example.html`, `.js`, `.css`) as `embed-example.*`.
pub fn bundle(
    dist: &Path,
    release: bool,
    sources: &Sources,
    index: impl FnOnce(&Path, Option<PathBuf>) -> Result<ExitCode, String>,
) -> Result<ExitCode, String> {
    match index(&sources.content, Some(dist.join("help/manifest.json"))) {
        Ok(code) if code == ExitCode::SUCCESS => {}
        // As `helpmark index`: 1 for articles that could not be indexed, 2 for a folder
        // that could not be read.
        Ok(code) if release => {
            eprintln!(
                "helpmark: some articles could not be indexed (see above): a release build needs every one"
            );
            return Ok(code);
        }
        Err(e) if release => return Err(e),
        Ok(_) => eprintln!(
            "helpmark: some articles could not be indexed (see above): the writers' preview lists them"
        ),
        Err(e) => eprintln!("helpmark: {e}: the writers' preview lists it"),
    }
    let page = dist.join("index.html");
    if let Ok(html) = std::fs::read_to_string(&page) {
        let mut html = without_trunk_links(&html);
        if !release && !html.contains("data-helpmark-preview") {
            html = html.replacen("<html ", "<html data-helpmark-preview ", 1);
        }
        std::fs::write(&page, html).map_err(|e| format!("{}: {e}", page.display()))?;
    }
    let files = write_loader(dist, &sources.embed.join("helpmark.js"))?;
    if release {
        shorten_build_names(dist, &files)?;
    }
    if release && sources.terser.is_file() {
        terser(&sources.terser, &dist.join(&files.glue), true)?;
        terser(&sources.terser, &dist.join("helpmark.js"), false)?;
        terser(&sources.terser, &dist.join(&files.boot), true)?;
    }
    for name in ["example.html", "example.js", "example.css"] {
        let from = sources.embed.join(name);
        if from.is_file() {
            let to = dist.join(format!("embed-{name}"));
            std::fs::copy(&from, &to).map_err(|e| format!("{}: {e}", to.display()))?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// [`shorten_names`] on the build's WebAssembly and glue, in place. Their file names stay:
/// Trunk's hash of the module before renaming still changes with every change of the code,
/// and the renaming follows from that module alone.
fn shorten_build_names(dist: &Path, files: &BuildFiles) -> Result<(), String> {
    let wasm_path = dist.join(&files.wasm);
    let glue_path = dist.join(&files.glue);
    let wasm = std::fs::read(&wasm_path).map_err(|e| format!("{}: {e}", wasm_path.display()))?;
    let glue =
        std::fs::read_to_string(&glue_path).map_err(|e| format!("{}: {e}", glue_path.display()))?;
    let (wasm, glue) = shorten_names(&wasm, &glue)
        .map_err(|e| format!("{} and {}: {e}", wasm_path.display(), glue_path.display()))?;
    std::fs::write(&wasm_path, wasm).map_err(|e| format!("{}: {e}", wasm_path.display()))?;
    std::fs::write(&glue_path, glue).map_err(|e| format!("{}: {e}", glue_path.display()))
}

/// `html` without the `<link data-trunk ...>` tags Trunk leaves when it injects no script
/// (`inject_scripts = false`: the page loads the widget through the loader).
fn without_trunk_links(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find("<link") {
        let end = rest[start..]
            .find('>')
            .map_or(rest.len(), |e| start + e + 1);
        out.push_str(&rest[..start]);
        if !rest[start..end].contains("data-trunk") {
            out.push_str(&rest[start..end]);
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// Minifies the JavaScript file `path` in place with terser (`module`: an ES module, whose
/// top-level names are mangled too). ES2020 output: the loader and the glue already need
/// it (arrow functions, `?.`), and function expressions that use no `this` become arrows;
/// function declarations are hoisted, as JavaScript does anyway (the glue 22 bytes gzip
/// smaller, the loader and the boot module the same).
fn terser(terser: &Path, path: &Path, module: bool) -> Result<(), String> {
    let mut command = std::process::Command::new(terser);
    command.arg(path);
    if module {
        command.args(["--module", "--toplevel"]);
    }
    command.args([
        "--ecma",
        "2020",
        "--compress",
        "passes=3,unsafe_arrows=true,hoist_funs=true",
        "--mangle",
        "--output",
    ]);
    command.arg(path);
    let status = command
        .status()
        .map_err(|e| format!("{}: {e}", terser.display()))?;
    if !status.success() {
        return Err(format!("terser failed on {}", path.display()));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files() -> BuildFiles {
        BuildFiles {
            glue: "helpmark-web-1.js".into(),
            wasm: "helpmark-web-1_bg.wasm".into(),
            boot: "helpmark-boot-1.js".into(),
        }
    }

    const TEMPLATE: &str = include_str!("../assets/embed/helpmark.js");
    const BOOT: &str = include_str!("../assets/embed/boot.js");

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
        let strings = loader_strings();
        assert!(strings.starts_with("en|Help|de|Hilfe|"));
        assert_eq!(
            strings.split('|').count(),
            2 * helpmark::locale::UI_LOCALES.len()
        );
        // The loader negotiates by language: one UI locale per language.
        let mut languages: Vec<&str> = helpmark::locale::UI_LOCALES
            .iter()
            .map(|t| language(t))
            .collect();
        languages.sort_unstable();
        languages.dedup();
        assert_eq!(languages.len(), helpmark::locale::UI_LOCALES.len());
        let loader = loader_source("var T = '__STRINGS__'; '__UI_LOCALES__'", &files());
        for tag in helpmark::locale::UI_LOCALES {
            let s = helpmark::locale::strings(tag);
            for text in [s.locale, s.help] {
                assert!(!text.contains('|'), "{tag}: {text} would split the table");
                assert!(loader.contains(&js_quoted(text)), "{tag}: {text}");
            }
            // The failure message comes from the strings file, not the loader.
            if tag != "en-US" {
                assert!(!loader.contains(s.code_failed), "{tag}");
            }
        }
        assert!(loader.contains("|es|Ayuda|"));
        assert!(loader.contains("'en-US|de-DE|"));
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
        let german = helpmark::locale::strings_file(helpmark::locale::strings("de-DE"));
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
    fn the_real_templates_have_every_placeholder_and_fit_their_budget() {
        // What the page pays at load: the icon, the API's queue, the first requests.
        for placeholder in [
            "__STEM__",
            "__BOOT__",
            "__STRINGS__",
            "__ICON__",
            "__CSS__",
            "__EVENT_PREFIX__",
            "__COMMANDS__",
            "__OPEN__",
            "__PROGRESS_KEY__",
        ] {
            assert!(TEMPLATE.contains(placeholder), "{placeholder}");
        }
        // The boot module: mounting, the failure message, the commands once ready.
        for placeholder in [
            "__STEM__",
            "__NOTE_CSS__",
            "__UI_LOCALES__",
            "__LOCALE__",
            "__FAILED__",
            "__RETRY__",
            "__FAILED_EN__",
            "__RETRY_EN__",
            "__ERROR_EVENT__",
            "__COMMAND_EVENT__",
            "__MOUNTED_EVENT__",
            "__OPEN__",
        ] {
            assert!(BOOT.contains(placeholder), "{placeholder}");
        }
        let loader = loader_source(TEMPLATE, &files());
        let boot = loader_source(BOOT, &files());
        assert!(!loader.contains("__"), "every placeholder filled");
        assert!(!boot.contains("__"), "every placeholder filled");
        assert!(
            loader.contains("'helpmark-boot-1.js'"),
            "the loader names its boot module"
        );
        assert!(
            loader.contains(helpmark::components::ICON_PATH),
            "the widget's icon"
        );
        assert!(
            boot.contains("p{position:fixed"),
            "the failure message's styles"
        );
        assert!(!loader.contains("p{position:fixed"), "not paid for at load");
        // The gzip budget is checked on the release build (tests/e2e/size.spec.ts); raw
        // size is a cheap early warning here.
        assert!(loader.len() < 6 * 1024, "{} bytes", loader.len());
    }

    #[test]
    fn the_boot_module_is_named_from_its_content() {
        let dist = std::env::temp_dir().join(format!("helpmark-boot-test-{}", std::process::id()));
        std::fs::create_dir_all(&dist).unwrap();
        for name in ["helpmark-web-1.js", "helpmark-web-1_bg.wasm"] {
            std::fs::write(dist.join(name), "").unwrap();
        }
        let template = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/embed/helpmark.js");
        let files = write_loader(&dist, &template).unwrap();
        let boot = std::fs::read_to_string(dist.join(&files.boot)).unwrap();
        let loader = std::fs::read_to_string(dist.join("helpmark.js")).unwrap();
        std::fs::remove_dir_all(&dist).unwrap();
        assert_eq!(
            files.boot,
            format!("helpmark-boot-{:08x}.js", fnv1a(boot.as_bytes()) as u32)
        );
        assert!(loader.contains(&files.boot));
        assert!(boot.starts_with("export default"), "{}", &boot[..40]);
        assert_ne!(fnv1a(b"a"), fnv1a(b"b"));
    }

    /// The protocol's names are typed in Rust only: the loader's template writes none by
    /// hand (a name there would drift from `host_event` unseen), and the loader it makes
    /// carries each one the widget uses.
    #[test]
    fn the_loader_takes_every_protocol_name_from_the_rust_enum() {
        let code: String = [TEMPLATE, BOOT]
            .concat()
            .lines()
            .filter(|l| !l.trim_start().starts_with("//"))
            .collect::<Vec<_>>()
            .join("\n");
        assert!(
            !code.contains(EVENT_PREFIX),
            "a `helpmark:` name written by hand in assets/embed/helpmark.js"
        );
        for name in COMMANDS {
            for by_hand in [format!("send('{name}'"), format!("'{name}', '")] {
                assert!(
                    !code.contains(&by_hand),
                    "the command '{name}' written by hand in assets/embed/helpmark.js"
                );
            }
        }
        let loader = loader_source(&[TEMPLATE, BOOT].concat(), &files());
        for name in [HostEvent::ERROR, COMMAND_EVENT, MOUNTED_EVENT, COMMANDS[0]] {
            assert!(loader.contains(&format!("'{name}'")), "{name}");
        }
        assert!(loader.contains("['open', 'close', 'next', 'back', 'setLocale']"));
        assert_eq!(COMMANDS[0], "open", "`__OPEN__` opens the panel");
    }

    #[test]
    fn trunks_leftover_links_go_and_the_page_keeps_its_own() {
        let html = "<head><link data-bin=helpmark-web data-trunk data-trunk-id=0 href=../Cargo.toml rel=rust><link href=/portal.css rel=stylesheet></head>";
        assert_eq!(
            without_trunk_links(html),
            "<head><link href=/portal.css rel=stylesheet></head>"
        );
    }

    #[test]
    fn finding_build_files_needs_both_glue_and_wasm() {
        assert_eq!(BuildFiles::find(&["helpmark-web-1.js"]), None);
        let names = [
            "index.html",
            "helpmark-web-12ab.js",
            "helpmark-web-12ab_bg.wasm",
            "portal-9f.js",
        ];
        let found = BuildFiles::find(&names).unwrap();
        assert_eq!(
            (found.glue.as_str(), found.wasm.as_str()),
            ("helpmark-web-12ab.js", "helpmark-web-12ab_bg.wasm")
        );
    }
}
