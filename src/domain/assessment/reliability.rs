//! Internal consistency of each facet across the campaign's respondents (Cronbach's alpha,
//! listwise), with the caution the recruiter needs: below [`STABLE_FROM`] respondents the
//! figure is shown but marked unstable.

use crate::domain::instrument::definition::Instrument;
use crate::domain::instrument::score::{item_matrix, Response};
use crate::domain::stats::{cronbach_alpha_listwise, StatsError};
use serde::Serialize;

/// Fewer respondents than this make alpha unstable.
pub const STABLE_FROM: usize = 5;

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FacetReliability {
    pub facet: String,
    /// `None` when alpha cannot be computed (too few complete answers, no variation).
    pub alpha: Option<f64>,
    pub respondents_used: usize,
    pub unstable: bool,
}

/// Cronbach's alpha of every facet of `instrument` over `responses`.
pub fn facet_reliability(instrument: &Instrument, responses: &[Response]) -> Vec<FacetReliability> {
    instrument
        .facets
        .iter()
        .map(|f| {
            let matrix = item_matrix(instrument, responses, &f.id);
            let (alpha, used) = match cronbach_alpha_listwise(&matrix) {
                Ok(r) => (Some(r.alpha), r.respondents_used),
                Err(StatsError::TooFewRespondents { got, .. }) => (None, got),
                Err(_) => (None, 0),
            };
            FacetReliability {
                facet: f.id.clone(),
                alpha,
                respondents_used: used,
                unstable: used < STABLE_FROM,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::instrument::builtin::builtin;
    use crate::domain::instrument::score::Answer;
    use chrono::DateTime;
    use uuid::Uuid;

    #[test]
    fn consistent_answers_give_a_high_alpha_and_few_respondents_are_unstable() {
        let inst = builtin()
            .iter()
            .find(|i| i.id == "interpersonal-intelligence")
            .unwrap();
        let t = DateTime::from_timestamp(1_767_000_000, 0).unwrap();
        // Six respondents, each answering every item at their own level (keyed answers
        // constant per respondent), so every facet's items agree perfectly.
        let responses: Vec<Response> = (1..=6u8)
            .map(|level| {
                let lvl = 1 + (level % 5);
                let mut r = Response::start(
                    inst,
                    Uuid::from_u128(level as u128),
                    Uuid::from_u128(99),
                    Uuid::from_u128(200 + level as u128),
                    t,
                );
                r.answers = inst
                    .items
                    .iter()
                    .map(|it| {
                        let v = if it.keyed == crate::domain::instrument::definition::Keyed::Minus {
                            inst.points() + 1 - lvl
                        } else {
                            lvl
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
            .collect();
        let rel = facet_reliability(inst, &responses);
        assert_eq!(rel.len(), inst.facets.len());
        for f in &rel {
            assert!((f.alpha.unwrap() - 1.0).abs() < 1e-9, "{f:?}");
            assert_eq!(f.respondents_used, 6);
            assert!(!f.unstable);
        }
        let few = facet_reliability(inst, &responses[..3]);
        assert!(few.iter().all(|f| f.unstable));
    }
}
