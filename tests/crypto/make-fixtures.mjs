#!/usr/bin/env node
// Writes tests/fixtures/sealed/: a Rally file sealed by the independent implementation
// (./rally-sealed.mjs) and hostile variants of it, each with one change. Deterministic (fixed
// salt and nonce), so running it again rewrites the same bytes. What each file checks, and
// what reading it must give, is in tests/fixtures/sealed/README.md and tests/sealed_files.rs.
//
//   node tests/crypto/make-fixtures.mjs
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { seal } from './rally-sealed.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const OUT = path.join(ROOT, 'tests', 'fixtures', 'sealed');
export const PASSPHRASE = 'cheval pluie orange lampe';

const salt = Buffer.from([...Array(16).keys()]);
const nonce = Buffer.from([...Array(12).keys()].map((i) => 0xa0 + i));
// The version 1 golden file, compact: small enough to keep many variants on disk.
const plain = JSON.stringify(JSON.parse(fs.readFileSync(path.join(ROOT, 'tests', 'fixtures', 'format-v1.json'), 'utf8')));
const valid = seal(plain, PASSPHRASE, { salt, nonce });

const b64 = (bytes) => Buffer.from(bytes).toString('base64url');
const ciphertext = () => Buffer.from(JSON.parse(valid).ciphertext, 'base64url');

/** The valid file with `edit` applied to its parsed envelope. */
function variant(edit) {
  const env = JSON.parse(valid);
  edit(env);
  return JSON.stringify(env, null, 2);
}

const files = {
  'valid.json': valid,
  'truncated.json': valid.slice(0, Math.floor(valid.length / 2)),
  'altered-ciphertext.json': variant((e) => { const c = ciphertext(); c[100] ^= 0x01; e.ciphertext = b64(c); }),
  'altered-header.json': variant((e) => { e.kdf.iterations = 600_001; }),
  'tag-cut-off.json': variant((e) => { const c = ciphertext(); e.ciphertext = b64(c.subarray(0, c.length - 16)); }),
  'iterations-1e12.json': variant((e) => { e.kdf.iterations = 1_000_000_000_000; }),
  'iterations-1000.json': variant((e) => { e.kdf.iterations = 1000; }),
  'iterations-float.json': variant((e) => { e.kdf.iterations = 600000.5; }),
  'version-2.json': variant((e) => { e.version = 2; }),
  'version-missing.json': variant((e) => { delete e.version; }),
  'kdf-argon2id.json': variant((e) => { e.kdf.name = 'Argon2id'; }),
  'cipher-chacha20.json': variant((e) => { e.cipher.name = 'ChaCha20-Poly1305'; }),
  'content-csv.json': variant((e) => { e.content = 'text/csv'; }),
  'salt-8-bytes.json': variant((e) => { e.kdf.salt = b64(salt.subarray(0, 8)); }),
  'nonce-padded.json': variant((e) => { e.cipher.nonce = `${b64(nonce.subarray(0, 11))}=`; }),
  'ciphertext-standard-alphabet.json': variant((e) => { e.ciphertext = ciphertext().toString('base64'); }),
  'ciphertext-tag-only.json': variant((e) => { e.ciphertext = b64(ciphertext().subarray(0, 16)); }),
  'extra-member.json': variant((e) => { e.hint = 'the passphrase is four words'; }),
  'missing-cipher.json': variant((e) => { delete e.cipher; }),
};

fs.mkdirSync(OUT, { recursive: true });
for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(OUT, name), text);
console.log(`${Object.keys(files).length} files written to ${path.relative(ROOT, OUT)}/`);
