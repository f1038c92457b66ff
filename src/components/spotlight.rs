//! The spotlight: the page dimmed except a cut-out around the element, and a ring.
//! Drawn in the widget's own layer with SVG attributes (no inline styles, so a strict
//! Content Security Policy is fine); it never takes pointer events, so the page stays usable.

use yew::prelude::*;

use crate::geometry::{cutout, cutout_path, num, ring, Rect, Viewport};

/// Corner radius of the cut-out.
const RADIUS: f64 = 6.0;

/// The spotlight on `target` in `viewport`. A plain function, not a component: it has no
/// state, and each component is a copy of Yew's component machinery in the WebAssembly.
pub fn spotlight(target: &Rect, viewport: &Viewport) -> Html {
    let hole = cutout(target, viewport);
    let outline = ring(&hole);
    let Viewport { width, height } = *viewport;
    html! {
        <svg class="hm-spotlight" width={num(width)} height={num(height)}
             viewBox={format!("0 0 {} {}", num(width), num(height))} aria-hidden="true" focusable="false">
            <path class="hm-dim" fill-rule="evenodd" d={cutout_path(viewport, &hole, RADIUS)} />
            if !hole.is_empty() {
                <rect class="hm-ring" x={num(outline.x)} y={num(outline.y)}
                      width={num(outline.width)} height={num(outline.height)}
                      rx={num(RADIUS + 2.0)} />
                // The exact cut-out, for tools and tests that measure the highlight.
                <rect class="hm-cutout" x={num(hole.x)} y={num(hole.y)}
                      width={num(hole.width)} height={num(hole.height)} />
            }
        </svg>
    }
}
