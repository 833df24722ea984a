//! The respondent's page (`respond.html`): the invitations in this browser, an invitation
//! link, and the answering flow — nothing of the recruiter's or the mediator's screens, so
//! that a candidate's phone on a mobile network loads only this. Its state is the fieldwork
//! store (invitations and answers) and the language. Its few addresses are read by hand
//! (`survey::address`), following `hashchange`: no router.

use super::{Answer, RespondHome, RespondLink, SealedLink};
use crate::domain::file::envelope::LINK_MARK;
use crate::domain::i18n::{respond::R, survey::S};
use crate::domain::lang::Lang;
use crate::domain::survey::address::{respond_address, RespondAddress};
use crate::ui::shell::fieldwork::{
    use_survey_boot, use_survey_saver, FieldworkHandle, FieldworkState,
};
use crate::ui::shell::frame::{use_fragment, Page, PageFrame, PageNotFound, SendTo};
use crate::ui::shell::lang::{use_lang, use_page_lang, LangContext};
use yew::prelude::*;

#[function_component(RespondentApp)]
pub fn respondent_app() -> Html {
    let context = use_page_lang();
    let lang = context.lang;
    let fieldwork = use_reducer(FieldworkState::starting);
    // Invitations and answers only: this page holds nothing else of the store.
    use_survey_boot(&fieldwork, || Box::pin(super::store::load_drafts()));
    use_survey_saver(&fieldwork);
    let here = use_fragment();
    html! {
        <ContextProvider<LangContext> {context}>
        <ContextProvider<FieldworkHandle> context={fieldwork}>
            <PageFrame page={Page::Respondent} nav={html! { <Nav /> }}>
                { screen(respond_address(&here), lang) }
            </PageFrame>
        </ContextProvider<FieldworkHandle>>
        </ContextProvider<LangContext>>
    }
}

fn screen(address: RespondAddress, lang: Lang) -> Html {
    match address {
        RespondAddress::Invitations => html! { <RespondHome /> },
        RespondAddress::Link(payload) if payload.starts_with(LINK_MARK) => {
            html! { <SealedLink {payload} /> }
        }
        RespondAddress::Link(payload) => html! { <RespondLink {payload} /> },
        RespondAddress::Answer(invitation) => html! { <Answer {invitation} /> },
        RespondAddress::Elsewhere(page) => html! { <SendTo {page} /> },
        RespondAddress::Unknown => html! {
            <PageNotFound home={super::invitations_href()} back={R::BackToInvitations.get(lang)} />
        },
    }
}

#[function_component(Nav)]
fn nav() -> Html {
    let lang = use_lang();
    html! {
        <li><a href={super::invitations_href()}><span aria-current="page">{ S::NavRespond.get(lang) }</span></a></li>
    }
}
