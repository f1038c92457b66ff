//! The only module that touches the browser: page facts in, pure types out, and owned
//! values for every effect on the host page.
//!
//! - Reading: [`navigator_languages`], [`query_param`], [`fetch_text`].
//! - Effects, each undone on drop: [`ShadowHostGuard`] (the widget's own element and shadow
//!   root on the host page), [`TargetTracker`] (following the element a step points at).
//! - Finding that element: [`TargetQuery`].
//! - Remembering the guide across pages: [`session_get`], [`session_set`], [`session_remove`].
//! - Telling the host: [`dispatch`] (DOM events on `document`), [`console_error`].

mod target;
mod track;

pub use target::{accessible_name, find, viewport, visible_rect, Lookup, TargetQuery};
pub use track::{TargetStatus, TargetTracker};

use std::fmt;

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Document, Element, Window};

fn window() -> Option<Window> {
    web_sys::window()
}

fn document() -> Option<Document> {
    window()?.document()
}

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

/// Resolves `relative` against the document's base URL.
pub fn resolve_url(relative: &str) -> String {
    document()
        .and_then(|d| d.base_uri().ok().flatten())
        .and_then(|base| web_sys::Url::new_with_base(relative, &base).ok())
        .map(|u| u.href())
        .unwrap_or_else(|| relative.to_string())
}

/// Why a fetch failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FetchError {
    /// No response at all (offline, DNS, CORS, blocked).
    Network(String),
    /// An HTTP error status.
    Status(u16),
    /// The body could not be read as text.
    Body(String),
    /// No complete response within the time allowed (in milliseconds).
    Timeout(u32),
}

impl fmt::Display for FetchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FetchError::Network(e) => write!(f, "network error: {e}"),
            FetchError::Status(s) => write!(f, "HTTP {s}"),
            FetchError::Body(e) => write!(f, "unreadable response: {e}"),
            FetchError::Timeout(ms) => write!(f, "no response within {ms} ms"),
        }
    }
}

fn js_message(value: &JsValue) -> String {
    value
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| value.as_string())
        .unwrap_or_else(|| "unknown error".into())
}

/// Fetches a URL as text, giving up after `timeout_ms`. `fresh` bypasses the HTTP cache
/// (for the manifest, which changes while writers edit).
pub async fn fetch_text(url: &str, fresh: bool, timeout_ms: u32) -> Result<String, FetchError> {
    fetch_text_within(url, fresh, timeout_ms, usize::MAX).await
}

/// [`fetch_text`], refusing a body longer than `max_bytes` before it is copied into the
/// WebAssembly memory (a 5 MB body otherwise costs the host page a long task).
pub async fn fetch_text_within(
    url: &str,
    fresh: bool,
    timeout_ms: u32,
    max_bytes: usize,
) -> Result<String, FetchError> {
    let window = window().ok_or_else(|| FetchError::Network("no window".into()))?;
    let init = web_sys::RequestInit::new();
    if fresh {
        init.set_cache(web_sys::RequestCache::NoCache);
    }
    // The request (and the reading of its body) is aborted when the time is up.
    let abort = web_sys::AbortController::new().ok();
    if let Some(abort) = &abort {
        init.set_signal(Some(&abort.signal()));
    }
    let _deadline = abort
        .clone()
        .map(|abort| gloo::timers::callback::Timeout::new(timeout_ms, move || abort.abort()));
    let timed_out = || abort.as_ref().is_some_and(|a| a.signal().aborted());
    let fail = |e: JsValue, wrap: fn(String) -> FetchError| {
        if timed_out() {
            FetchError::Timeout(timeout_ms)
        } else {
            wrap(js_message(&e))
        }
    };
    let promise = window.fetch_with_str_and_init(url, &init);
    let response = JsFuture::from(promise)
        .await
        .map_err(|e| fail(e, FetchError::Network))?;
    let response: web_sys::Response = response
        .dyn_into()
        .map_err(|e| FetchError::Network(js_message(&e)))?;
    if !response.ok() {
        return Err(FetchError::Status(response.status()));
    }
    // Too large by its announced length: not read at all (the download is stopped).
    let announced = response
        .headers()
        .get("content-length")
        .ok()
        .flatten()
        .and_then(|n| n.trim().parse::<u64>().ok());
    if announced.is_some_and(|n| n > max_bytes as u64) {
        if let Some(abort) = &abort {
            abort.abort();
        }
        return Err(FetchError::Body(format!(
            "larger than the limit of {max_bytes} bytes"
        )));
    }
    let text = response
        .text()
        .map_err(|e| FetchError::Body(js_message(&e)))?;
    let text = JsFuture::from(text)
        .await
        .map_err(|e| FetchError::Body(js_message(&e)))?;
    // UTF-16 code units never outnumber the bytes of the same text in UTF-8.
    let units = text.dyn_ref::<js_sys::JsString>().map_or(0, |t| t.length());
    if units as usize > max_bytes {
        return Err(FetchError::Body(format!(
            "larger than the limit of {max_bytes} bytes"
        )));
    }
    text.as_string()
        .ok_or_else(|| FetchError::Body("not text".into()))
}

/// The attribute that marks the widget's own element on the host page.
pub const HOST_ATTRIBUTE: &str = "data-helpmark-host";

/// The widget's element on the host page: a `<div data-helpmark-host>` at the end of the
/// document, shown in the top layer, with an open shadow root holding the widget's
/// stylesheet and mount point.
/// Host CSS cannot reach inside; widget CSS cannot leak out. Dropping it removes it.
#[must_use = "dropping the guard removes the widget from the page"]
pub struct ShadowHostGuard {
    host: Element,
    mount: Element,
    /// The loader's placeholder icon had the keyboard focus when the widget took over.
    had_focus: bool,
}

impl ShadowHostGuard {
    /// Appends the host element. It stays hidden until the stylesheet has loaded (or
    /// failed), so the page never shows an unstyled widget.
    pub fn attach(stylesheet_url: &str) -> Result<Self, JsValue> {
        if let Some(adopted) = Self::adopt() {
            return Ok(adopted);
        }
        let document = document().ok_or_else(|| JsValue::from_str("no document"))?;
        let host = document.create_element("div")?;
        host.set_attribute(HOST_ATTRIBUTE, "")?;
        host.set_attribute("hidden", "")?;
        // The top layer (a manual popover): no transform, overflow or z-index of the host
        // page can move, clip or cover the widget.
        host.set_attribute("popover", "manual")?;
        let shadow =
            host.attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))?;
        let link: web_sys::HtmlLinkElement = document.create_element("link")?.unchecked_into();
        link.set_rel("stylesheet");
        link.set_href(stylesheet_url);
        let reveal = {
            let host = host.clone();
            move || {
                let _ = host.remove_attribute("hidden");
            }
        };
        // One-shot listeners owned by the link element: they go with it.
        gloo::events::EventListener::once(&link, "load", {
            let reveal = reveal.clone();
            move |_| reveal()
        })
        .forget();
        gloo::events::EventListener::once(&link, "error", move |_| reveal()).forget();
        shadow.append_child(&link)?;
        let mount = document.create_element("div")?;
        mount.set_class_name("hm-root");
        shadow.append_child(&mount)?;
        document
            .document_element()
            .ok_or_else(|| JsValue::from_str("no document element"))?
            .append_child(&host)?;
        let _ = host.unchecked_ref::<web_sys::HtmlElement>().show_popover();
        Ok(ShadowHostGuard {
            host,
            mount,
            had_focus: false,
        })
    }

    /// Takes over the host element the loader (`helpmark.js`) made: its shadow root
    /// already holds the stylesheet and a placeholder help icon, which the app replaces.
    fn adopt() -> Option<Self> {
        let host = document()?
            .query_selector(&format!("[{HOST_ATTRIBUTE}]"))
            .ok()??;
        let shadow = host.shadow_root()?;
        let mount = shadow.query_selector(".hm-root").ok()??;
        let had_focus = shadow.active_element().is_some();
        mount.set_text_content(None);
        Some(ShadowHostGuard {
            host,
            mount,
            had_focus,
        })
    }

    /// Whether the loader's placeholder icon had the keyboard focus: the widget's own
    /// icon takes it over, so that a keyboard user does not lose their place.
    pub fn had_focus(&self) -> bool {
        self.had_focus
    }

    /// The element inside the shadow root that the Yew app renders into.
    pub fn mount(&self) -> Element {
        self.mount.clone()
    }

    /// The widget's element on the page (commands from the host arrive there).
    pub fn host(&self) -> Element {
        self.host.clone()
    }
}

impl Drop for ShadowHostGuard {
    fn drop(&mut self) {
        self.host.remove();
    }
}

/// The embedding tag's settings, as the loader copied them onto the host element.
pub fn host_settings() -> crate::embed::HostSettings {
    let host = document().and_then(|d| {
        d.query_selector(&format!("[{HOST_ATTRIBUTE}]"))
            .ok()
            .flatten()
    });
    let get = |name: &str| host.as_ref().and_then(|h| h.get_attribute(name));
    crate::embed::HostSettings {
        content: get("data-content"),
        topic: get("data-topic"),
        locale: get("data-locale"),
        css: get("data-css"),
    }
}

/// Reports a Rust panic the way every other fault is reported: one console error and a
/// `helpmark:error` event.
///
/// The WebAssembly cannot run again after a panic (it aborts), so the hook also draws the
/// panel's error state itself, in the UI language, with a retry button that the loader
/// answers by starting a fresh instance (`fatal: true` in the event tells it to).
pub fn report_panics(strings: &'static crate::locale::UiStrings) {
    // Through Yew, which would otherwise install its own hook when the app renders.
    yew::set_custom_panic_hook(Box::new(move |info| {
        let message = format!("internal error: {info}");
        console_error(&message);
        show_fatal_error(strings);
        dispatch(
            "helpmark:error",
            &[
                ("message", Detail::Str(&message)),
                ("fatal", Detail::Bool(true)),
            ],
        );
    }));
}

/// Replaces the widget's content with an error panel; plain DOM calls only (no Yew:
/// nothing of the app may run after a panic).
fn show_fatal_error(strings: &crate::locale::UiStrings) -> Option<()> {
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

/// A value in an event's `detail` object.
#[derive(Clone, Copy, Debug)]
pub enum Detail<'a> {
    Str(&'a str),
    Num(f64),
    Bool(bool),
    List(&'a [String]),
}

/// Dispatches `name` on `document` with a `detail` object made of `fields`.
pub fn dispatch(name: &str, fields: &[(&str, Detail<'_>)]) {
    let Some(document) = document() else {
        return;
    };
    let detail = js_sys::Object::new();
    for (key, value) in fields {
        let value = match value {
            Detail::Str(s) => JsValue::from_str(s),
            Detail::Num(n) => JsValue::from_f64(*n),
            Detail::Bool(b) => JsValue::from_bool(*b),
            Detail::List(items) => items
                .iter()
                .map(|item| JsValue::from_str(item))
                .collect::<js_sys::Array>()
                .into(),
        };
        let _ = js_sys::Reflect::set(&detail, &JsValue::from_str(key), &value);
    }
    let init = web_sys::CustomEventInit::new();
    init.set_detail(&detail);
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = document.dispatch_event(&event);
    }
}

/// One console error, prefixed with the product name.
pub fn console_error(message: &str) {
    web_sys::console::error_1(&JsValue::from_str(&format!("Helpmark: {message}")));
}

fn session() -> Option<web_sys::Storage> {
    window()?.session_storage().ok().flatten()
}

/// A value from `sessionStorage` (none when storage is unavailable, as in some private modes).
pub fn session_get(key: &str) -> Option<String> {
    session()?.get_item(key).ok().flatten()
}

/// Stores a value in `sessionStorage`; a full or unavailable storage is not an error.
pub fn session_set(key: &str, value: &str) {
    if let Some(storage) = session() {
        let _ = storage.set_item(key, value);
    }
}

pub fn session_remove(key: &str) {
    if let Some(storage) = session() {
        let _ = storage.remove_item(key);
    }
}

/// The size of one of the widget's own elements without a height limit set by
/// [`set_max_height`] (the limit is lifted for the measurement, in the same frame).
pub fn natural_size(element: &web_sys::HtmlElement) -> (f64, f64) {
    let style = element.style();
    let limit = style
        .get_property_value("max-block-size")
        .unwrap_or_default();
    let _ = style.remove_property("max-block-size");
    let r = element.get_bounding_client_rect();
    if !limit.is_empty() {
        let _ = style.set_property("max-block-size", &limit);
    }
    (r.width(), r.height())
}

/// Limits the height of one of the widget's own elements, through the CSS object model
/// (allowed under a strict Content Security Policy, unlike a `style` attribute).
pub fn set_max_height(element: &web_sys::HtmlElement, height: Option<f64>) {
    let style = element.style();
    let _ = match height {
        Some(h) => style.set_property(
            "max-block-size",
            &format!("{}px", crate::geometry::num(h.floor())),
        ),
        None => style.remove_property("max-block-size").map(|_| ()),
    };
}
