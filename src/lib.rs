//! Helpmark: an embeddable, contextual help widget.
//!
//! A host page adds one script tag; an end user clicks the help icon and follows a task
//! step by step, in their own language, while the widget points at the element of the
//! page each step names. Topics are localized articles in Microsoft's side-by-side
//! format (see [`content`]).
//!
//! Dependencies point one way:
//!
//! ```text
//! content, locale, catalog,    pure Rust: no web_sys, no gloo, no wasm_bindgen, no html!
//! guide   ^                    (cargo test covers them natively)
//!        dom                   the only module that calls web_sys
//!         ^
//!   components, app            Yew: state in a reducer, side effects in hooks
//!         ^
//!       embed                  wiring: configuration, mount point, start-up
//! ```
//!
//! Run the demo portal with `bash scripts/serve.sh`, every test with `bash scripts/test.sh`.

pub mod catalog;
pub mod config;
pub mod content;
pub mod geometry;
pub mod guide;
pub mod help;
pub mod host_event;
pub mod limits;
pub mod lint;
pub mod locale;
pub mod safe_url;
pub mod target;
pub mod text;
pub mod widget;

pub mod app;
pub mod components;
pub mod dom;
pub mod embed;
pub mod hooks;
