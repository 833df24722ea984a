// Passphrase protection, and its interoperability with an independent implementation
// (tests/crypto/rally-sealed.mjs: Node's crypto, OpenSSL; the app uses Chromium's Web Crypto,
// BoringSSL). Both ways: the independent implementation opens a file and a link the app
// protected, and the app opens a file and a link it sealed. A wrong passphrase, an altered or a
// cut file give one sentence in an alert and change nothing. The dialogs are checked with
// axe-core and photographed at 1280 and 390 px, in English and French.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  test, expect, open, go, waitSaved, stored, statusRegion, alertRegion, rows, importFile,
  importFixture, createCampaign, downloadFrom, axeAndShots, FIXTURE, FIXTURES,
} from './recruiter-lib.mjs';
import { newAxeContext, waitForApp, shotFile, ORIGIN } from './helpers.mjs';
import * as independent from '../crypto/rally-sealed.mjs';

const SEALED = path.join(FIXTURES, 'sealed');
// The fixtures' passphrase (tests/fixtures/sealed/README.md).
const FIXTURE_PASSPHRASE = 'cheval pluie orange lampe';
const PASSPHRASE = 'marée basse à Étretat 1899';
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rally-protect-'));

const saveDialog = (page) => page.getByTestId('save-dialog');
const unlockDialog = (page) => page.getByTestId('unlock-dialog');

/**
 * axe and full-page screenshots (axeAndShots), then the open dialog alone at 1280 and 390 px
 * (`<id>-<lang>-dialog-1280`, `…-390`): a full page behind a modal says little.
 */
async function checkDialog(page, dialog, id, lang = 'en') {
  await axeAndShots(page, id, { lang });
  await dialog.screenshot({ path: shotFile(`${id}-${lang}-dialog-1280`) });
  await page.setViewportSize({ width: 390, height: 844 });
  await dialog.screenshot({ path: shotFile(`${id}-${lang}-dialog-390`) });
  await page.setViewportSize({ width: 1280, height: 800 });
}

/** Types a passphrase in the unlock dialog and presses Enter. */
async function unlockWith(page, passphrase) {
  const input = unlockDialog(page).getByTestId('unlock-passphrase');
  await input.fill(passphrase);
  await input.press('Enter');
}

/** Picks `file` in the home page's import control and waits for the unlock dialog. */
async function importSealed(page, file) {
  await importFile(page, file);
  await expect(unlockDialog(page)).toBeVisible();
  await expect(unlockDialog(page).getByRole('heading', { level: 2 }))
    .toHaveText(/^(This file is protected by a passphrase|Ce fichier est protégé par une phrase de passe)$/);
  await expect(unlockDialog(page).getByTestId('unlock-passphrase')).toBeFocused();
}

test('a protected export opens with an independent implementation; a file it sealed opens in the app; bad ones change nothing', async ({ axePage: page }) => {
  test.setTimeout(120_000);
  await open(page);
  await importFixture(page);

  // --- Saving: "Export all data" holds data about people: protection is ticked and said to
  // be recommended.
  await page.getByRole('button', { name: 'Export all data' }).first().click();
  const dialog = saveDialog(page);
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('heading', { level: 2 })).toHaveText('Save the file');
  await expect(dialog.getByTestId('protect-toggle')).toBeChecked();
  await expect(dialog).toContainText('Recommended: this file holds information about people.');
  await expect(dialog.getByTestId('protect-passphrase')).toBeFocused();
  await expect(dialog.getByTestId('save-file-name')).toHaveText(/^rally-protected-\d{4}-\d\d-\d\d\.json$/);
  // Too short, then two different passphrases: one sentence each, no download.
  await dialog.getByTestId('protect-passphrase').fill('court');
  await dialog.getByTestId('save-confirm').click();
  await expect(dialog.getByTestId('save-alert')).toHaveText('The passphrase needs at least 10 characters.');
  await expect(dialog.getByTestId('protect-passphrase')).toBeFocused();
  await dialog.getByTestId('protect-passphrase').fill(PASSPHRASE);
  await expect(dialog.locator('#protect-strength')).toHaveText(/^Strength: (fair|strong)/);
  await dialog.getByTestId('protect-confirm').fill(`${PASSPHRASE}!`);
  await dialog.getByTestId('save-confirm').click();
  await expect(dialog.getByTestId('save-alert')).toHaveText('The two passphrases differ: type the same one twice.');
  await expect(dialog.getByTestId('protect-confirm')).toBeFocused();
  await checkDialog(page, dialog, 'protect-save-dialog');
  await dialog.getByTestId('protect-confirm').fill(PASSPHRASE);
  const downloaded = page.waitForEvent('download');
  await dialog.getByTestId('save-confirm').click();
  // While the key is derived, the dialog says so.
  await expect(dialog).toHaveAttribute('aria-busy', 'true');
  await expect(dialog.getByRole('status')).toHaveText('Protecting…');
  await expect(dialog.locator('progress')).toBeVisible();
  const download = await downloaded;
  await expect(dialog).toHaveCount(0);
  expect(download.suggestedFilename()).toMatch(/^rally-protected-\d{4}-\d\d-\d\d\.json$/);
  const file = path.join(tmp, download.suggestedFilename());
  await download.saveAs(file);
  const text = fs.readFileSync(file, 'utf8');

  // --- The independent implementation opens it: the envelope is the documented one and the
  // Rally file inside is the export.
  const envelope = JSON.parse(text);
  expect(envelope).toMatchObject({
    format: 'rally-sealed', version: 1, content: 'rally',
    kdf: { name: 'PBKDF2-SHA256', iterations: 600000 }, cipher: { name: 'AES-256-GCM' },
  });
  expect(text).not.toContain(FIXTURE.lyonName);
  const inside = JSON.parse(independent.open(text, PASSPHRASE).toString('utf8'));
  expect(inside.format).toBe('rally');
  expect(inside.campaigns.map((c) => c.name)).toContain(FIXTURE.lyonName);
  expect(() => independent.open(text, 'marée haute à Étretat 1899')).toThrow();
  // The passphrase went nowhere: not in storage, not in the page.
  expect(await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage })))
    .not.toContain('Étretat');

  // --- A kit is a file of arrangements: protection is offered, not ticked. Cancelling gives
  // the focus back to the button.
  await go(page, `#/campaign/${FIXTURE.lyonId}`);
  const kitButton = page.getByRole('button', { name: 'Download the kit: Amina Benali' });
  await kitButton.click();
  await expect(saveDialog(page)).toBeVisible();
  await expect(saveDialog(page).getByTestId('protect-toggle')).not.toBeChecked();
  await expect(saveDialog(page)).not.toContainText('Recommended');
  await page.keyboard.press('Escape');
  await expect(saveDialog(page)).toHaveCount(0);
  await expect(kitButton).toBeFocused();
  // A protected kit opens with the independent implementation too.
  const kit = await downloadFrom(page, kitButton, tmp, { passphrase: PASSPHRASE });
  expect(path.basename(kit)).toMatch(/^rally-protected-\d{4}-\d\d-\d\d\.json$/);
  expect(JSON.parse(independent.open(fs.readFileSync(kit, 'utf8'), PASSPHRASE)).kits).toHaveLength(1);

  // --- Opening, in a new browser: a file the independent implementation sealed (the current
  // golden file), first with a wrong passphrase.
  const other = await (await newAxeContext(page.context().browser(), { baseURL: ORIGIN, viewport: { width: 1280, height: 800 } })).newPage();
  await open(other);
  await go(other, '#/');
  const sealedByNode = path.join(tmp, 'sealed-by-node.json');
  fs.writeFileSync(sealedByNode, independent.seal(fs.readFileSync(path.join(FIXTURES, 'format-v4.json')), PASSPHRASE));
  await importSealed(other, sealedByNode);
  await checkDialog(other, unlockDialog(other), 'protect-unlock-dialog');
  const before = await stored(other);
  await unlockWith(other, 'marée haute à Étretat 1899');
  const alert = unlockDialog(other).getByTestId('unlock-alert');
  await expect(alert).toHaveText('The passphrase is wrong, or the file was altered after it was protected: nothing was imported.');
  await expect(unlockDialog(other).getByTestId('unlock-passphrase')).toBeFocused();
  expect(await stored(other)).toBe(before);
  await expect(rows(other)).toHaveCount(0);
  await checkDialog(other, unlockDialog(other), 'protect-unlock-wrong');
  // The page shows that it works while the key is derived.
  await unlockDialog(other).getByTestId('unlock-passphrase').fill(PASSPHRASE);
  await unlockDialog(other).getByTestId('unlock-submit').click();
  await expect(unlockDialog(other)).toHaveAttribute('aria-busy', 'true');
  await expect(unlockDialog(other).getByRole('status')).toContainText('Unlocking…');
  await expect(unlockDialog(other)).toHaveCount(0);
  await expect(statusRegion(other)).toContainText('Import finished');
  await waitSaved(other, { contains: FIXTURE.lyonName });
  await expect(rows(other)).toHaveCount(1); // and an archived one, not listed
  await expect(rows(other).first()).toContainText(FIXTURE.lyonName);

  // --- Altered, cut and hostile files (tests/fixtures/sealed/): one sentence, nothing changed.
  const afterImport = await stored(other);
  for (const name of ['altered-ciphertext.json', 'altered-header.json', 'tag-cut-off.json']) {
    await importSealed(other, path.join(SEALED, name));
    await unlockWith(other, FIXTURE_PASSPHRASE);
    await expect(unlockDialog(other).getByTestId('unlock-alert'), name)
      .toHaveText('The passphrase is wrong, or the file was altered after it was protected: nothing was imported.');
    await unlockDialog(other).getByRole('button', { name: 'Cancel' }).click();
    await expect(unlockDialog(other)).toHaveCount(0);
  }
  for (const [name, sentence] of [
    ['truncated.json', 'This file is incomplete: it stops in the middle of the data. Export it again.'],
    ['iterations-1e12.json', 'This protected file asks for 1,000,000,000,000 iterations of key derivation: Rally accepts 600,000 to 10,000,000, so it was not made by Rally.'],
    ['extra-member.json', 'This protected file is damaged: its “hint” member is missing, unexpected or not of the expected form.'],
  ]) {
    await importFile(other, path.join(SEALED, name));
    await expect(alertRegion(other), name).toContainText(sentence);
    await expect(unlockDialog(other)).toHaveCount(0);
  }
  expect(await stored(other)).toBe(afterImport);
  // The fixture that is sound opens with its passphrase (it holds the same campaigns: nothing new).
  await importSealed(other, path.join(SEALED, 'valid.json'));
  await unlockWith(other, FIXTURE_PASSPHRASE);
  await expect(unlockDialog(other)).toHaveCount(0);
  await expect(statusRegion(other)).toContainText('Import finished');

  // More iterations than Rally writes (a later Rally may raise the count) still open; the
  // longer derivation is the moment to look at the dialog at work.
  const slow = path.join(tmp, 'sealed-3m.json');
  fs.writeFileSync(slow, independent.seal(fs.readFileSync(path.join(FIXTURES, 'format-v1.json')), PASSPHRASE, { iterations: 3_000_000 }));
  await importSealed(other, slow);
  await unlockWith(other, PASSPHRASE);
  await expect(unlockDialog(other).getByRole('status')).toHaveText('Unlocking…');
  await unlockDialog(other).screenshot({ path: shotFile('protect-unlocking-en-dialog-1280') });
  await expect(unlockDialog(other)).toHaveCount(0, { timeout: 30_000 });
  await expect(statusRegion(other)).toContainText('Import finished');
  await other.context().close();
});

test('a protected invitation link opens with an independent implementation; a link it sealed opens in the app', async ({ axePage: page, browser }) => {
  test.setTimeout(120_000);
  await open(page);
  await createCampaign(page);
  const card = page.locator('section.sv-section');
  await card.locator('#survey-asked-by').fill('Cabinet Rivière');
  await card.getByRole('button', { name: 'Copy the link: Paul Lefèvre (candidate) — themself' }).click();
  const dialog = saveDialog(page);
  await expect(dialog.getByRole('heading', { level: 2 })).toHaveText('Make the invitation link');
  await expect(dialog.getByTestId('protect-toggle')).not.toBeChecked();
  await expect(dialog.getByTestId('save-confirm')).toHaveText('Make the link');
  await dialog.getByTestId('protect-toggle').check();
  await expect(dialog.getByTestId('save-confirm')).toHaveText('Protect and make the link');
  await dialog.getByTestId('protect-passphrase').fill(PASSPHRASE);
  await dialog.getByTestId('protect-confirm').fill(PASSPHRASE);
  await checkDialog(page, dialog, 'protect-link-dialog');
  await dialog.getByTestId('save-confirm').click();
  await expect(dialog).toHaveCount(0);
  const link = await card.getByTestId('invitation-link').inputValue();
  expect(link.startsWith(`${ORIGIN}/respond.html#/respond/s.`)).toBe(true);
  // Names travel sealed.
  expect(Buffer.from(link.split('#/respond/s.')[1], 'base64url').toString('utf8')).not.toContain('Paul');

  // --- The independent implementation opens it: one invitation, for the candidate.
  const doc = JSON.parse(independent.openLink(link, PASSPHRASE).toString('utf8'));
  expect(doc.invitations).toHaveLength(1);
  expect(doc.invitations[0].respondent.name).toBe('Paul Lefèvre');

  // --- The candidate opens the link in their own browser: the passphrase first.
  const respondent = await (await newAxeContext(browser, { baseURL: ORIGIN, viewport: { width: 1280, height: 900 } })).newPage();
  await respondent.addInitScript(() => localStorage.setItem('rally.lang', 'en'));
  await respondent.goto(link);
  await waitForApp(respondent);
  await expect(unlockDialog(respondent)).toBeVisible();
  await expect(unlockDialog(respondent).getByRole('heading', { level: 2 })).toHaveText('This link is protected by a passphrase');
  // Cancelled: the page says what the link is and offers to try again.
  await unlockDialog(respondent).getByRole('button', { name: 'Cancel' }).click();
  await expect(respondent.getByRole('heading', { level: 1 })).toHaveText('A protected invitation');
  await axeAndShots(respondent, 'protect-link-page');
  await respondent.getByTestId('rs-enter-passphrase').click();
  await unlockWith(respondent, 'marée haute');
  await expect(unlockDialog(respondent).getByTestId('unlock-alert')).toContainText('The passphrase is wrong');
  await unlockWith(respondent, PASSPHRASE);
  await expect(respondent.getByTestId('rs-consent-step')).toBeVisible();
  // The open invitation never shows in the address.
  await expect(respondent).toHaveURL(/#\/answer\/[0-9a-f-]{36}$/);

  // --- A link the independent implementation sealed opens in the app, pasted on the
  // respondent's page.
  const inv = { ...doc.invitations[0], id: '6f1d2c3b-4a59-4e68-8f7a-9b0c1d2e3f40' };
  const sealedLink = `${ORIGIN}/#/respond/${independent.sealLink(JSON.stringify({ ...doc, invitations: [inv] }), FIXTURE_PASSPHRASE)}`;
  const second = await (await newAxeContext(browser, { baseURL: ORIGIN })).newPage();
  await second.addInitScript(() => localStorage.setItem('rally.lang', 'en'));
  await second.goto('/#/respond');
  await waitForApp(second);
  await second.locator('#rs-link').fill(sealedLink);
  await second.locator('#rs-link').press('Enter');
  await expect(unlockDialog(second)).toBeVisible();
  await unlockWith(second, FIXTURE_PASSPHRASE);
  await expect(second).toHaveURL(new RegExp(`#/answer/${inv.id}$`));
  await expect(second.getByTestId('rs-consent-step')).toBeVisible();
  // The same link opened directly, in a third browser.
  const third = await (await newAxeContext(browser, { baseURL: ORIGIN })).newPage();
  await third.goto(sealedLink);
  await waitForApp(third);
  await unlockWith(third, FIXTURE_PASSPHRASE);
  await expect(third).toHaveURL(new RegExp(`#/answer/${inv.id}$`));
  for (const p of [respondent, second, third]) await p.context().close();
});

test('the dialogs in French', async ({ axePage: page }) => {
  await page.addInitScript(() => localStorage.setItem('rally.lang', 'fr'));
  await open(page);
  await importFixture(page);
  await page.getByRole('button', { name: 'Exporter toutes les données' }).first().click();
  const dialog = saveDialog(page);
  await expect(dialog.getByRole('heading', { level: 2 })).toHaveText('Enregistrer le fichier');
  await expect(dialog).toContainText('Recommandé\u00a0: ce fichier contient des informations sur des personnes.');
  await dialog.getByTestId('protect-passphrase').fill('cheval pluie orange');
  await checkDialog(page, dialog, 'protect-save-dialog', 'fr');
  await dialog.getByRole('button', { name: 'Annuler' }).click();
  await importSealed(page, path.join(SEALED, 'valid.json'));
  await unlockWith(page, 'mauvaise phrase de passe');
  await expect(unlockDialog(page).getByTestId('unlock-alert'))
    .toHaveText('La phrase de passe ne convient pas, ou le fichier a été modifié après sa protection\u00a0: rien n\'a été importé.');
  await checkDialog(page, unlockDialog(page), 'protect-unlock-wrong', 'fr');
  await unlockDialog(page).getByRole('button', { name: 'Annuler' }).click();

  // A protected link, in French: the dialog, then the page when it is cancelled.
  const inv = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'format-v4.json'), 'utf8')).invitations[0];
  const doc = { format: 'rally', format_version: 4, exported_at: '2026-12-03T10:00:00Z', invitations: [inv] };
  await page.goto(`/#/respond/${independent.sealLink(JSON.stringify(doc), FIXTURE_PASSPHRASE)}`);
  await waitForApp(page);
  await expect(unlockDialog(page).getByRole('heading', { level: 2 })).toHaveText('Ce lien est protégé par une phrase de passe');
  await checkDialog(page, unlockDialog(page), 'protect-unlock-link', 'fr');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Invitation protégée');
  await axeAndShots(page, 'protect-link-page', { lang: 'fr' });
});
