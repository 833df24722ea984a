//! An instrument file as written (`load` reads it, checking every rule; `load_known` reads a
//! built-in one by its shape alone).

use crate::domain::text::Bilingual;
use serde::Deserialize;

// The file as written: enumerations as text, so that an unknown value is one problem among
// others rather than a shape error that stops the reading.

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawInstrument {
    pub(super) format: String,
    pub(super) id: String,
    pub(super) version: String,
    pub(super) form: String,
    pub(super) construct: String,
    pub(super) title: Bilingual,
    pub(super) instructions: Bilingual,
    pub(super) purpose: Bilingual,
    pub(super) response: RawResponse,
    pub(super) facets: Vec<RawFacet>,
    pub(super) items: Vec<RawItem>,
    #[serde(default)]
    pub(super) open_question: Option<RawOpenQuestion>,
    pub(super) scoring: RawScoring,
    pub(super) quality: RawQuality,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawResponse {
    pub(super) kind: String,
    pub(super) points: u8,
    pub(super) labels: Vec<Bilingual>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawFacet {
    pub(super) id: String,
    pub(super) name: Bilingual,
    pub(super) description: Bilingual,
    #[serde(default)]
    pub(super) poles: Option<RawPoles>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawPoles {
    pub(super) a: Bilingual,
    pub(super) b: Bilingual,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawItem {
    pub(super) id: String,
    pub(super) facet: String,
    #[serde(default)]
    pub(super) pole: Option<String>,
    pub(super) keyed: String,
    pub(super) text: Bilingual,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawOpenQuestion {
    pub(super) prompt: Bilingual,
    pub(super) max_chars: u32,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawScoring {
    pub(super) rule: String,
    pub(super) min_answered: f64,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawQuality {
    pub(super) straight_lining: RawStraightLining,
    pub(super) min_ms_per_item: u32,
    pub(super) inconsistent_pairs: Vec<[String; 2]>,
    pub(super) max_inconsistent_pairs: u32,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawStraightLining {
    pub(super) min_run: u32,
}
