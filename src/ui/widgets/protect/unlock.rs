//! The unlock dialog: the passphrase of a protected file or link, tried in the browser. A
//! wrong passphrase, or a file altered after it was protected, is one sentence in an alert and
//! the dialog stays, with the passphrase selected for another try; nothing is imported until
//! it opens. What it opens to is read like any Rally file.

use super::modal::Modal;
use super::{Locked, UnlockRequest};
use crate::domain::i18n::protect::P;
use crate::platform::crypto::{self, CryptoError};
use crate::ui::shell::lang::use_lang;
use web_sys::HtmlInputElement;
use yew::prelude::*;

const TITLE: &str = "unlock-title";
const PASS: &str = "unlock-pass";

#[derive(Properties, PartialEq)]
pub struct UnlockProps {
    pub request: UnlockRequest,
    pub on_close: Callback<()>,
}

/// What the alert says.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Problem {
    Empty,
    Crypto(CryptoError),
}

#[function_component(UnlockDialog)]
pub fn unlock_dialog(p: &UnlockProps) -> Html {
    let lang = use_lang();
    let busy = use_state(|| false);
    let show = use_state(|| false);
    let problem = use_state(|| None::<Problem>);
    let pass = use_node_ref();

    let on_show = {
        let show = show.clone();
        Callback::from(move |e: Event| {
            show.set(e.target_unchecked_into::<HtmlInputElement>().checked())
        })
    };
    let on_submit = {
        let (request, on_close) = (p.request.clone(), p.on_close.clone());
        let (busy, problem, pass) = (busy.clone(), problem.clone(), pass.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if *busy {
                return;
            }
            let Some(input) = pass.cast::<HtmlInputElement>() else {
                return;
            };
            let passphrase = input.value();
            if passphrase.is_empty() {
                problem.set(Some(Problem::Empty));
                let _ = input.focus();
                return;
            }
            problem.set(None);
            busy.set(true);
            let (request, on_close, busy, problem) = (
                request.clone(),
                on_close.clone(),
                busy.clone(),
                problem.clone(),
            );
            wasm_bindgen_futures::spawn_local(async move {
                let opened = crypto::open(&passphrase, &request.sealed).await;
                drop(passphrase);
                match opened {
                    Ok(bytes) => {
                        on_close.emit(());
                        request.on_bytes.emit(bytes);
                    }
                    Err(e) => {
                        busy.set(false);
                        problem.set(Some(Problem::Crypto(e)));
                        // Another try starts from the passphrase, selected.
                        let _ = input.focus();
                        input.select();
                    }
                }
            });
        })
    };
    let cancel = {
        let (on_close, on_cancel) = (p.on_close.clone(), p.request.on_cancel.clone());
        Callback::from(move |_: ()| {
            on_close.emit(());
            on_cancel.emit(());
        })
    };
    let title = match p.request.locked {
        Locked::File => P::UnlockFileTitle,
        Locked::Link => P::UnlockLinkTitle,
    };
    let text = problem.map(|pr| match pr {
        Problem::Empty => P::PassphraseRequired,
        Problem::Crypto(CryptoError::Refused) => P::WrongPassphrase,
        Problem::Crypto(CryptoError::Unavailable) => P::Unavailable,
        // The browser refused to derive the key or to try the cipher: nothing tells this
        // apart from a damaged file either.
        Problem::Crypto(CryptoError::Failed) => P::WrongPassphrase,
    });
    html! {
        <Modal title_id={TITLE} busy={*busy} on_cancel={cancel.clone()} testid="unlock-dialog">
            <form class="modal-body" onsubmit={on_submit} novalidate=true>
                <h2 id={TITLE}>{ title.get(lang) }</h2>
                <p class="hint" id="unlock-hint">{ P::UnlockHint.get(lang) }</p>
                <div class={classes!("field", text.is_some().then_some("has-error"))}>
                    <label for={PASS}>{ P::Passphrase.get(lang) }</label>
                    <input id={PASS} ref={pass} type={if *show { "text" } else { "password" }} autocomplete="off"
                        spellcheck="false" autofocus=true readonly={*busy} aria-describedby="unlock-hint"
                        aria-invalid={text.is_some().then_some("true")} data-testid="unlock-passphrase" />
                </div>
                <div class="check-row">
                    <input id="unlock-show" type="checkbox" checked={*show} onchange={on_show} disabled={*busy} />
                    <label for="unlock-show">{ P::Show.get(lang) }</label>
                </div>
                <div role="alert" class="modal-alert" data-testid="unlock-alert">
                    if let Some(t) = text { <p>{ t.get(lang) }</p> }
                </div>
                <div class="modal-status" role="status">
                    if *busy {
                        <progress aria-labelledby="unlock-progress"></progress>
                        <span id="unlock-progress">{ P::Unlocking.get(lang) }</span>
                    }
                </div>
                <div class="button-row modal-actions">
                    <button type="submit" class="button button-primary" disabled={*busy} data-testid="unlock-submit">{ P::Unlock.get(lang) }</button>
                    <button type="button" class="button" onclick={cancel.reform(|_| ())} disabled={*busy}>{ P::Cancel.get(lang) }</button>
                </div>
            </form>
        </Modal>
    }
}
