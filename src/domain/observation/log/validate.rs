//! What a stored or imported observation must hold: the clock, the bounds, every event against
//! the scheme, every rating against the grid.

use super::{
    text_error, Observation, ObservationError, ObservationStatus, SchemeRef, MAX_EVENTS, MAX_NOTES,
    MAX_SESSION_MS,
};
use crate::domain::limits::MAX_TEXT_CHARS;
use crate::domain::observation::rating::{
    id_is_valid, Bars, Rating, LEVEL_MAX, LEVEL_MIN, MAX_COMMENT_CHARS, MAX_EVIDENCE,
    MAX_SYNTHESIS_CHARS,
};
use crate::domain::observation::scheme::{Actor, Code, CodeKind, Scheme};
use crate::domain::sorting;
use crate::domain::text::check_text;
use uuid::Uuid;

impl Observation {
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
        if (self.events.iter().zip(self.events.iter().skip(1))).any(|(a, b)| a.key() >= b.key()) {
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
                return Err(ObservationError::Untrimmed);
            }
        }
        let mut ids: Vec<Uuid> = self.events.iter().map(|e| e.id).collect();
        sorting::sort(&mut ids);
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
                return Err(ObservationError::Untrimmed);
            }
            check_rating(r, |id| ids.binary_search(&id).is_ok())?;
        }
        if checked_text(&self.synthesis, MAX_SYNTHESIS_CHARS)? != self.synthesis {
            return Err(ObservationError::Untrimmed);
        }
        let mut ids: Vec<Uuid> = self.notes.iter().map(|n| n.id).collect();
        sorting::sort(&mut ids);
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
pub(super) fn check_rating(
    r: &Rating,
    exists: impl Fn(Uuid) -> bool,
) -> Result<(), ObservationError> {
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
pub(super) fn checked_text(text: &str, max: usize) -> Result<String, ObservationError> {
    let text = text.trim();
    check_text(text, max).map_err(text_error)?;
    Ok(text.to_owned())
}

pub(super) fn is_state_code(scheme: &Scheme, code: &str) -> bool {
    scheme.code(code).is_some_and(|c| c.kind == CodeKind::State)
}

/// An event's code, actor, modifier and duration against the scheme.
pub(super) fn check_event<'s>(
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

pub(super) fn checked_note(text: &str) -> Result<String, ObservationError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(ObservationError::EmptyNote);
    }
    check_text(text, MAX_TEXT_CHARS).map_err(text_error)?;
    Ok(text.to_owned())
}
