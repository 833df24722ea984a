//! The indices of one observation: overview, meta-communication, Bales profile, thirds and
//! who answers whom.

use super::{
    actor_heads, area_class, dash, ratio_cell, row_head, share_cell, trend::index_table,
    trend::Column, value_cell,
};
use crate::domain::assessment::chart::svg_number as n;
use crate::domain::i18n;
use crate::domain::i18n::analysis as an;
use crate::domain::i18n::analysis::A;
use crate::domain::lang::Lang;
use crate::domain::observation::indices::{
    within_session, SessionIndices, Transitions, WindowIndices,
};
use crate::domain::observation::scheme::{Actor, Area, Scheme, Tag};
use yew::prelude::*;

pub(super) fn overview(lang: Lang, w: &WindowIndices) -> Html {
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

pub(super) fn meta_communication(lang: Lang, w: &WindowIndices) -> Html {
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
pub(super) fn share_bar(value: Option<f64>, class: &'static str) -> Html {
    let w = n(value.unwrap_or(0.0) * 100.0);
    html! {
        <svg class="an-bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
            <rect class="an-bar-track" width="100" height="10" />
            <rect class={class} width={w} height="10" />
        </svg>
    }
}

pub(super) fn profile(lang: Lang, scheme: &Scheme, w: &WindowIndices) -> Html {
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
pub(super) fn thirds(lang: Lang, ix: &SessionIndices) -> Html {
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

pub(super) fn transitions(lang: Lang, t: &Transitions) -> Html {
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
