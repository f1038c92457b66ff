use yew::prelude::*;

use super::{use_fx, Key};
use crate::widget::{Focus, WidgetAction, WidgetState};

/// Moves the keyboard focus where the state asks ([`WidgetState::focus`]): into the panel
/// (its title) when the user opened it, back to the help icon when they closed it. A
/// request waits until its element is there (the panel of a topic still loading).
#[hook]
pub fn use_focus(state: &UseReducerHandle<WidgetState>, launcher: &NodeRef, title: &NodeRef) {
    let (launcher, title) = (launcher.clone(), title.clone());
    let dispatcher = state.dispatcher();
    let key = (state.focus, state.guide.open, state.loaded().is_some());
    let (focus, open, _) = key;
    use_fx(
        Key::new(key),
        Box::new(move || {
            let element = match focus {
                Some(Focus::Panel) if open => title.cast::<web_sys::HtmlElement>(),
                Some(Focus::Launcher) if !open => launcher.cast::<web_sys::HtmlElement>(),
                _ => None,
            };
            if let (Some(element), Some(focus)) = (element, focus) {
                let _ = element.focus();
                dispatcher.dispatch(WidgetAction::Focused(focus));
            }
            None
        }),
    );
}
