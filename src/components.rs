//! Yew components: the help icon, the panel, and the renderer of parsed content.
//!
//! Components render from the parsed model ([`crate::content::Topic`]) only: text goes
//! through Yew text nodes, never `inner_html`, so markup in an article can never become
//! markup on the page.

mod panel;
mod rich_text;
mod spotlight;

pub use panel::{Launcher, LauncherProps, Panel, PanelBody, PanelProps};
pub use rich_text::{render_blocks, render_inlines};
pub use spotlight::{Spotlight, SpotlightProps};

/// The help icon's SVG path (a 24 × 24 view box): the widget's icon, and the loader's
/// placeholder (`helpmark loader` copies it into `helpmark.js`).
pub const HELP_ICON_PATH: &str = "M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20Zm0 18a8 8 0 1 1 0-16 8 8 0 0 1 0 16Zm-1-5h2v2h-2v-2Zm1-10a4 4 0 0 0-4 4h2a2 2 0 1 1 3.2 1.6c-.9.7-2.2 1.6-2.2 3.4h2c0-1 .6-1.5 1.4-2.1A4 4 0 0 0 12 5Z";
