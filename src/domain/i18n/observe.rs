//! Texts of the mediator's observation screens (part of the one catalogue, see the parent
//! module): the kits page, live coding and the rating grid, plus the texts with values (clock
//! times, counts, refusals) and the reading of a time typed as `mm:ss`.

use super::{date, fieldwork_error, observation_error, pick, Lang};
use crate::domain::campaign::WorkSession;
use crate::domain::fieldwork::FieldworkError;
use crate::domain::lang::catalogue;
use crate::domain::observation::log::ObservationError;
use crate::domain::observation::rating::default_bars;
use chrono::Timelike;

catalogue! {
    O;
    NavObserve => "Observation", "Observation";

    // The kits page.
    KitsTitle => "Vos kits d'observation", "Your observation kits";
    KitsIntro => "Pour chaque campagne que vous observez, le recruteur vous remet un kit\u{a0}: les séances prévues et la grille de codage. Vous codez chaque séance ici, vous la notez, puis vous renvoyez le fichier de l'observation.", "For each campaign you observe, the recruiter gives you a kit: the planned sessions and the coding scheme. You code each session here, rate it, then send back the observation file.";
    NoKitTitle => "Aucun kit dans ce navigateur", "No kit in this browser yet";
    NoKitBody => "Le recruteur vous envoie un fichier de kit (.json) pour chaque campagne que vous observez. Importez-le ici pour voir les séances et commencer à coder.", "The recruiter sends you a kit file (.json) for each campaign you observe. Import it here to see the sessions and start coding.";
    NoKitPrivacy => "Le kit et vos observations restent dans ce navigateur\u{a0}: rien n'est envoyé tant que vous n'exportez pas vous-même l'observation.", "The kit and your observations stay in this browser: nothing is sent until you export the observation yourself.";
    AnotherKitTitle => "Un autre kit\u{202f}?", "Another kit?";
    AnotherKitBody => "Importez ici un nouveau kit reçu du recruteur. Importer deux fois le même fichier ne crée pas de doublon.", "Import here a new kit from the recruiter. Importing the same file twice creates no duplicate.";
    FactRole => "Rôle", "Role";
    FactLeader => "Dirigeant", "Leader";
    FactMediator => "Médiateur (vous)", "Mediator (you)";
    FactIssued => "Kit remis le", "Kit issued";
    SessionsTitle => "Séances", "Sessions";
    NoSessions => "Ce kit ne prévoit aucune séance.", "This kit plans no session.";
    StateNotStarted => "Pas commencée", "Not started";
    StateInProgress => "En cours", "In progress";
    StateSubmitted => "Remise", "Submitted";
    ObserveSession => "Observer cette séance", "Observe this session";
    Continue => "Reprendre", "Continue";
    Open => "Ouvrir", "Open";
    ExportObservation => "Exporter l'observation", "Export the observation";
    BackToKits => "Vos kits", "Your kits";
    SessionNotFoundTitle => "Séance introuvable", "Session not found";
    SessionNotFound => "Ce kit ou cette séance n'existe pas dans ce navigateur. Importez le kit reçu du recruteur depuis la page des kits.", "This kit or session is not in this browser. Import the kit from the recruiter on the kits page.";

    // Live coding.
    CodingTitle => "Codage en direct", "Live coding";
    NotStartedTitle => "Observation pas encore commencée", "Observation not started yet";
    NotStartedBody => "Commencez l'observation pour ouvrir la grille de codage. Le chronomètre ne démarre que lorsque vous le lancez.", "Start the observation to open the coding pad. The clock only starts when you start it.";
    SessionClock => "Chronomètre de la séance", "Session clock";
    ClockNotStarted => "pas démarré", "not started";
    ClockRunning => "en marche", "running";
    ClockPaused => "en pause", "paused";
    ClockStopped => "arrêté (observation envoyée)", "stopped (observation submitted)";
    StartClock => "Démarrer le chronomètre", "Start the clock";
    PauseClock => "Pause", "Pause";
    ResumeClock => "Reprendre le chronomètre", "Resume the clock";
    GoToRating => "Noter la séance", "Rate the session";
    PadTitle => "Codage", "Coding";
    WhoActs => "Qui agit", "Who acts";
    ChooseCode => "choisissez un code… (Échap pour annuler)", "choose a code… (Esc to cancel)";
    AddModifier => "préciser\u{a0}?", "add a detail?";
    OtherKeyNoModifier => "Toute autre touche\u{a0}: sans précision.", "Any other key: no detail.";
    ModifierGroup => "Précision du dernier code", "Detail of the last code";
    NoModifier => "Sans précision", "No detail";
    StartClockFirst => "Démarrez le chronomètre pour coder en direct. Vous pouvez aussi insérer un évènement à une heure choisie.", "Start the clock to code live. You can also insert an event at a chosen time.";
    LastCoded => "Dernier codé\u{a0}:", "Last coded:";
    Removed => "Retiré\u{a0}:", "Removed:";
    PutBack => "Le remettre", "Put it back";
    Ongoing => "en cours", "ongoing";
    Nobody => "Personne", "Nobody";
    Colon => "\u{a0}: ", ": ";
    ShortcutsTitle => "Raccourcis clavier", "Keyboard shortcuts";
    ShortcutCode => "Puis la touche du code\u{a0}: l'évènement est daté au moment de cette touche.", "Then the code's key: the event is timed at that key press.";
    ShortcutAlone => "Silence et moment à noter\u{a0}: leur touche seule. Le silence commence au premier appui et s'arrête au suivant.", "Silence and moment to note: their key alone. A silence starts on the first press and ends on the next.";
    ShortcutModifier => "Code avec précisions (reformule, propose)\u{a0}: une troisième touche facultative la précise.", "Codes with details (reformulates, proposes): an optional third key adds the detail.";
    ShortcutEscape => "Échap\u{a0}: annule la saisie en cours.", "Esc: cancels what is being typed.";
    ShortcutUndo => "Ctrl+Z ou Retour arrière\u{a0}: retire le dernier évènement saisi.", "Ctrl+Z or Backspace: removes the last event logged.";
    ShortcutFields => "Les raccourcis sont ignorés pendant la saisie d'une note ou d'un formulaire.", "Shortcuts are ignored while you type a note or fill in a form.";
    EventsTitle => "Évènements", "Events";
    UndoLast => "Annuler le dernier évènement", "Undo last event";
    NoEvents => "Aucun évènement codé pour l'instant.", "No event coded yet.";
    Edit => "Modifier", "Edit";
    Delete => "Supprimer", "Delete";
    EditEvent => "Modifier l'évènement", "Edit the event";
    SaveEvent => "Enregistrer", "Save";
    InsertTitle => "Insérer un évènement à une heure choisie", "Insert an event at a chosen time";
    InsertLegend => "Nouvel évènement", "New event";
    InsertSubmit => "Insérer", "Insert";
    FieldCode => "Code", "Code";
    FieldActor => "Qui", "Who";
    FieldModifier => "Précision", "Detail";
    FieldTime => "Moment de la séance", "Session time";
    TimeHint => "minutes:secondes, par exemple 12:05", "minutes:seconds, for example 12:05";
    FieldDuration => "Durée", "Duration";
    DurationHint => "minutes:secondes\u{a0}; vide si l'état est toujours en cours", "minutes:seconds; empty if it is still going on";
    BadTimeFormat => "Écrivez un moment sous la forme minutes:secondes, par exemple 12:05.", "Write a time as minutes:seconds, for example 12:05.";
    NotesTitle => "Notes", "Notes";
    NoteLabel => "Note libre", "Free note";
    NoteHint => "Datée avec le chronomètre au moment où vous l'ajoutez.", "Timed with the session clock when you add it.";
    AddNote => "Ajouter", "Add";
    NoNotes => "Aucune note pour l'instant.", "No note yet.";
    DeleteNote => "Supprimer la note", "Delete the note";
    ShowFewerNotes => "N'afficher que les dernières notes", "Show only the latest notes";

    // The rating grid.
    RatingTitle => "Grille de notation", "Rating grid";
    BlindNote => "Vous ne voyez ici que votre propre observation\u{a0}: le codage et les évaluations des autres médiateurs pour cette séance restent chez le recruteur.", "You only see your own observation here: other mediators' coding and ratings of this session stay with the recruiter.";
    RatingIntro => "Pour chaque dimension, choisissez la description qui ressemble le plus à ce que vous avez vu pendant la séance. Vous pouvez y rattacher des évènements codés comme preuves.", "For each dimension, choose the description closest to what you saw during the session. You can link coded events to it as evidence.";
    BackToCoding => "Retour au codage", "Back to coding";
    GoToCoding => "Aller au codage", "Go to coding";
    RateNeedsObservation => "La grille se remplit après le codage de la séance. Commencez l'observation depuis la page de codage.", "The grid is filled in after coding the session. Start the observation from the coding page.";
    ClearRating => "Effacer ce choix", "Clear this choice";
    CommentOptional => "Commentaire (facultatif)", "Comment (optional)";
    CommentLabel => "Commentaire\u{a0}: ", "Comment: ";
    RateFirst => "Choisissez d'abord une description\u{a0}; le commentaire et les preuves s'y rattachent.", "Choose a description first; the comment and the evidence belong to it.";
    Chosen => "Description retenue\u{a0}: ", "Chosen description: ";
    NotRated => "Dimension non notée.", "Dimension not rated.";
    EvidenceChoose => "Choisir des évènements codés", "Choose coded events";
    NoEvidence => "Aucun évènement rattaché.", "No event linked.";
    NoEvidenceYet => "Aucun évènement rattaché pour l'instant.", "No event linked yet.";
    Unlink => "Détacher", "Unlink";
    UnlinkMark => "×", "×";
    FilterCode => "Code", "Code";
    AllCodes => "Tous les codes", "All codes";
    FilterActor => "Qui", "Who";
    Everyone => "Tout le monde", "Everyone";
    SynthesisTitle => "Synthèse", "Synthesis";
    SynthesisLabel => "Votre synthèse de la séance", "Your synthesis of the session";
    SynthesisHint => "Enregistrée dès que vous quittez le champ.", "Saved as soon as you leave the field.";
    NoSynthesis => "Aucune synthèse.", "No synthesis.";
    SubmitTitle => "Remettre l'observation", "Submit the observation";
    SubmitExplain => "Remettre l'observation la verrouille\u{a0}: le chronomètre s'arrête, un silence en cours se termine, et ni le codage, ni les notes, ni la grille, ni la synthèse ne peuvent plus changer. Vous l'exportez ensuite pour l'envoyer au recruteur.", "Submitting locks the observation: the clock stops, an ongoing silence ends, and neither the coding, the notes, the grid nor the synthesis can change afterwards. You then export it to send it to the recruiter.";
    SubmitOpen => "Remettre l'observation…", "Submit the observation…";
    ConfirmSubmit => "Remettre maintenant\u{a0}? Plus rien ne pourra être modifié.", "Submit now? Nothing can be changed afterwards.";
    ConfirmSubmitYes => "Oui, remettre et verrouiller", "Yes, submit and lock";
    SubmitIncomplete => "Remettre quand même, incomplète", "Submit anyway, incomplete";
    UnratedRefused => "Toutes les dimensions ne sont pas notées. Notez-les, ou remettez l'observation incomplète en connaissance de cause.", "Not every dimension is rated. Rate them, or knowingly submit the observation as incomplete.";
    SendBackTitle => "Renvoyer l'observation", "Send the observation back";
    SendBackBody => "Exportez l'observation et envoyez le fichier au recruteur, qui l'importera dans sa campagne.", "Export the observation and send the file to the recruiter, who will import it into the campaign.";
}

/// Session time as the clock shows it: `mm:ss`, minutes not wrapped into hours (`75:02`).
pub fn clock_text(ms: u64) -> String {
    format!("{:02}:{:02}", ms / 60_000, (ms / 1_000) % 60)
}

/// Session time to the millisecond when it has one (`03:12.457`), for editing without loss.
pub fn clock_text_exact(ms: u64) -> String {
    match ms % 1_000 {
        0 => clock_text(ms),
        rest => format!("{}.{rest:03}", clock_text(ms)),
    }
}

/// Reads a time typed as `m:ss`, `mm:ss`, `h:mm:ss`, each with optional `.mmm` (a comma
/// works too), or a number of seconds alone.
pub fn parse_clock(text: &str) -> Option<u64> {
    let text = text.trim().replace(',', ".");
    if text.is_empty() {
        return None;
    }
    let (whole, fraction) = match text.split_once('.') {
        Some((w, f)) => (w.to_owned(), Some(f.to_owned())),
        None => (text.clone(), None),
    };
    let millis = match fraction {
        None => 0,
        Some(f) if !f.is_empty() && f.len() <= 3 && f.bytes().all(|b| b.is_ascii_digit()) => {
            format!("{f:0<3}").parse::<u64>().ok()?
        }
        Some(_) => return None,
    };
    let parts: Vec<&str> = whole.split(':').collect();
    let number = |p: &str| -> Option<u64> {
        if p.is_empty() || p.len() > 6 || !p.bytes().all(|b| b.is_ascii_digit()) {
            None
        } else {
            p.parse().ok()
        }
    };
    let seconds = match parts.as_slice() {
        [s] => number(s)?,
        [m, s] => {
            let s = number(s)?;
            if s >= 60 {
                return None;
            }
            number(m)? * 60 + s
        }
        [h, m, s] => {
            let (m, s) = (number(m)?, number(s)?);
            if m >= 60 || s >= 60 {
                return None;
            }
            number(h)? * 3_600 + m * 60 + s
        }
        _ => return None,
    };
    seconds.checked_mul(1_000)?.checked_add(millis)
}

/// "3 décembre 2026 à 09:30" / "3 December 2026, 09:30", or what is known of it.
pub fn session_when(lang: Lang, s: &WorkSession) -> Option<String> {
    let time = s.time.map(|t| format!("{:02}:{:02}", t.hour(), t.minute()));
    match (s.date, time) {
        (Some(d), Some(t)) => Some(match lang {
            Lang::Fr => format!("{} à {t}", date(lang, d)),
            Lang::En => format!("{}, {t}", date(lang, d)),
        }),
        (Some(d), None) => Some(date(lang, d)),
        (None, Some(t)) => Some(t),
        (None, None) => None,
    }
}

/// "Session 2 — Budget support 2027", or "Session 2" without a topic.
pub fn session_name(lang: Lang, number: usize, topic: &str) -> String {
    let title = super::session_title(lang, number);
    if topic.trim().is_empty() {
        title
    } else {
        format!("{title} — {}", topic.trim())
    }
}

/// "Candidate: Jean Dupont".
pub fn candidate_line(lang: Lang, name: &str) -> String {
    match lang {
        Lang::Fr => format!("Candidat\u{a0}: {name}"),
        Lang::En => format!("Candidate: {name}"),
    }
}

/// "Session 2 with Jean Dupont".
pub fn session_with(lang: Lang, session: &str, candidate: &str) -> String {
    match lang {
        Lang::Fr => format!("{session} avec {candidate}"),
        Lang::En => format!("{session} with {candidate}"),
    }
}

pub fn leader_line(lang: Lang, name: &str, title: &str) -> String {
    let who = if title.trim().is_empty() {
        name.to_owned()
    } else {
        format!("{name} ({})", title.trim())
    };
    match lang {
        Lang::Fr => format!("Dirigeant\u{a0}: {who}"),
        Lang::En => format!("Leader: {who}"),
    }
}

pub fn mediator_line(lang: Lang, name: &str) -> String {
    match lang {
        Lang::Fr => format!("Médiateur\u{a0}: {name}"),
        Lang::En => format!("Mediator: {name}"),
    }
}

pub fn submitted_on(lang: Lang, when: &str) -> String {
    match lang {
        Lang::Fr => format!("le {when}"),
        Lang::En => format!("on {when}"),
    }
}

pub fn event_count(lang: Lang, n: usize) -> String {
    match (lang, n) {
        (Lang::Fr, 0 | 1) => format!("{n} évènement"),
        (Lang::Fr, _) => format!("{n} évènements"),
        (Lang::En, 1) => "1 event".to_owned(),
        (Lang::En, _) => format!("{n} events"),
    }
}

/// The length of a state event: "lasted 00:42", or still going on.
pub fn state_length(lang: Lang, duration_ms: Option<u64>) -> String {
    match (lang, duration_ms) {
        (Lang::Fr, Some(d)) => format!("durée {}", clock_text(d)),
        (Lang::En, Some(d)) => format!("lasted {}", clock_text(d)),
        (Lang::Fr, None) => "en cours".to_owned(),
        (Lang::En, None) => "ongoing".to_owned(),
    }
}

/// The banner of a submitted observation.
pub fn read_only_note(lang: Lang, when: Option<String>) -> String {
    match (lang, when) {
        (Lang::Fr, Some(w)) => format!("Observation remise le {w}\u{a0}: elle est verrouillée et se consulte en lecture seule."),
        (Lang::En, Some(w)) => format!("Observation submitted on {w}: it is locked and read-only."),
        (Lang::Fr, None) => "Observation remise\u{a0}: elle est verrouillée et se consulte en lecture seule.".to_owned(),
        (Lang::En, None) => "Observation submitted: it is locked and read-only.".to_owned(),
    }
}

/// When a code needs an actor and none was chosen.
pub fn actor_first(
    lang: Lang,
    code: &str,
    ceo_key: &str,
    ceo: &str,
    cand_key: &str,
    cand: &str,
) -> String {
    match lang {
        Lang::Fr => format!(
            "{code}\u{a0}: choisissez d'abord qui agit — {ceo_key} ({ceo}) ou {cand_key} ({cand})."
        ),
        Lang::En => {
            format!("{code}: choose who acts first — {ceo_key} ({ceo}) or {cand_key} ({cand}).")
        }
    }
}

/// The pad's first words, before anything is coded.
pub fn how_to_code(lang: Lang, ceo_key: &str, ceo: &str, cand_key: &str, cand: &str) -> String {
    match lang {
        Lang::Fr => format!("Appuyez sur {ceo_key} ({ceo}) ou {cand_key} ({cand}), puis sur la touche d'un code — ou touchez les boutons."),
        Lang::En => format!("Press {ceo_key} ({ceo}) or {cand_key} ({cand}), then a code's key — or tap the buttons."),
    }
}

pub fn shortcut_actor(lang: Lang, ceo_key: &str, cand_key: &str) -> String {
    match lang {
        Lang::Fr => format!(
            "{ceo_key} ou {cand_key}\u{a0}: choisit qui agit (le dirigeant ou le candidat)."
        ),
        Lang::En => {
            format!("{ceo_key} or {cand_key}: chooses who acts (the CEO or the candidate).")
        }
    }
}

/// The counts on a code button: "c 3 · v 2".
pub fn count_pair(_lang: Lang, ceo_key: &str, ceo: u32, cand_key: &str, cand: u32) -> String {
    format!("{ceo_key} {ceo} · {cand_key} {cand}")
}

pub fn count_alone(lang: Lang, n: u32) -> String {
    match lang {
        Lang::Fr => format!("total {n}"),
        Lang::En => format!("total {n}"),
    }
}

pub fn count_spoken_pair(lang: Lang, ceo: &str, n_ceo: u32, cand: &str, n_cand: u32) -> String {
    match lang {
        Lang::Fr => format!("{ceo}\u{a0}: {n_ceo}, {cand}\u{a0}: {n_cand}"),
        Lang::En => format!("{ceo}: {n_ceo}, {cand}: {n_cand}"),
    }
}

pub fn count_spoken_alone(lang: Lang, n: u32) -> String {
    match lang {
        Lang::Fr => format!("{n} jusqu'ici"),
        Lang::En => format!("{n} so far"),
    }
}

pub fn showing_recent(lang: Lang, shown: usize, total: usize) -> String {
    match lang {
        Lang::Fr => format!("Les {shown} plus récents sur {total}, du plus récent au plus ancien."),
        Lang::En => format!("The {shown} most recent of {total}, newest first."),
    }
}

pub fn show_more(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Fr => format!("Afficher {n} de plus"),
        Lang::En => format!("Show {n} more"),
    }
}

pub fn show_all_notes(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Fr => format!("Afficher les {n} notes"),
        Lang::En => format!("Show all {n} notes"),
    }
}

pub fn rated_progress(lang: Lang, done: usize, total: usize) -> String {
    match lang {
        Lang::Fr => format!(
            "{done} dimension{} notée{} sur {total}",
            plural(done),
            plural(done)
        ),
        Lang::En => format!("{done} of {total} dimensions rated"),
    }
}

fn plural(n: usize) -> &'static str {
    if n > 1 {
        "s"
    } else {
        ""
    }
}

pub fn unrated_list(lang: Lang, names: &[&str]) -> String {
    let list = names.join(", ");
    match (lang, names.len()) {
        (Lang::Fr, 1) => format!("Pas encore notée\u{a0}: {list}."),
        (Lang::Fr, _) => format!("Pas encore notées\u{a0}: {list}."),
        (Lang::En, _) => format!("Not rated yet: {list}."),
    }
}

/// The level of an anchor, shown after its description.
pub fn level_of(lang: Lang, level: u8) -> String {
    match lang {
        Lang::Fr => format!("niveau {level} sur 5"),
        Lang::En => format!("level {level} of 5"),
    }
}

pub fn evidence_title(lang: Lang, n: usize) -> String {
    match (lang, n) {
        (Lang::Fr, 0) => "Preuves tirées de votre codage".to_owned(),
        (Lang::Fr, _) => format!(
            "Preuves tirées de votre codage ({n} rattachée{})",
            plural(n)
        ),
        (Lang::En, 0) => "Evidence from your coding".to_owned(),
        (Lang::En, _) => format!("Evidence from your coding ({n} linked)"),
    }
}

pub fn matching_events(lang: Lang, n: usize) -> String {
    match (lang, n) {
        (Lang::Fr, 0) => "Aucun évènement ne correspond.".to_owned(),
        (Lang::Fr, _) => format!("{} correspondant{}.", event_count(lang, n), plural(n)),
        (Lang::En, 0) => "No event matches.".to_owned(),
        (Lang::En, 1) => "1 matching event.".to_owned(),
        (Lang::En, _) => format!("{n} matching events."),
    }
}

pub fn evidence_full(lang: Lang, max: usize) -> String {
    match lang {
        Lang::Fr => format!("Au plus {max} évènements par dimension\u{a0}: détachez-en un pour en choisir un autre."),
        Lang::En => format!("At most {max} events per dimension: unlink one to choose another."),
    }
}

/// Why a change to the kits or the observation was refused, as one sentence.
pub fn refusal(lang: Lang, e: &FieldworkError) -> String {
    let FieldworkError::Observation(o) = e else {
        let why = fieldwork_error(lang, e);
        return match lang {
            Lang::Fr => format!("Ce n'est pas fait\u{a0}: {why}"),
            Lang::En => format!("This was not done: {why}"),
        };
    };
    let (fr, en) = match o {
        ObservationError::Unrated(ids) => {
            let bars = default_bars();
            let names: Vec<&str> = ids
                .iter()
                .map(|id| bars.dimension(id).map_or(id.as_str(), |d| d.name.get(lang)))
                .collect();
            let list = names.join(", ");
            return match lang {
                Lang::Fr => format!("L'observation n'est pas remise\u{a0}: ces dimensions ne sont pas encore notées\u{a0}: {list}. Notez-les, ou remettez-la incomplète."),
                Lang::En => format!("The observation was not submitted: these dimensions are not rated yet: {list}. Rate them, or submit it as incomplete."),
            };
        }
        ObservationError::NoRatingGrid => (
            "La grille de notation n'a pas été transmise avec ce choix\u{a0}: il n'est pas enregistré.",
            "The rating grid did not come with this choice: it was not saved.",
        ),
        ObservationError::BarsMismatch { .. } => (
            "Cette observation a été notée avec une autre grille de notation.",
            "This observation was rated with another rating grid.",
        ),
        ObservationError::UnknownDimension(_) => (
            "Cette dimension n'existe pas dans la grille.",
            "This dimension is not in the grid.",
        ),
        ObservationError::BadLevel(_) => (
            "Une note va de 1 à 5.",
            "A rating goes from 1 to 5.",
        ),
        ObservationError::UnknownEvidence(_) => (
            "Une preuve cite un évènement qui n'est plus dans le codage.",
            "An evidence cites an event no longer in the coding.",
        ),
        ObservationError::TooMuchEvidence => (
            "Trop d'évènements rattachés à cette dimension.",
            "Too many events linked to this dimension.",
        ),
        ObservationError::RatingNotFound => (
            "Cette dimension n'a pas de note à effacer.",
            "This dimension has no rating to clear.",
        ),
        other => return observation_error(lang, other),
    };
    pick(lang, fr, en).to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_exists_in_both_languages() {
        for t in O::ALL {
            assert!(!t.get(Lang::Fr).trim().is_empty(), "{t:?} fr");
            assert!(!t.get(Lang::En).trim().is_empty(), "{t:?} en");
        }
    }

    #[test]
    fn clock_times_are_written_and_read_back() {
        assert_eq!(clock_text(0), "00:00");
        assert_eq!(clock_text(192_457), "03:12");
        assert_eq!(clock_text(75 * 60_000 + 2_007), "75:02");
        assert_eq!(clock_text_exact(192_457), "03:12.457");
        assert_eq!(clock_text_exact(192_000), "03:12");
        for ms in [0, 999, 1_000, 192_457, 4_502_007] {
            assert_eq!(parse_clock(&clock_text_exact(ms)), Some(ms));
        }
        assert_eq!(parse_clock(" 3:05 "), Some(185_000));
        assert_eq!(parse_clock("1:02:03"), Some(3_723_000));
        assert_eq!(parse_clock("12:05,5"), Some(725_500));
        assert_eq!(parse_clock("42"), Some(42_000));
        for bad in [
            "",
            "3:60",
            "1:60:00",
            "a:10",
            "1:2:3:4",
            "3:05.1234",
            "-1:00",
            "3:",
        ] {
            assert_eq!(parse_clock(bad), None, "{bad}");
        }
    }

    #[test]
    fn refusals_read_as_sentences() {
        let e =
            FieldworkError::Observation(ObservationError::Unrated(vec!["co_construction".into()]));
        let text = refusal(Lang::En, &e);
        assert!(
            text.starts_with("The observation was not submitted: these dimensions are not rated yet: Co-construction."),
            "{text}"
        );
        assert!(!text.contains("co_construction"), "{text}");
        assert!(refusal(Lang::Fr, &FieldworkError::UnknownKit)
            .starts_with("Ce n'est pas fait\u{a0}: ce kit"));
    }
}
