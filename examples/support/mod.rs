//! What the benchmark examples share (`mod support;` in each): a repeatable random sequence, a
//! campaign, and sessions coded live through the core's reducer. Each example uses a part.
#![allow(dead_code)]

use chrono::{DateTime, Utc};
use rally::domain::campaign::{Campaign, InstrumentId, Person, Status, WorkSession};
use rally::domain::draft::CampaignDraft;
use rally::domain::observation::log::{Observation, ObservationAction};
use rally::domain::observation::rating::default_bars;
use rally::domain::observation::scheme::{default_scheme, Actor, Code};
use rally::domain::role::builtin_roles;
use uuid::Uuid;

/// A deterministic pseudo-random sequence (xorshift), so every run codes the same sessions.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// A number below `n`.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// The leader or the candidate, at even odds.
    pub fn actor(&mut self) -> Actor {
        if self.next().is_multiple_of(2) {
            Actor::Ceo
        } else {
            Actor::Candidate
        }
    }
}

/// The built-in scheme's codes that both the leader and the candidate may use.
pub fn shared_codes() -> Vec<&'static Code> {
    default_scheme()
        .codes
        .iter()
        .filter(|c| c.actors.allows(Some(Actor::Ceo)) && c.actors.allows(Some(Actor::Candidate)))
        .collect()
}

pub fn person(id: u128, name: impl Into<String>) -> Person {
    Person {
        id: Uuid::from_u128(id),
        name: name.into(),
        email: String::new(),
    }
}

/// An active campaign on the built-in CSO 5.0 role, led by Claire Martin, made at `at` the way
/// the "New campaign" form makes one (`CampaignDraft::to_campaign`).
pub fn campaign(
    id: Uuid,
    name: &str,
    candidates: Vec<Person>,
    mediators: Vec<Person>,
    sessions: Vec<WorkSession>,
    instruments: Vec<InstrumentId>,
    at: DateTime<Utc>,
) -> Campaign {
    let library = builtin_roles();
    let draft = CampaignDraft {
        name: name.into(),
        role_id: library[0].id.clone(),
        leader_name: "Claire Martin".into(),
        leader_title: "CEO".into(),
        candidates,
        mediators,
        sessions,
        instruments,
    };
    let mut campaign = draft
        .to_campaign(library, id, at)
        .expect("a valid campaign");
    campaign.status = Status::Active;
    campaign
}

/// Codes `n` events live into `o` (its clock started at `at(0)`), one every `step_ms`, each a
/// code both actors may use and an actor drawn from `rng`; event `k` has id `first_id + k`.
pub fn code_live(
    o: &mut Observation,
    n: usize,
    rng: &mut Rng,
    first_id: u128,
    step_ms: i64,
    at: impl Fn(i64) -> DateTime<Utc>,
) {
    let (scheme, codes) = (default_scheme(), shared_codes());
    for k in 0..n {
        let code = codes[rng.below(codes.len())];
        let action = ObservationAction::AddEvent {
            id: Uuid::from_u128(first_id + k as u128),
            actor: Some(rng.actor()),
            code: code.id.clone(),
            modifier: None,
        };
        o.apply_mut(scheme, &action, at(step_ms * (k as i64 + 1)))
            .unwrap();
    }
}

/// One session held with one candidate, observed by two mediators: `events` acts drawn from
/// `rng` and logged every 2 s from `at(0)`, the second mediator disagreeing on about one act in
/// ten; every dimension rated (levels spread by `spread`), then submitted. Identifiers are
/// `*next + 1`, `*next + 2`…
#[allow(clippy::too_many_arguments)]
pub fn coded_pair(
    campaign: &Campaign,
    session: Uuid,
    candidate: Uuid,
    events: usize,
    spread: usize,
    rng: &mut Rng,
    next: &mut u128,
    at: impl Fn(i64) -> DateTime<Utc>,
) -> Vec<Observation> {
    let (scheme, bars, codes) = (default_scheme(), default_bars(), shared_codes());
    let coded: Vec<(usize, Actor)> = (0..events)
        .map(|_| (rng.below(codes.len()), rng.actor()))
        .collect();
    let mut out = Vec::new();
    for (m, mediator) in campaign.mediators.iter().take(2).enumerate() {
        *next += 1;
        let id = Uuid::from_u128(*next);
        let mut o = Observation::new(id, campaign.id, session, mediator.id, scheme, at(0));
        o.candidate_id = Some(candidate);
        o.apply_mut(scheme, &ObservationAction::StartClock, at(0))
            .unwrap();
        for (k, (code, actor)) in coded.iter().enumerate() {
            let code = if m == 1 && rng.next().is_multiple_of(10) {
                rng.below(codes.len())
            } else {
                *code
            };
            *next += 1;
            let action = ObservationAction::AddEvent {
                id: Uuid::from_u128(*next),
                actor: Some(*actor),
                code: codes[code].id.clone(),
                modifier: None,
            };
            o.apply_mut(scheme, &action, at(2000 * (k as i64 + 1)))
                .unwrap();
        }
        for d in &bars.dimensions {
            let rate = ObservationAction::Rate {
                dimension: d.id.clone(),
                level: 1 + ((spread + m + rng.next() as usize % 2) % 5) as u8,
                evidence: Vec::new(),
                comment: String::new(),
            };
            o.apply_mut_with(scheme, Some(bars), &rate, at(3_001_000))
                .unwrap();
        }
        o.apply_mut_with(
            scheme,
            Some(bars),
            &ObservationAction::Submit,
            at(3_002_000),
        )
        .unwrap();
        out.push(o);
    }
    out
}
