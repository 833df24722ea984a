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
//! * adding at the clock's time: O(log n) to find the place (the end, in practice: a push
//!   that copies the last chunk of 100 events at most, see `events.rs`) plus one O(n) pass
//!   that compares 16-byte identifiers and finds an open state of the same code (a few
//!   microseconds at 5,000 events);
//! * inserting or editing at another time: O(log n) search plus an O(n) move of the events
//!   after it;
//! * undo: found from the end ([`Observation::last_added`]); delete, end a state: O(n) scan;
//! * [`Observation::apply`] also clones the observation: its header, and one pointer per
//!   chunk of 100 events (the chunks are shared until changed); [`Observation::apply_mut`]
//!   does not.
//!
//! After coding, the mediator rates the session on a rating grid ([`Bars`]): `Rate`,
//! `ClearRating` and `SetSynthesis`. Rating needs the grid, so those changes go through
//! [`Observation::apply_with`] / [`Observation::apply_mut_with`], which take it; the plain
//! `apply` is the same without a grid (coding only). With the grid, `Submit` is refused while a
//! dimension is unrated ([`ObservationError::Unrated`]); `SubmitIncomplete` hands the
//! observation in anyway, on the mediator's explicit choice. Deleting an event also removes it
//! from the evidence of every rating.
//!
//! This file holds the types; `events.rs` the event log in shared chunks, `reducer.rs` applies
//! changes, `validate.rs` checks a stored or imported observation, `tally.rs` keeps the live
//! counts.

use super::{
    clock::Clock, clock::ClockError, rating::Bars, rating::BarsRef, rating::Rating, scheme::Actor,
    scheme::Scheme,
};
use crate::domain::text::TextError;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
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
    /// The candidate the leader worked with in this session (since format version 4; older
    /// observations say nothing, which is unambiguous only when the campaign has one
    /// candidate).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub candidate_id: Option<Uuid>,
    pub scheme: SchemeRef,
    pub clock: Clock,
    /// Sorted by `(at_ms, seq)`; in shared chunks, so that a copy costs little (`events.rs`).
    pub events: Events,
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
    /// A stored or imported text with spaces at either end, which Rally trims before keeping.
    #[error("a text starts or ends with spaces, which Rally removes")]
    Untrimmed,
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
            candidate_id: None,
            scheme: SchemeRef::of(scheme),
            clock: Clock::default(),
            events: Events::new(),
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

    /// The same observation without its events (a stored header: the events are kept in
    /// chunks apart, see `file::stored`). Field by field, so the events are never copied.
    pub fn without_events(&self) -> Observation {
        Observation {
            id: self.id,
            campaign_id: self.campaign_id,
            session_id: self.session_id,
            mediator_id: self.mediator_id,
            candidate_id: self.candidate_id,
            scheme: self.scheme.clone(),
            clock: self.clock.clone(),
            events: Events::new(),
            notes: self.notes.clone(),
            bars: self.bars.clone(),
            ratings: self.ratings.clone(),
            synthesis: self.synthesis.clone(),
            status: self.status,
            submitted_at: self.submitted_at,
            created_at: self.created_at,
            updated_at: self.updated_at,
            revision: self.revision,
        }
    }

    /// The candidate, among `candidates`, this observation was made with: the one it names,
    /// or — for an observation from before candidates were recorded — the only candidate
    /// when there is exactly one. `None` when it cannot be told.
    pub fn candidate_among(&self, candidates: &[Uuid]) -> Option<Uuid> {
        match self.candidate_id {
            Some(c) => candidates.contains(&c).then_some(c),
            None if candidates.len() == 1 => Some(candidates[0]),
            None => None,
        }
    }

    pub fn is_submitted(&self) -> bool {
        self.status == ObservationStatus::Submitted
    }

    pub fn event(&self, id: Uuid) -> Option<&Event> {
        self.events.position_of_id(id).map(|i| &self.events[i])
    }

    /// The event added most recently (whatever its time), if any: the one with the highest
    /// `seq`. When the latest change added it (live coding: the last event of the log), it is
    /// found without looking further.
    pub fn last_added(&self) -> Option<&Event> {
        self.last_added_index().map(|i| &self.events[i])
    }

    pub(super) fn last_added_index(&self) -> Option<usize> {
        // `seq` is at most the revision, and the event of the latest revision, if it is still
        // there, has the highest: seen from the end, it usually comes first.
        let mut best: Option<(usize, u64)> = None;
        for (i, e) in self.events.iter().enumerate().rev() {
            if e.seq == self.revision {
                return Some(i);
            }
            if best.is_none_or(|(_, seq)| e.seq > seq) {
                best = Some((i, e.seq));
            }
        }
        best.map(|(i, _)| i)
    }

    /// The open state of the state code `code` for `actor`, if any: the UI ends it when the
    /// key is pressed again.
    pub fn open_state(&self, code: &str, actor: Option<Actor>) -> Option<&Event> {
        self.events
            .rfind(|e| e.duration_ms.is_none() && e.code == code && e.actor == actor)
    }

    /// The session's length at `now`: the clock's elapsed time, or the end of the last event
    /// or note when later (events inserted after the clock stopped). Open states end now.
    pub fn length_ms(&self, now: DateTime<Utc>) -> u64 {
        let events = self.events.iter().map(Event::end_ms).max().unwrap_or(0);
        self.length_ms_given(now, events)
    }

    /// [`Observation::length_ms`] when the latest end of the events is known already
    /// (`last_end_ms`, 0 for no event: a resolved log's, `ResolvedLog::last_end_ms`).
    pub fn length_ms_given(&self, now: DateTime<Utc>, last_end_ms: u64) -> u64 {
        let clock = self.clock.elapsed_ms(now);
        let notes = self.notes.iter().map(|n| n.at_ms).max().unwrap_or(0);
        clock.max(last_end_ms).max(notes)
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
}

mod events;
mod reducer;
mod tally;
mod validate;

pub use events::{Events, EVENTS_PER_CHUNK};
pub use tally::Tally;

#[cfg(test)]
pub(crate) mod tests;
