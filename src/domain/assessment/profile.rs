//! The support-axis profile against the role: balance across the seven axes (coefficient of
//! variation, Gini coefficient, share of the dominant axis) and each axis against the role's
//! acceptable band, with flags in plain words ("leans strongly to finance; HR below the role's
//! band"). "An expert… but not too much": a profile may be flagged for being *above* a band too.
//!
//! The axis level is the facet's mean keyed answer on the instrument's 1–5 scale, read on the
//! role's 1–5 mastery scale. Thresholds: the profile "leans strongly" to its dominant axis when
//! that axis holds at least [`LEANS_FROM`] times an equal share, or when the Gini coefficient
//! is at least [`GINI_UNEVEN_FROM`].

use crate::domain::role::{Role, SupportAxis};
use crate::domain::stats::{self, Band, BandPosition};
use serde::Serialize;

/// The dominant axis "leans strongly" from this multiple of an equal share (1/7 of the total).
pub const LEANS_FROM: f64 = 1.5;
/// A Gini coefficient from which the profile reads as uneven.
pub const GINI_UNEVEN_FROM: f64 = 0.15;

/// One axis: the candidate's level and where it stands against the role's band.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AxisReading {
    pub axis: SupportAxis,
    pub level: f64,
    pub target: u8,
    pub min: u8,
    pub max: u8,
    /// Negative below the band, positive above it, 0 within.
    pub off_band_by: f64,
}

/// The whole reading of a profile against a role.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ProfileReport {
    pub axes: Vec<AxisReading>,
    pub coefficient_of_variation: f64,
    pub gini: f64,
    pub dominant: SupportAxis,
    pub dominant_share: f64,
    pub leans_strongly: bool,
}

/// Why a profile cannot be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ProfileError {
    #[error("the profile does not give a level for every support axis")]
    Incomplete,
    #[error("the levels cannot be compared: {0}")]
    Stats(#[from] stats::StatsError),
}

/// Reads `levels` (one per axis, in any order) against `role`.
pub fn profile_report(
    levels: &[(SupportAxis, f64)],
    role: &Role,
) -> Result<ProfileReport, ProfileError> {
    let mut values = Vec::with_capacity(SupportAxis::ALL.len());
    let mut axes = Vec::with_capacity(SupportAxis::ALL.len());
    for axis in SupportAxis::ALL {
        let level = levels
            .iter()
            .find(|(a, _)| *a == axis)
            .map(|(_, l)| *l)
            .ok_or(ProfileError::Incomplete)?;
        let target = role.axis(axis).ok_or(ProfileError::Incomplete)?;
        let band = Band::new(f64::from(target.min), f64::from(target.max))?;
        let off_band_by = match band.position(level)? {
            BandPosition::Below { by } => -by,
            BandPosition::Within => 0.0,
            BandPosition::Above { by } => by,
        };
        values.push(level);
        axes.push(AxisReading {
            axis,
            level,
            target: target.target,
            min: target.min,
            max: target.max,
            off_band_by,
        });
    }
    let balance = stats::balance(&values)?;
    let dominant = SupportAxis::ALL[balance.dominant.axis];
    let equal_share = 1.0 / SupportAxis::ALL.len() as f64;
    Ok(ProfileReport {
        axes,
        coefficient_of_variation: balance.cv,
        gini: balance.gini,
        dominant,
        dominant_share: balance.dominant.share,
        leans_strongly: balance.dominant.share >= LEANS_FROM * equal_share
            || balance.gini >= GINI_UNEVEN_FROM,
    })
}

/// A plain-words flag on a profile (turned into a sentence by the message catalogue).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "flag", content = "axis")]
pub enum ProfileFlag {
    /// The profile leans strongly to this axis (its dominant one).
    LeansTo(SupportAxis),
    /// This axis is below the role's band.
    BelowBand(SupportAxis),
    /// This axis is above the role's band: "an expert, but not too much".
    AboveBand(SupportAxis),
}

/// The flags of a profile, in reading order: the lean first, then each axis off its band in
/// the axes' order.
pub fn profile_flags(report: &ProfileReport) -> Vec<ProfileFlag> {
    let mut flags = Vec::new();
    if report.leans_strongly {
        flags.push(ProfileFlag::LeansTo(report.dominant));
    }
    for a in &report.axes {
        if a.off_band_by < 0.0 {
            flags.push(ProfileFlag::BelowBand(a.axis));
        } else if a.off_band_by > 0.0 {
            flags.push(ProfileFlag::AboveBand(a.axis));
        }
    }
    flags
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::role::builtin_roles;

    fn cso() -> &'static Role {
        &builtin_roles()[0]
    }

    #[test]
    fn a_balanced_profile_within_bands_raises_no_flag() {
        let levels: Vec<_> = SupportAxis::ALL.iter().map(|a| (*a, 3.0)).collect();
        let r = profile_report(&levels, cso()).unwrap();
        assert_eq!(r.gini, 0.0);
        assert_eq!(r.coefficient_of_variation, 0.0);
        assert!(!r.leans_strongly);
        assert!(profile_flags(&r).is_empty());
    }

    #[test]
    fn a_finance_heavy_profile_is_flagged_in_plain_words() {
        // Finance 5, HR 1, the rest 3: sum 21, finance share 5/21 = 0.238 ≥ 1.5/7 = 0.214.
        let levels: Vec<_> = SupportAxis::ALL
            .iter()
            .map(|a| {
                (
                    *a,
                    match a {
                        SupportAxis::Finance => 5.0,
                        SupportAxis::Hr => 1.0,
                        _ => 3.0,
                    },
                )
            })
            .collect();
        let r = profile_report(&levels, cso()).unwrap();
        assert_eq!(r.dominant, SupportAxis::Finance);
        assert!((r.dominant_share - 5.0 / 21.0).abs() < 1e-12);
        assert!(r.leans_strongly);
        assert_eq!(
            profile_flags(&r),
            [
                ProfileFlag::LeansTo(SupportAxis::Finance),
                ProfileFlag::AboveBand(SupportAxis::Finance),
                ProfileFlag::BelowBand(SupportAxis::Hr),
            ]
        );
        let hr = r.axes.iter().find(|a| a.axis == SupportAxis::Hr).unwrap();
        assert_eq!(hr.off_band_by, -1.0, "band 2–4, level 1");
    }

    #[test]
    fn a_missing_axis_is_refused() {
        let levels = [(SupportAxis::Law, 3.0)];
        assert_eq!(
            profile_report(&levels, cso()),
            Err(ProfileError::Incomplete)
        );
    }
}
