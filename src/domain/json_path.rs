//! Where in a JSON text a typed parse stopped, as a path a recruiter can follow
//! (`campaigns[2].sessions[0].date`). serde_json reports a line and a column; this module
//! walks the text up to that point and names the value being read there. It replaces a
//! path-tracking deserializer, which doubled the code of every type read from a file
//! (about 34 KB of the compressed bundle). The property test `shape_errors_name_the_same_path`
//! holds it to that deserializer's answers.

/// One open container while walking the text.
enum Frame {
    /// In an object: the key of the member being read, once its value has begun.
    Object { key: Option<String>, in_value: bool },
    /// In an array: the index of the element being read, once it has begun.
    Array { index: usize, in_element: bool },
}

impl Frame {
    /// A value (scalar, object or array) begins inside this container.
    fn value_begins(&mut self) {
        match self {
            Frame::Object { in_value, .. } => *in_value = true,
            Frame::Array { in_element, .. } => *in_element = true,
        }
    }
}

/// Why a JSON value could not be read as a type: where, and serde's message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShapeError {
    /// `campaigns[2].sessions[0].date`; empty for the value itself.
    pub path: String,
    /// serde's technical message, without a position.
    pub message: String,
}

/// Reads a `T` from `value`. The value is written out and read back as text, so that every
/// type is read by one piece of code in the bundle (the one of the typed fast path), and so
/// that where the reading stops names the wrong value.
pub fn from_value<T: serde::de::DeserializeOwned>(
    value: &serde_json::Value,
) -> Result<T, ShapeError> {
    let text = serde_json::to_string(value).map_err(|e| ShapeError {
        path: String::new(),
        message: e.to_string(),
    })?;
    serde_json::from_str(&text).map_err(|e| {
        // A type error is placed after the bytes serde_json read; a "syntax" error in text
        // that is valid JSON (a value of the wrong kind, only peeked at) one byte further on.
        let read = match e.classify() {
            serde_json::error::Category::Syntax => e.column().saturating_sub(1),
            _ => e.column(),
        };
        ShapeError {
            path: path_at(&text, e.line(), read),
            message: message_of(&e),
        }
    })
}

/// serde_json's message without the " at line L column C" it appends.
fn message_of(e: &serde_json::Error) -> String {
    let message = e.to_string();
    let position = format!(" at line {} column {}", e.line(), e.column());
    match message.strip_suffix(&position) {
        Some(m) => m.to_owned(),
        None => message,
    }
}

/// The path of the value being read after serde_json consumed the text up to `column`
/// (1-based, in bytes) of `line` (1-based): keys joined by `.`, indices in brackets, and
/// empty for the whole text.
pub fn path_at(text: &str, line: usize, column: usize) -> String {
    let end = byte_offset(text, line, column);
    let bytes = text.as_bytes();
    let mut stack: Vec<Frame> = Vec::new();
    let mut i = 0;
    while i < end {
        match bytes[i] {
            b'{' | b'[' => {
                if let Some(top) = stack.last_mut() {
                    top.value_begins();
                }
                stack.push(if bytes[i] == b'{' {
                    Frame::Object {
                        key: None,
                        in_value: false,
                    }
                } else {
                    // serde_json reports an element it refuses without reading it (an
                    // array or object where it wants something else) at the `[` or `,`
                    // before it: from there on, the next element counts as begun.
                    Frame::Array {
                        index: 0,
                        in_element: true,
                    }
                });
            }
            b'}' | b']' => {
                stack.pop();
            }
            b',' => match stack.last_mut() {
                Some(Frame::Object { key, in_value }) => {
                    *key = None;
                    *in_value = false;
                }
                Some(Frame::Array { index, in_element }) => {
                    *index += 1;
                    *in_element = true;
                }
                None => {}
            },
            b'"' => {
                let (text_of, next) = string_at(text, i);
                match stack.last_mut() {
                    Some(Frame::Object {
                        key: key @ None, ..
                    }) => *key = Some(text_of),
                    Some(top) => top.value_begins(),
                    None => {}
                }
                i = next;
                continue;
            }
            // Likewise a member's value counts as begun at the colon.
            b':' => {
                if let Some(top) = stack.last_mut() {
                    top.value_begins();
                }
            }
            b' ' | b'\t' | b'\n' | b'\r' => {}
            _ => {
                if let Some(top) = stack.last_mut() {
                    top.value_begins();
                }
            }
        }
        i += 1;
    }
    let mut out = String::new();
    for frame in &stack {
        match frame {
            Frame::Object {
                key: Some(k),
                in_value: true,
            } => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(k);
            }
            Frame::Array {
                index,
                in_element: true,
            } => {
                out.push('[');
                out.push_str(&index.to_string());
                out.push(']');
            }
            _ => break,
        }
    }
    out
}

/// The byte offset just after `column` bytes of line `line`, clamped to the text.
fn byte_offset(text: &str, line: usize, column: usize) -> usize {
    let start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    (start + column).min(text.len())
}

/// The decoded content of the string starting with the quote at `start`, and the offset just
/// after its closing quote (or the end of the text).
fn string_at(text: &str, start: usize) -> (String, usize) {
    let bytes = text.as_bytes();
    let mut i = start + 1;
    while i < bytes.len() && bytes[i] != b'"' {
        i += if bytes[i] == b'\\' { 2 } else { 1 };
    }
    let end = i.min(bytes.len());
    let raw = text.get(start..(end + 1).min(text.len())).unwrap_or("");
    let decoded = serde_json::from_str::<String>(raw)
        .unwrap_or_else(|_| text.get(start + 1..end).unwrap_or("").to_owned());
    (decoded, (end + 1).min(bytes.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The path after consuming the text up to the end of `prefix` (on one line).
    fn after(text: &str, prefix: &str) -> String {
        assert!(text.starts_with(prefix));
        path_at(text, 1, prefix.len())
    }

    #[test]
    fn names_keys_and_indices() {
        let t = r#"{"campaigns":[{"name":"a"},{"name":3}]}"#;
        assert_eq!(
            after(t, r#"{"campaigns":[{"name":"a"},{"name":3"#),
            "campaigns[1].name"
        );
        assert_eq!(after(t, r#"{"campaigns":[{"name":"a"}"#), "campaigns[0]");
        // serde_json refuses an array or object it only peeked at with the position of the
        // `:`, `[` or `,` before it: the value after them counts as begun.
        assert_eq!(after(t, r#"{"campaigns":[{"name":"a"},"#), "campaigns[1]");
        assert_eq!(after(t, r#"{"campaigns""#), "");
        assert_eq!(after(t, r#"{"campaigns":"#), "campaigns");
        assert_eq!(after(t, r#"{"campaigns":["#), "campaigns[0]");
        assert_eq!(after(t, t), "");
    }

    #[test]
    fn strings_may_hold_brackets_quotes_and_escaped_keys() {
        let t = r#"{"a\"b":{"x":"[,{\"]"},"c":[1,[2,"]"]]}"#;
        assert_eq!(after(t, r#"{"a\"b":{"x":"[,{\"]""#), "a\"b.x");
        assert_eq!(
            after(t, r#"{"a\"b":{"x":"[,{\"]"},"c":[1,[2,"]""#),
            "c[1][1]"
        );
    }

    #[test]
    fn lines_and_columns_count_bytes() {
        let t = "{\n  \"é\": [\n    true,\n    nul\n  ]\n}";
        // serde_json stops on line 4 after "nul" and the next character.
        assert_eq!(path_at(t, 4, 8), "é[1]");
        assert_eq!(path_at(t, 99, 99), "");
    }
}
