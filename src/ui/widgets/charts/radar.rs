//! A radar of one to three series over three or more axes, with an optional acceptable band
//! drawn as a shaded ring. A value that is not scored breaks its series' outline (see
//! `crate::domain::assessment::chart::series_shape`) and reads "not scored" in the table.

use super::{figures, line_key, marker, text_lines, Shape};
use crate::domain::assessment::chart::{self as geo, Anchor};
use crate::domain::i18n::charts::{self as ch, Ch};
use crate::domain::i18n::number;
use crate::domain::lang::Lang;
use crate::domain::sorting;
use crate::ui::shell::lang::use_lang;
use yew::prelude::*;

/// Which series a line is: it sets the line's style (solid, dashed, dotted) and marker.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SeriesKind {
    SelfReport,
    Observers,
    Target,
}

impl SeriesKind {
    fn class(self) -> &'static str {
        match self {
            SeriesKind::SelfReport => "chart-series-self",
            SeriesKind::Observers => "chart-series-observers",
            SeriesKind::Target => "chart-series-target",
        }
    }

    fn shape(self) -> Shape {
        match self {
            SeriesKind::SelfReport => Shape::Circle,
            SeriesKind::Observers => Shape::Square,
            SeriesKind::Target => Shape::Diamond,
        }
    }

    /// Drawing order: the target underneath, the self-assessment on top.
    fn layer(self) -> u8 {
        match self {
            SeriesKind::Target => 0,
            SeriesKind::Observers => 1,
            SeriesKind::SelfReport => 2,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct RadarSeries {
    pub kind: SeriesKind,
    pub label: String,
    /// One value per axis, in axis order; `None` when not scored.
    pub values: Vec<Option<f64>>,
}

#[derive(Properties, PartialEq)]
pub struct RadarProps {
    /// Accessible name and visible caption.
    pub title: String,
    /// Axis labels, at least three.
    pub axes: Vec<String>,
    /// One to three series, values on `[min, max]`.
    pub series: Vec<RadarSeries>,
    /// Per-axis acceptable band `(min, max)`, drawn as a shaded ring.
    #[prop_or_default]
    pub band: Option<Vec<(f64, f64)>>,
    pub min: f64,
    pub max: f64,
    /// Grid rings to label.
    #[prop_or_default]
    pub ticks: Vec<f64>,
}

// Geometry, in viewBox units (the view box is fitted around the circle and the labels).
const RADIUS: f64 = 100.0;
const LABEL_GAP: f64 = 9.0;
const FONT: f64 = 13.0;
const LINE: f64 = 15.0;
/// Axis labels on the sides split from this many characters (into two even lines), and lines
/// are cut beyond the second figure; labels at 12 and 6 o'clock may be wider.
const WRAP_SIDE: (usize, usize) = (12, 18);
const WRAP_MIDDLE: (usize, usize) = (22, 26);
const PADDING: f64 = 4.0;
const MARKER: f64 = 7.0;

/// Decimals for values on this scale: one on a short scale (levels 1–5), none on POMP.
fn decimals(min: f64, max: f64) -> usize {
    if (max - min).abs() <= 10.0 {
        1
    } else {
        0
    }
}

#[function_component(Radar)]
pub fn radar(p: &RadarProps) -> Html {
    let lang = use_lang();
    let n = p.axes.len();
    if n < 3 || p.series.is_empty() {
        return html! {
            <figure class="chart chart-radar">
                <figcaption class="chart-title">{ p.title.clone() }</figcaption>
                <p class="chart-empty">{ Ch::NoData.get(lang) }</p>
            </figure>
        };
    }
    let (min, max) = (p.min, p.max);
    let band = p.band.as_ref().filter(|b| b.len() == n);

    let wrapped: Vec<Vec<String>> = p
        .axes
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let wrap = match geo::label_spot(i, n, RADIUS + LABEL_GAP).anchor {
                Anchor::Middle => WRAP_MIDDLE,
                _ => WRAP_SIDE,
            };
            geo::wrap_label(name, wrap.0, wrap.1)
        })
        .collect();
    let view = geo::radar_view(&wrapped, RADIUS, LABEL_GAP, FONT, LINE, PADDING);

    // Grid: the labelled ticks, or quarters when none are given; the outer ring always.
    let inside: Vec<f64> = p
        .ticks
        .iter()
        .copied()
        .filter(|t| *t > min && *t < max)
        .collect();
    let rings: Vec<f64> = if p.ticks.is_empty() {
        (1..4)
            .map(|k| min + (max - min) * f64::from(k) / 4.0)
            .collect()
    } else {
        inside
    };
    let mut grid: String = rings
        .iter()
        .map(|v| geo::grid_ring(n, *v, min, max, RADIUS))
        .collect();
    grid.push_str(&geo::grid_ring(n, max, min, max, RADIUS));
    let tick_decimals = if p.ticks.iter().all(|t| t.fract() == 0.0) {
        0
    } else {
        1
    };
    // Tick labels halfway between the last axis and axis 0, on their ring, away from markers.
    let tick_labels = p
        .ticks
        .iter()
        .filter(|t| **t > min && **t <= max)
        .map(|t| {
            let (x0, y0) = geo::radar_point(n - 1, n, *t, min, max, RADIUS);
            let (x1, y1) = geo::radar_point(0, n, *t, min, max, RADIUS);
            // With few axes the rings' midpoints crowd near the centre: label along axis 0.
            let (x, y, anchor) = if n <= 4 {
                (x1 + 5.0, y1, "start")
            } else {
                ((x0 + x1) / 2.0, (y0 + y1) / 2.0, "middle")
            };
            html! {
                <text class="chart-tick" x={geo::svg_number(x)} y={geo::svg_number(y + 4.0)} text-anchor={anchor}>{ number(lang, *t, tick_decimals) }</text>
            }
        });

    let mut order: Vec<&RadarSeries> = p.series.iter().collect();
    sorting::sort_by_key(&mut order, |s| s.kind.layer());
    let some_missing = p
        .series
        .iter()
        .any(|s| (0..n).any(|i| s.values.get(i).copied().flatten().is_none()));
    let series = order.iter().map(|s| {
        let mut values = s.values.clone();
        values.resize(n, None);
        let shape = geo::series_shape(&values, min, max, RADIUS);
        let markers = shape
            .points
            .iter()
            .map(|(_, (x, y))| marker(s.kind.shape(), *x, *y, MARKER));
        html! {
            <g class={classes!("chart-series", s.kind.class())}>
                if !shape.path.is_empty() {
                    <path class={classes!("chart-line", shape.closed.then_some("is-closed"))} d={shape.path.clone()} />
                }
                { for markers }
            </g>
        }
    });

    let labels = wrapped.iter().enumerate().map(|(i, lines)| {
        let spot = geo::label_spot(i, n, RADIUS + LABEL_GAP);
        let baselines = geo::block_baselines(spot.y, spot.lift, lines.len(), FONT, LINE);
        text_lines("chart-axis-label", spot.x, &baselines, lines, spot.anchor)
    });

    let names: Vec<&str> = p.series.iter().map(|s| s.label.as_str()).collect();
    let summary = ch::radar_summary(lang, n, &names, (min, max), band.is_some(), some_missing);

    let legend = p.series.iter().map(|s| {
        html! { <li>{ line_key(s.kind.class(), s.kind.shape()) }{ s.label.clone() }</li> }
    });

    html! {
        <figure class="chart chart-radar">
            <figcaption class="chart-title">{ p.title.clone() }</figcaption>
            <svg class="chart-svg" viewBox={view.attr()} role="img" aria-label={summary} focusable="false">
                if let Some(b) = band {
                    <path class="chart-band" d={geo::band_path(b, min, max, RADIUS)} />
                }
                <path class="chart-grid" d={grid} />
                <path class="chart-spokes" d={geo::spokes(n, RADIUS)} />
                { for series }
                { for tick_labels }
                { for labels }
            </svg>
            <ul class="chart-legend" aria-label={Ch::LegendLabel.get(lang)}>
                { for legend }
                if band.is_some() {
                    <li>
                        <svg class="chart-key" viewBox="0 0 32 14" aria-hidden="true" focusable="false">
                            <rect class="chart-band" x="2" y="2" width="28" height="10" />
                        </svg>
                        { Ch::LegendBand.get(lang) }
                    </li>
                }
            </ul>
            { table(lang, p, band) }
        </figure>
    }
}

fn table(lang: Lang, p: &RadarProps, band: Option<&Vec<(f64, f64)>>) -> Html {
    let d = decimals(p.min, p.max);
    let band_decimals = if band.is_some_and(|b| {
        b.iter()
            .all(|(lo, hi)| lo.fract() == 0.0 && hi.fract() == 0.0)
    }) {
        0
    } else {
        d
    };
    let value = |v: Option<f64>| match v {
        Some(v) => html! { <td class="chart-num">{ number(lang, v, d) }</td> },
        None => html! { <td class="chart-num chart-missing">{ Ch::NotScored.get(lang) }</td> },
    };
    let head = html! {
        <tr>
            <th scope="col">{ Ch::ColAxis.get(lang) }</th>
            { for p.series.iter().map(|s| html! { <th scope="col" class="chart-num">{ s.label.clone() }</th> }) }
            if band.is_some() { <th scope="col" class="chart-num">{ Ch::ColBand.get(lang) }</th> }
        </tr>
    };
    let rows = p.axes.iter().enumerate().map(|(i, axis)| {
        html! {
            <tr>
                <th scope="row">{ axis.clone() }</th>
                { for p.series.iter().map(|s| value(s.values.get(i).copied().flatten())) }
                if let Some(&(lo, hi)) = band.and_then(|b| b.get(i)) {
                    <td class="chart-num">{ ch::range(lang, lo.min(hi), lo.max(hi), band_decimals) }</td>
                }
            </tr>
        }
    });
    figures(lang, &p.title, head, html! { <tbody>{ for rows }</tbody> })
}
