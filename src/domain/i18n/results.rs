//! Texts of the self-assessment results page.

use super::{number, Lang};
use crate::domain::assessment::gaps::Quadrant;
use crate::domain::assessment::profile::ProfileFlag;
use crate::domain::lang::catalogue;

catalogue! {
    Res;
    Title => "Résultats des autoévaluations", "Self-assessment results";
    BackToCampaign => "Retour à la campagne", "Back to the campaign";
    NotFound => "Ce candidat n'existe pas dans cette campagne.", "This candidate is not in this campaign.";
    Nothing => "Aucune réponse n'a encore été reçue pour ce candidat. Importez les réponses depuis la page de la campagne.", "No answers have been received for this candidate yet. Import answers from the campaign page.";
    Intro => "Les scores sont sur 100 (POMP\u{a0}: 0 = la réponse la plus basse à chaque question, 100 = la plus haute). Ils décrivent la façon dont la personne se voit et dont les observateurs la voient\u{a0}; ils ne décident de rien à eux seuls.", "Scores are out of 100 (POMP: 0 = the lowest answer to every item, 100 = the highest). They describe how the person sees themself and how observers see them; on their own they decide nothing.";
    ColFacet => "Facette", "Facet";
    ColSelf => "Autoévaluation", "Self";
    ColObservers => "Observateurs", "Observers";
    ColGap => "Écart", "Gap";
    ColQuadrant => "Lecture", "Reading";
    ColAlpha => "Alpha de Cronbach", "Cronbach's alpha";
    NoSelf => "Le candidat n'a pas encore répondu à ce questionnaire\u{a0}: seules les réponses des observateurs sont connues.", "The candidate has not answered this questionnaire yet: only the observers' answers are known.";
    NoObservers => "Aucun observateur n'a encore répondu\u{a0}: pas de comparaison possible.", "No observer has answered yet: nothing to compare with.";
    NotScored => "non calculé", "not scored";
    NoQualityFlag => "Aucun signal de qualité\u{a0}: réponses variées, rythme plausible, paires de contrôle cohérentes.", "No quality flag: varied answers, a plausible pace, consistent control pairs.";
    QualityTitle => "Qualité des réponses", "Answer quality";
    ScaleLine => "Score global", "Overall score";
    Observers => "Observateurs", "Observers";
    BalanceTitle => "Équilibre du profil", "Profile balance";
    BalanceIntro => "Niveaux déclarés de 1 à 5 sur chaque axe support, comparés à la plage attendue par le rôle («\u{a0}expert, mais pas trop\u{a0}»).", "Self-rated levels from 1 to 5 on each support axis, against the band the role expects (“an expert, but not too much”).";
    Cv => "Coefficient de variation", "Coefficient of variation";
    Gini => "Coefficient de Gini", "Gini coefficient";
    DominantShare => "Part de l'axe dominant", "Share of the dominant axis";
    BalanceFine => "Profil équilibré, chaque axe dans la plage du rôle.", "A balanced profile, every axis within the role's band.";
    ProfileIncomplete => "Profil incomplet\u{a0}: un axe n'a pas assez de réponses pour être calculé.", "Incomplete profile: an axis has too few answers to be scored.";
    RoleTarget => "Cible du rôle", "Role target";
    RoleBand => "Plage du rôle", "Role band";
    SelfSeries => "Autoévaluation", "Self";
    ObserversSeries => "Moyenne des observateurs", "Observers' mean";
    ParadoxTitle => "Tenue des paradoxes", "Holding the paradoxes";
    AxesRadarTitle => "Axes support et plage du rôle", "Support axes against the role's band";
    RadarTitle => "Profil par facette", "Profile by facet";
    MapTitle => "Autoévaluation et regard des observateurs", "Self-view and observers' view";
    ReliabilityNote => "Alpha de Cronbach calculé sur les autoévaluations de tous les candidats de la campagne à ce questionnaire.", "Cronbach's alpha computed over every candidate's self-assessment in this campaign.";
    PosturesNote => "Pondération du rôle", "Role weighting";
    ExportCsv => "Exporter les scores (CSV)", "Export the scores (CSV)";
    Print => "Imprimer", "Print";
}

pub fn quadrant(lang: Lang, q: Quadrant) -> &'static str {
    match (lang, q) {
        (Lang::Fr, Quadrant::AgreedStrength) => "force reconnue",
        (Lang::En, Quadrant::AgreedStrength) => "agreed strength",
        (Lang::Fr, Quadrant::HiddenStrength) => "force cachée",
        (Lang::En, Quadrant::HiddenStrength) => "hidden strength",
        (Lang::Fr, Quadrant::BlindSpot) => "angle mort",
        (Lang::En, Quadrant::BlindSpot) => "blind spot",
        (Lang::Fr, Quadrant::AgreedDevelopment) => "axe de progrès partagé",
        (Lang::En, Quadrant::AgreedDevelopment) => "agreed development area",
    }
}

/// "+18" / "−7" POMP points.
pub fn signed(lang: Lang, v: f64) -> String {
    let n = number(lang, v.abs(), 0);
    if v.round() > 0.0 {
        format!("+{n}")
    } else if v.round() < 0.0 {
        format!("\u{2212}{n}")
    } else {
        n
    }
}

/// "0.81 (unstable: 3 respondents…)", or per pole for a paradox: "a 0.74 · b 0.69".
pub fn alpha(
    lang: Lang,
    alpha: Option<f64>,
    poles: Option<(Option<f64>, Option<f64>)>,
    used: usize,
    unstable: bool,
) -> String {
    let one = |a: Option<f64>| a.map_or_else(|| "—".to_owned(), |a| number(lang, a, 2));
    let value = match poles {
        Some((a, b)) => format!("a {} · b {}", one(a), one(b)),
        None => one(alpha),
    };
    match (lang, unstable) {
        (_, false) => value,
        (Lang::Fr, true) => {
            format!("{value} (instable\u{a0}: {used} répondant(s), il en faut au moins 5)")
        }
        (Lang::En, true) => format!("{value} (unstable: {used} respondent(s), at least 5 needed)"),
    }
}

/// Why there is no alpha column yet.
pub fn no_alpha_yet(lang: Lang, respondents: usize) -> String {
    match lang {
        Lang::Fr => format!("Alpha de Cronbach\u{a0}: pas encore calculable. {respondents} candidat(s) ont répondu à ce questionnaire dans la campagne\u{a0}; il en faut au moins 2, et 5 pour un chiffre stable."),
        Lang::En => format!("Cronbach's alpha: not computable yet. {respondents} candidate(s) answered this questionnaire in the campaign; at least 2 are needed, and 5 for a stable figure."),
    }
}

/// "Answered on 3 December 2026 · version 1.0.0".
pub fn answered_on(lang: Lang, date: &str, version: &str) -> String {
    match lang {
        Lang::Fr => format!("Répondu le {date} · version {version} du questionnaire"),
        Lang::En => format!("Answered on {date} · questionnaire version {version}"),
    }
}

/// A profile flag in plain words, e.g. "leans strongly to finance" or "Human resources below
/// the role's band".
pub fn profile_flag(lang: Lang, flag: ProfileFlag) -> String {
    match flag {
        ProfileFlag::LeansTo(axis) => {
            let axis = super::axis(lang, axis).to_lowercase();
            match lang {
                Lang::Fr => format!("penche nettement vers\u{a0}: {axis}"),
                Lang::En => format!("leans strongly to {axis}"),
            }
        }
        ProfileFlag::BelowBand(axis) => {
            let name = super::axis(lang, axis);
            match lang {
                Lang::Fr => format!("{name}\u{a0}: en dessous de la plage du rôle"),
                Lang::En => format!("{name} below the role's band"),
            }
        }
        ProfileFlag::AboveBand(axis) => {
            let name = super::axis(lang, axis);
            match lang {
                Lang::Fr => {
                    format!("{name}\u{a0}: au-dessus de la plage du rôle (expert, mais pas trop)")
                }
                Lang::En => format!("{name} above the role's band (an expert, but not too much)"),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::role::SupportAxis;

    #[test]
    fn profile_flags_read_as_plain_words() {
        assert_eq!(
            profile_flag(Lang::En, ProfileFlag::LeansTo(SupportAxis::Finance)),
            "leans strongly to finance"
        );
        assert_eq!(
            profile_flag(Lang::En, ProfileFlag::AboveBand(SupportAxis::Finance)),
            "Finance above the role's band (an expert, but not too much)"
        );
        assert_eq!(
            profile_flag(Lang::En, ProfileFlag::BelowBand(SupportAxis::Hr)),
            "Human resources below the role's band"
        );
        assert!(
            profile_flag(Lang::Fr, ProfileFlag::LeansTo(SupportAxis::Finance))
                .starts_with("penche nettement vers")
        );
    }

    #[test]
    fn every_text_exists_in_both_languages() {
        for t in Res::ALL {
            assert!(!t.get(Lang::Fr).trim().is_empty(), "{t:?}");
            assert!(!t.get(Lang::En).trim().is_empty(), "{t:?}");
        }
        assert_eq!(signed(Lang::En, 18.4), "+18");
        assert_eq!(signed(Lang::En, -7.0), "\u{2212}7");
        assert_eq!(signed(Lang::En, 0.2), "0");
        assert!(alpha(Lang::En, Some(0.8123), None, 3, true).starts_with("0.81 (unstable"));
        assert_eq!(
            alpha(Lang::En, Some(0.7), Some((Some(0.74), Some(0.7))), 6, false),
            "a 0.74 · b 0.70"
        );
    }
}
