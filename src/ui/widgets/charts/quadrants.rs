//! The self-versus-observers map: a square scatter, self-assessment across and the observers'
//! mean up (POMP 0–100), divided at `HIGH_FROM` into the four named quadrants, the band where
//! the two agree (`|gap| < GAP_FROM`) lightly shaded. Points are numbered discs, moved apart
//! when they would overlap (a leader line joins a moved disc to its exact point), and a
//! numbered list under the chart gives each facet's label, both scores and quadrant.

use super::{figures, text_lines};
use crate::domain::assessment::chart::{self as geo, svg_number, Anchor, Plot};
use crate::domain::assessment::gaps::{Quadrant, HIGH_FROM};
use crate::domain::i18n::charts::{self as ch, Ch};
use crate::domain::i18n::number;
use crate::domain::lang::Lang;
use crate::ui::shell::lang::use_lang;
use yew::prelude::*;

#[derive(Clone, Debug, PartialEq)]
pub struct QuadrantPoint {
    pub label: String,
    pub self_pomp: f64,
    pub observers_pomp: f64,
    pub quadrant: Quadrant,
}

#[derive(Properties, PartialEq)]
pub struct QuadrantProps {
    /// Accessible name and visible caption.
    pub title: String,
    pub points: Vec<QuadrantPoint>,
}

// Geometry, in viewBox units. The names of the two upper quadrants sit above the square, where
// no point can hide them (facets rated high by everyone gather in the top-right corner); the
// two lower ones sit in the square's bottom corners, which points rarely reach.
const LEFT: f64 = 46.0;
const SIZE: f64 = 300.0;
const WIDTH: f64 = 356.0;
const TOP_PAD: f64 = 4.0;
/// Below the square: tick labels and the axis title.
const BELOW: f64 = 46.0;
const TICK_FONT: f64 = 12.0;
const NAME_FONT: f64 = 12.5;
const NAME_LINE: f64 = 15.0;
const INSET: f64 = 6.0;
/// A quadrant's name splits into two lines beyond the first figure and is cut beyond the
/// second: the right-hand quadrants are narrower, the upper ones (outside the square) wider.
const WRAP_UPPER_LEFT: (usize, usize) = (24, 28);
const WRAP_UPPER_RIGHT: (usize, usize) = (17, 20);
const WRAP_LOWER_LEFT: (usize, usize) = (20, 24);
const WRAP_LOWER_RIGHT: (usize, usize) = (13, 16);
const DISC: f64 = 19.0;

#[function_component(QuadrantMap)]
pub fn quadrant_map(p: &QuadrantProps) -> Html {
    let lang = use_lang();
    let name =
        |q: Quadrant, wrap: (usize, usize)| geo::wrap_label(ch::quadrant(lang, q), wrap.0, wrap.1);
    let upper = [
        (
            name(Quadrant::HiddenStrength, WRAP_UPPER_LEFT),
            LEFT,
            Anchor::Start,
        ),
        (
            name(Quadrant::AgreedStrength, WRAP_UPPER_RIGHT),
            LEFT + SIZE,
            Anchor::End,
        ),
    ];
    let upper_lines = upper.iter().map(|(l, _, _)| l.len()).max().unwrap_or(1);
    let plot = Plot {
        left: LEFT,
        top: TOP_PAD + upper_lines as f64 * NAME_LINE + INSET,
        size: SIZE,
    };
    let right = plot.left + plot.size;
    let bottom = plot.top + plot.size;
    let height = bottom + BELOW;

    let ticks = (0..=5).map(|k| {
        let v = f64::from(k) * 20.0;
        let label = number(lang, v, 0);
        html! {
            <>
                <text class="chart-tick" x={svg_number(plot.x(v))} y={svg_number(bottom + TICK_FONT + 4.0)} text-anchor="middle">{ label.clone() }</text>
                <text class="chart-tick" x={svg_number(plot.left - 6.0)} y={svg_number(plot.y(v) + TICK_FONT * 0.35)} text-anchor="end">{ label }</text>
            </>
        }
    });

    let upper_names = upper.iter().map(|(lines, x, anchor)| {
        let baselines =
            geo::block_baselines(plot.top - INSET, 0.0, lines.len(), NAME_FONT, NAME_LINE);
        text_lines("chart-quadrant-name", *x, &baselines, lines, *anchor)
    });
    let lower_names = [
        (
            name(Quadrant::AgreedDevelopment, WRAP_LOWER_LEFT),
            plot.left + INSET,
            Anchor::Start,
        ),
        (
            name(Quadrant::BlindSpot, WRAP_LOWER_RIGHT),
            right - INSET,
            Anchor::End,
        ),
    ]
    .map(|(lines, x, anchor)| {
        let baselines =
            geo::block_baselines(bottom - INSET, 0.0, lines.len(), NAME_FONT, NAME_LINE);
        text_lines("chart-quadrant-name", x, &baselines, &lines, anchor)
    });
    // The vertical divider goes on up between the two upper names.
    let divider_up = format!(
        "M{x} {}V{}",
        svg_number(TOP_PAD),
        svg_number(plot.top),
        x = svg_number(plot.x(HIGH_FROM))
    );

    let exact: Vec<(f64, f64)> = p
        .points
        .iter()
        .map(|pt| plot.point(pt.self_pomp, pt.observers_pomp))
        .collect();
    let half = DISC / 2.0;
    let placed = geo::dodge(
        &exact,
        DISC,
        (
            plot.left + half,
            plot.top + half,
            right - half,
            bottom - half,
        ),
    );
    // Leader lines first, so that no disc is crossed by another point's leader.
    let leaders: String = exact
        .iter()
        .zip(&placed)
        .filter(|(at, disc)| at != disc)
        .map(|(at, disc)| {
            format!(
                "M{} {}L{} {}",
                svg_number(at.0),
                svg_number(at.1),
                svg_number(disc.0),
                svg_number(disc.1)
            )
        })
        .collect();
    let exact_dots = exact
        .iter()
        .zip(&placed)
        .filter(|(at, disc)| at != disc)
        .map(|(at, _)| {
            html! { <circle class="chart-point-exact" cx={svg_number(at.0)} cy={svg_number(at.1)} r="2.5" /> }
        });
    let discs = placed.iter().enumerate().map(|(k, disc)| {
        html! {
            <g class="chart-point">
                <circle class="chart-point-disc" cx={svg_number(disc.0)} cy={svg_number(disc.1)} r={svg_number(half)} />
                <text class="chart-point-number" x={svg_number(disc.0)} y={svg_number(disc.1 + 4.0)} text-anchor="middle">{ (k + 1).to_string() }</text>
            </g>
        }
    });

    let mut counts = [0usize; 4];
    for pt in &p.points {
        counts[match pt.quadrant {
            Quadrant::AgreedStrength => 0,
            Quadrant::HiddenStrength => 1,
            Quadrant::BlindSpot => 2,
            Quadrant::AgreedDevelopment => 3,
        }] += 1;
    }
    let summary = ch::quadrant_summary(lang, p.points.len(), counts);

    let list = p.points.iter().enumerate().map(|(k, pt)| {
        html! {
            <li>
                <span class="chart-point-badge">{ (k + 1).to_string() }</span>
                <span><strong>{ pt.label.clone() }</strong>{ " — " }{ ch::point_line(lang, pt.self_pomp, pt.observers_pomp, pt.quadrant) }</span>
            </li>
        }
    });

    html! {
        <figure class="chart chart-quadrants">
            <figcaption class="chart-title">{ p.title.clone() }</figcaption>
            <svg class="chart-svg" viewBox={format!("0 0 {WIDTH} {}", svg_number(height))} role="img" aria-label={summary} focusable="false">
                <rect class="chart-plot" x={svg_number(plot.left)} y={svg_number(plot.top)} width={svg_number(plot.size)} height={svg_number(plot.size)} />
                <path class="chart-agreement" d={plot.agreement_band()} />
                <path class="chart-grid" d={plot.grid(20.0)} />
                <path class="chart-divider" d={plot.dividers()} />
                <path class="chart-divider" d={divider_up} />
                <rect class="chart-frame" x={svg_number(plot.left)} y={svg_number(plot.top)} width={svg_number(plot.size)} height={svg_number(plot.size)} />
                { for upper_names }
                { for lower_names }
                { for ticks }
                <text class="chart-axis-title" x={svg_number(plot.left + plot.size / 2.0)} y={svg_number(height - 4.0)} text-anchor="middle">{ Ch::AxisSelf.get(lang) }</text>
                <text class="chart-axis-title" transform="rotate(-90)" x={svg_number(-(plot.top + plot.size / 2.0))} y="13" text-anchor="middle">{ Ch::AxisObservers.get(lang) }</text>
                if !leaders.is_empty() { <path class="chart-leader" d={leaders} /> }
                { for exact_dots }
                { for discs }
            </svg>
            <ul class="chart-legend" aria-label={Ch::LegendLabel.get(lang)}>
                <li>
                    <svg class="chart-key" viewBox="0 0 32 14" aria-hidden="true" focusable="false">
                        <rect class="chart-agreement" x="2" y="2" width="28" height="10" />
                    </svg>
                    { ch::agreement_band(lang) }
                </li>
                <li>
                    <svg class="chart-key" viewBox="0 0 32 14" aria-hidden="true" focusable="false">
                        <path class="chart-divider" d="M2 7H30M16 1V13" />
                    </svg>
                    { ch::high_from(lang) }
                </li>
            </ul>
            if p.points.is_empty() {
                <p class="chart-empty">{ Ch::NoData.get(lang) }</p>
            } else {
                <ol class="chart-points" aria-label={Ch::PointsLabel.get(lang)}>{ for list }</ol>
                { table(lang, p) }
            }
        </figure>
    }
}

fn table(lang: Lang, p: &QuadrantProps) -> Html {
    let head = html! {
        <tr>
            <th scope="col" class="chart-num">{ Ch::ColNumber.get(lang) }</th>
            <th scope="col">{ Ch::ColFacet.get(lang) }</th>
            <th scope="col" class="chart-num">{ Ch::ColSelf.get(lang) }</th>
            <th scope="col" class="chart-num">{ Ch::ColObservers.get(lang) }</th>
            <th scope="col" class="chart-num">{ Ch::ColGap.get(lang) }</th>
            <th scope="col">{ Ch::ColQuadrant.get(lang) }</th>
        </tr>
    };
    let rows = p.points.iter().enumerate().map(|(k, pt)| {
        html! {
            <tr>
                <td class="chart-num">{ (k + 1).to_string() }</td>
                <th scope="row">{ pt.label.clone() }</th>
                <td class="chart-num">{ number(lang, pt.self_pomp, 0) }</td>
                <td class="chart-num">{ number(lang, pt.observers_pomp, 0) }</td>
                <td class="chart-num">{ ch::signed(lang, pt.self_pomp - pt.observers_pomp) }</td>
                <td>{ ch::quadrant(lang, pt.quadrant) }</td>
            </tr>
        }
    });
    figures(lang, &p.title, head, html! { <tbody>{ for rows }</tbody> })
}
