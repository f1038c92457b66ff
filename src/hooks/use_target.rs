use yew::prelude::*;

use crate::dom::{TargetStatus, TargetTracker};
use crate::target::TargetQuery;

/// Follows the element `query` names while the calling component shows it; `on_activate`
/// hears every use of that element. A new query drops the old tracker (its listeners and
/// observers go with it) and starts a new one.
///
/// The status returned always belongs to `query`: until the new tracker has spoken it is
/// [`TargetStatus::Searching`], never what the previous target was (so no event or
/// spotlight reports the old element for the new target, even for one render).
#[hook]
pub fn use_target(query: Option<TargetQuery>, on_activate: Callback<()>) -> TargetStatus {
    let status = use_state(|| (None::<TargetQuery>, TargetStatus::Searching));
    {
        let status = status.clone();
        use_effect_with(query.clone(), move |query| {
            // A target after another (the next step, or the panel open again): the page has
            // settled, so the first look is in the next task and the step and its highlight
            // share a frame. The first target of a page load waits for the next animation
            // frame, as every later look: the host page may still be answering
            // `helpmark:ready` (localizing itself) in the tasks after it.
            let settled = status.0.is_some();
            let tracker = query.clone().and_then(|query| {
                let setter = status.setter();
                let owner = query.clone();
                let on_status = move |s| setter.set((Some(owner.clone()), s));
                let on_activate = move || on_activate.emit(());
                if settled {
                    TargetTracker::start_soon(query, on_status, on_activate)
                } else {
                    TargetTracker::start(query, on_status, on_activate)
                }
            });
            move || drop(tracker)
        });
    }
    match &*status {
        (owner, s) if *owner == query => s.clone(),
        _ => TargetStatus::Searching,
    }
}
