//! Candidates side by side: 2 to 4 candidates of one campaign on the same parts, one column
//! each, with the same readings as their pictures, sortable by any part (by the part's mean
//! over the sessions; candidates without a value last, whichever the direction; ties by name,
//! then id).

use super::{picture, Part, PartSeries, Picture};
use crate::domain::campaign::Campaign;
use crate::domain::fieldwork::Fieldwork;
use crate::domain::observation::rating::default_bars;
use crate::domain::sorting;
use serde::Serialize;
use std::cmp::Ordering;
use uuid::Uuid;

/// The fewest candidates a comparison shows.
pub const MIN_COMPARED: usize = 2;
/// The most candidates a comparison shows (columns that still fit a printed page).
pub const MAX_COMPARED: usize = 4;

/// Why candidates cannot be compared.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CompareError {
    #[error("choose at least {min} candidates to compare (got {got})")]
    TooFew { min: usize, got: usize },
    #[error("choose at most {max} candidates to compare (got {got})")]
    TooMany { max: usize, got: usize },
    #[error("a candidate is not in this campaign")]
    UnknownCandidate(Uuid),
    #[error("a candidate is chosen twice")]
    Repeated(Uuid),
}

/// One candidate's column.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Column {
    pub candidate: Uuid,
    /// The candidate's name as the campaign has it.
    pub name: String,
    pub picture: Picture,
}

/// What the columns are sorted by.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case", tag = "by", content = "part")]
pub enum SortKey {
    /// The candidate's name (case-insensitive, then exact).
    Name,
    /// A part's mean over the sessions.
    Part(Part),
}

/// Candidates side by side.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Comparison {
    pub campaign_id: Uuid,
    /// The rows: every part, in the pictures' order.
    pub parts: Vec<Part>,
    /// Planned sessions (the width of each part's series).
    pub sessions: usize,
    pub columns: Vec<Column>,
}

fn by_name(a: &str, b: &str) -> Ordering {
    a.to_lowercase()
        .cmp(&b.to_lowercase())
        .then_with(|| a.cmp(b))
}

impl Comparison {
    /// The series of `part` in column `column`.
    pub fn cell(&self, column: usize, part: &Part) -> Option<&PartSeries> {
        self.columns.get(column)?.picture.series(part)
    }

    /// The same comparison with its columns sorted by `key`; `descending` puts the highest
    /// mean (or the name last in the alphabet) first. Candidates without a value for the part
    /// come last in both directions.
    pub fn sorted_by(mut self, key: &SortKey, descending: bool) -> Comparison {
        let names = |a: &Column, b: &Column| {
            by_name(&a.name, &b.name).then_with(|| a.candidate.cmp(&b.candidate))
        };
        match key {
            SortKey::Name => sorting::sort_by(&mut self.columns, |a, b| {
                let o = names(a, b);
                if descending {
                    o.reverse()
                } else {
                    o
                }
            }),
            SortKey::Part(part) => {
                let mean = |c: &Column| c.picture.series(part).and_then(|s| s.mean);
                sorting::sort_by(&mut self.columns, |a, b| match (mean(a), mean(b)) {
                    (Some(x), Some(y)) => {
                        let o = x.total_cmp(&y);
                        if descending { o.reverse() } else { o }.then_with(|| names(a, b))
                    }
                    (Some(_), None) => Ordering::Less,
                    (None, Some(_)) => Ordering::Greater,
                    (None, None) => names(a, b),
                });
            }
        }
        self
    }
}

/// The candidates `candidates` of `campaign` side by side, in the order given.
pub fn compare(
    campaign: &Campaign,
    fieldwork: &Fieldwork,
    candidates: &[Uuid],
) -> Result<Comparison, CompareError> {
    if candidates.len() < MIN_COMPARED {
        return Err(CompareError::TooFew {
            min: MIN_COMPARED,
            got: candidates.len(),
        });
    }
    if candidates.len() > MAX_COMPARED {
        return Err(CompareError::TooMany {
            max: MAX_COMPARED,
            got: candidates.len(),
        });
    }
    let mut columns = Vec::with_capacity(candidates.len());
    for (k, &id) in candidates.iter().enumerate() {
        if candidates[..k].contains(&id) {
            return Err(CompareError::Repeated(id));
        }
        let person = campaign
            .candidates
            .iter()
            .find(|c| c.id == id)
            .ok_or(CompareError::UnknownCandidate(id))?;
        let picture = picture(campaign, fieldwork, id).ok_or(CompareError::UnknownCandidate(id))?;
        columns.push(Column {
            candidate: id,
            name: person.name.clone(),
            picture,
        });
    }
    Ok(Comparison {
        campaign_id: campaign.id,
        parts: super::parts(default_bars()),
        sessions: campaign.sessions.len(),
        columns,
    })
}
