//! The widget's own element on the host page.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::Element;

use super::document;

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
