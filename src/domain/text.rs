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

/// `value` with exactly `decimals` digits after a dot, rounded half away from zero; no
/// thousands separator, `-` only for a negative value that does not round to zero.
pub fn decimal(value: f64, decimals: u32) -> String {
    if !value.is_finite() {
        return String::new();
    }
    let scale = 10u64.pow(decimals.min(9));
    let scaled = (value.abs() * scale as f64).round() as u64;
    let sign = if value < 0.0 && scaled > 0 { "-" } else { "" };
    let (int, frac) = (scaled / scale, scaled % scale);
    if decimals == 0 {
        format!("{sign}{int}")
    } else {
        let width = decimals as usize;
        format!("{sign}{int}.{frac:0width$}")
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
