//! Merging copies of observations: the recruiter imports the mediators' files in any order,
//! maybe twice, maybe an early draft after the final version. The result depends only on the
//! *set* of copies received: order-free, idempotent, no duplicates, nothing lost.
//!
//! For each observation id, among the distinct copies:
//! * a **draft** is superseded by any copy with a higher revision (it is an earlier state of
//!   the same coding);
//! * a **submitted** copy is never superseded (it was locked, so a copy with a higher revision
//!   is a diverging branch, not a continuation);
//! * when exactly one copy remains, it is the observation; when several remain (two submitted
//!   copies that differ, or different content at the same revision), they are kept side by
//!   side as a [`ObservationConflict`] for the recruiter to look at, never silently dropped.
//!
//! Merging the merged result with more copies gives the same result as merging everything at
//! once, so imports can be done one file at a time ([`MergedObservations::import`]).

use super::log::Observation;
use crate::domain::campaign::VersionChoice;
use crate::domain::sorting;
use std::collections::BTreeMap;
use std::sync::Arc;
use uuid::Uuid;

/// The fingerprint of one version of an observation: [`crate::domain::hash::fingerprint`] of
/// its compact JSON. It names the version a recruiter chose ([`VersionChoice::version`]), the
/// same on every machine that holds the same copy.
pub fn fingerprint(o: &Observation) -> String {
    // Hashed as it is written: the JSON text is never held whole (an observation of 5,000
    // events is about half a megabyte).
    let mut hash =
        std::io::BufWriter::with_capacity(8 * 1024, crate::domain::hash::Fnv1a64::default());
    if serde_json::to_writer(&mut hash, o).is_err() {
        unreachable!("an observation always serialises, and hashing never fails");
    }
    match hash.into_inner() {
        Ok(hash) => hash.fingerprint(),
        Err(_) => unreachable!("hashing never fails"),
    }
}

/// Several versions of one observation that cannot be ordered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ObservationConflict {
    pub id: Uuid,
    /// At least two distinct versions, by revision then content.
    pub versions: Vec<Arc<Observation>>,
}

impl ObservationConflict {
    /// The version the recruiter chose as the one that counts, if a choice names one of these
    /// versions (a choice about another observation, or naming a version not received here,
    /// chooses nothing).
    pub fn chosen(&self, choices: &[VersionChoice]) -> Option<&Observation> {
        let choice = choices.iter().find(|c| c.observation_id == self.id)?;
        self.versions
            .iter()
            .map(|v| &**v)
            .find(|v| fingerprint(v) == choice.version)
    }
}

/// The observations known after merging, each id once: either resolved or in conflict.
/// Each observation is shared (`Arc`) between copies of the store: a copy costs one pointer
/// per observation, and a change copies only the observation it changes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MergedObservations {
    /// Sorted by id.
    pub observations: Vec<Arc<Observation>>,
    /// Sorted by id.
    pub conflicts: Vec<ObservationConflict>,
}

/// What an import did, counted per distinct incoming copy.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ImportReport {
    /// Observations not seen before.
    pub added: usize,
    /// Newer versions that replaced the one here.
    pub updated: usize,
    /// Copies identical to a version already here.
    pub unchanged: usize,
    /// Older drafts, superseded by a version already here or in the same import.
    pub outdated: usize,
    /// Copies now kept side by side with another version.
    pub conflicting: usize,
}

impl MergedObservations {
    /// Every version kept, resolved or in conflict.
    pub fn versions(&self) -> impl Iterator<Item = &Observation> {
        self.shared_versions().map(|o| &**o)
    }

    /// Every version kept, as the shared values the store holds.
    pub fn shared_versions(&self) -> impl Iterator<Item = &Arc<Observation>> {
        self.observations
            .iter()
            .chain(self.conflicts.iter().flat_map(|c| c.versions.iter()))
    }

    pub fn get(&self, id: Uuid) -> Option<&Observation> {
        self.observations.iter().find(|o| o.id == id).map(|o| &**o)
    }

    pub fn conflict(&self, id: Uuid) -> Option<&ObservationConflict> {
        self.conflicts.iter().find(|c| c.id == id)
    }

    /// Adds imported copies: the same result as merging everything from the start.
    pub fn import<'a>(
        &self,
        incoming: impl IntoIterator<Item = &'a Observation>,
    ) -> (MergedObservations, ImportReport) {
        let incoming: Vec<&Observation> = incoming.into_iter().collect();
        // What is here stays shared; what comes in is copied once.
        let copies: Vec<Arc<Observation>> =
            incoming.iter().map(|o| Arc::new((*o).clone())).collect();
        let next = merge_shared(self.shared_versions().chain(&copies));
        let mut report = ImportReport::default();
        let mut seen: Vec<&Observation> = Vec::new();
        for copy in incoming {
            if seen.contains(&copy) {
                continue;
            }
            seen.push(copy);
            let known = self.get(copy.id).is_some() || self.conflict(copy.id).is_some();
            if self.versions().any(|v| v == copy) {
                report.unchanged += 1;
            } else if !next.versions().any(|v| v == copy) {
                report.outdated += 1;
            } else if next.conflict(copy.id).is_some() {
                report.conflicting += 1;
            } else if known {
                report.updated += 1;
            } else {
                report.added += 1;
            }
        }
        (next, report)
    }
}

/// Merges copies of observations by id (see the module documentation for the rules).
/// O(c log c) for c copies, plus serialising the copies of an id that has several distinct
/// versions (to order them by content).
pub fn merge_observations<'a>(
    copies: impl IntoIterator<Item = &'a Observation>,
) -> MergedObservations {
    let copies: Vec<Arc<Observation>> = copies.into_iter().map(|o| Arc::new(o.clone())).collect();
    merge_shared(&copies)
}

/// [`merge_observations`] of shared copies: the versions kept are the copies themselves.
pub(crate) fn merge_shared<'a>(
    copies: impl IntoIterator<Item = &'a Arc<Observation>>,
) -> MergedObservations {
    let mut by_id: BTreeMap<Uuid, Vec<&Arc<Observation>>> = BTreeMap::new();
    for c in copies {
        by_id.entry(c.id).or_default().push(c);
    }
    let mut out = MergedObservations::default();
    for (id, copies) in by_id {
        let mut kept = resolve(copies);
        if kept.len() == 1 {
            out.observations.extend(kept.pop());
        } else {
            out.conflicts
                .push(ObservationConflict { id, versions: kept });
        }
    }
    out
}

/// The versions of one id that survive, in a canonical order.
fn resolve(copies: Vec<&Arc<Observation>>) -> Vec<Arc<Observation>> {
    let first = copies[0];
    if copies.iter().all(|c| *c == first) {
        return vec![first.clone()];
    }
    // Distinct versions, ordered by revision then by their canonical JSON text.
    let mut distinct: Vec<(u64, String, &Arc<Observation>)> = copies
        .into_iter()
        .map(|c| {
            let json = crate::domain::json::to_string(&**c);
            (c.revision, json, c)
        })
        .collect();
    sorting::sort_by(&mut distinct, |a, b| (a.0, &a.1).cmp(&(b.0, &b.1)));
    distinct.dedup_by(|a, b| a.1 == b.1);
    let newest = distinct.iter().map(|d| d.0).max().unwrap_or(0);
    distinct
        .into_iter()
        .filter(|(rev, _, c)| c.is_submitted() || *rev == newest)
        .map(|(_, _, c)| c.clone())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::observation::log::tests::{add, fresh, id, t};
    use crate::domain::observation::log::{ObservationAction, ObservationStatus};
    use crate::domain::observation::scheme::{default_scheme, Actor};
    use proptest::prelude::*;

    /// One mediator's observation after `n` key presses, submitted or not.
    fn coded(obs: u128, n: usize, submit: bool) -> Observation {
        let s = default_scheme();
        let mut o = fresh();
        o.id = id(obs);
        o.apply_mut(s, &ObservationAction::StartClock, t(0))
            .unwrap();
        for k in 0..n {
            o.apply_mut(
                s,
                &add(Some(Actor::Ceo), "agrees", 1_000 + k as u128),
                t(1_000 * k as i64 + 1),
            )
            .unwrap();
        }
        if submit {
            o.apply_mut(s, &ObservationAction::Submit, t(100_000))
                .unwrap();
        }
        o
    }

    #[test]
    fn a_later_draft_or_the_submitted_copy_supersedes_earlier_drafts() {
        let early = coded(1, 2, false);
        let late = coded(1, 4, false);
        let done = coded(1, 5, true);
        let other = coded(2, 1, false);
        let m = merge_observations([&late, &other, &early, &late]);
        assert_eq!(
            m.observations,
            vec![Arc::new(late.clone()), Arc::new(other.clone())]
        );
        assert!(m.conflicts.is_empty());
        let m = merge_observations([&done, &early, &late]);
        assert_eq!(m.observations, vec![Arc::new(done.clone())]);
    }

    #[test]
    fn diverging_versions_are_kept_side_by_side() {
        let s = default_scheme();
        // Two submitted copies that differ.
        let a = coded(1, 3, true);
        let mut b = coded(1, 2, false);
        b.apply_mut(s, &add(Some(Actor::Candidate), "disagrees", 99), t(5_000))
            .unwrap();
        b.apply_mut(s, &ObservationAction::Submit, t(100_000))
            .unwrap();
        assert_eq!(a.revision, b.revision);
        let m = merge_observations([&b, &a]);
        assert!(m.observations.is_empty());
        let c = m.conflict(id(1)).unwrap();
        assert_eq!(c.versions.len(), 2);
        assert_eq!(m, merge_observations([&a, &b]), "order-free");
        // A submitted copy and a draft that went on from an earlier state (a fork).
        let fork = coded(1, 6, false);
        let m = merge_observations([&a, &fork]);
        assert_eq!(
            m.conflict(id(1)).unwrap().versions,
            vec![Arc::new(a.clone()), Arc::new(fork)]
        );
        // Two drafts at the same revision with different content.
        let mut x = coded(1, 2, false);
        let mut y = x.clone();
        x.apply_mut(s, &add(Some(Actor::Ceo), "agrees", 70), t(9_000))
            .unwrap();
        y.apply_mut(s, &add(Some(Actor::Ceo), "supports", 70), t(9_000))
            .unwrap();
        assert_eq!(merge_observations([&x, &y]).conflicts.len(), 1);
    }

    #[test]
    fn a_fingerprint_names_one_version_and_a_choice_picks_it() {
        let a = coded(1, 3, true);
        let b = coded(1, 4, true);
        assert_eq!(fingerprint(&a), fingerprint(&a.clone()));
        assert_ne!(fingerprint(&a), fingerprint(&b));
        assert!(fingerprint(&a).starts_with("fnv1a64:"));
        assert_eq!(fingerprint(&a).len(), "fnv1a64:".len() + 16);
        let m = merge_observations([&b, &a]);
        let c = m.conflict(id(1)).unwrap();
        let choose = |obs: u128, version: String| VersionChoice {
            observation_id: id(obs),
            version,
            chosen_at: t(0),
        };
        assert_eq!(c.chosen(&[]), None);
        assert_eq!(c.chosen(&[choose(1, fingerprint(&b))]), Some(&b));
        assert_eq!(c.chosen(&[choose(1, fingerprint(&a))]), Some(&a));
        // A choice about another observation, or naming a version not here, chooses nothing.
        assert_eq!(c.chosen(&[choose(2, fingerprint(&a))]), None);
        assert_eq!(
            c.chosen(&[choose(1, fingerprint(&coded(1, 9, true)))]),
            None
        );
    }

    #[test]
    fn import_reports_what_happened() {
        let base = merge_observations([&coded(1, 2, false)]);
        let (next, report) = base.import([
            &coded(1, 2, false),
            &coded(1, 4, false),
            &coded(1, 1, false),
            &coded(2, 1, false),
            &coded(2, 1, false),
        ]);
        assert_eq!(
            report,
            ImportReport {
                added: 1,
                updated: 1,
                unchanged: 1,
                outdated: 1,
                conflicting: 0
            }
        );
        assert_eq!(next.observations.len(), 2);
        let (_, report) = next.import([&coded(1, 4, true), &coded(1, 5, true)]);
        // rev 6 submitted (4 events) and rev 7 submitted (5 events) both stand.
        assert_eq!(report.conflicting, 2);
    }

    /// A small pool of copies: 3 observations, revisions 0–3, draft or submitted, and two
    /// contents per revision (so some copies diverge).
    fn copy(obs: u128, rev: u64, submitted: bool, variant: u8) -> Observation {
        let mut o = fresh();
        o.id = id(obs);
        o.revision = rev;
        if submitted {
            o.status = ObservationStatus::Submitted;
            o.submitted_at = Some(t(1));
        }
        o.clock.banked_ms = u64::from(variant);
        o
    }

    fn copies() -> impl Strategy<Value = Vec<Observation>> {
        prop::collection::vec(
            (0u128..3, 0u64..4, prop::bool::weighted(0.3), 0u8..2)
                .prop_map(|(i, r, s, v)| copy(i, r, s, v)),
            0..14,
        )
    }

    proptest! {
        #[test]
        fn any_order_gives_the_same_result(
            (list, shuffled) in copies().prop_flat_map(|v| (Just(v.clone()), Just(v).prop_shuffle()))
        ) {
            prop_assert_eq!(merge_observations(&list), merge_observations(&shuffled));
        }

        #[test]
        fn importing_twice_is_importing_once(list in copies()) {
            let once = merge_observations(&list);
            let twice = merge_observations(list.iter().chain(&list));
            prop_assert_eq!(&twice, &once);
            prop_assert_eq!(&merge_observations(once.versions()), &once);
            prop_assert_eq!(&once.import(&list).0, &once);
        }

        #[test]
        fn importing_file_by_file_equals_importing_all_at_once(
            list in copies(), cut in 0usize..14
        ) {
            let cut = cut.min(list.len());
            let (a, b) = list.split_at(cut);
            let step = merge_observations(a).import(b).0;
            prop_assert_eq!(step, merge_observations(&list));
        }

        #[test]
        fn nothing_is_lost_and_nothing_is_duplicated(list in copies()) {
            let m = merge_observations(&list);
            let kept: Vec<&Observation> = m.versions().collect();
            for c in &list {
                let here = kept.contains(&c);
                let superseded = !c.is_submitted()
                    && kept.iter().any(|k| k.id == c.id && k.revision > c.revision);
                prop_assert!(here || superseded, "lost: {:?}", (c.id, c.revision));
            }
            let mut ids: Vec<Uuid> = m.observations.iter().map(|o| o.id)
                .chain(m.conflicts.iter().map(|c| c.id)).collect();
            let n = ids.len();
            ids.sort();
            ids.dedup();
            prop_assert_eq!(ids.len(), n, "each id once");
            for c in &m.conflicts {
                prop_assert!(c.versions.len() >= 2);
                for (i, v) in c.versions.iter().enumerate() {
                    prop_assert!(!c.versions[i + 1..].contains(v), "no duplicate version");
                }
            }
        }
    }
}
