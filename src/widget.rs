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
}

/// A topic ready to read.
#[derive(Debug, PartialEq)]
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
}

impl WidgetState {
    /// The state before anything has loaded. `focus_launcher`: the loader's placeholder
    /// icon had the focus, so the widget's own icon takes it.
    pub fn new(config: &Config, focus_launcher: bool) -> WidgetState {
        WidgetState {
            screen: Screen::Topic,
            topic: config.topic.clone(),
            languages: config.languages.clone(),
            request: 0,
            load: Load::Loading,
            guide: GuideState::default(),
            focus: focus_launcher.then_some(Focus::Launcher),
        }
    }

    /// The loaded topic, when the current request has one.
    pub fn loaded(&self) -> Option<&Rc<Loaded>> {
        match &self.load {
            Load::Ready(loaded) => Some(loaded),
            _ => None,
        }
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
    pub fn apply(self, action: WidgetAction) -> WidgetState {
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
                let focus = if opening {
                    Some(Focus::Panel)
                } else if closing {
                    Some(Focus::Launcher)
                } else {
                    self.focus
                };
                WidgetState {
                    guide: self.guide.apply(action),
                    focus,
                    ..self
                }
            }
            WidgetAction::TargetActivated => WidgetState {
                guide: self.guide.apply(GuideAction::TargetActivated),
                ..self
            },
            WidgetAction::Loaded { request, .. } if request != self.request => self,
            WidgetAction::Loaded { result, resume, .. } => match result {
                Ok(loaded) => {
                    let mut guide = self.guide.apply(GuideAction::Loaded {
                        plan: plan(&loaded.topic.steps),
                    });
                    if let Some(progress) = resume {
                        guide = guide.apply(GuideAction::Resume(progress));
                    }
                    WidgetState {
                        guide,
                        load: Load::Ready(loaded),
                        ..self
                    }
                }
                Err(failure) => WidgetState {
                    load: Load::Failed(failure),
                    ..self
                },
            },
            WidgetAction::Retry => self.reload(),
            WidgetAction::Focused(done) => WidgetState {
                focus: self.focus.filter(|f| *f != done),
                ..self
            },
        }
    }

    fn command(self, command: Command, focused: bool) -> WidgetState {
        let open_focus = |state: &WidgetState| {
            if focused || state.focus == Some(Focus::Launcher) {
                Some(Focus::Panel)
            } else {
                state.focus
            }
        };
        match command {
            Command::Open(Some(topic)) if topic != self.topic => {
                let focus = open_focus(&self);
                WidgetState {
                    topic,
                    guide: GuideState {
                        open: true,
                        ..GuideState::default()
                    },
                    focus,
                    ..self.reload()
                }
            }
            Command::Open(_) => {
                let focus = open_focus(&self);
                WidgetState {
                    guide: self.guide.clone().apply(GuideAction::Open),
                    focus,
                    ..self
                }
            }
            Command::Close => WidgetState {
                guide: self.guide.apply(GuideAction::Close),
                ..self
            },
            Command::Next => WidgetState {
                guide: self.guide.apply(GuideAction::Next),
                ..self
            },
            Command::Back => WidgetState {
                guide: self.guide.apply(GuideAction::Back),
                ..self
            },
            Command::SetLocale(tag) => {
                let mut languages = vec![tag];
                languages.extend(self.languages.iter().skip(1).cloned());
                WidgetState {
                    languages,
                    ..self.reload()
                }
            }
            #[cfg(debug_assertions)]
            Command::Crash => panic!("deliberate crash (the __crash command)"),
        }
    }

    /// A new request for the same topic and languages.
    fn reload(self) -> WidgetState {
        WidgetState {
            request: self.request.wrapping_add(1),
            load: Load::Loading,
            ..self
        }
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
}
