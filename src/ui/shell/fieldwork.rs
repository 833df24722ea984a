//! The shell's side of fieldwork (kits and observations): its own reducer and its own storage
//! key, apart from the campaign undo history. Every coding action is written to storage
//! once a burst of coding pauses (within a second at most, and at once when the page is hidden
//! or closed), so a reload or a closed tab mid-session loses nothing.

use crate::domain::campaign::Campaign;
use crate::domain::fieldwork::{Fieldwork, FieldworkError, FieldworkReport};
use crate::domain::file::{merge_fieldwork, read_stored, Document};
use crate::domain::observation::log::ObservationAction;
use crate::platform::storage::{self, StorageFailure};
use crate::platform::{clock, dom, random};
use chrono::{DateTime, Utc};
use gloo::timers::callback::Timeout;
use std::cell::RefCell;
use std::rc::Rc;
use uuid::Uuid;
use yew::prelude::*;

pub const FIELDWORK_KEY: &str = "rally.fieldwork";
/// A burst of coding is written once it pauses this long…
const SAVE_QUIET_MS: i64 = 250;
/// …and never later than this after its first change (and at once when the page is hidden or
/// closed).
const SAVE_MAX_WAIT_MS: i64 = 1000;

/// Kits and observations, plus the outcome of the last change and of the last save.
#[derive(Clone, Debug)]
pub struct FieldworkState {
    /// Shared between states: a message that does not change the store does not copy it.
    pub fieldwork: Rc<Fieldwork>,
    /// Bumped by every change; the saver watches it.
    pub changes: u64,
    /// Why the last action was refused, if it was.
    pub refused: Option<FieldworkError>,
    pub save: Result<(), StorageFailure>,
    /// The stored fieldwork could not be read at start-up (kept aside, not overwritten).
    pub unreadable: bool,
}

/// The same store (by pointer: with thousands of events it is never compared element by
/// element) and the same outcomes. Every change makes a new store and bumps `changes`.
impl PartialEq for FieldworkState {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.fieldwork, &other.fieldwork)
            && self.changes == other.changes
            && self.refused == other.refused
            && self.save == other.save
            && self.unreadable == other.unreadable
    }
}

pub enum FieldworkMsg {
    /// A coding action on one observation.
    Observe {
        observation: Uuid,
        action: ObservationAction,
        now: DateTime<Utc>,
    },
    /// Start observing a session of a kit with one of its candidates.
    Start {
        kit: Uuid,
        session: Uuid,
        candidate: Uuid,
        observation: Uuid,
        now: DateTime<Utc>,
    },
    /// Replace everything (after an import merged elsewhere).
    Replace(Box<Fieldwork>),
    Saved(Result<(), StorageFailure>),
    DismissRefusal,
}

impl Reducible for FieldworkState {
    type Action = FieldworkMsg;

    // Coding must stay fast with thousands of events: the store is copied once per change
    // (inside the core's pure step) and never compared element by element.
    fn reduce(self: Rc<Self>, msg: FieldworkMsg) -> Rc<Self> {
        let with = |fieldwork: Fieldwork, changed: bool| FieldworkState {
            fieldwork: Rc::new(fieldwork),
            changes: self.changes + u64::from(changed),
            refused: None,
            save: self.save,
            unreadable: self.unreadable,
        };
        let refused = |e: FieldworkError| FieldworkState {
            fieldwork: self.fieldwork.clone(),
            refused: Some(e),
            ..(*self).clone_meta()
        };
        let next = match msg {
            FieldworkMsg::Observe {
                observation,
                action,
                now,
            } => match self.fieldwork.observe(observation, &action, now) {
                Ok(fw) => with(fw, true),
                Err(e) => refused(e),
            },
            FieldworkMsg::Start {
                kit,
                session,
                candidate,
                observation,
                now,
            } => match self
                .fieldwork
                .start(kit, session, candidate, observation, now)
            {
                Ok(fw) => with(fw, true),
                Err(e) => refused(e),
            },
            FieldworkMsg::Replace(fw) => with(*fw, true),
            FieldworkMsg::Saved(r) => {
                if r == self.save {
                    return self;
                }
                FieldworkState {
                    fieldwork: self.fieldwork.clone(),
                    save: r,
                    ..self.clone_meta()
                }
            }
            FieldworkMsg::DismissRefusal => FieldworkState {
                fieldwork: self.fieldwork.clone(),
                refused: None,
                ..self.clone_meta()
            },
        };
        Rc::new(next)
    }
}

impl FieldworkState {
    /// Everything but the (large) fieldwork, which callers supply.
    fn clone_meta(&self) -> FieldworkState {
        FieldworkState {
            fieldwork: Rc::default(),
            changes: self.changes,
            refused: self.refused.clone(),
            save: self.save,
            unreadable: self.unreadable,
        }
    }
}

pub type FieldworkHandle = UseReducerHandle<FieldworkState>;

/// The fieldwork state from context (provided by `App`).
#[hook]
pub fn use_fieldwork() -> FieldworkHandle {
    use_context::<FieldworkHandle>().expect("App provides the fieldwork state")
}

/// Replaces the store with a new one computed by the core (invitations received, answers
/// submitted or imported).
pub fn replace(fw: &FieldworkHandle, next: Fieldwork) {
    if next != *fw.fieldwork {
        fw.dispatch(FieldworkMsg::Replace(Box::new(next)));
    }
}

/// Applies a coding action stamped with the current time.
pub fn observe(fw: &FieldworkHandle, observation: Uuid, action: ObservationAction) {
    fw.dispatch(FieldworkMsg::Observe {
        observation,
        action,
        now: clock::now(),
    });
}

/// Starts observing a session with a candidate; returns the new observation's id.
pub fn start(fw: &FieldworkHandle, kit: Uuid, session: Uuid, candidate: Uuid) -> Uuid {
    let observation = random::new_uuid();
    fw.dispatch(FieldworkMsg::Start {
        kit,
        session,
        candidate,
        observation,
        now: clock::now(),
    });
    observation
}

/// Reads the stored fieldwork; what cannot be read is kept aside under another key.
pub fn boot() -> FieldworkState {
    let mut state = FieldworkState {
        fieldwork: Rc::default(),
        changes: 0,
        refused: None,
        save: Ok(()),
        unreadable: false,
    };
    match storage::read(FIELDWORK_KEY) {
        Err(f) => state.save = Err(f),
        Ok(None) => {}
        Ok(Some(text)) => match read_stored(text.as_bytes()) {
            Ok((doc, current)) => {
                let mut fw = Fieldwork::default().import(&doc.kits, &doc.observations).0;
                // This browser's own survey data is restored as it was saved.
                fw.invitations = doc.invitations;
                fw.responses = doc.responses;
                state.fieldwork = Rc::new(fw);
                // Written by an older Rally: saved again in the current format.
                state.changes = u64::from(!current);
            }
            Err(_) => {
                let aside = format!(
                    "{FIELDWORK_KEY}.unreadable.{}",
                    clock::now().timestamp_millis()
                );
                let _ = storage::write(&aside, &text);
                state.unreadable = true;
            }
        },
    }
    state
}

/// Merges an imported file's kits, observations, invitations and responses (checked against
/// this browser's `campaigns`); the caller shows the report.
pub fn import(fw: &FieldworkHandle, doc: &Document, campaigns: &[Campaign]) -> FieldworkReport {
    let (next, report) = merge_fieldwork(&fw.fieldwork, doc, campaigns);
    if next != *fw.fieldwork {
        fw.dispatch(FieldworkMsg::Replace(Box::new(next)));
    }
    report
}

/// Saves every change: a burst of coding once it pauses (`SAVE_QUIET_MS`), at the latest
/// `SAVE_MAX_WAIT_MS` after its first change, and at once when the page is hidden or closed.
/// Writing thousands of events takes a few milliseconds; doing it once per burst rather than
/// once per keystroke keeps fast coding from waiting on it.
#[hook]
pub fn use_fieldwork_saver(fw: &FieldworkHandle) {
    // The state still to write, and since when something is unsaved.
    let unsaved = use_mut_ref(|| None::<(FieldworkHandle, i64)>);
    let timer = use_mut_ref(|| None::<Timeout>);
    {
        let (unsaved, timer, handle) = (unsaved.clone(), timer.clone(), fw.clone());
        use_effect_with(fw.changes, move |changes| {
            if *changes > 0 {
                let now = clock::now().timestamp_millis();
                let since = unsaved.borrow().as_ref().map_or(now, |(_, since)| *since);
                *unsaved.borrow_mut() = Some((handle, since));
                let wait = SAVE_QUIET_MS.min(since + SAVE_MAX_WAIT_MS - now).max(0);
                let next = unsaved.clone();
                // Replacing the timer cancels the one set for the previous change.
                *timer.borrow_mut() = Some(Timeout::new(wait as u32, move || save(&next)));
            }
        });
    }
    use_effect_with((), move |_| {
        let leaving = dom::when_leaving(move || save(&unsaved));
        move || drop(leaving)
    });
}

/// Writes the state waiting in `unsaved`, if any.
fn save(unsaved: &RefCell<Option<(FieldworkHandle, i64)>>) {
    let Some((handle, _)) = unsaved.borrow_mut().take() else {
        return;
    };
    let doc =
        Document::of_workspace(&Default::default(), clock::now()).with_fieldwork(&handle.fieldwork);
    handle.dispatch(FieldworkMsg::Saved(storage::write(
        FIELDWORK_KEY,
        &doc.to_json(),
    )));
}
