// A recruiter's workspace at scale (`node bench/run.mjs --only scale`): 20 campaigns × 4
// sessions × 2 mediators × 1,500 coded events (240,000 events) plus every answer (880), kept in
// IndexedDB. Figures:
//  (a) load time of the recruiter's page until the campaign list is rendered (navigation start
//      → the 20 rows), median of `--runs` fresh pages (target ≤ 250 ms), and, informative,
//      straight onto a campaign page, which waits for the fieldwork store (navigation start →
//      its received observations on screen);
//  (b) whether the data survived: after those reloads, the database still holds every event
//      and answer (counted in its records) and nothing was put aside as unreadable, and the
//      campaign page lists its 8 observations of 1,500 events;
//  (c) the time to save one new coded event in it: on the mediator's page of the same browser
//      (which reads the whole store), a new observation is started and events are coded one at
//      a time; each runs from the code key's keydown to the commit of the IndexedDB transaction
//      that writes it (a hook on `IDBDatabase.prototype.transaction` records when each
//      read-write transaction starts and completes, and what it puts). The saver waits for a
//      pause of 250 ms in the coding before it writes (src/ui/shell/fieldwork.rs): the write
//      itself (transaction start → commit) is printed apart. Also the keystroke → row on
//      screen with that store, and the new events counted after a reload;
//  (d) the recruiter's full export of the same data (33 MB, written by the same example) imported
//      into an empty browser: time from choosing the file to the list and the import's report,
//      and every event and answer stored afterwards.
//
// Fixture: `cargo run --release --example scale_fixture` (run here, every time: ~10 s) writes
// target/bench/scale-240000.json, the records exactly as the app stores them
// (`file::Snapshot`, `file::stored::fieldwork_records`), seeded into IndexedDB from a
// same-origin 404 page.
import fs from 'node:fs';
import path from 'node:path';
import {
  ROOT, codeEvents, fmtMs, keydownProbe, runExample, seedDatabase, stats, watchKeystrokes,
} from './coding.mjs';

const CONTEXT = { serviceWorkers: 'block' };
const TARGET_LIST_MS = 250;
const CODED = 8;

/** An init script: records every read-write transaction (start, keys put, commit). */
function transactionProbe() {
  window.__tx = [];
  const transaction = IDBDatabase.prototype.transaction;
  IDBDatabase.prototype.transaction = function (...args) {
    const tx = transaction.apply(this, args);
    if (args[1] === 'readwrite') {
      const rec = { started: performance.now(), committed: null, keys: [], chars: 0 };
      window.__tx.push(rec);
      tx.__rec = rec;
      tx.addEventListener('complete', () => { rec.committed = performance.now(); });
    }
    return tx;
  };
  const put = IDBObjectStore.prototype.put;
  IDBObjectStore.prototype.put = function (value, key) {
    const rec = this.transaction.__rec;
    if (rec) {
      rec.keys.push(key);
      rec.chars += typeof value === 'string' ? value.length : 0;
    }
    return put.call(this, value, key);
  };
}

/** An init script: `performance.now()` when `selector` first matches `min` elements. */
function readyProbe({ selector, min, flag }) {
  const observer = new MutationObserver(() => {
    if (window[flag] === undefined && document.querySelectorAll(selector).length >= min) {
      window[flag] = performance.now();
      observer.disconnect();
      console.debug(`rally-bench:${flag}`);
    }
  });
  observer.observe(document, { childList: true, subtree: true });
}

/** Opens `url` in a new page of `context`; ms from navigation start to `min` × `selector`. */
async function timedLoad(context, url, selector, min, timeout = 120_000) {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const flag = '__rallyReady';
  await page.addInitScript(readyProbe, { selector, min, flag });
  const ready = page.waitForEvent('console', { predicate: (m) => m.text() === `rally-bench:${flag}`, timeout });
  await page.goto(url, { waitUntil: 'commit' });
  await ready;
  const ms = await page.evaluate((f) => window[f], flag);
  if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
  return { page, ms };
}

/** What the database holds: events in observation chunks, answers, keys put aside. */
async function countStored(page) {
  return page.evaluate(async () => {
    const db = await new Promise((resolve, reject) => {
      const req = indexedDB.open('rally');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const all = await new Promise((resolve, reject) => {
      const store = db.transaction('kv', 'readonly').objectStore('kv');
      const keys = store.getAllKeys();
      const values = store.getAll();
      values.onsuccess = () => resolve(keys.result.map((k, i) => [k, values.result[i]]));
      values.onerror = () => reject(values.error);
    });
    db.close();
    let events = 0;
    let observations = 0;
    let responses = 0;
    let unreadable = 0;
    for (const [k, v] of all) {
      if (k.startsWith('unreadable.')) unreadable++;
      else if (/^obs\/[^#]+#\d+$/.test(k)) events += JSON.parse(v).length;
      else if (/^obs\/[^#]+$/.test(k)) observations++;
      else if (k === 'fw/responses') responses = JSON.parse(v).length;
    }
    return { records: all.length, events, observations, responses, unreadable };
  });
}

export async function benchScale(env) {
  console.log(`  ${runExample('scale_fixture')}`);
  const fixture = JSON.parse(fs.readFileSync(path.join(ROOT, 'target', 'bench', 'scale-240000.json'), 'utf8'));
  const records = new Map(fixture.records);
  const ws = JSON.parse(records.get('workspace')).document;
  const kits = JSON.parse(records.get('fw/kits'));
  const campaign = ws.campaigns[0];
  const rows = ws.campaigns.length;
  const context = await env.browser.newContext({ ...CONTEXT, viewport: { width: 1280, height: 900 } });
  try {
    let t = Date.now();
    await seedDatabase(context, env.origin, fixture.records, { 'rally.lang': 'en' });
    const seeding = Date.now() - t;

    // (a) The campaign list, and a campaign page (which waits for the fieldwork store). As a
    // control, taken in turn with them (the machine's load varies): the same campaigns in a
    // browser that holds no fieldwork at all.
    const control = await env.browser.newContext({ ...CONTEXT, viewport: { width: 1280, height: 900 } });
    await seedDatabase(control, env.origin, fixture.records.filter(([k]) => k.startsWith('workspace')), { 'rally.lang': 'en' });
    const runs = Math.min(env.opts.runs, 7);
    const list = [];
    const bare = [];
    const campaignPage = [];
    const received = `[data-testid="an-candidate-block"] table.an-received tbody tr`;
    try {
      for (let i = 0; i <= runs; i++) {
        const l = await timedLoad(context, `${env.origin}/`, '[data-testid="campaign-row"]', rows);
        await l.page.close();
        const b = await timedLoad(control, `${env.origin}/`, '[data-testid="campaign-row"]', rows);
        await b.page.close();
        const c = await timedLoad(context, `${env.origin}/#/campaign/${campaign.id}`, received, 8);
        await c.page.close();
        if (i > 0) { // the first of each is a warm-up
          list.push(l.ms);
          bare.push(b.ms);
          campaignPage.push(c.ms);
        }
      }
    } finally {
      await control.close();
    }

    // (b) Still all there after those reloads, on disk and on screen.
    const check = await context.newPage();
    await check.goto(`${env.origin}/#/campaign/${campaign.id}`);
    await check.waitForSelector(received, { timeout: 120_000 });
    const shown = await check.locator(received).evaluateAll((trs) => trs.filter((tr) =>
      [...tr.querySelectorAll('td.an-num')].some((td) => td.textContent.trim() === '1,500')).length);
    const stored = await countStored(check);
    await check.close();
    const survived = stored.events === fixture.events && stored.responses === fixture.responses &&
      stored.observations === fixture.observations && stored.unreadable === 0 && shown === 8;

    // (c) One new coded event at a time, on the mediator's page of the same browser.
    const mediator = campaign.mediators[0];
    const kit = kits.find((k) => k.campaign_id === campaign.id && k.mediator.id === mediator.id);
    const session = campaign.sessions[0].id;
    const candidate = campaign.candidates[1].id; // not coded in the fixture
    const url = `${env.origin}/observe.html#/observe/${kit.id}/${session}/${candidate}`;
    await context.addInitScript(keydownProbe);
    await context.addInitScript(transactionProbe);
    t = Date.now();
    const { page, ms: mediatorReady } = await timedLoad(context, url, '[data-testid="obs-start"]', 1);
    await page.click('[data-testid="obs-start"]');
    await page.click('[data-testid="obs-clock-button"]');
    await page.waitForSelector('[data-testid="obs-clock-button"]:has-text("Pause")');
    await watchKeystrokes(page);
    await page.locator('main h1').first().click();
    const saves = [];
    const screen = [];
    for (let i = 0; i < CODED; i++) {
      const from = await page.evaluate(() => window.__tx.length);
      const { screen: s } = await codeEvents(page, 1);
      screen.push(...s);
      // The saver writes once coding pauses: wait for the transaction that puts a chunk.
      const save = await page.waitForFunction((from) => {
        const tx = window.__tx.slice(from).find((r) => r.committed !== null && r.keys.some((k) => k.includes('#')));
        return tx && { ...tx };
      }, from, { timeout: 10_000, polling: 20 }).then((h) => h.jsonValue());
      const keydown = await page.evaluate(() => window.__keys.at(-1));
      saves.push({ total: save.committed - keydown, write: save.committed - save.started, puts: save.keys.length, chars: save.chars });
      await page.waitForTimeout(300);
    }
    await page.close();
    const after = await timedLoad(context, url, '.obs-log .obs-count', 1);
    const count = await after.page.locator('.obs-log .obs-count').first().textContent();
    await after.page.close();
    const kept = count.includes(`(${CODED})`);

    // (d) The full export of the same data, imported into an empty browser.
    const exportFile = path.join(ROOT, 'target', 'bench', 'scale-240000-export.json');
    const fresh = await env.browser.newContext({ ...CONTEXT, viewport: { width: 1280, height: 900 } });
    let imported;
    try {
      await fresh.addInitScript(() => localStorage.setItem('rally.lang', 'en'));
      const home = await fresh.newPage();
      await home.goto(`${env.origin}/`);
      await home.waitForSelector('#home-import:not([disabled])');
      t = Date.now();
      await home.locator('#home-import').setInputFiles(exportFile);
      // Done when the list and the report are there, or when the import is refused.
      await home.waitForFunction((n) => (document.querySelectorAll('[data-testid="campaign-row"]').length >= n &&
        /Import finished|Import terminé/.test(document.querySelector('[data-testid="status"]')?.textContent ?? '')) ||
        (document.querySelector('[data-testid="alert"]')?.textContent ?? '').trim() !== '', rows, { timeout: 120_000 });
      const importMs = Date.now() - t;
      const status = (await home.locator('[data-testid="status"]').textContent()).trim() ||
        `refused: ${(await home.locator('[data-testid="alert"]').textContent()).trim()}`;
      // Then written to the database (the savers write within a second).
      let after = await countStored(home);
      for (let i = 0; i < 60 && after.events < fixture.events && !status.startsWith('refused'); i++) {
        await home.waitForTimeout(500);
        after = await countStored(home);
      }
      imported = { ms: importMs, status, stored: after, ok: after.events === fixture.events && after.responses === fixture.responses };
    } finally {
      await fresh.close();
    }

    const l = stats(list);
    const c = stats(campaignPage);
    const b = stats(bare);
    const total = stats(saves.map((s) => s.total));
    const write = stats(saves.map((s) => s.write));
    const sc = stats(screen);
    const puts = stats(saves.map((s) => s.puts));
    const chars = stats(saves.map((s) => s.chars));
    const ok = l.median <= TARGET_LIST_MS && survived && kept && imported.ok;
    return {
      ok,
      lines: [
        `workspace at scale: ${rows} campaigns, ${fixture.observations} observations, ${fixture.events.toLocaleString('en')} events, ` +
          `${fixture.responses} answers (${fixture.records.length} records, ${(fixture.records.reduce((n, [k, v]) => n + k.length + v.length, 0) / 1e6).toFixed(1)} M characters; seeded in ${(seeding / 1000).toFixed(1)} s)`,
        `  recruiter's campaign list (navigation start → ${rows} rows): median ${fmtMs(l.median)}, min ${fmtMs(l.min)}, max ${fmtMs(l.max)} ` +
          `over ${runs} loads (target ≤ ${TARGET_LIST_MS} ms) ${l.median <= TARGET_LIST_MS ? 'OK' : 'OVER TARGET'}; ` +
          `the same campaigns with no fieldwork stored, in turn: median ${fmtMs(b.median)}`,
        `  a campaign page, fieldwork store read (navigation start → its 8 observations listed): median ${fmtMs(c.median)}, min ${fmtMs(c.min)}, max ${fmtMs(c.max)}`,
        `  survived ${2 * (runs + 1) + 1} reloads: ${stored.events.toLocaleString('en')} events, ${stored.observations} observations, ${stored.responses} answers stored, ` +
          `${stored.unreadable} records put aside, ${shown} of 8 observations of 1,500 events listed — ${survived ? 'OK' : 'FAILED'}`,
        `  save one new coded event (keydown → IndexedDB commit, with the saver's 250 ms wait for a pause): median ${fmtMs(total.median)}, max ${fmtMs(total.max)} over ${CODED} events; ` +
          `the write itself (transaction start → commit): median ${fmtMs(write.median)}, max ${fmtMs(write.max)}; ${puts.median} records, ${Math.round(chars.median).toLocaleString('en')} characters`,
        `  its full export (${(fixture.export_bytes / 1e6).toFixed(1)} MB) imported into an empty browser: ${(imported.ms / 1000).toFixed(1)} s to the list and the report; ` +
          `${imported.stored.events.toLocaleString('en')} events and ${imported.stored.responses} answers stored — ${imported.ok ? 'OK' : 'FAILED'} (${imported.status.slice(0, 120)})`,
        `  mediator's page with that store: ready in ${fmtMs(mediatorReady)} (navigation start); keystroke → row on screen median ${fmtMs(sc.median)}, max ${fmtMs(sc.max)}; ` +
          `after a reload it shows ${count.trim()} events — ${kept ? 'OK' : 'FAILED'}`,
      ],
      figures: {
        campaigns: rows, observations: fixture.observations, events: fixture.events, responses: fixture.responses,
        seeding_ms: seeding, list: { ...l, target_ms: TARGET_LIST_MS, samples: list }, list_without_fieldwork: { ...b, samples: bare },
        campaign_page: { ...c, samples: campaignPage },
        stored, survived, save_total: total, save_write: write, save_records: puts.median, save_chars: chars.median,
        mediator_ready_ms: mediatorReady, keystroke_screen: sc, kept_after_reload: kept,
        export_bytes: fixture.export_bytes, import: imported,
      },
    };
  } finally {
    await context.close();
  }
}
