//! "Erase this person everywhere…": the confirmation that lists what will go, offers the
//! export of their data first, and says what cannot be undone. The core works out both halves
//! (`privacy::erase_person`); the campaign half goes through the undo history, the fieldwork
//! half replaces the store.

use crate::domain::campaign::{Campaign, ErasedKind};
use crate::domain::i18n::privacy::{self as words, P};
use crate::domain::privacy::{concern, erase_person, PersonRef, Summary};
use crate::domain::workspace::Action;
use crate::platform::clock;
use crate::ui::recruiter::privacy_section::export_person;
use crate::ui::shell::fieldwork::{replace, use_fieldwork};
use crate::ui::shell::state::{use_app, Msg, Notice};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub campaign: Campaign,
    pub person: PersonRef,
    /// What the campaign and the fieldwork hold about them now.
    pub summary: Summary,
    pub on_close: Callback<()>,
}

#[function_component(EraseEverywhere)]
pub fn erase_everywhere(p: &Props) -> Html {
    let app = use_app();
    let fw = use_fieldwork();
    let lang = app.lang;
    let name = p.person.name.clone();
    let title_id = format!("erase-title-{}", p.person.id);
    let export = |csv: bool| {
        let (c, fw, app, id) = (p.campaign.clone(), fw.clone(), app.clone(), p.person.id);
        Callback::from(move |_| export_person(&c, &fw.fieldwork, id, app.lang, csv))
    };
    let erase = {
        let (c, fw, app, person, close) = (
            p.campaign.clone(),
            fw.clone(),
            app.clone(),
            p.person.clone(),
            p.on_close.clone(),
        );
        Callback::from(move |_| {
            let now = clock::now();
            match erase_person(&c, &fw.fieldwork, person.id, now) {
                Ok(done) => {
                    app.dispatch(Msg::Do {
                        action: Action::Campaign {
                            id: c.id,
                            action: done.action,
                        },
                        now,
                        notice: None,
                    });
                    replace(&fw, done.fieldwork);
                    app.dispatch(Msg::Notify(Notice::ErasedEverywhere {
                        name: person.name.clone(),
                        summary: done.summary,
                    }));
                }
                Err(e) => app.dispatch(Msg::Notify(Notice::Refused(e.into()))),
            }
            close.emit(());
        })
    };
    let cancel = {
        let close = p.on_close.clone();
        Callback::from(move |_| close.emit(()))
    };
    let mentions = concern::mentions(&p.campaign, &fw.fieldwork, &p.person);
    let identity = if p.person.kind == ErasedKind::Leader {
        P::ConfirmLeaderIdentity
    } else {
        P::ConfirmIdentity
    };
    html! {
        <div class="erase-confirm privacy-confirm" role="group" aria-labelledby={title_id.clone()} data-testid="erase-everywhere">
            <h4 id={title_id}>{ words::confirm_title(lang, &name) }</h4>
            <p>{ P::ConfirmWill.get(lang) }</p>
            <ul data-testid="erase-list">
                <li>{ identity.get(lang) }</li>
                { for words::summary_lines(lang, &p.summary).into_iter().map(|l| html! { <li>{ l }</li> }) }
            </ul>
            if p.person.kind == ErasedKind::Leader {
                <p><strong>{ P::ConfirmLeader.get(lang) }</strong></p>
            }
            if mentions > 0 {
                <p data-testid="erase-mentions">{ words::mentions(lang, mentions) }</p>
            }
            <p>{ P::ConfirmFinal.get(lang) }</p>
            <p class="hint">{ P::ConfirmTombstone.get(lang) }</p>
            <div class="button-row">
                <button type="button" class="button" onclick={export(false)}>{ P::ExportJson.get(lang) }</button>
                <button type="button" class="button" onclick={export(true)}>{ P::ExportCsv.get(lang) }</button>
            </div>
            <div class="button-row privacy-confirm-actions">
                <button type="button" class="button button-danger-solid" onclick={erase} data-testid="erase-everywhere-yes">{ words::erase_button(lang, &name) }</button>
                <button type="button" class="button" onclick={cancel}>{ P::Cancel.get(lang) }</button>
            </div>
        </div>
    }
}
