/**
 * The writers' loop under `trunk serve` (playwright.serve.config.ts): saving an article
 * under assets/help rebuilds, regenerates the manifest and reloads the page, and the
 * preview shows the change, with nothing restarted. The test writes its own article
 * (a copy of the de-DE seed under another name) and removes it afterwards: the real
 * articles are never edited.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { expect, test } from '@playwright/test';

const ROOT = path.resolve(__dirname, '../..');
const SEED = path.join(ROOT, 'assets/help/de-DE/update-customer-account-info.md');
const SLUG = 'zz-preview-save-check';
const FILE = path.join(ROOT, 'assets/help/de-DE', `${SLUG}.md`);
const BEFORE = 'Wählen Sie einen Kunden aus der Liste aus.';
const AFTER = 'Wählen Sie den Kunden Contoso aus der Liste aus.';
/** A rebuild after a save: cargo (nothing to do), wasm-bindgen, the index hook. */
const REBUILD = 120_000;

test.use({ locale: 'de-DE', viewport: { width: 1280, height: 900 } });

test.afterEach(() => {
  fs.rmSync(FILE, { force: true });
});

test('saving a changed article updates what the preview shows', async ({ page }) => {
  // Arrange: under trunk serve the toolbar is on without ?preview.
  const seed = fs.readFileSync(SEED, 'utf8');
  expect(seed).toContain(BEFORE);
  await page.goto('/');
  const toolbar = page.locator('[data-helpmark-preview-toolbar]');
  await expect(toolbar).toBeVisible({ timeout: 60_000 });
  const topic = toolbar.getByLabel('Topic');
  const step = page.locator('section.hm-panel .hm-step');

  // Act: a writer adds an article.
  fs.writeFileSync(FILE, seed);

  // Assert: rebuilt, indexed and reloaded: the topic picker offers it; it opens in German.
  await expect(topic.locator(`option[value="${SLUG}"]`)).toHaveCount(1, { timeout: REBUILD });
  await topic.selectOption(SLUG);
  await expect(step).toContainText(BEFORE);
  await toolbar.getByRole('button', { name: 'Side by side' }).click();
  const row = toolbar.locator('.pv-table tbody tr', { hasText: 'Then choose a customer from the list' });
  await expect(row.locator('td').first()).toHaveText(BEFORE);

  // Act: the writer changes a sentence of the translation and saves. A marker on the
  // window shows whether the page was reloaded.
  await page.evaluate(() => ((window as unknown as { beforeSave: boolean }).beforeSave = true));
  fs.writeFileSync(FILE, seed.replace(`>${BEFORE}<`, `>${AFTER}<`));

  // Assert: the page reloaded by itself and shows the change in the widget and side by side,
  // on the same topic and step.
  await expect(step).toContainText(AFTER, { timeout: REBUILD });
  expect(await page.evaluate(() => (window as unknown as { beforeSave?: boolean }).beforeSave)).toBeUndefined();
  await expect(topic).toHaveValue(SLUG);
  await expect(row.locator('td').first()).toHaveText(AFTER);

  // Act: the writer breaks the article (no front matter any more).
  fs.writeFileSync(FILE, seed.replace(/^---\n/, ''));

  // Assert: the preview still loads and says which file cannot be read, and why.
  await expect(toolbar.locator('.pv-failures')).toContainText(
    `de-DE/${SLUG}.md:1:1: error:`,
    { timeout: REBUILD },
  );
  await expect(toolbar.locator('.pv-failures')).toContainText('[not-a-topic]');
});
