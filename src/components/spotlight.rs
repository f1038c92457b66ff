//! The spotlight: the page dimmed except a cut-out around the element, and a ring.
//! Drawn in the widget's own layer with SVG attributes (no inline styles, so a strict
//! Content Security Policy is fine); it never takes pointer events, so the page stays usable.

use yew::prelude::*;

use crate::geometry::{num, SPOTLIGHT_RADIUS};

/// The spotlight's layer: its elements, without their numbers (size, path, ring and
/// cut-out: [`crate::geometry::spotlight_values`]), which
/// [`crate::hooks::use_spotlight`] draws on them after the render and then in each frame
/// the element moves in, without rendering again. `empty`: the element is out of sight
/// (the whole page is dimmed, no ring, no cut-out).
///
/// A plain function, not a component: it has no state, and each component is a copy of
/// Yew's component machinery in the WebAssembly.
pub fn spotlight(layer: &NodeRef, empty: bool) -> Html {
    html! {
        <svg ref={layer} class="hm-spotlight" aria-hidden="true" focusable="false">
            <path class="hm-dim" fill-rule="evenodd" />
            if !empty {
                <rect class="hm-ring" rx={num(SPOTLIGHT_RADIUS + 2.0)} />
                // The exact cut-out, for tools and tests that measure the highlight.
                <rect class="hm-cutout" />
            }
        </svg>
    }
}
