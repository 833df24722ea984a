//! The instruments shipped with Rally: every file of `data/instruments/`, embedded at build
//! time and loaded once. A test checks that each file there is listed below and loads cleanly.
//!
//! An instrument has one **current** version, the one new invitations name ([`builtin`],
//! [`builtin_by_id`]). When its text changes, the previous file moves to
//! `data/instruments/archive/<id>-<version>.json` and stays embedded as a **superseded**
//! version ([`superseded`]): invitations and answers that name it still find their exact text
//! (`survey::invitation::resolve_text` looks in both) and still score with it.
//!
//! A page that does not hold their texts — the respondent's, which fetches only the one or two
//! an invitation names (`dist/instruments/<id>-<version>.json`, written by
//! `tools/postbuild.py`) — still knows which exist: [`INDEX`] names every one (id, version,
//! content hash, form), so an invitation is checked at once, without the network. Where the
//! texts are looked up ([`known_text`]): the embedded ones once [`embed`] ran (the recruiter's
//! page; always natively, for the tests and tools), and those [`add`]ed after a fetch. The
//! respondent's and the mediator's pages never call [`embed`], so the linker leaves the texts
//! out of their modules.

use super::definition::{DebriefSide, Form, Instrument};
use super::load::load;
use std::sync::{Mutex, OnceLock};

/// What every page knows of a built-in instrument without its text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Known {
    pub id: &'static str,
    pub version: &'static str,
    /// Its content hash ([`super::content_hash`]).
    pub hash: &'static str,
    pub form: Form,
}

/// Every built-in instrument, current and superseded, in the order of `FILES` then
/// `ARCHIVED`. A test checks it against the files: a changed text (a new hash) must be a new
/// version, listed here.
pub const INDEX: &[Known] = &[
    Known {
        id: "interpersonal-intelligence",
        version: "1.0.0",
        hash: "fnv1a64:4688dfe34666c64b",
        form: Form::SelfReport,
    },
    Known {
        id: "interpersonal-intelligence-observer",
        version: "1.0.0",
        hash: "fnv1a64:e25fba86f55286c2",
        form: Form::Observer,
    },
    Known {
        id: "intelligence-of-paradoxes",
        version: "1.0.0",
        hash: "fnv1a64:246dfde285b29281",
        form: Form::SelfReport,
    },
    Known {
        id: "intelligence-of-paradoxes-observer",
        version: "1.1.0",
        hash: "fnv1a64:571bbbfbcb7b4eef",
        form: Form::Observer,
    },
    Known {
        id: "business-partner-posture",
        version: "1.0.0",
        hash: "fnv1a64:9b206a8bbdde8061",
        form: Form::SelfReport,
    },
    Known {
        id: "business-partner-posture-observer",
        version: "1.0.0",
        hash: "fnv1a64:a7589c0df633d4fe",
        form: Form::Observer,
    },
    Known {
        id: "support-axis-profile",
        version: "1.0.0",
        hash: "fnv1a64:90212f83d4bb4b50",
        form: Form::SelfReport,
    },
    Known {
        id: "three-postures",
        version: "1.0.0",
        hash: "fnv1a64:a0d901955346d869",
        form: Form::SelfReport,
    },
    Known {
        id: "session-debrief-leader",
        version: "1.0.0",
        hash: "fnv1a64:29eab5c07500e50d",
        form: Form::Debrief(DebriefSide::Leader),
    },
    Known {
        id: "session-debrief-candidate",
        version: "1.0.0",
        hash: "fnv1a64:03530e8536555063",
        form: Form::Debrief(DebriefSide::Candidate),
    },
    Known {
        id: "intelligence-of-paradoxes-observer",
        version: "1.0.0",
        hash: "fnv1a64:957fa1fb073318a5",
        form: Form::Observer,
    },
];

/// The built-in instrument with this id, version and content hash, as every page knows it.
pub fn known(id: &str, version: &str, hash: &str) -> Option<&'static Known> {
    INDEX
        .iter()
        .find(|k| k.id == id && k.version == version && k.hash == hash)
}

/// Where the file of a built-in instrument is served, relative to the pages
/// (`tools/postbuild.py` writes it there).
pub fn file_path(known: &Known) -> String {
    format!("instruments/{}-{}.json", known.id, known.version)
}

/// The texts of this build's instruments, current and superseded, read at their first use
/// once [`embed`] said this page holds them.
static EMBEDDED: OnceLock<Vec<&'static Instrument>> = OnceLock::new();
/// Set by [`embed`]: how this page reads its embedded texts.
static EMBEDS: OnceLock<fn() -> Vec<&'static Instrument>> = OnceLock::new();
/// The instruments taken in at run time ([`add`]).
static ADDED: Mutex<Vec<&'static Instrument>> = Mutex::new(Vec::new());

fn all_embedded() -> Vec<&'static Instrument> {
    builtin().iter().chain(superseded()).collect()
}

/// Says that this page holds the embedded texts, so that [`known_text`] finds them (the
/// recruiter's page calls it once, at start). Nothing is read yet: the texts are parsed at
/// their first use, not while the page starts. The respondent's and the mediator's pages never
/// call it, so the linker leaves the texts out of their modules.
pub fn embed() {
    let _ = EMBEDS.set(all_embedded);
}

fn embedded() -> &'static [&'static Instrument] {
    #[cfg(not(target_arch = "wasm32"))]
    embed();
    EMBEDDED.get_or_init(|| EMBEDS.get().map_or_else(Vec::new, |read| read()))
}

/// The instrument with exactly this text among those this page holds: embedded, or added.
pub fn known_text(id: &str, version: &str, hash: &str) -> Option<&'static Instrument> {
    let same = |i: &&&Instrument| i.id == id && i.version == version && i.hash() == hash;
    if let Some(found) = embedded().iter().find(same) {
        return Some(found);
    }
    let added = ADDED.lock().unwrap_or_else(|e| e.into_inner());
    added.iter().find(same).copied()
}

/// Keeps an instrument loaded at run time (for the life of the page) and returns it; one
/// already held with the same text is returned instead.
pub fn add(instrument: Instrument) -> &'static Instrument {
    if let Some(held) = known_text(&instrument.id, &instrument.version, instrument.hash()) {
        return held;
    }
    let kept: &'static Instrument = Box::leak(Box::new(instrument));
    ADDED.lock().unwrap_or_else(|e| e.into_inner()).push(kept);
    kept
}

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
