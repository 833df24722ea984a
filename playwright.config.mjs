// Playwright configuration for Rally's end-to-end tests (tests/e2e/*.spec.mjs).
//
// Runs Debian's /usr/bin/chromium (installed by tools/setup.sh); Playwright
// never downloads a browser here. The built app (dist/, from `make build`) is
// served by tools/serve.py on 127.0.0.1:8089 (E2E_PORT=<port> serves and tests
// on another port, e.g. to run two checkouts' suites side by side).
//
//   npx playwright test                         # everything
//   npx playwright test tests/e2e/smoke.spec.mjs
//   E2E_PORT=8189 npx playwright test           # on 127.0.0.1:8189
import { defineConfig } from '@playwright/test';

export const E2E_HOST = '127.0.0.1';
export const E2E_PORT = Number(process.env.E2E_PORT || 8089);
export const E2E_ORIGIN = `http://${E2E_HOST}:${E2E_PORT}`;

/** Launch options shared by the tests (here) and bench/run.mjs. */
export const CHROMIUM_EXECUTABLE = process.env.RALLY_CHROMIUM || '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
export const chromiumLaunchOptions = {
  executablePath: CHROMIUM_EXECUTABLE,
  args: CHROMIUM_ARGS,
  headless: true,
};

const inCI = !!process.env.CI;

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'tests/e2e/results',
  // 2 cores: one browser at a time keeps timings (and CI) stable.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  forbidOnly: inCI,
  reporter: 'list',
  use: {
    baseURL: E2E_ORIGIN,
    browserName: 'chromium',
    launchOptions: chromiumLaunchOptions,
    screenshot: 'off',
    video: 'off',
    trace: 'off',
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  // dist/ served with a real static host's caching headers (docs/deploy.md), as every server of
  // the suite is: with `no-store`, Chromium now and then reports the module's request as aborted
  // once its body has been read through the loader's download counter, though every byte arrived.
  webServer: {
    command: `python3 tools/serve.py --dir dist --host ${E2E_HOST} --port ${E2E_PORT} --quiet --static-host`,
    url: `${E2E_ORIGIN}/`,
    reuseExistingServer: !inCI,
    timeout: 20_000,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
