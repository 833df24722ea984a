//! The campaign: one role to fill, one hiring leader (the CEO), candidates, mediators, three or
//! four planned work sessions and the chosen instruments. Every change is a [`CampaignAction`]
//! applied by [`Campaign::apply`], which checks the invariants and bumps the revision.

use crate::domain::limits::{
    MAX_CLOCK_OFFSET_MS, MAX_DECISIONS, MAX_ERASURES, MAX_NAME_CHARS, MAX_PEOPLE,
    MAX_READING_CHOICES, MAX_RETENTION_MONTHS, MAX_SESSIONS, MAX_TEXT_CHARS, MIN_SESSIONS,
};
use crate::domain::role::Role;
use crate::domain::sorting;
use crate::domain::text::{check_text, TextError};
use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

pub mod decision;
pub mod erasure;
pub mod imports;
pub mod reading;
pub mod retention;

pub use decision::{Decision, DecisionKind};
pub use erasure::{ErasedInFile, ErasedKind, Erasure, ErasureScope, ERASED_LEADER_NAME};
pub use imports::{ImportEntry, ImportKind, ImportOutcome, ImportedRecord, RecordKind};
pub use reading::{ClockOffset, OffsetSource, VersionChoice};
pub use retention::DEFAULT_RETENTION_MONTHS;

/// The hiring leader's identifier as a respondent and as a person whose data is kept: the
/// leader is not a listed person, so their id is derived from the campaign's (the same on
/// every machine).
pub fn leader_id(campaign_id: Uuid) -> Uuid {
    Uuid::from_u128(campaign_id.as_u128() ^ 0x1ead_e000_0000_4000_8000_0000_0000_0001)
}

/// A person as a file that travels names them (a mediator's kit, an invitation): an id and a
/// name, no contact details.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KitPerson {
    pub id: Uuid,
    pub name: String,
}

/// Where a campaign stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Draft,
    Active,
    Closed,
    Archived,
}

impl Status {
    /// Statuses a recruiter picks directly; archiving has its own action.
    pub const SELECTABLE: [Status; 3] = [Status::Draft, Status::Active, Status::Closed];
}

/// The instruments a campaign can plan to use.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InstrumentId {
    InterpersonalIntelligence,
    IntelligenceOfParadoxes,
    BusinessPartnerPosture,
    SupportAxisProfile,
    ThreePostures,
    SessionDebrief,
    ObservationGrid,
}

impl InstrumentId {
    pub const ALL: [InstrumentId; 7] = [
        InstrumentId::InterpersonalIntelligence,
        InstrumentId::IntelligenceOfParadoxes,
        InstrumentId::BusinessPartnerPosture,
        InstrumentId::SupportAxisProfile,
        InstrumentId::ThreePostures,
        InstrumentId::SessionDebrief,
        InstrumentId::ObservationGrid,
    ];
}

/// The leader who hires and works with the candidate during the sessions.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Leader {
    pub name: String,
    pub title: String,
}

/// A candidate or a mediator.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    pub id: Uuid,
    pub name: String,
    #[serde(default)]
    pub email: String,
}

/// Which list of people an action touches.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PeopleList {
    Candidates,
    Mediators,
}

/// One planned real work session between the leader and the candidate.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkSession {
    pub id: Uuid,
    #[serde(default, with = "crate::domain::timefmt::option::date")]
    pub date: Option<NaiveDate>,
    #[serde(default, with = "crate::domain::timefmt::option::time")]
    pub time: Option<NaiveTime>,
    #[serde(default)]
    pub place: String,
    #[serde(default)]
    pub topic: String,
}

impl WorkSession {
    pub fn empty(id: Uuid) -> Self {
        Self {
            id,
            date: None,
            time: None,
            place: String::new(),
            topic: String::new(),
        }
    }
}

/// A recruitment campaign.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Campaign {
    pub id: Uuid,
    pub name: String,
    /// A copy of the role taken when the campaign was made; the library may change later.
    pub role: Role,
    pub leader: Leader,
    pub candidates: Vec<Person>,
    pub mediators: Vec<Person>,
    pub sessions: Vec<WorkSession>,
    pub instruments: Vec<InstrumentId>,
    pub status: Status,
    /// The status to return to when the campaign is taken out of the archive.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_before_archive: Option<Status>,
    #[serde(with = "crate::domain::timefmt::utc")]
    pub created_at: DateTime<Utc>,
    #[serde(with = "crate::domain::timefmt::utc")]
    pub updated_at: DateTime<Utc>,
    /// Counts the changes; used to tell which of two copies is newer.
    pub revision: u64,
    /// Every decision recorded about a candidate, in the order recorded (since version 4).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub decisions: Vec<Decision>,
    /// Which version counts, for observations received in diverging versions (since
    /// version 4). At most one per observation.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub version_choices: Vec<VersionChoice>,
    /// Clock offsets of observations, to line up mediators (since version 4). At most one
    /// per observation.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub clock_offsets: Vec<ClockOffset>,
    /// A fictitious campaign made by "Explore with sample data", shown as such everywhere.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub sample: bool,
    /// The day the campaign ended: closed, or archived while open; cleared when it is open
    /// again (see `retention`).
    #[serde(
        default,
        with = "crate::domain::timefmt::option::date",
        skip_serializing_if = "Option::is_none"
    )]
    pub closed_on: Option<NaiveDate>,
    /// How many months personal data is kept after the campaign ends; `None`: the default,
    /// [`DEFAULT_RETENTION_MONTHS`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retention_months: Option<u16>,
    /// Tombstones of the people erased from the campaign (see `erasure`), by time.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub erasures: Vec<Erasure>,
    /// When each file was taken into the campaign and what it brought (since version 5; see
    /// `imports`). Not part of the campaign's content: it does not bump the revision.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub imports: Vec<ImportEntry>,
}

/// One change to a campaign.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum CampaignAction {
    Rename {
        name: String,
    },
    SetLeader {
        leader: Leader,
    },
    SetStatus {
        status: Status,
    },
    Archive,
    Unarchive,
    ReplaceRole {
        role: Role,
    },
    AddPerson {
        list: PeopleList,
        person: Person,
    },
    UpdatePerson {
        list: PeopleList,
        person: Person,
    },
    RemovePerson {
        list: PeopleList,
        id: Uuid,
    },
    AddSession {
        session: WorkSession,
    },
    UpdateSession {
        session: WorkSession,
    },
    RemoveSession {
        id: Uuid,
    },
    SetInstruments {
        instruments: Vec<InstrumentId>,
    },
    /// Records a decision about a candidate (kept in the history with the earlier ones).
    RecordDecision {
        decision: Decision,
    },
    /// Chooses the version of an observation that counts (replacing an earlier choice).
    ChooseVersion {
        choice: VersionChoice,
    },
    /// Forgets which version of an observation counts.
    ClearVersionChoice {
        observation_id: Uuid,
    },
    /// Sets the clock offset of an observation (replacing an earlier one).
    SetClockOffset {
        offset: ClockOffset,
    },
    /// Removes the clock offset of an observation.
    ClearClockOffset {
        observation_id: Uuid,
    },
    /// Sets how many months personal data is kept after the campaign ends (`None`: the
    /// default). Allowed on an archived campaign.
    SetRetention {
        months: Option<u16>,
    },
    /// Erases a person from the campaign and records the tombstone (see `erasure`); the
    /// observations erased with them lose their reading choices. Allowed on an archived
    /// campaign. What the fieldwork holds about them is erased by `privacy::erase_person`.
    ErasePerson {
        erasure: Erasure,
        #[serde(default)]
        observations: Vec<Uuid>,
    },
}

/// Why a change was refused. The form shows these next to the field concerned.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CampaignError {
    #[error("the campaign needs a name")]
    NameRequired,
    #[error("the hiring leader needs a name")]
    LeaderRequired,
    #[error("a person needs a name")]
    PersonNameRequired,
    #[error("a text is longer than allowed")]
    TooLong,
    #[error("a text contains invisible control characters")]
    ForbiddenCharacters,
    #[error("too many people in one list")]
    TooManyPeople,
    #[error("the e-mail address does not look valid")]
    BadEmail,
    #[error("a campaign plans three or four work sessions")]
    SessionCount,
    #[error("the item was not found; it may have been removed")]
    NotFound,
    #[error("the same identifier is used twice")]
    DuplicateId,
    #[error("the role is not valid")]
    BadRole,
    #[error("an instrument is listed twice")]
    DuplicateInstrument,
    #[error("an archived campaign must be taken out of the archive first")]
    Archived,
    #[error("the saved status before archiving does not fit the current status")]
    InconsistentStatus,
    #[error("a decision needs its reasons")]
    RationaleRequired,
    #[error("too many decisions or reading choices in one campaign")]
    TooManyRecords,
    #[error("a clock offset is larger than allowed")]
    OffsetTooLarge,
    #[error("the retention period is out of bounds")]
    BadRetention,
    #[error("a person listed in the campaign was erased from it")]
    ErasedPersonListed,
    #[error("the import log holds too many entries")]
    TooManyImports,
    #[error("an entry of the import log is malformed")]
    BadImportEntry,
}

impl From<TextError> for CampaignError {
    fn from(e: TextError) -> Self {
        match e {
            TextError::TooLong => CampaignError::TooLong,
            TextError::ForbiddenCharacters => CampaignError::ForbiddenCharacters,
        }
    }
}

/// A light sanity check of an e-mail address (empty is allowed: the address is optional).
pub fn email_is_plausible(email: &str) -> bool {
    let email = email.trim();
    if email.is_empty() {
        return true;
    }
    let Some((local, domain)) = email.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !email.chars().any(char::is_whitespace)
        && !domain.contains('@')
}

fn check_person(p: &Person) -> Result<(), CampaignError> {
    if p.name.trim().is_empty() {
        return Err(CampaignError::PersonNameRequired);
    }
    check_text(&p.name, MAX_NAME_CHARS)?;
    check_text(&p.email, MAX_NAME_CHARS)?;
    if !email_is_plausible(&p.email) {
        return Err(CampaignError::BadEmail);
    }
    Ok(())
}

fn check_session(s: &WorkSession) -> Result<(), CampaignError> {
    check_text(&s.place, MAX_NAME_CHARS)?;
    Ok(check_text(&s.topic, MAX_TEXT_CHARS)?)
}

impl Campaign {
    pub fn people(&self, list: PeopleList) -> &Vec<Person> {
        match list {
            PeopleList::Candidates => &self.candidates,
            PeopleList::Mediators => &self.mediators,
        }
    }

    fn people_mut(&mut self, list: PeopleList) -> &mut Vec<Person> {
        match list {
            PeopleList::Candidates => &mut self.candidates,
            PeopleList::Mediators => &mut self.mediators,
        }
    }

    /// Every invariant a stored or imported campaign must hold; the first broken one.
    pub fn check(&self) -> Result<(), CampaignError> {
        if self.name.trim().is_empty() {
            return Err(CampaignError::NameRequired);
        }
        check_text(&self.name, MAX_NAME_CHARS)?;
        if self.leader.name.trim().is_empty() {
            return Err(CampaignError::LeaderRequired);
        }
        if let Some(before) = self.status_before_archive {
            if self.status != Status::Archived || before == Status::Archived {
                return Err(CampaignError::InconsistentStatus);
            }
        }
        check_text(&self.leader.name, MAX_NAME_CHARS)?;
        check_text(&self.leader.title, MAX_NAME_CHARS)?;
        if !self.role.problems().is_empty() {
            return Err(CampaignError::BadRole);
        }
        for list in [PeopleList::Candidates, PeopleList::Mediators] {
            let people = self.people(list);
            if people.len() > MAX_PEOPLE {
                return Err(CampaignError::TooManyPeople);
            }
            people.iter().try_for_each(check_person)?;
        }
        if !(MIN_SESSIONS..=MAX_SESSIONS).contains(&self.sessions.len()) {
            return Err(CampaignError::SessionCount);
        }
        self.sessions.iter().try_for_each(check_session)?;
        let mut ids: Vec<Uuid> = self
            .candidates
            .iter()
            .chain(&self.mediators)
            .map(|p| p.id)
            .chain(self.sessions.iter().map(|s| s.id))
            .collect();
        let n = ids.len();
        sorting::sort(&mut ids);
        ids.dedup();
        if ids.len() != n {
            return Err(CampaignError::DuplicateId);
        }
        self.check_records()?;
        self.check_privacy()?;
        self.check_imports()?;
        let mut instruments = self.instruments.clone();
        sorting::sort(&mut instruments);
        instruments.dedup();
        if instruments.len() != self.instruments.len() {
            return Err(CampaignError::DuplicateInstrument);
        }
        Ok(())
    }

    /// The decisions and reading choices: bounded, each decision about a candidate of the
    /// campaign with its reasons, at most one choice and one offset per observation.
    fn check_records(&self) -> Result<(), CampaignError> {
        if self.decisions.len() > MAX_DECISIONS
            || self.version_choices.len() + self.clock_offsets.len() > MAX_READING_CHOICES
        {
            return Err(CampaignError::TooManyRecords);
        }
        for d in &self.decisions {
            if !self.candidates.iter().any(|c| c.id == d.candidate_id) {
                return Err(CampaignError::NotFound);
            }
            if d.rationale.trim().is_empty() {
                return Err(CampaignError::RationaleRequired);
            }
            check_text(&d.rationale, MAX_TEXT_CHARS)?;
        }
        for c in &self.version_choices {
            check_text(&c.version, MAX_NAME_CHARS)?;
        }
        if self
            .clock_offsets
            .iter()
            .any(|o| o.offset_ms.unsigned_abs() > MAX_CLOCK_OFFSET_MS.unsigned_abs())
        {
            return Err(CampaignError::OffsetTooLarge);
        }
        let unique = |ids: Vec<Uuid>| {
            let n = ids.len();
            let set: std::collections::BTreeSet<Uuid> = ids.into_iter().collect();
            set.len() == n
        };
        if !unique(self.decisions.iter().map(|d| d.id).collect())
            || !unique(
                self.version_choices
                    .iter()
                    .map(|c| c.observation_id)
                    .collect(),
            )
            || !unique(
                self.clock_offsets
                    .iter()
                    .map(|o| o.observation_id)
                    .collect(),
            )
        {
            return Err(CampaignError::DuplicateId);
        }
        Ok(())
    }

    /// The retention period and the tombstones: bounded, one per person and scope, and no
    /// one erased everywhere still listed.
    fn check_privacy(&self) -> Result<(), CampaignError> {
        if self
            .retention_months
            .is_some_and(|m| m == 0 || m > MAX_RETENTION_MONTHS)
        {
            return Err(CampaignError::BadRetention);
        }
        if self.erasures.len() > MAX_ERASURES {
            return Err(CampaignError::TooManyRecords);
        }
        let mut seen = std::collections::BTreeSet::new();
        for e in &self.erasures {
            if !seen.insert((e.person_id, e.scope)) {
                return Err(CampaignError::DuplicateId);
            }
            let listed = match e.kind {
                ErasedKind::Candidate => self.candidates.iter().any(|p| p.id == e.person_id),
                ErasedKind::Mediator => self.mediators.iter().any(|p| p.id == e.person_id),
                ErasedKind::Leader => false,
            };
            if e.scope == ErasureScope::Everything && listed {
                return Err(CampaignError::ErasedPersonListed);
            }
        }
        Ok(())
    }

    /// Applies one change and returns the new campaign, or says why the change is refused.
    /// The campaign itself is never modified: a refused change leaves nothing behind.
    pub fn apply(
        &self,
        action: &CampaignAction,
        now: DateTime<Utc>,
    ) -> Result<Campaign, CampaignError> {
        let mut next = self.clone();
        let archived = self.status == Status::Archived;
        match action {
            CampaignAction::Unarchive => {
                if archived {
                    next.status = self.status_before_archive.unwrap_or(Status::Closed);
                    next.status_before_archive = None;
                }
            }
            // The right to erasure and the retention period apply to archived campaigns too.
            CampaignAction::SetRetention { months } => next.retention_months = *months,
            CampaignAction::ErasePerson {
                erasure,
                observations,
            } => next.erase(erasure, observations)?,
            _ if archived => return Err(CampaignError::Archived),
            CampaignAction::Rename { name } => next.name = name.trim().to_owned(),
            CampaignAction::SetLeader { leader } => {
                next.leader = Leader {
                    name: leader.name.trim().to_owned(),
                    title: leader.title.trim().to_owned(),
                }
            }
            CampaignAction::SetStatus { status } => {
                if *status == Status::Archived {
                    next.status_before_archive = Some(self.status);
                }
                next.status = *status;
            }
            CampaignAction::Archive => {
                next.status_before_archive = Some(self.status);
                next.status = Status::Archived;
            }
            CampaignAction::ReplaceRole { role } => next.role = role.clone(),
            CampaignAction::AddPerson { list, person } => {
                let people = next.people_mut(*list);
                if people.len() >= MAX_PEOPLE {
                    return Err(CampaignError::TooManyPeople);
                }
                people.push(trimmed(person));
            }
            CampaignAction::UpdatePerson { list, person } => {
                let slot = next
                    .people_mut(*list)
                    .iter_mut()
                    .find(|p| p.id == person.id)
                    .ok_or(CampaignError::NotFound)?;
                *slot = trimmed(person);
            }
            CampaignAction::RemovePerson { list, id } => {
                let people = next.people_mut(*list);
                let before = people.len();
                people.retain(|p| p.id != *id);
                if people.len() == before {
                    return Err(CampaignError::NotFound);
                }
                // Decisions are about a candidate of the campaign; undo brings them back.
                next.decisions.retain(|d| d.candidate_id != *id);
            }
            CampaignAction::AddSession { session } => {
                if next.sessions.len() >= MAX_SESSIONS {
                    return Err(CampaignError::SessionCount);
                }
                next.sessions.push(session.clone());
            }
            CampaignAction::UpdateSession { session } => {
                let slot = next
                    .sessions
                    .iter_mut()
                    .find(|s| s.id == session.id)
                    .ok_or(CampaignError::NotFound)?;
                *slot = session.clone();
            }
            CampaignAction::RemoveSession { id } => {
                if !next.sessions.iter().any(|s| s.id == *id) {
                    return Err(CampaignError::NotFound);
                }
                if next.sessions.len() <= MIN_SESSIONS {
                    return Err(CampaignError::SessionCount);
                }
                next.sessions.retain(|s| s.id != *id);
            }
            CampaignAction::SetInstruments { instruments } => {
                next.instruments = instruments.clone()
            }
            CampaignAction::RecordDecision { decision } => {
                if next.decisions.iter().any(|d| d.id == decision.id) {
                    return Err(CampaignError::DuplicateId);
                }
                let mut decision = decision.clone();
                decision.rationale = decision.rationale.trim().to_owned();
                next.decisions.push(decision);
            }
            CampaignAction::ChooseVersion { choice } => {
                next.version_choices
                    .retain(|c| c.observation_id != choice.observation_id);
                next.version_choices.push(choice.clone());
            }
            CampaignAction::ClearVersionChoice { observation_id } => {
                next.version_choices
                    .retain(|c| c.observation_id != *observation_id);
            }
            CampaignAction::SetClockOffset { offset } => {
                next.clock_offsets
                    .retain(|o| o.observation_id != offset.observation_id);
                next.clock_offsets.push(offset.clone());
            }
            CampaignAction::ClearClockOffset { observation_id } => {
                next.clock_offsets
                    .retain(|o| o.observation_id != *observation_id);
            }
        }
        next.track_end(self, now);
        next.check()?;
        if next == *self {
            return Ok(next);
        }
        next.revision = self.revision.saturating_add(1);
        next.updated_at = now;
        Ok(next)
    }
}

fn trimmed(p: &Person) -> Person {
    Person {
        id: p.id,
        name: p.name.trim().to_owned(),
        email: p.email.trim().to_owned(),
    }
}

#[cfg(test)]
pub(crate) mod tests;
