// Smoke test: the release build boots in Chromium under its strict CSP,
// talks to nobody but the local static server, and logs no error.
import { test, expect, instrument, waitForApp, ORIGIN } from './helpers.mjs';

test('the app boots offline under a strict CSP with a clean console', async ({ page }) => {
  const watch = await instrument(page);

  const response = await page.goto('/');
  expect(response?.status(), 'GET / status').toBe(200);

  await waitForApp(page);
  await expect(page).toHaveTitle(/Rally/);
  await page.waitForLoadState('networkidle');

  expect(watch.network.urls.length, 'requests seen').toBeGreaterThan(0);
  expect(watch.network.foreign(), `requests that left ${ORIGIN}`).toEqual([]);
  expect(watch.network.failed(), 'failed requests').toEqual([]);
  expect(watch.console.errors(), 'console errors').toEqual([]);
  expect(await watch.cspViolations(), 'CSP violations ("Refused to …")').toEqual([]);

  const csp = await page.evaluate(
    () => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? null,
  );
  expect(csp, 'CSP <meta> present').not.toBeNull();
  expect(csp).not.toContain("'unsafe-inline'");
  expect(csp).not.toContain("'unsafe-eval'");
  // No inline script survived the build (tools/postbuild.py moved them out).
  const inlineScripts = await page.evaluate(
    () => [...document.querySelectorAll('script:not([src])')]
      .filter((s) => !s.type || ['module', 'text/javascript', 'application/javascript'].includes(s.type))
      .filter((s) => s.textContent.trim() !== '').length,
  );
  expect(inlineScripts, 'inline executable <script> elements').toBe(0);
});
