//! Self versus observers, facet by facet: the gap between the candidate's own score and the
//! mean of the observers' scores (CEO, mediators), placed in one of four quadrants.
//!
//! Thresholds (POMP, 0–100): a facet is **high** at [`HIGH_FROM`] or above; a gap counts from
//! [`GAP_FROM`] points. The quadrants follow the Johari window's logic as used in 360° feedback:
//! agreed strength (both high), hidden strength (observers high, self not), blind spot (self
//! high, observers not), agreed development area (both not high).

use serde::Serialize;

/// A facet score is "high" from this POMP value.
pub const HIGH_FROM: f64 = 60.0;
/// A self–observer difference counts as a gap from this many POMP points.
pub const GAP_FROM: f64 = 15.0;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Quadrant {
    AgreedStrength,
    HiddenStrength,
    BlindSpot,
    AgreedDevelopment,
}

/// One facet seen by the candidate and by the observers.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FacetGap {
    pub facet: String,
    pub self_pomp: f64,
    pub observers_pomp: f64,
    pub observers: usize,
    /// `self − observers`: positive when the candidate rates themself higher.
    pub gap: f64,
    pub quadrant: Quadrant,
    /// True when `|gap| ≥ GAP_FROM`.
    pub notable: bool,
}

/// Places one facet; `None` when the self score or every observer score is missing.
pub fn facet_gap(
    facet: &str,
    self_pomp: Option<f64>,
    observer_pomps: &[Option<f64>],
) -> Option<FacetGap> {
    let self_pomp = self_pomp?;
    let scored: Vec<f64> = observer_pomps.iter().flatten().copied().collect();
    if scored.is_empty() {
        return None;
    }
    let observers_pomp = scored.iter().sum::<f64>() / scored.len() as f64;
    let (me, them) = (self_pomp >= HIGH_FROM, observers_pomp >= HIGH_FROM);
    let quadrant = match (me, them) {
        (true, true) => Quadrant::AgreedStrength,
        (false, true) => Quadrant::HiddenStrength,
        (true, false) => Quadrant::BlindSpot,
        (false, false) => Quadrant::AgreedDevelopment,
    };
    let gap = self_pomp - observers_pomp;
    Some(FacetGap {
        facet: facet.to_owned(),
        self_pomp,
        observers_pomp,
        observers: scored.len(),
        gap,
        quadrant,
        notable: gap.abs() >= GAP_FROM,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quadrants_and_gaps() {
        let g = facet_gap("loyalty", Some(80.0), &[Some(70.0), Some(50.0), None]).unwrap();
        // observers: (70 + 50) / 2 = 60 → high; self 80 → high; gap 20 → notable.
        assert_eq!(g.observers_pomp, 60.0);
        assert_eq!(g.quadrant, Quadrant::AgreedStrength);
        assert_eq!(g.gap, 20.0);
        assert!(g.notable);
        assert_eq!(
            facet_gap("x", Some(40.0), &[Some(75.0)]).unwrap().quadrant,
            Quadrant::HiddenStrength
        );
        assert_eq!(
            facet_gap("x", Some(90.0), &[Some(45.0)]).unwrap().quadrant,
            Quadrant::BlindSpot
        );
        let dev = facet_gap("x", Some(50.0), &[Some(55.0)]).unwrap();
        assert_eq!(dev.quadrant, Quadrant::AgreedDevelopment);
        assert!(!dev.notable);
        assert_eq!(facet_gap("x", None, &[Some(55.0)]), None);
        assert_eq!(facet_gap("x", Some(50.0), &[None]), None);
    }
}
