import { defineConfig, devices } from '@playwright/test';

/**
 * End-to-end tests of the release build (dist/, made by `trunk build --release`),
 * served as static files the way a portal would host the widget.
 *
 * Browser: Debian's Chromium (/usr/bin/chromium). Playwright's own browser builds are
 * never downloaded: do not run `npx playwright install`; npm installs run with
 * PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 (scripts/setup.sh).
 */

const PORT = 8090;
const BASE_URL = `http://127.0.0.1:${PORT}`;

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

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
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath: '/usr/bin/chromium',
          args: CHROMIUM_ARGS,
        },
      },
    },
  ],
  webServer: {
    command: `python3 -m http.server ${PORT} --bind 127.0.0.1 --directory dist`,
    url: `${BASE_URL}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 30_000,
    stdout: 'ignore',
    stderr: 'ignore',
  },
});
