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
/// While only the target moves (the page scrolls under a found element), the panel's
/// size is the one measured last: measuring it lifts its height limit, which would force a
/// second layout in every frame of a scroll (the target's own rectangle is the one layout
/// read a frame may make). It is measured again when anything else changes: `change` (the
/// panel open, the step, the target, and a token of the content shown, which differs when
/// it does), the viewport, the corner, the direction, or the target being found or not.
#[hook]
pub fn use_placement(
    panel: &NodeRef,
    target: Option<Rect>,
    viewport: Viewport,
    launcher: Corner,
    rtl: bool,
    change: (bool, usize, usize, usize),
) -> Placement {
    let placement = use_state(|| launcher.preference(rtl)[0]);
    // What the last measurement was made for (while a target was found), and the size;
    // the place written on the panel last. (One record: one hook state type.)
    let kept = use_mut_ref(|| (None::<(Measured, (f64, f64))>, None::<PanelPlacement>));
    let panel = panel.clone();
    let key = (
        target.map(|r| [r.x, r.y, r.width, r.height].map(f64::to_bits)),
        [viewport.width, viewport.height].map(f64::to_bits),
        launcher,
        rtl,
        change,
    );
    let current = placement.clone();
    use_fx(
        Key::new(key),
        Box::new(move || {
            let element = panel.cast::<web_sys::HtmlElement>()?;
            let now = (
                change,
                [viewport.width, viewport.height].map(f64::to_bits),
                launcher,
                rtl,
            );
            let measured = kept.borrow().0;
            let size_kept = measured
                .filter(|(then, _)| target.is_some() && *then == now)
                .map(|(_, size)| size);
            let size = size_kept.unwrap_or_else(|| dom::natural_size(&element));
            kept.borrow_mut().0 = target.is_some().then_some((now, size));
            let next = place_panel(target.as_ref(), size, &viewport, launcher, rtl);
            // The same place as before (a scroll frame, mostly): nothing to write.
            if size_kept.is_none() || kept.borrow().1 != Some(next) {
                dom::set_inset(&element, &panel_inset(next.placement, launcher, &viewport));
                dom::set_max_height(&element, next.max_height);
                kept.borrow_mut().1 = Some(next);
            }
            if *current != next.placement {
                current.set(next.placement);
            }
            None
        }),
    );
    *placement
}

/// What a measurement of the panel's size holds for: open, step, target and content;
/// viewport (as bits), corner, direction.
type Measured = ((bool, usize, usize, usize), [u64; 2], Corner, bool);
