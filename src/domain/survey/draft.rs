//! A respondent's work in progress: consent, the answers given so far (with the time spent on
//! each), the step on screen. Kept in the respondent's browser after every change, so closing
//! the tab loses nothing; turned into [`Response`]s when submitted.
//!
//! The steps: the consent page, then one page per facet of each instrument (in order), then a
//! review page. Time per item: the time since the respondent's previous action (an answer or
//! a page change), added up when an answer is changed.

use super::invitation::Invitation;
use crate::domain::instrument::definition::{Facet, Instrument};
use crate::domain::instrument::score::{needed, Answer, Response};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// Where the respondent is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "step", content = "page", rename_all = "snake_case")]
pub enum Step {
    Consent,
    Page(usize),
    Review,
    Done,
}

/// One page: the items of one facet of one instrument.
#[derive(Clone, Copy, Debug)]
pub struct Page {
    pub instrument: &'static Instrument,
    pub facet: &'static Facet,
}

/// The pages of an invitation, in order.
pub fn pages(inv: &Invitation) -> Vec<Page> {
    inv.resolved()
        .into_iter()
        .flat_map(|instrument| {
            instrument
                .facets
                .iter()
                .map(move |facet| Page { instrument, facet })
        })
        .collect()
}

/// One answer in a draft.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DraftAnswer {
    pub instrument: String,
    pub item: String,
    pub value: u8,
    pub ms: u32,
}

/// The draft of one invitation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    pub invitation_id: Uuid,
    pub step: Step,
    #[serde(default, with = "crate::domain::timefmt::option::utc")]
    pub consented_at: Option<DateTime<Utc>>,
    #[serde(with = "crate::domain::timefmt::utc")]
    pub started_at: DateTime<Utc>,
    /// The respondent's previous action, for the time per item.
    #[serde(with = "crate::domain::timefmt::utc")]
    pub last_action_at: DateTime<Utc>,
    pub answers: Vec<DraftAnswer>,
    /// The responses made on submission (kept so they can be downloaded again).
    #[serde(default)]
    pub submitted: Vec<Response>,
}

/// A change to a draft.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DraftAction {
    Consent,
    /// Answer (or change the answer to) an item; `None` clears it.
    Answer {
        instrument: String,
        item: String,
        value: Option<u8>,
    },
    Go(Step),
    /// Submit: one response per instrument, with these fresh ids.
    Submit {
        ids: Vec<Uuid>,
    },
}

/// How a facet stands before submitting.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PageProgress {
    pub page: usize,
    pub answered: usize,
    pub items: usize,
    /// Fewer answers than the scoring rule needs: the facet would not be scored.
    pub short: bool,
}

impl Draft {
    pub fn new(invitation_id: Uuid, now: DateTime<Utc>) -> Self {
        Self {
            invitation_id,
            step: Step::Consent,
            consented_at: None,
            started_at: now,
            last_action_at: now,
            answers: Vec::new(),
            submitted: Vec::new(),
        }
    }

    pub fn value(&self, instrument: &str, item: &str) -> Option<u8> {
        self.answers
            .iter()
            .find(|a| a.instrument == instrument && a.item == item)
            .map(|a| a.value)
    }

    pub fn is_submitted(&self) -> bool {
        self.step == Step::Done
    }

    /// Items answered and asked in all.
    pub fn progress(&self, inv: &Invitation) -> (usize, usize) {
        let total = inv.item_count();
        (self.answers.len().min(total), total)
    }

    /// Page by page: answered, asked, and whether the facet would go unscored.
    pub fn page_progress(&self, inv: &Invitation) -> Vec<PageProgress> {
        pages(inv)
            .iter()
            .enumerate()
            .map(|(page, p)| {
                let items: Vec<_> = p.instrument.items_of(&p.facet.id).collect();
                let answered = items
                    .iter()
                    .filter(|i| self.value(&p.instrument.id, &i.id).is_some())
                    .count();
                let short = if p.facet.poles.is_some() {
                    crate::domain::instrument::definition::Pole::BOTH
                        .iter()
                        .any(|pole| {
                            let of_pole: Vec<_> =
                                p.instrument.items_of_pole(&p.facet.id, *pole).collect();
                            let got = of_pole
                                .iter()
                                .filter(|i| self.value(&p.instrument.id, &i.id).is_some())
                                .count();
                            got < needed(p.instrument.scoring.min_answered, of_pole.len())
                        })
                } else {
                    answered < needed(p.instrument.scoring.min_answered, items.len())
                };
                PageProgress {
                    page,
                    answered,
                    items: items.len(),
                    short,
                }
            })
            .collect()
    }

    /// Applies an action; actions that make no sense (an unknown item, a value off the scale,
    /// answering before consenting or after submitting) leave the draft as it was.
    pub fn apply(&self, inv: &Invitation, action: &DraftAction, now: DateTime<Utc>) -> Draft {
        let mut next = self.clone();
        if self.is_submitted() {
            return next;
        }
        let elapsed = (now - self.last_action_at)
            .num_milliseconds()
            .clamp(0, i64::from(u32::MAX)) as u32;
        match action {
            DraftAction::Consent => {
                next.consented_at.get_or_insert(now);
                next.step = Step::Page(0);
            }
            DraftAction::Answer {
                instrument,
                item,
                value,
            } => {
                let known = inv
                    .resolved()
                    .into_iter()
                    .find(|i| &i.id == instrument)
                    .and_then(|i| i.item(item).map(|_| i.points()));
                let Some(points) = known else { return next };
                if self.consented_at.is_none() {
                    return next;
                }
                let slot = next
                    .answers
                    .iter()
                    .position(|a| &a.instrument == instrument && &a.item == item);
                match (value, slot) {
                    (Some(v), _) if !(1..=points).contains(v) => return next,
                    (Some(v), Some(k)) => {
                        next.answers[k].value = *v;
                        next.answers[k].ms = next.answers[k].ms.saturating_add(elapsed);
                    }
                    (Some(v), None) => next.answers.push(DraftAnswer {
                        instrument: instrument.clone(),
                        item: item.clone(),
                        value: *v,
                        ms: elapsed,
                    }),
                    (None, Some(k)) => {
                        next.answers.remove(k);
                    }
                    (None, None) => return next,
                }
            }
            DraftAction::Go(step) => {
                let last = pages(inv).len();
                let ok = match step {
                    Step::Consent => true,
                    Step::Page(k) => *k < last && self.consented_at.is_some(),
                    Step::Review => self.consented_at.is_some(),
                    Step::Done => false,
                };
                if !ok {
                    return next;
                }
                next.step = *step;
            }
            DraftAction::Submit { ids } => {
                if self.consented_at.is_none() || ids.len() < inv.instruments.len() {
                    return next;
                }
                next.submitted = self.responses(inv, ids, now);
                next.step = Step::Done;
            }
        }
        next.last_action_at = now;
        next
    }

    /// The responses this draft makes, one per instrument, answers in item order. Times are
    /// kept to the whole second and to the tenth of a second per item — what a short code can
    /// carry — so the file and the code of one submission are the same response.
    pub fn responses(&self, inv: &Invitation, ids: &[Uuid], now: DateTime<Utc>) -> Vec<Response> {
        let whole = |t: DateTime<Utc>| DateTime::from_timestamp(t.timestamp(), 0).unwrap_or(t);
        let (started, now) = (whole(self.started_at), whole(now));
        inv.resolved()
            .into_iter()
            .zip(ids)
            .map(|(instrument, id)| {
                let mut r =
                    Response::start(instrument, *id, inv.campaign_id, inv.respondent.id, started);
                r.submitted_at = now;
                r.invitation_id = Some(inv.id);
                r.subject_id = inv.subject.as_ref().map(|s| s.id);
                r.answers = instrument
                    .items
                    .iter()
                    .map(|item| {
                        let a = self
                            .answers
                            .iter()
                            .find(|a| a.instrument == instrument.id && a.item == item.id);
                        Answer {
                            item: item.id.clone(),
                            value: a.map(|a| a.value),
                            ms: a.map(|a| a.ms / 100 * 100),
                        }
                    })
                    .collect();
                r
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::campaign::tests::{at, id};
    use crate::domain::instrument::score::score;
    use crate::domain::survey::invitation::tests::candidate_invitation;

    fn answer(inst: &str, item: &str, v: u8) -> DraftAction {
        DraftAction::Answer {
            instrument: inst.into(),
            item: item.into(),
            value: Some(v),
        }
    }

    #[test]
    fn nothing_is_answered_before_consent() {
        let inv = candidate_invitation();
        let p = pages(&inv);
        let d = Draft::new(inv.id, at(0));
        let item = &p[0].instrument.items[0].id;
        let same = d.apply(&inv, &answer(&p[0].instrument.id, item, 3), at(1));
        assert!(same.answers.is_empty());
        let d = d.apply(&inv, &DraftAction::Consent, at(2));
        assert_eq!(d.step, Step::Page(0));
        let d = d.apply(&inv, &answer(&p[0].instrument.id, item, 3), at(7));
        assert_eq!(d.value(&p[0].instrument.id, item), Some(3));
        assert_eq!(d.answers[0].ms, 5000);
    }

    #[test]
    fn a_full_walk_gives_scorable_responses_with_times() {
        let inv = candidate_invitation();
        let mut d = Draft::new(inv.id, at(0)).apply(&inv, &DraftAction::Consent, at(1));
        let mut t = 1;
        for (k, p) in pages(&inv).iter().enumerate() {
            d = d.apply(&inv, &DraftAction::Go(Step::Page(k)), at(t));
            for item in p.instrument.items_of(&p.facet.id) {
                t += 4;
                d = d.apply(&inv, &answer(&p.instrument.id, &item.id, 4), at(t));
            }
        }
        assert!(d.page_progress(&inv).iter().all(|p| !p.short));
        let (done, total) = d.progress(&inv);
        assert_eq!(done, total);
        d = d.apply(&inv, &DraftAction::Go(Step::Review), at(t + 1));
        let ids: Vec<Uuid> = (0..inv.instruments.len())
            .map(|k| id(70 + k as u128))
            .collect();
        let late = at(t + 2) + chrono::TimeDelta::milliseconds(345);
        let d = d.apply(&inv, &DraftAction::Submit { ids }, late);
        assert!(d.is_submitted());
        assert_eq!(d.submitted.len(), inv.instruments.len());
        for (r, instrument) in d.submitted.iter().zip(inv.resolved()) {
            assert_eq!(r.invitation_id, Some(inv.id));
            assert_eq!(r.instrument_hash, instrument.hash());
            let report = score(instrument, r).unwrap();
            assert!(report.scale.is_some());
            assert!(r
                .answers
                .iter()
                .all(|a| a.ms.unwrap_or(0) >= 4000 || a.ms == Some(0)));
        }
        // A submitted draft no longer changes.
        let p = &pages(&inv)[0];
        let after = d.apply(
            &inv,
            &answer(&p.instrument.id, &p.instrument.items[0].id, 1),
            at(t + 9),
        );
        assert_eq!(after, d);
    }

    #[test]
    fn odd_answers_are_ignored_and_clearing_works() {
        let inv = candidate_invitation();
        let p = pages(&inv)[0];
        let item = &p.instrument.items[0].id;
        let d = Draft::new(inv.id, at(0)).apply(&inv, &DraftAction::Consent, at(1));
        assert_eq!(
            d.apply(&inv, &answer(&p.instrument.id, item, 9), at(2))
                .answers
                .len(),
            0
        );
        assert_eq!(
            d.apply(&inv, &answer(&p.instrument.id, "nope", 2), at(2))
                .answers
                .len(),
            0
        );
        assert_eq!(
            d.apply(&inv, &answer("nope", item, 2), at(2)).answers.len(),
            0
        );
        let d = d.apply(&inv, &answer(&p.instrument.id, item, 2), at(2));
        let d = d.apply(&inv, &answer(&p.instrument.id, item, 5), at(4));
        assert_eq!(d.value(&p.instrument.id, item), Some(5));
        assert_eq!(d.answers[0].ms, 3000);
        let d = d.apply(
            &inv,
            &DraftAction::Answer {
                instrument: p.instrument.id.clone(),
                item: item.clone(),
                value: None,
            },
            at(5),
        );
        assert!(d.answers.is_empty());
        assert!(d.page_progress(&inv)[0].short);
        // Pages out of range are refused.
        let d2 = d.apply(&inv, &DraftAction::Go(Step::Page(10_000)), at(6));
        assert_eq!(d2.step, d.step);
    }

    proptest::proptest! {
        /// Whatever the respondent clicks, in any order, the draft holds at most one answer
        /// per item, every answer on the scale, and a step that exists.
        #[test]
        fn any_clicks_keep_the_draft_sound(
            actions in proptest::collection::vec((0u8..6, 0usize..60, 0u8..8), 0..80)
        ) {
            let inv = candidate_invitation();
            let all = pages(&inv);
            let mut d = Draft::new(inv.id, at(0));
            for (t, (kind, k, v)) in actions.iter().enumerate() {
                let p = all[k % all.len()];
                let item = &p.instrument.items[k % p.instrument.items.len()];
                let action = match kind {
                    0 => DraftAction::Consent,
                    1 | 2 => DraftAction::Answer { instrument: p.instrument.id.clone(), item: item.id.clone(), value: Some(*v) },
                    3 => DraftAction::Answer { instrument: p.instrument.id.clone(), item: item.id.clone(), value: None },
                    4 => DraftAction::Go(if *v == 0 { Step::Review } else { Step::Page(*k) }),
                    _ => DraftAction::Submit { ids: (0..inv.instruments.len()).map(|j| id(5000 + j as u128)).collect() },
                };
                d = d.apply(&inv, &action, at(t as i64 + 1));
                let mut seen = std::collections::HashSet::new();
                for a in &d.answers {
                    proptest::prop_assert!(seen.insert((a.instrument.clone(), a.item.clone())));
                    proptest::prop_assert!((1..=5).contains(&a.value));
                }
                if let Step::Page(k) = d.step {
                    proptest::prop_assert!(k < all.len());
                }
                proptest::prop_assert!(d.answers.is_empty() || d.consented_at.is_some());
                if d.is_submitted() {
                    proptest::prop_assert_eq!(d.submitted.len(), inv.instruments.len());
                }
            }
        }
    }

    #[test]
    fn a_draft_survives_json() {
        let inv = candidate_invitation();
        let d = Draft::new(inv.id, at(0)).apply(&inv, &DraftAction::Consent, at(1));
        let back: Draft = serde_json::from_str(&serde_json::to_string(&d).unwrap()).unwrap();
        assert_eq!(back, d);
    }
}
