//! Passphrase protection through the browser's Web Crypto (`crypto.subtle`): PBKDF2 with
//! HMAC-SHA-256 derives a 256-bit key from the passphrase and a random 16-byte salt, and
//! AES-256-GCM seals the file under a random 12-byte nonce, with the envelope's header as
//! associated data (`domain::file::envelope` holds the envelope; `docs/file-format.md`
//! documents it).
//!
//! Why Web Crypto rather than a Rust crate compiled to wasm: the primitives are the browser's
//! own audited, constant-time implementations (BoringSSL in Chromium, NSS in Firefox), they
//! add no byte to the bundle, and they run off the page's thread, so the page can show that
//! it is working while the 600,000 iterations take their fraction of a second.
//!
//! The passphrase is only ever an argument: nothing here keeps or stores it, and the derived
//! keys are created non-extractable.

use crate::domain::file::envelope::{Sealed, ITERATIONS, NONCE_BYTES, SALT_BYTES};
use js_sys::{Array, JsString, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AesDerivedKeyParams, AesGcmParams, CryptoKey, Pbkdf2Params, SubtleCrypto};

/// Why protecting or opening did not happen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CryptoError {
    /// This page has no Web Crypto (served over plain http from another host than this
    /// machine, or a very old browser).
    Unavailable,
    /// Opening: the passphrase is wrong, or the file was altered after it was sealed. AES-GCM
    /// cannot tell the two apart, and neither can anyone else without the passphrase.
    Refused,
    /// Anything else the browser refused.
    Failed,
}

fn crypto() -> Result<web_sys::Crypto, CryptoError> {
    web_sys::window()
        .and_then(|w| w.crypto().ok())
        .ok_or(CryptoError::Unavailable)
}

fn subtle() -> Result<SubtleCrypto, CryptoError> {
    // `crypto.subtle` is undefined outside secure contexts; web-sys would not say so.
    let subtle = Reflect::get(crypto()?.as_ref(), &JsValue::from_str("subtle"))
        .map_err(|_| CryptoError::Unavailable)?;
    if subtle.is_undefined() || subtle.is_null() {
        return Err(CryptoError::Unavailable);
    }
    Ok(subtle.unchecked_into())
}

/// `N` bytes from the browser's cryptographic generator; never a weaker fallback.
fn random<const N: usize>() -> Result<[u8; N], CryptoError> {
    let mut bytes = [0u8; N];
    crypto()?
        .get_random_values_with_u8_array(&mut bytes)
        .map_err(|_| CryptoError::Unavailable)?;
    Ok(bytes)
}

/// The bytes the key is derived from: the passphrase in UTF-8 after Unicode normalisation
/// NFC, so that an accent typed as one character or as a letter and a combining mark gives
/// the same key.
fn passphrase_bytes(passphrase: &str) -> Uint8Array {
    let normal = String::from(JsString::from(passphrase).normalize("NFC"));
    Uint8Array::from(normal.as_bytes())
}

/// The AES-GCM key for `passphrase` and `salt`, usable for `usage` only.
async fn derive_key(
    subtle: &SubtleCrypto,
    passphrase: &str,
    salt: &[u8],
    iterations: u32,
    usage: &str,
) -> Result<CryptoKey, JsValue> {
    let base = JsFuture::from(subtle.import_key_with_str(
        "raw",
        &passphrase_bytes(passphrase),
        "PBKDF2",
        false,
        &Array::of1(&JsValue::from_str("deriveKey")),
    )?)
    .await?;
    let params = Pbkdf2Params::new(
        "PBKDF2",
        &JsValue::from_str("SHA-256"),
        iterations,
        &Uint8Array::from(salt),
    );
    let key = JsFuture::from(subtle.derive_key_with_object_and_object(
        &params,
        &base.unchecked_into(),
        &AesDerivedKeyParams::new("AES-GCM", 256),
        false,
        &Array::of1(&JsValue::from_str(usage)),
    )?)
    .await?;
    Ok(key.unchecked_into())
}

fn gcm(nonce: &[u8], associated_data: &[u8]) -> AesGcmParams {
    let params = AesGcmParams::new("AES-GCM", &Uint8Array::from(nonce));
    params.set_additional_data(&Uint8Array::from(associated_data));
    params.set_tag_length(128);
    params
}

/// Seals `plaintext` (a Rally file) under `passphrase`, with a fresh salt and nonce.
pub async fn seal(passphrase: &str, plaintext: &[u8]) -> Result<Sealed, CryptoError> {
    let subtle = subtle()?;
    let mut sealed = Sealed {
        iterations: ITERATIONS,
        salt: random::<SALT_BYTES>()?,
        nonce: random::<NONCE_BYTES>()?,
        ciphertext: Vec::new(),
    };
    let key = derive_key(&subtle, passphrase, &sealed.salt, ITERATIONS, "encrypt")
        .await
        .map_err(|_| CryptoError::Failed)?;
    let params = gcm(&sealed.nonce, &sealed.associated_data());
    let promise = subtle
        .encrypt_with_object_and_u8_array(&params, &key, plaintext)
        .map_err(|_| CryptoError::Failed)?;
    let buffer = JsFuture::from(promise)
        .await
        .map_err(|_| CryptoError::Failed)?;
    sealed.ciphertext = Uint8Array::new(&buffer).to_vec();
    Ok(sealed)
}

/// The bytes `sealed` protects, if `passphrase` opens it and nothing was altered.
pub async fn open(passphrase: &str, sealed: &Sealed) -> Result<Vec<u8>, CryptoError> {
    let subtle = subtle()?;
    let key = derive_key(
        &subtle,
        passphrase,
        &sealed.salt,
        sealed.iterations,
        "decrypt",
    )
    .await
    .map_err(|_| CryptoError::Failed)?;
    let params = gcm(&sealed.nonce, &sealed.associated_data());
    let promise = subtle
        .decrypt_with_object_and_u8_array(&params, &key, &sealed.ciphertext)
        .map_err(|_| CryptoError::Failed)?;
    // The one failure of a well-formed decryption is the tag check.
    JsFuture::from(promise)
        .await
        .map(|buffer| Uint8Array::new(&buffer).to_vec())
        .map_err(|_| CryptoError::Refused)
}
