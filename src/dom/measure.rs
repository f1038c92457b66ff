//! Measuring and placing the widget's own elements.

use crate::geometry::{num, Inset};

/// The size of one of the widget's own elements without a height limit set by
/// [`set_max_height`] (the limit is lifted for the measurement, in the same frame).
pub fn natural_size(element: &web_sys::HtmlElement) -> (f64, f64) {
    let style = element.style();
    let limit = style
        .get_property_value("max-block-size")
        .unwrap_or_default();
    let _ = style.remove_property("max-block-size");
    let r = element.get_bounding_client_rect();
    if !limit.is_empty() {
        let _ = style.set_property("max-block-size", &limit);
    }
    (r.width(), r.height())
}

/// Limits the height of one of the widget's own elements, through the CSS object model
/// (allowed under a strict Content Security Policy, unlike a `style` attribute).
pub fn set_max_height(element: &web_sys::HtmlElement, height: Option<f64>) {
    let style = element.style();
    let _ = match height {
        Some(h) => style.set_property("max-block-size", &format!("{}px", num(h.floor()))),
        None => style.remove_property("max-block-size").map(|_| ()),
    };
}

/// Places one of the widget's own fixed elements at `inset` (through the CSS object model).
pub fn set_inset(element: &web_sys::HtmlElement, inset: &Inset) {
    let style = element.style();
    for (property, value) in inset.properties() {
        let _ = style.set_property(property, &value);
    }
}
