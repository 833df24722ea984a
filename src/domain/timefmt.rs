//! Dates and times as text, written and read by hand: RFC 3339 timestamps in UTC
//! (`2026-11-25T10:05:00Z`), ISO dates (`2026-12-03`) and times (`09:30:00`). Chrono's generic
//! formatting engine is never linked in, which keeps the browser bundle small; the serde helpers
//! below are used with `#[serde(with = "…")]` on the model's fields.

use chrono::{DateTime, Datelike, NaiveDate, NaiveTime, Timelike, Utc};

/// `2026-11-25T10:05:00Z`, with a fraction of a second only when there is one (the same text
/// chrono writes, so files from before this module read and compare equal).
pub fn write_utc(t: &DateTime<Utc>) -> String {
    format!("{}T{}Z", write_date(t.date_naive()), write_time(t.time()))
}

/// Like chrono: milli-, micro- or nanoseconds, whichever is exact; nothing for whole seconds.
fn push_fraction(s: &mut String, nanos: u32) {
    if nanos == 0 {
    } else if nanos.is_multiple_of(1_000_000) {
        s.push_str(&format!(".{:03}", nanos / 1_000_000));
    } else if nanos.is_multiple_of(1_000) {
        s.push_str(&format!(".{:06}", nanos / 1_000));
    } else {
        s.push_str(&format!(".{nanos:09}"));
    }
}

/// `2026-12-03`.
pub fn write_date(d: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

/// `09:30:00` (or `09:30:00.250` when there is a fraction of a second).
pub fn write_time(t: NaiveTime) -> String {
    // chrono keeps a leap second as nanoseconds ≥ 1e9 in second 59.
    let (second, nanos) = if t.nanosecond() >= 1_000_000_000 {
        (60, t.nanosecond() - 1_000_000_000)
    } else {
        (t.second(), t.nanosecond())
    };
    let mut s = format!("{:02}:{:02}:{second:02}", t.hour(), t.minute());
    push_fraction(&mut s, nanos);
    s
}

fn number(text: &str) -> Option<u32> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

/// Reads `YYYY-MM-DD`.
pub fn read_date(text: &str) -> Option<NaiveDate> {
    let mut parts = text.split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    NaiveDate::from_ymd_opt(number(y)? as i32, number(m)?, number(d)?)
}

/// Reads `HH:MM` or `HH:MM:SS`, with an optional fraction of a second.
pub fn read_time(text: &str) -> Option<NaiveTime> {
    let (main, frac) = match text.split_once('.') {
        Some((m, f)) => (m, Some(f)),
        None => (text, None),
    };
    let mut parts = main.split(':');
    let (h, m) = (parts.next()?, parts.next()?);
    let s = parts.next();
    if parts.next().is_some() || h.len() != 2 || m.len() != 2 || s.is_some_and(|s| s.len() != 2) {
        return None;
    }
    let nanos = match frac {
        None => 0,
        Some(f) if f.is_empty() || f.len() > 9 || s.is_none() => return None,
        Some(f) => number(f)? * 10u32.pow(9 - f.len() as u32),
    };
    let (h, m, sec) = (number(h)?, number(m)?, s.map(number).unwrap_or(Some(0))?);
    if sec == 60 {
        // A leap second, as chrono represents it.
        return NaiveTime::from_hms_nano_opt(h, m, 59, nanos.checked_add(1_000_000_000)?);
    }
    NaiveTime::from_hms_nano_opt(h, m, sec, nanos)
}

/// Reads an RFC 3339 timestamp (`Z` or a `±HH:MM` offset) as UTC.
pub fn read_utc(text: &str) -> Option<DateTime<Utc>> {
    let (date, rest) = text.split_once(['T', 't', ' '])?;
    let date = read_date(date)?;
    let (time, offset_minutes) = if let Some(t) = rest.strip_suffix(['Z', 'z']) {
        (t, 0i64)
    } else {
        let at = rest.rfind(['+', '-'])?;
        let (t, off) = rest.split_at(at);
        let sign = if off.starts_with('-') { -1 } else { 1 };
        let (oh, om) = off[1..].split_once(':')?;
        if oh.len() != 2 || om.len() != 2 {
            return None;
        }
        let minutes = i64::from(number(oh)?) * 60 + i64::from(number(om)?);
        if minutes >= 24 * 60 {
            return None;
        }
        (t, sign * minutes)
    };
    let time = read_time(time)?;
    let local = date.and_time(time).and_utc();
    local.checked_sub_signed(chrono::TimeDelta::minutes(offset_minutes))
}

/// Reads a text value with `read`. The check runs inside the deserializer's own reading of
/// the string, so a JSON reader places a refused value exactly (see `json_path`).
fn text_with<'de, D, T>(
    d: D,
    read: fn(&str) -> Option<T>,
    what: &'static str,
) -> Result<T, D::Error>
where
    D: serde::Deserializer<'de>,
{
    d.deserialize_str(TextVisitor { read, what })
}

/// `null` or a text value read with `read`.
fn optional_text_with<'de, D, T>(
    d: D,
    read: fn(&str) -> Option<T>,
    what: &'static str,
) -> Result<Option<T>, D::Error>
where
    D: serde::Deserializer<'de>,
{
    d.deserialize_option(OptionalVisitor(TextVisitor { read, what }))
}

struct TextVisitor<T> {
    read: fn(&str) -> Option<T>,
    what: &'static str,
}

impl<'de, T> serde::de::Visitor<'de> for TextVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str(self.what)
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<T, E> {
        (self.read)(v).ok_or_else(|| E::custom(format_args!("expected {}", self.what)))
    }
}

/// The optional form: `None` for `null`, the text's value otherwise.
struct OptionalVisitor<T>(TextVisitor<T>);

impl<'de, T> serde::de::Visitor<'de> for OptionalVisitor<T> {
    type Value = Option<T>;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        write!(f, "null or {}", self.0.what)
    }

    fn visit_none<E: serde::de::Error>(self) -> Result<Option<T>, E> {
        Ok(None)
    }

    fn visit_unit<E: serde::de::Error>(self) -> Result<Option<T>, E> {
        Ok(None)
    }

    fn visit_some<D: serde::Deserializer<'de>>(self, d: D) -> Result<Option<T>, D::Error> {
        d.deserialize_str(self.0).map(Some)
    }
}

macro_rules! serde_text {
    ($module:ident, $ty:ty, $write:expr, $read:expr, $what:literal) => {
        /// Serde helpers for this field type (`#[serde(with = "…")]`).
        pub mod $module {
            use super::*;
            use serde::{Deserializer, Serializer};

            pub fn serialize<S: Serializer>(value: &$ty, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(&$write(value))
            }

            pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<$ty, D::Error> {
                text_with(d, $read, $what)
            }
        }
    };
}

serde_text!(
    utc,
    DateTime<Utc>,
    write_utc,
    read_utc,
    "an RFC 3339 timestamp"
);

serde_text!(
    date,
    NaiveDate,
    |d: &NaiveDate| write_date(*d),
    read_date,
    "a date (YYYY-MM-DD)"
);

/// Optional dates and times: `null` or text.
pub mod option {
    use super::*;
    use serde::{Deserializer, Serializer};

    /// Writes `None` as `null` and a value with `write`.
    fn write_optional<S: Serializer, T>(
        v: &Option<T>,
        s: S,
        write: impl Fn(&T) -> String,
    ) -> Result<S::Ok, S::Error> {
        match v {
            Some(t) => s.serialize_str(&write(t)),
            None => s.serialize_none(),
        }
    }

    pub mod date {
        use super::*;
        pub fn serialize<S: Serializer>(v: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
            write_optional(v, s, |d| write_date(*d))
        }
        pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
            optional_text_with(d, read_date, "a date (YYYY-MM-DD)")
        }
    }

    pub mod utc {
        use super::*;
        pub fn serialize<S: Serializer>(
            v: &Option<DateTime<Utc>>,
            s: S,
        ) -> Result<S::Ok, S::Error> {
            write_optional(v, s, write_utc)
        }
        pub fn deserialize<'de, D: Deserializer<'de>>(
            d: D,
        ) -> Result<Option<DateTime<Utc>>, D::Error> {
            optional_text_with(d, read_utc, "an RFC 3339 timestamp")
        }
    }

    pub mod time {
        use super::*;
        pub fn serialize<S: Serializer>(v: &Option<NaiveTime>, s: S) -> Result<S::Ok, S::Error> {
            write_optional(v, s, |t| write_time(*t))
        }
        pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveTime>, D::Error> {
            optional_text_with(d, read_time, "a time (HH:MM:SS)")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utc_round_trips_and_matches_chrono() {
        for secs in [0i64, 1_764_065_100, 4_102_444_799, -86_400] {
            for nanos in [0u32, 500_000_000, 123_000_000, 1] {
                let t = DateTime::from_timestamp(secs, nanos).unwrap();
                let text = write_utc(&t);
                assert_eq!(read_utc(&text), Some(t), "{text}");
                assert_eq!(
                    text,
                    t.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true),
                    "same text as chrono"
                );
            }
        }
    }

    #[test]
    fn times_round_trip_like_chrono() {
        for (h, m, sec, nanos) in [
            (0, 0, 0, 0),
            (9, 30, 0, 0),
            (23, 59, 59, 250_000_000),
            (4, 2, 1, 7),
            (23, 59, 59, 1_500_000_000),
        ] {
            let t = NaiveTime::from_hms_nano_opt(h, m, sec, nanos).unwrap();
            let text = write_time(t);
            assert_eq!(read_time(&text), Some(t), "{text}");
            assert_eq!(text, t.to_string(), "same text as chrono");
        }
    }

    #[test]
    fn offsets_are_converted_to_utc() {
        let t = read_utc("2026-11-25T11:05:00+01:00").unwrap();
        assert_eq!(write_utc(&t), "2026-11-25T10:05:00Z");
        assert_eq!(
            write_utc(&read_utc("2026-11-25T09:05:00-01:00").unwrap()),
            "2026-11-25T10:05:00Z"
        );
    }

    #[test]
    fn bad_texts_are_refused() {
        for bad in [
            "",
            "2026-11-25",
            "2026-13-01T00:00:00Z",
            "2026-02-30T00:00:00Z",
            "2026-11-25T25:00:00Z",
            "2026-11-25T10:00:00",
            "2026-11-25T10:00:00+24:00",
            "+2026-11-25T10:00:00Z",
            "2026-11-25T10:00:00.Z",
            "2026-11-25T1:00:00Z",
        ] {
            assert_eq!(read_utc(bad), None, "{bad}");
        }
        assert_eq!(read_date("2026-1-05"), None);
        assert_eq!(read_date("2026-01-05"), NaiveDate::from_ymd_opt(2026, 1, 5));
        assert_eq!(read_time("09:30"), NaiveTime::from_hms_opt(9, 30, 0));
        assert_eq!(read_time("09:30:15"), NaiveTime::from_hms_opt(9, 30, 15));
        assert_eq!(read_time("9:30"), None);
        assert_eq!(read_time("09:60"), None);
    }
}
