//! Why something was refused, as one sentence a recruiter understands: the core's errors carry
//! data, and these functions turn them into words.

use super::{axis, format::megabytes, pick, survey};
use crate::domain::campaign::CampaignError;
use crate::domain::fieldwork::{FieldworkError, FieldworkReport};
use crate::domain::file::{ImportError, MergeReport, Problem};
use crate::domain::lang::Lang;
use crate::domain::observation::log::ObservationError;
use crate::domain::role::RoleProblem;
use crate::domain::workspace::ActionError;

/// The three ways a kit's texts are refused (`Kit::check`), apart from [`campaign_error`] so
/// that the mediator's and the respondent's pages, which see no other, do not carry its texts.
fn text_error(lang: Lang, e: &CampaignError) -> &'static str {
    let (fr, en) = match e {
        CampaignError::NameRequired => {
            ("Donnez un nom à la campagne.", "Give the campaign a name.")
        }
        CampaignError::TooLong => ("Ce texte est trop long.", "This text is too long."),
        CampaignError::ForbiddenCharacters => (
            "Ce texte contient des caractères invisibles de contrôle\u{202f}; retirez-les.",
            "This text contains invisible control characters; please remove them.",
        ),
        _ => ("Ce texte n'est pas valide.", "This text is not valid."),
    };
    pick(lang, fr, en)
}

pub fn campaign_error(lang: Lang, e: &CampaignError) -> &'static str {
    let (fr, en) = match e {
        CampaignError::NameRequired
        | CampaignError::TooLong
        | CampaignError::ForbiddenCharacters => return text_error(lang, e),
        CampaignError::LeaderRequired => (
            "Indiquez le nom du dirigeant qui recrute.",
            "Enter the name of the hiring leader.",
        ),
        CampaignError::PersonNameRequired => (
            "Indiquez le nom de la personne.",
            "Enter the person's name.",
        ),
        CampaignError::RationaleRequired => (
            "Donnez les raisons de cette décision\u{a0}: elles figureront dans le rapport.",
            "Give the reasons for this decision: they will appear in the report.",
        ),
        CampaignError::TooManyRecords => (
            "Cette campagne a atteint le nombre maximal de décisions et de choix de lecture.",
            "This campaign has reached the most decisions and reading choices it can hold.",
        ),
        CampaignError::OffsetTooLarge => (
            "Un décalage d'horloge ne peut pas dépasser une heure.",
            "A clock offset cannot be more than one hour.",
        ),
        CampaignError::BadRetention => (
            "La durée de conservation va d'un mois à dix ans (120\u{a0}mois).",
            "The retention period runs from one month to ten years (120 months).",
        ),
        CampaignError::TooManyImports => (
            "Le journal des imports de cette campagne contient plus d'entrées qu'il n'en garde (100 fichiers, 10\u{a0}000 enregistrements).",
            "This campaign's import log holds more entries than it keeps (100 files, 10,000 records).",
        ),
        CampaignError::BadImportEntry => (
            "Une entrée du journal des imports est mal formée (nom de fichier vide ou empreinte invalide).",
            "An entry of the import log is malformed (a blank file name or an invalid hash).",
        ),
        CampaignError::ErasedPersonListed => (
            "Une personne effacée de la campagne y figure encore.",
            "A person erased from the campaign is still listed in it.",
        ),
        CampaignError::TooManyPeople => (
            "Cette liste a atteint le nombre maximal de personnes.",
            "This list has reached the maximum number of people.",
        ),
        CampaignError::BadEmail => (
            "Cette adresse e-mail ne semble pas valide.",
            "This e-mail address does not look valid.",
        ),
        CampaignError::SessionCount => (
            "Une campagne prévoit trois ou quatre séances de travail.",
            "A campaign plans three or four work sessions.",
        ),
        CampaignError::NotFound => (
            "Cet élément n'existe plus\u{202f}; il a peut-être été retiré.",
            "This item no longer exists; it may have been removed.",
        ),
        CampaignError::DuplicateId => (
            "Le même identifiant apparaît deux fois.",
            "The same identifier appears twice.",
        ),
        CampaignError::BadRole => (
            "Choisissez un rôle dans la liste.",
            "Choose a role from the list.",
        ),
        CampaignError::DuplicateInstrument => (
            "Un instrument apparaît deux fois.",
            "An instrument appears twice.",
        ),
        CampaignError::InconsistentStatus => (
            "Le statut enregistré avant l'archivage est incohérent.",
            "The status saved before archiving is inconsistent.",
        ),
        CampaignError::Archived => (
            "Cette campagne est archivée\u{a0}: désarchivez-la pour la modifier.",
            "This campaign is archived: unarchive it to change it.",
        ),
    };
    pick(lang, fr, en)
}

pub fn role_problem(lang: Lang, p: &RoleProblem) -> String {
    match (lang, p) {
        (Lang::Fr, RoleProblem::NoName) => {
            "Donnez un nom au rôle, en français ou en anglais.".into()
        }
        (Lang::En, RoleProblem::NoName) => "Give the role a name, in French or English.".into(),
        (Lang::Fr, RoleProblem::TooLong) => "Un nom ou une présentation est trop long.".into(),
        (Lang::En, RoleProblem::TooLong) => "A name or summary is too long.".into(),
        (Lang::Fr, RoleProblem::AxesIncomplete) => {
            "Chaque axe du support doit apparaître une fois.".into()
        }
        (Lang::En, RoleProblem::AxesIncomplete) => "Each support axis must appear once.".into(),
        (Lang::Fr, RoleProblem::BadBand(a)) => {
            format!(
                "{}\u{a0}: la plage doit encadrer le niveau visé (min ≤ visé ≤ max).",
                axis(lang, *a)
            )
        }
        (Lang::En, RoleProblem::BadBand(a)) => {
            format!(
                "{}: the band must surround the target level (min ≤ target ≤ max).",
                axis(lang, *a)
            )
        }
        (Lang::Fr, RoleProblem::PostureTotal(t)) => {
            format!("Les postures totalisent {t}\u{a0}% au lieu de 100\u{a0}%.")
        }
        (Lang::En, RoleProblem::PostureTotal(t)) => {
            format!("The postures add up to {t}% instead of 100%.")
        }
        (Lang::Fr, RoleProblem::DuplicateSoftSkill) => "Une compétence apparaît deux fois.".into(),
        (Lang::En, RoleProblem::DuplicateSoftSkill) => "A soft skill appears twice.".into(),
        (Lang::Fr, RoleProblem::ForbiddenCharacters) => {
            "Un texte du rôle contient des caractères invisibles de contrôle.".into()
        }
        (Lang::En, RoleProblem::ForbiddenCharacters) => {
            "A text of the role contains invisible control characters.".into()
        }
        (Lang::Fr, RoleProblem::BadId) => "L'identifiant du rôle est vide ou trop long.".into(),
        (Lang::En, RoleProblem::BadId) => "The role's identifier is empty or too long.".into(),
    }
}

pub fn action_error(lang: Lang, e: &ActionError) -> String {
    match e {
        ActionError::Campaign(c) => campaign_error(lang, c).to_owned(),
        ActionError::UnknownCampaign => pick(
            lang,
            "Cette campagne n'existe plus.",
            "This campaign no longer exists.",
        )
        .into(),
        ActionError::CampaignExists => pick(
            lang,
            "Cette campagne existe déjà.",
            "This campaign already exists.",
        )
        .into(),
        ActionError::BuiltinRole => pick(
            lang,
            "Un rôle fourni ne peut pas être modifié\u{a0}: dupliquez-le.",
            "A built-in role cannot be changed: duplicate it.",
        )
        .into(),
        ActionError::BadRole => {
            pick(lang, "Ce rôle n'est pas valide.", "This role is not valid.").into()
        }
        ActionError::UnknownRole => pick(
            lang,
            "Ce rôle n'existe plus.",
            "This role no longer exists.",
        )
        .into(),
        ActionError::Full => pick(
            lang,
            "La limite de l'application est atteinte\u{202f}; archivez ou exportez des données.",
            "The app's limit is reached; export or delete some data.",
        )
        .into(),
    }
}

/// A kit or observation problem, in words.
pub fn fieldwork_error(lang: Lang, e: &FieldworkError) -> String {
    match e {
        // Only `Kit::check` makes these: a name missing, a text too long or with control
        // characters.
        FieldworkError::Text(c) => text_error(lang, c).to_owned(),
        FieldworkError::UnknownScheme => pick(
            lang,
            "elle utilise une grille de codage que cette version de Rally ne connaît pas.",
            "it uses a coding scheme this version of Rally does not know.",
        )
        .into(),
        FieldworkError::UnknownKit => pick(
            lang,
            "ce kit n'existe pas dans ce navigateur.",
            "this kit is not in this browser.",
        )
        .into(),
        FieldworkError::UnknownCandidate => pick(
            lang,
            "cette personne candidate n'est pas dans le kit.",
            "this candidate is not in the kit.",
        )
        .into(),
        FieldworkError::UnknownSession => pick(
            lang,
            "cette séance n'existe pas dans le kit.",
            "this session is not in the kit.",
        )
        .into(),
        FieldworkError::UnknownObservation => pick(
            lang,
            "cette observation n'existe pas dans ce navigateur.",
            "this observation is not in this browser.",
        )
        .into(),
        FieldworkError::DuplicateKit => pick(
            lang,
            "deux kits portent le même identifiant.",
            "two kits have the same identifier.",
        )
        .into(),
        FieldworkError::AlreadyObserving => pick(
            lang,
            "une observation de cette séance existe déjà pour ce médiateur.",
            "this mediator already has an observation of this session.",
        )
        .into(),
        FieldworkError::Observation(o) => observation_error(lang, o),
    }
}

/// Why a coding action was refused, in words.
pub fn observation_error(lang: Lang, e: &ObservationError) -> String {
    let (fr, en) = match e {
        ObservationError::Submitted => (
            "L'observation est envoyée\u{a0}: elle ne peut plus changer.",
            "The observation has been submitted: it can no longer change.",
        ),
        ObservationError::ClockNotStarted => (
            "Démarrez le chronomètre avant de coder, ou insérez l'événement à une heure choisie.",
            "Start the clock before coding, or insert the event at a chosen time.",
        ),
        ObservationError::Clock(_) => (
            "Le chronomètre n'est pas dans le bon état pour cela.",
            "The clock is not in the right state for this.",
        ),
        ObservationError::UnknownCode(_) => (
            "Ce code n'existe pas dans la grille.",
            "This code is not in the scheme.",
        ),
        ObservationError::ActorNotAllowed => (
            "Ce code ne s'applique pas à cette personne.",
            "This code does not apply to this person.",
        ),
        ObservationError::StateAlreadyOpen => (
            "Cet état est déjà en cours\u{a0}: terminez-le d'abord.",
            "This state is already running: end it first.",
        ),
        ObservationError::NothingToUndo => (
            "Il n'y a aucun événement à annuler.",
            "There is no event to undo.",
        ),
        ObservationError::EventNotFound => (
            "Cet événement n'existe plus.",
            "This event no longer exists.",
        ),
        ObservationError::EmptyNote => ("La note est vide.", "The note is empty."),
        ObservationError::TooLong => ("Ce texte est trop long.", "This text is too long."),
        ObservationError::TooLate => (
            "Ce moment dépasse la limite de 12\u{a0}heures d'une séance.",
            "This time is beyond the 12-hour limit of a session.",
        ),
        ObservationError::ForbiddenCharacters => (
            "Ce texte contient des caractères invisibles de contrôle.",
            "This text contains invisible control characters.",
        ),
        ObservationError::Untrimmed => (
            "Un texte commence ou finit par des espaces, ce que Rally n'enregistre jamais.",
            "A text starts or ends with spaces, which Rally never records.",
        ),
        ObservationError::Unrated(_) => (
            "Certaines dimensions de la grille ne sont pas encore évaluées.",
            "Some dimensions of the grid are not rated yet.",
        ),
        ObservationError::UnknownEvidence(_) => (
            "Un événement cité comme preuve n'existe plus.",
            "An event cited as evidence no longer exists.",
        ),
        ObservationError::BadLevel(_) => (
            "Le niveau doit aller de 1 à 5.",
            "The level must be between 1 and 5.",
        ),
        _ => (
            "L'observation contient une donnée incohérente.",
            "The observation contains inconsistent data.",
        ),
    };
    pick(lang, fr, en).into()
}

/// One sentence a recruiter understands, for any import failure.
pub fn import_error(lang: Lang, e: &ImportError) -> String {
    import_error_with(lang, e, problem)
}

/// [`import_error`] on the pages that read no campaign or role (the mediator's and the
/// respondent's readers never report one): a problem with one is said in general terms, so
/// that those pages do not carry the campaign and role texts.
pub fn list_import_error(lang: Lang, e: &ImportError) -> String {
    import_error_with(lang, e, list_problem)
}

fn import_error_with(lang: Lang, e: &ImportError, why: fn(Lang, &Problem) -> String) -> String {
    match (lang, e) {
        (Lang::Fr, ImportError::TooLarge { bytes, max }) => format!(
            "Ce fichier est trop volumineux ({}). Rally accepte au plus {}.",
            megabytes(lang, *bytes),
            megabytes(lang, *max)
        ),
        (Lang::En, ImportError::TooLarge { bytes, max }) => format!(
            "This file is too large ({}). Rally accepts at most {}.",
            megabytes(lang, *bytes),
            megabytes(lang, *max)
        ),
        (Lang::Fr, ImportError::Empty) => "Ce fichier est vide.".into(),
        (Lang::En, ImportError::Empty) => "This file is empty.".into(),
        (Lang::Fr, ImportError::NotText) => "Ce fichier n'est pas un fichier texte\u{a0}: ce n'est pas un export Rally.".into(),
        (Lang::En, ImportError::NotText) => "This is not a text file, so it is not a Rally export.".into(),
        (Lang::Fr, ImportError::Truncated) => "Ce fichier est incomplet\u{a0}: il s'arrête au milieu des données. Exportez-le de nouveau.".into(),
        (Lang::En, ImportError::Truncated) => "This file is incomplete: it stops in the middle of the data. Export it again.".into(),
        (Lang::Fr, ImportError::Malformed { line, column }) => {
            format!("Ce fichier est endommagé (JSON invalide, ligne {line}, colonne {column}).")
        }
        (Lang::En, ImportError::Malformed { line, column }) => {
            format!("This file is damaged (invalid JSON at line {line}, column {column}).")
        }
        (Lang::Fr, ImportError::TooDeep { .. }) => "Ce fichier a une structure anormalement imbriquée\u{a0}: il n'a pas été produit par Rally.".into(),
        (Lang::En, ImportError::TooDeep { .. }) => "This file's structure is abnormally nested: it was not made by Rally.".into(),
        (Lang::Fr, ImportError::NotRally) => "Ce fichier n'est pas un export Rally.".into(),
        (Lang::En, ImportError::NotRally) => "This file is not a Rally export.".into(),
        (Lang::Fr, ImportError::Protected) => "Ce fichier est protégé par une phrase de passe et ne peut pas être ouvert ici.".into(),
        (Lang::En, ImportError::Protected) => "This file is protected by a passphrase and cannot be opened here.".into(),
        (_, ImportError::Sealed(e)) => super::protect::sealed_error(lang, e),
        (Lang::Fr, ImportError::MissingVersion) => "Ce fichier ne dit pas quelle version du format il utilise\u{202f}; il ne peut pas être lu sans risque.".into(),
        (Lang::En, ImportError::MissingVersion) => "This file does not say which format version it uses, so it cannot be read safely.".into(),
        (Lang::Fr, ImportError::BadVersion) => "La version du format de ce fichier est illisible.".into(),
        (Lang::En, ImportError::BadVersion) => "This file's format version is unreadable.".into(),
        (Lang::Fr, ImportError::FutureVersion { found, supported }) => format!(
            "Ce fichier vient d'une version plus récente de Rally (format {found})\u{202f}; cette version lit jusqu'au format {supported}. Mettez Rally à jour pour l'importer."
        ),
        (Lang::En, ImportError::FutureVersion { found, supported }) => format!(
            "This file comes from a newer Rally (format {found}); this one reads up to format {supported}. Update Rally to import it."
        ),
        (Lang::Fr, ImportError::UnknownVersion { found }) => format!("La version {found} du format est inconnue."),
        (Lang::En, ImportError::UnknownVersion { found }) => format!("Format version {found} is unknown."),
        (Lang::Fr, ImportError::WrongShape { path, .. }) => {
            format!("Ce fichier est endommagé\u{a0}: la valeur à l'emplacement «\u{a0}{path}\u{a0}» n'a pas la forme attendue.")
        }
        (Lang::En, ImportError::WrongShape { path, .. }) => {
            format!("This file is damaged: the value at “{path}” does not have the expected form.")
        }
        (_, ImportError::Invalid { path, problem }) => {
            let why = why(lang, problem);
            match lang {
                Lang::Fr => format!("Ce fichier contient une donnée incorrecte («\u{a0}{path}\u{a0}»)\u{a0}: {why}"),
                Lang::En => format!("This file contains incorrect data (“{path}”): {why}"),
            }
        }
    }
}

/// Why one record of a file is refused, for the recruiter's page (every kind of record).
fn problem(lang: Lang, p: &Problem) -> String {
    match p {
        Problem::Campaign(c) => campaign_error(lang, c).to_owned(),
        Problem::Role(r) => role_problem(lang, r),
        Problem::DuplicateCampaign => pick(
            lang,
            "deux campagnes portent le même identifiant.",
            "two campaigns have the same identifier.",
        )
        .into(),
        Problem::DuplicateRole => pick(
            lang,
            "deux rôles portent le même identifiant.",
            "two roles have the same identifier.",
        )
        .into(),
        Problem::ReservedRoleId => pick(
            lang,
            "ce rôle se fait passer pour un rôle fourni.",
            "this role poses as a built-in role.",
        )
        .into(),
        Problem::TooManyCampaigns => pick(
            lang,
            "il y aurait trop de campagnes.",
            "there would be too many campaigns.",
        )
        .into(),
        Problem::TooManyRoles => pick(
            lang,
            "il y aurait trop de rôles.",
            "there would be too many roles.",
        )
        .into(),
        _ => list_problem(lang, p),
    }
}

/// Why one kit, observation, invitation or answer of a file is refused; a campaign or a role,
/// which these pages' readers never report, in general terms.
fn list_problem(lang: Lang, p: &Problem) -> String {
    match p {
        Problem::Fieldwork(e) => fieldwork_error(lang, e),
        Problem::DuplicateKit => pick(
            lang,
            "deux kits portent le même identifiant.",
            "two kits have the same identifier.",
        )
        .into(),
        Problem::TooManyObservations => pick(
            lang,
            "il y aurait trop d'observations.",
            "there would be too many observations.",
        )
        .into(),
        Problem::Invitation(e) => survey::invitation_error(lang, e).into(),
        Problem::DuplicateInvitation => pick(
            lang,
            "deux invitations portent le même identifiant.",
            "two invitations have the same identifier.",
        )
        .into(),
        Problem::TooManyResponses => pick(
            lang,
            "il y aurait trop de réponses ou d'invitations.",
            "there would be too many responses or invitations.",
        )
        .into(),
        Problem::TooManyAnswers => pick(
            lang,
            "une réponse compte plus de réponses qu'un questionnaire n'a de questions.",
            "a response holds more answers than any questionnaire has items.",
        )
        .into(),
        Problem::Campaign(_)
        | Problem::Role(_)
        | Problem::DuplicateCampaign
        | Problem::DuplicateRole
        | Problem::ReservedRoleId
        | Problem::TooManyCampaigns
        | Problem::TooManyRoles => pick(
            lang,
            "une campagne ou un rôle n'est pas valide.",
            "a campaign or a role is not valid.",
        )
        .into(),
    }
}

/// The sentence shown after a successful import.
pub fn merge_report(lang: Lang, r: &MergeReport, f: &FieldworkReport) -> String {
    let mut parts = Vec::new();
    let mut add = |n: usize, fr: &str, en: &str| {
        if n > 0 {
            parts.push(match lang {
                Lang::Fr => format!("{n} {fr}"),
                Lang::En => format!("{n} {en}"),
            });
        }
    };
    add(r.added, "campagne(s) ajoutée(s)", "campaign(s) added");
    add(
        r.updated,
        "campagne(s) mise(s) à jour",
        "campaign(s) updated",
    );
    add(
        r.unchanged,
        "campagne(s) déjà à jour",
        "campaign(s) already up to date",
    );
    add(
        r.kept_ours,
        "campagne(s) gardée(s) dans votre version, plus récente",
        "campaign(s) kept in your newer version",
    );
    add(r.roles_added, "rôle(s) ajouté(s)", "role(s) added");
    add(
        r.roles_kept,
        "rôle(s) déjà présent(s) gardé(s) dans votre version",
        "role(s) already here kept in your version",
    );
    add(
        f.kits_added,
        "kit(s) de médiateur ajouté(s)",
        "mediator kit(s) added",
    );
    add(
        f.observations.added,
        "observation(s) ajoutée(s)",
        "observation(s) added",
    );
    add(
        f.observations.updated,
        "observation(s) mise(s) à jour",
        "observation(s) updated",
    );
    add(
        f.observations.unchanged,
        "observation(s) déjà à jour",
        "observation(s) already up to date",
    );
    add(
        f.observations.outdated,
        "version(s) plus ancienne(s) ignorée(s)",
        "older version(s) ignored",
    );
    add(
        f.observations.conflicting,
        "version(s) en conflit, gardée(s) côte à côte",
        "conflicting version(s) kept side by side",
    );
    add(
        f.invitations_added,
        "invitation(s) ajoutée(s)",
        "invitation(s) added",
    );
    add(
        f.responses.added,
        "questionnaire(s) rempli(s) ajouté(s)",
        "completed questionnaire(s) added",
    );
    add(
        f.responses.duplicates,
        "questionnaire(s) déjà reçu(s), ignoré(s)",
        "questionnaire(s) already received, ignored",
    );
    if f.responses.refused > 0 {
        parts.push(survey::refused_sentence(lang, &f.responses));
    }
    if r.erasures_applied > 0 {
        parts.push(super::privacy::erasures_applied(lang, r.erasures_applied));
    }
    let erased = super::privacy::erased_in_file(lang, &r.erased.merged(&f.erased));
    let main: String = match (lang, parts.is_empty()) {
        (Lang::Fr, true) => "Import terminé\u{a0}: le fichier ne contenait rien de nouveau.".into(),
        (Lang::En, true) => "Import finished: the file held nothing new.".into(),
        (Lang::Fr, false) => format!("Import terminé\u{a0}: {}.", parts.join(", ")),
        (Lang::En, false) => format!("Import finished: {}.", parts.join(", ")),
    };
    std::iter::once(main)
        .chain(erased)
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn import_errors_read_as_sentences() {
        let e = ImportError::FutureVersion {
            found: 9,
            supported: 1,
        };
        assert!(import_error(Lang::En, &e).contains("newer Rally"));
        assert!(import_error(Lang::Fr, &e).contains("plus récente"));
        let e = ImportError::TooLarge {
            bytes: 20 * 1024 * 1024,
            max: 8 * 1024 * 1024,
        };
        assert_eq!(
            import_error(Lang::Fr, &e),
            "Ce fichier est trop volumineux (20,0 Mo). Rally accepte au plus 8,0 Mo."
        );
    }

    #[test]
    fn the_lighter_pages_say_the_same_of_what_their_readers_report() {
        let invalid = |problem| ImportError::Invalid {
            path: "kits[0]".into(),
            problem,
        };
        for lang in [Lang::Fr, Lang::En] {
            for e in [
                ImportError::Truncated,
                invalid(Problem::Fieldwork(FieldworkError::UnknownScheme)),
                invalid(Problem::Fieldwork(FieldworkError::Text(
                    CampaignError::TooLong,
                ))),
                invalid(Problem::DuplicateKit),
                invalid(Problem::TooManyAnswers),
            ] {
                assert_eq!(list_import_error(lang, &e), import_error(lang, &e));
            }
            // A campaign's problem, which their readers never report: said in general terms.
            let e = invalid(Problem::Campaign(CampaignError::BadEmail));
            assert_ne!(list_import_error(lang, &e), import_error(lang, &e));
        }
        // A kit's texts read as a campaign's do.
        for c in [
            CampaignError::NameRequired,
            CampaignError::TooLong,
            CampaignError::ForbiddenCharacters,
        ] {
            let e = FieldworkError::Text(c.clone());
            assert_eq!(fieldwork_error(Lang::Fr, &e), campaign_error(Lang::Fr, &c));
        }
    }
}
