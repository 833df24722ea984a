//! Where every figure of a picture comes from, for the decision report: the observations and
//! responses it used (with the exact version of each), when and from which file each was
//! imported ([`Provenance::arrivals`], from the campaign's import log) and the caveats a reader
//! must know.

use super::session::SessionRef;
use crate::domain::campaign::{Campaign, ImportKind, ImportOutcome, RecordKind};
use crate::domain::instrument::quality::Flag;
use crate::domain::instrument::score::Response;
use crate::domain::observation::agreement::{AgreementNote, Measure};
use crate::domain::sorting;
use chrono::{DateTime, Utc};
use serde::Serialize;
use uuid::Uuid;

/// One observation a session's figures rest on.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ObservationUsed {
    pub id: Uuid,
    pub mediator_id: Uuid,
    /// With the id, names the version used (a resolved observation has one version per
    /// revision; its fingerprint, `observation::merge::fingerprint`, is computed when a
    /// report prints it).
    pub revision: u64,
    /// When the observation came in several diverging versions: the fingerprint of the one
    /// the recruiter chose (`Campaign::version_choices`).
    pub chosen_version: Option<String>,
    /// The clock offset applied (ms; 0 when none was set).
    pub offset_ms: i64,
    #[serde(with = "crate::domain::timefmt::option::utc")]
    pub submitted_at: Option<DateTime<Utc>>,
    /// The session's length as coded, in ms.
    pub length_ms: u64,
}

/// One response a picture used (a debrief, or a self-assessment or observer form of the
/// context).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ResponseUsed {
    pub id: Uuid,
    pub respondent_id: Uuid,
    pub instrument_id: String,
    pub instrument_version: String,
    pub instrument_hash: String,
    pub session_id: Option<Uuid>,
    #[serde(with = "crate::domain::timefmt::utc")]
    pub submitted_at: DateTime<Utc>,
}

impl ResponseUsed {
    pub fn of(r: &Response) -> Self {
        Self {
            id: r.id,
            respondent_id: r.respondent_id,
            instrument_id: r.instrument_id.clone(),
            instrument_version: r.instrument_version.clone(),
            instrument_hash: r.instrument_hash.clone(),
            session_id: r.session_id,
            submitted_at: r.submitted_at,
        }
    }
}

/// Something a reader must know before trusting a figure.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "snake_case", tag = "caveat")]
pub enum Caveat {
    /// The mediators of a session disagree: these alphas are below 0.667.
    LowAgreement {
        session: SessionRef,
        measures: Vec<(Measure, f64)>,
    },
    /// The agreement of a session rests on few units (windows, rated dimensions).
    FewUnits {
        session: SessionRef,
        note: AgreementNote,
    },
    /// Cronbach's alpha of a soft skill's facets rests on fewer than 5 respondents (the
    /// fewest over the facets where it could be computed).
    UnstableReliability {
        construct: String,
        respondents: usize,
    },
    /// A response raised a quality flag (too fast, straight-lining, inconsistent pairs).
    Quality {
        response_id: Uuid,
        instrument_id: String,
        session: Option<SessionRef>,
        flag: Flag,
    },
}

/// The provenance of a picture.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Provenance {
    /// Per session (in plan order), the observations that counted.
    pub observations: Vec<(SessionRef, Vec<ObservationUsed>)>,
    /// Every response used, debriefs first (by session), then the context's.
    pub responses: Vec<ResponseUsed>,
    pub caveats: Vec<Caveat>,
}

/// How a record a picture used came into this browser.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "arrival")]
pub enum Arrival {
    /// The import that brought it (added it, or replaced an earlier version), from the log.
    Imported {
        #[serde(with = "crate::domain::timefmt::utc")]
        imported_at: DateTime<Utc>,
        kind: ImportKind,
        /// The file's name; `None` for a pasted answer code.
        file: Option<String>,
        hash: Option<String>,
        outcome: ImportOutcome,
    },
    /// Made in this browser: the records of the sample campaign.
    CreatedHere,
    /// Not in the log: imported before Rally kept one (format version 5), or before the last
    /// entries it keeps.
    BeforeLog,
}

/// A record of the picture, as the provenance names it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "record")]
pub enum UsedRecord {
    Observation {
        id: Uuid,
        session: SessionRef,
        mediator_id: Uuid,
    },
    Response {
        id: Uuid,
        instrument_id: String,
        respondent_id: Uuid,
        session_id: Option<Uuid>,
    },
}

/// One way of arriving (one import, or no entry) and the records of the picture that came so.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ArrivalRow {
    pub arrival: Arrival,
    pub used: Vec<UsedRecord>,
}

impl Provenance {
    /// When and how each observation and response used came into this browser, from
    /// `campaign`'s import log: one row per import (oldest first), then the records made here,
    /// then those the log does not know. Kept apart from the picture, which does not depend
    /// on the order files came in.
    pub fn arrivals(&self, campaign: &Campaign) -> Vec<ArrivalRow> {
        let arrival = |kind: RecordKind, id: Uuid, revision: Option<u64>, version: Option<&str>| {
            match campaign.import_of(kind, id, revision, version) {
                Some((e, r)) => Arrival::Imported {
                    imported_at: e.imported_at,
                    kind: e.kind,
                    file: e.file.clone(),
                    hash: e.hash.clone(),
                    outcome: r.outcome,
                },
                None if campaign.sample => Arrival::CreatedHere,
                None => Arrival::BeforeLog,
            }
        };
        let observations = self.observations.iter().flat_map(|(session, used)| {
            used.iter().map(move |o| {
                (
                    arrival(
                        RecordKind::Observation,
                        o.id,
                        Some(o.revision),
                        o.chosen_version.as_deref(),
                    ),
                    UsedRecord::Observation {
                        id: o.id,
                        session: *session,
                        mediator_id: o.mediator_id,
                    },
                )
            })
        });
        let responses = self.responses.iter().map(|r| {
            (
                arrival(RecordKind::Response, r.id, None, None),
                UsedRecord::Response {
                    id: r.id,
                    instrument_id: r.instrument_id.clone(),
                    respondent_id: r.respondent_id,
                    session_id: r.session_id,
                },
            )
        });
        let mut rows: Vec<ArrivalRow> = Vec::new();
        for (arrival, used) in observations.chain(responses) {
            match rows.iter_mut().find(|row| row.arrival == arrival) {
                Some(row) if !row.used.contains(&used) => row.used.push(used),
                Some(_) => {}
                None => rows.push(ArrivalRow {
                    arrival,
                    used: vec![used],
                }),
            }
        }
        sorting::sort_by_key(&mut rows, |row| match &row.arrival {
            Arrival::Imported { imported_at, .. } => (0, Some(*imported_at)),
            Arrival::CreatedHere => (1, None),
            Arrival::BeforeLog => (2, None),
        });
        rows
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::campaign::tests::{at, id, sample};
    use crate::domain::campaign::{ImportEntry, ImportedRecord};

    fn provenance() -> Provenance {
        let session = SessionRef {
            number: 1,
            id: id(30),
        };
        let obs = |n: u128| ObservationUsed {
            id: id(n),
            mediator_id: id(20),
            revision: 3,
            chosen_version: None,
            offset_ms: 0,
            submitted_at: None,
            length_ms: 1000,
        };
        let response = |n: u128| ResponseUsed {
            id: id(n),
            respondent_id: id(10),
            instrument_id: "interpersonal-intelligence".into(),
            instrument_version: "1.0.0".into(),
            instrument_hash: "fnv1a64:0000000000000000".into(),
            session_id: None,
            submitted_at: at(0),
        };
        Provenance {
            observations: vec![(session, vec![obs(100), obs(101)])],
            responses: vec![response(200), response(201)],
            caveats: vec![],
        }
    }

    fn entry(t: i64, file: Option<&str>, records: &[(RecordKind, u128)]) -> ImportEntry {
        ImportEntry {
            imported_at: at(t),
            kind: ImportKind::Observation,
            file: file.map(str::to_owned),
            hash: None,
            outcome: ImportOutcome::Added,
            records: records
                .iter()
                .map(|(kind, n)| ImportedRecord {
                    kind: *kind,
                    id: id(*n),
                    revision: (*kind == RecordKind::Observation).then_some(3),
                    version: None,
                    person_id: None,
                    session_id: None,
                    outcome: ImportOutcome::Added,
                })
                .collect(),
        }
    }

    #[test]
    fn each_record_says_which_import_brought_it_or_why_none() {
        let campaign = sample()
            .with_import(entry(
                50,
                None,
                &[(RecordKind::Response, 200), (RecordKind::Response, 999)],
            ))
            .with_import(entry(
                10,
                Some("obs.json"),
                &[(RecordKind::Observation, 100)],
            ));
        let rows = provenance().arrivals(&campaign);
        let at_of = |row: &ArrivalRow| match &row.arrival {
            Arrival::Imported {
                imported_at, file, ..
            } => Some((*imported_at, file.clone())),
            _ => None,
        };
        assert_eq!(rows.len(), 3);
        assert_eq!(at_of(&rows[0]), Some((at(10), Some("obs.json".into()))));
        assert_eq!(rows[0].used.len(), 1);
        assert_eq!(at_of(&rows[1]), Some((at(50), None)));
        assert!(matches!(rows[1].used[0], UsedRecord::Response { .. }));
        // The other observation and the other response: not in the log.
        assert_eq!(rows[2].arrival, Arrival::BeforeLog);
        assert_eq!(rows[2].used.len(), 2);
    }

    #[test]
    fn the_sample_campaign_made_its_records_here() {
        let mut campaign = sample();
        campaign.sample = true;
        let rows = provenance().arrivals(&campaign);
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].arrival, Arrival::CreatedHere);
        assert_eq!(rows[0].used.len(), 4);
    }

    #[test]
    fn a_record_skipped_as_a_duplicate_keeps_the_import_that_brought_it() {
        let mut again = entry(90, Some("obs.json"), &[(RecordKind::Observation, 100)]);
        again.records[0].outcome = ImportOutcome::SkippedDuplicate;
        let campaign = sample()
            .with_import(entry(
                10,
                Some("obs.json"),
                &[(RecordKind::Observation, 100)],
            ))
            .with_import(again);
        let rows = provenance().arrivals(&campaign);
        assert!(matches!(
            rows[0].arrival,
            Arrival::Imported { imported_at, .. } if imported_at == at(10)
        ));
    }
}
