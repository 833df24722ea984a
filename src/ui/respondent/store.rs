//! Where a respondent's draft lives in the browser: one `localStorage` key per invitation,
//! written at once after every change, so that a reload or a closed tab resumes on the same
//! page with every answer. A stored draft that cannot be read is never overwritten silently:
//! its text is kept aside under another key first.

use crate::domain::survey::{Draft, Invitation};
use crate::platform::storage::{self, StorageFailure};
use chrono::{DateTime, Utc};
use uuid::Uuid;

/// The key of an invitation's draft.
pub fn draft_key(invitation: Uuid) -> String {
    format!("rally.draft.{invitation}")
}

/// How the draft on screen came to be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Loaded {
    /// Nothing was stored: a new draft.
    Fresh,
    /// The stored draft, as it was left.
    Resumed,
    /// The stored text could not be read; it was kept aside and a new draft begins.
    Recovered,
    /// No storage in this browser: a new draft that cannot be kept.
    Unavailable,
}

fn parse(text: &str, invitation: Uuid) -> Option<Draft> {
    serde_json::from_str::<Draft>(text)
        .ok()
        .filter(|d| d.invitation_id == invitation)
}

/// The stored draft of an invitation, or a new one.
pub fn load_draft(inv: &Invitation, now: DateTime<Utc>) -> (Draft, Loaded) {
    let key = draft_key(inv.id);
    match storage::read(&key) {
        Err(_) => (Draft::new(inv.id, now), Loaded::Unavailable),
        Ok(None) => (Draft::new(inv.id, now), Loaded::Fresh),
        Ok(Some(text)) => match parse(&text, inv.id) {
            Some(d) => (d, Loaded::Resumed),
            None => {
                let aside = format!("{key}.unreadable.{}", now.timestamp_millis());
                let _ = storage::write(&aside, &text);
                (Draft::new(inv.id, now), Loaded::Recovered)
            }
        },
    }
}

/// The stored draft of an invitation, if there is a readable one (for the invitations list).
pub fn peek_draft(invitation: Uuid) -> Option<Draft> {
    storage::read(&draft_key(invitation))
        .ok()
        .flatten()
        .and_then(|text| parse(&text, invitation))
}

pub fn save_draft(draft: &Draft) -> Result<(), StorageFailure> {
    let text = serde_json::to_string(draft).map_err(|_| StorageFailure::Unavailable)?;
    storage::write(&draft_key(draft.invitation_id), &text)
}

/// Forgets an invitation's draft (consent withdrawn).
pub fn erase_draft(invitation: Uuid) {
    let _ = storage::remove(&draft_key(invitation));
}
