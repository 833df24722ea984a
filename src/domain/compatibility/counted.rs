//! Which observations of a session count for one candidate — `observation::report::counting`:
//! submitted, the chosen version of an observation received in several, shifted by its clock
//! offset — and notes on what was received but does not count (drafts, versions not chosen,
//! observations that name no candidate in a campaign of several).

use super::session::SessionNote;
use crate::domain::campaign::Campaign;
use crate::domain::observation::merge::MergedObservations;
use crate::domain::observation::report::{counting, received, Counted};
use uuid::Uuid;

/// The observations of `session` that count for `candidate` (in the order of the campaign's
/// mediators) and the notes on what was received but does not count.
pub(super) fn counted<'a>(
    campaign: &Campaign,
    merged: &'a MergedObservations,
    session: Uuid,
    candidate: Uuid,
) -> (Vec<Counted<'a>>, Vec<SessionNote>) {
    let mut notes = Vec::new();
    let mut kept = Vec::new();
    for c in counting(merged, campaign, session, candidate) {
        if c.submitted {
            kept.push(c);
        } else {
            notes.push(SessionNote::NotSubmitted {
                mediator: c.mediator_id,
            });
        }
    }
    let mine = received(merged, campaign, session, Some(candidate));
    for r in &mine {
        let Some((1, versions)) = r.version else {
            continue;
        };
        let id = r.observation.id;
        if !mine.iter().any(|x| x.observation.id == id && x.chosen) {
            notes.push(SessionNote::VersionsNotChosen {
                mediator: r.observation.mediator_id,
                versions,
            });
        }
    }
    if campaign.candidates.len() > 1 {
        let mut unnamed: Vec<Uuid> = Vec::new();
        for r in received(merged, campaign, session, None) {
            let m = r.observation.mediator_id;
            if r.observation.candidate_id.is_none() && !unnamed.contains(&m) {
                unnamed.push(m);
            }
        }
        notes.extend(
            unnamed
                .into_iter()
                .map(|mediator| SessionNote::WithoutCandidate { mediator }),
        );
    }
    (kept, notes)
}
