//! Texts of the respondent's pages: the invitations, the consent step, the question pages,
//! the review and the answers to return — static texts in [`R`], texts with values below.

use super::{number, Lang};
use crate::domain::instrument::definition::DebriefSide;
use crate::domain::lang::catalogue;
use crate::domain::survey::invitation::{Invitation, InvitedSession};

catalogue! {
    R;
    // The invitations page.
    HomeTitle => "Vos questionnaires", "Your questionnaires";
    HomeIntro => "Une personne qui recrute vous invite à répondre à des questionnaires. Vous répondez ici, à votre rythme\u{a0}; vos réponses restent dans ce navigateur jusqu'à ce que vous les transmettiez vous-même.", "Someone who is recruiting invites you to answer questionnaires. You answer here, at your own pace; your answers stay in this browser until you pass them on yourself.";
    ListTitle => "Invitations reçues", "Invitations received";
    EmptyTitle => "Aucune invitation dans ce navigateur", "No invitation in this browser yet";
    EmptyBody => "Ouvrez le lien que vous avez reçu, ou le fichier d'invitation, avec les outils ci-dessous. Rien n'est envoyé sur le réseau.", "Open the link you received, or the invitation file, with the tools below. Nothing is sent over the network.";
    FactRole => "Poste", "Position";
    FactAskedBy => "Invitation de", "Invited by";
    FactAbout => "Au sujet de", "About";
    FactQuestions => "Questions", "Questions";
    FactKeepUntil => "Réponses conservées jusqu'au", "Answers kept until";
    StateNotStarted => "Pas commencé", "Not started";
    StateInProgress => "En cours", "In progress";
    StateAnswered => "Terminé", "Finished";
    Start => "Commencer", "Start";
    Resume => "Reprendre", "Resume";
    SeeAnswers => "Voir mes réponses", "See my answers";
    OpenFileTitle => "Ouvrir un fichier d'invitation", "Open an invitation file";
    OpenFileHint => "Le fichier .json reçu par e-mail ou sur une clé\u{a0}: il est lu dans ce navigateur, sans être envoyé nulle part.", "The .json file you received by e-mail or on a memory stick: it is read in this browser and sent nowhere.";
    OpenFileButton => "Choisir le fichier d'invitation…", "Choose the invitation file…";
    OpenFileLabel => "Fichier d'invitation (.json)", "Invitation file (.json)";
    Reading => "Lecture du fichier…", "Reading the file…";
    FileHasNoInvitation => "Ce fichier Rally ne contient aucune invitation à répondre. S'il s'agit d'un kit d'observation, ouvrez-le dans «\u{a0}Observation\u{a0}».", "This Rally file holds no invitation to answer. If it is an observation kit, open it under “Observation”.";
    FileNotRead => "Le fichier n'a pas été ouvert, et rien n'a changé dans ce navigateur.", "The file was not opened, and nothing changed in this browser.";
    PasteTitle => "Coller un lien d'invitation", "Paste an invitation link";
    PasteLabel => "Lien d'invitation", "Invitation link";
    PasteHint => "L'adresse complète reçue, qui contient «\u{a0}#/respond/\u{a0}».", "The whole address you received, which contains “#/respond/”.";
    OpenLink => "Ouvrir l'invitation", "Open the invitation";
    AlreadyHere => "Cette invitation était déjà dans ce navigateur.", "This invitation was already in this browser.";

    // The link and the pages of an invitation.
    Opening => "Ouverture de l'invitation…", "Opening the invitation…";
    BadLinkTitle => "Ce lien d'invitation ne s'ouvre pas", "This invitation link does not open";
    BadLinkBody => "Le lien a peut-être été coupé en le copiant. Copiez-le de nouveau en entier, ou demandez le fichier d'invitation à la personne qui vous a invité.", "The link may have been cut while copying it. Copy it again in full, or ask the person who invited you for the invitation file.";
    BackToInvitations => "Vos questionnaires", "Your questionnaires";
    NotFoundTitle => "Invitation introuvable", "Invitation not found";
    NotFoundBody => "Cette invitation n'est pas dans ce navigateur. Ouvrez de nouveau le lien ou le fichier que vous avez reçu.", "This invitation is not in this browser. Open the link or the file you received again.";
    Recovered => "Des réponses enregistrées n'ont pas pu être relues\u{a0}: elles ont été mises de côté dans ce navigateur et le questionnaire reprend au début.", "Saved answers could not be read back: they were set aside in this browser and the questionnaire starts again.";
    LoadingQuestions => "Chargement du questionnaire…", "Loading the questionnaire…";
    LoadFailedTitle => "Le questionnaire ne se charge pas", "The questionnaire does not load";
    LoadFailedNetwork => "Il n'a pas pu être téléchargé. Vérifiez votre connexion, puis réessayez\u{a0}; une fois chargé, il reste disponible hors ligne dans ce navigateur.", "It could not be downloaded. Check your connection, then try again; once loaded, it stays available offline in this browser.";
    LoadFailedMismatch => "Le questionnaire reçu de ce site n'est pas exactement celui que nomme l'invitation. Demandez un nouveau lien à la personne qui vous a invité.", "The questionnaire this site sent is not exactly the one the invitation names. Ask the person who invited you for a new link.";
    Retry => "Réessayer", "Try again";
    SaveFailed => "Vos réponses ne peuvent pas être enregistrées dans ce navigateur (stockage plein ou désactivé)\u{a0}: gardez cet onglet ouvert jusqu'à la fin, sans quoi elles seraient perdues.", "Your answers cannot be saved in this browser (storage full or disabled): keep this tab open until the end, or they would be lost.";

    // Consent.
    ConsentTitle => "Avant de commencer", "Before you start";
    WhoTitle => "Qui répond", "Who answers";
    WhatTitle => "Ce qui est recueilli", "What is collected";
    TimeCollected => "Pour chaque question, le temps mis à répondre est aussi noté. Il sert seulement à vérifier que les réponses ont été réfléchies\u{a0}; il n'entre dans aucun score.", "For each question, the time taken to answer is also recorded. It is used only to check that the answers were considered; it is part of no score.";
    NothingElse => "Rien d'autre n'est recueilli\u{a0}: ni coordonnées, ni lieu, ni information sur cet appareil.", "Nothing else is collected: no contact details, no location, nothing about this device.";
    KeepTitle => "Combien de temps", "For how long";
    WhoSeesTitle => "Qui voit vos réponses", "Who sees your answers";
    PaceTitle => "À votre rythme", "At your own pace";
    PaceBody => "Aucune question n'est obligatoire. Chaque réponse est enregistrée dans ce navigateur dès que vous la donnez\u{a0}: vous pouvez vous arrêter à tout moment et reprendre plus tard, dans ce même navigateur.", "No question is compulsory. Each answer is saved in this browser as soon as you give it: you may stop at any time and resume later, in this same browser.";
    Agree => "J'accepte, commencer", "I agree, start";
    Decline => "Je ne souhaite pas répondre", "I do not wish to answer";
    DeclineHint => "Refuser ne garde rien\u{a0}: vous revenez à la liste de vos invitations.", "Declining keeps nothing: you go back to your list of invitations.";
    BackToQuestions => "Revenir aux questions", "Back to the questions";
    Withdraw => "Retirer mon accord et effacer mes réponses", "Withdraw my consent and erase my answers";
    WithdrawQuestion => "Effacer de ce navigateur toutes les réponses données à cette invitation\u{a0}?", "Erase from this browser every answer given to this invitation?";
    WithdrawYes => "Oui, tout effacer", "Yes, erase everything";
    Cancel => "Annuler", "Cancel";

    // Question pages.
    InstructionsTitle => "Consignes", "Instructions";
    ClearAnswer => "Effacer ma réponse", "Clear my answer";
    Previous => "Page précédente", "Previous page";
    Next => "Page suivante", "Next page";
    ToReview => "Relire avant d'envoyer", "Review before sending";
    AboutCollected => "Ce qui est recueilli, et pourquoi", "What is collected, and why";
    SavedAsYouGo => "Chaque réponse est enregistrée dans ce navigateur dès que vous la donnez. Aucune question n'est obligatoire.", "Each answer is saved in this browser as soon as you give it. No question is compulsory.";
    Progress => "Progression", "Progress";

    // Review.
    ReviewTitle => "Relire avant d'envoyer", "Review before sending";
    ReviewIntro => "Voici où vous en êtes. Vous pouvez revenir sur n'importe quelle page\u{a0}; rien ne part tant que vous ne l'avez pas décidé.", "Here is where you stand. You may go back to any page; nothing leaves until you decide so.";
    ColPart => "Partie", "Part";
    ColAnswered => "Réponses", "Answers";
    ColState => "État", "Status";
    Complete => "Complet", "Complete";
    Partial => "Incomplet", "Incomplete";
    Short => "Trop peu de réponses\u{a0}: cette partie ne sera pas prise en compte.", "Too few answers: this part will not be scored.";
    GoToPage => "Aller à cette partie", "Go to this part";
    AllAnswered => "Toutes les questions ont une réponse.", "Every question has an answer.";
    SendTitle => "Envoyer mes réponses", "Send my answers";
    SendButton => "Envoyer mes réponses", "Send my answers";
    LastPage => "Dernière page", "Last page";

    // Done.
    DoneTitle => "Merci\u{a0}!", "Thank you!";
    FileTitle => "Le fichier de vos réponses", "The file of your answers";
    Download => "Télécharger mes réponses", "Download my answers";
    CodeTitle => "Ou bien, le code court", "Or else, the short code";
    CodeBody => "Si joindre un fichier n'est pas pratique, copiez ce code et collez-le dans un message\u{a0}: il contient toutes vos réponses.", "If attaching a file is not handy, copy this code and paste it into a message: it holds all your answers.";
    CodeLabel => "Code de vos réponses", "Code of your answers";
    Copy => "Copier le code", "Copy the code";
    Copied => "Code copié\u{a0}: collez-le dans votre message.", "Code copied: paste it into your message.";
    CopyByHand => "La copie automatique n'est pas possible ici. Le code est sélectionné\u{a0}: appuyez sur Ctrl+C (⌘+C sur Mac) pour le copier.", "Automatic copying is not possible here. The code is selected: press Ctrl+C (⌘+C on a Mac) to copy it.";
    // Session debriefs: the session, the free-text question.
    FactSession => "Séance de travail", "Work session";
    SessionTitle => "La séance concernée", "The session concerned";
    OpenTitle => "En quelques mots", "In your own words";
    OpenOptional => "Facultatif\u{a0}: écrivez autant ou aussi peu que vous le souhaitez, ou laissez vide.", "Optional: write as much or as little as you wish, or leave it blank.";
    OpenAtLimit => "Vous avez atteint la longueur maximale.", "You have reached the maximum length.";
    OpenSaved => "Ce que vous écrivez est enregistré dans ce navigateur au fil de la frappe.", "What you write is saved in this browser as you type.";
    NothingWritten => "Rien d'écrit\u{a0}: cette question est facultative.", "Nothing written: this question is optional.";
    EditOpen => "Modifier ma réponse", "Edit my answer";
    OpenCollected => "Si vous le souhaitez, quelques mots de votre main en réponse à une question ouverte, à la fin.", "If you wish, a few words of your own in answer to one open question, at the end.";
    KeptHere => "Vos réponses restent aussi dans ce navigateur\u{a0}: vous pourrez les télécharger de nouveau depuis la liste de vos questionnaires.", "Your answers also stay in this browser: you can download them again from your list of questionnaires.";
}

/// "Jean Dupont" / "Jean Dupont, about Paul Lefèvre": who answers, and about whom.
pub fn who_line(lang: Lang, respondent: &str, subject: Option<&str>) -> String {
    match (lang, subject) {
        (Lang::Fr, None) => format!("{respondent}, à votre propre sujet."),
        (Lang::En, None) => format!("{respondent}, about yourself."),
        (Lang::Fr, Some(s)) => format!(
            "{respondent}, au sujet de {s}, d'après ce que vous avez observé pendant les séances de travail."
        ),
        (Lang::En, Some(s)) => format!(
            "{respondent}, about {s}, from what you observed during the work sessions."
        ),
    }
}

/// The consent step's first sentence.
pub fn consent_lede(lang: Lang, asked_by: &str, campaign: &str, role: &str) -> String {
    match lang {
        Lang::Fr => format!("{asked_by} vous invite à répondre à des questionnaires pour le recrutement «\u{a0}{campaign}\u{a0}» ({role})."),
        Lang::En => format!("{asked_by} invites you to answer questionnaires for the recruitment “{campaign}” ({role})."),
    }
}

/// Who sees the answers and how they travel.
pub fn who_sees(lang: Lang, asked_by: &str) -> String {
    match lang {
        Lang::Fr => format!("Seulement {asked_by}, qui vous a invité. Vos réponses restent dans ce navigateur\u{a0}: elles ne partent que lorsque vous envoyez vous-même, à la fin, le fichier ou le code de vos réponses. Rally n'envoie rien sur le réseau."),
        Lang::En => format!("Only {asked_by}, who invited you. Your answers stay in this browser: they leave only when you yourself send the file or the code of your answers at the end. Rally sends nothing over the network."),
    }
}

/// How long the answers are kept, and the right to have them erased.
pub fn keep_line(lang: Lang, asked_by: &str, until: &str) -> String {
    match lang {
        Lang::Fr => format!("{asked_by} conserve vos réponses jusqu'au {until}, puis les efface. Vous pouvez à tout moment lui demander de les effacer plus tôt."),
        Lang::En => format!("{asked_by} keeps your answers until {until}, then erases them. You may ask them at any time to erase them sooner."),
    }
}

/// "40 questions".
pub fn questions(lang: Lang, n: usize) -> String {
    let v = number(lang, n as f64, 0);
    match (lang, n) {
        (Lang::Fr, 0 | 1) => format!("{v}\u{a0}question"),
        (Lang::Fr, _) => format!("{v}\u{a0}questions"),
        (Lang::En, 1) => format!("{v} question"),
        (Lang::En, _) => format!("{v} questions"),
    }
}

/// "12 of 40 questions answered".
pub fn answered_of(lang: Lang, answered: usize, total: usize) -> String {
    match lang {
        Lang::Fr => format!(
            "{} sur {} avec une réponse",
            number(lang, answered as f64, 0),
            questions(lang, total)
        ),
        Lang::En => format!(
            "{} of {} answered",
            number(lang, answered as f64, 0),
            questions(lang, total)
        ),
    }
}

/// "7 / 8" in a review row.
pub fn fraction(lang: Lang, answered: usize, items: usize) -> String {
    format!(
        "{}\u{a0}/\u{a0}{}",
        number(lang, answered as f64, 0),
        number(lang, items as f64, 0)
    )
}

/// "Page 2 of 11".
pub fn page_of(lang: Lang, k: usize, n: usize) -> String {
    match lang {
        Lang::Fr => format!("Page {k} sur {n}"),
        Lang::En => format!("Page {k} of {n}"),
    }
}

/// The keyboard hint of a question page.
pub fn keys_hint(lang: Lang, points: u8) -> String {
    match lang {
        Lang::Fr => format!("Au clavier\u{a0}: Tab passe d'une question à l'autre, les flèches choisissent la réponse, et les touches 1 à {points} répondent puis passent à la question suivante."),
        Lang::En => format!("With the keyboard: Tab moves between questions, the arrow keys choose the answer, and the keys 1 to {points} answer and move on to the next question."),
    }
}

/// "In progress — 35 %".
pub fn in_progress(lang: Lang, percent: u8) -> String {
    format!(
        "{} — {}",
        R::StateInProgress.get(lang),
        super::percent(lang, percent)
    )
}

/// "Finished on 3 May 2026".
pub fn answered_on(lang: Lang, date: &str) -> String {
    match lang {
        Lang::Fr => format!("Terminé le {date}"),
        Lang::En => format!("Finished on {date}"),
    }
}

/// "You agreed on 3 May 2026, 09:05."
pub fn consented_on(lang: Lang, when: &str) -> String {
    match lang {
        Lang::Fr => format!("Vous avez donné votre accord le {when}."),
        Lang::En => format!("You agreed on {when}."),
    }
}

/// The summary at the top of the review.
pub fn short_summary(lang: Lang, short: usize) -> String {
    match (lang, short) {
        (Lang::Fr, 1) => "Une partie a trop peu de réponses pour être prise en compte. Vous pouvez la compléter, ou envoyer vos réponses telles quelles.".to_owned(),
        (Lang::Fr, n) => format!("{n}\u{a0}parties ont trop peu de réponses pour être prises en compte. Vous pouvez les compléter, ou envoyer vos réponses telles quelles."),
        (Lang::En, 1) => "One part has too few answers to be scored. You may complete it, or send your answers as they are.".to_owned(),
        (Lang::En, n) => format!("{n} parts have too few answers to be scored. You may complete them, or send your answers as they are."),
    }
}

/// What sending means, before the button.
pub fn send_explain(lang: Lang, asked_by: &str) -> String {
    match lang {
        Lang::Fr => format!("Une fois envoyées, vos réponses ne peuvent plus être modifiées. Vous obtiendrez alors un fichier et un code court à transmettre à {asked_by}."),
        Lang::En => format!("Once sent, your answers can no longer be changed. You will then get a file and a short code to pass on to {asked_by}."),
    }
}

/// The first sentence of the last step.
pub fn done_intro(lang: Lang, asked_by: &str) -> String {
    match lang {
        Lang::Fr => format!("Vos réponses sont prêtes. Envoyez le fichier ou le code ci-dessous à {asked_by}, qui vous a invité\u{a0}: c'est ainsi, et seulement ainsi, qu'elles lui parviennent."),
        Lang::En => format!("Your answers are ready. Send the file or the code below to {asked_by}, who invited you: that is how, and the only way, they reach them."),
    }
}

/// Where the file goes.
pub fn file_body(lang: Lang, asked_by: &str) -> String {
    match lang {
        Lang::Fr => format!(
            "Joignez-le à un e-mail pour {asked_by}, ou déposez-le là où on vous l'a demandé."
        ),
        Lang::En => {
            format!("Attach it to an e-mail to {asked_by}, or drop it wherever you were asked to.")
        }
    }
}

/// How to have the answers erased, on the last step.
pub fn erase_line(lang: Lang, asked_by: &str, until: &str) -> String {
    match lang {
        Lang::Fr => format!("{asked_by} les conserve jusqu'au {until}. Pour les faire effacer plus tôt, il suffit de le lui demander."),
        Lang::En => format!("{asked_by} keeps them until {until}. To have them erased sooner, just ask."),
    }
}

/// After a file was opened on the invitations page.
pub fn invitations_added(lang: Lang, n: usize) -> String {
    match (lang, n) {
        (Lang::Fr, 1) => "Une invitation ajoutée.".to_owned(),
        (Lang::Fr, n) => format!("{n}\u{a0}invitations ajoutées."),
        (Lang::En, 1) => "One invitation added.".to_owned(),
        (Lang::En, n) => format!("{n} invitations added."),
    }
}

/// The invitations this browser issued for its own campaigns, not listed for answering.
pub fn own_hidden(lang: Lang, n: usize) -> String {
    match (lang, n) {
        (Lang::Fr, 1) => "Une invitation émise depuis vos propres campagnes n'est pas listée ici\u{a0}: chaque personne répond dans son propre navigateur.".to_owned(),
        (Lang::Fr, n) => format!("{n}\u{a0}invitations émises depuis vos propres campagnes ne sont pas listées ici\u{a0}: chaque personne répond dans son propre navigateur."),
        (Lang::En, 1) => "One invitation issued from your own campaigns is not listed here: each person answers in their own browser.".to_owned(),
        (Lang::En, n) => format!("{n} invitations issued from your own campaigns are not listed here: each person answers in their own browser."),
    }
}

/// "Questionnaire 2 of 3: Intelligence of paradoxes" — the line above a page's heading.
pub fn instrument_line(lang: Lang, k: usize, n: usize, title: &str) -> String {
    if n <= 1 {
        return title.to_owned();
    }
    match lang {
        Lang::Fr => format!("Questionnaire {k} sur {n}\u{a0}: {title}"),
        Lang::En => format!("Questionnaire {k} of {n}: {title}"),
    }
}

/// "Work session 2 — 3 December 2026": which session a debrief is about.
pub fn session_label(lang: Lang, s: &InvitedSession) -> String {
    let n = match lang {
        Lang::Fr => format!("Séance de travail n°\u{a0}{}", s.number),
        Lang::En => format!("Work session {}", s.number),
    };
    match s.date {
        Some(d) => format!("{n} — {}", super::date(lang, d)),
        None => n,
    }
}

/// The person a debrief's respondent worked with in the session: the candidate for the
/// leader, the leader for the candidate (unknown in an invitation that does not say).
pub fn partner(inv: &Invitation) -> Option<&str> {
    match inv.debrief_side()? {
        DebriefSide::Leader => inv.subject.as_ref().map(|s| s.name.as_str()),
        DebriefSide::Candidate => inv
            .session
            .as_ref()
            .map(|s| s.leader.as_str())
            .filter(|n| !n.trim().is_empty()),
    }
}

/// "With Paul Lefèvre".
pub fn with_whom(lang: Lang, name: &str) -> String {
    match lang {
        Lang::Fr => format!("Avec {name}"),
        Lang::En => format!("With {name}"),
    }
}

/// One line for the top of a debrief's pages: the session, its topic and with whom;
/// `None` for an invitation that is not a debrief.
pub fn session_summary(lang: Lang, inv: &Invitation) -> Option<String> {
    let s = inv.session.as_ref()?;
    let mut parts = vec![session_label(lang, s)];
    if !s.topic.trim().is_empty() {
        parts.push(s.topic.clone());
    }
    if let Some(p) = partner(inv) {
        let with = match lang {
            Lang::Fr => format!("avec {p}"),
            Lang::En => format!("with {p}"),
        };
        parts.push(with);
    }
    Some(parts.join(" · "))
}

/// The consent step's first sentence, for a session debrief.
pub fn debrief_lede(lang: Lang, asked_by: &str, campaign: &str, role: &str) -> String {
    match lang {
        Lang::Fr => format!("{asked_by} vous invite à revenir sur une séance de travail du recrutement «\u{a0}{campaign}\u{a0}» ({role})."),
        Lang::En => format!("{asked_by} invites you to look back on one work session of the recruitment “{campaign}” ({role})."),
    }
}

/// Who answers a debrief, and about what.
pub fn debrief_who(lang: Lang, respondent: &str, partner: Option<&str>) -> String {
    match (lang, partner) {
        (Lang::Fr, Some(p)) => {
            format!("{respondent}, au sujet de la séance de travail que vous avez menée avec {p}.")
        }
        (Lang::En, Some(p)) => format!("{respondent}, about the work session you held with {p}."),
        (Lang::Fr, None) => format!("{respondent}, au sujet de cette séance de travail."),
        (Lang::En, None) => format!("{respondent}, about this work session."),
    }
}

/// "120 of 1,000 characters".
pub fn characters_of(lang: Lang, n: usize, max: usize) -> String {
    let (n, max) = (number(lang, n as f64, 0), number(lang, max as f64, 0));
    match lang {
        Lang::Fr => format!("{n} caractères sur {max}"),
        Lang::En => format!("{n} of {max} characters"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all_values(lang: Lang) -> Vec<String> {
        let s = InvitedSession {
            id: uuid::Uuid::nil(),
            number: 2,
            date: chrono::NaiveDate::from_ymd_opt(2026, 12, 3),
            topic: "T".into(),
            leader: "L".into(),
        };
        vec![
            session_label(lang, &s),
            with_whom(lang, "P"),
            debrief_lede(lang, "A", "C", "R"),
            debrief_who(lang, "A", Some("P")),
            debrief_who(lang, "A", None),
            characters_of(lang, 120, 1000),
            who_line(lang, "A", None),
            who_line(lang, "A", Some("B")),
            consent_lede(lang, "A", "C", "R"),
            who_sees(lang, "A"),
            keep_line(lang, "A", "1 May"),
            questions(lang, 40),
            answered_of(lang, 12, 40),
            fraction(lang, 7, 8),
            page_of(lang, 2, 11),
            keys_hint(lang, 5),
            in_progress(lang, 35),
            answered_on(lang, "1 May"),
            consented_on(lang, "1 May"),
            short_summary(lang, 1),
            short_summary(lang, 3),
            send_explain(lang, "A"),
            done_intro(lang, "A"),
            file_body(lang, "A"),
            erase_line(lang, "A", "1 May"),
            invitations_added(lang, 1),
            invitations_added(lang, 2),
            own_hidden(lang, 1),
            own_hidden(lang, 2),
            instrument_line(lang, 1, 2, "T"),
        ]
    }

    #[test]
    fn every_text_exists_in_both_languages() {
        for t in R::ALL {
            assert!(!t.get(Lang::Fr).trim().is_empty(), "{t:?} fr");
            assert!(!t.get(Lang::En).trim().is_empty(), "{t:?} en");
        }
    }

    #[test]
    fn french_punctuation_has_its_non_breaking_space() {
        let texts: Vec<String> = R::ALL
            .iter()
            .map(|t| t.get(Lang::Fr).to_owned())
            .chain(all_values(Lang::Fr))
            .collect();
        for text in &texts {
            let chars: Vec<char> = text.chars().collect();
            for (i, c) in chars.iter().enumerate() {
                let before = i.checked_sub(1).map(|j| chars[j]);
                if matches!(c, ':' | ';' | '?' | '!' | '»') && i > 0 {
                    // "#/respond/" and times like 09:05 have no space on purpose.
                    if before.is_some_and(|b| b.is_ascii_alphanumeric() || b == '#') && *c == ':' {
                        let after = chars.get(i + 1);
                        if after.is_some_and(|a| a.is_ascii_digit() || *a == '/') {
                            continue;
                        }
                    }
                    assert!(
                        matches!(before, Some('\u{a0}' | '\u{202f}')),
                        "no non-breaking space before {c:?} in {text:?}"
                    );
                }
                if *c == '«' {
                    assert!(
                        matches!(chars.get(i + 1), Some('\u{a0}' | '\u{202f}')),
                        "no non-breaking space after « in {text:?}"
                    );
                }
            }
        }
        for text in all_values(Lang::En) {
            assert!(!text.trim().is_empty());
        }
    }

    #[test]
    fn counts_read_naturally() {
        assert_eq!(answered_of(Lang::En, 12, 40), "12 of 40 questions answered");
        assert_eq!(
            answered_of(Lang::Fr, 12, 40),
            "12 sur 40\u{a0}questions avec une réponse"
        );
        assert_eq!(page_of(Lang::En, 2, 11), "Page 2 of 11");
        assert_eq!(questions(Lang::En, 1), "1 question");
        assert_eq!(instrument_line(Lang::En, 1, 1, "T"), "T");
        assert_eq!(
            characters_of(Lang::En, 120, 1000),
            "120 of 1,000 characters"
        );
    }
}
