use std::cell::Cell;
use std::rc::Rc;

use yew::prelude::*;

use crate::catalog::{parse_manifest, topic_index_path};
use crate::config::Config;
use crate::content::decode_topic;
use crate::dom::{self, FetchError};
use crate::guide::Progress;
use crate::host_event::HostEvent;
use crate::locale::{add_strings, has_strings, strings_path, ui_locale};
use crate::widget::{Failure, FailureKind, Loaded, WidgetAction, WidgetState};

/// Loads the content of every new request of `state` ([`WidgetState::request`]): the
/// topic's index, then its compiled article, with the place stored for the topic. A
/// request that is superseded before it is answered is cancelled: its answer, its console
/// error and its `helpmark:error` never happen (the reducer would drop the answer anyway).
///
/// A topic read once is kept for the widget's life: asked for again (another topic and
/// back, or a language and back), it is answered at once from memory, in the same task,
/// and fetched again in the background, so that a writer's edit still arrives (the
/// fresh copy replaces the kept one when it differs). A failure is never kept.
#[hook]
pub fn use_topic(config: Rc<Config>, state: &UseReducerHandle<WidgetState>) {
    let dispatcher = state.dispatcher();
    // A short list, not a hash map: a session reads a handful of topics, and the map's
    // code would cost the widget's first open more bytes than the search saves time.
    let kept = use_mut_ref(Vec::<Kept>::new);
    let key = (state.request, state.topic.clone(), state.languages.clone());
    use_effect_with(key, move |(request, topic, languages)| {
        let cancelled = Rc::new(Cell::new(false));
        let (request, topic, languages) = (*request, topic.clone(), languages.clone());
        // The home screen without a topic yet: nothing to load.
        if topic.is_empty() {
            return Box::new(|| ()) as Box<dyn FnOnce()>;
        }
        // The place stored for this topic (nothing writes it while a request is open).
        let resume = stored_progress(dom::session_get(PROGRESS_KEY).as_deref(), &topic);
        let remembered = kept
            .borrow()
            .iter()
            .find(|(t, l, _)| *t == topic && *l == languages)
            .map(|(_, _, loaded)| loaded.clone());
        if let Some(loaded) = &remembered {
            dispatcher.dispatch(WidgetAction::Loaded {
                request,
                result: Ok(loaded.clone()),
                resume,
            });
        }
        let live = cancelled.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let result = load_topic(&config, &topic, &languages).await;
            if live.get() {
                return;
            }
            if let Some(remembered) = remembered {
                // A background revalidation: only a changed topic is news, and a failure
                // leaves the kept copy on screen.
                if let Some(fresh) = result.ok().filter(|fresh| *fresh != *remembered) {
                    let fresh = Rc::new(fresh);
                    keep(&mut kept.borrow_mut(), topic, languages, fresh.clone());
                    dispatcher.dispatch(WidgetAction::Loaded {
                        request,
                        result: Ok(fresh),
                        resume: None,
                    });
                }
                return;
            }
            let result = match result {
                Ok(loaded) => {
                    let loaded = Rc::new(loaded);
                    keep(
                        &mut kept.borrow_mut(),
                        topic.clone(),
                        languages,
                        loaded.clone(),
                    );
                    Ok(loaded)
                }
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
            dispatcher.dispatch(WidgetAction::Loaded {
                request,
                result,
                resume,
            });
        });
        Box::new(move || cancelled.set(true))
    });
}

/// A topic kept in memory: its slug, the languages it was asked for in, what was read.
type Kept = (String, Vec<String>, Rc<Loaded>);

/// How many topics are kept (the oldest goes first).
const KEEP: usize = 16;

fn keep(kept: &mut Vec<Kept>, topic: String, languages: Vec<String>, loaded: Rc<Loaded>) {
    kept.retain(|(t, l, _)| !(*t == topic && *l == languages));
    if kept.len() >= KEEP {
        kept.remove(0);
    }
    kept.push((topic, languages, loaded));
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
    // The UI strings of the user's language come beside the index (for a failure's message).
    let (manifest, ()) = futures::future::join(
        dom::fetch_text_within(
            &manifest_url,
            true,
            config.timeout_ms,
            crate::limits::MAX_INDEX_BYTES,
        ),
        load_strings(config, &ui_locale(languages)),
    )
    .await;
    let manifest = manifest.map_err(|e| match e {
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
    // The UI strings of the article's language (the panel is in one language) beside it.
    let (source, ()) = futures::future::join(
        dom::fetch_text_within(
            &url,
            false,
            config.timeout_ms,
            crate::limits::MAX_COMPILED_BYTES,
        ),
        load_strings(config, &ui_locale(&[entry.locale.as_str()])),
    )
    .await;
    let source = source.map_err(|e| {
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
        large: source.len() > crate::limits::STAGED_FROM_BYTES,
    })
}

/// Reads the UI strings of `locale` from its strings file beside the content, unless the
/// widget has them (English is built in). Without them the panel stays in English: the
/// strings are not worth a failure of the topic.
async fn load_strings(config: &Config, locale: &str) {
    if has_strings(locale) {
        return;
    }
    let url = format!("{}{}", config.content_base, strings_path(locale));
    if let Ok(text) = dom::fetch_text_within(
        &url,
        false,
        config.timeout_ms,
        crate::limits::MAX_STRINGS_BYTES,
    )
    .await
    {
        add_strings(&text);
    }
}
