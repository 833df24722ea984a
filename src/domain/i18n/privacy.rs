//! Texts of personal data (GDPR) on the recruiter's side: the campaign's card (retention,
//! export and erasure per person, the erasures recorded), the confirmations, the data kept
//! past its date, the organisation in Settings, the information notice and the record of
//! processing (art. 30), and what an import says about erased people.

use super::{date, Lang};
use crate::domain::campaign::{ErasedInFile, ErasedKind, Erasure, ErasureScope};
use crate::domain::lang::catalogue;
use crate::domain::privacy::{NoticeFacts, Summary};
use chrono::NaiveDate;

catalogue! {
    P;
    SectionTitle => "Données personnelles", "Personal data";
    SectionIntro => "Ce que cette campagne garde sur chaque personne, pour le lui remettre ou l'effacer. Ces données restent dans ce navigateur.", "What this campaign keeps about each person, to hand it over or to erase it. This data stays in this browser.";
    RetentionTitle => "Durée de conservation", "Retention";
    RetentionLabel => "Mois de conservation après la fin de la campagne", "Months kept after the campaign ends";
    RetentionHint => "24\u{a0}mois (deux ans)\u{a0}: la durée que recommande la CNIL pour les candidats non retenus. La campagne prend fin quand elle est clôturée, ou archivée avant de l'être.", "24 months (two years): what the CNIL recommends for candidates who were not hired. The campaign ends when it is closed, or archived before that.";
    PeopleTitle => "Personnes", "People";
    NoPeople => "Plus personne dans cette campagne.", "Nobody left in this campaign.";
    ExportJson => "Exporter ses données (JSON)", "Export their data (JSON)";
    ExportCsv => "Exporter ses données (CSV)", "Export their data (CSV)";
    EraseEverywhere => "Effacer partout…", "Erase everywhere…";
    NothingHeld => "aucune donnée en dehors de la campagne", "no data besides the campaign";
    ErasuresTitle => "Effacements enregistrés", "Erasures recorded";
    ErasuresHint => "Seuls l'identifiant de la personne et la date sont gardés, pour qu'un fichier plus ancien ne puisse pas ramener ses données.", "Only the person's identifier and the date are kept, so that an older file cannot bring their data back.";
    NoticeTitle => "Information des personnes", "Informing people";
    NoticeIntro => "La notice d'information de cette campagne, à remettre aux candidats, au dirigeant et aux médiateurs, et la fiche du registre des traitements.", "This campaign's information notice, to hand to the candidates, the leader and the mediators, and its entry for the record of processing activities.";
    OpenNotice => "Notice d'information", "Information notice";
    ExportRecord => "Exporter la fiche du registre (.md)", "Export the processing record (.md)";
    ConfirmWill => "Seront effacés de ce navigateur\u{a0}:", "This erases from this browser:";
    ConfirmIdentity => "son nom et son adresse e-mail dans la campagne", "their name and e-mail address in the campaign";
    ConfirmLeaderIdentity => "son nom et sa fonction dans la campagne (le dirigeant devient «\u{a0}—\u{a0}»\u{a0}; vous pourrez en nommer un autre)", "their name and title in the campaign (the leader becomes “—”; you can name another one)";
    ConfirmLeader => "Le dirigeant prend part à chaque séance de travail\u{a0}: toutes les observations et tous les débriefings de la campagne, des deux côtés, sont effacés avec lui.", "The leader takes part in every work session: every observation and every debrief of the campaign, on both sides, is erased with them.";
    ConfirmFinal => "Les réponses, débriefings, observations et invitations effacés ne pourront pas être récupérés. Seule la modification de la campagne (nom, décisions) peut être annulée. Exportez d'abord ses données si vous devez les lui remettre.", "Erased answers, debriefs, observations and invitations cannot be brought back. Only the change to the campaign (name, decisions) can be undone. Export their data first if you must hand it over.";
    ConfirmTombstone => "Un enregistrement de l'effacement est gardé (son identifiant et la date, rien d'autre)\u{a0}: un fichier plus ancien importé ensuite ne ramènera pas ses données. Les copies envoyées ailleurs doivent être effacées par ceux qui les détiennent.", "A record of the erasure is kept (their identifier and the date, nothing else): an older file imported later will not bring their data back. Copies sent elsewhere must be erased by whoever holds them.";
    Cancel => "Annuler", "Cancel";
    OverdueTitle => "Données conservées au-delà de leur date", "Data kept past its date";
    OverdueIntro => "Ces données ont dépassé leur durée de conservation\u{a0}: effacez-les.", "This data has passed its keep-until date: erase it.";
    OverdueNone => "Aucune donnée n'est conservée au-delà de sa date.", "No data is kept past its date.";
    EraseOverdue => "Effacer les données échues…", "Erase the overdue data…";
    EraseOverdueYes => "Effacer les données échues", "Erase the overdue data";
    OverdueConfirmCampaigns => "Dans chaque campagne échue, toutes les personnes sont effacées (avec un enregistrement de l'effacement) et la campagne, vidée, est archivée\u{a0}: son nom, son rôle et son plan de séances restent.", "In each overdue campaign, everyone is erased (with a record of the erasure) and the emptied campaign is archived: its name, role and session plan remain.";
    OverdueConfirmFinal => "Les réponses, débriefings, observations et invitations effacés ne pourront pas être récupérés\u{a0}; seules les modifications des campagnes peuvent être annulées. Exportez d'abord toutes les données si vous devez les garder ailleurs.", "Erased answers, debriefs, observations and invitations cannot be brought back; only the changes to the campaigns can be undone. Export all data first if you must keep it elsewhere.";
    ControllerTitle => "Votre organisation (pour les notices d'information)", "Your organisation (for information notices)";
    ControllerIntro => "Indiquée dans la notice de chaque campagne et dans la fiche du registre. Gardée dans ce navigateur seulement.", "Shown on each campaign's notice and in the processing record. Kept in this browser only.";
    Organisation => "Organisation responsable du traitement", "Organisation responsible for the data";
    Address => "Adresse postale", "Postal address";
    Contact => "Contact pour exercer ses droits (e-mail ou adresse)", "Contact to use one's rights (e-mail or address)";
    Dpo => "Délégué à la protection des données (facultatif)", "Data protection officer (optional)";
    ControllerSaved => "Enregistré dans ce navigateur.", "Saved in this browser.";
    ControllerMissing => "Renseignez votre organisation et un contact dans les Réglages\u{a0}: la notice doit dire qui traite les données et comment le joindre.", "Fill in your organisation and a contact in Settings: the notice must say who processes the data and how to reach them.";
    GoToSettings => "Ouvrir les Réglages", "Open Settings";
    Print => "Imprimer", "Print";
    NoticeCheck => "Relisez cette notice avec votre délégué à la protection des données avant de la remettre.", "Read this notice with your data protection officer before handing it out.";
    NotFound => "Cette campagne n'existe pas dans ce navigateur.", "This campaign does not exist in this browser.";
    BackToCampaign => "Retour à la campagne", "Back to the campaign";
    ToFill => "[à renseigner dans les Réglages]", "[to fill in Settings]";
}

/// "candidate", "leader" or "mediator".
pub fn kind(lang: Lang, k: ErasedKind) -> &'static str {
    match (lang, k) {
        (Lang::Fr, ErasedKind::Candidate) => "candidat",
        (Lang::En, ErasedKind::Candidate) => "candidate",
        (Lang::Fr, ErasedKind::Leader) => "dirigeant",
        (Lang::En, ErasedKind::Leader) => "leader",
        (Lang::Fr, ErasedKind::Mediator) => "médiateur",
        (Lang::En, ErasedKind::Mediator) => "mediator",
    }
}

/// "3 answers to questionnaires", "1 debrief"… one line per kind of record held (none when
/// nothing is).
pub fn summary_lines(lang: Lang, s: &Summary) -> Vec<String> {
    let rows: [(usize, &str, &str, &str, &str); 6] = [
        (
            s.answers,
            "réponse à un questionnaire",
            "réponses à des questionnaires",
            "answer to a questionnaire",
            "answers to questionnaires",
        ),
        (
            s.debriefs,
            "débriefing de séance",
            "débriefings de séance",
            "session debrief",
            "session debriefs",
        ),
        (
            s.observations,
            "observation de séance",
            "observations de séance",
            "session observation",
            "session observations",
        ),
        (
            s.invitations,
            "invitation",
            "invitations",
            "invitation",
            "invitations",
        ),
        (
            s.decisions,
            "décision",
            "décisions",
            "decision",
            "decisions",
        ),
        (
            s.kits,
            "kit de médiateur",
            "kits de médiateur",
            "mediator kit",
            "mediator kits",
        ),
    ];
    rows.iter()
        .filter(|r| r.0 > 0)
        .map(|&(n, fr1, frn, en1, enn)| match lang {
            Lang::Fr => format!("{n}\u{a0}{}", if n == 1 { fr1 } else { frn }),
            Lang::En => format!("{n} {}", if n == 1 { en1 } else { enn }),
        })
        .collect()
}

/// The records held about a person, in one line ("nothing" when none).
pub fn summary(lang: Lang, s: &Summary) -> String {
    let lines = summary_lines(lang, s);
    if lines.is_empty() {
        P::NothingHeld.get(lang).to_owned()
    } else {
        lines.join(", ")
    }
}

/// "Erase Jean Dupont everywhere?"
pub fn confirm_title(lang: Lang, name: &str) -> String {
    match lang {
        Lang::Fr => format!("Effacer {name} partout\u{a0}?"),
        Lang::En => format!("Erase {name} everywhere?"),
    }
}

/// The button that erases: "Erase Jean Dupont everywhere".
pub fn erase_button(lang: Lang, name: &str) -> String {
    match lang {
        Lang::Fr => format!("Effacer {name} partout"),
        Lang::En => format!("Erase {name} everywhere"),
    }
}

/// Texts about others that name the person, which an erasure does not change.
pub fn mentions(lang: Lang, n: usize) -> String {
    let texts = match (lang, n) {
        (Lang::Fr, 1) => "1\u{a0}texte écrit".to_owned(),
        (Lang::Fr, n) => format!("{n}\u{a0}textes écrits"),
        (Lang::En, 1) => "1 text written".to_owned(),
        (Lang::En, n) => format!("{n} texts written"),
    };
    match lang {
        Lang::Fr => format!("Son nom apparaît aussi dans {texts} à propos d'autres personnes (raisons d'une décision, sujet d'une séance, note d'observation…). Ces textes ne sont pas modifiés\u{a0}: relisez-les."),
        Lang::En => format!("Their name also appears in {texts} about others (a decision's reasons, a session's topic, an observation note…). These texts are not changed: review them."),
    }
}

/// The people an erasure of overdue data erases everywhere, and those whose answers it erases.
pub fn overdue_people(lang: Lang, people: usize, answers_of: usize) -> Vec<String> {
    let mut out = Vec::new();
    if people > 0 {
        out.push(match lang {
            Lang::Fr => format!("{people}\u{a0}personne(s) effacée(s) partout"),
            Lang::En => format!("{people} person(s) erased everywhere"),
        });
    }
    if answers_of > 0 {
        out.push(match lang {
            Lang::Fr => format!("les réponses concernant {answers_of}\u{a0}personne(s)"),
            Lang::En => format!("the answers about {answers_of} person(s)"),
        });
    }
    out
}

/// After an erasure.
pub fn erased(lang: Lang, name: &str, s: &Summary) -> String {
    match lang {
        Lang::Fr => format!("Effacement terminé\u{a0}: plus rien ne concerne {name} dans ce navigateur ({}). «\u{a0}Annuler\u{a0}» ne rétablit que la campagne.", summary(lang, s)),
        Lang::En => format!("{name} was erased everywhere in this browser ({}). Undo restores the campaign only.", summary(lang, s)),
    }
}

/// One tombstone, as listed on the campaign page.
pub fn erasure_line(lang: Lang, e: &Erasure) -> String {
    let day = date(lang, e.erased_at.date_naive());
    match (lang, e.scope) {
        (Lang::Fr, ErasureScope::Everything) => {
            format!("Un {} effacé partout le {day}", kind(lang, e.kind))
        }
        (Lang::En, ErasureScope::Everything) => {
            format!("A {} erased everywhere on {day}", kind(lang, e.kind))
        }
        (Lang::Fr, ErasureScope::Answers) => {
            format!("Les réponses d'un {} effacées le {day}", kind(lang, e.kind))
        }
        (Lang::En, ErasureScope::Answers) => {
            format!("The answers of a {} erased on {day}", kind(lang, e.kind))
        }
    }
}

/// Where a campaign stands against its retention period.
pub fn keep_until_line(
    lang: Lang,
    months: u16,
    ended: Option<NaiveDate>,
    keep: Option<NaiveDate>,
    today: NaiveDate,
) -> String {
    match (ended, keep) {
        (Some(e), Some(k)) if k < today => match lang {
            Lang::Fr => format!("Campagne terminée le {}\u{a0}: ses données devaient être effacées après le {}. Elles figurent dans les données échues de l'accueil et des Réglages.", date(lang, e), date(lang, k)),
            Lang::En => format!("Campaign ended on {}: its data was to be erased after {}. It is listed with the overdue data on the home page and in Settings.", date(lang, e), date(lang, k)),
        },
        (Some(e), Some(k)) => match lang {
            Lang::Fr => format!("Campagne terminée le {}\u{a0}: données conservées jusqu'au {}.", date(lang, e), date(lang, k)),
            Lang::En => format!("Campaign ended on {}: data kept until {}.", date(lang, e), date(lang, k)),
        },
        _ => match lang {
            Lang::Fr => format!("Campagne en cours\u{a0}: ses données seront conservées {months}\u{a0}mois après sa fin."),
            Lang::En => format!("Campaign running: its data will be kept for {months} months after it ends."),
        },
    }
}

/// An overdue campaign, as listed.
pub fn overdue_campaign(
    lang: Lang,
    campaign: &str,
    keep: NaiveDate,
    people: usize,
    records: usize,
) -> String {
    match lang {
        Lang::Fr => format!("«\u{a0}{campaign}\u{a0}»\u{a0}: à conserver jusqu'au {} — {people}\u{a0}personne(s), {records}\u{a0}enregistrement(s).", date(lang, keep)),
        Lang::En => format!("“{campaign}”: to be kept until {} — {people} person(s), {records} record(s).", date(lang, keep)),
    }
}

/// Overdue answers, as listed.
pub fn overdue_answers(lang: Lang, campaign: &str, person: &str, keep: NaiveDate) -> String {
    match lang {
        Lang::Fr => format!("«\u{a0}{campaign}\u{a0}»\u{a0}: les réponses concernant {person} devaient être conservées jusqu'au {}.", date(lang, keep)),
        Lang::En => format!("“{campaign}”: answers about {person} were to be kept until {}.", date(lang, keep)),
    }
}

/// After the overdue data was erased.
pub fn overdue_erased(
    lang: Lang,
    campaigns: usize,
    people: usize,
    answers_of: usize,
    s: &Summary,
) -> String {
    let mut parts = Vec::new();
    if campaigns > 0 {
        parts.push(match lang {
            Lang::Fr => format!("{campaigns}\u{a0}campagne(s) vidée(s) et archivée(s)"),
            Lang::En => format!("{campaigns} campaign(s) emptied and archived"),
        });
    }
    parts.extend(overdue_people(lang, people, answers_of));
    match lang {
        Lang::Fr => format!(
            "Données échues effacées\u{a0}: {} ({}).",
            parts.join(", "),
            summary(lang, s)
        ),
        Lang::En => format!(
            "Overdue data erased: {} ({}).",
            parts.join(", "),
            summary(lang, s)
        ),
    }
}

/// What an import says about people erased here: one sentence per person.
pub fn erased_in_file(lang: Lang, e: &ErasedInFile) -> Vec<String> {
    e.people
        .iter()
        .map(|p| {
            let day = date(lang, p.erasure.erased_at.date_naive());
            let k = kind(lang, p.erasure.kind);
            match (lang, p.erasure.scope, &p.name) {
                (Lang::Fr, ErasureScope::Everything, Some(n)) => format!("Les données concernant {n} ({k}) ont été effacées le {day}\u{a0}: celles de ce fichier n'ont pas été importées."),
                (Lang::En, ErasureScope::Everything, Some(n)) => format!("{n} ({k}) was erased on {day}; their data in this file was not imported."),
                (Lang::Fr, ErasureScope::Everything, None) => format!("Les données d'un {k} ont été effacées le {day}\u{a0}: celles de ce fichier n'ont pas été importées."),
                (Lang::En, ErasureScope::Everything, None) => format!("A {k} was erased on {day}; their data in this file was not imported."),
                (Lang::Fr, ErasureScope::Answers, Some(n)) => format!("Les réponses concernant {n} ont été effacées le {day}\u{a0}: celles de ce fichier n'ont pas été importées."),
                (Lang::En, ErasureScope::Answers, Some(n)) => format!("The answers about {n} were erased on {day}; those in this file were not imported."),
                (Lang::Fr, ErasureScope::Answers, None) => format!("Les réponses concernant un {k} ont été effacées le {day}\u{a0}: celles de ce fichier n'ont pas été importées."),
                (Lang::En, ErasureScope::Answers, None) => format!("The answers about a {k} were erased on {day}; those in this file were not imported."),
            }
        })
        .collect()
}

/// "1 erasure recorded in the file applied here", as a part of the import sentence.
pub fn erasures_applied(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Fr => format!("{n}\u{a0}effacement(s) enregistré(s) dans le fichier appliqué(s) ici"),
        Lang::En => format!("{n} erasure(s) recorded in the file applied here"),
    }
}

/// A part of the information notice: a title, paragraphs, a list, then paragraphs after it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Section {
    pub title: String,
    pub paragraphs: Vec<String>,
    pub items: Vec<String>,
    pub after: Vec<String>,
}

fn section(title: &str, paragraphs: Vec<String>, items: Vec<String>) -> Section {
    Section {
        title: title.to_owned(),
        paragraphs,
        items,
        after: Vec::new(),
    }
}

/// A text of the organisation, or the mark asking to fill it in.
fn or_to_fill(lang: Lang, text: &str) -> String {
    if text.trim().is_empty() {
        P::ToFill.get(lang).to_owned()
    } else {
        text.trim().to_owned()
    }
}

/// The notice's title: "Information notice — recruitment for …".
pub fn notice_title(lang: Lang, f: &NoticeFacts) -> String {
    match lang {
        Lang::Fr => format!(
            "Notice d'information — recrutement au poste de {}",
            f.role.get(lang)
        ),
        Lang::En => format!(
            "Information notice — recruitment for the role of {}",
            f.role.get(lang)
        ),
    }
}

/// The categories of data, one line each (the notice and the record share them).
fn data_items(lang: Lang, f: &NoticeFacts) -> Vec<String> {
    let fr = lang == Lang::Fr;
    let mut items = vec![if fr {
        "Identité\u{a0}: nom et, s'il est donné, e-mail (candidats, médiateurs)\u{a0}; nom et fonction (dirigeant qui recrute).".to_owned()
    } else {
        "Identity: name and, if given, e-mail (candidates, mediators); name and title (the hiring leader).".to_owned()
    }];
    if !f.self_assessments.is_empty() {
        let titles: Vec<&str> = f.self_assessments.iter().map(|t| t.get(lang)).collect();
        items.push(if fr {
            format!("Réponses des candidats aux questionnaires d'autoévaluation ({}), avec le temps passé sur chaque question.", titles.join(", "))
        } else {
            format!("Candidates' answers to self-assessment questionnaires ({}), with the time taken on each question.", titles.join(", "))
        });
    }
    if f.observer_forms {
        items.push(if fr {
            "Réponses du dirigeant et des médiateurs à la version «\u{a0}observateur\u{a0}» de ces questionnaires, au sujet de chaque candidat.".to_owned()
        } else {
            "The leader's and the mediators' answers to the observer version of these questionnaires, about each candidate.".to_owned()
        });
    }
    if f.observation {
        items.push(if fr {
            "Observation de chaque séance de travail par les médiateurs\u{a0}: comportements codés avec leur moment (qui parle, rebondit sur l'idée de l'autre, demande le pourquoi, coupe la parole…), notes, évaluations sur une grille décrite et synthèse écrite.".to_owned()
        } else {
            "The mediators' observation of each work session: behaviours coded with their time (who speaks, builds on the other's idea, asks why, interrupts…), notes, ratings on a described grid and a written synthesis.".to_owned()
        });
    }
    if f.debriefs {
        items.push(if fr {
            "Après chaque séance, le débriefing du dirigeant et celui du candidat (un questionnaire et un commentaire facultatif).".to_owned()
        } else {
            "After each session, the leader's and the candidate's debrief (a questionnaire and an optional comment).".to_owned()
        });
    }
    items.push(if fr {
        "Les décisions du recruteur sur chaque candidat, avec leurs raisons.".to_owned()
    } else {
        "The recruiter's decisions about each candidate, with their reasons.".to_owned()
    });
    items.push(if fr {
        "Aucune donnée sensible (santé, opinions, convictions…) n'est demandée.".to_owned()
    } else {
        "No sensitive data (health, opinions, beliefs…) is asked for.".to_owned()
    });
    items
}

fn purpose(lang: Lang, f: &NoticeFacts) -> String {
    let with = if f.leader_title.trim().is_empty() {
        String::new()
    } else {
        format!(" ({})", f.leader_title.trim())
    };
    match lang {
        Lang::Fr => format!("Évaluer les candidatures au poste de {} (campagne «\u{a0}{}\u{a0}») et choisir la personne à recruter, à partir de {} séances de travail réelles entre le dirigeant qui recrute{with} et chaque candidat, observées par des médiateurs neutres.", f.role.get(lang), f.campaign, f.sessions),
        Lang::En => format!("To assess the applications for the role of {} (campaign “{}”) and choose whom to hire, from {} real work sessions between the hiring leader{with} and each candidate, observed by neutral mediators.", f.role.get(lang), f.campaign, f.sessions),
    }
}

fn legal_basis(lang: Lang, org: &str) -> String {
    match lang {
        Lang::Fr => format!("Ce traitement repose sur les mesures précontractuelles prises à la demande des candidats (article 6.1.b du RGPD) et sur l'intérêt légitime de {org} à recruter la bonne personne (article 6.1.f)\u{a0}; pour le dirigeant et les médiateurs, sur ce même intérêt légitime."),
        Lang::En => format!("The processing rests on steps taken at the candidates' request before a possible contract (GDPR article 6(1)(b)) and on {org}'s legitimate interest in hiring the right person (article 6(1)(f)); for the leader and the mediators, on that same legitimate interest."),
    }
}

fn retention(lang: Lang, f: &NoticeFacts) -> Vec<String> {
    let m = f.retention_months;
    let mut out = vec![match (lang, f.ended_on, f.keep_until) {
        (Lang::Fr, Some(e), Some(k)) => format!("La campagne a pris fin le {}\u{a0}: ses données sont conservées jusqu'au {}, puis effacées.", date(lang, e), date(lang, k)),
        (Lang::En, Some(e), Some(k)) => format!("The campaign ended on {}: its data is kept until {}, then erased.", date(lang, e), date(lang, k)),
        (Lang::Fr, _, _) => format!("Les données sont conservées le temps du recrutement, puis {m}\u{a0}mois après la fin de la campagne, puis effacées."),
        (Lang::En, _, _) => format!("The data is kept for the time of the recruitment, then {m} months after the campaign ends, then erased."),
    }];
    out.push(match lang {
        Lang::Fr => "Pour les candidats non retenus, la CNIL recommande de ne pas dépasser deux ans après le dernier contact. Pour la personne recrutée, ce qui est utile à son emploi rejoint son dossier du personnel\u{a0}; le reste est effacé.".to_owned(),
        Lang::En => "For candidates who are not hired, the CNIL recommends no more than two years after the last contact. For the person hired, what their employment needs moves to their personnel file; the rest is erased.".to_owned(),
    });
    if let Some(k) = f.answers_keep_until {
        out.push(match lang {
            Lang::Fr => format!("Les réponses aux questionnaires sont conservées jusqu'à la date indiquée dans l'invitation (au plus tard le {}).", date(lang, k)),
            Lang::En => format!("Answers to questionnaires are kept until the date given in the invitation ({} at the latest).", date(lang, k)),
        });
    }
    out
}

/// The information notice of a campaign (GDPR art. 13–14), section by section.
pub fn notice(lang: Lang, f: &NoticeFacts) -> Vec<Section> {
    let c = &f.controller;
    let org = or_to_fill(lang, &c.organisation);
    let contact = or_to_fill(lang, &c.contact);
    let fr = lang == Lang::Fr;
    let mut who = vec![match lang {
        Lang::Fr => format!("{org}{} est responsable du traitement de vos données personnelles pour ce recrutement.", if c.address.trim().is_empty() { String::new() } else { format!(", {},", c.address.trim()) }),
        Lang::En => format!("{org}{} is responsible for processing your personal data for this recruitment (the controller).", if c.address.trim().is_empty() { String::new() } else { format!(", {},", c.address.trim()) }),
    }];
    if !c.dpo.trim().is_empty() {
        who.push(match lang {
            Lang::Fr => format!(
                "Vous pouvez joindre son délégué à la protection des données\u{a0}: {}.",
                c.dpo.trim()
            ),
            Lang::En => format!(
                "You can reach its data protection officer at: {}.",
                c.dpo.trim()
            ),
        });
    }
    let rights: Vec<String> = if fr {
        vec![
            "accès\u{a0}: obtenir une copie de toutes les données qui vous concernent (Rally les exporte en un fichier lisible)\u{a0};".into(),
            "rectification\u{a0}: faire corriger une donnée inexacte\u{a0};".into(),
            "effacement\u{a0}: faire effacer vos données, partout où Rally les garde\u{a0};".into(),
            "opposition\u{a0}: vous opposer au traitement fondé sur l'intérêt légitime, pour des raisons tenant à votre situation\u{a0};".into(),
            "limitation\u{a0}: faire geler vos données le temps d'examiner une contestation\u{a0};".into(),
            "portabilité\u{a0}: recevoir les données que vous avez fournies dans un format lisible par une machine (JSON, CSV).".into(),
        ]
    } else {
        vec![
            "access: get a copy of all the data about you (Rally exports it as a readable file);".into(),
            "rectification: have inaccurate data corrected;".into(),
            "erasure: have your data erased, everywhere Rally keeps it;".into(),
            "objection: object to the processing based on legitimate interest, on grounds relating to your situation;".into(),
            "restriction: have your data frozen while a dispute is examined;".into(),
            "portability: receive the data you provided in a machine-readable format (JSON, CSV).".into(),
        ]
    };
    vec![
        section(if fr { "Qui traite vos données" } else { "Who processes your data" }, who, vec![]),
        section(
            if fr { "Pourquoi" } else { "Why" },
            vec![
                purpose(lang, f),
                legal_basis(lang, &org),
                if fr {
                    "Aucune décision n'est prise de façon automatisée\u{a0}: les indicateurs calculés par Rally éclairent les personnes qui décident, ils ne décident pas à leur place.".into()
                } else {
                    "No decision is taken by automated means: the figures Rally computes inform the people who decide; they never decide in their place.".into()
                },
            ],
            vec![],
        ),
        section(
            if fr { "Quelles données, sur qui" } else { "What data, about whom" },
            vec![if fr {
                "Sont concernés les candidats, le dirigeant qui recrute et les médiateurs. Les données sont les suivantes\u{a0}:".into()
            } else {
                "The people concerned are the candidates, the hiring leader and the mediators. The data is:".into()
            }],
            data_items(lang, f),
        ),
        section(
            if fr { "Qui y a accès" } else { "Who has access" },
            vec![
                match lang {
                    Lang::Fr => format!("Les personnes de {org} chargées de ce recrutement et le dirigeant qui recrute. Chaque médiateur ne voit que ses propres observations. Rien n'est vendu ni transmis à d'autres."),
                    Lang::En => format!("The people at {org} in charge of this recruitment and the hiring leader. Each mediator sees only their own observations. Nothing is sold or passed on to anyone else."),
                },
                if fr {
                    "Rally conserve les données dans le navigateur de l'ordinateur du recruteur\u{a0}; il n'a pas de serveur. Les fichiers s'échangent directement entre les personnes ci-dessus. Rally ne transfère aucune donnée hors de l'Union européenne.".into()
                } else {
                    "Rally keeps the data in the browser of the recruiter's computer; it has no server. Files are exchanged directly between the people above. Rally transfers no data outside the European Union.".into()
                },
            ],
            vec![],
        ),
        section(if fr { "Combien de temps" } else { "How long" }, retention(lang, f), vec![]),
        section(
            if fr { "Vos droits" } else { "Your rights" },
            vec![if fr {
                "Vous disposez des droits suivants sur vos données\u{a0}:".into()
            } else {
                "You have the following rights over your data:".into()
            }],
            rights,
        )
        .with_after(match lang {
            Lang::Fr => format!("Pour les exercer, écrivez à\u{a0}: {contact}. Une réponse vous sera apportée dans un délai d'un mois. Une preuve d'identité peut vous être demandée en cas de doute."),
            Lang::En => format!("To use them, write to: {contact}. You will receive an answer within one month. You may be asked to prove your identity if there is a doubt."),
        }),
        section(
            if fr { "Réclamation" } else { "Complaint" },
            vec![if fr {
                "Si vous estimez que vos droits ne sont pas respectés, vous pouvez adresser une réclamation à la CNIL (Commission nationale de l'informatique et des libertés, www.cnil.fr) ou à l'autorité de protection des données de votre pays.".into()
            } else {
                "If you think your rights are not respected, you can lodge a complaint with the CNIL (Commission nationale de l'informatique et des libertés, www.cnil.fr) or with the data protection authority of your country.".into()
            }],
            vec![],
        ),
    ]
}

impl Section {
    /// The same section with a paragraph after its list.
    fn with_after(mut self, text: String) -> Section {
        self.after.push(text);
        self
    }
}

/// The entry of the record of processing activities (GDPR art. 30(1)) for a campaign, as a
/// Markdown document dated `today`.
pub fn processing_record(
    lang: Lang,
    f: &NoticeFacts,
    today: NaiveDate,
    app_version: &str,
) -> String {
    let c = &f.controller;
    let fr = lang == Lang::Fr;
    let org = or_to_fill(lang, &c.organisation);
    let mut md = String::new();
    let h2 = |md: &mut String, t: &str| {
        md.push_str("\n## ");
        md.push_str(t);
        md.push_str("\n\n");
    };
    let line = |md: &mut String, t: &str| {
        md.push_str(t);
        md.push('\n');
    };
    let item = |md: &mut String, t: &str| {
        md.push_str("- ");
        md.push_str(t);
        md.push('\n');
    };
    line(
        &mut md,
        &if fr {
            format!("# Registre des activités de traitement — fiche «\u{a0}Recrutement\u{a0}: {}\u{a0}»", f.role.get(lang))
        } else {
            format!(
                "# Record of processing activities — entry “Recruitment: {}”",
                f.role.get(lang)
            )
        },
    );
    md.push('\n');
    line(
        &mut md,
        &if fr {
            format!("Article 30 du RGPD. Campagne «\u{a0}{}\u{a0}». Fiche établie le {} avec Rally {app_version}.", f.campaign, date(lang, today))
        } else {
            format!(
                "GDPR article 30. Campaign “{}”. Entry made on {} with Rally {app_version}.",
                f.campaign,
                date(lang, today)
            )
        },
    );
    h2(
        &mut md,
        if fr {
            "Responsable du traitement"
        } else {
            "Controller"
        },
    );
    item(
        &mut md,
        &format!(
            "{} {org}",
            if fr {
                "Organisation\u{a0}:"
            } else {
                "Organisation:"
            }
        ),
    );
    item(
        &mut md,
        &format!(
            "{} {}",
            if fr { "Adresse\u{a0}:" } else { "Address:" },
            or_to_fill(lang, &c.address)
        ),
    );
    item(
        &mut md,
        &format!(
            "{} {}",
            if fr {
                "Contact pour l'exercice des droits\u{a0}:"
            } else {
                "Contact for data subjects' rights:"
            },
            or_to_fill(lang, &c.contact)
        ),
    );
    item(
        &mut md,
        &format!(
            "{} {}",
            if fr {
                "Délégué à la protection des données\u{a0}:"
            } else {
                "Data protection officer:"
            },
            if c.dpo.trim().is_empty() {
                if fr {
                    "aucun désigné"
                } else {
                    "none designated"
                }
            } else {
                c.dpo.trim()
            }
        ),
    );
    h2(&mut md, if fr { "Finalité" } else { "Purpose" });
    line(&mut md, &purpose(lang, f));
    h2(&mut md, if fr { "Base légale" } else { "Legal basis" });
    line(&mut md, &legal_basis(lang, &org));
    h2(
        &mut md,
        if fr {
            "Personnes concernées"
        } else {
            "Categories of data subjects"
        },
    );
    for t in if fr {
        [
            "Candidats",
            "Dirigeant qui recrute",
            "Médiateurs (observateurs des séances)",
        ]
    } else {
        [
            "Candidates",
            "The hiring leader",
            "Mediators (observers of the sessions)",
        ]
    } {
        item(&mut md, t);
    }
    h2(
        &mut md,
        if fr {
            "Catégories de données"
        } else {
            "Categories of personal data"
        },
    );
    for t in data_items(lang, f) {
        item(&mut md, &t);
    }
    h2(&mut md, if fr { "Destinataires" } else { "Recipients" });
    line(&mut md, &match lang {
        Lang::Fr => format!("Les personnes de {org} chargées du recrutement et le dirigeant qui recrute\u{a0}; chaque médiateur, pour ses propres observations. Aucun sous-traitant\u{a0}: Rally fonctionne dans le navigateur, sans serveur."),
        Lang::En => format!("The people at {org} in charge of the recruitment and the hiring leader; each mediator, for their own observations. No processor: Rally runs in the browser, with no server."),
    });
    h2(
        &mut md,
        if fr {
            "Transferts hors de l'Union européenne"
        } else {
            "Transfers outside the European Union"
        },
    );
    line(&mut md, if fr { "Aucun." } else { "None." });
    h2(
        &mut md,
        if fr {
            "Durées de conservation"
        } else {
            "Retention periods"
        },
    );
    for t in retention(lang, f) {
        item(&mut md, &t);
    }
    h2(
        &mut md,
        if fr {
            "Mesures de sécurité"
        } else {
            "Security measures"
        },
    );
    let measures: [&str; 5] = if fr {
        [
            "Données conservées uniquement dans le navigateur (IndexedDB) de l'ordinateur du recruteur\u{a0}; aucun serveur, aucun envoi sur le réseau par Rally, politique de sécurité du contenu stricte.",
            "Les fichiers échangés (invitations, kits, réponses, observations) ne contiennent que ce dont leur destinataire a besoin (jamais d'adresse e-mail dans un kit ou une invitation)\u{a0}; protégez ceux qui voyagent par e-mail (par exemple par une phrase secrète).",
            "Effacement d'une personne partout, avec un enregistrement de l'effacement qui empêche un fichier plus ancien de ramener ses données.",
            "Durée de conservation par campagne\u{a0}; les données échues sont signalées et s'effacent en une action.",
            "Export des données d'une personne (JSON, CSV) pour répondre aux demandes d'accès et de portabilité.",
        ]
    } else {
        [
            "Data kept only in the browser (IndexedDB) of the recruiter's computer; no server, nothing sent over the network by Rally, a strict Content-Security-Policy.",
            "Files exchanged (invitations, kits, answers, observations) hold only what their recipient needs (never an e-mail address in a kit or an invitation); protect those that travel by e-mail (for instance with a passphrase).",
            "Erasure of a person everywhere, with a record of the erasure that stops an older file from bringing their data back.",
            "A retention period per campaign; overdue data is flagged and erased in one action.",
            "Export of a person's data (JSON, CSV) to answer requests for access and portability.",
        ]
    };
    for t in measures {
        item(&mut md, t);
    }
    md
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::campaign::tests::sample;
    use crate::domain::fieldwork::Fieldwork;
    use crate::domain::privacy::{notice_facts, Controller};

    #[test]
    fn every_text_exists_in_both_languages() {
        for t in P::ALL {
            assert!(!t.get(Lang::Fr).trim().is_empty(), "{t:?} fr");
            assert!(!t.get(Lang::En).trim().is_empty(), "{t:?} en");
        }
    }

    #[test]
    fn the_notice_names_the_organisation_or_asks_for_it() {
        let c = sample();
        let blank = notice_facts(&c, &Fieldwork::default(), &Controller::default());
        for lang in Lang::ALL {
            let sections = notice(lang, &blank);
            assert_eq!(sections.len(), 7);
            let text = format!("{sections:?}");
            assert!(text.contains(P::ToFill.get(lang)), "{lang:?}");
            assert!(text.contains("CNIL"));
        }
        let org = Controller {
            organisation: "Groupe Lumière SA".into(),
            address: String::new(),
            contact: "rgpd@lumiere.example".into(),
            dpo: String::new(),
        };
        let facts = notice_facts(&c, &Fieldwork::default(), &org);
        let en = format!("{:?}", notice(Lang::En, &facts));
        assert!(en.contains("Groupe Lumière SA is responsible"));
        assert!(en.contains("write to: rgpd@lumiere.example."));
        assert!(!en.contains("data protection officer at"));
        assert!(en.contains("24 months after the campaign ends"));
    }

    #[test]
    fn the_processing_record_has_every_entry_of_article_30() {
        let c = sample();
        let facts = notice_facts(&c, &Fieldwork::default(), &Controller::default());
        let day = NaiveDate::from_ymd_opt(2026, 1, 10).unwrap();
        let en = processing_record(Lang::En, &facts, day, "0.1.0");
        for h in [
            "# Record of processing activities",
            "## Controller",
            "## Purpose",
            "## Legal basis",
            "## Categories of data subjects",
            "## Categories of personal data",
            "## Recipients",
            "## Transfers outside the European Union",
            "## Retention periods",
            "## Security measures",
        ] {
            assert!(en.contains(h), "{h}");
        }
        assert!(en.contains("Entry made on 10 January 2026 with Rally 0.1.0."));
        let fr = processing_record(Lang::Fr, &facts, day, "0.1.0");
        assert!(fr.starts_with("# Registre des activités de traitement"));
        assert!(fr.contains("## Mesures de sécurité"));
        assert!(fr.contains("Délégué à la protection des données\u{a0}: aucun désigné"));
    }

    #[test]
    fn erased_people_in_a_file_are_named_when_the_file_names_them() {
        let mut report = ErasedInFile::default();
        let e = Erasure {
            person_id: uuid::Uuid::from_u128(7),
            kind: ErasedKind::Mediator,
            scope: ErasureScope::Everything,
            erased_at: chrono::DateTime::from_timestamp(1_768_039_200, 0).unwrap(),
        };
        report.add(&e, None, 2);
        assert_eq!(
            erased_in_file(Lang::En, &report),
            ["A mediator was erased on 10 January 2026; their data in this file was not imported."]
        );
        report.add(&e, Some("Amina Benali"), 1);
        assert_eq!(
            erased_in_file(Lang::Fr, &report),
            ["Les données concernant Amina Benali (médiateur) ont été effacées le 10 janvier 2026\u{a0}: celles de ce fichier n'ont pas été importées."]
        );
    }
}
