//! The save dialog: the file (or link) about to leave, "Protect with a passphrase" with the
//! passphrase typed twice and a hint of its strength, then the download (or the link).

use super::modal::Modal;
use super::{Destination, Outgoing, Protection};
use crate::domain::file::passphrase::{check_new, strength, PassphraseProblem, Strength};
use crate::domain::file::protected_file_name;
use crate::domain::i18n::protect::{self as words, P};
use crate::domain::lang::Lang;
use crate::platform::crypto::{self, CryptoError};
use crate::platform::{dom, files};
use crate::ui::shell::lang::use_lang;
use web_sys::HtmlInputElement;
use yew::prelude::*;

const TITLE: &str = "protect-title";
const PASS: &str = "protect-pass";
const CONFIRM: &str = "protect-confirm";

#[derive(Properties, PartialEq)]
pub struct SaveProps {
    pub outgoing: Outgoing,
    pub on_close: Callback<()>,
}

/// What went wrong, shown in the dialog's alert.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Problem {
    Passphrase(PassphraseProblem),
    Crypto(CryptoError),
    DownloadFailed,
}

impl Problem {
    fn text(self, lang: Lang) -> String {
        match self {
            Problem::Passphrase(p) => words::passphrase_problem(lang, p),
            Problem::Crypto(CryptoError::Unavailable) => P::Unavailable.get(lang).to_owned(),
            Problem::Crypto(_) => P::ProtectFailed.get(lang).to_owned(),
            Problem::DownloadFailed => P::DownloadFailed.get(lang).to_owned(),
        }
    }
}

fn strength_class(s: Strength) -> &'static str {
    match s {
        Strength::Weak => "strength-weak",
        Strength::Fair => "strength-fair",
        Strength::Strong => "strength-strong",
    }
}

#[function_component(SaveDialog)]
pub fn save_dialog(p: &SaveProps) -> Html {
    let lang = use_lang();
    let out = &p.outgoing;
    let protect = use_state(|| out.protection == Protection::Recommended);
    let show = use_state(|| false);
    let busy = use_state(|| false);
    let problem = use_state(|| None::<Problem>);
    // Only the verdict is kept between keystrokes, never the passphrase.
    let guess = use_state(|| None::<Strength>);
    let (pass, confirm) = (use_node_ref(), use_node_ref());
    let is_link = matches!(out.to, Destination::Link { .. });

    let on_toggle = {
        let (protect, problem) = (protect.clone(), problem.clone());
        Callback::from(move |e: Event| {
            protect.set(e.target_unchecked_into::<HtmlInputElement>().checked());
            problem.set(None);
        })
    };
    let on_show = {
        let show = show.clone();
        Callback::from(move |e: Event| {
            show.set(e.target_unchecked_into::<HtmlInputElement>().checked())
        })
    };
    let on_pass = {
        let guess = guess.clone();
        Callback::from(move |e: InputEvent| {
            let value = e.target_unchecked_into::<HtmlInputElement>().value();
            guess.set((!value.is_empty()).then(|| strength(&value)));
        })
    };
    let on_submit = {
        let (out, on_close) = (out.clone(), p.on_close.clone());
        let (protect, busy, problem) = (*protect, busy.clone(), problem.clone());
        let (pass, confirm) = (pass.clone(), confirm.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if *busy {
                return;
            }
            if !protect {
                match &out.to {
                    Destination::File(name) => {
                        if files::download(name, &out.json, "application/json") {
                            on_close.emit(());
                        } else {
                            problem.set(Some(Problem::DownloadFailed));
                        }
                    }
                    Destination::Link {
                        base,
                        open,
                        on_link,
                    } => {
                        on_link.emit(format!("{base}{open}"));
                        on_close.emit(());
                    }
                }
                return;
            }
            let value = |node: &NodeRef| {
                node.cast::<HtmlInputElement>()
                    .map(|i| i.value())
                    .unwrap_or_default()
            };
            let passphrase = value(&pass);
            if let Err(why) = check_new(&passphrase, &value(&confirm)) {
                problem.set(Some(Problem::Passphrase(why)));
                dom::focus_by_id(if why == PassphraseProblem::Mismatch {
                    CONFIRM
                } else {
                    PASS
                });
                return;
            }
            problem.set(None);
            busy.set(true);
            let (out, on_close, busy, problem) =
                (out.clone(), on_close.clone(), busy.clone(), problem.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let sealed = crypto::seal(&passphrase, out.json.as_bytes()).await;
                drop(passphrase);
                let delivered = match (sealed, &out.to) {
                    (Err(e), _) => Err(Problem::Crypto(e)),
                    (Ok(sealed), Destination::File(name)) => {
                        let name = protected_file_name(name);
                        files::download(&name, &sealed.to_json(), "application/json")
                            .then_some(())
                            .ok_or(Problem::DownloadFailed)
                    }
                    (Ok(sealed), Destination::Link { base, on_link, .. }) => {
                        on_link.emit(format!("{base}{}", sealed.link_payload()));
                        Ok(())
                    }
                };
                match delivered {
                    Ok(()) => on_close.emit(()),
                    Err(why) => {
                        busy.set(false);
                        problem.set(Some(why));
                        // Back to the passphrase once the fields are enabled again.
                        gloo::timers::callback::Timeout::new(0, || {
                            dom::focus_by_id(PASS);
                        })
                        .forget();
                    }
                }
            });
        })
    };
    let on_cancel = p.on_close.clone();
    let cancel = {
        let on_close = p.on_close.clone();
        Callback::from(move |_| on_close.emit(()))
    };

    let (title, action) = match (is_link, *protect) {
        (false, false) => (P::SaveTitle, P::Save),
        (false, true) => (P::SaveTitle, P::SaveProtected),
        (true, false) => (P::LinkTitle, P::MakeLink),
        (true, true) => (P::LinkTitle, P::MakeProtectedLink),
    };
    let problem_text = problem.map(|pr| pr.text(lang));
    let field_problem =
        |which: PassphraseProblem| (*problem == Some(Problem::Passphrase(which))).then_some("true");
    let kind = if *show { "text" } else { "password" };
    let recommended = out.protection == Protection::Recommended;
    html! {
        <Modal title_id={TITLE} busy={*busy} {on_cancel} testid="save-dialog">
            <form class="modal-body" onsubmit={on_submit} novalidate=true>
                <h2 id={TITLE}>{ title.get(lang) }</h2>
                if let Destination::File(name) = &out.to {
                    <p class="modal-file">
                        <span class="hint">{ P::FileName.get(lang) }</span>
                        <span class="modal-file-name" data-testid="save-file-name">{
                            if *protect { protected_file_name(name) } else { name.clone() }
                        }</span>
                    </p>
                }
                <div class="check-row">
                    <input id="protect-toggle" type="checkbox" checked={*protect} onchange={on_toggle}
                        disabled={*busy} data-testid="protect-toggle"
                        aria-describedby={recommended.then_some("protect-recommended")} />
                    <label for="protect-toggle">{ P::Protect.get(lang) }</label>
                </div>
                if recommended {
                    <p class="hint protect-recommended" id="protect-recommended">{ P::Recommended.get(lang) }</p>
                }
                if *protect {
                    <fieldset class="plain-fieldset protect-fields" disabled={*busy}>
                        <legend class="visually-hidden">{ P::Protect.get(lang) }</legend>
                        <div class={classes!("field", field_problem(PassphraseProblem::TooShort).map(|_| "has-error"))}>
                            <label for={PASS}>{ P::Passphrase.get(lang) }</label>
                            <input id={PASS} ref={pass} type={kind} autocomplete="off" spellcheck="false"
                                autofocus=true oninput={on_pass} aria-invalid={field_problem(PassphraseProblem::TooShort)}
                                aria-describedby="protect-pass-hint protect-strength" data-testid="protect-passphrase" />
                            <p class="hint" id="protect-pass-hint">{ P::PassphraseHint.get(lang) }</p>
                            <p id="protect-strength" aria-live="polite"
                                class={classes!("strength", guess.map(strength_class))}>
                                if let Some(s) = *guess {
                                    <span class="strength-bar" aria-hidden="true"><span></span><span></span><span></span></span>
                                    { words::strength(lang, s) }
                                }
                            </p>
                        </div>
                        <div class={classes!("field", field_problem(PassphraseProblem::Mismatch).map(|_| "has-error"))}>
                            <label for={CONFIRM}>{ P::Confirm.get(lang) }</label>
                            <input id={CONFIRM} ref={confirm} type={kind} autocomplete="off" spellcheck="false"
                                aria-invalid={field_problem(PassphraseProblem::Mismatch)} data-testid="protect-confirm" />
                        </div>
                        <div class="check-row">
                            <input id="protect-show" type="checkbox" checked={*show} onchange={on_show} />
                            <label for="protect-show">{ P::Show.get(lang) }</label>
                        </div>
                        <p class="hint protect-advice">
                            { if is_link { P::ProtectLinkHint.get(lang) } else { P::ProtectFileHint.get(lang) } }
                            { " " }{ P::NotKept.get(lang) }
                        </p>
                    </fieldset>
                }
                <div role="alert" class="modal-alert" data-testid="save-alert">
                    if let Some(text) = problem_text { <p>{ text }</p> }
                </div>
                <div class="modal-status" role="status">
                    if *busy {
                        <progress aria-labelledby="protect-progress"></progress>
                        <span id="protect-progress">{ P::Protecting.get(lang) }</span>
                    }
                </div>
                <div class="button-row modal-actions">
                    <button type="submit" class="button button-primary" disabled={*busy} data-testid="save-confirm">{ action.get(lang) }</button>
                    <button type="button" class="button" onclick={cancel} disabled={*busy}>{ P::Cancel.get(lang) }</button>
                </div>
            </form>
        </Modal>
    }
}
