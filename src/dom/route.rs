//! The page's route and regions: where the user is (`location`), the context names of the
//! regions on the page (`data-help-context`), whether a step's element is there and
//! visible, and a watcher of single-page apps' route changes ([`RouteWatcher`]).

use gloo::events::EventListener;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::{document, window};

/// `location.pathname` and `location.hash`.
pub fn location() -> (String, String) {
    window()
        .map(|w| w.location())
        .map(|l| {
            (
                l.pathname().unwrap_or_default(),
                l.hash().unwrap_or_default(),
            )
        })
        .unwrap_or_default()
}

/// The distinct `data-help-context` names of the page's regions (outside the widget).
pub fn context_names() -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    let Some(found) = document().and_then(|d| d.query_selector_all("[data-help-context]").ok())
    else {
        return names;
    };
    for i in 0..found.length() {
        let Some(element) = found
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        else {
            continue;
        };
        for name in element
            .get_attribute("data-help-context")
            .unwrap_or_default()
            .split_whitespace()
        {
            if !names.iter().any(|n| n == name) {
                names.push(name.to_string());
            }
        }
    }
    names
}

/// Whether an element with `data-help-target="key"` is on the page: `Some(true)` when one
/// is visible now, `Some(false)` when all are hidden, `None` when there is none.
pub fn anchor_visible(key: &str) -> Option<bool> {
    let selector = format!("[data-help-target=\"{}\"]", key.replace(['"', '\\'], ""));
    let found = document()?.query_selector_all(&selector).ok()?;
    if found.length() == 0 {
        return None;
    }
    Some((0..found.length()).any(|i| {
        found
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|e| super::visible_rect(&e).is_some())
    }))
}

/// Calls back on every route change of the page: `popstate`, `hashchange`, and the
/// single-page app's own `history.pushState` and `history.replaceState`, which the
/// watcher wraps while it lives. Dropping it puts the page's own methods back (unless
/// the page replaced them since) and removes the listeners.
#[must_use = "dropping the watcher stops it"]
pub struct RouteWatcher {
    _listeners: Vec<EventListener>,
    patched: Vec<(&'static str, JsValue, JsValue)>,
    _wrappers: Vec<Wrapper>,
}

/// A history method's stand-in: `(state, title, url)`.
type Wrapper = Closure<dyn Fn(JsValue, JsValue, JsValue) -> JsValue>;

impl RouteWatcher {
    pub fn start(on_change: impl Fn() + 'static) -> RouteWatcher {
        let on_change = std::rc::Rc::new(on_change);
        let mut watcher = RouteWatcher {
            _listeners: Vec::new(),
            patched: Vec::new(),
            _wrappers: Vec::new(),
        };
        let Some(window) = window() else {
            return watcher;
        };
        for name in ["popstate", "hashchange"] {
            let on_change = on_change.clone();
            watcher
                ._listeners
                .push(EventListener::new(&window, name, move |_| on_change()));
        }
        let Ok(history) = window.history() else {
            return watcher;
        };
        for method in ["pushState", "replaceState"] {
            let Ok(original) = js_sys::Reflect::get(&history, &method.into()) else {
                continue;
            };
            let Some(function) = original.dyn_ref::<js_sys::Function>().cloned() else {
                continue;
            };
            let (on_change, target) = (on_change.clone(), history.clone());
            let wrapper = Wrapper::new(move |state: JsValue, title: JsValue, url: JsValue| {
                let result = function.call3(&target, &state, &title, &url);
                on_change();
                result.unwrap_or_else(|e| wasm_bindgen::throw_val(e))
            });
            let installed: JsValue = wrapper.as_ref().clone();
            if js_sys::Reflect::set(&history, &method.into(), &installed).unwrap_or(false) {
                watcher.patched.push((method, original, installed));
                watcher._wrappers.push(wrapper);
            }
        }
        watcher
    }
}

impl Drop for RouteWatcher {
    fn drop(&mut self) {
        let Some(history) = window().and_then(|w| w.history().ok()) else {
            return;
        };
        for (method, original, installed) in self.patched.drain(..) {
            let current = js_sys::Reflect::get(&history, &method.into()).unwrap_or_default();
            if current == installed {
                let _ = js_sys::Reflect::set(&history, &method.into(), &original);
            }
        }
    }
}
