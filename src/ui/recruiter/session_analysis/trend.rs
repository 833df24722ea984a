//! The trend across the campaign's sessions, and the index tables it shares with the thirds.

use super::{indices_of, KEY_INDICES};
use crate::domain::assessment::chart::svg_number as n;
use crate::domain::campaign::Campaign;
use crate::domain::i18n;
use crate::domain::i18n::analysis as an;
use crate::domain::i18n::analysis::A;
use crate::domain::lang::Lang;
use crate::domain::observation::indices::{Direction, SessionIndices, Trend, TrendIndex};
use crate::domain::observation::report::{counting, pooled_trend};
use uuid::Uuid;
use yew::prelude::*;

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
pub(super) struct Column {
    pub(super) title: String,
    pub(super) absent: bool,
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

pub(super) fn index_table(lang: Lang, trends: &[Trend], columns: &[Column], all: bool) -> Html {
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

pub(super) fn trend_card(
    lang: Lang,
    c: &Campaign,
    current: usize,
    merged: &crate::domain::observation::merge::MergedObservations,
    candidate: Uuid,
) -> Html {
    // The candidate's sessions only: what counts of each (the chosen version of one received
    // in several), as each mediator coded it.
    let per_session: Vec<Vec<SessionIndices>> = c
        .sessions
        .iter()
        .map(|s| {
            counting(merged, c, s.id, candidate)
                .into_iter()
                .filter(|k| k.submitted)
                .filter_map(|k| indices_of(&k.observation).map(|(_, ix)| ix))
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
