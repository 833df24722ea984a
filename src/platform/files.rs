//! Files in and out: a download made from text, and the bytes of a file the user picked.

use crate::domain::file::envelope::MAX_SEALED_BYTES;
use wasm_bindgen::JsCast;

/// Offers `text` to the user as a file download named `file_name`; false if the browser refused.
pub fn download(file_name: &str, text: &str, mime: &str) -> bool {
    try_download(file_name, text, mime).is_some()
}

fn try_download(file_name: &str, text: &str, mime: &str) -> Option<()> {
    let window = web_sys::window()?;
    let document = window.document()?;
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
    let anchor: web_sys::HtmlAnchorElement = document.create_element("a").ok()?.dyn_into().ok()?;
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.style().set_property("display", "none").ok();
    let body = document.body()?;
    body.append_child(&anchor).ok()?;
    anchor.click();
    anchor.remove();
    // Revoke later: revoking at once can cancel the download in some browsers.
    gloo::timers::callback::Timeout::new(10_000, move || {
        web_sys::Url::revoke_object_url(&url).ok();
    })
    .forget();
    Some(())
}

/// The file picked in the `<input type="file">` that fired `e`, if any. The input is emptied,
/// so that the same file can be picked again after a fix.
pub fn take_picked(e: &web_sys::Event) -> Option<web_sys::File> {
    use wasm_bindgen::JsCast;
    let input: web_sys::HtmlInputElement = e.target()?.dyn_into().ok()?;
    let file = input.files().and_then(|f| f.get(0))?;
    input.set_value("");
    Some(file)
}

/// What came of reading a picked file.
pub enum Picked {
    Bytes(Vec<u8>),
    /// Larger than any file the import accepts (a sealed one is a third larger than the
    /// Rally file it holds); not read at all.
    TooLarge(usize),
    Unreadable,
}

/// Reads the first file of an `<input type="file">`, refusing oversize files before reading.
pub async fn read_picked(file: web_sys::File) -> Picked {
    let size = file.size() as usize;
    if size > MAX_SEALED_BYTES {
        return Picked::TooLarge(size);
    }
    match gloo::file::futures::read_as_bytes(&gloo::file::File::from(file)).await {
        Ok(bytes) => Picked::Bytes(bytes),
        Err(_) => Picked::Unreadable,
    }
}
