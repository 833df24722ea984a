//! The campaign page's "Personal data" card: how long the data is kept (editable) and until
//! when; every person (the leader, the candidates, the mediators) with what the campaign holds
//! about them, the export of their data (JSON, CSV) and their erasure everywhere; the erasures
//! recorded; the information notice and the processing record.

use crate::domain::campaign::{Campaign, CampaignAction};
use crate::domain::file::export_file_name;
use crate::domain::i18n;
use crate::domain::i18n::privacy::{self as words, P};
use crate::domain::lang::Lang;
use crate::domain::privacy::concern::concerning;
use crate::domain::privacy::csv::person_data_csv;
use crate::domain::privacy::{notice_facts, people, person_data};
use crate::domain::workspace::Action;
use crate::platform::{clock, files};
use crate::ui::recruiter::controller_form::load_controller;
use crate::ui::recruiter::erase_everywhere::EraseEverywhere;
use crate::ui::shell::fieldwork::use_fieldwork;
use crate::ui::shell::router::*;
use crate::ui::shell::routes::Route;
use crate::ui::shell::state::{act, use_app};
use uuid::Uuid;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Downloads everything `campaign` and `fieldwork` hold about `person`, as JSON or CSV.
pub fn export_person(
    campaign: &Campaign,
    fieldwork: &crate::domain::fieldwork::Fieldwork,
    person: Uuid,
    lang: Lang,
    csv: bool,
) {
    let now = clock::now();
    let Some(data) = person_data(campaign, fieldwork, person, now) else {
        return;
    };
    let name = export_file_name(&format!("data {}", data.person.name), now);
    if csv {
        let name = format!("{}.csv", name.strip_suffix(".json").unwrap_or(&name));
        let _ = files::download(&name, &person_data_csv(&data, lang), "text/csv");
    } else {
        let _ = files::download(&name, &data.to_json(), "application/json");
    }
}

/// Downloads the campaign's entry of the record of processing activities (Markdown).
pub fn export_record(
    campaign: &Campaign,
    fieldwork: &crate::domain::fieldwork::Fieldwork,
    lang: Lang,
) {
    let now = clock::now();
    let facts = notice_facts(campaign, fieldwork, &load_controller());
    let text = words::processing_record(
        lang,
        &facts,
        clock::local(now).date(),
        env!("CARGO_PKG_VERSION"),
    );
    let name = export_file_name(&format!("record {}", campaign.name), now);
    let name = format!("{}.md", name.strip_suffix(".json").unwrap_or(&name));
    let _ = files::download(&name, &text, "text/markdown");
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub campaign: Campaign,
}

#[function_component(PrivacySection)]
pub fn privacy_section(p: &Props) -> Html {
    let app = use_app();
    let fw = use_fieldwork();
    let lang = app.lang;
    let c = &p.campaign;
    let asking = use_state(|| None::<Uuid>);
    let months_error = use_state(|| None::<String>);
    let months_draft = use_state(|| None::<String>);
    let today = clock::local(clock::now()).date();

    let on_months = {
        let (app, c, months_error, months_draft) = (
            app.clone(),
            c.clone(),
            months_error.clone(),
            months_draft.clone(),
        );
        Callback::from(move |e: Event| {
            let text = e.target_unchecked_into::<HtmlInputElement>().value();
            let months = match text.trim() {
                "" => Ok(None),
                t => t.parse::<u16>().map(Some),
            };
            let refused = crate::domain::campaign::CampaignError::BadRetention;
            let action = match months {
                Ok(months) => CampaignAction::SetRetention { months },
                Err(_) => {
                    months_error.set(Some(i18n::campaign_error(app.lang, &refused).to_owned()));
                    return;
                }
            };
            match c.apply(&action, clock::now()) {
                Ok(_) => {
                    months_error.set(None);
                    months_draft.set(None);
                    act(&app, Action::Campaign { id: c.id, action }, None);
                }
                Err(e) => months_error.set(Some(i18n::campaign_error(app.lang, &e).to_owned())),
            }
        })
    };

    // What is typed, until it is committed (the field shows it, not the stored value); a new
    // value starts afresh: the error was about the last one committed.
    let on_months_input = {
        let (months_error, months_draft) = (months_error.clone(), months_draft.clone());
        Callback::from(move |e: InputEvent| {
            months_draft.set(Some(e.target_unchecked_into::<HtmlInputElement>().value()));
            months_error.set(None);
        })
    };

    let rows = people(c).into_iter().map(|person| {
        let summary = concerning(c, &fw.fieldwork, &person).summary();
        let open = *asking == Some(person.id);
        let export = |csv: bool| {
            let (c, fw, app, id) = (c.clone(), fw.clone(), app.clone(), person.id);
            Callback::from(move |_| export_person(&c, &fw.fieldwork, id, app.lang, csv))
        };
        let toggle = {
            let (asking, id) = (asking.clone(), person.id);
            Callback::from(move |_| asking.set(if open { None } else { Some(id) }))
        };
        let close = {
            let asking = asking.clone();
            Callback::from(move |_| asking.set(None))
        };
        let name = person.name.clone();
        html! {
            <li key={person.id.to_string()} data-testid="privacy-person">
                <div class="privacy-person-head">
                    <strong>{ name.clone() }</strong>
                    <span class="badge">{ words::kind(lang, person.kind) }</span>
                    <span class="hint">{ words::summary(lang, &summary) }</span>
                </div>
                <div class="button-row">
                    <button type="button" class="button" onclick={export(false)}
                        aria-label={i18n::action_on(lang, P::ExportJson.get(lang), &name)}>{ P::ExportJson.get(lang) }</button>
                    <button type="button" class="button" onclick={export(true)}
                        aria-label={i18n::action_on(lang, P::ExportCsv.get(lang), &name)}>{ P::ExportCsv.get(lang) }</button>
                    <button type="button" class="button button-danger" onclick={toggle} aria-expanded={open.to_string()}
                        aria-label={i18n::action_on(lang, P::EraseEverywhere.get(lang), &name)}>{ P::EraseEverywhere.get(lang) }</button>
                </div>
                if open {
                    <EraseEverywhere campaign={c.clone()} person={person.clone()} {summary} on_close={close} />
                }
            </li>
        }
    });
    let months = (*months_draft)
        .clone()
        .unwrap_or_else(|| c.retention_months().to_string());
    let on_record = {
        let (c, fw, app) = (c.clone(), fw.clone(), app.clone());
        Callback::from(move |_| export_record(&c, &fw.fieldwork, app.lang))
    };
    let everyone = people(c);
    html! {
        <section class="card privacy-section" aria-labelledby="privacy-title" data-testid="privacy-section">
            <h2 id="privacy-title">{ P::SectionTitle.get(lang) }</h2>
            <p class="hint">{ P::SectionIntro.get(lang) }</p>

            <h3>{ P::RetentionTitle.get(lang) }</h3>
            <div class={classes!("field", "privacy-retention", months_error.is_some().then_some("has-error"))}>
                <label for="privacy-retention">{ P::RetentionLabel.get(lang) }</label>
                <input id="privacy-retention" type="number" min="1" max="120" step="1" inputmode="numeric" value={months}
                    onchange={on_months} oninput={on_months_input} aria-invalid={months_error.is_some().then_some("true")}
                    aria-describedby="privacy-retention-hint privacy-keep-until" />
                <p class="hint" id="privacy-retention-hint">{ P::RetentionHint.get(lang) }</p>
                if let Some(e) = &*months_error { <p class="field-error">{ e.clone() }</p> }
            </div>
            <p id="privacy-keep-until" class="privacy-keep-until" data-testid="keep-until">
                { words::keep_until_line(lang, c.retention_months(), c.ended_on(), c.keep_until(), today) }
            </p>

            <h3>{ P::PeopleTitle.get(lang) }</h3>
            if everyone.is_empty() {
                <p class="empty-line">{ P::NoPeople.get(lang) }</p>
            } else {
                <ul class="privacy-people">{ for rows }</ul>
            }

            if !c.erasures.is_empty() {
                <h3>{ P::ErasuresTitle.get(lang) }</h3>
                <p class="hint">{ P::ErasuresHint.get(lang) }</p>
                <ul class="privacy-erasures" data-testid="privacy-erasures">
                    { for c.erasures.iter().map(|e| html! { <li>{ words::erasure_line(lang, e) }</li> }) }
                </ul>
            }

            <h3>{ P::NoticeTitle.get(lang) }</h3>
            <p class="hint">{ P::NoticeIntro.get(lang) }</p>
            <div class="button-row">
                <Link to={Route::CampaignNotice { id: c.id.to_string() }} classes="button">{ P::OpenNotice.get(lang) }</Link>
                <button type="button" class="button" onclick={on_record}>{ P::ExportRecord.get(lang) }</button>
            </div>
        </section>
    }
}
