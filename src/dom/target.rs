//! Finding the element a step points at: reads the page's facts (keys, accessible names,
//! visibility) and lets [`crate::target`] choose, so the rules are tested natively.
//!
//! Every search covers the document, open shadow roots and same-origin iframes, and
//! never looks inside the widget's own element.

use wasm_bindgen::JsCast;
use web_sys::{Document, Element, Node};

use super::HOST_ATTRIBUTE;
use crate::geometry::{Rect, Viewport};
use crate::target::{best, by_name, Choice, Named, Seen, TargetQuery};

/// The outcome of one search.
pub enum Lookup {
    /// A visible element.
    Found(Element),
    /// The element is on the page but hidden (a closed menu): wait for it.
    Hidden,
    Missing,
}

const INTERACTIVE: &str = "button, a[href], summary, select, textarea, input:not([type=hidden]), \
    [role=button], [role=link], [role=menuitem], [role=menuitemcheckbox], [role=menuitemradio], \
    [role=tab], [role=option], [role=treeitem], [role=checkbox], [role=radio], [role=switch], \
    [role=combobox]";

/// Searches the page for `query`.
pub fn find(query: &TargetQuery) -> Lookup {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return Lookup::Missing;
    };
    let scopes = scopes(&document);
    let keyed: Vec<Element> = match query.key() {
        Some(key) => all(
            &scopes,
            &format!("[data-help-target=\"{}\"]", key.replace(['"', '\\'], "")),
        ),
        None => all(&scopes, "[data-help-target]"),
    }
    .into_iter()
    .filter(|e| {
        e.get_attribute("data-help-target")
            .is_some_and(|k| query.matches_key(&k))
    })
    .collect();
    let candidates = if keyed.is_empty() && query.matches_names() {
        let interactive = all(&scopes, INTERACTIVE);
        let names: Vec<Named> = interactive
            .iter()
            .map(|e| Named {
                name: accessible_name(e),
                enabled: is_enabled(e),
            })
            .collect();
        by_name(query, &names)
            .into_iter()
            .map(|i| interactive[i].clone())
            .collect()
    } else {
        keyed
    };
    let seen: Vec<Seen> = candidates
        .iter()
        .map(|e| Seen {
            rect: visible_rect(e),
            contains: (0..candidates.len())
                .filter(|&o| candidates[o] != *e && e.contains(Some(&candidates[o])))
                .collect(),
        })
        .collect();
    match best(&seen, &viewport()) {
        Choice::Found(i) => Lookup::Found(candidates[i].clone()),
        Choice::Hidden => Lookup::Hidden,
        Choice::Missing => Lookup::Missing,
    }
}

/// The element's rectangle in the top window's viewport, when it can be seen.
pub fn visible_rect(element: &Element) -> Option<Rect> {
    if !element.is_connected() || element.closest("[hidden]").ok().flatten().is_some() {
        return None;
    }
    let window = element.owner_document()?.default_view()?;
    let style = window.get_computed_style(element).ok().flatten()?;
    if style.get_property_value("visibility").ok().as_deref() == Some("hidden") {
        return None;
    }
    moved_rect(element, true)
}

/// Where an element [`visible_rect`] found visible is after a scroll: its rectangle only
/// (scrolling neither hides it nor takes it off the page); `framed`: it is inside a frame
/// (whose offset is added), else in the top document.
pub fn moved_rect(element: &Element, framed: bool) -> Option<Rect> {
    let r = element.get_bounding_client_rect();
    if r.width() <= 0.0 || r.height() <= 0.0 {
        return None;
    }
    let (dx, dy) = if framed {
        frame_offset(element)
    } else {
        (0.0, 0.0)
    };
    Some(Rect::new(r.x() + dx, r.y() + dy, r.width(), r.height()))
}

/// Offset of the element's frame within the top window (0 outside iframes).
fn frame_offset(element: &Element) -> (f64, f64) {
    let mut dx = 0.0;
    let mut dy = 0.0;
    let mut frame = element
        .owner_document()
        .and_then(|d| d.default_view())
        .and_then(|w| w.frame_element().ok().flatten());
    while let Some(f) = frame {
        let r = f.get_bounding_client_rect();
        dx += r.x() + f.client_left() as f64;
        dy += r.y() + f.client_top() as f64;
        frame = f
            .owner_document()
            .and_then(|d| d.default_view())
            .and_then(|w| w.frame_element().ok().flatten());
    }
    (dx, dy)
}

pub fn viewport() -> Viewport {
    let window = web_sys::window();
    let size = |v: Option<wasm_bindgen::JsValue>| v.and_then(|v| v.as_f64()).unwrap_or(0.0);
    Viewport {
        width: size(window.as_ref().and_then(|w| w.inner_width().ok())),
        height: size(window.as_ref().and_then(|w| w.inner_height().ok())),
    }
}

fn is_enabled(element: &Element) -> bool {
    !element.has_attribute("disabled")
        && element.get_attribute("aria-disabled").as_deref() != Some("true")
}

/// A close approximation of the accessible name computation, enough for controls:
/// `aria-labelledby`, `aria-label`, a button input's value, associated labels, the text
/// content, then `title`.
pub fn accessible_name(element: &Element) -> String {
    if let Some(ids) = element.get_attribute("aria-labelledby") {
        let root = element.get_root_node();
        let text: Vec<String> = ids
            .split_whitespace()
            .filter_map(|id| by_id(&root, id))
            .filter_map(|e| e.text_content())
            .collect();
        if !text.is_empty() {
            return text.join(" ");
        }
    }
    if let Some(label) = element
        .get_attribute("aria-label")
        .filter(|l| !l.trim().is_empty())
    {
        return label;
    }
    let input =
        is_tag(element, "input").then(|| element.unchecked_ref::<web_sys::HtmlInputElement>());
    if let Some(input) = input {
        if matches!(input.type_().as_str(), "submit" | "button" | "reset") {
            return input.value();
        }
    }
    let labels = if let Some(input) = input {
        input.labels()
    } else if is_tag(element, "select") {
        Some(
            element
                .unchecked_ref::<web_sys::HtmlSelectElement>()
                .labels(),
        )
    } else if is_tag(element, "textarea") {
        Some(
            element
                .unchecked_ref::<web_sys::HtmlTextAreaElement>()
                .labels(),
        )
    } else {
        None
    };
    if let Some(labels) = labels {
        let text: Vec<String> = (0..labels.length())
            .filter_map(|i| labels.item(i))
            .filter_map(|l| l.text_content())
            .collect();
        if !text.is_empty() {
            return text.join(" ");
        }
    }
    let text = element.text_content().unwrap_or_default();
    if !text.trim().is_empty() {
        return text;
    }
    element.get_attribute("title").unwrap_or_default()
}

fn by_id(root: &Node, id: &str) -> Option<Element> {
    match root.node_type() {
        Node::DOCUMENT_NODE => root.unchecked_ref::<Document>().get_element_by_id(id),
        Node::DOCUMENT_FRAGMENT_NODE => root
            .unchecked_ref::<web_sys::ShadowRoot>()
            .get_element_by_id(id),
        _ => None,
    }
}

/// Whether an element has this tag name. Elements of an iframe come from another
/// JavaScript realm, where `instanceof` (and so `dyn_ref`) fails: tag names do not.
fn is_tag(element: &Element, tag: &str) -> bool {
    element.tag_name().eq_ignore_ascii_case(tag)
}

/// The document, every open shadow root and every same-origin iframe document in it, and
/// theirs in turn; never the widget's own shadow root.
///
/// One call per element of the page (its `shadowRoot`), and one query for the frames: the
/// widget's element is left out by the selector ([`all`]), not element by element.
fn scopes(document: &Document) -> Vec<Node> {
    let mut scopes: Vec<Node> = vec![document.clone().into()];
    let mut i = 0;
    while i < scopes.len() {
        let scope = std::slice::from_ref(&scopes[i]);
        let mut inner: Vec<Node> = all(scope, "*")
            .into_iter()
            .filter_map(|element| element.shadow_root().map(Node::from))
            .collect();
        // A cross-origin frame has no content document for us.
        inner.extend(all(scope, "iframe").into_iter().filter_map(|frame| {
            frame
                .unchecked_ref::<web_sys::HtmlIFrameElement>()
                .content_document()
                .map(Node::from)
        }));
        scopes.extend(inner);
        i += 1;
    }
    scopes
}

/// Every element matching `selector` (a selector list) in the scopes, outside the widget:
/// the widget's element and anything in it are excluded by the query itself, so that no
/// element costs a call from WebAssembly to find out.
fn all(scopes: &[Node], selector: &str) -> Vec<Element> {
    let selector = format!(":is({selector}):not([{HOST_ATTRIBUTE}], [{HOST_ATTRIBUTE}] *)");
    let mut out = Vec::new();
    for scope in scopes {
        let list = match scope.node_type() {
            Node::DOCUMENT_NODE => scope
                .unchecked_ref::<Document>()
                .query_selector_all(&selector),
            Node::DOCUMENT_FRAGMENT_NODE => scope
                .unchecked_ref::<web_sys::ShadowRoot>()
                .query_selector_all(&selector),
            _ => continue,
        };
        let Ok(list) = list else { continue };
        // querySelectorAll only returns elements (possibly of another realm).
        out.extend((0..list.length()).filter_map(|i| list.item(i).map(Node::unchecked_into)));
    }
    out
}
