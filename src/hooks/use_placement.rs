use yew::prelude::*;

use crate::dom;
use crate::geometry::{panel_inset, place_panel, Corner, Placement, Rect, Viewport};

/// Places the panel (through [`crate::geometry::place_panel`]): next to the help icon at
/// `launcher`, off the highlighted element at `target`, shrunk when it has to be. Measures
/// the panel after each render that can change its size or the target's place, and sets
/// its position and height limit in the same task (before the browser paints).
#[hook]
pub fn use_placement(
    panel: &NodeRef,
    target: Option<Rect>,
    viewport: Viewport,
    launcher: Corner,
    rtl: bool,
    change: (bool, usize, usize),
) -> Placement {
    let placement = use_state(|| launcher.preference(rtl)[0]);
    let panel = panel.clone();
    let key = (
        target.map(|r| [r.x, r.y, r.width, r.height].map(f64::to_bits)),
        [viewport.width, viewport.height].map(f64::to_bits),
        launcher,
        rtl,
        change,
    );
    let current = placement.clone();
    use_effect_with(key, move |_| {
        let Some(element) = panel.cast::<web_sys::HtmlElement>() else {
            return;
        };
        let size = dom::natural_size(&element);
        let next = place_panel(target.as_ref(), size, &viewport, launcher, rtl);
        dom::set_inset(&element, &panel_inset(next.placement, launcher, &viewport));
        dom::set_max_height(&element, next.max_height);
        if *current != next.placement {
            current.set(next.placement);
        }
    });
    *placement
}
