//! The autosave record kept in the browser: the document plus a token (which tab wrote it, and
//! its write counter). Before each save a tab compares the stored token with the one it last
//! saw; a different token means another tab wrote in between, and the tab asks the user
//! instead of overwriting.

use super::{read_document_value, Document, ImportError};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// Who wrote the stored record last, and how many writes that tab had made.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SnapshotToken {
    pub writer: String,
    pub seq: u64,
}

impl SnapshotToken {
    /// The compact form stored beside the record, read cheaply before every save.
    pub fn encode(&self) -> String {
        format!("{}:{}", self.writer, self.seq)
    }

    pub fn decode(text: &str) -> Option<Self> {
        let (writer, seq) = text.rsplit_once(':')?;
        Some(Self {
            writer: writer.to_owned(),
            seq: seq.parse().ok()?,
        })
    }
}

/// The stored record as written, for the typed fast path.
#[derive(Deserialize)]
struct Stored {
    token: SnapshotToken,
    document: Document,
}

/// The stored record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Snapshot {
    pub token: SnapshotToken,
    pub document: Document,
}

impl Snapshot {
    pub fn to_json(&self) -> String {
        // Built by hand so that the document goes through the same serialiser as an export.
        let token = crate::domain::json::to_string(&self.token);
        format!(
            "{{\"token\":{token},\"document\":{}}}",
            self.document.to_json()
        )
    }

    /// Reads a stored record through the same checks as an imported file: one typed parse
    /// when it holds a document at the current version (what this app writes), the
    /// migrating path otherwise.
    pub fn from_json(text: &str) -> Result<Self, ImportError> {
        Self::read(text).map(|(snapshot, _)| snapshot)
    }

    /// Like [`Snapshot::from_json`], and says whether the record was already in the current
    /// format (`false`: it was migrated, and writing it back saves the next reads that work).
    pub fn read(text: &str) -> Result<(Self, bool), ImportError> {
        if let Ok(stored) = serde_json::from_str::<Stored>(text) {
            if let Some(document) = super::import::current(stored.document) {
                return document.map(|document| {
                    let token = stored.token;
                    (Self { token, document }, true)
                });
            }
        }
        let mut value: Value = serde_json::from_str(text).map_err(|_| ImportError::NotRally)?;
        let token: SnapshotToken = value
            .get("token")
            .cloned()
            .and_then(|t| serde_json::from_value(t).ok())
            .ok_or(ImportError::NotRally)?;
        let document = value
            .get_mut("document")
            .map(Value::take)
            .ok_or(ImportError::NotRally)?;
        let document = read_document_value(document)?;
        Ok((Self { token, document }, false))
    }
}

/// The ids of the campaigns a stored record holds, read without reading the campaigns (the
/// respondent's page: it hides the invitations a recruiter issued from this browser). Empty
/// when the record cannot be read.
pub fn campaign_ids(text: &str) -> Vec<uuid::Uuid> {
    #[derive(serde::Deserialize)]
    struct Id {
        id: uuid::Uuid,
    }
    #[derive(serde::Deserialize)]
    struct Ids {
        #[serde(default)]
        campaigns: Vec<Id>,
    }
    #[derive(serde::Deserialize)]
    struct Record {
        document: Ids,
    }
    serde_json::from_str::<Record>(text)
        .map(|r| r.document.campaigns.into_iter().map(|c| c.id).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::campaign::tests::{at, sample};
    use crate::domain::workspace::Workspace;

    #[test]
    fn round_trip() {
        let ws = Workspace {
            campaigns: vec![sample()],
            roles: vec![],
        };
        let snap = Snapshot {
            token: SnapshotToken {
                writer: "tab-1".into(),
                seq: 7,
            },
            document: Document::of_workspace(&ws, at(3)),
        };
        assert_eq!(
            Snapshot::read(&snap.to_json()).unwrap(),
            (snap.clone(), true)
        );
        // An older record reads the same and is flagged for writing back.
        let old = snap
            .to_json()
            .replace("\"format_version\":5", "\"format_version\":1");
        assert_ne!(old, snap.to_json());
        assert_eq!(Snapshot::read(&old).unwrap(), (snap.clone(), false));
        assert_eq!(
            SnapshotToken::decode(&snap.token.encode()),
            Some(snap.token.clone())
        );
        assert_eq!(SnapshotToken::decode("garbage"), None);
    }

    #[test]
    fn campaign_ids_are_read_without_the_campaigns() {
        let doc: Document =
            serde_json::from_str(include_str!("../../../tests/fixtures/format-v4.json")).unwrap();
        let ids: Vec<_> = doc.campaigns.iter().map(|c| c.id).collect();
        assert!(!ids.is_empty());
        let snap = Snapshot {
            token: SnapshotToken {
                writer: "tab".into(),
                seq: 3,
            },
            document: doc,
        };
        assert_eq!(super::campaign_ids(&snap.to_json()), ids);
        assert!(super::campaign_ids("{not json").is_empty());
        assert!(super::campaign_ids("{\"document\":{}}").is_empty());
    }
}
