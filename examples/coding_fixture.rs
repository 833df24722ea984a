//! Writes `target/bench/coding-<n>.json` for n = 100, 1,000, 5,000 and 20,000: the data of the
//! browser benchmark of keystroke latency on the mediator's coding screen (`bench/coding.mjs`).
//! Each file holds one kit and one draft observation of `n` coded events (one every 2 s, the
//! clock running), laid out exactly as the app stores them in IndexedDB
//! (`file::stored::fieldwork_records`): `{ "kit", "session", "candidate", "observation",
//! "events", "records": [[key, text], …] }`. Deterministic: the same bytes on every run.
//!
//! `cargo run --release --example coding_fixture [n …]` (`bench/coding.mjs` runs it).

use chrono::DateTime;
use rally::domain::campaign::WorkSession;
use rally::domain::fieldwork::{Fieldwork, Kit};
use rally::domain::file::stored::fieldwork_records;
use rally::domain::observation::log::{Observation, ObservationAction};
use rally::domain::observation::scheme::default_scheme;
use serde_json::json;
use support::{person, Rng};
use uuid::Uuid;

mod support;

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
    let campaign = support::campaign(
        id(2),
        "Bench — coding",
        vec![person(10, "Jean Dupont")],
        vec![person(4, "Amina Benali")],
        vec![
            WorkSession::empty(id(3)),
            WorkSession::empty(id(31)),
            WorkSession::empty(id(32)),
        ],
        vec![],
        t(0),
    );
    let scheme = default_scheme();
    let kit = Kit::for_mediator(&campaign, id(4), scheme, id(5), t(0))
        .expect("the mediator is in the campaign");
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench");
    std::fs::create_dir_all(&dir).expect("target/bench");
    for n in sizes {
        let mut o = Observation::new(id(1), campaign.id, id(3), id(4), scheme, t(0));
        o.candidate_id = Some(id(10));
        o.apply_mut(scheme, &ObservationAction::StartClock, t(0))
            .unwrap();
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        support::code_live(&mut o, n, &mut rng, 1_000_000, STEP_MS, t);
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
