//! The mediator's page (`observe.html`): the kits in this browser, live coding and the rating
//! grid — and nothing of the recruiter's or the respondent's screens, so that a mediator's
//! tablet loads only this. Its state is the fieldwork store and the language. Its few
//! addresses are read by hand (`fieldwork::address`), following `hashchange`: no router.

use super::{Coding, Kits, Rating};
use crate::domain::fieldwork::address::{observe_address, ObserveAddress, KITS};
use crate::domain::i18n::observe::O;
use crate::domain::lang::Lang;
use crate::ui::shell::fieldwork::{
    use_observing_boot, use_observing_saver, FieldworkHandle, FieldworkState,
};
use crate::ui::shell::frame::{use_fragment, Page, PageFrame, PageNotFound, SendTo};
use crate::ui::shell::lang::{use_lang, use_page_lang, LangContext};
use yew::prelude::*;

#[function_component(MediatorApp)]
pub fn mediator_app() -> Html {
    let context = use_page_lang();
    let lang = context.lang;
    let fieldwork = use_reducer(FieldworkState::starting);
    use_observing_boot(&fieldwork);
    use_observing_saver(&fieldwork);
    let here = use_fragment();
    html! {
        <ContextProvider<LangContext> {context}>
        <ContextProvider<FieldworkHandle> context={fieldwork}>
            <PageFrame page={Page::Mediator} nav={html! { <Nav /> }}>
                { screen(observe_address(&here), lang) }
            </PageFrame>
        </ContextProvider<FieldworkHandle>>
        </ContextProvider<LangContext>>
    }
}

fn screen(address: ObserveAddress, lang: Lang) -> Html {
    match address {
        ObserveAddress::Kits => html! { <Kits /> },
        ObserveAddress::Coding(s) => {
            html! { <Coding kit={s.kit} session={s.session} candidate={s.candidate} /> }
        }
        ObserveAddress::Rating(s) => {
            html! { <Rating kit={s.kit} session={s.session} candidate={s.candidate} /> }
        }
        ObserveAddress::Elsewhere(page) => html! { <SendTo {page} /> },
        ObserveAddress::Unknown => html! {
            <PageNotFound home={KITS} back={O::BackToKits.get(lang)} />
        },
    }
}

#[function_component(Nav)]
fn nav() -> Html {
    let lang = use_lang();
    html! {
        <li><a href={KITS}><span aria-current="page">{ O::NavObserve.get(lang) }</span></a></li>
    }
}
