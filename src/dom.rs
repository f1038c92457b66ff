//! The only module that touches the browser: page facts in, pure types out, and owned
//! values for every effect on the host page. It never uses Yew, the wiring or components.
//!
//! - `page`: the user's languages, the URL, the embedding tag's settings, focus;
//! - `fetch`: content requests with a time limit ([`fetch_text`]);
//! - `host`: the widget's own element and shadow root ([`ShadowHostGuard`]);
//! - `events`: telling the host ([`emit`] a [`crate::host_event::HostEvent`],
//!   [`console_error`]) and hearing its commands ([`CommandListener`]);
//! - `storage`: the guide's place across pages (`sessionStorage`), done marks (`localStorage`);
//! - `route`: where the user is, the page's context names, route changes ([`RouteWatcher`]);
//! - `panic`: what a Rust panic shows and says ([`report_panic`]);
//! - `measure`: sizes and positions of the widget's own elements, and the spotlight's drawing;
//! - `target` and `track`: finding the element a step points at ([`find`]) and following
//!   it ([`TargetTracker`]).
//!
//! Every effect on the host page is owned by a value that undoes it on drop.

mod events;
mod fetch;
mod host;
mod measure;
mod page;
mod panic;
mod route;
mod storage;
mod target;
mod track;

pub use events::{console_error, emit, CommandListener};
pub use fetch::{fetch_text, fetch_text_within, set_prefetched, FetchError};
pub use host::{host_element, ShadowHostGuard, HOST_ATTRIBUTE, STYLESHEET};
pub use measure::{draw, natural_size, set_inset, set_max_height};
pub use page::{has_focus, host_settings, navigator_languages, open_tab, query_param};
pub use panic::{has_panicked, report_panic};
pub use route::{anchor_visible, context_names, location, RouteWatcher};
pub use storage::{local_get, local_set, session_get, session_remove, session_set};
pub use target::{accessible_name, find, viewport, visible_rect, Lookup};
pub use track::{TargetStatus, TargetTracker};

use web_sys::{Document, Window};

fn window() -> Option<Window> {
    web_sys::window()
}

fn document() -> Option<Document> {
    window()?.document()
}
