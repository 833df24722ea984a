//! Cronbach's alpha: internal consistency of a multi-item scale (e.g. the items of one facet of a
//! questionnaire), with the two item diagnostics a recruiter needs to spot a weak item.
//!
//! Input is a respondents × items matrix: one row per respondent, one column per item, items
//! already reverse-keyed. Formulas and reading guide: `docs/formulas.md`, section "Cronbach's alpha".
//!
//! Source: Cronbach, L. J. (1951). Coefficient alpha and the internal structure of tests.
//! *Psychometrika*, 16(3), 297–334. Checked against `pingouin.cronbach_alpha` (pingouin 0.7.0)
//! and R `psych::alpha` (psych 2.2.9).

use super::error::StatsError;
use super::util::{pearson, sample_variance};

/// Alpha computed after listwise deletion of incomplete respondents.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ListwiseAlpha {
    pub alpha: f64,
    /// Respondents with every item answered, the only ones used.
    pub respondents_used: usize,
    /// Respondents left out because at least one item was missing.
    pub respondents_dropped: usize,
}

/// Checks a complete matrix and returns its columns (items), each of length n.
fn columns<R: AsRef<[f64]>>(rows: &[R]) -> Result<Vec<Vec<f64>>, StatsError> {
    let first = rows.first().ok_or(StatsError::NoData)?;
    let k = first.as_ref().len();
    for (row, r) in rows.iter().enumerate() {
        let r = r.as_ref();
        if r.len() != k {
            return Err(StatsError::Ragged {
                row,
                expected: k,
                got: r.len(),
            });
        }
        if r.iter().any(|x| !x.is_finite()) {
            return Err(StatsError::NonFinite);
        }
    }
    if k < 2 {
        return Err(StatsError::TooFewItems { needed: 2, got: k });
    }
    if rows.len() < 2 {
        return Err(StatsError::TooFewRespondents {
            needed: 2,
            got: rows.len(),
        });
    }
    Ok((0..k)
        .map(|i| rows.iter().map(|r| r.as_ref()[i]).collect())
        .collect())
}

/// Alpha of the items selected by `keep` (a column mask); needs at least 2 kept items.
fn alpha_of(cols: &[Vec<f64>], keep: impl Fn(usize) -> bool) -> Result<f64, StatsError> {
    let kept: Vec<&Vec<f64>> = cols
        .iter()
        .enumerate()
        .filter(|(i, _)| keep(*i))
        .map(|(_, c)| c)
        .collect();
    let k = kept.len();
    if k < 2 {
        return Err(StatsError::TooFewItems { needed: 2, got: k });
    }
    let n = kept[0].len();
    let totals: Vec<f64> = (0..n).map(|r| kept.iter().map(|c| c[r]).sum()).collect();
    let total_var = sample_variance(&totals);
    if total_var == 0.0 {
        return Err(StatsError::NoVariation);
    }
    let item_var: f64 = kept.iter().map(|c| sample_variance(c)).sum();
    let k = k as f64;
    Ok(k / (k - 1.0) * (1.0 - item_var / total_var))
}

/// Cronbach's alpha of a complete respondents × items matrix:
///
/// α = k/(k−1) · (1 − Σᵢ s²ᵢ / s²ₜ), with k items, s²ᵢ the variance of item i and s²ₜ the
/// variance of the respondents' total scores (Cronbach 1951, eq. 2; the divisor of the variances
/// cancels out). α can be negative when items disagree with each other.
///
/// Errors: no rows; ragged rows; a non-finite value; fewer than 2 items or 2 respondents;
/// `NoVariation` when every respondent has the same total.
pub fn cronbach_alpha<R: AsRef<[f64]>>(rows: &[R]) -> Result<f64, StatsError> {
    alpha_of(&columns(rows)?, |_| true)
}

/// The complete rows of a matrix with missing cells (listwise deletion), in their order.
///
/// Errors: no rows; ragged rows; a non-finite value.
pub fn complete_cases<R: AsRef<[Option<f64>]>>(rows: &[R]) -> Result<Vec<Vec<f64>>, StatsError> {
    let first = rows.first().ok_or(StatsError::NoData)?;
    let k = first.as_ref().len();
    let mut complete = Vec::new();
    for (row, r) in rows.iter().enumerate() {
        let r = r.as_ref();
        if r.len() != k {
            return Err(StatsError::Ragged {
                row,
                expected: k,
                got: r.len(),
            });
        }
        if r.iter().flatten().any(|x| !x.is_finite()) {
            return Err(StatsError::NonFinite);
        }
        if let Some(values) = r.iter().copied().collect::<Option<Vec<f64>>>() {
            complete.push(values);
        }
    }
    Ok(complete)
}

/// Cronbach's alpha after listwise deletion: respondents with any missing item are left out
/// (same as `pingouin.cronbach_alpha(nan_policy="listwise")` and R
/// `psych::alpha(use = "complete.obs")`). The result says how many respondents were used.
///
/// Errors: as [`cronbach_alpha`]; `TooFewRespondents` counts only the complete respondents.
pub fn cronbach_alpha_listwise<R: AsRef<[Option<f64>]>>(
    rows: &[R],
) -> Result<ListwiseAlpha, StatsError> {
    let complete = complete_cases(rows)?;
    let used = complete.len();
    let k = rows[0].as_ref().len();
    if k < 2 {
        return Err(StatsError::TooFewItems { needed: 2, got: k });
    }
    if used < 2 {
        return Err(StatsError::TooFewRespondents {
            needed: 2,
            got: used,
        });
    }
    Ok(ListwiseAlpha {
        alpha: cronbach_alpha(&complete)?,
        respondents_used: used,
        respondents_dropped: rows.len() - used,
    })
}

/// "Alpha if item deleted": for each item i, the alpha of the remaining k − 1 items. An item
/// whose deletion *raises* alpha above the full scale's alpha weakens the scale.
///
/// An entry is `None` when the remaining items cannot give an alpha (k = 2 leaves a single item,
/// or the remaining items show no variation). Errors: as [`cronbach_alpha`] for the input matrix.
pub fn alpha_if_item_deleted<R: AsRef<[f64]>>(rows: &[R]) -> Result<Vec<Option<f64>>, StatsError> {
    let cols = columns(rows)?;
    Ok((0..cols.len())
        .map(|i| alpha_of(&cols, |j| j != i).ok())
        .collect())
}

/// Corrected item-total correlation of each item: the Pearson correlation between the item and
/// the sum of the *other* items (the item is left out of the total so it does not correlate with
/// itself; R `psych::alpha` calls it `r.drop`). Low or negative values flag a weak item, or one
/// that was not reverse-keyed.
///
/// An entry is `None` when the item, or the sum of the other items, is constant.
/// Errors: as [`cronbach_alpha`] for the input matrix.
pub fn corrected_item_total_correlations<R: AsRef<[f64]>>(
    rows: &[R],
) -> Result<Vec<Option<f64>>, StatsError> {
    let cols = columns(rows)?;
    let n = cols[0].len();
    Ok((0..cols.len())
        .map(|i| {
            let rest: Vec<f64> = (0..n)
                .map(|r| {
                    cols.iter()
                        .enumerate()
                        .filter(|(j, _)| *j != i)
                        .map(|(_, c)| c[r])
                        .sum()
                })
                .collect();
            pearson(&cols[i], &rest)
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const TOL: f64 = 1e-9;

    fn close(actual: f64, expected: f64) {
        assert!(
            (actual - expected).abs() < TOL,
            "expected {expected}, got {actual}"
        );
    }

    fn close_all(actual: &[Option<f64>], expected: &[f64]) {
        assert_eq!(actual.len(), expected.len());
        for (a, e) in actual.iter().zip(expected) {
            close(a.expect("defined"), *e);
        }
    }

    /// pingouin's bundled dataset `cronbach_alpha` (15 respondents × 10 Likert items, Q1..Q10),
    /// used in the pingouin docstring: `pg.cronbach_alpha(data=data, items="Items",
    /// scores="Scores", subject="Subj")` → 0.5917188485995826.
    fn pingouin_likert() -> Vec<Vec<f64>> {
        [
            [3, 2, 4, 1, 4, 5, 1, 4, 3, 2],
            [5, 4, 6, 3, 5, 1, 2, 5, 5, 5],
            [7, 3, 5, 5, 6, 4, 3, 3, 6, 5],
            [2, 4, 3, 3, 2, 2, 2, 6, 6, 3],
            [6, 5, 6, 5, 4, 4, 4, 6, 7, 5],
            [1, 2, 3, 4, 2, 5, 2, 3, 5, 2],
            [4, 3, 5, 3, 5, 2, 1, 2, 4, 3],
            [2, 4, 4, 3, 7, 2, 2, 4, 6, 5],
            [6, 5, 5, 5, 1, 6, 5, 2, 3, 2],
            [5, 4, 6, 4, 3, 5, 3, 1, 7, 2],
            [4, 3, 5, 2, 5, 3, 2, 3, 4, 1],
            [4, 2, 3, 2, 5, 3, 4, 2, 3, 4],
            [5, 5, 6, 2, 3, 3, 2, 4, 4, 5],
            [6, 5, 5, 4, 2, 2, 1, 4, 6, 5],
            [4, 3, 5, 5, 3, 1, 3, 2, 3, 4],
        ]
        .iter()
        .map(|r| r.iter().map(|&x| f64::from(x)).collect())
        .collect()
    }

    // Vector 1. Source: pingouin 0.7.0 (PyPI) docstring example, dataset `cronbach_alpha`,
    // pivoted wide with columns Q1..Q10. Alpha: `pg.cronbach_alpha(wide)` = 0.5917188485995825;
    // alpha-if-deleted: `pg.cronbach_alpha(wide.drop(columns=[q]))`; r.drop:
    // `np.corrcoef(wide[q], wide.drop(columns=[q]).sum(axis=1))`. All three identical in
    // R psych 2.2.9 `psych::alpha(m)` ($total$raw_alpha, $alpha.drop$raw_alpha, $item.stats$r.drop).
    #[test]
    fn pingouin_likert_dataset() {
        let data = pingouin_likert();
        close(cronbach_alpha(&data).unwrap(), 0.5917188485995825);
        close_all(
            &alpha_if_item_deleted(&data).unwrap(),
            &[
                0.468690324633991,
                0.5072805578342904,
                0.5183498526654164,
                0.531829170024174,
                0.6684890656063617,
                0.6711414790996786,
                0.5685063322572634,
                0.6101190476190477,
                0.5194256756756757,
                0.5225907821229049,
            ],
        );
        close_all(
            &corrected_item_total_correlations(&data).unwrap(),
            &[
                0.5747667919844912,
                0.5678028417673684,
                0.5213910754208803,
                0.41760582412861474,
                -0.10758308249257417,
                -0.15723651965665178,
                0.2610077350423379,
                0.09217320282318567,
                0.44337274599584026,
                0.4336883559648062,
            ],
        );
    }

    // Vector 2. Source: pingouin 0.7.0 (PyPI) docstring example, dataset `cronbach_wide_missing`
    // (12 respondents × 11 binary items, 4 missing cells in 3 respondents):
    // `pg.cronbach_alpha(data=data, nan_policy="listwise")` = 0.8016949152542373 (the docstring
    // says: "In R: psych:alpha(data, use='complete.obs')"; R psych 2.2.9 gives 0.801694915254).
    // Per-item values from pingouin/numpy on the 9 complete rows, identical in R psych 2.2.9.
    #[test]
    fn pingouin_binary_dataset_listwise() {
        let n = None;
        let data: Vec<Vec<Option<f64>>> = [
            [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
            [1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 0],
            [9, 0, 1, 1, 9, 1, 1, 1, 1, 0, 0],
            [1, 1, 1, 0, 1, 1, 0, 1, 1, 0, 0],
            [1, 1, 1, 1, 1, 0, 0, 0, 1, 0, 0],
            [0, 1, 9, 0, 1, 1, 1, 1, 0, 0, 0],
            [1, 1, 1, 1, 0, 0, 1, 0, 0, 0, 0],
            [1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0],
            [0, 1, 0, 1, 1, 0, 0, 0, 0, 1, 0],
            [1, 0, 0, 1, 0, 1, 0, 0, 9, 0, 0],
            [1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0],
            [1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0],
        ]
        .iter()
        // 9 marks a missing answer (NaN in the pingouin dataset).
        .map(|r| {
            r.iter()
                .map(|&x| if x == 9 { n } else { Some(f64::from(x)) })
                .collect()
        })
        .collect();
        let result = cronbach_alpha_listwise(&data).unwrap();
        close(result.alpha, 0.8016949152542373);
        assert_eq!(result.respondents_used, 9);
        assert_eq!(result.respondents_dropped, 3);

        let complete = complete_cases(&data).unwrap();
        close_all(
            &alpha_if_item_deleted(&complete).unwrap(),
            &[
                0.8127208480565371,
                0.7924528301886792,
                0.7892416225749559,
                0.8294753086419753,
                0.7796451914098973,
                0.7475678443420379,
                0.7754137115839244,
                0.7475678443420379,
                0.7877959927140255,
                0.7877959927140255,
                0.7760141093474426,
            ],
        );
        close_all(
            &corrected_item_total_correlations(&complete).unwrap(),
            &[
                0.11888765965555283,
                0.39929182594206825,
                0.42857142857142855,
                0.0,
                0.5185629788417313,
                0.7806708682974502,
                0.5544788620954259,
                0.7806708682974502,
                0.44812907976513594,
                0.44812907976513594,
                0.6141922686399942,
            ],
        );
    }

    // Vector 3: an item that lowers alpha. Constructed data (8 respondents × 4 items on 1–5);
    // item 4 is reverse-keyed and was deliberately NOT recoded. Reference: pingouin 0.7.0
    // `pg.cronbach_alpha(df)` = 0.36213991769547305, alpha without I4 = 0.9332538736591179,
    // r.drop of I4 = -0.6483376254692659; identical in R psych 2.2.9 `psych::alpha(m)`.
    #[test]
    fn unrecoded_reverse_item_lowers_alpha() {
        let data = [
            [4.0, 5.0, 4.0, 2.0],
            [2.0, 2.0, 3.0, 4.0],
            [5.0, 5.0, 5.0, 1.0],
            [3.0, 3.0, 2.0, 3.0],
            [1.0, 2.0, 1.0, 5.0],
            [4.0, 4.0, 5.0, 3.0],
            [3.0, 2.0, 3.0, 2.0],
            [5.0, 4.0, 4.0, 4.0],
        ];
        let alpha = cronbach_alpha(&data).unwrap();
        close(alpha, 0.36213991769547305);
        let deleted = alpha_if_item_deleted(&data).unwrap();
        close_all(
            &deleted,
            &[
                -0.5590909090909099,
                -0.3928571428571428,
                -0.41949152542372903,
                0.9332538736591179,
            ],
        );
        assert!(
            deleted[3].unwrap() > alpha,
            "dropping item 4 must raise alpha"
        );
        close_all(
            &corrected_item_total_correlations(&data).unwrap(),
            &[
                0.7551081844268213,
                0.7109361731353578,
                0.6796341519866761,
                -0.6483376254692659,
            ],
        );
    }

    #[test]
    fn degenerate_inputs_are_errors() {
        let empty: [[f64; 3]; 0] = [];
        assert_eq!(cronbach_alpha(&empty), Err(StatsError::NoData));
        assert_eq!(
            cronbach_alpha(&[[1.0, 2.0, 3.0]]),
            Err(StatsError::TooFewRespondents { needed: 2, got: 1 })
        );
        assert_eq!(
            cronbach_alpha(&[[1.0], [2.0]]),
            Err(StatsError::TooFewItems { needed: 2, got: 1 })
        );
        assert_eq!(
            cronbach_alpha(&[vec![1.0, 2.0], vec![1.0]]),
            Err(StatsError::Ragged {
                row: 1,
                expected: 2,
                got: 1
            })
        );
        assert_eq!(
            cronbach_alpha(&[[1.0, f64::NAN], [2.0, 1.0]]),
            Err(StatsError::NonFinite)
        );
        // Everyone answered the same: 0/0.
        assert_eq!(
            cronbach_alpha(&[[3.0, 3.0], [3.0, 3.0], [3.0, 3.0]]),
            Err(StatsError::NoVariation)
        );
        // Totals equal up to rounding only (0.1 + 0.2 + 0.3 summed in two orders).
        assert_eq!(
            cronbach_alpha(&[[0.1, 0.2, 0.3], [0.3, 0.2, 0.1]]),
            Err(StatsError::NoVariation)
        );
        // Two items: deleting one leaves a single item, so no alpha; correlations still exist.
        let two = [[1.0, 2.0], [2.0, 2.5], [3.0, 2.0]];
        assert_eq!(alpha_if_item_deleted(&two).unwrap(), vec![None, None]);
        // A constant item has no correlation.
        let constant_item = [[1.0, 4.0, 2.0], [2.0, 4.0, 3.0], [3.0, 4.0, 5.0]];
        assert_eq!(
            corrected_item_total_correlations(&constant_item).unwrap()[1],
            None
        );
        // Listwise: only one complete respondent left.
        let sparse = [
            vec![Some(1.0), Some(2.0)],
            vec![None, Some(2.0)],
            vec![Some(3.0), None],
        ];
        assert_eq!(
            cronbach_alpha_listwise(&sparse),
            Err(StatsError::TooFewRespondents { needed: 2, got: 1 })
        );
        let none_complete = [vec![None, Some(2.0)], vec![Some(3.0), None]];
        assert_eq!(
            cronbach_alpha_listwise(&none_complete),
            Err(StatsError::TooFewRespondents { needed: 2, got: 0 })
        );
    }

    #[test]
    fn listwise_on_complete_data_equals_plain_alpha() {
        let data = pingouin_likert();
        let wrapped: Vec<Vec<Option<f64>>> = data
            .iter()
            .map(|r| r.iter().copied().map(Some).collect())
            .collect();
        let result = cronbach_alpha_listwise(&wrapped).unwrap();
        close(result.alpha, cronbach_alpha(&data).unwrap());
        assert_eq!(
            (result.respondents_used, result.respondents_dropped),
            (15, 0)
        );
    }

    fn matrix() -> impl Strategy<Value = Vec<Vec<f64>>> {
        (2usize..6, 3usize..12).prop_flat_map(|(k, n)| {
            prop::collection::vec(prop::collection::vec((1u8..=5).prop_map(f64::from), k), n)
        })
    }

    proptest! {
        #[test]
        fn permuting_respondents_keeps_alpha(
            (data, shuffled) in matrix().prop_flat_map(|d| (Just(d.clone()), Just(d).prop_shuffle()))
        ) {
            match (cronbach_alpha(&data), cronbach_alpha(&shuffled)) {
                (Ok(a), Ok(b)) => prop_assert!((a - b).abs() < 1e-9),
                (a, b) => prop_assert_eq!(a, b),
            }
        }

        #[test]
        fn alpha_is_at_most_one(data in matrix()) {
            if let Ok(a) = cronbach_alpha(&data) {
                prop_assert!(a <= 1.0 + 1e-9);
            }
        }

        #[test]
        fn correlations_are_bounded(data in matrix()) {
            for r in corrected_item_total_correlations(&data).unwrap().into_iter().flatten() {
                prop_assert!((-1.0..=1.0).contains(&r));
            }
        }
    }
}
