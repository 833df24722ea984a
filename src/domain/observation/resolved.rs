//! An event log with its codes looked up in a scheme, once: what the indices
//! ([`super::indices::compute_resolved`]) and the agreement between mediators
//! ([`super::agreement::agreement_resolved`]) read. Looking a code up hashes and compares its
//! text, which sits apart from the event in memory; a session's analysis reads each log for its
//! length, its indices and its agreement, so it resolves the log once and hands the compact
//! result to each.

use super::log::Event;
use super::scheme::{Actor, Scheme};

/// A scheme's codes by id, for one lookup per event: open addressing on the id's length and
/// its first and last bytes (which tell a scheme's codes apart), the id compared in full on
/// a hit. An id given twice finds its last code.
struct CodeTable<'s> {
    scheme: &'s Scheme,
    /// A code's position plus one, 0 for an empty slot; a power of two, at least twice the
    /// codes.
    slots: Vec<usize>,
}

impl<'s> CodeTable<'s> {
    fn of(scheme: &'s Scheme) -> Self {
        let size = (2 * scheme.codes.len()).next_power_of_two().max(8);
        let mut table = CodeTable {
            scheme,
            slots: vec![0; size],
        };
        for (i, c) in scheme.codes.iter().enumerate() {
            let slot = table.slot(&c.id);
            table.slots[slot] = i + 1;
        }
        table
    }

    /// The slot that holds `id`, or the empty one where it would go.
    fn slot(&self, id: &str) -> usize {
        let slots: &[usize] = &self.slots;
        let codes = &self.scheme.codes;
        let bytes = id.as_bytes();
        let (first, last) = (bytes.first(), bytes.last());
        let key = bytes.len() as u64
            ^ u64::from(*first.unwrap_or(&0)) << 8
            ^ u64::from(*last.unwrap_or(&0)) << 16;
        let mask = slots.len() - 1;
        let mut at = (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 40) as usize & mask;
        while slots[at] != 0 && codes[slots[at] - 1].id != id {
            at = (at + 1) & mask;
        }
        at
    }

    fn get(&self, id: &str) -> Option<usize> {
        self.slots[self.slot(id)].checked_sub(1)
    }
}

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
        let index = CodeTable::of(scheme);
        let events = events.into_iter();
        let mut out = Vec::with_capacity(events.size_hint().0);
        let mut last_end_ms = 0;
        for e in events {
            last_end_ms = last_end_ms.max(e.end_ms());
            if let Some(code) = index.get(&e.code) {
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
    fn the_code_table_finds_every_code_and_nothing_else() {
        let s = default_scheme();
        let table = CodeTable::of(s);
        for (i, c) in s.codes.iter().enumerate() {
            assert_eq!(table.get(&c.id), Some(i), "{}", c.id);
            let mut other = c.id.clone();
            other.insert(1, 'x');
            assert_eq!(table.get(&other), None);
            assert_eq!(table.get(&c.id[..c.id.len() - 1]), None);
        }
        assert_eq!(table.get(""), None);
        // An id given twice finds its last code, as a map built from the scheme keeps it.
        let mut twice = s.clone();
        let again = twice.codes[0].clone();
        twice.codes.push(again);
        assert_eq!(
            CodeTable::of(&twice).get(&s.codes[0].id),
            Some(s.codes.len())
        );
        // Many codes of one length, first and last byte: they still each find their own.
        let mut crowded = s.clone();
        crowded.codes = (0..100)
            .map(|k| {
                let mut c = s.codes[0].clone();
                c.id = format!("a{k:03}z");
                c
            })
            .collect();
        let table = CodeTable::of(&crowded);
        for (i, c) in crowded.codes.iter().enumerate() {
            assert_eq!(table.get(&c.id), Some(i));
        }
        assert_eq!(table.get("a100z"), None);
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
