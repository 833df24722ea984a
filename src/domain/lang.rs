//! The two languages of the app, and the `catalogue!` macro that declares a table of static
//! texts in both. A leaf: every layer may name a language; only the message catalogue
//! (`i18n`) and the tables of file formats (CSV column titles) hold texts.

/// The two languages of the app.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    #[default]
    Fr,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Fr, Lang::En];

    /// BCP 47 code, for `<html lang>` and storage.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        match code.get(..2).map(str::to_ascii_lowercase).as_deref() {
            Some("fr") => Some(Lang::Fr),
            Some("en") => Some(Lang::En),
            _ => None,
        }
    }

    /// The language's own name, as on the switcher buttons.
    pub fn endonym(self) -> &'static str {
        match self {
            Lang::Fr => "Français",
            Lang::En => "English",
        }
    }
}

/// Declares a catalogue of static texts: `catalogue! { Name; Key => "fr", "en"; … }` makes
/// the enum `Name` with `get(lang)` and `ALL`. The main catalogue is
/// `i18n::T`; each area of the app may declare its own in a submodule of `i18n`, so long texts
/// stay next to each other by screen while remaining one typed, checked catalogue.
macro_rules! catalogue {
    ($name:ident; $($key:ident => $fr:expr, $en:expr;)*) => {
        /// Static texts of the interface, in French and English.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum $name { $($key),* }

        impl $name {
            /// Every text, for completeness tests.
            pub const ALL: &'static [$name] = &[$($name::$key),*];

            pub fn get(self, lang: $crate::domain::lang::Lang) -> &'static str {
                match (self, lang) {
                    $(($name::$key, $crate::domain::lang::Lang::Fr) => $fr, ($name::$key, $crate::domain::lang::Lang::En) => $en,)*
                }
            }
        }
    };
}
pub(crate) use catalogue;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_codes() {
        assert_eq!(Lang::from_code("fr-FR"), Some(Lang::Fr));
        assert_eq!(Lang::from_code("EN"), Some(Lang::En));
        assert_eq!(Lang::from_code("de"), None);
        assert_eq!(Lang::from_code(""), None);
    }
}
