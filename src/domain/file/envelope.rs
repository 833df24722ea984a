//! The sealed envelope: a Rally file protected by a passphrase, as it travels by e-mail or in
//! a link. This module is the envelope as data — its fields, their bounds, the exact bytes
//! bound to the ciphertext, reading and writing — and nothing else: the key derivation and
//! the encryption run in the browser's Web Crypto (`platform::crypto`), so that the core stays
//! pure and the primitives are the browser's audited ones. See `docs/file-format.md`, "Files
//! protected by a passphrase".
//!
//! ```json
//! {"format":"rally-sealed","version":1,"content":"rally",
//!  "kdf":{"name":"PBKDF2-SHA256","iterations":600000,"salt":"<16 bytes>"},
//!  "cipher":{"name":"AES-256-GCM","nonce":"<12 bytes>"},
//!  "ciphertext":"<the sealed Rally file, then the 16-byte tag>"}
//! ```
//!
//! Binary fields are base64url without padding. The associated data of AES-GCM is the header:
//! this object without `ciphertext`, written compactly in this member order
//! ([`Sealed::header`]), so that a header changed in any way no longer opens.

use crate::domain::base64;
use crate::domain::limits::MAX_IMPORT_BYTES;
use crate::domain::survey::code::{CodeError, LINK_ROUTE, MAX_CODE_CHARS};
use serde_json::{Map, Value};

/// The value of the `format` member of a sealed file.
pub const SEALED_FORMAT: &str = "rally-sealed";
/// The envelope version this build writes and reads.
pub const SEALED_VERSION: u64 = 1;
/// What the sealed bytes are: a Rally file (the JSON document of this format).
pub const CONTENT_RALLY: &str = "rally";
/// The key derivation: PBKDF2 with HMAC-SHA-256 (RFC 8018), giving a 256-bit key.
pub const KDF_NAME: &str = "PBKDF2-SHA256";
/// The cipher: AES-256 in Galois/Counter Mode (NIST SP 800-38D), 128-bit tag.
pub const CIPHER_NAME: &str = "AES-256-GCM";
/// Iterations this build writes: OWASP's Password Storage Cheat Sheet asks for at least
/// 600,000 with HMAC-SHA-256.
pub const ITERATIONS: u32 = 600_000;
/// Fewest iterations read: a file asking for less was not made by Rally.
pub const MIN_ITERATIONS: u32 = 600_000;
/// Most iterations read, so that a hostile file cannot hold the browser for hours.
pub const MAX_ITERATIONS: u32 = 10_000_000;
pub const SALT_BYTES: usize = 16;
pub const NONCE_BYTES: usize = 12;
pub const TAG_BYTES: usize = 16;
/// Largest sealed file read: the largest Rally file, sealed and in base64url, with room for
/// the header.
pub const MAX_SEALED_BYTES: usize = (MAX_IMPORT_BYTES + TAG_BYTES).div_ceil(3) * 4 + 1024;
/// What starts the payload of a protected invitation link, after `#/respond/`. A dot is not
/// base64url, so it never starts the payload of an open link.
pub const LINK_MARK: &str = "s.";

/// A sealed file, read and checked: everything needed to try a passphrase.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sealed {
    pub iterations: u32,
    pub salt: [u8; SALT_BYTES],
    pub nonce: [u8; NONCE_BYTES],
    /// The encrypted Rally file followed by the 16-byte authentication tag (as Web Crypto
    /// and most libraries give them).
    pub ciphertext: Vec<u8>,
}

/// Why a sealed file's envelope cannot be used. Each variant becomes one sentence (`i18n`).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SealedError {
    #[error("the envelope version is missing or not a whole number from 1")]
    BadVersion,
    #[error(
        "envelope version {found} comes from a newer Rally (this one reads up to {supported})"
    )]
    FutureVersion { found: u64, supported: u64 },
    #[error("the envelope member {field} is missing, unexpected or of the wrong type")]
    Shape { field: String },
    #[error("the sealed content is not a Rally file")]
    UnknownContent,
    #[error("the key derivation is not {KDF_NAME}")]
    UnknownKdf,
    #[error("{found} iterations of key derivation is outside {MIN_ITERATIONS}..={MAX_ITERATIONS}")]
    Iterations { found: u64 },
    #[error("the cipher is not {CIPHER_NAME}")]
    UnknownCipher,
    #[error("the salt is not {SALT_BYTES} bytes of base64url")]
    Salt,
    #[error("the nonce is not {NONCE_BYTES} bytes of base64url")]
    Nonce,
    #[error("the ciphertext is not base64url of a sealed Rally file")]
    Ciphertext,
}

impl Sealed {
    /// The header of an envelope: the associated data of AES-GCM, and the start of the file.
    pub fn header(iterations: u32, salt: &[u8; SALT_BYTES], nonce: &[u8; NONCE_BYTES]) -> String {
        format!(
            r#"{{"format":"{SEALED_FORMAT}","version":{SEALED_VERSION},"content":"{CONTENT_RALLY}","kdf":{{"name":"{KDF_NAME}","iterations":{iterations},"salt":"{}"}},"cipher":{{"name":"{CIPHER_NAME}","nonce":"{}"}}}}"#,
            base64::encode(salt),
            base64::encode(nonce)
        )
    }

    /// The bytes bound to the ciphertext: this envelope's header.
    pub fn associated_data(&self) -> Vec<u8> {
        Self::header(self.iterations, &self.salt, &self.nonce).into_bytes()
    }

    /// The file: the header with `ciphertext` as its last member.
    pub fn to_json(&self) -> String {
        let mut text = Self::header(self.iterations, &self.salt, &self.nonce);
        text.pop();
        text.push_str(r#","ciphertext":""#);
        text.push_str(&base64::encode(&self.ciphertext));
        text.push_str(r#""}"#);
        text
    }

    /// What follows `#/respond/` in a protected invitation link.
    pub fn link_payload(&self) -> String {
        format!("{LINK_MARK}{}", base64::encode(self.to_json().as_bytes()))
    }
}

/// `Some` when `bytes` are a sealed file (then its envelope, or why it cannot be used);
/// `None` for anything else, which the document reader then explains. Cheap for other files:
/// only a text that names the sealed format is parsed.
pub fn sniff(bytes: &[u8]) -> Option<Result<Sealed, SealedError>> {
    let marker = SEALED_FORMAT.as_bytes();
    if bytes.len() > MAX_SEALED_BYTES || !bytes.windows(marker.len()).any(|w| w == marker) {
        return None;
    }
    let text = std::str::from_utf8(bytes).ok()?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // serde_json stops at 128 levels of nesting, so this cannot overflow the stack.
    let value: Value = serde_json::from_str(text).ok()?;
    is_sealed(&value).then(|| read_sealed(&value))
}

/// Whether a parsed file says it is sealed.
pub fn is_sealed(value: &Value) -> bool {
    value.get("format").and_then(Value::as_str) == Some(SEALED_FORMAT)
}

/// The protected invitation link in `text` (a whole link or its payload): `None` when it is
/// not a protected link. Like an open link, any problem is "incomplete or damaged".
pub fn sealed_link(text: &str) -> Option<Result<Sealed, CodeError>> {
    let text = text.trim();
    let payload = text.rsplit(LINK_ROUTE).next().unwrap_or(text).trim();
    let body = payload.strip_prefix(LINK_MARK)?;
    Some(if payload.len() > MAX_CODE_CHARS {
        Err(CodeError::TooLong)
    } else {
        base64::decode_lenient(body)
            .and_then(|bytes| String::from_utf8(bytes).ok())
            .and_then(|json| serde_json::from_str::<Value>(&json).ok())
            .filter(is_sealed)
            .and_then(|value| read_sealed(&value).ok())
            .ok_or(CodeError::BadLink)
    })
}

/// Reads the envelope of a parsed sealed file. Version 1 knows every member: an unknown one
/// is refused, so that nothing outside the bound header can change how the file is read.
pub fn read_sealed(value: &Value) -> Result<Sealed, SealedError> {
    let top = value.as_object().ok_or_else(|| shape("(root)"))?;
    if !is_sealed(value) {
        return Err(shape("format"));
    }
    match top.get("version").and_then(Value::as_u64) {
        None | Some(0) => return Err(SealedError::BadVersion),
        Some(v) if v > SEALED_VERSION => {
            return Err(SealedError::FutureVersion {
                found: v,
                supported: SEALED_VERSION,
            })
        }
        Some(_) => {}
    }
    members(
        top,
        "",
        &[
            "format",
            "version",
            "content",
            "kdf",
            "cipher",
            "ciphertext",
        ],
    )?;
    if text(top, "", "content")? != CONTENT_RALLY {
        return Err(SealedError::UnknownContent);
    }
    let kdf = object(top, "kdf")?;
    members(kdf, "kdf.", &["name", "iterations", "salt"])?;
    if text(kdf, "kdf.", "name")? != KDF_NAME {
        return Err(SealedError::UnknownKdf);
    }
    let iterations = kdf
        .get("iterations")
        .and_then(Value::as_u64)
        .ok_or_else(|| shape("kdf.iterations"))?;
    let iterations = u32::try_from(iterations)
        .ok()
        .filter(|n| (MIN_ITERATIONS..=MAX_ITERATIONS).contains(n))
        .ok_or(SealedError::Iterations { found: iterations })?;
    let salt = fixed(text(kdf, "kdf.", "salt")?).ok_or(SealedError::Salt)?;
    let cipher = object(top, "cipher")?;
    members(cipher, "cipher.", &["name", "nonce"])?;
    if text(cipher, "cipher.", "name")? != CIPHER_NAME {
        return Err(SealedError::UnknownCipher);
    }
    let nonce = fixed(text(cipher, "cipher.", "nonce")?).ok_or(SealedError::Nonce)?;
    let ciphertext = base64::decode_strict(text(top, "", "ciphertext")?)
        .filter(|c| c.len() > TAG_BYTES && c.len() <= MAX_IMPORT_BYTES + TAG_BYTES)
        .ok_or(SealedError::Ciphertext)?;
    Ok(Sealed {
        iterations,
        salt,
        nonce,
        ciphertext,
    })
}

fn shape(field: &str) -> SealedError {
    SealedError::Shape {
        field: field.to_owned(),
    }
}

/// Exactly these members: the first missing one, then the first unexpected one, is named.
fn members(obj: &Map<String, Value>, prefix: &str, expected: &[&str]) -> Result<(), SealedError> {
    if let Some(missing) = expected.iter().find(|k| !obj.contains_key(**k)) {
        return Err(shape(&format!("{prefix}{missing}")));
    }
    match obj.keys().find(|k| !expected.contains(&k.as_str())) {
        Some(extra) => Err(shape(&format!("{prefix}{extra}"))),
        None => Ok(()),
    }
}

fn text<'a>(obj: &'a Map<String, Value>, prefix: &str, key: &str) -> Result<&'a str, SealedError> {
    obj.get(key)
        .and_then(Value::as_str)
        .ok_or_else(|| shape(&format!("{prefix}{key}")))
}

fn object<'a>(
    obj: &'a Map<String, Value>,
    key: &str,
) -> Result<&'a Map<String, Value>, SealedError> {
    obj.get(key)
        .and_then(Value::as_object)
        .ok_or_else(|| shape(key))
}

/// Strict base64url of exactly `N` bytes.
fn fixed<const N: usize>(text: &str) -> Option<[u8; N]> {
    base64::decode_strict(text)?.try_into().ok()
}

#[cfg(test)]
mod tests;
