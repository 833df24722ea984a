// The respondent's side of self-assessments: an invitation link opened in a fresh browser,
// consent, a page answered by mouse and by keyboard, a reload in the middle, the remaining
// pages, a review that warns about a part with too few answers, sending, the short code, the
// copy button and the file download; then a bad link, an invitation file opened from the
// list, declining, and an observer form with the two poles of a paradox. axe-core (no serious
// or critical violation) and screenshots at 1280 and 390 px on every screen of the flow.
//
// The invitations are built here, from the shape of tests/fixtures/format-v3.json (which holds
// the real hashes of the built-in instruments), and travel exactly as the app sends them: the
// JSON in base64url after `#/respond/`.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  test, expect, newAxeContext, waitForApp, axeCheck, shot, instrument, saveThroughDialog,
  storedFieldwork, dbGet,
} from './helpers.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const V3 = JSON.parse(fs.readFileSync(path.join(ROOT, 'tests', 'fixtures', 'format-v3.json'), 'utf8'));

const CANDIDATE = 'Jean Dupont';
const ASKED_BY = 'Cabinet Rivière';

/** Today plus `days`, as YYYY-MM-DD. */
function dayFromNow(days) {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** An invitation shaped like the fixture's `invitations[k]`, fresh id, issued now. */
function invitation(k, { instruments } = {}) {
  const base = structuredClone(V3.invitations[k]);
  return {
    ...base,
    id: crypto.randomUUID(),
    issued_at: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    keep_until: dayFromNow(180),
    instruments: instruments ?? base.instruments,
  };
}

/** The candidate's invitation to the 40-item interpersonal intelligence questionnaire. */
const candidateInvitation = () => invitation(0, { instruments: [V3.invitations[0].instruments[0]] });

const payload = (inv) => Buffer.from(JSON.stringify(inv)).toString('base64url');

/** A browser of its own (empty storage), in English, where axe-core can be injected. */
async function respondentBrowser(browser, { width = 1280, height = 900, lang = 'en' } = {}) {
  const context = await newAxeContext(browser, { viewport: { width, height } });
  await context.addInitScript((lang) => {
    if (!localStorage.getItem('rally.lang')) localStorage.setItem('rally.lang', lang);
  }, lang);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console.error: ${m.text()}`); });
  return { context, page, errors };
}

/** axe-core on the current screen, then full-page screenshots at 1280 and 390 px. */
async function checkScreen(page, name) {
  expect(await axeCheck(page), `axe on ${name}`).toEqual([]);
  await shot(page, `${name}-1280`);
  // Layout follows the viewport synchronously (the app has no resize handler): no wait needed.
  await page.setViewportSize({ width: 390, height: 844 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `${name}: nothing wider than a 390 px screen`).toBeLessThanOrEqual(0);
  expect(await axeCheck(page), `axe on ${name} at 390 px`).toEqual([]);
  await shot(page, `${name}-390`);
  await page.setViewportSize({ width: 1280, height: 900 });
}

const heading = (page) => page.locator('#rs-step-title');
const items = (page) => page.getByTestId('rs-item');
const progressText = (page) => page.locator('#rs-progress-text');
const onPage = async (page, k) => {
  await expect(page.getByTestId('rs-page')).toHaveAttribute('data-page', String(k));
  await expect(heading(page)).toBeFocused();
};

/** Answers item `i` (0-based, on this page) with `value` by clicking its label. */
async function clickAnswer(page, i, value) {
  const item = items(page).nth(i);
  await item.locator('label.rs-choice').nth(value - 1).click();
  await expect(item.locator('input[type=radio]').nth(value - 1)).toBeChecked();
}

/** Answers every item of the page from `from` on, by clicking. */
async function answerRest(page, from = 0, value = 4) {
  const n = await items(page).count();
  for (let i = from; i < n; i++) await clickAnswer(page, i, ((value + i) % 5) + 1);
}

async function storedDraft(page, id) {
  const text = await dbGet(page, `draft/${id}`);
  return text === null ? null : JSON.parse(text);
}

// ------------------------------------------------------------- the story --

test('a candidate opens the link, answers across a reload, reviews, sends, copies the code and downloads the file', async ({ browser }, testInfo) => {
  test.setTimeout(120_000);
  const inv = candidateInvitation();
  const { context, page, errors } = await respondentBrowser(browser);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);

  // --- The link lands on the consent step of this invitation.
  await page.goto(`/#/respond/${payload(inv)}`);
  await waitForApp(page);
  await expect(page).toHaveURL(new RegExp(`#/answer/${inv.id}$`));
  await expect(heading(page)).toHaveText('Before you start');
  const consent = page.getByTestId('rs-consent-step');
  await expect(consent).toContainText(`${ASKED_BY} invites you to answer questionnaires`);
  await expect(page.getByTestId('rs-who')).toHaveText(`${CANDIDATE}, about yourself.`);
  await expect(consent).toContainText('Interpersonal intelligence');
  await expect(consent).toContainText('40 questions');
  await expect(consent).toContainText('the time taken to answer is also recorded');
  await expect(consent).toContainText(`Only ${ASKED_BY}, who invited you.`);
  await expect(consent).toContainText('You may ask them at any time to erase them sooner.');
  await expect(consent).toContainText('resume later');
  expect(await storedDraft(page, inv.id), 'nothing is kept before consent').toBeNull();
  await checkScreen(page, 'respond-consent-en');

  // --- Page 1: five answers by mouse, three by keyboard (number keys move on).
  await page.getByTestId('rs-consent').click();
  await onPage(page, 0);
  await expect(heading(page)).toHaveText('Creating relationships');
  await expect(page.getByTestId('rs-page-of')).toHaveText('Page 1 of 5');
  await expect(items(page)).toHaveCount(8);
  await expect(progressText(page)).toHaveText('0 of 40 questions answered');
  await expect(page.locator('.rs-instructions')).toContainText('There are no right or wrong answers.');
  await expect(items(page).first().locator('legend')).toContainText('When I take up a new position');
  for (let i = 0; i < 5; i++) await clickAnswer(page, i, (i % 5) + 1);
  await expect(progressText(page)).toHaveText('5 of 40 questions answered');
  await items(page).nth(5).locator('input[type=radio]').first().focus();
  await page.keyboard.press('4');
  await expect(items(page).nth(5).locator('input[value="4"]')).toBeChecked();
  await expect(items(page).nth(6).locator('input[value="1"]')).toBeFocused();
  await page.keyboard.press('2');
  // Focus is now on item 8: an arrow key chooses within its group.
  await page.keyboard.press('ArrowRight');
  await expect(items(page).nth(6).locator('input[value="2"]')).toBeChecked();
  await expect(items(page).nth(7).locator('input[value="2"]')).toBeChecked();
  await page.keyboard.press('5');
  await expect(items(page).nth(7).locator('input[value="5"]')).toBeChecked();
  await expect(page.getByTestId('rs-next')).toBeFocused();
  await expect(progressText(page)).toHaveText('8 of 40 questions answered');
  await expect(page.getByTestId('rs-progress')).toHaveAttribute('value', '8');

  // Clearing an answer, then giving it again.
  await items(page).nth(2).getByRole('button', { name: /^Clear my answer/ }).click();
  await expect(items(page).nth(2).locator('input:checked')).toHaveCount(0);
  await expect(progressText(page)).toHaveText('7 of 40 questions answered');
  await clickAnswer(page, 2, 3);
  let draft = await storedDraft(page, inv.id);
  expect(draft.answers).toHaveLength(8);
  expect(draft.step).toEqual({ step: 'page', page: 0 });

  // --- Page 2: three answers, then a reload: same page, same answers.
  await page.getByTestId('rs-next').click();
  await onPage(page, 1);
  await expect(page.getByTestId('rs-page-of')).toHaveText('Page 2 of 5');
  for (let i = 0; i < 3; i++) await clickAnswer(page, i, 2);
  await page.reload();
  await waitForApp(page);
  await expect(page.getByTestId('rs-page')).toHaveAttribute('data-page', '1');
  await expect(page.getByTestId('rs-page').locator('input:checked')).toHaveCount(3);
  await expect(progressText(page)).toHaveText('11 of 40 questions answered');
  await page.getByTestId('rs-previous').click();
  await onPage(page, 0);
  await expect(page.getByTestId('rs-page').locator('input:checked')).toHaveCount(8);
  await expect(items(page).nth(5).locator('input[value="4"]')).toBeChecked();
  await page.getByTestId('rs-next').click();
  await onPage(page, 1);
  await checkScreen(page, 'respond-page-en');
  await answerRest(page, 3);

  // --- Page 3 left almost empty (the review must warn), pages 4 and 5 in full.
  await page.getByTestId('rs-next').click();
  await onPage(page, 2);
  await clickAnswer(page, 0, 3);
  await clickAnswer(page, 1, 4);
  await page.getByTestId('rs-next').click();
  await onPage(page, 3);
  await answerRest(page);
  await page.getByTestId('rs-next').click();
  await onPage(page, 4);
  await expect(page.getByTestId('rs-next')).toHaveText('Review before sending →');
  await answerRest(page);
  await page.getByTestId('rs-next').click();

  // --- Review: the short part is flagged, and a button leads back to it.
  await expect(page.getByTestId('rs-review')).toBeVisible();
  await expect(heading(page)).toHaveText('Review before sending');
  await expect(heading(page)).toBeFocused();
  await expect(page.getByTestId('rs-short-summary')).toContainText('One part has too few answers to be scored.');
  const parts = page.getByTestId('rs-part');
  await expect(parts).toHaveCount(5);
  await expect(parts.nth(2)).toContainText('2 / 8');
  await expect(parts.nth(2)).toContainText('Too few answers: this part will not be scored.');
  await expect(parts.nth(0)).toContainText('Complete');
  await checkScreen(page, 'respond-review-en');
  await parts.nth(2).getByRole('button', { name: /^Go to this part: / }).click();
  await onPage(page, 2);
  await answerRest(page, 2);
  await page.getByTestId('rs-next').click();
  await page.getByTestId('rs-next').click();
  await page.getByTestId('rs-next').click();
  await expect(page.getByTestId('rs-review')).toBeVisible();
  await expect(page.locator('.rs-all-done')).toHaveText('Every question has an answer.');
  await expect(progressText(page)).toHaveText('40 of 40 questions answered');

  // --- Send: thanks, the code, the copy button, the file.
  await page.getByTestId('rs-send').click();
  await expect(page.getByTestId('rs-done')).toBeVisible();
  await expect(heading(page)).toHaveText('Thank you!');
  await expect(heading(page)).toBeFocused();
  await expect(page.getByTestId('rs-done')).toContainText(`Send the file or the code below to ${ASKED_BY}`);
  const code = await page.getByTestId('rs-code').inputValue();
  expect(code.startsWith('R1-')).toBe(true);
  await page.getByTestId('rs-copy').click();
  await expect(page.getByTestId('rs-copy-note')).toHaveText(/Code copied|press Ctrl\+C/);
  if ((await page.getByTestId('rs-copy-note').innerText()).startsWith('Code copied')) {
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(code);
  }
  await page.getByTestId('rs-download').click();
  const [download] = await Promise.all([page.waitForEvent('download'), saveThroughDialog(page)]);
  expect(await download.failure()).toBeNull();
  expect(download.suggestedFilename()).toMatch(/^rally-answers-jean-dupont-\d{4}-\d\d-\d\d\.json$/);
  const file = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(file);
  const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
  expect(doc.format).toBe('rally');
  expect(doc.responses).toHaveLength(1);
  const response = doc.responses[0];
  expect(response.invitation_id).toBe(inv.id);
  expect(response.respondent_id).toBe(inv.respondent.id);
  expect(response.instrument_id).toBe('interpersonal-intelligence');
  expect(response.answers).toHaveLength(40);
  expect(response.answers.every((a) => a.value >= 1 && a.value <= 5)).toBe(true);
  expect(response.answers.every((a) => typeof a.ms === 'number')).toBe(true);
  expect(JSON.stringify(doc), 'no contact detail travels').not.toMatch(/@/);
  await checkScreen(page, 'respond-done-en');

  // --- A reload opens on the last step; the list shows the invitation as finished, with the
  // answers to download again.
  await page.reload();
  await waitForApp(page);
  await expect(page.getByTestId('rs-done')).toBeVisible();
  expect(await page.getByTestId('rs-code').inputValue()).toBe(code);
  await page.getByRole('link', { name: /Your questionnaires/ }).click();
  await expect(page).toHaveURL(/#\/respond$/);
  const card = page.getByTestId('rs-invitation');
  await expect(card).toHaveCount(1);
  await expect(card.getByTestId('rs-standing')).toHaveText(/^Finished on /);
  await card.getByRole('button', { name: /^Download my answers/ }).click();
  const [again] = await Promise.all([page.waitForEvent('download'), saveThroughDialog(page)]);
  const againFile = testInfo.outputPath('again.json');
  await again.saveAs(againFile);
  expect(JSON.parse(fs.readFileSync(againFile, 'utf8')).responses).toEqual(doc.responses);
  await checkScreen(page, 'respond-home-en');

  expect(errors).toEqual([]);
  await context.close();
});

test('the invitation link works under the strict CSP, and a damaged link says so', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(() => localStorage.setItem('rally.lang', 'en'));
  const page = await context.newPage();
  const watch = await instrument(page);
  const inv = candidateInvitation();
  await page.goto(`/#/respond/${payload(inv)}`);
  await waitForApp(page);
  await expect(heading(page)).toHaveText('Before you start');
  // Opening the same link twice adds nothing. (The fieldwork is saved 250 ms after a change:
  // wait for the disk, then for the app to have read the link again, rather than sleeping.)
  const storedInvitations = async () => (await storedFieldwork(page)).invitations.length;
  await expect.poll(storedInvitations, { message: 'invitations on disk' }).toBe(1);
  await page.goto(`/#/respond/${payload(inv)}`);
  await expect(page).toHaveURL(new RegExp(`#/answer/${inv.id}$`)); // the link was read again
  await expect(heading(page)).toHaveText('Before you start');
  await page.evaluate(() => { window.location.hash = '#/respond'; });
  await expect(page.getByTestId('rs-invitation')).toHaveCount(1);
  expect(await storedInvitations()).toBe(1);

  const cut = payload(inv).slice(0, 120);
  await page.goto(`/#/respond/${cut}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('This invitation link does not open');
  await expect(page.getByTestId('rs-alert')).toContainText('This invitation link is incomplete or damaged');
  await page.getByRole('link', { name: 'Your questionnaires' }).click();
  await expect(page).toHaveURL(/#\/respond$/);
  // A link a mail client split with a slash is damaged too (not "Page not found").
  await page.goto(`/respond.html#/respond/${cut}/${payload(inv).slice(120)}`);
  await expect(page.getByTestId('rs-alert')).toContainText('This invitation link is incomplete or damaged');
  expect(await watch.cspViolations()).toEqual([]);
  expect(watch.network.foreign()).toEqual([]);
  expect(watch.console.errors()).toEqual([]);
  await context.close();
});

test('a questionnaire that cannot be downloaded, or is not the one named, says so and loads on "Try again"', async ({ browser }) => {
  const { context, page } = await respondentBrowser(browser);
  // The page fetches only the instrument its invitation names: first the network fails…
  let mode = 'fail';
  await context.route('**/instruments/**', async (route) => {
    if (mode === 'fail') return route.abort('internetdisconnected');
    if (mode === 'tampered') {
      const response = await route.fetch();
      const text = (await response.text()).replace('"interpersonal', '"Interpersonal');
      return route.fulfill({ response, body: text, headers: { ...response.headers(), 'content-encoding': 'identity' } });
    }
    return route.continue();
  });
  const inv = candidateInvitation();
  await page.goto(`/respond.html#/respond/${payload(inv)}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('The questionnaire does not load');
  await expect(page.getByTestId('rs-alert')).toContainText('It could not be downloaded. Check your connection');
  await checkScreen(page, 'respond-load-failed-en');
  // …then the site sends a text whose hash is not the invitation's: refused, never shown.
  mode = 'tampered';
  await page.getByTestId('rs-retry').click();
  await expect(page.getByTestId('rs-alert')).toContainText('is not exactly the one the invitation names');
  await expect(page.getByTestId('rs-item')).toHaveCount(0);
  // Once the network is back, "Try again" loads it: the consent step, nothing lost.
  mode = 'ok';
  await page.getByTestId('rs-retry').focus();
  await page.keyboard.press('Enter');
  await expect(heading(page)).toHaveText('Before you start');
  await expect.poll(async () => (await storedFieldwork(page)).invitations.length, { message: 'invitations on disk' }).toBe(1);
  await context.close();
});

test('an invitation file opened from the list, declined, then an observer form with the poles of a paradox', async ({ browser }, testInfo) => {
  test.setTimeout(90_000);
  const { context, page, errors } = await respondentBrowser(browser);
  await page.goto('/#/respond');
  await waitForApp(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your questionnaires');
  await expect(page.getByTestId('rs-empty')).toBeVisible();
  await checkScreen(page, 'respond-home-empty-en');

  // A file that is not an invitation: refused, in the alert region, nothing changes.
  const bad = testInfo.outputPath('not-rally.json');
  fs.writeFileSync(bad, JSON.stringify({ hello: 'world' }));
  await page.getByLabel('Choose the invitation file…').setInputFiles(bad);
  await expect(page.getByTestId('rs-alert')).toContainText('nothing changed in this browser');
  const kitOnly = testInfo.outputPath('kit-only.json');
  fs.writeFileSync(kitOnly, JSON.stringify({ ...V3, invitations: [], responses: [] }));
  await page.getByLabel('Choose the invitation file…').setInputFiles(kitOnly);
  await expect(page.getByTestId('rs-alert')).toContainText('holds no invitation to answer');
  await expect(page.getByTestId('rs-empty')).toBeVisible();

  // A leader's observer form about the candidate: the paradoxes, poles as sub-headings.
  const paradox = V3.invitations[1].instruments[1];
  const inv = invitation(1, { instruments: [paradox] });
  const good = testInfo.outputPath('invitation.json');
  fs.writeFileSync(good, JSON.stringify({
    format: 'rally', format_version: 3, exported_at: inv.issued_at, app_version: '0.1.0',
    campaigns: [], roles: [], kits: [], observations: [], invitations: [inv], responses: [],
  }));
  await page.getByLabel('Choose the invitation file…').setInputFiles(good);
  await expect(page).toHaveURL(new RegExp(`#/answer/${inv.id}$`));
  await expect(page.getByTestId('rs-who')).toHaveText(
    'Claire Martin, about Jean Dupont, from what you observed during the work sessions.');

  // Declining keeps nothing; the invitation stays in the list, not started.
  await page.getByTestId('rs-decline').click();
  await expect(page).toHaveURL(/#\/respond$/);
  expect(await storedDraft(page, inv.id)).toBeNull();
  const card = page.getByTestId('rs-invitation');
  await expect(card).toHaveCount(1);
  await expect(card.getByTestId('rs-standing')).toHaveText('Not started');
  await expect(card).toContainText('Jean Dupont');
  await card.getByRole('link', { name: /^Start/ }).click();
  await page.getByTestId('rs-consent').click();
  await onPage(page, 0);
  const poles = page.locator('.rs-pole');
  await expect(poles).toHaveCount(2);
  await expect(poles.nth(0)).toHaveText('Transparency');
  await expect(poles.nth(1)).toHaveText('Confidentiality');
  await clickAnswer(page, 0, 5);
  await checkScreen(page, 'respond-page-poles-en');

  // The same page in French.
  await page.getByRole('button', { name: 'Français' }).click();
  await expect(page.getByTestId('rs-page-of')).toHaveText('Page 1 sur 6');
  await expect(progressText(page)).toHaveText('1 sur 36\u00a0questions avec une réponse');
  await shot(page, 'respond-page-fr-1280');
  await page.getByRole('button', { name: 'English' }).click();

  // Back on the list: in progress.
  await page.goto('/#/respond');
  await expect(page.getByTestId('rs-standing')).toHaveText(/^In progress — \d+%$/);
  expect(errors).toEqual([]);
  await context.close();
});
