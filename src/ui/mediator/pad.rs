//! How key presses and taps on the coding pad become coding actions. An event is two presses —
//! the actor, then the code — or one for a code that belongs to nobody (silence, a marker). A
//! code with modifiers is logged at once, then the next press may qualify it (a third,
//! optional press); any other press is read as the start of the next event. A state code
//! (silence) opens on the first press and ends on the next one.
//!
//! Pure functions over the scheme and the observation: the page keeps [`Pending`] and sends the
//! action it gets back.

use crate::domain::observation::log::{EventFields, Observation, ObservationAction};
use crate::domain::observation::scheme::{Actor, Applies, CodeKind, Scheme};
use uuid::Uuid;

/// What the pad is waiting for.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Pending {
    #[default]
    Nothing,
    /// An actor was chosen: the next code is theirs.
    Actor(Actor),
    /// `event` (of code `code`) was just logged: the next press may add a modifier.
    Modifier { event: Uuid, code: String },
}

/// One press, from the keyboard or a tap.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Press {
    Actor(Actor),
    Code(String),
    Modifier(String),
    /// Leaves the event just logged without a modifier.
    NoModifier,
    Cancel,
}

/// What the pad says back when a press needs something else first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Hint {
    /// The code needs an actor: choose one first.
    ActorFirst(String),
}

/// The outcome of one press.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Step {
    pub pending: Pending,
    pub action: Option<ObservationAction>,
    pub hint: Option<Hint>,
}

/// The press a key stands for, if any (`key` is the lowercased `KeyboardEvent.key`).
pub fn press_for_key(scheme: &Scheme, pending: &Pending, key: &str) -> Option<Press> {
    if let Pending::Modifier { code, .. } = pending {
        let modifier = scheme
            .code(code)
            .and_then(|c| c.modifiers.iter().find(|m| m.key.as_deref() == Some(key)));
        if let Some(m) = modifier {
            return Some(Press::Modifier(m.id.clone()));
        }
    }
    if let Some(actor) = scheme.actor_by_key(key) {
        return Some(Press::Actor(actor));
    }
    scheme.code_by_key(key).map(|c| Press::Code(c.id.clone()))
}

/// Applies one press; `new_id` names the event if one is logged.
pub fn step(
    scheme: &Scheme,
    observation: &Observation,
    pending: &Pending,
    press: Press,
    new_id: Uuid,
) -> Step {
    let idle = |hint: Option<Hint>| Step {
        pending: Pending::Nothing,
        action: None,
        hint,
    };
    match press {
        Press::Cancel | Press::NoModifier => idle(None),
        Press::Actor(actor) => Step {
            pending: Pending::Actor(actor),
            action: None,
            hint: None,
        },
        Press::Modifier(modifier) => {
            let Pending::Modifier { event, .. } = pending else {
                return idle(None);
            };
            let action = observation
                .event(*event)
                .map(|e| ObservationAction::EditEvent {
                    id: e.id,
                    fields: EventFields {
                        actor: e.actor,
                        code: e.code.clone(),
                        modifier: Some(modifier),
                        at_ms: e.at_ms,
                        duration_ms: e.duration_ms,
                    },
                });
            Step {
                pending: Pending::Nothing,
                action,
                hint: None,
            }
        }
        Press::Code(code_id) => {
            let Some(code) = scheme.code(&code_id) else {
                return idle(None);
            };
            let chosen = match pending {
                Pending::Actor(a) => Some(*a),
                _ => None,
            };
            let actor = match code.actors {
                Applies::None => None,
                Applies::Both => match chosen {
                    Some(a) => Some(a),
                    None => return idle(Some(Hint::ActorFirst(code_id))),
                },
                Applies::Ceo => Some(chosen.unwrap_or(Actor::Ceo)),
                Applies::Candidate => Some(chosen.unwrap_or(Actor::Candidate)),
            };
            if code.kind == CodeKind::State {
                if let Some(open) = observation.open_state(&code.id, actor) {
                    return Step {
                        pending: Pending::Nothing,
                        action: Some(ObservationAction::EndState { id: open.id }),
                        hint: None,
                    };
                }
            }
            let clock_started = observation.clock.started_at.is_some();
            let pending = if !code.modifiers.is_empty() && clock_started {
                Pending::Modifier {
                    event: new_id,
                    code: code.id.clone(),
                }
            } else {
                Pending::Nothing
            };
            Step {
                pending,
                action: Some(ObservationAction::AddEvent {
                    id: new_id,
                    actor,
                    code: code.id.clone(),
                    modifier: None,
                }),
                hint: None,
            }
        }
    }
}
