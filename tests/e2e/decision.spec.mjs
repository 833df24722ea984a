// The hiring decision, end to end, on the sample campaign ("Explore with sample data", one
// click): the compatibility page, candidates side by side (sort, CSV, a chart saved as SVG,
// the choice kept in the address), a decision recorded and still there after a reload, the
// candidate's decision report printed to PDF (its text holds the candidate's name and every
// section title, at least 3 pages, none blank) and the campaign's report; then the sample
// taken out in one click. In English at 1280 px and in French at 390 px, with axe (serious and
// critical) and screenshots at both widths on every screen.
//
// Dates come from a fixed clock (page.clock), so nothing depends on the day the test runs; the
// sample's seed is random, so the test reads names and figures from the page.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect, open, go, waitSaved, axeAndShots, downloadFrom } from './recruiter-lib.mjs';
import { shot, storedFieldwork, SCREENSHOT_DIR } from './helpers.mjs';

const NOW = new Date('2026-12-03T10:00:00Z');
const TODAY = '2026-12-03';

const T = {
  en: {
    lang: 'English',
    compatibility: 'Compatibility',
    compare: 'Compare candidates',
    report: 'Decision report',
    campaignReport: 'Campaign decision report',
    glance: 'At a glance',
    points: 'Points to discuss',
    sessions: 'Session by session',
    converge: 'Do the two debriefs come closer?',
    record: 'Record the decision',
    offer: 'Make an offer',
    another: 'Another session',
    recorded: /Decision recorded/,
    csv: 'Export the comparison (CSV)',
    saveSvg: /^Save the chart \(SVG\)/,
    sortThis: /^Sort by this part/,
    removeSample: 'Remove the sample data',
    createdHere: 'Created in this browser (sample data).',
    sections: ['Summary', 'Sessions', 'Debriefs', 'Ratings and agreement', 'Working-together indices',
      'Self-assessments', 'Profile balance', 'Decision record', 'Method and provenance'],
    title: (name) => `Compatibility — ${name}`,
  },
  fr: {
    lang: 'Français',
    compatibility: 'Compatibilité',
    compare: 'Comparer les candidats',
    report: 'Rapport de décision',
    campaignReport: 'Rapport de décision de la campagne',
    glance: 'En bref',
    points: 'Points à aborder',
    sessions: 'Séance par séance',
    converge: 'Les deux débriefs se rapprochent-ils\u00a0?',
    record: 'Enregistrer la décision',
    offer: 'Faire une offre',
    another: 'Une séance de plus',
    recorded: /Décision enregistrée/,
    csv: 'Exporter la comparaison (CSV)',
    saveSvg: /^Enregistrer le graphique \(SVG\)/,
    sortThis: /^Trier par cet élément/,
    removeSample: 'Retirer les données d\'exemple',
    createdHere: 'Créé dans ce navigateur (données d\'exemple).',
    sections: ['Synthèse', 'Séances', 'Débriefs', 'Notes et accord entre médiateurs', 'Indices de travail à deux',
      'Autoévaluations', 'Équilibre du profil', 'Décision consignée', 'Méthode et provenance'],
    title: (name) => `Compatibilité — ${name}`,
  },
};

const H1 = (page) => page.getByRole('heading', { level: 1 });
const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'rally-decision-'));
/** Text with every run of white space (non-breaking ones included) as one space. */
const flat = (s) => s.replace(/[\s\u00a0\u202f]+/g, ' ');

/** Opens the app on the fixed clock, in `lang`, and adds the sample campaign in one click. */
async function exploreSample(page, t) {
  await page.clock.setFixedTime(NOW);
  await open(page, '/');
  await page.getByRole('button', { name: t.lang }).click();
  await expect(page.getByTestId('empty-state')).toBeVisible();
  await page.getByTestId('explore-sample').click();
  await expect(page).toHaveURL(/#\/campaign\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId('sample-banner')).toBeVisible();
  await expect(page.locator('.campaign-page .badge-sample')).toBeVisible();
  await expect(page.getByTestId('decision-row')).toHaveCount(2);
  await waitSaved(page);
  const campaign = page.url().split('/').pop();
  const names = await page.getByTestId('decision-row').locator('th').allInnerTexts();
  return { campaign, names };
}

/** The PDF's page count and the text of each page (poppler-utils' pdfinfo and pdftotext). */
function readPdf(file) {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const pages = Number(info.match(/^Pages:\s+(\d+)/m)[1]);
  const texts = [];
  for (let n = 1; n <= pages; n++) {
    texts.push(execFileSync('pdftotext', ['-f', String(n), '-l', String(n), '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }));
  }
  return { pages, texts };
}

/**
 * Prints the page to an A4 PDF, as "Save as PDF" does, and checks it. The PDF is kept beside
 * the screenshots (tests/e2e/shots/, ignored by git), for looking at.
 */
async function checkPdf(page, name, titles, extra = []) {
  await page.emulateMedia({ media: 'print' });
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.pdf`);
  await page.pdf({ path: file, preferCSSPageSize: true, printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  const { pages, texts } = readPdf(file);
  expect(pages, 'pages of the decision report').toBeGreaterThanOrEqual(3);
  texts.forEach((text, k) => expect(text.trim().length, `text on page ${k + 1} of ${pages}`).toBeGreaterThan(20));
  const all = flat(texts.join('\n'));
  for (const t of [...titles, ...extra]) expect(all, `the PDF holds "${t}"`).toContain(flat(t));
  // Page numbers from the print stylesheet: "1 / N" on the first page, "N / N" on the last.
  expect(flat(texts[0])).toContain(`1 / ${pages}`);
  expect(flat(texts[pages - 1])).toContain(`${pages} / ${pages}`);
  console.log(`${name}.pdf: ${pages} pages`);
  return { pages, file };
}

for (const [lang, width] of [['en', 1280], ['fr', 390]]) {
  test(`the hiring decision on the sample campaign (${lang}, ${width} px)`, async ({ axePage: page }) => {
    test.setTimeout(240_000);
    const t = T[lang];
    const dir = tmp();
    await page.setViewportSize({ width: 1280, height: 800 });
    const { campaign, names } = await exploreSample(page, t);
    const [first, second] = names;
    await axeAndShots(page, 'decision-campaign', { lang });

    // The compatibility picture of the first candidate.
    await page.getByTestId('decision-row').first().getByRole('link', { name: new RegExp(`^${t.compatibility}`) }).click();
    await expect(H1(page)).toHaveText(t.title(first));
    for (const h of [t.glance, t.points, t.sessions, t.converge]) {
      await expect(page.getByRole('heading', { level: 2, name: h, exact: true })).toBeVisible();
    }
    await expect(page.locator('.cp-glance-row')).toHaveCount(5);
    await expect(page.locator('.cp-table')).toHaveCount(4);
    await expect(page.locator('.cp-chart svg[role=img]')).toHaveCount(1);
    await expect(page.locator('.cp-debrief svg[role=img]').first()).toBeVisible();
    // Missing data reads as sentences, never as a blank cell.
    expect(await page.locator('.cp-table td:not(.cp-trend-cell):not(.cp-wide-empty)').evaluateAll(
      (cells) => cells.filter((c) => c.innerText.trim() === '').length)).toBe(0);
    // Each part's evidence: links to the session analyses of this candidate.
    const evidence = page.locator('.cp-strip a').first();
    await expect(evidence).toHaveAttribute('href', new RegExp(`#/campaign/${campaign}/session/[0-9a-f-]{36}/[0-9a-f-]{36}$`));
    if (width === 390) await page.setViewportSize({ width: 390, height: 844 });
    await axeAndShots(page, 'decision-compatibility', { lang });

    // A decision: refused without a choice and reasons, each error next to its field.
    const form = page.locator('form.dc-form');
    await expect(form.locator('input[type=date]')).toHaveValue(TODAY);
    await form.getByRole('button', { name: t.record }).click();
    await expect(form.getByRole('alert')).toBeVisible();
    await expect(form.locator('.dc-kinds .field-error')).toBeVisible();
    await expect(form.locator('textarea')).toHaveAttribute('aria-invalid', 'true');
    await expect(form.locator('input[type=radio]').first()).toBeFocused();
    await shot(page, `decision-form-errors-${lang}-${width}`);
    await form.getByLabel(t.offer).check();
    const rationale = lang === 'en'
      ? 'Four sessions that kept improving; the debriefs came together. Offer after the reference calls.'
      : 'Quatre séances en progrès constant, des débriefs qui se rejoignent. Offre après les références.';
    await form.locator('textarea').fill(rationale);
    await form.locator('input[type=date]').fill('2026-12-02');
    await form.getByRole('button', { name: t.record }).click();
    await expect(page.getByTestId('status')).toContainText(t.recorded);
    await expect(page.locator('.dc-entry')).toHaveCount(1);
    await expect(page.locator('.dc-entry').first()).toContainText(t.offer);
    await expect(page.locator('.dc-entry .dc-rationale')).toHaveText(rationale);
    await expect(page.locator('.page-head .dc-current')).toContainText(t.offer);
    await waitSaved(page, { contains: rationale.slice(0, 30) });
    await page.reload();
    await expect(H1(page)).toHaveText(t.title(first));
    await expect(page.locator('.dc-entry .dc-rationale')).toHaveText(rationale);
    await expect(page.locator('.dc-entry')).toContainText(lang === 'en' ? '2 December 2026' : '2 décembre 2026');

    // The candidate's decision report, printed to PDF.
    await page.getByRole('link', { name: t.report, exact: true }).click();
    await expect(page.getByTestId('print-report')).toBeVisible();
    await expect(page.locator('.rp-cover')).toContainText(first);
    // The sample's records were made here, not imported: the provenance says so, in one row.
    await expect(page.getByTestId('rp-import-row')).toHaveCount(0);
    await expect(page.getByTestId('rp-import-unknown')).toHaveCount(1);
    await expect(page.getByTestId('rp-import-unknown')).toContainText(t.createdHere);
    await axeAndShots(page, 'decision-report', { lang });
    await checkPdf(page, `decision-report-${lang}`, [first, ...t.sections], [rationale.slice(0, 40)]);

    // Candidates side by side.
    await go(page, `#/campaign/${campaign}`);
    await page.getByRole('link', { name: t.compare }).click();
    await expect(page).toHaveURL(new RegExp(`#/campaign/${campaign}/compare$`));
    await page.getByLabel(first, { exact: true }).check();
    await page.getByLabel(second, { exact: true }).check();
    await expect(page).toHaveURL(new RegExp(`#/campaign/${campaign}/compare/[0-9a-f-]{36}~[0-9a-f-]{36}$`));
    const table = page.locator('table.cmp-table');
    await expect(table.locator('thead th')).toHaveCount(3);
    // Sort by the mediators' first dimension, then the other way round with the row's button.
    const code = await page.locator('#cmp-sort optgroup').first().locator('option').first().getAttribute('value');
    await page.locator('#cmp-sort').selectOption(code);
    const row = table.locator('tr.is-sorted');
    await expect(row.locator('th[scope=row]')).toHaveAttribute('aria-sort', 'ascending');
    await row.getByRole('button', { name: t.sortThis }).click();
    await expect(table.locator('tr.is-sorted th[scope=row]')).toHaveAttribute('aria-sort', 'descending');
    const means = await table.locator('tr.is-sorted td').evaluateAll((cells) => cells.map((c) => {
      const v = c.querySelector('.an-value');
      return v ? Number(v.textContent.replace(',', '.').replace(/[^0-9.]/g, '')) : null;
    }));
    const known = means.filter((m) => m !== null);
    expect(known, `means highest first: ${means}`).toEqual([...known].sort((a, b) => b - a));
    expect(means.indexOf(null) === -1 || means.slice(means.indexOf(null)).every((m) => m === null)).toBe(true);
    // The comparison as CSV: a title line, then one line per candidate and part.
    const parts = await table.locator('tbody tr:not(.cmp-group-head)').count();
    const csvFile = await downloadFrom(page, page.getByRole('button', { name: t.csv }), dir);
    const csv = fs.readFileSync(csvFile, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toMatch(lang === 'en' ? /^campaign_id,candidate_id,candidate,part,part_name,/ : /^id_campagne,id_candidat,candidat,/);
    expect(lines).toHaveLength(1 + 2 * parts);
    expect(csv).toContain(first);
    expect(csv).toContain(second);
    // The chart of the chosen part, saved as an SVG file that stands on its own.
    const svgFile = await downloadFrom(page, page.getByRole('button', { name: t.saveSvg }).first(), dir);
    const svg = fs.readFileSync(svgFile, 'utf8');
    expect(svg.startsWith('<?xml')).toBe(true);
    expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(svg).toContain('<title>');
    // The choice is in the address: a reload keeps it.
    await page.reload();
    await expect(page.getByLabel(first, { exact: true })).toBeChecked();
    await expect(page.getByLabel(second, { exact: true })).toBeChecked();
    await expect(page.locator('table.cmp-table thead th')).toHaveCount(3);
    await axeAndShots(page, 'decision-compare', { lang });

    // The campaign's report: every candidate, each with the decision (or none yet).
    await go(page, `#/campaign/${campaign}/report`);
    await expect(page.locator('.rp-candidate')).toHaveCount(2);
    await expect(page.locator('.rp-cover')).toContainText(second);
    await axeAndShots(page, 'decision-campaign-report', { lang, narrow: false });
    await checkPdf(page, `decision-campaign-report-${lang}`, [first, second, ...t.sections]);
    fs.rmSync(dir, { recursive: true, force: true });
  });
}

test('the sample campaign is marked on the list and removed in one click, fieldwork and all', async ({ axePage: page }) => {
  const t = T.en;
  const { campaign } = await exploreSample(page, t);
  await go(page, '#/');
  await expect(page.getByTestId('campaign-row')).toHaveCount(1);
  await expect(page.getByTestId('campaign-row').locator('.badge-sample')).toBeVisible();
  await expect(page.getByTestId('sample-banner')).toBeVisible();
  await axeAndShots(page, 'decision-home-sample', { lang: 'en' });
  const before = await storedFieldwork(page);
  expect(before.observations.length).toBeGreaterThan(0);
  await go(page, '#/settings');
  await page.getByRole('button', { name: t.removeSample }).click();
  await expect(page.getByTestId('empty-state')).toBeVisible();
  await waitSaved(page, { lacks: campaign });
  await expect.poll(async () => {
    const fw = await storedFieldwork(page);
    return fw.observations.length + fw.kits.length + fw.invitations.length + fw.responses.length;
  }).toBe(0);
  await go(page, '#/settings');
  await expect(page.getByTestId('explore-sample')).toBeVisible();
});

test('"On this page" takes the keyboard to each section of the long campaign page, on a phone too', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const t = T.en;
  await exploreSample(page, t);
  const nav = page.getByRole('navigation', { name: 'On this page' });
  await expect(nav.getByRole('button')).toHaveCount(13);
  // With the keyboard alone: focus the button, Enter, and the focus is on the section's heading,
  // on screen, some screens further down.
  const decision = nav.getByRole('button', { name: 'Compatibility and decision' });
  await decision.focus();
  await page.keyboard.press('Enter');
  const heading = page.locator('#dc-section-title');
  await expect(heading).toBeFocused();
  await expect(heading).toBeInViewport();
  expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(2000);
  // At the top of the window, where the section starts (scroll-margin-top: 2rem).
  const top = await heading.evaluate((h) => h.getBoundingClientRect().top);
  expect(top).toBeGreaterThanOrEqual(0);
  expect(top).toBeLessThan(48);
  // The route is unchanged (the fragment holds it): these are not #id links.
  await expect(page).toHaveURL(/#\/campaign\/[0-9a-f-]{36}$/);
  // Every button has its section on the page.
  for (const label of await nav.getByRole('button').allInnerTexts()) {
    await nav.getByRole('button', { name: label, exact: true }).click();
    await expect(page.locator(':focus')).toBeInViewport();
    expect(await page.evaluate(() => document.activeElement.tagName)).toBe('H2');
  }
  // In French, the same list in French.
  await page.getByRole('button', { name: 'Français' }).click();
  await expect(page.getByRole('navigation', { name: 'Sur cette page' }).getByRole('button', { name: 'Compatibilité et décision' })).toBeVisible();
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot(page, 'campaign-section-nav-fr-390');
});
