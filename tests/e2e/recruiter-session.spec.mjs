// What surrounds the recruiter's data: the interface language, a second tab, a full storage
// and the network. Every test starts from an empty browser context.
import {
  test, expect, open, go, waitSaved, stored, statusRegion, alertRegion, rows, rowNames,
  createCampaign, importFile, importFixture, commitField, hostile, VALID_FILE, FIXTURE,
  watchErrors, saveThroughDialog,
} from './recruiter-lib.mjs';
import { instrument, waitForApp, ORIGIN, storedFieldwork, seedStorage } from './helpers.mjs';

const FR_MONTHS = 'janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre';
const EN_MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December';

test('switching to French changes <html lang>, texts and dates, and survives a reload', async ({ page }) => {
  await open(page);
  const fr = page.getByRole('button', { name: 'Français' });
  const en = page.getByRole('button', { name: 'English' });
  // Playwright's default locale is en-US: the app starts in English.
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(en).toHaveAttribute('aria-pressed', 'true');
  await expect(fr).toHaveAttribute('aria-pressed', 'false');

  await importFixture(page);
  await go(page, `#/campaign/${FIXTURE.lyonId}`);
  const meta = page.locator('.campaign-page > .page-head .meta');
  await expect(meta).toContainText(new RegExp(`Created \\d{1,2} (${EN_MONTHS}) \\d{4}, \\d\\d:\\d\\d`));

  await fr.click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(fr).toHaveAttribute('aria-pressed', 'true');
  await expect(en).toHaveAttribute('aria-pressed', 'false');
  const nav = page.getByRole('navigation', { name: 'Navigation principale' });
  await expect(nav.getByRole('link')).toHaveText(['Campagnes', 'Observation', 'Répondre', 'Rôles', 'Réglages']);
  await expect(meta).toContainText(new RegExp(`Créée le (1er|\\d{1,2}) (${FR_MONTHS}) \\d{4} à \\d\\d:\\d\\d`));
  await expect(meta).toContainText('Révision 7');
  await expect(meta).not.toContainText(new RegExp(EN_MONTHS));
  await expect(page.locator('#role-title')).toHaveText(
    'Profil du rôle — Chief Support Officer 5.0 (directeur·rice des fonctions support)');
  await expect(page.getByTestId('undo')).toHaveText(/^Annuler /);
  expect(await page.evaluate(() => localStorage.getItem('rally.lang'))).toBe('fr');

  await page.reload();
  await waitForApp(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.getByRole('button', { name: 'Français' })).toHaveAttribute('aria-pressed', 'true');
  await expect(meta).toContainText(new RegExp(`Créée le (1er|\\d{1,2}) (${FR_MONTHS}) \\d{4}`));
  await go(page, '#/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Campagnes');
  await expect(page.getByTestId('campaign-count')).toHaveText('1 campagne (+1 archivée)');
  await expect(page.getByTestId('save-state')).toHaveText('Enregistré');
  // French errors too.
  await importFile(page, hostile('future-version.json'));
  await expect(alertRegion(page)).toContainText('version plus récente de Rally');
  await expect(alertRegion(page)).toContainText("Le fichier n'a pas été importé");
});

test.describe('a second tab', () => {
  test('with nothing pending, it quietly follows the other tab', async ({ context }) => {
    const a = await context.newPage();
    const b = await context.newPage();
    const errorsA = watchErrors(a);
    const errorsB = watchErrors(b);
    await open(a);
    await open(b);
    await expect(b.getByTestId('empty-state')).toBeVisible();

    // The tab being used is brought to the front, as a user would (background tabs get
    // throttled timers, which only slows the test down).
    await a.bringToFront();
    await createCampaign(a, { name: 'Made in tab A' });
    // B had nothing unsaved: it shows A's data without asking.
    await expect(rowNames(b)).toHaveText(['Made in tab A']);
    await expect(b.getByTestId('conflict-banner')).toHaveCount(0);
    await expect(b.getByTestId('save-state')).toHaveText('Saved');

    // B edits, A follows; neither sees a conflict.
    await b.bringToFront();
    await rows(b).getByRole('link', { name: 'Made in tab A' }).click();
    await commitField(b, '#campaign-name', 'Renamed in tab B');
    await waitSaved(b, { contains: 'Renamed in tab B' });
    await expect(a.getByRole('heading', { level: 1 })).toHaveText('Renamed in tab B');
    await expect(a.getByTestId('conflict-banner')).toHaveCount(0);
    await expect(b.getByTestId('conflict-banner')).toHaveCount(0);

    // A's next change is based on B's data (nothing lost).
    await a.bringToFront();
    await commitField(a, '#leader-title', 'Directrice générale');
    await waitSaved(a, { contains: 'Directrice générale' });
    expect(await stored(a)).toContain('Renamed in tab B');
    await expect(b.locator('#leader-title')).toHaveValue('Directrice générale');
    expect(errorsA).toEqual([]);
    expect(errorsB).toEqual([]);
  });

  test('with an unsaved change, it shows the conflict banner and lets the user choose', async ({ context }) => {
    const a = await context.newPage();
    const b = await context.newPage();
    const errorsA = watchErrors(a);
    const errorsB = watchErrors(b);
    // In tab B only, autosave's 300 ms timer can be held, so that B has an unsaved change
    // for as long as the test needs (deterministic, instead of racing the debounce).
    await b.addInitScript(() => {
      const realSet = window.setTimeout.bind(window);
      const realClear = window.clearTimeout.bind(window);
      const held = new Map();
      let nextId = 1_000_000_000;
      window.__holdSaves = false;
      window.setTimeout = (fn, ms, ...args) => {
        if (window.__holdSaves && ms === 300) {
          const id = nextId++;
          held.set(id, () => fn(...args));
          return id;
        }
        return realSet(fn, ms, ...args);
      };
      window.clearTimeout = (id) => (held.delete(id) ? undefined : realClear(id));
      window.__heldSaves = () => held.size;
      window.__releaseSaves = () => {
        window.__holdSaves = false;
        const fns = [...held.values()];
        held.clear();
        fns.forEach((f) => f());
      };
    });
    await open(a);
    await open(b);
    await a.bringToFront();
    const id = await createCampaign(a, { name: 'Shared campaign', title: 'CEO' });
    await expect(rowNames(b)).toHaveText(['Shared campaign']);
    await go(b, `#/campaign/${id}`);
    await expect(b.getByRole('heading', { level: 1 })).toHaveText('Shared campaign');

    // B: an edit that is not saved yet.
    await b.bringToFront();
    await b.evaluate(() => { window.__holdSaves = true; });
    await commitField(b, '#campaign-name', 'B’s unsaved name');
    await expect(b.getByRole('heading', { level: 1 })).toHaveText('B’s unsaved name');
    await expect(b.getByTestId('save-state')).toHaveText('Saving…');
    expect(await b.evaluate(() => window.__heldSaves())).toBe(1);

    // A saves a change meanwhile.
    await a.bringToFront();
    await commitField(a, '#leader-title', 'Présidente');
    await waitSaved(a, { contains: 'Présidente' });

    const banner = b.getByTestId('conflict-banner');
    await expect(banner).toBeVisible();
    await expect(banner).toContainText('This data was just changed in another tab.');
    await expect(banner).toContainText('autosave is paused here');
    // B's edit is still on screen; nothing of B's overwrote A's data.
    await expect(b.getByRole('heading', { level: 1 })).toHaveText('B’s unsaved name');
    expect(await stored(a)).not.toContain('B’s unsaved name');
    // Even when B's timer fires, autosave stays paused.
    await b.evaluate(() => window.__releaseSaves());
    await b.waitForTimeout(400);
    expect(await stored(b)).not.toContain('B’s unsaved name');
    expect(await stored(b)).toContain('Présidente');
    await expect(banner).toBeVisible();

    // "Keep this version and save it": B's version wins, and A follows quietly.
    await b.bringToFront();
    await banner.getByRole('button', { name: 'Keep this version and save it' }).click();
    await expect(banner).toHaveCount(0);
    await waitSaved(b, { contains: 'B’s unsaved name' });
    await expect(a.getByRole('heading', { level: 1 })).toHaveText('B’s unsaved name');
    await expect(a.getByTestId('conflict-banner')).toHaveCount(0);

    // Again, but this time B loads the other tab's version.
    await b.evaluate(() => { window.__holdSaves = true; });
    await commitField(b, '#leader-name', 'Mine only');
    await a.bringToFront();
    await commitField(a, '#leader-title', 'CEO again');
    await waitSaved(a, { contains: 'CEO again' });
    await b.bringToFront();
    await expect(banner).toBeVisible();
    await banner.getByRole('button', { name: "Load the other tab's version" }).click();
    await expect(banner).toHaveCount(0);
    await expect(b.locator('#leader-title')).toHaveValue('CEO again');
    await expect(b.locator('#leader-name')).not.toHaveValue('Mine only');
    await b.evaluate(() => window.__releaseSaves());
    await expect(b.getByTestId('save-state')).toHaveText('Saved');
    expect(await stored(b)).not.toContain('Mine only');
    expect(errorsA).toEqual([]);
    expect(errorsB).toEqual([]);
  });
});

test('a full storage shows the banner with "Export now", and the change stays on screen', async ({ page }) => {
  // From the second load of the tab on, the browser's database refuses every write.
  await page.addInitScript(() => {
    const loads = Number(sessionStorage.getItem('__rallyLoads') ?? '0') + 1;
    sessionStorage.setItem('__rallyLoads', String(loads));
    if (loads < 2) return;
    IDBObjectStore.prototype.put = function put() {
      throw new DOMException('quota', 'QuotaExceededError');
    };
  });
  await open(page);
  const id = await createCampaign(page, { name: 'Before the disk filled up' });
  const before = await stored(page);

  await page.reload();
  await waitForApp(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Before the disk filled up');
  await expect(page.getByTestId('storage-banner')).toHaveCount(0);

  await commitField(page, '#campaign-name', 'Changed while full');
  const banner = page.getByTestId('storage-banner');
  await expect(banner).toBeVisible();
  await expect(banner).toContainText("The browser's storage is full");
  await expect(banner).toContainText('They are still on screen');
  const exportNow = banner.getByRole('button', { name: 'Export now' });
  await expect(exportNow).toBeVisible();
  await expect(page.getByTestId('save-state')).toHaveText('Not saved');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Changed while full');
  await expect(page.locator('#campaign-name')).toHaveValue('Changed while full');
  expect(await stored(page), 'the stored copy is the last good one').toBe(before);

  // "Export now" gives a file with the unsaved change in it.
  await exportNow.click();
  const [download] = await Promise.all([page.waitForEvent('download'), saveThroughDialog(page)]);
  expect(download.suggestedFilename()).toMatch(/\.json$/);
  const file = await download.path();
  const text = (await import('node:fs')).readFileSync(file, 'utf8');
  const doc = JSON.parse(text);
  expect(doc.format).toBe('rally');
  expect(doc.campaigns.map((c) => c.name)).toEqual(['Changed while full']);
  expect(doc.campaigns[0].id).toBe(id);

  // Further changes keep the banner and stay on screen too.
  await commitField(page, '#leader-title', 'Still here');
  await expect(page.locator('#leader-title')).toHaveValue('Still here');
  await expect(banner).toBeVisible();
});

test(`no request leaves ${new URL(ORIGIN).host} while creating, importing and exporting`, async ({ page }) => {
  const watch = await instrument(page);
  await open(page);
  await createCampaign(page);
  await go(page, '#/');
  await importFile(page, hostile('truncated.json'));
  await expect(alertRegion(page)).toContainText('incomplete');
  await importFile(page, VALID_FILE);
  await expect(statusRegion(page)).toContainText('Import finished');
  await expect(rows(page)).toHaveCount(2);
  // Protected with a passphrase: Web Crypto works under the CSP and sends nothing anywhere.
  await page.getByRole('button', { name: 'Export all data' }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    saveThroughDialog(page, { passphrase: 'cheval pluie orange lampe' }),
  ]);
  expect(download.suggestedFilename()).toMatch(/^rally-protected-\d{4}-\d\d-\d\d\.json$/);
  await go(page, '#/roles');
  await go(page, '#/settings');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Settings and data');
  await page.waitForLoadState('networkidle');

  expect(watch.network.urls.length).toBeGreaterThan(0);
  expect(watch.network.foreign(), `requests that left ${ORIGIN}`).toEqual([]);
  expect(watch.network.failed(), 'failed requests').toEqual([]);
  expect(await watch.cspViolations(), 'CSP violations').toEqual([]);
});

test('a workspace saved by an older Rally is read, then written back in the current format', async ({ page }) => {
  const fs = await import('node:fs');
  const v1 = JSON.parse(fs.readFileSync(VALID_FILE, 'utf8'));
  expect(v1.format_version).toBe(1);
  await open(page); // an empty browser: nothing is written
  await page.evaluate((doc) => {
    localStorage.setItem('rally.workspace', JSON.stringify({ token: { writer: 'old', seq: 4 }, document: doc }));
    localStorage.setItem('rally.workspace.token', 'old:4');
  }, v1);
  await page.reload();
  await waitForApp(page);
  await expect(rowNames(page)).toHaveText(v1.campaigns.filter((c) => c.status !== 'archived').map((c) => c.name));
  // Moved to the browser's database and saved again without any change by the user: the
  // current version, the same campaigns, a new writer; localStorage no longer holds it.
  await expect.poll(async () => JSON.parse((await stored(page)) || '{}').document?.format_version, { message: 'format on disk' })
    .toBe(5);
  expect(await page.evaluate(() => localStorage.getItem('rally.workspace'))).toBeNull();
  const record = JSON.parse(await stored(page));
  expect(record.document.campaigns.map((c) => c.id)).toEqual(v1.campaigns.map((c) => c.id));
  expect(record.token.writer).not.toBe('old');
  await page.reload();
  await waitForApp(page);
  await expect(rowNames(page)).toHaveText(v1.campaigns.filter((c) => c.status !== 'archived').map((c) => c.name));
  await expect(page.getByTestId('conflict-banner')).toHaveCount(0);
});

test("the mediator's page takes its part of an older Rally's copy and leaves the rest to the recruiter's", async ({ page }) => {
  const fs = await import('node:fs');
  const v3 = JSON.parse(fs.readFileSync(VALID_FILE.replace('format-v1.json', 'format-v3.json'), 'utf8'));
  expect(v3.kits.length && v3.observations.length && v3.invitations.length && v3.responses.length).toBeTruthy();
  const fieldwork = { ...v3, campaigns: [], roles: [] };
  // The old copy is there before any page of this Rally runs (a recruiter's page already open
  // would take it in itself, as soon as it reads its store).
  await seedStorage(page, { 'rally.fieldwork': JSON.stringify(fieldwork) });
  // The mediator opens her page first: her kits and observations are there, and in the database.
  await page.goto('/observe.html');
  await waitForApp(page);
  await expect(page.getByTestId('obs-kit')).toHaveCount(v3.kits.length);
  await expect.poll(async () => (await storedFieldwork(page)).observations.length).toBe(v3.observations.length);
  let fw = await storedFieldwork(page);
  expect(fw.kits.map((k) => k.id)).toEqual(v3.kits.map((k) => k.id));
  expect(fw.observations.map((o) => [o.id, o.events.length]))
    .toEqual(v3.observations.map((o) => [o.id, o.events.length]));
  // She holds no invitation or answer: those stay in the old copy for the recruiter's page.
  expect([fw.invitations, fw.responses]).toEqual([[], []]);
  expect(await page.evaluate(() => localStorage.getItem('rally.fieldwork'))).not.toBeNull();
  await page.reload();
  await waitForApp(page);
  await expect(page.getByTestId('obs-kit')).toHaveCount(v3.kits.length);
  // The recruiter's page moves the rest, joined to what the mediator's wrote, then removes it.
  await page.goto('/');
  await waitForApp(page);
  await expect.poll(async () => (await storedFieldwork(page)).responses.length).toBe(v3.responses.length);
  fw = await storedFieldwork(page);
  expect(fw.invitations.map((i) => i.id).sort()).toEqual(v3.invitations.map((i) => i.id).sort());
  expect(fw.observations.map((o) => [o.id, o.events.length]))
    .toEqual(v3.observations.map((o) => [o.id, o.events.length]));
  await expect.poll(() => page.evaluate(() => localStorage.getItem('rally.fieldwork'))).toBeNull();
});

test('data a format-3 Rally kept in localStorage moves to the database once, and nothing is lost', async ({ page }) => {
  const fs = await import('node:fs');
  const v3 = JSON.parse(fs.readFileSync(VALID_FILE.replace('format-v1.json', 'format-v3.json'), 'utf8'));
  expect(v3.format_version).toBe(3);
  const workspace = { ...v3, kits: [], observations: [], invitations: [], responses: [] };
  const fieldwork = { ...v3, campaigns: [], roles: [] };
  await open(page); // an empty browser: nothing is written
  await page.evaluate(({ workspace, fieldwork }) => {
    localStorage.setItem('rally.workspace', JSON.stringify({ token: { writer: 'old', seq: 9 }, document: workspace }));
    localStorage.setItem('rally.workspace.token', 'old:9');
    localStorage.setItem('rally.fieldwork', JSON.stringify(fieldwork));
  }, { workspace, fieldwork });
  await page.reload();
  await waitForApp(page);
  await expect(rowNames(page)).toHaveText(v3.campaigns.filter((c) => c.status !== 'archived').map((c) => c.name));
  // Everything is in the database, in the current format; localStorage no longer holds it.
  await expect.poll(async () => JSON.parse((await stored(page)) || '{}').document?.format_version).toBe(5);
  const record = JSON.parse(await stored(page));
  expect(record.document.campaigns.map((c) => c.id).sort()).toEqual(v3.campaigns.map((c) => c.id).sort());
  // The fieldwork has its own saver (written once it pauses, 250 ms): it may land after the workspace.
  await expect.poll(async () => (await storedFieldwork(page)).observations.length).toBe(v3.observations.length);
  const fw = await storedFieldwork(page);
  expect(fw.kits.map((k) => k.id)).toEqual(v3.kits.map((k) => k.id));
  expect(fw.observations.map((o) => [o.id, o.events.length]))
    .toEqual(v3.observations.map((o) => [o.id, o.events.length]));
  expect(fw.invitations.map((i) => i.id).sort()).toEqual(v3.invitations.map((i) => i.id).sort());
  expect(fw.responses.map((r) => r.id).sort()).toEqual(v3.responses.map((r) => r.id).sort());
  await expect.poll(() => page.evaluate(() => [localStorage.getItem('rally.workspace'), localStorage.getItem('rally.fieldwork')]))
    .toEqual([null, null]);
  // A reload reads it from the database, the same, with no conflict.
  await page.reload();
  await waitForApp(page);
  await expect(rowNames(page)).toHaveText(v3.campaigns.filter((c) => c.status !== 'archived').map((c) => c.name));
  await expect(page.getByTestId('conflict-banner')).toHaveCount(0);
  const campaign = v3.campaigns[0];
  await page.goto(`/#/campaign/${campaign.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(campaign.name);
});
