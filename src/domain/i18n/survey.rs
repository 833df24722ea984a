//! Texts of self-assessments on the recruiter's side (invitations, returned answers) and the
//! sentences for what can go wrong with invitations, links, codes and returned answers.

use super::Lang;
use crate::domain::lang::catalogue;
use crate::domain::survey::{CodeError, InvitationError, Refusal, RespondentKind, ResponseReport};

catalogue! {
    S;
    NavRespond => "Répondre", "Answer";
    SectionTitle => "Autoévaluations", "Self-assessments";
    SectionIntro => "Chaque personne reçoit sa propre invitation (un fichier ou un lien) et répond sur son appareil. Le candidat répond pour lui-même\u{a0}; le dirigeant et les médiateurs répondent à la version «\u{a0}observateur\u{a0}» au sujet du candidat. Les réponses reviennent sous forme de fichier ou de code court.", "Each person gets their own invitation (a file or a link) and answers on their own device. The candidate answers about themself; the leader and the mediators answer the observer version about the candidate. Answers come back as a file or a short code.";
    NoInstrumentPlanned => "Aucun questionnaire d'autoévaluation n'est prévu\u{a0}: choisissez-en dans «\u{a0}Questionnaires\u{a0}» ci-dessus.", "No self-assessment questionnaire is planned: choose some under “Instruments” above.";
    NoCandidate => "Ajoutez d'abord un candidat.", "Add a candidate first.";
    AskedBy => "Qui invite (nom ou cabinet, vu par le répondant)", "Who invites (name or firm, shown to the respondent)";
    AskedByRequired => "Indiquez qui invite\u{a0}: le répondant doit savoir à qui il confie ses réponses.", "Say who invites: respondents must know whom they give their answers to.";
    KeepUntil => "Réponses conservées jusqu'au", "Answers kept until";
    KeepUntilInvalid => "Choisissez une date future.", "Choose a date in the future.";
    Respondent => "Répondant", "Respondent";
    About => "Au sujet de", "About";
    Questionnaires => "Questionnaires", "Questionnaires";
    State => "État", "Status";
    NotInvited => "Pas encore invité", "Not invited yet";
    Invited => "Invité", "Invited";
    Answered => "Réponses reçues", "Answers received";
    DownloadInvitation => "Télécharger l'invitation", "Download the invitation";
    CopyLink => "Copier le lien", "Copy the link";
    LinkCopied => "Lien copié\u{a0}: envoyez-le au répondant.", "Link copied: send it to the respondent.";
    LinkLabel => "Lien d'invitation", "Invitation link";
    LinkHint => "Le lien contient l'invitation elle-même, après le «\u{a0}#\u{a0}»\u{a0}: elle n'est jamais envoyée à un serveur.", "The link holds the invitation itself, after the “#”: it is never sent to a server.";
    ReturnedTitle => "Réponses reçues", "Answers received";
    ReturnedHint => "Importez le fichier renvoyé (bouton «\u{a0}Importer un fichier Rally\u{a0}») ou collez le code court reçu.", "Import the returned file (“Import a Rally file” button) or paste the short code you received.";
    PasteCode => "Code de réponses", "Answer code";
    AddCode => "Ajouter ces réponses", "Add these answers";
    SeeResults => "Voir les résultats", "See the results";
    Self_ => "lui-même", "themself";
    LeaderRole => "dirigeant", "leader";
    MediatorRole => "médiateur", "mediator";
    CandidateRole => "candidat", "candidate";
    LinkCopyFailed => "Le navigateur n'a pas permis la copie\u{a0}: sélectionnez le lien et copiez-le (Ctrl+C).", "The browser did not allow copying: select the link and copy it (Ctrl+C).";
    Actions => "Actions", "Actions";
    ResultsTitle => "Résultats par candidat", "Results by candidate";
    NoAnswersYet => "aucune réponse reçue pour l'instant", "no answers received yet";
    EraseTitle => "Données personnelles", "Personal data";
    EraseIntro => "Effacer tout ce que cette campagne garde des autoévaluations concernant cette personne\u{a0}: ses réponses, celles des observateurs à son sujet et les invitations. C'est définitif dans ce navigateur, et un fichier importé de nouveau ne ramènera pas ces réponses\u{a0}; les fichiers déjà envoyés ailleurs ne sont pas touchés. Pour effacer la personne partout, voyez «\u{a0}Données personnelles\u{a0}» sur la page de la campagne.", "Erase everything this campaign keeps from self-assessments about this person: their answers, the observers' answers about them and the invitations. It is final in this browser, and a file imported again will not bring these answers back; files already sent elsewhere are not touched. To erase the person everywhere, see “Personal data” on the campaign page.";
    Erase => "Effacer ces données…", "Erase this data…";
    EraseConfirm => "Effacer définitivement ces données de ce navigateur\u{a0}?", "Erase this data from this browser for good?";
    EraseYes => "Oui, effacer", "Yes, erase";
    Cancel => "Annuler", "Cancel";
    OverdueTitle => "Durée de conservation dépassée", "Keep-until date passed";
    ExportAnswersCsv => "Réponses (CSV)", "Answers (CSV)";
    ExportScoresCsv => "Scores (CSV)", "Scores (CSV)";
}

/// "leader", "mediator" or "candidate".
pub fn kind(lang: Lang, k: RespondentKind) -> &'static str {
    match k {
        RespondentKind::Candidate => S::CandidateRole.get(lang),
        RespondentKind::Leader => S::LeaderRole.get(lang),
        RespondentKind::Mediator => S::MediatorRole.get(lang),
    }
}

pub fn invitation_error(lang: Lang, e: &InvitationError) -> &'static str {
    use InvitationError as E;
    match (lang, e) {
        (_, E::Text(c)) => super::campaign_error(lang, c),
        (Lang::Fr, E::UnknownPerson) => "cette personne ne fait pas partie de la campagne.",
        (Lang::En, E::UnknownPerson) => "this person is not part of the campaign.",
        (Lang::Fr, E::NothingToAnswer) => "la campagne ne prévoit aucun questionnaire pour cette personne.",
        (Lang::En, E::NothingToAnswer) => "the campaign plans no questionnaire for this person.",
        (Lang::Fr, E::UnknownInstrument) => "un questionnaire demandé n'existe pas dans cette version de Rally (ou son texte a changé).",
        (Lang::En, E::UnknownInstrument) => "a questionnaire asked for does not exist in this version of Rally (or its text has changed).",
        (Lang::Fr, E::DuplicateInstrument) => "le même questionnaire est demandé deux fois.",
        (Lang::En, E::DuplicateInstrument) => "the same questionnaire is asked twice.",
        (Lang::Fr, E::MissingSubject) => "une version observateur doit nommer le candidat concerné.",
        (Lang::En, E::MissingSubject) => "an observer version must name the candidate it is about.",
        (Lang::Fr, E::UnexpectedSubject) => "une autoévaluation ne peut pas porter sur quelqu'un d'autre.",
        (Lang::En, E::UnexpectedSubject) => "a self-assessment cannot be about someone else.",
        (Lang::Fr, E::KeepUntilPast) => "la date de conservation doit être postérieure à l'invitation.",
        (Lang::En, E::KeepUntilPast) => "the keep-until date must come after the invitation.",
        (Lang::Fr, E::UnknownSession) => "cette séance de travail ne fait pas partie de la campagne.",
        (Lang::En, E::UnknownSession) => "this work session is not part of the campaign.",
    }
}

pub fn code_error(lang: Lang, e: &CodeError) -> &'static str {
    use CodeError as E;
    match (lang, e) {
        (Lang::Fr, E::Empty) => "Rien n'a été collé.",
        (Lang::En, E::Empty) => "Nothing was pasted.",
        (Lang::Fr, E::NotACode) => "Ce texte n'est pas un code de réponses Rally (il commence par «\u{a0}R1-\u{a0}» ou «\u{a0}R2-\u{a0}»).",
        (Lang::En, E::NotACode) => "This text is not a Rally answer code (it starts with “R1-” or “R2-”).",
        (Lang::Fr, E::TooLong) => "Ce code est trop long pour être un code de réponses.",
        (Lang::En, E::TooLong) => "This code is too long to be an answer code.",
        (Lang::Fr, E::Damaged) => "Ce code est incomplet ou a été modifié\u{a0}: copiez-le de nouveau en entier, ou demandez le fichier.",
        (Lang::En, E::Damaged) => "This code is incomplete or was altered: copy it again in full, or ask for the file.",
        (Lang::Fr, E::UnknownInstrument) => "Ces réponses portent sur un questionnaire que cette version de Rally ne connaît pas.",
        (Lang::En, E::UnknownInstrument) => "These answers are for a questionnaire this version of Rally does not know.",
        (Lang::Fr, E::BadLink) => "Ce lien d'invitation est incomplet ou abîmé\u{a0}: demandez un nouveau lien ou le fichier d'invitation.",
        (Lang::En, E::BadLink) => "This invitation link is incomplete or damaged: ask for a new link or for the invitation file.",
    }
}

/// The confirmation after an erasure.
pub fn erased(lang: Lang, name: &str, count: usize) -> String {
    match lang {
        Lang::Fr => format!("Données d'autoévaluation de {name} effacées\u{a0}: {count} questionnaire(s) et les invitations qui le concernent."),
        Lang::En => format!("Self-assessment data about {name} erased: {count} questionnaire(s) and the invitations concerning them."),
    }
}

/// "Answers about Paul Lefèvre were to be kept until 30 June 2026."
pub fn overdue(lang: Lang, name: &str, date: &str) -> String {
    match lang {
        Lang::Fr => format!("Les réponses concernant {name} devaient être conservées jusqu'au {date}\u{a0}: effacez-les."),
        Lang::En => format!("Answers about {name} were to be kept until {date}: erase them."),
    }
}

/// "2 older versions kept (the latest submitted is analysed)".
pub fn superseded(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Fr => format!("{n} version(s) plus ancienne(s) de questionnaires gardée(s)\u{a0}; la plus récente est analysée."),
        Lang::En => format!("{n} older version(s) of questionnaires kept; the latest submitted is analysed."),
    }
}

/// Why answers were refused, as the recruiter reads it.
pub fn refusal(lang: Lang, r: Refusal) -> &'static str {
    match (lang, r) {
        (Lang::Fr, Refusal::OtherCampaign) => "elles appartiennent à une campagne qui n'est pas dans ce navigateur",
        (Lang::En, Refusal::OtherCampaign) => "they belong to a campaign that is not in this browser",
        (Lang::Fr, Refusal::UnknownInstrument) => "elles portent sur une version de questionnaire que cette version de Rally ne connaît pas",
        (Lang::En, Refusal::UnknownInstrument) => "they are for a questionnaire version this version of Rally does not know",
        (Lang::Fr, Refusal::NotInCampaign) => "le répondant, ou la personne évaluée, ne fait pas partie de la campagne",
        (Lang::En, Refusal::NotInCampaign) => "the respondent, or the person assessed, is not part of the campaign",
        (Lang::Fr, Refusal::BadAnswers) => "les réponses ne correspondent pas au questionnaire",
        (Lang::En, Refusal::BadAnswers) => "the answers do not fit the questionnaire",
        (Lang::Fr, Refusal::Full) => "ce navigateur contient déjà le maximum de réponses",
        (Lang::En, Refusal::Full) => "this browser already holds the most answers it accepts",
    }
}

/// "2 questionnaire(s) refused: they belong to a campaign that is not in this browser".
pub fn refused_sentence(lang: Lang, r: &ResponseReport) -> String {
    let why = r
        .first_refusal
        .map(|w| refusal(lang, w))
        .unwrap_or_default();
    match lang {
        Lang::Fr => format!("{} questionnaire(s) refusé(s)\u{a0}: {why}", r.refused),
        Lang::En => format!("{} questionnaire(s) refused: {why}", r.refused),
    }
}
