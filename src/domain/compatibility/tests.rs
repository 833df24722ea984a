//! Hand-built cases of the compatibility picture: figures counted by hand, trends up, down and
//! flat over 2 and 3 sessions, one mediator, missing debriefs, drafts, diverging versions,
//! observations without a candidate, points to discuss, the comparison and its CSV; and a
//! property: the picture does not depend on the order files were imported in.

use super::*;
use crate::domain::campaign::tests::sample;
use crate::domain::campaign::{InstrumentId, Person, VersionChoice, WorkSession};
use crate::domain::instrument::definition::{DebriefSide, Keyed};
use crate::domain::instrument::score::{filled, Response};
use crate::domain::lang::Lang;
use crate::domain::observation::agreement::Measure;
use crate::domain::observation::clock::Clock;
use crate::domain::observation::log::{Event, Observation, ObservationStatus, SchemeRef};
use crate::domain::observation::merge::fingerprint;
use crate::domain::observation::rating::{BarsRef, Rating};
use crate::domain::observation::scheme::{default_scheme, Actor, Tag};
use crate::domain::survey::leader_id;
use chrono::{DateTime, Utc};
use proptest::prelude::*;
use Actor::{Candidate as V, Ceo as C};

fn id(n: u128) -> Uuid {
    Uuid::from_u128(n)
}

fn t(s: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(1_764_000_000 + s, 0).unwrap()
}

/// Candidates 10, 11…; mediators 20 (Amina) and 21 (Bruno); sessions 30, 31, 32 (and 33).
fn campaign(candidates: usize, sessions: usize) -> Campaign {
    let mut c = sample();
    let names = ["Jean Dupont", "Zoé Martin", "alice Roy", "Marc Petit"];
    c.candidates = (0..candidates)
        .map(|k| Person {
            id: id(10 + k as u128),
            name: names[k].into(),
            email: String::new(),
        })
        .collect();
    c.mediators.push(Person {
        id: id(21),
        name: "Bruno Leroy".into(),
        email: String::new(),
    });
    c.sessions = (0..sessions)
        .map(|k| WorkSession::empty(id(30 + k as u128)))
        .collect();
    c.instruments.push(InstrumentId::SessionDebrief);
    c
}

/// One coded event at `s` seconds.
type Coded = (u64, Option<Actor>, &'static str);

/// A submitted observation, `n` its id, of the `session`-th session (0-based) by mediator
/// `20 + mediator`, with `candidate`, coded with `events` over `length_s` seconds and rated
/// `levels` on the grid's six dimensions (in the grid's order; 0 = not rated).
#[allow(clippy::too_many_arguments)]
fn observation(
    n: u128,
    c: &Campaign,
    session: usize,
    mediator: u128,
    candidate: Option<Uuid>,
    events: &[Coded],
    levels: [u8; 6],
    length_s: u64,
) -> Observation {
    let bars = default_bars();
    let mut ratings: Vec<Rating> = bars
        .dimensions
        .iter()
        .zip(levels)
        .filter(|(_, l)| *l > 0)
        .map(|(d, level)| Rating {
            dimension: d.id.clone(),
            level,
            evidence: Vec::new(),
            comment: String::new(),
        })
        .collect();
    ratings.sort_by(|a, b| a.dimension.cmp(&b.dimension));
    let mut events: Vec<Event> = events
        .iter()
        .enumerate()
        .map(|(k, (s, actor, code))| Event {
            id: id(n * 1000 + k as u128),
            seq: k as u64 + 1,
            at_ms: s * 1000,
            actor: *actor,
            code: (*code).into(),
            modifier: None,
            duration_ms: None,
        })
        .collect();
    events.sort_by_key(|e| (e.at_ms, e.seq));
    Observation {
        id: id(n),
        campaign_id: c.id,
        session_id: c.sessions[session].id,
        mediator_id: id(20 + mediator),
        candidate_id: candidate,
        scheme: SchemeRef::of(default_scheme()),
        clock: Clock {
            started_at: Some(t(0)),
            running_since: None,
            banked_ms: length_s * 1000,
        },
        revision: events.len() as u64 + 10,
        events: events.into(),
        notes: Vec::new(),
        bars: Some(BarsRef::of(bars)),
        ratings,
        synthesis: String::new(),
        status: ObservationStatus::Submitted,
        submitted_at: Some(t(length_s as i64)),
        created_at: t(0),
        updated_at: t(length_s as i64),
    }
}

/// A debrief of the `session`-th session by `side`, each facet answered at `levels[f]` (keyed
/// score, 1–5: POMP 25 × (level − 1)), in the debrief's facet order.
fn debrief(
    n: u128,
    c: &Campaign,
    session: usize,
    cand: Uuid,
    side: DebriefSide,
    levels: [u8; 6],
) -> Response {
    let inst = crate::domain::instrument::builtin::debrief_for(side);
    let facets: Vec<&str> = inst.facets.iter().map(|f| f.id.as_str()).collect();
    let (who, about) = match side {
        DebriefSide::Leader => (leader_id(c.id), Some(cand)),
        DebriefSide::Candidate => (cand, None),
    };
    let mut r = filled(&inst.id, id(n), c.id, who, about, 4000, |i, it| {
        let k = facets.iter().position(|f| *f == it.facet).unwrap();
        let level = levels[k];
        Some(match it.keyed {
            Keyed::Plus => level,
            Keyed::Minus => i.points() + 1 - level,
        })
    });
    r.session_id = Some(c.sessions[session].id);
    r
}

fn fieldwork(c: &Campaign, observations: &[Observation], responses: &[Response]) -> Fieldwork {
    let (fw, _) = Fieldwork::default().import(&[], observations);
    let (fw, report) = fw.import_responses(responses, std::slice::from_ref(c));
    assert_eq!(report.refused, 0, "{:?}", report.first_refusal);
    fw
}

/// The hand session of mediator A (10 minutes): the leader 3 acts (gives information, agrees,
/// disagrees), the candidate 2 (gives an opinion, agrees); the candidate builds on twice, the
/// leader interrupts once.
const HAND_A: [Coded; 8] = [
    (10, Some(C), "gives_information"),
    (20, Some(V), "gives_opinion"),
    (30, Some(V), "builds_on"),
    (40, Some(C), "agrees"),
    (50, Some(V), "agrees"),
    (60, Some(C), "disagrees"),
    (70, Some(V), "builds_on"),
    (80, Some(C), "interrupts"),
];

fn working(s: &SessionPicture, index: WorkingIndex) -> &WorkingValue {
    s.working.iter().find(|w| w.index == index).unwrap()
}

fn close(a: Option<f64>, b: f64) {
    let a = a.expect("a value");
    assert!((a - b).abs() < 1e-9, "{a} != {b}");
}

#[test]
fn one_session_is_counted_by_hand() {
    let c = campaign(1, 3);
    let cand = c.candidates[0].id;
    // Mediator B saw the same, and one more candidate act: the candidate gives information.
    let mut hand_b = HAND_A.to_vec();
    hand_b.push((90, Some(V), "gives_information"));
    let a = observation(1, &c, 0, 0, Some(cand), &HAND_A, [2, 3, 4, 5, 3, 2], 600);
    let b = observation(2, &c, 0, 1, Some(cand), &hand_b, [2, 3, 4, 5, 3, 3], 600);
    let leader = debrief(100, &c, 0, cand, DebriefSide::Leader, [5, 4, 3, 3, 3, 5]);
    let own = debrief(101, &c, 0, cand, DebriefSide::Candidate, [3, 4, 3, 2, 3, 5]);
    let fw = fieldwork(&c, &[a, b], &[leader, own]);
    let p = picture(&c, &fw, cand).unwrap();
    let s = &p.sessions[0];
    assert_eq!(
        s.session,
        SessionRef {
            number: 1,
            id: id(30)
        }
    );
    assert_eq!(s.observations.len(), 2);
    assert_eq!(s.observations[0].mediator_id, id(20));
    assert_eq!(s.observations[0].length_ms, 600_000);
    // Ratings: the mean of the two mediators, per dimension.
    close(s.ratings[0].mean, 2.0);
    close(s.ratings[5].mean, 2.5);
    assert_eq!(s.ratings[5].levels, vec![Some(2), Some(3)]);
    // Floor balance: A 3 vs 2 acts → 1 − 1/5 = 0.8; B 3 vs 3 → 1.0; mean 0.9.
    let fb = working(s, WorkingIndex::FloorBalance);
    assert_eq!(fb.values.len(), 2);
    close(fb.values[0], 0.8);
    close(fb.values[1], 1.0);
    close(fb.mean, 0.9);
    // Climate: 2 positive (agrees × 2) ÷ 1 negative (disagrees) = 2 for both.
    close(s.working(WorkingIndex::Climate), 2.0);
    // Builds on, the candidate: 2 in 10 minutes; the leader: none; the leader interrupts once.
    close(
        s.working(WorkingIndex::Rate {
            tag: Tag::BuildsOn,
            actor: V,
        }),
        2.0,
    );
    close(
        s.working(WorkingIndex::Rate {
            tag: Tag::BuildsOn,
            actor: C,
        }),
        0.0,
    );
    close(
        s.working(WorkingIndex::Rate {
            tag: Tag::Interrupts,
            actor: C,
        }),
        1.0,
    );
    // Agreement on ratings: two mediators, five equal levels of six: alpha read.
    match &s.agreement {
        AgreementReading::Read {
            ratings,
            rated_by_two,
            ..
        } => {
            assert_eq!(*rated_by_two, 6);
            assert!(ratings.unwrap() > 0.8, "{ratings:?}");
        }
        other => panic!("{other:?}"),
    }
    // Debriefs: leader 100, 75, 50, 50, 50, 100; candidate 50, 75, 50, 25, 50, 100.
    let d = &s.debriefs;
    assert_eq!(d[0].facet, "mutual-understanding");
    close(d[0].leader, 100.0);
    close(d[0].candidate, 50.0);
    close(d[0].gap, 50.0);
    assert!(d[0].large);
    close(d[3].gap, 25.0);
    assert!(d[3].large, "25 points is large (from 25)");
    assert!(!d[1].large);
    // Mean gap: (50 + 0 + 0 + 25 + 0 + 0) / 6 = 12.5.
    close(s.mean_gap, 12.5);
    assert_eq!(s.facets_compared, 6);
    assert!(s.notes.is_empty(), "{:?}", s.notes);
    // Sessions 2 and 3 are not held yet: one note each, and every trend needs 2 sessions.
    assert_eq!(p.sessions[1].notes, vec![SessionNote::NothingYet]);
    assert!(p.parts.iter().all(|x| x.reading.trend
        == Trend::NotEnough {
            sessions: x.values.iter().flatten().count()
        }));
    // The large gaps are points to discuss, with their figures.
    assert!(p.points.contains(&Point::LargeGap {
        session: s.session,
        facet: "mutual-understanding".into(),
        leader: 100.0,
        candidate: 50.0,
        gap: 50.0,
    }));
    // Provenance: both observations (each the only version of itself), both debriefs.
    let used = &p.provenance.observations[0].1;
    assert_eq!(used.len(), 2);
    assert_eq!(
        (used[0].revision, used[0].chosen_version.clone()),
        (18, None)
    );
    assert_eq!(p.provenance.responses.len(), 2);
    assert_eq!(p.provenance.responses[0].id, id(100));
}

/// Ratings at `level` on every dimension, builds-on by the candidate `builds` times, and the
/// leader interrupting `interrupts` times, in a 10-minute session.
fn coded(builds: usize, interrupts: usize) -> Vec<Coded> {
    let mut e: Vec<Coded> = vec![
        (5, Some(C), "gives_information"),
        (15, Some(V), "gives_opinion"),
        (25, Some(C), "agrees"),
        (35, Some(V), "agrees"),
    ];
    e.extend((0..builds).map(|k| (100 + 10 * k as u64, Some(V), "builds_on")));
    e.extend((0..interrupts).map(|k| (300 + 10 * k as u64, Some(C), "interrupts")));
    e
}

/// A campaign of three sessions where the ratings rise 2 → 3 → 4, the candidate builds on more
/// (1, 3, 5 per 10 min), the leader interrupts more (0, 2, 4), and the two debriefs converge
/// (mean gap 50, 25, 0).
fn three_sessions() -> (Campaign, Fieldwork) {
    let c = campaign(1, 3);
    let cand = c.candidates[0].id;
    let mut obs = Vec::new();
    let mut resp = Vec::new();
    for (k, level) in [2u8, 3, 4].into_iter().enumerate() {
        let events = coded(1 + 2 * k, 2 * k);
        for m in 0..2 {
            obs.push(observation(
                1 + 10 * k as u128 + m,
                &c,
                k,
                m,
                Some(cand),
                &events,
                [level; 6],
                600,
            ));
        }
        let own = 5 - 2 * (2 - k as u8).min(2);
        resp.push(debrief(
            100 + k as u128,
            &c,
            k,
            cand,
            DebriefSide::Leader,
            [5; 6],
        ));
        resp.push(debrief(
            200 + k as u128,
            &c,
            k,
            cand,
            DebriefSide::Candidate,
            [own; 6],
        ));
    }
    (c.clone(), fieldwork(&c, &obs, &resp))
}

#[test]
fn three_sessions_make_consistent_trends() {
    let (c, fw) = three_sessions();
    let p = picture(&c, &fw, c.candidates[0].id).unwrap();
    let rating = p.series(&Part::Rating("co_construction".into())).unwrap();
    assert_eq!(rating.values, vec![Some(2.0), Some(3.0), Some(4.0)]);
    assert_eq!(rating.reading.trend, Trend::Rising { consistent: true });
    close(rating.reading.change, 2.0);
    close(rating.reading.tolerance, 0.5);
    close(rating.mean, 3.0);
    let ratings = p.summary(PartGroup::Ratings).unwrap();
    assert_eq!(
        (ratings.total, ratings.rising, ratings.rising_consistent),
        (6, 6, 6)
    );
    // The candidate builds on 1, 3, 5 times per 10 minutes: rising, consistent.
    let builds = p
        .series(&Part::Working(WorkingIndex::Rate {
            tag: Tag::BuildsOn,
            actor: V,
        }))
        .unwrap();
    assert_eq!(builds.values, vec![Some(1.0), Some(3.0), Some(5.0)]);
    assert_eq!(builds.reading.trend, Trend::Rising { consistent: true });
    // Candidate's debrief 1 → 3 → 5 (POMP 0, 50, 100), the leader's stays at 100: the gap
    // falls 100 → 50 → 0, the debriefs converge.
    let gap = p.series(&Part::Convergence).unwrap();
    assert_eq!(gap.values, vec![Some(100.0), Some(50.0), Some(0.0)]);
    assert_eq!(p.convergence(), Trend::Falling { consistent: true });
    let leader = p
        .series(&Part::Debrief(DebriefSide::Leader, "pace-energy".into()))
        .unwrap();
    assert_eq!(leader.reading.trend, Trend::Stable);
    // The leader interrupts 0, 2, 4 per 10 min: rising, and that reads worse: a point.
    let interrupts = Part::Working(WorkingIndex::Rate {
        tag: Tag::Interrupts,
        actor: C,
    });
    assert!(p.points.contains(&Point::Rising {
        part: interrupts,
        consistent: true
    }));
    // Nothing falls that reads better higher; the gap of session 1 (100) is a point.
    assert!(!p.points.iter().any(|x| matches!(x, Point::Falling { .. })));
    assert!(p
        .points
        .iter()
        .any(|x| matches!(x, Point::LargeGap { session, .. } if session.number == 1)));
    // Identical codings: the mediators agree, no such point.
    assert!(!p
        .points
        .iter()
        .any(|x| matches!(x, Point::MediatorsDisagree { .. })));
}

#[test]
fn falling_ratings_over_two_sessions_are_a_point_but_not_consistent() {
    let c = campaign(1, 4);
    let cand = c.candidates[0].id;
    let obs = [
        observation(1, &c, 0, 0, Some(cand), &coded(1, 0), [4; 6], 600),
        observation(2, &c, 2, 0, Some(cand), &coded(1, 0), [2; 6], 600),
    ];
    let fw = fieldwork(&c, &obs, &[]);
    let p = picture(&c, &fw, cand).unwrap();
    let r = p.series(&Part::Rating("stakes_why".into())).unwrap();
    assert_eq!(r.values, vec![Some(4.0), None, Some(2.0), None]);
    assert_eq!(r.reading.trend, Trend::Falling { consistent: false });
    assert!(p.points.contains(&Point::Falling {
        part: Part::Rating("stakes_why".into()),
        consistent: false
    }));
    // The same coding twice: stable working indices.
    let builds = p
        .series(&Part::Working(WorkingIndex::Rate {
            tag: Tag::BuildsOn,
            actor: V,
        }))
        .unwrap();
    assert_eq!(builds.reading.trend, Trend::Stable);
    // One mediator per session, no debrief: plain notes, never a zero.
    let s = &p.sessions[0];
    assert_eq!(
        s.notes,
        vec![
            SessionNote::OneMediator,
            SessionNote::NoLeaderDebrief,
            SessionNote::NoCandidateDebrief
        ]
    );
    assert_eq!(s.agreement, AgreementReading::NotApplicable);
    assert_eq!(s.mean_gap, None);
    assert!(s
        .debriefs
        .iter()
        .all(|f| f.leader.is_none() && f.gap.is_none()));
    assert_eq!(p.convergence(), Trend::NotEnough { sessions: 0 });
    assert_eq!(p.sessions[1].notes, vec![SessionNote::NothingYet]);
    assert!(p.points.contains(&Point::Missing(Missing::Session {
        session: s.session,
        note: SessionNote::OneMediator
    })));
}

#[test]
fn drafts_unchosen_versions_and_unnamed_candidates_do_not_count() {
    let c = campaign(2, 3);
    let (jean, zoe) = (c.candidates[0].id, c.candidates[1].id);
    let mut draft = observation(1, &c, 0, 0, Some(jean), &HAND_A, [3; 6], 600);
    draft.status = ObservationStatus::Draft;
    draft.submitted_at = None;
    // Bruno's observation came in two submitted versions that differ.
    let v1 = observation(2, &c, 0, 1, Some(jean), &HAND_A, [3; 6], 600);
    let mut v2 = v1.clone();
    // Ratings are stored by dimension id: the first is co_construction.
    v2.ratings[0].level = 5;
    // An older observation of session 2, naming no candidate, in a two-candidate campaign.
    let unnamed = observation(3, &c, 1, 0, None, &HAND_A, [3; 6], 600);
    // Zoé's session 1, which never counts for Jean.
    let other = observation(4, &c, 0, 0, Some(zoe), &HAND_A, [1; 6], 600);
    let observations = [draft, v1.clone(), v2.clone(), unnamed, other];
    let fw = fieldwork(&c, &observations, &[]);
    assert_eq!(fw.observations.conflicts.len(), 1);
    let p = picture(&c, &fw, jean).unwrap();
    let s = &p.sessions[0];
    assert!(s.observations.is_empty());
    assert_eq!(
        s.notes,
        vec![
            SessionNote::NotSubmitted { mediator: id(20) },
            SessionNote::VersionsNotChosen {
                mediator: id(21),
                versions: 2
            },
            SessionNote::NoObservation,
            SessionNote::NoLeaderDebrief,
            SessionNote::NoCandidateDebrief
        ]
    );
    assert!(s.ratings.iter().all(|r| r.mean.is_none()));
    assert_eq!(
        p.sessions[1].notes[0],
        SessionNote::WithoutCandidate { mediator: id(20) }
    );
    // Once the recruiter chooses v2, it counts, named by its fingerprint.
    let mut chosen = c.clone();
    let fp = fingerprint(&v2);
    chosen.version_choices.push(VersionChoice {
        observation_id: v2.id,
        version: fp.clone(),
        chosen_at: t(900),
    });
    let p = picture(&chosen, &fw, jean).unwrap();
    let s = &p.sessions[0];
    assert_eq!(s.observations.len(), 1);
    assert_eq!(s.observations[0].chosen_version, Some(fp));
    close(s.rating("co_construction"), 5.0);
    close(s.rating("stakes_why"), 3.0);
    assert!(s.notes.contains(&SessionNote::OneMediator));
    // With one candidate only, the unnamed observation counts for them.
    let mut alone = c.clone();
    alone.candidates.truncate(1);
    let p = picture(&alone, &fw, jean).unwrap();
    assert_eq!(p.sessions[1].observations.len(), 1);
    assert_eq!(
        picture(&alone, &fw, zoe),
        None,
        "not a candidate of the campaign"
    );
}

#[test]
fn mediators_who_disagree_are_a_point_and_a_caveat() {
    let c = campaign(1, 3);
    let cand = c.candidates[0].id;
    let obs = [
        observation(1, &c, 0, 0, Some(cand), &HAND_A, [1, 5, 1, 5, 1, 5], 600),
        observation(2, &c, 0, 1, Some(cand), &HAND_A, [5, 1, 5, 1, 5, 1], 600),
    ];
    let fw = fieldwork(&c, &obs, &[]);
    let p = picture(&c, &fw, cand).unwrap();
    let s = &p.sessions[0];
    let AgreementReading::Read { ratings, low, .. } = &s.agreement else {
        panic!("{:?}", s.agreement);
    };
    assert!(ratings.unwrap() < 0.0);
    assert!(low.iter().any(|(m, _)| *m == Measure::RatingsInterval));
    assert!(p.points.iter().any(|x| matches!(
        x,
        Point::MediatorsDisagree { session, .. } if session.number == 1
    )));
    assert!(p
        .provenance
        .caveats
        .iter()
        .any(|x| matches!(x, Caveat::LowAgreement { .. })));
    // Every mean is 3: the ratings say nothing beyond their disagreement.
    close(s.ratings[0].mean, 3.0);
}

#[test]
fn the_context_brings_blind_spots_and_profile_flags() {
    use crate::domain::campaign::tests::sample as base;
    let mut c = campaign(2, 3);
    c.instruments = base().instruments;
    c.instruments.push(InstrumentId::SupportAxisProfile);
    c.instruments.push(InstrumentId::IntelligenceOfParadoxes);
    let cand = c.candidates[0].id;
    let at = |inst: &str, who: Uuid, about: Option<Uuid>, level: u8, n: u128| {
        filled(inst, id(n), c.id, who, about, 4000, |i, it| {
            Some(match it.keyed {
                Keyed::Plus => level,
                Keyed::Minus => i.points() + 1 - level,
            })
        })
    };
    let own = at("interpersonal-intelligence", cand, None, 5, 1);
    let ceo = at(
        "interpersonal-intelligence-observer",
        leader_id(c.id),
        Some(cand),
        2,
        2,
    );
    // The support-axis profile: finance at 5, every other axis at 1 → leans to finance.
    let profile = filled(
        "support-axis-profile",
        id(3),
        c.id,
        cand,
        None,
        4000,
        |i, it| {
            let level = if it.facet == "finance" { 5 } else { 1 };
            Some(match it.keyed {
                Keyed::Plus => level,
                Keyed::Minus => i.points() + 1 - level,
            })
        },
    );
    // Zoé's self-assessment too: alpha over two candidates' answers, computed but unstable.
    let other = at("interpersonal-intelligence", c.candidates[1].id, None, 3, 4);
    let fw = fieldwork(&c, &[], &[own, ceo, profile, other]);
    let p = picture(&c, &fw, cand).unwrap();
    assert!(!p.context.blind_spots.is_empty());
    assert!(p
        .points
        .iter()
        .any(|x| matches!(x, Point::BlindSpot(b) if b.construct == "interpersonal-intelligence")));
    let ProfileContext::Read { flags } = &p.context.profile else {
        panic!("{:?}", p.context.profile);
    };
    assert!(
        flags.contains(&crate::domain::assessment::profile::ProfileFlag::LeansTo(
            crate::domain::role::SupportAxis::Finance
        ))
    );
    assert!(p
        .points
        .iter()
        .any(|x| matches!(x, Point::UnbalancedProfile(_))));
    // The paradoxes are planned and not answered: missing.
    assert_eq!(
        p.context.unanswered,
        vec!["intelligence-of-paradoxes".to_owned()]
    );
    assert!(p.points.contains(&Point::Missing(Missing::SelfAssessment {
        construct: "intelligence-of-paradoxes".into()
    })));
    // Two candidates: alpha rests on two respondents, unstable.
    assert!(p
        .provenance
        .caveats
        .iter()
        .any(|x| matches!(x, Caveat::UnstableReliability { .. })));
    // The context is never a part: no trend is read from it.
    assert!(p
        .parts
        .iter()
        .all(|x| !matches!(x.part, Part::Debrief(..)) || x.mean.is_none()));
}

/// Three candidates: Jean rated 2 then 4, Zoé 4 then 4, Alice never observed.
fn three_candidates() -> (Campaign, Fieldwork) {
    let c = campaign(3, 3);
    let [jean, zoe] = [c.candidates[0].id, c.candidates[1].id];
    let obs = [
        observation(1, &c, 0, 0, Some(jean), &coded(1, 0), [2; 6], 600),
        observation(2, &c, 1, 0, Some(jean), &coded(3, 0), [4; 6], 600),
        observation(3, &c, 0, 0, Some(zoe), &coded(2, 1), [4; 6], 600),
        observation(4, &c, 1, 0, Some(zoe), &coded(2, 1), [4; 6], 600),
    ];
    let fw = fieldwork(&c, &obs, &[]);
    (c, fw)
}

#[test]
fn candidates_compare_side_by_side_and_sort_by_any_part() {
    let (c, fw) = three_candidates();
    let ids: Vec<Uuid> = c.candidates.iter().map(|p| p.id).collect();
    let cmp = compare(&c, &fw, &ids).unwrap();
    assert_eq!(cmp.columns.len(), 3);
    assert_eq!(cmp.sessions, 3);
    let names = |x: &Comparison| x.columns.iter().map(|c| c.name.clone()).collect::<Vec<_>>();
    assert_eq!(names(&cmp), ["Jean Dupont", "Zoé Martin", "alice Roy"]);
    let rating = Part::Rating("energy_pace".into());
    // Means: Jean 3, Zoé 4, Alice none (always last).
    let up = cmp.clone().sorted_by(&SortKey::Part(rating.clone()), false);
    assert_eq!(names(&up), ["Jean Dupont", "Zoé Martin", "alice Roy"]);
    let down = cmp.clone().sorted_by(&SortKey::Part(rating.clone()), true);
    assert_eq!(names(&down), ["Zoé Martin", "Jean Dupont", "alice Roy"]);
    assert_eq!(
        names(&cmp.clone().sorted_by(&SortKey::Name, false)),
        ["alice Roy", "Jean Dupont", "Zoé Martin"]
    );
    close(down.cell(0, &rating).unwrap().mean, 4.0);
    // Errors, as types.
    assert_eq!(
        compare(&c, &fw, &ids[..1]),
        Err(CompareError::TooFew { min: 2, got: 1 })
    );
    assert_eq!(
        compare(&c, &fw, &[ids[0], ids[0]]),
        Err(CompareError::Repeated(ids[0]))
    );
    assert_eq!(
        compare(&c, &fw, &[ids[0], id(999)]),
        Err(CompareError::UnknownCandidate(id(999)))
    );
    assert_eq!(
        compare(&c, &fw, &[ids[0], ids[1], ids[2], id(13), id(14)]),
        Err(CompareError::TooMany { max: 4, got: 5 })
    );
}

#[test]
fn the_comparison_csv_has_one_row_per_candidate_and_part() {
    let (mut c, fw) = three_candidates();
    c.candidates[1].name = "=Zoé".into();
    let cmp = compare(&c, &fw, &[c.candidates[0].id, c.candidates[1].id]).unwrap();
    let csv = comparison_csv(&cmp, Lang::En);
    assert!(csv.starts_with('\u{feff}'));
    let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').split("\r\n").collect();
    assert_eq!(lines.last(), Some(&""), "every row ends with CRLF");
    let parts = cmp.parts.len();
    assert_eq!(lines.len(), 1 + 2 * parts + 1);
    assert_eq!(
        lines[0],
        "campaign_id,candidate_id,candidate,part,part_name,session_1,session_2,session_3,\
         mean,sessions_with_value,trend,consistent,fitted_change,tolerance"
    );
    let campaign = c.id.to_string();
    let jean = id(10).to_string();
    // Jean, the first dimension: 2 then 4, rising over two sessions (not consistent).
    assert_eq!(
        lines[1],
        format!(
            "{campaign},{jean},Jean Dupont,rating:listening_reformulation,Listening and reformulation,\
             2.00,4.00,,3.00,2,rising,false,2.00,0.50"
        )
    );
    // Zoé's name is guarded against formulas; her builds-on is stable at 2 per 10 min.
    let zoe_builds = lines
        .iter()
        .find(|l| l.contains("'=Zoé") && l.contains("working:builds_on:candidate"))
        .unwrap();
    assert!(
        zoe_builds.ends_with(",2.00,2.00,,2.00,2,stable,,0.00,0.50"),
        "{zoe_builds}"
    );
    // The convergence with no debrief: empty cells, not enough sessions.
    let conv = lines
        .iter()
        .find(|l| l.contains(&jean) && l.contains(",convergence,"))
        .unwrap();
    assert!(conv.ends_with(",,,,,0,not_enough,,,"), "{conv}");
    // French titles, the same codes and numbers.
    let fr = comparison_csv(&cmp, Lang::Fr);
    assert!(fr.contains("id_campagne,id_candidat,candidat,élément"));
    assert!(fr.contains(",rising,false,2.00,0.50"));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// Whatever order the files come in, and even twice, every picture is the same.
    #[test]
    fn the_picture_does_not_depend_on_the_import_order(
        order in Just((0..7usize).collect::<Vec<_>>()).prop_shuffle(),
        twice in 0..7usize,
    ) {
        let c = campaign(2, 3);
        let (jean, zoe) = (c.candidates[0].id, c.candidates[1].id);
        let v1 = observation(2, &c, 1, 1, Some(jean), &HAND_A, [3; 6], 600);
        let mut v2 = v1.clone();
        v2.ratings[1].level = 1;
        let mut early = observation(5, &c, 2, 0, Some(zoe), &HAND_A, [3; 6], 600);
        early.status = ObservationStatus::Draft;
        early.submitted_at = None;
        early.revision -= 1;
        let files: Vec<(Vec<Observation>, Vec<Response>)> = vec![
            (vec![observation(1, &c, 0, 0, Some(jean), &coded(1, 0), [2; 6], 600)], vec![]),
            (vec![v1], vec![debrief(100, &c, 0, jean, DebriefSide::Leader, [4; 6])]),
            (vec![v2], vec![debrief(101, &c, 0, jean, DebriefSide::Candidate, [2; 6])]),
            (vec![observation(3, &c, 0, 1, Some(jean), &coded(2, 1), [4; 6], 600)], vec![]),
            (vec![early], vec![debrief(102, &c, 1, zoe, DebriefSide::Candidate, [3; 6])]),
            (vec![observation(5, &c, 2, 0, Some(zoe), &HAND_A, [3; 6], 600)], vec![]),
            (vec![observation(6, &c, 1, 0, None, &HAND_A, [3; 6], 600)], vec![]),
        ];
        let load = |order: &[usize]| {
            let mut fw = Fieldwork::default();
            for &k in order {
                let (obs, resp) = &files[k];
                fw = fw.import(&[], obs).0;
                fw = fw.import_responses(resp, std::slice::from_ref(&c)).0;
            }
            fw
        };
        let straight = load(&(0..7).collect::<Vec<_>>());
        let mut shuffled_order = order.clone();
        shuffled_order.push(twice);
        let shuffled = load(&shuffled_order);
        for cand in [jean, zoe] {
            prop_assert_eq!(picture(&c, &straight, cand), picture(&c, &shuffled, cand));
        }
    }
}

#[test]
fn clock_offsets_line_the_mediators_up_for_the_agreement_only() {
    use crate::domain::campaign::{ClockOffset, OffsetSource};
    let mut c = campaign(1, 3);
    let cand = c.candidates[0].id;
    // Mediator A's acts at 15, 35, 55… s; B started the clock 6 s late: the same acts at 9,
    // 29, 49… s of B's session, so half of them fall in another 10-second window.
    let codes = [
        "gives_information",
        "gives_opinion",
        "agrees",
        "asks_opinion",
    ];
    let at = |shift: u64| -> Vec<Coded> {
        (0..24u64)
            .map(|k| {
                let who = if k % 2 == 0 { Some(C) } else { Some(V) };
                (15 + 20 * k - shift, who, codes[k as usize % 4])
            })
            .collect()
    };
    let a = observation(1, &c, 0, 0, Some(cand), &at(0), [3; 6], 600);
    let b = observation(2, &c, 0, 1, Some(cand), &at(6), [3; 6], 594);
    let fw = fieldwork(&c, &[a, b], &[]);
    let acts = |p: &Picture| match &p.sessions[0].agreement {
        AgreementReading::Read { acts, .. } => acts.unwrap(),
        other => panic!("{other:?}"),
    };
    let before = picture(&c, &fw, cand).unwrap();
    assert!(acts(&before) < 0.667, "{}", acts(&before));
    c.clock_offsets.push(ClockOffset {
        observation_id: id(2),
        offset_ms: 6_000,
        source: OffsetSource::Manual,
        set_at: t(700),
    });
    let after = picture(&c, &fw, cand).unwrap();
    close(Some(acts(&after)), 1.0);
    let used = &after.sessions[0].observations;
    assert_eq!((used[0].offset_ms, used[1].offset_ms), (0, 6_000));
    // The whole-session indices are read as coded: B's session stays 594 s long.
    assert_eq!(used[1].length_ms, 594_000);
    assert_eq!(
        before.sessions[0].working, after.sessions[0].working,
        "a shift moves times, not counts"
    );
}

#[test]
fn each_log_read_once_gives_what_reading_it_per_call_gives() {
    // The picture resolves each counted observation's events once, for its length, its indices
    // and the agreement; the public functions read the events on each call. The same figures,
    // with a silence that outlasts the clock, and with a clock offset (whose shifted copy is
    // resolved again).
    use crate::domain::campaign::{ClockOffset, OffsetSource};
    use crate::domain::observation::agreement::{agreement, AgreementParams};
    use crate::domain::observation::indices::compute;
    use crate::domain::observation::report::counting;
    use crate::domain::observation::scheme::default_scheme;
    use session::working_value;
    let mut c = campaign(1, 1);
    let cand = c.candidates[0].id;
    let mut a = observation(1, &c, 0, 0, Some(cand), &HAND_A, [3, 4, 2, 5, 1, 3], 600);
    a.events.push(Event {
        id: id(1_999),
        seq: 99,
        at_ms: 500_000,
        actor: None,
        code: "silence".into(),
        modifier: None,
        duration_ms: Some(200_000),
    });
    let mut late = HAND_A.to_vec();
    late[2].2 = "interrupts";
    let b = observation(2, &c, 0, 1, Some(cand), &late, [3, 5, 2, 4, 2, 3], 590);
    let fw = fieldwork(&c, &[a, b], &[]);
    for offset_ms in [0, 6_000] {
        c.clock_offsets = vec![ClockOffset {
            observation_id: id(2),
            offset_ms,
            source: OffsetSource::Manual,
            set_at: t(700),
        }];
        let p = picture(&c, &fw, cand).unwrap();
        let s = &p.sessions[0];
        let kept = counting(&fw.observations, &c, c.sessions[0].id, cand);
        let scheme = default_scheme();
        let lengths: Vec<u64> = kept
            .iter()
            .map(|k| k.received.length_ms(k.received.submitted_at.unwrap()))
            .collect();
        assert_eq!(lengths[0], 700_000, "the silence outlasts the clock");
        let used: Vec<u64> = s.observations.iter().map(|o| o.length_ms).collect();
        assert_eq!(used, lengths);
        for (k, w) in WorkingIndex::all().into_iter().zip(&s.working) {
            let per_call: Vec<Option<f64>> = kept
                .iter()
                .zip(&lengths)
                .map(|(o, &l)| working_value(&compute(&o.received.events, scheme, l).whole, k))
                .collect();
            assert_eq!(w.values, per_call, "{k:?}");
        }
        let observations: Vec<&Observation> = kept.iter().map(|k| k.observation.as_ref()).collect();
        let params = AgreementParams::default();
        let whole = agreement(&observations, scheme, default_bars(), &params).unwrap();
        match &s.agreement {
            AgreementReading::Read {
                ratings,
                rated_by_two,
                acts,
                windows,
                low,
                notes,
            } => {
                assert_eq!(*ratings, whole.ratings.interval.value);
                assert_eq!(*rated_by_two, whole.ratings.rated_by_two);
                assert_eq!(*acts, whole.acts.value);
                assert_eq!(*windows, whole.windows);
                let measures: Vec<Measure> = low.iter().map(|(m, _)| *m).collect();
                assert_eq!(measures, whole.low);
                assert_eq!(*notes, whole.notes);
            }
            other => panic!("{other:?}"),
        }
    }
}
