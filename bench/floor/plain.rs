//! The floor without Yew: a button that counts clicks, drawn with web-sys.
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;

fn main() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let (Ok(button), Some(body)) = (document.create_element("button"), document.body()) else {
        return;
    };
    let _ = button.set_attribute("aria-label", "Next");
    button.set_text_content(Some("Next 0"));
    let count = Rc::new(Cell::new(0u32));
    let label = button.clone();
    let on_click = Closure::<dyn FnMut()>::new(move || {
        count.set(count.get() + 1);
        label.set_text_content(Some(&format!("Next {}", count.get())));
    });
    let _ = button.add_event_listener_with_callback("click", on_click.as_ref().unchecked_ref());
    on_click.forget();
    let _ = body.append_child(&button);
}
