//! Merging an imported document into the workspace, by identifier: a campaign or role that is
//! new is added; one that is already there is replaced only when the file's copy is newer
//! (higher revision); otherwise the recruiter's copy is kept and the report says so. Roles
//! carry no revision: a role already here that differs is kept as it is (a local edit is never
//! overwritten by an import) and counted.
//! Merging is idempotent: importing the same file twice changes nothing the second time.
//! [`merge_fieldwork`] does the same for what a file carries besides campaigns and roles.
//!
//! Erasures win: the tombstones of both copies of a campaign are kept and applied to the copy
//! that is kept (`Campaign::with_erasures`), and a record about a person erased here is left
//! out of the fieldwork (`privacy::screen`); the report says whose data was left out.

use super::{Document, ImportError, Problem};
use crate::domain::campaign::{Campaign, ErasedInFile, ErasedKind, ErasureScope};
use crate::domain::fieldwork::{Fieldwork, FieldworkReport};
use crate::domain::limits::{MAX_CAMPAIGNS, MAX_ROLES};
use crate::domain::privacy::screen::{names_in, purge, screen, Records};
use crate::domain::workspace::Workspace;

/// What a merge did, for the message shown after an import.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MergeReport {
    pub added: usize,
    pub updated: usize,
    pub unchanged: usize,
    /// Campaigns already here in a newer or diverging version: ours was kept.
    pub kept_ours: usize,
    pub roles_added: usize,
    /// Roles already here with different content: ours was kept.
    pub roles_kept: usize,
    /// Erasures the file recorded that were not known here, now applied.
    pub erasures_applied: usize,
    /// People erased here whom the file's campaigns still list: left out.
    pub erased: ErasedInFile,
}

/// Merges `doc` into `ws`; on error `ws` is unchanged (the caller keeps it).
pub fn merge(ws: &Workspace, doc: &Document) -> Result<(Workspace, MergeReport), ImportError> {
    let mut next = ws.clone();
    let mut report = MergeReport::default();
    for incoming in &doc.campaigns {
        match next.campaigns.iter_mut().find(|c| c.id == incoming.id) {
            None => {
                next.campaigns.push(incoming.clone());
                report.added += 1;
            }
            // The import logs are this copy's own history, not the campaign's content.
            Some(ours) if ours.same_apart_from_log(incoming) => report.unchanged += 1,
            Some(ours) => {
                let theirs_newer =
                    (incoming.revision, incoming.updated_at) > (ours.revision, ours.updated_at);
                let (winner, other) = if theirs_newer {
                    (incoming, &*ours)
                } else {
                    (&*ours, incoming)
                };
                let mut kept = winner.with_erasures(&other.erasures);
                // Our own log (without what the file's tombstones erase), not the file's.
                if theirs_newer {
                    kept.imports = ours.with_erasures(&incoming.erasures).imports;
                }
                if !kept.same_apart_from_log(winner) {
                    // A file may claim the last revision there is: the sum saturates there.
                    kept.revision = ours.revision.max(incoming.revision).saturating_add(1);
                    kept.updated_at = ours.updated_at.max(incoming.updated_at);
                }
                report.erasures_applied += incoming
                    .erasures
                    .iter()
                    .filter(|e| {
                        ours.erasure(e.person_id, e.scope)
                            .is_none_or(|k| k.erased_at < e.erased_at)
                    })
                    .count();
                note_erased_people(&mut report.erased, ours, incoming);
                if kept == *ours {
                    report.kept_ours += 1;
                } else {
                    *ours = kept;
                    report.updated += 1;
                }
            }
        }
    }
    if next.campaigns.len() > MAX_CAMPAIGNS {
        return Err(ImportError::Invalid {
            path: "campaigns".into(),
            problem: Problem::TooManyCampaigns,
        });
    }
    for incoming in &doc.roles {
        match next.roles.iter_mut().find(|r| r.id == incoming.id) {
            None => {
                next.roles.push(incoming.clone());
                report.roles_added += 1;
            }
            Some(ours) if ours != incoming => report.roles_kept += 1,
            Some(_) => {}
        }
    }
    if next.roles.len() > MAX_ROLES {
        return Err(ImportError::Invalid {
            path: "roles".into(),
            problem: Problem::TooManyRoles,
        });
    }
    Ok((next, report))
}

/// The people of `ours` erased everywhere whom `incoming` still lists (with the decisions
/// about them): their part of the file is left out.
fn note_erased_people(report: &mut ErasedInFile, ours: &Campaign, incoming: &Campaign) {
    for e in ours
        .erasures
        .iter()
        .filter(|e| e.scope == ErasureScope::Everything)
    {
        let listed = match e.kind {
            ErasedKind::Candidate => incoming.candidates.iter().find(|p| p.id == e.person_id),
            ErasedKind::Mediator => incoming.mediators.iter().find(|p| p.id == e.person_id),
            ErasedKind::Leader => None,
        };
        if let Some(p) = listed {
            let decisions = incoming
                .decisions
                .iter()
                .filter(|d| d.candidate_id == p.id)
                .count();
            report.add(e, Some(&p.name), 1 + decisions);
        }
    }
}

/// Takes a document's kits, observations, invitations and responses into `fieldwork`, the
/// responses checked against `campaigns` (those of this browser, plus any the same file
/// brings). Order-free and idempotent, like every merge of the fieldwork store. Records about
/// a person erased here, or in the file's copy of their campaign, are left out, and what this
/// browser holds about a person the file says was erased goes too.
pub fn merge_fieldwork(
    fieldwork: &Fieldwork,
    doc: &Document,
    campaigns: &[Campaign],
) -> (Fieldwork, FieldworkReport) {
    let incoming = Records {
        kits: doc.kits.clone(),
        observations: doc.observations.clone(),
        invitations: doc.invitations.clone(),
        responses: doc.responses.clone(),
    };
    let names = names_in(&doc.campaigns, &doc.kits, &doc.invitations);
    let (kept, erased) = screen(&incoming, campaigns, &doc.campaigns, &names);
    let purged = purge(fieldwork, campaigns);
    let base = purged.as_ref().unwrap_or(fieldwork);
    let (next, mut report) = base.import(&kept.kits, &kept.observations);
    let (next, invitations) = next.add_invitations(&kept.invitations);
    let (next, responses) = next.import_responses(&kept.responses, campaigns);
    report.invitations_added = invitations;
    report.responses = responses;
    report.erased = erased;
    report.records = super::import_log::record_outcomes(fieldwork, &incoming, &kept, &next);
    (next, report)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::campaign::tests::{at, id, sample};
    use crate::domain::campaign::CampaignAction;

    fn doc_with(c: Vec<crate::domain::campaign::Campaign>) -> Document {
        let ws = Workspace {
            campaigns: c,
            roles: vec![],
        };
        Document::of_workspace(&ws, at(0))
    }

    #[test]
    fn a_local_role_edit_is_never_overwritten() {
        use crate::domain::role::builtin_roles;
        use crate::domain::text::Bilingual;
        let role = builtin_roles()[0]
            .clone()
            .duplicate("mine".into(), &Bilingual::both("(copy)"));
        let file = Document::of_workspace(
            &Workspace {
                campaigns: vec![],
                roles: vec![role.clone()],
            },
            at(0),
        );
        let mut edited = role;
        edited.name.en = "Edited".into();
        let ws = Workspace {
            campaigns: vec![],
            roles: vec![edited.clone()],
        };
        let (after, r) = merge(&ws, &file).unwrap();
        assert_eq!(after.roles, vec![edited]);
        assert_eq!(r.roles_kept, 1);
    }

    #[test]
    fn adds_then_is_idempotent() {
        let doc = doc_with(vec![sample()]);
        let (ws, r) = merge(&Workspace::default(), &doc).unwrap();
        assert_eq!(r.added, 1);
        let (ws2, r2) = merge(&ws, &doc).unwrap();
        assert_eq!(ws2, ws);
        assert_eq!(
            r2,
            MergeReport {
                unchanged: 1,
                ..Default::default()
            }
        );
    }

    #[test]
    fn newer_copy_wins_older_copy_is_kept_out() {
        let old = sample();
        let newer = old
            .apply(
                &CampaignAction::Rename {
                    name: "Renamed".into(),
                },
                at(10),
            )
            .unwrap();
        let ws = Workspace {
            campaigns: vec![old.clone()],
            roles: vec![],
        };
        let (ws, r) = merge(&ws, &doc_with(vec![newer.clone()])).unwrap();
        assert_eq!(r.updated, 1);
        assert_eq!(ws.campaign(id(1)).unwrap().name, "Renamed");
        let (ws, r) = merge(&ws, &doc_with(vec![old])).unwrap();
        assert_eq!(r.kept_ours, 1);
        assert_eq!(ws.campaign(id(1)).unwrap().name, "Renamed");
    }
}
