//! Following the element a step points at: [`TargetTracker`] owns every listener and
//! observer that watches it, and batches all of them into one layout read per animation
//! frame. Dropping it removes them all.
//!
//! - window scroll (capture phase, so scrolling containers count too) and resize;
//! - a `ResizeObserver` on the element, a `MutationObserver` on the document (layout
//!   changes, and elements that appear later: no polling);
//! - a capture-phase `click` listener (and Enter or Space on elements that do not turn
//!   those into clicks): using the highlighted element advances the guide;
//! - for an element inside a same-origin frame, the same scroll, click and key listeners
//!   on that frame's window and document, whose events never reach the top document.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use gloo::events::{EventListener, EventListenerOptions, EventListenerPhase};
use gloo::timers::callback::Timeout;
use wasm_bindgen::prelude::Closure;
use wasm_bindgen::JsCast;
use web_sys::Element;

use super::target::{find, moved_rect, viewport, visible_rect, Lookup};
use crate::geometry::{needs_scroll, Rect, Viewport};
use crate::target::TargetQuery;

/// What the tracker knows about the element.
#[derive(Clone, Debug, PartialEq)]
pub enum TargetStatus {
    /// Not looked for yet.
    Searching,
    /// Not visible yet; it may appear (a menu that opens, the next page of a flow).
    Waiting,
    /// Visible at `rect` (coordinates of the top window's `viewport`).
    Found { rect: Rect, viewport: Viewport },
    /// Not on this page (still watched: if it appears, it is found).
    Missing,
}

/// How long an element may be absent before the step says it is not on this page.
const PATIENCE_MS: u32 = 1500;

/// Watches one target; see the module documentation. Undone on drop.
#[must_use = "dropping the tracker stops following the element"]
pub struct TargetTracker {
    inner: Rc<RefCell<Inner>>,
    _listeners: Vec<EventListener>,
    mutations: web_sys::MutationObserver,
    _on_mutation: Closure<dyn FnMut()>,
    _on_resize: Closure<dyn FnMut()>,
    _patience: Timeout,
    /// [`TargetTracker::start`]'s first look (cancelled if dropped before it).
    _first_look: Option<Timeout>,
}

struct Inner {
    query: TargetQuery,
    element: Option<Element>,
    status: TargetStatus,
    /// The element was absent for longer than [`PATIENCE_MS`].
    impatient: bool,
    frame: Option<i32>,
    /// Something other than a scroll asked for the frame's measurement (see [`measure`]).
    changed: bool,
    on_frame: Option<Closure<dyn FnMut()>>,
    resize: Option<web_sys::ResizeObserver>,
    on_activate: Rc<dyn Fn()>,
    /// The document of a same-origin frame the element is in, with the listeners that
    /// hear its use (and its scrolling) there: events inside a frame never reach ours.
    framed: Option<(web_sys::Document, [EventListener; 3])>,
    on_status: Box<dyn Fn(TargetStatus)>,
}

impl TargetTracker {
    /// Starts following `query`: `on_status` hears every change of [`TargetStatus`],
    /// `on_activate` every use of the element. The first look is in the next task (after
    /// the calling task, and after the host page has heard of the step: a page that
    /// localizes itself on `helpmark:ready` has done so), its own task: a large topic's
    /// render and the layout the search reads are not one long task, nor is the look one
    /// with a frame's rendering. Every later look is in an animation frame.
    pub fn start(
        query: TargetQuery,
        on_status: impl Fn(TargetStatus) + 'static,
        on_activate: impl Fn() + 'static,
    ) -> Option<TargetTracker> {
        Self::start_with(query, Box::new(on_status), Rc::new(on_activate), false)
    }

    /// As [`start`](Self::start), but the first look is a microtask, not the next
    /// animation frame: after the calling code has run to its end (the render that showed
    /// the step, and whatever the host page did on hearing of it, such as localizing
    /// itself on `helpmark:ready`) and always before the browser paints, so that the step
    /// and its highlight are painted in the same frame (issue #11: a highlight in one
    /// frame). A large article is not rendered in that task: the panel shows it in stages
    /// (`components::panel`), so the search reads the layout of a short render.
    pub fn start_soon(
        query: TargetQuery,
        on_status: impl Fn(TargetStatus) + 'static,
        on_activate: impl Fn() + 'static,
    ) -> Option<TargetTracker> {
        Self::start_with(query, Box::new(on_status), Rc::new(on_activate), true)
    }

    fn start_with(
        query: TargetQuery,
        on_status: Box<dyn Fn(TargetStatus)>,
        on_activate: Rc<dyn Fn()>,
        soon: bool,
    ) -> Option<TargetTracker> {
        let window = web_sys::window()?;
        let document = window.document()?;
        let inner = Rc::new(RefCell::new(Inner {
            query,
            element: None,
            status: TargetStatus::Searching,
            impatient: false,
            frame: None,
            changed: true,
            on_frame: None,
            resize: None,
            on_activate,
            framed: None,
            on_status,
        }));
        let weak = Rc::downgrade(&inner);
        inner.borrow_mut().on_frame = Some(Closure::new({
            let weak = weak.clone();
            move || measure(&weak)
        }));
        let on_resize: Closure<dyn FnMut()> = Closure::new({
            let weak = weak.clone();
            move || schedule(&weak)
        });
        inner.borrow_mut().resize =
            web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()).ok();

        let [scroll, click, keydown] = use_listeners(&window, &document, &weak);
        let listeners = vec![
            scroll,
            EventListener::new(&window, "resize", {
                let weak = weak.clone();
                move |_| schedule(&weak)
            }),
            click,
            keydown,
        ];
        let on_mutation: Closure<dyn FnMut()> = Closure::new({
            let weak = weak.clone();
            move || schedule(&weak)
        });
        let mutations =
            web_sys::MutationObserver::new(on_mutation.as_ref().unchecked_ref()).ok()?;
        let init = web_sys::MutationObserverInit::new();
        init.set_child_list(true);
        init.set_subtree(true);
        init.set_attributes(true);
        if let Some(root) = document.document_element() {
            let _ = mutations.observe_with_options(&root, &init);
        }
        // Boxed, as every timer of the widget's: one copy of the timer's code.
        let impatient: Box<dyn FnOnce()> = Box::new(move || {
            if let Some(inner) = weak.upgrade() {
                inner.borrow_mut().impatient = true;
                schedule(&weak);
            }
        });
        let patience = Timeout::new(PATIENCE_MS, impatient);
        let weak = Rc::downgrade(&inner);
        let first_look = if soon {
            // A tracker dropped before it has no upgrade: the look does nothing.
            wasm_bindgen_futures::spawn_local(async move { measure(&weak) });
            None
        } else {
            let look: Box<dyn FnOnce()> = Box::new(move || measure(&weak));
            Some(Timeout::new(0, look))
        };
        Some(TargetTracker {
            inner,
            _listeners: listeners,
            mutations,
            _on_mutation: on_mutation,
            _on_resize: on_resize,
            _patience: patience,
            _first_look: first_look,
        })
    }
}

impl Drop for TargetTracker {
    fn drop(&mut self) {
        self.mutations.disconnect();
        let mut inner = self.inner.borrow_mut();
        if let Some(resize) = inner.resize.take() {
            resize.disconnect();
        }
        if let (Some(frame), Some(window)) = (inner.frame.take(), web_sys::window()) {
            let _ = window.cancel_animation_frame(frame);
        }
    }
}

/// The capture-phase listeners of a window and its document: scrolling (anywhere in it)
/// schedules a measurement; a click on the element, or Enter or Space on one that does not
/// turn them into a click, is a use of it.
fn use_listeners(
    window: &web_sys::EventTarget,
    document: &web_sys::EventTarget,
    weak: &Weak<RefCell<Inner>>,
) -> [EventListener; 3] {
    let passive_capture = EventListenerOptions {
        phase: EventListenerPhase::Capture,
        passive: true,
    };
    let activate = |weak: &Weak<RefCell<Inner>>| {
        let on_activate = weak
            .upgrade()
            .map(|inner| inner.borrow().on_activate.clone());
        if let Some(on_activate) = on_activate {
            on_activate();
        }
    };
    [
        EventListener::new_with_options(window, "scroll", passive_capture, {
            let weak = weak.clone();
            move |_| schedule_with(&weak, false)
        }),
        EventListener::new_with_options(document, "click", passive_capture, {
            let weak = weak.clone();
            move |event| {
                if current_element(&weak).is_some_and(|e| hits(&e, event)) {
                    activate(&weak);
                }
            }
        }),
        EventListener::new_with_options(document, "keydown", passive_capture, {
            let weak = weak.clone();
            move |event| {
                let Some(key) = event.dyn_ref::<web_sys::KeyboardEvent>() else {
                    return;
                };
                if key.key() != "Enter" && key.key() != " " {
                    return;
                }
                if current_element(&weak).is_some_and(|e| hits(&e, event) && !clicks_on_its_own(&e))
                {
                    activate(&weak);
                }
            }
        }),
    ]
}

/// Listens in the frame `element` is in, if it is in one (and not already).
fn listen_in_frame(inner: &mut Inner, element: &Element, weak: &Weak<RefCell<Inner>>) {
    let Some(document) = element.owner_document() else {
        return;
    };
    let top = web_sys::window().and_then(|w| w.document());
    if top.as_ref() == Some(&document) || inner.framed.as_ref().is_some_and(|(d, _)| *d == document)
    {
        return;
    }
    inner.framed = document.default_view().map(|frame_window| {
        (
            document.clone(),
            use_listeners(&frame_window, &document, weak),
        )
    });
}

/// Asks for one measurement in the next animation frame (many events, one read).
fn schedule(weak: &Weak<RefCell<Inner>>) {
    schedule_with(weak, true);
}

/// [`schedule`]; `changed` is false for a scroll, which only moves the element.
fn schedule_with(weak: &Weak<RefCell<Inner>>, changed: bool) {
    let Some(inner) = weak.upgrade() else { return };
    let mut inner = inner.borrow_mut();
    inner.changed |= changed;
    if inner.frame.is_some() {
        return;
    }
    let (Some(window), Some(callback)) = (web_sys::window(), inner.on_frame.as_ref()) else {
        return;
    };
    inner.frame = window
        .request_animation_frame(callback.as_ref().unchecked_ref())
        .ok();
}

/// The one layout read of a frame: where is the element now (or has it appeared)?
///
/// When only scrolls asked for it, the element found is only measured again (its
/// rectangle): scrolling cannot hide it, remove it or replace it (a script that does so on
/// scroll changes the document, and the mutation asks for a whole look). That halves the
/// calls into the page in each frame of a scroll (issue #11, item 7).
fn measure(weak: &Weak<RefCell<Inner>>) {
    let Some(rc) = weak.upgrade() else { return };
    let status = {
        let mut inner = rc.borrow_mut();
        inner.frame = None;
        let changed = std::mem::take(&mut inner.changed);
        let viewport = viewport();
        let found = |rect| TargetStatus::Found { rect, viewport };
        let framed = inner.framed.is_some();
        let current = match (&inner.element, &inner.status) {
            (Some(element), TargetStatus::Found { .. }) if !changed => moved_rect(element, framed),
            (element, _) => element.as_ref().and_then(visible_rect),
        };
        match current {
            Some(rect) => found(rect),
            None => match find(&inner.query) {
                Lookup::Found(element) => {
                    listen_in_frame(&mut inner, &element, weak);
                    if let Some(resize) = &inner.resize {
                        resize.disconnect();
                        resize.observe(&element);
                    }
                    let rect = visible_rect(&element);
                    if let Some(rect) = rect {
                        if needs_scroll(&rect, &viewport, top_inset()) {
                            scroll_into_view(&element);
                        }
                    }
                    inner.element = Some(element);
                    rect.map_or(TargetStatus::Waiting, found)
                }
                Lookup::Hidden => {
                    inner.element = None;
                    TargetStatus::Waiting
                }
                Lookup::Missing if inner.impatient => {
                    inner.element = None;
                    TargetStatus::Missing
                }
                Lookup::Missing => {
                    inner.element = None;
                    TargetStatus::Waiting
                }
            },
        }
    };
    let changed = rc.borrow().status != status;
    if changed {
        rc.borrow_mut().status = status.clone();
        // Outside the borrow: the callback may re-render and schedule again.
        (rc.borrow().on_status)(status);
    }
}

/// The tracked element: as last measured or, when the next frame has not measured it
/// yet (a quick user, a busy machine) or it has since been replaced, as found now, so
/// that a use of the element is never lost to timing.
fn current_element(weak: &Weak<RefCell<Inner>>) -> Option<Element> {
    let inner = weak.upgrade()?;
    let inner = inner.borrow();
    match &inner.element {
        Some(element) if element.is_connected() => Some(element.clone()),
        _ => match find(&inner.query) {
            Lookup::Found(element) => Some(element),
            _ => None,
        },
    }
}

/// Whether an event's path goes through `element` (shadow DOM included).
fn hits(element: &Element, event: &web_sys::Event) -> bool {
    event
        .composed_path()
        .iter()
        .any(|node| js_sys::Object::is(&node, element))
}

/// Native controls turn Enter and Space into a click, which is counted already.
fn clicks_on_its_own(element: &Element) -> bool {
    matches!(
        element.tag_name().to_ascii_lowercase().as_str(),
        "button" | "a" | "input" | "summary" | "select" | "textarea"
    )
}

/// The height covered by fixed or sticky bars at the top of the viewport.
fn top_inset() -> f64 {
    let Some(window) = web_sys::window() else {
        return 0.0;
    };
    let Some(document) = window.document() else {
        return 0.0;
    };
    let x = viewport().width / 2.0;
    document
        .elements_from_point(x as f32, 1.0)
        .iter()
        .filter_map(|e| e.dyn_into::<Element>().ok())
        .filter(|e| {
            window
                .get_computed_style(e)
                .ok()
                .flatten()
                .and_then(|s| s.get_property_value("position").ok())
                .is_some_and(|p| p == "fixed" || p == "sticky")
        })
        .map(|e| e.get_bounding_client_rect().bottom())
        .fold(0.0, f64::max)
}

fn scroll_into_view(element: &Element) {
    let reduce = web_sys::window()
        .and_then(|w| {
            w.match_media("(prefers-reduced-motion: reduce)")
                .ok()
                .flatten()
        })
        .is_some_and(|m| m.matches());
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Center);
    options.set_inline(web_sys::ScrollLogicalPosition::Nearest);
    options.set_behavior(if reduce {
        web_sys::ScrollBehavior::Instant
    } else {
        web_sys::ScrollBehavior::Smooth
    });
    element.scroll_into_view_with_scroll_into_view_options(&options);
}
