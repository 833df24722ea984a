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

use yew::prelude::*;

/// A session of a kit with one of its candidates, as named in the address
/// (`#/observe/<kit>/<session>/<candidate>`).
#[derive(Properties, PartialEq)]
pub struct SessionProps {
    pub kit: String,
    pub session: String,
    pub candidate: String,
}
