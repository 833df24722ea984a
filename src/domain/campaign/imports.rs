//! The import log of a campaign (since format version 5): for each file (or pasted answer code)
//! taken into this campaign, when, what kind of file, its name and content hash, and what it
//! brought — the observations, answers and kits it added, replaced or skipped, with the person
//! and session of each. The decision report says from it when each record it used was
//! imported (`compatibility::provenance`).
//!
//! The log is a record of arrivals, not of the campaign's content: adding an entry does not
//! bump the campaign's revision, two copies that differ only by their logs are the same
//! campaign when a file is merged, and the copy kept here keeps its own log
//! (`file::merge`). It is bounded: at most [`MAX_IMPORT_ENTRIES`] entries naming at most
//! [`MAX_IMPORT_RECORDS`] records in all; the oldest entries go first. The entries are made by
//! `file::import_log` from what a merge did, with the time passed in.

use super::{Campaign, CampaignError};
use crate::domain::limits::{MAX_IMPORT_ENTRIES, MAX_IMPORT_RECORDS, MAX_NAME_CHARS};
use crate::domain::text::check_text;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// What kind of file was imported, from what it held.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ImportKind {
    /// A full export: several campaigns, or roles.
    Workspace,
    /// One campaign's export (possibly with its fieldwork).
    Campaign,
    /// A mediator's kit.
    Kit,
    /// A mediator's observation (with its kit).
    Observation,
    /// A respondent's self-assessment or observer-form answers.
    Answers,
    /// Session-debrief answers.
    DebriefAnswers,
    /// Answers pasted as a short code (`R1-`, `R2-`): no file.
    AnswerCode,
    /// Invitations only.
    Invitations,
}

/// What an import did, to one record or, for the whole entry, the most telling of them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ImportOutcome {
    /// New here.
    Added,
    /// Took the place of (or was kept beside, as the newer version of) one already here.
    Replaced,
    /// Already here, identical: nothing changed.
    SkippedDuplicate,
    /// About a person erased from the campaign: left out.
    SkippedErased,
    /// Not taken in (answers that do not fit the campaign or the instrument, a full store).
    Refused,
    /// A campaign already here in a newer or diverging version: ours was kept.
    KeptOurs,
}

impl ImportOutcome {
    /// Which outcome speaks for an entry of several: what changed first, then why not.
    fn weight(self) -> u8 {
        match self {
            ImportOutcome::Added => 6,
            ImportOutcome::Replaced => 5,
            ImportOutcome::SkippedErased => 4,
            ImportOutcome::Refused => 3,
            ImportOutcome::KeptOurs => 2,
            ImportOutcome::SkippedDuplicate => 1,
        }
    }

    /// The outcome an entry reports for `outcomes`; `None` when there are none.
    pub fn summary(outcomes: impl IntoIterator<Item = ImportOutcome>) -> Option<ImportOutcome> {
        outcomes.into_iter().max_by_key(|o| o.weight())
    }

    /// Whether the record is here because of this import.
    pub fn brought(self) -> bool {
        matches!(self, ImportOutcome::Added | ImportOutcome::Replaced)
    }
}

/// The kind of a record an import brought.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RecordKind {
    Observation,
    /// A self-assessment, observer form or debrief response.
    Response,
    Kit,
}

/// One record a file brought.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportedRecord {
    pub kind: RecordKind,
    pub id: Uuid,
    /// An observation's revision (which version came).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revision: Option<u64>,
    /// An observation's fingerprint (`observation::merge::fingerprint`): exactly which version
    /// came, when several share a revision.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// The mediator of an observation or a kit, the respondent of a response.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub person_id: Option<Uuid>,
    /// The work session of an observation or a debrief.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub session_id: Option<Uuid>,
    pub outcome: ImportOutcome,
}

/// One file (or code) taken into the campaign.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportEntry {
    #[serde(with = "crate::domain::timefmt::utc")]
    pub imported_at: DateTime<Utc>,
    pub kind: ImportKind,
    /// The file's name as picked (at most 200 characters); absent for a pasted code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    /// `fnv1a64:` and 16 lowercase hex digits of the file's bytes as picked (of the code's
    /// text for a code): which exact file it was.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hash: Option<String>,
    pub outcome: ImportOutcome,
    /// The observations, responses and kits of this campaign the file held.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub records: Vec<ImportedRecord>,
}

/// Whether `hash` is `fnv1a64:` and 16 lowercase hex digits.
pub fn is_fingerprint(hash: &str) -> bool {
    hash.strip_prefix("fnv1a64:").is_some_and(|hex| {
        hex.len() == 16
            && hex
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
    })
}

/// A file name cut to what a log keeps (at most 200 characters, control characters and
/// bidirectional overrides dropped), or `None` when nothing is left.
pub fn log_file_name(name: &str) -> Option<String> {
    let kept: String = name
        .chars()
        .filter(|c| check_text(&c.to_string(), 1).is_ok())
        .take(MAX_NAME_CHARS)
        .collect();
    let kept = kept.trim().to_owned();
    (!kept.is_empty()).then_some(kept)
}

/// Keeps `log` within its bounds, dropping the oldest entries (a lone entry over the record
/// bound keeps its first records).
pub fn prune(log: &mut Vec<ImportEntry>) {
    let mut records: usize = log.iter().map(|e| e.records.len()).sum();
    while log.len() > MAX_IMPORT_ENTRIES || (records > MAX_IMPORT_RECORDS && log.len() > 1) {
        records -= log.remove(0).records.len();
    }
    if let Some(only) = log.first_mut() {
        only.records.truncate(MAX_IMPORT_RECORDS);
    }
}

/// Whether the file name `file` names the person called `name` (as Rally's exports do:
/// `rally-answers-jean-dupont-2026-12-01.json`).
pub fn names_person(file: &str, name: &str) -> bool {
    let name = crate::domain::text::slug(name);
    !name.is_empty() && crate::domain::text::slug(file).contains(&name)
}

impl Campaign {
    /// Forgets what the log says about a person being erased: the records about them, and the
    /// name of every file that brought them or names them (`name`) — the entry, its date and its
    /// hash stay.
    pub(super) fn scrub_import_log(&mut self, person: Uuid, name: Option<&str>) {
        for e in &mut self.imports {
            let before = e.records.len();
            e.records.retain(|r| r.person_id != Some(person));
            let named = e
                .file
                .as_deref()
                .zip(name)
                .is_some_and(|(f, n)| names_person(f, n));
            if named || e.records.len() != before {
                e.file = None;
            }
        }
    }

    /// The campaign with `entry` at the end of its log (bounded); its revision is unchanged.
    pub fn with_import(&self, entry: ImportEntry) -> Campaign {
        let mut next = self.clone();
        next.imports.push(entry);
        prune(&mut next.imports);
        next
    }

    /// The same campaign apart from the import logs: what a merge compares.
    pub fn same_apart_from_log(&self, other: &Campaign) -> bool {
        if self.imports == other.imports {
            return self == other;
        }
        let mut a = self.clone();
        a.imports = other.imports.clone();
        a == *other
    }

    /// The latest import that brought this record (added or replaced it): the version whose
    /// fingerprint is `version` when given and logged, else the revision `revision` when given
    /// and logged, else any.
    pub fn import_of(
        &self,
        kind: RecordKind,
        id: Uuid,
        revision: Option<u64>,
        version: Option<&str>,
    ) -> Option<(&ImportEntry, &ImportedRecord)> {
        let find = |fits: &dyn Fn(&ImportedRecord) -> bool| {
            self.imports.iter().rev().find_map(|e| {
                e.records
                    .iter()
                    .find(|r| r.kind == kind && r.id == id && r.outcome.brought() && fits(r))
                    .map(|r| (e, r))
            })
        };
        let by_version = version.and_then(|v| find(&|r| r.version.as_deref() == Some(v)));
        let by_revision = || revision.and_then(|n| find(&|r| r.revision == Some(n)));
        by_version.or_else(by_revision).or_else(|| find(&|_| true))
    }

    /// The log's bounds, file names and hashes.
    pub(super) fn check_imports(&self) -> Result<(), CampaignError> {
        let records: usize = self.imports.iter().map(|e| e.records.len()).sum();
        if self.imports.len() > MAX_IMPORT_ENTRIES || records > MAX_IMPORT_RECORDS {
            return Err(CampaignError::TooManyImports);
        }
        for e in &self.imports {
            if let Some(file) = &e.file {
                if file.trim().is_empty() {
                    return Err(CampaignError::BadImportEntry);
                }
                check_text(file, MAX_NAME_CHARS)?;
            }
            let versions = e.records.iter().filter_map(|r| r.version.as_deref());
            if e.hash
                .iter()
                .map(String::as_str)
                .chain(versions)
                .any(|h| !is_fingerprint(h))
            {
                return Err(CampaignError::BadImportEntry);
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::campaign::tests::{at, id, sample};

    fn entry(t: i64, records: Vec<ImportedRecord>) -> ImportEntry {
        ImportEntry {
            imported_at: at(t),
            kind: ImportKind::Observation,
            file: Some("obs.json".into()),
            hash: Some("fnv1a64:0123456789abcdef".into()),
            outcome: ImportOutcome::Added,
            records,
        }
    }

    fn record(n: u128, outcome: ImportOutcome) -> ImportedRecord {
        ImportedRecord {
            kind: RecordKind::Observation,
            id: id(n),
            revision: Some(1),
            version: None,
            person_id: None,
            session_id: None,
            outcome,
        }
    }

    #[test]
    fn the_log_keeps_the_last_entries_and_leaves_the_revision() {
        let mut c = sample();
        for t in 0..(MAX_IMPORT_ENTRIES as i64 + 5) {
            c = c.with_import(entry(t, vec![]));
        }
        assert_eq!(c.imports.len(), MAX_IMPORT_ENTRIES);
        assert_eq!(c.imports[0].imported_at, at(5));
        assert_eq!(c.revision, sample().revision);
        assert!(c.same_apart_from_log(&sample()));
        assert_eq!(c.check(), Ok(()));
    }

    #[test]
    fn the_log_keeps_at_most_its_records() {
        let many = |t| entry(t, vec![record(1, ImportOutcome::Added); 6_000]);
        let c = sample().with_import(many(0)).with_import(many(1));
        assert_eq!(c.imports.len(), 1);
        assert_eq!(c.imports[0].imported_at, at(1));
        let c = sample().with_import(entry(0, vec![record(1, ImportOutcome::Added); 20_000]));
        assert_eq!(c.imports[0].records.len(), MAX_IMPORT_RECORDS);
    }

    #[test]
    fn the_latest_import_that_brought_a_record_is_found() {
        let c = sample()
            .with_import(entry(1, vec![record(7, ImportOutcome::Added)]))
            .with_import(entry(2, vec![record(7, ImportOutcome::SkippedDuplicate)]))
            .with_import(entry(3, vec![record(8, ImportOutcome::Added)]));
        let (e, _) = c
            .import_of(RecordKind::Observation, id(7), Some(1), None)
            .unwrap();
        assert_eq!(e.imported_at, at(1));
        // Another revision than any logged: the latest that brought the id.
        let (e, _) = c
            .import_of(RecordKind::Observation, id(7), Some(9), None)
            .unwrap();
        assert_eq!(e.imported_at, at(1));
        assert!(c
            .import_of(RecordKind::Response, id(7), None, None)
            .is_none());
        // Two versions of one revision: the fingerprint tells them apart.
        let mut first = record(9, ImportOutcome::Added);
        first.version = Some("fnv1a64:1111111111111111".into());
        let mut second = first.clone();
        second.version = Some("fnv1a64:2222222222222222".into());
        let c = c
            .with_import(entry(10, vec![first]))
            .with_import(entry(11, vec![second]));
        let find = |v: &str| {
            c.import_of(RecordKind::Observation, id(9), Some(1), Some(v))
                .map(|(e, _)| e.imported_at)
        };
        assert_eq!(find("fnv1a64:1111111111111111"), Some(at(10)));
        assert_eq!(find("fnv1a64:2222222222222222"), Some(at(11)));
        assert_eq!(find("fnv1a64:3333333333333333"), Some(at(11)));
    }

    #[test]
    fn a_bad_log_is_refused() {
        let mut c = sample().with_import(entry(0, vec![record(1, ImportOutcome::Added)]));
        c.imports[0].records[0].version = Some("v2".into());
        assert_eq!(c.check(), Err(CampaignError::BadImportEntry));
        c.imports[0].records[0].version = None;
        c.imports[0].hash = Some("fnv1a64:XYZ".into());
        assert_eq!(c.check(), Err(CampaignError::BadImportEntry));
        c.imports[0].hash = None;
        c.imports[0].file = Some("a\u{202e}b".into());
        assert_eq!(c.check(), Err(CampaignError::ForbiddenCharacters));
        c.imports[0].file = Some(" ".into());
        assert_eq!(c.check(), Err(CampaignError::BadImportEntry));
        c.imports = vec![entry(0, vec![]); MAX_IMPORT_ENTRIES + 1];
        assert_eq!(c.check(), Err(CampaignError::TooManyImports));
    }

    #[test]
    fn erasing_a_person_forgets_their_records_and_the_files_that_name_them() {
        let mut named = entry(1, vec![]);
        named.file = Some("rally-answers-Jean-Dupont-2026-12-01.json".into());
        let mut theirs = entry(2, vec![record(5, ImportOutcome::Added)]);
        theirs.records[0].person_id = Some(id(10));
        let other = entry(3, vec![record(6, ImportOutcome::Added)]);
        let mut c = sample()
            .with_import(named)
            .with_import(theirs)
            .with_import(other.clone());
        c.scrub_import_log(id(10), Some("Jean Dupont"));
        assert_eq!(c.imports[0].file, None);
        assert_eq!(c.imports[1].file, None);
        assert!(c.imports[1].records.is_empty());
        assert_eq!(c.imports[2], other);
        assert!(names_person(
            "rally-observation-amina-s1-jean-dupont.json",
            "Jean  Dupont"
        ));
        assert!(!names_person("rally-observation.json", ""));
        // Accented names: Rally's own export of Hélène's answers is named with plain letters.
        let exported = crate::domain::file::export_file_name(
            "answers Hélène Garnier",
            chrono::DateTime::UNIX_EPOCH,
        );
        assert!(exported.starts_with("rally-answers-helene-garnier-"));
        assert!(names_person(&exported, "Hélène Garnier"));
    }

    #[test]
    fn file_names_are_cleaned() {
        assert_eq!(log_file_name(" a\u{202e}b.json "), Some("ab.json".into()));
        assert_eq!(log_file_name("\u{0}"), None);
        assert_eq!(log_file_name(&"x".repeat(300)).unwrap().len(), 200);
    }
}
