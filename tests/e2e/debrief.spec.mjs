// Session debriefs and the reading of one candidate's session, end to end, in six browsers:
// the recruiter sets up a campaign with two candidates, two mediators and the session debrief
// planned; both mediators code session 1 with candidate A (their clocks started 3 s apart,
// each marking the same "moment to note"); the leader returns their debrief of that session as
// a file and candidate A as a short code, both with a free-text answer (the leader reloads
// while writing it). The recruiter sees both debriefs returned on the campaign page, imports
// the observations plus a second, diverging version of one of them, analyses session 1 with
// candidate A, chooses the version that counts (and undoes, and chooses again), and lines the
// clocks up by hand and then on the shared marker; the candidate's decision report says when,
// and from which file, each observation and answer it uses was imported, and the campaign page
// lists the import history. Then axe-core and screenshots of the
// campaign page, the analysis page and the respondent's debrief pages, at 1280 and 390 px, in
// English and French.
//
// Every browser runs on a fixed fake clock (Playwright's clock.setFixedTime: timers still run,
// Date.now() only moves when the test moves it), so every date and session time shown is set
// by the test, whatever the speed of the machine.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  test, expect, go, waitSaved, stored, statusRegion, watchErrors, importFile, axeAndShots,
  downloadFrom,
} from './recruiter-lib.mjs';
import { waitForApp, ORIGIN, saveThroughDialog, storedDrafts, shotFile } from './helpers.mjs';

const CAMPAIGN = 'Directeur des partenariats — Rennes';
const LEADER = 'Hélène Garnier';
const CAND_A = 'Paul Lefèvre';
const CAND_B = 'Claire Dubois';
const AMINA = 'Amina Benali';
const MARC = 'Marc Dufresne';
const TOPIC = 'Feuille de route des partenariats';
const ASKED_BY = 'Cabinet Rivière';
const LEADER_TEXT = 'Laisser plus de place aux questions du candidat.';
const CAND_TEXT = 'Conclure la séance par une décision commune.';

// The recruiter's day, the session's, and the day the debriefs come back (all UTC).
const RECRUITER_T = Date.parse('2026-12-01T08:00:00Z');
const SESSION_T = Date.parse('2026-12-02T09:00:00Z');
const DEBRIEF_T = Date.parse('2026-12-03T10:00:00Z');

// One line per 10 s window of session time: the keys each mediator types in it, at 5 s into
// the window on Amina's clock. Both mark the same moment ("j") in window 2. Marc starts his
// clock 3 s after Amina, so his session times are 3 s earlier.
const AMINA_WINDOWS = [
  'c i v q', 'c o v a', 'j v i c b', 'c q v i', 'v r c a', 'c d v i',
  'v a c h', 'c i v r', 'v q c i', 'c s v i', 'v p c a',
];
const MARC_WINDOWS = [
  'c i v q', 'c o v a', 'j v i c b', 'c q v o', 'v r c a', 'c d v i',
  'v a c h', 'c i v r', 'v q c i', 'c s v i', 'v p c n',
];
const MARC_DELAY_S = 3;
const LEVELS = [4, 3, 2, 5, 4, 3];

test.describe.configure({ mode: 'serial' });
const shared = {};
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rally-debrief-'));

// ------------------------------------------------------------------ steps --

async function keys(page, sequence) {
  for (const k of sequence.split(/\s+/).filter(Boolean)) await page.keyboard.press(k);
}

/** Every actor key starts an event; "j" (a moment to note) is one event of its own. */
const countOf = (windows) => {
  const all = windows.join(' ').split(/\s+/);
  return all.filter((k) => k === 'c' || k === 'v' || k === 'j').length;
};

/** A browser of its own, on a fixed clock at `at`. */
async function browserAt(browser, at, { width = 1280, height = 900 } = {}) {
  const context = await browser.newContext({ baseURL: ORIGIN, viewport: { width, height } });
  const page = await context.newPage();
  await page.clock.setFixedTime(at);
  return page;
}

async function createCampaign(page) {
  await go(page, '#/new');
  await expect(page.locator('#campaign-name')).toBeVisible();
  await page.locator('#campaign-name').fill(CAMPAIGN);
  await page.locator('#campaign-role').selectOption({ index: 1 });
  await page.locator('#leader-name').fill(LEADER);
  await page.locator('#leader-title').fill('CEO');
  for (const who of [CAND_A, CAND_B]) {
    await page.getByRole('button', { name: 'Add a candidate' }).click();
    await page.getByTestId('candidate-row').last().locator('input[type=text]').fill(who);
  }
  for (const who of [AMINA, MARC]) {
    await page.getByRole('button', { name: 'Add a mediator' }).click();
    await page.getByTestId('mediator-row').last().locator('input[type=text]').fill(who);
  }
  const first = page.getByTestId('session-row').first();
  await first.locator('input[id$="-topic"]').fill(TOPIC);
  await first.locator('input[id$="-date"]').fill('2026-12-02');
  // The session debrief is planned: the choice on the form does what it says.
  await expect(page.locator('#instrument-SessionDebrief')).toBeChecked();
  await page.getByRole('button', { name: 'Create the campaign' }).click();
  await expect(page).toHaveURL(/#\/campaign\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(CAMPAIGN);
  await waitSaved(page, { contains: CAMPAIGN });
  return page.url().split('/').pop();
}

/** One mediator codes session 1 with candidate A, rates, submits and exports. */
async function mediatorSession(browser, { kitFile, name, windows, delayS }) {
  const page = await browserAt(browser, SESSION_T);
  const errors = watchErrors(page);
  await page.goto('/#/observe');
  await waitForApp(page);
  await page.getByLabel(/^Import a Rally file \(\.json\)$/).setInputFiles(kitFile);
  await expect(page.getByTestId('obs-kit')).toContainText(name);
  // One row per session and candidate: the kit route names the candidate.
  await expect(page.getByTestId('obs-session')).toHaveCount(6);
  await page.getByRole('button', { name: `Observe this session: Session 1 with ${CAND_A}` }).click();
  await expect(page).toHaveURL(/#\/observe\/[0-9a-f-]{36}\/[0-9a-f-]{36}\/[0-9a-f-]{36}$/);
  const base = SESSION_T + 60_000;
  await page.clock.setFixedTime(base + delayS * 1000);
  await page.getByTestId('obs-clock-button').click();
  await expect(page.getByTestId('obs-clock-button')).toHaveText('Pause');
  for (const [k, sequence] of windows.entries()) {
    await page.clock.setFixedTime(base + k * 10_000 + 5_000);
    await keys(page, sequence);
  }
  await expect(page.locator('#log-title')).toHaveText(`Events (${countOf(windows)})`);
  await page.getByRole('link', { name: 'Rate the session →' }).click();
  const dims = page.getByTestId('obs-dimension');
  await expect(dims).toHaveCount(6);
  for (const [i, level] of LEVELS.entries()) {
    await dims.nth(i).getByRole('radio', { name: new RegExp(`level ${level} of 5$`) }).check();
  }
  await page.getByTestId('obs-synthesis').fill(`Synthèse de ${name}.`);
  await page.getByTestId('obs-synthesis').press('Tab');
  await page.getByTestId('obs-submit').click();
  await page.getByTestId('obs-submit-confirm').click();
  await expect(page.getByTestId('obs-read-only')).toBeVisible();
  const file = await downloadFrom(page, page.getByTestId('obs-export').last(), tmp);
  const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
  expect(doc.observations[0].candidate_id).toBeTruthy();
  expect(errors, `errors in ${name}'s browser`).toEqual([]);
  await page.context().close();
  return { file, events: countOf(windows), doc };
}

/** Answers every item of the current page with `pick(k)`; the clock moves 2 s per answer. */
async function answerPage(page, pick, clock) {
  const items = page.getByTestId('rs-item');
  const n = await items.count();
  expect(n).toBe(3);
  for (let k = 0; k < n; k += 1) {
    clock.now += 2_000;
    await page.clock.setFixedTime(clock.now);
    await items.nth(k).getByRole('radio').nth(pick(k) - 1).check();
  }
}

/** The free text the stored draft holds. */
async function storedOpenText(page) {
  return (await storedDrafts(page)).map((d) => d?.open_answers?.[0]?.text ?? '').join('');
}

/**
 * A respondent's debrief, from the consent step to the review: the session is named, six
 * pages of three questions, then the open question. `keyboard` answers the first page with
 * the keys 1–5; `reloadWhileWriting` reloads halfway through the free text.
 */
async function debrief(page, { partner, text, keyboard = false, reloadWhileWriting = false }) {
  const clock = { now: DEBRIEF_T };
  const consent = page.getByTestId('rs-consent-step');
  await expect(consent).toBeVisible();
  await expect(consent.getByTestId('rs-session')).toContainText('Work session 1 — 2 December 2026');
  await expect(consent.getByTestId('rs-session')).toContainText(TOPIC);
  await expect(consent.getByTestId('rs-session')).toContainText(`With ${partner}`);
  await expect(consent.getByTestId('rs-who')).toContainText(`about the work session you held with ${partner}`);
  await page.getByTestId('rs-consent').click();
  for (let p = 0; p < 6; p += 1) {
    await expect(page.getByTestId('rs-page')).toHaveAttribute('data-page', String(p));
    await expect(page.getByTestId('rs-session-line')).toHaveText(
      `Work session 1 — 2 December 2026 · ${TOPIC} · with ${partner}`);
    if (keyboard && p === 0) {
      // Keys 1–5 answer the item with the focus and move on to the next one.
      await page.getByTestId('rs-item').first().getByRole('radio').first().focus();
      for (const key of ['4', '2', '5']) await page.keyboard.press(key);
      await expect(page.locator('#rs-next')).toBeFocused();
      await expect(page.getByTestId('rs-item').nth(2).getByRole('radio').nth(4)).toBeChecked();
    } else {
      await answerPage(page, (k) => [4, 2, 5][k], clock);
    }
    await page.getByTestId('rs-next').click();
  }
  // The open question: optional, with its limit, kept as it is typed.
  const open = page.getByTestId('rs-open');
  await expect(open).toBeVisible();
  await expect(open.getByRole('heading', { level: 1 })).toHaveText('In your own words');
  const area = open.getByTestId('rs-open-text');
  await expect(page.getByTestId('rs-open-count')).toHaveText('0 of 1,000 characters');
  const half = Math.floor(text.length / 2);
  await area.fill(text.slice(0, half));
  await expect(page.getByTestId('rs-open-count')).toHaveText(`${half} of 1,000 characters`);
  if (reloadWhileWriting) {
    await expect.poll(() => storedOpenText(page), { message: 'the free text on disk' }).toBe(text.slice(0, half));
    await page.reload();
    await waitForApp(page);
    await expect(page.getByTestId('rs-open')).toBeVisible();
    await expect(page.getByTestId('rs-open-text')).toHaveValue(text.slice(0, half));
    await expect(page.getByTestId('rs-open-count')).toHaveText(`${half} of 1,000 characters`);
  }
  await page.getByTestId('rs-open-text').fill(text);
  await expect(page.getByTestId('rs-open-count')).toHaveText(`${text.length} of 1,000 characters`);
  await page.getByTestId('rs-next').click();
  const review = page.getByTestId('rs-review');
  await expect(review).toBeVisible();
  await expect(review.getByTestId('rs-review-open')).toContainText(text);
  await expect(review.getByTestId('rs-part')).toHaveCount(6);
  await page.getByTestId('rs-send').click();
  await expect(page.getByTestId('rs-done')).toBeVisible();
}

// ------------------------------------------------------------- the story --

test('debriefs per session and candidate; versions and clocks on the analysis of one candidate', async ({ browser }) => {
  test.setTimeout(300_000);
  const rec = await browserAt(browser, RECRUITER_T);
  const recErrors = watchErrors(rec);
  await rec.goto('/');
  await waitForApp(rec);
  const id = await createCampaign(rec);

  // ---- The debrief card follows the plan: unticked, it says so and offers to plan them.
  const db = rec.locator('section.db-section');
  await expect(db.getByRole('heading', { level: 2 })).toHaveText('Session debriefs');
  await rec.locator('#instrument-SessionDebrief').uncheck();
  await expect(db).toContainText('Session debriefs are not planned in this campaign.');
  await expect(db.getByTestId('debrief-session')).toHaveCount(0);
  await db.getByRole('button', { name: 'Plan the session debriefs' }).click();
  await expect(rec.locator('#instrument-SessionDebrief')).toBeChecked();

  // ---- Three sessions, each with the leader and each candidate.
  await expect(db.getByTestId('debrief-session')).toHaveCount(3);
  const s1 = db.getByTestId('debrief-session').first();
  await expect(s1.getByRole('heading', { level: 3 })).toHaveText(`Session 1 — 2 December 2026 — ${TOPIC}`);
  await expect(s1.getByTestId('debrief-row')).toHaveCount(4);
  await expect(s1.getByTestId('debrief-row').locator('th')).toHaveText([
    `${LEADER} (leader)`, `${CAND_A} (candidate)`, `${LEADER} (leader)`, `${CAND_B} (candidate)`,
  ]);
  await expect(s1).toContainText('0 of 4 debriefs returned');
  await db.locator('#debrief-asked-by').fill(ASKED_BY);
  const leaderRow = s1.getByTestId('debrief-row').nth(0);
  const candRow = s1.getByTestId('debrief-row').nth(1);
  const leaderInvitation = await downloadFrom(rec,
    leaderRow.getByRole('button', { name: `Download the invitation: ${LEADER} — session 1 with ${CAND_A}` }), tmp);
  const inv = JSON.parse(fs.readFileSync(leaderInvitation, 'utf8')).invitations[0];
  expect(inv.kind).toBe('leader');
  expect(inv.subject.name).toBe(CAND_A);
  expect(inv.session).toMatchObject({ number: 1, date: '2026-12-02', topic: TOPIC, leader: LEADER });
  expect(inv.instruments.map((i) => i.id)).toEqual(['session-debrief-leader']);
  await candRow.getByRole('button', { name: `Copy the link: ${CAND_A} — session 1 with ${LEADER}` }).click();
  await saveThroughDialog(rec);
  const link = await candRow.getByTestId('invitation-link').inputValue();
  expect(link).toContain('#/respond/');
  await expect(leaderRow.getByTestId('debrief-state')).toHaveText('Invited · 1 December 2026');
  await expect(candRow.getByTestId('debrief-state')).toHaveText('Invited · 1 December 2026');
  await expect(s1.getByTestId('debrief-row').nth(2).getByTestId('debrief-state')).toHaveText('Not invited yet');
  // A debrief invitation is not an observer form: the self-assessment card does not count it.
  const sv = rec.locator('section.sv-section');
  await expect(sv.locator('tbody tr', { hasText: `${LEADER} (leader)` }).first()).toContainText('Not invited yet');

  // ---- The kits, and both mediators' codings of session 1 with candidate A.
  const fw = rec.locator('section.an-fieldwork');
  const aminaKit = await downloadFrom(rec, fw.getByRole('button', { name: `Download the kit: ${AMINA}` }), tmp);
  const marcKit = await downloadFrom(rec, fw.getByRole('button', { name: `Download the kit: ${MARC}` }), tmp);
  const a = await mediatorSession(browser, { kitFile: aminaKit, name: AMINA, windows: AMINA_WINDOWS, delayS: 0 });
  const m = await mediatorSession(browser, { kitFile: marcKit, name: MARC, windows: MARC_WINDOWS, delayS: MARC_DELAY_S });
  // A second, diverging version of Amina's observation (as if she had sent an edited copy):
  // one event fewer, and "handling disagreement" rated 4 instead of 2.
  const v2 = structuredClone(a.doc);
  const obs2 = v2.observations[0];
  obs2.events.pop();
  obs2.ratings.find((r) => r.level === 2).level = 4;
  obs2.synthesis = `Synthèse revue de ${AMINA}.`;
  const aminaV2 = path.join(tmp, 'amina-v2.json');
  fs.writeFileSync(aminaV2, JSON.stringify(v2));

  // ---- The leader debriefs from the invitation file, reloading while writing.
  const leader = await browserAt(browser, DEBRIEF_T);
  const leaderErrors = watchErrors(leader);
  await leader.goto('/#/respond');
  await waitForApp(leader);
  await leader.getByTestId('rs-file').setInputFiles(leaderInvitation);
  await debrief(leader, { partner: CAND_A, text: LEADER_TEXT, reloadWhileWriting: true });
  const leaderFile = await downloadFrom(leader, leader.getByTestId('rs-download'), tmp);
  const lr = JSON.parse(fs.readFileSync(leaderFile, 'utf8')).responses[0];
  expect(lr.session_id).toBe(inv.session.id);
  expect(lr.subject_id).toBe(inv.subject.id);
  expect(lr.open_answer).toBe(LEADER_TEXT);
  expect(leaderErrors).toEqual([]);
  await leader.context().close();

  // ---- Candidate A debriefs from the link, with the keyboard, and returns a code.
  const cand = await browserAt(browser, DEBRIEF_T, { width: 390, height: 844 });
  const candErrors = watchErrors(cand);
  await cand.goto(link.slice(ORIGIN.length));
  await waitForApp(cand);
  await debrief(cand, { partner: LEADER, text: CAND_TEXT, keyboard: true });
  const code = (await cand.getByTestId('rs-code').inputValue()).trim();
  expect(code).toMatch(/^R2-[A-Za-z0-9_-]+$/);
  expect(candErrors).toEqual([]);
  await cand.context().close();

  // ---- The recruiter takes both debriefs in: one file, one code.
  await rec.bringToFront();
  await db.locator('#debrief-import').setInputFiles(leaderFile);
  await expect(statusRegion(rec)).toContainText('1 completed questionnaire(s) added');
  await db.locator('#debrief-code').fill(code);
  await db.getByRole('button', { name: 'Add these answers' }).click();
  await expect(statusRegion(rec)).toContainText('1 completed questionnaire(s) added');
  await expect(leaderRow.getByTestId('debrief-state')).toHaveText('Debrief returned · 3 December 2026');
  await expect(candRow.getByTestId('debrief-state')).toHaveText('Debrief returned · 3 December 2026');
  await expect(s1).toContainText('2 of 4 debriefs returned');
  await expect(db.getByTestId('debrief-session').nth(1)).toContainText('0 of 4 debriefs returned');
  await waitSaved(rec);

  // ---- The observations: Amina's twice (two versions), Marc's once.
  for (const [file, said] of [
    [a.file, '1 observation(s) added'], [m.file, '1 observation(s) added'],
    [aminaV2, '1 conflicting version(s) kept side by side'],
  ]) {
    await fw.locator('#fieldwork-import').setInputFiles(file);
    await expect(statusRegion(rec)).toContainText(said);
    await statusRegion(rec).getByRole('button').last().click();
    await expect(statusRegion(rec)).toHaveText('');
  }
  const session1 = fw.locator('.an-session').first();
  const blocks = session1.getByTestId('an-candidate-block');
  await expect(blocks).toHaveCount(2);
  await expect(blocks.nth(0).getByRole('heading', { level: 5 })).toHaveText(`With ${CAND_A}`);
  await expect(blocks.nth(0).locator('.an-conflict')).toHaveCount(1);
  // Amina's two versions are shown apart, as a conflict; Marc's observation in the table.
  await expect(blocks.nth(0).locator('table.an-received tbody th')).toHaveText([MARC]);
  await expect(blocks.nth(1)).toContainText('No observation received for this session yet.');

  // The session's address without a candidate offers both candidates.
  const sessionId = a.doc.observations[0].session_id;
  const candA = a.doc.observations[0].candidate_id;
  await go(rec, `#/campaign/${id}/session/${sessionId}`);
  await expect(rec.getByRole('heading', { level: 1 })).toHaveText('Analysis of session 1');
  await expect(rec.locator('.an-candidate')).toHaveCount(2);
  await expect(rec.locator('.an-candidate').first()).toContainText('2 observations received');
  await expect(rec.locator('.an-candidate').nth(1)).toContainText('No observation received');
  await rec.getByRole('link', { name: `Analyse session 1 with ${CAND_A}` }).click();
  await expect(rec).toHaveURL(new RegExp(`#/campaign/${id}/session/${sessionId}/${candA}$`));
  await expect(rec.getByTestId('an-with')).toHaveText(`With ${CAND_A}`);
  await expect(rec.locator('.an-others')).toContainText(CAND_B);

  // ---- Two versions of Amina's observation: none counts until one is chosen.
  const versions = rec.getByTestId('an-versions');
  await expect(versions).toHaveCount(1);
  await expect(versions.getByRole('heading', { level: 2 })).toHaveText(`Which version counts — ${AMINA}`);
  await expect(versions).toContainText('No version counts yet');
  await expect(versions.getByTestId('an-version')).toHaveCount(2);
  const agreement = rec.locator('section[aria-labelledby="an-agreement-title"]');
  await expect(agreement).toContainText('Agreement is computed once at least two mediators');
  const second = versions.getByTestId('an-version').filter({ hasText: `${a.events - 1} events` });
  await second.getByTestId('an-version-choose').click();
  await expect(second).toHaveClass(/is-chosen/);
  await expect(second).toContainText('Counts chosen on 1 December 2026');
  await expect(versions).not.toContainText('No version counts yet');
  // The agreement follows: both mediators now, with Amina's second version (4 of 5).
  await expect(agreement).not.toContainText('Agreement is computed once at least two mediators');
  const levels = agreement.locator('table', { has: rec.locator('caption', { hasText: 'Each mediator' }) });
  await expect(levels.locator('thead th')).toHaveText(['Dimension', AMINA, MARC]);
  await expect(levels.locator('tbody tr', { hasText: 'Handling disagreement' }).locator('td')).toHaveText(['4 of 5', '2 of 5']);
  // Undo brings the choice back, and it can be made again.
  await rec.getByTestId('an-undo').click();
  await expect(versions).toContainText('No version counts yet');
  await expect(agreement).toContainText('Agreement is computed once at least two mediators');
  await second.getByTestId('an-version-choose').click();
  await expect(second).toHaveClass(/is-chosen/);
  await expect(levels.locator('tbody tr', { hasText: 'Handling disagreement' }).locator('td')).toHaveText(['4 of 5', '2 of 5']);

  // ---- The clocks: Marc's against Amina's, by hand then on the shared marker.
  const clocks = agreement.getByTestId('an-clocks');
  await expect(clocks).toContainText(`compared with those of ${AMINA}'s observation`);
  const marc = clocks.getByTestId('an-clock');
  await expect(marc).toHaveCount(1);
  await expect(marc.getByTestId('an-offset')).toHaveText('· 0 s (no offset)');
  await expect(agreement.getByTestId('an-offsets-applied')).toHaveText('No offset applied: times are compared as the mediators recorded them.');
  const field = marc.getByLabel('Seconds to add to its times (negative to take away)');
  await field.fill('deux');
  await marc.getByRole('button', { name: `Apply: ${MARC}` }).click();
  await expect(marc.locator('.field-error')).toHaveText('This is not a number of seconds: type for example 2.5 or -3 (at most three decimals).');
  await expect(field).toBeFocused();
  await field.fill('2.5');
  await marc.getByRole('button', { name: `Apply: ${MARC}` }).click();
  await expect(marc.getByTestId('an-offset')).toHaveText('· +2.5 s (typed by hand)');
  await expect(agreement.getByTestId('an-offsets-applied')).toHaveText(
    `Offsets applied to the times before comparing: ${MARC}: +2.5 s (typed by hand).`);
  await marc.getByTestId('an-align').click();
  await expect(marc.getByTestId('an-proposal')).toContainText(
    `The first shared moment to note is at 0:25 for ${AMINA} and at 0:22 for ${MARC}: moving ${MARC}'s times by +3.0 s puts them together.`);
  await marc.getByTestId('an-accept-offset').click();
  await expect(marc.getByTestId('an-offset')).toHaveText('· +3.0 s (aligned on a shared moment to note)');
  await expect(agreement.getByTestId('an-offsets-applied')).toContainText(`${MARC}: +3.0 s (aligned on a shared moment to note)`);
  await waitSaved(rec, { contains: '"source":"marker"' });
  const saved = JSON.parse(await stored(rec)).document.campaigns[0];
  expect(saved.version_choices).toHaveLength(1);
  expect(saved.version_choices[0].observation_id).toBe(obs2.id);
  expect(saved.clock_offsets).toEqual([expect.objectContaining({ offset_ms: 3000, source: 'marker' })]);

  // ---- The decision report's provenance: when, and from which file, each observation and
  // answer it uses came in (the recruiter's clock: 1 December 2026, 08:00 UTC); the campaign
  // page keeps the import history.
  await go(rec, `#/campaign/${id}`);
  const history = rec.getByTestId('import-history');
  await expect(history.locator('summary')).toHaveText('Import history (5)');
  await history.locator('summary').click();
  await expect(history.locator('tbody tr')).toHaveCount(5);
  await expect(history.locator('tbody tr').first()).toContainText(path.basename(aminaV2));
  await expect(history.locator('tbody tr').nth(3)).toContainText('Answer code pasted');
  await go(rec, `#/campaign/${id}/report/${candA}`);
  const imports = rec.getByTestId('rp-imports');
  await expect(imports).toBeVisible();
  const importRows = imports.getByTestId('rp-import-row');
  await expect(importRows).toHaveCount(4);
  await expect(imports.getByTestId('rp-import-unknown')).toHaveCount(0);
  const importedOn = /1 December 2026, \d\d:\d\d/;
  const row = (text) => importRows.filter({ hasText: text });
  expect(new Set([a.file, m.file, aminaV2, leaderFile].map((f) => path.basename(f))).size).toBe(4);
  await expect(row(path.basename(leaderFile))).toContainText('Debrief answers');
  await expect(row(path.basename(leaderFile))).toContainText(importedOn);
  await expect(row(path.basename(leaderFile))).toContainText(`${LEADER}, Session 1`);
  await expect(row('Answer code pasted')).toContainText('Answer code');
  await expect(row('Answer code pasted')).toContainText(`${CAND_A}, Session 1`);
  await expect(row('Answer code pasted')).toContainText(importedOn);
  // The version of Amina's observation that counts is the second file's.
  await expect(row(path.basename(aminaV2))).toContainText(`Observation — Session 1, ${AMINA}`);
  await expect(row(path.basename(aminaV2))).toContainText('a new version of one already here');
  await expect(row(path.basename(a.file))).toHaveCount(0);
  await expect(row(path.basename(m.file))).toContainText(`Observation — Session 1, ${MARC}`);
  await expect(row(path.basename(m.file))).toContainText(importedOn);
  for (const hash of await imports.locator('.rp-file-hash').allTextContents()) {
    expect(hash).toMatch(/^fnv1a64:[0-9a-f]{16}$/);
  }
  // On paper, a row is never split across two pages.
  await rec.emulateMedia({ media: 'print' });
  expect(await importRows.first().evaluate((r) => getComputedStyle(r).breakInside)).toBe('avoid');
  await rec.emulateMedia({ media: 'screen' });
  const method = rec.locator('section.rp-method');
  await imports.scrollIntoViewIfNeeded();
  await method.screenshot({ path: shotFile('debrief-report-provenance-en-1280'), animations: 'disabled' });
  await rec.getByRole('button', { name: 'Français' }).click();
  await expect(method.getByRole('heading', { name: 'Fichiers importés' })).toBeVisible();
  await expect(row('Code de réponses collé')).toContainText(/1er décembre 2026 à \d\d:\d\d/);
  await expect(row(path.basename(leaderFile))).toContainText('Réponses de débrief');
  await method.screenshot({ path: shotFile('debrief-report-provenance-fr-1280'), animations: 'disabled' });
  await rec.getByRole('button', { name: 'English' }).click();
  await expect(method.getByRole('heading', { name: 'Files imported' })).toBeVisible();

  // For the screens test: the recruiter's whole workspace, and the leader's invitation.
  await go(rec, '#/settings');
  shared.workspace = await downloadFrom(rec, rec.getByTestId('export-all'), tmp);
  shared.leaderInvitation = leaderInvitation;
  shared.campaignId = id;
  shared.route = `#/campaign/${id}/session/${sessionId}/${candA}`;
  expect(recErrors).toEqual([]);
  await rec.context().close();
});

// ------------------------------------------------ axe and screenshots --

test.describe('debrief screens: axe and screenshots', () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test('campaign page (debriefs, fieldwork) and the analysis of one candidate, EN and FR', async ({ axePage: page }) => {
    test.skip(!shared.workspace, 'needs the files of the story above');
    await page.clock.setFixedTime(RECRUITER_T);
    await page.goto('/');
    await waitForApp(page);
    await importFile(page, shared.workspace);
    await expect(statusRegion(page)).toContainText('observation(s) added');
    await statusRegion(page).getByRole('button').last().click();
    await go(page, `#/campaign/${shared.campaignId}`);
    await expect(page.locator('section.db-section')).toContainText('2 of 4 debriefs returned');
    await page.locator('section.db-section').scrollIntoViewIfNeeded();
    await axeAndShots(page, 'debrief-campaign');
    await go(page, shared.route);
    await expect(page.getByTestId('an-versions')).toBeVisible();
    await expect(page.getByTestId('an-clock').getByTestId('an-offset')).toContainText('+3.0 s');
    await page.getByTestId('an-align').click();
    await expect(page.getByTestId('an-proposal')).toBeVisible();
    await axeAndShots(page, 'debrief-analysis');
    await page.getByRole('button', { name: 'Français' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Analyse de la séance 1');
    await expect(page.getByTestId('an-with')).toHaveText(`Avec ${CAND_A}`);
    await expect(page.getByTestId('an-version').filter({ hasText: 'Retenue choisie le 1er décembre 2026' })).toHaveCount(1);
    await axeAndShots(page, 'debrief-analysis', { lang: 'fr' });
    await go(page, `#/campaign/${shared.campaignId}`);
    await expect(page.locator('section.db-section')).toContainText('2 débriefing(s) reçu(s) sur 4');
    await axeAndShots(page, 'debrief-campaign', { lang: 'fr' });
  });

  test('the respondent’s debrief: consent, a page, the open question, the review (EN and FR)', async ({ axePage: page }) => {
    test.skip(!shared.leaderInvitation, 'needs the files of the story above');
    await page.clock.setFixedTime(DEBRIEF_T);
    await page.goto('/#/respond');
    await waitForApp(page);
    await page.getByTestId('rs-file').setInputFiles(shared.leaderInvitation);
    await expect(page.getByTestId('rs-consent-step')).toBeVisible();
    await axeAndShots(page, 'debrief-consent');
    await page.getByTestId('rs-consent').click();
    await expect(page.getByTestId('rs-page')).toBeVisible();
    await axeAndShots(page, 'debrief-page');
    for (let p = 0; p < 6; p += 1) await page.getByTestId('rs-next').click();
    await expect(page.getByTestId('rs-open')).toBeVisible();
    await page.getByTestId('rs-open-text').fill(LEADER_TEXT);
    await axeAndShots(page, 'debrief-open');
    await page.getByTestId('rs-next').click();
    await expect(page.getByTestId('rs-review')).toBeVisible();
    await axeAndShots(page, 'debrief-review');
    await page.getByRole('button', { name: 'Français' }).click();
    await expect(page.getByTestId('rs-review-open')).toContainText('En quelques mots');
    await axeAndShots(page, 'debrief-review', { lang: 'fr' });
    await page.getByTestId('rs-review-open').getByRole('button').click();
    await expect(page.getByTestId('rs-open-count')).toHaveText(`${LEADER_TEXT.length} caractères sur 1\u202f000`);
    await axeAndShots(page, 'debrief-open', { lang: 'fr' });
  });
});
