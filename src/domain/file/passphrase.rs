//! The rules for a new passphrase, the one that protects a file: long enough, typed the same
//! twice, and a plain-words idea of how hard it is to guess. The passphrase itself is never
//! kept: these functions only look at it.

use crate::domain::sorting;

/// Fewest characters of a new passphrase. A protected file can be attacked offline, at the
/// attacker's pace: PBKDF2's 600,000 iterations slow each guess, the length does the rest.
pub const MIN_PASSPHRASE_CHARS: usize = 10;

/// How hard a passphrase looks to guess, from its length and variety. A rough guide for the
/// person choosing it, not a measure: a long sentence everyone knows is still weak.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Strength {
    Weak,
    Fair,
    Strong,
}

/// Why a new passphrase cannot be used.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PassphraseProblem {
    #[error("the passphrase has fewer than {MIN_PASSPHRASE_CHARS} characters")]
    TooShort,
    #[error("the two passphrases differ")]
    Mismatch,
}

/// How hard `passphrase` looks to guess.
pub fn strength(passphrase: &str) -> Strength {
    let chars: Vec<char> = passphrase.chars().collect();
    let mut distinct = chars.clone();
    sorting::sort(&mut distinct);
    distinct.dedup();
    // "aaaaaaaaaaaa" and "abcabcabcabc" are long but say little.
    if chars.len() < MIN_PASSPHRASE_CHARS || distinct.len() < 6 {
        return Strength::Weak;
    }
    let words = passphrase
        .split(|c: char| c.is_whitespace() || matches!(c, '-' | '_' | '.' | ','))
        .filter(|w| w.chars().count() >= 3)
        .count();
    let classes = [Kind::Lower, Kind::Upper, Kind::Digit, Kind::Other]
        .iter()
        .filter(|k| chars.iter().any(|c| kind(*c) == **k))
        .count();
    if chars.len() >= 20 || (words >= 4 && chars.len() >= 16) {
        Strength::Strong
    } else if chars.len() >= 14 || (chars.len() >= 12 && classes >= 3) {
        Strength::Fair
    } else {
        Strength::Weak
    }
}

/// The kinds of character whose variety [`strength`] counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Lower,
    Upper,
    Digit,
    Other,
}

/// Letters are told apart in the Latin alphabet of the languages Rally speaks (ASCII,
/// Latin-1, and œ, Œ, Ÿ) without Unicode's case tables, which every page would otherwise carry;
/// any other character, another alphabet's letter included, counts with the symbols.
fn kind(c: char) -> Kind {
    match c {
        'a'..='z' | 'ß'..='ö' | 'ø'..='ÿ' | 'œ' => Kind::Lower,
        'A'..='Z' | 'À'..='Ö' | 'Ø'..='Þ' | 'Œ' | 'Ÿ' => Kind::Upper,
        '0'..='9' => Kind::Digit,
        _ => Kind::Other,
    }
}

/// Checks a new passphrase and its confirmation; gives its strength when it may be used.
pub fn check_new(passphrase: &str, confirmation: &str) -> Result<Strength, PassphraseProblem> {
    if passphrase.chars().count() < MIN_PASSPHRASE_CHARS {
        return Err(PassphraseProblem::TooShort);
    }
    if passphrase != confirmation {
        return Err(PassphraseProblem::Mismatch);
    }
    Ok(strength(passphrase))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strength_grows_with_length_and_variety() {
        assert_eq!(strength(""), Strength::Weak);
        assert_eq!(strength("password1"), Strength::Weak);
        assert_eq!(strength("aaaaaaaaaaaaaaaaaaaaaaaa"), Strength::Weak);
        assert_eq!(strength("abcabcabcabcabcabcabcabc"), Strength::Weak);
        assert_eq!(strength("lyon2026cso"), Strength::Weak);
        assert_eq!(strength("Lyon-2026-CSO"), Strength::Fair);
        assert_eq!(strength("septembre à lyon"), Strength::Fair);
        assert_eq!(strength("cheval pluie orange lampe"), Strength::Strong);
        assert_eq!(strength("correct horse battery staple"), Strength::Strong);
        assert_eq!(strength("unephrasedepasseassezlongue"), Strength::Strong);
    }

    #[test]
    fn letters_are_told_apart_as_unicode_does_in_latin_1() {
        for c in ('\0'..='ÿ').chain(['œ', 'Œ', 'Ÿ']) {
            match kind(c) {
                Kind::Lower => assert!(c.is_lowercase(), "{c}"),
                Kind::Upper => assert!(c.is_uppercase(), "{c}"),
                Kind::Digit => assert!(c.is_ascii_digit(), "{c}"),
                // Ordinal indicators and the micro sign: letters to Unicode, symbols here.
                Kind::Other => assert!(
                    !(c.is_lowercase() || c.is_uppercase() || c.is_numeric())
                        || "ªµº¹²³¼½¾".contains(c),
                    "{c}"
                ),
            }
        }
        assert_eq!(
            [kind('é'), kind('É'), kind('ç'), kind('Ç')],
            [Kind::Lower, Kind::Upper, Kind::Lower, Kind::Upper]
        );
        assert_eq!(
            [kind('×'), kind('÷'), kind('λ'), kind('-')],
            [Kind::Other; 4]
        );
        // Upper, lower, digit and symbol, accented: fair from 12 characters.
        assert_eq!(strength("Été-à-Lyon-27"), Strength::Fair);
        assert_eq!(strength("étéàlyonlyon"), Strength::Weak);
    }

    #[test]
    fn a_new_passphrase_is_long_enough_and_confirmed() {
        assert_eq!(
            check_new("court", "court"),
            Err(PassphraseProblem::TooShort)
        );
        // Counted in characters, not bytes: ten accented letters are enough.
        assert_eq!(check_new("éèêëàâäôöû", "éèêëàâäôöû"), Ok(Strength::Weak));
        assert_eq!(
            check_new("cheval pluie orange lampe", "cheval pluie orange lamp"),
            Err(PassphraseProblem::Mismatch)
        );
        assert_eq!(
            check_new("cheval pluie orange lampe", "cheval pluie orange lampe"),
            Ok(Strength::Strong)
        );
    }
}
