//! Texts of the compatibility picture (`domain::compatibility`): its page, the parts and their
//! values, trends and their rule, the summaries, the points to discuss, the notes on what is
//! missing, the agreement of a session and the caveats of the provenance.

use super::analysis::{agreement_error, agreement_note, measure};
use super::{number, results::profile_flag, Lang};
use crate::domain::compatibility::export::part_name;
use crate::domain::compatibility::trend::{Tolerance, TrendRule};
use crate::domain::compatibility::{
    AgreementReading, BlindSpot, Caveat, Missing, Part, PartGroup, Point, Scale, SessionNote,
    SessionRef, Summary, Trend,
};
use crate::domain::instrument::builtin::builtin_by_id;
use crate::domain::instrument::definition::DebriefSide;
use crate::domain::instrument::quality::Flag;
use crate::domain::lang::catalogue;
use crate::domain::observation::agreement::Measure;

catalogue! {
    Cp;
    Title => "Compatibilité", "Compatibility";
    Intro => "Un portrait, pas un verdict\u{a0}: séance après séance, ce que les médiateurs ont noté, la façon dont le dirigeant et le candidat ont travaillé ensemble et ce que chacun en a dit. Chaque chiffre garde ses éléments\u{a0}; aucun ne décide seul.", "A picture, not a verdict: session after session, what the mediators rated, how the leader and the candidate worked together and what each of them said about it. Every figure keeps its parts; none decides on its own.";
    NotFound => "Ce candidat n'existe pas dans cette campagne.", "This candidate is not in this campaign.";
    Back => "Retour à la campagne", "Back to the campaign";
    AtAGlance => "En bref", "At a glance";
    RuleTitle => "Comment une tendance est lue", "How a trend is read";
    PointsTitle => "Points à discuter", "Points to discuss";
    PointsIntro => "À aborder avec le dirigeant et le candidat avant de décider, chacun avec les chiffres sur lesquels il repose.", "To raise with the leader and the candidate before deciding, each with the figures it rests on.";
    NoPoints => "Aucun point particulier\u{a0}: rien ne se dégrade, les débriefs sont proches et les médiateurs s'accordent.", "Nothing in particular: nothing is getting worse, the debriefs are close and the mediators agree.";
    MissingTitle => "Ce qui manque encore", "What is still missing";
    SessionsTitle => "Séance par séance", "Session by session";
    RatingsTitle => "Notes des médiateurs", "Mediators' ratings";
    RatingsIntro => "Moyenne des niveaux (1 à 5) donnés par les médiateurs dont l'observation compte, avec le niveau de chacun.", "Mean of the levels (1 to 5) given by the mediators whose observation counts, with each one's level.";
    AgreementRow => "Accord entre médiateurs", "Agreement between mediators";
    WorkingTitle => "Travailler ensemble", "Working together";
    WorkingIntro => "Les indices de méta-communication qui parlent du travail à deux, calculés sur chaque observation puis moyennés. Le taux est compté par 10\u{a0}minutes de séance.", "The meta-communication indices that speak to working together, computed on each observation then averaged. Rates are per 10 minutes of session time.";
    DebriefsTitle => "Les deux débriefs", "The two debriefs";
    DebriefsIntro => "Après chaque séance, le dirigeant et le candidat répondent au même questionnaire en miroir. Scores sur 100 (POMP), et l'écart entre les deux.", "After each session, the leader and the candidate answer the same mirrored questionnaire. Scores out of 100 (POMP), and the gap between them.";
    ConvergenceTitle => "Les débriefs se rapprochent-ils\u{a0}?", "Do the debriefs converge?";
    ConvergenceChart => "Écart moyen entre les deux débriefs, par séance", "Mean gap between the two debriefs, per session";
    ColPart => "Élément", "Part";
    ColTrend => "Tendance", "Trend";
    ColFacet => "Facette", "Facet";
    Leader => "Dirigeant", "Leader";
    Candidate => "Candidat", "Candidate";
    Gap => "Écart", "Gap";
    LargeGap => "écart important", "large gap";
    Mean => "moyenne", "mean";
    NoValue => "pas de valeur", "no value";
    ContextTitle => "Contexte", "Context";
    ContextIntro => "À lire comme un contexte, pas comme un score\u{a0}: les autoévaluations du candidat, ses angles morts et l'équilibre de son profil. Rien de ceci n'entre dans les tendances ci-dessus.", "To read as context, not as a score: the candidate's self-assessments, blind spots and profile balance. None of this enters the trends above.";
    SoftSkillsTitle => "Compétences comportementales", "Soft skills";
    ColSkill => "Questionnaire", "Questionnaire";
    ColSelf => "Autoévaluation", "Self";
    ColObservers => "Observateurs", "Observers";
    BlindSpotsTitle => "Angles morts", "Blind spots";
    NoBlindSpot => "Aucun angle mort\u{a0}: nulle part le candidat ne se voit nettement au-dessus de ce que voient les observateurs.", "No blind spot: nowhere does the candidate see themself clearly above what the observers see.";
    ProfileTitle => "Équilibre du profil", "Profile balance";
    ProfileNotPlanned => "La campagne ne prévoit pas le profil sur les axes du support.", "The campaign does not plan the support-axis profile.";
    ProfileNotAnswered => "Le candidat n'a pas encore répondu au profil sur les axes du support.", "The candidate has not answered the support-axis profile yet.";
    ProfileUnreadable => "Le profil ne peut pas être lu\u{a0}: un axe a trop peu de réponses.", "The profile cannot be read: an axis has too few answers.";
    ProfileBalanced => "Profil équilibré, chaque axe dans la plage du rôle.", "A balanced profile, every axis within the role's band.";
    EvidenceSession => "Voir l'analyse de la séance", "See the session analysis";
    EvidenceResults => "Voir les résultats des autoévaluations", "See the self-assessment results";
    SeeFigures => "Voir les chiffres", "See the figures";
    SaveSvg => "Enregistrer le graphique (SVG)", "Save the chart (SVG)";
    Print => "Imprimer / Enregistrer en PDF", "Print / Save as PDF";
    Sample => "Exemple", "Sample";
    SampleNote => "Données d'exemple\u{a0}: personnes et chiffres fictifs.", "Sample data: fictitious people and figures.";
    Chart => "Graphique", "Chart";
    KeyValues => "valeurs", "values";
    KeyFit => "droite de tendance", "trend line";
    KeyBridge => "séance sans valeur", "session without a value";
}

/// ": " in English, "\u{a0}: " in French.
pub fn colon(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "\u{a0}: ",
        Lang::En => ": ",
    }
}

/// A link to the compatibility page, with the candidate for assistive technology.
pub fn compatibility_of(lang: Lang, name: &str) -> String {
    match lang {
        Lang::Fr => format!("Compatibilité de {name}"),
        Lang::En => format!("Compatibility of {name}"),
    }
}

/// The page title: "Compatibility — Jean Dupont".
pub fn title(lang: Lang, name: &str) -> String {
    format!("{} — {name}", Cp::Title.get(lang))
}

/// "Session 2 · 3 December 2026 · the budget review".
pub fn session_head(lang: Lang, s: SessionRef, date: Option<&str>) -> String {
    let mut out = super::session_title(lang, s.number);
    if let Some(d) = date {
        out.push_str(" · ");
        out.push_str(d);
    }
    out
}

/// The name of a part (the grid's dimension, the index, the debrief facet with its side).
pub fn part(lang: Lang, p: &Part) -> String {
    part_name(p, lang)
}

/// The name of a debrief facet without its side.
pub fn facet(lang: Lang, id: &str) -> String {
    crate::domain::instrument::builtin::debrief_for(DebriefSide::Leader)
        .facet(id)
        .map_or_else(|| id.to_owned(), |f| f.name.get(lang).to_owned())
}

/// The title of a questionnaire, by the construct's (self form's) id.
pub fn construct(lang: Lang, id: &str) -> String {
    builtin_by_id(id).map_or_else(|| id.to_owned(), |i| i.title.get(lang).to_owned())
}

/// The name of a facet of a questionnaire.
pub fn construct_facet(lang: Lang, construct: &str, facet: &str) -> String {
    builtin_by_id(construct)
        .and_then(|i| i.facet(facet))
        .map_or_else(|| facet.to_owned(), |f| f.name.get(lang).to_owned())
}

/// A value of a part, as its scale reads: "3.5" (levels), "72" (POMP), "0.84" (balance, climate),
/// "2.4" (a rate per 10 min); "—" when there is none.
pub fn value(lang: Lang, scale: Scale, v: Option<f64>) -> String {
    let Some(v) = v.filter(|v| v.is_finite()) else {
        return "—".to_owned();
    };
    let decimals = match scale {
        Scale::Level | Scale::Rate => 1,
        Scale::Pomp => 0,
        Scale::Balance | Scale::Ratio => 2,
    };
    number(lang, v, decimals)
}

/// A trend in words: "rising, consistently", "falling", "stable", "not enough sessions".
pub fn trend(lang: Lang, t: Trend) -> String {
    let s = match (lang, t) {
        (Lang::Fr, Trend::Rising { consistent: true }) => "en hausse régulière",
        (Lang::Fr, Trend::Rising { consistent: false }) => "en hausse",
        (Lang::Fr, Trend::Falling { consistent: true }) => "en baisse régulière",
        (Lang::Fr, Trend::Falling { consistent: false }) => "en baisse",
        (Lang::Fr, Trend::Stable) => "stable",
        (Lang::Fr, Trend::NotEnough { .. }) => "trop peu de séances",
        (Lang::En, Trend::Rising { consistent: true }) => "rising, consistently",
        (Lang::En, Trend::Rising { consistent: false }) => "rising",
        (Lang::En, Trend::Falling { consistent: true }) => "falling, consistently",
        (Lang::En, Trend::Falling { consistent: false }) => "falling",
        (Lang::En, Trend::Stable) => "stable",
        (Lang::En, Trend::NotEnough { .. }) => "too few sessions",
    };
    s.to_owned()
}

/// A short code for styling a trend: `up`, `down`, `flat`, `none`.
pub fn trend_class(t: Trend) -> &'static str {
    match t {
        Trend::Rising { .. } => "up",
        Trend::Falling { .. } => "down",
        Trend::Stable => "flat",
        Trend::NotEnough { .. } => "none",
    }
}

/// The arrow that goes with a trend (with its words beside it, never alone).
pub fn trend_arrow(t: Trend) -> &'static str {
    match t {
        Trend::Rising { .. } => "↗",
        Trend::Falling { .. } => "↘",
        Trend::Stable => "→",
        Trend::NotEnough { .. } => "·",
    }
}

/// The name of a group of parts, as a title.
pub fn group(lang: Lang, g: PartGroup) -> &'static str {
    match (lang, g) {
        (Lang::Fr, PartGroup::Ratings) => "Notes des médiateurs",
        (Lang::En, PartGroup::Ratings) => "Mediators' ratings",
        (Lang::Fr, PartGroup::Working) => "Travailler ensemble",
        (Lang::En, PartGroup::Working) => "Working together",
        (Lang::Fr, PartGroup::LeaderDebrief) => "Débrief du dirigeant",
        (Lang::En, PartGroup::LeaderDebrief) => "Leader's debrief",
        (Lang::Fr, PartGroup::CandidateDebrief) => "Débrief du candidat",
        (Lang::En, PartGroup::CandidateDebrief) => "Candidate's debrief",
        (Lang::Fr, PartGroup::Convergence) => "Écart entre les débriefs",
        (Lang::En, PartGroup::Convergence) => "Gap between the debriefs",
    }
}

/// What a group counts, for `n` of them: "dimensions", "indices", "facets".
fn counted(lang: Lang, g: PartGroup, n: usize) -> &'static str {
    let many = n != 1;
    match (lang, g, many) {
        (Lang::Fr, PartGroup::Ratings, false) => "dimension",
        (Lang::Fr, PartGroup::Ratings, true) => "dimensions",
        (Lang::En, PartGroup::Ratings, false) => "dimension",
        (Lang::En, PartGroup::Ratings, true) => "dimensions",
        (Lang::Fr, PartGroup::Working, false) => "indice",
        (Lang::Fr, PartGroup::Working, true) => "indices",
        (Lang::En, PartGroup::Working, false) => "index",
        (Lang::En, PartGroup::Working, true) => "indices",
        (Lang::Fr, PartGroup::Convergence, _) => "écart moyen",
        (Lang::En, PartGroup::Convergence, _) => "mean gap",
        (Lang::Fr, _, false) => "facette",
        (Lang::Fr, _, true) => "facettes",
        (Lang::En, _, false) => "facet",
        (Lang::En, _, true) => "facets",
    }
}

/// A summary in plain words: "4 of 6 dimensions rising (2 consistently), 1 falling, 1 stable".
/// For the convergence (one part), the trend of the mean gap read as convergence.
pub fn summary(lang: Lang, s: &Summary) -> String {
    if s.total == 0 {
        return match lang {
            Lang::Fr => "rien à suivre".into(),
            Lang::En => "nothing to follow".into(),
        };
    }
    let of = |n: usize| match lang {
        Lang::Fr => format!("{n} {} sur {}", counted(lang, s.group, s.total), s.total),
        Lang::En => format!("{n} of {} {}", s.total, counted(lang, s.group, s.total)),
    };
    let consistently = |k: usize| match (lang, k) {
        (_, 0) => String::new(),
        (Lang::Fr, k) => format!(" (dont {k} régulièrement)"),
        (Lang::En, k) => format!(" ({k} consistently)"),
    };
    let mut parts: Vec<String> = Vec::new();
    let words = |fr: &'static str, en: &'static str| match lang {
        Lang::Fr => fr,
        Lang::En => en,
    };
    let counts = [
        (s.rising, words("en hausse", "rising"), s.rising_consistent),
        (
            s.falling,
            words("en baisse", "falling"),
            s.falling_consistent,
        ),
        (s.stable, words("stable(s)", "stable"), 0),
        (
            s.not_enough,
            words("sans assez de séances", "without enough sessions"),
            0,
        ),
    ];
    for (n, word, consistent) in counts.into_iter().filter(|c| c.0 > 0) {
        if parts.is_empty() {
            parts.push(format!("{} {word}{}", of(n), consistently(consistent)));
        } else {
            parts.push(format!("{n} {word}{}", consistently(consistent)));
        }
    }
    parts.join(", ")
}

/// What the trend of the mean gap says about the two debriefs.
pub fn convergence(lang: Lang, t: Trend) -> String {
    match (lang, t) {
        (Lang::Fr, Trend::Falling { consistent: true }) => "Les deux débriefs se rapprochent séance après séance\u{a0}: l'écart moyen baisse à chaque séance.".into(),
        (Lang::Fr, Trend::Falling { .. }) => "Les deux débriefs se rapprochent\u{a0}: l'écart moyen baisse au fil des séances.".into(),
        (Lang::Fr, Trend::Rising { consistent: true }) => "Les deux débriefs s'éloignent séance après séance\u{a0}: l'écart moyen augmente à chaque séance.".into(),
        (Lang::Fr, Trend::Rising { .. }) => "Les deux débriefs s'éloignent\u{a0}: l'écart moyen augmente au fil des séances.".into(),
        (Lang::Fr, Trend::Stable) => "L'écart entre les deux débriefs reste à peu près le même d'une séance à l'autre.".into(),
        (Lang::Fr, Trend::NotEnough { sessions }) => format!("Pas encore de tendance\u{a0}: les deux débriefs sont connus pour {sessions} séance(s)\u{a0}; il en faut au moins 2."),
        (Lang::En, Trend::Falling { consistent: true }) => "The two debriefs come closer session after session: the mean gap falls every time.".into(),
        (Lang::En, Trend::Falling { .. }) => "The two debriefs come closer: the mean gap falls over the sessions.".into(),
        (Lang::En, Trend::Rising { consistent: true }) => "The two debriefs drift apart session after session: the mean gap grows every time.".into(),
        (Lang::En, Trend::Rising { .. }) => "The two debriefs drift apart: the mean gap grows over the sessions.".into(),
        (Lang::En, Trend::Stable) => "The gap between the two debriefs stays about the same from one session to the next.".into(),
        (Lang::En, Trend::NotEnough { sessions }) => format!("No trend yet: both debriefs are known for {sessions} session(s); at least 2 are needed."),
    }
}

/// The rule every trend follows, in plain words.
pub fn rule(lang: Lang, r: TrendRule) -> String {
    let level = number(lang, Tolerance::of(Scale::Level).absolute, 1);
    let pomp = number(lang, Tolerance::of(Scale::Pomp).absolute, 0);
    let balance = number(lang, Tolerance::of(Scale::Balance).absolute, 2);
    let relative = number(lang, Tolerance::of(Scale::Rate).relative * 100.0, 0);
    let (min, consistent) = (r.min_sessions, r.consistent_from);
    match lang {
        Lang::Fr => format!(
            "Une tendance demande des valeurs dans au moins {min} séances\u{a0}; une séance sans valeur est sautée, les autres gardent leur place. Elle est lue sur la droite des moindres carrés\u{a0}: tant que sa variation de la première à la dernière séance reste dans la tolérance ({level}\u{a0}niveau sur la grille, {pomp}\u{a0}points sur les débriefs, {balance} d'équilibre de la parole, {relative}\u{a0}% de la moyenne pour les taux et le climat), l'élément est stable. Une hausse ou une baisse est régulière à partir de {consistent} séances, quand chaque pas va dans le même sens au-delà de la tolérance."
        ),
        Lang::En => format!(
            "A trend needs values in at least {min} sessions; a session without a value is skipped, the others keep their place. It is read from the least-squares line: while its change from the first to the last session stays within the tolerance ({level} level on the grid, {pomp} points on the debriefs, {balance} of floor balance, {relative}% of the mean for rates and the climate), the part is stable. A rise or fall is consistent from {consistent} sessions, when every step moves the same way beyond the tolerance."
        ),
    }
}

/// What was received for a session: "2 observations count (Amina, Bruno) · leader's debrief:
/// received · candidate's: not received".
pub fn received(lang: Lang, mediators: &[String], leader: bool, candidate: bool) -> String {
    let n = mediators.len();
    let names = if mediators.is_empty() {
        String::new()
    } else {
        format!(" ({})", mediators.join(", "))
    };
    let got = |yes: bool| match (lang, yes) {
        (Lang::Fr, true) => "reçu",
        (Lang::Fr, false) => "non reçu",
        (Lang::En, true) => "received",
        (Lang::En, false) => "not received",
    };
    match lang {
        Lang::Fr => format!(
            "{n} observation{s} compte{nt}{names} · débrief du dirigeant\u{a0}: {} · du candidat\u{a0}: {}",
            got(leader),
            got(candidate),
            s = if n > 1 { "s" } else { "" },
            nt = if n > 1 { "nt" } else { "" },
        ),
        Lang::En => format!(
            "{n} observation{s} count{names} · leader's debrief: {} · candidate's: {}",
            got(leader),
            got(candidate),
            s = if n == 1 { "" } else { "s" },
        ),
    }
}

/// "over 6 facets", under a mean gap.
pub fn facets_compared(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Fr => format!("sur {n} facette{}", if n > 1 { "s" } else { "" }),
        Lang::En => format!("over {n} facet{}", if n == 1 { "" } else { "s" }),
    }
}

/// "2 mediators: 3 · 4" under a mean level.
pub fn levels(lang: Lang, levels: &[Option<u8>]) -> String {
    let shown: Vec<String> = levels
        .iter()
        .map(|l| l.map_or_else(|| "—".to_owned(), |l| l.to_string()))
        .collect();
    let n = levels.len();
    match lang {
        Lang::Fr => format!(
            "{n} médiateur{}\u{a0}: {}",
            if n > 1 { "s" } else { "" },
            shown.join(" · ")
        ),
        Lang::En => format!(
            "{n} mediator{}: {}",
            if n == 1 { "" } else { "s" },
            shown.join(" · ")
        ),
    }
}

/// The agreement of a session in one line.
pub fn agreement(lang: Lang, a: &AgreementReading) -> String {
    match a {
        AgreementReading::NotApplicable => match lang {
            Lang::Fr => "Moins de deux observations comptent\u{a0}: pas d'accord à lire.".into(),
            Lang::En => "Fewer than two observations count: no agreement to read.".into(),
        },
        AgreementReading::Unavailable(e) => agreement_error(lang, e),
        AgreementReading::Read {
            ratings,
            rated_by_two,
            acts,
            windows,
            low,
            ..
        } => {
            let alpha = |v: &Option<f64>| {
                v.map_or_else(
                    || match lang {
                        Lang::Fr => "non défini".to_owned(),
                        Lang::En => "undefined".to_owned(),
                    },
                    |v| number(lang, v, 2),
                )
            };
            let low_words = if low.is_empty() {
                String::new()
            } else {
                match lang {
                    Lang::Fr => " — sous 0,667\u{a0}: les médiateurs divergent".to_owned(),
                    Lang::En => " — below 0.667: the mediators diverge".to_owned(),
                }
            };
            match lang {
                Lang::Fr => format!(
                    "α notes {} ({rated_by_two} dimension(s) notée(s) par deux) · α actes {} ({windows} fenêtre(s)){low_words}",
                    alpha(ratings),
                    alpha(acts)
                ),
                Lang::En => format!(
                    "α ratings {} ({rated_by_two} dimension(s) rated by two) · α acts {} ({windows} window(s)){low_words}",
                    alpha(ratings),
                    alpha(acts)
                ),
            }
        }
    }
}

/// The measures below the threshold: "Act codes 0.52, Grid ratings, as intervals 0.40".
fn low_list(lang: Lang, measures: &[(Measure, f64)]) -> String {
    measures
        .iter()
        .map(|(m, v)| format!("{} {}", measure(lang, *m), number(lang, *v, 2)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A note on what is missing in a session; `mediator` names a mediator by id.
pub fn session_note(
    lang: Lang,
    n: &SessionNote,
    mediator: &dyn Fn(uuid::Uuid) -> String,
) -> String {
    match (lang, n) {
        (Lang::Fr, SessionNote::NothingYet) => "Rien n'a encore été reçu pour cette séance\u{a0}: ni observation, ni débrief.".into(),
        (Lang::En, SessionNote::NothingYet) => "Nothing has been received for this session yet: no observation, no debrief.".into(),
        (Lang::Fr, SessionNote::NoObservation) => "Aucune observation ne compte pour cette séance\u{a0}: pas de notes ni d'indices.".into(),
        (Lang::En, SessionNote::NoObservation) => "No observation counts for this session: no ratings and no indices.".into(),
        (Lang::Fr, SessionNote::OneMediator) => "Une seule observation compte\u{a0}: l'accord entre médiateurs ne peut pas être lu.".into(),
        (Lang::En, SessionNote::OneMediator) => "Only one observation counts: the agreement between mediators cannot be read.".into(),
        (Lang::Fr, SessionNote::NotSubmitted { mediator: m }) => format!("L'observation de {} est encore un brouillon\u{a0}: elle ne compte pas encore.", mediator(*m)),
        (Lang::En, SessionNote::NotSubmitted { mediator: m }) => format!("{}'s observation is still a draft: it does not count yet.", mediator(*m)),
        (Lang::Fr, SessionNote::VersionsNotChosen { mediator: m, versions }) => format!("L'observation de {} est arrivée en {versions} versions divergentes et aucune n'est choisie\u{a0}: elle ne compte pas tant qu'une version n'est pas retenue dans l'analyse de la séance.", mediator(*m)),
        (Lang::En, SessionNote::VersionsNotChosen { mediator: m, versions }) => format!("{}'s observation came in {versions} diverging versions and none is chosen: it does not count until one is chosen in the session analysis.", mediator(*m)),
        (Lang::Fr, SessionNote::WithoutCandidate { mediator: m }) => format!("Une observation de {} ne nomme pas de candidat\u{a0}: avec plusieurs candidats, elle ne peut être comptée pour personne.", mediator(*m)),
        (Lang::En, SessionNote::WithoutCandidate { mediator: m }) => format!("An observation by {} names no candidate: with several candidates it cannot be counted for anyone.", mediator(*m)),
        (Lang::Fr, SessionNote::NoLeaderDebrief) => "Le débrief du dirigeant n'a pas été reçu.".into(),
        (Lang::En, SessionNote::NoLeaderDebrief) => "The leader's debrief has not been received.".into(),
        (Lang::Fr, SessionNote::NoCandidateDebrief) => "Le débrief du candidat n'a pas été reçu.".into(),
        (Lang::En, SessionNote::NoCandidateDebrief) => "The candidate's debrief has not been received.".into(),
    }
}

/// Something missing from the picture as a whole.
pub fn missing(lang: Lang, m: &Missing, mediator: &dyn Fn(uuid::Uuid) -> String) -> String {
    match m {
        Missing::Session { session, note } => format!(
            "{}{}{}",
            super::session_title(lang, session.number),
            colon(lang),
            session_note(lang, note, mediator)
        ),
        Missing::SelfAssessment { construct: c } => match lang {
            Lang::Fr => format!(
                "Le candidat n'a pas encore répondu à «\u{a0}{}\u{a0}».",
                construct(lang, c)
            ),
            Lang::En => format!(
                "The candidate has not answered “{}” yet.",
                construct(lang, c)
            ),
        },
        Missing::Profile => Cp::ProfileNotAnswered.get(lang).to_owned(),
        Missing::ProfileUnreadable => Cp::ProfileUnreadable.get(lang).to_owned(),
    }
}

/// A blind spot: "Interpersonal intelligence — Loyalty: self 82, observers 55".
pub fn blind_spot(lang: Lang, b: &BlindSpot) -> String {
    let (s, o) = (
        number(lang, b.gap.self_pomp, 0),
        number(lang, b.gap.observers_pomp, 0),
    );
    let name = format!(
        "{} — {}",
        construct(lang, &b.construct),
        construct_facet(lang, &b.construct, &b.gap.facet)
    );
    match lang {
        Lang::Fr => format!("{name}\u{a0}: se voit à {s}, les observateurs à {o}"),
        Lang::En => format!("{name}: sees themself at {s}, the observers at {o}"),
    }
}

/// A point to discuss, in one sentence.
pub fn point(lang: Lang, p: &Point, mediator: &dyn Fn(uuid::Uuid) -> String) -> String {
    match p {
        Point::Falling { part: x, consistent } => match lang {
            Lang::Fr => format!(
                "{}\u{a0}: en baisse{} au fil des séances.",
                part(lang, x),
                if *consistent { " régulière" } else { "" }
            ),
            Lang::En => format!(
                "{}: falling{} over the sessions.",
                part(lang, x),
                if *consistent { " consistently" } else { "" }
            ),
        },
        Point::Rising { part: x, consistent } => match (lang, x) {
            (Lang::Fr, Part::Convergence) => format!(
                "Les deux débriefs s'éloignent{}\u{a0}: l'écart moyen augmente.",
                if *consistent { " à chaque séance" } else { "" }
            ),
            (Lang::En, Part::Convergence) => format!(
                "The two debriefs drift apart{}: the mean gap grows.",
                if *consistent { " every session" } else { "" }
            ),
            (Lang::Fr, _) => format!(
                "{}\u{a0}: en hausse{} — moins, c'est mieux.",
                part(lang, x),
                if *consistent { " régulière" } else { "" }
            ),
            (Lang::En, _) => format!(
                "{}: rising{} — fewer is better.",
                part(lang, x),
                if *consistent { " consistently" } else { "" }
            ),
        },
        Point::LargeGap {
            session,
            facet: f,
            leader,
            candidate,
            gap,
        } => {
            let (l, c, g) = (
                number(lang, *leader, 0),
                number(lang, *candidate, 0),
                number(lang, *gap, 0),
            );
            match lang {
                Lang::Fr => format!(
                    "{}, «\u{a0}{}\u{a0}»\u{a0}: le dirigeant et le candidat l'ont vécue loin l'un de l'autre (dirigeant {l}, candidat {c}, écart {g} points).",
                    super::session_title(lang, session.number),
                    facet(lang, f)
                ),
                Lang::En => format!(
                    "{}, “{}”: the leader and the candidate felt it far apart (leader {l}, candidate {c}, a gap of {g} points).",
                    super::session_title(lang, session.number),
                    facet(lang, f)
                ),
            }
        }
        Point::MediatorsDisagree { session, measures } => match lang {
            Lang::Fr => format!(
                "{}\u{a0}: les médiateurs divergent (alpha sous 0,667\u{a0}: {}). Lisez ses notes et ses indices avec prudence.",
                super::session_title(lang, session.number),
                low_list(lang, measures)
            ),
            Lang::En => format!(
                "{}: the mediators diverge (alpha below 0.667: {}). Read its ratings and indices with care.",
                super::session_title(lang, session.number),
                low_list(lang, measures)
            ),
        },
        Point::BlindSpot(b) => match lang {
            Lang::Fr => format!("Angle mort — {}.", blind_spot(lang, b)),
            Lang::En => format!("Blind spot — {}.", blind_spot(lang, b)),
        },
        Point::UnbalancedProfile(f) => match lang {
            Lang::Fr => format!("Profil\u{a0}: {}.", profile_flag(lang, *f)),
            Lang::En => format!("Profile: {}.", profile_flag(lang, *f)),
        },
        Point::Missing(m) => missing(lang, m, mediator),
    }
}

/// A quality flag of a response, briefly.
pub fn quality_flag(lang: Lang, f: Flag) -> &'static str {
    match (lang, f) {
        (Lang::Fr, Flag::TooFast) => "réponses d'une rapidité peu plausible",
        (Lang::En, Flag::TooFast) => "answered implausibly fast",
        (Lang::Fr, Flag::StraightLining) => "une longue suite de réponses identiques",
        (Lang::En, Flag::StraightLining) => "a long run of identical answers",
        (Lang::Fr, Flag::InconsistentPairs) => {
            "des réponses contradictoires aux paires de contrôle"
        }
        (Lang::En, Flag::InconsistentPairs) => "contradicting answers to the control pairs",
    }
}

/// A caveat of the provenance, in one sentence.
pub fn caveat(lang: Lang, c: &Caveat) -> String {
    match c {
        Caveat::LowAgreement { session, measures } => match lang {
            Lang::Fr => format!(
                "{}\u{a0}: accord faible entre médiateurs ({}).",
                super::session_title(lang, session.number),
                low_list(lang, measures)
            ),
            Lang::En => format!(
                "{}: low agreement between mediators ({}).",
                super::session_title(lang, session.number),
                low_list(lang, measures)
            ),
        },
        Caveat::FewUnits { session, note } => format!(
            "{}{} {}",
            super::session_title(lang, session.number),
            if lang == Lang::Fr { "\u{a0}:" } else { ":" },
            agreement_note(lang, note)
        ),
        Caveat::UnstableReliability {
            construct: k,
            respondents,
        } => match lang {
            Lang::Fr => format!(
                "«\u{a0}{}\u{a0}»\u{a0}: l'alpha de Cronbach repose sur {respondents} répondant(s)\u{a0}; il est instable en dessous de 5.",
                construct(lang, k)
            ),
            Lang::En => format!(
                "“{}”: Cronbach's alpha rests on {respondents} respondent(s); it is unstable below 5.",
                construct(lang, k)
            ),
        },
        Caveat::Quality {
            instrument_id,
            session,
            flag,
            ..
        } => {
            let what = match session {
                Some(s) => format!(
                    "{} ({})",
                    construct(lang, instrument_id),
                    super::session_title(lang, s.number)
                ),
                None => construct(lang, instrument_id),
            };
            match lang {
                Lang::Fr => format!("«\u{a0}{what}\u{a0}»\u{a0}: {}.", quality_flag(lang, *flag)),
                Lang::En => format!("“{what}”: {}.", quality_flag(lang, *flag)),
            }
        }
    }
}

/// What a chart of one part across sessions shows, for its accessible name.
pub fn chart_summary(
    lang: Lang,
    name: &str,
    values: &[Option<f64>],
    scale: Scale,
    t: Trend,
) -> String {
    let shown: Vec<String> = values
        .iter()
        .enumerate()
        .map(|(k, v)| {
            format!(
                "{} {}",
                super::session_title(lang, k + 1),
                v.map_or_else(
                    || Cp::NoValue.get(lang).to_owned(),
                    |v| value(lang, scale, Some(v))
                )
            )
        })
        .collect();
    format!(
        "{name}{}{} — {}",
        colon(lang),
        shown.join(", "),
        trend(lang, t)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::compatibility::trend::RULE;

    fn summary_of(rising: usize, falling: usize, stable: usize, not_enough: usize) -> Summary {
        Summary {
            group: PartGroup::Ratings,
            total: rising + falling + stable + not_enough,
            rising,
            falling,
            stable,
            not_enough,
            rising_consistent: rising.min(2),
            falling_consistent: 0,
            rule: RULE,
        }
    }

    #[test]
    fn every_text_exists_in_both_languages() {
        for t in Cp::ALL {
            assert!(!t.get(Lang::Fr).trim().is_empty(), "{t:?}");
            assert!(!t.get(Lang::En).trim().is_empty(), "{t:?}");
        }
    }

    #[test]
    fn summaries_read_as_plain_words() {
        assert_eq!(
            summary(Lang::En, &summary_of(4, 1, 1, 0)),
            "4 of 6 dimensions rising (2 consistently), 1 falling, 1 stable"
        );
        assert_eq!(
            summary(Lang::Fr, &summary_of(4, 1, 1, 0)),
            "4 dimensions sur 6 en hausse (dont 2 régulièrement), 1 en baisse, 1 stable(s)"
        );
        assert_eq!(
            summary(Lang::En, &summary_of(0, 0, 0, 6)),
            "6 of 6 dimensions without enough sessions"
        );
        let empty = Summary {
            total: 0,
            ..summary_of(0, 0, 0, 0)
        };
        assert_eq!(summary(Lang::En, &empty), "nothing to follow");
    }

    #[test]
    fn values_follow_their_scale() {
        assert_eq!(value(Lang::En, Scale::Level, Some(3.25)), "3.3");
        assert_eq!(value(Lang::Fr, Scale::Level, Some(3.5)), "3,5");
        assert_eq!(value(Lang::En, Scale::Pomp, Some(72.4)), "72");
        assert_eq!(value(Lang::En, Scale::Balance, Some(0.838)), "0.84");
        assert_eq!(value(Lang::En, Scale::Rate, None), "—");
        assert_eq!(levels(Lang::En, &[Some(3), None]), "2 mediators: 3 · —");
        assert_eq!(levels(Lang::En, &[Some(4)]), "1 mediator: 4");
    }

    #[test]
    fn the_rule_states_its_thresholds() {
        let r = rule(Lang::En, RULE);
        assert!(r.contains("at least 2 sessions"), "{r}");
        assert!(r.contains("0.5 level"), "{r}");
        assert!(r.contains("10 points"), "{r}");
        assert!(r.contains("consistent from 3 sessions"), "{r}");
        assert!(rule(Lang::Fr, RULE).contains("0,5\u{a0}niveau"));
    }

    #[test]
    fn missing_data_is_a_sentence() {
        let who = |_| "Amina".to_owned();
        let s = SessionRef {
            number: 3,
            id: uuid::Uuid::nil(),
        };
        assert_eq!(
            missing(
                Lang::En,
                &Missing::Session {
                    session: s,
                    note: SessionNote::OneMediator
                },
                &who
            ),
            "Session 3: Only one observation counts: the agreement between mediators cannot be read."
        );
        assert!(session_note(
            Lang::Fr,
            &SessionNote::NotSubmitted {
                mediator: uuid::Uuid::nil()
            },
            &who
        )
        .starts_with("L'observation de Amina"));
    }
}
