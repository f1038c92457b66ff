use yew::prelude::*;

use super::use_topic::PROGRESS_KEY;
use super::{use_fx, Key};
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
    let (open, progress) = (state.guide.open, state.guide.progress());
    use_fx(
        Key::new((open, progress, ready)),
        Box::new(move || {
            if ready && open {
                dom::session_set(PROGRESS_KEY, &format!("{topic}\n{}", progress.encode()));
            } else if ready && *was_open.borrow() {
                dom::session_remove(PROGRESS_KEY);
            }
            *was_open.borrow_mut() = open;
            None
        }),
    );
}
