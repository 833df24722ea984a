//! The campaign page's card for the decision: per candidate, the current decision and the way
//! to their compatibility picture and decision report; for the campaign, the comparison of
//! candidates and the report of every candidate.

use crate::domain::campaign::Campaign;
use crate::domain::i18n::decision::Dc;
use crate::ui::recruiter::decision_record::current_line;
use crate::ui::shell::router::*;
use crate::ui::shell::routes::Route;
use crate::ui::shell::state::use_app;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub campaign: Campaign,
}

#[function_component(DecisionSection)]
pub fn decision_section(p: &Props) -> Html {
    let lang = use_app().lang;
    let c = &p.campaign;
    let id = c.id.to_string();
    let rows = c.candidates.iter().map(|person| {
        let compat = Route::Compatibility {
            id: id.clone(),
            candidate: person.id.to_string(),
        };
        let report = Route::Report {
            id: id.clone(),
            candidate: person.id.to_string(),
        };
        html! {
            <tr key={person.id.to_string()} data-testid="decision-row">
                <th scope="row">{ person.name.clone() }</th>
                <td data-label={Dc::ColDecision.get(lang)}>{ current_line(lang, c, person.id) }</td>
                <td data-label={Dc::ColLinks.get(lang)}>
                    <ul class="dc-links">
                        <li><Link to={compat}>{ Dc::Compatibility.get(lang) }<span class="visually-hidden">{ format!(" — {}", person.name) }</span></Link></li>
                        <li><Link to={report}>{ Dc::DecisionReport.get(lang) }<span class="visually-hidden">{ format!(" — {}", person.name) }</span></Link></li>
                    </ul>
                </td>
            </tr>
        }
    });
    html! {
        <section class="card dc-section" aria-labelledby="dc-section-title">
            <div class="dc-section-head">
                <h2 id="dc-section-title">{ Dc::CardTitle.get(lang) }</h2>
                if c.candidates.len() >= 2 {
                    <div class="button-row">
                        <Link to={Route::Compare { id: id.clone() }} classes="button">{ Dc::Compare.get(lang) }</Link>
                        <Link to={Route::CampaignReport { id: id.clone() }} classes="button button-quiet">{ Dc::CampaignReport.get(lang) }</Link>
                    </div>
                }
            </div>
            <p class="hint">{ Dc::CardIntro.get(lang) }</p>
            if c.candidates.is_empty() {
                <p class="empty-line">{ Dc::NoCandidates.get(lang) }</p>
            } else {
                <div class="table-wrap">
                    <table class="campaign-table dc-table">
                        <caption class="visually-hidden">{ Dc::CardTitle.get(lang) }</caption>
                        <thead>
                            <tr>
                                <th scope="col">{ Dc::ColCandidate.get(lang) }</th>
                                <th scope="col">{ Dc::ColDecision.get(lang) }</th>
                                <th scope="col">{ Dc::ColLinks.get(lang) }</th>
                            </tr>
                        </thead>
                        <tbody>{ for rows }</tbody>
                    </table>
                </div>
            }
        </section>
    }
}
