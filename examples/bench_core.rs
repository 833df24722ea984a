//! Native benchmarks of the pure core, printed as plain lines (run by `make bench`):
//! all meta-communication indices of a 5,000-event session, and the scoring of 200 respondents.
//! Each figure is the median of repeated runs in a release build.

use chrono::DateTime;
use rally::domain::instrument::builtin::builtin;
use rally::domain::instrument::score::{score, Answer, Response};
use rally::domain::observation::indices::session_indices;
use rally::domain::observation::log::{Observation, ObservationAction};
use rally::domain::observation::scheme::{default_scheme, Actor};
use std::time::{Duration, Instant};
use uuid::Uuid;

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// A deterministic pseudo-random sequence (xorshift), so every run codes the same session.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

/// Writes `target/bench/fieldwork-5000.json`: a kit and this 5,000-event observation (clock
/// running), for the browser benchmark of keystroke latency (`bench/run.mjs`).
fn write_browser_fixture(o: &Observation, now: chrono::DateTime<chrono::Utc>) {
    use rally::domain::campaign::{Campaign, Leader, Person, Status, WorkSession};
    use rally::domain::fieldwork::{Fieldwork, Kit};
    use rally::domain::file::Document;
    use rally::domain::role::builtin_roles;
    let id = Uuid::from_u128;
    let campaign = Campaign {
        id: id(2),
        name: "Bench — 5,000 events".into(),
        role: builtin_roles()[0].clone(),
        leader: Leader {
            name: "Claire Martin".into(),
            title: "CEO".into(),
        },
        candidates: vec![Person {
            id: id(10),
            name: "Jean Dupont".into(),
            email: String::new(),
        }],
        mediators: vec![Person {
            id: id(4),
            name: "Amina Benali".into(),
            email: String::new(),
        }],
        sessions: vec![
            WorkSession::empty(id(3)),
            WorkSession::empty(id(31)),
            WorkSession::empty(id(32)),
        ],
        instruments: vec![],
        status: Status::Active,
        status_before_archive: None,
        created_at: now,
        updated_at: now,
        revision: 1,
        decisions: Vec::new(),
        version_choices: Vec::new(),
        clock_offsets: Vec::new(),
        sample: false,
        closed_on: None,
        retention_months: None,
        erasures: Vec::new(),
    };
    let kit = Kit::for_mediator(&campaign, id(4), default_scheme(), id(5), now)
        .expect("the mediator is in the campaign");
    let (fw, _) = Fieldwork::default().import(&[kit], std::slice::from_ref(o));
    let doc = Document::of_workspace(&Default::default(), now).with_fieldwork(&fw);
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench");
    std::fs::create_dir_all(&dir).expect("target/bench");
    std::fs::write(dir.join("fieldwork-5000.json"), doc.to_json()).expect("write the fixture");
}

fn main() {
    let scheme = default_scheme();
    // The session started three hours ago, so the browser benchmark can keep coding in it
    // (a session's clock stops at 12 hours).
    let wall = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("a clock after 1970");
    let base = wall.as_millis() as i64 - 3 * 3_600_000;
    let t = |ms: i64| DateTime::from_timestamp_millis(base + ms).unwrap();
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
    let codes: Vec<_> = scheme
        .codes
        .iter()
        .filter(|c| c.actors.allows(Some(Actor::Ceo)) && c.actors.allows(Some(Actor::Candidate)))
        .collect();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let start = Instant::now();
    for i in 0..5000u128 {
        let code = codes[(rng.next() % codes.len() as u64) as usize];
        let actor = if rng.next().is_multiple_of(2) {
            Actor::Ceo
        } else {
            Actor::Candidate
        };
        let action = ObservationAction::AddEvent {
            id: Uuid::from_u128(100 + i),
            actor: Some(actor),
            code: code.id.clone(),
            modifier: None,
        };
        o.apply_mut(scheme, &action, t(2000 * (i as i64 + 1)))
            .unwrap();
    }
    let append = start.elapsed();
    let now = t(2000 * 5001);
    let runs: Vec<Duration> = (0..21)
        .map(|_| {
            let s = Instant::now();
            std::hint::black_box(session_indices(&o, scheme, now));
            s.elapsed()
        })
        .collect();
    write_browser_fixture(&o, t(3 * 3_600_000));
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
}
