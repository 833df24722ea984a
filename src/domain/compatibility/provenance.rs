//! Where every figure of a picture comes from, for the decision report: the observations and
//! responses it used (with the exact version of each) and the caveats a reader must know.

use super::session::SessionRef;
use crate::domain::instrument::quality::Flag;
use crate::domain::instrument::score::Response;
use crate::domain::observation::agreement::{AgreementNote, Measure};
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
