#!/usr/bin/env node
// Rally benchmarks. Node ESM, no dependencies beyond the repo's devDependencies.
// Run after a release build (`make bench` does both):
//
//   node bench/run.mjs                 all benchmarks
//   node bench/run.mjs --size-only     what each page downloads, against its budget
//   node bench/run.mjs --only slow-4g  invitation link → first question page at slow 4G, and SurveyJS
//   node bench/run.mjs --only first-render --runs 20
//   node bench/run.mjs --only unlock   passphrase derivation and unlock
//   node bench/run.mjs --strict        exit 1 when a figure misses its target
//   node bench/run.mjs --json out.json also write the figures as JSON
//
// See bench/README.md for what is measured and how.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../playwright.config.mjs';
import { benchPageSizes, benchSlow4G, spread } from './pages.mjs';
import { benchCoding } from './coding.mjs';
import { benchScale } from './scale.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// The stored workspace is seeded from the current-version fixture (what the app writes);
// the "after an upgrade" figure uses the version 1 fixture, which the app migrates on reading.
const FIXTURE = path.join(ROOT, 'tests', 'fixtures', 'format-v3.json');
const FIXTURE_V1 = path.join(ROOT, 'tests', 'fixtures', 'format-v1.json');
// Every measured page is a first visit in a new context: its service worker would install
// (fetching and hashing the whole app) in the middle of the measurement, so it is kept out.
const CONTEXT = { serviceWorkers: 'block' };

// ----------------------------------------------------------------- CLI ----

function parseArgs(argv) {
  const opts = { only: null, runs: 10, strict: false, json: null, dist: path.join(ROOT, 'dist') };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--size-only') opts.only = ['size'];
    else if (a === '--only') opts.only = value().split(',').map((s) => s.trim()).filter(Boolean);
    else if (a === '--runs') opts.runs = Number.parseInt(value(), 10);
    else if (a === '--strict') opts.strict = true;
    else if (a === '--json') opts.json = path.resolve(value());
    else if (a === '--dist') opts.dist = path.resolve(value());
    else if (a === '-h' || a === '--help') {
      console.log(fs.readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').slice(1, 12)
        .map((l) => l.replace(/^\/\/ ?/, '')).join('\n'));
      process.exit(0);
    } else throw new Error(`unknown argument: ${a}`);
  }
  if (!Number.isInteger(opts.runs) || opts.runs < 1) throw new Error('--runs must be a positive integer');
  return opts;
}

// ------------------------------------------------------------- helpers ----

const fmtMs = (ms) => `${ms.toFixed(1)} ms`;

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

function summarize(samples) {
  return { median: median(samples), min: Math.min(...samples), max: Math.max(...samples), samples };
}

function verdict(value, target) {
  return value <= target ? 'OK' : 'OVER TARGET';
}

/** Deterministic v4-shaped UUID from a seed string (stable runs, distinct ids). */
function seededUuid(seed) {
  const h = createHash('sha256').update(seed).digest();
  h[6] = (h[6] & 0x0f) | 0x40; // version 4
  h[8] = (h[8] & 0x3f) | 0x80; // RFC 4122 variant
  const hex = h.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** Replaces every string equal to a key of `map` (ids and references to them). */
function remapStrings(value, map) {
  if (typeof value === 'string') return map.has(value) ? map.get(value) : value;
  if (Array.isArray(value)) return value.map((v) => remapStrings(v, map));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, remapStrings(v, map)]));
  }
  return value;
}

/**
 * A document with `count` copies of the fixture's first campaign: fresh ids for each
 * campaign and each person (candidates, mediators) and session in it, names
 * "Campagne 01".., status "active", roles: [] and, as in the stored workspace (fieldwork has
 * its own key), no kits, observations, invitations or responses.
 */
export function buildWorkspaceDocument(count, fixturePath = FIXTURE) {
  const fixture = JSON.parse(fs.readFileSync(fixturePath, 'utf8'));
  const template = fixture.campaigns?.[0];
  if (!template) throw new Error(`${fixturePath} has no campaigns[0]`);
  const campaigns = [];
  for (let i = 1; i <= count; i++) {
    const n = String(i).padStart(2, '0');
    const ids = new Map([[template.id, seededUuid(`bench-campaign-${i}`)]]);
    for (const list of ['candidates', 'mediators', 'sessions']) {
      for (const item of template[list] ?? []) ids.set(item.id, seededUuid(`bench-${i}-${list}-${item.id}`));
    }
    const copy = remapStrings(structuredClone(template), ids);
    copy.name = `Campagne ${n}`;
    copy.status = 'active';
    campaigns.push(copy);
  }
  const doc = { ...fixture, campaigns, roles: [] };
  for (const key of ['kits', 'observations', 'invitations', 'responses']) if (key in doc) doc[key] = [];
  return doc;
}

/**
 * Starts tools/serve.py on a free loopback port; resolves to { origin, stop() }. Also used by
 * bench/kill.mjs and the e2e tests, which need a server they can stop or a dist/ of their own.
 * The benches take its `no-store` (every load cold); `staticHost` sends a real host's caching
 * headers instead (docs/deploy.md), as the e2e tests do.
 */
export function startServer(dist, { staticHost = false } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn('python3', [path.join(ROOT, 'tools', 'serve.py'), '--dir', dist, '--host', '127.0.0.1',
      '--port', '0', '--quiet', ...(staticHost ? ['--static-host'] : [])], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      reject(new Error(`static server did not start within 10 s\n${err}`));
    }, 10_000);
    const stop = () => new Promise((done) => {
      if (child.exitCode !== null || child.signalCode !== null) return done();
      child.once('exit', () => done());
      child.kill('SIGTERM');
      setTimeout(() => { child.kill('SIGKILL'); done(); }, 3_000).unref();
    });
    process.once('exit', () => child.kill('SIGTERM'));
    child.stderr.on('data', (d) => { err += d; });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`static server exited (${code}) before it was ready\n${err}`));
    });
    child.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/serving .* on (http:\/\/127\.0\.0\.1:\d+)\//);
      if (m) {
        clearTimeout(timer);
        resolve({ origin: m[1], stop });
      }
    });
  });
}

// ======================================================== benchmarks ======
// Each benchmark is async (env) => ({ lines: string[], figures: object, ok: bool }).
// env = { opts, dist, origin (only when needsBrowser), browser (idem) }.

/**
 * Loads `route` in a fresh context (empty cache, empty storage) with
 * `localStorage` seeded with `doc`, and an init-script MutationObserver that
 * stores performance.now() on window[flag] the first time
 * `document.querySelectorAll(selector).length >= min`.
 * `storage` adds other localStorage entries (key → text). With `settled`, one unmeasured
 * visit of the app first moves the seeded workspace into the database (IndexedDB), where a
 * returning user's data is: the measured load reads it from there.
 * Returns { ms, appStartedMs } (both from navigation start).
 * (No eval/new Function here: the page's CSP forbids it, init scripts included.)
 */
async function measuredLoad(env, { doc, selector, min, flag, route = '/', storage = {}, timeout = 30_000, settled = false }) {
  const context = await env.browser.newContext({ ...CONTEXT, viewport: { width: 1280, height: 800 } });
  try {
    // Seed storage in an earlier, unmeasured navigation to a same-origin 404 page, so the
    // measured load is a returning user's: the data is already there, the HTTP cache is cold.
    // (Seeding from an init script would run a 200 KB script inside the measured navigation.)
    const seeder = await context.newPage();
    const seedUrl = env.origin + '/bench-seed.txt';
    const seeded = await seeder.goto(seedUrl);
    if (seeded?.status() !== 404) throw new Error(`${seedUrl} should be a 404 page, got ${seeded?.status()}`);
    await seeder.evaluate(({ data, token, storage }) => {
      localStorage.setItem('rally.workspace', data);
      localStorage.setItem('rally.workspace.token', token);
      for (const [key, value] of Object.entries(storage)) localStorage.setItem(key, value);
    }, {
      data: JSON.stringify({ token: { writer: 'bench', seq: 1 }, document: doc }),
      token: 'bench:1',
      storage,
    });
    // localStorage reaches the browser's store asynchronously: without this, a page opened
    // right after the seeder closes may find it empty (the upgrade series then timed out on
    // "No campaigns yet" now and then, under load).
    const reader = await context.newPage();
    await reader.goto(seedUrl);
    await reader.waitForFunction((n) => (localStorage.getItem('rally.workspace') ?? '').length === n
      && localStorage.getItem('rally.workspace.token') === 'bench:1',
    JSON.stringify({ token: { writer: 'bench', seq: 1 }, document: doc }).length, { timeout });
    await reader.close();
    if (settled) {
      await seeder.goto(env.origin + route);
      await seeder.waitForFunction(({ selector, min }) => document.querySelectorAll(selector).length >= min
        && localStorage.getItem('rally.workspace') === null, { selector, min }, { timeout });
      // The app writes the moved record back once (its autosave, 300 ms later): let it finish
      // before the page goes, so that the measured load never meets a write under way.
      await seeder.waitForTimeout(1_000);
      await seeder.waitForFunction(() => document.querySelector('[data-testid="save-state"]')?.textContent === 'Saved',
        null, { timeout });
    }
    await seeder.close();
    await context.addInitScript(({ selector, min, flag }) => {
      window.addEventListener('TrunkApplicationStarted', () => { window.__rallyAppStarted = performance.now(); });
      const ready = () => document.querySelectorAll(selector).length >= min;
      const observer = new MutationObserver(() => {
        if (window[flag] === undefined && ready()) {
          window[flag] = performance.now();
          observer.disconnect();
          console.debug(`rally-bench:${flag}`);
        }
      });
      observer.observe(document, { childList: true, subtree: true, attributes: false });
    }, { selector, min, flag });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    // Wait for the init script's console message, not with page.waitForFunction: that makes
    // Playwright inject its own script into the page while it loads, and a trace shows V8
    // parsing it on the main thread for ~25 ms inside the measured time.
    const ready = page.waitForEvent('console', { predicate: (m) => m.text() === `rally-bench:${flag}`, timeout });
    await page.goto(env.origin + route, { waitUntil: 'commit' });
    try {
      await ready;
    } catch (err) {
      const diag = await page.evaluate((selector) => ({
        rejected: Object.keys(localStorage).filter((k) => k.startsWith('rally.workspace.unreadable.')),
        found: document.querySelectorAll(selector).length,
        screen: (document.body?.innerText ?? '').replace(/\s+/g, ' ').slice(0, 300),
      }), selector).catch(() => ({}));
      const why = diag.rejected?.length
        ? 'the app rejected the seeded document (it moved it to ' + diag.rejected.join(', ') + ')'
        : `found ${diag.found ?? '?'} of ${min} elements matching ${selector}; on screen: ${diag.screen ?? '?'}`;
      throw new Error(`timed out after ${timeout} ms: ${why}` +
        (errors.length ? `\n  page errors:\n    ${errors.join('\n    ')}` : ''));
    }
    return await page.evaluate(collect, flag);
  } finally {
    await context.close();
  }
}

/** In the page: the measured figure, when the loader finished, and the app's own marks. */
function collect(flag) {
  const marks = {};
  for (const m of performance.getEntriesByType('mark')) {
    if (m.name.startsWith('rally:') && !(m.name in marks)) marks[m.name.slice(6)] = m.startTime;
  }
  for (const r of performance.getEntriesByType('resource')) {
    if (/_bg\.wasm$/.test(r.name)) marks['wasm-fetched'] = r.responseEnd;
  }
  return { ms: window[flag], appStartedMs: window.__rallyAppStarted ?? null, marks };
}

// The app's marks (platform::dom::mark), in the order they happen.
const PHASES = ['wasm-fetched', 'start', 'app-mounted', 'db-open', 'workspace-read', 'workspace-parsed', 'list-rendered'];

/** "wasm-fetched 300 · start 320 · …": the median of each mark over the runs that have it. */
function phaseLine(runs) {
  const parts = [];
  for (const p of PHASES) {
    const v = runs.map((r) => r.marks?.[p]).filter((x) => typeof x === 'number');
    if (v.length) parts.push(`${p} ${median(v).toFixed(0)}`);
  }
  return parts.length ? parts.join(' · ') : null;
}

/**
 * Warm loads: one context with its service worker allowed, seeded like the cold loads; one
 * visit installs the worker (and lets V8 cache the module's compiled code), then `runs`
 * measured loads, each in a new page of that context.
 */
async function warmSeries(env, doc, runs, count) {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const flag = '__rallyFirstRender';
  const selector = '[data-testid="campaign-row"]';
  try {
    const seeder = await context.newPage();
    await seeder.goto(env.origin + '/bench-seed.txt');
    await seeder.evaluate(({ data }) => {
      localStorage.setItem('rally.workspace', data);
      localStorage.setItem('rally.workspace.token', 'bench:1');
    }, { data: JSON.stringify({ token: { writer: 'bench', seq: 1 }, document: doc }) });
    await seeder.goto(env.origin + '/');
    await seeder.waitForFunction(({ selector, count }) => document.querySelectorAll(selector).length >= count
      && localStorage.getItem('rally.workspace') === null, { selector, count }, { timeout: 30_000 });
    await seeder.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    // Reloaded under the worker, then given time for V8 to optimise and cache the module.
    await seeder.reload();
    await seeder.waitForFunction(({ selector, count }) => document.querySelectorAll(selector).length >= count
      && navigator.serviceWorker.controller !== null, { selector, count }, { timeout: 30_000 });
    await seeder.waitForTimeout(3_000);
    await seeder.close();
    await context.addInitScript(({ selector, min, flag }) => {
      window.addEventListener('TrunkApplicationStarted', () => { window.__rallyAppStarted = performance.now(); });
      const observer = new MutationObserver(() => {
        if (window[flag] === undefined && document.querySelectorAll(selector).length >= min) {
          window[flag] = performance.now();
          observer.disconnect();
          console.debug(`rally-bench:${flag}`);
        }
      });
      observer.observe(document, { childList: true, subtree: true, attributes: false });
    }, { selector, min: count, flag });
    const samples = [];
    for (let i = 0; i <= runs; i++) {
      const page = await context.newPage();
      const ready = page.waitForEvent('console', { predicate: (m) => m.text() === `rally-bench:${flag}`, timeout: 30_000 });
      await page.goto(env.origin + '/', { waitUntil: 'commit' });
      await ready;
      const r = await page.evaluate(collect, flag);
      r.controlled = await page.evaluate(() => navigator.serviceWorker.controller !== null);
      if (!r.controlled) throw new Error('warm load: the page was not served by its service worker');
      await page.waitForTimeout(300);
      await page.close();
      if (i > 0) samples.push(r); // the first one warms up, as for the cold series
    }
    const s = spread(samples.map((r) => r.ms));
    s.phases = phaseLine(samples);
    return { s };
  } finally {
    await context.close();
  }
}

/**
 * (b) Time to first render of the list of 200 campaigns: median of 20 (or --runs, if more)
 * fresh loads of a returning recruiter (the campaigns in the database), with the spread.
 */
async function benchFirstRender(env) {
  const TARGET_MS = 250;
  const COUNT = 200;
  const RUNS = Math.max(20, env.opts.runs);
  const series = async (doc, runsWanted, settled) => {
    const load = () => measuredLoad(env, {
      doc,
      flag: '__rallyFirstRender',
      selector: '[data-testid="campaign-row"]',
      min: COUNT,
      settled,
    });
    await load(); // warm-up (OS file cache, server, browser process), not counted
    const runs = [];
    for (let i = 0; i < runsWanted; i++) runs.push(await load());
    const s = spread(runs.map((r) => r.ms));
    s.phases = phaseLine(runs);
    const boot = runs.every((r) => r.appStartedMs !== null) ? spread(runs.map((r) => r.appStartedMs)) : null;
    return { s, boot };
  };
  const { s, boot } = await series(buildWorkspaceDocument(COUNT), RUNS, true);
  // Warm: a returning recruiter's next loads in the same browser (service worker installed,
  // HTTP cache and V8's compiled-code cache filled by the loads before).
  const warm = await warmSeries(env, buildWorkspaceDocument(COUNT), RUNS, COUNT);
  // Informative: the first load after an upgrade, the campaigns stored in localStorage by an
  // older version (format 1), read by the migrating reader and moved into the database.
  const upgrade = await series(buildWorkspaceDocument(COUNT, FIXTURE_V1), env.opts.runs, false);
  return {
    ok: s.median <= TARGET_MS,
    lines: [
      `first render, ${COUNT} campaigns (a returning recruiter, data in IndexedDB): median ${fmtMs(s.median)}, ` +
        `IQR ${fmtMs(s.p25)}–${fmtMs(s.p75)}, min ${fmtMs(s.min)}, max ${fmtMs(s.max)} ` +
        `over ${RUNS} fresh loads (target ≤ ${TARGET_MS} ms) ${verdict(s.median, TARGET_MS)}`,
      ...(boot ? [`  (wasm loader finished: median ${fmtMs(boot.median)} after navigation start)`] : []),
      `  samples (ms): ${s.samples.map((v) => v.toFixed(1)).join(', ')}`,
      ...(s.phases ? [`  where the time goes (medians, ms after navigation start): ${s.phases}`] : []),
      `first render, ${COUNT} campaigns, warm (the same recruiter's next loads in one browser: service worker ` +
        `installed, caches filled): median ${fmtMs(warm.s.median)}, IQR ${fmtMs(warm.s.p25)}–${fmtMs(warm.s.p75)}, ` +
        `min ${fmtMs(warm.s.min)}, max ${fmtMs(warm.s.max)} over ${RUNS} loads (informative; the target is the cold figure)`,
      ...(warm.s.phases ? [`  where the time goes, warm: ${warm.s.phases}`] : []),
      `first render, ${COUNT} campaigns stored by an older version (format 1 in localStorage, migrated and moved): ` +
        `median ${fmtMs(upgrade.s.median)}, min ${fmtMs(upgrade.s.min)}, max ${fmtMs(upgrade.s.max)} over ${env.opts.runs}`,
    ],
    figures: {
      campaigns: COUNT, runs: RUNS, ...s, target_ms: TARGET_MS, loader_done: boot, warm: warm.s,
      after_upgrade: upgrade.s,
    },
  };
}

// ------------------------------------------------------ page render --
// The respondent's pages of questions. A candidate's invitation to the 40-item interpersonal
// intelligence questionnaire (tests/fixtures/format-v3.json's first invitation, that instrument
// only: 5 pages of 8 items, each a fieldset of 5 native radios) is seeded in
// localStorage["rally.fieldwork"]. Two figures:
//  (a) fresh load straight onto page 1 (a consented draft is seeded in rally.draft.<id>):
//      navigation start → the 8 items of page 1 in the DOM;
//  (b) in the running app, from the consent step: "I agree, start", then "Next page" four
//      times — each click → the new page's 8 items in the DOM, styled and laid out (a forced
//      layout, so the figure does not wait for the next frame; paint is not counted). The
//      headline is the sum over the 5 pages: all 40 items rendered.

/** The seeded invitation, its store document and a consented draft at page 1. */
function buildInvitationStore() {
  const fixture = JSON.parse(fs.readFileSync(path.join(ROOT, 'tests', 'fixtures', 'format-v3.json'), 'utf8'));
  const base = fixture.invitations?.[0];
  if (!base) throw new Error('tests/fixtures/format-v3.json has no invitations[0]');
  const inv = {
    ...base,
    id: seededUuid('bench-invitation'),
    instruments: base.instruments.filter((i) => i.id === 'interpersonal-intelligence'),
    issued_at: '2026-01-05T09:00:00Z',
    keep_until: '2099-12-31',
  };
  if (inv.instruments.length !== 1) throw new Error('the fixture invitation does not ask interpersonal-intelligence');
  const store = {
    format: 'rally', format_version: 3, exported_at: '2026-01-05T09:00:00Z', app_version: 'bench',
    campaigns: [], roles: [], kits: [], observations: [], invitations: [inv], responses: [],
  };
  const draft = {
    invitation_id: inv.id, step: { step: 'page', page: 0 }, consented_at: '2026-01-05T09:01:00Z',
    started_at: '2026-01-05T09:00:30Z', last_action_at: '2026-01-05T09:01:00Z', answers: [], submitted: [],
  };
  return { inv, store: JSON.stringify(store), draft: JSON.stringify(draft) };
}

async function benchPageRender(env) {
  const TARGET_MS = 120;
  const PAGES = 5;
  const ITEMS = 8;
  const { inv, store, draft } = buildInvitationStore();
  const route = `/respond.html#/answer/${inv.id}`;

  // (a) Fresh loads onto page 1.
  const load = () => measuredLoad(env, {
    doc: buildWorkspaceDocument(0),
    storage: { 'rally.fieldwork': store, [`rally.draft.${inv.id}`]: draft, 'rally.lang': 'en' },
    route,
    flag: '__rallyQuestionPage',
    selector: '[data-testid="rs-page"][data-page="0"] [data-testid="rs-item"]',
    min: ITEMS,
  });
  await load(); // warm-up, not counted
  const loads = [];
  for (let i = 0; i < env.opts.runs; i++) loads.push((await load()).ms);

  // (b) Page after page in the running app, from the consent step; one fresh context per run.
  const sequence = async () => {
    const context = await env.browser.newContext({ ...CONTEXT, viewport: { width: 1280, height: 800 } });
    try {
      await context.addInitScript((stored) => {
        localStorage.setItem('rally.fieldwork', stored);
        localStorage.setItem('rally.lang', 'en');
      }, store);
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(env.origin + route);
      await page.waitForSelector('[data-testid="rs-consent"]', { timeout: 30_000 });
      const times = await page.evaluate(async ({ pages, items }) => {
        const out = [];
        for (let k = 0; k < pages; k++) {
          const button = document.querySelector(k === 0 ? '[data-testid="rs-consent"]' : '[data-testid="rs-next"]');
          const ready = () => document.querySelectorAll(
            `[data-testid="rs-page"][data-page="${k}"] [data-testid="rs-item"] input[type="radio"]`).length === items * 5;
          const done = new Promise((resolve) => {
            const observer = new MutationObserver(() => {
              if (!ready()) return;
              observer.disconnect();
              void document.body.offsetHeight; // style and layout of the new page, now
              resolve(performance.now());
            });
            observer.observe(document.querySelector('main'), { childList: true, subtree: true, attributes: true });
          });
          const t0 = performance.now();
          button.click();
          out.push((await done) - t0);
          await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50))); // let it paint and settle
        }
        return out;
      }, { pages: PAGES, items: ITEMS });
      if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
      return times;
    } finally {
      await context.close();
    }
  };
  await sequence(); // warm-up, not counted
  const runs = [];
  for (let i = 0; i < env.opts.runs; i++) runs.push(await sequence());
  const totals = summarize(runs.map((t) => t.reduce((a, b) => a + b, 0)));
  const perPage = summarize(runs.flat());
  const first = summarize(runs.map((t) => t[0]));
  const l = summarize(loads);
  return {
    ok: totals.median <= TARGET_MS,
    lines: [
      `page render, 40 items over ${PAGES} pages in sequence: median ${fmtMs(totals.median)}, min ${fmtMs(totals.min)}, ` +
        `max ${fmtMs(totals.max)} over ${env.opts.runs} runs (target ≤ ${TARGET_MS} ms) ${verdict(totals.median, TARGET_MS)}`,
      `  one page of ${ITEMS} items after a click: median ${fmtMs(perPage.median)}, max ${fmtMs(perPage.max)} ` +
        `(consent → page 1: median ${fmtMs(first.median)})`,
      `  fresh load onto page 1 (navigation start → ${ITEMS} items): median ${fmtMs(l.median)}, min ${fmtMs(l.min)}, max ${fmtMs(l.max)}`,
      `  samples, 5-page totals (ms): ${totals.samples.map((v) => v.toFixed(1)).join(', ')}`,
    ],
    figures: {
      items: PAGES * ITEMS, pages: PAGES, runs: env.opts.runs, target_ms: TARGET_MS,
      sequence_total: totals, per_page: perPage, consent_to_first_page: first, fresh_load: l,
    },
  };
}

// ------------------------------------------------------------- compare --
// The comparison page with 4 candidates (`#/campaign/<id>/compare/<a>~<b>~<c>~<d>`): four
// compatibility pictures (4 sessions each, 2 mediators per session, both debriefs, the
// self-assessments of the context) computed and laid out as 31 rows × 4 columns, each cell
// with its mean, trend and sparkline, plus the chart of the chosen part. The data is
// target/bench/compare-4.json, written by `cargo run --release --example compare_fixture`
// (make bench runs it first): two sample campaigns made one.
//
// Each run is a returning recruiter's, in a fresh context (the server sends no-store, so the
// HTTP cache is cold): the data is seeded in localStorage on a same-origin 404 page, then one
// unmeasured load of the app moves it into IndexedDB. Two figures:
//  (a) navigation: from the hash change on the campaign page (the "Compare candidates" link,
//      the 4 candidates in the address) to the 4 × 31 cells in the DOM — the headline;
//  (b) fresh load straight onto the comparison's address: navigation start → the cells.
async function benchComparePage(env) {
  const TARGET_MS = 300;
  const file = path.join(ROOT, 'target', 'bench', 'compare-4.json');
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: run \`cargo run --release --example compare_fixture\` first`);
  const data = fs.readFileSync(file, 'utf8');
  const doc = JSON.parse(data);
  const campaign = doc.campaigns[0];
  if (campaign.candidates.length !== 4) throw new Error('compare-4.json should hold 4 candidates');
  const route = `/#/campaign/${campaign.id}/compare/${campaign.candidates.map((c) => c.id).join('~')}`;
  const CELLS = 'table.cmp-table td.cmp-cell';
  const MIN = 4 * 31;
  const one = async () => {
    const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
    try {
      const seeder = await context.newPage();
      const seeded = await seeder.goto(env.origin + '/bench-seed.txt');
      if (seeded?.status() !== 404) throw new Error('/bench-seed.txt should be a 404 page');
      await seeder.evaluate(({ workspace, fieldwork }) => {
        localStorage.setItem('rally.workspace', workspace);
        localStorage.setItem('rally.workspace.token', 'bench:1');
        localStorage.setItem('rally.fieldwork', fieldwork);
        localStorage.setItem('rally.lang', 'en');
      }, {
        // The campaign alone in the workspace record; the rest is the fieldwork's.
        workspace: JSON.stringify({
          token: { writer: 'bench', seq: 1 },
          document: { ...doc, kits: [], observations: [], invitations: [], responses: [] },
        }),
        fieldwork: data,
      });
      // One unmeasured visit moves the data into the database (and compiles nothing for later:
      // each page compiles the wasm again).
      await seeder.goto(`${env.origin}/#/campaign/${campaign.id}`);
      await seeder.waitForSelector('[data-testid="decision-row"]', { timeout: 30_000 });
      await seeder.waitForFunction(() => !localStorage.getItem('rally.fieldwork'), null, { timeout: 30_000 });
      await seeder.waitForFunction(() => document.querySelector('[data-testid="save-state"]')?.textContent === 'Saved', null, { timeout: 30_000 });
      await seeder.close();

      await context.addInitScript(({ selector, min }) => {
        const observer = new MutationObserver(() => {
          if (window.__rallyCompare === undefined && document.querySelectorAll(selector).length >= min) {
            window.__rallyCompare = performance.now();
            console.debug('rally-bench:compare');
          }
        });
        observer.observe(document, { childList: true, subtree: true });
      }, { selector: CELLS, min: MIN });
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(e.message));
      // (b) straight onto the comparison.
      let ready = page.waitForEvent('console', { predicate: (m) => m.text() === 'rally-bench:compare', timeout: 30_000 });
      await page.goto(env.origin + route, { waitUntil: 'commit' });
      await ready;
      const load = await page.evaluate(() => window.__rallyCompare);
      // (a) from the campaign page, in the running app.
      await page.evaluate((id) => { window.location.hash = `#/campaign/${id}`; }, campaign.id);
      await page.waitForSelector('[data-testid="decision-row"]');
      await page.evaluate(() => { window.__rallyCompare = undefined; });
      ready = page.waitForEvent('console', { predicate: (m) => m.text() === 'rally-bench:compare', timeout: 30_000 });
      await page.evaluate((r) => {
        window.__rallyFrom = performance.now();
        window.location.hash = r.slice(r.indexOf('#'));
      }, route);
      await ready;
      const nav = await page.evaluate(() => window.__rallyCompare - window.__rallyFrom);
      const cells = await page.locator(CELLS).count();
      if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
      if (cells < MIN) throw new Error(`only ${cells} of ${MIN} cells rendered`);
      return { nav, load };
    } finally {
      await context.close();
    }
  };
  await one(); // warm-up, not counted
  const runs = [];
  for (let i = 0; i < env.opts.runs; i++) runs.push(await one());
  const nav = summarize(runs.map((r) => r.nav));
  const load = summarize(runs.map((r) => r.load));
  return {
    ok: nav.median <= TARGET_MS,
    lines: [
      `comparison page, 4 candidates, navigation → rendered: median ${fmtMs(nav.median)}, min ${fmtMs(nav.min)}, ` +
        `max ${fmtMs(nav.max)} over ${env.opts.runs} runs (target ≤ ${TARGET_MS} ms) ${verdict(nav.median, TARGET_MS)}`,
      `  fresh load straight onto the comparison (navigation start → ${MIN} cells): median ${fmtMs(load.median)}, ` +
        `min ${fmtMs(load.min)}, max ${fmtMs(load.max)}`,
    ],
    figures: { candidates: 4, cells: MIN, runs: env.opts.runs, ...nav, target_ms: TARGET_MS, fresh_load: load },
  };
}

// ----------------------------------------------------- passphrase derivation --
// The derivation that every protected file costs, in the app's own page (same browser, same
// origin, Web Crypto as the app calls it: PBKDF2-SHA-256, 600,000 iterations, 256 bits), then
// the whole unlock as a person sees it: from pressing "Unlock" on a protected file
// (tests/fixtures/sealed/valid.json) to the dialog closing, the file opened, read and merged.
async function benchUnlock(env) {
  const TARGET_MS = 1500;
  const ITERATIONS = 600_000;
  const SEALED = path.join(ROOT, 'tests', 'fixtures', 'sealed', 'valid.json');
  const PASSPHRASE = 'cheval pluie orange lampe';
  const context = await env.browser.newContext({ ...CONTEXT, viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(`${env.origin}/`);
  await page.waitForSelector('main h1');
  const derive = () => page.evaluate(async (iterations) => {
    const subtle = window.crypto.subtle;
    const salt = window.crypto.getRandomValues(new Uint8Array(16));
    const started = performance.now();
    const base = await subtle.importKey('raw', new TextEncoder().encode('cheval pluie orange lampe'), 'PBKDF2', false, ['deriveKey']);
    await subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, base,
      { name: 'AES-GCM', length: 256 }, false, ['decrypt']);
    return performance.now() - started;
  }, ITERATIONS);
  await derive(); // warm-up, not counted
  const raw = [];
  for (let i = 0; i < env.opts.runs; i++) raw.push(await derive());
  const d = summarize(raw);

  const unlock = async () => {
    // A fresh page each time, so that the report of the import is new.
    await page.goto(`${env.origin}/`);
    await page.waitForSelector('main h1');
    await page.locator('#home-import').setInputFiles(SEALED);
    const dialog = page.locator('[data-testid="unlock-dialog"]');
    await dialog.waitFor();
    await dialog.locator('[data-testid="unlock-passphrase"]').fill(PASSPHRASE);
    await page.evaluate(() => {
      const button = document.querySelector('[data-testid="unlock-submit"]');
      button.addEventListener('click', () => { window.__rallyUnlock = { start: performance.now() }; }, { once: true, capture: true });
      // Done when the dialog is gone and the import's report is on screen.
      new MutationObserver((_, observer) => {
        const report = document.querySelector('[data-testid="status"]')?.textContent ?? '';
        if (!document.querySelector('[data-testid="unlock-dialog"]') && report && window.__rallyUnlock) {
          window.__rallyUnlock.end = performance.now();
          observer.disconnect();
        }
      }).observe(document.body, { childList: true, subtree: true, characterData: true });
    });
    await dialog.locator('[data-testid="unlock-submit"]').click();
    await page.waitForFunction(() => window.__rallyUnlock?.end);
    return page.evaluate(() => window.__rallyUnlock.end - window.__rallyUnlock.start);
  };
  await unlock(); // warm-up, not counted
  const whole = [];
  for (let i = 0; i < env.opts.runs; i++) whole.push(await unlock());
  const u = summarize(whole);
  await context.close();
  return {
    ok: d.median <= TARGET_MS && u.median <= TARGET_MS,
    lines: [
      `passphrase derivation (PBKDF2-SHA256 ${ITERATIONS.toLocaleString('en')}): median ${fmtMs(d.median)}, ` +
        `min ${fmtMs(d.min)}, max ${fmtMs(d.max)} over ${env.opts.runs} runs (target ≤ ${TARGET_MS} ms) ${verdict(d.median, TARGET_MS)}`,
      `unlock a protected file (from "Unlock" to the import's report): median ${fmtMs(u.median)}, ` +
        `min ${fmtMs(u.min)}, max ${fmtMs(u.max)} over ${env.opts.runs} runs (target ≤ ${TARGET_MS} ms) ${verdict(u.median, TARGET_MS)}`,
    ],
    figures: { iterations: ITERATIONS, runs: env.opts.runs, target_ms: TARGET_MS, derivation: d, unlock: u },
  };
}

const BENCHMARKS = [
  { name: 'size', run: benchPageSizes, needsBrowser: true },
  { name: 'slow-4g', run: benchSlow4G, needsBrowser: true },
  { name: 'first-render', run: benchFirstRender, needsBrowser: true },
  { name: 'page-render', run: benchPageRender, needsBrowser: true },
  { name: 'keystroke', run: benchCoding, needsBrowser: true },
  { name: 'scale', run: benchScale, needsBrowser: true },
  { name: 'compare', run: benchComparePage, needsBrowser: true },
  { name: 'unlock', run: benchUnlock, needsBrowser: true },
];

// ---------------------------------------------------------------- main ----

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const selected = opts.only ? BENCHMARKS.filter((b) => opts.only.includes(b.name)) : BENCHMARKS;
  const unknown = (opts.only ?? []).filter((n) => !BENCHMARKS.some((b) => b.name === n));
  if (unknown.length) throw new Error(`unknown benchmark(s): ${unknown.join(', ')} (known: ${BENCHMARKS.map((b) => b.name).join(', ')})`);
  if (!fs.existsSync(path.join(opts.dist, 'index.html'))) {
    throw new Error(`${opts.dist}/index.html not found: run \`make build\` first`);
  }

  const env = { opts, dist: opts.dist, origin: null, browser: null };
  let server = null;
  const results = {};
  let allOk = true;
  try {
    if (selected.some((b) => b.needsBrowser)) {
      server = await startServer(opts.dist);
      env.origin = server.origin;
      env.browser = await chromium.launch(chromiumLaunchOptions);
      console.log(`browser: ${env.browser.version()} at ${chromiumLaunchOptions.executablePath}; app served on ${env.origin}`);
    }
    for (const bench of selected) {
      const started = Date.now();
      const result = await bench.run(env);
      results[bench.name] = result.figures;
      allOk &&= result.ok;
      for (const line of result.lines) console.log(line);
      console.log(`  [${bench.name}: ${((Date.now() - started) / 1000).toFixed(1)} s]`);
    }
  } finally {
    if (env.browser) await env.browser.close();
    if (server) await server.stop();
  }
  if (opts.json) {
    fs.writeFileSync(opts.json, JSON.stringify({ date: new Date().toISOString(), results }, null, 2) + '\n');
    console.log(`figures written to ${opts.json}`);
  }
  if (!allOk) {
    console.log(opts.strict ? 'some figures miss their targets (--strict): failing' : 'some figures miss their targets');
    if (opts.strict) process.exitCode = 1;
  }
}

// Run only when executed (importing this file for its helpers runs nothing).
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err) => {
    console.error(`bench: error: ${process.env.BENCH_STACK ? err.stack : err.message}`);
    process.exitCode = 1;
  });
}
