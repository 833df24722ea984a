//! Live counts of the log, for the coding buttons.

use super::{Event, Events, Observation};
use crate::domain::observation::scheme::Actor;
use std::collections::BTreeMap;

/// Live counts per code and per actor, for the coding buttons. [`Tally::of`] counts a whole
/// log in O(n); [`Tally::add`] and [`Tally::remove`] keep it current in O(log k) (k codes)
/// when the UI follows the log event by event, and [`Tally::follow`] from one version of the
/// log to the next in O(n / 100 + changed events): what the coding screen does after each
/// change, so that its cost does not grow with the log.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    /// Per code id: counts for the CEO, the candidate, and nobody; then the same for the events
    /// without a duration (for a state code: the states still open).
    counts: BTreeMap<String, [u32; 6]>,
}

fn slot(actor: Option<Actor>) -> usize {
    actor.map_or(2, Actor::index)
}

impl Tally {
    pub fn of(observation: &Observation) -> Self {
        let mut t = Tally::default();
        for e in &observation.events {
            t.add(e);
        }
        t
    }

    pub fn add(&mut self, e: &Event) {
        let c = match self.counts.get_mut(&e.code) {
            Some(c) => c,
            None => self.counts.entry(e.code.clone()).or_default(),
        };
        c[slot(e.actor)] += 1;
        if e.duration_ms.is_none() {
            c[3 + slot(e.actor)] += 1;
        }
    }

    pub fn remove(&mut self, e: &Event) {
        if let Some(c) = self.counts.get_mut(&e.code) {
            let n = &mut c[slot(e.actor)];
            *n = n.saturating_sub(1);
            if e.duration_ms.is_none() {
                let n = &mut c[3 + slot(e.actor)];
                *n = n.saturating_sub(1);
            }
            if c[..3] == [0; 3] {
                self.counts.remove(&e.code);
            }
        }
    }

    /// Turns the counts of the log `before` into those of `after`, a later version of it:
    /// only the chunks of events `after` does not share with `before` are counted again
    /// (see [`Events::chunks_not_in`]). The result is [`Tally::of`] `after`.
    pub fn follow(&mut self, before: &Events, after: &Events) {
        for (_, gone) in before.chunks_not_in(after) {
            gone.iter().for_each(|e| self.remove(e));
        }
        for (_, new) in after.chunks_not_in(before) {
            new.iter().for_each(|e| self.add(e));
        }
    }

    /// Events of `code` by `actor` (`None`: events with no actor).
    pub fn get(&self, code: &str, actor: Option<Actor>) -> u32 {
        self.counts.get(code).map_or(0, |c| c[slot(actor)])
    }

    /// Events of `code`, whoever the actor.
    pub fn total(&self, code: &str) -> u32 {
        self.counts.get(code).map_or(0, |c| c[..3].iter().sum())
    }

    /// Events of `code` by `actor` without a duration: for a state code, the states still open
    /// — more than none exactly when [`Observation::open_state`] finds one, without searching
    /// the log.
    pub fn unended(&self, code: &str, actor: Option<Actor>) -> u32 {
        self.counts.get(code).map_or(0, |c| c[3 + slot(actor)])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::observation::log::tests::{add, fresh, t};
    use crate::domain::observation::log::{EventFields, ObservationAction};
    use crate::domain::observation::scheme::default_scheme;
    use proptest::prelude::*;
    use uuid::Uuid;

    /// A coding action drawn at random: mostly events added live, some inserted earlier,
    /// edited, deleted or undone.
    fn action(k: u64, pick: (u8, usize, usize), len: usize, ids: &[Uuid]) -> ObservationAction {
        let codes = [
            "agrees",
            "disagrees",
            "gives_opinion",
            "asks_opinion",
            "silence",
        ];
        let code = codes[pick.1 % codes.len()].to_owned();
        let actor = if code == "silence" {
            None
        } else if pick.2.is_multiple_of(2) {
            Some(Actor::Ceo)
        } else {
            Some(Actor::Candidate)
        };
        let target = ids.get(pick.2 % len.max(1)).copied();
        let fields = EventFields {
            actor,
            code: code.clone(),
            modifier: None,
            at_ms: (pick.2 as u64 % 1_000_000) * 997 % (k * 1_000 + 1),
            duration_ms: None,
        };
        match (pick.0 % 10, target) {
            (0, _) => ObservationAction::InsertEvent {
                id: Uuid::from_u128(1_000_000 + u128::from(k)),
                fields,
            },
            (1, Some(id)) => ObservationAction::EditEvent { id, fields },
            (2, Some(id)) => ObservationAction::DeleteEvent { id },
            (3, Some(_)) => ObservationAction::UndoLastEvent,
            (4, Some(id)) => ObservationAction::EndState { id },
            _ => add(actor, &code, 2_000_000 + u128::from(k)),
        }
    }

    proptest! {
        /// Following the log change by change gives the counts of the whole log, every time
        /// (and `Observation::last_added` the event a search of the whole log finds).
        #[test]
        fn following_the_log_counts_like_a_recount(start in 0usize..400, picks in prop::collection::vec((any::<u8>(), any::<usize>(), any::<usize>()), 1..60)) {
            let s = default_scheme();
            let mut o = fresh();
            o.apply_mut(s, &ObservationAction::StartClock, t(0)).unwrap();
            for k in 0..start {
                o.apply_mut(s, &add(Some(Actor::Ceo), "agrees", 10 + k as u128), t(1 + k as i64)).unwrap();
            }
            let mut tally = Tally::of(&o);
            for (k, pick) in picks.into_iter().enumerate() {
                let ids: Vec<Uuid> = o.events.iter().map(|e| e.id).collect();
                let a = action(start as u64 + k as u64, pick, ids.len(), &ids);
                let before = o.events.clone();
                // A refused change leaves the log as it was: the counts follow that too.
                let _ = o.apply_mut(s, &a, t(10_000 + k as i64 * 1_000));
                tally.follow(&before, &o.events);
                prop_assert_eq!(&tally, &Tally::of(&o));
                // And the last event added is found like a search of the whole log, and an open
                // state like `open_state` finds it.
                prop_assert_eq!(o.last_added(), o.events.iter().max_by_key(|e| e.seq));
                for actor in [None, Some(Actor::Ceo)] {
                    prop_assert_eq!(tally.unended("silence", actor) > 0, o.open_state("silence", actor).is_some());
                }
            }
        }
    }
}
