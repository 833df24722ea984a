//! The paradox chart: for each paradox, a horizontal diverging bar, pole A's POMP to the left
//! of a centre line and pole B's to the right; the held level (the lower pole) framed on both
//! sides; the observers' means as square markers; and the lean stated in words underneath.

use super::{figures, marker, text_lines, Shape};
use crate::domain::assessment::chart::{self as geo, svg_number, Anchor};
use crate::domain::i18n::charts::{self as ch, Ch};
use crate::domain::i18n::number;
use crate::domain::lang::Lang;
use crate::ui::shell::lang::use_lang;
use yew::prelude::*;

/// One paradox, scored in POMP (0–100); `None` = not scored.
#[derive(Clone, Debug, PartialEq)]
pub struct ParadoxRow {
    pub name: String,
    pub pole_a: String,
    pub pole_b: String,
    pub a: Option<f64>,
    pub b: Option<f64>,
    pub observers_a: Option<f64>,
    pub observers_b: Option<f64>,
}

#[derive(Properties, PartialEq)]
pub struct ParadoxProps {
    /// Accessible name and visible caption.
    pub title: String,
    pub rows: Vec<ParadoxRow>,
}

// Geometry, in viewBox units: 360 wide, rows stacked downwards.
const WIDTH: f64 = 360.0;
const CENTRE: f64 = 180.0;
const HALF: f64 = 136.0;
const EDGE: f64 = 4.0;
const NAME_FONT: f64 = 14.0;
const NAME_LINE: f64 = 17.0;
const FONT: f64 = 13.0;
const LINE: f64 = 16.0;
const BAR: f64 = 16.0;
const ROW_GAP: f64 = 22.0;
/// Characters per line (split into two even lines beyond the first figure, cut beyond the
/// second) of a paradox's name, of a pole's name and of the reading under the bar.
const WRAP_NAME: (usize, usize) = (40, 44);
const WRAP_POLE: (usize, usize) = (20, 22);
const WRAP_READING: (usize, usize) = (48, 52);
const MARKER: f64 = 9.0;

/// The sentence under a bar: held level and lean, or what is not scored.
fn reading(lang: Lang, r: &ParadoxRow) -> String {
    match (r.a, r.b) {
        (Some(a), Some(b)) => ch::paradox_reading(
            lang,
            a.min(b),
            &ch::lean(lang, &r.pole_a, &r.pole_b, geo::lean(a, b)),
        ),
        (None, Some(_)) => ch::pole_not_scored(lang, &r.pole_a),
        (Some(_), None) => ch::pole_not_scored(lang, &r.pole_b),
        (None, None) => Ch::ParadoxNotScored.get(lang).to_owned(),
    }
}

/// The held level: a bracket above the bar and one below it, from `x0` to `x1`.
fn held_brackets(x0: f64, x1: f64, bar_y: f64) -> String {
    let (x0, x1) = (svg_number(x0), svg_number(x1));
    let (top, above) = (svg_number(bar_y - 1.5), svg_number(bar_y - 6.0));
    let (bottom, below) = (svg_number(bar_y + BAR + 1.5), svg_number(bar_y + BAR + 6.0));
    format!("M{x0} {top}V{above}H{x1}V{top}M{x0} {bottom}V{below}H{x1}V{bottom}")
}

/// One paradox's rows of the chart, from `top`; returns them and where the next one starts.
fn row(lang: Lang, r: &ParadoxRow, top: f64) -> (Html, f64) {
    let mut y = top;
    let name = geo::wrap_label(&r.name, WRAP_NAME.0, WRAP_NAME.1);
    let name_html = text_lines(
        "chart-paradox-name",
        EDGE,
        &geo::block_baselines(y, 1.0, name.len(), NAME_FONT, NAME_LINE),
        &name,
        Anchor::Start,
    );
    y += name.len() as f64 * NAME_LINE + 2.0;

    // Pole names sit on the bar: a one-line name next to a two-line one aligns at the bottom.
    let (pa, pb) = (
        geo::wrap_label(&r.pole_a, WRAP_POLE.0, WRAP_POLE.1),
        geo::wrap_label(&r.pole_b, WRAP_POLE.0, WRAP_POLE.1),
    );
    y += pa.len().max(pb.len()).max(1) as f64 * LINE;
    let poles = html! {
        <>
            { text_lines("chart-pole", EDGE, &geo::block_baselines(y, 0.0, pa.len(), FONT, LINE), &pa, Anchor::Start) }
            { text_lines("chart-pole", WIDTH - EDGE, &geo::block_baselines(y, 0.0, pb.len(), FONT, LINE), &pb, Anchor::End) }
        </>
    };
    y += 5.0;

    let bar = geo::paradox_bar(r.a, r.b, r.observers_a, r.observers_b, CENTRE, HALF);
    let bar_y = y;
    let mid = bar_y + BAR / 2.0;
    let rect = |class: &'static str, x: f64, w: f64| {
        html! { <rect class={class} x={svg_number(x)} y={svg_number(bar_y)} width={svg_number(w)} height={svg_number(BAR)} /> }
    };
    let value = |v: Option<f64>| v.map_or_else(|| "—".to_owned(), |v| number(lang, v, 0));
    let observers: Vec<Html> = [bar.observers_a, bar.observers_b]
        .into_iter()
        .flatten()
        .map(|x| marker(Shape::Square, x, mid, MARKER))
        .collect();
    let bar_html = html! {
        <>
            { rect("chart-track", CENTRE - HALF, 2.0 * HALF) }
            if let Some((x, w)) = bar.a { { rect("chart-bar", x, w) } }
            if let Some((x, w)) = bar.b { { rect("chart-bar", x, w) } }
            if let Some((x0, x1)) = bar.held.filter(|(x0, x1)| x1 > x0) {
                <path class="chart-held-cut" d={format!("M{x0} {}V{}M{x1} {}V{}", svg_number(bar_y), svg_number(bar_y + BAR), svg_number(bar_y), svg_number(bar_y + BAR), x0 = svg_number(x0), x1 = svg_number(x1))} />
                <path class="chart-held" d={held_brackets(x0, x1, bar_y)} />
            }
            <path class="chart-centre" d={format!("M{CENTRE} {}V{}", svg_number(bar_y - 7.0), svg_number(bar_y + BAR + 7.0))} />
            if !observers.is_empty() {
                <g class="chart-series chart-series-observers">{ for observers }</g>
            }
            <text class="chart-value" x={svg_number(CENTRE - HALF - 5.0)} y={svg_number(mid + 4.5)} text-anchor="end">{ value(r.a) }</text>
            <text class="chart-value" x={svg_number(CENTRE + HALF + 5.0)} y={svg_number(mid + 4.5)} text-anchor="start">{ value(r.b) }</text>
        </>
    };
    y += BAR + 6.0;

    let words = geo::wrap_label(&reading(lang, r), WRAP_READING.0, WRAP_READING.1);
    let reading_class = if r.a.is_some() && r.b.is_some() {
        "chart-reading"
    } else {
        "chart-reading chart-missing"
    };
    let reading_html = text_lines(
        reading_class,
        CENTRE,
        &geo::block_baselines(y, 1.0, words.len(), FONT, LINE),
        &words,
        Anchor::Middle,
    );
    y += words.len() as f64 * LINE;

    let html = html! {
        <g class="chart-paradox-row">
            { name_html }
            { poles }
            { bar_html }
            { reading_html }
        </g>
    };
    (html, y + ROW_GAP)
}

#[function_component(ParadoxChart)]
pub fn paradox_chart(p: &ParadoxProps) -> Html {
    let lang = use_lang();
    if p.rows.is_empty() {
        return html! {
            <figure class="chart chart-paradox">
                <figcaption class="chart-title">{ p.title.clone() }</figcaption>
                <p class="chart-empty">{ Ch::NoData.get(lang) }</p>
            </figure>
        };
    }
    let mut y = 2.0;
    let mut rows = Vec::with_capacity(p.rows.len());
    let mut separators = String::new();
    for (k, r) in p.rows.iter().enumerate() {
        if k > 0 {
            let at = y - ROW_GAP / 2.0 - 2.0;
            separators.push_str(&format!("M0 {}H{WIDTH}", svg_number(at)));
        }
        let (html, next) = row(lang, r, y);
        rows.push(html);
        y = next;
    }
    let height = y - ROW_GAP + 6.0;

    let (mut balanced, mut leaning, mut not_scored) = (0, 0, 0);
    for r in &p.rows {
        match (r.a, r.b) {
            (Some(a), Some(b)) => match geo::lean(a, b) {
                geo::Lean::Balanced => balanced += 1,
                _ => leaning += 1,
            },
            _ => not_scored += 1,
        }
    }
    let summary = ch::paradox_summary(lang, p.rows.len(), balanced, leaning, not_scored);
    let any_observers = p
        .rows
        .iter()
        .any(|r| r.observers_a.is_some() || r.observers_b.is_some());

    html! {
        <figure class="chart chart-paradox">
            <figcaption class="chart-title">{ p.title.clone() }</figcaption>
            <svg class="chart-svg" viewBox={format!("0 0 {WIDTH} {}", svg_number(height))} role="img" aria-label={summary} focusable="false">
                if !separators.is_empty() { <path class="chart-separator" d={separators} /> }
                { for rows }
            </svg>
            <ul class="chart-legend" aria-label={Ch::LegendLabel.get(lang)}>
                <li>
                    <svg class="chart-key" viewBox="0 0 32 14" aria-hidden="true" focusable="false">
                        <rect class="chart-bar" x="2" y="3" width="28" height="8" />
                    </svg>
                    { Ch::LegendSelfBars.get(lang) }
                </li>
                <li>
                    <svg class="chart-key" viewBox="0 0 32 14" aria-hidden="true" focusable="false">
                        <rect class="chart-track" x="1" y="4" width="30" height="6" />
                        <rect class="chart-bar" x="6" y="4" width="20" height="6" />
                        <path class="chart-held" d="M6 2.5V0.5H26V2.5M6 11.5V13.5H26V11.5" />
                    </svg>
                    { Ch::LegendHeld.get(lang) }
                </li>
                if any_observers {
                    <li>
                        <svg class="chart-key chart-series-observers" viewBox="0 0 32 14" aria-hidden="true" focusable="false">
                            { marker(Shape::Square, 16.0, 7.0, 9.0) }
                        </svg>
                        { Ch::LegendObserversMarker.get(lang) }
                    </li>
                }
            </ul>
            { table(lang, p, any_observers) }
        </figure>
    }
}

fn table(lang: Lang, p: &ParadoxProps, any_observers: bool) -> Html {
    let cell = |v: Option<f64>, missing: Ch| match v {
        Some(v) => html! { <td class="chart-num">{ number(lang, v, 0) }</td> },
        None => html! { <td class="chart-num chart-missing">{ missing.get(lang) }</td> },
    };
    let head = html! {
        <tr>
            <th scope="col">{ Ch::ColParadox.get(lang) }</th>
            <th scope="col">{ Ch::ColPole.get(lang) }</th>
            <th scope="col" class="chart-num">{ Ch::ColSelf.get(lang) }</th>
            if any_observers { <th scope="col" class="chart-num">{ Ch::ColObservers.get(lang) }</th> }
            <th scope="col" class="chart-num">{ Ch::ColHeld.get(lang) }</th>
            <th scope="col">{ Ch::ColReading.get(lang) }</th>
        </tr>
    };
    let rows = p.rows.iter().map(|r| {
        let held = match (r.a, r.b) {
            (Some(a), Some(b)) => Some(a.min(b)),
            _ => None,
        };
        html! {
            <tbody class="chart-rowgroup">
                <tr>
                    <th scope="rowgroup" rowspan="2">{ r.name.clone() }</th>
                    <td>{ r.pole_a.clone() }</td>
                    { cell(r.a, Ch::NotScored) }
                    if any_observers { { cell(r.observers_a, Ch::NoObserverData) } }
                    <td rowspan="2" class={classes!("chart-num", held.is_none().then_some("chart-missing"))}>
                        { held.map_or_else(|| Ch::NotScored.get(lang).to_owned(), |h| number(lang, h, 0)) }
                    </td>
                    <td rowspan="2">{ reading(lang, r) }</td>
                </tr>
                <tr>
                    <td>{ r.pole_b.clone() }</td>
                    { cell(r.b, Ch::NotScored) }
                    if any_observers { { cell(r.observers_b, Ch::NoObserverData) } }
                </tr>
            </tbody>
        }
    });
    figures(lang, &p.title, head, html! { for rows })
}
