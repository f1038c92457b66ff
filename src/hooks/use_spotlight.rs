use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use super::{use_fx, Follow, Key, Placer};
use crate::dom;
use crate::geometry::{cutout, spotlight_values, SPOTLIGHT_ATTRIBUTES};

/// Draws the spotlight (`components::spotlight`) on the found element while `shown`, and
/// places the panel off it. Returns the layer's reference and whether the cut-out is empty
/// (the element is out of sight), which the render needs.
///
/// The numbers are drawn on the rendered elements directly (only the attributes that
/// changed): after the render that shows them, then in each frame the element moves in,
/// through [`Follow::redraw`], which the tracker calls instead of rendering the widget. A
/// frame of a scroll thus renders nothing through Yew (issue #11, item 7: following at
/// Driver.js's cost). The element going out of sight or back renders again (the ring and
/// cut-out come and go): the tracker tells the widget then, not the drawing.
#[hook]
pub fn use_spotlight(
    follow: &Rc<RefCell<Follow>>,
    placer: &Rc<RefCell<Placer>>,
    shown: bool,
) -> (NodeRef, bool) {
    let layer = use_node_ref();
    let empty = follow
        .borrow()
        .now
        .is_none_or(|(rect, viewport)| cutout(&rect, &viewport).is_empty());
    let draw: Rc<dyn Fn()> = {
        let (follow, placer, layer) = (follow.clone(), placer.clone(), layer.clone());
        Rc::new(move || {
            let Some((rect, viewport)) = follow.borrow().now else {
                return;
            };
            if let Some(layer) = layer.cast::<web_sys::Element>() {
                let values = spotlight_values(&rect, &viewport);
                dom::draw(
                    &layer,
                    &SPOTLIGHT_ATTRIBUTES,
                    values,
                    &mut follow.borrow_mut().drawn,
                );
            }
            placer.borrow_mut().place(Some(rect), viewport);
        })
    };
    let follow = follow.clone();
    use_fx(
        Key::new((shown, empty)),
        Box::new(move || {
            if !shown {
                return None;
            }
            // Elements rendered anew: every attribute is drawn.
            follow.borrow_mut().drawn.clear();
            draw();
            follow.borrow_mut().redraw = Some(draw);
            Some(Box::new(Unlisten(follow)))
        }),
    );
    (layer, empty)
}

/// Stops the tracker drawing a spotlight that is gone (or rendered again).
struct Unlisten(Rc<RefCell<Follow>>);

impl Drop for Unlisten {
    fn drop(&mut self) {
        self.0.borrow_mut().redraw = None;
    }
}
