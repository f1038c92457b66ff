use yew::prelude::*;

use super::use_topic::PROGRESS_KEY;
use crate::dom;
use crate::widget::WidgetState;

/// Remembers the place in `sessionStorage` while the guide is open, and forgets it when
/// the user closes it (or finishes), never merely because a page loaded with the guide
/// closed: the guide resumes there on the next page of the same origin.
#[hook]
pub fn use_progress(state: &WidgetState) {
    let topic = state.topic.clone();
    let ready = state.loaded().is_some();
    let was_open = use_mut_ref(|| false);
    use_effect_with(
        (state.guide.open, state.guide.progress(), ready),
        move |(open, progress, ready)| {
            if *ready && *open {
                dom::session_set(PROGRESS_KEY, &format!("{topic}\n{}", progress.encode()));
            } else if *ready && *was_open.borrow() {
                dom::session_remove(PROGRESS_KEY);
            }
            *was_open.borrow_mut() = *open;
        },
    );
}
