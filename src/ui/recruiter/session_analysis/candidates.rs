//! A session without a candidate in its address (`#/campaign/…/session/…`): each candidate
//! holds every session with the leader, so the analysis is of one candidate's session. With
//! one candidate, the page goes straight on to theirs (replacing the address, so "Back" does
//! not bounce); with several, it lists them with what was received for each.

use super::not_found;
use crate::domain::i18n;
use crate::domain::i18n::analysis::{self as an, A};
use crate::domain::i18n::reading::{self as rd, V};
use crate::domain::observation::report::received;
use crate::ui::shell::fieldwork::use_fieldwork;
use crate::ui::shell::router::*;
use crate::ui::shell::routes::Route;
use crate::ui::shell::state::use_app;
use uuid::Uuid;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub id: String,
    pub session: String,
}

#[function_component(SessionCandidates)]
pub fn session_candidates(p: &Props) -> Html {
    let app = use_app();
    let fieldwork = use_fieldwork();
    let navigator = use_navigator().expect("inside the router");
    let lang = app.lang;
    let campaign = Uuid::parse_str(&p.id)
        .ok()
        .and_then(|id| app.workspace().campaign(id).cloned());
    let session = campaign.as_ref().and_then(|c| {
        Uuid::parse_str(&p.session)
            .ok()
            .and_then(|sid| c.sessions.iter().position(|s| s.id == sid))
    });
    // The only candidate: straight on to their session.
    let only = match (&campaign, session) {
        (Some(c), Some(k)) if c.candidates.len() == 1 => Some(Route::SessionAnalysisWith {
            id: c.id.to_string(),
            session: c.sessions[k].id.to_string(),
            candidate: c.candidates[0].id.to_string(),
        }),
        _ => None,
    };
    use_effect_with(only.clone(), move |only| {
        if let Some(route) = only {
            navigator.replace(route);
        }
    });
    let Some(c) = campaign else {
        return not_found(lang, None, A::CampaignNotFound.get(lang));
    };
    let Some(index) = session else {
        return not_found(lang, Some(&c), A::SessionNotFound.get(lang));
    };
    if only.is_some() {
        return html! {};
    }
    let s = &c.sessions[index];
    let n = index + 1;
    let merged = &fieldwork.fieldwork.observations;
    let unattributed = received(merged, &c, s.id, None).len()
        > c.candidates
            .iter()
            .map(|p| received(merged, &c, s.id, Some(p.id)).len())
            .sum::<usize>();
    let items = c.candidates.iter().map(|cand| {
        // Observations, not versions: one received in several versions counts once.
        let mut ids: Vec<Uuid> = received(merged, &c, s.id, Some(cand.id))
            .iter()
            .map(|r| r.observation.id)
            .collect();
        ids.dedup();
        let count = ids.len();
        let to = Route::SessionAnalysisWith {
            id: c.id.to_string(),
            session: s.id.to_string(),
            candidate: cand.id.to_string(),
        };
        html! {
            <li class="an-candidate">
                <Link {to} classes="button">
                    <span aria-hidden="true">{ cand.name.clone() }</span>
                    <span class="visually-hidden">{ rd::analyse_session_with(lang, n, &cand.name) }</span>
                </Link>
                <span class="hint">{ rd::received_count(lang, count) }</span>
            </li>
        }
    });
    let date = s.date.map(|d| i18n::date(lang, d));
    html! {
        <article class="page an-page">
            <p class="breadcrumb">
                <Link to={Route::Campaign { id: c.id.to_string() }}>{ format!("← {}", c.name) }</Link>
            </p>
            <div class="page-head">
                <div>
                    <h1>{ an::analysis_title(lang, n) }</h1>
                    <p class="lede">{ an::session_line(lang, n, date.as_deref(), &s.topic) }</p>
                </div>
            </div>
            <section class="card">
                if c.candidates.is_empty() {
                    <p class="empty-line">{ V::NoCandidate.get(lang) }</p>
                } else {
                    <p>{ V::ChooseCandidate.get(lang) }</p>
                    <ul class="an-candidates">{ for items }</ul>
                }
                if unattributed {
                    <p class="hint">{ V::Unattributed.get(lang) }</p>
                }
            </section>
        </article>
    }
}
