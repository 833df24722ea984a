//! "Erase this data…": the right to erasure for one person's answers in a campaign
//! (self-assessments, observer forms and debriefs given by or about them), behind a
//! confirmation. The core decides what goes and records it (`privacy::erase_answers`), so
//! that a file imported again does not bring the answers back; erasing the person everywhere
//! is on the campaign page (`privacy_section`).

use crate::domain::i18n::survey::S;
use crate::domain::privacy::erase_answers;
use crate::domain::workspace::Action;
use crate::platform::clock;
use crate::ui::shell::fieldwork::use_fieldwork;
use crate::ui::shell::state::{use_app, Msg, Notice};
use uuid::Uuid;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub campaign: Uuid,
    pub person: Uuid,
    pub name: AttrValue,
    /// Called after the erasure (e.g. to leave a page that no longer has data).
    #[prop_or_default]
    pub on_done: Callback<()>,
}

#[function_component(ErasePerson)]
pub fn erase_person(p: &Props) -> Html {
    let app = use_app();
    let fw = use_fieldwork();
    let lang = app.lang;
    let asking = use_state(|| false);
    let label = crate::domain::i18n::action_on(lang, S::Erase.get(lang), &p.name);
    let ask = {
        let asking = asking.clone();
        Callback::from(move |_| asking.set(true))
    };
    let cancel = {
        let asking = asking.clone();
        Callback::from(move |_| asking.set(false))
    };
    let erase = {
        let (fw, app, asking) = (fw.clone(), app.clone(), asking.clone());
        let (campaign, person, name, done) =
            (p.campaign, p.person, p.name.to_string(), p.on_done.clone());
        Callback::from(move |_| {
            let now = clock::now();
            let count = match app.workspace().campaign(campaign) {
                Some(c) => match erase_answers(c, &fw.fieldwork, person, now) {
                    Ok(e) => {
                        app.dispatch(Msg::Do {
                            action: Action::Campaign {
                                id: campaign,
                                action: e.action,
                            },
                            now,
                            notice: None,
                        });
                        crate::ui::shell::fieldwork::replace(&fw, e.fieldwork);
                        e.summary.answers + e.summary.debriefs
                    }
                    // No longer a person of the campaign: their answers go all the same.
                    Err(_) => {
                        let (next, count) = fw.fieldwork.erase_person(campaign, person);
                        crate::ui::shell::fieldwork::replace(&fw, next);
                        count
                    }
                },
                None => 0,
            };
            asking.set(false);
            app.dispatch(Msg::Notify(Notice::Erased {
                name: name.clone(),
                count,
            }));
            done.emit(());
        })
    };
    html! {
        <div class="erase-person">
            if *asking {
                <div class="erase-confirm" role="group" aria-label={label.clone()}>
                    <p><strong>{ S::EraseConfirm.get(lang) }</strong></p>
                    <div class="button-row">
                        <button type="button" class="button button-danger" onclick={erase} data-testid="erase-yes">{ S::EraseYes.get(lang) }</button>
                        <button type="button" class="button" onclick={cancel}>{ S::Cancel.get(lang) }</button>
                    </div>
                </div>
            } else {
                <button type="button" class="button button-danger" onclick={ask} aria-label={label}>{ S::Erase.get(lang) }</button>
            }
        </div>
    }
}
