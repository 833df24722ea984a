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
use rally::domain::sample::sample_campaign;
use rally::domain::workspace::Workspace;
use serde_json::json;

const CAMPAIGNS: u64 = 20;
const EVENTS: usize = 1_500;

mod support;

fn main() {
    let now = DateTime::from_timestamp(1_796_292_000, 0).expect("a date"); // 2026-12-03 10:00Z
    let mut rng = support::Rng(0x2545_F491_4F6C_DD1D);
    let mut next = 0x5ca1e_u128 << 64;
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
            let coded = support::coded_pair(
                campaign,
                session.id,
                candidate,
                EVENTS,
                s,
                &mut rng,
                &mut next,
                |ms| start + TimeDelta::milliseconds(ms),
            );
            events += coded.iter().map(|o| o.events.len()).sum::<usize>();
            observations += coded.len();
            data.observations.extend(coded);
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
