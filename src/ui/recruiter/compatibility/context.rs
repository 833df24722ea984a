//! The context beside the picture, "as context, not as a score": the soft-skill
//! self-assessments (with the observers' view), the blind spots and the profile's flags.

use super::Reading;
use crate::domain::compatibility::{Missing, ProfileContext};
use crate::domain::i18n::compatibility::{self as cp, Cp};
use crate::domain::i18n::picture::{self as pc, Pc};
use crate::domain::i18n::results::profile_flag;
use crate::domain::i18n::{number, results::quadrant};
use crate::ui::shell::router::*;
use yew::prelude::*;

fn soft_skills(r: &Reading) -> Html {
    let lang = r.lang;
    let ctx = &r.picture.context;
    let pomp =
        |v: Option<f64>| v.map_or_else(|| Pc::NoValue.get(lang).to_owned(), |v| number(lang, v, 0));
    let groups = ctx.soft_skills.iter().map(|s| {
        let rows = s.facets.iter().map(|f| {
            html! {
                <tr>
                    <th scope="row">{ pc::construct_facet(lang, &s.construct, &f.facet) }</th>
                    <td class="cp-num" data-label={Pc::ColSelf.get(lang)}>{ pomp(f.self_pomp) }</td>
                    <td class="cp-num" data-label={Pc::ColObservers.get(lang)}>{ pomp(f.observers_pomp) }</td>
                    <td data-label={crate::domain::i18n::results::Res::ColQuadrant.get(lang)}>
                        { f.gap.as_ref().map_or_else(|| html! { <span class="cp-none">{ Pc::NoValue.get(lang) }</span> },
                            |g| html! { <span class={classes!("badge", "res-q", format!("res-q-{:?}", g.quadrant).to_lowercase())}>{ quadrant(lang, g.quadrant) }</span> }) }
                    </td>
                </tr>
            }
        });
        let scale = s.self_scale.map(|v| format!("{} / 100", number(lang, v, 0)));
        html! {
            <tbody class="cp-skill">
                <tr class="cp-skill-head">
                    <th scope="rowgroup" colspan="4">
                        { pc::construct(lang, &s.construct) }
                        <span class="hint">{ format!(" · {} {} · {}", Pc::ColSelf.get(lang), scale.unwrap_or_else(|| Pc::NoValue.get(lang).to_owned()), observers(lang, s.observers)) }</span>
                    </th>
                </tr>
                { for rows }
            </tbody>
        }
    });
    if ctx.soft_skills.is_empty() {
        return html! {};
    }
    html! {
        <div class="table-wrap" tabindex="0" role="region" aria-label={Cp::ContextSoftSkills.get(lang)}>
            <table class="an-table an-stack cp-table cp-skills">
                <caption>{ Cp::ContextSoftSkills.get(lang) }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ Pc::ColFacet.get(lang) }</th>
                        <th scope="col" class="cp-num">{ Pc::ColSelf.get(lang) }</th>
                        <th scope="col" class="cp-num">{ Pc::ColObservers.get(lang) }</th>
                        <th scope="col">{ crate::domain::i18n::results::Res::ColQuadrant.get(lang) }</th>
                    </tr>
                </thead>
                { for groups }
            </table>
        </div>
    }
}

fn observers(lang: crate::domain::lang::Lang, n: usize) -> String {
    format!("{}{}{n}", Pc::ColObservers.get(lang), pc::colon(lang))
}

fn profile(r: &Reading) -> Html {
    let lang = r.lang;
    match &r.picture.context.profile {
        ProfileContext::NotPlanned => {
            html! { <p class="hint">{ Cp::ProfileNotPlanned.get(lang) }</p> }
        }
        ProfileContext::NotAnswered => {
            html! { <p class="cp-none">{ cp::missing(lang, r.campaign, &Missing::Profile) }</p> }
        }
        ProfileContext::Unreadable => {
            html! { <p class="cp-none">{ cp::missing(lang, r.campaign, &Missing::ProfileUnreadable) }</p> }
        }
        ProfileContext::Read { flags } if flags.is_empty() => {
            html! { <p class="res-quality-ok">{ Cp::ProfileBalanced.get(lang) }</p> }
        }
        ProfileContext::Read { flags } => html! {
            <ul class="res-flags">{ for flags.iter().map(|f| html! { <li>{ profile_flag(lang, *f) }</li> }) }</ul>
        },
    }
}

/// The context card.
pub fn context(r: &Reading) -> Html {
    let lang = r.lang;
    let ctx = &r.picture.context;
    let unanswered = ctx.unanswered.iter().map(|c| {
        html! { <li>{ cp::missing(lang, r.campaign, &Missing::SelfAssessment { construct: c.clone() }) }</li> }
    });
    html! {
        <section class="card cp-context" aria-labelledby={r.id("cp-context-title")}>
            { r.heading(&r.id("cp-context-title"), Cp::ContextTitle.get(lang)) }
            <p class="hint">{ Cp::ContextIntro.get(lang) }</p>
            { soft_skills(r) }
            if !ctx.unanswered.is_empty() {
                <ul class="cp-notes">{ for unanswered }</ul>
            }
            <h3>{ Pc::BlindSpotsTitle.get(lang) }</h3>
            if ctx.blind_spots.is_empty() {
                <p>{ Pc::NoBlindSpot.get(lang) }</p>
            } else {
                <ul class="cp-blind-spots">{ for ctx.blind_spots.iter().map(|b| html! { <li>{ pc::blind_spot(lang, b) }</li> }) }</ul>
            }
            <h3>{ Pc::ProfileTitle.get(lang) }</h3>
            { profile(r) }
            if !r.print {
                <p class="cp-evidence"><Link to={r.results_route()}>{ Pc::EvidenceResults.get(lang) }</Link></p>
            }
        </section>
    }
}

/// The blind spots and the questionnaires not answered yet (for the report, after the
/// results' cards).
pub fn blind_spots_only(r: &Reading) -> Html {
    let lang = r.lang;
    let ctx = &r.picture.context;
    html! {
        <div class="rp-blind-spots">
            <h3>{ Pc::BlindSpotsTitle.get(lang) }</h3>
            if ctx.blind_spots.is_empty() {
                <p>{ Pc::NoBlindSpot.get(lang) }</p>
            } else {
                <ul class="cp-blind-spots">{ for ctx.blind_spots.iter().map(|b| html! { <li>{ pc::blind_spot(lang, b) }</li> }) }</ul>
            }
            if !ctx.unanswered.is_empty() {
                <ul class="cp-notes">
                    { for ctx.unanswered.iter().map(|c| html! {
                        <li>{ cp::missing(lang, r.campaign, &Missing::SelfAssessment { construct: c.clone() }) }</li>
                    }) }
                </ul>
            }
        </div>
    }
}
