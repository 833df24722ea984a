//! A person's data (the right of access, GDPR art. 15, and portability, art. 20): everything
//! a campaign and its fieldwork hold about one person, as a readable JSON document
//! ([`person_data`]) and the same as a CSV table (`csv`). The records are those of `concern`.
//!
//! The export names the person it is about; every **other** person appears by kind only
//! (`leader`, `mediator`, `candidate`) and by identifier, never by name, so that the recruiter
//! can hand it over as it is. Scores are not included: Rally computes them from the answers,
//! which are. See `docs/user-guide.md`, "Personal data".

use super::concern::{concerning, person, PersonRef};
use crate::domain::campaign::{Campaign, Decision, ErasedKind, Erasure, ErasureScope};
use crate::domain::fieldwork::Fieldwork;
use crate::domain::instrument::score::Response;
use crate::domain::observation::log::Observation;
use crate::domain::sorting;
use crate::domain::survey::invitation::{respondent_kind, InvitedSession};
use crate::domain::survey::{InstrumentRef, RespondentKind};
use crate::domain::text::Bilingual;
use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use uuid::Uuid;

/// The `format` of a person's data file.
pub const PERSON_DATA_FORMAT: &str = "rally-person-data";
/// Its version.
pub const PERSON_DATA_VERSION: u32 = 1;

/// Everything held about one person, ready to be written as JSON.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PersonData {
    pub format: &'static str,
    pub format_version: u32,
    #[serde(with = "crate::domain::timefmt::utc")]
    pub exported_at: DateTime<Utc>,
    pub campaign: CampaignRef,
    pub person: PersonRecord,
    pub decisions: Vec<Decision>,
    pub responses: Vec<ResponseRecord>,
    pub observations: Vec<ObservationRecord>,
    pub invitations: Vec<InvitationRecord>,
    pub kits: Vec<KitRecord>,
    /// Answers of theirs erased earlier (the date their invitation promised had passed).
    pub erasures: Vec<Erasure>,
}

/// The campaign the data was collected in, and how long it is kept.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CampaignRef {
    pub id: Uuid,
    pub name: String,
    pub role: Bilingual,
    /// The last day the data may be kept; absent while the campaign runs.
    #[serde(
        with = "crate::domain::timefmt::option::date",
        skip_serializing_if = "Option::is_none"
    )]
    pub keep_until: Option<NaiveDate>,
    pub retention_months: u16,
}

/// The person: who they are in the campaign and what it records about them.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PersonRecord {
    pub id: Uuid,
    pub kind: ErasedKind,
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// The leader's title.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
}

/// A response: `relation` is `given` (they answered), `about` (an observer or the leader
/// answered about them) or `session` (a debrief of a session they took part in).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ResponseRecord {
    pub relation: &'static str,
    /// Who answered, by kind.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub respondent_kind: Option<RespondentKind>,
    pub response: Response,
}

/// An observation: `relation` is `their_session` (a candidate's session), `made` (a
/// mediator's own) or `took_part` (the leader, in every session).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ObservationRecord {
    pub relation: &'static str,
    /// The session's place in the campaign's plan, from 1.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub session_number: Option<usize>,
    pub observation: Observation,
}

/// An invitation, without the names it carries: `relation` is `to` (they were invited),
/// `about` (someone was invited to answer about them) or `session` (a debrief invitation).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct InvitationRecord {
    pub id: Uuid,
    pub relation: &'static str,
    pub respondent_kind: RespondentKind,
    pub instruments: Vec<InstrumentRef>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub session: Option<InvitedSession>,
    #[serde(with = "crate::domain::timefmt::date")]
    pub keep_until: NaiveDate,
    #[serde(with = "crate::domain::timefmt::utc")]
    pub issued_at: DateTime<Utc>,
}

/// A mediator's kit: `relation` is `issued_to` (their own) or `names` (it names them).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct KitRecord {
    pub id: Uuid,
    pub relation: &'static str,
    #[serde(with = "crate::domain::timefmt::utc")]
    pub issued_at: DateTime<Utc>,
}

fn response_relation(who: &PersonRef, r: &Response) -> &'static str {
    if r.respondent_id == who.id {
        "given"
    } else if r.subject_id == Some(who.id) {
        "about"
    } else {
        "session"
    }
}

/// Everything `campaign` and `fieldwork` hold about `person_id`, exported at `now`; `None`
/// when they are not a person of the campaign.
pub fn person_data(
    campaign: &Campaign,
    fieldwork: &Fieldwork,
    person_id: Uuid,
    now: DateTime<Utc>,
) -> Option<PersonData> {
    let who = person(campaign, person_id)?;
    let found = concerning(campaign, fieldwork, &who);
    let listed = campaign
        .candidates
        .iter()
        .chain(&campaign.mediators)
        .find(|p| p.id == person_id);
    let session_number = |id: Uuid| {
        campaign
            .sessions
            .iter()
            .position(|s| s.id == id)
            .map(|n| n + 1)
    };
    let mut responses: Vec<ResponseRecord> = found
        .responses
        .iter()
        .map(|r| ResponseRecord {
            relation: response_relation(&who, r),
            respondent_kind: respondent_kind(campaign, r.respondent_id),
            response: (*r).clone(),
        })
        .collect();
    sorting::sort_by_key(&mut responses, |r| (r.response.submitted_at, r.response.id));
    let mut observations: Vec<ObservationRecord> = found
        .observations
        .iter()
        .map(|o| ObservationRecord {
            relation: match who.kind {
                ErasedKind::Candidate => "their_session",
                ErasedKind::Mediator => "made",
                ErasedKind::Leader => "took_part",
            },
            session_number: session_number(o.session_id),
            observation: (*o).clone(),
        })
        .collect();
    sorting::sort_by_key(&mut observations, |o| {
        (o.session_number, o.observation.created_at, o.observation.id)
    });
    let mut invitations: Vec<InvitationRecord> = found
        .invitations
        .iter()
        .map(|i| InvitationRecord {
            id: i.id,
            relation: if i.respondent.id == who.id {
                "to"
            } else if i.subject.as_ref().is_some_and(|s| s.id == who.id) {
                "about"
            } else {
                "session"
            },
            respondent_kind: i.kind,
            instruments: i.instruments.clone(),
            // Without the leader's name the session may carry: no one else's name.
            session: i.session.clone().map(|s| InvitedSession {
                leader: String::new(),
                ..s
            }),
            keep_until: i.keep_until,
            issued_at: i.issued_at,
        })
        .collect();
    sorting::sort_by_key(&mut invitations, |i| (i.issued_at, i.id));
    let mut kits: Vec<KitRecord> = found
        .kits
        .iter()
        .map(|k| KitRecord {
            id: k.id,
            relation: if k.mediator.id == who.id {
                "issued_to"
            } else {
                "names"
            },
            issued_at: k.issued_at,
        })
        .collect();
    sorting::sort_by_key(&mut kits, |k| (k.issued_at, k.id));
    Some(PersonData {
        format: PERSON_DATA_FORMAT,
        format_version: PERSON_DATA_VERSION,
        exported_at: now,
        campaign: CampaignRef {
            id: campaign.id,
            name: campaign.name.clone(),
            role: campaign.role.name.clone(),
            keep_until: campaign.keep_until(),
            retention_months: campaign.retention_months(),
        },
        person: PersonRecord {
            id: who.id,
            kind: who.kind,
            name: who.name.clone(),
            email: listed.map(|p| p.email.clone()).filter(|e| !e.is_empty()),
            title: (who.kind == ErasedKind::Leader && !campaign.leader.title.is_empty())
                .then(|| campaign.leader.title.clone()),
        },
        decisions: found.decisions.iter().map(|d| (*d).clone()).collect(),
        responses,
        observations,
        invitations,
        kits,
        erasures: campaign
            .erasures
            .iter()
            .filter(|e| e.person_id == person_id && e.scope == ErasureScope::Answers)
            .cloned()
            .collect(),
    })
}

impl PersonData {
    /// Indented JSON, for a person to read.
    pub fn to_json(&self) -> String {
        crate::domain::json::to_string_pretty(self)
    }
}
