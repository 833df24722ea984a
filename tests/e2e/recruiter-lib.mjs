// Shared steps for the recruiter specs (recruiter*.spec.mjs). Not a spec file itself.
//
// Builds on ./helpers.mjs: a `test` whose `page` and `axePage` fixtures
// also fail the test on uncaught exceptions and console errors (a wasm panic shows up as one),
// plus the few UI steps every recruiter test repeats.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  test as helpersTest, expect, waitForApp, axeCheck, shot, saveThroughDialog, storedWorkspace,
} from './helpers.mjs';

export { expect, saveThroughDialog };

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const FIXTURES = path.join(ROOT, 'tests', 'fixtures');
export const VALID_FILE = path.join(FIXTURES, 'format-v1.json');
export const hostile = (name) => path.join(FIXTURES, 'hostile', name);

/** Ids and names inside tests/fixtures/format-v1.json. */
export const FIXTURE = {
  lyonId: '0b6f3c1e-8a5d-4f2b-9c7e-1a2b3c4d5e6f',
  lyonName: 'CSO 5.0 — siège de Lyon',
  archivedId: '5e0d2a44-7f1b-4c8e-a3d9-6b5c4d3e2f10',
  archivedName: 'Directeur des partenariats',
  customRoleId: '8d7c1f0e-3b2a-4c5d-9e6f-112233445566',
  customRoleEn: 'Partnerships Director (copy)',
};

export const CSO_EN = 'Chief Support Officer 5.0';

const tolerated = new WeakMap();

/**
 * Lets a test tolerate console errors matching `pattern` on `page` (a known, reported app
 * bug that a dedicated test already pins), so that the rest of the test still runs.
 */
export function tolerateConsoleError(page, pattern) {
  tolerated.set(page, [...(tolerated.get(page) ?? []), pattern]);
}

/** Records uncaught exceptions and console errors of a page. */
export function watchErrors(page) {
  const errors = [];
  page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    if ((tolerated.get(page) ?? []).some((p) => p.test(m.text()))) return;
    errors.push(`console.error: ${m.text()}`);
  });
  return errors;
}

/** helpers.mjs' `test`, whose pages also must not throw or log errors. */
export const test = helpersTest.extend({
  page: async ({ page }, use) => {
    const errors = watchErrors(page);
    await use(page);
    expect(errors, 'uncaught exceptions / console errors on the page').toEqual([]);
  },
  axePage: async ({ axePage }, use) => {
    const errors = watchErrors(axePage);
    await use(axePage);
    expect(errors, 'uncaught exceptions / console errors on the page').toEqual([]);
  },
});

// ---------------------------------------------------------------- basics --

/** Opens the app at a hash route (e.g. '/#/new') and waits for the shell. */
export async function open(page, route = '/') {
  await page.goto(route);
  await waitForApp(page);
}

/** Moves to another hash route inside the running app (no reload). */
export async function go(page, hash) {
  await page.evaluate((h) => { window.location.hash = h; }, hash);
}

export const saveState = (page) => page.getByTestId('save-state');

/**
 * Waits for autosave: the header says "Saved" (or "Enregistré") and, when given, the stored
 * workspace contains `contains` / no longer contains `lacks`.
 */
export async function waitSaved(page, { contains, lacks } = {}) {
  await expect(saveState(page)).toHaveText(/^(Saved|Enregistré)$/);
  if (contains !== undefined) {
    await expect.poll(() => stored(page), { message: `stored workspace contains ${contains}` })
      .toContain(contains);
  }
  if (lacks !== undefined) {
    await expect.poll(() => stored(page), { message: `stored workspace lacks ${lacks}` })
      .not.toContain(lacks);
  }
}

/** The raw stored workspace record in the app's database ('' when none). */
export function stored(page) {
  return storedWorkspace(page);
}

/** Names of the campaigns in the stored autosave record ([] when nothing is stored). */
export async function storedCampaignNames(page) {
  const text = await stored(page);
  if (!text) return [];
  return JSON.parse(text).document.campaigns.map((c) => c.name);
}

export const alertRegion = (page) => page.getByTestId('alert');
export const statusRegion = (page) => page.getByTestId('status');
export const rows = (page) => page.getByTestId('campaign-row');
export const rowNames = (page) => rows(page).locator('th');

/** The campaign page's "Revision N", as a number. */
export async function revision(page) {
  const meta = await page.locator('.campaign-page > .page-head .meta').innerText();
  const m = meta.match(/(?:Revision|Révision) (\d+)/);
  expect(m, `revision in "${meta}"`).not.toBeNull();
  return Number(m[1]);
}

// ----------------------------------------------------------- campaigns --

/**
 * Creates a campaign through the "New campaign" form (fill, not keystrokes: the keyboard
 * path is tested on its own) and waits until it is saved. Returns its id.
 */
export async function createCampaign(page, {
  name = 'Recrutement CSO — Nantes',
  role = CSO_EN,
  leader = 'Hélène Garnier',
  title = 'CEO',
  candidate = 'Paul Lefèvre',
  mediator = 'Inès Moreau',
} = {}) {
  await go(page, '#/new');
  await expect(page.locator('#campaign-name')).toBeVisible();
  await page.locator('#campaign-name').fill(name);
  await page.locator('#campaign-role').selectOption({ label: role });
  await page.locator('#leader-name').fill(leader);
  await page.locator('#leader-title').fill(title);
  if (candidate) {
    await page.getByRole('button', { name: /^(Add a candidate|Ajouter un candidat)$/ }).click();
    await page.getByTestId('candidate-row').last().locator('input[type=text]').fill(candidate);
  }
  if (mediator) {
    await page.getByRole('button', { name: /^(Add a mediator|Ajouter un médiateur)$/ }).click();
    await page.getByTestId('mediator-row').last().locator('input[type=text]').fill(mediator);
  }
  await page.getByRole('button', { name: /^(Create the campaign|Créer la campagne)$/ }).click();
  await expect(page).toHaveURL(/#\/campaign\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  await waitSaved(page, { contains: name });
  return page.url().split('/').pop();
}

/** Picks a file in the home page's import control. */
export async function importFile(page, file) {
  await page.getByLabel(/^(Import a Rally file \(\.json\)|Importer un fichier Rally \(\.json\))$/)
    .setInputFiles(file);
}

/** Imports tests/fixtures/format-v1.json from the home page and waits for the report. */
export async function importFixture(page) {
  await go(page, '#/');
  await importFile(page, VALID_FILE);
  await expect(statusRegion(page)).toContainText(/Import finished|Import terminé/);
  await waitSaved(page, { contains: FIXTURE.lyonName });
}

/** Commits a text field of the campaign page the way a user does: type, then Tab away. */
export async function commitField(page, selector, value) {
  const field = page.locator(selector);
  await field.fill(value);
  await field.press('Tab');
}

/**
 * axe (serious and critical) and a full-page screenshot `<id>-<lang>-1280` at 1280 px; unless
 * `narrow` is false, the same at 390 px plus the page's width (nothing may scroll sideways);
 * then back to 1280 px. Findings are soft: every screen of a test is checked.
 */
export async function axeAndShots(page, id, { lang = 'en', narrow = true } = {}) {
  expect.soft(await axeCheck(page), `axe, ${id} (${lang}, 1280 px)`).toEqual([]);
  await shot(page, `${id}-${lang}-1280`);
  if (!narrow) return;
  await page.setViewportSize({ width: 390, height: 844 });
  expect.soft(await axeCheck(page), `axe, ${id} (${lang}, 390 px)`).toEqual([]);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect.soft(width, `page width at 390 px, ${id} (${lang})`).toBeLessThanOrEqual(390);
  await shot(page, `${id}-${lang}-390`);
  await page.setViewportSize({ width: 1280, height: 800 });
}

/**
 * Clicks `button` and saves the download it starts into `dir`; returns the file's path. A
 * Rally file goes through the save dialog first (open, unless `passphrase` is given); a CSV
 * downloads at once.
 */
export async function downloadFrom(page, button, dir, { passphrase } = {}) {
  const downloaded = page.waitForEvent('download');
  await button.click();
  const dialog = page.getByTestId('save-dialog');
  const first = await Promise.race([
    downloaded.then(() => 'download'),
    dialog.waitFor().then(() => 'dialog', () => 'download'),
  ]);
  if (first === 'dialog') await saveThroughDialog(page, { passphrase });
  const download = await downloaded;
  expect(await download.failure()).toBeNull();
  await expect(dialog).toHaveCount(0);
  const file = path.join(dir, download.suggestedFilename());
  await download.saveAs(file);
  return file;
}
