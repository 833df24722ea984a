//! The agreement between the mediators who coded the same session with the same candidate:
//! their clocks lined up (`clocks.rs`), then the coefficients, computed on the observations
//! that count (the chosen version of one received in several) with the offsets applied.

use super::clocks::Clocks;
use super::{area_class, dash, indices::share_bar, row_head};
use crate::domain::campaign::Campaign;
use crate::domain::i18n;
use crate::domain::i18n::analysis as an;
use crate::domain::i18n::analysis::A;
use crate::domain::i18n::reading::{self as rd, V};
use crate::domain::lang::Lang;
use crate::domain::observation::agreement::{
    agreement as compute_agreement, Agreement, AgreementParams, Coefficient,
};
use crate::domain::observation::log::Observation;
use crate::domain::observation::rating::{default_bars, LEVEL_MAX};
use crate::domain::observation::report;
use crate::domain::observation::report::{Counted, Reading, Received};
use crate::domain::observation::scheme::Scheme;
use crate::ui::recruiter::fieldwork_section::mediator_name;
use uuid::Uuid;
use yew::prelude::*;

/// How to read one coefficient, and whether it calls for the warning look.
fn reading(lang: Lang, c: &Coefficient, kappa: bool) -> (String, bool) {
    let text = match report::reading(c) {
        Reading::Low if kappa => A::ReadLowKappa,
        Reading::Low => A::ReadLow,
        Reading::Tentative => A::ReadTentative,
        Reading::Solid => A::ReadSolid,
        Reading::NoData => A::ReadNoData,
        Reading::NoVariation => A::ReadNoVariation,
        Reading::Undefined => A::ReadOther,
    };
    (
        text.get(lang).to_owned(),
        report::reading(c) == Reading::Low,
    )
}

/// One row of an agreement table: what is measured, its value, its units and how to read it.
fn coefficient_row(
    lang: Lang,
    name: &str,
    help: &str,
    c: &Coefficient,
    units: String,
    kappa: bool,
) -> Html {
    let (text, low) = reading(lang, c, kappa);
    let value = c
        .value
        .map_or_else(|| dash(lang), |v| an::coefficient(lang, v));
    html! {
        <tr class={classes!(low.then_some("an-low"))}>
            { row_head(name, help) }
            <td class="an-num" data-label={A::ColValue.get(lang)}><span class="an-value">{ value }</span></td>
            <td class="an-num" data-label={A::ColUnits.get(lang)}>{ units }</td>
            <td class="an-wide" data-label={A::ColReading.get(lang)}>
                if low { <span class="an-flag" aria-hidden="true">{ "!" }</span> }
                { text }
            </td>
        </tr>
    }
}

fn coefficient_heads(lang: Lang, first: &str) -> Html {
    html! {
        <thead>
            <tr>
                <th scope="col">{ first.to_owned() }</th>
                <th scope="col">{ A::ColValue.get(lang) }</th>
                <th scope="col">{ A::ColUnits.get(lang) }</th>
                <th scope="col">{ A::ColReading.get(lang) }</th>
            </tr>
        </thead>
    }
}

pub(super) fn agreement(
    lang: Lang,
    c: &Campaign,
    session: Uuid,
    candidate: Uuid,
    scheme: Option<&'static Scheme>,
    counted: &[Counted],
    got: &[Received],
) -> Html {
    let settled: Vec<&Observation> = counted
        .iter()
        .filter(|k| k.submitted)
        .map(|k| &*k.observation)
        .collect();
    // A conflict nobody chose a version of is left out.
    let left_out = got.iter().any(|r| {
        r.version.is_some()
            && !got
                .iter()
                .any(|x| x.chosen && x.observation.id == r.observation.id)
    });
    let offsets: Vec<String> = counted
        .iter()
        .filter(|k| k.submitted && k.offset_ms != 0)
        .map(|k| {
            rd::offset_applied(
                lang,
                &mediator_name(lang, c, k.mediator_id),
                k.offset_ms,
                k.offset_source,
            )
        })
        .collect();
    let clocks = match scheme {
        Some(scheme) if settled.len() >= 2 => html! {
            <Clocks campaign={c.clone()} {session} {candidate} {scheme} />
        },
        _ => html! {},
    };
    let body = match scheme {
        _ if settled.len() < 2 => html! { <p>{ A::AgreementNeedsTwo.get(lang) }</p> },
        None => html! {},
        Some(scheme) => match compute_agreement(
            &settled,
            scheme,
            default_bars(),
            &AgreementParams::default(),
        ) {
            Err(e) => {
                html! { <p class="banner banner-warning">{ an::agreement_error(lang, &e) }</p> }
            }
            Ok(a) => html! {
                <>
                    <p class="an-offsets" data-testid="an-offsets-applied">{
                        if offsets.is_empty() { V::NoOffsets.get(lang).to_owned() } else { rd::offsets_applied(lang, &offsets.join(" ; ")) }
                    }</p>
                    { agreement_body(lang, c, scheme, &a) }
                </>
            },
        },
    };
    html! {
        <section class="card" aria-labelledby="an-agreement-title">
            <h2 id="an-agreement-title">{ A::AgreementTitle.get(lang) }</h2>
            <p class="hint">{ A::AgreementIntro.get(lang) }</p>
            { clocks }
            { body }
            if left_out {
                <p class="hint">{ A::ConflictLeftOut.get(lang) }</p>
            }
        </section>
    }
}

fn agreement_body(lang: Lang, c: &Campaign, scheme: &Scheme, a: &Agreement) -> Html {
    let windows = an::windows_count(lang, a.acts.units);
    let tags = a.tags.iter().map(|t| {
        let (name, _) = an::tag(lang, t.tag);
        let (text, low) = reading(lang, &t.alpha, false);
        let value = t.alpha.value.map_or_else(|| dash(lang), |v| an::coefficient(lang, v));
        html! {
            <tr class={classes!(low.then_some("an-low"))}>
                <th scope="row">{ name }</th>
                <td class="an-num" data-label={A::ColValue.get(lang)}><span class="an-value">{ value }</span></td>
                <td class="an-num" data-label={A::ColWindowsSeen.get(lang)}>{ i18n::number(lang, t.windows_present as f64, 0) }</td>
                <td class="an-wide" data-label={A::ColReading.get(lang)}>
                    if low { <span class="an-flag" aria-hidden="true">{ "!" }</span> }
                    { text }
                </td>
            </tr>
        }
    });
    let r = &a.ratings;
    let dims = an::dimensions_count(lang, r.rated_by_two);
    let kappas = [
        (A::KappaUnweighted, &r.kappa),
        (A::KappaLinear, &r.kappa_linear),
        (A::KappaQuadratic, &r.kappa_quadratic),
    ]
    .into_iter()
    .filter_map(|(name, k)| k.as_ref().map(|k| (name, k)))
    .map(|(name, k)| {
        coefficient_row(
            lang,
            name.get(lang),
            A::KappaHelp.get(lang),
            k,
            an::dimensions_count(lang, k.units),
            true,
        )
    });
    let names: Vec<String> = a
        .mediators
        .iter()
        .map(|m| mediator_name(lang, c, *m))
        .collect();
    let bars = default_bars();
    let levels = r.dimensions.iter().map(|d| {
        let name = bars.dimension(&d.dimension).map_or(d.dimension.clone(), |x| x.name.get(lang).to_owned());
        let known: Vec<u8> = d.levels.iter().flatten().copied().collect();
        let split = known.iter().any(|l| Some(l) != known.first());
        let cells = d.levels.iter().zip(&names).map(|(l, who)| {
            let text = l.map_or_else(|| A::NotRated.get(lang).to_owned(), |l| an::level_of(lang, l, LEVEL_MAX));
            html! { <td class="an-num" data-label={who.clone()}>{ text }</td> }
        });
        html! { <tr class={classes!(split.then_some("an-differs"))}><th scope="row">{ name }</th>{ for cells }</tr> }
    });
    let disputed = a.disputed.iter().map(|d| {
        let label = scheme.code(&d.code).map_or(d.code.clone(), |x| x.label.get(lang).to_owned());
        let area = scheme.code(&d.code).and_then(|x| scheme.area_of(x));
        html! {
            <tr>
                <th scope="row">
                    if let Some(area) = area { <span class={classes!("an-swatch", area_class(area))} aria-hidden="true"></span> }
                    { label }
                </th>
                <td data-label={A::ColDisputed.get(lang)}>
                    <span class="an-bar-row">
                        { share_bar(Some(d.rate), "an-bar-dispute") }
                        <span class="an-num">{ an::disputed_line(lang, d.disputed, d.seen, d.rate) }</span>
                    </span>
                </td>
            </tr>
        }
    });
    html! {
        <>
            if a.warning {
                <div class="an-warning" role="note">
                    <p>{ A::AgreementWarning.get(lang) }</p>
                    <p>{ A::AgreementWarningMore.get(lang) }</p>
                    <p>{ format!("{} {}", A::AgreementLowList.get(lang), a.low.iter().map(|m| an::measure(lang, *m)).collect::<Vec<_>>().join(", ")) }</p>
                </div>
            }
            { for a.notes.iter().map(|n| html! { <p class="banner banner-info">{ an::agreement_note(lang, n) }</p> }) }
            <h3>{ A::CodingAgreementTitle.get(lang) }</h3>
            <p class="hint">{ an::windows_intro(lang, a.window_ms, a.windows) }</p>
            <div class="table-wrap">
                <table class="an-table an-stack">
                    { coefficient_heads(lang, A::ColStatistic.get(lang)) }
                    <tbody>
                        { coefficient_row(lang, A::AlphaActs.get(lang), A::AlphaActsHelp.get(lang), &a.acts, windows.clone(), false) }
                        { coefficient_row(lang, A::AlphaAreas.get(lang), A::AlphaAreasHelp.get(lang), &a.areas, windows, false) }
                    </tbody>
                </table>
            </div>
            <h4>{ A::TagAlphas.get(lang) }</h4>
            <p class="hint">{ A::TagAlphasHelp.get(lang) }</p>
            <div class="table-wrap">
                <table class="an-table an-stack">
                    <thead>
                        <tr>
                            <th scope="col">{ A::ColBehaviour.get(lang) }</th>
                            <th scope="col">{ A::ColValue.get(lang) }</th>
                            <th scope="col">{ A::ColWindowsSeen.get(lang) }</th>
                            <th scope="col">{ A::ColReading.get(lang) }</th>
                        </tr>
                    </thead>
                    <tbody>{ for tags }</tbody>
                </table>
            </div>
            <h4>{ A::DisputedTitle.get(lang) }</h4>
            <p class="hint">{ A::DisputedHelp.get(lang) }</p>
            if a.disputed.is_empty() {
                <p>{ A::NoDisputes.get(lang) }</p>
            } else {
                <div class="table-wrap">
                    <table class="an-table an-stack an-disputed">
                        <thead><tr><th scope="col">{ A::ColCode.get(lang) }</th><th scope="col">{ A::ColDisputed.get(lang) }</th></tr></thead>
                        <tbody>{ for disputed }</tbody>
                    </table>
                </div>
            }
            <h3>{ A::RatingAgreementTitle.get(lang) }</h3>
            <div class="table-wrap">
                <table class="an-table an-stack">
                    { coefficient_heads(lang, A::ColStatistic.get(lang)) }
                    <tbody>
                        { coefficient_row(lang, A::RatingsInterval.get(lang), A::RatingsIntervalHelp.get(lang), &r.interval, dims.clone(), false) }
                        { coefficient_row(lang, A::RatingsOrdinal.get(lang), A::RatingsOrdinalHelp.get(lang), &r.ordinal, dims, false) }
                        { for kappas }
                    </tbody>
                </table>
            </div>
            <div class="table-wrap">
                <table class="an-table an-stack">
                    <caption>{ A::LevelsCaption.get(lang) }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ A::ColDimension.get(lang) }</th>
                            { for names.iter().map(|n| html! { <th scope="col">{ n.clone() }</th> }) }
                        </tr>
                    </thead>
                    <tbody>{ for levels }</tbody>
                </table>
            </div>
            <p class="hint">{ A::LevelsDiffer.get(lang) }</p>
        </>
    }
}
