//! Imports and erased people: a file made before an erasure still holds the person's records.
//! [`screen`] leaves out every record an erasure covers (`Erasure::covers`, following the
//! rule of `concern`) and says, per person, how many were left out; [`purge`] does the same
//! to what this browser already holds, for the erasures a file brings from another browser.
//! Both use every tombstone known for a campaign — ours and those of the file's copy — so the
//! result does not depend on the order files come in.

use super::concern::{
    answer_concerns, answer_invitation_concerns, invitation_concerns, kit_concerns, kit_without,
    observation_candidate, response_concerns,
};
use crate::domain::campaign::{
    leader_id, Campaign, ErasedInFile, ErasedKind, Erasure, ErasureScope, ERASED_LEADER_NAME,
};
use crate::domain::fieldwork::{Fieldwork, Kit};
use crate::domain::instrument::score::Response;
use crate::domain::observation::log::Observation;
use crate::domain::observation::merge::merge_observations;
use crate::domain::survey::Invitation;
use std::collections::HashMap;
use uuid::Uuid;

/// The records of a file besides campaigns and roles (or of a store).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Records {
    pub kits: Vec<Kit>,
    pub observations: Vec<Observation>,
    pub invitations: Vec<Invitation>,
    pub responses: Vec<Response>,
}

/// Every tombstone known for each campaign among `campaigns` (a campaign may come twice: ours
/// and the file's copy), the latest per person and scope.
pub fn tombstones(campaigns: &[Campaign]) -> HashMap<Uuid, Vec<Erasure>> {
    let mut out: HashMap<Uuid, Vec<Erasure>> = HashMap::new();
    for c in campaigns {
        for e in &c.erasures {
            let list = out.entry(c.id).or_default();
            match list
                .iter_mut()
                .find(|x| x.person_id == e.person_id && x.scope == e.scope)
            {
                Some(x) if x.erased_at < e.erased_at => *x = e.clone(),
                Some(_) => {}
                None => list.push(e.clone()),
            }
        }
    }
    out
}

/// The names a file gives people (to say whose data was left out): its campaigns, kits and
/// invitations. Shown in the import report, never kept.
pub fn names_in(
    campaigns: &[Campaign],
    kits: &[Kit],
    invitations: &[Invitation],
) -> HashMap<Uuid, String> {
    let mut out = HashMap::new();
    for c in campaigns {
        if c.leader.name != ERASED_LEADER_NAME {
            out.insert(leader_id(c.id), c.leader.name.clone());
        }
        for p in c.candidates.iter().chain(&c.mediators) {
            out.insert(p.id, p.name.clone());
        }
    }
    for k in kits {
        if k.leader.name != ERASED_LEADER_NAME {
            out.entry(leader_id(k.campaign_id))
                .or_insert_with(|| k.leader.name.clone());
        }
        for p in k.candidates.iter().chain([&k.mediator]) {
            out.entry(p.id).or_insert_with(|| p.name.clone());
        }
    }
    for i in invitations {
        for p in [Some(&i.respondent), i.subject.as_ref()]
            .into_iter()
            .flatten()
        {
            out.entry(p.id).or_insert_with(|| p.name.clone());
        }
    }
    out
}

/// Where a record stands against the tombstones of its campaign.
struct Context<'a> {
    tombs: &'a HashMap<Uuid, Vec<Erasure>>,
    /// For observations that name no candidate: the candidates of the file's copy of their
    /// campaign and the file's kits (ours may have lost the erased people since).
    candidates: HashMap<Uuid, Vec<Uuid>>,
    kits: Vec<&'a Kit>,
}

impl Context<'_> {
    fn of(&self, campaign: Uuid) -> &[Erasure] {
        self.tombs.get(&campaign).map_or(&[], Vec::as_slice)
    }

    fn response(&self, r: &Response) -> Option<&Erasure> {
        self.of(r.campaign_id).iter().find(|e| {
            let about = match e.scope {
                ErasureScope::Everything => response_concerns(e.kind, e.person_id, r),
                ErasureScope::Answers => answer_concerns(e.person_id, r),
            };
            about && e.covers(r.started_at)
        })
    }

    fn invitation(&self, i: &Invitation) -> Option<&Erasure> {
        self.of(i.campaign_id).iter().find(|e| {
            let about = match e.scope {
                ErasureScope::Everything => invitation_concerns(e.kind, e.person_id, i),
                ErasureScope::Answers => answer_invitation_concerns(e.person_id, i),
            };
            about && e.covers(i.issued_at)
        })
    }

    fn observation(&self, o: &Observation) -> Option<&Erasure> {
        let tombs = self.of(o.campaign_id);
        if tombs.is_empty() {
            return None;
        }
        let none = Vec::new();
        let candidates = self.candidates.get(&o.campaign_id).unwrap_or(&none);
        let candidate = observation_candidate(o, candidates, &self.kits);
        let everything = tombs.iter().filter(|e| e.scope == ErasureScope::Everything);
        let mut covering = everything.clone().filter(|e| match e.kind {
            ErasedKind::Candidate => candidate == Some(e.person_id),
            ErasedKind::Mediator => o.mediator_id == e.person_id,
            ErasedKind::Leader => e.covers(o.created_at),
        });
        covering.next().or_else(|| {
            // Names no candidate and cannot be told apart: it may be about an erased one.
            candidate
                .is_none()
                .then(|| everything.clone().find(|e| e.kind == ErasedKind::Candidate))
                .flatten()
        })
    }

    /// The kit without the erased people it names (`None`: issued to an erased mediator),
    /// and the erasures that changed it.
    fn kit(&self, k: &Kit) -> (Option<Kit>, Vec<&Erasure>) {
        let mut kit = Some(k.clone());
        let mut by = Vec::new();
        for e in self
            .of(k.campaign_id)
            .iter()
            .filter(|e| e.scope == ErasureScope::Everything && e.covers(k.issued_at))
        {
            if let Some(current) = &kit {
                if kit_concerns(e.kind, e.person_id, current) {
                    kit = kit_without(e.kind, e.person_id, current);
                    by.push(e);
                }
            }
        }
        (kit, by)
    }
}

/// `records` without what the erasures known in `campaigns` cover, and who was left out.
/// `file_campaigns` (the file's own copies) and the records' kits tell whom an observation
/// from before version 4 is about; one that cannot be told, in a campaign a candidate was
/// erased from, is left out. `names` are from [`names_in`].
pub fn screen(
    records: &Records,
    campaigns: &[Campaign],
    file_campaigns: &[Campaign],
    names: &HashMap<Uuid, String>,
) -> (Records, ErasedInFile) {
    let tombs = tombstones(campaigns);
    let mut report = ErasedInFile::default();
    if tombs.is_empty() {
        return (records.clone(), report);
    }
    let candidates: HashMap<Uuid, Vec<Uuid>> = file_campaigns
        .iter()
        .map(|c| (c.id, c.candidates.iter().map(|p| p.id).collect()))
        .collect();
    let ctx = Context {
        tombs: &tombs,
        candidates,
        kits: records.kits.iter().collect(),
    };
    let mut note = |e: &Erasure| report.add(e, names.get(&e.person_id).map(String::as_str), 1);
    let mut kept = Records::default();
    for k in &records.kits {
        let (kit, by) = ctx.kit(k);
        by.into_iter().for_each(&mut note);
        kept.kits.extend(kit);
    }
    for o in &records.observations {
        match ctx.observation(o) {
            Some(e) => note(e),
            None => kept.observations.push(o.clone()),
        }
    }
    for i in &records.invitations {
        match ctx.invitation(i) {
            Some(e) => note(e),
            None => kept.invitations.push(i.clone()),
        }
    }
    for r in &records.responses {
        match ctx.response(r) {
            Some(e) => note(e),
            None => kept.responses.push(r.clone()),
        }
    }
    (kept, report)
}

/// `fieldwork` without what the erasures known in `campaigns` cover (those a file brings
/// from another browser); `None` when nothing goes.
pub fn purge(fieldwork: &Fieldwork, campaigns: &[Campaign]) -> Option<Fieldwork> {
    let tombs = tombstones(campaigns);
    let concerned = |id: Uuid| tombs.contains_key(&id);
    let any = fieldwork.kits.iter().any(|k| concerned(k.campaign_id))
        || fieldwork
            .invitations
            .iter()
            .any(|i| concerned(i.campaign_id))
        || fieldwork.responses.iter().any(|r| concerned(r.campaign_id))
        || fieldwork
            .observations
            .versions()
            .any(|o| concerned(o.campaign_id));
    if !any {
        return None;
    }
    let records = Records {
        kits: fieldwork.kits.to_vec(),
        observations: fieldwork.observations.versions().cloned().collect(),
        invitations: fieldwork.invitations.to_vec(),
        responses: fieldwork.responses.to_vec(),
    };
    let (kept, report) = screen(&records, campaigns, &[], &HashMap::new());
    if report.is_empty() && kept.kits == records.kits {
        return None;
    }
    Some(Fieldwork {
        kits: kept.kits.into(),
        observations: merge_observations(&kept.observations),
        invitations: kept.invitations.into(),
        responses: kept.responses.into(),
    })
}
