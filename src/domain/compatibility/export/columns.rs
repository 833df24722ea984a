//! The column titles of the comparison CSV, part of its format (`docs/file-format.md`, "The
//! comparison CSV"), and the names of the parts that are not data of a grid or an
//! instrument (the working indices, the convergence), which the CSV writes and the message
//! catalogue reuses. Titles are lower case with underscores, usable as variable names.

use crate::domain::lang::{catalogue, Lang};

catalogue! {
    Cx;
    CampaignId => "id_campagne", "campaign_id";
    CandidateId => "id_candidat", "candidate_id";
    Candidate => "candidat", "candidate";
    Part => "élément", "part";
    PartName => "nom_élément", "part_name";
    Session => "séance", "session";
    Mean => "moyenne", "mean";
    Sessions => "séances_renseignées", "sessions_with_value";
    Trend => "tendance", "trend";
    Consistent => "régulière", "consistent";
    Change => "variation_ajustée", "fitted_change";
    Tolerance => "tolérance", "tolerance";
    // Names of the parts.
    FloorBalance => "Équilibre de la parole", "Balance of the floor";
    Climate => "Climat (gestes positifs par gestes négatifs)", "Climate (positive per negative moves)";
    BuildsOn => "Rebondit sur les idées de l'autre", "Builds on the other's ideas";
    Reformulates => "Reformule", "Reformulates";
    AsksWhy => "Demande «\u{a0}pourquoi\u{a0}»", "Asks “why”";
    Interrupts => "Interrompt", "Interrupts";
    TalksOver => "Parle par-dessus", "Talks over";
    ByLeader => "le dirigeant", "the leader";
    ByCandidate => "le candidat", "the candidate";
    PerTenMinutes => "par 10\u{a0}min", "per 10 min";
    LeaderDebrief => "Débrief du dirigeant", "Leader's debrief";
    CandidateDebrief => "Débrief du candidat", "Candidate's debrief";
    Convergence => "Écart moyen entre les deux débriefs (points)", "Mean gap between the two debriefs (points)";
}

/// The titles of the comparison CSV in `lang`, for `sessions` planned sessions.
pub fn header(lang: Lang, sessions: usize) -> Vec<String> {
    let mut out: Vec<String> = [
        Cx::CampaignId,
        Cx::CandidateId,
        Cx::Candidate,
        Cx::Part,
        Cx::PartName,
    ]
    .iter()
    .map(|c| c.get(lang).to_owned())
    .collect();
    out.extend((1..=sessions).map(|n| format!("{}_{n}", Cx::Session.get(lang))));
    out.extend(
        [
            Cx::Mean,
            Cx::Sessions,
            Cx::Trend,
            Cx::Consistent,
            Cx::Change,
            Cx::Tolerance,
        ]
        .iter()
        .map(|c| c.get(lang).to_owned()),
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn every_title_exists_in_both_languages_and_none_repeats() {
        for t in Cx::ALL {
            for lang in Lang::ALL {
                assert!(!t.get(lang).trim().is_empty(), "{t:?} {lang:?}");
            }
        }
        for lang in Lang::ALL {
            let h = header(lang, 4);
            assert!(
                h.iter().all(|t| !t.contains([',', '"', '\n', ' '])),
                "{h:?}"
            );
            assert_eq!(h.iter().collect::<HashSet<_>>().len(), h.len());
            assert_eq!(h.len(), 5 + 4 + 6);
        }
    }
}
