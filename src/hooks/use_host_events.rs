use yew::prelude::*;

use super::{use_fx, Key};
use crate::dom::{self, Lookup, TargetStatus};
use crate::guide::targets;
use crate::host_event::HostEvent;
use crate::locale::direction;
use crate::target::TargetQuery;
use crate::widget::{Load, WidgetState};

/// Tells the host page what the widget shows, from its state alone (so the events always
/// describe the panel):
///
/// - `helpmark:ready` once the first request is answered (the host may localize itself to
///   match), then `helpmark:locale` whenever the locale shown changes;
/// - `helpmark:open` and `helpmark:close` when the panel opens and closes (not on the first
///   render);
/// - `helpmark:step` once the current target is found or known to be missing, and again
///   after an in-page navigation (`navigations` changes).
#[hook]
pub fn use_host_events(
    state: &WidgetState,
    query: Option<&TargetQuery>,
    status: &TargetStatus,
    navigations: u32,
) {
    let locale = state.locale();
    let kept = use_mut_ref(Kept::default);
    // Ready, then locale changes.
    {
        let kept = kept.clone();
        let settled = !matches!(state.load, Load::Loading) || state.topic.is_empty();
        let topic = state.topic.clone();
        let locale = locale.clone();
        use_fx(
            Key::new((settled, locale.clone())),
            Box::new(move || {
                if !settled {
                    return None;
                }
                let previous = kept.borrow_mut().announced.replace(locale.clone());
                let (locale, dir, topic) = (locale.as_str(), direction(&locale), topic.as_str());
                let event = match previous {
                    None => HostEvent::Ready { locale, dir, topic },
                    Some(p) if p != locale => HostEvent::Locale { locale, dir, topic },
                    Some(_) => return None,
                };
                dom::emit(&event);
                None
            }),
        );
    }
    // Open and close.
    {
        let kept = kept.clone();
        let topic = state.topic.clone();
        let open = state.guide.open;
        use_fx(
            Key::new(open),
            Box::new(move || {
                if std::mem::replace(&mut kept.borrow_mut().opened, true) {
                    let topic = topic.as_str();
                    dom::emit(&if open {
                        HostEvent::Open { topic }
                    } else {
                        HostEvent::Close { topic }
                    });
                }
                None
            }),
        );
    }
    // A step's element that did not appear: once per step and target, with the wait.
    {
        let since = kept.clone();
        let place = (state.topic.clone(), state.guide.step, state.guide.target);
        let missing =
            matches!(status, TargetStatus::Missing) && query.is_some() && state.guide.open;
        let anchor = state.target_name().unwrap_or_default();
        {
            let since = since.clone();
            use_fx(
                Key::new(place.clone()),
                Box::new(move || {
                    since.borrow_mut().since = js_sys::Date::now();
                    None
                }),
            );
        }
        let (topic, step) = (place.0.clone(), place.1);
        use_fx(
            Key::new((place, missing)),
            Box::new(move || {
                if missing {
                    let waited_ms = (js_sys::Date::now() - since.borrow().since).max(0.0) as usize;
                    dom::emit(&HostEvent::TargetMissing {
                        topic: &topic,
                        step: step + 1,
                        anchor: &anchor,
                        waited_ms,
                    });
                }
                None
            }),
        );
    }
    // Where the guide is.
    {
        let found = match (query, status) {
            (_, TargetStatus::Found { .. }) => Some(true),
            (None, _) | (_, TargetStatus::Missing) => Some(false),
            _ => None,
        };
        let loaded = state.loaded().cloned();
        let detail = (
            state.guide.open && loaded.is_some(),
            state.guide.step,
            state.guide.steps(),
            state.target_name().unwrap_or_default(),
            found,
            navigations,
        );
        let current = state.guide.target;
        let topic = state.topic.clone();
        let (open, step, steps, anchor, found, _) = detail.clone();
        use_fx(
            Key::new(detail),
            Box::new(move || {
                let (true, Some(found)) = (open, found) else {
                    return None;
                };
                // The step's targets that are not on this page at all (for writers' previews);
                // a hidden one, like the item of a closed menu, is on it. The current one was
                // just looked for by the tracker: it is not searched for again.
                let missing: Vec<String> = loaded
                    .as_ref()
                    .and_then(|l| l.topic.steps.get(step))
                    .map(|s| {
                        targets(s)
                            .iter()
                            .enumerate()
                            .filter(|(i, t)| match *i == current {
                                true => !found,
                                false => matches!(dom::find(&TargetQuery::of(t)), Lookup::Missing),
                            })
                            .map(|(_, t)| t.name().to_string())
                            .collect()
                    })
                    .unwrap_or_default();
                dom::emit(&HostEvent::Step {
                    topic: &topic,
                    locale: &locale,
                    step: step + 1,
                    steps,
                    anchor: &anchor,
                    found,
                    missing: &missing,
                });
                None
            }),
        );
    }
}

/// What the hook keeps between renders: the locale announced last (`helpmark:ready`,
/// then `helpmark:locale`), whether the open state was seen once (no event for the first
/// render), and when the current step's target started to be looked for.
#[derive(Default)]
struct Kept {
    announced: Option<String>,
    opened: bool,
    since: f64,
}
