//! Erasing a person (GDPR art. 17): everywhere, or only their answers.
//!
//! An erasure has two halves. The **campaign** half is a [`CampaignAction::ErasePerson`]: the
//! person leaves the campaign (the leader's name is replaced), the decisions about them go,
//! and a tombstone is kept; it goes through the campaign's undo history like any change. The
//! **fieldwork** half removes their answers, debriefs, observations, invitations and kit
//! entries from the fieldwork store, which has no undo: the screens say so and offer the
//! export of the person's data first.
//!
//! Erasing a candidate also removes the observations from before version 4 that name no
//! candidate and cannot be told apart (see `concern::observation_candidate`): they may be
//! about the person, and they count for no candidate anyway.

use super::concern::{
    answer_concerns, answer_invitation_concerns, concerning, invitation_concerns, kit_concerns,
    kit_without, observation_candidate, person, response_concerns, Summary,
};
use crate::domain::campaign::{
    Campaign, CampaignAction, CampaignError, ErasedKind, Erasure, ErasureScope,
};
use crate::domain::fieldwork::{Fieldwork, Kit};
use crate::domain::observation::merge::merge_observations;
use crate::domain::sorting;
use chrono::{DateTime, Utc};
use uuid::Uuid;

/// An erasure worked out: the change to the campaign, both halves' results and what went.
#[derive(Clone, Debug, PartialEq)]
pub struct Erasing {
    /// The campaign half, for the workspace (undoable).
    pub action: CampaignAction,
    /// The campaign after `action`.
    pub campaign: Campaign,
    /// The fieldwork half: the store without the person's records (no undo).
    pub fieldwork: Fieldwork,
    /// What was erased.
    pub summary: Summary,
}

/// Erases `person` (the leader's id, a candidate or a mediator) from `campaign` and
/// `fieldwork`, at `now`; `NotFound` when they are not a person of the campaign.
pub fn erase_person(
    campaign: &Campaign,
    fieldwork: &Fieldwork,
    person_id: Uuid,
    now: DateTime<Utc>,
) -> Result<Erasing, CampaignError> {
    let who = person(campaign, person_id).ok_or(CampaignError::NotFound)?;
    let found = concerning(campaign, fieldwork, &who);
    let mut summary = found.summary();
    let mut observations: Vec<Uuid> = found.observations.iter().map(|o| o.id).collect();
    if who.kind == ErasedKind::Candidate {
        let candidates: Vec<Uuid> = campaign.candidates.iter().map(|p| p.id).collect();
        let kits: Vec<&Kit> = fieldwork
            .kits
            .iter()
            .filter(|k| k.campaign_id == campaign.id)
            .collect();
        observations.extend(
            fieldwork
                .observations
                .versions()
                .filter(|o| {
                    o.campaign_id == campaign.id
                        && observation_candidate(o, &candidates, &kits).is_none()
                })
                .map(|o| o.id),
        );
    }
    sorting::sort(&mut observations);
    observations.dedup();
    summary.observations = observations.len();
    let action = CampaignAction::ErasePerson {
        erasure: Erasure {
            person_id,
            kind: who.kind,
            scope: ErasureScope::Everything,
            erased_at: now,
        },
        observations: observations.clone(),
    };
    let next = campaign.apply(&action, now)?;
    let here = campaign.id;
    let (kind, id) = (who.kind, person_id);
    let kept = Fieldwork {
        kits: fieldwork
            .kits
            .iter()
            .filter_map(|k| {
                if k.campaign_id == here && kit_concerns(kind, id, k) {
                    kit_without(kind, id, k)
                } else {
                    Some(k.clone())
                }
            })
            .collect(),
        observations: merge_observations(
            fieldwork
                .observations
                .versions()
                .filter(|o| o.campaign_id != here || !observations.contains(&o.id)),
        ),
        invitations: fieldwork
            .invitations
            .iter()
            .filter(|i| i.campaign_id != here || !invitation_concerns(kind, id, i))
            .cloned()
            .collect(),
        responses: fieldwork
            .responses
            .iter()
            .filter(|r| r.campaign_id != here || !response_concerns(kind, id, r))
            .cloned()
            .collect(),
    };
    Ok(Erasing {
        action,
        campaign: next,
        fieldwork: kept,
        summary,
    })
}

/// Erases only the answers given by or about `person` in `campaign` — self-assessments,
/// observer forms and debriefs, with their invitations — and records it (an answers-only
/// tombstone), so that the same answers imported again are left out. Used when the date an
/// invitation promised has passed.
pub fn erase_answers(
    campaign: &Campaign,
    fieldwork: &Fieldwork,
    person_id: Uuid,
    now: DateTime<Utc>,
) -> Result<Erasing, CampaignError> {
    let who = person(campaign, person_id).ok_or(CampaignError::NotFound)?;
    let here = campaign.id;
    let mut summary = Summary::default();
    for r in fieldwork
        .responses
        .iter()
        .filter(|r| r.campaign_id == here && answer_concerns(person_id, r))
    {
        if r.session_id.is_some() {
            summary.debriefs += 1;
        } else {
            summary.answers += 1;
        }
    }
    summary.invitations = fieldwork
        .invitations
        .iter()
        .filter(|i| i.campaign_id == here && answer_invitation_concerns(person_id, i))
        .count();
    let action = CampaignAction::ErasePerson {
        erasure: Erasure {
            person_id,
            kind: who.kind,
            scope: ErasureScope::Answers,
            erased_at: now,
        },
        observations: Vec::new(),
    };
    let next = campaign.apply(&action, now)?;
    let (kept, _) = fieldwork.erase_person(here, person_id);
    Ok(Erasing {
        action,
        campaign: next,
        fieldwork: kept,
        summary,
    })
}
