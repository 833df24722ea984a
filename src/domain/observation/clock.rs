//! The session clock: elapsed session time, computed from wall-clock instants passed in, with
//! pauses left out. Only three values are stored, so a page reloaded in the middle of a session
//! finds the right elapsed time again: the time banked before the current run, and the instant
//! the current run began.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// Where the clock stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ClockState {
    NotStarted,
    Running,
    Paused,
}

/// Why a clock change was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ClockError {
    #[error("the clock has already been started")]
    AlreadyStarted,
    #[error("the clock has not been started")]
    NotStarted,
    #[error("the clock is not running")]
    NotRunning,
    #[error("the clock is not paused")]
    NotPaused,
    #[error("the clock's saved state is inconsistent")]
    Inconsistent,
}

/// The session clock. `elapsed = banked_ms + (now − running_since)` while running,
/// `banked_ms` otherwise. A wall clock that goes backwards adds nothing (never negative).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Clock {
    /// When the clock was first started (for reports).
    #[serde(
        default,
        with = "crate::domain::timefmt::option::utc",
        skip_serializing_if = "Option::is_none"
    )]
    pub started_at: Option<DateTime<Utc>>,
    /// The wall-clock instant the current run began; `None` when not running.
    #[serde(
        default,
        with = "crate::domain::timefmt::option::utc",
        skip_serializing_if = "Option::is_none"
    )]
    pub running_since: Option<DateTime<Utc>>,
    /// Session time accumulated by the previous runs, in milliseconds.
    #[serde(default)]
    pub banked_ms: u64,
}

fn ms_between(from: DateTime<Utc>, to: DateTime<Utc>) -> u64 {
    u64::try_from((to - from).num_milliseconds()).unwrap_or(0)
}

impl Clock {
    pub fn state(&self) -> ClockState {
        match (self.started_at, self.running_since) {
            (None, _) => ClockState::NotStarted,
            (Some(_), Some(_)) => ClockState::Running,
            (Some(_), None) => ClockState::Paused,
        }
    }

    /// Elapsed session time at `now`, in milliseconds, pauses excluded.
    pub fn elapsed_ms(&self, now: DateTime<Utc>) -> u64 {
        match self.running_since {
            Some(since) => self.banked_ms.saturating_add(ms_between(since, now)),
            None => self.banked_ms,
        }
    }

    pub fn start(&self, now: DateTime<Utc>) -> Result<Clock, ClockError> {
        if self.state() != ClockState::NotStarted {
            return Err(ClockError::AlreadyStarted);
        }
        Ok(Clock {
            started_at: Some(now),
            running_since: Some(now),
            banked_ms: 0,
        })
    }

    pub fn pause(&self, now: DateTime<Utc>) -> Result<Clock, ClockError> {
        match self.state() {
            ClockState::Running => Ok(Clock {
                started_at: self.started_at,
                running_since: None,
                banked_ms: self.elapsed_ms(now),
            }),
            ClockState::NotStarted => Err(ClockError::NotStarted),
            ClockState::Paused => Err(ClockError::NotRunning),
        }
    }

    pub fn resume(&self, now: DateTime<Utc>) -> Result<Clock, ClockError> {
        match self.state() {
            ClockState::Paused => Ok(Clock {
                started_at: self.started_at,
                running_since: Some(now),
                banked_ms: self.banked_ms,
            }),
            ClockState::NotStarted => Err(ClockError::NotStarted),
            ClockState::Running => Err(ClockError::NotPaused),
        }
    }

    /// Stops the clock for good (at submission): paused at `now` if it was running.
    pub fn stopped(&self, now: DateTime<Utc>) -> Clock {
        self.pause(now).unwrap_or_else(|_| self.clone())
    }

    /// A stored clock must not run without having been started.
    pub fn check(&self) -> Result<(), ClockError> {
        if self.started_at.is_none() && (self.running_since.is_some() || self.banked_ms > 0) {
            return Err(ClockError::Inconsistent);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at_ms(ms: i64) -> DateTime<Utc> {
        DateTime::from_timestamp_millis(1_764_000_000_000 + ms).unwrap()
    }

    #[test]
    fn pauses_are_left_out() {
        let c = Clock::default();
        assert_eq!(c.state(), ClockState::NotStarted);
        assert_eq!(c.elapsed_ms(at_ms(5_000)), 0);
        let c = c.start(at_ms(0)).unwrap();
        assert_eq!(c.elapsed_ms(at_ms(60_000)), 60_000);
        let c = c.pause(at_ms(60_000)).unwrap();
        assert_eq!(c.state(), ClockState::Paused);
        // Ten minutes of coffee break do not count.
        assert_eq!(c.elapsed_ms(at_ms(660_000)), 60_000);
        let c = c.resume(at_ms(660_000)).unwrap();
        // 60 s before the break + 1.5 s after it.
        assert_eq!(c.elapsed_ms(at_ms(661_500)), 61_500);
        assert_eq!(c.started_at, Some(at_ms(0)));
    }

    #[test]
    fn a_reload_mid_session_finds_the_right_time() {
        let c = Clock::default()
            .start(at_ms(0))
            .unwrap()
            .pause(at_ms(60_000))
            .unwrap()
            .resume(at_ms(100_000))
            .unwrap();
        let stored = serde_json::to_string(&c).unwrap();
        // The tab is closed, then reopened 30 s after resuming.
        let reloaded: Clock = serde_json::from_str(&stored).unwrap();
        assert_eq!(reloaded, c);
        assert_eq!(reloaded.elapsed_ms(at_ms(130_000)), 90_000); // 60 s + 30 s
    }

    #[test]
    fn wrong_transitions_are_refused() {
        let c = Clock::default();
        assert_eq!(c.pause(at_ms(0)), Err(ClockError::NotStarted));
        assert_eq!(c.resume(at_ms(0)), Err(ClockError::NotStarted));
        let c = c.start(at_ms(0)).unwrap();
        assert_eq!(c.start(at_ms(1)), Err(ClockError::AlreadyStarted));
        assert_eq!(c.resume(at_ms(1)), Err(ClockError::NotPaused));
        let p = c.pause(at_ms(1)).unwrap();
        assert_eq!(p.pause(at_ms(2)), Err(ClockError::NotRunning));
    }

    #[test]
    fn a_wall_clock_going_backwards_adds_nothing() {
        let c = Clock::default().start(at_ms(10_000)).unwrap();
        assert_eq!(c.elapsed_ms(at_ms(5_000)), 0);
        let c = c.pause(at_ms(5_000)).unwrap();
        assert_eq!(c.banked_ms, 0);
    }

    #[test]
    fn inconsistent_stored_clocks_are_caught() {
        let c = Clock {
            started_at: None,
            running_since: Some(at_ms(0)),
            banked_ms: 0,
        };
        assert_eq!(c.check(), Err(ClockError::Inconsistent));
        assert_eq!(Clock::default().check(), Ok(()));
    }
}
