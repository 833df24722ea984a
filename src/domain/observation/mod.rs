//! The mediator's observation of a work session: coding schemes (data), the coded event log and
//! its reducer, the meta-communication indices computed from it, the rating grid (data) and the
//! ratings, and the agreement between mediators who observed the same session.

pub mod agreement;
pub mod align;
pub mod clock;
pub mod csv;
pub mod indices;
pub mod log;
pub mod merge;
pub mod rating;
pub mod report;
pub mod resolved;
pub mod scheme;
mod walk;
