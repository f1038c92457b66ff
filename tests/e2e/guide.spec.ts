/**
 * End-to-end tests of the guided flow (issue 4) on the demo portal, in the release build:
 * the spotlight's cut-out matches the element each step names, follows it through
 * scrolling, resizing and a reload, advances when the user uses the element, keeps the
 * panel off it, and tells the host page with `helpmark:step`.
 *
 * The second part removes every `data-help-target` from the portal, so only accessible
 * names can match, and asserts which anchors resolve in which locale (the table in the
 * closing note).
 */
import { expect, test, type Page } from '@playwright/test';
import { openPortal, widget } from './support';

const LOCALES = ['zh-CN', 'ru-RU', 'de-DE', 'es-ES', 'sv-SE', 'en-US'] as const;
type Locale = (typeof LOCALES)[number];

/** Elements of the portal found without `data-help-target` (for the name-only walk). */
const PLAIN = {
  'partner-center': '#pc-menu-button',
  customers: '.pc-menu-item[href="#/customers"]',
  'customer-list': 'table.data-table',
  account: '.customer-menu-link[href$="/account"]',
  update: 'main button.button-primary',
  submit: 'main button[type="submit"]',
} as const;
type Key = keyof typeof PLAIN;

type Box = { x: number; y: number; width: number; height: number };

/** The spotlight's cut-out, as drawn. */
async function cutout(page: Page): Promise<Box | null> {
  const hole = page.locator('svg.hm-spotlight rect.hm-cutout');
  if ((await hole.count()) === 0) return null;
  return hole.evaluate((r) => ({
    x: Number(r.getAttribute('x')),
    y: Number(r.getAttribute('y')),
    width: Number(r.getAttribute('width')),
    height: Number(r.getAttribute('height')),
  }));
}

async function box(page: Page, selector: string): Promise<Box> {
  return page.locator(selector).first().evaluate((e) => {
    const r = e.getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  });
}

function close(a: Box | null, b: Box, tolerance = 2): boolean {
  return (
    a !== null &&
    Math.abs(a.x - b.x) <= tolerance &&
    Math.abs(a.y - b.y) <= tolerance &&
    Math.abs(a.width - b.width) <= tolerance &&
    Math.abs(a.height - b.height) <= tolerance
  );
}

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/**
 * Waits until the cut-out equals the element's bounding rectangle within 2 px (clipped
 * to the viewport, as the spotlight draws it) and checks the panel does not cover it.
 */
async function expectHighlighted(page: Page, selector: string, what: string): Promise<void> {
  await expect
    .poll(
      async () => {
        const element = await box(page, selector);
        const viewport = page.viewportSize()!;
        const x = Math.max(element.x, 0);
        const y = Math.max(element.y, 0);
        const clipped = {
          x,
          y,
          width: Math.min(element.x + element.width, viewport.width) - x,
          height: Math.min(element.y + element.height, viewport.height) - y,
        };
        return close(await cutout(page), clipped);
      },
      { message: `the cut-out matches ${what}` },
    )
    .toBe(true);
  const panel = await box(page, 'section.hm-panel');
  expect(overlaps(panel, await box(page, selector)), `the panel must not cover ${what}`).toBe(false);
}

/** Records `helpmark:step` details in sessionStorage, so they survive a reload. */
async function recordSteps(page: Page): Promise<void> {
  await page.addInitScript(() => {
    document.addEventListener('helpmark:step', (event) => {
      const seen = JSON.parse(sessionStorage.getItem('test:steps') ?? '[]');
      seen.push((event as CustomEvent).detail);
      sessionStorage.setItem('test:steps', JSON.stringify(seen));
    });
  });
}

for (const locale of LOCALES) {
  test.describe(`guided walk, browser locale ${locale}`, () => {
    test.use({ locale, viewport: { width: 1280, height: 720 } });

    test('highlights each element in turn, follows it, and resumes after a reload', async ({ page }) => {
      // Arrange
      await recordSteps(page);
      const { widget: w } = await openPortal(page, '/');
      const target = (key: string) => `[data-help-target="${key}"]`;

      // Act and assert, stage by stage. Step 1: the Partner Center menu, then Customers.
      await w.launcher.click();
      await expectHighlighted(page, target('partner-center'), 'the Partner Center menu');
      await page.locator(target('partner-center')).click();
      await expectHighlighted(page, target('customers'), 'the Customers menu item');
      await page.locator(target('customers')).click();

      // The customer list: an instruction without a bold term, named by the host.
      await expectHighlighted(page, target('customer-list'), 'the customer list');
      await page.locator(`${target('customer-list')} tbody a`).first().click();

      // Step 2: Account, also after the viewport is resized to a small phone's width, where the
      // customer menu becomes a scrolling strip, and after that strip scrolls.
      await expectHighlighted(page, target('account'), 'the Account menu item');
      await expect(w.progress).toContainText(/2/);
      await page.setViewportSize({ width: 320, height: 700 });
      await expectHighlighted(page, target('account'), 'the Account item after a resize');
      const strip = page.locator('.customer-menu ul');
      const scrolled = await strip.evaluate((e) => {
        e.scrollLeft = 48;
        return e.scrollLeft;
      });
      expect(scrolled, 'the customer menu strip scrolls at 320 px').toBeGreaterThan(0);
      await expectHighlighted(page, target('account'), 'the Account item in the scrolled strip');
      await page.setViewportSize({ width: 1280, height: 720 });
      await page.locator(target('account')).click();
      await expectHighlighted(page, target('update'), 'the Update button');

      // A reload in the middle of the flow resumes at the same place.
      await page.reload();
      await expect(w.panel).toBeVisible();
      await expectHighlighted(page, target('update'), 'the Update button after a reload');
      await page.locator(target('update')).click();

      // Step 3: Submit; using it finishes the guide.
      await expectHighlighted(page, target('submit'), 'the Submit button');
      await page.locator(target('submit')).click();
      await expect(w.panel).toHaveCount(0);
      await expect(page.locator('svg.hm-spotlight')).toHaveCount(0);

      // The host page heard every stage, found.
      const seen = await page.evaluate(() => JSON.parse(sessionStorage.getItem('test:steps') ?? '[]'));
      const stages = seen.filter((d: { found: boolean }) => d.found).map((d: { step: number; anchor: string }) => `${d.step}:${d.anchor}`);
      const expected = ['1:partner-center', '1:customers', '2:account', '2:update', '3:submit'];
      for (const stage of expected) expect(stages, `helpmark:step for ${stage}`).toContain(stage);
      expect(stages.some((s: string) => s.startsWith('1:') && s.includes('customer from the list'))).toBe(true);
      for (const d of seen) {
        expect(d.topic).toBe('update-customer-account-info');
        expect(d.locale).toBe(locale);
        expect(d.steps).toBe(3);
      }
    });
  });
}

/**
 * Which anchors resolve by accessible name alone, per locale (`true` = found): the
 * table of the closing note. Where the translation's bold term differs from the
 * portal's label (es "actualice" for "Actualizar"), only the English label is left, and
 * the localized portal does not use it (zh step 3 lost its bold, but its quoted label
 * “提交” is read as the localized label since issue #14, and matches); sv "menyn i
 * Partnercenter" does not match either, but the English "Partner Center" does, as
 * names compare without spaces ("Partnercenter"). The customer list has no bold term:
 * only a `data-help-target` names it.
 */
const BY_NAME: Record<Locale, Record<Key, boolean>> = {
  'zh-CN': { 'partner-center': true, customers: true, 'customer-list': false, account: true, update: true, submit: true },
  'ru-RU': { 'partner-center': true, customers: true, 'customer-list': false, account: true, update: true, submit: true },
  'de-DE': { 'partner-center': true, customers: true, 'customer-list': false, account: true, update: true, submit: true },
  'es-ES': { 'partner-center': true, customers: true, 'customer-list': false, account: true, update: false, submit: true },
  'sv-SE': { 'partner-center': true, customers: true, 'customer-list': false, account: true, update: true, submit: true },
  'en-US': { 'partner-center': true, customers: true, 'customer-list': false, account: true, update: true, submit: true },
};

/** Where each target is in the guide (step, target) and the portal screen it is on. */
const PLACES: Record<Key, { step: number; target: number; url: string; openMenu?: boolean }> = {
  'partner-center': { step: 0, target: 0, url: '/#/' },
  customers: { step: 0, target: 1, url: '/#/', openMenu: true },
  'customer-list': { step: 0, target: 2, url: '/#/customers' },
  account: { step: 1, target: 0, url: '/#/customers/contoso' },
  update: { step: 1, target: 1, url: '/#/customers/contoso/account' },
  submit: { step: 2, target: 0, url: '/#/customers/contoso/account/edit' },
};

/** A copy of the portal without any `data-help-target`: removed as soon as it is added. */
async function withoutTargets(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const strip = () =>
      document.querySelectorAll('[data-help-target]').forEach((e) => e.removeAttribute('data-help-target'));
    new MutationObserver(strip).observe(document, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['data-help-target'],
    });
  });
}

for (const locale of LOCALES) {
  test.describe(`accessible names only, browser locale ${locale}`, () => {
    test.use({ locale, viewport: { width: 1280, height: 720 } });

    test('resolves exactly the anchors of the table', async ({ page }) => {
      await withoutTargets(page);
      const resolved: Record<string, boolean> = {};
      for (const key of Object.keys(PLACES) as Key[]) {
        // Arrange: the guide at this target (as a resumed guide), on the right screen.
        const place = PLACES[key];
        await page.goto(place.url);
        await page.evaluate(
          ({ step, target }) =>
            sessionStorage.setItem('helpmark:guide', `update-customer-account-info\n${step}:${target}`),
          place,
        );
        await page.reload();
        const w = widget(page);
        await expect(w.panel).toBeVisible();
        expect(await page.locator('[data-help-target]').count()).toBe(0);
        if (place.openMenu) await page.locator(PLAIN['partner-center']).click();

        // Act: wait until the widget has decided: found, or not on this page (waiting
        // turns into that after a moment).
        const note = page.locator('.hm-target-note');
        await expect(w.panel, `${locale} ${key}: decided`).toHaveAttribute('data-target-status', /^(found|missing)$/);
        const found = (await w.panel.getAttribute('data-target-status')) === 'found';
        resolved[key] = found;

        // Assert: a found anchor is the right element; a missing one says so.
        if (found) {
          await expectHighlighted(page, PLAIN[key], `${key} by name`);
        } else {
          await expect(note).not.toBeEmpty();
        }
      }
      expect(resolved).toEqual(BY_NAME[locale]);
    });
  });
}

test.describe('helpmark:step for a new target', () => {
  test.use({ locale: 'de-DE', viewport: { width: 1280, height: 720 } });

  test('reports the new target’s own result, never the previous target’s', async ({ page }) => {
    // Arrange: step 1 on the dashboard, its first target (the Partner Center menu) found.
    await recordSteps(page);
    const { widget: w } = await openPortal(page, '/#/');
    await w.launcher.click();
    await expect(w.panel).toHaveAttribute('data-target-status', 'found');
    const steps = () =>
      page.evaluate(() => JSON.parse(sessionStorage.getItem('test:steps') ?? '[]') as { step: number; anchor: string; found: boolean }[]);
    await expect.poll(async () => (await steps()).length).toBeGreaterThan(0);

    // Act: on to step 2, whose Account tab is not on the dashboard.
    await w.next.click();
    await expect(w.panel).toHaveAttribute('data-target-status', 'missing');

    // Assert: every event for step 2 says so; none carries step 1's "found".
    const second = (await steps()).filter((s) => s.step === 2);
    expect(second.length).toBeGreaterThan(0);
    expect(second.map((s) => [s.anchor, s.found])).toEqual(second.map(() => ['account', false]));
  });
});

test.describe('the spotlight while the page scrolls under it', () => {
  test.use({ locale: 'en-US', viewport: { width: 1280, height: 720 } });

  test('follows the element, dims the whole page while it is out of sight, and finds it back', async ({ page }) => {
    // Arrange: the guide resumed at the Update button, on a page that scrolls.
    await page.addInitScript(() => sessionStorage.setItem('helpmark:guide', 'update-customer-account-info\n1:1'));
    const { widget: w } = await openPortal(page, '/#/customers/contoso/account');
    await page.addStyleTag({ content: 'main { padding-bottom: 3000px !important; }' });
    const update = PLAIN.update;
    await expectHighlighted(page, update, 'the Update button');
    const path = page.locator('svg.hm-spotlight path.hm-dim');

    // Act and assert: a small scroll moves the cut-out with the button.
    await page.evaluate(() => window.scrollBy(0, 150));
    await expectHighlighted(page, update, 'the Update button after a scroll');

    // Scrolled out of sight: the whole page is dimmed, with no ring and no cut-out, and
    // the step still says its element is found (on the page, above the fold).
    await page.evaluate(() => window.scrollTo(0, 2000));
    await expect(page.locator('svg.hm-spotlight rect')).toHaveCount(0);
    await expect(path).toHaveAttribute('d', 'M0 0H1280V720H0Z');
    await expect(w.panel).toHaveAttribute('data-target-status', 'found');

    // Back: the cut-out and the ring are drawn again, around the button.
    await page.evaluate(() => window.scrollTo(0, 40));
    await expect(page.locator('svg.hm-spotlight rect.hm-ring')).toHaveCount(1);
    await expectHighlighted(page, update, 'the Update button scrolled back');
    expect(await path.getAttribute('d'), 'the dimmed path has the hole').toMatch(/^M0 0H1280V720H0Z M/);
  });
});
