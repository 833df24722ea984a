//! One work session of one candidate with the leader: the mediators' ratings (mean over the
//! observations that count, with their agreement), the working indices (computed once per
//! observation, then averaged), both debriefs facet by facet and their gap, and plain notes on
//! whatever is missing.

use super::counted::counted;
use super::part::{debrief_facets, WorkingIndex};
use super::provenance::{ObservationUsed, ResponseUsed};
use crate::domain::campaign::{Campaign, WorkSession};
use crate::domain::fieldwork::{known_scheme, Fieldwork};
use crate::domain::instrument::definition::{DebriefSide, Form};
use crate::domain::instrument::score::{score, Response, ScoreReport};
use crate::domain::observation::agreement::{
    agreement_resolved, AgreementError, AgreementNote, AgreementParams, Measure,
};
use crate::domain::observation::indices::{compute_resolved, WindowIndices};
use crate::domain::observation::log::Observation;
use crate::domain::observation::rating::Bars;
use crate::domain::observation::resolved::ResolvedLog;
use crate::domain::observation::scheme::default_scheme;
use crate::domain::survey::invitation::instrument_of;
use crate::domain::survey::leader_id;
use serde::Serialize;
use std::borrow::Cow;
use uuid::Uuid;

/// A gap between the two debriefs of one facet is **large** from this many POMP points: a
/// quarter of the scale, beyond what one or two answers moved by a point explain (8.3 each).
pub const LARGE_GAP_FROM: f64 = 25.0;

/// A session of the plan: its place (1–4) and its id.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct SessionRef {
    pub number: usize,
    pub id: Uuid,
}

/// Something missing or left out of a session, said in a plain sentence by the catalogue.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "note")]
pub enum SessionNote {
    /// Nothing at all received for this session yet (no observation, no debrief).
    NothingYet,
    /// No observation counts (none received, or none submitted and chosen).
    NoObservation,
    /// One observation counts: no agreement between mediators can be read.
    OneMediator,
    /// This mediator's observation is still a draft: it does not count yet.
    NotSubmitted {
        mediator: Uuid,
    },
    /// This mediator's observation came in `versions` diverging versions and none is chosen.
    VersionsNotChosen {
        mediator: Uuid,
        versions: usize,
    },
    /// An observation of this session (made before observations named their candidate) names
    /// no candidate: with several candidates it cannot be counted for anyone.
    WithoutCandidate {
        mediator: Uuid,
    },
    NoLeaderDebrief,
    NoCandidateDebrief,
}

/// The mediators' levels on one dimension of the grid.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DimensionRating {
    pub dimension: String,
    /// The mean of the levels given; `None` when nobody rated it.
    pub mean: Option<f64>,
    /// One per counted observation, in the order of [`SessionPicture::observations`].
    pub levels: Vec<Option<u8>>,
}

/// One working index of the session: the mean over the observations with a value, and each
/// observation's value.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct WorkingValue {
    pub index: WorkingIndex,
    pub mean: Option<f64>,
    pub values: Vec<Option<f64>>,
}

/// How far the mediators of a session agree.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "snake_case", tag = "agreement")]
pub enum AgreementReading {
    /// Fewer than two observations count.
    NotApplicable,
    Read {
        /// Krippendorff's alpha (interval) over the grid's dimensions.
        ratings: Option<f64>,
        rated_by_two: usize,
        /// Krippendorff's alpha (nominal) on the acts, in 10-second windows.
        acts: Option<f64>,
        windows: usize,
        /// Every alpha below 0.667, with its value.
        low: Vec<(Measure, f64)>,
        notes: Vec<AgreementNote>,
    },
    /// The observations cannot be compared (another scheme or grid, one mediator twice).
    Unavailable(AgreementError),
}

/// One facet as the two sides felt it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FacetDebrief {
    pub facet: String,
    pub leader: Option<f64>,
    pub candidate: Option<f64>,
    /// `|leader − candidate|`, when both scored the facet.
    pub gap: Option<f64>,
    /// `gap ≥ LARGE_GAP_FROM`.
    pub large: bool,
}

/// One session of the picture.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SessionPicture {
    pub session: SessionRef,
    pub observations: Vec<ObservationUsed>,
    /// Every dimension of the grid, in its order.
    pub ratings: Vec<DimensionRating>,
    pub agreement: AgreementReading,
    /// Every working index, in [`WorkingIndex::all`] order.
    pub working: Vec<WorkingValue>,
    /// Every debrief facet, in order.
    pub debriefs: Vec<FacetDebrief>,
    /// The mean gap over the facets both sides scored, and how many they are.
    pub mean_gap: Option<f64>,
    pub facets_compared: usize,
    pub leader_debrief: Option<ResponseUsed>,
    pub candidate_debrief: Option<ResponseUsed>,
    /// Quality flags raised by the debriefs, with the response.
    pub debrief_quality: Vec<(Uuid, crate::domain::instrument::quality::Flag)>,
    pub notes: Vec<SessionNote>,
}

impl SessionPicture {
    pub fn rating(&self, dimension: &str) -> Option<f64> {
        self.ratings
            .iter()
            .find(|r| r.dimension == dimension)
            .and_then(|r| r.mean)
    }

    pub fn working(&self, index: WorkingIndex) -> Option<f64> {
        self.working
            .iter()
            .find(|w| w.index == index)
            .and_then(|w| w.mean)
    }

    pub fn debrief(&self, side: DebriefSide, facet: &str) -> Option<f64> {
        let f = self.debriefs.iter().find(|f| f.facet == facet)?;
        match side {
            DebriefSide::Leader => f.leader,
            DebriefSide::Candidate => f.candidate,
        }
    }
}

/// The value of one working index in one window of session time.
pub fn working_value(w: &WindowIndices, index: WorkingIndex) -> Option<f64> {
    match index {
        WorkingIndex::FloorBalance => {
            let (c, v) = (w.acts.ceo, w.acts.candidate);
            let total = c + v;
            (total > 0).then(|| 1.0 - f64::from(c.abs_diff(v)) / f64::from(total))
        }
        WorkingIndex::Climate => w.positive_negative_dyad.value(),
        WorkingIndex::Rate { tag, actor } => w.rate(tag, actor).per_10_min(),
    }
}

fn mean(values: impl Iterator<Item = f64>) -> Option<f64> {
    let (sum, n) = values.fold((0.0, 0usize), |(s, n), v| (s + v, n + 1));
    (n > 0).then(|| sum / n as f64)
}

/// The session length of a counted observation (`log`: its events, resolved): submitted, so
/// its clock is stopped and the instant asked about does not matter.
fn length_of(o: &Observation, log: &ResolvedLog) -> u64 {
    o.length_ms_given(o.submitted_at.unwrap_or(o.updated_at), log.last_end_ms)
}

/// The debrief `side` answered about this session and candidate, among the current responses.
fn debrief_of<'r>(
    responses: &[&'r Response],
    campaign: &Campaign,
    session: Uuid,
    candidate: Uuid,
    side: DebriefSide,
) -> Option<(&'r Response, ScoreReport)> {
    let (respondent, subject) = match side {
        DebriefSide::Leader => (leader_id(campaign.id), Some(candidate)),
        DebriefSide::Candidate => (candidate, None),
    };
    responses
        .iter()
        .filter(|r| {
            r.session_id == Some(session)
                && r.respondent_id == respondent
                && r.subject_id == subject
        })
        .find_map(|r| {
            let instrument = instrument_of(r).filter(|i| i.form == Form::Debrief(side))?;
            Some((*r, score(instrument, r).ok()?))
        })
}

/// The picture of one planned session for one candidate.
pub(super) fn session_picture(
    campaign: &Campaign,
    fieldwork: &Fieldwork,
    responses: &[&Response],
    bars: &Bars,
    number: usize,
    session: &WorkSession,
    candidate: Uuid,
) -> SessionPicture {
    let (kept, mut notes) = counted(campaign, &fieldwork.observations, session.id, candidate);
    // As the agreement compares them: shifted by their clock offsets.
    let observations: Vec<&Observation> = kept.iter().map(|k| k.observation.as_ref()).collect();
    // Each observation's log resolved against its scheme once, for its length, its indices and
    // (unless shifted) the agreement.
    let logs: Vec<ResolvedLog> = kept
        .iter()
        .map(|k| {
            let o = k.received;
            let scheme = known_scheme(&o.scheme.id, o.scheme.version).unwrap_or(default_scheme());
            ResolvedLog::of(&o.events, scheme)
        })
        .collect();
    // The indices of each observation as received (a shift moves times, not counts, and must
    // not lengthen the session), computed once.
    let lengths: Vec<u64> = kept
        .iter()
        .zip(&logs)
        .map(|(k, log)| length_of(k.received, log))
        .collect();
    let indices: Vec<Vec<Option<f64>>> = logs
        .iter()
        .zip(&lengths)
        .map(|(log, &length)| {
            let ix = compute_resolved(log, length);
            WorkingIndex::all()
                .into_iter()
                .map(|i| working_value(&ix.whole, i))
                .collect()
        })
        .collect();
    let working = WorkingIndex::all()
        .into_iter()
        .enumerate()
        .map(|(k, index)| {
            let values: Vec<Option<f64>> = indices.iter().map(|v| v[k]).collect();
            WorkingValue {
                index,
                mean: mean(values.iter().flatten().copied()),
                values,
            }
        })
        .collect();
    let ratings = bars
        .dimensions
        .iter()
        .map(|d| {
            let levels: Vec<Option<u8>> = observations
                .iter()
                .map(|o| o.rating(&d.id).map(|r| r.level))
                .collect();
            DimensionRating {
                dimension: d.id.clone(),
                mean: mean(levels.iter().flatten().map(|l| f64::from(*l))),
                levels,
            }
        })
        .collect();
    let agreement = if observations.len() < 2 {
        AgreementReading::NotApplicable
    } else {
        let first = observations[0];
        let scheme =
            known_scheme(&first.scheme.id, first.scheme.version).unwrap_or(default_scheme());
        // A shifted observation is resolved again: its events moved (and may be reordered).
        let shifted: Vec<Option<ResolvedLog>> = kept
            .iter()
            .map(|k| {
                matches!(k.observation, Cow::Owned(_))
                    .then(|| ResolvedLog::of(&k.observation.events, scheme))
            })
            .collect();
        let resolved: Vec<&ResolvedLog> = logs
            .iter()
            .zip(&shifted)
            .map(|(log, again)| again.as_ref().unwrap_or(log))
            .collect();
        let params = AgreementParams::default();
        match agreement_resolved(&observations, &resolved, scheme, bars, &params) {
            Ok(a) => {
                let alpha_of = |m: Measure| match m {
                    Measure::Acts => a.acts.value,
                    Measure::Areas => a.areas.value,
                    Measure::RatingsInterval => a.ratings.interval.value,
                    Measure::RatingsOrdinal => a.ratings.ordinal.value,
                    Measure::Tag(t) => a
                        .tags
                        .iter()
                        .find(|x| x.tag == t)
                        .and_then(|x| x.alpha.value),
                };
                AgreementReading::Read {
                    ratings: a.ratings.interval.value,
                    rated_by_two: a.ratings.rated_by_two,
                    acts: a.acts.value,
                    windows: a.windows,
                    low: a
                        .low
                        .iter()
                        .filter_map(|m| Some((*m, alpha_of(*m)?)))
                        .collect(),
                    notes: a.notes,
                }
            }
            Err(e) => AgreementReading::Unavailable(e),
        }
    };

    let leader = debrief_of(
        responses,
        campaign,
        session.id,
        candidate,
        DebriefSide::Leader,
    );
    let own = debrief_of(
        responses,
        campaign,
        session.id,
        candidate,
        DebriefSide::Candidate,
    );
    let pomp = |d: &Option<(&Response, ScoreReport)>, facet: &str| {
        d.as_ref()
            .and_then(|(_, rep)| rep.facet(facet))
            .and_then(|f| f.pomp())
    };
    let debriefs: Vec<FacetDebrief> = debrief_facets()
        .into_iter()
        .map(|facet| {
            let (l, c) = (pomp(&leader, &facet), pomp(&own, &facet));
            let gap = l.zip(c).map(|(l, c)| (l - c).abs());
            FacetDebrief {
                large: gap.is_some_and(|g| g >= LARGE_GAP_FROM),
                facet,
                leader: l,
                candidate: c,
                gap,
            }
        })
        .collect();
    let gaps: Vec<f64> = debriefs.iter().filter_map(|f| f.gap).collect();
    let debrief_quality = [&leader, &own]
        .into_iter()
        .flatten()
        .flat_map(|(r, rep)| rep.quality.raised().into_iter().map(|f| (r.id, f)))
        .collect();

    if observations.is_empty() && leader.is_none() && own.is_none() && notes.is_empty() {
        notes = vec![SessionNote::NothingYet];
    } else {
        match observations.len() {
            0 => notes.push(SessionNote::NoObservation),
            1 => notes.push(SessionNote::OneMediator),
            _ => {}
        }
        if leader.is_none() {
            notes.push(SessionNote::NoLeaderDebrief);
        }
        if own.is_none() {
            notes.push(SessionNote::NoCandidateDebrief);
        }
    }

    SessionPicture {
        session: SessionRef {
            number,
            id: session.id,
        },
        observations: kept
            .iter()
            .zip(lengths)
            .map(|(k, length_ms)| ObservationUsed {
                id: k.received.id,
                mediator_id: k.mediator_id,
                revision: k.received.revision,
                chosen_version: k
                    .chosen
                    .then(|| {
                        campaign
                            .version_choices
                            .iter()
                            .find(|c| c.observation_id == k.received.id)
                            .map(|c| c.version.clone())
                    })
                    .flatten(),
                offset_ms: k.offset_ms,
                submitted_at: k.received.submitted_at,
                length_ms,
            })
            .collect(),
        ratings,
        agreement,
        working,
        debriefs,
        mean_gap: mean(gaps.iter().copied()),
        facets_compared: gaps.len(),
        leader_debrief: leader.as_ref().map(|(r, _)| ResponseUsed::of(r)),
        candidate_debrief: own.as_ref().map(|(r, _)| ResponseUsed::of(r)),
        debrief_quality,
        notes,
    }
}
