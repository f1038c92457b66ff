use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::embed::Command;

/// Hands every `helpmark:command` event on the widget's host element (the host page's
/// `window.helpmark.open()` and the like, sent by the loader) to `on_command`, and says
/// `helpmark:mounted` on the host once it listens (the loader sends its queue then). The
/// listener goes with the component.
#[hook]
pub fn use_commands(host: web_sys::Element, on_command: Callback<Command>) {
    use_effect_with(host, move |host| {
        let listener = EventListener::new(host, "helpmark:command", move |event| {
            let Some(event) = event.dyn_ref::<web_sys::CustomEvent>() else {
                return;
            };
            let detail = event.detail();
            let field = |name: &str| {
                js_sys::Reflect::get(&detail, &name.into())
                    .ok()
                    .and_then(|v| v.as_string())
            };
            if let Some(command) =
                field("command").and_then(|c| Command::parse(&c, field("argument").as_deref()))
            {
                on_command.emit(command);
            }
        });
        if let Ok(event) = web_sys::CustomEvent::new("helpmark:mounted") {
            let _ = host.dispatch_event(&event);
        }
        move || drop(listener)
    });
}
