//! The shell's side of fieldwork (kits, observations, invitations and answers): its own
//! reducer and its own records in the browser's database, apart from the campaign undo
//! history. Every coding action is written once a burst of coding pauses (within a second at
//! most, and at once when the page is hidden or closed), so a reload or a closed tab
//! mid-session loses nothing. Only what changed is written (`file::stored::fieldwork_changes`):
//! one coded event rewrites the chunk of events it falls in, not the whole store.
//!
//! Several tabs share the store (a page open twice, the recruiter's beside the mediator's).
//! Each write also sets the store's token (`fieldwork.token`: which tab wrote, how many times)
//! and only if it still holds the one this tab last read or wrote; the token is copied to
//! `localStorage`, whose `storage` event tells the other tabs. A tab that hears of another's
//! write, or whose write is refused, reads the store again and joins its own changes to it
//! (`fieldwork::rebase`) before writing: no tab puts back a stale copy over another's work.

use crate::domain::campaign::Campaign;
use crate::domain::fieldwork::rebase::{rebase, rebase_observing, rebase_survey};
use crate::domain::fieldwork::{Fieldwork, FieldworkError, FieldworkReport, Kit};
use crate::domain::file::stored::{
    fieldwork_changes, observing_changes, read_fieldwork, read_observing, read_survey,
    survey_changes, Records, OBSERVATION_PREFIX,
};
use crate::domain::file::{
    merge_fieldwork, read_fieldwork_file, read_fieldwork_lists, read_survey_file, Document,
};
use crate::domain::observation::log::{Observation, ObservationAction};
use crate::platform::db::{self, Batch, WriteError};
use crate::platform::storage::{self, StorageFailure};
use crate::platform::{clock, dom, random};
use gloo::timers::callback::Timeout;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use uuid::Uuid;
use yew::prelude::*;

/// Where an older Rally kept the fieldwork (`localStorage`), moved to the database once.
pub const LEGACY_FIELDWORK_KEY: &str = "rally.fieldwork";
/// The store's token in the database: who wrote the fieldwork last (`<tab>:<count>`).
pub const TOKEN_KEY: &str = "fieldwork.token";
/// The same token in `localStorage`, for its `storage` event in the other tabs.
const NOTICE_KEY: &str = "rally.fieldwork.token";
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
    /// The store's token when it was read at start-up (see [`TOKEN_KEY`]).
    token: Option<Rc<str>>,
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
            token: self.token.clone(),
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
                token: l.token.map(Rc::from),
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
            token: self.token.clone(),
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
            token: None,
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
    /// The store's token, read before its records.
    token: Option<String>,
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
    use_boot::<All>(fw);
}

/// The mediator's page: reads only the kits and observations (see [`use_observing_saver`]).
#[hook]
pub fn use_observing_boot(fw: &FieldworkHandle) {
    use_boot::<Observing>(fw);
}

/// Reads the part of the store a page holds (its [`Scope`]) once, at start-up.
#[hook]
fn use_boot<S>(fw: &FieldworkHandle)
where
    S: Scope + 'static,
{
    let dispatcher = fw.dispatcher();
    use_effect_with((), move |_| {
        wasm_bindgen_futures::spawn_local(async move {
            let loaded = load::<S>().await;
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
    /// Whether the observations are read too.
    const OBSERVATIONS: bool;
    /// Whether this page moves an older Rally's copy into the database for good: keeps it
    /// aside when it cannot be read, removes it once written (the recruiter's page, which
    /// holds every list). The other pages join what they hold of it and leave it be.
    const OWNS_LEGACY: bool;
    /// The store from its records in the database.
    fn read(records: &[(String, String)]) -> Option<Fieldwork>;
    /// The records that turn what the database holds into the state to write.
    fn changes(before: &Fieldwork, after: &Fieldwork) -> Records;
    /// What an older Rally kept in `localStorage`, joined to what the database holds.
    fn join(loaded: &Fieldwork, text: &str) -> Option<Fieldwork>;
    /// This tab's changes since `base` joined to what another tab wrote (`fieldwork::rebase`).
    fn rebase(base: &Fieldwork, ours: &Fieldwork, theirs: &Fieldwork) -> Fieldwork;
}

/// Everything: the recruiter's page.
struct All;

impl Scope for All {
    const OBSERVATIONS: bool = true;
    const OWNS_LEGACY: bool = true;
    fn read(records: &[(String, String)]) -> Option<Fieldwork> {
        read_fieldwork(records).ok()
    }
    fn changes(before: &Fieldwork, after: &Fieldwork) -> Records {
        fieldwork_changes(before, after)
    }
    fn join(loaded: &Fieldwork, text: &str) -> Option<Fieldwork> {
        let doc = read_fieldwork_lists(text.as_bytes()).ok()?;
        let (fw, _) = loaded.import(&doc.kits, &doc.observations);
        let (fw, _) = fw.add_invitations(&doc.invitations);
        Some(fw.keep_submitted(&doc.responses))
    }
    fn rebase(base: &Fieldwork, ours: &Fieldwork, theirs: &Fieldwork) -> Fieldwork {
        rebase(base, ours, theirs)
    }
}

/// Invitations and answers only: the respondent's page.
struct Survey;

impl Scope for Survey {
    const OBSERVATIONS: bool = false;
    const OWNS_LEGACY: bool = false;
    fn read(records: &[(String, String)]) -> Option<Fieldwork> {
        read_survey(records).ok()
    }
    fn changes(before: &Fieldwork, after: &Fieldwork) -> Records {
        survey_changes(before, after)
    }
    fn join(loaded: &Fieldwork, text: &str) -> Option<Fieldwork> {
        let (invitations, responses) = read_survey_file(text.as_bytes()).ok()?;
        let (fw, _) = loaded.add_invitations(&invitations);
        Some(fw.keep_submitted(&responses))
    }
    fn rebase(base: &Fieldwork, ours: &Fieldwork, theirs: &Fieldwork) -> Fieldwork {
        rebase_survey(base, ours, theirs)
    }
}

/// Kits and observations only: the mediator's page.
struct Observing;

impl Scope for Observing {
    const OBSERVATIONS: bool = true;
    const OWNS_LEGACY: bool = false;
    fn read(records: &[(String, String)]) -> Option<Fieldwork> {
        read_observing(records).ok()
    }
    fn changes(before: &Fieldwork, after: &Fieldwork) -> Records {
        observing_changes(before, after)
    }
    fn join(loaded: &Fieldwork, text: &str) -> Option<Fieldwork> {
        let (kits, observations) = read_fieldwork_file(text.as_bytes()).ok()?;
        let (fw, _) = loaded.import(&kits, &observations);
        Some(fw)
    }
    fn rebase(base: &Fieldwork, ours: &Fieldwork, theirs: &Fieldwork) -> Fieldwork {
        rebase_observing(base, ours, theirs)
    }
}

/// The store's token and its records, read together in one transaction: the token is the
/// one of exactly these records, whatever other tabs write meanwhile.
async fn read_records<S: Scope>() -> Result<(Option<String>, Vec<(String, String)>), StorageFailure>
{
    let prefixes: &[&str] = if S::OBSERVATIONS {
        &["fw/", OBSERVATION_PREFIX]
    } else {
        &["fw/"]
    };
    db::read(TOKEN_KEY, prefixes).await
}

/// What the database holds now, and its token (`None` when it cannot be read).
async fn reread<S: Scope>() -> Option<(Fieldwork, Option<String>)> {
    let (token, records) = read_records::<S>().await.ok()?;
    Some((S::read(&records)?, token))
}

async fn load<S: Scope>() -> Loaded {
    let mut loaded = Loaded {
        fieldwork: Fieldwork::default(),
        failure: None,
        unreadable: false,
        rewrite: false,
        token: None,
    };
    let records = match read_records::<S>().await {
        Err(f) => {
            loaded.failure = Some(f);
            return loaded;
        }
        Ok((token, records)) => {
            loaded.token = token;
            records
        }
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
    // lacks), once: the page that holds everything then removes the old copy.
    if let Some(text) = storage::read(LEGACY_FIELDWORK_KEY).ok().flatten() {
        match S::join(&loaded.fieldwork, &text) {
            Some(fw) => {
                // Written again (then removed, by the page that owns it); the other pages
                // write only what it added, and need not rewrite on every start-up.
                loaded.rewrite = S::OWNS_LEGACY || fw != loaded.fieldwork;
                loaded.fieldwork = fw;
            }
            None if S::OWNS_LEGACY => {
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
    use_saver(fw, Sync::of::<All>());
}

/// The mediator's page: saves only the kits and observations, the part it holds.
#[hook]
pub fn use_observing_saver(fw: &FieldworkHandle) {
    use_saver(fw, Sync::of::<Observing>());
}

/// The respondent's page: saves only the invitations and answers, the part it holds.
#[hook]
pub fn use_survey_saver(fw: &FieldworkHandle) {
    use_saver(fw, Sync::of::<Survey>());
}

/// The records a change touches, between what the database holds and the state to write.
type Changes = fn(&Fieldwork, &Fieldwork) -> Records;

/// The store read again, and its token (`None`: it could not be read).
type Reread =
    std::pin::Pin<Box<dyn std::future::Future<Output = Option<(Fieldwork, Option<String>)>>>>;

/// How a page writes its part of the store, reads it again and joins its changes to it, and
/// whether it removes an older Rally's copy once written (its [`Scope`]'s).
#[derive(Clone, Copy)]
struct Sync {
    changes: Changes,
    reread: fn() -> Reread,
    rebase: fn(&Fieldwork, &Fieldwork, &Fieldwork) -> Fieldwork,
    owns_legacy: bool,
}

impl Sync {
    fn of<S: Scope + 'static>() -> Sync {
        Sync {
            changes: S::changes,
            owns_legacy: S::OWNS_LEGACY,
            reread: || Box::pin(reread::<S>()),
            rebase: S::rebase,
        }
    }
}

/// The saver's memory, shared by its timer, its listeners and its writes.
struct Saver {
    /// The state still to write, and since when something is unsaved.
    unsaved: RefCell<Option<(FieldworkHandle, i64)>>,
    /// What the database holds (as far as this tab knows): the base of the next change.
    stored: RefCell<Option<Rc<Fieldwork>>>,
    /// The store's token this tab last read or wrote; `None` before any (see [`TOKEN_KEY`]).
    known: RefCell<Option<String>>,
    /// What the database surely holds, and its token: what this tab last read, or its last
    /// write that succeeded. `stored` and `known` run ahead of it while writes are on their
    /// way, and come back to it when one fails.
    confirmed: RefCell<(Rc<Fieldwork>, Option<String>)>,
    /// This tab, in the tokens it writes, and how many writes it made.
    tab: String,
    writes: Cell<u64>,
    /// The store is being read again: writes wait (but for the last one, as the page goes).
    syncing: Cell<bool>,
    /// Writes sent and not yet answered; another tab's write heard meanwhile is followed once
    /// they are (`follow_after`), so that what this tab believes the database holds is sure.
    in_flight: Cell<u32>,
    follow_after: Cell<bool>,
    /// Another tab wrote while this one was hidden, or still reading the store at start-up:
    /// read again once it is shown, or once that first read is done.
    stale: Cell<bool>,
    /// Another tab wrote while the store was being read: read it again afterwards.
    again: Cell<bool>,
    sync: Sync,
}

/// Saves every change: a burst of coding once it pauses (`SAVE_QUIET_MS`), at the latest
/// `SAVE_MAX_WAIT_MS` after its first change; a whole-store replacement (an import, an
/// invitation taken in, answers submitted) at once; and at once when the page is hidden or
/// closed. Only the records that changed since the last write are written, and only over
/// the store this tab last read or wrote (see the module's documentation).
#[hook]
fn use_saver(fw: &FieldworkHandle, sync: Sync) {
    let saver = use_memo((), move |_| Saver {
        unsaved: RefCell::new(None),
        stored: RefCell::new(None),
        known: RefCell::new(None),
        confirmed: RefCell::new((Rc::default(), None)),
        tab: random::new_uuid().simple().to_string()[..12].to_owned(),
        writes: Cell::new(0),
        syncing: Cell::new(false),
        in_flight: Cell::new(0),
        follow_after: Cell::new(false),
        stale: Cell::new(false),
        again: Cell::new(false),
        sync,
    });
    let timer = use_mut_ref(|| None::<Timeout>);
    {
        let saver = saver.clone();
        use_effect_with((fw.ready, fw.changes), {
            let handle = fw.clone();
            move |(ready, changes)| {
                if !*ready {
                    return;
                }
                if saver.stored.borrow().is_none() {
                    // Just loaded: that is what the database holds, unless it must be
                    // written again (moved or migrated), then from nothing.
                    let held = if *changes > 0 {
                        Rc::new(Fieldwork::default())
                    } else {
                        handle.fieldwork.clone()
                    };
                    let token = handle.token.as_deref().map(str::to_owned);
                    *saver.stored.borrow_mut() = Some(held.clone());
                    *saver.known.borrow_mut() = token.clone();
                    *saver.confirmed.borrow_mut() = (held, token);
                    if saver.stale.take() {
                        // Another tab wrote while this one was reading the store.
                        follow(&saver, &handle.dispatcher());
                    }
                }
                if *changes > 0 {
                    let now = clock::now().timestamp_millis();
                    let since = saver
                        .unsaved
                        .borrow()
                        .as_ref()
                        .map_or(now, |(_, since)| *since);
                    let urgent = handle.urgent;
                    *saver.unsaved.borrow_mut() = Some((handle, since));
                    if urgent {
                        // No pause to wait for: written now, with whatever was pending.
                        timer.borrow_mut().take();
                        save(&saver, false);
                        return;
                    }
                    let wait = SAVE_QUIET_MS.min(since + SAVE_MAX_WAIT_MS - now).max(0);
                    let next = saver.clone();
                    // Replacing the timer cancels the one set for the previous change.
                    *timer.borrow_mut() =
                        Some(Timeout::new(wait as u32, move || save(&next, false)));
                }
            }
        });
    }
    let dispatcher = fw.dispatcher();
    use_effect_with((), move |_| {
        let leaving = {
            let saver = saver.clone();
            dom::when_leaving(move || save(&saver, true))
        };
        // Another tab wrote: follow it now, or once this tab is shown again.
        let heard = {
            let (saver, dispatcher) = (saver.clone(), dispatcher.clone());
            storage::on_change(NOTICE_KEY, move |token| {
                if token.is_none() || token == *saver.known.borrow() {
                    return;
                }
                if dom::is_hidden() {
                    saver.stale.set(true);
                } else {
                    follow(&saver, &dispatcher);
                }
            })
        };
        let shown = {
            let saver = saver.clone();
            dom::when_shown(move || {
                if saver.stale.take() {
                    follow(&saver, &dispatcher);
                }
            })
        };
        move || drop((leaving, heard, shown))
    });
}

/// Reads the store again and joins this tab's changes to it: the next write starts from what
/// the database holds. Writes wait meanwhile; a second call while reading changes nothing.
fn follow(saver: &Rc<Saver>, dispatcher: &FieldworkDispatcher) {
    if saver.stored.borrow().is_none() {
        // Still reading the store at start-up: read it again once that is done (the first
        // read may have come before that write).
        saver.stale.set(true);
        return;
    }
    if saver.in_flight.get() > 0 {
        saver.follow_after.set(true);
        return;
    }
    if saver.syncing.replace(true) {
        // Read again once this reading is done: it may have missed that write.
        saver.again.set(true);
        return;
    }
    let (saver, dispatcher) = (saver.clone(), dispatcher.clone());
    wasm_bindgen_futures::spawn_local(async move {
        let Some((theirs, token)) = (saver.sync.reread)().await else {
            // Unreadable now: the next write is refused again and tries again.
            saver.syncing.set(false);
            return;
        };
        let base = saver.confirmed.borrow().0.clone();
        let theirs = Rc::new(theirs);
        *saver.stored.borrow_mut() = Some(theirs.clone());
        *saver.known.borrow_mut() = token.clone();
        *saver.confirmed.borrow_mut() = (theirs.clone(), token);
        let rebase = saver.sync.rebase;
        let done = saver.clone();
        // Joined to the state as it is when the change is applied (coding may have gone on
        // while the store was read); writes resume from there.
        let next = dispatcher.clone();
        dispatcher.dispatch(FieldworkMsg::Change(Box::new(move |ours: &Fieldwork| {
            done.syncing.set(false);
            if done.again.take() {
                // After this change is applied, not inside it.
                wasm_bindgen_futures::spawn_local(async move { follow(&done, &next) });
            }
            Ok(rebase(&base, ours, &theirs))
        })));
    });
}

/// Writes the changes between what the database holds and the state waiting in `unsaved`
/// (`leaving`: the page is being hidden or closed, the last chance to write).
fn save(saver: &Rc<Saver>, leaving: bool) {
    if saver.syncing.get() && !leaving {
        // Written once the store is read again (the join is a change, and comes back here).
        return;
    }
    // A page being left runs no more code once this returns, and a guarded write needs a
    // callback (it reads the token first): the check is made here, on the token's copy in
    // `localStorage`, synchronously. Another tab wrote an instant ago and this one has not
    // heard of it yet: its copy is not put back over that write.
    let told = storage::read(NOTICE_KEY).ok().flatten();
    if leaving && told.is_some() && told != *saver.known.borrow() {
        return;
    }
    let Some((handle, since)) = saver.unsaved.borrow_mut().take() else {
        return;
    };
    let Some(base) = saver.stored.borrow().clone() else {
        return;
    };
    let current = handle.fieldwork.clone();
    let records = (saver.sync.changes)(&base, &current);
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
    saver.writes.set(saver.writes.get() + 1);
    let token = format!("{}:{}", saver.tab, saver.writes.get());
    batch.put(TOKEN_KEY, token.clone());
    if leaving {
        let _ = storage::write(NOTICE_KEY, &token);
    } else {
        batch.guard(TOKEN_KEY, saver.known.borrow().clone().unwrap_or_default());
    }
    // Transactions commit in the order they were made: the next change builds on this one.
    *saver.stored.borrow_mut() = Some(current.clone());
    *saver.known.borrow_mut() = Some(token.clone());
    let write = batch.write();
    saver.in_flight.set(saver.in_flight.get() + 1);
    let saver = saver.clone();
    wasm_bindgen_futures::spawn_local(async move {
        let result = write.await;
        saver.in_flight.set(saver.in_flight.get() - 1);
        let heard = saver.in_flight.get() == 0 && saver.follow_after.take();
        if result.is_ok() {
            *saver.confirmed.borrow_mut() = (current, Some(token.clone()));
        } else {
            // Not written: the next save starts again from what the database surely holds.
            let (held, held_token) = saver.confirmed.borrow().clone();
            *saver.stored.borrow_mut() = Some(held);
            *saver.known.borrow_mut() = held_token;
        }
        let result = match result {
            Ok(()) => {
                // The other tabs hear of it.
                let _ = storage::write(NOTICE_KEY, &token);
                if saver.sync.owns_legacy {
                    // Whatever an older Rally kept in `localStorage` is in the database now.
                    let _ = storage::remove(LEGACY_FIELDWORK_KEY);
                }
                if heard {
                    follow(&saver, &handle.dispatcher());
                }
                Ok(())
            }
            Err(WriteError::Conflict) => {
                // Another tab wrote since this one last read: read again, join, write again.
                let dispatcher = handle.dispatcher();
                if saver.unsaved.borrow().is_none() {
                    *saver.unsaved.borrow_mut() = Some((handle, since));
                }
                follow(&saver, &dispatcher);
                return;
            }
            Err(WriteError::Failed(f)) => {
                if heard {
                    follow(&saver, &handle.dispatcher());
                }
                Err(f)
            }
        };
        handle.dispatch(FieldworkMsg::Saved(result));
    });
}
