//! Small page-level acts: focus an element, scroll to the top, open the print dialog, act
//! before the page goes away.

use wasm_bindgen::JsCast;

/// The element of the page with this id.
fn element(id: &str) -> Option<web_sys::HtmlElement> {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
}

/// Removes what the page shows until its module starts (`#rally-loading` in the HTML pages).
pub fn remove_boot_screen() {
    if let Some(el) = element("rally-loading") {
        el.remove();
    }
}

/// Moves the keyboard focus to the element with this id; `false` when it is not on the page.
pub fn focus_by_id(id: &str) -> bool {
    element(id).is_some_and(|el| el.focus().is_ok())
}

/// The markup of the element with this id (e.g. a chart's `<svg>`, to save it as a file).
pub fn outer_html(id: &str) -> Option<String> {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .map(|el| el.outer_html())
}

/// A User Timing mark (`performance.mark`), named `rally:<name>`: the benchmarks read them to
/// say where a page's start-up time goes (`bench/README.md`). Does nothing without
/// `performance`.
pub fn mark(name: &str) {
    let global = js_sys::global();
    let Ok(performance) = js_sys::Reflect::get(&global, &"performance".into()) else {
        return;
    };
    let Ok(mark) = js_sys::Reflect::get(&performance, &"mark".into()) else {
        return;
    };
    if let Some(mark) = mark.dyn_ref::<js_sys::Function>() {
        let _ = mark.call1(&performance, &format!("rally:{name}").into());
    }
}

/// This page's fragment (`#/…`; empty without one).
pub fn fragment() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// Goes to `fragment` (`#/…`) of this page, which fires `hashchange`; `replace`: the current
/// address is not kept in the history.
pub fn go_to_fragment(fragment: &str, replace: bool) {
    if let Some(w) = web_sys::window() {
        let location = w.location();
        let _ = if replace {
            location.replace(fragment)
        } else {
            location.set_hash(fragment)
        };
    }
}

/// Loads `url` in place of this address (not kept in the history).
pub fn replace_address(url: &str) {
    if let Some(w) = web_sys::window() {
        let _ = w.location().replace(url);
    }
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

/// The event [`leave_now`] sends to every [`when_leaving`] hook.
const LEAVING_EVENT: &str = "rally:leaving";

/// Calls `f` whenever the page is hidden (another tab, a minimised window: it may never come
/// back) or closed, and when the app is about to reload itself ([`leave_now`]). Dropping the
/// listeners stops it.
pub fn when_leaving(f: impl Fn() + Clone + 'static) -> [gloo::events::EventListener; 3] {
    use gloo::events::EventListener;
    let window = web_sys::window().expect("a window");
    let document = window.document().expect("a document");
    let on_close = {
        let f = f.clone();
        EventListener::new(&window, "pagehide", move |_| f())
    };
    let on_leave = {
        let f = f.clone();
        EventListener::new(&window, LEAVING_EVENT, move |_| f())
    };
    let on_hidden = EventListener::new(&document, "visibilitychange", move |_| {
        if is_hidden() {
            f();
        }
    });
    [on_close, on_leave, on_hidden]
}

/// Whether the page is hidden (another tab in front, the window minimised).
pub fn is_hidden() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .is_some_and(|d| d.hidden())
}

/// Calls `f` each time the page is shown again; stops when the listener is dropped.
pub fn when_shown(f: impl Fn() + 'static) -> gloo::events::EventListener {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .expect("a document");
    gloo::events::EventListener::new(&document, "visibilitychange", move |_| {
        if !is_hidden() {
            f();
        }
    })
}

/// Runs every [`when_leaving`] hook now (they save what is pending), before the app reloads
/// itself. The hooks run synchronously, inside this call.
pub fn leave_now() {
    if let (Some(window), Ok(event)) = (web_sys::window(), web_sys::Event::new(LEAVING_EVENT)) {
        let _ = window.dispatch_event(&event);
    }
}

/// The element that has the keyboard focus, to give it back later.
pub fn focused() -> Option<web_sys::HtmlElement> {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element())
        .and_then(|el| el.dyn_into().ok())
}

/// Opens a `<dialog>` as modal: the page behind is inert, Escape asks to close it, and the
/// focus moves into it (to its `autofocus` element, if any).
pub fn show_modal(dialog: &web_sys::Element) {
    if let Some(d) = dialog.dyn_ref::<web_sys::HtmlDialogElement>() {
        if !d.open() {
            let _ = d.show_modal();
        }
    }
}

/// Closes a `<dialog>` opened by [`show_modal`].
pub fn close_modal(dialog: &web_sys::Element) {
    if let Some(d) = dialog.dyn_ref::<web_sys::HtmlDialogElement>() {
        d.close();
    }
}

/// Moves the keyboard focus to the element `id` (a section's heading: made focusable from
/// script only, `tabindex="-1"`) and scrolls it to the top of the window. False when it is
/// not there.
pub fn jump_to(id: &str) -> bool {
    let Some(el) = element(id) else {
        return false;
    };
    if !el.has_attribute("tabindex") {
        let _ = el.set_attribute("tabindex", "-1");
    }
    let focused = el.focus().is_ok();
    el.scroll_into_view_with_bool(true);
    focused
}
