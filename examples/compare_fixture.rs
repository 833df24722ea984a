//! Writes `target/bench/compare-4.json`, the data of the browser benchmark of the comparison
//! page (`bench/run.mjs`, "compare"): one campaign of four candidates, each with four
//! observed and debriefed sessions and their self-assessments. It is two sample campaigns
//! (`domain::sample`, seeds 1 and 2) made one: the second's candidates join the first's
//! campaign, and its observations, invitations and answers are renamed onto the first's
//! campaign, sessions, mediators and leader (every identifier, as text, in their JSON), so
//! that everything passes the same checks and imports as real data.
//!
//! `cargo run --release --example compare_fixture` (`make bench` runs it).

use chrono::DateTime;
use rally::domain::fieldwork::Fieldwork;
use rally::domain::file::Document;
use rally::domain::lang::Lang;
use rally::domain::sample::{sample_campaign, SampleData};
use rally::domain::survey::leader_id;
use rally::domain::workspace::Workspace;
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::collections::HashMap;
use uuid::Uuid;

/// `value` with every identifier of `map` replaced, wherever it appears as a JSON string.
fn renamed<T: Serialize + DeserializeOwned>(value: &T, map: &HashMap<String, String>) -> T {
    fn walk(v: &mut serde_json::Value, map: &HashMap<String, String>) {
        match v {
            serde_json::Value::String(s) => {
                if let Some(to) = map.get(s.as_str()) {
                    *s = to.clone();
                }
            }
            serde_json::Value::Array(a) => a.iter_mut().for_each(|x| walk(x, map)),
            serde_json::Value::Object(o) => o.values_mut().for_each(|x| walk(x, map)),
            _ => {}
        }
    }
    let mut json = serde_json::to_value(value).expect("sample data serialises");
    walk(&mut json, map);
    serde_json::from_value(json).expect("renamed sample data reads back")
}

fn main() {
    let now = DateTime::from_timestamp(1_796_292_000, 0).expect("a date"); // 2026-12-03 10:00Z
    let a = sample_campaign(1, now, Lang::En);
    let b = sample_campaign(2, now, Lang::En);
    let (ca, cb) = (&a.campaign, &b.campaign);
    let mut map: HashMap<String, String> = HashMap::new();
    let mut pair = |from: Uuid, to: Uuid| {
        map.insert(from.to_string(), to.to_string());
    };
    pair(cb.id, ca.id);
    pair(leader_id(cb.id), leader_id(ca.id));
    for (x, y) in cb.sessions.iter().zip(&ca.sessions) {
        pair(x.id, y.id);
    }
    for (x, y) in cb.mediators.iter().zip(&ca.mediators) {
        pair(x.id, y.id);
    }
    for (x, y) in b.kits.iter().zip(&a.kits) {
        pair(x.id, y.id);
    }
    let mut campaign = ca.clone();
    campaign.name = "Bench — four candidates".into();
    campaign.sample = false;
    campaign.candidates.extend(cb.candidates.iter().cloned());
    campaign.decisions.extend(renamed(&cb.decisions, &map));
    campaign
        .version_choices
        .extend(renamed(&cb.version_choices, &map));
    campaign
        .clock_offsets
        .extend(renamed(&cb.clock_offsets, &map));
    let mut observations = a.observations.clone();
    observations.extend(renamed(&b.observations, &map));
    let mut invitations = a.invitations.clone();
    invitations.extend(renamed(&b.invitations, &map));
    let mut responses = a.responses.clone();
    responses.extend(renamed(&b.responses, &map));
    let four = SampleData {
        campaign,
        kits: a.kits.clone(),
        observations,
        invitations,
        responses,
    };
    let (ws, fw): (Workspace, Fieldwork) = four
        .add_to(&Workspace::default(), &Fieldwork::default(), now)
        .expect("the four-candidate campaign is valid");
    let c = &ws.campaigns[0];
    assert_eq!(c.candidates.len(), 4);
    assert_eq!(
        fw.current_responses(c.id).len(),
        four.responses.len(),
        "every answer is taken in"
    );
    let doc = Document::of_workspace(&ws, now).with_fieldwork(&fw);
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench");
    std::fs::create_dir_all(&dir).expect("target/bench");
    std::fs::write(dir.join("compare-4.json"), doc.to_json()).expect("write the fixture");
    println!(
        "wrote target/bench/compare-4.json: 4 candidates, {} observations, {} answers",
        four.observations.len(),
        four.responses.len()
    );
}
