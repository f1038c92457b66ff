use std::cell::Cell;
use std::rc::Rc;

use gloo::events::EventListener;
use yew::prelude::*;

use super::{use_fx, Key};

/// How many in-page navigations (`hashchange`, `popstate`) the page has made while the
/// calling component was shown: a value that changes when the page's content may have.
/// The listeners go when the component does.
#[hook]
pub fn use_navigations() -> u32 {
    let count = use_state(|| 0u32);
    {
        let count = count.clone();
        use_fx(
            Key::new(()),
            Box::new(move || {
                let n = Rc::new(Cell::new(*count));
                let listeners = web_sys::window().map(|window| {
                    ["hashchange", "popstate"].map(|name| {
                        let (n, count) = (n.clone(), count.clone());
                        EventListener::new(&window, name, move |_| {
                            n.set(n.get().wrapping_add(1));
                            count.set(n.get());
                        })
                    })
                });
                Some(Box::new(listeners))
            }),
        );
    }
    *count
}
