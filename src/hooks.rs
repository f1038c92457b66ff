//! Yew hooks: side effects with a lifetime, each undone when its component or input goes.

mod use_commands;
mod use_navigations;
mod use_target;

pub use use_commands::use_commands;
pub use use_navigations::use_navigations;
pub use use_target::use_target;
