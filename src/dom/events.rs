//! Telling the host page ([`emit`], [`console_error`]) and hearing its commands
//! ([`CommandListener`]).

use gloo::events::EventListener;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::Element;

use super::{document, has_panicked};
use crate::config::Command;
use crate::host_event::{HostEvent, Value, COMMAND_EVENT, MOUNTED_EVENT};

/// Sends `event` to the host page: a `CustomEvent` on `document` whose `detail` object
/// holds the event's fields (which `window.helpmark.on` hands to its listeners).
pub fn emit(event: &HostEvent<'_>) {
    let Some(document) = document().filter(|_| !has_panicked()) else {
        return;
    };
    let detail = js_sys::Object::new();
    for (key, value) in event.fields() {
        let value = match value {
            Value::Str(s) => JsValue::from_str(s),
            Value::Num(n) => JsValue::from(n as u32),
            Value::Bool(b) => JsValue::from_bool(b),
            Value::List(items) => items
                .iter()
                .map(|item| JsValue::from_str(item))
                .collect::<js_sys::Array>()
                .into(),
        };
        let _ = js_sys::Reflect::set(&detail, &JsValue::from_str(key), &value);
    }
    let init = web_sys::CustomEventInit::new();
    init.set_detail(&detail);
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(event.name(), &init) {
        let _ = document.dispatch_event(&event);
    }
}

/// Hears the host page's commands: every `helpmark:command` event on the widget's host
/// element (`window.helpmark.open()` and the like, sent by the loader) is parsed and handed
/// to the callback. Says `helpmark:mounted` on the host once it listens (the loader sends
/// its queue then). Dropping it removes the listener.
#[must_use = "dropping the listener stops hearing commands"]
pub struct CommandListener {
    _listener: EventListener,
}

impl CommandListener {
    pub fn start(host: &Element, on_command: impl Fn(Command) + 'static) -> CommandListener {
        let listener = EventListener::new(host, COMMAND_EVENT, move |event| {
            let Some(event) = event
                .dyn_ref::<web_sys::CustomEvent>()
                .filter(|_| !has_panicked())
            else {
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
                on_command(command);
            }
        });
        if let Ok(event) = web_sys::CustomEvent::new(MOUNTED_EVENT) {
            let _ = host.dispatch_event(&event);
        }
        CommandListener {
            _listener: listener,
        }
    }
}

/// One console error, prefixed with the product name.
pub fn console_error(message: &str) {
    web_sys::console::error_1(&JsValue::from_str(&format!("Helpmark: {message}")));
}
