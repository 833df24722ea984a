//! The sentences of the answer-quality checks and of an unscored facet, for a recruiter.

use super::number;
use crate::domain::instrument::definition::Pole;
use crate::domain::instrument::quality::{
    Flag, InconsistentPairs, QualityReport, StraightLining, TooFast,
};
use crate::domain::instrument::score::Shortfall;
use crate::domain::lang::Lang;

/// The sentence of the straight lining check, raised or not.
pub fn straight_lining(lang: Lang, q: &StraightLining) -> String {
    let (run, min) = (q.longest_run, q.min_run);
    let value = q.value.unwrap_or_default();
    match (lang, q.raised) {
        (Lang::Fr, true) => format!(
            "La même réponse ({value}) a été donnée à {run} questions d'affilée. À partir de {min}, cela laisse penser que les questions n'ont pas été lues une à une : interprétez ces scores avec prudence."
        ),
        (Lang::En, true) => format!(
            "The same answer ({value}) was given to {run} questions in a row. From {min} on, this suggests the questions were not read one by one: interpret these scores with care."
        ),
        (Lang::Fr, false) => format!(
            "Pas de longue suite de réponses identiques : au plus {run} d'affilée (signal à partir de {min})."
        ),
        (Lang::En, false) => format!(
            "No long run of identical answers: at most {run} in a row (flagged from {min})."
        ),
    }
}

/// The sentence of the too fast check, raised or not.
pub fn too_fast(lang: Lang, q: &TooFast) -> String {
    let min = number(lang, f64::from(q.min_ms) / 1000.0, 1);
    let Some(mean) = q.mean_ms else {
        return match lang {
            Lang::Fr => "Les temps de réponse n'ont pas été enregistrés : le rythme n'a pas pu être vérifié.".into(),
            Lang::En => "Answer times were not recorded, so the pace could not be checked.".into(),
        };
    };
    let mean = number(lang, mean / 1000.0, 1);
    match (lang, q.raised) {
        (Lang::Fr, true) => format!(
            "En moyenne {mean} s par question, moins que les {min} s qu'il faut au minimum pour lire une question et y répondre : les réponses ont sans doute été données trop vite pour être réfléchies."
        ),
        (Lang::En, true) => format!(
            "On average {mean} s per question, less than the {min} s needed at least to read a question and answer it: the answers were probably given too fast to be considered."
        ),
        (Lang::Fr, false) => format!(
            "Rythme plausible : {mean} s par question en moyenne (minimum attendu : {min} s)."
        ),
        (Lang::En, false) => format!(
            "A plausible pace: {mean} s per question on average (expected minimum: {min} s)."
        ),
    }
}

/// The sentence of the inconsistent pairs check, raised or not.
pub fn inconsistent_pairs(lang: Lang, q: &InconsistentPairs) -> String {
    let (n, checked, max) = (q.inconsistent.len(), q.checked, q.max);
    if checked == 0 {
        return match lang {
            Lang::Fr => "Aucune paire de questions de contrôle n'a été répondue en entier : la cohérence n'a pas pu être vérifiée.".into(),
            Lang::En => "No pair of control questions was fully answered, so consistency could not be checked.".into(),
        };
    }
    match (lang, q.raised) {
        (Lang::Fr, true) => format!(
            "Sur {checked} paires de questions qui disent la même chose en sens contraire, {n} ont reçu des réponses qui se contredisent (au-delà de {max}, on le signale) : les questions ont peut-être été mal comprises ou répondues au hasard."
        ),
        (Lang::En, true) => format!(
            "Of {checked} pairs of questions saying the same thing in opposite ways, {n} got answers that contradict each other (more than {max} is flagged): the questions may have been misread or answered at random."
        ),
        (Lang::Fr, false) => format!(
            "Réponses cohérentes : {n} paire(s) contradictoire(s) sur {checked} vérifiée(s) (signal au-delà de {max})."
        ),
        (Lang::En, false) => format!(
            "Consistent answers: {n} contradictory pair(s) out of {checked} checked (flagged above {max})."
        ),
    }
}

/// The sentence for one check of `report`, raised or not.
pub fn flag(lang: Lang, report: &QualityReport, flag: Flag) -> String {
    match flag {
        Flag::StraightLining => straight_lining(lang, &report.straight_lining),
        Flag::TooFast => too_fast(lang, &report.too_fast),
        Flag::InconsistentPairs => inconsistent_pairs(lang, &report.inconsistent_pairs),
    }
}

/// "Not scored: 4 of 8 items answered, at least 7 needed (the 80% rule)."
pub fn shortfall(lang: Lang, s: &Shortfall, min_answered: f64) -> String {
    let pct = number(lang, min_answered * 100.0, 0);
    let (n, m, k) = (s.answered, s.items, s.needed);
    match (lang, s.pole) {
        (Lang::Fr, None) => format!(
            "Non calculé : {n} question(s) répondue(s) sur {m}, il en faut au moins {k} (règle des {pct}\u{a0}%)."
        ),
        (Lang::En, None) => format!(
            "Not scored: {n} of {m} items answered, at least {k} needed (the {pct}% rule)."
        ),
        (Lang::Fr, Some(p)) => format!(
            "Non calculé : pôle {} : {n} question(s) répondue(s) sur {m}, il en faut au moins {k} (règle des {pct}\u{a0}%).",
            pole_letter(p)
        ),
        (Lang::En, Some(p)) => format!(
            "Not scored: pole {}: {n} of {m} items answered, at least {k} needed (the {pct}% rule).",
            pole_letter(p)
        ),
    }
}

fn pole_letter(p: Pole) -> char {
    match p {
        Pole::A => 'a',
        Pole::B => 'b',
    }
}
