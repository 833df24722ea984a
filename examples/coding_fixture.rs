//! Writes `target/bench/coding-<n>.json` for n = 100, 1,000, 5,000 and 20,000: the data of the
//! browser benchmark of keystroke latency on the mediator's coding screen (`bench/coding.mjs`).
//! Each file holds one kit and one draft observation of `n` coded events (one every 2 s, the
//! clock running), laid out exactly as the app stores them in IndexedDB
//! (`file::stored::fieldwork_records`): `{ "kit", "session", "candidate", "observation",
//! "events", "records": [[key, text], …] }`. Deterministic: the same bytes on every run.
//!
//! `cargo run --release --example coding_fixture [n …]` (`bench/coding.mjs` runs it).

use chrono::DateTime;
use rally::domain::campaign::{Campaign, Leader, Person, Status, WorkSession};
use rally::domain::fieldwork::{Fieldwork, Kit};
use rally::domain::file::stored::fieldwork_records;
use rally::domain::observation::log::{Observation, ObservationAction};
use rally::domain::observation::scheme::{default_scheme, Actor};
use rally::domain::role::builtin_roles;
use serde_json::json;
use uuid::Uuid;

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

const SIZES: [usize; 4] = [100, 1_000, 5_000, 20_000];
/// Session time between two events: 20,000 events end at 11 h 7 min, under the 12-hour limit.
const STEP_MS: i64 = 2_000;

fn main() {
    let sizes: Vec<usize> = std::env::args()
        .skip(1)
        .map(|a| a.parse().expect("sizes are numbers of events"))
        .collect();
    let sizes = if sizes.is_empty() {
        SIZES.to_vec()
    } else {
        sizes
    };
    let id = Uuid::from_u128;
    let t = |ms: i64| DateTime::from_timestamp_millis(1_796_292_000_000 + ms).unwrap(); // 2026-12-03
    let campaign = Campaign {
        id: id(2),
        name: "Bench — coding".into(),
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
        created_at: t(0),
        updated_at: t(0),
        revision: 1,
        decisions: Vec::new(),
        version_choices: Vec::new(),
        clock_offsets: Vec::new(),
        sample: false,
        closed_on: None,
        retention_months: None,
        erasures: Vec::new(),
    };
    let scheme = default_scheme();
    let kit = Kit::for_mediator(&campaign, id(4), scheme, id(5), t(0))
        .expect("the mediator is in the campaign");
    let codes: Vec<_> = scheme
        .codes
        .iter()
        .filter(|c| c.actors.allows(Some(Actor::Ceo)) && c.actors.allows(Some(Actor::Candidate)))
        .collect();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench");
    std::fs::create_dir_all(&dir).expect("target/bench");
    for n in sizes {
        let mut o = Observation::new(id(1), campaign.id, id(3), id(4), scheme, t(0));
        o.candidate_id = Some(id(10));
        o.apply_mut(scheme, &ObservationAction::StartClock, t(0))
            .unwrap();
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        for i in 0..n {
            let code = codes[(rng.next() % codes.len() as u64) as usize];
            let actor = if rng.next().is_multiple_of(2) {
                Actor::Ceo
            } else {
                Actor::Candidate
            };
            let action = ObservationAction::AddEvent {
                id: id(1_000_000 + i as u128),
                actor: Some(actor),
                code: code.id.clone(),
                modifier: None,
            };
            o.apply_mut(scheme, &action, t(STEP_MS * (i as i64 + 1)))
                .unwrap();
        }
        let (fw, _) = Fieldwork::default().import(std::slice::from_ref(&kit), &[o]);
        let records = fieldwork_records(&fw);
        let out = json!({
            "kit": kit.id,
            "session": id(3),
            "candidate": id(10),
            "observation": id(1),
            "events": n,
            "records": records.puts,
        });
        let file = dir.join(format!("coding-{n}.json"));
        std::fs::write(&file, out.to_string()).expect("write the fixture");
        println!(
            "wrote target/bench/coding-{n}.json: {} records, {} events",
            records.puts.len(),
            n
        );
    }
}
