/**
 * Accessibility of the open widget (axe-core at every step, in every seed locale and in
 * right-to-left Hebrew and Arabic), right-to-left layout and keys, and the widget's own
 * strings in the reader's language.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { openPortal, widget } from './support';

const SEED_LOCALES = ['zh-CN', 'ru-RU', 'de-DE', 'es-ES', 'sv-SE', 'en-US'];
const RTL = [
  { locale: 'he-IL', help: 'עזרה' },
  { locale: 'ar-SA', help: 'تعليمات' },
];

/** axe-core on the widget only (the demo portal is not the product). */
async function expectNoViolations(page: Page, what: string): Promise<void> {
  const results = await new AxeBuilder({ page }).include('[data-helpmark-host]').analyze();
  const found = results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(found, `axe violations ${what}`).toEqual([]);
}

/** Opens the widget and walks every step with Next, auditing each. */
async function auditEveryStep(page: Page, url: string, label: string): Promise<number> {
  const { widget: w } = await openPortal(page, url);
  await w.launcher.click();
  await expect(w.step).toBeVisible();
  // "Step 1 of 3", "7단계 중 1단계": the total is the larger number.
  const steps = Math.max(...((await w.progress.innerText()).match(/\d+/g) ?? []).map(Number));
  expect(steps).toBeGreaterThan(1);
  for (let n = 1; n <= steps; n++) {
    await expectNoViolations(page, `${label}, step ${n}`);
    if (n < steps) await w.next.click();
  }
  return steps;
}

for (const locale of SEED_LOCALES) {
  test.describe(`axe, ${locale}`, () => {
    test.use({ locale });
    test('the open widget has no violations at any step of the seed topic', async ({ page }) => {
      expect(await auditEveryStep(page, '/', locale)).toBe(3);
    });
  });
}

/** The other demo topics, each in every locale it has (the widget only). */
const MORE_TOPICS: Array<{ topic: string; steps: number; locales: string[] }> = [
  { topic: 'see-your-customer-list', steps: 3, locales: ['es-ES', 'ja-JP'] },
  { topic: 'add-a-new-customer', steps: 7, locales: ['fr-FR', 'ja-JP', 'ko-KR', 'zh-CN'] },
  { topic: 'give-customers-permission', steps: 3, locales: ['de-DE', 'es-ES', 'ja-JP', 'ru-RU', 'sv-SE', 'zh-CN'] },
];

for (const { topic, steps, locales } of MORE_TOPICS) {
  test.describe(`axe, ${topic}`, () => {
    for (const locale of locales) {
      test(`${locale}: the open widget has no violations at any step`, async ({ page }) => {
        expect(await auditEveryStep(page, `/?topic=${topic}&locale=${locale}`, `${topic} ${locale}`)).toBe(steps);
        await expect(widget(page).panel).toHaveAttribute('lang', locale);
      });
    }
  });
}

for (const { locale, help } of RTL) {
  test.describe(`right to left, ${locale}`, () => {
    test.use({ locale });

    test('the topic reads right to left, mirrored, with keys in the reading direction and no violations', async ({ page }) => {
      // Arrange and act
      const steps = await auditEveryStep(page, '/?topic=project-settings', locale);
      const w = widget(page);

      // Assert: direction and language from the locale; mirrored to the left side.
      await expect(w.panel).toHaveAttribute('dir', 'rtl');
      await expect(w.panel).toHaveAttribute('lang', locale);
      await expect(w.launcher).toHaveAttribute('aria-label', help);
      const panel = await w.panel.boundingBox();
      expect(panel!.x, 'the panel sits on the left in right-to-left').toBeLessThan(page.viewportSize()!.width / 2);
      // Left is "next" in a right-to-left panel.
      await w.back.click();
      await expect(w.progress).toContainText(String(steps - 1));
      await w.title.focus();
      await page.keyboard.press('ArrowLeft');
      await expect(w.progress).toContainText(String(steps));
      await page.keyboard.press('ArrowRight');
      await expect(w.progress).toContainText(String(steps - 1));
      // No bidi control characters from the article reach the page.
      expect(await w.panel.innerText()).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
      await page.screenshot({ path: `test-results/screenshots/rtl-${locale}.png` });
    });
  });
}

/** The widget's own strings visible or announced in the panel at step 1. */
async function uiStrings(page: Page): Promise<string[]> {
  const w = widget(page);
  return [
    (await w.launcher.getAttribute('aria-label')) ?? '',
    (await w.close.getAttribute('aria-label')) ?? '',
    await w.back.innerText(),
    await w.next.innerText(),
    await w.progress.innerText(),
    await page.locator('button.hm-original').innerText(),
  ].map((s) => s.trim());
}

const ENGLISH_UI = ['Help', 'Close help', 'Back', 'Next', 'Done', 'Step 1 of 3', 'Show original (English)'];

for (const locale of SEED_LOCALES.filter((l) => l !== 'en-US')) {
  test.describe(`UI strings, ${locale}`, () => {
    test.use({ locale });
    test('no English string of the widget appears', async ({ page }) => {
      const { widget: w } = await openPortal(page, '/');
      await w.launcher.click();
      await expect(w.step).toBeVisible();
      const shown = await uiStrings(page);
      for (const s of shown) expect(s).not.toBe('');
      for (const english of ENGLISH_UI) expect(shown, `${locale} shows "${english}"`).not.toContain(english);
    });
  });
}

test.describe('dark color scheme', () => {
  test.use({ locale: 'en-US', colorScheme: 'dark' });
  test('the panel follows it and stays free of violations', async ({ page }) => {
    const { widget: w } = await openPortal(page, '/');
    await w.launcher.click();
    await expect(w.step).toBeVisible();
    const background = await w.panel.evaluate((e) => getComputedStyle(e).backgroundColor);
    expect(background, 'a dark panel').toBe('rgb(37, 36, 35)');
    await expectNoViolations(page, 'in the dark scheme');
    await page.waitForTimeout(300);
    await page.screenshot({ path: 'test-results/screenshots/dark-en-US.png' });
  });
});
