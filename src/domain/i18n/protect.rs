//! Texts of passphrase protection: the dialog that saves a file (or makes a link) for someone
//! else, the dialog that unlocks a protected one, the protected invitation link, and the
//! sentences for a passphrase or an envelope that cannot be used.

use super::{number, Lang};
use crate::domain::file::envelope::{
    SealedError, CIPHER_NAME, KDF_NAME, MAX_ITERATIONS, MIN_ITERATIONS,
};
use crate::domain::file::passphrase::{PassphraseProblem, Strength, MIN_PASSPHRASE_CHARS};
use crate::domain::lang::catalogue;

catalogue! {
    P;
    // Saving a file, or making a link, for someone else.
    SaveTitle => "Enregistrer le fichier", "Save the file";
    LinkTitle => "Créer le lien d'invitation", "Make the invitation link";
    FileName => "Fichier\u{a0}:", "File:";
    Protect => "Protéger par une phrase de passe", "Protect with a passphrase";
    Recommended => "Recommandé\u{a0}: ce fichier contient des informations sur des personnes.", "Recommended: this file holds information about people.";
    ProtectFileHint => "Transmettez la phrase de passe autrement que le fichier (de vive voix, par téléphone, par SMS), jamais dans le même e-mail.", "Give the passphrase another way than the file (in person, by phone, by text message), never in the same e-mail.";
    ProtectLinkHint => "Transmettez la phrase de passe autrement que le lien (de vive voix, par téléphone, par SMS), jamais dans le même message.", "Give the passphrase another way than the link (in person, by phone, by text message), never in the same message.";
    Passphrase => "Phrase de passe", "Passphrase";
    PassphraseHint => "Au moins 10 caractères\u{202f}; quatre mots sans rapport entre eux font une phrase de passe solide, facile à dicter.", "At least 10 characters; four unrelated words make a strong passphrase, easy to read out.";
    Confirm => "La phrase de passe, une seconde fois", "The passphrase again";
    Show => "Afficher la phrase de passe", "Show the passphrase";
    NotKept => "Rally ne la garde nulle part\u{a0}: perdue, elle ne se retrouve pas, et ce qu'elle protège ne s'ouvre plus.", "Rally keeps it nowhere: if it is lost, it cannot be recovered and what it protects no longer opens.";
    Save => "Enregistrer", "Save";
    SaveProtected => "Protéger et enregistrer", "Protect and save";
    MakeLink => "Créer le lien", "Make the link";
    MakeProtectedLink => "Protéger et créer le lien", "Protect and make the link";
    Cancel => "Annuler", "Cancel";
    Protecting => "Protection en cours…", "Protecting…";
    DownloadFailed => "Le navigateur a refusé le téléchargement\u{a0}: réessayez, ou vérifiez ses réglages de téléchargement.", "The browser refused the download: try again, or check its download settings.";
    Unavailable => "Ce navigateur ne peut ni protéger ni ouvrir de fichier protégé (Web Crypto est indisponible)\u{a0}: ouvrez Rally depuis une adresse https, ou dans un autre navigateur.", "This browser can neither protect nor open protected files (Web Crypto is not available): open Rally from an https address, or in another browser.";
    ProtectFailed => "La protection a échoué et rien n'a été enregistré\u{a0}: réessayez.", "Protection failed and nothing was saved: try again.";
    // Unlocking a protected file or link.
    UnlockFileTitle => "Ce fichier est protégé par une phrase de passe", "This file is protected by a passphrase";
    UnlockLinkTitle => "Ce lien est protégé par une phrase de passe", "This link is protected by a passphrase";
    UnlockHint => "Saisissez la phrase de passe que l'expéditeur vous a transmise. Rien n'est importé tant qu'elle ne convient pas.", "Enter the passphrase the sender gave you. Nothing is imported until it is right.";
    Unlock => "Déverrouiller", "Unlock";
    Unlocking => "Déverrouillage…", "Unlocking…";
    PassphraseRequired => "Saisissez la phrase de passe.", "Enter the passphrase.";
    WrongPassphrase => "La phrase de passe ne convient pas, ou le fichier a été modifié après sa protection\u{a0}: rien n'a été importé.", "The passphrase is wrong, or the file was altered after it was protected: nothing was imported.";
    // The landing of a protected invitation link.
    LinkPageTitle => "Invitation protégée", "A protected invitation";
    LinkPageBody => "Ce lien d'invitation est protégé par une phrase de passe. La personne qui vous l'a envoyé vous la donne par un autre moyen.", "This invitation link is protected by a passphrase. The person who sent it gives it to you another way.";
    EnterPassphrase => "Saisir la phrase de passe", "Enter the passphrase";
}

/// "Strength: fair", with what it means.
pub fn strength(lang: Lang, s: Strength) -> &'static str {
    match (lang, s) {
        (Lang::Fr, Strength::Weak) => {
            "Robustesse\u{a0}: faible — facile à deviner pour qui s'y acharne."
        }
        (Lang::En, Strength::Weak) => "Strength: weak — easy to guess for someone who tries hard.",
        (Lang::Fr, Strength::Fair) => {
            "Robustesse\u{a0}: moyenne — un mot de plus la rendrait solide."
        }
        (Lang::En, Strength::Fair) => "Strength: fair — one more word would make it strong.",
        (Lang::Fr, Strength::Strong) => "Robustesse\u{a0}: bonne.",
        (Lang::En, Strength::Strong) => "Strength: strong.",
    }
}

pub fn passphrase_problem(lang: Lang, p: PassphraseProblem) -> String {
    match (lang, p) {
        (Lang::Fr, PassphraseProblem::TooShort) => {
            format!("La phrase de passe doit compter au moins {MIN_PASSPHRASE_CHARS} caractères.")
        }
        (Lang::En, PassphraseProblem::TooShort) => {
            format!("The passphrase needs at least {MIN_PASSPHRASE_CHARS} characters.")
        }
        (Lang::Fr, PassphraseProblem::Mismatch) => {
            "Les deux phrases de passe diffèrent\u{a0}: saisissez la même deux fois.".into()
        }
        (Lang::En, PassphraseProblem::Mismatch) => {
            "The two passphrases differ: type the same one twice.".into()
        }
    }
}

/// Why the envelope of a protected file cannot be used, in one sentence.
pub fn sealed_error(lang: Lang, e: &SealedError) -> String {
    let whole = |n: u64| number(lang, n as f64, 0);
    match (lang, e) {
        (Lang::Fr, SealedError::BadVersion) => "Ce fichier protégé est endommagé\u{a0}: la version de son enveloppe est illisible.".into(),
        (Lang::En, SealedError::BadVersion) => "This protected file is damaged: its envelope version is unreadable.".into(),
        (Lang::Fr, SealedError::FutureVersion { found, supported }) => format!(
            "Ce fichier a été protégé par une version plus récente de Rally (enveloppe {found}, cette version lit jusqu'à l'enveloppe {supported})\u{a0}: mettez Rally à jour pour l'ouvrir."
        ),
        (Lang::En, SealedError::FutureVersion { found, supported }) => format!(
            "This file was protected by a newer Rally (envelope {found}; this one reads up to envelope {supported}): update Rally to open it."
        ),
        (Lang::Fr, SealedError::Shape { field }) => format!(
            "Ce fichier protégé est endommagé\u{a0}: son élément «\u{a0}{field}\u{a0}» manque, est en trop ou n'a pas la forme attendue."
        ),
        (Lang::En, SealedError::Shape { field }) => format!(
            "This protected file is damaged: its “{field}” member is missing, unexpected or not of the expected form."
        ),
        (Lang::Fr, SealedError::UnknownContent) => "Ce fichier protégé ne contient pas de fichier Rally.".into(),
        (Lang::En, SealedError::UnknownContent) => "This protected file does not hold a Rally file.".into(),
        (Lang::Fr, SealedError::UnknownKdf) => format!(
            "Ce fichier est protégé par une dérivation de clé que Rally n'utilise pas (Rally utilise {KDF_NAME})."
        ),
        (Lang::En, SealedError::UnknownKdf) => format!(
            "This file is protected with a key derivation Rally does not use (Rally uses {KDF_NAME})."
        ),
        (Lang::Fr, SealedError::Iterations { found }) => format!(
            "Ce fichier protégé demande {} itérations de dérivation de clé\u{a0}: Rally en accepte de {} à {}, il ne vient donc pas de Rally.",
            whole(*found),
            whole(MIN_ITERATIONS.into()),
            whole(MAX_ITERATIONS.into())
        ),
        (Lang::En, SealedError::Iterations { found }) => format!(
            "This protected file asks for {} iterations of key derivation: Rally accepts {} to {}, so it was not made by Rally.",
            whole(*found),
            whole(MIN_ITERATIONS.into()),
            whole(MAX_ITERATIONS.into())
        ),
        (Lang::Fr, SealedError::UnknownCipher) => format!(
            "Ce fichier est protégé par un chiffrement que Rally n'utilise pas (Rally utilise {CIPHER_NAME})."
        ),
        (Lang::En, SealedError::UnknownCipher) => format!(
            "This file is protected with a cipher Rally does not use (Rally uses {CIPHER_NAME})."
        ),
        (Lang::Fr, SealedError::Salt) => "Ce fichier protégé est endommagé\u{a0}: son sel («\u{a0}salt\u{a0}») n'est pas valide.".into(),
        (Lang::En, SealedError::Salt) => "This protected file is damaged: its salt is not valid.".into(),
        (Lang::Fr, SealedError::Nonce) => "Ce fichier protégé est endommagé\u{a0}: son nonce n'est pas valide.".into(),
        (Lang::En, SealedError::Nonce) => "This protected file is damaged: its nonce is not valid.".into(),
        (Lang::Fr, SealedError::Ciphertext) => "Ce fichier protégé est endommagé\u{a0}: son contenu chiffré est coupé ou altéré.".into(),
        (Lang::En, SealedError::Ciphertext) => "This protected file is damaged: its encrypted content is cut or altered.".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn every_value(lang: Lang) -> Vec<String> {
        let mut out: Vec<String> = [Strength::Weak, Strength::Fair, Strength::Strong]
            .iter()
            .map(|s| strength(lang, *s).to_owned())
            .collect();
        out.extend(
            [PassphraseProblem::TooShort, PassphraseProblem::Mismatch]
                .iter()
                .map(|p| passphrase_problem(lang, *p)),
        );
        out.extend(
            [
                SealedError::BadVersion,
                SealedError::FutureVersion {
                    found: 2,
                    supported: 1,
                },
                SealedError::Shape {
                    field: "kdf.salt".into(),
                },
                SealedError::UnknownContent,
                SealedError::UnknownKdf,
                SealedError::Iterations {
                    found: 1_000_000_000_000,
                },
                SealedError::UnknownCipher,
                SealedError::Salt,
                SealedError::Nonce,
                SealedError::Ciphertext,
            ]
            .iter()
            .map(|e| sealed_error(lang, e)),
        );
        out
    }

    #[test]
    fn every_text_exists_in_both_languages_as_one_sentence() {
        for t in P::ALL {
            assert!(!t.get(Lang::Fr).trim().is_empty(), "{t:?} fr");
            assert!(!t.get(Lang::En).trim().is_empty(), "{t:?} en");
        }
        for lang in Lang::ALL {
            for text in every_value(lang) {
                assert!(text.ends_with('.'), "{text}");
                // One sentence: no full stop followed by another sentence.
                assert!(!text.trim_end_matches('.').contains(". "), "{text}");
            }
        }
    }

    #[test]
    fn french_punctuation_has_its_non_breaking_space() {
        let texts: Vec<String> = P::ALL
            .iter()
            .map(|t| t.get(Lang::Fr).to_owned())
            .chain(every_value(Lang::Fr))
            .collect();
        for text in &texts {
            let chars: Vec<char> = text.chars().collect();
            for (i, c) in chars.iter().enumerate().skip(1) {
                if matches!(c, ':' | ';' | '?' | '!' | '»') {
                    assert!(
                        matches!(chars[i - 1], '\u{a0}' | '\u{202f}'),
                        "{text:?}: no non-breaking space before {c:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn hostile_iterations_are_written_in_full() {
        let text = sealed_error(
            Lang::En,
            &SealedError::Iterations {
                found: 1_000_000_000_000,
            },
        );
        assert!(text.contains("1,000,000,000,000"), "{text}");
        assert!(
            text.contains("600,000") && text.contains("10,000,000"),
            "{text}"
        );
    }
}
