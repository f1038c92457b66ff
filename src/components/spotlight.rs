//! The spotlight: the page dimmed except a cut-out around the element, and a ring.
//! Drawn in the widget's own layer with SVG attributes (no inline styles, so a strict
//! Content Security Policy is fine); it never takes pointer events, so the page stays usable.

use yew::prelude::*;

use crate::geometry::{cutout, cutout_path, ring, Rect, Viewport};

#[derive(Properties, PartialEq)]
pub struct SpotlightProps {
    pub target: Rect,
    pub viewport: Viewport,
}

/// Corner radius of the cut-out.
const RADIUS: f64 = 6.0;

#[component]
pub fn Spotlight(props: &SpotlightProps) -> Html {
    let hole = cutout(&props.target, &props.viewport);
    let outline = ring(&hole);
    let Viewport { width, height } = props.viewport;
    html! {
        <svg class="hm-spotlight" width={width.to_string()} height={height.to_string()}
             viewBox={format!("0 0 {width} {height}")} aria-hidden="true" focusable="false">
            <path class="hm-dim" fill-rule="evenodd" d={cutout_path(&props.viewport, &hole, RADIUS)} />
            if !hole.is_empty() {
                <rect class="hm-ring" x={outline.x.to_string()} y={outline.y.to_string()}
                      width={outline.width.to_string()} height={outline.height.to_string()}
                      rx={(RADIUS + 2.0).to_string()} />
                // The exact cut-out, for tools and tests that measure the highlight.
                <rect class="hm-cutout" x={hole.x.to_string()} y={hole.y.to_string()}
                      width={hole.width.to_string()} height={hole.height.to_string()} />
            }
        </svg>
    }
}
