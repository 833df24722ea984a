//! Merging an imported document into the workspace, by identifier: a campaign or role that is
//! new is added; one that is already there is replaced only when the file's copy is newer
//! (higher revision); otherwise the recruiter's copy is kept and the report says so. Roles
//! carry no revision: a role already here that differs is kept as it is (a local edit is never
//! overwritten by an import) and counted.
//! Merging is idempotent: importing the same file twice changes nothing the second time.
//! [`merge_fieldwork`] does the same for what a file carries besides campaigns and roles.

use super::{Document, ImportError, Problem};
use crate::domain::campaign::Campaign;
use crate::domain::fieldwork::{Fieldwork, FieldworkReport};
use crate::domain::limits::{MAX_CAMPAIGNS, MAX_ROLES};
use crate::domain::workspace::Workspace;

/// What a merge did, for the message shown after an import.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct MergeReport {
    pub added: usize,
    pub updated: usize,
    pub unchanged: usize,
    /// Campaigns already here in a newer or diverging version: ours was kept.
    pub kept_ours: usize,
    pub roles_added: usize,
    /// Roles already here with different content: ours was kept.
    pub roles_kept: usize,
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
            Some(ours) if ours == incoming => report.unchanged += 1,
            Some(ours)
                if (incoming.revision, incoming.updated_at) > (ours.revision, ours.updated_at) =>
            {
                *ours = incoming.clone();
                report.updated += 1;
            }
            Some(_) => report.kept_ours += 1,
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

/// Takes a document's kits, observations, invitations and responses into `fieldwork`, the
/// responses checked against `campaigns` (those of this browser, plus any the same file
/// brings). Order-free and idempotent, like every merge of the fieldwork store.
pub fn merge_fieldwork(
    fieldwork: &Fieldwork,
    doc: &Document,
    campaigns: &[Campaign],
) -> (Fieldwork, FieldworkReport) {
    let (next, mut report) = fieldwork.import(&doc.kits, &doc.observations);
    let (next, invitations) = next.add_invitations(&doc.invitations);
    let (next, responses) = next.import_responses(&doc.responses, campaigns);
    report.invitations_added = invitations;
    report.responses = responses;
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
