use std::cell::{Cell, RefCell};
use std::rc::Rc;

use yew::prelude::*;

use super::{use_fx, Key};
use crate::dom::{TargetStatus, TargetTracker};
use crate::geometry::{cutout, Rect, Viewport};
use crate::target::TargetQuery;

/// Where the found element is now, and who draws it there. The tracker writes every
/// rectangle it measures here. While the element stays found (and in sight, or out of
/// it) and the spotlight listens (`redraw`), a new rectangle only redraws the spotlight and
/// places the panel again (`use_spotlight`), without a render of the whole widget:
/// following a scroll costs a frame no render (issue #11, item 7).
#[derive(Default)]
pub struct Follow {
    pub now: Option<(Rect, Viewport)>,
    pub redraw: Option<Rc<dyn Fn()>>,
    /// The attribute values drawn on the spotlight's elements rendered last.
    pub drawn: Vec<String>,
}

/// Follows the element `query` names while the calling component shows it; `on_activate`
/// hears every use of that element. A new query drops the old tracker (its listeners and
/// observers go with it) and starts a new one.
///
/// `soon`: the first look is a microtask after the render that shows the step (see
/// [`TargetTracker::start_soon`]), else in the next task (a large topic, shown in stages:
/// its render, the layout the search reads and the highlight's are not one long task).
///
/// `follow` hears each rectangle (see [`Follow`]): the status returned changes only when
/// the element is found, lost or looked for again, not as it moves.
///
/// The status returned always belongs to `query`: until the new tracker has spoken it is
/// [`TargetStatus::Searching`], never what the previous target was (so no event or
/// spotlight reports the old element for the new target, even for one render).
#[hook]
pub fn use_target(
    query: Option<TargetQuery>,
    on_activate: Callback<()>,
    soon: bool,
    follow: &Rc<RefCell<Follow>>,
) -> TargetStatus {
    let status = use_state(|| (None::<TargetQuery>, TargetStatus::Searching));
    {
        let status = status.clone();
        let query = query.clone();
        let follow = follow.clone();
        use_fx(
            Key::new(query.clone()),
            Box::new(move || {
                // The first look is a microtask (`soon`): after the render that shows the
                // step and after the host page heard of it (a page that localizes itself on
                // `helpmark:ready` has done so), and before the next frame, so that the
                // step and its highlight are painted together.
                let tracker = query.and_then(|query| {
                    let setter = status.setter();
                    let owner = query.clone();
                    // Whether the element was found at the last status (it moves now).
                    let found = Cell::new(false);
                    let on_status = move |s: TargetStatus| {
                        let redraw = match &s {
                            TargetStatus::Found { rect, viewport } => {
                                let moved = found.replace(true);
                                let hidden = |(r, v): (Rect, Viewport)| cutout(&r, &v).is_empty();
                                let mut f = follow.borrow_mut();
                                // In sight as before, or out of it as before: the same
                                // elements, drawn again (else rendered again).
                                let same = f.now.map(hidden) == Some(hidden((*rect, *viewport)));
                                f.now = Some((*rect, *viewport));
                                f.redraw.clone().filter(|_| moved && same)
                            }
                            _ => {
                                found.set(false);
                                None
                            }
                        };
                        match redraw {
                            Some(redraw) => redraw(),
                            None => setter.set((Some(owner.clone()), s)),
                        }
                    };
                    let on_activate = move || on_activate.emit(());
                    if soon {
                        TargetTracker::start_soon(query, on_status, on_activate)
                    } else {
                        TargetTracker::start(query, on_status, on_activate)
                    }
                });
                tracker.map(|t| Box::new(t) as Box<dyn std::any::Any>)
            }),
        );
    }
    match &*status {
        (owner, s) if *owner == query => s.clone(),
        _ => TargetStatus::Searching,
    }
}
