//! The real articles of the test corpus, `tests/fixtures/corpus/<locale>/*.md` (copied
//! unmodified from `../shared/corpus`, with its attribution and licenses): one loader for
//! every test and benchmark that reads them (`#[path = ...] mod corpus;`).

use std::path::{Path, PathBuf};

/// Every article as (path relative to the corpus, text), sorted by path.
pub fn articles() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/corpus");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&root)
        .expect("tests/fixtures/corpus")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .flat_map(|dir| {
            std::fs::read_dir(dir)
                .expect("a locale folder")
                .filter_map(|e| e.ok().map(|e| e.path()))
        })
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    files.sort();
    files
        .iter()
        .map(|p| {
            let name = p
                .strip_prefix(&root)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            (name, std::fs::read_to_string(p).expect("a UTF-8 article"))
        })
        .collect()
}
