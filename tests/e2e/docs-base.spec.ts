/**
 * Links to topics that are not in the catalog (issue #12): "not a broken link for the
 * reader". With `data-docs-base="https://…/"` on the tag, such a link opens the published
 * article (base + the topic's slug) in a new tab and the widget stays on its topic, and
 * from then on it is a plain link to that article; without it, the link becomes plain text (and the widget stays on its topic).
 *
 * The widget learns that a topic is not in the catalog when the link is followed (its
 * topic index is not there): the catalog's slugs are not downloaded on a first open, so
 * that what a first open transfers does not grow with the catalog.
 *
 * The page: the plain embedding example, its tag naming see-your-customer-list, whose
 * es-ES article links to activity-logs.md in its introduction ("Ver los registros de
 * actividades de los cliente"): the demo catalog has no activity-logs.
 */
import { expect, test, type Page } from '@playwright/test';
import { widget } from './support';

const BASE = 'https://docs.example.test/partner-center/';
const OUTSIDE = 'activity-logs';

test.use({ locale: 'es-ES' });

/** Opens the example page's topic, with `data-docs-base` on the tag or without. */
async function openTopic(page: Page, docsBase: string | null) {
  await page.route('**/embed-example.html', async (route) => {
    const response = await route.fetch();
    let body = (await response.text()).replace(/ data-topic="[^"]*"/, ' data-topic="see-your-customer-list"');
    if (docsBase !== null) body = body.replace('<script src="helpmark.js"', `<script src="helpmark.js" data-docs-base="${docsBase}"`);
    await route.fulfill({ response, body });
  });
  const html = await (await page.request.get('/embed-example.html')).text();
  expect(html, 'the example page loads the widget with one tag').toContain('<script src="helpmark.js"');
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto('/embed-example.html');
  const w = widget(page);
  await w.launcher.click();
  await expect(w.title).toHaveText(/\S/);
  const link = w.panel.locator(`a[data-hm-topic="${OUTSIDE}"]`).first();
  await expect(link).toBeVisible();
  return { w, link, errors, title: (await w.title.textContent()) ?? '' };
}

test('with data-docs-base, a link to a topic outside the catalog opens base + slug in a new tab', async ({ page, context }) => {
  // The published site is not reached: the new tab's request is answered here.
  await context.route(`${BASE}**`, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<!DOCTYPE html><title>published</title>' }));
  const { w, link, errors, title } = await openTopic(page, BASE);
  const [tab] = await Promise.all([context.waitForEvent('page'), link.click()]);
  await tab.waitForLoadState('domcontentloaded');
  expect(tab.url()).toBe(`${BASE}${OUTSIDE}`);
  // The widget is still on its topic, not on an error.
  await expect(w.title).toHaveText(title);
  await expect(w.panel.locator('.hm-error')).toHaveCount(0);
  // Now known to be outside the catalog, the link is the published article itself (a
  // second click opens it again, as a plain link does).
  const published = w.panel.locator(`a[href="${BASE}${OUTSIDE}"]`).first();
  await expect(published).toHaveAttribute('target', '_blank');
  await expect(published).toHaveAttribute('rel', /noopener/);
  await expect(w.panel.locator(`a[data-hm-topic="${OUTSIDE}"]`)).toHaveCount(0);
  const [again] = await Promise.all([context.waitForEvent('page'), published.click()]);
  await again.waitForLoadState('domcontentloaded');
  expect(again.url()).toBe(`${BASE}${OUTSIDE}`);
  await expect(w.title).toHaveText(title);
  expect(errors).toEqual([]);
});

test('without data-docs-base, a link to a topic outside the catalog becomes plain text and opens nothing', async ({ page, context }) => {
  const opened: string[] = [];
  context.on('page', (p) => opened.push(p.url()));
  const { w, link, errors, title } = await openTopic(page, null);
  const words = ((await link.textContent()) ?? '').trim();
  expect(words).not.toBe('');
  await link.click();
  // Back on the topic; the words are there, no longer a link.
  await expect(w.title).toHaveText(title);
  await expect(w.panel.locator(`a[data-hm-topic="${OUTSIDE}"]`)).toHaveCount(0);
  await expect(w.panel.getByText(words, { exact: false }).first()).toBeVisible();
  expect(opened).toEqual([]);
  expect(errors).toEqual([]);
});
