// Keystroke latency on the mediator's coding screen (`node bench/run.mjs --only keystroke`),
// at 100, 1,000, 5,000 and 20,000 events already coded, so that the curve shows whether the
// cost of one coded event grows with the log. Also the helpers bench/scale.mjs shares: fixtures
// written by a Rust example, IndexedDB seeded with records in the app's own stored layout.
//
// Fixture: `cargo run --release --example coding_fixture` (run here, every time: a few seconds)
// writes target/bench/coding-<n>.json, one kit and one draft observation of n events laid out
// as the app stores them (`file::stored::fieldwork_records`). For each size, in a fresh browser
// context: the records go into IndexedDB (`rally` / `kv`) from a same-origin 404 page, with the
// observation's clock patched to be running now; then observe.html opens the coding screen and
// codes K events with the keyboard (actor key, then code key). Each latency runs from the code
// key's keydown to the animation frame after the event list or the "last coded" line changed —
// the frame that shows the new event. Saves (one per burst, at most 1 s apart) fall inside
// the measured keystrokes like in real use.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CONTEXT = { serviceWorkers: 'block' };
const SIZES = [100, 1_000, 5_000, 20_000];
/** Targets of the keystroke's p95, where the issue sets one (ms). */
const TARGETS = { 5_000: 8, 20_000: 16 };
const K = 100;
/** Events coded again under a trace, for the main thread's CPU time per code key. */
const K_CPU = 40;

export const fmtMs = (ms) => `${ms.toFixed(1)} ms`;

/** Median, p95, min, max of a list of samples. */
export function stats(samples) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
  const mid = Math.floor(s.length / 2);
  return {
    median: s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2,
    p95: at(0.95),
    min: s[0],
    max: s[s.length - 1],
    n: s.length,
  };
}

/** Runs `cargo run --release --example <name> [args]`, which writes its fixture. */
export function runExample(name, args = []) {
  const r = spawnSync('cargo', ['run', '--quiet', '--release', '--example', name, ...args], {
    cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (r.status !== 0) throw new Error(`cargo run --example ${name} failed (${r.status})`);
  return r.stdout.trim();
}

/**
 * Writes `records` ([key, text] pairs) into the app's database (IndexedDB `rally`, store
 * `kv`: what src/platform/idb.js opens), from a same-origin 404 page of `context`, in
 * transactions of about 4 MB; `local` adds localStorage entries.
 */
export async function seedDatabase(context, origin, records, local = {}) {
  const page = await context.newPage();
  const seeded = await page.goto(origin + '/bench-seed.txt');
  if (seeded?.status() !== 404) throw new Error(`/bench-seed.txt should be a 404 page, got ${seeded?.status()}`);
  const batches = [];
  let batch = [];
  let size = 0;
  for (const r of records) {
    batch.push(r);
    size += r[1].length;
    if (size > 4_000_000) {
      batches.push(batch);
      batch = [];
      size = 0;
    }
  }
  if (batch.length) batches.push(batch);
  for (const b of batches) {
    await page.evaluate(async (records) => {
      const db = await new Promise((resolve, reject) => {
        const req = indexedDB.open('rally');
        req.onupgradeneeded = () => {
          if (!req.result.objectStoreNames.contains('kv')) req.result.createObjectStore('kv');
        };
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      await new Promise((resolve, reject) => {
        const tx = db.transaction('kv', 'readwrite');
        const store = tx.objectStore('kv');
        for (const [k, v] of records) store.put(v, k);
        tx.oncomplete = resolve;
        tx.onerror = () => reject(tx.error);
        tx.onabort = () => reject(tx.error);
      });
      db.close();
    }, b);
  }
  await page.evaluate((local) => {
    for (const [k, v] of Object.entries(local)) localStorage.setItem(k, v);
  }, local);
  await page.close();
}

/**
 * The stored header of an observation (`obs/<id>`) with its clock running since now: the
 * session time banked is 1 s past the last event, so new events follow it.
 */
export function runningClock(records, observation) {
  const key = `obs/${observation}`;
  return records.map(([k, v]) => {
    if (k !== key) return [k, v];
    const header = JSON.parse(v);
    const o = header.observation;
    const last = records.filter(([c]) => c.startsWith(key + '#')).sort(([a], [b]) => (a < b ? -1 : 1)).pop();
    const events = last ? JSON.parse(last[1]) : [];
    const banked = (events.length ? events[events.length - 1].at_ms : 0) + 1_000;
    const now = Date.now();
    o.clock = {
      started_at: new Date(now - banked).toISOString(),
      running_since: new Date(now).toISOString(),
      banked_ms: banked,
    };
    return [k, JSON.stringify(header)];
  });
}

/**
 * Installs, in `page`, the measurement of a keystroke: from the code key's keydown (its
 * `timeStamp`: when the browser received the key, so time spent queued behind a save counts)
 * to (a) the event list or the prompt changed in the DOM, styled and laid out (a forced
 * layout in the mutation observer), and (b) the next animation frame after that change.
 */
export async function watchKeystrokes(page) {
  await page.evaluate(() => {
    window.__lat = [];
    window.__frame = [];
    // The clock ticks elsewhere on the page: only changes to the event list or to the
    // "last coded" line count as the keystroke's effect on screen.
    const relevant = (r) => {
      const n = r.target.nodeType === 1 ? r.target : r.target.parentElement;
      return !!n && !!(n.closest('[data-testid="obs-events"], [data-testid="obs-prompt"]') ||
        n.querySelector?.('[data-testid="obs-events"], [data-testid="obs-prompt"]'));
    };
    new MutationObserver((records) => {
      const t0 = window.__kd;
      if (t0 === null || t0 === undefined || !records.some(relevant)) return;
      window.__kd = null;
      void document.body.offsetHeight; // style and layout of the change, now
      window.__lat.push(performance.now() - t0);
      requestAnimationFrame(() => window.__frame.push(performance.now() - t0));
    }).observe(document.querySelector('main'), { childList: true, subtree: true, characterData: true });
  });
}

/** An init script: the code key's keydown time, before the app's own listener sees it. */
export function keydownProbe() {
  window.__kd = null;
  window.__keys = [];
  window.addEventListener('keydown', (e) => {
    if (e.key === 'c') return;
    window.__kd = e.timeStamp;
    window.__keys.push(e.timeStamp);
  }, true);
}

/**
 * Codes `k` events (actor `c`, then a code key); returns their latencies (ms): `screen`
 * (laid out in the DOM) and `frame` (the next animation frame).
 */
export async function codeEvents(page, k) {
  const codes = ['i', 'o', 'q', 'a', 'd', 'e'];
  const before = await page.evaluate(() => window.__frame.length);
  for (let i = 0; i < k; i++) {
    await page.keyboard.press('c');
    await page.keyboard.press(codes[i % codes.length]);
    await page.waitForFunction((n) => window.__frame.length >= n, before + i + 1, { timeout: 10_000 });
  }
  return page.evaluate((from) => ({ screen: window.__lat.slice(from), frame: window.__frame.slice(from) }), before);
}

/**
 * The main thread's CPU time for each code key (ms): codes `k` events under a Chrome trace and
 * reads the thread time (`tdur`) of the task that dispatched each code key's keydown — the
 * app's work for it (handler, render, layout), whatever else the machine runs meanwhile.
 */
export async function codeKeyCpu(browser, page, k) {
  await browser.startTracing(page, { categories: ['devtools.timeline'] });
  await codeEvents(page, k);
  const trace = JSON.parse((await browser.stopTracing()).toString());
  const events = trace.traceEvents ?? trace;
  const keydowns = events.filter((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'keydown')
    .sort((a, b) => a.ts - b.ts);
  const tasks = events.filter((e) => e.name === 'RunTask' && e.ph === 'X' && keydowns.some((kd) => kd.tid === e.tid));
  // Actor key, code key, actor key, …: every second keydown is a code key.
  return keydowns.filter((_, i) => i % 2 === 1).map((kd) => {
    const task = tasks.find((t) => t.tid === kd.tid && t.ts <= kd.ts && t.ts + t.dur >= kd.ts + kd.dur);
    return (task?.tdur ?? kd.tdur ?? 0) / 1000;
  });
}

/** The keystroke latencies with `n` events coded, in a fresh context. */
async function oneSize(env, n) {
  const fixture = JSON.parse(fs.readFileSync(path.join(ROOT, 'target', 'bench', `coding-${n}.json`), 'utf8'));
  const context = await env.browser.newContext({ ...CONTEXT, viewport: { width: 1280, height: 900 } });
  try {
    await seedDatabase(context, env.origin, runningClock(fixture.records, fixture.observation), { 'rally.lang': 'en' });
    await context.addInitScript(keydownProbe);
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${env.origin}/observe.html#/observe/${fixture.kit}/${fixture.session}/${fixture.candidate}`);
    await page.waitForSelector('[data-testid="obs-events"] li', { timeout: 60_000 });
    const shown = await page.locator('.obs-log .obs-count').first().textContent();
    if (!shown.includes(String(n))) throw new Error(`the coding screen shows ${shown} events, not ${n}`);
    await watchKeystrokes(page);
    await page.locator('main h1').first().click();
    await codeEvents(page, 10); // warm-up: the first presses compile code paths
    const lat = await codeEvents(page, K);
    const cpu = await codeKeyCpu(env.browser, page, K_CPU);
    const rows = await page.locator('[data-testid="obs-events"] li').count();
    const after = await page.locator('.obs-log .obs-count').first().textContent();
    const coded = n + 10 + K + K_CPU;
    if (!after.includes(String(coded))) throw new Error(`after coding, the screen shows ${after} events, not ${coded}`);
    if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
    return { screen: stats(lat.screen), frame: stats(lat.frame), cpu: stats(cpu), rows, samples: { ...lat, cpu } };
  } finally {
    await context.close();
  }
}

export async function benchCoding(env) {
  console.log(runExample('coding_fixture', SIZES.map(String)).split('\n').map((l) => `  ${l}`).join('\n'));
  const lines = [`keystroke on the coding screen, ${K} events coded per size (from the code key's keydown):`];
  const figures = { keystrokes: K, sizes: {} };
  let ok = true;
  for (const n of SIZES) {
    const { screen, frame, cpu, rows, samples } = await oneSize(env, n);
    const target = TARGETS[n];
    const verdict = target === undefined ? '' : ` (target p95 ≤ ${target} ms) ${screen.p95 <= target ? 'OK' : 'OVER TARGET'}`;
    if (target !== undefined) ok &&= screen.p95 <= target;
    lines.push(`  ${n.toLocaleString('en').padStart(6)} events: row on screen p95 ${fmtMs(screen.p95)}, median ${fmtMs(screen.median)}, ` +
      `max ${fmtMs(screen.max)}${verdict}; next frame p95 ${fmtMs(frame.p95)}, median ${fmtMs(frame.median)}; ` +
      `main-thread CPU per code key p95 ${fmtMs(cpu.p95)}, median ${fmtMs(cpu.median)} [${rows} rows rendered]`);
    figures.sizes[n] = { screen, frame, cpu, target_p95_ms: target ?? null, samples };
  }
  return { ok, lines, figures };
}
