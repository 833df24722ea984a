//! Texts of the charts (radar, paradox chart, self-versus-observers map): the static texts of
//! [`Ch`], and below them the texts with values (summaries for screen readers, the lean of a
//! paradox, scales and thresholds).

use super::{number, Lang};
use crate::domain::assessment::chart::Lean;
use crate::domain::assessment::gaps::{Quadrant, GAP_FROM, HIGH_FROM};
use crate::domain::lang::catalogue;

catalogue! {
    Ch;
    // Shared by the three charts.
    SeeFigures => "Voir les chiffres", "See the figures";
    LegendLabel => "Légende", "Key";
    NotScored => "non calculé", "not scored";
    NoObserverData => "aucune donnée", "no data";
    NoData => "Aucun résultat à représenter pour l'instant.", "No results to chart yet.";
    ColSelf => "Autoévaluation", "Self-assessment";
    ColObservers => "Observateurs (moyenne)", "Observers (mean)";
    // Radar.
    ColAxis => "Axe", "Axis";
    ColBand => "Plage acceptable", "Acceptable band";
    LegendBand => "Plage acceptable du rôle", "The role's acceptable band";
    // Paradox chart.
    ColParadox => "Paradoxe", "Paradox";
    ColPole => "Pôle", "Pole";
    ColHeld => "Niveau tenu", "Held level";
    ColReading => "Lecture", "Reading";
    LegendSelfBars => "Autoévaluation\u{a0}: une barre par pôle, de 0 au centre à 100 au bord", "Self-assessment: one bar per pole, from 0 at the centre to 100 at the edge";
    LegendHeld => "Niveau tenu\u{a0}: le plus faible des deux pôles (crochets)", "Held level: the lower of the two poles (brackets)";
    LegendObserversMarker => "Moyenne des observateurs (carré)", "Observers' mean (square)";
    Balanced => "équilibré", "balanced";
    ParadoxNotScored => "Non calculé\u{a0}: trop peu de réponses", "Not scored: too few answers";
    // Self-versus-observers map.
    AgreedStrength => "Force reconnue", "Agreed strength";
    HiddenStrength => "Force cachée", "Hidden strength";
    BlindSpot => "Angle mort", "Blind spot";
    AgreedDevelopment => "Axe de progrès partagé", "Agreed development area";
    AxisSelf => "Autoévaluation (0 à 100)", "Self-assessment (0 to 100)";
    AxisObservers => "Moyenne des observateurs (0 à 100)", "Observers' mean (0 to 100)";
    ColNumber => "N°", "No.";
    ColFacet => "Facette", "Facet";
    ColGap => "Écart (soi − observateurs)", "Gap (self − observers)";
    ColQuadrant => "Quadrant", "Quadrant";
    PointsLabel => "Facettes numérotées", "Numbered facets";
}

fn pick(lang: Lang, fr: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Fr => fr,
        Lang::En => en,
    }
}

/// The name of a quadrant of the self-versus-observers map.
pub fn quadrant(lang: Lang, q: Quadrant) -> &'static str {
    match q {
        Quadrant::AgreedStrength => Ch::AgreedStrength,
        Quadrant::HiddenStrength => Ch::HiddenStrength,
        Quadrant::BlindSpot => Ch::BlindSpot,
        Quadrant::AgreedDevelopment => Ch::AgreedDevelopment,
    }
    .get(lang)
}

/// "18 points" / "18\u{a0}points" (singular for 0 and 1).
pub fn points(lang: Lang, value: f64) -> String {
    let n = number(lang, value, 0);
    let one = n == "1" || n == "0";
    match (lang, one) {
        (Lang::Fr, true) => format!("{n}\u{a0}point"),
        (Lang::Fr, false) => format!("{n}\u{a0}points"),
        (Lang::En, true) => format!("{n} point"),
        (Lang::En, false) => format!("{n} points"),
    }
}

/// A band "2–4", or a value range, with the locale's numbers.
pub fn range(lang: Lang, low: f64, high: f64, decimals: usize) -> String {
    format!(
        "{}–{}",
        number(lang, low, decimals),
        number(lang, high, decimals)
    )
}

/// What a radar shows, for its `aria-label`.
pub fn radar_summary(
    lang: Lang,
    axes: usize,
    series: &[&str],
    scale: (f64, f64),
    with_band: bool,
    some_missing: bool,
) -> String {
    let (min, max) = scale;
    let mut s = match lang {
        Lang::Fr => format!(
            "Graphique en radar, {axes}\u{a0}axes, échelle de {} à {}\u{a0}; séries\u{a0}: {}",
            number(lang, min, 0),
            number(lang, max, 0),
            series.join(", ")
        ),
        Lang::En => format!(
            "Radar chart, {axes} axes, scale {} to {}; series: {}",
            number(lang, min, 0),
            number(lang, max, 0),
            series.join(", ")
        ),
    };
    if with_band {
        s.push_str(pick(
            lang,
            "\u{a0}; avec la plage acceptable du rôle",
            "; with the role's acceptable band",
        ));
    }
    if some_missing {
        s.push_str(pick(
            lang,
            "\u{a0}; certaines valeurs ne sont pas calculées (contour interrompu)",
            "; some values are not scored (outline broken)",
        ));
    }
    s.push_str(pick(
        lang,
        ". Les chiffres suivent dans un tableau.",
        ". The figures follow in a table.",
    ));
    s
}

/// The lean of a paradox in words: "leans to Transparency by 18 points" / "balanced".
pub fn lean(lang: Lang, pole_a: &str, pole_b: &str, lean: Lean) -> String {
    let to = |pole: &str, by: f64| match lang {
        Lang::Fr => format!("penche vers {pole} de {}", points(lang, by)),
        Lang::En => format!("leans to {pole} by {}", points(lang, by)),
    };
    match lean {
        Lean::Balanced => Ch::Balanced.get(lang).to_owned(),
        Lean::ToA(by) => to(pole_a, by),
        Lean::ToB(by) => to(pole_b, by),
    }
}

/// The reading under a paradox's bar: "Held at 54 · leans to Transparency by 18 points".
pub fn paradox_reading(lang: Lang, held: f64, lean_text: &str) -> String {
    match lang {
        Lang::Fr => format!("Tenu à {} · {lean_text}", number(lang, held, 0)),
        Lang::En => format!("Held at {} · {lean_text}", number(lang, held, 0)),
    }
}

/// The reading when one pole is not scored: "Confidentiality not scored: no lean to read".
pub fn pole_not_scored(lang: Lang, pole: &str) -> String {
    match lang {
        Lang::Fr => format!("{pole}\u{a0}: non calculé, penchant illisible"),
        Lang::En => format!("{pole} not scored: no lean to read"),
    }
}

/// What the paradox chart shows, for its `aria-label`.
pub fn paradox_summary(
    lang: Lang,
    paradoxes: usize,
    balanced: usize,
    leaning: usize,
    not_scored: usize,
) -> String {
    match lang {
        Lang::Fr => format!(
            "Barres divergentes pour {paradoxes}\u{a0}paradoxe(s)\u{a0}: le pôle A à gauche du centre, le pôle B à droite, de 0 à 100 de chaque côté. {balanced} équilibré(s), {leaning} penchant d'un côté, {not_scored} non calculé(s). Les chiffres suivent dans un tableau."
        ),
        Lang::En => format!(
            "Diverging bars for {paradoxes} paradox(es): pole A to the left of the centre, pole B to the right, 0 to 100 on each side. {balanced} balanced, {leaning} leaning one way, {not_scored} not scored. The figures follow in a table."
        ),
    }
}

/// What the map shows, for its `aria-label`: how many facets fall in each quadrant (in the
/// order agreed strength, hidden strength, blind spot, agreed development area).
pub fn quadrant_summary(lang: Lang, facets: usize, counts: [usize; 4]) -> String {
    let [agreed, hidden, blind, development] = counts;
    match lang {
        Lang::Fr => format!(
            "Nuage de points de {facets}\u{a0}facette(s)\u{a0}: l'autoévaluation en abscisse, la moyenne des observateurs en ordonnée, seuil «\u{a0}élevé\u{a0}» à {high}. Force reconnue\u{a0}: {agreed}\u{a0}; force cachée\u{a0}: {hidden}\u{a0}; angle mort\u{a0}: {blind}\u{a0}; axe de progrès partagé\u{a0}: {development}. La liste numérotée suit.",
            high = number(lang, HIGH_FROM, 0)
        ),
        Lang::En => format!(
            "Scatter plot of {facets} facet(s): self-assessment across, the observers' mean up, “high” from {high}. Agreed strength: {agreed}; hidden strength: {hidden}; blind spot: {blind}; agreed development area: {development}. The numbered list follows.",
            high = number(lang, HIGH_FROM, 0)
        ),
    }
}

/// The key of the dividing lines: "“High” from 60".
pub fn high_from(lang: Lang) -> String {
    match lang {
        Lang::Fr => format!(
            "Lignes de partage\u{a0}: «\u{a0}élevé\u{a0}» à partir de {}",
            number(lang, HIGH_FROM, 0)
        ),
        Lang::En => format!("Dividing lines: “high” from {}", number(lang, HIGH_FROM, 0)),
    }
}

/// The key of the shaded diagonal: "Gap under 15 points: self and observers agree".
pub fn agreement_band(lang: Lang) -> String {
    match lang {
        Lang::Fr => format!(
            "Bande grisée\u{a0}: écart de moins de {}, soi et observateurs s'accordent",
            points(lang, GAP_FROM)
        ),
        Lang::En => format!(
            "Shaded band: a gap under {}, self and observers agree",
            points(lang, GAP_FROM)
        ),
    }
}

/// One numbered facet of the map: "self 72 · observers 55 · Blind spot".
pub fn point_line(lang: Lang, self_pomp: f64, observers_pomp: f64, q: Quadrant) -> String {
    match lang {
        Lang::Fr => format!(
            "soi {} · observateurs {} · {}",
            number(lang, self_pomp, 0),
            number(lang, observers_pomp, 0),
            quadrant(lang, q)
        ),
        Lang::En => format!(
            "self {} · observers {} · {}",
            number(lang, self_pomp, 0),
            number(lang, observers_pomp, 0),
            quadrant(lang, q)
        ),
    }
}

/// A signed gap: "+17", "−8" (a true minus sign), "0".
pub fn signed(lang: Lang, value: f64) -> String {
    let n = number(lang, value.abs(), 0);
    if n == "0" {
        n
    } else if value > 0.0 {
        format!("+{n}")
    } else {
        format!("\u{2212}{n}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_exists_in_both_languages() {
        for t in Ch::ALL {
            assert!(!t.get(Lang::Fr).trim().is_empty(), "{t:?} fr");
            assert!(!t.get(Lang::En).trim().is_empty(), "{t:?} en");
        }
    }

    #[test]
    fn french_texts_use_a_no_break_space_before_high_punctuation() {
        let mut all: Vec<String> = Ch::ALL.iter().map(|t| t.get(Lang::Fr).to_owned()).collect();
        all.push(radar_summary(
            Lang::Fr,
            7,
            &["A", "B"],
            (1.0, 5.0),
            true,
            true,
        ));
        all.push(paradox_summary(Lang::Fr, 6, 2, 3, 1));
        all.push(quadrant_summary(Lang::Fr, 5, [1, 1, 2, 1]));
        all.push(high_from(Lang::Fr));
        all.push(agreement_band(Lang::Fr));
        all.push(pole_not_scored(Lang::Fr, "Vigilance"));
        for text in all {
            for p in [':', ';', '?', '!', '»'] {
                for (i, _) in text.match_indices(p) {
                    let before = text[..i].chars().last();
                    assert!(
                        matches!(before, Some('\u{a0}') | Some('\u{202f}')),
                        "{text:?}: no no-break space before {p:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn values_read_in_each_language() {
        assert_eq!(
            lean(Lang::En, "Transparency", "Confidentiality", Lean::ToA(18.2)),
            "leans to Transparency by 18 points"
        );
        assert_eq!(
            lean(Lang::Fr, "Transparence", "Confidentialité", Lean::ToB(30.0)),
            "penche vers Confidentialité de 30\u{a0}points"
        );
        assert_eq!(lean(Lang::En, "a", "b", Lean::Balanced), "balanced");
        assert_eq!(
            paradox_reading(Lang::En, 54.4, "balanced"),
            "Held at 54 · balanced"
        );
        assert_eq!(points(Lang::En, 1.0), "1 point");
        assert_eq!(range(Lang::Fr, 2.0, 3.5, 1), "2,0–3,5");
        assert_eq!(signed(Lang::En, 17.4), "+17");
        assert_eq!(signed(Lang::En, -8.0), "\u{2212}8");
        assert_eq!(signed(Lang::En, -0.2), "0");
        assert_eq!(
            point_line(Lang::En, 72.0, 55.0, Quadrant::BlindSpot),
            "self 72 · observers 55 · Blind spot"
        );
        assert_eq!(quadrant(Lang::Fr, Quadrant::HiddenStrength), "Force cachée");
        assert!(
            radar_summary(Lang::En, 7, &["Self"], (0.0, 100.0), false, false)
                .starts_with("Radar chart, 7 axes, scale 0 to 100; series: Self.")
        );
    }
}
