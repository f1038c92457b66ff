//! What a Rust panic shows and says. The widget's wiring installs [`report_panic`] as the
//! panic hook (through Yew, which would otherwise install its own); nothing here uses Yew.

use super::{console_error, document, emit, HOST_ATTRIBUTE};
use crate::host_event::HostEvent;
use crate::locale::UiStrings;

/// Reports a Rust panic the way every other fault is reported: one console error and a
/// `helpmark:error` event.
///
/// The WebAssembly cannot run again after a panic (it aborts), so this also draws the
/// panel's error state itself, in the UI language, with a retry button that the loader
/// answers by starting a fresh instance (`fatal: true` in the event tells it to).
pub fn report_panic(info: &std::panic::PanicHookInfo<'_>, strings: &UiStrings) {
    let message = format!("internal error: {info}");
    console_error(&message);
    show_fatal_error(strings);
    emit(&HostEvent::Error {
        topic: None,
        message: &message,
        fatal: true,
    });
}

/// Replaces the widget's content with an error panel; plain DOM calls only (no Yew:
/// nothing of the app may run after a panic).
fn show_fatal_error(strings: &UiStrings) -> Option<()> {
    let document = document()?;
    let host = document
        .query_selector(&format!("[{HOST_ATTRIBUTE}]"))
        .ok()??;
    let root = host.shadow_root()?.query_selector(".hm-root").ok()??;
    let element = |tag: &str, class: &str, text: &str| {
        let e = document.create_element(tag).ok()?;
        e.set_class_name(class);
        e.set_text_content(Some(text));
        Some(e)
    };
    let panel = element("section", "hm-panel", "")?;
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
    root.set_text_content(None);
    root.append_child(&panel).ok()?;
    Some(())
}
