/**
 * End-to-end tests of embedding the widget in a plain host page with one script tag
 * (`dist/embed-example.html`, copied from assets/embed/example.html), against the release
 * build in dist/ (see playwright.config.ts).
 *
 * Contract under test: `helpmark.js` appends `<div data-helpmark-host>` to <html> (not
 * <body>) with an open shadow root holding a placeholder `button.hm-launcher`; the
 * WebAssembly (`helpmark-web-*_bg.wasm`) is requested only on first use of the icon
 * (hover, focus, click) or on `window.helpmark.open()` (the default `data-preload="intent"`;
 * tests/e2e/loader.spec.ts tests the policies). `window.helpmark` queues calls until the code is ready, also from a
 * snippet's `window.helpmark = {q: [...]}`; `<help-mark topic>` renders an inline
 * `button.hm-inline`; the tag twice loads once; the widget looks the same whatever the
 * host's CSS; it works under `script-src 'self' 'wasm-unsafe-eval'; style-src 'self'`;
 * and content failures show `.hm-error` with `button.hm-retry`, one `helpmark:error`
 * event and one console error starting with "Helpmark:".
 *
 * Browser locale: en-US throughout (`test.use`), so the English title is expected.
 */
import { promises as fs } from 'node:fs';
import { expect, test, type Locator, type Page, type Route } from '@playwright/test';
import { normalize, widget } from './support';
import { EXPECTED, STEP_COUNT } from './seed-expected';

const PAGE = '/embed-example.html';
const TOPIC = 'update-customer-account-info';
const EN = EXPECTED['en-US'];
const DE = EXPECTED['de-DE'];

/** The loader's tag, as the example page writes it. */
const LOADER_TAG = /<script\b[^>]*\bsrc="helpmark\.js"[^>]*><\/script>/;

/** A helpmark:* event as the page heard it (detail cloned through JSON). */
interface Heard {
  type: string;
  detail: Record<string, unknown> | null;
}

test.use({ locale: 'en-US', viewport: { width: 1280, height: 720 } });

/** Locators of the embedded widget and of the host page. */
function embed(page: Page) {
  return {
    ...widget(page),
    // The loader appends its host to <html>, out of reach of <body>'s transforms.
    host: page.locator('html > div[data-helpmark-host]'),
    anyHost: page.locator('[data-helpmark-host]'),
    retry: page.locator('.hm-error button.hm-retry'),
    inline: page.locator('help-mark button.hm-inline'),
    hostButton: page.locator('#host-button'),
    hostCounter: page.locator('#host-counter'),
  };
}

/** Waits until the rendered text of `locator`, whitespace-normalized, equals `expected`. */
async function expectText(locator: Locator, expected: string, what: string): Promise<void> {
  await expect
    .poll(async () => normalize(await locator.innerText()), { message: what })
    .toBe(expected);
}

/**
 * Records, from before the page's first script: every `.wasm` request, console errors,
 * uncaught page errors, and every `helpmark:*` event on document (in `window.__heard`).
 */
async function observe(page: Page) {
  const wasm: string[] = [];
  const consoleErrors: string[] = [];
  const pageErrors: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.endsWith('.wasm')) wasm.push(request.url());
  });
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => pageErrors.push(String(error)));
  await page.addInitScript(() => {
    const heard: Array<{ type: string; detail: unknown }> = [];
    (window as unknown as { __heard: unknown }).__heard = heard;
    for (const name of ['ready', 'open', 'close', 'step', 'locale', 'error']) {
      document.addEventListener(`helpmark:${name}`, (event) => {
        const detail = (event as CustomEvent).detail;
        heard.push({ type: name, detail: detail === undefined ? null : JSON.parse(JSON.stringify(detail)) });
      });
    }
  });
  const heard = async (type?: string): Promise<Heard[]> => {
    const all = await page.evaluate(() => (window as unknown as { __heard?: Heard[] }).__heard ?? []);
    return type ? all.filter((h) => h.type === type) : all;
  };
  return { wasm, consoleErrors, pageErrors, heard };
}

/** Serves `path` (a made-up address next to the example page) as the example page, edited. */
async function serveVariant(page: Page, path: string, edit: (html: string) => string): Promise<void> {
  await page.route(`**${path}`, async (route) => {
    const original = new URL(PAGE, route.request().url()).href;
    const response = await route.fetch({ url: original });
    expect(response.status(), `${PAGE} must be in dist/`).toBe(200);
    await route.fulfill({ response, body: edit(await response.text()) });
  });
}

/** Waits until `ms` have passed since the page's navigation started (for "nothing else happens" checks). */
async function waitUntilSinceLoad(page: Page, ms: number): Promise<void> {
  const elapsed = await page.evaluate(() => performance.now());
  if (elapsed < ms) await page.waitForTimeout(ms - elapsed);
}

test.describe('loading on first use', () => {
  test('requests no WebAssembly before the icon is used, requests it once on hover, and opens in English on click', async ({
    page,
  }) => {
    // Arrange
    const seen = await observe(page);
    const w = embed(page);
    await page.goto(PAGE);
    await expect(w.host).toHaveCount(1);
    const mode = await w.host.evaluate((el) => el.shadowRoot?.mode ?? 'none (closed or missing)');
    expect(mode, 'the host element must have an open shadow root').toBe('open');
    await expect(w.launcher).toBeVisible();

    // Assert: 1.5 s after load, without interaction, no WebAssembly was requested.
    await page.waitForTimeout(1500);
    expect(seen.wasm, '.wasm requests 1.5 s after load without interaction').toEqual([]);

    // Act: hover the icon.
    await w.launcher.hover();

    // Assert: the WebAssembly is requested, once.
    await expect.poll(() => seen.wasm.length, { message: '.wasm requests after hovering' }).toBe(1);

    // Act: click the icon.
    await w.launcher.click();

    // Assert: the panel opens in the browser's language.
    await expect(w.panel).toBeVisible();
    await expectText(w.title, EN.title, 'topic title (en-US)');

    // Assert: nothing requests it again (no idle-time load by default).
    await waitUntilSinceLoad(page, 4500);
    expect(seen.wasm, '.wasm requests after hover, click and the idle timer').toHaveLength(1);
    await expect(w.launcher).toHaveCount(1);
    expect(seen.pageErrors, 'uncaught page errors').toEqual([]);
  });
});

test.describe('keyboard focus while the code loads', () => {
  /** The class of the element focused inside the widget's shadow root ('' when none). */
  const focused = (page: Page) =>
    page.evaluate(() => {
      const host = document.querySelector('[data-helpmark-host]');
      const active = host?.shadowRoot?.activeElement;
      return document.activeElement === host && active ? active.className : '';
    });

  test('the focus stays on the help icon when the widget replaces the placeholder', async ({ page }) => {
    // Arrange: the WebAssembly arrives a second late, so the placeholder is seen focused.
    const seen = await observe(page);
    await page.route('**/*_bg.wasm', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      await route.continue();
    });
    const w = embed(page);
    await page.goto(PAGE);
    await expect(w.launcher).toBeVisible();
    const placeholder = await w.launcher.elementHandle();

    // Act: focus the placeholder icon (which starts the load); wait for the widget's own.
    await w.launcher.focus();
    expect(
      await placeholder!.evaluate((e) => (e.getRootNode() as ShadowRoot).activeElement === e),
      'the placeholder icon has the focus',
    ).toBe(true);
    await expect.poll(() => seen.wasm.length).toBe(1);
    await expect.poll(() => placeholder!.evaluate((e) => e.isConnected), { message: 'placeholder replaced' }).toBe(false);

    // Assert: the new icon has the focus; Enter opens the panel and focus moves into it.
    await expect.poll(() => focused(page)).toBe('hm-launcher');
    await page.keyboard.press('Enter');
    await expect(w.panel).toBeVisible();
    await expect.poll(() => focused(page)).toBe('hm-title');
  });

  test('Enter on the placeholder opens the panel once loaded, with the focus in it', async ({ page }) => {
    // Arrange
    await observe(page);
    const w = embed(page);
    await page.goto(PAGE);
    await expect(w.launcher).toBeVisible();

    // Act: activate the placeholder from the keyboard before any code is loaded.
    await w.launcher.focus();
    await page.keyboard.press('Enter');

    // Assert
    await expect(w.panel).toBeVisible();
    await expectText(w.title, EN.title, 'topic title (en-US)');
    await expect.poll(() => focused(page)).toBe('hm-title');
    await page.keyboard.press('Escape');
    await expect(w.panel).toHaveCount(0);
    await expect.poll(() => focused(page)).toBe('hm-launcher');
  });
});

test.describe('window.helpmark before the code loaded', () => {
  test('runs calls made before the code loaded and reports open, close, step and locale to the host', async ({
    page,
  }) => {
    // Arrange: the page's scripts ran (DOMContentLoaded), the widget's code has not loaded.
    const seen = await observe(page);
    const w = embed(page);
    await page.goto(PAGE, { waitUntil: 'domcontentloaded' });

    // Act: subscribe and open through the API straight away.
    const before = await page.evaluate(() => {
      type Api = { on: (event: string, fn: (detail: unknown) => void) => void; open: (topic?: string) => void };
      const win = window as unknown as { helpmark?: Api; __api: Array<{ event: string; detail: unknown }> };
      const api = win.helpmark;
      if (!api || typeof api.open !== 'function') return { api: false, wasmLoaded: false };
      const received: Array<{ event: string; detail: unknown }> = (win.__api = []);
      for (const event of ['open', 'close', 'step', 'locale']) {
        api.on(event, (detail) => received.push({ event, detail: JSON.parse(JSON.stringify(detail ?? null)) }));
      }
      const wasmLoaded = performance.getEntriesByType('resource').some((e) => e.name.endsWith('.wasm'));
      api.open();
      return { api: true, wasmLoaded };
    });
    const received = (event: string) =>
      page.evaluate(
        (name) =>
          (window as unknown as { __api: Array<{ event: string; detail: Record<string, unknown> }> }).__api
            .filter((r) => r.event === name)
            .map((r) => r.detail),
        event,
      );

    // Assert: the API existed at DOMContentLoaded and the call came before the code.
    expect(before.api, 'window.helpmark.open exists at DOMContentLoaded').toBe(true);
    expect(before.wasmLoaded, 'the WebAssembly had not loaded when open() was called').toBe(false);

    // Assert: the queued open() ran.
    await expect(w.panel).toBeVisible();
    await expectText(w.title, EN.title, 'title after open() (en-US)');
    await expect.poll(() => received('open'), { message: "on('open') details" }).toEqual([{ topic: TOPIC }]);

    // Act + Assert: setLocale switches the panel to German and announces it.
    await page.evaluate(() => (window as unknown as { helpmark: { setLocale: (t: string) => void } }).helpmark.setLocale('de-DE'));
    await expectText(w.title, DE.title, 'title after setLocale("de-DE")');
    await expect
      .poll(async () => (await seen.heard('locale')).map((h) => h.detail), { message: 'helpmark:locale events' })
      .toEqual([{ locale: 'de-DE', dir: 'ltr', topic: TOPIC }]);
    expect(await received('locale'), "on('locale') details").toEqual([{ locale: 'de-DE', dir: 'ltr', topic: TOPIC }]);

    // Act + Assert: next() shows step 2 and reports it.
    await page.evaluate(() => (window as unknown as { helpmark: { next: () => void } }).helpmark.next());
    await expectText(w.progress, DE.progress(2, STEP_COUNT), 'progress after next()');
    await expectText(w.step, DE.steps[1], 'step 2 after next()');
    await expect
      .poll(async () => (await received('step')).some((d) => d.step === 2 && d.steps === STEP_COUNT), {
        message: "on('step') reported step 2",
      })
      .toBe(true);
    for (const d of await received('step')) {
      expect(d.topic, 'step detail topic').toBe(TOPIC);
      expect(typeof d.found, 'step detail found').toBe('boolean');
    }

    // Act + Assert: back() returns to step 1.
    await page.evaluate(() => (window as unknown as { helpmark: { back: () => void } }).helpmark.back());
    await expectText(w.progress, DE.progress(1, STEP_COUNT), 'progress after back()');

    // Act + Assert: close() removes the panel and reports it.
    await page.evaluate(() => (window as unknown as { helpmark: { close: () => void } }).helpmark.close());
    await expect(w.panel).toBeHidden();
    await expect.poll(() => received('close'), { message: "on('close') details" }).toEqual([{ topic: TOPIC }]);
    expect(await received('open'), "on('open') fired once").toHaveLength(1);
    expect(seen.pageErrors, 'uncaught page errors').toEqual([]);
  });

  test('runs the calls of a snippet queued before the loader arrived', async ({ page }) => {
    // Arrange: the host's snippet runs before any of the page's scripts.
    const seen = await observe(page);
    const w = embed(page);
    await page.addInitScript(() => {
      (window as unknown as { helpmark: unknown }).helpmark = { q: [['open']] };
    });

    // Act
    await page.goto(PAGE);

    // Assert: the panel opens without a click, and the API replaced the stub.
    await expect(w.panel).toBeVisible();
    await expectText(w.title, EN.title, 'title opened by the queued call');
    expect(
      await page.evaluate(() => typeof (window as unknown as { helpmark: { open?: unknown } }).helpmark.open),
      'window.helpmark.open after the loader ran',
    ).toBe('function');
    await expect.poll(async () => (await seen.heard('open')).length, { message: 'helpmark:open events' }).toBe(1);
    expect(seen.wasm, '.wasm requests').toHaveLength(1);
    expect(seen.pageErrors, 'uncaught page errors').toEqual([]);
  });
});

test.describe('loading once', () => {
  test('loads the code once when the tag is included twice', async ({ page }) => {
    // Arrange: the example page with the loader's tag duplicated.
    await serveVariant(page, '/embed-twice.html', (html) => {
      const tag = html.match(LOADER_TAG);
      expect(tag, 'the example page has the loader tag').not.toBeNull();
      return html.replace(LOADER_TAG, `${tag![0]}\n  ${tag![0]}`);
    });
    const seen = await observe(page);
    const w = embed(page);
    await page.goto('/embed-twice.html');
    expect(await page.locator('script[src="helpmark.js"]').count(), 'loader tags on the page').toBe(2);

    // Act
    await w.launcher.hover();
    await expect.poll(() => seen.wasm.length, { message: '.wasm requests after hovering' }).toBe(1);
    await w.launcher.click();

    // Assert: one host, one icon, one panel, one load, also after the idle timer.
    await expect(w.panel).toBeVisible();
    await expectText(w.title, EN.title, 'title');
    await waitUntilSinceLoad(page, 4500);
    await expect(w.anyHost).toHaveCount(1);
    await expect(w.launcher).toHaveCount(1);
    await expect(w.panel).toHaveCount(1);
    expect(seen.wasm, '.wasm requests').toHaveLength(1);
    expect(seen.pageErrors, 'uncaught page errors').toEqual([]);
  });

  test('opens the panel from the inline button of a <help-mark> element', async ({ page }) => {
    // Arrange
    const seen = await observe(page);
    const w = embed(page);
    await page.goto(PAGE);
    await expect(w.inline).toHaveCount(1);
    await expect(w.inline).toHaveAccessibleName(/\S/);

    // Act
    await w.inline.click();

    // Assert
    await expect(w.panel).toBeVisible();
    await expectText(w.title, EN.title, 'title opened from <help-mark>');
    await expect.poll(async () => (await seen.heard('open')).map((h) => h.detail)).toEqual([{ topic: TOPIC }]);
    await expect(w.anyHost).toHaveCount(1);
    expect(seen.pageErrors, 'uncaught page errors').toEqual([]);
  });

  test('loads the code once for several <help-mark> elements and the icon', async ({ page }) => {
    // Arrange: the example page with two more <help-mark> elements.
    const mark = `<help-mark topic="${TOPIC}"></help-mark>`;
    await serveVariant(page, '/embed-many.html', (html) => {
      expect(html, 'the example page has a <help-mark>').toContain(mark);
      return html.replace('</main>', `  <p>${mark} ${mark}</p>\n  </main>`);
    });
    const seen = await observe(page);
    const w = embed(page);
    await page.goto('/embed-many.html');
    await expect(w.inline).toHaveCount(3);

    // Act: use each of them.
    for (let i = 0; i < 3; i++) await w.inline.nth(i).hover();
    await w.launcher.hover();
    await expect.poll(() => seen.wasm.length, { message: '.wasm requests after hovering' }).toBe(1);
    await w.inline.nth(2).click();

    // Assert
    await expect(w.panel).toBeVisible();
    await expectText(w.title, EN.title, 'title');
    await waitUntilSinceLoad(page, 4500);
    expect(seen.wasm, '.wasm requests').toHaveLength(1);
    await expect(w.anyHost).toHaveCount(1);
    expect(seen.pageErrors, 'uncaught page errors').toEqual([]);
  });
});

/**
 * A host stylesheet that tries everything: reverts and overrides every property of every
 * element, transforms and clips <html> and <body>. The host layer's rules are !important
 * (unlike the brief's plain rule) because `* { all: revert !important }` would otherwise
 * revert the layer itself to a static, empty div and the test would not cover it.
 */
const HOSTILE_CSS = `
* { all: revert !important; font-size: 40px !important; z-index: 0 !important }
html, body { transform: translateZ(0) scale(1) !important; overflow: hidden !important }
div { filter: none }
div.host-layer { position: fixed !important; inset: 0 !important; z-index: 2147483647 !important; pointer-events: none !important; display: block !important }
`;

/** Screenshot-only style: a white page behind the panel, host content hidden (not moved). */
const BACKDROP = 'html { background: #ffffff !important } body { visibility: hidden !important }';

/** What is under the launcher's center: the innermost element, through open shadow roots. */
async function hitTestLauncher(page: Page): Promise<{ isLauncher: boolean; found: string }> {
  const box = await embed(page).launcher.boundingBox();
  expect(box, 'the launcher has a box').not.toBeNull();
  const point = { x: box!.x + box!.width / 2, y: box!.y + box!.height / 2 };
  return page.evaluate(({ x, y }) => {
    let element: Element | null = document.elementFromPoint(x, y);
    while (element?.shadowRoot) {
      const inner = element.shadowRoot.elementFromPoint(x, y);
      if (!inner || inner === element) break;
      element = inner;
    }
    const describe = (e: Element | null) =>
      e ? `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}${e.getAttribute('class') ? `.${e.getAttribute('class')}` : ''}` : 'nothing';
    return { isLauncher: !!element?.closest('button.hm-launcher'), found: describe(element) };
  }, point);
}

/**
 * Checks the launcher is hit at its center and opens the panel with a real mouse click
 * there, shoots the panel, then closes it and checks the (now WebAssembly-drawn) launcher
 * the same way. The hit-test checks are soft, so the pixel comparison still runs and
 * reports when they fail; the click then goes through Playwright's own `click()`.
 */
async function openAndShoot(page: Page, what: string): Promise<Buffer> {
  const w = embed(page);
  await expect(w.launcher).toBeVisible();

  /** Clicks the launcher at its center if it is what is hit there, else with `click()`. */
  const openByMouse = async (which: string) => {
    const hit = await hitTestLauncher(page);
    expect.soft(hit.isLauncher, `${what}: the ${which} launcher is hit at its center (found ${hit.found})`).toBe(true);
    if (hit.isLauncher) {
      const box = (await w.launcher.boundingBox())!;
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    } else {
      await w.launcher.click();
    }
    await expect(w.panel, `${what}: the ${which} launcher opens the panel`).toBeVisible();
  };

  await openByMouse('placeholder');
  await expectText(w.title, EN.title, `${what}: title`);
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  // The panel's rounded corners let the page behind them show through: the same plain
  // backdrop for both shots, by hiding <body> (the widget's host is outside it) while shooting.
  const png = await w.panel.screenshot({ animations: 'disabled', caret: 'hide', style: BACKDROP });

  await w.close.click();
  await expect(w.panel).toBeHidden();
  await openByMouse('loaded');
  return png;
}

test.describe('isolation from the host page', () => {
  test('a hostile host stylesheet changes neither the panel pixels nor the launcher hit-testing', async ({
    page,
  }, testInfo) => {
    // Arrange: the same page with the hostile stylesheet and a full-viewport top layer.
    await serveVariant(page, '/embed-hostile.html', (html) =>
      html
        .replace('</head>', `<style>${HOSTILE_CSS}</style>\n</head>`)
        .replace('</body>', '<div class="host-layer"></div>\n</body>'),
    );
    const seen = await observe(page);

    // Act: shoot the panel on the plain page, then on the hostile one.
    await page.goto(PAGE);
    const plain = await openAndShoot(page, 'plain page');
    // A fresh start on the next page: a guide left open would resume there at once.
    await page.evaluate(() => sessionStorage.clear());
    await page.goto('/embed-hostile.html');
    const applied = await page.evaluate(() => {
      const layer = getComputedStyle(document.querySelector('div.host-layer')!);
      return {
        bodyFontSize: getComputedStyle(document.body).fontSize,
        htmlTransform: getComputedStyle(document.documentElement).transform,
        layer: `${layer.position} ${layer.zIndex} ${layer.pointerEvents}`,
      };
    });
    expect(applied, 'the hostile stylesheet applies').toEqual({
      bodyFontSize: '40px',
      htmlTransform: expect.stringMatching(/^matrix/),
      layer: 'fixed 2147483647 none',
    });
    const hostile = await openAndShoot(page, 'hostile page');

    // Assert: pixel-identical panels (exact comparison, no tolerance).
    for (const [name, png] of [['panel-plain', plain], ['panel-hostile', hostile]] as const) {
      const file = testInfo.outputPath(`${name}.png`);
      await fs.writeFile(file, png);
      await testInfo.attach(name, { path: file, contentType: 'image/png' });
    }
    expect(hostile.equals(plain), 'panel screenshot with the hostile CSS equals the one without').toBe(true);
    expect(seen.pageErrors, 'uncaught page errors').toEqual([]);
  });
});

const CSP = "script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; default-src 'self'";

test.describe('Content Security Policy', () => {
  test(`loads and opens without violations under "${CSP}"`, async ({ page }) => {
    // Arrange: the page is served with a strict policy; violations are recorded.
    await page.route(`**${PAGE}`, async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': CSP } });
    });
    await page.addInitScript(() => {
      const violations: string[] = [];
      (window as unknown as { __violations: string[] }).__violations = violations;
      const record = (event: Event) => {
        const e = event as SecurityPolicyViolationEvent;
        violations.push(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} ${e.sample}`.trim());
      };
      window.addEventListener('securitypolicyviolation', record, true);
    });
    const seen = await observe(page);
    const w = embed(page);
    const response = await page.goto(PAGE);
    expect(response?.headers()['content-security-policy'], 'the policy is served').toBe(CSP);

    // Act
    await w.launcher.click();

    // Assert: the widget works, step 2 renders too, and nothing was refused.
    await expect(w.panel).toBeVisible();
    await expectText(w.title, EN.title, 'title under the policy');
    await w.next.click();
    await expectText(w.progress, EN.progress(2, STEP_COUNT), 'progress on step 2 under the policy');
    await page.waitForTimeout(500);
    const violations = await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
    expect(violations, 'securitypolicyviolation events').toEqual([]);
    expect(
      seen.consoleErrors.filter((text) => text.includes('Content Security Policy')),
      'console errors about the Content Security Policy',
    ).toEqual([]);
    expect(seen.wasm, '.wasm requests').toHaveLength(1);
    expect(seen.pageErrors, 'uncaught page errors').toEqual([]);

    // Control: the recorder does hear a violation (an inline style attribute set by the host).
    await page.evaluate(() => document.body.setAttribute('style', 'outline: 1px solid red'));
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations), {
        message: 'the control violation is recorded',
      })
      .toEqual([expect.stringMatching(/^style-src/)]);
  });
});

const INDEX = '**/help/*.index.json';
const ARTICLE = `**/help/*/${TOPIC}.json`;

interface Fault {
  name: string;
  pattern: string;
  /** What the console error must name. */
  names: string;
  apply: (route: Route) => Promise<void>;
}

const NETWORK_FAULTS: Array<{ name: string; apply: (route: Route) => Promise<void> }> = [
  { name: 'a 404', apply: (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'Not Found' }) },
  { name: 'a 500', apply: (route) => route.fulfill({ status: 500, contentType: 'text/plain', body: 'Server Error' }) },
  { name: 'a refused connection', apply: (route) => route.abort('connectionrefused') },
  {
    name: 'a 5-second delay',
    apply: async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 5000));
      await route.continue();
    },
  },
];

const FAULTS: Fault[] = [
  ...NETWORK_FAULTS.map((f) => ({ ...f, name: `${f.name} for the topic index`, pattern: INDEX, names: `help/${TOPIC}.index.json` })),
  ...NETWORK_FAULTS.map((f) => ({ ...f, name: `${f.name} for the article`, pattern: ARTICLE, names: `/${TOPIC}.json` })),
  {
    name: 'a topic index that is not JSON',
    pattern: INDEX,
    names: `help/${TOPIC}.index.json`,
    apply: (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{"version": 1, "topics": [{"slug": ' }),
  },
  {
    name: 'an article that is not a compiled topic',
    pattern: ARTICLE,
    names: `/${TOPIC}.json`,
    apply: (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '# no front matter\n' }),
  },
];

test.describe('content faults', () => {
  for (const fault of FAULTS) {
    test(`${fault.name}: shows an error with retry, reports it once, keeps the page usable, and recovers on retry`, async ({
      page,
    }) => {
      test.setTimeout(60_000);
      // Arrange: the fault is in place before the page loads.
      const handled: Array<Promise<void>> = [];
      const hits: string[] = [];
      await page.route(fault.pattern, (route) => {
        hits.push(route.request().url());
        // A delayed request may be given up by the page before it is answered.
        const done = fault.apply(route).catch(() => undefined);
        handled.push(done);
        return done;
      });
      const seen = await observe(page);
      const w = embed(page);
      await page.goto(PAGE);

      // Act: open the widget, and use the host page while the content is failing.
      await w.launcher.click();
      await w.hostButton.click();
      await expect(w.hostCounter).toHaveText('1');

      // Assert: a message and a retry button in the panel.
      await expect(w.error).toBeVisible({ timeout: 10_000 });
      await expect(w.error).toHaveRole('alert');
      expect(normalize(await w.error.innerText()), 'error message').not.toBe('');
      await expect(w.retry).toBeVisible();
      expect(hits.length, `requests matching ${fault.pattern}`).toBeGreaterThan(0);

      // Assert: reported once, as an event and on the console, and nothing leaked.
      await Promise.all(handled);
      await page.waitForTimeout(300);
      const errors = await seen.heard('error');
      expect(errors, 'helpmark:error events').toHaveLength(1);
      expect(typeof errors[0].detail?.message, 'helpmark:error detail.message').toBe('string');
      expect(String(errors[0].detail?.message), 'helpmark:error detail.message').not.toBe('');
      const reports = seen.consoleErrors.filter((text) => text.startsWith('Helpmark:'));
      expect(reports, 'console errors starting with "Helpmark:"').toHaveLength(1);
      expect(reports[0], 'the console error names the failing file').toContain(fault.names);
      expect(seen.pageErrors, 'uncaught page errors').toEqual([]);
      await w.hostButton.click();
      await expect(w.hostCounter).toHaveText('2');

      // Act: the fault goes away; retry.
      await page.unroute(fault.pattern);
      await w.retry.click();

      // Assert: the topic shows.
      await expectText(w.title, EN.title, 'title after retry');
      await expect(w.error).toBeHidden();
      expect(await seen.heard('error'), 'helpmark:error events after the retry').toHaveLength(1);
      expect(seen.pageErrors, 'uncaught page errors').toEqual([]);
    });
  }
});

test('an article answered late is requested once, and a retry after it failed gets a fresh answer', async ({ page }) => {
  // Arrange: the topic's index arrives after the code has run (the widget then asks for
  // the article itself), and the article fails until the retry.
  const articles: string[] = [];
  let failing = true;
  await page.route(INDEX, async (route) => {
    await new Promise((ok) => setTimeout(ok, 1_500));
    await route.continue();
  });
  await page.route(ARTICLE, (route) => {
    articles.push(route.request().url());
    return failing ? route.fulfill({ status: 404, body: '' }) : route.continue();
  });
  const w = embed(page);
  await page.goto(PAGE);

  // Act: open; the article fails.
  await w.launcher.click();
  await expect(w.error).toBeVisible({ timeout: 10_000 });
  await page.waitForTimeout(500);

  // Assert: one request for the article (the loader starts none once the widget runs).
  expect(articles, 'requests for the article before the retry').toHaveLength(1);

  // Act: the article is back; retry.
  failing = false;
  await w.retry.click();

  // Assert: the topic shows, from a second request (not an answer kept from before).
  await expectText(w.title, EN.title, 'title after retry');
  expect(articles, 'requests for the article after the retry').toHaveLength(2);
});

test.describe('the tag’s settings', () => {
  test('data-content, data-locale and data-topic on the tag are what the widget uses', async ({ page }) => {
    // Arrange: content moved to /alt-help/ (served from help/), Swedish, and the topic named.
    await serveVariant(page, '/embed-settings.html', (html) =>
      html.replace(LOADER_TAG, (tag) =>
        tag.replace(/data-content="[^"]*"/, 'data-content="/alt-help/"').replace(/data-locale="[^"]*"/, 'data-locale="sv-SE"'),
      ),
    );
    const alt: string[] = [];
    await page.route('**/alt-help/**', async (route) => {
      alt.push(new URL(route.request().url()).pathname);
      const real = route.request().url().replace('/alt-help/', '/help/');
      await route.fulfill({ response: await route.fetch({ url: real }) });
    });
    const w = embed(page);

    // Act
    await page.goto('/embed-settings.html');
    await w.launcher.click();

    // Assert: Swedish, from the other content base, in an English browser.
    await expectText(w.title, EXPECTED['sv-SE'].title, 'Swedish title');
    expect(alt).toContain(`/alt-help/${TOPIC}.index.json`);
    expect(alt).toContain(`/alt-help/sv-SE/${TOPIC}.json`);
  });

  test('a data-topic that does not exist is reported as missing', async ({ page }) => {
    await serveVariant(page, '/embed-topic.html', (html) =>
      html.replace(LOADER_TAG, (tag) => tag.replace(/data-topic="[^"]*"/, 'data-topic="no-such-topic"')),
    );
    const seen = await observe(page);
    const w = embed(page);
    await page.goto('/embed-topic.html');
    await w.launcher.click();
    await expect(w.error).toBeVisible();
    const errors = await seen.heard('error');
    expect(String(errors[0]?.detail?.message)).toContain('no-such-topic');
  });
});

test.describe('the fault-injection hook', () => {
  test('is not in the release build: no file names __crash, and the command does nothing', async ({ page }) => {
    // Arrange: every file the release build serves for the widget and the demo.
    const files = (await fs.readdir('dist')).filter((name) => /\.(js|wasm|html)$/.test(name));
    expect(files.some((name) => name.endsWith('_bg.wasm')), 'the WebAssembly is in dist/').toBe(true);

    // Assert: the `__crash` command (a deliberate panic) is in debug builds only
    // (tests/serve/crash.spec.ts tests it under `trunk serve`).
    for (const name of files) {
      const bytes = await fs.readFile(`dist/${name}`);
      expect(bytes.includes('__crash'), `dist/${name} names __crash`).toBe(false);
    }

    // Act: the command sent to a running release widget.
    const seen = await observe(page);
    const w = embed(page);
    await page.goto(PAGE);
    await w.launcher.click();
    await expectText(w.title, EN.title, 'title');
    await w.anyHost.evaluate((host) =>
      host.dispatchEvent(new CustomEvent('helpmark:command', { detail: { command: '__crash' } })),
    );

    // Assert: it is an unknown command: the widget goes on, nothing is reported.
    await page.evaluate(() => (window as unknown as { helpmark: { next(): void } }).helpmark.next());
    await expect(w.progress).toHaveText('Step 2 of 3');
    await expect(w.error).toHaveCount(0);
    expect(await seen.heard('error')).toEqual([]);
    expect(seen.pageErrors, 'uncaught page errors').toEqual([]);
  });
});
