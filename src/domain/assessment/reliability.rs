//! Internal consistency of each facet across the campaign's respondents (Cronbach's alpha,
//! listwise), with the caution the recruiter needs: below [`STABLE_FROM`] respondents the
//! figure is shown but marked unstable.

use crate::domain::instrument::definition::Instrument;
use crate::domain::instrument::definition::Pole;
use crate::domain::instrument::score::{item_matrix, pole_item_matrix, Response};
use crate::domain::stats::{cronbach_alpha_listwise, StatsError};
use serde::Serialize;

/// Fewer respondents than this make alpha unstable.
pub const STABLE_FROM: usize = 5;

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FacetReliability {
    pub facet: String,
    /// `None` when alpha cannot be computed (too few complete answers, no variation). For a
    /// paradox facet, the lower of the two poles' alphas.
    pub alpha: Option<f64>,
    /// For a paradox facet, each pole's alpha (a, b): the two poles are not meant to move
    /// together, so alpha over both would mislead; each pole is its own scale.
    pub poles: Option<(Option<f64>, Option<f64>)>,
    pub respondents_used: usize,
    pub unstable: bool,
}

/// Alpha of one item matrix, with the number of respondents it rests on.
fn alpha_of(matrix: &[Vec<Option<f64>>]) -> (Option<f64>, usize) {
    match cronbach_alpha_listwise(matrix) {
        Ok(r) => (Some(r.alpha), r.respondents_used),
        Err(StatsError::TooFewRespondents { got, .. }) => (None, got),
        Err(_) => (None, 0),
    }
}

/// Cronbach's alpha of every facet of `instrument` over `responses` (per pole for paradoxes).
pub fn facet_reliability(instrument: &Instrument, responses: &[Response]) -> Vec<FacetReliability> {
    instrument
        .facets
        .iter()
        .map(|f| {
            let (alpha, poles, used) = if f.poles.is_some() {
                let (a, used_a) =
                    alpha_of(&pole_item_matrix(instrument, responses, &f.id, Pole::A));
                let (b, used_b) =
                    alpha_of(&pole_item_matrix(instrument, responses, &f.id, Pole::B));
                let lower = match (a, b) {
                    (Some(a), Some(b)) => Some(a.min(b)),
                    _ => None,
                };
                (lower, Some((a, b)), used_a.min(used_b))
            } else {
                let (alpha, used) = alpha_of(&item_matrix(instrument, responses, &f.id));
                (alpha, None, used)
            };
            FacetReliability {
                facet: f.id.clone(),
                alpha,
                poles,
                respondents_used: used,
                unstable: used < STABLE_FROM,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::instrument::builtin::builtin_by_id;
    use crate::domain::instrument::definition::{Item, Keyed};
    use crate::domain::instrument::score::Answer;
    use chrono::DateTime;
    use uuid::Uuid;

    /// Six respondents at levels 2, 3, 4, 5, 1, 2; `keyed(item, level)` is the keyed score
    /// each gives an item, turned into the raw answer (reverse keys flipped).
    fn six_respondents(inst: &Instrument, keyed: impl Fn(&Item, u8) -> u8) -> Vec<Response> {
        let t = DateTime::from_timestamp(1_767_000_000, 0).unwrap();
        (1..=6u8)
            .map(|n| {
                let level = 1 + (n % 5);
                let mut r = Response::start(
                    inst,
                    Uuid::from_u128(n as u128),
                    Uuid::from_u128(99),
                    Uuid::from_u128(200 + n as u128),
                    t,
                );
                r.answers = inst
                    .items
                    .iter()
                    .map(|it| {
                        let k = keyed(it, level);
                        let v = if it.keyed == Keyed::Minus {
                            inst.points() + 1 - k
                        } else {
                            k
                        };
                        Answer {
                            item: it.id.clone(),
                            value: Some(v),
                            ms: Some(3000),
                        }
                    })
                    .collect();
                r
            })
            .collect()
    }

    #[test]
    fn consistent_answers_give_a_high_alpha_and_few_respondents_are_unstable() {
        let inst = builtin_by_id("interpersonal-intelligence").unwrap();
        // Each respondent answers every item at their own level, so every facet's items agree
        // perfectly.
        let responses = six_respondents(inst, |_, level| level);
        let rel = facet_reliability(inst, &responses);
        assert_eq!(rel.len(), inst.facets.len());
        for f in &rel {
            assert!((f.alpha.unwrap() - 1.0).abs() < 1e-9, "{f:?}");
            assert_eq!(f.respondents_used, 6);
            assert!(!f.unstable);
        }
        let few = facet_reliability(inst, &responses[..3]);
        assert!(few.iter().all(|f| f.unstable));
        assert!(rel.iter().all(|f| f.poles.is_none()));
    }

    #[test]
    fn paradox_facets_get_one_alpha_per_pole() {
        let inst = builtin_by_id("intelligence-of-paradoxes").unwrap();
        // Pole a follows the respondent's level; pole b goes the other way. Each pole is
        // perfectly consistent on its own, though the two poles are opposed: alpha over the
        // whole facet would be low, per pole it is 1.
        let responses = six_respondents(inst, |it, level| {
            if it.pole == Some(Pole::A) {
                level
            } else {
                inst.points() + 1 - level
            }
        });
        for f in facet_reliability(inst, &responses) {
            let (a, b) = f.poles.unwrap();
            assert!(
                (a.unwrap() - 1.0).abs() < 1e-9 && (b.unwrap() - 1.0).abs() < 1e-9,
                "{f:?}"
            );
            assert_eq!(f.alpha, Some(a.unwrap().min(b.unwrap())));
            assert_eq!(f.respondents_used, 6);
        }
    }
}
