//! How one browser's data is laid out in its database (IndexedDB, through
//! `platform::db`): text values under text keys. Pure: this module turns data into records
//! and records back into checked data, and finds which records a change touches, so that
//! saving one coded event rewrites one chunk of its observation, not the whole store.
//!
//! | key | value |
//! | --- | --- |
//! | `workspace` | the recruiter's campaigns and roles: an autosave record ([`super::Snapshot`]) |
//! | `workspace.token` | who wrote `workspace` last ([`super::SnapshotToken::encode`]) |
//! | `fw/kits`, `fw/invitations`, `fw/responses` | JSON arrays |
//! | `fieldwork.token` | who wrote the fieldwork last (`ui::shell::fieldwork`) |
//! | `obs/<id>` | a resolved observation without its events, and its number of chunks |
//! | `obs/<id>~<fingerprint>` | one of several diverging versions of an observation, the same way |
//! | `obs/<key>#<n>` | events `n·1000 … n·1000 + 999` of that observation (`n` on 5 digits) |
//! | `draft/<invitation>` | a respondent's draft |
//!
//! Reading goes through the checks an imported file's same lists go through
//! (`import::check_fieldwork`, `import::check_survey`).

use super::ImportError;
use crate::domain::fieldwork::{Fieldwork, Kit};
use crate::domain::hash::fingerprint;
use crate::domain::observation::log::{Event, Events, Observation, EVENTS_PER_CHUNK};
use crate::domain::observation::merge::merge_observations;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::Arc;

pub const WORKSPACE_KEY: &str = "workspace";
pub const WORKSPACE_TOKEN_KEY: &str = "workspace.token";
pub const KITS_KEY: &str = "fw/kits";
pub const INVITATIONS_KEY: &str = "fw/invitations";
pub const RESPONSES_KEY: &str = "fw/responses";
pub const OBSERVATION_PREFIX: &str = "obs/";
pub const DRAFT_PREFIX: &str = "draft/";
/// Events per stored chunk: appending an event rewrites one chunk of at most this many.
pub const CHUNK_EVENTS: usize = 1000;
// A stored chunk is a whole number of the chunks the log shares in memory.
const _: () = assert!(CHUNK_EVENTS.is_multiple_of(EVENTS_PER_CHUNK));

/// Records to write and keys to delete, in one transaction.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Records {
    pub puts: Vec<(String, String)>,
    pub deletes: Vec<String>,
}

impl Records {
    pub fn is_empty(&self) -> bool {
        self.puts.is_empty() && self.deletes.is_empty()
    }
}

/// The stored header of an observation.
#[derive(Serialize, Deserialize)]
struct Header {
    observation: Observation,
    chunks: usize,
}

fn json<T: Serialize + ?Sized>(value: &T) -> String {
    crate::domain::json::to_string(value)
}

fn chunk_key(key: &str, n: usize) -> String {
    format!("{OBSERVATION_PREFIX}{key}#{n:05}")
}

fn chunk_count(events: usize) -> usize {
    events.div_ceil(CHUNK_EVENTS)
}

/// Every version of every observation, by storage key (`<id>`, or `<id>~<fingerprint>` for
/// one of several diverging versions). `with_conflicts: false` leaves the diverging versions
/// out (and spares hashing them).
fn versions(fw: &Fieldwork, with_conflicts: bool) -> BTreeMap<String, &Arc<Observation>> {
    let mut out: BTreeMap<String, &Arc<Observation>> = fw
        .observations
        .observations
        .iter()
        .map(|o| (o.id.to_string(), o))
        .collect();
    if with_conflicts {
        for c in &fw.observations.conflicts {
            for v in &c.versions {
                out.insert(format!("{}~{}", v.id, fingerprint(&json(&**v))), v);
            }
        }
    }
    out
}

/// Whether both stores hold the very same diverging versions (shared, not copied).
fn same_conflicts(before: &Fieldwork, after: &Fieldwork) -> bool {
    let (a, b) = (
        &before.observations.conflicts,
        &after.observations.conflicts,
    );
    a.len() == b.len()
        && a.iter().zip(b).all(|(x, y)| {
            x.versions.len() == y.versions.len()
                && x.versions
                    .iter()
                    .zip(&y.versions)
                    .all(|(v, w)| Arc::ptr_eq(v, w))
        })
}

/// Events `range` of a log, written as a JSON array without copying them.
struct Span<'a>(&'a Events, Range<usize>);

impl Serialize for Span<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter_range(self.1.clone()))
    }
}

fn chunk_range(n: usize) -> Range<usize> {
    n * CHUNK_EVENTS..(n + 1) * CHUNK_EVENTS
}

fn put_observation(
    out: &mut Records,
    key: &str,
    o: &Observation,
    chunks: impl Iterator<Item = usize>,
) {
    let header = Header {
        observation: o.without_events(),
        chunks: chunk_count(o.events.len()),
    };
    out.puts
        .push((format!("{OBSERVATION_PREFIX}{key}"), json(&header)));
    for n in chunks {
        out.puts
            .push((chunk_key(key, n), json(&Span(&o.events, chunk_range(n)))));
    }
}

fn delete_observation(out: &mut Records, key: &str, events: usize) {
    out.deletes.push(format!("{OBSERVATION_PREFIX}{key}"));
    out.deletes
        .extend((0..chunk_count(events)).map(|n| chunk_key(key, n)));
}

/// Every record of a fieldwork store (for a first write, or after a migration).
pub fn fieldwork_records(fw: &Fieldwork) -> Records {
    changes::<true>(&Fieldwork::default(), fw, true)
}

/// The records that turn the stored `before` into `after`: the lists that changed, and for
/// each observation version that changed its header and the chunks of events that differ
/// (appending events rewrites the last chunk only); versions gone are deleted.
///
/// What `after` shares with `before` (lists, observations, chunks of events: a store made
/// from the other by the core's changes) compares by pointer, so the cost of one coded event
/// does not grow with the store: a pointer per observation, one header and one chunk written.
pub fn fieldwork_changes(before: &Fieldwork, after: &Fieldwork) -> Records {
    changes::<true>(before, after, false)
}

/// [`fieldwork_changes`] of the kits and observations only — the mediator's page, which holds
/// nothing else, writes only these (and carries no invitation or answer writer).
pub fn observing_changes(before: &Fieldwork, after: &Fieldwork) -> Records {
    changes::<false>(before, after, false)
}

/// The changed records; the invitations and responses too when `SURVEYS` (a constant, so
/// that a page writing none links no code for them).
fn changes<const SURVEYS: bool>(before: &Fieldwork, after: &Fieldwork, all: bool) -> Records {
    let mut out = Records::default();
    if all || before.kits != after.kits {
        out.puts.push((KITS_KEY.into(), json(&*after.kits)));
    }
    if SURVEYS {
        put_survey(&mut out, before, after, all);
    }
    let with_conflicts = all || !same_conflicts(before, after);
    let (old, new) = (
        versions(before, with_conflicts),
        versions(after, with_conflicts),
    );
    for (key, o) in &new {
        match old.get(key) {
            Some(p) if Arc::ptr_eq(p, o) || p == o => {}
            Some(p) => {
                let n = chunk_count(o.events.len());
                let changed = (0..n).filter(|k| !o.events.same_range(&p.events, chunk_range(*k)));
                put_observation(&mut out, key, o, changed);
                out.deletes
                    .extend((n..chunk_count(p.events.len())).map(|k| chunk_key(key, k)));
            }
            None => put_observation(&mut out, key, o, 0..chunk_count(o.events.len())),
        }
    }
    for (key, p) in &old {
        if !new.contains_key(key) {
            delete_observation(&mut out, key, p.events.len());
        }
    }
    out
}

/// The records that turn the stored invitations and responses of `before` into those of
/// `after` — the respondent's page, which holds nothing else, writes only these.
pub fn survey_changes(before: &Fieldwork, after: &Fieldwork) -> Records {
    let mut out = Records::default();
    put_survey(&mut out, before, after, false);
    out
}

/// The invitations' and the responses' records, those that changed (all of them when `all`).
fn put_survey(out: &mut Records, before: &Fieldwork, after: &Fieldwork, all: bool) {
    if all || before.invitations != after.invitations {
        out.puts
            .push((INVITATIONS_KEY.into(), json(&*after.invitations)));
    }
    if all || before.responses != after.responses {
        out.puts
            .push((RESPONSES_KEY.into(), json(&*after.responses)));
    }
}

/// Why stored records could not be read back.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum StoredError {
    #[error("a stored record is not what Rally writes: {0}")]
    Damaged(String),
    #[error("{0}")]
    Invalid(ImportError),
}

/// Reads the fieldwork records (`fw/…` and `obs/…`, in any order) back into a store, through
/// the same checks as an imported file.
pub fn read_fieldwork(records: &[(String, String)]) -> Result<Fieldwork, StoredError> {
    let survey = read_survey(records)?;
    Ok(Fieldwork {
        invitations: survey.invitations,
        responses: survey.responses,
        ..read_observing(records)?
    })
}

/// Reads back only the kits and observations (`fw/kits`, `obs/…`; the invitations and
/// responses are left unread), through the same checks as an imported file: the mediator's
/// page, which shows nothing else.
pub fn read_observing(records: &[(String, String)]) -> Result<Fieldwork, StoredError> {
    let damaged = |key: &str| StoredError::Damaged(key.to_owned());
    let mut kits: Vec<Kit> = Vec::new();
    let mut observations: Vec<Observation> = Vec::new();
    let mut headers: BTreeMap<&str, Header> = BTreeMap::new();
    let mut chunks: BTreeMap<(&str, usize), Vec<Event>> = BTreeMap::new();
    for (key, text) in records {
        if key == KITS_KEY {
            kits = serde_json::from_str(text).map_err(|_| damaged(key))?;
            continue;
        }
        let Some(rest) = key.strip_prefix(OBSERVATION_PREFIX) else {
            continue;
        };
        match rest.split_once('#') {
            None => {
                let h: Header = serde_json::from_str(text).map_err(|_| damaged(key))?;
                headers.insert(rest, h);
            }
            Some((obs, n)) => {
                let n: usize = n.parse().map_err(|_| damaged(key))?;
                let events: Vec<Event> = serde_json::from_str(text).map_err(|_| damaged(key))?;
                chunks.insert((obs, n), events);
            }
        }
    }
    for (key, h) in headers {
        let mut o = h.observation;
        for n in 0..h.chunks {
            let events = chunks.remove(&(key, n)).ok_or_else(|| damaged(key))?;
            o.events.extend(events);
        }
        observations.push(o);
    }
    // The checks of an imported file's same lists (a store holds no campaign or role).
    super::import::check_fieldwork(&kits, &observations).map_err(StoredError::Invalid)?;
    Ok(Fieldwork {
        kits: kits.into(),
        observations: merge_observations(observations.iter()),
        ..Fieldwork::default()
    })
}

/// Reads back only the invitations and responses (`fw/invitations`, `fw/responses`; other
/// records are left unread), through the same checks as an imported file: the respondent's
/// page, which shows nothing else.
pub fn read_survey(records: &[(String, String)]) -> Result<Fieldwork, StoredError> {
    let mut fw = Fieldwork::default();
    for (key, text) in records {
        let damaged = || StoredError::Damaged(key.clone());
        match key.as_str() {
            INVITATIONS_KEY => {
                fw.invitations = serde_json::from_str(text).map_err(|_| damaged())?
            }
            RESPONSES_KEY => fw.responses = serde_json::from_str(text).map_err(|_| damaged())?,
            _ => {}
        }
    }
    super::import::check_survey(&fw.invitations, &fw.responses).map_err(StoredError::Invalid)?;
    Ok(fw)
}

#[cfg(test)]
mod tests;
