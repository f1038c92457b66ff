//! Yew components: the help icon, the panel, and the renderer of parsed content.
//!
//! Components render from the parsed model ([`crate::content::Topic`]) only: text goes
//! through Yew text nodes, never `inner_html`, so markup in an article can never become
//! markup on the page.

mod home;
mod panel;
mod rich_text;
mod spotlight;

pub use home::Home;
pub use panel::{Launcher, LauncherProps, Panel, PanelProps, TargetMark, ICON_PATH};
pub use rich_text::{render_blocks, render_inlines, render_text, set_unlinked, truncated};
pub use spotlight::spotlight;
