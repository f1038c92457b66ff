//! Wiring: the widget's configuration, its mount point on the host page, start-up.

use std::rc::Rc;

use crate::app::{App, AppProps};
use crate::dom::{self, ShadowHostGuard};
use crate::locale::{negotiate, ENGLISH, UI_LOCALES};

/// The topic used when the page names none.
pub const DEFAULT_TOPIC: &str = "update-customer-account-info";

/// What the widget shows and where it finds it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Config {
    /// URL prefix of the help content (`help/`), ending in `/`.
    pub content_base: String,
    /// URL of the widget's stylesheet.
    pub stylesheet: String,
    /// Slug of the topic to show.
    pub topic: String,
    /// The user's ordered languages; a `?locale=` override comes first.
    pub languages: Vec<String>,
}

impl Config {
    /// Builds the configuration from page facts: the `locale` and `topic` query
    /// parameters and the browser's languages.
    ///
    /// # Examples
    ///
    /// ```
    /// use helpmark::embed::Config;
    ///
    /// let c = Config::new(Some("sv-SE".into()), None, vec!["de-DE".into()]);
    /// assert_eq!(c.languages, ["sv-SE", "de-DE"]);
    /// assert_eq!(c.topic, "update-customer-account-info");
    /// ```
    pub fn new(
        locale_param: Option<String>,
        topic_param: Option<String>,
        browser: Vec<String>,
    ) -> Config {
        let languages = locale_param
            .filter(|l| !l.trim().is_empty())
            .into_iter()
            .chain(browser)
            .collect();
        let topic = topic_param
            .map(|t| t.trim().to_ascii_lowercase())
            .filter(|t| is_slug(t))
            .unwrap_or_else(|| DEFAULT_TOPIC.to_string());
        Config {
            content_base: "help/".into(),
            stylesheet: "helpmark.css".into(),
            topic,
            languages,
        }
    }

    /// The locale of the widget's own strings before (or without) a topic.
    pub fn ui_locale(&self) -> String {
        negotiate(&self.languages, &UI_LOCALES, ENGLISH)
    }
}

/// A topic slug is a file name: letters, digits, `-` and `_` only, so a query parameter
/// can never name a path outside the content base.
fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 128
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

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

/// Mounts the widget on the current page.
pub fn mount(config: Config) -> Result<Widget, wasm_bindgen::JsValue> {
    let host = ShadowHostGuard::attach(&dom::resolve_url(&config.stylesheet))?;
    let props = AppProps {
        config: Rc::new(config),
    };
    let app = yew::Renderer::<App>::with_root_and_props(host.mount(), props).render();
    Ok(Widget { _host: host, app })
}

/// Start-up for a page: configuration from the page, then [`mount`].
pub fn start() {
    let config = Config::new(
        dom::query_param("locale"),
        dom::query_param("topic"),
        dom::navigator_languages(),
    );
    match mount(config) {
        // The widget lives as long as the page.
        Ok(widget) => std::mem::forget(widget),
        Err(e) => dom::console_error(&format!("cannot start: {e:?}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_topic_parameter_cannot_leave_the_content_base() {
        let c = Config::new(None, Some("../../etc/passwd".into()), vec![]);
        assert_eq!(c.topic, DEFAULT_TOPIC);
        let c = Config::new(None, Some("No-Such-Topic".into()), vec![]);
        assert_eq!(c.topic, "no-such-topic");
    }

    #[test]
    fn the_ui_locale_follows_the_languages() {
        let c = Config::new(Some("".into()), None, vec!["fr-CA".into()]);
        assert_eq!(c.ui_locale(), "fr-FR");
        let c = Config::new(None, None, vec!["xx".into()]);
        assert_eq!(c.ui_locale(), "en-US");
    }
}
