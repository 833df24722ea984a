//! The respondent's page (`respond.html`): the invitations in this browser, an invitation
//! link, and the answering flow — nothing of the recruiter's or the mediator's screens, so
//! that a candidate's phone on a mobile network loads only this. Its state is the fieldwork
//! store (invitations and answers) and the language.

use super::{Answer, RespondHome, RespondLink, SealedLink};
use crate::domain::file::envelope::LINK_MARK;
use crate::domain::i18n::survey::S;
use crate::ui::shell::fieldwork::{
    use_survey_boot, use_survey_saver, FieldworkHandle, FieldworkState,
};
use crate::ui::shell::frame::{Elsewhere, PageFrame};
use crate::ui::shell::lang::{start_lang, use_lang, use_lang_effects, LangContext};
use crate::ui::shell::routes::Route;
use yew::prelude::*;
use yew_router::prelude::*;

#[function_component(RespondentApp)]
pub fn respondent_app() -> Html {
    let lang = use_state(start_lang);
    use_lang_effects(*lang);
    let context = LangContext {
        lang: *lang,
        set: Callback::from(move |l| lang.set(l)),
    };
    let fieldwork = use_reducer(FieldworkState::starting);
    // Invitations and answers only: this page holds nothing else of the store.
    use_survey_boot(&fieldwork, || Box::pin(super::store::load_drafts()));
    use_survey_saver(&fieldwork);
    html! {
        <ContextProvider<LangContext> {context}>
        <ContextProvider<FieldworkHandle> context={fieldwork}>
            <HashRouter>
                <PageFrame nav={html! { <Nav /> }}>
                    <Switch<Route> render={switch} />
                </PageFrame>
            </HashRouter>
        </ContextProvider<FieldworkHandle>>
        </ContextProvider<LangContext>>
    }
}

fn switch(route: Route) -> Html {
    match route {
        Route::Home | Route::Respond => html! { <RespondHome /> },
        Route::RespondLink { payload } if payload.starts_with(LINK_MARK) => {
            html! { <SealedLink {payload} /> }
        }
        Route::RespondLink { payload } => html! { <RespondLink {payload} /> },
        Route::Answer { invitation } => html! { <Answer {invitation} /> },
        _ => html! { <Elsewhere /> },
    }
}

#[function_component(Nav)]
fn nav() -> Html {
    let lang = use_lang();
    html! {
        <li><Link<Route> to={Route::Respond}><span aria-current="page">{ S::NavRespond.get(lang) }</span></Link<Route>></li>
    }
}
