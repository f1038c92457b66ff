use std::cell::Cell;
use std::rc::Rc;

use yew::prelude::*;

use crate::catalog::{parse_manifest, topic_index_path};
use crate::config::Config;
use crate::content::decode_topic;
use crate::dom::{self, FetchError};
use crate::guide::Progress;
use crate::host_event::HostEvent;
use crate::locale::ui_locale;
use crate::widget::{Failure, FailureKind, Loaded, WidgetAction, WidgetState};

/// Loads the content of every new request of `state` ([`WidgetState::request`]): the
/// topic's index, then its compiled article, with the place stored for the topic. A
/// request that is superseded before it is answered is cancelled: its answer, its console
/// error and its `helpmark:error` never happen (the reducer would drop the answer anyway).
#[hook]
pub fn use_topic(config: Rc<Config>, state: &UseReducerHandle<WidgetState>) {
    let dispatcher = state.dispatcher();
    let key = (state.request, state.topic.clone(), state.languages.clone());
    use_effect_with(key, move |(request, topic, languages)| {
        let cancelled = Rc::new(Cell::new(false));
        let (request, topic, languages) = (*request, topic.clone(), languages.clone());
        let live = cancelled.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let result = load_topic(&config, &topic, &languages).await;
            if live.get() {
                return;
            }
            let result = match result {
                Ok(loaded) => Ok(Rc::new(loaded)),
                Err(failure) => {
                    dom::console_error(&failure.detail);
                    dom::emit(&HostEvent::Error {
                        topic: Some(&topic),
                        message: &failure.detail,
                        fatal: false,
                    });
                    Err(Rc::new(failure))
                }
            };
            let resume = stored_progress(dom::session_get(PROGRESS_KEY).as_deref(), &topic);
            dispatcher.dispatch(WidgetAction::Loaded {
                request,
                result,
                resume,
            });
        });
        move || cancelled.set(true)
    });
}

/// Where the guide's progress is kept between pages: `topic` and `step:target`.
pub const PROGRESS_KEY: &str = "helpmark:guide";

/// The stored progress, if it belongs to `topic`.
fn stored_progress(stored: Option<&str>, topic: &str) -> Option<Progress> {
    let (stored_topic, progress) = stored?.split_once('\n')?;
    (stored_topic == topic)
        .then(|| Progress::decode(progress))
        .flatten()
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
    let manifest = dom::fetch_text(&manifest_url, true, config.timeout_ms)
        .await
        .map_err(|e| match e {
            FetchError::Status(404) => missing(format!("is not indexed ({manifest_url}: {e})")),
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
    let source = dom::fetch_text(&url, false, config.timeout_ms)
        .await
        .map_err(|e| {
            let kind = match e {
                FetchError::Status(404) => FailureKind::Missing,
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
