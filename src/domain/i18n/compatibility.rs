//! Texts of the compatibility picture and of the comparison of candidates (part of the one
//! catalogue, see the parent module): the names of the parts and groups, every trend, summary,
//! point to discuss, missing-data note and caveat in plain words, with its figures and its rule.

use super::{number, Lang};
use crate::domain::campaign::Campaign;
use crate::domain::compatibility::export::part_name as csv_part_name;
use crate::domain::compatibility::part::{Part, PartGroup, Scale};
use crate::domain::compatibility::trend::{
    BALANCE_TOLERANCE, CONSISTENT_FROM, LEVEL_TOLERANCE, MIN_SESSIONS, POMP_TOLERANCE, RATE_FLOOR,
};
use crate::domain::compatibility::{
    AgreementReading, Caveat, CompareError, Missing, Point, SessionNote, SessionRef, Summary,
    Trend, TrendReading, LARGE_GAP_FROM,
};
use crate::domain::instrument::builtin::{builtin_by_id, debrief_for};
use crate::domain::instrument::definition::DebriefSide;
use crate::domain::instrument::quality::Flag;
use crate::domain::lang::catalogue;
use crate::domain::observation::indices::STABLE_WITHIN;
use uuid::Uuid;

catalogue! {
    Cp;
    Title => "Compatibilité avec le dirigeant", "Compatibility with the leader";
    Intro => "Séance après séance, ce que les médiateurs ont noté et observé, et ce que le dirigeant et le candidat ont ressenti. Ce tableau ne rend pas de verdict\u{a0}: chaque ligne montre ses éléments et la règle qui la lit.", "Session after session, what the mediators rated and observed, and what the leader and the candidate felt. This picture gives no verdict: every line shows its parts and the rule that reads it.";
    SessionsTitle => "Séance par séance", "Session by session";
    TrendsTitle => "D'une séance à l'autre", "From one session to the next";
    PointsTitle => "Points à aborder", "Points to discuss";
    NoPoints => "Aucun point particulier à aborder d'après ces données.", "Nothing in particular to discuss from these data.";
    ContextTitle => "Contexte (n'entre dans aucun calcul)", "Context (part of no calculation)";
    ContextIntro => "Les autoévaluations du candidat, ses angles morts et l'équilibre de son profil éclairent la lecture\u{a0}; ils ne sont ni additionnés ni comparés aux séances.", "The candidate's self-assessments, blind spots and profile balance inform the reading; they are neither added up nor compared with the sessions.";
    ProvenanceTitle => "D'où viennent les chiffres", "Where the figures come from";
    ConvergenceTitle => "Les deux débriefs se rapprochent-ils\u{a0}?", "Do the two debriefs come closer?";
    ColLeader => "Dirigeant", "Leader";
    ColCandidate => "Candidat", "Candidate";
    ColGap => "Écart", "Gap";
    ColMean => "Moyenne", "Mean";
    ColTrend => "Tendance", "Trend";
    NoValue => "—", "—";
    CompareTitle => "Candidats côte à côte", "Candidates side by side";
    CompareIntro => "Mêmes éléments, mêmes règles de lecture, une colonne par candidat. Le tri se fait sur la moyenne des séances\u{a0}; un candidat sans valeur est toujours placé en dernier.", "The same parts and the same reading rules, one column per candidate. Sorting uses the mean over the sessions; a candidate without a value always comes last.";
    SortBy => "Trier par", "Sort by";
    SortName => "Nom du candidat", "Candidate's name";
    Descending => "Du plus élevé au plus bas", "Highest first";
    Ascending => "Du plus bas au plus élevé", "Lowest first";
    ExportCsv => "Exporter la comparaison (CSV)", "Export the comparison (CSV)";
    ContextSoftSkills => "Compétences comportementales (autoévaluation et observateurs)", "Soft skills (self-assessment and observers)";
    ProfileNotPlanned => "Le profil sur les axes support n'est pas prévu dans cette campagne.", "The support-axis profile is not planned in this campaign.";
    ProfileBalanced => "Profil équilibré, chaque axe dans la plage du rôle.", "A balanced profile, every axis within the role's band.";
}

fn session_label(lang: Lang, s: SessionRef) -> String {
    match lang {
        Lang::Fr => format!("Séance {}", s.number),
        Lang::En => format!("Session {}", s.number),
    }
}

fn mediator(lang: Lang, campaign: &Campaign, id: Uuid) -> String {
    campaign
        .mediators
        .iter()
        .find(|m| m.id == id)
        .map(|m| m.name.clone())
        .unwrap_or_else(|| match lang {
            Lang::Fr => "un médiateur qui ne figure plus dans la campagne".into(),
            Lang::En => "a mediator no longer in the campaign".into(),
        })
}

fn debrief_facet(lang: Lang, facet: &str) -> String {
    debrief_for(DebriefSide::Leader)
        .facet(facet)
        .map_or_else(|| facet.to_owned(), |f| f.name.get(lang).to_owned())
}

fn construct_name(lang: Lang, construct: &str) -> String {
    builtin_by_id(construct).map_or_else(|| construct.to_owned(), |i| i.title.get(lang).to_owned())
}

fn facet_name(lang: Lang, construct: &str, facet: &str) -> String {
    builtin_by_id(construct)
        .and_then(|i| i.facet(facet))
        .map_or_else(|| facet.to_owned(), |f| f.name.get(lang).to_owned())
}

/// A part's name: the grid's dimension, the index, the debrief facet with its side.
pub fn part_name(lang: Lang, part: &Part) -> String {
    csv_part_name(part, lang)
}

/// The name of a group of parts.
pub fn group(lang: Lang, g: PartGroup) -> &'static str {
    let (fr, en) = match g {
        PartGroup::Ratings => (
            "Notes des médiateurs sur la grille",
            "Mediators' ratings on the grid",
        ),
        PartGroup::Working => (
            "Travail à deux (méta-communication)",
            "Working together (meta-communication)",
        ),
        PartGroup::LeaderDebrief => ("Débrief du dirigeant", "Leader's debrief"),
        PartGroup::CandidateDebrief => ("Débrief du candidat", "Candidate's debrief"),
        PartGroup::Convergence => (
            "Écart entre les deux débriefs",
            "Gap between the two debriefs",
        ),
    };
    match lang {
        Lang::Fr => fr,
        Lang::En => en,
    }
}

/// A value of a part, on its scale: "3,5 / 5", "62", "0,80", "2,4 / 10 min", "1,50".
pub fn value(lang: Lang, scale: Scale, v: Option<f64>) -> String {
    let Some(v) = v else {
        return Cp::NoValue.get(lang).to_owned();
    };
    match (scale, lang) {
        (Scale::Level, _) => format!("{} / 5", number(lang, v, 1)),
        (Scale::Pomp, _) => number(lang, v, 0),
        (Scale::Balance | Scale::Ratio, _) => number(lang, v, 2),
        (Scale::Rate, Lang::Fr) => format!("{} / 10\u{a0}min", number(lang, v, 1)),
        (Scale::Rate, Lang::En) => format!("{} / 10 min", number(lang, v, 1)),
    }
}

/// A trend in a few words: "rising at every session", "not enough sessions (1 of the 2
/// needed)".
pub fn trend(lang: Lang, t: Trend) -> String {
    match (lang, t) {
        (Lang::Fr, Trend::Rising { consistent: true }) => "en hausse à chaque séance".into(),
        (Lang::En, Trend::Rising { consistent: true }) => "rising at every session".into(),
        (Lang::Fr, Trend::Rising { consistent: false }) => "en hausse".into(),
        (Lang::En, Trend::Rising { consistent: false }) => "rising".into(),
        (Lang::Fr, Trend::Falling { consistent: true }) => "en baisse à chaque séance".into(),
        (Lang::En, Trend::Falling { consistent: true }) => "falling at every session".into(),
        (Lang::Fr, Trend::Falling { consistent: false }) => "en baisse".into(),
        (Lang::En, Trend::Falling { consistent: false }) => "falling".into(),
        (Lang::Fr, Trend::Stable) => "stable".into(),
        (Lang::En, Trend::Stable) => "stable".into(),
        (Lang::Fr, Trend::NotEnough { sessions }) => {
            format!("pas assez de séances ({sessions} sur les {MIN_SESSIONS} nécessaires)")
        }
        (Lang::En, Trend::NotEnough { sessions }) => {
            format!("not enough sessions ({sessions} of the {MIN_SESSIONS} needed)")
        }
    }
}

/// A trend with what it was read from: "rising: +1,5 over the sessions, beyond the tolerance
/// of 0,5".
pub fn trend_reading(lang: Lang, scale: Scale, r: &TrendReading) -> String {
    let word = trend(lang, r.trend);
    let (Some(change), Some(tol)) = (r.change, r.tolerance) else {
        return word;
    };
    let decimals = match scale {
        Scale::Pomp => 0,
        Scale::Level | Scale::Rate => 1,
        Scale::Balance | Scale::Ratio => 2,
    };
    let sign = if change > 0.0 {
        "+"
    } else if change < 0.0 {
        "\u{2212}"
    } else {
        ""
    };
    let change = format!("{sign}{}", number(lang, change.abs(), decimals));
    let tol = number(lang, tol, decimals);
    match (lang, r.trend) {
        (Lang::Fr, Trend::Stable) => {
            format!("{word}\u{a0}: {change} sur les séances, dans la tolérance de {tol}")
        }
        (Lang::En, Trend::Stable) => {
            format!("{word}: {change} over the sessions, within the tolerance of {tol}")
        }
        (Lang::Fr, _) => {
            format!("{word}\u{a0}: {change} sur les séances, au-delà de la tolérance de {tol}")
        }
        (Lang::En, _) => {
            format!("{word}: {change} over the sessions, beyond the tolerance of {tol}")
        }
    }
}

/// How much change a group tolerates, in words.
fn tolerance(lang: Lang, g: PartGroup) -> String {
    let pct = number(lang, STABLE_WITHIN * 100.0, 0);
    match (lang, g) {
        (Lang::Fr, PartGroup::Ratings) => format!("stable à {} niveau près", number(lang, LEVEL_TOLERANCE, 1)),
        (Lang::En, PartGroup::Ratings) => format!("stable within {} of a level", number(lang, LEVEL_TOLERANCE, 1)),
        (Lang::Fr, PartGroup::Working) => format!(
            "stable à {pct}\u{a0}% de la moyenne près (au moins {} par 10\u{a0}min pour les fréquences, {} pour l'équilibre de la parole)",
            number(lang, RATE_FLOOR, 1),
            number(lang, BALANCE_TOLERANCE, 2)
        ),
        (Lang::En, PartGroup::Working) => format!(
            "stable within {pct}% of the mean (at least {} per 10 min for rates, {} for the balance of the floor)",
            number(lang, RATE_FLOOR, 1),
            number(lang, BALANCE_TOLERANCE, 2)
        ),
        (Lang::Fr, _) => format!("stable à {} points près", number(lang, POMP_TOLERANCE, 0)),
        (Lang::En, _) => format!("stable within {} points", number(lang, POMP_TOLERANCE, 0)),
    }
}

/// The rule of a group's trends: "A trend needs 2 sessions with a value; 'at every session'
/// needs 3, each step moving the same way by more than the tolerance; stable within 0.5 of a
/// level."
pub fn rule(lang: Lang, g: PartGroup) -> String {
    let tol = tolerance(lang, g);
    match lang {
        Lang::Fr => format!(
            "Une tendance se lit à partir de {MIN_SESSIONS} séances renseignées (droite ajustée de la première à la dernière)\u{a0}; «\u{a0}à chaque séance\u{a0}» demande {CONSISTENT_FROM} séances, chaque pas allant dans le même sens au-delà de la tolérance\u{a0}; {tol}."
        ),
        Lang::En => format!(
            "A trend is read from {MIN_SESSIONS} sessions with a value (a fitted line from the first to the last); “at every session” needs {CONSISTENT_FROM}, each step moving the same way by more than the tolerance; {tol}."
        ),
    }
}

/// A group's trends counted, with their parts: "4 of 6 dimensions rising (3 at every
/// session), 1 falling, 1 stable, 0 without enough sessions".
pub fn summary(lang: Lang, s: &Summary) -> String {
    let noun = match (lang, s.group) {
        (Lang::Fr, PartGroup::Ratings) => "dimensions",
        (Lang::En, PartGroup::Ratings) => "dimensions",
        (Lang::Fr, PartGroup::Working) => "indices",
        (Lang::En, PartGroup::Working) => "indices",
        (Lang::Fr, PartGroup::Convergence) => "écart",
        (Lang::En, PartGroup::Convergence) => "gap",
        (Lang::Fr, _) => "facettes",
        (Lang::En, _) => "facets",
    };
    let every = |n: usize| match (lang, n) {
        (_, 0) => String::new(),
        (Lang::Fr, n) => format!(" (dont {n} à chaque séance)"),
        (Lang::En, n) => format!(" ({n} at every session)"),
    };
    match lang {
        Lang::Fr => format!(
            "{} {noun} sur {} en hausse{}, {} en baisse{}, {} stable(s), {} sans assez de séances",
            s.rising,
            s.total,
            every(s.rising_consistent),
            s.falling,
            every(s.falling_consistent),
            s.stable,
            s.not_enough
        ),
        Lang::En => format!(
            "{} of {} {noun} rising{}, {} falling{}, {} stable, {} without enough sessions",
            s.rising,
            s.total,
            every(s.rising_consistent),
            s.falling,
            every(s.falling_consistent),
            s.stable,
            s.not_enough
        ),
    }
}

/// Whether the two debriefs come closer, in words.
pub fn convergence(lang: Lang, t: Trend) -> String {
    match (lang, t) {
        (Lang::Fr, Trend::Falling { consistent: true }) => "L'écart entre les deux débriefs se réduit à chaque séance\u{a0}: le dirigeant et le candidat ressentent de plus en plus les séances de la même façon.".into(),
        (Lang::En, Trend::Falling { consistent: true }) => "The gap between the two debriefs narrows at every session: the leader and the candidate feel the sessions more and more alike.".into(),
        (Lang::Fr, Trend::Falling { consistent: false }) => "L'écart entre les deux débriefs se réduit\u{a0}: les deux ressentis se rapprochent.".into(),
        (Lang::En, Trend::Falling { consistent: false }) => "The gap between the two debriefs narrows: the two views come closer.".into(),
        (Lang::Fr, Trend::Rising { .. }) => "L'écart entre les deux débriefs se creuse\u{a0}: les deux ressentis s'éloignent.".into(),
        (Lang::En, Trend::Rising { .. }) => "The gap between the two debriefs widens: the two views drift apart.".into(),
        (Lang::Fr, Trend::Stable) => "L'écart entre les deux débriefs reste du même ordre d'une séance à l'autre.".into(),
        (Lang::En, Trend::Stable) => "The gap between the two debriefs stays about the same from one session to the next.".into(),
        (Lang::Fr, Trend::NotEnough { sessions }) => format!("Impossible de le dire encore\u{a0}: les deux débriefs ne sont réunis que pour {sessions} séance(s), il en faut {MIN_SESSIONS}."),
        (Lang::En, Trend::NotEnough { sessions }) => format!("Too early to tell: both debriefs are in for {sessions} session(s), {MIN_SESSIONS} are needed."),
    }
}

/// What is missing in a session, in a plain sentence.
pub fn session_note(lang: Lang, campaign: &Campaign, note: &SessionNote) -> String {
    match (lang, note) {
        (Lang::Fr, SessionNote::NothingYet) => "Rien n'a encore été reçu pour cette séance\u{a0}: ni observation, ni débrief.".into(),
        (Lang::En, SessionNote::NothingYet) => "Nothing has been received for this session yet: no observation, no debrief.".into(),
        (Lang::Fr, SessionNote::NoObservation) => "Aucune observation remise ne compte pour cette séance\u{a0}: pas de notes ni d'indices.".into(),
        (Lang::En, SessionNote::NoObservation) => "No submitted observation counts for this session: no ratings and no indices.".into(),
        (Lang::Fr, SessionNote::OneMediator) => "Un seul médiateur pour cette séance\u{a0}: ses notes sont montrées telles quelles, sans mesure d'accord.".into(),
        (Lang::En, SessionNote::OneMediator) => "One mediator only for this session: their ratings are shown as they are, with no measure of agreement.".into(),
        (Lang::Fr, SessionNote::NotSubmitted { mediator: m }) => format!("L'observation de {} n'a pas encore été remise\u{a0}: elle ne compte pas tant qu'elle est un brouillon.", mediator(lang, campaign, *m)),
        (Lang::En, SessionNote::NotSubmitted { mediator: m }) => format!("{}'s observation has not been submitted yet: a draft does not count.", mediator(lang, campaign, *m)),
        (Lang::Fr, SessionNote::VersionsNotChosen { mediator: m, versions }) => format!("L'observation de {} est arrivée en {versions} versions différentes et aucune n'a été choisie\u{a0}: elle ne compte pas tant que vous n'avez pas choisi.", mediator(lang, campaign, *m)),
        (Lang::En, SessionNote::VersionsNotChosen { mediator: m, versions }) => format!("{}'s observation came in {versions} different versions and none has been chosen: it does not count until you choose one.", mediator(lang, campaign, *m)),
        (Lang::Fr, SessionNote::WithoutCandidate { mediator: m }) => format!("Une observation de {} ne dit pas avec quel candidat la séance a eu lieu (fichier d'une version antérieure)\u{a0}: avec plusieurs candidats, elle ne peut compter pour aucun.", mediator(lang, campaign, *m)),
        (Lang::En, SessionNote::WithoutCandidate { mediator: m }) => format!("An observation by {} does not say which candidate the session was with (a file from an earlier version): with several candidates, it cannot count for any.", mediator(lang, campaign, *m)),
        (Lang::Fr, SessionNote::NoLeaderDebrief) => "Le débrief du dirigeant n'a pas été reçu.".into(),
        (Lang::En, SessionNote::NoLeaderDebrief) => "The leader's debrief has not been received.".into(),
        (Lang::Fr, SessionNote::NoCandidateDebrief) => "Le débrief du candidat n'a pas été reçu.".into(),
        (Lang::En, SessionNote::NoCandidateDebrief) => "The candidate's debrief has not been received.".into(),
    }
}

/// Missing data, in a plain sentence.
pub fn missing(lang: Lang, campaign: &Campaign, m: &Missing) -> String {
    match (lang, m) {
        (_, Missing::Session { session, note }) => {
            let sep = if lang == Lang::Fr { "\u{a0}: " } else { ": " };
            format!("{}{sep}{}", session_label(lang, *session), session_note(lang, campaign, note))
        }
        (Lang::Fr, Missing::SelfAssessment { construct }) => format!("Le candidat n'a pas encore répondu à «\u{a0}{}\u{a0}».", construct_name(lang, construct)),
        (Lang::En, Missing::SelfAssessment { construct }) => format!("The candidate has not answered “{}” yet.", construct_name(lang, construct)),
        (Lang::Fr, Missing::Profile) => "Le profil sur les axes support est prévu mais pas encore rempli.".into(),
        (Lang::En, Missing::Profile) => "The support-axis profile is planned but not filled in yet.".into(),
        (Lang::Fr, Missing::ProfileUnreadable) => "Le profil sur les axes support ne peut pas être lu\u{a0}: un axe n'a pas assez de réponses.".into(),
        (Lang::En, Missing::ProfileUnreadable) => "The support-axis profile cannot be read: an axis has too few answers.".into(),
    }
}

/// At most this many alphas are named in a sentence; the others are counted.
const ALPHAS_NAMED: usize = 4;

fn alphas(
    lang: Lang,
    measures: &[(crate::domain::observation::agreement::Measure, f64)],
) -> String {
    let named: Vec<String> = measures
        .iter()
        .take(ALPHAS_NAMED)
        .map(|(m, a)| {
            format!(
                "{} {}",
                super::analysis::measure(lang, *m),
                number(lang, *a, 2)
            )
        })
        .collect();
    let more = measures.len().saturating_sub(ALPHAS_NAMED);
    match (lang, more) {
        (_, 0) => named.join(", "),
        (Lang::Fr, n) => format!("{} et {n} autre(s)", named.join(", ")),
        (Lang::En, n) => format!("{} and {n} more", named.join(", ")),
    }
}

/// A point to discuss, with its figures.
pub fn point(lang: Lang, campaign: &Campaign, p: &Point) -> String {
    let over = |consistent: bool| match (lang, consistent) {
        (Lang::Fr, false) => "sur l'ensemble des séances",
        (Lang::En, false) => "over the sessions",
        (Lang::Fr, true) => "à chaque séance",
        (Lang::En, true) => "at every session",
    };
    match (lang, p) {
        (Lang::Fr, Point::Falling { part, consistent }) => format!("{}\u{a0}: en baisse {}.", part_name(lang, part), over(*consistent)),
        (Lang::En, Point::Falling { part, consistent }) => format!("{}: falling {}.", part_name(lang, part), over(*consistent)),
        (Lang::Fr, Point::Rising { part: Part::Convergence, consistent }) => format!("L'écart entre les deux débriefs se creuse {}.", over(*consistent)),
        (Lang::En, Point::Rising { part: Part::Convergence, consistent }) => format!("The gap between the two debriefs widens {}.", over(*consistent)),
        (Lang::Fr, Point::Rising { part, consistent }) => format!("{}\u{a0}: en hausse {}.", part_name(lang, part), over(*consistent)),
        (Lang::En, Point::Rising { part, consistent }) => format!("{}: rising {}.", part_name(lang, part), over(*consistent)),
        (Lang::Fr, Point::LargeGap { session, facet, leader, candidate, gap }) => format!(
            "{}, «\u{a0}{}\u{a0}»\u{a0}: le dirigeant a répondu {} sur 100, le candidat {}, soit {} points d'écart (écart important à partir de {}).",
            session_label(lang, *session), debrief_facet(lang, facet), number(lang, *leader, 0), number(lang, *candidate, 0), number(lang, *gap, 0), number(lang, LARGE_GAP_FROM, 0)
        ),
        (Lang::En, Point::LargeGap { session, facet, leader, candidate, gap }) => format!(
            "{}, “{}”: the leader answered {} out of 100, the candidate {}: {} points apart (a large gap from {}).",
            session_label(lang, *session), debrief_facet(lang, facet), number(lang, *leader, 0), number(lang, *candidate, 0), number(lang, *gap, 0), number(lang, LARGE_GAP_FROM, 0)
        ),
        (Lang::Fr, Point::MediatorsDisagree { session, measures }) => format!(
            "{}\u{a0}: les médiateurs ne s'accordent pas ({}\u{a0}; alpha sous 0,667). Voyez où ils diffèrent avant de vous fier à leurs moyennes.",
            session_label(lang, *session), alphas(lang, measures)
        ),
        (Lang::En, Point::MediatorsDisagree { session, measures }) => format!(
            "{}: the mediators disagree ({}; alpha below 0.667). See where they differ before relying on their means.",
            session_label(lang, *session), alphas(lang, measures)
        ),
        (Lang::Fr, Point::BlindSpot(b)) => format!(
            "Angle mort possible, «\u{a0}{}\u{a0}» ({})\u{a0}: le candidat s'évalue à {} sur 100, les observateurs à {}.",
            facet_name(lang, &b.construct, &b.gap.facet), construct_name(lang, &b.construct), number(lang, b.gap.self_pomp, 0), number(lang, b.gap.observers_pomp, 0)
        ),
        (Lang::En, Point::BlindSpot(b)) => format!(
            "Possible blind spot, “{}” ({}): the candidate rates themself {} out of 100, the observers {}.",
            facet_name(lang, &b.construct, &b.gap.facet), construct_name(lang, &b.construct), number(lang, b.gap.self_pomp, 0), number(lang, b.gap.observers_pomp, 0)
        ),
        (Lang::Fr, Point::UnbalancedProfile(f)) => format!("Profil\u{a0}: {}.", super::results::profile_flag(lang, *f)),
        (Lang::En, Point::UnbalancedProfile(f)) => format!("Profile: {}.", super::results::profile_flag(lang, *f)),
        (_, Point::Missing(m)) => missing(lang, campaign, m),
    }
}

fn quality_flag(lang: Lang, f: Flag) -> &'static str {
    match (lang, f) {
        (Lang::Fr, Flag::TooFast) => "réponses données très vite",
        (Lang::En, Flag::TooFast) => "answers given very fast",
        (Lang::Fr, Flag::StraightLining) => "longue suite de réponses identiques",
        (Lang::En, Flag::StraightLining) => "a long run of identical answers",
        (Lang::Fr, Flag::InconsistentPairs) => "questions de contrôle contradictoires",
        (Lang::En, Flag::InconsistentPairs) => "contradictory control questions",
    }
}

/// A caveat, in a plain sentence.
pub fn caveat(lang: Lang, c: &Caveat) -> String {
    match (lang, c) {
        (Lang::Fr, Caveat::LowAgreement { session, measures }) => format!("{}\u{a0}: accord faible entre médiateurs ({}).", session_label(lang, *session), alphas(lang, measures)),
        (Lang::En, Caveat::LowAgreement { session, measures }) => format!("{}: low agreement between mediators ({}).", session_label(lang, *session), alphas(lang, measures)),
        (_, Caveat::FewUnits { session, note }) => {
            let sep = if lang == Lang::Fr { "\u{a0}: " } else { ": " };
            format!("{}{sep}{}", session_label(lang, *session), super::analysis::agreement_note(lang, note))
        }
        (Lang::Fr, Caveat::UnstableReliability { construct, respondents }) => format!("«\u{a0}{}\u{a0}»\u{a0}: alpha de Cronbach instable, calculé sur {respondents} répondant(s) (il en faut au moins 5).", construct_name(lang, construct)),
        (Lang::En, Caveat::UnstableReliability { construct, respondents }) => format!("“{}”: Cronbach's alpha unstable, computed over {respondents} respondent(s) (at least 5 are needed).", construct_name(lang, construct)),
        (Lang::Fr, Caveat::Quality { instrument_id, session, flag, .. }) => {
            let at = session.map(|s| format!(" ({})", session_label(lang, s).to_lowercase())).unwrap_or_default();
            format!("«\u{a0}{}\u{a0}»{at}\u{a0}: {}.", construct_name(lang, instrument_id), quality_flag(lang, *flag))
        }
        (Lang::En, Caveat::Quality { instrument_id, session, flag, .. }) => {
            let at = session.map(|s| format!(" ({})", session_label(lang, s).to_lowercase())).unwrap_or_default();
            format!("“{}”{at}: {}.", construct_name(lang, instrument_id), quality_flag(lang, *flag))
        }
    }
}

/// The mediators' agreement of a session, in a plain sentence.
pub fn agreement(lang: Lang, a: &AgreementReading) -> String {
    match (lang, a) {
        (Lang::Fr, AgreementReading::NotApplicable) => {
            "Accord entre médiateurs\u{a0}: il faut au moins deux observations remises.".into()
        }
        (Lang::En, AgreementReading::NotApplicable) => {
            "Agreement between mediators: at least two submitted observations are needed.".into()
        }
        (_, AgreementReading::Unavailable(e)) => super::analysis::agreement_error(lang, e),
        (
            _,
            AgreementReading::Read {
                ratings,
                rated_by_two,
                acts,
                windows,
                low,
                ..
            },
        ) => {
            let a = |v: &Option<f64>| {
                v.map_or_else(|| Cp::NoValue.get(lang).to_owned(), |v| number(lang, v, 2))
            };
            let head = match lang {
                Lang::Fr => format!("Accord entre médiateurs\u{a0}: notes {} (alpha d'intervalle, {rated_by_two} dimension(s) notée(s) par deux), codage {} (alpha sur {windows} fenêtre(s) de 10\u{a0}s).", a(ratings), a(acts)),
                Lang::En => format!("Agreement between mediators: ratings {} (interval alpha, {rated_by_two} dimension(s) rated by two), coding {} (alpha over {windows} window(s) of 10 s).", a(ratings), a(acts)),
            };
            if low.is_empty() {
                head
            } else {
                match lang {
                    Lang::Fr => format!("{head} Sous 0,667\u{a0}: {}.", alphas(lang, low)),
                    Lang::En => format!("{head} Below 0.667: {}.", alphas(lang, low)),
                }
            }
        }
    }
}

/// Why candidates cannot be compared.
pub fn compare_error(lang: Lang, e: &CompareError) -> String {
    match (lang, e) {
        (Lang::Fr, CompareError::TooFew { min, .. }) => {
            format!("Choisissez au moins {min} candidats à comparer.")
        }
        (Lang::En, CompareError::TooFew { min, .. }) => {
            format!("Choose at least {min} candidates to compare.")
        }
        (Lang::Fr, CompareError::TooMany { max, .. }) => {
            format!("Choisissez au plus {max} candidats à comparer.")
        }
        (Lang::En, CompareError::TooMany { max, .. }) => {
            format!("Choose at most {max} candidates to compare.")
        }
        (Lang::Fr, CompareError::UnknownCandidate(_)) => {
            "Un des candidats choisis ne fait pas ou plus partie de la campagne.".into()
        }
        (Lang::En, CompareError::UnknownCandidate(_)) => {
            "One of the chosen candidates is not, or no longer, in the campaign.".into()
        }
        (Lang::Fr, CompareError::Repeated(_)) => "Le même candidat est choisi deux fois.".into(),
        (Lang::En, CompareError::Repeated(_)) => "The same candidate is chosen twice.".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::assessment::gaps::facet_gap;
    use crate::domain::assessment::profile::ProfileFlag;
    use crate::domain::compatibility::part::{parts, WorkingIndex};
    use crate::domain::compatibility::trend::RULE;
    use crate::domain::compatibility::BlindSpot;
    use crate::domain::observation::agreement::{AgreementError, AgreementNote, Measure};
    use crate::domain::observation::rating::default_bars;
    use crate::domain::observation::scheme::{Actor, Tag};
    use crate::domain::role::SupportAxis;

    fn id(n: u128) -> Uuid {
        Uuid::from_u128(n)
    }

    /// Every text in both languages, not blank, different between the two (but for a few
    /// words that are the same in both, like "stable").
    fn both(make: impl Fn(Lang) -> String) {
        let (fr, en) = (make(Lang::Fr), make(Lang::En));
        assert!(
            !fr.trim().is_empty() && !en.trim().is_empty(),
            "{fr:?} / {en:?}"
        );
        assert!(!fr.contains("{") && !en.contains("{"), "{fr} / {en}");
    }

    #[test]
    fn every_static_text_exists_in_both_languages() {
        for t in Cp::ALL {
            for lang in Lang::ALL {
                assert!(!t.get(lang).trim().is_empty(), "{t:?} {lang:?}");
            }
        }
    }

    #[test]
    fn every_part_group_trend_and_summary_reads_in_both_languages() {
        for p in parts(default_bars()) {
            both(|l| part_name(l, &p));
            assert_ne!(part_name(Lang::Fr, &p), p.code(), "{p:?} has a name");
        }
        for g in PartGroup::ALL {
            both(|l| group(l, g).to_owned());
            both(|l| rule(l, g));
        }
        let trends = [
            Trend::NotEnough { sessions: 1 },
            Trend::Rising { consistent: true },
            Trend::Rising { consistent: false },
            Trend::Falling { consistent: true },
            Trend::Falling { consistent: false },
            Trend::Stable,
        ];
        for t in trends {
            both(|l| trend(l, t));
            both(|l| convergence(l, t));
            for scale in [
                Scale::Level,
                Scale::Pomp,
                Scale::Balance,
                Scale::Ratio,
                Scale::Rate,
            ] {
                both(|l| value(l, scale, Some(1.5)));
                let r = TrendReading {
                    trend: t,
                    change: Some(1.0),
                    tolerance: Some(0.5),
                };
                both(|l| trend_reading(l, scale, &r));
            }
        }
        let s = Summary {
            group: PartGroup::Ratings,
            total: 6,
            rising: 4,
            falling: 1,
            stable: 1,
            not_enough: 0,
            rising_consistent: 3,
            falling_consistent: 0,
            rule: RULE,
        };
        assert_eq!(
            summary(Lang::En, &s),
            "4 of 6 dimensions rising (3 at every session), 1 falling, 1 stable, 0 without enough sessions"
        );
        assert_eq!(
            summary(Lang::Fr, &s),
            "4 dimensions sur 6 en hausse (dont 3 à chaque séance), 1 en baisse, 1 stable(s), 0 sans assez de séances"
        );
        assert!(rule(Lang::En, PartGroup::Ratings).contains("stable within 0.5 of a level"));
        assert_eq!(value(Lang::Fr, Scale::Level, Some(3.5)), "3,5 / 5");
        assert_eq!(value(Lang::En, Scale::Level, None), "—");
    }

    #[test]
    fn every_note_point_caveat_and_error_reads_in_both_languages() {
        let c = crate::domain::campaign::tests::sample();
        let session = SessionRef {
            number: 2,
            id: id(31),
        };
        let notes = [
            SessionNote::NothingYet,
            SessionNote::NoObservation,
            SessionNote::OneMediator,
            SessionNote::NotSubmitted { mediator: id(20) },
            SessionNote::VersionsNotChosen {
                mediator: id(20),
                versions: 2,
            },
            SessionNote::WithoutCandidate { mediator: id(99) },
            SessionNote::NoLeaderDebrief,
            SessionNote::NoCandidateDebrief,
        ];
        for n in &notes {
            both(|l| session_note(l, &c, n));
        }
        assert!(session_note(Lang::En, &c, &notes[3]).starts_with("Amina Benali's observation"));
        assert!(session_note(Lang::En, &c, &notes[5]).contains("a mediator no longer"));
        let gap = facet_gap("loyalty", Some(80.0), &[Some(40.0)]).unwrap();
        let mut points = vec![
            Point::Falling {
                part: Part::Rating("stakes_why".into()),
                consistent: true,
            },
            Point::Rising {
                part: Part::Convergence,
                consistent: false,
            },
            Point::Rising {
                part: Part::Working(WorkingIndex::Rate {
                    tag: Tag::Interrupts,
                    actor: Actor::Ceo,
                }),
                consistent: false,
            },
            Point::LargeGap {
                session,
                facet: "pace-energy".into(),
                leader: 75.0,
                candidate: 25.0,
                gap: 50.0,
            },
            Point::MediatorsDisagree {
                session,
                measures: vec![(Measure::RatingsInterval, 0.41)],
            },
            Point::BlindSpot(BlindSpot {
                construct: "interpersonal-intelligence".into(),
                gap,
            }),
            Point::UnbalancedProfile(ProfileFlag::LeansTo(SupportAxis::Finance)),
            Point::Missing(Missing::SelfAssessment {
                construct: "intelligence-of-paradoxes".into(),
            }),
            Point::Missing(Missing::Profile),
            Point::Missing(Missing::ProfileUnreadable),
        ];
        points.extend(notes.iter().map(|n| {
            Point::Missing(Missing::Session {
                session,
                note: n.clone(),
            })
        }));
        for p in &points {
            both(|l| point(l, &c, p));
        }
        assert_eq!(
            point(Lang::En, &c, &points[3]),
            "Session 2, “Pace and energy”: the leader answered 75 out of 100, the candidate 25: 50 points apart (a large gap from 25)."
        );
        assert!(point(Lang::Fr, &c, &points[4]).contains("0,41"));
        let caveats = [
            Caveat::LowAgreement {
                session,
                measures: vec![(Measure::Acts, 0.5)],
            },
            Caveat::FewUnits {
                session,
                note: AgreementNote::FewWindows {
                    windows: 4,
                    minimum: 10,
                },
            },
            Caveat::UnstableReliability {
                construct: "interpersonal-intelligence".into(),
                respondents: 2,
            },
            Caveat::Quality {
                response_id: id(1),
                instrument_id: "session-debrief-leader".into(),
                session: Some(session),
                flag: Flag::TooFast,
            },
            Caveat::Quality {
                response_id: id(1),
                instrument_id: "interpersonal-intelligence".into(),
                session: None,
                flag: Flag::StraightLining,
            },
            Caveat::Quality {
                response_id: id(1),
                instrument_id: "x".into(),
                session: None,
                flag: Flag::InconsistentPairs,
            },
        ];
        for cv in &caveats {
            both(|l| caveat(l, cv));
        }
        let readings = [
            AgreementReading::NotApplicable,
            AgreementReading::Unavailable(AgreementError::DifferentSessions),
            AgreementReading::Read {
                ratings: Some(0.8),
                rated_by_two: 6,
                acts: None,
                windows: 12,
                low: vec![],
                notes: vec![],
            },
            AgreementReading::Read {
                ratings: Some(0.2),
                rated_by_two: 6,
                acts: Some(0.7),
                windows: 12,
                low: vec![(Measure::RatingsInterval, 0.2)],
                notes: vec![],
            },
        ];
        for a in &readings {
            both(|l| agreement(l, a));
        }
        for e in [
            CompareError::TooFew { min: 2, got: 1 },
            CompareError::TooMany { max: 4, got: 5 },
            CompareError::UnknownCandidate(id(1)),
            CompareError::Repeated(id(1)),
        ] {
            both(|l| compare_error(l, &e));
        }
    }
}
