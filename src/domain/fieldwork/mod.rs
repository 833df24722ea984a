//! Fieldwork: what travels between the recruiter and the mediators. The recruiter hands each
//! mediator a **kit** (the campaign's name and role, the leader, the candidates' names, the
//! planned sessions and the coding scheme — never a candidate's self-assessment); the mediator
//! codes the sessions in their own browser and returns **observations**. Both sides keep kits
//! and observations in a [`Fieldwork`] store, separate from the campaign undo history because a
//! three-hour session produces thousands of events.

use crate::domain::campaign::{Campaign, CampaignError, KitPerson, Leader, WorkSession};
use crate::domain::limits::MAX_NAME_CHARS;
use crate::domain::observation::log::{Observation, ObservationAction, ObservationError};
use crate::domain::observation::merge::{ImportReport, MergedObservations};
use crate::domain::observation::scheme::{default_scheme, Scheme};
use crate::domain::shared::Shared;
use crate::domain::text::check_text;
use crate::domain::text::Bilingual;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::sync::Arc;
use uuid::Uuid;

pub mod address;
pub mod rebase;
pub mod responses;

/// Everything one mediator needs to observe a campaign's sessions.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Kit {
    pub id: Uuid,
    pub campaign_id: Uuid,
    pub campaign_name: String,
    pub role_name: Bilingual,
    pub leader: Leader,
    pub candidates: Vec<KitPerson>,
    pub sessions: Vec<WorkSession>,
    pub mediator: KitPerson,
    pub scheme: Scheme,
    #[serde(with = "crate::domain::timefmt::utc")]
    pub issued_at: DateTime<Utc>,
}

/// Why a kit or an observation is refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum FieldworkError {
    #[error("{0}")]
    Text(CampaignError),
    #[error("the coding scheme is not one this version of Rally knows")]
    UnknownScheme,
    #[error("no kit has this identifier")]
    UnknownKit,
    #[error("the kit has no session with this identifier")]
    UnknownSession,
    #[error("no observation has this identifier")]
    UnknownObservation,
    #[error("the kit has no candidate with this identifier")]
    UnknownCandidate,
    #[error("two kits have the same identifier")]
    DuplicateKit,
    #[error("{0}")]
    Observation(ObservationError),
    #[error("an observation already exists for this session and mediator")]
    AlreadyObserving,
}

/// The schemes observations may use. Custom schemes can travel in kits later; today the
/// built-in one is the only one accepted, so every observation can be analysed anywhere.
pub fn known_scheme(id: &str, version: u32) -> Option<&'static Scheme> {
    let s = default_scheme();
    (s.id == id && s.version == version).then_some(s)
}

impl Kit {
    /// The kit for one of the campaign's mediators, or `None` if they are not in the campaign.
    pub fn for_mediator(
        campaign: &Campaign,
        mediator_id: Uuid,
        scheme: &Scheme,
        id: Uuid,
        now: DateTime<Utc>,
    ) -> Option<Kit> {
        let mediator = campaign.mediators.iter().find(|m| m.id == mediator_id)?;
        Some(Kit {
            id,
            campaign_id: campaign.id,
            campaign_name: campaign.name.clone(),
            role_name: campaign.role.name.clone(),
            leader: campaign.leader.clone(),
            candidates: campaign
                .candidates
                .iter()
                .map(|p| KitPerson {
                    id: p.id,
                    name: p.name.clone(),
                })
                .collect(),
            sessions: campaign.sessions.clone(),
            mediator: KitPerson {
                id: mediator.id,
                name: mediator.name.clone(),
            },
            scheme: scheme.clone(),
            issued_at: now,
        })
    }

    /// The invariants of a kit read from a file.
    pub fn check(&self) -> Result<(), FieldworkError> {
        let text =
            |t: &str| check_text(t, MAX_NAME_CHARS).map_err(|e| FieldworkError::Text(e.into()));
        text(&self.campaign_name)?;
        text(&self.leader.name)?;
        text(&self.mediator.name)?;
        for p in &self.candidates {
            text(&p.name)?;
        }
        for s in &self.sessions {
            text(&s.place)?;
            check_text(&s.topic, crate::domain::limits::MAX_TEXT_CHARS)
                .map_err(|e| FieldworkError::Text(e.into()))?;
        }
        if self.campaign_name.trim().is_empty() || self.mediator.name.trim().is_empty() {
            return Err(FieldworkError::Text(CampaignError::NameRequired));
        }
        match known_scheme(&self.scheme.id, self.scheme.version) {
            Some(known) if *known == self.scheme => Ok(()),
            _ => Err(FieldworkError::UnknownScheme),
        }
    }

    pub fn session(&self, id: Uuid) -> Option<&WorkSession> {
        self.sessions.iter().find(|s| s.id == id)
    }

    /// The candidate of the kit an observation was made with (see
    /// [`Observation::candidate_among`]).
    pub fn candidate_of(&self, o: &Observation) -> Option<Uuid> {
        let ids: Vec<Uuid> = self.candidates.iter().map(|c| c.id).collect();
        o.candidate_among(&ids)
    }
}

/// Checks an observation read from a file against its scheme.
pub fn check_observation(o: &Observation) -> Result<(), FieldworkError> {
    let scheme =
        known_scheme(&o.scheme.id, o.scheme.version).ok_or(FieldworkError::UnknownScheme)?;
    // Ratings are checked against the built-in grid (the only one today).
    let bars = crate::domain::observation::rating::default_bars();
    o.check_with_bars(scheme, bars)
        .map_err(FieldworkError::Observation)
}

/// The kits and observations kept in this browser.
///
/// A copy shares every list and every observation with the original (`Shared`, `Arc`), and a
/// change copies only what it touches: a coded event copies the list of observations (one
/// pointer each), the observation's header and one chunk of its events — whatever the number
/// of events, observations, kits or answers in the store.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Fieldwork {
    pub kits: Shared<Kit>,
    /// Every version kept, merged by id (conflicting versions side by side).
    pub observations: MergedObservations,
    /// Self-assessment invitations: issued (recruiter) or received (respondent).
    pub invitations: Shared<crate::domain::survey::Invitation>,
    /// Self-assessment responses: imported (recruiter) or submitted (respondent). Every
    /// version is kept; see `responses`.
    pub responses: Shared<crate::domain::instrument::score::Response>,
}

/// What an import of kits and observations did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FieldworkReport {
    pub kits_added: usize,
    pub observations: ImportReport,
    pub invitations_added: usize,
    pub responses: crate::domain::survey::ResponseReport,
    /// Records about people erased here, left out (see `privacy::screen`).
    pub erased: crate::domain::campaign::ErasedInFile,
    /// What became of each kit, observation and response of the file, with its campaign: the
    /// matter of the campaigns' import logs (`file::import_log`).
    pub records: Vec<(Uuid, crate::domain::campaign::ImportedRecord)>,
}

impl Fieldwork {
    pub fn kit(&self, id: Uuid) -> Option<&Kit> {
        self.kits.iter().find(|k| k.id == id)
    }

    /// The observation this mediator is making of this session, if started.
    pub fn observation_of(
        &self,
        kit: &Kit,
        session_id: Uuid,
        candidate: Uuid,
    ) -> Option<&Observation> {
        self.observations.versions().find(|o| {
            o.session_id == session_id
                && o.mediator_id == kit.mediator.id
                && o.campaign_id == kit.campaign_id
                && kit.candidate_of(o) == Some(candidate)
        })
    }

    /// Every resolved observation of one session of a campaign (one per mediator).
    pub fn observations_of_session(
        &self,
        campaign_id: Uuid,
        session_id: Uuid,
    ) -> Vec<&Observation> {
        self.observations
            .observations
            .iter()
            .filter(|o| o.campaign_id == campaign_id && o.session_id == session_id)
            .map(|o| &**o)
            .collect()
    }

    /// Adds kits and observations from a file; idempotent and order-free.
    pub fn import(
        &self,
        kits: &[Kit],
        observations: &[Observation],
    ) -> (Fieldwork, FieldworkReport) {
        let mut next = self.clone();
        let mut report = FieldworkReport::default();
        for k in kits {
            if !next.kits.iter().any(|x| x.id == k.id) {
                next.kits.push(k.clone());
                report.kits_added += 1;
            }
        }
        let (merged, obs_report) = next.observations.import(observations);
        next.observations = merged;
        report.observations = obs_report;
        (next, report)
    }

    /// The store without anything of one campaign: its kits, every version of its
    /// observations, its invitations and its responses (used when a campaign is deleted, e.g.
    /// the sample campaign). Nothing of another campaign changes.
    pub fn without_campaign(&self, campaign_id: Uuid) -> Fieldwork {
        let mine = |id: Uuid| id == campaign_id;
        let mut next = self.clone();
        next.kits.retain(|k| !mine(k.campaign_id));
        next.observations
            .observations
            .retain(|o| !mine(o.campaign_id));
        next.observations
            .conflicts
            .retain(|c| !c.versions.iter().any(|o| mine(o.campaign_id)));
        next.invitations.retain(|i| !mine(i.campaign_id));
        next.responses.retain(|r| !mine(r.campaign_id));
        next
    }

    /// Starts observing one session of a kit with one of its candidates (a fresh draft).
    pub fn start(
        &self,
        kit_id: Uuid,
        session_id: Uuid,
        candidate: Uuid,
        observation_id: Uuid,
        now: DateTime<Utc>,
    ) -> Result<Fieldwork, FieldworkError> {
        let kit = self.kit(kit_id).ok_or(FieldworkError::UnknownKit)?;
        kit.session(session_id)
            .ok_or(FieldworkError::UnknownSession)?;
        if !kit.candidates.iter().any(|c| c.id == candidate) {
            return Err(FieldworkError::UnknownCandidate);
        }
        if self.observation_of(kit, session_id, candidate).is_some() {
            return Err(FieldworkError::AlreadyObserving);
        }
        let mut o = Observation::new(
            observation_id,
            kit.campaign_id,
            session_id,
            kit.mediator.id,
            &kit.scheme,
            now,
        );
        o.candidate_id = Some(candidate);
        let (next, _) = self.import(&[], &[o]);
        Ok(next)
    }

    /// Applies a coding action to one of this browser's own draft observations.
    pub fn observe(
        &self,
        observation_id: Uuid,
        action: &ObservationAction,
        now: DateTime<Utc>,
    ) -> Result<Fieldwork, FieldworkError> {
        // Shares everything with `self`; only the observation changed is copied (its header
        // and the chunk of events the action touches, see `observation::log::Events`).
        let mut next = self.clone();
        let slot = next
            .observations
            .observations
            .iter_mut()
            .find(|o| o.id == observation_id)
            .ok_or(FieldworkError::UnknownObservation)?;
        let scheme = known_scheme(&slot.scheme.id, slot.scheme.version)
            .ok_or(FieldworkError::UnknownScheme)?;
        let bars = crate::domain::observation::rating::default_bars();
        Arc::make_mut(slot)
            .apply_mut_with(scheme, Some(bars), action, now)
            .map_err(FieldworkError::Observation)?;
        Ok(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::campaign::tests::{at, id, sample};
    use crate::domain::observation::scheme::Actor;

    fn kit() -> Kit {
        Kit::for_mediator(&sample(), id(20), default_scheme(), id(500), at(0)).unwrap()
    }

    #[test]
    fn a_kit_carries_no_contact_details_and_checks_out() {
        let k = kit();
        assert_eq!(k.mediator.name, "Amina Benali");
        assert_eq!(k.candidates.len(), 1);
        assert!(!serde_json::to_string(&k)
            .unwrap()
            .contains("jean@example.org"));
        assert_eq!(k.check(), Ok(()));
        assert!(Kit::for_mediator(&sample(), id(999), default_scheme(), id(501), at(0)).is_none());
    }

    #[test]
    fn without_a_campaign_keeps_every_other_one() {
        let mut other = sample();
        other.id = id(2);
        let theirs = Kit::for_mediator(&other, id(20), default_scheme(), id(501), at(0)).unwrap();
        let (fw, _) = Fieldwork::default().import(&[kit(), theirs.clone()], &[]);
        let session = fw.kits[0].sessions[0].id;
        let fw = fw.start(id(500), session, id(10), id(600), at(1)).unwrap();
        let fw = fw.start(id(501), session, id(10), id(601), at(1)).unwrap();
        let left = fw.without_campaign(id(1));
        assert_eq!(*left.kits, vec![theirs]);
        let ids: Vec<Uuid> = left.observations.versions().map(|o| o.id).collect();
        assert_eq!(ids, vec![id(601)]);
        assert_eq!(left.without_campaign(id(1)), left);
    }

    #[test]
    fn an_altered_scheme_is_refused() {
        let mut k = kit();
        k.scheme.codes[0].key = "z".into();
        assert_eq!(k.check(), Err(FieldworkError::UnknownScheme));
    }

    #[test]
    fn start_observe_and_import_idempotently() {
        let (fw, r) = Fieldwork::default().import(&[kit()], &[]);
        assert_eq!(r.kits_added, 1);
        let session = fw.kits[0].sessions[0].id;
        assert_eq!(
            fw.start(id(500), session, id(99), id(600), at(1)),
            Err(FieldworkError::UnknownCandidate)
        );
        let fw = fw.start(id(500), session, id(10), id(600), at(1)).unwrap();
        assert_eq!(
            fw.start(id(500), session, id(10), id(601), at(1))
                .unwrap_err(),
            FieldworkError::AlreadyObserving
        );
        let fw = fw
            .observe(id(600), &ObservationAction::StartClock, at(2))
            .unwrap();
        let code = default_scheme().codes[0].id.clone();
        let fw = fw
            .observe(
                id(600),
                &ObservationAction::AddEvent {
                    id: id(700),
                    actor: Some(Actor::Ceo),
                    code,
                    modifier: None,
                },
                at(5),
            )
            .unwrap();
        let o = fw
            .observation_of(&fw.kits[0], session, id(10))
            .unwrap()
            .clone();
        assert_eq!(o.events.len(), 1);
        assert_eq!(o.candidate_id, Some(id(10)));
        assert_eq!(check_observation(&o), Ok(()));
        let (again, r) = fw.import(&fw.kits, std::slice::from_ref(&o));
        assert_eq!(again, fw);
        assert_eq!(r.kits_added, 0);
        assert_eq!(r.observations.unchanged, 1);
    }
}
