//! Autosave of the recruiter's workspace in the browser's database (`platform::db`): every
//! change is written 300 ms after the last one (well within a second), and at once when the
//! page is hidden or closed. Each write is a compare-and-swap on the stored token: if another
//! tab wrote since this tab last read or wrote, nothing is written and the user chooses which
//! version to keep. Every write also sets the token in `localStorage`, whose `storage` event
//! tells the other tabs. Stored data that cannot be read is kept aside, never overwritten.
//!
//! Data written by a Rally that kept it in `localStorage` is moved to the database once, at
//! start-up, and removed from `localStorage` only after the database has it.

use crate::domain::file::stored::{WORKSPACE_KEY, WORKSPACE_TOKEN_KEY};
use crate::domain::file::{Document, Snapshot, SnapshotToken};
use crate::domain::workspace::Workspace;
use crate::platform::db::{self, Batch, WriteError};
use crate::platform::storage::{self, StorageFailure};
use crate::platform::{clock, dom, random};
use crate::ui::shell::state::{AppHandle, Booted, Msg};
use gloo::timers::callback::Timeout;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

/// Where an older Rally kept the workspace (`localStorage`), moved to the database once.
pub const LEGACY_DATA_KEY: &str = "rally.workspace";
/// The token of the last write, in `localStorage`: its `storage` event tells the other tabs.
pub const TOKEN_KEY: &str = "rally.workspace.token";
const DEBOUNCE_MS: u32 = 300;

/// What this tab knows about the stored record.
pub struct Session {
    tab: String,
    seq: u64,
    known: Option<SnapshotToken>,
    pending: Option<(Timeout, Rc<Workspace>)>,
}

/// A new save session for this tab.
pub fn session() -> Session {
    Session {
        tab: random::new_uuid().to_string(),
        seq: 0,
        known: None,
        pending: None,
    }
}

/// The stored record's text: from the database, or moved there from `localStorage`.
async fn stored_text() -> Result<Option<String>, StorageFailure> {
    db::open().await?;
    dom::mark("db-open");
    if let Some(text) = db::get(WORKSPACE_KEY).await? {
        dom::mark("workspace-read");
        return Ok(Some(text));
    }
    let Some(text) = storage::read(LEGACY_DATA_KEY).ok().flatten() else {
        return Ok(None);
    };
    let mut batch = Batch::default();
    batch.put(WORKSPACE_KEY, text.clone());
    if let Some(token) = storage::read(TOKEN_KEY).ok().flatten() {
        batch.put(WORKSPACE_TOKEN_KEY, token);
    }
    batch.write().await.map_err(|e| match e {
        WriteError::Failed(f) => f,
        WriteError::Conflict => StorageFailure::Unavailable,
    })?;
    // The database has it: the old copy can go.
    let _ = storage::remove(LEGACY_DATA_KEY);
    Ok(Some(text))
}

/// Reads the stored workspace (the app shows it once this returns).
pub async fn load(session: Rc<RefCell<Session>>) -> Booted {
    let mut booted = Booted {
        workspace: Workspace::default(),
        failure: None,
        unreadable: false,
        migrated: false,
    };
    match stored_text().await {
        Err(f) => booted.failure = Some(f),
        Ok(None) => {}
        Ok(Some(text)) => match Snapshot::read(&text) {
            Ok((snap, current)) => {
                dom::mark("workspace-parsed");
                session.borrow_mut().known = Some(snap.token);
                // Written by an older Rally: saved again in the current format (as after a
                // change), so that the next loads take the fast path.
                booted.migrated = !current;
                booted.workspace = snap.document.into_workspace();
            }
            Err(_) => {
                let aside = format!(
                    "{WORKSPACE_KEY}.unreadable.{}",
                    clock::now().timestamp_millis()
                );
                let mut batch = Batch::default();
                batch.put(aside, text);
                let _ = batch.write().await;
                session.borrow_mut().known = db::get(WORKSPACE_TOKEN_KEY)
                    .await
                    .ok()
                    .flatten()
                    .and_then(|t| SnapshotToken::decode(&t));
                booted.unreadable = true;
            }
        },
    }
    booted
}

enum Outcome {
    Failed(StorageFailure),
    Conflict,
}

fn report(
    app: &UseReducerDispatcher<crate::ui::shell::state::AppState>,
    result: Result<(), Outcome>,
) {
    match result {
        Ok(()) => app.dispatch(Msg::SaveResult(Ok(()))),
        Err(Outcome::Failed(f)) => app.dispatch(Msg::SaveResult(Err(f))),
        Err(Outcome::Conflict) => app.dispatch(Msg::Conflict),
    }
}

impl Session {
    /// The next token and the batch that writes `ws` with it.
    fn batch(&mut self, ws: &Workspace) -> (SnapshotToken, Batch) {
        self.seq += 1;
        let token = SnapshotToken {
            writer: self.tab.clone(),
            seq: self.seq,
        };
        let snap = Snapshot {
            token: token.clone(),
            document: Document::of_workspace(ws, clock::now()),
        };
        let mut batch = Batch::default();
        batch
            .put(WORKSPACE_KEY, snap.to_json())
            .put(WORKSPACE_TOKEN_KEY, token.encode());
        (token, batch)
    }
}

/// Writes what is waiting, if anything, guarded by the token this tab last knew.
fn flush(
    session: &Rc<RefCell<Session>>,
    app: &UseReducerDispatcher<crate::ui::shell::state::AppState>,
) {
    let mut s = session.borrow_mut();
    let Some((_, ws)) = s.pending.take() else {
        return;
    };
    let before = s.known.clone();
    let (token, mut batch) = s.batch(&ws);
    batch.guard(
        WORKSPACE_TOKEN_KEY,
        before
            .as_ref()
            .map(SnapshotToken::encode)
            .unwrap_or_default(),
    );
    // Transactions commit in the order they were made, so the next write may expect this
    // token already; a failure puts the last known one back.
    s.known = Some(token.clone());
    drop(s);
    let write = batch.write();
    let (session, app) = (session.clone(), app.clone());
    spawn_local(async move {
        let result = match write.await {
            Ok(()) => {
                let _ = storage::write(TOKEN_KEY, &token.encode());
                Ok(())
            }
            Err(e) => {
                let mut s = session.borrow_mut();
                if s.known.as_ref() == Some(&token) {
                    s.known = before;
                }
                Err(match e {
                    WriteError::Conflict => Outcome::Conflict,
                    WriteError::Failed(f) => Outcome::Failed(f),
                })
            }
        };
        report(&app, result);
    });
}

/// Writes what is waiting now, while the page is being left: the check against another tab
/// reads `localStorage` (synchronous), and the write is issued before this returns.
fn flush_leaving(
    session: &Rc<RefCell<Session>>,
    app: &UseReducerDispatcher<crate::ui::shell::state::AppState>,
) {
    let mut s = session.borrow_mut();
    if s.pending.is_none() {
        return;
    }
    let stored = storage::read(TOKEN_KEY)
        .ok()
        .flatten()
        .and_then(|t| SnapshotToken::decode(&t));
    if stored.is_some() && stored != s.known {
        drop(s);
        app.dispatch(Msg::Conflict);
        return;
    }
    let Some((_, ws)) = s.pending.take() else {
        return;
    };
    let (token, batch) = s.batch(&ws);
    s.known = Some(token.clone());
    drop(s);
    let _ = storage::write(TOKEN_KEY, &token.encode());
    let write = batch.write();
    let app = app.clone();
    spawn_local(async move {
        report(
            &app,
            write.await.map_err(|e| match e {
                WriteError::Conflict => Outcome::Conflict,
                WriteError::Failed(f) => Outcome::Failed(f),
            }),
        );
    });
}

/// Wires autosave, the flush when the page is left and the watch on other tabs.
#[hook]
pub fn use_autosave(app: &AppHandle, session: Rc<RefCell<Session>>) {
    // Debounced save on every change.
    {
        let session = session.clone();
        let dispatcher = app.dispatcher();
        let ws = app.history.present().clone();
        let conflict = app.conflict;
        use_effect_with(app.changes, move |changes| {
            if *changes > 0 && !conflict {
                let (s2, d2) = (session.clone(), dispatcher.clone());
                let timer = Timeout::new(DEBOUNCE_MS, move || flush(&s2, &d2));
                session.borrow_mut().pending = Some((timer, ws));
            }
        });
    }
    // Flush at once when the tab is hidden or closed, and watch other tabs.
    {
        let session = session.clone();
        let dispatcher = app.dispatcher();
        use_effect_with((), move |_| {
            let (s_hide, d_hide) = (session.clone(), dispatcher.clone());
            let leaving = dom::when_leaving(move || flush_leaving(&s_hide, &d_hide));
            let on_storage = storage::on_change(TOKEN_KEY, move |token| {
                let theirs = token.and_then(|t| SnapshotToken::decode(&t));
                if theirs.is_none() || theirs == session.borrow().known {
                    return;
                }
                if session.borrow().pending.is_some() {
                    // Unsaved changes here and newer data there: the user decides.
                    dispatcher.dispatch(Msg::Conflict);
                    return;
                }
                // Nothing unsaved here: follow the other tab quietly.
                let (session, dispatcher) = (session.clone(), dispatcher.clone());
                spawn_local(async move {
                    match read_stored().await {
                        Some(snap) => {
                            session.borrow_mut().known = Some(snap.token);
                            dispatcher
                                .dispatch(Msg::LoadOther(Box::new(snap.document.into_workspace())));
                        }
                        None => dispatcher.dispatch(Msg::Conflict),
                    }
                });
            });
            move || drop((leaving, on_storage))
        });
    }
}

async fn read_stored() -> Option<Snapshot> {
    let text = db::get(WORKSPACE_KEY).await.ok().flatten()?;
    Snapshot::from_json(&text).ok()
}

/// Loads the other tab's version and adopts its token.
pub fn load_other(app: &AppHandle, session: &Rc<RefCell<Session>>) {
    let (app, session) = (app.clone(), session.clone());
    spawn_local(async move {
        match read_stored().await {
            Some(snap) => {
                let mut s = session.borrow_mut();
                s.known = Some(snap.token);
                s.pending = None;
                drop(s);
                app.dispatch(Msg::LoadOther(Box::new(snap.document.into_workspace())));
            }
            None => keep_mine(&app, &session),
        }
    });
}

/// Keeps this tab's version: adopt the stored token, so the next save overwrites it.
pub fn keep_mine(app: &AppHandle, session: &Rc<RefCell<Session>>) {
    let (app, session) = (app.clone(), session.clone());
    spawn_local(async move {
        session.borrow_mut().known = db::get(WORKSPACE_TOKEN_KEY)
            .await
            .ok()
            .flatten()
            .and_then(|t| SnapshotToken::decode(&t));
        app.dispatch(Msg::KeepMine);
    });
}
