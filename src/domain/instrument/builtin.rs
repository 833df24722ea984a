//! The instruments shipped with Rally: every file of `data/instruments/`, embedded at build
//! time and loaded once. A test checks that each file there is listed below and loads cleanly.
//!
//! An instrument has one **current** version, the one new invitations name ([`builtin`],
//! [`builtin_by_id`]). When its text changes, the previous file moves to
//! `data/instruments/archive/<id>-<version>.json` and stays embedded as a **superseded**
//! version ([`superseded`]): invitations and answers that name it still find their exact text
//! (`survey::invitation::resolve_text` looks in both) and still score with it.

use super::definition::{DebriefSide, Form, Instrument};
use super::load::load;

/// File name and text of each built-in instrument, in display order.
pub(super) const FILES: &[(&str, &str)] = &[
    (
        "interpersonal-intelligence.json",
        include_str!("../../../data/instruments/interpersonal-intelligence.json"),
    ),
    (
        "interpersonal-intelligence-observer.json",
        include_str!("../../../data/instruments/interpersonal-intelligence-observer.json"),
    ),
    (
        "intelligence-of-paradoxes.json",
        include_str!("../../../data/instruments/intelligence-of-paradoxes.json"),
    ),
    (
        "intelligence-of-paradoxes-observer.json",
        include_str!("../../../data/instruments/intelligence-of-paradoxes-observer.json"),
    ),
    // ---- Instruments written by the other author of data/instruments/: one entry per file ----
    (
        "business-partner-posture.json",
        include_str!("../../../data/instruments/business-partner-posture.json"),
    ),
    (
        "business-partner-posture-observer.json",
        include_str!("../../../data/instruments/business-partner-posture-observer.json"),
    ),
    (
        "support-axis-profile.json",
        include_str!("../../../data/instruments/support-axis-profile.json"),
    ),
    (
        "three-postures.json",
        include_str!("../../../data/instruments/three-postures.json"),
    ),
    // ---- Session debriefs: the two mirrored sides of one work session ----
    (
        "session-debrief-leader.json",
        include_str!("../../../data/instruments/session-debrief-leader.json"),
    ),
    (
        "session-debrief-candidate.json",
        include_str!("../../../data/instruments/session-debrief-candidate.json"),
    ),
];

/// File name and text of each superseded version, kept so that what was answered to it still
/// reads and scores. Never offered for new invitations.
pub(super) const ARCHIVED: &[(&str, &str)] = &[(
    "intelligence-of-paradoxes-observer-1.0.0.json",
    include_str!("../../../data/instruments/archive/intelligence-of-paradoxes-observer-1.0.0.json"),
)];

/// The built-in instruments, parsed once. A file that fails to load is left out (the tests
/// make sure none does).
pub fn builtin() -> &'static [Instrument] {
    static ALL: std::sync::OnceLock<Vec<Instrument>> = std::sync::OnceLock::new();
    ALL.get_or_init(|| {
        FILES
            .iter()
            .filter_map(|(_, text)| load(text).ok())
            .collect()
    })
}

/// The current version of a built-in instrument, by id.
pub fn builtin_by_id(id: &str) -> Option<&'static Instrument> {
    builtin().iter().find(|i| i.id == id)
}

/// The superseded versions of the built-in instruments, parsed once (none fails to load: the
/// tests make sure of it).
pub fn superseded() -> &'static [Instrument] {
    static ALL: std::sync::OnceLock<Vec<Instrument>> = std::sync::OnceLock::new();
    ALL.get_or_init(|| {
        ARCHIVED
            .iter()
            .filter_map(|(_, text)| load(text).ok())
            .collect()
    })
}

/// The built-in debrief that `side` answers after each work session. The two sides share
/// their facets, so their readings of a session compare facet by facet.
pub fn debrief_for(side: DebriefSide) -> &'static Instrument {
    builtin()
        .iter()
        .find(|i| i.form == Form::Debrief(side))
        .expect("a built-in debrief for each side (tested)")
}
