//! Everything the recruiter reads about one candidate's self-assessments, assembled from the
//! campaign's current responses: per instrument, the candidate's own scores with quality
//! flags, each observer's scores (the CEO's and the mediators' observer forms about this
//! candidate), the self-versus-observers gap of every facet, the reliability of each facet
//! across the campaign's respondents, and the support-axis profile against the role.

use super::gaps::{facet_gap, FacetGap};
use super::profile::{profile_report, ProfileError, ProfileReport};
use super::reliability::{facet_reliability, FacetReliability};
use crate::domain::campaign::Campaign;
use crate::domain::instrument::definition::{Form, Instrument};
use crate::domain::instrument::score::{score, Response, ScoreReport};
use crate::domain::role::SupportAxis;
use crate::domain::sorting;
use crate::domain::survey::invitation::instrument_of;
pub use crate::domain::survey::invitation::respondent_kind;
use crate::domain::survey::RespondentKind;
use uuid::Uuid;

/// The construct id of the support-axis profile (its facets are the support axes).
pub const SUPPORT_AXIS_PROFILE: &str = "support-axis-profile";

/// One observer's scores of the candidate.
#[derive(Clone, Debug, PartialEq)]
pub struct ObserverScores {
    pub respondent_id: Uuid,
    pub kind: RespondentKind,
    pub instrument: &'static Instrument,
    pub report: ScoreReport,
}

/// One construct (interpersonal intelligence, paradoxes…): self, observers, gaps, reliability.
#[derive(Clone, Debug, PartialEq)]
pub struct ConstructResults {
    pub construct: String,
    /// The self-report form (the facets, names and scale shown).
    pub instrument: &'static Instrument,
    pub own: Option<(Response, ScoreReport)>,
    pub observers: Vec<ObserverScores>,
    /// Facet by facet, where both sides are scored (in facet order).
    pub gaps: Vec<FacetGap>,
    /// Cronbach's alpha per facet over every candidate's self-report in the campaign.
    pub reliability: Vec<FacetReliability>,
    /// Whether an observer form of this construct exists (else there is nothing to compare).
    pub observable: bool,
}

impl ConstructResults {
    /// The observers' mean POMP of a facet (each scored observer counts once).
    pub fn observers_pomp(&self, facet: &str) -> Option<f64> {
        let v: Vec<f64> = self
            .observers
            .iter()
            .filter_map(|o| o.report.facet(facet).and_then(|f| f.pomp()))
            .collect();
        (!v.is_empty()).then(|| v.iter().sum::<f64>() / v.len() as f64)
    }

    /// The observers' mean POMP of one pole of a paradox facet.
    pub fn observers_pole(&self, facet: &str, a: bool) -> Option<f64> {
        let v: Vec<f64> = self
            .observers
            .iter()
            .filter_map(|o| o.report.facet(facet).and_then(|f| f.poles()))
            .map(|p| if a { p.a } else { p.b })
            .collect();
        (!v.is_empty()).then(|| v.iter().sum::<f64>() / v.len() as f64)
    }
}

/// A candidate's results.
#[derive(Clone, Debug, PartialEq)]
pub struct CandidateResults {
    pub candidate: Uuid,
    /// In the order of the built-in instruments.
    pub constructs: Vec<ConstructResults>,
    /// The support-axis profile against the campaign's role, when the candidate answered it.
    pub profile: Option<Result<ProfileReport, ProfileError>>,
}

/// Assembles one candidate's results from the campaign's current responses.
pub fn candidate_results(
    campaign: &Campaign,
    responses: &[&Response],
    candidate: Uuid,
) -> CandidateResults {
    let mut constructs: Vec<ConstructResults> = Vec::new();
    for r in responses.iter().filter(|r| r.campaign_id == campaign.id) {
        let Some(instrument) = instrument_of(r) else {
            continue;
        };
        let Ok(report) = score(instrument, r) else {
            continue;
        };
        let mine = match instrument.form {
            Form::SelfReport => r.respondent_id == candidate && r.subject_id.is_none(),
            Form::Observer => r.subject_id == Some(candidate),
            // A debrief is about a work session, not a picture of the candidate.
            Form::Debrief(_) => false,
        };
        if !mine {
            continue;
        }
        let k = match constructs
            .iter()
            .position(|c| c.construct == instrument.construct)
        {
            Some(k) => k,
            None => {
                let self_form = crate::domain::instrument::builtin::builtin()
                    .iter()
                    .find(|i| i.construct == instrument.construct && i.form == Form::SelfReport)
                    .unwrap_or(instrument);
                constructs.push(ConstructResults {
                    construct: instrument.construct.clone(),
                    instrument: self_form,
                    own: None,
                    observers: Vec::new(),
                    gaps: Vec::new(),
                    reliability: Vec::new(),
                    observable: crate::domain::instrument::builtin::builtin()
                        .iter()
                        .any(|i| i.construct == instrument.construct && i.form == Form::Observer),
                });
                constructs.len() - 1
            }
        };
        let c = &mut constructs[k];
        match instrument.form {
            Form::SelfReport => c.own = Some(((*r).clone(), report)),
            Form::Debrief(_) => {} // left out above
            Form::Observer => {
                if let Some(kind) = respondent_kind(campaign, r.respondent_id) {
                    c.observers.push(ObserverScores {
                        respondent_id: r.respondent_id,
                        kind,
                        instrument,
                        report,
                    });
                }
            }
        }
    }
    let order = |c: &ConstructResults| {
        crate::domain::instrument::builtin::builtin()
            .iter()
            .position(|i| i.id == c.instrument.id)
            .unwrap_or(usize::MAX)
    };
    sorting::sort_by_key(&mut constructs, order);
    for c in &mut constructs {
        sorting::sort_by_key(&mut c.observers, |o| (o.kind as u8, o.respondent_id));
        if let Some((_, own)) = &c.own {
            c.gaps = c
                .instrument
                .facets
                .iter()
                .filter_map(|f| {
                    let observer: Vec<Option<f64>> = c
                        .observers
                        .iter()
                        .map(|o| o.report.facet(&f.id).and_then(|s| s.pomp()))
                        .collect();
                    facet_gap(&f.id, own.facet(&f.id).and_then(|s| s.pomp()), &observer)
                })
                .collect();
        }
        // Reliability over every candidate's self-report to this very text.
        let same_text: Vec<Response> = responses
            .iter()
            .filter(|r| {
                r.campaign_id == campaign.id
                    && r.subject_id.is_none()
                    && r.instrument_hash == c.instrument.hash()
            })
            .map(|r| (*r).clone())
            .collect();
        c.reliability = facet_reliability(c.instrument, &same_text);
    }
    let profile = constructs
        .iter()
        .find(|c| c.construct == SUPPORT_AXIS_PROFILE)
        .and_then(|c| c.own.as_ref())
        .map(|(_, report)| {
            let levels: Vec<(SupportAxis, f64)> = report
                .facets
                .iter()
                .filter_map(|f| Some((axis_of(&f.facet)?, f.mean()?)))
                .collect();
            profile_report(&levels, &campaign.role)
        });
    CandidateResults {
        candidate,
        constructs,
        profile,
    }
}

/// The construct id of the three-postures questionnaire (its facets are the postures).
pub const THREE_POSTURES: &str = "three-postures";

/// The posture a facet id of the three-postures questionnaire names.
pub fn posture_of(facet: &str) -> Option<crate::domain::role::Posture> {
    use crate::domain::role::Posture;
    match facet {
        "conductor" => Some(Posture::Conductor),
        "business-partner" => Some(Posture::BusinessPartner),
        "entrepreneur" => Some(Posture::Entrepreneur),
        _ => None,
    }
}

/// The support axis a facet id of the support-axis profile names (`"it_digital"`…).
pub fn axis_of(facet: &str) -> Option<SupportAxis> {
    serde_json::from_value(serde_json::Value::String(facet.to_owned())).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::assessment::gaps::Quadrant;
    use crate::domain::campaign::tests::{id, sample};
    use crate::domain::campaign::InstrumentId;
    use crate::domain::instrument::definition::Keyed;
    use crate::domain::instrument::score::filled;
    use crate::domain::survey::leader_id;

    /// Answers every item so that each keyed score is `level` (reverse keys flipped back).
    fn at_level(
        inst: &str,
        campaign: Uuid,
        who: Uuid,
        about: Option<Uuid>,
        level: u8,
        n: u128,
    ) -> Response {
        filled(inst, id(n), campaign, who, about, 4000, |i, it| {
            Some(match it.keyed {
                Keyed::Plus => level,
                Keyed::Minus => i.points() + 1 - level,
            })
        })
    }

    #[test]
    fn self_and_observers_meet_facet_by_facet() {
        let c = sample();
        let cand = c.candidates[0].id;
        let own = at_level("interpersonal-intelligence", c.id, cand, None, 5, 1);
        let ceo = at_level(
            "interpersonal-intelligence-observer",
            c.id,
            leader_id(c.id),
            Some(cand),
            2,
            2,
        );
        let med = at_level(
            "interpersonal-intelligence-observer",
            c.id,
            c.mediators[0].id,
            Some(cand),
            3,
            3,
        );
        // Someone else's answers never leak in.
        let other = at_level("interpersonal-intelligence", c.id, id(999), None, 1, 4);
        let all = [&own, &ceo, &med, &other];
        let res = candidate_results(&c, &all, cand);
        assert_eq!(res.constructs.len(), 1);
        let x = &res.constructs[0];
        assert_eq!(x.observers.len(), 2);
        assert_eq!(x.observers[0].kind, RespondentKind::Leader);
        // Self 100, observers (25 + 50) / 2 = 37.5: a blind spot on every facet.
        assert_eq!(x.gaps.len(), x.instrument.facets.len());
        for g in &x.gaps {
            assert_eq!(g.self_pomp, 100.0);
            assert_eq!(g.observers_pomp, 37.5);
            assert_eq!(g.quadrant, Quadrant::BlindSpot);
        }
        assert_eq!(x.observers_pomp("loyalty"), Some(37.5));
        assert!(x.observable);
        // Reliability is computed over the candidates' self-reports only, and flagged unstable.
        assert!(x.reliability.iter().all(|r| r.unstable));
        assert!(res.profile.is_none());
    }

    #[test]
    fn the_support_axis_profile_is_read_against_the_role() {
        let mut c = sample();
        c.instruments.push(InstrumentId::SupportAxisProfile);
        let cand = c.candidates[0].id;
        let r = at_level("support-axis-profile", c.id, cand, None, 3, 5);
        let res = candidate_results(&c, &[&r], cand);
        assert!(!res.constructs[0].observable);
        let profile = res.profile.unwrap().unwrap();
        assert_eq!(profile.axes.len(), 7);
        assert!(profile.axes.iter().all(|a| (a.level - 3.0).abs() < 1e-9));
        assert_eq!(axis_of("it_digital"), Some(SupportAxis::ItDigital));
        assert_eq!(axis_of("nope"), None);
        let postures = crate::domain::instrument::builtin::builtin_by_id(THREE_POSTURES).unwrap();
        assert!(postures.facets.iter().all(|f| posture_of(&f.id).is_some()));
    }
}
