//! The recruiter's decision about a candidate, after the work sessions: another session, an
//! offer, stop, or on hold — with a rationale and the day it was taken. Every decision is kept
//! (the history travels with the campaign file and prints in the report); the latest one, by
//! the day decided then the moment recorded, is the current one.

use crate::domain::sorting;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// What was decided.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DecisionKind {
    /// Hold another work session before deciding.
    AnotherSession,
    /// Make the candidate an offer.
    Offer,
    /// End the process with this candidate.
    Stop,
    /// Wait (another candidate first, a budget, a calendar).
    OnHold,
}

impl DecisionKind {
    pub const ALL: [DecisionKind; 4] = [
        DecisionKind::AnotherSession,
        DecisionKind::Offer,
        DecisionKind::Stop,
        DecisionKind::OnHold,
    ];
}

/// One recorded decision about one candidate.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decision {
    pub id: Uuid,
    pub candidate_id: Uuid,
    pub kind: DecisionKind,
    /// Why, in the recruiter's words (trimmed; required).
    pub rationale: String,
    /// The day the decision was taken (the decision meeting), which may precede the record.
    #[serde(with = "crate::domain::timefmt::date")]
    pub decided_on: NaiveDate,
    #[serde(with = "crate::domain::timefmt::utc")]
    pub recorded_at: DateTime<Utc>,
}

impl Decision {
    /// The order of the history: by day decided, then by moment recorded, then by id.
    pub fn key(&self) -> (NaiveDate, DateTime<Utc>, Uuid) {
        (self.decided_on, self.recorded_at, self.id)
    }
}

/// `decisions` about `candidate`, latest first.
pub fn history(decisions: &[Decision], candidate: Uuid) -> Vec<&Decision> {
    let mut out: Vec<&Decision> = decisions
        .iter()
        .filter(|d| d.candidate_id == candidate)
        .collect();
    sorting::sort_by_key(&mut out, |d| std::cmp::Reverse(d.key()));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(n: u128, day: u32, secs: i64) -> Decision {
        Decision {
            id: Uuid::from_u128(n),
            candidate_id: Uuid::from_u128(7),
            kind: DecisionKind::OnHold,
            rationale: "r".into(),
            decided_on: NaiveDate::from_ymd_opt(2026, 12, day).unwrap(),
            recorded_at: DateTime::from_timestamp(1_764_000_000 + secs, 0).unwrap(),
        }
    }

    #[test]
    fn the_history_is_latest_first_by_day_then_record() {
        let all = [d(1, 2, 50), d(2, 3, 0), d(3, 2, 90)];
        let ids: Vec<u128> = history(&all, Uuid::from_u128(7))
            .iter()
            .map(|d| d.id.as_u128())
            .collect();
        assert_eq!(ids, [2, 3, 1]);
        assert!(history(&all, Uuid::from_u128(8)).is_empty());
    }
}
