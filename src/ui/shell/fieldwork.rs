//! The shell's side of fieldwork (kits, observations, invitations and answers): its own
//! reducer and its own records in the browser's database, apart from the campaign undo
//! history. Every coding action is written once a burst of coding pauses (within a second at
//! most, and at once when the page is hidden or closed), so a reload or a closed tab
//! mid-session loses nothing. Only what changed is written (`file::stored::fieldwork_changes`):
//! one coded event rewrites the chunk of events it falls in, not the whole store.

use crate::domain::campaign::Campaign;
use crate::domain::fieldwork::{Fieldwork, FieldworkError, FieldworkReport, Kit};
use crate::domain::file::stored::{
    fieldwork_changes, read_fieldwork, read_survey, survey_changes, Records, OBSERVATION_PREFIX,
};
use crate::domain::file::{merge_fieldwork, read_stored, read_survey_file, Document};
use crate::domain::observation::log::{Observation, ObservationAction};
use crate::platform::db::{self, Batch, WriteError};
use crate::platform::storage::{self, StorageFailure};
use crate::platform::{clock, dom, random};
use gloo::timers::callback::Timeout;
use std::cell::RefCell;
use std::rc::Rc;
use uuid::Uuid;
use yew::prelude::*;

/// Where an older Rally kept the fieldwork (`localStorage`), moved to the database once.
pub const LEGACY_FIELDWORK_KEY: &str = "rally.fieldwork";
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
    /// The stored fieldwork has been read (pages that show it wait until then).
    pub ready: bool,
    /// The last change is written at once rather than after a pause: a whole-store
    /// replacement (an import, an invitation taken in, answers submitted), not a coding burst.
    pub urgent: bool,
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
            && self.ready == other.ready
            && self.urgent == other.urgent
    }
}

/// A change computed by the core from the store as it is when the change is applied (coding
/// actions come fast, one after another: each builds on the one before). A closure rather
/// than one message per kind of change, so that a page links only the core code of the
/// changes it makes: the respondent's page carries no coding reducer.
pub type Change = Box<dyn FnOnce(&Fieldwork) -> Result<Fieldwork, FieldworkError>>;

pub enum FieldworkMsg {
    /// A change to the store (a coding action, starting an observation…), or why it is refused.
    Change(Change),
    /// Replace everything (after an import merged elsewhere).
    Replace(Box<Fieldwork>),
    /// The stored fieldwork was read at start-up (or could not be).
    Loaded(Box<Loaded>),
    Saved(Result<(), StorageFailure>),
    DismissRefusal,
}

impl Reducible for FieldworkState {
    type Action = FieldworkMsg;

    // Coding must stay fast with thousands of events: the store is copied once per change
    // (inside the core's pure step) and never compared element by element.
    fn reduce(self: Rc<Self>, msg: FieldworkMsg) -> Rc<Self> {
        let with = |fieldwork: Fieldwork, urgent: bool| FieldworkState {
            fieldwork: Rc::new(fieldwork),
            changes: self.changes + 1,
            refused: None,
            save: self.save,
            unreadable: self.unreadable,
            ready: self.ready,
            urgent,
        };
        let refused = |e: FieldworkError| FieldworkState {
            fieldwork: self.fieldwork.clone(),
            refused: Some(e),
            ..(*self).clone_meta()
        };
        let next = match msg {
            FieldworkMsg::Change(change) => match change(&self.fieldwork) {
                Ok(fw) => with(fw, false),
                Err(e) => refused(e),
            },
            FieldworkMsg::Replace(fw) => with(*fw, true),
            FieldworkMsg::Loaded(l) => FieldworkState {
                fieldwork: Rc::new(l.fieldwork),
                // Written by an older Rally (moved or migrated): written again at once.
                changes: self.changes + u64::from(l.rewrite),
                refused: None,
                save: l.failure.map_or(Ok(()), Err),
                unreadable: l.unreadable,
                ready: true,
                urgent: l.rewrite,
            },
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
            ready: self.ready,
            urgent: self.urgent,
        }
    }

    /// Before the stored fieldwork is read.
    pub fn starting() -> Self {
        FieldworkState {
            fieldwork: Rc::default(),
            changes: 0,
            refused: None,
            save: Ok(()),
            unreadable: false,
            ready: false,
            urgent: false,
        }
    }
}

/// What start-up read.
pub struct Loaded {
    fieldwork: Fieldwork,
    failure: Option<StorageFailure>,
    unreadable: bool,
    /// Moved from `localStorage` or written by an older Rally: to be written again.
    rewrite: bool,
}

pub type FieldworkHandle = UseReducerHandle<FieldworkState>;
/// Sends changes to the store without reading it: the same for the page's whole life, so that
/// callbacks made with it stay equal from one render to the next.
pub type FieldworkDispatcher = UseReducerDispatcher<FieldworkState>;

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
    observe_by(&fw.dispatcher(), observation, action);
}

/// [`observe`], through the store's dispatcher.
pub fn observe_by(fw: &FieldworkDispatcher, observation: Uuid, action: ObservationAction) {
    let now = clock::now();
    fw.dispatch(FieldworkMsg::Change(Box::new(move |f: &Fieldwork| {
        f.observe(observation, &action, now)
    })));
}

/// Starts observing a session with a candidate; returns the new observation's id.
pub fn start(fw: &FieldworkHandle, kit: Uuid, session: Uuid, candidate: Uuid) -> Uuid {
    let observation = random::new_uuid();
    let now = clock::now();
    fw.dispatch(FieldworkMsg::Change(Box::new(move |f: &Fieldwork| {
        f.start(kit, session, candidate, observation, now)
    })));
    observation
}

/// Reads the stored fieldwork from the database — with what an older Rally kept in
/// `localStorage`, moved into it once — and hands it to the store. What cannot be read is
/// kept aside.
#[hook]
pub fn use_fieldwork_boot(fw: &FieldworkHandle) {
    let dispatcher = fw.dispatcher();
    use_effect_with((), move |_| {
        wasm_bindgen_futures::spawn_local(async move {
            let loaded = load::<All>().await;
            dispatcher.dispatch(FieldworkMsg::Loaded(Box::new(loaded)));
        });
    });
}

/// The respondent's page: reads only the invitations and answers (see [`use_survey_saver`]).
#[hook]
pub fn use_survey_boot(fw: &FieldworkHandle, first: fn() -> FirstRead) {
    let dispatcher = fw.dispatcher();
    use_effect_with((), move |_| {
        wasm_bindgen_futures::spawn_local(async move {
            first().await;
            let loaded = load::<Survey>().await;
            dispatcher.dispatch(FieldworkMsg::Loaded(Box::new(loaded)));
        });
    });
}

/// What a page reads before its fieldwork is ready (the respondent's drafts).
pub type FirstRead = std::pin::Pin<Box<dyn std::future::Future<Output = ()>>>;

/// What a page keeps of the fieldwork store. A trait rather than a value, so that each page
/// links only the readers of its own part: the respondent's page carries no observation code.
trait Scope {
    /// Whether the observations are read too (and an unreadable old copy is kept aside).
    const ALL: bool;
    /// The store from its records in the database.
    fn read(records: &[(String, String)]) -> Option<Fieldwork>;
    /// What an older Rally kept in `localStorage`, joined to what the database holds.
    fn join(loaded: &Fieldwork, text: &str) -> Option<Fieldwork>;
}

/// Everything: the recruiter's and the mediator's pages.
struct All;

impl Scope for All {
    const ALL: bool = true;
    fn read(records: &[(String, String)]) -> Option<Fieldwork> {
        read_fieldwork(records, clock::now()).ok()
    }
    fn join(loaded: &Fieldwork, text: &str) -> Option<Fieldwork> {
        let (doc, _) = read_stored(text.as_bytes()).ok()?;
        let (fw, _) = loaded.import(&doc.kits, &doc.observations);
        let (fw, _) = fw.add_invitations(&doc.invitations);
        Some(fw.keep_submitted(&doc.responses))
    }
}

/// Invitations and answers only: the respondent's page.
struct Survey;

impl Scope for Survey {
    const ALL: bool = false;
    fn read(records: &[(String, String)]) -> Option<Fieldwork> {
        read_survey(records).ok()
    }
    fn join(loaded: &Fieldwork, text: &str) -> Option<Fieldwork> {
        let (invitations, responses) = read_survey_file(text.as_bytes()).ok()?;
        let (fw, _) = loaded.add_invitations(&invitations);
        Some(fw.keep_submitted(&responses))
    }
}

async fn load<S: Scope>() -> Loaded {
    let mut loaded = Loaded {
        fieldwork: Fieldwork::default(),
        failure: None,
        unreadable: false,
        rewrite: false,
    };
    let records = async {
        db::open().await?;
        let mut records = db::prefix("fw/").await?;
        if S::ALL {
            records.extend(db::prefix(OBSERVATION_PREFIX).await?);
        }
        Ok::<_, StorageFailure>(records)
    };
    let records = match records.await {
        Err(f) => {
            loaded.failure = Some(f);
            return loaded;
        }
        Ok(records) => records,
    };
    match S::read(&records) {
        Some(fw) => loaded.fieldwork = fw,
        None => {
            // Kept aside under other keys, so nothing is overwritten.
            let stamp = clock::now().timestamp_millis();
            let mut batch = Batch::default();
            for (k, v) in records {
                batch.put(format!("unreadable.{stamp}/{k}"), v.clone());
                batch.delete(k);
            }
            let _ = batch.write().await;
            loaded.unreadable = true;
        }
    }
    // What an older Rally kept in `localStorage` joins it (each side keeps what the other
    // lacks), once: the pages that hold everything then remove the old copy.
    if let Some(text) = storage::read(LEGACY_FIELDWORK_KEY).ok().flatten() {
        match S::join(&loaded.fieldwork, &text) {
            Some(fw) => {
                loaded.fieldwork = fw;
                loaded.rewrite = true;
            }
            None if S::ALL => {
                let aside = format!(
                    "{LEGACY_FIELDWORK_KEY}.unreadable.{}",
                    clock::now().timestamp_millis()
                );
                let _ = storage::write(&aside, &text);
                let _ = storage::remove(LEGACY_FIELDWORK_KEY);
                loaded.unreadable = true;
            }
            None => {}
        }
    }
    loaded
}

/// Takes in the kits and observations of a file (the mediator's page); the caller shows the
/// report.
pub fn import_kits(
    fw: &FieldworkHandle,
    kits: &[Kit],
    observations: &[Observation],
) -> FieldworkReport {
    let (next, report) = fw.fieldwork.import(kits, observations);
    replace(fw, next);
    report
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

/// Saves every change of the whole store (see [`use_saver`]); once written, what an older Rally
/// kept in `localStorage` goes.
#[hook]
pub fn use_fieldwork_saver(fw: &FieldworkHandle) {
    use_saver(fw, fieldwork_changes, true);
}

/// The respondent's page: saves only the invitations and answers, the part it holds.
#[hook]
pub fn use_survey_saver(fw: &FieldworkHandle) {
    use_saver(fw, survey_changes, false);
}

/// The records a change touches, between what the database holds and the state to write.
type Changes = fn(&Fieldwork, &Fieldwork) -> Records;

/// Saves every change: a burst of coding once it pauses (`SAVE_QUIET_MS`), at the latest
/// `SAVE_MAX_WAIT_MS` after its first change; a whole-store replacement (an import, an
/// invitation taken in, answers submitted) at once; and at once when the page is hidden or
/// closed.
/// Only the records that changed since the last write are written.
#[hook]
fn use_saver(fw: &FieldworkHandle, write_changes: Changes, owns_legacy: bool) {
    // The state still to write, and since when something is unsaved.
    let unsaved = use_mut_ref(|| None::<(FieldworkHandle, i64)>);
    // What the database holds (as far as this tab knows): the base of the next change.
    let stored = use_mut_ref(|| None::<Rc<Fieldwork>>);
    let timer = use_mut_ref(|| None::<Timeout>);
    {
        let stored = stored.clone();
        use_effect_with((fw.ready, fw.changes), {
            let handle = fw.clone();
            let (unsaved, timer) = (unsaved.clone(), timer.clone());
            move |(ready, changes)| {
                if !*ready {
                    return;
                }
                if stored.borrow().is_none() {
                    // Just loaded: that is what the database holds, unless it must be
                    // written again (moved or migrated), then from nothing.
                    *stored.borrow_mut() = Some(if *changes > 0 {
                        Rc::new(Fieldwork::default())
                    } else {
                        handle.fieldwork.clone()
                    });
                }
                if *changes > 0 {
                    let now = clock::now().timestamp_millis();
                    let since = unsaved.borrow().as_ref().map_or(now, |(_, since)| *since);
                    let urgent = handle.urgent;
                    *unsaved.borrow_mut() = Some((handle, since));
                    if urgent {
                        // No pause to wait for: written now, with whatever was pending.
                        timer.borrow_mut().take();
                        save(&unsaved, &stored, write_changes, owns_legacy);
                        return;
                    }
                    let wait = SAVE_QUIET_MS.min(since + SAVE_MAX_WAIT_MS - now).max(0);
                    let (next, stored) = (unsaved.clone(), stored.clone());
                    // Replacing the timer cancels the one set for the previous change.
                    *timer.borrow_mut() = Some(Timeout::new(wait as u32, move || {
                        save(&next, &stored, write_changes, owns_legacy)
                    }));
                }
            }
        });
    }
    use_effect_with((), move |_| {
        let leaving =
            dom::when_leaving(move || save(&unsaved, &stored, write_changes, owns_legacy));
        move || drop(leaving)
    });
}

/// Writes the changes between what the database holds and the state waiting in `unsaved`.
fn save(
    unsaved: &RefCell<Option<(FieldworkHandle, i64)>>,
    stored: &Rc<RefCell<Option<Rc<Fieldwork>>>>,
    changes: Changes,
    owns_legacy: bool,
) {
    let Some((handle, _)) = unsaved.borrow_mut().take() else {
        return;
    };
    let Some(base) = stored.borrow().clone() else {
        return;
    };
    let current = handle.fieldwork.clone();
    let records = changes(&base, &current);
    if records.is_empty() {
        return;
    }
    let mut batch = Batch::default();
    for (k, v) in records.puts {
        batch.put(k, v);
    }
    for k in records.deletes {
        batch.delete(k);
    }
    // Transactions commit in the order they were made: the next change builds on this one.
    *stored.borrow_mut() = Some(current.clone());
    let write = batch.write();
    let stored = stored.clone();
    wasm_bindgen_futures::spawn_local(async move {
        let result = write.await.map_err(|e| match e {
            WriteError::Failed(f) => f,
            WriteError::Conflict => StorageFailure::Unavailable,
        });
        if result.is_ok() && owns_legacy {
            // Whatever an older Rally kept in `localStorage` is in the database now.
            let _ = storage::remove(LEGACY_FIELDWORK_KEY);
        }
        if result.is_err() {
            // Not written: the next save starts again from what the database still holds.
            let mut s = stored.borrow_mut();
            if s.as_ref().is_some_and(|x| Rc::ptr_eq(x, &current)) {
                *s = Some(base);
            }
        }
        handle.dispatch(FieldworkMsg::Saved(result));
    });
}
