//! The mediator's observation of a work session: coding schemes (data), the coded event log and
//! its reducer, and the meta-communication indices computed from it.

pub mod clock;
pub mod csv;
pub mod indices;
pub mod log;
pub mod merge;
pub mod scheme;
