//! The widget's own element on the host page.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::Element;

use super::document;

/// The attribute that marks the widget's own element on the host page.
pub const HOST_ATTRIBUTE: &str = "data-helpmark-host";

/// The widget's stylesheet (`assets/helpmark.css`), minified by the build script and
/// compiled into the widget.
pub const STYLESHEET: &str = include_str!(concat!(env!("OUT_DIR"), "/helpmark.min.css"));

/// The widget's element on the page (`[data-helpmark-host]`), if there is one.
pub fn host_element() -> Option<Element> {
    document()?
        .query_selector(&format!("[{HOST_ATTRIBUTE}]"))
        .ok()
        .flatten()
}

/// The widget's element on the host page, which the loader (`helpmark.js`) makes: a
/// `<div data-helpmark-host>` at the end of the document, shown in the top layer, with an
/// open shadow root holding the widget's mount point (`.hm-root`). The loader is the one
/// place that builds it; the widget takes it over and styles it with [`STYLESHEET`] as a
/// constructable stylesheet (adopted by the shadow root: no request, no `<style>` or
/// `<link>`, nothing a host's `style-src` governs). Host CSS cannot reach inside; widget
/// CSS cannot leak out. Dropping it removes it.
#[must_use = "dropping the guard removes the widget from the page"]
pub struct ShadowHostGuard {
    host: Element,
    mount: Element,
    /// The loader's placeholder icon had the keyboard focus when the widget took over.
    had_focus: bool,
}

/// Styles `shadow` with the widget's stylesheet, replacing what was there (the loader's
/// icon styles). An error means no styles: the caller must not render (no stylesheet, no
/// overlay).
fn style(shadow: &web_sys::ShadowRoot) -> Result<(), JsValue> {
    let sheet = web_sys::CssStyleSheet::new()?;
    sheet.replace_sync(STYLESHEET)?;
    shadow.set_adopted_style_sheets(&js_sys::Array::of1(&sheet));
    Ok(())
}

impl ShadowHostGuard {
    /// Takes over the host element the loader (`helpmark.js`) made, styled before anything
    /// renders in it: its shadow root holds a placeholder help icon (and perhaps a load
    /// failure's message), which the app replaces, and the loader's icon styles, which the
    /// widget's stylesheet replaces. An error when there is no such element (the widget
    /// starts from the loader only) or it cannot be styled.
    pub fn adopt() -> Result<Self, JsValue> {
        let no_host = || {
            JsValue::from_str("no [data-helpmark-host] element: load the widget with helpmark.js")
        };
        let host = host_element().ok_or_else(no_host)?;
        let shadow = host.shadow_root().ok_or_else(no_host)?;
        let mount = shadow.query_selector(".hm-root")?.ok_or_else(no_host)?;
        let had_focus = shadow.active_element().is_some();
        style(&shadow)?;
        mount.set_text_content(None);
        Ok(ShadowHostGuard {
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

impl ShadowHostGuard {
    /// Takes the element out of the document (it keeps its shadow root).
    pub fn detach(&self) {
        self.host.remove();
    }

    /// Puts the element back at the end of the document, in the top layer.
    pub fn reattach(&self) {
        if let Some(root) = document().and_then(|d| d.document_element()) {
            let _ = root.append_child(&self.host);
            let _ = self
                .host
                .unchecked_ref::<web_sys::HtmlElement>()
                .show_popover();
        }
    }
}

impl Drop for ShadowHostGuard {
    fn drop(&mut self) {
        // After a panic the element belongs to the next instance, which the loader starts
        // on retry and which adopts it: a dead instance's guard, dropped whenever the
        // loader's handle to it is collected, must not take it away.
        if !super::has_panicked() {
            self.host.remove();
        }
    }
}
