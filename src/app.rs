//! The root component: provides the widget's state to its components and wires the hooks
//! that load content, follow the target and tell the host page. It renders the spotlight,
//! the panel and the help icon; everything else lives in [`crate::widget`] (state),
//! [`crate::hooks`] (effects) and [`crate::components`] (rendering).

use std::rc::Rc;

use yew::prelude::*;

use crate::components::{spotlight, Launcher, Panel, TargetMark};
use crate::config::Config;
use crate::dom::{self, TargetStatus};
use crate::hooks::{
    use_center, use_commands, use_focus, use_host_events, use_navigations, use_placement,
    use_progress, use_spotlight, use_target, use_topic, Follow, WidgetContext,
};
use crate::locale::{direction, Direction};
use crate::widget::{WidgetAction, WidgetState};

#[derive(Properties, PartialEq, Clone)]
pub struct AppProps {
    pub config: Rc<Config>,
    /// The widget's element on the page: commands from the host page arrive there.
    pub host: web_sys::Element,
    /// Focus the help icon once drawn (the loader's placeholder icon had the focus).
    pub refocus: bool,
    /// The widget is on the page; when not (`window.helpmark.destroy()`), nothing of it
    /// renders or runs: its hooks' effects are undone (listeners, observers, timers).
    pub active: bool,
}

/// The root: the widget while it is active, nothing while it is destroyed. The Yew app
/// itself stays (Yew never removes the event listeners it delegates to its root element,
/// so a new app per open would leave one root behind each time).
#[component]
pub fn App(props: &AppProps) -> Html {
    html! {
        if props.active {
            <Widget ..props.clone() />
        }
    }
}

/// The widget: state, effects and the spotlight, panel and help icon.
#[component]
fn Widget(props: &AppProps) -> Html {
    let state = use_reducer(|| WidgetState::new(&props.config, props.refocus));
    let (launcher_ref, title_ref, panel_ref) = (use_node_ref(), use_node_ref(), use_node_ref());
    use_commands(props.host.clone(), &state, &launcher_ref);
    use_topic(props.config.clone(), &state);
    use_center(props.config.clone(), &state);
    use_progress(&state);
    use_focus(&state, &launcher_ref, &title_ref);

    // The element the current step points at, followed while the panel shows it.
    let query = state.target_query();
    let on_activate = {
        let dispatcher = state.dispatcher();
        Callback::from(move |()| dispatcher.dispatch(WidgetAction::TargetActivated))
    };
    // A large topic's step is looked for in a task of its own (its render is in stages),
    // any other's in the task that rendered it.
    let soon = !state.loaded().is_some_and(|l| l.large);
    // Where the element is now (the status changes only when it is found or lost).
    let follow = use_mut_ref(Follow::default);
    let status = use_target(query.clone(), on_activate, soon, &follow);
    let navigations = use_navigations();
    use_host_events(&state, query.as_ref(), &status, navigations);

    let found = matches!(status, TargetStatus::Found { .. }) && state.guide.open;
    let (target_rect, viewport) = match follow.borrow().now.filter(|_| found) {
        Some((rect, viewport)) => (Some(rect), viewport),
        None => (None, dom::viewport()),
    };
    // Differs whenever the panel shows other content (another answer, a fresher copy).
    let content = state.loaded().map_or(0, |l| Rc::as_ptr(&l.topic) as usize);
    let change = (
        state.guide.open,
        state.guide.step,
        state.guide.target,
        content,
    );
    let rtl = direction(&state.locale()) == Direction::Rtl;
    let corner = props.config.corner;
    let (placement, placer) = use_placement(&panel_ref, target_rect, viewport, corner, rtl, change);
    let (layer, empty) = use_spotlight(&follow, &placer, found);
    let target = match (&query, &status) {
        (None, _) => TargetMark::None,
        (_, TargetStatus::Found { .. }) => TargetMark::Found,
        (_, TargetStatus::Missing) => TargetMark::Missing,
        _ => TargetMark::Waiting,
    };
    let context = WidgetContext {
        state: state.clone(),
        config: props.config.clone(),
    };
    html! {
        <ContextProvider<WidgetContext> {context}>
            if found {
                { spotlight(&layer, empty) }
            }
            if state.guide.open {
                <Panel {placement} {panel_ref} {title_ref} {target} />
            }
            <Launcher button_ref={launcher_ref} />
        </ContextProvider<WidgetContext>>
    }
}
