import { defineConfig } from '@playwright/test';
import { chromium } from './tests/chromium';

/**
 * The debug build under `trunk serve` (tests/serve/): Trunk builds in debug mode into
 * target/preview-dist, watches assets/help, and reloads the page after a rebuild. The
 * writers' preview, and what only a debug build has (the `__crash` fault-injection hook).
 * One worker: the tests write articles under assets/help (and remove them again).
 *
 * Browser: Debian's Chromium, never a download (tests/chromium.ts).
 */

// HM_SERVE_PORT lets several checkouts run these tests on one machine at once.
const PORT = Number(process.env.HM_SERVE_PORT ?? 8092);
const BASE_URL = `http://127.0.0.1:${PORT}`;

export default defineConfig({
  testDir: 'tests/serve',
  outputDir: 'test-results/serve',
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 1,
  timeout: 240_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: 'playwright-report/serve-results.json' }]],
  use: {
    baseURL: BASE_URL,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
  projects: [chromium],
  webServer: {
    command: `trunk serve --offline --address 127.0.0.1 --port ${PORT} --dist target/preview-dist`,
    url: `${BASE_URL}/`,
    reuseExistingServer: false,
    // The first debug build of the WebAssembly on a fresh clone.
    timeout: 600_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
