//! The protocol with the host page is typed in Rust (`helpmark::host_event`): the loader
//! gets its names at bundle time (`src/bundle.rs` tests that its template writes none by
//! hand), and the demo portal, a host page like any other, writes the names a host
//! writes. This test fails when a name in the demo's JavaScript drifts from the Rust one:
//! an event it listens to that the widget never sends, or a command the API does not have.

use std::path::Path;

use helpmark::host_event::{HostEvent, COMMANDS, COMMAND_EVENT, EVENT_PREFIX, MOUNTED_EVENT};

/// The JavaScript a host page of ours writes by hand: the demo portal and its preview.
const HOST_SCRIPTS: [&str; 3] = [
    "demo/portal.js",
    "demo/preview.js",
    "assets/embed/example.js",
];

fn read(path: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(path))
        .unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The quoted `'helpmark:<name>'` strings of `code` (code only: not its comments).
fn event_names(code: &str) -> Vec<String> {
    let mut names = Vec::new();
    for line in code.lines() {
        let line = line.trim_start();
        if line.starts_with("//") || line.starts_with('*') || line.starts_with("/*") {
            continue;
        }
        let line = line.split(" // ").next().unwrap_or_default();
        for quote in ['\'', '"', '`'] {
            let opening = format!("{quote}{EVENT_PREFIX}");
            for (i, _) in line.match_indices(&opening) {
                let name: String = line[i + 1..].chars().take_while(|c| *c != quote).collect();
                names.push(name);
            }
        }
    }
    names
}

/// The names in `command('<name>'` calls (the preview's wrapper of `window.helpmark`).
fn command_names(code: &str) -> Vec<String> {
    code.match_indices("command('")
        .map(|(i, _)| code[i + 9..].chars().take_while(|c| *c != '\'').collect())
        .collect()
}

#[test]
fn every_event_the_demo_listens_to_is_one_the_widget_sends() {
    let mut heard = Vec::new();
    for path in HOST_SCRIPTS {
        for name in event_names(&read(path)) {
            assert!(
                HostEvent::NAMES.contains(&name.as_str()),
                "{path}: '{name}' is no event of host_event::HostEvent (its names: {:?}; \
                 the loader's own are {COMMAND_EVENT} and {MOUNTED_EVENT})",
                HostEvent::NAMES
            );
            heard.push(name);
        }
    }
    // The portal follows the widget's language; the preview follows its steps.
    for name in [HostEvent::READY, HostEvent::LOCALE, HostEvent::STEP] {
        assert!(heard.iter().any(|h| h == name), "{name}");
    }
}

#[test]
fn every_command_the_demo_sends_is_one_of_the_api() {
    let names = command_names(&read("demo/preview.js"));
    assert!(!names.is_empty(), "the preview drives the widget");
    for name in names {
        assert!(
            COMMANDS.contains(&name.as_str()),
            "demo/preview.js: '{name}' is no command of host_event::COMMANDS {COMMANDS:?}"
        );
    }
}

#[test]
fn a_drifted_name_is_caught() {
    let code =
        "document.addEventListener('helpmark:opened', f); // 'helpmark:comment'\ncommand('opne');";
    assert_eq!(event_names(code), ["helpmark:opened"]);
    assert!(!HostEvent::NAMES.contains(&"helpmark:opened"));
    assert_eq!(command_names(code), ["opne"]);
    assert!(!COMMANDS.contains(&"opne"));
}
