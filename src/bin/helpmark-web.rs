//! The widget's WebAssembly entry point (built by Trunk).
//!
//! The loader (`helpmark.js`) instantiates the module and calls [`mount`]; the handle it
//! gets back is the widget on the page, and its `destroy()` removes everything the widget
//! added (`window.helpmark.destroy()`). A later `open()` mounts a new one from the same
//! module. The loader is the one way to start it (the demo portal uses it too): the module
//! does nothing on its own when instantiated.

use wasm_bindgen::prelude::*;

/// A mounted widget, owned by the loader.
#[wasm_bindgen]
pub struct Helpmark {
    widget: Option<helpmark::embed::Widget>,
}

#[wasm_bindgen]
impl Helpmark {
    /// Takes the widget off the page: its element, listeners, observers and timers.
    pub fn destroy(&mut self) {
        if let Some(widget) = &mut self.widget {
            widget.sleep();
        }
    }

    /// Puts it back, as new (a later `open()`).
    pub fn revive(&mut self) {
        if let Some(widget) = &mut self.widget {
            widget.wake();
        }
    }
}

/// Mounts the widget on the page, into the loader's element.
#[wasm_bindgen]
pub fn mount() -> Helpmark {
    Helpmark {
        widget: helpmark::embed::start(),
    }
}

/// Nothing: the loader's call of [`mount`] starts the widget.
fn main() {}
