use yew::prelude::*;

use super::{use_fx, Key};
use crate::dom::{TargetStatus, TargetTracker};
use crate::target::TargetQuery;

/// Follows the element `query` names while the calling component shows it; `on_activate`
/// hears every use of that element. A new query drops the old tracker (its listeners and
/// observers go with it) and starts a new one.
///
/// `soon`: the first look is a microtask after the render that shows the step (see
/// [`TargetTracker::start_soon`]), else in the next task (a large topic, shown in stages:
/// its render, the layout the search reads and the highlight's are not one long task).
///
/// The status returned always belongs to `query`: until the new tracker has spoken it is
/// [`TargetStatus::Searching`], never what the previous target was (so no event or
/// spotlight reports the old element for the new target, even for one render).
#[hook]
pub fn use_target(
    query: Option<TargetQuery>,
    on_activate: Callback<()>,
    soon: bool,
) -> TargetStatus {
    let status = use_state(|| (None::<TargetQuery>, TargetStatus::Searching));
    {
        let status = status.clone();
        let query = query.clone();
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
                    let on_status = move |s| setter.set((Some(owner.clone()), s));
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
