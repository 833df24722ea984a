//! The workspace: everything one recruiter keeps in the browser — campaigns and the roles they
//! made. [`Workspace::apply`] is the reducer every change goes through.

use crate::domain::campaign::{Campaign, CampaignAction, CampaignError};
use crate::domain::limits::{MAX_CAMPAIGNS, MAX_ROLES};
use crate::domain::role::{builtin_roles, Role};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// All of a recruiter's data.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Workspace {
    pub campaigns: Vec<Campaign>,
    /// Roles the recruiter created or duplicated (built-in roles are not stored).
    pub roles: Vec<Role>,
}

/// One change to the workspace.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Action {
    CreateCampaign {
        campaign: Box<Campaign>,
    },
    Campaign {
        id: Uuid,
        action: CampaignAction,
    },
    DeleteCampaign {
        id: Uuid,
    },
    SaveRole {
        role: Box<Role>,
    },
    DeleteRole {
        id: String,
    },
    /// Erases the data kept past its date, in one step (one undo): each `(campaign, change)`
    /// in order — erasures, then archiving. Made by `privacy::erase_overdue`.
    EraseOverdue {
        steps: Vec<(Uuid, CampaignAction)>,
    },
}

/// Why a workspace change was refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ActionError {
    #[error(transparent)]
    Campaign(#[from] CampaignError),
    #[error("no campaign has this identifier")]
    UnknownCampaign,
    #[error("a campaign with this identifier already exists")]
    CampaignExists,
    #[error("built-in roles cannot be changed; duplicate them instead")]
    BuiltinRole,
    #[error("the role is not valid")]
    BadRole,
    #[error("no role has this identifier")]
    UnknownRole,
    #[error("the workspace is full")]
    Full,
}

impl Workspace {
    pub fn campaign(&self, id: Uuid) -> Option<&Campaign> {
        self.campaigns.iter().find(|c| c.id == id)
    }

    /// Built-in roles followed by the recruiter's own, as the role picker lists them.
    pub fn role_library(&self) -> Vec<Role> {
        let mut all = builtin_roles().to_vec();
        all.extend(self.roles.iter().cloned());
        all
    }

    pub fn is_builtin_role(id: &str) -> bool {
        builtin_roles().iter().any(|r| r.id == id)
    }

    /// Applies one change; on refusal the workspace is left as it was.
    pub fn apply(&self, action: &Action, now: DateTime<Utc>) -> Result<Workspace, ActionError> {
        let mut next = self.clone();
        match action {
            Action::CreateCampaign { campaign } => {
                if self.campaign(campaign.id).is_some() {
                    return Err(ActionError::CampaignExists);
                }
                if self.campaigns.len() >= MAX_CAMPAIGNS {
                    return Err(ActionError::Full);
                }
                campaign.check()?;
                next.campaigns.push((**campaign).clone());
            }
            Action::Campaign { id, action } => {
                let slot = next
                    .campaigns
                    .iter_mut()
                    .find(|c| c.id == *id)
                    .ok_or(ActionError::UnknownCampaign)?;
                *slot = slot.apply(action, now)?;
            }
            Action::EraseOverdue { steps } => {
                for (id, action) in steps {
                    let slot = next
                        .campaigns
                        .iter_mut()
                        .find(|c| c.id == *id)
                        .ok_or(ActionError::UnknownCampaign)?;
                    *slot = slot.apply(action, now)?;
                }
            }
            Action::DeleteCampaign { id } => {
                if self.campaign(*id).is_none() {
                    return Err(ActionError::UnknownCampaign);
                }
                next.campaigns.retain(|c| c.id != *id);
            }
            Action::SaveRole { role } => {
                if Self::is_builtin_role(&role.id) {
                    return Err(ActionError::BuiltinRole);
                }
                if !role.problems().is_empty() {
                    return Err(ActionError::BadRole);
                }
                match next.roles.iter().position(|r| r.id == role.id) {
                    Some(i) => next.roles[i] = (**role).clone(),
                    None if next.roles.len() >= MAX_ROLES => return Err(ActionError::Full),
                    None => next.roles.push((**role).clone()),
                }
            }
            Action::DeleteRole { id } => {
                if Self::is_builtin_role(id) {
                    return Err(ActionError::BuiltinRole);
                }
                if !self.roles.iter().any(|r| r.id == *id) {
                    return Err(ActionError::UnknownRole);
                }
                next.roles.retain(|r| r.id != *id);
            }
        }
        Ok(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::campaign::tests::{at, id, sample};
    use crate::domain::role::Role;
    use crate::domain::text::Bilingual;

    #[test]
    fn create_edit_delete() {
        let ws = Workspace::default();
        let ws = ws
            .apply(
                &Action::CreateCampaign {
                    campaign: Box::new(sample()),
                },
                at(0),
            )
            .unwrap();
        assert_eq!(
            ws.apply(
                &Action::CreateCampaign {
                    campaign: Box::new(sample())
                },
                at(0)
            )
            .unwrap_err(),
            ActionError::CampaignExists
        );
        let ws2 = ws
            .apply(
                &Action::Campaign {
                    id: id(1),
                    action: CampaignAction::Rename { name: "B".into() },
                },
                at(5),
            )
            .unwrap();
        assert_eq!(ws2.campaign(id(1)).unwrap().name, "B");
        assert_eq!(ws.campaign(id(1)).unwrap().name, "CSO 5.0 — Lyon");
        let ws3 = ws2
            .apply(&Action::DeleteCampaign { id: id(1) }, at(6))
            .unwrap();
        assert!(ws3.campaigns.is_empty());
        assert_eq!(
            ws3.apply(&Action::DeleteCampaign { id: id(1) }, at(7))
                .unwrap_err(),
            ActionError::UnknownCampaign
        );
    }

    #[test]
    fn refused_campaign_change_is_reported_and_leaves_state() {
        let ws = Workspace::default()
            .apply(
                &Action::CreateCampaign {
                    campaign: Box::new(sample()),
                },
                at(0),
            )
            .unwrap();
        let err = ws
            .apply(
                &Action::Campaign {
                    id: id(1),
                    action: CampaignAction::Rename { name: "".into() },
                },
                at(1),
            )
            .unwrap_err();
        assert_eq!(err, ActionError::Campaign(CampaignError::NameRequired));
    }

    #[test]
    fn roles_are_saved_but_builtins_are_protected() {
        let ws = Workspace::default();
        let builtin = builtin_roles()[0].clone();
        assert_eq!(
            ws.apply(
                &Action::SaveRole {
                    role: Box::new(builtin.clone())
                },
                at(0)
            )
            .unwrap_err(),
            ActionError::BuiltinRole
        );
        let mine = builtin.duplicate("mine".into(), &Bilingual::both("(copy)"));
        let ws = ws
            .apply(
                &Action::SaveRole {
                    role: Box::new(mine.clone()),
                },
                at(0),
            )
            .unwrap();
        assert_eq!(ws.role_library().len(), builtin_roles().len() + 1);
        let mut edited = mine.clone();
        edited.axes[0].target = 5;
        edited.axes[0].max = 5;
        let ws = ws
            .apply(
                &Action::SaveRole {
                    role: Box::new(edited),
                },
                at(1),
            )
            .unwrap();
        assert_eq!(ws.roles.len(), 1);
        assert_eq!(ws.roles[0].axes[0].target, 5);
        let bad = Role::blank("bad".into(), Bilingual::default());
        assert_eq!(
            ws.apply(
                &Action::SaveRole {
                    role: Box::new(bad)
                },
                at(1)
            )
            .unwrap_err(),
            ActionError::BadRole
        );
        let ws = ws
            .apply(&Action::DeleteRole { id: "mine".into() }, at(2))
            .unwrap();
        assert!(ws.roles.is_empty());
    }

    #[test]
    fn editing_a_library_role_never_changes_a_campaign() {
        let mine = builtin_roles()[0]
            .clone()
            .duplicate("mine".into(), &Bilingual::both("(copy)"));
        let ws = Workspace::default()
            .apply(
                &Action::SaveRole {
                    role: Box::new(mine.clone()),
                },
                at(0),
            )
            .unwrap();
        let mut c = sample();
        c.role = mine.clone();
        let ws = ws
            .apply(
                &Action::CreateCampaign {
                    campaign: Box::new(c),
                },
                at(0),
            )
            .unwrap();
        let mut edited = mine;
        edited.axes[2].target = 1;
        edited.axes[2].min = 1;
        let ws = ws
            .apply(
                &Action::SaveRole {
                    role: Box::new(edited),
                },
                at(1),
            )
            .unwrap();
        assert_eq!(ws.campaign(id(1)).unwrap().role.axes[2].target, 3);
    }
}
