//! Charts of the compatibility picture: a sparkline per row of the session tables, a part
//! across the sessions (one line per series — the candidate, or each compared candidate — with
//! the fitted trend line), and the two debriefs of each session facet by facet. Geometry comes
//! from `crate::domain::compatibility::chart`.
//!
//! These charts can be saved as SVG files, so their look is carried by presentation
//! attributes (stroke, fill, dash patterns), not by the stylesheet: the saved file looks the
//! same in any viewer. Series differ by colour *and* by dash pattern and marker shape, so they
//! stay apart in black and white.

use super::figures;
use crate::domain::assessment::chart::svg_number as n;
use crate::domain::compatibility::chart::{
    dumbbells, horizontal, line_chart, line_series, Domain, DumbbellLayout, Layout,
};
use crate::domain::compatibility::Scale;
use crate::domain::i18n::charts::Ch;
use crate::domain::i18n::compatibility::Cp;
use crate::domain::i18n::picture::{self as pc, Pc};
use crate::domain::i18n::session_title;
use crate::domain::lang::Lang;
use crate::ui::shell::state::use_app;
use yew::prelude::*;

const INK: &str = "#1c2530";
const INK_SOFT: &str = "#4a5866";
const GRID: &str = "#d5dce3";
const TRACK: &str = "#e4e9ee";
const FONT: &str = "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif";

/// How a series is drawn: colour, dash pattern, marker.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Style {
    pub colour: &'static str,
    pub dash: Option<&'static str>,
    pub shape: Mark,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    Circle,
    Square,
    Diamond,
    Triangle,
}

/// Up to four series: solid/round, dashed/square, dotted/diamond, dash-dot/triangle. Colours
/// are AA on white.
pub const STYLES: [Style; 4] = [
    Style {
        colour: "#1d4f6e",
        dash: None,
        shape: Mark::Circle,
    },
    Style {
        colour: "#9a5b00",
        dash: Some("7 4"),
        shape: Mark::Square,
    },
    Style {
        colour: "#6b3fa0",
        dash: Some("2 3"),
        shape: Mark::Diamond,
    },
    Style {
        colour: "#1e6b3a",
        dash: Some("9 3 2 3"),
        shape: Mark::Triangle,
    },
];

/// The leader's side of a debrief: a dark square; the candidate's: a brand-blue circle.
pub const LEADER: Style = Style {
    colour: "#33414e",
    dash: Some("4 2"),
    shape: Mark::Square,
};
pub const CANDIDATE: Style = STYLES[0];

/// A marker of `style` centred on `(x, y)`, `size` across.
pub fn mark(style: Style, x: f64, y: f64, size: f64) -> Html {
    let h = size / 2.0;
    let fill = style.colour;
    match style.shape {
        Mark::Circle => {
            html! { <circle cx={n(x)} cy={n(y)} r={n(h)} fill={fill} stroke="#fff" stroke-width="1.5" /> }
        }
        Mark::Square => html! {
            <rect x={n(x - h)} y={n(y - h)} width={n(size)} height={n(size)} fill={fill} stroke="#fff" stroke-width="1.5" />
        },
        Mark::Diamond => {
            let d = h * 1.3;
            let path = format!(
                "M{} {}l{d} {d} {m} {d} {m} {m}z",
                n(x),
                n(y - d),
                d = n(d),
                m = n(-d)
            );
            html! { <path d={path} fill={fill} stroke="#fff" stroke-width="1.5" /> }
        }
        Mark::Triangle => {
            let d = h * 1.2;
            let path = format!(
                "M{} {}L{} {}L{} {}z",
                n(x),
                n(y - d),
                n(x + d),
                n(y + d * 0.8),
                n(x - d),
                n(y + d * 0.8)
            );
            html! { <path d={path} fill={fill} stroke="#fff" stroke-width="1.5" /> }
        }
    }
}

/// A key swatch for a series style.
pub fn key(style: Style) -> Html {
    html! {
        <svg class="chart-key" viewBox="0 0 32 14" aria-hidden="true" focusable="false">
            <path d="M2 7H30" fill="none" stroke={style.colour} stroke-width="2.5" stroke-dasharray={style.dash} />
            { mark(style, 16.0, 7.0, 7.0) }
        </svg>
    }
}

/// A sparkline of one or two series (the second dashed), on a fixed domain, with the fitted
/// line of the first. Decorative: the row it sits in says the values and the trend.
pub fn spark(series: &[(&[Option<f64>], Style)], domain: &Domain) -> Html {
    let l = Layout::SPARK;
    let lines = series.iter().map(|(values, style)| {
        let s = line_series(values, domain, &l);
        let marks = s.points.iter().map(|(_, (x, y))| mark(*style, *x, *y, 5.0));
        html! {
            <g>
                if !s.bridged.is_empty() {
                    <path d={s.bridged.clone()} fill="none" stroke={style.colour} stroke-width="1.2" stroke-dasharray="1 2.5" />
                }
                if !s.solid.is_empty() {
                    <path d={s.solid.clone()} fill="none" stroke={style.colour} stroke-width="1.8" stroke-dasharray={style.dash} stroke-linejoin="round" />
                }
                { for marks }
            </g>
        }
    });
    html! {
        <svg class="cp-spark" viewBox={format!("0 0 {} {}", n(l.width), n(l.height))} aria-hidden="true" focusable="false">
            <path d={horizontal(l.left, l.width - l.right, l.baseline())} stroke={GRID} stroke-width="1" />
            { for lines }
        </svg>
    }
}

/// One series of a part chart.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartSeries {
    pub label: String,
    /// One value per session.
    pub values: Vec<Option<f64>>,
    pub style: Style,
}

#[derive(Properties, PartialEq)]
pub struct PartChartProps {
    /// The `id` of the `<svg>` (for saving it).
    pub id: AttrValue,
    pub title: String,
    /// The accessible summary of what the chart shows.
    pub summary: String,
    pub series: Vec<ChartSeries>,
    pub domain: Domain,
    pub scale: Scale,
    /// Draw the fitted trend line of each series.
    #[prop_or(true)]
    pub fit: bool,
    /// The file name offered when saved; no save button when empty.
    #[prop_or_default]
    pub file_name: String,
}

/// The figures table under a part chart: one row per session, one column per series.
fn part_table(lang: Lang, p: &PartChartProps, sessions: usize) -> Html {
    let head = html! {
        <tr>
            <th scope="col">{ Pc::ColPart.get(lang).to_owned() }</th>
            { for p.series.iter().map(|s| html! { <th scope="col" class="chart-num">{ s.label.clone() }</th> }) }
        </tr>
    };
    let rows = (0..sessions).map(|k| {
        html! {
            <tr>
                <th scope="row">{ session_title(lang, k + 1) }</th>
                { for p.series.iter().map(|s| match s.values.get(k).copied().flatten() {
                    Some(v) => html! { <td class="chart-num">{ pc::cell(lang, p.scale, Some(v)) }</td> },
                    None => html! { <td class="chart-num chart-missing">{ Pc::NoValue.get(lang) }</td> },
                }) }
            </tr>
        }
    });
    figures(lang, &p.title, head, html! { <tbody>{ for rows }</tbody> })
}

/// A file name for a chart saved today: `rally-<what>-<date>.svg`.
pub fn svg_file_name(what: &str) -> String {
    let name = crate::domain::file::export_file_name(what, crate::platform::clock::now());
    format!("{}.svg", name.strip_suffix(".json").unwrap_or(&name))
}

/// Saves the `<svg>` with this id as a file.
pub fn save_button(lang: Lang, id: &str, file_name: &str, title: &str) -> Html {
    let onclick = {
        let (id, file) = (id.to_owned(), file_name.to_owned());
        Callback::from(move |_| {
            if let Some(svg) = crate::platform::dom::outer_html(&id) {
                let text = format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n{svg}\n");
                let _ = crate::platform::files::download(&file, &text, "image/svg+xml");
            }
        })
    };
    html! {
        <button type="button" class="button-link cp-save" {onclick}
            aria-label={crate::domain::i18n::action_on(lang, Pc::SaveSvg.get(lang), title)}>
            { Pc::SaveSvg.get(lang) }
        </button>
    }
}

/// A part across the sessions: value axis on the left, sessions below, one line per series,
/// the fitted line dotted thin, a session without a value bridged by a faint dotted line.
#[function_component(PartChart)]
pub fn part_chart(p: &PartChartProps) -> Html {
    let lang = use_app().lang;
    let l = Layout::SMALL;
    let values: Vec<&[Option<f64>]> = p.series.iter().map(|s| s.values.as_slice()).collect();
    let chart = line_chart(&values, &p.domain, &l);
    let sessions = chart.xs.len();
    let ticks = chart.ticks.iter().map(|(v, y)| {
        html! {
            <g>
                <path d={horizontal(l.left, l.width - l.right, *y)} stroke={GRID} stroke-width="1" />
                <text x={n(l.left - 8.0)} y={n(y + 4.0)} text-anchor="end" font-size="11" fill={INK_SOFT}>{ pc::tick(lang, p.scale, *v) }</text>
            </g>
        }
    });
    let labels = chart.xs.iter().enumerate().map(|(k, x)| {
        html! { <text x={n(*x)} y={n(l.height - 10.0)} text-anchor="middle" font-size="11" fill={INK_SOFT}>{ format!("S{}", k + 1) }</text> }
    });
    let lines = chart.series.iter().zip(&p.series).map(|(s, meta)| {
        let style = meta.style;
        let marks = s.points.iter().map(|(_, (x, y))| mark(style, *x, *y, 8.0));
        html! {
            <g>
                if p.fit {
                    if let Some(((x1, y1), (x2, y2))) = s.fit {
                        <path d={format!("M{} {}L{} {}", n(x1), n(y1), n(x2), n(y2))} fill="none" stroke={style.colour} stroke-width="1.2" stroke-dasharray="4 3" opacity="0.75" />
                    }
                }
                if !s.bridged.is_empty() {
                    <path d={s.bridged.clone()} fill="none" stroke={style.colour} stroke-width="1.5" stroke-dasharray="1 4" />
                }
                if !s.solid.is_empty() {
                    <path d={s.solid.clone()} fill="none" stroke={style.colour} stroke-width="2.5" stroke-dasharray={style.dash} stroke-linejoin="round" stroke-linecap="round" />
                }
                { for marks }
            </g>
        }
    });
    let legend = p
        .series
        .iter()
        .map(|s| html! { <li>{ key(s.style) }{ s.label.clone() }</li> });
    html! {
        <figure class="chart cp-chart">
            <figcaption class="chart-title">{ p.title.clone() }</figcaption>
            <svg id={p.id.clone()} class="chart-svg cp-chart-svg" xmlns="http://www.w3.org/2000/svg"
                viewBox={format!("0 0 {} {}", n(l.width), n(l.height))} role="img" aria-label={p.summary.clone()}
                focusable="false" font-family={FONT}>
                <title>{ p.title.clone() }</title>
                <rect x="0" y="0" width={n(l.width)} height={n(l.height)} fill="#fff" />
                { for ticks }
                <path d={format!("M{} {}V{}", n(l.left), n(l.top), n(l.baseline()))} stroke={INK_SOFT} stroke-width="1" />
                { for lines }
                { for labels }
            </svg>
            <ul class="chart-legend" aria-label={Ch::LegendLabel.get(lang)}>
                { for legend }
                if p.fit {
                    <li>
                        <svg class="chart-key" viewBox="0 0 32 14" aria-hidden="true" focusable="false">
                            <path d="M2 7H30" fill="none" stroke={INK_SOFT} stroke-width="1.2" stroke-dasharray="4 3" />
                        </svg>
                        { Pc::KeyFit.get(lang) }
                    </li>
                }
            </ul>
            { part_table(lang, p, sessions) }
            if !p.file_name.is_empty() {
                <div class="no-print">{ save_button(lang, &p.id, &p.file_name, &p.title) }</div>
            }
        </figure>
    }
}

/// One session's debrief, facet by facet.
#[derive(Clone, Debug, PartialEq)]
pub struct DebriefSession {
    pub number: usize,
    /// `(facet name, leader, candidate, large gap)` in order.
    pub facets: Vec<(String, Option<f64>, Option<f64>, bool)>,
}

#[derive(Properties, PartialEq)]
pub struct DebriefChartProps {
    pub id: AttrValue,
    pub title: String,
    pub sessions: Vec<DebriefSession>,
    #[prop_or_default]
    pub file_name: String,
}

/// Leader and candidate per facet, one small chart per session: a square for the leader, a
/// circle for the candidate, the gap between them as a bar (thick and labelled when large).
#[function_component(DebriefChart)]
pub fn debrief_chart(p: &DebriefChartProps) -> Html {
    let lang = use_app().lang;
    let l = DumbbellLayout::SESSION;
    let charts = p.sessions.iter().map(|s| {
        let pairs: Vec<(Option<f64>, Option<f64>)> = s.facets.iter().map(|f| (f.1, f.2)).collect();
        let rows = dumbbells(&pairs, &l);
        let height = l.height(rows.len());
        let title = session_title(lang, s.number);
        let id = format!("{}-{}", p.id, s.number);
        let answered = s.facets.iter().any(|f| f.1.is_some() || f.2.is_some());
        let body = rows.iter().zip(&s.facets).map(|(r, f)| {
            let gap_text = match (f.1, f.2) {
                (Some(a), Some(b)) => pc::cell(lang, Scale::Pomp, Some((a - b).abs())),
                _ => "—".to_owned(),
            };
            html! {
                <g>
                    <text x={n(l.left)} y={n(r.top + 12.0)} font-size="12.5" fill={INK}>{ f.0.clone() }</text>
                    <text x={n(l.width - 4.0)} y={n(r.y + 4.0)} font-size="12" text-anchor="end"
                        fill={if f.3 { INK } else { INK_SOFT }} font-weight={if f.3 { "700" } else { "400" }}>{ gap_text }</text>
                    <path d={horizontal(l.x(0.0), l.x(100.0), r.y)} stroke={TRACK} stroke-width="4" stroke-linecap="round" />
                    if let Some((a, b)) = r.gap {
                        <path d={horizontal(a, b, r.y)} stroke={if f.3 { INK } else { INK_SOFT }} stroke-width={if f.3 { "4" } else { "2" }} />
                    }
                    if let Some(x) = r.leader { { mark(LEADER, x, r.y, 9.0) } }
                    if let Some(x) = r.candidate { { mark(CANDIDATE, x, r.y, 9.0) } }
                </g>
            }
        });
        html! {
            <figure class="chart cp-debrief">
                <figcaption class="chart-title">{ title.clone() }</figcaption>
                if answered {
                    <svg id={id.clone()} class="chart-svg" xmlns="http://www.w3.org/2000/svg" viewBox={format!("0 0 {} {}", n(l.width), n(height))}
                        role="img" aria-label={format!("{} — {title}", p.title)} focusable="false" font-family={FONT}>
                        <title>{ format!("{} — {title}", p.title) }</title>
                        <rect x="0" y="0" width={n(l.width)} height={n(height)} fill="#fff" />
                        <text x={n(l.x(0.0))} y="11" font-size="10" fill={INK_SOFT}>{ "0" }</text>
                        <text x={n(l.x(50.0))} y="11" font-size="10" fill={INK_SOFT} text-anchor="middle">{ "50" }</text>
                        <text x={n(l.x(100.0))} y="11" font-size="10" fill={INK_SOFT} text-anchor="end">{ "100" }</text>
                        <text x={n(l.width - 4.0)} y="11" font-size="10" fill={INK_SOFT} text-anchor="end">{ Cp::ColGap.get(lang) }</text>
                        { for body }
                    </svg>
                    if !p.file_name.is_empty() {
                        <div class="no-print">{ save_button(lang, &id, &p.file_name.replace(".svg", &format!("-{}.svg", s.number)), &format!("{} — {title}", p.title)) }</div>
                    }
                } else {
                    <p class="chart-empty">{ Pc::NoValue.get(lang) }</p>
                }
            </figure>
        }
    });
    let facets: Vec<String> = p
        .sessions
        .first()
        .map(|s| s.facets.iter().map(|f| f.0.clone()).collect())
        .unwrap_or_default();
    let head = html! {
        <tr>
            <th scope="col">{ Pc::ColFacet.get(lang) }</th>
            { for p.sessions.iter().map(|s| html! { <th scope="col" class="chart-num">{ session_title(lang, s.number) }</th> }) }
        </tr>
    };
    let rows = facets.iter().enumerate().map(|(k, name)| {
        html! {
            <tr>
                <th scope="row">{ name.clone() }</th>
                { for p.sessions.iter().map(|s| {
                    let f = s.facets.get(k);
                    let (l, c) = (f.and_then(|f| f.1), f.and_then(|f| f.2));
                    html! { <td class="chart-num">{ format!("{} {} · {} {}", Cp::ColLeader.get(lang), pc::cell(lang, Scale::Pomp, l), Cp::ColCandidate.get(lang), pc::cell(lang, Scale::Pomp, c)) }</td> }
                }) }
            </tr>
        }
    });
    html! {
        <div class="cp-debriefs">
            <ul class="chart-legend" aria-label={Ch::LegendLabel.get(lang)}>
                <li>{ key_mark(LEADER) }{ Cp::ColLeader.get(lang) }</li>
                <li>{ key_mark(CANDIDATE) }{ Cp::ColCandidate.get(lang) }</li>
                <li>
                    <svg class="chart-key" viewBox="0 0 32 14" aria-hidden="true" focusable="false">
                        <path d="M4 7H28" stroke={INK} stroke-width="4" />
                    </svg>
                    { Pc::LargeGap.get(lang) }
                </li>
            </ul>
            <div class="cp-debrief-grid">{ for charts }</div>
            { figures(lang, &p.title, head, html! { <tbody>{ for rows }</tbody> }) }
        </div>
    }
}

/// A key swatch with a marker only.
fn key_mark(style: Style) -> Html {
    html! {
        <svg class="chart-key" viewBox="0 0 32 14" aria-hidden="true" focusable="false">
            { mark(style, 16.0, 7.0, 9.0) }
        </svg>
    }
}
