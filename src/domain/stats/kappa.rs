//! Cohen's kappa: chance-corrected agreement between two raters who each put the same subjects
//! into categories; weighted kappa (linear or quadratic) for ordered categories such as ratings
//! 1–5, where a one-point disagreement is not as bad as a four-point one.
//!
//! Formulas and reading guide: `docs/formulas.md`, section "Cohen's kappa".
//!
//! Sources: Cohen, J. (1960), A coefficient of agreement for nominal scales, *Educational and
//! Psychological Measurement* 20(1), 37–46; Cohen, J. (1968), Weighted kappa, *Psychological
//! Bulletin* 70(4), 213–220. Checked against `sklearn.metrics.cohen_kappa_score`
//! (scikit-learn 1.9.1).

use super::error::StatsError;
use crate::domain::sorting;

/// How much partial credit a disagreement between categories i and j (positions on the scale,
/// 0-based, k categories) earns. Agreement weights w_ij, with w_ii = 1:
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum KappaWeights {
    /// Cohen (1960): w_ij = 1 if i = j, else 0. For nominal categories.
    Unweighted,
    /// w_ij = 1 − |i − j| / (k − 1) (Cicchetti & Allison 1971).
    Linear,
    /// w_ij = 1 − (i − j)² / (k − 1)² (Fleiss & Cohen 1973; close to an intraclass correlation).
    Quadratic,
}

/// Kappa with the agreements it is made of.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Kappa {
    /// κ = (p_o − p_e) / (1 − p_e): 1 perfect agreement, 0 chance level, < 0 worse than chance.
    pub kappa: f64,
    /// p_o = Σ w_ij p_ij, the (weighted) share of agreement observed, in [0, 1].
    pub observed_agreement: f64,
    /// p_e = Σ w_ij p_i· p_·j, the (weighted) agreement expected from the raters' margins alone.
    pub expected_agreement: f64,
    /// Number of subjects rated by both raters.
    pub subjects: usize,
    /// Number of categories k the weights were computed over.
    pub categories: usize,
}

/// Kappa over the categories observed in either rater (sorted by `Ord`), like
/// `sklearn.metrics.cohen_kappa_score(a, b, weights=…)` without `labels`. A category used by
/// only one rater is counted (its row or column of the agreement table is simply empty).
///
/// For weighted kappa on a rating scale prefer [`cohen_kappa_on_scale`]: here a scale point that
/// *neither* rater used is missing from the list, so the distance between its neighbours shrinks
/// (on 1–5 without any 3, ratings 2 and 4 would count as adjacent).
///
/// Errors: as [`cohen_kappa_on_scale`].
pub fn cohen_kappa<T: Ord>(a: &[T], b: &[T], weights: KappaWeights) -> Result<Kappa, StatsError> {
    let mut scale: Vec<&T> = a.iter().chain(b).collect();
    sorting::sort(&mut scale);
    scale.dedup();
    let a: Vec<&T> = a.iter().collect();
    let b: Vec<&T> = b.iter().collect();
    cohen_kappa_on_scale(&a, &b, &scale, weights)
}

/// Kappa for two raters' ratings `a[s]`, `b[s]` of subject s, over a declared `scale` (sorted
/// and deduplicated here; its order is the order of the categories for the weights):
///
/// p_ij = share of subjects rated i by `a` and j by `b`; p_i· and p_·j its margins;
/// p_o = Σ w_ij p_ij; p_e = Σ w_ij p_i· p_·j; κ = (p_o − p_e) / (1 − p_e)
/// (Cohen 1968; with [`KappaWeights::Unweighted`] this is Cohen 1960). Equal to
/// `sklearn.metrics.cohen_kappa_score(a, b, labels=scale, weights=…)`.
///
/// Errors: `NoData` without subjects; `LengthMismatch`; `OffScale` for a rating not on the scale
/// (the index is the subject's position); `NoVariation` when p_e = 1 (both raters used one and
/// the same category for everyone, or the scale has a single category), where κ is 0/0.
pub fn cohen_kappa_on_scale<T: Ord>(
    a: &[T],
    b: &[T],
    scale: &[T],
    weights: KappaWeights,
) -> Result<Kappa, StatsError> {
    if a.len() != b.len() {
        return Err(StatsError::LengthMismatch {
            left: a.len(),
            right: b.len(),
        });
    }
    if a.is_empty() {
        return Err(StatsError::NoData);
    }
    let mut scale: Vec<&T> = scale.iter().collect();
    sorting::sort(&mut scale);
    scale.dedup();
    let k = scale.len();
    let position = |x: &T| scale.binary_search(&x).ok();
    let n = a.len();
    let mut table = vec![0.0; k * k];
    for (s, (x, y)) in a.iter().zip(b).enumerate() {
        let (i, j) = match (position(x), position(y)) {
            (Some(i), Some(j)) => (i, j),
            _ => return Err(StatsError::OffScale { index: s }),
        };
        table[i * k + j] += 1.0;
    }
    if k < 2 {
        return Err(StatsError::NoVariation);
    }
    let total = n as f64;
    table.iter_mut().for_each(|p| *p /= total);
    let row: Vec<f64> = (0..k)
        .map(|i| table[i * k..(i + 1) * k].iter().sum())
        .collect();
    let col: Vec<f64> = (0..k)
        .map(|j| (0..k).map(|i| table[i * k + j]).sum())
        .collect();
    let span = (k - 1) as f64;
    let weight = |i: usize, j: usize| {
        let d = i.abs_diff(j) as f64;
        match weights {
            KappaWeights::Unweighted => f64::from(u8::from(i == j)),
            KappaWeights::Linear => 1.0 - d / span,
            KappaWeights::Quadratic => 1.0 - (d * d) / (span * span),
        }
    };
    let (mut observed, mut expected) = (0.0, 0.0);
    for i in 0..k {
        for j in 0..k {
            let w = weight(i, j);
            observed += w * table[i * k + j];
            expected += w * row[i] * col[j];
        }
    }
    if 1.0 - expected <= 1e-12 {
        return Err(StatsError::NoVariation);
    }
    Ok(Kappa {
        kappa: (observed - expected) / (1.0 - expected),
        observed_agreement: observed,
        expected_agreement: expected,
        subjects: n,
        categories: k,
    })
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

    /// Expands a 2 × 2 agreement table (rows rater A, columns rater B) into two rating lists.
    fn from_table(
        table: [[usize; 2]; 2],
        labels: [&'static str; 2],
    ) -> (Vec<&'static str>, Vec<&'static str>) {
        let (mut a, mut b) = (Vec::new(), Vec::new());
        for (i, row) in table.iter().enumerate() {
            for (j, &count) in row.iter().enumerate() {
                a.extend(std::iter::repeat_n(labels[i], count));
                b.extend(std::iter::repeat_n(labels[j], count));
            }
        }
        (a, b)
    }

    // 2 × 2 textbook table: the worked example of the Wikipedia article "Cohen's kappa"
    // (50 grant proposals; both Yes 20, A Yes/B No 5, A No/B Yes 10, both No 15):
    // p_o = 0.7, p_e = 0.5, κ = 0.4. sklearn 1.9.1 `cohen_kappa_score(a, b)` → 0.4.
    #[test]
    fn two_by_two_textbook_table() {
        let (a, b) = from_table([[20, 5], [10, 15]], ["Yes", "No"]);
        let k = cohen_kappa(&a, &b, KappaWeights::Unweighted).unwrap();
        close(k.observed_agreement, 0.7);
        close(k.expected_agreement, 0.5);
        close(k.kappa, 0.4);
        assert_eq!((k.subjects, k.categories), (50, 2));
    }

    // Ratings 1–5 by two raters on 20 subjects; rater B never uses 5 (a category absent from one
    // rater). Reference: scikit-learn 1.9.1,
    // `cohen_kappa_score(A, B, weights=None | 'linear' | 'quadratic')` → 0.4838709677419355,
    // 0.6992481203007519, 0.8579040852575488; p_o / p_e from the same confusion matrix
    // (`sklearn.metrics.confusion_matrix`) with the weights above: 0.6 / 0.225, 0.9 / 0.6675,
    // 0.975 / 0.8240625.
    const A5: [u8; 20] = [1, 2, 3, 4, 5, 3, 2, 4, 5, 1, 3, 3, 4, 2, 5, 4, 1, 2, 3, 4];
    const B5: [u8; 20] = [1, 2, 3, 3, 4, 3, 1, 4, 4, 2, 3, 2, 4, 2, 4, 4, 1, 3, 3, 4];

    #[test]
    fn five_point_ratings_unweighted_linear_quadratic() {
        for (weights, kappa, po, pe) in [
            (KappaWeights::Unweighted, 0.4838709677419355, 0.6, 0.225),
            (KappaWeights::Linear, 0.6992481203007519, 0.9, 0.6675),
            (
                KappaWeights::Quadratic,
                0.8579040852575488,
                0.975,
                0.8240625,
            ),
        ] {
            for k in [
                cohen_kappa(&A5, &B5, weights).unwrap(),
                cohen_kappa_on_scale(&A5, &B5, &[1, 2, 3, 4, 5], weights).unwrap(),
            ] {
                close(k.kappa, kappa);
                close(k.observed_agreement, po);
                close(k.expected_agreement, pe);
                assert_eq!(k.categories, 5);
            }
        }
    }

    // Scale 1–5 where neither rater used 3. With the declared scale, scikit-learn 1.9.1
    // `cohen_kappa_score(C, D, weights=w, labels=[1, 2, 3, 4, 5])` → unweighted
    // 0.5555555555555556, linear 0.7560975609756098, quadratic 0.8771929824561404; without
    // `labels` (observed categories only): 0.5555555555555556, 0.7241379310344828,
    // 0.8571428571428572.
    #[test]
    fn scale_point_used_by_nobody() {
        let c = [1, 2, 4, 5, 5, 4, 2, 1, 4, 5, 2, 4];
        let d = [1, 2, 4, 4, 5, 5, 1, 1, 4, 5, 2, 2];
        let scale = [1, 2, 3, 4, 5];
        for (weights, on_scale, observed_only) in [
            (
                KappaWeights::Unweighted,
                0.5555555555555556,
                0.5555555555555556,
            ),
            (KappaWeights::Linear, 0.7560975609756098, 0.7241379310344828),
            (
                KappaWeights::Quadratic,
                0.8771929824561404,
                0.8571428571428572,
            ),
        ] {
            close(
                cohen_kappa_on_scale(&c, &d, &scale, weights).unwrap().kappa,
                on_scale,
            );
            close(cohen_kappa(&c, &d, weights).unwrap().kappa, observed_only);
        }
    }

    #[test]
    fn degenerate_inputs_are_errors() {
        let none: [u8; 0] = [];
        assert_eq!(
            cohen_kappa(&none, &none, KappaWeights::Unweighted),
            Err(StatsError::NoData)
        );
        assert_eq!(
            cohen_kappa(&[1, 2], &[1], KappaWeights::Linear),
            Err(StatsError::LengthMismatch { left: 2, right: 1 })
        );
        // Both raters used one category for everyone: p_e = 1.
        assert_eq!(
            cohen_kappa(&[3, 3, 3], &[3, 3, 3], KappaWeights::Unweighted),
            Err(StatsError::NoVariation)
        );
        assert_eq!(
            cohen_kappa_on_scale(
                &[3, 3, 3],
                &[3, 3, 3],
                &[1, 2, 3, 4, 5],
                KappaWeights::Quadratic
            ),
            Err(StatsError::NoVariation)
        );
        assert_eq!(
            cohen_kappa_on_scale(
                &[1, 2, 6],
                &[1, 2, 3],
                &[1, 2, 3, 4, 5],
                KappaWeights::Linear
            ),
            Err(StatsError::OffScale { index: 2 })
        );
        // One rater constant, the other not: defined, and 0 (no agreement beyond chance).
        let k = cohen_kappa(&[1, 1, 1, 1], &[1, 2, 1, 2], KappaWeights::Unweighted).unwrap();
        close(k.kappa, 0.0);
    }

    fn pairs() -> impl Strategy<Value = (Vec<u8>, Vec<u8>)> {
        (1usize..40).prop_flat_map(|n| {
            (
                prop::collection::vec(1u8..=5, n),
                prop::collection::vec(1u8..=5, n),
            )
        })
    }

    const ALL: [KappaWeights; 3] = [
        KappaWeights::Unweighted,
        KappaWeights::Linear,
        KappaWeights::Quadratic,
    ];

    proptest! {
        #[test]
        fn kappa_is_at_most_one_and_agreements_are_shares((a, b) in pairs()) {
            for weights in ALL {
                if let Ok(k) = cohen_kappa_on_scale(&a, &b, &[1, 2, 3, 4, 5], weights) {
                    prop_assert!(k.kappa <= 1.0 + 1e-12);
                    prop_assert!((0.0..=1.0 + 1e-12).contains(&k.observed_agreement));
                    prop_assert!((0.0..1.0).contains(&k.expected_agreement));
                }
            }
        }

        #[test]
        fn kappa_is_symmetric_in_the_raters((a, b) in pairs()) {
            for weights in ALL {
                match (cohen_kappa(&a, &b, weights), cohen_kappa(&b, &a, weights)) {
                    (Ok(x), Ok(y)) => prop_assert!((x.kappa - y.kappa).abs() < 1e-12),
                    (x, y) => prop_assert_eq!(x, y),
                }
            }
        }

        #[test]
        fn perfect_agreement_is_one(a in prop::collection::vec(1u8..=5, 2..40)) {
            prop_assume!(a.iter().any(|&x| x != a[0]));
            for weights in ALL {
                prop_assert!((cohen_kappa(&a, &a, weights).unwrap().kappa - 1.0).abs() < 1e-12);
            }
        }
    }
}
