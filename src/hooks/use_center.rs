use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use crate::config::Config;
use crate::dom::{self, RouteWatcher};
use crate::help::context::context_shard_path;
use crate::help::context::{
    page_shards, parse_context_shard, rank, AnchorState, Location, PageSignals,
};
use crate::help::list::{list_page_path, parse_list_page};
use crate::help::search::{search_shard_path, SearchIndex};
use crate::help::{parse_center_index, CenterIndex, CENTER_INDEX_PATH};
use crate::host_event::HostEvent;
use crate::widget::{Item, Left, Screen, WidgetAction, WidgetState};

/// Where the done marks are kept (`localStorage`, one slug a line).
pub const DONE_KEY: &str = "helpmark:done";
/// Where the topic left mid-way is kept (`localStorage`, see [`Left::encode`]).
pub const LEFT_KEY: &str = "helpmark:left";

/// How many topics "For this page" and the search show.
const SUGGESTIONS: usize = 5;
const RESULTS: usize = 10;
/// How long a query stays the same before `helpmark:search` reports it.
const SEARCH_SETTLED_MS: u32 = 700;

/// The help center's data and records: the done marks and the topic left mid-way
/// (read once, written on change), the events of finishing, abandoning and following
/// links, and, while the home screen is shown, the topics for this page (again on every
/// route change), the page of all topics, and the search results (the index is fetched
/// shard by shard as the user types, never before).
#[hook]
pub fn use_center(config: Rc<Config>, state: &UseReducerHandle<WidgetState>) {
    let dispatcher = state.dispatcher();
    let c = &state.center;
    // Stored records: read once, then written whenever they change.
    {
        let dispatcher = dispatcher.clone();
        use_effect_with((), move |()| {
            let done = dom::local_get(DONE_KEY)
                .map(|d| d.lines().map(str::to_string).collect())
                .unwrap_or_default();
            let left = dom::local_get(LEFT_KEY).and_then(|l| Left::decode(&l));
            dispatcher.dispatch(WidgetAction::Stored { done, left });
        });
    }
    {
        let read = use_mut_ref(|| false);
        use_effect_with((c.done.clone(), c.left.clone()), move |(done, left)| {
            if std::mem::replace(&mut *read.borrow_mut(), true) {
                dom::local_set(DONE_KEY, &done.join("\n"));
                dom::local_set(
                    LEFT_KEY,
                    &left.as_ref().map(|l| l.encode()).unwrap_or_default(),
                );
            }
        });
    }
    // Events: finished, abandoned, links followed (counters, so each fires once).
    {
        let (topic, locale, left) = (state.topic.clone(), state.locale(), c.left.clone());
        use_effect_with(c.finished, move |n| {
            if *n > 0 {
                dom::emit(&HostEvent::Complete {
                    topic: &topic,
                    locale: &locale,
                });
            }
        });
        use_effect_with(c.abandoned, move |n| {
            if let (true, Some(l)) = (*n > 0, left) {
                dom::emit(&HostEvent::Abandon {
                    topic: &l.slug,
                    step: l.step + 1,
                    steps: l.steps,
                });
            }
        });
        let (from, to) = (
            c.history.last().map(|v| v.slug.clone()),
            state.topic.clone(),
        );
        use_effect_with(c.navigated, move |n| {
            if let (true, Some(from)) = (*n > 0, from) {
                dom::emit(&HostEvent::Navigate {
                    from: &from,
                    to: &to,
                });
            }
        });
    }
    // A link to a topic the catalog does not have: the published article, when the host
    // says where they are.
    {
        let base = config.docs_base.clone();
        use_effect_with(c.unlinked.clone(), move |unlinked| {
            if let (Some(base), Some(slug)) = (base, unlinked.last()) {
                dom::open_tab(&format!("{base}{slug}"));
            }
        });
    }
    let home = state.guide.open && state.screen == Screen::Home;
    let routes = use_routes(home);
    let index = use_mut_ref(|| None::<Rc<CenterIndex>>);
    let locale = state.locale();
    // The list waits for the catalog's root file that "For this page" fetches first (one
    // request for it, not two at once).
    let indexed = use_state(|| false);
    // For this page.
    {
        let (config, index, dispatcher) = (config.clone(), index.clone(), dispatcher.clone());
        let indexed = indexed.clone();
        let resume = c.left.as_ref().map(|l| (l.slug.clone(), l.step));
        use_effect_with(
            (home, routes, locale.clone(), resume),
            move |(home, _, locale, resume)| {
                let (home, locale, resume) = (*home, locale.clone(), resume.clone());
                spawn(
                    home,
                    Box::pin(async move {
                        let index = center_index(&config, &index).await?;
                        indexed.set(true);
                        let locale = index.locale_for(&locale).to_string();
                        let (path, hash) = dom::location();
                        let names = dom::context_names();
                        let location = Location {
                            path: &path,
                            hash: &hash,
                        };
                        let mut entries = Vec::new();
                        for bucket in page_shards(&location, &names, index.context_shards) {
                            let text = fetch(&config, &context_shard_path(&locale, bucket)).await?;
                            entries.extend(parse_context_shard(&text).ok()?);
                        }
                        let anchor = |key: &str| match dom::anchor_visible(key) {
                            Some(true) => AnchorState::Visible,
                            Some(false) => AnchorState::Hidden,
                            None => AnchorState::Absent,
                        };
                        let next_step = |slug: &str| match &resume {
                            Some((s, step)) if s == slug => *step,
                            _ => 0,
                        };
                        let signals = PageSignals {
                            location,
                            names: &names,
                            anchor: &anchor,
                            next_step: &next_step,
                        };
                        let items = rank(&entries, &signals, SUGGESTIONS)
                            .into_iter()
                            .map(|s| {
                                let steps = entries
                                    .iter()
                                    .find(|e| e.slug == s.slug)
                                    .map_or(0, |e| e.steps);
                                Item {
                                    slug: s.slug,
                                    title: s.title,
                                    steps,
                                    marks: Vec::new(),
                                }
                            })
                            .collect();
                        Some(WidgetAction::Suggestions(Rc::new(items)))
                    }),
                    dispatcher,
                );
            },
        );
    }
    // A page of all topics.
    {
        let (config, index, dispatcher) = (config.clone(), index.clone(), dispatcher.clone());
        use_effect_with(
            (home && *indexed, c.page, locale.clone()),
            move |(home, page, locale)| {
                let (home, page, locale) = (*home, *page, locale.clone());
                spawn(
                    home,
                    Box::pin(async move {
                        let index = center_index(&config, &index).await?;
                        let path = list_page_path(index.locale_for(&locale), page);
                        let list = parse_list_page(&fetch(&config, &path).await?).ok()?;
                        let items = list
                            .topics
                            .into_iter()
                            .map(|e| Item {
                                slug: e.slug,
                                title: e.title,
                                steps: e.steps,
                                marks: Vec::new(),
                            })
                            .collect();
                        Some(WidgetAction::List {
                            page,
                            pages: list.pages,
                            items: Rc::new(items),
                        })
                    }),
                    dispatcher,
                );
            },
        );
    }
    // Search, as the user types.
    {
        let searches = use_mut_ref(|| None::<(String, Rc<RefCell<SearchIndex>>)>);
        let (config, index, dispatcher) = (config.clone(), index.clone(), dispatcher.clone());
        let query = c.search.query.clone();
        use_effect_with((query, locale.clone()), move |(query, locale)| {
            let (query, locale) = (query.clone(), locale.clone());
            spawn(
                !query.trim().is_empty(),
                Box::pin(async move {
                    let index = center_index(&config, &index).await?;
                    let locale = index.locale_for(&locale).to_string();
                    let search = {
                        let mut kept = searches.borrow_mut();
                        match &*kept {
                            Some((l, s)) if *l == locale => s.clone(),
                            _ => {
                                let s =
                                    Rc::new(RefCell::new(SearchIndex::new(index.search_shards)));
                                *kept = Some((locale.clone(), s.clone()));
                                s
                            }
                        }
                    };
                    let missing = search.borrow().missing(&query);
                    for bucket in missing {
                        let text = fetch(&config, &search_shard_path(&locale, bucket)).await?;
                        if let Err(e) = search.borrow_mut().insert(bucket, &text) {
                            dom::console_error(&format!(
                                "{}: {e}",
                                search_shard_path(&locale, bucket)
                            ));
                            return None;
                        }
                    }
                    let hits = search
                        .borrow()
                        .query(&query, RESULTS)
                        .into_iter()
                        .map(|h| Item {
                            slug: h.slug,
                            title: h.title,
                            steps: 0,
                            marks: h.marks,
                        })
                        .collect();
                    Some(WidgetAction::Hits {
                        query,
                        hits: Rc::new(hits),
                    })
                }),
                dispatcher,
            );
        });
    }
    // helpmark:search, once the query has settled.
    {
        let (answered, results) = (c.search.answered.clone(), c.search.hits.len());
        use_effect_with(answered, move |query| {
            let query = query.clone();
            let timer = (!query.is_empty()).then(|| {
                gloo::timers::callback::Timeout::new(SEARCH_SETTLED_MS, move || {
                    dom::emit(&HostEvent::Search {
                        query: &query,
                        results,
                    });
                })
            });
            move || drop(timer)
        });
    }
}

/// A future of this module, boxed: one copy of each state machine in the WebAssembly
/// instead of one inlined into every caller (bytes are a product metric).
type Boxed<T> = std::pin::Pin<Box<dyn std::future::Future<Output = Option<T>>>>;

/// Runs `task` when `run`, dispatching what it answers (the reducer drops stale answers).
fn spawn(run: bool, task: Boxed<WidgetAction>, dispatcher: UseReducerDispatcher<WidgetState>) {
    if run {
        wasm_bindgen_futures::spawn_local(async move {
            if let Some(action) = task.await {
                dispatcher.dispatch(action);
            }
        });
    }
}

/// A help-center file's text; a failure goes to the console.
fn fetch(config: &Config, path: &str) -> Boxed<String> {
    let url = format!("{}{path}", config.content_base);
    let timeout = config.timeout_ms;
    Box::pin(async move {
        dom::fetch_text_within(&url, false, timeout, crate::limits::MAX_INDEX_BYTES)
            .await
            .map_err(|e| dom::console_error(&format!("cannot load {url}: {e}")))
            .ok()
    })
}

/// The catalog's root file (fetched once).
fn center_index(
    config: &Config,
    kept: &Rc<RefCell<Option<Rc<CenterIndex>>>>,
) -> Boxed<Rc<CenterIndex>> {
    let kept = kept.clone();
    let known = kept.borrow().clone();
    let text = known.is_none().then(|| fetch(config, CENTER_INDEX_PATH));
    Box::pin(async move {
        if let Some(index) = known {
            return Some(index);
        }
        let index = Rc::new(
            parse_center_index(&text?.await?)
                .map_err(|e| dom::console_error(&format!("{CENTER_INDEX_PATH}: {e}")))
                .ok()?,
        );
        *kept.borrow_mut() = Some(index.clone());
        Some(index)
    })
}

/// How many route changes the page has made while `watching` (the home screen is shown):
/// `pushState`, `replaceState`, `popstate`, `hashchange`. The watcher (and its wrapping
/// of the history methods) goes when the home screen does.
#[hook]
fn use_routes(watching: bool) -> u32 {
    let count = use_state(|| 0u32);
    {
        let count = count.clone();
        use_effect_with(watching, move |watching| {
            let watcher = watching.then(|| {
                let n = Rc::new(std::cell::Cell::new(*count));
                // After the page's own handlers (a router renders after `pushState`).
                RouteWatcher::start(move || {
                    n.set(n.get().wrapping_add(1));
                    let (n, count) = (n.get(), count.clone());
                    gloo::timers::callback::Timeout::new(30, move || count.set(n)).forget();
                })
            });
            move || drop(watcher)
        });
    }
    *count
}
