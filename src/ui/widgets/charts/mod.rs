//! SVG charts of self-assessment results: a radar, the paradox chart and the self-versus-
//! observers map. Geometry is computed by `crate::domain::assessment::chart`.
//!
//! Every chart is a `<figure>`: its caption is the title, the `<svg>` has `role="img"` and an
//! `aria-label` summing it up, a visible key follows, then a `<details>` "See the figures" with
//! a real table, so that screen-reader and print users get the numbers. Series never rely on
//! colour alone: self-assessment is a solid line with round markers, observers a dashed line
//! with square markers, a target a dotted line with diamond markers. Styles: `styles/charts.css`.

pub mod compat;
pub mod paradox;
pub mod quadrants;
pub mod radar;

// Short paths for pages (`charts::Radar`); the module paths work too, so these may go unused.
#[allow(unused_imports)]
pub use paradox::{ParadoxChart, ParadoxProps, ParadoxRow};
#[allow(unused_imports)]
pub use quadrants::{QuadrantMap, QuadrantPoint, QuadrantProps};
#[allow(unused_imports)]
pub use radar::{Radar, RadarProps, RadarSeries, SeriesKind};

use crate::domain::assessment::chart::{svg_number, Anchor};
use crate::domain::i18n::charts::Ch;
use crate::domain::lang::Lang;
use yew::prelude::*;

/// A block of lines as one `<text>` with a `<tspan>` per line, each on its own baseline.
fn text_lines(
    class: &'static str,
    x: f64,
    baselines: &[f64],
    lines: &[String],
    anchor: Anchor,
) -> Html {
    let x = svg_number(x);
    let spans = lines.iter().zip(baselines).map(|(line, y)| {
        html! { <tspan x={x.clone()} y={svg_number(*y)}>{ line.clone() }</tspan> }
    });
    html! { <text class={class} text-anchor={anchor.as_str()}>{ for spans }</text> }
}

/// The marker shapes, by series: round, square, diamond.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Shape {
    Circle,
    Square,
    Diamond,
}

/// A marker of `shape` centred on `(x, y)`, `size` across.
fn marker(shape: Shape, x: f64, y: f64, size: f64) -> Html {
    let h = size / 2.0;
    match shape {
        Shape::Circle => html! {
            <circle class="chart-marker" cx={svg_number(x)} cy={svg_number(y)} r={svg_number(h)} />
        },
        Shape::Square => html! {
            <rect class="chart-marker" x={svg_number(x - h)} y={svg_number(y - h)}
                width={svg_number(size)} height={svg_number(size)} />
        },
        Shape::Diamond => {
            let d = h * 1.3;
            let path = format!(
                "M{} {}l{d2} {d2} {m2} {d2} {m2} {m2}z",
                svg_number(x),
                svg_number(y - d),
                d2 = svg_number(d),
                m2 = svg_number(-d)
            );
            html! { <path class="chart-marker" d={path} /> }
        }
    }
}

/// The `<details>` "See the figures" around a chart's table; `body` brings its own `<tbody>`
/// elements (one per paradox in the paradox chart, so that its row headers span their group).
fn figures(lang: Lang, caption: &str, head: Html, body: Html) -> Html {
    html! {
        <details class="chart-figures">
            <summary>{ Ch::SeeFigures.get(lang) }</summary>
            <div class="table-wrap" tabindex="0" role="region" aria-label={caption.to_owned()}>
                <table class="chart-table">
                    <caption>{ caption.to_owned() }</caption>
                    <thead>{ head }</thead>
                    { body }
                </table>
            </div>
        </details>
    }
}

/// A key swatch: a short line in a series' style with its marker.
fn line_key(class: &'static str, shape: Shape) -> Html {
    html! {
        <svg class={classes!("chart-key", class)} viewBox="0 0 32 14" aria-hidden="true" focusable="false">
            <path class="chart-line" d="M2 7H30" />
            { marker(shape, 16.0, 7.0, 7.0) }
        </svg>
    }
}
