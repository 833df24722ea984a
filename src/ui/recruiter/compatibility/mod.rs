//! The compatibility picture of one candidate with the leader, and the sections it shares with
//! the decision report: at a glance (the summaries and their rule), the points to discuss with
//! their evidence, session by session (ratings and agreement, working-together indices, both
//! debriefs), whether the debriefs converge, the context, and the decision. Every figure comes
//! from `domain::compatibility::picture`; this folder only lays it out, one file per section.

use crate::domain::campaign::{Campaign, Person};
use crate::domain::compatibility::{picture, Picture, SessionRef};
use crate::domain::i18n::compatibility::Cp;
use crate::domain::i18n::decision::Dc;
use crate::domain::i18n::picture::{self as pc, Pc};
use crate::domain::i18n::{self, T};
use crate::domain::lang::Lang;
use crate::ui::recruiter::decision_record::{CurrentDecision, DecisionRecord, History};
use crate::ui::recruiter::fieldwork_section::mediator_name;
use crate::ui::shell::fieldwork::use_fieldwork;
use crate::ui::shell::router::*;
use crate::ui::shell::routes::Route;
use crate::ui::shell::state::use_app;
use uuid::Uuid;
use yew::prelude::*;

pub mod context;
pub mod sessions;
pub mod summary;

/// What every section reads: the language, the campaign, the candidate and their picture.
pub struct Reading<'a> {
    pub lang: Lang,
    pub campaign: &'a Campaign,
    pub candidate: &'a Person,
    pub picture: &'a Picture,
    /// True in the printed report: no links that only work on screen, no save buttons.
    pub print: bool,
}

impl Reading<'_> {
    /// A mediator's name.
    pub fn mediator(&self, id: Uuid) -> String {
        mediator_name(self.lang, self.campaign, id)
    }

    /// The analysis of a session held with this candidate.
    pub fn session_route(&self, s: SessionRef) -> Route {
        Route::SessionAnalysisWith {
            id: self.campaign.id.to_string(),
            session: s.id.to_string(),
            candidate: self.candidate.id.to_string(),
        }
    }

    /// This candidate's self-assessment results.
    pub fn results_route(&self) -> Route {
        Route::Results {
            id: self.campaign.id.to_string(),
            person: self.candidate.id.to_string(),
        }
    }

    /// "Session 2 · 3 December 2026", from the campaign's plan.
    pub fn session_head(&self, s: SessionRef) -> String {
        let date = self
            .campaign
            .sessions
            .iter()
            .find(|w| w.id == s.id)
            .and_then(|w| w.date)
            .map(|d| i18n::date(self.lang, d));
        pc::session_head(self.lang, s, date.as_deref())
    }

    /// An element id unique to this candidate (a campaign report holds several).
    pub fn id(&self, base: &str) -> String {
        format!("{base}-{}", self.candidate.id)
    }

    /// A section's heading: an `h2` on the page, an `h3` in the report (where the section sits
    /// under one of the report's own titles).
    pub fn heading(&self, id: &str, text: &str) -> Html {
        if self.print {
            html! { <h3 id={id.to_owned()}>{ text.to_owned() }</h3> }
        } else {
            html! { <h2 id={id.to_owned()}>{ text.to_owned() }</h2> }
        }
    }

    /// A link to a session's analysis (plain text in print).
    pub fn session_link(&self, s: SessionRef, text: String) -> Html {
        if self.print {
            return html! { { text } };
        }
        html! { <Link to={self.session_route(s)}>{ text }</Link> }
    }
}

/// A campaign and one of its candidates, from the route's ids.
pub fn find(app_campaigns: &[Campaign], id: &str, candidate: &str) -> Option<(Campaign, Person)> {
    let id = Uuid::parse_str(id).ok()?;
    let c = app_campaigns.iter().find(|c| c.id == id)?;
    let who = Uuid::parse_str(candidate).ok()?;
    let person = c.candidates.iter().find(|p| p.id == who)?.clone();
    Some((c.clone(), person))
}

/// The "sample data" badge of a campaign made by "Explore with sample data".
pub fn sample_badge(lang: Lang, c: &Campaign) -> Html {
    if c.sample {
        html! { <span class="badge badge-sample" title={Pc::SampleNote.get(lang)}>{ Dc::SampleBadge.get(lang) }</span> }
    } else {
        html! {}
    }
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub id: String,
    pub candidate: String,
}

#[function_component(Compatibility)]
pub fn compatibility(p: &Props) -> Html {
    let app = use_app();
    let fw = use_fieldwork();
    let lang = app.lang;
    let found = find(&app.workspace().campaigns, &p.id, &p.candidate);
    let Some((c, person)) = found else {
        return html! {
            <section class="page">
                <h1>{ T::NotFoundTitle.get(lang) }</h1>
                <p class="empty-line" role="alert">{ Pc::NotFound.get(lang) }</p>
                <Link to={Route::Home} classes="button">{ T::BackToCampaigns.get(lang) }</Link>
            </section>
        };
    };
    let Some(pic) = picture(&c, &fw.fieldwork, person.id) else {
        return html! {};
    };
    let r = Reading {
        lang,
        campaign: &c,
        candidate: &person,
        picture: &pic,
        print: false,
    };
    let report = Route::Report {
        id: c.id.to_string(),
        candidate: person.id.to_string(),
    };
    html! {
        <article class="page cp-page">
            <nav class="breadcrumb" aria-label={Pc::Back.get(lang)}>
                <Link to={Route::Campaign { id: c.id.to_string() }}>{ format!("← {}", c.name) }</Link>
            </nav>
            <header class="page-head">
                <div>
                    <h1>{ pc::title(lang, &person.name) }</h1>
                    <p class="meta">
                        { sample_badge(lang, &c) }
                        <span>{ format!("{} · {} · {}", c.name, c.role.name.get(lang), c.leader.name) }</span>
                    </p>
                    <CurrentDecision campaign={c.clone()} candidate={person.id} />
                </div>
                <div class="button-row no-print">
                    <Link to={report} classes="button">{ Dc::DecisionReport.get(lang) }</Link>
                    <Link to={r.results_route()} classes="button button-quiet">{ Pc::EvidenceResults.get(lang) }</Link>
                </div>
            </header>
            <p class="lede">{ Cp::Intro.get(lang) }</p>
            { summary::at_a_glance(&r) }
            { summary::points(&r) }
            { sessions::sessions(&r) }
            { sessions::convergence(&r) }
            { context::context(&r) }
            <section class="card cp-decision" aria-labelledby="cp-decision-title">
                <h2 id="cp-decision-title">{ Dc::DecisionTitle.get(lang) }</h2>
                <DecisionRecord campaign={c.clone()} candidate={person.id} />
                <History campaign={c.clone()} candidate={person.id} />
            </section>
        </article>
    }
}
