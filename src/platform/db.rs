//! The browser's database (IndexedDB) for Rally's data: text values under text keys, written
//! in atomic batches. `localStorage` (about 5 MB per site in Chromium) could not hold a
//! practice's observations; IndexedDB holds as much as the browser grants the site (a share
//! of the disk). The JavaScript side is `idb.js`, a small promise wrapper: it costs less than
//! any IndexedDB crate and keeps the browser API out of the rest of the app.
//!
//! Keys (see `docs/file-format.md`, "Storage in the browser"):
//! `workspace` (the recruiter's campaigns and roles, as an autosave record) and
//! `workspace.token` (who wrote it last); `fw/kits`, `fw/invitations`, `fw/responses` and
//! `fieldwork.token` (who wrote them last);
//! `obs/<key>` and `obs/<key>#<n>` (an observation and its events in chunks);
//! `draft/<invitation>` (a respondent's draft).

use crate::platform::storage::StorageFailure;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen(module = "/src/platform/idb.js")]
extern "C" {
    #[wasm_bindgen(js_name = idbOpen)]
    fn idb_open() -> js_sys::Promise;
    #[wasm_bindgen(js_name = idbReady)]
    fn idb_ready() -> bool;
    #[wasm_bindgen(js_name = idbGet)]
    fn idb_get(key: &str) -> js_sys::Promise;
    #[wasm_bindgen(js_name = idbRead)]
    fn idb_read(key: &str, prefixes: js_sys::Array) -> js_sys::Promise;
    #[wasm_bindgen(js_name = idbWrite)]
    fn idb_write(
        puts: js_sys::Array,
        deletes: js_sys::Array,
        guard_key: Option<String>,
        expected: Option<String>,
    ) -> js_sys::Promise;
}

/// Why a write did not happen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WriteError {
    Failed(StorageFailure),
    /// The guard key did not hold the expected value: someone else wrote in between.
    Conflict,
}

fn failure(e: &JsValue) -> StorageFailure {
    match e.as_string().as_deref() {
        Some("QuotaExceededError") => StorageFailure::Full,
        _ => StorageFailure::Unavailable,
    }
}

/// Opens the database. Later writes then start synchronously (see [`write`]).
pub async fn open() -> Result<(), StorageFailure> {
    JsFuture::from(idb_open())
        .await
        .map(|_| ())
        .map_err(|e| failure(&e))
}

/// Whether the database is open.
pub fn is_open() -> bool {
    idb_ready()
}

/// A stored text of a key range, which `idb.js` hands over as its UTF-8 bytes (one copy into
/// the module's memory; a `JsValue` string is copied a character at a time). `TextEncoder`
/// writes valid UTF-8 only; were a byte ever wrong, the text is kept with a replacement
/// character rather than dropped.
fn text(v: JsValue) -> Option<String> {
    let bytes = v.dyn_into::<js_sys::Uint8Array>().ok()?.to_vec();
    Some(
        String::from_utf8(bytes)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()),
    )
}

/// The text under `key`, if any.
pub async fn get(key: &str) -> Result<Option<String>, StorageFailure> {
    let v = JsFuture::from(idb_get(key))
        .await
        .map_err(|e| failure(&e))?;
    Ok(v.as_string())
}

/// The text under `key` (if any), and every `(key, text)` whose key starts with one of
/// `prefixes` (prefix by prefix, in key order), read in one transaction: one consistent view
/// of the store, however many writes other tabs make meanwhile, in one round trip.
pub async fn read(
    key: &str,
    prefixes: &[&str],
) -> Result<(Option<String>, Vec<(String, String)>), StorageFailure> {
    let prefixes = prefixes.iter().map(|p| JsValue::from_str(p)).collect();
    let v = JsFuture::from(idb_read(key, prefixes))
        .await
        .map_err(|e| failure(&e))?;
    let v: js_sys::Array = v.dyn_into().map_err(|_| StorageFailure::Unavailable)?;
    let pairs: js_sys::Array = v
        .get(1)
        .dyn_into()
        .map_err(|_| StorageFailure::Unavailable)?;
    let pairs = pairs
        .iter()
        .filter_map(|pair| {
            let pair: js_sys::Array = pair.dyn_into().ok()?;
            Some((pair.get(0).as_string()?, text(pair.get(1))?))
        })
        .collect();
    Ok((v.get(0).as_string(), pairs))
}

/// One batch of changes, written in one transaction: all of it or nothing.
#[derive(Default)]
pub struct Batch {
    puts: Vec<(String, String)>,
    deletes: Vec<String>,
    guard: Option<(String, String)>,
}

impl Batch {
    pub fn put(&mut self, key: impl Into<String>, text: impl Into<String>) -> &mut Self {
        self.puts.push((key.into(), text.into()));
        self
    }

    pub fn delete(&mut self, key: impl Into<String>) -> &mut Self {
        self.deletes.push(key.into());
        self
    }

    /// Writes only if `key` is absent or holds `expected` when the transaction reads it
    /// (compare-and-swap); otherwise nothing is written and the result is a conflict.
    pub fn guard(&mut self, key: impl Into<String>, expected: impl Into<String>) -> &mut Self {
        self.guard = Some((key.into(), expected.into()));
        self
    }

    pub fn is_empty(&self) -> bool {
        self.puts.is_empty() && self.deletes.is_empty()
    }

    /// Starts the transaction (synchronously when the database is open, so a write issued
    /// while the page is being left is sent at once) and returns a future of its outcome.
    pub fn write(self) -> impl std::future::Future<Output = Result<(), WriteError>> {
        let puts = js_sys::Array::new();
        for (k, v) in &self.puts {
            puts.push(&js_sys::Array::of2(
                &JsValue::from_str(k),
                &JsValue::from_str(v),
            ));
        }
        let deletes = js_sys::Array::new();
        for k in &self.deletes {
            deletes.push(&JsValue::from_str(k));
        }
        let (guard_key, expected) = match self.guard {
            Some((k, v)) => (Some(k), Some(v)),
            None => (None, None),
        };
        let promise = idb_write(puts, deletes, guard_key, expected);
        async move {
            JsFuture::from(promise)
                .await
                .map(|_| ())
                .map_err(|e| match e.as_string().as_deref() {
                    Some("Conflict") => WriteError::Conflict,
                    _ => WriteError::Failed(failure(&e)),
                })
        }
    }
}
