//! Quality checks on one response: signs that the answers may not reflect what the respondent
//! thinks. Each check says whether its flag is raised and explains itself in a plain sentence,
//! in French and English. A raised flag is a reason to interpret with care and to talk with the
//! respondent, never a verdict.
//!
//! - **Straight-lining**: the longest run of identical answers in page order (the instrument's
//!   item order), counting answered items only: a skipped item neither extends nor breaks the
//!   run. Raised when the run reaches `quality.straight_lining.min_run`.
//! - **Too fast**: the mean time per answered item, over the items whose time was measured.
//!   Raised when it is below `quality.min_ms_per_item`. Not checked when no time was recorded
//!   (answers typed in from paper, for instance).
//! - **Inconsistent pairs**: each declared pair whose two items are both answered is checked;
//!   it is inconsistent when, after reverse-keying, the two scores differ by at least
//!   `points − 2`. Raised when more than `quality.max_inconsistent_pairs` pairs are
//!   inconsistent.

use super::definition::Instrument;
use super::score::{validate, Answer, Response, ScoreError};
use serde::Serialize;
use std::collections::HashMap;

/// The three checks, by name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Flag {
    StraightLining,
    TooFast,
    InconsistentPairs,
}

/// Longest run of identical answers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct StraightLining {
    pub longest_run: usize,
    /// The answer repeated in the longest run.
    pub value: Option<u8>,
    /// The first item of the longest run.
    pub from_item: Option<String>,
    pub min_run: usize,
    pub raised: bool,
}

/// Mean time per answered item.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TooFast {
    /// `None` when no answer carries a time.
    pub mean_ms: Option<f64>,
    /// How many answered items carry a time.
    pub timed: usize,
    pub min_ms: u32,
    pub raised: bool,
}

/// Pairs of opposite-keyed items that contradict each other.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct InconsistentPairs {
    /// The inconsistent pairs, as declared.
    pub inconsistent: Vec<[String; 2]>,
    /// How many declared pairs had both items answered.
    pub checked: usize,
    pub max: usize,
    pub raised: bool,
}

/// The three checks of one response.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct QualityReport {
    pub straight_lining: StraightLining,
    pub too_fast: TooFast,
    pub inconsistent_pairs: InconsistentPairs,
}

impl QualityReport {
    /// The raised flags, in a fixed order.
    pub fn raised(&self) -> Vec<Flag> {
        let mut out = Vec::new();
        if self.straight_lining.raised {
            out.push(Flag::StraightLining);
        }
        if self.too_fast.raised {
            out.push(Flag::TooFast);
        }
        if self.inconsistent_pairs.raised {
            out.push(Flag::InconsistentPairs);
        }
        out
    }
}

/// The quality checks of a response, refusing it as [`super::score()`] does.
pub fn check(instrument: &Instrument, response: &Response) -> Result<QualityReport, ScoreError> {
    let answers = validate(instrument, response)?;
    Ok(check_answers(instrument, response, &answers))
}

pub(super) fn check_answers(
    instrument: &Instrument,
    response: &Response,
    answers: &HashMap<&str, &Answer>,
) -> QualityReport {
    let q = &instrument.quality;

    // Straight-lining, in page order, over answered items.
    let min_run = q.straight_lining.min_run as usize;
    let (mut best, mut best_value, mut best_from) = (0usize, None, None);
    let (mut run, mut run_value, mut run_from) = (0usize, None, None);
    for item in &instrument.items {
        let Some(v) = answers.get(item.id.as_str()).and_then(|a| a.value) else {
            continue;
        };
        if Some(v) == run_value {
            run += 1;
        } else {
            (run, run_value, run_from) = (1, Some(v), Some(item.id.as_str()));
        }
        if run > best {
            (best, best_value, best_from) = (run, run_value, run_from);
        }
    }
    let straight_lining = StraightLining {
        longest_run: best,
        value: best_value,
        from_item: best_from.map(str::to_owned),
        min_run,
        raised: best >= min_run,
    };

    // Pace, over answered items with a measured time.
    let times: Vec<u32> = response
        .answers
        .iter()
        .filter(|a| a.value.is_some())
        .filter_map(|a| a.ms)
        .collect();
    let mean_ms = (!times.is_empty())
        .then(|| times.iter().map(|t| f64::from(*t)).sum::<f64>() / times.len() as f64);
    let too_fast = TooFast {
        mean_ms,
        timed: times.len(),
        min_ms: q.min_ms_per_item,
        raised: mean_ms.is_some_and(|m| m < f64::from(q.min_ms_per_item)),
    };

    // Inconsistent pairs.
    let gap = instrument.points().saturating_sub(2);
    let mut inconsistent = Vec::new();
    let mut checked = 0;
    for pair in &q.inconsistent_pairs {
        let keyed = |id: &str| {
            let item = instrument.item(id)?;
            let v = answers.get(id).and_then(|a| a.value)?;
            Some(instrument.keyed_score(item, v))
        };
        if let (Some(x), Some(y)) = (keyed(&pair[0]), keyed(&pair[1])) {
            checked += 1;
            if x.abs_diff(y) >= gap {
                inconsistent.push(pair.clone());
            }
        }
    }
    let max = q.max_inconsistent_pairs as usize;
    let raised = inconsistent.len() > max;
    QualityReport {
        straight_lining,
        too_fast,
        inconsistent_pairs: InconsistentPairs {
            inconsistent,
            checked,
            max,
            raised,
        },
    }
}
