//! The last step: thanks, and the answers to pass on — as a file to download, or as a short
//! code to copy into a message — with the reminder that this is the only way they travel.

use super::answer::StepProps;
use super::{download_answers, STEP_HEADING};
use crate::domain::i18n::respond::{self as words, R};
use crate::domain::i18n::survey::code_error;
use crate::domain::i18n::{self};
use crate::domain::survey::code::encode_responses;
use crate::platform::clipboard;
use crate::ui::shell::lang::use_lang;
use yew::prelude::*;

/// Where the last "Copy the code" got to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Copying {
    Idle,
    Copied,
    /// No clipboard access: the code is selected for Ctrl+C.
    ByHand,
}

/// Enough rows to show the whole code at a column's width.
fn code_rows(code: &str) -> String {
    (code.len() / 38 + 2).clamp(4, 14).to_string()
}

#[function_component(Done)]
pub fn done(p: &StepProps) -> Html {
    let lang = use_lang();
    let inv = &p.invitation;
    let copying = use_state(|| Copying::Idle);
    let code_ref = use_node_ref();
    let code = {
        let draft = p.draft.clone();
        use_memo(draft, |d| encode_responses(&d.submitted))
    };

    let on_download = {
        let (inv, draft) = (inv.clone(), p.draft.clone());
        Callback::from(move |_| download_answers(&inv, &draft.submitted))
    };
    let on_copy = {
        let (code, copying, code_ref) = (code.clone(), copying.clone(), code_ref.clone());
        Callback::from(move |_| {
            let Ok(text) = (*code).clone() else { return };
            let (copying, code_ref) = (copying.clone(), code_ref.clone());
            wasm_bindgen_futures::spawn_local(async move {
                if clipboard::copy(&text).await {
                    copying.set(Copying::Copied);
                } else {
                    if let Some(area) = code_ref.cast::<web_sys::HtmlTextAreaElement>() {
                        let _ = area.focus();
                        area.select();
                    }
                    copying.set(Copying::ByHand);
                }
            });
        })
    };
    let until = i18n::date(lang, inv.keep_until);
    let copy_note = match *copying {
        Copying::Idle => None,
        Copying::Copied => Some(R::Copied),
        Copying::ByHand => Some(R::CopyByHand),
    };

    html! {
        <article class="page rs-flow rs-done" data-testid="rs-done">
            <div class="rs-head">
                <p class="rs-overline">{ format!("{} · {}", inv.campaign_name, inv.role_name.get(lang)) }</p>
                if let Some(line) = words::session_summary(lang, inv) {
                    <p class="rs-session-line" data-testid="rs-session-line">{ line }</p>
                }
                <h1 id={STEP_HEADING} tabindex="-1">{ R::DoneTitle.get(lang) }</h1>
                <p class="lede">{ words::done_intro(lang, &inv.asked_by) }</p>
            </div>
            <div class="rs-return">
                <section class="card" aria-labelledby="rs-file-title">
                    <h2 id="rs-file-title">{ R::FileTitle.get(lang) }</h2>
                    <p>{ words::file_body(lang, &inv.asked_by) }</p>
                    <button type="button" class="button button-primary" onclick={on_download} data-testid="rs-download">{ R::Download.get(lang) }</button>
                </section>
                <section class="card" aria-labelledby="rs-code-title">
                    <h2 id="rs-code-title">{ R::CodeTitle.get(lang) }</h2>
                    <p id="rs-code-hint">{ R::CodeBody.get(lang) }</p>
                    {
                        match &*code {
                            Ok(text) => html! {
                                <>
                                    <div class="field">
                                        <label for="rs-code">{ R::CodeLabel.get(lang) }</label>
                                        <textarea id="rs-code" class="rs-code" ref={code_ref} readonly=true rows={code_rows(text)}
                                            spellcheck="false" aria-describedby="rs-code-hint" value={text.clone()} data-testid="rs-code" />
                                    </div>
                                    <button type="button" class="button" onclick={on_copy} data-testid="rs-copy">{ R::Copy.get(lang) }</button>
                                </>
                            },
                            Err(e) => html! { <p class="field-error">{ code_error(lang, e) }</p> },
                        }
                    }
                    <p class="rs-copy-note" role="status" data-testid="rs-copy-note">
                        { copy_note.map(|n| n.get(lang)).unwrap_or_default() }
                    </p>
                </section>
            </div>
            <p class="hint">{ R::KeptHere.get(lang) }</p>
            <p class="hint">{ words::erase_line(lang, &inv.asked_by, &until) }</p>
            <a href={super::invitations_href()} class="button">{ format!("← {}", R::BackToInvitations.get(lang)) }</a>
        </article>
    }
}
