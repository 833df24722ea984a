// The recruiter's everyday flows: create a campaign (keyboard first), find it again after a
// reload, edit and undo, refuse bad files without losing anything, the home list, and the
// role library. Every test starts from an empty browser context (Playwright's default).
import {
  test, expect, open, go, waitSaved, stored, alertRegion, statusRegion, rows, rowNames,
  revision, createCampaign, importFile, importFixture, commitField, hostile, VALID_FILE,
  FIXTURE, CSO_EN, tolerateConsoleError, storedCampaignNames,
} from './recruiter-lib.mjs';

// Chromium's message when a passive listener calls preventDefault() (see the Ctrl+Z test).
const PASSIVE_PREVENT_DEFAULT = /Unable to preventDefault inside passive event listener/;

test.describe('creating a campaign', () => {
  test('with the keyboard: an empty submit explains itself, a full one lands on the campaign', async ({ page }) => {
    await open(page, '/#/new');
    const h1 = page.getByRole('heading', { level: 1 });
    await expect(h1).toHaveText('New campaign');
    const name = page.locator('#campaign-name');

    // Empty submit, from the keyboard.
    const submit = page.getByRole('button', { name: 'Create the campaign' });
    await submit.focus();
    await page.keyboard.press('Enter');
    const summary = page.getByTestId('form-errors');
    await expect(summary).toBeVisible();
    await expect(summary).toHaveAttribute('role', 'alert');
    await expect(summary).toHaveText('The campaign is not created yet: please correct the fields marked below.');
    await expect(name).toBeFocused();
    await expect(name).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator('#campaign-name-error')).toHaveText('Give the campaign a name.');
    await expect(page.locator('#campaign-name')).toHaveAccessibleDescription(/Give the campaign a name\./);
    await expect(page.locator('#campaign-role-error')).toHaveText('Choose a role from the list.');
    await expect(page.locator('#leader-name-error')).toHaveText('Enter the name of the hiring leader.');
    await expect(page).toHaveURL(/#\/new$/);
    expect(await storedCampaignNames(page), 'nothing saved by a refused form').toEqual([]);

    // Fill it in, moving with Tab.
    await page.keyboard.type('CSO 5.0 — Bordeaux');
    await page.keyboard.press('Tab');
    const role = page.getByRole('combobox', { name: /^Role/ });
    await expect(role).toBeFocused();
    await role.selectOption({ label: CSO_EN });
    await page.keyboard.press('Tab');
    await expect(page.locator('#leader-name')).toBeFocused();
    await page.keyboard.type('Claire Martin');
    await page.keyboard.press('Tab');
    await expect(page.locator('#leader-title')).toBeFocused();
    await page.keyboard.type('CEO');
    // The errors clear as the fields are fixed (the form checks on input once tried).
    await expect(page.locator('#campaign-name-error')).toHaveCount(0);
    await expect(page.locator('#leader-name-error')).toHaveCount(0);

    // Next stop after the title: "Add a candidate"; Enter adds a row and focuses its name.
    await page.keyboard.press('Tab');
    const addCandidate = page.getByRole('button', { name: 'Add a candidate' });
    await expect(addCandidate).toBeFocused();
    await page.keyboard.press('Enter');
    const candidateName = page.getByTestId('candidate-row').locator('input[type=text]');
    await expect(candidateName).toBeFocused();
    await page.keyboard.type('Jean Dupont');

    const addMediator = page.getByRole('button', { name: 'Add a mediator' });
    await addMediator.focus();
    await page.keyboard.press('Enter');
    const mediatorName = page.getByTestId('mediator-row').locator('input[type=text]');
    await expect(mediatorName).toBeFocused();
    await page.keyboard.type('Amina Benali');

    await submit.focus();
    await page.keyboard.press('Enter');

    await expect(page).toHaveURL(/#\/campaign\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    await expect(h1).toHaveText('CSO 5.0 — Bordeaux');
    await expect(statusRegion(page)).toContainText('Campaign created and saved.');
    await expect(alertRegion(page)).toHaveText('');
    await expect(page.locator('#role-title')).toHaveText(`Role profile — ${CSO_EN}`);
    const law = page.locator('.axis-table tbody tr').filter({ hasText: 'Law' });
    await expect(law.locator('.level-text')).toHaveText('3 — Autonomous practice');
    await expect(law.locator('.band-text')).toHaveText('2–4');
    await expect(page.locator('#campaign-name')).toHaveValue('CSO 5.0 — Bordeaux');
    await expect(page.locator('#leader-name')).toHaveValue('Claire Martin');
    await expect(page.locator('#leader-title')).toHaveValue('CEO');
    await expect(page.getByTestId('candidate-row')).toHaveCount(1);
    await expect(page.getByTestId('candidate-row').locator('input[type=text]')).toHaveValue('Jean Dupont');
    await expect(page.getByTestId('mediator-row').locator('input[type=text]')).toHaveValue('Amina Benali');
    await expect(page.getByTestId('session-row')).toHaveCount(3);
    await waitSaved(page, { contains: 'CSO 5.0 — Bordeaux' });
    expect(await storedCampaignNames(page)).toEqual(['CSO 5.0 — Bordeaux']);
  });
});

// A name with accents, a dash outside Latin-1 and a character outside the BMP (a surrogate
// pair in JavaScript) comes back exactly.
test('a saved campaign is still there after a reload, with the same data', async ({ page }) => {
  await open(page);
  const id = await createCampaign(page, { name: 'Reload me — Lille 🤝 Œ', leader: 'Marc Petit', title: 'Directeur général' });
  const url = page.url();
  expect(await storedCampaignNames(page)).toEqual(['Reload me — Lille 🤝 Œ']);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Reload me — Lille 🤝 Œ');

  await go(page, '#/');
  await expect(rows(page)).toHaveCount(1);
  await expect(rowNames(page)).toHaveText(['Reload me — Lille 🤝 Œ']);
  await expect(rows(page).first()).toContainText(CSO_EN);
  await expect(rows(page).first()).toContainText('Marc Petit');
  await rows(page).getByRole('link', { name: 'Reload me — Lille 🤝 Œ' }).click();
  await expect(page).toHaveURL(url);
  expect(page.url()).toContain(id);
  await expect(page.locator('#leader-name')).toHaveValue('Marc Petit');
  await expect(page.locator('#leader-title')).toHaveValue('Directeur général');
  await expect(page.getByTestId('candidate-row').locator('input[type=text]')).toHaveValue('Paul Lefèvre');
  await expect(page.getByTestId('mediator-row').locator('input[type=text]')).toHaveValue('Inès Moreau');
  await expect(page.locator('#role-title')).toHaveText(`Role profile — ${CSO_EN}`);
});

test('edit, undo (button and Ctrl+Z), and the undone state survives a reload', async ({ page }) => {
  // Known bug, pinned by the next test: the app's Ctrl+Z listener is passive.
  tolerateConsoleError(page, PASSIVE_PREVENT_DEFAULT);
  await open(page);
  await createCampaign(page, { name: 'Before — Rennes', title: 'CEO' });
  const h1 = page.getByRole('heading', { level: 1 });
  const undo = page.getByTestId('undo');
  const rev0 = await revision(page);

  // Rename: fill, Tab (the field commits on change).
  await commitField(page, '#campaign-name', 'After — Rennes');
  await expect(h1).toHaveText('After — Rennes');
  await waitSaved(page, { contains: 'After — Rennes' });
  expect(await revision(page)).toBeGreaterThan(rev0);
  await expect(undo).toHaveText('Undo the name change');
  await expect(undo).toBeEnabled();

  await undo.click();
  await expect(h1).toHaveText('Before — Rennes');
  await expect(page.locator('#campaign-name')).toHaveValue('Before — Rennes');
  expect(await revision(page)).toBe(rev0);
  await expect(page.getByRole('button', { name: /^Redo/ })).toBeVisible();
  await waitSaved(page, { lacks: 'After — Rennes' });

  // Another edit, undone with Ctrl+Z while the focus is on the page itself.
  await commitField(page, '#leader-title', 'Présidente');
  await expect(undo).toHaveText('Undo the change to the leader');
  await waitSaved(page, { contains: 'Présidente' });
  await page.evaluate(() => document.activeElement?.blur());
  expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
  await page.keyboard.press('Control+z');
  await expect(page.locator('#leader-title')).toHaveValue('CEO');
  // Ctrl+Z inside a text field is the browser's own undo, not the app's.
  await expect(undo).toHaveText('Undo creating the campaign');
  await page.locator('#leader-name').focus();
  await page.keyboard.press('Control+z');
  await expect(page.locator('#leader-title')).toHaveValue('CEO');
  await expect(h1).toHaveText('Before — Rennes');
  await expect(undo).toHaveText('Undo creating the campaign');
  await waitSaved(page, { lacks: 'Présidente' });

  await page.reload();
  await expect(h1).toHaveText('Before — Rennes');
  await expect(page.locator('#campaign-name')).toHaveValue('Before — Rennes');
  await expect(page.locator('#leader-title')).toHaveValue('CEO');
  expect(await revision(page)).toBe(rev0);
  // The undo history is per session: nothing to undo after a reload.
  await expect(undo).toHaveText('Nothing to undo');
  await expect(undo).toBeDisabled();
});

test('Ctrl+Z / Ctrl+Shift+Z outside fields undo and redo, and take over the browser default', async ({ page }) => {
  await open(page);
  await createCampaign(page, { name: 'Shortcut — Metz' });
  await commitField(page, '#campaign-name', 'Shortcut — Nancy');
  await waitSaved(page, { contains: 'Shortcut — Nancy' });
  const h1 = page.getByRole('heading', { level: 1 });
  // Record, after the app's own document listener, whether the default was prevented.
  await page.evaluate(() => {
    window.__keyDefaultPrevented = [];
    window.addEventListener('keydown', (e) => {
      if (e.ctrlKey && e.key !== 'Control' && e.key !== 'Shift') {
        window.__keyDefaultPrevented.push(`${e.shiftKey ? 'Shift+' : ''}${e.key}:${e.defaultPrevented}`);
      }
    });
  });
  await h1.click(); // the focus leaves the fields, as when a recruiter clicks on the page
  await page.keyboard.press('Control+z');
  await expect(h1).toHaveText('Shortcut — Metz');
  const focused = () => page.evaluate(() => `${document.activeElement?.tagName}#${document.activeElement?.id}`);
  expect(await focused(), 'Ctrl+Z must not move the focus into a field').not.toMatch(/^(INPUT|TEXTAREA|SELECT)/);
  await page.keyboard.press('Control+Shift+Z');
  await expect(h1).toHaveText('Shortcut — Nancy');
  expect(await page.evaluate(() => window.__keyDefaultPrevented)).toEqual(['z:true', 'Shift+Z:true']);
  // The `page` fixture's console check also fails on Chromium's passive-listener error.
});

test.describe('import', () => {
  // Each hostile file, and a phrase its error sentence must contain.
  const BAD_FILES = [
    ['truncated.json', 'incomplete'],
    ['future-version.json', 'newer Rally'],
    ['duplicate-campaign-ids.json', 'two campaigns have the same identifier'],
    ['not-utf8.bin', 'not a text file'],
    ['empty.json', 'This file is empty.'],
    ['json-with-comment.json', 'invalid JSON at line 1, column 1'],
    ['other-app-format.json', 'not a Rally export'],
    ['bidi-override-in-name.json', 'invisible control characters'],
    ['deep-nesting.json', 'abnormally nested'],
  ];

  test('a bad file shows a clear error and changes nothing; a good one is merged once', async ({ page }) => {
    await open(page);
    await createCampaign(page, { name: 'Mine — Toulouse' });
    await go(page, '#/');
    await expect(rowNames(page)).toHaveText(['Mine — Toulouse']);
    const before = await stored(page);
    const alert = alertRegion(page);

    for (const [file, phrase] of BAD_FILES) {
      await importFile(page, hostile(file));
      await expect(alert, file).toContainText(phrase);
      await expect(alert, file).toContainText('The file was not imported, and your data has not changed.');
      await expect(statusRegion(page), file).toHaveText('');
      await expect(rowNames(page), file).toHaveText(['Mine — Toulouse']);
      await expect(page.getByTestId('campaign-count'), file).toHaveText('1 campaign');
      await expect(page.getByTestId('save-state'), file).toHaveText('Saved');
      expect(await stored(page), `${file}: stored data untouched`).toBe(before);
      // Dismiss, so the next file's message is new text rather than a leftover.
      await alert.getByRole('button', { name: 'Dismiss' }).click();
      await expect(alert, file).toHaveText('');
    }

    await page.reload();
    await expect(rowNames(page)).toHaveText(['Mine — Toulouse']);
    expect(await stored(page)).toBe(before);

    // A good file.
    await importFile(page, VALID_FILE);
    const status = statusRegion(page);
    await expect(status).toContainText('Import finished: 2 campaign(s) added');
    await expect(status).toContainText('1 role(s) added');
    await expect(alert).toHaveText('');
    // The archived one is hidden by default.
    await expect(rowNames(page)).toHaveText(['Mine — Toulouse', FIXTURE.lyonName]);
    await expect(page.getByTestId('campaign-count')).toHaveText('2 campaigns (+1 archived)');
    await waitSaved(page, { contains: FIXTURE.archivedName });

    // The same file again: nothing new.
    await importFile(page, VALID_FILE);
    await expect(status).toContainText('already up to date');
    await expect(status).toContainText('2 campaign(s) already up to date');
    await expect(status).not.toContainText('added');
    await expect(rowNames(page)).toHaveText(['Mine — Toulouse', FIXTURE.lyonName]);

    await page.reload();
    await expect(rowNames(page)).toHaveText(['Mine — Toulouse', FIXTURE.lyonName]);
  });
});

test('home list: accent-insensitive search, sort, archive and unarchive, archived filter', async ({ page }) => {
  await open(page);
  await importFixture(page);
  await createCampaign(page, { name: 'Zeta recrutement', role: 'Chief Partner Officer', leader: 'Léa Fontaine' });
  await go(page, '#/');
  const count = page.getByTestId('campaign-count');
  const search = page.getByRole('searchbox', { name: 'Search campaigns' });
  const sort = page.getByRole('combobox', { name: 'Sort by' });
  const archived = page.getByRole('checkbox', { name: 'Show archived campaigns' });

  // Default sort: last changed first.
  await expect(rowNames(page)).toHaveText(['Zeta recrutement', FIXTURE.lyonName]);
  await expect(count).toHaveText('2 campaigns (+1 archived)');

  // Search ignores case and accents.
  await search.fill('lyon');
  await expect(rowNames(page)).toHaveText([FIXTURE.lyonName]);
  await search.fill('SIEGE DE LYON');
  await expect(rowNames(page)).toHaveText([FIXTURE.lyonName]);
  await search.fill('lea fontaine'); // the leader "Léa Fontaine"
  await expect(rowNames(page)).toHaveText(['Zeta recrutement']);
  await search.fill('zoe'); // "Zoé Roux", a candidate of the Lyon campaign
  await expect(rowNames(page)).toHaveText([FIXTURE.lyonName]);
  await search.fill('nobody here');
  await expect(rows(page)).toHaveCount(0);
  await expect(page.getByText('No campaign matches this search.')).toBeVisible();
  await search.fill('');
  await expect(rows(page)).toHaveCount(2);

  // Sort.
  await sort.selectOption('name');
  await expect(rowNames(page)).toHaveText([FIXTURE.lyonName, 'Zeta recrutement']);
  await sort.selectOption('status'); // draft before active
  await expect(rowNames(page)).toHaveText(['Zeta recrutement', FIXTURE.lyonName]);
  await sort.selectOption('created'); // newest first
  await expect(rowNames(page)).toHaveText(['Zeta recrutement', FIXTURE.lyonName]);
  await sort.selectOption('name');

  // Show archived.
  await archived.check();
  await expect(rowNames(page)).toHaveText([FIXTURE.lyonName, FIXTURE.archivedName, 'Zeta recrutement']);
  await expect(count).toHaveText('3 campaigns');
  const archivedRow = rows(page).filter({ hasText: FIXTURE.archivedName });
  await expect(archivedRow).toContainText('Archived');
  await expect(archivedRow).toHaveClass(/is-archived/);
  await archived.uncheck();
  await expect(rowNames(page)).toHaveText([FIXTURE.lyonName, 'Zeta recrutement']);

  // Archive from the list: the row leaves the default view.
  await page.getByRole('button', { name: 'Archive: Zeta recrutement' }).click();
  await expect(rowNames(page)).toHaveText([FIXTURE.lyonName]);
  await expect(count).toHaveText('1 campaign (+2 archived)');
  await waitSaved(page);

  // Unarchive: back with its former status.
  await archived.check();
  const zeta = rows(page).filter({ hasText: 'Zeta recrutement' });
  await expect(zeta).toContainText('Archived');
  await page.getByRole('button', { name: 'Unarchive: Zeta recrutement' }).click();
  await expect(zeta).toContainText('Draft');
  await expect(zeta).not.toHaveClass(/is-archived/);
  await page.getByRole('button', { name: `Unarchive: ${FIXTURE.archivedName}` }).click();
  await expect(rows(page).filter({ hasText: FIXTURE.archivedName })).toContainText('Closed');
  await archived.uncheck();
  await expect(rowNames(page)).toHaveText([FIXTURE.lyonName, FIXTURE.archivedName, 'Zeta recrutement']);
  await expect(count).toHaveText('3 campaigns');
  await waitSaved(page);
  await page.reload();
  await expect(rows(page)).toHaveCount(3);
});

test('role library: a duplicated, edited role leaves earlier campaigns unchanged', async ({ page }) => {
  await open(page);
  await createCampaign(page, { name: 'Made from the original' });
  const campaignUrl = page.url();

  await go(page, '#/roles');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Role library');
  const original = page.getByTestId('role-card').filter({ has: page.getByRole('heading', { name: CSO_EN, exact: true }) });
  await expect(original).toContainText('Built-in');
  // Built-in roles offer no Edit link.
  await expect(original.getByRole('link', { name: 'Edit' })).toHaveCount(0);
  await original.getByRole('button', { name: `Duplicate: ${CSO_EN}` }).click();

  await expect(page).toHaveURL(/#\/roles\/[0-9a-f-]{36}$/);
  const editorUrl = page.url();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Edit the role — ${CSO_EN} (copy)`);
  await expect(page.locator('#role-name-en')).toHaveValue(`${CSO_EN} (copy)`);

  // An invalid target is explained before saving.
  const lawTarget = page.getByRole('combobox', { name: 'Law — Target level' });
  await expect(lawTarget).toHaveValue('3');
  await lawTarget.selectOption('5');
  const problems = page.locator('form .form-summary[role=alert]');
  await expect(problems).toContainText('Law: the band must surround the target level');
  await lawTarget.selectOption('4');
  await expect(problems).toHaveCount(0);
  await page.locator('#role-name-en').fill('CSO — Lyon flavour');
  await statusRegion(page).getByRole('button', { name: 'Dismiss' }).click();
  await expect(statusRegion(page)).toHaveText('');
  await page.getByRole('button', { name: 'Save the role' }).click();
  await expect(statusRegion(page)).toContainText('Role saved.');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Edit the role — CSO — Lyon flavour');
  await waitSaved(page, { contains: 'CSO — Lyon flavour' });

  // Saved: the library shows it, and it survives a reload.
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Law — Target level' })).toHaveValue('4');
  await go(page, '#/roles');
  const mine = page.getByTestId('role-card').filter({ has: page.getByRole('heading', { name: 'CSO — Lyon flavour' }) });
  await expect(mine).toContainText('Custom');
  await mine.locator('summary').click();
  await expect(mine.locator('.axis-table tbody tr').filter({ hasText: 'Law' }).locator('.level-text'))
    .toHaveText('4 — Advanced');
  // The built-in original is untouched.
  await original.locator('summary').click();
  await expect(original.locator('.axis-table tbody tr').filter({ hasText: 'Law' }).locator('.level-text'))
    .toHaveText('3 — Autonomous practice');

  // The campaign keeps its own copy of the role.
  await page.goto(campaignUrl);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Made from the original');
  await expect(page.locator('#role-title')).toHaveText(`Role profile — ${CSO_EN}`);
  await expect(page.locator('.campaign-page .axis-table tbody tr').filter({ hasText: 'Law' }).locator('.level-text'))
    .toHaveText('3 — Autonomous practice');
  // …and the new role is offered for new campaigns under "My roles".
  await go(page, '#/new');
  await expect(page.locator('#campaign-role optgroup[label="My roles"] option')).toHaveText(['CSO — Lyon flavour']);
  expect(editorUrl).toMatch(/#\/roles\//);
});
