#!/usr/bin/env node
// An independent implementation of Rally's sealed envelope, written from
// docs/file-format.md ("Files protected by a passphrase") on Node's built-in `crypto`
// (OpenSSL; the app uses the browser's Web Crypto, BoringSSL in Chromium). It shares no code
// with the app. The interoperability test (tests/e2e/protect.spec.mjs) uses it both ways:
// it opens files and links the app sealed, and seals files and links the app must open.
//
//   node tests/crypto/rally-sealed.mjs open <sealed.json> <passphrase>   prints the Rally file inside
//   node tests/crypto/rally-sealed.mjs seal <in.json> <out.json> <passphrase>
//   node tests/crypto/rally-sealed.mjs link <in.json> <passphrase>       prints a protected link's payload (s.…)
import crypto from 'node:crypto';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

export const ITERATIONS = 600_000;
const MIN_ITERATIONS = 600_000;
const MAX_ITERATIONS = 10_000_000;
const TAG_BYTES = 16;

/** Base64url without padding (RFC 4648 §5). */
const encode = (bytes) => Buffer.from(bytes).toString('base64url');

/** Strict base64url: only what `encode` writes; `bytes` pins the decoded length. */
function decode(text, what, bytes) {
  if (typeof text !== 'string' || !/^[A-Za-z0-9_-]*$/.test(text)) throw new Error(`${what}: not base64url`);
  const out = Buffer.from(text, 'base64url');
  if (encode(out) !== text) throw new Error(`${what}: not canonical base64url`);
  if (bytes !== undefined && out.length !== bytes) throw new Error(`${what}: ${out.length} bytes, not ${bytes}`);
  return out;
}

/** The header: the associated data, written exactly as the documentation gives it. */
export function header({ iterations, salt, nonce }) {
  return '{"format":"rally-sealed","version":1,"content":"rally",'
    + `"kdf":{"name":"PBKDF2-SHA256","iterations":${iterations},"salt":"${encode(salt)}"},`
    + `"cipher":{"name":"AES-256-GCM","nonce":"${encode(nonce)}"}}`;
}

function deriveKey(passphrase, salt, iterations) {
  return crypto.pbkdf2Sync(Buffer.from(passphrase.normalize('NFC'), 'utf8'), salt, iterations, 32, 'sha256');
}

/**
 * Seals `plaintext` (a Rally file: string or bytes) under `passphrase`. Written indented and
 * in another member order than the app's, which a reader must not care about.
 */
export function seal(plaintext, passphrase, {
  iterations = ITERATIONS, salt = crypto.randomBytes(16), nonce = crypto.randomBytes(12),
} = {}) {
  const cipher = crypto.createCipheriv('aes-256-gcm', deriveKey(passphrase, salt, iterations), nonce,
    { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(header({ iterations, salt, nonce }), 'utf8'));
  const sealed = Buffer.concat([cipher.update(Buffer.from(plaintext)), cipher.final(), cipher.getAuthTag()]);
  return JSON.stringify({
    format: 'rally-sealed',
    version: 1,
    kdf: { name: 'PBKDF2-SHA256', salt: encode(salt), iterations },
    cipher: { nonce: encode(nonce), name: 'AES-256-GCM' },
    content: 'rally',
    ciphertext: encode(sealed),
  }, null, 2);
}

/** Checks a sealed file as the documentation says, then opens it; throws on any problem. */
export function open(text, passphrase) {
  const env = JSON.parse(text);
  const expect = (ok, why) => { if (!ok) throw new Error(why); };
  expect(env.format === 'rally-sealed', 'not a sealed Rally file');
  expect(env.version === 1, `envelope version ${env.version}`);
  expect(Object.keys(env).sort().join() === 'cipher,ciphertext,content,format,kdf,version', 'members');
  expect(env.content === 'rally', 'content');
  expect(env.kdf?.name === 'PBKDF2-SHA256' && Object.keys(env.kdf).length === 3, 'kdf');
  const { iterations } = env.kdf;
  expect(Number.isInteger(iterations) && iterations >= MIN_ITERATIONS && iterations <= MAX_ITERATIONS, 'iterations');
  const salt = decode(env.kdf.salt, 'salt', 16);
  expect(env.cipher?.name === 'AES-256-GCM' && Object.keys(env.cipher).length === 2, 'cipher');
  const nonce = decode(env.cipher.nonce, 'nonce', 12);
  const sealed = decode(env.ciphertext, 'ciphertext');
  expect(sealed.length > TAG_BYTES, 'ciphertext too short');
  const decipher = crypto.createDecipheriv('aes-256-gcm', deriveKey(passphrase, salt, iterations), nonce,
    { authTagLength: TAG_BYTES });
  decipher.setAAD(Buffer.from(header({ iterations, salt, nonce }), 'utf8'));
  decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
  return Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - TAG_BYTES)), decipher.final()]);
}

/** The payload of a protected invitation link: `s.` then the sealed file in base64url. */
export function sealLink(plaintext, passphrase, options) {
  return `s.${encode(Buffer.from(seal(plaintext, passphrase, options), 'utf8'))}`;
}

/** Opens a protected invitation link (or its payload). */
export function openLink(link, passphrase) {
  const payload = link.split('#/respond/').pop().trim();
  if (!payload.startsWith('s.')) throw new Error('not a protected link');
  return open(Buffer.from(payload.slice(2), 'base64url').toString('utf8'), passphrase);
}

function main([command, ...args]) {
  if (command === 'open' && args.length === 2) {
    process.stdout.write(open(fs.readFileSync(args[0], 'utf8'), args[1]));
  } else if (command === 'seal' && args.length === 3) {
    fs.writeFileSync(args[1], seal(fs.readFileSync(args[0]), args[2]));
  } else if (command === 'link' && args.length === 2) {
    console.log(sealLink(fs.readFileSync(args[0]), args[1]));
  } else {
    console.error(fs.readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').slice(7, 10)
      .map((l) => l.replace(/^\/\/ ?/, '')).join('\n'));
    process.exit(2);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main(process.argv.slice(2));
