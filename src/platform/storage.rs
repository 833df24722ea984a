//! `localStorage` access with failures as values: a full or missing storage is something to
//! tell the user about, never a crash. Also the persistent-storage request.
//!
//! `localStorage` keeps what is small and must be read or written synchronously: the
//! language, who invites, the token that tells other tabs a new version of the workspace was
//! saved. Campaigns, fieldwork and respondents' drafts live in the browser's database (`db`):
//! Chromium writes `localStorage` to disk seconds late, and a killed browser loses it.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Why storage could not be used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StorageFailure {
    /// The quota is exceeded.
    Full,
    /// No storage (private mode, disabled by policy, sandboxed frame).
    Unavailable,
}

fn local_storage() -> Result<web_sys::Storage, StorageFailure> {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .ok_or(StorageFailure::Unavailable)
}

/// The stored text under `key`, if any.
pub fn read(key: &str) -> Result<Option<String>, StorageFailure> {
    local_storage()?
        .get_item(key)
        .map_err(|_| StorageFailure::Unavailable)
}

/// Stores `value` under `key`.
pub fn write(key: &str, value: &str) -> Result<(), StorageFailure> {
    local_storage()?.set_item(key, value).map_err(|e| {
        let quota = e
            .dyn_ref::<web_sys::DomException>()
            .map(|d| d.name() == "QuotaExceededError" || d.code() == 22)
            .unwrap_or(false);
        if quota {
            StorageFailure::Full
        } else {
            StorageFailure::Unavailable
        }
    })
}

/// Every key that starts with `prefix`.
pub fn keys_with_prefix(prefix: &str) -> Vec<String> {
    let Ok(store) = local_storage() else {
        return Vec::new();
    };
    let n = store.length().unwrap_or(0);
    (0..n)
        .filter_map(|i| store.key(i).ok().flatten())
        .filter(|k| k.starts_with(prefix))
        .collect()
}

/// Calls `f` with the new value whenever another tab of this site changes `key` (the
/// `storage` event; a tab never hears its own writes). Stops when the listener is dropped.
pub fn on_change(
    key: &'static str,
    f: impl Fn(Option<String>) + 'static,
) -> gloo::events::EventListener {
    let window = web_sys::window().expect("a window");
    gloo::events::EventListener::new(&window, "storage", move |e| {
        if let Some(e) = e.dyn_ref::<web_sys::StorageEvent>() {
            if e.key().as_deref() == Some(key) {
                f(e.new_value());
            }
        }
    })
}

/// Removes what is stored under `key` (nothing happens when there is nothing).
pub fn remove(key: &str) -> Result<(), StorageFailure> {
    local_storage()?
        .remove_item(key)
        .map_err(|_| StorageFailure::Unavailable)
}

/// What the browser answered to the persistent-storage request.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Persistence {
    Pending,
    Granted,
    Denied,
    Unsupported,
}

/// Asks the browser not to evict our data (`navigator.storage.persist()`).
pub async fn request_persistence() -> Persistence {
    let Some(window) = web_sys::window() else {
        return Persistence::Unsupported;
    };
    let manager = window.navigator().storage();
    if manager.is_undefined() || manager.is_null() {
        return Persistence::Unsupported;
    }
    let Ok(promise) = manager.persist() else {
        return Persistence::Unsupported;
    };
    match JsFuture::from(promise).await {
        Ok(v) if v.as_bool() == Some(true) => Persistence::Granted,
        Ok(_) => Persistence::Denied,
        Err(_) => Persistence::Unsupported,
    }
}
