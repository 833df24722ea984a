//! Session by session: what was received for each session (with its notes), then three tables
//! with one column per session and a trend column — the mediators' ratings with their
//! agreement, the working-together indices, both debriefs facet by facet with their gap — and
//! whether the debriefs converge (the mean gap across sessions, and each session's facets).

use super::Reading;
use crate::domain::compatibility::chart::domain;
use crate::domain::compatibility::{Part, PartSeries, SessionPicture, WorkingIndex};
use crate::domain::i18n::compatibility::{self as cp, Cp};
use crate::domain::i18n::picture::{self as pc, Pc};
use crate::domain::i18n::{self, session_title};
use crate::domain::instrument::definition::DebriefSide;
use crate::domain::observation::rating::default_bars;
use crate::ui::widgets::charts::compat::{
    spark, svg_file_name, ChartSeries, DebriefChart, DebriefSession, PartChart, Style, CANDIDATE,
    LEADER, STYLES,
};
use yew::prelude::*;

/// The column heads: the part, each session (with its date), the trend.
fn head(r: &Reading, first: &str) -> Html {
    let lang = r.lang;
    let sessions = r.picture.sessions.iter().map(|s| {
        let date = r
            .campaign
            .sessions
            .iter()
            .find(|w| w.id == s.session.id)
            .and_then(|w| w.date)
            .map(|d| i18n::date(lang, d));
        html! {
            <th scope="col" class="cp-num">
                { session_title(lang, s.session.number) }
                if let Some(d) = date { <span class="cp-head-date">{ d }</span> }
            </th>
        }
    });
    html! {
        <thead>
            <tr>
                <th scope="col">{ first.to_owned() }</th>
                { for sessions }
                <th scope="col">{ Cp::ColTrend.get(lang) }</th>
            </tr>
        </thead>
    }
}

fn missing_cell(r: &Reading, k: usize) -> Html {
    html! { <td class="cp-num cp-none" data-label={session_title(r.lang, k + 1)}>{ Pc::NoValue.get(r.lang) }</td> }
}

/// The trend cell: a sparkline of one or two series and the trend in words.
fn trend_cell(r: &Reading, series: &[(&PartSeries, Style)], who: &[&str]) -> Html {
    let lang = r.lang;
    let Some((first, _)) = series.first() else {
        return html! { <td></td> };
    };
    let shown = series
        .iter()
        .flat_map(|(s, _)| s.values.iter().flatten().copied());
    let d = domain(first.part.scale(), shown);
    let lines: Vec<(&[Option<f64>], Style)> = series
        .iter()
        .map(|(s, style)| (s.values.as_slice(), *style))
        .collect();
    let words = series.iter().enumerate().map(|(k, (s, _))| {
        let t = s.reading.trend;
        let label = who.get(k).map(|w| format!("{w}{}", pc::colon(lang))).unwrap_or_default();
        html! {
            <span class={classes!("cp-trend", format!("cp-trend-{}", pc::trend_class(t, s.part.better())))}>
                { label }<span aria-hidden="true">{ format!("{} ", pc::trend_arrow(t)) }</span>{ cp::trend(lang, t) }
            </span>
        }
    });
    html! {
        <td class="cp-trend-cell" data-label={Cp::ColTrend.get(lang)}>
            { spark(&lines, &d) }
            <span class="cp-trend-words">{ for words }</span>
        </td>
    }
}

/// What was received for each session: observations counted, debriefs, and the notes.
fn strip(r: &Reading) -> Html {
    let lang = r.lang;
    let items = r.picture.sessions.iter().map(|s| {
        let topic = r
            .campaign
            .sessions
            .iter()
            .find(|w| w.id == s.session.id)
            .map(|w| w.topic.trim().to_owned())
            .filter(|t| !t.is_empty());
        let mediators: Vec<String> = s.observations.iter().map(|o| r.mediator(o.mediator_id)).collect();
        let received = pc::received(lang, &mediators, s.leader_debrief.is_some(), s.candidate_debrief.is_some());
        html! {
            <li class="cp-strip-item">
                <h3>{ r.session_link(s.session, r.session_head(s.session)) }</h3>
                if let Some(t) = topic { <p class="cp-topic">{ t }</p> }
                <p class="hint">{ received }</p>
                if !s.notes.is_empty() {
                    <ul class="cp-notes">
                        { for s.notes.iter().map(|n| html! { <li>{ cp::session_note(lang, r.campaign, n) }</li> }) }
                    </ul>
                }
            </li>
        }
    });
    html! { <ol class="cp-strip">{ for items }</ol> }
}

/// One part's row: its name, a cell per session (`cell`, given the session's place from 0),
/// and its trend.
fn part_row(r: &Reading, part: &Part, cell: impl Fn(usize, &SessionPicture) -> Html) -> Html {
    let cells = r
        .picture
        .sessions
        .iter()
        .enumerate()
        .map(|(k, s)| cell(k, s));
    let series = r.picture.series(part);
    html! {
        <tr>
            <th scope="row">{ cp::part_name(r.lang, part) }</th>
            { for cells }
            { series.map_or_else(|| html! { <td></td> }, |s| trend_cell(r, &[(s, STYLES[0])], &[])) }
        </tr>
    }
}

fn ratings_table(r: &Reading) -> Html {
    let lang = r.lang;
    let bars = default_bars();
    let rows = bars.dimensions.iter().map(|d| {
        let part = Part::Rating(d.id.clone());
        part_row(r, &part, |k, s| {
            match s
                .ratings
                .iter()
                .find(|x| x.dimension == d.id)
                .filter(|x| x.mean.is_some())
            {
                Some(x) => html! {
                    <td class="cp-num" data-label={session_title(lang, k + 1)}>
                        <span class="an-value">{ pc::cell(lang, part.scale(), x.mean) }</span>
                        <span class="an-parts">{ pc::levels(lang, &x.levels) }</span>
                    </td>
                },
                None => missing_cell(r, k),
            }
        })
    });
    let agreement = r.picture.sessions.iter().enumerate().map(|(k, s)| {
        let (main, below) = pc::agreement_cell(lang, &s.agreement);
        html! {
            <td class="cp-agreement" data-label={session_title(lang, k + 1)}>
                { for main.into_iter().map(|line| html! { <span class="cp-line">{ line }</span> }) }
                if let Some(b) = below { <strong class="cp-line cp-low">{ b }</strong> }
            </td>
        }
    });
    html! {
        <div class="table-wrap" tabindex="0" role="region" aria-label={Pc::RatingsTitle.get(lang)}>
            <table class="an-table an-stack cp-table">
                <caption class="visually-hidden">{ Pc::RatingsTitle.get(lang) }</caption>
                { head(r, Pc::ColPart.get(lang)) }
                <tbody>
                    { for rows }
                    <tr class="cp-agreement-row">
                        <th scope="row">{ Pc::AgreementRow.get(lang) }</th>
                        { for agreement }
                        <td class="cp-wide-empty"></td>
                    </tr>
                </tbody>
            </table>
        </div>
    }
}

fn working_table(r: &Reading) -> Html {
    let lang = r.lang;
    let rows = WorkingIndex::all().into_iter().map(|index| {
        let part = Part::Working(index);
        part_row(r, &part, |k, s| match s.working(index) {
            Some(v) => html! {
                <td class="cp-num" data-label={session_title(lang, k + 1)}>
                    <span class="an-value">{ pc::cell(lang, part.scale(), Some(v)) }</span>
                </td>
            },
            None => missing_cell(r, k),
        })
    });
    html! {
        <div class="table-wrap" tabindex="0" role="region" aria-label={Pc::WorkingTitle.get(lang)}>
            <table class="an-table an-stack cp-table">
                <caption class="visually-hidden">{ Pc::WorkingTitle.get(lang) }</caption>
                { head(r, Pc::ColPart.get(lang)) }
                <tbody>{ for rows }</tbody>
            </table>
        </div>
    }
}

fn debrief_cell(r: &Reading, k: usize, s: &SessionPicture, facet: &str) -> Html {
    let lang = r.lang;
    let Some(f) = s.debriefs.iter().find(|f| f.facet == facet) else {
        return missing_cell(r, k);
    };
    if f.leader.is_none() && f.candidate.is_none() {
        return missing_cell(r, k);
    }
    let v = |x| pc::cell(lang, crate::domain::compatibility::Scale::Pomp, x);
    html! {
        <td class={classes!("cp-num", f.large.then_some("cp-large"))} data-label={session_title(lang, k + 1)}>
            <span class="cp-pair">
                <span>{ format!("{} {}", Cp::ColLeader.get(lang), v(f.leader)) }</span>
                <span>{ format!("{} {}", Cp::ColCandidate.get(lang), v(f.candidate)) }</span>
            </span>
            if let Some(g) = f.gap {
                <span class="an-parts">
                    { format!("{} {}", Cp::ColGap.get(lang), v(Some(g))) }
                    if f.large { <strong>{ format!(" · {}", Pc::LargeGap.get(lang)) }</strong> }
                </span>
            }
        </td>
    }
}

fn debriefs_table(r: &Reading) -> Html {
    let lang = r.lang;
    let facets = crate::domain::compatibility::part::debrief_facets();
    let who = [Cp::ColLeader.get(lang), Cp::ColCandidate.get(lang)];
    let rows = facets.iter().map(|facet| {
        let cells = r
            .picture
            .sessions
            .iter()
            .enumerate()
            .map(|(k, s)| debrief_cell(r, k, s, facet));
        let leader = r
            .picture
            .series(&Part::Debrief(DebriefSide::Leader, facet.clone()));
        let own = r
            .picture
            .series(&Part::Debrief(DebriefSide::Candidate, facet.clone()));
        let trend = match (leader, own) {
            (Some(l), Some(c)) => trend_cell(r, &[(l, LEADER), (c, CANDIDATE)], &who),
            _ => html! { <td></td> },
        };
        html! {
            <tr>
                <th scope="row">{ pc::facet(lang, facet) }</th>
                { for cells }
                { trend }
            </tr>
        }
    });
    let gap = r.picture.series(&Part::Convergence);
    let gaps = r.picture.sessions.iter().enumerate().map(|(k, s)| match s.mean_gap {
        Some(g) => html! {
            <td class="cp-num" data-label={session_title(lang, k + 1)}>
                <span class="an-value">{ pc::cell(lang, crate::domain::compatibility::Scale::Pomp, Some(g)) }</span>
                <span class="an-parts">{ pc::facets_compared(lang, s.facets_compared) }</span>
            </td>
        },
        None => missing_cell(r, k),
    });
    html! {
        <div class="table-wrap" tabindex="0" role="region" aria-label={Pc::DebriefsTitle.get(lang)}>
            <table class="an-table an-stack cp-table">
                <caption class="visually-hidden">{ Pc::DebriefsTitle.get(lang) }</caption>
                { head(r, Pc::ColFacet.get(lang)) }
                <tbody>
                    { for rows }
                    <tr class="cp-gap-row">
                        <th scope="row">{ cp::part_name(lang, &Part::Convergence) }</th>
                        { for gaps }
                        { gap.map_or_else(|| html! { <td></td> }, |s| trend_cell(r, &[(s, STYLES[0])], &[])) }
                    </tr>
                </tbody>
            </table>
        </div>
    }
}

/// The session-by-session card.
pub fn sessions(r: &Reading) -> Html {
    let lang = r.lang;
    html! {
        <section class="card cp-sessions" aria-labelledby={r.id("cp-sessions-title")}>
            { r.heading(&r.id("cp-sessions-title"), Cp::SessionsTitle.get(lang)) }
            { strip(r) }
            <h3 class="cp-table-title">{ Pc::RatingsTitle.get(lang) }</h3>
            <p class="hint">{ Pc::RatingsIntro.get(lang) }</p>
            { ratings_table(r) }
            <h3 class="cp-table-title">{ Pc::WorkingTitle.get(lang) }</h3>
            <p class="hint">{ Pc::WorkingIntro.get(lang) }</p>
            { working_table(r) }
            <h3 class="cp-table-title">{ Pc::DebriefsTitle.get(lang) }</h3>
            <p class="hint">{ Pc::DebriefsIntro.get(lang) }</p>
            { debriefs_table(r) }
        </section>
    }
}

/// The ratings with their agreement only (for the report's own section).
pub fn ratings_only(r: &Reading) -> Html {
    html! {
        <>
            <p class="hint">{ Pc::RatingsIntro.get(r.lang) }</p>
            { ratings_table(r) }
        </>
    }
}

/// The working-together indices only (for the report).
pub fn working_only(r: &Reading) -> Html {
    html! {
        <>
            <p class="hint">{ Pc::WorkingIntro.get(r.lang) }</p>
            { working_table(r) }
        </>
    }
}

/// The debriefs table only (for the report).
pub fn debriefs_only(r: &Reading) -> Html {
    html! {
        <>
            <p class="hint">{ Pc::DebriefsIntro.get(r.lang) }</p>
            { debriefs_table(r) }
        </>
    }
}

/// What was received per session (for the report).
pub fn strip_only(r: &Reading) -> Html {
    strip(r)
}

/// The convergence charts: the mean gap across sessions, and each session's facets.
pub fn convergence_charts(r: &Reading) -> Html {
    let lang = r.lang;
    let gap = r.picture.series(&Part::Convergence);
    let values = gap.map(|g| g.values.clone()).unwrap_or_default();
    let d = domain(
        crate::domain::compatibility::Scale::Pomp,
        values.iter().flatten().copied(),
    );
    let trend = r.picture.convergence();
    let title = Pc::ConvergenceChart.get(lang).to_owned();
    let summary = pc::chart_summary(
        lang,
        &title,
        &values,
        crate::domain::compatibility::Scale::Pomp,
        trend,
    );
    let file = |what: &str| {
        if r.print {
            String::new()
        } else {
            svg_file_name(&format!("{what} {}", r.candidate.name))
        }
    };
    let sessions: Vec<DebriefSession> = r
        .picture
        .sessions
        .iter()
        .map(|s| DebriefSession {
            number: s.session.number,
            facets: s
                .debriefs
                .iter()
                .map(|f| (pc::facet(lang, &f.facet), f.leader, f.candidate, f.large))
                .collect(),
        })
        .collect();
    html! {
        <div class="cp-convergence-charts">
            <PartChart id={format!("cp-gap-{}", r.candidate.id)} title={title.clone()} {summary}
                series={vec![ChartSeries { label: r.candidate.name.clone(), values, style: STYLES[0] }]}
                domain={d} scale={crate::domain::compatibility::Scale::Pomp} file_name={file("gap")} />
            <DebriefChart id={format!("cp-debrief-{}", r.candidate.id)} title={Pc::DebriefsTitle.get(lang).to_owned()}
                {sessions} file_name={file("debriefs")} />
        </div>
    }
}

/// Do the debriefs converge? The sentence, then the charts.
pub fn convergence(r: &Reading) -> Html {
    let lang = r.lang;
    html! {
        <section class="card cp-convergence" aria-labelledby={r.id("cp-convergence-title")}>
            { r.heading(&r.id("cp-convergence-title"), Cp::ConvergenceTitle.get(lang)) }
            <p class="cp-lead-sentence">{ cp::convergence(lang, r.picture.convergence()) }</p>
            { convergence_charts(r) }
        </section>
    }
}
