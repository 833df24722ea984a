//! The one message catalogue: every text a user reads, in French and English. Static texts are
//! variants of [`T`]; texts with values (counts, errors, dates) are functions below. The UI
//! never writes a user-visible string inline.

use crate::domain::campaign::{CampaignAction, CampaignError, InstrumentId, PeopleList, Status};
use crate::domain::fieldwork::{FieldworkError, FieldworkReport};
use crate::domain::file::{ImportError, MergeReport, Problem};
use crate::domain::observation::log::ObservationError;
use crate::domain::role::{Posture, RoleProblem, SoftSkill, SupportAxis};
use crate::domain::workspace::{Action, ActionError};
use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};

use crate::domain::lang::{catalogue, Lang};

pub mod analysis;
pub mod charts;
pub mod observe;
pub mod quality;
pub mod respond;
pub mod results;
pub mod survey;

catalogue! {
    T;
    AppName => "Rally", "Rally";
    Tagline => "Recruter un dirigeant transversal, séance après séance", "Hiring a transversal executive, session after session";
    SkipToContent => "Aller au contenu", "Skip to content";
    MainNav => "Navigation principale", "Main navigation";
    NavCampaigns => "Campagnes", "Campaigns";
    NavRoles => "Rôles", "Roles";
    NavSettings => "Réglages", "Settings";
    LanguageGroup => "Langue de l'interface", "Interface language";
    FooterPrivacy => "Rally fonctionne entièrement dans ce navigateur\u{a0}: rien n'est envoyé sur le réseau.", "Rally runs entirely in this browser: nothing is sent over the network.";
    Saved => "Enregistré", "Saved";
    Saving => "Enregistrement…", "Saving…";
    NotSaved => "Non enregistré", "Not saved";
    Dismiss => "Fermer", "Dismiss";
    CampaignsTitle => "Campagnes", "Campaigns";
    CampaignsIntro => "Chaque campagne organise trois ou quatre séances de travail réelles entre le dirigeant et un candidat, observées par un médiateur.", "Each campaign organises three or four real work sessions between the leader and a candidate, observed by a mediator.";
    NewCampaign => "Nouvelle campagne", "New campaign";
    SearchLabel => "Rechercher une campagne", "Search campaigns";
    SearchPlaceholder => "Nom, rôle, personne…", "Name, role, person…";
    SortLabel => "Trier par", "Sort by";
    SortUpdated => "Dernière modification", "Last changed";
    SortCreated => "Date de création", "Date created";
    SortName => "Nom", "Name";
    SortStatus => "Statut", "Status";
    ShowArchived => "Afficher les campagnes archivées", "Show archived campaigns";
    EmptyTitle => "Aucune campagne pour l'instant", "No campaigns yet";
    EmptyBody => "Une campagne réunit le rôle à pourvoir, le dirigeant qui recrute, les candidats, les médiateurs et les séances de travail prévues.", "A campaign brings together the role to fill, the hiring leader, the candidates, the mediators and the planned work sessions.";
    EmptyImport => "Vous avez déjà un fichier Rally\u{202f}? Importez-le ci-dessous.", "Already have a Rally file? Import it below.";
    NoMatch => "Aucune campagne ne correspond à cette recherche.", "No campaign matches this search.";
    ColName => "Nom", "Name";
    ColRole => "Rôle", "Role";
    ColLeader => "Dirigeant", "Leader";
    ColStatus => "Statut", "Status";
    ColUpdated => "Modifiée", "Last changed";
    ColActions => "Actions", "Actions";
    Archive => "Archiver", "Archive";
    Unarchive => "Désarchiver", "Unarchive";
    StatusDraft => "Brouillon", "Draft";
    StatusActive => "En cours", "Active";
    StatusClosed => "Clôturée", "Closed";
    StatusArchived => "Archivée", "Archived";
    NewCampaignTitle => "Nouvelle campagne", "New campaign";
    NewCampaignIntro => "Les champs marqués d'un astérisque sont obligatoires. Tout reste modifiable ensuite.", "Fields marked with an asterisk are required. Everything can be changed later.";
    Required => "obligatoire", "required";
    FieldName => "Nom", "Name";
    FieldNameHint => "Par exemple\u{a0}: CSO 5.0 — siège de Lyon", "For example: CSO 5.0 — Lyon head office";
    FieldRole => "Rôle", "Role";
    ChooseRole => "Choisir un rôle…", "Choose a role…";
    BuiltinRoles => "Rôles fournis", "Built-in roles";
    MyRoles => "Mes rôles", "My roles";
    LeaderSection => "Dirigeant qui recrute", "Hiring leader";
    LeaderName => "Nom du dirigeant", "Leader's name";
    LeaderTitle => "Fonction", "Title";
    LeaderTitleHint => "Par exemple\u{a0}: CEO, directrice générale", "For example: CEO, managing director";
    Candidates => "Candidats", "Candidates";
    Mediators => "Médiateurs", "Mediators";
    CandidatesHint => "Les personnes qui passeront les séances de travail avec le dirigeant.", "The people who will hold the work sessions with the leader.";
    MediatorsHint => "Des observateurs neutres et expérimentés, qui analysent la méta-communication.", "Neutral, experienced observers who analyse the meta-communication.";
    PersonName => "Nom", "Name";
    PersonEmail => "E-mail (facultatif)", "E-mail (optional)";
    AddCandidate => "Ajouter un candidat", "Add a candidate";
    AddMediator => "Ajouter un médiateur", "Add a mediator";
    Remove => "Retirer", "Remove";
    NoCandidates => "Aucun candidat pour l'instant.", "No candidates yet.";
    NoMediators => "Aucun médiateur pour l'instant.", "No mediators yet.";
    Sessions => "Séances de travail", "Work sessions";
    SessionsHint => "La méthode prévoit trois ou quatre séances réelles entre le dirigeant et le candidat\u{202f}; la date et le lieu peuvent être fixés plus tard.", "The method plans three or four real sessions between the leader and the candidate; date and place can be set later.";
    SessionDate => "Date", "Date";
    SessionTime => "Heure", "Time";
    SessionPlace => "Lieu", "Place";
    SessionTopic => "Sujet de travail", "Work topic";
    SessionTopicHint => "Un vrai dossier de l'entreprise, traité ensemble", "A real company matter, worked on together";
    AddSession => "Ajouter une quatrième séance", "Add a fourth session";
    RemoveSession => "Retirer cette séance", "Remove this session";
    BadDate => "Cette date n'est pas valide.", "This date is not valid.";
    BadTime => "Cette heure n'est pas valide.", "This time is not valid.";
    Instruments => "Instruments", "Instruments";
    InstrumentsHint => "Ce que la campagne prévoit de recueillir.", "What the campaign plans to collect.";
    CreateCampaign => "Créer la campagne", "Create the campaign";
    Cancel => "Annuler", "Cancel";
    FormHasErrors => "La campagne n'est pas encore créée\u{a0}: corrigez les champs signalés.", "The campaign is not created yet: please correct the fields marked below.";
    CampaignCreated => "Campagne créée et enregistrée.", "Campaign created and saved.";
    BackToCampaigns => "Toutes les campagnes", "All campaigns";
    CampaignNotFound => "Cette campagne n'existe pas dans ce navigateur, ou elle a été supprimée.", "This campaign does not exist in this browser, or it was deleted.";
    Details => "Informations générales", "General information";
    FieldStatus => "Statut", "Status";
    ExportCampaign => "Exporter cette campagne", "Export this campaign";
    DeleteCampaign => "Supprimer la campagne", "Delete the campaign";
    CampaignDeleted => "Campagne supprimée. Vous pouvez encore annuler.", "Campaign deleted. You can still undo.";
    Created => "Créée le", "Created";
    Updated => "Modifiée le", "Last changed";
    Revision => "Révision", "Revision";
    Undo => "Annuler", "Undo";
    Redo => "Rétablir", "Redo";
    NothingToUndo => "Rien à annuler", "Nothing to undo";
    UndoShortcut => "Raccourci\u{a0}: Ctrl+Z (Ctrl+Maj+Z pour rétablir)", "Shortcut: Ctrl+Z (Ctrl+Shift+Z to redo)";
    RoleSection => "Profil du rôle", "Role profile";
    RoleSnapshotNote => "Ce profil est une copie propre à la campagne\u{a0}: modifier la bibliothèque de rôles ne le change pas.", "This profile is the campaign's own copy: editing the role library does not change it.";
    ReplaceRole => "Remplacer par un rôle de la bibliothèque", "Replace with a library role";
    Apply => "Appliquer", "Apply";
    AxisCol => "Axe du support", "Support axis";
    TargetLevel => "Niveau visé", "Target level";
    Band => "Plage acceptable", "Acceptable band";
    PosturesTitle => "Poids des trois postures", "Weight of the three postures";
    SoftSkillsTitle => "Compétences comportementales clés", "Key soft skills";
    RolesTitle => "Bibliothèque de rôles", "Role library";
    RolesIntro => "Les rôles fournis sont des modèles\u{a0}: dupliquez-les pour les adapter. Une campagne garde sa propre copie du rôle.", "Built-in roles are templates: duplicate them to adapt them. A campaign keeps its own copy of the role.";
    Duplicate => "Dupliquer", "Duplicate";
    Edit => "Modifier", "Edit";
    NewRole => "Nouveau rôle", "New role";
    BuiltinBadge => "Fourni", "Built-in";
    CustomBadge => "Personnalisé", "Custom";
    SaveRole => "Enregistrer le rôle", "Save the role";
    DeleteRole => "Supprimer le rôle", "Delete the role";
    RoleSaved => "Rôle enregistré.", "Role saved.";
    RoleDeleted => "Rôle supprimé. Vous pouvez encore annuler.", "Role deleted. You can still undo.";
    RoleNameFr => "Nom (français)", "Name (French)";
    RoleNameEn => "Nom (anglais)", "Name (English)";
    RoleSummaryFr => "Présentation (français)", "Summary (French)";
    RoleSummaryEn => "Présentation (anglais)", "Summary (English)";
    EditRoleTitle => "Modifier le rôle", "Edit the role";
    RoleNotFound => "Ce rôle n'existe pas ou ne peut pas être modifié.", "This role does not exist or cannot be edited.";
    BuiltinReadOnly => "Rôle fourni, en lecture seule\u{a0}: dupliquez-le pour l'adapter.", "Built-in role, read-only: duplicate it to adapt it.";
    CopySuffixFr => "(copie)", "(copie)";
    CopySuffixEn => "(copy)", "(copy)";
    NewRoleNameFr => "Nouveau rôle", "Nouveau rôle";
    NewRoleNameEn => "New role", "New role";
    Min => "Min.", "Min";
    Max => "Max.", "Max";
    BackToRoles => "Tous les rôles", "All roles";
    SettingsTitle => "Réglages et données", "Settings and data";
    StorageSection => "Stockage dans ce navigateur", "Storage in this browser";
    PersistGranted => "Stockage persistant accordé\u{a0}: le navigateur ne videra pas ces données pour faire de la place.", "Persistent storage granted: the browser will not clear this data to free space.";
    PersistDenied => "Stockage persistant non accordé\u{a0}: le navigateur pourrait effacer ces données s'il manque de place. Exportez-les régulièrement.", "Persistent storage not granted: the browser may clear this data when space runs low. Export it regularly.";
    PersistUnsupported => "Ce navigateur ne permet pas de demander un stockage persistant. Exportez vos données régulièrement.", "This browser cannot be asked for persistent storage. Export your data regularly.";
    PersistPending => "Demande de stockage persistant en cours…", "Asking for persistent storage…";
    DataSection => "Exporter et importer", "Export and import";
    DataIntro => "Vos données restent dans ce navigateur\u{a0}: seul un export les fait sortir. Un import ajoute les campagnes du fichier, ou les met à jour si la copie du fichier est plus récente\u{202f}; rien n'est effacé.", "Your data stays in this browser: only an export takes it out. An import adds the file's campaigns, or updates them when the file's copy is newer; nothing is erased.";
    ExportAll => "Exporter toutes les données", "Export all data";
    ImportFile => "Importer un fichier Rally (.json)", "Import a Rally file (.json)";
    Importing => "Lecture du fichier…", "Reading the file…";
    LanguageSection => "Langue", "Language";
    StorageFull => "Le stockage du navigateur est plein\u{a0}: les dernières modifications ne sont pas enregistrées. Elles restent affichées\u{202f}; exportez vos données maintenant pour ne rien perdre.", "The browser's storage is full: the latest changes are not saved. They are still on screen; export your data now so nothing is lost.";
    StorageUnavailable => "Le stockage du navigateur n'est pas disponible (navigation privée ou réglage du navigateur)\u{a0}: rien ne sera conservé après fermeture. Exportez vos données avant de partir.", "The browser's storage is unavailable (private browsing or a browser setting): nothing will be kept after closing. Export your data before you leave.";
    OtherTab => "Ces données viennent d'être modifiées dans un autre onglet. Pour ne rien écraser, l'enregistrement automatique est suspendu ici.", "This data was just changed in another tab. So that nothing is overwritten, autosave is paused here.";
    LoadOtherTab => "Charger la version de l'autre onglet", "Load the other tab's version";
    KeepMine => "Garder cette version et l'enregistrer", "Keep this version and save it";
    ExportNow => "Exporter maintenant", "Export now";
    StoredUnreadable => "Les données enregistrées dans ce navigateur n'ont pas pu être relues. Elles sont conservées à part, sans être effacées\u{202f}; l'application démarre vide.", "The data saved in this browser could not be read back. It has been kept aside, not erased; the app starts empty.";
    NotFoundTitle => "Page introuvable", "Page not found";
    NotFoundBody => "Cette adresse ne correspond à aucune page de Rally.", "This address does not match any Rally page.";
    ImportFailed => "Le fichier n'a pas été importé, et vos données n'ont pas changé.", "The file was not imported, and your data has not changed.";
    UndoImport => "Annuler l'import", "Undo the import";
    InstrumentsNone => "Aucun instrument choisi.", "No instrument chosen.";
}

/// "Remove: Jean Dupont" — an action and what it applies to, for accessible names.
pub fn action_on(lang: Lang, action: &str, object: &str) -> String {
    match lang {
        Lang::Fr => format!("{action}\u{a0}: {object}"),
        Lang::En => format!("{action}: {object}"),
    }
}

/// A status, in words.
pub fn status(lang: Lang, s: Status) -> &'static str {
    match s {
        Status::Draft => T::StatusDraft,
        Status::Active => T::StatusActive,
        Status::Closed => T::StatusClosed,
        Status::Archived => T::StatusArchived,
    }
    .get(lang)
}

/// The name of a support axis.
pub fn axis(lang: Lang, a: SupportAxis) -> &'static str {
    let (fr, en) = match a {
        SupportAxis::Law => ("Droit", "Law"),
        SupportAxis::Finance => ("Finance", "Finance"),
        SupportAxis::ItDigital => ("Informatique et numérique", "IT and digital"),
        SupportAxis::RulesProcedures => ("Règles et procédures", "Rules and procedures"),
        SupportAxis::SalesAdministration => ("Administration des ventes", "Sales administration"),
        SupportAxis::DigitalCommunication => ("Communication digitale", "Digital communication"),
        SupportAxis::Hr => ("Ressources humaines", "Human resources"),
    };
    pick(lang, fr, en)
}

pub fn posture(lang: Lang, p: Posture) -> &'static str {
    let (fr, en) = match p {
        Posture::Conductor => ("Chef d'orchestre", "Conductor"),
        Posture::BusinessPartner => ("Business partner", "Business partner"),
        Posture::Entrepreneur => ("Entrepreneur", "Entrepreneur"),
    };
    pick(lang, fr, en)
}

pub fn soft_skill(lang: Lang, s: SoftSkill) -> &'static str {
    let (fr, en) = match s {
        SoftSkill::InterpersonalIntelligence => (
            "Intelligence interpersonnelle",
            "Interpersonal intelligence",
        ),
        SoftSkill::IntelligenceOfParadoxes => {
            ("Intelligence des paradoxes", "Intelligence of paradoxes")
        }
        SoftSkill::BusinessPartnerPosture => {
            ("Posture de business partner", "Business-partner posture")
        }
    };
    pick(lang, fr, en)
}

/// An instrument's name and a one-line description.
pub fn instrument(lang: Lang, i: InstrumentId) -> (&'static str, &'static str) {
    let (fr, en) = match i {
        InstrumentId::InterpersonalIntelligence => (
            ("Intelligence interpersonnelle", "Créer et entretenir des relations, collaborer, accepter la diversité, loyauté."),
            ("Interpersonal intelligence", "Building and keeping relationships, collaboration, accepting diversity, loyalty."),
        ),
        InstrumentId::IntelligenceOfParadoxes => (
            ("Intelligence des paradoxes", "Tenir ensemble transparence et confidentialité, empathie et distance, remise en question et bienveillance."),
            ("Intelligence of paradoxes", "Holding together transparency and confidentiality, empathy and distance, self-questioning and benevolence."),
        ),
        InstrumentId::BusinessPartnerPosture => (
            ("Posture de business partner", "Travailler avec le client interne, remonter aux enjeux, proposer et accepter un refus."),
            ("Business-partner posture", "Working with the internal client, going up to the stakes, proposing and accepting a refusal."),
        ),
        InstrumentId::SupportAxisProfile => (
            ("Profil sur les axes du support", "Maîtrise et appétence déclarées pour chaque axe, comparées au profil du rôle."),
            ("Support-axis profile", "Self-rated mastery and appetite on each axis, compared with the role's profile."),
        ),
        InstrumentId::ThreePostures => (
            ("Les trois postures", "Chef d'orchestre, business partner, entrepreneur."),
            ("The three postures", "Conductor, business partner, entrepreneur."),
        ),
        InstrumentId::SessionDebrief => (
            ("Débrief de séance", "Le dirigeant et le candidat disent, après chaque séance, comment ils ont travaillé ensemble."),
            ("Session debrief", "After each session, the leader and the candidate say how they worked together."),
        ),
        InstrumentId::ObservationGrid => (
            ("Grille d'observation", "Le médiateur code les échanges pendant la séance, puis les évalue sur une grille ancrée."),
            ("Observation grid", "The mediator codes the exchanges during the session, then rates them on an anchored grid."),
        ),
    };
    match lang {
        Lang::Fr => fr,
        Lang::En => en,
    }
}

/// The words for a mastery level on the 1–5 scale.
pub fn level(lang: Lang, level: u8) -> &'static str {
    let (fr, en) = match level {
        1 => ("Notions", "Awareness"),
        2 => ("Pratique guidée", "Working knowledge"),
        3 => ("Pratique autonome", "Autonomous practice"),
        4 => ("Avancé", "Advanced"),
        _ => ("Expert", "Expert"),
    };
    pick(lang, fr, en)
}

fn pick(lang: Lang, fr: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Fr => fr,
        Lang::En => en,
    }
}

pub fn people_title(lang: Lang, list: PeopleList) -> &'static str {
    match list {
        PeopleList::Candidates => T::Candidates,
        PeopleList::Mediators => T::Mediators,
    }
    .get(lang)
}

pub fn session_title(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Fr => format!("Séance {n}"),
        Lang::En => format!("Session {n}"),
    }
}

/// "Person 2" — the accessible name of a row of the people editor.
pub fn person_row(lang: Lang, list: PeopleList, n: usize) -> String {
    match (lang, list) {
        (Lang::Fr, PeopleList::Candidates) => format!("Candidat {n}"),
        (Lang::Fr, PeopleList::Mediators) => format!("Médiateur {n}"),
        (Lang::En, PeopleList::Candidates) => format!("Candidate {n}"),
        (Lang::En, PeopleList::Mediators) => format!("Mediator {n}"),
    }
}

pub fn campaign_count(lang: Lang, shown: usize, hidden_archived: usize) -> String {
    let base = match (lang, shown) {
        (Lang::Fr, 0 | 1) => format!("{shown} campagne"),
        (Lang::Fr, _) => format!("{shown} campagnes"),
        (Lang::En, 1) => "1 campaign".to_owned(),
        (Lang::En, _) => format!("{shown} campaigns"),
    };
    match (lang, hidden_archived) {
        (_, 0) => base,
        (Lang::Fr, n) => format!("{base} (+{n} archivée{})", if n > 1 { "s" } else { "" }),
        (Lang::En, n) => format!("{base} (+{n} archived)"),
    }
}

pub fn posture_total(lang: Lang, total: u32) -> String {
    match lang {
        Lang::Fr => format!("Total\u{a0}: {total}\u{a0}% (doit faire 100\u{a0}%)"),
        Lang::En => format!("Total: {total}% (must be 100%)"),
    }
}

pub fn percent(lang: Lang, value: u8) -> String {
    match lang {
        Lang::Fr => format!("{value}\u{a0}%"),
        Lang::En => format!("{value}%"),
    }
}

/// What an undo button would revert, as "Undo: …".
pub fn undo_label(lang: Lang, action: &Action) -> String {
    let what = match action {
        Action::CreateCampaign { .. } => ("la création de la campagne", "creating the campaign"),
        Action::DeleteCampaign { .. } => ("la suppression de la campagne", "deleting the campaign"),
        Action::SaveRole { .. } => ("l'enregistrement du rôle", "saving the role"),
        Action::DeleteRole { .. } => ("la suppression du rôle", "deleting the role"),
        Action::Campaign { action, .. } => match action {
            CampaignAction::Rename { .. } => ("le changement de nom", "the name change"),
            CampaignAction::SetLeader { .. } => {
                ("la modification du dirigeant", "the change to the leader")
            }
            CampaignAction::SetStatus { .. } => ("le changement de statut", "the status change"),
            CampaignAction::Archive => ("l'archivage", "archiving"),
            CampaignAction::Unarchive => ("le désarchivage", "unarchiving"),
            CampaignAction::ReplaceRole { .. } => ("le changement de rôle", "the role change"),
            CampaignAction::AddPerson { .. } => ("l'ajout d'une personne", "adding a person"),
            CampaignAction::UpdatePerson { .. } => {
                ("la modification d'une personne", "the change to a person")
            }
            CampaignAction::RemovePerson { .. } => {
                ("le retrait d'une personne", "removing a person")
            }
            CampaignAction::AddSession { .. } => ("l'ajout d'une séance", "adding a session"),
            CampaignAction::UpdateSession { .. } => {
                ("la modification d'une séance", "the change to a session")
            }
            CampaignAction::RemoveSession { .. } => {
                ("le retrait d'une séance", "removing a session")
            }
            CampaignAction::SetInstruments { .. } => {
                ("le choix des instruments", "the choice of instruments")
            }
        },
    };
    match lang {
        Lang::Fr => format!("Annuler {}", what.0),
        Lang::En => format!("Undo {}", what.1),
    }
}

pub fn campaign_error(lang: Lang, e: &CampaignError) -> &'static str {
    let (fr, en) = match e {
        CampaignError::NameRequired => {
            ("Donnez un nom à la campagne.", "Give the campaign a name.")
        }
        CampaignError::LeaderRequired => (
            "Indiquez le nom du dirigeant qui recrute.",
            "Enter the name of the hiring leader.",
        ),
        CampaignError::PersonNameRequired => (
            "Indiquez le nom de la personne.",
            "Enter the person's name.",
        ),
        CampaignError::TooLong => ("Ce texte est trop long.", "This text is too long."),
        CampaignError::ForbiddenCharacters => (
            "Ce texte contient des caractères invisibles de contrôle\u{202f}; retirez-les.",
            "This text contains invisible control characters; please remove them.",
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
        (_, RoleProblem::PostureTotal(t)) => posture_total(lang, *t),
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
        FieldworkError::Text(c) => campaign_error(lang, c).to_owned(),
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
            let why = match problem {
                Problem::Campaign(c) => campaign_error(lang, c).to_owned(),
                Problem::Role(r) => role_problem(lang, r),
                Problem::DuplicateCampaign => pick(
                    lang,
                    "deux campagnes portent le même identifiant.",
                    "two campaigns have the same identifier.",
                )
                .into(),
                Problem::DuplicateRole => pick(lang, "deux rôles portent le même identifiant.", "two roles have the same identifier.").into(),
                Problem::ReservedRoleId => pick(
                    lang,
                    "ce rôle se fait passer pour un rôle fourni.",
                    "this role poses as a built-in role.",
                )
                .into(),
                Problem::TooManyCampaigns => pick(lang, "il y aurait trop de campagnes.", "there would be too many campaigns.").into(),
                Problem::TooManyRoles => pick(lang, "il y aurait trop de rôles.", "there would be too many roles.").into(),
                Problem::Fieldwork(e) => fieldwork_error(lang, e),
                Problem::DuplicateKit => pick(lang, "deux kits portent le même identifiant.", "two kits have the same identifier.").into(),
                Problem::TooManyObservations => {
                    pick(lang, "il y aurait trop d'observations.", "there would be too many observations.").into()
                }
                Problem::Invitation(e) => survey::invitation_error(lang, e).into(),
                Problem::DuplicateInvitation => pick(lang, "deux invitations portent le même identifiant.", "two invitations have the same identifier.").into(),
                Problem::TooManyResponses => pick(lang, "il y aurait trop de réponses ou d'invitations.", "there would be too many responses or invitations.").into(),
                Problem::TooManyAnswers => pick(lang, "une réponse compte plus de réponses qu'un questionnaire n'a de questions.", "a response holds more answers than any questionnaire has items.").into(),
            };
            match lang {
                Lang::Fr => format!("Ce fichier contient une donnée incorrecte («\u{a0}{path}\u{a0}»)\u{a0}: {why}"),
                Lang::En => format!("This file contains incorrect data (“{path}”): {why}"),
            }
        }
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
    match (lang, parts.is_empty()) {
        (Lang::Fr, true) => "Import terminé\u{a0}: le fichier ne contenait rien de nouveau.".into(),
        (Lang::En, true) => "Import finished: the file held nothing new.".into(),
        (Lang::Fr, false) => format!("Import terminé\u{a0}: {}.", parts.join(", ")),
        (Lang::En, false) => format!("Import finished: {}.", parts.join(", ")),
    }
}

/// A size in megabytes, with the locale's decimal mark.
pub fn megabytes(lang: Lang, bytes: usize) -> String {
    let mb = bytes as f64 / (1024.0 * 1024.0);
    match lang {
        Lang::Fr => format!("{} Mo", number(lang, mb, 1)),
        Lang::En => format!("{} MB", number(lang, mb, 1)),
    }
}

/// A number with `decimals` digits after the mark: "1 234,5" in French, "1,234.5" in English.
pub fn number(lang: Lang, value: f64, decimals: usize) -> String {
    if !value.is_finite() || value.abs() >= 1e15 {
        return "—".into();
    }
    // Integer arithmetic rather than float formatting: exact rounding, and a smaller bundle.
    let decimals = decimals.min(6);
    let scale = 10u64.pow(decimals as u32);
    let scaled = (value.abs() * scale as f64).round() as u64;
    let (int, frac) = (scaled / scale, scaled % scale);
    let (group, mark) = match lang {
        Lang::Fr => ('\u{202f}', ','),
        Lang::En => (',', '.'),
    };
    let digits = int.to_string();
    let mut out = String::new();
    if value < 0.0 && scaled > 0 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(group);
        }
        out.push(c);
    }
    if decimals > 0 {
        out.push(mark);
        out.push_str(&format!("{frac:0decimals$}"));
    }
    out
}

const MONTHS_FR: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// "3 décembre 2026" / "3 December 2026".
pub fn date(lang: Lang, d: NaiveDate) -> String {
    let m = d.month0() as usize;
    match lang {
        Lang::Fr => {
            let day = if d.day() == 1 {
                "1er".to_owned()
            } else {
                d.day().to_string()
            };
            format!("{day} {} {}", MONTHS_FR[m], d.year())
        }
        Lang::En => format!("{} {} {}", d.day(), MONTHS_EN[m], d.year()),
    }
}

/// A local date and time: "3 décembre 2026 à 09:05" / "3 December 2026, 09:05".
pub fn date_time(lang: Lang, dt: NaiveDateTime) -> String {
    let hm = format!("{:02}:{:02}", dt.hour(), dt.minute());
    match lang {
        Lang::Fr => format!("{} à {hm}", date(lang, dt.date())),
        Lang::En => format!("{}, {hm}", date(lang, dt.date())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_static_text_exists_in_both_languages_and_differs_where_it_should() {
        for t in T::ALL {
            assert!(!t.get(Lang::Fr).trim().is_empty(), "{t:?} fr");
            assert!(!t.get(Lang::En).trim().is_empty(), "{t:?} en");
        }
        assert_ne!(T::NewCampaign.get(Lang::Fr), T::NewCampaign.get(Lang::En));
    }

    #[test]
    fn numbers_follow_the_locale() {
        assert_eq!(number(Lang::En, 1234.5, 1), "1,234.5");
        assert_eq!(number(Lang::Fr, 1234.5, 1), "1\u{202f}234,5");
        assert_eq!(number(Lang::Fr, 12.0, 0), "12");
        assert_eq!(number(Lang::En, -0.04, 1), "0.0");
        assert_eq!(number(Lang::En, -2.25, 2), "-2.25");
        assert_eq!(number(Lang::En, 1_000_000.0, 0), "1,000,000");
        assert_eq!(number(Lang::En, f64::NAN, 1), "—");
    }

    #[test]
    fn dates_follow_the_locale() {
        let d = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        assert_eq!(date(Lang::Fr, d), "1er décembre 2026");
        assert_eq!(date(Lang::En, d), "1 December 2026");
        let dt = d.and_hms_opt(9, 5, 0).unwrap();
        assert_eq!(date_time(Lang::Fr, dt), "1er décembre 2026 à 09:05");
        assert_eq!(date_time(Lang::En, dt), "1 December 2026, 09:05");
    }

    #[test]
    fn language_codes() {
        assert_eq!(Lang::from_code("fr-FR"), Some(Lang::Fr));
        assert_eq!(Lang::from_code("EN"), Some(Lang::En));
        assert_eq!(Lang::from_code("de"), None);
        assert_eq!(Lang::from_code(""), None);
    }

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
}
