//! "Data kept past its date", on the home page (only when there is some) and in Settings
//! (always): every campaign past its keep-until date and every person whose answers were
//! promised a date that has passed, and one action, behind a confirmation, that erases it all
//! (`privacy::erase_overdue`).

use crate::domain::i18n::privacy::{self as words, P};
use crate::domain::privacy::{erase_overdue, overdue, person, Overdue};
use crate::platform::clock;
use crate::ui::shell::fieldwork::{replace, use_fieldwork};
use crate::ui::shell::router::*;
use crate::ui::shell::routes::Route;
use crate::ui::shell::state::{use_app, Msg, Notice};
use crate::ui::widgets::export_all_button::ExportAllButton;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// Shown even when nothing is overdue (Settings); otherwise hidden then (home).
    #[prop_or_default]
    pub always: bool,
}

#[function_component(OverdueData)]
pub fn overdue_data(p: &Props) -> Html {
    let app = use_app();
    let fw = use_fieldwork();
    let lang = app.lang;
    let asking = use_state(|| false);
    if !fw.ready {
        return Html::default();
    }
    let campaigns = &app.workspace().campaigns;
    let today = clock::local(clock::now()).date();
    let due = overdue(campaigns, &fw.fieldwork, today);
    if due.is_empty() && !p.always {
        return Html::default();
    }
    let items = due.iter().filter_map(|d| {
        let c = campaigns.iter().find(|c| c.id == d.campaign())?;
        let text = match d {
            Overdue::Campaign {
                keep_until,
                people,
                records,
                ..
            } => words::overdue_campaign(lang, &c.name, *keep_until, *people, *records),
            Overdue::Answers {
                person: who,
                keep_until,
                ..
            } => {
                let name = person(c, *who).map_or_else(|| who.to_string(), |p| p.name);
                words::overdue_answers(lang, &c.name, &name, *keep_until)
            }
        };
        Some(html! {
            <li>
                <Link to={Route::Campaign { id: c.id.to_string() }}>{ text }</Link>
            </li>
        })
    });
    let ask = {
        let asking = asking.clone();
        Callback::from(move |_| asking.set(true))
    };
    let cancel = {
        let asking = asking.clone();
        Callback::from(move |_| asking.set(false))
    };
    let erase = {
        let (app, fw, asking) = (app.clone(), fw.clone(), asking.clone());
        Callback::from(move |_| {
            let now = clock::now();
            let today = clock::local(now).date();
            if let Some(done) = erase_overdue(&app.workspace().campaigns, &fw.fieldwork, today, now)
            {
                app.dispatch(Msg::Do {
                    action: done.action,
                    now,
                    notice: None,
                });
                replace(&fw, done.fieldwork);
                app.dispatch(Msg::Notify(Notice::OverdueErased {
                    campaigns: done.campaigns,
                    people: done.people,
                    answers_of: done.answers_of,
                    summary: done.summary,
                }));
            }
            asking.set(false);
        })
    };
    // What the erasure would remove, worked out only while asking.
    let preview = asking
        .then(|| erase_overdue(campaigns, &fw.fieldwork, today, clock::now()))
        .flatten();
    html! {
        <section class={classes!("card", "overdue-data", (!due.is_empty()).then_some("has-overdue"))}
            aria-labelledby="overdue-title" data-testid="overdue-data">
            <h2 id="overdue-title">{ P::OverdueTitle.get(lang) }</h2>
            if due.is_empty() {
                <p class="empty-line" data-testid="overdue-none">{ P::OverdueNone.get(lang) }</p>
            } else {
                <p>{ P::OverdueIntro.get(lang) }</p>
                <ul class="overdue-list" data-testid="overdue-list">{ for items }</ul>
                if let Some(done) = preview {
                    <div class="erase-confirm privacy-confirm" role="group" aria-labelledby="overdue-confirm-title" data-testid="overdue-confirm">
                        <h3 id="overdue-confirm-title">{ P::EraseOverdueYes.get(lang) }</h3>
                        <p>{ P::ConfirmWill.get(lang) }</p>
                        <ul data-testid="overdue-confirm-list">
                            { for words::overdue_people(lang, done.people, done.answers_of)
                                .into_iter()
                                .chain(words::summary_lines(lang, &done.summary))
                                .map(|l| html! { <li>{ l }</li> }) }
                        </ul>
                        if done.campaigns > 0 {
                            <p>{ P::OverdueConfirmCampaigns.get(lang) }</p>
                        }
                        <p>{ P::OverdueConfirmFinal.get(lang) }</p>
                        <div class="button-row"><ExportAllButton /></div>
                        <div class="button-row privacy-confirm-actions">
                            <button type="button" class="button button-danger-solid" onclick={erase} data-testid="overdue-erase-yes">{ P::EraseOverdueYes.get(lang) }</button>
                            <button type="button" class="button" onclick={cancel}>{ P::Cancel.get(lang) }</button>
                        </div>
                    </div>
                } else {
                    <button type="button" class="button button-danger" onclick={ask} data-testid="overdue-erase">{ P::EraseOverdue.get(lang) }</button>
                }
            }
        </section>
    }
}
