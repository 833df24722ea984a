//! Texts of how the recruiter reads a session's observations (part of the one catalogue, see
//! the parent module): which candidate's session is analysed, which version of an observation
//! received in several counts, and how the mediators' clocks are lined up.

use super::{number, Lang};
use crate::domain::campaign::OffsetSource;
use crate::domain::lang::catalogue;
use crate::domain::observation::align::OffsetInputError;

catalogue! {
    V;
    // Whose session.
    ChooseCandidate => "Chaque candidat tient cette séance de travail avec le dirigeant. Choisissez la séance à analyser.", "Each candidate holds this work session with the leader. Choose the session to analyse.";
    NoCandidate => "Cette campagne n'a pas encore de candidat.", "This campaign has no candidate yet.";
    CandidateNotFound => "Ce candidat ne fait pas ou plus partie de la campagne.", "This candidate is not, or no longer, part of the campaign.";
    Unattributed => "Certaines observations de cette séance ne nomment aucun candidat (elles datent d'avant l'enregistrement du candidat)\u{a0}: avec plusieurs candidats, elles ne peuvent être attribuées et sont laissées de côté.", "Some observations of this session name no candidate (they predate the recording of the candidate): with several candidates they cannot be attributed, and they are left out.";
    OtherCandidates => "La même séance avec", "The same session with";
    // Versions.
    VersionsTitle => "Quelle version retenir", "Which version counts";
    ThisVersionCounts => "Cette version est retenue", "This version counts";
    Counts => "Retenue", "Counts";
    ClearChoice => "Ne plus retenir de version", "Stop counting any version";
    ShowVersion => "Afficher", "Show";
    Shown => "Affichée", "Shown";
    ChooseOnAnalysis => "Retenez ensuite la bonne version sur la page d'analyse de la séance.", "Then mark the right one as the version that counts, on the session's analysis page.";
    NoneChosen => "Aucune version n'est retenue pour l'instant\u{a0}: aucune ne compte dans l'accord ni dans les tendances.", "No version counts yet: none is part of the agreement or the trends.";
    // Clocks.
    ClocksTitle => "Horloges des médiateurs", "The mediators' clocks";
    ClocksIntro => "Chaque médiateur démarre son horloge à la main\u{a0}: un même moment peut donc être noté à quelques secondes d'écart dans deux observations, ce qui passe pour un désaccord quand on compare des fenêtres de 10\u{a0}s. Décalez les temps d'une observation à la main, ou en alignant le premier «\u{a0}moment à noter\u{a0}» que les deux médiateurs ont marqué.", "Each mediator starts their clock by hand, so the same moment may be stamped a few seconds apart in two observations, which passes for disagreement when 10 s windows are compared. Move the times of an observation by hand, or by lining up the first “moment to note” both mediators marked.";
    ColObservation => "Observation", "Observation";
    ColOffset => "Décalage appliqué", "Offset applied";
    ColChange => "Modifier", "Change";
    OffsetLabel => "Secondes à ajouter à ses temps (négatif pour en retirer)", "Seconds to add to its times (negative to take away)";
    ApplyOffset => "Appliquer", "Apply";
    ClearOffset => "Retirer le décalage", "Remove the offset";
    AlignMarker => "Aligner sur le premier moment à noter commun", "Align on the first shared moment to note";
    AcceptProposal => "Appliquer ce décalage", "Apply this offset";
    NoSharedMarker => "Ces deux observations n'ont aucun «\u{a0}moment à noter\u{a0}» en commun\u{a0}: rien ne permet de les aligner. Saisissez le décalage à la main si vous le connaissez.", "These two observations share no “moment to note”: there is nothing to line them up on. Type the offset by hand if you know it.";
    NoOffsets => "Aucun décalage appliqué\u{a0}: les temps sont comparés tels que les médiateurs les ont notés.", "No offset applied: times are compared as the mediators recorded them.";
}

/// "With Paul Lefèvre" — whose session is analysed.
pub fn with_candidate(lang: Lang, name: &str) -> String {
    match lang {
        Lang::Fr => format!("Avec {name}"),
        Lang::En => format!("With {name}"),
    }
}

/// The accessible name of a session's analysis link for one candidate.
pub fn analyse_session_with(lang: Lang, n: usize, name: &str) -> String {
    match lang {
        Lang::Fr => format!("Analyser la séance {n} avec {name}"),
        Lang::En => format!("Analyse session {n} with {name}"),
    }
}

/// How many observations were received for one candidate's session.
pub fn received_count(lang: Lang, n: usize) -> String {
    match (lang, n) {
        (Lang::Fr, 0) => "Aucune observation reçue".to_owned(),
        (Lang::Fr, 1) => "1\u{a0}observation reçue".to_owned(),
        (Lang::Fr, n) => format!("{n}\u{a0}observations reçues"),
        (Lang::En, 0) => "No observation received".to_owned(),
        (Lang::En, 1) => "1 observation received".to_owned(),
        (Lang::En, n) => format!("{n} observations received"),
    }
}

/// Above the versions of one observation: what happened and what to do.
pub fn versions_intro(lang: Lang, mediator: &str, n: usize) -> String {
    match lang {
        Lang::Fr => format!(
            "{n}\u{a0}versions différentes de l'observation de {mediator} ont été reçues, et \
             aucune ne remplace les autres\u{a0}: Rally les garde toutes. Demandez à {mediator} \
             laquelle est la bonne, puis retenez-la\u{a0}: l'analyse, l'accord entre médiateurs \
             et les tendances la suivront. Ce choix s'annule comme toute modification."
        ),
        Lang::En => format!(
            "{n} different versions of {mediator}'s observation were received, and none replaces \
             the others: Rally keeps them all. Ask {mediator} which one is right, then mark it as \
             the one that counts: the analysis, the agreement between mediators and the trends \
             will follow it. The choice can be undone like any change."
        ),
    }
}

/// Several versions of one observation, one of which the recruiter chose.
pub fn conflict_chosen(lang: Lang, mediator: &str, n: usize) -> String {
    match lang {
        Lang::Fr => format!(
            "{n}\u{a0}versions différentes de l'observation de {mediator} ont été reçues\u{a0}: \
             Rally les garde toutes. Celle marquée «\u{a0}Retenue\u{a0}» est celle que \
             l'analyse utilise."
        ),
        Lang::En => format!(
            "{n} different versions of {mediator}'s observation were received: Rally keeps them \
             all. The one marked “Counts” is the one the analysis uses."
        ),
    }
}

/// "chosen on 3 December 2026, 11:05" — after the "Counts" badge.
pub fn chosen_on(lang: Lang, when: &str) -> String {
    match lang {
        Lang::Fr => format!("choisie le {when}"),
        Lang::En => format!("chosen on {when}"),
    }
}

/// An offset in seconds, signed, one decimal: "+3.0 s", "−1,5 s", "0 s".
pub fn offset(lang: Lang, ms: i64) -> String {
    if ms == 0 {
        return match lang {
            Lang::Fr => "0\u{a0}s".to_owned(),
            Lang::En => "0 s".to_owned(),
        };
    }
    let sign = if ms > 0 { "+" } else { "\u{2212}" };
    let decimals = match ms {
        ms if ms % 100 == 0 => 1,
        ms if ms % 10 == 0 => 2,
        _ => 3,
    };
    let value = number(lang, ms.unsigned_abs() as f64 / 1000.0, decimals);
    match lang {
        Lang::Fr => format!("{sign}{value}\u{a0}s"),
        Lang::En => format!("{sign}{value} s"),
    }
}

/// Where an offset came from.
pub fn offset_source(lang: Lang, source: Option<OffsetSource>) -> &'static str {
    match (lang, source) {
        (Lang::Fr, None) => "aucun décalage",
        (Lang::En, None) => "no offset",
        (Lang::Fr, Some(OffsetSource::Manual)) => "saisi à la main",
        (Lang::En, Some(OffsetSource::Manual)) => "typed by hand",
        (Lang::Fr, Some(OffsetSource::Marker)) => "aligné sur un moment à noter commun",
        (Lang::En, Some(OffsetSource::Marker)) => "aligned on a shared moment to note",
    }
}

/// "Times are compared with Amina Benali's observation, which is not moved."
pub fn reference_line(lang: Lang, mediator: &str) -> String {
    match lang {
        Lang::Fr => format!(
            "Les temps sont comparés à ceux de l'observation de {mediator}, qui sert de référence."
        ),
        Lang::En => {
            format!("Times are compared with those of {mediator}'s observation, the reference.")
        }
    }
}

/// Why a typed offset is refused.
pub fn offset_error(lang: Lang, e: OffsetInputError) -> &'static str {
    use OffsetInputError as E;
    match (lang, e) {
        (Lang::Fr, E::Empty) => "Saisissez un nombre de secondes, par exemple 2,5 ou -3.",
        (Lang::En, E::Empty) => "Type a number of seconds, such as 2.5 or -3.",
        (Lang::Fr, E::NotANumber) => "Ce n'est pas un nombre de secondes\u{a0}: saisissez par exemple 2,5 ou -3 (trois décimales au plus).",
        (Lang::En, E::NotANumber) => "This is not a number of seconds: type for example 2.5 or -3 (at most three decimals).",
        (Lang::Fr, E::TooLarge) => "Un décalage ne dépasse pas une heure (3\u{202f}600\u{a0}secondes), dans un sens ou dans l'autre.",
        (Lang::En, E::TooLarge) => "An offset is at most one hour (3,600 seconds) either way.",
    }
}

/// The proposal of an alignment on the first shared marker.
pub fn marker_proposal(
    lang: Lang,
    reference: &str,
    reference_at: &str,
    other: &str,
    other_at: &str,
    offset_text: &str,
) -> String {
    match lang {
        Lang::Fr => format!(
            "Le premier moment à noter commun est à {reference_at} chez {reference} et à \
             {other_at} chez {other}\u{a0}: décaler les temps de {other} de {offset_text} les \
             fait coïncider."
        ),
        Lang::En => format!(
            "The first shared moment to note is at {reference_at} for {reference} and at \
             {other_at} for {other}: moving {other}'s times by {offset_text} puts them together."
        ),
    }
}

/// "Marc Dufresne: +3.0 s (aligned on a shared moment to note)" — one offset in the agreement.
pub fn offset_applied(lang: Lang, mediator: &str, ms: i64, source: Option<OffsetSource>) -> String {
    let sep = match lang {
        Lang::Fr => "\u{a0}:",
        Lang::En => ":",
    };
    format!(
        "{mediator}{sep} {} ({})",
        offset(lang, ms),
        offset_source(lang, source)
    )
}

/// "Offsets applied to the times: …".
pub fn offsets_applied(lang: Lang, list: &str) -> String {
    match lang {
        Lang::Fr => format!("Décalages appliqués aux temps avant la comparaison\u{a0}: {list}."),
        Lang::En => format!("Offsets applied to the times before comparing: {list}."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_exists_in_both_languages() {
        for t in V::ALL {
            assert!(!t.get(Lang::Fr).trim().is_empty(), "{t:?} fr");
            assert!(!t.get(Lang::En).trim().is_empty(), "{t:?} en");
            // "Observation" is the same word in both languages.
            if *t != V::ColObservation {
                assert_ne!(t.get(Lang::Fr), t.get(Lang::En), "{t:?}");
            }
        }
    }

    #[test]
    fn offsets_read_with_their_sign_and_the_locales_mark() {
        assert_eq!(offset(Lang::En, 3_000), "+3.0 s");
        assert_eq!(offset(Lang::Fr, -1_500), "\u{2212}1,5\u{a0}s");
        assert_eq!(offset(Lang::En, 1_234), "+1.234 s");
        assert_eq!(offset(Lang::En, 0), "0 s");
        assert_eq!(
            offset_applied(Lang::En, "Marc", 3_000, Some(OffsetSource::Marker)),
            "Marc: +3.0 s (aligned on a shared moment to note)"
        );
        assert_eq!(received_count(Lang::Fr, 2), "2\u{a0}observations reçues");
        assert_eq!(
            analyse_session_with(Lang::En, 1, "Paul"),
            "Analyse session 1 with Paul"
        );
    }
}
