//! The layers of `src/` point one way (README, "Layout"): pure modules use no browser API,
//! `dom` uses no Yew and nothing above it, and no module of the crate depends on itself
//! through others. Read from the source, so a new `use` that breaks a rule fails here.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The crate's top-level modules and, for each, the top-level modules its files name
/// (`crate::x`, and `super::x` from a file one level down), with the external crates
/// they use.
fn graph() -> BTreeMap<String, (BTreeSet<String>, BTreeSet<String>)> {
    let mut out: BTreeMap<String, (BTreeSet<String>, BTreeSet<String>)> = BTreeMap::new();
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    collect(&src, &mut files);
    for file in files {
        let relative = file
            .strip_prefix(&src)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        if relative.starts_with("bin/")
            || relative == "main.rs"
            || relative == "lib.rs"
            || CLI_ONLY.iter().any(|m| module_of(&relative) == *m)
        {
            continue;
        }
        let module = relative
            .split('/')
            .next()
            .unwrap()
            .trim_end_matches(".rs")
            .to_string();
        // Code only: a documentation link is no dependency.
        let text: String = std::fs::read_to_string(&file)
            .unwrap()
            .lines()
            .filter(|l| !l.trim_start().starts_with("//"))
            .collect::<Vec<_>>()
            .join("\n");
        let entry = out.entry(module.clone()).or_default();
        for (i, _) in text.match_indices("crate::") {
            let name: String = text[i + 7..]
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if !name.is_empty() && name != module {
                entry.0.insert(name);
            }
        }
        for krate in ["yew", "web_sys", "wasm_bindgen", "gloo", "js_sys"] {
            if text.contains(&format!("{krate}::")) || text.contains(&format!("use {krate}")) {
                entry.1.insert(krate.to_string());
            }
        }
    }
    out
}

/// The top-level module a file of `src/` belongs to (`content/step.rs` -> `content`).
fn module_of(relative: &str) -> &str {
    relative.split('/').next().unwrap().trim_end_matches(".rs")
}

/// Modules of the writers' command line (`src/main.rs`), never of the widget's library.
const CLI_ONLY: [&str; 1] = ["bundle"];

fn collect(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            collect(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

const PURE: [&str; 13] = [
    "content",
    "limits",
    "safe_url",
    "catalog",
    "locale",
    "guide",
    "geometry",
    "config",
    "widget",
    "host_event",
    "target",
    "lint",
    "help",
];

#[test]
fn pure_modules_use_no_browser_api_and_no_yew() {
    let graph = graph();
    for module in PURE {
        let (uses, crates) = &graph[module];
        assert!(crates.is_empty(), "{module} uses {crates:?}");
        for dep in uses {
            assert!(
                PURE.contains(&dep.as_str()) || dep == "text",
                "{module} uses crate::{dep}"
            );
        }
    }
}

/// `text` (Unicode letters and lower case) is what pure modules may use besides each
/// other: in the WebAssembly it asks the JavaScript engine's own tables (`js_sys`: no
/// browser API, no Yew), natively the standard library; it uses nothing of the crate.
#[test]
fn text_uses_the_javascript_engine_alone() {
    let graph = graph();
    let (uses, crates) = &graph["text"];
    assert!(uses.is_empty(), "text uses {uses:?}");
    assert_eq!(crates.iter().collect::<Vec<_>>(), ["js_sys"]);
}

#[test]
fn dom_uses_no_yew_and_nothing_above_it() {
    let graph = graph();
    let (uses, crates) = &graph["dom"];
    assert!(!crates.contains("yew"), "dom uses Yew");
    for above in ["app", "components", "hooks", "embed"] {
        assert!(!uses.contains(above), "dom uses crate::{above}");
    }
}

#[test]
fn no_module_depends_on_itself_through_others() {
    let graph = graph();
    for start in graph.keys() {
        // Depth-first from `start`'s dependencies: reaching `start` again is a cycle.
        let mut stack: Vec<(String, Vec<String>)> = graph[start]
            .0
            .iter()
            .map(|d| (d.clone(), vec![start.clone(), d.clone()]))
            .collect();
        let mut seen = BTreeSet::new();
        while let Some((module, path)) = stack.pop() {
            assert!(module != *start, "import cycle: {}", path.join(" -> "));
            if !seen.insert(module.clone()) {
                continue;
            }
            if let Some((uses, _)) = graph.get(&module) {
                for dep in uses {
                    let mut next = path.clone();
                    next.push(dep.clone());
                    stack.push((dep.clone(), next));
                }
            }
        }
    }
}

#[test]
fn the_command_lines_modules_are_not_in_the_widgets_library() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let lib = std::fs::read_to_string(src.join("lib.rs")).unwrap();
    let main = std::fs::read_to_string(src.join("main.rs")).unwrap();
    for module in CLI_ONLY {
        assert!(
            !lib.contains(&format!("mod {module};")),
            "src/lib.rs declares {module}: it is the command line's"
        );
        assert!(
            main.contains(&format!("mod {module};")),
            "src/main.rs declares {module}"
        );
        for (library_module, (uses, _)) in graph() {
            assert!(
                !uses.contains(module),
                "{library_module} uses crate::{module}"
            );
        }
    }
}
