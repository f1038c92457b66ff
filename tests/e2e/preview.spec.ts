/**
 * The writers' preview toolbar on the demo portal (demo/preview.js), on the release
 * build with `?preview` (under `trunk serve` it is on without it: tests/serve/). A topic
 * picker with every manifest topic, a language switcher with the topic's locales and
 * English, the segments side by side, and the diagnostics: `helpmark lint` of the file
 * shown and the anchors of the current step that are not on the current page.
 */
import * as path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { normalize, openPortal } from './support';

interface Manifest {
  topics: { slug: string; locales: { locale: string; path: string }[] }[];
}

function toolbar(page: Page) {
  const root = page.locator('[data-helpmark-preview-toolbar]');
  return {
    root,
    topic: root.getByLabel('Topic'),
    language: root.getByLabel('Language'),
    sides: root.getByRole('button', { name: 'Side by side' }),
    diagnostics: root.getByRole('button', { name: /^Diagnostics/ }),
    summary: root.locator('.pv-summary'),
    missing: root.locator('[data-preview-missing]'),
    lint: root.locator('[data-preview-lint] li'),
    table: root.locator('.pv-table'),
  };
}

async function manifest(page: Page): Promise<Manifest> {
  return page.evaluate(() => fetch('help/manifest.json').then((r) => r.json()));
}

test('the toolbar is not shown without ?preview, nor on a plain host page', async ({ page }) => {
  // Arrange, act
  await openPortal(page, '/');
  await expect(page.locator('#portal-main h1')).toBeVisible();

  // Assert
  await expect(page.locator('[data-helpmark-preview-toolbar]')).toHaveCount(0);
  await page.goto('/embed-example.html?preview');
  await expect(page.locator('help-mark, [data-helpmark-host]').first()).toBeAttached();
  await expect(page.locator('[data-helpmark-preview-toolbar]')).toHaveCount(0);
});

test.describe('preview, browser locale de-DE', () => {
  test.use({ locale: 'de-DE', viewport: { width: 1280, height: 900 } });

  test('topic picker and language switcher list the manifest; switching changes the widget and the file', async ({ page }) => {
    // Arrange
    const { widget: w } = await openPortal(page, '/?preview');
    const t = toolbar(page);
    const m = await manifest(page);

    // Assert: every topic; the seed topic's locales, English included.
    await expect(t.topic).toHaveValue('update-customer-account-info');
    const topics = await t.topic.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(topics).toEqual(m.topics.map((topic) => topic.slug));
    await expect(t.language).toHaveValue('de-DE');
    const seed = m.topics.find((topic) => topic.slug === 'update-customer-account-info')!;
    const languages = await t.language.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(languages).toEqual(seed.locales.map((l) => l.locale));
    expect(languages).toEqual(expect.arrayContaining(['de-DE', 'es-ES', 'ru-RU', 'sv-SE', 'zh-CN', 'en-US']));
    await expect(t.summary).toContainText('de-DE/update-customer-account-info.md');

    // Act: Spanish.
    await t.language.selectOption('es-ES');

    // Assert: the widget reads Spanish, the toolbar shows the Spanish file, the URL keeps it.
    await expect(w.progress).toHaveText('Paso 1 de 3');
    await expect(t.summary).toContainText('es-ES/update-customer-account-info.md');
    expect(new URL(page.url()).searchParams.get('locale')).toBe('es-ES');

    // Act: English, the source halves.
    await t.language.selectOption('en-US');
    await expect(w.progress).toHaveText('Step 1 of 3');
    await expect(w.step).toHaveText(/^From the Partner Center menu, select Customers\./);

    // Act: another topic; the widget opens it, in a locale that topic has.
    await t.topic.selectOption('project-settings');
    await expect(w.title).toHaveText('Project settings');
    await expect(t.topic).toHaveValue('project-settings');
    await expect(t.summary).toContainText('/project-settings.md');
    expect(new URL(page.url()).searchParams.get('topic')).toBe('project-settings');
  });

  test('side by side shows every segment, translation and English, flagging repaired lines', async ({ page }) => {
    // Arrange
    await openPortal(page, '/?preview');
    const t = toolbar(page);
    await expect(t.summary).toContainText('de-DE/update-customer-account-info.md');

    // Act
    await t.sides.click();

    // Assert
    await expect(t.sides).toHaveAttribute('aria-expanded', 'true');
    await expect(t.table.locator('caption')).toHaveText('de-DE/update-customer-account-info.md: 11 segments');
    await expect(t.table.locator('tbody tr')).toHaveCount(11);
    const step1 = t.table.locator('tbody tr', { hasText: 'From the Partner Center menu, select Customers.' });
    await expect(step1.locator('th')).toHaveText('31');
    await expect(step1.locator('td').nth(0)).toHaveText('Wählen Sie im Partner Center -Menü die Option Kunden aus.');
    await expect(step1.locator('td').nth(0)).toHaveAttribute('lang', 'de-DE');
    await expect(step1.locator('td').nth(2)).toContainText('bold glued to the next word');
    await expect(step1).toHaveClass(/pv-flagged/);
  });

  test('diagnostics: the file’s lint results and the step’s anchors missing on this page', async ({ page }, testInfo) => {
    // Arrange
    const { widget: w } = await openPortal(page, '/?preview');
    const t = toolbar(page);
    await t.diagnostics.click();
    // (Its link to give-customers-permission.md resolves: that topic is in the demo too.)
    await expect(t.lint).toHaveText([
      /^de-DE\/update-customer-account-info\.md:27:318: info: .*\[repair-broken-reference-link\]$/,
      /^de-DE\/update-customer-account-info\.md:31:5: info: .*bold glued to the next word.*\[repair-glued-bold\]$/,
    ]);

    // Act: step 1 on the dashboard. The Customers item is in the closed menu, which is
    // on the page; the customer list of "Then choose a customer from the list" is not.
    await w.launcher.click();
    await expect(t.missing.locator('li')).toHaveText([
      'Step 1 of 3: “Then choose a customer from the list” is not on this page',
    ]);

    // Act: step 2 (Account, then Update) on the dashboard.
    await w.next.click();

    // Assert
    await expect(t.missing.locator('li')).toHaveText([
      'Step 2 of 3: “account” is not on this page',
      'Step 2 of 3: “update” is not on this page',
    ]);
    await expect(t.summary).toContainText('2 anchors not on this page');
    await expect(t.diagnostics).toHaveText('Diagnostics (4)');
    await page.screenshot({ path: path.join(testInfo.project.outputDir, 'screenshots', 'preview-toolbar-de-DE.png') });

    // Act: the page where they are (an in-page navigation, as the portal's links make).
    await page.evaluate(() => (location.hash = '#/customers/contoso/account'));

    // Assert: the check follows the page.
    await expect(t.missing).toHaveText('Step 2 of 3: every anchor is on this page.');
  });

  test('the toolbar with its panels open has no axe violations and reflows on a narrow screen', async ({ page }) => {
    // Arrange
    const { widget: w } = await openPortal(page, '/?preview');
    const t = toolbar(page);
    await t.sides.click();
    await t.diagnostics.click();
    await w.launcher.click();
    await expect(t.missing).toBeVisible();

    // Assert
    const results = await new AxeBuilder({ page }).include('[data-helpmark-preview-toolbar]').analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    await page.setViewportSize({ width: 360, height: 740 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, 'no horizontal scrolling at 360 px').toBeLessThanOrEqual(0);
    expect(normalize(await t.summary.innerText())).toContain('de-DE/update-customer-account-info.md');
  });
});
