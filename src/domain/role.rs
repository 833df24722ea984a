//! The role library: what a role expects on each support axis, how its three postures weigh,
//! and which soft skills matter. Built-in roles ship as data (`data/roles.json`); recruiters
//! duplicate, edit and create their own. A campaign keeps a snapshot, so editing the library
//! never changes a running campaign.

use crate::domain::limits::{MAX_NAME_CHARS, MAX_TEXT_CHARS};
use crate::domain::sorting;
use crate::domain::text::Bilingual;
use crate::domain::text::{check_text, TextError};
use serde::{Deserialize, Serialize};

/// The support axes of a transversal executive, in display order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SupportAxis {
    Law,
    Finance,
    ItDigital,
    RulesProcedures,
    SalesAdministration,
    DigitalCommunication,
    Hr,
}

impl SupportAxis {
    pub const ALL: [SupportAxis; 7] = [
        SupportAxis::Law,
        SupportAxis::Finance,
        SupportAxis::ItDigital,
        SupportAxis::RulesProcedures,
        SupportAxis::SalesAdministration,
        SupportAxis::DigitalCommunication,
        SupportAxis::Hr,
    ];
}

/// The three postures of the role: conductor, business partner, entrepreneur.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Posture {
    Conductor,
    BusinessPartner,
    Entrepreneur,
}

impl Posture {
    pub const ALL: [Posture; 3] = [
        Posture::Conductor,
        Posture::BusinessPartner,
        Posture::Entrepreneur,
    ];
}

/// Soft skills a role can call for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SoftSkill {
    InterpersonalIntelligence,
    IntelligenceOfParadoxes,
    BusinessPartnerPosture,
}

impl SoftSkill {
    pub const ALL: [SoftSkill; 3] = [
        SoftSkill::InterpersonalIntelligence,
        SoftSkill::IntelligenceOfParadoxes,
        SoftSkill::BusinessPartnerPosture,
    ];
}

/// Lowest and highest mastery level on the 1–5 scale.
pub const LEVEL_MIN: u8 = 1;
pub const LEVEL_MAX: u8 = 5;

/// Expected mastery on one axis: a target level and the acceptable band around it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AxisTarget {
    pub axis: SupportAxis,
    pub target: u8,
    pub min: u8,
    pub max: u8,
    /// Why this level, in a sentence.
    #[serde(default)]
    pub why: Bilingual,
}

/// Weights of the three postures, as whole percentages summing to 100.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PostureWeights {
    pub conductor: u8,
    pub business_partner: u8,
    pub entrepreneur: u8,
}

impl PostureWeights {
    pub fn get(&self, posture: Posture) -> u8 {
        match posture {
            Posture::Conductor => self.conductor,
            Posture::BusinessPartner => self.business_partner,
            Posture::Entrepreneur => self.entrepreneur,
        }
    }

    pub fn set(&mut self, posture: Posture, value: u8) {
        match posture {
            Posture::Conductor => self.conductor = value,
            Posture::BusinessPartner => self.business_partner = value,
            Posture::Entrepreneur => self.entrepreneur = value,
        }
    }

    pub fn total(&self) -> u32 {
        u32::from(self.conductor) + u32::from(self.business_partner) + u32::from(self.entrepreneur)
    }
}

/// A role to fill: target profile over the support axes, posture weights, soft skills.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Role {
    /// A slug for built-in roles, a UUID for roles made by the recruiter.
    pub id: String,
    /// The built-in role this one was copied from, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub based_on: Option<String>,
    pub name: Bilingual,
    #[serde(default)]
    pub summary: Bilingual,
    pub axes: Vec<AxisTarget>,
    pub postures: PostureWeights,
    pub soft_skills: Vec<SoftSkill>,
}

/// What is wrong with a role, found by [`Role::problems`].
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum RoleProblem {
    #[error("the role has no name")]
    NoName,
    #[error("a name or summary is too long")]
    TooLong,
    #[error("the axes must list each support axis exactly once")]
    AxesIncomplete,
    #[error("axis {0:?}: the band must satisfy 1 ≤ min ≤ target ≤ max ≤ 5")]
    BadBand(SupportAxis),
    #[error("the posture weights add up to {0}, not 100")]
    PostureTotal(u32),
    #[error("a soft skill is listed twice")]
    DuplicateSoftSkill,
    #[error("the identifier is empty or too long")]
    BadId,
    #[error("a text contains invisible control characters")]
    ForbiddenCharacters,
}

impl Role {
    /// The target for one axis, if the role lists it.
    pub fn axis(&self, axis: SupportAxis) -> Option<&AxisTarget> {
        self.axes.iter().find(|a| a.axis == axis)
    }

    /// Every rule the role breaks; empty when the role is sound.
    pub fn problems(&self) -> Vec<RoleProblem> {
        let mut out = Vec::new();
        let id_ok = |id: &str| !id.trim().is_empty() && check_text(id, MAX_NAME_CHARS).is_ok();
        if !id_ok(&self.id) || self.based_on.as_deref().is_some_and(|b| !id_ok(b)) {
            out.push(RoleProblem::BadId);
        }
        if self.name.is_blank() {
            out.push(RoleProblem::NoName);
        }
        let texts = std::iter::once((&self.name, MAX_NAME_CHARS))
            .chain(std::iter::once((&self.summary, MAX_TEXT_CHARS)))
            .chain(self.axes.iter().map(|a| (&a.why, MAX_TEXT_CHARS)));
        let mut text_problem = None;
        for (t, max) in texts {
            for e in [check_text(&t.fr, max), check_text(&t.en, max)]
                .into_iter()
                .filter_map(Result::err)
            {
                let p = match e {
                    TextError::TooLong => RoleProblem::TooLong,
                    _ => RoleProblem::ForbiddenCharacters,
                };
                text_problem.get_or_insert(p);
            }
        }
        out.extend(text_problem);
        let complete = self.axes.len() == SupportAxis::ALL.len()
            && SupportAxis::ALL
                .iter()
                .all(|axis| self.axes.iter().filter(|a| a.axis == *axis).count() == 1);
        if !complete {
            out.push(RoleProblem::AxesIncomplete);
        }
        for a in &self.axes {
            if !(LEVEL_MIN <= a.min && a.min <= a.target && a.target <= a.max && a.max <= LEVEL_MAX)
            {
                out.push(RoleProblem::BadBand(a.axis));
            }
        }
        if self.postures.total() != 100 {
            out.push(RoleProblem::PostureTotal(self.postures.total()));
        }
        let mut skills = self.soft_skills.clone();
        sorting::sort_by_key(&mut skills, |s| *s as u8);
        skills.dedup();
        if skills.len() != self.soft_skills.len() {
            out.push(RoleProblem::DuplicateSoftSkill);
        }
        out
    }

    /// An editable copy of this role under a new identifier.
    pub fn duplicate(&self, new_id: String, copy_suffix: &Bilingual) -> Role {
        let mut copy = self.clone();
        copy.based_on = Some(self.based_on.clone().unwrap_or_else(|| self.id.clone()));
        copy.id = new_id;
        copy.name = Bilingual {
            fr: format!("{} {}", self.name.fr, copy_suffix.fr)
                .trim()
                .to_owned(),
            en: format!("{} {}", self.name.en, copy_suffix.en)
                .trim()
                .to_owned(),
        };
        copy
    }

    /// A neutral starting point for a new role: every axis at 3 (band 2–4), postures balanced.
    pub fn blank(id: String, name: Bilingual) -> Role {
        Role {
            id,
            based_on: None,
            name,
            summary: Bilingual::default(),
            axes: SupportAxis::ALL
                .iter()
                .map(|axis| AxisTarget {
                    axis: *axis,
                    target: 3,
                    min: 2,
                    max: 4,
                    why: Bilingual::default(),
                })
                .collect(),
            postures: PostureWeights {
                conductor: 34,
                business_partner: 33,
                entrepreneur: 33,
            },
            soft_skills: SoftSkill::ALL.to_vec(),
        }
    }
}

/// The file that ships the built-in roles.
#[derive(Debug, Deserialize)]
struct RoleFile {
    format: String,
    version: u32,
    roles: Vec<Role>,
}

/// The built-in roles, parsed once from `data/roles.json` (checked by the tests below).
pub fn builtin_roles() -> &'static [Role] {
    static ROLES: std::sync::OnceLock<Vec<Role>> = std::sync::OnceLock::new();
    ROLES.get_or_init(|| parse_role_file(include_str!("../../data/roles.json")).unwrap_or_default())
}

fn parse_role_file(text: &str) -> Result<Vec<Role>, String> {
    // The same typed parse as imported files, so the browser bundle holds one role parser.
    let file: RoleFile = serde_json::from_str(text).map_err(|e| e.to_string())?;
    if file.format != "rally-roles" || file.version != 1 {
        return Err(format!(
            "unexpected role file {} v{}",
            file.format, file.version
        ));
    }
    Ok(file.roles)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_library_has_the_five_roles_and_all_are_sound() {
        let roles =
            parse_role_file(include_str!("../../data/roles.json")).expect("roles.json parses");
        let ids: Vec<&str> = roles.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "chief-support-officer",
                "chief-partner-officer",
                "partnerships-director",
                "chief-digital-officer-internal",
                "chief-digital-officer-external"
            ]
        );
        for role in &roles {
            assert_eq!(role.problems(), vec![], "role {}", role.id);
            assert!(
                !role.name.fr.is_empty() && !role.name.en.is_empty(),
                "role {} needs both names",
                role.id
            );
            assert!(
                !role.summary.fr.is_empty() && !role.summary.en.is_empty(),
                "role {} needs both summaries",
                role.id
            );
        }
    }

    #[test]
    fn chief_support_officer_privileges_no_axis() {
        let roles = builtin_roles();
        let cso = roles
            .iter()
            .find(|r| r.id == "chief-support-officer")
            .unwrap();
        let targets: Vec<u8> = cso.axes.iter().map(|a| a.target).collect();
        assert!(
            targets.windows(2).all(|w| w[0] == w[1]),
            "expert, but not too much: {targets:?}"
        );
    }

    #[test]
    fn problems_are_reported() {
        let mut role = Role::blank("x".into(), Bilingual::default());
        role.axes[1].min = 4;
        role.postures.entrepreneur = 0;
        role.soft_skills.push(SoftSkill::BusinessPartnerPosture);
        role.axes.pop();
        let p = role.problems();
        assert!(p.contains(&RoleProblem::NoName));
        assert!(p.contains(&RoleProblem::BadBand(SupportAxis::Finance)));
        assert!(p.contains(&RoleProblem::PostureTotal(67)));
        assert!(p.contains(&RoleProblem::DuplicateSoftSkill));
        assert!(p.contains(&RoleProblem::AxesIncomplete));
    }

    #[test]
    fn hidden_characters_in_role_texts_are_refused() {
        let mut role = Role::blank("x".into(), Bilingual::both("Evil\u{202e}txt"));
        assert_eq!(role.problems(), vec![RoleProblem::ForbiddenCharacters]);
        role.name = Bilingual::both("Fine");
        role.based_on = Some("a\u{7}".into());
        assert_eq!(role.problems(), vec![RoleProblem::BadId]);
        role.based_on = Some("x".repeat(MAX_NAME_CHARS + 1));
        assert_eq!(role.problems(), vec![RoleProblem::BadId]);
    }

    #[test]
    fn duplicate_keeps_the_profile_and_records_the_origin() {
        let base = builtin_roles()[0].clone();
        let copy = base.duplicate(
            "new".into(),
            &Bilingual {
                fr: "(copie)".into(),
                en: "(copy)".into(),
            },
        );
        assert_eq!(copy.axes, base.axes);
        assert_eq!(copy.based_on.as_deref(), Some(base.id.as_str()));
        assert!(copy.name.en.ends_with("(copy)"));
    }
}
