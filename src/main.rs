//! `helpmark`: the writers' command line.
//!
//! ```text
//! helpmark index <dir> [--out <file>]   write the manifest of the topics under <dir>
//! ```
//!
//! `<dir>` holds one folder per locale (`de-DE/`, `zh-CN/`, ...) of articles
//! (`<topic>.md`); files directly in `<dir>` (attribution, licenses) are not topics.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use helpmark::catalog::build_manifest;
use helpmark::content::{parse_topic, Topic};

const USAGE: &str = "usage: helpmark index <dir> [--out <file>]";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("helpmark: {message}");
            ExitCode::from(2)
        }
    }
}

fn run(args: &[String]) -> Result<ExitCode, String> {
    match args.first().map(String::as_str) {
        Some("index") => index(&args[1..]),
        Some("-h" | "--help") | None => {
            println!("{USAGE}");
            Ok(ExitCode::SUCCESS)
        }
        Some(other) => Err(format!("unknown command `{other}`\n{USAGE}")),
    }
}

/// Reads every `<dir>/<locale>/<topic>.md` and writes the manifest.
fn index(args: &[String]) -> Result<ExitCode, String> {
    let (dir, out) = match args {
        [dir] => (PathBuf::from(dir), None),
        [dir, flag, out] if flag == "--out" => (PathBuf::from(dir), Some(PathBuf::from(out))),
        _ => return Err(USAGE.into()),
    };
    let Scan { articles, failures } = read_articles(&dir)?;
    for failure in &failures {
        eprintln!("{failure}");
    }
    let json = build_manifest(&articles).to_json();
    match out {
        Some(path) => {
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent)
                    .map_err(|e| format!("{}: {e}", parent.display()))?;
            }
            std::fs::write(&path, json + "\n").map_err(|e| format!("{}: {e}", path.display()))?;
            eprintln!(
                "helpmark: indexed {} articles into {}",
                articles.len(),
                path.display()
            );
        }
        None => println!("{json}"),
    }
    Ok(if failures.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// The articles under a content folder.
struct Scan {
    /// `(path relative to the folder, topic)`.
    articles: Vec<(String, Topic)>,
    /// One message per file that is not a readable article.
    failures: Vec<String>,
}

/// Parses the articles in the locale folders of `dir`.
fn read_articles(dir: &Path) -> Result<Scan, String> {
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
    let mut articles = Vec::new();
    let mut failures = Vec::new();
    for file in files {
        let relative = file
            .strip_prefix(dir)
            .unwrap_or(&file)
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        let source = match std::fs::read_to_string(&file) {
            Ok(s) => s,
            Err(e) => {
                failures.push(format!("{}: {e}", file.display()));
                continue;
            }
        };
        match parse_topic(&source) {
            Ok(topic) => articles.push((relative, topic)),
            Err(e) => failures.push(format!("{}:{e}", file.display())),
        }
    }
    Ok(Scan { articles, failures })
}

fn sorted_entries(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    Ok(paths)
}
