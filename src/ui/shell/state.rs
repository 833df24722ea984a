//! The shell's state: the workspace with its undo history, the language, the notice on screen
//! and the health of autosave. [`Msg`] is everything that can happen; `reduce` only calls the
//! core's reducer and records the outcome.

use crate::domain::fieldwork::FieldworkReport;
use crate::domain::file::{
    import_entries, merge, with_import_log, Document, ImportError, ImportSource, MergeReport,
};
use crate::domain::history::History;
use crate::domain::i18n::T;
use crate::domain::lang::Lang;
use crate::domain::workspace::{Action, ActionError, Workspace};
use crate::platform::storage::{Persistence, StorageFailure};
use chrono::{DateTime, Utc};
use std::rc::Rc;
use yew::prelude::*;

/// A message shown above the page until dismissed or replaced.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    Info(T),
    Imported(MergeReport, FieldworkReport),
    ImportFailed(ImportError),
    Refused(ActionError),
    /// A person's self-assessment data was erased from a campaign.
    Erased {
        name: String,
        count: usize,
    },
    /// A person was erased everywhere from a campaign.
    ErasedEverywhere {
        name: String,
        summary: crate::domain::privacy::Summary,
    },
    /// The data kept past its date was erased.
    OverdueErased {
        campaigns: usize,
        people: usize,
        answers_of: usize,
        summary: crate::domain::privacy::Summary,
    },
}

impl Notice {
    /// Errors are announced at once (`role="alert"`); the rest politely.
    pub fn is_error(&self) -> bool {
        match self {
            Notice::ImportFailed(_) | Notice::Refused(_) => true,
            // Refused answers must not go unnoticed.
            Notice::Imported(_, f) => f.responses.refused > 0,
            _ => false,
        }
    }
}

/// Where autosave stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SaveState {
    Saved,
    Pending,
    Failed(StorageFailure),
}

/// What an undo step would revert.
#[derive(Clone, Debug, PartialEq)]
pub enum Change {
    Action(Box<Action>),
    Import,
}

impl Change {
    /// "Undo …", in the user's language.
    pub fn undo_label(&self, lang: Lang) -> String {
        match self {
            Change::Action(a) => crate::domain::i18n::undo_label(lang, a),
            Change::Import => T::UndoImport.get(lang).to_owned(),
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    /// Shared, not copied: every message clones the state, and the history holds up to
    /// `UNDO_DEPTH` workspaces.
    pub history: History<Rc<Workspace>, Change>,
    /// Bumped whenever the workspace changes; autosave watches it.
    pub changes: u64,
    pub lang: Lang,
    pub notice: Option<Notice>,
    pub save: SaveState,
    /// Another tab wrote the stored data since this tab last read or wrote it.
    pub conflict: bool,
    pub persistence: Persistence,
    /// The stored data could not be read at start-up (it was kept aside).
    pub stored_unreadable: bool,
    /// The stored workspace has been read: until then the pages wait (a moment).
    pub ready: bool,
}

/// What start-up read from storage.
pub struct Booted {
    pub workspace: Workspace,
    /// Storage could not be used at all.
    pub failure: Option<StorageFailure>,
    /// The stored data could not be read (it was kept aside).
    pub unreadable: bool,
    /// It was written by an older Rally: save it again in the current format.
    pub migrated: bool,
}

impl AppState {
    /// The state before storage is read: an empty workspace, not ready.
    pub fn starting(lang: Lang) -> Self {
        Self {
            history: History::new(Rc::new(Workspace::default())),
            changes: 0,
            lang,
            notice: None,
            save: SaveState::Saved,
            conflict: false,
            persistence: Persistence::Pending,
            stored_unreadable: false,
            ready: false,
        }
    }

    pub fn workspace(&self) -> &Workspace {
        self.history.present().as_ref()
    }
}

/// What an import read, for [`Msg::Imported`].
pub struct Imported {
    pub doc: Document,
    /// What merging its fieldwork did (already done by the caller).
    pub fieldwork: FieldworkReport,
    pub source: ImportSource,
    pub now: DateTime<Utc>,
}

pub enum Msg {
    /// The stored workspace was read.
    Booted(Box<Booted>),
    /// Apply a change; on success show `notice` (if any).
    Do {
        action: Action,
        now: DateTime<Utc>,
        notice: Option<T>,
    },
    Undo,
    Redo,
    /// A file (or code) was read and its fieldwork merged: merge its campaigns and roles, and
    /// log the import in the campaigns it touched.
    Imported(Box<Imported>),
    ImportFailed(ImportError),
    SetLang(Lang),
    Dismiss,
    SaveResult(Result<(), StorageFailure>),
    Conflict,
    /// Replace everything with the other tab's version.
    LoadOther(Box<Workspace>),
    /// Keep this tab's version: save it over the other one.
    KeepMine,
    Persistence(Persistence),
    /// Show a notice that needs no change to the workspace.
    Notify(Notice),
}

impl Reducible for AppState {
    type Action = Msg;

    fn reduce(self: Rc<Self>, msg: Msg) -> Rc<Self> {
        let mut next = (*self).clone();
        match msg {
            Msg::Booted(b) => {
                next.history.reset(Rc::new(b.workspace));
                next.save = b.failure.map_or(SaveState::Saved, SaveState::Failed);
                next.stored_unreadable = b.unreadable;
                next.ready = true;
                if b.migrated {
                    next.changes += 1;
                }
            }
            Msg::Do {
                action,
                now,
                notice,
            } => match next.workspace().apply(&action, now) {
                Ok(ws) => {
                    if ws != *next.workspace() {
                        next.history
                            .push(Rc::new(ws), Change::Action(Box::new(action)));
                        next.changes += 1;
                    }
                    next.notice = notice.map(Notice::Info);
                }
                Err(e) => next.notice = Some(Notice::Refused(e)),
            },
            Msg::Undo => {
                if next.history.undo() {
                    next.changes += 1;
                }
            }
            Msg::Redo => {
                if next.history.redo() {
                    next.changes += 1;
                }
            }
            Msg::Imported(imported) => {
                let Imported {
                    doc,
                    fieldwork,
                    source,
                    now,
                } = *imported;
                let before = next.workspace().clone();
                match merge(&before, &doc) {
                    Ok((ws, report)) => {
                        if ws != before {
                            next.history.push(Rc::new(ws), Change::Import);
                        }
                        // The log is kept in every state undo and redo can reach, so that
                        // undoing a later change never forgets an import.
                        let entries = import_entries(
                            &before,
                            next.workspace(),
                            &doc,
                            &fieldwork.records,
                            &source,
                            now,
                        );
                        if !entries.is_empty() {
                            next.history
                                .map_all(|w| Rc::new(with_import_log(w, &entries)));
                        }
                        if *next.workspace() != before {
                            next.changes += 1;
                        }
                        next.notice = Some(Notice::Imported(report, fieldwork));
                    }
                    Err(e) => next.notice = Some(Notice::ImportFailed(e)),
                }
            }
            Msg::ImportFailed(e) => next.notice = Some(Notice::ImportFailed(e)),
            Msg::SetLang(lang) => next.lang = lang,
            Msg::Dismiss => next.notice = None,
            Msg::Notify(n) => next.notice = Some(n),
            Msg::SaveResult(r) => {
                next.save = match r {
                    Ok(()) => SaveState::Saved,
                    Err(f) => SaveState::Failed(f),
                }
            }
            Msg::Conflict => next.conflict = true,
            Msg::LoadOther(ws) => {
                next.history.reset(Rc::from(ws));
                next.conflict = false;
                next.save = SaveState::Saved;
            }
            Msg::KeepMine => {
                next.conflict = false;
                next.changes += 1;
            }
            Msg::Persistence(p) => next.persistence = p,
        }
        if next.changes != self.changes && !next.conflict {
            next.save = match next.save {
                SaveState::Failed(f) => SaveState::Failed(f),
                _ => SaveState::Pending,
            };
        }
        Rc::new(next)
    }
}

/// The handle components use: read with `app.lang`, change with `app.dispatch(…)`.
pub type AppHandle = UseReducerHandle<AppState>;

/// The app state from context (provided by `App`).
#[hook]
pub fn use_app() -> AppHandle {
    use_context::<AppHandle>().expect("App provides the state")
}

/// Dispatches a change stamped with the current time.
pub fn act(app: &AppHandle, action: Action, notice: Option<T>) {
    app.dispatch(Msg::Do {
        action,
        now: crate::platform::clock::now(),
        notice,
    });
}
