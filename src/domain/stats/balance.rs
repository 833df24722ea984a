//! How balanced a profile of non-negative scores over axes is (the support-axis profile: one
//! score per axis, e.g. 1 = awareness … 5 = expert), and where each score sits against a band.
//!
//! The profile is the whole population of axes, not a sample from a larger set, so the spread is
//! the *population* standard deviation (divisor n), as for the Gini coefficient. Formulas and
//! reading guide: `docs/formulas.md`, section "Profile balance".
//!
//! Checked against numpy 2.4 (`np.mean`, `np.std(ddof=0)`) and the `inequality` package 1.1.2
//! on PyPI (`inequality.gini.Gini(x).g`).

use super::error::StatsError;
use super::util::{is_constant, mean as raw_mean, sum_sq_dev};
use crate::domain::sorting;

/// Rejects an empty profile, non-finite scores and negative scores.
fn check(scores: &[f64]) -> Result<(), StatsError> {
    if scores.is_empty() {
        return Err(StatsError::NoData);
    }
    if scores.iter().any(|x| !x.is_finite()) {
        return Err(StatsError::NonFinite);
    }
    if scores.iter().any(|&x| x < 0.0) {
        return Err(StatsError::Negative);
    }
    Ok(())
}

/// Like [`check`], and the scores must not all be zero (shares and ratios divide by the sum).
fn check_positive_sum(scores: &[f64]) -> Result<f64, StatsError> {
    check(scores)?;
    let sum: f64 = scores.iter().sum();
    if sum == 0.0 {
        return Err(StatsError::ZeroSum);
    }
    Ok(sum)
}

/// Arithmetic mean μ = Σ xᵢ / n.
///
/// Errors: empty profile, a non-finite or negative score.
pub fn mean(scores: &[f64]) -> Result<f64, StatsError> {
    check(scores)?;
    Ok(raw_mean(scores))
}

/// Population standard deviation σ = √(Σ (xᵢ − μ)² / n) (divisor n, not n − 1: the axes are the
/// whole profile, not a sample; `numpy.std(x, ddof=0)`). Exactly 0 for an equal profile.
///
/// Errors: as [`mean`].
pub fn population_std_dev(scores: &[f64]) -> Result<f64, StatsError> {
    check(scores)?;
    Ok((sum_sq_dev(scores) / scores.len() as f64).sqrt())
}

/// Coefficient of variation CV = σ / μ with the *population* σ of [`population_std_dev`]:
/// spread relative to the level, so a profile of 1s and 2s and one of 3s and 4s compare fairly.
/// 0 for an equal profile; √(n − 1) when one axis holds everything.
///
/// Errors: as [`mean`]; `ZeroSum` when all scores are 0.
pub fn coefficient_of_variation(scores: &[f64]) -> Result<f64, StatsError> {
    check_positive_sum(scores)?;
    Ok(population_std_dev(scores)? / raw_mean(scores))
}

/// Gini coefficient, mean-absolute-difference form: G = Σᵢ Σⱼ |xᵢ − xⱼ| / (2 n² μ)
/// (Gini 1912). 0 for an equal profile, at most (n − 1)/n (one axis holds everything), so always
/// in [0, 1). Computed as G = Σᵢ (2i − n + 1) x₍ᵢ₎ / (n² μ) over the scores sorted ascending
/// (i = 0 … n − 1), the same value in O(n log n).
///
/// Errors: as [`mean`]; `ZeroSum` when all scores are 0.
pub fn gini(scores: &[f64]) -> Result<f64, StatsError> {
    let sum = check_positive_sum(scores)?;
    if is_constant(scores) {
        return Ok(0.0);
    }
    let mut sorted = scores.to_vec();
    sorting::sort_by(&mut sorted, f64::total_cmp);
    let n = sorted.len() as f64;
    let weighted: f64 = sorted
        .iter()
        .enumerate()
        .map(|(i, x)| (2.0 * i as f64 - n + 1.0) * x)
        .sum();
    // n² μ = n · Σ x.
    Ok((weighted / (n * sum)).max(0.0))
}

/// The axis with the highest score and its share of the total.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Dominant {
    /// Index of the axis (the first one on a tie).
    pub axis: usize,
    /// max / Σ, in [1/n, 1]: 1/n for an equal profile, 1 when one axis holds everything.
    pub share: f64,
}

/// Share of the dominant axis: max(x) / Σ x, and which axis it is.
///
/// Errors: as [`mean`]; `ZeroSum` when all scores are 0.
pub fn dominant_share(scores: &[f64]) -> Result<Dominant, StatsError> {
    let sum = check_positive_sum(scores)?;
    let (axis, max) = scores
        .iter()
        .copied()
        .enumerate()
        .fold(
            (0, scores[0]),
            |best, (i, x)| if x > best.1 { (i, x) } else { best },
        );
    Ok(Dominant {
        axis,
        share: max / sum,
    })
}

/// All balance figures of a profile at once.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Balance {
    pub mean: f64,
    /// Population standard deviation.
    pub std_dev: f64,
    /// Coefficient of variation (population σ / μ).
    pub cv: f64,
    pub gini: f64,
    pub dominant: Dominant,
}

/// [`mean`], [`population_std_dev`], [`coefficient_of_variation`], [`gini`] and
/// [`dominant_share`] of one profile.
///
/// Errors: as [`gini`].
pub fn balance(scores: &[f64]) -> Result<Balance, StatsError> {
    Ok(Balance {
        mean: mean(scores)?,
        std_dev: population_std_dev(scores)?,
        cv: coefficient_of_variation(scores)?,
        gini: gini(scores)?,
        dominant: dominant_share(scores)?,
    })
}

/// An acceptable band [min, max], bounds included (e.g. a role's acceptable level on an axis).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Band {
    min: f64,
    max: f64,
}

/// Where a score sits against a [`Band`]; the distance is to the nearest bound, always > 0.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum BandPosition {
    Below { by: f64 },
    Within,
    Above { by: f64 },
}

impl Band {
    /// Errors: `InvalidBand` when a bound is not finite or min > max.
    pub fn new(min: f64, max: f64) -> Result<Band, StatsError> {
        if !min.is_finite() || !max.is_finite() || min > max {
            return Err(StatsError::InvalidBand);
        }
        Ok(Band { min, max })
    }

    pub fn min(&self) -> f64 {
        self.min
    }

    pub fn max(&self) -> f64 {
        self.max
    }

    /// Below { by: min − score } if score < min, Above { by: score − max } if score > max,
    /// else Within (the bounds belong to the band).
    ///
    /// Errors: `NonFinite` for a NaN or infinite score.
    pub fn position(&self, score: f64) -> Result<BandPosition, StatsError> {
        if !score.is_finite() {
            return Err(StatsError::NonFinite);
        }
        Ok(if score < self.min {
            BandPosition::Below {
                by: self.min - score,
            }
        } else if score > self.max {
            BandPosition::Above {
                by: score - self.max,
            }
        } else {
            BandPosition::Within
        })
    }
}

/// Each axis score against the same band, in axis order.
///
/// Errors: as [`mean`] for the profile.
pub fn compare_to_band(scores: &[f64], band: Band) -> Result<Vec<BandPosition>, StatsError> {
    check(scores)?;
    scores.iter().map(|&x| band.position(x)).collect()
}

/// Each axis score against its own band (`bands[i]` for `scores[i]`), in axis order.
///
/// Errors: as [`mean`] for the profile; `LengthMismatch` when the counts differ.
pub fn compare_to_bands(scores: &[f64], bands: &[Band]) -> Result<Vec<BandPosition>, StatsError> {
    check(scores)?;
    if scores.len() != bands.len() {
        return Err(StatsError::LengthMismatch {
            left: scores.len(),
            right: bands.len(),
        });
    }
    scores
        .iter()
        .zip(bands)
        .map(|(&x, band)| band.position(x))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const TOL: f64 = 1e-12;

    fn close(actual: f64, expected: f64) {
        assert!(
            (actual - expected).abs() < TOL,
            "expected {expected}, got {actual}"
        );
    }

    // Vectors. Reference: numpy 2.4.6 — `x.mean()`, `x.std(ddof=0)`, `x.std(ddof=0)/x.mean()`,
    // `x.max()/x.sum()`, `x.argmax()`; Gini from inequality 1.1.2 (PyPI, PySAL)
    // `inequality.gini.Gini(x).g`, equal to `np.abs(x[:,None]-x[None,:]).sum()/(2*n*n*x.mean())`.
    // [1, 2, 3, 4, 5] is also the classic textbook case: G = 4/15 ≈ 0.2667.
    // Columns: profile, mean, population σ, CV, Gini, dominant axis, dominant share.
    #[allow(clippy::type_complexity)]
    const VECTORS: [(&[f64], f64, f64, f64, f64, usize, f64); 5] = [
        (&[3.0, 3.0, 3.0, 3.0], 3.0, 0.0, 0.0, 0.0, 0, 0.25),
        (
            &[1.0, 2.0, 3.0, 4.0, 5.0],
            3.0,
            std::f64::consts::SQRT_2, // numpy: 1.4142135623730951
            0.47140452079103173,
            0.26666666666666666,
            4,
            0.3333333333333333,
        ),
        (
            &[0.0, 0.0, 0.0, 10.0],
            2.5,
            4.330127018922194,
            1.7320508075688774,
            0.75,
            3,
            1.0,
        ),
        (
            &[8.0, 3.0, 2.0, 1.0, 0.5],
            2.9,
            2.690724809414742,
            0.9278361411774972,
            0.4689655172413793,
            0,
            0.5517241379310345,
        ),
        (
            &[4.5, 2.0, 3.5, 1.0, 0.0, 3.0],
            2.3333333333333335,
            1.51840559652405,
            0.6507452556531642,
            0.36904761904761907,
            0,
            0.32142857142857145,
        ),
    ];

    #[test]
    fn reference_vectors() {
        for (profile, m, sd, cv, g, axis, share) in VECTORS {
            let b = balance(profile).unwrap();
            close(b.mean, m);
            close(b.std_dev, sd);
            close(b.cv, cv);
            close(b.gini, g);
            assert_eq!(b.dominant.axis, axis, "{profile:?}");
            close(b.dominant.share, share);
        }
    }

    #[test]
    fn equal_profile_is_exactly_balanced() {
        let b = balance(&[0.1, 0.1, 0.1]).unwrap();
        assert_eq!((b.std_dev, b.cv, b.gini), (0.0, 0.0, 0.0));
    }

    #[test]
    fn degenerate_inputs_are_errors() {
        assert_eq!(mean(&[]), Err(StatsError::NoData));
        assert_eq!(gini(&[1.0, f64::INFINITY]), Err(StatsError::NonFinite));
        assert_eq!(population_std_dev(&[1.0, -2.0]), Err(StatsError::Negative));
        assert_eq!(
            coefficient_of_variation(&[0.0, 0.0]),
            Err(StatsError::ZeroSum)
        );
        assert_eq!(gini(&[0.0]), Err(StatsError::ZeroSum));
        assert_eq!(dominant_share(&[0.0, 0.0]), Err(StatsError::ZeroSum));
        // Mean and spread of an all-zero profile are defined.
        assert_eq!(mean(&[0.0, 0.0]), Ok(0.0));
        assert_eq!(population_std_dev(&[0.0, 0.0]), Ok(0.0));
        // A single axis: no spread, no inequality, all the share.
        let one = balance(&[4.0]).unwrap();
        assert_eq!(
            (one.std_dev, one.cv, one.gini, one.dominant.share),
            (0.0, 0.0, 0.0, 1.0)
        );
    }

    #[test]
    fn bands() {
        assert_eq!(Band::new(3.0, 2.0), Err(StatsError::InvalidBand));
        assert_eq!(Band::new(f64::NAN, 2.0), Err(StatsError::InvalidBand));
        let band = Band::new(2.0, 4.0).unwrap();
        assert_eq!((band.min(), band.max()), (2.0, 4.0));
        assert_eq!(
            compare_to_band(&[1.5, 2.0, 3.0, 4.0, 5.0], band).unwrap(),
            vec![
                BandPosition::Below { by: 0.5 },
                BandPosition::Within,
                BandPosition::Within,
                BandPosition::Within,
                BandPosition::Above { by: 1.0 },
            ]
        );
        assert_eq!(band.position(f64::NAN), Err(StatsError::NonFinite));
        let point = Band::new(3.0, 3.0).unwrap();
        assert_eq!(point.position(3.0), Ok(BandPosition::Within));
        assert_eq!(
            compare_to_bands(&[1.0, 5.0], &[band, point]).unwrap(),
            vec![
                BandPosition::Below { by: 1.0 },
                BandPosition::Above { by: 2.0 }
            ]
        );
        assert_eq!(
            compare_to_bands(&[1.0], &[band, point]),
            Err(StatsError::LengthMismatch { left: 1, right: 2 })
        );
    }

    fn profile() -> impl Strategy<Value = Vec<f64>> {
        prop::collection::vec(0.0f64..100.0, 1..12)
    }

    /// The definition, term by term: Σᵢ Σⱼ |xᵢ − xⱼ| / (2 n² μ).
    fn gini_by_definition(x: &[f64]) -> f64 {
        let n = x.len() as f64;
        let mean = x.iter().sum::<f64>() / n;
        let mad: f64 = x
            .iter()
            .flat_map(|a| x.iter().map(move |b| (a - b).abs()))
            .sum();
        mad / (2.0 * n * n * mean)
    }

    proptest! {
        #[test]
        fn gini_is_in_unit_interval_and_matches_definition(x in profile()) {
            prop_assume!(x.iter().sum::<f64>() > 0.0);
            let g = gini(&x).unwrap();
            prop_assert!((0.0..1.0).contains(&g));
            prop_assert!(g <= (x.len() as f64 - 1.0) / x.len() as f64 + 1e-12);
            prop_assert!((g - gini_by_definition(&x)).abs() < 1e-9);
        }

        #[test]
        fn gini_and_cv_ignore_the_unit(x in profile(), factor in 0.01f64..100.0) {
            prop_assume!(x.iter().sum::<f64>() > 0.0);
            let scaled: Vec<f64> = x.iter().map(|v| v * factor).collect();
            prop_assert!((gini(&x).unwrap() - gini(&scaled).unwrap()).abs() < 1e-9);
            prop_assert!(
                (coefficient_of_variation(&x).unwrap()
                    - coefficient_of_variation(&scaled).unwrap()).abs() < 1e-9
            );
        }

        #[test]
        fn dominant_share_is_between_equal_and_total(x in profile()) {
            prop_assume!(x.iter().sum::<f64>() > 0.0);
            let d = dominant_share(&x).unwrap();
            prop_assert!(d.share >= 1.0 / x.len() as f64 - 1e-12 && d.share <= 1.0);
            prop_assert!(x.iter().all(|&v| v <= x[d.axis]));
        }

        #[test]
        fn position_distance_is_to_the_nearest_bound(
            lo in 0.0f64..5.0, width in 0.0f64..3.0, score in 0.0f64..10.0
        ) {
            let band = Band::new(lo, lo + width).unwrap();
            match band.position(score).unwrap() {
                BandPosition::Below { by } => prop_assert!(by > 0.0 && (score + by - lo).abs() < 1e-12),
                BandPosition::Above { by } => prop_assert!(by > 0.0 && (score - by - (lo + width)).abs() < 1e-12),
                BandPosition::Within => prop_assert!(lo <= score && score <= lo + width),
            }
        }
    }
}
