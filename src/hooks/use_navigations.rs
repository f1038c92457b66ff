use std::rc::Rc;

use gloo::events::EventListener;
use yew::prelude::*;

use super::{use_fx, Key};

/// How many in-page navigations (`hashchange`, `popstate`) the page has made while the
/// calling component was shown: a value that changes when the page's content may have.
/// The listeners go when the component does.
#[hook]
pub fn use_navigations() -> u32 {
    let count = use_reducer(Navigations::default);
    {
        let dispatcher = count.dispatcher();
        use_fx(
            Key::new(()),
            Box::new(move || {
                let listeners = web_sys::window().map(|window| {
                    ["hashchange", "popstate"].map(|name| {
                        let dispatcher = dispatcher.clone();
                        EventListener::new(&window, name, move |_| dispatcher.dispatch(()))
                    })
                });
                Some(Box::new(listeners))
            }),
        );
    }
    count.0
}

#[derive(Default, PartialEq)]
struct Navigations(u32);

impl Reducible for Navigations {
    type Action = ();

    fn reduce(self: Rc<Self>, (): ()) -> Rc<Self> {
        Rc::new(Navigations(self.0.wrapping_add(1)))
    }
}
