//! Rally's own values written as JSON.
//!
//! Every value Rally writes is of its own types (string keys, finite numbers): serialising it
//! cannot fail, and a failure would be a bug. These functions panic on one without formatting
//! serde's error, so that no page carries that error's `Debug` (and, with it, Unicode's
//! escaping tables) only to describe the impossible.

use serde::Serialize;

/// `value` as compact JSON.
pub fn to_string<T: Serialize + ?Sized>(value: &T) -> String {
    written(serde_json::to_string(value))
}

/// `value` as indented JSON, for a person to read.
pub fn to_string_pretty<T: Serialize + ?Sized>(value: &T) -> String {
    written(serde_json::to_string_pretty(value))
}

/// `value` as compact JSON, in bytes.
pub fn to_vec<T: Serialize + ?Sized>(value: &T) -> Vec<u8> {
    written(serde_json::to_vec(value))
}

/// What serde_json wrote; its error, which cannot happen, is not formatted.
fn written<T>(result: serde_json::Result<T>) -> T {
    match result {
        Ok(out) => out,
        Err(_) => unreachable!("Rally's own values always serialise"),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn writes_what_serde_json_writes() {
        let value = serde_json::json!({ "a": [1, 2.5, "é\"\n"], "b": null });
        assert_eq!(
            super::to_string(&value),
            serde_json::to_string(&value).unwrap()
        );
        assert_eq!(super::to_vec(&value), serde_json::to_vec(&value).unwrap());
        assert_eq!(
            super::to_string_pretty(&value),
            serde_json::to_string_pretty(&value).unwrap()
        );
    }
}
