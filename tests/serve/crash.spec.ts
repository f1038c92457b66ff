/**
 * A crash of the widget, under `trunk serve` (playwright.serve.config.ts): the `__crash`
 * command (a deliberate panic, the fault-injection hook) exists in debug builds only, so
 * this runs against the debug build `trunk serve` makes; the release build has no such
 * command (tests/e2e/embed.spec.ts checks that no file of dist/ names it).
 *
 * The page is the plain host page of the embedding example (`embed-example.html`, which
 * `helpmark bundle` copies into every build).
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { normalize, widget } from '../e2e/support';
import { EXPECTED } from '../e2e/seed-expected';

const PAGE = '/embed-example.html';
const EN = EXPECTED['en-US'];
/** A debug build's WebAssembly is large: its first load may take a while. */
const LOAD = 120_000;

test.use({ locale: 'en-US', viewport: { width: 1280, height: 720 } });

function embed(page: Page) {
  return {
    ...widget(page),
    anyHost: page.locator('[data-helpmark-host]'),
    retry: page.locator('.hm-error button.hm-retry'),
    hostButton: page.locator('#host-button'),
    hostCounter: page.locator('#host-counter'),
  };
}

async function expectText(locator: Locator, expected: string, what: string): Promise<void> {
  await expect
    .poll(async () => normalize(await locator.innerText()), { message: what, timeout: LOAD })
    .toBe(expected);
}

/** Records console errors, uncaught page errors and every `helpmark:error` event. */
async function observe(page: Page) {
  const consoleErrors: string[] = [];
  const pageErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => pageErrors.push(String(error)));
  await page.addInitScript(() => {
    const heard: unknown[] = [];
    (window as unknown as { __errors: unknown }).__errors = heard;
    document.addEventListener('helpmark:error', (event) => {
      const detail = (event as CustomEvent).detail;
      heard.push(detail === undefined ? null : JSON.parse(JSON.stringify(detail)));
    });
  });
  const errors = async () =>
    page.evaluate(
      () => (window as unknown as { __errors?: Array<Record<string, unknown> | null> }).__errors ?? [],
    );
  return { consoleErrors, pageErrors, errors };
}

test('a crash of the widget shows the error with retry, is reported once, never reaches the host page, and a retry starts afresh', async ({
  page,
}) => {
  // Arrange
  const seen = await observe(page);
  const w = embed(page);
  await page.goto(PAGE);
  await w.launcher.click();
  await expectText(w.title, EN.title, 'title');

  // Act: a deliberate panic (the __crash command, a fault-injection hook).
  await w.anyHost.evaluate((host) =>
    host.dispatchEvent(new CustomEvent('helpmark:command', { detail: { command: '__crash' } })),
  );

  // Assert: the error state, in the UI language, with retry; one event, one console
  // error; no uncaught error on the page; the page still works.
  await expect(w.error).toBeVisible();
  await expect(w.error).toHaveRole('alert');
  expect(normalize(await w.error.innerText())).toContain('The help topic could not be loaded.');
  const errors = await seen.errors();
  expect(errors).toHaveLength(1);
  expect(errors[0]?.fatal).toBe(true);
  expect(seen.consoleErrors.filter((t) => t.startsWith('Helpmark:'))).toHaveLength(1);
  expect(seen.pageErrors, 'uncaught page errors').toEqual([]);
  await w.hostButton.click();
  await expect(w.hostCounter).toHaveText('1');

  // Act: retry. Assert: a fresh widget opens the topic and the API works again.
  await w.retry.click();
  await expectText(w.title, EN.title, 'title after the retry');
  await page.evaluate(() => (window as unknown as { helpmark: { next(): void } }).helpmark.next());
  await expect(w.progress).toHaveText('Step 2 of 3');
  expect(seen.pageErrors, 'uncaught page errors').toEqual([]);
});
