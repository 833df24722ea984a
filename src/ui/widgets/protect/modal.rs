//! A modal `<dialog>`: opened when it mounts, closed when it unmounts, the focus given back to
//! what had it before. The browser keeps the focus inside while it is open and turns Escape
//! into a request to cancel, refused while the dialog is busy.

use crate::platform::dom;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ModalProps {
    /// The id of the dialog's heading, which names it.
    pub title_id: AttrValue,
    /// Working: `aria-busy`, and Escape does nothing.
    pub busy: bool,
    pub on_cancel: Callback<()>,
    pub testid: AttrValue,
    pub children: Html,
}

#[function_component(Modal)]
pub fn modal(p: &ModalProps) -> Html {
    let node = use_node_ref();
    {
        let node = node.clone();
        use_effect_with((), move |_| {
            let opener = dom::focused();
            let dialog = node.cast::<web_sys::Element>();
            if let Some(d) = &dialog {
                dom::show_modal(d);
            }
            move || {
                if let Some(d) = &dialog {
                    dom::close_modal(d);
                }
                if let Some(o) = opener {
                    let _ = o.focus();
                }
            }
        });
    }
    let oncancel = {
        let (busy, on_cancel) = (p.busy, p.on_cancel.clone());
        Callback::from(move |e: Event| {
            e.prevent_default();
            if !busy {
                on_cancel.emit(());
            }
        })
    };
    html! {
        <dialog ref={node} class="modal" aria-labelledby={p.title_id.clone()}
            aria-busy={p.busy.then_some("true")} {oncancel} data-testid={p.testid.clone()}>
            { p.children.clone() }
        </dialog>
    }
}
