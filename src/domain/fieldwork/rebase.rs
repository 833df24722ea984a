//! Two tabs of one browser, one store. The recruiter's, the mediator's and the respondent's
//! pages all keep their fieldwork in the same database; a page open twice (or the recruiter's
//! page beside the mediator's) holds a copy in memory, and writes only the records it changed.
//! A tab that missed another's writes would, on its next save, put back its stale copy of a
//! record: another tab's coded events or imported answers would be gone.
//!
//! So a tab that learns another one wrote (a `storage` event, or its guarded write refused)
//! reads the store again and calls [`rebase`]: the changes it made since it last read or
//! wrote join what the database holds now. Item by item — kits and invitations by id, answers
//! as they are, observations by id with all their versions:
//! * changed on one side only: that side's item;
//! * changed on both sides: both are kept — one draft observation coded in both tabs is joined
//!   event by event (`merge_drafts`; other copies of an observation merged by the rules of
//!   `observation::merge`), a kit or an invitation as the database holds it;
//! * removed on one side (a campaign deleted, a person erased) and untouched on the other:
//!   removed; removed on one side and changed on the other: removed too, so that an erasure is
//!   never undone by a tab that had not heard of it.

use super::Fieldwork;
use crate::domain::observation::log::Observation;
use crate::domain::observation::merge::{merge_shared, MergedObservations};
use crate::domain::shared::Shared;
use crate::domain::sorting;
use std::collections::BTreeSet;
use std::sync::Arc;

/// The store after joining what this tab changed since `base` (what it last read or wrote)
/// into `theirs` (what the database holds now). `ours == base` gives `theirs`; `theirs ==
/// base` gives `ours`.
pub fn rebase(base: &Fieldwork, ours: &Fieldwork, theirs: &Fieldwork) -> Fieldwork {
    if ours == base {
        return theirs.clone();
    }
    if theirs == base {
        return ours.clone();
    }
    let survey = rebase_survey(base, ours, theirs);
    Fieldwork {
        invitations: survey.invitations,
        responses: survey.responses,
        ..rebase_observing(base, ours, theirs)
    }
}

/// [`rebase`] of the part the mediator's page holds, kits and observations (the rest is
/// `ours`): that page links no invitation or answer code.
pub fn rebase_observing(base: &Fieldwork, ours: &Fieldwork, theirs: &Fieldwork) -> Fieldwork {
    Fieldwork {
        kits: join(&base.kits, &ours.kits, &theirs.kits, |a, b| a.id == b.id),
        observations: join_observations(
            &base.observations,
            &ours.observations,
            &theirs.observations,
        ),
        ..ours.clone()
    }
}

/// [`rebase`] of the part the respondent's page holds, invitations and answers (the rest is
/// `ours`): that page links no observation code.
pub fn rebase_survey(base: &Fieldwork, ours: &Fieldwork, theirs: &Fieldwork) -> Fieldwork {
    Fieldwork {
        invitations: join(
            &base.invitations,
            &ours.invitations,
            &theirs.invitations,
            |a, b| a.id == b.id,
        ),
        // An answer is never changed, only added (every version is kept) or removed.
        responses: join(
            &base.responses,
            &ours.responses,
            &theirs.responses,
            |a, b| a == b,
        ),
        ..ours.clone()
    }
}

/// Three-way join of one shared list (see [`join_items`]).
fn join<T: Clone + PartialEq>(
    base: &Shared<T>,
    ours: &Shared<T>,
    theirs: &Shared<T>,
    same: impl Fn(&T, &T) -> bool,
) -> Shared<T> {
    if ours.same(base) || **ours == **base {
        return theirs.clone();
    }
    if theirs.same(base) || **theirs == **base {
        return ours.clone();
    }
    let mut out = Shared::default();
    *out = join_items(base, ours, theirs, same);
    out
}

/// Three-way join of one list, item by item (`same` says whether two items are one item).
fn join_items<T: Clone + PartialEq>(
    base: &[T],
    ours: &[T],
    theirs: &[T],
    same: impl Fn(&T, &T) -> bool,
) -> Vec<T> {
    let find = |list: &[T], item: &T| list.iter().find(|x| same(x, item)).cloned();
    let mut out = Vec::new();
    for t in theirs.iter() {
        match find(base, t) {
            // Untouched by them: ours decides (changed, kept, or removed).
            Some(b) if b == *t => out.extend(find(ours, t)),
            // Added or changed by them: theirs, unless we removed the item they changed.
            Some(_) if find(ours, t).is_none() => {}
            _ => out.push(t.clone()),
        }
    }
    for o in ours.iter() {
        if find(theirs, o).is_none() && find(base, o).is_none() {
            // Added by us.
            out.push(o.clone());
        }
        // In the base but no longer theirs: removed by them, and it stays removed.
    }
    out
}

/// [`join`] for observations: by id, all the versions of an id together.
fn join_observations(
    base: &MergedObservations,
    ours: &MergedObservations,
    theirs: &MergedObservations,
) -> MergedObservations {
    if ours == base {
        return theirs.clone();
    }
    if theirs == base {
        return ours.clone();
    }
    let versions = |m: &MergedObservations, id| -> Vec<Arc<Observation>> {
        m.shared_versions()
            .filter(|o| o.id == id)
            .cloned()
            .collect()
    };
    let ids: BTreeSet<uuid::Uuid> = [base, ours, theirs]
        .iter()
        .flat_map(|m| m.versions().map(|o| o.id))
        .collect();
    let mut kept: Vec<Arc<Observation>> = Vec::new();
    for id in ids {
        let (b, o, t) = (versions(base, id), versions(ours, id), versions(theirs, id));
        if t == b {
            kept.extend(o);
        } else if o == b {
            kept.extend(t);
        } else if !b.is_empty() && (o.is_empty() || t.is_empty()) {
            // Removed on one side, changed on the other: removed.
        } else if let Some(merged) = match (&b[..], &o[..], &t[..]) {
            ([b], [o], [t]) => merge_drafts(b, o, t),
            _ => None,
        } {
            kept.push(Arc::new(merged));
        } else {
            kept.extend(o);
            kept.extend(t);
        }
    }
    merge_shared(&kept)
}

/// The side that changed a value since `base`; the other tab's when both did.
fn pick<'a, T: PartialEq>(base: &T, ours: &'a T, theirs: &'a T) -> &'a T {
    if ours != base && theirs == base {
        ours
    } else {
        theirs
    }
}

/// One draft coded on both sides since `base` (the same mediator's session open in two
/// tabs): one draft holding both sides' work — events, notes and ratings joined item by item
/// (events and notes have ids, ratings one per dimension), the events this tab added given
/// fresh sequence numbers after the other tab's, the rest (clock, synthesis, grid) from the
/// side that changed it, the other tab's when both did. `None` when either copy is submitted,
/// when they do not describe the same session, or when the join would not be a valid
/// observation: the copies are then kept side by side as `observation::merge` rules.
fn merge_drafts(
    base: &Observation,
    ours: &Observation,
    theirs: &Observation,
) -> Option<Observation> {
    if ours.is_submitted() || theirs.is_submitted() || base.is_submitted() {
        return None;
    }
    let same_session = |a: &Observation, b: &Observation| {
        a.id == b.id
            && a.campaign_id == b.campaign_id
            && a.session_id == b.session_id
            && a.mediator_id == b.mediator_id
            && a.candidate_id == b.candidate_id
            && a.scheme == b.scheme
    };
    if !same_session(ours, theirs) || !same_session(base, theirs) {
        return None;
    }
    let (b_events, o_events, t_events) = (
        base.events.to_vec(),
        ours.events.to_vec(),
        theirs.events.to_vec(),
    );
    let mut events = join_items(&b_events, &o_events, &t_events, |x, y| x.id == y.id);
    let mut revision = ours.revision.max(theirs.revision);
    for e in events.iter_mut() {
        let added_here =
            !t_events.iter().any(|x| x.id == e.id) && !b_events.iter().any(|x| x.id == e.id);
        if added_here {
            revision += 1;
            e.seq = revision;
        }
    }
    sorting::sort_by_key(&mut events, |e| (e.at_ms, e.seq));
    let mut notes = join_items(&base.notes, &ours.notes, &theirs.notes, |x, y| x.id == y.id);
    sorting::sort_by_key(&mut notes, |n| n.at_ms);
    let mut ratings = join_items(&base.ratings, &ours.ratings, &theirs.ratings, |x, y| {
        x.dimension == y.dimension
    });
    sorting::sort_by(&mut ratings, |x, y| x.dimension.cmp(&y.dimension));
    let merged = Observation {
        events: events.into(),
        notes,
        ratings,
        clock: pick(&base.clock, &ours.clock, &theirs.clock).clone(),
        bars: pick(&base.bars, &ours.bars, &theirs.bars).clone(),
        synthesis: pick(&base.synthesis, &ours.synthesis, &theirs.synthesis).clone(),
        updated_at: ours.updated_at.max(theirs.updated_at),
        revision: revision + 1,
        ..theirs.clone()
    };
    merged.check().ok()?;
    Some(merged)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::campaign::tests::at;
    use crate::domain::lang::Lang;
    use crate::domain::observation::log::ObservationAction;
    use crate::domain::observation::scheme::Actor;
    use crate::domain::sample::sample_campaign;
    use proptest::prelude::*;

    /// The sample campaign's fieldwork: kits, invitations, answers, and the observations of
    /// every mediator but the first kit's (whose sessions are left to code).
    fn store() -> Fieldwork {
        let s = sample_campaign(7, at(0), Lang::En);
        let first = s.kits[0].mediator.id;
        let others: Vec<Observation> = s
            .observations
            .iter()
            .filter(|o| o.mediator_id != first)
            .cloned()
            .collect();
        assert!(!others.is_empty());
        let (fw, _) = Fieldwork::default().import(&s.kits, &others);
        let (fw, _) = fw.add_invitations(&s.invitations);
        fw.keep_submitted(&s.responses)
    }

    /// The same store read back from its records (what another tab sees: nothing shared).
    fn reread(fw: &Fieldwork) -> Fieldwork {
        let records = crate::domain::file::stored::fieldwork_records(fw);
        let pairs: Vec<(String, String)> = records.puts.into_iter().collect();
        crate::domain::file::stored::read_fieldwork(&pairs).unwrap()
    }

    /// Where the sample's first kit has no observation yet: a session and a candidate.
    fn uncoded(fw: &Fieldwork) -> (uuid::Uuid, uuid::Uuid) {
        let kit = &fw.kits[0];
        let taken: Vec<(uuid::Uuid, Option<uuid::Uuid>)> = fw
            .observations
            .versions()
            .filter(|o| o.mediator_id == kit.mediator.id)
            .map(|o| (o.session_id, o.candidate_id))
            .collect();
        kit.sessions
            .iter()
            .flat_map(|s| kit.candidates.iter().map(move |c| (s.id, c.id)))
            .find(|(s, c)| !taken.contains(&(*s, Some(*c))))
            .expect("the sample leaves one session uncoded")
    }

    const DRAFT: uuid::Uuid = uuid::Uuid::from_u128(0xd0);

    /// The sample's store with one draft observation started ([`DRAFT`]), its clock running.
    fn base() -> Fieldwork {
        let fw = store();
        let (session, candidate) = uncoded(&fw);
        let fw = fw
            .start(fw.kits[0].id, session, candidate, DRAFT, at(10))
            .unwrap();
        fw.observe(DRAFT, &ObservationAction::StartClock, at(11))
            .unwrap()
    }

    /// One more event coded in the draft.
    fn code_one(fw: &Fieldwork, n: u128) -> Fieldwork {
        let code = crate::domain::observation::scheme::default_scheme().codes[0]
            .id
            .clone();
        fw.observe(
            DRAFT,
            &ObservationAction::AddEvent {
                id: uuid::Uuid::from_u128(0xe000 + n),
                actor: Some(Actor::Ceo),
                code,
                modifier: None,
            },
            at(60 + n as i64),
        )
        .unwrap()
    }

    fn events(fw: &Fieldwork) -> usize {
        fw.observations.versions().map(|o| o.events.len()).sum()
    }

    #[test]
    fn a_tab_that_changed_nothing_takes_what_the_database_holds() {
        let base = base();
        let theirs = code_one(&reread(&base), 1);
        assert_eq!(rebase(&base, &base, &theirs), theirs);
        let ours = code_one(&base, 2);
        assert_eq!(rebase(&base, &ours, &reread(&base)), ours);
    }

    #[test]
    fn answers_and_invitations_added_on_both_sides_are_all_kept() {
        let base = store();
        let s = sample_campaign(7, at(0), Lang::En);
        let mut theirs = reread(&base);
        let mut ours = base.clone();
        // Each side lost a different answer and an invitation from the base, then got it back
        // as "new": simpler, a fresh base without two of them.
        let mut smaller = base.clone();
        smaller
            .responses
            .retain(|r| *r != s.responses[0] && *r != s.responses[1]);
        smaller.invitations.retain(|i| i.id != s.invitations[0].id);
        theirs.responses = smaller.responses.clone();
        theirs.responses.push(s.responses[0].clone());
        theirs.invitations = smaller.invitations.clone();
        ours.responses = smaller.responses.clone();
        ours.responses.push(s.responses[1].clone());
        ours.invitations = smaller.invitations.clone();
        ours.invitations.push(s.invitations[0].clone());
        let joined = rebase(&smaller, &ours, &theirs);
        assert_eq!(joined.responses.len(), base.responses.len());
        assert!(joined.responses.contains(&s.responses[0]));
        assert!(joined.responses.contains(&s.responses[1]));
        assert_eq!(joined.invitations.len(), base.invitations.len());
    }

    #[test]
    fn events_coded_in_two_observations_are_all_kept() {
        let base = base();
        // Them: one event in the draft. Us: a new observation of another session.
        let theirs = code_one(&reread(&base), 1);
        let (session, candidate) = uncoded(&base);
        let new_id = uuid::Uuid::from_u128(0xabc);
        let ours = base
            .start(base.kits[0].id, session, candidate, new_id, at(20))
            .unwrap();
        let joined = rebase(&base, &ours, &theirs);
        assert_eq!(events(&joined), events(&base) + 1);
        assert!(joined.observations.get(new_id).is_some());
        assert_eq!(
            joined.observations.versions().count(),
            base.observations.versions().count() + 1
        );
    }

    #[test]
    fn the_mediators_page_joins_its_part_and_keeps_the_rest_as_it_holds_it() {
        let base = base();
        // Another tab (the recruiter's) coded one event and took in no answer; this one, which
        // holds no invitation or answer, started another observation.
        let theirs = code_one(&reread(&base), 1);
        let strip = |fw: &Fieldwork| Fieldwork {
            invitations: Default::default(),
            responses: Default::default(),
            ..fw.clone()
        };
        let (session, candidate) = uncoded(&base);
        let ours = strip(&base)
            .start(
                base.kits[0].id,
                session,
                candidate,
                uuid::Uuid::from_u128(0xabc),
                at(20),
            )
            .unwrap();
        let joined = rebase_observing(&strip(&base), &ours, &strip(&theirs));
        let whole = rebase(
            &base,
            &Fieldwork {
                invitations: base.invitations.clone(),
                responses: base.responses.clone(),
                ..ours.clone()
            },
            &theirs,
        );
        assert_eq!(joined.kits, whole.kits);
        assert_eq!(joined.observations, whole.observations);
        assert_eq!(events(&joined), events(&base) + 1);
        assert!(joined.invitations.is_empty() && joined.responses.is_empty());
    }

    #[test]
    fn a_campaign_deleted_in_one_tab_stays_deleted() {
        let base = base();
        let campaign = base.kits[0].campaign_id;
        let theirs = reread(&base).without_campaign(campaign);
        // We coded in it meanwhile: the deletion (or an erasure) wins.
        let ours = code_one(&base, 1);
        let joined = rebase(&base, &ours, &theirs);
        assert!(joined.kits.is_empty());
        assert_eq!(joined.observations.versions().count(), 0);
        assert!(joined.responses.is_empty() && joined.invitations.is_empty());
        // Deleted here, coded there: deleted too.
        let joined = rebase(
            &base,
            &base.without_campaign(campaign),
            &code_one(&reread(&base), 2),
        );
        assert_eq!(joined.observations.versions().count(), 0);
    }

    #[test]
    fn the_same_draft_coded_on_both_sides_keeps_both_sides_work() {
        let base = base();
        let theirs = code_one(&code_one(&reread(&base), 1), 2);
        let theirs = theirs
            .observe(
                DRAFT,
                &ObservationAction::AddNote {
                    id: uuid::Uuid::from_u128(0xf1),
                    text: "Theirs".into(),
                    at_ms: Some(5),
                },
                at(70),
            )
            .unwrap();
        let ours = code_one(&base, 3);
        let ours = ours
            .observe(
                DRAFT,
                &ObservationAction::SetSynthesis {
                    text: "Ours".into(),
                },
                at(71),
            )
            .unwrap();
        let joined = rebase(&base, &ours, &theirs);
        // One draft, with the three events, the note and the synthesis.
        assert!(joined.observations.conflict(DRAFT).is_none());
        let o = joined.observations.get(DRAFT).unwrap();
        assert_eq!(o.events.len(), 3);
        assert_eq!(o.notes.len(), 1);
        assert_eq!(o.synthesis, "Ours");
        assert_eq!(o.check(), Ok(()));
        let revisions = |fw: &Fieldwork| fw.observations.get(DRAFT).unwrap().revision;
        assert!(o.revision > revisions(&ours) && o.revision > revisions(&theirs));
        // And it stays what it is when read back and joined again.
        assert_eq!(rebase(&joined, &joined, &reread(&joined)), reread(&joined));
    }

    /// `n` events coded in the draft at session times from `times`, ids from `first`.
    fn code_many(fw: &Fieldwork, first: u128, times: &[u64]) -> Fieldwork {
        let code = crate::domain::observation::scheme::default_scheme().codes[0]
            .id
            .clone();
        let mut fw = fw.clone();
        for (k, t) in times.iter().enumerate() {
            fw = fw
                .observe(
                    DRAFT,
                    &ObservationAction::AddEvent {
                        id: uuid::Uuid::from_u128(first + k as u128),
                        actor: Some(if k % 2 == 0 {
                            Actor::Ceo
                        } else {
                            Actor::Candidate
                        }),
                        code: code.clone(),
                        modifier: None,
                    },
                    at(20 + *t as i64),
                )
                .unwrap();
        }
        fw
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// Two tabs coding the same draft at any times: the join holds every event of both, in
        /// order, and is a valid observation.
        #[test]
        fn every_event_coded_in_either_tab_is_kept(
            before in proptest::collection::vec(0u64..40, 0..4),
            mine in proptest::collection::vec(0u64..40, 0..6),
            others in proptest::collection::vec(0u64..40, 0..6),
        ) {
            let base = code_many(&base(), 0x100, &before);
            let ours = code_many(&base, 0x200, &mine);
            let theirs = code_many(&reread(&base), 0x300, &others);
            let joined = rebase(&base, &ours, &theirs);
            let o = joined.observations.get(DRAFT).expect("one draft");
            prop_assert_eq!(o.events.len(), before.len() + mine.len() + others.len());
            prop_assert_eq!(o.check(), Ok(()));
        }

        /// Whatever each side added of the sample's answers, the join holds every answer added
        /// on either side and no other.
        #[test]
        fn answers_added_anywhere_are_kept(
            ours_add in proptest::collection::vec(any::<bool>(), 12),
            theirs_add in proptest::collection::vec(any::<bool>(), 12),
        ) {
            let full = store();
            let mut base = full.clone();
            base.responses = Shared::default();
            let pick = |mask: &[bool]| -> Vec<_> {
                full.responses.iter().zip(mask).filter(|(_, m)| **m).map(|(r, _)| r.clone()).collect()
            };
            let ours = base.keep_submitted(&pick(&ours_add));
            let theirs = reread(&base).keep_submitted(&pick(&theirs_add));
            let joined = rebase(&base, &ours, &theirs);
            for (i, r) in full.responses.iter().take(12).enumerate() {
                prop_assert_eq!(joined.responses.contains(r), ours_add[i] || theirs_add[i]);
            }
            prop_assert_eq!(rebase(&base, &joined, &joined), joined.clone());
        }
    }
}
