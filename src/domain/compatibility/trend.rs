//! The trend of a part across sessions, and the count of trends per group.
//!
//! The rule (also in `docs/formulas.md`, "The compatibility picture"):
//!
//! * a trend needs values in at least [`MIN_SESSIONS`] (2) sessions; a session without a value
//!   is skipped, the others keep their place in the plan;
//! * the direction is read from the least-squares line through the values
//!   ([`crate::domain::observation::indices::fit`], the same fit as the session analysis): its
//!   change from the first to the last value is **stable** when within the part's
//!   [`Tolerance`], otherwise rising or falling;
//! * a rising or falling trend is **consistent** when it rests on at least
//!   [`CONSISTENT_FROM`] (3) sessions and every step from one session to the next moves the
//!   same way by more than the tolerance.

use super::part::{Part, PartGroup, Scale};
use crate::domain::observation::indices::{fit, STABLE_WITHIN};
use serde::Serialize;

/// Sessions with a value a trend needs.
pub const MIN_SESSIONS: usize = 2;
/// Sessions with a value a consistent trend needs.
pub const CONSISTENT_FROM: usize = 3;

/// Within this many levels (1–5 grid), a change of the mediators' mean is stable: one of two
/// mediators moving one level (0.5) is not a trend; both moving (1.0) is.
pub const LEVEL_TOLERANCE: f64 = 0.5;
/// Within this many POMP points, a change of a debrief facet (or of the gap) is stable: one
/// answer of a three-item facet moved by one point changes its POMP by 8.3.
pub const POMP_TOLERANCE: f64 = 10.0;
/// Within this much, a change of the floor balance is stable: 0.1 of balance is 5 points of
/// floor share passing from one person to the other.
pub const BALANCE_TOLERANCE: f64 = 0.10;
/// A rate's change is stable within [`STABLE_WITHIN`] of its mean (as in the session
/// analysis), and never below this many events per 10 minutes, so that rare events (none, then
/// one in an hour) do not read as a trend.
pub const RATE_FLOOR: f64 = 0.5;

/// How much change counts as stable: the larger of `absolute` and `relative` × the series'
/// mean absolute value.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Tolerance {
    pub absolute: f64,
    pub relative: f64,
}

impl Tolerance {
    /// The tolerance of a scale: absolute on the bounded scales with an arbitrary zero (levels,
    /// POMP, balance); relative for ratios and rates, as in the session analysis
    /// ([`STABLE_WITHIN`]), with a floor for rates.
    pub fn of(scale: Scale) -> Tolerance {
        let (absolute, relative) = match scale {
            Scale::Level => (LEVEL_TOLERANCE, 0.0),
            Scale::Pomp => (POMP_TOLERANCE, 0.0),
            Scale::Balance => (BALANCE_TOLERANCE, 0.0),
            Scale::Ratio => (0.0, STABLE_WITHIN),
            Scale::Rate => (RATE_FLOOR, STABLE_WITHIN),
        };
        Tolerance { absolute, relative }
    }

    /// The tolerance for a series whose mean absolute value is `mean_abs`.
    pub fn at(&self, mean_abs: f64) -> f64 {
        self.absolute.max(self.relative * mean_abs)
    }
}

/// Where a part is heading across sessions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case", tag = "trend")]
pub enum Trend {
    /// Fewer than [`MIN_SESSIONS`] sessions with a value (`sessions` of them).
    NotEnough {
        sessions: usize,
    },
    Rising {
        consistent: bool,
    },
    Falling {
        consistent: bool,
    },
    Stable,
}

impl Trend {
    pub fn is_rising(self) -> bool {
        matches!(self, Trend::Rising { .. })
    }

    pub fn is_falling(self) -> bool {
        matches!(self, Trend::Falling { .. })
    }
}

/// A trend with what it was read from: the fitted change and the tolerance it was held to
/// (both `None` without enough sessions).
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct TrendReading {
    pub trend: Trend,
    pub change: Option<f64>,
    pub tolerance: Option<f64>,
}

/// The trend of `values` (one per planned session, `None` where there is none) under
/// `tolerance`.
pub fn trend(values: &[Option<f64>], tolerance: Tolerance) -> TrendReading {
    let present: Vec<f64> = values
        .iter()
        .flatten()
        .copied()
        .filter(|v| v.is_finite())
        .collect();
    let Some(f) = fit(values).filter(|f| f.points >= MIN_SESSIONS) else {
        return TrendReading {
            trend: Trend::NotEnough {
                sessions: present.len(),
            },
            change: None,
            tolerance: None,
        };
    };
    let tol = tolerance.at(f.mean_abs);
    let steps = || present.windows(2).map(|w| w[1] - w[0]);
    let consistent = |up: bool| {
        present.len() >= CONSISTENT_FROM && steps().all(|d| if up { d > tol } else { -d > tol })
    };
    let trend = if f.change.abs() <= tol {
        Trend::Stable
    } else if f.change > 0.0 {
        Trend::Rising {
            consistent: consistent(true),
        }
    } else {
        Trend::Falling {
            consistent: consistent(false),
        }
    };
    TrendReading {
        trend,
        change: Some(f.change),
        tolerance: Some(tol),
    }
}

/// The rule every trend follows, carried by each summary so that its line can state it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct TrendRule {
    pub min_sessions: usize,
    pub consistent_from: usize,
}

/// The rule in force.
pub const RULE: TrendRule = TrendRule {
    min_sessions: MIN_SESSIONS,
    consistent_from: CONSISTENT_FROM,
};

/// The trends of one group counted: "4 of 6 dimensions rising, 1 falling".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub group: PartGroup,
    pub total: usize,
    pub rising: usize,
    pub falling: usize,
    pub stable: usize,
    pub not_enough: usize,
    /// Of `rising`, how many are consistent.
    pub rising_consistent: usize,
    /// Of `falling`, how many are consistent.
    pub falling_consistent: usize,
    pub rule: TrendRule,
}

/// One summary per group, in [`PartGroup::ALL`] order, over `(part, trend)` pairs.
pub fn summarise<'a>(trends: impl Iterator<Item = (&'a Part, Trend)> + Clone) -> Vec<Summary> {
    PartGroup::ALL
        .iter()
        .map(|&group| {
            let mut s = Summary {
                group,
                total: 0,
                rising: 0,
                falling: 0,
                stable: 0,
                not_enough: 0,
                rising_consistent: 0,
                falling_consistent: 0,
                rule: RULE,
            };
            for (_, t) in trends.clone().filter(|(p, _)| p.group() == group) {
                s.total += 1;
                match t {
                    Trend::NotEnough { .. } => s.not_enough += 1,
                    Trend::Stable => s.stable += 1,
                    Trend::Rising { consistent } => {
                        s.rising += 1;
                        s.rising_consistent += usize::from(consistent);
                    }
                    Trend::Falling { consistent } => {
                        s.falling += 1;
                        s.falling_consistent += usize::from(consistent);
                    }
                }
            }
            s
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn level(values: &[Option<f64>]) -> Trend {
        trend(values, Tolerance::of(Scale::Level)).trend
    }

    #[test]
    fn two_sessions_make_a_trend_three_make_it_consistent() {
        assert_eq!(
            level(&[Some(3.0), None, None]),
            Trend::NotEnough { sessions: 1 }
        );
        assert_eq!(level(&[None, None, None]), Trend::NotEnough { sessions: 0 });
        // Two sessions: rising by 1 level, beyond 0.5, never consistent.
        assert_eq!(
            level(&[Some(3.0), Some(4.0), None]),
            Trend::Rising { consistent: false }
        );
        // Three steps up by 1: consistent.
        assert_eq!(
            level(&[Some(2.0), Some(3.0), Some(4.0)]),
            Trend::Rising { consistent: true }
        );
        // Up, then flat: the fitted change is 1.0 (rising), but one step is within 0.5.
        assert_eq!(
            level(&[Some(3.0), Some(4.0), Some(4.0)]),
            Trend::Rising { consistent: false }
        );
        // A missing middle session: 4 then 2.5 two places later; both steps count as one.
        assert_eq!(
            level(&[Some(4.0), None, Some(2.5), Some(1.5)]),
            Trend::Falling { consistent: true }
        );
    }

    #[test]
    fn within_the_tolerance_is_stable() {
        // Half a level over the sessions: exactly the tolerance, stable.
        assert_eq!(level(&[Some(3.0), Some(3.5)]), Trend::Stable);
        assert_eq!(level(&[Some(3.0), Some(3.5), Some(3.0)]), Trend::Stable);
        // Rates: 10 % of the mean, at least 0.5 per 10 min.
        let rate = |v: &[Option<f64>]| trend(v, Tolerance::of(Scale::Rate));
        let r = rate(&[Some(0.0), Some(0.4)]);
        assert_eq!(r.trend, Trend::Stable);
        assert_eq!(r.tolerance, Some(0.5));
        // 10 → 11.5: change 1.5, tolerance 10 % of 10.75 = 1.075: rising.
        let r = rate(&[Some(10.0), Some(11.5)]);
        assert_eq!(r.trend, Trend::Rising { consistent: false });
        assert!((r.tolerance.unwrap() - 1.075).abs() < 1e-12);
        assert!((r.change.unwrap() - 1.5).abs() < 1e-12);
    }

    #[test]
    fn summaries_count_each_group() {
        let parts = [
            Part::Rating("a".into()),
            Part::Rating("b".into()),
            Part::Rating("c".into()),
            Part::Convergence,
        ];
        let trends = [
            Trend::Rising { consistent: true },
            Trend::Falling { consistent: false },
            Trend::NotEnough { sessions: 1 },
            Trend::Stable,
        ];
        let all = summarise(parts.iter().zip(trends));
        assert_eq!(all.len(), PartGroup::ALL.len());
        let r = all[0];
        assert_eq!(
            (r.total, r.rising, r.falling, r.stable, r.not_enough),
            (3, 1, 1, 0, 1)
        );
        assert_eq!((r.rising_consistent, r.falling_consistent), (1, 0));
        assert_eq!(all[4].stable, 1);
        assert_eq!(all[1].total, 0);
    }
}
