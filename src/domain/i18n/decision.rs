//! Texts of the hiring decision: the decision record and its history, candidates side by side,
//! the decision report and the sample campaign.

use super::{number, Lang};
use crate::domain::campaign::{DecisionKind, ImportKind, ImportOutcome};
use crate::domain::lang::catalogue;

catalogue! {
    Dc;
    // The decision record.
    DecisionTitle => "Décision", "Decision";
    DecisionIntro => "Consignez ce qui est décidé et pourquoi. Chaque décision est gardée, datée, dans l'historique\u{a0}; la plus récente est la décision en cours.", "Record what is decided and why. Every decision is kept, dated, in the history; the latest one is the current decision.";
    WhatDecided => "Ce qui est décidé", "What is decided";
    Rationale => "Raisons", "Rationale";
    RationaleHint => "Ce qui fonde la décision, avec les points discutés.", "What the decision rests on, with the points discussed.";
    DecidedOn => "Date de la décision", "Date decided";
    DecidedOnHint => "Le jour de la réunion de décision\u{a0}; aujourd'hui par défaut.", "The day of the decision meeting; today by default.";
    Record => "Enregistrer la décision", "Record the decision";
    ChooseKind => "Choisissez ce qui est décidé.", "Choose what is decided.";
    HistoryTitle => "Historique des décisions", "Decision history";
    NoDecision => "Aucune décision enregistrée pour l'instant.", "No decision recorded yet.";
    Current => "Décision en cours", "Current decision";
    NoCurrent => "pas encore de décision", "no decision yet";
    FormErrors => "La décision n'est pas enregistrée\u{a0}: corrigez les champs signalés.", "The decision is not recorded: please correct the fields marked below.";
    // The campaign page's card.
    CardTitle => "Compatibilité et décision", "Compatibility and decision";
    CardIntro => "Pour chaque candidat, le portrait de compatibilité avec le dirigeant, la décision en cours et le rapport de décision à imprimer.", "For each candidate, the compatibility picture with the leader, the current decision and the decision report to print.";
    ColCandidate => "Candidat", "Candidate";
    ColDecision => "Décision en cours", "Current decision";
    ColLinks => "Lire", "Read";
    Compatibility => "Compatibilité", "Compatibility";
    DecisionReport => "Rapport de décision", "Decision report";
    CampaignReport => "Rapport de décision de la campagne", "Campaign decision report";
    Compare => "Comparer les candidats", "Compare candidates";
    NoCandidates => "Ajoutez des candidats à la campagne pour lire leur compatibilité.", "Add candidates to the campaign to read their compatibility.";
    // Candidates side by side.
    ChooseLegend => "Candidats à comparer (2 à 4)", "Candidates to compare (2 to 4)";
    Order => "Ordre", "Order";
    NameAscending => "De A à Z", "A to Z";
    NameDescending => "De Z à A", "Z to A";
    SortThis => "Trier par cet élément", "Sort by this part";
    ChartTitle => "L'élément choisi, séance par séance", "The chosen part, session by session";
    // The decision report.
    ReportTitle => "Rapport de décision", "Decision report";
    ReportCampaignTitle => "Rapport de décision — tous les candidats", "Decision report — all candidates";
    ReportIntro => "Ce rapport rassemble ce qui fonde la décision\u{a0}: le portrait de compatibilité séance par séance, les autoévaluations en contexte, la décision consignée et la provenance de chaque chiffre.", "This report gathers what the decision rests on: the compatibility picture session by session, the self-assessments as context, the recorded decision and where every figure comes from.";
    Cover => "Couverture", "Cover";
    CoverCampaign => "Campagne", "Campaign";
    CoverRole => "Rôle", "Role";
    CoverCandidate => "Candidat", "Candidate";
    CoverCandidates => "Candidats", "Candidates";
    CoverLeader => "Dirigeant", "Leader";
    CoverMediators => "Médiateurs", "Mediators";
    CoverSessions => "Séances de travail", "Work sessions";
    CoverPrinted => "Édité le", "Printed on";
    CoverDecision => "Décision en cours", "Current decision";
    SummaryTitle => "Synthèse", "Summary";
    SessionsTitle => "Séances", "Sessions";
    DebriefsTitle => "Débriefs", "Debriefs";
    RatingsTitle => "Notes et accord entre médiateurs", "Ratings and agreement";
    IndicesTitle => "Indices de travail à deux", "Working-together indices";
    SelfTitle => "Autoévaluations", "Self-assessments";
    BalanceTitle => "Équilibre du profil", "Profile balance";
    RecordTitle => "Décision consignée", "Decision record";
    MethodTitle => "Méthode et provenance", "Method and provenance";
    MethodIntro => "D'où vient chaque chiffre de ce rapport, et ce qu'il faut savoir avant de s'y fier.", "Where every figure of this report comes from, and what to know before trusting it.";
    MethodPicture => "Le portrait compte, pour chaque séance, les observations remises par les médiateurs (la version retenue quand une observation est arrivée en plusieurs versions, décalée de son réglage d'horloge pour l'accord), et les débriefs du dirigeant et du candidat. Une tendance se lit sur la droite des moindres carrés, avec les tolérances indiquées dans la synthèse. Formules et sources\u{a0}: docs/formulas.md.", "For each session, the picture counts the observations the mediators submitted (the chosen version when one arrived in several, shifted by its clock offset for the agreement), and the leader's and the candidate's debriefs. A trend is read from the least-squares line, with the tolerances stated in the summary. Formulas and sources: docs/formulas.md.";
    InstrumentsTitle => "Instruments", "Instruments";
    ColInstrument => "Instrument", "Instrument";
    ColVersion => "Version", "Version";
    ColHash => "Empreinte du texte", "Content hash";
    ObservationsTitle => "Observations utilisées", "Observations used";
    ColSession => "Séance", "Session";
    ColMediator => "Médiateur", "Mediator";
    ColSubmitted => "Remise le", "Submitted";
    ColLength => "Durée codée", "Coded length";
    ColOffset => "Décalage d'horloge", "Clock offset";
    ColFingerprint => "Version (empreinte)", "Version (fingerprint)";
    NoObservationsUsed => "Aucune observation n'est utilisée.", "No observation is used.";
    ResponsesTitle => "Réponses utilisées", "Answers used";
    ColRespondent => "Répondant", "Respondent";
    ColSent => "Envoyée le", "Sent";
    NoResponsesUsed => "Aucune réponse n'est utilisée.", "No answer is used.";
    ImportTimes => "Les dates de remise et d'envoi ci-dessus sont celles que portent les fichiers\u{a0}; les dates d'import ci-dessous sont celles de leur arrivée dans ce navigateur, d'après le journal des imports de la campagne.", "The submission and sending dates above are those the files carry; the import dates below are when each file arrived in this browser, from the campaign's import log.";
    ImportsTitle => "Fichiers importés", "Files imported";
    ColFile => "Fichier", "File";
    ColKind => "Nature", "Kind";
    ColImportedOn => "Importé le", "Imported on";
    ColUsedFor => "Utilisé pour", "Used for";
    CodePasted => "Code de réponses collé", "Answer code pasted";
    FileNameErased => "Nom du fichier effacé (il nommait une personne effacée)", "File name erased (it named an erased person)";
    ReplacedEarlier => "nouvelle version d'une donnée déjà reçue", "a new version of one already here";
    CreatedHere => "Créé dans ce navigateur (données d'exemple).", "Created in this browser (sample data).";
    BeforeLog => "Importé avant que Rally ne tienne un journal des imports (ou avant les 100 derniers imports qu'il garde)\u{a0}: la date d'import n'est pas connue.", "Imported before Rally kept an import log (or before the last 100 imports it keeps): the import date is not known.";
    KindWorkspace => "Export complet", "Full export";
    KindCampaign => "Export de campagne", "Campaign export";
    KindKit => "Kit de médiateur", "Mediator kit";
    KindObservation => "Observation", "Observation";
    KindAnswers => "Réponses", "Answers";
    KindDebriefAnswers => "Réponses de débrief", "Debrief answers";
    KindAnswerCode => "Code de réponses", "Answer code";
    KindInvitations => "Invitations", "Invitations";
    ImportHistoryTitle => "Historique des imports", "Import history";
    ImportHistoryNone => "Aucun fichier n'a encore été importé dans cette campagne depuis que Rally tient un journal des imports.", "No file has been imported into this campaign since Rally began keeping an import log.";
    ImportRecords => "enregistrement(s) apporté(s)", "record(s) brought";
    ImportOutcomeCol => "Résultat", "Outcome";
    CaveatsTitle => "Précautions de lecture", "Caveats";
    NoCaveats => "Aucune précaution particulière\u{a0}: accord suffisant, fiabilité stable, réponses sans signal de qualité.", "No particular caveat: sufficient agreement, stable reliability, answers without a quality flag.";
    PrintHint => "Pour un PDF, choisissez «\u{a0}Enregistrer en PDF\u{a0}» dans la fenêtre d'impression. Format A4, numéros de page en bas.", "For a PDF, choose “Save as PDF” in the print window. A4 format, page numbers at the bottom.";
    LeaderSelf => "Le dirigeant", "The leader";
    NoRecord => "Aucune décision n'a encore été consignée.", "No decision has been recorded yet.";
    // The sample campaign.
    ExploreSample => "Explorer avec des données d'exemple", "Explore with sample data";
    ExploreHint => "Ajoute une campagne fictive complète (séances observées, débriefs, autoévaluations) pour tout voir avant de saisir de vraies données. Elle s'enlève en un clic.", "Adds a complete fictitious campaign (observed sessions, debriefs, self-assessments) so you can see everything before entering real data. One click removes it.";
    SampleBadge => "Exemple", "Sample";
    RemoveSample => "Retirer les données d'exemple", "Remove the sample data";
    SampleBanner => "Vous explorez des données d'exemple\u{a0}: personnes et chiffres sont fictifs.", "You are exploring sample data: people and figures are fictitious.";
    SampleSection => "Données d'exemple", "Sample data";
}

/// What was decided, in words.
pub fn kind(lang: Lang, k: DecisionKind) -> &'static str {
    match (lang, k) {
        (Lang::Fr, DecisionKind::AnotherSession) => "Une séance de plus",
        (Lang::En, DecisionKind::AnotherSession) => "Another session",
        (Lang::Fr, DecisionKind::Offer) => "Faire une offre",
        (Lang::En, DecisionKind::Offer) => "Make an offer",
        (Lang::Fr, DecisionKind::Stop) => "Arrêter",
        (Lang::En, DecisionKind::Stop) => "Stop",
        (Lang::Fr, DecisionKind::OnHold) => "En attente",
        (Lang::En, DecisionKind::OnHold) => "On hold",
    }
}

/// What a decision kind means, under its radio button.
pub fn kind_hint(lang: Lang, k: DecisionKind) -> &'static str {
    match (lang, k) {
        (Lang::Fr, DecisionKind::AnotherSession) => {
            "Tenir une autre séance de travail avant de décider."
        }
        (Lang::En, DecisionKind::AnotherSession) => "Hold another work session before deciding.",
        (Lang::Fr, DecisionKind::Offer) => "Proposer le poste au candidat.",
        (Lang::En, DecisionKind::Offer) => "Offer the candidate the role.",
        (Lang::Fr, DecisionKind::Stop) => "Mettre fin au processus avec ce candidat.",
        (Lang::En, DecisionKind::Stop) => "End the process with this candidate.",
        (Lang::Fr, DecisionKind::OnHold) => {
            "Attendre\u{a0}: un autre candidat d'abord, un budget, un calendrier."
        }
        (Lang::En, DecisionKind::OnHold) => "Wait: another candidate first, a budget, a calendar.",
    }
}

/// A stable code for styling a decision kind.
pub fn kind_code(k: DecisionKind) -> &'static str {
    match k {
        DecisionKind::AnotherSession => "another",
        DecisionKind::Offer => "offer",
        DecisionKind::Stop => "stop",
        DecisionKind::OnHold => "hold",
    }
}

/// "Decided on 3 December 2026 · recorded on 4 December 2026, 10:05".
pub fn decided(lang: Lang, on: &str, recorded: &str) -> String {
    match lang {
        Lang::Fr => format!("Décidée le {on} · consignée le {recorded}"),
        Lang::En => format!("Decided on {on} · recorded on {recorded}"),
    }
}

/// "decided on 3 December 2026", beside the kind's badge.
pub fn decided_on(lang: Lang, on: &str) -> String {
    match lang {
        Lang::Fr => format!("décidée le {on}"),
        Lang::En => format!("decided on {on}"),
    }
}

/// "2 of 4 chosen".
pub fn chosen(lang: Lang, n: usize, of: usize) -> String {
    match lang {
        Lang::Fr => format!("{n} choisi(s) sur {of}"),
        Lang::En => format!("{n} of {of} chosen"),
    }
}

/// A clock offset in seconds, signed: "+3.2 s", "0 s".
pub fn offset(lang: Lang, ms: i64) -> String {
    let s = number(lang, (ms as f64 / 1000.0).abs(), 1);
    let nb = if lang == Lang::Fr { "\u{a0}" } else { " " };
    match ms.signum() {
        1 => format!("+{s}{nb}s"),
        -1 => format!("\u{2212}{s}{nb}s"),
        _ => format!("0{nb}s"),
    }
}

/// The kind of an imported file, in words.
pub fn import_kind(lang: Lang, k: ImportKind) -> &'static str {
    match k {
        ImportKind::Workspace => Dc::KindWorkspace,
        ImportKind::Campaign => Dc::KindCampaign,
        ImportKind::Kit => Dc::KindKit,
        ImportKind::Observation => Dc::KindObservation,
        ImportKind::Answers => Dc::KindAnswers,
        ImportKind::DebriefAnswers => Dc::KindDebriefAnswers,
        ImportKind::AnswerCode => Dc::KindAnswerCode,
        ImportKind::Invitations => Dc::KindInvitations,
    }
    .get(lang)
}

/// The name of an imported file as the log keeps it: its name, "Answer code pasted" for a
/// code, or why it is not kept.
pub fn import_file(lang: Lang, file: Option<&str>, kind: ImportKind) -> String {
    match file {
        Some(f) => f.to_owned(),
        None if kind == ImportKind::AnswerCode => Dc::CodePasted.get(lang).to_owned(),
        None => Dc::FileNameErased.get(lang).to_owned(),
    }
}

/// What an import did, in a few words (the campaign page's import history).
pub fn import_outcome(lang: Lang, o: ImportOutcome) -> &'static str {
    match (lang, o) {
        (Lang::Fr, ImportOutcome::Added) => "ajouté",
        (Lang::En, ImportOutcome::Added) => "added",
        (Lang::Fr, ImportOutcome::Replaced) => "nouvelle version",
        (Lang::En, ImportOutcome::Replaced) => "new version",
        (Lang::Fr, ImportOutcome::SkippedDuplicate) => "déjà là, rien n'a changé",
        (Lang::En, ImportOutcome::SkippedDuplicate) => "already here, nothing changed",
        (Lang::Fr, ImportOutcome::SkippedErased) => "laissé de côté (personne effacée)",
        (Lang::En, ImportOutcome::SkippedErased) => "left out (erased person)",
        (Lang::Fr, ImportOutcome::Refused) => "refusé",
        (Lang::En, ImportOutcome::Refused) => "refused",
        (Lang::Fr, ImportOutcome::KeptOurs) => "version plus récente gardée",
        (Lang::En, ImportOutcome::KeptOurs) => "newer version kept",
    }
}

/// "Page 2 of 7" is drawn by the print stylesheet; this is the report's running title.
pub fn running_title(lang: Lang, campaign: &str, candidate: Option<&str>) -> String {
    match (lang, candidate) {
        (Lang::Fr, Some(c)) => format!("Rapport de décision — {c} — {campaign}"),
        (Lang::En, Some(c)) => format!("Decision report — {c} — {campaign}"),
        (Lang::Fr, None) => format!("Rapport de décision — {campaign}"),
        (Lang::En, None) => format!("Decision report — {campaign}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_exists_in_both_languages() {
        for t in Dc::ALL {
            assert!(!t.get(Lang::Fr).trim().is_empty(), "{t:?}");
            assert!(!t.get(Lang::En).trim().is_empty(), "{t:?}");
        }
        for k in DecisionKind::ALL {
            for lang in Lang::ALL {
                assert!(!kind(lang, k).is_empty() && !kind_hint(lang, k).is_empty());
            }
        }
        for lang in Lang::ALL {
            use ImportKind as K;
            use ImportOutcome as O;
            let kinds = [
                K::Workspace,
                K::Campaign,
                K::Kit,
                K::Observation,
                K::Answers,
                K::DebriefAnswers,
                K::AnswerCode,
                K::Invitations,
            ];
            assert!(kinds.iter().all(|k| !import_kind(lang, *k).is_empty()));
            let outcomes = [
                O::Added,
                O::Replaced,
                O::SkippedDuplicate,
                O::SkippedErased,
                O::Refused,
                O::KeptOurs,
            ];
            assert!(outcomes
                .iter()
                .all(|o| !import_outcome(lang, *o).is_empty()));
        }
        assert_ne!(
            import_kind(Lang::Fr, ImportKind::Kit),
            import_kind(Lang::En, ImportKind::Kit)
        );
        assert_eq!(offset(Lang::En, 3200), "+3.2 s");
        assert_eq!(offset(Lang::En, -500), "\u{2212}0.5 s");
        assert_eq!(offset(Lang::Fr, 0), "0\u{a0}s");
    }
}
