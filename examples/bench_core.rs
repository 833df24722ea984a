//! Native benchmarks of the pure core, printed as plain lines (run by `make bench`):
//! all meta-communication indices of a 5,000-event session, the scoring of 200 respondents,
//! the generation of the sample campaign, the compatibility pictures of a 20-candidate
//! campaign, and the core's share of one coded event at 100 to 20,000 events. Each figure is
//! the median of repeated runs in a release build (the pictures and the comparison: with the
//! min and max of 21 runs, the machine being shared).

use chrono::DateTime;
use rally::domain::instrument::builtin::builtin;
use rally::domain::instrument::score::{score, Answer, Response};
use rally::domain::observation::indices::session_indices;
use rally::domain::observation::log::{Observation, ObservationAction};
use rally::domain::observation::scheme::{default_scheme, Actor};
use rally::domain::sample::sample_campaign;
use std::time::{Duration, Instant};
use uuid::Uuid;

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// "median M ms, min A ms, max B ms over N runs" of `runs`.
fn spread(mut runs: Vec<Duration>) -> String {
    runs.sort();
    format!(
        "median {:.3} ms, min {:.3} ms, max {:.3} ms over {} runs",
        ms(runs[runs.len() / 2]),
        ms(runs[0]),
        ms(runs[runs.len() - 1]),
        runs.len()
    )
}

mod support;
use support::Rng;

/// One coded event in a mediator's store (a sample campaign's kits, observations and answers,
/// plus one observation of `n` events): the core's share of a keystroke — the store's change
/// (`Fieldwork::observe`), the live counts (`Tally::follow`), the last event added, and the
/// records the saver writes (`fieldwork_changes`) — for n = 100 to 20,000. Median of 200.
fn bench_coded_event() {
    use rally::domain::fieldwork::Fieldwork;
    use rally::domain::file::stored::fieldwork_changes;
    use rally::domain::lang::Lang;
    use rally::domain::observation::log::Tally;
    use rally::domain::workspace::Workspace;
    let scheme = default_scheme();
    let t = |ms: i64| DateTime::from_timestamp_millis(1_796_292_000_000 + ms).unwrap();
    let (_, store) = sample_campaign(1, t(0), Lang::En)
        .add_to(&Workspace::default(), &Fieldwork::default(), t(0))
        .expect("the sample campaign");
    let add = |n: u128| ObservationAction::AddEvent {
        id: Uuid::from_u128(n),
        actor: Some(Actor::Ceo),
        code: "agrees".to_owned(),
        modifier: None,
    };
    let id = Uuid::from_u128(1);
    let mut line = Vec::new();
    for n in [100usize, 1_000, 5_000, 20_000] {
        let (c, s, m) = (Uuid::from_u128(2), Uuid::from_u128(3), Uuid::from_u128(4));
        let mut o = Observation::new(id, c, s, m, scheme, t(0));
        o.apply_mut(scheme, &ObservationAction::StartClock, t(0))
            .unwrap();
        support::code_live(&mut o, n, &mut Rng(0x2545_F491_4F6C_DD1D), 100, 2_000, t);
        let (mut fw, _) = store.import(&[], &[o]);
        let mut tally = Tally::of(fw.observations.get(id).unwrap());
        let runs: Vec<Duration> = (0..200)
            .map(|k| {
                let s = Instant::now();
                let at = t(2_000 * (n as i64 + 1 + k));
                let next = fw.observe(id, &add(10_000_000 + k as u128), at).unwrap();
                let (before, after) = (
                    fw.observations.get(id).unwrap(),
                    next.observations.get(id).unwrap(),
                );
                tally.follow(&before.events, &after.events);
                std::hint::black_box(after.last_added());
                std::hint::black_box(fieldwork_changes(&fw, &next));
                let spent = s.elapsed();
                fw = next;
                spent
            })
            .collect();
        line.push(format!("{n}: {:.3} ms", ms(median(runs))));
    }
    println!(
        "one coded event, core's share (store change, counts, records to save; native, median of 200): {}",
        line.join(", ")
    );
}

/// A campaign of 20 candidates × 4 sessions, each session coded by 2 mediators (1,500 events
/// each, the second mediator disagreeing on about one act in ten, every dimension rated) and
/// debriefed by both sides; then every candidate's compatibility picture, built from scratch.
fn bench_pictures(rng: &mut Rng) {
    use rally::domain::campaign::{InstrumentId, WorkSession};
    use rally::domain::compatibility::{compare, picture};
    use rally::domain::fieldwork::Fieldwork;
    use rally::domain::instrument::builtin::debrief_for;
    use rally::domain::instrument::definition::{DebriefSide, Keyed};
    use rally::domain::survey::leader_id;
    let id = Uuid::from_u128;
    let t = |ms: i64| DateTime::from_timestamp_millis(1_764_000_000_000 + ms).unwrap();
    let campaign = support::campaign(
        id(1),
        "Bench — 20 candidates",
        (0..20)
            .map(|k| support::person(100 + k, format!("Candidate {k}")))
            .collect(),
        (0..2)
            .map(|k| support::person(200 + k, format!("Mediator {k}")))
            .collect(),
        (0..4).map(|k| WorkSession::empty(id(300 + k))).collect(),
        vec![InstrumentId::SessionDebrief, InstrumentId::ObservationGrid],
        t(0),
    );
    let mut observations = Vec::new();
    let mut responses = Vec::new();
    let mut next = 10_000u128;
    for (c, candidate) in campaign.candidates.iter().enumerate() {
        for (s, session) in campaign.sessions.iter().enumerate() {
            observations.extend(support::coded_pair(
                &campaign,
                session.id,
                candidate.id,
                1500,
                c + s,
                rng,
                &mut next,
                t,
            ));
            for side in DebriefSide::BOTH {
                let inst = debrief_for(side);
                let (who, about) = match side {
                    DebriefSide::Leader => (leader_id(campaign.id), Some(candidate.id)),
                    DebriefSide::Candidate => (candidate.id, None),
                };
                next += 1;
                let mut r = Response::start(inst, id(next), campaign.id, who, t(4_000_000));
                r.subject_id = about;
                r.session_id = Some(session.id);
                r.answers = inst
                    .items
                    .iter()
                    .map(|item| {
                        let level = 1 + (rng.next() % 5) as u8;
                        Answer {
                            item: item.id.clone(),
                            value: Some(match item.keyed {
                                Keyed::Plus => level,
                                Keyed::Minus => 6 - level,
                            }),
                            ms: Some(3000),
                        }
                    })
                    .collect();
                responses.push(r);
            }
        }
    }
    let (fw, _) = Fieldwork::default().import(&[], &observations);
    let (fw, report) = fw.import_responses(&responses, std::slice::from_ref(&campaign));
    assert_eq!(report.added, responses.len(), "{:?}", report.first_refusal);
    // One warm-up run, not counted, then 21 (the machine is shared: median, min and max).
    let all = || {
        let s = Instant::now();
        for c in &campaign.candidates {
            std::hint::black_box(picture(&campaign, &fw, c.id).expect("a candidate"));
        }
        s.elapsed()
    };
    all();
    let runs: Vec<Duration> = (0..21).map(|_| all()).collect();
    println!(
        "compatibility pictures of a campaign of 20 candidates × 4 sessions × 2 mediators × 1,500 events, all 20 from scratch (native): {} (target ≤ 50 ms)",
        spread(runs)
    );
    let four: Vec<Uuid> = campaign.candidates[..4].iter().map(|c| c.id).collect();
    let runs: Vec<Duration> = (0..21)
        .map(|_| {
            let s = Instant::now();
            std::hint::black_box(compare(&campaign, &fw, &four).expect("four candidates"));
            s.elapsed()
        })
        .collect();
    println!(
        "comparison of 4 of those candidates, side by side (native): {} (target ≤ 50 ms)",
        spread(runs)
    );
}

fn main() {
    let scheme = default_scheme();
    let t = |ms: i64| DateTime::from_timestamp_millis(1_796_292_000_000 + ms).unwrap();
    let mut o = Observation::new(
        Uuid::from_u128(1),
        Uuid::from_u128(2),
        Uuid::from_u128(3),
        Uuid::from_u128(4),
        scheme,
        t(0),
    );
    o.apply_mut(scheme, &ObservationAction::StartClock, t(0))
        .unwrap();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let start = Instant::now();
    support::code_live(&mut o, 5000, &mut rng, 100, 2000, t);
    let append = start.elapsed();
    let now = t(2000 * 5001);
    let runs: Vec<Duration> = (0..21)
        .map(|_| {
            let s = Instant::now();
            std::hint::black_box(session_indices(&o, scheme, now));
            s.elapsed()
        })
        .collect();
    println!(
        "append 5,000 coded events: {:.2} ms in total ({:.4} ms per event)",
        ms(append),
        ms(append) / 5000.0
    );
    println!(
        "indices of a 5,000-event session (native): median {:.3} ms over 21 runs (target ≤ 10 ms)",
        ms(median(runs))
    );

    let instrument = builtin()
        .iter()
        .find(|i| i.id == "interpersonal-intelligence")
        .expect("built-in instrument");
    let responses: Vec<Response> = (0..200u128)
        .map(|r| {
            let mut resp = Response::start(
                instrument,
                Uuid::from_u128(10_000 + r),
                Uuid::from_u128(2),
                Uuid::from_u128(20_000 + r),
                t(0),
            );
            resp.answers = instrument
                .items
                .iter()
                .map(|item| Answer {
                    item: item.id.clone(),
                    value: Some(1 + (rng.next() % instrument.points() as u64) as u8),
                    ms: Some(2500),
                })
                .collect();
            resp
        })
        .collect();
    let runs: Vec<Duration> = (0..21)
        .map(|_| {
            let s = Instant::now();
            for r in &responses {
                std::hint::black_box(score(instrument, r).expect("scores"));
            }
            s.elapsed()
        })
        .collect();
    println!(
        "score 200 respondents × {} items (native): median {:.3} ms over 21 runs (target ≤ 20 ms)",
        instrument.items.len(),
        ms(median(runs))
    );

    let runs: Vec<Duration> = (0..11u64)
        .map(|seed| {
            let s = Instant::now();
            std::hint::black_box(sample_campaign(seed, t(0), rally::domain::lang::Lang::Fr));
            s.elapsed()
        })
        .collect();
    let sample = sample_campaign(0, t(0), rally::domain::lang::Lang::Fr);
    let events: usize = sample.observations.iter().map(|o| o.events.len()).sum();
    println!(
        "sample campaign generated in {:.1} ms (native, median over 11 seeds; {} observations, {} events, {} responses)",
        ms(median(runs)),
        sample.observations.len(),
        events,
        sample.responses.len()
    );

    bench_pictures(&mut rng);
    bench_coded_event();
}
