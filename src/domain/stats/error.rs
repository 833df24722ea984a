//! Why a statistic could not be computed. Every function of [`crate::domain::stats`] returns one
//! of these instead of panicking or producing NaN, so the interface can say *why* a number is
//! missing ("only one rater", "everyone answered the same") rather than show a wrong one.

use thiserror::Error;

/// A statistic is undefined for the data it was given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
pub enum StatsError {
    /// Nothing to compute on: no rows, no scores, or no unit with two values.
    #[error("there is no data to compute on")]
    NoData,
    /// Fewer items (questions, columns) than the statistic needs.
    #[error("at least {needed} items are needed, got {got}")]
    TooFewItems { needed: usize, got: usize },
    /// Fewer respondents (rows) than the statistic needs, after any deletion of incomplete rows.
    #[error("at least {needed} respondents are needed, got {got}")]
    TooFewRespondents { needed: usize, got: usize },
    /// A row of a matrix does not have as many cells as the first row.
    #[error("row {row} has {got} values, expected {expected}")]
    Ragged {
        row: usize,
        expected: usize,
        got: usize,
    },
    /// The two raters did not rate the same number of subjects.
    #[error("the raters rated {left} and {right} subjects")]
    LengthMismatch { left: usize, right: usize },
    /// A value is NaN or infinite.
    #[error("a value is not a finite number")]
    NonFinite,
    /// A value is negative where only non-negative values make sense (profile scores, ratio data).
    #[error("a value is negative")]
    Negative,
    /// All scores are zero, so shares, Gini and the coefficient of variation are undefined.
    #[error("the scores add up to zero")]
    ZeroSum,
    /// The data show no variation (everyone gave the same answer, a single category was used,
    /// chance agreement is total), so the statistic is 0/0 and undefined.
    #[error("the data show no variation, so the statistic is undefined")]
    NoVariation,
    /// The rating at this position is not on the declared scale.
    #[error("rating {index} is not on the scale")]
    OffScale { index: usize },
    /// A band whose minimum exceeds its maximum, or a bound that is not finite.
    #[error("the band is invalid (minimum above maximum, or not a finite number)")]
    InvalidBand,
}
