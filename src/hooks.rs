//! Yew hooks: the widget's state and its side effects, each undone when its component or
//! input goes. Components only render.

mod use_center;
mod use_commands;
mod use_focus;
mod use_host_events;
mod use_navigations;
mod use_placement;
mod use_progress;
mod use_spotlight;
mod use_target;
mod use_topic;

pub use use_center::{use_center, DONE_KEY, LEFT_KEY};
pub use use_commands::use_commands;
pub use use_focus::use_focus;
pub use use_host_events::use_host_events;
pub use use_navigations::use_navigations;
pub use use_placement::{use_placement, Change, Placer};
pub use use_progress::use_progress;
pub use use_spotlight::use_spotlight;
pub use use_target::{use_target, Follow};
pub use use_topic::{load_topic, use_topic, PROGRESS_KEY};

use std::any::Any;
use std::rc::Rc;

use crate::widget::{WidgetAction, WidgetState};

/// What an effect of [`use_fx`] leaves behind: dropped (undone) before the effect runs
/// again and when its component goes (a listener, a watcher, a timer); `None` for nothing.
pub type Undo = Option<Box<dyn Any>>;

/// An effect's key: the effect runs again when it differs from the previous render's.
/// Any `PartialEq` value; compared as that type.
pub struct Key(Box<dyn KeyValue>);

impl Key {
    pub fn new<T: PartialEq + 'static>(value: T) -> Key {
        Key(Box::new(value))
    }
}

trait KeyValue {
    fn as_any(&self) -> &dyn Any;
    fn same(&self, other: &dyn Any) -> bool;
}

impl<T: PartialEq + 'static> KeyValue for T {
    fn as_any(&self) -> &dyn Any {
        self
    }

    fn same(&self, other: &dyn Any) -> bool {
        other.downcast_ref::<T>() == Some(self)
    }
}

impl PartialEq for Key {
    fn eq(&self, other: &Key) -> bool {
        self.0.same(other.0.as_any())
    }
}

/// Yew's `use_effect_with`, with one type for every effect of the widget: `run` runs
/// after a render when `key` differs from the previous render's (and after the first),
/// and what it returns is dropped before it runs again and when the component goes.
///
/// Each `use_effect_with` of its own key and closure types is a copy of Yew's effect
/// machinery in the WebAssembly (1 to 2 KB each); through this hook there is one copy
/// (bytes are a product metric, issue #11).
#[yew::hook]
pub fn use_fx(key: Key, run: Box<dyn FnOnce() -> Undo>) {
    yew::use_effect_with(key, move |_| {
        let undo = run();
        move || drop(undo)
    });
}

impl yew::Reducible for WidgetState {
    type Action = WidgetAction;

    fn reduce(self: Rc<Self>, action: WidgetAction) -> Rc<Self> {
        Rc::new((*self).clone().apply(action))
    }
}

/// What every component of the widget may read: its state (and the dispatcher that
/// changes it) and its configuration. Provided once by the root component instead of
/// passing them down as props.
#[derive(Clone, PartialEq)]
pub struct WidgetContext {
    pub state: yew::UseReducerHandle<WidgetState>,
    pub config: Rc<crate::config::Config>,
}

impl WidgetContext {
    /// A callback that sends `action` (made fresh for each use).
    pub fn send(&self, action: impl Fn() -> WidgetAction + 'static) -> yew::Callback<()> {
        self.send_boxed(Box::new(action))
    }

    /// [`WidgetContext::send`] without a type parameter: one copy of its code in the
    /// WebAssembly, whatever the actions.
    fn send_boxed(&self, action: Box<dyn Fn() -> WidgetAction>) -> yew::Callback<()> {
        let dispatcher = self.state.dispatcher();
        yew::Callback::from(move |()| dispatcher.dispatch(action()))
    }
}

/// The widget's context (see [`WidgetContext`]); only inside the root component's tree.
#[yew::hook]
pub fn use_widget() -> WidgetContext {
    yew::use_context::<WidgetContext>().expect("a widget component outside the widget")
}
