//! The context beside the picture, never part of a score: the candidate's soft-skill results
//! (self and observers), their blind spots, and the flags of their support-axis profile
//! against the role. Taken from `assessment::results::candidate_results`.

use crate::domain::assessment::gaps::{FacetGap, Quadrant};
use crate::domain::assessment::profile::{profile_flags, ProfileError, ProfileFlag};
use crate::domain::assessment::results::{CandidateResults, SUPPORT_AXIS_PROFILE};
use crate::domain::campaign::{Campaign, InstrumentId};
use crate::domain::instrument::definition::Form;
use crate::domain::survey::invitation::instruments_for;
use crate::domain::survey::RespondentKind;
use serde::Serialize;

/// The constructs that are soft skills (the role's `soft_skills`), by instrument id.
pub const SOFT_SKILLS: [&str; 3] = [
    "interpersonal-intelligence",
    "intelligence-of-paradoxes",
    "business-partner-posture",
];

/// One facet of a soft skill: self, observers' mean, and the quadrant when both exist.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FacetContext {
    pub facet: String,
    pub self_pomp: Option<f64>,
    pub observers_pomp: Option<f64>,
    pub gap: Option<FacetGap>,
}

/// One soft skill's results.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SoftSkillContext {
    /// The construct (the self form's id).
    pub construct: String,
    /// The candidate's scale score, POMP, when they answered.
    pub self_scale: Option<f64>,
    pub observers: usize,
    pub facets: Vec<FacetContext>,
}

/// A facet the candidate rates high and the observers do not.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct BlindSpot {
    pub construct: String,
    pub gap: FacetGap,
}

/// The support-axis profile, as far as it can be read.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "snake_case", tag = "profile")]
pub enum ProfileContext {
    /// The campaign does not plan the support-axis profile.
    NotPlanned,
    /// Planned, not answered yet.
    NotAnswered,
    /// Answered, but an axis has too few answers (or the levels cannot be compared).
    Unreadable,
    /// Read against the role: its flags, none when balanced and within every band.
    Read { flags: Vec<ProfileFlag> },
}

/// The context of a picture.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Context {
    pub soft_skills: Vec<SoftSkillContext>,
    /// Soft skills the campaign plans that the candidate has not answered yet.
    pub unanswered: Vec<String>,
    pub blind_spots: Vec<BlindSpot>,
    pub profile: ProfileContext,
}

/// The context from a candidate's results.
pub fn context(campaign: &Campaign, results: &CandidateResults) -> Context {
    let mut soft_skills = Vec::new();
    let mut blind_spots = Vec::new();
    for c in results
        .constructs
        .iter()
        .filter(|c| SOFT_SKILLS.contains(&c.construct.as_str()))
    {
        let own = c.own.as_ref().map(|(_, rep)| rep);
        let facets = c
            .instrument
            .facets
            .iter()
            .map(|f| FacetContext {
                facet: f.id.clone(),
                self_pomp: own.and_then(|r| r.facet(&f.id)).and_then(|s| s.pomp()),
                observers_pomp: c.observers_pomp(&f.id),
                gap: c.gaps.iter().find(|g| g.facet == f.id).cloned(),
            })
            .collect();
        blind_spots.extend(
            c.gaps
                .iter()
                .filter(|g| g.quadrant == Quadrant::BlindSpot)
                .map(|g| BlindSpot {
                    construct: c.construct.clone(),
                    gap: g.clone(),
                }),
        );
        soft_skills.push(SoftSkillContext {
            construct: c.construct.clone(),
            self_scale: own.and_then(|r| r.scale.as_ref()).map(|s| s.pomp),
            observers: c.observers.len(),
            facets,
        });
    }
    let unanswered = instruments_for(campaign, RespondentKind::Candidate)
        .into_iter()
        .filter(|i| i.form == Form::SelfReport && SOFT_SKILLS.contains(&i.construct.as_str()))
        .filter(|i| {
            !results
                .constructs
                .iter()
                .any(|c| c.construct == i.construct && c.own.is_some())
        })
        .map(|i| i.construct.clone())
        .collect();
    let planned = campaign
        .instruments
        .contains(&InstrumentId::SupportAxisProfile);
    let answered = results
        .constructs
        .iter()
        .any(|c| c.construct == SUPPORT_AXIS_PROFILE && c.own.is_some());
    let profile = match &results.profile {
        Some(Ok(report)) => ProfileContext::Read {
            flags: profile_flags(report),
        },
        Some(Err(ProfileError::Incomplete | ProfileError::Stats(_))) => ProfileContext::Unreadable,
        None if planned && !answered => ProfileContext::NotAnswered,
        None if !planned => ProfileContext::NotPlanned,
        None => ProfileContext::Unreadable,
    };
    Context {
        soft_skills,
        unanswered,
        blind_spots,
        profile,
    }
}
