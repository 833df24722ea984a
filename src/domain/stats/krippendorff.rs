//! Krippendorff's alpha: agreement among any number of raters (coders), with missing ratings,
//! for nominal, ordinal, interval or ratio values.
//!
//! Input is a units × coders matrix: one row per rated unit (e.g. a candidate's axis), one
//! column per rater, `None` where a rater gave no rating. Units with fewer than two ratings
//! cannot be compared and are ignored. Formulas and reading guide: `docs/formulas.md`, section
//! "Krippendorff's alpha".
//!
//! Source: Krippendorff, K. (2011). *Computing Krippendorff's Alpha-Reliability*. Annenberg
//! School for Communication, University of Pennsylvania, Departmental Papers (ASC) 43; the
//! coincidence-matrix formulation, its worked example reproduced in the tests. Checked against the
//! `krippendorff` package 0.9.0 on PyPI.

use super::error::StatsError;

/// Level of measurement of the ratings; chooses the difference function δ².
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Metric {
    /// Categories without order: δ² = 0 if c = k, else 1.
    Nominal,
    /// Ordered ranks: δ²(c, k) = (Σ_{g=c..k} n_g − (n_c + n_k)/2)², n_g the coincidence margins.
    Ordinal,
    /// Equal intervals: δ²(c, k) = (c − k)².
    Interval,
    /// Equal intervals and a true zero (values must be ≥ 0): δ²(c, k) = ((c − k)/(c + k))².
    Ratio,
}

/// Krippendorff's alpha and the quantities it is made of.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct KrippendorffAlpha {
    /// α = 1 − D_o / D_e; 1 is perfect agreement, 0 is agreement at chance level.
    pub alpha: f64,
    /// D_o, the observed disagreement.
    pub observed_disagreement: f64,
    /// D_e, the disagreement expected by chance.
    pub expected_disagreement: f64,
    /// n, the number of pairable values (ratings in units with at least two ratings).
    pub pairable_values: usize,
    /// Units with at least two ratings, the only ones used.
    pub units_used: usize,
}

/// The coincidence matrix of the paper: distinct values (ascending), o_ck (row-major, V × V),
/// the margins n_c, and the number of units used.
struct Coincidences {
    values: Vec<f64>,
    o: Vec<f64>,
    margins: Vec<f64>,
    units_used: usize,
}

fn coincidences<R: AsRef<[Option<f64>]>>(units: &[R]) -> Result<Coincidences, StatsError> {
    // The values of the pairable units, one after the other, and where each unit's end: no
    // allocation per unit (agreement on a long session has hundreds of units). Written into
    // slices, not pushed: this runs for every unit of every coefficient of a session, and the
    // build for the browser optimises for size, which leaves `push` a call.
    let cells = units.iter().map(|u| u.as_ref().len()).sum();
    let mut flat_buffer = vec![0.0; cells];
    let flat: &mut [f64] = &mut flat_buffer;
    let mut ends_buffer = vec![0; units.len()];
    let ends: &mut [usize] = &mut ends_buffer;
    let (mut n, mut used) = (0, 0);
    for unit in units {
        let start = n;
        for value in unit.as_ref() {
            if let Some(x) = *value {
                if !x.is_finite() {
                    return Err(StatsError::NonFinite);
                }
                // `+ 0.0` turns −0 into +0 so that equal values are one category.
                flat[n] = x + 0.0;
                n += 1;
            }
        }
        if n - start >= 2 {
            ends[used] = n;
            used += 1;
        } else {
            n = start;
        }
    }
    if used == 0 {
        return Err(StatsError::NoData);
    }
    let (flat, ends) = (&flat[..n], &ends[..used]);
    // The distinct values, ascending (few: the categories of a scale or a code list).
    let mut values: Vec<f64> = Vec::new();
    // Equal under `total_cmp` is equal bits: a value seen already is found in a row while
    // they are few, and only a new one is placed by a binary search.
    let mut last = None;
    for &x in flat {
        let bits = x.to_bits();
        if last == Some(bits) || (values.len() <= 16 && values.iter().any(|p| p.to_bits() == bits))
        {
            last = Some(bits);
            continue;
        }
        if let Err(at) = values.binary_search_by(|probe| probe.total_cmp(&x)) {
            values.insert(at, x);
        }
        last = Some(bits);
    }
    let v = values.len();
    // Each value's category. Equal under `total_cmp` is equal bits; a few categories are
    // faster found in a row.
    let mut category_buffer = vec![0; n];
    let category: &mut [usize] = &mut category_buffer;
    for (c, &x) in category.iter_mut().zip(flat) {
        *c = if v <= 16 {
            let bits = x.to_bits();
            let mut k = 0;
            while values[k].to_bits() != bits {
                k += 1;
            }
            k
        } else {
            values
                .binary_search_by(|probe| probe.total_cmp(&x))
                .expect("every value is in the list")
        };
    }
    let category: &[usize] = category;
    let mut o_buffer = vec![0.0; v * v];
    let o: &mut [f64] = &mut o_buffer;
    // The values present in one unit, with their counts (a unit holds a few values only, so
    // the pairs are counted over those, not over every pair of the V values: a pair absent
    // from the unit would add 0).
    let mut present: Vec<(usize, f64)> = Vec::new();
    let mut start = 0;
    for &end in ends {
        let unit = &category[start..end];
        start = end;
        if let [c, k] = *unit {
            // Two ratings (the usual unit of two coders), as the general case below counts
            // them: one pair each way, over 2 − 1; a value with itself adds 0 and is skipped.
            if c == k {
                o[c * v + c] += 2.0;
            } else {
                o[c * v + k] += 1.0;
                o[k * v + c] += 1.0;
            }
            continue;
        }
        present.clear();
        for &c in unit {
            match present.iter_mut().find(|(k, _)| *k == c) {
                Some((_, n)) => *n += 1.0,
                None => present.push((c, 1.0)),
            }
        }
        let pairs_per_value = unit.len() as f64 - 1.0;
        for &(c, nc) in &present {
            for &(k, nk) in &present {
                // Ordered pairs of *different* ratings in the unit: a rating is not paired with itself.
                let pairs = if c == k { nc * (nc - 1.0) } else { nc * nk };
                o[c * v + k] += pairs / pairs_per_value;
            }
        }
    }
    let margins = (0..v).map(|c| o[c * v..(c + 1) * v].iter().sum()).collect();
    Ok(Coincidences {
        values,
        o: o_buffer,
        margins,
        units_used: used,
    })
}

/// δ²(c, k) for every pair of value indices, row-major.
fn differences(metric: Metric, values: &[f64], margins: &[f64]) -> Vec<f64> {
    let v = values.len();
    let mut d = vec![0.0; v * v];
    for c in 0..v {
        for k in 0..v {
            let (a, b) = (values[c], values[k]);
            d[c * v + k] = match metric {
                Metric::Nominal => f64::from(u8::from(c != k)),
                Metric::Ordinal => {
                    let (lo, hi) = (c.min(k), c.max(k));
                    let between: f64 = margins[lo..=hi].iter().sum();
                    let x = between - (margins[lo] + margins[hi]) / 2.0;
                    x * x
                }
                Metric::Interval => (a - b) * (a - b),
                Metric::Ratio => {
                    if a + b == 0.0 {
                        0.0
                    } else {
                        let x = (a - b) / (a + b);
                        x * x
                    }
                }
            };
        }
    }
    d
}

/// Krippendorff's alpha for a units × coders matrix with missing ratings (Krippendorff 2011):
///
/// o_ck = Σ_u (number of c–k pairs of ratings in unit u) / (m_u − 1), over units with m_u ≥ 2
/// ratings; n_c = Σ_k o_ck; n = Σ_c n_c;
/// D_o = (1/n) Σ_c Σ_k o_ck δ²_ck;  D_e = 1/(n(n − 1)) Σ_c Σ_k n_c n_k δ²_ck;
/// α = 1 − D_o / D_e, with δ² chosen by `metric` (see [`Metric`]).
///
/// Rows may differ in length: only the ratings present in each unit matter.
/// Errors: `NoData` when no unit has two ratings; `NonFinite`; `Negative` for a negative value
/// under [`Metric::Ratio`]; `NoVariation` when all ratings are the same value (α is 0/0).
pub fn krippendorff_alpha<R: AsRef<[Option<f64>]>>(
    units: &[R],
    metric: Metric,
) -> Result<KrippendorffAlpha, StatsError> {
    let co = coincidences(units)?;
    if metric == Metric::Ratio && co.values[0] < 0.0 {
        return Err(StatsError::Negative);
    }
    if co.values.len() < 2 {
        return Err(StatsError::NoVariation);
    }
    let v = co.values.len();
    let d = differences(metric, &co.values, &co.margins);
    let n: f64 = co.margins.iter().sum();
    let mut observed = 0.0;
    let mut expected = 0.0;
    for c in 0..v {
        for k in 0..v {
            observed += co.o[c * v + k] * d[c * v + k];
            expected += co.margins[c] * co.margins[k] * d[c * v + k];
        }
    }
    let observed = observed / n;
    let expected = expected / (n * (n - 1.0));
    if expected <= 0.0 {
        return Err(StatsError::NoVariation);
    }
    Ok(KrippendorffAlpha {
        alpha: 1.0 - observed / expected,
        observed_disagreement: observed,
        expected_disagreement: expected,
        pairable_values: n.round() as usize,
        units_used: co.units_used,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const TOL: f64 = 1e-9;

    /// The coincidences as counted before units of two ratings had their own path (and
    /// values were found by binary search): what `coincidences` must give, bit for bit.
    fn coincidences_in_general(units: &[Vec<Option<f64>>]) -> (Vec<f64>, Vec<f64>, usize) {
        let rows: Vec<Vec<f64>> = units
            .iter()
            .map(|u| u.iter().flatten().map(|x| x + 0.0).collect::<Vec<f64>>())
            .filter(|u| u.len() >= 2)
            .collect();
        let mut values: Vec<f64> = Vec::new();
        for &x in rows.iter().flatten() {
            if let Err(at) = values.binary_search_by(|p| p.total_cmp(&x)) {
                values.insert(at, x);
            }
        }
        let v = values.len();
        let index = |x: f64| values.binary_search_by(|p| p.total_cmp(&x)).unwrap();
        let mut o = vec![0.0; v * v];
        for row in &rows {
            let mut present: Vec<(usize, f64)> = Vec::new();
            for &x in row {
                let c = index(x);
                match present.iter_mut().find(|(k, _)| *k == c) {
                    Some((_, n)) => *n += 1.0,
                    None => present.push((c, 1.0)),
                }
            }
            let per = row.len() as f64 - 1.0;
            for &(c, nc) in &present {
                for &(k, nk) in &present {
                    let pairs = if c == k { nc * (nc - 1.0) } else { nc * nk };
                    o[c * v + k] += pairs / per;
                }
            }
        }
        (values, o, rows.len())
    }

    proptest! {
        #[test]
        fn units_of_two_ratings_count_as_in_general(
            units in prop::collection::vec(
                prop::collection::vec(prop::option::of(-3i8..25), 0..5),
                1..60,
            ),
        ) {
            let units: Vec<Vec<Option<f64>>> = units
                .iter()
                .map(|u| u.iter().map(|x| x.map(|x| f64::from(x) / 2.0)).collect())
                .collect();
            let (values, o, used) = coincidences_in_general(&units);
            match coincidences(&units) {
                Ok(co) => {
                    let bits = |v: &[f64]| v.iter().map(|x| x.to_bits()).collect::<Vec<u64>>();
                    prop_assert_eq!(bits(&co.values), bits(&values));
                    prop_assert_eq!(bits(&co.o), bits(&o));
                    prop_assert_eq!(co.units_used, used);
                }
                Err(e) => {
                    prop_assert_eq!(e, StatsError::NoData);
                    prop_assert_eq!(used, 0);
                }
            }
        }
    }

    fn close(actual: f64, expected: f64) {
        assert!(
            (actual - expected).abs() < TOL,
            "expected {expected}, got {actual}"
        );
    }

    /// Tables are written as in the paper and in `krippendorff.alpha(reliability_data=…)`:
    /// one row per coder, one column per unit, 0 for a missing rating. This turns them into
    /// the units × coders matrix the function takes.
    fn units_from_coder_rows<const U: usize>(coders: &[[u8; U]]) -> Vec<Vec<Option<f64>>> {
        (0..U)
            .map(|u| {
                coders
                    .iter()
                    .map(|row| (row[u] != 0).then(|| f64::from(row[u])))
                    .collect()
            })
            .collect()
    }

    /// Krippendorff (2011), section C ("Nominal data, any number of observers, missing data"):
    /// observers A–D (rows) × units 1–12 (columns), "." (here 0) = missing.
    fn paper_example() -> Vec<Vec<Option<f64>>> {
        units_from_coder_rows(&[
            [1, 2, 3, 3, 2, 1, 4, 1, 2, 0, 0, 0],
            [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, 0, 3],
            [0, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, 0],
            [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, 0],
        ])
    }

    // Source: Krippendorff (2011) reports α_nominal = 0.743, α_ordinal = 0.815,
    // α_interval = 0.849, α_ratio = 0.797 for this example. Exact values from krippendorff 0.9.0
    // (PyPI): `krippendorff.alpha(reliability_data=K, level_of_measurement=…)` with K the table
    // above (np.nan for missing) → 0.743421052631579, 0.8153875037548814, 0.8491071428571428,
    // 0.7974027747116121.
    #[test]
    fn paper_example_all_levels() {
        let data = paper_example();
        for (metric, expected, published) in [
            (Metric::Nominal, 0.743421052631579, 0.743),
            (Metric::Ordinal, 0.8153875037548814, 0.815),
            (Metric::Interval, 0.8491071428571428, 0.849),
            (Metric::Ratio, 0.7974027747116121, 0.797),
        ] {
            let result = krippendorff_alpha(&data, metric).unwrap();
            close(result.alpha, expected);
            assert!((result.alpha - published).abs() < 5e-4, "{metric:?}");
            // Unit 12 has a single rating: ignored. 11 units, 40 pairable values.
            assert_eq!(result.units_used, 11);
            assert_eq!(result.pairable_values, 40);
        }
    }

    // The coincidence matrix of the paper's example, hand-computed from the definition
    // o_ck = Σ_u pairs_ck(u) / (m_u − 1) (value 1 appears 3× in unit 1 (m=3), 3× in unit 8 (m=4),
    // 2× in unit 11 (m=2), once in unit 6 (m=4), …): o_11 = 3·2/2 + 3·2/3 + 2·1/1 = 7,
    // o_12 = 3·1/3 (unit 8) + 1·1/3 (unit 6) = 4/3; margins n_1..n_5 = 9, 13, 10, 5, 3; n = 40.
    #[test]
    fn paper_example_coincidences() {
        let co = coincidences(&paper_example()).unwrap();
        assert_eq!(co.values, vec![1.0, 2.0, 3.0, 4.0, 5.0]);
        close(co.o[0], 7.0);
        close(co.o[1], 4.0 / 3.0);
        close(co.o[5], 4.0 / 3.0);
        for (m, e) in co.margins.iter().zip([9.0, 13.0, 10.0, 5.0, 3.0]) {
            close(*m, e);
        }
    }

    // Source: Krippendorff (2011), section A ("Binary or dichotomous data, two observers, no
    // missing data"): α = 0.095. krippendorff 0.9.0 (PyPI), nominal → 0.09523809523809534.
    // (Ratings 0/1 are shifted to 1/2 here because 0 marks "missing" in the helper; nominal α
    // does not depend on the labels.)
    #[test]
    fn paper_binary_example() {
        let data = units_from_coder_rows(&[
            [1, 2, 1, 1, 1, 1, 1, 1, 2, 1],
            [2, 2, 2, 1, 1, 2, 1, 1, 1, 1],
        ]);
        let result = krippendorff_alpha(&data, Metric::Nominal).unwrap();
        close(result.alpha, 0.09523809523809534);
    }

    // All coders agree (with missing ratings and five distinct values): α = 1 at every level.
    // krippendorff 0.9.0 (PyPI) on coders × units
    // [[1,2,3,4,5,2,nan],[1,2,3,4,5,2,3],[1,2,nan,4,5,2,3]] → 1.0 for all four levels.
    #[test]
    fn full_agreement_is_one() {
        let data = units_from_coder_rows(&[
            [1, 2, 3, 4, 5, 2, 0],
            [1, 2, 3, 4, 5, 2, 3],
            [1, 2, 0, 4, 5, 2, 3],
        ]);
        for metric in [
            Metric::Nominal,
            Metric::Ordinal,
            Metric::Interval,
            Metric::Ratio,
        ] {
            close(krippendorff_alpha(&data, metric).unwrap().alpha, 1.0);
        }
    }

    // Random-ish ratings 1–5 with missing values: 3 coders × 10 units drawn with
    // numpy.random.default_rng(20240611) (`integers(1, 6, size=(3, 10))`, then ~20 % set to nan).
    // Unit 5 has a single rating and is ignored. krippendorff 0.9.0 (PyPI) →
    // nominal 0.2142857142857142, ordinal 0.29309146355135995, interval 0.3097165991902834,
    // ratio 0.46742767927809536.
    #[test]
    fn random_ratings_with_missing() {
        let data = units_from_coder_rows(&[
            [3, 1, 3, 5, 0, 3, 5, 0, 2, 2],
            [5, 1, 4, 4, 0, 3, 1, 5, 0, 4],
            [2, 1, 4, 0, 5, 4, 0, 4, 2, 2],
        ]);
        for (metric, expected) in [
            (Metric::Nominal, 0.2142857142857142),
            (Metric::Ordinal, 0.29309146355135995),
            (Metric::Interval, 0.3097165991902834),
            (Metric::Ratio, 0.46742767927809536),
        ] {
            let result = krippendorff_alpha(&data, metric).unwrap();
            close(result.alpha, expected);
            assert_eq!(result.units_used, 9);
        }
    }

    #[test]
    fn degenerate_inputs_are_errors() {
        let empty: Vec<Vec<Option<f64>>> = vec![];
        assert_eq!(
            krippendorff_alpha(&empty, Metric::Nominal),
            Err(StatsError::NoData)
        );
        // One rater only: no unit has two ratings.
        let one_rater = [[Some(1.0)], [Some(2.0)], [Some(3.0)]];
        assert_eq!(
            krippendorff_alpha(&one_rater, Metric::Interval),
            Err(StatsError::NoData)
        );
        // Everyone gave the same rating: α is 0/0.
        let same = [
            [Some(4.0), Some(4.0)],
            [Some(4.0), None],
            [Some(4.0), Some(4.0)],
        ];
        assert_eq!(
            krippendorff_alpha(&same, Metric::Ordinal),
            Err(StatsError::NoVariation)
        );
        let nan = [[Some(1.0), Some(f64::NAN)]];
        assert_eq!(
            krippendorff_alpha(&nan, Metric::Nominal),
            Err(StatsError::NonFinite)
        );
        let negative = [[Some(-1.0), Some(2.0)], [Some(1.0), Some(2.0)]];
        assert_eq!(
            krippendorff_alpha(&negative, Metric::Ratio),
            Err(StatsError::Negative)
        );
        assert!(krippendorff_alpha(&negative, Metric::Interval).is_ok());
    }

    fn ratings() -> impl Strategy<Value = Vec<Vec<Option<f64>>>> {
        (2usize..5, 2usize..15).prop_flat_map(|(coders, units)| {
            prop::collection::vec(
                prop::collection::vec(
                    prop::option::weighted(0.8, (1u8..=5).prop_map(f64::from)),
                    coders,
                ),
                units,
            )
        })
    }

    const METRICS: [Metric; 4] = [
        Metric::Nominal,
        Metric::Ordinal,
        Metric::Interval,
        Metric::Ratio,
    ];

    proptest! {
        #[test]
        fn identical_coders_give_one(
            values in prop::collection::vec(1u8..=5, 2..15),
            coders in 2usize..5,
        ) {
            prop_assume!(values.iter().any(|&v| v != values[0]));
            let data: Vec<Vec<Option<f64>>> = values
                .iter()
                .map(|&v| vec![Some(f64::from(v)); coders])
                .collect();
            for metric in METRICS {
                prop_assert_eq!(krippendorff_alpha(&data, metric).unwrap().alpha, 1.0);
            }
        }

        #[test]
        fn alpha_is_at_most_one(data in ratings()) {
            for metric in METRICS {
                if let Ok(result) = krippendorff_alpha(&data, metric) {
                    prop_assert!(result.alpha <= 1.0 + 1e-12);
                    prop_assert!(result.observed_disagreement >= 0.0);
                }
            }
        }

        #[test]
        fn coder_and_unit_order_do_not_matter(data in ratings()) {
            let mut swapped: Vec<Vec<Option<f64>>> =
                data.iter().map(|u| u.iter().rev().copied().collect()).collect();
            swapped.reverse();
            for metric in METRICS {
                match (krippendorff_alpha(&data, metric), krippendorff_alpha(&swapped, metric)) {
                    (Ok(a), Ok(b)) => prop_assert!((a.alpha - b.alpha).abs() < 1e-9),
                    (a, b) => prop_assert_eq!(a, b),
                }
            }
        }

        #[test]
        fn interval_alpha_is_unchanged_by_a_linear_rescale(data in ratings()) {
            let rescaled: Vec<Vec<Option<f64>>> = data
                .iter()
                .map(|u| u.iter().map(|x| x.map(|x| 10.0 * x + 3.0)).collect())
                .collect();
            match (
                krippendorff_alpha(&data, Metric::Interval),
                krippendorff_alpha(&rescaled, Metric::Interval),
            ) {
                (Ok(a), Ok(b)) => prop_assert!((a.alpha - b.alpha).abs() < 1e-9),
                (a, b) => prop_assert_eq!(a, b),
            }
        }
    }
}
