//! A campaign's information notice (GDPR art. 13–14): who processes the data, why, what and
//! about whom, who sees it, how long it is kept, the rights and how to use them, the complaint
//! to the CNIL — filled from the campaign and the organisation entered in Settings, in the
//! page's language, and printable ("Save as PDF" gives the document to hand out). The
//! processing record (art. 30) is one click away.

use crate::domain::i18n::privacy::{self as words, P};
use crate::domain::privacy::notice_facts;
use crate::platform::dom;
use crate::ui::recruiter::controller_form::load_controller;
use crate::ui::recruiter::privacy_section::export_record;
use crate::ui::shell::fieldwork::use_fieldwork;
use crate::ui::shell::router::*;
use crate::ui::shell::routes::Route;
use crate::ui::shell::state::use_app;
use uuid::Uuid;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub id: String,
}

#[function_component(CampaignNotice)]
pub fn campaign_notice(p: &Props) -> Html {
    let app = use_app();
    let fw = use_fieldwork();
    let lang = app.lang;
    let found = Uuid::parse_str(&p.id)
        .ok()
        .and_then(|id| app.workspace().campaign(id).cloned());
    let Some(c) = found else {
        return html! {
            <section class="page">
                <h1>{ P::OpenNotice.get(lang) }</h1>
                <p class="empty-line" role="alert">{ P::NotFound.get(lang) }</p>
            </section>
        };
    };
    let controller = load_controller();
    let facts = notice_facts(&c, &fw.fieldwork, &controller);
    let on_print = Callback::from(|_| dom::print());
    let on_record = {
        let (c, fw, app) = (c.clone(), fw.clone(), app.clone());
        Callback::from(move |_| export_record(&c, &fw.fieldwork, app.lang))
    };
    html! {
        <article class="page notice-page" data-testid="notice-page">
            <nav class="breadcrumb" aria-label={P::BackToCampaign.get(lang)}>
                <Link to={Route::Campaign { id: c.id.to_string() }}>{ format!("← {}", c.name) }</Link>
            </nav>
            <header class="page-head">
                <h1>{ words::notice_title(lang, &facts) }</h1>
                <div class="button-row no-print">
                    <button type="button" class="button button-primary" onclick={on_print}>{ P::Print.get(lang) }</button>
                    <button type="button" class="button" onclick={on_record}>{ P::ExportRecord.get(lang) }</button>
                </div>
            </header>
            if !controller.is_complete() {
                <div class="banner banner-info no-print" role="note" data-testid="notice-missing">
                    <p>{ P::ControllerMissing.get(lang) }</p>
                    <Link to={Route::Settings} classes="button">{ P::GoToSettings.get(lang) }</Link>
                </div>
            }
            <p class="hint no-print">{ P::NoticeCheck.get(lang) }</p>
            { for words::notice(lang, &facts).into_iter().enumerate().map(|(i, s)| {
                let id = format!("notice-{i}");
                html! {
                    <section class="notice-section" aria-labelledby={id.clone()}>
                        <h2 {id}>{ s.title }</h2>
                        { for s.paragraphs.into_iter().map(|t| html! { <p>{ t }</p> }) }
                        if !s.items.is_empty() {
                            <ul>{ for s.items.into_iter().map(|t| html! { <li>{ t }</li> }) }</ul>
                        }
                        { for s.after.into_iter().map(|t| html! { <p>{ t }</p> }) }
                    </section>
                }
            }) }
        </article>
    }
}
