//! Small numeric helpers shared by the statistics (two-pass, so no catastrophic cancellation).

/// Values whose spread is below this fraction of their magnitude are treated as constant: sums of
/// the same numbers in a different order may differ in the last bit, and that must not be read as
/// variance (it would turn "everyone answered the same" into a huge negative alpha).
const CONSTANT_TOLERANCE: f64 = 1e-12;

pub(crate) fn mean(xs: &[f64]) -> f64 {
    xs.iter().sum::<f64>() / xs.len() as f64
}

/// True when all values are equal up to rounding (see [`CONSTANT_TOLERANCE`]). Empty is constant.
pub(crate) fn is_constant(xs: &[f64]) -> bool {
    let (lo, hi) = xs
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &x| {
            (lo.min(x), hi.max(x))
        });
    if xs.is_empty() {
        return true;
    }
    let scale = lo.abs().max(hi.abs()).max(1.0);
    hi - lo <= CONSTANT_TOLERANCE * scale
}

/// Sum of squared deviations from the mean; exactly 0 for constant data.
pub(crate) fn sum_sq_dev(xs: &[f64]) -> f64 {
    if is_constant(xs) {
        return 0.0;
    }
    let m = mean(xs);
    xs.iter().map(|x| (x - m) * (x - m)).sum()
}

/// Sample variance (divisor n − 1). Callers guarantee `xs.len() >= 2`.
pub(crate) fn sample_variance(xs: &[f64]) -> f64 {
    sum_sq_dev(xs) / (xs.len() as f64 - 1.0)
}

/// Pearson correlation; `None` when either variable is constant (or fewer than 2 points).
pub(crate) fn pearson(xs: &[f64], ys: &[f64]) -> Option<f64> {
    debug_assert_eq!(xs.len(), ys.len());
    if xs.len() < 2 || is_constant(xs) || is_constant(ys) {
        return None;
    }
    let (mx, my) = (mean(xs), mean(ys));
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for (x, y) in xs.iter().zip(ys) {
        let (dx, dy) = (x - mx, y - my);
        sxy += dx * dy;
        sxx += dx * dx;
        syy += dy * dy;
    }
    Some((sxy / (sxx * syy).sqrt()).clamp(-1.0, 1.0))
}
