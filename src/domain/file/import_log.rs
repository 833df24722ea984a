//! The entries of the campaigns' import logs (`campaign::imports`), worked out from what an
//! import did: [`record_outcomes`] compares the fieldwork before and after a merge, record by
//! record; [`import_entries`] makes one entry per campaign the file touched, and
//! [`with_import_log`] appends them. The time is passed in, never read here.

use crate::domain::campaign::{
    imports::log_file_name, Campaign, ErasureScope, ImportEntry, ImportKind, ImportOutcome,
    ImportedRecord, RecordKind,
};
use crate::domain::fieldwork::Fieldwork;
use crate::domain::hash::Fnv1a64;
use crate::domain::observation::merge::fingerprint;
use crate::domain::privacy::screen::Records;
use crate::domain::workspace::Workspace;
use chrono::{DateTime, Utc};
use std::collections::HashSet;
use uuid::Uuid;

use super::Document;

/// Where an import came from: a picked file (its name and the hash of its bytes) or a pasted
/// answer code.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportSource {
    pub file: Option<String>,
    pub hash: Option<String>,
    /// Answers pasted as a short code, not a file.
    pub code: bool,
}

impl ImportSource {
    /// A picked file: its name (cleaned, see `log_file_name`) and the hash of its bytes.
    pub fn file(name: &str, bytes: &[u8]) -> Self {
        Self {
            file: log_file_name(name),
            hash: Some(Fnv1a64::default().write_bytes(bytes).fingerprint()),
            code: false,
        }
    }

    /// A pasted answer code: the hash of its text, trimmed.
    pub fn code(text: &str) -> Self {
        Self {
            file: None,
            hash: Some(Fnv1a64::default().write_str(text.trim()).fingerprint()),
            code: true,
        }
    }
}

/// What became of each kit, observation and response of a file, with its campaign:
/// `before` the fieldwork as it was, `kept` the file's records once screened against the
/// tombstones, `after` the fieldwork once merged.
pub fn record_outcomes(
    before: &Fieldwork,
    incoming: &Records,
    kept: &Records,
    after: &Fieldwork,
) -> Vec<(Uuid, ImportedRecord)> {
    let mut out = Vec::new();
    let mut seen_kits = HashSet::new();
    for k in &incoming.kits {
        if !seen_kits.insert(k.id) {
            continue;
        }
        let outcome = if !kept.kits.iter().any(|x| x.id == k.id) {
            ImportOutcome::SkippedErased
        } else if before.kit(k.id).is_some() {
            ImportOutcome::SkippedDuplicate
        } else if after.kit(k.id).is_some() {
            ImportOutcome::Added
        } else {
            ImportOutcome::Refused
        };
        out.push((
            k.campaign_id,
            ImportedRecord {
                kind: RecordKind::Kit,
                id: k.id,
                revision: None,
                version: None,
                person_id: Some(k.mediator.id),
                session_id: None,
                outcome,
            },
        ));
    }
    let mut seen = Vec::new();
    for o in &incoming.observations {
        if seen.contains(&o) {
            continue;
        }
        seen.push(o);
        let has = |f: &Fieldwork| f.observations.versions().any(|v| v.id == o.id && v == o);
        let outcome = if !kept.observations.iter().any(|x| x == o) {
            ImportOutcome::SkippedErased
        } else if has(before) {
            ImportOutcome::SkippedDuplicate
        } else if !has(after) {
            // An older version than one already here.
            ImportOutcome::KeptOurs
        } else if before.observations.versions().any(|v| v.id == o.id) {
            ImportOutcome::Replaced
        } else {
            ImportOutcome::Added
        };
        out.push((
            o.campaign_id,
            ImportedRecord {
                kind: RecordKind::Observation,
                id: o.id,
                revision: Some(o.revision),
                version: Some(fingerprint(o)),
                person_id: Some(o.mediator_id),
                session_id: Some(o.session_id),
                outcome,
            },
        ));
    }
    let mut seen = Vec::new();
    for r in &incoming.responses {
        if seen.contains(&r) {
            continue;
        }
        seen.push(r);
        let has = |f: &Fieldwork| f.responses.iter().any(|x| x == r);
        let outcome = if !kept.responses.iter().any(|x| x == r) {
            ImportOutcome::SkippedErased
        } else if has(before) {
            ImportOutcome::SkippedDuplicate
        } else if !has(after) {
            ImportOutcome::Refused
        } else if before.responses.iter().any(|x| {
            x.id == r.id
                || (x.campaign_id == r.campaign_id
                    && x.respondent_id == r.respondent_id
                    && x.instrument_id == r.instrument_id
                    && x.subject_id == r.subject_id
                    && x.session_id == r.session_id)
        }) {
            ImportOutcome::Replaced
        } else {
            ImportOutcome::Added
        };
        out.push((
            r.campaign_id,
            ImportedRecord {
                kind: RecordKind::Response,
                id: r.id,
                revision: None,
                version: None,
                person_id: Some(r.respondent_id),
                session_id: r.session_id,
                outcome,
            },
        ));
    }
    out
}

/// The kind of file `doc` is, from what it holds; `None` for a file that holds nothing.
pub fn kind_of(doc: &Document, source: &ImportSource) -> Option<ImportKind> {
    Some(if doc.campaigns.len() > 1 || !doc.roles.is_empty() {
        ImportKind::Workspace
    } else if !doc.campaigns.is_empty() {
        ImportKind::Campaign
    } else if !doc.observations.is_empty() {
        ImportKind::Observation
    } else if !doc.kits.is_empty() {
        ImportKind::Kit
    } else if source.code && !doc.responses.is_empty() {
        ImportKind::AnswerCode
    } else if !doc.responses.is_empty() {
        if doc.responses.iter().all(|r| r.session_id.is_some()) {
            ImportKind::DebriefAnswers
        } else {
            ImportKind::Answers
        }
    } else if !doc.invitations.is_empty() {
        ImportKind::Invitations
    } else {
        return None;
    })
}

/// What became of a campaign of the file: `before` and `after` are its copies here.
fn campaign_outcome(before: Option<&Campaign>, after: Option<&Campaign>) -> ImportOutcome {
    match (before, after) {
        (None, Some(_)) => ImportOutcome::Added,
        (Some(b), Some(a)) if !b.same_apart_from_log(a) => ImportOutcome::Replaced,
        _ => ImportOutcome::SkippedDuplicate,
    }
}

/// One entry per campaign of `after` that the file touched (its campaigns, and those of its
/// records), in the order they first appear in the file. `records` comes from
/// [`record_outcomes`] (the merge's report).
pub fn import_entries(
    before: &Workspace,
    after: &Workspace,
    doc: &Document,
    records: &[(Uuid, ImportedRecord)],
    source: &ImportSource,
    now: DateTime<Utc>,
) -> Vec<(Uuid, ImportEntry)> {
    let Some(kind) = kind_of(doc, source) else {
        return Vec::new();
    };
    let mut campaigns: Vec<Uuid> = Vec::new();
    for id in doc
        .campaigns
        .iter()
        .map(|c| c.id)
        .chain(records.iter().map(|(c, _)| *c))
    {
        if !campaigns.contains(&id) {
            campaigns.push(id);
        }
    }
    campaigns
        .into_iter()
        .filter_map(|id| {
            let here = after.campaign(id)?;
            let mine: Vec<ImportedRecord> = records
                .iter()
                .filter(|(c, _)| *c == id)
                .map(|(_, r)| r.clone())
                .collect();
            let own = doc.campaigns.iter().any(|c| c.id == id).then(|| {
                let outcome = campaign_outcome(before.campaign(id), Some(here));
                let theirs = doc.campaigns.iter().find(|c| c.id == id);
                // Here in a version the file did not bring: ours was kept.
                match (outcome, theirs) {
                    (ImportOutcome::SkippedDuplicate, Some(t)) if !t.same_apart_from_log(here) => {
                        ImportOutcome::KeptOurs
                    }
                    _ => outcome,
                }
            });
            let outcome =
                ImportOutcome::summary(own.into_iter().chain(mine.iter().map(|r| r.outcome)))?;
            // A file that brought data about a person erased here may name them: its name is
            // not kept (its date and hash are).
            let erased_here = |p: &Uuid| {
                here.erasures
                    .iter()
                    .any(|e| e.person_id == *p && e.scope == ErasureScope::Everything)
            };
            let names_erased = mine
                .iter()
                .any(|r| r.outcome == ImportOutcome::SkippedErased)
                || doc.campaigns.iter().filter(|c| c.id == id).any(|c| {
                    c.candidates
                        .iter()
                        .chain(&c.mediators)
                        .any(|p| erased_here(&p.id))
                });
            Some((
                id,
                ImportEntry {
                    imported_at: now,
                    kind,
                    file: source.file.clone().filter(|_| !names_erased),
                    hash: source.hash.clone(),
                    outcome,
                    records: mine,
                },
            ))
        })
        .collect()
}

/// `ws` with each entry appended to its campaign's log (a campaign not here is skipped).
pub fn with_import_log(ws: &Workspace, entries: &[(Uuid, ImportEntry)]) -> Workspace {
    let mut next = ws.clone();
    for (id, entry) in entries {
        if let Some(c) = next.campaigns.iter_mut().find(|c| c.id == *id) {
            *c = c.with_import(entry.clone());
        }
    }
    next
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::campaign::tests::at;
    use crate::domain::file::{merge, merge_fieldwork, read_document};

    fn v4() -> Document {
        read_document(include_bytes!("../../../tests/fixtures/format-v4.json")).unwrap()
    }

    /// Imports `doc` as the shell does: merge, then the log.
    fn import(
        ws: &Workspace,
        fw: &Fieldwork,
        doc: &Document,
        source: &ImportSource,
        t: i64,
    ) -> (Workspace, Fieldwork) {
        let (merged, _) = merge(ws, doc).unwrap();
        let (fw2, report) = merge_fieldwork(fw, doc, &merged.campaigns);
        let entries = import_entries(ws, &merged, doc, &report.records, source, at(t));
        (with_import_log(&merged, &entries), fw2)
    }

    #[test]
    fn a_full_export_is_logged_per_campaign_then_again_as_a_duplicate() {
        let doc = v4();
        let source = ImportSource::file("rally-export.json", b"bytes");
        let (ws, fw) = import(
            &Workspace::default(),
            &Fieldwork::default(),
            &doc,
            &source,
            5,
        );
        let c = &ws.campaigns[0];
        assert_eq!(c.imports.len(), 1);
        let e = &c.imports[0];
        assert_eq!(
            (e.kind, e.outcome, e.imported_at),
            (ImportKind::Workspace, ImportOutcome::Added, at(5))
        );
        assert_eq!(e.file.as_deref(), Some("rally-export.json"));
        assert_eq!(
            e.hash,
            Some(Fnv1a64::default().write_bytes(b"bytes").fingerprint())
        );
        let kinds: Vec<(RecordKind, ImportOutcome)> =
            e.records.iter().map(|r| (r.kind, r.outcome)).collect();
        assert_eq!(kinds.len(), 1 + 1 + 5);
        assert!(kinds.iter().all(|(_, o)| *o == ImportOutcome::Added));
        let obs = &doc.observations[0];
        let (entry, record) = c
            .import_of(RecordKind::Observation, obs.id, Some(obs.revision), None)
            .unwrap();
        assert_eq!(entry.imported_at, at(5));
        assert_eq!(record.version, Some(fingerprint(obs)));
        assert_eq!(record.person_id, Some(obs.mediator_id));
        assert_eq!(record.session_id, Some(obs.session_id));
        // The second campaign came too, with no records.
        assert_eq!(ws.campaigns[1].imports[0].outcome, ImportOutcome::Added);
        assert!(ws.campaigns[1].imports[0].records.is_empty());

        // The same file again: nothing changes but the log, which says so.
        let (again, fw2) = import(&ws, &fw, &doc, &source, 9);
        assert_eq!(fw2, fw);
        let e = &again.campaigns[0].imports[1];
        assert_eq!(e.outcome, ImportOutcome::SkippedDuplicate);
        assert!(e
            .records
            .iter()
            .all(|r| r.outcome == ImportOutcome::SkippedDuplicate));
        // What brought the observation is still the first import.
        let (entry, _) = again.campaigns[0]
            .import_of(RecordKind::Observation, obs.id, Some(obs.revision), None)
            .unwrap();
        assert_eq!(entry.imported_at, at(5));
        // Merging a copy that differs only by its log changes nothing.
        let (merged, report) = merge(&again, &Document::of_workspace(&ws, at(0))).unwrap();
        assert_eq!(merged, again);
        assert_eq!(report.unchanged, 2);
    }

    #[test]
    fn a_new_version_of_an_observation_replaces_and_answers_come_by_code() {
        let doc = v4();
        let ws = doc.clone().into_workspace();
        let (fw, _) = merge_fieldwork(&Fieldwork::default(), &doc, &ws.campaigns);
        let mut newer = doc.observations[0].clone();
        newer.revision += 1;
        newer.synthesis = "Revue.".into();
        let file = Document::of_observation(&doc.kits[0], &newer, at(0));
        let source = ImportSource::file("obs.json", b"obs");
        let (ws2, fw2) = import(&ws, &fw, &file, &source, 20);
        let e = &ws2.campaigns[0].imports[0];
        assert_eq!(
            (e.kind, e.outcome),
            (ImportKind::Observation, ImportOutcome::Replaced)
        );
        let outcomes: Vec<(RecordKind, ImportOutcome)> =
            e.records.iter().map(|r| (r.kind, r.outcome)).collect();
        assert_eq!(
            outcomes,
            [
                (RecordKind::Kit, ImportOutcome::SkippedDuplicate),
                (RecordKind::Observation, ImportOutcome::Replaced)
            ]
        );
        // The older version afterwards is not taken: ours was kept.
        let old = Document::of_observation(&doc.kits[0], &doc.observations[0], at(0));
        let (ws3, _) = import(&ws2, &fw2, &old, &source, 30);
        assert_eq!(
            ws3.campaigns[0].imports[1].records[1].outcome,
            ImportOutcome::KeptOurs
        );
        // Answers pasted as a code: no file name, the kind says so.
        let mut answer = doc.responses[0].clone();
        answer.id = uuid::Uuid::from_u128(0xabc);
        answer.submitted_at = at(100);
        let code = Document::of_responses(&[answer], at(0));
        let (ws4, _) = import(&ws3, &fw2, &code, &ImportSource::code(" R1-xyz "), 40);
        let e = ws4.campaigns[0].imports.last().unwrap();
        assert_eq!((e.kind, e.file.as_deref()), (ImportKind::AnswerCode, None));
        assert_eq!(e.records[0].outcome, ImportOutcome::Replaced);
        assert_eq!(e.hash, ImportSource::code("R1-xyz").hash);
    }

    #[test]
    fn a_file_about_a_person_erased_here_keeps_no_name() {
        use crate::domain::campaign::{CampaignAction, ErasedKind, Erasure};
        let doc = v4();
        let ws = doc.clone().into_workspace();
        let c = &ws.campaigns[0];
        let jean = c.candidates[0].clone();
        // An answers file named after Jean, logged before his erasure.
        let answers = Document::of_responses(&doc.responses[..2], at(0));
        let source = ImportSource::file("rally-answers-jean-dupont-2026-12-01.json", b"a");
        let (ws, fw) = import(&ws, &Fieldwork::default(), &answers, &source, 1);
        assert!(ws.campaigns[0].imports[0].file.is_some());
        let erased = ws.campaigns[0]
            .apply(
                &CampaignAction::ErasePerson {
                    erasure: Erasure {
                        person_id: jean.id,
                        kind: ErasedKind::Candidate,
                        scope: ErasureScope::Everything,
                        erased_at: at(2),
                    },
                    observations: vec![],
                },
                at(2),
            )
            .unwrap();
        assert_eq!(erased.imports[0].file, None);
        assert!(erased.imports[0].records.is_empty());
        assert!(erased.imports[0].hash.is_some());
        // The same file again, after the erasure: left out, and its name is not kept.
        let ws = Workspace {
            campaigns: vec![erased],
            roles: vec![],
        };
        let (ws, _) = import(&ws, &fw, &answers, &source, 3);
        let e = &ws.campaigns[0].imports[1];
        assert_eq!(e.file, None);
        assert_eq!(e.outcome, ImportOutcome::SkippedErased);
    }

    #[test]
    fn a_file_for_no_campaign_here_logs_nothing() {
        let doc = v4();
        let answers = Document::of_responses(&doc.responses, at(0));
        let (ws, _) = import(
            &Workspace::default(),
            &Fieldwork::default(),
            &answers,
            &ImportSource::default(),
            1,
        );
        assert!(ws.campaigns.is_empty());
        let empty = Document::of_responses(&[], at(0));
        assert_eq!(kind_of(&empty, &ImportSource::default()), None);
    }
}
