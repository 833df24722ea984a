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
    let classes = [
        chars.iter().any(|c| c.is_lowercase()),
        chars.iter().any(|c| c.is_uppercase()),
        chars.iter().any(|c| c.is_numeric()),
        chars.iter().any(|c| !c.is_alphanumeric()),
    ]
    .iter()
    .filter(|x| **x)
    .count();
    if chars.len() >= 20 || (words >= 4 && chars.len() >= 16) {
        Strength::Strong
    } else if chars.len() >= 14 || (chars.len() >= 12 && classes >= 3) {
        Strength::Fair
    } else {
        Strength::Weak
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
