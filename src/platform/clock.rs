//! The clock: current time in UTC and the browser's local offset.

use chrono::{DateTime, FixedOffset, NaiveDateTime, Utc};

/// Now, from the browser's clock.
pub fn now() -> DateTime<Utc> {
    DateTime::from_timestamp_millis(js_sys::Date::now() as i64).unwrap_or_default()
}

/// A UTC time as the browser's local wall-clock time.
pub fn local(utc: DateTime<Utc>) -> NaiveDateTime {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(
        utc.timestamp_millis() as f64
    ));
    let offset_minutes = -(date.get_timezone_offset() as i32);
    let offset = FixedOffset::east_opt(offset_minutes * 60)
        .unwrap_or(FixedOffset::east_opt(0).expect("zero offset"));
    utc.with_timezone(&offset).naive_local()
}
