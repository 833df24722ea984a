//! Texts of the campaign page's session debriefs (part of the one catalogue, see the parent
//! module): the leader's and each candidate's invitation to debrief each work session, and
//! whose debrief has come back.

use super::Lang;
use crate::domain::lang::catalogue;

catalogue! {
    D;
    Title => "Débriefings de séance", "Session debriefs";
    Intro => "Après chaque séance de travail, le dirigeant et le candidat répondent chacun de leur côté au même court questionnaire sur cette séance (des questions en miroir, puis une question ouverte). Mettre les deux en regard montre comment chacun l'a vécue. Chaque personne reçoit, pour chaque séance, sa propre invitation (un fichier ou un lien).", "After each work session, the leader and the candidate each answer, on their own, the same short questionnaire about that session (mirrored questions, then one open question). Setting the two side by side shows how each of them lived it. Each person gets, for each session, their own invitation (a file or a link).";
    NotPlanned => "Les débriefings de séance ne sont pas prévus dans cette campagne.", "Session debriefs are not planned in this campaign.";
    Plan => "Prévoir les débriefings de séance", "Plan the session debriefs";
    ColWith => "Avec", "With";
    Returned => "Débriefing reçu", "Debrief returned";
    ReturnedTitle => "Débriefings reçus", "Debriefs received";
    ReturnedHint => "Importez le fichier renvoyé ou collez le code court reçu (il commence par «\u{a0}R2-\u{a0}»). Les réponses aux autoévaluations peuvent arriver par le même chemin.", "Import the returned file or paste the short code you received (it starts with “R2-”). Answers to self-assessments may come the same way.";
    PasteCode => "Code d'un débriefing", "Debrief code";
}

/// "2 of 4 debriefs returned" — under a session's heading.
pub fn returned_count(lang: Lang, returned: usize, asked: usize) -> String {
    match lang {
        Lang::Fr => format!("{returned} débriefing(s) reçu(s) sur {asked}"),
        Lang::En => format!("{returned} of {asked} debriefs returned"),
    }
}

/// The context of a row's buttons, for screen readers: "Hélène Garnier — session 1 with Paul".
pub fn row_label(lang: Lang, respondent: &str, session: usize, with: &str) -> String {
    match lang {
        Lang::Fr => format!("{respondent} — séance {session} avec {with}"),
        Lang::En => format!("{respondent} — session {session} with {with}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_exists_in_both_languages() {
        for t in D::ALL {
            assert!(!t.get(Lang::Fr).trim().is_empty(), "{t:?} fr");
            assert!(!t.get(Lang::En).trim().is_empty(), "{t:?} en");
            assert_ne!(t.get(Lang::Fr), t.get(Lang::En), "{t:?}");
        }
        assert_eq!(returned_count(Lang::En, 1, 4), "1 of 4 debriefs returned");
        assert_eq!(row_label(Lang::Fr, "H", 2, "P"), "H — séance 2 avec P");
    }
}
