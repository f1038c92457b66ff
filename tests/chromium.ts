import { devices, type Project } from '@playwright/test';

/**
 * The browser of every Playwright run (playwright.config.ts, playwright.serve.config.ts):
 * Debian's Chromium (/usr/bin/chromium). Playwright's own browser builds are never
 * downloaded: do not run `npx playwright install`; npm installs run with
 * PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 (scripts/setup.sh).
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export const chromium: Project = {
  name: 'chromium',
  use: {
    ...devices['Desktop Chrome'],
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
    },
  },
};
