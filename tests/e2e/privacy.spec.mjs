// Personal data (GDPR), end to end, on a fixed clock: the recruiter imports the golden
// format-4 file (a campaign with decisions, an observation, invitations, answers and a debrief
// about Jean Dupont), exports Jean's data (JSON and CSV, contents checked), erases him
// everywhere (gone from the screens and from the database, a tombstone in the stored
// workspace), re-imports the file made before the erasure (the notice says he was erased and
// nothing comes back), sets the retention period, fills in the organisation and reads the
// information notice (English and French, printed to PDF) and the processing record; months
// later the campaign is overdue, listed on the home page and in Settings, and erased in one
// action. axe-core (no serious or critical finding) and screenshots at 1280 and 390 px.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  test, expect, open, go, waitSaved, statusRegion, importFile, downloadFrom, axeAndShots,
  FIXTURES, stored,
} from './recruiter-lib.mjs';
import { storedFieldwork, shotFile } from './helpers.mjs';

const V4 = path.join(FIXTURES, 'format-v4.json');
const LYON = '0b6f3c1e-8a5d-4f2b-9c7e-1a2b3c4d5e6f';
const LYON_NAME = 'CSO 5.0 — siège de Lyon';
const JEAN = '00000000-0000-0000-0000-000000000011';
const JAN_10 = new Date('2026-01-10T10:00:00Z');
const AUG_1 = new Date('2026-08-01T10:00:00Z');

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rally-privacy-'));

/** Everything stored about Jean in the Lyon campaign: workspace text and fieldwork records. */
async function jeanOnDisk(page) {
  const ws = await stored(page);
  const lyon = JSON.parse(ws).document.campaigns.find((c) => c.id === LYON);
  const fw = await storedFieldwork(page);
  const about = (x) => JSON.stringify(x).includes(JEAN) || JSON.stringify(x).includes('Jean Dupont');
  return {
    listed: lyon.candidates.some((c) => c.id === JEAN),
    decisions: (lyon.decisions ?? []).filter((d) => d.candidate_id === JEAN).length,
    records: [...fw.responses, ...fw.invitations, ...fw.observations, ...fw.kits]
      .filter((r) => r.campaign_id === LYON && about(r)).length,
    erasures: lyon.erasures ?? [],
  };
}

test.describe.configure({ mode: 'serial' });

test('export, erase everywhere, re-import, retention, notice and overdue data', async ({ axePage: page }) => {
  test.setTimeout(180_000);
  await page.clock.setFixedTime(JAN_10);
  await open(page, '/');
  await importFile(page, V4);
  await expect(statusRegion(page)).toContainText('Import finished');
  await waitSaved(page, { contains: LYON_NAME });

  // ---- The campaign page's card: every person, what is held about them.
  await go(page, `#/campaign/${LYON}`);
  const card = page.getByTestId('privacy-section');
  await expect(card.getByRole('heading', { level: 2 })).toHaveText('Personal data');
  const people = card.getByTestId('privacy-person');
  await expect(people).toHaveCount(4);
  await expect(people.nth(0)).toContainText('Claire Martin');
  await expect(people.nth(0)).toContainText('leader');
  await expect(people.nth(1)).toContainText('Jean Dupont');
  await expect(people.nth(1)).toContainText('4 answers to questionnaires, 1 session debrief, 1 session observation, 3 invitations, 2 decisions, 1 mediator kit');
  await expect(people.nth(3)).toContainText('Amina Benali');
  await expect(card.getByTestId('keep-until')).toHaveText('Campaign running: its data will be kept for 24 months after it ends.');

  // ---- Jean's data, as JSON and CSV.
  const jsonFile = await downloadFrom(page, card.getByRole('button', { name: 'Export their data (JSON): Jean Dupont' }), tmp);
  expect(path.basename(jsonFile)).toBe('rally-data-jean-dupont-2026-01-10.json');
  const data = JSON.parse(fs.readFileSync(jsonFile, 'utf8'));
  expect(data.format).toBe('rally-person-data');
  expect(data.person).toMatchObject({ id: JEAN, kind: 'candidate', name: 'Jean Dupont', email: 'jean.dupont@example.org' });
  expect(data.campaign.name).toBe(LYON_NAME);
  expect(data.decisions.map((d) => d.kind).sort()).toEqual(['another_session', 'offer']);
  expect(data.responses).toHaveLength(5);
  expect(data.responses.filter((r) => r.relation === 'given')).toHaveLength(2);
  expect(data.responses.filter((r) => r.relation === 'about')).toHaveLength(3);
  expect(data.observations).toHaveLength(1);
  expect(data.observations[0].relation).toBe('their_session');
  expect(data.invitations).toHaveLength(3);
  expect(data.kits).toEqual([expect.objectContaining({ relation: 'names' })]);
  // Nobody else's name: other people appear by kind only.
  for (const other of ['Zoé Roux', 'Claire Martin', 'Amina Benali']) {
    expect(JSON.stringify(data)).not.toContain(other);
  }
  const csvFile = await downloadFrom(page, card.getByRole('button', { name: 'Export their data (CSV): Jean Dupont' }), tmp);
  const csv = fs.readFileSync(csvFile, 'utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  const lines = csv.slice(1).split('\r\n');
  expect(lines[0]).toBe('section,record,date,field,value');
  expect(lines).toContain(`person,${JEAN},,name,Jean Dupont`);
  expect(lines.filter((l) => l.startsWith('decision,') && l.includes(',kind,'))).toHaveLength(2);
  expect(lines.filter((l) => l.startsWith('answer,')).length).toBeGreaterThan(40);
  expect(csv).not.toContain('Zoé Roux');

  // The whole campaign, as exported before the erasure.
  const before = await downloadFrom(page, page.getByRole('button', { name: 'Export this campaign' }), tmp);

  // ---- Erase Jean everywhere, behind a confirmation that lists what goes.
  await card.getByRole('button', { name: 'Erase everywhere…: Jean Dupont' }).click();
  const confirm = card.getByTestId('erase-everywhere');
  await expect(confirm.getByRole('heading')).toHaveText('Erase Jean Dupont everywhere?');
  await expect(confirm.getByTestId('erase-list')).toContainText('their name and e-mail address in the campaign');
  await expect(confirm.getByTestId('erase-list')).toContainText('4 answers to questionnaires');
  await expect(confirm.getByTestId('erase-list')).toContainText('1 session debrief');
  await expect(confirm.getByTestId('erase-list')).toContainText('1 session observation');
  await expect(confirm.getByTestId('erase-list')).toContainText('2 decisions');
  await expect(confirm).toContainText('cannot be brought back');
  // Zoé Roux's decision names him: a text about someone else, counted, not changed.
  await expect(confirm.getByTestId('erase-mentions')).toHaveText(
    "Their name also appears in 1 text written about others (a decision's reasons, a session's topic, an observation note…). These texts are not changed: review them.");
  await confirm.scrollIntoViewIfNeeded();
  await axeAndShots(page, 'privacy-erase-confirm');
  await card.screenshot({ path: shotFile('privacy-erase-confirm-card-en-1280') });
  await page.setViewportSize({ width: 390, height: 844 });
  await card.screenshot({ path: shotFile('privacy-erase-confirm-card-en-390') });
  await page.setViewportSize({ width: 1280, height: 800 });
  await confirm.getByTestId('erase-everywhere-yes').click();
  await expect(statusRegion(page)).toContainText('Jean Dupont was erased everywhere in this browser');
  // Gone from the screens: the people, the self-assessment table, the results.
  await expect(people).toHaveCount(3);
  await expect(page.getByTestId('candidate-row')).toHaveCount(1);
  await expect(page.locator('section.sv-section')).not.toContainText('Jean Dupont');
  await expect(card.getByTestId('privacy-erasures')).toHaveText('A candidate erased everywhere on 10 January 2026');
  // The campaign's half can be undone; the rest cannot, and the button says so.
  await expect(page.getByTestId('undo')).toHaveText('Undo the erasure (in the campaign only)');
  // Gone from the database, with a tombstone in the stored workspace.
  await waitSaved(page, { contains: '"erasures":[{"person_id":"00000000-0000-0000-0000-000000000011"' });
  await expect.poll(async () => (await jeanOnDisk(page)).records, { message: 'Jean\'s records on disk' }).toBe(0);
  const after = await jeanOnDisk(page);
  expect(after.listed).toBe(false);
  expect(after.decisions).toBe(0);
  expect(after.erasures).toEqual([{ person_id: JEAN, kind: 'candidate', erased_at: '2026-01-10T10:00:00Z' }]);

  // ---- The file made before the erasure brings nothing back, and the notice says why.
  await go(page, '#/');
  await importFile(page, before);
  await expect(statusRegion(page)).toContainText(
    'Jean Dupont (candidate) was erased on 10 January 2026; their data in this file was not imported.');
  await waitSaved(page);
  expect((await jeanOnDisk(page)).records).toBe(0);
  expect((await jeanOnDisk(page)).listed).toBe(false);
  await go(page, `#/campaign/${LYON}`);
  await expect(page.getByTestId('candidate-row')).toHaveCount(1);
  await expect(people).toHaveCount(3);

  // ---- Retention: closing the campaign starts the clock; six months instead of 24.
  await page.locator('#campaign-status').selectOption({ label: 'Closed' });
  await expect(card.getByTestId('keep-until')).toHaveText('Campaign ended on 10 January 2026: data kept until 10 January 2028.');
  await page.locator('#privacy-retention').fill('6');
  await page.locator('#privacy-retention').press('Tab');
  await expect(card.getByTestId('keep-until')).toHaveText('Campaign ended on 10 January 2026: data kept until 10 July 2026.');
  await waitSaved(page, { contains: '"retention_months":6' });
  expect(await stored(page)).toContain('"closed_on":"2026-01-10"');
  await page.locator('#privacy-retention').fill('0');
  await page.locator('#privacy-retention').press('Tab');
  await expect(card.locator('.privacy-retention .field-error')).toHaveText('The retention period runs from one month to ten years (120 months).');
  await page.locator('#privacy-retention').fill('6');
  await page.locator('#privacy-retention').press('Tab');
  await expect(card.locator('.privacy-retention .field-error')).toHaveCount(0);
  await card.scrollIntoViewIfNeeded();
  await axeAndShots(page, 'privacy-card');
  await card.screenshot({ path: shotFile('privacy-card-only-en-1280') });

  // ---- The organisation, in Settings, then the notice.
  await go(page, '#/settings');
  const org = page.getByTestId('controller-form');
  await org.locator('#controller-organisation').fill('Groupe Lumière SA');
  await org.locator('#controller-organisation').press('Tab');
  await org.locator('#controller-contact').fill('rgpd@lumiere.example');
  await org.locator('#controller-contact').press('Tab');
  await org.locator('#controller-address').fill('12 quai de Saône, 69002 Lyon');
  await org.locator('#controller-address').press('Tab');
  await org.locator('#controller-dpo').fill('dpo@lumiere.example');
  await org.locator('#controller-dpo').press('Tab');
  await expect(org.getByTestId('controller-saved')).toHaveText('Saved in this browser.');
  await expect(page.getByTestId('overdue-none')).toHaveText('No data is kept past its date.');
  await axeAndShots(page, 'privacy-settings');

  await go(page, `#/campaign/${LYON}`);
  await card.getByRole('link', { name: 'Information notice' }).click();
  await expect(page).toHaveURL(new RegExp(`#/campaign/${LYON}/notice$`));
  const notice = page.getByTestId('notice-page');
  await expect(notice.getByRole('heading', { level: 1 })).toHaveText('Information notice — recruitment for the role of Chief Support Officer 5.0');
  await expect(notice.getByRole('heading', { level: 2 })).toHaveText([
    'Who processes your data', 'Why', 'What data, about whom', 'Who has access', 'How long',
    'Your rights', 'Complaint',
  ]);
  await expect(notice).toContainText('Groupe Lumière SA, 12 quai de Saône, 69002 Lyon, is responsible');
  await expect(notice).toContainText('dpo@lumiere.example');
  await expect(notice).toContainText('The campaign ended on 10 January 2026: its data is kept until 10 July 2026, then erased.');
  await expect(notice).toContainText('To use them, write to: rgpd@lumiere.example.');
  await expect(notice).toContainText('www.cnil.fr');
  await expect(notice.getByTestId('notice-missing')).toHaveCount(0);
  for (const right of ['access:', 'rectification:', 'erasure:', 'objection:', 'restriction:', 'portability:']) {
    await expect(notice.locator('li', { hasText: right })).toHaveCount(1);
  }
  await axeAndShots(page, 'privacy-notice');
  // Printed: no navigation, no buttons; the notice itself.
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.main-nav')).toBeHidden();
  await expect(notice.getByRole('button', { name: 'Print' })).toBeHidden();
  await expect(notice.getByRole('heading', { level: 1 })).toBeVisible();
  await page.screenshot({ path: shotFile('privacy-notice-print'), fullPage: true });
  const pdf = await page.pdf({ format: 'A4' });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  await page.emulateMedia({ media: 'screen' });
  // The processing record (art. 30), as a Markdown document.
  const record = fs.readFileSync(await downloadFrom(page, notice.getByRole('button', { name: 'Export the processing record (.md)' }), tmp), 'utf8');
  expect(record.split('\n')[0]).toBe('# Record of processing activities — entry “Recruitment: Chief Support Officer 5.0”');
  for (const h of ['## Controller', '## Purpose', '## Legal basis', '## Categories of data subjects',
    '## Categories of personal data', '## Recipients', '## Transfers outside the European Union',
    '## Retention periods', '## Security measures']) {
    expect(record).toContain(h);
  }
  expect(record).toContain('- Organisation: Groupe Lumière SA');
  // In French, following the page's language.
  await page.getByRole('button', { name: 'Français' }).click();
  await expect(notice.getByRole('heading', { level: 1 })).toHaveText("Notice d'information — recrutement au poste de Chief Support Officer 5.0 (directeur·rice des fonctions support)");
  await expect(notice).toContainText('Vos droits');
  await expect(notice).toContainText('Réclamation');
  await axeAndShots(page, 'privacy-notice', { lang: 'fr' });
  await go(page, `#/campaign/${LYON}`);
  await expect(card.getByRole('heading', { level: 2 })).toHaveText('Données personnelles');
  await card.scrollIntoViewIfNeeded();
  await axeAndShots(page, 'privacy-card', { lang: 'fr' });
  await card.screenshot({ path: shotFile('privacy-card-only-fr-1280') });
  await page.getByRole('button', { name: 'English' }).click();

  // ---- Seven months later, the campaign is past its date: listed, then erased in one action.
  await page.clock.setFixedTime(AUG_1);
  await open(page, '/');
  const overdue = page.getByTestId('overdue-data');
  await expect(overdue.getByRole('heading', { level: 2 })).toHaveText('Data kept past its date');
  await expect(overdue.getByTestId('overdue-list')).toHaveText(`“${LYON_NAME}”: to be kept until 10 July 2026 — 3 person(s), 2 record(s).`);
  await go(page, '#/settings');
  await expect(page.getByTestId('overdue-list')).toContainText(LYON_NAME);
  await go(page, '#/');
  await overdue.getByTestId('overdue-erase').click();
  const sure = overdue.getByTestId('overdue-confirm');
  await expect(sure).toContainText('the emptied campaign is archived');
  await expect(sure.getByTestId('overdue-confirm-list').locator('li')).toHaveText([
    '3 person(s) erased everywhere', '1 decision', '1 mediator kit',
  ]);
  await axeAndShots(page, 'privacy-overdue');
  await overdue.screenshot({ path: shotFile('privacy-overdue-card-en-1280') });
  await sure.getByTestId('overdue-erase-yes').click();
  await expect(statusRegion(page)).toContainText('Overdue data erased: 1 campaign(s) emptied and archived, 3 person(s) erased everywhere (1 decision, 1 mediator kit).');
  await expect(page.getByTestId('overdue-data')).toHaveCount(0);
  await waitSaved(page, { contains: '"leader":{"name":"—","title":""}' });
  const lyon = JSON.parse(await stored(page)).document.campaigns.find((c) => c.id === LYON);
  expect(lyon.status).toBe('archived');
  expect(lyon.candidates).toEqual([]);
  expect(lyon.mediators).toEqual([]);
  expect(lyon.leader.name).toBe('—');
  expect(lyon.erasures.map((e) => e.kind).sort()).toEqual(['candidate', 'candidate', 'leader', 'mediator']);
  await expect.poll(async () => {
    const fw = await storedFieldwork(page);
    return [...fw.responses, ...fw.invitations, ...fw.observations, ...fw.kits].filter((r) => r.campaign_id === LYON).length;
  }, { message: 'the campaign\'s records on disk' }).toBe(0);
  await go(page, '#/settings');
  await expect(page.getByTestId('overdue-none')).toBeVisible();
});
