//! Reading an untrusted file: size, encoding, JSON syntax, nesting depth, format marker,
//! version, migration, shape (with the exact path of a wrong value) and finally the meaning
//! (duplicate identifiers, empty names, impossible bands). Nothing here can panic.

use super::envelope::SealedError;
use super::{migrate, Document, CURRENT_VERSION, FORMAT_NAME};
use crate::domain::campaign::CampaignError;
use crate::domain::fieldwork::{check_observation, FieldworkError, Kit};
use crate::domain::instrument::score::Response;
use crate::domain::json_path::from_value;
use crate::domain::limits::{
    MAX_ANSWERS, MAX_CAMPAIGNS, MAX_IMPORT_BYTES, MAX_JSON_DEPTH, MAX_NAME_CHARS, MAX_OBSERVATIONS,
    MAX_RESPONSES, MAX_ROLES,
};
use crate::domain::observation::log::Observation;
use crate::domain::role::RoleProblem;
use crate::domain::survey::{Invitation, InvitationError};
use crate::domain::workspace::Workspace;
use serde_json::Value;
use std::collections::HashSet;

/// Why a file could not be read. Each variant becomes one plain sentence (see `i18n`).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    #[error("the file is {bytes} bytes; the limit is {max}")]
    TooLarge { bytes: usize, max: usize },
    #[error("the file is empty")]
    Empty,
    #[error("the file is not text (UTF-8)")]
    NotText,
    #[error("the file ends too early")]
    Truncated,
    #[error("the JSON is malformed at line {line}, column {column}")]
    Malformed { line: usize, column: usize },
    #[error("the data is nested more than {max} levels deep")]
    TooDeep { max: usize },
    #[error("this is not a Rally file")]
    NotRally,
    /// A sealed file given to a reader of open files: it needs its passphrase first
    /// (see [`super::open_file`]).
    #[error("the file is protected by a passphrase")]
    Protected,
    #[error("the protected file cannot be opened: {0}")]
    Sealed(SealedError),
    #[error("the file has no format version")]
    MissingVersion,
    #[error("the format version is not a whole number")]
    BadVersion,
    #[error("format version {found} comes from a newer Rally (this one reads up to {supported})")]
    FutureVersion { found: u64, supported: u64 },
    #[error("format version {found} is unknown")]
    UnknownVersion { found: u64 },
    #[error("at {path}: {detail}")]
    WrongShape { path: String, detail: String },
    #[error("at {path}: {problem}")]
    Invalid { path: String, problem: Problem },
}

/// What is wrong with a well-formed value.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Problem {
    #[error("{0}")]
    Campaign(CampaignError),
    #[error("{0}")]
    Role(RoleProblem),
    #[error("two campaigns have the same identifier")]
    DuplicateCampaign,
    #[error("two roles have the same identifier")]
    DuplicateRole,
    #[error("the identifier belongs to a built-in role")]
    ReservedRoleId,
    #[error("too many campaigns")]
    TooManyCampaigns,
    #[error("too many roles")]
    TooManyRoles,
    #[error("{0}")]
    Fieldwork(FieldworkError),
    #[error("two kits have the same identifier")]
    DuplicateKit,
    #[error("too many observations")]
    TooManyObservations,
    #[error("{0}")]
    Invitation(InvitationError),
    #[error("two invitations have the same identifier")]
    DuplicateInvitation,
    #[error("too many self-assessment responses or invitations")]
    TooManyResponses,
    #[error("a response has more answers than any instrument has items")]
    TooManyAnswers,
}

/// Reads a file's bytes into a valid document at the current version.
pub fn read_document(bytes: &[u8]) -> Result<Document, ImportError> {
    read_stored(bytes).map(|(doc, _)| doc)
}

/// Like [`read_document`], and says whether the document was already at the current version
/// (`false`: it was migrated, and writing it back saves the next reads that work).
pub fn read_stored(bytes: &[u8]) -> Result<(Document, bool), ImportError> {
    let text = text_of(bytes)?;
    if let Some(doc) = read_current(text) {
        return doc.map(|doc| (doc, true));
    }
    let value: Value = serde_json::from_str(text).map_err(|e| match e.classify() {
        serde_json::error::Category::Eof => ImportError::Truncated,
        _ => ImportError::Malformed {
            line: e.line(),
            column: e.column(),
        },
    })?;
    read_document_value(value).map(|doc| (doc, false))
}

/// The text of a file, once its size, encoding and nesting are acceptable (a byte-order mark
/// is dropped).
pub(super) fn text_of(bytes: &[u8]) -> Result<&str, ImportError> {
    if bytes.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge {
            bytes: bytes.len(),
            max: MAX_IMPORT_BYTES,
        });
    }
    // A file cut inside a multi-byte character is truncated, not binary.
    let text = std::str::from_utf8(bytes).map_err(|e| match e.error_len() {
        None => ImportError::Truncated,
        Some(_) => ImportError::NotText,
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    check_depth(text)?;
    Ok(text)
}

/// The fast path for the common case, a sound document at the current version: one typed
/// parse, then the meaning checks. `None` sends everything else (old versions, any shape
/// problem) through [`read_document_value`], which migrates and names the exact path of a
/// wrong value. The property test `fast_path_agrees` holds both paths to the same answer.
pub(super) fn read_current(text: &str) -> Option<Result<Document, ImportError>> {
    let doc: Document = serde_json::from_str(text).ok()?;
    current(doc)
}

/// `Some` when `doc` (parsed by the typed fast path) is a Rally document at this version.
pub(super) fn current(doc: Document) -> Option<Result<Document, ImportError>> {
    if doc.format != FORMAT_NAME || doc.format_version != CURRENT_VERSION {
        return None;
    }
    Some(check_document(&doc).map(|()| doc))
}

/// Reads an already parsed JSON value (the autosave path uses this too).
pub fn read_document_value(value: Value) -> Result<Document, ImportError> {
    if super::envelope::is_sealed(&value) {
        return Err(ImportError::Protected);
    }
    let version = version_of(&value)?;
    let value = migrate(value, version);
    let doc: Document = from_value(&value).map_err(|e| ImportError::WrongShape {
        path: if e.path.is_empty() {
            "(root)".to_owned()
        } else {
            e.path
        },
        detail: e.message,
    })?;
    check_document(&doc)?;
    Ok(doc)
}

/// The format version of a Rally document, once its marker says it is one and the version is
/// one this build reads.
pub(super) fn version_of(value: &Value) -> Result<u64, ImportError> {
    let obj = value.as_object().ok_or(ImportError::NotRally)?;
    if obj.get("format").and_then(Value::as_str) != Some(FORMAT_NAME) {
        return Err(ImportError::NotRally);
    }
    let version = match obj.get("format_version") {
        None | Some(Value::Null) => return Err(ImportError::MissingVersion),
        Some(v) => v.as_u64().ok_or(ImportError::BadVersion)?,
    };
    if version > CURRENT_VERSION {
        return Err(ImportError::FutureVersion {
            found: version,
            supported: CURRENT_VERSION,
        });
    }
    if version == 0 {
        return Err(ImportError::UnknownVersion { found: version });
    }
    Ok(version)
}

/// Refuses absurd nesting before the parser recurses into it.
pub(super) fn check_depth(text: &str) -> Result<(), ImportError> {
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    for b in text.bytes() {
        if in_string {
            match (escaped, b) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > MAX_JSON_DEPTH {
                    return Err(ImportError::TooDeep {
                        max: MAX_JSON_DEPTH,
                    });
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    Ok(())
}

fn invalid(path: String, problem: Problem) -> ImportError {
    ImportError::Invalid { path, problem }
}

/// The meaning checks that types alone cannot express.
pub(super) fn check_document(doc: &Document) -> Result<(), ImportError> {
    if doc.campaigns.len() > MAX_CAMPAIGNS {
        return Err(invalid("campaigns".into(), Problem::TooManyCampaigns));
    }
    if doc.roles.len() > MAX_ROLES {
        return Err(invalid("roles".into(), Problem::TooManyRoles));
    }
    let mut seen = HashSet::new();
    for (i, c) in doc.campaigns.iter().enumerate() {
        c.check()
            .map_err(|e| invalid(format!("campaigns[{i}]"), Problem::Campaign(e)))?;
        if !seen.insert(c.id) {
            return Err(invalid(
                format!("campaigns[{i}].id"),
                Problem::DuplicateCampaign,
            ));
        }
    }
    let mut seen = HashSet::new();
    for (i, r) in doc.roles.iter().enumerate() {
        if Workspace::is_builtin_role(&r.id) {
            return Err(invalid(format!("roles[{i}].id"), Problem::ReservedRoleId));
        }
        if let Some(p) = r.problems().into_iter().next() {
            return Err(invalid(format!("roles[{i}]"), Problem::Role(p)));
        }
        if !seen.insert(r.id.as_str()) {
            return Err(invalid(format!("roles[{i}].id"), Problem::DuplicateRole));
        }
    }
    check_fieldwork(&doc.kits, &doc.observations)?;
    check_survey(&doc.invitations, &doc.responses)
}

/// The checks of a file's kits and observations.
pub(super) fn check_fieldwork(
    kits: &[Kit],
    observations: &[Observation],
) -> Result<(), ImportError> {
    if observations.len() > MAX_OBSERVATIONS || kits.len() > MAX_OBSERVATIONS {
        return Err(invalid("observations".into(), Problem::TooManyObservations));
    }
    let mut seen = HashSet::new();
    for (i, k) in kits.iter().enumerate() {
        k.check()
            .map_err(|e| invalid(format!("kits[{i}]"), Problem::Fieldwork(e)))?;
        if !seen.insert(k.id) {
            return Err(invalid(format!("kits[{i}].id"), Problem::DuplicateKit));
        }
    }
    for (i, o) in observations.iter().enumerate() {
        check_observation(o)
            .map_err(|e| invalid(format!("observations[{i}]"), Problem::Fieldwork(e)))?;
    }
    Ok(())
}

/// The checks of a file's invitations and responses (also those of a browser's stored ones).
pub(super) fn check_survey(
    invitations: &[Invitation],
    responses: &[Response],
) -> Result<(), ImportError> {
    if responses.len() > MAX_RESPONSES {
        return Err(invalid("responses".into(), Problem::TooManyResponses));
    }
    super::invitations::check_invitations(invitations)?;
    // Whether each response fits a campaign and an instrument is decided when it is taken in
    // (see `survey::store`), so the recruiter learns which were refused and why; here only
    // the sizes are bounded.
    for (i, r) in responses.iter().enumerate() {
        let long = [&r.instrument_id, &r.instrument_version, &r.instrument_hash]
            .iter()
            .any(|t| t.len() > MAX_NAME_CHARS)
            || r.answers.iter().any(|a| a.item.len() > MAX_NAME_CHARS);
        if long {
            return Err(invalid(
                format!("responses[{i}]"),
                Problem::Campaign(CampaignError::TooLong),
            ));
        }
        if r.answers.len() > MAX_ANSWERS {
            return Err(invalid(
                format!("responses[{i}].answers"),
                Problem::TooManyAnswers,
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn depth_scan_ignores_brackets_in_strings() {
        let s = format!("{{\"a\":\"{}\"}}", "[".repeat(500));
        assert_eq!(check_depth(&s), Ok(()));
        let deep = format!(
            "{}{}",
            "[".repeat(MAX_JSON_DEPTH + 1),
            "]".repeat(MAX_JSON_DEPTH + 1)
        );
        assert_eq!(
            check_depth(&deep),
            Err(ImportError::TooDeep {
                max: MAX_JSON_DEPTH
            })
        );
        let escaped = "{\"a\":\"\\\"[[[[\"}";
        assert_eq!(check_depth(escaped), Ok(()));
    }

    #[test]
    fn bom_is_accepted() {
        let text = "\u{feff}{\"format\":\"rally\",\"format_version\":1,\"exported_at\":\"2026-01-01T00:00:00Z\"}";
        let doc = read_document(text.as_bytes()).unwrap();
        assert!(doc.campaigns.is_empty());
    }
}
