//! The root component: loads the topic, holds the guide state, tells the host page.
//!
//! 1. On mount (and on retry) it fetches the manifest, resolves the topic for the user's
//!    languages, fetches and parses the article ([`load_topic`]).
//! 2. It dispatches `helpmark:ready` with the negotiated locale (the host page may
//!    localize itself to match) or, on failure, `helpmark:error` and one console error
//!    naming the file.
//! 3. It renders the help icon and, when open, the panel.

use std::rc::Rc;

use yew::prelude::*;

use crate::catalog::{parse_manifest, LocaleEntry};
use crate::components::{Launcher, Panel, PanelBody};
use crate::content::{parse_topic, Topic};
use crate::dom::{self, Detail};
use crate::embed::Config;
use crate::guide::{GuideAction, GuideState};
use crate::locale::{direction, negotiate, strings, UiStrings, ENGLISH, UI_LOCALES};

#[derive(Properties, PartialEq)]
pub struct AppProps {
    pub config: Rc<Config>,
}

/// A topic ready to read.
pub struct Loaded {
    pub topic: Rc<Topic>,
    pub entry: LocaleEntry,
}

/// Why the topic cannot be shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FailureKind {
    /// Not in the manifest, or the file is not there (404).
    Missing,
    /// Unreachable, a server error, or not a readable article.
    Unreadable,
}

pub struct Failure {
    pub kind: FailureKind,
    /// For the console and the `helpmark:error` event: what failed, naming the file.
    pub detail: String,
}

#[derive(Clone)]
enum Content {
    Loading,
    Ready(Rc<Loaded>),
    Failed(Rc<Failure>),
}

impl PartialEq for Content {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Content::Loading, Content::Loading) => true,
            (Content::Ready(a), Content::Ready(b)) => Rc::ptr_eq(a, b),
            (Content::Failed(a), Content::Failed(b)) => Rc::ptr_eq(a, b),
            _ => false,
        }
    }
}

impl Reducible for GuideState {
    type Action = GuideAction;

    fn reduce(self: Rc<Self>, action: GuideAction) -> Rc<Self> {
        Rc::new(self.apply(action))
    }
}

/// Fetches the manifest and the article for `config`.
pub async fn load_topic(config: &Config) -> Result<Loaded, Failure> {
    let manifest_url = format!("{}manifest.json", config.content_base);
    let fail = |kind, detail: String| Failure { kind, detail };
    let manifest = dom::fetch_text(&manifest_url, true).await.map_err(|e| {
        fail(
            FailureKind::Unreadable,
            format!("cannot load {manifest_url}: {e}"),
        )
    })?;
    let manifest = parse_manifest(&manifest)
        .map_err(|e| fail(FailureKind::Unreadable, format!("{manifest_url}:{e}")))?;
    let entry = manifest
        .topic(&config.topic)
        .and_then(|t| t.resolve(&config.languages))
        .ok_or_else(|| {
            let wanted = format!("{}{}/{}.md", config.content_base, config.ui_locale(), config.topic);
            fail(
                FailureKind::Missing,
                format!(
                    "cannot find help topic file {wanted}: topic \"{}\" is not in {manifest_url} in any locale",
                    config.topic
                ),
            )
        })?;
    let url = format!("{}{}", config.content_base, entry.path);
    let source = dom::fetch_text(&url, false).await.map_err(|e| {
        let kind = match e {
            dom::FetchError::Status(404) => FailureKind::Missing,
            _ => FailureKind::Unreadable,
        };
        fail(kind, format!("cannot load {url}: {e}"))
    })?;
    let topic =
        parse_topic(&source).map_err(|e| fail(FailureKind::Unreadable, format!("{url}:{e}")))?;
    Ok(Loaded {
        topic: Rc::new(topic),
        entry: entry.clone(),
    })
}

/// The UI strings for a content locale (English for locales without UI strings).
fn ui_strings(locale: &str) -> &'static UiStrings {
    strings(&negotiate(&[locale], &UI_LOCALES, ENGLISH))
}

#[component]
pub fn App(props: &AppProps) -> Html {
    let config = props.config.clone();
    let guide = use_reducer(GuideState::default);
    let content = use_state(|| Content::Loading);
    let attempt = use_state(|| 0u32);
    {
        let content = content.setter();
        let guide = guide.dispatcher();
        let config = config.clone();
        use_effect_with(*attempt, move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                let next = match load_topic(&config).await {
                    Ok(loaded) => {
                        guide.dispatch(GuideAction::Loaded {
                            steps: loaded.topic.steps.len(),
                        });
                        announce_ready(&loaded.entry.locale, &config.topic);
                        Content::Ready(Rc::new(loaded))
                    }
                    Err(failure) => {
                        dom::console_error(&failure.detail);
                        announce_ready(&config.ui_locale(), &config.topic);
                        dom::dispatch(
                            "helpmark:error",
                            &[
                                ("topic", Detail::Str(&config.topic)),
                                ("message", Detail::Str(&failure.detail)),
                            ],
                        );
                        Content::Failed(Rc::new(failure))
                    }
                };
                content.set(next);
            });
        });
    }

    let locale = match &*content {
        Content::Ready(loaded) => loaded.entry.locale.clone(),
        _ => config.ui_locale(),
    };
    let s = ui_strings(&locale);
    let body = match &*content {
        Content::Loading => PanelBody::Loading,
        Content::Ready(loaded) => PanelBody::Topic {
            topic: loaded.topic.clone(),
            view: loaded.entry.view(),
        },
        Content::Failed(failure) => PanelBody::Error {
            message: match failure.kind {
                FailureKind::Missing => s.topic_missing,
                FailureKind::Unreadable => s.topic_failed,
            },
        },
    };
    let send = |action: GuideAction| {
        let guide = guide.dispatcher();
        Callback::from(move |()| guide.dispatch(action))
    };
    let on_retry = {
        let attempt = attempt.clone();
        let content = content.setter();
        Callback::from(move |()| {
            content.set(Content::Loading);
            attempt.set(*attempt + 1);
        })
    };
    html! {
        <>
            if guide.open {
                <Panel strings={s} locale={AttrValue::from(locale.clone())} direction={direction(&locale)}
                       body={body} guide={*guide} on_close={send(GuideAction::Close)}
                       on_next={send(GuideAction::Next)} on_back={send(GuideAction::Back)} {on_retry} />
            }
            <Launcher strings={s} expanded={guide.open} on_click={send(GuideAction::Toggle)} />
        </>
    }
}

/// Tells the host page which locale the widget reads in.
fn announce_ready(locale: &str, topic: &str) {
    dom::dispatch(
        "helpmark:ready",
        &[
            ("locale", Detail::Str(locale)),
            ("dir", Detail::Str(direction(locale).as_str())),
            ("topic", Detail::Str(topic)),
        ],
    );
}
