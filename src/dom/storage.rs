//! `sessionStorage`: the guide's place across pages.

use super::window;

fn session() -> Option<web_sys::Storage> {
    window()?.session_storage().ok().flatten()
}

/// A value from `sessionStorage` (none when storage is unavailable, as in some private modes).
pub fn session_get(key: &str) -> Option<String> {
    session()?.get_item(key).ok().flatten()
}

/// Stores a value in `sessionStorage`; a full or unavailable storage is not an error.
pub fn session_set(key: &str, value: &str) {
    if let Some(storage) = session() {
        let _ = storage.set_item(key, value);
    }
}

pub fn session_remove(key: &str) {
    if let Some(storage) = session() {
        let _ = storage.remove_item(key);
    }
}
