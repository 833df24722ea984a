#!/usr/bin/env node
// Scratch tool (kept for the next person): a Chrome trace of one measured first render of
// 200 campaigns, summarised as a timeline of the main thread, with V8's lazy compilations of
// WebAssembly functions (the largest first).
//   node bench/trace-first-render.mjs [--dist dir] [--out trace.json] [--runs 3]
//   EARLY=1 node bench/trace-first-render.mjs   also lists what the main thread did in the first 130 ms
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../playwright.config.mjs';
import { buildWorkspaceDocument, startServer } from './run.mjs';

const args = process.argv.slice(2);
const arg = (name, dflt) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : dflt; };
const dist = path.resolve(arg('--dist', 'dist'));
const out = arg('--out', null);
const runs = Number(arg('--runs', '3'));

const server = await startServer(dist);
const browser = await chromium.launch(chromiumLaunchOptions);
const doc = buildWorkspaceDocument(200);
const CATS = ['devtools.timeline', 'v8', 'v8.wasm', 'disabled-by-default-v8.compile', 'blink.user_timing',
  'loading', 'netlog', 'disabled-by-default-devtools.timeline', 'toplevel', 'IndexedDB', 'blink'];
for (let r = 0; r < runs; r++) {
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1280, height: 800 } });
  const seeder = await context.newPage();
  await seeder.goto(server.origin + '/bench-seed.txt');
  await seeder.evaluate(({ data }) => {
    localStorage.setItem('rally.workspace', data);
    localStorage.setItem('rally.workspace.token', 'bench:1');
  }, { data: JSON.stringify({ token: { writer: 'bench', seq: 1 }, document: doc }) });
  await seeder.goto(server.origin + '/');
  await seeder.waitForFunction(() => document.querySelectorAll('[data-testid="campaign-row"]').length >= 200
    && localStorage.getItem('rally.workspace') === null, null, { timeout: 30000 });
  await seeder.waitForTimeout(1000);
  await seeder.close();
  await context.addInitScript(() => {
    window.addEventListener('TrunkApplicationStarted', () => { performance.mark('bench:trunk-started'); });
    const obs = new MutationObserver(() => {
      if (document.querySelectorAll('[data-testid="campaign-row"]').length >= 200) {
        performance.mark('bench:rows'); obs.disconnect(); console.debug('rally-bench:rows');
      }
    });
    obs.observe(document, { childList: true, subtree: true });
  });
  const page = await context.newPage();
  const ready = page.waitForEvent('console', { predicate: (m) => m.text() === 'rally-bench:rows', timeout: 30000 });
  await browser.startTracing(page, { categories: CATS });
  await page.goto(server.origin + '/', { waitUntil: 'commit' });
  await ready;
  await page.waitForTimeout(300);
  const buf = await browser.stopTracing();
  const marks = await page.evaluate(() => performance.getEntriesByType('mark').map((m) => [m.name, m.startTime.toFixed(1)])
    .concat(performance.getEntriesByType('resource').map((e) => [e.name.replace(/^.*\//, ''), `${e.startTime.toFixed(1)}→${e.responseEnd.toFixed(1)}`]))
    .concat(performance.getEntriesByType('navigation').map((e) => ['nav responseEnd/DCL', `${e.responseEnd.toFixed(1)} / ${e.domContentLoadedEventEnd.toFixed(1)}`])));
  if (out) fs.writeFileSync(out.replace(/\.json$/, `-${r}.json`), buf);
  const trace = JSON.parse(buf.toString());
  summarise(trace.traceEvents, marks);
  await context.close();
}
await browser.close();
await server.stop();

function summarise(events, marks) {
  // navigation start: the renderer's first 'navigationStart' mark
  const nav = events.find((e) => e.name === 'navigationStart' && e.args?.data?.isLoadingMainFrame) ?? events.find((e) => e.name === 'navigationStart');
  const t0 = nav.ts;
  const ms = (ts) => ((ts - t0) / 1000).toFixed(1);
  console.log('--- run; marks (performance.now):');
  for (const [n, t] of marks) console.log(`   ${n}: ${t}`);
  // main thread: the renderer thread named CrRendererMain with most events
  const names = new Map();
  for (const e of events) if (e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args.name);
  const counts = new Map();
  for (const e of events) { const k = `${e.pid}:${e.tid}`; if (names.get(k) === 'CrRendererMain' && e.ts >= t0) counts.set(k, (counts.get(k) ?? 0) + 1); }
  const main = [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0];
  const top = events.filter((e) => `${e.pid}:${e.tid}` === main && e.ph === 'X' && e.ts >= t0 && e.dur > 2000)
    .sort((a, b) => a.ts - b.ts);
  if (process.env.EARLY) {
    const early = events.filter((e) => `${e.pid}:${e.tid}` === main && e.ph === 'X' && e.ts >= t0 && e.ts - t0 < 130000 && e.dur > 500 && e.name !== 'RunTask' && e.name !== 'ThreadControllerImpl::RunTask');
    for (const e of early.sort((a, b) => a.ts - b.ts)) console.log(`   early ${ms(e.ts)}\t${(e.dur / 1000).toFixed(1)}\t${e.name}\t${JSON.stringify(e.args?.data ?? {}).slice(0, 120)}`);
  }
  console.log('--- main thread slices > 2 ms (start ms, dur ms, name, detail):');
  let lastEnd = 0;
  for (const e of top) {
    if (e.ts < lastEnd) continue; // nested: only top-level
    lastEnd = e.ts + e.dur;
    const d = e.args?.data ?? {};
    const detail = d.url ? d.url.replace(/^.*\//, '') : d.functionName ?? d.type ?? d.name ?? '';
    console.log(`   ${ms(e.ts)}\t${(e.dur / 1000).toFixed(1)}\t${e.name}\t${detail}`);
  }
  // wasm compile events on any thread
  const wasm = events.filter((e) => e.cat?.includes('wasm') && e.ph === 'X' && e.dur > 1000 && e.ts >= t0);
  const byName = new Map();
  for (const e of wasm) { const a = byName.get(e.name) ?? { n: 0, dur: 0, first: e.ts, last: e.ts + e.dur }; a.n++; a.dur += e.dur; a.first = Math.min(a.first, e.ts); a.last = Math.max(a.last, e.ts + e.dur); byName.set(e.name, a); }
  const lazy = events.filter((e) => e.name === 'wasm.CompileLazy' && e.ts >= t0);
  console.log(`--- lazy compilations: ${lazy.length}, ${(lazy.reduce((a, e) => a + (e.dur ?? 0), 0) / 1000).toFixed(1)} ms; the largest:`);
  for (const e of lazy.sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0)).slice(0, 12)) console.log(`   ${ms(e.ts)}\t${((e.dur ?? 0) / 1000).toFixed(2)}\t${JSON.stringify(e.args)}`);
  console.log('--- wasm events > 1 ms (name: count, total ms, first→last):');
  for (const [n, a] of byName) console.log(`   ${n}: ${a.n}, ${(a.dur / 1000).toFixed(1)}, ${ms(a.first)}→${ms(a.last)}`);
}
