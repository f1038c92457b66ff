//! Fetching content, with a time limit.

use std::fmt;

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::window;

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

thread_local! {
    /// The loader's `take(url, signal)`: the response to a request it started for the
    /// widget beside the code (content and UI strings), each taken once.
    static PREFETCHED: std::cell::RefCell<Option<js_sys::Function>> = const { std::cell::RefCell::new(None) };
}

/// Lets [`fetch_text`] use the requests the loader started before the widget was there:
/// `take(url, signal)` gives, once per URL, the promise of the text of `url` when the
/// loader reads it (a small file), else of the response (rejected when `signal` aborts),
/// or `undefined`.
pub fn set_prefetched(take: js_sys::Function) {
    PREFETCHED.with(|p| *p.borrow_mut() = Some(take));
}

/// The loader's promise of the text of `url` or of its response, if it requested it.
fn prefetched(url: &str, signal: &JsValue) -> Option<js_sys::Promise> {
    PREFETCHED.with(|p| {
        p.borrow()
            .as_ref()?
            .call2(&JsValue::UNDEFINED, &JsValue::from_str(url), signal)
            .ok()?
            .dyn_into()
            .ok()
    })
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
    let _deadline = abort.clone().map(|abort| {
        // Boxed, as every timer of the widget's: one copy of the timer's code.
        let abort: Box<dyn FnOnce()> = Box::new(move || abort.abort());
        gloo::timers::callback::Timeout::new(timeout_ms, abort)
    });
    let timed_out = || abort.as_ref().is_some_and(|a| a.signal().aborted());
    let fail = |e: JsValue, wrap: fn(String) -> FetchError| {
        if timed_out() {
            FetchError::Timeout(timeout_ms)
        } else {
            wrap(js_message(&e))
        }
    };
    let signal = abort
        .as_ref()
        .map_or(JsValue::UNDEFINED, |a| a.signal().into());
    let too_large = || FetchError::Body(format!("larger than the limit of {max_bytes} bytes"));
    let promise =
        prefetched(url, &signal).unwrap_or_else(|| window.fetch_with_str_and_init(url, &init));
    let response = JsFuture::from(promise)
        .await
        .map_err(|e| fail(e, FetchError::Network))?;
    // Read by the loader: no body to read here (a first open then shows its topic in the
    // task that asked for it, without a frame saying it is loading).
    if let Some(text) = response.as_string() {
        return if text.len() > max_bytes {
            Err(too_large())
        } else {
            Ok(text)
        };
    }
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
        return Err(too_large());
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
        return Err(too_large());
    }
    text.as_string()
        .ok_or_else(|| FetchError::Body("not text".into()))
}
