/**
 * End-to-end tests of the loader (`helpmark.js`) when the widget's own files fail, and of
 * its preload policy (`data-preload`), against the release build in dist/ served by
 * tests/server.mjs (see playwright.config.ts).
 *
 * Faults are injected by the server, per test: the page is opened under /t/<scope>/, so all
 * its relative requests carry the scope, and `GET /__fault?scope&match&fault` breaks the
 * files whose path matches (`GET /__fault?scope` heals them).
 *
 * Contract under test: whatever happens to the glue or the WebAssembly, the help icon is
 * there and the host page stays usable; a failure (404, 500, reset, no answer within the
 * loader's 10 s limit, garbage, a truncated body, a wrong content type) shows a message in the
 * UI language next to the icon, with a retry, and sends one `helpmark:error` with the file,
 * the reason and the topic; retry (or the next click on the icon) loads afresh once the
 * server is healthy. With the default preload, nothing of the widget is fetched before a
 * user's intent or an API call.
 */
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { normalize, widget } from './support';
import { EXPECTED } from './seed-expected';

const PAGE = 'embed-example.html';
const TOPIC = 'update-customer-account-info';
const DE = EXPECTED['de-DE'];
/** The loader's strings for de-DE (src/locale/strings.rs: code_failed, retry). */
const DE_FAILED = 'Die Hilfe konnte nicht geladen werden.';
const DE_RETRY = 'Erneut versuchen';

test.use({ locale: 'de-DE', viewport: { width: 1280, height: 720 } });

let scopes = 0;
/** A fresh fault scope for one test: the page's address and the server's control calls. */
function scoped(request: APIRequestContext) {
  const scope = `s${process.pid}-${Date.now()}-${scopes++}`;
  return {
    page: `/t/${scope}/${PAGE}`,
    async fault(match: string, fault: string) {
      const r = await request.get(`/__fault?scope=${scope}&match=${encodeURIComponent(match)}&fault=${fault}`);
      expect(r.status(), await r.text()).toBe(200);
    },
    async heal() {
      expect((await request.get(`/__fault?scope=${scope}`)).status()).toBe(200);
    },
  };
}

/** Records helpmark:error details, console errors and uncaught page errors. */
async function observe(page: Page) {
  const consoleErrors: string[] = [];
  const pageErrors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  await page.addInitScript(() => {
    const errors: unknown[] = [];
    (window as unknown as { __errors: unknown[] }).__errors = errors;
    document.addEventListener('helpmark:error', (e) => errors.push(JSON.parse(JSON.stringify((e as CustomEvent).detail))));
  });
  const errors = () =>
    page.evaluate(() => (window as unknown as { __errors: Array<Record<string, unknown>> }).__errors);
  return { consoleErrors, pageErrors, errors };
}

function locators(page: Page) {
  return {
    ...widget(page),
    fail: page.locator('[data-helpmark-host] .hm-fail'),
    failRetry: page.locator('[data-helpmark-host] .hm-fail button'),
    hostButton: page.locator('#host-button'),
    hostCounter: page.locator('#host-counter'),
  };
}

const FILES = [
  { name: 'the glue', match: '^/helpmark-web-[^/]*\\.js$', file: /\/helpmark-web-[^/]*\.js(\?|$)/ },
  { name: 'the WebAssembly', match: '\\.wasm$', file: /\/helpmark-web-[^/]*_bg\.wasm(\?|$)/ },
];

/** The fault, and the reasons the loader may give for it (per file). */
const FAULTS: Array<{ fault: string; reasons: Record<string, RegExp> }> = [
  { fault: '404', reasons: { 'the glue': /^fetch$/, 'the WebAssembly': /^HTTP 404$/ } },
  { fault: '500', reasons: { 'the glue': /^fetch$/, 'the WebAssembly': /^HTTP 500$/ } },
  { fault: 'reset', reasons: { 'the glue': /^fetch$/, 'the WebAssembly': /^fetch$/ } },
  { fault: 'hang', reasons: { 'the glue': /^timeout$/, 'the WebAssembly': /^timeout$/ } },
  { fault: 'garbage', reasons: { 'the glue': /^invalid$/, 'the WebAssembly': /^invalid$/ } },
  { fault: 'truncated', reasons: { 'the glue': /^invalid$/, 'the WebAssembly': /^invalid$/ } },
  { fault: 'type', reasons: { 'the glue': /^fetch$/ } },
];

test.describe('the widget’s own files failing', () => {
  for (const f of FILES) {
    for (const { fault, reasons } of FAULTS) {
      const reason = reasons[f.name];
      if (!reason) continue;
      test(`${f.name} × ${fault}: icon, page usable, message in German with retry, one event, recovery`, async ({
        page,
        request,
      }) => {
        test.setTimeout(60_000);
        // Arrange: the file is broken before the page loads.
        const s = scoped(request);
        await s.fault(f.match, fault);
        const seen = await observe(page);
        const w = locators(page);
        await page.goto(s.page);
        await expect(w.launcher).toBeVisible();

        // Act: open help (a click with no pointer movement before it, so that the click
        // starts the load, not the pointer's approach); use the host page while it fails.
        await w.launcher.dispatchEvent('click');
        await w.hostButton.click();
        await expect(w.hostCounter).toHaveText('1');

        // Assert: the message next to the icon, in the UI language, with a retry.
        await expect(w.fail).toBeVisible({ timeout: 15_000 });
        await expect(w.fail).toHaveRole('alert');
        expect(normalize(await w.fail.evaluate((e) => e.firstChild?.textContent))).toBe(DE_FAILED);
        await expect(w.failRetry).toHaveText(DE_RETRY);
        await expect(w.fail).toHaveAttribute('lang', 'de-DE');
        await expect(w.launcher).toBeVisible();
        await expect(w.panel).toHaveCount(0);
        const box = (await w.fail.boundingBox())!;
        const icon = (await w.launcher.boundingBox())!;
        expect(box.y + box.height, 'the message sits above the icon').toBeLessThanOrEqual(icon.y);
        expect(box.x + box.width, 'inside the viewport').toBeLessThanOrEqual(1280);

        // Assert: one event naming the file, the reason and the topic; one console report;
        // the host page still works.
        await page.waitForTimeout(500);
        const errors = await seen.errors();
        expect(errors, 'helpmark:error events').toHaveLength(1);
        expect(String(errors[0].file)).toMatch(f.file);
        expect(String(errors[0].reason)).toMatch(reason);
        expect(errors[0].topic).toBe(TOPIC);
        expect(seen.consoleErrors.filter((t) => t.startsWith('Helpmark:')), 'console reports').toHaveLength(1);
        expect(seen.pageErrors, 'uncaught page errors').toEqual([]);
        await w.hostButton.click();
        await expect(w.hostCounter).toHaveText('2');

        // Act: the server heals; retry.
        await s.heal();
        await w.failRetry.click();

        // Assert: the widget loads and opens the topic; nothing more was reported.
        await expect(w.panel).toBeVisible({ timeout: 15_000 });
        await expect.poll(async () => normalize(await w.title.innerText())).toBe(DE.title);
        await expect(w.fail).toHaveCount(0);
        expect(await seen.errors(), 'no further helpmark:error').toHaveLength(1);
        expect(seen.pageErrors, 'uncaught page errors').toEqual([]);
      });
    }
  }

  test('the WebAssembly served with a wrong content type still loads (compiled without streaming)', async ({
    page,
    request,
  }) => {
    const s = scoped(request);
    await s.fault('\\.wasm$', 'type');
    const seen = await observe(page);
    const w = locators(page);
    await page.goto(s.page);
    await w.launcher.click();
    await expect.poll(async () => normalize(await w.title.innerText())).toBe(DE.title);
    expect(await seen.errors()).toEqual([]);
    await expect(w.fail).toHaveCount(0);
  });

  test('the next click on the icon retries too, and a half-failed load blocks nothing', async ({ page, request }) => {
    // Arrange: the glue loads, the WebAssembly does not.
    const s = scoped(request);
    await s.fault('\\.wasm$', '500');
    const seen = await observe(page);
    const w = locators(page);
    const wasm: string[] = [];
    const glue: string[] = [];
    page.on('request', (r) => {
      const path = new URL(r.url()).pathname;
      if (path.endsWith('.wasm')) wasm.push(r.url());
      else if (/\/helpmark-web-[^/]*\.js$/.test(path)) glue.push(r.url());
    });
    await page.goto(s.page);

    // Act: click twice while the server is broken.
    await w.launcher.dispatchEvent('click');
    await expect(w.fail).toBeVisible();
    await w.launcher.dispatchEvent('click');
    await expect.poll(async () => (await seen.errors()).length, { message: 'one event per failure' }).toBe(2);
    await expect(w.fail).toHaveCount(1);

    // Act: the server heals; a click on the icon.
    await s.heal();
    await w.launcher.dispatchEvent('click');

    // Assert: it opens; every attempt fetched fresh URLs (a new module instance each time).
    await expect.poll(async () => normalize(await w.title.innerText())).toBe(DE.title);
    expect(wasm).toHaveLength(3);
    expect(new Set(wasm).size, 'fresh WebAssembly URLs').toBe(3);
    expect(new Set(glue).size, 'fresh glue URLs').toBe(3);
    expect(await seen.errors()).toHaveLength(2);
    expect(seen.pageErrors).toEqual([]);
  });
});

test('a press on the placeholder icon that the widget replaces before the click still opens the panel', async ({
  page,
}) => {
  const w = locators(page);
  await page.goto(`/${PAGE}`);
  const placeholder = await w.launcher.elementHandle();
  const icon = (await w.launcher.boundingBox())!;
  // Act: the pointer arrives (intent: the code loads) and presses; the widget replaces
  // the placeholder while the button is down; then the button is released.
  await page.mouse.move(icon.x + icon.width / 2, icon.y + icon.height / 2);
  await page.mouse.down();
  await expect.poll(() => placeholder!.evaluate((e) => e.isConnected), { message: 'placeholder replaced' }).toBe(false);
  await page.mouse.up();
  // Assert: the press counted as the click it would have been.
  await expect.poll(async () => normalize(await w.title.innerText())).toBe(DE.title);
});

/** Every request for the widget's code (glue, WebAssembly, the loader's boot module) or
 * content, from the page's start. */
function widgetRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (/\.wasm$|\/helpmark-(web|boot)-[^/]*\.js$|\/help\//.test(path)) seen.push(path);
  });
  return seen;
}

/** Serves the example page with `data-preload` set on the loader's tag. */
async function withPreload(page: Page, value: string): Promise<string> {
  const path = `/preload-${value}.html`;
  await page.route(`**${path}`, async (route) => {
    const response = await route.fetch({ url: new URL(`/${PAGE}`, route.request().url()).href });
    const html = (await response.text()).replace('<script src="helpmark.js"', `<script src="helpmark.js" data-preload="${value}"`);
    expect(html).toContain(`data-preload="${value}"`);
    await route.fulfill({ response, body: html });
  });
  return path;
}

test.describe('preload policy', () => {
  test('by default nothing is fetched before intent, for 10 s; a pointer near the icon starts the load', async ({
    page,
  }) => {
    test.setTimeout(40_000);
    const requests = widgetRequests(page);
    const w = locators(page);
    await page.goto(`/${PAGE}`);
    await expect(w.launcher).toBeVisible();
    await page.mouse.move(300, 200);
    await page.waitForTimeout(10_000);
    expect(requests, 'requests for the WebAssembly, glue or content before intent').toEqual([]);

    // Act: the pointer comes near the icon (not over it).
    const icon = (await w.launcher.boundingBox())!;
    await page.mouse.move(icon.x - 40, icon.y + icon.height / 2, { steps: 5 });

    // Assert: the code is requested, and the content with it once opened.
    await expect.poll(() => requests.filter((p) => p.endsWith('.wasm')).length).toBe(1);
    await w.launcher.click();
    await expect.poll(async () => normalize(await w.title.innerText())).toBe(DE.title);
  });

  for (const intent of ['focus', 'pointerdown', 'touchstart'] as const) {
    test(`by default ${intent} on the icon is intent`, async ({ page }) => {
      const requests = widgetRequests(page);
      const w = locators(page);
      await page.goto(`/${PAGE}`);
      await page.waitForTimeout(500);
      expect(requests).toEqual([]);
      await w.launcher.dispatchEvent(intent);
      await expect.poll(() => requests.filter((p) => p.endsWith('.wasm')).length).toBe(1);
    });
  }

  test('data-preload="none": no load on hover, only on a click', async ({ page }) => {
    const requests = widgetRequests(page);
    const w = locators(page);
    await page.goto(await withPreload(page, 'none'));
    await w.launcher.hover();
    await w.launcher.focus();
    await page.waitForTimeout(4_000);
    expect(requests).toEqual([]);
    await w.launcher.click();
    await expect.poll(async () => normalize(await w.title.innerText())).toBe(DE.title);
  });

  test('data-preload="load": the widget runs at once, with the panel closed (the demo portal’s setting)', async ({
    page,
  }) => {
    const requests = widgetRequests(page);
    const w = locators(page);
    await page.addInitScript(() => {
      document.addEventListener('helpmark:ready', (e) => {
        (window as unknown as { __ready: unknown }).__ready = (e as CustomEvent).detail;
      });
    });
    await page.goto(await withPreload(page, 'load'));
    // No interaction at all: the code and the topic's content come, the widget says ready.
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { __ready?: { topic?: string } }).__ready?.topic ?? null))
      .toBe('update-customer-account-info');
    expect(requests.filter((p) => p.endsWith('.wasm'))).toHaveLength(1);
    await expect(w.panel).toHaveCount(0);
    await w.launcher.click();
    await expect.poll(async () => normalize(await w.title.innerText())).toBe(DE.title);
  });

  test('data-preload="idle": loads the code without any interaction', async ({ page }) => {
    const requests = widgetRequests(page);
    await page.goto(await withPreload(page, 'idle'));
    await expect.poll(() => requests.filter((p) => p.endsWith('.wasm')).length, { timeout: 10_000 }).toBe(1);
  });
});
