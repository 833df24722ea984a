//! Live counts of the log, for the coding buttons.

use super::{Event, Observation};
use crate::domain::observation::scheme::Actor;
use std::collections::BTreeMap;

/// Live counts per code and per actor, for the coding buttons. [`Tally::of`] counts a whole
/// log in O(n); [`Tally::add`] and [`Tally::remove`] keep it current in O(log k) (k codes)
/// when the UI follows the log event by event.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    /// Per code id: counts for the CEO, the candidate, and nobody.
    counts: BTreeMap<String, [u32; 3]>,
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
        if let Some(c) = self.counts.get_mut(&e.code) {
            c[slot(e.actor)] += 1;
        } else {
            let mut c = [0; 3];
            c[slot(e.actor)] = 1;
            self.counts.insert(e.code.clone(), c);
        }
    }

    pub fn remove(&mut self, e: &Event) {
        if let Some(c) = self.counts.get_mut(&e.code) {
            let n = &mut c[slot(e.actor)];
            *n = n.saturating_sub(1);
        }
    }

    /// Events of `code` by `actor` (`None`: events with no actor).
    pub fn get(&self, code: &str, actor: Option<Actor>) -> u32 {
        self.counts.get(code).map_or(0, |c| c[slot(actor)])
    }

    /// Events of `code`, whoever the actor.
    pub fn total(&self, code: &str) -> u32 {
        self.counts.get(code).map_or(0, |c| c.iter().sum())
    }
}
