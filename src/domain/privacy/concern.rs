//! Which records concern a person: the one rule that the export of their data, their erasure
//! and the screening of imports all follow (`docs/user-guide.md`, "Personal data").
//!
//! | record | a candidate | a mediator | the leader |
//! | --- | --- | --- | --- |
//! | decisions | about them | — | — |
//! | answers (self-assessments, observer forms) | given by them or about them | given by them | given by them |
//! | debriefs | their own, and the leader's about their sessions | — | every debrief of the campaign, both sides |
//! | invitations | to them or about them | to them | to them, and every debrief invitation |
//! | observations | of their sessions | made by them | every observation of the campaign |
//! | kits | name them (the name is taken out) | issued to them (removed) | name the leader (the name is taken out) |
//!
//! The leader takes part in every work session, so every observation and every debrief of the
//! campaign is also about them. An observation from before version 4 names no candidate: it is
//! about the candidate its kit or its campaign could only mean, and about nobody Rally can
//! tell otherwise (`observation_candidate`).

use crate::domain::campaign::{leader_id, Campaign, ErasedKind, ERASED_LEADER_NAME};
use crate::domain::fieldwork::Kit;
use crate::domain::instrument::score::Response;
use crate::domain::observation::log::Observation;
use crate::domain::sorting;
use crate::domain::survey::Invitation;
use uuid::Uuid;

/// A person of a campaign, as the privacy tools name them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PersonRef {
    pub id: Uuid,
    pub kind: ErasedKind,
    /// The name the campaign gives them (the leader's title when no name is given).
    pub name: String,
}

/// Everyone whose data the campaign holds: the leader (unless erased), then the candidates,
/// then the mediators.
pub fn people(c: &Campaign) -> Vec<PersonRef> {
    let mut out = Vec::new();
    if !c.leader_erased() {
        let name = if c.leader.name.trim().is_empty() {
            c.leader.title.clone()
        } else {
            c.leader.name.clone()
        };
        out.push(PersonRef {
            id: leader_id(c.id),
            kind: ErasedKind::Leader,
            name,
        });
    }
    for (list, kind) in [
        (&c.candidates, ErasedKind::Candidate),
        (&c.mediators, ErasedKind::Mediator),
    ] {
        out.extend(list.iter().map(|p| PersonRef {
            id: p.id,
            kind,
            name: p.name.clone(),
        }));
    }
    out
}

/// One person of the campaign, by id.
pub fn person(c: &Campaign, id: Uuid) -> Option<PersonRef> {
    people(c).into_iter().find(|p| p.id == id)
}

/// The candidate an observation was made with: the one it names; for an observation from
/// before version 4, the only candidate of its mediator's kit among `kits` (when there is a
/// kit), or else the only one of `candidates`. `None` when it cannot be told.
pub fn observation_candidate(o: &Observation, candidates: &[Uuid], kits: &[&Kit]) -> Option<Uuid> {
    if o.candidate_id.is_some() {
        return o.candidate_id;
    }
    let kit = kits
        .iter()
        .find(|k| k.campaign_id == o.campaign_id && k.mediator.id == o.mediator_id);
    let candidates: Vec<Uuid> = match kit {
        Some(k) => k.candidates.iter().map(|c| c.id).collect(),
        None => candidates.to_vec(),
    };
    match candidates.as_slice() {
        [only] => Some(*only),
        _ => None,
    }
}

/// Whether a response concerns the person (everything about them).
pub fn response_concerns(kind: ErasedKind, person: Uuid, r: &Response) -> bool {
    match kind {
        ErasedKind::Candidate => r.respondent_id == person || r.subject_id == Some(person),
        ErasedKind::Mediator => r.respondent_id == person,
        ErasedKind::Leader => r.respondent_id == person || r.session_id.is_some(),
    }
}

/// Whether a response is one of the person's answers (given by or about them).
pub fn answer_concerns(person: Uuid, r: &Response) -> bool {
    r.respondent_id == person || r.subject_id == Some(person)
}

/// Whether an invitation concerns the person (everything about them).
pub fn invitation_concerns(kind: ErasedKind, person: Uuid, i: &Invitation) -> bool {
    let to = i.respondent.id == person;
    match kind {
        ErasedKind::Candidate => to || i.subject.as_ref().is_some_and(|s| s.id == person),
        ErasedKind::Mediator => to,
        ErasedKind::Leader => to || i.session.is_some(),
    }
}

/// Whether an invitation is one for the person's answers (to or about them).
pub fn answer_invitation_concerns(person: Uuid, i: &Invitation) -> bool {
    i.respondent.id == person || i.subject.as_ref().is_some_and(|s| s.id == person)
}

/// Whether an observation concerns the person; `candidate` is the candidate it was made
/// with (see [`observation_candidate`]).
pub fn observation_concerns(
    kind: ErasedKind,
    person: Uuid,
    o: &Observation,
    candidate: Option<Uuid>,
) -> bool {
    match kind {
        ErasedKind::Candidate => candidate == Some(person),
        ErasedKind::Mediator => o.mediator_id == person,
        ErasedKind::Leader => true,
    }
}

/// Whether a kit concerns the person: issued to them, or naming them.
pub fn kit_concerns(kind: ErasedKind, person: Uuid, k: &Kit) -> bool {
    match kind {
        ErasedKind::Candidate => k.candidates.iter().any(|c| c.id == person),
        ErasedKind::Mediator => k.mediator.id == person,
        ErasedKind::Leader => k.leader.name != ERASED_LEADER_NAME,
    }
}

/// A kit with the person taken out: `None` when it was issued to them (a mediator's kit goes
/// whole); otherwise the same kit without their name.
pub fn kit_without(kind: ErasedKind, person: Uuid, k: &Kit) -> Option<Kit> {
    let mut k = k.clone();
    match kind {
        ErasedKind::Candidate => k.candidates.retain(|c| c.id != person),
        ErasedKind::Mediator => return (k.mediator.id != person).then_some(k),
        ErasedKind::Leader => {
            k.leader.name = ERASED_LEADER_NAME.to_owned();
            k.leader.title.clear();
        }
    }
    Some(k)
}

/// Everything a campaign and its fieldwork hold about one person.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Concerning<'a> {
    pub decisions: Vec<&'a crate::domain::campaign::Decision>,
    /// Self-assessments, observer forms and debriefs.
    pub responses: Vec<&'a Response>,
    /// Every version kept (diverging versions side by side).
    pub observations: Vec<&'a Observation>,
    pub invitations: Vec<&'a Invitation>,
    pub kits: Vec<&'a Kit>,
}

/// How many records of each kind concern a person: what an erasure will remove.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    /// Self-assessments and observer forms.
    pub answers: usize,
    pub debriefs: usize,
    /// Observations (an observation kept in several versions counts once).
    pub observations: usize,
    pub invitations: usize,
    pub decisions: usize,
    pub kits: usize,
}

impl Summary {
    pub fn total(&self) -> usize {
        self.answers
            + self.debriefs
            + self.observations
            + self.invitations
            + self.decisions
            + self.kits
    }

    pub fn plus(&self, o: &Summary) -> Summary {
        Summary {
            answers: self.answers + o.answers,
            debriefs: self.debriefs + o.debriefs,
            observations: self.observations + o.observations,
            invitations: self.invitations + o.invitations,
            decisions: self.decisions + o.decisions,
            kits: self.kits + o.kits,
        }
    }
}

impl Concerning<'_> {
    pub fn summary(&self) -> Summary {
        let mut ids: Vec<Uuid> = self.observations.iter().map(|o| o.id).collect();
        sorting::sort(&mut ids);
        ids.dedup();
        let debriefs = self
            .responses
            .iter()
            .filter(|r| r.session_id.is_some())
            .count();
        Summary {
            answers: self.responses.len() - debriefs,
            debriefs,
            observations: ids.len(),
            invitations: self.invitations.len(),
            decisions: self.decisions.len(),
            kits: self.kits.len(),
        }
    }
}

/// What `campaign` and `fieldwork` hold about `who` (see the table above).
pub fn concerning<'a>(
    campaign: &'a Campaign,
    fieldwork: &'a crate::domain::fieldwork::Fieldwork,
    who: &PersonRef,
) -> Concerning<'a> {
    let (id, kind) = (who.id, who.kind);
    let here = campaign.id;
    let candidates: Vec<Uuid> = campaign.candidates.iter().map(|p| p.id).collect();
    let kits: Vec<&Kit> = fieldwork
        .kits
        .iter()
        .filter(|k| k.campaign_id == here)
        .collect();
    Concerning {
        decisions: campaign
            .decisions
            .iter()
            .filter(|d| kind == ErasedKind::Candidate && d.candidate_id == id)
            .collect(),
        responses: fieldwork
            .responses
            .iter()
            .filter(|r| r.campaign_id == here && response_concerns(kind, id, r))
            .collect(),
        observations: fieldwork
            .observations
            .versions()
            .filter(|o| {
                o.campaign_id == here
                    && observation_concerns(
                        kind,
                        id,
                        o,
                        observation_candidate(o, &candidates, &kits),
                    )
            })
            .collect(),
        invitations: fieldwork
            .invitations
            .iter()
            .filter(|i| i.campaign_id == here && invitation_concerns(kind, id, i))
            .collect(),
        kits: kits
            .iter()
            .copied()
            .filter(|k| kit_concerns(kind, id, k))
            .collect(),
    }
}

/// How many texts written about others name the person (their name as the campaign has it,
/// in any case): a decision's reasons, a session's topic or place, an observation's note,
/// synthesis or rating comment, an answer to an open question. An erasure does not change
/// them — a text about someone else is theirs too — so the confirmation asks the recruiter to
/// review them.
pub fn mentions(
    campaign: &Campaign,
    fieldwork: &crate::domain::fieldwork::Fieldwork,
    who: &PersonRef,
) -> usize {
    let name = who.name.trim().to_lowercase();
    if name.chars().count() < 3 {
        return 0;
    }
    let names = |t: &str| t.to_lowercase().contains(&name);
    let found = concerning(campaign, fieldwork, who);
    let decisions = campaign
        .decisions
        .iter()
        .filter(|d| !found.decisions.contains(d) && names(&d.rationale))
        .count();
    let sessions = campaign
        .sessions
        .iter()
        .filter(|s| names(&s.topic) || names(&s.place))
        .count();
    let observations = fieldwork
        .observations
        .versions()
        .filter(|o| o.campaign_id == campaign.id && !found.observations.contains(o))
        .map(|o| {
            o.notes.iter().filter(|n| names(&n.text)).count()
                + o.ratings.iter().filter(|r| names(&r.comment)).count()
                + usize::from(names(&o.synthesis))
        })
        .sum::<usize>();
    let answers = fieldwork
        .responses
        .iter()
        .filter(|r| r.campaign_id == campaign.id && !found.responses.contains(r))
        .filter(|r| r.open_answer.as_deref().is_some_and(names))
        .count();
    decisions + sessions + observations + answers
}
