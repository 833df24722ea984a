//! The Rally file format: one JSON document with a `format` marker and a `format_version`,
//! used for exports, imports and the browser's own autosave. Reading is a total function:
//! any input gives either a valid [`Document`] at the current version or an [`ImportError`]
//! that says, in the recruiter's words, what is wrong. See `docs/file-format.md`.

pub mod envelope;
mod import;
pub mod import_log;
mod invitations;
mod merge;
mod migrate;
pub mod passphrase;
mod snapshot;
pub mod stored;

pub use import::{read_document, read_document_value, read_stored, ImportError, Problem};
pub use import_log::{import_entries, with_import_log, ImportSource};
pub use invitations::{
    answers_json, observation_json, read_fieldwork_file, read_fieldwork_lists, read_invitations,
    read_survey_file, FieldworkLists,
};
pub use merge::{merge, merge_fieldwork, MergeReport};
pub use migrate::migrate;
pub use snapshot::{campaign_ids, Snapshot, SnapshotToken};

use crate::domain::campaign::Campaign;
use crate::domain::fieldwork::{Fieldwork, Kit};
use crate::domain::instrument::score::Response;
use crate::domain::observation::log::Observation;
use crate::domain::role::Role;
use crate::domain::survey::Invitation;
use crate::domain::workspace::Workspace;
use chrono::{DateTime, Utc};
use envelope::Sealed;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// The value of the `format` field of every Rally file.
pub const FORMAT_NAME: &str = "rally";
/// The version this build writes. Older versions are migrated on reading.
/// Version 2 added mediator kits and observations; version 3 added self-assessment
/// invitations and responses; version 4 added decisions, reading choices (versions, clock
/// offsets), the candidate of an observation and session debriefs; version 5 added the
/// campaigns' import logs.
pub const CURRENT_VERSION: u64 = 5;

/// A Rally file: a set of campaigns and custom roles.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    pub format: String,
    pub format_version: u64,
    #[serde(with = "crate::domain::timefmt::utc")]
    pub exported_at: DateTime<Utc>,
    #[serde(default)]
    pub app_version: String,
    #[serde(default)]
    pub campaigns: Vec<Campaign>,
    #[serde(default)]
    pub roles: Vec<Role>,
    /// Mediator kits (since version 2).
    #[serde(default)]
    pub kits: Vec<Kit>,
    /// Observations of work sessions (since version 2).
    #[serde(default)]
    pub observations: Vec<Observation>,
    /// Self-assessment invitations (since version 3).
    #[serde(default)]
    pub invitations: Vec<Invitation>,
    /// Self-assessment responses (since version 3).
    #[serde(default)]
    pub responses: Vec<Response>,
    /// The scores of the campaigns' current responses, for readers outside Rally: written on
    /// export, never read back (Rally recomputes them). Rows of
    /// [`crate::domain::assessment::export::ScoreRow`].
    #[serde(default, skip_deserializing, skip_serializing_if = "Vec::is_empty")]
    pub scores: Vec<serde_json::Value>,
}

impl Document {
    /// The whole workspace as a document.
    pub fn of_workspace(ws: &Workspace, now: DateTime<Utc>) -> Self {
        Self::new(ws.campaigns.clone(), ws.roles.clone(), now)
    }

    /// One campaign alone (its role travels inside it as a snapshot).
    pub fn of_campaign(ws: &Workspace, id: Uuid, now: DateTime<Utc>) -> Option<Self> {
        ws.campaign(id)
            .map(|c| Self::new(vec![c.clone()], Vec::new(), now))
    }

    fn new(campaigns: Vec<Campaign>, roles: Vec<Role>, now: DateTime<Utc>) -> Self {
        Self {
            format: FORMAT_NAME.to_owned(),
            format_version: CURRENT_VERSION,
            exported_at: now,
            app_version: env!("CARGO_PKG_VERSION").to_owned(),
            campaigns,
            roles,
            kits: Vec::new(),
            observations: Vec::new(),
            invitations: Vec::new(),
            responses: Vec::new(),
            scores: Vec::new(),
        }
    }

    /// The same document, also carrying this browser's kits and observations.
    pub fn with_fieldwork(mut self, fieldwork: &Fieldwork) -> Self {
        self.kits = fieldwork.kits.to_vec();
        self.observations = fieldwork.observations.versions().cloned().collect();
        self.invitations = fieldwork.invitations.to_vec();
        self.responses = fieldwork.responses.to_vec();
        self
    }

    /// One campaign with its fieldwork: its kits, observations, invitations and responses.
    pub fn with_campaign_fieldwork(mut self, fieldwork: &Fieldwork, campaign: Uuid) -> Self {
        self.kits = fieldwork
            .kits
            .iter()
            .filter(|k| k.campaign_id == campaign)
            .cloned()
            .collect();
        self.observations = fieldwork
            .observations
            .versions()
            .filter(|o| o.campaign_id == campaign)
            .cloned()
            .collect();
        self.invitations = fieldwork
            .invitations
            .iter()
            .filter(|i| i.campaign_id == campaign)
            .cloned()
            .collect();
        self.responses = fieldwork
            .responses
            .iter()
            .filter(|r| r.campaign_id == campaign)
            .cloned()
            .collect();
        self
    }

    /// Adds the scores of every campaign of the document, computed from `fieldwork`'s
    /// current responses, with facet names in `lang`.
    pub fn with_scores(mut self, fieldwork: &Fieldwork, lang: crate::domain::lang::Lang) -> Self {
        self.scores = self
            .campaigns
            .iter()
            .flat_map(|c| {
                crate::domain::assessment::export::score_rows(
                    c,
                    &fieldwork.current_responses(c.id),
                    lang,
                )
            })
            .filter_map(|row| serde_json::to_value(row).ok())
            .collect();
        self
    }

    /// A respondent's invitation, alone in its file.
    pub fn of_invitation(invitation: &Invitation, now: DateTime<Utc>) -> Self {
        let mut doc = Self::new(Vec::new(), Vec::new(), now);
        doc.invitations.push(invitation.clone());
        doc
    }

    /// A respondent's answers, to return to the recruiter.
    pub fn of_responses(responses: &[Response], now: DateTime<Utc>) -> Self {
        let mut doc = Self::new(Vec::new(), Vec::new(), now);
        doc.responses = responses.to_vec();
        doc
    }

    /// A mediator's kit, alone in its file.
    pub fn of_kit(kit: &Kit, now: DateTime<Utc>) -> Self {
        let mut doc = Self::new(Vec::new(), Vec::new(), now);
        doc.kits.push(kit.clone());
        doc
    }

    /// A mediator's observation, with the kit it was made from.
    pub fn of_observation(kit: &Kit, observation: &Observation, now: DateTime<Utc>) -> Self {
        let mut doc = Self::of_kit(kit, now);
        doc.observations.push(observation.clone());
        doc
    }

    /// The workspace this document describes.
    pub fn into_workspace(self) -> Workspace {
        Workspace {
            campaigns: self.campaigns,
            roles: self.roles,
        }
    }

    /// Compact JSON, as written to an exported file and to the browser's storage. One
    /// formatter for everything keeps the bundle smaller, and stored data a third lighter
    /// (browsers give a site about 5 MB); any JSON viewer indents it for reading.
    pub fn to_json(&self) -> String {
        crate::domain::json::to_string(self)
    }
}

/// What a picked file turned out to be.
#[derive(Clone, Debug, PartialEq)]
pub enum Opened<T = Document> {
    /// A Rally file, read and checked.
    Plain(T),
    /// A Rally file protected by a passphrase: its envelope, read and checked. The bytes it
    /// opens to are read like an open file.
    Sealed(Sealed),
}

/// Reads any file a person may pick with `read` ([`read_document`], or the respondent's
/// [`read_invitations`]): an open Rally file, or a sealed one (whose envelope must be sound
/// before anyone is asked for a passphrase).
pub fn open_file<T>(
    bytes: &[u8],
    read: fn(&[u8]) -> Result<T, ImportError>,
) -> Result<Opened<T>, ImportError> {
    match envelope::sniff(bytes) {
        Some(sealed) => sealed.map(Opened::Sealed).map_err(ImportError::Sealed),
        None => read(bytes).map(Opened::Plain),
    }
}

/// A file name for an export: `rally-<what>-<date>.json`, safe on every system.
pub fn export_file_name(what: &str, now: DateTime<Utc>) -> String {
    let slug: String = crate::domain::text::slug(what)
        .split('-')
        .take(8)
        .collect::<Vec<_>>()
        .join("-");
    let slug = if slug.is_empty() {
        "export".to_owned()
    } else {
        slug
    };
    format!(
        "rally-{}-{}.json",
        slug,
        crate::domain::timefmt::write_date(now.date_naive())
    )
}

/// The name of a protected copy of the export `name` (`rally-<what>-<date>.json`):
/// `rally-protected-<date>.json`. What the file is about — often a person's name — stays
/// inside, sealed: a file name travels in the clear in every e-mail and downloads folder.
pub fn protected_file_name(name: &str) -> String {
    let stem = name.strip_suffix(".json").unwrap_or(name);
    let date = stem
        .get(stem.len().saturating_sub(10)..)
        .filter(|d| crate::domain::timefmt::read_date(d).is_some());
    match date {
        Some(date) => format!("rally-protected-{date}.json"),
        None => "rally-protected.json".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::campaign::tests::at;

    #[test]
    fn file_names_are_safe() {
        assert_eq!(
            export_file_name("CSO 5.0 — Lyon/Paris", at(0)),
            "rally-cso-5-0-lyon-paris-2025-11-24.json"
        );
        assert_eq!(export_file_name("…", at(0)), "rally-export-2025-11-24.json");
        assert_eq!(
            protected_file_name("rally-answers-jean-dupont-2025-11-24.json"),
            "rally-protected-2025-11-24.json"
        );
        assert_eq!(protected_file_name("é.json"), "rally-protected.json");
    }
}
