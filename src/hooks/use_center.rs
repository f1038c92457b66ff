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
use crate::hooks::{use_fx, Key};
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
///
/// Every fetch goes through one task ([`task`]: the catalog's root, then a [`Job`]'s
/// files one after the other), so the WebAssembly holds one state machine for all three.
#[hook]
pub fn use_center(config: Rc<Config>, state: &UseReducerHandle<WidgetState>) {
    let c = &state.center;
    let kept = use_mut_ref(Kept::default);
    let home = state.guide.open && state.screen == Screen::Home;
    let routes = use_routes(home);
    // The list waits for the catalog's root file that "For this page" fetches first (one
    // request for it, not two at once).
    let indexed = use_state(|| false);
    let locale = state.locale();
    let now = Snapshot {
        records: (c.done.clone(), c.left.clone()),
        finished: c.finished,
        abandoned: c.abandoned,
        navigated: c.navigated,
        unlinked: c.unlinked.clone(),
        suggest: (
            home,
            routes,
            locale.clone(),
            c.left.as_ref().map(|l| (l.slug.clone(), l.step)),
        ),
        list: (home && *indexed, c.page, locale.clone()),
        search: (c.search.query.clone(), locale.clone()),
    };
    let env = Env {
        config,
        kept,
        dispatcher: state.dispatcher(),
        locale,
    };
    let facts = Facts {
        topic: state.topic.clone(),
        from: c.history.last().map(|v| v.slug.clone()),
        indexed,
    };
    use_fx(
        Key::new(now.clone()),
        Box::new(move || {
            effects(&env, now, facts);
            None
        }),
    );
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

/// What the help center's effects depend on: each part is one effect, run when that
/// part differs from the last run (and on the first). One effect of the hook compares
/// the parts ([`effects`]) instead of one Yew effect each (each was a copy of its
/// closure and key code in the WebAssembly).
#[derive(Clone, PartialEq)]
struct Snapshot {
    /// The done marks and the topic left mid-way.
    records: (Rc<Vec<String>>, Option<Rc<Left>>),
    /// Counters of the events.
    finished: u32,
    abandoned: u32,
    navigated: u32,
    unlinked: Rc<Vec<String>>,
    /// Home shown, route changes, locale, the topic left mid-way and its step.
    suggest: (bool, u32, String, Option<(String, usize)>),
    /// Run (home shown and the root there), page, locale.
    list: (bool, usize, String),
    /// Query, locale.
    search: (String, String),
}

/// What the effects read besides the snapshot (no effect runs because they change).
struct Facts {
    topic: String,
    /// The topic the last link was followed from.
    from: Option<String>,
    indexed: UseStateHandle<bool>,
}

/// The help center's effects: each whose part of `now` changed since the last run.
fn effects(env: &Env, now: Snapshot, facts: Facts) {
    let last = env.kept.borrow_mut().last.replace(now.clone());
    let last = last.as_ref();
    let changed = |same: fn(&Snapshot, &Snapshot) -> bool| last.is_none_or(|l| !same(l, &now));
    // Stored records: read on the first run, then written whenever they change.
    if last.is_none() {
        let done = dom::local_get(DONE_KEY)
            .map(|d| d.lines().map(str::to_string).collect())
            .unwrap_or_default();
        let left = dom::local_get(LEFT_KEY).and_then(|l| Left::decode(&l));
        env.dispatcher.dispatch(WidgetAction::Stored { done, left });
    } else if changed(|a, b| a.records == b.records) {
        let (done, left) = &now.records;
        dom::local_set(DONE_KEY, &done.join("\n"));
        dom::local_set(
            LEFT_KEY,
            &left.as_ref().map(|l| l.encode()).unwrap_or_default(),
        );
    }
    // Events: finished, abandoned, links followed (counters, so each fires once).
    let topic = &facts.topic;
    if changed(|a, b| a.finished == b.finished) && now.finished > 0 {
        dom::emit(&HostEvent::Complete {
            topic,
            locale: &env.locale,
        });
    }
    if let (true, Some(l)) = (
        changed(|a, b| a.abandoned == b.abandoned) && now.abandoned > 0,
        &now.records.1,
    ) {
        dom::emit(&HostEvent::Abandon {
            topic: &l.slug,
            step: l.step + 1,
            steps: l.steps,
        });
    }
    if let (true, Some(from)) = (
        changed(|a, b| a.navigated == b.navigated) && now.navigated > 0,
        &facts.from,
    ) {
        dom::emit(&HostEvent::Navigate { from, to: topic });
    }
    // A link to a topic the catalog does not have: the published article, when the host
    // says where they are.
    if changed(|a, b| a.unlinked == b.unlinked) {
        if let (Some(base), Some(slug)) = (&env.config.docs_base, now.unlinked.last()) {
            dom::open_tab(&format!("{base}{slug}"));
        }
    }
    // For this page.
    if changed(|a, b| a.suggest == b.suggest) {
        let (home, _, _, resume) = now.suggest.clone();
        let job = Job::Suggest {
            resume,
            indexed: facts.indexed,
            page: None,
            entries: Vec::new(),
        };
        start(home, env.clone(), job);
    }
    // A page of all topics.
    if changed(|a, b| a.list == b.list) {
        let (run, page, _) = now.list;
        start(run, env.clone(), Job::List { page, list: None });
    }
    // Search, as the user types.
    if changed(|a, b| a.search == b.search) {
        let query = now.search.0;
        let job = Job::Search {
            run: !query.trim().is_empty(),
            query,
            search: None,
        };
        start(true, env.clone(), job);
    }
}

/// What the hook keeps between renders: what its effects ran for last, the
/// catalog's root file once fetched, and the search index of one locale as far as
/// fetched.
#[derive(Default)]
struct Kept {
    /// What the effects ran for last ([`effects`]).
    last: Option<Snapshot>,
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
    List { page: usize, list: Option<ListPage> },
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
fn start(run: bool, env: Env, job: Job) {
    let run = run && !matches!(job, Job::Search { run: false, .. });
    if run {
        wasm_bindgen_futures::spawn_local(async move {
            if let Some(action) = task(&env, job).await {
                env.dispatcher.dispatch(action);
            }
        });
    }
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
