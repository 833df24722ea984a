//! How long a campaign's personal data is kept: until a number of months after the campaign
//! **ends** — by default 24, the two years the CNIL recommends for candidates who were not
//! hired. A campaign ends the day it is closed, or archived while still open; reopening it
//! clears that day. Files from before the day was recorded (a closed or archived campaign
//! with no `closed_on`) count from their last change.

use super::{Campaign, Status};
use chrono::{DateTime, Months, NaiveDate, Utc};

/// Months the data is kept after the campaign ends, unless the campaign says otherwise.
pub const DEFAULT_RETENTION_MONTHS: u16 = 24;

impl Campaign {
    /// Months the data is kept after the campaign ends.
    pub fn retention_months(&self) -> u16 {
        self.retention_months.unwrap_or(DEFAULT_RETENTION_MONTHS)
    }

    /// Whether the campaign has ended: closed, or archived.
    pub fn has_ended(&self) -> bool {
        matches!(self.status, Status::Closed | Status::Archived)
    }

    /// The day the campaign ended, if it has.
    pub fn ended_on(&self) -> Option<NaiveDate> {
        self.has_ended()
            .then(|| self.closed_on.unwrap_or(self.updated_at.date_naive()))
    }

    /// The last day its personal data may be kept; `None` while the campaign runs.
    pub fn keep_until(&self) -> Option<NaiveDate> {
        let ended = self.ended_on()?;
        ended
            .checked_add_months(Months::new(u32::from(self.retention_months())))
            .or(Some(NaiveDate::MAX))
    }

    /// Whether its personal data is kept past its date on `today`.
    pub fn is_past_keep_until(&self, today: NaiveDate) -> bool {
        self.keep_until().is_some_and(|d| d < today)
    }

    /// Keeps `closed_on` in step with a change from `before`: set the day the campaign closes
    /// (or is archived while open), cleared when it is open again. An ended campaign from a
    /// file that did not record the day gets the day of its last change before this one.
    pub(super) fn track_end(&mut self, before: &Campaign, now: DateTime<Utc>) {
        if !self.has_ended() {
            self.closed_on = None;
        } else if !before.has_ended() {
            self.closed_on = Some(now.date_naive());
        } else if self.closed_on.is_none() {
            self.closed_on = Some(before.updated_at.date_naive());
        }
    }
}
