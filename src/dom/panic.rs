//! What a Rust panic shows and says. The widget's wiring installs [`report_panic`] as the
//! panic hook (through Yew, which would otherwise install its own); nothing here uses Yew.

use std::sync::atomic::{AtomicBool, Ordering};

use wasm_bindgen::JsCast;

use super::{console_error, document, emit, host_element, set_inset, viewport};
use crate::geometry::{panel_inset, Corner};
use crate::host_event::HostEvent;
use crate::locale::{direction, Direction, UiStrings};

/// Reports a Rust panic the way every other fault is reported: one console error and a
/// `helpmark:error` event.
///
/// The WebAssembly cannot run again after a panic (it aborts), so this also draws the
/// panel's error state itself, in the UI language, with a retry button that the loader
/// answers by starting a fresh instance (`fatal: true` in the event tells it to).
///
/// Only the first panic is reported: after it this instance is dead, and anything of it
/// that still runs (a listener it left on the page, which the loader's retry cannot
/// remove) neither tells the host nor touches the widget's content again; see
/// [`has_panicked`].
pub fn report_panic(info: &std::panic::PanicHookInfo<'_>, strings: &UiStrings) {
    if has_panicked() {
        return;
    }
    let message = format!("internal error: {info}");
    console_error(&message);
    show_fatal_error(strings);
    emit(&HostEvent::Error {
        topic: None,
        message: &message,
        fatal: true,
    });
    PANICKED.store(true, Ordering::Relaxed);
}

/// Whether this WebAssembly instance has panicked. The one piece of global state in the
/// widget, on purpose: it mirrors the instance itself, which a panic (`panic = "abort"`)
/// leaves unable to run correctly, whatever component or listener calls into it.
static PANICKED: AtomicBool = AtomicBool::new(false);

/// Whether this instance has panicked: then it sends no event and acts on no command.
pub fn has_panicked() -> bool {
    PANICKED.load(Ordering::Relaxed)
}

/// Replaces the widget's content with an error panel; plain DOM calls only (no Yew:
/// nothing of the app may run after a panic).
fn show_fatal_error(strings: &UiStrings) -> Option<()> {
    let document = document()?;
    let host = host_element()?;
    let old_root = host.shadow_root()?.query_selector(".hm-root").ok()??;
    // A fresh root: what the dead app still renders goes into the old one, off the page,
    // and the next instance adopts this one.
    let root = document.create_element("div").ok()?;
    root.set_class_name("hm-root");
    old_root.replace_with_with_node_1(&root).ok()?;
    let element = |tag: &str, class: &str, text: &str| {
        let e = document.create_element(tag).ok()?;
        e.set_class_name(class);
        e.set_text_content(Some(text));
        Some(e)
    };
    let corner = host
        .get_attribute("data-position")
        .as_deref()
        .and_then(Corner::parse)
        .unwrap_or_default();
    let placement = corner.preference(direction(strings.locale) == Direction::Rtl)[0];
    let panel = element("section", &format!("hm-panel {}", placement.class()), "")?;
    set_inset(
        panel.unchecked_ref(),
        &panel_inset(placement, corner, &viewport()),
    );
    panel.set_attribute("role", "region").ok()?;
    panel.set_attribute("aria-label", strings.help).ok()?;
    let body = element("div", "hm-body", "")?;
    let error = element("div", "hm-error", "")?;
    error.set_attribute("role", "alert").ok()?;
    let message = element("p", "", strings.topic_failed)?;
    error.append_child(&message).ok()?;
    let retry = element("button", "hm-retry", strings.retry)?;
    retry.set_attribute("type", "button").ok()?;
    retry.set_attribute("data-helpmark-retry", "").ok()?;
    error.append_child(&retry).ok()?;
    body.append_child(&error).ok()?;
    panel.append_child(&body).ok()?;
    root.append_child(&panel).ok()?;
    Some(())
}
