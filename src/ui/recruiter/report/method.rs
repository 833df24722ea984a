//! Method and provenance: how the picture is read, the instruments with their versions and
//! content hashes, the observations and answers each figure rests on (`Picture::provenance`),
//! a plain statement that import times are not kept, and the caveats.

use crate::domain::fieldwork::{known_scheme, Fieldwork};
use crate::domain::i18n::analysis::duration;
use crate::domain::i18n::compatibility as cp;
use crate::domain::i18n::decision::{self as dc, Dc};
use crate::domain::i18n::picture as pc;
use crate::domain::i18n::{self, session_title};
use crate::domain::observation::rating::default_bars;
use crate::domain::survey::invitation::respondent;
use crate::platform::clock;
use crate::ui::recruiter::compatibility::Reading;
use yew::prelude::*;

/// The first characters of a hash or fingerprint, enough to tell versions apart on paper.
fn short(hash: &str) -> String {
    let (prefix, rest) = hash.split_once(':').unwrap_or(("", hash));
    let cut: String = rest.chars().take(16).collect();
    if prefix.is_empty() {
        cut
    } else {
        format!("{prefix}:{cut}")
    }
}

/// The version of an observation used: the one the recruiter chose, or the fingerprint of the
/// one received (with its revision).
fn version(o: &crate::domain::compatibility::ObservationUsed, fieldwork: &Fieldwork) -> String {
    let print = o.chosen_version.clone().or_else(|| {
        fieldwork
            .observations
            .get(o.id)
            .map(crate::domain::observation::merge::fingerprint)
    });
    match print {
        Some(f) => format!("r{} · {}", o.revision, short(&f)),
        None => format!("r{}", o.revision),
    }
}

pub fn method(r: &Reading, fieldwork: &Fieldwork) -> Html {
    let lang = r.lang;
    let p = &r.picture.provenance;
    // The instruments: each questionnaire text once, then the coding scheme and the grid of
    // the observations used.
    let mut instruments: Vec<(String, String, String)> = Vec::new();
    for x in &p.responses {
        let row = (
            pc::construct(lang, &x.instrument_id),
            x.instrument_version.clone(),
            x.instrument_hash.clone(),
        );
        if !instruments.contains(&row) {
            instruments.push(row);
        }
    }
    for (_, used) in &p.observations {
        for o in used {
            if let Some(obs) = fieldwork.observations.get(o.id) {
                let scheme_name = known_scheme(&obs.scheme.id, obs.scheme.version).map_or_else(
                    || obs.scheme.id.clone(),
                    |s| format!("{} ({})", s.name.get(lang), obs.scheme.id),
                );
                let scheme = (scheme_name, obs.scheme.version.to_string(), String::new());
                if !instruments.contains(&scheme) {
                    instruments.push(scheme);
                }
                if let Some(b) = &obs.bars {
                    let bars = default_bars();
                    let name = if bars.id == b.id {
                        format!("{} ({})", bars.name.get(lang), b.id)
                    } else {
                        b.id.clone()
                    };
                    let grid = (name, b.version.to_string(), String::new());
                    if !instruments.contains(&grid) {
                        instruments.push(grid);
                    }
                }
            }
        }
    }
    let instrument_rows = instruments.iter().map(|(name, version, hash)| {
        html! {
            <tr>
                <th scope="row">{ name.clone() }</th>
                <td data-label={Dc::ColVersion.get(lang)}>{ version.clone() }</td>
                <td data-label={Dc::ColHash.get(lang)} class="rp-hash">{ if hash.is_empty() { "—".to_owned() } else { short(hash) } }</td>
            </tr>
        }
    });
    let observation_rows = p.observations.iter().flat_map(|(s, used)| {
        used.iter().map(move |o| {
            let submitted = o
                .submitted_at
                .map(|t| i18n::date_time(lang, clock::local(t)))
                .unwrap_or_else(|| "—".to_owned());
            html! {
                <tr>
                    <th scope="row">{ session_title(lang, s.number) }</th>
                    <td data-label={Dc::ColMediator.get(lang)}>{ r.mediator(o.mediator_id) }</td>
                    <td data-label={Dc::ColSubmitted.get(lang)}>{ submitted }</td>
                    <td data-label={Dc::ColLength.get(lang)}>{ duration(lang, o.length_ms) }</td>
                    <td data-label={Dc::ColOffset.get(lang)}>{ dc::offset(lang, o.offset_ms) }</td>
                    <td data-label={Dc::ColFingerprint.get(lang)} class="rp-hash">{ version(o, fieldwork) }</td>
                </tr>
            }
        })
    });
    let any_observation = p.observations.iter().any(|(_, u)| !u.is_empty());
    let session_of = |id: Option<uuid::Uuid>| {
        id.and_then(|id| r.campaign.sessions.iter().position(|s| s.id == id))
            .map(|k| session_title(lang, k + 1))
            .unwrap_or_else(|| "—".to_owned())
    };
    let response_rows = p.responses.iter().map(|x| {
        let who = respondent(r.campaign, x.respondent_id)
            .map(|(name, _)| name)
            .unwrap_or_default();
        html! {
            <tr>
                <th scope="row">{ pc::construct(lang, &x.instrument_id) }</th>
                <td data-label={Dc::ColRespondent.get(lang)}>{ who }</td>
                <td data-label={Dc::ColSession.get(lang)}>{ session_of(x.session_id) }</td>
                <td data-label={Dc::ColSent.get(lang)}>{ i18n::date_time(lang, clock::local(x.submitted_at)) }</td>
                <td data-label={Dc::ColVersion.get(lang)}>{ x.instrument_version.clone() }</td>
            </tr>
        }
    });
    html! {
        <div class="rp-method">
            <p class="hint">{ Dc::MethodIntro.get(lang) }</p>
            <p>{ Dc::MethodPicture.get(lang) }</p>
            <ul class="rp-rules">
                { for crate::domain::compatibility::PartGroup::ALL.iter().map(|g| html! {
                    <li><strong>{ cp::group(lang, *g) }</strong>{ format!("{}{}", pc::colon(lang), cp::rule(lang, *g)) }</li>
                }) }
            </ul>

            <h3>{ Dc::InstrumentsTitle.get(lang) }</h3>
            <div class="table-wrap">
                <table class="an-table an-stack rp-table">
                    <thead><tr>
                        <th scope="col">{ Dc::ColInstrument.get(lang) }</th>
                        <th scope="col">{ Dc::ColVersion.get(lang) }</th>
                        <th scope="col">{ Dc::ColHash.get(lang) }</th>
                    </tr></thead>
                    <tbody>{ for instrument_rows }</tbody>
                </table>
            </div>

            <h3>{ Dc::ObservationsTitle.get(lang) }</h3>
            if any_observation {
                <div class="table-wrap">
                    <table class="an-table an-stack rp-table">
                        <thead><tr>
                            <th scope="col">{ Dc::ColSession.get(lang) }</th>
                            <th scope="col">{ Dc::ColMediator.get(lang) }</th>
                            <th scope="col">{ Dc::ColSubmitted.get(lang) }</th>
                            <th scope="col">{ Dc::ColLength.get(lang) }</th>
                            <th scope="col">{ Dc::ColOffset.get(lang) }</th>
                            <th scope="col">{ Dc::ColFingerprint.get(lang) }</th>
                        </tr></thead>
                        <tbody>{ for observation_rows }</tbody>
                    </table>
                </div>
            } else {
                <p class="cp-none">{ Dc::NoObservationsUsed.get(lang) }</p>
            }

            <h3>{ Dc::ResponsesTitle.get(lang) }</h3>
            if p.responses.is_empty() {
                <p class="cp-none">{ Dc::NoResponsesUsed.get(lang) }</p>
            } else {
                <div class="table-wrap">
                    <table class="an-table an-stack rp-table">
                        <thead><tr>
                            <th scope="col">{ Dc::ColInstrument.get(lang) }</th>
                            <th scope="col">{ Dc::ColRespondent.get(lang) }</th>
                            <th scope="col">{ Dc::ColSession.get(lang) }</th>
                            <th scope="col">{ Dc::ColSent.get(lang) }</th>
                            <th scope="col">{ Dc::ColVersion.get(lang) }</th>
                        </tr></thead>
                        <tbody>{ for response_rows }</tbody>
                    </table>
                </div>
            }
            <p class="rp-import-note">{ Dc::ImportTimes.get(lang) }</p>

            <h3>{ Dc::CaveatsTitle.get(lang) }</h3>
            if p.caveats.is_empty() {
                <p>{ Dc::NoCaveats.get(lang) }</p>
            } else {
                <ul class="rp-caveats">{ for p.caveats.iter().map(|c| html! { <li>{ cp::caveat(lang, c) }</li> }) }</ul>
            }
        </div>
    }
}
