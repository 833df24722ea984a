//! Which observations of a session count for one candidate, and what is left out (drafts,
//! versions not chosen, observations that name no candidate), as notes.
//!
//! Counted: a submitted observation of the session made with this candidate
//! ([`Observation::candidate_among`]); of an observation kept in several diverging versions,
//! the version the recruiter chose (the campaign's `version_choices`), with the clock offset
//! the campaign records for it.

use super::session::SessionNote;
use crate::domain::campaign::Campaign;
use crate::domain::hash::fingerprint;
use crate::domain::observation::log::Observation;
use crate::domain::observation::merge::MergedObservations;
use crate::domain::observation::report::received;
use std::borrow::Cow;
use uuid::Uuid;

/// An observation that counts, with the version fingerprint and the offset applied.
pub(super) struct Counted<'a> {
    pub observation: Cow<'a, Observation>,
    pub version: String,
    pub offset_ms: i64,
}

/// The fingerprint of a version of an observation: `fnv1a64:` and 16 hex digits of its
/// compact JSON (as `version_choices` name versions, see `docs/file-format.md`).
fn version_of(o: &Observation) -> String {
    fingerprint(&serde_json::to_string(o).unwrap_or_default())
}

/// The observations of `session` that count for `candidate`, in the order of the campaign's
/// mediators, and the notes on what was received but does not count.
pub(super) fn counted<'a>(
    campaign: &Campaign,
    merged: &'a MergedObservations,
    session: Uuid,
    candidate: Uuid,
) -> (Vec<Counted<'a>>, Vec<SessionNote>) {
    let mediators: Vec<Uuid> = campaign.mediators.iter().map(|m| m.id).collect();
    let candidates: Vec<Uuid> = campaign.candidates.iter().map(|c| c.id).collect();
    let mut out = Vec::new();
    let mut notes = Vec::new();
    let mut conflicts_noted: Vec<Uuid> = Vec::new();
    for r in received(merged, campaign.id, session, &mediators) {
        let o = r.observation;
        match o.candidate_among(&candidates) {
            Some(c) if c == candidate => {}
            Some(_) => continue,
            None => {
                if o.candidate_id.is_none() {
                    notes.push(SessionNote::WithoutCandidate {
                        mediator: o.mediator_id,
                    });
                }
                continue;
            }
        }
        let version = match r.version {
            None => None,
            Some((_, n)) => {
                let chosen = campaign
                    .version_choices
                    .iter()
                    .find(|c| c.observation_id == o.id);
                let fp = version_of(o);
                match chosen {
                    Some(c) if c.version == fp => Some(fp),
                    Some(_) => continue,
                    None => {
                        if !conflicts_noted.contains(&o.id) {
                            conflicts_noted.push(o.id);
                            notes.push(SessionNote::VersionsNotChosen {
                                mediator: o.mediator_id,
                                versions: n,
                            });
                        }
                        continue;
                    }
                }
            }
        };
        if !o.is_submitted() {
            notes.push(SessionNote::NotSubmitted {
                mediator: o.mediator_id,
            });
            continue;
        }
        let offset_ms = campaign
            .clock_offsets
            .iter()
            .find(|c| c.observation_id == o.id)
            .map_or(0, |c| c.offset_ms);
        out.push(Counted {
            observation: Cow::Borrowed(o),
            version: version.unwrap_or_else(|| version_of(o)),
            offset_ms,
        });
    }
    (out, notes)
}
