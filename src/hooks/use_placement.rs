use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use super::{use_fx, Key};
use crate::dom;
use crate::geometry::{
    panel_inset, place_panel, Corner, PanelPlacement, Placement, Rect, Viewport,
};

/// Places the panel (through [`crate::geometry::place_panel`]): next to the help icon at
/// `launcher`, off the highlighted element at `target`, shrunk when it has to be. Measures
/// the panel after each render that can change its size or the target's place, and sets
/// its position and height limit in the same task (before the browser paints).
///
/// Returns the placement to render and the [`Placer`], which the spotlight also calls
/// while the page scrolls under a found element, without a render of the whole widget
/// (`use_spotlight`).
#[hook]
pub fn use_placement(
    panel: &NodeRef,
    target: Option<Rect>,
    viewport: Viewport,
    launcher: Corner,
    rtl: bool,
    change: Change,
) -> (Placement, Rc<RefCell<Placer>>) {
    let placement = use_state(|| launcher.preference(rtl)[0]);
    let placer = use_mut_ref(|| Placer {
        panel: panel.clone(),
        launcher,
        rtl,
        change,
        measured: None,
        written: None,
        shown: *placement,
        placement: placement.clone(),
    });
    {
        let mut p = placer.borrow_mut();
        p.panel = panel.clone();
        (p.launcher, p.rtl, p.change, p.shown) = (launcher, rtl, change, *placement);
        p.placement = placement.clone();
    }
    let key = (
        target.map(|r| [r.x, r.y, r.width, r.height].map(f64::to_bits)),
        [viewport.width, viewport.height].map(f64::to_bits),
        launcher,
        rtl,
        change,
    );
    let run = placer.clone();
    use_fx(
        Key::new(key),
        Box::new(move || {
            run.borrow_mut().place(target, viewport);
            None
        }),
    );
    (*placement, placer)
}

/// What can change the panel's size: open, step, target, and a token of the content shown
/// (it differs when the content does).
pub type Change = (bool, usize, usize, usize);

/// Writes the panel's place. While only the target moves (the page scrolls under a found
/// element), the panel's size is the one measured last: measuring it lifts its height
/// limit, which would force a second layout in every frame of a scroll (the target's own
/// rectangle is the one layout read a frame may make). It is measured again when anything
/// else changes: the [`Change`], the viewport, the corner, the direction, or the target
/// being found or not.
pub struct Placer {
    panel: NodeRef,
    launcher: Corner,
    rtl: bool,
    change: Change,
    /// What the last measurement was made for (while a target was found), and the size.
    measured: Option<(Measured, (f64, f64))>,
    /// The place written on the panel last.
    written: Option<PanelPlacement>,
    /// The placement rendered (or asked for), and the state that renders it.
    shown: Placement,
    placement: UseStateHandle<Placement>,
}

impl Placer {
    /// Places the panel for `target` in `viewport`; the widget renders again only when the
    /// panel moves to another side.
    pub fn place(&mut self, target: Option<Rect>, viewport: Viewport) {
        let Some(element) = self.panel.cast::<web_sys::HtmlElement>() else {
            return;
        };
        let now = (
            self.change,
            [viewport.width, viewport.height].map(f64::to_bits),
            self.launcher,
            self.rtl,
        );
        let size_kept = self
            .measured
            .filter(|(then, _)| target.is_some() && *then == now)
            .map(|(_, size)| size);
        let size = size_kept.unwrap_or_else(|| dom::natural_size(&element));
        self.measured = target.is_some().then_some((now, size));
        let next = place_panel(target.as_ref(), size, &viewport, self.launcher, self.rtl);
        // The same place as before (a scroll frame, mostly): nothing to write.
        if size_kept.is_none() || self.written != Some(next) {
            dom::set_inset(
                &element,
                &panel_inset(next.placement, self.launcher, &viewport),
            );
            dom::set_max_height(&element, next.max_height);
            self.written = Some(next);
        }
        if self.shown != next.placement {
            self.shown = next.placement;
            self.placement.set(next.placement);
        }
    }
}

/// What a measurement of the panel's size holds for: the [`Change`], viewport (as bits),
/// corner, direction.
type Measured = (Change, [u64; 2], Corner, bool);
