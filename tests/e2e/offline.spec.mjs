// Offline use and updates (the service worker, web/sw.js, written into dist/ by
// tools/postbuild.py).
//
// 1. Three people — a recruiter, a mediator, a respondent — each open the app once, in their
//    own browser. Then the server is stopped and the browsers go offline
//    (context.setOffline(true)): each reloads, and the recruiter creates a campaign and hands
//    out a kit and an invitation link, the mediator imports the kit and codes events by
//    keyboard (across a reload), the respondent answers a questionnaire (across a reload) and
//    sends it — with no server at all.
// 2. A new version: the files on the server change (a page, then `postbuild.py` writes a new
//    sw.js). The app announces "A new version is ready — reload" (FR: "Une nouvelle version
//    est prête — recharger") and nothing else happens: no reload, the old version keeps
//    running. A change made just before clicking "reload" — not yet written by the autosave —
//    is saved first, and is there in the new version. A third version is then found by the
//    browser's own check when the page loads, and announced the same way.
//
// Each test serves its own copy of dist/ with tools/serve.py on a free port (bench/run.mjs'
// startServer), so that it can stop the server or change the files without touching the
// suite's server.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  test, expect, go, waitSaved, watchErrors, createCampaign, downloadFrom, saveThroughDialog,
} from './recruiter-lib.mjs';
import { waitForApp, shot, shotFile, axeCheck, newAxeContext, storedFieldwork } from './helpers.mjs';
import { startServer } from '../../bench/run.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const DIST = path.join(ROOT, 'dist');

const CAMPAIGN = 'Recrutement hors ligne — Brest';
const LEADER = 'Hélène Garnier';
const CANDIDATE = 'Paul Lefèvre';
const MEDIATOR = 'Inès Moreau';
const ASKED_BY = 'Cabinet Rivière';
// Only the 40-item interpersonal intelligence questionnaire: five pages of eight.
const NOT_INTERPERSONAL = [
  'IntelligenceOfParadoxes', 'BusinessPartnerPosture', 'SupportAxisProfile', 'ThreePostures',
];

/** A copy of dist/ that the test may change, and a server of its own on it. */
async function serveCopy(testInfo) {
  const dir = testInfo.outputPath('dist');
  fs.cpSync(DIST, dir, { recursive: true });
  const server = await startServer(dir, { staticHost: true });
  return { dir, ...server };
}

/** Waits until the service worker controls the page (it has cached the whole app by then). */
async function waitControlled(page) {
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, { timeout: 30_000 });
  return page.evaluate(async () => {
    const names = (await caches.keys()).filter((n) => n.startsWith('rally-'));
    return { caches: names, files: names.length ? (await (await caches.open(names[0])).keys()).length : 0 };
  });
}

/** The number of files sw.js lists (its FILES). */
function listedFiles(dir) {
  return (fs.readFileSync(path.join(dir, 'sw.js'), 'utf8').match(/^ {2}\["[^"]+", "[0-9a-f]{64}"\],$/gm) ?? []).length;
}

/** One person's browser: a new context on `origin`, the app opened once, the worker in charge. */
async function firstVisit(browser, origin, dir, { width = 1280, height = 900, axe = false, clock = false } = {}) {
  const options = { baseURL: origin, viewport: { width, height } };
  const context = axe ? await newAxeContext(browser, options) : await browser.newContext(options);
  await context.addInitScript(() => {
    if (!localStorage.getItem('rally.lang')) localStorage.setItem('rally.lang', 'en');
  });
  const page = await context.newPage();
  // Time flows as usual until the test stops it (page.clock.pauseAt).
  if (clock) await page.clock.install();
  const errors = watchErrors(page);
  await page.goto('/');
  await waitForApp(page);
  const cached = await waitControlled(page);
  expect(cached.caches, 'one cache, of the version on the server').toHaveLength(1);
  expect(cached.files, 'every file of the version is cached').toBe(listedFiles(dir));
  return { context, page, errors };
}

/** Reloads with no network: the page comes from the service worker. */
async function reloadOffline(page) {
  const response = await page.reload();
  expect(response?.fromServiceWorker(), 'the page comes from the service worker').toBe(true);
  await waitForApp(page);
}

/** Types coding keys one by one ('c i v q' → c, i, v, q). */
async function keys(page, sequence) {
  for (const k of sequence.split(/\s+/).filter(Boolean)) await page.keyboard.press(k);
}

test('after one visit, the app works with the network off: a campaign, live coding, a questionnaire', async ({ browser }, testInfo) => {
  test.setTimeout(180_000);
  const { dir, origin, stop } = await serveCopy(testInfo);
  const files = testInfo.outputPath('files');
  fs.mkdirSync(files, { recursive: true });

  // --- One visit each, online.
  const rec = await firstVisit(browser, origin, dir);
  const med = await firstVisit(browser, origin, dir);
  const resp = await firstVisit(browser, origin, dir, { width: 390, height: 844 });
  const everyone = [rec, med, resp];
  // Installable by Chromium's own criteria: a manifest with a name, icons of 192 and 512 px,
  // start URL, standalone display, and a service worker with a fetch handler.
  const cdp = await rec.context.newCDPSession(rec.page);
  const manifest = await cdp.send('Page.getAppManifest');
  expect(manifest.errors, 'manifest errors').toEqual([]);
  expect(manifest.url).toBe(`${origin}/manifest.webmanifest`);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  // Playwright's contexts are incognito ones, where nothing installs: that reason is the test's.
  expect(installabilityErrors.map((e) => e.errorId).filter((id) => id !== 'in-incognito'),
    'reasons Chromium would not install the app').toEqual([]);
  await cdp.detach();
  // No banner on a first visit: there is no older version to replace.
  for (const { page } of everyone) await expect(page.getByTestId('update-banner')).toHaveCount(0);

  // --- No server, no network.
  await stop();
  for (const { context } of everyone) await context.setOffline(true);

  // --- The recruiter: a campaign, a kit for the mediator, a link for the candidate.
  const r = rec.page;
  await reloadOffline(r);
  await createCampaign(r, { name: CAMPAIGN, leader: LEADER, candidate: CANDIDATE, mediator: MEDIATOR });
  for (const instrument of NOT_INTERPERSONAL) await r.locator(`#instrument-${instrument}`).uncheck();
  await waitSaved(r);
  const kitFile = await downloadFrom(r, r.getByRole('button', { name: `Download the kit: ${MEDIATOR}` }), files);
  const card = r.locator('section.sv-section');
  await card.locator('#survey-asked-by').fill(ASKED_BY);
  await card.getByRole('button', { name: `Copy the link: ${CANDIDATE} (candidate) — themself` }).click();
  await saveThroughDialog(r);
  const link = await card.getByTestId('invitation-link').inputValue();
  expect(link).toContain('#/respond/');
  await reloadOffline(r);
  await expect(r.getByRole('heading', { level: 1 })).toHaveText(CAMPAIGN);
  await shot(r, 'offline-recruiter-en-1280');

  // --- The mediator: the kit, then live coding by keyboard, across a reload.
  const m = med.page;
  await reloadOffline(m);
  await go(m, '#/observe');
  await m.getByLabel('Import a Rally file (.json)').setInputFiles(kitFile);
  await expect(m.getByTestId('obs-kit')).toHaveCount(1);
  await m.getByRole('button', { name: 'Observe this session: Session 1' }).click();
  await expect(m.locator('#log-title')).toHaveText('Events (0)');
  await m.getByTestId('obs-clock-button').click();
  await expect(m.getByTestId('obs-clock-button')).toHaveText('Pause');
  await keys(m, 'c i  v q  c o  v b  c a  v i');
  await expect(m.locator('#log-title')).toHaveText('Events (6)');
  // The reload comes once the saver has written (its documented delay, bench/README.md): a
  // reload inside that delay relies on the page-hide flush, which a loaded machine may cut.
  await expect.poll(async () => (await storedFieldwork(m)).observations[0]?.events.length ?? 0,
    { message: 'coded events on disk' }).toBe(6);
  await reloadOffline(m);
  await expect(m.locator('#log-title')).toHaveText('Events (6)');
  await m.locator('#log-title').focus();
  await keys(m, 'c q  v i');
  await expect(m.locator('#log-title')).toHaveText('Events (8)');
  await shot(m, 'offline-mediator-en-1280');

  // --- The respondent: the link, consent, five pages of answers (a reload after the first), send.
  const p = resp.page;
  await p.goto(link.replace(/^https?:\/\/[^/]+/, ''));
  await waitForApp(p);
  await p.getByTestId('rs-consent').click();
  let pages = 0;
  for (;;) {
    await expect(p.getByTestId('rs-page')).toBeVisible();
    const items = p.getByTestId('rs-item');
    const n = await items.count();
    for (let k = 0; k < n; k += 1) await items.nth(k).getByRole('radio').nth((k + pages) % 5).check();
    pages += 1;
    if (pages === 1) {
      await reloadOffline(p);
      await expect(p.getByTestId('rs-page-of')).toHaveText('Page 1 of 5');
      for (let k = 0; k < n; k += 1) await expect(items.nth(k).getByRole('radio').nth(k % 5)).toBeChecked();
    }
    await p.getByTestId('rs-next').click();
    if (await p.getByTestId('rs-review').isVisible()) break;
  }
  expect(pages).toBe(5);
  await p.getByTestId('rs-send').click();
  await expect(p.getByTestId('rs-done')).toBeVisible();
  await shot(p, 'offline-respondent-en-390');

  for (const { context, errors } of everyone) {
    expect(errors, 'uncaught exceptions / console errors').toEqual([]);
    await context.close();
  }
});

/** The full page, and the top of the screen where the banner is (for a closer look). */
async function bannerShots(page, name) {
  await shot(page, name);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: shotFile(`${name}-top`), animations: 'disabled' });
}

/**
 * Publishes a new version in `dir`, as a deploy would: a page changes (its
 * <meta name="rally-test-build">), then tools/postbuild.py writes a new sw.js.
 */
function publish(dir, build) {
  const index = path.join(dir, 'index.html');
  const html = fs.readFileSync(index, 'utf8');
  const meta = `<meta name="rally-test-build" content="${build}" />`;
  fs.writeFileSync(index, /<meta name="rally-test-build"[^>]*>/.test(html)
    ? html.replace(/<meta name="rally-test-build"[^>]*>/, meta)
    : html.replace('<title>', `${meta}\n    <title>`));
  // The build's compressed copies of the old page would be served in its place.
  for (const suffix of ['.br', '.gz']) fs.rmSync(index + suffix, { force: true });
  execFileSync('python3', [path.join(ROOT, 'tools', 'postbuild.py'), dir], { stdio: 'pipe' });
}

/** The VERSION of the sw.js in `dir`. */
function version(dir) {
  return fs.readFileSync(path.join(dir, 'sw.js'), 'utf8').match(/^const VERSION = "([0-9a-f]+)";$/m)?.[1];
}

/** The registration's workers and the app's caches, as the page sees them. */
function workers(page) {
  return page.evaluate(async () => {
    const r = await navigator.serviceWorker.getRegistration();
    return {
      waiting: r?.waiting != null,
      installing: r?.installing != null,
      caches: (await caches.keys()).filter((n) => n.startsWith('rally-')),
    };
  });
}

test('a new version is announced, waits for the click, and the reload keeps unsaved work', async ({ browser }, testInfo) => {
  test.setTimeout(120_000);
  const { dir, origin, stop } = await serveCopy(testInfo);
  try {
    const { context, page, errors } = await firstVisit(browser, origin, dir, { axe: true, clock: true });
    const first = version(dir);
    expect((await workers(page)).caches).toEqual([`rally-${first}`]);
    await createCampaign(page, { name: CAMPAIGN, leader: LEADER, candidate: CANDIDATE, mediator: MEDIATOR });
    await page.evaluate(() => { window.__sameDocument = true; });

    // --- A new version on the server: a page changes, and postbuild writes a new sw.js.
    publish(dir, '2');
    const second = version(dir);
    expect(second).not.toBe(first);

    // --- The tab comes back to the foreground: the app asks whether there is a new version.
    await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
    const banner = page.getByTestId('update-banner');
    await expect(banner).toBeVisible({ timeout: 30_000 });
    await expect(banner).toHaveText(/^A new version is ready\s—\sreload/);
    await expect(page.getByRole('status').filter({ has: banner })).toHaveCount(1);
    // Nothing else happens: the same document, the old version, the new one waiting.
    expect(await page.evaluate(() => window.__sameDocument)).toBe(true);
    await expect(page.locator('meta[name="rally-test-build"]')).toHaveCount(0);
    expect(await workers(page)).toEqual({ waiting: true, installing: false,
      caches: expect.arrayContaining([`rally-${first}`, `rally-${second}`]) });
    expect.soft(await axeCheck(page), 'axe, update banner (en, 1280 px)').toEqual([]);
    await bannerShots(page, 'update-banner-en-1280');
    await page.setViewportSize({ width: 390, height: 844 });
    expect.soft(await axeCheck(page), 'axe, update banner (en, 390 px)').toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await bannerShots(page, 'update-banner-en-390');
    await page.getByRole('button', { name: 'Français' }).click();
    await expect(banner).toHaveText(/^Une nouvelle version est prête\s—\srecharger/);
    await bannerShots(page, 'update-banner-fr-390');
    await page.setViewportSize({ width: 1280, height: 900 });
    await bannerShots(page, 'update-banner-fr-1280');
    await page.getByRole('button', { name: 'English' }).click();
    await expect(banner).toHaveText(/^A new version is ready/);
    expect(await page.evaluate(() => window.__sameDocument)).toBe(true);

    // --- A change the autosave has not written yet, then the click. Time stands still
    // (Playwright's clock), so the autosave's 300 ms timer cannot write it first: only the
    // reload path can.
    await page.clock.pauseAt(Date.now() + 2_000);
    const renamed = 'Recrutement — renommé juste avant la mise à jour';
    const loaded = page.waitForEvent('load');
    const writtenBeforeClick = await page.evaluate(async (name) => {
      const field = document.getElementById('campaign-name');
      field.value = name;
      field.dispatchEvent(new Event('input', { bubbles: true }));
      field.dispatchEvent(new Event('change', { bubbles: true }));
      // Read the stored workspace (IndexedDB; this also lets the app take the change in).
      const stored = await new Promise((resolve) => {
        const req = indexedDB.open('rally');
        req.onupgradeneeded = () => req.transaction.abort();
        req.onerror = () => resolve('');
        req.onsuccess = () => {
          const db = req.result;
          const get = db.transaction('kv', 'readonly').objectStore('kv').get('workspace');
          get.onsuccess = () => { db.close(); resolve(get.result ?? ''); };
          get.onerror = () => { db.close(); resolve(''); };
        };
      });
      document.querySelector('[data-testid="update-reload"]').click();
      return stored.includes(name);
    }, renamed);
    expect(writtenBeforeClick, 'not written yet when the user clicks').toBe(false);
    await page.clock.resume();

    // --- The page reloads once, into the new version, with the change.
    await loaded;
    await waitForApp(page);
    expect(await page.evaluate(() => window.__sameDocument)).toBeUndefined();
    await expect(page.locator('meta[name="rally-test-build"]')).toHaveAttribute('content', '2');
    await expect(page.locator('#campaign-name')).toHaveValue(renamed);
    await expect(page.getByTestId('update-banner')).toHaveCount(0);
    await waitSaved(page, { contains: renamed });
    expect(await workers(page)).toEqual({ waiting: false, installing: false, caches: [`rally-${second}`] });

    // --- A third version, found this time by the browser's own check when the page loads.
    publish(dir, '3');
    await page.reload();
    await waitForApp(page);
    await expect(page.getByTestId('update-banner')).toBeVisible({ timeout: 30_000 });
    await expect(page.locator('meta[name="rally-test-build"]')).toHaveAttribute('content', '2');
    await expect(page.locator('#campaign-name')).toHaveValue(renamed);
    expect(errors, 'uncaught exceptions / console errors').toEqual([]);
    await context.close();
  } finally {
    await stop();
  }
});
