//! Plain text values: bilingual text carried by data (role names, summaries) with French and
//! English side by side, the check every stored text passes (length, no invisible control
//! characters), and the dot-decimal writer of files.

use crate::domain::lang::Lang;
use crate::domain::limits::MAX_NAME_CHARS;
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

/// Why a text is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum TextError {
    #[error("a text is longer than allowed")]
    TooLong,
    #[error("a text contains invisible control characters")]
    ForbiddenCharacters,
}

/// Checks one text: length within bounds, and no control or bidirectional-override characters
/// (they hide or reorder what a reader sees). Line breaks and tabs are allowed in long texts.
pub fn check_text(text: &str, max: usize) -> Result<(), TextError> {
    // A text of at most `max` bytes has at most `max` characters: count only longer ones.
    if text.len() > max && char_count(text) > max {
        return Err(TextError::TooLong);
    }
    if has_forbidden(text, max > MAX_NAME_CHARS) {
        return Err(TextError::ForbiddenCharacters);
    }
    Ok(())
}

/// The number of characters (UTF-8 lead bytes) of `text`.
fn char_count(text: &str) -> usize {
    text.bytes().filter(|&b| (b as i8) >= -0x40).count()
}

/// Whether `text` holds a control character (C0, DEL, C1; line breaks and tabs are allowed in
/// multi-line texts) or a bidirectional override or isolate (U+202A–U+202E, U+2066–U+2069),
/// which can make a name display as something else. One pass over the bytes: every one of
/// these characters is recognised by its UTF-8 lead byte, which never occurs inside another
/// character (the property test `forbidden_scan_matches_the_char_rule` holds it to the rule
/// written with `char`).
fn has_forbidden(text: &str, multiline: bool) -> bool {
    let b = text.as_bytes();
    b.iter().enumerate().any(|(i, &x)| match x {
        b'\n' | b'\r' | b'\t' => !multiline,
        0x00..=0x1f | 0x7f => true,
        0xc2 => matches!(b.get(i + 1), Some(0x80..=0x9f)),
        0xe2 => matches!(
            (b.get(i + 1), b.get(i + 2)),
            (Some(0x80), Some(0xaa..=0xae)) | (Some(0x81), Some(0xa6..=0xa9))
        ),
        _ => false,
    })
}

/// `text` as a file-name slug: ASCII lowercase letters and digits, Latin accents folded
/// (`Hélène Œuvray` → `helene-oeuvray`), every other run of characters one `-`.
pub fn slug(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().map(latin_lowercase) {
        match fold_latin(c) {
            Some(plain) => out.push_str(plain),
            None if c.is_ascii_alphanumeric() => out.push(c),
            None => {
                if !out.is_empty() && !out.ends_with('-') {
                    out.push('-');
                }
            }
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

/// `c` in lowercase where a slug can tell: the capitals of ASCII and Latin-1, `Œ`, `Ÿ`, `ẞ`,
/// and the signs whose lowercase is one of their letters (`İ`, Kelvin's `K`, Ångström's `Å`);
/// any other character as it is, since a slug turns it into `-` whatever its case. This is
/// what `char::to_lowercase` gives on every character a slug keeps (tested on all of them),
/// without the Unicode case tables it would link into every page.
fn latin_lowercase(c: char) -> char {
    match c {
        'A'..='Z' | 'À'..='Ö' | 'Ø'..='Þ' => char::from_u32(c as u32 + 0x20).unwrap_or(c),
        'İ' => 'i',
        'Œ' => 'œ',
        'Ÿ' => 'ÿ',
        'ẞ' => 'ß',
        '\u{212A}' => 'k',
        '\u{212B}' => 'å',
        c => c,
    }
}

/// The plain letters of a lowercase accented Latin letter (French, Spanish, German, Portuguese
/// names); `None` for any other character.
fn fold_latin(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => "a",
        'æ' => "ae",
        'ç' => "c",
        'è' | 'é' | 'ê' | 'ë' => "e",
        'ì' | 'í' | 'î' | 'ï' => "i",
        'ñ' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' => "o",
        'œ' => "oe",
        'ù' | 'ú' | 'û' | 'ü' => "u",
        'ý' | 'ÿ' => "y",
        'ß' => "ss",
        _ => return None,
    })
}

/// `text` as HTML text or a quoted attribute value: `&`, `<`, `>`, `"` and `'` escaped, so a
/// campaign's name can never become markup (the campaign list is written as one piece of HTML).
pub fn escape_html(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains(['&', '<', '>', '"', '\'']) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The byte scan of `check_text` says exactly what the rule written with `char` says,
        /// on texts mixing every neighbour of the forbidden ranges with ordinary text.
        #[test]
        fn forbidden_scan_matches_the_char_rule(
            chars in prop::collection::vec(prop::sample::select(vec![
                'a', ' ', 'é', '\u{a0}', '\u{1f}', '\u{20}', '\u{7e}', '\u{7f}', '\u{80}',
                '\u{9f}', '\u{a0}', '\n', '\r', '\t', '\u{2029}', '\u{202a}', '\u{202e}',
                '\u{202f}', '\u{2065}', '\u{2066}', '\u{2069}', '\u{206a}', '\u{20ac}', '😀',
                '\u{feff}', '\u{0}', '\u{e2}', '\u{c2}',
            ]), 0..24),
            multiline in any::<bool>(),
        ) {
            let text: String = chars.into_iter().collect();
            let by_char = text.chars().any(|c| {
                (c.is_control() && !(multiline && matches!(c, '\n' | '\r' | '\t')))
                    || ('\u{202a}'..='\u{202e}').contains(&c)
                    || ('\u{2066}'..='\u{2069}').contains(&c)
            });
            prop_assert_eq!(has_forbidden(&text, multiline), by_char);
            prop_assert_eq!(char_count(&text), text.chars().count());
        }
    }

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

    #[test]
    fn slugs_fold_accents() {
        assert_eq!(slug("Hélène Garnier"), "helene-garnier");
        assert_eq!(
            slug("  Œuvray, François-Xavier! "),
            "oeuvray-francois-xavier"
        );
        assert_eq!(slug("answers Jürgen Strauß 2"), "answers-jurgen-strauss-2");
        assert_eq!(slug("李 — ?"), "");
    }

    /// The slug written with Unicode's `to_lowercase`, as it was before `latin_lowercase`.
    fn unicode_slug(text: &str) -> String {
        let mut out = String::new();
        for c in text.chars().flat_map(char::to_lowercase) {
            match fold_latin(c) {
                Some(plain) => out.push_str(plain),
                None if c.is_ascii_alphanumeric() => out.push(c),
                None if !out.is_empty() && !out.ends_with('-') => out.push('-'),
                None => {}
            }
        }
        out.trim_end_matches('-').to_owned()
    }

    #[test]
    fn slugs_agree_with_unicode_lowercase_on_every_character() {
        for c in (0..=0x10_ffff).filter_map(char::from_u32) {
            let text = format!("a{c}b {c}{c}");
            let expected = match c {
                // Unicode lowercases it to `i` and a combining dot, which made a `-`
                // (`ai-b-i-i`): a dotted capital I is now simply an `i`.
                'İ' => "aib-ii".to_owned(),
                _ => unicode_slug(&text),
            };
            assert_eq!(slug(&text), expected, "{c:?}");
        }
        assert_eq!(slug("İstanbul"), "istanbul");
    }

    #[test]
    fn html_is_escaped() {
        assert_eq!(escape_html("Zoé & co"), "Zoé &amp; co");
        assert_eq!(
            escape_html("<img src=x onerror=\"a('b')\">"),
            "&lt;img src=x onerror=&quot;a(&#39;b&#39;)&quot;&gt;"
        );
        assert!(matches!(
            escape_html("plain"),
            std::borrow::Cow::Borrowed(_)
        ));
    }
}
