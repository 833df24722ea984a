// Shared helpers for Rally's Playwright tests.
//
//   import { test, expect, instrument, waitForApp, axeCheck, shot } from './helpers.mjs';
//
//   test('…', async ({ page }) => {
//     const watch = await instrument(page);      // before page.goto()
//     await page.goto('/');
//     await waitForApp(page);
//     expect(watch.network.foreign()).toEqual([]);
//   });
//
//   test('a11y', async ({ axePage }) => {        // context with bypassCSP: true
//     await axePage.goto('/');
//     await waitForApp(axePage);
//     expect(await axeCheck(axePage)).toEqual([]);
//   });
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, expect } from '@playwright/test';
import { E2E_ORIGIN } from '../../playwright.config.mjs';

export { expect };

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const ORIGIN = E2E_ORIGIN;
export const AXE_PATH = path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');
// Screenshots are for looking at, not compared by any test: they go to an ignored folder, so
// that a run leaves the working tree clean.
export const SCREENSHOT_DIR = path.join(ROOT, 'tests', 'e2e', 'shots');

// ------------------------------------------------------------- contexts --

/**
 * A page in a new browser context (so: empty localStorage), with the given
 * viewport width. Close it with `await page.context().close()` (or let the
 * test end). Extra options go to browser.newContext().
 */
export async function freshPage(browser, { width = 1280, height = 800, ...contextOptions } = {}) {
  const context = await browser.newContext({
    baseURL: ORIGIN,
    viewport: { width, height },
    ...contextOptions,
  });
  return context.newPage();
}

/**
 * A browser context in which axe-core can be injected: Rally's CSP refuses
 * injected inline scripts, so this context bypasses CSP. Never use it for
 * tests that are about the CSP itself.
 */
export async function newAxeContext(browser, contextOptions = {}) {
  return browser.newContext({ baseURL: ORIGIN, ...contextOptions, bypassCSP: true });
}

/** `test` with an extra `axePage` fixture: a page whose context bypasses CSP. */
export const test = base.extend({
  axePage: async ({ browser, viewport }, use) => {
    const context = await newAxeContext(browser, viewport ? { viewport } : {});
    const page = await context.newPage();
    await use(page);
    await context.close();
  },
});

// ---------------------------------------------------------- axe-core -----

/**
 * Runs axe-core on the whole document and returns the 'serious' and
 * 'critical' violations, one readable line each, e.g.
 *   "color-contrast [serious] Elements must meet minimum color contrast ratio thresholds
 *      -> main > p.hint, header > a:nth-child(2)"
 * so `expect(await axeCheck(page)).toEqual([])` shows rule ids and targets.
 * The page's context must bypass CSP (newAxeContext / the axePage fixture).
 */
export async function axeCheck(page, { impacts = ['serious', 'critical'], rules } = {}) {
  let loaded = await page.evaluate(() => typeof window.axe === 'object');
  if (!loaded) {
    try {
      await page.addScriptTag({ path: AXE_PATH });
    } catch (err) {
      throw new Error(`axeCheck: could not inject axe-core (${err.message.split('\n')[0]}). ` +
        'Rally\'s CSP refuses injected scripts: create the context with newAxeContext(browser) ' +
        'or use the axePage fixture (bypassCSP: true).');
    }
    loaded = await page.evaluate(() => typeof window.axe === 'object');
    if (!loaded) {
      throw new Error('axeCheck: axe-core did not load — the page\'s CSP blocked it. Use ' +
        'newAxeContext(browser) or the axePage fixture (bypassCSP: true).');
    }
  }
  const violations = await page.evaluate(async (rules) => {
    const options = { resultTypes: ['violations'] };
    if (rules) options.rules = rules;
    const result = await window.axe.run(document, options);
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => n.target.map((t) => (Array.isArray(t) ? t.join(' >>> ') : t)).join(' | ')),
    }));
  }, rules ?? null);
  return violations
    .filter((v) => impacts.includes(v.impact))
    .map((v) => `${v.id} [${v.impact}] ${v.help}\n   -> ${v.targets.join(', ')}`);
}

// ---------------------------------------------------------- screenshots --

/** The path tests/e2e/shots/<name>.png (the folder is created), for any screenshot. */
export function shotFile(name) {
  const safe = String(name).replace(/[^A-Za-z0-9._-]+/g, '-');
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return path.join(SCREENSHOT_DIR, `${safe}.png`);
}

/** Full-page screenshot to tests/e2e/shots/<name>.png; returns the path. */
export async function shot(page, name) {
  const file = shotFile(name);
  await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
  return file;
}

// ---------------------------------------------------------- network -------

function isLocalUrl(url, allowedOrigins) {
  if (url.startsWith('data:') || url.startsWith('about:')) return true;
  try {
    // new URL('blob:http://h:p/uuid').origin is 'http://h:p'
    return allowedOrigins.includes(new URL(url).origin);
  } catch {
    return false;
  }
}

/**
 * Records every request of the page's context (pages, workers, service
 * workers) and web socket. Call it before page.goto().
 *   .urls         every URL requested, in order
 *   .foreign()    URLs that do not go to ORIGIN (127.0.0.1:8089 by default; data:/blob: of that origin are fine)
 *   .failed()     "STATUS URL" for responses >= 400 and "FAILED URL (reason)" for network failures
 */
export function collectNetwork(page, { allowedOrigins = [ORIGIN] } = {}) {
  const urls = [];
  const failures = [];
  const context = page.context();
  context.on('request', (req) => urls.push(req.url()));
  context.on('requestfailed', (req) => failures.push(`FAILED ${req.url()} (${req.failure()?.errorText ?? '?'})`));
  context.on('response', (res) => {
    if (res.status() >= 400) failures.push(`${res.status()} ${res.url()}`);
  });
  page.on('websocket', (ws) => urls.push(ws.url()));
  return {
    urls,
    foreign: () => urls.filter((u) => !isLocalUrl(u, allowedOrigins)),
    failed: () => [...failures],
  };
}

// ---------------------------------------------------------- console -------

/**
 * Records console messages and uncaught page errors. Call it before goto().
 *   .errors()        console.error messages and uncaught exceptions
 *   .cspMessages()   any console message with "Refused to" (Chromium's CSP reports)
 *   .all             every message as "type: text"
 */
export function collectConsole(page) {
  const all = [];
  const errors = [];
  const csp = [];
  page.on('console', (msg) => {
    const text = msg.text();
    all.push(`${msg.type()}: ${text}`);
    if (msg.type() === 'error') errors.push(text);
    if (text.includes('Refused to')) csp.push(text);
  });
  page.on('pageerror', (err) => {
    all.push(`pageerror: ${err.message}`);
    errors.push(`uncaught: ${err.message}`);
  });
  return { all, errors: () => [...errors], cspMessages: () => [...csp] };
}

// ---------------------------------------------------------- app boot ------

const INIT_SCRIPT = () => {
  window.__rallyInstrumented = true;
  window.__rallyCspViolations = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__rallyCspViolations.push(
      `${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile || '?'}:${e.lineNumber || 0})`);
  });
  window.__rallyErrors = [];
  window.addEventListener('error', (e) => window.__rallyErrors.push(String(e.message || e.error)));
  window.addEventListener('unhandledrejection', (e) => window.__rallyErrors.push(`unhandled rejection: ${e.reason}`));
  // Fired by Trunk's loader once the wasm module is initialised.
  window.addEventListener('TrunkApplicationStarted', () => {
    window.__rallyAppStarted = performance.now();
  });
};

/**
 * Network + console recording, plus an init script that records CSP
 * violation events and the moment Trunk's loader finished. Call before goto().
 * Returns { network, console, cspViolations(): Promise<string[]> }, where
 * cspViolations() merges the events and the console's "Refused to" lines.
 */
export async function instrument(page, options = {}) {
  const network = collectNetwork(page, options);
  const consoleLog = collectConsole(page);
  await page.addInitScript(INIT_SCRIPT);
  return {
    network,
    console: consoleLog,
    async cspViolations() {
      const events = await page.evaluate(() => window.__rallyCspViolations ?? []);
      return [...events, ...consoleLog.cspMessages()];
    },
  };
}

/**
 * Waits until the app is up: the `banner` (<header>) and `main` landmarks are
 * visible and, on an instrumented page, Trunk's loader has started the wasm.
 */
export async function waitForApp(page, { timeout = 15_000 } = {}) {
  // An old link (`/#/respond/…`, `/#/observe…`) first loads index.html, whose loader sends it
  // on to its page: wait for the page that stays.
  let instrumented;
  for (let attempt = 0; ; attempt += 1) {
    try {
      await page.waitForLoadState('domcontentloaded');
      instrumented = await page.evaluate(() => window.__rallyInstrumented === true);
      break;
    } catch (err) {
      if (attempt >= 5 || !/context was destroyed|navigat/i.test(String(err))) throw err;
    }
  }
  if (instrumented) {
    try {
      await page.waitForFunction(() => window.__rallyAppStarted !== undefined, null, { timeout });
    } catch (err) {
      const why = await page.evaluate(() => [
        ...(window.__rallyCspViolations ?? []).map((v) => `CSP: ${v}`),
        ...(window.__rallyErrors ?? []).map((e) => `error: ${e}`),
      ]).catch(() => []);
      throw new Error(`waitForApp: Trunk's loader did not finish within ${timeout} ms` +
        (why.length ? `:\n  ${why.join('\n  ')}` : ' (no CSP violation or page error recorded)'), { cause: err });
    }
  }
  await expect(page.getByRole('banner').first()).toBeVisible({ timeout });
  await expect(page.getByRole('main').first()).toBeVisible({ timeout });
}

/**
 * Seeds localStorage before the page's scripts run. With once (default) the
 * values are written on the first load of the tab only, so a test can reload
 * and see what the app itself saved.
 */
export async function seedStorage(page, entries, { once = true } = {}) {
  await page.addInitScript(({ entries, once }) => {
    const flag = '__rallySeeded';
    if (once && sessionStorage.getItem(flag)) return;
    for (const [key, value] of Object.entries(entries)) localStorage.setItem(key, value);
    sessionStorage.setItem(flag, '1');
  }, { entries, once });
}

// ---------------------------------------------------------- the app's database --

/**
 * Every [key, text] of Rally's IndexedDB store whose key starts with `prefix` (see
 * src/platform/db.rs). Never creates the database: when it does not exist yet, the open's
 * upgrade is aborted and the result is empty.
 */
export async function dbPrefix(page, prefix) {
  return page.evaluate((prefix) => new Promise((resolve, reject) => {
    const req = indexedDB.open('rally');
    req.onupgradeneeded = () => req.transaction.abort();
    req.onerror = () => resolve([]);
    req.onsuccess = () => {
      const db = req.result;
      if (!db.objectStoreNames.contains('kv')) { db.close(); resolve([]); return; }
      const store = db.transaction('kv', 'readonly').objectStore('kv');
      const range = IDBKeyRange.bound(prefix, prefix + '\uffff');
      const keys = store.getAllKeys(range);
      const values = store.getAll(range);
      values.onsuccess = () => { db.close(); resolve(keys.result.map((k, i) => [k, values.result[i]])); };
      values.onerror = () => { db.close(); reject(values.error); };
    };
  }), prefix);
}

/** The text stored under `key` in Rally's database, or null. */
export async function dbGet(page, key) {
  const found = (await dbPrefix(page, key)).find(([k]) => k === key);
  return found ? found[1] : null;
}

/** The respondent's stored drafts (src/ui/respondent/store.rs), parsed, in key order. */
export async function storedDrafts(page) {
  return (await dbPrefix(page, 'draft/')).map(([, text]) => JSON.parse(text));
}

/** The recruiter's stored workspace record (JSON text), or ''. */
export async function storedWorkspace(page) {
  return (await dbGet(page, 'workspace')) ?? '';
}

/**
 * The stored fieldwork as one object: kits, invitations, responses and observations (each
 * rebuilt from its header and chunks of events).
 */
export async function storedFieldwork(page) {
  const parse = (text) => (text ? JSON.parse(text) : []);
  const lists = Object.fromEntries(await dbPrefix(page, 'fw/'));
  const headers = new Map();
  const chunks = new Map();
  for (const [key, text] of await dbPrefix(page, 'obs/')) {
    const rest = key.slice(4);
    const hash = rest.indexOf('#');
    if (hash < 0) headers.set(rest, JSON.parse(text));
    else chunks.set(rest, JSON.parse(text));
  }
  const observations = [...headers].map(([key, h]) => {
    const o = h.observation;
    o.events = [];
    for (let n = 0; n < h.chunks; n++) o.events.push(...chunks.get(`${key}#${String(n).padStart(5, '0')}`));
    return o;
  });
  return {
    kits: parse(lists['fw/kits']),
    invitations: parse(lists['fw/invitations']),
    responses: parse(lists['fw/responses']),
    observations,
  };
}

// ------------------------------------------------------ files that leave --

/**
 * Completes the save dialog that every Rally file for someone else goes through (and the
 * invitation link): saved open, or protected with `passphrase` (typed twice).
 */
export async function saveThroughDialog(page, { passphrase } = {}) {
  const dialog = page.getByTestId('save-dialog');
  await expect(dialog).toBeVisible();
  const toggle = dialog.getByTestId('protect-toggle');
  if (passphrase) {
    await toggle.check();
    await dialog.getByTestId('protect-passphrase').fill(passphrase);
    await dialog.getByTestId('protect-confirm').fill(passphrase);
  } else {
    await toggle.uncheck();
  }
  await dialog.getByTestId('save-confirm').click();
}
