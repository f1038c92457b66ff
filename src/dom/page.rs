//! Page facts: the user's languages, the URL, the embedding tag's settings, focus.

use wasm_bindgen::JsCast;
use web_sys::Element;

use super::{document, host_element, window};
use crate::config::HostSettings;

/// The user's ordered language preferences (`navigator.languages`, else `navigator.language`).
pub fn navigator_languages() -> Vec<String> {
    let Some(navigator) = window().map(|w| w.navigator()) else {
        return Vec::new();
    };
    let languages: Vec<String> = navigator
        .languages()
        .iter()
        .filter_map(|v| v.as_string())
        .collect();
    if languages.is_empty() {
        navigator.language().into_iter().collect()
    } else {
        languages
    }
}

/// A query parameter of the page URL.
pub fn query_param(name: &str) -> Option<String> {
    let search = window()?.location().search().ok()?;
    web_sys::UrlSearchParams::new_with_str(&search)
        .ok()?
        .get(name)
}

/// Whether `element` has the focus within its document or shadow root.
pub fn has_focus(element: &Element) -> bool {
    let root = element.get_root_node();
    let active = match root.dyn_ref::<web_sys::ShadowRoot>() {
        Some(shadow) => shadow.active_element(),
        None => document().and_then(|d| d.active_element()),
    };
    active.as_ref() == Some(element)
}

/// The embedding tag's settings, as the loader copied them onto the host element.
pub fn host_settings() -> HostSettings {
    let host = host_element();
    let get = |name: &str| host.as_ref().and_then(|h| h.get_attribute(name));
    HostSettings {
        content: get("data-content"),
        topic: get("data-topic"),
        locale: get("data-locale"),
        position: get("data-position"),
        // Read from the embedding tag itself: the loader need not carry it.
        docs_base: document()
            .and_then(|d| d.query_selector("script[data-docs-base]").ok().flatten())
            .and_then(|s| s.get_attribute("data-docs-base"))
            .filter(|b| !b.is_empty()),
    }
}

/// Opens `url` in a new tab, without a handle back to this page.
pub fn open_tab(url: &str) {
    if let Some(window) = window() {
        let _ = window.open_with_url_and_target_and_features(url, "_blank", "noopener");
    }
}
