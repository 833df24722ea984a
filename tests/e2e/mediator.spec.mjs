// The mediator's side of fieldwork: a kit downloaded by the recruiter, imported in the
// mediator's own browser, a session coded live by keyboard (with a reload in the middle),
// rated, submitted and exported; then axe-core and screenshots of every mediator screen.
//
// Nothing here is a stored fixture: the kit and the observation are produced by driving the
// UI (downloads saved under the test's output directory) and imported back with the file input.
//
// The mediator's browser in the story runs on a fixed fake clock (Playwright's
// clock.setFixedTime: timers still run, Date.now() only moves when the test moves it), so every
// session time on her screen — last coded, the silence's length, the running clock before and
// after a reload — is set by the test, not by the speed of the machine.
import fs from 'node:fs';
import path from 'node:path';
import {
  test, expect, open, go, waitSaved, statusRegion, watchErrors, axeAndShots,
  downloadFrom,
} from './recruiter-lib.mjs';
import { waitForApp, ORIGIN, storedFieldwork } from './helpers.mjs';

const CAMPAIGN = 'Recrutement DAF — Bordeaux';
const LEADER = 'Hélène Garnier';
const CANDIDATE = 'Paul Lefèvre';
const MEDIATOR = 'Amina Benali';
const MEDIATOR_EMAIL = 'amina.benali@example.org';
const CANDIDATE_EMAIL = 'paul.lefevre@example.org';
const TOPIC = 'Budget des fonctions support 2027';

const EMAIL_RE = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/;

// ------------------------------------------------------------------ steps --

/**
 * Drives the "New campaign" form: one candidate and the given mediators, each with an e-mail
 * address (which must never reach a kit or an observation), and a topic for session 1.
 */
async function createCampaign(page, { name = CAMPAIGN, mediators = [[MEDIATOR, MEDIATOR_EMAIL]] } = {}) {
  await go(page, '#/new');
  await expect(page.locator('#campaign-name')).toBeVisible();
  await page.locator('#campaign-name').fill(name);
  await page.locator('#campaign-role').selectOption({ index: 1 });
  await page.locator('#leader-name').fill(LEADER);
  await page.locator('#leader-title').fill('CEO');
  await page.getByRole('button', { name: /^(Add a candidate|Ajouter un candidat)$/ }).click();
  const cand = page.getByTestId('candidate-row').last();
  await cand.locator('input[type=text]').fill(CANDIDATE);
  await cand.locator('input[type=email]').fill(CANDIDATE_EMAIL);
  for (const [who, email] of mediators) {
    await page.getByRole('button', { name: /^(Add a mediator|Ajouter un médiateur)$/ }).click();
    const row = page.getByTestId('mediator-row').last();
    await row.locator('input[type=text]').fill(who);
    await row.locator('input[type=email]').fill(email);
  }
  await expect(page.getByTestId('session-row')).toHaveCount(3);
  await page.getByTestId('session-row').first().locator('input[id$="-topic"]').fill(TOPIC);
  await page.getByRole('button', { name: /^(Create the campaign|Créer la campagne)$/ }).click();
  await expect(page).toHaveURL(/#\/campaign\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  await waitSaved(page, { contains: name });
  return page.url().split('/').pop();
}


/** The campaign page's "Download the kit: <name>" button. */
const kitButton = (page, name) => page.getByRole('button', { name: `Download the kit: ${name}` });

/** A page in a new, empty browser context: the mediator's own browser. */
async function mediatorBrowser(browser, { width = 1280, height = 800 } = {}) {
  const context = await browser.newContext({ baseURL: ORIGIN, viewport: { width, height } });
  const page = await context.newPage();
  const errors = watchErrors(page);
  return { context, page, errors };
}

/** Imports a file with the kits page's "Import a Rally file (.json)" control. */
async function importOnKits(page, file) {
  await page.getByLabel(/^(Import a Rally file \(\.json\)|Importer un fichier Rally \(\.json\))$/)
    .setInputFiles(file);
}

/** Types coding keys one by one ('c i v q' → c, i, v, q). */
async function keys(page, sequence) {
  for (const k of sequence.split(/\s+/).filter(Boolean)) await page.keyboard.press(k);
}

/** "Events (12)" → 12. */
async function eventCount(page) {
  const text = await page.locator('#log-title').innerText();
  const m = text.match(/\((\d+)\)/);
  expect(m, `count in "${text}"`).not.toBeNull();
  return Number(m[1]);
}

const clock = (page) => page.getByTestId('obs-clock');
const prompt = (page) => page.getByTestId('obs-prompt');
const events = (page) => page.getByTestId('obs-events').locator('li.obs-event');


/** Moves the keyboard focus out of any field, so that keys go to the coding pad. */
async function leaveFields(page) {
  await page.locator('#log-title').focus();
}

/** The stored observation of this browser (from the app's database), parsed. */
async function storedObservation(page) {
  return (await storedFieldwork(page)).observations[0] ?? null;
}

// ------------------------------------------------------------- the story --

const NOTE = 'Le candidat reformule — avant de proposer 🤝 ; l’idée est retenue.';

test('a mediator imports her kit, codes a session by keyboard across a reload, rates, submits and exports', async ({ page, browser }, testInfo) => {
  test.setTimeout(90_000);
  const dir = testInfo.outputPath('files');
  fs.mkdirSync(dir, { recursive: true });

  // --- The recruiter: a campaign with Amina as mediator, and her kit.
  await open(page);
  await createCampaign(page);
  await expect(page.getByRole('heading', { name: 'Mediators and observations' })).toBeVisible();
  const kitFile = await downloadFrom(page, kitButton(page, MEDIATOR), dir);
  expect(path.basename(kitFile)).toMatch(/\.json$/);
  const kitText = fs.readFileSync(kitFile, 'utf8');
  const kitDoc = JSON.parse(kitText);
  expect(kitDoc.format).toBe('rally');
  expect(kitDoc.kits).toHaveLength(1);
  expect(kitText).toContain(MEDIATOR);
  expect(kitText, 'a kit holds no e-mail address').not.toMatch(EMAIL_RE);

  // --- The mediator, in her own browser.
  const amina = await mediatorBrowser(browser);
  const m = amina.page;
  const t0 = Date.now();
  await m.clock.setFixedTime(t0);
  /** Her clock, `s` seconds of session time after she starts the session clock. */
  const at = (s) => m.clock.setFixedTime(t0 + 60_000 + s * 1_000);
  await m.goto('/#/observe');
  await waitForApp(m);
  await expect(m.getByRole('heading', { level: 1 })).toHaveText('Your observation kits');
  await expect(m.getByTestId('obs-empty')).toBeVisible();
  await importOnKits(m, kitFile);
  await expect(statusRegion(m)).toContainText('1 mediator kit(s) added');
  const kit = m.getByTestId('obs-kit');
  await expect(kit).toHaveCount(1);
  await expect(kit.getByRole('heading', { level: 2 })).toHaveText(CAMPAIGN);
  await expect(kit).toContainText(`${LEADER} (CEO)`);
  await expect(kit).toContainText(MEDIATOR);
  const sessions = kit.getByTestId('obs-session');
  await expect(sessions).toHaveCount(3);
  await expect(sessions.locator('.obs-session-name')).toHaveText(['Session 1', 'Session 2', 'Session 3']);
  await expect(sessions.first()).toContainText(TOPIC);
  await expect(sessions.locator('.badge')).toHaveText(['Not started', 'Not started', 'Not started']);
  // Importing the same kit again creates no duplicate.
  await importOnKits(m, kitFile);
  await expect(statusRegion(m)).toHaveText(/Import finished: the file held nothing new\./);
  await expect(m.getByTestId('obs-kit')).toHaveCount(1);

  await sessions.first().getByRole('button', { name: 'Observe this session: Session 1' }).click();
  await expect(m).toHaveURL(/#\/observe\/[0-9a-f-]{36}\/[0-9a-f-]{36}\/[0-9a-f-]{36}$/);
  const codingUrl = m.url();
  await expect(m.getByRole('heading', { level: 1 })).toContainText(`Session 1 — ${TOPIC}`);
  await expect(m.locator('#log-title')).toHaveText('Events (0)');
  await expect(prompt(m)).toContainText('Start the clock to code live');
  await expect(clock(m)).toHaveText('00:00');

  // --- Start the clock and code by keyboard.
  const clockButton = m.getByTestId('obs-clock-button');
  await expect(clockButton).toHaveText('Start the clock');
  await at(0);
  await clockButton.click();
  await expect(clockButton).toHaveText('Pause');
  await expect(m.locator('.obs-clock-state')).toHaveText('running');
  await expect(prompt(m)).toContainText('Press c (CEO) or v (Candidate)');

  await at(2);
  await m.keyboard.press('c');
  await expect(prompt(m)).toContainText('CEO: choose a code');
  await expect(m.getByTestId('obs-actor-c')).toHaveAttribute('aria-pressed', 'true');
  await m.keyboard.press('i');
  await expect(prompt(m)).toContainText('Last coded: 00:02');
  await expect(prompt(m)).toContainText('CEO · Gives information');
  await expect(m.getByTestId('obs-actor-c')).toHaveAttribute('aria-pressed', 'false');
  await expect(events(m)).toHaveCount(1);
  await expect(events(m).first()).toContainText('CEO');
  await expect(events(m).first()).toContainText('Gives information');

  // A code that needs an actor, pressed alone, is not logged: the pad asks who acts.
  await m.keyboard.press('u');
  await expect(prompt(m)).toHaveText('Interrupts: choose who acts first — c (CEO) or v (Candidate).');
  await expect(m.locator('#log-title')).toHaveText('Events (1)');
  // Escape clears the hint; an actor then the code logs it.
  await m.keyboard.press('Escape');
  await expect(prompt(m)).not.toContainText('choose who acts first');

  await at(5);
  await keys(m, 'v q  c o  v b  v r f  c a  v u  c i  v i');
  await expect(m.locator('#log-title')).toHaveText('Events (9)');
  await expect(events(m).first()).toContainText('Candidate');
  await expect(events(m).first()).toContainText('Gives information');
  // The modifier key after "reformulates" qualified that event instead of starting another.
  await expect(m.getByTestId('obs-events')).toContainText('Reformulates (Faithful)');
  await expect(m.getByTestId('obs-events')).toContainText('Interrupts');
  // The counts on the code buttons follow.
  await expect(m.getByTestId('obs-code-i').locator('.obs-code-counts')).toHaveText('c 2 · v 1');
  await expect(m.getByTestId('obs-code-q').locator('.obs-code-counts')).toHaveText('c 0 · v 1');
  await expect(m.getByTestId('obs-code-u').locator('.obs-code-counts')).toHaveText('c 0 · v 1');

  // A silence: m starts it at 00:10, m ends it at 00:13 (one event, with its length).
  await at(10);
  await m.keyboard.press('m');
  await expect(m.getByTestId('obs-code-m')).toHaveAttribute('aria-pressed', 'true');
  await expect(events(m).first()).toContainText('Silence — ongoing');
  await at(13);
  await m.keyboard.press('m');
  await expect(m.getByTestId('obs-code-m')).toHaveAttribute('aria-pressed', 'false');
  await expect(events(m).first()).toContainText('Silence — lasted 00:03');
  await m.keyboard.press('j');
  await expect(events(m).first()).toContainText('Moment to note');
  await expect(m.locator('#log-title')).toHaveText('Events (11)');

  // A note: the keys typed in the field are text, not codes. (Its accents, its dash outside
  // Latin-1 and its character outside the BMP come back whole after the reload: the events
  // reach the module as UTF-8 bytes, src/platform/idb.js.)
  await m.getByTestId('obs-note-text').fill(NOTE);
  await m.getByTestId('obs-note-text').press('Enter');
  await expect(m.locator('#notes-title')).toHaveText('Notes (1)');
  await expect(m.locator('.obs-note-text')).toHaveText([NOTE]);
  await expect(m.locator('#log-title')).toHaveText('Events (11)');
  await leaveFields(m);
  await keys(m, 'c q');
  await expect(m.locator('#log-title')).toHaveText('Events (12)');

  // --- Reload in the middle: the events, the note and the running clock are still there.
  await expect.poll(async () => (await storedObservation(m))?.events?.length, { message: 'events on disk' })
    .toBe(12);
  await at(20);
  await expect(clock(m)).toHaveText('00:20');
  await m.reload();
  await waitForApp(m);
  expect(m.url()).toBe(codingUrl);
  await expect(m.locator('#log-title')).toHaveText('Events (12)');
  await expect(events(m).first()).toContainText('CEO');
  await expect(events(m).first()).toContainText('Asks for information');
  await expect(m.locator('#notes-title')).toHaveText('Notes (1)');
  await expect(m.locator('.obs-note-text')).toHaveText([NOTE]);
  await expect(m.locator('.obs-clock-state')).toHaveText('running');
  await expect(m.getByTestId('obs-clock-button')).toHaveText('Pause');
  await expect(clock(m)).toHaveText('00:20');
  // …and it keeps running: five seconds later, the screen says so without any key pressed.
  await at(25);
  await expect(clock(m)).toHaveText('00:25');

  // --- An event coded just before closing the page is not lost: saving waits for a pause
  // in the coding, but leaving the page writes at once.
  await m.locator('body').click({ position: { x: 5, y: 5 } });
  await keys(m, 'c q');
  await expect(m.locator('#log-title')).toHaveText('Events (13)');
  await m.reload();
  await waitForApp(m);
  await expect(m.locator('#log-title')).toHaveText('Events (13)');
  await m.keyboard.press('Control+z');
  await expect(m.locator('#log-title')).toHaveText('Events (12)');

  // --- A few more, then undo the last one with Ctrl+Z.
  await m.locator('body').click({ position: { x: 5, y: 5 } });
  await keys(m, 'v a  c b  v o  c e  v i  c s  v d  c r');
  await expect(m.locator('#log-title')).toHaveText('Events (20)');
  // "c r" left the pad waiting for an optional detail of the reformulation.
  await expect(prompt(m)).toContainText('add a detail?');
  await m.keyboard.press('Escape');
  await expect(events(m).first()).toContainText('Reformulates');
  await m.keyboard.press('Control+z');
  await expect(m.locator('#log-title')).toHaveText('Events (19)');
  await expect(prompt(m)).toContainText('Removed:');
  await expect(prompt(m)).toContainText('CEO · Reformulates');
  await expect(events(m).first()).toContainText('Candidate');
  await expect(events(m).first()).toContainText('Gives direction');
  await expect(m.getByTestId('obs-code-r').locator('.obs-code-counts')).toHaveText('c 0 · v 1');
  await expect.poll(async () => (await storedObservation(m))?.events?.length, { message: 'undo on disk' })
    .toBe(19);
  // Backspace while an actor is pending only cancels that; "Put it back" restores the event
  // removed; Backspace with nothing pending removes the last event again.
  await m.keyboard.press('c');
  await expect(prompt(m)).toContainText('CEO: choose a code');
  await m.keyboard.press('Backspace');
  await expect(prompt(m)).not.toContainText('choose a code');
  await expect(m.locator('#log-title')).toHaveText('Events (19)');
  await prompt(m).getByRole('button', { name: 'Put it back' }).click();
  await expect(m.locator('#log-title')).toHaveText('Events (20)');
  await expect(events(m).first()).toContainText('Reformulates');
  await m.keyboard.press('Backspace');
  await expect(m.locator('#log-title')).toHaveText('Events (19)');
  await expect(events(m).first()).toContainText('Gives direction');
  await expect(m.getByTestId('obs-undo')).toBeEnabled();

  // --- The rating grid.
  await m.getByRole('link', { name: 'Rate the session →' }).click();
  await expect(m).toHaveURL(/\/rate$/);
  await expect(m.getByRole('heading', { level: 1 })).toContainText('Rating grid');
  await expect(m.getByTestId('obs-blind-note')).toContainText('You only see your own observation here');
  const dims = m.getByTestId('obs-dimension');
  await expect(dims).toHaveCount(6);
  await expect(m.getByTestId('obs-progress')).toHaveText('0 of 6 dimensions rated');
  // Each dimension: focus its radio group, Space picks level 1, arrow keys move the choice.
  const levels = [4, 3, 2, 5, 4, 3];
  for (let i = 0; i < 6; i++) {
    const radios = dims.nth(i).getByRole('radio');
    await expect(radios).toHaveCount(5);
    await radios.first().focus();
    await m.keyboard.press('Space');
    await expect(radios.first()).toBeChecked();
    for (let k = 1; k < levels[i]; k++) await m.keyboard.press('ArrowRight');
    await expect(radios.nth(levels[i] - 1)).toBeChecked();
    await expect(radios.nth(levels[i] - 1)).toBeFocused();
    await expect(m.getByTestId('obs-progress')).toHaveText(`${i + 1} of 6 dimensions rated`);
  }
  // The radio labels are the anchors' texts, with their level.
  await expect(dims.first().getByRole('radio', { name: /level 4 of 5/ })).toBeChecked();

  // Evidence: link the faithful reformulation to the first dimension.
  const first = dims.first();
  await first.locator('summary', { hasText: 'Choose coded events' }).click();
  await first.getByRole('checkbox', { name: /Reformulates \(Faithful\)/ }).check();
  await expect(first.locator('.obs-evidence-title')).toHaveText('Evidence from your coding (1 linked)');
  await expect(first.locator('.obs-chip')).toContainText('Candidate · Reformulates (Faithful)');

  await m.getByTestId('obs-synthesis').fill('Échange équilibré ; le candidat reformule et construit sur les idées du dirigeant.');
  await m.getByTestId('obs-synthesis').press('Tab');
  await expect.poll(async () => (await storedObservation(m))?.synthesis ?? '', { message: 'synthesis on disk' })
    .toContain('Échange équilibré');

  // --- Submit, confirm: the observation is locked.
  await m.getByTestId('obs-submit').click();
  await expect(m.getByTestId('obs-submit-confirm')).toBeFocused();
  await expect(m.getByText('Submit now? Nothing can be changed afterwards.')).toBeVisible();
  await m.getByTestId('obs-submit-confirm').click();
  await expect(m.getByTestId('obs-read-only')).toContainText('Observation submitted on');
  await expect(m.getByTestId('obs-dimension')).toHaveCount(0);
  await expect(m.getByRole('radio')).toHaveCount(0);
  await expect(m.locator('.obs-chosen')).toHaveCount(6);
  await expect(m.getByTestId('obs-synthesis')).toHaveCount(0);
  await expect(m.locator('.obs-synthesis')).toContainText('Échange équilibré');
  await expect.poll(async () => (await storedObservation(m))?.status, { message: 'submission on disk' })
    .toBe('submitted');

  await m.reload();
  await waitForApp(m);
  await expect(m.getByTestId('obs-read-only')).toContainText('Observation submitted on');
  await expect(m.getByTestId('obs-submit')).toHaveCount(0);
  // The coding screen is read-only too: no pad, no undo, keys do nothing.
  await m.getByRole('link', { name: '← Back to coding' }).click();
  await expect(m.getByTestId('obs-read-only')).toBeVisible();
  await expect(m.getByTestId('obs-clock-button')).toHaveCount(0);
  await expect(m.getByTestId('obs-undo')).toHaveCount(0);
  await expect(m.locator('#log-title')).toHaveText('Events (19)');
  await keys(m, 'c i');
  await expect(m.locator('#log-title')).toHaveText('Events (19)');
  await go(m, '#/observe');
  await expect(m.getByTestId('obs-session').first().locator('.badge')).toHaveText('Submitted');

  // --- Export: a Rally file with the one submitted observation and no e-mail address.
  const obsFile = await downloadFrom(m, m.getByRole('button', { name: 'Export the observation: Session 1' }), dir);
  const text = fs.readFileSync(obsFile, 'utf8');
  const doc = JSON.parse(text);
  expect(doc.format).toBe('rally');
  expect(doc.observations).toHaveLength(1);
  const o = doc.observations[0];
  expect(o.status).toBe('submitted');
  expect(o.events).toHaveLength(19);
  expect(o.notes).toHaveLength(1);
  // Ratings are stored by dimension id.
  expect(Object.fromEntries(o.ratings.map((r) => [r.dimension, r.level]))).toEqual({
    listening_reformulation: 4, co_construction: 3, handling_disagreement: 2,
    stakes_why: 5, role_respect: 4, energy_pace: 3,
  });
  expect(o.ratings.find((r) => r.dimension === 'listening_reformulation').evidence).toHaveLength(1);
  expect(o.synthesis).toContain('Échange équilibré');
  expect(text, 'an observation file holds no e-mail address').not.toMatch(EMAIL_RE);
  expect(text).not.toContain(MEDIATOR_EMAIL);
  expect(text).not.toContain(CANDIDATE_EMAIL);

  expect(amina.errors, 'errors in the mediator\'s browser').toEqual([]);
  await amina.context.close();
});

// ------------------------------------------------ axe and screenshots --

test.describe('mediator screens: axe and screenshots', () => {
  test.use({ viewport: { width: 1280, height: 800 } });


  async function setLang(page, lang) {
    await page.getByRole('button', { name: lang === 'fr' ? 'Français' : 'English' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
  }

  test('kits (empty and with a kit), coding with a pending actor, rating grid, submitted view', async ({ axePage: page }, testInfo) => {
    test.setTimeout(90_000);
    const dir = testInfo.outputPath('files');
    fs.mkdirSync(dir, { recursive: true });

    await open(page, '/#/observe');
    await expect(page.getByTestId('obs-empty')).toBeVisible();
    await axeAndShots(page, 'observe-empty');

    // A kit from a campaign made in this same browser (the recruiter's side is not checked here).
    await createCampaign(page);
    const kitFile = await downloadFrom(page, kitButton(page, MEDIATOR), dir);
    await go(page, '#/observe');
    await importOnKits(page, kitFile);
    await expect(page.getByTestId('obs-kit')).toHaveCount(1);
    await statusRegion(page).getByRole('button').last().click(); // Dismiss the import notice
    await expect(statusRegion(page)).toHaveText('');
    await axeAndShots(page, 'observe-kits');

    // Coding: a few events, a note, a silence going on, and the CEO chosen, waiting for a code.
    await page.getByTestId('obs-start').first().click();
    await page.getByTestId('obs-clock-button').click();
    await expect(page.getByTestId('obs-clock-button')).toHaveText('Pause');
    await keys(page, 'c i v q c o v b v r f c a');
    await page.getByTestId('obs-note-text').fill('Tension sur le calendrier.');
    await page.getByTestId('obs-note-text').press('Enter');
    await leaveFields(page);
    await keys(page, 'j m c');
    await expect(page.locator('#log-title')).toHaveText('Events (8)');
    await expect(prompt(page)).toContainText('CEO: choose a code');
    await axeAndShots(page, 'observe-coding');
    await setLang(page, 'fr');
    await expect(page.locator('#log-title')).toHaveText('Évènements (8)');
    await expect(prompt(page)).toContainText('Dirigeant');
    await axeAndShots(page, 'observe-coding', { lang: 'fr', narrow: false });
    await setLang(page, 'en');

    // The rating grid, two dimensions rated, the evidence chooser open on the first.
    await page.keyboard.press('Escape');
    await page.getByRole('link', { name: 'Rate the session →' }).click();
    const dims = page.getByTestId('obs-dimension');
    await expect(dims).toHaveCount(6);
    await dims.nth(0).getByRole('radio').nth(3).check();
    await dims.nth(1).getByRole('radio').nth(2).check();
    await expect(page.getByTestId('obs-progress')).toHaveText('2 of 6 dimensions rated');
    await dims.first().locator('summary', { hasText: 'Choose coded events' }).click();
    await expect(dims.first().getByRole('checkbox')).toHaveCount(8);
    await axeAndShots(page, 'observe-rating');

    // Submitted: every dimension rated, confirmed, read-only.
    for (let i = 2; i < 6; i++) await dims.nth(i).getByRole('radio').nth(2).check();
    await expect(page.getByTestId('obs-progress')).toHaveText('6 of 6 dimensions rated');
    await page.getByTestId('obs-synthesis').fill('Synthèse courte.');
    await page.getByTestId('obs-synthesis').press('Tab');
    await page.getByTestId('obs-submit').click();
    await axeAndShots(page, 'observe-rating-confirm', { narrow: false });
    await page.getByTestId('obs-submit-confirm').click();
    await expect(page.getByTestId('obs-read-only')).toBeVisible();
    await axeAndShots(page, 'observe-submitted');
    await page.getByRole('link', { name: '← Back to coding' }).click();
    await expect(page.getByTestId('obs-read-only')).toBeVisible();
    await axeAndShots(page, 'observe-coding-submitted');
  });
});

// ------------------------------------------------------ narrow screens --

/** Words inside `selector` whose letters are split over two lines (a break inside a word). */
function brokenWords(page, selector) {
  return page.evaluate((sel) => {
    const out = [];
    for (const root of document.querySelectorAll(sel)) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent;
        // A word, or each part of a hyphenated word (breaking after a hyphen is fine).
        for (const m of text.matchAll(/[^\s\-‐]+/g)) {
          const range = document.createRange();
          range.setStart(node, m.index);
          range.setEnd(node, m.index + m[0].length);
          const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
          if (tops.size > 1) out.push(m[0]);
        }
      }
    }
    return out;
  }, selector);
}

test('at 390 px, no word of the coding pad is cut in two', async ({ page }, testInfo) => {
  const dir = testInfo.outputPath('files');
  fs.mkdirSync(dir, { recursive: true });
  await open(page);
  await createCampaign(page);
  const kitFile = await downloadFrom(page, kitButton(page, MEDIATOR), dir);
  await go(page, '#/observe');
  await importOnKits(page, kitFile);
  await page.getByTestId('obs-start').first().click();
  await page.getByTestId('obs-clock-button').click();
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByTestId('obs-actor-v')).toBeVisible();
  // The actor buttons' labels, each a single word, and every code's label.
  expect(await brokenWords(page, '.obs-actors, .obs-code-grid, .obs-cat-title')).toEqual([]);
});

test('an imported kit is written at once, not after the coding pause: time stood still, it is stored', async ({ page, browser }, testInfo) => {
  const dir = testInfo.outputPath('files');
  fs.mkdirSync(dir, { recursive: true });
  await open(page);
  await createCampaign(page);
  const kitFile = await downloadFrom(page, kitButton(page, MEDIATOR), dir);

  const { context, page: m } = await mediatorBrowser(browser);
  await m.clock.install();
  await m.goto('/#/observe');
  await waitForApp(m);
  await expect(m.getByTestId('obs-empty')).toBeVisible();
  // From here no timer of the page fires: a write that waits for the coding pause never comes.
  await m.clock.pauseAt(Date.now() + 1_000);
  await importOnKits(m, kitFile);
  await expect(m.getByTestId('obs-kit')).toHaveCount(1);
  await expect.poll(async () => (await storedFieldwork(m)).kits.length, { message: 'the kit in the database' }).toBe(1);
  await m.clock.resume();
  // And after a reload it is still there.
  await m.reload();
  await waitForApp(m);
  await expect(m.getByTestId('obs-kit')).toHaveCount(1);
  await context.close();
});

/**
 * The recruiter's kit imported in a mediator's browser, session 1 opened in tab A, its clock
 * started and one event coded and stored. Returns the context, tab A, its console errors and
 * the coding screen's address (for a second tab).
 */
async function oneEventInTabA(page, browser, testInfo) {
  const dir = testInfo.outputPath('files');
  fs.mkdirSync(dir, { recursive: true });
  await open(page);
  await createCampaign(page);
  const kitFile = await downloadFrom(page, kitButton(page, MEDIATOR), dir);
  const { context, page: a, errors } = await mediatorBrowser(browser);
  await a.goto('/#/observe');
  await waitForApp(a);
  await importOnKits(a, kitFile);
  await a.getByTestId('obs-session').first().getByRole('button', { name: 'Observe this session: Session 1' }).click();
  const codingUrl = a.url();
  await a.getByTestId('obs-clock-button').click();
  await keys(a, 'c i');
  await expect(a.locator('#log-title')).toHaveText('Events (1)');
  await expect.poll(async () => (await storedObservation(a))?.events.length, { message: 'A\'s first event stored' }).toBe(1);
  return { context, a, errors, codingUrl };
}

/**
 * A second tab of the same browser on the coding screen, showing the one event stored so far.
 * `deaf`: it never hears of the other tab's writes (its `storage` listeners are dropped).
 */
async function secondTab(context, codingUrl, { deaf = false } = {}) {
  const b = await context.newPage();
  if (deaf) {
    await b.addInitScript(() => {
      const add = EventTarget.prototype.addEventListener;
      EventTarget.prototype.addEventListener = function (type, ...rest) {
        if (type === 'storage') return undefined;
        return add.call(this, type, ...rest);
      };
    });
  }
  const errorsB = watchErrors(b);
  await b.goto(codingUrl);
  await waitForApp(b);
  await expect(b.locator('#log-title')).toHaveText('Events (1)');
  return { b, errorsB };
}

/** Tab A, in front, codes three more events; four are stored. */
async function threeMoreInTabA(a) {
  await a.bringToFront();
  await leaveFields(a);
  await keys(a, 'v q  c o  v b');
  await expect(a.locator('#log-title')).toHaveText('Events (4)');
  await expect.poll(async () => (await storedObservation(a))?.events.length).toBe(4);
}

test('two tabs of the mediator\'s page share one store: each follows the other, neither puts back a stale copy', async ({ page, browser }, testInfo) => {
  test.setTimeout(90_000);
  const { context, a, errors, codingUrl } = await oneEventInTabA(page, browser, testInfo);

  // A second tab on the same session: it reads the store as it is now (one event).
  const { b, errorsB } = await secondTab(context, codingUrl);

  // A codes three more: B follows (before the change, B kept its copy of one event).
  await threeMoreInTabA(a);
  // (A hidden tab follows once it is shown again.)
  await b.bringToFront();
  await expect(b.locator('#log-title')).toHaveText('Events (4)');

  // B codes one: written over the four, not over its old copy of one; and A follows in turn.
  await leaveFields(b);
  await keys(b, 'c a');
  await expect(b.locator('#log-title')).toHaveText('Events (5)');
  await expect.poll(async () => (await storedObservation(b))?.events.length, { message: 'nothing lost in the database' }).toBe(5);
  await a.bringToFront();
  await expect(a.locator('#log-title')).toHaveText('Events (5)');
  await a.reload();
  await waitForApp(a);
  await expect(a.locator('#log-title')).toHaveText('Events (5)');
  expect(errors, 'console of tab A').toEqual([]);
  expect(errorsB, 'console of tab B').toEqual([]);
  await context.close();
});

test('a tab that missed another\'s writes codes the same session: its write is refused, joined, and nothing is lost', async ({ page, browser }, testInfo) => {
  test.setTimeout(90_000);
  const { context, a, errors, codingUrl } = await oneEventInTabA(page, browser, testInfo);

  // Tab B never hears of A's writes: only the guarded write can tell it that the database
  // moved on.
  const { b, errorsB } = await secondTab(context, codingUrl, { deaf: true });
  await threeMoreInTabA(a);
  await b.bringToFront();
  // B still shows its old copy, and codes in it.
  await expect(b.locator('#log-title')).toHaveText('Events (1)');
  await leaveFields(b);
  await keys(b, 'c a');
  // Its write is refused, it reads the store, joins its event to A's three, writes again.
  await expect(b.locator('#log-title')).toHaveText('Events (5)');
  await expect.poll(async () => (await storedObservation(b))?.events.length, { message: 'every event in the database' }).toBe(5);
  const stored = await storedObservation(b);
  expect(new Set(stored.events.map((e) => e.id)).size).toBe(5);
  await a.bringToFront();
  await expect(a.locator('#log-title')).toHaveText('Events (5)');
  expect(errors, 'console of tab A').toEqual([]);
  expect(errorsB, 'console of tab B').toEqual([]);
  await context.close();
});
