//! The mediator's screens: the kits in this browser ([`Kits`]), live coding of a session
//! ([`Coding`]) and the rating grid ([`Rating`]). They only ever show the kit's own mediator's
//! observation: other mediators' coding of the same session stays with the recruiter.

mod app;
mod coding;
mod common;
mod event_form;
mod event_log;
mod evidence;
mod kits;
mod notes;
mod pad;
mod rating;

pub use app::MediatorApp;
pub use coding::Coding;
pub use kits::Kits;
pub use rating::Rating;

use crate::domain::fieldwork::address::Session;
use yew::prelude::*;

/// A session of a kit with one of its candidates, as named in the address
/// (`#/observe/<kit>/<session>/<candidate>`).
#[derive(Properties, PartialEq)]
pub struct SessionProps {
    pub kit: String,
    pub session: String,
    pub candidate: String,
}

impl SessionProps {
    /// The session as its addresses name it (`coding()`, `rating()`).
    pub fn address(&self) -> Session {
        Session {
            kit: self.kit.clone(),
            session: self.session.clone(),
            candidate: self.candidate.clone(),
        }
    }
}
