use yew::prelude::*;

use crate::dom::{TargetQuery, TargetStatus, TargetTracker};

/// Follows the element `query` names while the calling component shows it; `on_activate`
/// hears every use of that element. A new query drops the old tracker (its listeners and
/// observers go with it) and starts a new one.
#[hook]
pub fn use_target(query: Option<TargetQuery>, on_activate: Callback<()>) -> TargetStatus {
    let status = use_state(|| TargetStatus::Searching);
    {
        let status = status.clone();
        use_effect_with(query, move |query| {
            status.set(TargetStatus::Searching);
            let tracker = query.clone().and_then(|query| {
                let setter = status.setter();
                TargetTracker::start(query, move |s| setter.set(s), move || on_activate.emit(()))
            });
            move || drop(tracker)
        });
    }
    (*status).clone()
}
