//! A respondent's work in progress: consent, the answers given so far (with the time spent on
//! each), the step on screen. Kept in the respondent's browser after every change, so closing
//! the tab loses nothing; turned into [`Response`]s when submitted.
//!
//! The steps ([`steps`]): the consent page, then for each instrument one page per facet and,
//! when the instrument asks one, its open question (free text, optional), then a review page.
//! Time per item: the time since the respondent's previous action (an answer, a keystroke in
//! the free text or a page change), added up when an answer is changed.

use super::invitation::Invitation;
use crate::domain::instrument::definition::{Facet, Instrument, OpenQuestion};
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
    /// The open question of the k-th instrument of the invitation (from 0).
    Open(usize),
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

/// Every step of an invitation, in order, from the consent to the review (the step after the
/// review, `Done`, is reached by submitting).
pub fn steps(inv: &Invitation) -> Vec<Step> {
    let mut out = vec![Step::Consent];
    let mut page = 0;
    for (k, instrument) in inv.resolved().into_iter().enumerate() {
        for _ in &instrument.facets {
            out.push(Step::Page(page));
            page += 1;
        }
        if instrument.open_question.is_some() {
            out.push(Step::Open(k));
        }
    }
    out.push(Step::Review);
    out
}

/// The step after `step` (the review stays the review).
pub fn next_step(inv: &Invitation, step: Step) -> Step {
    let all = steps(inv);
    all.iter()
        .position(|s| *s == step)
        .and_then(|k| all.get(k + 1).copied())
        .unwrap_or(Step::Review)
}

/// The step before `step` (the consent stays the consent).
pub fn previous_step(inv: &Invitation, step: Step) -> Step {
    let all = steps(inv);
    match all.iter().position(|s| *s == step) {
        Some(k) if k > 0 => all[k - 1],
        _ => Step::Consent,
    }
}

/// The instrument asked at position `k` of the invitation and its open question, if it asks one.
pub fn open_question(
    inv: &Invitation,
    k: usize,
) -> Option<(&'static Instrument, &'static OpenQuestion)> {
    let instrument = *inv.resolved().get(k)?;
    Some((instrument, instrument.open_question.as_ref()?))
}

/// `text` as a free-text answer may hold it: at most `max_chars` characters, without the
/// characters no stored text may hold (controls other than line breaks and tabs, direction
/// overrides; line breaks too when the limit is that of a one-line text).
pub fn fit_open_answer(text: &str, max_chars: usize) -> String {
    let multiline = max_chars > crate::domain::limits::MAX_NAME_CHARS;
    let forbidden = |c: char| match c {
        '\n' | '\t' => !multiline,
        '\r' => true,
        c if c.is_control() => true,
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => true,
        _ => false,
    };
    text.chars()
        .filter(|c| !forbidden(*c))
        .take(max_chars)
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

/// The free text written so far in answer to one instrument's open question.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DraftOpenAnswer {
    pub instrument: String,
    pub text: String,
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
    /// What was written so far in answer to open questions, one per instrument (never empty).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub open_answers: Vec<DraftOpenAnswer>,
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
    /// Write (or rewrite) the answer to an instrument's open question; an empty text clears
    /// it. The text is cut to the question's length ([`fit_open_answer`]).
    Write {
        instrument: String,
        text: String,
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
            open_answers: Vec::new(),
            submitted: Vec::new(),
        }
    }

    /// The text written so far in answer to `instrument`'s open question ("" when none).
    pub fn open_answer(&self, instrument: &str) -> &str {
        self.open_answers
            .iter()
            .find(|a| a.instrument == instrument)
            .map_or("", |a| a.text.as_str())
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
            DraftAction::Write { instrument, text } => {
                let asked = inv
                    .resolved()
                    .into_iter()
                    .find(|i| &i.id == instrument)
                    .and_then(|i| i.open_question.as_ref());
                let (Some(question), Some(_)) = (asked, self.consented_at) else {
                    return next;
                };
                let text = fit_open_answer(text, question.max_chars as usize);
                next.open_answers.retain(|a| &a.instrument != instrument);
                if !text.is_empty() {
                    next.open_answers.push(DraftOpenAnswer {
                        instrument: instrument.clone(),
                        text,
                    });
                }
            }
            DraftAction::Go(step) => {
                let last = pages(inv).len();
                let ok = match step {
                    Step::Consent => true,
                    Step::Page(k) => *k < last && self.consented_at.is_some(),
                    Step::Open(k) => {
                        open_question(inv, *k).is_some() && self.consented_at.is_some()
                    }
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

    /// The responses this draft makes, one per instrument, answers in item order, with the
    /// work session of a debrief and the free-text answer (trimmed; none when blank). Times
    /// are kept to the whole second and to the tenth of a second per item — what a short code
    /// can carry — so the file and the code of one submission are the same response.
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
                r.session_id = inv.session.as_ref().map(|s| s.id);
                let written = self.open_answer(&instrument.id).trim();
                r.open_answer = (instrument.open_question.is_some() && !written.is_empty())
                    .then(|| written.to_owned());
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

    /// The leader's debrief of session 2 with the sample's candidate.
    fn debrief_invitation() -> Invitation {
        let c = crate::domain::campaign::tests::sample();
        let leader = crate::domain::survey::leader_id(c.id);
        Invitation::debrief(
            &c,
            c.sessions[1].id,
            leader,
            c.candidates[0].id,
            "Cabinet Rivière",
            crate::domain::survey::invitation::tests::keep(),
            id(920),
            at(0),
        )
        .unwrap()
    }

    fn write(inv: &Invitation, text: &str) -> DraftAction {
        DraftAction::Write {
            instrument: inv.instruments[0].id.clone(),
            text: text.into(),
        }
    }

    #[test]
    fn a_debrief_asks_its_open_question_after_its_pages() {
        let inv = debrief_invitation();
        let all = steps(&inv);
        // Consent, six pages (one per facet), the open question, the review.
        assert_eq!(all.len(), 1 + 6 + 1 + 1);
        assert_eq!(all[6], Step::Page(5));
        assert_eq!(all[7], Step::Open(0));
        assert_eq!(next_step(&inv, Step::Page(5)), Step::Open(0));
        assert_eq!(next_step(&inv, Step::Open(0)), Step::Review);
        assert_eq!(previous_step(&inv, Step::Review), Step::Open(0));
        assert_eq!(previous_step(&inv, Step::Open(0)), Step::Page(5));
        assert_eq!(previous_step(&inv, Step::Page(0)), Step::Consent);
        assert_eq!(next_step(&inv, Step::Review), Step::Review);
        // A self-assessment asks none.
        let plain = candidate_invitation();
        assert!(!steps(&plain).iter().any(|s| matches!(s, Step::Open(_))));
        assert_eq!(
            next_step(&plain, Step::Page(pages(&plain).len() - 1)),
            Step::Review
        );
        // The open step exists only where there is a question, and after consent.
        let d = Draft::new(inv.id, at(0));
        assert_eq!(
            d.apply(&inv, &DraftAction::Go(Step::Open(0)), at(1)).step,
            Step::Consent
        );
        let d = d.apply(&inv, &DraftAction::Consent, at(1));
        assert_eq!(
            d.apply(&inv, &DraftAction::Go(Step::Open(0)), at(2)).step,
            Step::Open(0)
        );
        assert_eq!(
            d.apply(&inv, &DraftAction::Go(Step::Open(1)), at(2)).step,
            Step::Page(0)
        );
        let p = Draft::new(plain.id, at(0)).apply(&plain, &DraftAction::Consent, at(1));
        assert_eq!(
            p.apply(&plain, &DraftAction::Go(Step::Open(0)), at(2)).step,
            Step::Page(0)
        );
    }

    #[test]
    fn the_free_text_is_kept_like_the_answers_and_cut_to_its_length() {
        let inv = debrief_invitation();
        let max = open_question(&inv, 0).unwrap().1.max_chars as usize;
        assert_eq!(max, 1000);
        let d = Draft::new(inv.id, at(0));
        // Nothing is written before consenting.
        assert_eq!(
            d.apply(&inv, &write(&inv, "tôt"), at(1)).open_answers,
            vec![]
        );
        let d = d.apply(&inv, &DraftAction::Consent, at(1));
        let d = d.apply(&inv, &write(&inv, "Plus de temps\npour conclure."), at(2));
        assert_eq!(
            d.open_answer(&inv.instruments[0].id),
            "Plus de temps\npour conclure."
        );
        // A reload reads the same draft back.
        let back: Draft = serde_json::from_str(&serde_json::to_string(&d).unwrap()).unwrap();
        assert_eq!(back, d);
        // Rewriting replaces; the text is cut to the limit; an empty text clears it.
        let long = "é".repeat(max + 50);
        let d2 = d.apply(&inv, &write(&inv, &long), at(3));
        assert_eq!(d2.open_answer(&inv.instruments[0].id).chars().count(), max);
        assert_eq!(d2.open_answers.len(), 1);
        assert!(d2
            .apply(&inv, &write(&inv, ""), at(4))
            .open_answers
            .is_empty());
        // Another instrument's text, or one that asks no question, is not taken.
        let other = DraftAction::Write {
            instrument: "interpersonal-intelligence".into(),
            text: "x".into(),
        };
        assert_eq!(d.apply(&inv, &other, at(5)).open_answers, d.open_answers);
        // A draft saved before free texts existed still reads.
        let old = r#"{"invitation_id":"00000000-0000-0000-0000-000000000398","step":{"step":"page","page":2},"consented_at":"2025-11-24T16:00:01Z","started_at":"2025-11-24T16:00:00Z","last_action_at":"2025-11-24T16:00:01Z","answers":[]}"#;
        let old: Draft = serde_json::from_str(old).unwrap();
        assert!(old.open_answers.is_empty());
    }

    #[test]
    fn fitting_a_free_text_drops_hidden_characters() {
        assert_eq!(
            fit_open_answer("a\u{0}b\u{202e}c\r\nd\te", 1000),
            "abc\nd\te"
        );
        // A one-line limit keeps no line break.
        assert_eq!(fit_open_answer("a\nb", 50), "ab");
        assert_eq!(fit_open_answer("abcdef", 3), "abc");
        assert_eq!(fit_open_answer("", 3), "");
    }

    proptest::proptest! {
        /// Whatever is typed or pasted, the fitted text passes the check every stored text
        /// passes, so the response it goes into is taken in.
        #[test]
        fn a_fitted_free_text_is_always_storable(text in "\\PC{0,40}|[\\x00-\\x1f\\u{202a}-\\u{202e}a\\n]{0,40}", max in 1usize..400) {
            let fitted = fit_open_answer(&text, max);
            proptest::prop_assert!(crate::domain::text::check_text(&fitted, max).is_ok(), "{fitted:?}");
        }
    }

    #[test]
    fn a_submitted_debrief_names_its_session_and_carries_the_free_text() {
        use crate::domain::survey::code::{decode_responses, encode_responses};
        let inv = debrief_invitation();
        let mut d = Draft::new(inv.id, at(0)).apply(&inv, &DraftAction::Consent, at(1));
        let mut t = 1;
        for p in pages(&inv) {
            for item in p.instrument.items_of(&p.facet.id) {
                t += 3;
                d = d.apply(&inv, &answer(&p.instrument.id, &item.id, 4), at(t));
            }
        }
        d = d.apply(&inv, &write(&inv, "  Conclure plus tôt.  "), at(t + 1));
        let d = d.apply(&inv, &DraftAction::Submit { ids: vec![id(77)] }, at(t + 2));
        assert!(d.is_submitted());
        let r = &d.submitted[0];
        assert_eq!(r.session_id, inv.session.as_ref().map(|s| s.id));
        assert_eq!(r.subject_id, inv.subject.as_ref().map(|s| s.id));
        assert_eq!(r.open_answer.as_deref(), Some("Conclure plus tôt."));
        // Taken in by the campaign, and the short code carries both.
        let c = crate::domain::campaign::tests::sample();
        assert_eq!(crate::domain::survey::refusal(&[c], r), None);
        let code = encode_responses(&d.submitted).unwrap();
        assert!(code.starts_with("R2-"));
        assert_eq!(decode_responses(&code).unwrap(), d.submitted);
        // Blank free text: no open answer.
        let blank = Draft::new(inv.id, at(0))
            .apply(&inv, &DraftAction::Consent, at(1))
            .apply(&inv, &write(&inv, "   "), at(2))
            .apply(&inv, &DraftAction::Submit { ids: vec![id(78)] }, at(3));
        assert_eq!(blank.submitted[0].open_answer, None);
        assert!(blank.submitted[0].session_id.is_some());
    }

    #[test]
    fn a_draft_survives_json() {
        let inv = candidate_invitation();
        let d = Draft::new(inv.id, at(0)).apply(&inv, &DraftAction::Consent, at(1));
        let back: Draft = serde_json::from_str(&serde_json::to_string(&d).unwrap()).unwrap();
        assert_eq!(back, d);
    }
}
