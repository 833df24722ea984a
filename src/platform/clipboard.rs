//! The clipboard and the app's own address (to build invitation links).

use wasm_bindgen_futures::JsFuture;

/// Copies `text`; `false` when the browser refused (no permission, insecure page).
pub async fn copy(text: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    // Absent on pages that are not a secure context: calling it would throw.
    let navigator = window.navigator();
    let present = js_sys::Reflect::get(&navigator, &"clipboard".into())
        .map(|v| !v.is_undefined() && !v.is_null())
        .unwrap_or(false);
    if !present {
        return false;
    }
    let promise = window.navigator().clipboard().write_text(text);
    JsFuture::from(promise).await.is_ok()
}

/// The address of this app without its fragment, e.g. `http://127.0.0.1:8080/`.
pub fn app_url() -> String {
    web_sys::window()
        .and_then(|w| {
            let l = w.location();
            Some(format!("{}{}", l.origin().ok()?, l.pathname().ok()?))
        })
        .unwrap_or_default()
}
