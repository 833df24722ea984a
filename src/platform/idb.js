// Rally's IndexedDB access: one database, one object store of text values under text keys.
// A promise wrapper of ~80 lines instead of a Rust crate: the whole of IndexedDB that Rally
// uses is here (read one key; read one key and key ranges in one transaction; write and
// delete keys in one transaction, optionally guarded by a compare-and-swap on one key).
// src/platform/db.rs binds it.
//
// Errors reject with the DOMException's name ("QuotaExceededError", "NotFoundError", …),
// or "Conflict" when the guard does not hold, or "Unavailable" when IndexedDB cannot be
// opened (private modes, policies).

const DB_NAME = 'rally';
const STORE = 'kv';

let opening = null;
let db = null;

function request(version) {
  return new Promise((resolve, reject) => {
    let req;
    try {
      req = version ? indexedDB.open(DB_NAME, version) : indexedDB.open(DB_NAME);
    } catch (e) {
      reject('Unavailable');
      return;
    }
    req.onupgradeneeded = () => {
      if (!req.result.objectStoreNames.contains(STORE)) req.result.createObjectStore(STORE);
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject('Unavailable');
    req.onblocked = () => reject('Unavailable');
  });
}

function open() {
  if (db) return Promise.resolve(db);
  if (!opening) {
    opening = request(null)
      // A database of that name without our store (made by something else): one version up.
      .then((d) => {
        if (d.objectStoreNames.contains(STORE)) return d;
        const next = d.version + 1;
        d.close();
        return request(next);
      })
      .then((d) => {
        db = d;
        // Another tab upgrading the database: let it, and reopen on the next call.
        d.onversionchange = () => { d.close(); db = null; opening = null; };
        return d;
      }, (e) => { opening = null; throw e; });
  }
  return opening;
}

function fail(reject, error) {
  reject(error && error.name ? error.name : 'Unavailable');
}

/** Opens the database (so that later writes can start at once, e.g. when the page is left). */
export function idbOpen() {
  return open().then(() => undefined);
}

/** Whether the database is open: a write can then be issued synchronously. */
export function idbReady() {
  return db !== null;
}

// The texts of key ranges (the fieldwork's events: tens of MB in a large practice) reach the
// module as UTF-8 bytes, copied into its memory in one move, where a string is copied by
// wasm-bindgen's glue one character at a time (measured at 240,000 coded events: ~270 ms of a
// campaign page's 1.1 s went to that copy). Single records (the workspace, a token, a draft)
// stay strings: the workspace is read while the module compiles, on the recruiter's first
// render's path, and encoding it there did not make that render faster (A/B, 4 × 20 loads).
const encoder = new TextEncoder();

function bytes(text) {
  return typeof text === 'string' ? encoder.encode(text) : undefined;
}

// Reads started by the page's loader (`idbPrefetch`) while the WebAssembly module is still
// being fetched and compiled; the app's first read of that key takes the result. A write
// drops them: what is read after a write must see it.
const early = new Map();

function read(key) {
  return open().then((d) => new Promise((resolve, reject) => {
    const req = d.transaction(STORE, 'readonly').objectStore(STORE).get(key);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => fail(reject, req.error);
  }));
}

/**
 * Starts reading `key` now (the recruiter's loader: the workspace, before the module is
 * there); the next `idbGet(key)` returns this read.
 */
export function idbPrefetch(key) {
  const pending = read(key);
  pending.catch(() => {});
  early.set(key, pending);
}

/** The text under `key`, or undefined. */
export function idbGet(key) {
  const pending = early.get(key);
  if (pending) {
    early.delete(key);
    return pending;
  }
  return read(key);
}

/**
 * In one read-only transaction, so one consistent view of the store and one round trip: the
 * text under `key` (or undefined), and every [key, text] whose key starts with one of
 * `prefixes` (texts as UTF-8 bytes), prefix by prefix, in key order.
 */
export function idbRead(key, prefixes) {
  return open().then((d) => new Promise((resolve, reject) => {
    const tx = d.transaction(STORE, 'readonly');
    const store = tx.objectStore(STORE);
    const one = store.get(key);
    const ranges = prefixes.map((prefix) => {
      const range = IDBKeyRange.bound(prefix, prefix + '\uffff');
      return [store.getAllKeys(range), store.getAll(range)];
    });
    tx.oncomplete = () => resolve([
      one.result,
      ranges.flatMap(([keys, values]) => keys.result.map((k, i) => [k, bytes(values.result[i])])),
    ]);
    tx.onerror = () => fail(reject, tx.error);
    tx.onabort = () => fail(reject, tx.error);
  }));
}

function write(d, puts, deletes, guardKey, expected, resolve, reject) {
  const tx = d.transaction(STORE, 'readwrite');
  const store = tx.objectStore(STORE);
  let failure = null;
  tx.oncomplete = () => resolve();
  tx.onerror = () => fail(reject, tx.error);
  tx.onabort = () => (failure ? reject(failure) : fail(reject, tx.error));
  const go = () => {
    try {
      for (const [k, v] of puts) store.put(v, k);
      for (const k of deletes) store.delete(k);
      if (tx.commit) tx.commit();
    } catch (e) {
      failure = e && e.name ? e.name : 'Unavailable';
      tx.abort();
    }
  };
  if (guardKey === undefined || guardKey === null) {
    go();
    return;
  }
  // Compare-and-swap inside the transaction: readwrite transactions on one store run one at a
  // time, across tabs too, so nobody writes between the read and the writes.
  const req = store.get(guardKey);
  req.onsuccess = () => {
    const found = req.result;
    if (found !== undefined && found !== expected) {
      failure = 'Conflict';
      tx.abort();
      return;
    }
    go();
  };
}

/**
 * Writes `puts` ([key, text] pairs) and deletes `deletes` (keys) in one transaction. With a
 * `guardKey`, the transaction first reads it and aborts with "Conflict" unless it is absent or
 * holds `expected`. When the database is already open the transaction starts before this
 * returns, so a call made while the page is being left is issued at once.
 */
export function idbWrite(puts, deletes, guardKey, expected) {
  early.clear();
  if (db) {
    return new Promise((resolve, reject) => {
      try {
        write(db, puts, deletes, guardKey, expected, resolve, reject);
      } catch (e) {
        fail(reject, e);
      }
    });
  }
  return open().then((d) => new Promise((resolve, reject) => {
    write(d, puts, deletes, guardKey, expected, resolve, reject);
  }));
}
