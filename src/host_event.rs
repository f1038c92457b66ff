//! The protocol with the host page, typed: every event the widget sends (`helpmark:*` on
//! `document`, and to `window.helpmark.on`) with its fields, and the names of the events
//! that carry commands between the loader and the widget.
//!
//! Pure: [`crate::dom::emit`] turns a [`HostEvent`] into a DOM `CustomEvent`.

use crate::locale::Direction;

/// The event on the widget's host element that carries a command of the host page's API
/// (`window.helpmark.open()` and the like), sent by the loader.
pub const COMMAND_EVENT: &str = "helpmark:command";
/// The event on the widget's host element that says the widget listens for commands (the
/// loader sends its queue then).
pub const MOUNTED_EVENT: &str = "helpmark:mounted";

/// The prefix of the name of every event of the protocol (`helpmark:ready`, ...): the
/// loader's `window.helpmark.on(name, fn)` listens to the prefixed name.
pub const EVENT_PREFIX: &str = "helpmark:";

/// The commands of the host page's API (`window.helpmark.open(topic?)`, ...), by the names
/// [`crate::config::Command::parse`] reads; the loader defines one function for each.
pub const COMMANDS: [&str; 5] = ["open", "close", "next", "back", "setLocale"];

/// An event for the host page.
#[derive(Clone, Debug, PartialEq)]
pub enum HostEvent<'a> {
    /// The widget knows the locale it reads in (once per page).
    Ready {
        locale: &'a str,
        dir: Direction,
        topic: &'a str,
    },
    /// The locale changed (`setLocale`, or another topic in another locale).
    Locale {
        locale: &'a str,
        dir: Direction,
        topic: &'a str,
    },
    Open {
        topic: &'a str,
    },
    Close {
        topic: &'a str,
    },
    /// Where the guide is: sent once the current target is found or known to be missing,
    /// and again after an in-page navigation.
    Step {
        topic: &'a str,
        locale: &'a str,
        /// One-based.
        step: usize,
        steps: usize,
        /// The current target's key (or sentence).
        anchor: &'a str,
        found: bool,
        /// The step's targets that are not on the page at all.
        missing: &'a [String],
    },
    /// Something failed; `message` names the file. `fatal`: the WebAssembly cannot run
    /// again (a panic), the loader starts a new instance on retry.
    Error {
        topic: Option<&'a str>,
        message: &'a str,
        fatal: bool,
    },
}

/// A field's value.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Value<'a> {
    Str(&'a str),
    Num(usize),
    Bool(bool),
    List(&'a [String]),
}

impl<'a> HostEvent<'a> {
    /// The DOM event's name.
    ///
    /// # Examples
    ///
    /// ```
    /// use helpmark::host_event::HostEvent;
    /// assert_eq!(HostEvent::Open { topic: "t" }.name(), "helpmark:open");
    /// ```
    pub fn name(&self) -> &'static str {
        match self {
            HostEvent::Ready { .. } => Self::READY,
            HostEvent::Locale { .. } => Self::LOCALE,
            HostEvent::Open { .. } => Self::OPEN,
            HostEvent::Close { .. } => Self::CLOSE,
            HostEvent::Step { .. } => Self::STEP,
            HostEvent::Error { .. } => Self::ERROR,
        }
    }

    /// The name of [`HostEvent::Ready`].
    pub const READY: &'static str = "helpmark:ready";
    /// The name of [`HostEvent::Locale`].
    pub const LOCALE: &'static str = "helpmark:locale";
    /// The name of [`HostEvent::Open`].
    pub const OPEN: &'static str = "helpmark:open";
    /// The name of [`HostEvent::Close`].
    pub const CLOSE: &'static str = "helpmark:close";
    /// The name of [`HostEvent::Step`].
    pub const STEP: &'static str = "helpmark:step";
    /// The name of [`HostEvent::Error`] (the loader sends it too, for its own failures).
    pub const ERROR: &'static str = "helpmark:error";
    /// Every event's name.
    pub const NAMES: [&'static str; 6] = [
        Self::READY,
        Self::LOCALE,
        Self::OPEN,
        Self::CLOSE,
        Self::STEP,
        Self::ERROR,
    ];

    /// The fields of the event's `detail` object, in a stable order.
    pub fn fields(&self) -> Vec<(&'static str, Value<'a>)> {
        use Value::*;
        match *self {
            HostEvent::Ready { locale, dir, topic } | HostEvent::Locale { locale, dir, topic } => {
                vec![
                    ("locale", Str(locale)),
                    ("dir", Str(dir.as_str())),
                    ("topic", Str(topic)),
                ]
            }
            HostEvent::Open { topic } | HostEvent::Close { topic } => vec![("topic", Str(topic))],
            HostEvent::Step {
                topic,
                locale,
                step,
                steps,
                anchor,
                found,
                missing,
            } => vec![
                ("topic", Str(topic)),
                ("locale", Str(locale)),
                ("step", Num(step)),
                ("steps", Num(steps)),
                ("anchor", Str(anchor)),
                ("found", Bool(found)),
                ("missing", List(missing)),
            ],
            HostEvent::Error {
                topic,
                message,
                fatal,
            } => {
                let mut fields = Vec::with_capacity(3);
                if let Some(topic) = topic {
                    fields.push(("topic", Str(topic)));
                }
                fields.push(("message", Str(message)));
                if fatal {
                    fields.push(("fatal", Bool(true)));
                }
                fields
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_event_has_its_documented_name_and_fields() {
        let missing = vec!["update".to_string()];
        let cases: Vec<(HostEvent, &str, Vec<&str>)> = vec![
            (
                HostEvent::Ready {
                    locale: "de-DE",
                    dir: Direction::Ltr,
                    topic: "t",
                },
                "helpmark:ready",
                vec!["locale", "dir", "topic"],
            ),
            (
                HostEvent::Locale {
                    locale: "he-IL",
                    dir: Direction::Rtl,
                    topic: "t",
                },
                "helpmark:locale",
                vec!["locale", "dir", "topic"],
            ),
            (
                HostEvent::Open { topic: "t" },
                "helpmark:open",
                vec!["topic"],
            ),
            (
                HostEvent::Close { topic: "t" },
                "helpmark:close",
                vec!["topic"],
            ),
            (
                HostEvent::Step {
                    topic: "t",
                    locale: "de-DE",
                    step: 2,
                    steps: 3,
                    anchor: "account",
                    found: false,
                    missing: &missing,
                },
                "helpmark:step",
                vec![
                    "topic", "locale", "step", "steps", "anchor", "found", "missing",
                ],
            ),
            (
                HostEvent::Error {
                    topic: Some("t"),
                    message: "cannot load help/t.index.json: HTTP 500",
                    fatal: false,
                },
                "helpmark:error",
                vec!["topic", "message"],
            ),
            (
                HostEvent::Error {
                    topic: None,
                    message: "internal error",
                    fatal: true,
                },
                "helpmark:error",
                vec!["message", "fatal"],
            ),
        ];
        let mut named = std::collections::BTreeSet::new();
        for (event, name, fields) in cases {
            assert_eq!(event.name(), name);
            assert!(HostEvent::NAMES.contains(&name), "{name} in NAMES");
            assert!(name.starts_with(EVENT_PREFIX), "{name}");
            named.insert(name);
            let got: Vec<&str> = event.fields().iter().map(|(k, _)| *k).collect();
            assert_eq!(got, fields, "{name}");
        }
        assert_eq!(
            named.len(),
            HostEvent::NAMES.len(),
            "every name is some event's"
        );
        for name in [COMMAND_EVENT, MOUNTED_EVENT] {
            assert!(name.starts_with(EVENT_PREFIX) && !HostEvent::NAMES.contains(&name));
        }
    }

    #[test]
    fn every_command_name_is_one_the_widget_reads() {
        for name in COMMANDS {
            let command = crate::config::Command::parse(name, Some("de-DE"));
            assert!(command.is_some(), "{name}");
            assert_eq!(command.unwrap().name(), name);
        }
    }

    #[test]
    fn the_step_event_carries_the_right_direction_and_values() {
        let e = HostEvent::Ready {
            locale: "ar-SA",
            dir: Direction::Rtl,
            topic: "t",
        };
        assert_eq!(e.fields()[1], ("dir", Value::Str("rtl")));
        let e = HostEvent::Step {
            topic: "t",
            locale: "sv-SE",
            step: 1,
            steps: 4,
            anchor: "customers",
            found: true,
            missing: &[],
        };
        assert_eq!(e.fields()[2], ("step", Value::Num(1)));
        assert_eq!(e.fields()[5], ("found", Value::Bool(true)));
    }
}
