//! `sessionStorage`: the guide's place across pages; `localStorage`: done marks and the
//! topic left mid-way (per origin).

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

fn local() -> Option<web_sys::Storage> {
    window()?.local_storage().ok().flatten()
}

/// A value from `localStorage` (none when unavailable).
pub fn local_get(key: &str) -> Option<String> {
    local()?.get_item(key).ok().flatten()
}

/// Stores a value in `localStorage` (an empty value removes the key); a full or
/// unavailable storage is not an error.
pub fn local_set(key: &str, value: &str) {
    if let Some(storage) = local() {
        let _ = if value.is_empty() {
            storage.remove_item(key)
        } else {
            storage.set_item(key, value)
        };
    }
}
