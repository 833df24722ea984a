//! Bilingual text carried by data (role names, summaries): French and English side by side.

use crate::domain::i18n::Lang;
use serde::{Deserialize, Serialize};

/// A text written in French and English. Either may be empty; reading falls back to the other.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bilingual {
    pub fr: String,
    pub en: String,
}

impl Bilingual {
    /// The same text in both languages.
    pub fn both(text: &str) -> Self {
        Self {
            fr: text.to_owned(),
            en: text.to_owned(),
        }
    }

    /// The text in `lang`, or in the other language when that one is empty.
    pub fn get(&self, lang: Lang) -> &str {
        let (first, second) = match lang {
            Lang::Fr => (&self.fr, &self.en),
            Lang::En => (&self.en, &self.fr),
        };
        if first.trim().is_empty() {
            second
        } else {
            first
        }
    }

    /// True when neither language has any visible character.
    pub fn is_blank(&self) -> bool {
        self.fr.trim().is_empty() && self.en.trim().is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn falls_back_to_the_other_language() {
        let t = Bilingual {
            fr: "Bonjour".into(),
            en: " ".into(),
        };
        assert_eq!(t.get(Lang::En), "Bonjour");
        assert_eq!(t.get(Lang::Fr), "Bonjour");
        assert!(!t.is_blank());
        assert!(Bilingual::default().is_blank());
    }
}
