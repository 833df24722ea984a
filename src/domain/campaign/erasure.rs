//! Erasures (the right to erasure, GDPR art. 17) as the campaign records them: a **tombstone**
//! per person erased — who (their identifier only), what they were in the campaign, what was
//! erased and when — and nothing else about them. The tombstone travels with the campaign, so
//! that a file made before the erasure, imported later here or in a colleague's browser,
//! cannot bring the person back (`privacy::screen` leaves their records out).
//!
//! What an erasure does to the campaign itself:
//!
//! - a **candidate** or a **mediator** erased everywhere leaves the lists, with the decisions
//!   about them (a candidate); every record about them is refused for ever: their identifier
//!   is never given to anyone else;
//! - the **leader** is not a listed person but a slot of the campaign, which keeps going: the
//!   name becomes [`ERASED_LEADER_NAME`] and the title is cleared; a new leader may be named
//!   later, so only records made **up to the erasure** are refused;
//! - erasing only a person's **answers** (self-assessments and debriefs, when the date promised
//!   by their invitation has passed) changes nothing in the campaign but the tombstone, and
//!   refuses answers and invitations made up to the erasure.

use super::{leader_id, Campaign, CampaignError};
use crate::domain::sorting;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// The leader's name once the leader was erased (a campaign always names a leader).
pub const ERASED_LEADER_NAME: &str = "—";

/// What an erased person was in the campaign.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ErasedKind {
    Candidate,
    Leader,
    Mediator,
}

/// What was erased about the person.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum ErasureScope {
    /// Everything the campaign held about them.
    #[default]
    Everything,
    /// Their answers only: self-assessments, observer forms and debriefs, with their
    /// invitations (the date their invitation promised had passed).
    Answers,
}

impl ErasureScope {
    fn is_everything(&self) -> bool {
        *self == ErasureScope::Everything
    }
}

/// A tombstone: a person was erased, and when. No name, no contact, nothing else.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Erasure {
    pub person_id: Uuid,
    pub kind: ErasedKind,
    #[serde(default, skip_serializing_if = "ErasureScope::is_everything")]
    pub scope: ErasureScope,
    #[serde(with = "crate::domain::timefmt::utc")]
    pub erased_at: DateTime<Utc>,
}

impl Erasure {
    /// Whether a record about this person, made (started, issued, created) at `made`, falls
    /// under this erasure: every record of an erased candidate or mediator; for the leader
    /// and for answers, those made up to the erasure.
    pub fn covers(&self, made: DateTime<Utc>) -> bool {
        match (self.scope, self.kind) {
            (ErasureScope::Everything, ErasedKind::Candidate | ErasedKind::Mediator) => true,
            _ => made <= self.erased_at,
        }
    }

    /// The order tombstones are kept in: by time, then person, then scope.
    fn key(&self) -> (DateTime<Utc>, Uuid, ErasureScope) {
        (self.erased_at, self.person_id, self.scope)
    }
}

/// A person an import found erased here: their records in the file were left out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SkippedPerson {
    pub erasure: Erasure,
    /// Their name as the file gives it (shown in the report, never kept).
    pub name: Option<String>,
    /// How many records about them the file held.
    pub records: usize,
}

/// The people an import left out because they were erased, one entry per person.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ErasedInFile {
    pub people: Vec<SkippedPerson>,
}

impl ErasedInFile {
    /// Counts `records` more left out about the person of `erasure`.
    pub fn add(&mut self, erasure: &Erasure, name: Option<&str>, records: usize) {
        if records == 0 {
            return;
        }
        match self
            .people
            .iter_mut()
            .find(|p| p.erasure.person_id == erasure.person_id)
        {
            Some(p) => {
                p.records += records;
                if p.name.is_none() {
                    p.name = name.map(str::to_owned);
                }
            }
            None => self.people.push(SkippedPerson {
                erasure: erasure.clone(),
                name: name.map(str::to_owned),
                records,
            }),
        }
    }

    /// Both reports in one (an import's campaigns and its fieldwork).
    pub fn merged(&self, other: &ErasedInFile) -> ErasedInFile {
        let mut out = self.clone();
        for p in &other.people {
            out.add(&p.erasure, p.name.as_deref(), p.records);
        }
        out
    }

    pub fn records(&self) -> usize {
        self.people.iter().map(|p| p.records).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.people.is_empty()
    }
}

impl Campaign {
    /// The tombstone of `person` for `scope`, if they were erased.
    pub fn erasure(&self, person: Uuid, scope: ErasureScope) -> Option<&Erasure> {
        self.erasures
            .iter()
            .find(|e| e.person_id == person && e.scope == scope)
    }

    /// Whether the leader's slot holds an erased leader (not renamed since).
    pub fn leader_erased(&self) -> bool {
        self.leader.name == ERASED_LEADER_NAME
            && self
                .erasure(leader_id(self.id), ErasureScope::Everything)
                .is_some()
    }

    /// Records a tombstone, replacing an earlier one of the same person and scope; erasing a
    /// person everywhere also drops their answers-only tombstone (it says less).
    fn record_erasure(&mut self, erasure: &Erasure) {
        self.erasures.retain(|e| {
            e.person_id != erasure.person_id
                || !(e.scope == erasure.scope || erasure.scope == ErasureScope::Everything)
        });
        self.erasures.push(erasure.clone());
        sorting::sort_by_key(&mut self.erasures, Erasure::key);
    }

    /// What erasing one person does to the campaign (see the module documentation):
    /// `observations` are the observations erased with them, whose reading choices go too.
    pub(super) fn erase(
        &mut self,
        erasure: &Erasure,
        observations: &[Uuid],
    ) -> Result<(), CampaignError> {
        let person = erasure.person_id;
        let listed = |c: &Campaign| match erasure.kind {
            ErasedKind::Candidate => c.candidates.iter().any(|p| p.id == person),
            ErasedKind::Mediator => c.mediators.iter().any(|p| p.id == person),
            ErasedKind::Leader => person == leader_id(c.id),
        };
        if !listed(self) {
            return Err(CampaignError::NotFound);
        }
        self.scrub_import_log(person, self.erased_name(erasure).as_deref());
        if erasure.scope == ErasureScope::Everything {
            self.remove_erased(erasure);
        }
        self.version_choices
            .retain(|c| !observations.contains(&c.observation_id));
        self.clock_offsets
            .retain(|o| !observations.contains(&o.observation_id));
        self.record_erasure(erasure);
        Ok(())
    }

    /// The name the campaign gives the person of `erasure`, while it still lists them.
    fn erased_name(&self, erasure: &Erasure) -> Option<String> {
        let person = erasure.person_id;
        match erasure.kind {
            ErasedKind::Candidate => self.candidates.iter().find(|p| p.id == person),
            ErasedKind::Mediator => self.mediators.iter().find(|p| p.id == person),
            ErasedKind::Leader => return Some(self.leader.name.clone()),
        }
        .map(|p| p.name.clone())
    }

    /// Takes the person of an everything-erasure out of the campaign (nothing when absent).
    fn remove_erased(&mut self, erasure: &Erasure) {
        let person = erasure.person_id;
        match erasure.kind {
            ErasedKind::Candidate => {
                self.candidates.retain(|p| p.id != person);
                self.decisions.retain(|d| d.candidate_id != person);
            }
            ErasedKind::Mediator => self.mediators.retain(|p| p.id != person),
            ErasedKind::Leader => {
                self.leader.name = ERASED_LEADER_NAME.to_owned();
                self.leader.title.clear();
            }
        }
    }

    /// This campaign with the tombstones of another copy taken in (an import): each one this
    /// copy does not know yet, or knows from an earlier time, is recorded and applied. The
    /// leader is renamed only by a leader's tombstone this copy did not know: a copy that knew
    /// it may have named a new leader since. Idempotent; the result does not depend on the
    /// order tombstones come in.
    pub fn with_erasures(&self, others: &[Erasure]) -> Campaign {
        let mut next = self.clone();
        for e in others {
            let known = next.erasure(e.person_id, e.scope);
            if known.is_some_and(|k| k.erased_at >= e.erased_at) {
                continue;
            }
            next.scrub_import_log(e.person_id, next.erased_name(e).as_deref());
            if e.scope == ErasureScope::Everything {
                next.remove_erased(e);
            }
            if e.scope == ErasureScope::Answers
                && next
                    .erasure(e.person_id, ErasureScope::Everything)
                    .is_some()
            {
                // Erased everywhere already: the answers-only tombstone would say less.
                continue;
            }
            next.record_erasure(e);
        }
        next
    }
}
