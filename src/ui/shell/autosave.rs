//! Autosave: every change is written to `localStorage` 300 ms after the last one (well within
//! a second), and at once when the page is hidden or closed. Before writing, the stored token
//! is compared with the one this tab last saw; if another tab wrote in between, saving stops
//! and the user chooses which version to keep. Stored data that cannot be read is kept aside
//! under another key, never overwritten.

use crate::domain::file::{Document, Snapshot, SnapshotToken};
use crate::domain::lang::Lang;
use crate::domain::workspace::Workspace;
use crate::platform::{clock, dom, random, storage};
use crate::ui::shell::state::{AppHandle, AppState, Msg, SaveState};
use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

pub const DATA_KEY: &str = "rally.workspace";
pub const TOKEN_KEY: &str = "rally.workspace.token";
pub const LANG_KEY: &str = "rally.lang";
const DEBOUNCE_MS: u32 = 300;

/// What this tab knows about the stored record.
pub struct Session {
    tab: String,
    seq: u64,
    known: Option<SnapshotToken>,
    pending: Option<(Timeout, Rc<Workspace>)>,
}

/// Reads the stored workspace and language: the tab's save session and its first state.
pub fn boot() -> (Session, AppState) {
    let mut session = Session {
        tab: random::new_uuid().to_string(),
        seq: 0,
        known: None,
        pending: None,
    };
    let lang = storage::read(LANG_KEY)
        .ok()
        .flatten()
        .and_then(|c| Lang::from_code(&c))
        .or_else(|| {
            web_sys::window()
                .and_then(|w| w.navigator().language())
                .and_then(|c| Lang::from_code(&c))
        })
        .unwrap_or_default();
    let mut migrated = false;
    let (workspace, save, unreadable) = match storage::read(DATA_KEY) {
        Err(f) => (Workspace::default(), SaveState::Failed(f), false),
        Ok(None) => (Workspace::default(), SaveState::Saved, false),
        Ok(Some(text)) => match Snapshot::read(&text) {
            Ok((snap, current)) => {
                session.known = Some(snap.token);
                migrated = !current;
                (snap.document.into_workspace(), SaveState::Saved, false)
            }
            Err(_) => {
                let aside = format!("{DATA_KEY}.unreadable.{}", clock::now().timestamp_millis());
                let _ = storage::write(&aside, &text);
                session.known = storage::read(TOKEN_KEY)
                    .ok()
                    .flatten()
                    .and_then(|t| SnapshotToken::decode(&t));
                (Workspace::default(), SaveState::Saved, true)
            }
        },
    };
    let mut state = AppState::new(workspace, lang, save, unreadable);
    if migrated {
        // Written by an older Rally: saved again in the current format (as after a change),
        // so that the next loads take the fast path.
        state.changes = 1;
    }
    (session, state)
}

impl Session {
    /// Writes `ws` now unless another tab wrote since we last looked.
    fn write(&mut self, ws: &Workspace) -> Result<(), Outcome> {
        let stored = storage::read(TOKEN_KEY)
            .map_err(Outcome::Failed)?
            .and_then(|t| SnapshotToken::decode(&t));
        if stored.is_some() && stored != self.known {
            return Err(Outcome::Conflict);
        }
        self.seq += 1;
        let token = SnapshotToken {
            writer: self.tab.clone(),
            seq: self.seq,
        };
        let snap = Snapshot {
            token: token.clone(),
            document: Document::of_workspace(ws, clock::now()),
        };
        storage::write(DATA_KEY, &snap.to_json()).map_err(Outcome::Failed)?;
        storage::write(TOKEN_KEY, &token.encode()).map_err(Outcome::Failed)?;
        self.known = Some(token);
        Ok(())
    }

    /// Writes what is waiting, if anything (used when the page is hidden).
    fn flush(&mut self) -> Option<Result<(), Outcome>> {
        let (_, ws) = self.pending.take()?;
        Some(self.write(&ws))
    }
}

enum Outcome {
    Failed(storage::StorageFailure),
    Conflict,
}

fn report(app: &UseReducerDispatcher<AppState>, result: Result<(), Outcome>) {
    match result {
        Ok(()) => app.dispatch(Msg::SaveResult(Ok(()))),
        Err(Outcome::Failed(f)) => app.dispatch(Msg::SaveResult(Err(f))),
        Err(Outcome::Conflict) => app.dispatch(Msg::Conflict),
    }
}

/// Wires autosave, the flush on page hide and the watch on other tabs.
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
                let s2 = session.clone();
                let timer = Timeout::new(DEBOUNCE_MS, move || {
                    let result = s2.borrow_mut().flush();
                    if let Some(r) = result {
                        report(&dispatcher, r);
                    }
                });
                session.borrow_mut().pending = Some((timer, ws));
            }
        });
    }
    // Flush at once when the tab is hidden or closed, and watch other tabs.
    {
        let session = session.clone();
        let dispatcher = app.dispatcher();
        use_effect_with((), move |_| {
            let window = web_sys::window().expect("a window");
            let (s_hide, d_hide) = (session.clone(), dispatcher.clone());
            let leaving = dom::when_leaving(move || {
                let result = s_hide.borrow_mut().flush();
                if let Some(r) = result {
                    report(&d_hide, r);
                }
            });
            let on_storage = EventListener::new(&window, "storage", move |e| {
                let Some(e) = e.dyn_ref::<web_sys::StorageEvent>() else {
                    return;
                };
                if e.key().as_deref() != Some(TOKEN_KEY) {
                    return;
                }
                let theirs = e.new_value().and_then(|t| SnapshotToken::decode(&t));
                if theirs.is_none() || theirs == session.borrow().known {
                    return;
                }
                if session.borrow().pending.is_some() {
                    // Unsaved changes here and newer data there: the user decides.
                    dispatcher.dispatch(Msg::Conflict);
                    return;
                }
                // Nothing unsaved here: follow the other tab quietly.
                let stored = storage::read(DATA_KEY).ok().flatten();
                match stored.as_deref().map(Snapshot::from_json) {
                    Some(Ok(snap)) => {
                        session.borrow_mut().known = Some(snap.token);
                        dispatcher
                            .dispatch(Msg::LoadOther(Box::new(snap.document.into_workspace())));
                    }
                    _ => dispatcher.dispatch(Msg::Conflict),
                }
            });
            move || drop((leaving, on_storage))
        });
    }
}

/// Loads the other tab's version and adopts its token.
pub fn load_other(app: &AppHandle, session: &Rc<RefCell<Session>>) {
    let text = storage::read(DATA_KEY).ok().flatten();
    match text.as_deref().map(Snapshot::from_json) {
        Some(Ok(snap)) => {
            let mut s = session.borrow_mut();
            s.known = Some(snap.token);
            s.pending = None;
            app.dispatch(Msg::LoadOther(Box::new(snap.document.into_workspace())));
        }
        _ => keep_mine(app, session),
    }
}

/// Keeps this tab's version: adopt the stored token, so the next save overwrites it.
pub fn keep_mine(app: &AppHandle, session: &Rc<RefCell<Session>>) {
    session.borrow_mut().known = storage::read(TOKEN_KEY)
        .ok()
        .flatten()
        .and_then(|t| SnapshotToken::decode(&t));
    app.dispatch(Msg::KeepMine);
}

/// Remembers the language choice.
pub fn save_lang(lang: Lang) {
    let _ = storage::write(LANG_KEY, lang.code());
}
