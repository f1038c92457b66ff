//! The widget's WebAssembly entry point (built by Trunk).
//!
//! The loader (`helpmark.js`) instantiates the module and calls [`mount`]; the handle it
//! gets back is the widget on the page, and its `destroy()` removes everything the widget
//! added (`window.helpmark.destroy()`). A later `open()` mounts a new one from the same
//! module. The loader is the one way to start it (the demo portal uses it too): the module
//! does nothing on its own when instantiated.

use wasm_bindgen::prelude::*;

/// The allocator: Talc, smaller in the module than the standard library's dlmalloc (issue #11).
#[cfg(all(not(target_feature = "atomics"), target_family = "wasm"))]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

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

/// Mounts the widget on the page, into the loader's element. `take(url, signal)` gives the
/// responses to the requests the loader started beside the code (the topic's index and
/// article, the UI strings); `strings` is the UI locale's strings file, when it has one.
#[wasm_bindgen]
pub fn mount(take: Option<js_sys::Function>, strings: Option<String>) -> Helpmark {
    if let Some(take) = take {
        helpmark::dom::set_prefetched(take);
    }
    if let Some(strings) = strings {
        helpmark::locale::add_strings(&strings);
    }
    Helpmark {
        widget: helpmark::embed::start(),
    }
}

/// Nothing: the loader's call of [`mount`] starts the widget.
fn main() {}
