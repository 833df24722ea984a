//! The one message catalogue: every text a user reads, in French and English. Static texts are
//! variants of [`T`]; texts with values (counts, errors, dates) are functions below. The UI
//! never writes a user-visible string inline.

use crate::domain::campaign::{CampaignAction, InstrumentId, PeopleList, Status};
use crate::domain::role::{Posture, SoftSkill, SupportAxis};
use crate::domain::workspace::Action;

use crate::domain::lang::{catalogue, Lang};

pub mod analysis;
pub mod charts;
pub mod compatibility;
pub mod debrief;
pub mod decision;
mod errors;
mod format;
pub mod observe;
pub mod picture;
pub mod privacy;
pub mod protect;
pub mod quality;
pub mod reading;
pub mod respond;
pub mod results;
pub mod survey;

pub use errors::{
    action_error, campaign_error, fieldwork_error, import_error, list_import_error, merge_report,
    observation_error, role_problem,
};
pub use format::{date, date_time, megabytes, number, percent};

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
    Loading => "Chargement de vos données…", "Loading your data…";
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
    OnThisPage => "Sur cette page", "On this page";
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
    UpdateReady => "Une nouvelle version est prête\u{a0}— ", "A new version is ready\u{a0}— ";
    UpdateReload => "recharger", "reload";
    UpdateReloadHint => "Vos modifications sont enregistrées avant le rechargement.", "Your changes are saved before the page reloads.";
    LoadOtherTab => "Charger la version de l'autre onglet", "Load the other tab's version";
    KeepMine => "Garder cette version et l'enregistrer", "Keep this version and save it";
    ExportNow => "Exporter maintenant", "Export now";
    StoredUnreadable => "Les données enregistrées dans ce navigateur n'ont pas pu être relues. Elles sont conservées à part, sans être effacées\u{202f}; l'application démarre vide.", "The data saved in this browser could not be read back. It has been kept aside, not erased; the app starts empty.";
    NotFoundTitle => "Page introuvable", "Page not found";
    NotFoundBody => "Cette adresse ne correspond à aucune page de Rally.", "This address does not match any Rally page.";
    ImportFailed => "Le fichier n'a pas été importé, et vos données n'ont pas changé.", "The file was not imported, and your data has not changed.";
    UndoImport => "Annuler l'import", "Undo the import";
    InstrumentsNone => "Aucun instrument choisi.", "No instrument chosen.";
    DecisionRecorded => "Décision enregistrée. Vous pouvez encore annuler.", "Decision recorded. You can still undo.";
    SampleAdded => "Campagne d'exemple ajoutée\u{a0}: toutes les personnes et tous les chiffres sont fictifs.", "Sample campaign added: every person and every figure is fictitious.";
    SampleRemoved => "Données d'exemple retirées.", "Sample data removed.";
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

/// What an undo button would revert, as "Undo: …".
pub fn undo_label(lang: Lang, action: &Action) -> String {
    let what = match action {
        Action::CreateCampaign { .. } => ("la création de la campagne", "creating the campaign"),
        Action::DeleteCampaign { .. } => ("la suppression de la campagne", "deleting the campaign"),
        Action::SaveRole { .. } => ("l'enregistrement du rôle", "saving the role"),
        Action::DeleteRole { .. } => ("la suppression du rôle", "deleting the role"),
        Action::EraseOverdue { .. } => (
            "l'effacement des données échues (dans les campagnes seulement)",
            "erasing the overdue data (in the campaigns only)",
        ),
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
            CampaignAction::RecordDecision { .. } => {
                ("l'enregistrement de la décision", "recording the decision")
            }
            CampaignAction::ChooseVersion { .. } | CampaignAction::ClearVersionChoice { .. } => (
                "le choix de la version retenue",
                "the choice of the version that counts",
            ),
            CampaignAction::SetClockOffset { .. } | CampaignAction::ClearClockOffset { .. } => {
                ("le réglage de l'horloge", "the clock alignment")
            }
            CampaignAction::SetRetention { .. } => (
                "le changement de durée de conservation",
                "the change to the retention period",
            ),
            CampaignAction::ErasePerson { .. } => (
                "l'effacement (dans la campagne seulement)",
                "the erasure (in the campaign only)",
            ),
        },
    };
    match lang {
        Lang::Fr => format!("Annuler {}", what.0),
        Lang::En => format!("Undo {}", what.1),
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
}
