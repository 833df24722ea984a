//! The compatibility picture: can this leader and this candidate work together? Never a verdict
//! and never one unexplained number, but, for one candidate, session by session:
//!
//! * the mediators' ratings on the grid (mean over the observations that count, with their
//!   agreement when there are two or more);
//! * the meta-communication indices that speak to working together ([`WorkingIndex`]);
//! * both session debriefs facet by facet, and the gap between them;
//!
//! across sessions, the trend of each part ([`trend`]: the rule and its tolerances), counted
//! per group ([`Summary`]); whether the debriefs converge (the trend of their mean gap); the
//! points to discuss ([`Point`]); and, as context only, the candidate's soft-skill results,
//! blind spots and profile flags. Every figure keeps its parts, and every gap in the data
//! gives a note ([`SessionNote`], [`Missing`]) rather than a zero. [`compare`] puts 2–4
//! candidates side by side. Rules and thresholds: `docs/formulas.md`, "The compatibility
//! picture".

pub mod chart;
mod compare;
pub mod context;
mod counted;
pub mod export;
pub mod part;
pub mod points;
pub mod provenance;
pub mod session;
pub mod trend;

pub use compare::{compare, Column, CompareError, Comparison, SortKey, MAX_COMPARED, MIN_COMPARED};
pub use context::{BlindSpot, Context, ProfileContext};
pub use export::comparison_csv;
pub use part::{parts, Better, Part, PartGroup, Scale, WorkingIndex};
pub use points::{Missing, Point};
pub use provenance::{
    Arrival, ArrivalRow, Caveat, ObservationUsed, Provenance, ResponseUsed, UsedRecord,
};
pub use session::{
    AgreementReading, DimensionRating, FacetDebrief, SessionNote, SessionPicture, SessionRef,
    WorkingValue, LARGE_GAP_FROM,
};
pub use trend::{Summary, Tolerance, Trend, TrendReading, TrendRule};

use crate::domain::assessment::reliability::STABLE_FROM;
use crate::domain::assessment::results::candidate_results;
use crate::domain::campaign::Campaign;
use crate::domain::fieldwork::Fieldwork;
use crate::domain::instrument::score::Response;
use crate::domain::observation::rating::default_bars;
use crate::domain::survey::invitation::instrument_of;
use serde::Serialize;
use uuid::Uuid;

/// One part across the sessions: its value per planned session (`None` where there is none),
/// the mean of those values, and its trend with what it was read from.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PartSeries {
    pub part: Part,
    pub values: Vec<Option<f64>>,
    pub mean: Option<f64>,
    pub reading: TrendReading,
}

/// The compatibility picture of one candidate with the leader.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Picture {
    pub campaign_id: Uuid,
    pub candidate: Uuid,
    /// The planned sessions, in the campaign's order.
    pub sessions: Vec<SessionPicture>,
    /// Every part of [`parts`], in that order.
    pub parts: Vec<PartSeries>,
    /// One per group, in [`PartGroup::ALL`] order.
    pub summaries: Vec<Summary>,
    pub points: Vec<Point>,
    pub context: Context,
    pub provenance: Provenance,
}

impl Picture {
    pub fn series(&self, part: &Part) -> Option<&PartSeries> {
        self.parts.iter().find(|p| &p.part == part)
    }

    /// Whether the two debriefs come closer over the sessions: the trend of their mean gap
    /// (falling = converging, rising = drifting apart).
    pub fn convergence(&self) -> Trend {
        self.series(&Part::Convergence)
            .map_or(Trend::NotEnough { sessions: 0 }, |p| p.reading.trend)
    }

    pub fn summary(&self, group: PartGroup) -> Option<&Summary> {
        self.summaries.iter().find(|s| s.group == group)
    }
}

/// The value of `part` in one session.
fn value_in(s: &SessionPicture, part: &Part) -> Option<f64> {
    match part {
        Part::Rating(d) => s.rating(d),
        Part::Working(i) => s.working(*i),
        Part::Debrief(side, facet) => s.debrief(*side, facet),
        Part::Convergence => s.mean_gap,
    }
}

/// The compatibility picture of `candidate` in `campaign`, from what `fieldwork` holds;
/// `None` when the candidate is not in the campaign.
pub fn picture(campaign: &Campaign, fieldwork: &Fieldwork, candidate: Uuid) -> Option<Picture> {
    campaign.candidates.iter().find(|c| c.id == candidate)?;
    let bars = default_bars();
    let responses = fieldwork.current_responses(campaign.id);
    let sessions: Vec<SessionPicture> = campaign
        .sessions
        .iter()
        .enumerate()
        .map(|(k, s)| {
            session::session_picture(campaign, fieldwork, &responses, bars, k + 1, s, candidate)
        })
        .collect();
    let parts: Vec<PartSeries> = parts(bars)
        .into_iter()
        .map(|part| {
            let values: Vec<Option<f64>> = sessions.iter().map(|s| value_in(s, &part)).collect();
            let present: Vec<f64> = values.iter().flatten().copied().collect();
            PartSeries {
                reading: trend::trend(&values, Tolerance::of(part.scale())),
                mean: (!present.is_empty())
                    .then(|| present.iter().sum::<f64>() / present.len() as f64),
                values,
                part,
            }
        })
        .collect();
    let summaries = trend::summarise(parts.iter().map(|p| (&p.part, p.reading.trend)));
    // The context reads self-assessments and observer forms, never a debrief (which names
    // its session): leaving the debriefs out spares scoring them again.
    let about: Vec<&Response> = responses
        .iter()
        .filter(|r| r.session_id.is_none())
        .copied()
        .collect();
    let results = candidate_results(campaign, &about, candidate);
    let context = context::context(campaign, &results);
    let points = points::points(&parts, &sessions, &context);
    let theirs: Vec<&Response> = about
        .iter()
        .filter(|r| {
            (r.respondent_id == candidate && r.subject_id.is_none())
                || r.subject_id == Some(candidate)
        })
        .filter(|r| instrument_of(r).is_some())
        .copied()
        .collect();
    let provenance = provenance(&sessions, &results, &theirs);
    Some(Picture {
        campaign_id: campaign.id,
        candidate,
        sessions,
        parts,
        summaries,
        points,
        context,
        provenance,
    })
}

fn provenance(
    sessions: &[SessionPicture],
    results: &crate::domain::assessment::results::CandidateResults,
    context: &[&Response],
) -> Provenance {
    let mut p = Provenance::default();
    for s in sessions {
        p.observations.push((s.session, s.observations.clone()));
        p.responses.extend(s.leader_debrief.iter().cloned());
        p.responses.extend(s.candidate_debrief.iter().cloned());
        if let AgreementReading::Read { low, notes, .. } = &s.agreement {
            if !low.is_empty() {
                p.caveats.push(Caveat::LowAgreement {
                    session: s.session,
                    measures: low.clone(),
                });
            }
            p.caveats.extend(notes.iter().map(|n| Caveat::FewUnits {
                session: s.session,
                note: *n,
            }));
        }
        for (response, flag) in &s.debrief_quality {
            let instrument = [&s.leader_debrief, &s.candidate_debrief]
                .into_iter()
                .flatten()
                .find(|r| r.id == *response)
                .map(|r| r.instrument_id.clone())
                .unwrap_or_default();
            p.caveats.push(Caveat::Quality {
                response_id: *response,
                instrument_id: instrument,
                session: Some(s.session),
                flag: *flag,
            });
        }
    }
    p.responses
        .extend(context.iter().map(|r| ResponseUsed::of(r)));
    for c in &results.constructs {
        if let Some((r, report)) = &c.own {
            for flag in report.quality.raised() {
                p.caveats.push(Caveat::Quality {
                    response_id: r.id,
                    instrument_id: r.instrument_id.clone(),
                    session: None,
                    flag,
                });
            }
        }
        // Only where the context shows a figure (a soft skill) and an alpha was computed.
        let computed = c.reliability.iter().filter(|r| r.alpha.is_some());
        let used = computed.map(|r| r.respondents_used).min();
        let shown = context::SOFT_SKILLS.contains(&c.construct.as_str());
        if let Some(respondents) = used.filter(|n| shown && *n < STABLE_FROM) {
            p.caveats.push(Caveat::UnstableReliability {
                construct: c.construct.clone(),
                respondents,
            });
        }
    }
    p
}

#[cfg(test)]
mod tests;
