//! Numbers, sizes, percentages and dates as each language writes them.

use crate::domain::lang::Lang;
use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};

pub fn percent(lang: Lang, value: u8) -> String {
    match lang {
        Lang::Fr => format!("{value}\u{a0}%"),
        Lang::En => format!("{value}%"),
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
}
