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

/// Writes `values` on `layer` (element 0) and on its element children (1, 2, ...), where
/// `attributes` says, `(element, name)` in the same order: each value only when it
/// differs from the one written last at its position in `kept` (start from an empty
/// `kept` when the elements change).
pub fn draw(
    layer: &web_sys::Element,
    attributes: &[(u8, &str)],
    values: Vec<String>,
    kept: &mut Vec<String>,
) {
    let children = layer.children();
    kept.resize(values.len(), String::new());
    for (((element, name), value), last) in attributes.iter().zip(values).zip(kept.iter_mut()) {
        if value == *last {
            continue;
        }
        let target = match element {
            0 => Some(layer.clone()),
            n => children.item(u32::from(*n) - 1),
        };
        if let Some(target) = target {
            let _ = target.set_attribute(name, &value);
        }
        *last = value;
    }
}
