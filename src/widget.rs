//! The whole widget's state and its one reducer: which screen is shown, the topic and
//! languages asked for, the load in flight, the guide, and where focus should go.
//!
//! Pure: [`WidgetState::apply`] takes an action and returns the next state (Yew's
//! `use_reducer` wraps it, as in yew's todomvc `state.rs`). A new screen (home, search)
//! is a new [`Screen`] variant, not new state cells.
//!
//! Every request for content has a number ([`WidgetState::request`]); a command that
//! changes the topic or the language, and a retry, start a new one, and the answer to a
//! request that has been superseded is dropped: the last request the user or the host
//! made always wins, and what the panel shows is what the events describe.

use std::rc::Rc;

use crate::catalog::LocaleEntry;
use crate::config::{Command, Config};
use crate::content::Topic;
use crate::guide::{plan, targets, GuideAction, GuideState, Progress};
use crate::locale::{strings, ui_locale, UiStrings};
use crate::target::TargetQuery;

/// What the panel shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Screen {
    /// One topic, step by step.
    #[default]
    Topic,
    /// The help center: topics for this page, the one left mid-way, search, all topics.
    Home,
}

/// A topic in a list of the home screen (for this page, search results, all topics).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Item {
    pub slug: String,
    pub title: String,
    pub steps: usize,
    /// Byte ranges of `title` that match the search (marked).
    pub marks: Vec<(usize, usize)>,
}

/// A topic closed before its last step: where the user left it ("Continue").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Left {
    pub slug: String,
    pub title: String,
    /// Zero-based.
    pub step: usize,
    pub steps: usize,
}

impl Left {
    /// The stored form: slug, step, steps and title on four lines.
    pub fn encode(&self) -> String {
        format!(
            "{}\n{}\n{}\n{}",
            self.slug, self.step, self.steps, self.title
        )
    }

    /// Reads the stored form; `None` for anything else.
    pub fn decode(text: &str) -> Option<Left> {
        let mut lines = text.splitn(4, '\n');
        let slug = lines.next()?.to_string();
        let step = lines.next()?.parse().ok()?;
        let steps = lines.next()?.parse().ok()?;
        let title = lines.next()?.to_string();
        (step < steps && !slug.is_empty()).then_some(Left {
            slug,
            title,
            step,
            steps,
        })
    }
}

/// The search box of the home screen: what was typed, the results for it, and the
/// result the arrow keys point at.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Search {
    pub query: String,
    /// The results, for the query `answered`.
    pub hits: Rc<Vec<Item>>,
    pub answered: String,
    pub active: Option<usize>,
}

/// A place in the history of topic-to-topic links: the topic, its title, the step.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Visit {
    pub slug: String,
    pub title: String,
    pub progress: Progress,
}

/// What the home screen and the done marks hold.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Center {
    /// Topics for the page the user is on, best first.
    pub suggestions: Rc<Vec<Item>>,
    /// The page of all topics shown, zero-based, its topics and how many pages there are.
    pub page: usize,
    pub list: Rc<Vec<Item>>,
    pub pages: usize,
    pub search: Search,
    /// Slugs of the topics the user finished (per origin, `localStorage`).
    pub done: Rc<Vec<String>>,
    pub left: Option<Rc<Left>>,
    /// Topics the user came from by links, the last one on top (Back returns there).
    pub history: Vec<Visit>,
    /// Counts of finished and abandoned topics and of links followed (their events).
    pub finished: u32,
    pub abandoned: u32,
    pub navigated: u32,
    /// Where the next loaded topic resumes, when no stored place says otherwise.
    pub resume: Option<Progress>,
    /// Topics that links named but the catalog does not have (their links become text,
    /// or open the published article with `data-docs-base`).
    pub unlinked: Rc<Vec<String>>,
}

/// A topic ready to read.
#[derive(Debug, PartialEq)]
pub struct Loaded {
    pub topic: Rc<Topic>,
    pub entry: LocaleEntry,
    /// Larger than [`crate::limits::STAGED_FROM_BYTES`]: shown in stages.
    pub large: bool,
}

/// Why the topic cannot be shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FailureKind {
    /// Not in the manifest, or the file is not there (404).
    Missing,
    /// Unreachable, a server error, or not a readable article.
    Unreadable,
}

/// A failed load.
#[derive(Debug, PartialEq, Eq)]
pub struct Failure {
    pub kind: FailureKind,
    /// For the console and the `helpmark:error` event: what failed, naming the file.
    pub detail: String,
}

/// The content of the current request.
#[derive(Clone, Debug)]
pub enum Load {
    Loading,
    Ready(Rc<Loaded>),
    Failed(Rc<Failure>),
}

impl PartialEq for Load {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Load::Loading, Load::Loading) => true,
            (Load::Ready(a), Load::Ready(b)) => Rc::ptr_eq(a, b),
            (Load::Failed(a), Load::Failed(b)) => Rc::ptr_eq(a, b),
            _ => false,
        }
    }
}

/// Where the keyboard focus should go after the next render.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Focus {
    /// The panel's title (the user opened it).
    Panel,
    /// The help icon (the user closed the panel, or the icon replaced a focused placeholder).
    Launcher,
}

/// Everything the widget is.
#[derive(Clone, Debug, PartialEq)]
pub struct WidgetState {
    pub screen: Screen,
    /// The topic asked for.
    pub topic: String,
    /// The user's ordered languages (an explicit locale first).
    pub languages: Vec<String>,
    /// The number of the content request in flight or answered last.
    pub request: u32,
    pub load: Load,
    pub guide: GuideState,
    /// Where focus should go once rendered.
    pub focus: Option<Focus>,
    pub center: Center,
}

/// What can happen to the widget.
#[derive(Debug)]
pub enum WidgetAction {
    /// A command of the host page (or of the user through the panel's own controls).
    /// `focused`: the help icon had the keyboard focus when it came (an open then moves
    /// the focus into the panel, as a click on the icon does).
    Command { command: Command, focused: bool },
    /// One of the panel's controls (Next, Back, Close, the icon's toggle).
    Guide(GuideAction),
    /// The user used the highlighted element.
    TargetActivated,
    /// The answer to request `request`; `resume` is the place stored for its topic.
    Loaded {
        request: u32,
        result: Result<Rc<Loaded>, Rc<Failure>>,
        resume: Option<Progress>,
    },
    /// Load the topic again (the error message's retry).
    Retry,
    /// The focus went where [`WidgetState::focus`] asked (a request made since then,
    /// for somewhere else, stays).
    Focused(Focus),
    /// Show the home screen.
    Home,
    /// Show a topic chosen on the home screen (`link: false`) or by a link in the topic
    /// shown (`link: true`: Back returns here).
    Show { slug: String, link: bool },
    /// Back to the topic the last link was followed from.
    HistoryBack,
    /// The user typed in the search box.
    Query(String),
    /// The results of a search.
    Hits { query: String, hits: Rc<Vec<Item>> },
    /// An arrow key in the search box: the next (`1`) or previous (`-1`) result.
    Move(i32),
    /// Escape in the search box.
    ClearSearch,
    /// The topics for this page, best first.
    Suggestions(Rc<Vec<Item>>),
    /// A page of all topics.
    List {
        page: usize,
        pages: usize,
        items: Rc<Vec<Item>>,
    },
    /// Another page of all topics is wanted.
    Page(usize),
    /// What the storage holds: the topics done and the one left mid-way.
    Stored {
        done: Vec<String>,
        left: Option<Left>,
    },
    /// "Mark as not done".
    NotDone(String),
}

impl WidgetState {
    /// The state before anything has loaded. `focus_launcher`: the loader's placeholder
    /// icon had the focus, so the widget's own icon takes it.
    pub fn new(config: &Config, focus_launcher: bool) -> WidgetState {
        WidgetState {
            topic: if config.topic_set {
                config.topic.clone()
            } else {
                String::new()
            },
            languages: config.languages.clone(),
            request: 0,
            load: Load::Loading,
            guide: GuideState::default(),
            focus: focus_launcher.then_some(Focus::Launcher),
            center: Center::default(),
            screen: if config.topic_set {
                Screen::Topic
            } else {
                Screen::Home
            },
        }
    }

    /// The loaded topic, when the current request has one and the panel shows topics.
    pub fn loaded(&self) -> Option<&Rc<Loaded>> {
        match &self.load {
            Load::Ready(loaded) if self.screen == Screen::Topic => Some(loaded),
            _ => None,
        }
    }

    /// Whether the user finished `slug`.
    pub fn is_done(&self, slug: &str) -> bool {
        self.center.done.iter().any(|d| d == slug)
    }

    /// The locale of what is shown: the loaded topic's, else the UI locale of the
    /// user's languages.
    pub fn locale(&self) -> String {
        match self.loaded() {
            Some(loaded) => loaded.entry.locale.clone(),
            None => ui_locale(&self.languages),
        }
    }

    /// The widget's own strings, in the language of what is shown (a panel is always in one
    /// language; English for locales without UI strings).
    pub fn strings(&self) -> &'static UiStrings {
        strings(&ui_locale(&[self.locale()]))
    }

    /// What the current step points at, while the panel shows a loaded topic.
    pub fn target_query(&self) -> Option<TargetQuery> {
        let loaded = self.loaded().filter(|_| self.guide.open)?;
        let step = loaded.topic.steps.get(self.guide.step)?;
        targets(step).get(self.guide.target).map(TargetQuery::of)
    }

    /// The current target's name (its key, or its sentence), for events.
    pub fn target_name(&self) -> Option<String> {
        let step = self.loaded()?.topic.steps.get(self.guide.step)?;
        targets(step)
            .get(self.guide.target)
            .map(|t| t.name().to_string())
    }

    /// The state after `action`.
    ///
    /// # Examples
    ///
    /// ```
    /// use helpmark::config::{Command, Config};
    /// use helpmark::widget::{Load, WidgetAction, WidgetState};
    ///
    /// let config = Config::new(None, Some("a".into()), vec!["de-DE".into()]);
    /// let s = WidgetState::new(&config, false);
    /// let s = s.apply(WidgetAction::Command { command: Command::Open(Some("b".into())), focused: false });
    /// assert_eq!((s.topic.as_str(), s.request, s.guide.open), ("b", 1, true));
    /// assert_eq!(s.load, Load::Loading);
    /// ```
    pub fn apply(mut self, action: WidgetAction) -> WidgetState {
        self.act(action);
        self
    }

    /// [`WidgetState::apply`] in place. (The reducer works on one state through
    /// `&mut self`: moving the whole state through every branch by value made it several
    /// KB of copies in the WebAssembly.)
    fn act(&mut self, action: WidgetAction) {
        let before = self.loaded().map(|l| (l.clone(), self.guide.clone()));
        let finishing = matches!(
            action,
            WidgetAction::Guide(GuideAction::Next)
                | WidgetAction::Command {
                    command: Command::Next,
                    ..
                }
                | WidgetAction::TargetActivated
        );
        self.step(action);
        if let Some((loaded, guide)) = before {
            if guide.open && !self.guide.open && self.screen == Screen::Topic {
                self.left_topic(&loaded, &guide, finishing && guide.is_last());
            }
        }
    }

    /// The guide after `action`.
    fn guide(&mut self, action: GuideAction) {
        self.guide = std::mem::take(&mut self.guide).apply(action);
    }

    /// After the guide of `loaded` closed (at `guide`): done, or left mid-way.
    fn left_topic(&mut self, loaded: &Loaded, guide: &GuideState, finished: bool) {
        let c = &mut self.center;
        let slug = self.topic.clone();
        if c.left.as_ref().is_some_and(|l| l.slug == slug) {
            c.left = None;
        }
        if finished {
            c.finished = c.finished.wrapping_add(1);
            if !c.done.contains(&slug) {
                Rc::make_mut(&mut c.done).push(slug);
            }
        } else {
            c.abandoned = c.abandoned.wrapping_add(1);
            c.left = Some(Rc::new(Left {
                slug,
                title: loaded.entry.title.clone(),
                step: guide.step,
                steps: guide.steps(),
            }));
        }
    }

    fn step(&mut self, action: WidgetAction) {
        match action {
            WidgetAction::Command { command, focused } => self.command(command, focused),
            WidgetAction::Guide(action) => {
                let opening =
                    matches!(action, GuideAction::Toggle | GuideAction::Open) && !self.guide.open;
                let closing = match action {
                    GuideAction::Close => self.guide.open,
                    GuideAction::Next => self.guide.open && self.guide.is_last(),
                    GuideAction::Toggle => self.guide.open,
                    _ => false,
                };
                if opening {
                    self.focus = Some(Focus::Panel);
                } else if closing {
                    self.focus = Some(Focus::Launcher);
                }
                self.guide(action);
            }
            WidgetAction::TargetActivated => self.guide(GuideAction::TargetActivated),
            WidgetAction::Loaded { request, .. } if request != self.request => {}
            WidgetAction::Loaded { result, resume, .. } => match result {
                Ok(loaded) => {
                    self.guide(GuideAction::Loaded {
                        plan: plan(&loaded.topic.steps),
                    });
                    let stored = self.center.resume.take();
                    if let Some(progress) = resume.or(stored) {
                        self.guide(GuideAction::Resume(progress));
                    }
                    self.load = Load::Ready(loaded);
                }
                // A link to a topic the catalog does not have: back where the user was.
                Err(failure)
                    if failure.kind == FailureKind::Missing && !self.center.history.is_empty() =>
                {
                    let slug = std::mem::take(&mut self.topic);
                    Rc::make_mut(&mut self.center.unlinked).push(slug);
                    self.act(WidgetAction::HistoryBack);
                }
                Err(failure) => self.load = Load::Failed(failure),
            },
            WidgetAction::Retry => self.reload(),
            WidgetAction::Focused(done) => self.focus = self.focus.filter(|f| *f != done),
            action => self.center_action(action),
        }
    }

    /// The home screen's actions.
    fn center_action(&mut self, action: WidgetAction) {
        let c = &mut self.center;
        match action {
            WidgetAction::Home => {
                c.history.clear();
                self.screen = Screen::Home;
                self.focus = Some(Focus::Panel);
            }
            WidgetAction::Show { slug, link } => {
                if link {
                    if let Some(loaded) = self.loaded() {
                        let visit = Visit {
                            slug: self.topic.clone(),
                            title: loaded.entry.title.clone(),
                            progress: self.guide.progress(),
                        };
                        self.center.history.push(visit);
                        self.center.navigated = self.center.navigated.wrapping_add(1);
                    }
                } else {
                    c.history.clear();
                }
                let resume = self
                    .center
                    .left
                    .as_ref()
                    .filter(|l| l.slug == slug)
                    .map(|l| Progress {
                        step: l.step,
                        target: 0,
                    });
                self.show(slug, resume);
            }
            WidgetAction::HistoryBack => {
                if let Some(visit) = c.history.pop() {
                    self.show(visit.slug, Some(visit.progress));
                }
            }
            WidgetAction::Query(query) => {
                c.search.active = None;
                c.search.query = query;
            }
            WidgetAction::Hits { query, hits } if query == c.search.query => {
                c.search.hits = hits;
                c.search.answered = query;
                c.search.active = None;
            }
            WidgetAction::Move(delta) => {
                let n = c.search.hits.len() as i32;
                if n > 0 {
                    let at = c
                        .search
                        .active
                        .map_or(if delta > 0 { -1 } else { n }, |a| a as i32);
                    c.search.active = Some((at + delta).rem_euclid(n) as usize);
                }
            }
            WidgetAction::ClearSearch => c.search = Search::default(),
            WidgetAction::Suggestions(items) => c.suggestions = items,
            WidgetAction::List { page, pages, items } if page == c.page => {
                c.list = items;
                c.pages = pages;
            }
            WidgetAction::Page(page) => c.page = page,
            WidgetAction::Stored { done, left } => {
                c.done = Rc::new(done);
                c.left = left.map(Rc::new);
            }
            WidgetAction::NotDone(slug) => Rc::make_mut(&mut c.done).retain(|d| *d != slug),
            _ => {}
        }
    }

    /// Shows topic `slug`, resuming at `resume` (the panel stays open).
    fn show(&mut self, slug: String, resume: Option<Progress>) {
        if slug == self.topic && matches!(self.load, Load::Ready(_)) {
            if let Some(p) = resume {
                self.guide(GuideAction::Resume(p));
            }
        } else {
            self.reload();
            self.topic = slug;
            self.guide = GuideState {
                open: true,
                ..GuideState::default()
            };
            self.center.resume = resume;
        }
        self.screen = Screen::Topic;
        self.focus = Some(Focus::Panel);
    }

    fn command(&mut self, command: Command, focused: bool) {
        let open_focus = if focused || self.focus == Some(Focus::Launcher) {
            Some(Focus::Panel)
        } else {
            self.focus
        };
        match command {
            Command::Open(Some(topic)) if topic != self.topic => {
                self.reload();
                self.topic = topic;
                self.guide = GuideState {
                    open: true,
                    ..GuideState::default()
                };
                self.focus = open_focus;
                self.screen = Screen::Topic;
            }
            Command::Open(topic) => {
                if topic.is_some() {
                    self.screen = Screen::Topic;
                }
                self.guide(GuideAction::Open);
                self.focus = open_focus;
            }
            Command::Close => self.guide(GuideAction::Close),
            Command::Next => self.guide(GuideAction::Next),
            Command::Back => self.guide(GuideAction::Back),
            Command::SetLocale(tag) => {
                let mut languages = vec![tag];
                languages.extend(self.languages.iter().skip(1).cloned());
                self.languages = languages;
                self.reload();
            }
            #[cfg(debug_assertions)]
            Command::Crash => panic!("deliberate crash (the __crash command)"),
        }
    }

    /// A new request for the same topic and languages.
    fn reload(&mut self) {
        self.request = self.request.wrapping_add(1);
        self.load = Load::Loading;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state() -> WidgetState {
        WidgetState::new(
            &Config::new(None, Some("y".into()), vec!["de-DE".into()]),
            false,
        )
    }

    fn command(command: Command) -> WidgetAction {
        WidgetAction::Command {
            command,
            focused: false,
        }
    }

    /// A loaded topic of `steps` steps with one target each.
    fn loaded(steps: usize) -> Rc<Loaded> {
        let topic = crate::content::parse_topic(&format!(
            "---\ntitle: T\n---\n# T\n\n{}",
            (1..=steps)
                .map(|i| format!("{i}. Select **Item {i}**.\n"))
                .collect::<String>()
        ))
        .expect("a topic");
        Rc::new(Loaded {
            topic: Rc::new(topic),
            entry: LocaleEntry {
                locale: "en-US".into(),
                path: "en-US/y.md".into(),
                compiled: "en-US/y.json".into(),
                english: false,
                title: "T".into(),
                date: None,
                translation: None,
                steps,
            },
            large: false,
        })
    }

    #[test]
    fn opening_another_topic_is_one_atomic_change_with_a_new_request() {
        let s = state().apply(command(Command::Open(Some("x".into()))));
        assert_eq!(s.topic, "x");
        assert_eq!(s.request, 1);
        assert_eq!(s.load, Load::Loading);
        assert!(s.guide.open);
        assert_eq!(s.guide.plan, Vec::<usize>::new());
        // Opening the same topic starts no request.
        let again = s.clone().apply(command(Command::Open(Some("x".into()))));
        assert_eq!(again.request, 1);
    }

    #[test]
    fn the_answer_to_a_superseded_request_is_dropped() {
        // open('x') queued before load on a tag whose data-topic is y.
        let s = state().apply(command(Command::Open(Some("x".into()))));
        let late_y = s.clone().apply(WidgetAction::Loaded {
            request: 0,
            result: Ok(loaded(2)),
            resume: None,
        });
        assert_eq!(late_y, s, "y's answer changes nothing");
        let x = s.apply(WidgetAction::Loaded {
            request: 1,
            result: Ok(loaded(3)),
            resume: None,
        });
        assert!(x.loaded().is_some());
        assert_eq!(x.guide.steps(), 3);
        // A locale change while it loads supersedes it as well.
        let s = x.apply(command(Command::SetLocale("sv-SE".into())));
        assert_eq!(s.languages, ["sv-SE"]);
        let stale = s.clone().apply(WidgetAction::Loaded {
            request: 1,
            result: Err(Rc::new(Failure {
                kind: FailureKind::Unreadable,
                detail: "late".into(),
            })),
            resume: None,
        });
        assert_eq!(stale, s);
    }

    #[test]
    fn a_loaded_topic_resumes_at_the_stored_place() {
        let s = state().apply(WidgetAction::Loaded {
            request: 0,
            result: Ok(loaded(3)),
            resume: Some(Progress { step: 2, target: 0 }),
        });
        assert!(s.guide.open);
        assert_eq!(s.guide.step, 2);
    }

    #[test]
    fn a_failure_is_kept_and_a_retry_is_a_new_request() {
        let s = state().apply(WidgetAction::Loaded {
            request: 0,
            result: Err(Rc::new(Failure {
                kind: FailureKind::Missing,
                detail: "404".into(),
            })),
            resume: None,
        });
        assert!(matches!(&s.load, Load::Failed(f) if f.kind == FailureKind::Missing));
        let s = s.apply(WidgetAction::Retry);
        assert_eq!((s.request, s.load.clone()), (1, Load::Loading));
    }

    #[test]
    fn focus_follows_the_user_into_the_panel_and_back_to_the_icon() {
        let s = state().apply(WidgetAction::Guide(GuideAction::Toggle));
        assert_eq!(s.focus, Some(Focus::Panel));
        let s = s.apply(WidgetAction::Focused(Focus::Panel));
        assert_eq!(s.focus, None);
        let s = s.apply(WidgetAction::Guide(GuideAction::Close));
        assert_eq!(s.focus, Some(Focus::Launcher));
        // An open from the host moves focus only when the icon had it.
        let s = state().apply(command(Command::Open(None)));
        assert_eq!(s.focus, None);
        let s = state().apply(WidgetAction::Command {
            command: Command::Open(None),
            focused: true,
        });
        assert_eq!(s.focus, Some(Focus::Panel));
        // The icon replacing a focused placeholder: a queued open goes into the panel.
        let config = Config::new(None, None, vec![]);
        let s = WidgetState::new(&config, true);
        assert_eq!(s.focus, Some(Focus::Launcher));
        let s = s.apply(command(Command::Open(None)));
        assert_eq!(s.focus, Some(Focus::Panel));
        // ...even when the icon's focus is reported done after the open was queued.
        let s = s.apply(WidgetAction::Focused(Focus::Launcher));
        assert_eq!(s.focus, Some(Focus::Panel));
    }

    #[test]
    fn commands_move_the_guide() {
        let s = state()
            .apply(WidgetAction::Loaded {
                request: 0,
                result: Ok(loaded(3)),
                resume: None,
            })
            .apply(command(Command::Open(None)))
            .apply(command(Command::Next))
            .apply(command(Command::Next));
        assert_eq!(s.guide.step, 2);
        let s = s.apply(command(Command::Back));
        assert_eq!(s.guide.step, 1);
        let s = s.apply(WidgetAction::TargetActivated);
        assert_eq!(s.guide.step, 2);
        let s = s.apply(command(Command::Close));
        assert!(!s.guide.open);
    }

    fn home() -> WidgetState {
        WidgetState::new(&Config::new(None, None, vec!["de-DE".into()]), false)
            .apply(WidgetAction::Guide(GuideAction::Toggle))
    }

    fn answer(s: WidgetState, steps: usize) -> WidgetState {
        let request = s.request;
        s.apply(WidgetAction::Loaded {
            request,
            result: Ok(loaded(steps)),
            resume: None,
        })
    }

    fn show(slug: &str, link: bool) -> WidgetAction {
        WidgetAction::Show {
            slug: slug.into(),
            link,
        }
    }

    #[test]
    fn without_a_named_topic_the_icon_opens_home_and_loads_nothing() {
        let s = home();
        assert_eq!(s.screen, Screen::Home);
        assert!(s.guide.open);
        assert_eq!(s.topic, "");
        assert!(s.loaded().is_none());
        assert_eq!(s.target_query(), None);
        assert_eq!(s.locale(), "de-DE");
        // A named topic opens as before.
        assert_eq!(state().screen, Screen::Topic);
        // The host's open(slug) on the home screen shows that topic.
        let s = home().apply(command(Command::Open(Some("x".into()))));
        assert_eq!(
            (s.screen, s.topic.as_str(), s.request),
            (Screen::Topic, "x", 1)
        );
    }

    #[test]
    fn a_topic_chosen_on_home_opens_and_home_is_one_action_away() {
        let s = answer(home().apply(show("a", false)), 3);
        assert_eq!((s.screen, s.topic.as_str()), (Screen::Topic, "a"));
        assert!(s.loaded().is_some() && s.guide.open);
        let s = s.apply(WidgetAction::Home);
        assert_eq!(s.screen, Screen::Home);
        assert!(s.loaded().is_none(), "home shows no topic");
        assert_eq!(s.focus, Some(Focus::Panel));
    }

    #[test]
    fn a_link_pushes_the_place_and_back_returns_to_it() {
        let s = answer(home().apply(show("a", false)), 3);
        let s = s.apply(command(Command::Next));
        let s = answer(s.apply(show("b", true)), 2);
        assert_eq!(s.topic, "b");
        assert_eq!(s.guide.step, 0);
        assert_eq!(s.center.history.len(), 1);
        assert_eq!(s.center.navigated, 1);
        assert_eq!(s.center.history[0].slug, "a");
        let s = answer(s.apply(WidgetAction::HistoryBack), 3);
        assert_eq!(
            (s.topic.as_str(), s.guide.step),
            ("a", 1),
            "back at step 2 of a"
        );
        assert!(s.center.history.is_empty());
        // A topic chosen on home starts a new history.
        let s = answer(s.apply(show("b", true)), 2).apply(WidgetAction::Home);
        assert!(s.center.history.is_empty());
    }

    #[test]
    fn a_link_to_a_topic_the_catalog_lacks_returns_and_becomes_text() {
        let s = answer(home().apply(show("a", false)), 3);
        let s = s.apply(show("gone", true));
        let request = s.request;
        let s = s.apply(WidgetAction::Loaded {
            request,
            result: Err(Rc::new(Failure {
                kind: FailureKind::Missing,
                detail: "404".into(),
            })),
            resume: None,
        });
        assert_eq!(s.topic, "a");
        assert_eq!(*s.center.unlinked, vec!["gone".to_string()]);
        assert!(s.center.history.is_empty());
        assert!(matches!(s.load, Load::Loading), "a is asked for again");
    }

    #[test]
    fn finishing_marks_done_and_closing_mid_way_is_left_to_continue() {
        let s = answer(home().apply(show("y", false)), 3);
        let s = s
            .apply(command(Command::Next))
            .apply(command(Command::Close));
        assert_eq!(s.center.abandoned, 1);
        let left = s.center.left.clone().expect("left mid-way");
        assert_eq!((left.slug.as_str(), left.step, left.steps), ("y", 1, 3));
        assert_eq!(Left::decode(&left.encode()).as_ref(), Some(&*left));
        // Continue, from home, resumes at step 2.
        let s = s
            .apply(WidgetAction::Guide(GuideAction::Toggle))
            .apply(WidgetAction::Home)
            .apply(show("y", false));
        let s = answer(s, 3);
        assert_eq!(s.guide.step, 1);
        let s = s
            .apply(WidgetAction::Guide(GuideAction::Next))
            .apply(WidgetAction::Guide(GuideAction::Next));
        assert!(!s.guide.open);
        assert_eq!(s.center.finished, 1);
        assert!(s.is_done("y"));
        assert_eq!(s.center.left, None, "finished, not left");
        assert_eq!(s.center.abandoned, 1);
        let s = s.apply(WidgetAction::NotDone("y".into()));
        assert!(!s.is_done("y"));
    }

    #[test]
    fn search_results_follow_the_query_and_the_arrows_wrap() {
        let item = |slug: &str| Item {
            slug: slug.into(),
            title: slug.into(),
            ..Item::default()
        };
        let s = home().apply(WidgetAction::Query("ku".into()));
        let s = s.apply(WidgetAction::Query("kun".into()));
        // The answer to an older query is dropped.
        let s = s.apply(WidgetAction::Hits {
            query: "ku".into(),
            hits: Rc::new(vec![item("x")]),
        });
        assert!(s.center.search.hits.is_empty());
        let s = s.apply(WidgetAction::Hits {
            query: "kun".into(),
            hits: Rc::new(vec![item("a"), item("b")]),
        });
        assert_eq!(s.center.search.answered, "kun");
        let s = s.apply(WidgetAction::Move(1));
        assert_eq!(s.center.search.active, Some(0));
        let s = s.apply(WidgetAction::Move(1)).apply(WidgetAction::Move(1));
        assert_eq!(s.center.search.active, Some(0), "wraps");
        let s = s.apply(WidgetAction::Move(-1));
        assert_eq!(s.center.search.active, Some(1));
        let s = s.apply(WidgetAction::ClearSearch);
        assert_eq!(s.center.search, Search::default());
    }

    #[test]
    fn list_pages_and_stored_records_land_in_the_state() {
        let s = home().apply(WidgetAction::Page(1));
        let items = Rc::new(vec![Item::default()]);
        let stale = s.clone().apply(WidgetAction::List {
            page: 0,
            pages: 2,
            items: items.clone(),
        });
        assert!(stale.center.list.is_empty(), "another page's answer");
        let s = s.apply(WidgetAction::List {
            page: 1,
            pages: 2,
            items,
        });
        assert_eq!((s.center.list.len(), s.center.pages), (1, 2));
        let s = s.apply(WidgetAction::Stored {
            done: vec!["a".into()],
            left: Left::decode("b\n1\n3\nB"),
        });
        assert!(s.is_done("a"));
        assert_eq!(s.center.left.as_ref().map(|l| l.step), Some(1));
        assert_eq!(Left::decode("b\n3\n3\nB"), None, "past the last step");
    }
}
