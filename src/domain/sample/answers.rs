//! The questionnaires of the sample: the invitations, made as the recruiter makes them
//! (`Invitation::new`, `Invitation::debrief`), and their answers — each candidate's
//! self-assessments, the leader's and both mediators' observer forms about each candidate, both
//! sides' debrief of every session.
//!
//! Answers are drawn so that each facet's score lands where the story puts it, and so that they
//! look like a person's: every item answered in page order, a few seconds each, values
//! scattered around the facet's level, reverse-keyed items answered the other way round, never
//! the long run of identical answers the quality checks flag. Each facet (each pole of a
//! paradox facet) keeps the rounding error of its items and passes it on to the next one
//! (error diffusion), so a facet's mean keyed score stays within half a point divided by its
//! number of items of the target, whatever the draws.

use super::rng::{Ids, Rng};
use super::story::{self, Arc};
use super::texts::{self, say};
use super::SampleData;
use crate::domain::instrument::builtin::debrief_for;
use crate::domain::instrument::definition::{DebriefSide, Instrument, Keyed, Pole};
use crate::domain::instrument::score::{Answer, Response};
use crate::domain::lang::Lang;
use crate::domain::survey::{leader_id, Invitation, InvitationError};
use chrono::{DateTime, NaiveDate, TimeDelta, Utc};
use uuid::Uuid;

/// How the sample's invitations are made and answered.
pub(super) struct Asking<'a> {
    pub asked_by: String,
    pub keep_until: NaiveDate,
    pub lang: Lang,
    pub ids: &'a mut Ids,
    pub rng: Rng,
}

/// How far each observer leans from the observers' common view (the leader, then the
/// mediators): the second mediator sees a little more good.
const LEANING: [f64; 3] = [0.0, 0.0, 0.1];
/// The leader is harder on candidate B than the mediators are.
const LEADER_ON_B: f64 = -0.15;

impl Asking<'_> {
    /// Keeps an invitation that could be made (every one the sample makes can).
    fn keep(
        &mut self,
        sample: &mut SampleData,
        invitation: Result<Invitation, InvitationError>,
    ) -> Option<Invitation> {
        debug_assert!(invitation.is_ok(), "{invitation:?}");
        let invitation = invitation.ok()?;
        sample.invitations.push(invitation.clone());
        Some(invitation)
    }

    /// Each candidate's self-assessments, sent at `issued`, answered a day or three later.
    pub(super) fn self_assessments(&mut self, sample: &mut SampleData, issued: DateTime<Utc>) {
        for (c, arc) in Arc::BOTH.into_iter().enumerate() {
            let who = sample.campaign.candidates[c].id;
            let id = self.ids.next();
            let made = Invitation::new(
                &sample.campaign,
                who,
                None,
                &self.asked_by,
                self.keep_until,
                id,
                issued,
            );
            if let Some(inv) = self.keep(sample, made) {
                let start = issued + TimeDelta::hours(if c == 0 { 34 } else { 82 });
                self.answer_all(sample, &inv, start, 0.0, arc);
            }
        }
    }

    /// The leader's and each mediator's observer forms about each candidate, sent at `issued`.
    pub(super) fn observer_forms(&mut self, sample: &mut SampleData, issued: DateTime<Utc>) {
        let observers: Vec<Uuid> = std::iter::once(leader_id(sample.campaign.id))
            .chain(sample.campaign.mediators.iter().map(|m| m.id))
            .collect();
        for (c, arc) in Arc::BOTH.into_iter().enumerate() {
            let subject = sample.campaign.candidates[c].id;
            for (k, who) in observers.iter().enumerate() {
                let mut leaning = LEANING[k.min(2)];
                if k == 0 && arc == Arc::Falling {
                    leaning += LEADER_ON_B;
                }
                let id = self.ids.next();
                let made = Invitation::new(
                    &sample.campaign,
                    *who,
                    Some(subject),
                    &self.asked_by,
                    self.keep_until,
                    id,
                    issued,
                );
                if let Some(inv) = self.keep(sample, made) {
                    let later = TimeDelta::minutes(300 + 600 * k as i64 + 45 * c as i64);
                    self.answer_all(sample, &inv, issued + later, leaning, arc);
                }
            }
        }
    }

    /// Both sides' debrief of every session with every candidate, sent ten minutes after the
    /// session ended (`ended[candidate][session]`): the candidate answers the same evening, the
    /// leader the next morning.
    pub(super) fn debriefs(&mut self, sample: &mut SampleData, ended: &[[DateTime<Utc>; 4]; 2]) {
        for (c, arc) in Arc::BOTH.into_iter().enumerate() {
            let candidate = sample.campaign.candidates[c].id;
            for (s, end) in ended[c].iter().enumerate() {
                let session = sample.campaign.sessions[s].id;
                let story = story::session(arc, s);
                let issued = *end + TimeDelta::minutes(10);
                for side in DebriefSide::BOTH {
                    let (who, targets, open, after) = match side {
                        DebriefSide::Leader => (
                            leader_id(sample.campaign.id),
                            story.debrief_leader,
                            texts::OPEN_LEADER[c][s].map(|t| say(self.lang, t)),
                            TimeDelta::hours(17),
                        ),
                        DebriefSide::Candidate => (
                            candidate,
                            story.debrief_candidate,
                            Some(say(self.lang, texts::OPEN_CANDIDATE[c][s])),
                            TimeDelta::hours(4),
                        ),
                    };
                    let id = self.ids.next();
                    let made = Invitation::debrief(
                        &sample.campaign,
                        session,
                        who,
                        candidate,
                        &self.asked_by,
                        self.keep_until,
                        id,
                        issued,
                    );
                    let Some(inv) = self.keep(sample, made) else {
                        continue;
                    };
                    let instrument = debrief_for(side);
                    let target = |f: usize, _: Option<Pole>| targets.get(f).copied().unwrap_or(3.0);
                    let given = answers(instrument, &target, &mut self.rng);
                    let from = Respondent {
                        campaign: sample.campaign.id,
                        respondent: who,
                        subject: (side == DebriefSide::Leader).then_some(candidate),
                        session: Some(session),
                        invitation: inv.id,
                    };
                    let started = issued + after + TimeDelta::minutes(self.rng.range(0, 90) as i64);
                    let id = self.ids.next();
                    let r = response(instrument, &from, given, open, id, started, &mut self.rng);
                    sample.responses.push(r);
                }
            }
        }
    }

    /// Answers every instrument of `inv` in turn, from `start`, as `arc`'s story says: the
    /// candidate's own view for a self form, the observers' view (shifted by `leaning`, and by
    /// a touch of this respondent's own) for an observer form.
    fn answer_all(
        &mut self,
        sample: &mut SampleData,
        inv: &Invitation,
        start: DateTime<Utc>,
        leaning: f64,
        arc: Arc,
    ) {
        let mut at = start;
        let observer = inv.subject.is_some();
        for instrument in inv.instruments.iter().filter_map(|i| i.resolve()) {
            let Some(portrait) = story::portrait(arc, &instrument.construct) else {
                continue;
            };
            let levels = if observer {
                portrait.observed
            } else {
                portrait.own
            };
            let shift = leaning + self.rng.between(-0.05, 0.05);
            let target = |facet: usize, pole: Option<Pole>| {
                let (a, b) = levels.get(facet).copied().unwrap_or((3.0, 3.0));
                shift + if pole == Some(Pole::B) { b } else { a }
            };
            let given = answers(instrument, &target, &mut self.rng);
            let from = Respondent {
                campaign: sample.campaign.id,
                respondent: inv.respondent.id,
                subject: inv.subject.as_ref().map(|s| s.id),
                session: None,
                invitation: inv.id,
            };
            let id = self.ids.next();
            let r = response(instrument, &from, given, None, id, at, &mut self.rng);
            at = r.submitted_at + TimeDelta::seconds(self.rng.range(30, 300) as i64);
            sample.responses.push(r);
        }
    }
}

/// Answers to every item of `instrument`; `target(facet index, pole)` is the keyed level
/// (1 to the scale's points) the facet should come out at.
fn answers(
    instrument: &Instrument,
    target: &dyn Fn(usize, Option<Pole>) -> f64,
    rng: &mut Rng,
) -> Vec<Answer> {
    let points = instrument.points();
    let top = f64::from(points);
    let min_run = (instrument.quality.straight_lining.min_run as usize).max(2);
    // Rounding error carried per facet and pole.
    let mut carried: Vec<((usize, Option<Pole>), f64)> = Vec::new();
    let mut values: Vec<u8> = Vec::new();
    let mut out = Vec::with_capacity(instrument.items.len());
    for item in &instrument.items {
        let facet = instrument
            .facets
            .iter()
            .position(|f| f.id == item.facet)
            .unwrap_or(0);
        let key = (facet, item.pole);
        let goal = target(facet, item.pole).clamp(1.0, top);
        let slot = match carried.iter().position(|(k, _)| *k == key) {
            Some(i) => i,
            None => {
                carried.push((key, 0.0));
                carried.len() - 1
            }
        };
        let wish = goal + carried[slot].1 + rng.between(-0.4, 0.4);
        let mut keyed = (wish.round() as u8).clamp(1, points);
        let value_of = |keyed: u8| match item.keyed {
            Keyed::Plus => keyed,
            Keyed::Minus => points + 1 - keyed,
        };
        // Break what would become a run of identical answers long enough to be flagged.
        let run = values.len() >= min_run - 1
            && values[values.len() + 1 - min_run..]
                .iter()
                .all(|v| *v == value_of(keyed));
        if run {
            keyed = if f64::from(keyed) > goal || keyed == points {
                keyed - 1
            } else {
                keyed + 1
            };
        }
        carried[slot].1 += goal - f64::from(keyed);
        let value = value_of(keyed);
        values.push(value);
        out.push(Answer {
            item: item.id.clone(),
            value: Some(value),
            ms: Some(rng.range(2_200, 8_500) as u32),
        });
    }
    out
}

/// Who answers what, about whom, for which session, through which invitation.
struct Respondent {
    pub campaign: Uuid,
    pub respondent: Uuid,
    pub subject: Option<Uuid>,
    pub session: Option<Uuid>,
    pub invitation: Uuid,
}

/// A submitted response to `instrument`, begun at `started`: the answers, then the free-text
/// answer if any, then a last look before sending.
fn response(
    instrument: &Instrument,
    who: &Respondent,
    answers: Vec<Answer>,
    open_answer: Option<String>,
    id: Uuid,
    started: DateTime<Utc>,
    rng: &mut Rng,
) -> Response {
    let mut r = Response::start(instrument, id, who.campaign, who.respondent, started);
    r.invitation_id = Some(who.invitation);
    r.subject_id = who.subject;
    r.session_id = who.session;
    let answering: u64 = answers.iter().filter_map(|a| a.ms).map(u64::from).sum();
    let writing = if open_answer.is_some() {
        rng.range(60_000, 240_000)
    } else {
        0
    };
    let review = rng.range(10_000, 45_000);
    r.answers = answers;
    r.open_answer = open_answer;
    r.submitted_at = started + TimeDelta::milliseconds((answering + writing + review) as i64);
    r
}
