//! The session's timeline: acts per area and lane, meta-communication, silences, notes and
//! markers, as one SVG.

use super::area_class;
use crate::domain::assessment::chart::svg_number as n;
use crate::domain::i18n::analysis as an;
use crate::domain::i18n::analysis::A;
use crate::domain::lang::Lang;
use crate::domain::observation::indices::SessionIndices;
use crate::domain::observation::log::Observation;
use crate::domain::observation::report::{axis_ticks, timeline};
use crate::domain::observation::scheme::{Actor, Area, Scheme};
use yew::prelude::*;

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

pub(super) fn timeline_card(
    lang: Lang,
    o: &Observation,
    scheme: &Scheme,
    ix: &SessionIndices,
) -> Html {
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
