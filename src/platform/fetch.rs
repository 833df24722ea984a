//! Fetching one of the app's own files (`connect-src 'self'`): the respondent's page fetches
//! the instruments an invitation names (`instruments/<id>-<version>.json`, kept offline by
//! its service worker).

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::Response;

/// The text of the file at `path` (relative to the page); `None` when the network or the
/// server fails (no connection, not found).
pub async fn text(path: &str) -> Option<String> {
    let window = web_sys::window()?;
    let response: Response = JsFuture::from(window.fetch_with_str(path))
        .await
        .ok()?
        .dyn_into()
        .ok()?;
    if !response.ok() {
        return None;
    }
    JsFuture::from(response.text().ok()?)
        .await
        .ok()?
        .as_string()
}
