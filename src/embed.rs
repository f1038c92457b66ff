//! Wiring: mounting the widget on the host page and starting it.

use std::rc::Rc;

use crate::app::{App, AppProps};
use crate::config::Config;
use crate::dom::{self, ShadowHostGuard};

/// A mounted widget: its element on the page and the Yew app inside it.
pub struct Widget {
    _host: ShadowHostGuard,
    app: yew::AppHandle<App>,
}

impl Widget {
    /// Removes the widget from the page.
    pub fn destroy(self) {
        self.app.destroy();
    }
}

/// Mounts the widget on the current page: into the host element the loader made, or a
/// new one.
pub fn mount(config: Config) -> Result<Widget, wasm_bindgen::JsValue> {
    let host = ShadowHostGuard::attach()?;
    let props = AppProps {
        config: Rc::new(config),
        host: host.host(),
        refocus: host.had_focus(),
    };
    let app = yew::Renderer::<App>::with_root_and_props(host.mount(), props).render();
    Ok(Widget { _host: host, app })
}

/// Start-up for a page: configuration from the page, then [`mount`].
pub fn start() {
    let config = Config::from_page(
        &dom::host_settings(),
        dom::query_param("locale"),
        dom::query_param("topic"),
        dom::navigator_languages(),
    );
    let strings = crate::locale::strings(&config.ui_locale());
    // Through Yew, which would otherwise install its own hook when the app renders.
    yew::set_custom_panic_hook(Box::new(move |info| dom::report_panic(info, strings)));
    match mount(config) {
        // The widget lives as long as the page.
        Ok(widget) => std::mem::forget(widget),
        Err(e) => dom::console_error(&format!(
            "cannot start: {}",
            e.as_string().unwrap_or_default()
        )),
    }
}
