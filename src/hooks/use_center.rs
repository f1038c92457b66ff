use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use crate::config::Config;
use crate::dom::{self, RouteWatcher};
use crate::help::context::{
    context_shard_path, page_shards, parse_context_shard, rank, AnchorState, ContextEntry,
    Location, PageSignals,
};
use crate::help::list::{list_page_path, parse_list_page, ListPage};
use crate::help::search::{search_shard_path, SearchIndex};
use crate::help::{parse_center_index, CenterIndex, CENTER_INDEX_PATH};
use crate::host_event::HostEvent;
use crate::hooks::{use_fx, Key, Undo};
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
///
/// Every fetch goes through one task ([`task`]: the catalog's root, then a [`Job`]'s
/// files one after the other), so the WebAssembly holds one state machine for all three.
#[hook]
pub fn use_center(config: Rc<Config>, state: &UseReducerHandle<WidgetState>) {
    let dispatcher = state.dispatcher();
    let c = &state.center;
    let kept = use_mut_ref(Kept::default);
    // Stored records: read on the first run, then written whenever they change.
    {
        let (dispatcher, kept) = (dispatcher.clone(), kept.clone());
        let (done, left) = (c.done.clone(), c.left.clone());
        use_fx(
            Key::new((done.clone(), left.clone())),
            Box::new(move || {
                if std::mem::replace(&mut kept.borrow_mut().read, true) {
                    dom::local_set(DONE_KEY, &done.join("\n"));
                    dom::local_set(
                        LEFT_KEY,
                        &left.as_ref().map(|l| l.encode()).unwrap_or_default(),
                    );
                } else {
                    let done = dom::local_get(DONE_KEY)
                        .map(|d| d.lines().map(str::to_string).collect())
                        .unwrap_or_default();
                    let left = dom::local_get(LEFT_KEY).and_then(|l| Left::decode(&l));
                    dispatcher.dispatch(WidgetAction::Stored { done, left });
                }
                None
            }),
        );
    }
    // Events: finished, abandoned, links followed (counters, so each fires once).
    {
        let (topic, locale, left) = (state.topic.clone(), state.locale(), c.left.clone());
        let n = c.finished;
        use_fx(
            Key::new(n),
            Box::new(move || {
                if n > 0 {
                    dom::emit(&HostEvent::Complete {
                        topic: &topic,
                        locale: &locale,
                    });
                }
                None
            }),
        );
        let n = c.abandoned;
        use_fx(
            Key::new(n),
            Box::new(move || {
                if let (true, Some(l)) = (n > 0, left) {
                    dom::emit(&HostEvent::Abandon {
                        topic: &l.slug,
                        step: l.step + 1,
                        steps: l.steps,
                    });
                }
                None
            }),
        );
        let (from, to) = (
            c.history.last().map(|v| v.slug.clone()),
            state.topic.clone(),
        );
        let n = c.navigated;
        use_fx(
            Key::new(n),
            Box::new(move || {
                if let (true, Some(from)) = (n > 0, from) {
                    dom::emit(&HostEvent::Navigate {
                        from: &from,
                        to: &to,
                    });
                }
                None
            }),
        );
    }
    // A link to a topic the catalog does not have: the published article, when the host
    // says where they are.
    {
        let (base, unlinked) = (config.docs_base.clone(), c.unlinked.clone());
        use_fx(
            Key::new(unlinked.clone()),
            Box::new(move || {
                if let (Some(base), Some(slug)) = (base, unlinked.last()) {
                    dom::open_tab(&format!("{base}{slug}"));
                }
                None
            }),
        );
    }
    let home = state.guide.open && state.screen == Screen::Home;
    let routes = use_routes(home);
    let env = Env {
        config,
        kept,
        dispatcher,
        locale: state.locale(),
    };
    // The list waits for the catalog's root file that "For this page" fetches first (one
    // request for it, not two at once).
    let indexed = use_state(|| false);
    // For this page.
    {
        let resume = c.left.as_ref().map(|l| (l.slug.clone(), l.step));
        let job = Job::Suggest {
            resume: resume.clone(),
            indexed: indexed.clone(),
            page: None,
            entries: Vec::new(),
        };
        let env = env.clone();
        use_fx(
            Key::new((home, routes, env.locale.clone(), resume)),
            Box::new(move || start(home, env, job)),
        );
    }
    // A page of all topics.
    {
        let (run, page) = (home && *indexed, c.page);
        let env = env.clone();
        use_fx(
            Key::new((run, page, env.locale.clone())),
            Box::new(move || start(run, env, Job::List { page, list: None })),
        );
    }
    // Search, as the user types.
    {
        let query = c.search.query.clone();
        let key = Key::new((query.clone(), env.locale.clone()));
        let job = Job::Search {
            run: !query.trim().is_empty(),
            query,
            search: None,
        };
        use_fx(key, Box::new(move || start(true, env, job)));
    }
    // helpmark:search, once the query has settled.
    {
        let (answered, results) = (c.search.answered.clone(), c.search.hits.len());
        use_fx(
            Key::new(answered.clone()),
            Box::new(move || {
                let query = answered;
                (!query.is_empty()).then(|| {
                    Box::new(gloo::timers::callback::Timeout::new(
                        SEARCH_SETTLED_MS,
                        move || {
                            dom::emit(&HostEvent::Search {
                                query: &query,
                                results,
                            });
                        },
                    )) as Box<dyn std::any::Any>
                })
            }),
        );
    }
}

/// What the hook keeps between renders: whether the stored records were read, the
/// catalog's root file once fetched, and the search index of one locale as far as
/// fetched.
#[derive(Default)]
struct Kept {
    read: bool,
    index: Option<Rc<CenterIndex>>,
    search: Option<(String, Rc<RefCell<SearchIndex>>)>,
}

/// What every task needs: where the files are, what the hook keeps, where the answer
/// goes, and the locale shown.
#[derive(Clone)]
struct Env {
    config: Rc<Config>,
    kept: Rc<RefCell<Kept>>,
    dispatcher: UseReducerDispatcher<WidgetState>,
    locale: String,
}

/// What a task fetches after the catalog's root file, and what it makes of the files.
enum Job {
    /// The topics for this page: the context shards of the page's route and names.
    /// `resume`: the topic left mid-way and its step. `page`: the location and names,
    /// read once the root is there.
    Suggest {
        resume: Option<(String, usize)>,
        indexed: UseStateHandle<bool>,
        page: Option<(String, String, Vec<String>)>,
        entries: Vec<ContextEntry>,
    },
    /// A page of all topics.
    List {
        page: usize,
        list: Option<ListPage>,
    },
    /// The search results for `query` (nothing when `run` is false): the shards it needs
    /// that are not in the index yet.
    Search {
        run: bool,
        query: String,
        search: Option<(Rc<RefCell<SearchIndex>>, Vec<u32>)>,
    },
}

impl Job {
    /// The files to fetch, in order, once the root `index` is there (`locale`: the one
    /// the catalog has for the locale shown).
    fn paths(&mut self, env: &Env, index: &CenterIndex, locale: &str) -> Vec<String> {
        match self {
            Job::Suggest { indexed, page, .. } => {
                indexed.set(true);
                let (path, hash) = dom::location();
                let names = dom::context_names();
                let location = Location {
                    path: &path,
                    hash: &hash,
                };
                let paths = page_shards(&location, &names, index.context_shards)
                    .into_iter()
                    .map(|b| context_shard_path(locale, b))
                    .collect();
                *page = Some((path, hash, names));
                paths
            }
            Job::List { page, .. } => vec![list_page_path(locale, *page)],
            Job::Search { query, search, .. } => {
                let index = {
                    let kept = &mut env.kept.borrow_mut().search;
                    match kept {
                        Some((l, s)) if l == locale => s.clone(),
                        _ => {
                            let s = Rc::new(RefCell::new(SearchIndex::new(index.search_shards)));
                            *kept = Some((locale.to_string(), s.clone()));
                            s
                        }
                    }
                };
                let missing = index.borrow().missing(query);
                let paths = missing
                    .iter()
                    .map(|b| search_shard_path(locale, *b))
                    .collect();
                *search = Some((index, missing));
                paths
            }
        }
    }

    /// Takes the `n`th file, `path`; `None` stops the task.
    fn take(&mut self, n: usize, path: &str, text: &str) -> Option<()> {
        match self {
            Job::Suggest { entries, .. } => entries.extend(parse_context_shard(text).ok()?),
            Job::List { list, .. } => *list = Some(parse_list_page(text).ok()?),
            Job::Search { search, .. } => {
                let (index, buckets) = search.as_ref()?;
                if let Err(e) = index.borrow_mut().insert(buckets[n], text) {
                    dom::console_error(&format!("{path}: {e}"));
                    return None;
                }
            }
        }
        Some(())
    }

    /// The answer, once every file is taken.
    fn answer(self) -> Option<WidgetAction> {
        match self {
            Job::Suggest {
                resume,
                page,
                entries,
                ..
            } => {
                let (path, hash, names) = page?;
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
                    location: Location {
                        path: &path,
                        hash: &hash,
                    },
                    names: &names,
                    anchor: &anchor,
                    next_step: &next_step,
                };
                let mut items = Vec::new();
                for s in rank(&entries, &signals, SUGGESTIONS) {
                    let steps = entries
                        .iter()
                        .find(|e| e.slug == s.slug)
                        .map_or(0, |e| e.steps);
                    items.push(item(s.slug, s.title, steps, Vec::new()));
                }
                Some(WidgetAction::Suggestions(Rc::new(items)))
            }
            Job::List { page, list } => {
                let list = list?;
                let mut items = Vec::new();
                for e in list.topics {
                    items.push(item(e.slug, e.title, e.steps, Vec::new()));
                }
                Some(WidgetAction::List {
                    page,
                    pages: list.pages,
                    items: Rc::new(items),
                })
            }
            Job::Search { query, search, .. } => {
                let mut hits = Vec::new();
                for h in search?.0.borrow().query(&query, RESULTS) {
                    hits.push(item(h.slug, h.title, 0, h.marks));
                }
                Some(WidgetAction::Hits {
                    query,
                    hits: Rc::new(hits),
                })
            }
        }
    }
}

fn item(slug: String, title: String, steps: usize, marks: Vec<(usize, usize)>) -> Item {
    Item {
        slug,
        title,
        steps,
        marks,
    }
}

/// Starts `job` when `run`, dispatching what it answers (the reducer drops stale answers).
fn start(run: bool, env: Env, job: Job) -> Undo {
    let run = run && !matches!(job, Job::Search { run: false, .. });
    if run {
        wasm_bindgen_futures::spawn_local(async move {
            if let Some(action) = task(&env, job).await {
                env.dispatcher.dispatch(action);
            }
        });
    }
    None
}

/// The catalog's root file (fetched once), then `job`'s files one after the other.
async fn task(env: &Env, mut job: Job) -> Option<WidgetAction> {
    let known = env.kept.borrow().index.clone();
    let index = match known {
        Some(index) => index,
        None => {
            let text = fetch(&env.config, CENTER_INDEX_PATH).await?;
            let index = Rc::new(
                parse_center_index(&text)
                    .map_err(|e| dom::console_error(&format!("{CENTER_INDEX_PATH}: {e}")))
                    .ok()?,
            );
            env.kept.borrow_mut().index = Some(index.clone());
            index
        }
    };
    let locale = index.locale_for(&env.locale).to_string();
    let paths = job.paths(env, &index, &locale);
    for (n, path) in paths.iter().enumerate() {
        let text = fetch(&env.config, path).await?;
        job.take(n, path, &text)?;
    }
    job.answer()
}

/// A help-center file's text; a failure goes to the console.
async fn fetch(config: &Config, path: &str) -> Option<String> {
    let url = format!("{}{path}", config.content_base);
    dom::fetch_text_within(
        &url,
        false,
        config.timeout_ms,
        crate::limits::MAX_INDEX_BYTES,
    )
    .await
    .map_err(|e| dom::console_error(&format!("cannot load {url}: {e}")))
    .ok()
}

/// How many route changes the page has made while `watching` (the home screen is shown):
/// `pushState`, `replaceState`, `popstate`, `hashchange`. The watcher (and its wrapping
/// of the history methods) goes when the home screen does.
#[hook]
fn use_routes(watching: bool) -> u32 {
    let count = use_state(|| 0u32);
    {
        let count = count.clone();
        use_fx(
            Key::new(watching),
            Box::new(move || {
                watching.then(|| {
                    let n = Rc::new(std::cell::Cell::new(*count));
                    // After the page's own handlers (a router renders after `pushState`).
                    Box::new(RouteWatcher::start(move || {
                        n.set(n.get().wrapping_add(1));
                        let (n, count) = (n.get(), count.clone());
                        gloo::timers::callback::Timeout::new(30, move || count.set(n)).forget();
                    })) as Box<dyn std::any::Any>
                })
            }),
        );
    }
    *count
}
