//! What the recruiter reads from self-assessments: self-versus-observer gaps by facet, the
//! paradoxes chart, the support-axis profile against the role's bands, and the reliability of
//! each facet across the campaign's respondents. Pure functions over scores; the formulas and
//! thresholds are documented in `docs/formulas.md`.

pub mod chart;
pub mod export;
pub mod gaps;
pub mod profile;
pub mod reliability;
pub mod results;
