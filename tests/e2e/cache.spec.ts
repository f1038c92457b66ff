/**
 * A topic read once is kept for the page's life: opened again, it shows at once from
 * memory, even when the content server has gone away in between (the background
 * revalidation then fails quietly and the kept copy stays).
 */
import { expect, test } from '@playwright/test';
import { normalize } from './support';
import { EXPECTED } from './seed-expected';

test.use({ locale: 'en-US', viewport: { width: 1280, height: 720 } });

type Api = { open(topic?: string): void };

test('a topic opened again is shown from memory, without the network', async ({ page }) => {
  // Arrange: the seed topic, then another topic, both read from the server.
  const errors: unknown[] = [];
  await page.exposeFunction('__heardError', (detail: unknown) => errors.push(detail));
  await page.addInitScript(() =>
    document.addEventListener('helpmark:error', (e) =>
      (window as unknown as { __heardError(d: unknown): void }).__heardError(JSON.parse(JSON.stringify((e as CustomEvent).detail))),
    ),
  );
  await page.goto('/embed-example.html');
  const title = page.locator('section.hm-panel .hm-title');
  await page.evaluate(() => (window as unknown as { helpmark: Api }).helpmark.open());
  await expect.poll(async () => normalize(await title.innerText())).toBe(EXPECTED['en-US'].title);
  await page.evaluate(() => (window as unknown as { helpmark: Api }).helpmark.open('see-your-customer-list'));
  await expect.poll(async () => normalize(await title.innerText())).not.toBe(EXPECTED['en-US'].title);
  await expect(page.locator('section.hm-panel .hm-step')).toBeVisible();

  // Act: the content server goes away; the seed topic is asked for again.
  let refused = 0;
  await page.route('**/help/**', (route) => {
    refused++;
    return route.abort('connectionrefused');
  });
  await page.evaluate(() => (window as unknown as { helpmark: Api }).helpmark.open('update-customer-account-info'));

  // Assert: shown from memory, with its steps; the background revalidation was tried and
  // failed quietly (no error message, no error event).
  await expect.poll(async () => normalize(await title.innerText())).toBe(EXPECTED['en-US'].title);
  await expect(page.locator('section.hm-panel .hm-progress')).toHaveText('Step 1 of 3');
  await expect.poll(() => refused).toBeGreaterThan(0);
  await expect(page.locator('.hm-error')).toHaveCount(0);
  expect(errors).toEqual([]);
});
