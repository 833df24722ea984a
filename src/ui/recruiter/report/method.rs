//! Method and provenance: how the picture is read, the instruments with their versions and
//! content hashes, the observations and answers each figure rests on (`Picture::provenance`),
//! when and from which file each was imported (`Provenance::arrivals`, from the campaign's
//! import log), and the caveats.

use crate::domain::campaign::ImportOutcome;
use crate::domain::compatibility::{Arrival, UsedRecord};
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

/// What one record of the picture is, in words: "Observation — Session 1, Amina Benali",
/// "Interpersonal intelligence — Jean Dupont".
fn used_for(r: &Reading, used: &UsedRecord) -> String {
    let lang = r.lang;
    match used {
        UsedRecord::Observation {
            session,
            mediator_id,
            ..
        } => format!(
            "{} — {}, {}",
            Dc::KindObservation.get(lang),
            session_title(lang, session.number),
            r.mediator(*mediator_id)
        ),
        UsedRecord::Response {
            instrument_id,
            respondent_id,
            session_id,
            ..
        } => {
            let who = respondent(r.campaign, *respondent_id)
                .map(|(name, _)| name)
                .unwrap_or_default();
            let session = session_id
                .and_then(|id| r.campaign.sessions.iter().position(|s| s.id == id))
                .map(|k| format!(", {}", session_title(lang, k + 1)))
                .unwrap_or_default();
            format!("{} — {who}{session}", pc::construct(lang, instrument_id))
        }
    }
}

/// The table of imports: one row per file the picture's records came from (file, kind, when,
/// what it was used for), then a plain sentence for those the log does not date.
fn imports(r: &Reading) -> Html {
    let lang = r.lang;
    let rows = r.picture.provenance.arrivals(r.campaign);
    if rows.is_empty() {
        return Html::default();
    }
    let body = rows.iter().map(|row| {
        let used = html! {
            <ul class="rp-used">{ for row.used.iter().map(|u| html! { <li>{ used_for(r, u) }</li> }) }</ul>
        };
        match &row.arrival {
            Arrival::Imported {
                imported_at,
                kind,
                file,
                hash,
                outcome,
            } => {
                let when = i18n::date_time(lang, clock::local(*imported_at));
                html! {
                    <tr data-testid="rp-import-row">
                        <th scope="row" class="rp-file">
                            { dc::import_file(lang, file.as_deref(), *kind) }
                            if let Some(h) = hash {
                                <span class="rp-hash rp-file-hash">{ short(h) }</span>
                            }
                        </th>
                        <td data-label={Dc::ColKind.get(lang)}>{ dc::import_kind(lang, *kind) }</td>
                        <td data-label={Dc::ColImportedOn.get(lang)}>
                            { when }
                            if *outcome == ImportOutcome::Replaced {
                                <span class="rp-replaced">{ format!(" ({})", Dc::ReplacedEarlier.get(lang)) }</span>
                            }
                        </td>
                        <td class="an-wide" data-label={Dc::ColUsedFor.get(lang)}>{ used }</td>
                    </tr>
                }
            }
            Arrival::CreatedHere | Arrival::BeforeLog => {
                let sentence = if row.arrival == Arrival::CreatedHere {
                    Dc::CreatedHere
                } else {
                    Dc::BeforeLog
                };
                html! {
                    <tr data-testid="rp-import-unknown">
                        <th scope="row" colspan="3" class="rp-import-unknown">{ sentence.get(lang) }</th>
                        <td class="an-wide" data-label={Dc::ColUsedFor.get(lang)}>{ used }</td>
                    </tr>
                }
            }
        }
    });
    html! {
        <>
            <h3>{ Dc::ImportsTitle.get(lang) }</h3>
            <p class="rp-import-note">{ Dc::ImportTimes.get(lang) }</p>
            <div class="table-wrap">
                <table class="an-table an-stack rp-table rp-imports" data-testid="rp-imports">
                    <thead><tr>
                        <th scope="col">{ Dc::ColFile.get(lang) }</th>
                        <th scope="col">{ Dc::ColKind.get(lang) }</th>
                        <th scope="col">{ Dc::ColImportedOn.get(lang) }</th>
                        <th scope="col">{ Dc::ColUsedFor.get(lang) }</th>
                    </tr></thead>
                    <tbody>{ for body }</tbody>
                </table>
            </div>
        </>
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
            { imports(r) }

            <h3>{ Dc::CaveatsTitle.get(lang) }</h3>
            if p.caveats.is_empty() {
                <p>{ Dc::NoCaveats.get(lang) }</p>
            } else {
                <ul class="rp-caveats">{ for p.caveats.iter().map(|c| html! { <li>{ cp::caveat(lang, c) }</li> }) }</ul>
            }
        </div>
    }
}
