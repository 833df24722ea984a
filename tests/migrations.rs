//! Golden files: every `tests/fixtures/format-v*.json` ever released must still read, migrated
//! to the current version. When the format changes, keep the old fixture and add the new one.

use chrono::{DateTime, NaiveDate, NaiveTime};
use rally::domain::campaign::{InstrumentId, Status};
use rally::domain::file::{read_document, Document, CURRENT_VERSION, FORMAT_NAME};
use rally::domain::workspace::Workspace;
use serde_json::Value;
use std::path::{Path, PathBuf};
use uuid::Uuid;

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// `(version named in the file name, path)` for every `format-v<N>.json`, by version.
fn golden_files() -> Vec<(u64, PathBuf)> {
    let mut out: Vec<(u64, PathBuf)> = std::fs::read_dir(fixtures_dir())
        .expect("tests/fixtures")
        .map(|e| e.expect("directory entry").path())
        .filter_map(|path| {
            let name = path.file_name()?.to_str()?.to_owned();
            let version = name.strip_prefix("format-v")?.strip_suffix(".json")?;
            let version: u64 = version
                .parse()
                .unwrap_or_else(|_| panic!("{name}: the version in the name is not a number"));
            Some((version, path))
        })
        .collect();
    out.sort();
    out
}

fn read(path: &Path) -> Document {
    let bytes = std::fs::read(path).expect("fixture readable");
    read_document(&bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn the_fixture_of_the_current_version_exists() {
    let path = fixtures_dir().join(format!("format-v{CURRENT_VERSION}.json"));
    assert!(path.is_file(), "{} is missing", path.display());
    let versions: Vec<u64> = golden_files().iter().map(|(v, _)| *v).collect();
    assert_eq!(versions.last(), Some(&CURRENT_VERSION));
}

#[test]
fn every_released_version_has_a_fixture() {
    let versions: Vec<u64> = golden_files().iter().map(|(v, _)| *v).collect();
    let expected: Vec<u64> = (1..=CURRENT_VERSION).collect();
    assert_eq!(
        versions, expected,
        "one golden file per version, none from the future"
    );
}

#[test]
fn every_golden_file_reads_at_the_current_version() {
    let files = golden_files();
    assert!(!files.is_empty());
    for (version, path) in files {
        // The file really is of the version its name says.
        let raw: Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
        assert_eq!(raw["format"], FORMAT_NAME, "{}", path.display());
        assert_eq!(raw["format_version"], version, "{}", path.display());

        let doc = read(&path);
        assert_eq!(doc.format_version, CURRENT_VERSION, "{}", path.display());
        assert_eq!(doc.format, FORMAT_NAME);
        assert!(
            !doc.campaigns.is_empty(),
            "{}: a golden file holds data",
            path.display()
        );
        // Once read, it writes and reads back unchanged at the current version.
        assert_eq!(read_document(doc.to_json().as_bytes()), Ok(doc.clone()));
    }
}

#[test]
fn format_v1_is_a_golden_file() {
    let doc = read(&fixtures_dir().join("format-v1.json"));
    assert_eq!(
        doc.exported_at,
        DateTime::parse_from_rfc3339("2025-12-29T11:20:00Z").unwrap()
    );
    assert_eq!(doc.app_version, "0.1.0");
    let ws: Workspace = doc.into_workspace();

    let names: Vec<&str> = ws.campaigns.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(
        names,
        ["CSO 5.0 — siège de Lyon", "Directeur des partenariats"]
    );

    let active = &ws.campaigns[0];
    assert_eq!(
        active.id,
        Uuid::parse_str("0b6f3c1e-8a5d-4f2b-9c7e-1a2b3c4d5e6f").unwrap()
    );
    assert_eq!(active.status, Status::Active);
    assert_eq!(active.status_before_archive, None);
    assert_eq!(active.revision, 7);
    assert_eq!(active.role.id, "chief-support-officer");
    assert_eq!(active.leader.name, "Claire Martin");
    assert_eq!(active.leader.title, "CEO");
    let candidates: Vec<(&str, &str)> = active
        .candidates
        .iter()
        .map(|p| (p.name.as_str(), p.email.as_str()))
        .collect();
    assert_eq!(
        candidates,
        [("Jean Dupont", "jean.dupont@example.org"), ("Zoé Roux", "")]
    );
    assert_eq!(active.mediators.len(), 1);
    assert_eq!(
        active.instruments,
        [
            InstrumentId::InterpersonalIntelligence,
            InstrumentId::IntelligenceOfParadoxes,
            InstrumentId::ObservationGrid
        ]
    );
    let dates: Vec<Option<NaiveDate>> = active.sessions.iter().map(|s| s.date).collect();
    assert_eq!(
        dates,
        [
            NaiveDate::from_ymd_opt(2026, 12, 3),
            NaiveDate::from_ymd_opt(2026, 12, 10),
            None
        ]
    );
    assert_eq!(active.sessions[0].time, NaiveTime::from_hms_opt(9, 30, 0));
    assert_eq!(active.sessions[0].place, "Lyon, salle Rhône");
    assert_eq!(active.sessions[1].time, None);

    let archived = &ws.campaigns[1];
    assert_eq!(archived.status, Status::Archived);
    assert_eq!(archived.status_before_archive, Some(Status::Closed));
    assert_eq!(archived.revision, 3);
    assert_eq!(archived.sessions.len(), 3);

    assert_eq!(ws.roles.len(), 1);
    let custom = &ws.roles[0];
    assert_eq!(custom.id, "8d7c1f0e-3b2a-4c5d-9e6f-112233445566");
    assert_eq!(custom.based_on.as_deref(), Some("partnerships-director"));
    assert_eq!(custom.name.en, "Partnerships Director (copy)");
    assert_eq!(
        (
            custom.postures.conductor,
            custom.postures.business_partner,
            custom.postures.entrepreneur
        ),
        (35, 40, 25)
    );
    // The archived campaign carries a snapshot equal to the custom role it was made from.
    assert_eq!(&archived.role, custom);
    assert!(!Workspace::is_builtin_role(&custom.id));
}

/// Version 2 added kits and observations; pin what the golden file holds.
#[test]
fn format_v2_is_a_golden_file() {
    let bytes = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/format-v2.json"
    ))
    .unwrap();
    let doc = rally::domain::file::read_document(&bytes).expect("format-v2.json reads");
    assert_eq!(doc.campaigns.len(), 2);
    assert_eq!(doc.kits.len(), 1);
    assert_eq!(doc.kits[0].mediator.name, "Amina Benali");
    assert_eq!(doc.kits[0].campaign_name, "CSO 5.0 — siège de Lyon");
    assert_eq!(doc.observations.len(), 1);
    let o = &doc.observations[0];
    assert_eq!(o.events.len(), 6);
    assert_eq!(o.notes.len(), 1);
    assert_eq!(o.session_id, doc.kits[0].sessions[0].id);
    // A kit never carries e-mail addresses.
    assert!(!String::from_utf8(bytes)
        .unwrap()
        .split("\"kits\"")
        .nth(1)
        .unwrap()
        .contains("@example"));
}

/// A version 1 file reads at the current version with no kits and no observations.
#[test]
fn format_v1_migrates_to_empty_fieldwork() {
    let bytes = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/format-v1.json"
    ))
    .unwrap();
    let doc = rally::domain::file::read_document(&bytes).unwrap();
    assert_eq!(doc.format_version, CURRENT_VERSION);
    assert!(doc.kits.is_empty() && doc.observations.is_empty());
    assert!(doc.invitations.is_empty() && doc.responses.is_empty());
}

/// A version 2 file gains empty invitations and responses; version 3 carries both, and its
/// responses are taken in and scored against the instrument text they name.
#[test]
fn format_v3_holds_invitations_and_scorable_responses() {
    use rally::domain::fieldwork::Fieldwork;
    use rally::domain::instrument::score::score;
    use rally::domain::survey::invitation::instrument_of;
    let v2 = read(&fixtures_dir().join("format-v2.json"));
    assert!(v2.invitations.is_empty() && v2.responses.is_empty());
    let v3 = read(&fixtures_dir().join("format-v3.json"));
    assert_eq!(v3.invitations.len(), 2);
    assert_eq!(v3.responses.len(), 4);
    let (fw, report) = Fieldwork::default().import_responses(&v3.responses, &v3.campaigns);
    assert_eq!((report.added, report.refused), (4, 0));
    for r in fw.current_responses(v3.campaigns[0].id) {
        let instrument = instrument_of(r).unwrap();
        let scores = score(instrument, r).unwrap();
        assert!(scores.scale.is_some(), "{}", r.instrument_id);
    }
    // A full export carries the scores for readers outside Rally; reading ignores them.
    let exported = v3.clone().with_scores(&fw, rally::domain::lang::Lang::En);
    assert!(exported.scores.len() > 4);
    assert!(exported.scores[0]["pomp"].is_number() || exported.scores[0]["pomp"].is_null());
    let back = read_document(exported.to_json().as_bytes()).unwrap();
    assert!(back.scores.is_empty());
    assert_eq!(back, v3);
}

/// Version 4 carries the decision and the debriefs: decisions with their history, the version
/// of an observation that counts and its clock offset, the candidate an observation was made
/// with, and a leader's session debrief (invitation and response, with its free-text answer),
/// which is taken in and scored. A version 3 file reads with none of these.
#[test]
fn format_v4_holds_decisions_reading_choices_and_debriefs() {
    use rally::domain::campaign::{decision::history, DecisionKind, OffsetSource};
    use rally::domain::fieldwork::Fieldwork;
    use rally::domain::instrument::score::score;
    use rally::domain::survey::invitation::instrument_of;
    let v3 = read(&fixtures_dir().join("format-v3.json"));
    assert!(v3.campaigns.iter().all(|c| c.decisions.is_empty()
        && c.version_choices.is_empty()
        && c.clock_offsets.is_empty()
        && !c.sample));
    assert!(v3.observations.iter().all(|o| o.candidate_id.is_none()));
    let v4 = read(&fixtures_dir().join("format-v4.json"));
    let c = &v4.campaigns[0];
    let jean = c.candidates[0].id;
    let kinds: Vec<DecisionKind> = history(&c.decisions, jean).iter().map(|d| d.kind).collect();
    assert_eq!(kinds, [DecisionKind::Offer, DecisionKind::AnotherSession]);
    assert_eq!(c.version_choices.len(), 1);
    assert_eq!(c.clock_offsets[0].offset_ms, -2500);
    assert_eq!(c.clock_offsets[0].source, OffsetSource::Marker);
    assert_eq!(v4.observations[0].candidate_id, Some(jean));
    let debrief = v4.invitations.iter().find(|i| i.session.is_some()).unwrap();
    assert_eq!(debrief.session.as_ref().unwrap().number, 1);
    let (fw, report) = Fieldwork::default().import_responses(&v4.responses, &v4.campaigns);
    assert_eq!((report.added, report.refused), (5, 0));
    let r = fw
        .current_responses(c.id)
        .into_iter()
        .find(|r| r.session_id.is_some())
        .unwrap();
    assert_eq!(
        r.open_answer.as_deref(),
        Some("Prendre dix minutes au début pour fixer qui tranche quoi.")
    );
    let scores = score(instrument_of(r).unwrap(), r).unwrap();
    assert_eq!(scores.facets.len(), 6);
    // Written back, the document reads the same.
    assert_eq!(read_document(v4.to_json().as_bytes()).unwrap(), v4);
}

/// Version 4 also carries, all optional, a campaign's retention (the day it ended, its months)
/// and its tombstones: a candidate erased everywhere (no longer listed) and another's answers
/// erased. A version 3 campaign has none: it is kept the default 24 months after it ends.
#[test]
fn format_v4_holds_retention_and_erasures() {
    use rally::domain::campaign::{ErasedKind, ErasureScope, DEFAULT_RETENTION_MONTHS};
    let v3 = read(&fixtures_dir().join("format-v3.json"));
    assert!(v3.campaigns.iter().all(|c| c.erasures.is_empty()
        && c.closed_on.is_none()
        && c.retention_months() == DEFAULT_RETENTION_MONTHS));
    let v4 = read(&fixtures_dir().join("format-v4.json"));
    let c = &v4.campaigns[1];
    assert_eq!(c.closed_on, NaiveDate::from_ymd_opt(2025, 12, 20));
    assert_eq!(c.retention_months, Some(18));
    assert_eq!(c.keep_until(), NaiveDate::from_ymd_opt(2027, 6, 20));
    let tombs: Vec<(u128, ErasedKind, ErasureScope)> = c
        .erasures
        .iter()
        .map(|e| (e.person_id.as_u128(), e.kind, e.scope))
        .collect();
    assert_eq!(
        tombs,
        [
            (0x43, ErasedKind::Candidate, ErasureScope::Everything),
            (0x41, ErasedKind::Candidate, ErasureScope::Answers)
        ]
    );
    // The active campaign has not ended: no date yet.
    assert_eq!(v4.campaigns[0].keep_until(), None);
}

/// Version 5 carries each campaign's import log: when each file came in, its kind, name and
/// hash, and what it brought. A version 4 file reads with empty logs: nothing else changes.
#[test]
fn format_v5_holds_the_import_logs() {
    use rally::domain::campaign::{ImportKind, ImportOutcome, RecordKind};
    let v4 = read(&fixtures_dir().join("format-v4.json"));
    assert!(v4.campaigns.iter().all(|c| c.imports.is_empty()));
    let v5 = read(&fixtures_dir().join("format-v5.json"));
    let c = &v5.campaigns[0];
    assert_eq!(c.imports.len(), 4);
    let kinds: Vec<ImportKind> = c.imports.iter().map(|e| e.kind).collect();
    assert_eq!(
        kinds,
        [
            ImportKind::Observation,
            ImportKind::Answers,
            ImportKind::AnswerCode,
            ImportKind::Observation
        ]
    );
    assert_eq!(c.imports[2].file, None);
    assert_eq!(c.imports[3].outcome, ImportOutcome::SkippedDuplicate);
    // The observation was brought by the first import; the fourth found it already here.
    let obs = v5.observations[0].id;
    let (entry, record) = c
        .import_of(
            RecordKind::Observation,
            obs,
            Some(v5.observations[0].revision),
            None,
        )
        .unwrap();
    assert_eq!(
        entry.imported_at,
        DateTime::parse_from_rfc3339("2026-11-30T16:42:10Z").unwrap()
    );
    assert_eq!(record.session_id, Some(v5.observations[0].session_id));
    assert_eq!(
        record.version,
        Some(rally::domain::observation::merge::fingerprint(
            &v5.observations[0]
        ))
    );
    assert_eq!(v5.campaigns[1].imports[0].kind, ImportKind::Campaign);
    // Apart from the logs (and its date and version), version 5's fixture is version 4's.
    let mut bare = v5.clone();
    for c in &mut bare.campaigns {
        c.imports.clear();
    }
    bare.exported_at = v4.exported_at;
    assert_eq!(bare, v4);
    assert_eq!(read_document(v5.to_json().as_bytes()).unwrap(), v5);
}
