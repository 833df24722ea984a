//! The decision report, designed to print (A4, `styles/report.css`): for one candidate, or for
//! every candidate of a campaign, a cover, a one-page summary (the compatibility picture at a
//! glance and the points to discuss), then the sessions, the debriefs, the ratings and their
//! agreement, the working-together indices, the self-assessments, the profile balance, the
//! decision record, and the method and provenance of every figure. The sections are the
//! compatibility page's, in print mode (no on-screen links, no save buttons); the
//! self-assessments are the results page's cards.

use crate::domain::assessment::results::{candidate_results, SUPPORT_AXIS_PROFILE};
use crate::domain::campaign::{Campaign, Person};
use crate::domain::compatibility::{picture, Picture, ProfileContext};
use crate::domain::fieldwork::Fieldwork;
use crate::domain::i18n::compatibility::{self as cp, Cp};
use crate::domain::i18n::decision::{self as dc, Dc};
use crate::domain::i18n::picture::{self as pc, Pc};
use crate::domain::i18n::results::Res;
use crate::domain::i18n::{self, T};
use crate::domain::lang::Lang;
use crate::domain::survey::invitation::respondent;
use crate::platform::{clock, dom};
use crate::ui::recruiter::compatibility::{context, sessions, summary, Reading};
use crate::ui::recruiter::decision_record::{current_line, history_list};
use crate::ui::recruiter::results::construct_card;
use crate::ui::shell::fieldwork::use_fieldwork;
use crate::ui::shell::router::*;
use crate::ui::shell::routes::Route;
use crate::ui::shell::state::use_app;
use uuid::Uuid;
use yew::prelude::*;

mod method;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub id: String,
    /// One candidate; `None` for every candidate of the campaign.
    #[prop_or_default]
    pub candidate: Option<String>,
}

/// A section of the report: its title (an `h2`) and body.
fn section(class: &'static str, title: &str, body: Html) -> Html {
    html! {
        <section class={classes!("rp-section", class)}>
            <h2 class="rp-title">{ title.to_owned() }</h2>
            { body }
        </section>
    }
}

/// The cover: what the report is about, and when it was printed.
fn cover(lang: Lang, c: &Campaign, candidate: Option<&Person>) -> Html {
    let mediators = c
        .mediators
        .iter()
        .map(|m| m.name.clone())
        .collect::<Vec<_>>()
        .join(", ");
    let leader = if c.leader.title.trim().is_empty() {
        c.leader.name.clone()
    } else {
        format!("{}, {}", c.leader.name, c.leader.title)
    };
    let sessions = c.sessions.iter().enumerate().map(|(k, s)| {
        let mut line = i18n::session_title(lang, k + 1);
        if let Some(d) = s.date {
            line.push_str(&format!(" · {}", i18n::date(lang, d)));
        }
        if !s.topic.trim().is_empty() {
            line.push_str(&format!(" · {}", s.topic.trim()));
        }
        html! { <li>{ line }</li> }
    });
    let row = |label: Dc, value: Html| {
        html! { <div class="rp-cover-row"><dt>{ label.get(lang) }</dt><dd>{ value }</dd></div> }
    };
    let decisions = match candidate {
        Some(p) => row(Dc::CoverDecision, current_line(lang, c, p.id)),
        None => row(
            Dc::CoverCandidates,
            html! {
                <ul class="rp-cover-list">
                    { for c.candidates.iter().map(|p| html! { <li><strong>{ p.name.clone() }</strong>{ " — " }{ current_line(lang, c, p.id) }</li> }) }
                </ul>
            },
        ),
    };
    html! {
        <section class="rp-cover">
            <p class="rp-kicker">{ T::AppName.get(lang) }</p>
            <h1 class="rp-cover-title">
                { if candidate.is_some() { Dc::ReportTitle.get(lang) } else { Dc::ReportCampaignTitle.get(lang) } }
                if let Some(p) = candidate { <span class="rp-cover-name">{ p.name.clone() }</span> }
            </h1>
            if c.sample { <p class="rp-sample">{ Pc::SampleNote.get(lang) }</p> }
            <dl class="rp-cover-facts">
                if let Some(p) = candidate { { row(Dc::CoverCandidate, html! { { p.name.clone() } }) } }
                { row(Dc::CoverCampaign, html! { { c.name.clone() } }) }
                { row(Dc::CoverRole, html! { { c.role.name.get(lang).to_owned() } }) }
                { row(Dc::CoverLeader, html! { { leader } }) }
                { row(Dc::CoverMediators, html! { { mediators } }) }
                { row(Dc::CoverSessions, html! { <ul class="rp-cover-list">{ for sessions }</ul> }) }
                { decisions }
                { row(Dc::CoverPrinted, html! { { i18n::date_time(lang, clock::local(clock::now())) } }) }
            </dl>
            <p class="rp-cover-intro">{ Dc::ReportIntro.get(lang) }</p>
        </section>
    }
}

/// Everything about one candidate, after the cover.
fn candidate_body(
    lang: Lang,
    c: &Campaign,
    person: &Person,
    pic: &Picture,
    fieldwork: &Fieldwork,
    heading: bool,
) -> Html {
    let r = Reading {
        lang,
        campaign: c,
        candidate: person,
        picture: pic,
        print: true,
    };
    let current = fieldwork.current_responses(c.id);
    let res = candidate_results(c, &current, person.id);
    let names = {
        let c = c.clone();
        move |id: Uuid| respondent(&c, id).map(|(name, _)| name).unwrap_or_default()
    };
    let self_cards: Vec<Html> = res
        .constructs
        .iter()
        .filter(|x| x.construct != SUPPORT_AXIS_PROFILE)
        .map(|x| construct_card(lang, x, &names, &c.role, None))
        .collect();
    let balance_card = res
        .constructs
        .iter()
        .find(|x| x.construct == SUPPORT_AXIS_PROFILE)
        .map(|x| construct_card(lang, x, &names, &c.role, res.profile.as_ref()));
    let balance = match (&pic.context.profile, balance_card) {
        (ProfileContext::NotPlanned, _) => {
            html! { <p class="hint">{ Cp::ProfileNotPlanned.get(lang) }</p> }
        }
        (_, Some(card)) => card,
        (ProfileContext::NotAnswered, None) => {
            html! { <p class="cp-none">{ cp::missing(lang, c, &crate::domain::compatibility::Missing::Profile) }</p> }
        }
        (_, None) => {
            html! { <p class="cp-none">{ cp::missing(lang, c, &crate::domain::compatibility::Missing::ProfileUnreadable) }</p> }
        }
    };
    html! {
        <div class="rp-candidate">
            if heading {
                <h2 class="rp-candidate-name">{ pc::title(lang, &person.name) }</h2>
            }
            <section class="rp-section rp-summary">
                <h2 class="rp-title">{ Dc::SummaryTitle.get(lang) }</h2>
                { summary::at_a_glance(&r) }
                { summary::points(&r) }
            </section>
            { section("rp-sessions", Dc::SessionsTitle.get(lang), sessions::strip_only(&r)) }
            { section("rp-debriefs", Dc::DebriefsTitle.get(lang), html! {
                <>
                    { sessions::debriefs_only(&r) }
                    <p class="cp-lead-sentence">{ cp::convergence(lang, pic.convergence()) }</p>
                    { sessions::convergence_charts(&r) }
                </>
            }) }
            { section("rp-ratings", Dc::RatingsTitle.get(lang), sessions::ratings_only(&r)) }
            { section("rp-indices", Dc::IndicesTitle.get(lang), sessions::working_only(&r)) }
            { section("rp-self", Dc::SelfTitle.get(lang), html! {
                <>
                    <p class="hint">{ Cp::ContextIntro.get(lang) }</p>
                    if self_cards.is_empty() {
                        <p class="cp-none">{ Res::Nothing.get(lang) }</p>
                    }
                    { for self_cards }
                    { context::blind_spots_only(&r) }
                </>
            }) }
            { section("rp-balance", Dc::BalanceTitle.get(lang), balance) }
            { section("rp-record", Dc::RecordTitle.get(lang), history_list(lang, c, person.id)) }
            { section("rp-method", Dc::MethodTitle.get(lang), method::method(&r, fieldwork)) }
        </div>
    }
}

#[function_component(Report)]
pub fn report(p: &Props) -> Html {
    let app = use_app();
    let fw = use_fieldwork();
    let lang = app.lang;
    let campaign = Uuid::parse_str(&p.id)
        .ok()
        .and_then(|id| app.workspace().campaign(id).cloned());
    let Some(c) = campaign else {
        return html! {
            <section class="page">
                <h1>{ T::NotFoundTitle.get(lang) }</h1>
                <p>{ T::CampaignNotFound.get(lang) }</p>
                <Link to={Route::Home} classes="button">{ T::BackToCampaigns.get(lang) }</Link>
            </section>
        };
    };
    let one: Option<Person> = match &p.candidate {
        Some(id) => {
            let Some(person) = Uuid::parse_str(id)
                .ok()
                .and_then(|id| c.candidates.iter().find(|x| x.id == id).cloned())
            else {
                return html! {
                    <section class="page">
                        <h1>{ T::NotFoundTitle.get(lang) }</h1>
                        <p>{ Pc::NotFound.get(lang) }</p>
                        <Link to={Route::Campaign { id: c.id.to_string() }} classes="button">{ c.name.clone() }</Link>
                    </section>
                };
            };
            Some(person)
        }
        None => None,
    };
    let people: Vec<Person> = match &one {
        Some(person) => vec![person.clone()],
        None => c.candidates.clone(),
    };
    let bodies = people.iter().filter_map(|person| {
        let pic = picture(&c, &fw.fieldwork, person.id)?;
        Some(candidate_body(
            lang,
            &c,
            person,
            &pic,
            &fw.fieldwork,
            one.is_none(),
        ))
    });
    let on_print = Callback::from(|_| dom::print());
    let back = match &one {
        Some(person) => Route::Compatibility {
            id: c.id.to_string(),
            candidate: person.id.to_string(),
        },
        None => Route::Campaign {
            id: c.id.to_string(),
        },
    };
    let back_text = match &one {
        Some(person) => pc::compatibility_of(lang, &person.name),
        None => c.name.clone(),
    };
    html! {
        <div class="page rp-page">
            <div class="rp-toolbar no-print">
                <nav class="breadcrumb" aria-label={Pc::Back.get(lang)}>
                    <Link to={back}>{ format!("← {back_text}") }</Link>
                </nav>
                <div class="button-row">
                    <button type="button" class="button button-primary" onclick={on_print} data-testid="print-report">{ Pc::Print.get(lang) }</button>
                    <p class="hint">{ Dc::PrintHint.get(lang) }</p>
                </div>
            </div>
            <article class="rp-document" aria-label={dc::running_title(lang, &c.name, one.as_ref().map(|p| p.name.as_str()))}>
                { cover(lang, &c, one.as_ref()) }
                if people.is_empty() {
                    <p class="cp-none">{ Dc::NoCandidates.get(lang) }</p>
                }
                { for bodies }
            </article>
        </div>
    }
}
