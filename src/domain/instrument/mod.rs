//! Questionnaires as data: instrument definitions (bilingual, versioned), loading with
//! validation, scoring and quality checks.

pub mod builtin;
pub mod definition;
pub mod load;
pub mod quality;
mod raw;
pub mod score;

pub use builtin::{builtin, builtin_by_id, debrief_for, superseded};
pub use definition::{
    content_hash, pomp, DebriefSide, Facet, Form, Instrument, Item, Keyed, OpenQuestion, Pole,
    Poles, ResponseKind,
};
pub use load::{load, problems_across, InstrumentProblem, ProblemKind};
pub use quality::{Flag, QualityReport};
pub use score::{
    item_matrix, pole_item_matrix, score, Answer, FacetResult, FacetScore, Response, ScoreError,
    ScoreReport,
};

#[cfg(test)]
mod tests;
