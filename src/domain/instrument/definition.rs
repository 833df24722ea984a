//! The instrument model, as described in `docs/instruments.md`: a versioned, bilingual
//! questionnaire with facets, keyed items, a response scale, a scoring rule and quality checks.
//!
//! An [`Instrument`] only comes out of [`super::load()`], which validates everything; its fields
//! are public to read. Its serialization is the canonical form of the file (fields in the order
//! of the spec, compact, `pole`, `poles` and `open_question` omitted when absent), and the
//! content hash is computed over it.

use crate::domain::hash::fingerprint;
use crate::domain::text::Bilingual;
use serde::Serialize;

/// The `format` marker every instrument file carries.
pub const FORMAT: &str = "rally-instrument";

/// Who answers, and about what: the respondent about themself, the CEO or a mediator about the
/// candidate, or one of the two people of a work session about that session.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Form {
    /// `"self"`: the respondent about themself.
    SelfReport,
    /// `"observer"`: the CEO or a mediator about the candidate, third-person wording.
    Observer,
    /// `"debrief-leader"` or `"debrief-candidate"`: one side of a work session about the
    /// session itself (neither a self-report nor an observation of the candidate). The two
    /// sides answer mirrored items on the same facets, so they can be compared facet by facet.
    Debrief(DebriefSide),
}

impl Form {
    /// Every form, in the order of the spec.
    pub const ALL: [Form; 4] = [
        Form::SelfReport,
        Form::Observer,
        Form::Debrief(DebriefSide::Leader),
        Form::Debrief(DebriefSide::Candidate),
    ];

    /// The value of `form` in the file.
    pub fn as_str(self) -> &'static str {
        match self {
            Form::SelfReport => "self",
            Form::Observer => "observer",
            Form::Debrief(DebriefSide::Leader) => "debrief-leader",
            Form::Debrief(DebriefSide::Candidate) => "debrief-candidate",
        }
    }

    /// The form named `text` in a file, if there is one.
    pub fn parse(text: &str) -> Option<Form> {
        Form::ALL.into_iter().find(|f| f.as_str() == text)
    }
}

// Written as in the file, so the canonical form (and the content hash) reads back as it was.
impl Serialize for Form {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// The two people of a work session who answer its debrief: the hiring leader (CEO) and the
/// candidate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DebriefSide {
    Leader,
    Candidate,
}

impl DebriefSide {
    pub const BOTH: [DebriefSide; 2] = [DebriefSide::Leader, DebriefSide::Candidate];

    /// The end of a debrief's id: `-leader` or `-candidate`.
    pub fn id_suffix(self) -> &'static str {
        match self {
            DebriefSide::Leader => "-leader",
            DebriefSide::Candidate => "-candidate",
        }
    }
}

/// How items are answered. Both kinds rate each item on `points` labelled points; paired poles
/// add two poles per facet (see the spec).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ResponseKind {
    Likert,
    PairedPoles,
}

/// One of the two poles of a paradox facet.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Pole {
    A,
    B,
}

impl Pole {
    pub const BOTH: [Pole; 2] = [Pole::A, Pole::B];
}

/// Which direction of agreement means more of the facet.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub enum Keyed {
    /// Agreeing means more of the facet.
    #[serde(rename = "+")]
    Plus,
    /// Reverse-keyed: the item score is `points + 1 − answer`.
    #[serde(rename = "-")]
    Minus,
}

/// The response scale.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ResponseScale {
    pub kind: ResponseKind,
    /// 5 or 7.
    pub points: u8,
    /// One label per point, from 1 to `points`.
    pub labels: Vec<Bilingual>,
}

/// The names of a paradox facet's two poles.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Poles {
    pub a: Bilingual,
    pub b: Bilingual,
}

impl Poles {
    pub fn get(&self, pole: Pole) -> &Bilingual {
        match pole {
            Pole::A => &self.a,
            Pole::B => &self.b,
        }
    }
}

/// A facet: one dimension of the construct, scored on its own.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Facet {
    pub id: String,
    pub name: Bilingual,
    pub description: Bilingual,
    /// Present exactly when the response kind is `paired_poles`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub poles: Option<Poles>,
}

/// One statement the respondent rates.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Item {
    pub id: String,
    pub facet: String,
    /// Present exactly when the response kind is `paired_poles`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pole: Option<Pole>,
    pub keyed: Keyed,
    pub text: Bilingual,
}

/// A free-text question asked after the items. Answering it is never required, and it is not
/// scored.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct OpenQuestion {
    pub prompt: Bilingual,
    /// Longest answer, in characters: from 1 to [`crate::domain::limits::MAX_OPEN_ANSWER_CHARS`].
    pub max_chars: u32,
}

/// How facet scores are computed. Only one rule exists so far.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ScoringRule {
    /// The mean of the keyed item scores of the facet (per pole for paired poles).
    FacetMean,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Scoring {
    pub rule: ScoringRule,
    /// Share of a facet's items (of each pole's items, for paired poles) that must be answered.
    pub min_answered: f64,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct StraightLiningSpec {
    pub min_run: u32,
}

/// The quality checks' thresholds.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct QualitySpec {
    pub straight_lining: StraightLiningSpec,
    pub min_ms_per_item: u32,
    /// Pairs of items of the same facet (and pole) with opposite keys.
    pub inconsistent_pairs: Vec<[String; 2]>,
    pub max_inconsistent_pairs: u32,
}

/// A validated instrument. Build one with [`super::load()`].
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Instrument {
    pub format: String,
    pub id: String,
    /// `MAJOR.MINOR.PATCH`.
    pub version: String,
    pub form: Form,
    pub construct: String,
    pub title: Bilingual,
    pub instructions: Bilingual,
    pub purpose: Bilingual,
    pub response: ResponseScale,
    pub facets: Vec<Facet>,
    pub items: Vec<Item>,
    /// Asked after the items, when present (omitted from the canonical form when absent, so
    /// the instruments without one keep their hash).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub open_question: Option<OpenQuestion>,
    pub scoring: Scoring,
    pub quality: QualitySpec,
    #[serde(skip)]
    pub(super) hash: String,
}

impl Instrument {
    /// `fnv1a64:` and 16 lowercase hex digits, identifying the exact text of the instrument.
    pub fn hash(&self) -> &str {
        &self.hash
    }

    /// Number of response points (5 or 7).
    pub fn points(&self) -> u8 {
        self.response.points
    }

    pub fn is_paired_poles(&self) -> bool {
        self.response.kind == ResponseKind::PairedPoles
    }

    pub fn facet(&self, id: &str) -> Option<&Facet> {
        self.facets.iter().find(|f| f.id == id)
    }

    pub fn item(&self, id: &str) -> Option<&Item> {
        self.items.iter().find(|i| i.id == id)
    }

    /// The items of one facet, in page order.
    pub fn items_of<'a>(&'a self, facet: &'a str) -> impl Iterator<Item = &'a Item> + 'a {
        self.items.iter().filter(move |i| i.facet == facet)
    }

    /// The items of one pole of a facet, in page order.
    pub fn items_of_pole<'a>(
        &'a self,
        facet: &'a str,
        pole: Pole,
    ) -> impl Iterator<Item = &'a Item> + 'a {
        self.items_of(facet).filter(move |i| i.pole == Some(pole))
    }

    /// The item's score after reverse-keying: `answer` for `+`, `points + 1 − answer` for `-`.
    /// The answer must lie in `1..=points`.
    pub fn keyed_score(&self, item: &Item, answer: u8) -> u8 {
        match item.keyed {
            Keyed::Plus => answer,
            Keyed::Minus => self.points() + 1 - answer,
        }
    }

    /// POMP (percent of maximum possible) of a mean on this scale: `100 × (mean − 1) / (points − 1)`.
    pub fn pomp(&self, mean: f64) -> f64 {
        pomp(mean, self.points())
    }

    /// The canonical compact JSON the content hash is computed over.
    pub fn canonical_json(&self) -> String {
        // Serializing plain structs, strings and numbers cannot fail.
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// POMP of a mean on a `points`-point scale, clamped to 0–100.
pub fn pomp(mean: f64, points: u8) -> f64 {
    let span = f64::from(points.max(2)) - 1.0;
    (100.0 * (mean - 1.0) / span).clamp(0.0, 100.0)
}

/// The content hash of an instrument: `fnv1a64:` then 16 lowercase hex digits of FNV-1a 64 over
/// [`Instrument::canonical_json`].
pub fn content_hash(instrument: &Instrument) -> String {
    fingerprint(&instrument.canonical_json())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pomp_spans_the_scale() {
        assert_eq!(pomp(1.0, 5), 0.0);
        assert_eq!(pomp(5.0, 5), 100.0);
        assert_eq!(pomp(3.0, 5), 50.0);
        assert_eq!(pomp(4.0, 7), 50.0);
    }
}
