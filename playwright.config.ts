import { defineConfig } from '@playwright/test';
import { chromium } from './tests/chromium';

/**
 * End-to-end tests of the release build (dist/, made by `trunk build --release`),
 * served as static files the way a portal would host the widget, by tests/server.mjs:
 * on HM_E2E_PORT for the page's own origin and on HM_CDN_PORT (the next port by default)
 * as a CDN on another origin (CORS), with faults injected into chosen files on request.
 *
 * Browser: Debian's Chromium, never a download (tests/chromium.ts).
 */

// HM_E2E_PORT lets several checkouts run their end-to-end tests on one machine at once.
const PORT = Number(process.env.HM_E2E_PORT ?? 8090);
const BASE_URL = `http://127.0.0.1:${PORT}`;
const CDN_PORT = Number(process.env.HM_CDN_PORT ?? PORT + 1);
process.env.HM_CDN_PORT = String(CDN_PORT);

export default defineConfig({
  testDir: 'tests/e2e',
  // Tests save explicit screenshots under test-results/screenshots/ (see seed.spec.ts).
  outputDir: 'test-results',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [
    ['list'],
    // Read by scripts/test.sh for its one-line summary.
    ['json', { outputFile: 'playwright-report/results.json' }],
  ],
  use: {
    baseURL: BASE_URL,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
  projects: [chromium],
  webServer: {
    command: `node tests/server.mjs dist ${PORT} ${CDN_PORT}`,
    url: `${BASE_URL}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 30_000,
    stdout: 'ignore',
    stderr: 'ignore',
  },
});
