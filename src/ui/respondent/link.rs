//! The landing of an invitation link (`#/respond/<payload>`): the invitation travels in the
//! address itself. It is read and checked, kept in this browser (opening the link twice adds
//! nothing), and the answering flow replaces the link in the history.

use super::navigate_to_answer;
use crate::domain::i18n::respond::R;
use crate::domain::i18n::survey::code_error;
use crate::domain::survey::code::invitation_from_payload;
use crate::ui::shell::fieldwork::{replace, use_fieldwork};
use crate::ui::shell::lang::use_lang;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LinkProps {
    pub payload: String,
}

#[function_component(RespondLink)]
pub fn respond_link(p: &LinkProps) -> Html {
    let lang = use_lang();
    let fw = use_fieldwork();
    let read = use_memo(p.payload.clone(), |payload| {
        invitation_from_payload(payload)
    });
    {
        let (fw, read) = (fw.clone(), read.clone());
        use_effect_with(p.payload.clone(), move |_| {
            if let Ok(inv) = &*read {
                let (next, _) = fw.fieldwork.add_invitations(std::slice::from_ref(inv));
                replace(&fw, next);
                navigate_to_answer(inv.id, true);
            }
        });
    }
    match &*read {
        Ok(_) => html! {
            <section class="page" aria-busy="true">
                <p class="hint" role="status">{ R::Opening.get(lang) }</p>
            </section>
        },
        Err(e) => html! {
            <section class="page rs-bad-link" aria-labelledby="rs-bad-link-title">
                <h1 id="rs-bad-link-title">{ R::BadLinkTitle.get(lang) }</h1>
                <div role="alert" class="notice notice-error" data-testid="rs-alert">
                    <div class="notice-body"><p>{ code_error(lang, e) }</p></div>
                </div>
                <p>{ R::BadLinkBody.get(lang) }</p>
                <a href={super::invitations_href()} class="button button-primary">{ R::BackToInvitations.get(lang) }</a>
            </section>
        },
    }
}
