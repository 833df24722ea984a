//! Data kept past its date, and its erasure in one action.
//!
//! Two dates apply. A **campaign** keeps personal data until its keep-until date (a number of
//! months after it ends, `campaign::retention`); past it, everyone in it is erased — the
//! candidates, the mediators and the leader, each with a tombstone — with every record of
//! the campaign in the fieldwork, and the campaign is archived. It stays, emptied, in the
//! archive: its name, role, plan and tombstones, so that an old file cannot bring the people
//! back. A self-assessment **invitation** promises the respondent a date too (`keep_until`);
//! past it, the answers given by or about the person are erased (an answers-only tombstone),
//! even while the campaign runs.

use super::concern::{people, Summary};
use super::erase::{erase_answers, erase_person};
use crate::domain::campaign::{Campaign, CampaignAction, ErasedKind, Status};
use crate::domain::fieldwork::Fieldwork;
use crate::domain::observation::merge::merge_observations;
use crate::domain::sorting;
use crate::domain::workspace::Action;
use chrono::{DateTime, NaiveDate, Utc};
use uuid::Uuid;

/// Something kept past its date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Overdue {
    /// A campaign past its keep-until date that still holds personal data: how many people
    /// and records.
    Campaign {
        campaign: Uuid,
        keep_until: NaiveDate,
        people: usize,
        records: usize,
    },
    /// Answers given by or about a person, kept past the date their invitation promised.
    Answers {
        campaign: Uuid,
        person: Uuid,
        keep_until: NaiveDate,
    },
}

impl Overdue {
    pub fn campaign(&self) -> Uuid {
        match self {
            Overdue::Campaign { campaign, .. } | Overdue::Answers { campaign, .. } => *campaign,
        }
    }
}

/// How many records of the fieldwork belong to a campaign.
fn records_of(c: &Campaign, fw: &Fieldwork) -> usize {
    summary_of(fw, c.id).total()
}

/// Whether a campaign still holds personal data: someone in it (the leader unless erased),
/// a decision, or any record in the fieldwork.
pub fn holds_personal_data(c: &Campaign, fw: &Fieldwork) -> bool {
    !people(c).is_empty() || !c.decisions.is_empty() || records_of(c, fw) > 0
}

/// Everything kept past its date on `today`, campaign by campaign in the workspace's order:
/// whole campaigns first; answers only for campaigns not wholly overdue.
pub fn overdue(campaigns: &[Campaign], fw: &Fieldwork, today: NaiveDate) -> Vec<Overdue> {
    let mut out = Vec::new();
    for c in campaigns {
        if c.is_past_keep_until(today) && holds_personal_data(c, fw) {
            out.push(Overdue::Campaign {
                campaign: c.id,
                keep_until: c.keep_until().unwrap_or(today),
                people: people(c).len(),
                records: records_of(c, fw) + c.decisions.len(),
            });
            continue;
        }
        for (person, keep_until) in fw.overdue(c.id, today) {
            out.push(Overdue::Answers {
                campaign: c.id,
                person,
                keep_until,
            });
        }
    }
    out
}

/// The erasure of everything overdue, worked out: one workspace change (one undo step, for
/// the campaigns' half) and the fieldwork without the overdue records (no undo).
#[derive(Clone, Debug, PartialEq)]
pub struct OverdueErasure {
    pub action: Action,
    pub fieldwork: Fieldwork,
    /// Campaigns emptied and archived.
    pub campaigns: usize,
    /// People erased everywhere, and people whose answers were erased.
    pub people: usize,
    pub answers_of: usize,
    pub summary: Summary,
}

/// Erases everything [`overdue`] lists on `today`, at `now`; `None` when nothing is.
pub fn erase_overdue(
    campaigns: &[Campaign],
    fw: &Fieldwork,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Option<OverdueErasure> {
    let due = overdue(campaigns, fw, today);
    if due.is_empty() {
        return None;
    }
    let mut fieldwork = fw.clone();
    let mut steps: Vec<(Uuid, CampaignAction)> = Vec::new();
    let mut done = OverdueErasure {
        action: Action::EraseOverdue { steps: Vec::new() },
        fieldwork: Fieldwork::default(),
        campaigns: 0,
        people: 0,
        answers_of: 0,
        summary: Summary::default(),
    };
    for item in &due {
        let Some(original) = campaigns.iter().find(|c| c.id == item.campaign()) else {
            continue;
        };
        // The campaign as the steps so far left it.
        let mut c = original.clone();
        for (_, action) in steps.iter().filter(|(id, _)| *id == original.id) {
            if let Ok(next) = c.apply(action, now) {
                c = next;
            }
        }
        match item {
            Overdue::Campaign { .. } => {
                // Every record of the campaign goes, each counted once.
                let mut whole = summary_of(&fieldwork, c.id);
                whole.decisions = c.decisions.len();
                done.summary = done.summary.plus(&whole);
                // Candidates and mediators first: the leader's erasure renames the slot.
                let mut everyone = people(&c);
                sorting::sort_by_key(&mut everyone, |p| p.kind == ErasedKind::Leader);
                for p in everyone {
                    if let Ok(e) = erase_person(&c, &fieldwork, p.id, now) {
                        done.people += 1;
                        steps.push((c.id, e.action));
                        c = e.campaign;
                        fieldwork = e.fieldwork;
                    }
                }
                // What is left names nobody of the campaign now (people removed, not erased).
                fieldwork = without_campaign(&fieldwork, c.id);
                if c.status != Status::Archived {
                    steps.push((c.id, CampaignAction::Archive));
                }
                done.campaigns += 1;
            }
            Overdue::Answers { person, .. } => match erase_answers(&c, &fieldwork, *person, now) {
                Ok(e) => {
                    done.summary = done.summary.plus(&e.summary);
                    done.answers_of += 1;
                    steps.push((c.id, e.action));
                    fieldwork = e.fieldwork;
                }
                // Someone no longer in the campaign: their answers go all the same.
                Err(_) => fieldwork = fieldwork.erase_person(c.id, *person).0,
            },
        }
    }
    done.action = Action::EraseOverdue { steps };
    done.fieldwork = fieldwork;
    Some(done)
}

/// How many records of each kind the fieldwork holds for a campaign.
fn summary_of(fw: &Fieldwork, campaign: Uuid) -> Summary {
    let responses = fw.responses.iter().filter(|r| r.campaign_id == campaign);
    let debriefs = responses.clone().filter(|r| r.session_id.is_some()).count();
    let mut observations: Vec<Uuid> = fw
        .observations
        .versions()
        .filter(|o| o.campaign_id == campaign)
        .map(|o| o.id)
        .collect();
    sorting::sort(&mut observations);
    observations.dedup();
    Summary {
        answers: responses.count() - debriefs,
        debriefs,
        observations: observations.len(),
        invitations: fw
            .invitations
            .iter()
            .filter(|i| i.campaign_id == campaign)
            .count(),
        decisions: 0,
        kits: fw.kits.iter().filter(|k| k.campaign_id == campaign).count(),
    }
}

/// The fieldwork without any record of the campaign.
fn without_campaign(fw: &Fieldwork, campaign: Uuid) -> Fieldwork {
    Fieldwork {
        kits: fw
            .kits
            .iter()
            .filter(|k| k.campaign_id != campaign)
            .cloned()
            .collect(),
        observations: merge_observations(
            fw.observations
                .versions()
                .filter(|o| o.campaign_id != campaign),
        ),
        invitations: fw
            .invitations
            .iter()
            .filter(|i| i.campaign_id != campaign)
            .cloned()
            .collect(),
        responses: fw
            .responses
            .iter()
            .filter(|r| r.campaign_id != campaign)
            .cloned()
            .collect(),
    }
}
