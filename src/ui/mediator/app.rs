//! The mediator's page (`observe.html`): the kits in this browser, live coding and the rating
//! grid — and nothing of the recruiter's or the respondent's screens, so that a mediator's
//! tablet loads only this. Its state is the fieldwork store and the language.

use super::{Coding, Kits, Rating};
use crate::domain::i18n::observe::O;
use crate::ui::shell::fieldwork::{
    use_fieldwork_boot, use_fieldwork_saver, FieldworkHandle, FieldworkState,
};
use crate::ui::shell::frame::{Elsewhere, PageFrame};
use crate::ui::shell::lang::{use_lang, use_page_lang, LangContext};
use crate::ui::shell::routes::Route;
use yew::prelude::*;
use yew_router::prelude::*;

#[function_component(MediatorApp)]
pub fn mediator_app() -> Html {
    let context = use_page_lang();
    let fieldwork = use_reducer(FieldworkState::starting);
    use_fieldwork_boot(&fieldwork);
    use_fieldwork_saver(&fieldwork);
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
        Route::Home | Route::Observe => html! { <Kits /> },
        Route::Coding {
            kit,
            session,
            candidate,
        } => html! { <Coding {kit} {session} {candidate} /> },
        Route::Rating {
            kit,
            session,
            candidate,
        } => html! { <Rating {kit} {session} {candidate} /> },
        _ => html! { <Elsewhere /> },
    }
}

#[function_component(Nav)]
fn nav() -> Html {
    let lang = use_lang();
    html! {
        <li><Link<Route> to={Route::Observe}><span aria-current="page">{ O::NavObserve.get(lang) }</span></Link<Route>></li>
    }
}
