//! The column titles of the self-assessment CSV exports, part of their format: the titles of
//! the scores and answers files (described in `docs/file-format.md`, "CSV exports") and the
//! name of the scale row.
//! Titles are short identifiers, lower case with underscores, so that they also work as
//! variable names in R, Python or a pivot table.

use crate::domain::lang::{catalogue, Lang};

catalogue! {
    Ex;
    CampaignId => "id_campagne", "campaign_id";
    ResponseId => "id_réponse", "response_id";
    RespondentId => "id_répondant", "respondent_id";
    Respondent => "répondant", "respondent";
    RespondentKind => "type_répondant", "respondent_kind";
    SubjectId => "id_personne_évaluée", "subject_id";
    Subject => "personne_évaluée", "subject";
    InstrumentId => "id_questionnaire", "instrument_id";
    InstrumentVersion => "version_questionnaire", "instrument_version";
    InstrumentHash => "empreinte_questionnaire", "instrument_hash";
    Facet => "facette", "facet";
    FacetName => "nom_facette", "facet_name";
    Status => "statut", "status";
    Answered => "répondues", "answered";
    Items => "questions", "items";
    Mean => "moyenne", "mean";
    Pomp => "pomp", "pomp";
    PoleAPomp => "pomp_pôle_a", "pole_a_pomp";
    PoleBPomp => "pomp_pôle_b", "pole_b_pomp";
    Holding => "tenue", "holding";
    Lean => "penchant", "lean";
    QualityFlags => "alertes_qualité", "quality_flags";
    SubmittedAt => "envoyé_le", "submitted_at";
    Item => "question", "item";
    Pole => "pôle", "pole";
    Keyed => "sens", "keyed";
    Answer => "réponse", "answer";
    KeyedScore => "score_orienté", "keyed_score";
    Seconds => "secondes", "seconds";
    ScaleName => "Échelle entière (moyenne des facettes)", "Whole scale (mean of the facets)";
}

/// The first columns of both CSVs, in order: which response, by whom, about whom, on which
/// instrument text.
pub const IDENTITY_COLUMNS: [Ex; 10] = [
    Ex::CampaignId,
    Ex::ResponseId,
    Ex::RespondentId,
    Ex::Respondent,
    Ex::RespondentKind,
    Ex::SubjectId,
    Ex::Subject,
    Ex::InstrumentId,
    Ex::InstrumentVersion,
    Ex::InstrumentHash,
];

/// The columns of the scores CSV after [`IDENTITY_COLUMNS`], in order.
pub const SCORE_COLUMNS: [Ex; 13] = [
    Ex::Facet,
    Ex::FacetName,
    Ex::Status,
    Ex::Answered,
    Ex::Items,
    Ex::Mean,
    Ex::Pomp,
    Ex::PoleAPomp,
    Ex::PoleBPomp,
    Ex::Holding,
    Ex::Lean,
    Ex::QualityFlags,
    Ex::SubmittedAt,
];

/// The columns of the answers CSV after [`IDENTITY_COLUMNS`], in order.
pub const ANSWER_COLUMNS: [Ex; 8] = [
    Ex::Item,
    Ex::Facet,
    Ex::Pole,
    Ex::Keyed,
    Ex::Answer,
    Ex::KeyedScore,
    Ex::Seconds,
    Ex::SubmittedAt,
];

/// The titles of a CSV in `lang`: the identity columns, then `columns`.
fn header(columns: &[Ex], lang: Lang) -> Vec<&'static str> {
    IDENTITY_COLUMNS
        .iter()
        .chain(columns)
        .map(|c| c.get(lang))
        .collect()
}

/// The titles of the scores CSV in `lang`.
pub fn scores_header(lang: Lang) -> Vec<&'static str> {
    header(&SCORE_COLUMNS, lang)
}

/// The titles of the answers CSV in `lang`.
pub fn answers_header(lang: Lang) -> Vec<&'static str> {
    header(&ANSWER_COLUMNS, lang)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn every_title_exists_in_both_languages_and_none_repeats() {
        for t in Ex::ALL {
            for lang in Lang::ALL {
                let text = t.get(lang);
                assert!(!text.trim().is_empty(), "{t:?} {lang:?}");
                assert!(!text.contains([',', '"', '\n', '\r']), "{t:?} {lang:?}");
            }
        }
        for lang in Lang::ALL {
            let scores: HashSet<_> = scores_header(lang).into_iter().collect();
            assert_eq!(
                scores.len(),
                IDENTITY_COLUMNS.len() + SCORE_COLUMNS.len(),
                "{lang:?}"
            );
            let answers: HashSet<_> = answers_header(lang).into_iter().collect();
            assert_eq!(
                answers.len(),
                IDENTITY_COLUMNS.len() + ANSWER_COLUMNS.len(),
                "{lang:?}"
            );
        }
    }
}
