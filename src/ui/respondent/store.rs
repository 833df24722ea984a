//! Where a respondent's drafts live in the browser: in the database (IndexedDB, key
//! `draft/<invitation>`), written at once after every change, so that a reload, a closed tab
//! or a killed browser resumes on the same page with every answer. (They were kept in
//! `localStorage` before, whose writes Chromium delays by seconds; a draft found there is moved
//! into the database once.) The drafts are read when the page starts, before anything is shown,
//! and kept here, so that a step reads its draft at once. A stored draft that cannot be read is
//! never overwritten silently: its text is kept aside under another key first. Without a
//! database (a browser that refuses it), `localStorage` is used as before.

use crate::domain::file::campaign_ids;
use crate::domain::file::stored::WORKSPACE_KEY;
use crate::domain::survey::{Draft, Invitation};
use crate::platform::db::{self, Batch, WriteError};
use crate::platform::storage::{self, StorageFailure};
use chrono::{DateTime, Utc};
use std::cell::RefCell;
use std::collections::HashMap;
use uuid::Uuid;

/// The database key of an invitation's draft.
fn db_key(invitation: Uuid) -> String {
    format!("{DB_PREFIX}{invitation}")
}

const DB_PREFIX: &str = "draft/";
/// Where an older Rally kept drafts (`localStorage`), and where they still go without a
/// database.
const LEGACY_PREFIX: &str = "rally.draft.";

/// The key of an invitation's draft in `localStorage`.
pub fn draft_key(invitation: Uuid) -> String {
    format!("{LEGACY_PREFIX}{invitation}")
}

thread_local! {
    /// The stored drafts' texts by invitation, once read from the database (`None`: no
    /// database, `localStorage` serves).
    static DRAFTS: RefCell<Option<HashMap<Uuid, String>>> = const { RefCell::new(None) };
    /// The campaigns of the recruiter's workspace in this browser, if there is one.
    static OWN_CAMPAIGNS: RefCell<Vec<Uuid>> = const { RefCell::new(Vec::new()) };
}

/// The campaigns a recruiter keeps in this browser: the invitations they issued are answered
/// elsewhere, so the list hides those nobody began here.
pub fn own_campaigns() -> Vec<Uuid> {
    OWN_CAMPAIGNS.with(|c| c.borrow().clone())
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

/// Reads the recruiter's campaign ids (if any) and every stored draft from the database, moving in those an older Rally kept in
/// `localStorage` (removed there once written). Called once, before the page shows anything.
pub async fn load_drafts() {
    // Both in one read: the page waits for it before showing anything.
    let Ok((workspace, records)) = db::read(WORKSPACE_KEY, &[DB_PREFIX]).await else {
        return;
    };
    if let Some(text) = workspace {
        OWN_CAMPAIGNS.with(|c| *c.borrow_mut() = campaign_ids(&text));
    }
    let mut drafts: HashMap<Uuid, String> = records
        .into_iter()
        .filter_map(|(k, v)| Some((Uuid::parse_str(k.strip_prefix(DB_PREFIX)?).ok()?, v)))
        .collect();
    let mut moved = Vec::new();
    let mut batch = Batch::default();
    for key in storage::keys_with_prefix(LEGACY_PREFIX) {
        let Some(id) = key
            .strip_prefix(LEGACY_PREFIX)
            .and_then(|rest| Uuid::parse_str(rest).ok())
        else {
            continue; // a text kept aside (`….unreadable.<time>`) stays where it is
        };
        if let Some(text) = storage::read(&key).ok().flatten() {
            if let std::collections::hash_map::Entry::Vacant(slot) = drafts.entry(id) {
                batch.put(db_key(id), text.clone());
                slot.insert(text);
            }
            moved.push(key);
        }
    }
    if !batch.is_empty() && batch.write().await.is_err() {
        // Not moved: left in `localStorage`, read from there next time.
        moved.clear();
    }
    for key in moved {
        let _ = storage::remove(&key);
    }
    DRAFTS.with(|d| *d.borrow_mut() = Some(drafts));
}

/// The stored text of an invitation's draft: `Err` when there is no storage at all.
fn stored_text(invitation: Uuid) -> Result<Option<String>, StorageFailure> {
    match DRAFTS.with(|d| d.borrow().as_ref().map(|m| m.get(&invitation).cloned())) {
        Some(text) => Ok(text),
        None => storage::read(&draft_key(invitation)),
    }
}

/// The stored draft of an invitation, or a new one.
pub fn load_draft(inv: &Invitation, now: DateTime<Utc>) -> (Draft, Loaded) {
    match stored_text(inv.id) {
        Err(_) => (Draft::new(inv.id, now), Loaded::Unavailable),
        Ok(None) => (Draft::new(inv.id, now), Loaded::Fresh),
        Ok(Some(text)) => match parse(&text, inv.id) {
            Some(d) => (d, Loaded::Resumed),
            None => {
                let aside = format!(
                    "{}.unreadable.{}",
                    draft_key(inv.id),
                    now.timestamp_millis()
                );
                let _ = storage::write(&aside, &text);
                (Draft::new(inv.id, now), Loaded::Recovered)
            }
        },
    }
}

/// The stored draft of an invitation, if there is a readable one (for the invitations list).
pub fn peek_draft(invitation: Uuid) -> Option<Draft> {
    stored_text(invitation)
        .ok()
        .flatten()
        .and_then(|text| parse(&text, invitation))
}

/// Writes a draft at once; `done` learns whether it was kept.
pub fn save_draft(draft: &Draft, done: impl FnOnce(Result<(), StorageFailure>) + 'static) {
    let Ok(text) = serde_json::to_string(draft) else {
        return done(Err(StorageFailure::Unavailable));
    };
    let id = draft.invitation_id;
    let in_db = DRAFTS.with(|d| {
        d.borrow_mut()
            .as_mut()
            .map(|m| m.insert(id, text.clone()))
            .is_some()
    });
    if !in_db {
        return done(storage::write(&draft_key(id), &text));
    }
    // The transaction starts now (the database is open): a change made just before the page
    // is closed is sent at once.
    let mut batch = Batch::default();
    batch.put(db_key(id), text);
    let write = batch.write();
    wasm_bindgen_futures::spawn_local(async move {
        done(write.await.map_err(|e| match e {
            WriteError::Failed(f) => f,
            WriteError::Conflict => StorageFailure::Unavailable,
        }));
    });
}

/// Forgets an invitation's draft (consent withdrawn).
pub fn erase_draft(invitation: Uuid) {
    let in_db = DRAFTS.with(|d| {
        d.borrow_mut()
            .as_mut()
            .map(|m| m.remove(&invitation))
            .is_some()
    });
    if in_db {
        let mut batch = Batch::default();
        batch.delete(db_key(invitation));
        let write = batch.write();
        wasm_bindgen_futures::spawn_local(async move {
            let _ = write.await;
        });
    }
    let _ = storage::remove(&draft_key(invitation));
}
