//! `helpmark`: the writers' command line.
//!
//! ```text
//! helpmark lint <dir-or-file>... [--json]   check articles; exit 1 when any has an error
//! helpmark show <file> [--english]          print an article as plain text, as read
//! helpmark index <dir> [--out <file>]       write the manifest of the topics under <dir>
//!                                           (and, with --out, the compiled topics beside it)
//! helpmark loader <dist> --template <file>  write <dist>/helpmark.js and its boot module
//!                                           for the build in <dist>
//! helpmark generate --topics N --out <dir>  a test catalog of N topics (scale benchmarks)
//! helpmark bundle <dist> [--profile <p>]    the embeddable files of a build (Trunk's hook)
//! ```
//!
//! `lint` and `index` also read `<dir>/contexts.toml` (which topics apply where, issue #12):
//! lint checks it, index writes the help center's files from it (`help::build`).
//!
//! Arguments are parsed by clap's derive API: `helpmark help <command>` and
//! `helpmark <command> --help` describe each command.
//!
//! For `index`, `<dir>` holds one folder per locale (`de-DE/`, `zh-CN/`, ...) of articles
//! (`<topic>.md`); files directly in `<dir>` (attribution, licenses) are not topics.
//! `lint` walks directories recursively and takes the Markdown files that start with a
//! `---` front matter as articles, skipping any other `.md` file (README, ATTRIBUTION).
//!
//! Exit status: 0 on success, 1 when an article has an error (`lint`, `show`) or some file
//! could not be indexed (`index`), 2 for usage errors and unreadable paths.

use helpmark::content::Code;
use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

mod bundle;

use clap::{Parser, Subcommand, ValueEnum};
use helpmark::catalog::topic_slug;
use helpmark::content::{parse_topic, render_plain, Diagnostic, Severity, Topic, View};
use helpmark::help::build::{check_contexts, ContextsFile, CONTEXTS_FILE};
use helpmark::lint::{lint, summary};
use serde_json::{json, Value};

/// Helpmark's writers' command line: check, show and index help articles.
#[derive(Parser)]
#[command(name = "helpmark", version)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check articles; exit 1 when any has an error.
    ///
    /// Folders are walked recursively; a Markdown file in a folder is an article when it
    /// starts with a `---` front matter (README and ATTRIBUTION files are skipped).
    Lint {
        /// Articles, or folders of articles.
        #[arg(required = true, value_name = "DIR-OR-FILE")]
        paths: Vec<PathBuf>,
        /// Print the diagnostics as JSON (for tools).
        #[arg(long)]
        json: bool,
    },
    /// Print an article as plain text, as read.
    Show {
        /// The article.
        file: PathBuf,
        /// The English source instead of the translation.
        #[arg(long)]
        english: bool,
    },
    /// Write the manifest of the topics under a content folder.
    ///
    /// The folder holds one folder per locale (`de-DE/`, ...) of articles (`<topic>.md`).
    /// With `--out`, the compiled topics, topic indexes and preview files are written
    /// beside the manifest; without it the manifest is printed.
    Index {
        /// The content folder.
        dir: PathBuf,
        /// Where to write the manifest.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Write <DIST>/helpmark.js (the loader) and its boot module (from boot.js beside the
    /// template) for the build in <DIST>.
    Loader {
        /// The build folder (trunk's dist or staging folder).
        dist: PathBuf,
        /// The loader's template.
        #[arg(long, value_name = "FILE")]
        template: PathBuf,
    },
    /// The embeddable files of a build: what Trunk's post-build hook runs.
    ///
    /// Indexes the content into <DIST>/help (an article that cannot be indexed fails a
    /// release build; a debug build goes on and the writers' preview lists it), marks the
    /// demo portal's page for the preview toolbar on a debug build, writes the loader
    /// <DIST>/helpmark.js naming the hashed glue and WebAssembly, minifies the glue and the
    /// loader with node_modules/.bin/terser on a release build (when installed) and copies
    /// the plain embedding example as embed-example.*.
    Bundle {
        /// The build folder (Trunk's staging folder: $TRUNK_STAGING_DIR).
        dist: PathBuf,
        /// The build's profile ($TRUNK_PROFILE).
        #[arg(long, value_enum, default_value_t = Profile::Release)]
        profile: Profile,
        /// The help content.
        #[arg(long, value_name = "DIR", default_value = "assets/help")]
        content: PathBuf,
        /// The loader's template (helpmark.js) and the embedding example.
        #[arg(long, value_name = "DIR", default_value = "assets/embed")]
        embed: PathBuf,
    },
    /// Write a test catalog of N topics from real articles (a test tool for the scale
    /// benchmark, bench/scale.sh; not help content).
    ///
    /// Each topic is written in every locale of the sources (side-by-side articles only;
    /// English comes from their halves), with a unique slug, a varied title and an entry
    /// in <OUT>/contexts.toml. The sources' LICENSE and ATTRIBUTION files are copied
    /// beside the copy.
    Generate {
        /// How many topics.
        #[arg(long)]
        topics: usize,
        /// The folder to write (a content folder, as `index` reads it).
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
        /// Folders of source articles (`<locale>/<topic>.md`).
        #[arg(long = "from", value_name = "DIR", default_values = ["../shared/corpus", "assets/help"])]
        from: Vec<PathBuf>,
    },
    /// Record in plain-Markdown translations the hash of their English source's text.
    ///
    /// Writes `helpmark.sourcehash: <hash>` into each translation's front matter; lint and
    /// the index compare it with the source to find stale translations.
    Stamp {
        /// The translations (plain Markdown).
        #[arg(required = true, value_name = "TRANSLATION")]
        files: Vec<PathBuf>,
        /// The English source; by default the same file name in an `en-US` (else `en-*`)
        /// folder beside the translation's folder.
        #[arg(long, value_name = "FILE")]
        source: Option<PathBuf>,
    },
}

/// A build's profile, as Trunk names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Profile {
    Debug,
    Release,
}

fn main() -> ExitCode {
    // Usage errors exit 2 (clap's own), --help and --version 0.
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Lint { paths, json } => lint_command(&paths, json),
        Command::Show { file, english } => show(&file, english),
        Command::Index { dir, out } => index(&dir, out),
        Command::Loader { dist, template } => {
            bundle::write_loader(&dist, &template).map(|_| ExitCode::SUCCESS)
        }
        Command::Bundle {
            dist,
            profile,
            content,
            embed,
        } => bundle::bundle(
            &dist,
            profile == Profile::Release,
            &bundle::Sources {
                content,
                embed,
                terser: PathBuf::from("node_modules/.bin/terser"),
            },
            index,
        ),
        Command::Generate { topics, out, from } => generate(topics, &out, &from),
        // Plain-Markdown translations (issue #14): the logic is in the library.
        Command::Stamp { files, source } => {
            helpmark::catalog::stamp_files(&files, source.as_deref()).map(|lines| {
                lines.iter().for_each(|l| println!("{l}"));
                ExitCode::SUCCESS
            })
        }
    };
    match result {
        Ok(code) => code,
        Err(message) => {
            eprintln!("helpmark: {message}");
            ExitCode::from(2)
        }
    }
}

// ---------------------------------------------------------------------------------------
// lint

/// One linted file.
struct Linted {
    path: String,
    diagnostics: Vec<Diagnostic>,
}

/// An input file: its path as shown, and whether it was named explicitly.
struct Input {
    path: PathBuf,
    explicit: bool,
}

/// Checks the articles in the given files and folders.
fn lint_command(roots: &[PathBuf], json_output: bool) -> Result<ExitCode, String> {
    // Every file first, so that a bad path stops the run before any output.
    let mut inputs = Vec::new();
    let mut contexts_files = Vec::new();
    for root in roots {
        let metadata = std::fs::metadata(root).map_err(|e| format!("{}: {e}", root.display()))?;
        if metadata.is_dir() {
            walk(root, &mut inputs)?;
            let contexts = root.join(CONTEXTS_FILE);
            if contexts.is_file() {
                contexts_files.push(contexts);
            }
        } else if root.extension().is_some_and(|e| e == "toml") {
            contexts_files.push(root.clone());
        } else {
            inputs.push(Input {
                path: root.clone(),
                explicit: true,
            });
        }
    }

    // Read and parse; a file named twice (directly or inside a folder) is linted once.
    let mut seen = HashSet::new();
    let mut parsed: Vec<(String, Result<Topic, Vec<Diagnostic>>)> = Vec::new();
    for input in inputs {
        let identity = std::fs::canonicalize(&input.path).unwrap_or_else(|_| input.path.clone());
        if !seen.insert(identity) {
            continue;
        }
        let bytes =
            std::fs::read(&input.path).map_err(|e| format!("{}: {e}", input.path.display()))?;
        if !input.explicit && !starts_with_front_matter(&bytes) {
            continue;
        }
        parsed.push((display_path(&input.path), parse_bytes(bytes)));
    }

    let known = known_topics(
        parsed
            .iter()
            .filter(|(_, result)| result.is_ok())
            .map(|(path, _)| path.as_str()),
    );
    // Plain translations against their English source (issue #14).
    let mut topics: Vec<(String, Topic)> = parsed
        .iter()
        .filter_map(|(path, r)| r.as_ref().ok().map(|t| (path.clone(), t.clone())))
        .collect();
    let parity = helpmark::catalog::align_plain_translations(&mut topics, &|p| {
        std::fs::read_to_string(p).ok()
    });
    let mut files: Vec<Linted> = parsed
        .into_iter()
        .map(|(path, result)| {
            let mut diagnostics = match result {
                Ok(topic) => lint(&path, &topic, &known),
                Err(failures) => failures,
            };
            diagnostics.extend(
                parity
                    .iter()
                    .filter(|(p, _)| *p == path)
                    .map(|(_, d)| d.clone()),
            );
            diagnostics.sort_by_key(|d| (d.line, d.column, d.code));
            Linted { path, diagnostics }
        })
        .collect();
    // The contexts file (issue #12), against the topics of the articles linted.
    for path in contexts_files {
        let (_, diagnostics) = load_contexts(&path, &known)?;
        files.push(Linted {
            path: display_path(&path),
            diagnostics,
        });
    }

    let all = || files.iter().flat_map(|f| &f.diagnostics);
    let mut by_severity: BTreeMap<Severity, usize> = BTreeMap::new();
    for d in all() {
        *by_severity.entry(d.severity).or_insert(0) += 1;
    }
    let count = |s| by_severity.get(&s).copied().unwrap_or(0);
    let by_code = summary(all());

    if json_output {
        let document = json!({
            "files": files.iter().map(|f| json!({
                "path": f.path,
                "diagnostics": f.diagnostics.iter().map(diagnostic_json).collect::<Vec<_>>(),
            })).collect::<Vec<_>>(),
            "summary": {
                "files": files.len(),
                "error": count(Severity::Error),
                "warning": count(Severity::Warning),
                "info": count(Severity::Info),
                "codes": by_code.iter().map(|(code, n)| (code.to_string(), json!(n))).collect::<serde_json::Map<_, _>>(),
            },
        });
        println!(
            "{}",
            serde_json::to_string_pretty(&document).expect("a JSON value always serializes")
        );
    } else {
        for file in &files {
            for d in &file.diagnostics {
                println!(
                    "{}:{}:{}: {}: {} [{}]",
                    file.path,
                    d.line,
                    d.column,
                    d.severity.as_str(),
                    d.message,
                    d.code
                );
            }
        }
        let codes: Vec<String> = by_code
            .iter()
            .map(|(code, n)| format!("{code} {n}"))
            .collect();
        println!(
            "{} file{}: {} error{}, {} warning{}, {} info{}",
            files.len(),
            plural(files.len()),
            count(Severity::Error),
            plural(count(Severity::Error)),
            count(Severity::Warning),
            plural(count(Severity::Warning)),
            count(Severity::Info),
            plural(count(Severity::Info)),
        );
        if !codes.is_empty() {
            println!("by code: {}", codes.join(", "));
        }
    }

    Ok(if count(Severity::Error) > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// The topic slugs of the readable articles at `paths`, sorted and without repeats (what
/// links to other topics are checked against).
fn known_topics<'a>(paths: impl Iterator<Item = &'a str>) -> Vec<String> {
    paths
        .map(topic_slug)
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect()
}

/// Parses a file's bytes as an article, within the article limits
/// ([`helpmark::lint::read_article`]); why it is not one, as error diagnostics.
fn parse_bytes(bytes: Vec<u8>) -> Result<Topic, Vec<Diagnostic>> {
    helpmark::lint::read_article(bytes)
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

fn diagnostic_json(d: &Diagnostic) -> Value {
    json!({
        "line": d.line,
        "column": d.column,
        "severity": d.severity.as_str(),
        "code": d.code,
        "message": d.message,
    })
}

/// The `.md` files under `dir`, recursively, in name order. Symbolic links to folders are
/// not followed (they could loop).
fn walk(dir: &Path, out: &mut Vec<Input>) -> Result<(), String> {
    for path in sorted_entries(dir)? {
        let file_type = std::fs::symlink_metadata(&path)
            .map_err(|e| format!("{}: {e}", path.display()))?
            .file_type();
        if file_type.is_dir() {
            walk(&path, out)?;
        } else if path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("md"))
            && path.is_file()
        {
            out.push(Input {
                path,
                explicit: false,
            });
        }
    }
    Ok(())
}

/// Whether a file's text starts with a `---` front matter line (after a byte order mark).
fn starts_with_front_matter(bytes: &[u8]) -> bool {
    let text = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    let first_line = text.split(|&b| b == b'\n').next().unwrap_or_default();
    first_line.trim_ascii_end() == b"---"
}

/// A path as shown in messages, with `/` separators.
fn display_path(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

// ---------------------------------------------------------------------------------------
// show

/// Prints one article as plain text.
fn show(file: &Path, english: bool) -> Result<ExitCode, String> {
    let view = if english {
        View::English
    } else {
        View::Localized
    };
    let file = display_path(file);
    let bytes = std::fs::read(&file).map_err(|e| format!("{file}: {e}"))?;
    let Ok(source) = String::from_utf8(bytes) else {
        eprintln!("helpmark: {file}: not a UTF-8 text file");
        return Ok(ExitCode::FAILURE);
    };
    match parse_topic(&source) {
        Ok(topic) => {
            print!("{}", render_plain(&topic, view));
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => {
            eprintln!("helpmark: {file}:{e}");
            Ok(ExitCode::FAILURE)
        }
    }
}

// ---------------------------------------------------------------------------------------
// index

/// Reads every `<dir>/<locale>/<topic>.md` and writes the manifest (and with `--out`,
/// everything the widget reads beside it).
///
/// One topic at a time: its articles (every locale of one slug) are parsed, aligned,
/// compiled, previewed and added to the help center's index, then dropped; what is kept
/// across topics is what the files need (manifest entries, titles, postings bounded per
/// token, step anchors of topics with contexts), so a catalog of 10,000 topics x 14
/// locales indexes in minutes with bounded memory (bench/scale.sh).
fn index(dir: &Path, out: Option<PathBuf>) -> Result<ExitCode, String> {
    let files = article_files(dir)?;
    // Per slug, its files in the catalog's order (by folder, then name).
    let mut groups: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, (relative, _)) in files.iter().enumerate() {
        groups.entry(topic_slug(relative)).or_default().push(i);
    }
    // The topics that links may name: every slug with a file. (A slug none of whose files
    // can be read is found out below, and the previews are then written again.)
    let mut known: Vec<String> = groups.keys().cloned().collect();

    let Some(path) = out else {
        let mut topics = Vec::new();
        let mut failures = Vec::new();
        read_ahead(&files, &groups, dir, |group, found, _| {
            failures.extend(found);
            if !group.is_empty() {
                topics.push(helpmark::catalog::topic_entry(
                    &group.iter().collect::<Vec<_>>(),
                ));
            }
            Ok(())
        })?;
        print_failures(dir, &mut failures);
        let manifest = helpmark::catalog::Manifest {
            version: helpmark::catalog::MANIFEST_VERSION,
            topics,
        };
        println!("{}", manifest.to_json());
        return Ok(if failures.is_empty() {
            ExitCode::SUCCESS
        } else {
            ExitCode::FAILURE
        });
    };

    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
    }
    let base = path.parent().unwrap_or(Path::new("."));
    let mut folders = Folders::default();
    // The widget's UI strings of every locale but English (built in), which it reads with
    // the content of that locale.
    for (relative, text) in helpmark::locale::strings_files() {
        let file = base.join(relative);
        folders.make(&file)?;
        std::fs::write(&file, text).map_err(|e| format!("{}: {e}", file.display()))?;
    }
    let contexts_path = dir.join(CONTEXTS_FILE);
    let contexts_text = if contexts_path.is_file() {
        Some(
            std::fs::read_to_string(&contexts_path)
                .map_err(|e| format!("{}: {e}", contexts_path.display()))?,
        )
    } else {
        None
    };
    let (contexts, contexts_invalid) = match contexts_text.as_deref().map(parse_toml) {
        None => (ContextsFile::default(), None),
        Some(Ok(file)) => (file, None),
        Some(Err(why)) => (ContextsFile::default(), Some(why)),
    };

    let mut failures = Vec::new();
    let mut topics: Vec<helpmark::catalog::TopicEntry> = Vec::new();
    let mut previews = Vec::new();
    let mut articles = 0usize;
    // The locales of the help center: the UI locales and the locale folders; when the
    // articles' front matter names other locales, this is found out below (then the
    // center is built again with the right ones).
    let mut locales = center_locales_of(&files);
    let mut center = helpmark::help::build::CenterWriter::new(locales.clone(), &contexts);
    // Pass 0 writes everything. Rarely, pass 1 writes again what pass 0 could not know:
    // the previews when a topic has no readable file (links to it are broken), the help
    // center when a front matter names a locale that no folder does.
    let (mut previews_again, mut center_again) = (false, false);
    for pass in 0..2 {
        if pass == 1 {
            // The center's locales: the UI locales and the topics' (as
            // `help::build::center_locales` gives them for a manifest).
            let seen: BTreeSet<String> = helpmark::locale::UI_LOCALES
                .iter()
                .map(|l| l.to_string())
                .chain(
                    topics
                        .iter()
                        .flat_map(|t| t.locales.iter().map(|l| l.locale.clone())),
                )
                .collect();
            let readable: Vec<String> = topics.iter().map(|t| t.slug.clone()).collect();
            previews_again = readable != known;
            center_again = !seen.iter().eq(locales.iter());
            if !previews_again && !center_again {
                break;
            }
            if previews_again {
                known = readable;
                previews.clear();
            }
            if center_again {
                locales = seen.into_iter().collect();
                center = helpmark::help::build::CenterWriter::new(locales.clone(), &contexts);
            }
        }
        let mut at = 0usize;
        read_ahead(&files, &groups, dir, |group, found, parity| {
            if pass == 0 || previews_again {
                for (relative, topic) in &group {
                    folders.make(&base.join(relative))?;
                    previews.push(write_article_preview(
                        base, relative, topic, &known, &parity,
                    )?);
                }
            }
            if group.is_empty() {
                if pass == 0 {
                    failures.extend(found);
                }
                return Ok(());
            }
            if pass == 1 {
                if center_again {
                    center.add(&topics[at], &|p| {
                        group.iter().find(|(r, _)| r == p).map(|(_, t)| t)
                    })?;
                }
                at += 1;
                return Ok(());
            }
            failures.extend(found);
            articles += group.len();
            for (relative, topic) in &group {
                let compiled = base.join(helpmark::catalog::compiled_path(relative));
                folders.make(&compiled)?;
                std::fs::write(&compiled, helpmark::content::encode_topic(topic))
                    .map_err(|e| format!("{}: {e}", compiled.display()))?;
            }
            let entry = helpmark::catalog::topic_entry(&group.iter().collect::<Vec<_>>());
            // One index per topic: what the widget reads on a first open.
            let one = helpmark::catalog::Manifest {
                version: helpmark::catalog::MANIFEST_VERSION,
                topics: vec![entry],
            };
            let index = base.join(helpmark::catalog::topic_index_path(&one.topics[0].slug));
            std::fs::write(&index, one.to_json() + "\n")
                .map_err(|e| format!("{}: {e}", index.display()))?;
            center.add(&one.topics[0], &|p| {
                group.iter().find(|(r, _)| r == p).map(|(_, t)| t)
            })?;
            topics.extend(one.topics);
            Ok(())
        })?;
    }
    print_failures(dir, &mut failures);

    let manifest = helpmark::catalog::Manifest {
        version: helpmark::catalog::MANIFEST_VERSION,
        topics,
    };
    std::fs::write(&path, manifest.to_json() + "\n")
        .map_err(|e| format!("{}: {e}", path.display()))?;
    write_preview_list(base, previews, &failures)?;

    // The help center (issue #12), from `<dir>/contexts.toml` (none: no topic applies to
    // any page, the list and search are still written). Its errors are printed like an
    // article's, and the entries in error are left out.
    let slugs: Vec<String> = manifest.topics.iter().map(|t| t.slug.clone()).collect();
    let diagnostics = match (&contexts_text, contexts_invalid) {
        (Some(text), None) => check_contexts(&contexts, text, &slugs),
        (Some(text), Some(why)) => vec![contexts_invalid_diagnostic(text, why)],
        (None, _) => Vec::new(),
    };
    let mut contexts_failed = false;
    for d in diagnostics.iter().filter(|d| d.severity == Severity::Error) {
        contexts_failed = true;
        eprintln!(
            "{}:{}:{}: {} [{}]",
            display_path(&contexts_path),
            d.line,
            d.column,
            d.message,
            d.code
        );
    }
    center.finish(&mut |relative, json| {
        let file = base.join(relative);
        folders.make(&file)?;
        std::fs::write(&file, json).map_err(|e| format!("{}: {e}", file.display()))
    })?;
    eprintln!(
        "helpmark: indexed {articles} articles into {} and compiled them beside it",
        path.display()
    );
    Ok(if failures.is_empty() && !contexts_failed {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// Folders already made (one `create_dir_all` per folder).
#[derive(Default)]
struct Folders(HashSet<PathBuf>);

impl Folders {
    /// Makes the folder of `file` unless made before.
    fn make(&mut self, file: &Path) -> Result<(), String> {
        if let Some(folder) = file.parent() {
            if !self.0.contains(folder) {
                std::fs::create_dir_all(folder)
                    .map_err(|e| format!("{}: {e}", folder.display()))?;
                self.0.insert(folder.to_path_buf());
            }
        }
        Ok(())
    }
}

/// The locales of the help center: the UI locales and every locale folder's (a file's
/// `ms.contentlocale` may name another: [`CenterWriter`](helpmark::help::build::CenterWriter)
/// lists the locales it is given, so they come from the folders and front matter alike
/// through [`helpmark::help::build::center_locales`] when all articles are in memory).
fn center_locales_of(files: &[(String, PathBuf)]) -> Vec<String> {
    let mut locales: BTreeSet<String> = helpmark::locale::UI_LOCALES
        .iter()
        .map(|l| l.to_string())
        .collect();
    for (relative, _) in files {
        if let Some((folder, _)) = relative.rsplit_once('/') {
            locales.insert(folder.rsplit('/').next().unwrap_or(folder).to_string());
        }
    }
    locales.into_iter().collect()
}

/// Why a file is not an article: `(index in the catalog's files, path relative to the
/// content folder, diagnostic)`.
type Failure = (usize, String, Diagnostic);

/// Reads each group of files (a topic's articles, `groups` in order) and aligns its plain
/// translations on a thread of its own, a few groups ahead of `each`, which gets them in
/// the same order: reading and parsing overlap with writing (`helpmark index` of 10,000
/// topics in 14 locales spends about as long in one as in the other). An error from
/// `each` stops both.
fn read_ahead(
    files: &[(String, PathBuf)],
    groups: &BTreeMap<String, Vec<usize>>,
    dir: &Path,
    mut each: impl FnMut(
        Vec<(String, Topic)>,
        Vec<Failure>,
        Vec<(String, Diagnostic)>,
    ) -> Result<(), String>,
) -> Result<(), String> {
    std::thread::scope(|scope| {
        let (send, receive) = std::sync::mpsc::sync_channel(16);
        scope.spawn(move || {
            for members in groups.values() {
                let mut found = Vec::new();
                let mut group = read_group(files, members, &mut found);
                let parity = helpmark::catalog::align_plain_translations(&mut group, &|p| {
                    std::fs::read_to_string(dir.join(p)).ok()
                });
                // A closed channel: `each` failed, and nothing more is read.
                if send.send((group, found, parity)).is_err() {
                    break;
                }
            }
        });
        receive
            .into_iter()
            .try_for_each(|(group, found, parity)| each(group, found, parity))
    })
}

/// Parses the files `members` of `files` (one topic's); why a file is not an article goes
/// to `failures`.
fn read_group(
    files: &[(String, PathBuf)],
    members: &[usize],
    failures: &mut Vec<Failure>,
) -> Vec<(String, Topic)> {
    let mut group = Vec::with_capacity(members.len());
    for &i in members {
        let (relative, file) = &files[i];
        let parsed = match std::fs::read(file) {
            Ok(bytes) => parse_bytes(bytes),
            Err(e) => Err(vec![Diagnostic {
                line: 1,
                column: 1,
                severity: Severity::Error,
                code: Code::NotATopic,
                message: e.to_string(),
            }]),
        };
        match parsed {
            Ok(topic) => group.push((relative.clone(), topic)),
            Err(found) => failures.extend(found.into_iter().map(|d| (i, relative.clone(), d))),
        }
    }
    group
}

/// Prints why files are not articles, in the catalog's file order.
fn print_failures(dir: &Path, failures: &mut [Failure]) {
    failures.sort_by_key(|f| f.0);
    for (_, relative, d) in failures.iter() {
        let severity = match d.severity {
            Severity::Error => String::new(),
            other => format!("{}: ", other.as_str()),
        };
        eprintln!(
            "{}:{}:{}: {severity}{} [{}]",
            display_path(&dir.join(relative)),
            d.line,
            d.column,
            d.message,
            d.code
        );
    }
}

/// Reads a contexts file and checks it against the known topics. A file that is not
/// valid TOML of the expected shape gives one `contexts-invalid` error and no contexts.
fn load_contexts(path: &Path, known: &[String]) -> Result<(ContextsFile, Vec<Diagnostic>), String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    match parse_toml(&text) {
        Ok(file) => {
            let diagnostics = check_contexts(&file, &text, known);
            Ok((file, diagnostics))
        }
        Err(why) => Ok((
            ContextsFile::default(),
            vec![contexts_invalid_diagnostic(&text, why)],
        )),
    }
}

/// The `contexts-invalid` error of a contexts file that [`parse_toml`] refused.
fn contexts_invalid_diagnostic(text: &str, (offset, message): (usize, String)) -> Diagnostic {
    let (line, column) = helpmark::content::line_column(text, offset.min(text.len()));
    Diagnostic {
        line,
        column,
        severity: Severity::Error,
        code: helpmark::help::build::codes::CONTEXTS_INVALID,
        message: format!("not a contexts file: {message}"),
    }
}

/// Parses the contexts file's TOML; why not, at which byte offset. The `toml` crate is a
/// native-only dependency (Cargo.toml): the command line built for wasm32 (clippy does)
/// has no TOML reader.
#[cfg(not(target_arch = "wasm32"))]
fn parse_toml(text: &str) -> Result<ContextsFile, (usize, String)> {
    toml::from_str(text).map_err(|e| (e.span().map_or(0, |s| s.start), e.message().to_string()))
}

#[cfg(target_arch = "wasm32")]
fn parse_toml(_: &str) -> Result<ContextsFile, (usize, String)> {
    Err((0, "this build has no TOML reader".to_string()))
}

/// `helpmark generate`: a test catalog (see [`Command::Generate`]).
fn generate(topics: usize, out: &Path, from: &[PathBuf]) -> Result<ExitCode, String> {
    use helpmark::help::generate::{generate as catalog, is_side_by_side, Source};
    let mut sources: Vec<Source> = Vec::new();
    let mut notices: Vec<PathBuf> = Vec::new();
    for dir in from {
        for folder in sorted_entries(dir)? {
            if !folder.is_dir() {
                let name = folder.file_name().unwrap_or_default().to_string_lossy();
                if name.starts_with("LICENSE") || name.starts_with("ATTRIBUTION") {
                    notices.push(folder);
                }
                continue;
            }
            let locale = folder
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned();
            for file in sorted_entries(&folder)? {
                let Some(slug) = file
                    .file_name()
                    .and_then(|n| n.to_str())
                    .and_then(|n| n.strip_suffix(".md"))
                else {
                    continue;
                };
                let text = std::fs::read_to_string(&file)
                    .map_err(|e| format!("{}: {e}", file.display()))?;
                let known = sources.iter().any(|s| s.locale == locale && s.slug == slug);
                if is_side_by_side(&text) && !known && helpmark::safe_url::is_topic_slug(slug) {
                    sources.push(Source {
                        locale: locale.clone(),
                        slug: slug.to_string(),
                        text,
                    });
                }
            }
        }
    }
    if sources.is_empty() {
        return Err("no side-by-side articles in the source folders".to_string());
    }
    std::fs::create_dir_all(out).map_err(|e| format!("{}: {e}", out.display()))?;
    for notice in &notices {
        let name = notice.file_name().unwrap_or_default();
        std::fs::copy(notice, out.join(name)).map_err(|e| format!("{}: {e}", notice.display()))?;
    }
    let mut folders = HashSet::new();
    let mut files = 0usize;
    for (relative, text) in catalog(&sources, topics) {
        let path = out.join(&relative);
        if let Some(folder) = path.parent() {
            if folders.insert(folder.to_path_buf()) {
                std::fs::create_dir_all(folder)
                    .map_err(|e| format!("{}: {e}", folder.display()))?;
            }
        }
        std::fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))?;
        files += 1;
    }
    let locales: BTreeSet<&str> = sources.iter().map(|s| s.locale.as_str()).collect();
    eprintln!(
        "helpmark: wrote {topics} topics in {} locales (and English) from {} articles: {} files in {}",
        locales.len(),
        sources.len(),
        files,
        out.display()
    );
    Ok(ExitCode::SUCCESS)
}

/// One article's line of `preview.json`: `(path, its diagnostics' JSON object)`.
type PreviewRow = (String, Value);

/// Writes `<locale>/<topic>.preview.json` of one article (what the writers' preview on
/// the demo portal reads: its lint diagnostics and its segments side by side; the widget
/// never reads it) and returns its line of `preview.json`. `known`: the readable topics'
/// slugs, sorted; `parity`: the findings of aligning its topic's plain translations.
fn write_article_preview(
    base: &Path,
    relative: &str,
    topic: &Topic,
    known: &[String],
    parity: &[(String, Diagnostic)],
) -> Result<PreviewRow, String> {
    let mut diagnostics = lint(relative, topic, known);
    diagnostics.extend(
        parity
            .iter()
            .filter(|(p, _)| p == relative)
            .map(|(_, d)| d.clone()),
    );
    diagnostics.sort_by_key(|d| (d.line, d.column, d.code));
    let count = |s| diagnostics.iter().filter(|d| d.severity == s).count();
    let row = json!({
        "path": relative,
        "topic": topic_slug(relative),
        "error": count(Severity::Error),
        "warning": count(Severity::Warning),
        "info": count(Severity::Info),
    });
    let segments: Vec<Value> = topic
        .segments
        .iter()
        .map(|s| {
            json!({
                "id": s.id,
                "line": s.line,
                "localized": topic.plain_text(&s.localized, View::Localized),
                "english": topic.plain_text(&s.english, View::English),
            })
        })
        .collect();
    let stem = relative.strip_suffix(".md").unwrap_or(relative);
    let path = base.join(format!("{stem}.preview.json"));
    let value = json!({
        "path": relative,
        "diagnostics": diagnostics.iter().map(diagnostic_json).collect::<Vec<_>>(),
        "segments": segments,
    });
    std::fs::write(&path, value.to_string() + "\n")
        .map_err(|e| format!("{}: {e}", path.display()))?;
    Ok((relative.to_string(), row))
}

/// Writes `preview.json`: every file under the content folder with its diagnostic counts
/// (`rows`), and why a file could not be indexed (its first error; every diagnostic went
/// to the console), sorted by path.
fn write_preview_list(
    base: &Path,
    rows: Vec<PreviewRow>,
    failures: &[Failure],
) -> Result<(), String> {
    let mut rows = rows;
    let mut listed = HashSet::new();
    for (_, relative, d) in failures {
        if d.severity != Severity::Error || !listed.insert(relative) {
            continue;
        }
        rows.push((
            relative.clone(),
            json!({
                "path": relative,
                "topic": topic_slug(relative),
                "error": 1,
                "warning": 0,
                "info": 0,
                "failure": diagnostic_json(d),
            }),
        ));
    }
    rows.sort_by(|a, b| a.0.cmp(&b.0));
    let mut text = String::from("{\"files\":[");
    for (i, (_, row)) in rows.iter().enumerate() {
        if i > 0 {
            text.push(',');
        }
        text.push_str(&row.to_string());
    }
    text.push_str("]}\n");
    let path = base.join("preview.json");
    std::fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))
}

/// The article files of the locale folders of `dir` (`<dir>/<locale>/<topic>.md`), in
/// order (by folder, then name): `(path relative to dir with / separators, path)`.
fn article_files(dir: &Path) -> Result<Vec<(String, PathBuf)>, String> {
    let mut files = Vec::new();
    for folder in sorted_entries(dir)? {
        if folder.is_dir() {
            files.extend(
                sorted_entries(&folder)?
                    .into_iter()
                    .filter(|f| f.extension().is_some_and(|e| e == "md")),
            );
        }
    }
    Ok(files
        .into_iter()
        .map(|file| {
            let relative = file
                .strip_prefix(dir)
                .unwrap_or(&file)
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            (relative, file)
        })
        .collect())
}

fn sorted_entries(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    Ok(paths)
}
