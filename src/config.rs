//! The widget's configuration and the commands a host page sends it: pure types, read
//! from page facts by [`crate::dom`] and used by every layer above it.

use crate::geometry::Corner;

/// The topic used when the page names none.
pub const DEFAULT_TOPIC: &str = "update-customer-account-info";

/// What the widget shows and where it finds it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Config {
    /// URL prefix of the help content (`help/`), ending in `/`.
    pub content_base: String,
    /// Slug of the topic to show.
    pub topic: String,
    /// The user's ordered languages; an explicit locale comes first.
    pub languages: Vec<String>,
    /// How long a content request may take before it counts as failed.
    pub timeout_ms: u32,
    /// The corner of the page that holds the help icon.
    pub corner: Corner,
}

/// What the host page configured on the embedding tag (`data-content`, `data-topic`,
/// `data-locale`), as the loader copies it onto the widget's host element.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HostSettings {
    pub content: Option<String>,
    pub topic: Option<String>,
    /// A locale tag, or `auto` for the browser's languages.
    pub locale: Option<String>,
    /// `data-position`: the corner of the help icon (`bottom-right`, `bottom-left`,
    /// `top-right`, `top-left`).
    pub position: Option<String>,
}

/// How long a content request may take by default.
pub const DEFAULT_TIMEOUT_MS: u32 = 4000;

impl Config {
    /// Builds the configuration from page facts: the `locale` and `topic` query
    /// parameters and the browser's languages.
    ///
    /// # Examples
    ///
    /// ```
    /// use helpmark::config::Config;
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
        Config::from_page(&HostSettings::default(), locale_param, topic_param, browser)
    }

    /// The configuration for a page: the URL's `?locale=` and `?topic=` win over the
    /// host's settings, which win over the browser's languages and the defaults.
    pub fn from_page(
        host: &HostSettings,
        locale_param: Option<String>,
        topic_param: Option<String>,
        browser: Vec<String>,
    ) -> Config {
        let explicit = |v: &Option<String>| {
            v.clone()
                .filter(|l| !l.trim().is_empty() && !l.eq_ignore_ascii_case("auto"))
        };
        let languages = explicit(&locale_param)
            .into_iter()
            .chain(explicit(&host.locale))
            .chain(browser)
            .collect();
        let topic = [topic_param, host.topic.clone()]
            .into_iter()
            .flatten()
            .map(|t| t.trim().to_ascii_lowercase())
            .find(|t| is_slug(t))
            .unwrap_or_else(|| DEFAULT_TOPIC.to_string());
        let mut content_base = host
            .content
            .clone()
            .filter(|c| !c.trim().is_empty())
            .unwrap_or_else(|| "help/".into());
        if !content_base.ends_with('/') {
            content_base.push('/');
        }
        Config {
            content_base,
            topic,
            languages,
            timeout_ms: DEFAULT_TIMEOUT_MS,
            corner: host
                .position
                .as_deref()
                .and_then(Corner::parse)
                .unwrap_or_default(),
        }
    }

    /// The locale of the widget's own strings before (or without) a topic.
    pub fn ui_locale(&self) -> String {
        crate::locale::ui_locale(&self.languages)
    }
}

/// A call of the host page's API (`window.helpmark.open()` and so on), delivered to the
/// widget as a `helpmark:command` event on its host element.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    /// Open the panel, on another topic when one is named.
    Open(Option<String>),
    Close,
    Next,
    Back,
    SetLocale(String),
    /// `__crash`: a deliberate panic, for our tests of fault handling. Debug builds only
    /// (`trunk serve`, `cargo test`): a release build has no such command.
    #[cfg(debug_assertions)]
    Crash,
}

impl Command {
    /// Reads a command by name and argument; unknown or malformed ones are `None`.
    ///
    /// # Examples
    ///
    /// ```
    /// use helpmark::config::Command;
    ///
    /// assert_eq!(Command::parse("open", Some("see-your-customer-list")), Some(Command::Open(Some("see-your-customer-list".into()))));
    /// assert_eq!(Command::parse("setLocale", Some("de-DE")), Some(Command::SetLocale("de-DE".into())));
    /// assert_eq!(Command::parse("open", Some("../etc")), None);
    /// assert_eq!(Command::parse("explode", None), None);
    /// ```
    pub fn parse(name: &str, argument: Option<&str>) -> Option<Command> {
        let argument = argument.map(str::trim).filter(|a| !a.is_empty());
        Some(match name {
            "open" => match argument {
                Some(topic) if is_slug(&topic.to_ascii_lowercase()) => {
                    Command::Open(Some(topic.to_ascii_lowercase()))
                }
                Some(_) => return None,
                None => Command::Open(None),
            },
            "close" => Command::Close,
            "next" => Command::Next,
            "back" => Command::Back,
            "setLocale" => Command::SetLocale(argument?.to_string()),
            #[cfg(debug_assertions)]
            "__crash" => Command::Crash,
            _ => return None,
        })
    }
}

impl Command {
    /// The command's name, as [`Command::parse`] reads it (one of
    /// [`crate::host_event::COMMANDS`], or `__crash`).
    pub fn name(&self) -> &'static str {
        match self {
            Command::Open(_) => "open",
            Command::Close => "close",
            Command::Next => "next",
            Command::Back => "back",
            Command::SetLocale(_) => "setLocale",
            #[cfg(debug_assertions)]
            Command::Crash => "__crash",
        }
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
    fn the_url_wins_over_the_host_which_wins_over_the_browser() {
        let host = HostSettings {
            content: Some("https://cdn.example/help".into()),
            topic: Some("see-your-customer-list".into()),
            locale: Some("de-DE".into()),
            position: Some("top-left".into()),
        };
        let c = Config::from_page(&host, None, None, vec!["sv-SE".into()]);
        assert_eq!(c.languages, ["de-DE", "sv-SE"]);
        assert_eq!(c.topic, "see-your-customer-list");
        assert_eq!(c.content_base, "https://cdn.example/help/");
        assert_eq!(c.corner, Corner::TopLeft);
        let c = Config::from_page(
            &host,
            Some("es-ES".into()),
            Some("update-customer-account-info".into()),
            vec![],
        );
        assert_eq!(c.languages, ["es-ES", "de-DE"]);
        assert_eq!(c.topic, "update-customer-account-info");
        let auto = HostSettings {
            locale: Some("auto".into()),
            ..HostSettings::default()
        };
        assert_eq!(
            Config::from_page(&auto, None, None, vec!["ru".into()]).languages,
            ["ru"]
        );
    }

    #[test]
    fn the_ui_locale_follows_the_languages() {
        let c = Config::new(Some("".into()), None, vec!["fr-CA".into()]);
        assert_eq!(c.ui_locale(), "fr-FR");
        let c = Config::new(None, None, vec!["xx".into()]);
        assert_eq!(c.ui_locale(), "en-US");
    }
}
