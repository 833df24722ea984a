//! Small page-level acts: focus an element, scroll to the top, open the print dialog.

use wasm_bindgen::JsCast;

/// Moves the keyboard focus to the element with this id; `false` when it is not on the page.
pub fn focus_by_id(id: &str) -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
        .is_some_and(|el| el.focus().is_ok())
}

/// Back to the top of the page.
pub fn scroll_to_top() {
    if let Some(w) = web_sys::window() {
        w.scroll_to_with_x_and_y(0.0, 0.0);
    }
}

/// The browser's print dialog ("Save as PDF" lives there).
pub fn print() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}
