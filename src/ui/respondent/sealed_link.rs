//! The landing of a protected invitation link (`#/respond/s.<sealed invitation>`): the
//! passphrase is asked at once; once it opens the link, the invitation lands as an open link's
//! does ([`RespondLink`]), which replaces the link in the history. The open invitation never
//! appears in the address.

use super::RespondLink;
use crate::domain::i18n::protect::P;
use crate::domain::i18n::respond::R;
use crate::domain::i18n::survey::code_error;
use crate::domain::survey::code::invitation_payload;
use crate::domain::survey::CodeError;
use crate::ui::shell::lang::use_lang;
use crate::ui::widgets::protect::open_invitation_link;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SealedLinkProps {
    pub payload: String,
}

#[derive(Clone, PartialEq)]
enum Stage {
    /// The passphrase is being asked (or was not given: the page offers to ask again).
    Locked,
    /// Opened: the open payload of the invitation inside.
    Opened(String),
    Refused(CodeError),
}

#[function_component(SealedLink)]
pub fn sealed_link(p: &SealedLinkProps) -> Html {
    let lang = use_lang();
    let stage = use_state(|| Stage::Locked);
    let ask = {
        let (stage, payload) = (stage.clone(), p.payload.clone());
        Callback::from(move |_: ()| {
            let then = {
                let stage = stage.clone();
                Callback::from(move |read: Result<_, CodeError>| {
                    stage.set(match read {
                        Ok(inv) => Stage::Opened(invitation_payload(&inv)),
                        Err(e) => Stage::Refused(e),
                    })
                })
            };
            open_invitation_link(&payload, then, Callback::noop());
        })
    };
    {
        let ask = ask.clone();
        use_effect_with(p.payload.clone(), move |_| ask.emit(()));
    }
    match &*stage {
        Stage::Opened(open) => html! { <RespondLink payload={open.clone()} /> },
        Stage::Refused(e) => html! {
            <section class="page rs-bad-link" aria-labelledby="rs-bad-link-title">
                <h1 id="rs-bad-link-title">{ R::BadLinkTitle.get(lang) }</h1>
                <div role="alert" class="notice notice-error" data-testid="rs-alert">
                    <div class="notice-body"><p>{ code_error(lang, e) }</p></div>
                </div>
                <p>{ R::BadLinkBody.get(lang) }</p>
                <a href={super::invitations_href()} class="button button-primary">{ R::BackToInvitations.get(lang) }</a>
            </section>
        },
        Stage::Locked => html! {
            <section class="page rs-locked-link" aria-labelledby="rs-locked-title">
                <h1 id="rs-locked-title">{ P::LinkPageTitle.get(lang) }</h1>
                <p>{ P::LinkPageBody.get(lang) }</p>
                <div class="button-row">
                    <button type="button" class="button button-primary" onclick={ask.reform(|_| ())}
                        data-testid="rs-enter-passphrase">{ P::EnterPassphrase.get(lang) }</button>
                    <a href={super::invitations_href()} class="button">{ R::BackToInvitations.get(lang) }</a>
                </div>
            </section>
        },
    }
}
