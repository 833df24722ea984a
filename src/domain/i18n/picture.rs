//! Texts of the compatibility page and its charts, beside the picture's own sentences
//! (`i18n::compatibility`: parts, trends, summaries, points, notes, caveats): section titles
//! and hints, cells, the trend's arrow, what was received per session, blind spots, and the
//! accessible summary of a chart.

use super::{number, Lang};
use crate::domain::compatibility::{AgreementReading, Better, BlindSpot, Scale, SessionRef, Trend};
use crate::domain::instrument::builtin::{builtin_by_id, debrief_for};
use crate::domain::instrument::definition::DebriefSide;
use crate::domain::lang::catalogue;

catalogue! {
    Pc;
    Title => "Compatibilité", "Compatibility";
    NotFound => "Ce candidat n'existe pas dans cette campagne.", "This candidate is not in this campaign.";
    Back => "Retour à la campagne", "Back to the campaign";
    AtAGlance => "En bref", "At a glance";
    PointsIntro => "À aborder avec le dirigeant et le candidat avant de décider, chacun avec les chiffres sur lesquels il repose.", "To raise with the leader and the candidate before deciding, each with the figures it rests on.";
    MissingTitle => "Ce qui manque encore", "What is still missing";
    RatingsTitle => "Notes des médiateurs", "Mediators' ratings";
    RatingsIntro => "Moyenne des niveaux (1 à 5) donnés par les médiateurs dont l'observation compte, avec le niveau de chacun, puis leur accord.", "Mean of the levels (1 to 5) given by the mediators whose observation counts, with each one's level, then their agreement.";
    AgreementRow => "Accord entre médiateurs", "Agreement between mediators";
    WorkingTitle => "Travailler ensemble", "Working together";
    WorkingIntro => "Les indices de méta-communication qui parlent du travail à deux, calculés sur chaque observation puis moyennés. Les fréquences sont comptées par 10\u{a0}minutes de séance.", "The meta-communication indices that speak to working together, computed on each observation then averaged. Rates are per 10 minutes of session time.";
    DebriefsTitle => "Les deux débriefs", "The two debriefs";
    DebriefsIntro => "Après chaque séance, le dirigeant et le candidat répondent au même questionnaire en miroir. Scores sur 100 (POMP), et l'écart entre les deux.", "After each session, the leader and the candidate answer the same mirrored questionnaire. Scores out of 100 (POMP), and the gap between them.";
    ConvergenceChart => "Écart moyen entre les deux débriefs, par séance", "Mean gap between the two debriefs, per session";
    ColPart => "Élément", "Part";
    ColFacet => "Facette", "Facet";
    LargeGap => "écart important", "large gap";
    Mean => "moyenne", "mean";
    NoValue => "pas de valeur", "no value";
    ColSelf => "Autoévaluation", "Self";
    ColObservers => "Observateurs", "Observers";
    BlindSpotsTitle => "Angles morts", "Blind spots";
    NoBlindSpot => "Aucun angle mort\u{a0}: nulle part le candidat ne se voit nettement au-dessus de ce que voient les observateurs.", "No blind spot: nowhere does the candidate see themself clearly above what the observers see.";
    ProfileTitle => "Équilibre du profil", "Profile balance";
    EvidenceSession => "Voir l'analyse de la séance", "See the session analysis";
    EvidenceResults => "Voir les résultats des autoévaluations", "See the self-assessment results";
    SaveSvg => "Enregistrer le graphique (SVG)", "Save the chart (SVG)";
    Print => "Imprimer / Enregistrer en PDF", "Print / Save as PDF";
    SampleNote => "Données d'exemple\u{a0}: personnes et chiffres fictifs.", "Sample data: fictitious people and figures.";
    KeyFit => "droite de tendance", "trend line";
    RulesTitle => "Comment ces tendances se lisent", "How these trends are read";
    NoAgreement => "pas d'accord à lire (moins de deux observations)", "no agreement to read (fewer than two observations)";
    Undefined => "non défini", "undefined";
}

/// ": " in English, "\u{a0}: " in French.
pub fn colon(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "\u{a0}: ",
        Lang::En => ": ",
    }
}

/// The link back to a candidate's compatibility page.
pub fn compatibility_of(lang: Lang, name: &str) -> String {
    match lang {
        Lang::Fr => format!("Compatibilité de {name}"),
        Lang::En => format!("Compatibility of {name}"),
    }
}

/// The page title: "Compatibility — Jean Dupont".
pub fn title(lang: Lang, name: &str) -> String {
    format!("{} — {name}", Pc::Title.get(lang))
}

/// "Session 2 · 3 December 2026".
pub fn session_head(lang: Lang, s: SessionRef, date: Option<&str>) -> String {
    let mut out = super::session_title(lang, s.number);
    if let Some(d) = date {
        out.push_str(" · ");
        out.push_str(d);
    }
    out
}

/// The name of a debrief facet, without its side.
pub fn facet(lang: Lang, id: &str) -> String {
    debrief_for(DebriefSide::Leader)
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

/// A number on a chart's value axis (no unit: the chart's title says it).
pub fn tick(lang: Lang, scale: Scale, v: f64) -> String {
    let decimals = match scale {
        Scale::Level | Scale::Pomp => 0,
        Scale::Rate => 1,
        Scale::Balance | Scale::Ratio => 2,
    };
    let d = if v.fract() == 0.0 { 0 } else { decimals.max(1) };
    number(lang, v, d)
}

/// A value in a table cell, without its unit (the row or the table says it): "3.5", "62",
/// "0.84", "2.4"; `None` reads as [`Pc::NoValue`].
pub fn cell(lang: Lang, scale: Scale, v: Option<f64>) -> String {
    let Some(v) = v.filter(|v| v.is_finite()) else {
        return Pc::NoValue.get(lang).to_owned();
    };
    let decimals = match scale {
        Scale::Level | Scale::Rate => 1,
        Scale::Pomp => 0,
        Scale::Balance | Scale::Ratio => 2,
    };
    number(lang, v, decimals)
}

/// The agreement of a session in a table cell: one line per alpha, then how many measures
/// fall below 0.667 (the points to discuss list them); or why there is none.
pub fn agreement_cell(lang: Lang, a: &AgreementReading) -> (Vec<String>, Option<String>) {
    match a {
        AgreementReading::NotApplicable => (vec![Pc::NoAgreement.get(lang).to_owned()], None),
        AgreementReading::Unavailable(e) => (vec![super::analysis::agreement_error(lang, e)], None),
        AgreementReading::Read {
            ratings, acts, low, ..
        } => {
            let alpha = |v: &Option<f64>| {
                v.map_or_else(
                    || Pc::Undefined.get(lang).to_owned(),
                    |v| number(lang, v, 2),
                )
            };
            let main = match lang {
                Lang::Fr => vec![
                    format!("α notes {}", alpha(ratings)),
                    format!("α codage {}", alpha(acts)),
                ],
                Lang::En => vec![
                    format!("α ratings {}", alpha(ratings)),
                    format!("α coding {}", alpha(acts)),
                ],
            };
            let below = (!low.is_empty()).then(|| match (lang, low.len()) {
                (Lang::Fr, 1) => "1 mesure sous 0,667".to_owned(),
                (Lang::Fr, n) => format!("{n} mesures sous 0,667"),
                (Lang::En, 1) => "1 measure below 0.667".to_owned(),
                (Lang::En, n) => format!("{n} measures below 0.667"),
            });
            (main, below)
        }
    }
}

/// A short code for styling a trend by what it means for the part (`good`, `bad`, `flat`,
/// `none`): a rising gap or rising interruptions read as `bad`, a falling gap as `good`.
pub fn trend_class(t: Trend, better: Better) -> &'static str {
    match (t, better) {
        (Trend::Rising { .. }, Better::Higher) | (Trend::Falling { .. }, Better::Lower) => "good",
        (Trend::Rising { .. }, Better::Lower) | (Trend::Falling { .. }, Better::Higher) => "bad",
        (Trend::Stable, _) => "flat",
        (Trend::NotEnough { .. }, _) => "none",
    }
}

/// The arrow that goes with a trend (its words always beside it).
pub fn trend_arrow(t: Trend) -> &'static str {
    match t {
        Trend::Rising { .. } => "↗",
        Trend::Falling { .. } => "↘",
        Trend::Stable => "→",
        Trend::NotEnough { .. } => "·",
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

/// A blind spot: "Interpersonal intelligence — Loyalty: sees themself at 82, the observers at
/// 55".
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

/// "Observers: 3".
pub fn observers(lang: Lang, n: usize) -> String {
    format!("{}{}{n}", Pc::ColObservers.get(lang), colon(lang))
}

/// What a chart of one part across sessions shows, for its accessible name: "Name: Session 1
/// 3.5 / 5, Session 2 no value… — rising".
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
                    || Pc::NoValue.get(lang).to_owned(),
                    |v| super::compatibility::value(lang, scale, Some(v))
                )
            )
        })
        .collect();
    format!(
        "{name}{}{} — {}",
        colon(lang),
        shown.join(", "),
        super::compatibility::trend(lang, t)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_exists_in_both_languages() {
        for t in Pc::ALL {
            assert!(!t.get(Lang::Fr).trim().is_empty(), "{t:?}");
            assert!(!t.get(Lang::En).trim().is_empty(), "{t:?}");
        }
    }

    #[test]
    fn cells_and_ticks_read_plainly() {
        assert_eq!(cell(Lang::Fr, Scale::Level, Some(3.0)), "3,0");
        assert_eq!(cell(Lang::En, Scale::Rate, None), "no value");
        assert_eq!(
            agreement_cell(Lang::En, &AgreementReading::NotApplicable).0,
            ["no agreement to read (fewer than two observations)"]
        );
        assert_eq!(levels(Lang::En, &[Some(3), None]), "2 mediators: 3 · —");
        assert_eq!(levels(Lang::En, &[Some(4)]), "1 mediator: 4");
        assert_eq!(tick(Lang::Fr, Scale::Balance, 0.5), "0,50");
        assert_eq!(tick(Lang::En, Scale::Level, 3.0), "3");
        assert_eq!(tick(Lang::En, Scale::Rate, 2.5), "2.5");
        assert_eq!(
            received(Lang::En, &["Amina".into(), "Bruno".into()], true, false),
            "2 observations count (Amina, Bruno) · leader's debrief: received · candidate's: not received"
        );
        assert_eq!(facets_compared(Lang::Fr, 6), "sur 6 facettes");
        let s = chart_summary(
            Lang::En,
            "Gap",
            &[Some(20.0), None],
            Scale::Pomp,
            Trend::Stable,
        );
        assert_eq!(s, "Gap: Session 1 20, Session 2 no value — stable");
    }
}
