//! The recruiter's analysis of one work session: for the observation chosen (one per mediator,
//! or one per version when several were kept), the meta-communication indices with their
//! definitions, their evolution by thirds, who answers whom, a timeline and the mediator's
//! ratings; then the agreement between mediators and the trend across the campaign's sessions.
//! Every figure comes from the core; this file only lays it out.

use crate::domain::assessment::chart::svg_number as n;
use crate::domain::campaign::Campaign;
use crate::domain::fieldwork::known_scheme;
use crate::domain::i18n::analysis::{self as an, A};
use crate::domain::i18n::{self, T};
use crate::domain::lang::Lang;
use crate::domain::observation::agreement::{
    agreement as compute_agreement, Agreement, AgreementParams, Coefficient,
};
use crate::domain::observation::indices::{
    session_indices, within_session, Direction, Ratio, SessionIndices, Transitions, Trend,
    TrendIndex, WindowIndices,
};
use crate::domain::observation::log::Observation;
use crate::domain::observation::rating::{default_bars, Bars, BarsRef, LEVEL_MAX};
use crate::domain::observation::report::{
    self, axis_ticks, pooled_trend, received, timeline, Reading, Received,
};
use crate::domain::observation::scheme::{Actor, Area, Scheme, Tag};
use crate::platform::clock;
use crate::ui::fieldwork::use_fieldwork;
use crate::ui::recruiter::fieldwork_section::mediator_name;
use crate::ui::routes::Route;
use crate::ui::state::use_app;
use chrono::Timelike;
use uuid::Uuid;
use yew::prelude::*;
use yew_router::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub id: String,
    pub session: String,
}

/// The indices shown by default in the thirds and trend tables (every index is one click away).
const KEY_INDICES: [TrendIndex; 11] = [
    TrendIndex::FloorShare(Actor::Ceo),
    TrendIndex::QuestionAnswer(Some(Actor::Ceo)),
    TrendIndex::QuestionAnswer(Some(Actor::Candidate)),
    TrendIndex::PositiveNegative(None),
    TrendIndex::Per10Min(Tag::BuildsOn, Actor::Ceo),
    TrendIndex::Per10Min(Tag::BuildsOn, Actor::Candidate),
    TrendIndex::Per10Min(Tag::Reformulates, Actor::Ceo),
    TrendIndex::Per10Min(Tag::Reformulates, Actor::Candidate),
    TrendIndex::Per10Min(Tag::Interrupts, Actor::Ceo),
    TrendIndex::Per10Min(Tag::Interrupts, Actor::Candidate),
    TrendIndex::SilenceShare,
];

/// Which received observation is on screen: its id and, for one of several versions, its rank.
type Choice = (Uuid, Option<usize>);

fn choice_of(r: &Received) -> Choice {
    (r.observation.id, r.version.map(|v| v.0))
}

/// The scheme an observation was coded with, and its indices as of its last change (a draft
/// imported with its clock running does not keep growing on the recruiter's screen).
fn indices_of(o: &Observation) -> Option<(&'static Scheme, SessionIndices)> {
    let scheme = known_scheme(&o.scheme.id, o.scheme.version)?;
    Some((scheme, session_indices(o, scheme, o.updated_at)))
}

fn area_class(a: Area) -> &'static str {
    match a {
        Area::PositiveSocioEmotional => "an-area-pos",
        Area::AttemptedAnswers => "an-area-ans",
        Area::Questions => "an-area-q",
        Area::NegativeSocioEmotional => "an-area-neg",
    }
}

fn dash(lang: Lang) -> String {
    A::NoValue.get(lang).to_owned()
}

#[function_component(SessionAnalysis)]
pub fn session_analysis(p: &Props) -> Html {
    let app = use_app();
    let fieldwork = use_fieldwork();
    let chosen = use_state(|| None::<Choice>);
    let lang = app.lang;
    let campaign = Uuid::parse_str(&p.id)
        .ok()
        .and_then(|id| app.workspace().campaign(id).cloned());
    let Some(c) = campaign else {
        return not_found(lang, None, A::CampaignNotFound);
    };
    let Some(index) = Uuid::parse_str(&p.session)
        .ok()
        .and_then(|sid| c.sessions.iter().position(|s| s.id == sid))
    else {
        return not_found(lang, Some(&c), A::SessionNotFound);
    };
    let s = &c.sessions[index];
    let n = index + 1;
    let mediators: Vec<Uuid> = c.mediators.iter().map(|m| m.id).collect();
    let got = received(&fieldwork.fieldwork.observations, c.id, s.id, &mediators);
    let current = (*chosen)
        .and_then(|key| got.iter().find(|r| choice_of(r) == key))
        .or_else(|| got.iter().find(|r| r.is_settled()))
        .or(got.first());

    let mut meta = Vec::new();
    if let Some(d) = s.date {
        let mut when = i18n::date(lang, d);
        if let Some(t) = s.time {
            when.push_str(&format!(" · {:02}:{:02}", t.hour(), t.minute()));
        }
        meta.push(when);
    }
    if !s.place.trim().is_empty() {
        meta.push(s.place.clone());
    }
    let head = html! {
        <>
            <p class="breadcrumb">
                <Link<Route> to={Route::Campaign { id: c.id.to_string() }}>{ format!("← {}", c.name) }</Link<Route>>
            </p>
            <div class="page-head">
                <div>
                    <h1>{ an::analysis_title(lang, n) }</h1>
                    if !s.topic.trim().is_empty() { <p class="lede">{ s.topic.clone() }</p> }
                    if !meta.is_empty() { <p class="meta">{ meta.join(" · ") }</p> }
                </div>
            </div>
        </>
    };
    let Some(current) = current else {
        return html! {
            <article class="page an-page">
                { head }
                <section class="card"><p>{ A::NoObservation.get(lang) }</p></section>
            </article>
        };
    };

    let picker = got.iter().map(|r| {
        let key = choice_of(r);
        let pressed = key == choice_of(current);
        let onclick = {
            let chosen = chosen.clone();
            Callback::from(move |_| chosen.set(Some(key)))
        };
        html! {
            <button type="button" class={classes!("an-pick", pressed.then_some("is-current"))}
                aria-pressed={pressed.to_string()} {onclick}>
                <span>{ mediator_name(lang, &c, r.observation.mediator_id) }</span>
                if !r.is_submitted() { <span class="badge badge-draft">{ A::StatusDraft.get(lang) }</span> }
                if let Some((k, total)) = r.version { <span class="badge an-badge-conflict">{ an::version_of(lang, k, total) }</span> }
            </button>
        }
    });

    let o = current.observation;
    let who = mediator_name(lang, &c, o.mediator_id);
    let mut facts = vec![
        an::events_count(lang, o.events.len()),
        an::notes_count(lang, o.notes.len()),
        an::duration(lang, o.length_ms(o.updated_at)),
    ];
    if let Some(at) = o.submitted_at {
        facts.push(an::submitted_on(
            lang,
            &i18n::date_time(lang, clock::local(at)),
        ));
    }
    let body = match indices_of(o) {
        Some((scheme, ix)) => html! {
            <>
                { overview(lang, &ix.whole) }
                { meta_communication(lang, &ix.whole) }
                { profile(lang, scheme, &ix.whole) }
                { thirds(lang, &ix) }
                { transitions(lang, &ix.transitions) }
                { timeline_card(lang, o, scheme, &ix) }
                { ratings(lang, o, scheme) }
            </>
        },
        // Imports refuse unknown schemes, so this is only a safeguard.
        None => html! {},
    };
    html! {
        <article class="page an-page">
            { head }
            <section class="card" aria-labelledby="an-observation-title">
                <h2 id="an-observation-title">{ format!("{} {who}", A::ObservationTitle.get(lang)) }</h2>
                if got.len() > 1 {
                    <div class="an-picker" role="group" aria-label={A::ChooseObservation.get(lang)}>{ for picker }</div>
                }
                <p class="meta">{ facts.join(" · ") }</p>
                if !current.is_submitted() {
                    <p class="banner banner-info">{ A::DraftWarning.get(lang) }</p>
                }
                if let Some((_, total)) = current.version {
                    <p class="an-conflict" role="note">{ an::conflict_text(lang, &who, total) }</p>
                }
            </section>
            { body }
            { agreement(lang, &c, known_scheme(&o.scheme.id, o.scheme.version), &got) }
            { trend_card(lang, &c, n, &fieldwork.fieldwork.observations, &mediators) }
        </article>
    }
}

fn not_found(lang: Lang, campaign: Option<&Campaign>, why: A) -> Html {
    html! {
        <section class="page">
            <h1>{ T::NotFoundTitle.get(lang) }</h1>
            <p>{ why.get(lang) }</p>
            if let Some(c) = campaign {
                <Link<Route> to={Route::Campaign { id: c.id.to_string() }} classes="button">{ c.name.clone() }</Link<Route>>
            } else {
                <Link<Route> to={Route::Home} classes="button">{ T::BackToCampaigns.get(lang) }</Link<Route>>
            }
        </section>
    }
}

/// A row header: the index's name and, under it, what it means.
fn row_head(name: &str, help: &str) -> Html {
    html! {
        <th scope="row">
            { name.to_owned() }
            <span class="hint block">{ help.to_owned() }</span>
        </th>
    }
}

/// A value with its parts under it.
fn value_cell(label: &str, value: String, parts: String) -> Html {
    html! {
        <td class="an-num" data-label={label.to_owned()}>
            <span class="an-value">{ value }</span>
            <span class="an-parts">{ parts }</span>
        </td>
    }
}

fn share_cell(lang: Lang, label: &str, r: Ratio) -> Html {
    let v = r.value().map_or_else(|| dash(lang), |v| an::share(lang, v));
    value_cell(label, v, an::parts_of(lang, r.numerator, r.denominator))
}

fn ratio_cell(lang: Lang, label: &str, r: Ratio) -> Html {
    let v = r
        .value()
        .map_or_else(|| dash(lang), |v| i18n::number(lang, v, 2));
    value_cell(label, v, an::ratio_parts(lang, r.numerator, r.denominator))
}

fn actor_heads(lang: Lang) -> Html {
    html! {
        <>
            <th scope="col">{ an::actor(lang, Actor::Ceo) }</th>
            <th scope="col">{ an::actor(lang, Actor::Candidate) }</th>
        </>
    }
}

fn overview(lang: Lang, w: &WindowIndices) -> Html {
    let (ceo, cand, both) = (
        an::actor(lang, Actor::Ceo),
        an::actor(lang, Actor::Candidate),
        A::ColBoth.get(lang),
    );
    let total = w.acts.ceo + w.acts.candidate;
    let shares = [w.floor_share.ceo.value(), w.floor_share.candidate.value()];
    let floor_bar = match shares {
        [Some(a), Some(_)] => {
            let label = format!(
                "{}: {} {}, {} {}",
                A::FloorBarLabel.get(lang),
                ceo,
                an::share(lang, a),
                cand,
                an::share(lang, 1.0 - a)
            );
            let x = n(a * 100.0);
            html! {
                <>
                    <svg class="an-floor-bar" viewBox="0 0 100 10" preserveAspectRatio="none" role="img" aria-label={label}>
                        <rect class="an-floor-ceo" width={x.clone()} height="10" />
                        <rect class="an-floor-candidate" x={x} width="100" height="10" />
                    </svg>
                    <span class="an-floor-legend" aria-hidden="true">
                        <span><span class="an-swatch an-floor-ceo"></span>{ ceo }</span>
                        <span><span class="an-swatch an-floor-candidate"></span>{ cand }</span>
                    </span>
                </>
            }
        }
        _ => html! { dash(lang) },
    };
    html! {
        <section class="card" aria-labelledby="an-overview-title">
            <h2 id="an-overview-title">{ A::OverviewTitle.get(lang) }</h2>
            <p class="hint">{ A::OverviewIntro.get(lang) }</p>
            <div class="table-wrap">
                <table class="an-table an-stack">
                    <thead>
                        <tr>
                            <th scope="col">{ A::ColIndex.get(lang) }</th>
                            { actor_heads(lang) }
                            <th scope="col">{ both }</th>
                        </tr>
                    </thead>
                    <tbody>
                        <tr>
                            { row_head(A::Acts.get(lang), A::ActsHelp.get(lang)) }
                            <td class="an-num" data-label={ceo}><span class="an-value">{ i18n::number(lang, w.acts.ceo.into(), 0) }</span></td>
                            <td class="an-num" data-label={cand}><span class="an-value">{ i18n::number(lang, w.acts.candidate.into(), 0) }</span></td>
                            <td class="an-num" data-label={both}><span class="an-value">{ i18n::number(lang, total.into(), 0) }</span></td>
                        </tr>
                        <tr>
                            { row_head(A::FloorShare.get(lang), A::FloorShareHelp.get(lang)) }
                            { share_cell(lang, ceo, w.floor_share.ceo) }
                            { share_cell(lang, cand, w.floor_share.candidate) }
                            <td class="an-num" data-label={both}>{ floor_bar }</td>
                        </tr>
                        <tr>
                            { row_head(A::QuestionAnswer.get(lang), A::QuestionAnswerHelp.get(lang)) }
                            { ratio_cell(lang, ceo, w.question_answer.ceo) }
                            { ratio_cell(lang, cand, w.question_answer.candidate) }
                            { ratio_cell(lang, both, w.question_answer_dyad) }
                        </tr>
                        <tr>
                            { row_head(A::PositiveNegative.get(lang), A::PositiveNegativeHelp.get(lang)) }
                            { ratio_cell(lang, ceo, w.positive_negative.ceo) }
                            { ratio_cell(lang, cand, w.positive_negative.candidate) }
                            { ratio_cell(lang, both, w.positive_negative_dyad) }
                        </tr>
                    </tbody>
                </table>
            </div>
            <p class="hint">{ A::NoValueHelp.get(lang) }</p>
        </section>
    }
}

fn meta_communication(lang: Lang, w: &WindowIndices) -> Html {
    let rows = Tag::RATED.iter().map(|tag| {
        let (name, help) = an::tag(lang, *tag);
        let cells = Actor::ALL.map(|a| {
            let r = w.rate(*tag, a);
            let parts = format!(
                "{} · {}",
                an::per_100_acts(lang, r.per_100_acts()),
                an::times(lang, r.count)
            );
            value_cell(
                an::actor(lang, a),
                an::per_10_min(lang, r.per_10_min()),
                parts,
            )
        });
        html! { <tr>{ row_head(name, help) }{ for cells }</tr> }
    });
    html! {
        <section class="card" aria-labelledby="an-meta-title">
            <h2 id="an-meta-title">{ A::MetaTitle.get(lang) }</h2>
            <p class="hint">{ A::MetaIntro.get(lang) }</p>
            <div class="table-wrap">
                <table class="an-table an-stack">
                    <thead><tr><th scope="col">{ A::ColBehaviour.get(lang) }</th>{ actor_heads(lang) }</tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
            <h3>{ A::SilenceTitle.get(lang) }</h3>
            <p>{ an::silence_summary(lang, w.silence.count, w.silence.total_ms, w.silence.share(), w.markers) }</p>
        </section>
    }
}

/// A horizontal bar for a share (0–1), drawn in the area's colour; the value is written next
/// to it, so the bar itself is hidden from assistive technology.
fn share_bar(value: Option<f64>, class: &'static str) -> Html {
    let w = n(value.unwrap_or(0.0) * 100.0);
    html! {
        <svg class="an-bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
            <rect class="an-bar-track" width="100" height="10" />
            <rect class={class} width={w} height="10" />
        </svg>
    }
}

fn profile(lang: Lang, scheme: &Scheme, w: &WindowIndices) -> Html {
    let rows = Area::ALL.iter().map(|area| {
        let cells = Actor::ALL.map(|a| {
            let r = w.profile.get(a).area(*area);
            html! {
                <td data-label={an::actor(lang, a)}>
                    <span class="an-bar-row">
                        { share_bar(r.value(), area_class(*area)) }
                        <span class="an-num">
                            <span class="an-value">{ r.value().map_or_else(|| dash(lang), |v| an::share(lang, v)) }</span>
                            <span class="an-parts">{ an::parts_of(lang, r.numerator, r.denominator) }</span>
                        </span>
                    </span>
                </td>
            }
        });
        html! {
            <tr>
                <th scope="row"><span class={classes!("an-swatch", area_class(*area))} aria-hidden="true"></span>{ an::area(lang, *area) }</th>
                { for cells }
            </tr>
        }
    });
    let codes = w.profile.ceo.codes.iter().map(|cs| {
        let label = scheme
            .code(&cs.code)
            .map_or(cs.code.clone(), |c| c.label.get(lang).to_owned());
        let cells = Actor::ALL.map(|a| {
            let r = w.profile.get(a).code(&cs.code);
            let v = r.value().map_or_else(|| dash(lang), |v| an::share(lang, v));
            html! { <td class="an-num" data-label={an::actor(lang, a)}>{ format!("{v} ({})", i18n::number(lang, r.numerator.into(), 0)) }</td> }
        });
        html! {
            <tr>
                <th scope="row">{ label }<span class="hint block">{ an::area(lang, cs.area) }</span></th>
                { for cells }
            </tr>
        }
    });
    html! {
        <section class="card" aria-labelledby="an-profile-title">
            <h2 id="an-profile-title">{ A::ProfileTitle.get(lang) }</h2>
            <p class="hint">{ A::ProfileIntro.get(lang) }</p>
            <div class="table-wrap">
                <table class="an-table an-stack an-profile">
                    <thead><tr><th scope="col">{ A::ColArea.get(lang) }</th>{ actor_heads(lang) }</tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
            <details class="an-details">
                <summary>{ A::ProfileByCode.get(lang) }</summary>
                <div class="table-wrap">
                    <table class="an-table an-stack">
                        <thead><tr><th scope="col">{ A::ColCode.get(lang) }</th>{ actor_heads(lang) }</tr></thead>
                        <tbody>{ for codes }</tbody>
                    </table>
                </div>
            </details>
        </section>
    }
}

/// A tiny line through a few values, for the eye only (the values are in the cells next to it).
fn sparkline(values: &[Option<f64>]) -> Html {
    let known: Vec<f64> = values.iter().flatten().copied().collect();
    if known.len() < 2 {
        return html! {};
    }
    let (lo, hi) = known
        .iter()
        .fold((f64::MAX, f64::MIN), |(lo, hi), v| (lo.min(*v), hi.max(*v)));
    let span = if hi > lo { hi - lo } else { 1.0 };
    let step = 56.0 / (values.len().max(2) - 1) as f64;
    let points: Vec<String> = values
        .iter()
        .enumerate()
        .filter_map(|(i, v)| {
            v.map(|v| {
                let y = if hi > lo {
                    17.0 - (v - lo) / span * 14.0
                } else {
                    10.0
                };
                format!("{},{}", n(2.0 + i as f64 * step), n(y))
            })
        })
        .collect();
    html! {
        <svg class="an-spark" viewBox="0 0 60 20" aria-hidden="true" focusable="false">
            <polyline points={points.join(" ")} />
        </svg>
    }
}

fn direction_cell(lang: Lang, t: &Trend) -> Html {
    let class = match t.direction {
        Direction::Rising => "an-dir-up",
        Direction::Falling => "an-dir-down",
        Direction::Stable => "an-dir-flat",
        Direction::NotEnoughData => "an-dir-none",
    };
    html! {
        <td data-label={A::ColTrend.get(lang)} class="an-trend-cell">
            { sparkline(&t.values) }
            <span class={classes!("an-dir", class)}>{ an::direction(lang, t.direction) }</span>
        </td>
    }
}

/// A column of an index table: its title, and whether nothing was observed there.
struct Column {
    title: String,
    absent: bool,
}

/// Rows of an index table: the index, its values and its direction.
fn trend_rows<'a>(
    lang: Lang,
    trends: &'a [Trend],
    keep: impl Fn(&TrendIndex) -> bool + 'a,
    columns: &'a [Column],
) -> impl Iterator<Item = Html> + 'a {
    trends.iter().filter(move |t| keep(&t.index)).map(move |t| {
        let cells = t.values.iter().zip(columns).map(|(v, col)| {
            if col.absent {
                html! { <td class="an-num an-absent" data-label={col.title.clone()}>{ A::NotObserved.get(lang) }</td> }
            } else {
                html! { <td class="an-num" data-label={col.title.clone()}>{ an::index_value(lang, t.index, *v) }</td> }
            }
        });
        html! {
            <tr>
                <th scope="row">{ an::trend_index(lang, t.index) }</th>
                { for cells }
                { direction_cell(lang, t) }
            </tr>
        }
    })
}

fn index_table(lang: Lang, trends: &[Trend], columns: &[Column], all: bool) -> Html {
    let heads = columns
        .iter()
        .map(|c| html! { <th scope="col">{ c.title.clone() }</th> });
    let keep = move |i: &TrendIndex| all || KEY_INDICES.contains(i);
    html! {
        <div class="table-wrap" tabindex="0" role="region" aria-label={A::ColIndex.get(lang)}>
            <table class="an-table an-stack an-index-table">
                <thead>
                    <tr>
                        <th scope="col">{ A::ColIndex.get(lang) }</th>
                        { for heads }
                        <th scope="col">{ A::ColTrend.get(lang) }</th>
                    </tr>
                </thead>
                <tbody>{ for trend_rows(lang, trends, keep, columns) }</tbody>
            </table>
        </div>
    }
}

fn thirds(lang: Lang, ix: &SessionIndices) -> Html {
    let trends = within_session(ix);
    let columns: Vec<Column> = ix
        .thirds
        .iter()
        .enumerate()
        .map(|(k, w)| Column {
            title: an::third(lang, k, w.start_ms, w.end_ms),
            absent: false,
        })
        .collect();
    html! {
        <section class="card" aria-labelledby="an-thirds-title">
            <h2 id="an-thirds-title">{ A::ThirdsTitle.get(lang) }</h2>
            <p class="hint">{ A::ThirdsIntro.get(lang) }</p>
            { index_table(lang, &trends, &columns, false) }
            <details class="an-details">
                <summary>{ A::TrendMore.get(lang) }</summary>
                { index_table(lang, &trends, &columns, true) }
            </details>
        </section>
    }
}

fn transitions(lang: Lang, t: &Transitions) -> Html {
    if t.total == 0 {
        return html! {
            <section class="card" aria-labelledby="an-transitions-title">
                <h2 id="an-transitions-title">{ A::TransitionsTitle.get(lang) }</h2>
                <p>{ A::NoTransitions.get(lang) }</p>
            </section>
        };
    }
    let by = t.by_actor();
    let peak = t.counts.iter().flatten().copied().max().unwrap_or(0).max(1);
    let heat = |n: u32| match n {
        0 => "an-heat-0",
        _ => match n * 4 / peak {
            0 => "an-heat-1",
            1 => "an-heat-2",
            2 => "an-heat-3",
            _ => "an-heat-4",
        },
    };
    let by_rows = Actor::ALL.map(|from| {
        let cells = Actor::ALL.map(|to| {
            html! { <td class="an-num" data-label={an::actor(lang, to)}>{ i18n::number(lang, by[from.index()][to.index()].into(), 0) }</td> }
        });
        html! { <tr><th scope="row">{ an::actor(lang, from) }</th>{ for cells }</tr> }
    });
    let col_heads = (0..8).map(|j| {
        let (_, area) = Transitions::state_at(j);
        html! { <th scope="col"><abbr title={an::area(lang, area)}>{ an::area_short(lang, area) }</abbr></th> }
    });
    let rows = (0..8).map(|i| {
        let from = Transitions::state_at(i);
        let cells = (0..8).map(|j| {
            let to = Transitions::state_at(j);
            let n = t.counts[i][j];
            html! {
                <td class={classes!("an-num", "an-cell", heat(n), (j == 4).then_some("an-split"))}
                    title={an::transition_cell(lang, from, to, n)}>{ i18n::number(lang, n.into(), 0) }</td>
            }
        });
        html! {
            <tr class={classes!((i == 4).then_some("an-split-row"))}>
                <th scope="row"><span class={classes!("an-swatch", area_class(from.1))} aria-hidden="true"></span>
                    { format!("{} — {}", an::actor(lang, from.0), an::area(lang, from.1)) }</th>
                { for cells }
            </tr>
        }
    });
    html! {
        <section class="card" aria-labelledby="an-transitions-title">
            <h2 id="an-transitions-title">{ A::TransitionsTitle.get(lang) }</h2>
            <p class="hint">{ A::TransitionsIntro.get(lang) }</p>
            <ul class="an-sentences">
                { for Actor::ALL.map(|a| html! { <li>{ an::who_follows(lang, a, by[a.index()]) }</li> }) }
            </ul>
            <div class="table-wrap">
                <table class="an-table an-small-table">
                    <caption>{ A::ByActorCaption.get(lang) }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ A::ActBy.get(lang) }</th>
                            { for Actor::ALL.map(|a| html! { <th scope="col">{ an::then(lang, a) }</th> }) }
                        </tr>
                    </thead>
                    <tbody>{ for by_rows }</tbody>
                </table>
            </div>
            <div class="table-wrap" tabindex="0" role="region" aria-label={A::MatrixCaption.get(lang)}>
                <table class="an-table an-matrix">
                    <caption>{ A::MatrixCaption.get(lang) }</caption>
                    <thead>
                        <tr>
                            <td rowspan="2"></td>
                            <th scope="colgroup" colspan="4">{ an::then(lang, Actor::Ceo) }</th>
                            <th scope="colgroup" colspan="4" class="an-split">{ an::then(lang, Actor::Candidate) }</th>
                        </tr>
                        <tr>{ for col_heads }</tr>
                    </thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
        </section>
    }
}

// Timeline geometry, in viewBox units.
const TL_WIDTH: f64 = 1000.0;
const TL_LEFT: f64 = 126.0;
const TL_RIGHT: f64 = 974.0;
const TL_BUCKETS: usize = 220;
const TL_LANE: f64 = 60.0;
/// Baselines of the two lanes (bars grow upwards from them).
const TL_BASE: [f64; 2] = [86.0, 164.0];
const TL_AXIS: f64 = 176.0;
const TL_HEIGHT: f64 = 202.0;

fn timeline_card(lang: Lang, o: &Observation, scheme: &Scheme, ix: &SessionIndices) -> Html {
    let length = ix.length_ms;
    let tl = timeline(&o.events, &o.notes, scheme, length, TL_BUCKETS);
    let plot = TL_RIGHT - TL_LEFT;
    let x_of = |ms: u64| {
        if length == 0 {
            TL_LEFT
        } else {
            TL_LEFT + plot * ms as f64 / length as f64
        }
    };
    let bw = plot / TL_BUCKETS as f64;
    let unit = TL_LANE / f64::from(tl.peak.max(1));
    // One path per lane and area, one per lane for meta-communication: a handful of nodes
    // whatever the number of events.
    let mut bars: Vec<Html> = Vec::new();
    let mut meta_counts = [0u32; 2];
    for lane in 0..2 {
        let mut paths = [String::new(), String::new(), String::new(), String::new()];
        let mut meta = String::new();
        for b in 0..tl.buckets {
            let x = TL_LEFT + b as f64 * bw;
            let mut y = TL_BASE[lane];
            for (k, count) in tl.acts[lane][b].iter().enumerate() {
                if *count > 0 {
                    let h = f64::from(*count) * unit;
                    y -= h;
                    let w = n(bw * 0.8);
                    paths[k].push_str(&format!("M{} {}h{w}v{}h-{w}z", n(x), n(y), n(h)));
                }
            }
            let m = tl.meta[lane][b];
            if m > 0 {
                meta_counts[lane] += m;
                let w = n(bw * 0.8);
                meta.push_str(&format!("M{} {}h{w}v5h-{w}z", n(x), n(TL_BASE[lane] + 3.0)));
            }
        }
        for (k, d) in paths.into_iter().enumerate() {
            if !d.is_empty() {
                bars.push(html! { <path class={area_class(Area::ALL[k])} d={d} /> });
            }
        }
        if !meta.is_empty() {
            bars.push(html! { <path class="an-tl-meta" d={meta} /> });
        }
    }
    let silences: String = tl
        .silences
        .iter()
        .map(|(a, b)| {
            let (x0, x1) = (x_of(*a), x_of(*b));
            format!(
                "M{x0} 20h{}V{}H{x0}z",
                n((x1 - x0).max(1.0)),
                n(TL_AXIS),
                x0 = n(x0)
            )
        })
        .collect();
    let notes: String = tl
        .notes
        .iter()
        .map(|at| format!("M{} 18V3l9 4.5-9 4.5", n(x_of(*at))))
        .collect();
    let markers: String = tl
        .markers
        .iter()
        .map(|at| format!("M{} 4l5 6-5 6-5-6z", n(x_of(*at))))
        .collect();
    let ticks = axis_ticks(length, 9);
    let grid: String = ticks
        .iter()
        .map(|t| format!("M{} 20V{}", n(x_of(*t)), n(TL_AXIS + 5.0)))
        .collect();
    let labels = ticks.iter().map(|t| {
        html! { <text class="an-tl-tick" x={n(x_of(*t))} y={n(TL_AXIS + 20.0)}>{ an::axis_minutes(lang, *t) }</text> }
    });
    let acts = [ix.whole.acts.ceo, ix.whole.acts.candidate];
    let summary = an::timeline_summary(
        lang,
        length,
        acts,
        meta_counts,
        tl.silences.len(),
        tl.notes.len(),
    );
    let lanes = Actor::ALL.map(|a| {
        html! { <text class="an-tl-lane" x="8" y={n(TL_BASE[a.index()] - TL_LANE / 2.0 + 6.0)}>{ an::actor(lang, a) }</text> }
    });
    let legend = Area::ALL
        .iter()
        .map(|a| html! { <li><span class={classes!("an-swatch", area_class(*a))} aria-hidden="true"></span>{ an::area(lang, *a) }</li> });
    let note_items = o.notes.iter().map(|n| {
        html! { <li><span class="an-time">{ an::clock_time(n.at_ms) }</span>{ n.text.clone() }</li> }
    });
    html! {
        <section class="card" aria-labelledby="an-timeline-title">
            <h2 id="an-timeline-title">{ A::TimelineTitle.get(lang) }</h2>
            <p class="hint">{ A::TimelineIntro.get(lang) }</p>
            <ul class="an-legend">
                { for legend }
                <li><span class="an-swatch an-tl-meta" aria-hidden="true"></span>{ A::LegendMeta.get(lang) }</li>
                <li><span class="an-swatch an-swatch-silence" aria-hidden="true"></span>{ A::LegendSilence.get(lang) }</li>
                <li><span class="an-swatch an-swatch-note" aria-hidden="true"></span>{ A::LegendNote.get(lang) }</li>
                <li><span class="an-swatch an-swatch-marker" aria-hidden="true"></span>{ A::LegendMarker.get(lang) }</li>
            </ul>
            <div class="an-timeline-wrap" tabindex="0" role="region" aria-label={A::TimelineTitle.get(lang)}>
                <svg class="an-timeline" viewBox={format!("0 0 {TL_WIDTH} {TL_HEIGHT}")} role="img"
                    aria-labelledby="an-tl-title an-tl-desc">
                    <title id="an-tl-title">{ A::TimelineTitle.get(lang) }</title>
                    <desc id="an-tl-desc">{ summary.clone() }</desc>
                    <path class="an-tl-grid" d={grid} />
                    if !silences.is_empty() { <path class="an-tl-silence" d={silences} /> }
                    <path class="an-tl-base" d={format!("M{TL_LEFT} {0}H{TL_RIGHT}M{TL_LEFT} {1}H{TL_RIGHT}M{TL_LEFT} {TL_AXIS}H{TL_RIGHT}", TL_BASE[0], TL_BASE[1])} />
                    { for bars }
                    if !notes.is_empty() { <path class="an-tl-note" d={notes} /> }
                    if !markers.is_empty() { <path class="an-tl-marker" d={markers} /> }
                    { for lanes }
                    { for labels }
                    <text class="an-tl-unit" x="8" y={n(TL_AXIS + 20.0)}>{ A::Minutes.get(lang) }</text>
                </svg>
            </div>
            <p>{ summary }</p>
            <h3>{ A::NotesTitle.get(lang) }</h3>
            if o.notes.is_empty() {
                <p class="empty-line">{ A::NoNotes.get(lang) }</p>
            } else {
                <ol class="an-notes">{ for note_items }</ol>
            }
            if !tl.markers.is_empty() {
                <h3>{ A::MarkersTitle.get(lang) }</h3>
                <p>{ tl.markers.iter().map(|m| an::clock_time(*m)).collect::<Vec<_>>().join(" · ") }</p>
            }
        </section>
    }
}

/// The grid an observation was rated with, if this build knows it.
fn grid_of(o: &Observation) -> Option<&'static Bars> {
    let known = default_bars();
    o.bars
        .as_ref()
        .filter(|b| **b == BarsRef::of(known))
        .map(|_| known)
}

fn ratings(lang: Lang, o: &Observation, scheme: &Scheme) -> Html {
    let grid = grid_of(o);
    let event_line = |id: &Uuid| match o.event(*id) {
        Some(e) => {
            let code = scheme
                .code(&e.code)
                .map_or(e.code.clone(), |c| c.label.get(lang).to_owned());
            let who = e
                .actor
                .map(|a| format!("{} — ", an::actor(lang, a)))
                .unwrap_or_default();
            html! { <li><span class="an-time">{ an::clock_time(e.at_ms) }</span>{ format!("{who}{code}") }</li> }
        }
        None => html! { <li class="empty-line">{ A::MissingEvent.get(lang) }</li> },
    };
    let dimension = |id: &str, name: String, anchor: Option<String>| {
        let rating = o.ratings.iter().find(|r| r.dimension == id);
        let dots = (1..=LEVEL_MAX).map(|lvl| {
            let on = rating.is_some_and(|r| lvl <= r.level);
            html! { <circle class={classes!("an-dot", on.then_some("is-on"))} cx={(6 + (u32::from(lvl) - 1) * 16).to_string()} cy="6" r="5" /> }
        });
        html! {
            <li class="an-rating">
                <h3>{ name }</h3>
                if let Some(r) = rating {
                    <p class="an-level">
                        <svg class="an-dots" viewBox="0 0 76 12" aria-hidden="true" focusable="false">{ for dots }</svg>
                        <strong>{ an::level_of(lang, r.level, LEVEL_MAX) }</strong>
                    </p>
                    if let Some(text) = anchor.filter(|_| grid.is_some()) {
                        <p class="hint">{ A::AnchorLabel.get(lang) }</p>
                        <blockquote class="an-anchor">{ text }</blockquote>
                    }
                    if !r.comment.is_empty() {
                        <p><strong>{ format!("{} ", A::Comment.get(lang)) }</strong>{ r.comment.clone() }</p>
                    }
                    <details class="an-details">
                        <summary>{ format!("{} ({})", A::Evidence.get(lang), r.evidence.len()) }</summary>
                        if r.evidence.is_empty() {
                            <p class="empty-line">{ A::NoEvidence.get(lang) }</p>
                        } else {
                            <ul class="an-evidence">{ for r.evidence.iter().map(event_line) }</ul>
                        }
                    </details>
                } else {
                    <p class="empty-line">{ A::NotRated.get(lang) }</p>
                }
            </li>
        }
    };
    let items: Vec<Html> = match grid {
        Some(g) => g
            .dimensions
            .iter()
            .map(|d| {
                let level = o
                    .ratings
                    .iter()
                    .find(|r| r.dimension == d.id)
                    .map(|r| r.level);
                let anchor = level
                    .and_then(|l| d.anchor(l))
                    .map(|a| a.text.get(lang).to_owned());
                dimension(&d.id, d.name.get(lang).to_owned(), anchor)
            })
            .collect(),
        None => o
            .ratings
            .iter()
            .map(|r| dimension(&r.dimension, r.dimension.clone(), None))
            .collect(),
    };
    let nothing = o.ratings.is_empty() && o.synthesis.trim().is_empty();
    html! {
        <section class="card" aria-labelledby="an-ratings-title">
            <h2 id="an-ratings-title">{ A::RatingsTitle.get(lang) }</h2>
            <p class="hint">{ A::RatingsIntro.get(lang) }</p>
            if nothing {
                <p class="empty-line">{ A::NoRatings.get(lang) }</p>
            } else {
                if grid.is_none() && !o.ratings.is_empty() {
                    <p class="banner banner-info">{ A::UnknownGrid.get(lang) }</p>
                }
                <ul class="an-ratings">{ for items }</ul>
                <h3>{ A::Synthesis.get(lang) }</h3>
                if o.synthesis.trim().is_empty() {
                    <p class="empty-line">{ A::NoSynthesis.get(lang) }</p>
                } else {
                    <p class="an-synthesis">{ o.synthesis.clone() }</p>
                }
            }
        </section>
    }
}

/// How to read one coefficient, and whether it calls for the warning look.
fn reading(lang: Lang, c: &Coefficient, kappa: bool) -> (String, bool) {
    let text = match report::reading(c) {
        Reading::Low if kappa => A::ReadLowKappa,
        Reading::Low => A::ReadLow,
        Reading::Tentative => A::ReadTentative,
        Reading::Solid => A::ReadSolid,
        Reading::NoData => A::ReadNoData,
        Reading::NoVariation => A::ReadNoVariation,
        Reading::Undefined => A::ReadOther,
    };
    (
        text.get(lang).to_owned(),
        report::reading(c) == Reading::Low,
    )
}

/// One row of an agreement table: what is measured, its value, its units and how to read it.
fn coefficient_row(
    lang: Lang,
    name: &str,
    help: &str,
    c: &Coefficient,
    units: String,
    kappa: bool,
) -> Html {
    let (text, low) = reading(lang, c, kappa);
    let value = c
        .value
        .map_or_else(|| dash(lang), |v| an::coefficient(lang, v));
    html! {
        <tr class={classes!(low.then_some("an-low"))}>
            { row_head(name, help) }
            <td class="an-num" data-label={A::ColValue.get(lang)}><span class="an-value">{ value }</span></td>
            <td class="an-num" data-label={A::ColUnits.get(lang)}>{ units }</td>
            <td class="an-wide" data-label={A::ColReading.get(lang)}>
                if low { <span class="an-flag" aria-hidden="true">{ "!" }</span> }
                { text }
            </td>
        </tr>
    }
}

fn coefficient_heads(lang: Lang, first: &str) -> Html {
    html! {
        <thead>
            <tr>
                <th scope="col">{ first.to_owned() }</th>
                <th scope="col">{ A::ColValue.get(lang) }</th>
                <th scope="col">{ A::ColUnits.get(lang) }</th>
                <th scope="col">{ A::ColReading.get(lang) }</th>
            </tr>
        </thead>
    }
}

fn agreement(lang: Lang, c: &Campaign, scheme: Option<&Scheme>, got: &[Received]) -> Html {
    let settled: Vec<&Observation> = got
        .iter()
        .filter(|r| r.is_settled())
        .map(|r| r.observation)
        .collect();
    let left_out = got.iter().any(|r| r.version.is_some());
    let body = match scheme {
        _ if settled.len() < 2 => html! { <p>{ A::AgreementNeedsTwo.get(lang) }</p> },
        None => html! {},
        Some(scheme) => match compute_agreement(
            &settled,
            scheme,
            default_bars(),
            &AgreementParams::default(),
        ) {
            Err(e) => {
                html! { <p class="banner banner-warning">{ an::agreement_error(lang, &e) }</p> }
            }
            Ok(a) => agreement_body(lang, c, scheme, &a),
        },
    };
    html! {
        <section class="card" aria-labelledby="an-agreement-title">
            <h2 id="an-agreement-title">{ A::AgreementTitle.get(lang) }</h2>
            <p class="hint">{ A::AgreementIntro.get(lang) }</p>
            { body }
            if left_out {
                <p class="hint">{ A::ConflictLeftOut.get(lang) }</p>
            }
        </section>
    }
}

fn agreement_body(lang: Lang, c: &Campaign, scheme: &Scheme, a: &Agreement) -> Html {
    let windows = an::windows_count(lang, a.acts.units);
    let tags = a.tags.iter().map(|t| {
        let (name, _) = an::tag(lang, t.tag);
        let (text, low) = reading(lang, &t.alpha, false);
        let value = t.alpha.value.map_or_else(|| dash(lang), |v| an::coefficient(lang, v));
        html! {
            <tr class={classes!(low.then_some("an-low"))}>
                <th scope="row">{ name }</th>
                <td class="an-num" data-label={A::ColValue.get(lang)}><span class="an-value">{ value }</span></td>
                <td class="an-num" data-label={A::ColWindowsSeen.get(lang)}>{ i18n::number(lang, t.windows_present as f64, 0) }</td>
                <td class="an-wide" data-label={A::ColReading.get(lang)}>
                    if low { <span class="an-flag" aria-hidden="true">{ "!" }</span> }
                    { text }
                </td>
            </tr>
        }
    });
    let r = &a.ratings;
    let dims = an::dimensions_count(lang, r.rated_by_two);
    let kappas = [
        (A::KappaUnweighted, &r.kappa),
        (A::KappaLinear, &r.kappa_linear),
        (A::KappaQuadratic, &r.kappa_quadratic),
    ]
    .into_iter()
    .filter_map(|(name, k)| k.as_ref().map(|k| (name, k)))
    .map(|(name, k)| {
        coefficient_row(
            lang,
            name.get(lang),
            A::KappaHelp.get(lang),
            k,
            an::dimensions_count(lang, k.units),
            true,
        )
    });
    let names: Vec<String> = a
        .mediators
        .iter()
        .map(|m| mediator_name(lang, c, *m))
        .collect();
    let bars = default_bars();
    let levels = r.dimensions.iter().map(|d| {
        let name = bars.dimension(&d.dimension).map_or(d.dimension.clone(), |x| x.name.get(lang).to_owned());
        let known: Vec<u8> = d.levels.iter().flatten().copied().collect();
        let split = known.iter().any(|l| Some(l) != known.first());
        let cells = d.levels.iter().zip(&names).map(|(l, who)| {
            let text = l.map_or_else(|| A::NotRated.get(lang).to_owned(), |l| an::level_of(lang, l, LEVEL_MAX));
            html! { <td class="an-num" data-label={who.clone()}>{ text }</td> }
        });
        html! { <tr class={classes!(split.then_some("an-differs"))}><th scope="row">{ name }</th>{ for cells }</tr> }
    });
    let disputed = a.disputed.iter().map(|d| {
        let label = scheme.code(&d.code).map_or(d.code.clone(), |x| x.label.get(lang).to_owned());
        let area = scheme.code(&d.code).and_then(|x| scheme.area_of(x));
        html! {
            <tr>
                <th scope="row">
                    if let Some(area) = area { <span class={classes!("an-swatch", area_class(area))} aria-hidden="true"></span> }
                    { label }
                </th>
                <td data-label={A::ColDisputed.get(lang)}>
                    <span class="an-bar-row">
                        { share_bar(Some(d.rate), "an-bar-dispute") }
                        <span class="an-num">{ an::disputed_line(lang, d.disputed, d.seen, d.rate) }</span>
                    </span>
                </td>
            </tr>
        }
    });
    html! {
        <>
            if a.warning {
                <div class="an-warning" role="note">
                    <p>{ A::AgreementWarning.get(lang) }</p>
                    <p>{ A::AgreementWarningMore.get(lang) }</p>
                    <p>{ format!("{} {}", A::AgreementLowList.get(lang), a.low.iter().map(|m| an::measure(lang, *m)).collect::<Vec<_>>().join(", ")) }</p>
                </div>
            }
            { for a.notes.iter().map(|n| html! { <p class="banner banner-info">{ an::agreement_note(lang, n) }</p> }) }
            <h3>{ A::CodingAgreementTitle.get(lang) }</h3>
            <p class="hint">{ an::windows_intro(lang, a.window_ms, a.windows) }</p>
            <div class="table-wrap">
                <table class="an-table an-stack">
                    { coefficient_heads(lang, A::ColStatistic.get(lang)) }
                    <tbody>
                        { coefficient_row(lang, A::AlphaActs.get(lang), A::AlphaActsHelp.get(lang), &a.acts, windows.clone(), false) }
                        { coefficient_row(lang, A::AlphaAreas.get(lang), A::AlphaAreasHelp.get(lang), &a.areas, windows, false) }
                    </tbody>
                </table>
            </div>
            <h4>{ A::TagAlphas.get(lang) }</h4>
            <p class="hint">{ A::TagAlphasHelp.get(lang) }</p>
            <div class="table-wrap">
                <table class="an-table an-stack">
                    <thead>
                        <tr>
                            <th scope="col">{ A::ColBehaviour.get(lang) }</th>
                            <th scope="col">{ A::ColValue.get(lang) }</th>
                            <th scope="col">{ A::ColWindowsSeen.get(lang) }</th>
                            <th scope="col">{ A::ColReading.get(lang) }</th>
                        </tr>
                    </thead>
                    <tbody>{ for tags }</tbody>
                </table>
            </div>
            <h4>{ A::DisputedTitle.get(lang) }</h4>
            <p class="hint">{ A::DisputedHelp.get(lang) }</p>
            if a.disputed.is_empty() {
                <p>{ A::NoDisputes.get(lang) }</p>
            } else {
                <div class="table-wrap">
                    <table class="an-table an-stack an-disputed">
                        <thead><tr><th scope="col">{ A::ColCode.get(lang) }</th><th scope="col">{ A::ColDisputed.get(lang) }</th></tr></thead>
                        <tbody>{ for disputed }</tbody>
                    </table>
                </div>
            }
            <h3>{ A::RatingAgreementTitle.get(lang) }</h3>
            <div class="table-wrap">
                <table class="an-table an-stack">
                    { coefficient_heads(lang, A::ColStatistic.get(lang)) }
                    <tbody>
                        { coefficient_row(lang, A::RatingsInterval.get(lang), A::RatingsIntervalHelp.get(lang), &r.interval, dims.clone(), false) }
                        { coefficient_row(lang, A::RatingsOrdinal.get(lang), A::RatingsOrdinalHelp.get(lang), &r.ordinal, dims, false) }
                        { for kappas }
                    </tbody>
                </table>
            </div>
            <div class="table-wrap">
                <table class="an-table an-stack">
                    <caption>{ A::LevelsCaption.get(lang) }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ A::ColDimension.get(lang) }</th>
                            { for names.iter().map(|n| html! { <th scope="col">{ n.clone() }</th> }) }
                        </tr>
                    </thead>
                    <tbody>{ for levels }</tbody>
                </table>
            </div>
            <p class="hint">{ A::LevelsDiffer.get(lang) }</p>
        </>
    }
}

fn trend_card(
    lang: Lang,
    c: &Campaign,
    current: usize,
    merged: &crate::domain::observation::merge::MergedObservations,
    mediators: &[Uuid],
) -> Html {
    let per_session: Vec<Vec<SessionIndices>> = c
        .sessions
        .iter()
        .map(|s| {
            received(merged, c.id, s.id, mediators)
                .into_iter()
                .filter(|r| r.is_settled())
                .filter_map(|r| indices_of(r.observation).map(|(_, ix)| ix))
                .collect()
        })
        .collect();
    let observed = per_session.iter().filter(|v| !v.is_empty()).count();
    let body = if observed < 2 {
        html! { <p>{ A::TrendNeedsTwo.get(lang) }</p> }
    } else {
        let refs: Vec<Vec<&SessionIndices>> =
            per_session.iter().map(|v| v.iter().collect()).collect();
        let trends = pooled_trend(&refs);
        let columns: Vec<Column> = per_session
            .iter()
            .enumerate()
            .map(|(i, coded)| {
                let t = i18n::session_title(lang, i + 1);
                Column {
                    title: if i + 1 == current {
                        format!("{t} ({})", A::ThisSession.get(lang))
                    } else {
                        t
                    },
                    absent: coded.is_empty(),
                }
            })
            .collect();
        html! {
            <>
                { index_table(lang, &trends, &columns, false) }
                <details class="an-details">
                    <summary>{ A::TrendMore.get(lang) }</summary>
                    { index_table(lang, &trends, &columns, true) }
                </details>
            </>
        }
    };
    html! {
        <section class="card" aria-labelledby="an-trend-title">
            <h2 id="an-trend-title">{ A::TrendTitle.get(lang) }</h2>
            <p class="hint">{ A::TrendIntro.get(lang) }</p>
            { body }
        </section>
    }
}
