// Rally's three pages as a visitor gets them (registered in bench/run.mjs, see bench/README.md):
//
//   size     what each page downloads: each page loaded fresh in Chromium from the bench's
//            server (tools/serve.py: the build's .br next to each file, Content-Encoding
//            honoured), the bytes of every response it received summed by kind (wasm, js, css,
//            other), against the page's budget for wasm + js + css;
//   slow-4g  an invitation link → the first question page painted, under Chromium's network
//            emulation at slow 4G (150 ms, 1.6 Mbit/s down, 750 kbit/s up, HTTP cache off, a new
//            context each run, no service worker), median of --runs (10); the same for SurveyJS
//            2.5.38 (survey-core + survey-js-ui from node_modules, bench/surveyjs/) rendering an
//            8-item Likert page, served the same way; and the ratio of the two medians.
//
//   node bench/run.mjs --only size,slow-4g
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from './run.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const KB = 1024;
const CONTEXT = { serviceWorkers: 'block', viewport: { width: 1280, height: 800 } };

/** What each page may download: wasm + js + css, brotli quality 11, in KB (the issue's budgets). */
export const BUDGETS_KB = { 'respond.html': 150, 'observe.html': 250, 'index.html': 450 };
/** Chromium's network emulation for "slow 4G", in CDP's units (bytes per second, ms). */
export const SLOW_4G = {
  offline: false,
  latency: 150,
  downloadThroughput: (1.6 * 1000 * 1000) / 8,
  uploadThroughput: (750 * 1000) / 8,
};
const SLOW_TARGET_MS = 1200;
const RATIO_TARGET = 0.6;
const SURVEYJS_VERSION = '2.5.38';

// ------------------------------------------------------------- helpers ----

const fmtKB = (bytes) => `${(bytes / KB).toFixed(1)} KB`;
const fmtMs = (ms) => `${ms.toFixed(0)} ms`;

function quantile(sorted, q) {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

/** Median, min, max and the quartiles of `samples`. */
export function spread(samples) {
  const s = [...samples].sort((a, b) => a - b);
  return {
    median: quantile(s, 0.5), min: s[0], max: s[s.length - 1],
    p25: quantile(s, 0.25), p75: quantile(s, 0.75), samples,
  };
}

/**
 * A candidate's invitation to the 40-item interpersonal intelligence questionnaire (the first
 * invitation of tests/fixtures/format-v3.json, that instrument only: five pages of 8 items) and
 * the fragment of its link, `#/respond/<base64url of the invitation's JSON>`, as the app
 * writes it (src/domain/survey/code.rs).
 */
export function invitationLink(seed = 'bench-invitation-link') {
  const fixture = JSON.parse(fs.readFileSync(path.join(ROOT, 'tests', 'fixtures', 'format-v3.json'), 'utf8'));
  const base = fixture.invitations?.[0];
  if (!base) throw new Error('tests/fixtures/format-v3.json has no invitations[0]');
  const h = createHash('sha256').update(seed).digest('hex');
  const inv = {
    ...base,
    id: `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`,
    instruments: base.instruments.filter((i) => i.id === 'interpersonal-intelligence'),
    issued_at: '2026-01-05T09:00:00Z',
    keep_until: '2099-12-31',
  };
  if (inv.instruments.length !== 1) throw new Error('the fixture invitation does not ask interpersonal-intelligence');
  return { inv, fragment: `#/respond/${Buffer.from(JSON.stringify(inv)).toString('base64url')}` };
}

/** The kind of a response, by its MIME type and address. */
function kindOf(url, mime) {
  const p = new URL(url).pathname;
  if (mime === 'application/wasm' || p.endsWith('.wasm')) return 'wasm';
  if (/javascript/.test(mime) || /\.m?js$/.test(p)) return 'js';
  if (mime === 'text/css' || p.endsWith('.css')) return 'css';
  return 'other';
}

/**
 * Opens `url` in a fresh context (no service worker, empty cache) and records every response
 * of the page over CDP: its body as it came over the wire (Content-Length, else CDP's
 * encoded length less the headers), encoding and kind. Done when `ready` holds and the
 * network has been idle for 500 ms.
 */
async function traffic(browser, url, ready) {
  const context = await browser.newContext(CONTEXT);
  try {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const cdp = await context.newCDPSession(page);
    const byId = new Map();
    cdp.on('Network.responseReceived', ({ requestId, response }) => {
      if (!/^https?:/.test(response.url)) return;
      const headers = Object.fromEntries(Object.entries(response.headers).map(([k, v]) => [k.toLowerCase(), v]));
      byId.set(requestId, {
        url: response.url, status: response.status, mime: response.mimeType,
        encoding: headers['content-encoding'] ?? 'identity',
        length: headers['content-length'] !== undefined ? Number(headers['content-length']) : null,
        headerBytes: response.encodedDataLength, body: null,
      });
    });
    cdp.on('Network.loadingFinished', ({ requestId, encodedDataLength }) => {
      const r = byId.get(requestId);
      if (r) r.body = r.length ?? Math.max(0, encodedDataLength - r.headerBytes);
    });
    // With `Cache-Control: no-store` (this server's), Chromium now and then reports the module's
    // request as canceled once the loader has read its body through the download counter,
    // though every byte arrived and the page started (see tests/e2e/pages.spec.mjs, "each
    // page's module arrives whole"). Such a response still counts, by its Content-Length.
    cdp.on('Network.loadingFailed', ({ requestId, canceled, errorText }) => {
      const r = byId.get(requestId);
      const aborted = canceled || /ERR_ABORTED/.test(errorText ?? '');
      if (r && aborted && r.status === 200 && r.length !== null) {
        r.body = r.length;
        r.canceled = true;
      }
    });
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForSelector(ready, { timeout: 30_000 });
    await page.waitForLoadState('networkidle');
    if (errors.length) throw new Error(`${url}: page errors: ${errors.join('; ')}`);
    const responses = [...byId.values()].filter((r) => r.body !== null)
      .map((r) => ({ ...r, kind: kindOf(r.url, r.mime), path: new URL(r.url).pathname }));
    const sum = (kind) => responses.filter((r) => r.kind === kind).reduce((s, r) => s + r.body, 0);
    const totals = { wasm: sum('wasm'), js: sum('js'), css: sum('css'), other: sum('other') };
    return { responses, totals, budgeted: totals.wasm + totals.js + totals.css, finalUrl: page.url() };
  } finally {
    await context.close();
  }
}

// ------------------------------------------------------------ page bytes --

/** (size) What each page downloads, against its budget. */
export async function benchPageSizes(env) {
  const { fragment } = invitationLink();
  const app = '[data-testid="rs-consent"], main h1';
  const pages = [
    { page: 'respond.html', route: `/respond.html${fragment}`, ready: '[data-testid="rs-consent"]', how: 'an invitation link' },
    { page: 'observe.html', route: '/observe.html#/observe', ready: 'main h1', how: 'the kits screen' },
    { page: 'index.html', route: '/', ready: 'main h1', how: 'the campaign list' },
  ];
  const rows = [];
  for (const p of pages) rows.push({ ...p, ...(await traffic(env.browser, env.origin + p.route, p.ready)) });
  // An old invitation link reaches the recruiter's page, which sends it on before fetching its
  // module: informative, what that detour costs on top of respond.html.
  const old = await traffic(env.browser, `${env.origin}/${fragment}`, app);

  const notBrotli = rows.flatMap((r) => r.responses)
    .filter((r) => r.status === 200 && ['wasm', 'js', 'css'].includes(r.kind) && r.encoding !== 'br');
  const foreignModules = (r, own) => r.responses.map((x) => x.path)
    .filter((p) => /\/rally(-[a-z]+)?-[0-9a-f]{15,16}(_bg\.wasm|\.js)$/.test(p) && !own.test(p));
  const respondRow = rows.find((r) => r.page === 'respond.html');
  const leaks = [
    ...foreignModules(respondRow, /\/rally-respond-/),
    ...foreignModules(rows.find((r) => r.page === 'observe.html'), /\/rally-observe-/),
    ...foreignModules(old, /\/rally-respond-/),
  ];
  const ok = rows.every((r) => r.budgeted / KB <= BUDGETS_KB[r.page]) && notBrotli.length === 0 && leaks.length === 0;
  const col = (v) => fmtKB(v).padStart(10);
  const lines = [
    'page downloads (each page loaded fresh in Chromium from the bench server; bytes on the wire, Content-Encoding br; 1 KB = 1024 B)',
    `  ${'page'.padEnd(13)}${'wasm'.padStart(10)}${'js'.padStart(10)}${'css'.padStart(10)}${'other'.padStart(10)}` +
      `${'wasm+js+css'.padStart(13)}   budget`,
    ...rows.map((r) => `  ${r.page.padEnd(13)}${col(r.totals.wasm)}${col(r.totals.js)}${col(r.totals.css)}${col(r.totals.other)}` +
      `${fmtKB(r.budgeted).padStart(13)}   ≤ ${BUDGETS_KB[r.page]} KB ${r.budgeted / KB <= BUDGETS_KB[r.page] ? 'OK' : 'OVER TARGET'}  (${r.how}, ${r.responses.length} responses)`),
    `  old link /#/respond/…: index.html sends it on to respond.html; ${old.responses.length} responses, ` +
      `${fmtKB(old.budgeted)} wasm+js+css in all (${fmtKB(old.budgeted - respondRow.budgeted)} more than respond.html alone)`,
    ...(notBrotli.length ? [`  NOT brotli: ${notBrotli.map((r) => `${r.path} (${r.encoding})`).join(', ')}`] : []),
    ...[...rows, old].flatMap((r) => r.responses.filter((x) => x.canceled)).map((x) =>
      `  (${x.path}: reported canceled after its whole response, a Chromium quirk with no-store; counted by its Content-Length)`),
    leaks.length ? `  ANOTHER PAGE'S MODULE fetched: ${leaks.join(', ')}` : '  no page fetched another page\'s module',
  ];
  const figures = Object.fromEntries(rows.map((r) => [r.page, {
    ...r.totals, budgeted: r.budgeted, budget_kb: BUDGETS_KB[r.page],
    files: r.responses.map((x) => ({ path: x.path, kind: x.kind, encoding: x.encoding, bytes: x.body })),
  }]));
  figures.old_respond_link = { ...old.totals, budgeted: old.budgeted, final_url: old.finalUrl };
  return { ok, lines, figures };
}

// --------------------------------------------------------------- slow 4G --

/**
 * One load of `url` under slow-4G emulation in a fresh context: navigation start → the
 * first animation frame after `radios` radio buttons are in the DOM (inside `scope`),
 * measured in the page (performance.now() from navigation start). When `consent` is given,
 * that button is clicked as soon as it appears (no thinking time). Returns { ms, consentMs, moduleMs } (moduleMs: when the
 * WebAssembly module had fully arrived).
 */
async function slowLoad(browser, url, { scope, radios, consent = null }) {
  const context = await browser.newContext(CONTEXT);
  try {
    await context.addInitScript(({ scope, radios, consent }) => {
      const state = { consentMs: null };
      window.__benchSlow = state;
      const observer = new MutationObserver(() => {
        if (consent && state.consentMs === null) {
          const button = document.querySelector(consent);
          if (button) {
            state.consentMs = performance.now();
            button.click();
          }
        }
        if (document.querySelectorAll(`${scope} input[type="radio"]`).length >= radios) {
          observer.disconnect();
          // The frame that shows them: after its rendering steps, the next task runs.
          requestAnimationFrame(() => setTimeout(() => {
            state.ms = performance.now();
            console.debug('rally-bench:painted');
          }, 0));
        }
      });
      observer.observe(document, { childList: true, subtree: true });
    }, { scope, radios, consent });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
    const painted = page.waitForEvent('console', { predicate: (m) => m.text() === 'rally-bench:painted', timeout: 60_000 });
    await page.goto(url, { waitUntil: 'commit' });
    try {
      await painted;
    } catch (err) {
      throw new Error(`${url}: ${err.message}${errors.length ? `\n  page errors: ${errors.join('; ')}` : ''}`);
    }
    return await page.evaluate(() => {
      // When the page's WebAssembly module had fully arrived (what the rest waits for).
      const module = performance.getEntriesByType('resource').find((r) => r.name.endsWith('_bg.wasm'));
      return { ms: window.__benchSlow.ms, consentMs: window.__benchSlow.consentMs, moduleMs: module ? module.responseEnd : null };
    });
  } finally {
    await context.close();
  }
}

/**
 * bench/surveyjs/ with survey-core's and survey-js-ui's files from node_modules, in
 * target/bench/surveyjs/, compressed by tools/precompress.mjs as the build's files are.
 */
export function stageSurveyJs() {
  const dir = path.join(ROOT, 'target', 'bench', 'surveyjs');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  for (const f of fs.readdirSync(path.join(ROOT, 'bench', 'surveyjs'))) {
    fs.copyFileSync(path.join(ROOT, 'bench', 'surveyjs', f), path.join(dir, f));
  }
  for (const [pkg, file] of [['survey-core', 'survey.core.min.js'], ['survey-core', 'survey-core.fontless.min.css'],
    ['survey-js-ui', 'survey-js-ui.min.js']]) {
    const from = path.join(ROOT, 'node_modules', pkg);
    const version = JSON.parse(fs.readFileSync(path.join(from, 'package.json'), 'utf8')).version;
    if (version !== SURVEYJS_VERSION) {
      throw new Error(`node_modules/${pkg} is ${version}, not ${SURVEYJS_VERSION}: run \`npm ci\` (tools/setup.sh)`);
    }
    fs.copyFileSync(path.join(from, file), path.join(dir, file));
  }
  execFileSync('node', [path.join(ROOT, 'tools', 'precompress.mjs'), dir], { stdio: 'pipe' });
  return dir;
}

/** (slow-4g) An invitation link → the first question page painted, Rally and SurveyJS. */
export async function benchSlow4G(env) {
  const runs = env.opts.runs;
  const { fragment } = invitationLink();
  const rallyUrl = `${env.origin}/respond.html${fragment}`;
  const rally = () => slowLoad(env.browser, rallyUrl, {
    scope: '[data-testid="rs-page"][data-page="0"]', radios: 40, consent: '[data-testid="rs-consent"]',
  });
  const server = await startServer(stageSurveyJs());
  try {
    const surveyUrl = `${server.origin}/`;
    const survey = () => slowLoad(env.browser, surveyUrl, { scope: '#survey', radios: 40 });
    // What the SurveyJS page fetched (informative: its size next to Rally's).
    const sjs = await traffic(env.browser, surveyUrl, '#survey input[type="radio"]');
    await rally(); // warm-ups (server, disk cache, browser process), not counted
    await survey();
    const r = [];
    const s = [];
    for (let i = 0; i < runs; i++) { // interleaved: both see the same machine load
      r.push(await rally());
      s.push(await survey());
    }
    const rs = spread(r.map((x) => x.ms));
    const consent = spread(r.map((x) => x.consentMs));
    const module = spread(r.map((x) => x.moduleMs));
    const ss = spread(s.map((x) => x.ms));
    const ratio = rs.median / ss.median;
    const ok = rs.median <= SLOW_TARGET_MS && ratio <= RATIO_TARGET;
    const net = `${SLOW_4G.latency} ms, ${(SLOW_4G.downloadThroughput * 8 / 1e6).toFixed(1)} Mbit/s down, ` +
      `${(SLOW_4G.uploadThroughput * 8 / 1e3).toFixed(0)} kbit/s up`;
    return {
      ok,
      lines: [
        `slow 4G (${net}; no HTTP cache, no service worker, a new context each run), median of ${runs}:`,
        `  Rally, invitation link → first question page painted (8 items, consent clicked at once): ` +
          `median ${fmtMs(rs.median)}, min ${fmtMs(rs.min)}, max ${fmtMs(rs.max)} (target ≤ ${SLOW_TARGET_MS} ms) ` +
          `${rs.median <= SLOW_TARGET_MS ? 'OK' : 'OVER TARGET'}`,
        `    (its module fully downloaded: median ${fmtMs(module.median)}; the consent step in the DOM: median ${fmtMs(consent.median)})`,
        `  SurveyJS ${SURVEYJS_VERSION} (survey-core + survey-js-ui), an 8-item Likert page painted: ` +
          `median ${fmtMs(ss.median)}, min ${fmtMs(ss.min)}, max ${fmtMs(ss.max)} ` +
          `(${fmtKB(sjs.budgeted)} wasm+js+css on the wire)`,
        `  ratio Rally / SurveyJS: ${ratio.toFixed(2)} (target ≤ ${RATIO_TARGET}) ${ratio <= RATIO_TARGET ? 'OK' : 'OVER TARGET'}`,
      ],
      figures: {
        network: SLOW_4G, runs, target_ms: SLOW_TARGET_MS, ratio_target: RATIO_TARGET,
        rally: rs, rally_module_downloaded: module, rally_consent_in_dom: consent, surveyjs: ss, ratio,
        surveyjs_bytes: { ...sjs.totals, budgeted: sjs.budgeted },
      },
    };
  } finally {
    await server.stop();
  }
}
