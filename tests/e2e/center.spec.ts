/**
 * The help center (issue #12) on the demo portal: the home screen's "For this page"
 * (route, page regions and the anchors of the topics' steps), its update on client-side
 * route changes, search in several languages (an ARIA 1.2 combobox), links between topics
 * with Back, done marks across reloads, the analytics events, accessibility (axe-core)
 * in eight locales, a keyboard-only path, and screenshots of home.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import * as path from 'node:path';
import { openPortal, widget } from './support';

/** Locators of the home screen (CSS locators pierce the open shadow root). */
function home(page: Page) {
  const panel = page.locator('section.hm-panel');
  return {
    panel,
    forPage: panel.locator('.hm-for-page .hm-topic'),
    all: panel.locator('.hm-all .hm-topic'),
    query: panel.locator('input.hm-query'),
    results: panel.locator('.hm-results [role=option]'),
    count: panel.locator('.hm-count'),
    home: panel.locator('button.hm-home'),
    historyBack: panel.locator('button.hm-history-back'),
  };
}

/** Records every `helpmark:*` event of the list with its detail. */
async function recordEvents(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __events: { type: string; detail: unknown }[] };
    w.__events = [];
    for (const type of ['search', 'complete', 'abandon', 'target-missing', 'navigate']) {
      document.addEventListener(`helpmark:${type}`, (e) => w.__events.push({ type, detail: (e as CustomEvent).detail }));
    }
  });
}

async function events(page: Page, type: string): Promise<Record<string, unknown>[]> {
  return page.evaluate(
    (t) => (window as unknown as { __events: { type: string; detail: Record<string, unknown> }[] }).__events.filter((e) => e.type === t).map((e) => e.detail),
    type,
  );
}

async function slugs(locator: ReturnType<Page['locator']>): Promise<string[]> {
  return locator.evaluateAll((els) => els.map((e) => e.getAttribute('data-slug') ?? ''));
}

async function openHome(page: Page, url: string) {
  const { widget: w } = await openPortal(page, url, { home: true });
  await w.launcher.click();
  const h = home(page);
  await expect(h.query).toBeVisible();
  return { w, h };
}

test.describe('for this page', () => {
  test.use({ locale: 'de-DE' });

  test('lists update-customer-account-info first on an account page, and see-your-customer-list after a client-side route change', async ({ page }) => {
    const { h } = await openHome(page, '/#/customers/contoso/account');
    await expect.poll(() => slugs(h.forPage)).toContain('update-customer-account-info');
    expect((await slugs(h.forPage))[0]).toBe('update-customer-account-info');
    // Home was opened without fetching any topic, nor the search index.
    await page.evaluate(() => ((window as unknown as { __noReload: boolean }).__noReload = true));
    // The portal's own link: a hash route change, no reload.
    await page.evaluate(() => { location.hash = '#/customers'; });
    await expect.poll(async () => (await slugs(h.forPage))[0]).toBe('see-your-customer-list');
    expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);
    await expect(h.query).toBeVisible();
  });

  test('history.pushState is wrapped only while home is shown, and put back after', async ({ page }) => {
    const native = () => page.evaluate(() => String(history.pushState).includes('[native code]') && String(history.replaceState).includes('[native code]'));
    const { w, h } = await openHome(page, '/#/customers');
    await expect.poll(() => slugs(h.forPage)).toContain('see-your-customer-list');
    expect(await native()).toBe(false);
    // A pushState of the page itself still works and moves the route.
    await page.evaluate(() => history.pushState({ n: 1 }, '', '#/customers/contoso/account'));
    expect(await page.evaluate(() => [location.hash, (history.state as { n: number }).n])).toEqual(['#/customers/contoso/account', 1]);
    await w.close.click();
    expect(await native()).toBe(true);
  });
});

test('destroy() puts the page’s history methods back while home is shown', async ({ page }) => {
  // The example page without its data-topic: the icon opens home.
  await page.route('**/embed-example.html', async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, body: (await response.text()).replace(/ data-topic="[^"]*"/, '') });
  });
  await page.goto('/embed-example.html');
  const native = () => page.evaluate(() => String(history.pushState).includes('[native code]') && String(history.replaceState).includes('[native code]'));
  await page.locator('button.hm-launcher').click();
  await expect(home(page).query).toBeVisible();
  expect(await native()).toBe(false);
  await page.evaluate(() => (window as unknown as { helpmark: { destroy(): void } }).helpmark.destroy());
  await expect(page.locator('html > div[data-helpmark-host]')).toHaveCount(0);
  expect(await native()).toBe(true);
});

const SEARCHES = [
  // Titles: "Aktualisieren der Kundenkontoinformationen", "Autorisieren von Kunden, …".
  { locale: 'de-DE', query: 'Kunden', expected: ['update-customer-account-info', 'give-customers-permission'], marked: true },
  { locale: 'zh-CN', query: '客户', expected: ['update-customer-account-info', 'give-customers-permission', 'add-a-new-customer'], marked: true },
  // The ja-JP add-a-new-customer names the "アカウント情報" page (update-customer-account-info
  // has no Japanese translation: nothing Japanese finds it).
  { locale: 'ja-JP', query: 'アカウント', expected: ['add-a-new-customer'], marked: false },
  // English in a German UI: the index holds the English text too.
  { locale: 'de-DE', query: 'update', expected: ['update-customer-account-info'], marked: false },
];

for (const s of SEARCHES) {
  test.describe(`search, ${s.locale}`, () => {
    test.use({ locale: s.locale });

    test(`"${s.query}" finds ${s.expected.join(', ')}, fetching the index only on focus`, async ({ page }) => {
      const fetched: string[] = [];
      page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
      const { h } = await openHome(page, '/#/');
      await expect.poll(() => h.all.count()).toBeGreaterThan(4);
      expect(fetched.filter((f) => f.includes('/center/search/')), 'no index on first open').toEqual([]);
      await h.query.fill(s.query);
      await expect.poll(() => slugs(h.results)).toEqual(expect.arrayContaining(s.expected));
      expect(fetched.filter((f) => f.includes('/center/search/')).length).toBeGreaterThan(0);
      await expect(h.query).toHaveAttribute('aria-expanded', 'true');
      // Words matching in a title are marked, and the count is announced.
      if (s.marked) await expect(h.results.first().locator('mark').first()).toBeVisible();
      await expect(h.count).toHaveText(/\d/);
    });
  });
}

test.describe('links between topics', () => {
  test.use({ locale: 'sv-SE' });

  test('a link to give-customers-permission opens it in the widget, and Back returns', async ({ page }) => {
    await recordEvents(page);
    const { w, h } = await openHome(page, '/#/customers/contoso/account');
    await h.forPage.first().click();
    await expect(w.title).toHaveText(/^Uppdatera kundkontoinformation/);
    const link = w.panel.locator('a[data-hm-topic="give-customers-permission"]').first();
    await link.click();
    await expect(w.title).toHaveText(/^Ge kunderna behörighet/);
    await expect(h.historyBack).toBeVisible();
    expect(await events(page, 'navigate')).toEqual([{ from: 'update-customer-account-info', to: 'give-customers-permission' }]);
    await h.historyBack.click();
    await expect(w.title).toHaveText(/^Uppdatera kundkontoinformation/);
    await expect(h.historyBack).toHaveCount(0);
    await h.home.click();
    await expect(h.query).toBeVisible();
  });
});

test.describe('done marks and events', () => {
  test.use({ locale: 'de-DE' });

  test('a finished topic shows done after a reload; one abandon and one complete event', async ({ page }) => {
    await recordEvents(page);
    const slug = 'update-customer-account-info';
    const { w, h } = await openHome(page, '/#/customers/contoso/account');
    await expect.poll(() => slugs(h.forPage)).toContain(slug);
    await w.panel.locator(`.hm-for-page [data-slug="${slug}"]`).click();
    await expect(w.progress).toHaveText('Schritt 1 von 3');
    // Leave it at step 2: abandoned, and offered as "Continue".
    await w.next.click();
    await w.close.click();
    const abandon = await events(page, 'abandon');
    expect(abandon).toEqual([{ topic: slug, step: 2, steps: 3 }]);
    // The icon shows the topic again; home offers it as "Continue".
    await w.launcher.click();
    await h.home.click();
    const resume = w.panel.locator('button.hm-continue');
    await expect(resume).toHaveText(/^Aktualisieren der Kundenkontoinformationen.*, Schritt 2 von 3$/);
    await resume.click();
    await expect(w.progress).toHaveText('Schritt 2 von 3');
    // Finish it.
    await w.next.click();
    await w.next.click();
    await expect(w.panel).toHaveCount(0);
    expect(await events(page, 'complete')).toEqual([{ topic: slug, locale: 'de-DE' }]);
    expect(await events(page, 'abandon')).toHaveLength(1);
    // Done after a reload, and no longer to continue.
    await page.reload();
    await w.launcher.click();
    const item = w.panel.locator(`.hm-all [data-slug="${slug}"]`);
    await expect(item.locator('.hm-done-mark')).toHaveText(/Fertig/);
    await expect(w.panel.locator('button.hm-continue')).toHaveCount(0);
    await item.click();
    const notDone = w.panel.locator('button.hm-not-done');
    await expect(notDone).toHaveText('Als nicht erledigt markieren');
    await notDone.click();
    await expect(notDone).toHaveCount(0);
    expect(await page.evaluate(() => localStorage.getItem('helpmark:done') ?? '')).not.toContain(slug);
  });

  test('target-missing fires once with the step, anchor and time waited', async ({ page }) => {
    await recordEvents(page);
    // Step 2 ("Account") left open on a page without it: the guide resumes there.
    await page.goto('/#/billing');
    await page.evaluate(() => sessionStorage.setItem('helpmark:guide', 'update-customer-account-info\n1:0'));
    await page.reload();
    const w = widget(page);
    await expect(w.panel).toHaveAttribute('data-target-status', 'missing');
    await expect.poll(() => events(page, 'target-missing')).toHaveLength(1);
    const [missing] = await events(page, 'target-missing');
    expect(missing).toMatchObject({ topic: 'update-customer-account-info', step: 2 });
    expect(typeof missing.anchor).toBe('string');
    expect(missing.waited_ms as number).toBeGreaterThanOrEqual(0);
  });

  test('search fires once when the query settles', async ({ page }) => {
    await recordEvents(page);
    const { h } = await openHome(page, '/#/');
    await h.query.fill('Kunden');
    await expect.poll(() => events(page, 'search')).toHaveLength(1);
    const [search] = await events(page, 'search');
    expect(search.query).toBe('Kunden');
    expect(search.results).toBe(await h.results.count());
  });
});

async function expectNoViolations(page: Page, what: string): Promise<void> {
  const results = await new AxeBuilder({ page }).include('[data-helpmark-host]').analyze();
  const found = results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(found, `axe violations ${what}`).toEqual([]);
}

for (const locale of ['en-US', 'de-DE', 'es-ES', 'ru-RU', 'sv-SE', 'zh-CN', 'he-IL', 'ar-SA']) {
  test.describe(`home, ${locale}`, () => {
    test.use({ locale });

    test('home, search and the list have no axe violations, in the reader’s direction', async ({ page }) => {
      const { h } = await openHome(page, '/#/customers/contoso/account');
      await expect.poll(() => h.all.count()).toBeGreaterThan(4);
      await expect.poll(() => h.forPage.count()).toBeGreaterThan(0);
      const rtl = locale === 'he-IL' || locale === 'ar-SA';
      await expect(h.panel).toHaveAttribute('dir', rtl ? 'rtl' : 'ltr');
      await expectNoViolations(page, `home (${locale})`);
      await h.query.fill('a');
      await h.query.fill('customer');
      await expect.poll(() => h.results.count()).toBeGreaterThan(0);
      await h.query.press('ArrowDown');
      await expectNoViolations(page, `search (${locale})`);
      if (['de-DE', 'zh-CN', 'ar-SA'].includes(locale)) {
        await h.query.press('Escape');
        await h.panel.screenshot({ path: path.join(__dirname, '..', '..', 'docs', 'screenshots', `home-${locale}.png`) });
      }
    });
  });
}

test.describe('keyboard only', () => {
  test.use({ locale: 'en-US' });

  test('icon → search → type → arrow → Enter → topic → step 1', async ({ page }) => {
    const { widget: w } = await openPortal(page, '/#/customers', { home: true });
    const h = home(page);
    await w.launcher.focus();
    await page.keyboard.press('Enter');
    await expect(h.query).toBeVisible();
    for (let i = 0; i < 10; i++) {
      const inQuery = await h.query.evaluate((el) => el.getRootNode() instanceof ShadowRoot && (el.getRootNode() as ShadowRoot).activeElement === el);
      if (inQuery) break;
      await page.keyboard.press('Tab');
    }
    await page.keyboard.type('customer list');
    await expect.poll(() => h.results.count()).toBeGreaterThan(0);
    await page.keyboard.press('ArrowDown');
    await expect(h.results.first()).toHaveAttribute('aria-selected', 'true');
    const slug = await h.results.first().getAttribute('data-slug');
    await page.keyboard.press('Enter');
    await expect(w.progress).toHaveText(/^Step 1 of \d+$/);
    expect(slug).toBe('see-your-customer-list');
  });
});
