// Fieldwork with two mediators: the recruiter hands out two kits, two mediators code the same
// session in their own browsers (deterministic sequences that mostly agree), rate, submit and
// export; the recruiter imports both files, sees them on the campaign page, analyses the
// session (indices, Bales profile, timeline, ratings, agreement) and exports the events as CSV.
// Then axe-core and screenshots of the campaign page and the session analysis.
//
// The mediators' browsers run on a fixed fake clock (Playwright's clock.setFixedTime: timers
// still run, but Date.now() only moves when the test moves it). The session time of every
// event, of the note and of the submission is set on purpose (agreement compares the coding in
// 10 s windows; the session lasts exactly SESSION_S), so both observations line up window by
// window and every figure on the analysis page is the same whatever the speed of the machine.
import fs from 'node:fs';
import path from 'node:path';
import {
  test, expect, open, go, waitSaved, statusRegion, watchErrors, importFile, axeAndShots,
  downloadFrom,
} from './recruiter-lib.mjs';
import { waitForApp, ORIGIN } from './helpers.mjs';

const CAMPAIGN = 'Recrutement DSI — Lille';
const LEADER = 'Hélène Garnier';
const CANDIDATE = 'Paul Lefèvre';
const AMINA = 'Amina Benali';
const MARC = 'Marc Dufresne';
const TOPIC = 'Schéma directeur informatique';
const EMAIL_RE = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/;

// One line per 10 s window of session time: the keys each mediator types in it.
// Marc differs from Amina in windows 3 (opinion instead of information: same Bales area),
// 7 (he also logs an interruption) and 10 (disagrees instead of agrees).
const AMINA_WINDOWS = [
  'c i v q', 'c o v a', 'v i c b', 'c q v i', 'v r c a', 'c d v i m',
  'm j v b c o', 'c e v o', 'v q c i', 'c s v i', 'v p c a', 'c i v r', 'v a c h',
];
const MARC_WINDOWS = [
  'c i v q', 'c o v a', 'v i c b', 'c q v o', 'v r c a', 'c d v i m',
  'm j v b c o', 'c e v o v u', 'v q c i', 'c s v i', 'v p c n', 'c i v r', 'v a c h',
];
// The keys of window k are typed at 10k + 1 s of session time; nothing moves the clock after
// the last window, so both mediators submit (which stops the session clock) at 2 min 01 s.
const SESSION_S = (AMINA_WINDOWS.length - 1) * 10 + 1;
// Ratings of the six dimensions, in the grid's order; they differ on the third.
const AMINA_LEVELS = [4, 3, 2, 5, 4, 3];
const MARC_LEVELS = [4, 3, 3, 5, 4, 3];

/** Files handed from the story to the accessibility test (same worker, serial mode). */
const shared = {};

test.describe.configure({ mode: 'serial' });

// ------------------------------------------------------------------ steps --

async function createCampaign(page) {
  await go(page, '#/new');
  await expect(page.locator('#campaign-name')).toBeVisible();
  await page.locator('#campaign-name').fill(CAMPAIGN);
  await page.locator('#campaign-role').selectOption({ index: 1 });
  await page.locator('#leader-name').fill(LEADER);
  await page.locator('#leader-title').fill('CEO');
  await page.getByRole('button', { name: 'Add a candidate' }).click();
  const cand = page.getByTestId('candidate-row').last();
  await cand.locator('input[type=text]').fill(CANDIDATE);
  await cand.locator('input[type=email]').fill('paul.lefevre@example.org');
  for (const [who, email] of [[AMINA, 'amina@example.org'], [MARC, 'marc.dufresne@example.org']]) {
    await page.getByRole('button', { name: 'Add a mediator' }).click();
    const row = page.getByTestId('mediator-row').last();
    await row.locator('input[type=text]').fill(who);
    await row.locator('input[type=email]').fill(email);
  }
  await page.getByTestId('session-row').first().locator('input[id$="-topic"]').fill(TOPIC);
  await page.getByRole('button', { name: 'Create the campaign' }).click();
  await expect(page).toHaveURL(/#\/campaign\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(CAMPAIGN);
  await waitSaved(page, { contains: CAMPAIGN });
  return page.url().split('/').pop();
}


const IMPORT_LABEL = /^(Import a Rally file \(\.json\)|Importer un fichier Rally \(\.json\))$/;

async function keys(page, sequence) {
  for (const k of sequence.split(/\s+/).filter(Boolean)) await page.keyboard.press(k);
}

/** 121 → "02:01", as the coding screen's clock shows it. */
const clockText = (seconds) =>
  `${String(Math.floor(seconds / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;

const countOf = (sequences) => {
  // Every actor key starts an event; m opens then closes one silence; j is one event.
  const all = sequences.join(' ').split(/\s+/);
  return all.filter((k) => k === 'c' || k === 'v').length + all.filter((k) => k === 'm').length / 2
    + all.filter((k) => k === 'j').length;
};

/**
 * One mediator, in a browser of their own on a fake clock: imports the kit, codes session 1
 * window by window, adds a note, rates every dimension, writes a synthesis, submits and exports.
 * Returns the exported file.
 */
async function mediatorSession(browser, { kitFile, name, windows, levels, note, dir }) {
  const context = await browser.newContext({ baseURL: ORIGIN, viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const errors = watchErrors(page);
  // Ten minutes in the past: the whole session ends before the recruiter's "now". Fixed: it
  // only moves when the test says so below.
  const t0 = Date.now() - 10 * 60_000;
  await page.clock.setFixedTime(t0);
  await page.goto('/#/observe');
  await waitForApp(page);
  await page.getByLabel(IMPORT_LABEL).setInputFiles(kitFile);
  await expect(statusRegion(page)).toContainText('1 mediator kit(s) added');
  await expect(page.getByTestId('obs-kit')).toContainText(name);
  await page.getByRole('button', { name: 'Observe this session: Session 1' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(TOPIC);

  const base = t0 + 60_000;
  await page.clock.setFixedTime(base);
  await page.getByTestId('obs-clock-button').click();
  await expect(page.getByTestId('obs-clock-button')).toHaveText('Pause');
  for (const [k, sequence] of windows.entries()) {
    // One second into window k of session time.
    await page.clock.setFixedTime(base + k * 10_000 + 1_000);
    await keys(page, sequence);
  }
  expect(windows).toHaveLength(AMINA_WINDOWS.length);
  const expected = countOf(windows);
  await expect(page.locator('#log-title')).toHaveText(`Events (${expected})`);
  // The note, the ratings and the submission all happen at this same instant of session time.
  await expect(page.getByTestId('obs-clock')).toHaveText(clockText(SESSION_S));
  await page.getByTestId('obs-note-text').fill(note);
  await page.getByTestId('obs-note-text').press('Enter');
  await expect(page.locator('#notes-title')).toHaveText('Notes (1)');

  await page.getByRole('link', { name: 'Rate the session →' }).click();
  const dims = page.getByTestId('obs-dimension');
  await expect(dims).toHaveCount(6);
  for (const [i, level] of levels.entries()) {
    await dims.nth(i).getByRole('radio', { name: new RegExp(`level ${level} of 5$`) }).check();
  }
  await expect(page.getByTestId('obs-progress')).toHaveText('6 of 6 dimensions rated');
  await page.getByTestId('obs-synthesis').fill(`Synthèse de ${name}.`);
  await page.getByTestId('obs-synthesis').press('Tab');
  await page.getByTestId('obs-submit').click();
  await page.getByTestId('obs-submit-confirm').click();
  await expect(page.getByTestId('obs-read-only')).toBeVisible();
  const file = await downloadFrom(page, page.getByTestId('obs-export').last(), dir);
  const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
  expect(doc.observations).toHaveLength(1);
  expect(doc.observations[0].status).toBe('submitted');
  expect(doc.observations[0].events).toHaveLength(expected);
  expect(fs.readFileSync(file, 'utf8')).not.toMatch(EMAIL_RE);
  expect(errors, `errors in ${name}'s browser`).toEqual([]);
  await context.close();
  return { file, events: expected };
}

// ------------------------------------------------------------- the story --

test('two mediators observe the same session; the recruiter imports, compares and exports', async ({ page, browser }, testInfo) => {
  test.setTimeout(120_000);
  const dir = testInfo.outputPath('files');
  fs.mkdirSync(dir, { recursive: true });

  // --- The recruiter prepares a kit for each mediator.
  await open(page);
  const id = await createCampaign(page);
  const card = page.locator('section.an-fieldwork');
  await expect(card.getByRole('heading', { level: 2 })).toHaveText('Mediators and observations');
  await expect(card.locator('.an-kit-name')).toHaveText([AMINA, MARC]);
  await expect(card.getByRole('button', { name: 'Export the events (CSV)' })).toBeDisabled();
  await expect(card.locator('.an-session')).toHaveCount(3);
  await expect(card.locator('.an-session').first()).toContainText('No observation received for this session yet.');
  const aminaKit = await downloadFrom(page, page.getByRole('button', { name: `Download the kit: ${AMINA}` }), dir);
  const marcKit = await downloadFrom(page, page.getByRole('button', { name: `Download the kit: ${MARC}` }), dir);
  const kitA = JSON.parse(fs.readFileSync(aminaKit, 'utf8')).kits[0];
  const kitM = JSON.parse(fs.readFileSync(marcKit, 'utf8')).kits[0];
  expect(kitA.mediator.name).toBe(AMINA);
  expect(kitM.mediator.name).toBe(MARC);
  expect(kitA.mediator.id).not.toBe(kitM.mediator.id);

  // --- Each mediator codes session 1 in their own browser.
  const a = await mediatorSession(browser, {
    kitFile: aminaKit, name: AMINA, windows: AMINA_WINDOWS, levels: AMINA_LEVELS,
    note: 'Le dirigeant coupe court au sujet du budget.', dir,
  });
  const m = await mediatorSession(browser, {
    kitFile: marcKit, name: MARC, windows: MARC_WINDOWS, levels: MARC_LEVELS,
    note: 'Le candidat reformule avant de contredire.', dir,
  });
  expect(a.events).toBeGreaterThanOrEqual(25);
  expect(m.events).toBeGreaterThanOrEqual(25);

  // --- The recruiter imports both files on the campaign page.
  await page.bringToFront();
  const importer = page.locator('#fieldwork-import');
  const first = card.locator('.an-session').first();
  const received = first.locator('table.an-received tbody tr');
  await importer.setInputFiles(a.file);
  await expect(statusRegion(page)).toContainText('1 observation(s) added');
  await expect(received.locator('th')).toHaveText([AMINA, MARC]);
  await expect(received.nth(0).locator('td').nth(0)).toHaveText('Submitted');
  await expect(received.nth(1).locator('td').nth(0)).toHaveText('Nothing received yet');
  await statusRegion(page).getByRole('button').last().click(); // Dismiss
  await expect(statusRegion(page)).toHaveText('');
  await importer.setInputFiles(m.file);
  await expect(statusRegion(page)).toContainText('1 observation(s) added');
  await expect(received.nth(1).locator('td').nth(0)).toHaveText('Submitted');
  // The same file again changes nothing, and says so.
  await importer.setInputFiles(a.file);
  await expect(statusRegion(page)).toContainText('1 observation(s) already up to date');
  await expect(statusRegion(page)).not.toContainText('added');

  await expect(received).toHaveCount(2);
  await expect(received.locator('th')).toHaveText([AMINA, MARC]);
  await expect(received.nth(0).locator('td').nth(0)).toHaveText('Submitted');
  await expect(received.nth(1).locator('td').nth(0)).toHaveText('Submitted');
  await expect(received.nth(0).locator('td').nth(1)).toHaveText(String(a.events));
  await expect(received.nth(1).locator('td').nth(1)).toHaveText(String(m.events));
  await expect(card.locator('.an-session').nth(1)).toContainText('No observation received for this session yet.');
  await expect(card.locator('.an-conflict')).toHaveCount(0);

  // --- The CSV of every coded event: UTF-8 with a BOM, a header row, one row per event and note.
  const csvButton = card.getByRole('button', { name: 'Export the events (CSV)' });
  await expect(csvButton).toBeEnabled();
  const csvFile = await downloadFrom(page, csvButton, dir);
  expect(path.basename(csvFile)).toMatch(/\.csv$/);
  const bytes = fs.readFileSync(csvFile);
  expect([...bytes.subarray(0, 3)], 'UTF-8 byte order mark').toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.toString('utf8').slice(1).split(/\r?\n/).filter((l) => l.length > 0);
  expect(lines[0]).toBe('session,mediator,time,time_ms,actor,code,label,category,modifier,duration_ms,note');
  expect(lines).toHaveLength(1 + a.events + m.events + 2);
  expect(lines.filter((l) => l.includes(AMINA))).toHaveLength(a.events + 1);
  expect(lines.filter((l) => l.includes(MARC))).toHaveLength(m.events + 1);
  expect(bytes.toString('utf8')).toContain('Le dirigeant coupe court au sujet du budget.');

  // --- The analysis of session 1.
  await first.getByRole('link', { name: 'Analyse session 1' }).click();
  // One candidate: the analysis is of their session (the address names them).
  await expect(page).toHaveURL(new RegExp(`#/campaign/${id}/session/[0-9a-f-]{36}/[0-9a-f-]{36}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Analysis of session 1');
  await expect(page.locator('.lede')).toHaveText(TOPIC);
  await expect(page.locator('#an-observation-title')).toHaveText(`Observation by ${AMINA}`);
  const picker = page.getByRole('group', { name: 'Observation shown' });
  await expect(picker.getByRole('button')).toHaveText([AMINA, MARC]);
  await expect(picker.getByRole('button', { name: AMINA })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('section[aria-labelledby="an-observation-title"] .meta'))
    .toContainText(`${a.events} events · 1 note · 2 min`);

  // Share of the floor: Amina's acts (interaction codes only), by person.
  const overview = page.locator('section[aria-labelledby="an-overview-title"]');
  const floor = overview.getByRole('row', { name: /Share of the floor/ });
  await expect(floor.locator('.an-value').nth(0)).toHaveText(/^\d+%$/);
  await expect(floor.locator('.an-value').nth(1)).toHaveText(/^\d+%$/);
  const [ceoShare, candShare] = (await floor.locator('.an-value').allInnerTexts()).map((t) => parseInt(t, 10));
  expect(ceoShare + candShare).toBeGreaterThanOrEqual(99);
  expect(ceoShare + candShare).toBeLessThanOrEqual(101);
  await expect(floor.getByRole('img', { name: /Share of the floor of the leader and the candidate/ })).toBeVisible();

  const profile = page.locator('section[aria-labelledby="an-profile-title"]');
  await expect(profile.getByRole('heading', { level: 2 })).toHaveText('Interaction profile (after Bales)');
  await expect(profile.locator('table.an-profile tbody th')).toHaveText([
    'Positive relationship', 'Contributions', 'Questions', 'Negative relationship',
  ]);
  // Amina logged no negative act: 0% for both.
  await expect(profile.locator('table.an-profile tbody tr').nth(3).locator('.an-value')).toHaveText(['0%', '0%']);

  const timeline = page.getByRole('img', { name: /^Timeline of the session/ });
  await expect(timeline).toBeVisible();
  await expect(timeline.locator('path.an-tl-silence')).toHaveCount(1);
  await expect(timeline.locator('path.an-tl-note')).toHaveCount(1);
  await expect(timeline.locator('path.an-tl-marker')).toHaveCount(1);
  await expect(page.locator('.an-notes')).toContainText('Le dirigeant coupe court au sujet du budget.');

  const ratings = page.locator('section[aria-labelledby="an-ratings-title"]');
  await expect(ratings.locator('.an-level strong')).toHaveText(AMINA_LEVELS.map((l) => `${l} of 5`));
  await expect(ratings.locator('.an-synthesis')).toHaveText(`Synthèse de ${AMINA}.`);

  // Agreement: two submitted observations, ≥ 10 windows of 10 s, so alphas are computed.
  const agreement = page.locator('section[aria-labelledby="an-agreement-title"]');
  await expect(agreement.getByRole('heading', { level: 2 })).toHaveText('Agreement between mediators');
  await expect(agreement).not.toContainText('Agreement is computed once at least two mediators');
  await expect(agreement).toContainText('The session is cut into 10 s windows');
  await expect(agreement).toContainText('13 windows serve as units here');
  await expect(agreement).not.toContainText('Too few units');
  // Worked out by hand from the window scripts above (mode of the act codes in each window,
  // nominal alpha over 13 units): codes 1 − 25·2/570 = 0.912, areas 1 − 25·2/446 = 0.888.
  const actsRow = agreement.getByRole('row', { name: /^Act codes/ });
  await expect(actsRow.locator('.an-value')).toHaveText('0.912');
  await expect(actsRow).toContainText('13 windows');
  await expect(actsRow).toContainText('Solid agreement (0.800 or more)');
  const areasRow = agreement.getByRole('row', { name: /^Bales areas/ });
  await expect(areasRow.locator('.an-value')).toHaveText('0.888');
  // Only Marc saw an interruption, in one window: that alpha is 0 and raises the warning.
  await expect(agreement.getByRole('row', { name: /^Interrupts/ }).first().locator('.an-value')).toHaveText('0.000');
  await expect(agreement.locator('.an-warning')).toContainText('The mediators do not agree enough to rely on this coding.');
  await expect(agreement.locator('.an-warning')).toContainText('Measures concerned: Interrupts');
  await expect(agreement.getByRole('row', { name: /^Builds on the other's idea/ }).locator('.an-value')).toHaveText('1.000');
  await expect(agreement.getByRole('row', { name: /^Grid ratings, as intervals/ }).locator('.an-value'))
    .toHaveText(/^0\.\d{3}$/);
  for (const kappa of ["Cohen's kappa (unweighted)", 'Weighted kappa, linear', 'Weighted kappa, quadratic']) {
    await expect(agreement.getByRole('row', { name: new RegExp(`^${kappa.replace(/[()]/g, '\\$&')}`) })
      .locator('.an-value'), kappa).toHaveText(/^0\.\d{3}$/);
  }
  // The levels table highlights the one dimension they rated differently.
  const levelsTable = agreement.locator('table', { has: page.locator('caption', { hasText: 'Each mediator' }) });
  await expect(levelsTable.locator('thead th')).toHaveText(['Dimension', AMINA, MARC]);
  await expect(levelsTable.locator('tbody tr.an-differs')).toHaveCount(1);
  await expect(levelsTable.locator('tbody tr.an-differs th')).toHaveText('Handling disagreement');
  await expect(levelsTable.locator('tbody tr.an-differs td')).toHaveText(['2 of 5', '3 of 5']);
  // The disputed codes include the ones logged by only one of them.
  const disputed = agreement.locator('table.an-disputed tbody th');
  await expect(disputed).toContainText(['Interrupts']);
  await expect(agreement.locator('table.an-disputed')).toContainText('Disagrees');

  // The selector switches to Marc's observation.
  await picker.getByRole('button', { name: MARC }).click();
  await expect(picker.getByRole('button', { name: MARC })).toHaveAttribute('aria-pressed', 'true');
  await expect(picker.getByRole('button', { name: AMINA })).toHaveAttribute('aria-pressed', 'false');
  await expect(page.locator('#an-observation-title')).toHaveText(`Observation by ${MARC}`);
  await expect(ratings.locator('.an-level strong')).toHaveText(MARC_LEVELS.map((l) => `${l} of 5`));
  await expect(ratings.locator('.an-synthesis')).toHaveText(`Synthèse de ${MARC}.`);
  await expect(page.locator('.an-notes')).toContainText('Le candidat reformule avant de contredire.');
  // Marc logged one "disagrees": the negative area is no longer empty for the leader.
  await expect(profile.locator('table.an-profile tbody tr').nth(3).locator('.an-value').first()).not.toHaveText('0%');
  // Agreement does not depend on whose observation is shown.
  await expect(actsRow.locator('.an-value')).toHaveText('0.912');

  // For the accessibility test: the recruiter's whole workspace, observations included.
  await go(page, '#/settings');
  shared.workspace = await downloadFrom(page, page.getByTestId('export-all'), dir);
  shared.campaignId = id;
  const all = JSON.parse(fs.readFileSync(shared.workspace, 'utf8'));
  expect(all.observations).toHaveLength(2);
  shared.sessionId = all.observations[0].session_id;
});

// ------------------------------------------------ axe and screenshots --

test.describe('recruiter fieldwork screens: axe and screenshots', () => {
  test.use({ viewport: { width: 1280, height: 800 } });


  test('campaign page with the fieldwork card filled, session analysis (EN and FR)', async ({ axePage: page }) => {
    test.skip(!shared.workspace, 'needs the files of the story above');
    await open(page, '/');
    await importFile(page, shared.workspace);
    await expect(statusRegion(page)).toContainText('2 observation(s) added');
    await statusRegion(page).getByRole('button').last().click();
    await expect(statusRegion(page)).toHaveText('');

    await go(page, `#/campaign/${shared.campaignId}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(CAMPAIGN);
    await expect(page.locator('table.an-received tbody tr')).toHaveCount(2);
    await page.locator('section.an-fieldwork').scrollIntoViewIfNeeded();
    await axeAndShots(page, 'campaign-fieldwork');

    await go(page, `#/campaign/${shared.campaignId}/session/${shared.sessionId}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Analysis of session 1');
    await expect(page.getByRole('img', { name: /^Timeline of the session/ })).toBeVisible();
    await axeAndShots(page, 'analysis');

    await page.getByRole('button', { name: 'Français' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Analyse de la séance 1');
    await axeAndShots(page, 'analysis', { lang: 'fr', narrow: false });
    await go(page, `#/campaign/${shared.campaignId}`);
    await expect(page.locator('table.an-received tbody tr')).toHaveCount(2);
    await axeAndShots(page, 'campaign-fieldwork', { lang: 'fr', narrow: false });
  });
});

test('the timeline summary reads correctly in English and French', async ({ page }) => {
  test.skip(!shared.workspace, 'needs the files of the story above');
  await open(page, '/');
  await importFile(page, shared.workspace);
  await expect(statusRegion(page)).toContainText('2 observation(s) added');
  await go(page, `#/campaign/${shared.campaignId}/session/${shared.sessionId}`);
  const summary = page.locator('.an-timeline-wrap + p');
  // Amina's session lasts SESSION_S = 121 s: her clock stood still from the last window to
  // the submission (see mediatorSession).
  expect(SESSION_S).toBe(121);
  await expect(summary).toContainText('A 2 min 01 s session. Leader: 12 acts');
  // Amina: the leader logged 12 acts and 1 meta-communication code (one "builds on").
  // (The text is on screen already: no need to wait the full timeout for it to change.)
  const now = { timeout: 1_000 };
  expect.soft(await summary.innerText()).toContain('Leader: 12 acts, with 1 meta-communication sign.');
  await page.getByRole('button', { name: 'Français' }).click();
  await expect(summary).toContainText('Dirigeant\u00a0: 12\u00a0actes');
  await expect(summary, 'the leader’s acts do not include the signs').not.toContainText('dont', now);
  await expect(summary).toContainText('1 signe de méta-communication.', now);
});
