// The three pages — index.html (recruiter), observe.html (mediator), respond.html
// (respondent) — each with its own WebAssembly module:
//
// 1. each boots under its CSP with a clean console (no error, no CSP violation, nothing
//    but the local server), its own service worker takes it (sw.js for the recruiter's page,
//    sw-observe.js, sw-respond.js for the others), and it loads again with the network off;
// 2. old addresses land on the right page with the fragment intact, before the recruiter's
//    module is fetched: an old invitation link /#/respond/<payload>, /#/answer/<id>, and the
//    old observation routes /#/observe…;
// 3. a respondent opening an invitation link never asks the server for the recruiter's module
//    (rally-<hash>.js, rally-<hash>_bg.wasm) nor the mediator's (rally-observe-…), not even once
//    the service worker has installed: checked on the server's own request log;
// 4. the recruiter's navigation to the other two pages, with the recruiter's worker (which
//    keeps all three pages) serving them: no second worker is registered;
// 5. a new version of the respondent's page is announced by its own worker ("A new version is
//    ready — reload") and taken on the click;
// 6. until its module runs, each page shows the brand bar and a loading line (FR/EN), never a
//    blank screen; the app removes them when it starts.
// 7. the same dist/ served from a folder of a site (/team/rally/): each page starts, its worker
//    takes it and keeps only that folder's files, and it starts again offline;
// 8. an address no page holds, opened on the mediator's or the respondent's page, says "Page
//    not found" there (never the recruiter's module); the recruiter's addresses go on to it.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, expect, instrument, waitForApp, ORIGIN } from './helpers.mjs';
import { invitationLink } from '../../bench/pages.mjs';
import { startServer } from '../../bench/run.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const DIST = path.join(ROOT, 'dist');

/**
 * The recruiter's module (rally-<hash>.js / _bg.wasm), the mediator's and the respondent's.
 * Trunk writes its hash without leading zeros: 15 hex digits now and then (one build in 16).
 */
const RECRUITER_MODULE = /\/rally-[0-9a-f]{15,16}(_bg\.wasm|\.js)$/;
const MEDIATOR_MODULE = /\/rally-observe-[0-9a-f]{15,16}(_bg\.wasm|\.js)$/;
const RESPONDENT_MODULE = /\/rally-respond-[0-9a-f]{15,16}(_bg\.wasm|\.js)$/;

const { inv, fragment } = invitationLink('pages-spec');

const PAGES = [
  { name: 'index.html', route: '/', worker: '/sw.js', cache: /^rally-[0-9a-f]{16}$/,
    ready: (page) => expect(page.getByRole('heading', { level: 1 })).toBeVisible() },
  { name: 'observe.html', route: '/observe.html#/observe', worker: '/sw-observe.js', cache: /^rally-observe-[0-9a-f]{16}$/,
    ready: (page) => expect(page.getByRole('heading', { level: 1 })).toBeVisible() },
  { name: 'respond.html', route: `/respond.html${fragment}`, worker: '/sw-respond.js', cache: /^rally-respond-[0-9a-f]{16}$/,
    ready: (page) => expect(page.getByTestId('rs-consent')).toBeVisible() },
];

/** A new context in English on the suite's server. */
async function englishContext(browser, options = {}) {
  const context = await browser.newContext({ baseURL: ORIGIN, viewport: { width: 1280, height: 900 }, ...options });
  await context.addInitScript(() => {
    if (!localStorage.getItem('rally.lang')) localStorage.setItem('rally.lang', 'en');
  });
  return context;
}

/** Waits until a service worker controls the page; its script's path and the caches. */
async function controlled(page) {
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, { timeout: 30_000 });
  return page.evaluate(async () => ({
    worker: new URL(navigator.serviceWorker.controller.scriptURL).pathname,
    registrations: (await navigator.serviceWorker.getRegistrations()).map((r) => new URL(r.scope).pathname),
    caches: Object.fromEntries(await Promise.all((await caches.keys()).map(async (name) => [
      name, (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname)]))),
  }));
}

for (const p of PAGES) {
  test(`${p.name} boots under its CSP with a clean console, and again offline`, async ({ browser }) => {
    const context = await englishContext(browser);
    const page = await context.newPage();
    const watch = await instrument(page);
    const response = await page.goto(p.route);
    expect(response?.status()).toBe(200);
    expect(new URL(page.url()).pathname).toBe(p.route.split('#')[0]);
    await waitForApp(page);
    await p.ready(page);
    await page.waitForLoadState('networkidle');
    const csp = await page.evaluate(
      () => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '');
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(csp).not.toContain("'unsafe-inline'");
    expect(await page.locator('script:not([src])').count(), 'inline scripts').toBe(0);

    // Its own worker, with its own cache.
    const sw = await controlled(page);
    expect(sw.worker).toBe(p.worker);
    const names = Object.keys(sw.caches);
    expect(names, 'one cache, this page\'s').toHaveLength(1);
    expect(names[0]).toMatch(p.cache);
    const kept = sw.caches[names[0]];
    expect(kept).toContain(`/${p.name}`);
    if (p.name !== 'index.html') {
      expect(kept.filter((u) => RECRUITER_MODULE.test(u) || u === '/index.html'), 'the recruiter\'s files').toEqual([]);
      const other = p.name === 'respond.html' ? MEDIATOR_MODULE : RESPONDENT_MODULE;
      expect(kept.filter((u) => other.test(u)), 'the other page\'s module').toEqual([]);
    } else {
      // The recruiter's worker keeps all three pages: a recruiter also codes and answers.
      expect(kept).toEqual(expect.arrayContaining(['/observe.html', '/respond.html']));
    }

    // With the network off, the page comes from its worker and starts again.
    await context.setOffline(true);
    const again = await page.reload();
    expect(again?.fromServiceWorker(), 'the page comes from the service worker').toBe(true);
    await waitForApp(page);
    if (p.name === 'respond.html') {
      // The link was read on the first visit: the address is the invitation's own now.
      await expect(page).toHaveURL(new RegExp(`respond\\.html#/answer/${inv.id}$`));
    }
    await p.ready(page);

    expect(watch.network.foreign(), `requests that left ${ORIGIN}`).toEqual([]);
    expect(watch.network.failed(), 'failed requests').toEqual([]);
    expect(watch.console.errors(), 'console errors').toEqual([]);
    expect(await watch.cspViolations(), 'CSP violations').toEqual([]);
    await context.close();
  });
}

// ------------------------------------------------------------ a sub-folder --

// The build names every file relative to its page (`--public-url ./`), so the one dist/
// works in any folder of a site (a GitHub Pages project site, a folder on an intranet): here
// it is served under /team/rally/ by a second server, whose root holds only a page of its own.
for (const p of PAGES) {
  test(`${p.name} works from a sub-folder of a site, its worker included, and again offline`, async ({ browser }) => {
    const root = fs.mkdtempSync(path.join(ROOT, 'target', 'subfolder-'));
    fs.mkdirSync(path.join(root, 'team'));
    fs.writeFileSync(path.join(root, 'index.html'), '<!DOCTYPE html><title>The team site</title>\n');
    fs.cpSync(DIST, path.join(root, 'team', 'rally'), { recursive: true });
    const server = await startServer(root, { staticHost: true });
    const base = `${server.origin}/team/rally/`;
    try {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      await context.addInitScript(() => {
        if (!localStorage.getItem('rally.lang')) localStorage.setItem('rally.lang', 'en');
      });
      const page = await context.newPage();
      const watch = await instrument(page, { allowedOrigins: [server.origin] });
      const response = await page.goto(base + p.route.replace(/^\//, ''));
      expect(response?.status()).toBe(200);
      await waitForApp(page);
      await p.ready(page);
      await page.waitForLoadState('networkidle');
      const sw = await controlled(page);
      expect(sw.worker).toBe(`/team/rally${p.worker}`);
      expect(sw.registrations.every((scope) => scope.startsWith('/team/rally/')), sw.registrations.join()).toBe(true);
      const kept = Object.values(sw.caches).flat();
      expect(kept).toContain(`/team/rally/${p.name}`);
      expect(kept.filter((u) => !u.startsWith('/team/rally/')), 'files kept from outside the folder').toEqual([]);

      await context.setOffline(true);
      const again = await page.reload();
      expect(again?.fromServiceWorker(), 'the page comes from the service worker').toBe(true);
      await waitForApp(page);
      await p.ready(page);
      expect(watch.network.foreign(), `requests that left ${server.origin}`).toEqual([]);
      expect(watch.network.failed(), 'failed requests').toEqual([]);
      expect(watch.console.errors(), 'console errors').toEqual([]);
      expect(await watch.cspViolations(), 'CSP violations').toEqual([]);
      await context.close();
    } finally {
      await server.stop();
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
}

// ------------------------------------------------------------- old links --

const OLD = [
  { from: `/${fragment}`, to: `/respond.html${fragment}`, lands: (page) => expect(page.getByTestId('rs-consent')).toBeVisible() },
  { from: '/#/respond', to: '/respond.html#/respond', lands: (page) => expect(page.getByRole('heading', { level: 1 })).toBeVisible() },
  { from: `/#/answer/${inv.id}`, to: `/respond.html#/answer/${inv.id}`, lands: (page) => expect(page.getByRole('main')).toBeVisible() },
  { from: '/#/observe', to: '/observe.html#/observe', lands: (page) => expect(page.getByRole('heading', { level: 1 })).toBeVisible() },
  {
    // A coding screen's address (a kit this browser does not hold: "Session not found").
    from: `/#/observe/${'a'.repeat(8)}-0000-4000-8000-${'a'.repeat(12)}/${'b'.repeat(8)}-0000-4000-8000-${'b'.repeat(12)}/${'c'.repeat(8)}-0000-4000-8000-${'c'.repeat(12)}/rate`,
    lands: (page) => expect(page.getByRole('heading', { level: 1 })).toHaveText('Session not found'),
  },
];
for (const o of OLD) o.to ??= `/observe.html${o.from.slice(1)}`;

for (const o of OLD) {
  const label = o.from.length > 40 ? `${o.from.slice(0, 22)}…` : o.from;
  test(`an old address ${label} lands on ${o.to.split('#')[0]} with its fragment, without the recruiter's module`, async ({ browser }) => {
    const context = await englishContext(browser, { serviceWorkers: 'block' });
    const page = await context.newPage();
    const watch = await instrument(page);
    const navigations = [];
    page.on('framenavigated', (frame) => { if (frame === page.mainFrame()) navigations.push(frame.url()); });
    await page.goto(o.from);
    await page.waitForURL((url) => url.pathname !== '/');
    await waitForApp(page);
    await page.waitForLoadState('networkidle');
    expect(watch.console.errors(), 'console errors').toEqual([]);
    await o.lands(page);
    // The page's first address is the old one's fragment on the right page, as it was.
    const onPage = navigations.find((u) => new URL(u).pathname !== '/');
    expect(onPage).toBe(ORIGIN + o.to);
    expect(watch.network.urls.filter((u) => RECRUITER_MODULE.test(new URL(u).pathname)), 'the recruiter\'s module').toEqual([]);
    expect(watch.console.errors(), 'console errors').toEqual([]);
    expect(await watch.cspViolations(), 'CSP violations').toEqual([]);
    await context.close();
  });
}

// ------------------------------------------- addresses that lead nowhere --

// On the mediator's and the respondent's pages, an address no page holds (a coding address
// cut short, a stray fragment) gets "Page not found" there, with the way to the page's first
// screen: never a trip to the recruiter's page and its module. The recruiter's own addresses
// still go on to index.html.
const NOWHERE = [
  { page: '/respond.html', fragment: '#/nowhere', back: 'Your questionnaires', home: '/respond.html#/respond' },
  { page: '/respond.html', fragment: '#/answer', back: 'Your questionnaires', home: '/respond.html#/respond' },
  { page: '/observe.html', fragment: '#/observe/k1/s2', back: 'Your kits', home: '/observe.html#/observe' },
  { page: '/observe.html', fragment: '#/nowhere', back: 'Your kits', home: '/observe.html#/observe' },
];
for (const n of NOWHERE) {
  test(`${n.page}${n.fragment} says "Page not found" on its own page, without the recruiter's module`, async ({ browser }) => {
    const context = await englishContext(browser, { serviceWorkers: 'block' });
    const page = await context.newPage();
    const watch = await instrument(page);
    await page.goto(n.page + n.fragment);
    await waitForApp(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
    await page.waitForLoadState('networkidle');
    expect(page.url()).toBe(ORIGIN + n.page + n.fragment);
    expect(watch.network.urls.filter((u) => RECRUITER_MODULE.test(new URL(u).pathname)), 'the recruiter\'s module').toEqual([]);
    await page.getByRole('link', { name: n.back }).click();
    await expect(page).toHaveURL(ORIGIN + n.home);
    await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('Page not found');
    expect(watch.console.errors(), 'console errors').toEqual([]);
    await context.close();
  });
}

test('a recruiter\'s address opened on the respondent\'s page goes on to the recruiter\'s page', async ({ browser }) => {
  const context = await englishContext(browser, { serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto('/respond.html#/roles');
  await expect(page).toHaveURL(`${ORIGIN}/index.html#/roles`);
  await waitForApp(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Role library');
  await context.close();
});

// --------------------------------------------- what a respondent downloads --

/** tools/serve.py on a free port, logging every request it answers: { origin, paths, stop }. */
function loggedServer() {
  return new Promise((resolve, reject) => {
    const child = spawn('python3', [path.join(ROOT, 'tools', 'serve.py'), '--dir', DIST, '--port', '0', '--static-host'],
      { stdio: ['ignore', 'pipe', 'pipe'] });
    const paths = [];
    let out = '';
    let err = '';
    child.stderr.on('data', (d) => {
      err += d;
      const lines = err.split('\n');
      err = lines.pop();
      for (const line of lines) {
        const m = line.match(/"(?:GET|HEAD) (\S+) HTTP/);
        if (m) paths.push(new URL(m[1], 'http://x').pathname);
      }
    });
    child.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/serving .* on (http:\/\/127\.0\.0\.1:\d+)\//);
      if (m) {
        resolve({
          origin: m[1],
          paths,
          stop: () => new Promise((done) => { child.once('exit', done); child.kill('SIGTERM'); }),
        });
      }
    });
    child.on('exit', (code) => reject(new Error(`serve.py exited (${code})`)));
  });
}

test('a respondent never fetches the recruiter\'s or the mediator\'s module, not even once the service worker has installed', async ({ browser }) => {
  expect(fs.existsSync(path.join(DIST, 'sw-respond.js')), 'dist/sw-respond.js (make build)').toBe(true);
  const server = await loggedServer();
  try {
    for (const from of [`/respond.html${fragment}`, `/${fragment}`]) {
      server.paths.length = 0;
      const context = await englishContext(browser, { baseURL: server.origin });
      const page = await context.newPage();
      await page.goto(from);
      await waitForApp(page);
      await expect(page.getByTestId('rs-consent')).toBeVisible();
      const sw = await controlled(page);
      expect(sw.worker).toBe('/sw-respond.js');
      expect(sw.registrations).toEqual(['/respond.html']);
      // Answer a little and come back: nothing else is fetched.
      await page.getByTestId('rs-consent').click();
      await expect(page.getByTestId('rs-item').first()).toBeVisible();
      await page.reload();
      await waitForApp(page);
      await expect(page.getByTestId('rs-item').first()).toBeVisible();
      await page.waitForLoadState('networkidle');
      const served = [...server.paths];
      expect(served, 'the respondent\'s module was served').toEqual(expect.arrayContaining(
        [expect.stringMatching(RESPONDENT_MODULE), '/sw-respond.js']));
      expect(served.filter((u) => RECRUITER_MODULE.test(u) || MEDIATOR_MODULE.test(u)),
        `${from}: other pages' modules requested from the server`).toEqual([]);
      expect(served.filter((u) => /^\/sw(-observe)?\.js$/.test(u)), 'another page\'s worker').toEqual([]);
      await context.close();
    }
  } finally {
    await server.stop();
  }
});

// ------------------------------------------------- the recruiter's navigation --

test('the recruiter\'s navigation opens the mediator\'s and the respondent\'s pages, kept by the recruiter\'s worker', async ({ browser }) => {
  const context = await englishContext(browser);
  const page = await context.newPage();
  const watch = await instrument(page);
  await page.goto('/');
  await waitForApp(page);
  expect((await controlled(page)).worker).toBe('/sw.js');
  const nav = page.getByRole('navigation').first();

  await nav.getByRole('link', { name: 'Observation' }).click();
  await expect(page).toHaveURL(`${ORIGIN}/observe.html#/observe`);
  await waitForApp(page);
  await page.waitForLoadState('networkidle');
  expect(watch.console.errors(), 'console errors on observe.html').toEqual([]);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  let sw = await controlled(page);
  expect(sw.worker, 'the recruiter\'s worker serves the mediator\'s page').toBe('/sw.js');

  // The recruiter's whole navigation is there too, with this page's item current: the way
  // back needs no Back button.
  const items = async () => page.getByRole('navigation').first().getByRole('link').evaluateAll(
    (links) => links.map((a) => [a.textContent.trim(), a.getAttribute('href'), !!a.querySelector('[aria-current="page"]')]));
  expect(await items()).toEqual([
    ['Campaigns', 'index.html#/', false], ['Observation', '#/observe', true],
    ['Answer', 'respond.html#/respond', false], ['Roles', 'index.html#/roles', false],
    ['Settings', 'index.html#/settings', false],
  ]);
  await page.getByRole('navigation').first().getByRole('link', { name: 'Campaigns' }).click();
  await expect(page).toHaveURL(`${ORIGIN}/index.html#/`);
  await waitForApp(page);
  await page.goBack();
  await expect(page).toHaveURL(`${ORIGIN}/observe.html#/observe`);
  await waitForApp(page);
  await page.getByRole('navigation').first().getByRole('link', { name: 'Answer' }).click();
  await expect(page).toHaveURL(`${ORIGIN}/respond.html#/respond`);
  await waitForApp(page);
  await page.waitForLoadState('networkidle');
  expect(watch.console.errors(), 'console errors on respond.html').toEqual([]);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(await items()).toEqual([
    ['Campaigns', 'index.html#/', false], ['Observation', 'observe.html#/observe', false],
    ['Answer', '#/respond', true], ['Roles', 'index.html#/roles', false],
    ['Settings', 'index.html#/settings', false],
  ]);
  sw = await controlled(page);
  expect(sw.worker).toBe('/sw.js');
  // Kept by the recruiter's worker already: the other pages register no worker of their own.
  await page.waitForLoadState('networkidle');
  expect((await controlled(page)).registrations).toEqual(['/']);
  await page.getByRole('navigation').first().getByRole('link', { name: 'Roles' }).click();
  await expect(page).toHaveURL(`${ORIGIN}/index.html#/roles`);
  await waitForApp(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Role library');
  expect(watch.console.errors(), 'console errors').toEqual([]);
  expect(await watch.cspViolations(), 'CSP violations').toEqual([]);
  await context.close();
});

test('a browser where the recruiter\'s page never ran shows the mediator and the candidate their own item only', async ({ browser }) => {
  const context = await englishContext(browser);
  const page = await context.newPage();
  for (const [url, own] of [['/respond.html#/respond', 'Answer'], ['/observe.html#/observe', 'Observation']]) {
    await page.goto(url);
    await waitForApp(page);
    const nav = page.getByRole('navigation').first();
    await expect(nav.getByRole('link')).toHaveCount(1);
    await expect(nav.getByRole('link', { name: own })).toBeVisible();
  }
  expect(await page.evaluate(() => localStorage.getItem('rally.recruiter'))).toBeNull();
  await context.close();
});

// ------------------------------------------------ a new version of one page --

test('a new version of respond.html is announced by its own worker and taken on the click', async ({ browser }, testInfo) => {
  test.setTimeout(120_000);
  const dir = testInfo.outputPath('dist');
  fs.cpSync(DIST, dir, { recursive: true });
  const server = await startServer(dir, { staticHost: true });
  try {
    const context = await englishContext(browser, { baseURL: server.origin });
    const page = await context.newPage();
    const watch = await instrument(page);
    await page.goto(`/respond.html${fragment}`);
    await waitForApp(page);
    await expect(page.getByTestId('rs-consent')).toBeVisible();
    const before = await controlled(page);
    expect(before.worker).toBe('/sw-respond.js');
    const recruiterSw = fs.readFileSync(path.join(dir, 'sw.js'), 'utf8');

    // A deploy changes respond.html: postbuild writes a new sw-respond.js (and sw.js).
    const file = path.join(dir, 'respond.html');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8')
      .replace('<title>', '<meta name="rally-test-build" content="2" />\n    <title>'));
    for (const suffix of ['.br', '.gz']) fs.rmSync(file + suffix, { force: true });
    execFileSync('python3', [path.join(ROOT, 'tools', 'postbuild.py'), dir], { stdio: 'pipe' });
    expect(fs.readFileSync(path.join(dir, 'sw.js'), 'utf8')).not.toBe(recruiterSw);

    await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
    const banner = page.getByTestId('update-banner');
    await expect(banner).toBeVisible({ timeout: 30_000 });
    await expect(page.locator('meta[name="rally-test-build"]')).toHaveCount(0);
    const loaded = page.waitForEvent('load');
    await page.getByTestId('update-reload').click();
    await loaded;
    await waitForApp(page);
    await expect(page.locator('meta[name="rally-test-build"]')).toHaveAttribute('content', '2');
    await expect(page.getByTestId('update-banner')).toHaveCount(0);
    const after = await controlled(page);
    expect(after.worker).toBe('/sw-respond.js');
    expect(Object.keys(after.caches), 'the old version\'s cache is gone').toHaveLength(1);
    expect(Object.keys(after.caches)[0]).not.toBe(Object.keys(before.caches)[0]);
    expect(watch.console.errors(), 'console errors').toEqual([]);
    await context.close();
  } finally {
    await server.stop();
  }
});

for (const p of PAGES) {
  test(`${p.name} says it is loading until its module runs, then the app replaces that`, async ({ browser }) => {
    const context = await englishContext(browser, { serviceWorkers: 'block' });
    const page = await context.newPage();
    // A module that never arrives (a phone on a bad network): the page is not blank.
    let release;
    const held = new Promise((resolve) => { release = resolve; });
    await page.route(/_bg\.wasm$/, async (route) => { await held; await route.continue(); });
    await page.goto(p.route);
    const loading = page.locator('#rally-loading');
    await expect(loading.getByRole('status')).toHaveText('Chargement… · Loading…');
    await expect(loading.locator('.boot-bar')).toHaveText('Rally');
    await expect(loading.locator('.boot-bar')).toBeVisible();
    // The hint for a load that never ends waits 12 s before it shows.
    await expect(loading.locator('.boot-slow')).toBeHidden();
    // The module arrives: the app starts, and the loading screen is gone.
    release();
    await waitForApp(page);
    await p.ready(page);
    await expect(page.locator('#rally-loading')).toHaveCount(0);
    await context.close();
  });
}

for (const p of PAGES) {
  test(`${p.name} says at once, FR/EN, when its module cannot be downloaded`, async ({ browser }) => {
    const context = await englishContext(browser, { serviceWorkers: 'block' });
    const page = await context.newPage();
    // The network drops while the module downloads.
    await page.route(/_bg\.wasm$/, (route) => route.abort('connectionreset'));
    const started = Date.now();
    await page.goto(p.route);
    const loading = page.locator('#rally-loading');
    const alert = loading.getByRole('alert');
    await expect(alert).toHaveText(
      "Rally n'a pas pu se charger. Vérifiez votre connexion, puis rechargez la page. · "
      + 'Rally could not load. Check your connection, then reload the page.', { timeout: 5_000 });
    expect(Date.now() - started, 'well before the 12 s hint').toBeLessThan(8_000);
    await expect(loading).toHaveClass(/boot-failed/);
    // "Loading…", the download's progress and the slow-network hint are gone; the bar stays.
    await expect(loading.getByRole('status')).toBeHidden();
    await expect(loading.locator('.boot-progress')).toBeHidden();
    await expect(loading.locator('.boot-slow')).toBeHidden();
    await expect(loading.locator('.boot-bar')).toBeVisible();
    // "Reload" tries again: with the network back, the app starts.
    await page.unroute(/_bg\.wasm$/);
    await loading.getByRole('button', { name: 'Recharger · Reload' }).click();
    await waitForApp(page);
    await p.ready(page);
    await expect(page.locator('#rally-loading')).toHaveCount(0);
    await context.close();
  });
}

for (const p of PAGES) {
  test(`${p.name}: the loading screen's progress fills as the module arrives`, async ({ browser }) => {
    const context = await englishContext(browser, { serviceWorkers: 'block' });
    const page = await context.newPage();
    // A slow network (~4 Mbit/s), so that the module takes a few hundred ms to arrive.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions',
      { offline: false, latency: 20, downloadThroughput: 500_000, uploadThroughput: 500_000 });
    // What the bar says on each frame, until the app takes the screen away.
    await page.addInitScript(() => {
      window.__progress = [];
      const look = () => {
        const bar = document.querySelector('#rally-loading .boot-progress');
        if (bar) window.__progress.push(bar.hasAttribute('value') ? bar.value : null);
        if (bar || document.readyState === 'loading') requestAnimationFrame(look);
      };
      requestAnimationFrame(look);
    });
    await page.goto(p.route);
    await waitForApp(page);
    await p.ready(page);
    const seen = await page.evaluate(() => window.__progress);
    const values = seen.filter((v) => v !== null);
    expect(values[0], 'seen from its start').toBeLessThan(0.5);
    expect(new Set(values).size, `distinct values: ${values.join(' ')}`).toBeGreaterThanOrEqual(3);
    expect(values.every((v, i) => i === 0 || v >= values[i - 1]), 'it only moves forward').toBe(true);
    expect(Math.max(...values), 'full once the module is here').toBeGreaterThan(0.95);
    await expect(page.locator('#rally-loading')).toHaveCount(0);
    await context.close();
  });
}

// The fragment is each page's route: the skip link must not put `#main` in it (the recruiter's
// page read it as an unknown page, the other two sent it on to the recruiter's page).
for (const [name, route] of [['index.html', '/#/roles'], ['observe.html', '/observe.html#/observe'], ['respond.html', '/respond.html#/respond']]) {
  test(`${name}: "Skip to content", from the keyboard, moves the focus to the page and leaves the address alone`, async ({ browser }) => {
    const context = await englishContext(browser, { serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto(route);
    await waitForApp(page);
    const heading = await page.getByRole('heading', { level: 1 }).textContent();
    const before = page.url();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.locator('main')).toBeFocused();
    await page.waitForTimeout(300);
    expect(page.url()).toBe(before);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
    // The next Tab goes on from the content, past the header's navigation.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement.closest('main'))).toBe(true);
    await context.close();
  });
}

// The loader counts the module's bytes on their way to the compiler. Served with `no-store`,
// Chromium reported the module's request as aborted in about one load in five although every
// byte arrived and the page started: the suite's servers send a real host's headers since.
test('each page\'s module arrives whole, load after load: no request aborted', async ({ browser }) => {
  test.setTimeout(120_000);
  const context = await englishContext(browser, { serviceWorkers: 'block' });
  const failed = [];
  context.on('requestfailed', (r) => failed.push(`${r.url()} ${r.failure()?.errorText}`));
  let loads = 0;
  for (const p of PAGES) {
    for (let i = 0; i < 10; i++) {
      const page = await context.newPage();
      await page.goto(p.route);
      await waitForApp(page);
      await p.ready(page);
      await page.waitForLoadState('networkidle');
      await page.close();
      loads++;
    }
  }
  expect(loads).toBe(30);
  expect(failed, 'failed or aborted requests').toEqual([]);
  await context.close();
});

test('the loading screen hides its failure message while the module downloads', async ({ browser }) => {
  const context = await englishContext(browser, { serviceWorkers: 'block' });
  const page = await context.newPage();
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route(/_bg\.wasm$/, async (route) => { await held; await route.continue(); });
  await page.goto('/respond.html');
  await expect(page.locator('#rally-loading').getByRole('status')).toBeVisible();
  await expect(page.locator('.boot-failed-msg')).toBeHidden();
  await expect(page.locator('.boot-reload')).toBeHidden();
  release();
  await waitForApp(page);
  await context.close();
});
