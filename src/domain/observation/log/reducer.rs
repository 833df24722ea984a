//! The reducer of the event log: [`Observation::apply`] and its variants check one change
//! against the coding scheme (and the rating grid) and apply it, or refuse it and change nothing.

use super::{
    validate::check_event, validate::check_rating, validate::checked_note, validate::checked_text,
    validate::is_state_code,
};
use super::{
    Event, EventFields, Note, Observation, ObservationAction, ObservationError, ObservationStatus,
    SchemeRef, MAX_EVENTS, MAX_NOTES, MAX_SESSION_MS,
};
use crate::domain::observation::rating::{
    Bars, BarsRef, Rating, MAX_COMMENT_CHARS, MAX_SYNTHESIS_CHARS,
};
use crate::domain::observation::scheme::{CodeKind, Scheme};
use chrono::{DateTime, Utc};
use uuid::Uuid;

impl Observation {
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
        let seq = self.revision.saturating_add(1);
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
                let index = self
                    .events
                    .position_of_id(*id)
                    .ok_or(ObservationError::EventNotFound)?;
                let e = &self.events[index];
                let state = scheme
                    .code(&e.code)
                    .is_some_and(|c| c.kind == CodeKind::State);
                if !state || e.duration_ms.is_some() {
                    return Err(ObservationError::NotAnOpenState);
                }
                let e = &mut self.events[index];
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
                    .position_of_id(*id)
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
                    .position_of_id(*id)
                    .ok_or(ObservationError::EventNotFound)?;
                self.events.remove(index);
                self.drop_evidence(*id);
                true
            }
            ObservationAction::UndoLastEvent => {
                let index = self
                    .last_added_index()
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
                let open: Vec<usize> = (self.events.iter().enumerate())
                    .filter(|(_, e)| e.duration_ms.is_none() && is_state_code(scheme, &e.code))
                    .map(|(i, _)| i)
                    .collect();
                // Only the chunks holding an open state are copied.
                for i in open {
                    let e = &mut self.events[i];
                    e.duration_ms = Some(end.saturating_sub(e.at_ms));
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
    pub(super) fn same_bars(&self, bars: &Bars) -> Result<(), ObservationError> {
        match &self.bars {
            Some(mine) if *mine != BarsRef::of(bars) => Err(ObservationError::BarsMismatch {
                expected: mine.to_string(),
                found: BarsRef::of(bars).to_string(),
            }),
            _ => Ok(()),
        }
    }

    /// Removes a deleted event from the evidence of every rating.
    pub(super) fn drop_evidence(&mut self, id: Uuid) {
        for r in &mut self.ratings {
            r.evidence.retain(|e| *e != id);
        }
    }

    /// Where an event with this sort key goes: after every event that sorts before or equal.
    pub(super) fn position(&self, key: (u64, u64)) -> usize {
        match self.events.last() {
            // Live coding appends: no search at all.
            Some(last) if last.key() <= key => self.events.len(),
            None => 0,
            Some(_) => self.events.partition_point(|e| e.key() <= key),
        }
    }

    pub(super) fn insert_checked(
        &mut self,
        scheme: &Scheme,
        id: Uuid,
        seq: u64,
        fields: &EventFields,
    ) -> Result<(), ObservationError> {
        if self.events.len() >= MAX_EVENTS {
            return Err(ObservationError::TooManyEvents);
        }
        if self.events.position_of_id(id).is_some() {
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
    pub(super) fn check_fields(
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
            let other_open = self.events.any(|e| {
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
}
