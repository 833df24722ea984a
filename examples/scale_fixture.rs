//! Writes `target/bench/scale-240000.json`, the data of the browser benchmark at scale
//! (`bench/scale.mjs`): a recruiter's workspace of 20 campaigns, each observed in 4 sessions by
//! 2 mediators with 1,500 coded events per observation (240,000 events), plus every answer.
//!
//! Each campaign is a sample campaign (`domain::sample`, seeds 1 to 20: its people, sessions,
//! kits, invitations and answers — self-assessments, observer forms, session debriefs), not
//! marked as sample, whose observations are replaced by the first candidate's sessions coded
//! with 1,500 events each (the second mediator disagreeing on about one act in ten), every
//! dimension rated and submitted. The second candidate's sessions are left to code.
//!
//! The file holds the records exactly as the app stores them in IndexedDB — the workspace's
//! autosave record and token (`file::Snapshot`) and the fieldwork's records
//! (`file::stored::fieldwork_records`) — as `{ "campaigns", "observations", "events",
//! "responses", "records": [[key, text], …] }`. Beside it, `scale-240000-export.json` is the
//! recruiter's full export of the same data ("Export all data"), checked to import back here
//! (`file::read_document`). Deterministic: the same bytes on every run.
//!
//! `cargo run --release --example scale_fixture` (`bench/scale.mjs` runs it).

use chrono::{DateTime, TimeDelta};
use rally::domain::fieldwork::Fieldwork;
use rally::domain::file::stored::{fieldwork_records, WORKSPACE_KEY, WORKSPACE_TOKEN_KEY};
use rally::domain::file::{read_document, Document, Snapshot, SnapshotToken};
use rally::domain::lang::Lang;
use rally::domain::limits::MAX_IMPORT_BYTES;
use rally::domain::observation::log::{Observation, ObservationAction};
use rally::domain::observation::rating::default_bars;
use rally::domain::observation::scheme::{default_scheme, Actor};
use rally::domain::sample::sample_campaign;
use rally::domain::workspace::Workspace;
use serde_json::json;
use uuid::Uuid;

const CAMPAIGNS: u64 = 20;
const EVENTS: usize = 1_500;

/// A deterministic pseudo-random sequence (xorshift).
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

fn main() {
    let now = DateTime::from_timestamp(1_796_292_000, 0).expect("a date"); // 2026-12-03 10:00Z
    let scheme = default_scheme();
    let bars = default_bars();
    let codes: Vec<_> = scheme
        .codes
        .iter()
        .filter(|c| c.actors.allows(Some(Actor::Ceo)) && c.actors.allows(Some(Actor::Candidate)))
        .collect();
    let mut rng = Rng(0x2545_F491_4F6C_DD1D);
    let mut next_id = 0u128;
    let mut fresh = || {
        next_id += 1;
        Uuid::from_u128(0x5ca1e << 64 | next_id)
    };
    let (mut ws, mut fw) = (Workspace::default(), Fieldwork::default());
    let (mut events, mut observations) = (0, 0);
    for seed in 1..=CAMPAIGNS {
        let mut data = sample_campaign(seed, now, Lang::En);
        let campaign = &mut data.campaign;
        campaign.name = format!("Campaign {seed:02}");
        campaign.sample = false;
        campaign.version_choices.clear();
        let candidate = campaign.candidates[0].id;
        data.observations.clear();
        for (s, session) in campaign.sessions.iter().enumerate() {
            let start = now - TimeDelta::days(40 - 10 * s as i64);
            let at = |ms: i64| start + TimeDelta::milliseconds(ms);
            let coded: Vec<(usize, Actor)> = (0..EVENTS)
                .map(|_| {
                    let code = (rng.next() % codes.len() as u64) as usize;
                    let actor = if rng.next().is_multiple_of(2) {
                        Actor::Ceo
                    } else {
                        Actor::Candidate
                    };
                    (code, actor)
                })
                .collect();
            for (m, mediator) in campaign.mediators.iter().enumerate() {
                let mut o =
                    Observation::new(fresh(), campaign.id, session.id, mediator.id, scheme, at(0));
                o.candidate_id = Some(candidate);
                o.apply_mut(scheme, &ObservationAction::StartClock, at(0))
                    .unwrap();
                for (k, (code, actor)) in coded.iter().enumerate() {
                    let code = if m == 1 && rng.next().is_multiple_of(10) {
                        (rng.next() % codes.len() as u64) as usize
                    } else {
                        *code
                    };
                    let action = ObservationAction::AddEvent {
                        id: fresh(),
                        actor: Some(*actor),
                        code: codes[code].id.clone(),
                        modifier: None,
                    };
                    o.apply_mut(scheme, &action, at(2_000 * (k as i64 + 1)))
                        .unwrap();
                }
                for (d, dimension) in bars.dimensions.iter().enumerate() {
                    let rate = ObservationAction::Rate {
                        dimension: dimension.id.clone(),
                        level: 1 + ((s + m + d + rng.next() as usize % 2) % 5) as u8,
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
                events += o.events.len();
                observations += 1;
                data.observations.push(o);
            }
        }
        (ws, fw) = data
            .add_to(&ws, &fw, now)
            .expect("each campaign is new and valid");
    }
    let responses = fw.responses.len();
    assert_eq!(ws.campaigns.len(), CAMPAIGNS as usize);
    assert_eq!(fw.observations.versions().count(), observations);
    let snapshot = Snapshot {
        token: SnapshotToken {
            writer: "bench".into(),
            seq: 1,
        },
        document: Document::of_workspace(&ws, now),
    };
    let mut records = vec![
        (WORKSPACE_KEY.to_owned(), snapshot.to_json()),
        (WORKSPACE_TOKEN_KEY.to_owned(), snapshot.token.encode()),
    ];
    records.extend(fieldwork_records(&fw).puts);
    let bytes: usize = records.iter().map(|(k, v)| k.len() + v.len()).sum();
    // The recruiter's full export of it ("Export all data"), read back as an import reads it.
    let export = Document::of_workspace(&ws, now)
        .with_fieldwork(&fw)
        .with_scores(&fw, Lang::En)
        .to_json();
    let back = read_document(export.as_bytes());
    let exported = match &back {
        Ok(doc) => format!(
            "its full export, {:.1} MB, imports back ({} observations; limit {} MB)",
            export.len() as f64 / 1e6,
            doc.observations.len(),
            MAX_IMPORT_BYTES / (1024 * 1024)
        ),
        Err(e) => format!(
            "its full export, {:.1} MB, is REFUSED by the import: {e}",
            export.len() as f64 / 1e6
        ),
    };
    let out = json!({
        "export_bytes": export.len(),
        "campaigns": ws.campaigns.len(),
        "observations": observations,
        "events": events,
        "responses": responses,
        "invitations": fw.invitations.len(),
        "records": records,
    });
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench");
    std::fs::create_dir_all(&dir).expect("target/bench");
    std::fs::write(dir.join(format!("scale-{events}.json")), out.to_string())
        .expect("write the fixture");
    std::fs::write(dir.join(format!("scale-{events}-export.json")), &export)
        .expect("write the export");
    println!(
        "wrote target/bench/scale-{events}.json: {} campaigns, {observations} observations, {events} events, {responses} answers, {} records, {:.1} MB; {exported}",
        ws.campaigns.len(),
        records.len(),
        bytes as f64 / 1e6
    );
    assert!(back.is_ok(), "the full export must import back");
}
