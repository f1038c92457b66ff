/**
 * End-to-end tests of the widget under the strict security policies a host may have (the
 * README's "Security policies" gives each): self-hosted, nonce-based (nonce-only styles and
 * `'strict-dynamic'` scripts) and Trusted Types, each with the widget's files on the page's
 * own origin and on another origin (tests/server.mjs's second port, with CORS: a CDN).
 *
 * The host page is the demo portal from the release build (dist/index.html), which gets the
 * widget as any host does, with its loader tag replaced by one for the files under test;
 * every tag of the host's own gets the nonce where the policy uses one.
 *
 * For each: no `securitypolicyviolation` at all; the panel is styled and inside the
 * viewport; the step text is at WCAG AA contrast; the spotlight's cut-out is within 2 px of
 * each step's element; the walk of the seed topic completes.
 */
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { normalize, widget } from './support';
import { EXPECTED, STEP_COUNT } from './seed-expected';

const EN = EXPECTED['en-US'];
const NONCE = 'hm-test-nonce-4b1d';
const PORT = Number(process.env.HM_E2E_PORT ?? 8090);
const CDN_PORT = Number(process.env.HM_CDN_PORT ?? PORT + 1);
const SELF = `http://127.0.0.1:${PORT}`;
const CDN = `http://127.0.0.1:${CDN_PORT}`;

test.use({ locale: 'en-US', viewport: { width: 1280, height: 720 } });

/** A policy for the widget's files served from `files` (the page's origin or the CDN's). */
interface Policy {
  name: string;
  nonce: boolean;
  csp: (files: string) => string;
}

/** The host's own needs (its stylesheets, images, scripts), then the widget's. */
const POLICIES: Policy[] = [
  {
    name: 'self-hosted (script-src with wasm-unsafe-eval, style-src self)',
    nonce: false,
    csp: (files) =>
      `default-src 'none'; script-src 'self' ${files} 'wasm-unsafe-eval'; connect-src 'self' ${files}; ` +
      `style-src 'self'; img-src 'self' ${files}`,
  },
  {
    name: 'nonce-based (nonce-only styles, nonce and strict-dynamic scripts)',
    nonce: true,
    csp: (files) =>
      `default-src 'none'; script-src 'nonce-${NONCE}' 'strict-dynamic' 'wasm-unsafe-eval'; ` +
      `style-src 'nonce-${NONCE}'; connect-src 'self' ${files}; img-src 'self' ${files}; base-uri 'none'; object-src 'none'`,
  },
  {
    name: 'Trusted Types (require-trusted-types-for script, no policy allowed)',
    nonce: false,
    csp: (files) =>
      `default-src 'none'; script-src 'self' ${files} 'wasm-unsafe-eval'; connect-src 'self' ${files}; ` +
      `style-src 'self'; img-src 'self' ${files}; require-trusted-types-for 'script'; trusted-types 'none'`,
  },
];

/**
 * Adds the demo portal at `path` to the test server, with the loader from `files` and the
 * policy as a header (served by the server itself: see tests/server.mjs on why).
 */
async function hostPage(
  request: APIRequestContext,
  path: string,
  files: string,
  policy: Policy,
  loader = `${files}/helpmark.js`,
): Promise<string> {
  const csp = policy
    .csp(files === SELF ? '' : files)
    .replace(/ {2,}/g, ' ')
    .replace(/ ;/g, ';')
    .trim();
  const response = await request.get('/index.html');
  expect(response.status(), 'dist/index.html').toBe(200);
  let html = await response.text();
  // The demo gets the widget as any host does, through the loader's one tag (no inline
  // script, no start-up of Trunk's, no preload): the test's tag replaces it.
  const own = /<script\b[^>]*\bsrc="?helpmark\.js"?[^>]*><\/script>/g;
  expect(html.match(own), 'the demo portal has the loader’s one tag').toHaveLength(1);
  expect(html, 'no inline script').not.toMatch(/<script\b(?![^>]*\bsrc=)[^>]*>/);
  expect(html).not.toMatch(/\brel="?(?:modulepreload|preload)\b/);
  expect(html).not.toContain('helpmark-web-');
  html = html.replace(own, '');
  const tag = `<script src="${loader}" defer data-topic="update-customer-account-info"></script>`;
  html = html.replace('</head>', `${tag}\n</head>`);
  if (policy.nonce) {
    html = html.replace(/<script\b/g, `<script nonce="${NONCE}"`).replace(/<link\b(?=[^>]*\brel="?stylesheet)/g, `<link nonce="${NONCE}"`);
    expect(html.match(/<link nonce=/g)?.length, 'the host’s stylesheets get the nonce').toBeGreaterThan(0);
  }
  const added = await request.post('/__page', {
    data: { path, body: html, headers: { 'content-security-policy': csp } },
  });
  expect(added.status()).toBe(200);
  return csp;
}

type Box = { x: number; y: number; width: number; height: number };

/** The spotlight's cut-out and the element's box (clipped to the viewport) agree within 2 px. */
async function expectHighlighted(page: Page, selector: string): Promise<void> {
  await expect
    .poll(
      async () =>
        page.evaluate((sel) => {
          const hole = document
            .querySelector('[data-helpmark-host]')
            ?.shadowRoot?.querySelector('svg.hm-spotlight rect.hm-cutout');
          const el = document.querySelector(sel);
          if (!hole || !el) return false;
          const r = el.getBoundingClientRect();
          const x = Math.max(r.x, 0);
          const y = Math.max(r.y, 0);
          const want = {
            x,
            y,
            width: Math.min(r.right, innerWidth) - x,
            height: Math.min(r.bottom, innerHeight) - y,
          };
          const got = ['x', 'y', 'width', 'height'].map((k) => Number(hole.getAttribute(k)));
          return [want.x, want.y, want.width, want.height].every((v, i) => Math.abs(v - got[i]) <= 2);
        }, selector),
      { message: `the cut-out is within 2 px of ${selector}` },
    )
    .toBe(true);
}

/** The panel is styled, inside the viewport, and its step text is at AA contrast (4.5:1). */
async function expectStyledPanel(page: Page): Promise<void> {
  const facts = await page.evaluate(() => {
    const root = document.querySelector('[data-helpmark-host]')!.shadowRoot!;
    const panel = root.querySelector('section.hm-panel') as HTMLElement;
    const step = root.querySelector('.hm-step[aria-current="step"], .hm-step') as HTMLElement;
    const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
    const background = (e: Element | null): number[] => {
      for (; e; e = e.parentElement) {
        const c = rgb(getComputedStyle(e).backgroundColor);
        if (c.length === 3 || (c.length === 4 && c[3] > 0)) return c.slice(0, 3);
      }
      return [255, 255, 255];
    };
    const luminance = ([r, g, b]: number[]) => {
      const f = (v: number) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const a = luminance(rgb(getComputedStyle(step).color).slice(0, 3));
    const b = luminance(background(step));
    const r = panel.getBoundingClientRect();
    return {
      position: getComputedStyle(panel).position,
      sheets: root.adoptedStyleSheets.length,
      contrast: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05),
      box: { left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width },
    };
  });
  expect(facts.position, 'the panel is styled (position: fixed)').toBe('fixed');
  expect(facts.sheets, 'the widget’s stylesheet is adopted').toBe(1);
  expect(facts.box.width, 'the panel is a panel, not a page-wide strip').toBeLessThanOrEqual(400);
  expect(facts.box.left).toBeGreaterThanOrEqual(0);
  expect(facts.box.top).toBeGreaterThanOrEqual(0);
  expect(facts.box.right).toBeLessThanOrEqual(1280);
  expect(facts.box.bottom).toBeLessThanOrEqual(720);
  expect(facts.contrast, 'step text contrast').toBeGreaterThanOrEqual(4.5);
}

const target = (key: string) => `[data-help-target="${key}"]`;

for (const policy of POLICIES) {
  for (const [where, files] of [
    ['the page’s origin', SELF],
    ['another origin (CDN)', CDN],
  ] as const) {
    test(`${policy.name}, widget files on ${where}: no violation, styled, walk completes`, async ({ page, request }) => {
      test.setTimeout(60_000);
      // Arrange: violations and console errors are recorded from the start.
      const path = `/csp-${POLICIES.indexOf(policy)}-${files === SELF ? 'self' : 'cdn'}.html`;
      const csp = await hostPage(request, path, files, policy);
      const consoleErrors: string[] = [];
      const pageErrors: string[] = [];
      const fromFiles: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') consoleErrors.push(m.text());
      });
      page.on('pageerror', (e) => pageErrors.push(String(e)));
      page.on('request', (r) => {
        if (r.url().startsWith(`${files}/`)) fromFiles.push(new URL(r.url()).pathname);
      });
      await page.addInitScript(() => {
        const violations: string[] = [];
        (window as unknown as { __violations: string[] }).__violations = violations;
        window.addEventListener(
          'securitypolicyviolation',
          (event) => {
            const e = event as SecurityPolicyViolationEvent;
            violations.push(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} ${e.sample}`.trim());
          },
          true,
        );
      });
      const w = widget(page);
      const response = await page.goto(path);
      expect(response?.headers()['content-security-policy']).toBe(csp);

      // Act and assert: the walk of the seed topic.
      await w.launcher.click();
      await expect(w.panel).toBeVisible();
      await expect.poll(async () => normalize(await w.title.innerText())).toBe(EN.title);
      await expectStyledPanel(page);
      await expectHighlighted(page, target('partner-center'));
      await page.locator(target('partner-center')).click();
      await expectHighlighted(page, target('customers'));
      await page.locator(target('customers')).click();
      await expectHighlighted(page, target('customer-list'));
      await page.locator(`${target('customer-list')} tbody a`).first().click();
      await expect(w.progress).toHaveText(EN.progress(2, STEP_COUNT));
      await expectHighlighted(page, target('account'));
      await expectStyledPanel(page);
      await page.locator(target('account')).click();
      await expectHighlighted(page, target('update'));
      await page.locator(target('update')).click();
      await expect(w.progress).toHaveText(EN.progress(3, STEP_COUNT));
      await expectHighlighted(page, target('submit'));
      await expectStyledPanel(page);
      await page.locator(target('submit')).click();
      await expect(w.panel).toHaveCount(0);

      // Assert: the files came from where they were meant to, and nothing was refused.
      expect(fromFiles.some((p) => p.endsWith('.wasm')), 'the WebAssembly came from the files’ origin').toBe(true);
      expect(fromFiles.some((p) => p.startsWith('/help/')), 'the content came from the files’ origin').toBe(true);
      await page.waitForTimeout(300);
      const violations = await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
      expect(violations, 'securitypolicyviolation events').toEqual([]);
      expect(
        consoleErrors.filter((t) => /Content Security Policy|Trusted Type|Refused/i.test(t)),
        'console errors about the policy',
      ).toEqual([]);
      expect(pageErrors, 'uncaught page errors').toEqual([]);

      // Control: the recorder hears a violation of this policy.
      await page.evaluate(() => {
        try {
          document.body.setAttribute('style', 'outline: 1px solid red');
          document.body.insertAdjacentHTML('beforeend', '<b></b>');
        } catch {
          /* Trusted Types throws; the violation is still reported */
        }
      });
      await expect
        .poll(() => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations.length), {
          message: 'the control violation is recorded',
        })
        .toBeGreaterThan(0);
    });
  }
}

test('under the nonce-based policy with Trusted Types, a failed load shows the loader’s message and recovers, with no violation', async ({
  page,
  request,
}) => {
  // Arrange: the page and its files under a fault scope (see tests/server.mjs); the
  // WebAssembly answers 500 until healed.
  const scope = `csp-${Date.now()}`;
  const strictest: Policy = {
    name: 'nonce and Trusted Types',
    nonce: true,
    csp: (files) => `${POLICIES[1].csp(files)}; require-trusted-types-for 'script'; trusted-types 'none'`,
  };
  await hostPage(request, `/t/${scope}/csp.html`, SELF, strictest, 'helpmark.js');
  expect((await request.get(`/__fault?scope=${scope}&match=%5C.wasm%24&fault=500`)).status()).toBe(200);
  await page.addInitScript(() => {
    const violations: string[] = [];
    (window as unknown as { __violations: string[] }).__violations = violations;
    window.addEventListener('securitypolicyviolation', (e) => violations.push((e as SecurityPolicyViolationEvent).effectiveDirective), true);
  });
  const w = widget(page);
  const fail = page.locator('[data-helpmark-host] .hm-fail');
  await page.goto(`/t/${scope}/csp.html`);

  // Act
  await w.launcher.dispatchEvent('click');

  // Assert: the message, styled (fixed above the icon), in English; then recovery.
  await expect(fail).toBeVisible();
  expect(await fail.evaluate((e) => getComputedStyle(e).position)).toBe('fixed');
  await expect(fail.locator('button')).toHaveText('Try again');
  expect((await request.get(`/__fault?scope=${scope}`)).status()).toBe(200);
  await fail.locator('button').click();
  await expect.poll(async () => normalize(await w.title.innerText())).toBe(EN.title);
  await expectStyledPanel(page);
  expect(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([]);
});
