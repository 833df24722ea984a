//! The sample campaign of "Explore with sample data": one complete, fictitious campaign, so
//! that a newcomer sees every screen filled before entering any real data — the campaign, the
//! mediators' kits and observations, the invitations, the self-assessments, the observers'
//! forms and the session debriefs. It is marked `sample: true` everywhere it shows.
//!
//! Nothing here is a stored blob: [`sample_campaign`] draws the sample from a seed, with the
//! same functions the app uses — observations are coded by applying `ObservationAction`s
//! through the real reducer, invitations are made by `Invitation::new`/`debrief`, responses
//! answer the built-in instruments item by item — so the sample passes every check a real
//! campaign passes. The same seed and `now` always give the same sample, byte for byte; two
//! seeds never share an identifier (`rng.rs`).
//!
//! What the sample holds (the numbers are in `story.rs`, the words in `texts.rs`):
//!
//! - a Chief Support Officer 5.0 campaign (the built-in role), a leader, two candidates, two
//!   mediators, four work sessions in the past weeks (before `now`), every instrument planned;
//! - each session worked with each candidate and coded live by both mediators — a few hundred
//!   events each, with notes and shared "moments to note"; the second mediator's clock starts
//!   3 to 8 seconds after the first's — then rated on every dimension of the default grid, with
//!   evidence, comments and a synthesis, and submitted;
//! - two stories: candidate A's rally with the leader improves session after session, candidate
//!   B's degrades after a brilliant start (see `story.rs`);
//! - the cases a recruiter must learn to read: for B, session 3 was coded by one mediator only,
//!   and session 4's first observation arrived in two diverging versions; one clock offset
//!   already accepted from a marker (A, session 1), the others left to align; a decision on
//!   hold for B;
//! - both session debriefs (leader's and candidate's) per session and candidate, with some
//!   free-text answers; each candidate's self-assessments; the leader's and both mediators'
//!   observer forms about each candidate; the invitations of all of these.
//!
//! [`SampleData::add_to`] adds it in one step; [`remove_samples`] takes every sample out again.

mod answers;
mod coding;
mod rng;
mod story;
mod texts;

use crate::domain::campaign::{
    Campaign, CampaignAction, ClockOffset, Decision, DecisionKind, InstrumentId, Leader,
    OffsetSource, Person, Status, WorkSession,
};
use crate::domain::fieldwork::{Fieldwork, Kit};
use crate::domain::instrument::score::Response;
use crate::domain::lang::Lang;
use crate::domain::observation::log::Observation;
use crate::domain::observation::rating::default_bars;
use crate::domain::observation::scheme::default_scheme;
use crate::domain::role::builtin_roles;
use crate::domain::survey::Invitation;
use crate::domain::workspace::{Action, ActionError, Workspace};
use chrono::{DateTime, Days, NaiveDate, NaiveTime, TimeDelta, Utc};
use rng::{Ids, Rng};
use story::Arc;
use texts::say;
use uuid::Uuid;

/// Everything the sample campaign holds, ready to be added in one step.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SampleData {
    /// The campaign, marked `sample: true`.
    pub campaign: Campaign,
    /// One kit per mediator.
    pub kits: Vec<Kit>,
    /// Every version of every observation: one per session, candidate and mediator, but for
    /// the one never coded and the one received in two versions.
    pub observations: Vec<Observation>,
    /// Self-assessment, observer-form and session-debrief invitations.
    pub invitations: Vec<Invitation>,
    /// The answers to every invitation, all submitted.
    pub responses: Vec<Response>,
}

/// Days before `now` of the four work sessions, and of the campaign's creation.
const SESSION_DAYS_AGO: [u64; 4] = [42, 30, 18, 6];
const CREATED_DAYS_AGO: u64 = 60;
/// Days before `now` the kits and the self-assessment invitations went out.
const KITS_DAYS_AGO: u64 = 55;

/// Labels of the random streams, so each part of the sample draws on its own.
const STREAM_SESSION: u64 = 1 << 32;
const STREAM_ANSWERS: u64 = 2 << 32;

fn wall(day: NaiveDate, hour: u32, minute: u32) -> DateTime<Utc> {
    day.and_time(NaiveTime::from_hms_opt(hour, minute, 0).unwrap_or_default())
        .and_utc()
}

/// The sample campaign drawn from `seed`, dated in the weeks before `now`, its texts (names of
/// places, topics, notes, syntheses, free-text answers) in `lang`. Deterministic: the same
/// arguments give the same sample.
pub fn sample_campaign(seed: u64, now: DateTime<Utc>, lang: Lang) -> SampleData {
    let mut ids = Ids::new(seed);
    let today = now.date_naive();
    let day = |back: u64| today - Days::new(back);
    let mut campaign = campaign(&mut ids, lang, day(CREATED_DAYS_AGO), |k| {
        day(SESSION_DAYS_AGO[k])
    });
    let kits: Vec<Kit> = campaign
        .mediators
        .iter()
        .filter_map(|m| {
            let issued = wall(day(KITS_DAYS_AGO), 9, 0);
            Kit::for_mediator(&campaign, m.id, default_scheme(), ids.next(), issued)
        })
        .collect();
    let mut observations = Vec::new();
    let mut ended = [[now; 4]; 2];
    for (c, arc) in Arc::BOTH.into_iter().enumerate() {
        for (s, end) in ended[c].iter_mut().enumerate() {
            let (coded, at) = observe(&campaign, (c, arc), s, seed, &mut ids, lang);
            observations.extend(coded);
            *end = at;
        }
    }
    record_choices(&mut campaign, &observations, &mut ids, lang);
    let mut sample = SampleData {
        campaign,
        kits,
        observations,
        invitations: Vec::new(),
        responses: Vec::new(),
    };
    let mut asking = answers::Asking {
        asked_by: say(lang, texts::ASKED_BY),
        keep_until: today + Days::new(365),
        lang,
        ids: &mut ids,
        rng: Rng::stream(seed, STREAM_ANSWERS),
    };
    asking.self_assessments(&mut sample, wall(day(KITS_DAYS_AGO), 9, 30));
    // Observer forms go out the day after the last session.
    let after_last = wall(day(SESSION_DAYS_AGO[3] - 1), 9, 0);
    asking.observer_forms(&mut sample, after_last);
    asking.debriefs(&mut sample, &ended);
    sample
}

/// The campaign itself: people, sessions, every instrument, the built-in CSO 5.0 role.
fn campaign(
    ids: &mut Ids,
    lang: Lang,
    created: NaiveDate,
    session_day: impl Fn(usize) -> NaiveDate,
) -> Campaign {
    let id = ids.next();
    let mut person = |(name, email): (&str, &str)| Person {
        id: ids.next(),
        name: name.to_owned(),
        email: email.to_owned(),
    };
    let candidates = texts::CANDIDATES.map(&mut person).to_vec();
    let mediators = texts::MEDIATORS.map(&mut person).to_vec();
    let sessions = texts::SESSIONS
        .iter()
        .enumerate()
        .map(|(k, (place, topic))| WorkSession {
            id: ids.next(),
            date: Some(session_day(k)),
            time: NaiveTime::from_hms_opt(9, 30, 0),
            place: say(lang, *place),
            topic: say(lang, *topic),
        })
        .collect();
    let role = builtin_roles()
        .iter()
        .find(|r| r.id == "chief-support-officer")
        .or(builtin_roles().first())
        .cloned()
        .unwrap_or_else(|| crate::domain::role::Role::blank("sample".into(), Default::default()));
    let created = wall(created, 10, 0);
    Campaign {
        id,
        name: say(lang, texts::CAMPAIGN),
        role,
        leader: Leader {
            name: texts::LEADER.to_owned(),
            title: say(lang, texts::LEADER_TITLE),
        },
        candidates,
        mediators,
        sessions,
        instruments: InstrumentId::ALL.to_vec(),
        status: Status::Active,
        status_before_archive: None,
        created_at: created,
        updated_at: created,
        revision: 1,
        decisions: Vec::new(),
        version_choices: Vec::new(),
        clock_offsets: Vec::new(),
        sample: true,
        closed_on: None,
        retention_months: None,
        erasures: Vec::new(),
        imports: Vec::new(),
    }
}

/// Session `s` with candidate `c`: what happens, then each mediator's coding, rating and
/// submission (B's third session is coded by the first mediator only; B's fourth reaches the
/// recruiter in two versions from the first mediator). Returns when the session ended.
fn observe(
    campaign: &Campaign,
    (c, arc): (usize, Arc),
    s: usize,
    seed: u64,
    ids: &mut Ids,
    lang: Lang,
) -> (Vec<Observation>, DateTime<Utc>) {
    let grid = (default_scheme(), default_bars());
    let mut out = Vec::new();
    let session = &campaign.sessions[s];
    let story = story::session(arc, s);
    let mut rng = Rng::stream(seed, STREAM_SESSION | (c as u64) << 8 | s as u64);
    let script = coding::script(&story, &mut rng);
    let day = session.date.unwrap_or_default();
    let t0 = if c == 0 {
        wall(day, 9, 30)
    } else {
        wall(day, 14, 0)
    };
    let first_start = rng.range(0, 1_500);
    let starts = [first_start, first_start + rng.range(3_000, 8_000)];
    let notes = &texts::NOTES[c][s];
    for (m, mediator) in campaign.mediators.iter().enumerate() {
        if arc == Arc::Falling && s == 2 && m == 1 {
            continue; // never coded: the missing observation
        }
        let eye = &coding::EYES[m];
        let room = coding::Room {
            t0,
            clock_start_ms: starts[m],
            notes: match m {
                0 => vec![(0, say(lang, notes[0])), (2, say(lang, notes[2]))],
                _ => vec![(1, say(lang, notes[1]))],
            },
        };
        let opened = coding::at(t0, starts[m]) - TimeDelta::minutes(2);
        let mut draft = Observation::new(
            ids.next(),
            campaign.id,
            session.id,
            mediator.id,
            grid.0,
            opened,
        );
        draft.candidate_id = Some(campaign.candidates[c].id);
        let draft = coding::code(draft, &script, eye, &room, grid, ids, &mut rng);
        let mut synthesis = say(lang, texts::SYNTHESES[c][s]);
        if m == 1 {
            synthesis = format!("{synthesis} {}", say(lang, texts::SECOND_LOOK));
        }
        let comment = |i: usize, level: u8| {
            let band = match level {
                1 | 2 => 0,
                3 => 1,
                _ => 2,
            };
            say(lang, texts::COMMENTS[i.min(5)][band])
        };
        let verdict = coding::Verdict {
            levels: story.ratings,
            comment: &comment,
            synthesis,
        };
        let rated_from = coding::at(t0, script.length_ms) + TimeDelta::minutes(6 + 4 * m as i64);
        let mut first = draft.clone();
        coding::rate_and_submit(&mut first, &verdict, eye, grid, &mut rng, rated_from);
        out.push(first);
        if arc == Arc::Falling && s == 3 && m == 0 {
            // Recoded the next morning from the notes, on another device: a second version.
            let mut second = draft;
            let next_morning = wall(day + Days::new(1), 8, 40);
            coding::recode(&mut second, 2, grid, next_morning);
            let mut levels = story.ratings;
            levels[4] = levels[4].saturating_sub(1).max(1);
            let revised = coding::Verdict {
                levels,
                comment: &comment,
                synthesis: format!("{} {}", verdict.synthesis, say(lang, texts::REVISED)),
            };
            let later = next_morning + TimeDelta::minutes(3);
            coding::rate_and_submit(&mut second, &revised, eye, grid, &mut rng, later);
            out.push(second);
        }
    }
    (out, coding::at(t0, script.length_ms))
}

/// The recruiter's records in the sample campaign, through the campaign's reducer: the clock
/// offset of A's first session, accepted from its first shared marker, and a decision to wait
/// about B after the third session.
fn record_choices(
    campaign: &mut Campaign,
    observations: &[Observation],
    ids: &mut Ids,
    lang: Lang,
) {
    let first_marker = |o: &Observation| {
        o.events
            .iter()
            .find(|e| e.code == "moment")
            .map(|e| e.at_ms as i64)
    };
    let a = campaign.candidates[0].id;
    let session = campaign.sessions[0].clone();
    let of = |m: usize| {
        observations.iter().find(|o| {
            o.candidate_id == Some(a)
                && o.session_id == session.id
                && o.mediator_id == campaign.mediators[m].id
        })
    };
    let day = session.date.unwrap_or_default();
    let mut actions = Vec::new();
    if let (Some(first), Some(second)) = (of(0), of(1)) {
        if let (Some(x), Some(y)) = (first_marker(first), first_marker(second)) {
            let set_at = wall(day + Days::new(1), 18, 5);
            let offset = ClockOffset {
                observation_id: second.id,
                offset_ms: x - y,
                source: OffsetSource::Marker,
                set_at,
            };
            actions.push((CampaignAction::SetClockOffset { offset }, set_at));
        }
    }
    let decided = campaign.sessions[2].date.unwrap_or_default() + Days::new(2);
    let recorded_at = wall(decided, 17, 20);
    let decision = Decision {
        id: ids.next(),
        candidate_id: campaign.candidates[1].id,
        kind: DecisionKind::OnHold,
        rationale: say(lang, texts::HOLD_RATIONALE),
        decided_on: decided,
        recorded_at,
    };
    actions.push((CampaignAction::RecordDecision { decision }, recorded_at));
    for (action, at) in actions {
        match campaign.apply(&action, at) {
            Ok(next) => *campaign = next,
            Err(e) => debug_assert!(false, "{action:?} refused: {e}"),
        }
    }
}

impl SampleData {
    /// Adds the sample to a recruiter's data in one step: the campaign through the workspace's
    /// reducer, the kits, observations, invitations and responses through the fieldwork store's
    /// imports (so a second call finds the campaign there and is refused with
    /// `ActionError::CampaignExists`, leaving everything as it was).
    pub fn add_to(
        &self,
        workspace: &Workspace,
        fieldwork: &Fieldwork,
        now: DateTime<Utc>,
    ) -> Result<(Workspace, Fieldwork), ActionError> {
        let action = Action::CreateCampaign {
            campaign: Box::new(self.campaign.clone()),
        };
        let workspace = workspace.apply(&action, now)?;
        let (fieldwork, _) = fieldwork.import(&self.kits, &self.observations);
        let (fieldwork, _) = fieldwork.add_invitations(&self.invitations);
        let (fieldwork, _) = fieldwork.import_responses(&self.responses, &workspace.campaigns);
        Ok((workspace, fieldwork))
    }
}

/// Takes every sample campaign out of a recruiter's data, with everything that belongs to it
/// (kits, observations, invitations, responses): the one-click "Remove the sample data".
/// Campaigns not marked `sample` are never touched.
pub fn remove_samples(
    workspace: &Workspace,
    fieldwork: &Fieldwork,
    now: DateTime<Utc>,
) -> (Workspace, Fieldwork) {
    let mut ws = workspace.clone();
    let mut fw = fieldwork.clone();
    let samples: Vec<Uuid> = workspace
        .campaigns
        .iter()
        .filter(|c| c.sample)
        .map(|c| c.id)
        .collect();
    for id in samples {
        if let Ok(next) = ws.apply(&Action::DeleteCampaign { id }, now) {
            ws = next;
        }
        fw = fw.without_campaign(id);
    }
    (ws, fw)
}

#[cfg(test)]
mod tests;
