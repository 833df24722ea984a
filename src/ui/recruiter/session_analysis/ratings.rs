//! The mediator's ratings on the grid, with the evidence each one cites.

use crate::domain::i18n::analysis as an;
use crate::domain::i18n::analysis::A;
use crate::domain::lang::Lang;
use crate::domain::observation::log::Observation;
use crate::domain::observation::rating::{default_bars, Bars, BarsRef, LEVEL_MAX};
use crate::domain::observation::scheme::Scheme;
use uuid::Uuid;
use yew::prelude::*;

/// The grid an observation was rated with, if this build knows it.
fn grid_of(o: &Observation) -> Option<&'static Bars> {
    let known = default_bars();
    o.bars
        .as_ref()
        .filter(|b| **b == BarsRef::of(known))
        .map(|_| known)
}

pub(super) fn ratings(lang: Lang, o: &Observation, scheme: &Scheme) -> Html {
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
