//! The survey side of the [`Fieldwork`] store: invitations and responses, merged by identity
//! so that files can arrive in any order, twice, or not at all. A response is taken in only
//! when `survey::acceptance` finds nothing to refuse; an identical copy is ignored; a different
//! version of the same response is kept beside the first (nothing is lost) and the latest
//! submitted one is the one analysed.

use super::Fieldwork;
use crate::domain::campaign::Campaign;
use crate::domain::instrument::definition::{DebriefSide, Form};
use crate::domain::instrument::score::Response;
use crate::domain::limits::MAX_RESPONSES;
use crate::domain::sorting;
use crate::domain::survey::invitation::instrument_of;
use crate::domain::survey::{leader_id, refusal, Invitation, Refusal, ResponseReport};
use std::collections::BTreeMap;
use uuid::Uuid;

/// Who answers a debrief of one side, and about whom: the leader about the candidate, or the
/// candidate about their own session.
fn debrief_people(campaign_id: Uuid, candidate: Uuid, side: DebriefSide) -> (Uuid, Option<Uuid>) {
    match side {
        DebriefSide::Leader => (leader_id(campaign_id), Some(candidate)),
        DebriefSide::Candidate => (candidate, None),
    }
}

/// A total order on the content of responses, for ties.
fn content_key(r: &Response) -> String {
    serde_json::to_string(r).unwrap_or_default()
}

impl Fieldwork {
    /// Adds invitations not yet here (by id); returns the store and how many were new.
    pub fn add_invitations(&self, invitations: &[Invitation]) -> (Fieldwork, usize) {
        let mut next = self.clone();
        let mut added = 0;
        for inv in invitations {
            if !next.invitations.iter().any(|i| i.id == inv.id) {
                next.invitations.push(inv.clone());
                added += 1;
            }
        }
        (next, added)
    }

    pub fn invitation(&self, id: Uuid) -> Option<&Invitation> {
        self.invitations.iter().find(|i| i.id == id)
    }

    /// Takes in responses returned to the recruiter, checked against `campaigns`.
    pub fn import_responses(
        &self,
        responses: &[Response],
        campaigns: &[Campaign],
    ) -> (Fieldwork, ResponseReport) {
        let mut next = self.clone();
        let mut report = ResponseReport::default();
        for r in responses {
            let why = if next.responses.contains(r) {
                report.duplicates += 1;
                continue;
            } else if next.responses.len() >= MAX_RESPONSES {
                Some(Refusal::Full)
            } else {
                refusal(campaigns, r)
            };
            match why {
                Some(why) => {
                    report.refused += 1;
                    report.first_refusal.get_or_insert(why);
                }
                None => {
                    next.responses.push(r.clone());
                    report.added += 1;
                }
            }
        }
        (next, report)
    }

    /// Keeps a respondent's own submitted responses (no campaign to check against here).
    pub fn keep_submitted(&self, responses: &[Response]) -> Fieldwork {
        let mut next = self.clone();
        for r in responses {
            if !next.responses.contains(r) {
                next.responses.push(r.clone());
            }
        }
        next
    }

    /// The responses of a campaign that count: for each respondent, subject, instrument and
    /// work session (debriefs), the latest submitted (then the greatest id, then the greatest content, so every
    /// browser picks the same one whatever the order the files came in).
    pub fn current_responses(&self, campaign_id: Uuid) -> Vec<&Response> {
        type Key<'a> = (Uuid, Option<Uuid>, &'a str, Option<Uuid>);
        // Ordered by its key: the responses come out in that order (no hashing, no sort).
        let mut latest: BTreeMap<Key, &Response> = BTreeMap::new();
        for r in self
            .responses
            .iter()
            .filter(|r| r.campaign_id == campaign_id)
        {
            let key = (
                r.respondent_id,
                r.subject_id,
                r.instrument_id.as_str(),
                r.session_id,
            );
            let keep = latest.get(&key).is_none_or(|o| {
                match (r.submitted_at, r.id).cmp(&(o.submitted_at, o.id)) {
                    std::cmp::Ordering::Greater => true,
                    std::cmp::Ordering::Less => false,
                    // Two texts of one response submitted in the same second: the content
                    // decides, so every browser and every import order picks the same one.
                    std::cmp::Ordering::Equal => content_key(r) > content_key(o),
                }
            });
            if keep {
                latest.insert(key, r);
            }
        }
        latest.into_values().collect()
    }

    /// The current debrief of one work session by one side — the leader's about `candidate`,
    /// or `candidate`'s own — if it has come back.
    pub fn debrief(
        &self,
        campaign_id: Uuid,
        session_id: Uuid,
        candidate: Uuid,
        side: DebriefSide,
    ) -> Option<&Response> {
        let (respondent, subject) = debrief_people(campaign_id, candidate, side);
        self.current_responses(campaign_id).into_iter().find(|r| {
            r.session_id == Some(session_id)
                && r.respondent_id == respondent
                && r.subject_id == subject
                && instrument_of(r).is_some_and(|i| i.form == Form::Debrief(side))
        })
    }

    /// The latest invitation issued to debrief one work session by one side (see
    /// [`Fieldwork::debrief`]).
    pub fn debrief_invitation(
        &self,
        campaign_id: Uuid,
        session_id: Uuid,
        candidate: Uuid,
        side: DebriefSide,
    ) -> Option<&Invitation> {
        let (respondent, subject) = debrief_people(campaign_id, candidate, side);
        self.invitations
            .iter()
            .filter(|i| {
                i.campaign_id == campaign_id
                    && i.session.as_ref().is_some_and(|s| s.id == session_id)
                    && i.debrief_side() == Some(side)
                    && i.respondent.id == respondent
                    && i.subject.as_ref().map(|s| s.id) == subject
            })
            .max_by_key(|i| (i.issued_at, i.id))
    }

    /// Erases what a campaign holds about one person (the right to erasure): their own
    /// answers, the answers of observers about them, and the invitations to or about them.
    /// Returns the store and how many responses were erased. The fieldwork half of
    /// `privacy::erase_answers`, which also records the erasure so that a file imported again
    /// later does not bring the answers back.
    pub fn erase_person(&self, campaign_id: Uuid, person: Uuid) -> (Fieldwork, usize) {
        let mut next = self.clone();
        let before = next.responses.len();
        next.responses.retain(|r| {
            r.campaign_id != campaign_id
                || (r.respondent_id != person && r.subject_id != Some(person))
        });
        next.invitations.retain(|i| {
            i.campaign_id != campaign_id
                || (i.respondent.id != person && i.subject.as_ref().map(|s| s.id) != Some(person))
        });
        let erased = before - next.responses.len();
        (next, erased)
    }

    /// The people of a campaign whose answers are kept past the date their invitation
    /// promised, with that date (the earliest, when several invitations name them).
    pub fn overdue(
        &self,
        campaign_id: Uuid,
        today: chrono::NaiveDate,
    ) -> Vec<(Uuid, chrono::NaiveDate)> {
        let mut out: Vec<(Uuid, chrono::NaiveDate)> = Vec::new();
        for inv in self
            .invitations
            .iter()
            .filter(|i| i.campaign_id == campaign_id && i.keep_until < today)
        {
            let person = inv.subject.as_ref().map_or(inv.respondent.id, |s| s.id);
            let has_answers = self.responses.iter().any(|r| {
                r.campaign_id == campaign_id
                    && (r.respondent_id == person || r.subject_id == Some(person))
            });
            if !has_answers {
                continue;
            }
            match out.iter_mut().find(|(p, _)| *p == person) {
                Some((_, d)) => *d = (*d).min(inv.keep_until),
                None => out.push((person, inv.keep_until)),
            }
        }
        sorting::sort(&mut out);
        out
    }

    /// How many responses of the campaign were replaced by a later version.
    pub fn superseded(&self, campaign_id: Uuid) -> usize {
        let all = self
            .responses
            .iter()
            .filter(|r| r.campaign_id == campaign_id)
            .count();
        all - self.current_responses(campaign_id).len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::campaign::tests::{at, id, sample};
    use crate::domain::instrument::score::filled;

    fn answered(respondent: Uuid, subject: Option<Uuid>, inst: &str, v: u8, n: u128) -> Response {
        let mut r = filled(
            inst,
            id(n),
            sample().id,
            respondent,
            subject,
            3000,
            |_, _| Some(v),
        );
        r.submitted_at = at(n as i64);
        r
    }

    #[test]
    fn import_is_idempotent_order_free_and_keeps_every_version() {
        let c = sample();
        let cand = c.candidates[0].id;
        let a = answered(cand, None, "interpersonal-intelligence", 4, 100);
        let mut a2 = a.clone();
        a2.submitted_at = at(500);
        a2.answers[0].value = Some(2);
        let b = answered(
            leader_id(c.id),
            Some(cand),
            "interpersonal-intelligence-observer",
            3,
            101,
        );
        let camps = [c.clone()];
        let (one, r1) = Fieldwork::default().import_responses(&[a.clone(), b.clone()], &camps);
        assert_eq!((r1.added, r1.duplicates, r1.refused), (2, 0, 0));
        let (two, r2) = one.import_responses(&[b.clone(), a2.clone(), a.clone()], &camps);
        assert_eq!((r2.added, r2.duplicates), (1, 2));
        let (other, _) = Fieldwork::default().import_responses(&[a2.clone(), b, a], &camps);
        let mut x = two.responses.clone();
        let mut y = other.responses.clone();
        x.sort_by_key(|r| (r.id, r.submitted_at));
        y.sort_by_key(|r| (r.id, r.submitted_at));
        assert_eq!(x, y);
        let current = two.current_responses(c.id);
        assert_eq!(current.len(), 2);
        assert!(current.iter().any(|r| **r == a2));
        assert_eq!(two.superseded(c.id), 1);
    }

    #[test]
    fn foreign_or_unfit_responses_are_refused_and_nothing_is_lost() {
        let c = sample();
        let cand = c.candidates[0].id;
        let camps = [c.clone()];
        let good = answered(cand, None, "interpersonal-intelligence", 4, 100);
        let (base, _) = Fieldwork::default().import_responses(std::slice::from_ref(&good), &camps);
        let mut other = answered(cand, None, "interpersonal-intelligence", 4, 102);
        other.campaign_id = id(777);
        let mut old = answered(cand, None, "interpersonal-intelligence", 4, 103);
        old.instrument_version = "0.9.0".into();
        let stranger = answered(id(4242), None, "interpersonal-intelligence", 4, 104);
        let observer_as_self = answered(cand, None, "interpersonal-intelligence-observer", 4, 105);
        let mut off_scale = answered(cand, None, "interpersonal-intelligence", 4, 106);
        off_scale.answers[0].value = Some(9);
        for (r, why) in [
            (other, Refusal::OtherCampaign),
            (old, Refusal::UnknownInstrument),
            (stranger, Refusal::NotInCampaign),
            (observer_as_self, Refusal::NotInCampaign),
            (off_scale, Refusal::BadAnswers),
        ] {
            let (after, report) = base.import_responses(&[r], &camps);
            assert_eq!(after, base);
            assert_eq!(report.refused, 1);
            assert_eq!(report.first_refusal, Some(why));
        }
    }

    proptest::proptest! {
        /// Any batches of returned answers, in any order and any number of times, leave the
        /// same responses and pick the same current ones.
        #[test]
        fn import_is_order_free_and_idempotent(
            picks in proptest::collection::vec((0usize..4, 1u8..=5, 0i64..3), 1..12),
            seed in proptest::prelude::any::<u64>(),
        ) {
            let c = sample();
            let cand = c.candidates[0].id;
            let camps = [c.clone()];
            let all: Vec<Response> = picks
                .iter()
                .map(|(who, v, late)| {
                    let (respondent, subject, inst) = match who {
                        0 | 1 => (cand, None, "interpersonal-intelligence"),
                        2 => (leader_id(c.id), Some(cand), "interpersonal-intelligence-observer"),
                        _ => (id(999), None, "interpersonal-intelligence"), // refused
                    };
                    let mut r = answered(respondent, subject, inst, *v, 100 + *who as u128);
                    r.submitted_at = at(100 + late);
                    r
                })
                .collect();
            let (one, _) = Fieldwork::default().import_responses(&all, &camps);
            // Another order, in two batches, with everything sent twice.
            let mut shuffled = all.clone();
            let mut state = seed | 1;
            for k in (1..shuffled.len()).rev() {
                state ^= state << 13; state ^= state >> 7; state ^= state << 17;
                shuffled.swap(k, (state % (k as u64 + 1)) as usize);
            }
            let half = shuffled.len() / 2;
            let (two, _) = Fieldwork::default().import_responses(&shuffled[..half], &camps);
            let (two, _) = two.import_responses(&shuffled[half..], &camps);
            let (two, again) = two.import_responses(&all, &camps);
            proptest::prop_assert_eq!(again.added, 0);
            let mut a = one.responses.clone();
            let mut b = two.responses.clone();
            let key = |r: &Response| serde_json::to_string(r).unwrap();
            a.sort_by_key(key);
            b.sort_by_key(key);
            proptest::prop_assert_eq!(a, b);
            proptest::prop_assert_eq!(one.current_responses(c.id), two.current_responses(c.id));
            proptest::prop_assert!(one.responses.iter().all(|r| r.respondent_id != id(999)));
        }
    }

    #[test]
    fn erasing_a_person_removes_their_answers_and_those_about_them_only() {
        let c = sample();
        let cand = c.candidates[0].id;
        let camps = [c.clone()];
        let own = answered(cand, None, "interpersonal-intelligence", 4, 100);
        let about = answered(
            leader_id(c.id),
            Some(cand),
            "interpersonal-intelligence-observer",
            3,
            101,
        );
        let mut elsewhere = own.clone();
        elsewhere.campaign_id = id(777);
        let (fw, _) = Fieldwork::default().import_responses(&[own, about], &camps);
        let mut fw = fw;
        fw.responses.push(elsewhere.clone());
        let inv = crate::domain::survey::invitation::tests::candidate_invitation();
        let (fw, _) = fw.add_invitations(std::slice::from_ref(&inv));
        let (after, n) = fw.erase_person(c.id, cand);
        assert_eq!(n, 2);
        assert_eq!(*after.responses, vec![elsewhere]);
        assert!(after.invitations.is_empty());
        // Nobody else is touched.
        let (same, n) = fw.erase_person(c.id, id(4242));
        assert_eq!((same, n), (fw, 0));
    }

    #[test]
    fn answers_kept_past_their_date_are_listed() {
        let c = sample();
        let cand = c.candidates[0].id;
        let inv = crate::domain::survey::invitation::tests::candidate_invitation();
        let keep = inv.keep_until;
        let (fw, _) = Fieldwork::default().add_invitations(std::slice::from_ref(&inv));
        let day_after = keep.succ_opt().unwrap();
        // No answers yet: nothing to erase.
        assert!(fw.overdue(c.id, day_after).is_empty());
        let own = answered(cand, None, "interpersonal-intelligence", 4, 100);
        let (fw, _) = fw.import_responses(&[own], std::slice::from_ref(&c));
        assert!(fw.overdue(c.id, keep).is_empty());
        assert_eq!(fw.overdue(c.id, day_after), vec![(cand, keep)]);
        let (fw, _) = fw.erase_person(c.id, cand);
        assert!(fw.overdue(c.id, day_after).is_empty());
    }

    #[test]
    fn each_sides_debrief_of_each_session_is_found() {
        use crate::domain::survey::invitation::tests::keep;
        let c = sample();
        let (cand, leader) = (c.candidates[0].id, leader_id(c.id));
        let (s1, s2) = (c.sessions[0].id, c.sessions[1].id);
        let debrief = |side: DebriefSide, session: Uuid, n: u128, late: i64| {
            let (respondent, subject, inst) = match side {
                DebriefSide::Leader => (leader, Some(cand), "session-debrief-leader"),
                DebriefSide::Candidate => (cand, None, "session-debrief-candidate"),
            };
            let mut r = filled(inst, id(n), c.id, respondent, subject, 2000, |_, _| Some(3));
            r.session_id = Some(session);
            r.submitted_at = at(late);
            r
        };
        let lead1 = debrief(DebriefSide::Leader, s1, 200, 10);
        let lead1_again = debrief(DebriefSide::Leader, s1, 201, 20);
        let own2 = debrief(DebriefSide::Candidate, s2, 202, 30);
        let observer = answered(
            leader,
            Some(cand),
            "interpersonal-intelligence-observer",
            3,
            203,
        );
        let (fw, report) = Fieldwork::default().import_responses(
            &[lead1.clone(), own2.clone(), lead1_again.clone(), observer],
            std::slice::from_ref(&c),
        );
        assert_eq!(report.added, 4);
        assert_eq!(
            fw.debrief(c.id, s1, cand, DebriefSide::Leader),
            Some(&lead1_again)
        );
        assert_eq!(fw.debrief(c.id, s1, cand, DebriefSide::Candidate), None);
        assert_eq!(
            fw.debrief(c.id, s2, cand, DebriefSide::Candidate),
            Some(&own2)
        );
        assert_eq!(fw.debrief(c.id, s2, cand, DebriefSide::Leader), None);
        assert_eq!(fw.debrief(c.id, s1, id(4242), DebriefSide::Leader), None);

        // Invitations: the latest of the side and session, never a self-assessment's.
        let inv = |side_respondent: Uuid, n: u128, secs: i64| {
            Invitation::debrief(&c, s1, side_respondent, cand, "R", keep(), id(n), at(secs))
                .unwrap()
        };
        let (early, late, own) = (inv(leader, 300, 0), inv(leader, 301, 5), inv(cand, 302, 1));
        let observer_inv =
            Invitation::new(&c, leader, Some(cand), "R", keep(), id(303), at(9)).unwrap();
        let (fw, _) = fw.add_invitations(&[early, late.clone(), own.clone(), observer_inv]);
        assert_eq!(
            fw.debrief_invitation(c.id, s1, cand, DebriefSide::Leader),
            Some(&late)
        );
        assert_eq!(
            fw.debrief_invitation(c.id, s1, cand, DebriefSide::Candidate),
            Some(&own)
        );
        assert_eq!(
            fw.debrief_invitation(c.id, s2, cand, DebriefSide::Leader),
            None
        );
    }

    #[test]
    fn invitations_are_added_once() {
        let inv = crate::domain::survey::invitation::tests::candidate_invitation();
        let (fw, n) = Fieldwork::default().add_invitations(std::slice::from_ref(&inv));
        assert_eq!(n, 1);
        let (again, n) = fw.add_invitations(&[inv]);
        assert_eq!((again, n), (fw, 0));
    }
}
