//! The root component: loads the topic, holds the guide state, tells the host page.
//!
//! 1. On mount (and on retry) it fetches the topic's index, resolves it for the user's
//!    languages, fetches and parses the article ([`load_topic`]).
//! 2. It dispatches `helpmark:ready` with the negotiated locale (the host page may
//!    localize itself to match) or, on failure, `helpmark:error` and one console error
//!    naming the file.
//! 3. It renders the help icon and, when open, the panel; it follows the element the
//!    current step points at ([`use_target`]) with a spotlight, advances when the user
//!    uses that element, keeps the panel off it, remembers the place across pages
//!    (`sessionStorage`), and dispatches `helpmark:step`.

use std::rc::Rc;

use yew::prelude::*;

use crate::catalog::{parse_manifest, topic_index_path, LocaleEntry};
use crate::components::{Launcher, Panel, PanelBody, Spotlight};
use crate::content::{decode_topic, Topic};
use crate::dom::{self, Detail, Lookup, TargetQuery, TargetStatus};
use crate::embed::{Command, Config};
use crate::geometry::{place_panel, Placement};
use crate::guide::{plan, targets, GuideAction, GuideState, Progress, Target};
use crate::hooks::{use_commands, use_navigations, use_target};
use crate::limits::{MAX_COMPILED_BYTES, MAX_INDEX_BYTES};
use crate::locale::{direction, strings, ui_locale, Direction, UiStrings};

#[derive(Properties, PartialEq)]
pub struct AppProps {
    pub config: Rc<Config>,
    /// The widget's element on the page: commands from the host page arrive there.
    pub host: web_sys::Element,
    /// Focus the help icon once drawn (the loader's placeholder icon had the focus).
    pub refocus: bool,
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
        Rc::new((*self).clone().apply(action))
    }
}

/// Fetches the index and the article of `topic` for the user's `languages`.
pub async fn load_topic(
    config: &Config,
    topic: &str,
    languages: &[String],
) -> Result<Loaded, Failure> {
    // The topic's own index (its locales), not the whole catalog's manifest.
    let manifest_url = format!("{}{}", config.content_base, topic_index_path(topic));
    let fail = |kind, detail: String| Failure { kind, detail };
    let missing = |detail: String| {
        let wanted_locale = ui_locale(languages);
        let wanted = format!("{}{wanted_locale}/{topic}.md", config.content_base);
        fail(
            FailureKind::Missing,
            format!("cannot find help topic file {wanted}: topic \"{topic}\" {detail}"),
        )
    };
    let manifest = dom::fetch_text_within(&manifest_url, true, config.timeout_ms, MAX_INDEX_BYTES)
        .await
        .map_err(|e| match e {
            dom::FetchError::Status(404) => {
                missing(format!("is not indexed ({manifest_url}: {e})"))
            }
            _ => fail(
                FailureKind::Unreadable,
                format!("cannot load {manifest_url}: {e}"),
            ),
        })?;
    let manifest = parse_manifest(&manifest)
        .map_err(|e| fail(FailureKind::Unreadable, format!("{manifest_url}:{e}")))?;
    let entry = manifest
        .topic(topic)
        .and_then(|t| t.resolve(languages))
        .ok_or_else(|| missing(format!("is not in {manifest_url} in any locale")))?;
    // The compiled topic: the article parsed at build time (no Markdown parser here).
    let url = format!("{}{}", config.content_base, entry.compiled);
    let source = dom::fetch_text_within(&url, false, config.timeout_ms, MAX_COMPILED_BYTES)
        .await
        .map_err(|e| {
            let kind = match e {
                dom::FetchError::Status(404) => FailureKind::Missing,
                _ => FailureKind::Unreadable,
            };
            fail(kind, format!("cannot load {url}: {e}"))
        })?;
    let topic = decode_topic(&source).map_err(|e| {
        fail(
            FailureKind::Unreadable,
            format!("{url}: not a compiled help topic ({e})"),
        )
    })?;
    Ok(Loaded {
        topic: Rc::new(topic),
        entry: entry.clone(),
    })
}

/// The UI strings for a content locale (English for locales without UI strings).
fn ui_strings(locale: &str) -> &'static UiStrings {
    strings(&ui_locale(&[locale]))
}

/// Where the guide's progress is kept between pages: `topic` and `step:target`.
const PROGRESS_KEY: &str = "helpmark:guide";

/// The stored progress, if it belongs to `topic`.
fn stored_progress(stored: Option<&str>, topic: &str) -> Option<Progress> {
    let (stored_topic, progress) = stored?.split_once('\n')?;
    (stored_topic == topic)
        .then(|| Progress::decode(progress))
        .flatten()
}

/// What the current step points at, as a query for the page.
fn target_query(topic: &Topic, guide: &GuideState) -> Option<TargetQuery> {
    let step = topic.steps.get(guide.step)?;
    targets(step).get(guide.target).map(query_of)
}

/// How to look for `target` on the page.
fn query_of(target: &Target) -> TargetQuery {
    match target {
        Target::Anchor(anchor) => TargetQuery::Anchor {
            key: anchor.key.clone(),
            localized: anchor.localized.clone(),
            english: anchor.english.clone(),
        },
        Target::Instruction(instruction) => TargetQuery::Instruction((*instruction).clone()),
    }
}

#[component]
pub fn App(props: &AppProps) -> Html {
    let config = props.config.clone();
    let guide = use_reducer(GuideState::default);
    let content = use_state(|| Content::Loading);
    let attempt = use_state(|| 0u32);
    // The host page may switch topic and language (window.helpmark.open, setLocale).
    let topic = use_state(|| config.topic.clone());
    let languages = use_state(|| config.languages.clone());
    // Read before any effect runs: the guide resumes where the last page left it.
    let resume = use_memo((*topic).clone(), |topic| {
        stored_progress(dom::session_get(PROGRESS_KEY).as_deref(), topic)
    });
    // The locale announced last: `helpmark:ready` the first time, `helpmark:locale` after.
    let announced = use_mut_ref(|| None::<String>);
    // Focus follows the user: into the panel when they open it, back to the help icon
    // when they close it (never on a resumed page load, which must not steal focus), and
    // onto the help icon at once when it replaces a focused placeholder of the loader.
    let launcher_ref = use_node_ref();
    let title_ref = use_node_ref();
    let focus_request = use_mut_ref(|| props.refocus.then_some(false));
    {
        let content = content.setter();
        let guide = guide.dispatcher();
        let config = config.clone();
        let resume = *resume;
        let key = (*attempt, (*topic).clone(), (*languages).clone());
        use_effect_with(key, move |(_, topic, languages)| {
            let (topic, languages) = (topic.clone(), languages.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let next = match load_topic(&config, &topic, &languages).await {
                    Ok(loaded) => {
                        guide.dispatch(GuideAction::Loaded {
                            plan: plan(&loaded.topic.steps),
                        });
                        if let Some(progress) = resume {
                            guide.dispatch(GuideAction::Resume(progress));
                        }
                        announce(&announced, &loaded.entry.locale, &topic);
                        Content::Ready(Rc::new(loaded))
                    }
                    Err(failure) => {
                        dom::console_error(&failure.detail);
                        announce(&announced, &ui_locale(&languages), &topic);
                        dom::dispatch(
                            "helpmark:error",
                            &[
                                ("topic", Detail::Str(&topic)),
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
    {
        let guide = guide.dispatcher();
        let (topic, languages, content) = (topic.clone(), languages.clone(), content.clone());
        // Opened from the host while the help icon has the focus (the loader's placeholder
        // was activated from the keyboard): focus goes into the panel, as on a click.
        let focus_on_open = {
            let (launcher_ref, focus_request) = (launcher_ref.clone(), focus_request.clone());
            move || {
                // Or about to have it: the open queued by the loader can arrive before the
                // effect that focuses the new icon has run.
                let pending = *focus_request.borrow() == Some(false);
                if pending
                    || launcher_ref
                        .cast::<web_sys::Element>()
                        .is_some_and(|l| dom::has_focus(&l))
                {
                    *focus_request.borrow_mut() = Some(true);
                }
            }
        };
        let on_command = Callback::from(move |command: Command| match command {
            Command::Open(Some(slug)) if slug != *topic => {
                focus_on_open();
                guide.dispatch(GuideAction::Loaded { plan: Vec::new() });
                guide.dispatch(GuideAction::Open);
                content.set(Content::Loading);
                topic.set(slug);
            }
            Command::Open(_) => {
                focus_on_open();
                guide.dispatch(GuideAction::Open)
            }
            Command::Close => guide.dispatch(GuideAction::Close),
            Command::Next => guide.dispatch(GuideAction::Next),
            Command::Back => guide.dispatch(GuideAction::Back),
            Command::Crash => panic!("deliberate crash (the __crash command)"),
            Command::SetLocale(tag) => {
                let mut next = vec![tag];
                next.extend(languages.iter().skip(1).cloned());
                content.set(Content::Loading);
                languages.set(next);
            }
        });
        use_commands(props.host.clone(), on_command);
    }
    // Tell the host when the panel opens and closes (not on the first render).
    {
        let first = use_mut_ref(|| true);
        let topic = (*topic).clone();
        use_effect_with(guide.open, move |open| {
            if !std::mem::replace(&mut *first.borrow_mut(), false) {
                let name = if *open {
                    "helpmark:open"
                } else {
                    "helpmark:close"
                };
                dom::dispatch(name, &[("topic", Detail::Str(&topic))]);
            }
        });
    }

    let loaded = match &*content {
        Content::Ready(loaded) => Some(loaded.clone()),
        _ => None,
    };
    let query = loaded
        .as_ref()
        .filter(|_| guide.open)
        .and_then(|l| target_query(&l.topic, &guide));
    let on_activate = {
        let guide = guide.dispatcher();
        Callback::from(move |()| guide.dispatch(GuideAction::TargetActivated))
    };
    let status = use_target(query.clone(), on_activate);

    // Remember the place while the guide is open; forget it when the user closes it (or
    // finishes), never merely because a page loaded with the guide closed.
    {
        let topic = (*topic).clone();
        let ready = loaded.is_some();
        let was_open = use_mut_ref(|| false);
        use_effect_with(
            (guide.open, guide.progress(), ready),
            move |(open, progress, ready)| {
                if *ready && *open {
                    dom::session_set(PROGRESS_KEY, &format!("{topic}\n{}", progress.encode()));
                } else if *ready && *was_open.borrow() {
                    dom::session_remove(PROGRESS_KEY);
                }
                *was_open.borrow_mut() = *open;
            },
        );
    }

    let locale = match &loaded {
        Some(loaded) => loaded.entry.locale.clone(),
        None => ui_locale(&languages),
    };

    // Tell the host where the guide is, once the target is found or known to be missing.
    let navigations = use_navigations();
    {
        let found = match (&query, &status) {
            (_, TargetStatus::Found { .. }) => Some(true),
            (None, _) | (_, TargetStatus::Missing) => Some(false),
            _ => None,
        };
        let name = loaded.as_ref().and_then(|l| {
            let step = l.topic.steps.get(guide.step)?;
            targets(step)
                .get(guide.target)
                .map(|t| t.name().to_string())
        });
        let detail = (
            guide.open && loaded.is_some(),
            guide.step,
            guide.steps(),
            name.unwrap_or_default(),
            found,
            // Again after an in-page navigation: what is on the page has changed.
            navigations,
        );
        let topic = (*topic).clone();
        let locale = locale.clone();
        let shown = loaded.as_ref().map(|l| l.topic.clone());
        use_effect_with(detail, move |(open, step, steps, anchor, found, _)| {
            if let (true, Some(found)) = (*open, *found) {
                // The step's targets that are not on this page at all (for writers'
                // previews); a hidden one, like the item of a closed menu, is on it.
                let missing: Vec<String> = shown
                    .as_ref()
                    .and_then(|topic| topic.steps.get(*step))
                    .map(|s| {
                        targets(s)
                            .iter()
                            .filter(|t| matches!(dom::find(&query_of(t)), Lookup::Missing))
                            .map(|t| t.name().to_string())
                            .collect()
                    })
                    .unwrap_or_default();
                dom::dispatch(
                    "helpmark:step",
                    &[
                        ("topic", Detail::Str(&topic)),
                        ("locale", Detail::Str(&locale)),
                        ("step", Detail::Num((*step + 1) as f64)),
                        ("steps", Detail::Num(*steps as f64)),
                        ("anchor", Detail::Str(anchor)),
                        ("found", Detail::Bool(found)),
                        ("missing", Detail::List(&missing)),
                    ],
                );
            }
        });
    }

    let s = ui_strings(&locale);
    let dir = direction(&locale);
    let (target_rect, viewport) = match &status {
        TargetStatus::Found { rect, viewport } if guide.open => (Some(*rect), *viewport),
        _ => (None, dom::viewport()),
    };
    let panel_ref = use_node_ref();
    let placement = use_state(|| Placement::BottomEnd);
    {
        let panel_ref = panel_ref.clone();
        let placement = placement.clone();
        let key = (
            target_rect.map(|r| [r.x, r.y, r.width, r.height].map(f64::to_bits)),
            [viewport.width, viewport.height].map(f64::to_bits),
            guide.open,
            guide.progress(),
        );
        use_effect_with(key, move |_| {
            let Some(panel) = panel_ref.cast::<web_sys::HtmlElement>() else {
                return;
            };
            let size = dom::natural_size(&panel);
            let next = place_panel(target_rect.as_ref(), size, &viewport, dir == Direction::Rtl);
            dom::set_max_height(&panel, next.max_height);
            if *placement != next.placement {
                placement.set(next.placement);
            }
        });
    }

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
    let target_status = match (&query, &status) {
        (None, _) => "none",
        (_, TargetStatus::Found { .. }) => "found",
        (_, TargetStatus::Missing) => "missing",
        _ => "waiting",
    };
    let target_note = match (&query, &status) {
        (Some(_), TargetStatus::Waiting) => Some(s.waiting),
        (Some(_), TargetStatus::Missing) => Some(s.not_on_page),
        _ => None,
    };
    {
        let (launcher_ref, title_ref, focus_request) = (
            launcher_ref.clone(),
            title_ref.clone(),
            focus_request.clone(),
        );
        use_effect_with((guide.open, loaded.is_some()), move |(open, _)| {
            let wanted = *focus_request.borrow();
            let target = match wanted {
                Some(true) if *open => title_ref.cast::<web_sys::HtmlElement>(),
                Some(false) if !*open => launcher_ref.cast::<web_sys::HtmlElement>(),
                _ => None,
            };
            if let Some(target) = target {
                let _ = target.focus();
                focus_request.borrow_mut().take();
            }
        });
    }
    let send = |action: GuideAction| {
        let state = (*guide).clone();
        let guide = guide.dispatcher();
        let focus_request = focus_request.clone();
        Callback::from(move |()| {
            let closing = match action {
                GuideAction::Close => true,
                GuideAction::Next => state.is_last(),
                GuideAction::Toggle => state.open,
                _ => false,
            };
            let opening = matches!(action, GuideAction::Toggle | GuideAction::Open) && !state.open;
            if closing || opening {
                *focus_request.borrow_mut() = Some(opening);
            }
            guide.dispatch(action.clone())
        })
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
            if let Some(rect) = target_rect {
                <Spotlight target={rect} {viewport} />
            }
            if guide.open {
                <Panel strings={s} locale={AttrValue::from(locale.clone())} direction={dir}
                       body={body} guide={(*guide).clone()} placement={*placement}
                       panel_ref={panel_ref} target_note={target_note} {target_status} {title_ref}
                       on_close={send(GuideAction::Close)}
                       on_next={send(GuideAction::Next)} on_back={send(GuideAction::Back)} {on_retry} />
            }
            <Launcher strings={s} expanded={guide.open} on_click={send(GuideAction::Toggle)} button_ref={launcher_ref} />
        </>
    }
}

/// Tells the host page which locale the widget reads in: `helpmark:ready` once, then
/// `helpmark:locale` whenever it changes.
fn announce(announced: &Rc<std::cell::RefCell<Option<String>>>, locale: &str, topic: &str) {
    let previous = announced.borrow_mut().replace(locale.to_string());
    let name = match previous {
        None => "helpmark:ready",
        Some(p) if p != locale => "helpmark:locale",
        Some(_) => return,
    };
    dom::dispatch(
        name,
        &[
            ("locale", Detail::Str(locale)),
            ("dir", Detail::Str(direction(locale).as_str())),
            ("topic", Detail::Str(topic)),
        ],
    );
}
