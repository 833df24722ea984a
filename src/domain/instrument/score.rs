//! Responses and their scores.
//!
//! - An item's **keyed score** is the answer for a `+` item and `points + 1 − answer` for a `-`
//!   item, so a higher keyed score always means more of the facet.
//! - A **facet** is scored when at least `scoring.min_answered` of its items are answered
//!   (the "80 % rule": `needed = ⌈min_answered × items⌉`); its score is the mean of the keyed
//!   scores of the answered items, also given as POMP `100 × (mean − 1) / (points − 1)`.
//!   Otherwise it is "not scored", with how many were answered and how many were needed.
//! - **Paired poles**: the rule applies to each pole on its own (a pole mean from too few items
//!   says little). Each pole gets a mean and a POMP; **holding** = the lower POMP (a paradox is
//!   held only as well as its weaker side), **lean** = POMP a − POMP b (positive: leans to pole
//!   a). The facet's score is the holding: its mean is the lower pole mean.
//! - The **scale** score is the plain mean of the scored facets' means (every facet weighs the
//!   same, whatever its number of items), with its POMP and how many facets it rests on; there
//!   is none when no facet is scored.

use super::definition::{Instrument, Pole};
use super::quality::{self, QualityReport};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use uuid::Uuid;

/// One answer. `value` is `None` when the respondent skipped the item; `ms` is the time spent
/// on the item, when the app measured it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answer {
    pub item: String,
    #[serde(default)]
    pub value: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ms: Option<u32>,
}

/// A completed (or partly completed) questionnaire, tied to the exact instrument text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Response {
    pub id: Uuid,
    pub campaign_id: Uuid,
    pub respondent_id: Uuid,
    pub instrument_id: String,
    pub instrument_version: String,
    pub instrument_hash: String,
    /// The invitation the answers came through, when there was one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invitation_id: Option<Uuid>,
    /// Whom an observer form (or the leader's session debrief) is about: a candidate; `None`
    /// for a self-assessment or the candidate's own debrief.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject_id: Option<Uuid>,
    /// The work session a debrief is about (since format version 4); `None` otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub session_id: Option<Uuid>,
    pub answers: Vec<Answer>,
    /// The answer to the instrument's optional free-text question (trimmed; since format
    /// version 4).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub open_answer: Option<String>,
    #[serde(with = "crate::domain::timefmt::utc")]
    pub started_at: DateTime<Utc>,
    #[serde(with = "crate::domain::timefmt::utc")]
    pub submitted_at: DateTime<Utc>,
}

impl Response {
    /// An empty response to `instrument`, started and (for now) submitted at `now`.
    pub fn start(
        instrument: &Instrument,
        id: Uuid,
        campaign_id: Uuid,
        respondent_id: Uuid,
        now: DateTime<Utc>,
    ) -> Response {
        Response {
            id,
            campaign_id,
            respondent_id,
            instrument_id: instrument.id.clone(),
            instrument_version: instrument.version.clone(),
            instrument_hash: instrument.hash().to_owned(),
            invitation_id: None,
            subject_id: None,
            session_id: None,
            answers: Vec::new(),
            open_answer: None,
            started_at: now,
            submitted_at: now,
        }
    }

    /// The answer given to `item`, if any.
    pub fn value(&self, item: &str) -> Option<u8> {
        self.answers
            .iter()
            .find(|a| a.item == item)
            .and_then(|a| a.value)
    }
}

/// Why a response cannot be scored against an instrument.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ScoreError {
    #[error("the response is for instrument \"{found}\", not \"{expected}\"")]
    WrongInstrument { expected: String, found: String },
    #[error("the response was given to another text of the instrument ({found}, not {expected})")]
    HashMismatch { expected: String, found: String },
    #[error("an answer is for an unknown item \"{0}\"")]
    UnknownItem(String),
    #[error("item \"{item}\" is answered twice")]
    DuplicateAnswer { item: String },
    #[error("item \"{item}\": {value} is outside 1–{points}")]
    OutOfRange { item: String, value: u8, points: u8 },
    #[error("the free-text answer is longer than the question allows, holds invisible control characters, or answers a question the instrument does not ask")]
    BadOpenAnswer,
}

/// Checks that a response belongs to this exact instrument text and that every answer is for a
/// known item, once, within the scale. Returns the answers by item id.
pub(super) fn validate<'r>(
    instrument: &Instrument,
    response: &'r Response,
) -> Result<HashMap<&'r str, &'r Answer>, ScoreError> {
    if response.instrument_id != instrument.id {
        return Err(ScoreError::WrongInstrument {
            expected: instrument.id.clone(),
            found: response.instrument_id.clone(),
        });
    }
    if response.instrument_hash != instrument.hash() {
        return Err(ScoreError::HashMismatch {
            expected: instrument.hash().to_owned(),
            found: response.instrument_hash.clone(),
        });
    }
    if let Some(text) = &response.open_answer {
        let max = instrument
            .open_question
            .as_ref()
            .map(|q| q.max_chars as usize);
        if max.is_none_or(|max| crate::domain::text::check_text(text, max).is_err()) {
            return Err(ScoreError::BadOpenAnswer);
        }
    }
    let points = instrument.points();
    let mut by_item = HashMap::with_capacity(response.answers.len());
    for a in &response.answers {
        if instrument.item(&a.item).is_none() {
            return Err(ScoreError::UnknownItem(a.item.clone()));
        }
        if let Some(v) = a.value {
            if !(1..=points).contains(&v) {
                return Err(ScoreError::OutOfRange {
                    item: a.item.clone(),
                    value: v,
                    points,
                });
            }
        }
        if by_item.insert(a.item.as_str(), a).is_some() {
            return Err(ScoreError::DuplicateAnswer {
                item: a.item.clone(),
            });
        }
    }
    Ok(by_item)
}

/// Too few answers to score a facet (or one pole of a paradox facet).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Shortfall {
    /// The pole concerned, for a paradox facet.
    pub pole: Option<Pole>,
    pub answered: usize,
    pub items: usize,
    pub needed: usize,
}

/// The two poles of a paradox facet.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PoleScores {
    pub a_mean: f64,
    pub b_mean: f64,
    /// POMP of pole a.
    pub a: f64,
    /// POMP of pole b.
    pub b: f64,
    /// The lower of the two POMP: how well the paradox is held.
    pub holding: f64,
    /// `a − b` in POMP points; positive leans to pole a.
    pub lean: f64,
}

/// A facet's result.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum FacetResult {
    Scored {
        /// Mean keyed score on the 1–points scale (the lower pole mean for a paradox).
        mean: f64,
        /// The same as POMP, 0–100 (the holding for a paradox).
        pomp: f64,
        poles: Option<PoleScores>,
    },
    /// One shortfall per pole (or one for the facet) that broke the minimum-answered rule.
    NotScored { shortfalls: Vec<Shortfall> },
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FacetScore {
    pub facet: String,
    pub answered: usize,
    pub items: usize,
    pub result: FacetResult,
}

impl FacetScore {
    /// The POMP score, when the facet is scored.
    pub fn pomp(&self) -> Option<f64> {
        match &self.result {
            FacetResult::Scored { pomp, .. } => Some(*pomp),
            FacetResult::NotScored { .. } => None,
        }
    }

    /// The mean keyed score, when the facet is scored.
    pub fn mean(&self) -> Option<f64> {
        match &self.result {
            FacetResult::Scored { mean, .. } => Some(*mean),
            FacetResult::NotScored { .. } => None,
        }
    }

    pub fn poles(&self) -> Option<&PoleScores> {
        match &self.result {
            FacetResult::Scored { poles, .. } => poles.as_ref(),
            FacetResult::NotScored { .. } => None,
        }
    }
}

/// The scale score: mean of the scored facets' means.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ScaleScore {
    pub mean: f64,
    pub pomp: f64,
    pub facets_scored: usize,
    pub facets: usize,
}

/// Everything computed from one response.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ScoreReport {
    pub instrument_id: String,
    pub instrument_version: String,
    pub instrument_hash: String,
    pub points: u8,
    /// In the instrument's facet order.
    pub facets: Vec<FacetScore>,
    pub scale: Option<ScaleScore>,
    pub quality: QualityReport,
}

impl ScoreReport {
    pub fn facet(&self, id: &str) -> Option<&FacetScore> {
        self.facets.iter().find(|f| f.facet == id)
    }
}

/// `⌈share × items⌉`, at least 1, tolerant of the rounding of `share × items`.
pub fn needed(share: f64, items: usize) -> usize {
    let raw = (share * items as f64 - 1e-9).ceil();
    (raw.max(1.0) as usize).min(items.max(1))
}

/// Mean of the keyed scores of the answered items among `items`, with the count answered.
fn keyed_mean<'a>(
    instrument: &Instrument,
    items: impl Iterator<Item = &'a super::definition::Item>,
    answers: &HashMap<&str, &Answer>,
) -> (Option<f64>, usize, usize) {
    let (mut sum, mut answered, mut total) = (0u32, 0usize, 0usize);
    for item in items {
        total += 1;
        if let Some(v) = answers.get(item.id.as_str()).and_then(|a| a.value) {
            sum += u32::from(instrument.keyed_score(item, v));
            answered += 1;
        }
    }
    let mean = (answered > 0).then(|| f64::from(sum) / answered as f64);
    (mean, answered, total)
}

/// Scores a response. Refuses a response to another instrument or another text of it (hash),
/// an answer for an unknown item, an item answered twice, or a value outside the scale.
pub fn score(instrument: &Instrument, response: &Response) -> Result<ScoreReport, ScoreError> {
    let answers = validate(instrument, response)?;
    let share = instrument.scoring.min_answered;
    let mut facets = Vec::with_capacity(instrument.facets.len());
    for facet in &instrument.facets {
        let (facet_mean, answered, items) =
            keyed_mean(instrument, instrument.items_of(&facet.id), &answers);
        let result = if instrument.is_paired_poles() {
            let mut shortfalls = Vec::new();
            let mut means = [0.0; 2];
            for (k, pole) in Pole::BOTH.into_iter().enumerate() {
                let (mean, n, m) = keyed_mean(
                    instrument,
                    instrument.items_of_pole(&facet.id, pole),
                    &answers,
                );
                match mean {
                    Some(mean) if n >= needed(share, m) => means[k] = mean,
                    _ => shortfalls.push(Shortfall {
                        pole: Some(pole),
                        answered: n,
                        items: m,
                        needed: needed(share, m),
                    }),
                }
            }
            if shortfalls.is_empty() {
                let (a, b) = (instrument.pomp(means[0]), instrument.pomp(means[1]));
                let holding = a.min(b);
                FacetResult::Scored {
                    mean: means[0].min(means[1]),
                    pomp: holding,
                    poles: Some(PoleScores {
                        a_mean: means[0],
                        b_mean: means[1],
                        a,
                        b,
                        holding,
                        lean: a - b,
                    }),
                }
            } else {
                FacetResult::NotScored { shortfalls }
            }
        } else {
            match facet_mean {
                Some(mean) if answered >= needed(share, items) => FacetResult::Scored {
                    mean,
                    pomp: instrument.pomp(mean),
                    poles: None,
                },
                _ => FacetResult::NotScored {
                    shortfalls: vec![Shortfall {
                        pole: None,
                        answered,
                        items,
                        needed: needed(share, items),
                    }],
                },
            }
        };
        facets.push(FacetScore {
            facet: facet.id.clone(),
            answered,
            items,
            result,
        });
    }
    let means: Vec<f64> = facets.iter().filter_map(FacetScore::mean).collect();
    let scale = (!means.is_empty()).then(|| {
        let mean = means.iter().sum::<f64>() / means.len() as f64;
        ScaleScore {
            mean,
            pomp: instrument.pomp(mean),
            facets_scored: means.len(),
            facets: facets.len(),
        }
    });
    Ok(ScoreReport {
        instrument_id: instrument.id.clone(),
        instrument_version: instrument.version.clone(),
        instrument_hash: instrument.hash().to_owned(),
        points: instrument.points(),
        facets,
        scale,
        quality: quality::check_answers(instrument, response, &answers),
    })
}

/// Respondents × items of one facet (items in page order), holding keyed scores, for
/// reliability (Cronbach's alpha) in the statistics module. One row per response, in the
/// order given, so rows stay aligned with `responses`; a skipped item is `None`, and a
/// response that [`score`] would refuse (another instrument or text, a bad answer) gives a
/// row of `None`. An unknown facet gives rows with no columns.
pub fn item_matrix(
    instrument: &Instrument,
    responses: &[Response],
    facet: &str,
) -> Vec<Vec<Option<f64>>> {
    matrix(instrument, responses, instrument.items_of(facet).collect())
}

/// Like [`item_matrix`], restricted to one pole of a paradox facet (a pole is the natural unit
/// of reliability there: the two poles are not meant to move together).
pub fn pole_item_matrix(
    instrument: &Instrument,
    responses: &[Response],
    facet: &str,
    pole: Pole,
) -> Vec<Vec<Option<f64>>> {
    matrix(
        instrument,
        responses,
        instrument.items_of_pole(facet, pole).collect(),
    )
}

fn matrix(
    instrument: &Instrument,
    responses: &[Response],
    items: Vec<&super::definition::Item>,
) -> Vec<Vec<Option<f64>>> {
    responses
        .iter()
        .map(|r| match validate(instrument, r) {
            Ok(answers) => items
                .iter()
                .map(|item| {
                    answers
                        .get(item.id.as_str())
                        .and_then(|a| a.value)
                        .map(|v| f64::from(instrument.keyed_score(item, v)))
                })
                .collect(),
            Err(_) => vec![None; items.len()],
        })
        .collect()
}

/// Test support: a response with `id`, in `campaign`, by `respondent` (about `subject`), to the
/// built-in instrument `instrument`: every item in page order answered with `value(item)`
/// (`None`: skipped) in `ms` milliseconds; started and submitted at the campaign tests' origin
/// (2025-11-24 16:00:00 UTC).
#[cfg(test)]
pub(crate) fn filled(
    instrument: &str,
    id: Uuid,
    campaign: Uuid,
    respondent: Uuid,
    subject: Option<Uuid>,
    ms: u32,
    value: impl Fn(&Instrument, &super::Item) -> Option<u8>,
) -> Response {
    let i = super::builtin::builtin_by_id(instrument).expect("a built-in instrument");
    let at = DateTime::from_timestamp(1_764_000_000, 0).expect("a valid instant");
    let mut r = Response::start(i, id, campaign, respondent, at);
    r.subject_id = subject;
    r.answers = i
        .items
        .iter()
        .map(|it| Answer {
            item: it.id.clone(),
            value: value(i, it),
            ms: Some(ms),
        })
        .collect();
    r
}
