use yew::prelude::*;

use super::{use_fx, Key};
use crate::dom::{self, CommandListener};
use crate::widget::{WidgetAction, WidgetState};

/// Hands every command of the host page (see [`CommandListener`]) to the widget's reducer,
/// noting whether the help icon (`launcher`) had the focus then. The listener goes with
/// the component.
#[hook]
pub fn use_commands(
    host: web_sys::Element,
    state: &UseReducerHandle<WidgetState>,
    launcher: &NodeRef,
) {
    let dispatcher = state.dispatcher();
    let launcher = launcher.clone();
    use_fx(
        Key::new(host.clone()),
        Box::new(move || {
            let listener = CommandListener::start(&host, move |command| {
                let focused = launcher
                    .cast::<web_sys::Element>()
                    .is_some_and(|l| dom::has_focus(&l));
                dispatcher.dispatch(WidgetAction::Command { command, focused });
            });
            Some(Box::new(listener))
        }),
    );
}
