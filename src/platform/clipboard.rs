//! The clipboard and the app's own address (to build invitation links).

use wasm_bindgen_futures::JsFuture;

/// Copies `text`; `false` when the browser refused (no permission, insecure page).
pub async fn copy(text: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    if !available() {
        return false;
    }
    let promise = window.navigator().clipboard().write_text(text);
    JsFuture::from(promise).await.is_ok()
}

/// Whether this page may use the clipboard: only secure pages have `navigator.clipboard`, and
/// calling it elsewhere would throw instead of refusing.
pub fn available() -> bool {
    web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w.navigator(), &"clipboard".into()).ok())
        .is_some_and(|c| !c.is_undefined() && !c.is_null())
}

/// The address of one of the app's pages (`file`, e.g. `respond.html`), next to this one:
/// `http://127.0.0.1:8080/respond.html` from `http://127.0.0.1:8080/` or `…/index.html`.
pub fn page_url(file: &str) -> String {
    web_sys::window()
        .and_then(|w| {
            let l = w.location();
            let path = l.pathname().ok()?;
            let folder = &path[..path.rfind('/').map_or(0, |i| i + 1)];
            Some(format!("{}{folder}{file}", l.origin().ok()?))
        })
        .unwrap_or_default()
}
