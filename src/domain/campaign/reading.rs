//! The recruiter's choices about how observations are read, recorded in the campaign so that
//! the analysis, the compatibility picture and the report follow them (and they travel with
//! the campaign file):
//!
//! - **which version counts** when a mediator's observation arrived in several diverging
//!   versions (two submitted copies that differ): [`VersionChoice`], naming the version by its
//!   fingerprint;
//! - **how the mediators' clocks line up**: each mediator starts their session clock by hand,
//!   so two codings of one session are offset by a few seconds. A [`ClockOffset`] shifts every
//!   time of one observation before it is compared with the others; it is set by hand or
//!   proposed from a shared marker ("moment to note").

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// The version of an observation that counts, among several kept side by side.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VersionChoice {
    pub observation_id: Uuid,
    /// The chosen version's fingerprint (`observation::merge::fingerprint`).
    pub version: String,
    #[serde(with = "crate::domain::timefmt::utc")]
    pub chosen_at: DateTime<Utc>,
}

/// How an offset was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OffsetSource {
    /// Typed by the recruiter.
    Manual,
    /// Proposed by aligning the first shared "moment to note" marker, then accepted.
    Marker,
}

/// Milliseconds added to every time of one observation (events, notes) before it is compared
/// with the other observations of its session. Positive: its clock started late.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClockOffset {
    pub observation_id: Uuid,
    pub offset_ms: i64,
    pub source: OffsetSource,
    #[serde(with = "crate::domain::timefmt::utc")]
    pub set_at: DateTime<Utc>,
}
