/**
 * The last request wins: `open('x')` queued before the widget has loaded, on a tag whose
 * `data-topic` is `y`, with every response delayed at random, always ends with the panel
 * on `x` and every `helpmark:step` naming `x` (issue #13, section 4). Each of the 30
 * rounds is a fresh page.
 */
import { expect, test } from '@playwright/test';
import { normalize } from './support';

const X = 'see-your-customer-list';
const X_TITLE = 'Manage your customer list';
const Y_TITLE = 'Update customer account info';

test.use({ locale: 'en-US', viewport: { width: 1280, height: 720 } });

test('open(x) queued before load beats data-topic y on 30 fresh pages with random delays', async ({ page }) => {
  test.setTimeout(300_000);
  // A seeded generator: the same delays on every run of the test.
  let seed = 20261130;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  await page.route(/\/(help\/|helpmark)/, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, Math.floor(random() * 250)));
    await route.continue();
  });
  // The host page's snippet: the call is queued before the loader runs.
  await page.addInitScript((topic) => {
    (window as unknown as { helpmark: unknown }).helpmark = { q: [['open', topic]] };
    const steps: string[] = [];
    (window as unknown as { __steps: string[] }).__steps = steps;
    document.addEventListener('helpmark:step', (e) => steps.push(String((e as CustomEvent).detail?.topic)));
  }, X);
  const title = page.locator('section.hm-panel .hm-title');

  for (let round = 1; round <= 30; round++) {
    await page.goto(`/embed-example.html?round=${round}`);
    await expect.poll(async () => normalize(await title.textContent()), { message: `round ${round}` }).toBe(X_TITLE);
    // Every response has arrived by now (at most 250 ms each): the panel stayed on x and
    // every step event named x.
    await page.waitForTimeout(600);
    expect(normalize(await title.textContent()), `round ${round}: the panel`).toBe(X_TITLE);
    // The first step event comes once the target is found or known to be missing.
    const stepEvents = () => page.evaluate(() => (window as unknown as { __steps: string[] }).__steps);
    await expect.poll(async () => (await stepEvents()).length, { message: `round ${round}: helpmark:step` }).toBeGreaterThan(0);
    const steps = await stepEvents();
    expect(new Set(steps), `round ${round}: helpmark:step topics`).toEqual(new Set([X]));
    expect(normalize(await title.textContent())).not.toBe(Y_TITLE);
  }
});
