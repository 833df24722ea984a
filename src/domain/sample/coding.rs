//! Live coding, simulated: what really happens in one work session (a [`Script`] drawn from
//! the story), then how each mediator codes it — through the real reducer, one
//! `ObservationAction` at a time, at the wall-clock instant they would press the key.
//!
//! A mediator sees each happening with a reaction delay of their own (a few hundred
//! milliseconds, give or take), misses a few acts and more meta-communication codes, now and then
//! presses a neighbouring code, adds an act the other did not log, or presses a wrong key and
//! undoes it. Both mark the same "moments to note". Each starts their session clock by hand:
//! the second mediator a few seconds after the first, so their times are offset — exactly what
//! the recruiter's clock alignment is for.

use super::rng::{Ids, Rng};
use super::story::Session;
use crate::domain::observation::log::{Observation, ObservationAction};
use crate::domain::observation::rating::Bars;
use crate::domain::observation::scheme::{Actor, Area, Scheme};
use crate::domain::sorting;
use chrono::{DateTime, TimeDelta, Utc};
use uuid::Uuid;

/// The act codes of each Bales area (`Area::ALL` order) and how often each is used.
const AREA_CODES: [[(&str, f64); 3]; 4] = [
    [
        ("supports", 0.30),
        ("eases_tension", 0.17),
        ("agrees", 0.53),
    ],
    [
        ("gives_direction", 0.25),
        ("gives_opinion", 0.40),
        ("gives_information", 0.35),
    ],
    [
        ("asks_information", 0.50),
        ("asks_opinion", 0.35),
        ("asks_direction", 0.15),
    ],
    [
        ("disagrees", 0.60),
        ("shows_tension", 0.28),
        ("turns_against", 0.12),
    ],
];

/// Where the four shared "moments to note" fall, as shares of the session.
const MARKERS_AT: [f64; 4] = [0.18, 0.42, 0.66, 0.88];

/// What really happens in the room.
#[derive(Clone, Debug, PartialEq)]
enum Happening {
    Act {
        actor: Actor,
        area: usize,
        code: &'static str,
    },
    Meta {
        actor: Actor,
        code: &'static str,
        modifier: Option<&'static str>,
    },
    Silence {
        duration_ms: u64,
    },
    /// A moment both mediators mark (the index among the session's markers).
    Marker(usize),
}

/// One work session as it happened: happenings at real times (milliseconds since the session
/// began), in time order.
#[derive(Clone, Debug)]
pub(super) struct Script {
    happenings: Vec<(u64, Happening)>,
    pub length_ms: u64,
}

fn act_code(rng: &mut Rng, area: usize) -> &'static str {
    let codes = &AREA_CODES[area];
    codes[rng.weighted(&codes.map(|c| c.1))].0
}

/// Meta-communication that happens "about this often", with little luck involved: each kind
/// banks its probability at every opportunity and happens when the bank holds a whole one (each
/// deposit jittered), so that a session's counts follow its story closely — a story told by
/// four sessions must not be drowned by the draws — while the moments stay irregular.
struct Tendencies {
    banks: Vec<f64>,
}

impl Tendencies {
    const INTERRUPT: usize = 0;
    const TALK_OVER: usize = 1;
    const BUILD: usize = 2;
    const REFORMULATE: usize = 3;
    const ACCEPT: usize = 4;
    const WHY: usize = 5;
    const PROPOSE: usize = 6;

    fn new(rng: &mut Rng) -> Self {
        Tendencies {
            banks: (0..2 * 7).map(|_| rng.unit()).collect(),
        }
    }

    fn happens(&mut self, kind: usize, actor: Actor, p: f64, rng: &mut Rng) -> bool {
        let bank = &mut self.banks[kind * 2 + actor.index()];
        *bank += p * rng.between(0.5, 1.5);
        let yes = *bank >= 1.0;
        if yes {
            *bank -= 1.0;
        }
        yes
    }
}

/// Draws what happens in one session that goes as `s` says.
pub(super) fn script(s: &Session, rng: &mut Rng) -> Script {
    let length_ms = rng.range(s.minutes.0, s.minutes.1) * 60_000;
    let mut out: Vec<(u64, Happening)> = MARKERS_AT
        .iter()
        .enumerate()
        .map(|(k, f)| {
            let at = (f * length_ms as f64) as u64 + rng.range(0, 45_000);
            (at, Happening::Marker(k))
        })
        .collect();
    let p_silence = s.silences_per_10_min * s.act_gap_ms / 600_000.0;
    let mut tend = Tendencies::new(rng);
    let mut t = rng.range(10_000, 18_000);
    let mut last: Option<(Actor, &'static str)> = None;
    while t + 8_000 < length_ms {
        let actor = if rng.chance(s.ceo_floor) {
            Actor::Ceo
        } else {
            Actor::Candidate
        };
        let a = actor.index();
        let area = rng.weighted(&s.areas[a]);
        let code = act_code(rng, area);
        out.push((t, Happening::Act { actor, area, code }));
        let mut meta_t = t + rng.range(400, 900);
        let mut meta = |rng: &mut Rng, code: &'static str, modifier: Option<&'static str>| {
            out.push((
                meta_t,
                Happening::Meta {
                    actor,
                    code,
                    modifier,
                },
            ));
            meta_t += rng.range(300, 700);
        };
        let mut happens = |kind, p, rng: &mut Rng| tend.happens(kind, actor, p, rng);
        if let Some((_, before_code)) = last.filter(|(x, _)| *x != actor) {
            if happens(Tendencies::INTERRUPT, s.interrupt[a], rng) {
                meta(rng, "interrupts", None);
            }
            if happens(Tendencies::TALK_OVER, s.talk_over[a], rng) {
                meta(rng, "talks_over", None);
            }
            if happens(Tendencies::BUILD, s.build[a], rng) {
                meta(rng, "builds_on", None);
            }
            if happens(Tendencies::REFORMULATE, s.reformulate[a], rng) {
                let how = if rng.chance(s.distorting) {
                    "distorting"
                } else {
                    "faithful"
                };
                meta(rng, "reformulates", Some(how));
            }
            if before_code == "disagrees" && happens(Tendencies::ACCEPT, s.accept_refusal[a], rng) {
                meta(rng, "accepts_refusal", None);
            }
        }
        if area == Area::Questions.index() && happens(Tendencies::WHY, s.why[a], rng) {
            meta(rng, "asks_why", None);
        }
        if area == Area::AttemptedAnswers.index() && happens(Tendencies::PROPOSE, s.propose[a], rng)
        {
            let kind = if rng.chance(0.7) {
                "new"
            } else {
                "alternative"
            };
            meta(rng, "proposes", Some(kind));
        }
        last = Some((actor, code));
        let next = t + rng.wait(1_500.0, s.act_gap_ms) as u64;
        t = next.max(meta_t + 200);
        if rng.chance(p_silence) {
            let start = t + rng.range(300, 1_500);
            let duration_ms = rng.between(3_000.0, s.longest_silence_ms) as u64;
            // A silence ends before the session does (the mediators stop their clocks then).
            if start + duration_ms + 8_000 < length_ms {
                out.push((start, Happening::Silence { duration_ms }));
                t = start + duration_ms + rng.range(300, 1_200);
                last = None;
            }
        }
    }
    sorting::sort_by_key(&mut out, |(at, _)| *at);
    Script {
        happenings: out,
        length_ms,
    }
}

/// How a mediator sees and codes.
#[derive(Clone, Copy, Debug)]
pub(super) struct Eye {
    /// Mean reaction delay (ms), and its spread either way.
    pub delay_ms: u64,
    pub spread_ms: u64,
    pub miss_act: f64,
    /// Presses another code of the same area.
    pub confuse: f64,
    pub miss_meta: f64,
    /// Logs an act nobody else saw (an "agrees" by the other person).
    pub extra: f64,
    /// Presses a wrong key, undoes it, presses the right one.
    pub slip: f64,
    /// Rates a dimension one level off the story (the first mediator keeps to it, so that
    /// the story shows in the mean of the two).
    pub rating_noise: f64,
}

/// The sample's two mediators: close readers of the same session, not identical ones.
pub(super) const EYES: [Eye; 2] = [
    Eye {
        delay_ms: 700,
        spread_ms: 250,
        miss_act: 0.03,
        confuse: 0.05,
        miss_meta: 0.08,
        extra: 0.01,
        slip: 0.008,
        rating_noise: 0.0,
    },
    Eye {
        delay_ms: 950,
        spread_ms: 300,
        miss_act: 0.05,
        confuse: 0.08,
        miss_meta: 0.12,
        extra: 0.02,
        slip: 0.01,
        rating_noise: 0.2,
    },
];

/// One key press (or a few in a row) of a mediator, planned at a wall-clock offset.
enum Step {
    Add {
        id: Uuid,
        actor: Option<Actor>,
        code: String,
        modifier: Option<String>,
    },
    End(Uuid),
    Note(Uuid, String),
    /// A wrong code, undone, then the right one.
    Slip {
        wrong: Uuid,
        wrong_code: &'static str,
        right: Uuid,
        actor: Actor,
        code: &'static str,
    },
    Pause,
}

/// Where a mediator's session happens in time.
pub(super) struct Room {
    /// The real start of the session.
    pub t0: DateTime<Utc>,
    /// When this mediator started their clock, after `t0`.
    pub clock_start_ms: u64,
    /// The notes this mediator writes, each just after the marker of the same index.
    pub notes: Vec<(usize, String)>,
}

pub(super) fn at(t0: DateTime<Utc>, ms: u64) -> DateTime<Utc> {
    t0 + TimeDelta::milliseconds(ms as i64)
}

/// Applies one change; the generator only plans changes the reducer accepts (the tests hold
/// it to that), and a refused one would change nothing, so the sample stays valid anyway.
pub(super) fn apply(
    o: &mut Observation,
    scheme: &Scheme,
    bars: &Bars,
    action: &ObservationAction,
    now: DateTime<Utc>,
) {
    let result = o.apply_mut_with(scheme, Some(bars), action, now);
    debug_assert!(result.is_ok(), "{action:?} refused: {result:?}");
}

/// Plans one mediator's key presses for `script`.
fn plan(script: &Script, eye: &Eye, room: &Room, ids: &mut Ids, rng: &mut Rng) -> Vec<(u64, Step)> {
    let mut steps: Vec<(u64, Step)> = Vec::new();
    let seen = |rng: &mut Rng, real: u64| {
        real + eye.delay_ms + rng.range(0, 2 * eye.spread_ms) - eye.spread_ms
    };
    for (real, h) in &script.happenings {
        let when = seen(rng, *real);
        match h {
            Happening::Act { actor, area, code } => {
                if rng.chance(eye.miss_act) {
                    continue;
                }
                let code = if rng.chance(eye.confuse) {
                    act_code(rng, *area)
                } else {
                    code
                };
                if rng.chance(eye.slip) {
                    let wrong_code = act_code(rng, (*area + 1) % 4);
                    steps.push((
                        when,
                        Step::Slip {
                            wrong: ids.next(),
                            wrong_code,
                            right: ids.next(),
                            actor: *actor,
                            code,
                        },
                    ));
                } else {
                    steps.push((when, add(ids, Some(*actor), code, None)));
                }
                if rng.chance(eye.extra) {
                    let extra = add(ids, Some(actor.other()), "agrees", None);
                    steps.push((when + rng.range(900, 1_500), extra));
                }
            }
            Happening::Meta {
                actor,
                code,
                modifier,
            } => {
                if !rng.chance(eye.miss_meta) {
                    steps.push((when, add(ids, Some(*actor), code, *modifier)));
                }
            }
            Happening::Silence { duration_ms } => {
                let id = ids.next();
                steps.push((
                    when,
                    Step::Add {
                        id,
                        actor: None,
                        code: "silence".into(),
                        modifier: None,
                    },
                ));
                steps.push((seen(rng, real + duration_ms), Step::End(id)));
            }
            Happening::Marker(k) => {
                steps.push((when, add(ids, None, "moment", None)));
                for (_, text) in room.notes.iter().filter(|(m, _)| m == k) {
                    let note = Step::Note(ids.next(), text.clone());
                    steps.push((when + rng.range(3_000, 9_000), note));
                }
            }
        }
    }
    let end = script.length_ms + eye.delay_ms + rng.range(1_000, 4_000);
    steps.push((end, Step::Pause));
    sorting::sort_by_key(&mut steps, |(t, _)| *t);
    steps
}

fn add(ids: &mut Ids, actor: Option<Actor>, code: &str, modifier: Option<&str>) -> Step {
    Step::Add {
        id: ids.next(),
        actor,
        code: code.to_owned(),
        modifier: modifier.map(str::to_owned),
    }
}

/// One mediator's coding of `script`, from a fresh draft `o` to the end of the session: the
/// clock is paused, nothing rated yet.
pub(super) fn code(
    mut o: Observation,
    script: &Script,
    eye: &Eye,
    room: &Room,
    (scheme, bars): (&Scheme, &Bars),
    ids: &mut Ids,
    rng: &mut Rng,
) -> Observation {
    let steps = plan(script, eye, room, ids, rng);
    let t0 = room.t0;
    apply(
        &mut o,
        scheme,
        bars,
        &ObservationAction::StartClock,
        at(t0, room.clock_start_ms),
    );
    for (when, step) in steps {
        let now = at(t0, when);
        match step {
            Step::Add {
                id,
                actor,
                code,
                modifier,
            } => {
                let action = ObservationAction::AddEvent {
                    id,
                    actor,
                    code,
                    modifier,
                };
                apply(&mut o, scheme, bars, &action, now);
            }
            Step::End(id) => apply(
                &mut o,
                scheme,
                bars,
                &ObservationAction::EndState { id },
                now,
            ),
            Step::Note(id, text) => {
                let action = ObservationAction::AddNote {
                    id,
                    text,
                    at_ms: None,
                };
                apply(&mut o, scheme, bars, &action, now);
            }
            Step::Slip {
                wrong,
                wrong_code,
                right,
                actor,
                code,
            } => {
                let press = |id, code: &str| ObservationAction::AddEvent {
                    id,
                    actor: Some(actor),
                    code: code.to_owned(),
                    modifier: None,
                };
                apply(&mut o, scheme, bars, &press(wrong, wrong_code), now);
                let undo = ObservationAction::UndoLastEvent;
                apply(&mut o, scheme, bars, &undo, at(t0, when + 1));
                apply(&mut o, scheme, bars, &press(right, code), at(t0, when + 2));
            }
            Step::Pause => apply(&mut o, scheme, bars, &ObservationAction::PauseClock, now),
        }
    }
    o
}

/// The codes whose events support a rating of each dimension of the default grid.
fn evidence_codes(dimension: &str) -> &'static [&'static str] {
    match dimension {
        "listening_reformulation" => &["reformulates"],
        "co_construction" => &["builds_on", "proposes"],
        "handling_disagreement" => &["accepts_refusal", "disagrees"],
        "stakes_why" => &["asks_why"],
        "role_respect" => &["interrupts", "talks_over", "supports"],
        "energy_pace" => &["silence", "eases_tension"],
        _ => &[],
    }
}

/// Up to three events of `codes`, spread over the session.
fn evidence(o: &Observation, codes: &[&str], rng: &mut Rng) -> Vec<Uuid> {
    let matching: Vec<Uuid> = o
        .events
        .iter()
        .filter(|e| codes.contains(&e.code.as_str()))
        .map(|e| e.id)
        .collect();
    let k = matching.len().min(3);
    let mut out: Vec<Uuid> = (0..k)
        .map(|i| {
            let slot = matching.len() / k;
            matching[i * slot + rng.range(0, slot as u64 - 1) as usize]
        })
        .collect();
    out.dedup();
    out
}

/// What a mediator writes after the session: a level and a comment per dimension.
pub(super) struct Verdict<'a> {
    pub levels: [u8; 6],
    pub comment: &'a dyn Fn(usize, u8) -> String,
    pub synthesis: String,
}

/// Rates every dimension (each level possibly one off, as this mediator's eye goes), writes the
/// synthesis and submits, starting at `from`.
pub(super) fn rate_and_submit(
    o: &mut Observation,
    verdict: &Verdict,
    eye: &Eye,
    (scheme, bars): (&Scheme, &Bars),
    rng: &mut Rng,
    from: DateTime<Utc>,
) {
    let mut now = from;
    for (i, d) in bars.dimensions.iter().enumerate() {
        let story = verdict.levels.get(i).copied().unwrap_or(3);
        let level = if rng.chance(eye.rating_noise) {
            if rng.chance(0.5) {
                story.saturating_sub(1).max(1)
            } else {
                (story + 1).min(5)
            }
        } else {
            story
        };
        let action = ObservationAction::Rate {
            dimension: d.id.clone(),
            level,
            evidence: evidence(o, evidence_codes(&d.id), rng),
            comment: (verdict.comment)(i, level),
        };
        apply(o, scheme, bars, &action, now);
        now += TimeDelta::seconds(rng.range(40, 120) as i64);
    }
    let text = ObservationAction::SetSynthesis {
        text: verdict.synthesis.clone(),
    };
    apply(o, scheme, bars, &text, now);
    now += TimeDelta::seconds(rng.range(120, 300) as i64);
    apply(o, scheme, bars, &ObservationAction::Submit, now);
}

/// A later reading of the same coding: `changes` "talks over" events recoded as interruptions
/// (or, when there are none, the last acts recoded as disagreements).
pub(super) fn recode(
    o: &mut Observation,
    changes: usize,
    (scheme, bars): (&Scheme, &Bars),
    now: DateTime<Utc>,
) {
    let mut picked: Vec<_> = o
        .events
        .iter()
        .filter(|e| e.code == "talks_over")
        .take(changes)
        .map(|e| (e.clone(), "interrupts"))
        .collect();
    if picked.is_empty() {
        picked = o
            .events
            .iter()
            .rev()
            .filter(|e| e.code == "gives_opinion")
            .take(changes)
            .map(|e| (e.clone(), "disagrees"))
            .collect();
    }
    for (e, code) in picked {
        let action = ObservationAction::EditEvent {
            id: e.id,
            fields: crate::domain::observation::log::EventFields {
                actor: e.actor,
                code: code.to_owned(),
                modifier: None,
                at_ms: e.at_ms,
                duration_ms: None,
            },
        };
        apply(o, scheme, bars, &action, now);
    }
}
