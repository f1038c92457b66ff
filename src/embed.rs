//! Wiring: mounting the widget on the host page and starting it.

use std::rc::Rc;

use crate::app::{App, AppProps};
use crate::config::Config;
use crate::dom::{self, ShadowHostGuard};

/// A mounted widget: its element on the page and the Yew app inside it.
pub struct Widget {
    _host: ShadowHostGuard,
    app: yew::AppHandle<App>,
    props: AppProps,
}

impl Widget {
    /// Removes the widget from the page: the app first (its effects undo what they did:
    /// listeners, observers, timers), then its element.
    pub fn destroy(self) {
        self.app.destroy();
        drop(self._host);
    }

    /// Takes the widget off the page, to [`wake`](Self::wake) it later: nothing of it
    /// renders or runs (its effects are undone: listeners, observers, timers), its element
    /// leaves the document, and the place in the guide is forgotten (it starts afresh).
    /// What `window.helpmark.destroy()` does: the same element and app come back on the
    /// next open, so that repeating it leaves nothing behind.
    pub fn sleep(&mut self) {
        self.props.active = false;
        self.props.refocus = false;
        self.app.update(self.props.clone());
        self._host.detach();
        dom::session_remove(crate::hooks::PROGRESS_KEY);
    }

    /// Puts a sleeping widget back on the page, as new.
    pub fn wake(&mut self) {
        if self.props.active {
            return;
        }
        self._host.reattach();
        self.props.active = true;
        self.app.update(self.props.clone());
    }
}

/// Mounts the widget on the current page, into the host element the loader made (the one
/// way to build it: see [`ShadowHostGuard::adopt`]).
pub fn mount(config: Config) -> Result<Widget, wasm_bindgen::JsValue> {
    let host = ShadowHostGuard::adopt()?;
    let props = AppProps {
        config: Rc::new(config),
        host: host.host(),
        refocus: host.had_focus(),
        active: true,
    };
    let app = yew::Renderer::<App>::with_root_and_props(host.mount(), props.clone()).render();
    Ok(Widget {
        _host: host,
        app,
        props,
    })
}

/// Start-up for a page: configuration from the page, then [`mount`]. The widget lives
/// until [`Widget::destroy`] (or its handle, the loader's, is dropped).
pub fn start() -> Option<Widget> {
    // A guide left open on the previous page of this origin resumes: its topic counts as
    // named (see `use_progress`).
    let stored = dom::session_get(crate::hooks::PROGRESS_KEY)
        .and_then(|s| s.split_once('\n').map(|(topic, _)| topic.to_string()));
    let config = Config::from_page(
        &dom::host_settings(),
        dom::query_param("locale"),
        dom::query_param("topic").or(stored),
        dom::navigator_languages(),
    );
    let ui_locale = config.ui_locale();
    // Through Yew, which would otherwise install its own hook when the app renders. The
    // strings are looked up then: the UI locale's may have arrived since the start.
    yew::set_custom_panic_hook(Box::new(move |info| {
        dom::report_panic(info, crate::locale::strings(&ui_locale))
    }));
    match mount(config) {
        Ok(widget) => Some(widget),
        Err(e) => {
            dom::console_error(&format!(
                "cannot start: {}",
                e.as_string().unwrap_or_default()
            ));
            None
        }
    }
}
