//! An event log with its codes looked up in a scheme, once: what the indices
//! ([`super::indices::compute_resolved`]) and the agreement between mediators
//! ([`super::agreement::agreement_resolved`]) read. Looking a code up hashes and compares its
//! text, which sits apart from the event in memory; a session's analysis reads each log for its
//! length, its indices and its agreement, so it resolves the log once and hands the compact
//! result to each.

use super::log::Event;
use super::scheme::{Actor, Scheme};
use crate::domain::hash::QuickMap;

/// One event whose code the scheme knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ResolvedEvent {
    pub at_ms: u64,
    pub duration_ms: Option<u64>,
    /// The code's position in the scheme's codes.
    pub code: usize,
    pub actor: Option<Actor>,
}

impl ResolvedEvent {
    /// As [`Event::end_ms`].
    pub fn end_ms(&self) -> u64 {
        self.at_ms.saturating_add(self.duration_ms.unwrap_or(0))
    }
}

/// The events of a log whose code `scheme` knows, in the log's order, resolved against it.
#[derive(Clone, Debug)]
pub struct ResolvedLog<'s> {
    /// The scheme the codes were looked up in (an event's `code` indexes its codes).
    pub scheme: &'s Scheme,
    pub events: Vec<ResolvedEvent>,
    /// The latest end ([`Event::end_ms`]) of *every* event of the log, known code or not: 0
    /// for an empty log.
    pub last_end_ms: u64,
}

impl<'s> ResolvedLog<'s> {
    /// Resolves `events` against `scheme`: events with an unknown code are left out (both the
    /// indices and the agreement ignore them) but count for `last_end_ms`. When two codes share
    /// an id, the last one is taken, as a map built from the scheme keeps it.
    pub fn of<'a>(events: impl IntoIterator<Item = &'a Event>, scheme: &'s Scheme) -> Self {
        let index: QuickMap<&str, usize> = scheme
            .codes
            .iter()
            .enumerate()
            .map(|(i, c)| (c.id.as_str(), i))
            .collect();
        let events = events.into_iter();
        let mut out = Vec::with_capacity(events.size_hint().0);
        let mut last_end_ms = 0;
        for e in events {
            last_end_ms = last_end_ms.max(e.end_ms());
            if let Some(&code) = index.get(e.code.as_str()) {
                out.push(ResolvedEvent {
                    at_ms: e.at_ms,
                    duration_ms: e.duration_ms,
                    code,
                    actor: e.actor,
                });
            }
        }
        ResolvedLog {
            scheme,
            events: out,
            last_end_ms,
        }
    }

    /// Whether this log was resolved against `scheme` (the very same one).
    pub fn is_of(&self, scheme: &Scheme) -> bool {
        std::ptr::eq(self.scheme, scheme)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::observation::indices::{compute, compute_resolved};
    use crate::domain::observation::log::tests::id;
    use crate::domain::observation::scheme::default_scheme;

    fn event(
        n: u128,
        at_ms: u64,
        actor: Option<Actor>,
        code: &str,
        duration_ms: Option<u64>,
    ) -> Event {
        Event {
            id: id(n),
            seq: n as u64,
            at_ms,
            actor,
            code: code.into(),
            modifier: None,
            duration_ms,
        }
    }

    #[test]
    fn a_resolved_log_keeps_known_codes_in_order_and_every_end() {
        let s = default_scheme();
        let events = [
            event(1, 1_000, Some(Actor::Ceo), "agrees", None),
            event(2, 2_000, None, "silence", Some(9_000)),
            event(
                3,
                3_000,
                Some(Actor::Candidate),
                "no_such_code",
                Some(60_000),
            ),
            event(4, 4_000, Some(Actor::Candidate), "builds_on", None),
            event(5, 5_000, None, "silence", None),
        ];
        let log = ResolvedLog::of(&events, s);
        assert!(log.is_of(s));
        let codes: Vec<&str> = log
            .events
            .iter()
            .map(|e| s.codes[e.code].id.as_str())
            .collect();
        assert_eq!(codes, ["agrees", "silence", "builds_on", "silence"]);
        assert_eq!(log.events[1].end_ms(), 11_000);
        // The unknown code is left out but its end counts, as in `Observation::length_ms`.
        assert_eq!(log.last_end_ms, 63_000);
        assert_eq!(ResolvedLog::of(&[], s).last_end_ms, 0);
        // The indices of the resolved log are those of the events.
        for length in [0, 10_000, 63_000, 90_000] {
            assert_eq!(compute_resolved(&log, length), compute(&events, s, length));
        }
    }

    #[test]
    fn another_copy_of_a_scheme_is_not_the_same_scheme() {
        let s = default_scheme();
        let copy = s.clone();
        let log = ResolvedLog::of(&[], &copy);
        assert!(log.is_of(&copy));
        assert!(!log.is_of(s));
    }
}
