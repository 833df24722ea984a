//! A candidate's self-assessment results: per questionnaire, the scores (self and observers,
//! POMP 0–100) with quality flags, the self-versus-observers reading, the reliability of each
//! facet, and the chart that fits the instrument (radar, paradox chart, support-axis profile
//! against the role's bands with the balance indices). Everything is computed by
//! `domain::assessment::results`; this page only lays it out.

use crate::domain::assessment::profile::{profile_flags, ProfileReport};
use crate::domain::assessment::results::{
    candidate_results, posture_of, ConstructResults, SUPPORT_AXIS_PROFILE, THREE_POSTURES,
};
use crate::domain::i18n;
use crate::domain::i18n::results::{self as rs, Res};
use crate::domain::i18n::survey::{self as sv, S};
use crate::domain::instrument::score::{FacetResult, FacetScore};
use crate::domain::lang::Lang;
use crate::domain::role::SupportAxis;
use crate::domain::survey::invitation::respondent;
use crate::platform::clock;
use crate::ui::recruiter::erase_person::ErasePerson;
use crate::ui::shell::fieldwork::use_fieldwork;
use crate::ui::shell::router::*;
use crate::ui::shell::routes::Route;
use crate::ui::shell::state::use_app;
use crate::ui::widgets::charts::paradox::{ParadoxChart, ParadoxRow};
use crate::ui::widgets::charts::quadrants::{QuadrantMap, QuadrantPoint};
use crate::ui::widgets::charts::radar::{Radar, RadarSeries, SeriesKind};
use uuid::Uuid;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub id: String,
    pub person: String,
}

/// A 0–100 bar with its value, or the reason it is missing.
fn pomp_cell(lang: Lang, score: Option<&FacetScore>, min_answered: f64) -> Html {
    match score.map(|s| &s.result) {
        Some(FacetResult::Scored { pomp, .. }) => html! {
            <span class="res-bar-row">
                <svg class="res-bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
                    <rect class="res-bar-track" width="100" height="10" />
                    <rect class="res-bar-fill" width={crate::domain::assessment::chart::svg_number(pomp.clamp(0.0, 100.0))} height="10" />
                </svg>
                <span class="res-num">{ i18n::number(lang, *pomp, 0) }</span>
            </span>
        },
        Some(FacetResult::NotScored { shortfalls }) => html! {
            <span class="res-not-scored">
                <strong>{ Res::NotScored.get(lang) }</strong>
                { for shortfalls.iter().map(|s| html! { <span class="hint">{ format!(" {}", i18n::quality::shortfall(lang, s, min_answered)) }</span> }) }
            </span>
        },
        None => html! { <span aria-label={Res::NotScored.get(lang)}>{ "—" }</span> },
    }
}

pub(crate) fn construct_card(
    lang: Lang,
    c: &ConstructResults,
    names: &dyn Fn(Uuid) -> String,
    role: &crate::domain::role::Role,
    profile: Option<&Result<ProfileReport, crate::domain::assessment::profile::ProfileError>>,
) -> Html {
    let inst = c.instrument;
    let own = c.own.as_ref();
    let observers = c
        .observers
        .iter()
        .map(|o| format!("{} ({})", names(o.respondent_id), sv::kind(lang, o.kind)))
        .collect::<Vec<_>>()
        .join(", ");
    // With fewer than two candidates' answers no alpha exists: one sentence instead of a column.
    let any_alpha = c.reliability.iter().any(|r| r.alpha.is_some());
    let respondents = c
        .reliability
        .iter()
        .map(|r| r.respondents_used)
        .max()
        .unwrap_or(0);
    let rows = inst.facets.iter().map(|f| {
        let self_score = own.and_then(|(_, r)| r.facet(&f.id));
        let gap = c.gaps.iter().find(|g| g.facet == f.id);
        let rel = c.reliability.iter().find(|r| r.facet == f.id);
        let obs = c.observers_pomp(&f.id);
        html! {
            <tr>
                <th scope="row">{ f.name.get(lang) }</th>
                <td data-label={Res::ColSelf.get(lang)}>{ pomp_cell(lang, self_score, inst.scoring.min_answered) }</td>
                if c.observable {
                <td data-label={Res::ColObservers.get(lang)} class="res-num">{ obs.map_or_else(|| "—".to_owned(), |v| i18n::number(lang, v, 0)) }</td>
                <td data-label={Res::ColGap.get(lang)} class={classes!("res-num", gap.filter(|g| g.notable).map(|_| "res-notable"))}>
                    { gap.map_or_else(|| "—".to_owned(), |g| rs::signed(lang, g.gap)) }
                </td>
                <td data-label={Res::ColQuadrant.get(lang)}>
                    { gap.map_or_else(|| html! { "—" }, |g| html! { <span class={classes!("badge", "res-q", format!("res-q-{:?}", g.quadrant).to_lowercase())}>{ rs::quadrant(lang, g.quadrant) }</span> }) }
                </td>
                }
                if any_alpha {
                    <td data-label={Res::ColAlpha.get(lang)} class="res-alpha">
                        { rel.map_or_else(|| "—".to_owned(), |r| rs::alpha(lang, r.alpha, r.poles, r.respondents_used, r.unstable)) }
                    </td>
                }
            </tr>
        }
    });
    let quality = own.map(|(_, report)| {
        let raised = report.quality.raised();
        if raised.is_empty() {
            html! { <p class="res-quality-ok">{ Res::NoQualityFlag.get(lang) }</p> }
        } else {
            html! {
                <div class="res-quality-flags" role="note">
                    <h4>{ Res::QualityTitle.get(lang) }</h4>
                    <ul>{ for raised.iter().map(|f| html! { <li>{ i18n::quality::flag(lang, &report.quality, *f) }</li> }) }</ul>
                </div>
            }
        }
    });
    let scale = own.and_then(|(_, r)| r.scale.as_ref()).map(|s| {
        html! { <p class="res-scale">{ i18n::action_on(lang, Res::ScaleLine.get(lang), &format!("{} / 100", i18n::number(lang, s.pomp, 0))) }</p> }
    });
    let facet_names: Vec<String> = inst
        .facets
        .iter()
        .map(|f| f.name.get(lang).to_owned())
        .collect();
    let chart = if inst.is_paired_poles() {
        let rows: Vec<ParadoxRow> = inst
            .facets
            .iter()
            .map(|f| {
                let poles = own
                    .and_then(|(_, r)| r.facet(&f.id))
                    .and_then(|s| s.poles());
                let names = f.poles.as_ref();
                ParadoxRow {
                    name: f.name.get(lang).to_owned(),
                    pole_a: names.map(|p| p.a.get(lang).to_owned()).unwrap_or_default(),
                    pole_b: names.map(|p| p.b.get(lang).to_owned()).unwrap_or_default(),
                    a: poles.map(|p| p.a),
                    b: poles.map(|p| p.b),
                    observers_a: c.observers_pole(&f.id, true),
                    observers_b: c.observers_pole(&f.id, false),
                }
            })
            .collect();
        html! { <ParadoxChart title={Res::ParadoxTitle.get(lang).to_owned()} {rows} /> }
    } else if c.construct == SUPPORT_AXIS_PROFILE {
        let levels: Vec<Option<f64>> = inst
            .facets
            .iter()
            .map(|f| own.and_then(|(_, r)| r.facet(&f.id)).and_then(|s| s.mean()))
            .collect();
        let axes: Vec<Option<SupportAxis>> = inst
            .facets
            .iter()
            .map(|f| crate::domain::assessment::results::axis_of(&f.id))
            .collect();
        let target: Vec<Option<f64>> = axes
            .iter()
            .map(|a| a.and_then(|a| role.axis(a)).map(|t| f64::from(t.target)))
            .collect();
        let band: Vec<(f64, f64)> = axes
            .iter()
            .map(|a| {
                a.and_then(|a| role.axis(a))
                    .map_or((1.0, 5.0), |t| (f64::from(t.min), f64::from(t.max)))
            })
            .collect();
        let series = vec![
            RadarSeries {
                kind: SeriesKind::SelfReport,
                label: Res::SelfSeries.get(lang).to_owned(),
                values: levels,
            },
            RadarSeries {
                kind: SeriesKind::Target,
                label: Res::RoleTarget.get(lang).to_owned(),
                values: target,
            },
        ];
        html! {
            <>
                <Radar title={Res::AxesRadarTitle.get(lang).to_owned()} axes={facet_names.clone()} {series} band={Some(band)} min={1.0} max={5.0} ticks={vec![1.0, 2.0, 3.0, 4.0, 5.0]} />
                { balance_block(lang, profile) }
            </>
        }
    } else if inst.facets.len() >= 3 {
        let mut series = vec![RadarSeries {
            kind: SeriesKind::SelfReport,
            label: Res::SelfSeries.get(lang).to_owned(),
            values: inst
                .facets
                .iter()
                .map(|f| own.and_then(|(_, r)| r.facet(&f.id)).and_then(|s| s.pomp()))
                .collect(),
        }];
        if !c.observers.is_empty() {
            series.push(RadarSeries {
                kind: SeriesKind::Observers,
                label: Res::ObserversSeries.get(lang).to_owned(),
                values: inst
                    .facets
                    .iter()
                    .map(|f| c.observers_pomp(&f.id))
                    .collect(),
            });
        }
        html! { <Radar title={Res::RadarTitle.get(lang).to_owned()} axes={facet_names.clone()} {series} min={0.0} max={100.0} ticks={vec![25.0, 50.0, 75.0, 100.0]} /> }
    } else {
        html! {}
    };
    let map = (!c.gaps.is_empty()).then(|| {
        let points: Vec<QuadrantPoint> = c
            .gaps
            .iter()
            .map(|g| QuadrantPoint {
                label: inst
                    .facet(&g.facet)
                    .map(|f| f.name.get(lang).to_owned())
                    .unwrap_or_default(),
                self_pomp: g.self_pomp,
                observers_pomp: g.observers_pomp,
                quadrant: g.quadrant,
            })
            .collect();
        html! { <QuadrantMap title={Res::MapTitle.get(lang).to_owned()} {points} /> }
    });
    // The three postures: the role's weighting beside the scores.
    let weights = (c.construct == THREE_POSTURES).then(|| {
        let parts: Vec<String> = inst
            .facets
            .iter()
            .filter_map(|f| posture_of(&f.id))
            .map(|p| format!("{} {}", i18n::posture(lang, p), i18n::percent(lang, role.postures.get(p))))
            .collect();
        html! { <p class="res-weights">{ i18n::action_on(lang, Res::PosturesNote.get(lang), &parts.join(" · ")) }</p> }
    });
    let heading_id = format!("res-{}", inst.id);
    html! {
        <section class="card res-construct" aria-labelledby={heading_id.clone()}>
            <h2 id={heading_id}>{ inst.title.get(lang) }</h2>
            if let Some((r, _)) = own {
                <p class="hint">{ rs::answered_on(lang, &i18n::date(lang, clock::local(r.submitted_at).date()), &r.instrument_version) }</p>
            } else {
                <p class="empty-line">{ Res::NoSelf.get(lang) }</p>
            }
            if c.observable {
                if c.observers.is_empty() {
                    <p class="hint">{ Res::NoObservers.get(lang) }</p>
                } else {
                    <p class="hint">{ i18n::action_on(lang, Res::Observers.get(lang), &observers) }</p>
                }
            }
            { scale }
            { weights.unwrap_or_default() }
            { quality.unwrap_or_default() }
            <div class="table-wrap">
                <table class="res-table">
                    <thead>
                        <tr>
                            <th scope="col">{ Res::ColFacet.get(lang) }</th>
                            <th scope="col">{ Res::ColSelf.get(lang) }</th>
                            if c.observable {
                                <th scope="col">{ Res::ColObservers.get(lang) }</th>
                                <th scope="col">{ Res::ColGap.get(lang) }</th>
                                <th scope="col">{ Res::ColQuadrant.get(lang) }</th>
                            }
                            if any_alpha {
                                <th scope="col">{ Res::ColAlpha.get(lang) }</th>
                            }
                        </tr>
                    </thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
            <p class="hint">{
                if any_alpha { Res::ReliabilityNote.get(lang).to_owned() } else { rs::no_alpha_yet(lang, respondents) }
            }</p>
            <div class="res-charts">
                { chart }
                { map.unwrap_or_default() }
            </div>
        </section>
    }
}

fn balance_block(
    lang: Lang,
    profile: Option<&Result<ProfileReport, crate::domain::assessment::profile::ProfileError>>,
) -> Html {
    match profile {
        None => html! {},
        Some(Err(_)) => html! { <p class="empty-line">{ Res::ProfileIncomplete.get(lang) }</p> },
        Some(Ok(p)) => {
            let flags: Vec<String> = profile_flags(p)
                .into_iter()
                .map(|f| i18n::results::profile_flag(lang, f))
                .collect();
            html! {
                <div class="res-balance">
                    <h3>{ Res::BalanceTitle.get(lang) }</h3>
                    <p class="hint">{ Res::BalanceIntro.get(lang) }</p>
                    <dl class="res-indices">
                        <div><dt>{ Res::Cv.get(lang) }</dt><dd>{ i18n::number(lang, p.coefficient_of_variation, 2) }</dd></div>
                        <div><dt>{ Res::Gini.get(lang) }</dt><dd>{ i18n::number(lang, p.gini, 2) }</dd></div>
                        <div><dt>{ Res::DominantShare.get(lang) }</dt><dd>{ format!("{} ({})", i18n::percent(lang, (p.dominant_share * 100.0).round().clamp(0.0, 100.0) as u8), i18n::axis(lang, p.dominant)) }</dd></div>
                    </dl>
                    if flags.is_empty() {
                        <p class="res-quality-ok">{ Res::BalanceFine.get(lang) }</p>
                    } else {
                        <ul class="res-flags">{ for flags.iter().map(|f| html! { <li>{ f.clone() }</li> }) }</ul>
                    }
                </div>
            }
        }
    }
}

#[function_component(Results)]
pub fn results(p: &Props) -> Html {
    let app = use_app();
    let fw = use_fieldwork();
    let navigator = use_navigator();
    let lang = app.lang;
    let found = Uuid::parse_str(&p.id)
        .ok()
        .and_then(|id| app.workspace().campaign(id).cloned())
        .and_then(|c| {
            let person = Uuid::parse_str(&p.person).ok()?;
            let cand = c.candidates.iter().find(|x| x.id == person)?.clone();
            Some((c, cand))
        });
    let Some((c, cand)) = found else {
        return html! {
            <section class="page">
                <h1>{ Res::Title.get(lang) }</h1>
                <p class="empty-line" role="alert">{ Res::NotFound.get(lang) }</p>
            </section>
        };
    };
    let current = fw.fieldwork.current_responses(c.id);
    let res = candidate_results(&c, &current, cand.id);
    let names = {
        let c = c.clone();
        move |id: Uuid| respondent(&c, id).map(|(name, _)| name).unwrap_or_default()
    };
    let back = {
        let (nav, id) = (navigator.clone(), c.id);
        Callback::from(move |_| {
            if let Some(nav) = &nav {
                nav.push(&Route::Campaign { id: id.to_string() });
            }
        })
    };
    let on_print = Callback::from(|_| crate::platform::dom::print());
    html! {
        <article class="page res-page">
            <nav class="breadcrumb" aria-label={Res::BackToCampaign.get(lang)}>
                <Link to={Route::Campaign { id: c.id.to_string() }}>{ format!("← {}", c.name) }</Link>
            </nav>
            <header class="page-head">
                <h1>{ format!("{} — {}", Res::Title.get(lang), cand.name) }</h1>
                <p class="hint">{ format!("{} · {}", c.name, c.role.name.get(lang)) }</p>
                <div class="button-row no-print">
                    <button type="button" class="button" onclick={on_print}>{ Res::Print.get(lang) }</button>
                </div>
            </header>
            <p class="res-intro">{ Res::Intro.get(lang) }</p>
            if res.constructs.is_empty() {
                <p class="empty-line">{ Res::Nothing.get(lang) }</p>
            }
            { for res.constructs.iter().map(|x| construct_card(lang, x, &names, &c.role, if x.construct == SUPPORT_AXIS_PROFILE { res.profile.as_ref() } else { None })) }
            if !res.constructs.is_empty() {
                <section class="card res-erase no-print" aria-labelledby="res-erase-title">
                    <h2 id="res-erase-title">{ S::EraseTitle.get(lang) }</h2>
                    <p class="hint">{ S::EraseIntro.get(lang) }</p>
                    <ErasePerson campaign={c.id} person={cand.id} name={cand.name.clone()} on_done={back} />
                </section>
            }
        </article>
    }
}
