// Self-assessments end to end, in three browsers: the recruiter sets up a campaign with the
// interpersonal-intelligence questionnaire and invites the candidate (a link) and the CEO (a
// file, observer form about the candidate). The candidate answers in their own browser with a
// reload in the middle, sends, and returns a short code and a file; the CEO answers from the
// invitation file and returns a file. The recruiter takes in the code (the candidate's file is
// then recognised as already received), the CEO's file, and reads the results: scores, quality,
// self-versus-observer gaps, the radar and the map. A browser without the campaign refuses the
// answers with a clear alert. axe-core and screenshots at 1280 and 390 px.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  test, expect, go, waitSaved, statusRegion, alertRegion, watchErrors, createCampaign,
  downloadFrom, saveThroughDialog,
} from './recruiter-lib.mjs';
import { axeCheck, shot, shotFile, waitForApp, ORIGIN, newAxeContext, storedDrafts, storedFieldwork } from './helpers.mjs';

const CAMPAIGN = 'Directeur des partenariats — Bordeaux';
const LEADER = 'Hélène Garnier';
const CANDIDATE = 'Paul Lefèvre';
const MEDIATOR = 'Inès Moreau';
const ASKED_BY = 'Cabinet Rivière';
const ONLY_INTERPERSONAL = [
  'IntelligenceOfParadoxes', 'BusinessPartnerPosture', 'SupportAxisProfile', 'ThreePostures',
];

test.describe.configure({ mode: 'serial' });
const shared = {};
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rally-selfassess-'));


// The respondents answer at a robot's pace: their browsers run on a fixed fake clock
// (Playwright's clock.setFixedTime: timers still run, Date.now() only moves when the test moves
// it) that moves ROBOT_MS per answer. The time recorded for every answer is then exactly
// ROBOT_MS, under the instrument's 1.5 s per item, whatever the speed of the machine: the
// quality check always finds the answers given too fast.
const ROBOT_MS = 300;

/** Puts the page on a fixed clock at the current time; returns `tick`, which moves it ROBOT_MS. */
async function robotClock(page) {
  let now = Date.now();
  await page.clock.setFixedTime(now);
  return async () => {
    now += ROBOT_MS;
    await page.clock.setFixedTime(now);
  };
}

/** Answers every item of the current page with `pick(index)` (1-based scale point). */
async function answerPage(page, pick, tick) {
  const items = page.getByTestId('rs-item');
  const n = await items.count();
  expect(n).toBeGreaterThan(0);
  for (let k = 0; k < n; k += 1) {
    await tick();
    await items.nth(k).getByRole('radio').nth(pick(k) - 1).check();
  }
  return n;
}

/** How many answers the stored drafts of this browser hold. */
async function storedAnswers(page) {
  return (await storedDrafts(page)).reduce((n, d) => n + (d?.answers?.length ?? 0), 0);
}

/**
 * From the consent step to the done step, answering every page; `reloadAfterFirst` reloads.
 * `tick` is robotClock()'s.
 */
async function answerAll(page, pick, tick, { reloadAfterFirst = false } = {}) {
  await expect(page.getByTestId('rs-consent-step')).toBeVisible();
  await page.getByTestId('rs-consent').click();
  let pages = 0;
  let answered = 0;
  for (;;) {
    await expect(page.getByTestId('rs-page')).toBeVisible();
    answered += await answerPage(page, pick, tick);
    pages += 1;
    if (pages === 1 && reloadAfterFirst) {
      const before = await page.getByTestId('rs-page-of').textContent();
      await expect.poll(() => storedAnswers(page), { message: 'answers on disk' }).toBe(answered);
      await page.reload();
      await waitForApp(page);
      // Same page, every answer still there.
      await expect(page.getByTestId('rs-page-of')).toHaveText(before);
      const items = page.getByTestId('rs-item');
      const n = await items.count();
      for (let k = 0; k < n; k += 1) {
        await expect(items.nth(k).getByRole('radio').nth(pick(k) - 1)).toBeChecked();
      }
    }
    await page.getByTestId('rs-next').click();
    if (await page.getByTestId('rs-review').isVisible()) break;
  }
  await expect(page.getByTestId('rs-review')).toBeVisible();
  await page.getByTestId('rs-send').click();
  await expect(page.getByTestId('rs-done')).toBeVisible();
  return { pages, answered };
}

test('the recruiter invites; the candidate and the CEO answer; the recruiter reads the results', async ({ browser }) => {
  test.setTimeout(240_000);
  // ---- The recruiter sets up the campaign and its invitations.
  const rec = await (await browser.newContext({ baseURL: ORIGIN, viewport: { width: 1280, height: 900 } })).newPage();
  const recErrors = watchErrors(rec);
  await rec.goto('/');
  await waitForApp(rec);
  const id = await createCampaign(rec, { name: CAMPAIGN, leader: LEADER, candidate: CANDIDATE, mediator: MEDIATOR });
  for (const instrument of ONLY_INTERPERSONAL) {
    await rec.locator(`#instrument-${instrument}`).uncheck();
  }
  await waitSaved(rec);
  const card = rec.locator('section.sv-section');
  await expect(card.getByRole('heading', { level: 2 })).toHaveText('Self-assessments');
  // Three rows: the candidate, then the CEO and the mediator about the candidate.
  await expect(card.locator('tbody tr')).toHaveCount(3);

  // Inviting without saying who invites is refused, with the reason and the focus on the field.
  await card.locator('#survey-asked-by').fill('');
  await card.getByRole('button', { name: `Copy the link: ${CANDIDATE} (candidate) — themself` }).click();
  await expect(card.locator('#survey-asked-by-error')).toContainText('Say who invites');
  await expect(card.locator('#survey-asked-by')).toBeFocused();
  await card.locator('#survey-asked-by').fill(ASKED_BY);
  await card.getByRole('button', { name: `Copy the link: ${CANDIDATE} (candidate) — themself` }).click();
  await saveThroughDialog(rec);
  const link = await card.getByTestId('invitation-link').inputValue();
  expect(link).toContain('#/respond/');
  expect(link.startsWith(ORIGIN)).toBe(true);
  // The link carries names only, never an e-mail address.
  expect(Buffer.from(link.split('#/respond/')[1], 'base64url').toString('utf8')).not.toMatch(/@/);
  const ceoInvitation = await downloadFrom(rec,
    card.getByRole('button', { name: `Download the invitation: ${LEADER} (leader) — ${CANDIDATE}` }), tmp);
  const inv = JSON.parse(fs.readFileSync(ceoInvitation, 'utf8'));
  expect(inv.format_version).toBe(5);
  expect(inv.invitations).toHaveLength(1);
  expect(inv.invitations[0].kind).toBe('leader');
  expect(inv.invitations[0].instruments.map((i) => i.id)).toEqual(['interpersonal-intelligence-observer']);
  await expect(card.locator('tbody tr').first()).toContainText('Invited');

  // ---- The candidate answers in their own browser, with a reload in the middle.
  const cand = await (await browser.newContext({ baseURL: ORIGIN, viewport: { width: 390, height: 844 } })).newPage();
  const candErrors = watchErrors(cand);
  const candTick = await robotClock(cand);
  await cand.goto(link.slice(ORIGIN.length));
  await waitForApp(cand);
  await expect(cand.getByTestId('rs-consent-step')).toContainText(ASKED_BY);
  // Varied answers (no straight-lining), but given at a robot's pace.
  const candPick = (k) => [4, 5, 3, 4, 2, 5, 4, 3][k % 8];
  const done = await answerAll(cand, candPick, candTick, { reloadAfterFirst: true });
  expect(done.pages).toBe(5);
  expect(done.answered).toBe(40);
  const code = (await cand.getByTestId('rs-code').inputValue()).trim();
  expect(code).toMatch(/^R1-[A-Za-z0-9_-]+$/);
  const candFile = await downloadFrom(cand, cand.getByTestId('rs-download'), tmp);
  const returned = JSON.parse(fs.readFileSync(candFile, 'utf8'));
  expect(returned.responses).toHaveLength(1);
  expect(returned.responses[0].instrument_hash).toMatch(/^fnv1a64:[0-9a-f]{16}$/);
  expect(returned.responses[0].answers.filter((a) => a.value !== null)).toHaveLength(40);
  // Every answer took the robot's time, the first after the reload included.
  expect(returned.responses[0].answers.map((a) => a.ms)).toEqual(Array(40).fill(ROBOT_MS));
  expect(candErrors).toEqual([]);

  // ---- The CEO answers from the invitation file.
  const ceo = await (await browser.newContext({ baseURL: ORIGIN, viewport: { width: 1280, height: 900 } })).newPage();
  const ceoTick = await robotClock(ceo);
  await ceo.goto('/#/respond');
  await waitForApp(ceo);
  await ceo.getByTestId('rs-file').setInputFiles(ceoInvitation);
  // A file holding one invitation opens it at once, on the consent step.
  await expect(ceo.getByTestId('rs-consent-step')).toContainText(CANDIDATE);
  // The CEO sees the candidate lower than the candidate does: blind spots to come.
  await answerAll(ceo, (k) => [2, 3, 2, 1, 2, 3][k % 6], ceoTick);
  const ceoFile = await downloadFrom(ceo, ceo.getByTestId('rs-download'), tmp);

  // ---- The recruiter takes in the answers.
  await card.locator('#survey-code').fill(code);
  await card.getByRole('button', { name: 'Add these answers' }).click();
  await expect(statusRegion(rec)).toContainText('1 completed questionnaire(s) added');
  await card.locator('#survey-import').setInputFiles(candFile);
  await expect(statusRegion(rec)).toContainText('1 questionnaire(s) already received, ignored');
  await card.locator('#survey-import').setInputFiles(ceoFile);
  await expect(statusRegion(rec)).toContainText('1 completed questionnaire(s) added');
  await expect(card.locator('tbody tr').nth(0)).toContainText('Answers received');
  await expect(card.locator('tbody tr').nth(1)).toContainText('Answers received');
  await expect(card.locator('tbody tr').nth(2)).toContainText('Not invited yet');
  // A damaged code is refused with a reason, and nothing changes.
  await card.locator('#survey-code').fill(code.slice(0, -4));
  await card.getByRole('button', { name: 'Add these answers' }).click();
  await expect(card.locator('#survey-code-error')).toContainText('incomplete or was altered');

  // The exports: answers and scores as CSV.
  const answersCsv = fs.readFileSync(await downloadFrom(rec, card.getByRole('button', { name: 'Answers (CSV)' }), tmp), 'utf8');
  expect(answersCsv.charCodeAt(0)).toBe(0xfeff);
  expect(answersCsv.trim().split('\r\n')).toHaveLength(1 + 40 + 30);
  const scoresCsv = fs.readFileSync(await downloadFrom(rec, card.getByRole('button', { name: 'Scores (CSV)' }), tmp), 'utf8');
  expect(scoresCsv).toContain(CANDIDATE);

  // ---- The results.
  await card.getByRole('link', { name: `See the results: ${CANDIDATE}` }).click();
  await expect(rec).toHaveURL(new RegExp(`#/campaign/${id}/results/[0-9a-f-]{36}$`));
  await expect(rec.getByRole('heading', { level: 1 })).toHaveText(`Self-assessment results — ${CANDIDATE}`);
  const section = rec.locator('section.res-construct');
  await expect(section).toHaveCount(1);
  await expect(section.locator('table.res-table tbody tr')).toHaveCount(5);
  await expect(section).toContainText(`${LEADER} (leader)`);
  // A robot answers in 0.3 s: the quality check says so, in words.
  await expect(section.locator('.res-quality-flags')).toContainText('probably given too fast');
  await expect(section.locator('table.res-table tbody')).toContainText('blind spot');
  await expect(section.locator('svg[role="img"]')).toHaveCount(2);
  shared.resultsUrl = rec.url();
  shared.campaignUrl = `${ORIGIN}/#/campaign/${id}`;
  // The recruiter's browser as it stands (localStorage and the app's database), for the tests
  // below, which each open it in a context of their own.
  shared.storage = await rec.context().storageState({ indexedDB: true });
  expect(recErrors).toEqual([]);

  // ---- A browser without this campaign refuses the answers, says why, and changes nothing.
  const other = await (await browser.newContext({ baseURL: ORIGIN })).newPage();
  await other.goto('/');
  await waitForApp(other);
  await other.getByLabel(/^Import a Rally file \(\.json\)$/).setInputFiles(candFile);
  await expect(alertRegion(other)).toContainText('refused: they belong to a campaign that is not in this browser');
  shared.files = { candFile, ceoFile };
});

test('self-assessment screens pass axe and are photographed at 1280 and 390 px', async ({ browser }) => {
  test.skip(!shared.storage, 'needs the story above');
  for (const width of [1280, 390]) {
    const context = await newAxeContext(browser, { viewport: { width, height: 900 }, storageState: shared.storage });
    const page = await context.newPage();
    await page.goto(shared.resultsUrl);
    await waitForApp(page);
    await expect(page.locator('section.res-construct')).toHaveCount(1);
    expect(await axeCheck(page)).toEqual([]);
    await shot(page, `selfassess-results-${width}`);
    await page.goto(shared.campaignUrl);
    await expect(page.locator('section.sv-section')).toBeVisible();
    await page.locator('section.sv-section').scrollIntoViewIfNeeded();
    expect(await axeCheck(page)).toEqual([]);
    await page.locator('section.sv-section').screenshot({ path: shotFile(`selfassess-campaign-card-${width}`) });
    // French too.
    await page.getByRole('button', { name: 'Français' }).click();
    await page.goto(shared.resultsUrl);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Résultats des autoévaluations');
    expect(await axeCheck(page)).toEqual([]);
    await shot(page, `selfassess-results-fr-${width}`);
    await context.close();
  }
});

test('past the keep-until date the card says so, and erasing a person removes their answers', async ({ browser }) => {
  test.skip(!shared.storage, 'needs the story above');
  const context = await newAxeContext(browser, { viewport: { width: 1280, height: 900 }, storageState: shared.storage });
  const page = await context.newPage();
  // A year and a half later: the six months promised to the respondents are long past.
  await page.clock.install({ time: Date.now() + 540 * 24 * 3600 * 1000 });
  await page.goto(shared.campaignUrl);
  await waitForApp(page);
  const overdue = page.getByTestId('survey-overdue');
  await expect(overdue).toContainText(`Answers about ${CANDIDATE} were to be kept until`);
  /** Invitations and responses in the stored fieldwork. */
  const onDisk = async () => {
    const fw = await storedFieldwork(page);
    return fw.invitations.length + fw.responses.length;
  };
  expect(await onDisk()).toBeGreaterThan(0);
  expect(await axeCheck(page)).toEqual([]);
  await page.locator('section.sv-section').screenshot({ path: shotFile('selfassess-overdue-1280') });
  // Erase from the results page, behind a confirmation.
  await page.goto(shared.resultsUrl);
  await expect(page.locator('section.res-construct')).toHaveCount(1);
  await page.getByRole('button', { name: `Erase this data…: ${CANDIDATE}` }).click();
  await expect(page.getByText('Erase this data from this browser for good?')).toBeVisible();
  expect(await axeCheck(page)).toEqual([]);
  await page.getByTestId('erase-yes').click();
  await expect(statusRegion(page)).toContainText(`Self-assessment data about ${CANDIDATE} erased: 2 questionnaire(s)`);
  await expect(page).toHaveURL(/#\/campaign\/[0-9a-f-]{36}$/);
  const card = page.locator('section.sv-section');
  await expect(card.locator('tbody tr').nth(0)).toContainText('Not invited yet');
  await expect(card.locator('tbody tr').nth(1)).toContainText('Not invited yet');
  await expect(card).toContainText(`${CANDIDATE} — no answers received yet`);
  await expect(page.getByTestId('survey-overdue')).toHaveCount(0);
  // And it stays erased after a reload (once saved: no invitation or response left on disk).
  await expect.poll(onDisk, { message: 'erasure on disk' }).toBe(0);
  await page.reload();
  await waitForApp(page);
  await expect(page.locator('section.sv-section')).toContainText(`${CANDIDATE} — no answers received yet`);
  await context.close();
});
