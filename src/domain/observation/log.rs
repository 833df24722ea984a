//! The coded event log of one work session, as one mediator saw it, and its reducer.
//!
//! Every change is an [`ObservationAction`] applied by [`Observation::apply_mut`] (in place) or
//! [`Observation::apply`] (returns a new value). Both check the change against the coding
//! scheme first: a refused change leaves nothing behind. Each accepted change bumps `revision`,
//! which merge uses to tell copies apart. Once submitted, every change is refused.
//!
//! State codes (silence) are one event with a duration: the event is added when the silence
//! starts (duration unknown: the state is *open*) and [`ObservationAction::EndState`] sets
//! the duration when it ends. Submitting closes any open state at the final time.
//!
//! Events stay sorted by `(at_ms, seq)`; `seq` is the revision that created the event, so it
//! is unique, orders events logged at the same millisecond, and tells which event was added
//! last (for undo). Costs, with n events:
//! * adding at the clock's time: O(log n) to find the place (the end, in practice: an O(1)
//!   push, no sort) plus one O(n) pass that compares 16-byte identifiers and finds an open
//!   state of the same code (a few microseconds at 5,000 events);
//! * inserting or editing at another time: O(log n) search plus an O(n) memory move;
//! * undo, delete, end a state: O(n) scan;
//! * [`Observation::apply`] also clones the observation, O(n); [`Observation::apply_mut`]
//!   does not.
//!
//! After coding, the mediator rates the session on a rating grid ([`Bars`]): `Rate`,
//! `ClearRating` and `SetSynthesis`. Rating needs the grid, so those changes go through
//! [`Observation::apply_with`] / [`Observation::apply_mut_with`], which take it; the plain
//! `apply` is the same without a grid (coding only). With the grid, `Submit` is refused while a
//! dimension is unrated ([`ObservationError::Unrated`]); `SubmitIncomplete` hands the
//! observation in anyway, on the mediator's explicit choice. Deleting an event also removes it
//! from the evidence of every rating.

use super::clock::{Clock, ClockError};
use super::rating::{
    id_is_valid, Bars, BarsRef, Rating, LEVEL_MAX, LEVEL_MIN, MAX_COMMENT_CHARS, MAX_EVIDENCE,
    MAX_SYNTHESIS_CHARS,
};
use super::scheme::{Actor, Code, CodeKind, Scheme};
use crate::domain::limits::MAX_TEXT_CHARS;
use crate::domain::text::{check_text, TextError};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use uuid::Uuid;

/// Most events in one observation (an untrusted file cannot hold more).
pub const MAX_EVENTS: usize = 50_000;
/// Most notes in one observation.
pub const MAX_NOTES: usize = 5_000;
/// Latest session time an event or a note can have: 12 hours.
pub const MAX_SESSION_MS: u64 = 12 * 3_600_000;

/// Whether the mediator is still coding or has handed the observation in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ObservationStatus {
    Draft,
    Submitted,
}

/// The scheme an observation was coded with.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct SchemeRef {
    pub id: String,
    pub version: u32,
}

impl SchemeRef {
    pub fn of(scheme: &Scheme) -> Self {
        Self {
            id: scheme.id.clone(),
            version: scheme.version,
        }
    }
}

/// One coded event.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    pub id: Uuid,
    /// The revision that created the event: unique, and the tie-break of the order.
    pub seq: u64,
    /// Session time, in milliseconds since the clock started (pauses excluded).
    pub at_ms: u64,
    /// `None` for codes that apply to nobody (silence, marker).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actor: Option<Actor>,
    /// The code's identifier (not its key: keys may be remapped in a later scheme version).
    pub code: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modifier: Option<String>,
    /// State codes only: how long the state lasted; `None` while it is still open.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration_ms: Option<u64>,
}

impl Event {
    /// The end of a closed state; the start for a point event or a state still open.
    pub fn end_ms(&self) -> u64 {
        self.at_ms.saturating_add(self.duration_ms.unwrap_or(0))
    }

    fn key(&self) -> (u64, u64) {
        (self.at_ms, self.seq)
    }
}

/// What the mediator sets when adding or editing an event by hand.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventFields {
    #[serde(default)]
    pub actor: Option<Actor>,
    pub code: String,
    #[serde(default)]
    pub modifier: Option<String>,
    pub at_ms: u64,
    /// For state codes: `None` leaves the state open. Must be `None` for point codes.
    #[serde(default)]
    pub duration_ms: Option<u64>,
}

/// A free note, stamped with the session time.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Note {
    pub id: Uuid,
    pub at_ms: u64,
    pub text: String,
}

/// One mediator's coding of one work session.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Observation {
    pub id: Uuid,
    pub campaign_id: Uuid,
    pub session_id: Uuid,
    pub mediator_id: Uuid,
    pub scheme: SchemeRef,
    pub clock: Clock,
    /// Sorted by `(at_ms, seq)`.
    pub events: Vec<Event>,
    /// Sorted by `at_ms`, in the order they were written at equal times.
    pub notes: Vec<Note>,
    /// The rating grid of `ratings`: set by the first rating, or at submission with a grid.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bars: Option<BarsRef>,
    /// At most one per dimension, sorted by dimension id.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ratings: Vec<Rating>,
    /// The mediator's overall synthesis of the session (trimmed; may be empty).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub synthesis: String,
    pub status: ObservationStatus,
    #[serde(
        default,
        with = "crate::domain::timefmt::option::utc",
        skip_serializing_if = "Option::is_none"
    )]
    pub submitted_at: Option<DateTime<Utc>>,
    #[serde(with = "crate::domain::timefmt::utc")]
    pub created_at: DateTime<Utc>,
    #[serde(with = "crate::domain::timefmt::utc")]
    pub updated_at: DateTime<Utc>,
    /// Bumped by every accepted change that changes something.
    pub revision: u64,
}

/// One change to an observation. Instants come with [`Observation::apply`]'s `now`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ObservationAction {
    StartClock,
    PauseClock,
    ResumeClock,
    /// Logs an event at the clock's current time (a state code opens a state).
    AddEvent {
        id: Uuid,
        #[serde(default)]
        actor: Option<Actor>,
        code: String,
        #[serde(default)]
        modifier: Option<String>,
    },
    /// Closes an open state at the clock's current time.
    EndState {
        id: Uuid,
    },
    /// Logs an event at a chosen time (a forgotten act, a correction after the session).
    InsertEvent {
        id: Uuid,
        fields: EventFields,
    },
    EditEvent {
        id: Uuid,
        fields: EventFields,
    },
    DeleteEvent {
        id: Uuid,
    },
    /// Removes the event added most recently (whatever its time).
    UndoLastEvent,
    /// A note at `at_ms`, or at the clock's current time when `None`.
    AddNote {
        id: Uuid,
        text: String,
        #[serde(default)]
        at_ms: Option<u64>,
    },
    EditNote {
        id: Uuid,
        text: String,
    },
    DeleteNote {
        id: Uuid,
    },
    /// Sets or replaces the rating of one dimension of the grid (needs the grid).
    Rate {
        dimension: String,
        level: u8,
        /// Ids of events of the log that support the rating.
        #[serde(default)]
        evidence: Vec<Uuid>,
        #[serde(default)]
        comment: String,
    },
    /// Removes the rating of one dimension.
    ClearRating {
        dimension: String,
    },
    /// Replaces the synthesis (an empty text clears it).
    SetSynthesis {
        text: String,
    },
    /// Hands the observation in: the clock stops, open states close, nothing changes after.
    /// With a grid, every dimension must be rated.
    Submit,
    /// Like `Submit`, but accepted with unrated dimensions: the mediator's explicit choice.
    SubmitIncomplete,
}

/// Why a change was refused, or what is wrong with a stored observation.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ObservationError {
    #[error("the observation has been submitted: it can no longer change")]
    Submitted,
    #[error(transparent)]
    Clock(#[from] ClockError),
    #[error("start the clock before coding, or insert the event at a chosen time")]
    ClockNotStarted,
    #[error("the observation was coded with scheme {expected}, not {found}")]
    SchemeMismatch { expected: String, found: String },
    #[error("the scheme has no code “{0}”")]
    UnknownCode(String),
    #[error("this code cannot be applied to this actor")]
    ActorNotAllowed,
    #[error("this code has no modifier “{0}”")]
    UnknownModifier(String),
    #[error("only a state code has a duration")]
    DurationOnPointCode,
    #[error("this state is already open; end it first")]
    StateAlreadyOpen,
    #[error("this event is not an open state")]
    NotAnOpenState,
    #[error("no event has this identifier")]
    EventNotFound,
    #[error("no note has this identifier")]
    NoteNotFound,
    #[error("the same identifier is used twice")]
    DuplicateId,
    #[error("there is no event to undo")]
    NothingToUndo,
    #[error("the time is beyond the 12-hour limit of a session")]
    TooLate,
    #[error("the observation holds too many events")]
    TooManyEvents,
    #[error("the observation holds too many notes")]
    TooManyNotes,
    #[error("the note is empty")]
    EmptyNote,
    #[error("the note is longer than allowed")]
    TooLong,
    #[error("a text contains invisible control characters")]
    ForbiddenCharacters,
    #[error("the events are not in time order")]
    Unsorted,
    #[error("an event was created after the observation's revision")]
    BadSeq,
    #[error("the status does not fit the clock or the submission date")]
    InconsistentStatus,
    #[error("the rating grid is needed for this change")]
    NoRatingGrid,
    #[error("the observation was rated with grid {expected}, not {found}")]
    BarsMismatch { expected: String, found: String },
    #[error("the rating grid has no dimension “{0}”")]
    UnknownDimension(String),
    #[error("a rating is a level from 1 to 5, not {0}")]
    BadLevel(u8),
    #[error("the evidence cites an event that is not in the log")]
    UnknownEvidence(Uuid),
    #[error("a rating cites more events than allowed")]
    TooMuchEvidence,
    #[error("this dimension has no rating")]
    RatingNotFound,
    #[error("some dimensions are not rated yet ({}): rate them, or submit the observation as incomplete", .0.join(", "))]
    Unrated(Vec<String>),
}

fn text_error(e: TextError) -> ObservationError {
    match e {
        TextError::TooLong => ObservationError::TooLong,
        _ => ObservationError::ForbiddenCharacters,
    }
}

impl Observation {
    /// A fresh draft: clock not started, nothing coded.
    pub fn new(
        id: Uuid,
        campaign_id: Uuid,
        session_id: Uuid,
        mediator_id: Uuid,
        scheme: &Scheme,
        now: DateTime<Utc>,
    ) -> Self {
        Self {
            id,
            campaign_id,
            session_id,
            mediator_id,
            scheme: SchemeRef::of(scheme),
            clock: Clock::default(),
            events: Vec::new(),
            notes: Vec::new(),
            bars: None,
            ratings: Vec::new(),
            synthesis: String::new(),
            status: ObservationStatus::Draft,
            submitted_at: None,
            created_at: now,
            updated_at: now,
            revision: 0,
        }
    }

    pub fn is_submitted(&self) -> bool {
        self.status == ObservationStatus::Submitted
    }

    pub fn event(&self, id: Uuid) -> Option<&Event> {
        self.events.iter().find(|e| e.id == id)
    }

    /// The open state of the state code `code` for `actor`, if any: the UI ends it when the
    /// key is pressed again.
    pub fn open_state(&self, code: &str, actor: Option<Actor>) -> Option<&Event> {
        self.events
            .iter()
            .rev()
            .find(|e| e.duration_ms.is_none() && e.code == code && e.actor == actor)
    }

    /// The session's length at `now`: the clock's elapsed time, or the end of the last event
    /// or note when later (events inserted after the clock stopped). Open states end now.
    pub fn length_ms(&self, now: DateTime<Utc>) -> u64 {
        let clock = self.clock.elapsed_ms(now);
        let events = self.events.iter().map(Event::end_ms).max().unwrap_or(0);
        let notes = self.notes.iter().map(|n| n.at_ms).max().unwrap_or(0);
        clock.max(events).max(notes)
    }

    /// The rating of `dimension`, if any.
    pub fn rating(&self, dimension: &str) -> Option<&Rating> {
        self.ratings.iter().find(|r| r.dimension == dimension)
    }

    /// The dimensions of `bars` without a rating, in the grid's order.
    pub fn unrated_dimensions<'b>(&self, bars: &'b Bars) -> Vec<&'b str> {
        bars.dimensions
            .iter()
            .filter(|d| self.rating(&d.id).is_none())
            .map(|d| d.id.as_str())
            .collect()
    }

    /// Applies one change and returns the new observation; `self` is untouched. Without a
    /// rating grid: see [`Observation::apply_with`].
    pub fn apply(
        &self,
        scheme: &Scheme,
        action: &ObservationAction,
        now: DateTime<Utc>,
    ) -> Result<Observation, ObservationError> {
        self.apply_with(scheme, None, action, now)
    }

    /// Applies one change in place. On error nothing has changed. Without a rating grid: see
    /// [`Observation::apply_mut_with`].
    pub fn apply_mut(
        &mut self,
        scheme: &Scheme,
        action: &ObservationAction,
        now: DateTime<Utc>,
    ) -> Result<(), ObservationError> {
        self.apply_mut_with(scheme, None, action, now)
    }

    /// Like [`Observation::apply_mut_with`], returning the new observation.
    pub fn apply_with(
        &self,
        scheme: &Scheme,
        bars: Option<&Bars>,
        action: &ObservationAction,
        now: DateTime<Utc>,
    ) -> Result<Observation, ObservationError> {
        let mut next = self.clone();
        next.apply_mut_with(scheme, bars, action, now)?;
        Ok(next)
    }

    /// Applies one change in place, with the rating grid when there is one. On error nothing
    /// has changed.
    ///
    /// `Rate` needs the grid (`NoRatingGrid` without it) and must use the grid of the ratings
    /// already there (`BarsMismatch`). `Submit` with a grid is refused while a dimension is
    /// unrated (`Unrated`, listing them); without a grid it is refused once the observation
    /// has ratings (they could not be checked), and accepted otherwise (a coding-only
    /// observation). `SubmitIncomplete` is accepted whatever is left unrated (with a grid, it
    /// must still be the ratings' grid). `ClearRating` and `SetSynthesis` do not need the grid.
    pub fn apply_mut_with(
        &mut self,
        scheme: &Scheme,
        bars: Option<&Bars>,
        action: &ObservationAction,
        now: DateTime<Utc>,
    ) -> Result<(), ObservationError> {
        if self.is_submitted() {
            return Err(ObservationError::Submitted);
        }
        if self.scheme != SchemeRef::of(scheme) {
            return Err(ObservationError::SchemeMismatch {
                expected: format!("{} v{}", self.scheme.id, self.scheme.version),
                found: format!("{} v{}", scheme.id, scheme.version),
            });
        }
        let seq = self.revision + 1;
        let changed = match action {
            ObservationAction::StartClock => {
                self.clock = self.clock.start(now)?;
                true
            }
            ObservationAction::PauseClock => {
                self.clock = self.clock.pause(now)?;
                true
            }
            ObservationAction::ResumeClock => {
                self.clock = self.clock.resume(now)?;
                true
            }
            ObservationAction::AddEvent {
                id,
                actor,
                code,
                modifier,
            } => {
                if self.clock.started_at.is_none() {
                    return Err(ObservationError::ClockNotStarted);
                }
                let fields = EventFields {
                    actor: *actor,
                    code: code.clone(),
                    modifier: modifier.clone(),
                    at_ms: self.clock.elapsed_ms(now),
                    duration_ms: None,
                };
                self.insert_checked(scheme, *id, seq, &fields)?;
                true
            }
            ObservationAction::EndState { id } => {
                let elapsed = self.clock.elapsed_ms(now);
                let e = self
                    .events
                    .iter_mut()
                    .find(|e| e.id == *id)
                    .ok_or(ObservationError::EventNotFound)?;
                let state = scheme
                    .code(&e.code)
                    .is_some_and(|c| c.kind == CodeKind::State);
                if !state || e.duration_ms.is_some() {
                    return Err(ObservationError::NotAnOpenState);
                }
                e.duration_ms = Some(elapsed.saturating_sub(e.at_ms));
                true
            }
            ObservationAction::InsertEvent { id, fields } => {
                self.insert_checked(scheme, *id, seq, fields)?;
                true
            }
            ObservationAction::EditEvent { id, fields } => {
                let index = self
                    .events
                    .iter()
                    .position(|e| e.id == *id)
                    .ok_or(ObservationError::EventNotFound)?;
                let old = &self.events[index];
                let edited = Event {
                    id: *id,
                    seq: old.seq,
                    at_ms: fields.at_ms,
                    actor: fields.actor,
                    code: fields.code.clone(),
                    modifier: fields.modifier.clone(),
                    duration_ms: fields.duration_ms,
                };
                if edited == *old {
                    false
                } else {
                    self.check_fields(scheme, fields, Some(*id))?;
                    self.events.remove(index);
                    let at = self.position(edited.key());
                    self.events.insert(at, edited);
                    true
                }
            }
            ObservationAction::DeleteEvent { id } => {
                let index = self
                    .events
                    .iter()
                    .position(|e| e.id == *id)
                    .ok_or(ObservationError::EventNotFound)?;
                self.events.remove(index);
                self.drop_evidence(*id);
                true
            }
            ObservationAction::UndoLastEvent => {
                let index = self
                    .events
                    .iter()
                    .enumerate()
                    .max_by_key(|(_, e)| e.seq)
                    .map(|(i, _)| i)
                    .ok_or(ObservationError::NothingToUndo)?;
                let removed = self.events.remove(index);
                self.drop_evidence(removed.id);
                true
            }
            ObservationAction::AddNote { id, text, at_ms } => {
                let text = checked_note(text)?;
                let at_ms = at_ms.unwrap_or_else(|| self.clock.elapsed_ms(now));
                if at_ms > MAX_SESSION_MS {
                    return Err(ObservationError::TooLate);
                }
                if self.notes.len() >= MAX_NOTES {
                    return Err(ObservationError::TooManyNotes);
                }
                if self.notes.iter().any(|n| n.id == *id) {
                    return Err(ObservationError::DuplicateId);
                }
                let at = self.notes.partition_point(|n| n.at_ms <= at_ms);
                self.notes.insert(
                    at,
                    Note {
                        id: *id,
                        at_ms,
                        text,
                    },
                );
                true
            }
            ObservationAction::EditNote { id, text } => {
                let text = checked_note(text)?;
                let note = self
                    .notes
                    .iter_mut()
                    .find(|n| n.id == *id)
                    .ok_or(ObservationError::NoteNotFound)?;
                let changed = note.text != text;
                note.text = text;
                changed
            }
            ObservationAction::DeleteNote { id } => {
                let before = self.notes.len();
                self.notes.retain(|n| n.id != *id);
                if self.notes.len() == before {
                    return Err(ObservationError::NoteNotFound);
                }
                true
            }
            ObservationAction::Rate {
                dimension,
                level,
                evidence,
                comment,
            } => {
                let bars = bars.ok_or(ObservationError::NoRatingGrid)?;
                self.same_bars(bars)?;
                if bars.dimension(dimension).is_none() {
                    return Err(ObservationError::UnknownDimension(dimension.clone()));
                }
                let rating = Rating {
                    dimension: dimension.clone(),
                    level: *level,
                    evidence: evidence.clone(),
                    comment: checked_text(comment, MAX_COMMENT_CHARS)?,
                };
                check_rating(&rating, |id| self.event(id).is_some())?;
                if self.bars.is_none() {
                    self.bars = Some(BarsRef::of(bars));
                }
                match self
                    .ratings
                    .binary_search_by(|r| r.dimension.as_str().cmp(dimension.as_str()))
                {
                    Ok(i) if self.ratings[i] == rating => false,
                    Ok(i) => {
                        self.ratings[i] = rating;
                        true
                    }
                    Err(i) => {
                        self.ratings.insert(i, rating);
                        true
                    }
                }
            }
            ObservationAction::ClearRating { dimension } => {
                let index = self
                    .ratings
                    .iter()
                    .position(|r| r.dimension == *dimension)
                    .ok_or(ObservationError::RatingNotFound)?;
                self.ratings.remove(index);
                true
            }
            ObservationAction::SetSynthesis { text } => {
                let text = checked_text(text, MAX_SYNTHESIS_CHARS)?;
                let changed = self.synthesis != text;
                self.synthesis = text;
                changed
            }
            ObservationAction::Submit | ObservationAction::SubmitIncomplete => {
                let complete = matches!(action, ObservationAction::Submit);
                match bars {
                    Some(bars) => {
                        self.same_bars(bars)?;
                        let unrated = self.unrated_dimensions(bars);
                        if complete && !unrated.is_empty() {
                            return Err(ObservationError::Unrated(
                                unrated.into_iter().map(str::to_owned).collect(),
                            ));
                        }
                        self.bars = Some(BarsRef::of(bars));
                    }
                    None if complete && self.bars.is_some() => {
                        return Err(ObservationError::NoRatingGrid);
                    }
                    None => {}
                }
                let end = self.clock.elapsed_ms(now);
                for e in &mut self.events {
                    if e.duration_ms.is_none() && is_state_code(scheme, &e.code) {
                        e.duration_ms = Some(end.saturating_sub(e.at_ms));
                    }
                }
                self.clock = self.clock.stopped(now);
                self.status = ObservationStatus::Submitted;
                self.submitted_at = Some(now);
                true
            }
        };
        if changed {
            self.revision = seq;
            self.updated_at = now;
        }
        Ok(())
    }

    /// `BarsMismatch` when the observation was rated with another grid.
    fn same_bars(&self, bars: &Bars) -> Result<(), ObservationError> {
        match &self.bars {
            Some(mine) if *mine != BarsRef::of(bars) => Err(ObservationError::BarsMismatch {
                expected: mine.to_string(),
                found: BarsRef::of(bars).to_string(),
            }),
            _ => Ok(()),
        }
    }

    /// Removes a deleted event from the evidence of every rating.
    fn drop_evidence(&mut self, id: Uuid) {
        for r in &mut self.ratings {
            r.evidence.retain(|e| *e != id);
        }
    }

    /// Where an event with this sort key goes: after every event that sorts before or equal.
    fn position(&self, key: (u64, u64)) -> usize {
        match self.events.last() {
            // Live coding appends: no search at all.
            Some(last) if last.key() <= key => self.events.len(),
            None => 0,
            Some(_) => self.events.partition_point(|e| e.key() <= key),
        }
    }

    fn insert_checked(
        &mut self,
        scheme: &Scheme,
        id: Uuid,
        seq: u64,
        fields: &EventFields,
    ) -> Result<(), ObservationError> {
        if self.events.len() >= MAX_EVENTS {
            return Err(ObservationError::TooManyEvents);
        }
        if self.events.iter().any(|e| e.id == id) {
            return Err(ObservationError::DuplicateId);
        }
        self.check_fields(scheme, fields, None)?;
        let event = Event {
            id,
            seq,
            at_ms: fields.at_ms,
            actor: fields.actor,
            code: fields.code.clone(),
            modifier: fields.modifier.clone(),
            duration_ms: fields.duration_ms,
        };
        let at = self.position(event.key());
        self.events.insert(at, event);
        Ok(())
    }

    /// Checks an event's fields against the scheme; `editing` is the event being replaced.
    fn check_fields(
        &self,
        scheme: &Scheme,
        f: &EventFields,
        editing: Option<Uuid>,
    ) -> Result<(), ObservationError> {
        let code = check_event(
            scheme,
            f.actor,
            &f.code,
            f.modifier.as_deref(),
            f.duration_ms,
        )?;
        let end = f.at_ms.checked_add(f.duration_ms.unwrap_or(0));
        if f.at_ms > MAX_SESSION_MS || end.is_none_or(|end| end > MAX_SESSION_MS) {
            return Err(ObservationError::TooLate);
        }
        if code.kind == CodeKind::State && f.duration_ms.is_none() {
            let other_open = self.events.iter().any(|e| {
                Some(e.id) != editing
                    && e.duration_ms.is_none()
                    && e.code == f.code
                    && e.actor == f.actor
            });
            if other_open {
                return Err(ObservationError::StateAlreadyOpen);
            }
        }
        Ok(())
    }

    /// Every invariant a stored or imported observation must hold, without the scheme; the
    /// first broken one. See also [`Observation::check_with`].
    pub fn check(&self) -> Result<(), ObservationError> {
        self.clock.check()?;
        if self.events.len() > MAX_EVENTS {
            return Err(ObservationError::TooManyEvents);
        }
        if self.notes.len() > MAX_NOTES {
            return Err(ObservationError::TooManyNotes);
        }
        if self.events.windows(2).any(|w| w[0].key() >= w[1].key()) {
            return Err(ObservationError::Unsorted);
        }
        if self.notes.windows(2).any(|w| w[0].at_ms > w[1].at_ms) {
            return Err(ObservationError::Unsorted);
        }
        for e in &self.events {
            if e.seq == 0 || e.seq > self.revision {
                return Err(ObservationError::BadSeq);
            }
            let end = e.at_ms.checked_add(e.duration_ms.unwrap_or(0));
            if end.is_none_or(|end| end > MAX_SESSION_MS) {
                return Err(ObservationError::TooLate);
            }
        }
        for n in &self.notes {
            if n.at_ms > MAX_SESSION_MS {
                return Err(ObservationError::TooLate);
            }
            if checked_note(&n.text)? != n.text {
                return Err(ObservationError::EmptyNote);
            }
        }
        let mut ids: Vec<Uuid> = self.events.iter().map(|e| e.id).collect();
        ids.sort_unstable();
        if ids.windows(2).any(|w| w[0] == w[1]) {
            return Err(ObservationError::DuplicateId);
        }
        if !self.ratings.is_empty() && self.bars.is_none() {
            return Err(ObservationError::NoRatingGrid);
        }
        for w in self.ratings.windows(2) {
            if w[0].dimension == w[1].dimension {
                return Err(ObservationError::DuplicateId);
            }
            if w[0].dimension > w[1].dimension {
                return Err(ObservationError::Unsorted);
            }
        }
        for r in &self.ratings {
            if !id_is_valid(&r.dimension) {
                return Err(ObservationError::UnknownDimension(r.dimension.clone()));
            }
            if checked_text(&r.comment, MAX_COMMENT_CHARS)? != r.comment {
                return Err(ObservationError::ForbiddenCharacters);
            }
            check_rating(r, |id| ids.binary_search(&id).is_ok())?;
        }
        if checked_text(&self.synthesis, MAX_SYNTHESIS_CHARS)? != self.synthesis {
            return Err(ObservationError::ForbiddenCharacters);
        }
        let mut ids: Vec<Uuid> = self.notes.iter().map(|n| n.id).collect();
        ids.sort_unstable();
        if ids.windows(2).any(|w| w[0] == w[1]) {
            return Err(ObservationError::DuplicateId);
        }
        let submitted_ok = match self.status {
            ObservationStatus::Draft => self.submitted_at.is_none(),
            ObservationStatus::Submitted => {
                self.submitted_at.is_some() && self.clock.running_since.is_none()
            }
        };
        if !submitted_ok {
            return Err(ObservationError::InconsistentStatus);
        }
        Ok(())
    }

    /// [`Observation::check`] plus every event against the scheme it was coded with.
    pub fn check_with(&self, scheme: &Scheme) -> Result<(), ObservationError> {
        self.check()?;
        if self.scheme != SchemeRef::of(scheme) {
            return Err(ObservationError::SchemeMismatch {
                expected: format!("{} v{}", self.scheme.id, self.scheme.version),
                found: format!("{} v{}", scheme.id, scheme.version),
            });
        }
        let mut open: Vec<(&str, Option<Actor>)> = Vec::new();
        for e in &self.events {
            let code = check_event(
                scheme,
                e.actor,
                &e.code,
                e.modifier.as_deref(),
                e.duration_ms,
            )?;
            if code.kind == CodeKind::State && e.duration_ms.is_none() {
                if self.is_submitted() || open.contains(&(e.code.as_str(), e.actor)) {
                    return Err(ObservationError::StateAlreadyOpen);
                }
                open.push((&e.code, e.actor));
            }
        }
        Ok(())
    }
}

impl Observation {
    /// [`Observation::check_with`] plus the ratings against the grid: the observation's grid
    /// is `bars` (when it has one) and every rated dimension is in it. A submitted observation
    /// may still have unrated dimensions (`SubmitIncomplete`).
    pub fn check_with_bars(&self, scheme: &Scheme, bars: &Bars) -> Result<(), ObservationError> {
        self.check_with(scheme)?;
        self.same_bars(bars)?;
        for r in &self.ratings {
            if bars.dimension(&r.dimension).is_none() {
                return Err(ObservationError::UnknownDimension(r.dimension.clone()));
            }
        }
        Ok(())
    }
}

/// A rating's level and evidence: level on the scale, at most [`MAX_EVIDENCE`] events, each
/// cited once and present in the log (`exists`).
fn check_rating(r: &Rating, exists: impl Fn(Uuid) -> bool) -> Result<(), ObservationError> {
    if !(LEVEL_MIN..=LEVEL_MAX).contains(&r.level) {
        return Err(ObservationError::BadLevel(r.level));
    }
    if r.evidence.len() > MAX_EVIDENCE {
        return Err(ObservationError::TooMuchEvidence);
    }
    for (i, id) in r.evidence.iter().enumerate() {
        if r.evidence[..i].contains(id) {
            return Err(ObservationError::DuplicateId);
        }
        if !exists(*id) {
            return Err(ObservationError::UnknownEvidence(*id));
        }
    }
    Ok(())
}

/// A long free text (comment, synthesis): trimmed, at most `max` characters, no control
/// characters except line breaks and tabs. May be empty.
fn checked_text(text: &str, max: usize) -> Result<String, ObservationError> {
    let text = text.trim();
    check_text(text, max).map_err(text_error)?;
    Ok(text.to_owned())
}

fn is_state_code(scheme: &Scheme, code: &str) -> bool {
    scheme.code(code).is_some_and(|c| c.kind == CodeKind::State)
}

/// An event's code, actor, modifier and duration against the scheme.
fn check_event<'s>(
    scheme: &'s Scheme,
    actor: Option<Actor>,
    code: &str,
    modifier: Option<&str>,
    duration_ms: Option<u64>,
) -> Result<&'s Code, ObservationError> {
    let c = scheme
        .code(code)
        .ok_or_else(|| ObservationError::UnknownCode(code.to_owned()))?;
    if !c.actors.allows(actor) {
        return Err(ObservationError::ActorNotAllowed);
    }
    if let Some(m) = modifier {
        if c.modifier(m).is_none() {
            return Err(ObservationError::UnknownModifier(m.to_owned()));
        }
    }
    if c.kind == CodeKind::Point && duration_ms.is_some() {
        return Err(ObservationError::DurationOnPointCode);
    }
    Ok(c)
}

fn checked_note(text: &str) -> Result<String, ObservationError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(ObservationError::EmptyNote);
    }
    check_text(text, MAX_TEXT_CHARS).map_err(text_error)?;
    Ok(text.to_owned())
}

/// Live counts per code and per actor, for the coding buttons. [`Tally::of`] counts a whole
/// log in O(n); [`Tally::add`] and [`Tally::remove`] keep it current in O(log k) (k codes)
/// when the UI follows the log event by event.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    /// Per code id: counts for the CEO, the candidate, and nobody.
    counts: BTreeMap<String, [u32; 3]>,
}

fn slot(actor: Option<Actor>) -> usize {
    actor.map_or(2, Actor::index)
}

impl Tally {
    pub fn of(observation: &Observation) -> Self {
        let mut t = Tally::default();
        for e in &observation.events {
            t.add(e);
        }
        t
    }

    pub fn add(&mut self, e: &Event) {
        if let Some(c) = self.counts.get_mut(&e.code) {
            c[slot(e.actor)] += 1;
        } else {
            let mut c = [0; 3];
            c[slot(e.actor)] = 1;
            self.counts.insert(e.code.clone(), c);
        }
    }

    pub fn remove(&mut self, e: &Event) {
        if let Some(c) = self.counts.get_mut(&e.code) {
            let n = &mut c[slot(e.actor)];
            *n = n.saturating_sub(1);
        }
    }

    /// Events of `code` by `actor` (`None`: events with no actor).
    pub fn get(&self, code: &str, actor: Option<Actor>) -> u32 {
        self.counts.get(code).map_or(0, |c| c[slot(actor)])
    }

    /// Events of `code`, whoever the actor.
    pub fn total(&self, code: &str) -> u32 {
        self.counts.get(code).map_or(0, |c| c.iter().sum())
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::domain::observation::rating::default_bars;
    use crate::domain::observation::scheme::default_scheme;
    use Actor::{Candidate, Ceo};

    /// Wall-clock instants: `t(ms)` is `ms` milliseconds after a fixed origin.
    pub fn t(ms: i64) -> DateTime<Utc> {
        DateTime::from_timestamp_millis(1_764_000_000_000 + ms).unwrap()
    }

    pub fn id(n: u128) -> Uuid {
        Uuid::from_u128(n)
    }

    pub fn fresh() -> Observation {
        Observation::new(id(1), id(2), id(3), id(4), default_scheme(), t(0))
    }

    pub fn add(actor: Option<Actor>, code: &str, n: u128) -> ObservationAction {
        ObservationAction::AddEvent {
            id: id(n),
            actor,
            code: code.into(),
            modifier: None,
        }
    }

    pub fn insert(n: u128, actor: Option<Actor>, code: &str, at_ms: u64) -> ObservationAction {
        ObservationAction::InsertEvent {
            id: id(n),
            fields: EventFields {
                actor,
                code: code.into(),
                modifier: None,
                at_ms,
                duration_ms: None,
            },
        }
    }

    fn run(o: &mut Observation, steps: &[(i64, ObservationAction)]) {
        for (ms, a) in steps {
            o.apply_mut(default_scheme(), a, t(*ms))
                .unwrap_or_else(|e| panic!("{a:?}: {e}"));
        }
    }

    fn codes(o: &Observation) -> Vec<(u64, &str)> {
        o.events
            .iter()
            .map(|e| (e.at_ms, e.code.as_str()))
            .collect()
    }

    #[test]
    fn events_are_stamped_with_session_time_across_pauses() {
        let mut o = fresh();
        let s = default_scheme();
        assert_eq!(
            o.apply(s, &add(Some(Ceo), "agrees", 10), t(0)),
            Err(ObservationError::ClockNotStarted)
        );
        run(
            &mut o,
            &[
                (1_000, ObservationAction::StartClock),
                (6_000, add(Some(Ceo), "gives_information", 10)),
                (20_000, ObservationAction::PauseClock),
                (80_000, ObservationAction::ResumeClock),
                (85_000, add(Some(Candidate), "agrees", 11)),
            ],
        );
        // 5 s after the start; then 19 s before the pause + 5 s after resuming.
        assert_eq!(
            codes(&o),
            vec![(5_000, "gives_information"), (24_000, "agrees")]
        );
        assert_eq!(o.revision, 5);
        assert_eq!(o.updated_at, t(85_000));
        assert_eq!(o.events[1].actor, Some(Candidate));
    }

    #[test]
    fn a_reload_mid_session_resumes_with_the_right_time() {
        let mut o = fresh();
        run(
            &mut o,
            &[
                (0, ObservationAction::StartClock),
                (30_000, ObservationAction::PauseClock),
                (50_000, ObservationAction::ResumeClock),
                (60_000, add(Some(Ceo), "agrees", 10)),
            ],
        );
        let stored = serde_json::to_string(&o).unwrap();
        // The browser tab crashes; the mediator reopens it 15 s later.
        let mut back: Observation = serde_json::from_str(&stored).unwrap();
        assert_eq!(back, o);
        back.check_with(default_scheme()).unwrap();
        run(&mut back, &[(75_000, add(Some(Candidate), "agrees", 11))]);
        // 30 s + (75 − 50) s = 55 s of session time.
        assert_eq!(back.events[1].at_ms, 55_000);
    }

    #[test]
    fn undo_removes_the_event_added_last_even_when_inserted_earlier() {
        let mut o = fresh();
        run(
            &mut o,
            &[
                (0, ObservationAction::StartClock),
                (10_000, add(Some(Ceo), "agrees", 10)),
                (20_000, add(Some(Ceo), "gives_opinion", 11)),
                (21_000, insert(12, Some(Candidate), "asks_opinion", 5_000)),
            ],
        );
        assert_eq!(
            codes(&o),
            vec![
                (5_000, "asks_opinion"),
                (10_000, "agrees"),
                (20_000, "gives_opinion")
            ]
        );
        run(&mut o, &[(22_000, ObservationAction::UndoLastEvent)]);
        assert_eq!(
            codes(&o),
            vec![(10_000, "agrees"), (20_000, "gives_opinion")]
        );
        run(&mut o, &[(23_000, ObservationAction::UndoLastEvent)]);
        run(&mut o, &[(24_000, ObservationAction::UndoLastEvent)]);
        assert_eq!(
            o.apply(
                default_scheme(),
                &ObservationAction::UndoLastEvent,
                t(25_000)
            ),
            Err(ObservationError::NothingToUndo)
        );
    }

    #[test]
    fn edits_keep_the_log_sorted_and_the_id_stable() {
        let mut o = fresh();
        run(
            &mut o,
            &[
                (0, ObservationAction::StartClock),
                (1_000, add(Some(Ceo), "agrees", 10)),
                (2_000, add(Some(Ceo), "gives_opinion", 11)),
                (3_000, add(Some(Ceo), "disagrees", 12)),
            ],
        );
        let edit = ObservationAction::EditEvent {
            id: id(10),
            fields: EventFields {
                actor: Some(Candidate),
                code: "supports".into(),
                modifier: None,
                at_ms: 2_500,
                duration_ms: None,
            },
        };
        run(&mut o, &[(4_000, edit.clone())]);
        assert_eq!(
            codes(&o),
            vec![
                (2_000, "gives_opinion"),
                (2_500, "supports"),
                (3_000, "disagrees")
            ]
        );
        assert_eq!(o.events[1].id, id(10));
        assert_eq!(o.events[1].actor, Some(Candidate));
        // The same edit again changes nothing and keeps the revision.
        let rev = o.revision;
        run(&mut o, &[(5_000, edit)]);
        assert_eq!(o.revision, rev);
        run(
            &mut o,
            &[(6_000, ObservationAction::DeleteEvent { id: id(11) })],
        );
        assert_eq!(codes(&o), vec![(2_500, "supports"), (3_000, "disagrees")]);
        assert_eq!(
            o.apply(
                default_scheme(),
                &ObservationAction::DeleteEvent { id: id(11) },
                t(7_000)
            ),
            Err(ObservationError::EventNotFound)
        );
        o.check_with(default_scheme()).unwrap();
    }

    #[test]
    fn events_at_the_same_millisecond_keep_their_logging_order() {
        let mut o = fresh();
        run(
            &mut o,
            &[
                (0, insert(10, Some(Ceo), "agrees", 1_000)),
                (0, insert(11, Some(Ceo), "supports", 1_000)),
                (0, insert(12, Some(Ceo), "gives_opinion", 500)),
                (0, insert(13, Some(Candidate), "agrees", 1_000)),
            ],
        );
        let ids: Vec<Uuid> = o.events.iter().map(|e| e.id).collect();
        assert_eq!(ids, vec![id(12), id(10), id(11), id(13)]);
    }

    #[test]
    fn the_scheme_decides_what_an_event_may_be() {
        let s = default_scheme();
        let mut o = fresh();
        run(&mut o, &[(0, ObservationAction::StartClock)]);
        let cases = [
            (
                add(Some(Ceo), "nope", 10),
                ObservationError::UnknownCode("nope".into()),
            ),
            (add(None, "agrees", 10), ObservationError::ActorNotAllowed),
            (
                add(Some(Ceo), "silence", 10),
                ObservationError::ActorNotAllowed,
            ),
            (
                add(Some(Ceo), "moment", 10),
                ObservationError::ActorNotAllowed,
            ),
            (
                ObservationAction::AddEvent {
                    id: id(10),
                    actor: Some(Ceo),
                    code: "agrees".into(),
                    modifier: Some("faithful".into()),
                },
                ObservationError::UnknownModifier("faithful".into()),
            ),
            (
                ObservationAction::InsertEvent {
                    id: id(10),
                    fields: EventFields {
                        actor: Some(Ceo),
                        code: "agrees".into(),
                        modifier: None,
                        at_ms: 0,
                        duration_ms: Some(5),
                    },
                },
                ObservationError::DurationOnPointCode,
            ),
            (
                insert(10, Some(Ceo), "agrees", MAX_SESSION_MS + 1),
                ObservationError::TooLate,
            ),
        ];
        for (action, err) in cases {
            let before = o.clone();
            assert_eq!(o.apply_mut(s, &action, t(1)), Err(err), "{action:?}");
            assert_eq!(o, before, "a refused change leaves nothing behind");
        }
        let reformulation = ObservationAction::AddEvent {
            id: id(11),
            actor: Some(Candidate),
            code: "reformulates".into(),
            modifier: Some("faithful".into()),
        };
        run(&mut o, &[(2, reformulation), (3, add(None, "moment", 12))]);
        assert_eq!(
            o.apply(s, &add(Some(Ceo), "agrees", 12), t(4)),
            Err(ObservationError::DuplicateId)
        );
    }

    #[test]
    fn silence_is_one_event_with_a_duration() {
        let s = default_scheme();
        let mut o = fresh();
        run(
            &mut o,
            &[
                (0, ObservationAction::StartClock),
                (10_000, add(None, "silence", 10)),
            ],
        );
        assert_eq!(o.open_state("silence", None).map(|e| e.id), Some(id(10)));
        assert_eq!(
            o.apply(s, &add(None, "silence", 11), t(11_000)),
            Err(ObservationError::StateAlreadyOpen)
        );
        run(
            &mut o,
            &[(14_500, ObservationAction::EndState { id: id(10) })],
        );
        assert_eq!(o.events[0].duration_ms, Some(4_500));
        assert_eq!(o.open_state("silence", None), None);
        assert_eq!(
            o.apply(s, &ObservationAction::EndState { id: id(10) }, t(15_000)),
            Err(ObservationError::NotAnOpenState)
        );
        // A silence left open is closed when the observation is submitted.
        run(
            &mut o,
            &[
                (20_000, add(None, "silence", 11)),
                (23_000, ObservationAction::Submit),
            ],
        );
        assert_eq!(o.events[1].duration_ms, Some(3_000));
        o.check_with(s).unwrap();
    }

    #[test]
    fn notes_are_timestamped_and_sorted() {
        let mut o = fresh();
        run(
            &mut o,
            &[
                (0, ObservationAction::StartClock),
                (
                    90_000,
                    ObservationAction::AddNote {
                        id: id(50),
                        text: "  Le candidat recadre l'enjeu, le CEO sourit. ".into(),
                        at_ms: None,
                    },
                ),
                (
                    95_000,
                    ObservationAction::AddNote {
                        id: id(51),
                        text: "Earlier moment".into(),
                        at_ms: Some(30_000),
                    },
                ),
            ],
        );
        assert_eq!(o.notes[0].at_ms, 30_000);
        assert_eq!(o.notes[1].at_ms, 90_000);
        assert_eq!(
            o.notes[1].text,
            "Le candidat recadre l'enjeu, le CEO sourit."
        );
        let s = default_scheme();
        assert_eq!(
            o.apply(
                s,
                &ObservationAction::AddNote {
                    id: id(52),
                    text: "  ".into(),
                    at_ms: None
                },
                t(1)
            ),
            Err(ObservationError::EmptyNote)
        );
        run(
            &mut o,
            &[
                (
                    96_000,
                    ObservationAction::EditNote {
                        id: id(51),
                        text: "Edited".into(),
                    },
                ),
                (97_000, ObservationAction::DeleteNote { id: id(50) }),
            ],
        );
        assert_eq!(o.notes.len(), 1);
        assert_eq!(o.notes[0].text, "Edited");
    }

    #[test]
    fn submit_locks_everything() {
        let s = default_scheme();
        let mut o = fresh();
        run(
            &mut o,
            &[
                (0, ObservationAction::StartClock),
                (5_000, add(Some(Ceo), "agrees", 10)),
                (60_000, ObservationAction::Submit),
            ],
        );
        assert!(o.is_submitted());
        assert_eq!(o.submitted_at, Some(t(60_000)));
        assert_eq!(o.clock.running_since, None);
        assert_eq!(o.length_ms(t(999_999)), 60_000, "the clock stopped");
        let rev = o.revision;
        for action in [
            ObservationAction::ResumeClock,
            add(Some(Ceo), "agrees", 11),
            ObservationAction::UndoLastEvent,
            ObservationAction::DeleteEvent { id: id(10) },
            insert(12, Some(Ceo), "agrees", 1),
            ObservationAction::AddNote {
                id: id(13),
                text: "late".into(),
                at_ms: None,
            },
            ObservationAction::Submit,
        ] {
            assert_eq!(
                o.apply(s, &action, t(70_000)),
                Err(ObservationError::Submitted),
                "{action:?}"
            );
        }
        assert_eq!(o.revision, rev);
        o.check_with(s).unwrap();
    }

    #[test]
    fn clock_errors_and_scheme_mismatch() {
        let s = default_scheme();
        let o = fresh();
        assert_eq!(
            o.apply(s, &ObservationAction::PauseClock, t(0)),
            Err(ObservationError::Clock(ClockError::NotStarted))
        );
        let mut other = s.clone();
        other.version = 2;
        assert!(matches!(
            o.apply(&other, &ObservationAction::StartClock, t(0)),
            Err(ObservationError::SchemeMismatch { .. })
        ));
    }

    #[test]
    fn stored_observations_are_checked() {
        let s = default_scheme();
        let mut o = fresh();
        run(
            &mut o,
            &[
                (0, ObservationAction::StartClock),
                (1_000, add(Some(Ceo), "agrees", 10)),
                (2_000, add(Some(Ceo), "agrees", 11)),
            ],
        );
        let mut bad = o.clone();
        bad.events.swap(0, 1);
        assert_eq!(bad.check(), Err(ObservationError::Unsorted));
        let mut bad = o.clone();
        bad.events[1].id = id(10);
        assert_eq!(bad.check(), Err(ObservationError::DuplicateId));
        let mut bad = o.clone();
        bad.events[1].seq = 99;
        assert_eq!(bad.check(), Err(ObservationError::BadSeq));
        let mut bad = o.clone();
        bad.status = ObservationStatus::Submitted;
        assert_eq!(bad.check(), Err(ObservationError::InconsistentStatus));
        let mut bad = o.clone();
        bad.events[0].code = "gone".into();
        assert_eq!(
            bad.check_with(s),
            Err(ObservationError::UnknownCode("gone".into()))
        );
        o.check_with(s).unwrap();
    }

    #[test]
    fn live_counts_follow_the_log() {
        let mut o = fresh();
        run(
            &mut o,
            &[
                (0, ObservationAction::StartClock),
                (1, add(Some(Ceo), "agrees", 10)),
                (2, add(Some(Ceo), "agrees", 11)),
                (3, add(Some(Candidate), "agrees", 12)),
                (4, add(None, "moment", 13)),
            ],
        );
        let mut tally = Tally::of(&o);
        assert_eq!(tally.get("agrees", Some(Ceo)), 2);
        assert_eq!(tally.get("agrees", Some(Candidate)), 1);
        assert_eq!(tally.total("agrees"), 3);
        assert_eq!(tally.get("moment", None), 1);
        assert_eq!(tally.get("supports", Some(Ceo)), 0);
        let last = o.events[3].clone();
        run(&mut o, &[(5, ObservationAction::UndoLastEvent)]);
        tally.remove(&last);
        assert_eq!(tally, {
            let mut t = Tally::of(&o);
            t.add(&last);
            t.remove(&last);
            t
        });
        assert_eq!(tally.get("moment", None), 0);
    }

    fn rate(dimension: &str, level: u8, evidence: &[u128], comment: &str) -> ObservationAction {
        ObservationAction::Rate {
            dimension: dimension.into(),
            level,
            evidence: evidence.iter().map(|n| id(*n)).collect(),
            comment: comment.into(),
        }
    }

    fn run_rated(o: &mut Observation, steps: &[(i64, ObservationAction)]) {
        for (ms, a) in steps {
            o.apply_mut_with(default_scheme(), Some(default_bars()), a, t(*ms))
                .unwrap_or_else(|e| panic!("{a:?}: {e}"));
        }
    }

    /// An observation with three coded events (ids 10, 11, 12), clock running.
    fn coded() -> Observation {
        let mut o = fresh();
        run(
            &mut o,
            &[
                (0, ObservationAction::StartClock),
                (1_000, add(Some(Ceo), "gives_opinion", 10)),
                (2_000, add(Some(Candidate), "reformulates", 11)),
                (3_000, add(Some(Candidate), "agrees", 12)),
            ],
        );
        o
    }

    fn rate_all(o: &mut Observation, level: u8) {
        for d in &default_bars().dimensions {
            run_rated(o, &[(10_000, rate(&d.id, level, &[], ""))]);
        }
    }

    #[test]
    fn ratings_are_set_replaced_and_cleared() {
        let s = default_scheme();
        let g = default_bars();
        let mut o = coded();
        let with = |o: &Observation, a: &ObservationAction| o.apply_with(s, Some(g), a, t(5_000));
        // Rating needs the grid.
        assert_eq!(
            o.apply(s, &rate("co_construction", 4, &[], ""), t(5_000)),
            Err(ObservationError::NoRatingGrid)
        );
        let refused = [
            (
                rate("charisma", 4, &[], ""),
                ObservationError::UnknownDimension("charisma".into()),
            ),
            (
                rate("co_construction", 0, &[], ""),
                ObservationError::BadLevel(0),
            ),
            (
                rate("co_construction", 6, &[], ""),
                ObservationError::BadLevel(6),
            ),
            (
                rate("co_construction", 4, &[10, 99], ""),
                ObservationError::UnknownEvidence(id(99)),
            ),
            (
                rate("co_construction", 4, &[10, 10], ""),
                ObservationError::DuplicateId,
            ),
            (
                rate("co_construction", 4, &[], "bad\u{202e}text"),
                ObservationError::ForbiddenCharacters,
            ),
            (
                rate(
                    "co_construction",
                    4,
                    &[],
                    &"x".repeat(MAX_COMMENT_CHARS + 1),
                ),
                ObservationError::TooLong,
            ),
        ];
        for (action, err) in refused {
            assert_eq!(with(&o, &action), Err(err), "{action:?}");
        }
        let many: Vec<u128> = (1_000..1_000 + MAX_EVIDENCE as u128 + 1).collect();
        assert_eq!(
            with(&o, &rate("co_construction", 4, &many, "")),
            Err(ObservationError::TooMuchEvidence)
        );
        assert_eq!(o.bars, None);
        let rev = o.revision;
        run_rated(
            &mut o,
            &[
                (6_000, rate("stakes_why", 2, &[], "")),
                (
                    7_000,
                    rate(
                        "co_construction",
                        4,
                        &[11, 10],
                        "  Le candidat reprend l'idée.\n\tPuis la prolonge.  ",
                    ),
                ),
            ],
        );
        assert_eq!(o.revision, rev + 2);
        assert_eq!(o.bars, Some(BarsRef::of(g)));
        // Sorted by dimension id, whatever the order they were rated in.
        let dims: Vec<&str> = o.ratings.iter().map(|r| r.dimension.as_str()).collect();
        assert_eq!(dims, ["co_construction", "stakes_why"]);
        let r = o.rating("co_construction").unwrap();
        assert_eq!(r.evidence, vec![id(11), id(10)]);
        assert_eq!(
            r.comment,
            "Le candidat reprend l'idée.\n\tPuis la prolonge."
        );
        // The same rating again changes nothing; a new level replaces the old one.
        let again = rate(
            "co_construction",
            4,
            &[11, 10],
            "Le candidat reprend l'idée.\n\tPuis la prolonge.",
        );
        run_rated(&mut o, &[(8_000, again)]);
        assert_eq!(o.revision, rev + 2);
        run_rated(&mut o, &[(9_000, rate("co_construction", 5, &[], ""))]);
        assert_eq!(o.rating("co_construction").unwrap().level, 5);
        assert!(o.rating("co_construction").unwrap().evidence.is_empty());
        assert_eq!(o.ratings.len(), 2);
        // Clearing does not need the grid.
        run(
            &mut o,
            &[(
                10_000,
                ObservationAction::ClearRating {
                    dimension: "stakes_why".into(),
                },
            )],
        );
        assert_eq!(o.rating("stakes_why"), None);
        assert_eq!(
            o.apply(
                s,
                &ObservationAction::ClearRating {
                    dimension: "stakes_why".into()
                },
                t(11_000)
            ),
            Err(ObservationError::RatingNotFound)
        );
        o.check_with_bars(s, g).unwrap();
        // Another version of the grid is refused once rated with this one.
        let mut other = g.clone();
        other.version = 2;
        assert!(matches!(
            o.apply_with(s, Some(&other), &rate("stakes_why", 3, &[], ""), t(12_000)),
            Err(ObservationError::BarsMismatch { .. })
        ));
        assert!(matches!(
            o.check_with_bars(s, &other),
            Err(ObservationError::BarsMismatch { .. })
        ));
    }

    #[test]
    fn submitting_with_the_grid_needs_every_dimension_rated_or_an_explicit_choice() {
        let s = default_scheme();
        let g = default_bars();
        let mut o = coded();
        run_rated(&mut o, &[(5_000, rate("co_construction", 4, &[], ""))]);
        let missing: Vec<String> = g
            .dimensions
            .iter()
            .map(|d| d.id.clone())
            .filter(|d| d != "co_construction")
            .collect();
        assert_eq!(o.unrated_dimensions(g).len(), 5);
        let err = o
            .apply_with(s, Some(g), &ObservationAction::Submit, t(6_000))
            .unwrap_err();
        assert_eq!(err, ObservationError::Unrated(missing));
        assert!(err
            .to_string()
            .contains("listening_reformulation, handling_disagreement"));
        // Without the grid, a rated observation cannot be checked, so `Submit` is refused.
        assert_eq!(
            o.apply(s, &ObservationAction::Submit, t(6_000)),
            Err(ObservationError::NoRatingGrid)
        );
        // The explicit choice.
        let done = o
            .apply_with(s, Some(g), &ObservationAction::SubmitIncomplete, t(6_000))
            .unwrap();
        assert!(done.is_submitted());
        done.check_with_bars(s, g).unwrap();
        // Every dimension rated: `Submit` goes through, and then nothing changes any more.
        rate_all(&mut o, 3);
        run_rated(&mut o, &[(20_000, ObservationAction::Submit)]);
        assert!(o.is_submitted());
        assert_eq!(o.bars, Some(BarsRef::of(g)));
        for action in [
            rate("co_construction", 2, &[], ""),
            ObservationAction::ClearRating {
                dimension: "co_construction".into(),
            },
            ObservationAction::SetSynthesis {
                text: "late".into(),
            },
            ObservationAction::SubmitIncomplete,
        ] {
            assert_eq!(
                o.apply_with(s, Some(g), &action, t(30_000)),
                Err(ObservationError::Submitted),
                "{action:?}"
            );
        }
        o.check_with_bars(s, g).unwrap();
        // An unrated observation submitted with the grid records the grid.
        let mut bare = coded();
        assert_eq!(
            bare.apply_with(s, Some(g), &ObservationAction::Submit, t(6_000)),
            Err(ObservationError::Unrated(
                g.dimensions.iter().map(|d| d.id.clone()).collect()
            ))
        );
        run_rated(&mut bare, &[(6_000, ObservationAction::SubmitIncomplete)]);
        assert_eq!(bare.bars, Some(BarsRef::of(g)));
        assert!(bare.ratings.is_empty());
    }

    #[test]
    fn the_synthesis_is_bounded_free_text() {
        let s = default_scheme();
        let mut o = coded();
        let set = |text: &str| ObservationAction::SetSynthesis { text: text.into() };
        run(
            &mut o,
            &[(
                5_000,
                set("  Binôme qui s'écoute.\r\n\tRéserve : peu de « pourquoi ».\n"),
            )],
        );
        assert_eq!(
            o.synthesis,
            "Binôme qui s'écoute.\r\n\tRéserve : peu de « pourquoi »."
        );
        let rev = o.revision;
        run(
            &mut o,
            &[(
                6_000,
                set("Binôme qui s'écoute.\r\n\tRéserve : peu de « pourquoi »."),
            )],
        );
        assert_eq!(o.revision, rev, "the same text changes nothing");
        let long = "é".repeat(MAX_SYNTHESIS_CHARS);
        run(&mut o, &[(7_000, set(&long))]);
        assert_eq!(o.synthesis.chars().count(), MAX_SYNTHESIS_CHARS);
        for (text, err) in [
            (
                "é".repeat(MAX_SYNTHESIS_CHARS + 1),
                ObservationError::TooLong,
            ),
            ("a\u{0}b".to_owned(), ObservationError::ForbiddenCharacters),
            (
                "a\u{1b}[31mb".to_owned(),
                ObservationError::ForbiddenCharacters,
            ),
            (
                "a\u{2066}b".to_owned(),
                ObservationError::ForbiddenCharacters,
            ),
        ] {
            assert_eq!(o.apply(s, &set(&text), t(8_000)), Err(err));
        }
        run(&mut o, &[(9_000, set(""))]);
        assert_eq!(o.synthesis, "");
        o.check_with(s).unwrap();
    }

    #[test]
    fn deleting_an_event_removes_it_from_the_evidence() {
        let s = default_scheme();
        let mut o = coded();
        run_rated(
            &mut o,
            &[
                (5_000, rate("listening_reformulation", 4, &[11, 12], "")),
                (5_000, rate("co_construction", 3, &[12], "")),
            ],
        );
        run(
            &mut o,
            &[(6_000, ObservationAction::DeleteEvent { id: id(12) })],
        );
        assert_eq!(
            o.rating("listening_reformulation").unwrap().evidence,
            vec![id(11)]
        );
        assert!(o.rating("co_construction").unwrap().evidence.is_empty());
        run(&mut o, &[(7_000, add(Some(Ceo), "asks_why", 13))]);
        run_rated(&mut o, &[(8_000, rate("stakes_why", 2, &[13], ""))]);
        run(&mut o, &[(9_000, ObservationAction::UndoLastEvent)]);
        assert!(o.rating("stakes_why").unwrap().evidence.is_empty());
        o.check_with_bars(s, default_bars()).unwrap();
    }

    #[test]
    fn ratings_are_stored_and_older_files_still_read() {
        let s = default_scheme();
        let g = default_bars();
        // An observation without ratings writes no rating field: older files and older
        // builds see the same text.
        let plain = coded();
        let text = serde_json::to_string(&plain).unwrap();
        for field in ["ratings", "synthesis", "bars"] {
            assert!(!text.contains(field), "{field}");
        }
        let back: Observation = serde_json::from_str(&text).unwrap();
        assert_eq!(back, plain);
        let mut o = coded();
        run_rated(
            &mut o,
            &[
                (5_000, rate("energy_pace", 5, &[10], "Rythme soutenu")),
                (
                    6_000,
                    ObservationAction::SetSynthesis {
                        text: "Bonne dynamique".into(),
                    },
                ),
            ],
        );
        let text = serde_json::to_string(&o).unwrap();
        let back: Observation = serde_json::from_str(&text).unwrap();
        assert_eq!(back, o);
        back.check_with_bars(s, g).unwrap();
        // Actions travel as JSON too; evidence and comment may be left out.
        let action: ObservationAction =
            serde_json::from_str(r#"{"type":"rate","dimension":"stakes_why","level":3}"#).unwrap();
        assert_eq!(action, rate("stakes_why", 3, &[], ""));
        let action: ObservationAction =
            serde_json::from_str(r#"{"type":"submit_incomplete"}"#).unwrap();
        assert_eq!(action, ObservationAction::SubmitIncomplete);
    }

    #[test]
    fn stored_ratings_are_checked() {
        let s = default_scheme();
        let g = default_bars();
        let mut o = coded();
        run_rated(
            &mut o,
            &[
                (5_000, rate("co_construction", 4, &[10], "")),
                (5_000, rate("stakes_why", 2, &[], "")),
            ],
        );
        o.check_with_bars(s, g).unwrap();
        let mut bad = o.clone();
        bad.ratings.swap(0, 1);
        assert_eq!(bad.check(), Err(ObservationError::Unsorted));
        let mut bad = o.clone();
        bad.ratings[1].dimension = "co_construction".into();
        assert_eq!(bad.check(), Err(ObservationError::DuplicateId));
        let mut bad = o.clone();
        bad.ratings[0].level = 9;
        assert_eq!(bad.check(), Err(ObservationError::BadLevel(9)));
        let mut bad = o.clone();
        bad.ratings[0].evidence = vec![id(77)];
        assert_eq!(bad.check(), Err(ObservationError::UnknownEvidence(id(77))));
        let mut bad = o.clone();
        bad.bars = None;
        assert_eq!(bad.check(), Err(ObservationError::NoRatingGrid));
        let mut bad = o.clone();
        bad.synthesis = "a\u{7}".into();
        assert_eq!(bad.check(), Err(ObservationError::ForbiddenCharacters));
        let mut bad = o.clone();
        bad.ratings[1].dimension = "zeal".into();
        bad.check().unwrap();
        assert_eq!(
            bad.check_with_bars(s, g),
            Err(ObservationError::UnknownDimension("zeal".into()))
        );
    }

    #[test]
    fn ratings_are_part_of_what_merge_compares() {
        use crate::domain::observation::merge::merge_observations;
        let mut a = coded();
        rate_all(&mut a, 3);
        let mut b = a.clone();
        run_rated(&mut a, &[(20_000, rate("energy_pace", 4, &[], ""))]);
        run_rated(&mut b, &[(20_000, rate("energy_pace", 2, &[], ""))]);
        assert_eq!(a.revision, b.revision);
        let m = merge_observations([&a, &b]);
        assert!(m.observations.is_empty());
        assert_eq!(m.conflicts.len(), 1, "same revision, different ratings");
        // A later draft with a rating supersedes the earlier one.
        let mut c = a.clone();
        run_rated(
            &mut c,
            &[(
                30_000,
                ObservationAction::SetSynthesis { text: "Fin".into() },
            )],
        );
        assert_eq!(merge_observations([&a, &c]).observations, vec![c]);
    }

    /// 5,000 events logged live, one key press at a time, then every index: the whole path a
    /// long session takes. (Timing is measured by the benchmark harness, not asserted here.)
    #[test]
    fn five_thousand_events() {
        let s = default_scheme();
        let mut o = fresh();
        o.apply_mut(s, &ObservationAction::StartClock, t(0))
            .unwrap();
        let codes: Vec<&str> = s
            .codes
            .iter()
            .filter(|c| c.kind == CodeKind::Point && c.actors.allows(Some(Ceo)))
            .map(|c| c.id.as_str())
            .collect();
        for i in 0..5_000u64 {
            let actor = if i % 3 == 0 { Candidate } else { Ceo };
            let code = codes[(i as usize * 7) % codes.len()];
            o.apply_mut(
                s,
                &add(Some(actor), code, 1_000 + u128::from(i)),
                t(i as i64 * 720),
            )
            .unwrap();
        }
        assert_eq!(o.events.len(), 5_000);
        o.check_with(s).unwrap();
        let tally = Tally::of(&o);
        let total: u32 = codes.iter().map(|c| tally.total(c)).sum();
        assert_eq!(total, 5_000);
        let ix = crate::domain::observation::indices::session_indices(&o, s, t(3_600_000));
        assert_eq!(ix.length_ms, 3_600_000);
        let acts = ix.whole.acts.ceo + ix.whole.acts.candidate;
        let third_acts: u32 = ix
            .thirds
            .iter()
            .map(|w| w.acts.ceo + w.acts.candidate)
            .sum();
        assert_eq!(third_acts, acts);
        assert!(acts > 0 && acts < 5_000);
        assert_eq!(ix.transitions.total, acts - 1);
    }
}
