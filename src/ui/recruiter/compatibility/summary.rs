//! At a glance (one line per group of parts, counted by the core's `Summary`, and the rule
//! they follow) and the points to discuss, each with a link to its evidence.

use super::Reading;
use crate::domain::compatibility::{Missing, Part, PartGroup, Point};
use crate::domain::i18n::compatibility::{self as cp, Cp};
use crate::domain::i18n::picture::Pc;
use crate::ui::shell::router::*;
use yew::prelude::*;

/// The summaries: "Mediators' ratings — 4 of 6 dimensions rising…", then the convergence in a
/// sentence and the rule.
pub fn at_a_glance(r: &Reading) -> Html {
    let lang = r.lang;
    let rows = PartGroup::ALL.iter().filter_map(|g| {
        let s = r.picture.summary(*g)?;
        let text = if *g == PartGroup::Convergence {
            cp::convergence(lang, r.picture.convergence())
        } else {
            cp::summary(lang, s)
        };
        Some(html! {
            <div class={classes!("cp-glance-row", format!("cp-glance-{}", group_code(*g)))}>
                <dt>{ cp::group(lang, *g) }</dt>
                <dd>{ text }</dd>
            </div>
        })
    });
    html! {
        <section class="card cp-glance" aria-labelledby={r.id("cp-glance-title")}>
            { r.heading(&r.id("cp-glance-title"), Pc::AtAGlance.get(lang)) }
            <dl class="cp-glance-list">{ for rows }</dl>
            <details class="cp-rules">
                <summary>{ Pc::RulesTitle.get(lang) }</summary>
                <ul>
                    { for PartGroup::ALL.iter().map(|g| html! {
                        <li><strong>{ cp::group(lang, *g) }</strong>{ format!("{}{}", crate::domain::i18n::picture::colon(lang), cp::rule(lang, *g)) }</li>
                    }) }
                </ul>
            </details>
        </section>
    }
}

fn group_code(g: PartGroup) -> &'static str {
    match g {
        PartGroup::Ratings => "ratings",
        PartGroup::Working => "working",
        PartGroup::LeaderDebrief => "leader",
        PartGroup::CandidateDebrief => "candidate",
        PartGroup::Convergence => "convergence",
    }
}

/// The evidence of a point: the analyses of the sessions it rests on, or the results page.
fn evidence(r: &Reading, p: &Point) -> Html {
    if r.print {
        return html! {};
    }
    let lang = r.lang;
    let sessions_of = |part: &Part| -> Html {
        let links = r
            .picture
            .sessions
            .iter()
            .filter(|s| {
                r.picture
                    .series(part)
                    .and_then(|x| x.values.get(s.session.number - 1).copied().flatten())
                    .is_some()
            })
            .map(|s| {
                html! {
                    <li><Link to={r.session_route(s.session)}>{ crate::domain::i18n::session_title(lang, s.session.number) }</Link></li>
                }
            });
        html! {
            <ul class="cp-evidence" aria-label={Pc::EvidenceSession.get(lang)}>{ for links }</ul>
        }
    };
    let one_session = |s: crate::domain::compatibility::SessionRef| {
        html! {
            <p class="cp-evidence"><Link to={r.session_route(s)}>{ format!("{} — {}", Pc::EvidenceSession.get(lang), crate::domain::i18n::session_title(lang, s.number)) }</Link></p>
        }
    };
    let results = || {
        html! { <p class="cp-evidence"><Link to={r.results_route()}>{ Pc::EvidenceResults.get(lang) }</Link></p> }
    };
    match p {
        Point::Falling { part, .. } | Point::Rising { part, .. } => sessions_of(part),
        Point::LargeGap { session, .. } | Point::MediatorsDisagree { session, .. } => {
            one_session(*session)
        }
        Point::BlindSpot(_) | Point::UnbalancedProfile(_) => results(),
        Point::Missing(Missing::Session { session, .. }) => one_session(*session),
        Point::Missing(_) => results(),
    }
}

fn point_class(p: &Point) -> &'static str {
    match p {
        Point::Falling { .. } | Point::Rising { .. } => "cp-point-trend",
        Point::LargeGap { .. } => "cp-point-gap",
        Point::MediatorsDisagree { .. } => "cp-point-agreement",
        Point::BlindSpot(_) | Point::UnbalancedProfile(_) => "cp-point-context",
        Point::Missing(_) => "cp-point-missing",
    }
}

/// The points to discuss, then what is still missing, each with its evidence.
pub fn points(r: &Reading) -> Html {
    let lang = r.lang;
    let (missing, points): (Vec<&Point>, Vec<&Point>) = r
        .picture
        .points
        .iter()
        .partition(|p| matches!(p, Point::Missing(_)));
    let item = |p: &&Point| {
        html! {
            <li class={classes!("cp-point", point_class(p))}>
                <p>{ cp::point(lang, r.campaign, p) }</p>
                { evidence(r, p) }
            </li>
        }
    };
    html! {
        <section class="card cp-points" aria-labelledby={r.id("cp-points-title")}>
            { r.heading(&r.id("cp-points-title"), Cp::PointsTitle.get(lang)) }
            <p class="hint">{ Pc::PointsIntro.get(lang) }</p>
            if points.is_empty() {
                <p class="res-quality-ok">{ Cp::NoPoints.get(lang) }</p>
            } else {
                <ul class="cp-point-list">{ for points.iter().map(item) }</ul>
            }
            if !missing.is_empty() {
                <h3>{ Pc::MissingTitle.get(lang) }</h3>
                <ul class="cp-point-list cp-missing-list">{ for missing.iter().map(item) }</ul>
            }
        </section>
    }
}
