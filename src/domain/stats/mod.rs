//! Statistics Rally reports to users, each checked against published worked examples or a
//! reference implementation's output (the vectors and their sources sit in each module's tests).
//!
//! Every function is pure and total: degenerate input (no data, one rater, no variation…) gives a
//! [`StatsError`] saying why, never a panic or a NaN. Formulas, how to read each figure and the
//! full citations: `docs/formulas.md`.

pub mod balance;
pub mod cronbach;
pub mod error;
pub mod kappa;
pub mod krippendorff;
mod util;

pub use balance::{
    balance, coefficient_of_variation, compare_to_band, compare_to_bands, dominant_share, gini,
    mean, population_std_dev, Balance, Band, BandPosition, Dominant,
};
pub use cronbach::{
    alpha_if_item_deleted, complete_cases, corrected_item_total_correlations, cronbach_alpha,
    cronbach_alpha_listwise, ListwiseAlpha,
};
pub use error::StatsError;
pub use kappa::{cohen_kappa, cohen_kappa_on_scale, Kappa, KappaWeights};
pub use krippendorff::{krippendorff_alpha, KrippendorffAlpha, Metric};

/// Lowest Krippendorff's alpha from which ratings may support tentative conclusions; below it,
/// Rally warns that the raters agree too little for their ratings to be relied on.
///
/// Krippendorff's guideline (paraphrased): rely on data with α ≥ .800; consider data with
/// .667 ≤ α < .800 only for tentative conclusions; discard data below .667. Krippendorff, K.
/// (2004). *Content Analysis: An Introduction to Its Methodology* (2nd ed.). Sage, §11.4.4.
pub const AGREEMENT_WARNING_BELOW: f64 = 0.667;
